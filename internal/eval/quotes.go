package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/article"
	"github.com/dyadproject/dyad/internal/pipeline"
)

// PolArticle is one PolNeAR article with the gold of its direct quotes.
type PolArticle struct {
	Name   string // text file name without ".txt"
	Date   time.Time
	Text   string
	Quotes []PolQuote
}

// PolQuote is one gold direct quote: the words between a pair of quotation
// marks inside the content of an attribution, and that attribution's source.
type PolQuote struct {
	dyad.Span               // bytes into Text, without the marks
	Source      []dyad.Span // empty for an attribution without a source
	Attribution string      // the relation's id, "E3"
}

// ReadPolNeAR reads a PolNeAR split folder (one holding text/ and
// attributions/) or the corpus folder, whose split (train, dev, test) is
// then used. An article annotated by several annotators is read once, with
// the annotation file that sorts first.
func ReadPolNeAR(dir, split string) ([]PolArticle, error) {
	if _, err := os.Stat(filepath.Join(dir, "attributions")); err != nil {
		dir = filepath.Join(dir, split)
	}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil || len(anns) == 0 {
		return nil, fmt.Errorf("%w: %s holds no attributions/*.ann", ErrGold, dir)
	}
	slices.Sort(anns)
	var out []PolArticle
	seen := map[string]bool{}
	for _, ann := range anns {
		base := filepath.Base(ann)
		name := strings.TrimSuffix(base, ".ann")
		if i := strings.LastIndexByte(name, '_'); i > 0 {
			name = name[:i] // the annotator's id
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		text, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrGold, err)
		}
		f, err := os.Open(ann)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrGold, err)
		}
		a, err := ParsePolNeAR(ann, string(text), f)
		f.Close()
		if err != nil {
			return nil, err
		}
		a.Name = name
		out = append(out, a)
	}
	return out, nil
}

// polDate is the publication date in a PolNeAR file name,
// "nyt_2016-10-02_title".
func polDate(name string) time.Time {
	parts := strings.SplitN(filepath.Base(name), "_", 3)
	if len(parts) < 2 {
		return time.Time{}
	}
	d, err := time.Parse(dyad.DateLayout, parts[1])
	if err != nil {
		return time.Time{}
	}
	return d
}

// ParsePolNeAR reads the standoff annotation of text (brat format: "T1\tSource
// 89 106\tThe New York Post" text-bound spans in characters, and
// "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1" relations) and returns the
// article with its direct quotes. name is used in errors and for the date.
func ParsePolNeAR(name, text string, ann io.Reader) (PolArticle, error) {
	if !utf8.ValidString(text) {
		return PolArticle{}, fmt.Errorf("%w: %s: text is not valid UTF-8", ErrGold, name)
	}
	art := PolArticle{Name: name, Date: polDate(name), Text: text}
	byteAt := runeOffsets(text)
	spans := map[string][]dyad.Span{}
	var rels [][2]string // id, rest
	sc := bufio.NewScanner(ann)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	lastText := false // whether the previous line was a text-bound span
	for line := 1; sc.Scan(); line++ {
		l := strings.TrimRight(sc.Text(), "\r")
		fields := strings.SplitN(l, "\t", 3)
		bad := func(why string) error { return fmt.Errorf("%w: %s:%d: %s", ErrGold, name, line, why) }
		if !isAnnotationID(fields[0]) || len(fields) < 2 {
			if lastText || strings.TrimSpace(l) == "" {
				// The quoted text of a span that holds a line break goes
				// on over the next lines.
				continue
			}
			return PolArticle{}, bad("want tab-separated id and annotation")
		}
		lastText = fields[0][0] == 'T'
		switch fields[0][0] {
		case 'T':
			sp, err := parseFragments(fields[1], byteAt)
			if err != nil {
				return PolArticle{}, bad(err.Error())
			}
			spans[fields[0]] = sp
		case 'E':
			rels = append(rels, [2]string{fields[0], fields[1]})
		case '#', 'A', 'R', 'N':
			// Notes, attributes and other relations carry nothing scored.
		default:
			return PolArticle{}, bad(fmt.Sprintf("unknown annotation %q", fields[0]))
		}
	}
	if err := sc.Err(); err != nil {
		return PolArticle{}, fmt.Errorf("%w: %s: %v", ErrGold, name, err)
	}
	for _, r := range rels {
		var content, source []dyad.Span
		for _, arg := range strings.Fields(r[1]) {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				return PolArticle{}, fmt.Errorf("%w: %s: relation %s: argument %q is not ROLE:ID", ErrGold, name, r[0], arg)
			}
			sp, known := spans[id]
			if !known {
				return PolArticle{}, fmt.Errorf("%w: %s: relation %s names unknown span %s", ErrGold, name, r[0], id)
			}
			switch {
			case strings.HasPrefix(role, "Content"):
				content = append(content, sp...)
			case role == "Source":
				source = append(source, sp...)
			}
		}
		slices.SortFunc(content, func(a, b dyad.Span) int { return a.Start - b.Start })
		for _, seg := range quotedSegments(text, joinFragments(text, content)) {
			art.Quotes = append(art.Quotes, PolQuote{Span: seg, Source: source, Attribution: r[0]})
		}
	}
	slices.SortFunc(art.Quotes, func(a, b PolQuote) int { return a.Start - b.Start })
	return art, nil
}

