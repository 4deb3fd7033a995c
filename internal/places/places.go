// Package places resolves the places an article names to gazetteer entries
// with coordinates, and says why it chose each one.
//
// Two sources feed it. The knowledge base's matcher finds countries,
// capitals and the regions, seas and disputed areas of internal/kb. The
// gazetteer (internal/gazetteer: 171,000 GeoNames cities and towns and 3,775
// first-level regions) resolves the proper-noun runs of the language layer
// that the knowledge base does not claim.
//
// # Evidence
//
// GeoNames holds towns named like common words and surnames (Police in
// Poland, Mobile, Of, Bar, Nice, Split, Reading, Hope, Surprise), so a
// proper-noun run becomes a place only with evidence:
//
//   - it follows a locative preposition ("in", "at", "near", "outside" ...),
//     "of" after a place noun ("the mayor of Kharkiv"), or continues a list
//     of places ("in Kharkiv and Odesa");
//   - a qualifier follows it ("Paris, Texas"; "Tripoli, Lebanon") or a
//     region noun does ("Punjab province");
//   - it is the dateline's place;
//   - or it names a major city or region, one with a known population of
//     at least [MajorPopulation] (a region's is the sum of its cities'),
//     unless the name is a generic word such as "Centre".
//
// "from", "to" and "at" are weaker (they also introduce people: "a letter
// from Smith", "angry at Lam"): the place must have a known population or
// lie in a country the story names. A name that English mostly writes in lower case ("Nice",
// "Reading") needs a qualifier, a region noun, the dateline, or a
// preposition and a population of at least [CommonWordPopulation]. A run is
// rejected when the knowledge base claims any of it (an organization, a
// country, a role), when a title precedes it or a speech verb follows it
// ("Hope said"), when it is a month or weekday, and when it is part of a
// longer proper-noun run ("Queen Victoria", "Paris Hilton").
//
// # Resolution
//
// The gazetteer's resolver chooses among same-name places: a qualifier, then
// the countries the story names elsewhere (a name never counts as evidence
// for its own country; a world city outweighs small namesakes there), then
// population; it declines when several places of unknown size remain. A capital the knowledge base finds is checked the
// same way, so "Tripoli" in a story about Lebanon is Lebanon's Tripoli;
// and a country's name that is also a first-level region of a country the
// story names is that region when the story names the first country no other
// way ("Georgia" in a story about American voters is the US state, not with
// "Tbilisi" or "Georgian" around). The actor layer follows it: that
// Georgia's lawmakers are American. Each place carries the reason for its
// first mention.
//
// The dateline's place ("SEOUL", "KRAMATORSK, Ukraine") is resolved too and
// kept with a mention whose sentence is -1, so that events can fall back on
// it. Each distinct place is listed once, with all its mentions, in the
// order of its first mention.
package places

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/gazetteer"
	"github.com/dyadproject/dyad/internal/kb"
)

// MajorPopulation is the known population from which a city needs no
// preposition to count as a place: about 390 cities, whose names in news
// are almost always the city ("Kharkiv came under fire"). Below it stand
// names such as Nice (630,000) and Mobile (220,000).
const MajorPopulation = 1_000_000

// CommonWordPopulation is the known population from which a place named
// like a common English word counts after a locative preposition ("in
// Reading", "in Split", "in Nice"); smaller ones ("in Hope") do not.
const CommonWordPopulation = 100_000

// Stage is the places stage. It is safe for concurrent use.
type Stage struct {
	kb  *kb.KB
	gaz func() (*gazetteer.Gazetteer, error)
}

var _ dyad.Stage = (*Stage)(nil)

// New returns the places stage over k and the shared gazetteer, which it
// loads on first use.
func New(k *kb.KB) *Stage { return &Stage{kb: k, gaz: gazetteer.Shared} }

// Name returns "places".
func (*Stage) Name() string { return "places" }

// candidate is a resolved place before places are merged.
type candidate struct {
	key    string
	kind   string
	name   string
	iso3   string
	admin1 string
	lat    float64
	lon    float64
	pop    int
	reason string
}

// Process adds doc.Places.
func (s *Stage) Process(doc *dyad.Document) error {
	g, err := s.gaz()
	if err != nil {
		return fmt.Errorf("places: %w", err)
	}
	a := doc.Article
	matches := s.kb.Matcher().FindAll(a.Text)
	st := &state{s: s, g: g, doc: doc, matches: matches, story: storyCountries(s.kb, a.Text, matches), index: map[string]int{},
		kbPlaces: map[int]int{}}
	if dl := a.Dateline; dl != nil {
		if c, ref, ok := st.dateline(dl); ok {
			st.add(c, ref)
		}
	}
	for _, m := range matches {
		si := doc.SentenceAt(m.Start)
		if si < 0 {
			continue // in a skipped region
		}
		text := a.Text[m.Start:m.End]
		if st.inLongerRun(m) {
			continue // "Paris Hilton", "Queen Victoria"
		}
		if c, ok := st.resolveKB(text, m.Entries, qualAfter(a.Text, m.End)); ok {
			st.add(c, dyad.MentionRef{Text: text, Start: m.Start, End: m.End, Sentence: si})
			st.kbPlaces[m.Start] = m.End
		}
	}
	for si := range doc.Sentences {
		st.sentence(si)
	}
	sortMentions(doc.Places)
	return nil
}

