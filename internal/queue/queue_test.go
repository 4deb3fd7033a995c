package queue_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/dyadproject/dyad/internal/article"
	"github.com/dyadproject/dyad/internal/queue"
	"github.com/dyadproject/dyad/internal/store"
)

// testConfig is a queue configuration with short delays, in streams of its
// own.
func testConfig() queue.Config {
	return queue.Config{AckWait: 2 * time.Second, MaxDeliver: 3}
}

// newWorker returns a worker on js with test settings.
func newWorker(t testing.TB, js jetstream.JetStream, st store.Store, m *queue.Metrics) *queue.Worker {
	t.Helper()
	w, err := queue.NewWorker(context.Background(), js, queue.WorkerConfig{
		Queue: testConfig(), Store: st, Analyzer: standardAnalyzer(t), Batch: 50,
		FetchWait: 200 * time.Millisecond, RetryMin: 50 * time.Millisecond, RetryMax: 500 * time.Millisecond,
		NakDelay: 20 * time.Millisecond, Metrics: m,
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// runWorkers runs n workers until the test ends.
func runWorkers(t testing.TB, n int, js jetstream.JetStream, st store.Store, m *queue.Metrics) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for range n {
		w := newWorker(t, js, st, m)
		wg.Go(func() {
			if err := w.Run(ctx); err != nil {
				t.Errorf("worker: %v", err)
			}
		})
	}
	t.Cleanup(func() { cancel(); wg.Wait() })
}

func TestEncodeDecode(t *testing.T) {
	a := invented(7, 1)[0]
	body, err := queue.Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := queue.Decode(body, article.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, a) {
		t.Errorf("decoded article differs:\n got %+v\nwant %+v", got, a)
	}
	tests := []struct{ name, body, want string }{
		{"not json", "PARIS -- hello", "invalid character"},
		{"empty text", `{"text":"  ","hash":""}`, "no text"},
		{"bad date", `{"text":"Rain fell.","date":"Monday"}`, "not RFC 3339"},
		{"wrong hash", `{"text":"Rain fell.","hash":"00"}`, "does not match"},
		{"control characters", `{"text":"Rain\u0000fell."}`, "binary"},
		{"too large", `{"text":"` + strings.Repeat("a ", 1<<20) + `"}`, "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := queue.Decode([]byte(tt.body), article.Options{MaxBytes: 1 << 20})
			if !errors.Is(err, queue.ErrBadMessage) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want ErrBadMessage saying %q", err, tt.want)
			}
		})
	}
}

