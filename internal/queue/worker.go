package queue

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/article"
	"github.com/dyadproject/dyad/internal/pipeline"
	"github.com/dyadproject/dyad/internal/store"
)

// Store is what a worker needs of a store: idempotent batch writes.
type Store interface {
	Put(ctx context.Context, batch []store.Record) (store.PutStats, error)
}

// Pinger is a store that can say whether it answers. A worker whose store
// fails a Put retries while Ping fails (the store is down), and puts the
// batch's records one by one when Ping succeeds (a record is at fault).
type Pinger interface {
	Ping(ctx context.Context) error
}

// Headers of a dead letter.
const (
	// HeaderError holds the error of the last delivery.
	HeaderError = "Dyad-Error"
	// HeaderDeliveries holds the number of deliveries that failed.
	HeaderDeliveries = "Dyad-Deliveries"
	// HeaderSubject holds the subject the message was first published on.
	HeaderSubject = "Dyad-Subject"
)

// WorkerConfig configures a Worker. Zero durations and sizes mean the
// defaults given with each field.
type WorkerConfig struct {
	Queue    Config
	Store    Store
	Analyzer *pipeline.Analyzer
	// Read holds the limits article.Prepare applies to each message.
	Read article.Options
	// Batch is the number of messages fetched, analyzed and stored in one
	// transaction; default 32.
	Batch int
	// FetchWait is how long a fetch waits for a full batch; default 1s.
	FetchWait time.Duration
	// RetryMin and RetryMax bound the exponential back-off while the store
	// or the server is down; defaults 100ms and 5s.
	RetryMin, RetryMax time.Duration
	// NakDelay is the redelivery delay after a message's first failure,
	// doubled at each further failure; default 1s.
	NakDelay time.Duration
	// Drain is how long a worker asked to stop may take to finish its
	// batch; default 30s.
	Drain   time.Duration
	Logger  *slog.Logger
	Metrics *Metrics
}

// Worker consumes the work queue: it analyzes each article and stores it.
type Worker struct {
	cfg  WorkerConfig
	js   jetstream.JetStream
	cons jetstream.Consumer
	log  *slog.Logger
	m    *Metrics
}

// NewWorker sets up the streams and the consumer (see [Setup]) and returns a
// worker. Any number of workers may share the queue.
func NewWorker(ctx context.Context, js jetstream.JetStream, cfg WorkerConfig) (*Worker, error) {
	if cfg.Store == nil || cfg.Analyzer == nil {
		return nil, errors.New("new worker: no store or no analyzer")
	}
	cfg.Queue = cfg.Queue.withDefaults()
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&cfg.FetchWait, time.Second)
	def(&cfg.RetryMin, 100*time.Millisecond)
	def(&cfg.RetryMax, 5*time.Second)
	def(&cfg.NakDelay, time.Second)
	def(&cfg.Drain, 30*time.Second)
	if cfg.Batch <= 0 {
		cfg.Batch = 32
	}
	w := &Worker{cfg: cfg, js: js, log: cfg.Logger, m: cfg.Metrics}
	if w.log == nil {
		w.log = slog.New(slog.DiscardHandler)
	}
	if w.m == nil {
		w.m = NewMetrics(nil)
	}
	cons, err := Setup(ctx, js, cfg.Queue)
	if err != nil {
		return nil, err
	}
	w.cons = cons
	return w, nil
}

// Ready reports whether the worker can work: its NATS connection is up and
// its store, when it is a Pinger, answers.
func (w *Worker) Ready(ctx context.Context) error {
	if nc := w.js.Conn(); nc == nil || !nc.IsConnected() {
		return errors.New("not connected to NATS")
	}
	if p, ok := w.cfg.Store.(Pinger); ok {
		if err := p.Ping(ctx); err != nil {
			return fmt.Errorf("store: %w", err)
		}
	}
	return nil
}

