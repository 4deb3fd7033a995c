package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/article"
)

// Publisher takes an article; it reports whether the article was a
// duplicate of one it already had.
type Publisher interface {
	Publish(ctx context.Context, a *dyad.Article) (duplicate bool, err error)
}

// Config configures a Poller. Zero values mean the defaults given with each
// field.
type Config struct {
	// Feeds are the URLs of the RSS or Atom feeds to poll.
	Feeds     []string
	Publisher Publisher
	// Client makes the requests; default a client with a 30s timeout.
	Client *http.Client
	// UserAgent is sent with every request; default "dyad-feed/1".
	UserAgent string
	// Interval is the time between two polls of a feed; default 5m.
	Interval time.Duration
	// HostDelay is the least time between two requests to one host;
	// default 1s.
	HostDelay time.Duration
	// MaxBackoff bounds the wait after failures; default 1h.
	MaxBackoff time.Duration
	// MaxFeedBytes and MaxPageBytes bound the bodies read; defaults 10 MiB
	// and 5 MiB.
	MaxFeedBytes, MaxPageBytes int64
	// Remember bounds the links and hashes kept for deduplication; default
	// 100000 each.
	Remember int
	// Read holds the limits applied to each article.
	Read   article.Options
	Logger *slog.Logger
}

// Stats counts what polls did.
type Stats struct {
	// Polled counts feed requests, NotModified those answered 304, and
	// FeedErrors those that failed.
	Polled, NotModified, FeedErrors int
	// Items counts the feed items seen, Published the articles published,
	// Duplicates the items skipped as already published (by link or content
	// hash, here or by the publisher), ItemErrors the items whose page could
	// not be fetched or read.
	Items, Published, Duplicates, ItemErrors int
}

func (s *Stats) add(o Stats) {
	s.Polled += o.Polled
	s.NotModified += o.NotModified
	s.FeedErrors += o.FeedErrors
	s.Items += o.Items
	s.Published += o.Published
	s.Duplicates += o.Duplicates
	s.ItemErrors += o.ItemErrors
}

// feedState is what a Poller knows of one feed between polls.
type feedState struct {
	url          string
	etag         string
	lastModified string
	failures     int
	next         time.Time // earliest time of the next poll
}

// Poller polls feeds. Call Run or PollOnce, one at a time.
type Poller struct {
	cfg   Config
	log   *slog.Logger
	hosts *hosts
	feeds []*feedState
	links *memory
	texts *memory

	mu       sync.Mutex
	inflight map[string]bool // links being fetched
}

// New returns a poller for cfg. It refuses a feed URL that is not http or
// https.
func New(cfg Config) (*Poller, error) {
	if cfg.Publisher == nil {
		return nil, errors.New("feed: no publisher")
	}
	if len(cfg.Feeds) == 0 {
		return nil, errors.New("feed: no feeds")
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: 30 * time.Second}
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = "dyad-feed/1"
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&cfg.Interval, 5*time.Minute)
	def(&cfg.HostDelay, time.Second)
	def(&cfg.MaxBackoff, time.Hour)
	if cfg.MaxFeedBytes <= 0 {
		cfg.MaxFeedBytes = 10 << 20
	}
	if cfg.MaxPageBytes <= 0 {
		cfg.MaxPageBytes = 5 << 20
	}
	if cfg.Remember <= 0 {
		cfg.Remember = 100000
	}
	p := &Poller{cfg: cfg, log: cfg.Logger, hosts: newHosts(cfg.HostDelay),
		links: newMemory(cfg.Remember), texts: newMemory(cfg.Remember), inflight: map[string]bool{}}
	if p.log == nil {
		p.log = slog.New(slog.DiscardHandler)
	}
	for _, f := range cfg.Feeds {
		if err := CheckURL(f); err != nil {
			return nil, err
		}
		p.feeds = append(p.feeds, &feedState{url: f})
	}
	return p, nil
}

// CheckURL reports whether s can be a feed URL: http or https with a host.
func CheckURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("feed %q: not an http or https URL", s)
	}
	return nil
}

