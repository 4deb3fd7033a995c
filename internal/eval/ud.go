package eval

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dyadproject/dyad/internal/conllu"
)

// ErrMismatch reports a prediction whose sentences or words do not
// correspond one to one with the gold ones.
var ErrMismatch = errors.New("eval: prediction does not match the gold tokenization")

// ParseScores are the CoNLL 2018 shared task's word-level metrics on gold
// tokenization: the fraction of gold words whose UPOS, XPOS, LEMMA, HEAD
// (UAS) and HEAD with the universal part of DEPREL (LAS) are right.
type ParseScores struct {
	Words int     `json:"words"`
	UPOS  float64 `json:"upos"`
	XPOS  float64 `json:"xpos"`
	Lemma float64 `json:"lemma"`
	UAS   float64 `json:"uas"`
	LAS   float64 `json:"las"`
}

// ScoreParse scores pred against gold, which must have the same sentences
// with the same words (count and FORM); the first sentence that differs is
// named in an error wrapping [ErrMismatch]. Every word counts, punctuation
// included. As in the CoNLL 2018 scorer, LAS ignores DEPREL subtypes
// ("nmod:poss" is "nmod"), and a gold LEMMA of "_" (unannotated) counts as
// right whatever the prediction.
func ScoreParse(gold, pred []*conllu.Sentence) (ParseScores, error) {
	if len(gold) != len(pred) {
		return ParseScores{}, fmt.Errorf("score parse: %w: %d gold sentences, %d predicted", ErrMismatch, len(gold), len(pred))
	}
	var n, upos, xpos, lemma, uas, las int
	for i, g := range gold {
		p := pred[i]
		if err := sameWords(g, p); err != nil {
			return ParseScores{}, fmt.Errorf("score parse: sentence %s: %w: %v", sentenceName(g, i), ErrMismatch, err)
		}
		for k, gw := range g.Words {
			pw := p.Words[k]
			n++
			upos += b2i(gw.UPOS == pw.UPOS)
			xpos += b2i(gw.XPOS == pw.XPOS)
			lemma += b2i(orUnderscore(gw.Lemma) == "_" || gw.Lemma == pw.Lemma)
			if gw.Head == pw.Head {
				uas++
				las += b2i(universalDeprel(gw.Deprel) == universalDeprel(pw.Deprel))
			}
		}
	}
	s := ParseScores{Words: n}
	if n > 0 {
		f := func(c int) float64 { return float64(c) / float64(n) }
		s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS = f(upos), f(xpos), f(lemma), f(uas), f(las)
	}
	return s, nil
}

// sameWords checks that p has g's words.
func sameWords(g, p *conllu.Sentence) error {
	if g == nil || p == nil {
		return errors.New("nil sentence")
	}
	if len(g.Words) != len(p.Words) {
		return fmt.Errorf("%d gold words, %d predicted", len(g.Words), len(p.Words))
	}
	for k, gw := range g.Words {
		if pw := p.Words[k]; gw.Form != pw.Form {
			return fmt.Errorf("word %d is %q in gold, %q predicted", k+1, gw.Form, pw.Form)
		}
	}
	return nil
}

// sentenceName names sentence i by its sent_id, or by its 1-based index.
func sentenceName(s *conllu.Sentence, i int) string {
	if s != nil {
		if id, ok := s.Comment("sent_id"); ok && id != "" {
			return id
		}
	}
	return strconv.Itoa(i + 1)
}

// universalDeprel drops the language-specific subtype: "obl:tmod" → "obl".
func universalDeprel(d string) string {
	u, _, _ := strings.Cut(d, ":")
	return u
}

func orUnderscore(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
