package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/ontology"
	"github.com/dyadproject/dyad/internal/shareddata"
)

const bad = "\uFFFD\uFFFD\uFFFD"

func TestRepair(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"clean", "Make a visit", "Make a visit"},
		{"outer and double spaces", "  Make  a visit ", "Make a visit"},
		{"possessive", "on the source actor" + bad + "s own behalf", "on the source actor's own behalf"},
		{"contraction", "they don" + bad + "t agree", "they don't agree"},
		{"quoted title", "coded as " + bad + "Apologize" + bad + " (064) instead", `coded as "Apologize" (064) instead`},
		{"quote at start", bad + "will attack" + bad + " is coded", `"will attack" is coded`},
		{"quote before punctuation", "the verb " + bad + "murder" + bad + ".", `the verb "murder".`},
		{"dash inside words", "policy change" + bad + "political, economic", "policy change--political, economic"},
		{"dash after a full stop", "lynching, etc." + bad + "is specifically", "lynching, etc.--is specifically"},
		{"plural possessive", "represents adversaries" + bad + " commitments", "represents adversaries' commitments"},
		{"invalid bytes", "actor\xe2\x80s own", "actor's own"},
		{"lone replacement character", "a " + "\uFFFD" + " b", `a " b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := repair(tt.in); got != tt.want {
				t.Errorf("repair(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzRepair checks that repair leaves valid UTF-8 without replacement
// characters or runs of spaces, and that repairing twice changes nothing.
func FuzzRepair(f *testing.F) {
	for _, s := range []string{"actor" + bad + "s", bad + "x" + bad, "a\xffb", "  a  b "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := repair(s)
		if !utf8.ValidString(r) || strings.ContainsRune(r, utf8.RuneError) {
			t.Errorf("repair(%q) = %q: invalid or replacement characters left", s, r)
		}
		if r != strings.Join(strings.Fields(r), " ") {
			t.Errorf("repair(%q) = %q: untidy spaces", s, r)
		}
		if rr := repair(r); rr != r {
			t.Errorf("repair not idempotent: %q then %q", r, rr)
		}
	})
}

func TestParseMappingLine(t *testing.T) {
	types := map[string]bool{"AGREE": true, "ACCUSE": true, "CONSULT": true}
	tests := []struct {
		name, line, code string
		want             dyad.PLOVER
		wantErr          bool
	}{
		{"section head", "03: AGREE", "03", dyad.PLOVER{Type: "AGREE"}, false},
		{"padded blanks", "035: AGREE,  ,      ", "035", dyad.PLOVER{Type: "AGREE"}, false},
		{"mode only", "041: CONSULT, phone,   ", "041", dyad.PLOVER{Type: "CONSULT", Mode: "phone"}, false},
		{"padded mode", "0861: CONSULT, access , peacekeeping", "0861", dyad.PLOVER{Type: "CONSULT", Mode: "access", Context: "peacekeeping"}, false},
		{"two contexts", "091: ACCUSE, investigate, crime; corruption", "091", dyad.PLOVER{Type: "ACCUSE", Mode: "investigate", Context: "crime;corruption"}, false},
		{"case", "04: consult, Visit, Diplomatic", "04", dyad.PLOVER{Type: "CONSULT", Mode: "visit", Context: "diplomatic"}, false},
		{"dropped", "01: dropped", "01", dyad.PLOVER{}, false},
		{"no colon", "04 CONSULT", "", dyad.PLOVER{}, true},
		{"code not digits", "0x: CONSULT", "", dyad.PLOVER{}, true},
		{"code too long", "04211: CONSULT", "", dyad.PLOVER{}, true},
		{"unknown type", "04: MEET", "", dyad.PLOVER{}, true},
		{"too many fields", "04: CONSULT, visit, diplomatic, extra", "", dyad.PLOVER{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, p, err := parseMappingLine(tt.line, types)
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseMappingLine(%q) error = %v, want error %v", tt.line, err, tt.wantErr)
			}
			if code != tt.code || p != tt.want {
				t.Errorf("parseMappingLine(%q) = %q, %+v; want %q, %+v", tt.line, code, p, tt.code, tt.want)
			}
		})
	}
}

const testCodebook = "code,name,goldstein,root_code,description,usage_notes\r\n" +
	"01,MAKE PUBLIC STATEMENT,0,01,,\r\n" +
	"010,Make statement,0,01,\"All statements, \r\nverbal or not. \",\"Residual " + bad + "category" + bad + ".\"\r\n" +
	"04,CONSULT,1,04,,\r\n" +
	"040,Consult,1,04,,\r\n" +
	"042,Make a visit,1.9,04,,\r\n" +
	"0421,Make a visit by sea,1.9,04,,\r\n" +
	"08,YIELD,5,08,,\r\n" +
	"084,\"Return, release\",7,08,,\r\n"

const testMapping = `# CAMEO to PLOVER conversion table
04: CONSULT
040: CONSULT, ,  # Consult
042: CONSULT, visit,   # Make a visit

08: CONCEDE
08: RETREAT
084: RETREAT,   ,  # Return, release
1214: REJECT, assist, intelligence # not in the codebook
~~~~~
099: NOTATYPE
`

func TestGenerate(t *testing.T) {
	tsv, prov, err := generate([]byte(testCodebook), []byte(testMapping))
	if err != nil {
		t.Fatal(err)
	}
	o, err := ontology.Parse(bytes.NewReader(tsv))
	if err != nil {
		t.Fatalf("generated table does not parse: %v\n%s", err, tsv)
	}
	want := map[string]dyad.PLOVER{
		"01":   {},
		"010":  {},
		"04":   {Type: "CONSULT"},
		"042":  {Type: "CONSULT", Mode: "visit"},
		"0421": {Type: "CONSULT", Mode: "visit"}, // inherited from 042
		"08":   {Type: "CONCEDE"},                // first of two lines
		"084":  {Type: "RETREAT"},
	}
	for code, p := range want {
		c, ok := o.Lookup(code)
		if !ok || c.PLOVER != p {
			t.Errorf("%s: %+v, %v; want %+v", code, c.PLOVER, ok, p)
		}
	}
	if c, _ := o.Lookup("084"); c.Name != "Return, release" || c.Goldstein != 7 || c.QuadClass != 2 {
		t.Errorf("084 = %+v", c)
	}
	for _, s := range []string{
		"codebook rows read: 8", "rows written: 8", "codes with a PLOVER type: 6; without one: 2",
		"0421 takes 042's CONSULT", "08: line 6 (CONCEDE) kept, line 7 (RETREAT) ignored", "`1214 REJECT`",
	} {
		if !strings.Contains(string(prov), s) {
			t.Errorf("PROVENANCE.md lacks %q", s)
		}
	}
	tsv2, prov2, err := generate([]byte(testCodebook), []byte(testMapping))
	if err != nil || !bytes.Equal(tsv, tsv2) || !bytes.Equal(prov, prov2) {
		t.Error("generate is not deterministic")
	}
}

func TestGenerateErrors(t *testing.T) {
	tests := []struct{ name, codebook, mapping string }{
		{"codebook header", strings.Replace(testCodebook, "goldstein", "score", 1), testMapping},
		{"codebook field count", testCodebook + "05,X,1,05\r\n", testMapping},
		{"codebook goldstein", testCodebook + "05,X,high,05,,\r\n", testMapping},
		{"codebook root", testCodebook + "051,X,1,06,,\r\n", testMapping},
		{"codebook goldstein range", testCodebook + "05,X,12,05,,\r\n", testMapping},
		{"codebook empty", "", testMapping},
		{"mapping unknown type", testCodebook, "04: MEET\n"},
		{"mapping garbage", testCodebook, "CONSULT visit\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := generate([]byte(tt.codebook), []byte(tt.mapping)); err == nil {
				t.Error("generate succeeded, want an error")
			}
		})
	}
}

func TestRun(t *testing.T) {
	shareddata.Path(t, codebookPath)
	shareddata.Path(t, mappingPath)
	out := t.TempDir()
	var stdout bytes.Buffer
	if err := run([]string{"-out", out}, &stdout); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "cameo.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, []byte("\n")); n != 313 {
		t.Errorf("cameo.tsv has %d lines, want 313", n)
	}
	if err := run([]string{"-data", t.TempDir(), "-out", out}, &stdout); err == nil {
		t.Error("run with an empty data folder succeeded")
	}
	if err := run([]string{"-nosuchflag"}, &stdout); err == nil {
		t.Error("run with an unknown flag succeeded")
	}
}
