package eval

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/actors"
	"github.com/dyadproject/dyad/internal/kb"
	"github.com/dyadproject/dyad/internal/places"
)

// actorsGold is dyad's own gold of actor mentions: invented sentences, each
// with the mentions a careful coder marks and their CAMEO codes on the
// article's date.
//
//go:embed testdata/actors.gold
var actorsGold []byte

// ActorsGold returns the embedded gold of `dyad eval actors`.
func ActorsGold() []byte { return actorsGold }

// ActorCase is one gold item: a short text, its date and its mentions.
type ActorCase struct {
	Date     string // YYYY-MM-DD, "" for none
	Text     string
	Mentions []GoldMention
	Line     int
}

// GoldMention is one mention of the gold: the words (the first occurrence
// after the previous mention of the case), the codes of the actors they
// stand for ("USAGOV", "JPN+KOR" for a plural), and whether it is a
// coreferent mention (a pronoun or description, "~" in the file).
type GoldMention struct {
	Text  string
	Codes []string
	Coref bool
	Line  int
}

// ParseActorsGold reads the gold format:
//
//	# a comment
//	## 2023-05-02            (a case; "## -" when the article has no date)
//	Antony Blinken met Japan's foreign minister. He criticized China.
//	- Antony Blinken = USAGOV
//	- Japan's foreign minister = JPNGOV
//	~ He = USAGOV
//	- China = CHN
//
// Mentions are listed in text order; "-" marks a name or role, "~" a
// pronoun or description that refers back; a case with no mention lines
// expects none.
func ParseActorsGold(r io.Reader) ([]ActorCase, error) {
	var cases []ActorCase
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		switch {
		case s == "" || strings.HasPrefix(s, "# ") || s == "#":
		case strings.HasPrefix(s, "## "):
			d := strings.TrimSpace(s[3:])
			if d == "-" {
				d = ""
			} else if _, err := time.Parse(time.DateOnly, d); err != nil {
				return nil, fmt.Errorf("%w: line %d: date %q is not YYYY-MM-DD or -", ErrGold, line, d)
			}
			cases = append(cases, ActorCase{Date: d, Line: line})
		case len(cases) == 0:
			return nil, fmt.Errorf("%w: line %d: text before the first ## case", ErrGold, line)
		case strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "~ "):
			c := &cases[len(cases)-1]
			words, codes, ok := strings.Cut(s[2:], " = ")
			if !ok || c.Text == "" || strings.TrimSpace(words) == "" || strings.TrimSpace(codes) == "" {
				return nil, fmt.Errorf("%w: line %d: want \"- words = CODE\" after the case's text", ErrGold, line)
			}
			c.Mentions = append(c.Mentions, GoldMention{Text: strings.TrimSpace(words),
				Codes: strings.Split(strings.TrimSpace(codes), "+"), Coref: s[0] == '~', Line: line})
		default:
			c := &cases[len(cases)-1]
			if c.Text != "" {
				return nil, fmt.Errorf("%w: line %d: a case has one line of text", ErrGold, line)
			}
			c.Text = s
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, c := range cases {
		if c.Text == "" {
			return nil, fmt.Errorf("%w: line %d: case without text", ErrGold, c.Line)
		}
		from := 0
		for _, m := range c.Mentions {
			i := strings.Index(c.Text[from:], m.Text)
			if i < 0 {
				return nil, fmt.Errorf("%w: line %d: %q is not in the text after the previous mention", ErrGold, m.Line, m.Text)
			}
			from += i + len(m.Text)
		}
	}
	return cases, nil
}

// ActorsReport is what `dyad eval actors` prints.
type ActorsReport struct {
	Cases int `json:"cases"`
	// Mentions scores every top-level mention: right words and right codes.
	Mentions PRF `json:"mentions"`
	// Coreference scores the pronouns and descriptions alone.
	Coreference PRF `json:"coreference"`
	// Codes scores the codes whatever the words' span, by case: the
	// multiset of codes found against the gold's.
	Codes PRF `json:"codes"`
	// Misses lists, for --details, each wrong or missing mention.
	Misses []string `json:"misses,omitempty"`
}

