package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"syscall"
	"text/tabwriter"
)

// writeJSON writes res as one indented JSON object.
func writeJSON(w io.Writer, res *Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(res); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// writeTable writes res as a short header, one row per side, the ratio row
// and the peak RSS.
func writeTable(w io.Writer, res *Result) error {
	fmt.Fprintf(w, "%d articles (%d inputs unreadable), %.2f MB of text, from %s\n",
		res.Articles, res.ReadErrors, float64(res.Bytes)/1e6, strings.Join(res.Paths, " "))
	fmt.Fprintf(w, "each side on %d workers (GOMAXPROCS), %d timed runs; rates from the best run; dyad runs %s stages\n\n",
		res.CPUs, res.Repeat, res.DyadStages)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "side\tarticles\ttokens\tsentences\tbest s\tmedian s\ttokens/s\tarticles/s\tsetup s*\t")
	for _, s := range []struct {
		name string
		*Side
	}{{"dyad", &res.Dyad}, {"prose", &res.Prose}} {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.0f\t%.1f\t%.3f\t\n", s.name,
			s.Articles, s.Tokens, s.Sentences, s.BestSeconds, s.MedianSeconds,
			s.TokensPerSec, s.ArticlesPerSec, s.SetupSeconds)
	}
	fmt.Fprintf(tw, "dyad/prose\t\t\t\t\t\t%.2fx\t%.2fx\t\t\n", res.Ratio.TokensPerSec, res.Ratio.ArticlesPerSec)
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	_, err := fmt.Fprintf(w, "\n* set-up (prose: model load) is excluded from the rates\n"+
		"entities: dyad %d, prose %d; failed articles: dyad %d, prose %d\npeak RSS %.1f MB\n",
		res.Dyad.Entities, res.Prose.Entities, res.Dyad.Failed, res.Prose.Failed, res.PeakRSSMB)
	if err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return nil
}

// peakRSSMB returns the process's peak resident set size in MB (Linux
// reports ru_maxrss in KiB), or 0 when getrusage fails.
func peakRSSMB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) * 1024 / 1e6
}
