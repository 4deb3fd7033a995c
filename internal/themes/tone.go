package themes

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/dyadproject/dyad"
)

//go:embed polarity.tsv
var polarityTSV []byte

// Toner is the tone stage. It is safe for concurrent use.
type Toner struct {
	polarity map[string]int8
}

var _ dyad.Stage = (*Toner)(nil)

// NewToner parses the embedded polarity table.
func NewToner() (*Toner, error) {
	t := &Toner{polarity: map[string]int8{}}
	sc := bufio.NewScanner(bytes.NewReader(polarityTSV))
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.HasPrefix(text, "#") || text == "word\tpolarity" {
			continue
		}
		w, p, ok := strings.Cut(text, "\t")
		if !ok || (p != "+1" && p != "-1") {
			return nil, fmt.Errorf("polarity.tsv:%d: %w: %q", line, ErrTaxonomy, text)
		}
		t.polarity[w] = map[string]int8{"+1": 1, "-1": -1}[p]
	}
	return t, sc.Err()
}

// Name returns "tone".
func (*Toner) Name() string { return "tone" }

// selfGroup are the first-person pronouns GDELT counts as self/group
// references.
var selfGroup = map[string]bool{"i": true, "me": true, "my": true, "mine": true, "myself": true,
	"we": true, "us": true, "our": true, "ours": true, "ourselves": true}

// count is the word tallies of a stretch of text.
type count struct{ words, pos, neg, verbs, self int }

func (t *Toner) add(c *count, tk dyad.Token) {
	if tk.Kind != dyad.Word {
		return
	}
	c.words++
	low := strings.ToLower(tk.Text)
	switch t.polarity[low] {
	case 1:
		c.pos++
	case -1:
		c.neg++
	}
	if tk.UPOS == "VERB" {
		c.verbs++
	}
	if selfGroup[low] {
		c.self++
	}
}

func pct(n, of int) float64 { return round(100 * float64(n) / float64(of)) }

// Process sets doc.Tone from the words of the analyzed sentences, and the
// tone of the sentences that mention each pair of actors.
func (t *Toner) Process(doc *dyad.Document) error {
	var all count
	for _, tk := range doc.Tokens {
		t.add(&all, tk)
	}
	if all.words == 0 {
		return nil
	}
	p, n := pct(all.pos, all.words), pct(all.neg, all.words)
	doc.Tone = &dyad.Tone{Tone: round(p - n), Positive: p, Negative: n, Polarity: round(p + n),
		ActivityDensity: pct(all.verbs, all.words), SelfGroupDensity: pct(all.self, all.words),
		Words: all.words, Pairs: t.pairs(doc)}
	return nil
}

// nested reports whether mention i lies inside a longer mention: "France"
// in "France's foreign minister" is part of that actor's name, not a second
// party to the sentence.
func nested(ms []dyad.Mention, i int) bool {
	for j, o := range ms {
		if j != i && o.Contains(ms[i].Span) && o.Len() > ms[i].Len() {
			return true
		}
	}
	return false
}

// pairs returns the tone of the sentences mentioning each pair of actors,
// a mention standing for several actors ("they") counting for each and a
// mention nested in another not at all.
func (t *Toner) pairs(doc *dyad.Document) []dyad.PairTone {
	bySentence := map[int][]int{}
	for i, m := range doc.Mentions {
		if m.Sentence < 0 || m.Sentence >= len(doc.Sentences) || nested(doc.Mentions, i) {
			continue
		}
		for _, a := range append([]int{m.Actor}, m.Also...) {
			if a >= 0 && a < len(doc.Actors) && !slices.Contains(bySentence[m.Sentence], a) {
				bySentence[m.Sentence] = append(bySentence[m.Sentence], a)
			}
		}
	}
	type pairCount struct {
		count
		sentences int
	}
	tally := map[[2]int]*pairCount{}
	for si, actors := range bySentence {
		slices.Sort(actors)
		var c count
		for _, tk := range doc.SentenceTokens(si) {
			t.add(&c, tk)
		}
		for i, a := range actors {
			for _, b := range actors[i+1:] {
				pc := tally[[2]int{a, b}]
				if pc == nil {
					pc = &pairCount{}
					tally[[2]int{a, b}] = pc
				}
				pc.sentences++
				pc.words += c.words
				pc.pos += c.pos
				pc.neg += c.neg
			}
		}
	}
	keys := slices.SortedFunc(maps.Keys(tally), func(x, y [2]int) int {
		if x[0] != y[0] {
			return x[0] - y[0]
		}
		return x[1] - y[1]
	})
	var out []dyad.PairTone
	for _, k := range keys {
		pc := tally[k]
		if pc.words == 0 {
			continue
		}
		a, b := doc.Actors[k[0]], doc.Actors[k[1]]
		p, n := pct(pc.pos, pc.words), pct(pc.neg, pc.words)
		out = append(out, dyad.PairTone{Actor1: a.ID, Actor2: b.ID, Code1: a.Code, Code2: b.Code,
			Sentences: pc.sentences, Tone: round(p - n), Positive: p, Negative: n, Words: pc.words})
	}
	return out
}

func round(v float64) float64 { return math.Round(v*100) / 100 }
