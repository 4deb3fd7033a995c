package events

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/internal/ontology"
)

// The dictionary's coverage promise (issue 5): at least 2,000 patterns over
// all 20 CAMEO roots, and no root left with a token share.
const (
	minPatterns        = 2000
	minPatternsPerRoot = 20
)

func defaultPatterns(t *testing.T) *Patterns {
	t.Helper()
	ont, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := DefaultPatterns(ont)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// TestPatternCoverage counts the embedded patterns per CAMEO root.
func TestPatternCoverage(t *testing.T) {
	ps := defaultPatterns(t)
	perRoot := map[string]int{}
	for _, p := range ps.all {
		perRoot[p.Code[:2]]++
	}
	var report []string
	for r := 1; r <= 20; r++ {
		root := fmt.Sprintf("%02d", r)
		report = append(report, fmt.Sprintf("%s:%d", root, perRoot[root]))
		if perRoot[root] < minPatternsPerRoot {
			t.Errorf("root %s has %d patterns, want at least %d", root, perRoot[root], minPatternsPerRoot)
		}
	}
	t.Logf("%d patterns; per root %s", ps.Len(), strings.Join(report, " "))
	if ps.Len() < minPatterns {
		t.Errorf("%d patterns, want at least %d", ps.Len(), minPatterns)
	}
}

// TestPatternLint checks what the loader cannot: a pattern written twice,
// and a first word that the target slot must be able to skip.
func TestPatternLint(t *testing.T) {
	ps := defaultPatterns(t)
	seen := map[string]string{}
	for _, p := range ps.all {
		key := p.Code + " " + p.Text
		if first, ok := seen[key]; ok {
			t.Errorf("%s repeats %s: %s", p.Source, first, key)
		}
		seen[key] = p.Source
		// A word that starts a pattern stops a target slot from skipping
		// it, so a determiner as a first word would hide targets such as
		// "attacked the two rival camps" from every other pattern.
		first := strings.Fields(p.Text)[0]
		for _, w := range strings.Split(strings.TrimPrefix(first, "="), "|") {
			if determiners[strings.ToLower(w)] {
				t.Errorf("%s: pattern %q starts with the determiner %q", p.Source, p.Text, w)
			}
		}
	}
	// Hyphens are tokens of their own: "de-escalate" as one word never
	// matches; it must be written "de - escalate".
	for _, p := range ps.all {
		for _, f := range strings.Fields(p.Text) {
			for _, alt := range strings.Split(strings.TrimPrefix(f, "="), "|") {
				if strings.Contains(alt, "-") && alt != "-" {
					t.Errorf("%s: %q has a hyphen inside a word; write it as separate tokens", p.Source, alt)
				}
			}
		}
	}
	if !slices.ContainsFunc(ps.all, func(p *Pattern) bool { return strings.HasPrefix(p.Source, "verbs.txt:") }) {
		t.Error("verbs.txt was not loaded")
	}
}
