package actors

import (
	"iter"
	"slices"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/kb"
)

// How far back, in sentences, pronouns and descriptions look for their
// antecedent.
const lookBack = 3

// Pronoun classes.
var (
	personPronouns = map[string]bool{"he": true, "she": true, "him": true, "her": true, "his": true,
		"hers": true, "himself": true, "herself": true}
	pluralPronouns = map[string]bool{"they": true, "them": true, "their": true, "themselves": true,
		"we": true, "us": true, "our": true, "ourselves": true}
	// collectiveNouns name a group of countries in "the two allies",
	// "both countries", "the two sides"; leaderNouns a group of leaders.
	collectiveNouns = map[string]bool{"allies": true, "countries": true, "nations": true, "sides": true,
		"neighbors": true, "neighbours": true, "governments": true, "states": true, "powers": true,
		"rivals": true, "partners": true, "capitals": true}
	possessives = map[string]bool{"his": true, "her": true, "their": true, "its": true, "our": true}
	// bodyNouns name, after "the", the organization (or group) a story
	// named last, with the actor kinds they may stand for.
	bodyNouns = map[string]string{"bloc": "organization", "alliance": "organization group", "agency": "organization",
		"watchdog": "organization", "organization": "organization", "organisation": "organization",
		"union": "organization", "group": "group organization", "movement": "group", "militia": "group"}
	leaderNouns = map[string]bool{"leaders": true, "presidents": true, "heads": true}
	// nonReferentialHeads are verbs whose subject "it" is usually empty:
	// "it is likely", "it seems", "it remains unclear".
	nonReferentialHeads = map[string]bool{"be": true, "seem": true, "appear": true, "remain": true,
		"happen": true, "matter": true, "take": true, "rain": true, "mean": true}
)

// coreference links pronouns and definite descriptions to the actors they
// stand for, after all names are read:
//
//   - "he", "she", "his" ... name the person who is the subject of the
//     nearest sentence (this one first, left of the pronoun) that names a
//     person, else that sentence's nearest person;
//   - a subject "it" names the nearest country or organization, unless its
//     verb makes it empty ("it is likely", "it seems");
//   - "they", "we", "their" ... name the most recent group of coordinated
//     actors ("the Secretary of State and the Defense Secretary"), else the
//     most recent plural agent ("the protesters"); inside a quotation the
//     events stage prefers the quote's speaker to what "we" names here;
//   - "the minister", "the secretary": the most recent person whose office
//     fits the noun (and its country, if the description names one);
//     "the ministers", "the US secretaries": every such person;
//   - "his South Korean counterpart": a person of that country in the same
//     office as the person "his" names;
//   - "the two allies", "both countries", "the two sides": the two most
//     recent countries; "the two leaders": the two most recent top leaders.
//
// A plural antecedent makes one mention stand for several actors
// (Mention.Also). Nothing is linked across more than three sentences.
func (b *builder) coreference() {
	doc := b.doc
	b.sortMentions()
	b.counterparts()
	b.descriptions()
	b.bodies()
	covered := make([]bool, len(doc.Tokens))
	for _, m := range doc.Mentions {
		for k := tokenAfter(doc.Tokens, m.Start); k >= 0 && k < len(doc.Tokens) && doc.Tokens[k].Start < m.End; k++ {
			covered[k] = true
		}
	}
	var added []dyad.Mention
	for si, sent := range doc.Sentences {
		for k := sent.FirstToken; k < sent.EndToken; k++ {
			if covered[k] {
				continue
			}
			t := doc.Tokens[k]
			low := strings.ToLower(t.Text)
			if possessives[low] && k+1 < sent.EndToken && (covered[k+1] || b.startsAgent(doc.Tokens[k+1].Text)) {
				// "their foreign ministers", "his South Korean counterpart":
				// the role noun's owner, read with it.
				continue
			}
			var actors []int
			switch {
			case personPronouns[low]:
				g := pronounGender(low)
				actors = b.personAntecedent(si, t.Start, g, b.clauseSubject(k))
				if len(actors) == 1 && b.gender[actors[0]] == kb.Unknown {
					b.gender[actors[0]] = g // later pronouns agree with this one
				}
			case low == "it" && t.Rel == "nsubj:pass" && b.nounBefore(k, sent.FirstToken, covered, "NN"):
				// "approved a bill ..., but it was dismissed by the
				// senate": what is done to "it" is done to the thing just
				// named, not to an actor.
			case low == "it" && strings.HasPrefix(t.Rel, "nsubj") && !b.emptyIt(k):
				actors = b.subjectFirst(si, t.Start, func(a int) bool {
					kind := b.doc.Actors[a].Kind
					return kind == "country" || kind == "organization" || kind == "group" && b.doc.Actors[a].Code != "" || b.body[a]
				})
			case low == "them" && b.nounBefore(k, sent.FirstToken, covered, "NNS"):
				// "denied the allegations, labeled them as
				// disinformation": them are the allegations.
			case pluralPronouns[low] && t.Text != "US":
				actors = b.groupAntecedent(si, t.Start)
			}
			if len(actors) == 0 {
				continue
			}
			added = append(added, dyad.Mention{Span: t.Span, Text: t.Text, Actor: actors[0], Also: actors[1:],
				Kind: "pronoun", Sentence: si, Place: -1})
		}
	}
	doc.Mentions = append(doc.Mentions, added...)
	b.collectives()
}

