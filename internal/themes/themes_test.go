package themes

import (
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/lang"
)

func analyze(t *testing.T, text string, stages ...dyad.Stage) *dyad.Document {
	t.Helper()
	doc := dyad.NewDocument(&dyad.Article{Text: text})
	for _, s := range append([]dyad.Stage{lang.Splitter{}}, stages...) {
		if err := s.Process(doc); err != nil {
			t.Fatal(err)
		}
	}
	return doc
}

func TestThemes(t *testing.T) {
	tg, err := NewTagger()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(tg.Themes()); n < 60 {
		t.Errorf("taxonomy has %d themes", n)
	}
	tests := []struct {
		name, text string
		want       string // "ID:mention,mention ID:..."
	}{
		{"sanctions and nuclear", "The EU imposed sanctions over the nuclear program.", "NUCLEAR:nuclear SANCTIONS:sanctions"},
		{"multiword beats single", "They signed a free trade deal.", "TRADE:free trade"},
		{"prefix", "Joint drills and naval exercises began.", "MILITARY_EXERCISE:drills,naval exercises"},
		{"case-insensitive", "ELECTIONS were held.", "ELECTIONS:ELECTIONS"},
		{"no theme", "The weather was fine.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyze(t, tt.text, tg)
			var parts []string
			for _, th := range doc.Themes {
				var ms []string
				for _, m := range th.Mentions {
					ms = append(ms, m.Text)
					if tt.text[m.Start:m.End] != m.Text {
						t.Errorf("mention span %d:%d wrong", m.Start, m.End)
					}
				}
				parts = append(parts, th.ID+":"+strings.Join(ms, ","))
			}
			if got := strings.Join(parts, " "); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTone(t *testing.T) {
	tn, err := NewToner()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		sign int
	}{
		{"negative", "Troops killed civilians in a brutal attack and destroyed homes.", -1},
		{"positive", "Leaders praised the successful agreement and welcomed the peace.", 1},
		{"neutral", "The ministers met in the capital on Tuesday.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyze(t, tt.text, tn)
			tone := doc.Tone
			if tone == nil {
				t.Fatal("no tone")
			}
			if got := sign(tone.Tone); got != tt.sign {
				t.Errorf("tone %+v has sign %d, want %d", tone, got, tt.sign)
			}
			if tone.Polarity != round(tone.Positive+tone.Negative) || tone.Words == 0 {
				t.Errorf("inconsistent tone %+v", tone)
			}
		})
	}
	if doc := analyze(t, "", tn); doc.Tone != nil {
		t.Errorf("tone of empty text: %+v", doc.Tone)
	}
}

func sign(v float64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// TestEveryTheme gives each theme of the taxonomy an invented sentence that
// must be tagged with it, so that no theme is dead and the table documents
// what each one is for.
func TestEveryTheme(t *testing.T) {
	tg, err := NewTagger()
	if err != nil {
		t.Fatal(err)
	}
	examples := map[string]string{
		"DIPLOMACY":           "The envoy arrived for talks.",
		"ALLIANCE":            "The two allies renewed their partnership.",
		"MILITARY_EXERCISE":   "Joint drills began off the coast.",
		"MILITARY":            "Troops were sent to the north.",
		"ARMED_CONFLICT":      "Heavy shelling hit the town.",
		"MISSILES":            "A ballistic missile was fired.",
		"NUCLEAR":             "Uranium enrichment resumed.",
		"TERRORISM":           "Militants attacked a checkpoint.",
		"PROTEST":             "Thousands joined the protests.",
		"ELECTIONS":           "Voters went to the polls.",
		"SANCTIONS":           "New sanctions hit the banks.",
		"TRADE":               "Tariffs on steel were raised.",
		"ECONOMY":             "Inflation rose again.",
		"ENERGY":              "A new pipeline opened.",
		"AID":                 "Humanitarian convoys crossed the border.",
		"REFUGEES":            "Refugees crossed the river.",
		"HUMAN_RIGHTS":        "Rights groups reported torture.",
		"TERRITORY":           "The islands are claimed by both.",
		"CYBER":               "Hackers breached the ministry.",
		"HEALTH":              "The outbreak spread to the capital.",
		"CLIMATE":             "Carbon emissions must fall.",
		"JUSTICE":             "The court delivered its verdict.",
		"CRIME":               "The cartel smuggled cocaine.",
		"ARREST":              "Police arrested the activist.",
		"KILLING":             "Two soldiers were killed.",
		"KIDNAPPING":          "The hostages were freed.",
		"ESPIONAGE":           "The diplomat was accused of espionage.",
		"GOVERNMENT":          "The cabinet met on Monday.",
		"COUP":                "The junta imposed a curfew.",
		"MEDIA_FREEDOM":       "Journalists protested censorship.",
		"RELIGION":            "The mosque was reopened.",
		"ETHNIC":              "Ethnic minorities were excluded.",
		"SPACE":               "The satellite reached orbit.",
		"INFRASTRUCTURE":      "The railway was rebuilt.",
		"TECHNOLOGY":          "Semiconductor exports grew.",
		"FOOD_SECURITY":       "Famine threatens the region.",
		"DISASTER":            "The earthquake destroyed homes.",
		"APOLOGY":             "The premier apologised to the victims.",
		"ACCUSATION":          "The ministry denied the allegations.",
		"THREAT":              "Pyongyang warned of retaliation.",
		"CEASEFIRE":           "A peace deal was reached.",
		"CHEMICAL_BIOLOGICAL": "Inspectors found traces of sarin.",
		"ARMS_TRADE":          "The arms sale was approved.",
		"ARMS_CONTROL":        "Disarmament talks stalled.",
		"PEACEKEEPING":        "Peacekeepers patrolled the zone.",
		"DRONES":              "A drone struck the depot.",
		"MARITIME_SECURITY":   "Pirates seized a tanker.",
		"TREATIES":            "The treaty was ratified.",
		"INTERNATIONAL_ORGS":  "The Security Council met.",
		"DEMOCRACY":           "Critics call the regime authoritarian.",
		"LEGISLATION":         "Parliament passed the draft law.",
		"INDEPENDENCE":        "Separatists declared independence.",
		"HISTORY":             "Victims of forced labor sought redress.",
		"WAR_CRIMES":          "Investigators documented war crimes.",
		"CHILDREN":            "Children were taken from occupied regions.",
		"WOMEN":               "Women were barred from work.",
		"EDUCATION":           "Schools reopened after the strike.",
		"WATER":               "Irrigation needs strain the basin.",
		"FISHERIES":           "Fishermen were detained at sea.",
		"ARCTIC":              "Arctic shipping routes are opening.",
		"MINERALS":            "Lithium deposits were found.",
		"LABOR":               "Workers demanded higher wages.",
		"SCANDAL":             "The minister resigned over the scandal.",
		"PROPAGANDA":          "State media spread propaganda.",
		"DEFECTION":           "The officer defected to the South.",
		"NATIONALISM":         "Nationalist groups marched.",
	}
	if n := len(tg.Themes()); n < 60 {
		t.Errorf("taxonomy has %d themes, want at least 60", n)
	}
	for _, th := range tg.Themes() {
		text, ok := examples[th.ID]
		if !ok {
			t.Errorf("theme %s has no example", th.ID)
			continue
		}
		doc := analyze(t, text, tg)
		found := false
		for _, got := range doc.Themes {
			found = found || got.ID == th.ID
		}
		if !found {
			t.Errorf("%s: %q not tagged (got %+v)", th.ID, text, doc.Themes)
		}
	}
	if len(examples) != len(tg.Themes()) {
		t.Errorf("%d examples for %d themes", len(examples), len(tg.Themes()))
	}
}

func TestEventThemes(t *testing.T) {
	tg, err := NewTagger()
	if err != nil {
		t.Fatal(err)
	}
	doc := dyad.NewDocument(&dyad.Article{Text: "Seoul imposed sanctions on Pyongyang. The two sides held talks."})
	if err := (lang.Splitter{}).Process(doc); err != nil {
		t.Fatal(err)
	}
	doc.Events = []dyad.Event{{ID: "e1", Sentence: 0}, {ID: "e2", Sentence: 1}}
	if err := tg.Process(doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"SANCTIONS": "e1", "DIPLOMACY": "e2"}
	for _, th := range doc.Themes {
		if w, ok := want[th.ID]; ok && strings.Join(th.Events, ",") != w {
			t.Errorf("%s events %v, want %s", th.ID, th.Events, w)
		}
		delete(want, th.ID)
	}
	if len(want) > 0 {
		t.Errorf("themes %v not found in %+v", want, doc.Themes)
	}
}

func TestToneFields(t *testing.T) {
	tn, err := NewToner()
	if err != nil {
		t.Fatal(err)
	}
	an, err := lang.Load()
	if err != nil {
		t.Fatal(err)
	}
	text := "Seoul praised Tokyo for the successful talks. We welcome this, Seoul said. Seoul condemned Pyongyang for the brutal attack. Pyongyang's envoy left."
	doc := dyad.NewDocument(&dyad.Article{Text: text})
	if err := an.Process(doc); err != nil {
		t.Fatal(err)
	}
	doc.Actors = []dyad.Actor{{ID: "a1", Code: "KOR"}, {ID: "a2", Code: "JPN"}, {ID: "a3", Code: "PRK"}}
	doc.Actors = append(doc.Actors, dyad.Actor{ID: "a4", Code: "PRKGOV"})
	for i, name := range []string{"Tokyo", "Pyongyang", "Pyongyang's envoy"} {
		s := strings.Index(text, name)
		doc.Mentions = append(doc.Mentions, dyad.Mention{Span: dyad.Span{Start: s, End: s + len(name)}, Actor: i + 1, Sentence: doc.SentenceAt(s)})
	}
	// "Pyongyang" inside "Pyongyang's envoy" makes no PRK-PRKGOV pair.
	s := strings.Index(text, "Pyongyang's")
	doc.Mentions = append(doc.Mentions, dyad.Mention{Span: dyad.Span{Start: s, End: s + 9}, Actor: 2, Sentence: doc.SentenceAt(s)})
	for off := 0; ; {
		s := strings.Index(text[off:], "Seoul")
		if s < 0 {
			break
		}
		s += off
		doc.Mentions = append(doc.Mentions, dyad.Mention{Span: dyad.Span{Start: s, End: s + 5}, Actor: 0, Sentence: doc.SentenceAt(s)})
		off = s + 5
	}
	if err := tn.Process(doc); err != nil {
		t.Fatal(err)
	}
	tone := doc.Tone
	if tone.Words != 23 {
		t.Errorf("words %d, want 23", tone.Words)
	}
	if tone.SelfGroupDensity != 4.35 { // "We": 1 of 23 words
		t.Errorf("self/group density %.2f, want 4.35", tone.SelfGroupDensity)
	}
	if tone.ActivityDensity < 10 || tone.ActivityDensity > 30 { // praised, welcome, said, condemned, left: 5 of 23
		t.Errorf("activity density %.2f, want about 20", tone.ActivityDensity)
	}
	if len(tone.Pairs) != 2 {
		t.Fatalf("pairs %+v, want KOR-JPN and KOR-PRK", tone.Pairs)
	}
	for _, p := range tone.Pairs {
		want := map[string]int{"JPN": 1, "PRK": -1}[p.Code2]
		if p.Code1 != "KOR" || sign(p.Tone) != want || p.Sentences != 1 {
			t.Errorf("pair %+v: want KOR first, tone sign %d, one sentence", p, want)
		}
	}
}
