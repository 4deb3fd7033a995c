package server_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/internal/server"
	"github.com/dyadproject/dyad/internal/store"
	"github.com/dyadproject/dyad/internal/store/sqlite"
	"github.com/dyadproject/dyad/internal/store/storetest"
)

// newAnalystServer serves records() and the second reports of the
// France-India story, so that one event has several mentions.
func newAnalystServer(t *testing.T) *httptest.Server {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, batch := range [][]store.Record{records(), storetest.SecondReports()} {
		if _, err := db.Put(context.Background(), batch); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(server.New(server.Config{Store: db, Logger: testLogger(t)}).Handler())
	t.Cleanup(srv.Close)
	return srv
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, body := do(t, http.MethodGet, url)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s = %d: %s", url, resp.StatusCode, body)
	}
	checkJSONHeader(t, resp)
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

func TestAnalystAPI(t *testing.T) {
	srv := newAnalystServer(t)
	var events store.Page[store.CrossEvent]
	getJSON(t, srv.URL+"/api/cross-events?source=FRA&code=042", &events)
	if len(events.Items) != 1 || events.Items[0].NumMentions != 4 || events.Items[0].NumArticles != 3 || events.Items[0].NumSources != 2 {
		t.Fatalf("visit = %+v, want one event with 4 mentions, 3 articles, 2 sources", events)
	}
	var detail store.CrossEventDetail
	getJSON(t, srv.URL+"/api/cross-events/"+itoa(events.Items[0].ID), &detail)
	if detail.ID != events.Items[0].ID || len(detail.Mentions) != 4 || detail.Mentions[0].Evidence.Pattern == "" {
		t.Errorf("detail = %+v, want 4 mentions with provenance", detail)
	}
	getJSON(t, srv.URL+"/api/cross-events?quad=3", &events)
	if events.Total != 2 {
		t.Errorf("quad 3 events = %+v, want 2", events)
	}
	var rel store.Page[store.RelationRow]
	getJSON(t, srv.URL+"/api/relations?period=month&source=KOR", &rel)
	if len(rel.Items) != 1 || rel.Items[0].Period != "2026-03-01" || rel.Items[0].Target != "PRK" || rel.Items[0].Events != 2 {
		t.Errorf("relations = %+v, want KOR>PRK in 2026-03 with 2 events", rel)
	}
	var partners store.Page[store.PartnerRow]
	getJSON(t, srv.URL+"/api/partners?actor=FRA&rank=conflict", &partners)
	if len(partners.Items) != 1 || partners.Items[0].Partner != "RUS" {
		t.Errorf("partners = %+v, want RUS alone", partners)
	}
	for _, tt := range []struct{ path, message string }{
		{"/api/relations?period=year", "period"},
		{"/api/relations?level=planet", "level"},
		{"/api/partners", "actor"},
		{"/api/partners?actor=FRA&rank=loudest", "rank"},
		{"/api/cross-events?quad=9", "quad"},
		{"/api/events?quad=x", "quad"},
		{"/export/events.csv?from=tomorrow", "from"},
	} {
		resp, body := do(t, http.MethodGet, srv.URL+tt.path)
		checkError(t, resp.StatusCode, resp.Header, body, 400)
		if !strings.Contains(string(body), tt.message) {
			t.Errorf("%s: message %s does not mention %q", tt.path, body, tt.message)
		}
	}
	for _, path := range []string{"/api/cross-events/999999", "/api/cross-events/x", "/api/cross-events/-1"} {
		resp, body := do(t, http.MethodGet, srv.URL+path)
		checkError(t, resp.StatusCode, resp.Header, body, 404)
	}
}

func itoa(n int64) string { return strings.TrimSpace(string(must(json.Marshal(n)))) }

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestExports(t *testing.T) {
	srv := newAnalystServer(t)
	tests := []struct {
		path, contentType, file string
		lines                   int // data lines
	}{
		// The visit: one mention in each of fr-in-1 and fr-in-2, two in fr-in-3.
		{"/export/events.csv?code=042", "text/csv; charset=utf-8", "dyad-events.csv", 4},
		{"/export/events.gdelt.tsv?code=042", "text/tab-separated-values; charset=utf-8", "dyad-events.gdelt.tsv", 4},
		{"/export/events.plover.jsonl?code=042", "application/jsonl; charset=utf-8", "dyad-events.plover.jsonl", 4},
		{"/export/events.csv", "text/csv; charset=utf-8", "dyad-events.csv", 8 + 3 + 2},
		{"/export/events.gdelt.tsv?source=ZZZ", "text/tab-separated-values; charset=utf-8", "dyad-events.gdelt.tsv", 0},
		{"/export/events.csv?quad=4", "text/csv; charset=utf-8", "dyad-events.csv", 1},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := do(t, http.MethodGet, srv.URL+tt.path)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", ct, tt.contentType)
			}
			if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="`+tt.file+`"` {
				t.Errorf("Content-Disposition = %q", cd)
			}
			n := bytes.Count(body, []byte("\n"))
			if strings.Contains(tt.path, ".csv") {
				rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				n = len(rows) - 1 // the header
			}
			if n != tt.lines {
				t.Errorf("%d data lines, want %d:\n%s", n, tt.lines, body)
			}
		})
	}
	// GDELT IDs stay those of the article's own event positions: the same
	// row whether exported alone or with the rest.
	_, one := do(t, http.MethodGet, srv.URL+"/export/events.gdelt.tsv?source=KORGOV")
	_, all := do(t, http.MethodGet, srv.URL+"/export/events.gdelt.tsv")
	if len(one) == 0 || !bytes.Contains(all, one) {
		t.Errorf("KORGOV row %q not among all rows", one)
	}
}