// bodies links "the bloc", "the alliance", "the agency", "the group" and
// the like (bodyNouns) to the organization or group with a code the story
// named last, unless a name or "of" follows ("the Group of Seven").
func (b *builder) bodies() {
	doc := b.doc
	var added []dyad.Mention
	for si, sent := range doc.Sentences {
		for k := sent.FirstToken + 1; k < sent.EndToken; k++ {
			t := doc.Tokens[k]
			kinds := bodyNouns[strings.ToLower(t.Text)]
			if kinds == "" || !strings.EqualFold(doc.Tokens[k-1].Text, "the") ||
				k+1 < sent.EndToken && (startsUpperWord(doc.Tokens[k+1].Text) || doc.Tokens[k+1].Text == "of") {
				continue
			}
			start := doc.Tokens[k-1].Start
			if b.overlapsMention(dyad.Span{Start: start, End: t.End}) {
				continue
			}
			actors := b.nearest(si, t.Start, func(a int) bool {
				act := &b.doc.Actors[a]
				return act.Code != "" && strings.Contains(kinds, act.Kind)
			})
			if len(actors) > 0 {
				added = append(added, dyad.Mention{Span: dyad.Span{Start: start, End: t.End}, Text: doc.Article.Text[start:t.End],
					Actor: actors[0], Kind: "description", Sentence: si, Place: -1})
			}
		}
	}
	if len(added) == 0 {
		return
	}
	doc.Mentions = append(doc.Mentions, added...)
	b.sortMentions()
}

// sortMentions puts the mentions in text order and marks those nested in a
// longer one (nestedAt), which the antecedent searches rely on.
func (b *builder) sortMentions() {
	slices.SortStableFunc(b.doc.Mentions, func(x, y dyad.Mention) int { return x.Start - y.Start })
	b.nestedAt = make([]bool, len(b.doc.Mentions))
	for i := range b.doc.Mentions {
		b.nestedAt[i] = b.nested(i)
	}
}

// nounBefore reports whether the nearest noun of Penn tag xpos (NNS for
// "them", NN for "it") before token k in its sentence (from first) is no
// actor's: the pronoun then names a thing.
func (b *builder) nounBefore(k, first int, covered []bool, xpos string) bool {
	for j := k - 1; j >= first; j-- {
		if covered[j] {
			return false
		}
		if t := b.doc.Tokens[j]; t.XPOS == xpos && t.UPOS == "NOUN" {
			return true
		}
	}
	return false
}

