package dict

import (
	"fmt"
	"strings"
)

// VerbSet is one verb block: the verbs that share a list of patterns. It
// starts with a line "--- NAME [CODE] ---".
type VerbSet struct {
	Name     string // the block's name, e.g. "ACCELERATE"
	Code     string // the block's code, "---" (no event) when none is given
	Verbs    []Verb
	Patterns []Pattern
	File     string
	Line     int
}

// Verb is one verb of a block, possibly a multi-word verb such as CORDON OFF.
type Verb struct {
	Lemma string   // the base form, words joined by blanks: "ASK FOR"
	Head  int      // index in Lemma's words of the inflected word (marked '+' in multi-word verbs)
	Forms []string // the other forms of the whole phrase: given in {...} or generated
	Code  string   // the verb's own code, or else its block's
	File  string
	Line  int
}

// Pattern is a verb pattern, "- PRE * POST [CODE] # comment": phrases that
// must come before and after the verb (at '*'). A word alone is the head of a
// noun phrase; words joined by '_' must be consecutive; {A B C} is a noun
// phrase whose head is its last word; (PREP ...) is a prepositional phrase
// whose first word is the preposition. '$' marks the source, '+' the target,
// '^' a skipped phrase, '%' a compound actor, &NAME a synonym set.
type Pattern struct {
	Before []Phrase
	After  []Phrase
	// AtVerbBefore and AtVerbAfter say that the last phrase before the
	// verb ends right before it, or the first after it starts right after
	// it: a '_' joins them to the '*' ("RECENTLY_*", "*_AND_WOUND").
	AtVerbBefore, AtVerbAfter bool
	Code                      string // as written: "042", "042:043", ":173", "---"
	Comment                   string // after '#': often the verb the pattern was written for
	File                      string
	Line                      int
}

// Codes splits a TABARI complex code "042:043" into the code of the event
// from source to target and the code of the reverse event, from target to
// source. A plain code has no reverse code; ":173" has only a reverse one.
func (p *Pattern) Codes() (forward, reverse string) {
	if i := strings.IndexByte(p.Code, ':'); i >= 0 {
		return p.Code[:i], p.Code[i+1:]
	}
	return p.Code, ""
}

