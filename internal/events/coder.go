package events

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/dict"
	"github.com/dyadproject/dyad/internal/ontology"
)

// Coder is the event stage. It is safe for concurrent use.
type Coder struct {
	patterns *Patterns
	dict     *VerbDictionary
	discards *discards // of patterns and dict
	ont      *ontology.Ontology
	opts     dict.Options // PETRARCH's options, for dictionary events
}

var _ dyad.Stage = (*Coder)(nil)

// NewCoder returns a coder over patterns whose codes are in ont.
func NewCoder(patterns *Patterns, ont *ontology.Ontology) *Coder {
	return &Coder{patterns: patterns, ont: ont, discards: newDiscards(patterns.discards), opts: dict.DefaultOptions()}
}

// WithDictionary returns a coder that also codes with the verb dictionary
// vd, in its own semantics (see [VerbDictionary]).
func (c *Coder) WithDictionary(vd *VerbDictionary) *Coder {
	d := *c
	d.dict = vd
	if vd != nil {
		d.discards = newDiscards(c.patterns.discards, vd.discards)
	}
	return &d
}

// WithOptions returns the coder with PETRARCH's options o for its
// dictionary events (see [VerbDictionary]; the default is
// [dict.DefaultOptions]).
func (c *Coder) WithOptions(o dict.Options) *Coder {
	d := *c
	d.opts = o
	return &d
}

// Configure is [Coder.WithOptions] as a stage, for the PETRARCH suite's
// records (eval.Configurable).
func (c *Coder) Configure(o dict.Options) dyad.Stage { return c.WithOptions(o) }

// Name returns "events".
func (*Coder) Name() string { return "events" }

// sentenceView is what the coder needs to know about one sentence.
type sentenceView struct {
	doc      *dyad.Document
	index    int
	first    int   // first token index
	end      int   // end token index
	startsAt []int // token index → top-level mention starting there, or -1
	covered  []int // token index → top-level mention covering it, or -1
	mentions []int // top-level mention indices in the sentence, in order
	keys     map[string][]*Pattern
}

// match is one pattern match in a sentence.
type match struct {
	pat     *Pattern
	start   int   // token index of the trigger's first word
	trigger int   // token index of the verb (the inflected word of a multi-word verb)
	end     int   // token index after the match
	targets []int // mention indices
	byAgent bool  // the target slot followed "by": a passive's agent

	sources  []int // mentions of the pattern's source slot ($, or PETRARCH's %)
	act      int   // token index of the act noun of an '@' slot, else 0
	role     int   // mention index + 1 of a role a literal matched the head of ("the Turkish ambassador"), else 0
	compound bool  // sources and targets are one compound actor, pair by pair ("talks between X and Y")

	// Set by the verb dictionary's matches only.
	fromDict        bool
	code            string // the code to give, when it is not pat.Code
	reversed        bool   // the reverse event of a complex code: target acts on source
	spelledNegation bool   // the pattern spells out a negation ("NOT *")
}

// Process adds doc.Events.
func (c *Coder) Process(doc *dyad.Document) error {
	top := topLevel(doc.Mentions)
	actorIdx := map[string]int{}
	for i, a := range doc.Actors {
		actorIdx[a.ID] = i
	}
	if c.discards.story != nil && c.discards.in(strings.ToLower(doc.Article.Text), true) {
		return nil // a story discard silences the whole article
	}
	var acts []actSlot // per event: the act a target-less event reacts to ("the launch")
	var owned []ownedAct
	for si := range doc.Sentences {
		sv := newSentenceView(doc, si, top)
		sv.keys = c.patterns.byKey
		if doc.Parsed() {
			owned = append(owned, sv.ownedActs()...)
		}
		if c.discarded(sv) {
			continue
		}
		for _, m := range partOfLonger(sv, mostSpecific(append(c.matches(sv), c.dictMatches(sv)...))) {
			if m.pat.judgment && doc.Parsed() {
				m.act = sv.judgedAct(m.trigger)
			}
			evs := c.events(sv, m, actorIdx)
			act := actSlot{kind: "-"}
			if !m.fromDict && doc.Parsed() {
				act = sv.definiteAct(m)
				act.also = sv.also(m.trigger)
			}
			for range evs {
				acts = append(acts, act)
			}
			doc.Events = append(doc.Events, evs...)
		}
	}
	resolveAlso(doc.Events, acts)
	aidRecipients(doc, actorIdx)
	doc.Events = resolveActs(doc.Events, acts, owned)
	answerAccusations(doc.Events)
	answerRetaliation(doc.Events)
	doc.Events = belligerents(doc.Events)
	crowdTargets(doc.Events)
	doc.Events = mergeMentions(dedupe(doc.Events))
	for i := range doc.Events {
		doc.Events[i].ID = fmt.Sprintf("e%d", i+1)
	}
	return nil
}

// aidRecipients gives a target-less aid event (root 07) or visit (042)
// placed in its own sentence in another country than its source's the
// country of the place as target, when the story names that country as an
// actor: "The World Food Programme began distributing rice in Cebu" is aid
// to the Philippines, "signed in Hanoi ... during a visit by Brazil's vice
// president" a visit to Vietnam. The target's words are the place's.
func aidRecipients(doc *dyad.Document, actorIdx map[string]int) {
	for i := range doc.Events {
		e := &doc.Events[i]
		loc := e.Location
		if e.Root != "07" && e.CAMEO != "042" || e.Target != nil || loc == nil || loc.Country == "" || loc.Reason == "dateline" ||
			doc.Actors[actorIdx[e.Source.Actor]].Country == loc.Country {
			continue
		}
		country, ok := countryActor(doc, loc.Country)
		if !ok {
			continue
		}
		for _, p := range doc.Places {
			if p.ID != loc.Place {
				continue
			}
			for _, m := range p.Mentions {
				if m.Sentence == e.Sentence {
					e.Target = &dyad.ActorRef{Actor: country.ID, Text: m.Text, Code: country.Code, Start: m.Start, End: m.End}
					break
				}
			}
		}
	}
}

