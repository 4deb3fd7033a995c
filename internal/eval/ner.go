package eval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/dyadproject/dyad/internal/lang"
)

// ErrIOB2 reports a malformed IOB2 file.
var ErrIOB2 = errors.New("eval: bad IOB2")

// NERTypes are the entity types that NER scores count; other types in the
// gold (MISC, OTH) are read but not scored.
var NERTypes = []string{"PER", "ORG", "LOC"}

// NERSentence is one sentence of an IOB2 file.
type NERSentence struct {
	ID     string   // the "# sent_id" comment, "" when absent
	Words  []string // the word forms
	Labels []string // one IOB2 label per word: "O", "B-PER", "I-PER" ...
}

// ReadIOB2 reads sentences of words and IOB2 labels, separated by blank
// lines; lines starting with "#" are comments. A word line is either
// tab-separated with the form in the second column and the label in the
// third (Universal NER: "id form label ..."), or two columns, form and
// label, separated by a tab or a space (CoNLL 2003 style). name is used in
// errors, which give the line: an unknown label, an I- label that does not
// continue an entity of its type, or a line of neither shape.
func ReadIOB2(r io.Reader, name string) ([]NERSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var out []NERSentence
	cur := NERSentence{}
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = NERSentence{}
	}
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(text) == "":
			flush()
			continue
		case strings.HasPrefix(text, "#"):
			if id, ok := strings.CutPrefix(text, "# sent_id = "); ok && len(cur.Words) == 0 {
				cur.ID = strings.TrimSpace(id)
			}
			continue
		}
		form, label, err := splitIOB2Line(text)
		if err == nil {
			prev := "O"
			if n := len(cur.Labels); n > 0 {
				prev = cur.Labels[n-1]
			}
			err = checkLabel(prev, label)
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %s:%d: %v", ErrIOB2, name, line, err)
		}
		cur.Words = append(cur.Words, form)
		cur.Labels = append(cur.Labels, label)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	flush()
	return out, nil
}

func splitIOB2Line(text string) (form, label string, err error) {
	cols := strings.Split(text, "\t")
	if len(cols) == 1 {
		cols = strings.Split(text, " ")
	}
	switch {
	case len(cols) == 2:
		form, label = cols[0], cols[1]
	case len(cols) >= 3:
		form, label = cols[1], cols[2]
	default:
		return "", "", fmt.Errorf("want form and label columns, got %q", text)
	}
	if form == "" {
		return "", "", fmt.Errorf("empty form in %q", text)
	}
	return form, label, nil
}

// checkLabel reports whether label is a well-formed IOB2 label that may
// follow prev.
func checkLabel(prev, label string) error {
	if label == "O" {
		return nil
	}
	bi, typ, ok := strings.Cut(label, "-")
	if !ok || typ == "" || bi != "B" && bi != "I" {
		return fmt.Errorf("label %q: want O, B-TYPE or I-TYPE", label)
	}
	if bi == "I" && prev != "B-"+typ && prev != "I-"+typ {
		return fmt.Errorf("label %q follows %q: an entity must start with B-%s", label, prev, typ)
	}
	return nil
}

// NERScores are the scores of `dyad eval ner`: exact-span precision,
// recall and F1 over all scored types, and per type.
type NERScores struct {
	PRF
	PerType   map[string]PRF `json:"per_type"`
	Sentences int            `json:"sentences"`
	Words     int            `json:"words"`
}

type span struct {
	first, end int
	typ        string
}

// nerSpans returns the entities of labels of the scored types. Labels are
// assumed valid IOB2 (ReadIOB2 and the recognizer guarantee it).
func nerSpans(labels []string) []span {
	var out []span
	for i := 0; i < len(labels); i++ {
		typ, ok := strings.CutPrefix(labels[i], "B-")
		if !ok {
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == "I-"+typ {
			j++
		}
		if scored(typ) {
			out = append(out, span{i, j, typ})
		}
		i = j - 1
	}
	return out
}

func scored(typ string) bool {
	for _, t := range NERTypes {
		if t == typ {
			return true
		}
	}
	return false
}

// ScoreNER compares predicted labels with the gold sentences' as the
// CoNLL 2003 scorer does: an entity is right when its first word, last word
// and type all match a gold entity. pred must have one label per gold word.
func ScoreNER(gold []NERSentence, pred [][]string) (NERScores, error) {
	if len(pred) != len(gold) {
		return NERScores{}, fmt.Errorf("eval: %d predicted sentences for %d gold", len(pred), len(gold))
	}
	per := map[string]*counts{}
	for _, t := range NERTypes {
		per[t] = &counts{}
	}
	sc := NERScores{Sentences: len(gold)}
	for i, g := range gold {
		if len(pred[i]) != len(g.Labels) {
			return NERScores{}, fmt.Errorf("eval: sentence %d: %d predicted labels for %d words", i+1, len(pred[i]), len(g.Labels))
		}
		sc.Words += len(g.Words)
		want := map[span]bool{}
		for _, s := range nerSpans(g.Labels) {
			want[s] = true
			per[s.typ].gold++
		}
		for _, s := range nerSpans(pred[i]) {
			per[s.typ].pred++
			if want[s] {
				per[s.typ].tp++
			}
		}
	}
	sc.PerType = map[string]PRF{}
	var all counts
	for _, t := range NERTypes {
		c := per[t]
		sc.PerType[t] = c.prf()
		all.tp, all.pred, all.gold = all.tp+c.tp, all.pred+c.pred, all.gold+c.gold
	}
	sc.PRF = all.prf()
	return sc, nil
}

// EntityLabeler labels the words of a sentence with IOB2 labels; the
// language analyzer is one.
type EntityLabeler interface {
	LabelEntities(words []string) []string
}

var _ EntityLabeler = (*lang.Analyzer)(nil)

// NER labels the gold sentences' words with lab and scores the result.
func NER(lab EntityLabeler, gold []NERSentence) (NERScores, error) {
	pred := make([][]string, len(gold))
	for i, s := range gold {
		pred[i] = lab.LabelEntities(s.Words)
	}
	return ScoreNER(gold, pred)
}
