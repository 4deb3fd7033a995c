package events

import (
	"strings"
	"testing"

	"github.com/dyadproject/dyad/internal/dict"
	"github.com/dyadproject/dyad/internal/ontology"
)

// testVerbs is an invented verb dictionary in the CAMEO format.
const testVerbs = `&PLACES_
+CAPITAL
+PORT

&TIES
+&KINDS RELATIONS
+TIES

&KINDS
+TRADE
+MILITARY

--- BLOCKADE [191] ---
BLOCKADE
- * &PLACES [191]
- * HARBOR  [1911]

--- PRAISE [051] ---
PRAISE
- * + FOR_EFFORTS [0511]
- NOT * [903]
- RECENTLY_* [0512]
- NOTED + * [0513]

--- RENEW [064] ---
RENEW
- * &TIES [0641]

--- HOST [042:043] ---
HOST
SNUB [---]

--- TAP [171] ---
WIRE_+TAP [1711]

--- AGREE [081] ---
AGREE
- * WITH % [031]

--- ARREST [173] ---
ARREST

--- CELEBRATE [181] ---
CELEBRATE
- * FEAST IN ^ + [045]

--- STRIKE [---] ---
STRIKE
- * DEAL WITH + [057]

--- STRIKE [190] ---
STRIKE
- + WAS * BY $ [195]

--- ABANDON [345] ---
ABANDON
- * IMPROVED &KINDS TIES [904]
`

// testDiscards names phrases that stop coding.
const testDiscards = "FOOTBALL\n+WORLD CUP\n"

func testDictionaryCoder(t *testing.T) *Coder {
	t.Helper()
	ont, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	set, errs, err := dict.Parse("test.verbs.txt", []byte(testVerbs), dict.KindVerbs)
	if err != nil || len(errs) > 0 {
		t.Fatalf("%v %v", err, errs)
	}
	ds, errs, err := dict.Parse("test.discards.txt", []byte(testDiscards), dict.KindDiscards)
	if err != nil || len(errs) > 0 {
		t.Fatalf("%v %v", err, errs)
	}
	set.Discards = ds.Discards
	vd := NewVerbDictionary(set)
	if st := vd.Stats(); st.Verbs != 12 || st.Patterns != 12 || st.Discards != 2 || len(st.Skipped) != 0 {
		t.Errorf("stats %+v", st)
	}
	return NewCoder(EmptyPatterns(), ont).WithDictionary(vd)
}