// Run polls every feed when it is due until ctx is done, then returns the
// totals. Feeds are polled concurrently; requests to one host wait their
// turn (see the package documentation).
func (p *Poller) Run(ctx context.Context) (Stats, error) {
	var (
		mu    sync.Mutex
		total Stats
		wg    sync.WaitGroup
	)
	for _, f := range p.feeds {
		wg.Go(func() {
			for ctx.Err() == nil {
				st := p.poll(ctx, f)
				mu.Lock()
				total.add(st)
				mu.Unlock()
				wait(ctx, time.Until(f.next))
			}
		})
	}
	wg.Wait()
	return total, ctx.Err()
}

// PollOnce polls every feed once, now, and returns what it did.
func (p *Poller) PollOnce(ctx context.Context) (Stats, error) {
	var (
		mu    sync.Mutex
		total Stats
		wg    sync.WaitGroup
	)
	for _, f := range p.feeds {
		wg.Go(func() {
			st := p.poll(ctx, f)
			mu.Lock()
			total.add(st)
			mu.Unlock()
		})
	}
	wg.Wait()
	return total, ctx.Err()
}

// poll fetches one feed and publishes its new items, and sets when it is
// due again.
func (p *Poller) poll(ctx context.Context, f *feedState) Stats {
	st := Stats{Polled: 1}
	items, validators, err := p.fetchFeed(ctx, f)
	if err != nil {
		if ctx.Err() != nil {
			return Stats{}
		}
		st.FeedErrors++
		f.failures++
		d := min(p.cfg.Interval<<min(f.failures, 20), p.cfg.MaxBackoff)
		var ra *retryAfter
		if errors.As(err, &ra) {
			d = max(d, ra.d)
		}
		f.next = time.Now().Add(d)
		p.log.Warn("feed failed", "feed", f.url, "err", err.Error(), "failures", f.failures, "retry_in", d.String())
		return st
	}
	f.failures = 0
	f.next = time.Now().Add(p.cfg.Interval)
	if items == nil {
		st.NotModified++
		return st
	}
	for _, it := range items {
		if ctx.Err() != nil {
			break
		}
		st.Items++
		p.item(ctx, f, it, &st)
	}
	// The validators are kept only when every item was handled, so that a
	// 304 never hides an item that failed and must be tried again.
	if st.ItemErrors == 0 && ctx.Err() == nil {
		f.etag, f.lastModified = validators[0], validators[1]
	}
	p.log.Info("feed polled", "feed", f.url, "items", st.Items, "published", st.Published,
		"duplicates", st.Duplicates, "item_errors", st.ItemErrors)
	return st
}

// parsedFeed is a feed's title and items.
type parsedFeed struct {
	title string
	items []*gofeed.Item
}

// item publishes one feed item unless it was published before.
func (p *Poller) item(ctx context.Context, f *feedState, it item, st *Stats) {
	link := it.link
	if link == "" {
		p.log.Info("item without a link skipped", "feed", f.url, "title", it.title)
		return
	}
	if !p.claim(link) {
		st.Duplicates++
		return
	}
	defer p.release(link)
	a, err := p.fetchArticle(ctx, it)
	if err != nil {
		if ctx.Err() == nil {
			st.ItemErrors++
			p.log.Warn("item failed; will retry at the next poll", "feed", f.url, "link", link, "err", err.Error())
		}
		return
	}
	if p.texts.has(a.Hash) {
		p.links.add(link)
		st.Duplicates++
		return
	}
	dup, err := p.cfg.Publisher.Publish(ctx, a)
	if err != nil {
		if ctx.Err() == nil {
			st.ItemErrors++
			p.log.Warn("publish failed; will retry at the next poll", "link", link, "err", err.Error())
		}
		return
	}
	p.links.add(link)
	p.texts.add(a.Hash)
	if dup {
		st.Duplicates++
		return
	}
	st.Published++
}

// claim reports whether link is neither published nor being fetched for
// another feed, and then marks it as being fetched until release.
func (p *Poller) claim(link string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.inflight[link] || p.links.has(link) {
		return false
	}
	p.inflight[link] = true
	return true
}

func (p *Poller) release(link string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.inflight, link)
}

// item is a feed item as the poller uses it.
type item struct {
	link, guid, title, date, source string
}

