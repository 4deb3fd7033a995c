package events

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coregx/ahocorasick"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/dict"
)

// VerbDictionary is a CAMEO/PETRARCH/TABARI verb dictionary (read by package
// dict) compiled for the coder, with the dictionaries' discards. It codes
// with the dictionaries' own semantics rather than dyad's pattern language:
//
//   - a verb of the dictionary, in any of its forms, is a trigger when the
//     language layer tags it as a verb, unless it only modifies a noun ("a
//     place to visit") or opens a participle clause that dates another act
//     ("after leaving Eriador", as PETRARCH's suite codes it); a multi-word verb ("ASK FOR") needs its words in a
//     row;
//   - a pattern's phrases after the verb ('*') must appear, in order, in the
//     verb's phrase: the words of its dependency subtree after it, without
//     coordinated clauses; the phrases before the verb in order before it in
//     the sentence. Words joined by '_' must be consecutive, phrases may
//     have other words between them; a phrase joined to the verb
//     ("RECENTLY_*") must touch it. A word matches a token's text in any
//     letter case and no other form, as in PETRARCH ("EFFORT" does not
//     match "efforts": a dictionary spells out the forms it means, and
//     its suite codes "adopt a set of resolutions" with ADOPT's own code,
//     not with "* RESOLUTION"); a synonym set (&NAME) matches any
//     of its phrases; '^' passes over a noun phrase (an actor's mention
//     or a noun), so what follows it comes after one;
//   - '+' is the target, '$' the source, '%' a compound actor that is both
//     (one event per ordered pair of its members), or, after the verb when
//     the verb has a subject of its own, the targets ("Eriador agrees with
//     the Philippines and France": * WITH %); each must be an actor
//     mention at that place;
//   - the pattern with the most elements wins; when none matches, the verb's
//     own code applies. A form listed in several blocks has the patterns of
//     all of them and the code of the last (later entries revise earlier
//     ones). A code "---" codes no event; "A:B" codes A from source
//     to target and B back; codes outside CAMEO (the WEIS codes of old
//     dictionaries) are carried as written;
//   - an event needs a source and a target (PETRARCH's require_dyad, on
//     by default): a verb without a target in its phrase codes nothing.
//     An agent without a country ("a senior official") is coded "---" and
//     its sector ("---GOV") and counts as an actor; a name the
//     dictionaries do not code takes the code of an actor or agent in its
//     noun phrase ("the official news agency WFNA" is "---GOV"). With
//     require_dyad off ([Coder.Configure]), a missing target or an uncoded
//     actor is "---", the target only when the verb's phrase holds a noun
//     phrase that is no bare time ("said on Saturday", not "said today");
//   - comma-delimited clauses are eliminated as PETRARCH's comma_* options
//     say (by default a terminal clause or one between two commas of 2 to
//     8 words: "..., a senior official said on Saturday" codes nothing);
//     see [dict.Options];
//   - a clause opened by "after", "before", "since", "while" or "upon" in
//     a sentence whose earlier dictionary verb codes is background, not
//     coded ("restore ties with Gondor five years after crowds burned down
//     its embassy");
//   - without '+', the target is the first actor in the verb's phrase after
//     it: its object, or the object of a preposition, at any depth
//     ("welcomed the resumption of ties with X"), in a clause the verb
//     governs too ("allowed that X is ..."), never the agent of a passive;
//     without '$', the source is the verb's subject as for dyad's own
//     patterns, unless '+' took that subject before the verb ("NOTED + *":
//     "X noted that Y regretted" is X's act on Y): then it is the subject
//     of the clause above;
//   - the code is the dictionary's whatever the modality: a future or
//     intended act keeps its code (dyad's own patterns give CAMEO's intent
//     codes instead); the event's Modality still says future or intended;
//   - a negation that a pattern spells out ("NOT *", "WILL NOT *") is part
//     of the event's meaning, so such an event is not flagged as negated;
//   - a sentence holding a discard phrase codes no event; a story discard
//     (written with a leading '+') silences the whole article.
type VerbDictionary struct {
	byWord   map[string][]*dictVerb // first word of a form, lower case → verbs
	discards []dict.Discard
	stats    DictStats
}

