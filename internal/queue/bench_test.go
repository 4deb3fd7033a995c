package queue_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/article"
	"github.com/dyadproject/dyad/internal/queue"
	"github.com/dyadproject/dyad/internal/sample"
)

// BenchmarkWorkers measures the throughput of the whole scale-out path: an
// embedded nats-server, 1, 2 and 4 workers in this process, the real
// pipeline and the store of testStore (PostgreSQL when DYAD_TEST_POSTGRES is
// set). Each iteration publishes 500 articles and waits until all are
// stored; it reports articles/s and KB/s. Two corpora: "tiny", the
// one-sentence articles of the fault tests, and "news", the 20 embedded
// sample stories (about 2 KB each, news-sized) made distinct by a numbered
// closing sentence.
// The workers share the process's CPUs and one analyzer, which runs one
// analysis per CPU, as workers on one machine share its cores.
func BenchmarkWorkers(b *testing.B) {
	const perIter = 500
	corpora := []struct {
		name string
		arts func(start, n int) []*dyad.Article
	}{{"tiny", invented}, {"news", sampleNews}}
	for _, corpus := range corpora {
		for _, workers := range []int{1, 2, 4} {
			b.Run(fmt.Sprintf("corpus=%s/workers=%d", corpus.name, workers), func(b *testing.B) {
				benchWorkers(b, workers, perIter, corpus.arts)
			})
		}
	}
}

func benchWorkers(b *testing.B, workers, perIter int, corpus func(start, n int) []*dyad.Article) {
	ns := startNATS(b)
	js := connect(b, ns.url())
	st, _ := testStore(b)
	p, err := queue.NewPublisher(context.Background(), js, testConfig())
	if err != nil {
		b.Fatal(err)
	}
	standardAnalyzer(b)
	runWorkers(b, workers, js, st, queue.NewMetrics(nil))
	next, bytes := 0, 0
	var busy time.Duration
	for b.Loop() {
		b.StopTimer()
		arts := corpus(next, perIter)
		for _, a := range arts {
			bytes += len(a.Text)
		}
		publishAll(b, p, arts)
		next += perIter
		b.StartTimer()
		t0 := time.Now()
		waitFor(b, 10*time.Minute, "articles stored", func() (bool, string) {
			c := articleCount(st)
			return c == next, fmt.Sprint(c, " stored")
		})
		busy += time.Since(t0)
	}
	b.ReportMetric(float64(next)/busy.Seconds(), "articles/s")
	b.ReportMetric(float64(bytes)/1024/busy.Seconds(), "KB/s")
}

// sampleNews returns n news-sized articles: the embedded sample stories in
// turn, each made distinct by a closing sentence with its number.
func sampleNews(start, n int) []*dyad.Article {
	var stories []*dyad.Article
	for _, f := range sample.Files() {
		for a, err := range article.ReadBytes(f.Name, f.Data, article.Options{}) {
			if err == nil {
				stories = append(stories, a)
			}
		}
	}
	out := make([]*dyad.Article, 0, n)
	for i := start; i < start+n; i++ {
		a := *stories[i%len(stories)]
		a.Text += fmt.Sprintf("\n\nThis is copy %d of the story.", i)
		a.ID = fmt.Sprintf("%s-%d", a.ID, i)
		if err := article.Prepare(&a, article.Options{}); err != nil {
			panic(err)
		}
		out = append(out, &a)
	}
	return out
}
