package article

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// checkArticle checks the invariants every article Read yields must hold.
func checkArticle(t testing.TB, a *dyad.Article, opt Options) {
	t.Helper()
	if !utf8.ValidString(a.Text) {
		t.Fatalf("%s: text is not valid UTF-8", a.Input)
	}
	if len(a.Text) > opt.maxBytes() {
		t.Fatalf("%s: text is %d bytes, more than %d", a.Input, len(a.Text), opt.maxBytes())
	}
	if strings.TrimSpace(a.Text) == "" {
		t.Fatalf("%s: blank text", a.Input)
	}
	if a.Hash != dyad.ContentHash(a.Text) {
		t.Fatalf("%s: hash %s is not the hash of the text", a.Input, a.Hash)
	}
	if a.ID == "" || a.Input == "" {
		t.Fatalf("article without ID (%q) or Input (%q)", a.ID, a.Input)
	}
	for _, s := range []string{a.ID, a.Title, a.URL, a.Source} {
		if !utf8.ValidString(s) {
			t.Fatalf("%s: metadata %q is not valid UTF-8", a.Input, s)
		}
	}
	end := 0
	for i, s := range a.Skip {
		if s.Start < end || s.Start >= s.End || s.End > len(a.Text) {
			t.Fatalf("%s: skip span %d %+v out of order, empty or outside the text (%d bytes); all: %v", a.Input, i, s, len(a.Text), a.Skip)
		}
		end = s.End
	}
	if d := a.Dateline; d != nil {
		whole := dyad.Span{Start: 0, End: len(a.Text)}
		if !whole.Contains(d.Span) || d.Span.Len() == 0 {
			t.Fatalf("%s: dateline span %+v outside the text", a.Input, d.Span)
		}
		if !a.Skipped(d.Span.Start) || !a.Skipped(d.Span.End-1) {
			t.Fatalf("%s: dateline span %+v not skipped", a.Input, d.Span)
		}
		if d.Place == "" {
			t.Fatalf("%s: dateline without place", a.Input)
		}
	}
}

// checkAll reads data as format (Unknown to sniff) and checks every article
// and error; it returns the articles.
func checkAll(t *testing.T, name string, data []byte, format Format) []*dyad.Article {
	t.Helper()
	opt := Options{MaxBytes: 4 << 10, Format: format}
	var arts []*dyad.Article
	for a, err := range ReadBytes(name, data, opt) {
		switch {
		case err != nil:
			var e *Error
			if a != nil || !errors.As(err, &e) || e.Input == "" || e.Err == nil {
				t.Fatalf("bad error %v (%T) with article %v", err, err, a)
			}
		case a == nil:
			t.Fatal("neither article nor error")
		default:
			checkArticle(t, a, opt)
			arts = append(arts, a)
		}
	}
	return arts
}

// addSeeds adds the fixtures whose names match pattern to the corpus.
func addSeeds(f *testing.F, pattern string, extra ...string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "formats", pattern))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

func FuzzText(f *testing.F) {
	addSeeds(f, "*.txt",
		"Title\n\nWASHINGTON -- Body.",
		"May 6, 2026\n\nTOKYO (Reuters) - x\n| a | b |\nAdvertisement\n",
		"\xEF\xBB\xBFx", "\xFF\xFEx\x00", "KYIV, Ukraine (AP) —")
	f.Fuzz(func(t *testing.T, data []byte) {
		arts := checkAll(t, "f.txt", data, Text)
		if len(arts) > 1 {
			t.Fatalf("%d articles from one text", len(arts))
		}
		if len(arts) == 1 && utf8.Valid(data) && !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) && !bytes.HasSuffix(data, []byte(arts[0].Text)) {
			t.Fatalf("text %q is not the end of the input", arts[0].Text)
		}
	})
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, "*.html",
		"<p>LONDON (AP) — x</p>",
		`<html><head><meta charset="iso-8859-1"></head><body><p>caf`+"\xe9"+`</p></body></html>`,
		`<script type="application/ld+json">{"@graph":[{"headline":"h","datePublished":"2026-01-01"}]}</script><p>x</p>`)
	f.Fuzz(func(t *testing.T, data []byte) {
		if arts := checkAll(t, "f.html", data, HTML); len(arts) > 1 {
			t.Fatalf("%d articles from one page", len(arts))
		}
	})
}

