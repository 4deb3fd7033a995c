package dict

import (
	"fmt"
	"strings"
)

// parsePattern reads the body of a pattern line, after its leading '-':
// "PRE * POST [CODE]".
func parsePattern(s string) (Pattern, error) {
	var p Pattern
	open := strings.LastIndexByte(s, '[')
	if open < 0 {
		return p, fmt.Errorf("pattern has no [code]")
	}
	end := strings.IndexByte(s[open:], ']')
	if end < 0 {
		return p, fmt.Errorf("unclosed bracket in %q", s[open:])
	}
	p.Code = strings.TrimSpace(s[open+1 : open+end])
	if err := checkCode(p.Code); err != nil {
		return p, err
	}
	if rest := strings.TrimSpace(s[open+end+1:]); rest != "" {
		return p, fmt.Errorf("unexpected %q after the pattern's code", rest)
	}
	if strings.ContainsAny(s[:open], "[]") {
		return p, fmt.Errorf("stray bracket in pattern %q", strings.TrimSpace(s[:open]))
	}
	var err error
	p.Before, p.After, p.AtVerbBefore, p.AtVerbAfter, err = parsePhrases(s[:open])
	return p, err
}

// phraseBuilder turns the characters of a pattern into phrases.
type phraseBuilder struct {
	sides   [2][]Phrase
	side    int
	star    bool
	prep    *Phrase // the open (...) phrase, if any
	group   *Phrase // the open {...} phrase, if any
	word    strings.Builder
	joined  bool // the word being read follows a '_'
	canJoin bool // the last phrase of the current list is a noun a '_' word may extend
	// atBefore and atAfter: a '_' joins the '*' to the phrase before it
	// or after it.
	atBefore, atAfter bool
}

func parsePhrases(s string) (before, after []Phrase, atBefore, atAfter bool, err error) {
	b := &phraseBuilder{}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ' ', '\t':
			b.flush()
			b.canJoin, b.joined = false, false
		case '_':
			b.flush()
			b.joined = true
		case '(':
			b.flush()
			if b.prep != nil || b.group != nil {
				return nil, nil, false, false, fmt.Errorf("'(' inside %s in pattern %q", b.openName(), strings.TrimSpace(s))
			}
			b.prep = &Phrase{Kind: PhrasePrep}
			b.canJoin = false
		case ')':
			b.flush()
			if b.prep == nil || b.group != nil {
				return nil, nil, false, false, fmt.Errorf("unbalanced ')' in pattern %q", strings.TrimSpace(s))
			}
			if len(b.prep.Words) == 0 {
				return nil, nil, false, false, fmt.Errorf("empty () in pattern %q", strings.TrimSpace(s))
			}
			pr := *b.prep
			b.prep = nil
			b.sides[b.side] = append(b.sides[b.side], pr)
			b.canJoin = false
		case '{':
			b.flush()
			if b.group != nil {
				return nil, nil, false, false, fmt.Errorf("'{' inside {} in pattern %q", strings.TrimSpace(s))
			}
			b.group = &Phrase{Kind: PhraseGroup}
		case '}':
			b.flush()
			if b.group == nil {
				return nil, nil, false, false, fmt.Errorf("unbalanced '}' in pattern %q", strings.TrimSpace(s))
			}
			if len(b.group.Words) == 0 {
				return nil, nil, false, false, fmt.Errorf("empty {} in pattern %q", strings.TrimSpace(s))
			}
			g := *b.group
			b.group = nil
			b.appendPhrase(g)
			b.canJoin = false
		case '*':
			b.flush()
			if b.prep != nil || b.group != nil {
				return nil, nil, false, false, fmt.Errorf("'*' inside %s in pattern %q", b.openName(), strings.TrimSpace(s))
			}
			if b.star {
				return nil, nil, false, false, fmt.Errorf("more than one '*' in pattern %q", strings.TrimSpace(s))
			}
			b.atBefore = b.joined && len(b.sides[0]) > 0
			b.star, b.side, b.canJoin, b.joined = true, 1, false, false
			if i+1 < len(s) && s[i+1] == '_' {
				b.atAfter = true
				i++
			}
		default:
			b.word.WriteByte(c)
		}
	}
	b.flush()
	switch {
	case b.group != nil:
		return nil, nil, false, false, fmt.Errorf("unclosed '{' in pattern %q", strings.TrimSpace(s))
	case b.prep != nil:
		return nil, nil, false, false, fmt.Errorf("unclosed '(' in pattern %q", strings.TrimSpace(s))
	case !b.star:
		return nil, nil, false, false, fmt.Errorf("pattern %q has no '*' for the verb", strings.TrimSpace(s))
	}
	return b.sides[0], b.sides[1], b.atBefore, b.atAfter && len(b.sides[1]) > 0, nil
}

func (b *phraseBuilder) openName() string {
	if b.group != nil {
		return "{}"
	}
	return "()"
}

// flush ends the word being read and places it.
func (b *phraseBuilder) flush() {
	if b.word.Len() == 0 {
		return
	}
	w := b.word.String()
	b.word.Reset()
	joined := b.joined
	b.joined = false
	tok := Token{Kind: TokWord, Text: w}
	switch {
	case w == "$":
		tok.Kind = TokSource
	case w == "+":
		tok.Kind = TokTarget
	case w == "^":
		tok.Kind = TokSkip
	case w == "%":
		tok.Kind = TokCompound
	case w[0] == '&' && len(w) > 1:
		tok.Kind = TokSynset
	}
	switch {
	case b.group != nil:
		b.group.Words = append(b.group.Words, tok)
	case b.prep != nil && len(b.prep.Words) == 0:
		b.prep.Words = []Token{tok}
	default:
		list := b.list()
		if joined && b.canJoin && len(*list) > 0 {
			last := &(*list)[len(*list)-1]
			last.Words = append(last.Words, tok)
			return
		}
		*list = append(*list, Phrase{Kind: PhraseNoun, Words: []Token{tok}})
		b.canJoin = true
	}
}

// list returns the phrase list new phrases go to: the open preposition's
// objects or the current side.
func (b *phraseBuilder) list() *[]Phrase {
	if b.prep != nil {
		return &b.prep.Objects
	}
	return &b.sides[b.side]
}

func (b *phraseBuilder) appendPhrase(ph Phrase) {
	l := b.list()
	*l = append(*l, ph)
}
