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
// act it names.
const antecedentWindow = 3

// resolveActs gives each target-less reaction to "the launch", "the
// agreement" or "the move" the doer of the latest act of an allowed root,
// within antecedentWindow sentences before it, as its target: "North
// Korea fired a missile ... South Korea condemned the launch" is KOR 111
// PRK. Only reactions (roots 01 to 13) are resolved, and only to another
// actor's act.
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
		for j := i - 1; j >= 0; j-- {
			o := evs[j]
			if o.Sentence < e.Sentence-antecedentWindow {
				break
			}
			if o.Negated || o.Modality == "hypothetical" || o.Source.Actor == e.Source.Actor || o.Source.Code == e.Source.Code {
				continue
			}
			if len(roots) > 0 && !slices.Contains(roots, o.Root) {
				continue
			}
			t := o.Source
			e.Target = &t
			break
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
