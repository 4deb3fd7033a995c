package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net/url"
	"os"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/pipeline"
	"github.com/dyadproject/dyad/internal/queue"
	"github.com/dyadproject/dyad/internal/store"
	"github.com/dyadproject/dyad/internal/store/postgres"
	"github.com/dyadproject/dyad/internal/store/sqlite"
)

// ingestStats counts what an ingestion did.
type ingestStats struct {
	read, failed int
	store.PutStats
}

func runIngest(ctx context.Context, args []string, io stdio) error {
	var in inputFlags
	fs := newFlags("ingest", "[flags] PATH...", `
Analyze news articles and store them in a SQLite database, or in PostgreSQL
when --db is a postgres:// URL. With --nats, publish them unanalyzed to the
NATS JetStream work queue instead, for 'dyad worker' to analyze and store. Ingestion is
idempotent: an article whose text is already stored (same content hash) is
skipped, so running it twice leaves the same rows. Articles are committed in
batches, one transaction each; an interrupted run (Ctrl-C) leaves every
finished batch stored and nothing of the current one, and a rerun completes
it. A progress line is shown when standard error is a terminal.`, io)
	db := fs.String("db", "dyad.db", "SQLite database `file` (created if missing), or a postgres:// URL")
	batch := fs.Int("batch", 100, "articles per transaction")
	natsURL := fs.String("nats", "", "publish to the NATS JetStream work queue at `URL` instead of storing (see 'dyad worker')")
	in.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *natsURL != "" {
		return publishCorpus(ctx, fs, &in, *natsURL, io)
	}
	if *batch <= 0 {
		return usagef("--batch must be positive")
	}
	opt, err := in.options(fs.Args(), io)
	if err != nil {
		return err
	}
	an, err := in.analyzer(io)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	stats, err := ingest(ctx, an, st, in.articles(ctx, fs.Args(), opt), *batch, io, nil)
	fmt.Fprintf(io.err, "dyad ingest: %d articles read: %d added, %d already stored, %d failed (%s)\n",
		stats.read, stats.Added, stats.Skipped, stats.failed, storeName(*db))
	if err != nil {
		return err
	}
	return in.partial(stats.failed)
}

// publishCorpus reads the articles of the command line and publishes them,
// unanalyzed, to the work queue.
func publishCorpus(ctx context.Context, fs *flag.FlagSet, in *inputFlags, natsURL string, io stdio) error {
	var conflict error
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "db" || f.Name == "batch" || f.Name == "patterns" || f.Name == "dict" {
			conflict = usagef("--%s does not apply with --nats: the workers analyze and store", f.Name)
		}
	})
	if conflict != nil {
		return conflict
	}
	opt, err := in.options(fs.Args(), io)
	if err != nil {
		return err
	}
	js, err := connectNATS(natsURL, "dyad ingest", slog.New(slog.NewTextHandler(io.err, nil)))
	if err != nil {
		return err
	}
	defer js.Conn().Close()
	p, err := queue.NewPublisher(ctx, js, queue.Config{})
	if err != nil {
		return err
	}
	var published, dups, failed int
	bar := newProgress(io.err)
	for a, err := range in.articles(ctx, fs.Args(), opt) {
		bar.inc()
		if err == nil {
			var dup bool
			if dup, err = p.Publish(ctx, a); dup {
				dups++
			}
		}
		switch {
		case ctx.Err() != nil:
			bar.done()
			return ctx.Err()
		case err != nil:
			failed++
			bar.println(io.err, fmt.Sprintf("dyad ingest: %v", err))
		default:
			published++
		}
	}
	bar.done()
	fmt.Fprintf(io.err, "dyad ingest: %d articles published (%d already on the queue), %d failed (%s)\n",
		published, dups, failed, natsURL)
	return in.partial(failed)
}

// openStore opens the store named by db: a PostgreSQL database for a
// postgres:// URL, else a SQLite file.
func openStore(ctx context.Context, db string) (store.Store, error) {
	if postgres.IsURL(db) {
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(ctx, db)
}

// storeName names db for messages, without a URL's password.
func storeName(db string) string {
	if u, err := url.Parse(db); err == nil && postgres.IsURL(db) {
		return u.Redacted()
	}
	return db
}

// ingest analyzes articles and stores them in batches of size; each result
// is also passed to also, when not nil.
func ingest(ctx context.Context, an *pipeline.Analyzer, st store.Store, articles iter.Seq2[*dyad.Article, error],
	size int, io stdio, also func(*dyad.Result) error) (ingestStats, error) {
	var stats ingestStats
	bar := newProgress(io.err)
	var pending []store.Record
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		ps, err := st.Put(ctx, pending)
		if err != nil {
			return fmt.Errorf("store batch: %w", err)
		}
		stats.Added += ps.Added
		stats.Skipped += ps.Skipped
		stats.Renamed += ps.Renamed
		pending = pending[:0]
		return nil
	}
	err := an.Run(ctx, articles, func(it pipeline.Item) error {
		bar.inc()
		if it.Err != nil {
			stats.failed++
			bar.println(io.err, fmt.Sprintf("dyad ingest: %v", it.Err))
			return nil
		}
		stats.read++
		r := it.Doc.Result()
		if also != nil {
			if err := also(&r); err != nil {
				return err
			}
		}
		pending = append(pending, store.Record{Result: r, Text: it.Doc.Article.Text})
		if len(pending) >= size {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	bar.done()
	return stats, err
}

// progress shows a count and rate on a terminal and does nothing elsewhere.
type progress struct {
	p   *mpb.Progress
	bar *mpb.Bar
}

func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	p := mpb.New(mpb.WithOutput(w), mpb.WithRefreshRate(200*time.Millisecond))
	bar := p.New(0, mpb.SpinnerStyle(),
		mpb.PrependDecorators(decor.Name("ingesting "), decor.CurrentNoUnit("%d articles")),
		mpb.AppendDecorators(decor.AverageSpeed(0, " %.1f articles/s")),
	)
	return &progress{p: p, bar: bar}
}

func (p *progress) inc() {
	if p.bar != nil {
		p.bar.Increment()
	}
}

// println prints a line above the progress display.
func (p *progress) println(w io.Writer, line string) {
	if p.p == nil {
		fmt.Fprintln(w, line)
		return
	}
	fmt.Fprintln(p.p, line)
}

func (p *progress) done() {
	if p.bar == nil {
		return
	}
	p.bar.SetTotal(-1, true)
	p.p.Wait()
}
