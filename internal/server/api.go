package server

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/dyadproject/dyad/api"
	"github.com/dyadproject/dyad/internal/store"
)

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

// handleOpenAPI serves the OpenAPI description of every path.
func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/yaml; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	h.Set("Cache-Control", "no-cache")
	w.Write(api.OpenAPI)
}