// Run consumes messages until ctx is done. A batch in progress when ctx ends
// is finished (stored and acknowledged) within WorkerConfig.Drain; a batch
// that cannot be stored by then is handed back to the queue for redelivery.
// Run returns nil after a graceful stop.
func (w *Worker) Run(ctx context.Context) error {
	fail := 0
	for ctx.Err() == nil {
		t0 := time.Now()
		batch, err := w.cons.Fetch(w.cfg.Batch, jetstream.FetchMaxWait(w.cfg.FetchWait))
		if err != nil {
			fail++
			w.log.Warn("fetch failed", "err", err.Error(), "retry_in", w.backoff(fail).String())
			sleep(ctx, w.backoff(fail))
			if errors.Is(err, jetstream.ErrConsumerNotFound) {
				// A server that lost its state (a memory store, a new
				// cluster) needs the streams and the consumer again.
				if cons, err := Setup(ctx, w.js, w.cfg.Queue); err == nil {
					w.cons = cons
				}
			}
			continue
		}
		var msgs []jetstream.Msg
		for m := range batch.Messages() {
			msgs = append(msgs, m)
		}
		if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) {
			fail++
			w.log.Warn("fetch interrupted", "err", err.Error(), "messages", len(msgs))
			if len(msgs) == 0 {
				sleep(ctx, w.backoff(fail))
			}
		} else {
			fail = 0
		}
		if len(msgs) == 0 {
			continue
		}
		w.m.Stage.WithLabelValues("fetch").Observe(time.Since(t0).Seconds())
		// The batch is finished even when ctx ends meanwhile, so that a
		// stop does not waste the work; Drain bounds how long.
		work, cancel := context.WithTimeout(context.WithoutCancel(ctx), w.cfg.Drain)
		w.handle(ctx, work, msgs)
		cancel()
	}
	return nil
}

// delivery is a fetched message and its article.
type delivery struct {
	msg jetstream.Msg
	art *dyad.Article
	rec store.Record
}

// handle decodes, analyzes and stores one batch and acknowledges it; stop
// is the worker's lifetime, ctx the batch's.
func (w *Worker) handle(stop, ctx context.Context, msgs []jetstream.Msg) {
	t0 := time.Now()
	var ds []*delivery
	for _, m := range msgs {
		if md, err := m.Metadata(); err == nil {
			w.m.Pending.Set(float64(md.NumPending))
		}
		a, err := Decode(m.Data(), w.cfg.Read)
		if err != nil {
			w.fail(ctx, m, err)
			continue
		}
		ds = append(ds, &delivery{msg: m, art: a})
	}
	w.m.Stage.WithLabelValues("decode").Observe(time.Since(t0).Seconds())
	if len(ds) == 0 {
		return
	}
	t0 = time.Now()
	if err := w.analyze(ctx, ds); err != nil {
		w.log.Warn("analysis interrupted", "err", err.Error(), "messages", len(ds))
		w.nakAll(ds)
		return
	}
	w.m.Stage.WithLabelValues("analyze").Observe(time.Since(t0).Seconds())
	w.store(stop, ctx, ds)
}

// analyze runs the pipeline over the batch's articles, on the analyzer's
// workers.
func (w *Worker) analyze(ctx context.Context, ds []*delivery) error {
	arts := func(yield func(*dyad.Article, error) bool) {
		for _, d := range ds {
			if !yield(d.art, nil) {
				return
			}
		}
	}
	i := 0
	return w.cfg.Analyzer.Run(ctx, iter.Seq2[*dyad.Article, error](arts), func(it pipeline.Item) error {
		ds[i].rec = store.Record{Result: it.Doc.Result(), Text: it.Doc.Article.Text}
		i++
		return nil
	})
}

// store commits the batch and acknowledges it. While the store is down it
// retries with back-off, telling JetStream the messages are in progress;
// when the store answers but refuses the batch, it stores the records one
// by one so that only the faulty ones fail.
func (w *Worker) store(stop, ctx context.Context, ds []*delivery) {
	for attempt := 1; len(ds) > 0; attempt++ {
		t0 := time.Now()
		st, err := w.put(ctx, ds)
		if err == nil {
			w.m.Stage.WithLabelValues("store").Observe(time.Since(t0).Seconds())
			w.ackAll(ds, st)
			return
		}
		if w.storeUp(ctx) {
			w.log.Warn("batch refused by the store; storing its articles one by one", "err", err.Error(), "articles", len(ds))
			if ds = w.storeEach(ctx, ds); len(ds) == 0 {
				return
			}
		}
		if stop.Err() != nil || ctx.Err() != nil {
			w.log.Warn("stopping with the store down; batch handed back to the queue", "err", err.Error(), "articles", len(ds))
			w.nakAll(ds)
			return
		}
		w.m.StoreRetries.Inc()
		d := w.backoff(attempt)
		w.log.Warn("store unavailable, retrying", "err", err.Error(), "attempt", attempt, "retry_in", d.String(), "articles", len(ds))
		for _, d := range ds {
			d.msg.InProgress() // an error here means a redelivery later: harmless
		}
		sleep(stop, d)
	}
}

// put stores the records of ds in one Put, given at most AckWait: a Put
// that takes longer would see its messages delivered again anyway.
func (w *Worker) put(ctx context.Context, ds []*delivery) (store.PutStats, error) {
	ctx, cancel := context.WithTimeout(ctx, w.cfg.Queue.AckWait)
	defer cancel()
	recs := make([]store.Record, len(ds))
	for i, d := range ds {
		recs[i] = d.rec
	}
	return w.cfg.Store.Put(ctx, recs)
}

