package ner

import (
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad/internal/lang/perceptron"
)

// ErrModel reports a recognizer model that cannot be decoded.
var ErrModel = errors.New("ner: bad model")

// Types are the entity types the recognizer labels, in class order.
var Types = [...]string{"PER", "ORG", "LOC"}

// Label classes: O, then B- and I- of each type in Types order.
const (
	O         = 0
	numLabels = 1 + 2*len(Types)
)

var labelNames = [numLabels]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

// LabelName returns the IOB2 label of class c ("O", "B-PER", "I-LOC").
func LabelName(c int) string { return labelNames[c] }

// LabelClass returns the class of an IOB2 label, and false for a label of
// another type (such as B-MISC or B-OTH) or a malformed one.
func LabelClass(label string) (int, bool) {
	for c, l := range labelNames {
		if l == label {
			return c, true
		}
	}
	return O, false
}

// isInside reports whether class c is an I- label.
func isInside(c int) bool { return c > 0 && c%2 == 0 }

// typeOf returns the index in Types of a B- or I- class.
func typeOf(c int) int { return (c - 1) / 2 }

// allowed reports whether class c may follow class prev in IOB2.
func allowed(prev, c int) bool { return !isInside(c) || prev == c || prev == c-1 }

// Word is one word of a sentence with the tags dyad's tagger gave it.
type Word struct {
	Form, UPOS, XPOS string
}

// Entity is a labelled span of words: [First, End) indices into the
// sentence, and Type one of Types.
type Entity struct {
	First, End int
	Type       string
}

// Model labels words. It is immutable and safe for concurrent use.
type Model struct {
	// model labels left to right from the words and its own previous
	// labels; second, when not nil, labels again with model's labels of
	// the whole sentence in sight.
	model  *perceptron.Model
	second *perceptron.Model
	// clusters maps the hash of a word (see clusterKey) to its coarse
	// cluster number in the high 16 bits and its fine one in the low 16,
	// both counted from 1.
	clusters map[uint64]uint32
	// gaz maps the hash of a phrase's words (see phraseKey) to the set of
	// gazetteer kinds that list it, one bit per Kind; and the hash of its
	// normalized words (lower case, as in "auckland") to the same set
	// shifted by lowerShift; see also moreExact and moreLower.
	gaz map[uint64]uint32
	// maxPhrase is the number of words of the longest gazetteer phrase.
	maxPhrase int
}

// Kind is a gazetteer list.
type Kind uint8

// Gazetteer lists.
const (
	Country Kind = iota // country names and aliases
	Capital             // capitals
	City                // major cities
	Town                // any other populated place
	Region              // regions, seas, provinces
	Org                 // organizations
	Demonym             // nationality adjectives and people nouns ("French", "Ukrainians")
	Role                // role nouns and titles ("minister", "President")
	Person              // people's full names
	Given               // first words of people's names
	Family              // last words of people's names
	numKinds
)

// Phrase is one gazetteer entry: its words, as the tokenizer splits them,
// and the list it belongs to.
type Phrase struct {
	Words []string
	Kind  Kind
}

// Size reports the model's features, weights, clustered words and
// gazetteer phrases.
func (m *Model) Size() (features, weights, clustered, phrases int) {
	features, weights = m.model.Features(), m.model.Weights()
	if m.second != nil {
		features += m.second.Features()
		weights += m.second.Weights()
	}
	return features, weights, len(m.clusters), len(m.gaz)
}

// token holds the hashes a word contributes to features.
type token struct {
	norm, raw, shape, lower                  uint64
	pre2, pre3, suf2, suf3, suf4, upos, xpos uint64
	c1, c2                                   uint64 // coarse and fine cluster, 0 unknown
	gazB, gazI                               uint64 // gazetteer kinds starting here and continuing here (exact | lower<<lowerShift)
	cap, first                               bool
	// plain is set for a word that cannot start a name: no capital, no
	// digit, not a proper noun for the tagger, in no gazetteer list.
	plain    bool
	sentCase uint64 // the sentence's casing (see casing), the same for all its words
}

var boundary = token{norm: 1, raw: 1, shape: 1, lower: 1, pre2: 1, pre3: 1, suf2: 1, suf3: 1, suf4: 1, upos: 1, xpos: 1,
	c1: 1 << 20, c2: 1 << 20}

