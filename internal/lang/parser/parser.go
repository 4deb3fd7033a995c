// Package parser is dyad's dependency parser: a greedy arc-eager transition
// parser with an averaged perceptron, trained on UD English EWT with the
// dynamic oracle of Goldberg and Nivre (2012) and the rich feature set of
// Zhang and Nivre (2011).
//
// It reads a sentence's words and their predicted Penn tags and returns a
// head and a Universal Dependencies relation (with its subtype, such as
// nsubj:pass) for every word. Trees are projective, have exactly one word
// attached to the root, and every word has a head.
//
// # Transitions
//
// The stack starts with the artificial root (position 0); SHIFT pushes the
// next word, REDUCE pops a word that has its head, LEFT-ARC(l) makes the next
// word the head of the stack's top and pops it, RIGHT-ARC(l) makes the
// stack's top the head of the next word and pushes it. The root takes one
// dependent only; a word left without a head when the words run out is
// attached to that dependent as "dep".
package parser

import (
	"errors"
	"math/bits"

	"github.com/dyadproject/dyad/internal/lang/perceptron"
)

// ErrModel reports a parser model that cannot be decoded.
var ErrModel = errors.New("parser: bad model")

// Parser parses sentences. It is immutable and safe for concurrent use.
type Parser struct {
	labels []string
	root   int // index of the "root" label
	model  *perceptron.Model
}

// Labels returns the relations the parser predicts, by number.
func (p *Parser) Labels() []string { return p.labels }

// transitions: 0 SHIFT, 1 REDUCE, 2+2l LEFT-ARC(l), 3+2l RIGHT-ARC(l).
const (
	shift  = 0
	reduce = 1
)

func leftArc(l int) int  { return 2 + 2*l }
func rightArc(l int) int { return 3 + 2*l }

// Word is a word to parse with what the tagger says of it.
type Word struct {
	Form, UPOS, XPOS string
	// Class is the word's lexical class (the tagger's Ambiguity), 0 if none.
	Class uint64
}

// Parse sets heads[i] (0 for the root, else 1 + the head's index) and
// rels[i] (an index into Labels) for each word. heads and rels must have room
// for len(words) entries.
func (p *Parser) Parse(words []Word, heads, rels []int) {
	st := newState(words)
	sc := p.newScorer(st.n)
	for !st.terminal() {
		st.apply(p.bestLegal(st, sc.scores(st)), p.root)
	}
	st.finish(p.root, p.labelIndex("punct"), p.labelIndex("parataxis"))
	for i := 1; i <= st.n; i++ {
		heads[i-1] = st.head[i]
		rels[i-1] = st.label[i]
	}
}

// scorer scores the transitions of one sentence's states. The features of
// the buffer's first words stay the same until the buffer moves, and those of
// the stack top's word come back whenever the word is the top again: their
// partial scores are computed once per position and summed, so that only the
// features of the parse so far are looked up at every transition (the
// lookups are the parser's cost).
type scorer struct {
	model   *perceptron.Model
	classes int
	slots   int       // positions 0..n+1
	partial []float32 // per position: the buffer's, then the stack top's partial scores
	known   []bool
	out     []float32
	feats   []uint64
}

func (p *Parser) newScorer(n int) *scorer {
	classes := 2 + 2*len(p.labels)
	return &scorer{model: p.model, classes: classes, slots: n + 2, partial: make([]float32, 2*(n+2)*classes),
		known: make([]bool, 2*(n+2)), out: make([]float32, classes), feats: make([]uint64, 0, 96)}
}

// scores returns the score of every transition in state st; the slice is
// reused by the next call.
func (sc *scorer) scores(st *state) []float32 {
	copy(sc.out, sc.part(st.b, st, (*state).bufferFeatures))
	for c, v := range sc.part(sc.slots+st.s0(), st, (*state).stackFeatures) {
		sc.out[c] += v
	}
	sc.feats = st.dynamicFeatures(sc.feats[:0])
	sc.model.AddScores(sc.feats, sc.out)
	return sc.out
}

func (sc *scorer) part(k int, st *state, features func(*state, []uint64) []uint64) []float32 {
	v := sc.partial[k*sc.classes : (k+1)*sc.classes]
	if !sc.known[k] {
		sc.feats = features(st, sc.feats[:0])
		sc.model.Scores(sc.feats, v)
		sc.known[k] = true
	}
	return v
}

