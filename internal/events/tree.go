package events

import (
	"slices"
	"strings"

	"github.com/dyadproject/dyad"
)

// The dependency tree, when the language layer gave one, decides who acts:
// the subject of the trigger, or of the verb that controls it ("agreed to
// visit"), or the possessor of a nominal trigger ("Russia's invasion"); the
// agent of a passive ("by X"); negation and modality from the trigger's own
// dependents. The word-order rules in build.go remain as the fallback for
// sentences the tree does not settle.

// asideMarks open a clause set off from the words before it.
var asideMarks = wordSet(", - – —")

// intentVerbs head an infinitive that a source intends rather than does.
var intentVerbs = wordSet(`plan intend agree vow pledge promise want seek decide threaten prepare aim
	hope offer propose try attempt commit`)

// intentNouns name an intent whose infinitive is an act still to come.
var intentNouns = wordSet("plan intention intent commitment pledge promise vow determination resolve readiness willingness decision bid")

// tastes are the verbs whose gerund or infinitive is what one likes doing,
// not something done.
var tastes = wordSet("like love enjoy hate dislike relish")

// arrangeVerbs have for object an event still to come ("arrange a meeting",
// "schedule talks").
var arrangeVerbs = wordSet("arrange schedule organize organise")

// futureVerbs head an infinitive that is expected to happen.
var futureVerbs = wordSet("expect schedule set due")

