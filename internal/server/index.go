package server

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"

	"github.com/dyadproject/dyad/internal/store"
)

const indexHTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dyad</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #222; }
table { border-collapse: collapse; margin-bottom: 1rem; }
th, td { padding: .25rem .7rem; text-align: left; border-bottom: 1px solid #ddd; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
code { background: #f3f3f3; padding: 0 .2rem; }
</style>
</head>
<body>
<h1>dyad</h1>
<p>Political event data from the news: who did what to whom, when and where, and who said what.</p>

<h2>In the store</h2>
<table>
<tr><th>articles</th><td class="n">{{.Counts.Articles}}</td></tr>
<tr><th>events</th><td class="n">{{.Counts.Events}}</td></tr>
<tr><th>actors</th><td class="n">{{.Counts.Actors}}</td></tr>
<tr><th>quotes</th><td class="n">{{.Counts.Quotes}}</td></tr>
<tr><th>places</th><td class="n">{{.Counts.Places}}</td></tr>
</table>

<h2>API</h2>
<p>Every list answers <code>{"items": [...], "total": N}</code> and takes <code>limit</code> (default 50, at most 1000) and <code>offset</code>.</p>
<ul>
<li><a href="/api/articles">/api/articles</a>: <code>q</code> searches titles and text, e.g. <a href="/api/articles?q=ceasefire">?q=ceasefire</a></li>
<li><code>/api/articles/{id}</code>: one article with its events, actors, quotes and text</li>
<li><a href="/api/events">/api/events</a>: <code>source</code> and <code>target</code> (actor code prefixes), <code>code</code> (CAMEO prefix), <code>from</code> and <code>to</code> (YYYY-MM-DD), e.g. <a href="/api/events?source=FRA&amp;code=04">?source=FRA&amp;code=04</a></li>
<li><a href="/api/actors">/api/actors</a>: <code>q</code> matches a code prefix or a name</li>
<li><a href="/api/quotes">/api/quotes</a>: <code>q</code> searches quotes and speakers, <code>speaker</code> is an actor code prefix</li>
<li><a href="/api/stats">/api/stats</a>: the counts above</li>
<li><a href="/healthz">/healthz</a></li>
</ul>

<h2>Latest articles</h2>
{{if .Articles}}<table>
<tr><th>date</th><th>title</th><th>source</th><th>events</th><th>quotes</th><th>actors</th></tr>
{{range .Articles}}<tr><td>{{.Date}}</td><td><a href="{{.Link}}">{{.Title}}</a></td><td>{{.Source}}</td><td class="n">{{.Events}}</td><td class="n">{{.Quotes}}</td><td class="n">{{.Actors}}</td></tr>
{{end}}</table>
{{if gt .Counts.Articles (len .Articles)}}<p><a href="/api/articles?offset={{len .Articles}}">More articles</a></p>{{end}}
{{else}}<p>No articles yet: store some with <code>dyad ingest</code>.</p>
{{end}}</body>
</html>
`

func indexTemplate() *template.Template {
	return template.Must(template.New("index").Parse(indexHTML))
}

// indexArticle is a row of the index page's article table.
type indexArticle struct {
	store.ArticleRow
	Link string
}

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	counts, err := s.store.Counts(r.Context())
	if err != nil {
		s.writeError(w, r, s.classify(r, err))
		return
	}
	page, err := s.store.Articles(r.Context(), store.ArticleQuery{Limit: indexArticles})
	if err != nil {
		s.writeError(w, r, s.classify(r, err))
		return
	}
	data := struct {
		Counts   store.Counts
		Articles []indexArticle
	}{Counts: counts}
	for _, a := range page.Items {
		if a.Title == "" {
			a.Title = a.ID
		}
		data.Articles = append(data.Articles, indexArticle{ArticleRow: a, Link: "/api/articles/" + url.PathEscape(a.ID)})
	}
	var buf bytes.Buffer
	if err := s.index.Execute(&buf, data); err != nil {
		s.log.Error("render index", "err", err)
		s.writeError(w, r, errorf(http.StatusInternalServerError, "internal error"))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-cache")
	w.Write(buf.Bytes())
}