// DictStats counts what a verb dictionary holds once compiled.
type DictStats struct {
	Verbs, Forms, Patterns, Synsets, Discards int
	// Skipped counts the patterns that could not be compiled, by reason.
	Skipped map[string]int
}

type dictVerb struct {
	words    []string // one form, lower case: ["asked", "for"]
	head     int      // index in words of the inflected word ("tapped" in "wire tapped")
	base     string   // the inflected word's base form, lower case ("tap")
	code     string   // the verb's own code ("---": no event)
	pattern  *Pattern // the verb alone, for evidence
	patterns []*dictPattern
}

type dictPattern struct {
	pre, post []dictElem
	forward   string // "" when the pattern codes only the reverse event
	reverse   string
	pattern   *Pattern // code, file:line and text, for evidence
	negation  bool     // the pattern spells out a negation
	atVerb    bool     // its phrases before the verb end right before it ("RECENTLY_*")
	size      int
}

type dictElemKind uint8

const (
	dictWords dictElemKind = iota
	dictTarget
	dictSource
	dictCompound
	dictSkip // '^': a noun phrase passed over
)

type dictElem struct {
	kind   dictElemKind
	alts   [][]string // dictWords: the word sequences it may be
	joined bool       // must follow the previous element directly
}

// NewVerbDictionary compiles the verbs, synonym sets and discards of set.
func NewVerbDictionary(set *dict.Set) *VerbDictionary {
	vd := &VerbDictionary{byWord: map[string][]*dictVerb{}, discards: set.Discards,
		stats: DictStats{Synsets: len(set.Synsets), Discards: len(set.Discards), Skipped: map[string]int{}}}
	type formKey struct {
		words string
		head  int
	}
	byForm := map[formKey]*dictVerb{}
	for _, vs := range set.Verbs {
		var pats []*dictPattern
		for _, pt := range vs.Patterns {
			p, why := compileDictPattern(set, vs.File, pt)
			if why != "" {
				vd.stats.Skipped[why]++
				continue
			}
			vd.stats.Patterns++
			pats = append(pats, p)
		}
		for _, v := range vs.Verbs {
			vd.stats.Verbs++
			code := v.Code
			if code == "" {
				code = "---"
			}
			forms := append([]string{v.Lemma}, v.Forms...)
			seen := map[string]bool{}
			for _, f := range forms {
				words := strings.Fields(strings.ToLower(strings.ReplaceAll(f, "_", " ")))
				key := strings.Join(words, " ")
				if len(words) == 0 || seen[key] {
					continue
				}
				seen[key] = true
				vd.stats.Forms++
				head := v.Head
				if head >= len(words) {
					head = len(words) - 1
				}
				base := ""
				if lw := strings.Fields(strings.ToLower(v.Lemma)); head < len(lw) {
					base = lw[head]
				}
				own := &Pattern{Code: code, Source: fmt.Sprintf("%s:%d", v.File, v.Line), Text: strings.ToLower(v.Lemma)}
				if dv := byForm[formKey{key, head}]; dv != nil {
					// The form again in a later block ("--- SHOT [---]"
					// then "--- SHOT [223]"): its patterns join the
					// earlier ones and its code replaces the earlier.
					dv.code, dv.pattern = code, own
					dv.patterns = append(slices.Clip(dv.patterns), pats...)
					continue
				}
				dv := &dictVerb{words: words, head: head, base: base, code: code, patterns: pats, pattern: own}
				byForm[formKey{key, head}] = dv
				vd.byWord[words[0]] = append(vd.byWord[words[0]], dv)
			}
		}
	}
	return vd
}

// Stats reports what the dictionary holds.
func (vd *VerbDictionary) Stats() DictStats { return vd.stats }

