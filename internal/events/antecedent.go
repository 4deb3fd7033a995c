package events

import (
	"slices"
	"strings"

	"github.com/dyadproject/dyad"
)

// actNouns are the nouns by which a story refers back to an act it has
// reported ("condemned the launch", "welcomed the agreement"), each with the
// CAMEO roots of the events it may refer to; "" roots: any event. Generic
// nouns of action name a deed, not words: "the move" after sanctions and a
// protest against them is the sanctions.
var actNouns = map[string]string{
	"launch": "15 18 19 20", "launches": "15 18 19 20", "test": "15 18 19 20", "tests": "15 18 19 20",
	"drills": "15 06", "drill": "15 06", "exercise": "15 06", "exercises": "15 06", "manoeuvres": "15 06", "maneuvers": "15 06",
	"attack": "18 19 20", "attacks": "18 19 20", "strike": "18 19 20", "strikes": "18 19 20", "shelling": "18 19 20",
	"airstrike": "18 19 20", "airstrikes": "18 19 20", "bombardment": "18 19 20", "ambush": "18 19 20",
	"bombing": "18 19 20", "bombings": "18 19 20", "raid": "18 19 20", "raids": "18 19 20", "offensive": "18 19 20",
	"invasion": "18 19 20", "killing": "18 19 20", "killings": "18 19 20", "incursion": "18 19 20",
	"agreement": "03 05 06 08", "deal": "03 05 06 08", "accord": "03 05 06 08", "pact": "03 05 06 08",
	"treaty": "03 05 06 08", "ceasefire": "03 05 08", "truce": "03 05 08",
	"withdrawal": "08 16", "pullout": "08 16", "sanctions": "16 17", "ban": "16 17", "restrictions": "16 17",
	"arrest": "17", "arrests": "17", "detention": "17", "expulsion": "16 17", "expulsions": "16 17",
	"visit": "04", "talks": "04", "meeting": "04",
	"move": actionRoots, "decision": actionRoots, "step": actionRoots, "measure": actionRoots, "measures": actionRoots,
	"proclamation": actionRoots, "change": actionRoots, "plan": actionRoots, "proposal": actionRoots,
	"call": "02 10", "calls": "02 10", "request": "02 10", "recommendation": "02 10", "appeal": "02 10",
	"threat": "13", "threats": "13", "ultimatum": "13", "warning": "13", "warnings": "13",
	"accusation": "11", "accusations": "11", "allegation": "11", "allegations": "11", "criticism": "11",
	"announcement": "", "remarks": "", "comments": "", "statement": "", "statements": "", "speech": "",
	"operation": "18 19 20", "investigation": "09", "inquiry": "09", "probe": "09",
}

// actionRoots are the CAMEO roots of deeds, as opposed to words (01, 02,
// 10 to 13: statements, appeals, demands, disapproval, rejection, threats).
const actionRoots = "03 04 05 06 07 08 09 14 15 16 17 18 19 20"

// genericActs are the act nouns that may name any act a story reported
// with another noun ("announced this change ... criticized the move"): those
// of actNouns that name any deed or any words.
var genericActs = func() map[string]bool {
	out := map[string]bool{}
	for w, roots := range actNouns {
		if roots == "" || roots == actionRoots {
			out[w] = true
		}
	}
	return out
}()

// actSlot is what a target-less event reacts to: kind "!" for an '@' act
// (the target is required; "!#" when its owner is named and is no actor),
// "+" for a pattern that ends on an act noun after "the", "this", "these",
// "that" or "those" ("imposed the ban"), "-" for neither; roots are the
// CAMEO roots the act noun may name (none: any), noun the act noun.
type actSlot struct {
	kind  string
	roots []string
	noun  string
	also  bool // "also" marks the act as one more of a kind just reported
}

