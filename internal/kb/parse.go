package kb

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Column headers of the tables. tools/genkb writes the first two.
var (
	countryColumns = []string{"cameo", "iso2", "iso3", "name", "aliases", "adjectives", "people",
		"capital", "capital_aliases", "capital_lat", "capital_lon", "lat", "lon"}
	metonymColumns = []string{"phrase", "iso3", "code", "sector"}
	orgColumns     = []string{"id", "code", "name", "aliases", "kind", "country", "sector", "note"}
	agentColumns   = []string{"phrase", "plurals", "sector", "role", "kind"}
	regionColumns  = []string{"name", "aliases", "country", "kind", "lat", "lon"}
	policyColumns  = []string{"phrase", "action", "note"}
)

var regionKinds = []string{"region", "province", "city", "sea", "strait", "gulf", "ocean", "peninsula", "disputed", "zone"}

// checkNames rejects empty names and names with stray spaces or a |.
func (r record) checkNames(name string, names ...string) error {
	for _, n := range names {
		if n == "" || strings.TrimFunc(n, unicode.IsSpace) != n || strings.Contains(n, "|") || !utf8.ValidString(n) {
			return r.errorf(name, "bad name %q", n)
		}
	}
	return nil
}

// isCode reports whether s is n upper-case ASCII letters.
func isCode(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// isCAMEO reports whether s is a CAMEO actor code: upper-case letters in
// groups of three.
func isCAMEO(s string) bool {
	return s != "" && len(s)%3 == 0 && isCode(s, len(s))
}

func (k *KB) parseCountries(name string, data []byte) error {
	recs, err := readTable(name, data, countryColumns)
	if err != nil {
		return err
	}
	k.countries = make([]Country, 0, len(recs))
	k.byCode, k.byISO3, k.byISO2 = map[string]int{}, map[string]int{}, map[string]int{}
	for _, r := range recs {
		c := r.cols
		if !isCode(c[0], 3) || !isCode(c[1], 2) || !isCode(c[2], 3) {
			return r.errorf(name, "bad codes %q %q %q", c[0], c[1], c[2])
		}
		ctry := Country{Code: c[0], ISO2: c[1], ISO3: c[2], Name: c[3],
			Aliases: list(c[4]), Adjectives: list(c[5]), People: list(c[6]),
			Capital: c[7], CapitalAliases: list(c[8])}
		if err := r.checkNames(name, append(append(append(append([]string{ctry.Name}, ctry.Aliases...), ctry.Adjectives...), ctry.People...), ctry.CapitalAliases...)...); err != nil {
			return err
		}
		if ctry.Capital != "" {
			if ctry.CapitalLat, err = r.float(name, 9, 90); err != nil {
				return err
			}
			if ctry.CapitalLon, err = r.float(name, 10, 180); err != nil {
				return err
			}
		} else if c[9] != "" || c[10] != "" || len(ctry.CapitalAliases) > 0 {
			return r.errorf(name, "capital coordinates or aliases without a capital")
		}
		if ctry.Lat, err = r.float(name, 11, 90); err != nil {
			return err
		}
		if ctry.Lon, err = r.float(name, 12, 180); err != nil {
			return err
		}
		i := len(k.countries)
		for _, idx := range []struct {
			m   map[string]int
			key string
		}{{k.byCode, ctry.Code}, {k.byISO3, ctry.ISO3}, {k.byISO2, ctry.ISO2}} {
			if _, dup := idx.m[idx.key]; dup {
				return r.errorf(name, "duplicate code %s", idx.key)
			}
			idx.m[idx.key] = i
		}
		k.countries = append(k.countries, ctry)
	}
	return nil
}

func (k *KB) parseMetonyms(name string, data []byte) error {
	recs, err := readTable(name, data, metonymColumns)
	if err != nil {
		return err
	}
	for _, r := range recs {
		m := Metonym{Phrase: r.cols[0], Country: r.cols[1], Code: r.cols[2], Sector: r.cols[3]}
		if err := r.checkNames(name, m.Phrase); err != nil {
			return err
		}
		c, ok := k.CountryByISO3(m.Country)
		if !ok {
			return r.errorf(name, "unknown country %q", m.Country)
		}
		if m.Sector != "" && !isCode(m.Sector, 3) || m.Code != c.Code+m.Sector {
			return r.errorf(name, "code %q is not %s plus sector %q", m.Code, c.Code, m.Sector)
		}
		k.metonyms = append(k.metonyms, m)
	}
	return nil
}

func (k *KB) parseOrgs(name string, data []byte) error {
	recs, err := readTable(name, data, orgColumns)
	if err != nil {
		return err
	}
	k.orgByID = map[string]int{}
	for _, r := range recs {
		c := r.cols
		o := Org{ID: c[0], Code: c[1], Name: c[2], Aliases: list(c[3]), Kind: OrgKind(c[4]),
			Country: c[5], Sector: c[6], Note: c[7]}
		if err := r.checkNames(name, append([]string{o.ID, o.Name}, o.Aliases...)...); err != nil {
			return err
		}
		if strings.Contains(o.Code, ",") {
			if o.Changes, err = parseChanges(o.Code, o.Country); err != nil {
				return r.errorf(name, "%v", err)
			}
			last := o.Changes[len(o.Changes)-1]
			if o.Sector != last.Sector {
				return r.errorf(name, "sector %q is not the last code's %q", o.Sector, last.Sector)
			}
			o.Code = last.Code
		}
		if !isCAMEO(o.Code) {
			return r.errorf(name, "bad CAMEO code %q", o.Code)
		}
		switch o.Kind {
		case IGO, NGO, Party, ArmedGroup, Media, WorldRegion:
		default:
			return r.errorf(name, "unknown kind %q", o.Kind)
		}
		if o.Country != "" {
			if _, ok := k.CountryByISO3(o.Country); !ok {
				return r.errorf(name, "unknown country %q", o.Country)
			}
		}
		if o.Sector != "" && !isCode(o.Sector, 3) {
			return r.errorf(name, "bad sector %q", o.Sector)
		}
		if _, dup := k.orgByID[o.ID]; dup {
			return r.errorf(name, "duplicate id %s", o.ID)
		}
		k.orgByID[o.ID] = len(k.orgs)
		k.orgs = append(k.orgs, o)
	}
	return nil
}

// parseChanges reads the code column of an organization whose code changed:
// its first code, then each later one with the date it took effect, as in
// "AFGGOV, AFGREB from 2001-11-13, AFGGOV from 2021-08-15". Each code is the
// organization's country plus a sector, which the change takes.
func parseChanges(col, country string) ([]OrgChange, error) {
	var out []OrgChange
	for i, part := range strings.Split(col, ",") {
		code, date, dated := strings.Cut(strings.TrimSpace(part), " from ")
		var from time.Time
		switch {
		case i == 0 && dated:
			return nil, fmt.Errorf("code change %q: the first code takes no date", part)
		case i > 0 && !dated:
			return nil, fmt.Errorf("code change %q: want CODE from YYYY-MM-DD", part)
		case dated:
			var err error
			if from, err = parseDate(strings.TrimSpace(date), false); err != nil {
				return nil, fmt.Errorf("code change %q: %v", part, err)
			}
			if !from.After(out[len(out)-1].From) {
				return nil, fmt.Errorf("code change %q: dates must rise", part)
			}
		}
		if !isCAMEO(code) || country == "" || !strings.HasPrefix(code, country) || len(code) < len(country)+3 {
			return nil, fmt.Errorf("code change %q: want the country %q plus a sector", part, country)
		}
		out = append(out, OrgChange{From: from, Code: code, Sector: code[len(country) : len(country)+3]})
	}
	return out, nil
}

func (k *KB) parseAgents(name string, data []byte) error {
	recs, err := readTable(name, data, agentColumns)
	if err != nil {
		return err
	}
	k.agentByForm = map[string]int{}
	for _, r := range recs {
		c := r.cols
		a := Agent{Phrase: c[0], Plurals: list(c[1]), Sector: c[2], Role: c[3], Kind: AgentKind(c[4])}
		forms := append([]string{a.Phrase}, a.Plurals...)
		if err := r.checkNames(name, append(forms, a.Role)...); err != nil {
			return err
		}
		for _, f := range forms {
			if !isLowerASCII(f) {
				return r.errorf(name, "form %q is not lower-case ASCII", f)
			}
			if _, dup := k.agentByForm[f]; dup {
				return r.errorf(name, "duplicate form %q", f)
			}
			k.agentByForm[f] = len(k.agents)
		}
		if !isCAMEO(a.Sector) {
			return r.errorf(name, "bad sector %q", a.Sector)
		}
		if a.Kind != Person && a.Kind != Group {
			return r.errorf(name, "unknown kind %q", a.Kind)
		}
		k.agents = append(k.agents, a)
	}
	return nil
}

// isLowerASCII reports whether s holds no upper-case letters and no bytes
// beyond ASCII, so that ASCII lowering of a text keeps its matches.
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || 'A' <= s[i] && s[i] <= 'Z' {
			return false
		}
	}
	return true
}

