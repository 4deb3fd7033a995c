package parser

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"

	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/lang/perceptron"
)

// TrainOptions controls training.
type TrainOptions struct {
	Epochs int     // passes over the training data; 0 means 15
	Seed   uint64  // shuffling and exploration seed
	Prune  float32 // drop averaged weights smaller than this
	// Explore is the probability of following the model's own (possibly
	// wrong) transition instead of the oracle's after the first epoch,
	// so that the parser learns to recover from its mistakes; 0 means 0.9.
	Explore float64
	// Tags, when not nil, gives for each training sentence the words with
	// the tags to train on (predicted by a tagger, so that the parser
	// learns on the tags it will see); nil trains on the gold tags.
	Tags [][]Word
	// Class gives a word's lexical class; nil gives none.
	Class func(form string) uint64
	Log   io.Writer
}

// Train learns a parser from treebank sentences. Non-projective sentences
// are skipped: the arc-eager system cannot build them.
func Train(train []*conllu.Sentence, opt TrainOptions) (*Parser, error) {
	if opt.Epochs == 0 {
		opt.Epochs = 15
	}
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	labelSet := map[string]bool{"root": true, "dep": true, "punct": true, "parataxis": true}
	for _, s := range train {
		for _, w := range s.Words {
			labelSet[w.Deprel] = true
		}
	}
	p := &Parser{}
	for l := range labelSet {
		p.labels = append(p.labels, l)
	}
	slices.Sort(p.labels)
	if 2+2*len(p.labels) > 255 {
		return nil, fmt.Errorf("parser: %d labels, at most 126", len(p.labels))
	}
	p.root = p.labelIndex("root")
	index := map[string]int{}
	for i, l := range p.labels {
		index[l] = i
	}
	type example struct {
		words       []Word
		heads, rels []int
	}
	var exs []example
	skipped := 0
	for si, s := range train {
		ex := example{}
		for i, w := range s.Words {
			word := Word{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS}
			if opt.Tags != nil {
				word.UPOS, word.XPOS = opt.Tags[si][i].UPOS, opt.Tags[si][i].XPOS
			}
			if opt.Class != nil {
				word.Class = opt.Class(w.Form)
			}
			ex.words = append(ex.words, word)
			ex.heads = append(ex.heads, w.Head)
			ex.rels = append(ex.rels, index[w.Deprel])
		}
		if !projective(ex.heads) || roots(ex.heads) != 1 {
			skipped++
			continue
		}
		exs = append(exs, ex)
	}
	classes := 2 + 2*len(p.labels)
	tr := perceptron.NewTrainer(classes)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9a25))
	scores := make([]float32, classes)
	costs := make([]int, classes)
	var feats []uint64
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		right, total := 0, 0
		for _, ex := range exs {
			st := newState(ex.words)
			g := gold{heads: ex.heads, rels: ex.rels}
			for !st.terminal() {
				feats = st.features(feats[:0])
				tr.Scores(feats, scores)
				pred, best := -1, -1
				for t := range classes {
					if !st.legal(t, p.root) {
						costs[t] = -1
						continue
					}
					costs[t] = g.cost(st, t)
					if pred < 0 || scores[t] > scores[pred] {
						pred = t
					}
					if costs[t] == 0 && (best < 0 || scores[t] > scores[best]) {
						best = t
					}
				}
				if best < 0 {
					best = pred // no zero-cost transition: the gold tree is out of reach
				}
				if costs[pred] > 0 {
					tr.Update(feats, best, pred)
				} else {
					right++
				}
				total++
				tr.Tick()
				next := best
				if epoch > 1 && rng.Float64() < opt.Explore {
					next = pred
				}
				st.apply(next, p.root)
			}
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "parser epoch %d: %.4f of transitions right (%d sentences, %d non-projective skipped)\n",
				epoch, float64(right)/float64(total), len(exs), skipped)
		}
	}
	p.model = tr.Model(opt.Prune)
	return p, nil
}

// gold is a sentence's gold tree, 1-based heads as in CoNLL-U.
type gold struct {
	heads, rels []int
}

func (g gold) head(i int) int { return g.heads[i-1] }

