package eval

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/pipeline"
	"github.com/dyadproject/dyad/internal/shareddata"
)

// polText is an invented article in PolNeAR's layout: a title line, then
// paragraphs, typographic marks (several bytes each, so character and byte
// offsets differ).
const polText = "Ministers Meet in Valdora\n\n" +
	"“We will not sign,” Minister Ana Ruiz said, “not this year.”\n\n" +
	"The council called the plan “a dead end” on Monday.\n\n" +
	"Officials said that talks would resume.\n\n" +
	"Ruiz told reporters: “First part.\n\n“Second part.”\n\n" +
	"“We came. We saw.” Kim said.\n"

// chars returns the character offsets of the n-th (from 1) occurrence of sub.
func chars(t *testing.T, sub string, n int) string {
	t.Helper()
	off := 0
	for ; n > 0; n-- {
		i := strings.Index(polText[off:], sub)
		if i < 0 {
			t.Fatalf("%q not in the text", sub)
		}
		off += i
		if n > 1 {
			off += len(sub)
		}
	}
	s := utf8.RuneCountInString(polText[:off])
	return fmt.Sprintf("%d %d", s, s+utf8.RuneCountInString(sub))
}

func polAnn(t *testing.T) string {
	t.Helper()
	lines := []string{
		"T1\tSource " + chars(t, "Minister Ana Ruiz", 1) + "\tMinister Ana Ruiz",
		"T2\tCue " + chars(t, "said", 1) + "\tsaid",
		"T3\tContent " + chars(t, "“We will not sign,”", 1) + ";" + chars(t, "“not this year.”", 1) + "\t“We will not sign,” “not this year.”",
		"E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
		"T4\tSource " + chars(t, "The council", 1) + "\tThe council",
		"T5\tCue " + chars(t, "called", 1) + "\tcalled",
		"T6\tContent " + chars(t, "the plan “a dead end”", 1) + "\tthe plan “a dead end”",
		"E2\tAttribution:T5 Cue:T5 Source:T4 Content:T6",
		"T7\tSource " + chars(t, "Officials", 1) + "\tOfficials",
		"T8\tContent " + chars(t, "talks would resume", 1) + "\ttalks would resume",
		"E3\tAttribution:T8 Content:T8 Source:T7",
		"T9\tContent " + chars(t, "“First part.\n\n“Second part.”", 1) + "\t“First part.",
		"", // the span's text goes on over the next lines
		"“Second part.”",
		"E4\tAttribution-no-source:T9 Content:T9",
		// A quote cut at each sentence by the annotator.
		"T10\tContent " + chars(t, "“We came.", 1) + ";" + chars(t, "We saw.”", 1) + "\t“We came. We saw.”",
		"T11\tSource " + chars(t, "Kim", 1) + "\tKim",
		"E5\tAttribution:T10 Content:T10 Source:T11",
	}
	return strings.Join(lines, "\n") + "\n"
}

func TestParsePolNeAR(t *testing.T) {
	a, err := ParsePolNeAR("nyt_2016-09-30_ministers-meet_ab12.ann", polText, strings.NewReader(polAnn(t)))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Date.Format(dyad.DateLayout); got != "2016-09-30" {
		t.Errorf("date %s, want 2016-09-30", got)
	}
	want := []struct{ text, source string }{
		{"We will not sign", "Minister Ana Ruiz"},
		{"not this year", "Minister Ana Ruiz"},
		{"a dead end", "The council"},
		{"First part.\n\n“Second part", ""},
		{"We came. We saw", "Kim"},
	}
	if len(a.Quotes) != len(want) {
		t.Fatalf("got %d quotes %+v, want %d", len(a.Quotes), a.Quotes, len(want))
	}
	for i, w := range want {
		q := a.Quotes[i]
		src := ""
		if len(q.Source) > 0 {
			src = polText[q.Source[0].Start:q.Source[0].End]
		}
		if got := polText[q.Start:q.End]; got != w.text || src != w.source {
			t.Errorf("quote %d = %q by %q, want %q by %q", i, got, src, w.text, w.source)
		}
	}
}

func TestParsePolNeARErrors(t *testing.T) {
	tests := []struct{ name, ann, want string }{
		{"offsets past the end", "T1\tContent 5 9999\tx\n", "offsets not within"},
		{"offsets reversed", "T1\tContent 9 5\tx\n", "offsets not within"},
		{"no offsets", "T1\tContent\tx\n", "no offsets"},
		{"unknown span", "T1\tCue 0 4\tMini\nE1\tAttribution:T1 Content:T7\n", "unknown span T7"},
		{"argument without role", "T1\tContent 0 4\tMini\nE1\tT1\n", "not ROLE:ID"},
		{"not an annotation", "hello\n", "want tab-separated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePolNeAR("x.ann", polText, strings.NewReader(tt.ann))
			if !errors.Is(err, ErrGold) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "x.ann") {
				t.Errorf("err = %v, want ErrGold naming x.ann and %q", err, tt.want)
			}
		})
	}
}