// treeSubject returns the mentions of the trigger's subject and whether the
// subject is passive, following control and coordination upwards.
func (sv *sentenceView) treeSubject(trigger int) (group []int, passive, ok bool) {
	doc := sv.doc
	for v, hops := trigger, 0; v >= 0 && hops < 4; hops++ {
		for _, k := range doc.Dependents(v) {
			switch doc.Tokens[k].Rel {
			case "nsubj", "nsubj:pass", "nmod:poss":
				if relativePronouns[sv.lower(k)] && doc.Tokens[v].Rel == "acl:relcl" && doc.Tokens[v].Head >= 0 {
					// "a measure that bans X": the antecedent is the
					// subject, and if it is no actor the clause has none.
					// After a comma or a dash, the actor that ends the
					// antecedent's phrase is the one meant ("an offensive
					// by Turkey or the Nusra Front - which had aligned
					// itself with Al Qaeda").
					if h := doc.Tokens[v].Head; k-2 >= sv.first && h <= k-2 && asideMarks[doc.Tokens[k-1].Text] && doc.Tokens[h].UPOS == "NOUN" && sv.coveredBy(h) < 0 {
						if mi := sv.coveredBy(k - 2); mi >= 0 {
							return []int{mi}, doc.Tokens[k].Rel == "nsubj:pass", true
						}
					}
					if mi := sv.mentionOfSubtree(doc.Tokens[v].Head); mi >= 0 {
						return sv.withConjuncts(mi, doc.Tokens[v].Head), doc.Tokens[k].Rel == "nsubj:pass", true
					}
					return nil, false, true
				}
				if relativePronouns[sv.lower(k)] && k-2 >= sv.first && asideMarks[doc.Tokens[k-1].Text] {
					// "threw bottles at riot police, who responded with
					// tear gas", "the Nusra Front - which had aligned
					// itself with Al Qaeda", however the parser hung the
					// clause: the actor before the comma or dash is the
					// antecedent.
					if mi := sv.coveredBy(k - 2); mi >= 0 {
						return []int{mi}, doc.Tokens[k].Rel == "nsubj:pass", true
					}
				}
				if mi := sv.mentionOfSubtree(k); mi >= 0 {
					// A passive subject needs a passive auxiliary: the
					// parser sometimes takes "had spoken by phone" for one.
					// A passive trigger that shares an active head's
					// subject makes it the patient too ("Mugabe co-founded
					// ZANU but was arrested in 1963").
					// A passive verb of perceiving, knowing or saying raises
					// its infinitive's doer to its subject ("Gollum was seen
					// to break into the parade": Gollum broke in).
					passive := doc.Tokens[k].Rel == "nsubj:pass" && sv.hasRel(v, "aux:pass") && !sv.raisedBy(trigger, v) ||
						hops > 0 && sv.hasRel(trigger, "aux:pass")
					return sv.withConjuncts(mi, k), passive, true
				}
				if followers[doc.Tokens[k].Lemma] && doc.Tokens[k].UPOS == "NOUN" {
					return nil, false, true // "Clinton allies attacked Trump": not Clinton
				}
				if _, act := actNouns[sv.lower(k)]; act && doc.Tokens[k].Rel == "nsubj" && doc.Tokens[k].UPOS == "NOUN" {
					// "an attack on a military base killed nine
					// soldiers": the act's doer if the phrase names
					// one, else no one (not the base's "military").
					if mi, _ := sv.ownerOf(k); mi >= 0 {
						return sv.withConjuncts(mi, k), false, true
					}
					return nil, false, true
				}
				if w := sv.lower(k); w == "they" || w == "you" || w == "it" && doc.Tokens[k].Rel == "nsubj:pass" {
					// "they had accepted responsibility", "you attacked
					// Hillary Clinton", "a bill ..., but it was dismissed"
					// (a passive "it" the actor layer left to a thing): a
					// pronoun the actor layer could not resolve is still the
					// subject; no actor named near it stands in for it.
					return nil, false, true
				}
				return nil, false, false // a subject that is no actor ("officials of nowhere")
			}
		}
		// No subject of its own: an infinitive or a coordinated verb shares
		// its head's ("France agreed to visit", "met X and praised Y"), and
		// so does a participle clause ("gathered outside, blocking the
		// exits", "responded by throwing stones"); a participle on a noun
		// has that noun for subject ("protesters throwing stones").
		t := doc.Tokens[v]
		switch {
		case t.Rel == "xcomp" || t.Rel == "conj":
		case t.Rel == "advcl" && participle(t):
			if h := t.Head; h >= 0 && doc.Tokens[h].Rel == "acl:relcl" && v > sv.first && doc.Tokens[v-1].Text == "," && sv.relativeSubject(h) {
				// "the Court issued an opinion on the suspension of
				// Parliament which went into effect on Tuesday, finding it
				// unlawful": a participle after a comma that the parser
				// hangs on a relative clause about a thing is the main
				// clause's.
				if u := sv.verbAbove(doc.Tokens[h].Head); u >= 0 {
					v = u
					continue
				}
			}
		case t.Rel == "ccomp" && t.Head >= 0 && (doc.Tokens[t.Head].Rel == "acl" || doc.Tokens[t.Head].Rel == "acl:relcl") && doc.Tokens[t.Head].Head >= 0:
			// "provisions in the bill that he thought would displace
			// American workers": a clause without a subject under a
			// relative clause has the relative's noun for subject.
			if mi := sv.coveredBy(doc.Tokens[t.Head].Head); mi >= 0 {
				return sv.withConjuncts(mi, doc.Tokens[t.Head].Head), false, true
			}
			return nil, false, true
		case (t.Rel == "advcl" || t.Rel == "xcomp") && sv.hasMark(v, "to") && t.Head >= 0 && purposeVerbs[doc.Tokens[t.Head].Lemma] &&
			doc.Tokens[t.Head].XPOS == "VBN" && !sv.hasRel(t.Head, "nsubj") && !sv.hasRel(t.Head, "nsubj:pass"):
			// "characterized the attack as designed to intimidate a
			// civilian population": what a thing is designed to do has no
			// doer the sentence names.
			return nil, false, true
		case t.Rel == "advcl" && sv.hasMark(v, "to") && t.Head >= 0 && doc.Tokens[t.Head].Rel == "acl" && doc.Tokens[t.Head].XPOS == "VBN":
			// "a railway line used to deliver aid": what the thing is
			// used for has no doer the sentence names.
			return nil, false, true
		case t.Rel == "acl" && participle(t) && t.Head >= 0:
			if mi := sv.mentionOfSubtree(t.Head); mi >= 0 {
				return sv.withConjuncts(mi, t.Head), false, true
			}
			if n := doc.Tokens[t.Head]; messageNouns[n.Lemma] && n.Rel == "obj" && n.Head >= 0 {
				// "posted a message blaming Iran": the message's
				// author, the subject of the verb it is the object of.
				v = n.Head
				continue
			}
			// "placards asking the government to resign": the thing
			// is the subject, and no actor.
			return nil, false, true
		case t.Rel == "acl" && t.XPOS == "VBN" && t.Head >= 0 && hops == 0 && (sv.reducedRelative(t.Head, v) || sv.treeAgent(trigger) >= 0 && sv.coveredBy(t.Head) >= 0):
			// "Martin Shkreli, the executive arrested and charged this
			// month", "swapped ten agents arrested in the United
			// States": a reduced relative names its patient, not who
			// acted; its agent, if any, is the doer ("ten civilians
			// killed in a Russian strike", wherever the noun stands).
			if sv.treeAgent(trigger) < 0 {
				return nil, true, true
			}
			if mi := sv.coveredBy(t.Head); mi >= 0 {
				return sv.withConjuncts(mi, t.Head), true, true
			}
			return nil, false, false // "Clinton emails released by the State Department"
		case t.Rel == "acl" && t.XPOS == "VBN" && t.Head >= 0 && hops > 0:
			// "a railway line used to deliver aid to Ukraine": the noun
			// is what is used; who delivers, the sentence does not say.
			// (An actor there is the parser taking "The European Union
			// called on X" for a reduced relative: it is the subject.)
			if mi := sv.mentionOfSubtree(t.Head); mi >= 0 {
				return sv.withConjuncts(mi, t.Head), false, true
			}
			return nil, false, true
		default:
			return nil, false, false
		}
		v = t.Head
	}
	return nil, false, false
}

// relativeSubject reports whether the relative clause verb h has a
// relative pronoun for subject ("which went into effect", not "which he
// served as").
func (sv *sentenceView) relativeSubject(h int) bool {
	for _, k := range sv.doc.Dependents(h) {
		if r := sv.doc.Tokens[k].Rel; (r == "nsubj" || r == "nsubj:pass") && relativePronouns[sv.lower(k)] {
			return true
		}
	}
	return false
}

// verbAbove returns the first verb at or above token k in the tree, -1 if
// none.
func (sv *sentenceView) verbAbove(k int) int {
	for hops := 0; k >= 0 && hops < 6; hops++ {
		if sv.doc.Tokens[k].UPOS == "VERB" {
			return k
		}
		k = sv.doc.Tokens[k].Head
	}
	return -1
}

