package lemma

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// normalize appends s to dst with typographic quotes, dashes and the
// ellipsis replaced by the ASCII characters EWT lemmas use (“ → ", ’ → ',
// — → -, … → .).
func normalize(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '‘', '’', '‚', '′':
			dst = append(dst, '\'')
		case '“', '”', '„', '″':
			dst = append(dst, '"')
		case '–', '—', '‐', '‑', '−':
			dst = append(dst, '-')
		case '…':
			dst = append(dst, '.')
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// lowerCase appends s lowercased to dst; invalid UTF-8 bytes are copied.
func lowerCase(dst, s []byte) []byte { return mapCase(dst, s, 'A', unicode.ToLower) }

// upperCase appends s uppercased to dst; invalid UTF-8 bytes are copied.
func upperCase(dst, s []byte) []byte { return mapCase(dst, s, 'a', unicode.ToUpper) }

// mapCase appends s to dst with every letter mapped by to; from is the first
// ASCII letter that changes ('A' to lower, 'a' to upper), handled without
// decoding on the fast path.
func mapCase(dst, s []byte, from byte, to func(rune) rune) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if from <= c && c <= from+'z'-'a' {
				c ^= 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, c)
		} else {
			dst = utf8.AppendRune(dst, to(r))
		}
		i += size
	}
	return dst
}

// shapeOf returns the case pattern of s.
func shapeOf(s []byte) shape {
	var upper, lower, digits int
	firstUpper, first := false, true
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s[i:])
		}
		i += size
		if !unicode.IsLetter(r) {
			if unicode.IsDigit(r) {
				digits++
			}
			continue
		}
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			upper++
			firstUpper = firstUpper || first
		} else {
			lower++
		}
		first = false
	}
	switch {
	case upper == 0 && lower == 0:
		return shapeNone
	case upper == 0:
		return shapeLower
	case digits > 0:
		return shapeCode
	case upper == 1 && firstUpper:
		return shapeTitle
	case lower == 0 && upper <= 4:
		return shapeAcronym
	case lower == 0:
		return shapeUpper
	}
	return shapeMixed
}

// recase gives the lowercased lemma core the case that cls asks for, given
// the normalized form norm and its lowercased lf. It appends to dst or
// returns core itself.
func recase(dst []byte, cls caseClass, sh shape, norm, lf, core []byte) []byte {
	switch {
	case cls == caseTitle:
		r, size := utf8.DecodeRune(core)
		if size == 0 || r == utf8.RuneError && size == 1 {
			return core
		}
		dst = utf8.AppendRune(dst, unicode.ToUpper(r))
		return append(dst, core[size:]...)
	case cls == caseLower || sh <= shapeLower || len(norm) != len(lf):
		return core
	}
	// Keep the form's case on the part of the lemma it shares with the
	// form; an appended ending follows an all-capital form.
	p := 0
	for p < len(core) && p < len(lf) && core[p] == lf[p] {
		p++
	}
	for p > 0 && (p < len(core) && !utf8.RuneStart(core[p]) || p < len(norm) && !utf8.RuneStart(norm[p])) {
		p--
	}
	dst = append(dst, norm[:p]...)
	if sh == shapeUpper || sh == shapeAcronym {
		return upperCase(dst, core[p:])
	}
	return append(dst, core[p:]...)
}

// groupedNumber appends lf without its commas when it is a number written
// with thousands separators ("1,200,000" or "3,202.61"), as EWT lemmas are.
func groupedNumber(dst, lf []byte) ([]byte, bool) {
	whole := lf
	if i := bytes.IndexByte(lf, '.'); i >= 0 {
		whole = lf[:i]
		frac := lf[i+1:]
		if len(frac) == 0 || bytes.ContainsFunc(frac, func(r rune) bool { return r < '0' || r > '9' }) {
			return dst, false
		}
	}
	n, commas := 0, 0 // n counts the digits of the current group
	for _, c := range whole {
		switch {
		case '0' <= c && c <= '9':
			n++
		case c == ',' && n >= 1 && (commas == 0 && n <= 3 || n == 3):
			commas++
			n = 0
		default:
			return dst, false
		}
	}
	if commas == 0 || n != 3 {
		return dst, false
	}
	for _, c := range lf {
		if c != ',' {
			dst = append(dst, c)
		}
	}
	return dst, true
}

// editOf returns the edit that turns from into to, both lowercased: the
// bytes after their common prefix, cut at a rune boundary.
func editOf(from, to string) edit {
	p := 0
	for p < len(from) && p < len(to) && from[p] == to[p] {
		p++
	}
	for p > 0 && (p < len(from) && !utf8.RuneStart(from[p]) || p < len(to) && !utf8.RuneStart(to[p])) {
		p--
	}
	return edit{cut: len(from) - p, add: to[p:]}
}
