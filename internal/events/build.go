package events

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dyadproject/dyad"
)

// prepositions before a mention make it an object, not a subject.
var prepositions = wordSet(`in at to from with of near for on by into against toward towards over
	about between among after before during than under across via without within upon like`)

var beForms = wordSet("is are was were be been being am 's got get")

var negations = wordSet("not n't never")

// modalWords maps a word before the trigger to the modality it gives.
var modalWords = map[string]string{
	"will": "future", "'ll": "future", "shall": "future", "due": "future", "scheduled": "future",
	"expected": "future", "set": "future",
	"plan": "intended", "plans": "intended", "planned": "intended", "planning": "intended",
	"intend": "intended", "intends": "intended", "intended": "intended",
	"agree": "intended", "agreed": "intended", "agrees": "intended",
	"vow": "intended", "vowed": "intended", "vows": "intended",
	"pledge": "intended", "pledged": "intended", "pledges": "intended",
	"promise": "intended", "promised": "intended", "promises": "intended",
	"want": "intended", "wants": "intended", "wanted": "intended",
	"seek": "intended", "seeks": "intended", "sought": "intended",
	"decide": "intended", "decided": "intended", "decides": "intended",
	"threaten": "intended", "threatened": "intended", "threatens": "intended",
	"prepare": "intended", "prepares": "intended", "prepared": "intended", "preparing": "intended",
	"aim": "intended", "aims": "intended", "hope": "intended", "hopes": "intended",
	"would": "hypothetical", "could": "hypothetical", "might": "hypothetical", "may": "hypothetical",
	"can": "hypothetical", "cannot": "hypothetical",
	"if": "hypothetical", "unless": "hypothetical",
	"reportedly": "reported", "allegedly": "reported", "purportedly": "reported",
}

// intentCodes map the code of an act, by its first three digits and else
// its root, to the code of the intent to do it: to meet (036), to cooperate
// diplomatically (032) or materially (031), to give aid (033), to yield
// (035), to use force (138); the intent to provide humanitarian aid (073) is
// 0333, to allow international involvement (086) 0355.
var intentCodes = map[string]string{"04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
	"18": "138", "19": "138", "20": "138",
	"061": "0311", "062": "0312", "063": "0313", "064": "0314",
	"071": "0331", "072": "0332", "073": "0333", "074": "0334",
	"081": "0351", "082": "0352", "083": "034", "084": "0353", "085": "0354", "086": "0355", "087": "0356"}

// threatCodes map the code of a hostile act the same way to the code of the
// threat to do it: to protest (133), to cut aid (1311), impose sanctions
// (1312), break relations (1313), halt talks (134) or mediation (135), expel
// or withdraw (136), coerce by law (132, as the patterns "threaten to
// arrest|deport +" have it) or by force (137).
var threatCodes = map[string]string{"14": "133", "16": "131", "17": "132",
	"161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136", "175": "137"}

// derivedCode returns the code that table (intentCodes, threatCodes) gives
// for code: by its first three digits, else by its root.
func derivedCode(table map[string]string, code string) (string, bool) {
	if len(code) >= 3 {
		if c, ok := table[code[:3]]; ok {
			return c, true
		}
	}
	c, ok := table[code[:2]]
	return c, ok
}

// reciprocalRoots are the CAMEO roots whose target-less events between the
// members of a compound subject are coded pair by pair; of root 05 only
// diplomatic cooperation itself (050), establishing relations (054) and
// signing an agreement (057) are:
// two who praise or recognize someone do not praise each other. Nor do two
// who pledge aid, reform, concessions or mediation (033, 034, 035, 038,
// 039) pledge it to each other.
var reciprocalRoots = map[string]bool{"03": true, "04": true, "06": true, "19": true}

// intransitiveSenses are verbs whose bare pattern ("140 demonstrate", "040
// meet") names their sense without an object ("meet +" has its own).
var intransitiveSenses = wordSet("demonstrate march rally meet interrupt disrupt")

// temporalMark reports whether w opens a participle clause that dates its
// head's act ("after leaving Eriador", "before meeting X").
func temporalMark(w string) bool {
	return w == "after" || w == "before" || w == "while" || w == "since" || w == "upon"
}

// mutualWords end a pattern whose act is done with others ("work
// together").
var mutualWords = wordSet("together")

// mutual reports whether pattern p ends on a word of a mutual act.
func mutual(p *Pattern) bool {
	if len(p.elems) == 0 {
		return false
	}
	last := p.elems[len(p.elems)-1]
	if last.kind != literal {
		return false
	}
	for w := range last.words {
		if mutualWords[w] {
			return true
		}
	}
	return false
}

// reciprocal reports whether a target-less event of code between the members
// of a compound subject is coded pair by pair (see reciprocalRoots).
func reciprocal(code string) bool {
	if len(code) >= 3 && code[:2] == "03" && strings.ContainsRune("34589", rune(code[2])) {
		return false
	}
	return len(code) >= 2 && reciprocalRoots[code[:2]] || code == "050" || code == "054" || code == "057"
}

