package server_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/server"
	"github.com/dyadproject/dyad/internal/store"
	"github.com/dyadproject/dyad/internal/store/sqlite"
	"github.com/dyadproject/dyad/internal/store/storetest"
)

// oddID is the ID of an extra article whose ID needs escaping in a path and
// whose title is markup that the index page must escape.
const (
	oddID    = "a b/c?d#e%f"
	oddTitle = `<script>alert("x")</script> & more`
)

// records returns the shared fixtures plus the odd article.
func records() []store.Record {
	recs := storetest.Records()
	odd := storetest.Records()[3]
	odd.Text = "Snow is expected in the hills."
	odd.Result.ID, odd.Result.Title, odd.Result.Hash = oddID, oddTitle, ""
	odd.Result.Date = "2020-01-01"
	return append(recs, odd)
}

// openStore opens a SQLite store in a temporary folder holding records().
func openStore(t testing.TB) store.Store {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Put(context.Background(), records()); err != nil {
		t.Fatal(err)
	}
	return db
}

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(server.New(server.Config{Store: openStore(t), Logger: testLogger(t)}).Handler())
	t.Cleanup(srv.Close)
	return srv
}

func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(tWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type tWriter struct{ t testing.TB }

func (w tWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

func do(t *testing.T, method, url string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// list is a list response with items kept raw.
type list struct {
	Items []json.RawMessage `json:"items"`
	Total *int              `json:"total"`
}

// keys returns each item's "article"/"id" or "code" or "id", joined as the
// tests name them.
func keys(t *testing.T, items []json.RawMessage) []string {
	out := []string{}
	for _, raw := range items {
		var it struct{ Article, ID, Code string }
		if err := json.Unmarshal(raw, &it); err != nil {
			t.Fatal(err)
		}
		switch {
		case it.Article != "":
			out = append(out, it.Article+"/"+it.ID)
		case it.Code != "":
			out = append(out, it.Code)
		default:
			out = append(out, it.ID)
		}
	}
	return out
}

func checkJSONHeader(t *testing.T, resp *http.Response) {
	t.Helper()
	if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Error("no X-Content-Type-Options: nosniff")
	}
}

func TestLists(t *testing.T) {
	srv := newServer(t)
	fr, kor, br, note := storetest.FranceIndia, storetest.KoreaMissile, storetest.BrazilTrade, storetest.WeatherNote
	tests := []struct {
		name  string
		path  string
		want  []string
		total int // -1: len(want)
	}{
		{"articles", "/api/articles", []string{fr, kor, br, oddID, note}, -1},
		{"articles search", "/api/articles?q=missile", []string{kor}, -1},
		{"articles search syntax is text", "/api/articles?q=%22NEAR(%2A+AND", []string{}, -1},
		{"articles search markup", "/api/articles?q=script+alert", []string{oddID}, -1},
		{"articles page", "/api/articles?limit=2&offset=1", []string{kor, br}, 5},
		{"articles limit 0 is default", "/api/articles?limit=0", []string{fr, kor, br, oddID, note}, -1},
		{"articles limit clamped", "/api/articles?limit=5000", []string{fr, kor, br, oddID, note}, -1},
		{"articles offset past end", "/api/articles?offset=10", []string{}, 5},
		{"articles unknown parameter ignored", "/api/articles?color=blue&q=missile", []string{kor}, -1},
		{"events", "/api/events", []string{"br-ar-1/e1", "br-ar-1/e2", "kor-1/e1", "kor-1/e2", "kor-1/e3", "fr-in-1/e1", "fr-in-1/e3", "fr-in-1/e2"}, -1},
		{"events source", "/api/events?source=FRA", []string{"fr-in-1/e1", "fr-in-1/e3", "fr-in-1/e2"}, -1},
		{"events source lower case", "/api/events?source=korgov", []string{"kor-1/e1"}, -1},
		{"events target", "/api/events?target=PRK", []string{"kor-1/e1", "kor-1/e3"}, -1},
		{"events code", "/api/events?code=05", []string{"br-ar-1/e1", "br-ar-1/e2"}, -1},
		{"events from", "/api/events?from=2026-05-05", []string{"fr-in-1/e2"}, -1},
		{"events to", "/api/events?to=2025-12-31", []string{"br-ar-1/e1", "br-ar-1/e2"}, -1},
		{"events one day", "/api/events?from=2026-05-04&to=2026-05-04", []string{"fr-in-1/e1", "fr-in-1/e3"}, -1},
		{"events all filters", "/api/events?source=FRA&target=RUS&code=11&from=2026-01-01&to=2026-12-31", []string{"fr-in-1/e3"}, -1},
		{"events empty filters", "/api/events?source=&target=&code=&from=&to=", []string{"br-ar-1/e1", "br-ar-1/e2", "kor-1/e1", "kor-1/e2", "kor-1/e3", "fr-in-1/e1", "fr-in-1/e3", "fr-in-1/e2"}, -1},
		{"events page", "/api/events?limit=3&offset=3", []string{"kor-1/e2", "kor-1/e3", "fr-in-1/e1"}, 8},
		{"events wildcards literal", "/api/events?source=%25&code=_", []string{}, -1},
		{"actors", "/api/actors?limit=3", []string{"FRAGOV", "KORGOV", "PRK"}, 11},
		{"actors search", "/api/actors?q=kor", []string{"KORGOV", "PRK", "KOR"}, -1},
		{"actors page", "/api/actors?q=kor&limit=1&offset=2", []string{"KOR"}, 3},
		{"quotes", "/api/quotes", []string{"br-ar-1/q1", "fr-in-1/q1", "kor-1/q1"}, -1},
		{"quotes search", "/api/quotes?q=provocation", []string{"kor-1/q1"}, -1},
		{"quotes speaker", "/api/quotes?speaker=BRAGOV", []string{"br-ar-1/q1"}, -1},
		{"quotes search and speaker", "/api/quotes?q=clear&speaker=FRA", []string{}, -1},
		{"quotes page", "/api/quotes?limit=1&offset=1", []string{"fr-in-1/q1"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, http.MethodGet, srv.URL+tt.path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			checkJSONHeader(t, resp)
			var l list
			if err := json.Unmarshal(body, &l); err != nil {
				t.Fatalf("decode %s: %v", body, err)
			}
			if l.Items == nil || l.Total == nil {
				t.Fatalf("body %s lacks items or total", body)
			}
			total := tt.total
			if total < 0 {
				total = len(tt.want)
			}
			if got := keys(t, l.Items); !slices.Equal(got, tt.want) || *l.Total != total {
				t.Errorf("got %v (total %d), want %v (total %d)", got, *l.Total, tt.want, total)
			}
		})
	}
}

func TestEventRowJSON(t *testing.T) {
	srv := newServer(t)
	_, body := do(t, http.MethodGet, srv.URL+"/api/events?code=042")
	var page store.Page[store.EventRow]
	if err := json.Unmarshal(body, &page); err != nil {
		t.Fatal(err)
	}
	want := store.EventRow{Article: storetest.FranceIndia, Event: storetest.Records()[0].Result.Events[0]}
	if len(page.Items) == 1 && page.Items[0].CrossEvent > 0 {
		want.CrossEvent = page.Items[0].CrossEvent
	}
	if len(page.Items) != 1 || !reflect.DeepEqual(page.Items[0], want) {
		t.Errorf("event = %+v, want %+v", page.Items, want)
	}
	// The event's fields sit beside "article", not under a nested key.
	var flat []map[string]any
	var raw struct{ Items json.RawMessage }
	json.Unmarshal(body, &raw)
	json.Unmarshal(raw.Items, &flat)
	if len(flat) != 1 || flat[0]["article"] != storetest.FranceIndia || flat[0]["cameo"] != "042" {
		t.Errorf("event JSON not flat: %s", raw.Items)
	}
}

func TestArticle(t *testing.T) {
	srv := newServer(t)
	for _, rec := range records() {
		t.Run(rec.Result.ID, func(t *testing.T) {
			id := rec.Result.ID
			if id == oddID {
				id = "a%20b%2Fc%3Fd%23e%25f"
			}
			resp, body := do(t, http.MethodGet, srv.URL+"/api/articles/"+id)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			checkJSONHeader(t, resp)
			var got struct {
				dyad.Result
				Text string `json:"text"`
			}
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatal(err)
			}
			want := rec
			if want.Result.Hash == "" { // stored under the hash of its text
				want.Result.Hash = dyad.ContentHash(want.Text)
			}
			if !reflect.DeepEqual(got.Result, want.Result) || got.Text != want.Text {
				t.Errorf("article differs:\n got %+v %q\nwant %+v %q", got.Result, got.Text, want.Result, want.Text)
			}
		})
	}
}

func TestStatsAndHealth(t *testing.T) {
	srv := newServer(t)
	resp, body := do(t, http.MethodGet, srv.URL+"/api/stats")
	checkJSONHeader(t, resp)
	var c store.Counts
	if err := json.Unmarshal(body, &c); err != nil {
		t.Fatal(err)
	}
	if want := (store.Counts{Articles: 5, Events: 8, CrossEvents: 8, Actors: 11, Quotes: 3, Places: 5}); resp.StatusCode != 200 || c != want {
		t.Errorf("stats = %d %+v, want %+v", resp.StatusCode, c, want)
	}
	resp, body = do(t, http.MethodGet, srv.URL+"/healthz")
	if resp.StatusCode != 200 || strings.TrimSpace(string(body)) != `{"status":"ok"}` {
		t.Errorf("healthz = %d %s", resp.StatusCode, body)
	}
}

func TestErrors(t *testing.T) {
	srv := newServer(t)
	long := strings.Repeat("word+", store.MaxSearchLen/4)
	tests := []struct {
		name, method, path string
		status             int
		message            string // a part of the message
	}{
		{"limit not a number", "GET", "/api/articles?limit=abc", 400, "limit"},
		{"limit negative", "GET", "/api/events?limit=-1", 400, "limit"},
		{"limit too big for int", "GET", "/api/events?limit=99999999999999999999999", 400, "limit"},
		{"offset fraction", "GET", "/api/quotes?offset=1.5", 400, "offset"},
		{"offset with sign", "GET", "/api/actors?offset=%2B1x", 400, "offset"},
		{"from impossible date", "GET", "/api/events?from=2026-13-40", 400, "from"},
		{"to words", "GET", "/api/events?to=yesterday", 400, "to"},
		{"to with time", "GET", "/api/events?to=2026-05-04T00:00:00Z", 400, "to"},
		{"parameter twice", "GET", "/api/events?source=FRA&source=IND", 400, "source"},
		{"bad escape", "GET", "/api/articles?q=%zz", 400, "malformed"},
		{"semicolon", "GET", "/api/articles?q=a;limit=2", 400, "malformed"},
		{"search too long", "GET", "/api/articles?q=" + long, 400, "longer"},
		{"code too long", "GET", "/api/events?code=" + strings.Repeat("1", 65), 400, "longer"},
		{"unknown article", "GET", "/api/articles/missing", 404, "missing"},
		{"article id empty", "GET", "/api/articles/", 404, "no such path"},
		{"unknown api path", "GET", "/api/nothing", 404, "no such path"},
		{"below a list", "GET", "/api/events/extra", 404, "no such path"},
		{"unknown page", "GET", "/favicon.ico", 404, "no such path"},
		{"post", "POST", "/api/events", 405, "POST"},
		{"delete", "DELETE", "/api/articles/fr-in-1", 405, "DELETE"},
		{"put on index", "PUT", "/", 405, "PUT"},
		{"options", "OPTIONS", "/api/stats", 405, "OPTIONS"},
		{"post to unknown path", "POST", "/nothing", 405, "read-only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, tt.method, srv.URL+tt.path)
			checkError(t, resp.StatusCode, resp.Header, body, tt.status)
			if !strings.Contains(string(body), tt.message) {
				t.Errorf("message %s does not mention %q", body, tt.message)
			}
			if tt.status == 405 && resp.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow = %q, want GET, HEAD", resp.Header.Get("Allow"))
			}
		})
	}
}

