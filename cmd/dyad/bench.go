package main

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/lang"
	"github.com/dyadproject/dyad/internal/pipeline"
)

// benchReport is what `dyad bench` measures.
type benchReport struct {
	Articles       int64        `json:"articles"`
	Tokens         int64        `json:"tokens"`
	Bytes          int64        `json:"bytes"`
	Events         int          `json:"events"`
	Quotes         int          `json:"quotes"`
	Failed         int          `json:"failed"`
	Workers        int          `json:"workers"`
	CPUs           int          `json:"cpus"`
	Repeat         int          `json:"repeat"`
	Seconds        float64      `json:"seconds"`
	ArticlesPerSec float64      `json:"articles_per_sec"`
	TokensPerSec   float64      `json:"tokens_per_sec"`
	MBPerSec       float64      `json:"mb_per_sec"`
	PeakRSSMB      float64      `json:"peak_rss_mb"`
	Stages         []benchStage `json:"stages"`
	// LanguageSteps splits the language stage into its steps.
	LanguageSteps []benchStage `json:"language_steps"`
	// AllocsPerToken counts heap allocations over the run per token.
	AllocsPerToken float64 `json:"allocs_per_token"`
}

type benchStage struct {
	Name  string  `json:"name"`
	Share float64 `json:"share"` // of the time spent in stages, summed over workers
	// TokensPerSec is the stage's rate on one core.
	TokensPerSec float64 `json:"tokens_per_sec_per_core"`
}

func runBench(ctx context.Context, args []string, io stdio) error {
	var in inputFlags
	fs := newFlags("bench", "[flags] PATH...", `
Run the whole pipeline over a corpus and report articles/s, tokens/s, MB/s, the
share of time spent in each stage and the peak resident memory. Articles are
read into memory first, so reading is not measured; bad inputs are counted and
skipped. Example: dyad bench ../shared/data/wikinews`, io)
	repeat := fs.Int("repeat", 1, "analyze the corpus this many times")
	asJSON := fs.Bool("json", false, "print the report as one JSON object")
	in.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *repeat <= 0 {
		return usagef("--repeat must be positive")
	}
	opt, err := in.options(fs.Args(), io)
	if err != nil {
		return err
	}
	var corpus []*dyad.Article
	failed := 0
	for a, err := range in.articles(ctx, fs.Args(), opt) {
		if err != nil {
			failed++
			fmt.Fprintf(io.err, "dyad bench: %v\n", err)
			continue
		}
		corpus = append(corpus, a)
	}
	if len(corpus) == 0 {
		return fmt.Errorf("no articles to analyze")
	}
	an, err := in.analyzer(io)
	if err != nil {
		return err
	}
	// Warm up: load the matchers and tables outside the measured run.
	an.Analyze(&dyad.Article{Text: "Warm up."})
	before := an.Stats()
	la, err := lang.Load()
	if err != nil {
		return err
	}
	stepsBefore := la.StepTimes()
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	rep := benchReport{Failed: failed, Workers: an.Workers(), CPUs: runtime.NumCPU(), Repeat: *repeat}
	seq := func(yield func(*dyad.Article, error) bool) {
		for range *repeat {
			for _, a := range corpus {
				if !yield(a, nil) {
					return
				}
			}
		}
	}
	t0 := time.Now()
	err = an.Run(ctx, seq, func(it pipeline.Item) error {
		rep.Events += len(it.Doc.Events)
		rep.Quotes += len(it.Doc.Quotes)
		return nil
	})
	if err != nil {
		return err
	}
	elapsed := time.Since(t0)
	runtime.ReadMemStats(&ms1)
	after := an.Stats()
	fillReport(&rep, before, after, elapsed)
	if rep.Tokens > 0 {
		rep.AllocsPerToken = float64(ms1.Mallocs-ms0.Mallocs) / float64(rep.Tokens)
	}
	fillSteps(&rep, stepsBefore, la.StepTimes())
	if *asJSON {
		enc := json.NewEncoder(io.out)
		return enc.Encode(rep)
	}
	return printBench(io, rep)
}