// locatives introduce an event's place.
var locatives = wordSet("in at near outside inside")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// events turns a match into one event per source and target pair.
func (c *Coder) events(sv *sentenceView, m match, actorIdx map[string]int) []dyad.Event {
	doc := sv.doc
	if doc.Parsed() && sv.requested(m.trigger) {
		return nil
	}
	if v, ok := sv.allegedBy(m.trigger); doc.Parsed() && !m.fromDict && ok {
		// "X alleged Mahan had contributed to ... by supporting Assad":
		// the allegation is the event, not what it alleges. A claim of
		// a hostile act its doer did is an accusation of the doer
		// ("Tamim claimed Houthis have attacked journalists" is 112
		// against the Houthis), which "allege +" codes for "allege".
		if v >= 0 && doc.Tokens[v].Lemma == "claim" {
			if claim, ok := sv.accusation(m, v); ok {
				return c.events(sv, claim, actorIdx)
			}
		}
		return nil
	}
	if v := sv.believedBy(m.trigger); v >= 0 && doc.Parsed() && !m.fromDict {
		// "The CIA believes the crown prince ordered Khashoggi's
		// killing": to believe an actor did a hostile act is to accuse
		// it; what else one believes stays as the clause says it.
		if claim, ok := sv.accusation(m, v); ok {
			return c.events(sv, claim, actorIdx)
		}
	}
	if doc.Parsed() && !m.fromDict && sv.demanded(m.trigger) {
		// "Protesters' demands include an investigation of police
		// violence against protesters", "their demands have included
		// dissolving Parliament": what a demand names has not happened
		// as reported.
		return nil
	}
	if doc.Parsed() && m.fromDict && sv.adverbialParticiple(m.trigger) && sv.hasMarker(m.trigger, "mark", temporalMark) {
		// PETRARCH codes the clause's verb, not a background "after
		// leaving Eriador" (a verb dictionary is read in its semantics).
		return nil
	}
	if doc.Parsed() && !m.fromDict && strings.HasPrefix(m.pat.Code, "05") && sv.adverbialParticiple(m.trigger) {
		// "The airline transports weapons ..., supporting the regime",
		// "contributed to suffering by supporting Assad": a participle
		// that describes how its head acts states a stance, no act of
		// verbal cooperation of its own.
		return nil
	}
	if doc.Parsed() && !hasTarget(m.pat) && len(m.pat.elems) == 1 && intransitiveSenses[doc.Tokens[m.trigger].Lemma] &&
		(sv.hasObject(m.trigger) || sv.hasRel(m.trigger, "ccomp") || sv.withThing(m.trigger) || sv.contentNext(m.trigger)) {
		// "The statement demonstrates a complete lack of
		// understanding", "Harris meets the requirement", "Ryan's ideas
		// have met with resistance": a verb whose bare pattern is a
		// protest or a meeting means something else with an object or
		// with a thing.
		return nil
	}
	if doc.Parsed() && m.pat.Code == "041" && doc.Tokens[m.trigger].Lemma == "call" &&
		(sv.hasRel(m.trigger, "xcomp") || sv.hasRel(m.trigger, "obl:unmarked") ||
			m.end < sv.end && (possessiveMarks[sv.lower(m.end)] || indefinite[sv.lower(m.end)] || doc.Tokens[m.end].Kind == dyad.QuoteMark)) {
		// "called them a deceptive show", "called the charge baseless",
		// "called the minister's deal lousy", "calls Libya a 'mess'":
		// calling something a name is no phone call.
		return nil
	}
	if doc.Parsed() && !m.fromDict && strings.HasPrefix(m.pat.Code, "02") && doc.Tokens[m.trigger].Lemma == "ask" && sv.indirectQuestion(m.trigger, m.end) {
		// "asked Trump if ...", "ask whether candidates ...", "ask
		// Trump a question": a question, not an appeal.
		return nil
	}
	if doc.Parsed() && !m.fromDict && strings.HasPrefix(m.pat.Code, "07") && doc.Tokens[m.trigger].Lemma == "help" && doc.Tokens[m.trigger].UPOS == "VERB" &&
		(sv.hasRel(m.trigger, "xcomp") || sv.hasRel(m.trigger, "ccomp")) {
		// "helped Mr. Obama win the state", "help her defeat Trump",
		// "help Americans keep that promise": helping someone do
		// something names an outcome, no aid given ("helped broker a
		// deal" is mediation all the same).
		return nil
	}
	if doc.Parsed() && !m.fromDict && strings.HasPrefix(m.pat.Code, "10") && doc.Tokens[m.trigger].Lemma == "insist" && sv.insistsAFact(m.trigger) {
		// "RNC members insist that Trump will exceed expectations",
		// "insisted that his party was still the No. 1 force": insisting
		// on a fact is no demand, as "insists the GOP must be" or
		// "insisted that the budget include" are.
		return nil
	}
	passive := sv.isPassive(m.trigger)
	subjects, subjectEnd := sv.subject(m.trigger)
	thingSubject := false // the tree names a subject that is no actor ("a measure that bans X")
	if doc.Parsed() {
		if group, pass, ok := sv.treeSubject(m.trigger); ok {
			subjects, passive = group, pass
			thingSubject = len(group) == 0
			if agent := sv.treeAgent(m.trigger); passive && agent >= 0 {
				m.byAgent = true
				m.targets = []int{agent}
			}
		} else if sv.firstPersonSubject(m.trigger) && len(subjects) > 0 && sv.afterIf(sv.doc.Mentions[subjects[0]].Start, m.trigger) {
			// '"If Turkey does anything, I will destroy its economy,"
			// Trump said': the speaker, not the actor of the condition.
			subjects = nil
		} else if (doc.Tokens[m.trigger].UPOS == "NOUN" || !m.pat.verbal && doc.Tokens[m.trigger].UPOS == "ADJ") && !sv.possessiveBefore(m.trigger) {
			// A nominal event's doer is its owner ("Russian strikes",
			// "the army's offensive"), not whoever the sentence names
			// before it ("police disapproval of protests against X",
			// "tweeted after a lone-wolf attack on X").
			subjects = sv.nominalOwner(m)
		}
	}
	if m.fromDict && doc.Parsed() && len(subjects) > 0 && len(m.sources) == 0 && slices.Contains(m.targets, subjects[0]) {
		// "NOTED + *": in "Falastur noted that Cirith Ungol regretted
		// ...", the pattern makes the clause's subject the target; the
		// source is the subject of the clause above it.
		subjects = nil
		if t := doc.Tokens[m.trigger]; t.Head >= 0 && clauses[t.Rel] {
			if g, _, ok := sv.treeSubject(t.Head); ok {
				subjects = g
			}
		}
	}
	if m.fromDict && len(subjects) == 0 && !passive && doc.Parsed() {
		// PETRARCH codes a noun phrase by the actors in it: "Resumption
		// of ties between Arnor and Gondor may spur reconciliation" is
		// Arnor's and Gondor's.
		subjects = sv.actorsInSubject(m.trigger)
	}
	if m.pat.spellsBy() {
		// "The United States was disappointed by the Parliament": the
		// subject is disappointed, whatever the tense's passive form.
		passive, m.byAgent = false, false
	}
	if len(m.sources) > 0 {
		// The pattern's '$' or '%' slot names the source itself; a
		// verb's own subject is then the target, who receives ("Ukraine
		// received jets from Denmark": Denmark gives to Ukraine).
		if m.pat.receives() && !m.fromDict && doc.Tokens[m.trigger].UPOS == "VERB" && !passive {
			m.targets = subjects
		}
		subjects, passive, m.byAgent = m.sources, false, false
	}
	var sources []dyad.ActorRef
	var targets []*dyad.ActorRef
	for _, t := range m.targets {
		for _, r := range sv.refs(t) {
			targets = append(targets, &r)
		}
	}
	var authority []int // the police or court that reports an agentless arrest
	if passive && !m.byAgent && doc.Parsed() && strings.HasPrefix(m.pat.Code, "17") {
		authority = sv.reportingAuthority(m.trigger)
	}
	switch {
	case passive && m.byAgent:
		for _, t := range targets {
			sources = append(sources, *t)
		}
		targets = nil
		for _, s := range subjects {
			if strings.HasPrefix(m.pat.Code, "04") && sv.qualifiesThing(s) {
				// "Iranian assistance is received by the Houthis": a
				// thing is received, no visitor.
				return nil
			}
			for _, r := range sv.refs(s) {
				targets = append(targets, &r)
			}
		}
	case len(authority) > 0:
		// "Police confirmed that two suspects were arrested": the
		// police, army or court that reports an arrest without saying by
		// whom made it.
		for _, a := range authority {
			sources = append(sources, sv.refs(a)...)
		}
		targets = nil
		if group, _, ok := sv.treeSubject(m.trigger); ok {
			for _, s := range group {
				for _, r := range sv.refs(s) {
					targets = append(targets, &r)
				}
			}
		}
	case passive, m.byAgent:
		// A passive without its agent has no source to code; an agent
		// after a participle without "be" ("a statement released by the
		// ministry") belongs to a reduced relative clause, not to the
		// sentence's subject.
		return nil
	default:
		for _, s := range subjects {
			if m.fromDict {
				s = sv.codedInPhrase(s)
			}
			sources = append(sources, sv.refs(s)...)
		}
		if len(targets) == 0 && m.role > 0 && !hasTarget(m.pat) && !sv.sameActor(m.role-1, sources, true) {
			// "Iraq summoned the Turkish ambassador": the role the
			// pattern spells is the target, unless it is the source's
			// own ("recalled its ambassador").
			for _, r := range sv.refs(m.role - 1) {
				targets = append(targets, &r)
			}
		}
		if len(targets) == 0 && !m.fromDict && doc.Parsed() && !hasTarget(m.pat) && !(len(sources) > 1 && reciprocal(m.pat.Code)) {
			// "attacked the proclamation by the President": the owner
			// of the act the pattern ends on is its target. (Members
			// of a compound subject of a mutual act act on each other:
			// "South Korea and Japan agreed to share intelligence on
			// North Korean launches".)
			if mi, mod := sv.actOwner(m.end - 1); mi >= 0 && !sv.sameActor(mi, sources, mod) {
				for _, r := range sv.refs(mi) {
					targets = append(targets, &r)
				}
			}
		}
		if len(targets) == 0 && !m.fromDict && doc.Parsed() && !hasTarget(m.pat) && strings.HasPrefix(m.pat.Code, "13") {
			// "warned that it would take resolute measures if Taipei
			// pursued independence": a threat is against whoever the
			// condition names.
			if mi := sv.conditionSubject(m.trigger); mi >= 0 && !sv.sameActor(mi, sources, true) {
				for _, r := range sv.refs(mi) {
					targets = append(targets, &r)
				}
			}
		}
	}
	trigger := doc.Tokens[m.trigger]
	if m.pat.judgment {
		// A judgment's subject is judged by whoever says it: "'Trump is
		// behaving like a bully,' Erdogan said" is Erdogan's criticism
		// of Trump. Without a speaker it is the writer's, no event; a
		// speaker judging itself ("we were wrong") is none either.
		judges := sv.judges(m, actorIdx)
		targets = nil
		for _, mi := range sv.judged(m.trigger) {
			for _, r := range sv.refs(mi) {
				if !slices.ContainsFunc(judges, func(j dyad.ActorRef) bool { return j.Actor == r.Actor }) {
					targets = append(targets, &r)
				}
			}
		}
		if len(judges) == 0 || len(targets) == 0 && m.act == 0 {
			return nil
		}
		sources = judges
	} else if sp, ok := c.speakerSource(doc, trigger.Start, subjects, actorIdx); ok && !thingSubject && !(len(subjects) == 0 && trigger.UPOS == "NOUN" && !strings.HasPrefix(m.pat.Code, "01")) {
		// (An act the speaker names without its doer, "approved the
		// attacks on the embassy", is not the speaker's; the words the
		// quote itself says are: "Condolences to his family.")
		sources = []dyad.ActorRef{sp}
	}
	if len(sources) == 0 {
		return nil
	}
	code := m.pat.Code
	if m.code != "" {
		code = m.code
	}
	if m.reversed {
		// The second half of a complex code ("042:043"): the target acts
		// on the source.
		var rs []dyad.ActorRef
		for _, t := range targets {
			rs = append(rs, *t)
		}
		targets = targets[:0]
		for _, s := range sources {
			targets = append(targets, &s)
		}
		sources = rs
	}
	if len(targets) == 0 && len(sources) > 1 && !passive && reciprocal(code) {
		// A compound subject without a target acts on itself, pair by
		// pair: "Gondor and Osgiliath renewed ties" is each toward the
		// other (PETRARCH's symmetric coding), for the roots that name
		// an interaction (cooperation, consultation, fighting).
		for _, s := range sources {
			out := s
			targets = append(targets, &out)
		}
	}
	if len(targets) == 0 && !m.fromDict && mutual(m.pat) {
		// "We will work together": a mutual act needs the others, in
		// a compound subject or the pattern's target.
		return nil
	}
	if len(targets) == 0 {
		if m.fromDict && c.opts.RequireDyad {
			return nil // PETRARCH's require_dyad: a dictionary event needs a target
		}
		if m.fromDict && doc.Parsed() && !sv.nounPhraseAfter(m.trigger, m.end) {
			// Without require_dyad, PETRARCH's target is still a noun
			// phrase, uncoded ("said on Saturday"); a bare time ("said
			// today") is none.
			return nil
		}
		targets = []*dyad.ActorRef{nil}
	}
	from := max(subjectEnd, m.trigger-4, sv.first)
	modality := sv.modality(from, m.trigger)
	if modality == "asserted" && doc.Tokens[m.trigger].UPOS == "NOUN" && sv.dueFor(sv.first, m.trigger) {
		// "Kim and Morimoto are due in Washington on Dec. 3 for
		// three-way talks": talks to come, however far the words.
		modality = "future"
	}
	negated := sv.negated(from, m.trigger)
	if doc.Parsed() {
		if mod := sv.treeModality(m.trigger); mod != "" {
			modality = mod
		}
		negated = negated || sv.treeNegated(m.trigger)
	}
	if m.spelledNegation {
		negated = false // "NOT *": the pattern's code already says it
	}
	if modality == "hypothetical" && m.pat.spellsModal() && !sv.conditional(m.trigger) {
		// A pattern that spells the modal makes it the event: "said he
		// can and may declare a state of emergency" is a threat
		// ("1324 =may|could|might declare ... state of emergency").
		modality = "asserted"
	}
	if (modality == "future" || modality == "intended") && len(code) >= 2 && !m.fromDict {
		// A dictionary's code is what its author chose ("will contribute"
		// is 071 to PETRARCH); dyad's own patterns turn a future or
		// intended act into CAMEO's intent codes.
		if ic, ok := derivedCode(intentCodes, code); ok {
			code = ic
		}
	}
	if !m.fromDict && doc.Parsed() && (modality == "intended" && sv.threatened(m.trigger) ||
		modality == "future" && (sv.conditional(m.trigger) || sv.ifClause(m.trigger))) {
		// "threatened to shut down the federal government", "threatens
		// to cut aid", "will destroy the economy of Turkey if it attacks
		// the Kurds": a non-violent hostile act threatened, or promised
		// on a condition, is CAMEO's threat of it (violent ones are
		// already 138).
		if tc, ok := derivedCode(threatCodes, code); ok {
			code, modality = tc, "asserted"
		}
	}
	if code == "174" && !m.fromDict && len(targets) == 1 && targets[0] != nil && diplomaticRef(doc, actorIdx, *targets[0]) {
		// CAMEO codes the expulsion of diplomats as reduced relations
		// (161), not as the expulsion of individuals (174).
		code = "161"
	}
	if code == "161" && !m.fromDict && len(targets) == 1 && targets[0] != nil && diplomaticRef(doc, actorIdx, *targets[0]) {
		// Relations are reduced with the diplomats' or the consulate's
		// country: "expelled four Russian diplomats" is against Russia.
		if country, ok := countryRef(doc, actorIdx, *targets[0]); ok {
			targets = []*dyad.ActorRef{&country}
		}
	}
	if violentRoot(m.pat.Code) && !m.fromDict && sv.figurative(m.start, m.end) {
		// "his political battles with Congress", "a legal fight", "a
		// verbal attack on the minister": the modifier says no force
		// was used; an attack in words is criticism.
		if !sv.spanHas(m.start, m.end, verbalAttacks) || len(targets) == 0 || targets[0] == nil {
			return nil
		}
		code = "111"
	}
	if violentRoot(m.pat.Code) && !m.fromDict && len(targets) > 0 && targets[0] != nil && politician(doc, actorIdx, sources[0]) &&
		sv.spanHas(m.start, m.end, rivalryWords) && provinceAt(doc, targets[0].Start) {
		// "Trump has captured Georgia, Alabama and Tennessee": a
		// politician wins states, no one seizes them.
		return nil
	}
	if violentRoot(m.pat.Code) && !m.fromDict && len(targets) > 0 && targets[0] != nil && politician(doc, actorIdx, *targets[0]) &&
		sv.spanHas(m.start, m.end, rivalryWords) && sv.spanHas(sv.first, sv.end, electionWords) {
		// "We're going to have to beat Donald Trump at the ballot box":
		// whoever says it, beating a politician in an election is no
		// act of force.
		return nil
	}
	if violentRoot(code) && !m.fromDict && len(targets) > 0 && targets[0] != nil &&
		political(doc, actorIdx, sources[0]) && political(doc, actorIdx, *targets[0]) {
		// Politicians fight each other with words and votes: "Harris
		// attacked Biden during the debates", "an assault on Mr. Bush"
		// are criticism (111), unless arms are named (not plain 180);
		// between politicians, parties and legislatures "Cruz's battle
		// with Trump", "beat Donald Trump", "raising money to fight Mr.
		// Trump", "the GOP blockade against his nominee" are no act of
		// force at all. Killing, abducting or punching keep their codes
		// (an assassination, a brawl in parliament).
		switch {
		case code == "180" && sv.spanHas(m.start, m.end, verbalAttacks):
			code = "111"
		case politician(doc, actorIdx, sources[0]) && politician(doc, actorIdx, *targets[0]) && sv.spanHas(m.start, m.end, rivalryWords):
			return nil
		}
	}
	if code == "140" && !m.fromDict && len(m.pat.elems) == 1 && !m.byAgent && politician(doc, actorIdx, sources[0]) &&
		(doc.Tokens[m.trigger].Lemma == "interrupt" || doc.Tokens[m.trigger].Lemma == "disrupt") {
		// "Trump interrupted far more often" (a debate), "disrupt and
		// dismantle the terrorist infrastructure": a politician who
		// interrupts or disrupts is no protester.
		return nil
	}
	info, ok := c.ont.Lookup(code)
	if !ok {
		// A user dictionary's own code (old dictionaries hold WEIS codes):
		// carried as written, with nothing CAMEO would add.
		info.Code = code
	}
	date, dateSource := eventDate(doc, sv.index)
	ev := dyad.Event{
		CAMEO: info.Code, CAMEOName: info.Name, Root: info.Root, QuadClass: info.QuadClass,
		Goldstein: info.Goldstein, PLOVER: info.PLOVER, Date: date, DateSource: dateSource,
		Location: eventPlace(sv, m.trigger), Negated: negated, Modality: modality,
		Sentence: sv.index,
		Evidence: dyad.Evidence{
			Text:    doc.Text(doc.Sentences[sv.index].Span),
			Trigger: snippet(doc, m.start, m.end),
			Pattern: m.pat.Source + " " + m.pat.Code + " " + m.pat.Text,
		},
	}
	var out []dyad.Event
	for _, s := range sources {
		if anonymousRef(doc, actorIdx, s) {
			if !m.fromDict {
				continue
			}
			if s = c.dictAnonymous(sv, s); s.Code == "" {
				continue
			}
		}
		for _, t := range targets {
			if t != nil && t.Code == s.Code && t.Actor == s.Actor {
				continue // an actor does not act on itself
			}
			if t != nil && anonymousRef(doc, actorIdx, *t) {
				if !m.fromDict {
					continue
				}
				a := c.dictAnonymous(sv, *t)
				if a.Code == "" {
					continue
				}
				t = &a
			}
			if t != nil && strings.HasPrefix(ev.CAMEO, "054") && !m.fromDict && !recognizable(doc, actorIdx, s, *t) {
				// "no other passenger recognized the Cabinet member",
				// "they were recognized by voters": diplomatic
				// recognition is a state's, of a state or a government.
				continue
			}
			if t != nil && homeVisit(ev.CAMEO) && len(t.Code) == 3 && strings.HasPrefix(s.Code, t.Code) {
				// "paid a visit to the U.S.-Mexico border": travel in
				// one's own country visits no one.
				continue
			}
			e := ev
			e.Source, e.Target = s, t
			out = append(out, e)
		}
	}
	return out
}