// threatened reports whether the trigger is what an actor threatens to do:
// the infinitive of "threaten", or its object ("threatened to launch an
// operation", "threatened to impose sanctions").
func (sv *sentenceView) threatened(trigger int) bool {
	toks := sv.doc.Tokens
	v := trigger
	if t := toks[v]; t.UPOS == "NOUN" && t.Rel == "obj" && t.Head >= 0 {
		v = t.Head
	}
	for hops := 0; hops < 2 && v >= 0; hops++ {
		t := toks[v]
		if t.Rel != "xcomp" && !(t.Rel == "advcl" && sv.hasMark(v, "to")) || t.Head < 0 {
			return false
		}
		if toks[t.Head].Lemma == "threaten" {
			return true
		}
		v = t.Head
	}
	return false
}

// purposeVerbs say what a thing is made for ("designed to", "meant to").
var purposeVerbs = wordSet("design intend mean aim calculate")

// The raising verbs, in the passive, have for subject the doer of their
// infinitive ("was seen to break in", "is known to have attacked", "was
// said to have fired"): reportRaising report the act (it is then
// reported), witnessRaising witness or establish it.
var (
	reportRaising  = wordSet("say report believe think understand rumor rumour allege suspect fear reckon presume consider estimate")
	witnessRaising = wordSet("see know hear show find")
)

// raisedBy reports whether the trigger is the infinitive of the passive
// raising verb v, directly or through other infinitives ("was said to be
// planning to attack").
func (sv *sentenceView) raisedBy(trigger, v int) bool {
	toks := sv.doc.Tokens
	if v < 0 || v == trigger || !reportRaising[toks[v].Lemma] && !witnessRaising[toks[v].Lemma] || !sv.hasRel(v, "aux:pass") {
		return false
	}
	for k := trigger; k != v; k = toks[k].Head {
		if k < 0 || toks[k].Rel != "xcomp" {
			return false
		}
		if toks[k].Head == v && !sv.hasMark(k, "to") {
			return false
		}
	}
	return true
}

// reducedRelative reports whether noun n, which a past participle modifies,
// stands where no clause begins: after a verb or a preposition, or in
// apposition after a comma ("swapped ten agents arrested in", "Shkreli, the
// executive arrested"); or is the subject of a verb after the participle
// ("the men detained could be"). A noun that opens a sentence or follows
// "and" or "before" is the parser taking a clause for the noun's modifier
// ("Protesters called for X", "and his campaign called for X").
func (sv *sentenceView) reducedRelative(n, participle int) bool {
	toks := sv.doc.Tokens
	if r := toks[n].Rel; (r == "nsubj" || r == "nsubj:pass") && toks[n].Head > participle && sv.hasRel(n, "det") && !sv.hasRel(participle, "obj") {
		// "the men detained could be part of the Islamic State": the
		// clause's verb comes after ("Police arrested the accused",
		// with no determiner, and "Authorities arrested twelve
		// people", with an object, are the parser misreading a
		// clause).
		return true
	}
	j := n
	for j-1 >= sv.first && toks[j-1].Head == n {
		j-- // the noun's own modifiers: "ten Russian sleeper agents"
	}
	if j-1 < sv.first {
		return false
	}
	switch p := toks[j-1]; {
	case p.UPOS == "VERB", p.UPOS == "ADP":
		return true
	case p.Text == ",":
		return toks[n].Rel == "appos"
	}
	return false
}

// withThing reports whether token k has a "with" phrase that names a
// reception, not a party to a meeting ("met with resistance", "met with
// approval").
func (sv *sentenceView) withThing(k int) bool {
	for _, c := range sv.doc.Dependents(k) {
		if t := sv.doc.Tokens[c]; t.Rel == "obl" && receptionNouns[t.Lemma] && sv.hasCase(c, "with") {
			return true
		}
	}
	return false
}

// receptionNouns are how something is met ("met with resistance").
var receptionNouns = wordSet(`resistance opposition criticism skepticism scepticism approval disapproval success
	failure silence applause protest outrage derision backlash scorn praise cheer boo indifference hostility
	suspicion dismay alarm concern anger ridicule resentment enthusiasm acclaim`)

// messageNouns are things an actor issues that speak for it.
var messageNouns = wordSet("message statement letter tweet post video report resolution motion communique communiqué note")

// participle reports whether t is a present participle ("blocking"), the
// form of a clause that shares its head's subject.
func participle(t dyad.Token) bool { return t.XPOS == "VBG" }

// adverbialParticiple reports whether token k is an -ing participle that
// modifies another verb's clause ("..., supporting the regime", "by
// supporting Assad") without a subject of its own.
func (sv *sentenceView) adverbialParticiple(k int) bool {
	t := sv.doc.Tokens[k]
	return participle(t) && t.Rel == "advcl" && !sv.hasRel(k, "nsubj") && !sv.hasRel(k, "aux")
}

// hasRel reports whether token k has a dependent with relation rel.
func (sv *sentenceView) hasRel(k int, rel string) bool {
	for _, c := range sv.doc.Dependents(k) {
		if sv.doc.Tokens[c].Rel == rel {
			return true
		}
	}
	return false
}

// hasObject reports whether token k has an object that is no date ("was to
// meet Monday": the parser takes the day for one).
func (sv *sentenceView) hasObject(k int) bool {
	for _, c := range sv.doc.Dependents(k) {
		if t := sv.doc.Tokens[c]; t.Rel == "obj" && !slices.ContainsFunc(sv.doc.Dates, func(d dyad.DateRef) bool {
			return d.Start <= t.Start && t.End <= d.End
		}) {
			return true
		}
	}
	return false
}