// fetchFeed fetches and parses f with a conditional GET, and returns its
// items and the answer's ETag and Last-Modified. It returns nil items when
// the feed has not changed.
func (p *Poller) fetchFeed(ctx context.Context, f *feedState) ([]item, [2]string, error) {
	var validators [2]string
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.url, nil)
	if err != nil {
		return nil, validators, err
	}
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
	if f.etag != "" {
		req.Header.Set("If-None-Match", f.etag)
	}
	if f.lastModified != "" {
		req.Header.Set("If-Modified-Since", f.lastModified)
	}
	resp, body, err := p.get(ctx, req, p.cfg.MaxFeedBytes)
	if err != nil {
		return nil, validators, err
	}
	if resp.StatusCode == http.StatusNotModified {
		return nil, [2]string{f.etag, f.lastModified}, nil
	}
	parsed, err := parse(body)
	if err != nil {
		return nil, validators, fmt.Errorf("%s: %w", f.url, err)
	}
	validators = [2]string{resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")}
	items := make([]item, 0, len(parsed.items))
	for _, it := range parsed.items {
		if it == nil {
			continue
		}
		link := it.Link
		if u, err := resp.Request.URL.Parse(link); err == nil && link != "" {
			link = u.String() // relative links are relative to the feed
		}
		date := it.Published
		if it.PublishedParsed != nil {
			date = it.PublishedParsed.Format(time.RFC3339)
		} else if it.UpdatedParsed != nil {
			date = it.UpdatedParsed.Format(time.RFC3339)
		}
		items = append(items, item{link: link, guid: it.GUID, title: it.Title, date: date, source: parsed.title})
	}
	return items, validators, nil
}

// parse reads a feed body; a panic in the parser is an error.
func parse(body []byte) (pf *parsedFeed, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse feed: panic: %v", r)
		}
	}()
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	return &parsedFeed{title: f.Title, items: f.Items}, nil
}

// fetchArticle fetches an item's page and reads the article from it.
func (p *Poller) fetchArticle(ctx context.Context, it item) (*dyad.Article, error) {
	u, err := url.Parse(it.link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("link %q: not an http or https URL", it.link)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, it.link, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "text/html, application/xhtml+xml;q=0.9, */*;q=0.5")
	_, body, err := p.get(ctx, req, p.cfg.MaxPageBytes)
	if err != nil {
		return nil, err
	}
	rec, err := json.Marshal(map[string]string{"id": it.guid, "url": it.link, "title": it.title,
		"date": it.date, "source": it.source, "html": string(body)})
	if err != nil {
		return nil, err
	}
	opt := p.cfg.Read
	opt.Format = article.JSON
	for a, err := range article.ReadBytes(it.link, rec, opt) {
		if err != nil {
			return nil, err
		}
		a.Input = it.link
		return a, nil
	}
	return nil, fmt.Errorf("%s: no article in the page", it.link)
}

// retryAfter is a 429 or 503 answer and how long the server asked to wait.
type retryAfter struct {
	status int
	d      time.Duration
}

func (e *retryAfter) Error() string {
	return fmt.Sprintf("HTTP %d %s (retry after %v)", e.status, http.StatusText(e.status), e.d)
}

// get sends req when its host's turn comes and reads at most limit bytes of
// the answer. An answer other than 200 and 304 is an error; a 429 or 503
// also holds back the whole host for its Retry-After.
func (p *Poller) get(ctx context.Context, req *http.Request, limit int64) (*http.Response, []byte, error) {
	hs, err := p.hosts.acquire(ctx, req.URL.Host)
	if err != nil {
		return nil, nil, err
	}
	var hold time.Duration
	defer func() { p.hosts.release(hs, hold) }()
	req.Header.Set("User-Agent", p.cfg.UserAgent)
	resp, err := p.cfg.Client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotModified:
		return resp, nil, nil
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		hold = min(parseRetryAfter(resp.Header.Get("Retry-After"), p.cfg.Interval), p.cfg.MaxBackoff)
		return nil, nil, fmt.Errorf("%s: %w", req.URL, &retryAfter{status: resp.StatusCode, d: hold})
	default:
		return nil, nil, fmt.Errorf("%s: HTTP %s", req.URL, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", req.URL, err)
	}
	if int64(len(body)) > limit {
		return nil, nil, fmt.Errorf("%s: body larger than %d bytes", req.URL, limit)
	}
	return resp, body, nil
}

// parseRetryAfter reads a Retry-After value in seconds or as an HTTP date,
// and returns def when there is none.
func parseRetryAfter(v string, def time.Duration) time.Duration {
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0)
	}
	return def
}

// wait waits for d or until ctx is done.
func wait(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