func at(ts []token, i int) *token {
	if i < 0 || i >= len(ts) {
		return &boundary
	}
	return &ts[i]
}

// shapeLimit bounds a word's shape as the recognizer's model was trained.
const shapeLimit = 8

// shape is perceptron.AppendShape as the recognizer uses it.
func shape(w string) string { return string(perceptron.AppendShape(nil, w, shapeLimit)) }

// lowerWord appends perceptron.NormalizeWord(w) to b, without allocating
// for ASCII words.
func lowerWord(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return append(b[:0], perceptron.NormalizeWord(w)...)
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '0' && c <= '9':
			c = '0'
		}
		b = append(b, c)
	}
	return b
}

// clusterKey is the key of a word in the cluster table: its hash with
// digits mapped to 0, case kept (case is much of what tells a name).
func clusterKey(w string) uint64 {
	return perceptron.Hash(digitsToZero(w)) & (1<<perceptron.KeyBits - 1)
}

func digitsToZero(w string) string {
	if strings.IndexFunc(w, unicode.IsDigit) < 0 {
		return w
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '0'
		}
		return r
	}, w)
}

// phraseSeed starts the hash of a phrase; phraseStep adds a word's hash.
const phraseSeed = 0x6e6572 // "ner"

func phraseStep(h, word uint64) uint64 { return perceptron.Mix(h, word) }

// phraseKey hashes the words of a gazetteer phrase as written, or
// normalized (see perceptron.NormalizeWord).
func phraseKey(words []string, normalized bool) uint64 {
	h := uint64(phraseSeed)
	for _, w := range words {
		if normalized {
			w = perceptron.NormalizeWord(w)
		}
		h = phraseStep(h, perceptron.Hash(w))
	}
	return h & gazMask
}

// gazMask keeps 40 bits of a phrase's hash: with under a million keys, a
// word sequence that is no phrase matches one by chance about once in a
// million lookups, and the keys' deltas take a byte less each on disk than
// with the perceptron's 48 bits.
const gazMask = 1<<40 - 1

// prepare computes the hashes of each word of a sentence into ts.
func (m *Model) prepare(words []Word, ts []token) []token {
	ts = ts[:0]
	var nbuf, sbuf [32]byte
	for i, w := range words {
		// Short words are normalized and shaped in stack buffers: the
		// conversions to string below then allocate nothing.
		n := string(lowerWord(nbuf[:0], w.Form))
		r, _ := utf8.DecodeRuneInString(w.Form)
		t := token{
			norm: perceptron.Hash(n), raw: perceptron.Hash(w.Form), shape: perceptron.Hash(string(perceptron.AppendShape(sbuf[:0], w.Form, shapeLimit))),
			pre2: perceptron.Hash(perceptron.Prefix(n, 2)), pre3: perceptron.Hash(perceptron.Prefix(n, 3)),
			suf2: perceptron.Hash(perceptron.Suffix(n, 2)), suf3: perceptron.Hash(perceptron.Suffix(n, 3)), suf4: perceptron.Hash(perceptron.Suffix(n, 4)),
			upos: perceptron.Hash(w.UPOS), xpos: perceptron.Hash(w.XPOS),
			cap: unicode.IsUpper(r), first: i == 0,
		}
		t.lower = t.norm
		if c, ok := m.clusters[clusterKey(w.Form)]; ok {
			t.c1, t.c2 = uint64(c>>16), uint64(c&0xffff)
		} else if c, ok := m.clusters[clusterKey(n)]; ok {
			// An unseen capitalization ("REUTERS") borrows the
			// lower-case word's clusters, marked as borrowed.
			t.c1, t.c2 = uint64(c>>16)|1<<16, uint64(c&0xffff)|1<<16
		}
		ts = append(ts, t)
	}
	m.markGazetteer(ts)
	c := casing(words)
	for i := range ts {
		ts[i].sentCase = c
		ts[i].plain = ts[i].gazB == 0 && ts[i].gazI == 0 && words[i].UPOS != "PROPN" &&
			!strings.ContainsFunc(words[i].Form, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) })
	}
	return ts
}

