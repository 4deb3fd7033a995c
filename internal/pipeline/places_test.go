package pipeline

import (
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/article"
)

// analyzeStory runs the stages over an invented story published on
// 2026-11-20.
func analyzeStory(tb testing.TB, stages []dyad.Stage, text string) *dyad.Document {
	tb.Helper()
	a := &dyad.Article{ID: "x", Text: text, Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}
	if err := article.Prepare(a, article.Options{}); err != nil {
		tb.Fatal(err)
	}
	doc := dyad.NewDocument(a)
	for _, s := range stages {
		if err := s.Process(doc); err != nil {
			tb.Fatal(err)
		}
	}
	return doc
}

// tuple writes an event as "SRC CODE TGT (target words)", or "SRC CODE -"
// without a target.
func tuple(e dyad.Event) string {
	if e.Target == nil {
		return e.Source.Code + " " + e.CAMEO + " -"
	}
	return e.Source.Code + " " + e.CAMEO + " " + e.Target.Code + " (" + e.Target.Text + ")"
}

// TestEventPlaces runs the standard stages over invented stories and checks
// where each event is placed: the place of the event's own phrase, not one
// that locates a noun in another clause, else the dateline's.
func TestEventPlaces(t *testing.T) {
	stages := standard(t)
	tests := []struct {
		name, text, want string // want: the first event's place, "" for none
	}{
		{"arrived in", "France's president arrived in New Delhi on Tuesday and praised India.", "New Delhi"},
		{"talks in", "France held talks with India in Geneva on Monday.", "Geneva"},
		{"a noun's place in another clause", "NEW DELHI (Reuters) - France's president met India's prime minister, and they discussed the war in Ukraine.", "New Delhi"},
		{"dateline", "TOKYO (Reuters) - Japan condemned North Korea on Friday.", "Tokyo"},
		{"none", "Japan condemned North Korea on Friday.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyzeStory(t, stages, tt.text)
			if len(doc.Events) == 0 {
				t.Fatalf("no event in %q", tt.text)
			}
			got := ""
			if l := doc.Events[0].Location; l != nil {
				got = l.Name
			}
			if got != tt.want {
				t.Errorf("place %q, want %q (event %s %s, reason %+v)", got, tt.want, doc.Events[0].CAMEO, doc.Events[0].Evidence.Trigger.Text, doc.Events[0].Location)
			}
		})
	}
}

// TestAidRecipients checks that target-less aid delivered (or a visit made)
// in a place of another country than the giver's goes to that country, when
// the story names it as an actor, and to no one otherwise.
func TestAidRecipients(t *testing.T) {
	stages := standard(t)
	tests := []struct {
		name, text, want string // want: the first event as "SRC CODE TGT (target words)"
	}{
		{"a city abroad", "Chile thanked Japan. The World Food Programme began distributing rice in Valparaiso on Thursday.",
			"IGOUNOWFP 073 CHL (Valparaiso)"},
		{"the giver's own country", "Chile thanked Japan. Japan distributed food in Osaka on Thursday.", "JPN 073 -"},
		{"a country the story does not name", "The World Food Programme distributed flour in Valparaiso on Thursday.", "IGOUNOWFP 073 -"},
		{"a named recipient stays", "Chile thanked Japan. Japan delivered food to Peru in Valparaiso.", "JPN 073 PER (Peru)"},
		{"a visit placed abroad is to that country", "Chile thanked Japan. The pact was signed in Valparaiso during a visit by Japan's prime minister.",
			"JPNGOV 042 CHL (Valparaiso)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyzeStory(t, stages, tt.text)
			var got string
			for _, e := range doc.Events {
				if e.Root == "07" || e.CAMEO == "042" {
					got = tuple(e)
					break
				}
			}
			if got != tt.want {
				t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestReducedRelations checks that expelling diplomats or closing a
// consulate reduces relations with their country (161), named in the
// diplomats' words.
func TestReducedRelations(t *testing.T) {
	stages := standard(t)
	for text, want := range map[string]string{
		"Poland expelled four Russian diplomats, Russia said.":       "POL 161 RUS (Russian diplomats)",
		"Chile expelled Peru's ambassador on Monday, Peru said.":     "CHL 161 PER (Peru's ambassador)",
		"Chile expelled two Peruvian students on Monday, Peru said.": "CHL 174 PEREDU (Peruvian students)",
	} {
		doc := analyzeStory(t, stages, text)
		got := ""
		for _, e := range doc.Events {
			if e.Target != nil && (e.Root == "16" || e.Root == "17") {
				got = tuple(e)
				break
			}
		}
		if got != want {
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
}