// compileDictPattern turns a dictionary pattern into elements, or says why it
// cannot.
func compileDictPattern(set *dict.Set, file string, pt dict.Pattern) (*dictPattern, string) {
	fwd, rev := pt.Codes()
	p := &dictPattern{forward: fwd, reverse: rev,
		pattern: &Pattern{Code: pt.Code, Source: fmt.Sprintf("%s:%d", pt.File, pt.Line), Text: pt.String()}}
	var why string
	p.pre, why = compilePhrases(set, file, pt.Before)
	if why != "" {
		return nil, why
	}
	p.post, why = compilePhrases(set, file, pt.After)
	if why != "" {
		return nil, why
	}
	if pt.AtVerbAfter && len(p.post) > 0 {
		p.post[0].joined = true // "*_AND_WOUND": right after the verb
	}
	p.atVerb = pt.AtVerbBefore && len(p.pre) > 0
	for _, e := range append(slices.Clone(p.pre), p.post...) {
		p.size++
		for _, a := range e.alts {
			for _, w := range a {
				if negations[w] || w == "no" {
					p.negation = true
				}
			}
		}
	}
	return p, ""
}

func compilePhrases(set *dict.Set, file string, phs []dict.Phrase) ([]dictElem, string) {
	var out []dictElem
	for _, ph := range phs {
		switch ph.Kind {
		case dict.PhrasePrep:
			if len(ph.Words) == 0 {
				return nil, "empty prepositional phrase"
			}
			e, ok, why := compileToken(set, file, ph.Words[0])
			if why != "" {
				return nil, why
			}
			if ok {
				out = append(out, e)
			}
			objs, why := compilePhrases(set, file, ph.Objects)
			if why != "" {
				return nil, why
			}
			out = append(out, objs...)
		default:
			for i, t := range ph.Words {
				e, ok, why := compileToken(set, file, t)
				if why != "" {
					return nil, why
				}
				if !ok {
					continue
				}
				e.joined = ph.Kind == dict.PhraseNoun && i > 0
				out = append(out, e)
			}
		}
	}
	return out, ""
}

// compileToken compiles one pattern token; ok is false when it adds no
// element.
func compileToken(set *dict.Set, file string, t dict.Token) (dictElem, bool, string) {
	switch t.Kind {
	case dict.TokWord:
		return dictElem{alts: [][]string{strings.Fields(strings.ToLower(t.Text))}}, true, ""
	case dict.TokTarget:
		return dictElem{kind: dictTarget}, true, ""
	case dict.TokSource:
		return dictElem{kind: dictSource}, true, ""
	case dict.TokCompound:
		return dictElem{kind: dictCompound}, true, ""
	case dict.TokSkip:
		return dictElem{kind: dictSkip}, true, ""
	case dict.TokSynset:
		alts, ok := synsetForms(set, file, t.Text, 0)
		if !ok {
			return dictElem{}, false, "unknown synonym set"
		}
		if len(alts) == 0 {
			return dictElem{}, false, "empty synonym set"
		}
		return dictElem{alts: alts}, true, ""
	}
	return dictElem{}, false, "unknown pattern token"
}

// synsetForms expands a synonym set into word sequences; a phrase that names
// another set ("&TIETYPES TIES") takes each of its phrases in turn.
func synsetForms(set *dict.Set, file, name string, depth int) ([][]string, bool) {
	syn, ok := set.Synset(file, name)
	if !ok || depth > 4 {
		return nil, false
	}
	var out [][]string
	for _, f := range syn.Forms {
		seqs := [][]string{nil}
		for _, w := range strings.Fields(strings.ToLower(strings.ReplaceAll(f, "_", " "))) {
			if strings.HasPrefix(w, "&") {
				inner, ok := synsetForms(set, file, strings.ToUpper(w), depth+1)
				if !ok {
					return nil, false
				}
				var next [][]string
				for _, s := range seqs {
					for _, in := range inner {
						next = append(next, append(slices.Clone(s), in...))
					}
				}
				seqs = next
				continue
			}
			for i := range seqs {
				seqs[i] = append(seqs[i], w)
			}
		}
		out = append(out, seqs...)
	}
	return out, true
}