// startsAgent reports whether word is a role noun.
func (b *builder) startsAgent(word string) bool {
	_, ok := b.s.kb.AgentFor(word)
	return ok
}

// emptyIt reports whether the subject "it" at token k is non-referential.
func (b *builder) emptyIt(k int) bool {
	t := b.doc.Tokens[k]
	if t.Head < 0 || t.Head >= len(b.doc.Tokens) {
		return true
	}
	return nonReferentialHeads[b.doc.Tokens[t.Head].Lemma]
}

// mentionsBefore returns the mentions of sentence si that start before
// offset (all of them when offset is negative), in text order.
func (b *builder) mentionsBefore(si, offset int) []int {
	var out []int
	for i, m := range b.doc.Mentions {
		if m.Sentence == si && (offset < 0 || m.End <= offset) && m.Kind != "pronoun" && (i >= len(b.nestedAt) || !b.nestedAt[i]) {
			out = append(out, i)
		}
	}
	return out
}

// nested reports whether mention i lies inside a longer one ("Mali" in
// "Mali's military government"), which is what a later pronoun names.
func (b *builder) nested(i int) bool {
	m := b.doc.Mentions[i]
	for j, o := range b.doc.Mentions {
		if j != i && o.Contains(m.Span) && o.Len() > m.Len() {
			return true
		}
	}
	return false
}

// sentencesBack yields, for sentence si and then each of the lookBack
// sentences before it, the sentence's index and its mentions (see
// mentionsBefore) that end before offset in si and anywhere in the others.
func (b *builder) sentencesBack(si, offset int) iter.Seq2[int, []int] {
	return func(yield func(int, []int) bool) {
		for s := si; s >= 0 && s >= si-lookBack; s-- {
			off := -1
			if s == si {
				off = offset
			}
			if !yield(s, b.mentionsBefore(s, off)) {
				return
			}
		}
	}
}

// isSubject reports whether mention i heads a nominal subject in the parse.
func (b *builder) isSubject(i int) bool {
	m := b.doc.Mentions[i]
	for k := tokenAfter(b.doc.Tokens, m.Start); k >= 0 && k < len(b.doc.Tokens) && b.doc.Tokens[k].Start < m.End; k++ {
		if strings.HasPrefix(b.doc.Tokens[k].Rel, "nsubj") {
			return true
		}
	}
	return false
}

// clauseSubject returns the actor that an object pronoun at token k cannot
// name: the subject of its own clause ("Netanyahu rejects Trump's remarks
// but will meet with him": him is not Netanyahu, who would be "himself"),
// found through coordinated and controlled verbs; -1 when k is no object or
// the subject is no actor's mention.
func (b *builder) clauseSubject(k int) int {
	toks := b.doc.Tokens
	switch r := toks[k].Rel; {
	case r == "obj", r == "iobj", r == "obl", strings.HasPrefix(r, "obl:"):
	default:
		return -1
	}
	c := b.subjectAbove(k, coordinatedVerbs)
	if c < 0 {
		return -1
	}
	for i, m := range b.doc.Mentions {
		if m.Start <= toks[c].Start && toks[c].End <= m.End && !b.nested(i) {
			return m.Actor
		}
	}
	return -1
}

// subjectAbove returns the subject (nsubj) token of the verb that token k
// depends on, climbing from a verb without one to its head while the verb's
// relation is in through, at most four verbs up; -1 if none.
func (b *builder) subjectAbove(k int, through map[string]bool) int {
	toks := b.doc.Tokens
	for v, hops := toks[k].Head, 0; v >= 0 && hops < 4; v, hops = toks[v].Head, hops+1 {
		for _, c := range b.doc.Dependents(v) {
			if toks[c].Rel == "nsubj" {
				return c
			}
		}
		if !through[toks[v].Rel] {
			return -1
		}
	}
	return -1
}

