package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// invented are three short news-like articles written for this test.
var invented = map[string]string{
	"talks.txt": "Ministers meet in Vienna\n\nVIENNA, May 4 -- Foreign ministers from Austria and Hungary met in Vienna on Tuesday to discuss border controls. " +
		"Chancellor Anna Berger said the talks were constructive. A second round is planned for June.\n",
	"protest.txt": "Thousands march in Lisbon\n\nThousands of teachers marched through Lisbon on Saturday to demand higher pay. " +
		"The Education Ministry said it would meet union leaders next week. Police reported no arrests.\n",
	"aid.txt": "Aid reaches flooded villages\n\nThe Red Cross delivered food and water to flooded villages in northern Kenya on Monday. " +
		"Officials in Nairobi said more than 2,000 families had lost their homes.\n",
}

func writeInvented(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range invented {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestRun runs the whole comparison in-process on the invented articles and
// checks that both sides processed all of them at a positive rate.
func TestRun(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: loads prose's model (-short)")
	}
	dir := writeInvented(t)
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-json", "-repeat", "2", "-stages", "all", dir}, &out); err != nil {
		t.Fatal(err)
	}
	var res Result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if res.Articles != 3 || res.ReadErrors != 0 || res.Repeat != 2 || res.DyadStages != "all" {
		t.Errorf("articles %d, read errors %d, repeat %d, stages %q; want 3, 0, 2, all", res.Articles, res.ReadErrors, res.Repeat, res.DyadStages)
	}
	for _, s := range []struct {
		name string
		Side
	}{{"dyad", res.Dyad}, {"prose", res.Prose}} {
		if s.Articles != 3 || s.Failed != 0 {
			t.Errorf("%s: %d articles, %d failed; want 3, 0", s.name, s.Articles, s.Failed)
		}
		if s.Tokens < 3*20 || s.Sentences < 3*2 {
			t.Errorf("%s: %d tokens, %d sentences; want at least 60, 6", s.name, s.Tokens, s.Sentences)
		}
		if len(s.Seconds) != 2 || s.BestSeconds <= 0 || s.MedianSeconds < s.BestSeconds {
			t.Errorf("%s: times %v best %v median %v", s.name, s.Seconds, s.BestSeconds, s.MedianSeconds)
		}
		if s.TokensPerSec <= 0 || s.ArticlesPerSec <= 0 {
			t.Errorf("%s: rates %v tokens/s, %v articles/s; want positive", s.name, s.TokensPerSec, s.ArticlesPerSec)
		}
	}
	if res.Prose.Entities == 0 {
		t.Error("prose found no entities: extraction is off")
	}
	if res.Prose.SetupSeconds <= 0 {
		t.Error("prose model load not timed")
	}
	if res.Ratio.TokensPerSec <= 0 || res.Ratio.ArticlesPerSec <= 0 || res.PeakRSSMB <= 0 {
		t.Errorf("ratio %+v, peak RSS %v MB; want positive", res.Ratio, res.PeakRSSMB)
	}
}

func TestRunErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.csv")
	for _, tc := range []struct {
		name string
		args []string
		want string
		help bool // the error wraps flag.ErrHelp: a usage error
	}{
		{"repeat zero", []string{"-repeat", "0", missing}, "-repeat 0", true},
		{"negative limit", []string{"-limit", "-1", missing}, "-limit -1", true},
		{"unknown stages", []string{"-stages", "some", missing}, `-stages "some"`, true},
		{"unknown flag", []string{"-fast"}, "not defined", false},
		{"no articles", []string{missing}, "no articles (1 inputs unreadable)", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), tc.args, &out)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
			if got := errors.Is(err, flag.ErrHelp); got != tc.help {
				t.Errorf("errors.Is(err, flag.ErrHelp) = %v, want %v", got, tc.help)
			}
		})
	}
}

func TestWriteTable(t *testing.T) {
	res := &Result{
		Paths: []string{"news"}, Articles: 10, ReadErrors: 1, Bytes: 20000, CPUs: 2, Repeat: 3,
		Dyad:      Side{Articles: 10, Tokens: 4000, BestSeconds: 0.01, MedianSeconds: 0.02, TokensPerSec: 400000, ArticlesPerSec: 1000},
		Prose:     Side{Articles: 10, Tokens: 3900, Entities: 50, BestSeconds: 1, MedianSeconds: 1.5, TokensPerSec: 3900, ArticlesPerSec: 10, SetupSeconds: 0.4},
		Ratio:     Ratio{TokensPerSec: 102.56, ArticlesPerSec: 100},
		PeakRSSMB: 123.4,
	}
	var out bytes.Buffer
	if err := writeTable(&out, res); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"10 articles (1 inputs unreadable), 0.02 MB of text, from news",
		"2 workers (GOMAXPROCS), 3 timed runs",
		"tokens/s", "102.56x", "100.00x", "entities: dyad 0, prose 50", "peak RSS 123.4 MB",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		name string
		xs   []float64
		want float64
	}{
		{"empty", nil, 0},
		{"one", []float64{2}, 2},
		{"odd unsorted", []float64{3, 1, 2}, 2},
		{"even", []float64{4, 1, 3, 2}, 2.5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := median(tc.xs); got != tc.want {
				t.Errorf("median(%v) = %v, want %v", tc.xs, got, tc.want)
			}
		})
	}
}
