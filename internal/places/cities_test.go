package places

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/kb"
	"github.com/dyadproject/dyad/internal/lang"
)

// parsed runs the full language layer (tags and dependencies) and the
// places stage, as the pipeline does.
var fixtures = sync.OnceValues(func() (*fixture, error) {
	k, err := kb.Load()
	if err != nil {
		return nil, err
	}
	an, err := lang.Load()
	if err != nil {
		return nil, err
	}
	return &fixture{kb: k, lang: an, stage: New(k)}, nil
})

type fixture struct {
	kb    *kb.KB
	lang  *lang.Analyzer
	stage *Stage
}

func parsed(t testing.TB, a *dyad.Article) *dyad.Document {
	t.Helper()
	f, err := fixtures()
	if err != nil {
		t.Fatal(err)
	}
	doc := dyad.NewDocument(a)
	for _, s := range []dyad.Stage{f.lang, f.stage} {
		if err := s.Process(doc); err != nil {
			t.Fatal(err)
		}
	}
	return doc
}

// cityPlaces lists the city and province places as "Name/ISO3".
func cityPlaces(doc *dyad.Document) string {
	var out []string
	for _, p := range doc.Places {
		if p.Kind == "city" || p.Kind == "province" {
			out = append(out, p.Name+"/"+p.Country)
		}
	}
	return strings.Join(out, " ")
}

func TestCities(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // city and province places, "Name/ISO3 ..."
	}{
		// Evidence.
		{"after in", "Rockets struck Kharkiv overnight, and two people died in Izyum.", "Kharkiv/UKR Izyum/UKR"},
		{"major city without preposition", "Kharkiv came under heavy shelling on Tuesday.", "Kharkiv/UKR"},
		{"list of places", "Protests spread to Lyon and Marseille, and later to Toulouse.", "Lyon/FRA Marseille/FRA Toulouse/FRA"},
		{"mayor of", "The mayor of Mykolayiv asked for more air defence.", "Mykolayiv/UKR"},
		{"transliteration variant", "Ukrainian troops held positions in Izium.", "Izyum/UKR"},
		{"two villages of unknown size declined", "Ukrainian troops held positions near Avdiivka.", ""},
		{"list goes on after a comma", "Sirens sounded in Kharkiv, Sumy and Poltava.", "Kharkiv/UKR Sumy/UKR Poltava/UKR"},
		{"person after a comma", "In Kramatorsk, Bondarenko told reporters the shelling had stopped.", "Kramatorsk/UKR"},
		{"city spelled unlike its region", "The mayor of Mykolaiv asked for more air defence.", "Mykolayiv/UKR"},
		{"accented name unaccented", "Thousands marched in Sao Paulo against the reform.", "São Paulo/BRA"},
		{"hyphenated name", "Kurdish forces withdrew from Al-Hasakah, Syria, on Friday.", "Al Ḩasakah/SYR"},
		{"multi-word name", "Flooding cut roads near Rio de Janeiro.", "Rio de Janeiro/BRA"},
		{"region noun", "Voting began in Punjab province, officials in Pakistan said.", "Punjab/PAK"},
		{"first-level region", "Wildfires forced evacuations in Bavaria and Saxony.", "Bavaria/DEU Saxony/DEU"},
		{"capital from the knowledge base", "Talks resumed in Nairobi on Monday.", "Nairobi/KEN"},
		// Same-name places.
		{"Paris France", "Ministers met in Paris to discuss the climate accord.", "Paris/FRA"},
		{"Paris Texas", "A tornado damaged homes in Paris, Texas, on Sunday.", "Paris/USA Texas/USA"},
		{"Tripoli Libya", "Militias clashed in Tripoli as the Libyan government appealed for calm.", "Tripoli/LBY"},
		{"Tripoli Lebanon", "Lebanese troops deployed in Tripoli after clashes in the north of Lebanon.", "Tripoli/LBN"},
		{"object of a verb of movement", "The convoy left Benghazi at dawn.", "Benghazi/LBY"},
		{"object that is a person", "The minister visited Hope in hospital.", ""},
		{"London in a US story", "The American envoy flew to London for talks.", "London/GBR"},
		{"Hyderabad India", "A new metro line opened in Hyderabad on Saturday.", "Hyderabad/IND"},
		{"Hyderabad Pakistan", "Pakistani police arrested 12 people in Hyderabad after the riots.", "Hyderabad/PAK"},
		{"Hyderabad qualified", "Floods hit Hyderabad, Pakistan, for a third day.", "Hyderabad/PAK"},
		{"story country picks the town", "Ukrainian officials said a drone hit a school in Bakhmut.", "Bakhmut/UKR"},
		// False friends.
		{"Police", "Police said the suspect fled the scene.", ""},
		{"Mobile", "Mobile phone networks were down across the region.", ""},
		{"Of", "Of the 40 detainees, 12 were released.", ""},
		{"Nice adjective", "Nice weather greeted the delegates.", ""},
		{"Nice city", "A truck attack in Nice killed dozens.", "Nice/FRA"},
		{"Split verb", "Split over the budget, the coalition collapsed.", ""},
		{"Reading city", "Police in Reading arrested a man on Friday.", "Reading/GBR"},
		{"Hope person", "Hope said the committee would vote next week.", ""},
		{"Hope town", "The storm reached Hope before dawn.", ""},
		{"Surprise", "Surprise greeted the announcement in parliament.", ""},
		{"Bath person", "Bath told reporters the plan was dead.", ""},
		{"surname after title", "Senator Bristol rejected the bill.", ""},
		{"month", "The ceasefire began in March and ended in May.", ""},
		{"longer run", "Queen Victoria's statue was vandalised. Paris Hilton attended.", ""},
		{"organization claims the name", "The World Health Organization warned of cholera.", ""},
		{"acronym", "NATO and the AU condemned the attack.", ""},
		{"no evidence for a small town", "Barrow said the vote was fair.", ""},
		{"New before a state", "Snow fell across New Hampshire and New Mexico overnight.", "New Hampshire/USA New Mexico/USA"},
		{"generic region word", "Centre officials rejected the plan.", ""},
		{"at a person", "Protesters threw eggs at Lam during the visit.", ""},
		{"ambiguous towns declined", "Officials in Springfield declined to comment.", "Springfield/USA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parsed(t, &dyad.Article{Text: tt.text})
			if got := cityPlaces(doc); got != tt.want {
				t.Errorf("%q\n got %q\nwant %q", tt.text, got, tt.want)
				for _, p := range doc.Places {
					t.Logf("%+v", p)
				}
			}
			for _, p := range doc.Places {
				if p.Reason == "" || p.Lat == 0 && p.Lon == 0 {
					t.Errorf("%s: reason %q, coordinates %v %v", p.Name, p.Reason, p.Lat, p.Lon)
				}
				if p.Admin1 != "" && (len(p.Admin1) < 4 || p.Admin1[2] != '.') {
					t.Errorf("%s: admin1 %q is not a GeoNames code", p.Name, p.Admin1)
				}
				for _, m := range p.Mentions {
					if tt.text[m.Start:m.End] != m.Text {
						t.Errorf("bad mention %+v", m)
					}
				}
			}
		})
	}
}

