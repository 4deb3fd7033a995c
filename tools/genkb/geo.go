package main

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Where a capital's coordinates came from, as counted in the stats.
const (
	fromGeoNames    = "geonames"
	fromCapitalInfo = "mledoze-capitalInfo"
	fromFacts       = "countries_extra"
)

// gazetteer finds GeoNames places by folded name and ISO2 country code.
type gazetteer struct {
	places map[placeKey][]city
	// major holds, per key, the most populous city-timezones record; it breaks
	// ties between GeoNames places of the same name in the same country.
	major map[placeKey]majorCity
}

type placeKey struct{ name, iso2 string }

func newGazetteer(cities []city, major []majorCity) *gazetteer {
	g := &gazetteer{places: map[placeKey][]city{}, major: map[placeKey]majorCity{}}
	for _, c := range cities {
		k := placeKey{fold(c.Name), c.Country}
		g.places[k] = append(g.places[k], c)
	}
	for _, m := range major {
		for _, name := range []string{m.Name, m.ASCII} {
			k := placeKey{fold(name), m.ISO2}
			if prev, ok := g.major[k]; !ok || m.Pop > prev.Pop {
				g.major[k] = m
			}
		}
	}
	return g
}

// lookup returns the GeoNames place named name in country iso2: the only
// one, or among several the one nearest the most populous major city of that
// name, or else the first in file order.
func (g *gazetteer) lookup(name, iso2 string) (city, bool) {
	k := placeKey{fold(name), iso2}
	cands := g.places[k]
	if len(cands) == 0 {
		return city{}, false
	}
	m, ok := g.major[k]
	if len(cands) == 1 || !ok {
		return cands[0], true
	}
	best, bestD := cands[0], math.Inf(1)
	for _, c := range cands {
		if d := math.Hypot(c.Lat-m.Lat, c.Lon-m.Lon); d < bestD {
			best, bestD = c, d
		}
	}
	return best, true
}

// fold makes names comparable across sources: no diacritics, lower case,
// straight apostrophes, "St." as "saint", hyphens as spaces, no periods or
// commas ("Washington, D.C." and "Washington DC" fold alike).
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.', r == ',':
		case r == '’' || r == '‘' || r == 'ʻ':
			b.WriteByte('\'')
		case r == '-':
			b.WriteByte(' ')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	f := strings.Join(strings.Fields(b.String()), " ")
	if rest, ok := strings.CutPrefix(f, "st "); ok {
		f = "saint " + rest
	}
	return f
}

// plainLetters returns s without its diacritics, in its own letter case
// ("Brasília" → "Brasilia"); s itself when a letter has no plain form.
func plainLetters(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r >= 0x80 && unicode.IsLetter(r) {
			return s // "Reykjavík" folds, "Þórshöfn" does not
		}
		b.WriteRune(r)
	}
	return b.String()
}

// locateCapital sets the capital's coordinates from GeoNames (trying the
// capital, its aliases and the look-up-only names in order), else from
// mledoze's capitalInfo, else from a capital_coord fact.
func locateCapital(c *country, g *gazetteer, st *stats) error {
	if c.Capital == "" {
		return nil
	}
	names := append(append([]string{c.Capital}, c.CapitalAliases...), c.geoNames...)
	for _, n := range names {
		if p, ok := g.lookup(n, c.ISO2); ok {
			c.CapLat, c.CapLon, c.HasCapitalCoord, c.CapitalSource = p.Lat, p.Lon, true, fromGeoNames
			st.capitalSources[fromGeoNames]++
			return nil
		}
	}
	switch {
	case c.capInfo != nil:
		c.CapLat, c.CapLon, c.CapitalSource = c.capInfo[0], c.capInfo[1], fromCapitalInfo
	case c.coord != nil:
		c.CapLat, c.CapLon, c.CapitalSource = c.coord[0], c.coord[1], fromFacts
	default:
		return fmt.Errorf("%s: capital %q not found in GeoNames (tried %q); add a geo_name or capital_coord fact", c.ISO3, c.Capital, names)
	}
	c.HasCapitalCoord = true
	st.capitalSources[c.CapitalSource]++
	st.capitalFallbacks = append(st.capitalFallbacks, c.ISO3+" "+c.Capital+" ("+c.CapitalSource+")")
	return nil
}
