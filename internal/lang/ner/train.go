package ner

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"

	"github.com/dyadproject/dyad/internal/lang/perceptron"
)

// Sentence is one training sentence: its words with predicted tags, and
// the gold label class of each word.
type Sentence struct {
	Words  []Word
	Labels []int
}

// TrainOptions controls training.
type TrainOptions struct {
	Epochs int     // passes over the training data; 0 means 12
	Seed   uint64  // shuffling seed
	Prune  float32 // drop averaged weights smaller than this
	// Gazetteer lists the phrases whose membership the model sees as
	// features; they are stored in the model as hashes.
	Gazetteer []Phrase
	// Clusters gives words their clusters, as Cluster computes them; nil
	// for none.
	Clusters *Clusters
	// Folds, when above 1, trains a second pass that sees the first
	// pass's labels of the words ahead, made by jackknifing over this many
	// folds.
	Folds int
	Log   io.Writer // progress, one line per epoch; nil for none
}

// Train learns a recognizer from labelled sentences.
func Train(train []Sentence, opt TrainOptions) (*Model, error) {
	if opt.Epochs == 0 {
		opt.Epochs = 12
	}
	m := &Model{gaz: map[uint64]uint32{}, clusters: map[uint64]uint32{}}
	for _, p := range opt.Gazetteer {
		if len(p.Words) == 0 || p.Kind >= numKinds {
			continue
		}
		m.gaz[phraseKey(p.Words, false)] |= 1 << p.Kind
		m.gaz[phraseKey(p.Words, true)] |= 1 << (lowerShift + p.Kind)
		for j := 1; j < len(p.Words); j++ {
			m.gaz[phraseKey(p.Words[:j], false)] |= moreExact
			m.gaz[phraseKey(p.Words[:j], true)] |= moreLower
		}
		m.maxPhrase = max(m.maxPhrase, len(p.Words))
	}
	if opt.Clusters != nil {
		for k, c := range opt.Clusters.ids {
			m.clusters[k] = c
		}
	}
	exs := make([]example, len(train))
	for i, s := range train {
		if len(s.Labels) != len(s.Words) {
			return nil, fmt.Errorf("ner: sentence %d: %d labels for %d words", i+1, len(s.Labels), len(s.Words))
		}
		for j, c := range s.Labels {
			if c < 0 || c >= numLabels || !allowed(prevOf(s.Labels, j), c) {
				return nil, fmt.Errorf("ner: sentence %d word %d: invalid label class %d", i+1, j+1, c)
			}
		}
		exs[i] = example{ts: m.prepare(s.Words, nil), gold: s.Labels}
	}
	m.model = trainPass(exs, opt, "first pass")
	if opt.Folds > 1 {
		// The second pass learns from first-pass labels as they are on
		// unseen text: each fold is labelled by a first pass trained on
		// the other folds.
		for k := range opt.Folds {
			var rest []example
			for i, ex := range exs {
				if i%opt.Folds != k {
					rest = append(rest, ex)
				}
			}
			fold := &Model{model: trainPass(rest, opt, fmt.Sprintf("fold %d", k+1))}
			for i := k; i < len(exs); i += opt.Folds {
				exs[i].first = make([]int, len(exs[i].ts))
				fold.pass(fold.model, exs[i].ts, nil, exs[i].first, &Scratch{})
			}
		}
		m.second = trainPass(exs, opt, "second pass")
	}
	return m, nil
}

// trainPass trains one left-to-right pass; with first-pass labels on the
// examples, the second.
func trainPass(exs []example, opt TrainOptions, name string) *perceptron.Model {
	exs = slices.Clone(exs)
	tr := perceptron.NewTrainer(numLabels)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e6572))
	var scores [numLabels]float32
	var feats []uint64
	pred := make([]int, 0, 256)
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		wrong, total := 0, 0
		for _, ex := range exs {
			pred = pred[:0]
			prev := O
			for i := range ex.ts {
				pred = append(pred, 0)
				feats = passFeatures(feats[:0], ex.ts, pred, ex.first, i)
				tr.Scores(feats, scores[:])
				guess := best(scores[:], prev)
				tr.Update(feats, ex.gold[i], guess)
				tr.Tick()
				pred[i] = guess
				prev = guess
				if guess != ex.gold[i] {
					wrong++
				}
				total++
			}
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "ner %s epoch %d: train label accuracy %.4f\n", name, epoch, 1-float64(wrong)/float64(max(total, 1)))
		}
	}
	return tr.Model(opt.Prune)
}

func prevOf(labels []int, i int) int {
	if i == 0 {
		return O
	}
	return labels[i-1]
}

// example is a training sentence with its words' hashes computed once
// and, for the second pass, the first pass's labels.
type example struct {
	ts    []token
	gold  []int
	first []int
}

// Pruned returns a copy of m without the weights whose magnitude is below
// threshold.
func (m *Model) Pruned(threshold float32) *Model {
	u := *m
	u.model = m.model.Pruned(threshold)
	if m.second != nil {
		u.second = m.second.Pruned(threshold)
	}
	return &u
}

// sortedKeys returns the keys of a map in increasing order, for writing
// deterministically.
func sortedKeys[V any](m map[uint64]V) []uint64 {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