// answerAccusations gives a denial that names no one ("Israel denied the
// accusation", "France rejected the accusations") its accuser as target: the
// source of the latest accusation or criticism (root 11) against the
// denier's country in the same or the previous answerWindow sentences.
func answerAccusations(evs []dyad.Event) {
	answerLatest(evs, func(e dyad.Event) bool { return e.CAMEO == "016" }, func(_, o dyad.Event) bool { return o.Root == "11" })
}

// answerRetaliation gives a threat of retaliation that names no one
// ("Russia's foreign ministry said it would retaliate") the doer of the
// latest hostile act (roots 11 to 20: criticism, rejection, threats,
// protest, force posture, reduced relations, coercion, violence) by
// another country against the threatener's country in the same or the
// previous answerWindow sentences as target.
func answerRetaliation(evs []dyad.Event) {
	answerLatest(evs, func(e dyad.Event) bool {
		w := strings.ToLower(e.Evidence.Trigger.Text)
		return e.Root == "13" && (strings.Contains(w, "retaliat") || strings.Contains(w, "respond in kind"))
	}, func(e, o dyad.Event) bool {
		return o.Root >= "11" && o.Source.Code[:min(3, len(o.Source.Code))] != e.Source.Code[:3]
	})
}

// answerLatest gives each target-less event that answers accepts the
// source of the latest event o in the answerWindow sentences before it that
// another actor did to its source's country and that act(e, o) accepts.
func answerLatest(evs []dyad.Event, answers func(dyad.Event) bool, act func(e, o dyad.Event) bool) {
	for i := range evs {
		e := &evs[i]
		if e.Target != nil || len(e.Source.Code) < 3 || !answers(*e) {
			continue
		}
		j := latestBefore(evs, i, answerWindow, func(o dyad.Event) bool {
			return o.Target != nil && !o.Negated && o.Source.Actor != e.Source.Actor &&
				len(o.Target.Code) >= 3 && o.Target.Code[:3] == e.Source.Code[:3] && act(*e, o)
		})
		if j >= 0 {
			t := evs[j].Source
			e.Target = &t
		}
	}
}

// belligerents gives an appeal for de-escalation that names no one (0256:
// "Saudi Arabia urged restraint", "called for a ceasefire") the parties of
// the fighting the story reported in the familyWindow sentences before it
// or in its own: the sources of the violent events (roots 18 to 20) there,
// other than the appealer's country, one event for each.
func belligerents(evs []dyad.Event) []dyad.Event {
	out := make([]dyad.Event, 0, len(evs))
	for i, e := range evs {
		if e.CAMEO != "0256" || e.Target != nil || len(e.Source.Code) < 3 {
			out = append(out, e)
			continue
		}
		var parties []dyad.ActorRef
		seen := map[string]bool{e.Source.Code[:3]: true}
		for j := i - 1; j >= 0 && evs[j].Sentence >= e.Sentence-familyWindow; j-- {
			o := evs[j]
			if o.Root < "18" || o.Negated || o.Modality == "hypothetical" || len(o.Source.Code) < 3 || seen[o.Source.Code[:3]] {
				continue
			}
			seen[o.Source.Code[:3]] = true
			parties = append(parties, o.Source)
		}
		if len(parties) == 0 {
			out = append(out, e)
		}
		for _, p := range parties {
			e.Target = &p
			out = append(out, e)
		}
	}
	return out
}

// crowdWindow is how many sentences away a protest may be for a
// coercion that names no one to be against its crowd.
const crowdWindow = 3

// crowdTargets gives an arrest or a violent dispersal by police or soldiers
// that names no one (173, 175: "police arrested 37 people after clashes",
// "riot police, who responded with tear gas") the crowd of the story's
// protest: the source of the nearest protest (root 14) of the same country,
// asserted, within crowdWindow sentences before or after it.
func crowdTargets(evs []dyad.Event) {
	for i := range evs {
		e := &evs[i]
		if e.Target != nil || !strings.HasPrefix(e.CAMEO, "173") && !strings.HasPrefix(e.CAMEO, "175") || !securityForce(e.Source.Code) ||
			slices.ContainsFunc(evs, func(o dyad.Event) bool {
				return o.Target != nil && o.Evidence.Trigger.Start == e.Evidence.Trigger.Start
			}) {
			continue // a longer pattern on the same words names the target
		}
		best, dist := -1, crowdWindow+1
		for j, o := range evs {
			d := o.Sentence - e.Sentence
			if d < 0 {
				d = -d
			}
			if o.Root == "14" && !o.Negated && o.Modality != "hypothetical" && d < dist && len(o.Source.Code) >= 3 &&
				o.Source.Code[:3] == e.Source.Code[:3] && o.Source.Actor != e.Source.Actor {
				best, dist = j, d
			}
		}
		if best >= 0 {
			t := evs[best].Source
			e.Target = &t
		}
	}
}

// securityForce reports whether code is a country's police or military.
func securityForce(code string) bool {
	return len(code) > 3 && (strings.Contains(code[3:], "COP") || strings.Contains(code[3:], "MIL"))
}

// latestBefore returns the index of the latest event before evs[i], in its
// sentence or the window sentences before it, that ok accepts; -1 if none.
func latestBefore(evs []dyad.Event, i, window int, ok func(dyad.Event) bool) int {
	for j := i - 1; j >= 0 && evs[j].Sentence >= evs[i].Sentence-window; j-- {
		if ok(evs[j]) {
			return j
		}
	}
	return -1
}

// answerWindow is how many sentences back a denial looks for its accusation.
const answerWindow = 4

// mostSpecific keeps, among the matches of dyad's patterns on one trigger
// with the same targets and the same extent, the one with the most words:
// "1053 demand ... release of +" over "100 demand ... of +", whatever the
// order the files were loaded in.
func mostSpecific(ms []match) []match {
	type key struct {
		trigger, end int
		targets      string
	}
	best := map[key]int{}
	var out []match
	for _, m := range ms {
		if m.fromDict {
			out = append(out, m)
			continue
		}
		k := key{m.trigger, m.end, fmt.Sprint(m.targets)}
		if i, ok := best[k]; ok {
			if m.pat.literals() > out[i].pat.literals() {
				out[i] = m
			}
			continue
		}
		best[k] = len(out)
		out = append(out, m)
	}
	return out
}