// coordinatedVerbs and controlledVerbs are the relations through which a
// verb shares its head's subject: coordination and control ("rejects X but
// will meet with him"), or control and adverbial clauses ("offered to
// mediate between the two sides").
var (
	coordinatedVerbs = wordSet("conj xcomp")
	controlledVerbs  = wordSet("xcomp advcl acl")
)

// pronounGender returns the gender of a singular personal pronoun.
func pronounGender(p string) kb.Gender {
	switch p {
	case "he", "him", "his", "himself":
		return kb.Male
	case "she", "her", "hers", "herself":
		return kb.Female
	}
	return kb.Unknown
}

// personAntecedent finds the person a singular pronoun of gender g (or any,
// if Unknown) at offset names, other than the actor not (the subject of an
// object pronoun's clause; -1 for none).
func (b *builder) personAntecedent(si, offset int, g kb.Gender, not int) []int {
	isPerson := func(a int) bool {
		act := &b.doc.Actors[a]
		if a == not {
			return false
		}
		if known := b.gender[a]; g != kb.Unknown && known != kb.Unknown && known != g {
			return false
		}
		return act.Kind == "person" || act.Kind == "agent" && b.singular[a]
	}
	qOpen, qClose, afterQuote := b.quoteBefore(offset)
	inOpen, inQuote := b.quoteAround(offset)
	for s, ms := range b.sentencesBack(si, offset) {
		var persons, quoted []int
		for _, i := range ms {
			m := &b.doc.Mentions[i]
			if afterQuote && m.Start > qOpen && m.Start < qClose {
				continue // '"If Donald Trump becomes president, I ...," he said': not whom the quote names
			}
			if isPerson(m.Actor) && !b.pluralAt[m.Start] || b.singularAt[m.Start] {
				persons = append(persons, i)
				if inQuote && m.Start > inOpen {
					quoted = append(quoted, i)
				}
			}
		}
		if s == si && len(quoted) > 0 {
			// 'Cooper added, "Boris Johnson is trying to concentrate
			// power in his own hands"': inside a quotation, a third
			// person is one the quotation names, not its speaker.
			persons = quoted
		}
		if len(persons) == 0 {
			continue
		}
		for _, i := range persons {
			if b.isSubject(i) {
				return []int{b.doc.Mentions[i].Actor}
			}
		}
		if s == si {
			return []int{b.doc.Mentions[persons[len(persons)-1]].Actor}
		}
		return []int{b.doc.Mentions[persons[0]].Actor}
	}
	return nil
}

// quoteAround returns the offset of the opening mark of the quotation that
// offset lies in, within its paragraph, and whether there is one.
func (b *builder) quoteAround(offset int) (int, bool) {
	text := b.doc.Article.Text[:offset]
	para := strings.LastIndexByte(text, '\n') + 1
	open, inside := 0, false
	for i, r := range text[para:] {
		switch r {
		case '"':
			open, inside = para+i, !inside
		case '“':
			open, inside = para+i, true
		case '”':
			inside = false
		}
	}
	return open, inside
}

// quoteBefore returns the span of the quotation that ends right before
// offset ('"...," he said'): its opening and closing marks' offsets.
func (b *builder) quoteBefore(offset int) (int, int, bool) {
	text := b.doc.Article.Text
	before := strings.TrimRight(text[:offset], " ")
	var closing int
	switch {
	case strings.HasSuffix(before, `"`):
		closing = len(before) - 1
	case strings.HasSuffix(before, "”"):
		closing = len(before) - len("”")
	default:
		return 0, 0, false
	}
	open := strings.LastIndexAny(text[:closing], "\"“")
	if open < 0 || closing-open > 3000 {
		return 0, 0, false
	}
	return open, closing, true
}

// wordBefore returns the word right before offset ("his" in "his
// counterpart").
func (b *builder) wordBefore(offset int) string {
	before := strings.TrimRight(b.doc.Article.Text[max(0, offset-16):offset], " ")
	return before[strings.LastIndexAny(before, " \n\t(")+1:]
}