// nounPhraseAfter reports whether the phrase of the verb at trigger, after
// its words [trigger, end), holds a noun phrase that is no bare time.
func (sv *sentenceView) nounPhraseAfter(trigger, end int) bool {
	for _, k := range sv.phraseAfter(trigger, end) {
		t := sv.doc.Tokens[k]
		if nominal(t.UPOS) && t.Rel != "obl:unmarked" && t.Rel != "obl:tmod" && t.Rel != "nmod:tmod" && t.Rel != "nmod:unmarked" && t.Rel != "advmod" {
			return true
		}
	}
	return false
}

// actorsInSubject returns the first actor mention inside the phrase of the
// trigger's subject, with its conjuncts, when the subject itself is none.
func (sv *sentenceView) actorsInSubject(trigger int) []int {
	for _, c := range sv.doc.Dependents(trigger) {
		if sv.doc.Tokens[c].Rel != "nsubj" {
			continue
		}
		lo, hi := c, c
		for k := sv.first; k < sv.end; k++ {
			if sv.under(k, c) {
				lo, hi = min(lo, k), max(hi, k)
			}
		}
		for k := lo; k <= hi; k++ {
			if mi := sv.coveredBy(k); mi >= 0 && !anonymousActor(sv.doc.Actors[sv.doc.Mentions[mi].Actor]) {
				return sv.withConjuncts(mi, sv.headToken(sv.doc.Mentions[mi].Start, sv.doc.Mentions[mi].End))
			}
		}
	}
	return nil
}