// isAnnotationID reports whether s is a brat id: T12, E3, A1, R2, N4 or #1.
func isAnnotationID(s string) bool {
	if len(s) < 2 || !strings.ContainsRune("TEARN#", rune(s[0])) {
		return false
	}
	_, err := strconv.Atoi(s[1:])
	return err == nil
}

// joinFragments merges content fragments that only white space separates:
// some annotators cut a long quote at each sentence.
func joinFragments(text string, frags []dyad.Span) []dyad.Span {
	var out []dyad.Span
	for _, f := range frags {
		if n := len(out); n > 0 && f.Start >= out[n-1].End && strings.TrimSpace(text[out[n-1].End:f.Start]) == "" {
			out[n-1].End = max(out[n-1].End, f.End)
			continue
		}
		out = append(out, f)
	}
	return out
}

// runeOffsets maps a character offset to its byte offset; the extra last
// entry is len(text).
func runeOffsets(text string) []int {
	out := make([]int, 0, len(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}

// parseFragments reads "Type 12 30" or "Type 12 30;35 40".
func parseFragments(s string, byteAt []int) ([]dyad.Span, error) {
	_, ranges, ok := strings.Cut(s, " ")
	if !ok {
		return nil, fmt.Errorf("span %q has no offsets", s)
	}
	var out []dyad.Span
	for _, r := range strings.Split(ranges, ";") {
		f := strings.Fields(r)
		if len(f) != 2 {
			return nil, fmt.Errorf("span %q: want START END", r)
		}
		a, err1 := strconv.Atoi(f[0])
		b, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil || a < 0 || b < a || b >= len(byteAt) {
			return nil, fmt.Errorf("span %q: offsets not within the text's %d characters", r, len(byteAt)-1)
		}
		out = append(out, dyad.Span{Start: byteAt[a], End: byteAt[b]})
	}
	return out, nil
}

// isDoubleMark reports whether r is a double quotation mark.
func isDoubleMark(r rune) bool { return strings.ContainsRune("\"“”«»„", r) }

// opensQuote decides whether the double mark at byte i opens a quote: a
// typographic mark says so itself, a straight one by the spaces around it
// or, when they do not tell, by whether a quote is open.
func opensQuote(text string, i int, inside bool) bool {
	r, n := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '“', '«', '„':
		return true
	case '”', '»':
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i+n:])
	spaceBefore := i == 0 || unicode.IsSpace(before) || strings.ContainsRune("([{—–-", before)
	spaceAfter := i+n >= len(text) || unicode.IsSpace(after) || unicode.IsPunct(after) && !isDoubleMark(after)
	if spaceBefore != spaceAfter {
		return spaceBefore
	}
	return !inside
}

// quotedSegments returns the stretches between paired double quotation marks
// inside the content fragments, trimmed to their first and last letter or
// digit. A mark that opens at the start of a paragraph while a quote is open
// continues it (a quote over several paragraphs); a quote still open at the
// end of a fragment ends there, and a closing mark without an opening one
// closes a quote that began with the fragment.
func quotedSegments(text string, content []dyad.Span) []dyad.Span {
	var out []dyad.Span
	emit := func(s, e int) {
		if sp, ok := trimToWords(text, dyad.Span{Start: s, End: e}); ok {
			out = append(out, sp)
		}
	}
	for _, c := range content {
		open := -1
		for i, r := range text[c.Start:c.End] {
			if !isDoubleMark(r) {
				continue
			}
			i += c.Start
			next := i + utf8.RuneLen(r)
			opens := opensQuote(text, i, open >= 0)
			switch {
			case opens && open < 0:
				open = next
			case opens && !paragraphStart(text, i):
				emit(open, i)
				open = next
			case opens:
				// The repeated mark of a quote's next paragraph.
			case open >= 0:
				emit(open, i)
				open = -1
			default:
				emit(c.Start, i)
			}
		}
		if open >= 0 {
			emit(open, c.End)
		}
	}
	return out
}

