package actors

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/kb"
)

// topRoles are the offices whose holders news names by surname alone
// without a title ("Putin said", "Xi warned").
var topRoles = map[string]bool{"head of state": true, "head of government": true,
	"head of state and government": true, "monarch": true, "supreme leader": true}

// officialFor returns the knowledge-base official that match m names, if
// any: a full name or alias; or a surname that the context makes safe. With
// a title (ag, and o the title's owner if any) a surname names the one
// holder of a fitting office on the article's date; without one it names a
// holder the story already introduced, or the single holder on that date of
// a top office or of a distinctive surname (five letters or more, and no
// given name).
func (b *builder) officialFor(si int, m kb.Match, ag *kb.Agent, o *owner) (int, bool) {
	k := b.s.kb
	var full, sur []int
	for _, e := range m.Entries {
		switch {
		case e.Kind == kb.OfficialEntry && !slices.Contains(full, e.Index):
			full = append(full, e.Index)
		case e.Kind == kb.SurnameEntry && !slices.Contains(sur, e.Index):
			sur = append(sur, e.Index)
		}
	}
	if len(full) > 0 {
		oi, ok := b.pickOfficial(full, ag, o, true)
		if ok && b.sameAsTable(m, oi) {
			return 0, false // a dictionary's "FRANCE [FRA]": the table's country serves
		}
		return oi, ok
	}
	if len(sur) == 0 || b.inLongerName(si, m) {
		return 0, false
	}
	// A holder the story introduced, most recent first.
	for ai := len(b.doc.Actors) - 1; ai >= 0; ai-- {
		for _, oi := range sur {
			if idx, ok := b.index[officialKey(oi)]; ok && idx == ai {
				return oi, true
			}
		}
	}
	surname := b.doc.Article.Text[m.Start:m.End]
	if b.namedBefore(m.Start, surname) {
		return 0, false // "Dr Ali bin Tamim ... Tamim claimed": the story's own Tamim, not Qatar's emir
	}
	if ag != nil {
		return b.pickOfficial(sur, ag, o, false)
	}
	if t := b.titleBefore(m.Start); t != "" {
		// "Mr. Putin", "Dr. Tedros": any office, of a country the story
		// names ("without asking Mr. Mitchell first" in a story about
		// Washington is no prime minister of Grenada).
		oi, ok := b.pickOfficial(sur, &kb.Agent{}, nil, false)
		if ok && !b.storyNamesCountryOf(oi) {
			return 0, false
		}
		return oi, ok
	}
	if k.CommonSurname(surname) || len(m.Entries) > len(sur) {
		// Also a country, an adjective or an organization ("Jordan"):
		// only with a title.
		return 0, false
	}
	oi, ok := b.pickOfficial(sur, nil, nil, false)
	if !ok {
		return 0, false
	}
	st := k.Officials()[oi].On(b.at)
	if !topRoles[st.Role] && (utf8.RuneCountInString(surname) < 5 || b.givenNameSurname(oi, surname)) {
		// Short surnames and given names ("Yusuf/Cat Stevens paid
		// tribute" is no judge of the ICJ) are too common for an
		// official below the top offices to be named by them alone,
		// unless the table says news names them so ("Tedros").
		return 0, false
	}
	return oi, true
}

// storyNamesCountryOf reports whether the story names, anywhere, the country
// of official oi on the article's date (an organization's head has none to
// name: "Dr. Tedros"): among the matcher's matches of the whole text, one of
// the country's name, adjective, people noun or capital.
func (b *builder) storyNamesCountryOf(oi int) bool {
	st := b.s.kb.Officials()[oi].On(b.at)
	if st.Country == "" || b.home != nil && b.home.country == st.Country {
		return true
	}
	countries := b.s.kb.Countries()
	for _, m := range b.matchEnd {
		for _, e := range m.Entries {
			switch e.Kind {
			case kb.CountryName, kb.CountryAdjective, kb.CountryPeople, kb.Capital:
				if countries[e.Index].ISO3 == st.Country {
					return true
				}
			}
		}
	}
	return false
}

// namedBefore reports whether the story named, before offset, a person
// the recognizer found whose longer name ends with surname, and whom the
// knowledge base does not know ("Donald J. Trump" is the official).
func (b *builder) namedBefore(offset int, surname string) bool {
	text := b.doc.Article.Text
	for _, e := range b.doc.Entities {
		if e.Type == "PER" && e.Span.End <= offset && e.Span.Len() > len(surname) &&
			strings.HasSuffix(text[e.Span.Start:e.Span.End], " "+surname) && !b.codedAt(e.Span) {
			return true
		}
	}
	return false
}

