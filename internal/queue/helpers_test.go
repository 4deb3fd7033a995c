package queue_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/article"
	"github.com/dyadproject/dyad/internal/pipeline"
	"github.com/dyadproject/dyad/internal/store"
	"github.com/dyadproject/dyad/internal/store/postgres"
	"github.com/dyadproject/dyad/internal/store/postgres/pgtest"
	"github.com/dyadproject/dyad/internal/store/sqlite"
)

// natsServer is an embedded nats-server with JetStream on loopback.
type natsServer struct {
	t    testing.TB
	dir  string
	port int
	srv  *server.Server
}

// startNATS starts a server on a free port with its store in a temporary
// folder.
func startNATS(t testing.TB) *natsServer {
	t.Helper()
	s := &natsServer{t: t, dir: t.TempDir(), port: -1}
	s.start()
	t.Cleanup(s.stop)
	return s
}

func (s *natsServer) start() {
	s.t.Helper()
	srv, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: s.port, JetStream: true,
		StoreDir: s.dir, NoLog: true, NoSigs: true})
	if err != nil {
		s.t.Fatal(err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		s.t.Fatal("nats-server did not start")
	}
	s.srv = srv
	s.port = srv.Addr().(*net.TCPAddr).Port
}

func (s *natsServer) stop() {
	if s.srv != nil {
		s.srv.Shutdown()
		s.srv.WaitForShutdown()
		s.srv = nil
	}
}

// restart stops the server and starts it again on the same port and store.
func (s *natsServer) restart() {
	s.stop()
	s.start()
}

func (s *natsServer) url() string { return fmt.Sprintf("nats://127.0.0.1:%d", s.port) }

// connect returns a JetStream client that reconnects for ever.
func connect(t testing.TB, url string) jetstream.JetStream {
	t.Helper()
	nc, err := nats.Connect(url, nats.MaxReconnects(-1), nats.ReconnectWait(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// testStore is the store the queue tests write to: a new schema of the
// PostgreSQL server in DYAD_TEST_POSTGRES when set, else a SQLite file. It
// returns the store and the --db argument that opens it in another process.
func testStore(t testing.TB) (store.Store, string) {
	t.Helper()
	ctx := context.Background()
	base := os.Getenv("DYAD_TEST_POSTGRES")
	if base == "" {
		path := filepath.Join(t.TempDir(), "dyad.db")
		db, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db, path
	}
	return pgStore(t, base)
}

// pgStore opens a store in a new schema of the server at base, dropped at
// the end of the test.
func pgStore(t testing.TB, base string) (*postgres.DB, string) {
	t.Helper()
	ctx := context.Background()
	schema := pgtest.Schema(t, base, "queuetest")
	u := postgres.WithSchema(base, schema)
	db, err := postgres.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, u
}

var (
	analyzerOnce sync.Once
	analyzer     *pipeline.Analyzer
	analyzerErr  error
)

// standardAnalyzer returns dyad's real pipeline, loaded once per process.
func standardAnalyzer(t testing.TB) *pipeline.Analyzer {
	t.Helper()
	analyzerOnce.Do(func() {
		stages, err := pipeline.Standard(pipeline.Options{})
		analyzer, analyzerErr = pipeline.New(pipeline.Config{Stages: stages}), err
	})
	if analyzerErr != nil {
		t.Fatal(analyzerErr)
	}
	return analyzer
}

var (
	capitals = []string{"Paris", "Berlin", "Tokyo", "Nairobi", "Lima", "Ottawa", "Canberra", "Seoul"}
	pairs    = [][2]string{{"France", "India"}, {"Germany", "Poland"}, {"Japan", "China"}, {"Kenya", "Uganda"},
		{"Peru", "Chile"}, {"Canada", "Mexico"}, {"Australia", "Indonesia"}, {"South Korea", "North Korea"}}
	verbs = []string{"met officials from", "criticized", "signed a trade agreement with", "accused", "praised", "threatened"}
)

// invented returns n small invented news articles, each with its own text.
func invented(start, n int) []*dyad.Article {
	out := make([]*dyad.Article, 0, n)
	for i := start; i < start+n; i++ {
		p := pairs[i%len(pairs)]
		text := fmt.Sprintf("%s, May %d -- %s %s %s on Monday, officials said in statement %d.",
			strings.ToUpper(capitals[i%len(capitals)]), 1+i%28, p[0], verbs[i%len(verbs)], p[1], i)
		a := &dyad.Article{ID: fmt.Sprintf("inv-%05d", i), Title: fmt.Sprintf("Story %d", i), Source: "Invented Wire",
			Date: time.Date(2026, 5, 1+i%28, 9, 0, 0, 0, time.UTC), HasTime: true, Text: text, Input: fmt.Sprintf("invented:%d", i)}
		if err := article.Prepare(a, article.Options{}); err != nil {
			panic(err)
		}
		out = append(out, a)
	}
	return out
}

// publishAll publishes arts and fails the test on an error.
func publishAll(t testing.TB, p interface {
	Publish(context.Context, *dyad.Article) (bool, error)
}, arts []*dyad.Article) {
	t.Helper()
	for _, a := range arts {
		if _, err := p.Publish(context.Background(), a); err != nil {
			t.Fatalf("publish %s: %v", a.ID, err)
		}
	}
}

// waitFor polls cond every 50ms until it holds or timeout passes.
func waitFor(t testing.TB, timeout time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, state := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s (%s)", timeout, what, state)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// articleCount returns the number of articles in st, or -1 when it cannot
// be read (the store may be restarting).
func articleCount(st store.Store) int {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := st.Counts(ctx)
	if err != nil {
		return -1
	}
	return c.Articles
}
