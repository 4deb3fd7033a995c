package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/internal/shareddata"
)

func TestParseExtra(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []fact
		wantErr string
	}{
		{"empty", "", nil, ""},
		{"comments and blank lines", "# note\n\n   \nUSA\talias\tU.S.\n", []fact{{Line: 4, ISO3: "USA", Field: "alias", Value: "U.S."}}, ""},
		{"metonym with sector", "RUS\tmetonym\tKremlin\tGOV\n", []fact{{Line: 1, ISO3: "RUS", Field: "metonym", Value: "Kremlin", Value2: "GOV"}}, ""},
		{"CRLF", "UKR\tcapital_alias\tKiev\r\n", []fact{{Line: 1, ISO3: "UKR", Field: "capital_alias", Value: "Kiev"}}, ""},
		{"coordinates", "SGS\tcapital_coord\t-54.2811,-36.5092\n", []fact{{Line: 1, ISO3: "SGS", Field: "capital_coord", Value: "-54.2811,-36.5092"}}, ""},
		{"too few columns", "USA\talias\n", nil, "line 1: want 3 or 4"},
		{"too many columns", "USA\talias\ta\tb\tc\n", nil, "want 3 or 4"},
		{"lower-case code", "usa\talias\tUS\n", nil, "bad ISO3"},
		{"unknown field", "USA\tnickname\tUncle Sam\n", nil, "unknown field"},
		{"stray space", "USA\talias\tUS \n", nil, "stray spaces"},
		{"empty value", "USA\talias\t\n", nil, "empty value"},
		{"bad CAMEO code", "UNK\tcameo\tKS\n", nil, "bad CAMEO"},
		{"bad coordinates", "SGS\tcapital_coord\t-54.2\n", nil, "want lat,lon"},
		{"latitude out of range", "SGS\tcapital_coord\t-94.2,10\n", nil, "bad latitude"},
		{"bad sector", "RUS\tmetonym\tKremlin\tgov\n", nil, "bad sector"},
		{"second value", "USA\talias\tUS\tUSA\n", nil, "takes one value"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseExtra(strings.NewReader(tc.in))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// FuzzParseExtra checks that whatever parseExtra accepts is valid and
// survives a write-and-parse round trip.
func FuzzParseExtra(f *testing.F) {
	f.Add("USA\talias\tU.S.\n# c\nRUS\tmetonym\tKremlin\tGOV\n")
	f.Add("SGS\tcapital_coord\t-54.2811,-36.5092\r\n")
	f.Add("USA\talias\n")
	f.Fuzz(func(t *testing.T, in string) {
		facts, err := parseExtra(strings.NewReader(in))
		if err != nil {
			return
		}
		var b strings.Builder
		for _, f := range facts {
			if err := f.check(); err != nil {
				t.Fatalf("accepted invalid fact %+v: %v", f, err)
			}
			b.WriteString(f.ISO3 + "\t" + f.Field + "\t" + f.Value)
			if f.Value2 != "" {
				b.WriteString("\t" + f.Value2)
			}
			b.WriteString("\n")
		}
		again, err := parseExtra(strings.NewReader(b.String()))
		if err != nil {
			t.Fatalf("round trip failed: %v", err)
		}
		if len(again) != len(facts) {
			t.Fatalf("round trip: %d facts, want %d", len(again), len(facts))
		}
		for i := range facts {
			a, b := facts[i], again[i]
			a.Line, b.Line = 0, 0
			if a != b {
				t.Errorf("round trip: %+v became %+v", facts[i], again[i])
			}
		}
	})
}

func TestPlural(t *testing.T) {
	tests := []struct{ adj, want string }{
		{"Ukrainian", "Ukrainians"},
		{"Iraqi", "Iraqis"},
		{"Cypriot", "Cypriots"},
		{"Greek", "Greeks"},
		{"Kazakh", "Kazakhs"},
		{"Slovene", "Slovenes"},
		{"Argentine", "Argentines"},
		{"Kosovar", "Kosovars"},
		{"South Korean", "South Koreans"},
		{"New Zealander", "New Zealanders"},
		{"French", ""},
		{"Chinese", ""},
		{"Swiss", ""},
		{"Danish", ""},
		{"Malagasy", ""},
		{"Greenlandic", ""},
		{"Basotho", ""},
		{"Ni-Vanuatu", ""},
		{"I-Kiribati", ""},
		{"Solomon Island", ""},
	}
	for _, tc := range tests {
		t.Run(tc.adj, func(t *testing.T) {
			if got := plural(tc.adj); got != tc.want {
				t.Errorf("plural(%q) = %q, want %q", tc.adj, got, tc.want)
			}
		})
	}
}

func TestIsNewsName(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Burma", true},
		{"Côte d'Ivoire", true},
		{"KR", false},
		{"Korea, Republic of", false},
		{"Holy See (Vatican City State)", false},
		{"Zhōngguó", false},
		{"Российская Федерация", false},
	}
	for _, tc := range tests {
		if got := isNewsName(tc.s); got != tc.want {
			t.Errorf("isNewsName(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Chișinău", "Chisinau"},
		{"St. Peter Port", "Saint Peter Port"},
		{"Washington, D.C.", "Washington DC"},
		{"Port Vila", "Port-Vila"},
		{"Nuku'alofa", "Nuku‘alofa"},
		{"Reykjavik", "Reykjavík"},
	}
	for _, tc := range tests {
		if fold(tc.a) != fold(tc.b) {
			t.Errorf("fold(%q) = %q, fold(%q) = %q; want equal", tc.a, fold(tc.a), tc.b, fold(tc.b))
		}
	}
	if fold("Male") == fold("Mali") {
		t.Error("fold merges different names")
	}
}

func TestSplitDemonym(t *testing.T) {
	got := splitDemonym("Antiguan, Barbudan")
	got = append(got, splitDemonym("Kittitian or Nevisian")...)
	if want := []string{"Antiguan", "Barbudan", "Kittitian", "Nevisian"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// testSources is a tiny world: two countries and one territory whose
// demonym is another country's.
func testSources() *sources {
	mk := func(cca3, cca2, common, official, capital, dem string, alt ...string) mledozeCountry {
		var m mledozeCountry
		m.Name.Common, m.Name.Official = common, official
		m.CCA3, m.CCA2, m.AltSpellings = cca3, cca2, alt
		if capital != "" {
			m.Capital = []string{capital}
		}
		m.LatLng = []float64{10, 20}
		m.Demonyms = map[string]struct {
			F string `json:"f"`
			M string `json:"m"`
		}{"eng": {F: dem, M: dem}}
		return m
	}
	return &sources{
		countries: []mledozeCountry{
			mk("UKR", "UA", "Ukraine", "Ukraine", "Kyiv", "Ukrainian", "UA", "Ukrayina"),
			mk("FRA", "FR", "France", "French Republic", "Paris", "French", "FR"),
			mk("ATF", "TF", "French Southern Lands", "French Southern Lands", "Port-aux-Français", "French"),
		},
		nationalities: []nationality{{"Ukrainian", "UKR"}, {"Frank", "FRA"}, {"Nowhereish", "ZZZ"}},
		cities: []city{
			{Name: "Kyiv", Country: "UA", Lat: 50.45, Lon: 30.52},
			{Name: "Paris", Country: "FR", Lat: 48.85, Lon: 2.35},
			{Name: "Paris", Country: "FR", Lat: 45.0, Lon: 5.0}, // a smaller Paris
		},
		majorCities: []majorCity{{Name: "Paris", ASCII: "Paris", ISO2: "FR", Lat: 48.86, Lon: 2.34, Pop: 2e6}},
	}
}

func TestBuild(t *testing.T) {
	facts, err := parseExtra(strings.NewReader(strings.Join([]string{
		"UKR\tcapital_alias\tKiev",
		"UKR\tmetonym\tVerkhovna Rada\tLEG",
		"FRA\tpeople\tFrenchmen",
		"FRA\tcameo\tFRX",
		"ATF\tdrop\tFrench",
		"ATF\tcapital_coord\t-49.35,70.22",
	}, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	tb, err := build(testSources(), facts)
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]*country{}
	for _, c := range tb.countries {
		by[c.ISO3] = c
	}
	if got := []string{tb.countries[0].ISO3, tb.countries[1].ISO3, tb.countries[2].ISO3}; !slices.Equal(got, []string{"ATF", "FRA", "UKR"}) {
		t.Errorf("rows not sorted by ISO3: %q", got)
	}
	ukr := by["UKR"]
	if !slices.Equal(ukr.Aliases, []string{"Ukrayina"}) || !slices.Equal(ukr.People, []string{"Ukrainians"}) {
		t.Errorf("UKR aliases %q people %q", ukr.Aliases, ukr.People)
	}
	if !slices.Equal(ukr.CapitalAliases, []string{"Kiev"}) || ukr.CapLat != 50.45 || ukr.CapitalSource != fromGeoNames {
		t.Errorf("UKR capital %q at %v (%s)", ukr.CapitalAliases, ukr.CapLat, ukr.CapitalSource)
	}
	fra := by["FRA"]
	if fra.Code != "FRX" || !slices.Equal(fra.Adjectives, []string{"French", "Frank"}) || !slices.Equal(fra.People, []string{"Franks", "Frenchmen"}) {
		t.Errorf("FRA code %s adjectives %q people %q", fra.Code, fra.Adjectives, fra.People)
	}
	if fra.CapLat != 48.85 {
		t.Errorf("FRA capital at %v: want the Paris nearest the populous major city", fra.CapLat)
	}
	atf := by["ATF"]
	if len(atf.Adjectives) != 0 || atf.CapitalSource != fromFacts || atf.CapLat != -49.35 {
		t.Errorf("ATF adjectives %q capital %v (%s)", atf.Adjectives, atf.CapLat, atf.CapitalSource)
	}
	if len(tb.metonyms) != 1 || tb.metonyms[0].Code != "UKRLEG" {
		t.Errorf("metonyms %+v", tb.metonyms)
	}
	if len(tb.stats.unknownNationalities) != 1 {
		t.Errorf("unknown nationalities %q", tb.stats.unknownNationalities)
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name    string
		facts   string
		wantErr string
	}{
		{"unknown country", "XYZ\talias\tX", "unknown country XYZ"},
		{"drop of nothing", "FRA\tdrop\tGallic", `no "Gallic" to drop`},
		{"move of nothing", "FRA\tmove_adjective\tGallic", `no alias "Gallic"`},
		{"second capital", "FRA\tcapital\tLyon", "already has capital"},
		{"capital not found", "", "ATF: capital"},
		{"duplicate CAMEO code", "ATF\tcapital_coord\t1,1\nFRA\tcameo\tUKR", "duplicate code cameo:UKR"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			facts, err := parseExtra(strings.NewReader(tc.facts))
			if err != nil {
				t.Fatal(err)
			}
			_, err = build(testSources(), facts)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestRunUsage(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"extra-arg"}, &out); err == nil {
		t.Error("run accepted a positional argument")
	}
	if err := run([]string{"-no-such-flag"}, &out); err == nil {
		t.Error("run accepted an unknown flag")
	}
}

// TestReproducible regenerates the tables from the shared data and compares
// them with the committed ones: the committed files must be what the
// documented command produces.
func TestReproducible(t *testing.T) {
	shareddata.Path(t, "countries", "mledoze-countries.json")
	data, err := shareddata.Dir()
	if err != nil {
		t.Fatal(err)
	}
	kbDir := filepath.Join("..", "..", "internal", "kb")
	out := t.TempDir()
	var log bytes.Buffer
	args := []string{"-data", data, "-out", out, "-extra", filepath.Join(kbDir, "countries_extra.tsv")}
	if err := run(args, &log); err != nil {
		t.Fatalf("run: %v\n%s", err, log.String())
	}
	for _, name := range []string{countriesFile, metonymsFile} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(kbDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from a fresh run: rerun `go run ./tools/genkb`", name)
		}
	}
}