// String writes the pattern back in a canonical dictionary form, without the
// leading "- " and the comment: "(FOR {FINANCIAL AID}) * $ [0231]".
func (p *Pattern) String() string {
	var b strings.Builder
	for i, ph := range p.Before {
		ph.write(&b)
		if i == len(p.Before)-1 && p.AtVerbBefore {
			b.WriteByte('_')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('*')
	for i, ph := range p.After {
		if i == 0 && p.AtVerbAfter {
			b.WriteByte('_')
		} else {
			b.WriteByte(' ')
		}
		ph.write(&b)
	}
	b.WriteString(" [")
	b.WriteString(p.Code)
	b.WriteByte(']')
	return b.String()
}

// PhraseKind is the kind of a pattern [Phrase].
type PhraseKind uint8

// Phrase kinds.
const (
	PhraseNoun  PhraseKind = iota // a head word, or consecutive words joined by '_'
	PhraseGroup                   // {A B HEAD}: a noun phrase, its head last
	PhrasePrep                    // (PREP OBJECT...): Words[0] is the preposition
)

// Phrase is one element of a pattern.
type Phrase struct {
	Kind    PhraseKind
	Words   []Token  // noun: its words; group: its words, head last; prep: the preposition
	Objects []Phrase // prep only: the noun phrases it governs
}

func (ph *Phrase) write(b *strings.Builder) {
	switch ph.Kind {
	case PhraseNoun:
		for i, w := range ph.Words {
			if i > 0 {
				b.WriteByte('_')
			}
			b.WriteString(w.Text)
		}
	case PhraseGroup:
		b.WriteByte('{')
		for i, w := range ph.Words {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w.Text)
		}
		b.WriteByte('}')
	case PhrasePrep:
		b.WriteByte('(')
		if len(ph.Words) > 0 {
			b.WriteString(ph.Words[0].Text)
		}
		for _, o := range ph.Objects {
			b.WriteByte(' ')
			o.write(b)
		}
		b.WriteByte(')')
	}
}

// TokenKind is the kind of a pattern [Token].
type TokenKind uint8

// Token kinds.
const (
	TokWord     TokenKind = iota // a literal word
	TokSynset                    // &NAME: any phrase of the synonym set
	TokSource                    // $: the source actor
	TokTarget                    // +: the target actor
	TokSkip                      // ^: a phrase to skip
	TokCompound                  // %: a compound actor, source and target at once
)

// Token is one word of a pattern phrase.
type Token struct {
	Kind TokenKind
	Text string // as written: "AID", "&CURRENCY", "$"
}

// Synset is a synonym set of a verb file, "&NAME" followed by "+PHRASE"
// lines. Patterns and other synsets refer to it as &NAME.
type Synset struct {
	Name     string   // with its '&', without a final '_': "&CURRENCY"
	Phrases  []string // as written, underscores read as blanks; may name other synsets
	Forms    []string // the phrases and their generated plurals
	NoPlural bool     // the label ended with '_': no plurals for any phrase
	File     string
	Line     int
}

// Transform is a verb transformation, "~ a (a b ATTACK) SAY = a b 015": when
// the pattern on the left holds, the event on the right is coded instead.
type Transform struct {
	Pattern string // left of '=', blanks normalized
	Result  string // right of '='
	File    string
	Line    int
}

// verbParser holds the state of one verb file.
type verbParser struct {
	*parser
	block      *VerbSet // nil before the first block or after a bad header
	badBlock   bool     // the current header was malformed: skip its lines
	synset     *Synset  // the synset whose '+' lines are being read
	synsetLine map[string]int
}

// verbs reads a verb file.
func (p *parser) verbs(text string) {
	v := &verbParser{parser: p, synsetLine: map[string]int{}}
	eachLine(text, true, func(no int, line, comment string) bool {
		v.line(no, strings.TrimSpace(line), comment)
		return true
	})
	v.endSynset()
	v.endBlock()
	v.checkSynsets()
}

func (v *verbParser) line(no int, t, comment string) {
	if t[0] == '+' && v.synset != nil {
		v.member(no, t[1:])
		return
	}
	v.endSynset()
	switch {
	case strings.HasPrefix(t, "---"):
		v.endBlock()
		v.header(no, t)
	case t[0] == '&':
		v.startSynset(no, t)
	case t[0] == '~':
		v.transform(no, t[1:])
	case v.badBlock:
	case t[0] == '-':
		if v.block == nil {
			v.errorf(no, "pattern outside a --- block")
			return
		}
		pat, err := parsePattern(t[1:])
		if err != nil {
			v.errorf(no, "%v", err)
			return
		}
		pat.Comment, pat.File, pat.Line = comment, v.file, no
		v.block.Patterns = append(v.block.Patterns, pat)
	default:
		if v.block == nil {
			v.errorf(no, "verb %q outside a --- block", t)
			return
		}
		vb, err := parseVerb(t, v.block.Code)
		if err != nil {
			v.errorf(no, "%v", err)
			return
		}
		vb.File, vb.Line = v.file, no
		v.block.Verbs = append(v.block.Verbs, vb)
	}
}

func (v *verbParser) endBlock() {
	if v.block != nil {
		v.set.Verbs = append(v.set.Verbs, *v.block)
		v.block = nil
	}
}

// header reads "--- NAME [CODE] ---".
func (v *verbParser) header(no int, t string) {
	v.badBlock = true
	body := strings.TrimSpace(strings.Trim(t, "-"))
	code := "---"
	if i := strings.IndexByte(body, '['); i >= 0 {
		j := strings.IndexByte(body[i:], ']')
		if j < 0 {
			v.errorf(no, "unclosed bracket in block header %q; block skipped", t)
			return
		}
		code = strings.TrimSpace(body[i+1 : i+j])
		if err := checkCode(code); err != nil {
			v.errorf(no, "%v; block skipped", err)
			return
		}
		if rest := strings.TrimSpace(strings.Trim(body[i+j+1:], "- \t")); rest != "" {
			if !strings.HasPrefix(rest, "[") || !strings.HasSuffix(rest, "]") {
				v.errorf(no, "unexpected %q after the block code; block skipped", rest)
				return
			}
			// "--- DELAY [120] [031:031] ---": PETRARCH reads the first
			// code; so does dyad, and says so.
			v.errorf(no, "second code %s after the block code ignored: the block keeps [%s]", rest, code)
		}
		body = body[:i]
	}
	name := phrase(body)
	if name == "" {
		v.errorf(no, "block header %q has no name; block skipped", t)
		return
	}
	v.badBlock = false
	v.block = &VerbSet{Name: name, Code: code, File: v.file, Line: no}
}

// checkCode accepts codes made of letters, digits, '-', '+' (TABARI's +++)
// and one ':'.
func checkCode(code string) error {
	if code == "" {
		return fmt.Errorf("empty code []")
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '+' || c == ':') {
			return fmt.Errorf("bad code [%s]: only letters, digits, '-', '+' and ':' are allowed", code)
		}
	}
	if strings.Count(code, ":") > 1 || code == ":" {
		return fmt.Errorf("bad code [%s]: at most one ':' between two codes", code)
	}
	return nil
}

