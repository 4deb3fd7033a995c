package gazetteer

import (
	"bytes"
	"compress/gzip"
	"errors"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
)

func loadShared(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Shared()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestTables(t *testing.T) {
	g := loadShared(t)
	if g.Len() < 170000 {
		t.Errorf("only %d entries", g.Len())
	}
	capitals, known, regions := 0, 0, 0
	for id := range g.Len() {
		p := g.place(id)
		switch p.Kind {
		case Capital:
			capitals++
		case Admin1:
			regions++
		}
		if p.Population > 0 && p.Kind != Admin1 {
			known++
		}
	}
	if capitals < 230 || regions < 3700 || known < 7000 {
		t.Errorf("capitals %d, regions %d, cities with population %d", capitals, regions, known)
	}
}

func TestLookup(t *testing.T) {
	g := loadShared(t)
	tests := []struct {
		name string
		want string // first candidate: name/country/kind/admin1
		n    int    // at least this many candidates
	}{
		{"Sao Paulo", "São Paulo/BRA/city/São Paulo", 3},
		{"SÃO PAULO", "São Paulo/BRA/city/São Paulo", 3},
		{"Kyiv", "Kyiv/UKR/capital/Kyiv City", 1},
		{"Kiev", "Kyiv/UKR/capital/Kyiv City", 1},
		{"Hyderabad", "Hyderabad/IND/city/Telangana", 2},
		{"Tripoli", "Tripoli/LBY/capital/Tripoli", 3},
		{"Texas", "Texas/USA/admin1/Texas", 1},
		{"Punjab", "Punjab/PAK/admin1/Punjab", 2},
		{"Bavaria", "Bavaria/DEU/admin1/Bavaria", 1},
		{"Kramatorsk", "Kramatorsk/UKR/city/Donetsk", 1},
		{"New York", "New York/USA/city/New York", 2},
		{"Marib", "Ma'rib/YEM/city/Ma’rib", 1},
		{"Izium", "Izyum/UKR/city/Kharkiv", 1},
		{"Mykolaiv", "Mykolayiv/UKR/city/Mykolaiv", 1},
		{"Avdiivka", "Avdiyivka/UKR/city/Donetsk", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := g.Lookup(tt.name)
			if len(c) < tt.n {
				t.Fatalf("%d candidates, want at least %d: %+v", len(c), tt.n, c)
			}
			p := c[0]
			if got := strings.Join([]string{p.Name, p.Country, p.Kind.String(), p.Admin1}, "/"); got != tt.want {
				t.Errorf("first candidate %s, want %s", got, tt.want)
			}
			if p.Lat == 0 && p.Lon == 0 {
				t.Errorf("no coordinates")
			}
			if p.Admin1 != "" && !strings.Contains(p.Admin1Code, ".") {
				t.Errorf("admin1 %q has code %q", p.Admin1, p.Admin1Code)
			}
		})
	}
	if c := g.Lookup("Hyderabad"); c[0].Admin1Code != "IN.40" || c[1].Admin1Code != "PK.05" {
		t.Errorf("Hyderabad region codes %q %q", c[0].Admin1Code, c[1].Admin1Code)
	}
	for _, none := range []string{"", "Xyzzyville", "--", "Biden"} {
		if c := g.Lookup(none); c != nil || g.Has(none) {
			t.Errorf("Lookup(%q) = %+v", none, c)
		}
	}
}

func TestCommonWord(t *testing.T) {
	g := loadShared(t)
	for _, w := range []string{"Nice", "Split", "Reading", "Police", "Hope", "Mobile"} {
		if !g.CommonWord(w) {
			t.Errorf("CommonWord(%q) = false", w)
		}
	}
	for _, w := range []string{"Paris", "Kharkiv", "Tripoli", "Aleppo"} {
		if g.CommonWord(w) {
			t.Errorf("CommonWord(%q) = true", w)
		}
	}
}

func TestResolve(t *testing.T) {
	g := loadShared(t)
	story := func(cs ...string) map[string]bool {
		m := map[string]bool{}
		for _, c := range cs {
			m[c] = true
		}
		return m
	}
	tests := []struct {
		name, place string
		ctx         Context
		want        string // country/admin1, "" when declined
		reason      string // prefix
	}{
		{"population", "Hyderabad", Context{}, "IND/Telangana", "most populous"},
		{"story country", "Hyderabad", Context{Story: story("PAK")}, "PAK/Sindh", "in a country the story names"},
		{"Libya by size", "Tripoli", Context{}, "LBY/Tripoli", "most populous"},
		{"Lebanon by story", "Tripoli", Context{Story: story("LBN")}, "LBN/North Lebanon", "in a country"},
		{"Paris France", "Paris", Context{}, "FRA/Île-de-France", "most populous"},
		{"Paris Texas", "Paris", Context{Region: "Texas"}, "USA/Texas", "qualified by Texas; only candidate"},
		{"Paris with US story", "Paris", Context{Story: story("USA")}, "FRA/Île-de-France", "world city"},
		{"London with US story", "London", Context{Story: story("USA")}, "GBR/England", "world city"},
		{"state over a small city", "Virginia", Context{Story: story("USA")}, "USA/Virginia", "most populous in the countries"},
		{"qualifier without match", "Paris", Context{Country: "JPN"}, "", "no candidate in JPN"},
		{"only candidate", "Kramatorsk", Context{}, "UKR/Donetsk", "only candidate"},
		{"region wanted", "Punjab", Context{WantAdmin1: true, Story: story("IND")}, "IND/Punjab", "called a region; in a country"},
		{"city over its region", "Aleppo", Context{}, "SYR/Aleppo", "only candidate"},
		{"ambiguous towns", "Union", Context{Story: story("USA")}, "", "ambiguous"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, reason, ok := Resolve(g.Lookup(tt.place), tt.ctx)
			got := ""
			if ok {
				got = p.Country + "/" + p.Admin1
			}
			if got != tt.want || !strings.HasPrefix(reason, tt.reason) {
				t.Errorf("got %q (%s), want %q (%s...)", got, reason, tt.want, tt.reason)
			}
			if tt.name == "city over its region" && p.Kind == Admin1 {
				t.Errorf("chose the region")
			}
		})
	}
	if _, r, ok := Resolve(nil, Context{}); ok || r != "no candidate" {
		t.Errorf("Resolve(nil) = %v %q", ok, r)
	}
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

