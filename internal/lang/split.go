package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// Splitter is the language stage: it fills a document's Sentences and Tokens.
// The zero value is ready to use and safe for concurrent use.
type Splitter struct{}

var _ dyad.Stage = Splitter{}

// Name returns "lang".
func (Splitter) Name() string { return "lang" }

// Process tokenizes the article body and splits it into sentences.
func (Splitter) Process(doc *dyad.Document) error {
	a := doc.Article
	text := a.Text
	doc.Tokens = doc.Tokens[:0]
	doc.Sentences = doc.Sentences[:0]
	para := 0
	pos := 0
	regions := append(a.Skip[:len(a.Skip):len(a.Skip)], dyad.Span{Start: len(text), End: len(text)})
	for _, skip := range regions {
		if skip.Start > pos {
			para = splitRegion(doc, text, pos, skip.Start, para)
		}
		if skip.End > pos {
			pos = skip.End
		}
	}
	return nil
}

// splitRegion splits text[start:end] into paragraphs and those into sentences,
// numbering paragraphs from para; it returns the next paragraph number.
func splitRegion(doc *dyad.Document, text string, start, end, para int) int {
	p := start
	for p < end {
		q := paragraphEnd(text, p, end)
		first := len(doc.Tokens)
		doc.Tokens = Tokenize(text, p, q, doc.Tokens)
		if len(doc.Tokens) > first {
			splitSentences(doc, first, para)
			para++
		}
		p = q
	}
	return para
}

// paragraphEnd returns the end of the paragraph starting at p: a blank line,
// or a line break after a line that ends a sentence or is short like a
// subheading.
func paragraphEnd(text string, p, end int) int {
	lineStart := p
	for i := p; i < end; i++ {
		if text[i] != '\n' {
			continue
		}
		line := strings.TrimSpace(text[lineStart:i])
		rest := text[i+1 : end]
		trimmed := strings.TrimLeft(rest, " \t\r")
		if strings.HasPrefix(trimmed, "\n") || line != "" && (endsSentence(line) || len(line) < 50 && startsUpper(trimmed)) {
			if line == "" && lineStart == p {
				lineStart = i + 1
				continue
			}
			return i + 1
		}
		lineStart = i + 1
	}
	return end
}

func endsSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?:\"”’'", r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || isQuoteRune(r) || unicode.IsDigit(r)
}

// splitSentences cuts doc.Tokens[first:] (one paragraph) into sentences.
func splitSentences(doc *dyad.Document, first, para int) {
	toks := doc.Tokens
	begin := first
	for k := first; k < len(toks); k++ {
		if !canEnd(toks[k]) {
			continue
		}
		end := k + 1
		for end < len(toks) && closes(toks, end) {
			end++
		}
		if end < len(toks) && !startsSentence(toks[k], toks[end]) {
			continue
		}
		addSentence(doc, begin, end, para)
		begin = end
		k = end - 1
	}
	if begin < len(toks) {
		addSentence(doc, begin, len(toks), para)
	}
}

func addSentence(doc *dyad.Document, first, end, para int) {
	doc.Sentences = append(doc.Sentences, dyad.Sentence{
		Span:       dyad.Span{Start: doc.Tokens[first].Start, End: doc.Tokens[end-1].End},
		FirstToken: first, EndToken: end, Paragraph: para,
	})
}

// canEnd reports whether a sentence may end after t.
func canEnd(t dyad.Token) bool {
	switch t.Kind {
	case dyad.Punct:
		return t.Text[0] == '.' || t.Text == "!" || t.Text == "?" || t.Text == "…"
	case dyad.Word:
		c := classify(t.Text)
		return c == otherAbbrev || c == monthAbbrev
	}
	return false
}

// closes reports whether toks[i] closes what precedes it (a closing quotation
// mark or bracket attached to the previous token) and so stays in its sentence.
func closes(toks []dyad.Token, i int) bool {
	t := toks[i]
	attached := toks[i-1].End == t.Start
	switch {
	case t.Text == ")" || t.Text == "]":
		return true
	case t.Text == "”" || t.Text == "’" || t.Text == "»":
		return true
	case t.Kind == dyad.QuoteMark:
		return attached
	}
	return false
}

// startsSentence decides a possible boundary after the token last, given the
// next token.
func startsSentence(last, next dyad.Token) bool {
	r, _ := utf8.DecodeRuneInString(next.Text)
	if unicode.IsLower(r) {
		return false
	}
	switch classify(last.Text) {
	case titleAbbrev, initialAbbrev:
		return false
	case monthAbbrev, otherAbbrev:
		return next.Kind == dyad.QuoteMark || starters[strings.ToLower(next.Text)]
	}
	if last.Text == "." || last.Text == "!" || last.Text == "?" || strings.HasPrefix(last.Text, "..") || last.Text == "…" {
		return unicode.IsUpper(r) || unicode.IsDigit(r) || next.Kind == dyad.QuoteMark ||
			next.Kind == dyad.Punct && strings.ContainsRune("([-—–", r)
	}
	return true
}