// paragraphStart reports whether only spaces stand between byte i and the
// previous line break.
func paragraphStart(text string, i int) bool {
	j := strings.LastIndexByte(text[:i], '\n')
	return j >= 0 && strings.TrimSpace(text[j+1:i]) == ""
}

// trimToWords shrinks s to start at its first letter or digit and end after
// its last one.
func trimToWords(text string, s dyad.Span) (dyad.Span, bool) {
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	i := strings.IndexFunc(text[s.Start:s.End], word)
	if i < 0 {
		return dyad.Span{}, false
	}
	j := strings.LastIndexFunc(text[s.Start:s.End], word)
	_, n := utf8.DecodeRuneInString(text[s.Start+j:])
	return dyad.Span{Start: s.Start + i, End: s.Start + j + n}, true
}

// QuoteScore is the score of dyad's direct quotes against PolNeAR. Its
// top-level figures use the overlap criterion; Exact gives the same under
// exact spans.
type QuoteScore struct {
	Articles        int         `json:"articles"`
	Criterion       string      `json:"criterion"`
	Precision       float64     `json:"precision"`
	Recall          float64     `json:"recall"`
	F1              float64     `json:"f1"`
	SpeakerAccuracy float64     `json:"speaker_accuracy"`
	Overlap         QuoteCounts `json:"overlap"`
	Exact           QuoteCounts `json:"exact"`
	// Misses lists, for a person improving the coder, the gold quotes not
	// found, the predictions not in the gold and the wrong speakers.
	Misses []string `json:"misses,omitempty"`
}

// QuoteCounts is quote-span precision, recall and F1 under one matching
// criterion, and the speaker accuracy over the matched quotes whose gold
// attribution has a source.
type QuoteCounts struct {
	PRF
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	// SpeakerAccuracyByWords counts a speaker right only by its words: its
	// span overlaps the gold source or ends with the same word. The
	// SpeakerAccuracy also takes a speaker dyad resolved to the actor that
	// the gold source's words name.
	SpeakerAccuracyByWords float64 `json:"speaker_accuracy_by_words"`
	SpeakersRight          int     `json:"speakers_right"`
	SpeakersScored         int     `json:"speakers_scored"`
}

// OverlapCriterion describes how the top-level figures match spans.
const OverlapCriterion = "overlap: a predicted and a gold quote, each trimmed to its first and last letter or digit, match when the characters they share are at least half of each; one to one"

// matchFunc reports whether a prediction matches a gold span.
type matchFunc func(g, p dyad.Span) bool

func exactMatch(g, p dyad.Span) bool { return g == p }

func overlapMatch(g, p dyad.Span) bool {
	shared := min(g.End, p.End) - max(g.Start, p.Start)
	return shared > 0 && 2*shared >= g.Len() && 2*shared >= p.Len()
}

// ScoreQuotes scores the direct quotes of the analyzed documents (docs[i]
// for gold[i]) under both criteria.
func ScoreQuotes(gold []PolArticle, docs []*dyad.Document, details bool) QuoteScore {
	s := QuoteScore{Articles: len(gold), Criterion: OverlapCriterion}
	var ov, ex quoteTally
	for i, a := range gold {
		var ps []dyad.Quote
		for _, q := range docs[i].Quotes {
			if q.Kind == "direct" {
				ps = append(ps, q)
			}
		}
		var misses *[]string
		if details {
			misses = &s.Misses
		}
		ov.add(a, docs[i], ps, overlapMatch, misses)
		ex.add(a, docs[i], ps, exactMatch, nil)
	}
	s.Overlap, s.Exact = ov.counts(), ex.counts()
	s.Precision, s.Recall, s.F1, s.SpeakerAccuracy = s.Overlap.Precision, s.Overlap.Recall, s.Overlap.F1, s.Overlap.SpeakerAccuracy
	return s
}

type quoteTally struct{ tp, pred, gold, spRight, spWords, spScored int }

