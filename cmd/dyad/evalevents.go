package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dyadproject/dyad/internal/eval"
	"github.com/dyadproject/dyad/internal/pipeline"
)

// eventsEval holds the flags of `dyad eval events`.
type eventsEval struct {
	gold, format, data string
	asJSON, details    bool
	dicts              []string // dyad and plover formats: dictionaries to code with, as --dict
}

// evalEvents runs `dyad eval events --gold FILE [--format dyad|petrarch|plover]`.
func evalEvents(ctx context.Context, o eventsEval, io stdio) error {
	if o.gold == "" {
		return usagef("eval events needs --gold FILE")
	}
	format := o.format
	if format == "" {
		switch strings.ToLower(filepath.Ext(o.gold)) {
		case ".xml":
			format = "petrarch"
		case ".json":
			format = "plover"
		default:
			format = "dyad"
		}
	}
	switch format {
	case "petrarch":
		return evalPetrarch(o, io)
	case "dyad":
		return evalDyadGold(ctx, o, io)
	case "plover":
		return evalPLOVER(o, io)
	}
	return usagef("eval events: --format %q is not a gold format; use dyad, petrarch or plover", format)
}

func evalPetrarch(o eventsEval, io stdio) error {
	f, err := os.Open(o.gold)
	if err != nil {
		return fmt.Errorf("read gold: %w", err)
	}
	defer f.Close()
	suite, err := eval.ReadPetrarchSuite(f, o.gold)
	if err != nil {
		return err
	}
	dicts := suite.Dictionaries(o.gold)
	stages, err := pipeline.Standard(pipeline.Options{DictPaths: dicts, DictVerbsOnly: suite.Verbs != "",
		Warn: func(err error) { fmt.Fprintf(io.err, "dyad: %v\n", err) },
		Note: func(s string) { fmt.Fprintf(io.err, "dyad: %s\n", s) }})
	if err != nil {
		return fmt.Errorf("load resources: %w", err)
	}
	rep, err := eval.Petrarch(stages, suite)
	if err != nil {
		return err
	}
	if !o.details {
		rep.Misses = nil
	}
	if o.asJSON {
		return json.NewEncoder(io.out).Encode(rep)
	}
	fmt.Fprintf(io.out, "%s: %d records (dictionaries: %s)\n", o.gold, rep.Records, strings.Join(dicts, ", "))
	fmt.Fprintf(io.out, "gold events coded right  %d of %d (%.1f%%)\n", rep.Correct, rep.Gold, 100*rep.PassRate)
	fmt.Fprintf(io.out, "extra events             %d (%.1f%% of the gold events)\n", rep.Extra, 100*rep.ExtraRate)
	fmt.Fprintf(io.out, "no-event records kept    %d of %d\n", rep.NoEventsKept, rep.NoEvents)
	full := eval.EventLevel{Correct: rep.Correct, Uncoded: rep.Uncoded, Extra: rep.Extra,
		Precision: rep.Precision, Recall: rep.Recall, F1: rep.F1}
	writeEventTable(io.out, full, rep.Root, rep.Accuracies)
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

// dataDir is the folder a dyad-format gold's corpus path is relative to:
// --data, else $DYAD_SHARED_DATA, else ../shared/data (the project's
// layout, from the repository root).
func dataDir(flag string) string {
	if flag != "" {
		return flag
	}
	if d := os.Getenv("DYAD_SHARED_DATA"); d != "" {
		return d
	}
	return filepath.Join("..", "shared", "data")
}

func evalDyadGold(ctx context.Context, o eventsEval, io stdio) error {
	f, err := os.Open(o.gold)
	if err != nil {
		return fmt.Errorf("read gold: %w", err)
	}
	defer f.Close()
	g, err := eval.ParseEventGold(f, o.gold)
	if err != nil {
		return err
	}
	dir := dataDir(o.data)
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(g.Corpus))); err != nil {
		return fmt.Errorf("the gold's corpus %s is not in the data folder %s (give --data DIR or set DYAD_SHARED_DATA): %w", g.Corpus, dir, err)
	}
	arts, skipped, err := eval.LoadEventCorpus(ctx, dir, g)
	if err != nil {
		return err
	}
	an, err := o.analyzer(io)
	if err != nil {
		return err
	}
	rep := eval.EventsDyad(an, g, arts, o.gold)
	for _, e := range skipped {
		rep.Errors = append(rep.Errors, e.Error())
	}
	return writeEventReport(io, o, rep, "sentences")
}

