package quotes

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// Stage is the quotation stage. The zero value is ready to use.
type Stage struct{}

var _ dyad.Stage = Stage{}

// Name returns "quotes".
func (Stage) Name() string { return "quotes" }

// cues are the verbs that introduce speech.
var cues = wordSet(`say says said saying tell tells told add adds added warn warns
	warned insist insists insisted write writes wrote state states stated ask asks asked declare
	declares declared note notes noted stress stresses stressed explain explains explained argue
	argues argued claim claims claimed reply replies replied respond responds responded announce
	announces announced continue continues continued remark remarks remarked recall recalls recalled
	vow vows vowed admit admits admitted acknowledge acknowledges acknowledged caution cautions
	cautioned emphasize emphasizes emphasized emphasise emphasises emphasised conclude concludes
	concluded tweet tweets tweeted post posts posted comment comments commented complain complains
	complained concede concedes conceded counter counters countered predict predicts predicted
	repeat repeats repeated assert asserts asserted affirm affirms affirmed confirm confirms
	confirmed defend defends defended`)

// pronouns that may stand for a speaker.
var pronouns = wordSet("he she they we it i")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Process adds doc.Quotes.
func (Stage) Process(doc *dyad.Document) error {
	spans := findQuotes(doc)
	var last *dyad.Speaker
	lastPara := -10
	for _, q := range spans {
		quote := dyad.Quote{Kind: "direct", Start: q.Start, End: q.End, Text: doc.Text(q.Span),
			Sentence: doc.SentenceAt(q.Start)}
		para := doc.Sentences[quote.Sentence].Paragraph
		cue, speaker := attribute(doc, q)
		if isName(doc, q) && (speaker == nil || afterPreposition(doc, q)) {
			// "Face the Nation", a tweet's number: a title or a label in
			// quotation marks, no one's words ("spoke on "Meet the
			// Press"" has no speaker either).
			continue
		}
		switch {
		case speaker != nil:
			if last != nil && para-lastPara <= 1 && plural(speaker.Text) && strings.Contains(last.Text, " and ") {
				// "they said" right after "X and Y wrote": the same speakers.
				speaker.Actor, speaker.Code, speaker.Country = last.Actor, last.Code, last.Country
				speaker.Sector, speaker.Role, speaker.Also = last.Sector, last.Role, last.Also
			}
			quote.Cue, quote.Speaker = cue, speaker
		case last != nil && para-lastPara <= 1:
			// A quote without a cue continues the previous speaker.
			quote.Speaker = last
		}
		if quote.Speaker != nil {
			last, lastPara = quote.Speaker, para
		}
		doc.Quotes = append(doc.Quotes, quote)
	}
	doc.Quotes = append(doc.Quotes, indirect(doc, spans)...)
	for i := range doc.Quotes {
		doc.Quotes[i].ID = fmt.Sprintf("q%d", i+1)
	}
	return nil
}

// quoteSpan is a quotation's content (without its marks) and the token
// indices of its first and last content tokens.
type quoteSpan struct {
	dyad.Span
	first, last int
}

// findQuotes pairs double quotation marks. A quote left open at the end of a
// paragraph continues when the next paragraph opens with a quotation mark,
// else it ends with its paragraph.
func findQuotes(doc *dyad.Document) []quoteSpan {
	var out []quoteSpan
	open := -1
	for si, s := range doc.Sentences {
		for k := s.FirstToken; k < s.EndToken; k++ {
			t := doc.Tokens[k]
			if t.Kind != dyad.QuoteMark || !isDouble(t.Text) {
				continue
			}
			opening := isOpening(doc, k, open >= 0)
			switch {
			case open < 0 && opening:
				open = k
			case open >= 0 && !opening:
				out = appendQuote(out, doc, open+1, k)
				open = -1
			case open >= 0 && opening && !continues(doc, si, k):
				// A new opening mark: the previous quote ran on unclosed.
				out = appendQuote(out, doc, open+1, k)
				open = k
			}
		}
		lastOfPara := si+1 == len(doc.Sentences) || doc.Sentences[si+1].Paragraph != s.Paragraph
		if open >= 0 && lastOfPara && !(si+1 < len(doc.Sentences) && opensWithQuote(doc, si+1)) {
			out = appendQuote(out, doc, open+1, s.EndToken)
			open = -1
		}
	}
	return out
}

func isDouble(mark string) bool { return mark != "'" && mark != "‘" && mark != "’" }

// isOpening decides whether the quotation mark at token k opens a quote.
func isOpening(doc *dyad.Document, k int, inside bool) bool {
	switch doc.Tokens[k].Text {
	case "“", "«", "„":
		return true
	case "”", "»":
		return false
	}
	t := doc.Tokens[k]
	text := doc.Article.Text
	before, _ := utf8.DecodeLastRuneInString(text[:t.Start])
	after, _ := utf8.DecodeRuneInString(text[t.End:])
	spaceBefore := t.Start == 0 || strings.ContainsRune(" \t\n\r([{—–-", before)
	spaceAfter := t.End >= len(text) || strings.ContainsRune(" \t\n\r.,;:!?)]}", after)
	switch {
	case spaceBefore && !spaceAfter:
		return true
	case !spaceBefore && spaceAfter:
		return false
	}
	return !inside
}

