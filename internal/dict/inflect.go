package dict

import "strings"

// Plural returns the regular English plural of the last word of phrase, in
// the phrase's letter case: CH, SH, S, X and Z take -ES, a consonant before a
// final Y becomes -IES, everything else takes -S. "FOREIGN MINISTER" gives
// "FOREIGN MINISTERS", "ATTORNEY" gives "ATTORNEYS", "MILITARY" "MILITARIES".
func Plural(phrase string) string {
	n := len(phrase)
	if n == 0 {
		return ""
	}
	lower := phrase[n-1] >= 'a' && phrase[n-1] <= 'z'
	sfx := func(s string) string {
		if lower {
			return strings.ToLower(s)
		}
		return s
	}
	last := upper(phrase[n-1])
	prev := byte(0)
	if n > 1 {
		prev = upper(phrase[n-2])
	}
	switch {
	case last == 'S' || last == 'X' || last == 'Z' || (last == 'H' && (prev == 'C' || prev == 'S')):
		return phrase + sfx("ES")
	case last == 'Y' && n > 1 && !isVowel(prev) && prev != ' ':
		return phrase[:n-1] + sfx("IES")
	}
	return phrase + sfx("S")
}

// VerbForms returns the regular third-person, past and present-participle
// forms of an English verb: ATTACK gives ATTACKS, ATTACKED, ATTACKING; AGREE
// gives AGREES, AGREED, AGREEING; RELY gives RELIES, RELIED, RELYING.
// Doubling of final consonants is not guessed: dictionaries list those verbs'
// forms in {...}.
func VerbForms(verb string) [3]string {
	n := len(verb)
	if n == 0 {
		return [3]string{}
	}
	lower := verb[n-1] >= 'a' && verb[n-1] <= 'z'
	sfx := func(s string) string {
		if lower {
			return strings.ToLower(s)
		}
		return s
	}
	last := upper(verb[n-1])
	prev := byte(0)
	if n > 1 {
		prev = upper(verb[n-2])
	}
	var f [3]string
	switch {
	case last == 'Y' && n > 1 && !isVowel(prev):
		f[0] = verb[:n-1] + sfx("IES")
		f[1] = verb[:n-1] + sfx("IED")
		f[2] = verb + sfx("ING")
	case last == 'E':
		f[0] = verb + sfx("S")
		f[1] = verb + sfx("D")
		if isVowel(prev) {
			f[2] = verb + sfx("ING") // AGREEING, HOEING
		} else {
			f[2] = verb[:n-1] + sfx("ING")
		}
	default:
		if last == 'S' || last == 'X' || last == 'Z' || (last == 'H' && (prev == 'C' || prev == 'S')) {
			f[0] = verb + sfx("ES")
		} else {
			f[0] = verb + sfx("S")
		}
		f[1] = verb + sfx("ED")
		f[2] = verb + sfx("ING")
	}
	return f
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

func isVowel(c byte) bool {
	switch upper(c) {
	case 'A', 'E', 'I', 'O', 'U':
		return true
	}
	return false
}