func TestVerbDictionary(t *testing.T) {
	c := testDictionaryCoder(t)
	actors := map[string]string{"Northland": "NRL", "Southland": "STH", "Westland": "WST", "Twinlands": "NRL/STH",
		"Northern police": "NRLCOP", "Southern students": "STHEDU", "it": "NRL", "senior official": "---GOV", "official": "---GOV", "Zeta": ""}
	for _, tc := range []struct{ text, want string }{
		// The verb's own code, the target found in its object's phrase.
		{"Northland blockaded the coast of Southland.", "NRL 191 STH"},
		// A pattern word after the verb, at any depth of its phrase.
		{"Northland blockaded the main harbor of Southland.", "NRL 1911 STH"},
		// A synonym set, with a nested one.
		{"Northland blockaded the capital of Southland.", "NRL 191 STH"},
		{"Northland renewed military relations with Southland.", "NRL 0641 STH"},
		{"Northland renewed ties with Southland.", "NRL 0641 STH"},
		// A pattern word matches its own form only: HARBOR, not harbors.
		{"Northland blockaded the main harbors of Southland.", "NRL 191 STH"},
		// '+' and words joined by '_'.
		{"Northland praised Southland for efforts to end the war.", "NRL 0511 STH"},
		// A spelled-out negation is the event, not a negated one.
		{"Northland did not praise Southland.", "NRL 903 STH"},
		// A phrase joined to the verb by '_' must be right before it.
		{"Northland has recently praised Southland.", "NRL 0512 STH"},
		{"Northland recently has praised Southland.", "NRL 051 STH"},
		// A noun heading the sentence is no verb ("was in a blockade").
		{"Northland was in a blockade with Southland.", ""},
		// "---" codes nothing: the pattern wins over the verb's code.
		{"Northland snubbed Southland.", ""},
		// The dictionary's code whatever the modality: no intent code.
		{"Northland will renew military relations with Southland.", "NRL 0641 STH future"},
		// A complex code: each acts on the other.
		{"Northland hosted Southland.", "NRL 042 STH; STH 043 NRL"},
		// A compound subject without a target acts on itself, pair by pair.
		{"Northland and Southland renewed military relations.", "NRL 0641 STH; STH 0641 NRL"},
		// A place is the target only when no other actor is there.
		{"Northland renewed ties in Southland with Westland.", "NRL 0641 WST"},
		{"Northland blockaded the port in Southland.", "NRL 191 STH"},
		// A multi-word verb inflected on its second word.
		{"Northland wire tapped the phones of Southland.", "NRL 1711 STH"},
		// A compound code stands for several actors.
		{"The Twinlands renewed ties with Westland.", "NRL 0641 WST; STH 0641 WST"},
		// A coordinated target: one event each.
		{"Northland praised Southland and Westland.", "NRL 051 STH; NRL 051 WST"},
		// The target may be in a clause of the verb's phrase, not in a
		// coordinated one; without a target, no event (require_dyad).
		{"Northland has praised the plan to help Southland.", "NRL 051 STH"},
		{"Northland praised the decision and said Southland had agreed.", ""},
		// A compound after the verb, with a subject of its own: the
		// compound is the targets; without one it acts on itself.
		{"Westland agreed with Northland and Southland on the plan.", "WST 031 NRL; WST 031 STH"},
		// The subject's own pronoun in the verb's phrase is no target.
		{"Northland praised the idea that it would trade with Southland.", "NRL 051 STH"},
		// A background participle clause ("after V-ing") is not coded.
		{"Westland praised Northland after blockading Southland.", "WST 051 NRL"},
		// The parser takes the verb for a participle modifying the
		// subject ("police arrested", as "police who were arrested"):
		// a bare noun heading the sentence, and the verb has an object.
		{"Northern police arrested Southern students in the capital today.", "NRLCOP 173 STHEDU"},
		// '^' passes over a noun phrase: the target comes after it.
		{"Northland celebrated the feast in Southland with Westland.", "NRL 045 WST"},
		// The tagger takes the verb after a modal for an adverb: its
		// phrase is the words after it.
		{"Northland will abandon improved military ties with Southland next year.", "NRL 904 STH future"},
		// A verb in two blocks: the patterns of both, the later code.
		{"Northland struck a deal with Southland.", "NRL 057 STH"},
		{"Southland was struck at dawn by Northland.", "NRL 195 STH"},
		{"Northland struck Southland.", "NRL 190 STH"},
		// An infinitive after the object of a verb of using or hosting
		// is the subject's purpose, not an act asked of the object.
		{"Northland will host Westland to blockade Southland.", "NRL 042 WST future; WST 043 NRL future; NRL 191 STH future"},
		// A passive verb of seeing raises its infinitive's doer.
		{"Northland was seen to blockade Southland.", "NRL 191 STH"},
		// PETRARCH's comma-delimited clause elimination, by default: a
		// terminal clause of 2 to 8 words is not coded, nor a phrase
		// between two commas, but a longer one is; commas of a list are
		// inside a noun phrase.
		{"Northland praised Southland, Westland then blockaded Northland.", "NRL 051 STH"},
		{"Northland, as Westland had praised Southland, blockaded the port.", ""},
		{"Northland praised Southland, and in the long cold winter that followed the harvest Westland blockaded Northland.", "NRL 051 STH; WST 191 NRL"},
		{"Northland blockaded the ports of Southland, Westland and Zeta.", "NRL 191 STH; NRL 191 WST"},
		// A background clause in a coded verb's phrase is not coded.
		{"Northland praised Southland after Westland blockaded Northland.", "NRL 051 STH"},
		{"Westland blockaded Northland after Southland left.", "WST 191 NRL"},
		// An agent without a country is coded "---" and its sector; an
		// uncoded name takes the code of an agent in its noun phrase.
		{"A senior official praised Southland.", "---GOV 051 STH"},
		{"The official news agency Zeta praised Southland.", "---GOV 051 STH"},
		// '+' before the verb: the clause's subject is the target, the
		// source the subject of the clause above.
		{"Northland noted that Westland praised Southland.", "NRL 0513 WST"},
		// A subject that names no actor is coded by the actors in its
		// phrase.
		{"The alliance of Northland and Westland blockaded Southland.", "NRL 191 STH; WST 191 STH"},
		// Discards: the sentence, and the story.
		{"Northland blockaded Southland in a football game.", ""},
		{"Northland blockaded Southland. The World Cup is near.", ""},
	} {
		out, _ := code(t, c, tc.text, actors)
		if got := strings.Join(out, "; "); got != tc.want {
			t.Errorf("%q: coded %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestVerbDictionaryOptions(t *testing.T) {
	c := testDictionaryCoder(t)
	actors := map[string]string{"Northland": "NRL", "Southland": "STH", "Westland": "WST", "official": "---GOV", "Zeta": ""}
	loose := dict.DefaultOptions()
	loose.RequireDyad = false
	na4, na3 := dict.DefaultOptions(), dict.DefaultOptions()
	na4.NewActorLength, na3.NewActorLength = 4, 3
	off := dict.DefaultOptions()
	off.CommaMax, off.CommaEMax = 0, 0
	for _, tc := range []struct {
		opts       dict.Options
		text, want string
	}{
		// Without require_dyad, a missing or uncoded actor is "---",
		// when the verb's phrase has a noun phrase ("a bare time is
		// none").
		{loose, "Northland blockaded the old harbor on Monday.", "NRL 1911 -"},
		{loose, "Northland blockaded yesterday.", ""},
		{loose, "Zeta praised Southland.", "--- 051 STH"},
		{dict.DefaultOptions(), "Zeta praised Southland.", ""},
		// new_actor_length: an uncoded noun phrase of at most that many
		// words is an actor, coded with its words.
		{na4, "Zeta of the north praised Southland.", `"ZETA OF THE NORTH" 051 STH`},
		{na4, "Northland praised Zeta.", `NRL 051 "ZETA"`},
		{na3, "Zeta of the north praised Southland.", ""},
		// With comma elimination off, the terminal clause is coded.
		{off, "Northland praised Southland, Westland then blockaded Northland.", "NRL 051 STH; WST 191 NRL"},
	} {
		cc := c.WithOptions(tc.opts)
		out, _ := code(t, cc, tc.text, actors)
		if got := strings.Join(out, "; "); got != tc.want {
			t.Errorf("%+v %q: coded %q, want %q", tc.opts, tc.text, got, tc.want)
		}
	}
}
