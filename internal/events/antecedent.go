package events

import (
	"slices"
	"strings"

	"github.com/dyadproject/dyad"
)

// actNouns are the nouns by which a story refers back to an act it has
// reported ("condemned the launch", "welcomed the agreement"), each with the
// CAMEO roots of the events it may refer to; "" roots: any event.
var actNouns = map[string]string{
	"launch": "15 18 19 20", "launches": "15 18 19 20", "test": "15 18 19 20", "tests": "15 18 19 20",
	"drills": "15 06", "drill": "15 06", "exercise": "15 06", "exercises": "15 06", "manoeuvres": "15 06", "maneuvers": "15 06",
	"attack": "18 19 20", "attacks": "18 19 20", "strike": "18 19 20", "strikes": "18 19 20", "shelling": "18 19 20",
	"bombing": "18 19 20", "bombings": "18 19 20", "raid": "18 19 20", "raids": "18 19 20", "offensive": "18 19 20",
	"invasion": "18 19 20", "killing": "18 19 20", "killings": "18 19 20", "incursion": "18 19 20",
	"agreement": "03 05 06 08", "deal": "03 05 06 08", "accord": "03 05 06 08", "pact": "03 05 06 08",
	"treaty": "03 05 06 08", "ceasefire": "03 05 08", "truce": "03 05 08",
	"withdrawal": "08 16", "pullout": "08 16", "sanctions": "16 17", "ban": "16 17", "restrictions": "16 17",
	"arrest": "17", "arrests": "17", "detention": "17", "expulsion": "16 17", "expulsions": "16 17",
	"visit": "04", "talks": "04", "meeting": "04",
	"move": "", "decision": "", "step": "", "announcement": "", "measure": "", "measures": "", "proclamation": "",
}

// definiteAct returns, for an event of match m that may lack a target,
// "!" and the roots its '@' act noun allows (the target is required), or
// "+" and the roots of the act noun that a match without a target slot
// ends on after "the", "this", "these", "that" or "those" ("imposed the
// ban"), or "-".
func (sv *sentenceView) definiteAct(m match) string {
	if m.act > 0 {
		for _, c := range sv.doc.Dependents(m.act) {
			if sv.doc.Tokens[c].Rel == "nmod:poss" {
				return "!#" // its owner is named, and is no actor: nothing to look back for
			}
		}
		return "!" + actNouns[sv.lower(m.act)]
	}
	if hasTarget(m.pat) || hasSource(m.pat) {
		return "-"
	}
	last := m.end - 1
	roots, ok := actNouns[sv.lower(last)]
	if !ok || sv.doc.Tokens[last].UPOS != "NOUN" {
		return "-"
	}
	for _, c := range sv.doc.Dependents(last) {
		t := sv.doc.Tokens[c]
		if t.Rel == "det" && definite[strings.ToLower(t.Text)] {
			return "+" + roots
		}
		if t.Rel == "nmod:poss" {
			return "-" // "Russia's strikes": the owner is named
		}
	}
	return "-"
}

var definite = wordSet("the this these that those")

// antecedentWindow is how many sentences back an act noun looks for the
// act it names; familyWindow how far for an act named by a noun of the same
// family ("the drills" for "launched an exercise").
const antecedentWindow, familyWindow = 3, 6

// resolveActs gives each target-less reaction to "the launch", "the
// agreement" or "the move" a target: the doer of the latest act named by a
// noun of the same family within familyWindow sentences before it, else of
// the latest act of an allowed root within antecedentWindow: "North Korea
// fired a missile ... South Korea condemned the launch" is KOR 111 PRK.
// Only reactions (roots 01 to 13) are resolved, and only to another
// actor's act; the target's span is then in the earlier sentence. An '@'
// event left without a target is dropped.
func resolveActs(evs []dyad.Event, acts []string) []dyad.Event {
	for i := range evs {
		e := &evs[i]
		if i >= len(acts) || acts[i] == "" || acts[i][0] != '+' && acts[i][0] != '!' || e.Target != nil || e.Root > "13" {
			continue
		}
		if acts[i] == "!#" {
			continue
		}
		roots := strings.Fields(acts[i][1:])
		noun := strings.ToLower(lastWord(e.Evidence.Trigger.Text))
		// The latest act named by a noun of the same family ("the
		// drills" after "launched an exercise"), else the latest of a
		// fitting root.
		best, bestFamily := -1, false
		for j := i - 1; j >= 0; j-- {
			o := evs[j]
			if o.Sentence < e.Sentence-familyWindow {
				break
			}
			if o.Negated || o.Modality == "hypothetical" || o.Source.Actor == e.Source.Actor || o.Source.Code == e.Source.Code {
				continue
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
		if best >= 0 {
			t := evs[best].Source
			e.Target = &t
		}
	}
	// A pattern's act slot '@' needs the act's doer: without one, no event.
	out := evs[:0]
	for i, e := range evs {
		if e.Target == nil && i < len(acts) && strings.HasPrefix(acts[i], "!") {
			continue
		}
		out = append(out, e)
	}
	return out
}

// actFamilies group the nouns that may name the same act.
var actFamilies = [][]string{
	{"drills", "drill", "exercise", "exercises", "manoeuvres", "maneuvers"},
	{"attack", "attacks", "strike", "strikes", "shelling", "bombing", "bombings", "raid", "raids", "offensive", "invasion", "incursion", "missile", "missiles", "launch", "launches", "test", "tests"},
	{"agreement", "deal", "accord", "pact", "treaty", "ceasefire", "truce"},
	{"sanctions", "ban", "restrictions"},
	{"arrest", "arrests", "detention"},
	{"visit", "talks", "meeting"},
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
