// Package perceptron is the averaged multiclass perceptron behind dyad's
// tagger and parser: sparse weights over hashed features, trained online,
// averaged, pruned, quantized and stored compactly.
//
// Features are 64-bit hashes that callers build with [Hash] and [Mix] from
// a template number and the values the template combines (word hashes, tag
// numbers). Only the low 48 bits are kept ([KeyBits]): enough that two of a
// model's few million features collide with negligible probability, and
// small enough to store as sorted deltas of about four bytes each.
//
// A [Trainer] keeps, per feature, the classes it has ever voted for, with
// their current weights and the running sums needed for averaging (the
// "lazy update" trick: a weight's sum is brought up to date only when it
// changes). [Trainer.Model] turns the averaged weights into an immutable
// [Model] with an open-addressing table built for fast scoring.
//
// # Invariants
//
//   - Classes are numbered from 0 and there are at most 255 of them.
//   - Training is deterministic: the same sequence of Scores and Update
//     calls gives the same model, byte for byte once written.
//   - A Model is immutable and safe for concurrent use.
package perceptron

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode"
)

// KeyBits is the number of feature-hash bits a model keeps.
const KeyBits = 48

const keyMask = 1<<KeyBits - 1

// ErrModel reports a model that cannot be decoded.
var ErrModel = errors.New("perceptron: bad model")

// Hash returns the 64-bit FNV-1a hash of s, the value callers mix into
// features for words.
func Hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// NormalizeWord lowercases a word and maps its digits to 0, the form in
// which the tagger and the parser hash words ("2026" and "1999" share their
// features).
func NormalizeWord(w string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '0'
		}
		return unicode.ToLower(r)
	}, w)
}

// Argmax returns the class with the highest score, the first of equals.
func Argmax(scores []float32) int {
	best := 0
	for i, v := range scores {
		if v > scores[best] {
			best = i
		}
	}
	return best
}

// Mix combines a feature so far with one more value.
func Mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// Feature builds the feature of a template number and its values.
func Feature(template uint64, values ...uint64) uint64 {
	h := Mix(0x1234567, template)
	for _, v := range values {
		h = Mix(h, v)
	}
	return h & keyMask
}

// trainEntry is one class's weight for one feature during training.
type trainEntry struct {
	class uint8
	w     float32
	total float64 // sum of the weight over time up to stamp
	stamp int64
}

// Trainer learns weights online.
type Trainer struct {
	classes int
	feats   map[uint64][]trainEntry
	now     int64
}

// NewTrainer returns a trainer for the given number of classes (at most 255).
func NewTrainer(classes int) *Trainer {
	if classes < 1 || classes > 255 {
		panic(fmt.Sprintf("perceptron: %d classes", classes))
	}
	return &Trainer{classes: classes, feats: map[uint64][]trainEntry{}}
}

// Classes reports the number of classes.
func (t *Trainer) Classes() int { return t.classes }

// Scores sets scores[c] to the current score of class c for the features.
func (t *Trainer) Scores(feats []uint64, scores []float32) {
	clear(scores[:t.classes])
	for _, f := range feats {
		for _, e := range t.feats[f&keyMask] {
			scores[e.class] += e.w
		}
	}
}

// Tick advances the clock by one example; call it once per training
// example, whether or not it leads to an update.
func (t *Trainer) Tick() { t.now++ }

// Update moves the weights of the features towards class truth and away
// from class guess. It does nothing when they are equal.
func (t *Trainer) Update(feats []uint64, truth, guess int) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		f &= keyMask
		es := t.feats[f]
		es = t.add(es, uint8(truth), 1)
		es = t.add(es, uint8(guess), -1)
		t.feats[f] = es
	}
}

func (t *Trainer) add(es []trainEntry, class uint8, delta float32) []trainEntry {
	for i := range es {
		if es[i].class == class {
			e := &es[i]
			e.total += float64(t.now-e.stamp) * float64(e.w)
			e.stamp = t.now
			e.w += delta
			return es
		}
	}
	return append(es, trainEntry{class: class, w: delta, stamp: t.now})
}

