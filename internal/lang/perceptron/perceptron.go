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
	// Open-addressing table: slot → key, start into classes/weights, count.
	keys    []uint64
	starts  []uint32
	counts  []uint8
	mask    uint64
	nfeat   int
	cls     []uint8
	weights []float32
}

// Classes reports the number of classes.
func (m *Model) Classes() int { return m.classes }

// Features reports the number of features with weights.
func (m *Model) Features() int { return m.nfeat }

// Weights reports the number of stored weights.
func (m *Model) Weights() int { return len(m.weights) }

// Scores sets scores[c] to the score of class c for the features.
func (m *Model) Scores(feats []uint64, scores []float32) {
	clear(scores[:m.classes])
	for _, f := range feats {
		f &= keyMask
		slot := (f * 0x9e3779b97f4a7c15) >> 11 & m.mask
		for {
			k := m.keys[slot]
			if k == f {
				s := m.starts[slot]
				n := uint32(m.counts[slot])
				for i := s; i < s+n; i++ {
					scores[m.cls[i]] += m.weights[i]
				}
				break
			}
			if k == empty {
				break
			}
			slot = (slot + 1) & m.mask
		}
	}
}

// empty marks a free slot: no feature key has the top bit set.
const empty = 1 << 63

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
	size := 16
	for size < 2*len(b.fkeys) {
		size *= 2
	}
	m := &Model{classes: b.classes, keys: make([]uint64, size), starts: make([]uint32, size),
		counts: make([]uint8, size), mask: uint64(size - 1), nfeat: len(b.fkeys), cls: b.cls, weights: b.weights}
	for i := range m.keys {
		m.keys[i] = empty
	}
	for i, k := range b.fkeys {
		slot := (k * 0x9e3779b97f4a7c15) >> 11 & m.mask
		for m.keys[slot] != empty {
			slot = (slot + 1) & m.mask
		}
		m.keys[slot], m.starts[slot], m.counts[slot] = k, b.fstart[i], b.fcount[i]
	}
	return m
}

// Encoding: magic, classes, feature count, scale; then per feature in key
// order the key delta (uvarint), the count, the classes and the quantized
// weights (int16 little endian).
const magic = "dyadPCP1"

// WriteTo writes the model in its compact binary form, deterministically.
// Weights are quantized to 16 bits.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	type feat struct {
		key          uint64
		start, count uint32
	}
	fs := make([]feat, 0, m.nfeat)
	for slot, k := range m.keys {
		if k != empty {
			fs = append(fs, feat{k, m.starts[slot], uint32(m.counts[slot])})
		}
	}
	slices.SortFunc(fs, func(a, b feat) int {
		if a.key < b.key {
			return -1
		}
		if a.key > b.key {
			return 1
		}
		return 0
	})
	var maxAbs float32
	for _, v := range m.weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	cw := &countingWriter{w: bufio.NewWriter(w)}
	cw.Write([]byte(magic))
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { n := binary.PutUvarint(buf[:], v); cw.Write(buf[:n]) }
	put(uint64(m.classes))
	put(uint64(len(fs)))
	binary.Write(cw, binary.LittleEndian, scale)
	prev := uint64(0)
	for _, f := range fs {
		put(f.key - prev)
		prev = f.key
		cw.Write([]byte{uint8(f.count)})
		cw.Write(m.cls[f.start : f.start+f.count])
		for i := f.start; i < f.start+f.count; i++ {
			q := uint16(int16(math.Round(float64(m.weights[i] / scale))))
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

// Read decodes a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
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
	var scale float32
	if err := binary.Read(br, binary.LittleEndian, &scale); err != nil || math.IsNaN(float64(scale)) {
		return nil, fmt.Errorf("%w: scale", ErrModel)
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
			ws = append(ws, float32(int16(uint16(lo)|uint16(hi)<<8))*scale)
		}
		b.add(key, cls, ws)
	}
	return b.build(), nil
}
