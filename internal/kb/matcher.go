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
	// loose maps the lower-cased names of dictionary actors to their
	// entries; they are looked up word by word from each capitalized word
	// (an automaton over tens of thousands of dictionary names takes
	// seconds to build, a map milliseconds). looseWords is the most words
	// in one name.
	loose      map[string][]Entry
	looseWords int
	// gapped maps the lower-cased first word of a disconnected name to
	// the names that start with it.
	gapped map[string][]gappedName
}

// gappedName is a dictionary name whose words may have others between
// them: apart[i] says whether word i may follow word i-1 after up to
// maxGap other words.
type gappedName struct {
	words []string
	apart []bool
	entry Entry
}

// maxGap is the most words that may stand between two words of a
// disconnected name ("Ithilen state-run television").
const maxGap = 2

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
	loose := map[string][]Entry{}
	for i, p := range k.people {
		for _, n := range p.Loose {
			key := strings.ToLower(n)
			keys := []string{key}
			if rest, ok := strings.CutPrefix(key, "the "); ok && rest != "" {
				keys = append(keys, rest) // "THE_SHIRE" is "the Shire" mid-sentence
			}
			for _, key := range keys {
				if isLowerASCII(key) && !containsEntry(loose[key], Entry{OfficialEntry, i}) {
					loose[key] = append(loose[key], Entry{OfficialEntry, i})
				}
			}
		}
	}
	gapped := map[string][]gappedName{}
	for i, p := range k.people {
		for _, n := range p.Disconnected {
			g := gappedName{entry: Entry{OfficialEntry, i}}
			for j, part := range strings.Fields(strings.ToLower(n)) {
				for k, w := range strings.Split(part, "_") {
					if w != "" {
						g.words = append(g.words, w)
						g.apart = append(g.apart, j > 0 && k == 0)
					}
				}
			}
			if len(g.words) > 1 && isLowerASCII(strings.Join(g.words, " ")) {
				gapped[g.words[0]] = append(gapped[g.words[0]], g)
			}
		}
	}
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
	m := &Matcher{patterns: make([]pattern, len(keys)), loose: loose, gapped: gapped}
	for key := range loose {
		m.looseWords = max(m.looseWords, strings.Count(key, " ")+1)
	}
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
		if p.FromDict && p.Kind != "person" || len(p.Loose) > 0 && len(p.Surnames) == 0 {
			continue // a dictionary's own actor: matched in any case, see newMatcher
		}
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
	loose := m.findLoose(text)
	for span := range loose {
		cands = append(cands, candidate{span[0], span[1], -1})
	}
	// Hits arrive ordered by end; one span has one pattern (and maybe a
	// loose hit, sorted after it), so the order below is total.
	slices.SortFunc(cands, func(a, b candidate) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.end != b.end {
			return b.end - a.end
		}
		return b.pattern - a.pattern
	})
	var out []Match
	end := 0
	for _, c := range cands {
		if c.start < end {
			continue
		}
		end = c.end
		// The user's dictionaries first.
		es := slices.Clone(loose[[2]int{c.start, c.end}])
		if c.pattern >= 0 {
			if more := m.entries(c.pattern, text[c.start:c.end]); more != nil || es == nil {
				es = append(es, more...)
			}
		}
		if len(es) > 0 {
			mt := Match{Start: c.start, End: c.end, Entries: es}
			if first, full, ok := m.middleInitials(text, mt); ok {
				// "Jacob J. Lew", "Vladimir V. Putin": the official
				// "Jacob Lew" with his middle initials, not the
				// surname alone after a stray first name.
				if n := len(out); n > 0 && out[n-1].End > first {
					out = out[:n-1]
				}
				mt = Match{Start: first, End: c.end, Entries: full}
			}
			out = append(out, mt)
		}
	}
	return out
}

// middleInitials reports whether the match mt ends an official's name
// written with one or two middle initials between the given name and the
// rest ("Paul D. Ryan", "John F. Kerry"): the start of the given name and
// the entries of the name without the initials.
func (m *Matcher) middleInitials(text string, mt Match) (int, []Entry, bool) {
	k := mt.Start
	initials := 0
	for initials < 2 && k >= 4 && text[k-1] == ' ' && text[k-2] == '.' && 'A' <= text[k-3] && text[k-3] <= 'Z' && text[k-4] == ' ' {
		k -= 4
		initials++
	}
	if initials == 0 {
		return 0, nil, false
	}
	first := k
	for first > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:first])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		first -= size
	}
	if first == k || !startsUpper(text[first:k]) {
		return 0, nil, false
	}
	full := text[first:k] + " " + text[mt.Start:mt.End]
	for _, h := range m.automaton.FindAllOverlapping(lowerASCII(full)) {
		if h.Start != 0 || h.End != len(full) || !m.names(h.PatternID, full) {
			continue
		}
		es := m.entries(h.PatternID, full)
		for _, e := range es {
			if e.Kind == OfficialEntry {
				return first, es, true
			}
		}
	}
	return 0, nil, false
}

