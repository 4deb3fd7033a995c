package gazetteer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dyadproject/dyad/internal/gazetteer/fold"
)

// WorldCity is the known population from which a city keeps its name
// against the story's countries when these hold only namesakes of unknown
// size or less than a twentieth of its population: "London" in a story
// about the United States is still London, England, not London, Kentucky
// (7,800), while "Tripoli" (1.2 million) in a story about Lebanon is
// Lebanon's Tripoli and "Hyderabad" in a story about Pakistan is Pakistan's.
const WorldCity = 2_000_000

const worldRatio = 20

// Context is what the text says around a place name that helps choose among
// its candidates.
type Context struct {
	// Story holds the ISO3 codes of the countries the story names elsewhere.
	Story map[string]bool
	// Country and Region qualify the name when the text writes "Paris,
	// Texas" or "Tripoli, Lebanon": an ISO3 code, a region's name. Either
	// may be empty.
	Country, Region string
	// WantAdmin1 is set when the text calls the place a region, province,
	// state or oblast ("Punjab province").
	WantAdmin1 bool
}

// Resolve chooses the place among candidates (as [Gazetteer.Lookup] returns
// them) and says why. The rules, in order:
//
//  1. a qualifier keeps only the candidates in that country or region;
//  2. WantAdmin1 keeps only regions, otherwise a region gives way to a city
//     of the same name and country that holds at least half its known
//     population ("Aleppo", but not "Virginia");
//  3. one candidate left: "only candidate";
//  4. one candidate in the story's countries, or the most populous of
//     several there: "in a country the story names"; unless those are all
//     small and a candidate elsewhere is a [WorldCity];
//  5. the most populous candidate, if its population is known: "most populous";
//  6. otherwise the capital, if one candidate is a capital.
//
// It returns ok false, with the reason, when no rule decides: several places
// of unknown size and nothing in the story to choose by.
func Resolve(cands []Place, ctx Context) (Place, string, bool) {
	if len(cands) == 0 {
		return Place{}, "no candidate", false
	}
	var why []string
	if ctx.Country != "" || ctx.Region != "" {
		q := keep(cands, func(p Place) bool {
			return (ctx.Country == "" || p.Country == ctx.Country) &&
				(ctx.Region == "" || sameRegion(p, ctx.Region))
		})
		if len(q) == 0 {
			return Place{}, "no candidate in " + qualifier(ctx), false
		}
		cands = q
		why = append(why, "qualified by "+qualifier(ctx))
	}
	if ctx.WantAdmin1 {
		if a := keep(cands, func(p Place) bool { return p.Kind == Admin1 }); len(a) > 0 {
			cands = a
			why = append(why, "called a region")
		}
	} else {
		cands = keep(cands, func(p Place) bool { return p.Kind != Admin1 || !hasKnownCity(cands, p) })
	}
	p, reason, ok := choose(cands, ctx.Story)
	return p, strings.Join(append(why, reason), "; "), ok
}

// choose applies rules 3 to 6.
func choose(cands []Place, story map[string]bool) (Place, string, bool) {
	if len(cands) == 1 {
		return cands[0], "only candidate", true
	}
	in := keep(cands, func(p Place) bool { return story[p.Country] })
	if w, ok := mostPopulous(cands); ok && w.Population >= WorldCity && !story[w.Country] && len(in) > 0 &&
		!slices.ContainsFunc(in, func(p Place) bool { return p.Population*worldRatio >= w.Population }) {
		return w, fmt.Sprintf("world city, over small namesakes in the story's countries (%s)", in[0].Country), true
	}
	if len(in) == 1 {
		return in[0], "in a country the story names (" + in[0].Country + ")", true
	}
	if len(in) > 1 {
		if p, ok := mostPopulous(in); ok {
			return p, "most populous in the countries the story names (" + p.Country + ")", true
		}
	}
	if p, ok := mostPopulous(cands); ok {
		return p, fmt.Sprintf("most populous of %d candidates", len(cands)), true
	}
	if c := keep(cands, func(p Place) bool { return p.Kind == Capital }); len(c) == 1 {
		return c[0], "the capital among places of unknown size", true
	}
	return Place{}, fmt.Sprintf("ambiguous: %d candidates of unknown size", len(cands)), false
}

// mostPopulous returns the candidate with the largest known population; ok
// is false when none is known or two share the largest.
func mostPopulous(cands []Place) (Place, bool) {
	best, tie := -1, false
	for i, p := range cands {
		switch {
		case p.Population == 0:
		case best < 0 || p.Population > cands[best].Population:
			best, tie = i, false
		case p.Population == cands[best].Population:
			tie = true
		}
	}
	if best < 0 || tie {
		return Place{}, false
	}
	return cands[best], true
}

// hasKnownCity reports whether a city of region's name and country holds
// at least half the region's known population: then the name means the
// city ("Aleppo", "New York"), not the region ("Virginia").
func hasKnownCity(cands []Place, region Place) bool {
	for _, p := range cands {
		if p.Kind != Admin1 && p.Country == region.Country && p.Population > 0 && 2*p.Population >= region.Population {
			return true
		}
	}
	return false
}

// sameRegion reports whether p lies in, or is, the region named name
// ("Texas"; "Donetsk" for "Donetsk Oblast").
func sameRegion(p Place, name string) bool {
	a, k := fold.Key(p.Admin1), fold.Key(name)
	return a != "" && (a == k || strings.HasPrefix(a, k+" "))
}

func qualifier(ctx Context) string {
	if ctx.Region != "" && ctx.Country != "" {
		return ctx.Region + ", " + ctx.Country
	}
	return ctx.Region + ctx.Country
}

func keep(ps []Place, f func(Place) bool) []Place {
	var out []Place
	for _, p := range ps {
		if f(p) {
			out = append(out, p)
		}
	}
	return out
}