// checkError checks a JSON error response with the wanted status.
func checkError(t *testing.T, status int, h http.Header, body []byte, want int) {
	t.Helper()
	if status != want {
		t.Errorf("status = %d, want %d (%s)", status, want, body)
	}
	if ct := h.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	var e struct {
		Error *struct {
			Status  int    `json:"status"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(body, &e); err != nil || e.Error == nil {
		t.Fatalf("body %q is not a JSON error: %v", body, err)
	}
	if e.Error.Status != status || e.Error.Message == "" {
		t.Errorf("error body %s: status %d, want %d and a message", body, e.Error.Status, status)
	}
}

func TestHead(t *testing.T) {
	srv := newServer(t)
	for _, path := range []string{"/", "/api/events?source=FRA", "/api/articles/fr-in-1", "/healthz"} {
		resp, body := do(t, http.MethodHead, srv.URL+path)
		if resp.StatusCode != 200 || len(body) != 0 {
			t.Errorf("HEAD %s = %d with %d bytes, want 200 and no body", path, resp.StatusCode, len(body))
		}
	}
}

func TestIndex(t *testing.T) {
	srv := newServer(t)
	resp, body := do(t, http.MethodGet, srv.URL+"/")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}
	page := string(body)
	for _, want := range []string{
		`<td class="n">5</td>`, `<td class="n">8</td>`, `<td class="n">11</td>`, // articles, events, actors
		`href="/network"`, `href="/events"`, `href="/actors"`, `href="/quotes"`, `href="/api/openapi.yaml"`,
		`href="/articles/fr-in-1"`, "France seeks closer ties with India and Australia",
		`href="/articles/a%20b%2Fc%3Fd%23e%25f"`,
		"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more",
		`<svg class="graph" id="network"`, `href="/pair?a=KOR&amp;b=PRK"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("index lacks %s", want)
		}
	}
	checkPage(t, srv, "/", page)
}

