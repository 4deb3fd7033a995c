package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/store"
)

// httpError is an error with the status to answer it with. Its message is
// shown to the client.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) *httpError {
	return &httpError{status: status, msg: fmt.Sprintf(format, args...)}
}

// errorBody is the JSON of every error response.
type errorBody struct {
	Error struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

// articleView is an article as GET /api/articles/{id} shows it.
type articleView struct {
	dyad.Result
	Text string `json:"text"`
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	s.writeJSON(w, r, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.writeError(w, r, errorf(http.StatusNotFound, "no such path: %s", r.URL.Path))
}

func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) {
	c, err := s.store.Counts(r.Context())
	s.reply(w, r, c, err)
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if id == "" {
		s.handleNotFound(w, r)
		return
	}
	rec, err := s.store.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.writeError(w, r, errorf(http.StatusNotFound, "no article with id %q", id))
		return
	}
	s.reply(w, r, articleView{Result: rec.Result, Text: rec.Text}, err)
}

// listHandler answers a list endpoint: it reads the query from the
// request's parameters (a bad one is a 400 naming it), asks the store and
// replies with what the store returned.
func listHandler[Q, R any](s *Server, query func(*params) Q, run func(context.Context, Q) (R, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if q, ok := readQuery(s, w, r, query); ok {
			v, err := run(r.Context(), q)
			s.reply(w, r, v, err)
		}
	}
}

// readQuery reads a query from the request's parameters; on a bad one it
// writes the 400 that names it and returns false.
func readQuery[Q any](s *Server, w http.ResponseWriter, r *http.Request, query func(*params) Q) (Q, bool) {
	p := parseParams(r)
	q := query(p)
	if p.err != nil {
		s.writeError(w, r, p.err)
		return q, false
	}
	return q, true
}

// The list endpoints' queries.

func articleQuery(p *params) store.ArticleQuery {
	return store.ArticleQuery{Q: p.str("q"), Limit: p.count("limit"), Offset: p.count("offset")}
}

func actorQuery(p *params) store.ActorQuery {
	return store.ActorQuery{Q: p.str("q"), Limit: p.count("limit"), Offset: p.count("offset")}
}

func quoteQuery(p *params) store.QuoteQuery {
	return store.QuoteQuery{Q: p.str("q"), Speaker: p.str("speaker"), Limit: p.count("limit"), Offset: p.count("offset")}
}

func relationQuery(p *params) store.RelationQuery {
	return store.RelationQuery{Level: p.str("level"), Period: p.str("period"), Source: p.str("source"),
		Target: p.str("target"), From: p.date("from"), To: p.date("to"), Limit: p.count("limit"), Offset: p.count("offset")}
}

func partnerQuery(p *params) store.PartnerQuery {
	return store.PartnerQuery{Actor: p.str("actor"), Level: p.str("level"), Rank: p.str("rank"), From: p.date("from"),
		To: p.date("to"), Limit: p.count("limit"), Offset: p.count("offset")}
}

// reply writes v, or the error a store call returned.
func (s *Server) reply(w http.ResponseWriter, r *http.Request, v any, err error) {
	if err != nil {
		s.writeError(w, r, s.classify(r, err))
		return
	}
	s.writeJSON(w, r, http.StatusOK, v)
}

// classify maps a store error to the response for it, logging what the
// client is not told.
func (s *Server) classify(r *http.Request, err error) *httpError {
	switch {
	case errors.Is(err, store.ErrBadQuery):
		return errorf(http.StatusBadRequest, "%v", err)
	case errors.Is(err, store.ErrNotFound):
		return errorf(http.StatusNotFound, "not found")
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(r.Context().Err(), context.DeadlineExceeded):
		s.log.Warn("query timed out", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
		return errorf(http.StatusServiceUnavailable, "the query took too long")
	case r.Context().Err() != nil:
		// The client went away; nobody reads the answer.
		return errorf(http.StatusServiceUnavailable, "request cancelled")
	}
	s.log.Error("store query failed", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
	return errorf(http.StatusInternalServerError, "internal error")
}

func (s *Server) writeError(w http.ResponseWriter, r *http.Request, e *httpError) {
	var body errorBody
	body.Error.Status, body.Error.Message = e.status, e.msg
	s.writeJSON(w, r, e.status, body)
}

// writeJSON encodes v before writing anything, so that an encoding failure
// is still a clean 500.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		s.log.Error("encode response", "path", r.URL.Path, "err", err)
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":{"status":500,"message":"internal error"}}` + "\n")
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
