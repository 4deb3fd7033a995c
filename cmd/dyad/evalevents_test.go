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
	if r := dyadRun(t, "", "eval", "events", "--gold", "testdata/petrarch/suite.xml", "--format", "tabari"); r.code != exitUsage ||
		!strings.Contains(r.stderr, `--format "tabari" is not a gold format`) {
		t.Errorf("--format tabari: exit %d %s", r.code, r.stderr)
	}
	// The petrarch format carries the fields the other formats share.
	r = dyadRun(t, "", "eval", "events", "--gold", "testdata/petrarch/suite.xml", "--json")
	var shared struct {
		Uncoded int
		F1      float64
		Root    struct{ Correct, Uncoded, Extra int }
	}
	if err := json.Unmarshal([]byte(r.stdout), &shared); err != nil || shared.Uncoded != 1 || shared.F1 != 0.8 || shared.Root.Correct != 2 || shared.Root.Uncoded != 1 {
		t.Errorf("shared fields %+v (%v): %s", shared, err, r.stdout)
	}
	bad := filepath.Join(t.TempDir(), "bad.xml")
	if err := os.WriteFile(bad, []byte(`<Validation><Sentences><Sentence id="X" date="2024"><Text>A.</Text></Sentence></Sentences></Validation>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := dyadRun(t, "", "eval", "events", "--gold", bad); r.code != exitFailed || !strings.Contains(r.stderr, `record 1 ("X"): date "2024"`) {
		t.Errorf("bad suite: exit %d %s", r.code, r.stderr)
	}
}

// eventReport is the JSON report of the dyad and plover formats.
type eventReport struct {
	Records, Correct, Uncoded, Extra, Coded int
	Gold                                    int `json:"gold_events"`
	Precision, Recall, F1                   float64
	Root                                    struct {
		Correct, Uncoded, Extra int
		Precision, Recall, F1   float64
	}
	TypeAccuracy float64 `json:"type_accuracy"`
	Kept         int     `json:"no_event_records_kept"`
	Errors       []string
}

func TestEvalEventsDyad(t *testing.T) {
	// invented.gold codes the two invented articles of
	// testdata/events/news/invented.csv: dyad codes the visit and the
	// criticism and the trade agreement (both ways, which the reciprocal
	// gold event counts once) and codes nothing in the two sentences
	// without events.
	r := dyadRun(t, "", "eval", "events", "--gold", "testdata/events/invented.gold", "--data", "testdata/events", "--json")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rep eventReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Records != 5 || rep.Gold != 3 || rep.Correct != 3 || rep.Uncoded != 0 || rep.Extra != 0 || rep.Kept != 2 ||
		rep.Root.Correct != 3 || rep.Precision != 1 || rep.TypeAccuracy != 1 {
		t.Errorf("report %+v", rep)
	}
	r = dyadRun(t, "", "eval", "events", "--gold", "testdata/events/invented.gold", "--data", "testdata/events", "--details")
	if r.code != exitOK || !strings.Contains(r.stdout, "full code         3        0        0   1.000   1.000   1.000") ||
		strings.Contains(r.stdout, "missed") || strings.Contains(r.stdout, "extra JPN") {
		t.Errorf("text report: %s", r.stdout)
	}
	// A sentence whose text changed is named and skipped; the others are
	// scored and the command fails.
	r = dyadRun(t, "", "eval", "events", "--gold", "testdata/events/drifted.gold", "--data", "testdata/events", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || r.code != exitFailed || rep.Records != 4 ||
		!strings.Contains(r.stderr, "drifted.gold:11: the text at 57-75 has changed (hash 00000000)") {
		t.Errorf("drifted gold: exit %d %+v %s", r.code, rep, r.stderr)
	}
	// A corpus record that cannot be read is named; the gold is still
	// scored on the others.
	data := t.TempDir()
	csv, err := os.ReadFile("testdata/events/news/invented.csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(data, "news"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, "news", "invented.csv"), append(csv, "only,two\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	r = dyadRun(t, "", "eval", "events", "--gold", "testdata/events/invented.gold", "--data", data, "--json")
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || r.code != exitFailed || rep.Records != 5 || rep.Correct != 3 ||
		!strings.Contains(r.stderr, "dyad: read corpus: ") || !strings.Contains(r.stderr, "invented.csv: record 3 (line 4)") {
		t.Errorf("bad corpus record: exit %d %+v %s", r.code, rep, r.stderr)
	}
	if r := dyadRun(t, "", "eval", "events", "--gold", "testdata/events/invented.gold", "--data", t.TempDir()); r.code != exitFailed ||
		!strings.Contains(r.stderr, "corpus news/invented.csv is not in the data folder") {
		t.Errorf("no corpus: exit %d %s", r.code, r.stderr)
	}
	bad := filepath.Join(t.TempDir(), "bad.gold")
	if err := os.WriteFile(bad, []byte("corpus c.csv\narticle u 2024-01-01\n0\t5\t00000000\tUSA 049 FRA\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := dyadRun(t, "", "eval", "events", "--gold", bad); r.code != exitFailed || !strings.Contains(r.stderr, `bad.gold:3: event "USA 049 FRA": "049" is not a CAMEO code`) {
		t.Errorf("bad gold: exit %d %s", r.code, r.stderr)
	}
}

func TestEvalEventsPLOVER(t *testing.T) {
	gold := filepath.Join("..", "..", "internal", "eval", "testdata", "plover", "gold.json")
	r := dyadRun(t, "", "eval", "events", "--gold", gold, "--json")
	var rep eventReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || r.code != exitOK {
		t.Fatalf("exit %d %v: %s", r.code, err, r.stderr)
	}
	if rep.Records != 6 || rep.Gold != 7 || rep.Correct != 4 || rep.Root.Correct != 5 || rep.Extra != 1 || rep.Root.Extra != 0 {
		t.Errorf("report %+v", rep)
	}
	if r := dyadRun(t, "", "eval", "events", "--gold", "testdata/petrarch/suite.xml", "--format", "plover"); r.code != exitFailed ||
		!strings.Contains(r.stderr, "suite.xml: invalid character") {
		t.Errorf("xml as plover: exit %d %s", r.code, r.stderr)
	}
}
