package actors

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/kb"
)

// Stage is the actor stage. It is safe for concurrent use.
type Stage struct {
	kb *kb.KB
}

var _ dyad.Stage = (*Stage)(nil)

// New returns the actor stage over k.
func New(k *kb.KB) *Stage { return &Stage{kb: k} }

// Name returns "actors".
func (*Stage) Name() string { return "actors" }

// owner is what a role noun can belong to: a country, organization or metonym.
type owner struct {
	code    string // CAMEO code of the owner
	country string // ISO3
	name    string // "France", "NATO"
	adj     string // "French", or the name
	sector  string // a metonym's sector, if any
	kind    string // "country", "organization", "group"
	// dict is set for an actor of the user's dictionaries: its roles
	// compose as the dictionaries' agents say, whatever its kind.
	dict bool
}

// builder accumulates one document's actors and mentions.
type builder struct {
	s      *Stage
	doc    *dyad.Document
	index  map[string]int // actor key → index
	byName map[string]int // a person's first or last name → actor
	last   *owner         // the country last named, for "its" and "their"
	home   *owner         // the dateline's country, owner of agents named without one
	// chain is the owner of the role noun that ended at chainEnd, which a
	// role noun right after it inherits.
	chain    *owner
	chainEnd int
	matchAt  map[int]bool     // start offsets of the matcher's matches
	matchEnd map[int]kb.Match // the matches by end offset
	// at is the article's date, on which officials are coded.
	at time.Time
	// consumed marks matches (by start offset) already read as part of a
	// longer mention ("Foreign Minister" + "Wang Yi").
	consumed map[int]bool
	// sentMatches are the current sentence's matches by start offset.
	sentMatches map[int]kb.Match
	// singular and plural mark agent actors (by index) named by a singular
	// role noun for a person ("the minister") or a plural one ("the
	// protesters"); body marks those named by a singular noun for a body
	// ("the government", "the military"), which "it" may stand for.
	singular, plural, body map[int]bool
	// pluralAt marks the start offsets of plural role mentions: an agent
	// actor may be named "a protester" once and "protesters" later, and
	// "he" names only the first. singularAt marks those of one member of a
	// group ("a police officer", "a soldier"), which "he" may name.
	pluralAt, singularAt map[int]bool
	// nestedAt marks the mentions inside a longer one, by index, as the
	// coreference pass found them.
	nestedAt []bool
	// gender holds what is known of each person actor's gender (by index):
	// from gender.tsv for officials, from the given name or the title
	// otherwise, or learned from a pronoun already linked to them.
	gender map[int]kb.Gender
}

// Process adds doc.Mentions and doc.Actors.
func (s *Stage) Process(doc *dyad.Document) error {
	b := &builder{s: s, doc: doc, index: map[string]int{}, byName: map[string]int{}, at: articleDate(doc),
		consumed: map[int]bool{}, singular: map[int]bool{}, plural: map[int]bool{}, body: map[int]bool{},
		pluralAt: map[int]bool{}, singularAt: map[int]bool{}, gender: map[int]kb.Gender{}}
	matches := s.kb.Matcher().FindAll(doc.Article.Text)
	b.home = s.datelineCountry(doc)
	if b.home == nil {
		b.home = s.storyCountry(doc, matches, b.at)
	}
	b.matchAt = make(map[int]bool, len(matches))
	b.matchEnd = make(map[int]kb.Match, len(matches))
	for _, m := range matches {
		b.matchAt[m.Start] = !surnameOnly(m)
		b.matchEnd[m.End] = m
	}
	mi := 0
	for si := range doc.Sentences {
		sent := doc.Sentences[si]
		var ms []kb.Match
		for mi < len(matches) && matches[mi].Start < sent.End {
			if matches[mi].Start >= sent.Start && matches[mi].End <= sent.End {
				ms = append(ms, matches[mi])
			}
			mi++
		}
		b.sentence(si, ms)
	}
	b.theHouse()
	b.spokespeopleFor()
	b.officesOf()
	b.surnames()
	b.acronyms()
	b.entities()
	b.surnames() // names the recognizer introduced ("Sharif Hotak, of the council ... Hotak")
	b.acronyms() // and their acronyms ("the Civil Human Rights Front (CHRF)")
	b.coreference()
	b.prune()
	slices.SortStableFunc(doc.Mentions, func(x, y dyad.Mention) int {
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		return y.End - x.End
	})
	b.linkPlaces()
	for i := range doc.Actors {
		doc.Actors[i].ID = fmt.Sprintf("a%d", i+1)
	}
	for _, m := range doc.Mentions {
		ref := dyad.MentionRef{Text: m.Text, Start: m.Start, End: m.End, Sentence: m.Sentence}
		for _, ai := range append([]int{m.Actor}, m.Also...) {
			a := &doc.Actors[ai]
			if len(a.Mentions) == 0 {
				a.Text = m.Text
			}
			a.Mentions = append(a.Mentions, ref)
		}
	}
	return nil
}

// articleDate is the date officials are coded on: the dateline's own date,
// else the publication date, else zero (each official's latest office).
func articleDate(doc *dyad.Document) time.Time {
	a := doc.Article
	if a.Dateline != nil && a.Dateline.Date != "" {
		if t, err := time.Parse(dyad.DateLayout, a.Dateline.Date); err == nil {
			return t
		}
	}
	if a.Date.IsZero() {
		return time.Time{}
	}
	return time.Date(a.Date.Year(), a.Date.Month(), a.Date.Day(), 0, 0, 0, 0, time.UTC)
}

// sentence reads the matches of sentence si.
func (b *builder) sentence(si int, ms []kb.Match) {
	text := b.doc.Article.Text
	b.sentMatches = make(map[int]kb.Match, len(ms))
	for _, m := range ms {
		b.sentMatches[m.Start] = m
	}
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if b.consumed[m.Start] {
			continue
		}
		_, isDictOwner := b.dictOwner(m)
		if oi, ok := b.officialFor(si, m, nil, nil); ok && !isDictOwner {
			b.mention(si, m.Start, m.End, "person", b.officialActor(oi))
			continue
		}
		if b.partOfPersonName(si, m) || b.usState(si, m) || b.attitude(m) || b.regionInName(m) || b.capitalInName(m) {
			continue // "Jordan" in "Michael Jordan", "Chad" in "Chad Reynolds", the US state of Georgia, "pro-Russian", "Western Mindanao Command"
		}
		own, ownKind, isOwner := b.ownerOf(m, text)
		agent, isAgent := b.agentOf(m)
		if isAgent && !isOwner && (b.notNoun(m) || b.figurativeForces(m)) {
			continue // "if you're not so firm", "market forces", "joined forces": no role noun
		}
		switch {
		case ownKind == "adjective" && i+2 < len(ms) && b.sharedAgent(m, ms[i+1], ms[i+2]):
			// "German and Polish counterparts": the role belongs to both.
			ag, _ := b.agentOf(ms[i+2])
			b.agentWithOwnerSpan(si, m.Start, m.End, ms[i+2], ag, &own) // first: the events use it
			b.mention(si, m.Start, m.End, ownKind, b.ownerActor(own))
		case isOwner && i+1 < len(ms) && b.adjacentAgent(m, ms[i+1]):
			ag, _ := b.agentOf(ms[i+1])
			b.mention(si, m.Start, m.End, ownKind, b.ownerActor(own))
			if ns, ne, ok := b.appositiveName(m.Start); ok && ag.Kind == kb.Person {
				// "Agnès Callamard, a UN rapporteur": the name is the
				// role's holder.
				idx := b.person(text[ns:ne], &own, ag)
				b.mention(si, ns, ne, "person", idx)
				b.mention(si, m.Start, ms[i+1].End, "agent", idx)
			} else {
				b.agentWithOwner(si, m.Start, ms[i+1], ag, &own)
			}
			i++
			for i+1 < len(ms) && b.coordinatedRole(ms[i], ms[i+1]) {
				// "Danish media and government", "Russian troops and
				// officials": the owner owns each role of the list.
				next, _ := b.agentOf(ms[i+1])
				b.agentWithOwner(si, ms[i+1].Start, ms[i+1], next, &own)
				i++
			}
		case isAgent && agent.Role == "member" && i+1 < len(ms) && b.memberOfBody(m, ms[i+1]):
			// "Members of the House of Commons": the body's members act
			// as the body does.
			body, _ := b.agentOf(ms[i+1])
			if owners, end, ok := b.ofPhrase(ms, i+1); ok {
				// "members of the parliament of Chile"
				for j, ow := range owners {
					b.mention(si, ms[i+2+j].Start, ms[i+2+j].End, "name", b.ownerActor(ow))
				}
				b.agentWithOwnerSpan(si, m.Start, end, ms[i+1], body, &owners[0])
				i += 1 + len(owners)
				continue
			}
			b.agentWithOwnerSpan(si, m.Start, ms[i+1].End, ms[i+1], body, nil)
			i++
		case isAgent:
			if i+2 < len(ms) && b.coordinatedRole(m, ms[i+1]) {
				if owners, _, ok := b.ofPhrase(ms, i+1); ok {
					// "Lawmakers and officials in Fornost": the owners
					// after the second role own the first too.
					b.roleOfOwners(si, m.Start, m.End, m, agent, owners)
					continue
				}
			}
			var o *owner
			if owners, end, ok := b.ofPhrase(ms, i); ok {
				// "the ambassadors of Arnor, Osgiliath and Gondor": one
				// role for each owner, the mention standing for all.
				for j, ow := range owners {
					b.mention(si, ms[i+1+j].Start, ms[i+1+j].End, "name", b.ownerActor(ow))
				}
				b.roleOfOwners(si, m.Start, end, m, agent, owners)
				i += len(owners)
				continue
			}
			if agent.Role == "head of state" && b.ofUnknownBody(m) {
				// "the president of the Foundation for Middle East Peace",
				// "of the National Corn Growers Association": the head of a
				// body the knowledge base does not know, no head of state.
				continue
			}
			if w := strings.ToLower(b.doc.Article.Text[m.Start:m.End]); agent.Role == "member" && (w == "member" || w == "members") {
				// "members of the Yazidi religion", "of the public", "our
				// members are frustrated": members of no body the story
				// names with them ("Members of NATO", "NATO members" are
				// read above).
				continue
			}
			if b.possessivePronounBefore(m.Start) {
				// "its forces": the country that says what they did,
				// else the country named last.
				if o = b.sayer(m.Start); o == nil {
					o = b.last
				}
			} else if i > 0 && b.adjacentAgent(ms[i-1], m) {
				o = b.personsCountry(ms[i-1])
			}
			if gap := strings.TrimSpace(b.doc.Article.Text[b.chainEnd:m.Start]); b.chain != nil &&
				(gap == "" || gap == "'s" || gap == "’s") {
				// "Iranian foreign ministry spokesman", "the UN
				// secretary-general's spokesman": the spokesman belongs to
				// the owner of the ministry or office.
				o = b.chain
			}
			if ns, ne, ok := b.appositiveName(m.Start); ok && agent.Kind == kb.Person {
				// "Milica Jovanovic, a law student": the name is a person
				// with the role that follows it.
				idx := b.person(b.doc.Article.Text[ns:ne], o, agent)
				b.mention(si, ns, ne, "person", idx)
				b.mention(si, m.Start, m.End, "agent", idx)
				continue
			}
			b.agentWithOwner(si, m.Start, m, agent, o)
		case isOwner:
			if ownKind == "capital" && b.locative(m.Start) {
				continue // a place, not an actor
			}
			if ownKind == "adjective" && b.bareSubject(m) {
				continue // "Cuban also said he supports Obama": Mark Cuban, a name
			}
			b.mention(si, m.Start, m.End, ownKind, b.ownerActor(own))
		}
	}
}

