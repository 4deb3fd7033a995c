package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalEventsPetrarch(t *testing.T) {
	// suite.xml: three invented records with the suite's own actor
	// dictionary; dyad codes two of the three gold events right (the third,
	// a visit in a sentence about an accusation, is there to be missed)
	// and keeps the no-event record empty.
	r := dyadRun(t, "", "eval", "events", "--gold", "testdata/petrarch/suite.xml", "--format", "petrarch", "--json")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rep struct {
		Records, Correct, Extra, Coded int
		Gold                           int     `json:"gold_events"`
		Kept                           int     `json:"no_event_records_kept"`
		PassRate                       float64 `json:"pass_rate"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Records != 3 || rep.Gold != 3 || rep.Correct != 2 || rep.Extra != 0 || rep.Coded != 2 || rep.Kept != 1 {
		t.Errorf("report %+v", rep)
	}
	r = dyadRun(t, "", "eval", "events", "--gold", "testdata/petrarch/suite.xml", "--details")
	if r.code != exitOK || !strings.Contains(r.stdout, "gold events coded right  2 of 3") ||
		!strings.Contains(r.stdout, "MINI-03: missed NRL 042 STH") {
		t.Errorf("text report: %s", r.stdout)
	}
	if r := dyadRun(t, "", "eval", "events", "--gold", "testdata/petrarch/suite.xml", "--format", "plover"); r.code != exitUsage {
		t.Errorf("--format plover: exit %d", r.code)
	}
	bad := filepath.Join(t.TempDir(), "bad.xml")
	if err := os.WriteFile(bad, []byte(`<Validation><Sentences><Sentence id="X" date="2024"><Text>A.</Text></Sentence></Sentences></Validation>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := dyadRun(t, "", "eval", "events", "--gold", bad); r.code != exitFailed || !strings.Contains(r.stderr, `record 1 ("X"): date "2024"`) {
		t.Errorf("bad suite: exit %d %s", r.code, r.stderr)
	}
}