// parseVerb reads "VERB {FORMS} [CODE]", "+ASK_FOR {+ASKED_FOR ...}" or
// "WIRE_+TAP".
func parseVerb(t, blockCode string) (Verb, error) {
	vb := Verb{Code: blockCode}
	if i := strings.IndexByte(t, '['); i >= 0 {
		j := strings.IndexByte(t[i:], ']')
		if j < 0 {
			return vb, fmt.Errorf("unclosed bracket in %q", t[i:])
		}
		code := strings.TrimSpace(t[i+1 : i+j])
		if err := checkCode(code); err != nil {
			return vb, err
		}
		if rest := strings.TrimSpace(t[i+j+1:]); rest != "" {
			return vb, fmt.Errorf("unexpected %q after the verb's code", rest)
		}
		vb.Code, t = code, strings.TrimSpace(t[:i])
	}
	var forms []string
	given := false
	if i := strings.IndexByte(t, '{'); i >= 0 {
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			return vb, fmt.Errorf("unclosed brace in %q", t[i:])
		}
		if rest := strings.TrimSpace(t[i+j+1:]); rest != "" {
			return vb, fmt.Errorf("unexpected %q after the verb's forms", rest)
		}
		for _, f := range strings.Fields(t[i+1 : i+j]) {
			if f = phrase(strings.ReplaceAll(f, "+", "")); f != "" {
				forms = append(forms, f)
			}
		}
		given, t = true, strings.TrimSpace(t[:i])
	} else if strings.IndexByte(t, '}') >= 0 {
		return vb, fmt.Errorf("'}' without '{' in %q", t)
	}
	if t == "" {
		return vb, fmt.Errorf("verb line without a verb")
	}
	if strings.ContainsAny(t, " \t") {
		return vb, fmt.Errorf("verb %q holds a blank: join the words of a multi-word verb with '_'", t)
	}
	words, head, err := verbWords(t)
	if err != nil {
		return vb, err
	}
	vb.Lemma, vb.Head = strings.Join(words, " "), head
	if !given {
		for _, f := range VerbForms(words[head]) {
			w := append([]string(nil), words...)
			w[head] = f
			forms = append(forms, strings.Join(w, " "))
		}
	}
	vb.Forms = forms
	return vb, nil
}

// verbWords splits "WIRE_+TAP" into its words and the index of the verb word.
func verbWords(t string) ([]string, int, error) {
	var words []string
	head := -1
	for _, w := range strings.Split(t, "_") {
		if w == "" {
			continue
		}
		if strings.HasPrefix(w, "+") {
			if head >= 0 {
				return nil, 0, fmt.Errorf("verb %q marks more than one word with '+'", t)
			}
			head, w = len(words), w[1:]
		}
		if w == "" || strings.ContainsAny(w, "+{}[]()*$%^&") {
			return nil, 0, fmt.Errorf("bad verb %q", t)
		}
		words = append(words, w)
	}
	switch {
	case len(words) == 0:
		return nil, 0, fmt.Errorf("bad verb %q", t)
	case head < 0 && len(words) > 1:
		return nil, 0, fmt.Errorf("multi-word verb %q needs a '+' before its verb word", t)
	case head < 0:
		head = 0
	}
	return words, head, nil
}

