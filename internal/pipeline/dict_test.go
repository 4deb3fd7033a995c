package pipeline

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/shareddata"
)

// phoenixPaths returns the Phoenix actor and agent dictionaries.
func phoenixPaths(tb testing.TB) []string {
	tb.Helper()
	d := shareddata.Path(tb, "cameo-dictionaries")
	return []string{filepath.Join(d, "Phoenix.Countries.actors.txt"), filepath.Join(d, "Phoenix.International.actors.txt"),
		filepath.Join(d, "Phoenix.MilNonState.actors.txt"), filepath.Join(d, "Phoenix.agents.txt")}
}

// loadPhoenix builds the standard stages with every Phoenix dictionary and
// runs them on one article, so the matcher is built too.
func loadPhoenix(tb testing.TB, paths []string) (*dyad.Document, int) {
	tb.Helper()
	skipped := 0
	stages, err := Standard(Options{DictPaths: paths, Warn: func(error) { skipped++ }})
	if err != nil {
		tb.Fatal(err)
	}
	a := &dyad.Article{Text: "Barack Obama met Chinese President Hu Jintao in Beijing.",
		Date: time.Date(2010, 6, 1, 0, 0, 0, 0, time.UTC)}
	doc := dyad.NewDocument(a)
	for _, s := range stages {
		if err := s.Process(doc); err != nil {
			tb.Fatal(err)
		}
	}
	return doc, skipped
}

// TestPhoenixDictionaries loads every Phoenix actor and agent dictionary and
// checks that their entries are used. The load time is reported by
// BenchmarkLoadPhoenix, not asserted.
func TestPhoenixDictionaries(t *testing.T) {
	paths := phoenixPaths(t)
	start := time.Now()
	doc, skipped := loadPhoenix(t, paths)
	t.Logf("Phoenix dictionaries loaded and matcher built in %v (%d malformed entries skipped)", time.Since(start), skipped)
	if skipped == 0 {
		t.Error("the Phoenix files have malformed entries; none was reported")
	}
	var src []string
	found := false
	for _, a := range doc.Actors {
		src = append(src, a.Name+"="+a.Code+"@"+a.Source)
		// The dictionary's entry replaces the table's terms: its source is
		// the Phoenix file's line.
		if a.Name == "Hu Jintao" && a.Code == "CHNGOV" && strings.HasPrefix(filepath.Base(a.Source), "Phoenix.Countries.actors.txt:") {
			found = true
		}
	}
	if !found {
		t.Errorf("Hu Jintao not coded from the Phoenix files: %v", src)
	}
}

func BenchmarkLoadPhoenix(b *testing.B) {
	paths := phoenixPaths(b)
	for b.Loop() {
		loadPhoenix(b, paths)
	}
}