// dictMatches finds the dictionary's events in the sentence: one match per
// verb token, from its best pattern or from the verb's own code.
func (c *Coder) dictMatches(sv *sentenceView) []match {
	vd := c.dict
	if vd == nil {
		return nil
	}
	var out []match
	dropped := sv.commaDropped(c.opts)
	kept := func(toks []int) []int {
		if dropped == nil {
			return toks
		}
		return slices.DeleteFunc(toks, func(k int) bool { return dropped[k-sv.first] })
	}
	for k := sv.first; k < sv.end; k++ {
		if sv.coveredBy(k) >= 0 || dropped != nil && dropped[k-sv.first] {
			continue
		}
		var best *dictVerb
		cands := vd.byWord[sv.lower(k)]
		if lemma := strings.ToLower(sv.doc.Tokens[k].Lemma); lemma != sv.lower(k) {
			cands = append(slices.Clip(cands), vd.byWord[lemma]...)
		}
		for _, dv := range cands {
			if v := k + dv.head; sv.verbAt(k, dv) && sv.verbLike(v) && !sv.nounModifier(v) &&
				(best == nil || len(dv.words) > len(best.words)) {
				best = dv
			}
		}
		if best == nil {
			continue
		}
		start, end := k, k+len(best.words)
		k += best.head // the inflected word is the verb of the clause
		pre := kept(sv.tokenRange(sv.first, start))
		post := kept(sv.phraseAfter(k, end))
		var win *dictPattern
		winSlots := slots{target: -1, source: -1, compound: -1, endAt: -1}
		for _, p := range best.patterns {
			if win != nil && p.size <= win.size {
				continue
			}
			st := slots{target: -1, source: -1, compound: -1, endAt: -1}
			if p.atVerb {
				st.endAt = start
			}
			pm := sv.matchElems(p.pre, pre, 0, 0, -1, &st)
			st.endAt = -1
			if !pm || !sv.matchElems(p.post, post, 0, 0, end-1, &st) {
				continue
			}
			win, winSlots = p, st
		}
		m := match{start: start, trigger: k, end: end}
		forward, reverse, _ := strings.Cut(best.code, ":")
		m.pat = best.pattern
		if win != nil {
			forward, reverse = win.forward, win.reverse
			m.pat, m.spelledNegation = win.pattern, win.negation
			if winSlots.end > m.end {
				m.end = winSlots.end
			}
		}
		switch {
		case winSlots.compound >= 0 && sv.tokenAt(sv.doc.Mentions[winSlots.compound].Start) > k && sv.hasOwnSubject(k, winSlots.compound):
			// "Eriador agrees with the Philippines and France" (* WITH
			// %): after the verb, with a subject of its own, the
			// compound is the targets.
			m.targets = sv.coordinated(winSlots.compound, +1)
		case winSlots.compound >= 0:
			group := sv.coordinated(winSlots.compound, +1)
			m.sources, m.targets, m.compound = group, group, true
		default:
			if winSlots.source >= 0 {
				m.sources = sv.coordinated(winSlots.source, +1)
			}
			if winSlots.target >= 0 {
				m.targets = sv.coordinated(winSlots.target, +1)
			} else if t := sv.firstActorIn(post, k, c.opts.NewActorLength); t >= 0 {
				m.targets = sv.coordinated(t, +1)
			}
		}
		m.fromDict = true
		if sv.doc.Parsed() && len(out) > 0 && sv.hasMarker(k, "mark", temporalMark) {
			// "restore ties with Gondor almost five years after crowds
			// burned down its embassy": PETRARCH codes the clause's
			// verb and passes over the background clause in its phrase.
			continue
		}
		if forward != "" && forward != "---" {
			f := m
			f.code = forward
			out = append(out, f)
		}
		if reverse != "" && reverse != "---" {
			r := m
			r.code, r.reversed = reverse, true
			out = append(out, r)
		}
	}
	return out
}

// slots records the actors a pattern's '+', '$' and '%' matched, and the
// token after the last element matched.
type slots struct {
	target, source, compound int
	end                      int
	endAt                    int // when not -1, the match must end right before this token
}

