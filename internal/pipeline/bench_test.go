package pipeline

import (
	"context"
	"slices"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/article"
	"github.com/dyadproject/dyad/internal/sample"
	"github.com/dyadproject/dyad/internal/shareddata"
)

// sampleArticles reads the embedded sample corpus.
func sampleArticles(tb testing.TB) []*dyad.Article {
	tb.Helper()
	var out []*dyad.Article
	for _, f := range sample.Files() {
		for a, err := range article.ReadBytes(f.Name, f.Data, article.Options{}) {
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, a)
		}
	}
	return out
}

func wikinews(tb testing.TB) []*dyad.Article {
	tb.Helper()
	dir := shareddata.Path(tb, "wikinews")
	var out []*dyad.Article
	for a, err := range article.Read(context.Background(), []string{dir}, article.Options{}) {
		if err == nil {
			out = append(out, a)
		}
	}
	return out
}

func standard(tb testing.TB) []dyad.Stage {
	tb.Helper()
	stages, err := Standard(Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return stages
}

// clone copies a document's layers, so a stage can run on it again.
func clone(d *dyad.Document) *dyad.Document {
	c := *d
	c.Sentences = slices.Clone(d.Sentences)
	c.Tokens = slices.Clone(d.Tokens)
	c.Mentions = slices.Clone(d.Mentions)
	c.Actors = slices.Clone(d.Actors)
	c.Places = slices.Clone(d.Places)
	c.Dates = slices.Clone(d.Dates)
	c.Events = slices.Clone(d.Events)
	c.Quotes = slices.Clone(d.Quotes)
	c.Themes = slices.Clone(d.Themes)
	return &c
}

// BenchmarkStages measures each stage alone on the sample corpus, given the
// layers of the stages before it, in tokens/s and articles/s on one core.
func BenchmarkStages(b *testing.B) {
	stages := standard(b)
	arts := sampleArticles(b)
	// before[i] holds the documents as stage i finds them.
	before := make([][]*dyad.Document, len(stages))
	docs := make([]*dyad.Document, len(arts))
	tokens := 0
	for i, a := range arts {
		docs[i] = dyad.NewDocument(a)
	}
	for si, s := range stages {
		before[si] = make([]*dyad.Document, len(docs))
		for i, d := range docs {
			before[si][i] = clone(d)
			if err := s.Process(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	for _, d := range docs {
		tokens += len(d.Tokens)
	}
	for si, s := range stages {
		b.Run(s.Name(), func(b *testing.B) {
			b.ReportAllocs()
			work := make([]*dyad.Document, len(arts))
			for b.Loop() {
				b.StopTimer()
				for i, d := range before[si] {
					work[i] = clone(d)
				}
				b.StartTimer()
				for _, d := range work {
					if err := s.Process(d); err != nil {
						b.Fatal(err)
					}
				}
			}
			sec := b.Elapsed().Seconds()
			b.ReportMetric(float64(tokens*b.N)/sec, "tokens/s")
			b.ReportMetric(float64(len(arts)*b.N)/sec, "articles/s")
		})
	}
}

// BenchmarkPipeline runs the whole pipeline with all cores, on the sample
// corpus and, when the shared data is present, on the Wikinews articles.
func BenchmarkPipeline(b *testing.B) {
	corpora := map[string]func(testing.TB) []*dyad.Article{"sample": sampleArticles, "wikinews": wikinews}
	for _, name := range []string{"sample", "wikinews"} {
		b.Run(name, func(b *testing.B) {
			arts := corpora[name](b)
			an := New(Config{Stages: standard(b)})
			an.Analyze(&dyad.Article{Text: "Warm up."})
			start := an.Stats()
			b.ReportAllocs()
			for b.Loop() {
				err := an.Run(context.Background(), func(yield func(*dyad.Article, error) bool) {
					for _, a := range arts {
						if !yield(a, nil) {
							return
						}
					}
				}, func(Item) error { return nil })
				if err != nil {
					b.Fatal(err)
				}
			}
			st := an.Stats()
			sec := b.Elapsed().Seconds()
			b.ReportMetric(float64(st.Articles-start.Articles)/sec, "articles/s")
			b.ReportMetric(float64(st.Tokens-start.Tokens)/sec, "tokens/s")
			b.ReportMetric(float64(st.Bytes-start.Bytes)/1e6/sec, "MB/s")
		})
	}
}
