package tagger

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/lang/perceptron"
)

// TrainOptions controls training.
type TrainOptions struct {
	Epochs int     // passes over the training data; 0 means 10
	Seed   uint64  // shuffling seed
	Prune  float32 // drop averaged weights smaller than this
	// MinAmbiguityCount is how often a word must occur in training to get an
	// ambiguity class; rarer words would teach the tagger to trust a class
	// that unseen words never have. 0 means 2.
	MinAmbiguityCount int
	// Folds, when above 1, trains a second pass on first-pass tags made by
	// jackknifing over this many folds.
	Folds int
	Log   io.Writer // progress, one line per epoch; nil for none
}

// Train learns a tagger from treebank sentences; dev, when not empty, is
// tagged at the end and its accuracy logged. With opt.Folds above 1 it also
// returns, for each training sentence, the tags that a tagger trained on the
// other folds gave it: what a parser should learn from, since they are as
// wrong as tags on new text.
func Train(train, dev []*conllu.Sentence, opt TrainOptions) (*Tagger, [][]Tag, error) {
	if opt.Epochs == 0 {
		opt.Epochs = 10
	}
	if opt.MinAmbiguityCount == 0 {
		opt.MinAmbiguityCount = 2
	}
	t := &Tagger{ambiguity: map[uint64]uint64{}}
	index := map[Tag]int{}
	for _, s := range train {
		for _, w := range s.Words {
			tag := Tag{w.UPOS, w.XPOS}
			if _, ok := index[tag]; !ok {
				index[tag] = -1
			}
		}
	}
	for tag := range index {
		t.tags = append(t.tags, tag)
	}
	sort.Slice(t.tags, func(i, j int) bool {
		return t.tags[i].UPOS+"\t"+t.tags[i].XPOS < t.tags[j].UPOS+"\t"+t.tags[j].XPOS
	})
	if len(t.tags) > 255 {
		return nil, nil, fmt.Errorf("tagger: %d tag pairs, at most 255", len(t.tags))
	}
	for i, tag := range t.tags {
		index[tag] = i
	}
	t.buildAmbiguity(train, index, opt.MinAmbiguityCount)

	exs := make([]example, len(train))
	for i, s := range train {
		ex := example{}
		for _, w := range s.Words {
			ex.words = append(ex.words, w.Form)
			ex.gold = append(ex.gold, index[Tag{w.UPOS, w.XPOS}])
		}
		ex.id = i
		exs[i] = ex
	}
	t.model = t.trainPass(exs, opt, "first pass")
	if opt.Folds > 1 {
		// The second pass learns from first-pass tags as they are on
		// unseen text: each fold is tagged by a first pass trained on the
		// other folds.
		for k := range opt.Folds {
			var rest, held []example
			for i, ex := range exs {
				if i%opt.Folds == k {
					held = append(held, ex)
				} else {
					rest = append(rest, ex)
				}
			}
			fold := &Tagger{tags: t.tags, ambiguity: t.ambiguity, model: t.trainPass(rest, opt, fmt.Sprintf("fold %d", k+1))}
			for _, ex := range held {
				ex.first = make([]int, len(ex.words))
				fold.Tag(ex.words, ex.first)
				exs[ex.id].first = ex.first
			}
		}
		t.second = t.trainPass(exs, opt, "second pass")
	}
	var jack [][]Tag
	if opt.Folds > 1 {
		jack = make([][]Tag, len(exs))
		for _, ex := range exs {
			tags := make([]Tag, len(ex.first))
			for i, c := range ex.first {
				tags[i] = t.tags[c]
			}
			jack[ex.id] = tags
		}
	}
	if opt.Log != nil && len(dev) > 0 {
		up, xp := t.Accuracy(dev)
		fmt.Fprintf(opt.Log, "tagger: dev UPOS %.4f XPOS %.4f, %d features, %d weights\n", up, xp, t.model.Features(), t.model.Weights())
	}
	return t, jack, nil
}

// example is one training sentence: its words, gold tag classes and, for
// the second pass, the first pass's tags.
type example struct {
	words []string
	gold  []int
	first []int
	id    int
}

// trainPass trains one left-to-right pass; with first-pass tags on the
// examples, the second.
func (t *Tagger) trainPass(exs []example, opt TrainOptions, name string) *perceptron.Model {
	exs = slices.Clone(exs)
	tr := perceptron.NewTrainer(len(t.tags))
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7a66))
	scores := make([]float32, len(t.tags))
	var feats []uint64
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		correct, total := 0, 0
		for _, ex := range exs {
			ws := t.prepare(ex.words)
			pred := make([]int, len(ex.words))
			for i := range ex.words {
				feats = t.passFeatures(feats[:0], ws, pred, ex.first, i)
				tr.Scores(feats, scores)
				guess := perceptron.Argmax(scores)
				tr.Update(feats, ex.gold[i], guess)
				tr.Tick()
				pred[i] = guess
				if guess == ex.gold[i] {
					correct++
				}
				total++
			}
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "tagger %s epoch %d: train accuracy %.4f\n", name, epoch, float64(correct)/float64(total))
		}
	}
	return tr.Model(opt.Prune)
}

