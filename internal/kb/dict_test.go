package kb

import (
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad/internal/dict"
)

// invented dictionaries in the PETRARCH formats.
const (
	testActorDict = `ZORAN_VESELIC  # an invented minister
+MINISTER_VESELIC
	[SRBGOV 20150101-20181231]
	[SRBELI >20190101]
FREEDOM_FRONT [SRBOPP]
NORTH_ATLANTIC_TREATY_ORGANIZATION [IGOWSTNAT]
ANTONY_BLINKEN [USAELI]
THE_HIGH_VALLEY [HVL]
MILA_KOVAC [SRB]  # a default and a dated restriction
	[SRBCVL <20100101]
VALLEY TELEVISION_NEWS [HVLTV]  # words may stand between VALLEY and TELEVISION
`
	testAgentDict = `HARBOUR_MASTER [~GOVMAR]
PROTESTER [~REB]
`
)

func testDicts(t *testing.T) *dict.Set {
	t.Helper()
	set := &dict.Set{}
	for _, f := range []struct {
		name, data string
		kind       dict.Kind
	}{{"test.actors.txt", testActorDict, dict.KindActors}, {"test.agents.txt", testAgentDict, dict.KindAgents}} {
		s, errs, err := dict.Parse(f.name, []byte(f.data), f.kind)
		if err != nil || len(errs) > 0 {
			t.Fatalf("%s: %v %v", f.name, err, errs)
		}
		set.Actors = append(set.Actors, s.Actors...)
		set.Agents = append(set.Agents, s.Agents...)
	}
	return set
}

func TestWithDictionaries(t *testing.T) {
	base, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	k := base.WithDictionaries(testDicts(t))
	if len(k.Officials()) != len(base.Officials())+6 {
		t.Errorf("%d officials, want %d + 6 (Blinken merges with the table's)", len(k.Officials()), len(base.Officials()))
	}
	v, ok := k.OfficialByName("ZORAN VESELIC")
	if !ok || v.Kind != "person" || !v.FromDict {
		t.Fatalf("Veselic: %+v", v)
	}
	for date, want := range map[string]string{"2016-05-01": "SRBGOV", "2018-12-31": "SRBGOV", "2020-01-01": "SRBELI", "2010-01-01": ""} {
		if got := v.On(day(date)).Code; got != want {
			t.Errorf("Veselic on %s: %q, want %q", date, got, want)
		}
	}
	if f, _ := k.OfficialByName("FREEDOM FRONT"); f.Kind != "group" || f.On(day("2020-01-01")).Code != "SRBOPP" {
		t.Errorf("Freedom Front: %+v", f)
	}
	if n, _ := k.OfficialByName("NORTH ATLANTIC TREATY ORGANIZATION"); n.Kind != "organization" {
		t.Errorf("NATO kind %q", n.Kind)
	}
	// The user's entry replaces the table's terms for a known official.
	b, _ := k.OfficialByName("Antony Blinken")
	if !b.FromDict || b.On(day("2022-01-01")).Code != "USAELI" || b.Surname != "Blinken" {
		t.Errorf("Blinken: %+v", b)
	}
	if bb, _ := base.OfficialByName("Antony Blinken"); bb.On(day("2022-01-01")).Code != "USAGOV" {
		t.Error("WithDictionaries changed the base knowledge base")
	}
	// Agents: new ones, and the user's code first for known words.
	if a, ok := k.AgentFor("harbour masters"); !ok || a.Sector != "GOVMAR" {
		t.Errorf("harbour masters: %+v %v", a, ok)
	}
	if a, _ := k.AgentFor("protesters"); a.Sector != "REB" {
		t.Errorf("protesters: %+v, want the dictionary's REB", a)
	}
	if a, _ := base.AgentFor("protesters"); a.Sector != "OPP" {
		t.Errorf("base protesters: %+v", a)
	}
	// Names match in any case after a capital.
	text := "Zoran Veselic met MINISTER VESELIC, and the freedom front met Freedom Front's chief."
	var got []string
	for _, m := range k.Matcher().FindAll(text) {
		for _, e := range m.Entries {
			if e.Kind == OfficialEntry {
				got = append(got, text[m.Start:m.End])
			}
		}
	}
	if len(got) != 3 || got[0] != "Zoran Veselic" || got[1] != "MINISTER VESELIC" || got[2] != "Freedom Front" {
		t.Errorf("matched %q", got)
	}
	// A name that starts with THE matches without it mid-sentence.
	text = "Rebels left the High Valley."
	found := false
	for _, m := range k.Matcher().FindAll(text) {
		found = found || text[m.Start:m.End] == "High Valley" && m.Entries[0].Kind == OfficialEntry
	}
	if !found {
		t.Errorf("the High Valley: not matched")
	}
	// A blank lets up to two words stand between; '_' does not, nor does
	// punctuation.
	for text, want := range map[string]string{
		"Valley state-run Television News reported.":     "Valley state-run Television News",
		"Valley Television News reported.":               "Valley Television News",
		"Valley and its own local Television News left.": "",
		"Valley, Television News said.":                  "",
		"Valley state-run Television and News said.":     "",
	} {
		got := ""
		for _, m := range k.Matcher().FindAll(text) {
			for _, e := range m.Entries {
				if e.Kind == OfficialEntry && k.Officials()[e.Index].Name == "VALLEY TELEVISION NEWS" {
					got = text[m.Start:m.End]
				}
			}
		}
		if got != want {
			t.Errorf("%q: matched %q, want %q", text, got, want)
		}
	}
}

