package article

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// Format is an input format.
type Format int

// The formats Read understands. Unknown is what Sniff returns for an empty or
// binary input; as Options.Format it means "sniff".
const (
	Unknown Format = iota
	Text           // plain text, with an optional title line
	HTML           // a web page
	CSV            // comma-separated values with a header
	JSONL          // JSON Lines: one object per line
	JSON           // a JSON array of objects, or one object
	Feed           // RSS, Atom, RDF or JSON Feed
)

var formatNames = [...]string{"unknown", "text", "html", "csv", "jsonl", "json", "feed"}

// String returns the format's lower-case name, as ParseFormat accepts it.
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return "unknown"
	}
	return formatNames[f]
}

// ParseFormat returns the format named s ("text", "html", "csv", "jsonl",
// "json", "feed"), and false for any other name.
func ParseFormat(s string) (Format, bool) {
	for i, n := range formatNames {
		if i > 0 && strings.EqualFold(s, n) {
			return Format(i), true
		}
	}
	return Unknown, false
}

// Sniff returns the format of an input named name whose first bytes are head
// (Read looks at the first 64 KiB). Content decides; the extension of name
// only breaks ties when the content fits several formats. It returns Unknown
// for an empty or binary head.
func Sniff(name string, head []byte) Format {
	switch {
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		head = head[3:]
	case bytes.HasPrefix(head, []byte("\xFF\xFE")), bytes.HasPrefix(head, []byte("\xFE\xFF")):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		if d, err := dec.Bytes(head[:len(head)&^1]); err == nil {
			head = d
		}
	}
	if len(bytes.TrimSpace(head)) == 0 || isBinary(head) {
		return Unknown
	}
	return sniffDecoded(name, head)
}

// sniffDecoded is Sniff for a head without byte-order mark.
func sniffDecoded(name string, head []byte) Format {
	ext := strings.ToLower(filepath.Ext(name))
	t := bytes.TrimLeft(head, " \t\r\n\f\v")
	if len(t) == 0 {
		return Text
	}
	switch t[0] {
	case '<':
		return sniffMarkup(t, ext)
	case '{':
		if f := sniffObject(t, ext); f != Unknown {
			return f
		}
	case '[':
		if r := bytes.TrimLeft(t[1:], " \t\r\n"); len(r) > 0 && (r[0] == '{' || r[0] == ']') {
			return JSON
		}
	}
	if sniffCSV(t, ext) {
		return CSV
	}
	return Text
}

// sniffMarkup tells a feed from a web page. Content that is markup but
// neither goes by the extension, and is a web page when that says nothing.
func sniffMarkup(t []byte, ext string) Format {
	lower := bytes.ToLower(t[:min(len(t), 4096)])
	feed := firstIndex(lower, "<rss", "<feed", "<rdf:rdf")
	page := firstIndex(lower, "<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<p ", "<div", "<title", "<meta", "<h1")
	switch {
	case feed >= 0 && (page < 0 || feed < page):
		return Feed
	case page >= 0:
		return HTML
	case ext == ".rss" || ext == ".atom" || ext == ".rdf" || ext == ".xml":
		return Feed
	}
	return HTML
}

