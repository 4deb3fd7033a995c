package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalActors(t *testing.T) {
	r := dyadRun(t, "", "eval", "actors", "--json")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rep struct {
		Cases    int `json:"cases"`
		Mentions struct {
			Precision, Recall, F1 float64
		} `json:"mentions"`
		Coreference struct{ F1 float64 } `json:"coreference"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.Cases < 40 || rep.Mentions.F1 < 0.5 ||
		rep.Coreference.F1 < 0.5 {
		t.Errorf("report %s: %v", r.stdout, err)
	}
	gold := filepath.Join(t.TempDir(), "mini.gold")
	if err := os.WriteFile(gold, []byte("## -\nFrance met India.\n- France = FRA\n- India = IND\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = dyadRun(t, "", "eval", "actors", "--gold", gold, "--details")
	if r.code != exitOK || !strings.Contains(r.stdout, "actors gold: 1 cases") || !strings.Contains(r.stdout, "F1 1.000") {
		t.Errorf("mini gold: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if err := os.WriteFile(gold, []byte("## -\nFrance met India.\n- Spain = ESP\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := dyadRun(t, "", "eval", "actors", "--gold", gold); r.code == exitOK || !strings.Contains(r.stderr, gold+": ") ||
		!strings.Contains(r.stderr, "line 3") {
		t.Errorf("bad gold: exit %d %s", r.code, r.stderr)
	}
}