// codedInPhrase returns, for a mention whose actor has no code, the first
// coded mention among the words of its noun phrase ("the primary official
// news agency WFNA": the official), as PETRARCH codes a noun phrase by the
// actors and agents in it; else mi.
func (sv *sentenceView) codedInPhrase(mi int) int {
	if sv.doc.Actors[sv.doc.Mentions[mi].Actor].Code != "" {
		return mi
	}
	toks := sv.doc.Tokens
	in := func(k int) bool {
		if k < sv.first || k >= sv.end {
			return false
		}
		u := toks[k].UPOS
		return u == "DET" || u == "ADJ" || u == "NOUN" || u == "PROPN" || u == "NUM"
	}
	a, b := sv.tokenAt(sv.doc.Mentions[mi].Start), sv.tokenAt(sv.doc.Mentions[mi].End-1)
	for in(a - 1) {
		a--
	}
	for in(b + 1) {
		b++
	}
	for k := a; k <= b; k++ {
		if o := sv.coveredBy(k); o >= 0 && o != mi && sv.doc.Actors[sv.doc.Mentions[o].Actor].Code != "" {
			return o
		}
	}
	return mi
}

// dictAnonymous returns r, an actor without a country, as a dictionary
// event codes it in PETRARCH's semantics: an agent alone ("a senior
// official") is "---" and its sector ("---GOV"); an actor the dictionaries
// do not code is "---", kept only when require_dyad is off, else dropped
// (an empty code).
func (c *Coder) dictAnonymous(sv *sentenceView, r dyad.ActorRef) dyad.ActorRef {
	if r.Code != "" {
		r.Code = "---" + r.Code
		return r
	}
	if c.opts.NewActorLength > 0 {
		if a, ok := sv.newActor(sv.headToken(r.Start, r.End), c.opts.NewActorLength); ok {
			return a
		}
	}
	if !c.opts.RequireDyad {
		r.Code = "---"
	}
	return r
}

// headToken returns the token of the text span [start, end) whose head lies
// outside it.
func (sv *sentenceView) headToken(start, end int) int {
	a, b := sv.tokenAt(start), sv.tokenAt(end-1)
	for k := a; k <= b; k++ {
		if h := sv.doc.Tokens[k].Head; h < a || h > b {
			return k
		}
	}
	return b
}

// newActor returns the noun phrase that token h heads as an actor of its
// own, as PETRARCH's new_actor_length makes one: coded with its words in
// capitals between double quotes ('"THE MINISTRY OF MAGIC"', without the
// preposition that introduces it, its punctuation, a possessive "'s" and
// the clauses on it), when it has at most n words.
func (sv *sentenceView) newActor(h, n int) (dyad.ActorRef, bool) {
	toks := sv.doc.Tokens
	var in []int
	var walk func(k int)
	walk = func(k int) {
		in = append(in, k)
		for _, c := range sv.doc.Dependents(k) {
			switch r := toks[c].Rel; {
			case r == "punct" || k == h && (r == "case" || r == "mark"):
			case clauses[r] || r == "appos" || r == "conj" || r == "cc" || r == "parataxis" || r == "dep":
			default:
				walk(c)
			}
		}
	}
	walk(h)
	slices.Sort(in)
	var words []string
	for _, k := range in {
		if w := toks[k].Text; startsWithLetter(w) {
			words = append(words, strings.ToUpper(w))
		}
	}
	if len(words) == 0 || len(words) > n {
		return dyad.ActorRef{}, false
	}
	first, last := toks[in[0]], toks[in[len(in)-1]]
	return dyad.ActorRef{Text: sv.doc.Article.Text[first.Start:last.End], Code: `"` + strings.Join(words, " ") + `"`,
		Start: first.Start, End: last.End}, true
}

// recognizable reports whether source s can grant target t diplomatic
// recognition: s is a country, a government or an international body, and t
// is no person.
func recognizable(doc *dyad.Document, actorIdx map[string]int, s, t dyad.ActorRef) bool {
	state := len(s.Code) == 3 || strings.HasSuffix(s.Code, "GOV") || strings.HasPrefix(s.Code, "IGO")
	a, ok := refActor(doc, actorIdx, t)
	return state && !(ok && a.Kind == "person")
}

// homeVisit reports whether code is a visit, a hosting or the intent to
// visit (042, 043, 036), which an actor cannot make to its own country.
func homeVisit(code string) bool { return code == "042" || code == "043" || code == "036" }

// refActor returns the actor an event's reference names, and false for an
// unknown one.
func refActor(doc *dyad.Document, actorIdx map[string]int, r dyad.ActorRef) (dyad.Actor, bool) {
	i, ok := actorIdx[r.Actor]
	if !ok {
		return dyad.Actor{}, false
	}
	return doc.Actors[i], true
}

// anonymousRef reports whether r names a known, anonymous actor (see
// anonymousActor).
func anonymousRef(doc *dyad.Document, actorIdx map[string]int, r dyad.ActorRef) bool {
	a, ok := refActor(doc, actorIdx, r)
	return ok && anonymousActor(a)
}

// political reports whether r names a person or a political body (a
// government, legislature, party, opposition or elite) but no armed one and
// no country.
func political(doc *dyad.Document, actorIdx map[string]int, r dyad.ActorRef) bool {
	a, ok := refActor(doc, actorIdx, r)
	code := r.Code
	if !ok || len(code) <= 3 {
		return false // unknown, a country, or a sector alone
	}
	for _, s := range []string{"MIL", "REB", "INS", "UAF", "COP", "SPY", "SEP"} {
		if strings.Contains(code[3:], s) {
			return false
		}
	}
	if a.Kind == "person" {
		return true
	}
	for _, s := range []string{"GOV", "LEG", "PTY", "OPP", "ELI"} {
		if strings.HasSuffix(code, s) {
			return true
		}
	}
	return false
}

// politician reports whether r is a politician, a party, a legislature or a
// government by the political test, not a crowd or opposition movement
// ("a Trump supporter punched a protester" is force).
func politician(doc *dyad.Document, actorIdx map[string]int, r dyad.ActorRef) bool {
	return political(doc, actorIdx, r) && !strings.HasSuffix(r.Code, "OPP") && !strings.HasSuffix(r.Code, "CVL")
}

// contentNext reports whether a clause of content follows token k ("demonstrated
// just how easily", "showed that"), whatever the parse made of it.
func (sv *sentenceView) contentNext(k int) bool {
	for j := k + 1; j < sv.end && j <= k+2; j++ {
		switch sv.lower(j) {
		case "how", "that", "what", "why", "whether":
			return true
		case "just", "exactly", "clearly":
			continue
		}
		return false
	}
	return false
}

