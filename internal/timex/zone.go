package timex

import (
	"strings"
	"time"
	_ "time/tzdata" // zones must resolve on machines without a zoneinfo database

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/gazetteer"
)

// zones finds the time zones of place names in the gazetteer.
type zones struct {
	g *gazetteer.Gazetteer
}

func (z *zones) gazetteer() *gazetteer.Gazetteer {
	if z.g == nil {
		if g, err := gazetteer.Shared(); err == nil {
			z.g = g
		}
	}
	return z.g
}

// zone returns the time zone of the place named: that of the most populous
// same-name place whose zone the gazetteer knows.
func (z *zones) zone(name string) (*time.Location, bool) {
	switch strings.ToLower(name) {
	case "gmt", "utc":
		return time.UTC, true
	}
	g := z.gazetteer()
	if g == nil {
		return nil, false
	}
	best, pop := "", -1
	for _, p := range g.Lookup(name) {
		if p.Timezone != "" && p.Population > pop {
			best, pop = p.Timezone, p.Population
		}
	}
	if best == "" {
		return nil, false
	}
	loc, err := time.LoadLocation(best)
	return loc, err == nil
}

// reference returns the day relative expressions are resolved against (see
// Reference).
func (z *zones) reference(a *dyad.Article) (time.Time, bool) {
	if a.Dateline != nil && a.Dateline.Date != "" {
		if t, err := time.Parse(dyad.DateLayout, a.Dateline.Date); err == nil {
			return t, true
		}
	}
	if a.Dateline != nil && a.Dateline.Place != "" && a.HasTime {
		if loc, ok := z.zone(a.Dateline.Place); ok {
			return z.localReference(a, loc)
		}
	}
	if a.Date.IsZero() {
		return time.Time{}, false
	}
	y, m, d := a.Date.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
}

// localReference returns the publication day on loc's calendar, when the
// publication time is known.
func (z *zones) localReference(a *dyad.Article, loc *time.Location) (time.Time, bool) {
	if !a.HasTime || a.Date.IsZero() || loc == nil {
		return time.Time{}, false
	}
	y, m, d := a.Date.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
}

// suffix matches a time zone after an expression: "(Seoul time)", "Seoul
// time", "(local time)" is not a zone of its own and is only skipped, "GMT",
// "(UTC)". It returns the zone (nil for local time) and the tokens covered.
func (z *zones) suffix(toks []dyad.Token, lower []string) (*time.Location, int) {
	paren := len(lower) > 0 && lower[0] == "("
	k := 0
	if paren {
		k = 1
	}
	if k < len(lower) && (lower[k] == "gmt" || lower[k] == "utc") {
		return time.UTC, closeParen(lower, k+1, paren)
	}
	// A place of one to three capitalized words, then "time".
	for n := 1; n <= 3 && k+n < len(lower); n++ {
		if !capitalized(toks[k+n-1].Text) && lower[k+n-1] != "local" {
			break
		}
		if lower[k+n] != "time" {
			continue
		}
		end := closeParen(lower, k+n+1, paren)
		if end == 0 {
			return nil, 0
		}
		if n == 1 && lower[k] == "local" {
			return nil, end
		}
		name := toks[k].Text
		for _, t := range toks[k+1 : k+n] {
			name += " " + t.Text
		}
		if loc, ok := z.zone(name); ok {
			return loc, end
		}
		return nil, 0
	}
	return nil, 0
}

// closeParen returns the tokens covered up to k, plus a closing parenthesis
// at k when paren; 0 when one is wanted and missing.
func closeParen(lower []string, k int, paren bool) int {
	if !paren {
		return k
	}
	if k < len(lower) && lower[k] == ")" {
		return k + 1
	}
	return 0
}

func capitalized(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }
