package feed

import (
	"context"
	"sync"
	"time"
)

// hosts spaces the requests to each host by delay.
type hosts struct {
	delay time.Duration
	mu    sync.Mutex
	next  map[string]time.Time // earliest time of the next request
}

func newHosts(delay time.Duration) *hosts {
	return &hosts{delay: delay, next: map[string]time.Time{}}
}

// wait reserves the next turn of host and waits for it.
func (h *hosts) wait(ctx context.Context, host string) error {
	h.mu.Lock()
	now := time.Now()
	at := now
	if t := h.next[host]; t.After(now) {
		at = t
	}
	h.next[host] = at.Add(h.delay)
	h.mu.Unlock()
	wait(ctx, at.Sub(now))
	return ctx.Err()
}

// hold makes host wait d from now before its next request.
func (h *hosts) hold(host string, d time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if t := time.Now().Add(d); t.After(h.next[host]) {
		h.next[host] = t
	}
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
