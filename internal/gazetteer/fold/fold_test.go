package fold

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"São Paulo", "sao paulo"},
		{"SAO PAULO", "sao paulo"},
		{"Sao Paulo", "sao paulo"},
		{"Ma'rib", "marib"},
		{"Saint-Denis", "saint denis"},
		{"St. Louis", "st louis"},
		{"Kraków", "krakow"},
		{"Łódź", "lodz"},
		{"Düsseldorf", "dusseldorf"},
		{"Gießen", "giessen"},
		{"  Kyiv  ", "kyiv"},
		{"Sant Julià de Lòria", "sant julia de loria"},
		{"Provence-Alpes-Côte d’Azur", "provence alpes cote dazur"},
		{"kyiv", "kyiv"},
		{"", ""},
		{"--", ""},
		{"a\xffb", "a b"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzKey checks that keys are fixed points, valid UTF-8, lower case and
// free of doubled or edge spaces.
func FuzzKey(f *testing.F) {
	for _, s := range []string{"São Paulo", "Ma'rib", "St. Louis", "Łódź", "a  b", "\xff", "İstanbul", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if !utf8.ValidString(k) {
			t.Fatalf("Key(%q) = %q is not valid UTF-8", s, k)
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Fatalf("Key(%q) = %q has stray spaces", s, k)
		}
		if Key(k) != k {
			t.Fatalf("Key(%q) = %q, but Key of that is %q", s, k, Key(k))
		}
	})
}

func BenchmarkKey(b *testing.B) {
	names := []string{"Kharkiv", "São Paulo", "New York City", "Sant Julià de Lòria", "Ma'rib"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Key(names[i%len(names)])
	}
}

func TestLoose(t *testing.T) {
	pairs := [][2]string{{"avdiivka", "avdiyivka"}, {"mykolaiv", "mykolayiv"}, {"izium", "izyum"},
		{"kostiantynivka", "kostyantynivka"}}
	for _, p := range pairs {
		if Loose(p[0]) != Loose(p[1]) {
			t.Errorf("Loose(%q) = %q, Loose(%q) = %q", p[0], Loose(p[0]), p[1], Loose(p[1]))
		}
	}
	if Loose("paris") != "paris" || Loose("kyiv") == Loose("kiel") {
		t.Errorf("Loose changed what it should not")
	}
}
