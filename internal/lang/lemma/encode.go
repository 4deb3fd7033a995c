package lemma

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
)

// ErrModel reports a model file that is not one WriteTo wrote.
var ErrModel = errors.New("lemma: bad model")

// magic starts every model; its last byte is the format version.
const magic = "DYLEMMA\x01"

// maxModel bounds the size Read accepts.
const maxModel = 64 << 20

// maxCut bounds the bytes an edit may cut.
const maxCut = 1 << 10

// WriteTo writes m in a compact binary encoding: the tag pairs in model
// order, each with its case decisions, exceptions and suffix rules as
// sorted, prefix-compressed lists, then the interned lemmas. The same model
// always gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	b := []byte(magic)
	b = binary.AppendUvarint(b, uint64(len(m.tags)))
	for i := range m.tags {
		t := &m.tags[i]
		b = appendString(b, t.upos)
		b = appendString(b, t.xpos)
		for _, c := range t.cases {
			b = append(b, byte(c))
		}
		b = appendTable(b, t.exact)
		b = appendTable(b, t.lower)
		keys := slices.Sorted(maps.Keys(t.rules))
		b = binary.AppendUvarint(b, uint64(len(keys)))
		prev := ""
		for _, k := range keys {
			b = appendKey(b, prev, k)
			b = appendEdit(b, t.rules[k])
			prev = k
		}
	}
	keys := slices.Sorted(maps.Keys(m.intern))
	b = binary.AppendUvarint(b, uint64(len(keys)))
	prev := ""
	for _, k := range keys {
		b = appendKey(b, prev, k)
		prev = k
	}
	n, err := w.Write(b)
	if err != nil {
		return int64(n), fmt.Errorf("write lemma model: %w", err)
	}
	return int64(n), nil
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// appendKey writes k as the length it shares with prev and the rest.
func appendKey(b []byte, prev, k string) []byte {
	p := 0
	for p < len(prev) && p < len(k) && prev[p] == k[p] {
		p++
	}
	return appendString(binary.AppendUvarint(b, uint64(p)), k[p:])
}

func appendEdit(b []byte, e edit) []byte {
	return appendString(binary.AppendUvarint(b, uint64(e.cut)), e.add)
}

// appendTable writes a form → lemma table, each lemma as its edit of the form.
func appendTable(b []byte, tab map[string]string) []byte {
	keys := slices.Sorted(maps.Keys(tab))
	b = binary.AppendUvarint(b, uint64(len(keys)))
	prev := ""
	for _, k := range keys {
		b = appendKey(b, prev, k)
		b = appendEdit(b, editOf(k, tab[k]))
		prev = k
	}
	return b
}

// Read reads a model that WriteTo wrote. It checks the whole encoding, so a
// model it accepts writes back to the same bytes.
func Read(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxModel+1))
	if err != nil {
		return nil, fmt.Errorf("read lemma model: %w", err)
	}
	if len(data) > maxModel {
		return nil, fmt.Errorf("read lemma model: %w: larger than %d bytes", ErrModel, maxModel)
	}
	m, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("read lemma model: %w: %v", ErrModel, err)
	}
	return m, nil
}

func decode(data []byte) (*Model, error) {
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, errors.New("no model header")
	}
	d := &decoder{b: data[len(magic):]}
	m := &Model{}
	pairs := map[tagPair]bool{}
	n := d.count()
	for i := 0; i < n && d.err == nil; i++ {
		t := tagModel{upos: d.str(), xpos: d.str()}
		if pairs[tagPair{t.upos, t.xpos}] {
			d.fail("tag %s/%s twice", t.upos, t.xpos)
		}
		pairs[tagPair{t.upos, t.xpos}] = true
		for sh := range t.cases {
			if c := caseClass(d.byte()); c < numCases {
				t.cases[sh] = c
			} else {
				d.fail("case class %d", c)
			}
		}
		t.exact = d.table()
		t.lower = d.table()
		rules := map[string]edit{}
		prev := ""
		for j, nr := 0, d.count(); j < nr && d.err == nil; j++ {
			k := d.key(prev, j)
			rules[k] = d.edit()
			prev = k
		}
		t.setRules(rules)
		m.tags = append(m.tags, t)
	}
	m.intern = map[string]string{}
	prev := ""
	for j, ni := 0, d.count(); j < ni && d.err == nil; j++ {
		k := d.key(prev, j)
		m.intern[k] = k
		prev = k
	}
	if d.err == nil && len(d.b) > 0 {
		d.fail("%d bytes after the model", len(d.b))
	}
	if d.err != nil {
		return nil, d.err
	}
	m.index()
	return m, nil
}

// decoder reads the encoding; its first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	var tmp [binary.MaxVarintLen64]byte
	if n <= 0 || n != binary.PutUvarint(tmp[:], v) {
		d.fail("truncated or overlong number")
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a list length, which cannot exceed the bytes left since
// every item takes at least one.
func (d *decoder) count() int {
	v := d.uvarint()
	if v > uint64(len(d.b)) {
		d.fail("list of %d items in %d bytes", v, len(d.b))
		return 0
	}
	return int(v)
}

func (d *decoder) byte() byte {
	if d.err != nil {
		return 0
	}
	if len(d.b) == 0 {
		d.fail("truncated")
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) str() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// key reads the j-th key of a sorted list after prev.
func (d *decoder) key(prev string, j int) string {
	p := d.uvarint()
	rest := d.str()
	if d.err != nil {
		return ""
	}
	if p > uint64(len(prev)) {
		d.fail("key shares %d bytes of a %d-byte key", p, len(prev))
		return ""
	}
	k := prev[:p] + rest
	switch {
	case j > 0 && k <= prev:
		d.fail("keys out of order: %q after %q", k, prev)
	case int(p) < len(prev) && int(p) < len(k) && prev[p] == k[p]:
		d.fail("key %q shares more than %d bytes with %q", k, p, prev)
	}
	return k
}

func (d *decoder) edit() edit {
	cut := d.uvarint()
	add := d.str()
	if cut > maxCut {
		d.fail("edit cuts %d bytes", cut)
		return edit{}
	}
	return edit{cut: int(cut), add: add}
}

// table reads a form → lemma table.
func (d *decoder) table() map[string]string {
	tab := map[string]string{}
	prev := ""
	for j, n := 0, d.count(); j < n && d.err == nil; j++ {
		k := d.key(prev, j)
		e := d.edit()
		if d.err != nil {
			break
		}
		if e.cut > len(k) {
			d.fail("edit cuts %d bytes of %q", e.cut, k)
			break
		}
		l := k[:len(k)-e.cut] + e.add
		if l == "" || editOf(k, l) != e {
			d.fail("bad lemma %q for %q", l, k)
			break
		}
		tab[k] = l
		prev = k
	}
	return tab
}