// storeUp reports whether the store answers: always true for a store that
// cannot tell (is not a Pinger).
func (w *Worker) storeUp(ctx context.Context) bool {
	p, ok := w.cfg.Store.(Pinger)
	if !ok {
		return true
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return p.Ping(ctx) == nil
}

// storeEach stores the records of ds one at a time, acknowledging each that
// is stored and failing each that the store refuses while it answers. It
// returns the deliveries left when the store stops answering.
func (w *Worker) storeEach(ctx context.Context, ds []*delivery) []*delivery {
	for i, d := range ds {
		st, err := w.put(ctx, ds[i:i+1])
		switch {
		case err == nil:
			w.ackAll(ds[i:i+1], st)
		case !w.storeUp(ctx) || ctx.Err() != nil:
			return ds[i:]
		default:
			w.fail(ctx, d.msg, fmt.Errorf("store %s: %w", d.art.Input, err))
		}
	}
	return nil
}

func (w *Worker) ackAll(ds []*delivery, st store.PutStats) {
	t0 := time.Now()
	for _, d := range ds {
		if err := d.msg.Ack(); err != nil {
			// Stored but not acknowledged: the redelivery will be skipped
			// as already stored.
			w.log.Warn("ack failed", "err", err.Error(), "input", d.art.Input)
		}
		if md, err := d.msg.Metadata(); err == nil {
			w.m.Lag.Observe(time.Since(md.Timestamp).Seconds())
		}
	}
	w.m.Stage.WithLabelValues("ack").Observe(time.Since(t0).Seconds())
	w.m.Processed.Add(float64(len(ds)))
	w.m.Duplicates.Add(float64(st.Skipped))
	w.log.Debug("batch stored", "articles", len(ds), "added", st.Added, "already_stored", st.Skipped)
}

// nakAll hands ds back to the queue for immediate redelivery.
func (w *Worker) nakAll(ds []*delivery) {
	for _, d := range ds {
		d.msg.Nak() // on error, AckWait brings it back anyway
	}
}

// fail records a failed delivery of m: a later redelivery, or at the last
// delivery a dead letter.
func (w *Worker) fail(ctx context.Context, m jetstream.Msg, cause error) {
	w.m.Failed.Inc()
	n := uint64(1)
	if md, err := m.Metadata(); err == nil {
		n = md.NumDelivered
	}
	if n < uint64(w.cfg.Queue.MaxDeliver) {
		d := w.cfg.NakDelay << min(n-1, 10)
		w.log.Warn("delivery failed; will retry", "err", cause.Error(), "delivery", n, "retry_in", d.String())
		m.NakWithDelay(d) // on error, AckWait brings it back anyway
		return
	}
	if err := w.deadLetter(ctx, m, n, cause); err != nil {
		// Past MaxDeliver JetStream will not deliver it again; leave it in
		// the stream, where an operator sees it, and say so.
		w.log.Error("dead letter could not be published; message left in the stream", "err", err.Error(), "cause", cause.Error())
		return
	}
	w.m.Dead.Inc()
	w.log.Error("delivery failed for the last time; sent to the dead-letter subject", "err", cause.Error(),
		"deliveries", n, "subject", w.cfg.Queue.DeadSubject)
	m.Term()
}

// deadLetter publishes m with the error to the dead-letter subject,
// retrying a few times.
func (w *Worker) deadLetter(ctx context.Context, m jetstream.Msg, n uint64, cause error) error {
	msg := &nats.Msg{Subject: w.cfg.Queue.DeadSubject, Data: m.Data(), Header: nats.Header{}}
	msg.Header.Set(HeaderError, cause.Error())
	msg.Header.Set(HeaderDeliveries, strconv.FormatUint(n, 10))
	msg.Header.Set(HeaderSubject, m.Subject())
	id := m.Headers().Get(jetstream.MsgIDHeader)
	if md, err := m.Metadata(); err == nil {
		id += "/" + strconv.FormatUint(md.Sequence.Stream, 10)
	}
	msg.Header.Set(jetstream.MsgIDHeader, id)
	var err error
	for attempt := 1; attempt <= 5; attempt++ {
		if _, err = w.js.PublishMsg(ctx, msg); err == nil {
			return nil
		}
		sleep(ctx, w.backoff(attempt))
	}
	return err
}

// backoff returns the wait before retry number attempt (from 1).
func (w *Worker) backoff(attempt int) time.Duration {
	d := w.cfg.RetryMin << min(attempt-1, 20)
	return min(d, w.cfg.RetryMax)
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
