package themes

import (
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/lang"
)

func analyze(t *testing.T, text string, stages ...dyad.Stage) *dyad.Document {
	t.Helper()
	doc := dyad.NewDocument(&dyad.Article{Text: text})
	for _, s := range append([]dyad.Stage{lang.Splitter{}}, stages...) {
		if err := s.Process(doc); err != nil {
			t.Fatal(err)
		}
	}
	return doc
}

func TestThemes(t *testing.T) {
	tg, err := NewTagger()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(tg.Themes()); n < 40 {
		t.Errorf("taxonomy has %d themes", n)
	}
	tests := []struct {
		name, text string
		want       string // "ID:mention,mention ID:..."
	}{
		{"sanctions and nuclear", "The EU imposed sanctions over the nuclear program.", "NUCLEAR:nuclear SANCTIONS:sanctions"},
		{"multiword beats single", "They signed a free trade deal.", "TRADE:free trade"},
		{"prefix", "Joint drills and naval exercises began.", "MILITARY_EXERCISE:drills,naval exercises"},
		{"case-insensitive", "ELECTIONS were held.", "ELECTIONS:ELECTIONS"},
		{"no theme", "The weather was fine.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyze(t, tt.text, tg)
			var parts []string
			for _, th := range doc.Themes {
				var ms []string
				for _, m := range th.Mentions {
					ms = append(ms, m.Text)
					if tt.text[m.Start:m.End] != m.Text {
						t.Errorf("mention span %d:%d wrong", m.Start, m.End)
					}
				}
				parts = append(parts, th.ID+":"+strings.Join(ms, ","))
			}
			if got := strings.Join(parts, " "); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTone(t *testing.T) {
	tn, err := NewToner()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		sign int
	}{
		{"negative", "Troops killed civilians in a brutal attack and destroyed homes.", -1},
		{"positive", "Leaders praised the successful agreement and welcomed the peace.", 1},
		{"neutral", "The ministers met in the capital on Tuesday.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyze(t, tt.text, tn)
			tone := doc.Tone
			if tone == nil {
				t.Fatal("no tone")
			}
			if got := sign(tone.Tone); got != tt.sign {
				t.Errorf("tone %+v has sign %d, want %d", tone, got, tt.sign)
			}
			if tone.Polarity != round(tone.Positive+tone.Negative) || tone.Words == 0 {
				t.Errorf("inconsistent tone %+v", tone)
			}
		})
	}
	if doc := analyze(t, "", tn); doc.Tone != nil {
		t.Errorf("tone of empty text: %+v", doc.Tone)
	}
}

func sign(v float64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}
