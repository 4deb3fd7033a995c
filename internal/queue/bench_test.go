package queue_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dyadproject/dyad/internal/queue"
)

// BenchmarkWorkers measures the throughput of the whole scale-out path: an
// embedded nats-server, 1, 2 and 4 workers in this process, the real
// pipeline and the store of testStore (PostgreSQL when DYAD_TEST_POSTGRES is
// set). Each iteration publishes 500
// invented articles and waits until all are stored; it reports articles/s.
// The workers share the process's CPUs and one analyzer, which runs one
// analysis per CPU, as workers on one machine share its cores.
func BenchmarkWorkers(b *testing.B) {
	const perIter = 500
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			ns := startNATS(b)
			js := connect(b, ns.url())
			st, _ := testStore(b)
			p, err := queue.NewPublisher(context.Background(), js, testConfig())
			if err != nil {
				b.Fatal(err)
			}
			standardAnalyzer(b)
			runWorkers(b, workers, js, st, queue.NewMetrics(nil))
			next := 0
			var busy time.Duration
			for b.Loop() {
				b.StopTimer()
				publishAll(b, p, invented(next, perIter))
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
		})
	}
}
