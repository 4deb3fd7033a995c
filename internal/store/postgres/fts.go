package postgres

import (
	"strings"

	"github.com/dyadproject/dyad/internal/store"
)

// tsQuery turns a user's search string (read by store.ParseSearch, the rules
// of the SQLite store's search) into to_tsquery text that matches the rows
// containing all of its words: each word a quoted lexeme, so no input is
// read as tsquery syntax, a phrase its lexemes joined by <->, a prefix a
// lexeme with :*. It returns "" when s has no word.
func tsQuery(s string) string {
	var terms []string
	for _, t := range store.ParseSearch(s) {
		ws := make([]string, len(t.Words))
		for i, w := range t.Words {
			ws[i] = "'" + w + "'"
		}
		switch {
		case t.Phrase:
			terms = append(terms, "("+strings.Join(ws, " <-> ")+")")
		case t.Prefix:
			terms = append(terms, ws[0]+":*")
		default:
			terms = append(terms, ws[0])
		}
	}
	return strings.Join(terms, " & ")
}
