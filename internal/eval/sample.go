package eval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"
	"unicode"

	"github.com/dyadproject/dyad"
)

// ErrGold reports a gold file that cannot be read.
var ErrGold = errors.New("eval: bad gold file")

// Story is the gold annotation of one story.
type Story struct {
	Name   string // file name, "01-seoul-tokyo-intelligence.txt"
	Events []GoldEvent
	Quotes []GoldQuote
}

// GoldEvent is one hand-coded event.
type GoldEvent struct {
	Source, Target string // "" target: any
	Codes          []string
	Negated        bool
	Reciprocal     bool
	Optional       bool
	Line           int
}

// GoldQuote is one hand-attributed direct quote.
type GoldQuote struct {
	Text     string
	Speakers []string // actor codes; empty when the gold gives none
	Line     int
}

var (
	storyHeading = regexp.MustCompile(`^## (\S+\.txt)`)
	altCodes     = regexp.MustCompile(`alt ([0-9]+(?:, *[0-9]+)*)`)
	codeLike     = regexp.MustCompile(`^[A-Z]{3,}$`)
)

// ParseSample reads the gold file of the sample corpus.
func ParseSample(r io.Reader) ([]Story, error) {
	var stories []Story
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if m := storyHeading.FindStringSubmatch(text); m != nil {
			stories = append(stories, Story{Name: m[1]})
			continue
		}
		if !strings.HasPrefix(text, "| ") || len(stories) == 0 {
			continue
		}
		cells := splitRow(text)
		st := &stories[len(stories)-1]
		switch {
		case len(cells) == 8 && isCode(cells[0]) && isCAMEO(cells[1]):
			evs, err := parseEventRow(cells, line)
			if err != nil {
				return nil, err
			}
			st.Events = append(st.Events, evs...)
		case len(cells) == 4 && strings.HasPrefix(cells[0], `"`):
			st.Quotes = append(st.Quotes, GoldQuote{Text: cells[0], Speakers: speakerCodes(cells[2]), Line: line})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(stories) == 0 {
		return nil, fmt.Errorf("%w: no story headings", ErrGold)
	}
	return stories, nil
}

func splitRow(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(strings.TrimSuffix(row, "|"), "|")
	cells := strings.Split(row, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

func isCode(s string) bool { return codeLike.MatchString(s) }
func isCAMEO(s string) bool {
	return len(s) >= 2 && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}

func parseEventRow(c []string, line int) ([]GoldEvent, error) {
	notes := c[7]
	// "IGOUNO [UNSC]": the code, with the organization's id for readers.
	if f := strings.Fields(c[2]); len(f) > 1 && strings.HasPrefix(f[1], "[") {
		c[2] = f[0]
	}
	ev := GoldEvent{Source: c[0], Codes: []string{c[1]}, Negated: c[5] == "yes", Line: line,
		Reciprocal: strings.Contains(notes, "reciprocal"), Optional: strings.Contains(notes, "optional")}
	if isCode(c[2]) {
		ev.Target = c[2]
	} else if c[2] != "—" && c[2] != "-" && c[2] != "" {
		return nil, fmt.Errorf("%w: line %d: target %q", ErrGold, line, c[2])
	}
	if m := altCodes.FindStringSubmatch(notes); m != nil {
		for _, a := range strings.Split(m[1], ",") {
			ev.Codes = append(ev.Codes, strings.TrimSpace(a))
		}
	}
	out := []GoldEvent{ev}
	for _, part := range strings.Split(notes, ";") {
		part = strings.TrimSpace(part)
		if !strings.HasPrefix(part, "also ") {
			continue
		}
		// "also JPNGOV → PRK", "also → PAK", "also FRA → ISR", "also → JPN,
		// USA", "also KOR → PHL, AUS → PHL": a source holds until the next.
		rest := strings.TrimPrefix(part, "also ")
		if !strings.Contains(rest, "→") {
			continue
		}
		src := ev.Source
		for _, item := range strings.Split(rest, ",") {
			t := item
			if s, tgt, ok := strings.Cut(item, "→"); ok {
				if s = strings.TrimSpace(s); s != "" {
					src = s
				}
				t = tgt
			}
			t = strings.TrimSpace(t)
			if isCode(src) && isCode(t) {
				e := ev
				e.Source, e.Target = src, t
				out = append(out, e)
			}
		}
	}
	return out, nil
}

func speakerCodes(cell string) []string {
	var out []string
	for _, s := range strings.Split(cell, "+") {
		s = strings.TrimSpace(s)
		if isCode(s) {
			out = append(out, s)
		}
	}
	return out
}

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TruePos   int     `json:"true_positives"`
	Predicted int     `json:"predicted"`
	Gold      int     `json:"gold"`
}

func prf(tpPred, predicted, tpGold, gold int) PRF {
	p := PRF{TruePos: tpGold, Predicted: predicted, Gold: gold}
	if predicted > 0 {
		p.Precision = float64(tpPred) / float64(predicted)
	}
	if gold > 0 {
		p.Recall = float64(tpGold) / float64(gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

// Report is the score of a run on the sample gold.
type Report struct {
	Stories        int     `json:"stories"`
	Events         PRF     `json:"events"`
	EventsByRoot   PRF     `json:"events_by_root"`
	Quotes         PRF     `json:"quotes"`
	SpeakerAcc     float64 `json:"speaker_accuracy"`
	SpeakersScored int     `json:"speakers_scored"`
}

// ScoreSample scores results against the stories; results are matched to
// stories by the base name of their Input.
func ScoreSample(stories []Story, results []dyad.Result) Report {
	byName := map[string]*dyad.Result{}
	for i := range results {
		byName[path.Base(results[i].Input)] = &results[i]
	}
	var rep Report
	var strict, root [4]int // tpPred, predicted, tpGold, gold
	var qs [4]int
	speakersOK := 0
	for _, st := range stories {
		r, ok := byName[st.Name]
		if !ok {
			continue
		}
		rep.Stories++
		evs := assertedOrPlanned(r.Events)
		addCounts(&strict, matchEvents(st.Events, evs, false))
		addCounts(&root, matchEvents(st.Events, evs, true))
		q, ok2 := matchQuotes(st.Quotes, r.Quotes)
		addCounts(&qs, q)
		speakersOK += ok2[0]
		rep.SpeakersScored += ok2[1]
	}
	rep.Events = prf(strict[0], strict[1], strict[2], strict[3])
	rep.EventsByRoot = prf(root[0], root[1], root[2], root[3])
	rep.Quotes = prf(qs[0], qs[1], qs[2], qs[3])
	if rep.SpeakersScored > 0 {
		rep.SpeakerAcc = float64(speakersOK) / float64(rep.SpeakersScored)
	}
	return rep
}

// assertedOrPlanned drops the hypothetical events ("could", "can", "if"),
// for which the gold, as every dyad gold, codes no event.
func assertedOrPlanned(evs []dyad.Event) []dyad.Event {
	out := make([]dyad.Event, 0, len(evs))
	for _, e := range evs {
		if e.Modality != "hypothetical" {
			out = append(out, e)
		}
	}
	return out
}

func addCounts(dst *[4]int, c [4]int) {
	for i := range dst {
		dst[i] += c[i]
	}
}

// codesMatch reports whether actor codes a and b name the same actor,
// allowing one to be the other plus a sector.
func codesMatch(a, b string) bool {
	return a != "" && b != "" && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a))
}

func eventMatches(g GoldEvent, e dyad.Event, byRoot bool) bool {
	if e.Negated != g.Negated {
		return false
	}
	codeOK := false
	for _, c := range g.Codes {
		if c == e.CAMEO || byRoot && len(c) >= 2 && c[:2] == e.Root {
			codeOK = true
		}
	}
	if !codeOK {
		return false
	}
	tgt := ""
	if e.Target != nil {
		tgt = e.Target.Code
	}
	direct := codesMatch(g.Source, e.Source.Code) && (g.Target == "" || codesMatch(g.Target, tgt))
	reverse := g.Reciprocal && g.Target != "" && codesMatch(g.Target, e.Source.Code) && codesMatch(g.Source, tgt)
	return direct || reverse
}

// matchEvents pairs gold and predicted events one to one and returns
// [matched predictions, predictions, matched required gold, required gold].
func matchEvents(gold []GoldEvent, pred []dyad.Event, byRoot bool) [4]int {
	used := make([]bool, len(pred))
	var c [4]int
	c[1] = len(pred)
	for pass := 0; pass < 2; pass++ { // required gold first, then optional
		for _, g := range gold {
			if g.Optional != (pass == 1) {
				continue
			}
			if !g.Optional {
				c[3]++
			}
			for i, e := range pred {
				if !used[i] && eventMatches(g, e, byRoot) {
					used[i] = true
					c[0]++
					if !g.Optional {
						c[2]++
					}
					break
				}
			}
		}
	}
	return c
}

// normalize keeps the letters and digits of a quote, lowercased, single-spaced.
func normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

// matchQuotes returns the quote counts and [speakers right, speakers scored].
// A prediction matches a gold quote when one's text contains the other's; a
// gold quote split by its cue may be matched by both halves.
func matchQuotes(gold []GoldQuote, pred []dyad.Quote) ([4]int, [2]int) {
	var c [4]int
	var sp [2]int
	matchedPred := map[int]bool{}
	for _, q := range pred {
		if q.Kind == "direct" {
			c[1]++
		}
	}
	for _, g := range gold {
		c[3]++
		gn := normalize(g.Text)
		found := -1
		for i, q := range pred {
			if q.Kind != "direct" {
				continue
			}
			qn := normalize(q.Text)
			if qn != "" && gn != "" && (strings.Contains(gn, qn) || strings.Contains(qn, gn)) {
				if !matchedPred[i] {
					matchedPred[i] = true
					c[0]++
				}
				if found < 0 {
					found = i
				}
			}
		}
		if found < 0 {
			continue
		}
		c[2]++
		if len(g.Speakers) == 0 {
			continue
		}
		sp[1]++
		if s := pred[found].Speaker; s != nil {
			for _, code := range g.Speakers {
				if codesMatch(code, s.Code) {
					sp[0]++
					break
				}
			}
		}
	}
	return c, sp
}
