package events

import "strings"

// irregular lists the past tense and past participle of irregular verbs that
// occur in event patterns.
var irregular = map[string][2]string{
	"meet": {"met", "met"}, "hold": {"held", "held"}, "send": {"sent", "sent"}, "give": {"gave", "given"},
	"make": {"made", "made"}, "take": {"took", "taken"}, "fight": {"fought", "fought"},
	"shoot": {"shot", "shot"}, "strike": {"struck", "struck"}, "lead": {"led", "led"},
	"win": {"won", "won"}, "break": {"broke", "broken"}, "speak": {"spoke", "spoken"},
	"tell": {"told", "told"}, "say": {"said", "said"}, "bring": {"brought", "brought"},
	"buy": {"bought", "bought"}, "sell": {"sold", "sold"}, "leave": {"left", "left"},
	"begin": {"began", "begun"}, "withdraw": {"withdrew", "withdrawn"}, "fly": {"flew", "flown"},
	"throw": {"threw", "thrown"}, "beat": {"beat", "beaten"}, "drive": {"drove", "driven"},
	"set": {"set", "set"}, "put": {"put", "put"}, "cut": {"cut", "cut"}, "hit": {"hit", "hit"},
	"let": {"let", "let"}, "shut": {"shut", "shut"}, "write": {"wrote", "written"},
	"seek": {"sought", "sought"}, "keep": {"kept", "kept"}, "lose": {"lost", "lost"},
	"stand": {"stood", "stood"}, "undertake": {"undertook", "undertaken"},
	"overthrow": {"overthrew", "overthrown"}, "forgive": {"forgave", "forgiven"},
	"freeze": {"froze", "frozen"}, "steal": {"stole", "stolen"}, "swear": {"swore", "sworn"},
	"draw": {"drew", "drawn"}, "see": {"saw", "seen"}, "go": {"went", "gone"}, "come": {"came", "come"},
	"run": {"ran", "run"}, "get": {"got", "gotten"}, "find": {"found", "found"}, "pay": {"paid", "paid"},
	"lay": {"laid", "laid"}, "build": {"built", "built"}, "lend": {"lent", "lent"},
	"deal": {"dealt", "dealt"}, "flee": {"fled", "fled"}, "bind": {"bound", "bound"},
	"shake": {"shook", "shaken"}, "seize": {"seized", "seized"}, "rebuild": {"rebuilt", "rebuilt"},
	"forbid": {"forbade", "forbidden"}, "bid": {"bid", "bid"}, "spread": {"spread", "spread"},
	"upset": {"upset", "upset"}, "blow": {"blew", "blown"}, "bear": {"bore", "borne"},
	"hear": {"heard", "heard"}, "mean": {"meant", "meant"}, "feel": {"felt", "felt"},
	"think": {"thought", "thought"}, "teach": {"taught", "taught"}, "catch": {"caught", "caught"},
	"wage": {"waged", "waged"}, "sign": {"signed", "signed"}, "slay": {"slew", "slain"},
	"overrun": {"overran", "overrun"}, "rise": {"rose", "risen"}, "arise": {"arose", "arisen"},
	"be": {"was", "been"}, "have": {"had", "had"}, "do": {"did", "done"},
}

// Inflect returns lemma and its inflected forms: third person singular, past
// tense, past participle and present participle. For a regular verb ending in
// consonant-vowel-consonant it returns both the doubled and the plain forms
// (admitted, visited), since spelling alone cannot tell which is right and a
// form that never occurs costs nothing.
func Inflect(lemma string) []string {
	forms := []string{lemma}
	add := func(f ...string) {
		for _, s := range f {
			if s != "" && !contains(forms, s) {
				forms = append(forms, s)
			}
		}
	}
	switch lemma {
	case "be":
		add("is", "are", "am", "was", "were", "been", "being")
		return forms
	case "have":
		add("has", "had", "having")
		return forms
	case "do":
		add("does", "did", "done", "doing")
		return forms
	}
	n := len(lemma)
	last := lemma[n-1]
	switch {
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "x") || strings.HasSuffix(lemma, "z") ||
		strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "o"):
		add(lemma + "es")
	case last == 'y' && n > 1 && !isVowel(lemma[n-2]):
		add(lemma[:n-1] + "ies")
	default:
		add(lemma + "s")
	}
	if irr, ok := irregular[lemma]; ok {
		add(irr[0], irr[1])
	} else {
		switch {
		case last == 'e':
			add(lemma + "d")
		case last == 'y' && n > 1 && !isVowel(lemma[n-2]):
			add(lemma[:n-1] + "ied")
		default:
			if cvc(lemma) {
				add(lemma + string(last) + "ed")
			}
			add(lemma + "ed")
		}
	}
	switch {
	case strings.HasSuffix(lemma, "ie"):
		add(lemma[:n-2] + "ying")
	case last == 'e' && !strings.HasSuffix(lemma, "ee") && n > 2:
		add(lemma[:n-1] + "ing")
	default:
		if cvc(lemma) {
			add(lemma + string(last) + "ing")
		}
		add(lemma + "ing")
	}
	return forms
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// cvc reports whether w ends in consonant, vowel, consonant (not w, x or y),
// the shape whose final consonant may double.
func cvc(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	a, b, c := w[n-3], w[n-2], w[n-1]
	return !isVowel(a) && isVowel(b) && !isVowel(c) && strings.IndexByte("wxy", c) < 0
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}