func TestWithDictionariesDates(t *testing.T) {
	// A dictionary's last day is in office, as in PETRARCH's inclusive bounds.
	base, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	k := base.WithDictionaries(testDicts(t))
	v, _ := k.OfficialByName("ZORAN VESELIC")
	if got := v.On(time.Date(2018, 12, 31, 23, 0, 0, 0, time.UTC)).Code; got != "SRBGOV" {
		t.Errorf("last day: %q", got)
	}
	// A dated restriction overrides the undated default while it holds.
	m, _ := k.OfficialByName("MILA KOVAC")
	for date, want := range map[time.Time]string{
		time.Date(1995, 1, 4, 0, 0, 0, 0, time.UTC):  "SRBCVL",
		time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC):  "SRB",
		time.Date(2010, 1, 1, 12, 0, 0, 0, time.UTC): "SRBCVL",
	} {
		if got := m.On(date).Code; got != want {
			t.Errorf("Mila Kovac on %s: %q, want %q", date.Format(time.DateOnly), got, want)
		}
	}
}

// FuzzFindAllWithDictionaries checks the matcher with dictionary names:
// matches are ordered, do not overlap, and a dictionary official's match
// spells one of its names in some letter case, starting with a capital.
func FuzzFindAllWithDictionaries(f *testing.F) {
	for _, s := range []string{"Zoran Veselic met MINISTER VESELIC, and Freedom Front.", "zoran veselic", "Freedom  Front",
		"Zoran Veselic,", "Zoran Veselic's", "Freedom Front’s,", "Zoran Veselic\nFreedom Front", "ZORAN VESELIC!", "",
		"Valley state-run Television News", "VALLEY a b c TELEVISION NEWS", "Valley Television News's"} {
		f.Add(s)
	}
	base, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	set := &dict.Set{}
	for _, d := range []struct {
		name, data string
		kind       dict.Kind
	}{{"a.txt", testActorDict, dict.KindActors}, {"b.txt", testAgentDict, dict.KindAgents}} {
		s, _, err := dict.Parse(d.name, []byte(d.data), d.kind)
		if err != nil {
			f.Fatal(err)
		}
		set.Actors = append(set.Actors, s.Actors...)
		set.Agents = append(set.Agents, s.Agents...)
	}
	k := base.WithDictionaries(set)
	m := k.Matcher()
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, x := range m.FindAll(text) {
			if x.Start < end || x.End <= x.Start || x.End > len(text) {
				t.Fatalf("match %+v after %d in %q", x, end, text)
			}
			end = x.End
			s := text[x.Start:x.End]
			for _, e := range x.Entries {
				p := k.Officials()[e.Index]
				if e.Kind != OfficialEntry || len(p.Loose) == 0 {
					continue
				}
				ok := false
				for _, n := range append(append([]string{p.Name}, p.Aliases...), p.Loose...) {
					ok = ok || strings.EqualFold(n, s)
				}
				for _, n := range p.Disconnected {
					// Words may stand between: the first and last words.
					w, got := strings.Fields(strings.ReplaceAll(n, "_", " ")), strings.Fields(s)
					ok = ok || len(got) >= len(w) && len(got) <= len(w)+maxGap*(len(w)-1) &&
						strings.EqualFold(got[0], w[0]) && strings.EqualFold(got[len(got)-1], w[len(w)-1])
				}
				if !ok {
					t.Fatalf("%q is no name of %s", s, p.Name)
				}
			}
		}
	})
}