// ownerOf interprets a match as something that can act or own a role: a
// country (by name, adjective, people noun or capital), an organization or a
// metonym, or an actor of the user's dictionaries that is no person. Media
// are not actors.
func (b *builder) ownerOf(m kb.Match, text string) (owner, string, bool) {
	k := b.s.kb
	if o, ok := b.dictOwner(m); ok {
		return o, "name", true
	}
	for _, e := range m.Entries {
		switch e.Kind {
		case kb.CountryName, kb.CountryAdjective, kb.CountryPeople, kb.Capital:
			kind := map[kb.EntryKind]string{kb.CountryName: "name", kb.CountryAdjective: "adjective",
				kb.CountryPeople: "people", kb.Capital: "capital"}[e.Kind]
			o := countryOwner(&k.Countries()[e.Index])
			if e.Kind == kb.CountryName {
				if iso3, ok := b.placeCountryAt(m.Start, m.End); ok && iso3 != o.country {
					// "Georgia businessman" in a story about the US
					// state: the places layer read the name as a
					// province of another country, whose it is.
					if po, ok := b.s.countryByISO3(iso3); ok {
						o = po
					}
				}
			}
			if e.Kind != kb.Capital {
				b.last = &o
			}
			return o, kind, true
		case kb.OrgEntry:
			org := k.Orgs()[e.Index]
			if org.Kind == kb.Media {
				continue
			}
			kind := "organization"
			if org.Kind == kb.Party || org.Kind == kb.ArmedGroup || org.Kind == kb.WorldRegion {
				kind = "group"
			}
			code, sector := org.On(b.at)
			return owner{code: code, country: org.Country, name: org.Name, adj: org.Name, sector: sector, kind: kind}, "organization", true
		case kb.MetonymEntry:
			mt := k.Metonyms()[e.Index]
			name := text[m.Start:m.End]
			if c, ok := k.CountryByISO3(mt.Country); ok {
				name = c.Name
			}
			return owner{code: mt.Code, country: mt.Country, name: name, adj: name, sector: mt.Sector, kind: "country"}, "metonym", true
		}
	}
	return owner{}, "", false
}

func (b *builder) agentOf(m kb.Match) (kb.Agent, bool) {
	for _, e := range m.Entries {
		if e.Kind == kb.AgentEntry {
			return b.s.kb.Agents()[e.Index], true
		}
	}
	return kb.Agent{}, false
}

// adjacentAgent reports whether next is a role noun right after m, directly
// or after a possessive "'s".
func (b *builder) adjacentAgent(m, next kb.Match) bool {
	if _, ok := b.agentOf(next); !ok || b.attitude(next) {
		return false // (a stance is no role: "a German anti-refugee group")
	}
	gap := strings.TrimSpace(b.doc.Article.Text[m.End:next.Start])
	// "U.S.-led forces" are American forces.
	if gap == "" || possessiveMark(gap) || gap == "-led" {
		return true
	}
	if k := tokenAfter(b.doc.Tokens, m.End); k >= 0 && possessiveMark(b.doc.Tokens[k].Text) {
		// "South Korea's National Police Agency", "Russia's new
		// defense minister", "China's outgoing foreign minister",
		// "France's former president", "Iran's newly appointed envoy".
		k++
		toks := b.doc.Tokens
		for j := k; j < len(toks) && j-k < 3 && toks[j].Start < next.Start && !startsUpperWord(toks[j].Text) &&
			(toks[j].UPOS == "ADJ" || toks[j].UPOS == "ADV" || toks[j].XPOS == "VBG" || toks[j].XPOS == "VBN" ||
				roleChangers[strings.ToLower(toks[j].Text)]); j++ {
			if j+1 < len(toks) && toks[j+1].Start == next.Start {
				return true
			}
		}
		if w := strings.ToLower(b.doc.Tokens[k].Text); k+1 < len(b.doc.Tokens) && b.doc.Tokens[k+1].Start == next.Start &&
			(institutionWords[w] || rankWords[w]) {
			return true // "Canada's top diplomat"
		}
		// "Trump's Special Presidential Envoy": a title in capitals.
		j := k
		for j < len(toks) && j-k < 3 && toks[j].Start < next.Start && startsUpperWord(toks[j].Text) && toks[j].UPOS == "ADJ" {
			j++
		}
		if j > k && j < len(toks) && toks[j].Start == next.Start && startsUpperWord(toks[j].Text) {
			return true
		}
		// "Ithilen's awful and evil minister Calimehtar": adjectives
		// joined by "and" before a title that a name follows.
		j, and := k, false
		for j < len(toks) && j-k < 4 && toks[j].Start < next.Start &&
			(toks[j].UPOS == "ADJ" && !startsUpperWord(toks[j].Text) || strings.EqualFold(toks[j].Text, "and") && j > k) {
			and = and || strings.EqualFold(toks[j].Text, "and")
			j++
		}
		if ag, _ := b.agentOf(next); and && j < len(toks) && toks[j].Start == next.Start && ag.Kind == kb.Person {
			_, known := b.nextMatch(next.End)
			_, _, named := b.personName(next.End)
			return known || named
		}
		return false
	}
	return b.modifiersOnly(m.End, next.Start)
}

func possessiveMark(w string) bool { return w == "'s" || w == "’s" || w == "'" || w == "’" }

// modifiersOnly reports whether the text between offsets from and to is
// one lower-case adjective or noun that modifies the role noun after it:
// "US peace envoy", "US special forces", "Arnor former officials" (whom
// "former" makes the country's elites), not "Russia says troops".
func (b *builder) modifiersOnly(from, to int) bool {
	toks := b.doc.Tokens
	k := tokenAfter(toks, from)
	if k < 0 || k+1 >= len(toks) || toks[k+1].Start < to {
		return false
	}
	t := toks[k]
	if t.Start < to && t.Kind == dyad.Word && institutionWords[strings.ToLower(t.Text)] {
		return true // "South Korea's National Police Agency"
	}
	return t.Start < to && t.Kind == dyad.Word && !startsUpperWord(t.Text) && (t.UPOS == "ADJ" || t.UPOS == "NOUN" || roleChangers[strings.ToLower(t.Text)])
}

// institutionWords are the capitalized words that may stand between an owner
// and a role in the name of an institution: "Indonesian National Police",
// "Russia's Federal Security Service".
var institutionWords = map[string]bool{"national": true, "federal": true, "central": true, "state": true,
	"royal": true, "armed": true, "special": true, "metropolitan": true, "general": true, "supreme": true,
	"military": true, "civil": true, "foreign": true, "defence": true, "defense": true, "interior": true,
	// A minister's portfolio: "US Commerce Secretary Wilbur Ross",
	// "Britain's Health Secretary".
	"commerce": true, "trade": true, "energy": true, "labor": true, "labour": true, "health": true,
	"education": true, "agriculture": true, "justice": true, "transportation": true, "transport": true,
	"housing": true, "finance": true, "economy": true, "environment": true, "culture": true, "treasury": true,
	"immigration": true, "infrastructure": true, "communications": true, "tourism": true, "development": true,
	// A court's level or reach: "the United States District Court".
	"district": true, "circuit": true, "high": true, "appeals": true, "appellate": true, "criminal": true,
	"administrative": true, "electoral": true, "provincial": true, "regional": true}

// rankWords rank a role without changing whose it is: "Canada's top
// diplomat", "Russia's chief negotiator".
var rankWords = map[string]bool{"top": true, "senior": true, "chief": true, "leading": true, "most-senior": true}

// formerRole reports whether a word that makes a role someone else's
// ("former", "ex") stands right before the role's phrase at start or
// between start and the role noun at nounStart.
func (b *builder) formerRole(start, nounStart int) bool {
	toks := b.doc.Tokens
	k := tokenAfter(toks, start)
	if k < 0 {
		return false
	}
	if k > 0 && roleChangers[strings.ToLower(toks[k-1].Text)] {
		return true
	}
	for ; k < len(toks) && toks[k].Start < nounStart; k++ {
		if roleChangers[strings.ToLower(toks[k].Text)] {
			return true
		}
	}
	return false
}

// stateSector reports whether sector is one of the state's: government,
// legislature, judiciary, armed forces, police or intelligence.
func stateSector(sector string) bool {
	switch {
	case strings.HasPrefix(sector, "GOV"):
		return true
	case sector == "LEG", sector == "JUD", sector == "MIL", sector == "COP", sector == "SPY":
		return true
	}
	return false
}

// roleChangers are modifiers that make a role someone else's: a former
// minister is no longer the government.
var roleChangers = map[string]bool{"former": true, "ex": true, "late": true, "then": true, "retired": true,
	"exiled": true, "deposed": true, "ousted": true, "would-be": true}

// sharedAgent reports whether m and next are coordinated adjectives of one
// role noun: "German and Polish counterparts", "US, Japanese and Korean
// troops" (the first of each pair).
func (b *builder) sharedAgent(m, next, role kb.Match) bool {
	_, kind, ok := b.ownerOf(next, b.doc.Article.Text)
	if !ok || kind != "adjective" {
		return false
	}
	gap := strings.TrimSpace(b.doc.Article.Text[m.End:next.Start])
	if gap != "and" && gap != "," && gap != ", and" && gap != "or" {
		return false
	}
	return b.adjacentAgent(next, role)
}

