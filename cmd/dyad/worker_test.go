package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/dyadproject/dyad/internal/article"
	"github.com/dyadproject/dyad/internal/sample"
	"github.com/dyadproject/dyad/internal/store/postgres"
	"github.com/dyadproject/dyad/internal/store/postgres/pgtest"
	"github.com/dyadproject/dyad/internal/store/sqlite"
)

// startNATS runs an embedded nats-server with JetStream on a free loopback
// port until the test ends, and returns its URL.
func startNATS(t *testing.T) string {
	t.Helper()
	srv, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true,
		StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats-server did not start")
	}
	t.Cleanup(func() { srv.Shutdown(); srv.WaitForShutdown() })
	return srv.ClientURL()
}

// syncBuffer is a buffer that a running command writes to while the test
// reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestScaleOutCommands runs the three processes of the README's quick start
// in this process: ingest --nats and feed publish, worker stores, with a
// real nats-server and the SQLite store; then checks the worker's /metrics,
// /healthz and /readyz and its graceful stop.
func TestScaleOutCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a nats-server and the pipeline")
	}
	natsURL := startNATS(t)
	db := filepath.Join(t.TempDir(), "dyad.db")

	r := dyadRun(t, "", "ingest", "--nats", natsURL, "--sample")
	if r.code != exitOK || !strings.Contains(r.stderr, "20 articles published (0 already on the queue)") {
		t.Fatalf("ingest --nats: exit %d: %s", r.code, r.stderr)
	}
	r = dyadRun(t, "", "ingest", "--nats", natsURL, "--sample")
	if r.code != exitOK || !strings.Contains(r.stderr, "(20 already on the queue)") {
		t.Fatalf("second ingest --nats: exit %d: %s", r.code, r.stderr)
	}

	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rss.xml":
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Invented Daily</title>
<item><title>Chile and Argentina sign a water accord</title><link>/story/1</link><guid>d-1</guid>
<pubDate>Mon, 08 Jun 2026 08:00:00 GMT</pubDate></item></channel></rss>`)
		case "/story/1":
			fmt.Fprint(w, `<html><head><title>Water accord</title></head><body><article>
