package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/dyadproject/dyad/internal/queue"
)

func runWorker(ctx context.Context, args []string, io stdio) error {
	var in inputFlags
	fs := newFlags("worker", "--nats URL --db URL [flags]", `
Take articles from the NATS JetStream work queue (filled by 'dyad ingest
--nats' and 'dyad feed'), analyze them and store them. Run as many workers as
you like, on as many machines: each message goes to one of them. A message is
acknowledged only after its article is committed; a worker killed midway
leaves its messages to be delivered again after --ack-wait, and the store
skips what was already committed. A message that fails --max-deliver times
goes to the dead-letter subject dyad.dead with the error. While the store is
down the worker retries with back-off. SIGTERM or Ctrl-C finishes the batch in
progress, then stops.

The worker serves /metrics (Prometheus), /healthz (alive) and /readyz (NATS
and store reachable) on --addr, and logs JSON lines on standard error.`, io)
	natsURL := fs.String("nats", "", "NATS server `URL`s, comma-separated (required)")
	db := fs.String("db", "", "store: a postgres:// `URL` (or a SQLite file for a single worker) (required)")
	addr := fs.String("addr", "127.0.0.1:9464", "`address` for /metrics, /healthz and /readyz (empty: none)")
	batch := fs.Int("batch", 32, "messages analyzed and stored per transaction")
	ackWait := fs.Duration("ack-wait", 30*time.Second, "redelivery delay of an unacknowledged message")
	maxDeliver := fs.Int("max-deliver", 5, "deliveries before a failing message goes to the dead-letter subject")
	level := fs.String("log-level", "info", "log `level`: debug, info, warn or error")
	fs.IntVar(&in.workers, "workers", 0, "articles analyzed at once (0: one per CPU)")
	fs.IntVar(&in.maxBytes, "max-bytes", 0, "largest article body accepted, in bytes (0: the readers' default)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *natsURL == "" || *db == "":
		return usagef("--nats and --db are required")
	case fs.NArg() > 0:
		return usagef("worker takes no PATH")
	case *batch <= 0 || *maxDeliver <= 0 || *ackWait <= 0 || in.workers < 0 || in.maxBytes < 0:
		return usagef("--batch, --max-deliver and --ack-wait must be positive, --workers and --max-bytes not negative")
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(*level)); err != nil {
		return usagef("--log-level %q: want debug, info, warn or error", *level)
	}
	log := slog.New(slog.NewJSONHandler(io.err, &slog.HandlerOptions{Level: lvl}))
	an, err := in.analyzer(io)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	js, err := connectNATS(*natsURL, "dyad worker", log)
	if err != nil {
		return err
	}
	defer js.Conn().Close()
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	w, err := queue.NewWorker(ctx, js, queue.WorkerConfig{
		Queue: queue.Config{AckWait: *ackWait, MaxDeliver: *maxDeliver},
		Store: st, Analyzer: an, Batch: *batch, Logger: log, Metrics: queue.NewMetrics(reg),
	})
	if err != nil {
		return err
	}
	if *addr != "" {
		stop, err := serveOps(*addr, reg, w.Ready, log)
		if err != nil {
			return err
		}
		defer stop()
	}
	log.Info("worker started", "nats", *natsURL, "db", storeName(*db), "batch", *batch, "analyzers", an.Workers())
	err = w.Run(ctx)
	log.Info("worker stopped")
	return err
}

// connectNATS connects to the NATS servers at url, reconnecting for ever
// and logging each loss and recovery of the connection.
func connectNATS(url, name string, log *slog.Logger) (jetstream.JetStream, error) {
	nc, err := nats.Connect(url, nats.Name(name), nats.MaxReconnects(-1), nats.ReconnectWait(500*time.Millisecond),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("NATS connection lost", "err", err.Error())
			}
		}),
		nats.ReconnectHandler(func(c *nats.Conn) { log.Info("NATS connection restored", "server", c.ConnectedUrlRedacted()) }))
	if err != nil {
		return nil, fmt.Errorf("connect to NATS %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("connect to NATS %s: %w", url, err)
	}
	return js, nil
}

// serveOps serves /metrics, /healthz and /readyz on addr until stop is
// called.
func serveOps(addr string, reg *prometheus.Registry, ready func(context.Context) error, log *slog.Logger) (stop func(), err error) {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := ready(ctx); err != nil {
			http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen %s: %w", addr, err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 30 * time.Second}
	log.Info("serving /metrics, /healthz and /readyz", "addr", ln.Addr().String())
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("ops server failed", "err", err.Error())
		}
	}()
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}, nil
}
