package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/internal/kb"
	"github.com/dyadproject/dyad/internal/shareddata"
)

// TestReproducible regenerates the tables from the shared data and fails if
// they differ from the committed ones.
func TestReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: regenerating the gazetteer takes seconds")
	}
	shareddata.Path(t, "geo", "cities.json")
	data, _ := shareddata.Dir()
	out := t.TempDir()
	var log bytes.Buffer
	if err := run([]string{"-data", data, "-out", out}, &log); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"cities.tsv.gz", "admin1.tsv.gz", "commonwords.txt"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", "internal", "gazetteer", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the committed table: run go run ./tools/gengazetteer", name)
		}
	}
}

func TestBuild(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	src := &sources{
		cities: []geoCity{
			{Name: "Kyiv", Lat: "50.45", Lng: "30.52", Country: "UA", Admin1: "12"},
			{Name: "Kramatorsk", Lat: "48.72", Lng: "37.56", Country: "UA", Admin1: "05"},
			{Name: "Sloviansk", Lat: "48.85", Lng: "37.60", Country: "UA", Admin1: "05"},
			{Name: "Odesa", Lat: "46.48", Lng: "30.74", Country: "UA", Admin1: "17"},
			{Name: "Nowhere", Lat: "95", Lng: "0", Country: "UA"},
			{Name: "Atlantis", Lat: "1", Lng: "1", Country: "QQ"},
		},
		admin1: []geoAdmin1{{Code: "UA.05", Name: "Donetsk Oblast"}, {Code: "UA.12", Name: "Kyiv City"},
			{Code: "UA.99", Name: "Empty Oblast"}},
		tz: []tzCity{
			{City: "Kramatorsk", Lat: 48.73, Lng: 37.55, Pop: 178902.5, ISO2: "UA", Timezone: "Europe/Kyiv"},
			{City: "Odessa", Lat: 46.49, Lng: 30.71, Pop: 847501, ISO2: "UA", Timezone: "Europe/Kyiv"},
			{City: "Pristina", Lat: 42.67, Lng: 21.17, Pop: 331700, ISO2: -99.0, Country: "Kosovo", Timezone: "Europe/Belgrade"},
		},
		lower: map[string]int{"empty": 5}, upper: map[string]int{},
	}
	tb, err := build(k, src)
	if err != nil {
		t.Fatal(err)
	}
	st := tb.stats
	if st.geonames != 4 || st.badCoord != 1 || st.unknownCountry != 1 || st.tzJoined != 2 || st.tzRespelled != 1 || st.tzAdded != 1 {
		t.Errorf("stats %+v", st)
	}
	byName := map[string]city{}
	for _, c := range tb.cities {
		byName[c.name] = c
	}
	if c := byName["Kramatorsk"]; c.pop != 178903 || c.tz != "Europe/Kyiv" || c.iso3 != "UKR" || c.admin1 != "UA.05" {
		t.Errorf("Kramatorsk %+v", c)
	}
	if c := byName["Kyiv"]; !c.capital || !strings.Contains(strings.Join(c.alts, "|"), "Kiev") {
		t.Errorf("Kyiv %+v", c)
	}
	if c := byName["Odesa"]; c.pop != 847501 || strings.Join(c.alts, "|") != "Odessa" {
		t.Errorf("Odesa %+v", c)
	}
	if edits("sloviansk", "slovyansk") != 1 || edits("", "abc") != 3 || edits("kyiv", "kyiv") != 0 {
		t.Errorf("edits wrong")
	}
	if c, ok := byName["Pristina"]; !ok || c.pop != 331700 {
		t.Errorf("Pristina %+v", c)
	}
	if len(tb.regions) != 2 || tb.regions[0].code != "UA.05" || tb.regions[0].cities != 2 ||
		strings.Join(tb.regions[0].alts, "|") != "Donetsk" {
		t.Fatalf("regions %+v", tb.regions)
	}
	if r := tb.regions[0]; r.lat < 48.7 || r.lat > 48.9 || r.lon < 37.5 || r.lon > 37.6 || r.pop != 178903 {
		t.Errorf("Donetsk Oblast centre or population %+v", r)
	}
}

func TestShortName(t *testing.T) {
	src := &sources{lower: map[string]int{"free": 9}, upper: map[string]int{}}
	tests := map[string]string{"Donetsk Oblast": "Donetsk", "Leningradskaya Oblast'": "Leningradskaya",
		"Province of Batangas": "Batangas", "Free State": "", "North Region": "", "Bavaria": "", "Ile Region": ""}
	for in, want := range tests {
		if got := shortName(in, src); got != want {
			t.Errorf("shortName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKm(t *testing.T) {
	if d := km(48.8534, 2.3488, 51.5085, -0.1257); d < 330 || d > 350 {
		t.Errorf("Paris-London %.0f km", d)
	}
}

func TestCountForms(t *testing.T) {
	in := "# sent_id = 1\n1\tNice\tnice\n2\tweather\t_\n3\tin\t_\n4\tNice\t_\n5-6\tdon't\t_\n7\tnice\t_\n\n1\tReading\t_\n2\treading\t_\n"
	lower, upper, err := countForms(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if lower["nice"] != 1 || upper["nice"] != 1 || lower["reading"] != 1 || upper["reading"] != 0 || lower["don't"] != 0 {
		t.Errorf("lower %v upper %v", lower, upper)
	}
}

// FuzzCountForms checks that the treebank reader never panics and counts
// only lower-case keys.
func FuzzCountForms(f *testing.F) {
	f.Add("1\tNice\t_\n2\tnice\t_\n")
	f.Add("# c\n\n3\t\xff\t\n4.1\tX\n")
	f.Fuzz(func(t *testing.T, in string) {
		lower, upper, err := countForms(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, m := range []map[string]int{lower, upper} {
			for k, n := range m {
				if k != strings.ToLower(k) || n <= 0 {
					t.Fatalf("key %q count %d", k, n)
				}
			}
		}
	})
}