// ofPhrase matches "ROLE of OWNER" ("the foreign minister of France",
// "soldiers from Chad", "lawmakers in Fornost") at ms[i], with the owners
// coordinated with the first ("the ambassadors of Arnor, Osgiliath and
// Gondor"), returning the owners and the end of the phrase.
func (b *builder) ofPhrase(ms []kb.Match, i int) ([]owner, int, bool) {
	if i+1 >= len(ms) {
		return nil, 0, false
	}
	text := b.doc.Article.Text
	switch strings.TrimSpace(text[ms[i].End:ms[i+1].Start]) {
	case "from", "from the":
		if b.possessivePronounBefore(ms[i].Start) {
			// "recalled its ambassador from Beijing": the pronoun
			// owns the role, the capital is its post.
			return nil, 0, false
		}
	case "of", "of the", "in", "in the":
	default:
		if !describedOwner(strings.TrimSpace(text[ms[i].End:ms[i+1].Start])) {
			return nil, 0, false
		}
	}
	var owners []owner
	end := 0
	for j := i + 1; j < len(ms); j++ {
		if j > i+1 {
			switch strings.TrimSpace(text[ms[j-1].End:ms[j].Start]) {
			case ",", "and", ", and", "and the", ", and the", ", the":
			default:
				return owners, end, true
			}
		}
		o, kind, ok := b.ownerOf(ms[j], text)
		if !ok && j == i+1 {
			// "the government of Abdrabbuh Mansur Hadi": a known
			// official's country owns the role.
			o, ok = b.officialsCountry(ms[j])
		}
		if !ok || kind == "adjective" {
			if j == i+1 {
				return nil, 0, false
			}
			return owners, end, true
		}
		owners, end = append(owners, o), ms[j].End
	}
	return owners, end, len(owners) > 0
}

// describedOwner reports whether the words between a role and its owner
// are "of the" and one or two lower-case words that describe the owner
// ("fighters of the paramilitary Rapid Support Forces").
func describedOwner(between string) bool {
	rest, ok := strings.CutPrefix(between, "of the ")
	if !ok {
		return false
	}
	words := strings.Fields(rest)
	if len(words) == 0 || len(words) > 2 {
		return false
	}
	for _, w := range words {
		if strings.IndexFunc(w, func(r rune) bool { return (r < 'a' || r > 'z') && r != '-' }) >= 0 {
			return false
		}
	}
	return true
}

// coordinatedRole reports whether next is a role noun joined to the match
// m by "and" or a comma ("media and government", "lawmakers and
// officials").
func (b *builder) coordinatedRole(m, next kb.Match) bool {
	if _, ok := b.agentOf(next); !ok {
		return false
	}
	between := strings.TrimSpace(b.doc.Article.Text[m.End:next.Start])
	if f := strings.Fields(between); len(f) == 2 && f[0] == "and" && quantity(f[1]) {
		between = "and" // "eight Iranian officials and three companies"
	}
	switch between {
	case "and", ",", ", and", "and the":
		return true
	}
	return false
}

// quantity reports whether w is a number, in digits or in words ("three",
// "dozens", "several").
func quantity(w string) bool {
	if strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		return true
	}
	return quantityWords[strings.ToLower(w)]
}

var quantityWords = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "dozens": true, "hundreds": true,
	"thousands": true, "several": true, "many": true, "some": true, "other": true}

// roleOfOwners adds the role ag at [start, end) as the first owner's, the
// mention standing also for the same role of each further owner.
func (b *builder) roleOfOwners(si, start, end int, m kb.Match, ag kb.Agent, owners []owner) {
	b.agentWithOwnerSpan(si, start, end, m, ag, &owners[0])
	if len(owners) > 1 {
		rm := &b.doc.Mentions[len(b.doc.Mentions)-1]
		for _, ow := range owners[1:] {
			rm.Also = append(rm.Also, b.agentActor(joinCode(ow, ag), ow.country, ag.Sector, ow.adj+" "+ag.Role, ag))
		}
	}
}

// memberOfBody reports whether next is a group role ("parliament", "the
// House of Commons", "the army") right after "members of (the)" at m.
func (b *builder) memberOfBody(m, next kb.Match) bool {
	switch strings.TrimSpace(b.doc.Article.Text[m.End:next.Start]) {
	case "of", "of the":
	default:
		return false
	}
	if _, isOwner := b.dictOwner(next); isOwner {
		return false
	}
	body, ok := b.agentOf(next)
	return ok && body.Kind == kb.Group
}

// officialsCountry returns, as an owner, the country of the official whose
// name m is, in office on the article's date.
func (b *builder) officialsCountry(m kb.Match) (owner, bool) {
	for _, e := range m.Entries {
		if e.Kind != kb.OfficialEntry {
			continue
		}
		st := b.s.kb.Officials()[e.Index].On(b.at)
		if st.Country == "" {
			continue
		}
		if o, ok := b.s.countryByISO3(st.Country); ok {
			return o, true
		}
	}
	return owner{}, false
}

// personsCountry returns, as an owner, the country of the person whose
// name m is, as this story resolved it: "Trump's special envoy",
// "Putin's spokesman" are their country's.
func (b *builder) personsCountry(m kb.Match) *owner {
	for _, mn := range b.doc.Mentions {
		if mn.Start != m.Start || mn.End != m.End {
			continue
		}
		if a := b.doc.Actors[mn.Actor]; a.Kind == "person" && a.Country != "" {
			if o, ok := b.s.countryByISO3(a.Country); ok {
				return &o
			}
		}
	}
	return nil
}

// notNoun reports whether a one-word role match is, for the tagger, no
// noun: an adverb; a verb with an object after it ("aims to police a
// woman's body", "not my place to judge everybody"); an adjective that
// neither modifies a noun nor follows a determiner or possessive ("if
// you're not so firm", "political, military, religious"). The tagger's
// slips on nouns are left alone ("surrendered to police after", "its
// military,", "protesters' demands").
func (b *builder) notNoun(m kb.Match) bool {
	toks := b.doc.Tokens
	k := tokenAfter(toks, m.Start)
	if k < 0 || toks[k].End != m.End || k+1 < len(toks) && toks[k+1].XPOS == "POS" {
		return false
	}
	next, prev := "", ""
	if k+1 < len(toks) {
		next = toks[k+1].UPOS
	}
	if k > 0 {
		prev = toks[k-1].UPOS
	}
	switch toks[k].UPOS {
	case "ADV", "AUX":
		return true
	case "VERB":
		return next == "DET" || next == "PRON" || next == "NOUN" || next == "ADJ" || next == "NUM"
	case "ADJ":
		return next != "NOUN" && next != "PROPN" && prev != "DET" && prev != "PRON" && prev != "PROPN"
	}
	return false
}

// ofUnknownBody reports whether the role match m is followed by "of" and a
// capitalized name the knowledge base does not know ("the president of the
// Foundation for Middle East Peace"); "of the Republic" is the state's.
func (b *builder) ofUnknownBody(m kb.Match) bool {
	toks := b.doc.Tokens
	k := tokenAfter(toks, m.End)
	if k < 0 || !strings.EqualFold(toks[k].Text, "of") {
		return false
	}
	if k++; k < len(toks) && strings.EqualFold(toks[k].Text, "the") {
		k++
	}
	if k >= len(toks) || !startsUpperWord(toks[k].Text) || toks[k].Text == "Republic" {
		return false
	}
	_, known := b.sentMatches[toks[k].Start]
	return !known
}

// figurativeForces reports whether the match m is "forces" that are no
// troops: after an adjective of economics or politics ("market forces",
// "political forces", "moderating forces") or joined ("joined forces
// with"). A name before it keeps it ("Assad forces", "Afghan forces").
func (b *builder) figurativeForces(m kb.Match) bool {
	toks := b.doc.Tokens
	k := tokenAfter(toks, m.Start)
	if k <= 0 || toks[k].End != m.End || !strings.EqualFold(toks[k].Text, "forces") {
		return false
	}
	prev := toks[k-1]
	w := strings.ToLower(prev.Text)
	return abstractForces[w] || w == "join" || w == "joins" || w == "joined" || w == "joining"
}

// abstractForces are the modifiers of "forces" that make them no troops.
var abstractForces = wordSet(`economic market political social corporate moderating natural global dark
	progressive conservative liberal cultural historical`)

// bareSubject reports whether the adjective match m is one word that a
// clause has for subject with no determiner ("Cuban also said", "French
// wrote"): a surname, since a nationality as a bare singular subject is
// none ("the American said" keeps its determiner; "Cubans" is a people).
func (b *builder) bareSubject(m kb.Match) bool {
	toks := b.doc.Tokens
	k := tokenAfter(toks, m.Start)
	if k < 0 || toks[k].End != m.End || !strings.HasPrefix(toks[k].Rel, "nsubj") {
		return false
	}
	for _, c := range b.doc.Dependents(k) {
		if toks[c].Rel == "det" {
			return false
		}
	}
	return true
}

// sayer returns the country that says what a clause whose subject is the
// role at offset reports ("Pakistan denied India's accusation ... and said
// its forces did not attack": Pakistan's forces, not India's): the first
// country subject up the tree from the verb of saying. Nil if the tree
// shows none.
func (b *builder) sayer(offset int) *owner {
	toks := b.doc.Tokens
	k := tokenAfter(toks, offset)
	if k < 0 || !strings.HasPrefix(toks[k].Rel, "nsubj") {
		return nil
	}
	v := toks[k].Head
	if v < 0 || toks[v].Rel != "ccomp" || toks[v].Head < 0 || !sayingVerbs[toks[toks[v].Head].Lemma] {
		return nil
	}
	for v, hops := toks[v].Head, 0; v >= 0 && hops < 6; v, hops = toks[v].Head, hops+1 {
		for _, c := range b.doc.Dependents(v) {
			if !strings.HasPrefix(toks[c].Rel, "nsubj") || toks[c].Start >= offset {
				continue
			}
			for _, m := range b.doc.Mentions {
				if m.Start <= toks[c].Start && toks[c].End <= m.End {
					if a := b.doc.Actors[m.Actor]; a.Kind == "country" && a.Sector == "" {
						if o, ok := b.s.countryByISO3(a.Country); ok {
							return &o
						}
					}
					return nil
				}
			}
		}
	}
	return nil
}

// sayingVerbs are the verbs whose clause complement reports their subject's
// words.
var sayingVerbs = map[string]bool{"say": true, "announce": true, "tell": true, "state": true, "add": true,
	"confirm": true, "insist": true, "claim": true, "deny": true, "warn": true, "declare": true, "stress": true}

// possessivePronounBefore reports whether "its", "their" or "whose" directly
// precedes offset.
func (b *builder) possessivePronounBefore(offset int) bool {
	before := strings.TrimRight(b.doc.Article.Text[max(0, offset-16):offset], " ")
	i := strings.LastIndexAny(before, " \n\t(")
	w := strings.ToLower(before[i+1:])
	return w == "its" || w == "their" || w == "whose" // "Eritrea, whose troops fought"
}