// Model returns the averaged model, dropping averaged weights whose
// magnitude is below prune.
func (t *Trainer) Model(prune float32) *Model {
	keys := make([]uint64, 0, len(t.feats))
	for k := range t.feats {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := newBuilder(t.classes)
	for _, k := range keys {
		var cls []uint8
		var ws []float32
		es := slices.Clone(t.feats[k])
		slices.SortFunc(es, func(a, b trainEntry) int { return int(a.class) - int(b.class) })
		for _, e := range es {
			total := e.total + float64(t.now-e.stamp)*float64(e.w)
			avg := float32(total / float64(max(t.now, 1)))
			if avg >= prune || avg <= -prune {
				cls = append(cls, e.class)
				ws = append(ws, avg)
			}
		}
		if len(cls) > 0 {
			b.add(k, cls, ws)
		}
	}
	return b.build()
}

// Model is a trained, immutable linear model.
type Model struct {
	classes int
	// slots is an open-addressing table with linear probing. Scoring is
	// bound by cache misses on large models, so the hot data is small: a
	// slot is 8 bytes (a 32-bit fingerprint of the key, and where the
	// weights are), a weight 4 bytes (a bfloat16 and the class).
	slots   []slot
	mask    uint64
	weights []packed
	// The full keys and float32 weights, in key order, for writing and
	// pruning; never touched while scoring.
	keys   []uint64
	starts []uint32
	counts []uint8
	exact  []float32
	cls    []uint8
}

// slot is one feature: fp is its key's fingerprint (never 0, which marks a
// free slot), at holds start<<8 | count of its weights.
type slot struct {
	fp, at uint32
}

// packed is a weight: the top 16 bits of its float32 (bfloat16) and the
// class in the low 8 bits.
type packed uint32

func (p packed) class() uint32  { return uint32(p) & 0xff }
func (p packed) value() float32 { return math.Float32frombits(uint32(p) &^ 0xffff) }

func pack(class uint8, w float32) packed {
	b := math.Float32bits(w)
	b += 0x7fff + (b >> 16 & 1) // round to nearest even in the top 16 bits
	return packed(b&^0xffff | uint32(class))
}

// maxWeights bounds a model's weights: a slot addresses them with 24 bits.
const maxWeights = 1 << 24

func fingerprint(k uint64) uint32 { return uint32(k>>16) | 1 }

func slotOf(k uint64, mask uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> 11 & mask }

// Classes reports the number of classes.
func (m *Model) Classes() int { return m.classes }

// Features reports the number of features with weights.
func (m *Model) Features() int { return len(m.keys) }

// Weights reports the number of stored weights.
func (m *Model) Weights() int { return len(m.weights) }

// Pruned returns a copy of m without the weights whose magnitude is below
// threshold, and without the features left with none.
func (m *Model) Pruned(threshold float32) *Model {
	b := newBuilder(m.classes)
	var cls []uint8
	var ws []float32
	for i, k := range m.keys {
		cls, ws = cls[:0], ws[:0]
		for j := m.starts[i]; j < m.starts[i]+uint32(m.counts[i]); j++ {
			if w := m.exact[j]; w >= threshold || w <= -threshold {
				cls = append(cls, m.cls[j])
				ws = append(ws, w)
			}
		}
		if len(cls) > 0 {
			b.add(k, cls, ws)
		}
	}
	return b.build()
}

func cmpKey(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// batch is how many features Scores looks up at once.
const batch = 32

// Scores sets scores[c] to the score of class c for the features.
//
// Lookups go in batches of independent loads (first the slots, then the
// weights of the features found), so that the processor overlaps their
// cache misses instead of waiting for each in turn: scoring a large model
// is bound by memory latency, not arithmetic.
func (m *Model) Scores(feats []uint64, scores []float32) {
	clear(scores[:m.classes])
	m.AddScores(feats, scores)
}

// AddScores adds to scores[c] the score of class c for the features: a
// caller that knows the partial scores of some features (features that did
// not change since an earlier call) starts from their sum and adds the rest.
func (m *Model) AddScores(feats []uint64, scores []float32) {
	scores = scores[:m.classes]
	// The sums go to an array indexed by the class byte, which needs no
	// bounds check in the innermost loop (a large model adds billions of
	// weights).
	var acc [256]float32
	copy(acc[:], scores)
	var idx [batch]uint64
	var found [batch]slot
	var first [batch]packed
	for len(feats) > 0 {
		n := min(len(feats), batch)
		for j, f := range feats[:n] {
			idx[j] = slotOf(f&keyMask, m.mask)
			found[j] = m.slots[idx[j]] // independent loads
		}
		k := 0
		for j, f := range feats[:n] {
			fp := fingerprint(f & keyMask)
			sl, i := found[j], idx[j]
			for sl.fp != fp && sl.fp != 0 {
				i = (i + 1) & m.mask
				sl = m.slots[i]
			}
			if sl.fp == fp {
				found[k] = sl
				k++
			}
		}
		// The first weight of every feature found (a stored feature has
		// at least one; Read and build refuse none), loaded together for
		// the same reason as the slots: the weights' cache misses overlap.
		for j, sl := range found[:k] {
			first[j] = m.weights[sl.at>>8]
		}
		for j, sl := range found[:k] {
			w := first[j]
			acc[uint8(w)] += w.value()
			start := sl.at >> 8
			for _, w := range m.weights[start+1 : start+sl.at&0xff] {
				acc[uint8(w)] += w.value()
			}
		}
		feats = feats[n:]
	}
	copy(scores, acc[:])
}

// builder accumulates features in key order.
type builder struct {
	classes int
	fkeys   []uint64
	fstart  []uint32
	fcount  []uint8
	cls     []uint8
	weights []float32
}

func newBuilder(classes int) *builder { return &builder{classes: classes} }

func (b *builder) add(key uint64, cls []uint8, ws []float32) {
	b.fkeys = append(b.fkeys, key)
	b.fstart = append(b.fstart, uint32(len(b.cls)))
	b.fcount = append(b.fcount, uint8(len(cls)))
	b.cls = append(b.cls, cls...)
	b.weights = append(b.weights, ws...)
}

func (b *builder) build() *Model {
	if len(b.weights) >= maxWeights {
		panic(fmt.Sprintf("perceptron: %d weights, at most %d", len(b.weights), maxWeights))
	}
	size := 16
	for size*3 < 4*len(b.fkeys) { // load factor at most 3/4
		size *= 2
	}
	m := &Model{classes: b.classes, mask: uint64(size - 1), keys: b.fkeys, starts: b.fstart, counts: b.fcount,
		exact: b.weights, cls: b.cls}
	m.slots = hugeAlloc[slot](m, size)
	m.weights = hugeAlloc[packed](m, len(b.weights))
	for i, w := range b.weights {
		m.weights[i] = pack(b.cls[i], w)
	}
	for i, k := range b.fkeys {
		j := slotOf(k, m.mask)
		for m.slots[j].fp != 0 {
			j = (j + 1) & m.mask
		}
		m.slots[j] = slot{fp: fingerprint(k), at: b.fstart[i]<<8 | uint32(b.fcount[i])}
	}
	return m
}

// Encoding: magic, classes, feature count; then per feature in key order
// the key delta (uvarint), the count, the classes and the weights as IEEE
// half-precision floats (little endian).
const magic = "dyadPCP2"

// WriteTo writes the model in its compact binary form, deterministically.
// Weights are stored as half-precision floats: a relative error of at most
// 1/2048 whatever their magnitude, where a fixed-point scale would crush the
// many small weights that large ones share a model with.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countingWriter{w: bufio.NewWriter(w)}
	cw.Write([]byte(magic))
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { n := binary.PutUvarint(buf[:], v); cw.Write(buf[:n]) }
	put(uint64(m.classes))
	put(uint64(len(m.keys)))
	prev := uint64(0)
	for i, k := range m.keys {
		put(k - prev)
		prev = k
		start, end := m.starts[i], m.starts[i]+uint32(m.counts[i])
		cw.Write([]byte{m.counts[i]})
		cw.Write(m.cls[start:end])
		for _, w := range m.exact[start:end] {
			q := toHalf(w)
			cw.Write([]byte{byte(q), byte(q >> 8)})
		}
	}
	if cw.err != nil {
		return cw.n, cw.err
	}
	return cw.n, cw.w.(*bufio.Writer).Flush()
}

type countingWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// Read decodes a model written by WriteTo. Given a *bufio.Reader it reads no
// further than the model's end, so that several models can follow each other
// in one stream.
func Read(r io.Reader) (*Model, error) {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("%w: missing header", ErrModel)
	}
	classes, err := binary.ReadUvarint(br)
	if err != nil || classes < 1 || classes > 255 {
		return nil, fmt.Errorf("%w: class count", ErrModel)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<28 {
		return nil, fmt.Errorf("%w: feature count", ErrModel)
	}
	b := newBuilder(int(classes))
	key := uint64(0)
	var cls []uint8
	var ws []float32
	for i := uint64(0); i < n; i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("%w: feature %d: %v", ErrModel, i, err)
		}
		key += d
		if key > keyMask || i > 0 && d == 0 {
			return nil, fmt.Errorf("%w: feature %d: key out of order", ErrModel, i)
		}
		c, err := br.ReadByte()
		if err != nil || c == 0 {
			return nil, fmt.Errorf("%w: feature %d: class count", ErrModel, i)
		}
		cls = cls[:0]
		ws = ws[:0]
		for j := 0; j < int(c); j++ {
			k, err := br.ReadByte()
			if err != nil || uint64(k) >= classes {
				return nil, fmt.Errorf("%w: feature %d: class", ErrModel, i)
			}
			cls = append(cls, k)
		}
		for j := 0; j < int(c); j++ {
			lo, err1 := br.ReadByte()
			hi, err2 := br.ReadByte()
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("%w: feature %d: weight", ErrModel, i)
			}
			ws = append(ws, fromHalf(uint16(lo)|uint16(hi)<<8))
		}
		if len(b.weights)+len(ws) >= maxWeights {
			return nil, fmt.Errorf("%w: more than %d weights", ErrModel, maxWeights)
		}
		b.add(key, cls, ws)
	}
	return b.build(), nil
}

