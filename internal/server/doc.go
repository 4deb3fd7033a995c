// Package server serves dyad's store over HTTP: server-rendered web pages
// for analysts, a read-only JSON API, and downloads of the events in the
// export formats. api/openapi.yaml describes every path; a test checks the
// document against the live server both ways.
//
// # Pages
//
//	GET /                       overview: counts, country network, busiest pairs, latest articles
//	GET /network                relations network (from, to, level=country|code)
//	GET /pair                   timeline of two actors (a, b, period=day|week|month)
//	GET /events                 cross-article events with filters and export links
//	GET /events/{id}            one cross-article event and its mentions' provenance
//	GET /actors, /actors/{code} actor list; actor page with partners by cooperation and conflict
//	GET /articles, /articles/{id}  article search; the text annotated with actors, places,
//	                            quotes and event triggers (a trigger links to its evidence)
//	GET /quotes                 quote search (q, speaker)
//
// Pages are html/template with no script at all: the network and the
// timeline are SVG computed here (network.go lays the graph out with a
// deterministic force layout; timeline.go draws stacked bars), an event's
// evidence is revealed by the :target CSS selector when its trigger is
// clicked, and filters are plain GET forms.
//
// # API
//
//	GET /healthz                {"status": "ok"} while the process serves
//	GET /api/openapi.yaml       the OpenAPI 3 document
//	GET /api/stats              store.Counts
//	GET /api/articles           q (full text), limit, offset
//	GET /api/articles/{id}      the article's dyad.Result with "text" added
//	GET /api/events             event mentions, each with its cross_event: article (ID),
//	                            source, target (actor code prefixes), code (CAMEO prefix),
//	                            quad (1-4), from, to (YYYY-MM-DD), limit, offset
//	GET /api/cross-events       the same filters over cross-article events
//	GET /api/cross-events/{id}  one cross-article event with its mentions
//	GET /api/relations          per pair and period: level, period, source, target, from, to
//	GET /api/partners           actor (required), level, rank=cooperation|conflict, from, to
//	GET /api/actors             q (code prefix or name), limit, offset
//	GET /api/quotes             q (full text), speaker (actor code prefix), limit, offset
//	GET /export/events.gdelt.tsv, /export/events.plover.jsonl, /export/events.csv
//	                            the event mentions matching the /api/events filters, as a
//	                            download (at most MaxExportEvents)
//
// Lists answer {"items": [...], "total": N}: limit 0 or absent means 50, more
// than 1000 means 1000. Unknown parameters are ignored; a parameter given
// twice, a malformed number or date, an unknown enumeration value, or a
// negative limit or offset is a 400.
//
// # Errors
//
// Errors of the API and downloads are JSON, {"error": {"status": 404,
// "message": "..."}}; errors of pages are HTML pages with the same status
// and message: 400 for bad parameters, 404 for an unknown path, article,
// actor or event, 405 (with Allow) for any method but GET and HEAD, 503 when
// a query outlives Config.QueryTimeout, 500 otherwise; the message of a 500
// says nothing of the cause, which is logged.
//
// # Hygiene
//
// The server only reads: it answers GET and HEAD and never maps a request to
// a file (templates and the OpenAPI document are embedded). JSON is sent as
// application/json; charset=utf-8 and HTML through html/template, which
// escapes every value; the one piece of HTML built by hand, the annotated
// article text, escapes every piece of text and attribute itself (annotate.go,
// fuzzed). Every response has nosniff and a Content-Security-Policy: pages
// allow their inline style sheet and same-origin form submissions and no
// script at all. Each request's context ends after Config.QueryTimeout, so a
// slow query cannot hold a connection; [Server.HTTPServer] sets the
// connection timeouts and header size limit (see the constants) that bound
// slow or oversized clients; downloads are capped at MaxExportEvents events.
package server
