package themes

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/dyadproject/dyad"
)

//go:embed themes.txt
var themesTXT []byte

// ErrTaxonomy reports a malformed theme table.
var ErrTaxonomy = errors.New("themes: bad taxonomy")

// Theme is one entry of the taxonomy.
type Theme struct {
	ID, Name string
	Phrases  []string
}

// phrase is a compiled phrase: its words, the last possibly a prefix.
type phrase struct {
	theme  int
	words  []string
	prefix bool
}

// Tagger is the theme stage. It is safe for concurrent use.
type Tagger struct {
	themes  []Theme
	byFirst map[string][]phrase // exact first word → phrases
	byStem  map[string][]phrase // first three bytes → one-word prefix phrases, longest first
}

var _ dyad.Stage = (*Tagger)(nil)

// NewTagger parses the embedded taxonomy.
func NewTagger() (*Tagger, error) {
	t := &Tagger{byFirst: map[string][]phrase{}, byStem: map[string][]phrase{}}
	sc := bufio.NewScanner(bytes.NewReader(themesTXT))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 3 || f[0] == "" || f[1] == "" {
			return nil, fmt.Errorf("themes.txt:%d: %w: want ID, name and phrases separated by tabs", line, ErrTaxonomy)
		}
		th := Theme{ID: f[0], Name: f[1], Phrases: strings.Split(f[2], "|")}
		idx := len(t.themes)
		t.themes = append(t.themes, th)
		for _, p := range th.Phrases {
			p = strings.ToLower(strings.TrimSpace(p))
			ph := phrase{theme: idx, words: strings.Fields(strings.TrimSuffix(p, "*")), prefix: strings.HasSuffix(p, "*")}
			if len(ph.words) == 0 {
				return nil, fmt.Errorf("themes.txt:%d: %w: empty phrase in %s", line, ErrTaxonomy, th.ID)
			}
			if ph.prefix && len(ph.words) == 1 {
				if len(ph.words[0]) < 3 {
					return nil, fmt.Errorf("themes.txt:%d: %w: prefix %q shorter than 3 letters", line, ErrTaxonomy, p)
				}
				k := ph.words[0][:3]
				t.byStem[k] = append(t.byStem[k], ph)
			} else {
				t.byFirst[ph.words[0]] = append(t.byFirst[ph.words[0]], ph)
			}
		}
	}
	for _, ps := range t.byStem {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words[0]) > len(ps[j].words[0]) })
	}
	return t, nil
}

// Themes returns the taxonomy.
func (t *Tagger) Themes() []Theme { return t.themes }

// Name returns "themes".
func (*Tagger) Name() string { return "themes" }

// Process adds doc.Themes, in taxonomy order.
func (t *Tagger) Process(doc *dyad.Document) error {
	found := map[int][]dyad.MentionRef{}
	for si := range doc.Sentences {
		toks := doc.SentenceTokens(si)
		for k := 0; k < len(toks); {
			if toks[k].Kind != dyad.Word {
				k++
				continue
			}
			th, n := t.match(toks[k:])
			if n == 0 {
				k++
				continue
			}
			s, e := toks[k].Start, toks[k+n-1].End
			found[th] = append(found[th], dyad.MentionRef{Text: doc.Article.Text[s:e], Start: s, End: e, Sentence: si})
			k += n
		}
	}
	ids := make([]int, 0, len(found))
	for id := range found {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		doc.Themes = append(doc.Themes, dyad.Theme{ID: t.themes[id].ID, Name: t.themes[id].Name, Mentions: found[id],
			Events: eventsIn(doc, found[id])})
	}
	return nil
}

// eventsIn returns the IDs of the events whose sentence holds one of ms.
func eventsIn(doc *dyad.Document, ms []dyad.MentionRef) []string {
	var out []string
	for _, e := range doc.Events {
		for _, m := range ms {
			if m.Sentence == e.Sentence {
				out = append(out, e.ID)
				break
			}
		}
	}
	return out
}

// match returns the theme and length of the longest phrase at toks[0].
func (t *Tagger) match(toks []dyad.Token) (int, int) {
	w := strings.ToLower(toks[0].Text)
	best, bestN := -1, 0
	for _, p := range t.byFirst[w] {
		if n := p.matchAt(toks); n > bestN {
			best, bestN = p.theme, n
		}
	}
	if bestN == 0 && len(w) >= 3 {
		for _, p := range t.byStem[w[:3]] {
			if strings.HasPrefix(w, p.words[0]) {
				return p.theme, 1
			}
		}
	}
	return best, bestN
}

// matchAt returns the number of tokens p covers at toks[0], or 0.
func (p phrase) matchAt(toks []dyad.Token) int {
	if len(toks) < len(p.words) {
		return 0
	}
	for i, w := range p.words {
		tw := strings.ToLower(toks[i].Text)
		last := i == len(p.words)-1
		if tw != w && !(last && p.prefix && strings.HasPrefix(tw, w)) {
			return 0
		}
	}
	return len(p.words)
}
