package eval

import (
	"errors"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/internal/kb"
	"github.com/dyadproject/dyad/internal/lang"
)

// Floors of `dyad eval actors` on the embedded gold.
const (
	actorMentionF1Floor = 0.93
	actorCorefF1Floor   = 0.90
)

func TestActorsFloors(t *testing.T) {
	an, err := lang.Load()
	if err != nil {
		t.Fatal(err)
	}
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Actors(an, k, ActorsGold())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d cases; mentions P %.3f R %.3f F1 %.3f; coreference P %.3f R %.3f F1 %.3f; codes F1 %.3f",
		rep.Cases, rep.Mentions.Precision, rep.Mentions.Recall, rep.Mentions.F1,
		rep.Coreference.Precision, rep.Coreference.Recall, rep.Coreference.F1, rep.Codes.F1)
	for _, m := range rep.Misses {
		t.Log(m)
	}
	if rep.Cases < 40 {
		t.Errorf("%d cases, want at least 40", rep.Cases)
	}
	if rep.Mentions.F1 < actorMentionF1Floor {
		t.Errorf("mention F1 %.3f is below its floor %.2f", rep.Mentions.F1, actorMentionF1Floor)
	}
	if rep.Coreference.F1 < actorCorefF1Floor {
		t.Errorf("coreference F1 %.3f is below its floor %.2f", rep.Coreference.F1, actorCorefF1Floor)
	}
}

func TestParseActorsGoldErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"France met India.\n", "line 1: text before the first ## case"},
		{"## 2024-13-01\nFrance met India.\n", `line 1: date "2024-13-01"`},
		{"## -\n", "line 1: case without text"},
		{"## -\nFrance met India.\nA second line.\n", "line 3: a case has one line of text"},
		{"## -\nFrance met India.\n- France FRA\n", `line 3: want "- words = CODE"`},
		{"## -\nFrance met India.\n- India = IND\n- France = FRA\n", `line 4: "France" is not in the text after the previous mention`},
		{"## -\n- France = FRA\n", `line 2: want "- words = CODE" after the case's text`},
	}
	for _, tt := range tests {
		_, err := ParseActorsGold(strings.NewReader(tt.in))
		if !errors.Is(err, ErrGold) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.want)
		}
	}
	cases, err := ParseActorsGold(strings.NewReader("# c\n## 2024-01-02\nThey met France.\n~ They = A+B\n- France = FRA\n## -\nNothing.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 || cases[0].Date != "2024-01-02" || len(cases[0].Mentions) != 2 || !cases[0].Mentions[0].Coref ||
		strings.Join(cases[0].Mentions[0].Codes, ",") != "A,B" || cases[1].Date != "" || len(cases[1].Mentions) != 0 {
		t.Errorf("parsed %+v", cases)
	}
}

func FuzzParseActorsGold(f *testing.F) {
	f.Add(string(ActorsGold()))
	f.Add("## -\nA.\n- A = X\n")
	f.Fuzz(func(t *testing.T, s string) {
		cases, err := ParseActorsGold(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, c := range cases {
			if c.Text == "" {
				t.Fatalf("case without text accepted: %+v", c)
			}
			for _, m := range c.Mentions {
				if !strings.Contains(c.Text, m.Text) || len(m.Codes) == 0 {
					t.Fatalf("mention %+v not in %q", m, c.Text)
				}
			}
		}
	})
}
