package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// country is one output row of countries.tsv.
type country struct {
	Code           string // CAMEO
	ISO2, ISO3     string
	Name           string
	Aliases        []string
	Adjectives     []string
	People         []string
	Capital        string
	CapitalAliases []string
	// CapLat and CapLon are valid when HasCapitalCoord.
	CapLat, CapLon  float64
	HasCapitalCoord bool
	// CapitalSource says where the capital's coordinates came from.
	CapitalSource string
	Lat, Lon      float64

	independent bool
	geoNames    []string
	coord       *[2]float64
	capInfo     []float64
}

// metonym is one output row of metonyms.tsv.
type metonym struct {
	Phrase string
	ISO3   string
	Code   string // CAMEO country code plus sector
	Sector string
}

// tables is what genkb writes.
type tables struct {
	countries []*country
	metonyms  []metonym
	stats     stats
}

// build merges the sources and the hand-written facts into the output tables.
func build(src *sources, facts []fact) (*tables, error) {
	byISO3 := map[string]*country{}
	var rows []*country
	for i := range src.countries {
		c, err := fromMledoze(&src.countries[i])
		if err != nil {
			return nil, err
		}
		if byISO3[c.ISO3] != nil {
			return nil, fmt.Errorf("mledoze: duplicate cca3 %s", c.ISO3)
		}
		byISO3[c.ISO3] = c
		rows = append(rows, c)
	}
	st := stats{countries: len(rows), badNationalities: src.badNationalities, capitalSources: map[string]int{}}
	for _, n := range src.nationalities {
		c := byISO3[n.ISO3]
		if c == nil {
			st.unknownNationalities = append(st.unknownNationalities, n.Name+","+n.ISO3)
			continue
		}
		for _, a := range splitDemonym(n.Name) {
			c.Adjectives = appendNew(c.Adjectives, a)
		}
	}
	t := &tables{countries: rows}
	if err := applyFacts(byISO3, facts, t); err != nil {
		return nil, err
	}
	allNames := map[string]bool{}
	for _, c := range rows {
		allNames[c.Name] = true
		for _, a := range c.Aliases {
			allNames[a] = true
		}
	}
	for _, c := range rows {
		c.Adjectives = slices.DeleteFunc(c.Adjectives, func(a string) bool {
			return a == c.Name || slices.Contains(c.Aliases, a)
		})
		derived := c.People
		c.People = nil
		for _, a := range c.Adjectives {
			if p := plural(a); p != "" && !allNames[p] {
				c.People = appendNew(c.People, p)
			}
		}
		for _, p := range derived {
			c.People = appendNew(c.People, p)
		}
	}
	if err := applyDrops(byISO3, facts); err != nil {
		return nil, err
	}
	for _, c := range rows {
		// English news often drops the accents: "Brasilia", "Bogota",
		// "Sao Tome". The plain spelling of the capital and of the
		// country's names is an alias too.
		if p := plainLetters(c.Capital); p != c.Capital {
			c.CapitalAliases = appendNew(c.CapitalAliases, p)
		}
		for _, a := range slices.Clone(c.CapitalAliases) {
			if p := plainLetters(a); p != a && p != c.Capital {
				c.CapitalAliases = appendNew(c.CapitalAliases, p)
			}
		}
		for _, a := range append([]string{c.Name}, c.Aliases...) {
			if p := plainLetters(a); p != a && p != c.Name {
				c.Aliases = appendNew(c.Aliases, p)
			}
		}
	}
	geo := newGazetteer(src.cities, src.majorCities)
	for _, c := range rows {
		if err := locateCapital(c, geo, &st); err != nil {
			return nil, err
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].ISO3 < rows[j].ISO3 })
	sort.Slice(t.metonyms, func(i, j int) bool {
		a, b := t.metonyms[i], t.metonyms[j]
		if a.ISO3 != b.ISO3 {
			return a.ISO3 < b.ISO3
		}
		return a.Phrase < b.Phrase
	})
	if err := checkUnique(rows); err != nil {
		return nil, err
	}
	st.count(rows, t.metonyms)
	t.stats = st
	return t, nil
}