// codedAt reports whether a mention overlapping span names an actor with a
// code.
func (b *builder) codedAt(span dyad.Span) bool {
	for _, m := range b.doc.Mentions {
		if m.Overlaps(span) && b.doc.Actors[m.Actor].Code != "" {
			return true
		}
	}
	return false
}

// pickOfficial chooses among the officials that share a name or surname:
// those in office on the article's date in an office the title ag fits, and
// of the title's owner o. A full name (full) may also name a former or
// future holder; a surname needs exactly one holder in office.
func (b *builder) pickOfficial(cands []int, ag *kb.Agent, o *owner, full bool) (int, bool) {
	k := b.s.kb
	var fit []int
	for _, oi := range cands {
		st := k.Officials()[oi].On(b.at)
		if !st.Current || st.Code == "" {
			continue
		}
		if ag != nil && !roleFits(ag, st.Role) {
			continue
		}
		if o != nil && o.country != st.Country && o.code != st.Code {
			continue
		}
		fit = append(fit, oi)
	}
	if len(fit) == 1 {
		return fit[0], true
	}
	if len(fit) > 1 {
		return 0, false
	}
	if full && len(cands) == 1 && k.Officials()[cands[0]].On(b.at).Code != "" {
		return cands[0], true
	}
	if ag == nil {
		return 0, false
	}
	// With a title, a single holder at another time: "President Trump"
	// in 2023 is the former president.
	fit = fit[:0]
	for _, oi := range cands {
		for _, t := range k.Officials()[oi].Terms {
			if roleFits(ag, t.Role) && (o == nil || o.country == t.Country || o.code == t.Code) {
				fit = append(fit, oi)
				break
			}
		}
	}
	if len(fit) == 1 {
		return fit[0], true
	}
	return 0, false
}

// sameAsTable reports whether a dictionary official that match m names has
// the code of a country or organization the same words name in the
// knowledge base's own tables.
func (b *builder) sameAsTable(m kb.Match, oi int) bool {
	k := b.s.kb
	p := &k.Officials()[oi]
	if !p.FromDict {
		return false
	}
	code := p.On(b.at).Code
	for _, e := range m.Entries {
		switch e.Kind {
		case kb.CountryName, kb.CountryAdjective, kb.CountryPeople, kb.Capital:
			if k.Countries()[e.Index].Code == code {
				return true
			}
		case kb.OrgEntry:
			if c, _ := k.Orgs()[e.Index].On(b.at); c == code {
				return true
			}
		}
	}
	return false
}

// dictOwner reads a match as an actor of the user's dictionaries that is no
// person (a country, group or organization code such as "ARN" or
// "IGOUNO"): an owner that roles compose with, as the dictionaries' agents
// do ("Arnor cleric" ARNREL, "MSF Arnor" NGOARN). The table's own country or
// organization of the same code is preferred.
func (b *builder) dictOwner(m kb.Match) (owner, bool) {
	k := b.s.kb
	for _, e := range m.Entries {
		if e.Kind != kb.OfficialEntry {
			continue
		}
		p := &k.Officials()[e.Index]
		if !p.FromDict || p.Kind == "person" || b.sameAsTable(m, e.Index) {
			continue
		}
		st := p.On(b.at)
		if st.Code == "" {
			continue
		}
		name := b.doc.Article.Text[m.Start:m.End]
		return owner{code: st.Code, country: st.Country, name: name, adj: name, kind: p.Kind, dict: true}, true
	}
	return owner{}, false
}

// roleFits reports whether a title fits an office: "President" a head of
// state or an organization's president, "Secretary" an American cabinet
// secretary, "Minister" any minister; an empty title (Mr., Dr.) fits all.
func roleFits(ag *kb.Agent, office string) bool {
	title := ag.Role
	switch {
	case title == "" || title == office:
		return true
	case title == "head of state":
		return office == "head of state and government" || office == "monarch" || office == "supreme leader" ||
			office == "president" && ag.Phrase == "president"
	case title == "head of government":
		return office == "head of state and government"
	case title == "leader":
		return topRoles[office]
	case title == "minister":
		return strings.HasSuffix(office, " minister")
	case title == "secretary":
		return strings.HasSuffix(office, " minister") || office == "secretary-general"
	}
	return false
}

