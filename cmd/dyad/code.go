package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dyadproject/dyad/internal/export"
	"github.com/dyadproject/dyad/internal/pipeline"
)

func runCode(ctx context.Context, args []string, io stdio) error {
	var in inputFlags
	fs := newFlags("code", "[flags] PATH...", `
Analyze news articles and print, for each, its actors, events, quotes, places,
dates, themes and tone. Inputs that cannot be read are named on standard error
with the reason; the others are still analyzed and printed, and the exit
status is 1. Output is in input order whatever the number of workers.

Formats:
  jsonl   one JSON object per article: the machine contract (dyad schema)
  table   a readable summary per article
  gdelt   GDELT 2.0 event table rows, tab-separated, one per event
  plover  PLOVER JSON lines, one per event
  csv     one row per event with a header row`, io)
	format := fs.String("format", "jsonl", "output `format`: "+strings.Join(export.Formats(), ", "))
	in.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !slices.Contains(export.Formats(), *format) {
		return usagef("--format %q: want one of %s", *format, strings.Join(export.Formats(), ", "))
	}
	opt, err := in.options(fs.Args(), io)
	if err != nil {
		return err
	}
	an, err := in.analyzer(io)
	if err != nil {
		return err
	}
	w, err := export.New(*format, io.out)
	if err != nil {
		return err
	}
	failed := 0
	runErr := an.Run(ctx, in.articles(ctx, fs.Args(), opt), func(it pipeline.Item) error {
		if it.Err != nil {
			failed++
			fmt.Fprintf(io.err, "dyad code: %v\n", it.Err)
			return nil
		}
		r := it.Doc.Result()
		return w.Write(&r)
	})
	if err := w.Close(); err != nil && runErr == nil {
		runErr = err
	}
	if runErr != nil {
		return runErr
	}
	return in.partial(failed)
}