func FuzzFeed(f *testing.F) {
	addSeeds(f, "*.xml")
	addSeeds(f, "*.rdf", `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","content_text":"x"}]}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkAll(t, "f.xml", data, Feed)
	})
}

func FuzzJSON(f *testing.F) {
	addSeeds(f, "*.json", `[]`, `{"text":"a"}{"text":"b"}`, `[{"text":"a"},1,"x",{"html":"<p>b</p>"}]`)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkAll(t, "f.json", data, JSON)
	})
}

func FuzzReadBytes(f *testing.F) {
	addSeeds(f, "*")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkAll(t, "f", data, Unknown)
	})
}

// FuzzCSV checks the reader on any input, and that records written by
// encoding/csv read back with the same fields.
func FuzzCSV(f *testing.F) {
	files, _ := filepath.Glob("testdata/formats/*.csv")
	for _, p := range files {
		data, _ := os.ReadFile(p)
		f.Add(data, "id1", "A title", "SEOUL, March 17 (Yonhap) -- Text.\r\nMore, \"quoted\".")
	}
	f.Add([]byte("text\n\"a\"\"b\"\n"), "", " spaced title ", "\"Leading quote")
	f.Fuzz(func(t *testing.T, data []byte, id, title, text string) {
		checkAll(t, "f.csv", data, CSV)

		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Write([]string{"id", "title", "url", "source", "text"})
		w.Write([]string{id, title, "https://x.example/" + id, "Wire", text})
		w.Write([]string{"second", "Second", "", "", "Second article."})
		w.Flush()
		if isBinary(b.Bytes()[:min(b.Len(), sniffLen)]) {
			checkBinary(t, "rt.csv", b.Bytes())
			return
		}
		arts := checkAll(t, "rt.csv", b.Bytes(), CSV)
		checkRoundTrip(t, arts, id, title, "https://x.example/"+id, "Wire", text)
	})
}

// FuzzJSONL checks the reader on any input, and that objects written by
// encoding/json read back with the same fields.
func FuzzJSONL(f *testing.F) {
	addSeeds(f, "*.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkAll(t, "f.jsonl", data, JSONL)

		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		id, title, text := string(data[:len(data)/3]), string(data[len(data)/3:len(data)/2]), string(data[len(data)/2:])
		enc.Encode(map[string]string{"id": id, "title": title, "url": "u", "source": "Wire", "text": text})
		enc.Encode(map[string]string{"id": "second", "text": "Second article."})
		if !utf8.ValidString(id) || !utf8.ValidString(title) || !utf8.ValidString(text) {
			return // encoding/json replaces invalid UTF-8
		}
		if isBinary(b.Bytes()[:min(b.Len(), sniffLen)]) {
			checkBinary(t, "rt.jsonl", b.Bytes())
			return
		}
		arts := checkAll(t, "rt.jsonl", b.Bytes(), JSONL)
		checkRoundTrip(t, arts, id, title, "u", "Wire", text)
	})
}

// checkBinary checks that data, whose first 64 KiB hold NUL bytes or many
// control characters, is refused whole as binary.
func checkBinary(t *testing.T, name string, data []byte) {
	t.Helper()
	var errs []error
	for a, err := range ReadBytes(name, data, Options{}) {
		if a != nil {
			t.Fatalf("article %q read from binary input", a.Text)
		}
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrBinary) {
		t.Fatalf("binary input gave %v, want one ErrBinary", errs)
	}
}

// checkRoundTrip checks the articles of a written record and a second,
// valid one: the first is read with the same fields, or refused when its
// text cannot be an article.
func checkRoundTrip(t *testing.T, arts []*dyad.Article, id, title, url, source, text string) {
	t.Helper()
	opt := Options{MaxBytes: 4 << 10}
	valid := utf8.ValidString(text) && len(text) <= opt.maxBytes() && strings.TrimSpace(text) != "" && !isBinary([]byte(text))
	want := 1
	if valid {
		want = 2
	}
	if len(arts) != want {
		t.Fatalf("read back %d articles, want %d", len(arts), want)
	}
	if arts[len(arts)-1].Text != "Second article." {
		t.Fatalf("second record read as %q", arts[len(arts)-1].Text)
	}
	if !valid {
		return
	}
	a := arts[0]
	// Metadata is trimmed, invalid UTF-8 replaced, control characters made
	// spaces; runs of spaces in titles are collapsed.
	field := func(s string) string {
		return strings.TrimSpace(strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return ' '
			}
			return r
		}, strings.ToValidUTF8(s, "\uFFFD")))
	}
	clean := func(s string) string { return strings.Join(strings.Fields(field(s)), " ") }
	wantID := field(id)
	if wantID == "" {
		wantID = a.Hash[:16]
	}
	if a.Text != text || a.ID != wantID || a.Title != clean(title) || a.URL != field(url) || a.Source != source {
		t.Fatalf("round trip changed the record: got id %q title %q url %q source %q text %q", a.ID, a.Title, a.URL, a.Source, a.Text)
	}
}
