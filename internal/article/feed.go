package article

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/mmcdole/gofeed"
	feedatom "github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/rss"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readFeed reads an RSS, Atom, RDF or JSON feed: one article per item, named
// "path#i" with i counted from 1. A feed that cannot be parsed is one error.
func readFeed(in *input, data []byte, opt Options, emit emitFunc) bool {
	feed, err := safely(func() (*gofeed.Feed, error) {
		fp := gofeed.NewParser()
		fp.KeepOriginalFeed = true
		return fp.Parse(bytes.NewReader(data))
	})
	if err != nil {
		return emit(nil, &Error{Input: in.name, Err: fmt.Errorf("%w: feed: %v", ErrSyntax, err)})
	}
	sources := itemSources(feed)
	for i, it := range feed.Items {
		name := fmt.Sprintf("%s#%d", in.name, i+1)
		if it == nil {
			continue
		}
		a, err := feedArticle(it, name, first(sources[i], feed.Title), opt)
		if err != nil {
			if !emit(nil, &Error{Input: name, Err: err}) {
				return false
			}
			continue
		}
		if !emit(a, nil) {
			return false
		}
	}
	return true
}

// itemSources returns, for every item, the title of the feed it says it
// came from (RSS and Atom <source>), or "".
func itemSources(feed *gofeed.Feed) []string {
	out := make([]string, len(feed.Items))
	switch f := feed.OriginalFeed().(type) {
	case *rss.Feed:
		for i, it := range f.Items {
			if i < len(out) && it != nil && it.Source != nil {
				out[i] = it.Source.Title
			}
		}
	case *feedatom.Feed:
		for i, e := range f.Entries {
			if i < len(out) && e != nil && e.Source != nil {
				out[i] = e.Source.Title
			}
		}
	}
	return out
}

// feedArticle reads one feed item: its content, or else its description,
// converted from HTML to plain text.
func feedArticle(it *gofeed.Item, name, source string, opt Options) (*dyad.Article, error) {
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	if len(body) > opt.maxRaw() {
		return nil, fmt.Errorf("%w: item content is %d bytes, more than the limit of %d", ErrTooLarge, len(body), opt.maxRaw())
	}
	a := &dyad.Article{ID: it.GUID, URL: it.Link, Title: it.Title, Source: source, Text: fragmentText(body), Input: name}
	for _, s := range []string{it.Published, it.Updated} {
		if t, hasTime, ok := parseDate(s); ok {
			a.Date, a.HasTime = t, hasTime
			break
		}
	}
	if a.Date.IsZero() {
		switch {
		case it.PublishedParsed != nil:
			a.Date, a.HasTime = *it.PublishedParsed, true
		case it.UpdatedParsed != nil:
			a.Date, a.HasTime = *it.UpdatedParsed, true
		}
	}
	if err := Prepare(a, opt); err != nil {
		return nil, err
	}
	return a, nil
}

// fragmentText converts an HTML fragment to plain text; text without markup
// is kept as it is.
func fragmentText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return s
	}
	var w textWriter
	for _, n := range nodes {
		w.render(n)
	}
	return w.b.String()
}