// toHalf converts f to the nearest IEEE 754 half-precision float, clamping
// magnitudes beyond its range to the largest finite one.
func toHalf(f float32) uint16 {
	b := math.Float32bits(f)
	sign := uint16(b>>16) & 0x8000
	exp := int32(b>>23&0xff) - 127 + 15
	mant := b & 0x7fffff
	switch {
	case exp >= 31:
		return sign | 0x7bff
	case exp <= 0:
		if exp < -10 {
			return sign
		}
		mant |= 0x800000
		shift := uint32(14 - exp)
		h := uint16(mant >> shift)
		if mant>>(shift-1)&1 != 0 {
			h++
		}
		return sign | h
	}
	h := uint16(exp)<<10 | uint16(mant>>13)
	if mant&0x1000 != 0 {
		h++ // a carry into the exponent is still the right rounding
	}
	if h >= 0x7c00 {
		h = 0x7bff
	}
	return sign | h
}

// fromHalf converts a half-precision float to float32.
func fromHalf(h uint16) float32 {
	sign := uint32(h&0x8000) << 16
	exp := uint32(h>>10) & 0x1f
	mant := uint32(h & 0x3ff)
	switch exp {
	case 0:
		f := float32(mant) / (1 << 24) // subnormal: mant × 2^-24
		if sign != 0 {
			f = -f
		}
		return f
	case 31:
		exp, mant = 30, 0x3ff // not written by toHalf; read as the largest finite value
	}
	return math.Float32frombits(sign | (exp-15+127)<<23 | mant<<13)
}