// insistsAFact reports whether the clause that the verb k governs states a
// fact: its verb is no bare subjunctive ("include") and has no "should" or
// "must".
func (sv *sentenceView) insistsAFact(k int) bool {
	for _, c := range sv.doc.Dependents(k) {
		if sv.doc.Tokens[c].Rel != "ccomp" {
			continue
		}
		if sv.hasMarker(c, "aux", func(w string) bool { return w == "should" || w == "must" || w == "shall" }) {
			return false
		}
		t := sv.doc.Tokens[c]
		return !(t.XPOS == "VB" && !sv.hasRel(c, "aux"))
	}
	return false
}

// indirectQuestion reports whether a question word ("if", "whether",
// "why" ...) follows the trigger up to and including token end.
func (sv *sentenceView) indirectQuestion(trigger, end int) bool {
	for k := trigger + 1; k <= end && k < sv.end; k++ {
		if questionWords[sv.lower(k)] && sv.doc.Tokens[k-1].Text != "," {
			return true // (not "asked Carrie Lam, who is supported by Beijing, to resign")
		}
	}
	for _, k := range sv.doc.Dependents(trigger) {
		if t := sv.doc.Tokens[k]; t.Rel == "obj" && t.Lemma == "question" {
			return true // "tried to ask Trump a question"
		}
	}
	return false
}

var questionWords = wordSet("if whether why what how when who which")

// spanHas reports whether a token from..to-1 has its lemma in words.
func (sv *sentenceView) spanHas(from, to int, words map[string]bool) bool {
	for k := from; k < to; k++ {
		if words[sv.doc.Tokens[k].Lemma] {
			return true
		}
	}
	return false
}

// figurative reports whether a noun among tokens from..to-1 has a modifier
// that makes force a figure of speech ("political battles", "a legal
// fight", "verbal attacks").
func (sv *sentenceView) figurative(from, to int) bool {
	for k := from; k < to; k++ {
		if sv.doc.Tokens[k].UPOS != "NOUN" {
			continue
		}
		for _, c := range sv.doc.Dependents(k) {
			if t := sv.doc.Tokens[c]; (t.Rel == "amod" || t.Rel == "compound") && figurativeModifiers[t.Lemma] {
				return true
			}
		}
	}
	return false
}

// figurativeModifiers turn a word of force into one of politics, law or
// speech.
var figurativeModifiers = wordSet(`political partisan legal electoral verbal rhetorical ideological
	legislative budget courtroom court procedural messaging ad advertising media public-relations pr`)

// verbalAttacks name force that, between politicians, is criticism;
// rivalryWords name force that, between politicians or in a sentence with
// one of electionWords, is an election or a political struggle.
var (
	verbalAttacks = wordSet("attack assault onslaught broadside offensive counteroffensive")
	electionWords = wordSet("ballot election primary poll vote race caucus nomination campaign")
	rivalryWords  = wordSet("beat fight battle capture blockade besiege ambush target destroy crush defeat use")
)

// provinceAt reports whether the places layer found a province or a city
// starting at offset.
func provinceAt(doc *dyad.Document, offset int) bool {
	for _, p := range doc.Places {
		if p.Kind != "province" && p.Kind != "city" && p.Kind != "region" {
			continue
		}
		for _, m := range p.Mentions {
			if m.Start == offset {
				return true
			}
		}
	}
	return false
}

// diplomaticRef reports whether r names an actor in a diplomatic role: an
// ambassador, envoy or diplomat, an embassy or consulate.
func diplomaticRef(doc *dyad.Document, actorIdx map[string]int, r dyad.ActorRef) bool {
	a, ok := refActor(doc, actorIdx, r)
	return ok && diplomaticRoles[a.Role]
}

var diplomaticRoles = wordSet("ambassador envoy diplomat embassy consulate")

// countryRef returns r as its actor's country, when the story names that
// country as an actor: "four Russian diplomats" as Russia, in its words.
func countryRef(doc *dyad.Document, actorIdx map[string]int, r dyad.ActorRef) (dyad.ActorRef, bool) {
	a, ok := refActor(doc, actorIdx, r)
	if !ok || a.Country == "" {
		return dyad.ActorRef{}, false
	}
	c, ok := countryActor(doc, a.Country)
	if !ok {
		return dyad.ActorRef{}, false
	}
	return dyad.ActorRef{Actor: c.ID, Text: r.Text, Code: c.Code, Start: r.Start, End: r.End}, true
}

// countryActor returns the story's actor for the country iso3 itself (no
// sector), if it names one.
func countryActor(doc *dyad.Document, iso3 string) (dyad.Actor, bool) {
	for _, c := range doc.Actors {
		if c.Kind == "country" && c.Country == iso3 && c.Sector == "" {
			return c, true
		}
	}
	return dyad.Actor{}, false
}

func snippet(doc *dyad.Document, from, to int) dyad.Snippet {
	s, e := doc.Tokens[from].Start, doc.Tokens[to-1].End
	return dyad.Snippet{Text: doc.Article.Text[s:e], Start: s, End: e}
}

// refs returns the actors mention mi names: one, or several for a plural
// pronoun or description ("they", "the two allies") or a compound
// dictionary code ("FRO/BIL/SAM"), each an event's own source or target.
func (sv *sentenceView) refs(mi int) []dyad.ActorRef {
	m := sv.doc.Mentions[mi]
	var out []dyad.ActorRef
	for _, ai := range append([]int{m.Actor}, m.Also...) {
		a := sv.doc.Actors[ai]
		// A dictionary's compound code ("THE_SHIRE [FRO/BIL/SAM]")
		// stands for several actors, each an event's own.
		for _, code := range strings.Split(a.Code, "/") {
			out = append(out, dyad.ActorRef{Actor: a.ID, Text: m.Text, Code: code, Start: m.Start, End: m.End})
		}
	}
	return out
}

// sameActor reports whether mention mi names one of the sources, or, when
// it only modifies the act noun (mod), the country of one: "Al-Qaeda" in
// "an Al-Qaeda suicide attack" is the attacker, "military" in "Turkey
// began a military offensive" is Turkey's own.
func (sv *sentenceView) sameActor(mi int, sources []dyad.ActorRef, mod bool) bool {
	for _, r := range sv.refs(mi) {
		for _, s := range sources {
			if r.Actor == s.Actor || mod && len(r.Code) >= 3 && len(s.Code) >= 3 && r.Code[:3] == s.Code[:3] {
				return true
			}
		}
	}
	return false
}

// possessiveBefore reports whether the word before the trigger is a
// possessive "'s", whose owner subject takes as the agent.
func (sv *sentenceView) possessiveBefore(trigger int) bool {
	k := trigger - 1
	return k > sv.first && (sv.lower(k) == "'s" || sv.lower(k) == "’s")
}

// nominalOwner returns the doer of a nominal match: a mention that
// modifies one of its nouns (compound, adjective or possessor: "an
// Al-Qaeda suicide attack", "its impeachment inquiry"), else the subject of
// a verb of doing whose object the noun is ("Al-Qaeda orchestrated the
// attacks on X"); nil when the tree names neither.
func (sv *sentenceView) nominalOwner(m match) []int {
	toks := sv.doc.Tokens
	for k := m.start; k < m.end; k++ {
		if toks[k].UPOS != "NOUN" {
			continue
		}
		for _, c := range sv.doc.Dependents(k) {
			switch toks[c].Rel {
			case "compound", "amod", "nmod:poss":
				if mi := sv.coveredBy(c); mi >= 0 {
					if sv.coveredBy(k) == mi {
						// "the bombing of the Iraqi embassy": the noun is
						// the actor's own, the act's patient.
						continue
					}
					if toks[c].Rel == "compound" && sv.doc.Mentions[mi].Kind == "capital" && violentRoot(m.pat.Code) {
						// "the Paris terror attacks", "the Brussels
						// bombings": a city before an act of violence
						// is where it happened, not who did it.
						continue
					}
					return []int{mi}
				}
			}
		}
		if h := toks[k].Head; h >= 0 && toks[k].Rel == "obj" && doVerbs[toks[h].Lemma] {
			if group, _, ok := sv.treeSubject(h); ok {
				return group
			}
		}
		if h := toks[k].Head; h >= 0 && (toks[k].Rel == "obl" || toks[k].Rel == "nmod") && toks[h].UPOS == "VERB" &&
			strings.HasPrefix(m.pat.Code, "04") {
			// "announced it after a phone call with X", "flew to Y for
			// talks with X": the one who talked is the verb's subject.
			if group, _, ok := sv.treeSubject(h); ok {
				return group
			}
		}
	}
	return nil
}

