package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/dyadproject/dyad/internal/article"
	"github.com/dyadproject/dyad/internal/feed"
	"github.com/dyadproject/dyad/internal/queue"
)

func runFeed(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("feed", "--nats URL [flags] [FEED-URL...]", `
Poll RSS and Atom feeds, fetch the page of each new item, read the article
from it and publish it to the NATS JetStream work queue for 'dyad worker'.
Feeds are polled every --interval with conditional GETs (ETag,
Last-Modified); requests to one host are at least --host-delay apart; a
failing feed backs off exponentially (honouring Retry-After) up to
--max-backoff. Items are deduplicated by link and by content hash. Runs until
Ctrl-C or SIGTERM, or polls each feed once with --once. Logs JSON lines on
standard error.`, io)
	natsURL := fs.String("nats", "", "NATS server `URL`s, comma-separated (required)")
	feedsFile := fs.String("feeds", "", "`file` of feed URLs, one per line (# starts a comment)")
	interval := fs.Duration("interval", 5*time.Minute, "time between two polls of a feed")
	hostDelay := fs.Duration("host-delay", time.Second, "least time between two requests to one host")
	maxBackoff := fs.Duration("max-backoff", time.Hour, "longest wait after failures")
	once := fs.Bool("once", false, "poll each feed once and exit")
	maxBytes := fs.Int("max-bytes", article.DefaultMaxBytes, "largest article body accepted, in bytes")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	urls := fs.Args()
	if *feedsFile != "" {
		more, err := readFeedList(*feedsFile)
		if err != nil {
			return err
		}
		urls = append(urls, more...)
	}
	switch {
	case *natsURL == "":
		return usagef("--nats is required")
	case len(urls) == 0:
		return usagef("no feeds: give FEED-URL... or --feeds FILE")
	case *interval <= 0 || *hostDelay < 0 || *maxBackoff <= 0 || *maxBytes <= 0:
		return usagef("--interval, --max-backoff and --max-bytes must be positive, --host-delay not negative")
	}
	for _, u := range urls {
		if err := feed.CheckURL(u); err != nil {
			return usagef("%v", err)
		}
	}
	log := slog.New(slog.NewJSONHandler(io.err, nil))
	js, err := connectNATS(*natsURL, "dyad feed", log)
	if err != nil {
		return err
	}
	defer js.Conn().Close()
	pub, err := queue.NewPublisher(ctx, js, queue.Config{})
	if err != nil {
		return err
	}
	p, err := feed.New(feed.Config{Feeds: urls, Publisher: pub, Interval: *interval, HostDelay: *hostDelay,
		MaxBackoff: *maxBackoff, Read: article.Options{MaxBytes: *maxBytes}, Logger: log})
	if err != nil {
		return usagef("%v", err)
	}
	var st feed.Stats
	if *once {
		st, err = p.PollOnce(ctx)
	} else {
		st, err = p.Run(ctx)
		if errors.Is(err, context.Canceled) {
			err = nil // a stop by signal is the normal end
		}
	}
	fmt.Fprintf(io.err, "dyad feed: %d polls (%d not modified, %d failed); %d items: %d published, %d duplicates, %d failed\n",
		st.Polled, st.NotModified, st.FeedErrors, st.Items, st.Published, st.Duplicates, st.ItemErrors)
	if err != nil {
		return err
	}
	if *once && st.FeedErrors+st.ItemErrors > 0 {
		return fmt.Errorf("%w: %d feeds and %d items failed", errPartial, st.FeedErrors, st.ItemErrors)
	}
	return nil
}

// readFeedList reads a file of feed URLs, one per line; blank lines and
// lines starting with # are skipped.
func readFeedList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read feeds: %w", err)
	}
	defer f.Close()
	var urls []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			urls = append(urls, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read feeds %s: %w", path, err)
	}
	return urls, nil
}
