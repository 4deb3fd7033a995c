package article

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/shareddata"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// collect reads everything seq yields.
func collect(t testing.TB, seq func(func(*dyad.Article, error) bool)) ([]*dyad.Article, []error) {
	t.Helper()
	var arts []*dyad.Article
	var errs []error
	for a, err := range seq {
		switch {
		case err != nil && a != nil:
			t.Fatalf("yielded both an article (%s) and an error (%v)", a.Input, err)
		case err != nil:
			errs = append(errs, err)
		case a == nil:
			t.Fatal("yielded neither an article nor an error")
		default:
			checkArticle(t, a, Options{})
			arts = append(arts, a)
		}
	}
	return arts, errs
}

// summary is a one-line view of what Read yielded, without the text.
func summary(a *dyad.Article, err error) string {
	if err != nil {
		return "ERR " + err.Error()
	}
	date := ""
	if !a.Date.IsZero() {
		date = a.Date.Format(dyad.DateLayout)
		if a.HasTime {
			date = a.Date.Format(time.RFC3339)
		}
	}
	dl := ""
	if d := a.Dateline; d != nil {
		dl = fmt.Sprintf(" dateline=%s|%s|%s", d.Place, d.Source, d.Date)
	}
	return fmt.Sprintf("%s id=%s title=%q url=%s source=%q date=%s%s", a.Input, a.ID, a.Title, a.URL, a.Source, date, dl)
}

func summaries(seq func(func(*dyad.Article, error) bool)) []string {
	var out []string
	for a, err := range seq {
		out = append(out, summary(a, err))
	}
	return out
}