// treeAgent returns the mention of a passive trigger's agent: "by X", or
// the doer of the violent act in which it happened ("killed in an Israeli
// airstrike", "wounded in a raid by the army").
func (sv *sentenceView) treeAgent(trigger int) int {
	doc := sv.doc
	for _, k := range doc.Dependents(trigger) {
		t := doc.Tokens[k]
		if t.Rel == "obl:agent" || t.Rel == "obl" && sv.hasCase(k, "by") {
			return sv.mentionOfSubtree(k)
		}
	}
	for _, k := range doc.Dependents(trigger) {
		if mi := sv.sceneOwner(trigger, k); mi >= 0 {
			return mi
		}
	}
	// "was opposed earlier by Osgiliath": the parser may hang the agent
	// on the adverb, or elsewhere; an adverb and "by" right after the
	// verb lead to it.
	if k := trigger + 2; k < sv.end && doc.Tokens[trigger+1].UPOS == "ADV" && sv.lower(k) == "by" {
		if h := doc.Tokens[k].Head; h > k && h < sv.end && doc.Tokens[k].Rel == "case" {
			return sv.mentionOfSubtree(h)
		}
	}
	return -1
}

// sceneOwner returns the doer of the violent act n in which trigger
// happened ("killed in an Israeli airstrike", "in a raid by the army"), or
// -1 when n is no such act or the tree names no doer ("killed in the
// attack").
func (sv *sentenceView) sceneOwner(trigger, n int) int {
	t := sv.doc.Tokens[n]
	if t.Head != trigger || t.Rel != "obl" || t.UPOS != "NOUN" || !violentAct(sv.lower(n)) || !sv.hasCaseIn(n, actScenes) {
		return -1
	}
	mi, _ := sv.ownerOf(n)
	return mi
}

// sceneDoer returns the doer of the violent act that the phrase at token k
// ("in an Israeli airstrike") places the trigger in, and the token after
// the phrase; -1 if k opens no such phrase.
func (sv *sentenceView) sceneDoer(trigger, k int) (int, int) {
	if !sv.doc.Parsed() || k >= sv.end || !actScenes[sv.lower(k)] {
		return -1, k
	}
	n := sv.doc.Tokens[k].Head
	if n <= k || n >= sv.end {
		return -1, k
	}
	mi := sv.sceneOwner(trigger, n)
	if mi < 0 {
		return -1, k
	}
	return mi, max(n+1, sv.mentionEnd(mi))
}

// hasMark reports whether token k has the subordinating mark word ("to").
func (sv *sentenceView) hasMark(k int, word string) bool {
	return sv.hasMarker(k, "mark", func(w string) bool { return w == word })
}

// hasCase reports whether token k has the case marker word ("by", "of").
func (sv *sentenceView) hasCase(k int, word string) bool {
	return sv.hasMarker(k, "case", func(w string) bool { return w == word })
}

// hasMarker reports whether token k has a dependent of relation rel whose
// word, in lower case, in accepts.
func (sv *sentenceView) hasMarker(k int, rel string, in func(string) bool) bool {
	for _, c := range sv.doc.Dependents(k) {
		if sv.doc.Tokens[c].Rel == rel && in(strings.ToLower(sv.doc.Tokens[c].Text)) {
			return true
		}
	}
	return false
}

// mentionOfSubtree returns the top-level mention covering token k, or else
// one covering a dependent that modifies it as owner ("Germany's
// chancellor", "French troops"), or -1.
func (sv *sentenceView) mentionOfSubtree(k int) int {
	if mi := sv.coveredBy(k); mi >= 0 {
		return mi
	}
	for _, c := range sv.doc.Dependents(k) {
		switch sv.doc.Tokens[c].Rel {
		case "compound", "amod", "nmod:poss", "flat", "appos":
			if mi := sv.coveredBy(c); mi >= 0 {
				if sv.doc.Tokens[c].Rel == "compound" && sv.doc.Mentions[mi].Kind == "person" && followers[sv.doc.Tokens[k].Lemma] {
					return -1 // "a Trump supporter", "Clinton allies": other people
				}
				return mi
			}
		case "nmod":
			// "Thousands of Serbians protested": a crowd's count
			// stands for its members.
			if quantityWords[sv.lower(k)] && sv.hasCase(c, "of") {
				if mi := sv.coveredBy(c); mi >= 0 {
					return mi
				}
			}
		}
	}
	return -1
}

// quantityWords count people: "thousands of protesters".
var quantityWords = wordSet("thousands hundreds dozens millions tens scores crowds")

