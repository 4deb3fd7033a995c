package dict

import (
	"fmt"
	"strings"
)

// maxExpansions bounds the forms one entry may expand to through
// substitution markers or issue prefixes, so a hostile line cannot make the
// loader build millions of strings.
const maxExpansions = 1024

// Agent is one agent entry: a role noun such as FOREIGN MINISTER and the
// sector code it adds to an actor's code.
type Agent struct {
	Names   []string // singular forms, substitution markers expanded
	Plurals []string // given in {...} or generated; empty after {} or a marker
	Code    string   // the code without its '~', e.g. "GOVFRM"
	// Prefix is set when the code was written CODE~ (organisations such as
	// NGO~): it goes before the actor's code instead of after it.
	Prefix bool
	File   string
	Line   int
}

// Apply combines the agent's code with the code of the actor it qualifies:
// "FRA" and [~GOV] give "FRAGOV"; "FRA" and [NGO~] give "NGOFRA".
func (a *Agent) Apply(actorCode string) string {
	if a.Prefix {
		return a.Code + actorCode
	}
	return actorCode + a.Code
}

// AllNames returns the singular names followed by the plurals.
func (a *Agent) AllNames() []string {
	out := make([]string, 0, len(a.Names)+len(a.Plurals))
	return append(append(out, a.Names...), a.Plurals...)
}

// agents reads an agent file.
func (p *parser) agents(text string) {
	subst := map[string][]string{}
	eachLine(text, false, func(no int, line, _ string) bool {
		t := strings.TrimSpace(line)
		open := strings.IndexByte(t, '[')
		if t[0] == '!' && strings.IndexByte(t, '=') >= 0 && (open < 0 || strings.IndexByte(t, '=') < open) {
			if err := defineMarker(t, subst); err != nil {
				p.errorf(no, "%v", err)
			}
			return true
		}
		a, err := parseAgent(t, subst)
		if err != nil {
			p.errorf(no, "%v", err)
			return true
		}
		a.File, a.Line = p.file, no
		p.set.Agents = append(p.set.Agents, a)
		return true
	})
}

// defineMarker reads "!NAME! = A, B, C".
func defineMarker(t string, subst map[string][]string) error {
	end := strings.IndexByte(t[1:], '!')
	eq := strings.IndexByte(t, '=')
	if end < 0 || end+1 > eq {
		return fmt.Errorf("substitution marker %q not closed with '!'", t)
	}
	name := strings.TrimSpace(t[1 : end+1])
	if name == "" {
		return fmt.Errorf("empty substitution marker name in %q", t)
	}
	if rest := strings.TrimSpace(t[end+2 : eq]); rest != "" {
		return fmt.Errorf("unexpected %q between marker !%s! and '='", rest, name)
	}
	var items []string
	for _, it := range strings.Split(t[eq+1:], ",") {
		if it = strings.TrimSpace(it); it != "" {
			items = append(items, it)
		}
	}
	if len(items) == 0 {
		return fmt.Errorf("substitution marker !%s! has no words", name)
	}
	subst[name] = items
	return nil
}

// parseAgent reads "PHRASE {PLURAL} [~CODE]".
func parseAgent(t string, subst map[string][]string) (Agent, error) {
	var a Agent
	open := strings.IndexByte(t, '[')
	if open < 0 {
		return a, fmt.Errorf("agent %q has no [code]", t)
	}
	closeAt := strings.IndexByte(t[open:], ']')
	if closeAt < 0 {
		return a, fmt.Errorf("unclosed bracket in %q", t[open:])
	}
	code := strings.TrimSpace(t[open+1 : open+closeAt])
	if rest := strings.TrimSpace(t[open+closeAt+1:]); rest != "" {
		return a, fmt.Errorf("unexpected %q after the code", rest)
	}
	switch {
	case strings.Count(code, "~") != 1 || strings.ContainsAny(code, " \t[{}"):
		return a, fmt.Errorf("agent code [%s] must be one word with a leading or trailing ~", code)
	case strings.HasPrefix(code, "~") && len(code) > 1:
		a.Code = code[1:]
	case strings.HasSuffix(code, "~") && len(code) > 1:
		a.Code, a.Prefix = code[:len(code)-1], true
	default:
		return a, fmt.Errorf("agent code [%s] must be one word with a leading or trailing ~", code)
	}
	head := strings.TrimSpace(t[:open])
	plural, hasPlural := "", false
	if i := strings.IndexByte(head, '{'); i >= 0 {
		j := strings.IndexByte(head[i:], '}')
		if j < 0 {
			return a, fmt.Errorf("unclosed brace in %q", head[i:])
		}
		if rest := strings.TrimSpace(head[i+j+1:]); rest != "" {
			return a, fmt.Errorf("unexpected %q after the plural", rest)
		}
		plural, hasPlural = phrase(head[i+1:i+j]), true
		head = head[:i]
	} else if strings.IndexByte(head, '}') >= 0 {
		return a, fmt.Errorf("'}' without '{' in %q", head)
	}
	name := phrase(head)
	if name == "" {
		return a, fmt.Errorf("empty agent name before [%s]", code)
	}
	if strings.IndexByte(name, '!') >= 0 {
		names, err := expandMarkers(name, subst)
		if err != nil {
			return a, err
		}
		a.Names = names
		if hasPlural && plural != "" {
			a.Plurals = []string{plural}
		}
		return a, nil
	}
	a.Names = []string{name}
	switch {
	case hasPlural && plural != "":
		a.Plurals = []string{plural}
	case !hasPlural:
		a.Plurals = []string{Plural(name)}
	}
	return a, nil
}

// expandMarkers replaces every !MARKER! in name by each word of its set.
func expandMarkers(name string, subst map[string][]string) ([]string, error) {
	out := []string{name}
	for round := 0; strings.IndexByte(out[0], '!') >= 0; round++ {
		if round == 8 {
			return nil, fmt.Errorf("%q has more than 8 substitution markers", name)
		}
		var next []string
		for _, o := range out {
			i := strings.IndexByte(o, '!')
			j := strings.IndexByte(o[i+1:], '!')
			if j < 0 {
				return nil, fmt.Errorf("substitution marker in %q not closed with '!'", name)
			}
			words, ok := subst[o[i+1:i+1+j]]
			if !ok {
				return nil, fmt.Errorf("substitution marker !%s! is not defined", o[i+1:i+1+j])
			}
			if len(next)+len(words) > maxExpansions {
				return nil, fmt.Errorf("%q expands to more than %d names", name, maxExpansions)
			}
			for _, w := range words {
				next = append(next, phrase(o[:i]+w+o[i+j+2:]))
			}
		}
		out = next
	}
	return out, nil
}
