package ner

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"

	"github.com/dyadproject/dyad/internal/lang/perceptron"
)

// Encoding: magic; the label count; the longest phrase's length; the
// gazetteer phrases (key delta, then the set of kinds, both as uvarints) in key
// order; the clustered words (key delta, then the cluster pair as uvarint)
// in key order; the number of passes (1 or 2, a byte); then the passes'
// perceptron models.
const magic = "dyadNER1"

// WriteTo writes the model in its compact binary form, deterministically.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	write := func(b []byte) { k, _ := bw.Write(b); n += int64(k) }
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { write(buf[:binary.PutUvarint(buf[:], v)]) }
	write([]byte(magic))
	put(uint64(numLabels))
	put(uint64(m.maxPhrase))
	keys := sortedKeys(m.gaz)
	put(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		put(k - prev)
		prev = k
		put(uint64(m.gaz[k]))
	}
	keys = sortedKeys(m.clusters)
	put(uint64(len(keys)))
	prev = 0
	for _, k := range keys {
		put(k - prev)
		prev = k
		put(uint64(m.clusters[k]))
	}
	passes := byte(1)
	if m.second != nil {
		passes = 2
	}
	write([]byte{passes})
	if err := bw.Flush(); err != nil {
		return n, err
	}
	for _, pm := range []*perceptron.Model{m.model, m.second} {
		if pm == nil {
			continue
		}
		k, err := pm.WriteTo(w)
		n += k
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Read decodes a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("%w: missing header", ErrModel)
	}
	get := func() (uint64, error) { return binary.ReadUvarint(br) }
	if c, err := get(); err != nil || c != uint64(numLabels) {
		return nil, fmt.Errorf("%w: label count", ErrModel)
	}
	mp, err := get()
	if err != nil || mp > 64 {
		return nil, fmt.Errorf("%w: phrase length", ErrModel)
	}
	m := &Model{maxPhrase: int(mp), gaz: map[uint64]uint32{}, clusters: map[uint64]uint32{}}
	count, err := get()
	if err != nil || count > 1<<24 {
		return nil, fmt.Errorf("%w: phrase count", ErrModel)
	}
	key := uint64(0)
	for i := range count {
		d, err := get()
		if err != nil || i > 0 && d == 0 {
			return nil, fmt.Errorf("%w: phrase %d", ErrModel, i)
		}
		key += d
		if key > gazMask {
			return nil, fmt.Errorf("%w: phrase %d key", ErrModel, i)
		}
		kinds, err := get()
		if err != nil || kinds == 0 || kinds >= 1<<32 {
			return nil, fmt.Errorf("%w: phrase %d kinds", ErrModel, i)
		}
		m.gaz[key] = uint32(kinds)
	}
	count, err = get()
	if err != nil || count > 1<<24 {
		return nil, fmt.Errorf("%w: cluster count", ErrModel)
	}
	key = 0
	for i := range count {
		d, err1 := get()
		c, err2 := get()
		if err1 != nil || err2 != nil || i > 0 && d == 0 || c > 1<<32-1 {
			return nil, fmt.Errorf("%w: clustered word %d", ErrModel, i)
		}
		key += d
		m.clusters[key] = uint32(c)
	}
	passes, err := br.ReadByte()
	if err != nil || passes < 1 || passes > 2 {
		return nil, fmt.Errorf("%w: pass count", ErrModel)
	}
	for p := range int(passes) {
		pm, err := perceptron.Read(br)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrModel, err)
		}
		if pm.Classes() != numLabels {
			return nil, fmt.Errorf("%w: %d classes", ErrModel, pm.Classes())
		}
		if p == 0 {
			m.model = pm
		} else {
			m.second = pm
		}
	}
	return m, nil
}