// nearest returns the actor of the nearest mention before offset, within
// lookBack sentences, whose actor satisfies ok.
func (b *builder) nearest(si, offset int, ok func(actor int) bool) []int {
	for _, ms := range b.sentencesBack(si, offset) {
		for j := len(ms) - 1; j >= 0; j-- {
			if a := b.doc.Mentions[ms[j]].Actor; ok(a) {
				return []int{a}
			}
		}
	}
	return nil
}

// subjectFirst returns the actor a subject "it" at offset names: the nearest
// fitting mention before it in its own sentence, else, in the nearest
// sentence before that has one, the first fitting subject ("The Russian
// defense ministry said its forces had struck sites used by the Ukrainian
// army. It denied hitting residential areas": the ministry), else that
// sentence's nearest.
func (b *builder) subjectFirst(si, offset int, ok func(actor int) bool) []int {
	for s, ms := range b.sentencesBack(si, offset) {
		var fit []int
		for _, i := range ms {
			if ok(b.doc.Mentions[i].Actor) {
				fit = append(fit, i)
			}
		}
		if len(fit) == 0 {
			continue
		}
		if s != si {
			for _, i := range fit {
				if b.isSubject(i) {
					return []int{b.doc.Mentions[i].Actor}
				}
			}
		}
		last := fit[len(fit)-1]
		if s == si && b.qualifiesThing(last) {
			// "supported the House bill when it came to the Senate":
			// the actor only qualifies the thing "it" names.
			return nil
		}
		return []int{b.doc.Mentions[last].Actor}
	}
	return nil
}

// qualifiesThing reports whether mention i modifies a noun after it that no
// mention covers ("the House bill", "a Russian proposal").
func (b *builder) qualifiesThing(i int) bool {
	m := b.doc.Mentions[i]
	k := tokenAfter(b.doc.Tokens, m.End) - 1
	if k < 0 || k >= len(b.doc.Tokens) {
		return false
	}
	t := b.doc.Tokens[k]
	if t.End != m.End || t.Rel != "compound" && t.Rel != "amod" || t.Head <= k {
		return false
	}
	h := b.doc.Tokens[t.Head]
	return h.UPOS == "NOUN" && h.XPOS == "NN" && !b.overlapsMention(h.Span)
}

// groupAntecedent finds what a plural pronoun at offset names: the latest
// coordinated group of actors, else the latest plural agent.
func (b *builder) groupAntecedent(si, offset int) []int {
	for _, ms := range b.sentencesBack(si, offset) {
		for j := len(ms) - 1; j >= 0; j-- {
			if g := b.coordinatedGroup(ms, j); len(g) > 1 {
				return g
			}
			ai := b.doc.Mentions[ms[j]].Actor
			if b.plural[ai] || b.doc.Actors[ai].Kind == "group" {
				return []int{b.doc.Mentions[ms[j]].Actor}
			}
		}
	}
	return nil
}

// coordinatedGroup returns the distinct actors of the coordination that
// ends with mention ms[j]: "A and B", "A, B and C"; nested mentions (the
// country inside "France's foreign minister") are skipped.
func (b *builder) coordinatedGroup(ms []int, j int) []int {
	text := b.doc.Article.Text
	last := b.doc.Mentions[ms[j]]
	group := []int{last.Actor}
	prevStart := last.Start
	for i := j - 1; i >= 0; i-- {
		m := b.doc.Mentions[ms[i]]
		if m.End > prevStart {
			continue // inside a later mention
		}
		gap := strings.TrimSpace(text[m.End:prevStart])
		gap = strings.TrimPrefix(gap, ",")
		gap = strings.TrimSpace(gap)
		and := strings.HasPrefix(gap, "and")
		gap = strings.TrimPrefix(gap, "and")
		gap = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(gap), "the"))
		if gap != "" && gap != "," || len(group) == 1 && !and {
			// A list ends on "and": "storm parliament, police fired" is
			// two clauses, not parliament and police.
			break
		}
		if !slices.Contains(group, m.Actor) {
			group = append([]int{m.Actor}, group...)
		}
		prevStart = m.Start
	}
	return group
}