// accusation returns the accusation (112) that verb v of claiming or
// believing makes of the hostile act m it holds: v's subject accuses the
// act's doers; false when m is no hostile act with a doer of its own.
func (sv *sentenceView) accusation(m match, v int) (match, bool) {
	if !hostileRoot(m.pat.Code) || m.pat.judgment || m.reversed || len(m.sources) > 0 {
		return m, false
	}
	doers, passive, ok := sv.treeSubject(m.trigger)
	if !ok || passive || len(doers) == 0 {
		return m, false
	}
	claim := m
	claim.trigger, claim.start, claim.code, claim.targets, claim.byAgent, claim.role, claim.act = v, v, "112", doers, false, 0, 0
	return claim, true
}

// hostileRoot reports whether code is a hostile act, from threats to mass
// violence (CAMEO 13 to 20).
func hostileRoot(code string) bool { return code >= "13" && code < "21" }

// violentRoot reports whether code is an assault, a fight or mass violence
// (CAMEO 18, 19, 20).
func violentRoot(code string) bool {
	return strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19") || strings.HasPrefix(code, "20")
}

// doVerbs take an event noun for object and make their subject its doer.
var doVerbs = wordSet(`carry launch stage conduct mount orchestrate perpetrate commit hold make pay begin
	start continue resume intensify escalate step unleash wage execute`)

// subject returns the actor group nearest before the trigger that is not the
// object of a preposition, and the token index after it (sv.first if none).
func (sv *sentenceView) subject(trigger int) ([]int, int) {
	// A possessive right before the trigger is its agent: "Russia's invasion of".
	if sv.possessiveBefore(trigger) {
		if mi := sv.coveredBy(trigger - 2); mi >= 0 {
			return sv.coordinated(mi, -1), trigger
		}
	}
	for i := len(sv.mentions) - 1; i >= 0; i-- {
		mi := sv.mentions[i]
		end := sv.mentionEnd(mi)
		if end > trigger {
			continue
		}
		if sv.clauseBreak(end, trigger) {
			break
		}
		group := sv.coordinated(mi, -1)
		start := sv.tokenAt(sv.doc.Mentions[group[0]].Start)
		end = sv.mentionEnd(group[len(group)-1])
		if sv.objectOfPreposition(start) && !sv.clauseSubject(start, end) {
			continue
		}
		return group, end
	}
	return nil, sv.first
}

// wordBefore returns the word before token k, looking past a "the", in
// lower case; "" at the start of the sentence.
func (sv *sentenceView) wordBefore(k int) string {
	k--
	if k >= sv.first && sv.lower(k) == "the" {
		k--
	}
	if k < sv.first {
		return ""
	}
	return sv.lower(k)
}

// objectOfPreposition reports whether the mention starting at token k follows
// a preposition, directly or after "the".
func (sv *sentenceView) objectOfPreposition(k int) bool {
	if w := sv.wordBefore(k); possessivePronouns[w] && k-1 > sv.first {
		// "Acting via his lawyers, Zhukovskyy pleaded": past "his"
		// ("both of his senators" are the subject all the same).
		p := sv.wordBefore(k - 1)
		return p != "of" && prepositions[p]
	}
	return prepositions[sv.wordBefore(k)]
}

// clauseSubject reports whether the mention at tokens [start, end) after
// "after", "before", "since" or "until" is the subject of the clause they
// open ("weeks after the United States threatened to ..."): a verb follows
// it.
func (sv *sentenceView) clauseSubject(start, end int) bool {
	if !clauseOpeners[sv.wordBefore(start)] || end >= sv.end {
		return false
	}
	u := sv.doc.Tokens[end].UPOS
	return u == "VERB" || u == "AUX"
}

// clauseOpeners are prepositions that also open a clause.
var clauseOpeners = wordSet("after before since until")

// subordinators open a clause whose subject follows them.
var subordinators = wordSet("as because while although though whereas when whenever")

// clauseBreak reports whether tokens [from, to) hold a semicolon, a colon, a
// quotation mark or a subordinating conjunction, which separate a candidate
// subject from the verb's clause.
func (sv *sentenceView) clauseBreak(from, to int) bool {
	for k := from; k < to; k++ {
		t := sv.doc.Tokens[k]
		if t.Text == ";" || t.Text == ":" || t.Kind == dyad.QuoteMark || subordinators[sv.lower(k)] {
			return true
		}
	}
	return false
}

// isPassive reports whether the trigger is a participle after a form of "be".
func (sv *sentenceView) isPassive(trigger int) bool {
	w := sv.lower(trigger)
	if !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "en") && !irregularParticiple(w) {
		return false
	}
	for k := trigger - 1; k >= sv.first && k >= trigger-3; k-- {
		if beForms[sv.lower(k)] {
			return true
		}
		if !strings.HasSuffix(sv.lower(k), "ly") && !negations[sv.lower(k)] {
			return false
		}
	}
	return false
}

func irregularParticiple(w string) bool {
	for _, f := range irregular {
		if f[1] == w {
			return true
		}
	}
	return false
}

func (sv *sentenceView) negated(from, trigger int) bool {
	for k := from; k < trigger; k++ {
		w := sv.lower(k)
		if negations[w] && !(w == "not" && sv.lower(k+1) == "only") || w == "no" && k+1 < trigger && sv.lower(k+1) == "longer" {
			return true
		}
	}
	return false
}

// modality reads the words between the subject and the trigger, and the
// sentence's opening words for a conditional.
func (sv *sentenceView) modality(from, trigger int) string {
	mod := "asserted"
	for k := from; k < trigger; k++ {
		if m, ok := modalWords[sv.lower(k)]; ok && !sv.inAside(k, trigger) {
			if m == "future" && sv.lower(k) == "set" && (k+1 >= trigger || sv.lower(k+1) != "to") {
				continue
			}
			mod = m
		}
	}
	if mod == "asserted" && sv.conditional(trigger) {
		return "hypothetical"
	}
	if mod == "asserted" {
		// "was said to have fired on the convoy": reported, not asserted.
		for v, hops := trigger, 0; v >= 0 && hops < 4 && sv.doc.Tokens[v].Rel == "xcomp"; hops++ {
			v = sv.doc.Tokens[v].Head
			if reportRaising[sv.doc.Tokens[v].Lemma] && sv.raisedBy(trigger, v) {
				return "reported"
			}
		}
	}
	return mod
}

// inAside reports whether token k lies in a relative clause, apposition or
// parenthetical that does not hold the trigger ("Westmacott, who will retire
// soon, praised Obama": the praise is no future act).
func (sv *sentenceView) inAside(k, trigger int) bool {
	// ", who ... ," before the trigger, however the parser hung it.
	for j := k - 1; j > sv.first; j-- {
		if w := sv.lower(j); relativePronouns[w] && sv.lower(j-1) == "," {
			for c := k + 1; c < trigger; c++ {
				if sv.lower(c) == "," {
					return true
				}
			}
			break
		} else if w == "," {
			break
		}
	}
	if !sv.doc.Parsed() {
		return false
	}
	toks := sv.doc.Tokens
	for h, hops := k, 0; h >= 0 && hops < 12; h, hops = toks[h].Head, hops+1 {
		if h == trigger {
			return false
		}
		switch toks[h].Rel {
		case "acl:relcl", "appos", "parataxis":
			return !sv.under(trigger, h)
		}
	}
	return false
}

// dueFor reports whether "be due" comes between from and the nominal
// trigger, with "for" right before the trigger's phrase and no clause break
// between (the phrase may open with a few modifiers): "are due in
// Washington on Dec. 3 for three-way talks".
func (sv *sentenceView) dueFor(from, trigger int) bool {
	due := false
	for k := from; k < trigger; k++ {
		w := sv.lower(k)
		switch {
		case w == "due" && k > sv.first && beForms[sv.lower(k-1)]:
			due = true
		case w == ";" || w == ":" || subordinators[w]:
			due = false
		case w == "for" && due && k >= trigger-5:
			return true
		}
	}
	return false
}

// conditionSubject returns the actor mention that is the subject of an
// "if" or "unless" clause after the trigger, hung on the trigger's clause
// or a clause under it; -1 if none.
func (sv *sentenceView) conditionSubject(trigger int) int {
	toks := sv.doc.Tokens
	for k := trigger + 1; k < sv.end; k++ {
		if w := sv.lower(k); (w != "if" && w != "unless") || toks[k].Rel != "mark" {
			continue
		}
		h := toks[k].Head
		if h < 0 || !sv.under(h, trigger) {
			continue
		}
		for _, c := range sv.doc.Dependents(h) {
			if toks[c].Rel == "nsubj" {
				return sv.mentionOfSubtree(c)
			}
		}
	}
	return -1
}

