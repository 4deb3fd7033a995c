package server

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/store"
)

//go:embed templates/*.html
var templateFiles embed.FS

// Sizes of the lists on the pages.
const (
	pageRows     = 50 // rows of a paged table
	overviewRows = 10 // rows of each table on the overview
	partnerRows  = 10
	// networkEvents bounds the relation rows a network is drawn from.
	networkEvents = store.MaxLimit
)

// htmlCSP allows the inline style sheet and same-origin GET forms, and no
// script at all.
const htmlCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

func pageTemplates() *template.Template {
	return template.Must(template.New("pages").Funcs(template.FuncMap{
		"articleURL": func(id string) string { return "/articles/" + url.PathEscape(id) },
		"actorURL":   actorURL,
		"eventURL":   func(id int64) string { return "/events/" + strconv.FormatInt(id, 10) },
		"pairURL":    func(a, b string) string { return pairURL(a, b, "") },
		"anchor":     eventAnchor,
		"quadName": func(q int) string {
			if q < 1 || q > 4 {
				return "unknown"
			}
			return quadNames[q-1]
		},
		"quadColor": func(q int) string {
			if q < 1 || q > 4 {
				return "#888888"
			}
			return quadColors[q-1]
		},
		"f1":  func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
		"f2":  func(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) },
		"add": func(a, b int) int { return a + b },
		"target": func(t *dyad.ActorRef) string {
			if t == nil {
				return ""
			}
			return t.Code
		},
	}).ParseFS(templateFiles, "templates/*.html"))
}

func actorURL(code string) string { return "/actors/" + url.PathEscape(code) }

func pairURL(a, b, period string) string {
	v := url.Values{"a": {a}, "b": {b}}
	if period != "" {
		v.Set("period", period)
	}
	return "/pair?" + v.Encode()
}

// base is what every page's layout shows.
type base struct {
	Title string
	Nav   string // the active navigation entry
}

// pager links to the previous and next pages of a table.
type pager struct {
	From, To, Total int
	Prev, Next      string
}

func newPager(r *http.Request, offset, n, total int) pager {
	p := pager{From: offset + 1, To: offset + n, Total: total}
	if n == 0 {
		p.From = 0
	}
	link := func(off int) string {
		v := r.URL.Query()
		v.Set("offset", strconv.Itoa(off))
		return r.URL.Path + "?" + v.Encode()
	}
	if offset > 0 {
		p.Prev = link(max(0, offset-pageRows))
	}
	if offset+n < total {
		p.Next = link(offset + n)
	}
	return p
}

// render writes the page template name with data.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, data); err != nil {
		s.log.Error("render page", "page", name, "err", err)
		s.pageError(w, r, errorf(http.StatusInternalServerError, "internal error"))
		return
	}
	htmlHeaders(w)
	w.Write(buf.Bytes())
}

func htmlHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", htmlCSP)
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-cache")
}

// pageError answers a page request with an HTML error page.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, e *httpError) {
	var buf bytes.Buffer
	data := struct {
		base
		Status  int
		Message string
	}{base{Title: http.StatusText(e.status)}, e.status, e.msg}
	if err := s.pages.ExecuteTemplate(&buf, "error", data); err != nil {
		s.log.Error("render error page", "err", err)
		buf.Reset()
		buf.WriteString("<!doctype html><title>error</title><p>internal error</p>")
	}
	htmlHeaders(w)
	w.WriteHeader(e.status)
	w.Write(buf.Bytes())
}

// failed reports err on a page and says whether there was one.
func (s *Server) failed(w http.ResponseWriter, r *http.Request, err error) bool {
	if err == nil {
		return false
	}
	var he *httpError
	if errors.As(err, &he) {
		s.pageError(w, r, he)
	} else {
		s.pageError(w, r, s.classify(r, err))
	}
	return true
}

// paramErr returns p's error as an error, nil when there is none.
func paramErr(p *params) error {
	if p.err == nil {
		return nil
	}
	return p.err
}

