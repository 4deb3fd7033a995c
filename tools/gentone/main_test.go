package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyadproject/dyad/internal/shareddata"
)

// TestReproducible regenerates the polarity table from the shared data and
// checks that it equals the committed one byte for byte.
func TestReproducible(t *testing.T) {
	data := shareddata.Path(t, "tone")
	out := t.TempDir()
	if err := run(filepath.Dir(data), out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"polarity.tsv", "PROVENANCE.md"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", "internal", "themes", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the committed file: run go run ./tools/gentone", name)
		}
	}
}