// inClause reports whether token k lies in the clause headed by top, not
// inside a relative clause on one of its nouns ("whether the audience will
// react to a candidate who has called for X": the call is asserted).
func (sv *sentenceView) inClause(k, top int) bool {
	return sv.reaches(k, top, func(t dyad.Token) bool { return t.Rel == "acl:relcl" || t.Rel == "acl" })
}

// under reports whether token k lies in the subtree of token top.
func (sv *sentenceView) under(k, top int) bool { return sv.reaches(k, top, nil) }

// reaches reports whether top is token k or one of its heads, climbing at
// most twelve steps and never up from a token that stop accepts.
func (sv *sentenceView) reaches(k, top int, stop func(dyad.Token) bool) bool {
	for hops := 0; k >= 0 && hops < 12; hops++ {
		if k == top {
			return true
		}
		if stop != nil && stop(sv.doc.Tokens[k]) {
			return false
		}
		k = sv.doc.Tokens[k].Head
	}
	return false
}

// conditional reports whether "if" or "unless" opens the sentence before
// the trigger.
func (sv *sentenceView) conditional(trigger int) bool {
	for k := sv.first; k < trigger; k++ {
		if w := sv.lower(k); w == "if" || w == "unless" {
			return true
		}
		// "would not say whether he supported Court packing": what a
		// "whether" clause holds is in question.
		if sv.lower(k) == "whether" && sv.doc.Parsed() && sv.inClause(trigger, sv.doc.Tokens[k].Head) {
			return true
		}
	}
	return false
}

// firstPersonSubject reports whether the trigger's subject, by the tree, is
// "I" or "we" that the actor layer left unresolved.
func (sv *sentenceView) firstPersonSubject(trigger int) bool {
	for _, k := range sv.doc.Dependents(trigger) {
		if r := sv.doc.Tokens[k].Rel; (r == "nsubj" || r == "nsubj:pass") && (sv.lower(k) == "i" || sv.lower(k) == "we") && sv.coveredBy(k) < 0 {
			return true
		}
	}
	return false
}

// afterIf reports whether offset lies after an "if" or "unless" that
// comes before the trigger in its sentence.
func (sv *sentenceView) afterIf(offset, trigger int) bool {
	for k := sv.first; k < trigger; k++ {
		if w := sv.lower(k); (w == "if" || w == "unless") && sv.doc.Tokens[k].Start < offset {
			return true
		}
	}
	return false
}

// ifClause reports whether the trigger's clause has a condition after it:
// an adverbial clause marked "if" or "unless" ("will destroy the economy
// of Turkey if it attacks the Kurds").
func (sv *sentenceView) ifClause(trigger int) bool {
	for _, c := range sv.doc.Dependents(trigger) {
		if sv.doc.Tokens[c].Rel == "advcl" && (sv.hasMark(c, "if") || sv.hasMark(c, "unless")) {
			return true
		}
	}
	return false
}

// speakerSource returns the speaker of the direct quote holding offset as the
// source, when the quote's own subject is missing or a first-person pronoun.
func (c *Coder) speakerSource(doc *dyad.Document, offset int, subjects []int, actorIdx map[string]int) (dyad.ActorRef, bool) {
	if q := speakerQuote(doc, offset); q != nil {
		if len(subjects) > 0 && doc.Mentions[subjects[0]].Start >= q.Start && !firstPerson[strings.ToLower(doc.Mentions[subjects[0]].Text)] {
			return dyad.ActorRef{}, false
		}
		// A speaker without a code ("Saree said") leaves the quote's own
		// subject, if any, as the source.
		return speakerRef(doc, q, actorIdx)
	}
	return dyad.ActorRef{}, false
}

// speakerRef returns quote q's speaker as an event's actor, unless the
// speaker has no code.
func speakerRef(doc *dyad.Document, q *dyad.Quote, actorIdx map[string]int) (dyad.ActorRef, bool) {
	a := doc.Actors[actorIdx[q.Speaker.Actor]]
	if anonymousActor(a) {
		return dyad.ActorRef{}, false
	}
	return dyad.ActorRef{Actor: a.ID, Text: q.Speaker.Text, Code: a.Code, Start: q.Speaker.Start, End: q.Speaker.End}, true
}

// judges returns who says the judgment m: the subject of the verb of saying
// whose clause holds it ("Protesters said the government was corrupt";
// "'Court says prorogation was unlawful,' he tweeted" is the court's), else
// the speaker of the direct quote around it. A judgment on a predicate word
// needs its copula ("they are reckless"), not the word as a name's
// modifier.
func (sv *sentenceView) judges(m match, actorIdx map[string]int) []dyad.ActorRef {
	doc := sv.doc
	if !doc.Parsed() {
		return nil
	}
	if u := doc.Tokens[m.trigger].UPOS; (u == "ADJ" || u == "NOUN") && !sv.hasRel(m.trigger, "cop") {
		return nil
	}
	for k, hops := m.trigger, 0; hops < 4 && doc.Tokens[k].Head >= 0; hops++ {
		if group, saying := sv.sayer(k); saying {
			var out []dyad.ActorRef
			for _, mi := range group {
				out = append(out, sv.refs(mi)...)
			}
			return out
		}
		if r := doc.Tokens[k].Rel; r != "conj" && r != "xcomp" {
			break
		}
		k = doc.Tokens[k].Head
	}
	if q := speakerQuote(doc, doc.Tokens[m.trigger].Start); q != nil {
		if r, ok := speakerRef(doc, q, actorIdx); ok {
			return []dyad.ActorRef{r}
		}
	}
	return nil
}

// judged returns the mentions a judgment is about: its subject by the tree,
// else the owner of the act or thing that is its subject ("the behavior of
// my colleagues is anti-democratic"). Word order does not stand in for the
// tree here, nor does "it", "this" or "that", too loose for a judgment.
func (sv *sentenceView) judged(trigger int) []int {
	if !sv.doc.Parsed() {
		return nil
	}
	if group, passive, ok := sv.treeSubject(trigger); ok && !passive && len(group) > 0 {
		return slices.DeleteFunc(group, func(mi int) bool { return vagueSubjects[strings.ToLower(sv.doc.Mentions[mi].Text)] })
	}
	for _, k := range sv.doc.Dependents(trigger) {
		if sv.doc.Tokens[k].Rel == "nsubj" && sv.doc.Tokens[k].UPOS == "NOUN" {
			if mi, _ := sv.ownerOf(k); mi >= 0 {
				return []int{mi}
			}
		}
	}
	return nil
}

// judgedAct returns the act noun that is the subject of a judgment with a
// definite determiner and no owner ("These sanctions are illegal"), whose
// doer the story gives as for '@', else 0.
func (sv *sentenceView) judgedAct(trigger int) int {
	for _, k := range sv.doc.Dependents(trigger) {
		if sv.doc.Tokens[k].Rel == "nsubj" && sv.definiteNoun(k).kind == "+" {
			return k
		}
	}
	return 0
}

// vagueSubjects are pronouns that name a thing as often as an actor.
var vagueSubjects = wordSet("it this that")

// speakerQuote returns the direct quote holding offset whose speaker is an
// actor, or nil.
func speakerQuote(doc *dyad.Document, offset int) *dyad.Quote {
	for i, q := range doc.Quotes {
		if q.Kind == "direct" && offset >= q.Start && offset < q.End && q.Speaker != nil && q.Speaker.Actor != "" {
			return &doc.Quotes[i]
		}
	}
	return nil
}

// indefinite are the articles that open the name one calls something.
var indefinite = wordSet("a an")

// firstPerson are the pronouns by which a quote's speaker names itself.
var firstPerson = wordSet("i we me us my our")

// eventDate returns the first day named in sentence si, else the dateline's
// date, else the article's.
func eventDate(doc *dyad.Document, si int) (string, string) {
	for _, d := range doc.Dates {
		if d.Sentence == si && d.Granularity == "day" {
			return d.Value, "text"
		}
	}
	if dl := doc.Article.Dateline; dl != nil && dl.Date != "" {
		return dl.Date, "dateline"
	}
	if !doc.Article.Date.IsZero() {
		return doc.Article.Date.Format(dyad.DateLayout), "article"
	}
	return "", ""
}

