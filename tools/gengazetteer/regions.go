package main

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/dyadproject/dyad/internal/gazetteer/fold"
	"github.com/dyadproject/dyad/internal/kb"
)

// regionWords are the words that name the kind of a first-level region
// rather than the region: "Donetsk Oblast" is "Donetsk" in news, "Province
// of Batangas" is "Batangas".
var regionSuffixes = []string{" Oblast'", " Oblast", " Province", " Governorate", " Region", " State",
	" Prefecture", " Voivodeship", " Department", " County", " District", " Republic", " City", " Division",
	" Parish", " Municipality", " Krai", " Kray", " Emirate"}

var regionPrefixes = []string{"Province of ", "Provincia de ", "Provincia di ", "Departamento de ",
	"State of ", "Municipality of ", "Region of ", "Muhafazat ", "Wilayat ", "Estado de ", "Canton of "}

// compass words left over after stripping ("North Region") name no region.
var compass = map[string]bool{"north": true, "south": true, "east": true, "west": true, "central": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "capital": true, "free": true,
	"new": true, "upper": true, "lower": true, "federal": true, "national": true}

// buildRegions makes one row per first-level region that has cities: its
// centre is the mean position of its cities (longitude averaged on the
// circle, so regions across the antimeridian stay where they are).
func buildRegions(cities []city, src *sources, k *kb.KB, st *stats) []region {
	type acc struct {
		lat, x, y float64
		n, pop    int
	}
	byCode := map[string]*acc{}
	for _, c := range cities {
		if c.admin1 == "" {
			continue
		}
		a := byCode[c.admin1]
		if a == nil {
			a = &acc{}
			byCode[c.admin1] = a
		}
		a.lat += c.lat
		a.x += math.Cos(c.lon * math.Pi / 180)
		a.y += math.Sin(c.lon * math.Pi / 180)
		a.n++
		a.pop += c.pop
	}
	// A short name that is a country's ("Mexico" for "Mexico City") would
	// shadow the country.
	countryNames := map[string]bool{}
	for _, c := range k.Countries() {
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			countryNames[fold.Key(n)] = true
		}
	}
	var out []region
	seen := map[string]bool{}
	for _, g := range src.admin1 {
		iso2, _, ok := strings.Cut(g.Code, ".")
		country, known := k.CountryByISO2(iso2)
		a := byCode[g.Code]
		if !ok || !known || seen[g.Code] || strings.TrimSpace(g.Name) == "" || strings.ContainsAny(g.Name, "\t\n|") {
			continue
		}
		seen[g.Code] = true
		if a == nil {
			st.regionsWithoutCities++
			continue
		}
		r := region{code: g.Code, name: g.Name, iso3: country.ISO3, pop: a.pop, cities: a.n,
			lat: round4(a.lat / float64(a.n)), lon: round4(math.Atan2(a.y, a.x) * 180 / math.Pi)}
		if alt := shortName(g.Name, src); alt != "" && !countryNames[fold.Key(alt)] {
			r.alts = append(r.alts, alt)
			st.alts++
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(x, y region) int { return cmp.Compare(x.code, y.code) })
	st.regions = len(out)
	return out
}

// shortName returns name without its kind word ("Donetsk" for "Donetsk
// Oblast"), or "" when nothing is stripped or the rest would be a compass
// word or a common English word.
func shortName(name string, src *sources) string {
	rest := name
	for _, s := range regionSuffixes {
		if strings.HasSuffix(rest, s) {
			rest = strings.TrimSuffix(rest, s)
			break
		}
	}
	for _, p := range regionPrefixes {
		if strings.HasPrefix(rest, p) {
			rest = strings.TrimPrefix(rest, p)
			break
		}
	}
	k := fold.Key(rest)
	if rest == name || len(k) < 4 || compass[k] || isCommon(k, src) {
		return ""
	}
	return rest
}

// isCommon reports whether English mostly writes the one-word key in lower
// case: at least twice in the treebank, and more often than capitalised.
func isCommon(key string, src *sources) bool {
	lo := src.lower[key]
	return lo >= 2 && lo > src.upper[key]
}

// commonWords lists the folded one-word city and region names that are
// common English words.
func commonWords(cities []city, regions []region, src *sources) []string {
	set := map[string]bool{}
	check := func(name string) {
		if k := fold.Key(name); k != "" && !strings.Contains(k, " ") && isCommon(k, src) {
			set[k] = true
		}
	}
	for _, c := range cities {
		check(c.name)
		for _, a := range c.alts {
			check(a)
		}
	}
	for _, r := range regions {
		check(r.name)
		for _, a := range r.alts {
			check(a)
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
