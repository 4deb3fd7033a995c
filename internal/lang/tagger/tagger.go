// Package tagger is dyad's part-of-speech tagger: a greedy left-to-right
// averaged perceptron that predicts the pair of a Universal Dependencies tag
// (UPOS) and a Penn Treebank tag (XPOS) for each word, trained on UD English
// EWT.
//
// Predicting the pair as one class keeps the two tag sets consistent (no
// NNP tagged VERB). Features follow Collins (2002) and Honnibal's
// perceptron tagger: the word, its prefixes, suffixes and shape, the two
// words on each side, the two previous predicted tags, and the word's
// ambiguity class (the set of tags it had in training) and those of its
// neighbours, which gives a greedy tagger some sight of what comes next.
package tagger

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad/internal/lang/perceptron"
)

// ErrModel reports a tagger model that cannot be decoded.
var ErrModel = errors.New("tagger: bad model")

// Tag is a UPOS and XPOS pair.
type Tag struct{ UPOS, XPOS string }

// Tagger tags words. It is immutable and safe for concurrent use.
type Tagger struct {
	tags []Tag
	// model tags left to right from the words and its own previous tags;
	// second, when not nil, tags again with model's tags of the whole
	// sentence in sight, so that it sees what follows.
	model  *perceptron.Model
	second *perceptron.Model
	// ambiguity maps a normalized word's hash to the hash of the sorted set
	// of tags it had in training.
	ambiguity map[uint64]uint64
}

// Ambiguity returns a hash of the set of tags word had in training, 0 for
// a rare or unseen word: a lexical feature that the parser can use next to
// the predicted tag, so that one wrong tag misleads it less.
func (t *Tagger) Ambiguity(word string) uint64 {
	return t.ambiguity[perceptron.Hash(perceptron.NormalizeWord(word))&(1<<perceptron.KeyBits-1)]
}

// Tags returns the tag pairs the tagger predicts, by class number.
func (t *Tagger) Tags() []Tag { return t.tags }

// Tag predicts a tag class for each word and writes it to out, which must
// have room for len(words) classes.
func (t *Tagger) Tag(words []string, out []int) {
	ws := t.prepare(words)
	scores := make([]float32, len(t.tags))
	feats := make([]uint64, 0, 64)
	sure := make([]bool, len(words))
	t.pass(t.model, ws, nil, out, scores, feats, sure)
	if t.second != nil {
		first := append([]int(nil), out[:len(words)]...)
		t.pass(t.second, ws, first, out, scores, feats, sure)
	}
}

// sureMargin is the lead of the first pass's best tag over the next at
// which the second pass keeps it without looking again (when the tag
// before it stands too). On EWT dev this skips most words, saves about a
// third of the tagger's time and changes XPOS accuracy by +0.0017 (test:
// -0.0001): the second pass is there for the words the first was unsure
// of.
const sureMargin = 10

// pass tags ws left to right with m, looking at the first pass's tags when
// first is not nil.
func (t *Tagger) pass(m *perceptron.Model, ws []word, first, out []int, scores []float32, feats []uint64, sure []bool) {
	for i := range ws {
		if first != nil && sure[i] && (i == 0 || out[i-1] == first[i-1]) {
			continue
		}
		feats = t.passFeatures(feats[:0], ws, out, first, i)
		m.Scores(feats, scores)
		best := perceptron.Argmax(scores)
		out[i] = best
		if first == nil {
			lead := float32(1e30)
			for c, v := range scores {
				if c != best && scores[best]-v < lead {
					lead = scores[best] - v
				}
			}
			sure[i] = lead >= sureMargin
		}
	}
}

// passFeatures returns the features of word i: all of them in the first
// pass; in the second (first != nil), which mostly corrects the first with
// sight of what follows, the first pass's tags and a few word features, so
// that it costs a third of the first.
func (t *Tagger) passFeatures(f []uint64, ws []word, tags, first []int, i int) []uint64 {
	if first == nil {
		return t.features(f, ws, tags, i)
	}
	F := perceptron.Feature
	w0, wm1, wp1, wp2 := at(ws, i), at(ws, i-1), at(ws, i+1), at(ws, i+2)
	t1, t2 := uint64(999), uint64(999)
	if i > 0 {
		t1 = uint64(tags[i-1])
	}
	if i > 1 {
		t2 = uint64(tags[i-2])
	}
	f = append(f, F(0), F(1, w0.norm), F(2, w0.raw), F(4, w0.suf2), F(5, w0.suf3), F(9, w0.shape), F(12, t1),
		F(13, t1, t2), F(15, wm1.norm), F(18, wp1.norm), F(19, wp1.suf3), F(20, wp2.norm), F(21, w0.amb),
		F(22, wp1.amb), F(25, wm1.norm, w0.norm))
	return lookahead(f, first, i, w0.norm)
}