func (p *Parser) labelIndex(name string) int {
	for i, l := range p.labels {
		if l == name {
			return i
		}
	}
	return 0
}

// bestLegal returns the highest-scoring legal transition.
func (p *Parser) bestLegal(st *state, scores []float32) int {
	best, bestScore := -1, float32(0)
	for t, s := range scores {
		if (best < 0 || s > bestScore) && st.legal(t, p.root) {
			best, bestScore = t, s
		}
	}
	return best
}

// state is a parser configuration. Positions are 1-based; 0 is the root.
type state struct {
	n      int
	stack  []int
	b      int // next word in the buffer; n+1 when empty
	head   []int
	label  []int
	ld, rd [][2]int // two leftmost / rightmost dependents, 0 for none
	vl, vr []int    // numbers of left / right dependents
	sl, sr []uint64 // sets of the labels of left / right dependents
	w, p   []uint64 // word and Penn tag hashes
	u, c   []uint64 // UD tag and lexical class hashes
	s3     []uint64 // hashes of the words' last three letters
	rootCh int      // the root's dependent, 0 for none
}

var (
	rootWord = perceptron.Hash("<ROOT>")
	noneWord = perceptron.Hash("<NONE>")
)

func newState(words []Word) *state {
	n := len(words)
	st := &state{n: n, stack: make([]int, 1, n+1), b: 1, head: make([]int, n+1), label: make([]int, n+1),
		ld: make([][2]int, n+1), rd: make([][2]int, n+1), vl: make([]int, n+1), vr: make([]int, n+1),
		sl: make([]uint64, n+1), sr: make([]uint64, n+1), w: make([]uint64, n+2), p: make([]uint64, n+2),
		u: make([]uint64, n+2), c: make([]uint64, n+2), s3: make([]uint64, n+2)}
	for i := range st.head {
		st.head[i] = -1
		st.label[i] = -1
	}
	for _, v := range [][]uint64{st.w, st.p, st.u, st.c, st.s3} {
		v[0], v[n+1] = rootWord, noneWord
	}
	for i, w := range words {
		norm := perceptron.NormalizeWord(w.Form)
		st.w[i+1] = perceptron.Hash(norm)
		st.p[i+1] = perceptron.Hash(w.XPOS)
		st.u[i+1] = perceptron.Hash(w.UPOS)
		st.c[i+1] = w.Class
		if len(norm) > 3 {
			norm = norm[len(norm)-3:]
		}
		st.s3[i+1] = perceptron.Hash(norm)
	}
	return st
}

func (st *state) terminal() bool { return st.b > st.n }

func (st *state) s0() int { return st.stack[len(st.stack)-1] }

// legal reports whether transition t may be applied.
func (st *state) legal(t, root int) bool {
	s0 := st.s0()
	switch {
	case t == shift:
		return !st.terminal()
	case t == reduce:
		return len(st.stack) > 1 && st.head[s0] >= 0
	case t%2 == 0: // left-arc
		return !st.terminal() && s0 != 0 && st.head[s0] < 0 && (t-2)/2 != root
	default: // right-arc
		l := (t - 3) / 2
		if st.terminal() {
			return false
		}
		if s0 == 0 {
			return l == root && st.rootCh == 0
		}
		return l != root
	}
}

// apply performs transition t.
func (st *state) apply(t, root int) {
	s0 := st.s0()
	switch {
	case t == shift:
		st.stack = append(st.stack, st.b)
		st.b++
	case t == reduce:
		st.stack = st.stack[:len(st.stack)-1]
	case t%2 == 0:
		st.attach(st.b, s0, (t-2)/2)
		st.stack = st.stack[:len(st.stack)-1]
	default:
		st.attach(s0, st.b, (t-3)/2)
		if s0 == 0 {
			st.rootCh = st.b
		}
		st.stack = append(st.stack, st.b)
		st.b++
	}
}

// attach makes h the head of d with label l.
func (st *state) attach(h, d, l int) {
	st.head[d], st.label[d] = h, l
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		st.vl[h]++
		st.sl[h] |= bit
		if st.ld[h][0] == 0 || d < st.ld[h][0] {
			st.ld[h][1] = st.ld[h][0]
			st.ld[h][0] = d
		} else if st.ld[h][1] == 0 || d < st.ld[h][1] {
			st.ld[h][1] = d
		}
	} else {
		st.vr[h]++
		st.sr[h] |= bit
		if d > st.rd[h][0] {
			st.rd[h][1] = st.rd[h][0]
			st.rd[h][0] = d
		} else if d > st.rd[h][1] {
			st.rd[h][1] = d
		}
	}
}