// cost returns the number of gold arcs that transition t makes
// unreachable (Goldberg and Nivre 2012), plus one for a wrong label on an
// arc it builds.
func (g gold) cost(st *state, t int) int {
	s0, b := st.s0(), st.b
	n := st.n
	c := 0
	switch {
	case t == shift:
		for _, k := range st.stack {
			if k > 0 && g.head(k) == b && st.head[k] < 0 {
				c++
			}
			if g.head(b) == k {
				c++
			}
		}
	case t == reduce:
		for k := b; k <= n; k++ {
			if g.head(k) == s0 {
				c++
			}
		}
	case t%2 == 0: // left-arc: b becomes s0's head
		h := g.head(s0)
		if h != b && (h > b || h == 0 && false) {
			c++
		}
		if h != b && h >= b {
			// counted above
		}
		for k := b; k <= n; k++ {
			if g.head(k) == s0 {
				c++
			}
		}
		if h == b && g.rels[s0-1] != (t-2)/2 {
			c++
		}
	default: // right-arc: s0 becomes b's head
		h := g.head(b)
		if h != s0 && (h > b || st.onStack(h)) {
			c++
		}
		for _, k := range st.stack {
			if k > 0 && g.head(k) == b && st.head[k] < 0 {
				c++
			}
		}
		if h == s0 && g.rels[b-1] != (t-3)/2 {
			c++
		}
	}
	return c
}

func (st *state) onStack(k int) bool {
	for _, x := range st.stack {
		if x == k {
			return true
		}
	}
	return false
}

// projective reports whether a tree (1-based heads) has no crossing arcs.
func projective(heads []int) bool {
	for i, h := range heads {
		d := i + 1
		lo, hi := min(d, h), max(d, h)
		for j, h2 := range heads {
			d2 := j + 1
			lo2, hi2 := min(d2, h2), max(d2, h2)
			if lo < lo2 && lo2 < hi && hi < hi2 || lo2 < lo && lo < hi2 && hi2 < hi {
				return false
			}
		}
	}
	return true
}

func roots(heads []int) int {
	n := 0
	for _, h := range heads {
		if h == 0 {
			n++
		}
	}
	return n
}

// Score parses sentences with the given words and tags (nil: the gold
// tags) and returns the unlabeled and labeled attachment scores, labels
// compared on their universal part as the CoNLL 2018 scorer does.
func (p *Parser) Score(sents []*conllu.Sentence, tags [][]Word, class func(string) uint64) (uas, las float64) {
	right, rightL, total := 0, 0, 0
	for si, s := range sents {
		words := make([]Word, len(s.Words))
		for i, w := range s.Words {
			words[i] = Word{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS}
			if tags != nil {
				words[i].UPOS, words[i].XPOS = tags[si][i].UPOS, tags[si][i].XPOS
			}
			if class != nil {
				words[i].Class = class(w.Form)
			}
		}
		heads := make([]int, len(words))
		rels := make([]int, len(words))
		p.Parse(words, heads, rels)
		for i, w := range s.Words {
			total++
			if heads[i] == w.Head {
				right++
				if universal(p.labels[rels[i]]) == universal(w.Deprel) {
					rightL++
				}
			}
		}
	}
	return float64(right) / float64(max(total, 1)), float64(rightL) / float64(max(total, 1))
}

func universal(l string) string {
	if i := len(l); i > 0 {
		for k := 0; k < len(l); k++ {
			if l[k] == ':' {
				return l[:k]
			}
		}
	}
	return l
}

const magic = "dyadDEP1"

// WriteTo writes the parser: its labels and weights.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	var buf [binary.MaxVarintLen64]byte
	write := func(b []byte) { k, _ := bw.Write(b); n += int64(k) }
	put := func(v uint64) { write(buf[:binary.PutUvarint(buf[:], v)]) }
	write([]byte(magic))
	put(uint64(len(p.labels)))
	for _, l := range p.labels {
		put(uint64(len(l)))
		write([]byte(l))
	}
	if err := bw.Flush(); err != nil {
		return n, err
	}
	m, err := p.model.WriteTo(w)
	return n + m, err
}

// Read decodes a parser written by WriteTo.
func Read(r io.Reader) (*Parser, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("%w: missing header", ErrModel)
	}
	k, err := binary.ReadUvarint(br)
	if err != nil || k == 0 || k > 126 {
		return nil, fmt.Errorf("%w: label count", ErrModel)
	}
	p := &Parser{}
	for range k {
		n, err := binary.ReadUvarint(br)
		if err != nil || n == 0 || n > 64 {
			return nil, fmt.Errorf("%w: label", ErrModel)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("%w: label", ErrModel)
		}
		p.labels = append(p.labels, string(b))
	}
	if !slices.Contains(p.labels, "root") || !slices.Contains(p.labels, "dep") {
		return nil, fmt.Errorf("%w: labels lack root or dep", ErrModel)
	}
	p.root = p.labelIndex("root")
	m, err := perceptron.Read(br)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrModel, err)
	}
	if m.Classes() != 2+2*len(p.labels) {
		return nil, fmt.Errorf("%w: %d classes for %d labels", ErrModel, m.Classes(), len(p.labels))
	}
	p.model = m
	return p, nil
}