// also reports whether the trigger carries "also" or "too" and names no
// one it acts on ("The United States and South Korea have also pledged
// aid", not "is also negotiating trade deals with Mercosur").
func (sv *sentenceView) also(trigger int) bool {
	found := false
	for _, c := range sv.doc.Dependents(trigger) {
		if w := sv.lower(c); (w == "also" || w == "too") && sv.doc.Tokens[c].Rel == "advmod" {
			found = true
		}
	}
	if !found {
		return false
	}
	heads := []int{trigger}
	for _, c := range sv.doc.Dependents(trigger) {
		if sv.doc.Tokens[c].Rel == "obj" {
			heads = append(heads, c)
		}
	}
	for _, h := range heads {
		for _, c := range sv.doc.Dependents(h) {
			if r := sv.doc.Tokens[c].Rel; (r == "obl" || r == "nmod") && sv.hasCaseIn(c, recipientCases) {
				return false
			}
		}
	}
	return true
}

// recipientCases introduce whom an act is for or against.
var recipientCases = wordSet("with to against on for from into toward towards")

// alsoWindow is how many sentences back an "also" event looks for the act
// it repeats.
const alsoWindow = 6

// resolveAlso gives an event marked "also" what the act it repeats tells
// and it leaves out: the latest event of the same root by another source in
// the alsoWindow sentences before it (or earlier in its own) gives a
// target-less one its target, and its more specific code when it refines
// the event's own ("Japan pledged emergency aid to the Philippines ... The
// United States has also pledged aid" is USA 0333 PHL, humanitarian aid,
// not the bare 033).
func resolveAlso(evs []dyad.Event, acts []actSlot) {
	for i := range evs {
		e := &evs[i]
		if i >= len(acts) || !acts[i].also {
			continue
		}
		j := latestBefore(evs, i, alsoWindow, func(o dyad.Event) bool {
			return o.Target != nil && o.Root == e.Root && o.Source.Code != e.Source.Code && o.Target.Code != e.Source.Code && !o.Negated &&
				(e.Target == nil || e.Target.Code == o.Target.Code)
		})
		if j < 0 {
			continue
		}
		o := evs[j]
		if e.Target == nil {
			t := *o.Target
			e.Target = &t
		}
		if len(o.CAMEO) > len(e.CAMEO) && strings.HasPrefix(o.CAMEO, e.CAMEO) {
			e.CAMEO, e.CAMEOName, e.QuadClass, e.Goldstein, e.PLOVER = o.CAMEO, o.CAMEOName, o.QuadClass, o.Goldstein, o.PLOVER
		}
	}
}

// definiteAct returns the act slot of an event of match m that may lack a
// target.
func (sv *sentenceView) definiteAct(m match) actSlot {
	if m.act > 0 {
		for _, c := range sv.doc.Dependents(m.act) {
			if sv.doc.Tokens[c].Rel == "nmod:poss" {
				return actSlot{kind: "!#"} // its owner is named, and is no actor: nothing to look back for
			}
		}
		w := sv.lower(m.act)
		return actSlot{kind: "!", roots: strings.Fields(actNouns[w]), noun: w}
	}
	if m.byAgent {
		// "The operation was condemned by the EU": the act is the
		// passive's subject.
		for _, c := range sv.doc.Dependents(m.trigger) {
			if sv.doc.Tokens[c].Rel == "nsubj:pass" {
				return sv.definiteNoun(c)
			}
		}
	}
	if hasTarget(m.pat) || hasSource(m.pat) {
		return actSlot{kind: "-"}
	}
	return sv.definiteNoun(m.end - 1)
}