func (s *Server) handleOverview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	counts, err := s.store.Counts(ctx)
	if s.failed(w, r, err) {
		return
	}
	rel, err := s.store.Relations(ctx, store.RelationQuery{Limit: networkEvents})
	if s.failed(w, r, err) {
		return
	}
	arts, err := s.store.Articles(ctx, store.ArticleQuery{Limit: overviewRows})
	if s.failed(w, r, err) {
		return
	}
	actors, err := s.store.Actors(ctx, store.ActorQuery{Limit: overviewRows})
	if s.failed(w, r, err) {
		return
	}
	top := rel.Items[:min(len(rel.Items), overviewRows)]
	s.render(w, r, "overview", struct {
		base
		Counts    store.Counts
		Network   *network
		Relations []store.RelationRow
		Articles  []store.ArticleRow
		Actors    []store.ActorRow
	}{base{Title: "Overview", Nav: "overview"}, counts, newNetwork(rel.Items, "", ""), top, arts.Items, actors.Items})
}

func newNetwork(rows []store.RelationRow, from, to string) *network {
	return buildNetwork(rows, func(a, b string) string {
		v := url.Values{"a": {a}, "b": {b}}
		if from != "" || to != "" {
			v.Set("period", store.PeriodDay)
		}
		return "/pair?" + v.Encode()
	}, actorURL)
}

func (s *Server) handleNetwork(w http.ResponseWriter, r *http.Request) {
	p := parseParams(r)
	q := store.RelationQuery{From: p.date("from"), To: p.date("to"), Level: p.str("level"), Limit: networkEvents}
	if s.failed(w, r, paramErr(p)) {
		return
	}
	rel, err := s.store.Relations(r.Context(), q)
	if s.failed(w, r, err) {
		return
	}
	n := newNetwork(rel.Items, q.From, q.To)
	s.render(w, r, "network", struct {
		base
		Query   store.RelationQuery
		Network *network
		Edges   []*netEdge
	}{base{Title: "Network", Nav: "network"}, q, n, edgesByVolume(n)})
}

// edgesByVolume returns the network's edges, most events first.
func edgesByVolume(n *network) []*netEdge {
	out := make([]*netEdge, len(n.Edges))
	for i, e := range n.Edges {
		out[len(out)-1-i] = e
	}
	return out
}

func (s *Server) handlePair(w http.ResponseWriter, r *http.Request) {
	p := parseParams(r)
	a, b := strings.ToUpper(p.str("a")), strings.ToUpper(p.str("b"))
	period := p.str("period")
	level := p.str("level")
	if period == "" {
		period = store.PeriodWeek
	}
	if p.err == nil && (a == "" || b == "") {
		p.err = errorf(http.StatusBadRequest, "parameters a and b name the two actors of the pair")
	}
	if s.failed(w, r, paramErr(p)) {
		return
	}
	ctx := r.Context()
	var rows []store.RelationRow
	for _, dir := range [][2]string{{a, b}, {b, a}} {
		rel, err := s.store.Relations(ctx, store.RelationQuery{Source: dir[0], Target: dir[1], Period: period, Level: level, Limit: store.MaxLimit})
		if s.failed(w, r, err) {
			return
		}
		for _, row := range rel.Items {
			// The query matches prefixes; the pair is these two keys exactly.
			if row.Source == dir[0] && row.Target == dir[1] {
				rows = append(rows, row)
			}
		}
		if a == b {
			break
		}
	}
	var events []store.CrossEvent
	for _, dir := range [][2]string{{a, b}, {b, a}} {
		ev, err := s.store.CrossEvents(ctx, store.EventQuery{Source: dir[0], Target: dir[1], Limit: pageRows})
		if s.failed(w, r, err) {
			return
		}
		events = append(events, ev.Items...)
		if a == b {
			break
		}
	}
	s.render(w, r, "pair", struct {
		base
		A, B, Period string
		Periods      []string
		Timeline     *timeline
		Rows         []store.RelationRow
		Events       []store.CrossEvent
		Links        map[string]string
	}{base{Title: a + " – " + b, Nav: "network"}, a, b, period,
		[]string{store.PeriodDay, store.PeriodWeek, store.PeriodMonth}, buildTimeline(rows, period), rows, events,
		map[string]string{store.PeriodDay: pairURL(a, b, store.PeriodDay), store.PeriodWeek: pairURL(a, b, store.PeriodWeek),
			store.PeriodMonth: pairURL(a, b, store.PeriodMonth)}})
}