// withConjuncts returns mi and the mentions of the subject's conjuncts
// ("France and India").
func (sv *sentenceView) withConjuncts(mi, head int) []int {
	group := []int{mi}
	// Conjuncts of conjuncts too: the parser sometimes hangs "and
	// Australia" on "South Korea" rather than on "The United States".
	heads := []int{head}
	for len(heads) > 0 {
		h := heads[0]
		heads = heads[1:]
		for _, c := range sv.doc.Dependents(h) {
			if sv.doc.Tokens[c].Rel != "conj" {
				continue
			}
			if cm := sv.mentionOfSubtree(c); cm >= 0 && !slices.Contains(group, cm) {
				group = append(group, cm)
				heads = append(heads, c)
			}
		}
	}
	if len(group) > 1 {
		// "Mordor, the Shire, Fornost and Bree welcomed": the parser
		// may cut a list's first member off as a vocative; a mention
		// that opens the sentence, followed by a comma and the list,
		// joins it.
		first := slices.Min(group)
		k := sv.tokenAt(sv.doc.Mentions[first].Start) - 1
		if k > sv.first && sv.lower(k) == "the" {
			k--
		}
		if k > sv.first && sv.lower(k) == "," {
			if prev := sv.coveredBy(k - 1); prev >= 0 && !slices.Contains(group, prev) && sv.mentionEnd(prev) == k &&
				sv.tokenAt(sv.doc.Mentions[prev].Start) == sv.first {
				group = append([]int{prev}, group...)
			}
		}
	}
	if len(group) == 1 {
		// "US President Donald Trump and Turkish President Recep Tayyip
		// Erdogan spoke": long names derail the parse, so a mention right
		// before "and" joins the subject.
		k := sv.tokenAt(sv.doc.Mentions[mi].Start) - 1
		if k > sv.first && sv.lower(k) == "the" {
			k--
		}
		if k > sv.first && sv.lower(k) == "and" {
			if prev := sv.coveredBy(k - 1); prev >= 0 && prev != mi && sv.mentionEnd(prev) == k {
				group = append([]int{prev}, group...)
			}
		}
	}
	return group
}

// treeNegated reports whether the trigger has a negating dependent, or is
// the infinitive of a refusal ("declined to criticize X", "Ryan's refusal
// to support him", "failed to endorse"), itself or as the object of one
// ("refused to launch an attack").
func (sv *sentenceView) treeNegated(trigger int) bool {
	for _, k := range sv.doc.Dependents(trigger) {
		t := sv.doc.Tokens[k]
		if t.Rel == "advmod" && (t.Lemma == "not" || t.Lemma == "never" || strings.EqualFold(t.Text, "n't")) &&
			!(t.Lemma == "not" && k+1 < sv.end && sv.lower(k+1) == "only") {
			return true // ("not only are they supporting X, but" asserts it)
		}
		if t.Rel == "nsubj" && refusals[t.Lemma] && t.UPOS == "NOUN" && sv.hasMark(trigger, "to") {
			return true // the parser's "refusal to support him", the noun taken for the subject
		}
		if t.Rel == "mark" && sv.lower(k) == "to" && k-1 >= sv.first && refusals[sv.doc.Tokens[k-1].Lemma] {
			return true // "his reluctance to send troops", however the parser hung the infinitive
		}
	}
	for v, hops := trigger, 0; v >= 0 && hops < 3; hops++ {
		if sv.hasMark(v, "without") || sv.insteadOf(v) {
			// "left without meeting India", "without being worried about
			// being harassed by the police", "instead of making a visit",
			// "rather than praising Japan"
			return true
		}
		if r := sv.doc.Tokens[v].Rel; r != "advcl" && r != "xcomp" {
			break
		}
		v = sv.doc.Tokens[v].Head
	}
	v := trigger
	if t := sv.doc.Tokens[v]; t.UPOS == "NOUN" && t.Rel == "obj" && t.Head >= 0 {
		v = t.Head
	}
	p := v
	for t := sv.doc.Tokens[p]; t.Rel == "conj" && t.Head >= 0; t = sv.doc.Tokens[p] {
		p = t.Head // "no plans to either address the conference or meet X"
	}
	if t := sv.doc.Tokens[p]; t.Rel == "acl" && t.Head >= 0 && plans[sv.doc.Tokens[t.Head].Lemma] && sv.hasDet(t.Head, "no") {
		return true // "has no plans to meet", "has no intention of attacking"
	}
	t := sv.doc.Tokens[v]
	switch t.Rel {
	case "xcomp", "acl", "advcl":
		return t.Head >= 0 && refusals[sv.doc.Tokens[t.Head].Lemma] && sv.hasMark(v, "to")
	}
	return false
}

// insteadOf reports whether the clause of verb v is marked as the act not
// chosen: "instead of" or "rather than".
func (sv *sentenceView) insteadOf(v int) bool {
	for _, c := range sv.doc.Dependents(v) {
		t := sv.doc.Tokens[c]
		if (t.Rel == "mark" || t.Rel == "cc") && c+1 < sv.end {
			switch sv.lower(c) + " " + sv.lower(c+1) {
			case "instead of", "rather than":
				return true
			}
		}
	}
	return false
}

// plans are the nouns whose "no" denies the act they lead to.
var plans = wordSet("plan intention intent desire")

// hasDet reports whether token k has the determiner word ("no").
func (sv *sentenceView) hasDet(k int, word string) bool {
	return sv.hasMarker(k, "det", func(w string) bool { return w == word })
}

// refusals are the verbs, nouns and adjectives whose infinitive is an act
// not done ("refused to", "was unable to", "his reluctance to send troops").
var refusals = wordSet("refuse refusal decline fail failure unable reluctant reluctance unwilling unwillingness hesitant")

