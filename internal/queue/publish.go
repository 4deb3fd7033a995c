package queue

import (
	"context"
	"fmt"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyadproject/dyad"
)

// Publisher puts articles on the work queue.
type Publisher struct {
	js      jetstream.JetStream
	subject string
}

// NewPublisher sets up the streams (see [Setup]) and returns a publisher.
func NewPublisher(ctx context.Context, js jetstream.JetStream, cfg Config) (*Publisher, error) {
	cfg = cfg.withDefaults()
	if _, err := Setup(ctx, js, cfg); err != nil {
		return nil, err
	}
	return &Publisher{js: js, subject: cfg.Subject}, nil
}

// Publish puts a on the work queue and waits until the stream has stored it.
// It reports whether the stream dropped it as a duplicate of an article with
// the same content hash published within the duplicate window.
func (p *Publisher) Publish(ctx context.Context, a *dyad.Article) (duplicate bool, err error) {
	body, err := Encode(a)
	if err != nil {
		return false, fmt.Errorf("publish %s: %w", a.Input, err)
	}
	hash := a.Hash
	if hash == "" {
		hash = dyad.ContentHash(a.Text)
	}
	msg := &nats.Msg{Subject: p.subject, Data: body, Header: nats.Header{}}
	msg.Header.Set(jetstream.MsgIDHeader, hash)
	ack, err := p.js.PublishMsg(ctx, msg)
	if err != nil {
		return false, fmt.Errorf("publish %s: %w", a.Input, err)
	}
	return ack.Duplicate, nil
}
