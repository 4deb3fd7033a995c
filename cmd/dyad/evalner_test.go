package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/internal/conllu"
)

func TestEvalNER(t *testing.T) {
	r := dyadRun(t, "", "eval", "ner", "--gold", "testdata/ner/mini.iob2", "--json")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	type prf struct {
		Precision, Recall, F1 *float64
		Gold                  int `json:"gold"`
	}
	var sc struct {
		prf
		PerType map[string]prf `json:"per_type"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &sc); err != nil {
		t.Fatal(err)
	}
	if sc.Precision == nil || sc.Recall == nil || sc.F1 == nil || *sc.F1 < 0.5 || *sc.F1 > 1 || sc.Gold != 4 {
		t.Errorf("overall in %s", r.stdout)
	}
	for typ, gold := range map[string]int{"PER": 1, "ORG": 1, "LOC": 2} {
		if p, ok := sc.PerType[typ]; !ok || p.F1 == nil || p.Gold != gold {
			t.Errorf("%s in %s", typ, r.stdout)
		}
	}
	r = dyadRun(t, "", "eval", "ner", "--gold", "testdata/ner/mini.iob2")
	if r.code != exitOK || !strings.Contains(r.stdout, "overall") || !strings.Contains(r.stdout, "LOC") {
		t.Errorf("text report: exit %d %s", r.code, r.stdout)
	}
	if r := dyadRun(t, "", "eval", "ner"); r.code != exitUsage {
		t.Errorf("eval ner without --gold: exit %d", r.code)
	}
	r = dyadRun(t, "", "eval", "ner", "--gold", "testdata/ner/dangling.iob2")
	if r.code != exitFailed || !strings.Contains(r.stderr, "dangling.iob2:2") {
		t.Errorf("malformed gold: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestParseWritesEntityLabels(t *testing.T) {
	r := dyadRun(t, "", "parse", "--input", "conllu", "testdata/parse/mini.conllu")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	got, err := conllu.ReadAll(strings.NewReader(r.stdout), "out")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range got {
		for _, w := range s.Words {
			if !strings.HasPrefix(w.Misc, "NER=B-") && !strings.HasPrefix(w.Misc, "NER=I-") && !strings.HasPrefix(w.Misc, "NER=O") {
				t.Errorf("%s: MISC %q has no entity label", w.Form, w.Misc)
			}
		}
	}
	if w := got[0].Words[4]; w.Form != "Monday" || w.Misc != "NER=O|SpaceAfter=No" {
		t.Errorf("Monday: MISC %q, want the label and SpaceAfter=No", w.Misc)
	}
	r = dyadRun(t, "Ministers from Chile met in Lima.", "parse", "-")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "Chile\t") || !strings.Contains(r.stdout, "NER=B-LOC") || !strings.Contains(r.stdout, "NER=B-LOC|SpaceAfter=No") {
		t.Errorf("text in, conllu out:\n%s", r.stdout)
	}
}
