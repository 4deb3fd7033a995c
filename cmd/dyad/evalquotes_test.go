package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestEvalQuotes(t *testing.T) {
	r := dyadRun(t, "", "eval", "quotes", "--gold", "testdata/polnear", "--json")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var sc struct {
		Precision       *float64 `json:"precision"`
		Recall          *float64 `json:"recall"`
		F1              *float64 `json:"f1"`
		SpeakerAccuracy *float64 `json:"speaker_accuracy"`
		Overlap         struct {
			Gold int `json:"gold"`
		} `json:"overlap"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &sc); err != nil {
		t.Fatal(err)
	}
	if sc.Precision == nil || sc.Recall == nil || sc.F1 == nil || sc.SpeakerAccuracy == nil || sc.Overlap.Gold != 4 {
		t.Fatalf("want precision, recall, f1, speaker_accuracy and 4 gold quotes in %s", r.stdout)
	}
	if *sc.F1 < 0.75 || *sc.SpeakerAccuracy < 0.75 {
		t.Errorf("F1 %.3f, speaker accuracy %.3f on four plain quotes", *sc.F1, *sc.SpeakerAccuracy)
	}
	r = dyadRun(t, "", "eval", "quotes", "--gold", "testdata/polnear/dev")
	if r.code != exitOK || !strings.Contains(r.stdout, "overlap") || !strings.Contains(r.stdout, "exact") {
		t.Errorf("text report on a split folder: exit %d %s", r.code, r.stdout)
	}
	if r := dyadRun(t, "", "eval", "quotes"); r.code != exitUsage {
		t.Errorf("eval quotes without --gold: exit %d", r.code)
	}
	r = dyadRun(t, "", "eval", "quotes", "--gold", "testdata/polnear", "--split", "bad")
	if r.code != exitFailed || !strings.Contains(r.stderr, "ministers-meet_ab12.ann:1") {
		t.Errorf("malformed gold: exit %d, stderr %q", r.code, r.stderr)
	}
}
