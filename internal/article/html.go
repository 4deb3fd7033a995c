package article

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	nurl "net/url"
	"strings"
	"time"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/dyadproject/dyad"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// readHTML reads a web page: one article.
func readHTML(in *input, data []byte, opt Options, emit emitFunc) bool {
	p, err := extractHTML(data, !in.decoded)
	if err != nil {
		return emit(nil, &Error{Input: in.name, Err: offsetError(err, in.base)})
	}
	a := &dyad.Article{Input: in.name}
	p.fill(a)
	if err := Prepare(a, opt); err != nil {
		return emit(nil, &Error{Input: in.name, Err: err})
	}
	return emit(a, nil)
}

// page is what extractHTML finds in a web page.
type page struct {
	title, url, source string
	date               time.Time
	hasTime            bool
	text               string
}

// fill sets a's text, and the metadata a lacks, from p.
func (p *page) fill(a *dyad.Article) {
	a.Text = p.text
	if strings.TrimSpace(a.Title) == "" {
		a.Title = p.title
	}
	if strings.TrimSpace(a.URL) == "" {
		a.URL = p.url
	}
	if strings.TrimSpace(a.Source) == "" {
		a.Source = p.source
	}
	if a.Date.IsZero() {
		a.Date, a.HasTime = p.date, p.hasTime
	}
}

// utf8Error is an invalid UTF-8 error at a byte offset of the input.
type utf8Error struct{ offset int }

func (e *utf8Error) Error() string { return fmt.Sprintf("%v at byte %d", ErrInvalidUTF8, e.offset) }
func (e *utf8Error) Unwrap() error { return ErrInvalidUTF8 }

// offsetError shifts the offset of a utf8Error by base.
func offsetError(err error, base int) error {
	if e, ok := err.(*utf8Error); ok {
		return &utf8Error{e.offset + base}
	}
	return err
}

// extractHTML finds the main text and the metadata of a web page. With
// useCharset, a charset the page declares in its first 1024 bytes (a meta
// tag) is respected; otherwise, and for pages that declare none, the page
// must be UTF-8. The main text comes from go-readability, or from
// go-trafilatura when readability fails or finds no text; it is rendered as
// paragraphs separated by a blank line.
func extractHTML(data []byte, useCharset bool) (*page, error) {
	if useCharset {
		var err error
		if data, err = decodeCharset(data); err != nil {
			return nil, err
		}
	}
	if i := invalidUTF8(data); i >= 0 {
		return nil, &utf8Error{i}
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	if strings.TrimSpace(renderText(doc)) == "" {
		return nil, fmt.Errorf("%w: the page has no body text", ErrNoText)
	}
	m := pageMeta(doc)
	p := &page{title: m.title(), url: m.url(), source: m.source()}
	p.date, p.hasTime = m.date()
	var base *nurl.URL
	if u, err := nurl.Parse(p.url); err == nil && u.IsAbs() {
		base = u
	}

	art, err := safely(func() (readability.Article, error) {
		ps := readability.NewParser()
		return ps.ParseDocument(doc, base)
	})
	if err == nil && art.Node != nil {
		p.text = renderText(art.Node)
		p.title = first(p.title, art.Title(), m.docTitle)
		p.source = first(p.source, art.SiteName())
		if p.date.IsZero() {
			if t, err := art.PublishedTime(); err == nil {
				p.date, p.hasTime = t, t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0
			}
		}
	}
	if strings.TrimSpace(p.text) == "" {
		res, err := safely(func() (*trafilatura.ExtractResult, error) {
			return trafilatura.ExtractDocument(doc, trafilatura.Options{
				OriginalURL:     base,
				ExcludeComments: true,
				HtmlDateMode:    trafilatura.Disabled,
			})
		})
		if err == nil && res != nil {
			if res.ContentNode != nil {
				p.text = renderText(res.ContentNode)
			}
			if strings.TrimSpace(p.text) == "" {
				p.text = res.ContentText
			}
			p.title = first(p.title, res.Metadata.Title)
			p.source = first(p.source, res.Metadata.Sitename)
			p.url = first(p.url, res.Metadata.URL)
			if p.date.IsZero() && !res.Metadata.Date.IsZero() {
				p.date = res.Metadata.Date
			}
		}
	}
	p.title = first(p.title, m.docTitle)
	if strings.TrimSpace(p.text) == "" {
		return nil, fmt.Errorf("%w: no main text found in the page", ErrNoText)
	}
	return p, nil
}

// safely calls f, turning a panic of the third-party code it runs into an
// error, so that one hostile page cannot stop a batch.
func safely[T any](f func() (T, error)) (v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: extractor failed: %v", ErrSyntax, r)
		}
	}()
	return f()
}

func first(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}

// decodeCharset converts a page that declares a charset other than UTF-8 in
// its first 1024 bytes to UTF-8.
func decodeCharset(data []byte) ([]byte, error) {
	label := declaredCharset(data[:min(len(data), 1024)])
	if label == "" {
		return data, nil
	}
	e, name := charset.Lookup(label)
	// A page cannot declare UTF-16 in a meta tag it could then not be read
	// with: HTML reads such a declaration as UTF-8.
	if e == nil || name == "utf-8" || strings.HasPrefix(name, "utf-16") {
		return data, nil
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, nil
}

// declaredCharset returns the charset a meta tag in head declares, or "".
func declaredCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if string(name) != "meta" {
				continue
			}
			var cs, content string
			var httpEquiv bool
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					httpEquiv = strings.EqualFold(string(v), "content-type")
				case "content":
					content = string(v)
				}
			}
			if cs != "" {
				return strings.TrimSpace(cs)
			}
			if httpEquiv {
				if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
					return params["charset"]
				}
			}
		}
	}
}

