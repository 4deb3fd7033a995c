package kb

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coregx/ahocorasick"
)

// EntryKind says which table a matched entry comes from and what the words
// name.
type EntryKind uint8

// Entry kinds.
const (
	CountryName      EntryKind = iota // a country's name or alias; Index into Countries
	CountryAdjective                  // an adjective or demonym; Index into Countries
	CountryPeople                     // a noun for its people; Index into Countries
	Capital                           // a capital or its alias; Index into Countries
	MetonymEntry                      // a metonym; Index into Metonyms
	OrgEntry                          // an organization's name or alias; Index into Orgs
	AgentEntry                        // a role noun; Index into Agents
	RegionEntry                       // a region's name or alias; Index into Regions
	OfficialEntry                     // a person's full name or alias; Index into Officials
	SurnameEntry                      // a person's surname alone; Index into Officials
)

var entryKindNames = [...]string{"CountryName", "CountryAdjective", "CountryPeople", "Capital",
	"Metonym", "Org", "Agent", "Region", "Official", "Surname"}

// String returns the kind's name: "CountryName", "Agent", ...
func (k EntryKind) String() string {
	if int(k) < len(entryKindNames) {
		return entryKindNames[k]
	}
	return fmt.Sprintf("EntryKind(%d)", k)
}

// Entry is one knowledge-base entry that a match may stand for. Index points
// into the KB slice for its Kind (see the constants).
type Entry struct {
	Kind  EntryKind
	Index int
}

// Match is a run of text that names one or more entries: Text[Start:End].
// Entries has more than one element when the words are ambiguous
// ("Congolese": both Congos; "Brussels": Belgium's capital and the EU).
type Match struct {
	Start, End int
	Entries    []Entry
}

// Matcher finds knowledge-base names in text. It is safe for concurrent use.
//
// One automaton runs over the text with ASCII letters lowered; a hit on a
// proper name counts only if the text spells it exactly as a name is written
// or in ALL CAPS, while a hit on a role noun counts in any letter case.
type Matcher struct {
	automaton *ahocorasick.Automaton
	patterns  []pattern // by pattern ID
}

// pattern is everything that folds to one lower-cased pattern.
type pattern struct {
	forms  []form  // proper-name spellings, compared exactly
	agents []Entry // role nouns, in any letter case
}

// form is one exact spelling of a proper name and what it stands for.
type form struct {
	text    string
	entries []Entry // nil for a blocking phrase
}

// newMatcher builds the automaton. The tables were validated by Load, so
// building cannot fail; a failure is a bug in this package.
func newMatcher(k *KB) *Matcher {
	names, agents := dictionaries(k)
	byKey := map[string]*pattern{}
	get := func(key string) *pattern {
		p := byKey[key]
		if p == nil {
			p = &pattern{}
			byKey[key] = p
		}
		return p
	}
	for text, es := range names {
		p := get(string(lowerASCII(text)))
		p.forms = append(p.forms, form{text: text, entries: es})
	}
	for phrase, es := range agents {
		p := get(phrase)
		p.agents = append(p.agents, es...)
	}
	keys := make([]string, 0, len(byKey))
	for key := range byKey {
		keys = append(keys, key)
	}
	sort.Strings(keys) // deterministic pattern IDs
	m := &Matcher{patterns: make([]pattern, len(keys))}
	for i, key := range keys {
		p := byKey[key]
		slices.SortFunc(p.forms, func(a, b form) int { return strings.Compare(a.text, b.text) })
		m.patterns[i] = *p
	}
	a, err := ahocorasick.NewBuilder().AddStrings(keys).Build()
	if err != nil {
		panic(fmt.Sprintf("kb: build matcher over %d patterns: %v", len(keys), err))
	}
	m.automaton = a
	return m
}

// dictionaries collects every pattern with the entries it stands for.
func dictionaries(k *KB) (names, agents map[string][]Entry) {
	names = map[string][]Entry{}
	agents = map[string][]Entry{}
	skip := map[string]bool{}
	for _, p := range k.policy {
		if !p.block {
			skip[p.phrase] = true
		}
	}
	addName := func(s string, e Entry) {
		for _, v := range nameVariants(s) {
			if !skip[s] && !containsEntry(names[v], e) {
				names[v] = append(names[v], e)
			}
		}
	}
	for i, c := range k.countries {
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			addName(n, Entry{CountryName, i})
		}
		for _, a := range c.Adjectives {
			addName(a, Entry{CountryAdjective, i})
		}
		for _, p := range c.People {
			addName(p, Entry{CountryPeople, i})
		}
		if c.Capital != "" {
			for _, n := range append([]string{c.Capital}, c.CapitalAliases...) {
				addName(n, Entry{Capital, i})
			}
		}
	}
	for i, m := range k.metonyms {
		addName(m.Phrase, Entry{MetonymEntry, i})
	}
	for i, o := range k.orgs {
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			addName(n, Entry{OrgEntry, i})
		}
	}
	for i, g := range k.regions {
		for _, n := range append([]string{g.Name}, g.Aliases...) {
			addName(n, Entry{RegionEntry, i})
		}
	}
	for i, p := range k.people {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			addName(n, Entry{OfficialEntry, i})
		}
		for _, s := range p.Surnames {
			if s != p.Name {
				addName(s, Entry{SurnameEntry, i})
			}
		}
	}
	for _, p := range k.policy {
		if p.block {
			for _, v := range nameVariants(p.phrase) {
				names[v] = nil // a blocking phrase stands for nothing
			}
		}
	}
	for i, a := range k.agents {
		for _, f := range append([]string{a.Phrase}, a.Plurals...) {
			agents[f] = append(agents[f], Entry{AgentEntry, i})
		}
	}
	return names, agents
}

