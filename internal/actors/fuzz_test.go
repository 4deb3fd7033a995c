package actors

import (
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/kb"
	"github.com/dyadproject/dyad/internal/lang"
	"github.com/dyadproject/dyad/internal/places"
)

// FuzzActors runs the language layer, places and actors over arbitrary
// text and checks the invariants every later stage relies on: mentions lie
// inside the text and say what they cover, point at existing actors, and
// every actor has a name and a mention whose words its text repeats.
func FuzzActors(f *testing.F) {
	for _, s := range []string{
		"Antony Blinken met his South Korean counterpart in Seoul. The two allies condemned North Korea.",
		"They said it was unclear. He left; she stayed. Both countries met.",
		"Pro-Russian separatists and anti-government protesters clashed with Russia-backed fighters.",
		"Jordan Peterson met Georgia's governor in Savannah, Georgia, where Prime Minister May spoke.",
		"President Xi, Mr. Putin and Secretary-General Guterres's spokesman, the ministers, the secretary.",
		"", "\"", "the the the", "His her their its", "U.S.-led , where",
	} {
		f.Add(s)
	}
	an, err := lang.Load()
	if err != nil {
		f.Fatal(err)
	}
	k, err := kb.Load()
	if err != nil {
		f.Fatal(err)
	}
	stages := []dyad.Stage{an, places.New(k), New(k)}
	f.Fuzz(func(t *testing.T, text string) {
		doc := dyad.NewDocument(&dyad.Article{Text: text, Date: time.Date(2023, 5, 2, 0, 0, 0, 0, time.UTC)})
		for _, s := range stages {
			if err := s.Process(doc); err != nil {
				return // the stage reported bad input; nothing to check
			}
		}
		for _, m := range doc.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("mention %+v outside or not matching %q", m, text)
			}
			for _, a := range append([]int{m.Actor}, m.Also...) {
				if a < 0 || a >= len(doc.Actors) {
					t.Fatalf("mention %+v points at actor %d of %d", m, a, len(doc.Actors))
				}
			}
		}
		for _, a := range doc.Actors {
			if a.ID == "" || a.Name == "" || len(a.Mentions) == 0 || a.Text != a.Mentions[0].Text {
				t.Fatalf("actor %+v", a)
			}
		}
	})
}