// treeModality reads the trigger's auxiliaries and the verb that controls
// it; "" when the tree says nothing.
func (sv *sentenceView) treeModality(trigger int) string {
	doc := sv.doc
	for _, k := range doc.Dependents(trigger) {
		t := doc.Tokens[k]
		if t.Rel != "aux" {
			continue
		}
		if w := strings.ToLower(t.Text); (w == "had" || w == "were") && sv.subjectAfter(trigger, k) {
			return "hypothetical" // "Had Russia attacked Ukraine, France would have acted"
		}
		switch strings.ToLower(t.Text) {
		case "will", "'ll", "shall":
			return "future"
		case "would":
			if sv.reportedFuture(trigger) {
				return "future"
			}
			return "hypothetical"
		case "could", "might", "may", "can", "ca", "cannot", "should", "must", "ought":
			// "ca" is "can" of "can't"; what an actor can do, or should
			// or must do ("the United States should close its borders"),
			// is no act.
			return "hypothetical"
		}
	}
	if k := trigger - 1; k > sv.first {
		to := sv.lower(k) == "to"
		if to {
			k--
		}
		if t := doc.Tokens[k]; k >= sv.first && t.UPOS == "VERB" && tastes[t.Lemma] {
			return "hypothetical" // "likes dropping bombs on people": a taste, no act
		}
		if t := doc.Tokens[k]; to && k >= sv.first && t.UPOS == "NOUN" && intentNouns[t.Lemma] {
			return "intended" // "confirmed its intention to visit India", "a commitment to destroy ISIL"
		}
	}
	if t := doc.Tokens[trigger]; (t.Rel == "xcomp" || t.Rel == "advcl" && sv.hasMark(trigger, "to")) && t.Head >= 0 {
		h := doc.Tokens[t.Head]
		switch {
		case futureVerbs[h.Lemma]:
			return "future"
		case intentVerbs[h.Lemma]:
			return "intended"
		}
		if m := sv.treeModality(t.Head); m == "future" {
			return "future"
		}
	}
	nominal := trigger
	if t := doc.Tokens[trigger]; (t.Rel == "amod" || t.Rel == "compound") && t.Head > trigger && doc.Tokens[t.Head].UPOS == "NOUN" {
		nominal = t.Head // "=military operation": the phrase's noun
	}
	if t := doc.Tokens[nominal]; nominal != trigger && t.Head >= 0 && t.Rel == "obj" {
		if m := sv.treeModality(nominal); m == "future" || m == "intended" {
			return m
		}
	}
	if t := doc.Tokens[trigger]; t.Head >= 0 && t.Head != trigger && (t.UPOS == "NOUN" && (t.Rel == "obl" || t.Rel == "obj") ||
		t.Rel == "advcl" && participle(t)) {
		h := doc.Tokens[t.Head]
		if t.UPOS == "NOUN" && futureVerbs[h.Lemma] {
			return "future" // "are due in Washington for talks"
		}
		if t.UPOS == "NOUN" && t.Rel == "obj" && arrangeVerbs[h.Lemma] {
			return "intended" // "worked to arrange a meeting between Zelensky and Trump"
		}
		// "will fly to Jakarta for talks", "will visit X before
		// flying to Y": the noun or the participle clause is as future as
		// the verb it hangs on.
		if h.UPOS == "VERB" || h.UPOS == "AUX" {
			if m := sv.treeModality(t.Head); m == "future" || m == "intended" && t.UPOS == "NOUN" && t.Rel == "obj" {
				// "threatened to launch a military operation in
				// Ukraine": the operation is as intended as its launch.
				return m
			}
		}
	}
	if t := doc.Tokens[trigger]; t.Rel == "conj" && t.Head >= 0 && t.Head != trigger && !sv.hasRel(trigger, "nsubj") &&
		t.XPOS != "VBD" && !(t.XPOS == "VBN" && !sv.hasRel(trigger, "aux") && !sv.hasRel(trigger, "aux:pass")) {
		// (A past verb is a mood of its own: "Westmacott, who will retire
		// soon after serving in Iran, praised Obama".)
		// "agreed to expand data sharing and to hold drills": a
		// conjunct without a subject of its own shares its head's mood.
		if m := sv.treeModality(t.Head); m == "future" || m == "intended" {
			return m
		}
	}
	return ""
}

// subjectAfter reports whether the trigger's subject comes after its
// auxiliary k: the inversion of a condition without "if" ("Had Russia
// attacked Ukraine").
func (sv *sentenceView) subjectAfter(trigger, k int) bool {
	for _, c := range sv.doc.Dependents(trigger) {
		if r := sv.doc.Tokens[c].Rel; (r == "nsubj" || r == "nsubj:pass") && c > k {
			return true
		}
	}
	return false
}

// allegedBy reports whether the trigger lies in the complement of a verb of
// alleging ("alleged that X had ...", "claims X flies fighters"), through
// at most four clause links, or is the act an accusation names ("accused X
// of violating"); it returns the verb of alleging (-1 for the accusation's
// act).
func (sv *sentenceView) allegedBy(trigger int) (int, bool) {
	toks := sv.doc.Tokens
	seenComp := false
	for v, hops := trigger, 0; v >= 0 && hops < 4; hops++ {
		t := toks[v]
		switch t.Rel {
		case "ccomp":
			seenComp = true
		case "advcl", "conj", "xcomp", "acl", "acl:relcl":
		default:
			return -1, false
		}
		h := t.Head
		if h < 0 {
			return -1, false
		}
		if seenComp && allegeVerbs[toks[h].Lemma] {
			return h, true
		}
		if hops == 0 && t.Rel == "advcl" && participle(t) && (sv.hasMark(v, "of") || sv.hasMark(v, "for")) && accuseVerbs[toks[h].Lemma] {
			// "accused Azerbaijan of violating the ceasefire": the
			// accusation is the event, the accused's act only alleged.
			return -1, true
		}
		v = h
	}
	return -1, false
}