// definiteNoun returns the act slot of an act noun with a definite
// determiner ("the ban", "this move") at token last; kind "-" for any other
// word.
func (sv *sentenceView) definiteNoun(last int) actSlot {
	w := sv.lower(last)
	roots, ok := actNouns[w]
	if !ok || sv.doc.Tokens[last].UPOS != "NOUN" {
		return actSlot{kind: "-"}
	}
	for _, c := range sv.doc.Dependents(last) {
		t := sv.doc.Tokens[c]
		if t.Rel == "det" && definite[strings.ToLower(t.Text)] {
			return actSlot{kind: "+", roots: strings.Fields(roots), noun: w}
		}
		if t.Rel == "nmod:poss" {
			return actSlot{kind: "-"} // "Russia's strikes": the owner is named
		}
	}
	return actSlot{kind: "-"}
}

// ownedAct is an act noun the story gave an owner ("a move by Johnson",
// "Russia's strikes"): a later "the move" may name it.
type ownedAct struct {
	sentence int
	noun     string
	owner    dyad.ActorRef
}

// doerVerbs take an act noun for object whose doer is their subject ("He
// announced this change").
var doerVerbs = wordSet("announce make take propose pledge order approve implement adopt launch unveil introduce")

// ownedActs returns the act nouns of the sentence that have an owner.
func (sv *sentenceView) ownedActs() []ownedAct {
	var out []ownedAct
	for k := sv.first; k < sv.end; k++ {
		w := sv.lower(k)
		if _, ok := actNouns[w]; !ok || sv.doc.Tokens[k].UPOS != "NOUN" {
			continue
		}
		mi, _ := sv.ownerOf(k)
		if t := sv.doc.Tokens[k]; mi < 0 && t.Rel == "obj" && t.Head >= 0 && doerVerbs[sv.doc.Tokens[t.Head].Lemma] {
			// "He announced this change": the doer is the verb's subject.
			if group, passive, ok := sv.treeSubject(t.Head); ok && !passive && len(group) > 0 {
				mi = group[0]
			}
		}
		if mi >= 0 {
			if refs := sv.refs(mi); len(refs) > 0 {
				out = append(out, ownedAct{sentence: sv.index, noun: w, owner: refs[0]})
			}
		}
	}
	return out
}

var definite = wordSet("the this these that those")

// antecedentWindow is how many sentences back an act noun looks for the
// act it names; familyWindow how far for an act named by a noun of the same
// family ("the drills" for "launched an exercise").
const antecedentWindow, familyWindow = 5, 15

// ownedWindow is how far back an act noun looks for the same noun with an
// owner ("a move by Johnson"); a story's quotes make it long.
const ownedWindow = 12

// resolveActs gives each target-less reaction to "the launch", "the
// agreement" or "the move" a target: the doer of the latest act named by a
// noun of the same family within familyWindow sentences before it, else of
// the latest act named by the same noun (or, for a generic noun like "the
// move", by any generic one) that the story gave an owner within
// ownedWindow ("a move by Johnson", "he announced this change"), else of
// the latest act of an allowed root within antecedentWindow: "North Korea
// fired a missile ... South Korea condemned the launch" is KOR 111 PRK.
// Only reactions (roots 01 to 13) are resolved, and only to another
// actor's act; the target's span is then in the earlier sentence. An '@'
// event left without a target is dropped.
func resolveActs(evs []dyad.Event, acts []actSlot, owned []ownedAct) []dyad.Event {
	more := map[int][]dyad.ActorRef{} // further targets of an event, by index
	for i := range evs {
		e := &evs[i]
		if i >= len(acts) || acts[i].kind != "+" && acts[i].kind != "!" || e.Target != nil || e.Root > "13" {
			continue
		}
		roots, noun := acts[i].roots, acts[i].noun
		// The latest act named by a noun of the same family ("the
		// drills" after "launched an exercise"), else the latest of a
		// fitting root.
		best, bestFamily := -1, false
		for j := i - 1; j >= 0; j-- {
			o := evs[j]
			if o.Sentence < e.Sentence-familyWindow {
				break
			}
			if o.Negated || o.Modality == "hypothetical" || o.Source.Actor == e.Source.Actor || o.Source.Code == e.Source.Code ||
				o.Evidence.Trigger.Start == e.Evidence.Trigger.Start {
				continue // nor the same reaction by a co-subject ("Costa Rica and Panama expressed support for the move")
			}
			if len(roots) > 0 && !slices.Contains(roots, o.Root) {
				continue
			}
			family := sameFamily(noun, o.Evidence.Trigger.Text)
			if !family && o.Sentence < e.Sentence-antecedentWindow {
				continue
			}
			if best < 0 || family && !bestFamily {
				best, bestFamily = j, family
			}
			if family {
				break
			}
		}
		switch {
		case bestFamily || best >= 0 && ownedBefore(owned, e, noun) == nil:
			t := evs[best].Source
			e.Target = &t
			more[i] = coDoers(evs, best, i)
		case ownedBefore(owned, e, noun) != nil:
			// "a move by Johnson ... Corbyn called the move a
			// 'smash and grab'": the same noun, given its owner.
			t := *ownedBefore(owned, e, noun)
			e.Target = &t
		}
	}
	// A pattern's act slot '@' needs the act's doer: without one, no
	// event. An act of several doers gives one event for each.
	out := make([]dyad.Event, 0, len(evs))
	for i, e := range evs {
		if e.Target == nil && i < len(acts) && strings.HasPrefix(acts[i].kind, "!") {
			continue
		}
		out = append(out, e)
		for _, t := range more[i] {
			e.Target = &t
			out = append(out, e)
		}
	}
	return out
}

