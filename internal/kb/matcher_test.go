package kb

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dyadproject/dyad/internal/sample"
)

// describe renders a match as "text=Kind:key" per entry, joined by " / ".
func describe(k *KB, text string, m Match) string {
	var es []string
	for _, e := range m.Entries {
		var key string
		switch e.Kind {
		case CountryName, CountryAdjective, CountryPeople, Capital:
			key = k.countries[e.Index].ISO3
		case MetonymEntry:
			key = k.metonyms[e.Index].Code
		case OrgEntry:
			key = k.orgs[e.Index].ID
		case AgentEntry:
			key = k.agents[e.Index].Sector
		case RegionEntry:
			key = k.regions[e.Index].Name
		}
		es = append(es, e.Kind.String()+":"+key)
	}
	return text[m.Start:m.End] + "=" + strings.Join(es, " / ")
}

func findAll(k *KB, text string) []string {
	var out []string
	for _, m := range k.Matcher().FindAll(text) {
		out = append(out, describe(k, text, m))
	}
	return out
}

func TestFindAll(t *testing.T) {
	k := mustLoad(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty text", "", nil},
		{"no names", "The weather was mild on Tuesday.", nil},
		{"US is not us", "Let us ask US officials.",
			[]string{"US=CountryName:USA", "officials=Agent:GOV"}},
		{"US not inside USA or USAID", "USA and USAID",
			[]string{"USA=CountryName:USA"}},
		{"U.S. with periods", "U.S.-led talks in the U.S.",
			[]string{"U.S.=CountryName:USA", "U.S.=CountryName:USA"}},
		{"Iran not inside Iranian", "Iranian drones, Iran's reply",
			[]string{"Iranian=CountryAdjective:IRN", "Iran=CountryName:IRN"}},
		{"lower-case words are not countries", "chad jordan georgia turkey china may",
			nil},
		// "May" is only Theresa May's surname here; the actor stage takes a
		// month-like surname for her only after a title or her full name.
		{"May is not a country", "In May, Chad and Jordan met.",
			[]string{"May=Surname:", "Chad=CountryName:TCD", "Jordan=CountryName:JOR"}},
		{"no match inside a word", "Chinatown, Omanis, Americana",
			[]string{"Omanis=CountryPeople:OMN"}},
		{"all-caps dateline", "SEOUL, Nov. 25 (Yonhap) --",
			[]string{"SEOUL=Capital:KOR", "Yonhap=Org:YONHAP"}},
		{"all-caps headline name", "NORTH KOREA FIRES MISSILE",
			[]string{"NORTH KOREA=CountryName:PRK"}},
		{"agent any case", "Foreign minister, foreign minister, FOREIGN MINISTER, Foreign Minister",
			[]string{"Foreign minister=Agent:GOV", "foreign minister=Agent:GOV", "FOREIGN MINISTER=Agent:GOV", "Foreign Minister=Agent:GOV"}},
		{"agent plural", "Soldiers and protesters",
			[]string{"Soldiers=Agent:MIL", "protesters=Agent:OPP"}},
		{"leftmost longest", "South Korean troops, Papua New Guinea, UN Security Council",
			[]string{"South Korean=CountryAdjective:KOR", "troops=Agent:MIL", "Papua New Guinea=CountryName:PNG", "UN Security Council=Org:UNSC"}},
		{"people plurals", "Americans and Ukrainians and Frenchmen",
			[]string{"Americans=CountryPeople:USA", "Ukrainians=CountryPeople:UKR", "Frenchmen=CountryPeople:FRA"}},
		{"capital as metonym", "Beijing warned Moscow",
			[]string{"Beijing=Capital:CHN", "Moscow=Capital:RUS"}},
		{"building metonyms", "The Kremlin, the White House, the Pentagon and Downing Street",
			[]string{"Kremlin=Metonym:RUSGOV", "White House=Metonym:USAGOV", "Pentagon=Metonym:USAMIL", "Downing Street=Metonym:GBRGOV"}},
		{"accents and old spellings", "Élysée, Elysee, Kyiv, Kiev",
			[]string{"Élysée=Metonym:FRAGOV", "Elysee=Metonym:FRAGOV", "Kyiv=Capital:UKR", "Kiev=Capital:UKR"}},
		{"ambiguous Brussels", "Brussels said",
			[]string{"Brussels=Capital:BEL / Org:EU"}},
		{"ambiguous demonym", "Congolese troops",
			[]string{"Congolese=CountryAdjective:COD / CountryAdjective:COG", "troops=Agent:MIL"}},
		{"typographic apostrophe", "Côte d’Ivoire and Côte d'Ivoire",
			[]string{"Côte d’Ivoire=CountryName:CIV", "Côte d'Ivoire=CountryName:CIV"}},
		{"possessive and hyphen", "China's navy, anti-American, Russia-Ukraine",
			[]string{"China=CountryName:CHN", "navy=Agent:MIL", "American=CountryAdjective:USA", "Russia=CountryName:RUS", "Ukraine=CountryName:UKR"}},
		{"blocked phrases", "New Jersey, Latin Americans, the Soviet Union",
			nil},
		{"skipped capital", "Hamilton and Victoria",
			nil},
		{"region over country", "the South China Sea and the Gaza Strip",
			[]string{"South China Sea=Region:South China Sea", "Gaza Strip=Region:Gaza"}},
		{"national security council is not the UN's", "South Korea's National Security Council",
			[]string{"South Korea=CountryName:KOR", "National Security Council=Agent:GOV"}},
		{"non-ASCII before an agent", "Ünal, Ministerpräsident, the président and the president",
			[]string{"president=Agent:GOV"}},
		{"middle initials", "Jacob J. Lew met Vladimir V. Putin, not Lew or Sam Q. Lew",
			[]string{"Jacob J. Lew=Official:", "Vladimir V. Putin=Official:", "Lew=Surname:", "Lew=Surname:"}},
		{"organization abbreviations", "NATO, the EU, the IAEA and the U.N.",
			[]string{"NATO=Org:NATO", "EU=Org:EU", "IAEA=Org:IAEA", "U.N.=Org:UN"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := findAll(k, tc.text)
			if !slices.Equal(got, tc.want) {
				t.Errorf("FindAll(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestFindAllOffsets checks that offsets are byte offsets into the original
// text also after multi-byte characters, for both dictionaries.
func TestFindAllOffsets(t *testing.T) {
	k := mustLoad(t)
	text := "Ça va: l'Élysée et le Président — the Prime Minister of Türkiye visited Kyiv."
	want := []string{"Élysée", "Prime Minister", "Türkiye", "Kyiv"}
	var got []string
	for _, m := range k.Matcher().FindAll(text) {
		got = append(got, text[m.Start:m.End])
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFindAllEntriesAreCopies(t *testing.T) {
	k := mustLoad(t)
	m := k.Matcher().FindAll("France")
	m[0].Entries[0].Index = -1
	if again := k.Matcher().FindAll("France"); again[0].Entries[0].Index == -1 {
		t.Error("modifying a match's entries changed the matcher")
	}
}

func TestMatcherBuiltOnce(t *testing.T) {
	k := mustLoad(t)
	if k.Matcher() != k.Matcher() {
		t.Error("Matcher built twice")
	}
}

// TestSampleCorpus runs the matcher over the invented stories: every story
// yields matches, and names the stories lean on are found.
func TestSampleCorpus(t *testing.T) {
	k := mustLoad(t)
	var all []string
	for _, f := range sample.Files() {
		ms := k.Matcher().FindAll(string(f.Data))
		if len(ms) < 10 {
			t.Errorf("%s: only %d matches", f.Name, len(ms))
		}
		checkMatches(t, k, string(f.Data), ms)
		for _, m := range ms {
			all = append(all, describe(k, string(f.Data), m))
		}
	}
	for _, want := range []string{
		"SEOUL=Capital:KOR", "Foreign Minister=Agent:GOV", "Pyongyang=Capital:PRK",
		"Kremlin=Metonym:RUSGOV", "State Department=Metonym:USAGOV", "Pentagon=Metonym:USAMIL",
		"People's Liberation Army=Metonym:CHNMIL", "Rapid Support Forces=Org:RSF", "Houthis=Org:HOUTHIS",
		"Lithuanians=CountryPeople:LTU", "Filipinos=CountryPeople:PHL", "South Koreans=CountryPeople:KOR",
		"Tehran=Capital:IRN", "Taiwan Strait=Region:Taiwan Strait", "PORT SUDAN=Region:Port Sudan",
	} {
		if !slices.Contains(all, want) {
			t.Errorf("corpus lacks match %s", want)
		}
	}
}

// checkMatches asserts the invariants of FindAll on any text.
func checkMatches(t *testing.T, k *KB, text string, ms []Match) {
	t.Helper()
	end := 0
	for _, m := range ms {
		if m.Start < end || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("match [%d,%d) out of order or bounds (previous end %d, len %d)", m.Start, m.End, end, len(text))
		}
		end = m.End
		s := text[m.Start:m.End]
		if !utf8.ValidString(s) {
			t.Errorf("match %q splits a character", s)
		}
		if !wholeWord(text, m.Start, m.End) {
			t.Errorf("match %q at %d is not a whole word", s, m.Start)
		}
		if len(m.Entries) == 0 {
			t.Errorf("match %q has no entries", s)
		}
		for _, e := range m.Entries {
			if !entryNames(k, e, s) {
				t.Errorf("match %q does not name its entry %v", s, e)
			}
		}
	}
}

// entryNames reports whether s is one of the names of entry e.
func entryNames(k *KB, e Entry, s string) bool {
	proper := func(names ...string) bool {
		for _, n := range names {
			for _, v := range nameVariants(n) {
				if v == s {
					return true
				}
			}
		}
		return false
	}
	switch e.Kind {
	case CountryName:
		c := k.countries[e.Index]
		return proper(append([]string{c.Name}, c.Aliases...)...)
	case CountryAdjective:
		return proper(k.countries[e.Index].Adjectives...)
	case CountryPeople:
		return proper(k.countries[e.Index].People...)
	case Capital:
		c := k.countries[e.Index]
		return proper(append([]string{c.Capital}, c.CapitalAliases...)...)
	case MetonymEntry:
		return proper(k.metonyms[e.Index].Phrase)
	case OrgEntry:
		o := k.orgs[e.Index]
		return proper(append([]string{o.Name}, o.Aliases...)...)
	case RegionEntry:
		g := k.regions[e.Index]
		return proper(append([]string{g.Name}, g.Aliases...)...)
	case OfficialEntry:
		p := k.people[e.Index]
		return proper(append([]string{p.Name}, p.Aliases...)...)
	case SurnameEntry:
		return proper(k.people[e.Index].Surnames...)
	case AgentEntry:
		a := k.agents[e.Index]
		return slices.Contains(append([]string{a.Phrase}, a.Plurals...), string(lowerASCII(s)))
	}
	return false
}

// FuzzFindAll checks the FindAll invariants on arbitrary text: sorted,
// non-overlapping, whole-word matches that each name their entries.
func FuzzFindAll(f *testing.F) {
	for _, s := range sample.Files() {
		f.Add(string(s.Data))
	}
	for _, s := range []string{"", "US", "usUS", "Iran\xffIranian", "Ünal President", "SEOUL", "Côte d’Ivoire", "U.S.A."} {
		f.Add(s)
	}
	k := mustLoad(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkMatches(t, k, text, k.Matcher().FindAll(text))
	})
}

func TestEntryKindString(t *testing.T) {
	for k, want := range map[EntryKind]string{CountryName: "CountryName", RegionEntry: "Region", 99: "EntryKind(99)"} {
		if got := k.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", k, got, want)
		}
	}
}

func corpus() []byte {
	var b bytes.Buffer
	for _, f := range sample.Files() {
		b.Write(f.Data)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// BenchmarkFindAll reports the matcher's throughput on the sample corpus.
func BenchmarkFindAll(b *testing.B) {
	k := mustLoad(b)
	m := k.Matcher()
	text := string(corpus())
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	matches := 0
	for b.Loop() {
		matches = len(m.FindAll(text))
	}
	b.ReportMetric(float64(matches), "matches/op")
}

// BenchmarkBuildMatcher reports the time to compile the dictionaries.
func BenchmarkBuildMatcher(b *testing.B) {
	k := mustLoad(b)
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		newMatcher(k)
	}
	b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/build")
	names, agents := dictionaries(k)
	b.ReportMetric(float64(len(names)+len(agents)), "patterns")
}

func ExampleMatcher_FindAll() {
	k, err := Load()
	if err != nil {
		panic(err)
	}
	text := "SEOUL -- South Korean Foreign Minister Kim Ji-ho met Japanese officials."
	for _, m := range k.Matcher().FindAll(text) {
		fmt.Println(text[m.Start:m.End], m.Entries[0].Kind)
	}
	// Output:
	// SEOUL Capital
	// South Korean CountryAdjective
	// Foreign Minister Agent
	// Kim Surname
	// Japanese CountryAdjective
	// officials Agent
}
