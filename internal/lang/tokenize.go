package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// Tokenize appends the tokens of text[start:end] to out and returns it. Offsets
// are into text.
func Tokenize(text string, start, end int, out []dyad.Token) []dyad.Token {
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isURLStart(text[i:end]):
			j := scanURL(text, i, end)
			out = append(out, tok(text, i, j, dyad.URL))
			i = j
		case isWordRune(r):
			out, i = appendWord(out, text, i, scanWord(text, i, end), end)
		case isQuoteRune(r):
			out = append(out, tok(text, i, i+size, dyad.QuoteMark))
			i += size
		case r == '\'' || r == '‘' || r == '’':
			out = appendApostrophe(out, text, i, size, end)
			i += size
		default:
			j := scanPunct(text, i, end, r, size)
			kind := dyad.Punct
			if unicode.IsSymbol(r) || strings.ContainsRune("%&#@*", r) {
				kind = dyad.Symbol
			}
			out = append(out, tok(text, i, j, kind))
			i = j
		}
	}
	return out
}

func tok(text string, i, j int, kind dyad.TokenKind) dyad.Token {
	return dyad.Token{Span: dyad.Span{Start: i, End: j}, Text: text[i:j], Kind: kind}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‟':
		return true
	}
	return false
}

func isURLStart(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

func scanURL(text string, i, end int) int {
	j := i
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:end])
		if unicode.IsSpace(r) || isQuoteRune(r) || r == '<' || r == '>' {
			break
		}
		j += size
	}
	// Sentence punctuation after a URL belongs to the sentence.
	for j > i {
		c := text[j-1]
		if strings.IndexByte(".,;:!?)]'", c) < 0 {
			break
		}
		j--
	}
	return j
}

// scanWord returns the end of the word starting at i: letters, digits and
// marks, joined by a hyphen, period, comma, slash, colon, apostrophe or
// ampersand when a letter or digit follows ("U.S", "1,200", "24/7", "AT&T",
// "O'Brien"). A trailing period is handled by appendWord.
func scanWord(text string, i, end int) int {
	j := i
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:end])
		if isWordRune(r) {
			j += size
			continue
		}
		if j+size >= end {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[j+size : end])
		prev, _ := utf8.DecodeLastRuneInString(text[i:j])
		joined := false
		switch r {
		case '-', '‐', '‑':
			// Hyphenated words split as in UD English ("Al - Zaman"),
			// except after a prefix ("non-human", "e-mail") and between
			// digits ("713-853-4411").
			seg := lastSegment(text[i:j])
			joined = isWordRune(next) && (hyphenPrefixes[strings.ToLower(seg)] ||
				unicode.IsDigit(prev) && unicode.IsDigit(next))
		case '&':
			joined = isWordRune(next)
		case '.':
			// "U.S", "a.m", "3.5", "reuters.com" but not "end.Next".
			joined = isWordRune(next) && (unicode.IsDigit(prev) && unicode.IsDigit(next) ||
				segmentLen(text[i:j]) == 1 || unicode.IsLower(prev) && isDomainTail(text[j+size:end]))
		case ',', ':', '/':
			joined = unicode.IsDigit(prev) && unicode.IsDigit(next)
		case '\'', '’':
			joined = unicode.IsLetter(prev) && unicode.IsLetter(next)
		case '@':
			joined = isWordRune(next) && strings.ContainsRune(text[j:min(end, j+64)], '.')
		}
		if !joined {
			break
		}
		j += size
	}
	return j
}

// appendWord appends the word text[i:j], attaching a following period when
// the word is an abbreviation or initial, and splitting clitics. It returns
// the tokens and the end of what it consumed.
func appendWord(out []dyad.Token, text string, i, j, end int) ([]dyad.Token, int) {
	kind := dyad.Word
	if isNumber(text[i:j]) {
		kind = dyad.Number
	}
	if j < end && text[j] == '.' && kind == dyad.Word && isAbbreviation(text[i:j], text[j+1:end]) {
		return append(out, tok(text, i, j+1, dyad.Word)), j + 1
	}
	w := text[i:j]
	if k := cliticStart(w); k > 0 {
		out = append(out, tok(text, i, i+k, kind))
		return append(out, tok(text, i+k, j, dyad.Word)), j
	}
	return append(out, tok(text, i, j, kind)), j
}