var allegeVerbs = wordSet("allege claim accuse")

// believedBy returns the verb of belief ("believe", "suspect") whose
// complement holds the trigger, or -1.
func (sv *sentenceView) believedBy(trigger int) int {
	toks := sv.doc.Tokens
	for v, hops := trigger, 0; v >= 0 && hops < 3; hops++ {
		t := toks[v]
		if t.Head < 0 || t.Rel != "ccomp" && t.Rel != "conj" && t.Rel != "xcomp" {
			return -1
		}
		if h := t.Head; t.Rel == "ccomp" && beliefVerbs[toks[h].Lemma] {
			return h
		}
		v = t.Head
	}
	return -1
}

var beliefVerbs = wordSet("believe suspect")

// accuseVerbs take the act they accuse someone of as an "of" or "for"
// gerund ("accused X of violating", "blamed X for attacking").
var accuseVerbs = wordSet("accuse charge suspect blame condemn criticize criticise denounce fault")

// demanded reports whether the nominal trigger lies, within four steps up
// the tree, under a noun or verb of demanding ("demands include an
// investigation of police violence", "calls for the release of").
func (sv *sentenceView) demanded(trigger int) bool {
	toks := sv.doc.Tokens
	for h, hops := toks[trigger].Head, 0; h >= 0 && hops < 4; h, hops = toks[h].Head, hops+1 {
		if demandWords[toks[h].Lemma] {
			return true
		}
		for _, c := range sv.doc.Dependents(h) {
			if toks[c].Rel == "nsubj" && demandWords[toks[c].Lemma] && c != trigger {
				return true // "their demands include X"
			}
		}
	}
	return false
}

var demandWords = wordSet("demand request")

// reportedFuture reports whether "would" on the trigger is the future of
// reported speech ("announced that she would launch an inquiry") rather
// than a condition: the clause is the object of a verb of saying and has no
// "if".
func (sv *sentenceView) reportedFuture(trigger int) bool {
	t := sv.doc.Tokens[trigger]
	return t.Rel == "ccomp" && t.Head >= 0 && sayVerbs[sv.doc.Tokens[t.Head].Lemma] && !sv.conditional(trigger)
}

// reportingAuthority returns the mentions of the police, armed forces,
// intelligence service or court whose verb of saying reports the clause
// of trigger ("Police said three men were detained"); nil if the reporter
// is anyone else.
func (sv *sentenceView) reportingAuthority(trigger int) []int {
	group, saying := sv.sayer(trigger)
	if !saying || len(group) == 0 {
		return nil
	}
	for _, mi := range group {
		for _, r := range sv.refs(mi) {
			if !authorityCode(r.Code) {
				return nil
			}
		}
	}
	return group
}

// sayer reports whether token k heads the clause a verb of saying reports
// ("Police said [three men were detained]") and returns the mentions of that
// verb's active subject, nil when it names no actor.
func (sv *sentenceView) sayer(k int) (group []int, saying bool) {
	t := sv.doc.Tokens[k]
	if t.Rel != "ccomp" || t.Head < 0 || !sayVerbs[sv.doc.Tokens[t.Head].Lemma] {
		return nil, false
	}
	if group, passive, ok := sv.treeSubject(t.Head); ok && !passive {
		return group, true
	}
	return nil, true
}

// authorityCode reports a CAMEO code whose sector makes arrests: police,
// military, intelligence or judiciary.
func authorityCode(code string) bool {
	for _, s := range []string{"COP", "MIL", "SPY", "JUD"} {
		if strings.HasSuffix(code, s) {
			return true
		}
	}
	return false
}

// sayVerbs report what someone said or decided.
var sayVerbs = wordSet("say announce tell state add confirm report declare promise pledge vow insist write tweet")

// requested reports whether the trigger is an act one actor asks, urges or
// orders another to do ("France urged Germany to sanction Russia"): an
// infinitive under a verb with an object of its own (also when the parser
// took the infinitive of a verb of asking or pressing for an adverbial
// clause). The request is the
// event; the act it asks for has not happened, and its doer is the object,
// not the subject the tree would climb to.
func (sv *sentenceView) requested(trigger int) bool {
	t := sv.doc.Tokens[trigger]
	if t.Rel == "acl" && t.Head >= 0 && sv.doc.Tokens[t.Head].UPOS == "NOUN" && sv.hasMark(trigger, "to") {
		// "the request of the prime minister to suspend parliament", "a
		// plan to attack": what a noun asks or plans has not happened.
		return true
	}
	if t.Head < 0 || t.Rel != "xcomp" && !(t.Rel == "advcl" && !participle(t) && objectControl[sv.doc.Tokens[t.Head].Lemma]) {
		return false
	}
	if instrumentVerbs[sv.doc.Tokens[t.Head].Lemma] {
		// "used the army to crush the protests", "hosted Osgiliath to
		// celebrate Tabaski": the infinitive is the subject's purpose,
		// done with the object, not asked of it.
		return false
	}
	for _, c := range sv.doc.Dependents(t.Head) {
		r := sv.doc.Tokens[c].Rel
		if (r == "obj" || r == "iobj" || r == "obl" && (sv.hasCase(c, "on") || sv.hasCase(c, "for")) && sv.doc.Tokens[t.Head].Lemma == "call") && c < trigger {
			// "urged X to", "called on X to", "called for X to"
			return true
		}
	}
	// "called on X to be allowed to leave": what a requested act would
	// bring has not happened either.
	return t.Rel == "xcomp" && t.Head != trigger && sv.requested(t.Head)
}

