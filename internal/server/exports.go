package server

import (
	"errors"
	"net/http"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/export"
	"github.com/dyadproject/dyad/internal/store"
)

// MaxExportEvents bounds the events of one download; a larger selection is
// cut and the response says so in the X-Dyad-Truncated header, which is set
// before the body.
const MaxExportEvents = 100000

// exportCache bounds the articles an export keeps decoded at once.
const exportCache = 256

// download is one export endpoint's format.
type download struct {
	format, contentType, filename string
}

var downloads = map[string]download{
	"gdelt":  {"gdelt", "text/tab-separated-values; charset=utf-8", "dyad-events.gdelt.tsv"},
	"plover": {"plover", "application/jsonl; charset=utf-8", "dyad-events.plover.jsonl"},
	"csv":    {"csv", "text/csv; charset=utf-8", "dyad-events.csv"},
}

// handleExport writes the event mentions that match the event filters (see
// eventQuery; limit and offset are ignored) in one of the export formats,
// as a download.
func (s *Server) handleExport(format string) http.HandlerFunc {
	d := downloads[format]
	return func(w http.ResponseWriter, r *http.Request) {
		q, ok := readQuery(s, w, r, eventQuery)
		if !ok {
			return
		}
		ctx := r.Context()
		// Read every matching event before writing, so that a store error is
		// still a clean JSON error rather than a cut download.
		var rows []store.EventRow
		truncated := false
		for q.Offset = 0; ; q.Offset += store.MaxLimit {
			q.Limit = store.MaxLimit
			page, err := s.store.Events(ctx, q)
			if err != nil {
				s.writeError(w, r, s.classify(r, err))
				return
			}
			rows = append(rows, page.Items...)
			if len(rows) >= MaxExportEvents {
				truncated = len(rows) > MaxExportEvents || page.Total > MaxExportEvents
				rows = rows[:min(len(rows), MaxExportEvents)]
				break
			}
			if len(page.Items) < store.MaxLimit || q.Offset+len(page.Items) >= page.Total {
				break
			}
		}
		h := w.Header()
		h.Set("Content-Type", d.contentType)
		h.Set("Content-Disposition", `attachment; filename="`+d.filename+`"`)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		h.Set("Cache-Control", "no-cache")
		if truncated {
			h.Set("X-Dyad-Truncated", "true")
		}
		ew, err := export.New(d.format, w)
		if err != nil {
			s.log.Error("export writer", "format", d.format, "err", err)
			s.writeError(w, r, errorf(http.StatusInternalServerError, "internal error"))
			return
		}
		if err := s.writeEvents(r, ew.(export.EventWriter), rows); err != nil {
			// The status is sent; all that is left is to log and stop.
			s.log.Warn("export cut short", "path", r.URL.Path, "err", err)
			return
		}
		if err := ew.Close(); err != nil {
			s.log.Warn("export cut short", "path", r.URL.Path, "err", err)
		}
	}
}

// writeEvents writes each row's event from its stored article, in row order.
func (s *Server) writeEvents(r *http.Request, ew export.EventWriter, rows []store.EventRow) error {
	cache := map[string]*dyad.Result{}
	for _, row := range rows {
		res, ok := cache[row.Article]
		if !ok {
			if len(cache) >= exportCache {
				clear(cache)
			}
			rec, err := s.store.Article(r.Context(), row.Article)
			if err != nil {
				return err
			}
			res = &rec.Result
			cache[row.Article] = res
		}
		i := eventPosition(res, row.ID)
		if i < 0 {
			return errors.New("event " + row.ID + " not in article " + row.Article)
		}
		if err := ew.WriteEvents(res, []int{i}); err != nil {
			return err
		}
	}
	return nil
}

// eventPosition returns the position in r.Events of the event with the
// given ID, -1 when there is none.
func eventPosition(r *dyad.Result, id string) int {
	for i := range r.Events {
		if r.Events[i].ID == id {
			return i
		}
	}
	return -1
}
