package dict

import (
	"fmt"
	"strings"
)

// Discard is a phrase whose presence means a sentence, or a whole story, is
// not to be coded (sports results, historical chronologies).
type Discard struct {
	Phrase string // as written, without the '+' and the final '_'; match it without regard to case
	// Story is set for entries written with a leading '+': the whole story is
	// skipped, not only the sentence.
	Story bool
	// WholeWord is set for entries written with a final '_': the match must end
	// at a blank or a punctuation mark; otherwise the phrase is a stem.
	WholeWord bool
	File      string
	Line      int
}

// discards reads a discard file.
func (p *parser) discards(text string) {
	eachLine(text, false, func(no int, line, _ string) bool {
		t := strings.TrimSpace(line)
		d := Discard{File: p.file, Line: no}
		if t[0] == '+' {
			d.Story, t = true, strings.TrimSpace(t[1:])
		}
		if strings.HasSuffix(t, "_") {
			d.WholeWord, t = true, strings.TrimRight(t, "_")
		}
		if strings.ContainsAny(t, "[]") {
			p.errorf(no, "discard %q holds a [code]; discards take none", t)
			return true
		}
		if d.Phrase = phrase(t); d.Phrase == "" {
			p.errorf(no, "empty discard phrase")
			return true
		}
		p.set.Discards = append(p.set.Discards, d)
		return true
	})
}

// Exclude says what an issue exclusion phrase cancels.
type Exclude uint8

// Exclusion kinds of an [Issue].
const (
	ExcludeNone     Exclude = iota // an ordinary phrase with a code
	ExcludeSentence                // "~PHRASE": no issue of the section in this sentence
	ExcludeStory                   // "~~PHRASE": no issue of the section in this story
)

// Issue is one phrase of an issue dictionary (Phoenix.IssueCoding.txt).
type Issue struct {
	Phrase   string   // as written, without the code and the '~' marks
	Forms    []string // upper-case forms to match, the n:, v: and '+' expansions applied
	Code     string   // empty for exclusions
	Category string   // CATEGORY of the enclosing <ISSUE> section, if any
	Exclude  Exclude
	File     string
	Line     int
}

// issues reads an issue file.
func (p *parser) issues(text string) {
	category := ""
	eachLine(text, false, func(no int, line, _ string) bool {
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, "</ISSUE"):
			category = ""
			return true
		case strings.HasPrefix(t, "<ISSUE"):
			category = attr(t, "CATEGORY")
			return true
		case strings.HasPrefix(t, "<"):
			p.errorf(no, "unknown tag %q", t)
			return true
		}
		is := Issue{Category: category, File: p.file, Line: no}
		switch {
		case strings.HasPrefix(t, "~~"):
			is.Exclude, t = ExcludeStory, t[2:]
		case strings.HasPrefix(t, "~"):
			is.Exclude, t = ExcludeSentence, t[1:]
		}
		if is.Exclude == ExcludeNone {
			open := strings.IndexByte(t, '[')
			if open < 0 {
				p.errorf(no, "issue %q has no [code]", t)
				return true
			}
			end := strings.IndexByte(t[open:], ']')
			if end < 0 {
				p.errorf(no, "unclosed bracket in %q", t[open:])
				return true
			}
			is.Code = strings.TrimSpace(t[open+1 : open+end])
			if is.Code == "" || strings.ContainsAny(is.Code, " \t[") {
				p.errorf(no, "bad issue code [%s]", t[open+1:open+end])
				return true
			}
			if rest := strings.TrimSpace(t[open+end+1:]); rest != "" {
				p.errorf(no, "unexpected %q after the code", rest)
				return true
			}
			t = t[:open]
		} else if strings.ContainsAny(t, "[]") {
			p.errorf(no, "exclusion %q holds a [code]; exclusions take none", t)
			return true
		}
		is.Phrase = strings.Join(strings.Fields(t), " ")
		if is.Phrase == "" {
			p.errorf(no, "empty issue phrase")
			return true
		}
		forms, err := issueForms(strings.ToUpper(is.Phrase))
		if err != nil {
			p.errorf(no, "%v", err)
			return true
		}
		is.Forms = forms
		p.set.Issues = append(p.set.Issues, is)
		return true
	})
}

// attr returns the value of name="value" in an XML-like tag.
func attr(tag, name string) string {
	i := strings.Index(tag, name+"=\"")
	if i < 0 {
		return ""
	}
	v := tag[i+len(name)+2:]
	if j := strings.IndexByte(v, '"'); j >= 0 {
		return v[:j]
	}
	return v
}

// issueForms expands the issue prefixes of an upper-case phrase as PETRARCH
// does: a '+' gives a blank and a hyphen version, then N:WORD gives WORD and
// its plural and V:WORD the verb and its regular forms (the prefix may follow
// other letters: PRE+N:SCHOOL gives PRE SCHOOL, PRE SCHOOLS, PRE-SCHOOL and
// PRE-SCHOOLS). The number of forms is bounded by maxExpansions before any is
// built.
func issueForms(ph string) ([]string, error) {
	n := 1
	for _, c := range []struct {
		sub    string
		factor int
	}{{"+", 2}, {"N:", 2}, {"V:", 4}} {
		for k := strings.Count(ph, c.sub); k > 0; k-- {
			if n *= c.factor; n > maxExpansions {
				return nil, fmt.Errorf("%q expands to more than %d forms", ph, maxExpansions)
			}
		}
	}
	var out []string
	for _, pf := range plusForms(ph) {
		words := strings.Fields(pf)
		if len(words) == 0 {
			continue
		}
		alts := make([][]string, len(words))
		for i, w := range words {
			a, err := wordForms(w)
			if err != nil {
				return nil, err
			}
			alts[i] = a
		}
		// count through every choice of one alternative per word
		pick := make([]int, len(words))
		parts := make([]string, len(words))
		for {
			for i := range words {
				parts[i] = alts[i][pick[i]]
			}
			out = append(out, strings.Join(parts, " "))
			i := len(words) - 1
			for ; i >= 0; i-- {
				if pick[i]++; pick[i] < len(alts[i]) {
					break
				}
				pick[i] = 0
			}
			if i < 0 {
				break
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("issue %q has no words", ph)
	}
	return out, nil
}

// wordForms expands one N: or V: prefix in w.
func wordForms(w string) ([]string, error) {
	n, v := strings.Index(w, "N:"), strings.Index(w, "V:")
	switch {
	case n >= 0 && (v < 0 || n < v):
		pre, root := w[:n], w[n+2:]
		if root == "" || strings.Contains(root, ":") {
			return nil, fmt.Errorf("bad noun prefix in %q", w)
		}
		return []string{pre + root, pre + Plural(root)}, nil
	case v >= 0:
		pre, root := w[:v], w[v+2:]
		if root == "" || strings.Contains(root, ":") {
			return nil, fmt.Errorf("bad verb prefix in %q", w)
		}
		f := VerbForms(root)
		return []string{pre + root, pre + f[0], pre + f[1], pre + f[2]}, nil
	}
	return []string{w}, nil
}

// plusForms gives every way of reading each '+' in s as a blank or a hyphen.
func plusForms(s string) []string {
	out := []string{s}
	for n := strings.Count(s, "+"); n > 0; n-- {
		next := make([]string, 0, 2*len(out))
		for _, o := range out {
			next = append(next, strings.Replace(o, "+", " ", 1), strings.Replace(o, "+", "-", 1))
		}
		out = next
	}
	return out
}
