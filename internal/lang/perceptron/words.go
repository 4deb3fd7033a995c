package perceptron

import (
	"unicode"
	"unicode/utf8"
)

// AppendShape appends to b the shape of w: upper-case letters as X, others
// as x, digits as d, other ASCII characters as themselves and the rest as ?,
// with runs of X, x or d collapsed ("McCain" → "XxXx", "2026" → "d", "U.S."
// → "X.X."). It appends at most limit bytes: the tagger's features use 9,
// the recognizer's 8, as their models were trained.
func AppendShape(b []byte, w string, limit int) []byte {
	start := len(b)
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '?'
		}
		if c != last || c != 'x' && c != 'X' && c != 'd' {
			b = append(b, c)
		}
		last = c
		if len(b)-start >= limit {
			break
		}
	}
	return b
}

// Prefix returns the first n runes of s, or s if it is shorter.
func Prefix(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

// Suffix returns the last n runes of s, or s if it is shorter.
func Suffix(s string, n int) string {
	i := len(s)
	for c := 0; c < n && i > 0; c++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}
