package store

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxSearchWords bounds the words of one search, so that a long search
// string cannot make an expensive query; later words are ignored.
const MaxSearchWords = 32

// SearchTerm is one term of a user's search string, which a store writes in
// its own full-text syntax: a word, a phrase of words between double quotes,
// or a word followed by '*' (a prefix).
type SearchTerm struct {
	Words  []string
	Phrase bool
	Prefix bool
}

// ParseSearch reads a user's search string, the rules both stores share:
// words are runs of letters, digits and marks, so no input is read as query
// syntax; words between double quotes form a phrase (an unclosed quote runs
// to the end); a '*' right after a word outside a phrase makes it a prefix;
// at most MaxSearchWords words are read. It returns nil when s has no word.
func ParseSearch(s string) []SearchTerm {
	var terms []SearchTerm
	var phrase []string
	inPhrase := false
	flushPhrase := func() {
		if len(phrase) > 0 {
			terms = append(terms, SearchTerm{Words: phrase, Phrase: true})
		}
		phrase = nil
	}
	for words := 0; s != "" && words < MaxSearchWords; {
		r, size := utf8.DecodeRuneInString(s)
		if !IsSearchRune(r) {
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
			if !IsSearchRune(r) {
				break
			}
			size += n
		}
		w := s[:size]
		s = s[size:]
		words++
		switch {
		case inPhrase:
			phrase = append(phrase, w)
		case strings.HasPrefix(s, "*"):
			terms = append(terms, SearchTerm{Words: []string{w}, Prefix: true})
			s = s[1:]
		default:
			terms = append(terms, SearchTerm{Words: []string{w}})
		}
	}
	flushPhrase()
	return terms
}

// IsSearchRune reports whether r belongs to a search word. U+FFFD, which
// stands for invalid UTF-8, does not, so words are always valid UTF-8.
func IsSearchRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}