// matchElems matches els[e:] against the tokens toks[pos:], prev being the
// last token matched (a joined element must follow it directly).
func (sv *sentenceView) matchElems(els []dictElem, toks []int, e, pos, prev int, st *slots) bool {
	if e == len(els) {
		if st.endAt >= 0 && prev+1 != st.endAt {
			return false
		}
		st.end = max(st.end, prev+1)
		return true
	}
	el := els[e]
	for i := pos; i < len(toks); i++ {
		k := toks[i]
		if el.joined && k != prev+1 {
			return false
		}
		switch el.kind {
		case dictWords:
			for _, alt := range el.alts {
				n, ok := sv.wordsIn(toks, i, alt)
				if ok && sv.matchElems(els, toks, e+1, i+n, toks[i+n-1], st) {
					return true
				}
			}
		case dictSkip:
			// An actor's whole mention, or a noun outside any: the
			// elements after it come after it ("* IFTAR IN ^ +": the
			// target is not the place the Iftar is in).
			last := k
			if mi := sv.mentionAt(k); mi >= 0 {
				last = sv.mentionEnd(mi) - 1
			} else if u := sv.doc.Tokens[k].UPOS; u != "NOUN" && u != "PROPN" {
				break
			}
			j := i
			for j < len(toks) && toks[j] <= last {
				j++
			}
			if sv.matchElems(els, toks, e+1, j, last, st) {
				return true
			}
		default:
			mi := sv.mentionAt(k)
			if mi < 0 || sv.possessivePronoun(k) {
				break
			}
			save := *st
			switch el.kind {
			case dictTarget:
				st.target = mi
			case dictSource:
				st.source = mi
			case dictCompound:
				st.compound = mi
			}
			last := sv.mentionEnd(mi) - 1
			j := i
			for j < len(toks) && toks[j] <= last {
				j++
			}
			if sv.matchElems(els, toks, e+1, j, last, st) {
				return true
			}
			*st = save
		}
		if el.joined {
			return false
		}
	}
	return false
}

// wordsIn reports whether the words of alt are at toks[i:], consecutive in
// the text, and how many tokens they take.
func (sv *sentenceView) wordsIn(toks []int, i int, alt []string) (int, bool) {
	if i+len(alt) > len(toks) {
		return 0, false
	}
	for j, w := range alt {
		k := toks[i+j]
		if j > 0 && k != toks[i+j-1]+1 {
			return 0, false
		}
		if !sv.wordIs(k, w) {
			return 0, false
		}
	}
	return len(alt), true
}

// wordIs reports whether token k is the dictionary word w: its text, in any
// letter case, as PETRARCH matches; "n't" and "not" are one word.
func (sv *sentenceView) wordIs(k int, w string) bool {
	t := sv.lower(k)
	return t == w || w == "n't" && t == "not" || w == "not" && t == "n't"
}

// verbAt reports whether the words of dv are the tokens from k on, the
// inflected word in any form the lemmatizer gives the verb's base ("wire
// tapped" for WIRE_+TAP, whose generated forms do not double the P).
func (sv *sentenceView) verbAt(k int, dv *dictVerb) bool {
	if k+len(dv.words) > sv.end {
		return false
	}
	for j, w := range dv.words {
		if sv.lower(k+j) == w {
			continue
		}
		if j != dv.head || dv.base == "" || !strings.EqualFold(sv.doc.Tokens[k+j].Lemma, dv.base) {
			return false
		}
	}
	return true
}

// verbLike reports whether token k can be a dictionary verb: the tagger
// calls it a verb, the parse makes it the head of a clause without a
// determiner ("was in an accord" is a noun), or it follows a modal.
func (sv *sentenceView) verbLike(k int) bool {
	switch t := sv.doc.Tokens[k]; t.UPOS {
	case "VERB", "": // "" when the text was not tagged
		return true
	default:
		// A dictionary verb right after a modal is a verb whatever the
		// tagger said ("will abandon" tagged as an adverb).
		return t.Rel == "root" && sv.hasSubject(k) && !sv.hasRel(k, "det") || k > sv.first && modals[sv.lower(k-1)]
	}
}

// nounModifier reports whether the verb at k modifies a noun without a
// subject of its own ("a pleasant place to visit", "the roads leading
// into"): it describes the noun and codes no event.
func (sv *sentenceView) nounModifier(k int) bool {
	t := sv.doc.Tokens[k]
	return (t.Rel == "acl" || t.Rel == "acl:relcl") && !sv.hasSubject(k) && !sv.misreadClause(k)
}

