package server

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

func TestAnnotate(t *testing.T) {
	tests := []struct {
		name string
		text string
		anns []annotation
		want string
	}{
		{"plain text is escaped", `a <b> & "c"`, nil, `a &lt;b&gt; &amp; &#34;c&#34;`},
		{"one mark", "France said", []annotation{{0, 6, annActor, "France (FRA)", ""}},
			`<mark class="actor" title="France (FRA)">France</mark> said`},
		{"nested", "say hello world", []annotation{{4, 15, annQuote, "q", ""}, {10, 15, annPlace, "p", ""}},
			`say <mark class="quote" title="q">hello <mark class="place" title="p">world</mark></mark>`},
		{"same span, outer kind first", "Seoul", []annotation{{0, 5, annPlace, "p", ""}, {0, 5, annActor, "a", ""}},
			`<mark class="actor" title="a"><mark class="place" title="p">Seoul</mark></mark>`},
		{"crossing span left out", "abcdef", []annotation{{0, 4, annQuote, "q", ""}, {2, 6, annActor, "a", ""}},
			`<mark class="quote" title="q">abcd</mark>ef`},
		{"trigger links to its event", "they met", []annotation{{5, 8, annTrigger, "event 040", "#ev-e1"}},
			`they <a class="trigger" href="#ev-e1" title="event 040">met</a>`},
		{"no link inside a link", "met again", []annotation{{0, 9, annTrigger, "1", "#ev-e1"}, {4, 9, annTrigger, "2", "#ev-e2"}},
			`<a class="trigger" href="#ev-e1" title="1">met again</a>`},
		{"duplicate left out", "Kyiv", []annotation{{0, 4, annPlace, "p", ""}, {0, 4, annPlace, "p", ""}},
			`<mark class="place" title="p">Kyiv</mark>`},
		{"out of range, empty, reversed", "abc", []annotation{{-1, 2, annActor, "", ""}, {1, 9, annActor, "", ""}, {2, 2, annActor, "", ""}, {2, 1, annActor, "", ""}},
			`abc`},
		{"inside a character", "Gdańsk", []annotation{{0, 4, annPlace, "p", ""}}, `Gdańsk`},
		{"title is escaped", "x", []annotation{{0, 1, annActor, `"><script>`, ""}},
			`<mark class="actor" title="&#34;&gt;&lt;script&gt;">x</mark>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(annotate(tt.text, tt.anns)); got != tt.want {
				t.Errorf("annotate = %s\nwant       %s", got, tt.want)
			}
		})
	}
}

var tags = regexp.MustCompile(`</?(mark|a)\b[^>]*>`)

// FuzzAnnotate checks that any spans over any text give balanced tags whose
// text, once the tags are removed and the entities decoded, is the input.
func FuzzAnnotate(f *testing.F) {
	f.Add("France's foreign minister met <India>", 0, 6, 2, 20, 30, 33)
	f.Add("a\"b'c&d", 1, 3, 0, 7, 2, 5)
	f.Add("Gdańsk \xff x", 3, 5, 0, 9, 4, 10)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		anns := []annotation{
			{a, b, annActor, "t<", ""},
			{c, d, annQuote, `"q"`, ""},
			{e, g, annTrigger, "e", "#ev-e1"},
			{a, d, annPlace, "p", ""},
		}
		out := string(annotate(text, anns))
		if strings.Count(out, "<mark") != strings.Count(out, "</mark>") || strings.Count(out, "<a ") != strings.Count(out, "</a>") {
			t.Fatalf("unbalanced: %s", out)
		}
		// The escaper writes NUL as U+FFFD, as html/template does.
		if got := html.UnescapeString(tags.ReplaceAllString(out, "")); got != strings.ReplaceAll(text, "\x00", "\uFFFD") {
			t.Fatalf("text changed: %q -> %q", text, got)
		}
	})
}