func (v *verbParser) startSynset(no int, t string) {
	name := t
	if strings.ContainsAny(name, " \t[]{}()") || len(name) < 2 {
		v.errorf(no, "bad synset label %q", t)
		v.synset = &Synset{} // swallow its members
		return
	}
	s := &Synset{Name: name, File: v.file, Line: no}
	if strings.HasSuffix(name, "_") {
		s.Name, s.NoPlural = strings.TrimRight(name, "_"), true
	}
	if prev, ok := v.synsetLine[s.Name]; ok {
		v.errorf(no, "synset %s already defined on line %d", s.Name, prev)
		v.synset = &Synset{}
		return
	}
	v.synsetLine[s.Name] = no
	v.synset = s
}

func (v *verbParser) member(no int, t string) {
	s := v.synset
	if s.Name == "" {
		return // a bad label's member, already reported
	}
	t = strings.TrimSpace(t)
	noPlural := s.NoPlural || strings.HasSuffix(t, "_")
	ph := phrase(t)
	if ph == "" {
		v.errorf(no, "empty phrase in synset %s", s.Name)
		return
	}
	for _, w := range strings.Fields(ph) {
		if strings.ContainsAny(w, "$+%^*{}()[]") {
			v.errorf(no, "synset phrase %q may hold only words", ph)
			return
		}
	}
	s.Phrases = append(s.Phrases, ph)
	s.Forms = append(s.Forms, ph)
	if !noPlural && ph[0] != '&' {
		s.Forms = append(s.Forms, Plural(ph))
	}
}

func (v *verbParser) endSynset() {
	if v.synset == nil {
		return
	}
	s := v.synset
	v.synset = nil
	if s.Name == "" {
		return
	}
	if len(s.Phrases) == 0 {
		v.errorf(s.Line, "synset %s has no phrases", s.Name)
		delete(v.synsetLine, s.Name)
		return
	}
	v.set.Synsets = append(v.set.Synsets, *s)
}

// transform reads "a (a b ATTACK) SAY = a b 015".
func (v *verbParser) transform(no int, t string) {
	i := strings.IndexByte(t, '=')
	if i < 0 {
		v.errorf(no, "transformation without '='")
		return
	}
	lhs, rhs := strings.Join(strings.Fields(t[:i]), " "), strings.Join(strings.Fields(t[i+1:]), " ")
	if lhs == "" || rhs == "" || strings.IndexByte(rhs, '=') >= 0 {
		v.errorf(no, "transformation needs one PATTERN = RESULT")
		return
	}
	depth := 0
	for _, c := range lhs {
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		}
		if depth < 0 {
			break
		}
	}
	if depth != 0 {
		v.errorf(no, "unbalanced parentheses in transformation %q", lhs)
		return
	}
	if len(strings.Fields(rhs)) != 3 {
		v.errorf(no, "transformation result %q must be SOURCE TARGET CODE", rhs)
		return
	}
	v.set.Transforms = append(v.set.Transforms, Transform{Pattern: lhs, Result: rhs, File: v.file, Line: no})
}

// checkSynsets drops the patterns and synsets that name a synset the file
// does not define.
func (v *verbParser) checkSynsets() {
	for bi := range v.set.Verbs {
		b := &v.set.Verbs[bi]
		kept := b.Patterns[:0]
		for _, pat := range b.Patterns {
			if name := v.undefined(&pat); name != "" {
				v.errorf(pat.Line, "undefined synset %s; pattern skipped", name)
				continue
			}
			kept = append(kept, pat)
		}
		b.Patterns = kept
	}
	for _, s := range v.set.Synsets {
		for _, ph := range s.Phrases {
			for _, w := range strings.Fields(ph) {
				if w[0] == '&' {
					if _, ok := v.synsetLine[w]; !ok {
						v.errorf(s.Line, "synset %s names undefined synset %s", s.Name, w)
					}
				}
			}
		}
	}
}

func (v *verbParser) undefined(p *Pattern) string {
	var walk func([]Phrase) string
	walk = func(phs []Phrase) string {
		for _, ph := range phs {
			for _, w := range ph.Words {
				if w.Kind == TokSynset {
					if _, ok := v.synsetLine[w.Text]; !ok {
						return w.Text
					}
				}
			}
			if n := walk(ph.Objects); n != "" {
				return n
			}
		}
		return ""
	}
	if n := walk(p.Before); n != "" {
		return n
	}
	return walk(p.After)
}