// descriptions relinks "the ROLE" mentions, made as generic agents of the
// dateline's country or of none, to the person the story introduced in a
// fitting office; and plural ones ("the ministers") to every such person.
func (b *builder) descriptions() {
	text := b.doc.Article.Text
	for i := range b.doc.Mentions {
		m := &b.doc.Mentions[i]
		a := b.doc.Actors[m.Actor]
		if m.Kind != "agent" || a.Kind != "agent" {
			continue
		}
		before := strings.ToLower(text[max(0, m.Start-5):m.Start])
		if !strings.HasSuffix(before, "the ") && !strings.HasSuffix(before, "both ") {
			continue
		}
		ag, ok := agentSuffix(b.s.kb, m.Text)
		if ok && ag.Kind == kb.Group && namedGroups[ag.Role] && !b.plural[m.Actor] {
			// "the airline": the company of that kind the story named.
			if ai := b.earlierRole(m.Actor, ag.Role, m.Start); ai >= 0 {
				m.Actor, m.Kind = ai, "description"
			}
			continue
		}
		if !ok || ag.Kind != kb.Person {
			continue
		}
		var found []int
		for ai := range b.doc.Actors {
			p := &b.doc.Actors[ai]
			if p.Kind != "person" || ai == m.Actor || b.firstMention(ai) >= m.Start || !roleFits(ag, p.Role) {
				continue
			}
			if a.Country != "" && p.Country != a.Country && !b.homeCountry(a.Country) {
				continue
			}
			found = append(found, ai)
		}
		if len(found) == 0 {
			continue
		}
		if b.plural[m.Actor] {
			m.Actor, m.Also = found[0], found[1:]
		} else {
			m.Actor = b.latest(found, m.Start)
		}
		m.Kind = "description"
	}
}

// earlierRole returns the latest actor other than self, of the given role
// and with a country, first mentioned before offset; -1 if none.
func (b *builder) earlierRole(self int, role string, offset int) int {
	best, at := -1, -1
	for ai := range b.doc.Actors {
		a := &b.doc.Actors[ai]
		if ai == self || a.Role != role || a.Country == "" {
			continue
		}
		if f := b.firstMention(ai); f < offset && f > at {
			best, at = ai, f
		}
	}
	return best
}

// agentSuffix returns the agent named by the longest run of words that
// ends a mention ("secretaries" in "US secretaries").
func agentSuffix(k *kb.KB, text string) (*kb.Agent, bool) {
	words := strings.Fields(text)
	for n := len(words); n > 0; n-- {
		if ag, ok := k.AgentFor(strings.Join(words[len(words)-n:], " ")); ok {
			return ag, true
		}
	}
	return nil, false
}

// homeCountry reports whether iso3 is the dateline's country, which owns
// role nouns by default and so does not restrict a description.
func (b *builder) homeCountry(iso3 string) bool { return b.home != nil && b.home.country == iso3 }

// latest returns, of actors, the one mentioned last before offset.
func (b *builder) latest(actors []int, offset int) int {
	best, at := actors[0], -1
	for _, m := range b.doc.Mentions {
		if m.Start < offset && m.Start > at && slices.Contains(actors, m.Actor) {
			best, at = m.Actor, m.Start
		}
	}
	return best
}

