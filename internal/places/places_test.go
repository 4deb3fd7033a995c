package places

import (
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/kb"
	"github.com/dyadproject/dyad/internal/lang"
)

func analyze(t *testing.T, k *kb.KB, a *dyad.Article) *dyad.Document {
	t.Helper()
	doc := dyad.NewDocument(a)
	for _, s := range []dyad.Stage{lang.Splitter{}, New(k)} {
		if err := s.Process(doc); err != nil {
			t.Fatal(err)
		}
	}
	return doc
}

func TestPlaces(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		want string // "name/kind/country/mentions ..."
	}{
		{"capital and country", "Talks in Seoul ended. South Korea said Seoul would host more.",
			"Seoul/city/KOR/2 South Korea/country/KOR/1"},
		{"region", "Shelling hit Gaza and the West Bank.", "Gaza/region/PSE/1 West Bank/region/PSE/1"},
		{"sea", "Warships sailed into the South China Sea.", "South China Sea/sea//1"},
		// A country's name that is also a province of a country the story
		// names is the province, unless the story names the country
		// some other way.
		{"homonym province", "American voters in Georgia backed the senator.", "Georgia/province/USA/1"},
		{"homonym country", "Tbilisi said Georgia would talk to the United States.",
			"Tbilisi/city/GEO/1 Georgia/country/GEO/1 United States/country/USA/1"},
		{"no place", "Officials met on Monday.", ""},
		{"lower-case words are no places", "china cups and turkey dinners", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyze(t, k, &dyad.Article{Text: tt.text})
			var got []string
			for _, p := range doc.Places {
				got = append(got, strings.Join([]string{p.Name, p.Kind, p.Country, itoa(len(p.Mentions))}, "/"))
				for _, m := range p.Mentions {
					if tt.text[m.Start:m.End] != m.Text || m.Sentence < 0 {
						t.Errorf("bad mention %+v", m)
					}
				}
				if p.Lat == 0 && p.Lon == 0 {
					t.Errorf("%s has no coordinates", p.Name)
				}
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("%q\n got %s\nwant %s", tt.text, g, tt.want)
			}
		})
	}
}

func TestDatelinePlace(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	text := "KYIV, Ukraine (AP) -- Sirens sounded."
	a := &dyad.Article{Text: text, Dateline: &dyad.Dateline{Span: dyad.Span{Start: 0, End: 22}, Place: "KYIV, Ukraine"},
		Skip: []dyad.Span{{Start: 0, End: 22}}}
	doc := analyze(t, k, a)
	if len(doc.Places) != 1 || doc.Places[0].Name != "Kyiv" || doc.Places[0].Mentions[0].Sentence != -1 {
		t.Fatalf("places %+v", doc.Places)
	}
}

func itoa(n int) string { return string(rune('0' + n)) }
