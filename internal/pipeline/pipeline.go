// Package pipeline composes dyad's stages into an analyzer and runs it over a
// stream of articles with a pool of workers.
//
// The analyzer is pure: [Analyzer.Analyze] runs the stages in order on one
// article and nothing else. Concurrency lives in [Analyzer.Run], which reads
// articles from a sequence, analyzes them on Config.Workers goroutines, and
// hands results (and read errors) to the caller in input order, so the output
// of a run does not depend on the number of workers. At most a bounded window
// of articles is in flight, so memory stays flat on corpora of any size.
//
// A stage that fails or panics on one article records a dyad.StageError in that
// article's document; the later stages and the other articles still run.
package pipeline

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyadproject/dyad"
)

// Config configures an Analyzer.
type Config struct {
	// Stages run in this order on every article.
	Stages []dyad.Stage
	// Workers is the number of articles analyzed at once; 0 means one per
	// CPU (GOMAXPROCS).
	Workers int
}

// Analyzer runs stages over articles and keeps running totals of the work.
type Analyzer struct {
	stages  []dyad.Stage
	workers int
	nanos   []atomic.Int64 // per stage
	docs    atomic.Int64
	tokens  atomic.Int64
	bytes   atomic.Int64
}

// New returns an analyzer for cfg.
func New(cfg Config) *Analyzer {
	w := cfg.Workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	return &Analyzer{stages: cfg.Stages, workers: w, nanos: make([]atomic.Int64, len(cfg.Stages))}
}

// Workers reports the number of workers Run uses.
func (a *Analyzer) Workers() int { return a.workers }

// Analyze runs every stage on art and returns the document.
func (a *Analyzer) Analyze(art *dyad.Article) *dyad.Document {
	doc := dyad.NewDocument(art)
	for i, s := range a.stages {
		t0 := time.Now()
		if err := runStage(s, doc); err != nil {
			doc.Errors = append(doc.Errors, dyad.StageError{Stage: s.Name(), Message: err.Error()})
		}
		a.nanos[i].Add(int64(time.Since(t0)))
	}
	a.docs.Add(1)
	a.tokens.Add(int64(len(doc.Tokens)))
	a.bytes.Add(int64(len(art.Text)))
	return doc
}

// runStage runs one stage, turning a panic into an error so that one bad
// article cannot stop a batch.
func runStage(s dyad.Stage, doc *dyad.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return s.Process(doc)
}

// Item is one element of Run's output: an analyzed document, or the error of
// an input that could not be read.
type Item struct {
	Doc *dyad.Document
	Err error
}

// Run analyzes every article of in and calls emit with the results and read
// errors in input order, from the calling goroutine. It returns ctx's error
// when ctx is done, emit's error when emit fails, and nil otherwise.
func (a *Analyzer) Run(ctx context.Context, in iter.Seq2[*dyad.Article, error], emit func(Item) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		art *dyad.Article
		err error
	}
	type done struct {
		seq  int
		item Item
	}
	window := make(chan struct{}, a.workers*4)
	jobs := make(chan job)
	results := make(chan done, a.workers)

	go func() {
		defer close(jobs)
		seq := 0
		for art, err := range in {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{seq, art, err}:
			case <-ctx.Done():
				return
			}
			seq++
		}
	}()

	var wg sync.WaitGroup
	for range a.workers {
		wg.Go(func() {
			for j := range jobs {
				it := Item{Err: j.err}
				if j.err == nil {
					it.Doc = a.Analyze(j.art)
				}
				select {
				case results <- done{j.seq, it}:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(results) }()

	pending := map[int]Item{}
	next := 0
	var emitErr error
	for d := range results {
		if emitErr != nil {
			continue
		}
		pending[d.seq] = d.item
		for {
			it, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if err := emit(it); err != nil {
				emitErr = err
				cancel()
				break
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	return context.Cause(ctx)
}

// Stats is a snapshot of the work an analyzer has done.
type Stats struct {
	Articles int64
	Tokens   int64
	Bytes    int64
	// Stages holds the total time spent in each stage, summed over workers.
	Stages []StageTime
}

// StageTime is the time spent in one stage.
type StageTime struct {
	Name string
	Time time.Duration
}

// Stats returns the totals since the analyzer was made.
func (a *Analyzer) Stats() Stats {
	st := Stats{Articles: a.docs.Load(), Tokens: a.tokens.Load(), Bytes: a.bytes.Load()}
	for i, s := range a.stages {
		st.Stages = append(st.Stages, StageTime{Name: s.Name(), Time: time.Duration(a.nanos[i].Load())})
	}
	return st
}