// checkPage checks that page has no script and no external reference, and
// that every link on it answers 200.
func checkPage(t *testing.T, srv *httptest.Server, path, page string) {
	t.Helper()
	// Article URLs are shown as text; no attribute may point off the site.
	for _, bad := range []string{"<script", "src=", `href="http`, `href="//`, `action="http`, "url(", "@import", "javascript:", " on"} {
		if bad == " on" {
			for _, attr := range []string{" onclick=", " onload=", " onerror="} {
				if strings.Contains(page, attr) {
					t.Errorf("%s contains %q", path, attr)
				}
			}
			continue
		}
		if strings.Contains(page, bad) {
			t.Errorf("%s contains %q", path, bad)
		}
	}
	for _, part := range strings.Split(page, `href="`)[1:] {
		link := part[:strings.IndexByte(part, '"')]
		link = strings.ReplaceAll(link, "&amp;", "&")
		if strings.HasPrefix(link, "#") {
			continue
		}
		if r, b := do(t, http.MethodGet, srv.URL+link); r.StatusCode != 200 {
			t.Errorf("%s: link %s = %d: %.300s", path, link, r.StatusCode, b)
		}
	}
}

func TestIndexEmptyStore(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rec := httptest.NewRecorder()
	server.New(server.Config{Store: db}).Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "No articles yet") {
		t.Errorf("empty index = %d %s", rec.Code, rec.Body)
	}
}