// partOfLonger drops the matches of a nominal trigger that lies inside a
// verb's match: "China called for dialogue between X and Y" is China's
// call, and the dialogue it asks for has not happened.
func partOfLonger(sv *sentenceView, ms []match) []match {
	contains := func(o, m match) bool {
		return o.trigger != m.trigger && sv.doc.Tokens[m.trigger].UPOS == "NOUN" && sv.doc.Tokens[o.trigger].UPOS == "VERB" &&
			o.start < m.trigger && m.trigger < o.end && o.act != m.trigger
	}
	bare := func(o match) bool { return !o.fromDict && !hasTarget(o.pat) && !hasSource(o.pat) && o.act == 0 }
	named := func(m match) bool { return len(m.targets) > 0 || len(m.sources) > 0 }
	var out []match
	for _, m := range ms {
		drop := false
		for _, o := range ms {
			switch {
			case contains(o, m) && !(bare(o) && named(m)):
				drop = true // the nominal event is part of the verb's
			case contains(m, o) && bare(m) && named(o):
				drop = true // "held talks between India and Australia": the talks name the parties
			}
		}
		if !drop {
			out = append(out, m)
		}
	}
	return out
}

// topLevel returns the indices of mentions not inside a longer one.
func topLevel(ms []dyad.Mention) []int {
	var out []int
	for i, m := range ms {
		inside := false
		for j, o := range ms {
			if j != i && o.Contains(m.Span) && (o.Len() > m.Len() || j < i) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, i)
		}
	}
	return out
}

func newSentenceView(doc *dyad.Document, si int, top []int) *sentenceView {
	s := doc.Sentences[si]
	n := s.EndToken - s.FirstToken
	sv := &sentenceView{doc: doc, index: si, first: s.FirstToken, end: s.EndToken,
		startsAt: make([]int, n), covered: make([]int, n)}
	for k := range n {
		sv.startsAt[k], sv.covered[k] = -1, -1
	}
	for _, mi := range top {
		m := doc.Mentions[mi]
		if !s.Contains(m.Span) {
			continue
		}
		sv.mentions = append(sv.mentions, mi)
		for k := s.FirstToken; k < s.EndToken; k++ {
			t := doc.Tokens[k]
			if t.Start >= m.Start && t.End <= m.End {
				if sv.covered[k-s.FirstToken] < 0 {
					sv.startsAt[k-s.FirstToken] = mi
				}
				sv.covered[k-s.FirstToken] = mi
			}
		}
	}
	return sv
}

func (sv *sentenceView) lower(k int) string { return strings.ToLower(sv.doc.Tokens[k].Text) }

func (sv *sentenceView) mentionAt(k int) int {
	if k < sv.first || k >= sv.end {
		return -1
	}
	return sv.startsAt[k-sv.first]
}

func (sv *sentenceView) coveredBy(k int) int {
	if k < sv.first || k >= sv.end {
		return -1
	}
	return sv.covered[k-sv.first]
}

// mentionEnd returns the token index after mention mi.
func (sv *sentenceView) mentionEnd(mi int) int {
	k := sv.tokenAt(sv.doc.Mentions[mi].Start)
	for k < sv.end && sv.coveredBy(k) == mi {
		k++
	}
	return k
}

// compoundModifier reports whether token k ends a hyphenated compound
// ("Russia-backed", "U.S.-led"): a modifier, not a verb of the clause.
func (sv *sentenceView) compoundModifier(k int) bool {
	toks := sv.doc.Tokens
	return k-1 > sv.first && toks[k-1].Text == "-" && toks[k-1].End == toks[k].Start && toks[k-2].End == toks[k-1].Start
}

// tokenAt returns the index of the token starting at or covering offset.
func (sv *sentenceView) tokenAt(offset int) int {
	toks := sv.doc.Tokens
	k, _ := slices.BinarySearchFunc(toks[sv.first:sv.end], offset, func(t dyad.Token, off int) int {
		return cmp.Compare(t.End, off+1)
	})
	return sv.first + k
}

// matches finds every pattern match in the sentence, keeping for each trigger
// the longest match per target.
func (c *Coder) matches(sv *sentenceView) []match {
	var out []match
	for k := sv.first; k < sv.end; k++ {
		if sv.coveredBy(k) >= 0 || sv.compoundModifier(k) {
			continue
		}
		ps := c.patterns.byKey[sv.lower(k)]
		if len(ps) == 0 {
			continue
		}
		t := sv.doc.Tokens[k]
		// A participle before its noun describes it ("recently released
		// prisoners", "the attacked village"): no act of the clause's
		// subject.
		noun := sv.doc.Parsed() && (t.UPOS == "NOUN" || t.UPOS == "ADJ" || sv.particleAdverb(k) || t.UPOS == "PROPN" && k > sv.first || t.UPOS == "ADP" || t.Rel == "compound:prt" ||
			sv.prenominalParticiple(k) || sv.nominalSlot(k)) && !sv.verbConjunct(k)
		trigger := k
		if k+2 < sv.end && sv.innerHyphen(k+1) {
			if last := sv.doc.Tokens[k+2]; last.UPOS == "VERB" && last.Rel != "amod" {
				// "test-fired": the verb is the compound's last part.
				noun, trigger = false, k+2
			} else {
				// "battle-hardened Democrats", "war-torn": the first part
				// of a compound adjective is no verb, whatever its tag.
				noun = true
			}
		}
		for _, p := range ps {
			if p.verbal && noun {
				continue
			}
			if m, ok := matchFrom(sv, p, 1, k+1, match{pat: p, start: k, trigger: trigger}); ok {
				out = append(out, m)
			}
		}
	}
	return out
}

// particleLike are the tags of the word that ends a verb's phrase ("call
// for", "met with", "back down").
var particleLike = map[string]bool{"ADP": true, "PART": true, "ADV": true, "SCONJ": true}

// dayWords name a day without a date; dayParts may follow them.
var (
	dayWords = wordSet("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight")
	dayParts = wordSet("morning afternoon evening night")
)

// directionParticles make a phrasal verb of the verb before them ("fired
// back at" is no "fired at").
var directionParticles = wordSet("back out off up down away over in on around along through")

