package dict

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestDetectKind(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             Kind
	}{
		{"verb block", "x.txt", "--- PLEDGE [030] ---\nPLEDGE\n", KindVerbs},
		{"synset only", "x.txt", "&AIDWORD\n+RELIEF\n", KindVerbs},
		{"issues", "x.txt", "<ISSUE CATEGORY=\"A\">\nn:teacher [T]\n</ISSUE>\n", KindIssues},
		{"agents by ~", "x.txt", "ENVOY [~GOV]\n", KindAgents},
		{"agents by prefix code", "x.txt", "HUMAN_RIGHTS_BODY [NGO~]\n", KindAgents},
		{"agents by marker", "x.txt", "!PERSON! = MAN, WOMAN\n", KindAgents},
		{"actors", "x.txt", "FREEDONIA [FRD]\n+FREEDONIAN\n", KindActors},
		{"actors with dated lines", "x.txt", "RUFUS\n\t[FRDGOV >20090101]\n", KindActors},
		{"discards: no brackets", "x.txt", "WORLD CUP\n+GRAND PRIX\n", KindDiscards},
		{"name decides when content cannot", "Mine.actors.txt", "FREEDONIA\n+FREEDONIAN\n", KindActors},
		{"name: verbs", "my.verbs.txt", "# nothing yet\n", KindVerbs},
		{"empty and nameless", "x.txt", "# only a comment\n", KindUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectKind(tt.file, []byte(tt.text)); got != tt.want {
				t.Errorf("DetectKind = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEachLineComments(t *testing.T) {
	const text = "A # hash\r\nB ; semi\n<!-- one --> C <!-- two -->\n<!-- open\nstill\nclose --> D\n\n  \t\n# full\nE"
	var got []string
	eachLine(text, true, func(no int, line, comment string) bool {
		got = append(got, strings.Join([]string{itoa(no), strings.TrimSpace(line), comment}, "|"))
		return true
	})
	want := []string{"1|A|hash", "2|B|semi", "3|C|", "6|D|", "10|E|"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("a.txt", "FREEDONIA [FRD]\n+FREEDONIAN\nBROKEN [FRD\n")
	write("b.txt", "ENVOY [~GOV]\n")
	write("c.txt", "WORLD CUP\n")
	write("d.txt", "--- PLEDGE [030] ---\nPLEDGE\n- * AID [033]\n")
	write("notes.md", "not a dictionary [X]\n")
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("sub/e.txt", "SYLVANIA [SYL]\n")
	extra := write("extra.dict", "SYLVANIA [SYL]\n")

	s, errs, err := Load(dir, extra)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, f := range s.Files {
		kinds = append(kinds, filepath.Base(f.Path)+":"+f.Kind.String())
	}
	if want := []string{"a.txt:actors", "b.txt:agents", "c.txt:discards", "d.txt:verbs", "extra.dict:actors"}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("files = %q, want %q", kinds, want)
	}
	st := s.Stats()
	want := Stats{Files: 5, Actors: 2, ActorNames: 3, Agents: 1, AgentNames: 2, Discards: 1, VerbSets: 1, Verbs: 1, Patterns: 1}
	if st != want {
		t.Errorf("stats = %+v, want %+v", st, want)
	}
	if len(errs) != 1 || errs[0].Error() != filepath.Join(dir, "a.txt")+`:3: unclosed bracket in "[FRD"; entry skipped` {
		t.Errorf("errs = %v", errs)
	}
	var de *Error
	if !errors.As(errs[0], &de) || de.Line != 3 || de.File != filepath.Join(dir, "a.txt") {
		t.Errorf("error fields = %+v", de)
	}
	if !strings.Contains(st.String(), "actors      2 (3 names)") {
		t.Errorf("Stats.String() = %q", st.String())
	}

	if _, _, err := Load(filepath.Join(dir, "missing.txt")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v", err)
	}
	odd := write("odd.dat", "# nothing to tell the kind by\n")
	if s, errs, err := Load(odd); err != nil || len(errs) != 0 || len(s.Files) != 1 || s.Files[0].Kind != KindUnknown {
		t.Errorf("file without entries: %+v, %v, %v", s, errs, err)
	}
	if _, _, err := Parse("x", nil, KindUnknown); !errors.Is(err, ErrUnknownKind) {
		t.Errorf("Parse(KindUnknown): err = %v", err)
	}
}
