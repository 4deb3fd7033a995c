package events

import (
	"fmt"
	"strings"

	"github.com/dyadproject/dyad/internal/dict"
	"github.com/dyadproject/dyad/internal/ontology"
)

// DictStats counts what AddDictionary made of a verb dictionary.
type DictStats struct {
	// Verbs is the number of verbs read and VerbPatterns the default
	// patterns made from them ("VERB +" with the verb's code).
	Verbs, VerbPatterns int
	// Patterns is the number of dictionary patterns read, Converted those
	// expressed in dyad's pattern language.
	Patterns, Converted int
	// Skipped counts the dictionary patterns dyad cannot express yet, by
	// reason.
	Skipped map[string]int
}

// AddDictionary adds the verbs and patterns of CAMEO/PETRARCH verb
// dictionaries (read by package dict) to p, each with its dictionary's
// file:line as its source. It is a first, partial translation:
//
//   - every single-word verb, or multi-word verb inflected on its first word
//     ("ASK FOR"), with a code gives "VERB +": the verb and a target within
//     three tokens, coded with the verb's code;
//   - a pattern with nothing before the verb becomes the verb followed by
//     its phrases: words as words, a synonym set as the alternatives of its
//     one-word phrases, "+" as the target, "^" as a gap, a prepositional
//     phrase as its preposition and objects, with a gap before each noun
//     phrase that does not start with the target (for its determiners and
//     adjectives); a pattern without "+" also gets variants with a target
//     after it, directly or after a preposition, as PETRARCH takes the
//     target from the object or a prepositional phrase;
//   - not yet: phrases before the verb, "$" and "%" slots, synonym sets with
//     several words in a phrase, codes that are not CAMEO codes ("075A") or
//     that code no event ("---"), and multi-word verbs inflected on a later
//     word. These are counted in DictStats.Skipped by reason.
func (p *Patterns) AddDictionary(set *dict.Set, ont *ontology.Ontology) DictStats {
	st := DictStats{Skipped: map[string]int{}}
	add := func(code, text, source string) bool {
		pat, err := parseLine(code+" "+text, ont)
		if err != nil {
			return false
		}
		pat.Source = source
		p.all = append(p.all, pat)
		for w := range pat.elems[0].words {
			p.byKey[w] = append(p.byKey[w], pat)
		}
		return true
	}
	for _, vs := range set.Verbs {
		var heads []string // the verbs' lemmas, as the first words of patterns
		for _, v := range vs.Verbs {
			st.Verbs++
			words := strings.Fields(strings.ToLower(v.Lemma))
			if len(words) == 0 || v.Head != 0 {
				st.Skipped["verb inflected on a later word"]++
				continue
			}
			lemma := strings.Join(words, " ")
			heads = append(heads, lemma)
			if code := v.Code; code != "" && code != "---" {
				if add(code, lemma+" +", fmt.Sprintf("%s:%d", v.File, v.Line)) {
					st.VerbPatterns++
				} else {
					st.Skipped["verb code not in CAMEO"]++
				}
			}
		}
		for _, pt := range vs.Patterns {
			st.Patterns++
			code, _ := pt.Codes()
			if code == "" || code == "---" {
				st.Skipped["codes no event (---)"]++
				continue
			}
			if len(pt.Before) > 0 {
				st.Skipped["phrases before the verb"]++
				continue
			}
			rest, why := convertPhrases(set, vs.File, pt.After)
			if why != "" {
				st.Skipped[why]++
				continue
			}
			converted := false
			for _, h := range heads {
				src := fmt.Sprintf("%s:%d", pt.File, pt.Line)
				if add(code, h+" "+rest, src) {
					converted = true
				}
				if !strings.Contains(rest, "+") {
					// PETRARCH takes the target from the object or a
					// prepositional phrase when the pattern names none.
					add(code, h+" "+rest+" +", src)
					add(code, h+" "+rest+" =with|to|against|on|for|from|toward|towards|of|in|at|over|into +", src)
				}
			}
			if converted {
				st.Converted++
			} else {
				st.Skipped["code not in CAMEO"]++
			}
		}
	}
	return st
}

// convertPhrases writes dictionary phrases in dyad's pattern language, or
// says why it cannot.
func convertPhrases(set *dict.Set, file string, phrases []dict.Phrase) (string, string) {
	var out []string
	for _, ph := range phrases {
		switch ph.Kind {
		case dict.PhrasePrep:
			if len(ph.Words) == 0 {
				return "", "empty prepositional phrase"
			}
			w, why := convertToken(set, file, ph.Words[0])
			if why != "" {
				return "", why
			}
			out = append(out, w)
			rest, why := convertPhrases(set, file, ph.Objects)
			if why != "" {
				return "", why
			}
			if rest != "" {
				out = append(out, rest)
			}
		default:
			for i, t := range ph.Words {
				if i == 0 && t.Kind != dict.TokTarget && t.Kind != dict.TokSkip && (len(out) == 0 || out[len(out)-1] != "...") {
					out = append(out, "...") // determiners and adjectives before the noun
				}
				w, why := convertToken(set, file, t)
				if why != "" {
					return "", why
				}
				if w == "..." && len(out) > 0 && out[len(out)-1] == "..." {
					continue
				}
				out = append(out, w)
			}
		}
	}
	for len(out) > 0 && out[len(out)-1] == "..." {
		out = out[:len(out)-1]
	}
	return strings.Join(out, " "), ""
}

// convertToken writes one pattern word.
func convertToken(set *dict.Set, file string, t dict.Token) (string, string) {
	switch t.Kind {
	case dict.TokWord:
		words := strings.Fields(strings.ToLower(t.Text))
		for i, w := range words {
			words[i] = "=" + w
		}
		return strings.Join(words, " "), ""
	case dict.TokTarget:
		return "+", ""
	case dict.TokSkip:
		return "...", ""
	case dict.TokSynset:
		syn, ok := set.Synset(file, t.Text)
		if !ok {
			return "", "unknown synonym set"
		}
		var alts []string
		for _, f := range syn.Forms {
			if strings.ContainsAny(f, " &") {
				return "", "synonym set with several words in a phrase"
			}
			alts = append(alts, strings.ToLower(f))
		}
		if len(alts) == 0 {
			return "", "empty synonym set"
		}
		return "=" + strings.Join(alts, "|"), ""
	}
	return "", "source or compound slot ($, %)"
}
