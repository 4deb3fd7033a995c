package events

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/dyadproject/dyad/internal/dict"
	"github.com/dyadproject/dyad/internal/ontology"
)

// ErrPattern reports a pattern file that cannot be loaded.
var ErrPattern = errors.New("events: bad pattern")

// Pattern is one line of a pattern file.
type Pattern struct {
	Code   string
	Source string // "verbs.txt:12"
	Text   string // the pattern as written
	elems  []elem
	// verbal marks a pattern whose first word is a verb's lemma (not
	// "=word"): it does not fire on a noun of the same spelling ("a live
	// round on a protester" is no "round on +").
	verbal bool
	// judgment marks a pattern written "CODE ! words": a judgment in
	// someone's words ("they are lying", "is behaving like a bully"), whose
	// subject is the target and whose source is the one who says it.
	judgment bool
}

type elemKind uint8

const (
	literal elemKind = iota
	gap
	target
	source
	act // '@': a noun naming an act, whose doer is the target
)

type elem struct {
	kind  elemKind
	words map[string]bool
}

// literals counts the pattern's words, its measure of specificity.
func (p *Pattern) literals() int {
	n := 0
	for _, e := range p.elems {
		if e.kind == literal {
			n++
		}
	}
	return n
}

// spellsModal reports whether the pattern's own words include a modal verb
// ("1324 =may|could|might declare ..."): its code already says what the
// modal means.
func (p *Pattern) spellsModal() bool {
	for _, e := range p.elems {
		if e.kind == literal && (e.words["may"] || e.words["could"] || e.words["might"] || e.words["can"]) {
			return true
		}
	}
	return false
}

// spellsBy reports whether the pattern's trigger is followed by its own
// "by" before the target ("=disappointed with|by +", "=troubled by +"): the
// "by" names what the subject feels about, not a passive's agent.
func (p *Pattern) spellsBy() bool {
	return len(p.elems) > 2 && p.elems[1].kind == literal && p.elems[1].words["by"] && p.elems[2].kind == target
}

// receives reports whether the pattern names its source after "from" and
// has no target ("072 receive ... weapons from $"): the verb's subject is
// then the target.
func (p *Pattern) receives() bool {
	for i, e := range p.elems {
		if e.kind == target {
			return false
		}
		if e.kind == source && i > 0 && p.elems[i-1].kind == literal && p.elems[i-1].words["from"] {
			return !hasTarget(p)
		}
	}
	return false
}

// Patterns is a loaded dictionary, indexed by the word forms that can start a
// match.
type Patterns struct {
	all   []*Pattern
	byKey map[string][]*Pattern
	// discards are phrases that stop coding in their sentence (sport,
	// entertainment), as in the CAMEO discard format.
	discards []dict.Discard
}

// Len reports the number of patterns.
func (p *Patterns) Len() int { return len(p.all) }

// ParsePatterns reads a pattern file named name. Every code must be in ont.
func ParsePatterns(name string, r io.Reader, ont *ontology.Ontology) (*Patterns, error) {
	ps := &Patterns{byKey: map[string][]*Pattern{}}
	if err := ps.Add(name, r, ont); err != nil {
		return nil, err
	}
	return ps, nil
}

// EmptyPatterns returns a dictionary without patterns, to fill with Add.
func EmptyPatterns() *Patterns { return &Patterns{byKey: map[string][]*Pattern{}} }

// Add reads another pattern file into p.
func (p *Patterns) Add(name string, r io.Reader, ont *ontology.Ontology) error {
	sc := bufio.NewScanner(r)
	line := 0
	var errs []error
	for sc.Scan() {
		line++
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		pat, err := parseLine(text, ont)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w: %v", name, line, ErrPattern, err))
			continue
		}
		pat.Source = fmt.Sprintf("%s:%d", name, line)
		p.all = append(p.all, pat)
		for w := range pat.elems[0].words {
			p.byKey[w] = append(p.byKey[w], pat)
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", name, err))
	}
	return errors.Join(errs...)
}

func parseLine(text string, ont *ontology.Ontology) (*Pattern, error) {
	fields := strings.Fields(text)
	if len(fields) < 2 {
		return nil, fmt.Errorf("want CODE PATTERN, got %q", text)
	}
	code := fields[0]
	if _, ok := ont.Lookup(code); !ok {
		return nil, fmt.Errorf("unknown CAMEO code %q", code)
	}
	written := strings.Join(fields[1:], " ")
	judgment := fields[1] == "!"
	if judgment {
		fields = fields[1:]
		if len(fields) < 2 {
			return nil, fmt.Errorf("want CODE ! PATTERN, got %q", text)
		}
	}
	pat := &Pattern{Code: code, Text: written, verbal: !strings.HasPrefix(fields[1], "="), judgment: judgment}
	targets, sources, acts := 0, 0, 0
	for i, f := range fields[1:] {
		switch {
		case f == "+":
			targets++
			pat.elems = append(pat.elems, elem{kind: target})
		case f == "$":
			sources++
			pat.elems = append(pat.elems, elem{kind: source})
		case f == "@":
			acts++
			pat.elems = append(pat.elems, elem{kind: act})
		case f == "...":
			if i == 0 {
				return nil, errors.New("a pattern cannot start with ...")
			}
			pat.elems = append(pat.elems, elem{kind: gap})
		default:
			words := map[string]bool{}
			inflect := i == 0 && !strings.HasPrefix(f, "=")
			for _, alt := range strings.Split(strings.TrimPrefix(f, "="), "|") {
				if alt == "" || strings.IndexFunc(alt, func(r rune) bool { return unicode.IsSpace(r) || r == '+' || r == '=' || r == '$' }) >= 0 {
					return nil, fmt.Errorf("bad word %q", f)
				}
				if inflect {
					for _, form := range Inflect(strings.ToLower(alt)) {
						words[form] = true
					}
				} else {
					words[strings.ToLower(alt)] = true
				}
			}
			pat.elems = append(pat.elems, elem{words: words})
		}
	}
	if pat.elems[0].kind != literal {
		return nil, errors.New("a pattern must start with a word")
	}
	if targets > 1 {
		return nil, errors.New("more than one target slot +")
	}
	if sources > 1 {
		return nil, errors.New("more than one source slot $")
	}
	if acts > 1 || acts == 1 && (targets > 0 || sources > 0) {
		return nil, errors.New("an act slot @ stands once in a pattern, without a target slot + or source slot $")
	}
	if judgment && targets+sources+acts > 0 {
		return nil, errors.New("a judgment (!) has no slots: its subject is the target, its speaker the source")
	}
	return pat, nil
}
