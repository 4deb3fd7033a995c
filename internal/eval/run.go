package eval

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/article"
	"github.com/dyadproject/dyad/internal/pipeline"
	"github.com/dyadproject/dyad/internal/sample"
)

// RunSample analyzes the embedded sample corpus with an and scores it
// against gold (the embedded EXPECTED.md when gold is nil). It returns the
// report and the results, in corpus order.
func RunSample(an *pipeline.Analyzer, gold []byte) (Report, []Story, []dyad.Result, error) {
	if gold == nil {
		gold = sample.Expected()
	}
	stories, err := ParseSample(bytes.NewReader(gold))
	if err != nil {
		return Report{}, nil, nil, err
	}
	var results []dyad.Result
	for _, f := range sample.Files() {
		for a, err := range article.ReadBytes(path.Join("sample", f.Name), f.Data, article.Options{}) {
			if err != nil {
				return Report{}, nil, nil, err
			}
			results = append(results, an.Analyze(a).Result())
		}
	}
	return ScoreSample(stories, results), stories, results, nil
}

// WriteDetails writes, story by story, the gold events and quotes beside
// what dyad found, for a person looking for what to improve.
func WriteDetails(w io.Writer, stories []Story, results []dyad.Result) {
	byName := map[string]dyad.Result{}
	for _, r := range results {
		byName[path.Base(r.Input)] = r
	}
	for _, st := range stories {
		r := byName[st.Name]
		fmt.Fprintf(w, "== %s\n", st.Name)
		for _, g := range st.Events {
			tgt := g.Target
			if tgt == "" {
				tgt = "—"
			}
			flags := ""
			if g.Negated {
				flags += " negated"
			}
			if g.Optional {
				flags += " optional"
			}
			fmt.Fprintf(w, "  gold  %-10s %-14s %-10s%s (line %d)\n", g.Source, strings.Join(g.Codes, "|"), tgt, flags, g.Line)
		}
		for _, e := range r.Events {
			tgt := "—"
			if e.Target != nil {
				tgt = e.Target.Code
			}
			flags := ""
			if e.Negated {
				flags += " negated"
			}
			fmt.Fprintf(w, "  dyad  %-10s %-14s %-10s%s %s: %q\n", e.Source.Code, e.CAMEO, tgt, flags, e.Modality, e.Evidence.Trigger.Text)
		}
		for _, g := range st.Quotes {
			fmt.Fprintf(w, "  gold  quote %s ← %s\n", clip(g.Text, 60), strings.Join(g.Speakers, "+"))
		}
		for _, q := range r.Quotes {
			sp := "—"
			if q.Speaker != nil {
				sp = q.Speaker.Text + " = " + q.Speaker.Code
			}
			fmt.Fprintf(w, "  dyad  %s %q ← %s\n", q.Kind, clip(q.Text, 60), sp)
		}
	}
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