// firstIndex returns the smallest index of any of subs in s, or -1.
func firstIndex(s []byte, subs ...string) int {
	best := -1
	for _, sub := range subs {
		if i := bytes.Index(s, []byte(sub)); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// sniffObject tells JSON Lines from a JSON object (or a JSON Feed) for a head
// starting with '{'. One object per line is JSON Lines, unless the extension
// is .json and there is a single line; an object spread over lines is JSON.
func sniffObject(t []byte, ext string) Format {
	r := bytes.TrimLeft(t[1:], " \t\r\n")
	if len(r) == 0 || r[0] != '"' && r[0] != '}' {
		return Unknown
	}
	if bytes.Contains(t, []byte(`"https://jsonfeed.org/version/`)) {
		return Feed
	}
	first, rest, complete := bytes.Cut(t, []byte("\n"))
	first = bytes.TrimSpace(first)
	if !complete {
		if ext == ".json" {
			return JSON
		}
		return JSONL
	}
	if ext == ".jsonl" || ext == ".ndjson" {
		return JSONL
	}
	if !bytes.HasSuffix(first, []byte("}")) {
		return JSON
	}
	if ext != ".json" {
		return JSONL
	}
	for _, l := range bytes.Split(rest, []byte("\n")) {
		if l = bytes.TrimSpace(l); len(l) > 0 {
			if l[0] == '{' {
				return JSONL
			}
			break
		}
	}
	return JSON
}

// sniffCSV reports whether the first line of t is a CSV header: always for a
// .csv file, else a line of two or more short names, at least two of them
// known columns including a text or html one.
func sniffCSV(t []byte, ext string) bool {
	if ext == ".csv" {
		return true
	}
	line, _, _ := bytes.Cut(t, []byte("\n"))
	line = bytes.TrimRight(line, "\r")
	if !utf8.Valid(line) || bytes.IndexByte(line, ',') < 0 {
		return false
	}
	names := strings.Split(string(line), ",")
	known, body := 0, false
	for _, n := range names {
		n = strings.Trim(strings.TrimSpace(n), `"`)
		if !headerLike(n) {
			return false
		}
		if f := fieldOf(n); f != fieldNone {
			known++
			body = body || f == fieldText || f == fieldHTML
		}
	}
	return known >= 2 && body
}

func headerLike(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == ' ' || r == '.') {
			return false
		}
	}
	return true
}

// isBinary reports whether b looks like binary data: it holds a NUL byte, or
// more than a tenth of it are control characters other than white space.
func isBinary[T string | []byte](b T) bool {
	n := 0
	for i := 0; i < len(b); i++ {
		n += int(controls[b[i]])
	}
	if n == 0 {
		return false
	}
	for i := 0; i < len(b); i++ {
		if b[i] == 0 {
			return true
		}
	}
	return n*10 > len(b)
}

// controls marks the control characters that are not white space.
var controls = func() (t [256]uint8) {
	for c := range 0x20 {
		t[c] = 1
	}
	t['\t'], t['\n'], t['\r'], t['\f'], t['\v'] = 0, 0, 0, 0, 0
	t[0x7f] = 1
	return t
}()

// field is an article field a CSV column or JSON key feeds.
type field int

const (
	fieldNone field = iota
	fieldID
	fieldURL
	fieldTitle
	fieldDate
	fieldSource
	fieldText
	fieldHTML
)

// fieldNames lists the column and key names of each field, case-insensitive,
// with spaces and hyphens read as underscores; the earlier name wins when a
// record has several.
var fieldNames = map[field][]string{
	fieldID:     {"id", "guid", "article_id", "doc_id", "uuid"},
	fieldURL:    {"url", "link", "href", "uri", "canonical_url", "source_url"},
	fieldTitle:  {"title", "headline", "heading"},
	fieldDate:   {"date", "published", "publish_date", "published_at", "publication_date", "pubdate", "pub_date", "datetime", "date_published", "timestamp", "time"},
	fieldSource: {"source", "publisher", "site", "site_name", "sitename", "outlet", "agency"},
	fieldText:   {"text", "body", "content", "article", "article_text", "story", "full_text", "maintext"},
	fieldHTML:   {"html", "raw_html", "html_content", "page"},
}

// fieldOf returns the field a column or key name feeds and its rank among
// the field's names.
func fieldOf(name string) field {
	f, _ := fieldRank(name)
	return f
}

func fieldRank(name string) (field, int) {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.NewReplacer(" ", "_", "-", "_").Replace(n)
	for f := fieldID; f <= fieldHTML; f++ {
		for i, s := range fieldNames[f] {
			if s == n {
				return f, i
			}
		}
	}
	return fieldNone, 0
}