// continues reports whether the opening mark at token k is the repeated mark
// that starts the next paragraph of a quote still open.
func continues(doc *dyad.Document, si, k int) bool {
	s := doc.Sentences[si]
	return k == s.FirstToken && si > 0 && doc.Sentences[si-1].Paragraph != s.Paragraph
}

// opensWithQuote reports whether sentence si starts a paragraph with an
// opening quotation mark.
func opensWithQuote(doc *dyad.Document, si int) bool {
	s := doc.Sentences[si]
	t := doc.Tokens[s.FirstToken]
	return t.Kind == dyad.QuoteMark && isDouble(t.Text) && isOpening(doc, s.FirstToken, false)
}

// appendQuote adds the quote whose content is tokens [first, end), trimmed of
// trailing commas.
func appendQuote(out []quoteSpan, doc *dyad.Document, first, end int) []quoteSpan {
	last := end - 1
	for last >= first && (doc.Tokens[last].Text == "," || doc.Tokens[last].Kind == dyad.QuoteMark && isDouble(doc.Tokens[last].Text)) {
		last--
	}
	if last < first {
		return out
	}
	return append(out, quoteSpan{
		Span:  dyad.Span{Start: doc.Tokens[first].Start, End: doc.Tokens[last].End},
		first: first, last: last,
	})
}

// indirect finds reported speech introduced by "that" after a cue ("X said
// that …") outside the direct quotes.
func indirect(doc *dyad.Document, direct []quoteSpan) []dyad.Quote {
	var out []dyad.Quote
	for si, s := range doc.Sentences {
		for c := s.FirstToken; c+2 < s.EndToken; c++ {
			if !isCue(doc.Tokens[c]) || !strings.EqualFold(doc.Tokens[c+1].Text, "that") || insideAny(direct, doc.Tokens[c].Start) {
				continue
			}
			start := c
			for start > s.FirstToken && doc.Tokens[start-1].Text != "," && doc.Tokens[start-1].Kind != dyad.QuoteMark && c-start < 12 {
				start--
			}
			sp := trimSpeaker(doc, [2]int{start, c})
			if sp[1] == sp[0] {
				continue
			}
			last := s.EndToken - 1
			for last > c+1 && doc.Tokens[last].Kind != dyad.Word && doc.Tokens[last].Kind != dyad.Number {
				last--
			}
			if last <= c+1 || containsQuoteMark(doc, c+2, last+1) {
				continue
			}
			span := dyad.Span{Start: doc.Tokens[c+2].Start, End: doc.Tokens[last].End}
			out = append(out, dyad.Quote{Kind: "indirect", Text: doc.Text(span), Start: span.Start, End: span.End,
				Sentence: si, Cue: snippet(doc, c, c+1), Speaker: resolve(doc, sp, span.Start)})
			break
		}
	}
	return out
}

// titleWords may stay lower case in a title: "Face the Nation".
var titleWords = wordSet("a an the of and or in on at to for with by from")

// isName reports whether quote q is a short title in title case ("Meet the
// Press") or holds no letters at all (a number).
func isName(doc *dyad.Document, q quoteSpan) bool {
	words := 0
	for k := q.first; k <= q.last; k++ {
		t := doc.Tokens[k]
		if t.Kind != dyad.Word {
			continue
		}
		words++
		ch, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsUpper(ch) && !(k > q.first && titleWords[t.Text]) {
			return false
		}
	}
	return words <= 5
}

// prepositions that put a title after them: "on "Meet the Press"".
var prepositions = wordSet("on in at of from to for with by about")

// afterPreposition reports whether quote q's opening mark follows a
// preposition.
func afterPreposition(doc *dyad.Document, q quoteSpan) bool {
	k := q.first - 1
	for k >= 0 && doc.Tokens[k].Kind == dyad.QuoteMark {
		k--
	}
	return k >= 0 && prepositions[strings.ToLower(doc.Tokens[k].Text)]
}

func insideAny(qs []quoteSpan, offset int) bool {
	for _, q := range qs {
		if offset >= q.Start && offset < q.End {
			return true
		}
	}
	return false
}

func containsQuoteMark(doc *dyad.Document, from, to int) bool {
	for k := from; k < to; k++ {
		if doc.Tokens[k].Kind == dyad.QuoteMark && isDouble(doc.Tokens[k].Text) {
			return true
		}
	}
	return false
}

func plural(pronoun string) bool {
	p := strings.ToLower(pronoun)
	return p == "they" || p == "we"
}
