package lemma

import (
	"cmp"
	"slices"
	"unicode/utf8"

	"github.com/dyadproject/dyad/internal/conllu"
)

// options are the training settings; Train uses defaultOptions, chosen on
// the EWT dev set.
type options struct {
	maxSuffix int // longest suffix, in bytes, a rule may key on
	minCount  int // fewest word types a rule must rest on
	// minAgree is the share of the forms two tag pairs with the same UPOS
	// both have on which they must agree for one to lend the other the
	// lemmas of forms it lacks (above 1: no lending).
	minAgree float64
}

var defaultOptions = options{maxSuffix: 6, minCount: 1, minAgree: 0.9}

// Train learns a model from treebank sentences (FORM, UPOS, XPOS, LEMMA
// columns). Words whose lemma is "_" (unannotated) are skipped. Training is
// deterministic: the same sentences give the same model.
func Train(sents []*conllu.Sentence) *Model { return train(sents, defaultOptions) }

// wordType is a form with one tag pair, with its lemma votes.
type wordType struct {
	form   string
	freq   int
	lemmas map[string]int
	lemma  string // the most frequent, ties to the smallest
}

// group gathers the word types of one tag pair that share their
// normalized lowercased form.
type group struct {
	lf     string
	freq   int
	lemmas map[string]int
	lemma  string // lowercased
}

// tagData is the training data of one tag pair.
type tagData struct {
	pair   tagPair
	freq   int
	types  map[string]*wordType
	groups map[string]*group
}

func train(sents []*conllu.Sentence, o options) *Model {
	tags := collect(sents)
	m := &Model{tags: make([]tagModel, len(tags)), intern: map[string]string{}}
	for i, td := range tags {
		m.tags[i] = tagModel{upos: td.pair.upos, xpos: td.pair.xpos,
			exact: map[string]string{}, lower: map[string]string{}}
	}
	m.index()
	for i, td := range tags {
		t := &m.tags[i]
		t.setRules(learnRules(td, o))
		t.cases = learnCases(td)
		for _, g := range td.groups {
			var buf [maxStack]byte
			if pred := string(t.apply(buf[:0], []byte(g.lf))); pred != g.lemma {
				t.lower[g.lf] = g.lemma
			}
		}
		for lf, l := range borrowed(tags, td, o) {
			var buf [maxStack]byte
			if string(t.apply(buf[:0], []byte(lf))) != l {
				t.lower[lf] = l
			}
		}
		for _, wt := range td.types {
			if m.Lemma(wt.form, t.upos, t.xpos) != wt.lemma {
				t.exact[wt.form] = wt.lemma
			}
		}
	}
	for _, td := range tags {
		for _, wt := range td.types {
			if l, built := m.lemma(wt.form, td.pair.upos, td.pair.xpos); built {
				m.intern[l] = l
			}
		}
	}
	return m
}

// apply appends the lemma the suffix rules build for lf.
func (t *tagModel) apply(dst, lf []byte) []byte {
	if out, ok := groupedNumber(dst, lf); ok {
		return out
	}
	e := t.rule(lf)
	cut := min(e.cut, len(lf))
	return append(append(dst, lf[:len(lf)-cut]...), e.add...)
}

// collect counts the words of sents by tag pair, form and lemma, and
// returns the tag pairs by decreasing frequency.
func collect(sents []*conllu.Sentence) []*tagData {
	byPair := map[tagPair]*tagData{}
	for _, s := range sents {
		for _, w := range s.Words {
			p := tagPair{w.UPOS, w.XPOS}
			td := byPair[p]
			if td == nil {
				td = &tagData{pair: p, types: map[string]*wordType{}, groups: map[string]*group{}}
				byPair[p] = td
			}
			td.freq++
			if w.Form == "" || w.Lemma == "" || w.Lemma == "_" {
				continue
			}
			wt := td.types[w.Form]
			if wt == nil {
				wt = &wordType{form: w.Form, lemmas: map[string]int{}}
				td.types[w.Form] = wt
			}
			wt.freq++
			wt.lemmas[w.Lemma]++
			lf := string(lowerCase(nil, normalize(nil, w.Form)))
			g := td.groups[lf]
			if g == nil {
				g = &group{lf: lf, lemmas: map[string]int{}}
				td.groups[lf] = g
			}
			g.freq++
			g.lemmas[string(lowerCase(nil, []byte(w.Lemma)))]++
		}
	}
	tags := make([]*tagData, 0, len(byPair))
	for _, td := range byPair {
		for _, wt := range td.types {
			wt.lemma = majority(wt.lemmas)
		}
		for _, g := range td.groups {
			g.lemma = majority(g.lemmas)
		}
		tags = append(tags, td)
	}
	slices.SortFunc(tags, func(a, b *tagData) int {
		return cmp.Or(cmp.Compare(b.freq, a.freq), cmp.Compare(a.pair.upos, b.pair.upos),
			cmp.Compare(a.pair.xpos, b.pair.xpos))
	})
	return tags
}

