package feed

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
)

// collector keeps what it is given, as the work queue would.
type collector struct {
	mu     sync.Mutex
	arts   []*dyad.Article
	hashes map[string]bool
}

func (c *collector) Publish(_ context.Context, a *dyad.Article) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.hashes == nil {
		c.hashes = map[string]bool{}
	}
	if c.hashes[a.Hash] {
		return true, nil
	}
	c.hashes[a.Hash] = true
	c.arts = append(c.arts, a)
	return false, nil
}

// page is an invented news page with boilerplate around the story.
func page(title, story string) string {
	return `<!doctype html><html><head><title>` + title + ` | Invented Times</title>
<meta property="og:site_name" content="Invented Times"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>` + title + `</h1>` + story + `</article>
<footer>Copyright Invented Times. All rights reserved. Subscribe to our newsletter.</footer></body></html>`
}

const (
	storyTalks = `<p>NAIROBI, June 3 -- Kenya and Uganda agreed on Tuesday to reopen talks on a disputed stretch of their border, the two foreign ministers said after a meeting in Nairobi.</p>
<p>"We have chosen dialogue over confrontation," the Kenyan foreign minister told reporters. Officials said a joint commission would meet again in July.</p>`
	storyFloods = `<p>LIMA, June 4 -- Peru asked Chile for help on Wednesday after floods cut roads in three southern provinces, the government said.</p>
<p>Chile's interior ministry said it would send rescue teams and two helicopters, and that more aid could follow within days.</p>`
)

// site is an invented news site: an RSS feed, an Atom feed and pages, with
// a log of the requests it received.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	requests []string
	times    map[string][]time.Time
	status   map[string]int // path -> forced status
}

func newSite(t *testing.T) *site {
	s := &site{times: map[string][]time.Time{}, status: map[string]int{}}
	mux := http.NewServeMux()
	pages := map[string]string{
		"/world/talks":        page("Kenya and Uganda reopen border talks", storyTalks),
		"/world/floods":       page("Peru asks Chile for flood aid", storyFloods),
		"/amp/world/talks":    page("Kenya and Uganda reopen border talks (AMP)", storyTalks),
		"/world/not-an-story": "",
	}
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Invented Times World</title>
<item><title>Kenya and Uganda reopen border talks</title><link>/world/talks</link><guid>it-1</guid>
<pubDate>Tue, 03 Jun 2026 09:30:00 +0300</pubDate><description>Talks resume.</description></item>
<item><title>Peru asks Chile for flood aid</title><link>https://HOST/world/floods</link><guid>it-2</guid>
<pubDate>Wed, 04 Jun 2026 11:00:00 -0500</pubDate></item>
<item><title>Kenya and Uganda reopen border talks</title><link>/amp/world/talks</link><guid>it-3</guid></item>
</channel></rss>`
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Invented Times Africa</title>
<id>urn:it:africa</id><updated>2026-06-03T10:00:00Z</updated>
<entry><title>Kenya and Uganda reopen border talks</title><link href="/world/talks"/><id>urn:it:1</id><updated>2026-06-03T10:00:00Z</updated></entry>
</feed>`
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests = append(s.requests, r.URL.Path)
		s.times[r.URL.Path] = append(s.times[r.URL.Path], time.Now())
		status := s.status[r.URL.Path]
		s.mu.Unlock()
		if r.Header.Get("User-Agent") != "dyad-feed/1" {
			http.Error(w, "who are you?", http.StatusForbidden)
			return
		}
		if status != 0 {
			w.Header().Set("Retry-After", "7")
			http.Error(w, "not now", status)
			return
		}
		switch r.URL.Path {
		case "/rss.xml", "/atom.xml":
			etag := `"v1-` + r.URL.Path + `"`
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			body := atom
			if r.URL.Path == "/rss.xml" {
				body = strings.ReplaceAll(rss, "https://HOST", s.URL)
			}
			fmt.Fprint(w, body)
		case "/broken.xml":
			fmt.Fprint(w, "<html><body>This is not a feed.</body></html>")
		default:
			p, ok := pages[r.URL.Path]
			if !ok {
				http.NotFound(w, r)
				return
			}
			fmt.Fprint(w, p)
		}
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.times[path])
}

