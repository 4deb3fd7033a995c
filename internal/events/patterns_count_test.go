package events

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/lang"
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
	// Alternatives are single words: "near|around|close to" reads as
	// "(near|around|close) to", so "near" alone never matches. Phrases the
	// patterns use split across a '|' are caught here.
	for _, p := range ps.all {
		fs := strings.Fields(p.Text)
		for i := 0; i+1 < len(fs); i++ {
			alts := strings.Split(strings.TrimPrefix(fs[i], "="), "|")
			if len(alts) < 2 {
				continue
			}
			// "hand|turn over" is fine: every alternative makes a phrase
			// with the next word.
			var split []string
			for _, a := range alts {
				if splitPhrases[strings.ToLower(a)+" "+strings.ToLower(fs[i+1])] {
					split = append(split, a+" "+fs[i+1])
				}
			}
			if len(split) > 0 && len(split) < len(alts) {
				t.Errorf("%s: %q splits the phrase %q across alternatives; write one pattern per phrase", p.Source, p.Text, split[0])
			}
		}
	}
	if !slices.ContainsFunc(ps.all, func(p *Pattern) bool { return strings.HasPrefix(p.Source, "verbs.txt:") }) {
		t.Error("verbs.txt was not loaded")
	}
}

// splitPhrases are two-word phrases that must not be written as the last
// alternative of one field followed by the next field.
var splitPhrases = wordSetPairs("close to", "next to", "in front", "out of", "ahead of", "search and", "debt relief",
	"road map", "down on", "step up", "water cannon", "water cannons", "rubber bullets", "pepper spray", "tear gas",
	"hand over", "turn over", "stun grenades", "petrol bombs", "molotov cocktails", "plastic bullets")

func wordSetPairs(phrases ...string) map[string]bool {
	m := map[string]bool{}
	for _, p := range phrases {
		m[p] = true
	}
	return m
}

// benchText is invented news in the shape the dictionary is written for.
const benchText = `France and India signed a defence agreement on Monday. ` +
	`Russia accused Ukraine of shelling a border village. ` +
	`China urged Japan to show restraint and called for talks between the two sides. ` +
	`Germany imposed sanctions on Iran and recalled its ambassador from Tehran. ` +
	`Protesters marched against the government in Belgrade, and police fired tear gas. ` +
	`The United States pledged $300 million in humanitarian aid to Sudan. ` +
	`Turkey threatened to cut off gas supplies to Greece. ` +
	`Israel and Egypt held talks in Cairo on the release of hostages.`

// BenchmarkCoder codes a parsed eight-sentence story with the embedded
// dictionary, and reports sentences per second.
func BenchmarkCoder(b *testing.B) {
	ont, err := ontology.Load()
	if err != nil {
		b.Fatal(err)
	}
	ps, err := DefaultPatterns(ont)
	if err != nil {
		b.Fatal(err)
	}
	c := NewCoder(ps, ont)
	doc := dyad.NewDocument(&dyad.Article{Text: benchText, Date: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	an, err := lang.Load()
	if err != nil {
		b.Fatal(err)
	}
	if err := an.Process(doc); err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"France", "India", "Russia", "Ukraine", "China", "Japan", "Germany", "Iran",
		"Tehran", "Belgrade", "United States", "Sudan", "Turkey", "Greece", "Israel", "Egypt", "Cairo"} {
		s := strings.Index(benchText, name)
		idx := len(doc.Actors)
		doc.Actors = append(doc.Actors, dyad.Actor{ID: "a" + name, Text: name, Code: strings.ToUpper(name[:3]), Kind: "country"})
		doc.Mentions = append(doc.Mentions, dyad.Mention{Span: dyad.Span{Start: s, End: s + len(name)}, Text: name, Actor: idx, Place: -1})
	}
	slices.SortFunc(doc.Mentions, func(a, b dyad.Mention) int { return a.Start - b.Start })
	b.ReportAllocs()
	b.ResetTimer()
	events := 0
	for b.Loop() {
		doc.Events = doc.Events[:0]
		if err := c.Process(doc); err != nil {
			b.Fatal(err)
		}
		events = len(doc.Events)
	}
	b.ReportMetric(float64(len(doc.Sentences))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(events), "events/doc")
}

// BenchmarkDefaultPatterns measures loading the embedded dictionary, a
// cost paid once at start-up.
func BenchmarkDefaultPatterns(b *testing.B) {
	ont, err := ontology.Load()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		ps, err := DefaultPatterns(ont)
		if err != nil {
			b.Fatal(err)
		}
		n = ps.Len()
	}
	b.ReportMetric(float64(n), "patterns")
}