// misreadClause reports whether the verb at k, parsed as modifying the noun
// before it, is that noun's own clause misread: the noun heads the sentence
// without a determiner and the verb has an object ("Russian police arrested
// Russian students", read as police who were arrested).
func (sv *sentenceView) misreadClause(k int) bool {
	t := sv.doc.Tokens[k]
	return t.Rel == "acl" && t.Head >= 0 && t.Head < k && sv.doc.Tokens[t.Head].Rel == "root" &&
		!sv.hasRel(t.Head, "det") && sv.hasRel(k, "obj")
}

// modals are the words after which a dictionary verb's base form is a verb.
var modals = wordSet("will would shall should can could may might must 'll")

func (sv *sentenceView) hasSubject(k int) bool {
	return sv.hasRel(k, "nsubj") || sv.hasRel(k, "nsubj:pass")
}

// hasOwnSubject reports whether the verb at token k has an actor subject
// other than the compound at mention mi.
func (sv *sentenceView) hasOwnSubject(k, mi int) bool {
	if !sv.doc.Parsed() {
		return false
	}
	group, _, ok := sv.treeSubject(k)
	return ok && len(group) > 0 && !slices.Contains(group, mi)
}

// tokenRange returns the token indices [from, to).
func (sv *sentenceView) tokenRange(from, to int) []int {
	out := make([]int, 0, max(0, to-from))
	for k := from; k < to; k++ {
		out = append(out, k)
	}
	return out
}

// clausal relations head a clause of their own: the verb's phrase ends
// there.
var clausal = map[string]bool{"conj": true, "cc": true, "parataxis": true, "nsubj": true, "nsubj:pass": true,
	"csubj": true, "punct": true, "reparandum": true}

// phraseAfter returns the tokens of the verb's phrase after the verb's words
// [k, end): its dependency subtree without subjects and coordinated clauses.
// Without a parse, or when the parse made the verb a modifier with nothing
// after it ("Northland hosted Southland" read as a noun phrase), it is the
// rest of the clause: the tokens up to a semicolon or colon.
func (sv *sentenceView) phraseAfter(k, end int) []int {
	linear := func() []int {
		j := end
		for j < sv.end && sv.doc.Tokens[j].Text != ";" && sv.doc.Tokens[j].Text != ":" {
			j++
		}
		return sv.tokenRange(end, j)
	}
	if !sv.doc.Parsed() {
		return linear()
	}
	in := map[int]bool{}
	var walk func(h int)
	walk = func(h int) {
		for _, c := range sv.doc.Dependents(h) {
			rel := sv.doc.Tokens[c].Rel
			// The verb's own subject and coordinated clauses are not
			// its phrase; deeper down, subjects and conjuncts are ("allowed
			// that Mordor is ...", "ties with X and Y").
			if h == k && clausal[rel] || rel == "punct" || rel == "parataxis" {
				continue
			}
			in[c] = true
			walk(c)
		}
	}
	walk(k)
	var out []int
	for j := end; j < sv.end; j++ {
		if in[j] {
			out = append(out, j)
		}
	}
	if t := sv.doc.Tokens[k]; len(out) == 0 && (modifierRels[t.Rel] || t.UPOS != "VERB") {
		// The parser took the verb for part of a noun phrase, or the
		// tagger for another word ("will abandon" as an adverb): the
		// tree says nothing of its phrase.
		return linear()
	}
	return out
}

// modifierRels are the relations of a verb the parser took for part of a
// noun phrase.
var modifierRels = map[string]bool{"amod": true, "compound": true, "nmod": true, "appos": true, "dep": true, "flat": true}