func TestScoreQuotes(t *testing.T) {
	a, err := ParsePolNeAR("nyt_2016-09-30_x_ab12.ann", polText, strings.NewReader(polAnn(t)))
	if err != nil {
		t.Fatal(err)
	}
	span := func(sub string) (int, int) {
		i := strings.Index(polText, sub)
		return i, i + len(sub)
	}
	quote := func(text, speaker, actor string) dyad.Quote {
		s, e := span(text)
		q := dyad.Quote{Kind: "direct", Text: text, Start: s, End: e}
		if speaker != "" {
			ss, se := span(speaker)
			q.Speaker = &dyad.Speaker{Text: speaker, Start: ss, End: se, Actor: actor}
		}
		return q
	}
	doc := &dyad.Document{
		Actors:   []dyad.Actor{{ID: "a1"}},
		Mentions: []dyad.Mention{{Span: dyad.Span{Start: strings.Index(polText, "Ruiz"), End: strings.Index(polText, "Ruiz") + 4}, Actor: 0}},
		Quotes: []dyad.Quote{
			quote("We will not sign,", "Ruiz", ""),         // exact after trimming; same last word
			quote("not this", "Ruiz told reporters", "a1"), // overlap only; same actor
			quote("dead end", "Monday", ""),                // overlap only; wrong speaker
			quote("talks would resume", "Officials", ""),   // not gold
			{Kind: "indirect", Text: "talks would resume"}, // not scored
		},
	}
	s := ScoreQuotes([]PolArticle{a}, []*dyad.Document{doc}, true)
	check := func(name string, c QuoteCounts, tp, pred, gold, spRight, spScored int, byWords float64) {
		t.Helper()
		if c.TruePos != tp || c.Predicted != pred || c.Gold != gold || c.SpeakersRight != spRight || c.SpeakersScored != spScored || c.SpeakerAccuracyByWords != byWords {
			t.Errorf("%s: %+v, want tp %d pred %d gold %d speakers %d of %d, by words %.3f", name, c, tp, pred, gold, spRight, spScored, byWords)
		}
	}
	check("overlap", s.Overlap, 3, 4, 5, 2, 3, 1.0/3)
	check("exact", s.Exact, 1, 4, 5, 1, 1, 1)
	if s.F1 != s.Overlap.F1 || s.SpeakerAccuracy != s.Overlap.SpeakerAccuracy {
		t.Errorf("top-level figures %+v are not the overlap ones", s)
	}
	if len(s.Misses) != 4 { // two missed quotes, one wrong speaker, one extra
		t.Errorf("misses %q, want 4", s.Misses)
	}
}

// TestPolNeARDev asserts the targets on PolNeAR's dev split.
func TestPolNeARDev(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes 84 articles")
	}
	gold, err := ReadPolNeAR(shareddata.Path(t, "polnear"), "dev")
	if err != nil {
		t.Fatal(err)
	}
	stages, err := pipeline.Standard(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := PolNeAR(pipeline.New(pipeline.Config{Stages: stages}), gold, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("overlap %+v", s.Overlap)
	t.Logf("exact   %+v", s.Exact)
	floors := []struct {
		name       string
		got, floor float64
	}{
		{"quote F1 (overlap)", s.Overlap.F1, 0.94},
		{"quote F1 (exact)", s.Exact.F1, 0.94},
		{"speaker accuracy", s.Overlap.SpeakerAccuracy, 0.85},
		{"speaker accuracy by words", s.Overlap.SpeakerAccuracyByWords, 0.82},
	}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("%s %.3f below its floor %.2f", f.name, f.got, f.floor)
		}
	}
	if s.Articles != 84 {
		t.Errorf("%d dev articles, want 84", s.Articles)
	}
}

// FuzzParsePolNeAR checks that the reader never panics and that every quote
// it returns lies inside the text on character boundaries.
func FuzzParsePolNeAR(f *testing.F) {
	f.Add("“A,” she said. \"B\n\n\"C\"", "T1\tContent 0 4\t“A,”\nT2\tSource 5 8\tshe\nE1\tAttribution:T1 Content:T1 Source:T2\n")
	f.Add("x \"y\" z", "T1\tContent 0 7;2 5\tx\nE1\tContent:T1\n")
	f.Add("”a“", "T1\tContent 0 3\t”a“\nE1\tContent:T1\n")
	f.Fuzz(func(t *testing.T, text, ann string) {
		a, err := ParsePolNeAR("f.ann", text, strings.NewReader(ann))
		if err != nil {
			return
		}
		for _, q := range a.Quotes {
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End || !utf8.ValidString(text[q.Start:q.End]) {
				t.Fatalf("bad quote span %+v in %q", q.Span, text)
			}
		}
	})
}