// officialKey is the builder's index key of an official's actor.
func officialKey(oi int) string { return fmt.Sprintf("official:%d", oi) }

// officialActor returns the actor of knowledge-base official oi, coded for
// the article's date, adding it on first mention.
func (b *builder) officialActor(oi int) int {
	key := officialKey(oi)
	if idx, ok := b.index[key]; ok {
		return idx
	}
	p := &b.s.kb.Officials()[oi]
	st := p.On(b.at)
	idx := len(b.doc.Actors)
	b.index[key] = idx
	name := p.Name
	if p.FromDict && p.Name == strings.ToUpper(p.Name) {
		name = titleCase(name) // dictionaries write names in capitals
	}
	b.doc.Actors = append(b.doc.Actors, dyad.Actor{Name: name, Code: st.Code, Country: st.Country,
		Sector: st.Sector, Kind: p.Kind, Role: st.Role, Source: st.Source})
	if g := b.s.kb.GenderOf(p.Name); g != kb.Unknown {
		b.gender[idx] = g
	} else if g := b.s.kb.GenderOf(name); g != kb.Unknown {
		b.gender[idx] = g
	}
	return idx
}

// nextMatch returns the match of the current sentence that starts one space
// after offset.
func (b *builder) nextMatch(offset int) (kb.Match, bool) {
	text := b.doc.Article.Text
	if offset >= len(text) || text[offset] != ' ' {
		return kb.Match{}, false
	}
	m, ok := b.sentMatches[offset+1]
	return m, ok
}

// titleBefore returns the courtesy title right before offset ("Mr.",
// "Mrs.", "Ms.", "Dr."), or "".
func (b *builder) titleBefore(offset int) string {
	before := strings.TrimRight(b.doc.Article.Text[max(0, offset-6):offset], " ")
	for _, t := range []string{"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr"} {
		if strings.HasSuffix(before, t) {
			i := len(before) - len(t)
			if i == 0 || before[i-1] == ' ' || before[i-1] == '(' || before[i-1] == '\n' {
				return t
			}
		}
	}
	return ""
}

// inLongerName reports whether a surname match is part of someone else's
// name: a capitalized word right before it ("Jim Kim", unless it is a title
// or starts the sentence) or right after it ("Kim Ji-ho").
func (b *builder) inLongerName(si int, m kb.Match) bool {
	toks := b.doc.Tokens
	sent := b.doc.Sentences[si]
	k := tokenAfter(toks, m.Start)
	if k < 0 {
		return false
	}
	end := k
	for end < sent.EndToken && toks[end].End <= m.End {
		end++
	}
	if end < sent.EndToken && toks[end].Start == m.End+1 && nameWord(toks[end]) && !b.knownName(toks[end]) {
		return true
	}
	if k-1 >= sent.FirstToken && toks[k-1].End+1 == m.Start && nameWord(toks[k-1]) && !b.knownName(toks[k-1]) &&
		!b.isAgentAt(toks[k-1].Start, toks[k-1].End) {
		return true
	}
	if p := k - 2; p >= sent.FirstToken && nameParticles[toks[k-1].Text] && toks[k-1].End+1 == m.Start && toks[p].End+1 == toks[k-1].Start &&
		nameWord(toks[p]) && !b.knownName(toks[p]) && !b.isAgentAt(toks[p].Start, toks[p].End) {
		return true // "Ali bin Tamim" is not Tamim (the Emir of Qatar), nor "Pieter van Rutte" Rutte
	}
	return false
}

// nameParticles join the parts of a personal name ("bin", "van", "de").
var nameParticles = map[string]bool{"bin": true, "ibn": true, "bint": true, "al": true, "el": true, "van": true,
	"von": true, "de": true, "da": true, "di": true, "del": true, "der": true, "dos": true, "du": true}

// isAgentAt reports whether a role-noun match ends at end, starting at or
// before start ("Foreign Minister" before "Wang").
func (b *builder) isAgentAt(start, end int) bool {
	for s, m := range b.sentMatches {
		if s <= start && m.End == end {
			if _, ok := b.agentOf(m); ok {
				return true
			}
		}
	}
	return false
}

// nameWord reports whether a token looks like part of a personal name: a
// capitalized word that is not a function word, weekday or pronoun.
func nameWord(t dyad.Token) bool {
	if !capitalizedName(t) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t.Text)
	return unicode.IsLetter(r)
}