// locative reports whether a locative preposition directly precedes offset.
func (b *builder) locative(offset int) bool {
	before := strings.TrimRight(b.doc.Article.Text[max(0, offset-48):offset], " ")
	i := strings.LastIndexAny(before, " \n\t(")
	w := strings.ToLower(before[i+1:])
	switch w {
	case "at", "toward", "towards":
		// "fired shells at Seoul", "lashed out at Beijing": the capital is
		// aimed at, an actor; "talks at Geneva" is a place.
		prev := strings.TrimRight(before[:max(0, i)], " ")
		return !aimWords[strings.ToLower(prev[strings.LastIndexAny(prev, " \n\t(")+1:])]
	case "from":
		// "recalled its ambassador from Beijing": a diplomat's post is
		// the country; "fled from Kabul" is a place.
		prev := strings.TrimRight(before[:max(0, i)], " ")
		return !diplomatWords[strings.ToLower(prev[strings.LastIndexAny(prev, " \n\t(")+1:])]
	case "in", "to", "near", "into", "outside", "via", "across", "around", "through", "throughout", "within", "inside":
		return true
	}
	return false
}

// diplomatWords are the nouns after which "from" and a capital name the
// country a diplomat is withdrawn from.
var diplomatWords = map[string]bool{"ambassador": true, "ambassadors": true, "envoy": true, "envoys": true,
	"diplomat": true, "diplomats": true, "consul": true, "staff": true, "personnel": true}

// aimWords are the words after which "at" or "toward" names a target.
var aimWords = map[string]bool{"fire": true, "fired": true, "fires": true, "firing": true, "shells": true,
	"missiles": true, "rockets": true, "shots": true, "drones": true, "bombs": true, "mortars": true,
	"grenades": true, "aimed": true, "aim": true, "aiming": true, "directed": true, "pointed": true,
	"launched": true, "out": true, "jab": true, "swipe": true, "dig": true}

// earlierBody returns the country of the latest body of the same kind the
// story named with a country in the lookBack sentences before offset, for a
// body named without an owner: "Russia's foreign ministry denied it ...
// ministry spokeswoman Yelena Sorokina said" is Russia's ministry, not one
// of the dateline's country. Nil if there is none.
func (b *builder) earlierBody(si, offset int, ag kb.Agent) *owner {
	ms := b.doc.Mentions
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.Start >= offset {
			continue
		}
		if m.Sentence < si-lookBack {
			break
		}
		a := b.doc.Actors[m.Actor]
		if a.Kind != "agent" || a.Country == "" || a.Role != ag.Role && !strings.HasSuffix(a.Role, " "+ag.Role) {
			continue
		}
		if o, ok := b.s.countryByISO3(a.Country); ok {
			return &o
		}
	}
	return nil
}

// agentWithOwner adds a role noun match, with its owner if any, and the
// person's name that may follow it.
func (b *builder) agentWithOwner(si, start int, m kb.Match, ag kb.Agent, o *owner) {
	b.agentWithOwnerSpan(si, start, m.End, m, ag, o)
}

func (b *builder) agentWithOwnerSpan(si, start, end int, m kb.Match, ag kb.Agent, o *owner) {
	text := b.doc.Article.Text
	named := o // the owner the text gives, before any default
	if o == nil && (!strings.HasPrefix(ag.Sector, "GOV") || partyRoles[ag.Role]) {
		if po, at, ok := b.partyBefore(start); ok {
			// "Republican lawmakers", "Democratic leaders": the
			// party's, in a story about its country; not "a
			// Republican governor", who governs.
			o, named, start = &po, &po, at
		}
	}
	if o == nil {
		o = b.placeBefore(start)
	}
	if o == nil {
		o = b.whereOwner(start)
	}
	if o == nil && ag.Kind == kb.Group {
		o = b.earlierBody(si, start, ag)
	}
	if o == nil && !b.foreignBefore(start) {
		o = b.home
	}
	code, country, sector := ag.Sector, "", ag.Sector
	if o != nil {
		code, country = joinCode(*o, ag), o.country
	}
	if next, ok := b.nextMatch(m.End); ok && ag.Kind == kb.Person && end == m.End {
		// "Foreign Minister Wang Yi", "President Xi", "Secretary Blinken".
		oi, ok := b.officialFor(si, next, &ag, o)
		if !ok && named == nil && o != nil {
			// The story's country is only a default: "President Reagan"
			// in a story about Mexico is still the American president.
			oi, ok = b.officialFor(si, next, &ag, nil)
		}
		if ok {
			b.consumed[next.Start] = true
			idx := b.officialActor(oi)
			if st := b.s.kb.Officials()[oi].On(b.at); !st.Current && st.Country != "" && stateSector(ag.Sector) && !b.formerRole(start, m.Start) &&
				!surnameOnly(next) && !partyRoles[ag.Role] &&
				!slices.ContainsFunc(b.s.kb.Officials()[oi].Terms, func(t kb.Term) bool { return roleFits(&ag, t.Role) }) {
				// "Sen. Marco Rubio" in 2016: a specific title before a
				// full name, of an office the tables do not hold for
				// him, says what he was then, where they know only a
				// later office (and would make him an elite);
				// "President Carter" in 2020 stays the former president
				// the tables know, and "Secretary Clinton" a surname.
				if co, ok := b.s.countryByISO3(st.Country); ok {
					a := &b.doc.Actors[idx]
					a.Code, a.Country, a.Sector, a.Role = joinCode(co, ag), co.country, ag.Sector, ag.Role
				}
			}
			if do, ok := b.dictOwner(next); ok {
				// A dictionary actor under a title takes the title's
				// code, as the dictionaries' agents do: "Prime
				// Minister Romendacil" [BRE] is BREGOV; a possessive
				// owner before the title prevails ("Ithilen's minister
				// Calimehtar" is Ithilen's).
				if o != nil && o != b.home {
					do.code, do.country = joinCode(*o, ag), o.country
				} else {
					do.code = joinCode(do, ag)
				}
				do.kind, do.name = "person", text[start:next.End]
				idx = b.ownerActor(do)
				if ag.Prefix {
					// A prefixed agent names a body ("MSF Arnor"),
					// which owns the role right after it: "an MSF
					// Arnor diplomat" is NGOARNGOV.
					owned := do
					b.chain, b.chainEnd = &owned, next.End
				}
			}
			b.mention(si, start, next.End, "person", idx)
			return
		}
	}
	nameAt := m.End
	if rest := text[m.End:]; strings.HasPrefix(rest, " (") && ag.Kind == kb.Person && end == m.End {
		// "MP (Member of Parliament) Tom Watson": the name after the
		// parenthesis the title explains.
		if j := strings.IndexByte(rest, ')'); j > 0 && j < 48 && !strings.ContainsAny(rest[:j], ".;\n") {
			nameAt = m.End + j + 1
		}
	}
	if nameStart, nameEnd, ok := b.personName(nameAt); ok && ag.Kind == kb.Person && end == m.End {
		if of, ok := b.ownerAfterName(nameEnd); ok && (o == nil || o == b.home) {
			// "President Patrice Talon of Benin"
			o = &of
		}
		idx := b.person(text[nameStart:nameEnd], o, ag)
		b.mention(si, start, nameEnd, "person", idx)
		return
	}
	if nameStart, nameEnd, ok := b.personName(m.End); ok && namedGroups[ag.Role] && o != nil && end == m.End && start < m.Start {
		// "Iranian airline Mahan Air": the name is the company's, and
		// any of its words names it later ("Mahan's permit"). The owner
		// must be written before the role, not lent by the story.
		label := o.adj + " " + ag.Role
		idx := b.agentActor(joinCode(*o, ag), o.country, ag.Sector, label, ag)
		b.doc.Actors[idx].Name = text[nameStart:nameEnd]
		b.mention(si, start, nameEnd, "agent", idx)
		for _, w := range strings.Fields(text[nameStart:nameEnd]) {
			if _, taken := b.byName[w]; !taken && utf8.RuneCountInString(w) >= 3 && !b.matchAt[b.tokenStartOf(nameStart, w)] {
				b.byName[w] = idx
			}
		}
		return
	}
	if nameStart, nameEnd, ok := b.namedAfterComma(m.End); ok && ag.Kind == kb.Person && end == m.End {
		// "Brazil's vice president, Roberto Almeida,"
		idx := b.person(text[nameStart:nameEnd], o, ag)
		b.mention(si, start, m.End, "agent", idx)
		b.mention(si, nameStart, nameEnd, "person", idx)
		return
	}
	if o != nil {
		b.chain, b.chainEnd = o, end
	}
	if ag.Kind == kb.Person && stateSector(ag.Sector) && b.formerRole(start, m.Start) {
		// "former American officials", "Arnor former security
		// officials": no longer the state's, they are its elites
		// (CAMEO's ELI).
		ag.Sector, ag.Role = "ELI", "former "+ag.Role
		code, sector = "ELI", "ELI"
		if o != nil {
			code = joinCode(*o, ag)
		}
	}
	label := ag.Role
	if o != nil {
		label = o.adj + " " + ag.Role
	}
	idx := b.agentActor(code, country, sector, label, ag)
	if noun := strings.ToLower(text[m.Start:m.End]); noun == ag.Phrase && ag.Kind == kb.Person {
		b.singular[idx] = true
	} else if noun == ag.Phrase {
		b.body[idx] = true
	} else if slices.Contains(ag.Plurals, noun) {
		b.plural[idx] = true
		b.pluralAt[start] = true
	}
	if ag.Kind == kb.Group && b.memberNoun(m.End) {
		b.singularAt[start] = true
	}
	b.mention(si, start, end, "agent", idx)
}

// officesOf makes "X's office", where X is a role or person the story
// codes, X itself: "the Manhattan district attorney's office" is the
// prosecutor's (JUD), not a government office.
func (b *builder) officesOf() {
	text := b.doc.Article.Text
	for i := range b.doc.Mentions {
		m := &b.doc.Mentions[i]
		if m.Kind != "agent" || b.doc.Actors[m.Actor].Role != "office" {
			continue
		}
		for j := range b.doc.Mentions {
			o := b.doc.Mentions[j]
			if j == i || o.End >= m.Start || !possessiveMark(strings.TrimSpace(text[o.End:m.Start])) {
				continue
			}
			if owner := b.doc.Actors[o.Actor]; (o.Kind == "agent" || owner.Kind == "person") && owner.Code != "" && owner.Code != owner.Sector {
				m.Actor = o.Actor
			}
		}
	}
}