// findLoose returns the spans of text that name dictionary actors: runs of
// one to looseWords words separated by single spaces, starting with a
// capital letter at the start of a word, whose lower-cased form (with any
// trailing punctuation after the last word removed) is a dictionary name.
func (m *Matcher) findLoose(text string) map[[2]int][]Entry {
	if len(m.loose) == 0 {
		return nil
	}
	var hits map[[2]int][]Entry
	var key []byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < 'A' || c > 'Z' || i > 0 && isWordByte(text[i-1]) {
			continue
		}
		if len(m.gapped) > 0 {
			hits = m.findGapped(hits, text, i)
		}
		key = key[:0]
		j := i
		for words := 0; words < m.looseWords && j < len(text); words++ {
			if words > 0 {
				if text[j] != ' ' {
					break
				}
				key = append(key, ' ')
				j++
			}
			w := j
			for j < len(text) && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' {
				j++
			}
			if j == w {
				break
			}
			word := text[w:j]
			for k := 0; k < len(word); k++ {
				c := word[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				key = append(key, c)
			}
			hits = m.looseHit(hits, text, i, j, key)
			// "Obama," and "Obama." name Obama too, and so does the
			// possessive "Obama's".
			if t := trimName(word); t != "" && len(t) < len(word) {
				hits = m.looseHit(hits, text, i, w+len(t), key[:len(key)-(len(word)-len(t))])
			}
		}
	}
	return hits
}

// findGapped records the disconnected dictionary names that start at the
// capitalized word at i: each later word follows the one before it
// directly, or, where the name was written with a blank, after up to maxGap
// other words, never across punctuation that ends a phrase.
func (m *Matcher) findGapped(hits map[[2]int][]Entry, text string, i int) map[[2]int][]Entry {
	// The words from i on, up to a phrase break: start and end offsets,
	// lower-cased text without trailing punctuation; only read on when a
	// disconnected name starts with the first.
	type word struct {
		start, end int
		lower      string
	}
	var words []word
	for j := i; j < len(text) && len(words) < 12; {
		w := j
		for j < len(text) && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' {
			j++
		}
		raw := text[w:j]
		t := trimName(raw)
		if t != "" {
			words = append(words, word{w, w + len(t), strings.ToLower(t)})
		}
		if len(words) == 1 && len(m.gapped[words[0].lower]) == 0 {
			return hits
		}
		if len(t) < len(raw) || j >= len(text) || text[j] != ' ' {
			break // punctuation, or a line break, ends the phrase
		}
		j++
	}
	if len(words) == 0 {
		return hits
	}
	for _, g := range m.gapped[words[0].lower] {
		at, ok := 0, true
		for n := 1; n < len(g.words) && ok; n++ {
			ok = false
			limit := at + 1
			if g.apart[n] {
				limit = at + 1 + maxGap
			}
			for x := at + 1; x <= limit && x < len(words); x++ {
				if words[x].lower == g.words[n] {
					at, ok = x, true
					break
				}
			}
		}
		if !ok || !wholeWord(text, i, words[at].end) {
			continue
		}
		if hits == nil {
			hits = map[[2]int][]Entry{}
		}
		span := [2]int{i, words[at].end}
		if !containsEntry(hits[span], g.entry) {
			hits[span] = append(hits[span], g.entry)
		}
	}
	return hits
}

// trimName returns a word without the punctuation and possessive that may
// follow a name in text: "Obama," "Obama." and "Obama's" name Obama.
func trimName(word string) string {
	t := strings.TrimRight(word, ".,;:!?'\")”’")
	for _, pos := range []string{"'s", "’s"} {
		if p, ok := strings.CutSuffix(t, pos); ok {
			t = p
		}
	}
	return t
}

// looseHit records text[start:end] in hits when key is a dictionary name
// and the span is whole words.
func (m *Matcher) looseHit(hits map[[2]int][]Entry, text string, start, end int, key []byte) map[[2]int][]Entry {
	es, ok := m.loose[string(key)]
	if !ok || !wholeWord(text, start, end) {
		return hits
	}
	if hits == nil {
		hits = map[[2]int][]Entry{}
	}
	hits[[2]int{start, end}] = es
	return hits
}

// isWordByte reports whether an ASCII byte is a letter or digit; bytes of
// multi-byte runes count as word bytes.
func isWordByte(c byte) bool {
	return c >= utf8.RuneSelf || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
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

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
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