// fake is a Reader whose every method calls fn.
type fake struct {
	fn func(ctx context.Context) error
}

func (f fake) Article(ctx context.Context, _ string) (store.Record, error) {
	return store.Record{}, f.fn(ctx)
}
func (f fake) Articles(ctx context.Context, _ store.ArticleQuery) (store.Page[store.ArticleRow], error) {
	return store.Page[store.ArticleRow]{}, f.fn(ctx)
}
func (f fake) Events(ctx context.Context, _ store.EventQuery) (store.Page[store.EventRow], error) {
	return store.Page[store.EventRow]{}, f.fn(ctx)
}
func (f fake) Actors(ctx context.Context, _ store.ActorQuery) (store.Page[store.ActorRow], error) {
	return store.Page[store.ActorRow]{}, f.fn(ctx)
}
func (f fake) Quotes(ctx context.Context, _ store.QuoteQuery) (store.Page[store.QuoteRow], error) {
	return store.Page[store.QuoteRow]{}, f.fn(ctx)
}
func (f fake) Counts(ctx context.Context) (store.Counts, error) { return store.Counts{}, f.fn(ctx) }

func TestStoreFailures(t *testing.T) {
	tests := []struct {
		name    string
		fn      func(ctx context.Context) error
		status  int
		message string
	}{
		{"store error hidden", func(context.Context) error { return errors.New("disk on fire at /var/secret") }, 500, "internal error"},
		{"slow query", func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() }, 503, "too long"},
		{"panic", func(context.Context) error { panic("boom") }, 500, "internal error"},
		{"bad query from store", func(context.Context) error { return store.ErrBadQuery }, 400, "bad query"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := server.New(server.Config{Store: fake{tt.fn}, Logger: testLogger(t), QueryTimeout: 20 * time.Millisecond}).Handler()
			for _, path := range []string{"/", "/network", "/pair?a=FRA&b=IND", "/events", "/events/1", "/actors", "/actors/FRA",
				"/articles", "/articles/x", "/quotes", "/api/stats", "/api/articles", "/api/articles/x", "/api/events",
				"/api/actors", "/api/quotes", "/api/cross-events", "/api/cross-events/1", "/api/relations",
				"/api/partners?actor=FRA", "/export/events.csv"} {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
				if strings.HasPrefix(path, "/api/") || strings.HasPrefix(path, "/export/") {
					checkError(t, rec.Code, rec.Header(), rec.Body.Bytes(), tt.status)
				} else if rec.Code != tt.status || rec.Header().Get("Content-Type") != "text/html; charset=utf-8" {
					t.Errorf("%s: %d %q, want %d with an HTML page", path, rec.Code, rec.Header().Get("Content-Type"), tt.status)
				}
				if !strings.Contains(rec.Body.String(), tt.message) || strings.Contains(rec.Body.String(), "secret") {
					t.Errorf("%s: body %s, want a message with %q and no detail", path, rec.Body, tt.message)
				}
			}
		})
	}
}