func TestReasons(t *testing.T) {
	text := "Lebanese troops deployed in Tripoli. Gunmen attacked a church in Lagos."
	doc := parsed(t, &dyad.Article{Text: text})
	want := map[string]string{"Tripoli": "in a country the story names (LBN)", "Lagos": "\"in Lagos\"; most populous"}
	for _, p := range doc.Places {
		if w, ok := want[p.Name]; ok && !strings.Contains(p.Reason, w) {
			t.Errorf("%s: reason %q, want it to say %q", p.Name, p.Reason, w)
		}
	}
}

func TestDatelineTown(t *testing.T) {
	text := "KRAMATORSK, Ukraine (Reuters) -- Sirens sounded."
	a := &dyad.Article{Text: text, Dateline: &dyad.Dateline{Span: dyad.Span{Start: 0, End: 31}, Place: "KRAMATORSK, Ukraine"},
		Skip: []dyad.Span{{Start: 0, End: 34}}}
	doc := parsed(t, a)
	if len(doc.Places) == 0 || doc.Places[0].Name != "Kramatorsk" || doc.Places[0].Mentions[0].Sentence != -1 ||
		doc.Places[0].Mentions[0].Text != "KRAMATORSK" || !strings.HasPrefix(doc.Places[0].Reason, "dateline") {
		t.Fatalf("places %+v", doc.Places)
	}
}

func BenchmarkPlaces(b *testing.B) {
	text := strings.Repeat("Rockets struck Kramatorsk overnight, and two people died in Sloviansk. "+
		"Ministers met in Paris, Texas, while Lebanese troops deployed in Tripoli. Police said Hope was safe. ", 10)
	f, err := fixtures()
	if err != nil {
		b.Fatal(err)
	}
	doc := dyad.NewDocument(&dyad.Article{Text: text})
	if err := f.lang.Process(doc); err != nil {
		b.Fatal(err)
	}
	if err := f.stage.Process(doc); err != nil { // loads the gazetteer outside the timing
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		doc.Places = doc.Places[:0]
		if err := f.stage.Process(doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// FuzzPlaces runs arbitrary text, with an arbitrary dateline, through the
// language layer and the stage: it must not fail or panic, and every
// mention must quote the text at its span.
func FuzzPlaces(f *testing.F) {
	f.Add("KRAMATORSK, Ukraine -- Shelling hit Paris, Texas, and Tripoli.", 19)
	f.Add("in New Hampshire and The Hague; Al-Hasakah, Syria", 0)
	f.Add("in \xff São Paulo, , , in", 5)
	f.Fuzz(func(t *testing.T, text string, dl int) {
		if !utf8.ValidString(text) {
			return // readers hand the stages valid UTF-8
		}
		a := &dyad.Article{Text: text}
		if dl > 0 && dl <= len(text) && utf8.ValidString(text[:dl]) {
			a.Dateline = &dyad.Dateline{Span: dyad.Span{Start: 0, End: dl}, Place: text[:dl]}
			a.Skip = []dyad.Span{{Start: 0, End: dl}}
		}
		doc := parsed(t, a)
		for _, p := range doc.Places {
			for _, m := range p.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Text {
					t.Fatalf("mention %+v does not quote %q", m, text)
				}
			}
		}
	})
}
