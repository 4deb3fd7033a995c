package feed

import (
	"context"
	"sync"
	"time"
)

// hosts keeps one request at a time in flight to each host, and delay
// between the end of one and the start of the next, so that the spacing
// holds as the server sees it, whatever the network's jitter.
type hosts struct {
	delay time.Duration
	mu    sync.Mutex
	m     map[string]*host
}

// host is one host's turn: a token held during a request, and the earliest
// start of the next one, read and written only by the token's holder.
type host struct {
	token chan struct{}
	next  time.Time
}

func newHosts(delay time.Duration) *hosts {
	return &hosts{delay: delay, m: map[string]*host{}}
}

// acquire waits for name's turn and returns the host, to be released when
// the request is over.
func (h *hosts) acquire(ctx context.Context, name string) (*host, error) {
	h.mu.Lock()
	hs := h.m[name]
	if hs == nil {
		hs = &host{token: make(chan struct{}, 1)}
		h.m[name] = hs
	}
	h.mu.Unlock()
	select {
	case hs.token <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	wait(ctx, time.Until(hs.next))
	if err := ctx.Err(); err != nil {
		<-hs.token
		return nil, err
	}
	return hs, nil
}

// release ends the holder's request: the next may start after the delay,
// or after hold when the server asked for more.
func (h *hosts) release(hs *host, hold time.Duration) {
	hs.next = time.Now().Add(max(h.delay, hold))
	<-hs.token
}

// memory is a set of strings that forgets the oldest when full.
type memory struct {
	mu    sync.Mutex
	set   map[string]struct{}
	order []string // insertion order, a ring of len cap
	head  int
}

func newMemory(capacity int) *memory {
	return &memory{set: map[string]struct{}{}, order: make([]string, 0, capacity)}
}

func (m *memory) has(s string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.set[s]
	return ok
}

func (m *memory) add(s string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.set[s]; ok {
		return
	}
	m.set[s] = struct{}{}
	if len(m.order) < cap(m.order) {
		m.order = append(m.order, s)
		return
	}
	delete(m.set, m.order[m.head])
	m.order[m.head] = s
	m.head = (m.head + 1) % len(m.order)
}
