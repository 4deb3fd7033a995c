// Command compareprose measures dyad's language layer against the Go NLP
// library github.com/jdkato/prose/v2 (v2.0.0) in one run, on the same
// articles, both using all cores.
//
// Usage, from the repository root:
//
//	go run ./tools/compareprose [-stages language|all] [-repeat N] [-limit N] [-json] [PATH ...]
//
// PATH is anything internal/article reads (files or folders); the default is
// the Wikinews folder of the shared data (shareddata.Dir()/wikinews), whose
// README.md and LICENSE.md are read as two more plain-text articles; name the
// two CSV files to leave them out. Inputs that cannot be read are skipped and
// counted. All articles are read into memory first, so reading is never timed.
//
// The two sides:
//
//   - dyad: the stages of pipeline.Language() in a pipeline.Analyzer, whose
//     Run analyzes the articles on GOMAXPROCS workers. The tool knows only
//     that call, so it measures whatever the language layer is at the time
//     (tokenizer, sentence splitter, tagger, lemmatizer, parser and
//     named-entity recognizer). With -stages all it runs pipeline.Standard,
//     every stage on (places, time, actors, quotes, events, themes, tone
//     too), the measure of dyad's standing speed target: three times prose.
//     Tokens and entities are counted from the documents.
//   - prose: prose.NewDocument on every article's Text, with its defaults
//     (tokenization, sentence segmentation, POS tagging and named-entity
//     extraction all on), on GOMAXPROCS goroutines that share one model via
//     prose.UsingModel. Tokens are counted from Document.Tokens().
//
// Each side runs once on one article to warm up, then -repeat times (default
// 3) over all articles; the runs alternate between the sides, with a garbage
// collection before each, so that changing load on the machine and one side's
// garbage affect both sides alike. The table reports, for each side, the
// articles and tokens it counted, the best and median wall time, and
// tokens/s and articles/s from the best time; then the ratio dyad/prose of
// both rates. Each side's tokens/s uses its own token count, and the two
// tokenizers cut text differently, so articles/s is the comparison that does
// not depend on tokenization. dyad tokenizes Article.Text without the regions
// in Article.Skip (dateline, debris); prose gets all of Article.Text. -json
// prints the same figures as one JSON object. The last line is the peak
// resident set size of the whole process (getrusage), which includes the
// articles held in memory and both sides' models.
//
// Set-up time is excluded from the rates and reported apart: for prose, the
// first NewDocument, which decodes its embedded model (a 17.6 MB gzipped gob,
// 0.3-0.5 s); for dyad, building the stages. A service loads its model once
// at start and then analyzes articles for hours, so counting a one-time load
// would measure the corpus size rather than the throughput.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/article"
	"github.com/dyadproject/dyad/internal/shareddata"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "compareprose:", err)
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// run parses args, reads the articles, compares the two sides and prints the
// result on stdout.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("compareprose", flag.ContinueOnError)
	fs.SetOutput(stdout)
	repeat := fs.Int("repeat", 3, "timed runs of each side")
	limit := fs.Int("limit", 0, "use at most this many articles (0: all)")
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	stages := fs.String("stages", "language", "dyad's `stages`: language (the language layer) or all (the whole pipeline, as dyad code runs it)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *repeat < 1 {
		return fmt.Errorf("-repeat %d: must be at least 1: %w", *repeat, flag.ErrHelp)
	}
	if *limit < 0 {
		return fmt.Errorf("-limit %d: must not be negative: %w", *limit, flag.ErrHelp)
	}
	if *stages != "language" && *stages != "all" {
		return fmt.Errorf("-stages %q: want language or all: %w", *stages, flag.ErrHelp)
	}
	paths := fs.Args()
	if len(paths) == 0 {
		d, err := shareddata.Dir()
		if err != nil {
			return err
		}
		paths = []string{filepath.Join(d, "wikinews")}
	}

	arts, readErrs, err := readArticles(ctx, paths, *limit)
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return fmt.Errorf("read %q: no articles (%d inputs unreadable)", paths, readErrs)
	}
	res, err := compare(ctx, arts, *repeat, *stages == "all")
	if err != nil {
		return err
	}
	res.Paths = paths
	res.ReadErrors = readErrs
	res.PeakRSSMB = peakRSSMB()
	if *asJSON {
		return writeJSON(stdout, res)
	}
	return writeTable(stdout, res)
}

// readArticles reads up to limit articles (all when limit is 0) from paths
// and counts the inputs that could not be read.
func readArticles(ctx context.Context, paths []string, limit int) (arts []*dyad.Article, readErrs int, err error) {
	for a, err := range article.Read(ctx, paths, article.Options{}) {
		if err != nil {
			if ctx.Err() != nil {
				return nil, 0, fmt.Errorf("read articles: %w", err)
			}
			readErrs++
			continue
		}
		arts = append(arts, a)
		if limit > 0 && len(arts) == limit {
			break
		}
	}
	return arts, readErrs, nil
}
