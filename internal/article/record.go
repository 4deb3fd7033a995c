package article

import (
	"fmt"
	"strings"

	"github.com/dyadproject/dyad"
)

// record is one article's fields as a CSV row or a JSON object gives them.
type record struct {
	id, url, title, date, source, text, html string
}

// set stores v in the field f.
func (r *record) set(f field, v string) {
	switch f {
	case fieldID:
		r.id = v
	case fieldURL:
		r.url = v
	case fieldTitle:
		r.title = v
	case fieldDate:
		r.date = v
	case fieldSource:
		r.source = v
	case fieldText:
		r.text = v
	case fieldHTML:
		r.html = v
	}
}

// article builds and prepares the article of a record named name. The text
// field wins; an html field is used when the text is blank, its page
// metadata filling the fields the record leaves empty. A date that cannot be
// parsed is ignored, as if the record had none.
func (r *record) article(name string, opt Options) (*dyad.Article, error) {
	a := &dyad.Article{ID: r.id, URL: r.url, Title: r.title, Source: r.source, Text: r.text, Input: name}
	if t, hasTime, ok := parseDate(r.date); ok {
		a.Date, a.HasTime = t, hasTime
	}
	if strings.TrimSpace(r.text) == "" && strings.TrimSpace(r.html) != "" {
		if len(r.html) > opt.maxRaw() {
			return nil, fmt.Errorf("%w: html is %d bytes, more than the limit of %d", ErrTooLarge, len(r.html), opt.maxRaw())
		}
		p, err := extractHTML([]byte(r.html), true)
		if err != nil {
			return nil, err
		}
		p.fill(a)
	}
	if err := Prepare(a, opt); err != nil {
		return nil, err
	}
	return a, nil
}
