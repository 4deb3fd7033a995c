package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/dyadproject/dyad/internal/server"
)

// FuzzQueryParams checks that any query string on any list gives 200 with a
// list or 400 with a JSON error, never another status.
func FuzzQueryParams(f *testing.F) {
	paths := []string{"/api/articles", "/api/events", "/api/actors", "/api/quotes", "/api/cross-events", "/api/relations", "/api/partners"}
	for i, seed := range []string{
		"", "q=missile", "limit=abc", "limit=-1", "offset=1e3", "from=2026-13-40", "to=2026-02-29",
		"source=FRA&target=PRK&code=04&from=2026-01-01&to=2026-12-31&limit=5&offset=1",
		"q=%22NEAR(a+b)%22+OR+*", "q=%zz", "a;b", "limit=1&limit=2", "speaker=%FF%FE", "q=" + string(make([]byte, 1200)),
		"limit=99999999999999999999", "offset=9223372036854775807", "q=title%3Ax+%5E-%2B", "q=%00",
		"actor=FRA&rank=conflict&level=code", "period=week&level=country&from=2026-01-01", "quad=2", "quad=-1", "period=%00",
	} {
		f.Add(uint8(i), seed)
	}
	h := server.New(server.Config{Store: openStore(f)}).Handler()
	f.Fuzz(func(t *testing.T, which uint8, raw string) {
		path := paths[int(which)%len(paths)]
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.URL.RawQuery = raw
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Fatalf("%s?%s: Content-Type %q", path, raw, ct)
		}
		switch rec.Code {
		case http.StatusOK:
			var l struct {
				Items []json.RawMessage `json:"items"`
				Total *int              `json:"total"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &l); err != nil || l.Items == nil || l.Total == nil || len(l.Items) > *l.Total {
				t.Fatalf("%s?%s: 200 with body %s (%v)", path, raw, rec.Body, err)
			}
		case http.StatusBadRequest:
			var e struct {
				Error struct {
					Status  int    `json:"status"`
					Message string `json:"message"`
				} `json:"error"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error.Status != 400 || e.Error.Message == "" {
				t.Fatalf("%s?%s: 400 with body %s (%v)", path, raw, rec.Body, err)
			}
		default:
			t.Fatalf("%s?%s: status %d: %s", path, raw, rec.Code, rec.Body)
		}
	})
}