// interposed returns the token after the words at k that the verb before
// them governs without being part of its phrase: up to two of a day
// ("Wednesday", "on Monday", "Tuesday night") and an adverb ("again",
// "separately"), not a negation nor a particle ("back"); k when there are
// none.
func (sv *sentenceView) interposed(k int) int {
	if !sv.doc.Parsed() {
		return k
	}
	j := k
	for n := 0; n < 2 && j < sv.end; n++ {
		t := sv.doc.Tokens[j]
		switch w := sv.lower(j); {
		case dayWords[w]:
			j++
		case w == "on" && j+1 < sv.end && dayWords[sv.lower(j+1)] && sv.lower(j+1) != "today":
			j += 2
		case t.UPOS == "ADV" && t.Rel == "advmod" && t.Head == k-1 && !negations[w] && !directionParticles[w]:
			j++
		default:
			return j
		}
		if j < sv.end && dayParts[sv.lower(j)] && dayWords[sv.lower(j-1)] {
			j++
		}
	}
	return j
}

// timeSpan returns the token after a span of time at k ("in the last few
// years", "over the past decade", "in recent months", "this year"); k when
// there is none.
func (sv *sentenceView) timeSpan(k int) int {
	j := k
	if j < sv.end && timeSpanPreps[sv.lower(j)] {
		j++
	}
	start := j
	for j < sv.end && j-start < 5 && timeSpanWords[sv.lower(j)] {
		j++
	}
	if j == start || j >= sv.end || !timeUnits[sv.lower(j)] {
		return k
	}
	if start == k && !(sv.lower(start) == "this" || sv.lower(start) == "last") {
		return k // a bare "few years" is no span
	}
	return j + 1
}

var (
	timeSpanPreps = wordSet("in over during for within")
	timeSpanWords = wordSet("the last past next coming recent few several two three four five six ten this that")
	timeUnits     = wordSet("year years month months week weeks day days decade decades")
)

// particleAdverb reports whether token k is an adverb right after a verb or
// an adjective: a phrasal verb's particle or a modifier ("win back the
// Senate", "roll back court decisions", "a distant second behind"), not a
// verb the tagger missed ("would back Trump", "never back down").
func (sv *sentenceView) particleAdverb(k int) bool {
	if sv.doc.Tokens[k].UPOS != "ADV" || k == sv.first {
		return false
	}
	p := sv.doc.Tokens[k-1].UPOS
	return p == "VERB" || p == "ADJ"
}

// prenominalParticiple reports whether token k is a past participle that
// modifies the noun after it and follows a word that cannot be its subject
// ("recently released prisoners", "exchanged imprisoned Palestinians",
// "their endorsed candidate"), adverbs apart; the parser also hangs a main
// verb on its object so ("Trump attacked Biden", "Bush, Florida's former
// governor, also attacked Trump"), after its subject or a comma.
func (sv *sentenceView) prenominalParticiple(k int) bool {
	t := sv.doc.Tokens[k]
	if t.Rel != "amod" || t.Head <= k || t.XPOS != "VBN" || k == sv.first {
		return false
	}
	j := k - 1
	for j > sv.first && sv.doc.Tokens[j].UPOS == "ADV" {
		j-- // "help recently released", but "supporters audibly chanted"
	}
	switch p := sv.doc.Tokens[j]; p.UPOS {
	case "DET", "VERB", "ADP", "CCONJ": // not ADJ: "China's military staged drills" (military tagged ADJ)
		return true
	case "PRON":
		return p.XPOS == "PRP$"
	}
	return false
}