// state is one document's analysis.
type state struct {
	s       *Stage
	g       *gazetteer.Gazetteer
	doc     *dyad.Document
	matches []kb.Match
	// story maps the ISO3 code of each country the text names without
	// ambiguity to the folded words that name it.
	story map[string][]string
	index map[string]int
	// kbPlaces maps the start of each knowledge-base place mention to its end.
	kbPlaces map[int]int
}

func (st *state) add(c candidate, ref dyad.MentionRef) {
	doc := st.doc
	i, ok := st.index[c.key]
	if !ok {
		i = len(doc.Places)
		st.index[c.key] = i
		doc.Places = append(doc.Places, dyad.Place{ID: fmt.Sprintf("p%d", i+1), Name: c.name, Kind: c.kind,
			Country: c.iso3, Admin1: c.admin1, Lat: c.lat, Lon: c.lon, Population: c.pop, Reason: c.reason})
	}
	doc.Places[i].Mentions = append(doc.Places[i].Mentions, ref)
}

// dateline resolves the dateline's place: its first comma-separated part,
// as the knowledge base or else the gazetteer knows it ("KRAMATORSK,
// Ukraine" is Kramatorsk, not Ukraine), else the first knowledge-base place
// in it.
func (st *state) dateline(dl *dyad.Dateline) (candidate, dyad.MentionRef, bool) {
	text := st.doc.Article.Text
	region := text[dl.Span.Start:dl.Span.End]
	ref := func(s, e int) dyad.MentionRef {
		s, e = dl.Span.Start+s, dl.Span.Start+e
		return dyad.MentionRef{Text: text[s:e], Start: s, End: e, Sentence: -1}
	}
	name, qual, _ := strings.Cut(dl.Place, ",")
	name = strings.TrimSpace(name)
	at := strings.Index(region, name)
	matches := st.s.kb.Matcher().FindAll(region)
	for _, m := range matches {
		if m.Start != at || m.End != at+len(name) {
			continue
		}
		if c, ok := st.resolveKB(region[m.Start:m.End], m.Entries, qualAfter(region, m.End)); ok {
			c.reason = "dateline; " + c.reason
			return c, ref(m.Start, m.End), true
		}
	}
	if name != "" && at >= 0 {
		cands := st.g.Lookup(name)
		ctx := st.context(name)
		st.qualify(&ctx, strings.TrimSpace(qual), cands)
		if p, why, ok := gazetteer.Resolve(cands, ctx); ok {
			return fromGazetteer(p, "dateline; "+why), ref(at, at+len(name)), true
		}
	}
	for _, m := range matches {
		if c, ok := st.resolveKB(region[m.Start:m.End], m.Entries, ""); ok {
			c.reason = "dateline; " + c.reason
			return c, ref(m.Start, m.End), true
		}
	}
	return candidate{}, dyad.MentionRef{}, false
}

// qualAfter returns the qualifier that follows a name ending at end: the
// capitalised words after ", " ("Texas" in "Paris, Texas, on Sunday"), or "".
func qualAfter(text string, end int) string {
	rest, ok := strings.CutPrefix(text[end:], ", ")
	if !ok {
		return ""
	}
	n := 0
	for _, w := range strings.Fields(rest) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			break
		}
		n += strings.Index(rest[n:], w) + len(w)
		if strings.ContainsAny(w, ",.;:)") {
			break
		}
	}
	return strings.TrimRight(rest[:n], ",.;:)")
}

// qualify sets ctx's country or region from a qualifier such as "Ukraine"
// or "Texas", when it names a country or a region of one of cands.
func (st *state) qualify(ctx *gazetteer.Context, qual string, cands []gazetteer.Place) {
	if qual == "" {
		return
	}
	for _, m := range st.s.kb.Matcher().FindAll(qual) {
		for _, e := range m.Entries {
			if e.Kind == kb.CountryName {
				ctx.Country = st.s.kb.Countries()[e.Index].ISO3
				return
			}
		}
	}
	for _, c := range cands {
		if c.Admin1 != "" && sameKey(c.Admin1, qual) {
			ctx.Region = qual
			return
		}
	}
}

// context returns the resolution context of name: the story's countries,
// except those only name itself stands for.
func (st *state) context(name string) gazetteer.Context {
	k := key(name)
	story := map[string]bool{}
	for iso3, words := range st.story {
		for _, w := range words {
			if w != k {
				story[iso3] = true
				break
			}
		}
	}
	return gazetteer.Context{Story: story}
}