func (k *KB) parseRegions(name string, data []byte) error {
	recs, err := readTable(name, data, regionColumns)
	if err != nil {
		return err
	}
	k.regionByName = map[string]int{}
	for _, r := range recs {
		c := r.cols
		g := Region{Name: c[0], Aliases: list(c[1]), Country: c[2], Kind: c[3]}
		names := append([]string{g.Name}, g.Aliases...)
		if err := r.checkNames(name, names...); err != nil {
			return err
		}
		if g.Country != "" {
			if _, ok := k.CountryByISO3(g.Country); !ok {
				return r.errorf(name, "unknown country %q", g.Country)
			}
		}
		if !slices.Contains(regionKinds, g.Kind) {
			return r.errorf(name, "unknown kind %q", g.Kind)
		}
		if g.Lat, err = r.float(name, 4, 90); err != nil {
			return err
		}
		if g.Lon, err = r.float(name, 5, 180); err != nil {
			return err
		}
		for _, n := range names {
			if _, dup := k.regionByName[n]; dup {
				return r.errorf(name, "duplicate name %q", n)
			}
			k.regionByName[n] = len(k.regions)
		}
		k.regions = append(k.regions, g)
	}
	return nil
}

// policyRule is one row of ambiguous.tsv.
type policyRule struct {
	phrase string
	block  bool // else skip
}

func (k *KB) parsePolicy(name string, data []byte) error {
	recs, err := readTable(name, data, policyColumns)
	if err != nil {
		return err
	}
	for _, r := range recs {
		if err := r.checkNames(name, r.cols[0]); err != nil {
			return err
		}
		switch r.cols[1] {
		case "block", "skip":
		case "common":
			if strings.ContainsAny(r.cols[0], " ") {
				return r.errorf(name, "common surname %q is more than one word", r.cols[0])
			}
			if k.common == nil {
				k.common = map[string]bool{}
			}
			k.common[r.cols[0]] = true
			continue
		default:
			return r.errorf(name, "unknown action %q", r.cols[1])
		}
		k.policy = append(k.policy, policyRule{phrase: r.cols[0], block: r.cols[1] == "block"})
	}
	return nil
}
