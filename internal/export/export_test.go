package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// render writes results with a fresh writer for format and closes it.
func render(t testing.TB, format string, results ...*dyad.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	w, err := New(format, &b)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestNew(t *testing.T) {
	tests := []struct {
		format  string
		wantErr bool
	}{
		{"jsonl", false}, {"table", false}, {"gdelt", false}, {"plover", false}, {"csv", false},
		{"", true}, {"JSONL", true}, {"json", true}, {"tsv", true},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			w, err := New(tt.format, &bytes.Buffer{})
			if tt.wantErr {
				if !errors.Is(err, ErrUnknownFormat) || w != nil {
					t.Errorf("New(%q) = %v, %v; want ErrUnknownFormat", tt.format, w, err)
				}
				return
			}
			if err != nil || w == nil {
				t.Errorf("New(%q) = %v, %v", tt.format, w, err)
			}
		})
	}
	for _, f := range Formats() {
		if _, err := New(f, &bytes.Buffer{}); err != nil {
			t.Errorf("Formats lists %q, New refuses it: %v", f, err)
		}
	}
}

// TestGolden compares every format's output for the fixtures with
// testdata/<format>.golden; go test -update rewrites them.
func TestGolden(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, fixtures()...)
			path := filepath.Join("testdata", format+".golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (go test -update rewrites it):\n%s", path, got)
			}
		})
	}
}

func TestWriterContract(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			w, _ := New(format, &bytes.Buffer{})
			if err := w.Write(nil); err == nil {
				t.Error("Write(nil) succeeded")
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Errorf("second Close: %v", err)
			}
			if err := w.Write(richResult()); !errors.Is(err, ErrClosed) {
				t.Errorf("Write after Close = %v, want ErrClosed", err)
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrorsSurface(t *testing.T) {
	big := richResult()
	big.Title = strings.Repeat("x", 10000) // more than bufio's buffer
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			w, _ := New(format, failWriter{})
			err := w.Write(big)
			for range 20 {
				if err != nil {
					break
				}
				err = w.Write(big)
			}
			if err == nil {
				err = w.Close()
			}
			if err == nil {
				t.Error("no error from a failing io.Writer")
			}
		})
	}
}