// meta is the metadata of a page: its meta tags by lower-cased property,
// name or itemprop, its canonical link, its title element and JSON-LD.
type meta struct {
	props     map[string]string
	canonical string
	docTitle  string
	ld        ldInfo
}

type ldInfo struct{ headline, date, url, publisher string }

func pageMeta(doc *html.Node) *meta {
	m := &meta{props: map[string]string{}}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				content := attr(n, "content")
				for _, k := range []string{"property", "name", "itemprop"} {
					if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" && content != "" {
						if _, ok := m.props[key]; !ok {
							m.props[key] = content
						}
					}
				}
			case atom.Link:
				if m.canonical == "" && strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") {
					m.canonical = attr(n, "href")
				}
			case atom.Title:
				if m.docTitle == "" {
					m.docTitle = textContent(n)
				}
			case atom.Time:
				if dt := attr(n, "datetime"); dt != "" && (strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate")) {
					if _, ok := m.props["datepublished"]; !ok {
						m.props["datepublished"] = dt
					}
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					var v any
					if json.Unmarshal([]byte(textContent(n)), &v) == nil {
						m.ld.walk(v, 0)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// walk collects the first headline, datePublished, url and publisher name
// of the JSON-LD objects in v, looking into @graph and mainEntity.
func (l *ldInfo) walk(v any, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			l.walk(e, depth+1)
		}
	case map[string]any:
		str := func(k string) string { s, _ := x[k].(string); return strings.TrimSpace(s) }
		headline, date := str("headline"), str("datePublished")
		if headline != "" || date != "" {
			l.headline = first(l.headline, headline)
			l.date = first(l.date, date)
			l.url = first(l.url, str("url"))
			switch p := x["publisher"].(type) {
			case string:
				l.publisher = first(l.publisher, p)
			case map[string]any:
				s, _ := p["name"].(string)
				l.publisher = first(l.publisher, s)
			}
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if c, ok := x[k]; ok {
				l.walk(c, depth+1)
			}
		}
	}
}

func (m *meta) prop(keys ...string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(m.props[k]); v != "" {
			return v
		}
	}
	return ""
}

func (m *meta) title() string {
	return first(m.prop("og:title"), m.ld.headline, m.prop("twitter:title", "dc.title", "headline"))
}

func (m *meta) url() string { return first(m.canonical, m.prop("og:url"), m.ld.url) }

func (m *meta) source() string {
	return first(m.prop("og:site_name"), m.ld.publisher, m.prop("application-name", "publisher", "dc.publisher", "twitter:site"))
}

// date returns the page's publication date from the first of its meta tags,
// JSON-LD or time elements that parses.
func (m *meta) date() (time.Time, bool) {
	for _, s := range []string{
		m.prop("article:published_time", "og:article:published_time", "og:published_time"),
		m.ld.date,
		m.prop("datepublished", "date", "pubdate", "publishdate", "publish_date", "publish-date", "publication_date",
			"dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "dcterms.date", "sailthru.date",
			"parsely-pub-date", "article.published", "cxenseparse:recs:publishtime"),
	} {
		if t, hasTime, ok := parseDate(s); ok {
			return t, hasTime
		}
	}
	return time.Time{}, false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// renderText turns HTML into plain text: white space collapsed, block
// elements as paragraphs separated by a blank line, <br> as a line break.
// Scripts, styles, forms and other non-text elements are dropped.
func renderText(n *html.Node) string {
	var w textWriter
	w.render(n)
	return w.b.String()
}

type textWriter struct {
	b     strings.Builder
	space bool // a space is due before the next word
	brk   int  // line breaks due before the next word: 1 or 2
}

func (w *textWriter) breakLines(n int) { w.brk = max(w.brk, n) }

func (w *textWriter) word(s string) {
	if w.b.Len() > 0 {
		switch {
		case w.brk > 0:
			w.b.WriteString("\n\n"[:w.brk])
		case w.space:
			w.b.WriteByte(' ')
		}
	}
	w.brk, w.space = 0, false
	w.b.WriteString(s)
}

func (w *textWriter) render(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		s := n.Data
		for s != "" {
			i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
			if i < 0 {
				w.space = true
				return
			}
			if i > 0 {
				w.space = true
			}
			s = s[i:]
			j := strings.IndexFunc(s, unicode.IsSpace)
			if j < 0 {
				j = len(s)
			}
			w.word(s[:j])
			s = s[j:]
		}
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Svg, atom.Math,
			atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Video, atom.Audio, atom.Select,
			atom.Button, atom.Input, atom.Textarea, atom.Form:
			return
		case atom.Br:
			w.breakLines(1)
			return
		case atom.Td, atom.Th:
			w.space = true
		}
	}
	level := blockLevel(n)
	w.breakLines(level)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.render(c)
	}
	w.breakLines(level)
}

// blockLevel is the number of line breaks around an element: 2 for blocks
// that make paragraphs, 1 for table rows, 0 for inline elements.
func blockLevel(n *html.Node) int {
	if n.Type != html.ElementNode {
		return 0
	}
	switch n.DataAtom {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Li,
		atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre, atom.Table, atom.Section, atom.Article,
		atom.Header, atom.Footer, atom.Main, atom.Aside, atom.Nav, atom.Figure, atom.Figcaption,
		atom.Address, atom.Hr, atom.Details, atom.Summary, atom.Fieldset, atom.Caption, atom.Body:
		return 2
	case atom.Tr:
		return 1
	}
	return 0
}
