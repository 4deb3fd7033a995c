// Package places resolves the places an article names to gazetteer entries
// with coordinates.
//
// This first version knows the places of dyad's knowledge base: every country
// (at its centre), every capital, and the regions, seas and disputed areas of
// places.tsv. A name that stands for several entries is resolved in favour of
// the countries the story names elsewhere, then of the first entry. The
// dateline's place ("SEOUL", "KYIV, Ukraine") is resolved too and kept with a
// mention whose sentence is -1, so that events can fall back on it. Each
// distinct place is listed once, with all its mentions, in the order of its
// first mention.
//
// Not yet: the 20,000 most populous cities, first-level regions, and
// disambiguation by population and by the story's other places.
package places

import (
	"fmt"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/kb"
)

// Stage is the places stage. It is safe for concurrent use.
type Stage struct {
	kb *kb.KB
}

var _ dyad.Stage = (*Stage)(nil)

// New returns the places stage over k.
func New(k *kb.KB) *Stage { return &Stage{kb: k} }

// Name returns "places".
func (*Stage) Name() string { return "places" }

// candidate is a resolved gazetteer entry before places are merged.
type candidate struct {
	key  string
	kind string
	name string
	iso3 string
	lat  float64
	lon  float64
}

// Process adds doc.Places.
func (s *Stage) Process(doc *dyad.Document) error {
	a := doc.Article
	matches := s.kb.Matcher().FindAll(a.Text)
	story := storyCountries(s.kb, matches)
	index := map[string]int{}
	add := func(c candidate, ref dyad.MentionRef) {
		i, ok := index[c.key]
		if !ok {
			i = len(doc.Places)
			index[c.key] = i
			doc.Places = append(doc.Places, dyad.Place{ID: fmt.Sprintf("p%d", i+1), Name: c.name, Kind: c.kind,
				Country: c.iso3, Lat: c.lat, Lon: c.lon})
		}
		doc.Places[i].Mentions = append(doc.Places[i].Mentions, ref)
	}
	if dl := a.Dateline; dl != nil {
		if c, ref, ok := s.dateline(dl, a.Text, story); ok {
			add(c, ref)
		}
	}
	for _, m := range matches {
		si := doc.SentenceAt(m.Start)
		if si < 0 {
			continue // in a skipped region
		}
		if c, ok := s.resolve(m.Entries, story); ok {
			add(c, dyad.MentionRef{Text: a.Text[m.Start:m.End], Start: m.Start, End: m.End, Sentence: si})
		}
	}
	return nil
}

// dateline resolves the dateline's place: the first gazetteer name in it.
func (s *Stage) dateline(dl *dyad.Dateline, text string, story map[string]bool) (candidate, dyad.MentionRef, bool) {
	region := text[dl.Span.Start:dl.Span.End]
	for _, m := range s.kb.Matcher().FindAll(region) {
		if c, ok := s.resolve(m.Entries, story); ok {
			st, en := dl.Span.Start+m.Start, dl.Span.Start+m.End
			return c, dyad.MentionRef{Text: text[st:en], Start: st, End: en, Sentence: -1}, true
		}
	}
	return candidate{}, dyad.MentionRef{}, false
}

// resolve picks the place among a match's entries.
func (s *Stage) resolve(es []kb.Entry, story map[string]bool) (candidate, bool) {
	var cands []candidate
	for _, e := range es {
		if c, ok := s.candidate(e); ok {
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 {
		return candidate{}, false
	}
	for _, c := range cands {
		if story[c.iso3] {
			return c, true
		}
	}
	return cands[0], true
}

func (s *Stage) candidate(e kb.Entry) (candidate, bool) {
	switch e.Kind {
	case kb.CountryName:
		c := s.kb.Countries()[e.Index]
		return candidate{key: "country:" + c.ISO3, kind: "country", name: c.Name, iso3: c.ISO3, lat: c.Lat, lon: c.Lon}, true
	case kb.Capital:
		c := s.kb.Countries()[e.Index]
		if c.Capital == "" {
			return candidate{}, false
		}
		return candidate{key: "city:" + c.ISO3 + ":" + c.Capital, kind: "city", name: c.Capital, iso3: c.ISO3,
			lat: c.CapitalLat, lon: c.CapitalLon}, true
	case kb.RegionEntry:
		r := s.kb.Regions()[e.Index]
		return candidate{key: "region:" + r.Name, kind: r.Kind, name: r.Name, iso3: r.Country, lat: r.Lat, lon: r.Lon}, true
	}
	return candidate{}, false
}

// storyCountries returns the ISO3 codes of countries the text names without
// ambiguity, which settle ambiguous place names.
func storyCountries(k *kb.KB, matches []kb.Match) map[string]bool {
	out := map[string]bool{}
	for _, m := range matches {
		if len(m.Entries) != 1 {
			continue
		}
		switch e := m.Entries[0]; e.Kind {
		case kb.CountryName, kb.CountryAdjective, kb.CountryPeople, kb.Capital:
			out[k.Countries()[e.Index].ISO3] = true
		}
	}
	return out
}