// resolveKB picks the place among a knowledge-base match's entries.
func (st *state) resolveKB(text string, es []kb.Entry, qual string) (candidate, bool) {
	var cands []candidate
	for _, e := range es {
		if c, ok := st.candidate(text, e, qual); ok {
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 {
		return candidate{}, false
	}
	if len(cands) == 1 {
		return cands[0], true
	}
	story := st.context(text).Story
	for _, c := range cands {
		if story[c.iso3] {
			c.reason += "; in a country the story names"
			return c, true
		}
	}
	return cands[0], true
}

func (st *state) candidate(text string, e kb.Entry, qual string) (candidate, bool) {
	k := st.s.kb
	switch e.Kind {
	case kb.CountryName:
		c := k.Countries()[e.Index]
		if p, ok := st.homonymRegion(text, c.ISO3); ok {
			return fromGazetteer(p, fmt.Sprintf("a province of a country the story names (%s), which names %s no other way", p.Country, c.Name)), true
		}
		return candidate{key: "country:" + c.ISO3, kind: "country", name: c.Name, iso3: c.ISO3, lat: c.Lat, lon: c.Lon,
			reason: "country name"}, true
	case kb.Capital:
		c := k.Countries()[e.Index]
		if c.Capital == "" {
			return candidate{}, false
		}
		return st.capital(text, c, qual), true
	case kb.RegionEntry:
		r := k.Regions()[e.Index]
		return candidate{key: "region:" + r.Name, kind: r.Kind, name: r.Name, iso3: r.Country, lat: r.Lat, lon: r.Lon,
			reason: "knowledge-base " + r.Kind}, true
	}
	return candidate{}, false
}

// homonymRegion returns the first-level region named like the country iso3
// ("Georgia" the US state) when the story names the region's country and
// names the country iso3 by no other word ("Georgian", "Tbilisi").
func (st *state) homonymRegion(text, iso3 string) (gazetteer.Place, bool) {
	story := st.context(text).Story
	if story[iso3] {
		return gazetteer.Place{}, false
	}
	for _, p := range st.g.Lookup(text) {
		if p.Kind == gazetteer.Admin1 && p.Country != iso3 && story[p.Country] && sameKey(p.Name, text) {
			return p, true
		}
	}
	return gazetteer.Place{}, false
}

// capital resolves a capital's name: the capital, unless a qualifier names
// another place of that name ("Paris, Texas"), or the story names another
// country that has a place of that name and not the capital's country, and
// the gazetteer's resolver prefers that place ("Tripoli" in a story about
// Lebanon, but not "London" in a story about the United States).
func (st *state) capital(text string, c kb.Country, qual string) candidate {
	out := candidate{key: "city:" + c.ISO3 + ":" + c.Capital, kind: "city", name: c.Capital, iso3: c.ISO3,
		lat: c.CapitalLat, lon: c.CapitalLon, reason: "capital of " + c.Name}
	cands := st.g.Lookup(text)
	for _, p := range cands {
		if p.Kind == gazetteer.Capital && p.Country == c.ISO3 {
			out.pop, out.admin1 = p.Population, p.Admin1Code
		}
	}
	ctx := st.context(text)
	if st.qualify(&ctx, qual, cands); ctx.Country != "" || ctx.Region != "" {
		if p, why, ok := gazetteer.Resolve(cands, ctx); ok && !(p.Kind == gazetteer.Capital && p.Country == c.ISO3) {
			return fromGazetteer(p, fmt.Sprintf("%q; %s", text+", "+qual, why))
		}
	}
	if ctx.Story[c.ISO3] {
		return out
	}
	p, why, ok := gazetteer.Resolve(cands, ctx)
	if ok && p.Country != c.ISO3 && ctx.Story[p.Country] {
		return fromGazetteer(p, why+", not the capital of "+c.Name)
	}
	return out
}

// fromGazetteer turns a gazetteer entry into a candidate.
func fromGazetteer(p gazetteer.Place, reason string) candidate {
	kind := "city"
	if p.Kind == gazetteer.Admin1 {
		kind = "province"
	}
	return candidate{key: fmt.Sprintf("gaz:%d", p.ID), kind: kind, name: p.Name, iso3: p.Country, admin1: p.Admin1Code,
		lat: p.Lat, lon: p.Lon, pop: p.Population, reason: reason}
}

// storyCountries returns the countries the text names without ambiguity,
// which settle ambiguous place names, with the folded words naming each.
func storyCountries(k *kb.KB, text string, matches []kb.Match) map[string][]string {
	out := map[string][]string{}
	for _, m := range matches {
		if len(m.Entries) != 1 {
			continue
		}
		switch e := m.Entries[0]; e.Kind {
		case kb.CountryName, kb.CountryAdjective, kb.CountryPeople, kb.Capital:
			iso3 := k.Countries()[e.Index].ISO3
			out[iso3] = append(out[iso3], key(text[m.Start:m.End]))
		}
	}
	return out
}