// buildAmbiguity records, for each word seen at least minCount times, the
// set of tags it had (tags making up at least 2% of its occurrences).
func (t *Tagger) buildAmbiguity(train []*conllu.Sentence, index map[Tag]int, minCount int) {
	counts := map[uint64]map[int]int{}
	for _, s := range train {
		for _, w := range s.Words {
			h := perceptron.Hash(perceptron.NormalizeWord(w.Form)) & (1<<perceptron.KeyBits - 1)
			if counts[h] == nil {
				counts[h] = map[int]int{}
			}
			counts[h][index[Tag{w.UPOS, w.XPOS}]]++
		}
	}
	for h, c := range counts {
		total := 0
		for _, n := range c {
			total += n
		}
		if total < minCount {
			continue
		}
		var set []int
		for tag, n := range c {
			if n*50 >= total {
				set = append(set, tag)
			}
		}
		slices.Sort(set)
		v := uint64(0x51ab)
		for _, tag := range set {
			v = perceptron.Mix(v, uint64(tag))
		}
		t.ambiguity[h] = v
	}
}

// Accuracy tags sentences and returns the share of words whose UPOS and
// whose XPOS are right.
func (t *Tagger) Accuracy(sents []*conllu.Sentence) (upos, xpos float64) {
	right1, right2, total := 0, 0, 0
	for _, s := range sents {
		words := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = w.Form
		}
		out := make([]int, len(words))
		t.Tag(words, out)
		for i, w := range s.Words {
			tag := t.tags[out[i]]
			if tag.UPOS == w.UPOS {
				right1++
			}
			if tag.XPOS == w.XPOS {
				right2++
			}
			total++
		}
	}
	if total == 0 {
		return 0, 0
	}
	return float64(right1) / float64(total), float64(right2) / float64(total)
}

const magic = "dyadTAG2"

// WriteTo writes the tagger: its tag pairs, ambiguity classes and weights.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	write := func(b []byte) { k, _ := bw.Write(b); n += int64(k) }
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { write(buf[:binary.PutUvarint(buf[:], v)]) }
	str := func(s string) { put(uint64(len(s))); write([]byte(s)) }
	write([]byte(magic))
	put(uint64(len(t.tags)))
	for _, tag := range t.tags {
		str(tag.UPOS)
		str(tag.XPOS)
	}
	keys := make([]uint64, 0, len(t.ambiguity))
	for k := range t.ambiguity {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	put(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		put(k - prev)
		prev = k
		binary.LittleEndian.PutUint64(buf[:8], t.ambiguity[k])
		write(buf[:8])
	}
	if t.second != nil {
		write([]byte{2})
	} else {
		write([]byte{1})
	}
	if err := bw.Flush(); err != nil {
		return n, err
	}
	for _, m := range []*perceptron.Model{t.model, t.second} {
		if m == nil {
			continue
		}
		k, err := m.WriteTo(w)
		n += k
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Read decodes a tagger written by WriteTo.
func Read(r io.Reader) (*Tagger, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("%w: missing header", ErrModel)
	}
	get := func() (uint64, error) { return binary.ReadUvarint(br) }
	str := func() (string, error) {
		n, err := get()
		if err != nil || n > 64 {
			return "", fmt.Errorf("bad string")
		}
		b := make([]byte, n)
		_, err = io.ReadFull(br, b)
		return string(b), err
	}
	n, err := get()
	if err != nil || n == 0 || n > 255 {
		return nil, fmt.Errorf("%w: tag count", ErrModel)
	}
	t := &Tagger{ambiguity: map[uint64]uint64{}}
	for range n {
		u, err1 := str()
		x, err2 := str()
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%w: tags", ErrModel)
		}
		t.tags = append(t.tags, Tag{u, x})
	}
	k, err := get()
	if err != nil || k > 1<<24 {
		return nil, fmt.Errorf("%w: ambiguity count", ErrModel)
	}
	key := uint64(0)
	var buf [8]byte
	for range k {
		d, err := get()
		if err != nil {
			return nil, fmt.Errorf("%w: ambiguity key", ErrModel)
		}
		key += d
		if _, err := io.ReadFull(br, buf[:]); err != nil {
			return nil, fmt.Errorf("%w: ambiguity class", ErrModel)
		}
		t.ambiguity[key] = binary.LittleEndian.Uint64(buf[:])
	}
	passes, err := br.ReadByte()
	if err != nil || passes < 1 || passes > 2 {
		return nil, fmt.Errorf("%w: pass count", ErrModel)
	}
	for p := range int(passes) {
		m, err := perceptron.Read(br)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrModel, err)
		}
		if m.Classes() != len(t.tags) {
			return nil, fmt.Errorf("%w: %d classes for %d tags", ErrModel, m.Classes(), len(t.tags))
		}
		if p == 0 {
			t.model = m
		} else {
			t.second = m
		}
	}
	return t, nil
}
