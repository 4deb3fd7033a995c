package eval

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/lang"
)

// ErrText reports a treebank sentence whose words cannot be found in its text.
var ErrText = errors.New("eval: words do not match the sentence text")

// RawDocument is the text of one treebank document rebuilt from its
// sentences, with the gold spans.
type RawDocument struct {
	// ID is the document's "# newdoc id", or "" when it has none.
	ID   string
	Text string
	// Words are the spans of the syntactic words in text order. The words of
	// a multiword token whose FORMs do not spell the token share its span,
	// listed once.
	Words []dyad.Span
	// Sentences are the spans of the sentences' texts, trimmed of spaces.
	Sentences []dyad.Span
}

// RawDocuments rebuilds the documents of a treebank: a sentence with a
// "# newdoc" comment starts one (sentences before the first such comment form
// a document too), the sentences' "# text" are joined by a space, or by a
// blank line before a "# newpar". It fails with [ErrText] when a sentence's
// tokens cannot be found in order in its text.
func RawDocuments(sents []*conllu.Sentence) ([]RawDocument, error) {
	var docs []RawDocument
	var b strings.Builder
	flush := func() {
		if len(docs) > 0 {
			docs[len(docs)-1].Text = b.String()
		}
		b.Reset()
	}
	for i, s := range sents {
		if s == nil {
			return nil, fmt.Errorf("rebuild documents: sentence %d is nil", i+1)
		}
		if len(docs) == 0 || hasComment(s, "newdoc") {
			flush()
			id, _ := s.Comment("newdoc id")
			docs = append(docs, RawDocument{ID: id})
		}
		d := &docs[len(docs)-1]
		if b.Len() > 0 {
			if hasComment(s, "newpar") {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		base := b.Len()
		text := s.Text()
		b.WriteString(text)
		sent, words, err := sentenceSpans(text, s)
		if err != nil {
			return nil, fmt.Errorf("rebuild documents: sentence %s: %w", sentenceName(s, i), err)
		}
		d.Sentences = append(d.Sentences, shift(sent, base))
		for _, w := range words {
			d.Words = append(d.Words, shift(w, base))
		}
	}
	flush()
	return docs, nil
}

// hasComment reports whether s has a comment whose first word is key
// ("newpar", "newpar id = p1").
func hasComment(s *conllu.Sentence, key string) bool {
	for _, c := range s.Comments {
		if k, _, _ := strings.Cut(strings.TrimSpace(c), " "); k == key || strings.HasPrefix(c, key+"=") {
			return true
		}
	}
	return false
}

func shift(s dyad.Span, by int) dyad.Span { return dyad.Span{Start: s.Start + by, End: s.End + by} }

// sentenceSpans returns the span of the trimmed text and the word spans of s,
// as offsets into text.
func sentenceSpans(text string, s *conllu.Sentence) (dyad.Span, []dyad.Span, error) {
	start := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	end := len(strings.TrimRightFunc(text, unicode.IsSpace))
	if start >= end {
		return dyad.Span{}, nil, fmt.Errorf("%w: no text", ErrText)
	}
	var words []dyad.Span
	pos := 0
	for _, u := range s.Surface() {
		sp, ok := locate(text, pos, u.Form)
		if !ok {
			return dyad.Span{}, nil, fmt.Errorf("%w: token %q not found after byte %d of %q", ErrText, u.Form, pos, text)
		}
		pos = sp.End
		if u.Last == u.First {
			words = append(words, sp)
			continue
		}
		if parts, ok := splitToken(text, sp, s.Words[u.First:u.Last+1]); ok {
			words = append(words, parts...)
		} else {
			words = append(words, sp)
		}
	}
	return dyad.Span{Start: start, End: end}, words, nil
}

// locate finds form in text at the first non-space byte from pos. Like the
// CoNLL 2018 scorer, it ignores whitespace in the form and inside the token.
func locate(text string, pos int, form string) (dyad.Span, bool) {
	i := skipSpace(text, pos)
	start, found := i, false
	for k := 0; k < len(form); {
		r, size := utf8.DecodeRuneInString(form[k:])
		piece := form[k : k+size]
		k += size
		if unicode.IsSpace(r) {
			continue
		}
		if found {
			i = skipSpace(text, i)
		}
		if !strings.HasPrefix(text[i:], piece) {
			return dyad.Span{}, false
		}
		i += size
		found = true
	}
	return dyad.Span{Start: start, End: i}, found
}

func skipSpace(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// splitToken gives each word of a multiword token its part of the token's
// span sp, when the words' FORMs spell the token's text case-insensitively
// ("do" + "n't" for "don't", "do" + "nt" for "dont").
func splitToken(text string, sp dyad.Span, words []conllu.Word) ([]dyad.Span, bool) {
	parts := make([]dyad.Span, 0, len(words))
	pos := sp.Start
	for _, w := range words {
		end := pos + len(w.Form)
		if w.Form == "" || end > sp.End || !strings.EqualFold(text[pos:end], w.Form) {
			return nil, false
		}
		parts = append(parts, dyad.Span{Start: pos, End: end})
		pos = end
	}
	return parts, pos == sp.End
}

// SegmentScores are tokenization and sentence-splitting scores. Tokens are
// syntactic words (see the package documentation).
type SegmentScores struct {
	Tokens    PRF `json:"tokens"`
	Sentences PRF `json:"sentences"`
}

// ScoreSegmentation scores predicted word and sentence spans against gold,
// document by document: predWords[i] and predSentences[i] are offsets into
// gold[i].Text. A word matches when its start and end are both right; so does
// a sentence, after both are trimmed of spaces (a prediction that is only
// spaces is dropped). Predictions for documents beyond gold are ignored.
func ScoreSegmentation(gold []RawDocument, predWords, predSentences [][]dyad.Span) SegmentScores {
	var w, s [4]int
	for i, d := range gold {
		addCounts(&w, matchSpans(d.Words, at(predWords, i)))
		addCounts(&s, matchSpans(d.Sentences, trimSpans(d.Text, at(predSentences, i))))
	}
	return SegmentScores{Tokens: prf(w[0], w[1], w[2], w[3]), Sentences: prf(s[0], s[1], s[2], s[3])}
}

func at(spans [][]dyad.Span, i int) []dyad.Span {
	if i < len(spans) {
		return spans[i]
	}
	return nil
}

// matchSpans counts exact matches, each gold span matched at most once, as
// [matched predictions, predictions, matched gold, gold].
func matchSpans(gold, pred []dyad.Span) [4]int {
	unused := make(map[dyad.Span]int, len(gold))
	for _, g := range gold {
		unused[g]++
	}
	tp := 0
	for _, p := range pred {
		if unused[p] > 0 {
			unused[p]--
			tp++
		}
	}
	return [4]int{tp, len(pred), tp, len(gold)}
}

// trimSpans clamps spans to text and trims them of spaces, dropping the empty.
func trimSpans(text string, spans []dyad.Span) []dyad.Span {
	out := make([]dyad.Span, 0, len(spans))
	for _, s := range spans {
		start, end := max(0, min(s.Start, len(text))), max(0, min(s.End, len(text)))
		if start >= end {
			continue
		}
		t := text[start:end]
		start += len(t) - len(strings.TrimLeftFunc(t, unicode.IsSpace))
		end -= len(t) - len(strings.TrimRightFunc(t, unicode.IsSpace))
		if start < end {
			out = append(out, dyad.Span{Start: start, End: end})
		}
	}
	return out
}

// SegmentationReport compares dyad's tokenizer and sentence splitter with a
// baseline on the same documents.
type SegmentationReport struct {
	Dyad     SegmentScores `json:"dyad"`
	Baseline SegmentScores `json:"baseline"`
	// BaselineName names the baseline and its version.
	BaselineName string `json:"baseline_name"`
	// BaselineNote says what the baseline's scores mean.
	BaselineNote string `json:"baseline_note"`
	// Documents, Words and Sentences count the gold.
	Documents int `json:"documents"`
	Words     int `json:"words"`
	Sentences int `json:"sentences"`
}

// Baseline description for SegmentationReport.
const (
	baselineName = "github.com/neurosnap/sentences v1.1.2 (Punkt, embedded English model)"
	baselineNote = "sentences from Punkt; tokens from the package's own word tokenizer, " +
		"which splits at whitespace only (punctuation and clitics stay attached: \"river.\", \"don't\"), " +
		"so its token scores are a whitespace baseline"
)

// EvaluateSegmentation runs dyad's language stage (lang.Splitter) and the
// baseline, neurosnap/sentences with its English model, over the text of each
// document and scores both against the gold spans.
func EvaluateSegmentation(gold []RawDocument) (SegmentationReport, error) {
	punkt, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return SegmentationReport{}, fmt.Errorf("load baseline: %w", err)
	}
	rep := SegmentationReport{BaselineName: baselineName, BaselineNote: baselineNote, Documents: len(gold)}
	n := len(gold)
	dyadWords, dyadSents := make([][]dyad.Span, n), make([][]dyad.Span, n)
	baseWords, baseSents := make([][]dyad.Span, n), make([][]dyad.Span, n)
	for i, d := range gold {
		rep.Words += len(d.Words)
		rep.Sentences += len(d.Sentences)
		doc := dyad.NewDocument(&dyad.Article{Text: d.Text})
		if err := (lang.Splitter{}).Process(doc); err != nil {
			return SegmentationReport{}, fmt.Errorf("split document %d %s: %w", i+1, d.ID, err)
		}
		for _, t := range doc.Tokens {
			dyadWords[i] = append(dyadWords[i], t.Span)
		}
		for _, s := range doc.Sentences {
			dyadSents[i] = append(dyadSents[i], s.Span)
		}
		for _, s := range punkt.Tokenize(d.Text) {
			baseSents[i] = append(baseSents[i], dyad.Span{Start: s.Start, End: s.End})
		}
		baseWords[i] = locateTokens(d.Text, punkt.WordTokenizer.Tokenize(d.Text, false))
	}
	rep.Dyad = ScoreSegmentation(gold, dyadWords, dyadSents)
	rep.Baseline = ScoreSegmentation(gold, baseWords, baseSents)
	return rep, nil
}

// locateTokens maps the baseline's word tokens, which carry their text and
// not always their offsets, back to byte spans of text.
func locateTokens(text string, toks []*sentences.Token) []dyad.Span {
	out := make([]dyad.Span, 0, len(toks))
	pos := 0
	for _, t := range toks {
		k := strings.Index(text[pos:], t.Tok)
		if t.Tok == "" || k < 0 {
			continue
		}
		start := pos + k
		pos = start + len(t.Tok)
		out = append(out, dyad.Span{Start: start, End: pos})
	}
	return out
}
