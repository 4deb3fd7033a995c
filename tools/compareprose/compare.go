package main

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/pipeline"
	"github.com/jdkato/prose/v2"
)

// Result is one comparison of the two sides on the same articles.
type Result struct {
	Paths      []string `json:"paths,omitempty"`
	Articles   int      `json:"articles"` // articles read and given to both sides
	ReadErrors int      `json:"read_errors"`
	Bytes      int      `json:"bytes"` // total length of Article.Text
	CPUs       int      `json:"cpus"`  // GOMAXPROCS: each side's workers
	Repeat     int      `json:"repeat"`
	// DyadStages says what dyad ran: "language" or "all" (-stages).
	DyadStages string `json:"dyad_stages"`
	Dyad       Side   `json:"dyad"`
	Prose      Side   `json:"prose"`
	// Ratio is dyad's rates divided by prose's: above 1, dyad is faster.
	Ratio     Ratio   `json:"ratio_dyad_prose"`
	PeakRSSMB float64 `json:"peak_rss_mb"`
}

// Side is what one side did and how fast, counted on its first timed run.
type Side struct {
	Articles  int `json:"articles"`
	Tokens    int `json:"tokens"`
	Sentences int `json:"sentences"`
	// Entities are the named entities each side found: prose's, and those
	// of dyad's statistical recognizer (Document.Entities).
	Entities int `json:"entities"`
	// Failed counts articles with an error: a stage error in dyad's
	// document, an error from prose.NewDocument.
	Failed int `json:"failed"`
	// SetupSeconds is the one-time set-up excluded from the rates.
	SetupSeconds  float64   `json:"setup_seconds"`
	Seconds       []float64 `json:"seconds"` // wall time of each timed run
	BestSeconds   float64   `json:"best_seconds"`
	MedianSeconds float64   `json:"median_seconds"`
	// The rates use the best time.
	TokensPerSec   float64 `json:"tokens_per_sec"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
}

// Ratio compares dyad's rates with prose's.
type Ratio struct {
	TokensPerSec   float64 `json:"tokens_per_sec"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
}

// counts is what one run over the articles found.
type counts struct {
	articles, tokens, sentences, entities, failed int
}

// runner analyzes all of arts once.
type runner func(ctx context.Context, arts []*dyad.Article) (counts, error)

// compare sets up both sides, warms them up on the first article and times
// repeat runs of each over arts, alternating between the sides. arts must
// not be empty.
func compare(ctx context.Context, arts []*dyad.Article, repeat int, all bool) (*Result, error) {
	workers := runtime.GOMAXPROCS(0)
	res := &Result{Articles: len(arts), CPUs: workers, Repeat: repeat, DyadStages: "language"}
	for _, a := range arts {
		res.Bytes += len(a.Text)
	}

	t0 := time.Now()
	stages, err := pipeline.Language()
	if all {
		res.DyadStages = "all"
		stages, err = pipeline.Standard(pipeline.Options{})
	}
	if err != nil {
		return nil, fmt.Errorf("build dyad stages: %w", err)
	}
	an := pipeline.New(pipeline.Config{Stages: stages, Workers: workers})
	res.Dyad.SetupSeconds = time.Since(t0).Seconds()

	// prose decodes its embedded model on every NewDocument call that is not
	// given one; the first call's model is shared by all later calls.
	t0 = time.Now()
	first, err := prose.NewDocument(arts[0].Text)
	if err != nil {
		return nil, fmt.Errorf("load prose model: %w", err)
	}
	res.Prose.SetupSeconds = time.Since(t0).Seconds()

	sides := []struct {
		name string
		run  runner
		out  *Side
	}{
		{"dyad", dyadRunner(an), &res.Dyad},
		{"prose", proseRunner(first.Model, workers), &res.Prose},
	}
	for _, s := range sides {
		if _, err := s.run(ctx, arts[:1]); err != nil {
			return nil, fmt.Errorf("warm up %s: %w", s.name, err)
		}
	}
	for r := range repeat {
		for _, s := range sides {
			runtime.GC()
			t0 := time.Now()
			c, err := s.run(ctx, arts)
			d := time.Since(t0)
			if err != nil {
				return nil, fmt.Errorf("run %s (%d of %d): %w", s.name, r+1, repeat, err)
			}
			if r == 0 {
				s.out.Articles, s.out.Tokens, s.out.Sentences = c.articles, c.tokens, c.sentences
				s.out.Entities, s.out.Failed = c.entities, c.failed
			}
			s.out.Seconds = append(s.out.Seconds, d.Seconds())
		}
	}
	for _, s := range sides {
		s.out.BestSeconds = slices.Min(s.out.Seconds)
		s.out.MedianSeconds = median(s.out.Seconds)
		s.out.TokensPerSec = rate(s.out.Tokens, s.out.BestSeconds)
		s.out.ArticlesPerSec = rate(s.out.Articles, s.out.BestSeconds)
	}
	res.Ratio = Ratio{
		TokensPerSec:   ratio(res.Dyad.TokensPerSec, res.Prose.TokensPerSec),
		ArticlesPerSec: ratio(res.Dyad.ArticlesPerSec, res.Prose.ArticlesPerSec),
	}
	return res, nil
}

// dyadRunner runs the analyzer's Run, which uses its own pool of workers.
func dyadRunner(an *pipeline.Analyzer) runner {
	return func(ctx context.Context, arts []*dyad.Article) (counts, error) {
		var c counts
		in := func(yield func(*dyad.Article, error) bool) {
			for _, a := range arts {
				if !yield(a, nil) {
					return
				}
			}
		}
		err := an.Run(ctx, in, func(it pipeline.Item) error {
			if it.Err != nil {
				return it.Err // cannot happen: the input yields no errors
			}
			c.articles++
			c.tokens += len(it.Doc.Tokens)
			c.sentences += len(it.Doc.Sentences)
			c.entities += len(it.Doc.Entities)
			if len(it.Doc.Errors) > 0 {
				c.failed++
			}
			return nil
		})
		return c, err
	}
}

// proseRunner analyzes the articles on workers goroutines that share model,
// each taking the next article not yet taken.
func proseRunner(model *prose.Model, workers int) runner {
	return func(ctx context.Context, arts []*dyad.Article) (counts, error) {
		var next atomic.Int64
		per := make([]counts, workers)
		var wg sync.WaitGroup
		for w := range per {
			c := &per[w]
			wg.Go(func() {
				for ctx.Err() == nil {
					i := int(next.Add(1)) - 1
					if i >= len(arts) {
						return
					}
					doc, err := prose.NewDocument(arts[i].Text,
						prose.UsingModel(model),
						prose.WithTokenization(true),
						prose.WithSegmentation(true),
						prose.WithTagging(true),
						prose.WithExtraction(true))
					if err != nil {
						c.failed++
						continue
					}
					c.articles++
					c.tokens += len(doc.Tokens())
					c.sentences += len(doc.Sentences())
					c.entities += len(doc.Entities())
				}
			})
		}
		wg.Wait()
		if err := ctx.Err(); err != nil {
			return counts{}, err
		}
		var total counts
		for _, c := range per {
			total.articles += c.articles
			total.tokens += c.tokens
			total.sentences += c.sentences
			total.entities += c.entities
			total.failed += c.failed
		}
		return total, nil
	}
}

// median returns the median of xs, the mean of the middle two when len(xs)
// is even, and 0 for no xs.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// rate returns n per second, 0 when no time passed.
func rate(n int, seconds float64) float64 {
	if seconds <= 0 {
		return 0
	}
	return float64(n) / seconds
}

// ratio returns a/b, 0 when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