// instrumentVerbs have an object that serves the subject's purpose, not
// one asked to act: the infinitive after it is the subject's act.
var instrumentVerbs = wordSet("use utilize utilise employ host convene gather mobilize mobilise")

// objectControl are verbs whose object is asked, pressed, ordered or paid
// to do what the infinitive after it says ("paying bounties to the Taliban
// to kill American soldiers": the killing is the Taliban's, and asked for).
var objectControl = wordSet(`ask urge press pressure push tell order force persuade encourage invite call
	implore beg instruct direct compel oblige lobby pay hire bribe recruit train arm fund finance reward`)

// actOwner returns the actor whose act or thing a target-less match ends on,
// as the event's target: "attacked the proclamation ... by the President",
// "opposed the ministry's plan", "filed a lawsuit against the decree the
// president signed", "launched an inquiry into the conduct of the
// president". The match's last word is the noun (or the preposition before
// it); its owner is, in this order, a "by" phrase, a possessor, an "of"
// phrase, the subject of a relative clause on it, or a name modifying it
// ("G7 action", "the Russian strikes"), looked for on the noun
// and on a noun one preposition further down ("into the conduct of X").
// It returns -1 when the tree names no such actor.
func (sv *sentenceView) actOwner(last int) (int, bool) {
	toks := sv.doc.Tokens
	n := last
	if toks[n].UPOS == "ADP" {
		n = toks[n].Head
		if n <= last || n >= sv.end {
			return -1, false
		}
	}
	if u := toks[n].UPOS; u != "NOUN" {
		return -1, false
	}
	if mi, mod := sv.ownerOf(n); mi >= 0 {
		return mi, mod
	}
	deps := sv.doc.Dependents(n)
	if h := toks[n].Head; h >= 0 && toks[n].Rel == "obj" {
		// The parser often hangs "into the conduct of X" on the verb
		// rather than on "inquiry".
		for _, c := range sv.doc.Dependents(h) {
			if toks[c].Rel == "obl" && c > n {
				deps = append(deps, c)
			}
		}
	}
	for _, c := range deps {
		if r := toks[c].Rel; (r == "nmod" || r == "obl") && c > n && sv.coveredBy(c) < 0 && sv.hasCaseIn(c, actPrepositions) {
			if mi, mod := sv.ownerOf(c); mi >= 0 {
				return mi, mod
			}
		}
	}
	return -1, false
}

// ownerOf returns the mention that owns noun n by the tree (see actOwner),
// and whether it is only a name modifying the noun ("G7 action").
func (sv *sentenceView) ownerOf(n int) (int, bool) {
	toks := sv.doc.Tokens
	var by, poss, of, rel, mod = -1, -1, -1, -1, -1
	for _, c := range sv.doc.Dependents(n) {
		switch toks[c].Rel {
		case "compound", "amod":
			// "G7 action", "the Russian strikes"; a role word ("a
			// military exercise") is no owner.
			if mi := sv.coveredBy(c); mi >= 0 && sv.doc.Mentions[mi].Kind != "agent" {
				mod = firstFound(mod, mi)
			}
		case "nmod", "acl":
			switch {
			case sv.hasCase(c, "by"):
				by = firstFound(by, sv.coveredBy(c))
			case sv.hasCase(c, "of") && !violentAct(sv.lower(n)):
				// ("the bombing of the embassy", "the invasion of
				// Ukraine": a violent act's "of" is its patient.)
				of = firstFound(of, sv.coveredBy(c))
			}
		case "nmod:poss":
			if sv.coveredBy(c) < 0 {
				return -1, false // "the House's decision": its owner is named, and is no actor
			}
			poss = firstFound(poss, sv.coveredBy(c))
		case "acl:relcl":
			for _, d := range sv.doc.Dependents(c) {
				if toks[d].Rel == "nsubj" && !relativePronouns[sv.lower(d)] {
					rel = firstFound(rel, sv.coveredBy(d))
				}
			}
		}
	}
	for _, mi := range []int{by, poss, of, rel} {
		if mi >= 0 {
			return mi, false
		}
	}
	return mod, mod >= 0
}

var relativePronouns = wordSet("which who that whom whose")

// followers are the nouns of people who stand by or against a person
// named before them, and are not that person ("Sanders supporters", "a
// Trump critic").
var followers = wordSet("supporter fan backer loyalist follower ally critic opponent rival donor delegate surrogate")

// actScenes are the prepositions that place a passive in a violent act
// whose doer is its agent ("killed in an airstrike", "injured during a
// raid").
var actScenes = wordSet("in during")

// violentAct reports whether w names a violent act (an act noun of roots
// 18 to 20: "strike", "raid", "shelling").
func violentAct(w string) bool { return strings.Contains(actNouns[w], "18") }

// actPrepositions lead from an act noun to the noun whose owner is the
// act's target ("an inquiry into the conduct of X").
var actPrepositions = wordSet("into on against over about to")

// firstFound returns cur when a mention was already found (cur >= 0),
// else mi.
func firstFound(cur, mi int) int {
	if cur >= 0 {
		return cur
	}
	return mi
}

// hasCaseIn reports whether token k has a case marker in words.
func (sv *sentenceView) hasCaseIn(k int, words map[string]bool) bool {
	return sv.hasMarker(k, "case", func(w string) bool { return words[w] })
}