// casing classes a sentence by how it uses capitals, which tells how much
// a capital says: 1 when no word has one (chat, e-mail), 2 when most of
// its words are in capitals (headlines, shouting), 0 otherwise.
func casing(words []Word) uint64 {
	upper, lower, letters := 0, 0, 0
	for _, w := range words {
		hasUpper, hasLower := false, false
		for _, r := range w.Form {
			switch {
			case unicode.IsUpper(r):
				hasUpper = true
			case unicode.IsLower(r):
				hasLower = true
			}
		}
		if hasUpper || hasLower {
			letters++
		}
		if hasUpper {
			upper++
		}
		if hasUpper && !hasLower {
			lower-- // an all-capitals word
		}
	}
	switch {
	case letters == 0:
		return 0
	case upper == 0:
		return 1
	case -lower*2 > letters:
		return 2
	}
	return 0
}

// lowerShift is where the kinds of a phrase matched in lower case start in
// a kinds set.
const lowerShift = 16

// A key's set also says whether some longer phrase starts with the words
// hashed so far, as written (moreExact) or normalized (moreLower), so that
// matching stops as soon as no phrase can follow: most words start none.
const (
	moreExact = 1 << (lowerShift - 1)
	moreLower = 1 << 31
)

// markGazetteer sets each word's gazetteer kinds: those of every phrase
// that starts at it (gazB) or covers it after the first word (gazI), as
// written and in lower case.
func (m *Model) markGazetteer(ts []token) {
	if len(m.gaz) == 0 {
		return
	}
	const exact, lower = 1<<numKinds - 1, (1<<numKinds - 1) << lowerShift
	for i := range ts {
		h, hl := uint64(phraseSeed), uint64(phraseSeed)
		onExact, onLower := true, true
		for n := 1; n <= m.maxPhrase && i+n <= len(ts) && (onExact || onLower); n++ {
			var ve, vl uint32
			if onExact {
				h = phraseStep(h, ts[i+n-1].raw)
				ve = m.gaz[h&gazMask]
			}
			if onLower {
				hl = phraseStep(hl, ts[i+n-1].norm)
				vl = m.gaz[hl&gazMask]
			}
			onExact, onLower = ve&moreExact != 0, vl&moreLower != 0
			kinds := uint64(ve&exact | vl&lower)
			if kinds == 0 {
				continue
			}
			ts[i].gazB |= kinds
			for k := i + 1; k < i+n; k++ {
				ts[k].gazI |= kinds
			}
		}
	}
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// features appends the features of word i given the labels predicted
// before it.
func features(f []uint64, ts []token, labels []int, i int) []uint64 {
	F := perceptron.Feature
	w0, wm1, wm2, wp1, wp2 := at(ts, i), at(ts, i-1), at(ts, i-2), at(ts, i+1), at(ts, i+2)
	l1, l2 := uint64(99), uint64(99)
	if i > 0 {
		l1 = uint64(labels[i-1])
	}
	if i > 1 {
		l2 = uint64(labels[i-2])
	}
	f = append(f,
		F(0),
		F(1, w0.norm), F(2, w0.raw), F(3, w0.shape), F(4, w0.suf2), F(5, w0.suf3), F(6, w0.suf4),
		F(7, w0.pre2), F(8, w0.pre3), F(9, b2u(w0.first), w0.shape), F(10, b2u(w0.first), w0.norm),
		F(11, wm1.norm), F(12, wm2.norm), F(13, wp1.norm), F(14, wp2.norm),
		F(15, wm1.raw), F(16, wp1.raw),
		F(17, wm1.shape), F(18, wp1.shape), F(19, wm2.shape), F(20, wp2.shape),
		F(21, wm1.shape, w0.shape, wp1.shape), F(22, wm1.norm, w0.norm), F(23, w0.norm, wp1.norm),
		F(24, w0.upos), F(25, w0.xpos), F(26, wm1.xpos), F(27, wp1.xpos), F(28, wm1.xpos, w0.xpos, wp1.xpos),
		F(29, wp2.xpos), F(30, wm2.xpos),
		F(31, l1), F(32, l1, l2), F(33, l1, w0.shape), F(34, l1, w0.xpos), F(35, l1, w0.norm), F(36, l1, wm1.norm),
		F(37, w0.c1), F(38, w0.c2), F(39, wm1.c2), F(40, wp1.c2), F(41, wm1.c1), F(42, wp1.c1),
		F(43, w0.c2, w0.shape), F(44, l1, w0.c1), F(45, w0.c1, wp1.c1), F(46, wm1.c1, w0.c1),
		F(47, w0.gazB), F(48, w0.gazI), F(49, wm1.gazB|wm1.gazI<<32), F(50, wp1.gazB|wp1.gazI<<32),
		F(51, w0.gazB|w0.gazI<<32, w0.shape), F(52, l1, w0.gazB|w0.gazI<<32),
		F(53, w0.xpos, w0.shape), F(54, wm1.norm, w0.shape), F(55, w0.shape, wp1.norm),
		F(56, w0.sentCase, w0.shape), F(57, w0.sentCase, w0.xpos), F(58, w0.sentCase, l1),
		F(59, wm2.c2), F(62, wp2.c2),
	)
	for k := range uint64(lowerShift + numKinds) {
		if w0.gazB>>k&1 != 0 {
			f = append(f, F(60, k))
		}
		if w0.gazI>>k&1 != 0 {
			f = append(f, F(61, k))
		}
	}
	return f
}

// best returns the highest-scoring class that may follow prev.
func best(scores []float32, prev int) int {
	b := -1
	for c, v := range scores {
		if allowed(prev, c) && (b < 0 || v > scores[b]) {
			b = c
		}
	}
	return b
}

// Scratch holds the buffers that labelling a sentence needs, so that a
// caller labelling many sentences allocates them once. The zero value is
// ready to use; a Scratch must not be shared between goroutines.
type Scratch struct {
	ts     []token
	first  []int
	feats  []uint64
	scores [numLabels]float32
}

// Label predicts a class for each word (see LabelName) and writes it to
// out, which must have room for len(words) classes. s may be nil.
func (m *Model) Label(words []Word, out []int, s *Scratch) {
	if s == nil {
		s = &Scratch{}
	}
	s.ts = m.prepare(words, s.ts)
	m.pass(m.model, s.ts, nil, out, s)
	if m.second != nil && !slices.ContainsFunc(out[:len(words)], func(c int) bool { return c != O }) {
		return // the second pass reads the first's names; with none it finds none
	}
	if m.second != nil {
		s.first = append(s.first[:0], out[:len(words)]...)
		m.pass(m.second, s.ts, s.first, out, s)
	}
}

// pass labels ts left to right with pm, looking at the first pass's
// labels when first is not nil.
func (m *Model) pass(pm *perceptron.Model, ts []token, first, out []int, s *Scratch) {
	prev := O
	for i := range ts {
		if prev == O && ts[i].plain && (first == nil || first[i] == O) {
			// A plain word after no name starts none: outside, unscored.
			out[i] = O
			continue
		}
		s.feats = passFeatures(s.feats[:0], ts, out, first, i)
		pm.Scores(s.feats, s.scores[:])
		out[i] = best(s.scores[:], prev)
		prev = out[i]
	}
}

// passFeatures returns the features of word i: in the second pass (first
// not nil), with the first pass's labels around it.
func passFeatures(f []uint64, ts []token, labels, first []int, i int) []uint64 {
	f = features(f, ts, labels, i)
	if first == nil {
		return f
	}
	F := perceptron.Feature
	lab := func(k int) uint64 {
		if k < 0 || k >= len(first) {
			return 99
		}
		return uint64(first[k])
	}
	w0, wp1 := at(ts, i), at(ts, i+1)
	return append(f, F(100, lab(i)), F(101, lab(i+1)), F(102, lab(i+2)), F(103, lab(i), lab(i+1)),
		F(104, lab(i-1), lab(i), lab(i+1)), F(105, lab(i), w0.norm), F(106, lab(i+1), wp1.shape),
		F(107, lab(i), w0.shape))
}

// Entities returns the entities that valid IOB2 classes mark, in order.
func Entities(labels []int) []Entity {
	var out []Entity
	for i := 0; i < len(labels); i++ {
		c := labels[i]
		if c == O || isInside(c) {
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == c+1 {
			j++
		}
		out = append(out, Entity{First: i, End: j, Type: Types[typeOf(c)]})
		i = j - 1
	}
	return out
}
