package postgres

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxWords bounds the words of one search, so that a long search string
// cannot make an expensive query; later words are ignored.
const maxWords = 32

// tsQuery turns a user's search string into to_tsquery text that matches the
// rows containing all of its words, with the rules of the SQLite store's
// search. Words are runs of letters, digits and marks; each becomes a quoted
// lexeme, so no input is read as tsquery syntax. Words between double quotes
// form a phrase (an unclosed quote runs to the end); a '*' right after a word
// outside a phrase makes it a prefix. It returns "" when s has no word.
func tsQuery(s string) string {
	var terms, phrase []string
	inPhrase := false
	flushPhrase := func() {
		if len(phrase) > 0 {
			terms = append(terms, "("+strings.Join(phrase, " <-> ")+")")
		}
		phrase = nil
	}
	for words := 0; s != "" && words < maxWords; {
		r, size := utf8.DecodeRuneInString(s)
		if !isWordRune(r) {
			s = s[size:]
			if r == '"' {
				if inPhrase {
					flushPhrase()
				}
				inPhrase = !inPhrase
			}
			continue
		}
		for size < len(s) {
			r, n := utf8.DecodeRuneInString(s[size:])
			if !isWordRune(r) {
				break
			}
			size += n
		}
		w := "'" + s[:size] + "'"
		s = s[size:]
		words++
		switch {
		case inPhrase:
			phrase = append(phrase, w)
		case strings.HasPrefix(s, "*"):
			terms = append(terms, w+":*")
			s = s[1:]
		default:
			terms = append(terms, w)
		}
	}
	flushPhrase()
	return strings.Join(terms, " & ")
}

// isWordRune reports whether r belongs to a search word. U+FFFD, which
// stands for invalid UTF-8, does not, so words are always valid UTF-8.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}
