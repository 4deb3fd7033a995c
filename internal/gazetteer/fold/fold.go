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
	"sync"
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
	latin := latinTable()
	var scratch [32]byte
	for _, r := range name {
		switch {
		case 'A' <= r && r <= 'Z':
			emit(r + 'a' - 'A')
			continue
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			emit(r)
			continue
		case r == '\'' || r == '.' || r == '`':
			continue
		case r < 0x80:
			space = true
			continue
		}
		if r < latinEnd {
			f := latin[r-0x80]
			if f == "-" {
				space = true
			}
			for _, c := range f {
				if c != '-' {
					emit(c)
				}
			}
			continue
		}
		for _, d := range string(norm.NFD.AppendString(scratch[:0], string(r))) {
			switch {
			case unicode.Is(unicode.Mn, d):
			case isApostrophe(d):
			case unicode.IsLetter(d) || unicode.IsDigit(d):
				if s, ok := special[d]; ok {
					for _, c := range s {
						emit(c)
					}
					continue
				}
				emit(unicode.ToLower(d))
			default:
				space = true
			}
		}
	}
	return dst
}

// latinEnd bounds the runes latinTable folds: Latin-1 Supplement, Latin
// Extended-A and -B, IPA, spacing modifiers, combining marks, Greek and
// Cyrillic.
const latinEnd = 0x530

// latinTable maps each rune in [0x80, latinEnd) to what it folds to: its
// letters, "" for a mark or apostrophe, "-" for a separator. Most place
// names fall in this range, and decomposing them rune by rune through norm
// allocates; the table is built once.
var latinTable = sync.OnceValue(func() []string {
	t := make([]string, latinEnd-0x80)
	for r := rune(0x80); r < latinEnd; r++ {
		var b []byte
		sep := false
		for _, d := range norm.NFD.String(string(r)) {
			switch {
			case unicode.Is(unicode.Mn, d) || isApostrophe(d):
			case unicode.IsLetter(d) || unicode.IsDigit(d):
				if s, ok := special[d]; ok {
					b = append(b, s...)
				} else {
					b = utf8.AppendRune(b, unicode.ToLower(d))
				}
			default:
				sep = true
			}
		}
		if sep && len(b) == 0 {
			t[r-0x80] = "-"
		} else {
			t[r-0x80] = string(b)
		}
	}
	return t
})

func isApostrophe(r rune) bool {
	return r == '\'' || r == '.' || r == '’' || r == 'ʻ' || r == 'ʼ' || r == '`' || r == '‘'
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

// Loose returns a looser form of a key for the transliteration variants of
// Slavic names, which news and GeoNames spell differently: y and i count as
// one letter and a run of i's as one i, so "avdiivka" and "avdiyivka",
// "mykolaiv" and "mykolayiv", "izium" and "izyum" share a loose key. Use it
// only when the exact key finds nothing.
func Loose(key string) string {
	if !strings.ContainsAny(key, "y") && !strings.Contains(key, "ii") {
		return key
	}
	b := make([]byte, 0, len(key))
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c == 'y' {
			c = 'i'
		}
		if c == 'i' && len(b) > 0 && b[len(b)-1] == 'i' {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}