// matchFrom matches p.elems[e:] from token k.
func matchFrom(sv *sentenceView, p *Pattern, e, k int, m match) (match, bool) {
	if e == len(p.elems) {
		m.end = k
		return m, true
	}
	el := p.elems[e]
	switch el.kind {
	case literal:
		if k < sv.end && e == len(p.elems)-1 && e > 0 && p.elems[e-1].kind == target && el.words["to"] && sv.lower(k) == "to" && strings.HasPrefix(p.Code, "02") &&
			(sv.doc.Tokens[k].Rel == "case" || k+1 < sv.end && (sv.lower(k+1) == "be" || sv.lower(k+1) == "get")) {
			// An appeal's "urge + to", "call for + to" end on an active
			// infinitive's "to": not a preposition's ("pushing her to
			// victory"; the parser's "to" before a verb it took for a
			// noun falls back to "urge +", the same code), nor a
			// passive's, whose subject is acted on, not asked ("called
			// for Lewandowski to be fired").
			return m, false
		}
		if k < sv.end && (sv.coveredBy(k) < 0 || sv.roleWord(k)) && literalMatch(el.words, sv.lower(k)) {
			if r, ok := matchFrom(sv, p, e+1, k+1, m); ok {
				return r, ok
			}
			// "fired dozens of missiles and more than 300 drones at":
			// a conjunct that ends on another of the word's
			// alternatives stands for it.
			if j := sv.sameConjunct(el.words, k); j > k {
				return matchFrom(sv, p, e+1, j+1, m)
			}
			return m, false
		}
		if e == 1 && k-1 == m.trigger {
			// "called Wednesday for", "met separately with": a day or an
			// adverb of the verb between it and its particle or
			// preposition.
			if j := sv.interposed(k); j > k && j < sv.end && literalMatch(el.words, sv.lower(j)) && particleLike[sv.doc.Tokens[j].UPOS] {
				return matchFrom(sv, p, e, j, m)
			}
		}
		if e > 0 && p.elems[e-1].kind == literal && k < sv.end {
			// "increased cooperation in the last few years with": a
			// span of time between a noun and its preposition.
			if j := sv.timeSpan(k); j > k && j < sv.end && literalMatch(el.words, sv.lower(j)) && sv.doc.Tokens[j].UPOS == "ADP" {
				return matchFrom(sv, p, e, j, m)
			}
		}
		if k < sv.end && sv.roleHead(k) && literalMatch(el.words, sv.lower(k)) {
			// "summoned the Turkish ambassador", "sent French troops
			// to": the pattern spells the role, whoever owns it.
			m.role = sv.coveredBy(k) + 1
			return matchFrom(sv, p, e+1, k+1, m)
		}
	case gap:
		// Up to three words; "two-week" is one, a sum ("$300 million")
		// or an article none. In a pattern without a target a possessor
		// may be passed: "denied India's accusation" (the accusation's
		// owner becomes the target).
		for skip, words := 0, 0; k+skip <= sv.end; skip++ {
			if skip > 0 {
				j := k + skip - 1
				hyphen := sv.innerHyphen(j)
				t := sv.doc.Tokens[j]
				// Scare quotes are passed and not counted: 'gave its
				// "deepest sympathies"'; so is the comma before a
				// participle that modifies a word before it ("the attack,
				// reportedly carried out by").
				scare := t.Kind == dyad.QuoteMark || sv.participleComma(j)
				if !hyphen && !scare && !(j > sv.first && sv.innerHyphen(j-1)) && !sv.amount(j) && !possessiveMarks[sv.lower(j)] && !articles[sv.lower(j)] {
					words++
				}
				if words > 3 || !hyphen && !scare && !sv.amount(j) && t.Kind == dyad.Punct ||
					sv.coveredBy(j) >= 0 && !sv.modifierMention(j) && !(sv.possessor(j) && !hasTarget(p)) && !sv.roleBody(j) {
					break
				}
			}
			if r, ok := matchFrom(sv, p, e+1, k+skip, m); ok {
				return r, true
			}
		}
	case act:
		// "[the|this|its ...] up to two modifiers, then a noun naming an
		// act": "condemned the launch", "welcomed the new agreement".
		for j := k; j < sv.end && j <= k+3; j++ {
			w := sv.lower(j)
			if _, ok := actNouns[w]; ok && sv.doc.Tokens[j].UPOS == "NOUN" && j > k {
				m.act = j
				return matchFrom(sv, p, e+1, j+1, m)
			}
			t := sv.doc.Tokens[j]
			if t.Kind == dyad.Punct || t.Kind == dyad.QuoteMark || slotStops[w] || sv.coveredBy(j) >= 0 && !sv.possessor(j) {
				break
			}
		}
	case target, source:
		if el.kind == target {
			if mi, next := sv.sceneDoer(m.trigger, k); mi >= 0 {
				// "was killed in an Israeli airstrike": the doer of the
				// violent act the passive happened in is its agent.
				m.targets, m.byAgent = sv.coordinated(mi, +1), true
				return matchFrom(sv, p, e+1, next, m)
			}
			k = sv.pastAside(k)
		}
		for j := k; j < sv.end && j <= k+3; j++ {
			// A possessive pronoun names its owner, not the target:
			// "welcomed their resumption of ties with X".
			if mi := sv.mentionAt(j); mi >= 0 && !sv.possessivePronoun(j) {
				if sv.passedObject(k, j, mi) {
					// "meet the pledge he offered", "support the policies
					// Trump mentioned": the verb's object is the noun
					// passed, not the actor after it.
					break
				}
				group := sv.coordinated(mi, +1)
				if el.kind == source {
					// "condemnation from $": the slot names the source.
					m.sources = group
					return matchFrom(sv, p, e+1, sv.mentionEnd(group[len(group)-1]), m)
				}
				m.byAgent = false
				for b := k; b < j; b++ {
					m.byAgent = m.byAgent || sv.lower(b) == "by" // "by the ministry"
				}
				b := j - 1
				for b > sv.first && determiners[sv.lower(b)] {
					b--
				}
				between := b >= sv.first && (sv.lower(b) == "between" || sv.lower(b) == "among")
				if (strings.HasPrefix(p.Code, "04") || strings.HasPrefix(p.Code, "084") || strings.HasPrefix(p.Code, "054")) && sv.modifiesNext(group[len(group)-1]) {
					// "received the Solidarity Party's nomination",
					// "received hospital treatment", "released the
					// Clinton emails", "recognize the Armenian
					// genocide": one meets, hosts, frees or recognizes
					// the actor itself, not what it owns or qualifies.
					return m, false
				}
				m.targets = group
				if between && len(group) > 1 && !hasSource(p) && sv.doc.Tokens[m.trigger].UPOS == "NOUN" {
					// "talks between X and Y": the parties of a nominal
					// event act on each other, pair by pair, whoever the
					// sentence's subject ("China called for dialogue
					// between X and Y" stays China's call).
					m.sources, m.compound = group, true
				}
				after := sv.skipAlias(group[len(group)-1], sv.mentionEnd(group[len(group)-1]))
				if e+1 < len(p.elems) {
					if last := after - 1; after < sv.end && sv.doc.Tokens[after].XPOS == "NNS" && sv.doc.Tokens[last].Head == after &&
						(sv.doc.Tokens[last].Rel == "compound" || sv.doc.Tokens[last].Rel == "amod") && !literalMatch(p.elems[e+1].words, sv.lower(after)) {
						// "hold two Cabinet officers, ..., in contempt":
						// the mention qualifies the people that head the
						// target's phrase ("defending the Obama legacy
						// from" defends no one).
						after++
					}
					after = sv.pastApposition(group, after)
					if next := sv.pastPlace(after); next > after && next < sv.end && literalMatch(p.elems[e+1].words, sv.lower(next)) {
						after = next // "wrote to the US Embassy in London asking"
					}
				}
				if r, ok := matchFrom(sv, p, e+1, after, m); ok || after >= sv.end || !possessiveMarks[sv.lower(after)] {
					return r, ok
				}
				// "questioned the president's power": the target owns
				// the noun the pattern goes on with.
				return matchFrom(sv, p, e+1, after+1, m)
			}
			if !sv.skippable(k, j) {
				break
			}
		}
	}
	return m, false
}

// pastPlace returns the token after a place phrase at k ("in London", "at
// the UN in Geneva"): "in" or "at" and a proper-noun run; k when there is
// none.
func (sv *sentenceView) pastPlace(k int) int {
	j := k
	for n := 0; n < 2 && j+1 < sv.end && (sv.lower(j) == "in" || sv.lower(j) == "at"); n++ {
		x := j + 1
		if sv.lower(x) == "the" {
			x++
		}
		start := x
		for x < sv.end && x-start < 4 && sv.doc.Tokens[x].UPOS == "PROPN" {
			x++
		}
		if x == start {
			break
		}
		j = x
	}
	return j
}

