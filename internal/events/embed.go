package events

import (
	"bytes"
	"embed"

	"github.com/dyadproject/dyad/internal/ontology"
)

//go:embed patterns/*.txt
var embedded embed.FS

// DefaultPatterns loads the pattern dictionary embedded in the binary.
func DefaultPatterns(ont *ontology.Ontology) (*Patterns, error) {
	data, err := embedded.ReadFile("patterns/verbs.txt")
	if err != nil {
		return nil, err
	}
	return ParsePatterns("verbs.txt", bytes.NewReader(data), ont)
}
