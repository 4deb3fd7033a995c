package eval

import (
	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/lang"
)

// LanguageScores are the scores of `dyad eval parse`: word and sentence F1
// from the raw text, and tags, lemmas and trees on the gold words, as
// fractions.
type LanguageScores struct {
	TokensF1    float64 `json:"tokens_f1"`
	SentencesF1 float64 `json:"sentences_f1"`
	UPOS        float64 `json:"upos"`
	XPOS        float64 `json:"xpos"`
	Lemma       float64 `json:"lemma"`
	UAS         float64 `json:"uas"`
	LAS         float64 `json:"las"`
	Words       int     `json:"words"`
	Sentences   int     `json:"sentences"`
	// Baseline is the segmentation of neurosnap/sentences on the same text.
	BaselineTokensF1    float64 `json:"baseline_tokens_f1"`
	BaselineSentencesF1 float64 `json:"baseline_sentences_f1"`
}

// Language scores an analyzer against gold sentences.
func Language(an *lang.Analyzer, gold []*conllu.Sentence) (LanguageScores, error) {
	pred := make([]*conllu.Sentence, len(gold))
	for i, s := range gold {
		words := make([]string, len(s.Words))
		for j, w := range s.Words {
			words[j] = w.Form
		}
		pred[i] = an.ParseWords(words)
	}
	ps, err := ScoreParse(gold, pred)
	if err != nil {
		return LanguageScores{}, err
	}
	docs, err := RawDocuments(gold)
	if err != nil {
		return LanguageScores{}, err
	}
	seg, err := EvaluateSegmentation(docs)
	if err != nil {
		return LanguageScores{}, err
	}
	return LanguageScores{TokensF1: seg.Dyad.Tokens.F1, SentencesF1: seg.Dyad.Sentences.F1,
		UPOS: ps.UPOS, XPOS: ps.XPOS, Lemma: ps.Lemma, UAS: ps.UAS, LAS: ps.LAS, Words: ps.Words,
		Sentences: len(gold), BaselineTokensF1: seg.Baseline.Tokens.F1, BaselineSentencesF1: seg.Baseline.Sentences.F1}, nil
}