// coDoers returns the sources, other than evs[j]'s and evs[i]'s, of the
// events before evs[i] coded on evs[j]'s trigger: the other doers of one act
// ("Turkey and Armenia agreed to reopen the border ... Azerbaijan welcomed
// the agreement" welcomes both).
func coDoers(evs []dyad.Event, j, i int) []dyad.ActorRef {
	var out []dyad.ActorRef
	seen := map[string]bool{evs[j].Source.Actor: true, evs[i].Source.Actor: true}
	for k := range i {
		o := evs[k]
		if o.Sentence == evs[j].Sentence && o.Evidence.Trigger.Start == evs[j].Evidence.Trigger.Start && !seen[o.Source.Actor] {
			seen[o.Source.Actor] = true
			out = append(out, o.Source)
		}
	}
	return out
}

// ownedBefore returns the owner of the latest act named by noun, with an
// owner, in the ownedWindow sentences before event e's, other than e's
// source; nil if none.
func ownedBefore(owned []ownedAct, e *dyad.Event, noun string) *dyad.ActorRef {
	for j := len(owned) - 1; j >= 0; j-- {
		o := &owned[j]
		if o.sentence >= e.Sentence {
			continue
		}
		if o.sentence < e.Sentence-ownedWindow {
			break
		}
		if (o.noun == noun || genericActs[noun] && genericActs[o.noun]) && o.owner.Actor != e.Source.Actor && o.owner.Code != e.Source.Code {
			return &o.owner
		}
	}
	return nil
}

// actFamilies group the nouns that may name the same act.
var actFamilies = [][]string{
	{"drills", "drill", "exercise", "exercises", "manoeuvres", "maneuvers"},
	{"attack", "attacks", "strike", "strikes", "shelling", "bombing", "bombings", "raid", "raids", "offensive", "invasion", "incursion", "operation", "missile", "missiles", "launch", "launches", "test", "tests"},
	{"agreement", "deal", "accord", "pact", "treaty", "ceasefire", "truce"},
	{"sanctions", "ban", "restrictions"},
	{"arrest", "arrests", "detention"},
	{"visit", "talks", "meeting"},
	{"investigation", "inquiry", "probe"},
}

// sameFamily reports whether the trigger text holds a word of noun's
// family.
func sameFamily(noun, trigger string) bool {
	for _, fam := range actFamilies {
		if !slices.Contains(fam, noun) {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(trigger)) {
			if slices.Contains(fam, w) {
				return true
			}
		}
	}
	return false
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
