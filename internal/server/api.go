package server

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/dyadproject/dyad/api"
	"github.com/dyadproject/dyad/internal/store"
)

func (s *Server) handleCrossEvents(w http.ResponseWriter, r *http.Request) {
	p := parseParams(r)
	q := eventQuery(p)
	if p.err != nil {
		s.writeError(w, r, p.err)
		return
	}
	page, err := s.store.CrossEvents(r.Context(), q)
	s.reply(w, r, page, err)
}

func (s *Server) handleCrossEvent(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.writeError(w, r, errorf(http.StatusNotFound, "no cross-article event %q", r.PathValue("id")))
		return
	}
	d, err := s.store.CrossEvent(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.writeError(w, r, errorf(http.StatusNotFound, "no cross-article event %d", id))
		return
	}
	s.reply(w, r, d, err)
}

func (s *Server) handleRelations(w http.ResponseWriter, r *http.Request) {
	p := parseParams(r)
	q := store.RelationQuery{
		Level:  p.str("level"),
		Period: p.str("period"),
		Source: p.str("source"),
		Target: p.str("target"),
		From:   p.date("from"),
		To:     p.date("to"),
		Limit:  p.count("limit"),
		Offset: p.count("offset"),
	}
	if p.err != nil {
		s.writeError(w, r, p.err)
		return
	}
	page, err := s.store.Relations(r.Context(), q)
	s.reply(w, r, page, err)
}

func (s *Server) handlePartners(w http.ResponseWriter, r *http.Request) {
	p := parseParams(r)
	q := store.PartnerQuery{
		Actor:  p.str("actor"),
		Level:  p.str("level"),
		Rank:   p.str("rank"),
		From:   p.date("from"),
		To:     p.date("to"),
		Limit:  p.count("limit"),
		Offset: p.count("offset"),
	}
	if p.err != nil {
		s.writeError(w, r, p.err)
		return
	}
	page, err := s.store.Partners(r.Context(), q)
	s.reply(w, r, page, err)
}

// handleOpenAPI serves the OpenAPI description of every path.
func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/yaml; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	h.Set("Cache-Control", "no-cache")
	w.Write(api.OpenAPI)
}