// pastApposition returns the token after an apposition between commas at
// k that names the target's members ("hold two Cabinet officers, Commerce
// Secretary Wilbur Ross and Attorney General William Barr, in contempt"):
// names and actors joined by "and" or commas, or a relative clause on the
// target; k when there is none. When
// the target's group already took in the apposition ("two Indian officials,
// Ravi Kumar and Anil Singh, to resign"), only its closing comma is passed.
func (sv *sentenceView) pastApposition(group []int, k int) int {
	if k >= sv.end || sv.doc.Tokens[k].Text != "," {
		return k
	}
	if first := sv.mentionEnd(group[0]); len(group) > 1 && first < sv.end && sv.doc.Tokens[first].Text == "," {
		return k + 1
	}
	if k+1 < sv.end && (sv.lower(k+1) == "who" || sv.lower(k+1) == "whose") {
		// "asked Carrie Lam, who is supported by Beijing, to resign": a
		// relative clause on the target between commas.
		for j := k + 2; j < sv.end && j <= k+16; j++ {
			if t := sv.doc.Tokens[j]; t.Text == "," {
				return j + 1
			} else if t.Kind == dyad.Punct || t.Kind == dyad.QuoteMark {
				break
			}
		}
		return k
	}
	named := false
	for j := k + 1; j < sv.end && j <= k+16; {
		if mi := sv.mentionAt(j); mi >= 0 {
			j, named = sv.mentionEnd(mi), true
			continue
		}
		t := sv.doc.Tokens[j]
		switch {
		case t.Text == "," && named && j+1 < sv.end && sv.mentionAt(j+1) < 0 && sv.doc.Tokens[j+1].UPOS != "PROPN" && sv.lower(j+1) != "and":
			return j + 1
		case t.UPOS == "PROPN" || t.Text == "," || sv.lower(j) == "and":
			j++
		default:
			return k
		}
	}
	return k
}

// passedObject reports whether a verb's object lies among tokens
// from..to-1 that does not stand for mention mi ("blasted her rival Donald
// Trump" names him; "meet the pledge he offered" does not), nor do examples
// follow it ("urged allies such as Germany to").
func (sv *sentenceView) passedObject(from, to, mi int) bool {
	for j := from; j < to; j++ {
		t := sv.doc.Tokens[j]
		if t.UPOS == "NOUN" && t.Rel == "obj" && !sv.names(j, mi) &&
			!(j+2 < sv.end && sv.lower(j+1) == "such" && sv.lower(j+2) == "as") {
			return true
		}
	}
	return false
}

// names reports whether mention mi names noun n: a name in apposition to it
// or compounded with it ("her rival Donald Trump").
func (sv *sentenceView) names(n, mi int) bool {
	for _, c := range sv.doc.Dependents(n) {
		switch sv.doc.Tokens[c].Rel {
		case "appos", "compound", "flat", "nmod:desc":
			if sv.coveredBy(c) == mi {
				return true
			}
		}
	}
	return false
}

// pastAside returns the token after an aside set off by commas that
// starts at k (", by way of example,", ", in a statement,"): up to five
// words, none of them an actor, a verb or a quotation mark; else k.
func (sv *sentenceView) pastAside(k int) int {
	if k >= sv.end || sv.lower(k) != "," {
		return k
	}
	for j := k + 1; j < sv.end && j <= k+6; j++ {
		t := sv.doc.Tokens[j]
		if t.Text == "," {
			if j == k+1 {
				return k
			}
			return j + 1
		}
		if t.Kind != dyad.Word || sv.coveredBy(j) >= 0 || t.UPOS == "VERB" || t.UPOS == "AUX" {
			return k
		}
	}
	return k
}

// verbConjunct reports whether token k, whatever its tag, is a verb the
// tree coordinates with another verb and no determiner or possessive
// precedes: "drew his pistol, pointed it, and shot at one person", where
// the tagger took "shot" for a noun.
func (sv *sentenceView) verbConjunct(k int) bool {
	t := sv.doc.Tokens[k]
	if t.Rel != "conj" || t.Head < 0 || sv.doc.Tokens[t.Head].UPOS != "VERB" || sv.nominalSlot(k) {
		return false
	}
	for _, c := range sv.doc.Dependents(k) {
		if r := sv.doc.Tokens[c].Rel; r == "det" || r == "nmod:poss" || r == "amod" {
			return false
		}
	}
	return true
}

// literalMatch reports whether word w is one of words; a word the tokenizer
// kept whole with its hyphens ("anti-semitism") also matches its spelling
// without them, since patterns hold no hyphen inside a word.
func literalMatch(words map[string]bool, w string) bool {
	return words[w] || strings.Contains(w, "-") && len(w) > 1 && words[strings.ReplaceAll(w, "-", "")]
}

// nominalSlot reports whether token k stands where only a noun or an
// adjective can: after an article, a possessive or a preposition ("over
// alleged plots", "yesterday's march"), whatever the tagger said; a gerund
// after a preposition is the exception.
func (sv *sentenceView) nominalSlot(k int) bool {
	if k == sv.first {
		return false
	}
	p := sv.doc.Tokens[k-1]
	w := strings.ToLower(p.Text)
	switch w {
	case "the", "a", "an", "'s", "’s":
		return true
	case "to":
		return false
	}
	t := sv.doc.Tokens[k]
	if t.Rel == "amod" && t.Head == k+1 && strings.HasSuffix(sv.lower(k), "ing") {
		return true // "protesting legislators"
	}
	// A gerund after a preposition is still a verb: "in blaming Iran",
	// "by throwing stones".
	return (p.UPOS == "ADP" || prepositions[w]) && !strings.HasSuffix(sv.lower(k), "ing")
}

// hasTarget reports whether p has a target slot +.
func hasTarget(p *Pattern) bool {
	return slices.ContainsFunc(p.elems, func(e elem) bool { return e.kind == target })
}

// hasSource reports whether p has a source slot $.
func hasSource(p *Pattern) bool {
	return slices.ContainsFunc(p.elems, func(e elem) bool { return e.kind == source })
}

// possessiveMarks end a possessive name ("the president's").
var possessiveMarks = wordSet("'s ’s ' ’")

// possessivePronouns are skipped like determiners in a target slot.
var possessivePronouns = wordSet("his her its their our my your")