// fromMledoze takes names, codes, demonyms and coordinates from one record.
func fromMledoze(m *mledozeCountry) (*country, error) {
	if len(m.CCA3) != 3 || len(m.CCA2) != 2 || m.Name.Common == "" {
		return nil, fmt.Errorf("mledoze: incomplete record %q/%q/%q", m.CCA3, m.CCA2, m.Name.Common)
	}
	if len(m.LatLng) != 2 {
		return nil, fmt.Errorf("mledoze: %s has no latlng", m.CCA3)
	}
	c := &country{
		Code:        m.CCA3,
		ISO2:        m.CCA2,
		ISO3:        m.CCA3,
		Name:        m.Name.Common,
		Lat:         m.LatLng[0],
		Lon:         m.LatLng[1],
		independent: m.Independent != nil && *m.Independent,
	}
	native := map[string]bool{}
	for lang, n := range m.Name.Native {
		if lang != "eng" {
			native[n.Common] = true
			native[n.Official] = true
		}
	}
	for _, a := range append([]string{m.Name.Official}, m.AltSpellings...) {
		if a != c.Name && isNewsName(a) && !native[a] {
			c.Aliases = appendNew(c.Aliases, a)
		}
	}
	if eng, ok := m.Demonyms["eng"]; ok {
		for _, d := range []string{eng.M, eng.F} {
			for _, a := range splitDemonym(d) {
				c.Adjectives = appendNew(c.Adjectives, a)
			}
		}
	}
	if len(m.Capital) > 0 {
		c.Capital = m.Capital[0]
		for _, a := range m.Capital[1:] {
			c.CapitalAliases = appendNew(c.CapitalAliases, a)
		}
	}
	if m.CapitalInfo != nil && len(m.CapitalInfo.LatLng) == 2 {
		c.capInfo = m.CapitalInfo.LatLng
	}
	return c, nil
}

// isNewsName reports whether an alternative spelling is a name English news
// could use: not a two-letter code, not in a script beyond Latin-1 (which
// also drops transliterations with macrons), not a comma-inverted list form
// ("Korea, Republic of") and not a parenthesized one.
func isNewsName(s string) bool {
	if utf8.RuneCountInString(s) <= 2 {
		return false
	}
	if strings.ContainsAny(s, ",()") {
		return false
	}
	for _, r := range s {
		if r > 0xFF && r != '’' {
			return false
		}
	}
	return true
}