func TestReadFormats(t *testing.T) {
	dir := "testdata/formats/"
	tests := []struct {
		name string
		file string
		opt  Options
		want []string
	}{
		{"text with title and dateline", "title.txt", Options{}, []string{
			`testdata/formats/title.txt id=b9753a359be4e66e title="Ministers agree on river treaty" url= source="" date= dateline=PARIS||`,
		}},
		{"text with title and --date", "title.txt", Options{Date: time.Date(2026, 5, 7, 0, 0, 0, 0, time.UTC)}, []string{
			`testdata/formats/title.txt id=b9753a359be4e66e title="Ministers agree on river treaty" url= source="" date=2026-05-07 dateline=PARIS||2026-05-06`,
		}},
		{"text without title", "notitle.txt", Options{}, []string{
			`testdata/formats/notitle.txt id=0300d38133d6e809 title="" url= source="" date=`,
		}},
		{"text with date line, dateline and debris", "dateline.txt", Options{}, []string{
			`testdata/formats/dateline.txt id=fc0b636e087a11aa title="" url= source="Yonhap" date=2026-03-19 dateline=SEOUL|Yonhap|2026-03-17`,
		}},
		{"date line wins over --date", "dateline.txt", Options{Date: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}, []string{
			`testdata/formats/dateline.txt id=fc0b636e087a11aa title="" url= source="Yonhap" date=2026-03-19 dateline=SEOUL|Yonhap|2026-03-17`,
		}},
		{"html page", "page.html", Options{}, []string{
			`testdata/formats/page.html id=feec3e8542f702e7 title="Leaders meet in Canberra" url=https://ledger.example/world/leaders-meet source="The Daily Ledger" date=2026-05-07T09:30:00+10:00 dateline=CANBERRA|Ledger|`,
		}},
		{"html extension holding text", "text.html", Options{}, []string{
			`testdata/formats/text.html id=3d32d73ca5868e21 title="Border talks" url= source="" date=`,
		}},
		{"html without body", "nobody.html", Options{}, []string{
			`ERR testdata/formats/nobody.html: article: no text: the page has no body text`,
		}},
		{"csv with synonyms and bad records", "news.csv", Options{}, []string{
			`testdata/formats/news.csv:1 id=n1 title="Ceasefire holds in border region" url=https://news.example/1 source="Wire Daily" date=2026-05-06 dateline=KYIV, Ukraine|AP|`,
			`testdata/formats/news.csv:2 id=n2 title="Talks on grain exports resume" url=https://news.example/2 source="" date=2026-05-05`,
			`ERR testdata/formats/news.csv: record 3 (line 6): article: syntax error: record has 3 fields, header has 6`,
			`testdata/formats/news.csv:4 id=n4 title="Minister visits flooded towns" url=https://news.example/4 source="Wire Daily" date=2026-05-04T14:30:00Z`,
			`ERR testdata/formats/news.csv: record 5 (line 8): article: no text`,
		}},
		{"csv without text column", "nocolumn.csv", Options{}, []string{
			`ERR testdata/formats/nocolumn.csv: line 1: article: missing column: no text or html column in header "id,headline,link"`,
		}},
		{"json lines in a .txt file", "lines.txt", Options{}, []string{
			`testdata/formats/lines.txt:1 id=j1 title="Election date set" url=https://news.example/j1 source="Wire Daily" date=2026-05-01T08:00:00Z`,
			`ERR testdata/formats/lines.txt: line 2: article: syntax error: unexpected end of JSON input at byte 40 of the object`,
			`testdata/formats/lines.txt:3 id=65ae242e8050a188 title="Port reopens" url=https://news.example/j3 source="Reuters" date=2026-05-02T10:15:00+02:00 dateline=TOKYO|Reuters|`,
			`ERR testdata/formats/lines.txt: line 5: article: syntax error: key "text" is not a string`,
		}},
		{"json array", "array.json", Options{}, []string{
			`testdata/formats/array.json[0] id=a1 title="Aid convoy reaches city" url= source="" date=2026-04-30`,
			`ERR testdata/formats/array.json[1]: article: no text`,
			`testdata/formats/array.json[2] id=a3 title="Summit postponed" url= source="Xinhua" date=2026-01-06 dateline=UNITED NATIONS|Xinhua|2026-01-05`,
		}},
		{"json object with unix date and source object", "object.json", Options{}, []string{
			`testdata/formats/object.json id=o1 title="Parliament passes budget" url= source="Wire Daily" date=2026-05-03T09:20:00Z dateline=WASHINGTON||`,
		}},
		{"rss", "rss.xml", Options{}, []string{
			`testdata/formats/rss.xml#1 id=r1 title="Rivers rise after heavy rain" url=https://news.example/r1 source="Wire Daily World" date=2026-05-06T07:00:00Z`,
			`testdata/formats/rss.xml#2 id=eb8d44a89b7ecb44 title="Trade fair opens" url=https://news.example/r2 source="Other Wire" date=`,
			`ERR testdata/formats/rss.xml#3: article: no text`,
		}},
		{"atom", "atom.xml", Options{}, []string{
			`testdata/formats/atom.xml#1 id=urn:ledger:e1 title="Central bank holds rates" url=https://ledger.example/e1 source="Ledger Atom" date=2026-05-06T11:00:00+01:00 dateline=LONDON|Ledger|2026-05-06`,
		}},
		{"rdf", "rdf.rdf", Options{}, []string{
			`testdata/formats/rdf.rdf#1 id=a3f40560ea522edb title="Farmers protest in capital" url=https://news.example/d1 source="RDF Wire" date=2026-05-04`,
		}},
		{"broken feed", "broken.xml", Options{}, []string{
			`ERR testdata/formats/broken.xml: article: syntax error: feed: XML syntax error on line 3: unexpected EOF`,
		}},
		{"empty file", "empty.txt", Options{}, []string{
			`ERR testdata/formats/empty.txt: article: empty input`,
		}},
		{"forced format", "notitle.txt", Options{Format: CSV}, []string{
			`ERR testdata/formats/notitle.txt: line 1: article: missing column: no text or html column in header "The port authority said on Tuesday that shipping traffic had returned to normal."`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summaries(Read(context.Background(), []string{dir + tt.file}, tt.opt))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestGolden reads every fixture of testdata/formats, full text and spans
// included, and compares with testdata/formats.golden (go test -update
// rewrites it).
func TestGolden(t *testing.T) {
	var b bytes.Buffer
	for a, err := range Read(context.Background(), []string{"testdata/formats"}, Options{}) {
		if err != nil {
			fmt.Fprintf(&b, "ERR %v\n", err)
			continue
		}
		checkArticle(t, a, Options{})
		j, _ := json.Marshal(a)
		b.Write(j)
		b.WriteByte('\n')
		for _, s := range a.Skip {
			fmt.Fprintf(&b, "  skip %q\n", a.Text[s.Start:s.End])
		}
	}
	golden := "testdata/formats.golden"
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", golden, b.String())
	}
}

// badInput is an input that gives one error, read between two good inputs.
type badInput struct {
	name    string
	file    string
	data    func() []byte
	opt     Options
	wantErr error
	// wantMsg lists strings the error message must contain.
	wantMsg []string
	// good is the number of articles the bad input still yields.
	good int
}

func TestBadInputs(t *testing.T) {
	const mb = 1 << 20
	big := func() []byte { return bytes.Repeat([]byte("The minister spoke again. "), 50*mb/26+1) }
	jsonl := func(mid []byte) []byte {
		var b bytes.Buffer
		b.WriteString(`{"id":"g1","text":"First good line of news."}` + "\n")
		b.Write(mid)
		b.WriteString("\n" + `{"id":"g2","text":"Second good line of news."}` + "\n")
		return b.Bytes()
	}
	tests := []badInput{
		{name: "empty file", file: "empty.txt", data: func() []byte { return nil }, wantErr: ErrEmpty},
		{name: "blank file", file: "blank.txt", data: func() []byte { return []byte(" \n\n\t\n") }, wantErr: ErrEmpty},
		{name: "NUL bytes", file: "image.png", data: func() []byte { return []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") }, wantErr: ErrBinary},
		{name: "control characters", file: "blob.txt", data: func() []byte { return bytes.Repeat([]byte("a\x01\x02\x03\x04"), 20) }, wantErr: ErrBinary},
		{name: "invalid UTF-8", file: "latin1.txt", data: func() []byte { return []byte("The caf\xe9 reopened on Monday.") }, wantErr: ErrInvalidUTF8, wantMsg: []string{"at byte 7"}},
		{name: "invalid UTF-8 after a BOM", file: "bom.txt", data: func() []byte { return []byte("\xEF\xBB\xBFThe caf\xe9 reopened.") }, wantErr: ErrInvalidUTF8, wantMsg: []string{"at byte 10"}},
		{name: "50 MB text", file: "big.txt", data: big, wantErr: ErrTooLarge},
		{name: "50 MB json line", file: "big.jsonl", data: func() []byte {
			return jsonl(append(append([]byte(`{"id":"big","text":"`), big()...), `"}`...))
		}, wantErr: ErrTooLarge, wantMsg: []string{"line 2"}, good: 2},
		{name: "50 MB csv record", file: "big.csv", data: func() []byte {
			var b bytes.Buffer
			b.WriteString("id,text\nc1,First good record.\nc2,\"")
			b.Write(big())
			b.WriteString("\"\nc3,Last good record.\n")
			return b.Bytes()
		}, wantErr: ErrTooLarge, wantMsg: []string{"record 2 (line 3)"}, good: 2},
		{name: "large json array element", file: "big.json", opt: Options{MaxBytes: 1000}, data: func() []byte {
			return []byte(`[{"text":"Good one."},{"text":"` + strings.Repeat("x", 20000) + `"},{"text":"Good two."}]`)
		}, wantErr: ErrTooLarge, wantMsg: []string{"big.json[1]"}, good: 2},
		{name: "json array element beyond the hard limit", file: "huge.json", opt: Options{MaxBytes: 1000}, data: func() []byte {
			return []byte(`[{"text":"Good one."},{"text":"` + strings.Repeat("x", 200000) + `"},{"text":"Never read."}]`)
		}, wantErr: ErrTooLarge, wantMsg: []string{"huge.json[1]", "the rest of the input is not read"}, good: 1},
		{name: "text above MaxBytes", file: "long.txt", opt: Options{MaxBytes: 100}, data: func() []byte {
			return bytes.Repeat([]byte("Troops withdrew. "), 10)
		}, wantErr: ErrTooLarge, wantMsg: []string{"text is 170 bytes"}},
		{name: "malformed json line", file: "bad.jsonl", data: func() []byte { return jsonl([]byte(`{"id": "x", "text": "unterminated}`)) }, wantErr: ErrSyntax, wantMsg: []string{"line 2"}, good: 2},
		{name: "invalid UTF-8 in a json line", file: "bad8.jsonl", data: func() []byte { return jsonl([]byte("{\"text\": \"caf\xe9\"}")) }, wantErr: ErrInvalidUTF8, wantMsg: []string{"line 2", "at byte 59"}, good: 2},
		{name: "json line not an object", file: "arr.jsonl", data: func() []byte { return jsonl([]byte(`{"text": "a"}]`)) }, wantErr: ErrSyntax, wantMsg: []string{"line 2"}, good: 2},
		{name: "csv missing column", file: "cols.csv", data: func() []byte { return []byte("id,title\n1,Talks resume\n") }, wantErr: ErrMissingColumn, wantMsg: []string{"line 1"}},
		{name: "csv bare quote", file: "quote.csv", data: func() []byte {
			return []byte("id,text\n1,First record.\n2,He said \"no\" today\n3,Third record.\n")
		}, wantErr: ErrSyntax, wantMsg: []string{"record 2 (line 3)", `bare "`}, good: 2},
		{name: "csv unterminated quote", file: "open.csv", data: func() []byte {
			return []byte("id,text\n1,First record.\n2,\"Never closed\n")
		}, wantErr: ErrSyntax, wantMsg: []string{"record 2 (line 3)"}, good: 1},
		{name: "html without body", file: "head.html", data: func() []byte {
			return []byte("<html><head><title>Only a title</title></head><body> </body></html>")
		}, wantErr: ErrNoText},
		{name: "broken feed", file: "feed.xml", data: func() []byte {
			return []byte(`<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title></channel>`)
		}, wantErr: ErrSyntax},
		{name: "broken json array", file: "broken.json", data: func() []byte {
			return []byte(`[{"text":"Good one."}, {"text": oops}]`)
		}, wantErr: ErrSyntax, wantMsg: []string{"broken.json[1]", "at byte"}, good: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write := func(name string, data []byte) string {
				p := filepath.Join(dir, name)
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
				return p
			}
			before := write("0before.txt", []byte("Before\n\nThe first good article of the batch.\n"))
			bad := write(tt.file, tt.data())
			after := write("9after.txt", []byte("The last good article of the batch.\n"))
			arts, errs := collect(t, Read(context.Background(), []string{before, bad, after}, tt.opt))
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1: %v", len(errs), errs)
			}
			err := errs[0]
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v (%T), want an *Error wrapping %v", err, err, tt.wantErr)
			}
			msg := err.Error()
			for _, w := range append([]string{tt.file}, tt.wantMsg...) {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not contain %q", msg, w)
				}
			}
			if len(arts) != 2+tt.good {
				t.Fatalf("got %d articles, want %d", len(arts), 2+tt.good)
			}
			if arts[0].Input != before || arts[len(arts)-1].Input != after {
				t.Errorf("first and last articles are %s and %s", arts[0].Input, arts[len(arts)-1].Input)
			}
		})
	}
}

func TestReadFolder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b/2.txt":          "Second folder, second file.",
		"b/10.txt":         "Second folder, first file in lexical order.",
		"a.txt":            "Top-level file.",
		".hidden.txt":      "Hidden file.",
		".cache/x.txt":     "Hidden folder.",
		"c/d/deep.jsonl":   `{"text":"Deep line one."}` + "\n" + `{"text":"Deep line two."}`,
		"c/.d/skipped.txt": "Skipped.",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdin := strings.NewReader(`[{"text":"From standard input."}]`)
	paths := []string{filepath.Join(dir, "c"), "-", dir, filepath.Join(dir, "missing.txt"), filepath.Join(dir, ".hidden.txt")}
	var got []string
	for a, err := range Read(context.Background(), paths, Options{Stdin: stdin}) {
		if err != nil {
			got = append(got, "ERR "+strings.ReplaceAll(err.Error(), dir, "D"))
			continue
		}
		got = append(got, strings.ReplaceAll(a.Input, dir, "D"))
	}
	want := []string{
		"D/c/d/deep.jsonl:1", "D/c/d/deep.jsonl:2",
		"-[0]",
		"D/a.txt", "D/b/10.txt", "D/b/2.txt", "D/c/d/deep.jsonl:1", "D/c/d/deep.jsonl:2",
		"ERR D/missing.txt: read: stat D/missing.txt: no such file or directory",
		"D/.hidden.txt", // named explicitly
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadStops(t *testing.T) {
	data := []byte("{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n{\"text\":\"Three.\"}\n")
	t.Run("yield returns false", func(t *testing.T) {
		n := 0
		for range ReadBytes("x.jsonl", data, Options{}) {
			n++
			break
		}
		if n != 1 {
			t.Errorf("read %d articles after break", n)
		}
	})
	t.Run("context cancelled", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "x.jsonl")
		os.WriteFile(p, data, 0o644)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var got []string
		for a, err := range Read(ctx, []string{p, p}, Options{}) {
			if err != nil {
				got = append(got, "ERR "+err.Error())
				continue
			}
			got = append(got, a.Text)
			cancel()
		}
		want := []string{"One.", "ERR context canceled"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

func TestEncodings(t *testing.T) {
	utf16 := func(s string, le bool) []byte {
		var b []byte
		if le {
			b = append(b, 0xFF, 0xFE)
		} else {
			b = append(b, 0xFE, 0xFF)
		}
		for _, r := range s { // BMP only in these tests
			if le {
				b = append(b, byte(r), byte(r>>8))
			} else {
				b = append(b, byte(r>>8), byte(r))
			}
		}
		return b
	}
	latin1Page := []byte("<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><p>The caf\xe9 on the square reopened on Monday \x96 after a year of repairs, the mayor said.</p></body></html>")
	tests := []struct {
		name      string
		file      string
		data      []byte
		wantTitle string
		wantText  string
		wantErr   error
	}{
		{"UTF-8 BOM stripped", "a.txt", []byte("\xEF\xBB\xBFTalks\n\nThe talks ended."), "Talks", "The talks ended.", nil},
		{"UTF-16 LE", "a.txt", utf16("Pourparlers à Genève\n\nLes délégués se sont réunis.", true), "Pourparlers à Genève", "Les délégués se sont réunis.", nil},
		{"UTF-16 BE", "a.txt", utf16("Talks\n\nThe talks ended.", false), "Talks", "The talks ended.", nil},
		{"UTF-16 JSON lines", "a.jsonl", utf16(`{"title":"Cumbre","text":"La cumbre terminó."}`, true), "Cumbre", "La cumbre terminó.", nil},
		{"declared windows-1252 page", "a.html", latin1Page, "Café", "The café on the square reopened on Monday – after a year of repairs, the mayor said.", nil},
		{"undeclared latin-1 page", "a.html", []byte("<html><body><p>The caf\xe9 reopened.</p></body></html>"), "", "", ErrInvalidUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := collect(t, ReadBytes(tt.file, tt.data, Options{}))
			if tt.wantErr != nil {
				if len(errs) != 1 || !errors.Is(errs[0], tt.wantErr) {
					t.Fatalf("errors %v, want %v", errs, tt.wantErr)
				}
				return
			}
			if len(errs) > 0 || len(arts) != 1 {
				t.Fatalf("got %d articles, errors %v", len(arts), errs)
			}
			if a := arts[0]; a.Title != tt.wantTitle || a.Text != tt.wantText {
				t.Errorf("got title %q text %q, want %q %q", a.Title, a.Text, tt.wantTitle, tt.wantText)
			}
		})
	}
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"record and line", &Error{Input: "news.csv", Record: 3, Line: 7, Err: errors.New("missing text column")}, "news.csv: record 3 (line 7): missing text column"},
		{"record", &Error{Input: "news.csv", Record: 3, Err: ErrNoText}, "news.csv: record 3: article: no text"},
		{"line", &Error{Input: "a.jsonl", Line: 2, Err: ErrSyntax}, "a.jsonl: line 2: article: syntax error"},
		{"input", &Error{Input: "-", Err: ErrEmpty}, "-: article: empty input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if !errors.Is(tt.err, errors.Unwrap(tt.err)) {
				t.Error("Unwrap does not return the cause")
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		file string
		head string
		want Format
	}{
		{"plain text", "a.txt", "The council met on Monday.", Text},
		{"html page", "a.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>", HTML},
		{"html fragment", "a", "  <p>The council met.</p>", HTML},
		{"html extension holding text", "a.html", "The council met on Monday.", Text},
		{"unknown xml by extension", "a.xml", "<?xml version=\"1.0\"?><doc/>", Feed},
		{"rss", "a.txt", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>", Feed},
		{"atom", "a", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", Feed},
		{"rdf", "a", "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">", Feed},
		{"json feed", "a.json", `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, Feed},
		{"json lines in txt", "a.txt", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", JSONL},
		{"malformed first json line", "a", "{\"text\":\"a\"\n{\"text\":\"b\"}\n", JSON},
		{"one-line object in .json", "a.json", "{\"text\":\"a\"}\n", JSON},
		{"two lines in .json", "a.json", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", JSONL},
		{"pretty object", "a.txt", "{\n  \"text\": \"a\"\n}\n", JSON},
		{"long first line", "a.jsonl", `{"text":"` + strings.Repeat("a", sniffLen), JSONL},
		{"array", "a.txt", "[\n {\"text\":\"a\"}]", JSON},
		{"bracket text", "a.txt", "[Updated] The council met.", Text},
		{"brace text", "a.txt", "{sic} The council met.", Text},
		{"csv by header", "a.txt", "url,date,title,text\nx,y,z,w\n", CSV},
		{"csv by extension", "a.csv", "a,b,c\n1,2,3\n", CSV},
		{"sentence with commas", "a.txt", "Text, images and video were seized, police said.\n", Text},
		{"utf-8 bom", "a.txt", "\xEF\xBB\xBF{\"text\":\"a\"}\n{\"text\":\"b\"}\n", JSONL},
		{"utf-16 bom", "a.txt", "\xFF\xFE<\x00p\x00>\x00", HTML},
		{"binary", "a.txt", "PK\x03\x04\x00\x00", Unknown},
		{"empty", "a.txt", "", Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff(tt.file, []byte(tt.head)); got != tt.want {
				t.Errorf("Sniff(%q) = %v, want %v", tt.head, got, tt.want)
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	for f := Text; f <= Feed; f++ {
		if g, ok := ParseFormat(f.String()); !ok || g != f {
			t.Errorf("ParseFormat(%q) = %v, %v", f, g, ok)
		}
	}
	if _, ok := ParseFormat("unknown"); ok {
		t.Error(`ParseFormat("unknown") succeeded`)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string // RFC 3339, "" when not parsed
		hasTime bool
	}{
		{"2026-05-06", "2026-05-06T00:00:00Z", false},
		{"2026-05-06T09:30:00+10:00", "2026-05-06T09:30:00+10:00", true},
		{"2026-05-06T09:30:00.123Z", "2026-05-06T09:30:00.123Z", true},
		{"2026-05-06 14:30:00", "2026-05-06T14:30:00Z", true},
		{"2026-05-06T14:30", "2026-05-06T14:30:00Z", true},
		{"Wed, 06 May 2026 07:00:00 GMT", "2026-05-06T07:00:00Z", true},
		{"Wed, 06 May 2026 07:00:00 +0200", "2026-05-06T07:00:00+02:00", true},
		{"May 6, 2026", "2026-05-06T00:00:00Z", false},
		{"Friday, January 4, 2019", "2019-01-04T00:00:00Z", false},
		{"Sept. 3, 2025", "2025-09-03T00:00:00Z", false},
		{"Jan. 5, 2026 3:04 p.m.", "2026-01-05T15:04:00Z", true},
		{"6 May 2026", "2026-05-06T00:00:00Z", false},
		{"2026/05/06", "2026-05-06T00:00:00Z", false},
		{"1777800000", "2026-05-03T09:20:00Z", true},
		{"1777800000000", "2026-05-03T09:20:00Z", true},
		{"yesterday", "", false},
		{"2026-13-45", "", false},
		{"", "", false},
		{"2026", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, hasTime, ok := parseDate(tt.in)
			if tt.want == "" {
				if ok {
					t.Errorf("parsed as %v", got)
				}
				return
			}
			if !ok || got.Format(time.RFC3339Nano) != tt.want || hasTime != tt.hasTime {
				t.Errorf("got %v %v %v, want %s %v", got.Format(time.RFC3339Nano), hasTime, ok, tt.want, tt.hasTime)
			}
		})
	}
}

// TestUnparsableDate: a bad date is not an error; --date stands in.
func TestUnparsableDate(t *testing.T) {
	data := []byte("id,date,text\n1,next Tuesday,The talks ended.\n")
	for _, opt := range []Options{{}, {Date: time.Date(2026, 5, 6, 12, 0, 0, 0, time.UTC)}} {
		arts, errs := collect(t, ReadBytes("a.csv", data, opt))
		if len(errs) != 0 || len(arts) != 1 {
			t.Fatalf("got %d articles, errors %v", len(arts), errs)
		}
		want := ""
		if !opt.Date.IsZero() {
			want = "2026-05-06"
		}
		if got := dayOf(arts[0]); got != want || arts[0].HasTime {
			t.Errorf("date %q (HasTime %v), want %q", got, arts[0].HasTime, want)
		}
	}
}

func dayOf(a *dyad.Article) string {
	if a.Date.IsZero() {
		return ""
	}
	return a.Date.Format(dyad.DateLayout)
}

func TestCSVReader(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // records as fields joined by "|", or "ERR reason" / "LINE n" markers
	}{
		{"simple", "a,b\n1,2\n", []string{"a|b@1", "1|2@2"}},
		{"crlf", "a,b\r\n1,2\r\n", []string{"a|b@1", "1|2@2"}},
		{"no final newline", "a,b\n1,2", []string{"a|b@1", "1|2@2"}},
		{"quoted newline keeps CR", "a,b\n\"x\r\ny\",2\n3,4\n", []string{"a|b@1", "x\r\ny|2@2", "3|4@4"}},
		{"escaped quote", "a\n\"say \"\"no\"\"\"\n", []string{"a@1", `say "no"@2`}},
		{"blank lines skipped", "a\n\n\r\nx\n", []string{"a@1", "x@4"}},
		{"empty quoted field is a record", "a\n\"\"\n", []string{"a@1", "@2"}},
		{"empty fields", "a,b,c\n,,\n", []string{"a|b|c@1", "||@2"}},
		{"CR inside unquoted field", "a\nx\ry,z\n", []string{"a@1", "x\ry|z@2"}},
		{"bare quote", "a\nx\"y\nz\n", []string{"a@1", `ERR bare " in non-quoted field@2`, "z@3"}},
		{"text after quote", "a\n\"x\"y,1\nz\n", []string{"a@1", `ERR extraneous or missing " in quoted field@2`, "z@3"}},
		{"unterminated", "a\n\"x\ny\n", []string{"a@1", "ERR quoted field not closed before the end of input@2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := openInput("t.csv", strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			cr := &csvReader{br: in.br, limit: 1 << 10}
			var got []string
			for {
				fields, line, err := cr.next()
				if err != nil && errors.Is(err, ErrSyntax) {
					got = append(got, fmt.Sprintf("ERR %s@%d", strings.TrimPrefix(err.Error(), ErrSyntax.Error()+": "), line))
					continue
				}
				if err != nil {
					break
				}
				got = append(got, fmt.Sprintf("%s@%d", strings.Join(fields, "|"), line))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestCSVHTMLColumn: an html column is used when the text is blank, its page
// metadata filling what the record lacks.
func TestCSVHTMLColumn(t *testing.T) {
	page := `<html><head><meta property="og:site_name" content="The Ledger"><link rel="canonical" href="https://ledger.example/x"></head><body><article><p>The mayor opened the new bridge on Sunday, the city said.</p></article></body></html>`
	var b bytes.Buffer
	b.WriteString("title,html\n")
	b.WriteString(`"Bridge opens","` + strings.ReplaceAll(page, `"`, `""`) + "\"\n")
	arts, errs := collect(t, ReadBytes("pages.csv", b.Bytes(), Options{}))
	if len(errs) != 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	a := arts[0]
	if a.Title != "Bridge opens" || a.Source != "The Ledger" || a.URL != "https://ledger.example/x" || a.Text != "The mayor opened the new bridge on Sunday, the city said." {
		t.Errorf("got %+v", a)
	}
}

// TestWikinews loads the Wikinews sample (295 articles, every one dated).
func TestWikinews(t *testing.T) {
	paths := []string{
		shareddata.Path(t, "wikinews", "wikinews_2019.csv"),
		shareddata.Path(t, "wikinews", "wikinews_2020.csv"),
	}
	arts, errs := collect(t, Read(context.Background(), paths, Options{}))
	if len(errs) > 0 {
		t.Errorf("errors: %v", errs)
	}
	if len(arts) != 295 {
		t.Errorf("read %d articles, want 295", len(arts))
	}
	for _, a := range arts {
		if a.Date.IsZero() || a.Title == "" || a.URL == "" {
			t.Errorf("%s: date %v, title %q, url %q", a.Input, a.Date, a.Title, a.URL)
		}
	}
}
