package events

import (
	"bytes"
	"embed"
	"errors"
	"io/fs"

	"github.com/dyadproject/dyad/internal/dict"
	"github.com/dyadproject/dyad/internal/ontology"
)

//go:embed patterns/*.txt discards.txt
var embedded embed.FS

// DefaultPatterns loads the pattern dictionary embedded in the binary: every
// patterns/*.txt file, in name order, and the discards of discards.txt. A
// bad line in any file is an error naming it.
func DefaultPatterns(ont *ontology.Ontology) (*Patterns, error) {
	names, err := fs.Glob(embedded, "patterns/*.txt")
	if err != nil {
		return nil, err
	}
	p := EmptyPatterns()
	var errs []error
	for _, name := range names {
		data, err := embedded.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if err := p.Add(name[len("patterns/"):], bytes.NewReader(data), ont); err != nil {
			errs = append(errs, err)
		}
	}
	data, err := embedded.ReadFile("discards.txt")
	if err != nil {
		return nil, err
	}
	ds, bad, err := dict.Parse("discards.txt", data, dict.KindDiscards)
	if err != nil {
		return nil, err
	}
	errs = append(errs, bad...)
	p.discards = ds.Discards
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return p, nil
}
