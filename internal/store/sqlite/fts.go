package sqlite

import (
	"strings"

	"github.com/dyadproject/dyad/internal/store"
)

// ftsQuery turns a user's search string (read by store.ParseSearch) into an
// FTS5 query that matches the rows containing all of its words: each word
// an FTS5 string, so no input is read as FTS5 syntax, a phrase one string of
// its words, a prefix a string followed by '*'. It returns "" when s has no
// word.
func ftsQuery(s string) string {
	var terms []string
	for _, t := range store.ParseSearch(s) {
		q := `"` + strings.Join(t.Words, " ") + `"`
		if t.Prefix {
			q += "*"
		}
		terms = append(terms, q)
	}
	return strings.Join(terms, " ")
}