// majority returns the most frequent key, ties to the smallest.
func majority(votes map[string]int) string {
	best, n := "", -1
	for k, c := range votes {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best
}

// learnRules learns the suffix rules of one tag pair from its groups: every
// suffix of a form long enough to hold its edit votes for that edit; a
// suffix keeps its majority edit when it differs from the edit its nearest
// shorter suffix gives, so the longest match gives the same answer as the
// full table.
func learnRules(td *tagData, o options) map[string]edit {
	votes := map[string]map[edit]int{}
	for _, g := range td.groups {
		if _, ok := groupedNumber(nil, []byte(g.lf)); ok {
			continue
		}
		e := editOf(g.lf, g.lemma)
		for n := e.cut; n <= min(len(g.lf), o.maxSuffix); n++ {
			if n > 0 && !utf8.RuneStart(g.lf[len(g.lf)-n]) {
				continue
			}
			s := g.lf[len(g.lf)-n:]
			if votes[s] == nil {
				votes[s] = map[edit]int{}
			}
			votes[s][e]++
		}
	}
	best := map[string]edit{}
	for s, v := range votes {
		total := 0
		for _, c := range v {
			total += c
		}
		if total >= o.minCount || s == "" {
			best[s] = majorityEdit(v)
		}
	}
	// eff is the edit the longest-match lookup gives for suffix s.
	var eff func(s string) edit
	eff = func(s string) edit {
		if e, ok := best[s]; ok {
			return e
		}
		if s == "" {
			return edit{}
		}
		_, size := utf8.DecodeRuneInString(s)
		return eff(s[size:])
	}
	rules := map[string]edit{}
	for s, e := range best {
		var parent edit
		if s != "" {
			_, size := utf8.DecodeRuneInString(s)
			parent = eff(s[size:])
		}
		if e != parent {
			rules[s] = e
		}
	}
	return rules
}

// majorityEdit returns the most voted edit, ties to the shortest cut, then
// the smallest addition.
func majorityEdit(v map[edit]int) edit {
	var best edit
	n := -1
	for e, c := range v {
		if c > n || c == n && (e.cut < best.cut || e.cut == best.cut && e.add < best.add) {
			best, n = e, c
		}
	}
	return best
}

// learnCases learns, for each shape of form, which case the lemmas of the
// tag pair take. A capitalized shape never seen follows title case, the
// commonest one; other shapes never seen keep the form's case.
func learnCases(td *tagData) [numShapes]caseClass {
	var votes [numShapes][numCases]int
	for _, wt := range td.types {
		var nbuf, lbuf, cbuf, rbuf [maxStack]byte
		norm := normalize(nbuf[:0], wt.form)
		lf := lowerCase(lbuf[:0], norm)
		core := lowerCase(cbuf[:0], []byte(wt.lemma))
		sh := shapeOf(norm)
		for c := range numCases {
			if string(recase(rbuf[:0], c, sh, norm, lf, core)) == wt.lemma {
				votes[sh][c]++
			}
		}
	}
	var cases [numShapes]caseClass
	var seen [numShapes]bool
	for sh := range numShapes {
		cases[sh] = caseKeep
		n := 0
		for c := range numCases {
			if votes[sh][c] > n {
				cases[sh], n, seen[sh] = c, votes[sh][c], true
			}
		}
	}
	for sh := shapeAcronym; sh < numShapes; sh++ {
		if !seen[sh] && seen[shapeTitle] {
			cases[sh] = cases[shapeTitle]
		}
	}
	return cases
}

// borrowed returns the lowercased lemmas that the sibling tag pairs of td
// (same UPOS, agreeing with td on the forms they share) give forms td never
// saw.
func borrowed(tags []*tagData, td *tagData, o options) map[string]string {
	votes := map[string]map[string]int{}
	for _, sib := range tags {
		if sib == td || sib.pair.upos != td.pair.upos || !agree(td, sib, o.minAgree) {
			continue
		}
		for lf, g := range sib.groups {
			if td.groups[lf] != nil {
				continue
			}
			if votes[lf] == nil {
				votes[lf] = map[string]int{}
			}
			votes[lf][g.lemma] += g.freq
		}
	}
	out := make(map[string]string, len(votes))
	for lf, v := range votes {
		out[lf] = majority(v)
	}
	return out
}

// agree reports whether a and b give the same lemma to at least share of
// the forms they share, and share some.
func agree(a, b *tagData, share float64) bool {
	n, same := 0, 0
	for lf, g := range a.groups {
		if h := b.groups[lf]; h != nil {
			n++
			if g.lemma == h.lemma {
				same++
			}
		}
	}
	return n > 0 && float64(same) >= share*float64(n)
}