func (s *site) force(path string, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status[path] = status
}

func newPoller(t *testing.T, c *collector, feeds ...string) *Poller {
	t.Helper()
	p, err := New(Config{Feeds: feeds, Publisher: c, HostDelay: time.Millisecond, Interval: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPollPublishesEachStoryOnce(t *testing.T) {
	s := newSite(t)
	c := &collector{}
	p := newPoller(t, c, s.URL+"/rss.xml", s.URL+"/atom.xml")
	st, err := p.PollOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// Four items: two stories, the talks story also under an AMP link (same
	// text) and in the Atom feed (same link).
	if st.Polled != 2 || st.Items != 4 || st.Published != 2 || st.Duplicates != 2 || st.ItemErrors != 0 {
		t.Errorf("stats = %+v, want 2 polled, 4 items, 2 published, 2 duplicates", st)
	}
	if n := s.count("/world/talks"); n != 1 {
		t.Errorf("the talks page was fetched %d times, want once", n)
	}
	byTitle := map[string]*dyad.Article{}
	for _, a := range c.arts {
		byTitle[a.Title] = a
	}
	floods := byTitle["Peru asks Chile for flood aid"]
	if floods == nil {
		t.Fatalf("flood story not published; got %d articles", len(c.arts))
	}
	checks := []struct{ what, got, want string }{
		{"url", floods.URL, s.URL + "/world/floods"},
		{"id", floods.ID, "it-2"},
		{"source", floods.Source, "Invented Times World"},
		{"date", floods.Date.UTC().Format(time.RFC3339), "2026-06-04T16:00:00Z"},
		{"input", floods.Input, s.URL + "/world/floods"},
	}
	for _, ck := range checks {
		if ck.got != ck.want {
			t.Errorf("flood story %s = %q, want %q", ck.what, ck.got, ck.want)
		}
	}
	if !strings.Contains(floods.Text, "rescue teams and two helicopters") {
		t.Errorf("flood story text lacks the second paragraph: %q", floods.Text)
	}
	for _, junk := range []string{"Subscribe", "Sport", "Copyright"} {
		if strings.Contains(floods.Text, junk) {
			t.Errorf("flood story text keeps boilerplate %q: %q", junk, floods.Text)
		}
	}
	if floods.Dateline == nil || floods.Dateline.Place != "LIMA" {
		t.Errorf("dateline = %+v, want LIMA", floods.Dateline)
	}

	// The second poll is answered 304 Not Modified and publishes nothing.
	st, err = p.PollOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{Polled: 2, NotModified: 2}) {
		t.Errorf("second poll stats = %+v, want 2 polled, 2 not modified", st)
	}
	if len(c.arts) != 2 {
		t.Errorf("%d articles published, want 2", len(c.arts))
	}
}

func TestFailedPageRetriedAtNextPoll(t *testing.T) {
	s := newSite(t)
	c := &collector{}
	p := newPoller(t, c, s.URL+"/rss.xml")
	s.force("/world/floods", http.StatusInternalServerError)
	st, _ := p.PollOnce(context.Background())
	if st.Published != 1 || st.ItemErrors != 1 {
		t.Errorf("first poll = %+v, want 1 published and 1 item error", st)
	}
	s.force("/world/floods", 0)
	st, _ = p.PollOnce(context.Background())
	if st.Published != 1 || st.NotModified != 0 || st.ItemErrors != 0 {
		t.Errorf("second poll = %+v, want a full fetch publishing the failed item", st)
	}
	if len(c.arts) != 2 {
		t.Errorf("%d articles published, want 2", len(c.arts))
	}
}

func TestFeedBackoff(t *testing.T) {
	// With an interval of a second, a failure waits 2s, a second 4s; a
	// Retry-After of 7s wins over the 2s.
	tests := []struct {
		name    string
		path    string
		status  int
		atLeast time.Duration
	}{
		{"server error doubles the interval", "/rss.xml", http.StatusBadGateway, 2 * time.Second},
		{"retry-after honoured", "/rss.xml", http.StatusServiceUnavailable, 7 * time.Second},
		{"not a feed", "/broken.xml", 0, 2 * time.Second},
		{"missing feed", "/none.xml", 0, 2 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t)
			if tt.status != 0 {
				s.force(tt.path, tt.status)
			}
			p, err := New(Config{Feeds: []string{s.URL + tt.path}, Publisher: &collector{}, HostDelay: time.Millisecond, Interval: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			before := time.Now()
			st, _ := p.PollOnce(context.Background())
			if st.FeedErrors != 1 {
				t.Fatalf("stats = %+v, want 1 feed error", st)
			}
			f := p.feeds[0]
			if f.failures != 1 || f.next.Sub(before) < tt.atLeast {
				t.Errorf("after one failure: %d failures, next poll in %v; want 1 and at least %v",
					f.failures, f.next.Sub(before), tt.atLeast)
			}
			if tt.status == http.StatusServiceUnavailable {
				return // the host is held for 7s
			}
			p.poll(context.Background(), f)
			if f.failures != 2 || f.next.Sub(before) < 2*tt.atLeast {
				t.Errorf("after two failures: %d failures, next poll in %v; want 2 and at least %v",
					f.failures, f.next.Sub(before), 2*tt.atLeast)
			}
		})
	}
}

func TestRetryAfterHoldsHost(t *testing.T) {
	s := newSite(t)
	s.force("/world/floods", http.StatusTooManyRequests) // Retry-After: 7
	p, err := New(Config{Feeds: []string{s.URL + "/rss.xml"}, Publisher: &collector{}, HostDelay: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	st, _ := p.PollOnce(ctx)
	// The talks page came before the 429; the AMP page after it waits 7s
	// for its turn and the poll ends with ctx first.
	if st.Published != 1 || s.count("/amp/world/talks") != 0 {
		t.Errorf("stats = %+v, AMP page fetched %d times; want 1 published and the host held back", st, s.count("/amp/world/talks"))
	}
}

func TestHostDelay(t *testing.T) {
	s := newSite(t)
	const delay = 50 * time.Millisecond
	p, err := New(Config{Feeds: []string{s.URL + "/rss.xml", s.URL + "/atom.xml"}, Publisher: &collector{}, HostDelay: delay})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.PollOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var all []time.Time
	for _, ts := range s.times {
		all = append(all, ts...)
	}
	slices.SortFunc(all, func(a, b time.Time) int { return a.Compare(b) })
	if len(all) < 4 {
		t.Fatalf("%d requests, want at least 4", len(all))
	}
	// The next request starts a delay after the previous one ended, so the
	// server sees them at least a delay apart.
	for i := 1; i < len(all); i++ {
		if gap := all[i].Sub(all[i-1]); gap < delay {
			t.Errorf("requests %d and %d to one host %v apart, want at least %v", i-1, i, gap, delay)
		}
	}
}

func TestNewRefuses(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"no publisher", Config{Feeds: []string{"http://example.test/rss"}}, "no publisher"},
		{"no feeds", Config{Publisher: &collector{}}, "no feeds"},
		{"file url", Config{Publisher: &collector{}, Feeds: []string{"file:///etc/passwd"}}, "not an http"},
		{"no host", Config{Publisher: &collector{}, Feeds: []string{"http:///rss"}}, "not an http"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := New(tt.cfg); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	def := time.Minute
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"7", 7 * time.Second}, {"0", 0}, {"", def}, {"-3", def}, {"soon", def},
		{"Wed, 21 Oct 2015 07:28:00 GMT", 0}, // in the past
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, def); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestMemoryForgetsOldest(t *testing.T) {
	m := newMemory(3)
	for _, s := range []string{"a", "b", "c", "a", "d"} {
		m.add(s)
	}
	for s, want := range map[string]bool{"a": false, "b": true, "c": true, "d": true} {
		if m.has(s) != want {
			t.Errorf("has(%q) = %v, want %v", s, !want, want)
		}
	}
}

// FuzzParse checks that no feed body makes the parser panic out of parse,
// and that a parsed feed has no nil item that the poller would trip on.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>a</title><link>/x</link></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="x"/></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"url":"x"}]}`))
	f.Add([]byte(`<rss><channel><item><pubDate>Mon, 99 Foo</pubDate></item>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		pf, err := parse(body)
		if err == nil && pf == nil {
			t.Fatal("nil feed without an error")
		}
	})
}
