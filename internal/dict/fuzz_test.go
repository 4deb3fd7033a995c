package dict

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/internal/shareddata"
)

// FuzzParse feeds any bytes to every reader. Properties: no panic; every
// error is an *Error naming the file and a line of the input; every entry
// points at a line of the input and has a name; every pattern survives a
// round trip through its String form.
func FuzzParse(f *testing.F) {
	for _, s := range []string{actorsText, verbsText, "ENVOY [~GOV]\n!P! = A, B\nX!P! {} [NGO~]\n",
		"<ISSUE CATEGORY=\"X\">\npre+n:school [S]\n~~a b\n</ISSUE>\n", "+GRAND_PRIX_\nWORLD CUP\n",
		"A [B >20090101] [C 090101-100101]\n\t[D <19991231]\n+E\n", "<!-- x\n--> [", "- * (A {B &C}) $ [01:02]\n"} {
		for k := KindActors; k <= KindVerbs; k++ {
			f.Add([]byte(s), uint8(k))
		}
	}
	if dir, err := shareddata.Dir(); err == nil {
		for i, name := range []string{"Phoenix.Countries.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt", "Phoenix.IssueCoding.txt", "CAMEO.2.0.txt"} {
			data, err := os.ReadFile(dir + "/cameo-dictionaries/" + name)
			if err == nil {
				f.Add(data[len(data)/2:len(data)/2+min(len(data)/2, 3000)], uint8(i+1))
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, k uint8) {
		kind := Kind(k%5 + 1)
		_ = DetectKind("f.txt", data)
		s, errs, err := Parse("f.txt", data, kind)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(string(data), "\n") + 1
		inRange := func(what string, line int) {
			if line < 1 || line > lines {
				t.Fatalf("%s on line %d of %d", what, line, lines)
			}
		}
		for _, e := range errs {
			var de *Error
			if !errors.As(e, &de) || de.File != "f.txt" {
				t.Fatalf("bad error %v", e)
			}
			inRange("error", de.Line)
		}
		for _, a := range s.Actors {
			inRange("actor", a.Line)
			for _, n := range a.Names {
				if n == "" {
					t.Fatalf("empty actor name in %+v", a)
				}
			}
			for _, c := range a.Codes {
				if c.Code == "" || (!c.From.IsZero() && !c.To.IsZero() && c.To.Before(c.From)) {
					t.Fatalf("bad code %+v", c)
				}
			}
		}
		for _, a := range s.Agents {
			inRange("agent", a.Line)
			if len(a.Names) == 0 || a.Names[0] == "" || a.Code == "" {
				t.Fatalf("bad agent %+v", a)
			}
		}
		for _, d := range s.Discards {
			inRange("discard", d.Line)
		}
		for _, is := range s.Issues {
			inRange("issue", is.Line)
			if len(is.Forms) == 0 || len(is.Forms) > maxExpansions {
				t.Fatalf("issue forms %d", len(is.Forms))
			}
		}
		for _, b := range s.Verbs {
			inRange("verb block", b.Line)
			for _, p := range b.Patterns {
				inRange("pattern", p.Line)
				roundTrip(t, p)
			}
		}
	})
}

// FuzzPattern checks that a pattern that parses reads back the same from its
// String form.
func FuzzPattern(f *testing.F) {
	for _, s := range []string{
		" * (FOR {FINANCIAL AID}) [0231]", " &MILITARY * EXERCISES [062:062]", " * (ON STATE) (OF ALERT) [152]",
		" SO IN_AND_*_OUT_AGAIN NOW [074]", " * NEW_&TIETYPES_RELATIONS [903]", " $ * % [030]", " * (FROM ^) [:042]",
		" * (OVER {&WEAPON ATTACK}) [151]", " * {A_B C} [1]", " (A_B)_C * [1]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parsePattern(s)
		if err != nil {
			return
		}
		roundTrip(t, p)
	})
}

func roundTrip(t *testing.T, p Pattern) {
	t.Helper()
	q, err := parsePattern(p.String())
	if err != nil {
		t.Fatalf("%q does not parse back: %v", p.String(), err)
	}
	if !reflect.DeepEqual(q.Before, p.Before) || !reflect.DeepEqual(q.After, p.After) || q.Code != p.Code {
		t.Fatalf("round trip of %q:\n got %+v\nwant %+v", p.String(), q, p)
	}
}