func fillReport(rep *benchReport, before, after pipeline.Stats, elapsed time.Duration) {
	rep.Articles = after.Articles - before.Articles
	rep.Tokens = after.Tokens - before.Tokens
	rep.Bytes = after.Bytes - before.Bytes
	rep.Seconds = elapsed.Seconds()
	rep.ArticlesPerSec = float64(rep.Articles) / rep.Seconds
	rep.TokensPerSec = float64(rep.Tokens) / rep.Seconds
	rep.MBPerSec = float64(rep.Bytes) / 1e6 / rep.Seconds
	rep.PeakRSSMB = peakRSSMB()
	names := make([]string, len(after.Stages))
	spent := make([]time.Duration, len(after.Stages))
	for i, s := range after.Stages {
		names[i], spent[i] = s.Name, s.Time-before.Stages[i].Time
	}
	rep.Stages = shares(names, spent, rep.Tokens)
}

// fillSteps reports each language step's share of the layer's time and its
// rate on one core.
func fillSteps(rep *benchReport, before, after []lang.StepTime) {
	names := make([]string, len(after))
	spent := make([]time.Duration, len(after))
	for i, st := range after {
		names[i], spent[i] = st.Name, st.Time-before[i].Time
	}
	rep.LanguageSteps = shares(names, spent, rep.Tokens)
}

// shares turns the time spent in each part into its share of the whole and
// its rate in tokens per second on one core.
func shares(names []string, spent []time.Duration, tokens int64) []benchStage {
	var total time.Duration
	for _, d := range spent {
		total += d
	}
	out := make([]benchStage, len(names))
	for i, d := range spent {
		out[i].Name = names[i]
		if total > 0 {
			out[i].Share = float64(d) / float64(total)
		}
		if d > 0 {
			out[i].TokensPerSec = float64(tokens) / d.Seconds()
		}
	}
	return out
}

// peakRSSMB returns the process's peak resident set size in MB.
func peakRSSMB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // Linux reports KiB
}

func printBench(io stdio, rep benchReport) error {
	fmt.Fprintf(io.out, "articles   %d (%d failed to read), %d tokens, %.2f MB, repeat %d\n",
		rep.Articles, rep.Failed, rep.Tokens, float64(rep.Bytes)/1e6, rep.Repeat)
	fmt.Fprintf(io.out, "workers    %d on %d CPUs\n", rep.Workers, rep.CPUs)
	fmt.Fprintf(io.out, "time       %.3f s\n", rep.Seconds)
	fmt.Fprintf(io.out, "throughput %.1f articles/s, %.0f tokens/s, %.2f MB/s\n", rep.ArticlesPerSec, rep.TokensPerSec, rep.MBPerSec)
	fmt.Fprintf(io.out, "output     %d events, %d quotes\n", rep.Events, rep.Quotes)
	fmt.Fprintf(io.out, "peak RSS   %.1f MB\n\n", rep.PeakRSSMB)
	stages := append([]benchStage(nil), rep.Stages...)
	sort.SliceStable(stages, func(i, j int) bool { return stages[i].Share > stages[j].Share })
	tw := tabwriter.NewWriter(io.out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stage\tshare\ttokens/s per core\t")
	for _, s := range stages {
		fmt.Fprintf(tw, "%s\t%.1f%%\t%.0f\t\n", s.Name, 100*s.Share, s.TokensPerSec)
	}
	fmt.Fprintln(tw, "\t\t\t")
	fmt.Fprintln(tw, "language step\tshare\ttokens/s per core\t")
	for _, s := range rep.LanguageSteps {
		fmt.Fprintf(tw, "%s\t%.1f%%\t%.0f\t\n", s.Name, 100*s.Share, s.TokensPerSec)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(io.out, "\nallocations: %.1f per token\n", rep.AllocsPerToken)
	return err
}
