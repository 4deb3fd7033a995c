package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titles are abbreviations that precede a name; a sentence never ends after one.
var titles = setOf("mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt",
	"cpt", "sgt", "adm", "cmdr", "prof", "rev", "st", "pres", "amb", "hon", "fr", "messrs",
	"brig", "cpl", "pvt", "gens", "reps", "sens", "supt", "insp", "det", "atty", "vs", "v",
	"sec", "lieut", "mt")

// numberTitles are abbreviations only before a number: "No. 5", "Nos. 3".
var numberTitles = setOf("no", "nos", "art")

// months are month abbreviations; they end a sentence only before a word that
// usually starts one.
var months = setOf("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// others are abbreviations that may end a sentence.
var others = setOf("inc", "corp", "ltd", "co", "bros", "etc", "approx", "dept", "est", "govt", "assn",
	"univ", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ave", "blvd",
	"p.m", "a.m", "u.s", "u.k", "u.n", "e.u", "d.c", "e.g", "i.e", "u.s.a", "plc", "llc", "al", "cf",
	"ph.d", "ibid", "op", "vol", "pp", "fig", "ca", "jr", "sr", "ft")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// isAbbreviation reports whether word followed by a period is an abbreviation
// or an initial; rest is the text after the period.
func isAbbreviation(word, rest string) bool {
	lw := strings.ToLower(word)
	if titles[lw] || months[lw] || others[lw] {
		return true
	}
	if numberTitles[lw] {
		rest = strings.TrimLeft(rest, " ")
		return rest != "" && rest[0] >= '0' && rest[0] <= '9'
	}
	// Initials and dotted acronyms: "F.", "U.S.", "a.m.".
	if strings.Contains(word, ".") {
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r) && !strings.HasPrefix(rest, "\n")
	}
	return false
}

// abbreviationClass tells how an abbreviation token behaves at a possible
// sentence end.
type abbreviationClass uint8

const (
	notAbbrev abbreviationClass = iota
	titleAbbrev
	monthAbbrev
	initialAbbrev
	otherAbbrev
)

func classify(tokenText string) abbreviationClass {
	if !strings.HasSuffix(tokenText, ".") || len(tokenText) < 2 {
		return notAbbrev
	}
	w := strings.ToLower(tokenText[:len(tokenText)-1])
	switch {
	case titles[w] || numberTitles[w]:
		return titleAbbrev
	case months[w]:
		return monthAbbrev
	case utf8.RuneCountInString(w) == 1:
		return initialAbbrev
	}
	return otherAbbrev
}

// starters are capitalized words that usually begin a sentence; after an
// abbreviation that may end one ("U.S."), such a word starts a new sentence.
var starters = setOf("the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that",
	"these", "those", "but", "and", "or", "so", "yet", "in", "on", "at", "as", "if", "when", "while",
	"after", "before", "meanwhile", "however", "his", "her", "their", "its", "our", "my", "there",
	"some", "many", "most", "no", "not", "both", "other", "others", "officials", "since", "although",
	"though", "because", "during", "earlier", "later", "last", "next", "on", "for", "from", "with",
	"what", "who", "why", "how", "where", "under", "about", "according", "also", "still", "each",
	"all", "one", "two", "three", "several", "such", "then", "now", "today", "yesterday", "tomorrow")