func TestEmptyOutput(t *testing.T) {
	tests := []struct {
		name string
		w    func(*bytes.Buffer) Writer
		want string
	}{
		{"csv header", func(b *bytes.Buffer) Writer { w, _ := New("csv", b); return w }, strings.Join(CSVColumns(), ",") + "\n"},
		{"gdelt without header", func(b *bytes.Buffer) Writer { return NewGDELT(b, false) }, ""},
		{"gdelt header", func(b *bytes.Buffer) Writer { return NewGDELT(b, true) }, strings.Join(GDELTColumns(), "\t") + "\n"},
		{"jsonl", func(b *bytes.Buffer) Writer { w, _ := New("jsonl", b); return w }, ""},
		{"plover", func(b *bytes.Buffer) Writer { w, _ := New("plover", b); return w }, ""},
		{"table", func(b *bytes.Buffer) Writer { w, _ := New("table", b); return w }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.w(&b).Close(); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	out := render(t, "jsonl", fixtures()...)
	v, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := v.ValidateLines(bytes.NewReader(out)); err != nil {
		t.Errorf("jsonl output does not match the schema: %v", err)
	}
	if !bytes.Contains(out, []byte("Moscow & Minsk <again>")) {
		t.Error("jsonl escapes HTML characters")
	}
	lines := bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n"))
	want := fixtures()
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d", len(lines), len(want))
	}
	for i, l := range lines {
		var got dyad.Result
		dec := json.NewDecoder(bytes.NewReader(l))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if !reflect.DeepEqual(&got, want[i]) {
			t.Errorf("line %d decodes to\n%+v\nwant\n%+v", i+1, got, *want[i])
		}
	}
}

func TestPLOVERRoundTrip(t *testing.T) {
	out := render(t, "plover", fixtures()...)
	var want []PLOVERRecord
	for _, r := range fixtures() {
		x := newIndex(r)
		for i := range r.Events {
			if rec, ok := ploverRecord(r, x, &r.Events[i]); ok {
				want = append(want, rec)
			}
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	var got []PLOVERRecord
	for sc.Scan() {
		var rec PLOVERRecord
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&rec); err != nil {
			t.Fatalf("line %d: %v", len(got)+1, err)
		}
		got = append(got, rec)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("plover lines decode to\n%+v\nwant\n%+v", got, want)
	}
	// The rich fixture has six events, one of them (010) dropped by PLOVER;
	// the sparse one has only a dropped event.
	if len(got) != 5 {
		t.Fatalf("%d records, want 5", len(got))
	}
	e5 := got[3]
	if e5.ID != "afp-2024-0506-017-e5" || e5.QuadCode != 2 || !slices.Equal(e5.Context, []string{"military", "negation"}) ||
		e5.EventLoc == nil || e5.EventLoc.Resolution != 1 || e5.Actor[0].Code != "RUS" || e5.Actor[0].Sector != "MIL" {
		t.Errorf("e5 = %+v", e5)
	}
	e6 := got[4]
	if !slices.Equal(e6.Context, []string{"crime", "corruption", "hypothetical"}) || e6.Date != "2024-05-06" ||
		e6.Actor[0].Code != "IGO" || e6.EventLoc != nil {
		t.Errorf("e6 = %+v", e6)
	}
}

func TestCSVRoundTrip(t *testing.T) {
	out := render(t, "csv", fixtures()...)
	recs, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{CSVColumns()}
	for _, r := range fixtures() {
		x := newIndex(r)
		for i := range r.Events {
			want = append(want, csvRow(r, x, &r.Events[i]))
		}
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("csv reads back as\n%q\nwant\n%q", recs, want)
	}
	// Spot-check values a spreadsheet user relies on.
	row := recs[2] // e2, the visit to New Delhi
	col := func(name string) string { return row[slices.Index(CSVColumns(), name)] }
	for name, want := range map[string]string{
		"event_id": "e2", "source_name": "French foreign minister", "source_country": "FRA", "cameo": "042",
		"target_code": "INDGOV", "place": "New Delhi", "lat": "28.63576", "negated": "false", "trigger": "met",
	} {
		if got := col(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

func TestGDELTRows(t *testing.T) {
	out := render(t, "gdelt", fixtures()...)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 7 {
		t.Fatalf("%d rows, want 7 (one per event)", len(lines))
	}
	cols := GDELTColumns()
	ids := map[string]bool{}
	for i, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 61 {
			t.Fatalf("row %d has %d fields, want 61", i+1, len(f))
		}
		if ids[f[0]] {
			t.Errorf("row %d: GLOBALEVENTID %s repeats", i+1, f[0])
		}
		ids[f[0]] = true
	}
	row := func(i int) map[string]string {
		m := map[string]string{}
		for j, v := range strings.Split(lines[i], "\t") {
			m[cols[j]] = v
		}
		return m
	}
	tests := []struct {
		name string
		row  int
		want map[string]string
	}{
		{"statement in the lead", 0, map[string]string{
			"SQLDATE": "20240506", "MonthYear": "202405", "Year": "2024", "FractionDate": "2024.3452",
			"Actor1Code": "FRAGOV", "Actor1Name": "FRENCH FOREIGN MINISTER", "Actor1CountryCode": "FRA", "Actor1Type1Code": "GOV",
			"Actor2Code": "", "IsRootEvent": "1", "EventCode": "010", "EventBaseCode": "010", "EventRootCode": "01",
			"QuadClass": "1", "GoldsteinScale": "0", "NumMentions": "1", "AvgTone": "-1.25",
			"ActionGeo_Type": "", "DATEADDED": "20240506073000",
			"SOURCEURL": "https://news.example.org/world/2024/05/06/france-india-australia?ref=rss&utm=x"}},
		{"visit to a world city", 1, map[string]string{
			"IsRootEvent": "0", "Actor2Code": "INDGOV", "Actor2CountryCode": "IND", "ActionGeo_Type": "4",
			"ActionGeo_FullName": "New Delhi", "ActionGeo_CountryCode": "IND", "ActionGeo_ADM1Code": "IN.07",
			"ActionGeo_Lat": "28.63576", "ActionGeo_Long": "77.22445", "Actor1Geo_Type": "", "Actor1Geo_Lat": ""}},
		{"future meeting on its own date", 2, map[string]string{"SQLDATE": "20240509", "FractionDate": "2024.3534"}},
		{"four-digit code", 3, map[string]string{"EventCode": "1122", "EventBaseCode": "112", "EventRootCode": "11", "QuadClass": "3"}},
		{"country-level place", 4, map[string]string{"ActionGeo_Type": "1", "Actor1Code": "RUSMIL", "Actor1Type1Code": "MIL",
			"Actor2Name": "UKRAINE", "GoldsteinScale": "10"}},
		{"organization with a known group code", 5, map[string]string{
			"SQLDATE": "20240506", "Actor1Code": "IGOUNO", "Actor1CountryCode": "", "Actor1KnownGroupCode": "UNO",
			"Actor1Type1Code": "IGO", "Actor1Name": "UNITED NATIONS"}},
		{"article without date or URL", 6, map[string]string{
			"SQLDATE": "", "Year": "", "FractionDate": "", "Actor1Code": "", "Actor1Name": "OFFICIALS", "AvgTone": "",
			"DATEADDED": "", "SOURCEURL": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := row(tt.row)
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

func TestGDELTColumns(t *testing.T) {
	cols := GDELTColumns()
	if len(cols) != 61 {
		t.Fatalf("%d columns, want 61", len(cols))
	}
	for i, want := range map[int]string{0: "GLOBALEVENTID", 1: "SQLDATE", 5: "Actor1Code", 15: "Actor2Code",
		25: "IsRootEvent", 34: "AvgTone", 35: "Actor1Geo_Type", 43: "Actor2Geo_Type", 51: "ActionGeo_Type",
		58: "ActionGeo_FeatureID", 59: "DATEADDED", 60: "SOURCEURL"} {
		if cols[i] != want {
			t.Errorf("column %d = %s, want %s", i+1, cols[i], want)
		}
	}
	doc, err := os.ReadFile("GDELT.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cols {
		if !bytes.Contains(doc, []byte("`"+c+"`")) {
			t.Errorf("GDELT.md does not document %s", c)
		}
	}
}

func TestGlobalEventID(t *testing.T) {
	r := richResult()
	a, b := GlobalEventID(r, 0), GlobalEventID(r, 1)
	if a == b || a >= 1<<63 || b >= 1<<63 {
		t.Errorf("ids %d, %d: want distinct and below 2^63", a, b)
	}
	if GlobalEventID(richResult(), 0) != a {
		t.Error("id not stable")
	}
	r2 := richResult()
	r2.Hash = ""
	if GlobalEventID(r2, 0) == a {
		t.Error("id ignores the hash")
	}
}

func TestSplitActorCode(t *testing.T) {
	tests := []struct {
		name, code, country string
		want                cameoActor
	}{
		{"country", "FRA", "FRA", cameoActor{Country: "FRA"}},
		{"government", "FRAGOV", "FRA", cameoActor{Country: "FRA", Types: []string{"GOV"}}},
		{"defence minister", "FRAGOVMIL", "FRA", cameoActor{Country: "FRA", Types: []string{"GOV", "MIL"}}},
		{"country from the code", "FRAGOV", "", cameoActor{Country: "FRA", Types: []string{"GOV"}}},
		{"country from dyad", "GOV", "FRA", cameoActor{Country: "FRA", Types: []string{"GOV"}}},
		{"IGO", "IGOUNO", "", cameoActor{KnownGroup: "UNO", Types: []string{"IGO"}}},
		{"UN agency", "IGOUNOREFHCR", "", cameoActor{KnownGroup: "UNO", Types: []string{"IGO", "REF"}}},
		{"party", "ISRGOVLKD", "ISR", cameoActor{Country: "ISR", KnownGroup: "LKD", Types: []string{"GOV"}}},
		{"militant group", "IMGMOSALQ", "", cameoActor{KnownGroup: "ALQ", Religion1: "MOS", Types: []string{"IMG"}}},
		{"region", "NGOAFRDEV", "", cameoActor{Country: "AFR", Types: []string{"NGO", "DEV"}}},
		{"national NGO", "NGOUSAHRI", "USA", cameoActor{Country: "USA", Types: []string{"NGO", "HRI"}}},
		{"catholic", "CHRCTH", "", cameoActor{Religion1: "CHR", Religion2: "CTH"}},
		{"denomination alone", "VATCTH", "VAT", cameoActor{Country: "VAT", Religion1: "CHR", Religion2: "CTH"}},
		{"ethnic group", "IRQKURREB", "IRQ", cameoActor{Country: "IRQ", Ethnic: "KUR", Types: []string{"REB"}}},
		{"four roles", "USAGOVMILSPYLEG", "USA", cameoActor{Country: "USA", Types: []string{"GOV", "MIL", "SPY"}}},
		{"lower case", "fragov", "FRA", cameoActor{Country: "FRA", Types: []string{"GOV"}}},
		{"ragged", "FRAGO", "FRA", cameoActor{Country: "FRA"}},
		{"empty", "", "", cameoActor{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := splitActorCode(tt.code, tt.country); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("splitActorCode(%q, %q) = %+v, want %+v", tt.code, tt.country, got, tt.want)
			}
		})
	}
}

func TestTableWidth(t *testing.T) {
	out := render(t, "table", fixtures()...)
	for i, l := range strings.Split(string(out), "\n") {
		if n := utf8.RuneCountInString(l); n > TableWidth {
			t.Errorf("line %d is %d runes wide:\n%s", i+1, n, l)
		}
		if strings.HasSuffix(l, " ") {
			t.Errorf("line %d ends in a space: %q", i+1, l)
		}
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"Canberra", 8, "Canberra"},
		{"Canberra", 7, "Canber…"},
		{"Zürich, Switzerland", 7, "Zürich…"},
		{"New Delhi", 5, "New…"},
		{"abc", 1, "…"},
		{"abc", 0, ""},
		{"", 3, ""},
	}
	for _, tt := range tests {
		if got := clip(tt.in, tt.n); got != tt.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// fuzzResult puts fuzzed text into every free-text field of the rich
// fixture.
func fuzzResult(a, b string) *dyad.Result {
	r := richResult()
	r.ID, r.Title, r.URL, r.Source = a, b+a, b, a
	r.Actors[0].Text, r.Actors[0].Role = b, a
	r.Places[0].Name = a
	for i := range r.Events {
		e := &r.Events[i]
		e.Evidence.Text, e.Evidence.Trigger.Text, e.Evidence.Pattern = a+b, b, a
		e.Source.Code = b
	}
	r.Events[1].Location.Name = b
	r.Quotes[0].Text, r.Quotes[1].Speaker.Text = b, a
	r.Errors = []dyad.StageError{{Stage: a, Message: b}}
	return r
}

var fuzzSeeds = [][2]string{
	{"plain", "text"},
	{"tab\there", "line\nbreak\r\n"},
	{`"quoted, with comma"`, "  spaced  "},
	{"Zürich — ünïcödé", "日本語のテキスト"},
	{"\xff\xfe", "a\u2028b"},
	{strings.Repeat("long ", 60), ""},
}

// FuzzTable checks that no line of the table format is wider than
// TableWidth runes, whatever the text.
func FuzzTable(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		out := render(t, "table", fuzzResult(a, b))
		for _, l := range strings.Split(string(out), "\n") {
			if utf8.RuneCountInString(l) > TableWidth {
				t.Fatalf("line wider than %d: %q", TableWidth, l)
			}
		}
	})
}

// FuzzGDELT checks that every event gives exactly one line of 61 fields.
func FuzzGDELT(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		r := fuzzResult(a, b)
		out := render(t, "gdelt", r)
		lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		if len(lines) != len(r.Events) {
			t.Fatalf("%d lines for %d events", len(lines), len(r.Events))
		}
		for _, l := range lines {
			if n := len(strings.Split(l, "\t")); n != 61 {
				t.Fatalf("%d fields: %q", n, l)
			}
		}
	})
}

// FuzzCSV checks that encoding/csv reads back what the csv format wrote:
// the values, on one line each.
func FuzzCSV(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		r := fuzzResult(a, b)
		recs, err := csv.NewReader(bytes.NewReader(render(t, "csv", r))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		x := newIndex(r)
		for i := range r.Events {
			want := csvRow(r, x, &r.Events[i])
			for j := range want {
				want[j] = oneLine(want[j])
			}
			if !slices.Equal(recs[i+1], want) {
				t.Fatalf("row %d reads back as\n%q\nwant\n%q", i+1, recs[i+1], want)
			}
		}
	})
}

// FuzzJSONL checks that jsonl output decodes back to the same Result.
func FuzzJSONL(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return // encoding/json replaces invalid UTF-8; Results hold valid text
		}
		r := fuzzResult(a, b)
		var got dyad.Result
		if err := json.Unmarshal(render(t, "jsonl", r), &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(&got, r) {
			t.Fatalf("round trip changed the Result")
		}
	})
}

func BenchmarkWrite(b *testing.B) {
	r := richResult()
	for _, format := range Formats() {
		b.Run(format, func(b *testing.B) {
			var buf bytes.Buffer
			w, _ := New(format, &buf)
			b.ReportAllocs()
			for b.Loop() {
				if err := w.Write(r); err != nil {
					b.Fatal(err)
				}
				if buf.Len() > 1<<20 {
					buf.Reset()
				}
			}
			w.Close()
			b.ReportMetric(float64(b.N*len(r.Events))/b.Elapsed().Seconds(), "events/s")
		})
	}
}