// splitDemonym splits "Antiguan, Barbudan" and "Kittitian or Nevisian".
func splitDemonym(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		for _, p := range strings.Split(part, " or ") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// pluralSuffixes are the demonym endings that take a plain -s plural:
// Ukrainian(s), Iraqi(s), Cypriot(s), Greek(s), Kazakh(s), Slovene(s),
// Argentine(s), Monegasque(s), Kosovar(s), Montenegrin(s), Turkmen(s). Other
// endings (-ese, -ish, -ch, -ss, -x, -y, -ic, -o, -a) have no regular plural;
// countries_extra.tsv lists the irregular ones (Frenchmen, Danes, Filipinos).
var pluralSuffixes = []string{"an", "er", "i", "ot", "ite", "k", "kh", "ene", "ine", "que", "ar", "in", "en"}

// plural returns the -s plural of a demonym, or "" when it has no regular one.
func plural(adj string) string {
	if strings.HasPrefix(adj, "I-") || strings.HasPrefix(adj, "Ni-") || strings.HasSuffix(adj, " Island") {
		return ""
	}
	for _, suf := range pluralSuffixes {
		if strings.HasSuffix(adj, suf) {
			return adj + "s"
		}
	}
	return ""
}

// applyFacts merges every fact except drops, which run after the derived
// people nouns exist.
func applyFacts(byISO3 map[string]*country, facts []fact, t *tables) error {
	for _, f := range facts {
		c := byISO3[f.ISO3]
		if c == nil {
			return fmt.Errorf("countries_extra.tsv:%d: unknown country %s", f.Line, f.ISO3)
		}
		switch f.Field {
		case fieldCAMEO:
			c.Code = f.Value
		case fieldAlias:
			if f.Value != c.Name {
				c.Aliases = appendNew(c.Aliases, f.Value)
			}
		case fieldAdjective:
			c.Adjectives = appendNew(c.Adjectives, f.Value)
		case fieldPeople:
			c.People = appendNew(c.People, f.Value)
		case fieldMoveAdjective:
			if !slices.Contains(c.Aliases, f.Value) {
				return fmt.Errorf("countries_extra.tsv:%d: %s has no alias %q to move", f.Line, f.ISO3, f.Value)
			}
			c.Aliases = slices.DeleteFunc(c.Aliases, func(a string) bool { return a == f.Value })
			c.Adjectives = appendNew(c.Adjectives, f.Value)
		case fieldCapital:
			if c.Capital != "" {
				return fmt.Errorf("countries_extra.tsv:%d: %s already has capital %q", f.Line, f.ISO3, c.Capital)
			}
			c.Capital = f.Value
		case fieldCapitalAlias:
			c.CapitalAliases = appendNew(c.CapitalAliases, f.Value)
		case fieldGeoName:
			c.geoNames = appendNew(c.geoNames, f.Value)
		case fieldCapitalCoord:
			lat, lon, _ := parseLatLon(f.Value) // checked when parsed
			c.coord = &[2]float64{lat, lon}
		case fieldMetonym:
			t.metonyms = append(t.metonyms, metonym{Phrase: f.Value, ISO3: f.ISO3, Sector: f.Value2})
		}
	}
	for i := range t.metonyms {
		m := &t.metonyms[i]
		m.Code = byISO3[m.ISO3].Code + m.Sector
	}
	return nil
}

// applyDrops removes values named by drop facts; a drop that removes nothing
// is an error, so typos in the facts file do not go unnoticed.
func applyDrops(byISO3 map[string]*country, facts []fact) error {
	for _, f := range facts {
		if f.Field != fieldDrop {
			continue
		}
		c := byISO3[f.ISO3]
		n := len(c.Aliases) + len(c.Adjectives) + len(c.People) + len(c.CapitalAliases)
		del := func(s string) bool { return s == f.Value }
		c.Aliases = slices.DeleteFunc(c.Aliases, del)
		if slices.Contains(c.Adjectives, f.Value) {
			// The plural derived from a dropped demonym goes with it.
			if p := plural(f.Value); p != "" {
				c.People = slices.DeleteFunc(c.People, func(s string) bool { return s == p })
			}
		}
		c.Adjectives = slices.DeleteFunc(c.Adjectives, del)
		c.People = slices.DeleteFunc(c.People, del)
		c.CapitalAliases = slices.DeleteFunc(c.CapitalAliases, del)
		if len(c.Aliases)+len(c.Adjectives)+len(c.People)+len(c.CapitalAliases) == n {
			return fmt.Errorf("countries_extra.tsv:%d: %s has no %q to drop", f.Line, f.ISO3, f.Value)
		}
	}
	return nil
}

// checkUnique fails when two rows share a CAMEO, ISO2 or ISO3 code, or when
// a row has an empty or tab-bearing value that would break the TSV.
func checkUnique(rows []*country) error {
	seen := map[string]string{}
	for _, c := range rows {
		for _, k := range []string{"cameo:" + c.Code, "iso2:" + c.ISO2, "iso3:" + c.ISO3} {
			if prev, ok := seen[k]; ok {
				return fmt.Errorf("duplicate code %s (%s and %s)", k, prev, c.Name)
			}
			seen[k] = c.Name
		}
		all := append(append(append(append([]string{c.Name, c.Capital}, c.Aliases...), c.Adjectives...), c.People...), c.CapitalAliases...)
		for _, s := range all {
			if strings.ContainsAny(s, "\t\n|") {
				return fmt.Errorf("%s: value %q holds a tab, newline or |", c.ISO3, s)
			}
			if s != strings.TrimFunc(s, unicode.IsSpace) {
				return fmt.Errorf("%s: value %q has stray spaces", c.ISO3, s)
			}
		}
	}
	return nil
}

func appendNew(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