// counterparts gives each "counterpart" the office of the person it is the
// counterpart of: "Blinken met his South Korean counterpart" is South
// Korea's foreign minister.
func (b *builder) counterparts() {
	for i := range b.doc.Mentions {
		m := b.doc.Mentions[i]
		a := &b.doc.Actors[m.Actor]
		if a.Role != "counterpart" {
			continue
		}
		p := b.personAntecedent(m.Sentence, m.Start, pronounGender(strings.ToLower(b.wordBefore(m.Start))), -1)
		if len(p) == 0 {
			continue
		}
		of := b.doc.Actors[p[0]]
		a.Role, a.Sector = of.Role, of.Sector
		if a.Country != "" {
			if c, ok := b.s.kb.CountryByISO3(a.Country); ok && of.Sector != "" {
				a.Code = c.Code + of.Sector
			}
			if a.Kind == "agent" {
				a.Name = strings.TrimSuffix(a.Name, "counterpart") + of.Role
			}
		}
	}
}

// collectives adds mentions for "the two allies", "both countries", "the
// two sides" (the two most recent countries) and "the two leaders" (the
// two most recent top leaders).
func (b *builder) collectives() {
	doc := b.doc
	toks := doc.Tokens
	var added []dyad.Mention
	var replaced []int // generic role mentions a collective replaces, in order
	for si, sent := range doc.Sentences {
		for k := sent.FirstToken; k < sent.EndToken; k++ {
			det := strings.ToLower(toks[k].Text)
			if det != "the" && det != "both" {
				continue
			}
			j := k + 1
			two := j < sent.EndToken && strings.ToLower(toks[j].Text) == "two"
			if two {
				j++
			}
			for j < sent.EndToken && j-k <= 4 && toks[j].UPOS == "ADJ" {
				j++
			}
			if j >= sent.EndToken {
				continue
			}
			noun := strings.ToLower(toks[j].Text)
			if det == "the" && !two && noun != "allies" {
				continue
			}
			// "... before the two signed a memorandum": the two people
			// named last.
			bare := det == "the" && two && j == k+2 && (toks[j].UPOS == "VERB" || toks[j].UPOS == "AUX")
			// The actor a mention contributes: for "the two allies" the
			// country of any actor (Blinken's United States), for "the two
			// leaders" a top leader; -1 for none.
			var want func(a int) int
			switch {
			case bare:
				want = func(a int) int {
					if doc.Actors[a].Kind == "person" {
						return a
					}
					return -1
				}
			case collectiveNouns[noun]:
				want = b.countryOf
			case leaderNouns[noun]:
				want = func(a int) int {
					if act := &doc.Actors[a]; act.Kind == "person" && topRoles[act.Role] {
						return a
					}
					return -1
				}
			default:
				continue
			}
			span := dyad.Span{Start: toks[k].Start, End: toks[j].End}
			if bare {
				span.End = toks[j-1].End
			}
			// "the two Asian allies" names the allies, not Asia; "both
			// governments" two governments named before, not a generic
			// role of the story's country, whose mention it replaces.
			generic := -1
			blocked := false
			for mi, m := range doc.Mentions {
				switch {
				case !m.Overlaps(span) || b.worldRegion(m.Actor):
				case m.Start == toks[j].Start && m.End == toks[j].End && doc.Actors[m.Actor].Kind == "agent":
					generic = mi
				default:
					blocked = true
				}
			}
			if blocked {
				continue
			}
			outside := b.clauseSubjects(j, want) // "Abiy Ahmed offered to mediate between the two sides": not a side
			var got []int
			if !bare {
				got = b.pairBack(si, span.Start, want, outside)
			}
			for _, ms := range b.sentencesBack(si, span.Start) {
				if len(got) == 2 {
					break
				}
				for x := len(ms) - 1; x >= 0 && len(got) < 2; x-- {
					if a := want(doc.Mentions[ms[x]].Actor); a >= 0 && !slices.Contains(got, a) && !slices.Contains(outside, a) {
						got = append(got, a)
					}
				}
			}
			if len(got) < 2 {
				continue
			}
			slices.Reverse(got)
			if generic >= 0 {
				replaced = append(replaced, generic)
			}
			added = append(added, dyad.Mention{Span: span, Text: doc.Article.Text[span.Start:span.End],
				Actor: got[0], Also: got[1:], Kind: "description", Sentence: si, Place: -1})
			k = j
		}
	}
	for _, mi := range slices.Backward(replaced) {
		doc.Mentions = slices.Delete(doc.Mentions, mi, mi+1)
	}
	doc.Mentions = append(doc.Mentions, added...)
}