func (t quoteTally) counts() QuoteCounts {
	c := QuoteCounts{PRF: prf(t.tp, t.pred, t.tp, t.gold), SpeakersRight: t.spRight, SpeakersScored: t.spScored}
	if t.spScored > 0 {
		c.SpeakerAccuracy = float64(t.spRight) / float64(t.spScored)
		c.SpeakerAccuracyByWords = float64(t.spWords) / float64(t.spScored)
	}
	return c
}

// add matches one article's predictions to its gold one to one, in text
// order, and counts; misses, when not nil, receives a line per error.
func (t *quoteTally) add(a PolArticle, doc *dyad.Document, ps []dyad.Quote, match matchFunc, misses *[]string) {
	t.pred += len(ps)
	t.gold += len(a.Quotes)
	used := make([]bool, len(ps))
	note := func(format string, args ...any) {
		if misses != nil {
			*misses = append(*misses, a.Name+": "+fmt.Sprintf(format, args...))
		}
	}
	for _, g := range a.Quotes {
		found := -1
		for i, p := range ps {
			if sp, ok := trimToWords(a.Text, dyad.Span{Start: p.Start, End: p.End}); !used[i] && ok && match(g.Span, sp) {
				found = i
				break
			}
		}
		if found < 0 {
			note("missed %q", clip(a.Text[g.Start:g.End], 80))
			continue
		}
		used[found] = true
		t.tp++
		if len(g.Source) == 0 {
			continue
		}
		t.spScored++
		byWords := speakerRight(a.Text, g.Source, ps[found].Speaker)
		if byWords {
			t.spWords++
		}
		if byWords || sameActor(doc, g.Source, ps[found].Speaker) {
			t.spRight++
			continue
		}
		got := "none"
		if s := ps[found].Speaker; s != nil {
			got = fmt.Sprintf("%q", s.Text)
		}
		note("speaker %s, gold %q, of %q", got, a.Text[g.Source[0].Start:g.Source[0].End], clip(a.Text[g.Start:g.End], 60))
	}
	for i, p := range ps {
		if !used[i] {
			note("extra %q", clip(p.Text, 80))
		}
	}
}

// speakerRight reports whether a predicted speaker names the gold source:
// their spans overlap, or both end with the same word ("Donald Trump" and
// "Trump" in another sentence).
func speakerRight(text string, source []dyad.Span, sp *dyad.Speaker) bool {
	if sp == nil {
		return false
	}
	pred := dyad.Span{Start: sp.Start, End: sp.End}
	for _, g := range source {
		if g.Overlaps(pred) {
			return true
		}
	}
	last := lastWord(sp.Text)
	return last != "" && last == lastWord(text[source[len(source)-1].Start:source[len(source)-1].End])
}

// sameActor reports whether a mention inside the gold source's words stands
// for the actor the predicted speaker was resolved to: "she" resolved to
// Warren against the gold "Elizabeth Warren".
func sameActor(doc *dyad.Document, source []dyad.Span, sp *dyad.Speaker) bool {
	if sp == nil || sp.Actor == "" {
		return false
	}
	for _, m := range doc.Mentions {
		if m.Actor < 0 || m.Actor >= len(doc.Actors) {
			continue
		}
		for _, g := range source {
			if g.Contains(m.Span) && doc.Actors[m.Actor].ID == sp.Actor {
				return true
			}
		}
	}
	return false
}

// lastWord returns the last word of s, lowercased, without a possessive.
func lastWord(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' })
	if len(f) == 0 {
		return ""
	}
	w := strings.TrimSuffix(strings.TrimSuffix(f[len(f)-1], "'s"), "’s")
	return strings.Trim(w, "'’")
}

// PolNeAR analyzes each gold article with an and scores its direct quotes.
// An article the reader refuses is an error naming it.
func PolNeAR(an *pipeline.Analyzer, gold []PolArticle, details bool) (QuoteScore, error) {
	docs := make([]*dyad.Document, len(gold))
	for i, g := range gold {
		a := &dyad.Article{ID: g.Name, Input: g.Name + ".txt", Text: g.Text, Date: g.Date}
		if err := article.Prepare(a, article.Options{}); err != nil {
			return QuoteScore{}, fmt.Errorf("polnear %s: %w", g.Name, err)
		}
		docs[i] = an.Analyze(a)
	}
	return ScoreQuotes(gold, docs, details), nil
}