func (s *Server) handleActorsPage(w http.ResponseWriter, r *http.Request) {
	p := parseParams(r)
	q := store.ActorQuery{Q: p.str("q"), Offset: p.count("offset"), Limit: pageRows}
	if s.failed(w, r, paramErr(p)) {
		return
	}
	page, err := s.store.Actors(r.Context(), q)
	if s.failed(w, r, err) {
		return
	}
	s.render(w, r, "actors", struct {
		base
		Q      string
		Actors []store.ActorRow
		Pager  pager
	}{base{Title: "Actors", Nav: "actors"}, q.Q, page.Items, newPager(r, q.Offset, len(page.Items), page.Total)})
}

func (s *Server) handleActorPage(w http.ResponseWriter, r *http.Request) {
	code := strings.ToUpper(r.PathValue("code"))
	if code == "" || len(code) > store.MaxCodeLen {
		s.pageError(w, r, errorf(http.StatusNotFound, "no such actor"))
		return
	}
	ctx := r.Context()
	actors, err := s.store.Actors(ctx, store.ActorQuery{Q: code, Limit: store.MaxLimit})
	if s.failed(w, r, err) {
		return
	}
	var actor *store.ActorRow
	for i := range actors.Items {
		if actors.Items[i].Code == code {
			actor = &actors.Items[i]
		}
	}
	// Three-letter codes are countries: their partners are counted over
	// every actor of the country; longer codes stand for themselves.
	level := store.LevelCode
	if len(code) == 3 {
		level = store.LevelCountry
	}
	var ranked [2][]store.PartnerRow
	for i, rank := range []string{store.RankCooperation, store.RankConflict} {
		pp, err := s.store.Partners(ctx, store.PartnerQuery{Actor: code, Level: level, Rank: rank, Limit: partnerRows})
		if s.failed(w, r, err) {
			return
		}
		ranked[i] = pp.Items
	}
	var asSource, asTarget store.Page[store.CrossEvent]
	if asSource, err = s.store.CrossEvents(ctx, store.EventQuery{Source: code, Limit: pageRows}); s.failed(w, r, err) {
		return
	}
	if asTarget, err = s.store.CrossEvents(ctx, store.EventQuery{Target: code, Limit: pageRows}); s.failed(w, r, err) {
		return
	}
	quotes, err := s.store.Quotes(ctx, store.QuoteQuery{Speaker: code, Limit: pageRows})
	if s.failed(w, r, err) {
		return
	}
	if actor == nil && asSource.Total+asTarget.Total+quotes.Total == 0 {
		s.pageError(w, r, errorf(http.StatusNotFound, "no actor with code %q", code))
		return
	}
	s.render(w, r, "actor", struct {
		base
		Code               string
		Actor              *store.ActorRow
		Level              string
		Cooperation        []store.PartnerRow
		Conflict           []store.PartnerRow
		AsSource, AsTarget store.Page[store.CrossEvent]
		Quotes             store.Page[store.QuoteRow]
	}{base{Title: code, Nav: "actors"}, code, actor, level, ranked[0], ranked[1], asSource, asTarget, quotes})
}

func (s *Server) handleArticlesPage(w http.ResponseWriter, r *http.Request) {
	p := parseParams(r)
	q := store.ArticleQuery{Q: p.str("q"), Offset: p.count("offset"), Limit: pageRows}
	if s.failed(w, r, paramErr(p)) {
		return
	}
	page, err := s.store.Articles(r.Context(), q)
	if s.failed(w, r, err) {
		return
	}
	s.render(w, r, "articles", struct {
		base
		Q        string
		Articles []store.ArticleRow
		Pager    pager
	}{base{Title: "Articles", Nav: "articles"}, q.Q, page.Items, newPager(r, q.Offset, len(page.Items), page.Total)})
}