// possessivePronoun reports whether token k is a possessive pronoun: "her"
// is one before a noun ("her policy"), not as an object ("accused her of").
func (sv *sentenceView) possessivePronoun(k int) bool {
	if !possessivePronouns[sv.lower(k)] {
		return false
	}
	if t := sv.doc.Tokens[k]; sv.lower(k) == "her" && sv.doc.Parsed() {
		return t.XPOS == "PRP$" || t.Rel == "nmod:poss"
	}
	return true
}

// slotStops are words a target slot does not skip: they start another
// phrase or clause ("threatened to attack X" is no threat against X).
var slotStops = wordSet("to that which who whom whose and or but of in on at for with from as than if when while not")

// determiners may stand, several at once, between a pattern word and its
// target ("attacked the two rival ...").
var determiners = wordSet(`the a an its their his her our your this that these those some several both
	many more other fellow two three four five six seven eight nine ten dozens hundreds thousands
	neighbouring neighboring rival allied key top senior visiting`)

// skippable reports whether the tokens [from, k] may stand between a pattern
// word and its target: determiners, and at most one other word such as an
// adjective, but no punctuation, no function word that opens another phrase
// and no verb that starts a pattern of its own; "such as" leads to examples
// ("urged allies such as Germany to ...").
func (sv *sentenceView) skippable(from, k int) bool {
	free := 0
	for j := from; j <= k; j++ {
		t := sv.doc.Tokens[j]
		if sv.innerHyphen(j) {
			j++ // "north-eastern": one word
			continue
		}
		if j > from && j+1 < sv.end && sv.lower(j) == "such" && sv.lower(j+1) == "as" {
			j++ // "allies such as Germany": the examples are the target
			continue
		}
		if t.Kind == dyad.Punct || t.Kind == dyad.QuoteMark {
			return false
		}
		w := sv.lower(j)
		if slotStops[w] || len(sv.keys[w]) > 0 && t.UPOS != "NOUN" {
			return false
		}
		if t.UPOS == "VERB" && t.Rel != "amod" {
			return false // "help shape the party platform": the party is shape's, not help's
		}
		if t.Rel == "amod" && t.UPOS == "ADJ" && t.Head > j && t.Head <= k+4 && t.Head < sv.end && sv.coveredBy(t.Head) >= 0 {
			// "praised Republican presidential candidate Donald Trump":
			// a modifier of the actor's own noun is part of its phrase.
			continue
		}
		if !determiners[w] && !(w == "by" && j > from) {
			free++ // "criticized earlier by Russia": "by" leads to the agent
		}
	}
	return free <= 1
}

// sameConjunct returns the end of a conjunct after token k ("and|or" and up
// to four words or numbers, no actor, punctuation or verb among them) whose
// last word is one of words; -1 if none.
func (sv *sentenceView) sameConjunct(words map[string]bool, k int) int {
	if k+1 >= sv.end || sv.lower(k+1) != "and" && sv.lower(k+1) != "or" {
		return -1
	}
	for j := k + 2; j < sv.end && j <= k+6; j++ {
		t := sv.doc.Tokens[j]
		if t.Kind != dyad.Word && t.Kind != dyad.Number || sv.coveredBy(j) >= 0 || t.UPOS == "VERB" {
			return -1
		}
		if literalMatch(words, sv.lower(j)) {
			return j
		}
	}
	return -1
}

// articles are passed in a gap without counting: "signed a trade and
// investment agreement" is three words from the verb to its noun.
var articles = wordSet("a an the")

// qualifiesThing reports whether mention mi is only a modifier of a noun
// after it that is no actor ("Iranian assistance", "the Kremlin's plan").
func (sv *sentenceView) qualifiesThing(mi int) bool {
	end := sv.mentionEnd(mi)
	t := sv.doc.Tokens[end-1]
	switch t.Rel {
	case "amod", "compound", "nmod:poss":
	default:
		return false
	}
	return t.Head >= end && t.Head < sv.end && sv.doc.Tokens[t.Head].UPOS == "NOUN" && sv.coveredBy(t.Head) < 0
}

// modifiesNext reports whether mention mi only qualifies the noun after it:
// a possessor ("the Party's nomination") or a compound the tree hangs on a
// noun that follows ("hospital treatment"); a country's adjective does not
// ("Qatari mediators" are Qatar's).
func (sv *sentenceView) modifiesNext(mi int) bool {
	end := sv.mentionEnd(mi)
	if end < sv.end && possessiveMarks[sv.lower(end)] {
		return true
	}
	if sv.doc.Mentions[mi].Kind == "adjective" {
		return false
	}
	t := sv.doc.Tokens[end-1]
	return (t.Rel == "compound" || t.Rel == "nmod:poss") && t.Head >= end && t.Head < sv.end &&
		sv.doc.Tokens[t.Head].UPOS == "NOUN"
}

// participleComma reports whether token k is a comma that opens a reduced
// relative clause: its head is a past participle without a subject, hung on
// a word before the comma ("the attack, reportedly carried out by the
// Taliban"; the parser may read the participle as a past tense).
func (sv *sentenceView) participleComma(k int) bool {
	toks := sv.doc.Tokens
	h := toks[k].Head
	return sv.lower(k) == "," && h > k && h < sv.end && toks[h].UPOS == "VERB" &&
		(toks[h].XPOS == "VBN" || toks[h].XPOS == "VBD") && !sv.hasSubject(h) &&
		toks[h].Head >= sv.first && toks[h].Head < k
}

// modifierMention reports whether token k is a one-word mention used as an
// adjective inside a phrase ("a military offensive"), which a gap may pass.
func (sv *sentenceView) modifierMention(k int) bool {
	mi := sv.coveredBy(k)
	if mi < 0 || sv.mentionEnd(mi) != k+1 || sv.tokenAt(sv.doc.Mentions[mi].Start) != k {
		return false
	}
	t := sv.doc.Tokens[k]
	return t.UPOS == "ADJ" || t.Rel == "amod" || t.Rel == "compound"
}

// roleWord reports whether token k is by itself a mention of a role
// ("troops", "terrorists"), which a pattern may spell as a word: "send ...
// troops to +", "name + as terrorists".
func (sv *sentenceView) roleWord(k int) bool {
	mi := sv.coveredBy(k)
	return mi >= 0 && sv.doc.Mentions[mi].Kind == "agent" && sv.mentionEnd(mi) == k+1 && sv.tokenAt(sv.doc.Mentions[mi].Start) == k
}

