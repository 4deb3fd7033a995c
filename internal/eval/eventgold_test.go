package eval

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/pipeline"
	"github.com/dyadproject/dyad/internal/shareddata"
)

func TestParseEventGold(t *testing.T) {
	in := "# comment\ncorpus news/a.csv\n\narticle https://x.org/a 2024-05-06\n" +
		"0\t20\t0123abcd\tFRAGOV 042 IND|INDGOV ; FRA 04* - ~\n" +
		"21\t40\tdeadbeef\t-\n" +
		"article https://x.org/b 2024-05-07\n" +
		"5\t9\t00000000\tUSA 1724|111 *\n"
	g, err := ParseEventGold(strings.NewReader(in), "g.gold")
	if err != nil {
		t.Fatal(err)
	}
	want := &EventGold{Corpus: "news/a.csv", Articles: []GoldArticle{
		{URL: "https://x.org/a", Date: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC), Line: 4, Sentences: []GoldSentence{
			{Start: 0, End: 20, Hash: "0123abcd", Line: 5, Events: []TupleGold{
				{Sources: []string{"FRAGOV"}, Codes: []string{"042"}, Targets: []string{"IND", "INDGOV"}},
				{Sources: []string{"FRA"}, Codes: []string{"04*"}, Targets: []string{""}, Reciprocal: true}}},
			{Start: 21, End: 40, Hash: "deadbeef", Line: 6}}},
		{URL: "https://x.org/b", Date: time.Date(2024, 5, 7, 0, 0, 0, 0, time.UTC), Line: 7, Sentences: []GoldSentence{
			{Start: 5, End: 9, Hash: "00000000", Line: 8, Events: []TupleGold{
				{Sources: []string{"USA"}, Codes: []string{"1724", "111"}, Targets: []string{"*"}}}}}},
	}}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("got  %+v\nwant %+v", g, want)
	}
	head := "corpus c.csv\narticle u 2024-01-01\n"
	for _, tt := range []struct{ name, in, want string }{
		{"empty", "# nothing\n", "no articles"},
		{"no corpus", "article u 2024-01-01\n", ":1: an article before the corpus line"},
		{"two corpora", "corpus a\ncorpus b\n", ":2: a second corpus line"},
		{"corpus outside", "corpus ../x.csv\n", "not a path inside the data folder"},
		{"bad date", "corpus c\narticle u 2024-1-1\n", `date "2024-1-1"`},
		{"article twice", head + "0\t1\t00000000\t-\narticle u 2024-01-02\n", "listed twice"},
		{"no sentences", head, ":2: article without sentences"},
		{"sentence first", "corpus c\n0\t1\t00000000\t-\n", "before the first article"},
		{"fields", head + "0 1 00000000 -\n", "got 1 fields"},
		{"span", head + "5\t5\t00000000\t-\n", "START < END"},
		{"hash", head + "0\t5\t0000000G\t-\n", "not 8 lower-case hex"},
		{"overlap", head + "0\t5\t00000000\t-\n4\t8\t00000000\t-\n", ":4: sentence 4-8 overlaps"},
		{"short event", head + "0\t5\t00000000\tUSA 042\n", "want SOURCE CODE TARGET"},
		{"flag", head + "0\t5\t00000000\tUSA 042 FRA x\n", "want SOURCE CODE TARGET"},
		{"source", head + "0\t5\t00000000\tusa 042 FRA\n", `source "usa"`},
		{"any source", head + "0\t5\t00000000\t* 042 FRA\n", `source "*"`},
		{"code", head + "0\t5\t00000000\tUSA 049 FRA\n", `"049" is not a CAMEO code`},
		{"star root", head + "0\t5\t00000000\tUSA 0* FRA\n", `"0*" is not a CAMEO code`},
		{"target", head + "0\t5\t00000000\tUSA 042 Fr\n", `target "Fr"`},
		{"empty event", head + "0\t5\t00000000\tUSA 042 FRA ;\n", `event ""`},
	} {
		_, err := ParseEventGold(strings.NewReader(tt.in), "g.gold")
		if !errors.Is(err, ErrGold) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func FuzzParseEventGold(f *testing.F) {
	f.Add("corpus c.csv\narticle https://x.org/a 2024-05-06\n0\t20\t0123abcd\tFRAGOV 042 IND|INDGOV ; FRA 04* - ~\n21\t40\tdeadbeef\t-\n")
	f.Add("corpus c\narticle u 2019-01-01\n1\t2\tffffffff\tUSA|USAGOV 1724|13* *\n")
	if b, err := os.ReadFile(filepath.Join("testdata", "events.gold")); err == nil {
		f.Add(string(b[:min(len(b), 2000)]))
	}
	f.Fuzz(func(t *testing.T, in string) {
		g, err := ParseEventGold(strings.NewReader(in), "f.gold")
		if err != nil {
			return
		}
		// Round trip: what was accepted writes back to a file that reads
		// to the same gold.
		var b bytes.Buffer
		if _, err := g.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		g2, err := ParseEventGold(&b, "f2.gold")
		if err != nil {
			t.Fatalf("written gold refused: %v\n%s", err, b.String())
		}
		clearLines(g)
		clearLines(g2)
		if !reflect.DeepEqual(g, g2) {
			t.Fatalf("round trip: %+v, then %+v", g, g2)
		}
	})
}

func clearLines(g *EventGold) {
	for i := range g.Articles {
		g.Articles[i].Line = 0
		for j := range g.Articles[i].Sentences {
			g.Articles[i].Sentences[j].Line = 0
		}
	}
}

func TestScoreTuples(t *testing.T) {
	gold := func(src, code, tgt string, recip bool) TupleGold {
		g := TupleGold{Sources: strings.Split(src, "|"), Codes: strings.Split(code, "|"), Reciprocal: recip}
		for _, x := range strings.Split(tgt, "|") {
			if x == "-" {
				x = ""
			}
			g.Targets = append(g.Targets, x)
		}
		return g
	}
	recs := []TupleRecord{
		// right at every level
		{Gold: []TupleGold{gold("FRAGOV", "042", "INDGOV", false)}, Coded: []Tuple{{"FRAGOV", "INDGOV", "042"}}},
		// right root, wrong code; right actors
		{Gold: []TupleGold{gold("USA", "112", "IRN", false)}, Coded: []Tuple{{"USA", "IRN", "111"}}},
		// right code, wrong target; a reciprocal event coded backwards
		{Gold: []TupleGold{gold("DEU", "163|172", "IRNBUS", false), gold("TUR", "04*", "USA", true)},
			Coded: []Tuple{{"USA", "TUR", "041"}, {"DEU", "IRN", "1722"}}},
		// a gold event never coded, and an extra event in a no-event record
		{Gold: []TupleGold{gold("RUS", "190", "*", false)}},
		{Coded: []Tuple{{"CHN", "", "010"}}},
		{},
	}
	got := ScoreTuples(recs)
	want := EventScore{Records: 6, GoldEvents: 5, Coded: 5,
		EventLevel:         level(2, 5, 5),
		Root:               level(3, 5, 5),
		Accuracies:         Accuracies{TypePairs: 3, TypeAccuracy: 2.0 / 3, TypeRootAccuracy: 1, ActorPairs: 4, SourceAccuracy: 1, TargetAccuracy: 3.0 / 4},
		NoEventRecords:     2,
		NoEventRecordsKept: 1,
		ByRoot: map[string]PRF{"04": prf(2, 2, 2, 2), "11": prf(1, 1, 1, 1), "16": prf(0, 0, 0, 1), "19": prf(0, 0, 0, 1),
			"17": prf(0, 1, 0, 0), "01": prf(0, 1, 0, 0)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if got.Correct != 2 || got.Uncoded != 3 || got.Extra != 3 || got.Root.Correct != 3 || got.Root.Extra != 2 {
		t.Errorf("counts %+v", got)
	}
}

// TestEventsDyad runs the pipeline on invented articles and checks that
// events are kept by their trigger's sentence and that drifted references
// are reported, not scored.
func TestEventsDyad(t *testing.T) {
	text := "France's president visited India on Monday. The weather was fine. Germany criticized Russia."
	arts := map[string]*dyad.Article{
		"u1": {URL: "u1", Text: text, Date: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)},
		"u2": {URL: "u2", Text: "Japan welcomed the plan.", Date: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)},
	}
	s1, s2, s3 := text[:43], text[44:65], text[66:]
	in := "corpus c\narticle u1 2024-05-06\n" +
		"0\t43\t" + SentenceHash(s1) + "\tFRAGOV 042 IND\n" +
		"44\t65\t" + SentenceHash(s2) + "\t-\n" +
		"66\t92\t" + SentenceHash(s3) + "\tDEU 111 RUS\n" +
		"article u2 2024-05-07\n0\t5\t00000000\t-\n" +
		"article u3 2024-05-07\n0\t5\t00000000\t-\n"
	g, err := ParseEventGold(strings.NewReader(in), "t.gold")
	if err != nil {
		t.Fatal(err)
	}
	stages, err := pipeline.Standard(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep := EventsDyad(pipeline.New(pipeline.Config{Stages: stages, Workers: 1}), g, arts, "t.gold")
	if len(rep.Errors) != 2 || !strings.Contains(rep.Errors[0], "t.gold:6: article u2 is dated 2024-05-06 in the corpus") ||
		!strings.Contains(rep.Errors[1], "t.gold:8: article u3 is not in the corpus") {
		t.Errorf("errors %q", rep.Errors)
	}
	if rep.Records != 3 || rep.GoldEvents != 2 || rep.NoEventRecords != 1 || rep.NoEventRecordsKept != 1 || rep.Correct != 2 || rep.Extra != 0 {
		t.Errorf("report %+v, misses %q", rep.EventScore, rep.Misses)
	}
	arts["u1"].Text = strings.Replace(text, "fine", "good", 1)
	rep = EventsDyad(pipeline.New(pipeline.Config{Stages: stages, Workers: 1}), g, arts, "t.gold")
	if len(rep.Errors) != 3 || !strings.Contains(rep.Errors[0], "t.gold:4: the text at 44-65 has changed") || rep.Records != 2 {
		t.Errorf("drifted text: %q, %d records", rep.Errors, rep.Records)
	}
}

// TestEventGoldWikinews scores dyad on the development gold set, the hand
// coding of 2019 Wikinews sentences (testdata/events.gold). The root-level
// floors are above the targets (tuple F1 at least 0.65 with
// precision at least 0.75), a little under the coder's scores when they
// were set; raise them as it improves.
func TestEventGoldWikinews(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "events.gold"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := ParseEventGold(f, "events.gold")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := shareddata.Dir()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	shareddata.Path(t, filepath.FromSlash(g.Corpus))
	arts, skipped, err := LoadEventCorpus(context.Background(), dir, g)
	if err != nil || len(skipped) > 0 {
		t.Fatal(err, skipped)
	}
	stages, err := pipeline.Standard(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep := EventsDyad(pipeline.New(pipeline.Config{Stages: stages, Workers: 1}), g, arts, "events.gold")
	for _, e := range rep.Errors {
		t.Error(e)
	}
	s := rep.EventScore
	t.Logf("%d sentences (%d without events), %d gold events, %d coded", s.Records, s.NoEventRecords, s.GoldEvents, s.Coded)
	t.Logf("full code: P %.3f R %.3f F1 %.3f; root: P %.3f R %.3f F1 %.3f", s.Precision, s.Recall, s.F1, s.Root.Precision, s.Root.Recall, s.Root.F1)
	t.Logf("type accuracy %.3f (root %.3f) on %d pairs; source %.3f, target %.3f on %d pairs; no-event sentences kept %d of %d",
		s.TypeAccuracy, s.TypeRootAccuracy, s.TypePairs, s.SourceAccuracy, s.TargetAccuracy, s.ActorPairs, s.NoEventRecordsKept, s.NoEventRecords)
	if s.Records < 220 || s.NoEventRecords < 40 || s.GoldEvents < 200 {
		t.Errorf("the gold shrank: %d sentences, %d without events, %d events", s.Records, s.NoEventRecords, s.GoldEvents)
	}
	if s.Root.F1 < 0.69 || s.Root.Precision < 0.90 || s.F1 < 0.66 || s.NoEventRecordsKept < 47 {
		t.Errorf("below the floors: root F1 %.3f, root precision %.3f, full F1 %.3f, no-event kept %d",
			s.Root.F1, s.Root.Precision, s.F1, s.NoEventRecordsKept)
	}
}