// pairBack returns, latest first, the two actors (as want maps them, none
// of them in outside) of the latest coordinated pair before offset within
// lookBack sentences: "Turkey and Armenia agreed ... Azerbaijan welcomed it
// ... praised both governments" names Turkey and Armenia, not the two
// countries named last. Nil if there is none.
func (b *builder) pairBack(si, offset int, want func(int) int, outside []int) []int {
	for _, ms := range b.sentencesBack(si, offset) {
		for x := len(ms) - 1; x >= 0; x-- {
			g := b.coordinatedGroup(ms, x)
			if len(g) != 2 {
				continue
			}
			a0, a1 := want(g[0]), want(g[1])
			if a0 >= 0 && a1 >= 0 && a0 != a1 && !slices.Contains(outside, a0) && !slices.Contains(outside, a1) {
				return []int{a1, a0}
			}
		}
	}
	return nil
}

// clauseSubjects returns, as want maps them, the actors of the subject of
// the verb whose object or oblique token k is, through infinitives ("X
// offered to mediate between the two sides": X).
func (b *builder) clauseSubjects(k int, want func(int) int) []int {
	toks := b.doc.Tokens
	rel := toks[k].Rel
	if rel != "obl" && rel != "obj" && rel != "nmod" {
		return nil
	}
	c := b.subjectAbove(k, controlledVerbs)
	if c < 0 {
		return nil
	}
	var out []int
	for _, m := range b.doc.Mentions {
		if m.Start <= toks[c].Start && toks[c].End <= m.End {
			if a := want(m.Actor); a >= 0 {
				out = append(out, a)
			}
		}
	}
	return out
}

// countryOf returns the actor of actor a's country: a itself for a
// country, the country's actor (added if the story has none) for a person,
// agent or group of one; -1 for an international organization.
func (b *builder) countryOf(a int) int {
	act := &b.doc.Actors[a]
	if act.Kind == "country" && act.Sector == "" {
		return a
	}
	o, ok := b.s.countryByISO3(act.Country)
	if !ok {
		return -1
	}
	return b.ownerActor(o)
}

// worldRegion reports whether actor a is a world region ("Asian").
func (b *builder) worldRegion(a int) bool {
	act := b.doc.Actors[a]
	return act.Kind == "group" && act.Country == "" && worldRegionCodes[act.Code]
}

var worldRegionCodes = map[string]bool{"EUR": true, "AFR": true, "ASA": true, "LAM": true, "WST": true}

func (b *builder) overlapsMention(s dyad.Span) bool {
	for _, m := range b.doc.Mentions {
		if m.Overlaps(s) {
			return true
		}
	}
	return false
}

// prune drops actors left without mentions (a generic "the minister" whose
// mentions all went to the person it describes) and renumbers the rest.
func (b *builder) prune() {
	used := make([]bool, len(b.doc.Actors))
	for _, m := range b.doc.Mentions {
		used[m.Actor] = true
		for _, a := range m.Also {
			used[a] = true
		}
	}
	renum := make([]int, len(b.doc.Actors))
	var kept []dyad.Actor
	for i, a := range b.doc.Actors {
		renum[i] = len(kept)
		if used[i] {
			kept = append(kept, a)
		}
	}
	if len(kept) == len(b.doc.Actors) {
		return
	}
	for i := range b.doc.Mentions {
		m := &b.doc.Mentions[i]
		m.Actor = renum[m.Actor]
		for j := range m.Also {
			m.Also[j] = renum[m.Also[j]]
		}
	}
	b.doc.Actors = kept
}