// eventPlace returns the place named after a locative preposition in the
// sentence nearest to the trigger, else the dateline's place.
func eventPlace(sv *sentenceView, trigger int) *dyad.PlaceRef {
	doc := sv.doc
	var best, dateline *dyad.PlaceRef
	bestDist := 0
	for _, p := range doc.Places {
		for _, m := range p.Mentions {
			if m.Sentence < 0 && dateline == nil {
				dateline = &dyad.PlaceRef{Place: p.ID, Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon, Reason: "dateline"}
			}
			if m.Sentence != sv.index {
				continue
			}
			k := sv.tokenAt(m.Start) - 1
			if k < sv.first || !locatives[sv.lower(k)] || sv.placeElsewhere(sv.tokenAt(m.Start), trigger) {
				continue
			}
			dist := k - trigger
			if dist < 0 {
				dist = 2 * -dist // places after the verb are likelier its own
			}
			if best == nil || dist < bestDist {
				best = &dyad.PlaceRef{Place: p.ID, Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon,
					Reason: fmt.Sprintf("%q in the event's sentence", doc.Tokens[k].Text+" "+m.Text)}
				bestDist = dist
			}
		}
	}
	if best != nil {
		return best
	}
	return dateline
}

// placeElsewhere reports whether the place at token k, by the parse,
// belongs to another clause than the trigger's ("met X, and they discussed
// the war in Ukraine") or locates a noun outside the trigger's phrase: it is
// not the event's place. A place in the trigger's phrase, at any depth with
// no clause in between, is ("killed soldiers in an attack on a post in
// Kashmir", "talks in Geneva"), and so is one that modifies the clause
// above the trigger ("due in Washington for talks").
func (sv *sentenceView) placeElsewhere(k, trigger int) bool {
	if !sv.doc.Parsed() {
		return false
	}
	toks := sv.doc.Tokens
	h := k
	for { // the head word of a flat or compound name
		if r := toks[h].Rel; r != "flat" && r != "compound" && r != "flat:name" || toks[h].Head < 0 {
			break
		}
		h = toks[h].Head
	}
	crossed := false
	for j, hops := toks[h].Head, 0; j >= 0 && hops < 32; hops++ {
		if j == trigger {
			return crossed
		}
		if clauses[toks[j].Rel] {
			crossed = true
		}
		j = toks[j].Head
	}
	// The trigger is not above the place: a place of a noun is that noun's.
	if toks[h].Rel != "nmod" || toks[h].Head < 0 {
		return false
	}
	switch toks[toks[h].Head].UPOS {
	case "NOUN", "PROPN", "PRON":
		return true
	}
	return false
}

// clauses are the relations that open a clause of its own.
var clauses = map[string]bool{"ccomp": true, "xcomp": true, "advcl": true, "acl": true, "acl:relcl": true,
	"csubj": true, "conj": true, "parataxis": true}

// dedupe keeps, among events with the same trigger, source and target, the
// one from the longest pattern, then drops repeats of the same event (source,
// target, code) in one sentence.
func dedupe(evs []dyad.Event) []dyad.Event {
	type pairKey struct {
		trigger        int
		source, target string
	}
	type eventKey struct {
		sentence             int
		source, target, code string
	}
	byTrigger := map[pairKey]int{}
	var longest []dyad.Event
	for _, e := range evs {
		pk := pairKey{e.Evidence.Trigger.Start, refID(e.Source), targetID(e)}
		if i, ok := byTrigger[pk]; ok {
			if e.Evidence.Trigger.End > longest[i].Evidence.Trigger.End {
				longest[i] = e
			}
			continue
		}
		byTrigger[pk] = len(longest)
		longest = append(longest, e)
	}
	// A match inside a longer one for the same actors (or without a
	// target) is part of it when it has the same root or is not asserted:
	// "talks with" inside "held
	// talks with", "impose tariffs" inside "threatened to impose tariffs"
	// (but "carried out the attack" inside "said it had carried out the
	// attack" is an attack of its own beside the claim).
	longest = dropSubsumed(longest, func(e, o dyad.Event) bool {
		return (targetID(o) == targetID(e) || e.Target == nil) && (o.Root == e.Root || e.Modality != "asserted") &&
			o.Evidence.Trigger.End-o.Evidence.Trigger.Start > e.Evidence.Trigger.End-e.Evidence.Trigger.Start &&
			o.Evidence.Trigger.Start <= e.Evidence.Trigger.Start && e.Evidence.Trigger.End <= o.Evidence.Trigger.End
	})
	// An event without a target gives way to one with a target on the
	// same trigger for the same source: the longer reading of the clause.
	longest = dropSubsumed(longest, func(e, o dyad.Event) bool {
		return e.Target == nil && o.Target != nil && o.Evidence.Trigger.Start == e.Evidence.Trigger.Start
	})
	// Nor does an event without a target add anything to one with the
	// same code and a target by the same source in the sentence:
	// "threatened to launch a new military operation in northern Syria"
	// is one threat against Syria.
	longest = dropSubsumed(longest, func(e, o dyad.Event) bool {
		return e.Target == nil && o.Target != nil && o.CAMEO == e.CAMEO
	})
	// A bare root code without a target ("called for", 020) adds nothing
	// to a more specific event of the same root by the same source in the
	// sentence: "urged restraint and called for a return to the truce" is
	// one appeal.
	longest = dropSubsumed(longest, func(e, o dyad.Event) bool {
		return e.Target == nil && len(e.CAMEO) == 3 && e.CAMEO[2] == '0' && o.Root == e.Root && o.CAMEO != e.CAMEO
	})
	// A country target is subsumed by a more specific one of the same
	// country for the same source and code in the sentence: "visit Japan,
	// where he will meet Prime Minister Sakamoto" is one meeting with JPNGOV.
	longest = dropSubsumed(longest, func(e, o dyad.Event) bool {
		return e.Target != nil && o.Target != nil && o.CAMEO == e.CAMEO && len(o.Target.Code) > len(e.Target.Code) &&
			len(e.Target.Code) == 3 && strings.HasPrefix(o.Target.Code, e.Target.Code)
	})
	seen := map[eventKey]bool{}
	var out []dyad.Event
	for _, e := range longest {
		k := eventKey{e.Sentence, refID(e.Source), targetID(e), e.CAMEO}
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b dyad.Event) int {
		if a.Sentence != b.Sentence {
			return a.Sentence - b.Sentence
		}
		return a.Evidence.Trigger.Start - b.Evidence.Trigger.Start
	})
	return out
}

// dropSubsumed removes from evs each event e that another event o of the
// same sentence and source subsumes, as subsumes(e, o) says.
func dropSubsumed(evs []dyad.Event, subsumes func(e, o dyad.Event) bool) []dyad.Event {
	return slices.DeleteFunc(slices.Clone(evs), func(e dyad.Event) bool {
		return slices.ContainsFunc(evs, func(o dyad.Event) bool {
			return o.Sentence == e.Sentence && refID(o.Source) == refID(e.Source) && subsumes(e, o)
		})
	})
}

func targetID(e dyad.Event) string {
	if e.Target == nil {
		return ""
	}
	return refID(*e.Target)
}

// refID identifies an event's actor: the actor, and its part of a compound
// code.
func refID(r dyad.ActorRef) string { return r.Actor + " " + r.Code }

// anonymousActor reports whether a has no code (a person only the
// recognizer found) or is a role that belongs to no country or organization
// ("officials", "a party", "Foreign Minister X" of an unknown country): its
// code is only a sector, too vague to code an event on, and the commonest
// source of over-generation.
func anonymousActor(a dyad.Actor) bool {
	return a.Code == "" || a.Sector != "" && a.Code == a.Sector
}

// mergeMentions merges the events of an article that report the same event
// (same source, target, code, negation and modality, and the same date, or
// a date that only one of them reads from its own sentence) in different
// sentences into the first report, the others kept as its Mentions.
func mergeMentions(evs []dyad.Event) []dyad.Event {
	type key struct {
		source, target, code, modality string
		negated                        bool
	}
	same := map[key][]int{}
	var out []dyad.Event
	for _, e := range evs {
		k := key{e.Source.Code, "", e.CAMEO, e.Modality, e.Negated}
		if e.Target != nil {
			k.target = e.Target.Code
		}
		merged := false
		for _, i := range same[k] {
			if o := &out[i]; o.Date == e.Date || o.DateSource != "text" || e.DateSource != "text" {
				o.Mentions = append(o.Mentions, dyad.EventMention{Sentence: e.Sentence, Evidence: e.Evidence})
				if o.DateSource != "text" && e.DateSource == "text" {
					o.Date, o.DateSource = e.Date, e.DateSource // the day the text names
				}
				merged = true
				break
			}
		}
		if !merged {
			same[k] = append(same[k], len(out))
			out = append(out, e)
		}
	}
	return out
}