// partOfPersonName reports whether a country, capital or organization name
// is part of a personal name the parse shows: "Jordan" in "Michael Jordan"
// or "Jordan Peterson", "Chad" in "Chad Reynolds". The neighbour must be a
// capitalized proper noun the knowledge base does not know, in a sentence
// that is not written in title case (a headline capitalizes every word).
func (b *builder) partOfPersonName(si int, m kb.Match) bool {
	isCountry := false
	for _, e := range m.Entries {
		switch e.Kind {
		case kb.CountryName, kb.Capital:
			isCountry = true
		case kb.OfficialEntry, kb.OrgEntry, kb.AgentEntry, kb.MetonymEntry, kb.RegionEntry, kb.CountryAdjective, kb.CountryPeople:
			return false
		}
	}
	name := b.doc.Article.Text[m.Start:m.End]
	if !isCountry || strings.Contains(name, " ") || b.titleCase(si) || strings.ToUpper(name) == name {
		return false // an abbreviation ("US", "UAE") is no given name or surname
	}
	// The recognizer read it as part of a longer personal name.
	for _, e := range b.doc.Entities {
		if e.Type == "PER" && e.Span.Start <= m.Start && m.End <= e.Span.End && e.Span.Len() > m.End-m.Start {
			return true
		}
	}
	toks := b.doc.Tokens
	sent := b.doc.Sentences[si]
	k := tokenAfter(toks, m.Start)
	if k < 0 || toks[k].End != m.End {
		return false
	}
	givenName := func(j int) bool {
		return j >= sent.FirstToken && j < sent.EndToken && toks[j].UPOS == "PROPN" && nameWord(toks[j]) &&
			!b.knownName(toks[j]) && !b.isAgentAt(toks[j].Start, toks[j].End) && b.titleBefore(toks[j].Start) == "" &&
			!institutionWords[strings.ToLower(toks[j].Text)] // "Jordan Commerce Minister": a portfolio
	}
	next := k + 1
	if next < sent.EndToken && toks[next].Start == m.End+1 && givenName(next) {
		return true
	}
	prev := k - 1
	return prev >= sent.FirstToken && toks[prev].End+1 == m.Start && givenName(prev) && prev > sent.FirstToken
}

// usStateContext are words near "Georgia" that mark the US state.
var usStateContext = map[string]bool{"Atlanta": true, "Savannah": true, "Republican": true, "Republicans": true,
	"Democrat": true, "Democrats": true, "Democratic": true, "Senate": true, "senator": true, "Sen.": true,
	"governor": true, "Gov.": true, "county": true, "County": true, "Peach": true, "Braves": true}

// usState reports whether "Georgia" names the US state, not the country:
// after "state of" or "Atlanta,", in "Savannah, Georgia", or with a mark of
// American state politics or places in its sentence ("Georgia's Republican
// governor", "a Georgia county").
func (b *builder) usState(si int, m kb.Match) bool {
	text := b.doc.Article.Text
	if text[m.Start:m.End] != "Georgia" {
		return false
	}
	before := strings.TrimRight(text[max(0, m.Start-40):m.Start], " ")
	if strings.HasSuffix(before, "state of") || strings.HasSuffix(before, "State of") {
		return true
	}
	if c := strings.TrimSuffix(before, ","); c != before {
		// "Savannah, Georgia": a place name the knowledge base does not
		// know before the comma (not "Armenia, Georgia").
		k := tokenAfter(b.doc.Tokens, m.Start)
		if k >= 2 && nameWord(b.doc.Tokens[k-2]) && !b.knownName(b.doc.Tokens[k-2]) {
			return true
		}
	}
	sent := b.doc.Sentences[si]
	for _, t := range b.doc.Tokens[sent.FirstToken:sent.EndToken] {
		if usStateContext[t.Text] {
			return true
		}
	}
	return false
}

// titleCase reports whether most words of sentence si are capitalized, as
// in a headline.
func (b *builder) titleCase(si int) bool {
	sent := b.doc.Sentences[si]
	words, caps := 0, 0
	for _, t := range b.doc.Tokens[sent.FirstToken:sent.EndToken] {
		if t.Kind != dyad.Word {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*7
}

// titleCase capitalizes the first letter of each word of s and lowers the
// rest: "BARACK OBAMA" is "Barack Obama", "AL-ASSAD" is "Al-Assad".
func titleCase(s string) string {
	out := []rune(strings.ToLower(s))
	for i, r := range out {
		if i == 0 || out[i-1] == ' ' || out[i-1] == '-' {
			out[i] = unicode.ToUpper(r)
		}
	}
	return string(out)
}
