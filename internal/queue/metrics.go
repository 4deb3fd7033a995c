package queue

import "github.com/prometheus/client_golang/prometheus"

// Metrics are a worker's Prometheus metrics, all named dyad_worker_*.
type Metrics struct {
	// Processed counts the messages acknowledged after their article was
	// committed, Duplicates those whose article was already stored (a
	// redelivery after a crash, or the same text from two inputs).
	Processed, Duplicates prometheus.Counter
	// Failed counts failed deliveries (each retry counts), Dead the
	// messages sent to the dead-letter subject.
	Failed, Dead prometheus.Counter
	// StoreRetries counts the batches retried because the store was down.
	StoreRetries prometheus.Counter
	// Stage observes the seconds per batch of each stage: fetch, decode,
	// analyze, store, ack.
	Stage *prometheus.HistogramVec
	// Lag observes, per article, the seconds from its publication on the
	// stream to its commit in the store.
	Lag prometheus.Histogram
	// Pending is the number of messages waiting in the queue for the
	// workers' consumer, as last seen by this worker.
	Pending prometheus.Gauge
}

// NewMetrics makes a worker's metrics and registers them with reg when it
// is not nil.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		Processed: prometheus.NewCounter(prometheus.CounterOpts{Name: "dyad_worker_articles_processed_total",
			Help: "Articles committed to the store and acknowledged."}),
		Duplicates: prometheus.NewCounter(prometheus.CounterOpts{Name: "dyad_worker_articles_duplicate_total",
			Help: "Articles acknowledged whose content hash was already stored."}),
		Failed: prometheus.NewCounter(prometheus.CounterOpts{Name: "dyad_worker_articles_failed_total",
			Help: "Failed deliveries: messages that could not be decoded or stored (each retry counts)."}),
		Dead: prometheus.NewCounter(prometheus.CounterOpts{Name: "dyad_worker_articles_dead_total",
			Help: "Messages sent to the dead-letter subject after their last delivery failed."}),
		StoreRetries: prometheus.NewCounter(prometheus.CounterOpts{Name: "dyad_worker_store_retries_total",
			Help: "Batches retried because the store did not answer."}),
		Stage: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "dyad_worker_stage_seconds",
			Help:    "Seconds per batch spent in each stage (fetch, decode, analyze, store, ack).",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16)}, []string{"stage"}),
		Lag: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "dyad_worker_queue_lag_seconds",
			Help:    "Seconds from an article's publication on the stream to its commit in the store.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 22)}),
		Pending: prometheus.NewGauge(prometheus.GaugeOpts{Name: "dyad_worker_queue_pending",
			Help: "Messages waiting in the queue for the workers, as last seen by this worker."}),
	}
	if reg != nil {
		reg.MustRegister(m.Processed, m.Duplicates, m.Failed, m.Dead, m.StoreRetries, m.Stage, m.Lag, m.Pending)
	}
	return m
}