// Actors runs stages (the language layer, then places and actors over k)
// on each gold case and scores the mentions.
func Actors(lang dyad.Stage, k *kb.KB, gold []byte) (ActorsReport, error) {
	cases, err := ParseActorsGold(bytes.NewReader(gold))
	if err != nil {
		return ActorsReport{}, err
	}
	rep := ActorsReport{Cases: len(cases)}
	var ment, coref, codes counts
	stages := []dyad.Stage{lang, places.New(k), actors.New(k)}
	for _, c := range cases {
		a := &dyad.Article{Text: c.Text}
		if c.Date != "" {
			a.Date, _ = time.Parse(time.DateOnly, c.Date)
		}
		doc := dyad.NewDocument(a)
		for _, s := range stages {
			if err := s.Process(doc); err != nil {
				return rep, fmt.Errorf("line %d: %s: %w", c.Line, s.Name(), err)
			}
		}
		got := topMentions(doc)
		// Gold spans, located in order.
		type span struct{ start, end int }
		gspans := make([]span, len(c.Mentions))
		from := 0
		for i, m := range c.Mentions {
			j := from + strings.Index(c.Text[from:], m.Text)
			gspans[i] = span{j, j + len(m.Text)}
			from = j + len(m.Text)
		}
		var goldCodes, gotCodes []string
		for i, g := range c.Mentions {
			goldCodes = append(goldCodes, g.Codes...)
			ment.gold++
			if g.Coref {
				coref.gold++
			}
			found := false
			for _, p := range got {
				if p.Start == gspans[i].start && p.End == gspans[i].end && sameCodes(p.codes, g.Codes) {
					found = true
				}
			}
			if found {
				ment.tp++
				if g.Coref {
					coref.tp++
				}
			} else {
				rep.Misses = append(rep.Misses, fmt.Sprintf("line %d: %q = %s not found", g.Line, g.Text, strings.Join(g.Codes, "+")))
			}
		}
		for _, p := range got {
			gotCodes = append(gotCodes, p.codes...)
			ment.pred++
			if p.coref {
				coref.pred++
			}
			matched := false
			for i, g := range c.Mentions {
				if p.Start == gspans[i].start && p.End == gspans[i].end && sameCodes(p.codes, g.Codes) {
					matched = true
				}
			}
			if !matched {
				rep.Misses = append(rep.Misses, fmt.Sprintf("line %d: extra %q = %s", c.Line, p.text, strings.Join(p.codes, "+")))
			}
		}
		codes.gold += len(goldCodes)
		codes.pred += len(gotCodes)
		codes.tp += multisetOverlap(goldCodes, gotCodes)
	}
	rep.Mentions, rep.Coreference, rep.Codes = ment.prf(), coref.prf(), codes.prf()
	return rep, nil
}

// counts accumulates true positives, predictions and gold items.
type counts struct{ tp, pred, gold int }

func (c counts) prf() PRF { return prf(c.tp, c.pred, c.tp, c.gold) }

// predicted is a top-level mention with the codes of the actors it names.
type predicted struct {
	dyad.Span
	text  string
	codes []string
	coref bool
}

// topMentions returns the document's mentions not inside a longer one.
func topMentions(doc *dyad.Document) []predicted {
	var out []predicted
	for i, m := range doc.Mentions {
		inside := false
		for j, o := range doc.Mentions {
			if j != i && o.Contains(m.Span) && (o.Len() > m.Len() || j < i) {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		p := predicted{Span: m.Span, text: m.Text, coref: m.Kind == "pronoun" || m.Kind == "description"}
		for _, ai := range append([]int{m.Actor}, m.Also...) {
			if c := doc.Actors[ai].Code; c != "" {
				p.codes = append(p.codes, c)
			}
		}
		if len(p.codes) > 0 { // uncoded actors (names only the recognizer knows) are not scored
			out = append(out, p)
		}
	}
	return out
}

func sameCodes(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// multisetOverlap counts the items a and b share, with repetition.
func multisetOverlap(a, b []string) int {
	left := map[string]int{}
	for _, s := range a {
		left[s]++
	}
	n := 0
	for _, s := range b {
		if left[s] > 0 {
			left[s]--
			n++
		}
	}
	return n
}
