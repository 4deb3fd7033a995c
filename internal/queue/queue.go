package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/article"
)

// Config names the streams and sets the delivery policy. The zero value of
// each field means the default given with it.
type Config struct {
	// Stream is the work-queue stream; default "DYAD_ARTICLES".
	Stream string
	// Subject is the subject articles are published on; default
	// "dyad.articles".
	Subject string
	// DeadStream keeps the dead letters; default "DYAD_DEAD".
	DeadStream string
	// DeadSubject is the subject of dead letters; default "dyad.dead".
	DeadSubject string
	// Consumer is the durable consumer every worker shares; default
	// "dyad-workers".
	Consumer string
	// AckWait is how long JetStream waits for a worker's acknowledgement
	// before it delivers the message again; default 30s.
	AckWait time.Duration
	// MaxDeliver is how many times a message is delivered before it goes to
	// the dead-letter subject; default 5.
	MaxDeliver int
	// DuplicateWindow is how long the stream remembers message IDs (content
	// hashes) to drop duplicates; default 24h.
	DuplicateWindow time.Duration
	// Replicas is the streams' replication factor on a clustered server;
	// default 1.
	Replicas int
	// MaxAckPending bounds the messages handed out and not yet
	// acknowledged, over all workers; default 10000.
	MaxAckPending int
}

// withDefaults returns c with the defaults filled in.
func (c Config) withDefaults() Config {
	set := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	set(&c.Stream, "DYAD_ARTICLES")
	set(&c.Subject, "dyad.articles")
	set(&c.DeadStream, "DYAD_DEAD")
	set(&c.DeadSubject, "dyad.dead")
	set(&c.Consumer, "dyad-workers")
	if c.AckWait <= 0 {
		c.AckWait = 30 * time.Second
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = 5
	}
	if c.DuplicateWindow <= 0 {
		c.DuplicateWindow = 24 * time.Hour
	}
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	if c.MaxAckPending <= 0 {
		c.MaxAckPending = 10000
	}
	return c
}

// Setup creates the streams when they do not exist, creates or updates the
// workers' consumer to cfg, and returns the consumer. Publishers and workers
// both call it, so either may start first. An existing stream is left as it
// is, so that an operator may tune it (replicas, limits) with the nats tool
// without the next worker undoing it; the consumer follows the workers'
// settings, which should therefore be the same on every worker.
func Setup(ctx context.Context, js jetstream.JetStream, cfg Config) (jetstream.Consumer, error) {
	cfg = cfg.withDefaults()
	streams := []jetstream.StreamConfig{{
		Name:        cfg.Stream,
		Description: "dyad: articles waiting for analysis",
		Subjects:    []string{cfg.Subject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  cfg.DuplicateWindow,
		Replicas:    cfg.Replicas,
	}, {
		Name:        cfg.DeadStream,
		Description: "dyad: articles that failed MaxDeliver times, with the error",
		Subjects:    []string{cfg.DeadSubject},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  cfg.DuplicateWindow,
		Replicas:    cfg.Replicas,
	}}
	for _, sc := range streams {
		_, err := js.Stream(ctx, sc.Name)
		if errors.Is(err, jetstream.ErrStreamNotFound) {
			_, err = js.CreateStream(ctx, sc)
			if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
				err = nil // another process created it meanwhile
			}
		}
		if err != nil {
			return nil, fmt.Errorf("set up stream %s: %w", sc.Name, err)
		}
	}
	cons, err := js.CreateOrUpdateConsumer(ctx, cfg.Stream, jetstream.ConsumerConfig{
		Durable:       cfg.Consumer,
		Description:   "dyad workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       cfg.AckWait,
		MaxDeliver:    cfg.MaxDeliver,
		MaxAckPending: cfg.MaxAckPending,
		FilterSubject: cfg.Subject,
	})
	if err != nil {
		return nil, fmt.Errorf("set up consumer %s: %w", cfg.Consumer, err)
	}
	return cons, nil
}

// Message is the body of a work-queue message: an article as a reader
// produced it, before analysis.
type Message struct {
	ID     string `json:"id,omitempty"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title,omitempty"`
	Source string `json:"source,omitempty"`
	// Date is the publication time in RFC 3339, empty when unknown.
	Date    string `json:"date,omitempty"`
	HasTime bool   `json:"has_time,omitempty"`
	Input   string `json:"input,omitempty"`
	Text    string `json:"text"`
	// Hash is dyad.ContentHash(Text), also the message ID.
	Hash string `json:"hash"`
}

// ErrBadMessage reports a message body that is not an article.
var ErrBadMessage = errors.New("queue: bad message")

// Encode returns the message body for a.
func Encode(a *dyad.Article) ([]byte, error) {
	m := Message{ID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source, HasTime: a.HasTime,
		Input: a.Input, Text: a.Text, Hash: a.Hash}
	if m.Hash == "" {
		m.Hash = dyad.ContentHash(a.Text)
	}
	if !a.Date.IsZero() {
		m.Date = a.Date.Format(time.RFC3339Nano)
	}
	return json.Marshal(m)
}

// Decode reads a message body back into an article, prepared by
// article.Prepare with opt. A body that is not a Message, a date that is not
// RFC 3339, a hash that does not match the text, or a text that Prepare
// refuses is an ErrBadMessage.
func Decode(data []byte, opt article.Options) (*dyad.Article, error) {
	var m Message
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadMessage, err)
	}
	a := &dyad.Article{ID: m.ID, URL: m.URL, Title: m.Title, Source: m.Source, HasTime: m.HasTime,
		Input: m.Input, Text: m.Text}
	if m.Date != "" {
		t, err := time.Parse(time.RFC3339Nano, m.Date)
		if err != nil {
			return nil, fmt.Errorf("%w: date %q is not RFC 3339", ErrBadMessage, m.Date)
		}
		a.Date = t
	}
	name := ""
	if m.Input != "" {
		name = " " + m.Input
	}
	if err := article.Prepare(a, opt); err != nil {
		return nil, fmt.Errorf("%w%s: %v", ErrBadMessage, name, err)
	}
	if m.Hash != "" && m.Hash != a.Hash {
		return nil, fmt.Errorf("%w%s: hash %.16s does not match the text", ErrBadMessage, name, m.Hash)
	}
	return a, nil
}