// spokespeopleFor gives a spokesperson with no owner the code of the body or
// person named after "for" ("a spokesperson for the Indonesian National
// Police" is IDNCOP, "a spokesman for President Duterte" PHLGOV), as an owner
// before the role would ("Kremlin spokesman").
func (b *builder) spokespeopleFor() {
	text := b.doc.Article.Text
	starts := make(map[int]int, len(b.doc.Mentions))
	for i, m := range b.doc.Mentions {
		if _, ok := starts[m.Start]; !ok || m.End > b.doc.Mentions[starts[m.Start]].End {
			starts[m.Start] = i
		}
	}
	for i := range b.doc.Mentions {
		m := &b.doc.Mentions[i]
		a := b.doc.Actors[m.Actor]
		if m.Kind != "agent" || a.Role != "spokesperson" {
			continue
		}
		if !strings.HasPrefix(text[m.End:], " for ") {
			continue
		}
		at := m.End + len(" for ")
		if strings.HasPrefix(text[at:], "the ") {
			at += len("the ")
		}
		j, ok := starts[at]
		if !ok {
			continue
		}
		owner := b.doc.Actors[b.doc.Mentions[j].Actor]
		if owner.Code == "" || owner.Code == owner.Sector || a.Code != a.Sector && a.Country != owner.Country && !b.homeCountry(a.Country) {
			continue // a spokesperson whose own country was written ("an Iranian spokesman for ...")
		}
		if a.Kind == "person" {
			// "Dedi Prasetyo, a spokesperson for ...": the named holder.
			p := &b.doc.Actors[m.Actor]
			p.Code, p.Country, p.Sector = owner.Code, owner.Country, owner.Sector
			continue
		}
		idx := b.agentActor(owner.Code, owner.Country, owner.Sector, owner.Name+" spokesperson", kb.Agent{Role: a.Role})
		b.singular[idx] = true
		m.Actor = idx
	}
}

// theHouse adds "the House" (capitalized, not "the House of ...") as the
// lower house of the story's country: Congress's in a US story, the
// Commons in a British one. Without a story country it stays unknown.
func (b *builder) theHouse() {
	if b.home == nil {
		return
	}
	ag, ok := b.s.kb.AgentFor("lower house")
	if !ok {
		return
	}
	toks := b.doc.Tokens
	for si, sent := range b.doc.Sentences {
		for k := sent.FirstToken; k < sent.EndToken; k++ {
			members := k+1 < sent.EndToken && (toks[k+1].Text == "members" || toks[k+1].Text == "member") // "House members voiced concerns"
			if toks[k].Text != "House" || !(k > sent.FirstToken && strings.EqualFold(toks[k-1].Text, "the")) && !members ||
				k+1 < sent.EndToken && (toks[k+1].Text == "of" || startsUpperWord(toks[k+1].Text)) ||
				b.overlapsMention(toks[k].Span) {
				continue
			}
			if k-2 >= sent.FirstToken && startsUpperWord(toks[k-1].Text) && toks[k-1].Text != "The" {
				continue
			}
			idx := b.agentActor(joinCode(*b.home, *ag), b.home.country, ag.Sector, b.home.adj+" "+ag.Role, *ag)
			b.body[idx] = true
			b.mention(si, toks[k].Start, toks[k].End, "agent", idx)
		}
	}
}

// namedGroups are the roles of a body whose own name may follow them:
// "Iranian airline Mahan Air", "Chinese firm Huawei".
var namedGroups = map[string]bool{"airline": true, "company": true}

// tokenStartOf returns the offset of word w in the text from offset from.
func (b *builder) tokenStartOf(from int, w string) int {
	if i := strings.Index(b.doc.Article.Text[from:], w); i >= 0 {
		return from + i
	}
	return -1
}

// foreignBefore reports whether the role noun at offset follows a word that
// makes it someone else's than the story country's: "foreign troops",
// "third-country citizens", "overseas workers".
func (b *builder) foreignBefore(offset int) bool {
	before := strings.TrimRight(b.doc.Article.Text[max(0, offset-24):offset], " ")
	i := strings.LastIndexAny(before, " \n\t(")
	switch strings.ToLower(before[i+1:]) {
	case "foreign", "third-country", "overseas", "international", "western", "other":
		return true
	}
	return false
}

// ownerAfterName returns the country or organization named in "of OWNER"
// right after a person's name ending at offset.
func (b *builder) ownerAfterName(offset int) (owner, bool) {
	text := b.doc.Article.Text
	if !strings.HasPrefix(text[offset:], " of ") {
		return owner{}, false
	}
	m, ok := b.sentMatches[offset+len(" of ")]
	if !ok {
		return owner{}, false
	}
	o, kind, ok := b.ownerOf(m, text)
	if !ok || kind == "adjective" || kind == "people" {
		return owner{}, false
	}
	return o, true
}

// agentActor returns the actor of role ag with the given code, adding it on
// first mention.
func (b *builder) agentActor(code, country, sector, label string, ag kb.Agent) int {
	key := "agent:" + code + ":" + ag.Role
	if strings.HasSuffix(code, "PTY") {
		key += ":" + label // the Democrats' and the Republicans' leaders share USAPTY, not an actor
	}
	idx, ok := b.index[key]
	if !ok {
		idx = len(b.doc.Actors)
		b.index[key] = idx
		b.doc.Actors = append(b.doc.Actors, dyad.Actor{Name: label, Code: code, Country: country, Sector: sector,
			Kind: "agent", Role: ag.Role})
	}
	return idx
}

// person returns the actor of the named person with role ag, owned by o (or
// the dateline's country), adding it on first mention.
func (b *builder) person(name string, o *owner, ag kb.Agent) int {
	key := "person:" + name
	if idx, ok := b.index[key]; ok {
		return idx
	}
	if o == nil {
		o = b.home
	}
	code, country := ag.Sector, ""
	if o != nil {
		code, country = joinCode(*o, ag), o.country
	}
	idx := len(b.doc.Actors)
	b.index[key] = idx
	b.doc.Actors = append(b.doc.Actors, dyad.Actor{Name: name, Code: code, Country: country, Sector: ag.Sector,
		Kind: "person", Role: ag.Role})
	if g := titleGender(ag.Phrase); g != kb.Unknown {
		b.gender[idx] = g
	} else if g := b.s.kb.GenderOf(name); g != kb.Unknown {
		b.gender[idx] = g
	}
	words := strings.Fields(name)
	for _, w := range []string{words[0], words[len(words)-1]} {
		if utf8.RuneCountInString(w) >= 3 {
			if _, taken := b.byName[w]; !taken {
				b.byName[w] = idx
			}
		}
	}
	return idx
}

// titleGender is the gender a role noun implies: "spokeswoman", "queen".
func titleGender(phrase string) kb.Gender {
	switch {
	case strings.HasSuffix(phrase, "woman") || phrase == "queen" || phrase == "empress" || phrase == "duchess":
		return kb.Female
	case strings.HasSuffix(phrase, "man") || phrase == "king" || phrase == "emperor" || phrase == "emir" || phrase == "crown prince":
		return kb.Male
	}
	return kb.Unknown
}

// namedAfterComma returns the name in "ROLE, Name Surname," or "ROLE, Name
// Surname." right after offset: a comma, then capitalized words ending the
// clause.
func (b *builder) namedAfterComma(offset int) (int, int, bool) {
	toks := b.doc.Tokens
	k := tokenAfter(toks, offset)
	if k < 0 || k+1 >= len(toks) || toks[k].Text != "," || toks[k].Start != offset {
		return 0, 0, false
	}
	s, e, ok := b.personName(toks[k].End)
	if !ok {
		return 0, 0, false
	}
	after := tokenAfter(toks, e)
	if after >= 0 && !strings.Contains(",.;:", toks[after].Text) {
		return 0, 0, false
	}
	return s, e, true
}

// appositiveName returns the name in "Name Surname, a|an|the ... ROLE" for
// the role noun starting at offset: a comma and an article before the role
// (with up to six tokens between them), capitalized words before the comma.
func (b *builder) appositiveName(offset int) (int, int, bool) {
	toks := b.doc.Tokens
	k := tokenAfter(toks, offset)
	if k <= 0 {
		return 0, 0, false
	}
	// Up to six words between the article and the role, hyphens included:
	// "a 22 - year - old law student".
	j := k - 1
	for n := 0; j >= 0 && n < 6 && !isArticle(toks[j].Text) && (toks[j].Kind != dyad.Punct || toks[j].Text == "-"); n++ {
		if x := toks[j].XPOS; x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD" {
			// "Louisiana, a Baton Rouge newspaper called on Democrat
			// candidate": a clause, not a role ("a Republican
			// appointed as deputy attorney general" is one).
			return 0, 0, false
		}
		j--
	}
	if j < 1 || !isArticle(toks[j].Text) || toks[j-1].Text != "," {
		return 0, 0, false
	}
	end := j - 1 // the comma
	first := end
	for first > 0 && end-first < 4 && capitalizedName(toks[first-1]) && !b.knownName(toks[first-1]) {
		first--
	}
	if first == end {
		return 0, 0, false
	}
	if _, isPlace := b.placeCountryAt(toks[first].Start, toks[end-1].End); isPlace {
		return 0, 0, false // "Kharkiv, a city ...": a place
	}
	return toks[first].Start, toks[end-1].End, true
}

func isArticle(w string) bool { return w == "a" || w == "an" || w == "the" }

// personName returns the span of up to four capitalized words right after
// offset: the name after a title ("President Lee Jae-myung").
func (b *builder) personName(offset int) (int, int, bool) {
	text := b.doc.Article.Text
	first := tokenAfter(b.doc.Tokens, offset)
	if first < 0 || b.doc.Tokens[first].Start-offset > 1 {
		return 0, 0, false
	}
	end := -1
	toks := b.doc.Tokens
	for k, words := first, 0; k < len(toks) && words < 4; k++ {
		t := toks[k]
		// "Ji-ho" is three tokens without spaces between them.
		if t.Text == "-" && k+1 < len(toks) && toks[k-1].End == t.Start && toks[k+1].Start == t.End && end == toks[k-1].End {
			continue
		}
		joined := k > first && toks[k-1].Text == "-" && toks[k-1].End == t.Start
		if k > first && !joined && toks[k-1].End != t.Start-1 || !capitalizedName(t) && !joined {
			break
		}
		if text[t.Start:t.End] != "" && b.knownName(t) {
			break
		}
		end = t.End
		words++
	}
	if end < 0 {
		return 0, 0, false
	}
	return b.doc.Tokens[first].Start, end, true
}

