package main

import (
	"encoding/json"
	"fmt"

	"github.com/dyadproject/dyad/internal/eval"
)

// evalQuotes runs `dyad eval quotes --gold DIR [--split dev]`: dyad's direct
// quotes and their speakers scored against PolNeAR's attributions whose
// content holds a quotation mark.
func evalQuotes(dir, split string, asJSON, details bool, io stdio) error {
	if dir == "" {
		return usagef("eval quotes needs --gold DIR (PolNeAR's data folder or one split of it)")
	}
	gold, err := eval.ReadPolNeAR(dir, split)
	if err != nil {
		return fmt.Errorf("read gold: %w", err)
	}
	in := inputFlags{}
	an, err := in.analyzer(io)
	if err != nil {
		return err
	}
	sc, err := eval.PolNeAR(an, gold, details)
	if err != nil {
		return err
	}
	if asJSON {
		return json.NewEncoder(io.out).Encode(sc)
	}
	for _, m := range sc.Misses {
		fmt.Fprintln(io.out, "  "+m)
	}
	fmt.Fprintf(io.out, "%s (%s): %d articles, %d gold direct quotes\n", dir, split, sc.Articles, sc.Overlap.Gold)
	row := func(name string, c eval.QuoteCounts) {
		fmt.Fprintf(io.out, "%-8s quotes P %.3f  R %.3f  F1 %.3f   (%d right, %d predicted)   speaker accuracy %.3f (%d of %d; by words alone %.3f)\n",
			name, c.Precision, c.Recall, c.F1, c.TruePos, c.Predicted, c.SpeakerAccuracy, c.SpeakersRight, c.SpeakersScored, c.SpeakerAccuracyByWords)
	}
	row("overlap", sc.Overlap)
	row("exact", sc.Exact)
	fmt.Fprintf(io.out, "overlap: spans share at least half of each; exact: the same first and last letter or digit\n")
	fmt.Fprintf(io.out, "speaker right: overlaps the gold source or ends with its last word (by words alone), or resolved to the actor the source names\n")
	return nil
}