// firstActorIn returns the first actor mention among toks, the phrase of
// the verb at trigger, that is not a possessive pronoun, not a bare role
// without an owner ("military" in "military ties", "demonstrators") unless
// PETRARCH's new_actor_length (0: off) makes an uncoded one an actor, and
// not the agent of a passive, preferring one that is not a place
// ("celebrated in X with Y" is with Y), or -1. As in PETRARCH it may lie in
// a clause the verb governs ("allowed that X ...", "signed an accord to
// supply X").
func (sv *sentenceView) firstActorIn(toks []int, trigger, newActorLength int) int {
	locative := -1
	var subject []int
	if sv.doc.Parsed() {
		subject, _, _ = sv.treeSubject(trigger)
	}
	for _, k := range toks {
		mi := sv.mentionAt(k)
		if mi < 0 || sv.possessivePronoun(k) || sv.inAgent(k, trigger) {
			continue
		}
		if a := sv.doc.Actors[sv.doc.Mentions[mi].Actor]; anonymousActor(a) && !sv.newActorAt(a, mi, newActorLength) {
			continue
		}
		if sv.doc.Mentions[mi].Kind == "pronoun" && slices.ContainsFunc(subject, func(si int) bool {
			return sv.doc.Mentions[si].Actor == sv.doc.Mentions[mi].Actor
		}) {
			continue // "Sam has begun to question whether he has a future with the Orcs": not himself
		}
		if sv.placeOf(k) {
			if locative < 0 {
				locative = mi
			}
			continue
		}
		return mi
	}
	return locative
}

// newActorAt reports whether mention mi of actor a, uncoded, is a new actor
// under PETRARCH's new_actor_length n (0: off).
func (sv *sentenceView) newActorAt(a dyad.Actor, mi, n int) bool {
	if a.Code != "" || n == 0 {
		return false
	}
	m := sv.doc.Mentions[mi]
	_, ok := sv.newActor(sv.headToken(m.Start, m.End), n)
	return ok
}

// placeOf reports whether the mention at token k is the object of a
// locative preposition ("in Osgiliath", "at Cirith Ungol"): the place of
// the event rather than its target, unless no other actor is there.
func (sv *sentenceView) placeOf(k int) bool {
	return locatives[sv.wordBefore(k)]
}

// inAgent reports whether token k lies in the agent of the verb at trigger,
// a passive ("by X"), which is its source.
func (sv *sentenceView) inAgent(k, trigger int) bool {
	if !sv.doc.Parsed() {
		return false
	}
	for h, hops := k, 0; h >= 0 && h != trigger && hops < 16; hops++ {
		t := sv.doc.Tokens[h]
		if t.Rel == "obl:agent" && t.Head == trigger {
			return true
		}
		h = t.Head
	}
	return false
}

// discards finds the phrases of dyad's discard list and of the user's
// dictionaries in a text: one automaton for the sentence discards, one for
// the story discards, each match checked for word boundaries.
type discards struct {
	sentence, story         *ahocorasick.Automaton
	sentenceList, storyList []dict.Discard
}

func newDiscards(lists ...[]dict.Discard) *discards {
	d := &discards{}
	for _, list := range lists {
		for _, x := range list {
			if x.Story {
				d.storyList = append(d.storyList, x)
			} else {
				d.sentenceList = append(d.sentenceList, x)
			}
		}
	}
	build := func(list []dict.Discard) *ahocorasick.Automaton {
		if len(list) == 0 {
			return nil
		}
		keys := make([]string, len(list))
		for i, x := range list {
			keys[i] = strings.ToLower(x.Phrase)
		}
		a, err := ahocorasick.NewBuilder().AddStrings(keys).Build()
		if err != nil {
			return nil // cannot happen for non-empty strings; no discards then
		}
		return a
	}
	d.sentence, d.story = build(d.sentenceList), build(d.storyList)
	return d
}

// in reports whether a discard phrase occurs in the lower-case text,
// starting at a word boundary and, for a whole-word entry, ending at one.
func (d *discards) in(lower string, story bool) bool {
	a, list := d.sentence, d.sentenceList
	if story {
		a, list = d.story, d.storyList
	}
	if a == nil || !a.IsMatch([]byte(lower)) {
		return false
	}
	for _, m := range a.FindAllOverlapping([]byte(lower)) {
		x := list[m.PatternID]
		if (m.Start == 0 || !isWordByte(lower[m.Start-1])) && (!x.WholeWord || m.End == len(lower) || !isWordByte(lower[m.End])) {
			return true
		}
	}
	return false
}

