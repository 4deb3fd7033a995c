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

--- BLOCKADE [191] ---
BLOCKADE
- * &PLACES [191]
- * HARBOR  [191]
- $ * + [191]
- * + [---]

--- PRAISE [051] ---
PRAISE
- * + FOR_EFFORTS [051]
`

func TestAddDictionary(t *testing.T) {
	ont, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	set, errs, err := dict.Parse("test.verbs.txt", []byte(testVerbs), dict.KindVerbs)
	if err != nil || len(errs) > 0 {
		t.Fatalf("%v %v", err, errs)
	}
	p := EmptyPatterns()
	st := p.AddDictionary(set, ont)
	if st.Verbs != 2 || st.VerbPatterns != 2 || st.Patterns != 5 || st.Converted != 3 ||
		st.Skipped["phrases before the verb"] != 1 || st.Skipped["codes no event (---)"] != 1 {
		t.Errorf("stats %+v", st)
	}
	var got []string
	for _, pat := range p.all {
		got = append(got, pat.Code+" "+pat.Text+" @"+pat.Source)
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{
		"191 blockade + @test.verbs.txt:6",
		"191 blockade ... =capital|port @test.verbs.txt:7",
		"191 blockade ... =harbor + @test.verbs.txt:8",
		"191 blockade ... =harbor =with|to|against|on|for|from|toward|towards|of|in|at|over|into + @test.verbs.txt:8",
		"051 praise + ... =for =efforts @test.verbs.txt:14",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("no pattern %q in\n%s", want, joined)
		}
	}
	c := NewCoder(p, ont)
	out, _ := code(t, c, "Northland blockaded the harbor of Southland.", map[string]string{"Northland": "NRL", "Southland": "STH"})
	if strings.Join(out, "; ") != "NRL 191 STH" {
		t.Errorf("coded %q", out)
	}
}

// TestDictionaryCompounds codes with a translated dictionary: a compound
// subject without a target is reciprocal for an interaction.
func TestDictionaryCompounds(t *testing.T) {
	ont, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	set, errs, err := dict.Parse("r.verbs.txt", []byte("--- RENEW [064] ---\nRENEW\n- * TIES [064]\n"), dict.KindVerbs)
	if err != nil || len(errs) > 0 {
		t.Fatalf("%v %v", err, errs)
	}
	p := EmptyPatterns()
	p.AddDictionary(set, ont)
	out, _ := code(t, NewCoder(p, ont), "Northland and Southland renewed diplomatic ties.",
		map[string]string{"Northland": "NRL", "Southland": "STH"})
	if strings.Join(out, "; ") != "NRL 064 STH; STH 064 NRL" {
		t.Errorf("coded %q", out)
	}
}