// lookahead appends the features of the first pass's tags around word i.
func lookahead(f []uint64, first []int, i int, norm uint64) []uint64 {
	F := perceptron.Feature
	tag := func(k int) uint64 {
		if k < 0 || k >= len(first) {
			return 999
		}
		return uint64(first[k])
	}
	return append(f, F(100, tag(i)), F(101, tag(i+1)), F(102, tag(i+2)), F(103, tag(i+1), tag(i+2)),
		F(104, tag(i), tag(i+1)), F(105, tag(i-1), tag(i), tag(i+1)), F(106, tag(i+1), norm),
		F(107, tag(i-1), tag(i+1)), F(108, tag(i), norm))
}

// word holds the hashes a word contributes to features.
type word struct {
	norm, raw, shape, pre1, pre2, suf1, suf2, suf3, suf4, amb uint64
	first, upper, title, digit, hyphen                        bool
}

var boundary = word{norm: 1, raw: 1, shape: 1, pre1: 1, pre2: 1, suf1: 1, suf2: 1, suf3: 1, suf4: 1, amb: 1}

// shape is perceptron.AppendShape with the bound of 9 bytes the tagger's
// model was trained with.
func shape(w string) string { return string(perceptron.AppendShape(nil, w, 9)) }

func (t *Tagger) prepare(words []string) []word {
	ws := make([]word, len(words))
	for i, w := range words {
		n := perceptron.NormalizeWord(w)
		r, _ := utf8.DecodeRuneInString(w)
		ws[i] = word{
			norm: perceptron.Hash(n), raw: perceptron.Hash(w), shape: perceptron.Hash(shape(w)),
			pre1: perceptron.Hash(perceptron.Prefix(n, 1)), pre2: perceptron.Hash(perceptron.Prefix(n, 2)),
			suf1: perceptron.Hash(perceptron.Suffix(n, 1)), suf2: perceptron.Hash(perceptron.Suffix(n, 2)),
			suf3: perceptron.Hash(perceptron.Suffix(n, 3)), suf4: perceptron.Hash(perceptron.Suffix(n, 4)),
			first: i == 0, upper: unicode.IsUpper(r), title: unicode.IsUpper(r) && i > 0,
			digit: strings.IndexFunc(w, unicode.IsDigit) >= 0, hyphen: strings.Contains(w, "-"),
		}
		ws[i].amb = t.ambiguity[ws[i].norm&(1<<perceptron.KeyBits-1)]
	}
	return ws
}

func at(ws []word, i int) *word {
	if i < 0 || i >= len(ws) {
		return &boundary
	}
	return &ws[i]
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// features appends the features of word i given the tags predicted before it.
func (t *Tagger) features(f []uint64, ws []word, tags []int, i int) []uint64 {
	F := perceptron.Feature
	w0, wm1, wm2, wp1, wp2 := at(ws, i), at(ws, i-1), at(ws, i-2), at(ws, i+1), at(ws, i+2)
	t1, t2 := uint64(999), uint64(999)
	if i > 0 {
		t1 = uint64(tags[i-1])
	}
	if i > 1 {
		t2 = uint64(tags[i-2])
	}
	return append(f,
		F(0),
		F(1, w0.norm), F(2, w0.raw), F(3, w0.suf1), F(4, w0.suf2), F(5, w0.suf3), F(6, w0.suf4),
		F(7, w0.pre1), F(8, w0.pre2), F(9, w0.shape), F(10, b2u(w0.first), b2u(w0.upper)),
		F(11, b2u(w0.digit), b2u(w0.hyphen)),
		F(12, t1), F(13, t1, t2), F(14, t1, w0.norm),
		F(15, wm1.norm), F(16, wm1.suf3), F(17, wm2.norm),
		F(18, wp1.norm), F(19, wp1.suf3), F(20, wp2.norm),
		F(21, w0.amb), F(22, wp1.amb), F(23, wp2.amb), F(24, wm1.amb),
		F(25, wm1.norm, w0.norm), F(26, w0.norm, wp1.norm), F(27, t1, wp1.norm),
		F(28, w0.amb, wp1.amb), F(29, t1, w0.amb), F(30, w0.shape, wp1.shape), F(31, wm1.shape, w0.shape),
		F(32, t1, w0.suf3), F(33, b2u(w0.title), w0.norm),
		F(34, wp1.raw), F(35, wm1.raw), F(36, wp1.suf2), F(37, wm1.suf2), F(38, t1, t2, w0.suf2),
		F(39, wp1.shape), F(40, wm1.shape, t1),
	)
}

// Pruned returns a copy of t without the weights whose magnitude is below
// threshold: a smaller, faster model, usually at a small cost in accuracy.
func (t *Tagger) Pruned(threshold float32) *Tagger {
	u := *t
	u.model = t.model.Pruned(threshold)
	if t.second != nil {
		u.second = t.second.Pruned(threshold)
	}
	return &u
}

// Size reports the number of features and weights of the model's passes.
func (t *Tagger) Size() (features, weights int) {
	features, weights = t.model.Features(), t.model.Weights()
	if t.second != nil {
		features += t.second.Features()
		weights += t.second.Weights()
	}
	return features, weights
}
