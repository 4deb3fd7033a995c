package main

import (
	"context"
	"flag"
	"fmt"
	"iter"
	"path"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/article"
	"github.com/dyadproject/dyad/internal/dict"
	"github.com/dyadproject/dyad/internal/pipeline"
	"github.com/dyadproject/dyad/internal/sample"
)

// inputFlags are the flags shared by the commands that read articles.
type inputFlags struct {
	date     string
	sample   bool
	workers  int
	maxBytes int
	patterns multiFlag
	dicts    multiFlag
	// dictOptions are the --dict-option NAME=VALUE flags, PETRARCH's
	// coding options for the dictionary's verbs.
	dictOptions multiFlag
	// dictSkipped counts the dictionary entries skipped as malformed; a
	// command that analyzes exits with 1 when there were any.
	dictSkipped int
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.date, "date", "", "publication date `YYYY-MM-DD` for articles whose input gives none")
	fs.BoolVar(&f.sample, "sample", false, "also read the sample news embedded in dyad (20 invented stories)")
	fs.IntVar(&f.workers, "workers", 0, "articles analyzed at once (0: one per CPU)")
	fs.IntVar(&f.maxBytes, "max-bytes", article.DefaultMaxBytes, "largest article body accepted, in bytes; larger ones are refused, never truncated")
	fs.Var(&f.patterns, "patterns", "extra event pattern `FILE` (repeatable; see internal/events/doc.go for the format)")
	fs.Var(&f.dicts, "dict", "CAMEO/PETRARCH/TABARI dictionary `PATH` (actors, agents, verbs, discards), a file or a folder (repeatable); its entries take precedence")
	fs.Var(&f.dictOptions, "dict-option", "PETRARCH coding option `NAME=VALUE` for the --dict verbs (repeatable): require_dyad (true), new_actor_length (0), comma_min, comma_max (2, 8), comma_bmin, comma_bmax (0, 0), comma_emin, comma_emax (2, 8)")
}

// petrarchOptions returns the --dict-option flags over PETRARCH's defaults.
func (f *inputFlags) petrarchOptions() (dict.Options, error) {
	o := dict.DefaultOptions()
	for _, kv := range f.dictOptions {
		name, value, ok := strings.Cut(kv, "=")
		if !ok {
			return o, usagef("--dict-option %q: want NAME=VALUE", kv)
		}
		if err := o.Set(strings.TrimSpace(name), value); err != nil {
			return o, usagef("--dict-option %q: %v", kv, err)
		}
	}
	return o, nil
}

// options checks the flags and the paths and returns the reader options.
func (f *inputFlags) options(paths []string, io stdio) (article.Options, error) {
	opt := article.Options{Stdin: io.in, MaxBytes: f.maxBytes}
	if f.date != "" {
		d, err := time.Parse(dyad.DateLayout, f.date)
		if err != nil {
			return opt, usagef("--date %q: want YYYY-MM-DD", f.date)
		}
		opt.Date = d
	}
	if f.maxBytes <= 0 {
		return opt, usagef("--max-bytes must be positive")
	}
	if f.workers < 0 {
		return opt, usagef("--workers must not be negative")
	}
	if len(paths) == 0 && !f.sample {
		return opt, usagef("no input: give PATH... (- for standard input) or --sample")
	}
	if _, err := f.petrarchOptions(); err != nil {
		return opt, err
	}
	return opt, nil
}

// articles returns the articles of paths, after the sample's when asked.
func (f *inputFlags) articles(ctx context.Context, paths []string, opt article.Options) iter.Seq2[*dyad.Article, error] {
	return func(yield func(*dyad.Article, error) bool) {
		if f.sample {
			for _, file := range sample.Files() {
				for a, err := range article.ReadBytes(path.Join("sample", file.Name), file.Data, opt) {
					if !yield(a, err) {
						return
					}
				}
			}
		}
		if len(paths) > 0 {
			for a, err := range article.Read(ctx, paths, opt) {
				if !yield(a, err) {
					return
				}
			}
		}
	}
}

// analyzer builds the standard pipeline, naming on standard error each
// dictionary entry skipped as malformed.
func (f *inputFlags) analyzer(io stdio) (*pipeline.Analyzer, error) {
	po, err := f.petrarchOptions()
	if err != nil {
		return nil, err
	}
	stages, err := pipeline.Standard(pipeline.Options{PatternFiles: f.patterns, DictPaths: f.dicts, DictOptions: &po,
		Warn: func(err error) {
			f.dictSkipped++
			fmt.Fprintf(io.err, "dyad: %v\n", err)
		},
		Note: func(s string) { fmt.Fprintf(io.err, "dyad: %s\n", s) }})
	if err != nil {
		return nil, fmt.Errorf("load resources: %w", err)
	}
	return pipeline.New(pipeline.Config{Stages: stages, Workers: f.workers}), nil
}

// partial returns the error for a run in which failed inputs could not be
// read, counting skipped dictionary entries as failures too; nil if none.
func (f *inputFlags) partial(failed int) error {
	switch {
	case failed > 0 && f.dictSkipped > 0:
		return fmt.Errorf("%w: %d input(s) could not be read, %d dictionary entries skipped", errPartial, failed, f.dictSkipped)
	case failed > 0:
		return fmt.Errorf("%w: %d input(s) could not be read", errPartial, failed)
	case f.dictSkipped > 0:
		return fmt.Errorf("%w: %d dictionary entries skipped", errPartial, f.dictSkipped)
	}
	return nil
}
