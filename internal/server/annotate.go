package server

import (
	"cmp"
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// Kinds of annotation, which are also the CSS classes of their marks.
const (
	annQuote   = "quote"
	annActor   = "actor"
	annPlace   = "place"
	annTrigger = "trigger"
)

// annotation is one highlighted span of an article's text.
type annotation struct {
	start, end int
	kind       string
	title      string
	// href, when set, makes the mark a link (to an event's evidence).
	href string
}

// kindRank orders annotations that start and end together: the outer one
// first.
var kindRank = map[string]int{annQuote: 0, annActor: 1, annPlace: 2, annTrigger: 3}

// annotations collects the spans of r's quotes, actor mentions, place
// mentions and event triggers.
func annotations(r *dyad.Result) []annotation {
	var out []annotation
	for _, q := range r.Quotes {
		title := "quote"
		if q.Speaker != nil {
			title = "quote by " + q.Speaker.Text
			if q.Speaker.Code != "" {
				title += " (" + q.Speaker.Code + ")"
			}
		}
		out = append(out, annotation{start: q.Start, end: q.End, kind: annQuote, title: title})
	}
	for _, a := range r.Actors {
		title := a.Name
		if a.Code != "" {
			title += " (" + a.Code + ")"
		}
		for _, m := range a.Mentions {
			out = append(out, annotation{start: m.Start, end: m.End, kind: annActor, title: title})
		}
	}
	for _, p := range r.Places {
		title := p.Name
		if p.Country != "" {
			title += ", " + p.Country
		}
		for _, m := range p.Mentions {
			out = append(out, annotation{start: m.Start, end: m.End, kind: annPlace, title: title})
		}
	}
	for _, e := range r.Events {
		t := e.Evidence.Trigger
		out = append(out, annotation{start: t.Start, end: t.End, kind: annTrigger,
			title: "event " + e.CAMEO + " " + e.CAMEOName, href: "#" + eventAnchor(e.ID)})
	}
	return out
}

// eventAnchor is the HTML id of an event's entry on the article page.
func eventAnchor(id string) string { return "ev-" + id }

// annotate returns text as HTML with the annotations as marks. Every piece
// of text and every attribute value is escaped. Annotations outside the
// text, not on character boundaries, empty, or crossing an annotation
// opened before them (rather than nesting inside it) are left out, as is a
// second one with the same span and kind; an event trigger inside another
// trigger is left out too, because links cannot nest.
func annotate(text string, anns []annotation) template.HTML {
	valid := anns[:0:0]
	for _, a := range anns {
		if a.start < 0 || a.end > len(text) || a.start >= a.end || !boundary(text, a.start) || !boundary(text, a.end) {
			continue
		}
		valid = append(valid, a)
	}
	slices.SortStableFunc(valid, func(x, y annotation) int {
		return cmp.Or(cmp.Compare(x.start, y.start), cmp.Compare(y.end, x.end), cmp.Compare(kindRank[x.kind], kindRank[y.kind]))
	})
	var b strings.Builder
	var stack []annotation
	pos := 0
	emit := func(to int) {
		b.WriteString(template.HTMLEscapeString(text[pos:to]))
		pos = to
	}
	closeTop := func() {
		top := stack[len(stack)-1]
		emit(top.end)
		if top.href != "" {
			b.WriteString("</a>")
		} else {
			b.WriteString("</mark>")
		}
		stack = stack[:len(stack)-1]
	}
	for i, a := range valid {
		if i > 0 && a.start == valid[i-1].start && a.end == valid[i-1].end && a.kind == valid[i-1].kind {
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].end <= a.start {
			closeTop()
		}
		if len(stack) > 0 && a.end > stack[len(stack)-1].end {
			continue
		}
		if a.href != "" && slices.ContainsFunc(stack, func(o annotation) bool { return o.href != "" }) {
			continue
		}
		emit(a.start)
		if a.href != "" {
			b.WriteString(`<a class="` + a.kind + `" href="` + template.HTMLEscapeString(a.href) + `" title="` + template.HTMLEscapeString(a.title) + `">`)
		} else {
			b.WriteString(`<mark class="` + a.kind + `" title="` + template.HTMLEscapeString(a.title) + `">`)
		}
		stack = append(stack, a)
	}
	for len(stack) > 0 {
		closeTop()
	}
	emit(len(text))
	return template.HTML(b.String())
}

// boundary reports whether byte offset i of s starts a character (or is the
// end of s).
func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}