func (s *Server) handleArticlePage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	rec, err := s.store.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.pageError(w, r, errorf(http.StatusNotFound, "no article with id %q", id))
		return
	}
	if s.failed(w, r, err) {
		return
	}
	title := rec.Result.Title
	if title == "" {
		title = rec.Result.ID
	}
	// Each event links to its cross-article event, which lists every
	// article that reported it.
	mentions, err := s.store.Events(r.Context(), store.EventQuery{Article: rec.Result.ID, Limit: store.MaxLimit})
	if s.failed(w, r, err) {
		return
	}
	cross := map[string]int64{}
	for _, m := range mentions.Items {
		cross[m.ID] = m.CrossEvent
	}
	s.render(w, r, "article", struct {
		base
		R     dyad.Result
		Text  template.HTML
		Cross map[string]int64
	}{base{Title: title, Nav: "articles"}, rec.Result, annotate(rec.Text, annotations(&rec.Result)), cross})
}

func (s *Server) handleQuotesPage(w http.ResponseWriter, r *http.Request) {
	p := parseParams(r)
	q := store.QuoteQuery{Q: p.str("q"), Speaker: p.str("speaker"), Offset: p.count("offset"), Limit: pageRows}
	if s.failed(w, r, paramErr(p)) {
		return
	}
	page, err := s.store.Quotes(r.Context(), q)
	if s.failed(w, r, err) {
		return
	}
	s.render(w, r, "quotes", struct {
		base
		Q       store.QuoteQuery
		Quotes  []store.QuoteRow
		Pager   pager
		Results bool
	}{base{Title: "Quotes", Nav: "quotes"}, q, page.Items, newPager(r, q.Offset, len(page.Items), page.Total), true})
}

// eventQuery reads the event filters shared by the event table, its JSON
// and its exports.
func eventQuery(p *params) store.EventQuery {
	q := store.EventQuery{
		Source:  p.str("source"),
		Target:  p.str("target"),
		Code:    p.str("code"),
		Article: p.str("article"),
		From:    p.date("from"),
		To:      p.date("to"),
		Limit:   p.count("limit"),
		Offset:  p.count("offset"),
	}
	if s := p.str("quad"); s != "" && p.err == nil {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 4 {
			p.err = errorf(http.StatusBadRequest, "parameter quad=%q is not a quad class from 1 to 4", s)
		}
		q.QuadClass = n
	}
	return q
}

func (s *Server) handleEventsPage(w http.ResponseWriter, r *http.Request) {
	p := parseParams(r)
	q := eventQuery(p)
	q.Limit = pageRows
	if s.failed(w, r, paramErr(p)) {
		return
	}
	page, err := s.store.CrossEvents(r.Context(), q)
	if s.failed(w, r, err) {
		return
	}
	filters := url.Values{}
	for k, v := range map[string]string{"source": q.Source, "target": q.Target, "code": q.Code, "from": q.From, "to": q.To} {
		if v != "" {
			filters.Set(k, v)
		}
	}
	if q.QuadClass != 0 {
		filters.Set("quad", strconv.Itoa(q.QuadClass))
	}
	suffix := ""
	if len(filters) > 0 {
		suffix = "?" + filters.Encode()
	}
	s.render(w, r, "events", struct {
		base
		Q       store.EventQuery
		Quads   []int
		Events  []store.CrossEvent
		Pager   pager
		Exports []struct{ Name, URL string }
	}{base{Title: "Events", Nav: "events"}, q, []int{1, 2, 3, 4}, page.Items, newPager(r, q.Offset, len(page.Items), page.Total),
		[]struct{ Name, URL string }{
			{"GDELT 2.0 (TSV)", "/export/events.gdelt.tsv" + suffix},
			{"PLOVER (JSON lines)", "/export/events.plover.jsonl" + suffix},
			{"CSV", "/export/events.csv" + suffix},
		}})
}

func (s *Server) handleEventPage(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.pageError(w, r, errorf(http.StatusNotFound, "no event %q", r.PathValue("id")))
		return
	}
	d, err := s.store.CrossEvent(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.pageError(w, r, errorf(http.StatusNotFound, "no event %d", id))
		return
	}
	if s.failed(w, r, err) {
		return
	}
	s.render(w, r, "event", struct {
		base
		E store.CrossEventDetail
	}{base{Title: fmt.Sprintf("Event %d", id), Nav: "events"}, d})
}