// knownName reports whether a token starts a knowledge-base name other than
// a bare surname, which ends a person's name ("President Lee Seoul" is not
// a name).
func (b *builder) knownName(t dyad.Token) bool {
	return b.matchAt[t.Start]
}

// surnameOnly reports whether a match is only the surname of known
// officials, which may be part of anyone's name ("Kim" in "Kim Ji-ho").
func surnameOnly(m kb.Match) bool {
	for _, e := range m.Entries {
		if e.Kind != kb.SurnameEntry {
			return false
		}
	}
	return true
}

// notNames are capitalized words that follow titles but are not names.
var notNames = map[string]bool{"The": true, "A": true, "An": true, "On": true, "In": true, "At": true,
	"And": true, "But": true, "Of": true, "For": true, "To": true, "Monday": true, "Tuesday": true,
	"Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true, "He": true,
	"She": true, "They": true, "It": true, "I": true, "We": true}

func capitalizedName(t dyad.Token) bool {
	if t.Kind != dyad.Word || notNames[t.Text] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// memberNoun reports whether the role noun that ends at offset names one
// member of a group: a singular noun for a person ("officer", "soldier",
// "protester"), not a body ("force", "department").
func (b *builder) memberNoun(end int) bool {
	toks := b.doc.Tokens
	k, _ := slices.BinarySearchFunc(toks, end, func(t dyad.Token, off int) int { return t.End - off })
	if k >= len(toks) || toks[k].End != end || toks[k].XPOS != "NN" {
		return false
	}
	return memberNouns[strings.ToLower(toks[k].Text)]
}

// memberNouns name one member of a group.
var memberNouns = wordSet(`officer policeman policewoman constable soldier trooper marine sailor pilot guard protester
	protestor demonstrator activist militant rebel insurgent separatist fighter gunman jihadist extremist
	terrorist student worker member settler refugee migrant civilian resident farmer doctor nurse priest monk cleric
	imam bishop voter supporter commander agent spy`)

func tokenAfter(toks []dyad.Token, offset int) int {
	k, _ := slices.BinarySearchFunc(toks, offset, func(t dyad.Token, off int) int { return t.Start - off })
	if k < len(toks) {
		return k
	}
	return -1
}

// joinCode appends a role's sector to its owner's code: a country's agents
// are the country code plus the sector (FRA + GOV), an organization's agents
// are the organization itself (a NATO spokeswoman is IGOWSTNAT), and a sector
// the owner's code already ends with is not repeated (Kremlin spokesman:
// RUSGOV).
func joinCode(o owner, ag kb.Agent) string {
	sector := ag.Sector
	if o.dict {
		// The dictionaries' own rule: every actor takes its agents' codes,
		// NGO~ before it, ~GOV after it, unless it already has them
		// ("Washington officials" stay USAGOV).
		switch {
		case ag.Prefix && !strings.HasPrefix(o.code, sector):
			return sector + o.code
		case !ag.Prefix && !strings.HasSuffix(o.code, sector):
			return o.code + sector
		}
		return o.code
	}
	if sector == "LEG" && o.sector == "PTY" && strings.HasSuffix(o.code, "PTY") && len(o.code) > 3 {
		return strings.TrimSuffix(o.code, "PTY") + "LEG" // "Labour MP": a lawmaker of the country
	}
	if o.kind != "country" && !worldRegionCodes[o.code] || strings.HasSuffix(o.code, sector) || o.sector != "" {
		return o.code
	}
	return o.code + sector // "Iranian officials", "Western leaders" (WSTGOV)
}

// datelineCountry returns the country of the story's dateline place, which
// owns the officials a wire story names without a country ("Foreign Minister
// Kim" under a SEOUL dateline).
func (s *Stage) datelineCountry(doc *dyad.Document) *owner {
	for _, p := range doc.Places {
		for _, m := range p.Mentions {
			if m.Sentence >= 0 || p.Country == "" {
				continue
			}
			if o, ok := s.countryByISO3(p.Country); ok {
				return &o
			}
			return nil
		}
	}
	return nil
}

// storyCountry returns the country a story without a dateline happens in:
// the country of most of the places its sentences name and of its parties
// (a party's mention counting as two places), when it has at least
// storyMinMentions of them and storyShare of all; failing that, of
// most of the places and officials (named in full, in office on the
// article's date) together, by the same measure. It owns the roles and
// agents the story names without a country ("the police", "Congress", "the
// defence secretary").
func (s *Stage) storyCountry(doc *dyad.Document, matches []kb.Match, at time.Time) *owner {
	count := map[string]int{}
	total := 0
	for _, p := range doc.Places {
		if p.Country == "" {
			continue
		}
		n := len(p.Mentions)
		count[p.Country] += n
		total += n
	}
	for _, m := range matches {
		// A country's parties are named in its own politics: a US story
		// on sanctions against Iran names Iran more often than any
		// American place, but its Democrats and Republicans are the
		// Senate's. (A match's first entry is what it names first.)
		if e := m.Entries[0]; e.Kind == kb.OrgEntry {
			if org := s.kb.Orgs()[e.Index]; org.Kind == kb.Party && org.Country != "" {
				count[org.Country] += 2
				total += 2
			}
		}
	}
	if o := s.majority(count, total); o != nil {
		return o
	}
	for _, m := range matches {
		for _, e := range m.Entries {
			if e.Kind != kb.OfficialEntry {
				continue
			}
			if st := s.kb.Officials()[e.Index].On(at); st.Current && st.Country != "" {
				count[st.Country]++
				total++
			}
			break
		}
	}
	return s.majority(count, total)
}

// majority returns the country with the most of total mentions, when it has
// at least storyMinMentions and storyShare of them.
func (s *Stage) majority(count map[string]int, total int) *owner {
	best, bestN := "", 0
	for c, n := range count {
		if n > bestN || n == bestN && c < best {
			best, bestN = c, n
		}
	}
	if bestN < storyMinMentions || float64(bestN) < storyShare*float64(total) {
		return nil
	}
	if o, ok := s.countryByISO3(best); ok {
		return &o
	}
	return nil
}

// countryByISO3 returns the country with the ISO3 code as an owner.
func (s *Stage) countryByISO3(iso3 string) (owner, bool) {
	c, ok := s.kb.CountryByISO3(iso3)
	if !ok {
		return owner{}, false
	}
	return countryOwner(c), true
}

// countryOwner returns country c as an owner, named by its first
// adjective ("French") in role labels.
func countryOwner(c *kb.Country) owner {
	adj := c.Name
	if len(c.Adjectives) > 0 {
		adj = c.Adjectives[0]
	}
	return owner{code: c.Code, country: c.ISO3, name: c.Name, adj: adj, kind: "country"}
}

var storyMinMentions, storyShare = 2, 0.5

// modifierSuffixes are the second halves of hyphenated compounds in which a
// name modifies something else that is not its agent: "Russia-backed
// separatists" are not Russia, "Israeli-occupied" land is a place.
// ("U.S.-led" and "Liberian-flagged" are left alone: the coalition acts for
// the United States, the ship belongs to Liberia.)
var modifierSuffixes = map[string]bool{"backed": true, "funded": true, "sponsored": true, "allied": true,
	"aligned": true, "installed": true, "held": true, "occupied": true, "controlled": true, "annexed": true,
	"born": true, "brokered": true, "linked": true, "friendly": true, "leaning": true, "style": true, "bound": true,
	"language": true, "speaking": true}

// immigrantPeoples are the second halves of names of origin ("Iranian-American
// businessman", "African-American voters", "Chinese-Canadian"): the first
// half is where a family came from, not who acts.
var immigrantPeoples = map[string]bool{"american": true, "americans": true, "canadian": true, "canadians": true,
	"australian": true, "australians": true}

// relationNouns after "X-American" make it a pair of countries ("Russian-American
// relations"), not an origin.
var relationNouns = map[string]bool{"relations": true, "relationship": true, "ties": true, "talks": true,
	"summit": true, "border": true, "war": true, "trade": true, "deal": true, "agreement": true, "treaty": true,
	"alliance": true, "conflict": true, "dialogue": true, "cooperation": true, "partnership": true,
	"rivalry": true, "tensions": true, "tension": true, "friendship": true, "pact": true, "axis": true}

// attitude reports whether a match is a stance or a modifier rather than an
// actor: after "pro-", "anti-" or "non-" ("pro-Russian separatists",
// "anti-government protesters"), before "-backed", "-occupied",
// "-language" and the like ("Russia-backed officials", "a Spanish-language
// ad"), or an origin before "-American" ("an Iranian-American
// businessman" is American).
func (b *builder) attitude(m kb.Match) bool {
	text := b.doc.Article.Text
	before := strings.ToLower(text[max(0, m.Start-5):m.Start])
	for _, p := range []string{"pro-", "anti-", "non-", "pro–", "anti–"} {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	if m.End < len(text) && text[m.End] == '-' {
		rest := text[m.End+1:]
		i := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
		if i < 0 {
			i = len(rest)
		}
		suffix := strings.ToLower(rest[:i])
		if immigrantPeoples[suffix] {
			next := strings.Fields(rest[i:])
			return len(next) == 0 || !relationNouns[strings.ToLower(strings.Trim(next[0], ".,;:"))]
		}
		return modifierSuffixes[suffix]
	}
	return false
}

// whereOwner returns the country of a ", where" clause that the role noun
// at offset sits in: "visit Japan, where he will meet Prime Minister
// Sakamoto" (Japan's prime minister, not the dateline country's).
func (b *builder) whereOwner(offset int) *owner {
	text := b.doc.Article.Text
	var found *owner
	at := -1
	defer func(last *owner) { b.last = last }(b.last) // ownerOf sets it; this is only a look
	for s, m := range b.sentMatches {
		if s <= at || m.End >= offset || !strings.HasPrefix(text[m.End:], ", where ") || strings.Contains(text[m.End:offset], ".") {
			continue
		}
		if o, kind, ok := b.ownerOf(m, text); ok && o.kind == "country" && kind != "adjective" {
			found, at = &o, s // the nearest before the role noun
		}
	}
	return found
}

// placeCountryAt returns the country of the place the places layer found
// at exactly [start, end).
func (b *builder) placeCountryAt(start, end int) (string, bool) {
	for _, p := range b.doc.Places {
		for _, m := range p.Mentions {
			if m.Start == start && m.End == end {
				return p.Country, p.Country != ""
			}
		}
	}
	return "", false
}

// partyRoles are the government-sector roles that a party adjective makes
// the party's: its leaders, officials and members.
var partyRoles = map[string]bool{"leader": true, "official": true, "member": true}

// partyAdjectives are the capitalized adjectives that name a party before a
// role noun ("Republican senators"), by organization ID.
var partyAdjectives = map[string]string{"Democratic": "DEMS", "Republican": "GOP", "Conservative": "UKCON", "Tory": "UKCON"}

// partyBefore returns the party that an adjective right before offset names
// ("Republican lawmakers") and the adjective's start, when the story's
// country is the party's.
func (b *builder) partyBefore(offset int) (owner, int, bool) {
	toks := b.doc.Tokens
	k := tokenAfter(toks, offset) - 1
	if k < 0 || toks[k].End+1 != offset && toks[k].End != offset || b.matchAt[toks[k].Start] {
		return owner{}, 0, false
	}
	id, ok := partyAdjectives[toks[k].Text]
	if !ok || b.home == nil {
		return owner{}, 0, false
	}
	org, ok := b.s.kb.OrgByID(id)
	if !ok || org.Country != b.home.country {
		return owner{}, 0, false
	}
	code, sector := org.On(b.at)
	return owner{code: code, country: org.Country, name: org.Name, adj: toks[k].Text, sector: sector, kind: "group"}, toks[k].Start, true
}

// placeBefore returns the country of a place the places layer found right
// before offset, alone or with a possessive, that names where a role is
// ("the Florida senator", "Texas's governor", "Gaza residents"); nil when
// there is none or the place lies in no country.
func (b *builder) placeBefore(offset int) *owner {
	text := b.doc.Article.Text
	for _, p := range b.doc.Places {
		if p.Country == "" {
			continue
		}
		for _, m := range p.Mentions {
			if m.End >= offset || offset-m.End > 4 {
				continue
			}
			switch text[m.End:offset] {
			case " ", "'s ", "’s ":
				if o, ok := b.s.countryByISO3(p.Country); ok {
					return &o
				}
			}
		}
	}
	return nil
}

// ownerActor returns the actor index of an owner acting on its own.
func (b *builder) ownerActor(o owner) int {
	key := "owner:" + o.code
	if o.kind != "country" {
		key += ":" + o.name // the Democrats and the Republicans share USAPTY, not an actor
	}
	if idx, ok := b.index[key]; ok {
		return idx
	}
	idx := len(b.doc.Actors)
	b.index[key] = idx
	text := o.name
	if o.sector != "" && o.kind == "country" {
		text = o.name + " " + strings.ToLower(sectorNames[o.sector])
	}
	kind := o.kind
	if o.sector != "" && o.kind == "country" {
		kind = "agent"
	}
	b.doc.Actors = append(b.doc.Actors, dyad.Actor{Name: strings.TrimSpace(text), Code: o.code, Country: o.country,
		Sector: o.sector, Kind: kind})
	return idx
}

// sectorNames names the sectors metonyms stand for.
var sectorNames = map[string]string{"GOV": "government", "MIL": "military", "LEG": "legislature",
	"JUD": "judiciary", "SPY": "intelligence", "COP": "police", "GOVMIL": "defense ministry"}

func (b *builder) mention(si, start, end int, kind string, actor int) {
	b.doc.Mentions = append(b.doc.Mentions, dyad.Mention{Span: dyad.Span{Start: start, End: end},
		Text: b.doc.Article.Text[start:end], Actor: actor, Kind: kind, Sentence: si, Place: -1})
}

// entities adds the people and organizations that the language layer's
// statistical recognizer found and no knowledge-base name covers, as
// uncoded actors (code ""): "Maria Lopez said" gives a speaker and an
// antecedent for "she", but no event, since the knowledge base does not
// know whom she acts for. A later mention of the same name, or of a
// person's surname alone, is the same actor.
func (b *builder) entities() {
	text := b.doc.Article.Text
	for _, e := range b.doc.Entities {
		if e.Type != "PER" && e.Type != "ORG" || b.overlapsMention(e.Span) {
			continue
		}
		name := text[e.Span.Start:e.Span.End]
		if strings.ContainsAny(name, "\n\t") || !startsUpperWord(name) {
			continue
		}
		if _, isPlace := b.placeCountryAt(e.Span.Start, e.Span.End); isPlace {
			continue // "the Texas attorney general": the places layer's, whatever the recognizer says
		}
		kind := "person"
		if e.Type == "ORG" {
			kind = "organization"
		}
		key := "entity:" + kind + ":" + name
		idx, ok := b.index[key]
		cands := b.s.kb.BySurname(name)
		if ai, own := b.byName[name]; !ok && own && kind == "person" && !b.introduced(cands) {
			// "Dr Ali bin Tamim ... Tamim claimed": the story's own
			// Tamim, not the emir of Qatar, whom it did not name.
			idx, ok = ai, true
		}
		if !ok && kind == "person" && len(cands) == 1 && !b.s.kb.CommonSurname(name) &&
			b.bySurnameAlone(cands[0], name) {
			// The recognizer says a person, and one official has this
			// surname: "Blinken" in 2026 is the former secretary.
			idx, ok = b.officialActor(cands[0]), true
		}
		if !ok && kind == "person" {
			if ai, ok2 := b.appositiveActor(e); ok2 {
				// "Zalmay Khalilzad, a US peace envoy,": the name is
				// the role's holder.
				idx, ok = ai, true
				b.index[key] = ai
				// Any of the name's words may name the holder later
				// ("Rosselló" for "Ricardo Rosselló Nevares").
				for _, w := range strings.Fields(name) {
					if _, taken := b.byName[w]; !taken && utf8.RuneCountInString(w) >= 3 {
						b.byName[w] = ai
					}
				}
			}
		}
		if !ok {
			if ai, isSurname := b.byName[name]; isSurname && kind == "person" {
				idx = ai // "Lopez" after "Maria Lopez"
			} else {
				idx = len(b.doc.Actors)
				b.index[key] = idx
				a := dyad.Actor{Name: name, Kind: kind}
				if o, title, ok := b.titledBy(e); ok {
					// "WFP regional director Amira Haddad": the owner's.
					a.Code, a.Country, a.Sector, a.Role = o.code, o.country, o.sector, title
				} else if body, ok := b.memberOf(e); kind == "person" && ok {
					// "Arnel dela Vega of the army's Western Command",
					// "Sharif Hotak, of the provincial council".
					a.Code, a.Country, a.Sector, a.Role = body.Code, body.Country, body.Sector, "member"
				}
				b.doc.Actors = append(b.doc.Actors, a)
				if kind == "person" {
					if g := b.s.kb.GenderOf(name); g != kb.Unknown {
						b.gender[idx] = g
					}
					if words := strings.Fields(name); len(words) > 1 {
						if _, taken := b.byName[words[len(words)-1]]; !taken {
							b.byName[words[len(words)-1]] = idx
						}
						// A titled person may be named by the first name
						// too ("Al-Qaeda founder Osama bin Laden" ...
						// "Osama").
						if _, taken := b.byName[words[0]]; !taken && a.Code != "" && utf8.RuneCountInString(words[0]) >= 4 {
							b.byName[words[0]] = idx
						}
					}
				}
			}
		}
		b.mention(e.Sentence, e.Span.Start, e.Span.End, "name", idx)
	}
}

// introduced reports whether the story already named one of the officials
// oi.
func (b *builder) introduced(officials []int) bool {
	for _, oi := range officials {
		if _, ok := b.index[officialKey(oi)]; ok {
			return true
		}
	}
	return false
}

// bySurnameAlone reports whether a person the recognizer found, named by
// the surname alone, is official oi: one coded on the article's date, and,
// out of office, not by a surname that is also a given name ("Sen. Graham"
// in 2016 is no former Canadian minister; "Ryan", in office, is the
// speaker).
func (b *builder) bySurnameAlone(oi int, surname string) bool {
	st := b.s.kb.Officials()[oi].On(b.at)
	return st.Code != "" && (st.Current || !b.givenNameSurname(oi, surname))
}

// givenNameSurname reports whether official oi's surname is also a given
// name that the people table does not say news uses alone for them
// ("Yusuf", "Graham"; not "^Tedros").
func (b *builder) givenNameSurname(oi int, surname string) bool {
	return b.s.kb.GivenName(surname) && !b.s.kb.Officials()[oi].NamedAlone
}

// appositiveActor returns the coded role or official that follows the
// person's name e after a comma ("Zalmay Khalilzad, a US peace envoy",
// "Youssef Chahed, the Prime Minister of Tunisia"): the actor the name
// belongs to.
func (b *builder) appositiveActor(e dyad.Entity) (int, bool) {
	toks := b.doc.Tokens
	k := e.End
	if k+1 >= len(toks) || toks[k].Text != "," || toks[k].Start != e.Span.End {
		return 0, false
	}
	k++
	if k+2 < len(toks) && strings.EqualFold(toks[k].Text, "who") && relativeCopulas[strings.ToLower(toks[k+1].Text)] {
		// "Lisa Pardo, who is the foreign minister of Chile,"; "who
		// has been", "who served as".
		k += 2
		if w := strings.ToLower(toks[k].Text); w == "been" || w == "as" {
			k++
		}
	}
	if k >= len(toks) {
		return 0, false
	}
	article := isArticle(strings.ToLower(toks[k].Text))
	if article {
		k++
	}
	if k >= len(toks) {
		return 0, false
	}
	// After an article, up to two lower-case modifiers may come before
	// the role: "Bruno Rodríguez, the foreign affairs minister of Cuba".
	skip := 0
	if article {
		skip = 2
	}
	pass := func(t dyad.Token) bool { return !startsUpperWord(t.Text) && (t.UPOS == "ADJ" || t.UPOS == "NOUN") }
	role := func(ai int) bool {
		a := b.doc.Actors[ai]
		return (a.Kind == "agent" || a.Kind == "person") && a.Code != a.Sector && a.Code != "" &&
			(a.Kind == "person" || b.singular[ai])
	}
	for n := 1; n <= 3 && k+n+1 < len(toks); n++ {
		if possessiveMark(toks[k+n].Text) {
			// "Brett McGurk, Trump's special envoy": the role after its
			// owner's name (not the owner); "Lisa Pardo, Chile's foreign
			// minister": the role that starts at the owner.
			agent := func(ai int) bool { return b.doc.Actors[ai].Kind == "agent" && role(ai) }
			if ai, ok := b.actorFrom(e.Sentence, k, 0, pass, agent); ok {
				return ai, true
			}
			// Title words may be capitalized there: "Trump's Special
			// Presidential Envoy".
			title := func(t dyad.Token) bool { return t.UPOS == "ADJ" || t.UPOS == "NOUN" || t.UPOS == "PROPN" }
			return b.actorFrom(e.Sentence, k+n+1, 2, title, role)
		}
		if !startsUpperWord(toks[k+n].Text) {
			break
		}
	}
	return b.actorFrom(e.Sentence, k, skip, pass, role)
}

// relativeCopulas are the verbs of "Name, who is|was|became|serves as the
// ROLE": the relative clause gives the name its role.
var relativeCopulas = map[string]bool{"is": true, "was": true, "has": true, "had": true, "became": true,
	"becomes": true, "serves": true, "served": true, "remains": true}

// actorFrom returns the actor of the first mention of sentence si that
// starts at token k, or after up to skip words from k that pass, and whose
// actor ok accepts.
func (b *builder) actorFrom(si, k, skip int, pass func(dyad.Token) bool, ok func(actor int) bool) (int, bool) {
	toks := b.doc.Tokens
	starts := map[int]bool{toks[k].Start: true}
	for j := k; j < k+skip && j+1 < len(toks) && toks[j].Kind == dyad.Word && pass(toks[j]); j++ {
		starts[toks[j+1].Start] = true
	}
	for _, m := range b.doc.Mentions {
		if starts[m.Start] && m.Sentence == si && ok(m.Actor) {
			return m.Actor, true
		}
	}
	return 0, false
}

// regionInName reports whether m is a world region's one-word adjective
// that starts a name the knowledge base lacks: "Western Mindanao Command",
// "African Lion" (not "Western governments").
func (b *builder) regionInName(m kb.Match) bool {
	region := false
	for _, e := range m.Entries {
		region = region || e.Kind == kb.OrgEntry && b.s.kb.Orgs()[e.Index].Kind == kb.WorldRegion
	}
	text := b.doc.Article.Text
	if !region || strings.ContainsAny(text[m.Start:m.End], " -") || !strings.HasPrefix(text[m.End:], " ") {
		return false
	}
	k := tokenAfter(b.doc.Tokens, m.End+1)
	return k >= 0 && b.doc.Tokens[k].Start == m.End+1 && startsUpperWord(b.doc.Tokens[k].Text)
}

// capitalInName reports whether a capital's name (and no country's) opens
// a capitalized name after "the": "the Paris Agreement", "the Minsk
// Protocol", "the Moscow Times" name no actor.
func (b *builder) capitalInName(m kb.Match) bool {
	capital := false
	for _, e := range m.Entries {
		if e.Kind == kb.CountryName || e.Kind == kb.CountryAdjective || e.Kind == kb.CountryPeople {
			return false
		}
		capital = capital || e.Kind == kb.Capital
	}
	text := b.doc.Article.Text
	if !capital || !strings.HasSuffix(strings.ToLower(text[max(0, m.Start-4):m.Start]), "the ") || !strings.HasPrefix(text[m.End:], " ") {
		return false
	}
	toks := b.doc.Tokens
	k := tokenAfter(toks, m.End+1)
	if k < 0 || toks[k].Start != m.End+1 {
		return false
	}
	if w := strings.ToLower(toks[k].Text); treatyNouns[w] || k+1 < len(toks) && treatyNouns[strings.ToLower(toks[k+1].Text)] && toks[k].UPOS != "VERB" {
		return true // "the Paris agreement", "the Paris climate accord"
	}
	return startsUpperWord(toks[k].Text) && !b.matchAt[m.End+1]
}

// treatyNouns name an agreement or a meeting that a capital's name may
// label by where it was made ("the Paris agreement", "the Minsk accords").
var treatyNouns = map[string]bool{"agreement": true, "agreements": true, "accord": true, "accords": true,
	"deal": true, "treaty": true, "protocol": true, "protocols": true, "convention": true, "declaration": true,
	"summit": true, "process": true, "format": true, "talks": true, "pact": true, "communique": true}

// memberOf returns the body a person's name is followed by in "Name [,] of
// [the] BODY": a coded organization or role with a sector ("of the army",
// "of the provincial council"), not a country or a place.
func (b *builder) memberOf(e dyad.Entity) (dyad.Actor, bool) {
	toks := b.doc.Tokens
	k := e.End
	if k < len(toks) && toks[k].Text == "," {
		k++
	}
	if k+1 >= len(toks) || toks[k].Text != "of" {
		return dyad.Actor{}, false
	}
	k++
	if strings.EqualFold(toks[k].Text, "the") && k+1 < len(toks) {
		k++
	}
	// A place may name the body first: "of the Maidan Wardak provincial
	// council".
	ai, ok := b.actorFrom(e.Sentence, k, 3, func(t dyad.Token) bool { return startsUpperWord(t.Text) }, func(ai int) bool {
		a := b.doc.Actors[ai]
		return (a.Kind == "agent" || a.Kind == "organization") && a.Code != "" && a.Sector != "" && a.Code != a.Sector
	})
	if !ok {
		return dyad.Actor{}, false
	}
	return b.doc.Actors[ai], true
}

// titledBy returns the owner and the title words of a name the recognizer
// found after an organization, country or metonym and lower-case title
// words the knowledge base lacks: "WFP regional director Amira Haddad",
// "EU foreign policy chief Marta Nowak".
func (b *builder) titledBy(e dyad.Entity) (owner, string, bool) {
	toks := b.doc.Tokens
	sent := b.doc.Sentences[e.Sentence]
	j := e.First - 1
	for j >= sent.FirstToken && e.First-j <= 4 && toks[j].Kind == dyad.Word && !startsUpperWord(toks[j].Text) &&
		!isArticle(toks[j].Text) {
		if u := toks[j].UPOS; u != "NOUN" && u != "ADJ" && u != "PROPN" {
			return owner{}, "", false // "Nigeria and Patrice Talon": no title between
		}
		j--
	}
	if j == e.First-1 || j < sent.FirstToken {
		return owner{}, "", false
	}
	m, ok := b.matchEnd[toks[j].End]
	if !ok {
		return owner{}, "", false
	}
	o, _, ok := b.ownerOf(m, b.doc.Article.Text)
	if !ok {
		return owner{}, "", false
	}
	return o, b.doc.Article.Text[toks[j+1].Start:toks[e.First-1].End], true
}

// startsUpperWord reports whether s starts with an upper-case letter.
func startsUpperWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// surnames adds mentions of people by their first or last name alone, after
// they were introduced with their title.
func (b *builder) surnames() {
	if len(b.byName) == 0 {
		return
	}
	covered := func(s dyad.Span) bool {
		for _, m := range b.doc.Mentions {
			if m.Overlaps(s) {
				return true
			}
		}
		return false
	}
	for si, sent := range b.doc.Sentences {
		for k := sent.FirstToken; k < sent.EndToken; k++ {
			t := b.doc.Tokens[k]
			idx, ok := b.byName[t.Text]
			if !ok || covered(t.Span) || b.firstMention(idx) > t.Start {
				continue
			}
			b.mention(si, t.Start, t.End, "surname", idx)
		}
	}
}

// acronyms makes an acronym in parentheses right after an actor's mention
// ("South Korea's Joint Chiefs of Staff (JCS)", "the Civil Human Rights
// Front (CHRF)") a name of that actor: it and its later uses ("the JCS
// said") are mentions of it. An acronym the knowledge base knows keeps its
// own meaning.
func (b *builder) acronyms() {
	toks := b.doc.Tokens
	defined := map[string]int{}
	for k := 1; k+2 < len(toks); k++ {
		if toks[k].Text != "(" || toks[k+2].Text != ")" || !isAcronym(toks[k+1].Text) || b.overlapsMention(toks[k+1].Span) {
			continue
		}
		best := -1
		for i, m := range b.doc.Mentions {
			if m.End == toks[k-1].End && m.Kind != "pronoun" && (best < 0 || m.Start < b.doc.Mentions[best].Start) {
				best = i
			}
		}
		if best >= 0 {
			// The acronym spells the capitalized name before it, and the
			// mention is that name or the role noun that heads it ("British
			// Transport Police (BTP)"), not a place inside it ("the
			// Catholic Bishops' Conference of the Philippines (CBCP)").
			start := b.nameRunStart(k)
			m := b.doc.Mentions[best]
			if !initialsOf(toks[k+1].Text, b.doc.Article.Text[toks[start].Start:toks[k-1].End]) || m.Start > toks[start].Start && m.Kind != "agent" {
				best = -1
			}
		}
		if best >= 0 {
			defined[toks[k+1].Text] = b.doc.Mentions[best].Actor
		}
	}
	if len(defined) == 0 {
		return
	}
	for si, sent := range b.doc.Sentences {
		for k := sent.FirstToken; k < sent.EndToken; k++ {
			t := toks[k]
			if idx, ok := defined[t.Text]; ok && !b.overlapsMention(t.Span) && t.Start >= b.firstMention(idx) {
				b.mention(si, t.Start, t.End, "name", idx)
			}
		}
	}
}

// nameRunStart returns the first token of the capitalized name that ends
// before token k: capitalized words, with "of", "the", "and", "for" and "&"
// between them.
func (b *builder) nameRunStart(k int) int {
	toks := b.doc.Tokens
	start := k
	for j := k - 1; j >= 0; j-- {
		w := toks[j].Text
		if startsUpperWord(w) || possessiveMark(w) {
			start = j
			continue
		}
		if !nameJoiners[w] {
			break
		}
	}
	return start
}

var nameJoiners = wordSet("of the and for &")

// initialsOf reports whether the capitals of acronym are, in order, initials
// of capitalized words of name ("JCS" of "South Korea's Joint Chiefs of
// Staff").
func initialsOf(acronym, name string) bool {
	var initials []byte
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			initials = append(initials, w[0])
		}
	}
	i := 0
	for _, c := range []byte(acronym) {
		if c < 'A' || c > 'Z' {
			continue
		}
		for i < len(initials) && initials[i] != c {
			i++
		}
		if i == len(initials) {
			return false
		}
		i++
	}
	return true
}

// isAcronym reports whether w is written like an acronym: two to eight
// capitals and digits, at least two capitals ("JCS", "G20", "ASEAN").
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 8 {
		return false
	}
	capitals := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			capitals++
		case r >= '0' && r <= '9' || r == '&':
		default:
			return false
		}
	}
	return capitals >= 2
}

func (b *builder) firstMention(actor int) int {
	first := len(b.doc.Article.Text)
	for _, m := range b.doc.Mentions {
		if m.Actor == actor && m.Start < first {
			first = m.Start
		}
	}
	return first
}

// linkPlaces sets Mention.Place for mentions that are also place names.
func (b *builder) linkPlaces() {
	for i := range b.doc.Mentions {
		m := &b.doc.Mentions[i]
		for pi, p := range b.doc.Places {
			for _, pm := range p.Mentions {
				if pm.Start == m.Start && pm.End == m.End {
					m.Place = pi
				}
			}
		}
	}
}

// wordSet makes a set of the space-separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