func containsEntry(es []Entry, e Entry) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// nameVariants returns a proper name as written, in ALL CAPS (headlines and
// datelines: "SEOUL"), and with typographic apostrophes where it has
// straight ones ("Côte d’Ivoire").
func nameVariants(s string) []string {
	vs := []string{s}
	if up := strings.ToUpper(s); up != s {
		vs = append(vs, up)
	}
	for _, v := range vs {
		if strings.Contains(v, "'") {
			vs = append(vs, strings.ReplaceAll(v, "'", "’"))
		}
	}
	return vs
}

// candidate is a hit that names something, before overlaps are resolved.
type candidate struct {
	start, end, pattern int
}

// FindAll returns the dictionary matches in text, sorted by Start and not
// overlapping. Matches are whole words: a match neither starts nor ends
// inside a word ("US" does not match in "USA", "Iran" not in "Iranian").
// Where matches overlap, the leftmost wins and among those the longest
// ("South Korean" over "Korea"). Proper names match case-sensitively as
// written or in ALL CAPS; agent nouns match in any ASCII letter case; when
// a span is both ("Security Council"), the match carries the entries of
// both, names first.
func (m *Matcher) FindAll(text string) []Match {
	if text == "" {
		return nil
	}
	// All overlapping hits, resolved below: the library's own FindAll keeps
	// the first pattern to end, even in LeftmostLongest mode ("US" in "USA"),
	// and a hit rejected as a part word must not hide a shorter valid one.
	var cands []candidate
	for _, h := range m.automaton.FindAllOverlapping(lowerASCII(text)) {
		if wholeWord(text, h.Start, h.End) && m.names(h.PatternID, text[h.Start:h.End]) {
			cands = append(cands, candidate{h.Start, h.End, h.PatternID})
		}
	}
	// Hits arrive ordered by end; one span has one pattern, so the order
	// below is total.
	slices.SortFunc(cands, func(a, b candidate) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	var out []Match
	end := 0
	for _, c := range cands {
		if c.start < end {
			continue
		}
		end = c.end
		if es := m.entries(c.pattern, text[c.start:c.end]); es != nil {
			out = append(out, Match{Start: c.start, End: c.end, Entries: es})
		}
	}
	return out
}

// names reports whether s, a hit on pattern id, names anything: a role noun
// in any case, or a proper name (or blocking phrase) spelled exactly.
func (m *Matcher) names(id int, s string) bool {
	p := &m.patterns[id]
	if len(p.agents) > 0 {
		return true
	}
	for _, f := range p.forms {
		if f.text == s {
			return true
		}
	}
	return false
}

// entries returns a fresh slice of what s, a hit on pattern id, stands for;
// nil when s is a blocking phrase.
func (m *Matcher) entries(id int, s string) []Entry {
	p := &m.patterns[id]
	var es []Entry
	for _, f := range p.forms {
		if f.text == s {
			if f.entries == nil {
				return nil
			}
			es = append(es, f.entries...)
		}
	}
	return append(es, p.agents...)
}

// wholeWord reports whether text[start:end] neither starts nor ends inside
// a word. An edge that is itself not a word character ("U.S." ends with a
// period) needs no boundary on that side.
func wholeWord(text string, start, end int) bool {
	if start > 0 {
		first, _ := utf8.DecodeRuneInString(text[start:end])
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		if isWordRune(first) && isWordRune(before) {
			return false
		}
	}
	if end < len(text) {
		last, _ := utf8.DecodeLastRuneInString(text[start:end])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if isWordRune(last) && isWordRune(after) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// lowerASCII returns text with A-Z lowered and every other byte kept, so
// offsets into the result are offsets into text.
func lowerASCII(text string) []byte {
	b := []byte(text)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + ('a' - 'A')
		}
	}
	return b
}
