package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/dyadproject/dyad/internal/eval"
)

func runEval(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("eval", "sample [flags]", `
Score dyad against gold data. 'dyad eval sample' analyzes the embedded sample
news and compares it with their hand coding (internal/sample/EXPECTED.md):
events by precision, recall and F1 (strict CAMEO code, and by root), direct
quotes by precision, recall and F1, and speakers by accuracy over the quotes
found. Event precision is a lower bound: the gold lists the main events only.`, io)
	gold := fs.String("gold", "", "gold `file` in the EXPECTED.md format (default: the embedded one)")
	asJSON := fs.Bool("json", false, "print the report as one JSON object")
	details := fs.Bool("details", false, "also list, story by story, the gold beside what dyad found")
	set := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		set, args = args[0], args[1:]
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if set == "" && fs.NArg() == 1 {
		set = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return usagef("unexpected arguments %v", fs.Args())
	}
	if set != "sample" {
		return usagef("want 'dyad eval sample'; other gold sets come with later versions")
	}
	var goldData []byte
	if *gold != "" {
		b, err := os.ReadFile(*gold)
		if err != nil {
			return fmt.Errorf("read gold: %w", err)
		}
		goldData = b
	}
	in := inputFlags{}
	an, err := in.analyzer()
	if err != nil {
		return err
	}
	rep, stories, results, err := eval.RunSample(an, goldData)
	if err != nil {
		return err
	}
	if *details {
		eval.WriteDetails(io.out, stories, results)
	}
	if *asJSON {
		return json.NewEncoder(io.out).Encode(rep)
	}
	row := func(name string, p eval.PRF) {
		fmt.Fprintf(io.out, "%-16s P %.3f  R %.3f  F1 %.3f   (%d of %d predicted correct, %d of %d gold found)\n",
			name, p.Precision, p.Recall, p.F1, int(p.Precision*float64(p.Predicted)+0.5), p.Predicted, p.TruePos, p.Gold)
	}
	fmt.Fprintf(io.out, "sample gold: %d stories\n", rep.Stories)
	row("events", rep.Events)
	row("events by root", rep.EventsByRoot)
	row("direct quotes", rep.Quotes)
	fmt.Fprintf(io.out, "%-16s %.3f of %d quotes with a gold speaker\n", "speaker accuracy", rep.SpeakerAcc, rep.SpeakersScored)
	return nil
}
