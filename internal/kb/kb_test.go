package kb

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func mustLoad(t testing.TB) *KB {
	t.Helper()
	k, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return k
}

func TestLoadSizes(t *testing.T) {
	k := mustLoad(t)
	for _, c := range []struct {
		name     string
		got, min int
	}{
		{"countries", len(k.Countries()), 245},
		{"metonyms", len(k.Metonyms()), 25},
		{"organizations", len(k.Orgs()), 60},
		{"agents", len(k.Agents()), 120},
		{"regions", len(k.Regions()), 60},
	} {
		if c.got < c.min {
			t.Errorf("%s: %d rows, want at least %d", c.name, c.got, c.min)
		}
	}
	if n := len(k.Countries()); n > 260 {
		t.Errorf("countries: %d rows, want about 250", n)
	}
}

// TestNoDuplicateKeys checks the uniqueness that Load enforces, directly on
// the loaded data, so a change to Load cannot silently drop the check.
func TestNoDuplicateKeys(t *testing.T) {
	k := mustLoad(t)
	seen := map[string]string{}
	dup := func(key, what string) {
		t.Helper()
		if prev, ok := seen[key]; ok {
			t.Errorf("duplicate %s (%s and %s)", key, prev, what)
		}
		seen[key] = what
	}
	for _, c := range k.Countries() {
		dup("cameo:"+c.Code, c.Name)
		dup("iso2:"+c.ISO2, c.Name)
		dup("iso3:"+c.ISO3, c.Name)
	}
	for _, o := range k.Orgs() {
		dup("org:"+o.ID, o.Name)
	}
	for _, a := range k.Agents() {
		for _, f := range append([]string{a.Phrase}, a.Plurals...) {
			dup("agent:"+f, a.Phrase)
		}
	}
	for _, g := range k.Regions() {
		for _, n := range append([]string{g.Name}, g.Aliases...) {
			dup("region:"+n, g.Name)
		}
	}
	for _, m := range k.Metonyms() {
		dup("metonym:"+m.Phrase, m.Country)
	}
}

