// Package server serves dyad's store over HTTP: a read-only JSON API and a
// plain HTML index page.
//
// # Endpoints
//
//	GET /                       HTML: counts, links to the API, latest articles
//	GET /healthz                {"status": "ok"} while the process serves
//	GET /api/stats              store.Counts
//	GET /api/articles           q (full text), limit, offset
//	GET /api/articles/{id}      the article's dyad.Result with "text" added
//	GET /api/events             source, target (actor code prefixes), code
//	                            (CAMEO prefix), from, to (YYYY-MM-DD), limit, offset
//	GET /api/actors             q (code prefix or name), limit, offset
//	GET /api/quotes             q (full text), speaker (actor code prefix), limit, offset
//
// Lists answer {"items": [...], "total": N}: limit 0 or absent means 50, more
// than 1000 means 1000. Unknown parameters are ignored; a parameter given
// twice, a malformed number or date, or a negative limit or offset is a 400.
//
// # Errors
//
// Every error is JSON, {"error": {"status": 404, "message": "..."}}: 400 for
// bad parameters, 404 for an unknown path or article, 405 (with Allow) for
// any method but GET and HEAD, 503 when a query outlives Config.QueryTimeout,
// 500 otherwise; the message of a 500 says nothing of the cause, which is
// logged.
//
// # Hygiene
//
// The server only reads: it answers GET and HEAD and never maps a request to
// a file. JSON is sent as application/json; charset=utf-8 and HTML through
// html/template, with nosniff and a Content-Security-Policy that allows no
// script. Each request's context ends after Config.QueryTimeout, so a slow
// query cannot hold a connection; [Server.HTTPServer] sets the connection
// timeouts and header size limit (see the constants) that bound slow or
// oversized clients.
package server
