package ontology

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/shareddata"
)

func load(t testing.TB) *Ontology {
	t.Helper()
	o, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestLookup(t *testing.T) {
	o := load(t)
	if o.Len() != 312 {
		t.Errorf("Len() = %d, want 312", o.Len())
	}
	tests := []struct {
		name, code string
		want       Code
		ok         bool
	}{
		{"root", "04", Code{Code: "04", Name: "CONSULT", Root: "04", Goldstein: 1, QuadClass: 1, PLOVER: dyad.PLOVER{Type: "CONSULT"}}, true},
		{"three digits with mode", "042", Code{Code: "042", Name: "Make a visit", Root: "04", Goldstein: 1.9, QuadClass: 1, PLOVER: dyad.PLOVER{Type: "CONSULT", Mode: "visit"}}, true},
		{"four digits with two contexts", "1124", Code{Code: "1124", Name: "Accuse of war crimes", Root: "11", Goldstein: -2, QuadClass: 3, PLOVER: dyad.PLOVER{Type: "ACCUSE", Mode: "allege", Context: "military;legal"}}, true},
		{"dropped by PLOVER", "016", Code{Code: "016", Name: "Deny responsibility", Root: "01", Goldstein: -5, QuadClass: 1}, true},
		{"yield splits into retreat", "0871", Code{Code: "0871", Name: "Declare truce, ceasefire", Root: "08", Goldstein: 9, QuadClass: 2, PLOVER: dyad.PLOVER{Type: "RETREAT", Mode: "ceasefire", Context: "military"}}, true},
		{"leading zero lost", "42", Code{}, false},
		{"unknown", "0999", Code{}, false},
		{"empty", "", Code{}, false},
		{"padded", " 042", Code{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := o.Lookup(tt.code)
			if ok != tt.ok || got != tt.want {
				t.Errorf("Lookup(%q) = %+v, %v; want %+v, %v", tt.code, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestRoot(t *testing.T) {
	o := load(t)
	tests := []struct {
		name, code, want string
		ok               bool
	}{
		{"root of a root", "19", "FIGHT", true},
		{"root of four digits", "1831", "ASSAULT", true},
		{"root of an unknown child", "0499", "CONSULT", true},
		{"one digit", "4", "", false},
		{"no such root", "21", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := o.Root(tt.code)
			if ok != tt.ok || got.Name != tt.want {
				t.Errorf("Root(%q) = %q, %v; want %q, %v", tt.code, got.Name, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestQuadClassConvention(t *testing.T) {
	// GDELT's ranges, written out root by root so that a change to QuadClass
	// cannot pass by changing the same arithmetic twice.
	want := map[string]int{
		"01": 1, "02": 1, "03": 1, "04": 1, "05": 1,
		"06": 2, "07": 2, "08": 2,
		"09": 3, "10": 3, "11": 3, "12": 3, "13": 3,
		"14": 4, "15": 4, "16": 4, "17": 4, "18": 4, "19": 4, "20": 4,
	}
	for root, q := range want {
		if got := QuadClass(root); got != q {
			t.Errorf("QuadClass(%q) = %d, want %d", root, got, q)
		}
	}
	for _, bad := range []string{"", "00", "21", "1", "042", "ab", "-1"} {
		if got := QuadClass(bad); got != 0 {
			t.Errorf("QuadClass(%q) = %d, want 0", bad, got)
		}
	}
	roots := 0
	for _, c := range load(t).All() {
		if c.QuadClass != want[c.Root] {
			t.Errorf("%s %s: quad class %d, want %d", c.Code, c.Name, c.QuadClass, want[c.Root])
		}
		if len(c.Code) == 2 {
			roots++
		}
	}
	if roots != len(want) {
		t.Errorf("table has %d roots, want %d", roots, len(want))
	}
}

func TestPLOVER(t *testing.T) {
	types := make(map[string]int)
	for _, c := range load(t).All() {
		switch {
		case c.Root == "01" || c.Root == "02":
			if c.PLOVER != (dyad.PLOVER{}) {
				t.Errorf("%s: PLOVER %+v, want none (dropped by PLOVER)", c.Code, c.PLOVER)
			}
		case c.PLOVER.Type == "":
			t.Errorf("%s %s has no PLOVER type", c.Code, c.Name)
		}
		types[c.PLOVER.Type]++
	}
	for _, ty := range PLOVERTypes() {
		if types[ty] == 0 {
			t.Errorf("no code maps to PLOVER %s", ty)
		}
	}
}

func TestAllIsACopy(t *testing.T) {
	o := load(t)
	a := o.All()
	a[0].Name = "changed"
	if o.All()[0].Name == "changed" {
		t.Error("All returned the ontology's own slice")
	}
	for i := 1; i < len(a); i++ {
		if a[i-1].Code >= a[i].Code {
			t.Fatalf("All not sorted at %d: %s, %s", i, a[i-1].Code, a[i].Code)
		}
	}
}

func TestParseErrors(t *testing.T) {
	head := strings.Join(header, "\t") + "\n"
	root := "04\tCONSULT\t1\t04\t1\tCONSULT\t\t\n"
	tests := []struct{ name, table string }{
		{"empty", ""},
		{"wrong header", "code\tname\n" + root},
		{"too few fields", head + "04\tCONSULT\t1\t04\t1\n"},
		{"too many fields", head + "04\tCONSULT\t1\t04\t1\tCONSULT\t\t\t\n"},
		{"goldstein not a number", head + "04\tCONSULT\tone\t04\t1\tCONSULT\t\t\n"},
		{"goldstein out of range", head + "04\tCONSULT\t11\t04\t1\tCONSULT\t\t\n"},
		{"goldstein NaN", head + "04\tCONSULT\tNaN\t04\t1\tCONSULT\t\t\n"},
		{"quad class not a number", head + "04\tCONSULT\t1\t04\tI\tCONSULT\t\t\n"},
		{"quad class against convention", head + "04\tCONSULT\t1\t04\t2\tCONSULT\t\t\n"},
		{"root not the first digits", head + root + "042\tMake a visit\t1.9\t05\t1\tCONSULT\tvisit\t\n"},
		{"root missing from table", head + "042\tMake a visit\t1.9\t04\t1\tCONSULT\tvisit\t\n"},
		{"code not digits", head + root + "04a\tx\t1\t04\t1\tCONSULT\t\t\n"},
		{"code too long", head + root + "04211\tx\t1\t04\t1\tCONSULT\t\t\n"},
		{"duplicate code", head + root + root},
		{"unknown PLOVER type", head + "04\tCONSULT\t1\t04\t1\tMEET\t\t\n"},
		{"mode without type", head + "04\tCONSULT\t1\t04\t1\t\tvisit\t\n"},
		{"no name", head + "04\t\t1\t04\t1\tCONSULT\t\t\n"},
		{"padded name", head + "04\t CONSULT\t1\t04\t1\tCONSULT\t\t\n"},
		{"blank line", head + root + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := Parse(strings.NewReader(tt.table))
			if err == nil {
				t.Fatalf("Parse succeeded with %d codes, want an error", o.Len())
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v is not ErrInvalid", err)
			}
		})
	}
}

func TestWriteTSVRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := load(t).WriteTSV(&b); err != nil {
		t.Fatal(err)
	}
	embedded, err := os.ReadFile("cameo.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), embedded) {
		t.Error("WriteTSV(Load()) differs from cameo.tsv")
	}
}

// TestCodebookCoverage checks that the table has every code of the CAMEO
// codebook, with its name and Goldstein score.
func TestCodebookCoverage(t *testing.T) {
	path := shareddata.Path(t, "cameo-codebook", "cameo-codes-noexamples.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	o := load(t)
	seen := 0
	for _, rec := range recs[1:] {
		seen++
		c, ok := o.Lookup(rec[0])
		if !ok {
			t.Errorf("codebook code %s %q missing", rec[0], rec[1])
			continue
		}
		if g, _ := strconv.ParseFloat(rec[2], 64); g != c.Goldstein {
			t.Errorf("%s: Goldstein %v, codebook %v", rec[0], c.Goldstein, g)
		}
		if !strings.ContainsRune(rec[1], '\uFFFD') && c.Name != strings.TrimSpace(rec[1]) {
			t.Errorf("%s: name %q, codebook %q", rec[0], c.Name, rec[1])
		}
	}
	if seen != o.Len() {
		t.Errorf("codebook has %d codes, table %d", seen, o.Len())
	}
}

// TestGenerated checks that tools/genontology reproduces the committed files
// byte for byte.
func TestGenerated(t *testing.T) {
	shareddata.Path(t, "cameo-codebook", "cameo-codes-noexamples.csv")
	shareddata.Path(t, "plover", "CAMEO2PLOVER-2021.txt")
	if testing.Short() {
		t.Skip("skipping go run in short mode")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	out := t.TempDir()
	cmd := exec.Command(goTool, "run", "./tools/genontology", "-out", out)
	cmd.Dir = filepath.Join("..", "..")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./tools/genontology: %v\n%s", err, b)
	}
	for _, name := range []string{"cameo.tsv", "PROVENANCE.md"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output; run go run ./tools/genontology", name)
		}
	}
}

// FuzzParse checks that whatever Parse accepts, WriteTSV writes back so that
// Parse reads the same table.
func FuzzParse(f *testing.F) {
	f.Add(string(cameoTSV))
	f.Add(strings.Join(header, "\t") + "\n04\tCONSULT\t1\t04\t1\tCONSULT\t\t\n042\tMake a visit\t1.9\t04\t1\tCONSULT\tvisit\t\n")
	f.Add(strings.Join(header, "\t") + "\n17\tCOERCE\t-7e0\t17\t4\tCOERCE\t\tlegal;military\n")
	f.Fuzz(func(t *testing.T, table string) {
		o, err := Parse(strings.NewReader(table))
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := o.WriteTSV(&b); err != nil {
			t.Fatal(err)
		}
		o2, err := Parse(&b)
		if err != nil {
			t.Fatalf("Parse(WriteTSV(t)) failed: %v", err)
		}
		if !reflect.DeepEqual(o.All(), o2.All()) {
			t.Fatalf("round trip changed the table:\n%+v\n%+v", o.All(), o2.All())
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		o, err := Load()
		if err != nil {
			b.Fatal(err)
		}
		n += o.Len()
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "codes/s")
}