// finish attaches words left without a head: to the root's dependent, or
// the first such word becomes it. In EWT such leftovers are mostly
// punctuation and loosely joined clauses, hence the labels.
func (st *state) finish(root, punct, parataxis int) {
	for i := 1; i <= st.n; i++ {
		if st.head[i] >= 0 {
			continue
		}
		if st.rootCh == 0 {
			st.head[i], st.label[i], st.rootCh = 0, root, i
			continue
		}
		st.head[i], st.label[i] = st.rootCh, parataxis
		if st.u[i] == punctTag {
			st.label[i] = punct
		}
	}
}

var punctTag = perceptron.Hash("PUNCT")

// Feature templates of Zhang and Nivre (2011), over the stack top S0, the
// buffer's first three words N0..N2, and S0's head, grandparent and outer
// dependents, and N0's leftmost dependents. They come in three groups: those
// of the buffer's first words alone, those of S0's word alone, and those of
// the parse so far; Parse reuses the first two.
func (st *state) features(f []uint64) []uint64 {
	return st.dynamicFeatures(st.stackFeatures(st.bufferFeatures(f)))
}

// at returns position i, or n+1 (no word) when i is out of range.
func (st *state) at(i int) int {
	if i < 0 || i > st.n {
		return st.n + 1
	}
	return i
}

// bufferFeatures appends the features of the buffer's first three words.
func (st *state) bufferFeatures(f []uint64) []uint64 {
	F := perceptron.Feature
	n0, n1, n2 := st.at(st.b), st.at(st.b+1), st.at(st.b+2)
	w, p := st.w, st.p
	wn0, pn0, wn1, pn1, wn2, pn2 := w[n0], p[n0], w[n1], p[n1], w[n2], p[n2]
	return append(f,
		F(0),
		F(4, wn0, pn0), F(5, wn0), F(6, pn0), F(7, wn1, pn1), F(8, wn1), F(9, pn1),
		F(10, wn2, pn2), F(11, wn2), F(12, pn2), F(20, pn0, pn1), F(21, pn0, pn1, pn2),
		F(76, st.u[n0]), F(78, st.u[n0], st.u[n1]), F(81, st.c[n0]), F(85, st.s3[n0]),
	)
}

// stackFeatures appends the features of the stack top's word.
func (st *state) stackFeatures(f []uint64) []uint64 {
	F := perceptron.Feature
	s0 := st.s0()
	ws0, ps0 := st.w[s0], st.p[s0]
	return append(f, F(1, ws0, ps0), F(2, ws0), F(3, ps0), F(75, st.u[s0]), F(80, st.c[s0]), F(84, st.s3[s0]))
}

