// Package fold turns place names into the keys the gazetteer indexes them by,
// so that a name matches however the text writes its case, accents, hyphens
// and apostrophes: "São Paulo", "SAO PAULO" and "Sao Paulo" share the key
// "sao paulo"; "Ma'rib" and "Marib" share "marib"; "Saint-Denis" and
// "Saint Denis" share "saint denis".
//
// It is its own package because both the gazetteer and its generator
// (tools/gengazetteer) must fold names identically.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special maps letters that Unicode does not decompose into a base letter
// and a mark.
var special = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d",
	'ı': "i", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'Þ': "th", 'ð': "d", 'Ð': "d", 'ħ': "h", 'Ħ': "h",
}

// Key returns the folded key of name: letters and digits lower-cased and
// stripped of accents, apostrophes and full stops dropped, every other run
// of punctuation or space turned into one space, no leading or trailing
// space. It never fails; a name of only punctuation folds to "".
func Key(name string) string {
	if isKey(name) {
		return name
	}
	return string(AppendKey(make([]byte, 0, len(name)), name))
}

// AppendKey appends the folded key of name to dst and returns the extended
// buffer, so that callers folding many names can reuse one buffer.
func AppendKey(dst []byte, name string) []byte {
	start := len(dst)
	space := false
	emit := func(c byte) {
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = append(dst, c)
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return appendUnicode(dst[:start], name)
		case 'A' <= c && c <= 'Z':
			emit(c + 'a' - 'A')
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			emit(c)
		case c == '\'' || c == '.' || c == '`':
		default:
			space = true
		}
	}
	return dst
}

// appendUnicode is AppendKey for names with non-ASCII letters.
func appendUnicode(dst []byte, name string) []byte {
	start := len(dst)
	space := false
	emit := func(r rune) {
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, r)
	}
	for _, r := range norm.NFD.String(strings.ToValidUTF8(name, " ")) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '.' || r == '’' || r == 'ʻ' || r == 'ʼ' || r == '`' || r == '‘':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if s, ok := special[r]; ok {
				for _, c := range s {
					emit(c)
				}
				continue
			}
			emit(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return dst
}

// isKey reports whether name is already a key: ASCII lower-case letters and
// digits with single inner spaces.
func isKey(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case c == ' ' && i > 0 && i < len(name)-1 && name[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}