// FuzzDecode checks that any body decodes to an article or an
// ErrBadMessage, and that a decoded article survives a round trip.
func FuzzDecode(f *testing.F) {
	for _, a := range invented(0, 3) {
		body, _ := queue.Encode(a)
		f.Add(body)
	}
	f.Add([]byte(`{"text":"x","date":"2026-05-01T09:00:00+09:00","has_time":true}`))
	f.Add([]byte(`{"text":"\ud800"}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		a, err := queue.Decode(body, article.Options{})
		if err != nil {
			if !errors.Is(err, queue.ErrBadMessage) {
				t.Fatalf("err = %v, not an ErrBadMessage", err)
			}
			return
		}
		again, err := queue.Encode(a)
		if err != nil {
			t.Fatal(err)
		}
		b, err := queue.Decode(again, article.Options{})
		if err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if b.Hash != a.Hash || b.Text != a.Text || b.ID != a.ID || !b.Date.Equal(a.Date) {
			t.Errorf("round trip changed the article:\n%+v\n%+v", a, b)
		}
	})
}

func TestPublishDeduplicates(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a nats-server")
	}
	ns := startNATS(t)
	js := connect(t, ns.url())
	ctx := context.Background()
	p, err := queue.NewPublisher(ctx, js, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	arts := invented(0, 3)
	again := *arts[0]
	again.ID, again.Input = "other-id", "elsewhere" // same text
	var dups []bool
	for _, a := range append(arts, &again) {
		dup, err := p.Publish(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		dups = append(dups, dup)
	}
	if want := []bool{false, false, false, true}; !reflect.DeepEqual(dups, want) {
		t.Errorf("duplicates = %v, want %v", dups, want)
	}
	s, err := js.Stream(ctx, "DYAD_ARTICLES")
	if err != nil {
		t.Fatal(err)
	}
	if info, err := s.Info(ctx); err != nil || info.State.Msgs != 3 {
		t.Errorf("stream holds %d messages (err %v), want 3", info.State.Msgs, err)
	}
}

func TestWorkersStoreEveryArticleOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a nats-server")
	}
	const n = 200
	ns := startNATS(t)
	js := connect(t, ns.url())
	st, _ := testStore(t)
	p, err := queue.NewPublisher(context.Background(), js, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	publishAll(t, p, invented(0, n))
	publishAll(t, p, invented(0, 10)) // dropped by the stream as duplicates
	reg := prometheus.NewRegistry()
	m := queue.NewMetrics(reg)
	runWorkers(t, 3, js, st, m)
	waitFor(t, 3*time.Minute, "all articles stored", func() (bool, string) {
		c := articleCount(st)
		return c == n && testutil.ToFloat64(m.Processed) >= n, fmt.Sprint(c, " stored")
	})
	assertStored(t, st, 0, n)
	// Under load a delivery may outlive its AckWait and come again: it is
	// then skipped as already stored, never stored twice.
	if p, d := testutil.ToFloat64(m.Processed), testutil.ToFloat64(m.Duplicates); p-d != n {
		t.Errorf("processed %v with %v duplicates, want %d new", p, d, n)
	}
	if got := testutil.ToFloat64(m.Failed); got != 0 {
		t.Errorf("failed deliveries = %v, want 0", got)
	}
	if c, err := testutil.GatherAndCount(reg, "dyad_worker_stage_seconds"); err != nil || c != 5 {
		t.Errorf("stage histograms = %d (err %v), want 5 (fetch, decode, analyze, store, ack)", c, err)
	}
}

// assertStored checks that st holds exactly the invented articles
// start..start+n-1, each under its own ID.
func assertStored(t testing.TB, st store.Store, start, n int) {
	t.Helper()
	ctx := context.Background()
	c, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Articles != n {
		t.Errorf("%d articles stored, want %d", c.Articles, n)
	}
	for _, a := range invented(start, n) {
		rec, err := st.Article(ctx, a.ID)
		if err != nil {
			t.Errorf("article %s: %v", a.ID, err)
			continue
		}
		if rec.Result.Hash != a.Hash {
			t.Errorf("article %s stored with hash %s, want %s", a.ID, rec.Result.Hash, a.Hash)
		}
	}
	// A renamed article would mean one text stored under two IDs.
	p, err := st.Articles(ctx, store.ArticleQuery{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range p.Items {
		if strings.Count(r.ID, "-") > 1 {
			t.Errorf("article stored under a derived ID %s", r.ID)
		}
	}
}

func TestPoisonGoesToDeadLetters(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a nats-server")
	}
	ns := startNATS(t)
	js := connect(t, ns.url())
	st, _ := testStore(t)
	ctx := context.Background()
	p, err := queue.NewPublisher(ctx, js, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	good := invented(0, 40)
	publishAll(t, p, good[:20])
	// Two poison messages between the good ones: a body that is not JSON
	// and an article without text.
	for _, body := range []string{"this is not a message", `{"text":"   ","hash":"e3b0"}`} {
		if _, err := js.Publish(ctx, "dyad.articles", []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	publishAll(t, p, good[20:])
	m := queue.NewMetrics(nil)
	runWorkers(t, 2, js, st, m)
	waitFor(t, 3*time.Minute, "good articles stored and poison dead", func() (bool, string) {
		c := articleCount(st)
		return c == len(good) && testutil.ToFloat64(m.Dead) == 2, fmt.Sprint(c, " stored, ", testutil.ToFloat64(m.Dead), " dead")
	})
	assertStored(t, st, 0, len(good))
	if got := testutil.ToFloat64(m.Failed); got != 2*3 {
		t.Errorf("failed deliveries = %v, want 6 (2 messages × MaxDeliver 3)", got)
	}
	dead, err := js.OrderedConsumer(ctx, "DYAD_DEAD", jetstream.OrderedConsumerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for range 2 {
		msg, err := dead.Next(jetstream.FetchMaxWait(5 * time.Second))
		if err != nil {
			t.Fatal(err)
		}
		h := msg.Headers()
		if h.Get(queue.HeaderDeliveries) != "3" || h.Get(queue.HeaderSubject) != "dyad.articles" {
			t.Errorf("dead letter headers = %v, want 3 deliveries from dyad.articles", h)
		}
		reasons = append(reasons, h.Get(queue.HeaderError))
	}
	slices.Sort(reasons) // two workers: either may fail first
	if !strings.Contains(reasons[0], "no text") || !strings.Contains(reasons[1], "invalid character") {
		t.Errorf("dead letter errors = %q, want the JSON error and the empty text", reasons)
	}
	s, err := js.Stream(ctx, "DYAD_ARTICLES")
	if err != nil {
		t.Fatal(err)
	}
	if info, err := s.Info(ctx); err != nil || info.State.Msgs != 0 {
		t.Errorf("work queue holds %d messages (err %v), want 0", info.State.Msgs, err)
	}
}

func TestWorkerNeedsStoreAndAnalyzer(t *testing.T) {
	_, err := queue.NewWorker(context.Background(), nil, queue.WorkerConfig{})
	if err == nil {
		t.Error("NewWorker without a store succeeded")
	}
}

// TestSetupKeepsTunedStream checks that a stream an operator set up (here
// with a size limit) is not reset by the next publisher or worker.
func TestSetupKeepsTunedStream(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a nats-server")
	}
	ns := startNATS(t)
	js := connect(t, ns.url())
	ctx := context.Background()
	if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "DYAD_ARTICLES", Subjects: []string{"dyad.articles"},
		Retention: jetstream.WorkQueuePolicy, MaxBytes: 1 << 30}); err != nil {
		t.Fatal(err)
	}
	if _, err := queue.Setup(ctx, js, testConfig()); err != nil {
		t.Fatal(err)
	}
	s, err := js.Stream(ctx, "DYAD_ARTICLES")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.CachedInfo().Config.MaxBytes; got != 1<<30 {
		t.Errorf("stream MaxBytes = %d after Setup, want the operator's %d", got, 1<<30)
	}
	if _, err := js.Stream(ctx, "DYAD_DEAD"); err != nil {
		t.Errorf("dead-letter stream not created: %v", err)
	}
}

// TestStoreRefusesOneArticle sends a batch holding one article that
// PostgreSQL refuses (an ID longer than it can index) while it is up: the
// worker stores the others one by one and dead-letters that one.
func TestStoreRefusesOneArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a nats-server")
	}
	base := os.Getenv("DYAD_TEST_POSTGRES")
	if base == "" {
		t.Skip("DYAD_TEST_POSTGRES is not set: the SQLite store refuses no article")
	}
	ns := startNATS(t)
	js := connect(t, ns.url())
	st, _ := pgStore(t, base)
	p, err := queue.NewPublisher(context.Background(), js, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	arts := invented(0, 11)
	arts[5].ID = strings.Repeat("guid", 300)
	publishAll(t, p, arts)
	m := queue.NewMetrics(nil)
	runWorkers(t, 1, js, st, m)
	waitFor(t, 3*time.Minute, "10 articles stored and 1 dead", func() (bool, string) {
		c := articleCount(st)
		return c == 10 && testutil.ToFloat64(m.Dead) == 1, fmt.Sprint(c, " stored, ", testutil.ToFloat64(m.Dead), " dead")
	})
	if got := testutil.ToFloat64(m.Failed); got != 3 {
		t.Errorf("failed deliveries = %v, want 3 (MaxDeliver)", got)
	}
	if got := testutil.ToFloat64(m.StoreRetries); got != 0 {
		t.Errorf("store retries = %v, want 0: the store was up", got)
	}
	dead, err := js.OrderedConsumer(context.Background(), "DYAD_DEAD", jetstream.OrderedConsumerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	msg, err := dead.Next(jetstream.FetchMaxWait(5 * time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if e := msg.Headers().Get(queue.HeaderError); !strings.Contains(e, "longer than the 1000 this store accepts") {
		t.Errorf("dead letter error = %q, want the store's refusal", e)
	}
}