// dynamicFeatures appends the features that depend on the parse so far or
// on the stack top and the buffer together.
func (st *state) dynamicFeatures(f []uint64) []uint64 {
	F := perceptron.Feature
	n := st.n
	s0 := st.s0()
	s1 := n + 1
	if len(st.stack) > 1 {
		s1 = st.stack[len(st.stack)-2]
	}
	n0, n1 := st.at(st.b), st.at(st.b+1)
	w, p := st.w, st.p
	lab := func(i int) uint64 {
		if i <= 0 || i > n || st.label[i] < 0 {
			return 255
		}
		return uint64(st.label[i])
	}
	headOf := func(i int) int {
		if i <= 0 || i > n || st.head[i] < 0 {
			return n + 1
		}
		return st.head[i]
	}
	kid := func(i int, k int, left bool) int {
		if i < 0 || i > n {
			return n + 1
		}
		var d int
		if left {
			d = st.ld[i][k]
		} else {
			d = st.rd[i][k]
		}
		if d == 0 {
			return n + 1
		}
		return d
	}
	val := func(v []int, i int) uint64 {
		if i < 0 || i > n {
			return 0
		}
		return uint64(v[i])
	}
	set := func(v []uint64, i int) uint64 {
		if i < 0 || i > n {
			return 0
		}
		return v[i]
	}
	s0h := headOf(s0)
	s0h2 := headOf(s0h)
	s0l, s0r := kid(s0, 0, true), kid(s0, 0, false)
	s0l2, s0r2 := kid(s0, 1, true), kid(s0, 1, false)
	n0l, n0l2 := kid(n0, 0, true), kid(n0, 1, true)
	d := uint64(0)
	if s0 <= n && n0 <= n {
		d = uint64(min(n0-s0, 6))
		if n0-s0 > 10 {
			d = 7
		}
	}
	ws0, ps0, wn0, pn0 := w[s0], p[s0], w[n0], p[n0]
	pn1 := p[n1]
	return append(f,
		// pairs
		F(13, ws0, ps0, wn0, pn0), F(14, ws0, ps0, wn0), F(15, ws0, wn0, pn0), F(16, ws0, ps0, pn0),
		F(17, ps0, wn0, pn0), F(18, ws0, wn0), F(19, ps0, pn0),
		// triples
		F(22, ps0, pn0, pn1), F(23, p[s0h], ps0, pn0),
		F(24, ps0, p[s0l], pn0), F(25, ps0, p[s0r], pn0), F(26, ps0, pn0, p[n0l]),
		// distance
		F(27, ws0, d), F(28, ps0, d), F(29, wn0, d), F(30, pn0, d), F(31, ws0, wn0, d), F(32, ps0, pn0, d),
		// valency
		F(33, ws0, val(st.vr, s0)), F(34, ps0, val(st.vr, s0)), F(35, ws0, val(st.vl, s0)),
		F(36, ps0, val(st.vl, s0)), F(37, wn0, val(st.vl, n0)), F(38, pn0, val(st.vl, n0)),
		// unigrams of heads and dependents
		F(39, w[s0h]), F(40, p[s0h]), F(41, lab(s0)), F(42, w[s0l]), F(43, p[s0l]), F(44, lab(s0l)),
		F(45, w[s0r]), F(46, p[s0r]), F(47, lab(s0r)), F(48, w[n0l]), F(49, p[n0l]), F(50, lab(n0l)),
		// third order
		F(51, w[s0h2]), F(52, p[s0h2]), F(53, lab(s0h)), F(54, w[s0l2]), F(55, p[s0l2]), F(56, lab(s0l2)),
		F(57, w[s0r2]), F(58, p[s0r2]), F(59, lab(s0r2)), F(60, w[n0l2]), F(61, p[n0l2]), F(62, lab(n0l2)),
		F(63, ps0, p[s0l], p[s0l2]), F(64, ps0, p[s0r], p[s0r2]), F(65, ps0, p[s0h], p[s0h2]),
		F(66, pn0, p[n0l], p[n0l2]),
		// label sets
		F(67, ws0, set(st.sr, s0)), F(68, ps0, set(st.sr, s0)), F(69, ws0, set(st.sl, s0)),
		F(70, ps0, set(st.sl, s0)), F(71, wn0, set(st.sl, n0)), F(72, pn0, set(st.sl, n0)),
		// extras: whether S0 has its head, how deep the stack is, the root's state
		F(73, uint64(bits.OnesCount(uint(min(len(st.stack), 4)))), b2u(s0 <= n && s0 > 0 && st.head[s0] >= 0), b2u(st.rootCh != 0)),
		F(74, ps0, pn0, b2u(s0 <= n && s0 > 0 && st.head[s0] >= 0)),
		// robustness to tagging errors: UD tags, lexical classes, suffixes
		F(77, st.u[s0], st.u[n0]), F(79, st.u[s0], st.u[n0], st.u[n1]), F(82, st.c[s0], st.c[n0]),
		F(83, st.c[n0], ps0), F(86, st.s3[s0], st.s3[n0]),
		// the second word on the stack
		F(87, w[s1], p[s1]), F(88, p[s1], ps0, pn0), F(89, p[s1], ps0),
	)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// Pruned returns a copy of p without the weights whose magnitude is below
// threshold: a smaller, faster model, usually at a small cost in accuracy.
func (p *Parser) Pruned(threshold float32) *Parser {
	q := *p
	q.model = p.model.Pruned(threshold)
	return &q
}

// Size reports the number of features and weights of the model.
func (p *Parser) Size() (features, weights int) { return p.model.Features(), p.model.Weights() }