func evalPLOVER(o eventsEval, io stdio) error {
	f, err := os.Open(o.gold)
	if err != nil {
		return fmt.Errorf("read gold: %w", err)
	}
	defer f.Close()
	recs, err := eval.ReadPLOVERGold(f, o.gold)
	if err != nil {
		return err
	}
	an, err := o.analyzer(io)
	if err != nil {
		return err
	}
	return writeEventReport(io, o, eval.PLOVER(an, recs), "texts")
}

// analyzer returns the pipeline the dyad and plover formats score: the
// standard stages, with the dictionaries of --dict.
func (o eventsEval) analyzer(io stdio) (*pipeline.Analyzer, error) {
	in := inputFlags{dicts: o.dicts, workers: 1}
	return in.analyzer(io)
}

// writeEventReport prints the report of the dyad and plover formats; gold
// items that could not be scored go to standard error and make the command
// fail after the report.
func writeEventReport(io stdio, o eventsEval, rep eval.EventReport, unit string) error {
	for _, e := range rep.Errors {
		fmt.Fprintf(io.err, "dyad: %s\n", e)
	}
	if !o.details {
		rep.Misses = nil
	}
	if o.asJSON {
		if err := json.NewEncoder(io.out).Encode(rep); err != nil {
			return err
		}
	} else {
		s := rep.EventScore
		fmt.Fprintf(io.out, "%s: %d %s, %d gold events, %d coded\n", o.gold, s.Records, unit, s.GoldEvents, s.Coded)
		writeEventTable(io.out, s.EventLevel, s.Root, s.Accuracies)
		if s.NoEventRecords > 0 {
			fmt.Fprintf(io.out, "no-event %s kept without events  %d of %d\n", unit, s.NoEventRecordsKept, s.NoEventRecords)
		}
		roots := make([]string, 0, len(s.ByRoot))
		for r := range s.ByRoot {
			roots = append(roots, r)
		}
		slices.Sort(roots)
		fmt.Fprintln(io.out, "by root:")
		for _, r := range roots {
			p := s.ByRoot[r]
			fmt.Fprintf(io.out, "  %-10s %3d of %3d gold found, %3d of %3d coded right\n",
				r, p.TruePos, p.Gold, int(p.Precision*float64(p.Predicted)+0.5), p.Predicted)
		}
		for _, m := range rep.Misses {
			fmt.Fprintln(io.out, "  "+m)
		}
	}
	if len(rep.Errors) > 0 {
		return fmt.Errorf("%w: %d gold item(s) could not be scored", errPartial, len(rep.Errors))
	}
	return nil
}

// writeEventTable prints PETRARCH's Correct / Uncoded / Extra table at the
// full-code and root levels with precision, recall and F1, then the
// accuracies.
func writeEventTable(w io.Writer, full, root eval.EventLevel, acc eval.Accuracies) {
	fmt.Fprintf(w, "%-10s %8s %8s %8s %7s %7s %7s\n", "", "correct", "uncoded", "extra", "P", "R", "F1")
	for _, l := range []struct {
		name string
		eval.EventLevel
	}{{"full code", full}, {"root", root}} {
		fmt.Fprintf(w, "%-10s %8d %8d %8d %7.3f %7.3f %7.3f\n", l.name, l.Correct, l.Uncoded, l.Extra, l.Precision, l.Recall, l.F1)
	}
	fmt.Fprintf(w, "event type accuracy %.3f (root %.3f) on %d pairs with the right source and target\n",
		acc.TypeAccuracy, acc.TypeRootAccuracy, acc.TypePairs)
	fmt.Fprintf(w, "source accuracy %.3f, target accuracy %.3f on %d pairs with the right root\n",
		acc.SourceAccuracy, acc.TargetAccuracy, acc.ActorPairs)
}