func TestHTTPServer(t *testing.T) {
	s := server.New(server.Config{Store: fake{func(context.Context) error { return nil }}})
	hs := s.HTTPServer("127.0.0.1:0")
	if hs.Addr != "127.0.0.1:0" || hs.Handler == nil || hs.ReadHeaderTimeout != server.ReadHeaderTimeout ||
		hs.ReadTimeout != server.ReadTimeout || hs.WriteTimeout != server.WriteTimeout ||
		hs.IdleTimeout != server.IdleTimeout || hs.MaxHeaderBytes != server.MaxHeaderBytes || hs.ErrorLog == nil {
		t.Errorf("http.Server misses settings: %+v", hs)
	}
	if server.WriteTimeout <= server.DefaultQueryTimeout {
		t.Error("WriteTimeout must outlast the query timeout so that a 503 can be written")
	}
}

func TestNewWithoutStore(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("New without a store did not panic")
		}
	}()
	server.New(server.Config{})
}

func (f fake) CrossEvents(ctx context.Context, _ store.EventQuery) (store.Page[store.CrossEvent], error) {
	return store.Page[store.CrossEvent]{}, f.fn(ctx)
}
func (f fake) CrossEvent(ctx context.Context, _ int64) (store.CrossEventDetail, error) {
	return store.CrossEventDetail{}, f.fn(ctx)
}
func (f fake) Relations(ctx context.Context, _ store.RelationQuery) (store.Page[store.RelationRow], error) {
	return store.Page[store.RelationRow]{}, f.fn(ctx)
}
func (f fake) Partners(ctx context.Context, _ store.PartnerQuery) (store.Page[store.PartnerRow], error) {
	return store.Page[store.PartnerRow]{}, f.fn(ctx)
}