// roleHead reports whether token k is the last word of a role mention of
// several words ("French troops", "Turkish ambassador"), which a pattern may
// spell as a word.
func (sv *sentenceView) roleHead(k int) bool {
	mi := sv.coveredBy(k)
	return mi >= 0 && sv.doc.Mentions[mi].Kind == "agent" && sv.mentionEnd(mi) == k+1 && sv.tokenAt(sv.doc.Mentions[mi].Start) < k
}

// roleBody reports whether token k lies in a role mention before its last
// word ("Turkish" in "Turkish ambassador"), which a gap passes.
func (sv *sentenceView) roleBody(k int) bool {
	mi := sv.coveredBy(k)
	return mi >= 0 && sv.doc.Mentions[mi].Kind == "agent" && sv.mentionEnd(mi) > k+1
}

// amount reports whether token k is part of a sum or number ("$300
// million", "20,000"), which a gap passes without counting.
func (sv *sentenceView) amount(k int) bool {
	w := sv.lower(k)
	if amountWords[w] {
		return true
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return w != "" && w != "." && w != ","
}

var amountWords = wordSet("$ € £ ¥ us$ million millions billion billions trillion thousand thousands hundred hundreds")

// possessor reports whether token k lies in a mention that ends in a
// possessive ("Russia's"): the owner of the noun after it.
func (sv *sentenceView) possessor(k int) bool {
	mi := sv.coveredBy(k)
	if mi < 0 {
		return false
	}
	end := sv.mentionEnd(mi)
	return end < sv.end && possessiveMarks[sv.lower(end)]
}

// innerHyphen reports whether token j is a hyphen inside a word, with no
// space on either side ("north-eastern", "then-newly").
func (sv *sentenceView) innerHyphen(j int) bool {
	toks := sv.doc.Tokens
	return toks[j].Text == "-" && j > sv.first && j+1 < sv.end && toks[j-1].End == toks[j].Start && toks[j].End == toks[j+1].Start
}

// coordinated returns mi and the mentions coordinated with it ("X and Y",
// "X, Y and Z"), walking in direction dir (+1 right, -1 left), in text order.
func (sv *sentenceView) coordinated(mi int, dir int) []int {
	group := []int{mi}
	cur := mi
	for {
		var next int
		if dir > 0 {
			k := sv.skipAlias(cur, sv.mentionEnd(cur))
			next = sv.afterConjunction(k)
			// "X, Y" is a list only when it goes on: "X, Y and Z".
			if next >= 0 && sv.lower(k) == "," && !sv.listGoesOn(next) {
				next = -1
			}
		} else {
			k := sv.tokenAt(sv.doc.Mentions[cur].Start) - 1
			if k > sv.first && sv.lower(k) == "the" {
				k-- // "X and the United States"
			}
			next = sv.beforeConjunction(k)
			if next >= 0 && sv.lower(k) == "," && !sv.listGoesOn(cur) {
				next = -1
			}
		}
		if next < 0 || slices.Contains(group, next) {
			break
		}
		group = append(group, next)
		cur = next
	}
	if dir < 0 {
		slices.Reverse(group)
	}
	return group
}

var conjunctions = map[string]bool{"and": true, ",": true, "&": true, "as well as": true}

// skipAlias returns the token after "(ALIAS)" at token k when the alias is
// a mention of an actor with the same code as mention mi's ("the Kurdistan Workers' Party
// (PKK) and ..."), else k.
func (sv *sentenceView) skipAlias(mi, k int) int {
	if k+2 < sv.end && sv.lower(k) == "(" && sv.lower(k+2) == ")" {
		if a := sv.mentionAt(k + 1); a >= 0 && sv.doc.Actors[sv.doc.Mentions[a].Actor].Code == sv.doc.Actors[sv.doc.Mentions[mi].Actor].Code {
			return k + 3
		}
	}
	return k
}

// listGoesOn reports whether mention mi is followed by "and" or a comma.
func (sv *sentenceView) listGoesOn(mi int) bool {
	k := sv.skipAlias(mi, sv.mentionEnd(mi))
	return k < sv.end && (sv.lower(k) == "and" || sv.lower(k) == ",")
}

// afterConjunction returns the mention after "and" or "," at token k (with
// an optional "the"), or -1.
func (sv *sentenceView) afterConjunction(k int) int {
	if k >= sv.end || !conjunctions[sv.lower(k)] {
		return -1
	}
	k++
	if k < sv.end && sv.lower(k) == "and" {
		k++
	}
	if k < sv.end && repeatedPrepositions[sv.lower(k)] && sv.lower(k-1) == "and" {
		k++ // "with X and with Y"
	}
	for n := 0; k < sv.end && sv.mentionAt(k) < 0 && n < 4 && (determiners[sv.lower(k)] || sv.modifierWord(k)); n++ {
		k++ // "and the", "and an Israeli delegation", "and then-newly elected President Y"
	}
	return sv.mentionAt(k)
}

// modifierWord reports whether token k is a lower-case modifier that may
// stand between "and" and a name: an adjective, a participle used as one,
// or a piece of a hyphenated one ("then-newly elected").
func (sv *sentenceView) modifierWord(k int) bool {
	t := sv.doc.Tokens[k]
	if sv.innerHyphen(k) {
		return true
	}
	if t.Kind != dyad.Word || t.Text != strings.ToLower(t.Text) {
		return false
	}
	return t.UPOS == "ADJ" || t.UPOS == "ADV" || t.Rel == "amod" || t.XPOS == "VBN"
}

// repeatedPrepositions may stand again after "and" in a list of targets.
var repeatedPrepositions = wordSet("with to from against on for")

// beforeConjunction returns the mention ending just before "and" or "," at
// token k, or -1.
func (sv *sentenceView) beforeConjunction(k int) int {
	if k < sv.first || !conjunctions[sv.lower(k)] {
		return -1
	}
	k--
	if k >= sv.first && sv.lower(k) == "," {
		k--
	}
	if k < sv.first {
		return -1
	}
	mi := sv.coveredBy(k)
	if mi >= 0 && sv.mentionEnd(mi) == k+1 {
		return mi
	}
	return -1
}
