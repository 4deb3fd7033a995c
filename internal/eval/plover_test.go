package eval

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/internal/ontology"
	"github.com/dyadproject/dyad/internal/pipeline"
)

func readPLOVERFixture(t *testing.T) []PLOVERRecord {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "plover", "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := ReadPLOVERGold(f, "gold.json")
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestReadPLOVERGold(t *testing.T) {
	recs := readPLOVERFixture(t)
	if len(recs) != 7 {
		t.Fatalf("%d records", len(recs))
	}
	for _, tt := range []struct {
		i                int
		id, event, mode  string
		context, targets int
	}{
		{0, "inv-1", "CONSULT", "visit", 1, 1},
		{1, "inv-2", "ACCUSE", "", 1, 1},            // DISAPPROVE, PLOVER 0.5
		{2, "inv-3", "ACCUSE", "investigate", 0, 1}, // INVESTIGATE, PLOVER 0.5
		{3, "inv-4", "ASSAULT", "", 0, 0},           // FIGHT, PLOVER 0.5
		{5, "6", "SUPPORT", "", 0, 1},               // a numeric id
	} {
		r := recs[tt.i]
		if r.ID != tt.id || r.Event != tt.event || r.Mode != tt.mode || len(r.Context) != tt.context || len(r.Target) != tt.targets {
			t.Errorf("record %d: %+v", tt.i, r)
		}
	}
	if r := recs[0]; r.Date.Format("2006-01-02") != "2024-05-06" || r.Source[0] != (PLOVERActor{"France's president", "FRA", "GOV"}) ||
		r.Source[0].ActorCode() != "FRAGOV" || r.Context[0] != "diplomatic" {
		t.Errorf("record 1: %+v", r)
	}
	ok := `"text":"A b.","source":[{"code":"USA"}],"event":"AID"`
	for _, tt := range []struct{ name, in, want string }{
		{"not json", `[{`, "g.json: unexpected EOF"},
		{"not an array", `{"text":"x"}`, "cannot unmarshal object"},
		{"empty", `[]`, "no records"},
		{"no text", `[{"text":" ","source":[{"code":"USA"}],"event":"AID"}]`, "record 1: no text"},
		{"date", `[{` + ok + `},{` + ok + `,"date":"May 5"}]`, `record 2: date "May 5"`},
		{"event", `[{"text":"A.","source":[{"code":"USA"}],"event":"HUG"}]`, `event "HUG" is not a PLOVER type`},
		{"mode", `[{` + ok + `,"mode":"two words"}]`, `mode "two words"`},
		{"no source", `[{"text":"A.","event":"AID"}]`, "no source actor"},
		{"code", `[{"text":"A.","source":[{"code":"us"}],"event":"AID"}]`, `code "us"`},
		{"sector", `[{` + ok + `,"target":[{"code":"FRA","sector":"g"}]}]`, `sector "g"`},
		{"context", `[{` + ok + `,"context":{"a":1}}]`, "context is not a string"},
	} {
		_, err := ReadPLOVERGold(strings.NewReader(tt.in), "g.json")
		if !errors.Is(err, ErrGold) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func FuzzReadPLOVERGold(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "plover", "gold.json")); err == nil {
		f.Add(string(b))
	}
	f.Add(`[{"id":1,"text":"A b.","date":"2024-01-02T03:04:05Z","source":[{"code":"USA","sector":"GOV"}],"target":[],"event":"investigate","context":null}]`)
	types := ontology.PLOVERTypes()
	f.Fuzz(func(t *testing.T, in string) {
		recs, err := ReadPLOVERGold(strings.NewReader(in), "f.json")
		if err != nil {
			return
		}
		for _, r := range recs {
			if r.ID == "" || strings.TrimSpace(r.Text) == "" || !slices.Contains(types, r.Event) || len(r.Source) == 0 {
				t.Fatalf("record %+v accepted", r)
			}
			// Every accepted record gives a gold tuple per source and
			// target, each a valid actor code or a wildcard.
			tu := r.tuples()
			if want := len(r.Source) * max(1, len(r.Target)); len(tu) != want {
				t.Fatalf("%d tuples, want %d", len(tu), want)
			}
			for _, g := range tu {
				if !isActorCode(g.Sources[0]) || g.Targets[0] != "*" && !isActorCode(g.Targets[0]) || ploverRoot(g.Codes[0]) != r.Event {
					t.Fatalf("tuple %+v from %+v", g, r)
				}
			}
		}
	})
}

// TestPLOVER scores the invented fixture: dyad codes the visit, the
// criticism, the trade agreement (two records of one text, one unit, coded
// both ways) and the accusation (whose mode it gets wrong: the coder says
// disapprove, the gold allege), and misses the inquiry and the shelling by
// rebels of no country.
func TestPLOVER(t *testing.T) {
	stages, err := pipeline.Standard(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep := PLOVER(pipeline.New(pipeline.Config{Stages: stages, Workers: 1}), readPLOVERFixture(t))
	s := rep.EventScore
	if s.Records != 6 || s.GoldEvents != 7 || s.Coded != 5 || s.Correct != 4 || s.Root.Correct != 5 ||
		s.Uncoded != 3 || s.Extra != 1 || s.TypePairs != 5 || s.TypeAccuracy != 4.0/5 || s.TypeRootAccuracy != 1 {
		b, _ := json.Marshal(s)
		t.Errorf("score %s\nmisses %q", b, rep.Misses)
	}
	if !slices.Contains(rep.Misses, "inv-7: missed ITA ACCUSE/allege LBY (coded [ITA ACCUSE/disapprove LBY])") ||
		!slices.Contains(rep.Misses, "inv-4: missed SDNREB ASSAULT/* * (coded [])") {
		t.Errorf("misses %q", rep.Misses)
	}
}