func isNumber(w string) bool {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if (c < '0' || c > '9') && strings.IndexByte(".,:/-", c) < 0 {
			return false
		}
	}
	return true
}

// fusedWords are written as one word but are two in UD English: "cannot" is
// "can" + "not". The value is the length of the first part.
var fusedWords = map[string]int{"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3}

// cliticStart returns the offset in w where a clitic starts ("France's" → 6,
// "didn't" → 3, "cannot" → 3), or 0.
func cliticStart(w string) int {
	lw := strings.ToLower(w)
	if k, ok := fusedWords[lw]; ok {
		return k
	}
	for _, apo := range []string{"'", "’"} {
		if strings.HasSuffix(lw, "n"+apo+"t") && len(lw) > 3+len(apo) {
			return len(w) - 2 - len(apo)
		}
		for _, c := range []string{"s", "re", "ve", "ll", "d", "m"} {
			suf := apo + c
			if strings.HasSuffix(lw, suf) && len(lw) > len(suf) {
				return len(w) - len(suf)
			}
		}
	}
	return 0
}

// appendApostrophe handles a lone apostrophe or single quotation mark: the
// possessive of a plural ("ministers'") is a clitic, anything else a quote mark.
func appendApostrophe(out []dyad.Token, text string, i, size, end int) []dyad.Token {
	if n := len(out); n > 0 && out[n-1].End == i && out[n-1].Kind == dyad.Word {
		prev := out[n-1].Text
		nextLetter := false
		if i+size < end {
			r, _ := utf8.DecodeRuneInString(text[i+size : end])
			nextLetter = unicode.IsLetter(r)
		}
		if !nextLetter && strings.HasSuffix(prev, "s") {
			return append(out, tok(text, i, i+size, dyad.Word))
		}
	}
	return append(out, tok(text, i, i+size, dyad.QuoteMark))
}

func scanPunct(text string, i, end int, r rune, size int) int {
	switch r {
	case '-':
		j := i
		for j < end && text[j] == '-' {
			j++
		}
		return j
	case '.':
		j := i
		for j < end && text[j] == '.' {
			j++
		}
		return j
	}
	return i + size
}

// hyphenPrefixes are the prefixes that stay attached to the word after their
// hyphen in UD English EWT.
var hyphenPrefixes = setOf("e", "non", "mid", "pre", "anti", "re", "post", "co", "pro", "multi", "ex", "sub",
	"semi", "psycho", "neo", "cross", "over", "inter", "intra", "counter", "pan", "trans", "ultra", "vice",
	"bi", "tri", "micro", "macro", "mini", "quasi", "pseudo", "socio", "geo")

// lastSegment returns w after its last hyphen.
func lastSegment(w string) string {
	if k := strings.LastIndexAny(w, "-‐‑"); k >= 0 {
		_, size := utf8.DecodeRuneInString(w[k:])
		return w[k+size:]
	}
	return w
}

// segmentLen counts the runes of w after its last period.
func segmentLen(w string) int {
	if k := strings.LastIndexByte(w, '.'); k >= 0 {
		w = w[k+1:]
	}
	return utf8.RuneCountInString(w)
}

var topLevelDomains = setOf("com", "org", "net", "gov", "edu", "int", "mil", "io", "uk", "kr", "jp",
	"cn", "ru", "fr", "de", "in", "au", "ca", "eu", "info", "news")

// isDomainTail reports whether s starts with a top-level domain followed by a
// non-word character: the "com" of "reuters.com".
func isDomainTail(s string) bool {
	k := 0
	for k < len(s) && (s[k] >= 'a' && s[k] <= 'z') {
		k++
	}
	if k < len(s) {
		r, _ := utf8.DecodeRuneInString(s[k:])
		if isWordRune(r) {
			return false
		}
	}
	return topLevelDomains[s[:k]]
}