const (
	tinyAdmin  = "code\tname\talt\tcountry\tlat\tlon\tpopulation\tcities\nUS.TX\tTexas\t\tUSA\t31\t-97.6\t100\t2\n"
	tinyCities = "# test\nname\talt\tcountry\tadmin1\tlat\tlon\tpopulation\ttimezone\tkind\n" +
		"Paris\t\tUSA\tUS.TX\t33.66\t-95.55\t0\t\tcity\nDallas\tBig D\tUSA\tUS.TX\t32.8\t-96.8\t100\tAmerica/Chicago\tcity\n"
)

func tinyFS(admin, cities, common string) fstest.MapFS {
	return fstest.MapFS{"admin1.tsv.gz": {Data: gz(admin)}, "cities.tsv.gz": {Data: gz(cities)},
		"commonwords.txt": {Data: []byte(common)}}
}

func TestLoadFS(t *testing.T) {
	g, err := LoadFS(tinyFS(tinyAdmin, tinyCities, "# c\ndallas\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c := g.Lookup("big d"); len(c) != 1 || c[0].Name != "Dallas" || c[0].Admin1 != "Texas" || c[0].Admin1Code != "US.TX" ||
		c[0].Timezone != "America/Chicago" || c[0].Population != 100 {
		t.Errorf("Lookup(big d) = %+v", c)
	}
	if !g.CommonWord("Dallas") || g.CommonWord("Paris") {
		t.Errorf("common words wrong")
	}
	tests := []struct {
		name, admin, cities, want string
	}{
		{"short row", tinyAdmin, strings.Replace(tinyCities, "\tcity\nDallas", "\nDallas", 1), "cities.tsv.gz:3"},
		{"bad latitude", tinyAdmin, strings.Replace(tinyCities, "33.66", "93.66", 1), "bad coordinate"},
		{"bad population", tinyAdmin, strings.Replace(tinyCities, "\t100\t", "\t-1\t", 1), "bad population"},
		{"bad kind", tinyAdmin, strings.Replace(tinyCities, "\tcity\nDallas", "\ttown\nDallas", 1), "unknown kind"},
		{"bad country", tinyAdmin, strings.Replace(tinyCities, "USA\tUS.TX\t33", "US\tUS.TX\t33", 1), "bad country"},
		{"repeated region", tinyAdmin + "US.TX\tTexas\t\tUSA\t31\t-97\t1\t1\n", tinyCities, "repeated region"},
		{"no header", tinyAdmin, "# only a comment\n", "no header"},
		{"empty name", tinyAdmin, strings.Replace(tinyCities, "Paris", "", 1), "bad name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadFS(tinyFS(tt.admin, tt.cities, ""))
			if err == nil || !errors.Is(err, ErrTable) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want ErrTable with %q", err, tt.want)
			}
		})
	}
	if _, err := LoadFS(fstest.MapFS{"admin1.tsv.gz": {Data: []byte("not gzip")}}); err == nil {
		t.Errorf("no error for a table that is not gzip")
	}
}

// FuzzLoadFS feeds arbitrary city tables to the loader: it must never panic,
// and every name it accepts must be found again by Lookup.
func FuzzLoadFS(f *testing.F) {
	f.Add(tinyCities)
	f.Add("name\talt\tcountry\tadmin1\tlat\tlon\tpopulation\ttimezone\tkind\nSão Paulo\tSao Paulo|SP\tBRA\t\t-23.5\t-46.6\t1\tX\tcapital\n")
	f.Add("a\tb\n\t\n")
	f.Fuzz(func(t *testing.T, cities string) {
		g, err := LoadFS(tinyFS(tinyAdmin, cities, cities))
		if err != nil {
			return
		}
		for id := range g.Len() {
			p := g.place(id)
			if !g.Has(p.Name) && strings.TrimFunc(p.Name, func(r rune) bool { return r < 'A' }) != "" &&
				len(g.Lookup(p.Name)) == 0 && fold0(p.Name) {
				t.Fatalf("%q loaded but not found", p.Name)
			}
		}
	})
}

// fold0 reports whether name folds to a non-empty key, so it can be found.
func fold0(name string) bool { return len(keyOf(name)) > 0 }

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, err = Load(); err != nil {
			b.Fatal(err)
		}
	}
	g = nil
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, _ = Load()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heapMB")
	runtime.KeepAlive(g)
}

func BenchmarkLookup(b *testing.B) {
	g := loadShared(b)
	names := []string{"Kharkiv", "Sao Paulo", "Paris", "Springfield", "Tuesday", "Hyderabad", "Xyzzy"}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		g.Lookup(names[n%len(names)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "lookups/s")
}