<p>SANTIAGO, June 8 -- Chile and Argentina signed an accord on Monday to share water from three rivers along their border, the two governments said.</p>
<p>"This is a good day for both our peoples," Chile's foreign minister said at the signing ceremony in Santiago.</p></article></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()
	r = dyadRun(t, "", "feed", "--nats", natsURL, "--once", site.URL+"/rss.xml")
	if r.code != exitOK || !strings.Contains(r.stderr, "1 items: 1 published") {
		t.Fatalf("feed --once: exit %d: %s", r.code, r.stderr)
	}

	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"worker", "--nats", natsURL, "--db", db, "--addr", addr, "--batch", "8"},
			stdio{in: strings.NewReader(""), out: io.Discard, err: &errb})
	}()
	deadline := time.Now().Add(60 * time.Second)
	for {
		_, metrics := get(t, "http://"+addr+"/metrics")
		if strings.Contains(metrics, "dyad_worker_articles_processed_total 21") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("worker did not process 21 articles in time; metrics:\n%s\nlog:\n%s", metrics, errb.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	for path, want := range map[string]string{"/healthz": "ok", "/readyz": "ready"} {
		if code, body := get(t, "http://"+addr+path); code != http.StatusOK || strings.TrimSpace(body) != want {
			t.Errorf("%s = %d %q, want 200 %q", path, code, body, want)
		}
	}
	_, metrics := get(t, "http://"+addr+"/metrics")
	for _, want := range []string{`dyad_worker_stage_seconds_count{stage="analyze"}`, "dyad_worker_queue_lag_seconds_count 21",
		"dyad_worker_queue_pending", "dyad_worker_articles_failed_total 0", "go_goroutines"} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("worker stopped with exit %d, want 0; log:\n%s", code, errb.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("worker did not stop")
	}
	for _, line := range strings.Split(strings.TrimSpace(errb.String()), "\n") {
		if !strings.HasPrefix(line, "{") {
			t.Errorf("worker log line is not JSON: %q", line)
		}
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rec, err := st.Article(context.Background(), "d-1")
	if err != nil {
		t.Fatalf("feed article: %v", err)
	}
	if rec.Result.Source != "Invented Daily" || !strings.Contains(rec.Text, "share water from three rivers") {
		t.Errorf("feed article stored as source %q, text %q", rec.Result.Source, rec.Text)
	}
	if c, err := st.Counts(context.Background()); err != nil || c.Articles != 21 {
		t.Errorf("counts = %+v, %v; want 21 articles", c, err)
	}
}

func TestScaleOutUsage(t *testing.T) {
	feeds := filepath.Join(t.TempDir(), "feeds.txt")
	if err := os.WriteFile(feeds, []byte("# none yet\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"worker without nats", []string{"worker", "--db", "x.db"}, "--nats and --db are required"},
		{"worker without db", []string{"worker", "--nats", "nats://127.0.0.1:1"}, "--nats and --db are required"},
		{"worker with a path", []string{"worker", "--nats", "n", "--db", "d", "news/"}, "no PATH"},
		{"worker bad level", []string{"worker", "--nats", "n", "--db", "d", "--log-level", "loud"}, "--log-level"},
		{"ingest nats and db", []string{"ingest", "--nats", "nats://127.0.0.1:1", "--db", "x.db", "--sample"}, "--db does not apply"},
		{"feed without nats", []string{"feed", "http://example.test/rss"}, "--nats is required"},
		{"feed without feeds", []string{"feed", "--nats", "nats://127.0.0.1:1", "--feeds", feeds}, "no feeds"},
		{"feed file url", []string{"feed", "--nats", "nats://127.0.0.1:1", "file:///etc/passwd"}, "not an http or https URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := dyadRun(t, "", tt.args...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.stderr, exitUsage, tt.want)
			}
		})
	}
}

// TestPostgresIngestServe runs ingest and serve with a postgres:// --db, in
// a schema of its own on the server in DYAD_TEST_POSTGRES, and checks that
// the server answers from what ingest stored, with the same numbers as the
// SQLite default.
func TestPostgresIngestServe(t *testing.T) {
	base := pgtest.URL(t)
	ctx := context.Background()
	pg := postgres.WithSchema(base, pgtest.Schema(t, base, "cmdtest"))
	lite := filepath.Join(t.TempDir(), "dyad.db")
	for _, db := range []string{pg, lite} {
		if r := dyadRun(t, "", "ingest", "--db", db, "--sample"); r.code != exitOK || !strings.Contains(r.stderr, "20 added") {
			t.Fatalf("ingest --db %s: exit %d: %s", db, r.code, r.stderr)
		}
	}
	if r := dyadRun(t, "", "ingest", "--db", pg, "--sample"); !strings.Contains(r.stderr, "20 already stored") {
		t.Errorf("second ingest into PostgreSQL: %s", r.stderr)
	}
	// The same requests to both stores must get the same answers, byte for
	// byte: the pipeline's real output, not only the store suite's fixtures.
	paths := []string{"/api/stats", "/api/articles?limit=100", "/api/articles?q=minister", "/api/articles/" + sampleID(t),
		"/api/events?limit=1000", "/api/events?source=FRA&code=04", "/api/actors?limit=1000", "/api/actors?q=min",
		"/api/quotes?limit=1000", "/api/quotes?q=our+two", "/api/cross-events?limit=1000", "/api/cross-events/3",
		"/api/relations?limit=1000", "/api/relations?period=week&level=code&limit=1000", "/api/partners?actor=USA",
		"/api/partners?actor=RUS&rank=conflict"}
	answers := map[string][]string{}
	for _, db := range []string{pg, lite} {
		addr := freeAddr(t)
		sctx, cancel := context.WithCancel(ctx)
		done := make(chan int, 1)
		go func() {
			done <- run(sctx, []string{"serve", "--db", db, "--addr", addr}, stdio{in: strings.NewReader(""), out: io.Discard, err: io.Discard})
		}()
		deadline := time.Now().Add(30 * time.Second)
		for {
			code, body := get(t, "http://"+addr+"/api/stats")
			if code == http.StatusOK {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("serve --db %s did not answer: %d %s", db, code, body)
			}
			time.Sleep(50 * time.Millisecond)
		}
		for _, path := range paths {
			code, body := get(t, "http://"+addr+path)
			answers[db] = append(answers[db], fmt.Sprintf("%d %s", code, body))
		}
		cancel()
		if code := <-done; code != exitOK {
			t.Errorf("serve --db %s exit %d", db, code)
		}
	}
	if !strings.Contains(answers[pg][0], `"articles":20`) {
		t.Errorf("/api/stats from PostgreSQL = %s, want 20 articles", answers[pg][0])
	}
	for i, path := range paths {
		if a, b := answers[pg][i], answers[lite][i]; a != b {
			t.Errorf("GET %s differs:\nPostgreSQL %.600s\nSQLite     %.600s", path, a, b)
		} else if !strings.HasPrefix(a, "200 ") || strings.Contains(a, `"total":0`) {
			t.Errorf("GET %s = %.300s, want 200 and something found", path, a)
		}
	}
}

// sampleID returns the ID of the first embedded sample story.
func sampleID(t *testing.T) string {
	t.Helper()
	f := sample.Files()[0]
	for a, err := range article.ReadBytes(f.Name, f.Data, article.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		return a.ID
	}
	t.Fatal("no sample story")
	return ""
}