func TestLookups(t *testing.T) {
	k := mustLoad(t)
	tests := []struct {
		name   string
		got    func() (string, bool)
		want   string
		wantOK bool
	}{
		{"CAMEO code", func() (string, bool) { c, ok := k.CountryByCode("USA"); return name(c), ok }, "United States", true},
		{"CAMEO differs: Kosovo", func() (string, bool) { c, ok := k.CountryByCode("KSV"); return name(c), ok }, "Kosovo", true},
		{"CAMEO differs: Timor-Leste", func() (string, bool) { c, ok := k.CountryByCode("TMP"); return name(c), ok }, "Timor-Leste", true},
		{"ISO3 of Timor-Leste", func() (string, bool) { c, ok := k.CountryByISO3("TLS"); return c.Code, ok }, "TMP", true},
		{"ISO2", func() (string, bool) { c, ok := k.CountryByISO2("KR"); return name(c), ok }, "South Korea", true},
		{"unknown code", func() (string, bool) { c, ok := k.CountryByCode("XXX"); return name(c), ok }, "", false},
		{"org by id", func() (string, bool) { o, ok := k.OrgByID("UNSC"); return code(o), ok }, "IGOUNO", true},
		{"org code from Phoenix", func() (string, bool) { o, ok := k.OrgByID("HAMAS"); return code(o), ok }, "PSEREBHMS", true},
		{"unknown org", func() (string, bool) { o, ok := k.OrgByID("NOPE"); return code(o), ok }, "", false},
		{"org code today", func() (string, bool) { o, ok := k.OrgByID("TALIBAN"); return code(o), ok }, "AFGGOV", true},
		{"org code in 2000", func() (string, bool) { return orgOn(k, "TALIBAN", "2000-05-01") }, "AFGGOV", true},
		{"org code in 2019", func() (string, bool) { return orgOn(k, "TALIBAN", "2019-05-01") }, "AFGREB", true},
		{"org code on the day it changed", func() (string, bool) { return orgOn(k, "TALIBAN", "2021-08-15") }, "AFGGOV", true},
		{"org code in 2023", func() (string, bool) { return orgOn(k, "TALIBAN", "2023-05-01") }, "AFGGOV", true},
		{"rebels who took power", func() (string, bool) { return orgOn(k, "HTS", "2024-12-01") }, "SYRREB", true},
		{"rebels in power", func() (string, bool) { return orgOn(k, "HTS", "2025-03-01") }, "SYRGOV", true},
		{"agent any case", func() (string, bool) { a, ok := k.AgentFor("Foreign Minister"); return sector(a), ok }, "GOV", true},
		{"agent plural", func() (string, bool) { a, ok := k.AgentFor("troops"); return sector(a), ok }, "MIL", true},
		{"agent compound sector", func() (string, bool) { a, ok := k.AgentFor("defence minister"); return sector(a), ok }, "GOVMIL", true},
		{"unknown agent", func() (string, bool) { a, ok := k.AgentFor("astronaut"); return sector(a), ok }, "", false},
		{"region alias", func() (string, bool) { g, ok := k.RegionByName("Donbass"); return regionCountry(g), ok }, "UKR", true},
		{"international sea", func() (string, bool) { g, ok := k.RegionByName("South China Sea"); return regionCountry(g), ok }, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tc.got()
			if ok != tc.wantOK || got != tc.want {
				t.Errorf("got %q (found %v), want %q (found %v)", got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func name(c *Country) string {
	if c == nil {
		return ""
	}
	return c.Name
}

// orgOn gives an organization's code and sector on a date.
func orgOn(k *KB, id, date string) (string, bool) {
	o, ok := k.OrgByID(id)
	if !ok {
		return "", false
	}
	at, err := time.Parse("2006-01-02", date)
	if err != nil {
		panic(err)
	}
	code, sector := o.On(at)
	if !strings.HasSuffix(code, sector) {
		return code + " with sector " + sector, true
	}
	return code, true
}

func code(o *Org) string {
	if o == nil {
		return ""
	}
	return o.Code
}

func sector(a *Agent) string {
	if a == nil {
		return ""
	}
	return a.Sector
}

func regionCountry(g *Region) string {
	if g == nil {
		return ""
	}
	return g.Country
}

func TestCountryFacts(t *testing.T) {
	k := mustLoad(t)
	usa, _ := k.CountryByISO3("USA")
	for _, want := range []string{"U.S.", "US", "USA", "America", "United States of America"} {
		if !contains(usa.Aliases, want) {
			t.Errorf("USA lacks alias %q", want)
		}
	}
	if !contains(usa.People, "Americans") || !contains(usa.Adjectives, "American") {
		t.Errorf("USA adjectives %q, people %q", usa.Adjectives, usa.People)
	}
	if !contains(usa.CapitalAliases, "Washington") || usa.CapitalLat < 38 || usa.CapitalLat > 39.5 {
		t.Errorf("USA capital %q %q at %v,%v", usa.Capital, usa.CapitalAliases, usa.CapitalLat, usa.CapitalLon)
	}
	ukr, _ := k.CountryByISO3("UKR")
	if ukr.Capital != "Kyiv" || !contains(ukr.CapitalAliases, "Kiev") || !contains(ukr.People, "Ukrainians") {
		t.Errorf("UKR capital %q %q, people %q", ukr.Capital, ukr.CapitalAliases, ukr.People)
	}
	for _, c := range k.Countries() {
		if c.Capital != "" && c.CapitalLat == 0 && c.CapitalLon == 0 {
			t.Errorf("%s: capital %s without coordinates", c.ISO3, c.Capital)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestLoadTime(t *testing.T) {
	if raceEnabled {
		t.Skip("timing is meaningless under the race detector")
	}
	best := time.Hour
	for range 5 {
		start := time.Now()
		mustLoad(t)
		best = min(best, time.Since(start))
	}
	if best > 50*time.Millisecond {
		t.Errorf("Load took %v, want well under 50ms", best)
	}
}

// TestLoadErrors feeds Load broken tables: every one must fail with ErrTable
// and name the file, or fail to read a missing file.
func TestLoadErrors(t *testing.T) {
	replace := func(file, old, new string) func(fstest.MapFS) {
		return func(m fstest.MapFS) {
			s := string(m[file].Data)
			if !strings.Contains(s, old) {
				panic("test setup: " + file + " lacks " + old)
			}
			m[file] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
		}
	}
	tests := []struct {
		name    string
		edit    func(fstest.MapFS)
		wantErr string
		table   bool // wants ErrTable
	}{
		{"missing file", func(m fstest.MapFS) { delete(m, "agents.tsv") }, "read agents.tsv", false},
		{"bad header", replace("places.tsv", "name\taliases\tcountry", "name\talias\tcountry"), "places.tsv", true},
		{"no header", func(m fstest.MapFS) { m["ambiguous.tsv"] = &fstest.MapFile{Data: []byte("# only a comment\n")} }, "no header", true},
		{"column count", replace("agents.tsv", "president\tpresidents\tGOV", "president\tpresidents"), "columns", true},
		{"duplicate ISO3", replace("countries.tsv", "ABW\tAW\tABW", "ABW\tAW\tAFG"), "duplicate code", true},
		{"bad country code", replace("countries.tsv", "ABW\tAW\tABW", "abw\tAW\tABW"), "bad codes", true},
		{"bad coordinate", replace("countries.tsv", "\t12.5240\t-70.0270\t", "\t12.5240\tx\t"), "bad coordinate", true},
		{"latitude out of range", replace("places.tsv", "\t41.1\t85.2", "\t141.1\t85.2"), "bad coordinate", true},
		{"metonym code mismatch", replace("metonyms.tsv", "Kremlin\tRUS\tRUSGOV", "Kremlin\tRUS\tUSAGOV"), "not RUS plus sector", true},
		{"metonym unknown country", replace("metonyms.tsv", "Kremlin\tRUS", "Kremlin\tRRR"), "unknown country", true},
		{"org kind", replace("organizations.tsv", "\tigo\t\t\t\n", "\tclub\t\t\t\n"), "unknown kind", true},
		{"org duplicate id", replace("organizations.tsv", "UNSC\tIGOUNO", "UN\tIGOUNO"), "duplicate id", true},
		{"org bad code", replace("organizations.tsv", "UNSC\tIGOUNO", "UNSC\tIGOUN"), "bad CAMEO code", true},
		{"org unknown country", replace("organizations.tsv", "party\tCHN\tGOV", "party\tZZZ\tGOV"), "unknown country", true},
		{"org change undated", replace("organizations.tsv", "AFGREB from 2001-11-13", "AFGREB"), "want CODE from YYYY-MM-DD", true},
		{"org change first dated", replace("organizations.tsv", "AFGGOV, AFGREB", "AFGGOV from 1996-09-27, AFGREB"), "the first code takes no date", true},
		{"org change bad date", replace("organizations.tsv", "from 2001-11-13", "from 2001-13-13"), "month out of range", true},
		{"org change dates fall", replace("organizations.tsv", "from 2021-08-15", "from 2001-08-15"), "dates must rise", true},
		{"org change other country", replace("organizations.tsv", "AFGREB from", "PAKREB from"), "want the country", true},
		{"org change sector", replace("organizations.tsv", "armed_group\tAFG\tGOV", "armed_group\tAFG\tREB"), "not the last code's", true},
		{"agent upper case", replace("agents.tsv", "\nprime minister\t", "\nPrime minister\t"), "not lower-case ASCII", true},
		{"agent duplicate form", replace("agents.tsv", "premier\tpremiers", "premier\tpresidents"), "duplicate form", true},
		{"agent kind", replace("agents.tsv", "head of government\tperson", "head of government\tpeople"), "unknown kind", true},
		{"empty list member", replace("places.tsv", "Donbas\tDonbass", "Donbas\tDonbass||"), "bad name", true},
		{"region kind", replace("places.tsv", "\tsea\t12.0\t113.0", "\tlake\t12.0\t113.0"), "unknown kind", true},
		{"policy action", replace("ambiguous.tsv", "New Jersey\tblock", "New Jersey\thide"), "unknown action", true},
		{"common surname of two words", replace("ambiguous.tsv", "New Jersey\tblock", "New Jersey\tcommon"), "more than one word", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := copyTables(t)
			tc.edit(m)
			_, err := load(m)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %q does not mention %q", err, tc.wantErr)
			}
			if errors.Is(err, ErrTable) != tc.table {
				t.Errorf("errors.Is(err, ErrTable) = %v, want %v (%v)", !tc.table, tc.table, err)
			}
		})
	}
}

func copyTables(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(tables, ".", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(tables, path)
		m[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
