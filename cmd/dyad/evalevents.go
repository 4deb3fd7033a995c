package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/dyadproject/dyad/internal/eval"
	"github.com/dyadproject/dyad/internal/pipeline"
)

// evalEvents runs `dyad eval events --gold FILE --format petrarch`.
func evalEvents(path, format string, asJSON, details bool, io stdio) error {
	if path == "" {
		return usagef("eval events needs --gold FILE")
	}
	if format != "petrarch" {
		return usagef("eval events: --format %q is not read yet; use --format petrarch", format)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read gold: %w", err)
	}
	defer f.Close()
	suite, err := eval.ReadPetrarchSuite(f, path)
	if err != nil {
		return err
	}
	dicts := suite.Dictionaries(path)
	skipped := 0
	stages, err := pipeline.Standard(pipeline.Options{DictPaths: dicts, DictVerbsOnly: suite.Verbs != "",
		Warn: func(err error) {
			skipped++
			fmt.Fprintf(io.err, "dyad: %v\n", err)
		},
		Note: func(s string) { fmt.Fprintf(io.err, "dyad: %s\n", s) }})
	if err != nil {
		return fmt.Errorf("load resources: %w", err)
	}
	rep, err := eval.Petrarch(stages, suite)
	if err != nil {
		return err
	}
	if !details {
		rep.Misses = nil
	}
	if asJSON {
		return json.NewEncoder(io.out).Encode(rep)
	}
	fmt.Fprintf(io.out, "%s: %d records (dictionaries: %s)\n", path, rep.Records, strings.Join(dicts, ", "))
	fmt.Fprintf(io.out, "gold events coded right  %d of %d (%.1f%%)\n", rep.Correct, rep.Gold, 100*rep.PassRate)
	fmt.Fprintf(io.out, "extra events             %d (%.1f%% of the gold events)\n", rep.Extra, 100*rep.ExtraRate)
	fmt.Fprintf(io.out, "no-event records kept    %d of %d\n", rep.NoEventsKept, rep.NoEvents)
	fmt.Fprintf(io.out, "events                   P %.3f  R %.3f  F1 %.3f\n", rep.Precision, rep.Recall, rep.F1)
	cats := make([]string, 0, len(rep.ByCategory))
	for c := range rep.ByCategory {
		cats = append(cats, c)
	}
	slices.Sort(cats)
	for _, c := range cats {
		p := rep.ByCategory[c]
		fmt.Fprintf(io.out, "  %-10s %3d of %3d right, %3d coded\n", c, p.TruePos, p.Gold, p.Predicted)
	}
	for _, m := range rep.Misses {
		fmt.Fprintln(io.out, "  "+m)
	}
	return nil
}