// discarded reports whether a discard phrase of dyad's list or of the
// user's dictionaries occurs in the sentence.
func (c *Coder) discarded(sv *sentenceView) bool {
	return c.discards.in(strings.ToLower(sv.doc.Text(sv.doc.Sentences[sv.index].Span)), false)
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

// commaDropped returns, for the tokens of the sentence (indexed from
// sv.first), those that PETRARCH's comma-delimited clause elimination
// leaves out of dictionary coding (see [dict.Options]), or nil when it
// drops nothing. As PETRARCH does, it looks at the initial clause, then the
// terminal one, then each span between two commas in turn, counting the
// words that begin with a letter among those not yet dropped; a span whose
// count is within the option's bounds loses its whole phrases (the tokens
// whose subtree ends inside it; what a head has before the span is
// fronted), so a verb whose phrase runs on past the comma stays, without
// the actors inside the span. Only commas between
// clauses count: one that opens a conjunct, an apposition or a relative
// clause of a noun is inside a noun phrase, as in PETRARCH's noun phrases.
func (sv *sentenceView) commaDropped(o dict.Options) []bool {
	if !sv.doc.Parsed() || o.CommaMax == 0 && o.CommaBMax == 0 && o.CommaEMax == 0 {
		return nil
	}
	toks := sv.doc.Tokens
	var commas []int
	for k := sv.first; k < sv.end; k++ {
		if toks[k].Text == "," && !sv.nounPhraseComma(k) {
			commas = append(commas, k)
		}
	}
	if len(commas) == 0 {
		return nil
	}
	// The span of each token's subtree.
	n := sv.end - sv.first
	lo, hi := make([]int, n), make([]int, n)
	for i := range n {
		lo[i], hi[i] = sv.first+i, sv.first+i
	}
	for k := sv.first; k < sv.end; k++ {
		for h, hops := toks[k].Head, 0; h >= sv.first && h < sv.end && hops < n; h, hops = toks[h].Head, hops+1 {
			lo[h-sv.first], hi[h-sv.first] = min(lo[h-sv.first], k), max(hi[h-sv.first], k)
		}
	}
	dropped := make([]bool, n)
	some := false
	words := func(from, to int) int {
		c := 0
		for k := from; k < to; k++ {
			if !dropped[k-sv.first] && startsWithLetter(toks[k].Text) {
				c++
			}
		}
		return c
	}
	drop := func(from, to int) {
		for k := from; k < to; k++ {
			// A phrase ends where its head's subtree ends; what the head
			// has before the span is fronted, outside its phrase (the
			// clause before "..., a senior official said").
			if hi[k-sv.first] < to {
				dropped[k-sv.first], some = true, true
			}
		}
	}
	within := func(c, low, high int) bool { return high != 0 && c >= low && c <= high }
	if first := commas[0]; within(words(sv.first, first), o.CommaBMin, o.CommaBMax) {
		drop(sv.first, first)
	}
	if last := commas[len(commas)-1]; within(words(last+1, sv.end), o.CommaEMin, o.CommaEMax) {
		drop(last+1, sv.end)
	}
	for i := 1; i < len(commas); i++ {
		if a, b := commas[i-1], commas[i]; within(words(a+1, b), o.CommaMin, o.CommaMax) {
			drop(a+1, b)
		}
	}
	if !some {
		return nil
	}
	return dropped
}

// nounPhraseComma reports whether the comma at k is inside a noun phrase:
// it opens a conjunct of a noun ("Mordor, the awful Fornost, and Gondor"),
// an apposition ("Osgiliath, the state's fiercest foe,") or a relative
// clause or other modifier of a noun.
func (sv *sentenceView) nounPhraseComma(k int) bool {
	h := sv.doc.Tokens[k].Head
	if h < 0 {
		return false
	}
	t := sv.doc.Tokens[h]
	switch t.Rel {
	case "appos", "acl", "acl:relcl", "list", "flat", "compound", "nmod", "nmod:poss":
		return true
	case "conj":
		return nominal(t.UPOS)
	}
	return false
}

// startsWithLetter reports whether w begins with a letter: a word as
// PETRARCH counts words, and as its new actors keep them.
func startsWithLetter(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}

// nominal reports whether upos tags a word that heads a noun phrase.
func nominal(upos string) bool {
	return upos == "NOUN" || upos == "PROPN" || upos == "PRON" || upos == "NUM"
}
