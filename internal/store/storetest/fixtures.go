package storetest

import (
	"fmt"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/store"
)

// Article IDs of the records Records returns.
const (
	FranceIndia  = "fr-in-1"
	KoreaMissile = "kor-1"
	BrazilTrade  = "br-ar-1"
	WeatherNote  = "note-1"
)

// fixtureSource is the publisher of most fixtures.
const fixtureSource = "Example Wire"

// Records returns four hand-made analyzed articles with invented text: France
// and India (three events, a quote, two actors sharing the code FRAGOV), South
// Korea and North Korea (three events, one without a target), Brazil and
// Argentina (two events, a quote) and an undated note without events. Each
// call returns fresh values that the caller may change.
func Records() []store.Record {
	return []store.Record{franceIndia(), koreaMissile(), brazilTrade(), weatherNote()}
}

// Synthetic returns n distinct generated records numbered from start, each
// with two actors, two events, a quote and a place, for benchmarks and volume
// tests. Records with different numbers have different IDs and texts.
func Synthetic(start, n int) []store.Record {
	codes := []string{"FRA", "DEU", "IND", "AUS", "RUS", "UKR", "KOR", "PRK", "BRA", "ARG"}
	recs := make([]store.Record, n)
	for k := range recs {
		i := start + k
		src, dst := codes[i%len(codes)], codes[(i*7+3)%len(codes)]
		text := fmt.Sprintf("Officials from %s met envoys from %s on day %d to discuss trade. "+
			"\"We agreed to talk again soon,\" a spokesperson for %s said after meeting number %d.", src, dst, i%28+1, src, i)
		b := newBuilder(fmt.Sprintf("syn-%d", i), "Talks number "+fmt.Sprint(i), fmt.Sprintf("2026-%02d-%02d", i%12+1, i%28+1), text)
		a := b.actor(src, src, src, "", "country", "", 0, src)
		t := b.actor(dst, dst, dst, "", "country", "", 0, "envoys from "+dst)
		b.event(a, t, "met", "040", "Consult, not specified below", 1, 1.0, b.res.Date, 0)
		b.event(a, t, "agreed to talk", "036", "Express intent to meet or negotiate", 1, 4.0, b.res.Date, 1)
		b.quote("We agreed to talk again soon,", "a spokesperson for "+src, a, 1)
		b.place("Geneva", "city", "CHE", 46.2, 6.15)
		recs[k] = b.record()
	}
	return recs
}

func franceIndia() store.Record {
	text := "PARIS, May 4 -- France's foreign minister arrived in New Delhi on Monday for talks with his Indian counterpart." +
		" \"Our partnerships multiply what we can do,\" the minister said. The two ministers are due in Canberra on Thursday." +
		"\n\nThe French defence minister accused Moscow of threatening its neighbours."
	b := newBuilder(FranceIndia, "France seeks closer ties with India and Australia", "2026-05-04", text)
	b.res.Dateline = &dyad.Dateline{Span: dyad.Span{Start: 0, End: 15}, Place: "Paris", Date: "2026-05-04"}
	b.res.URL = "https://news.example.org/2026/05/04/france-india"
	b.actor("France", "FRA", "FRA", "", "country", "", 0, "France")
	fm := b.actor("French foreign minister", "FRAGOV", "FRA", "GOV", "agent", "foreign minister", 0, "France's foreign minister", "the minister")
	ind := b.actor("India", "IND", "IND", "", "country", "", 0, "Indian")
	aus := b.actor("Australia", "AUS", "AUS", "", "country", "", 2, "Canberra")
	rus := b.actor("Russia", "RUS", "RUS", "", "country", "", 3, "Moscow")
	dm := b.actor("French defence minister", "FRAGOV", "FRA", "GOV", "agent", "defence minister", 3, "The French defence minister")
	delhi := b.place("New Delhi", "city", "IND", 28.61, 77.21)
	canberra := b.place("Canberra", "city", "AUS", -35.28, 149.13)
	e := b.event(fm, ind, "arrived in New Delhi", "042", "Make a visit", 1, 1.9, "2026-05-04", 0)
	e.Location = &dyad.PlaceRef{Place: delhi.ID, Name: delhi.Name, Country: delhi.Country, Lat: delhi.Lat, Lon: delhi.Lon, Reason: `"in New Delhi" in the event's sentence`}
	e = b.event(fm, aus, "are due in Canberra", "036", "Express intent to meet or negotiate", 1, 4.0, "2026-05-07", 2)
	e.Modality = "intended"
	e.Location = &dyad.PlaceRef{Place: canberra.ID, Name: canberra.Name, Country: canberra.Country, Lat: canberra.Lat, Lon: canberra.Lon, Reason: `"in Canberra" in the event's sentence`}
	b.event(dm, rus, "accused", "112", "Accuse, not specified below", 3, -2.0, "2026-05-04", 3)
	b.quote("Our partnerships multiply what we can do,", "the minister", fm, 1)
	b.place("Paris", "city", "FRA", 48.86, 2.35)
	b.res.Dates = []dyad.DateRef{{Text: "Monday", Start: strings.Index(text, "Monday"), End: strings.Index(text, "Monday") + 6, Value: "2026-05-04", Granularity: "day"}}
	b.res.Themes = []dyad.Theme{{ID: "t1", Name: "DIPLOMACY", Mentions: []dyad.MentionRef{b.mention("talks", 0)}}}
	b.res.Tone = &dyad.Tone{Tone: -1.25, Positive: 2.5, Negative: 3.75, Polarity: 6.25, Words: 48}
	return b.record()
}

func koreaMissile() store.Record {
	text := "SEOUL, March 17 (Yonhap) -- South Korea's foreign ministry condemned North Korea's ballistic missile launch on Tuesday." +
		" \"This is a clear provocation,\" a ministry spokesperson told reporters. Seoul urged Pyongyang to return to talks."
	b := newBuilder(KoreaMissile, "South Korea condemns missile launch", "2026-03-17", text)
	b.res.Source = "Yonhap"
	b.res.Dateline = &dyad.Dateline{Span: dyad.Span{Start: 0, End: 27}, Place: "Seoul", Source: "Yonhap", Date: "2026-03-17"}
	kor := b.actor("South Korea", "KOR", "KOR", "", "country", "", 2, "Seoul")
	kmf := b.actor("South Korean foreign ministry", "KORGOV", "KOR", "GOV", "organization", "", 0, "South Korea's foreign ministry")
	prk := b.actor("North Korea", "PRK", "PRK", "", "country", "", 0, "North Korea", "Pyongyang")
	spk := b.actor("South Korean foreign ministry spokesperson", "KORGOV", "KOR", "GOV", "agent", "spokesperson", 1, "a ministry spokesperson")
	b.event(kmf, prk, "condemned", "111", "Criticize or denounce", 3, -2.0, "2026-03-17", 0)
	b.event(prk, nil, "launch", "150", "Demonstrate military or police power", 4, -7.2, "2026-03-17", 0)
	b.event(kor, prk, "urged", "020", "Make an appeal or request, not specified below", 1, 3.0, "2026-03-17", 2)
	b.quote("This is a clear provocation,", "a ministry spokesperson", spk, 1)
	b.place("Seoul", "city", "KOR", 37.57, 126.98)
	b.res.Tone = &dyad.Tone{Tone: -4.5, Positive: 0, Negative: 4.5, Polarity: 4.5, Words: 33}
	return b.record()
}

func brazilTrade() store.Record {
	text := "Brazil and Argentina signed a trade agreement in Buenos Aires on Sunday, officials said." +
		" Brazil's president called the accord \"a new chapter for the region\"."
	b := newBuilder(BrazilTrade, "Brazil and Argentina sign trade accord", "2025-11-02", text)
	b.res.URL = "https://news.example.org/2025/11/02/brazil-argentina"
	bra := b.actor("Brazil", "BRA", "BRA", "", "country", "", 0, "Brazil")
	arg := b.actor("Argentina", "ARG", "ARG", "", "country", "", 0, "Argentina")
	pres := b.actor("Brazilian president", "BRAGOV", "BRA", "GOV", "agent", "president", 1, "Brazil's president")
	b.event(bra, arg, "signed", "057", "Sign formal agreement", 1, 8.0, "2025-11-02", 0)
	b.event(arg, bra, "signed", "057", "Sign formal agreement", 1, 8.0, "2025-11-02", 0)
	q := b.quote("a new chapter for the region", "Brazil's president", pres, 1)
	q.Cue = &dyad.Snippet{Text: "called", Start: strings.Index(text, "called"), End: strings.Index(text, "called") + len("called")}
	b.place("Buenos Aires", "city", "ARG", -34.6, -58.38)
	return b.record()
}

func weatherNote() store.Record {
	b := newBuilder(WeatherNote, "Weather notes", "", "Rain is expected across the coast this weekend.")
	b.res.Source = ""
	return b.record()
}

// builder assembles a Result whose spans are found in its text, so that the
// fixtures stay consistent with their invented sentences.
type builder struct {
	text string
	res  dyad.Result
}

func newBuilder(id, title, date, text string) *builder {
	return &builder{text: text, res: dyad.Result{
		SchemaVersion: dyad.SchemaVersion,
		ID:            id,
		Title:         title,
		URL:           "",
		Source:        fixtureSource,
		Date:          date,
		Input:         "testdata/" + id + ".txt",
		Hash:          dyad.ContentHash(text),
		Stats:         dyad.Stats{Bytes: len(text), Sentences: strings.Count(text, ". ") + 1, Tokens: len(strings.Fields(text))},
		Actors:        []dyad.Actor{},
		Events:        []dyad.Event{},
		Quotes:        []dyad.Quote{},
		Places:        []dyad.Place{},
		Dates:         []dyad.DateRef{},
		Entities:      []dyad.EntityRef{},
		Themes:        []dyad.Theme{},
		Errors:        []dyad.StageError{},
	}}
}

func (b *builder) record() store.Record { return store.Record{Result: b.res, Text: b.text} }

// mention returns the first occurrence of s in the text; it panics when s is
// missing, which is a bug in a fixture.
func (b *builder) mention(s string, sentence int) dyad.MentionRef {
	i := strings.Index(b.text, s)
	if i < 0 {
		panic(fmt.Sprintf("storetest: %q not in fixture text", s))
	}
	return dyad.MentionRef{Text: s, Start: i, End: i + len(s), Sentence: sentence}
}

// actor adds an actor mentioned by the given words, all in one sentence.
func (b *builder) actor(name, code, country, sector, kind, role string, sentence int, words ...string) int {
	a := dyad.Actor{ID: fmt.Sprintf("a%d", len(b.res.Actors)+1), Text: name, Name: name, Code: code, Country: country,
		Sector: sector, Kind: kind, Role: role, Mentions: []dyad.MentionRef{}}
	for _, w := range words {
		a.Mentions = append(a.Mentions, b.mention(w, sentence))
	}
	if len(words) > 0 {
		a.Text = words[0]
	}
	b.res.Actors = append(b.res.Actors, a)
	return len(b.res.Actors) - 1
}

func (b *builder) ref(actor int) dyad.ActorRef {
	a := b.res.Actors[actor]
	m := a.Mentions[0]
	return dyad.ActorRef{Actor: a.ID, Text: m.Text, Code: a.Code, Start: m.Start, End: m.End}
}

// event adds an event from source to target (nil for none) triggered by
// trigger in the given sentence.
func (b *builder) event(source int, target any, trigger, cameo, name string, quad int, goldstein float64, date string, sentence int) *dyad.Event {
	t := b.mention(trigger, sentence)
	e := dyad.Event{
		ID:         fmt.Sprintf("e%d", len(b.res.Events)+1),
		Source:     b.ref(source),
		CAMEO:      cameo,
		CAMEOName:  name,
		Root:       cameo[:2],
		QuadClass:  quad,
		Goldstein:  goldstein,
		PLOVER:     dyad.PLOVER{Type: "CONSULT"},
		Date:       date,
		DateSource: "article",
		Modality:   "asserted",
		Sentence:   sentence,
		Evidence: dyad.Evidence{
			Text:    b.text,
			Trigger: dyad.Snippet{Text: t.Text, Start: t.Start, End: t.End},
			Pattern: "verbs.txt:1 " + trigger,
		},
	}
	if i, ok := target.(int); ok {
		r := b.ref(i)
		e.Target = &r
	}
	b.res.Events = append(b.res.Events, e)
	return &b.res.Events[len(b.res.Events)-1]
}

// quote adds a direct quotation said by the actor that the words speaker name.
func (b *builder) quote(text, speaker string, actor, sentence int) *dyad.Quote {
	q := b.mention(text, sentence)
	s := b.mention(speaker, sentence)
	a := b.res.Actors[actor]
	b.res.Quotes = append(b.res.Quotes, dyad.Quote{
		ID: fmt.Sprintf("q%d", len(b.res.Quotes)+1), Kind: "direct", Text: text,
		Start: q.Start, End: q.End, Sentence: sentence,
		Speaker: &dyad.Speaker{Text: s.Text, Start: s.Start, End: s.End, Actor: a.ID, Code: a.Code,
			Country: a.Country, Sector: a.Sector, Role: a.Role},
	})
	return &b.res.Quotes[len(b.res.Quotes)-1]
}

func (b *builder) place(name, kind, country string, lat, lon float64) dyad.Place {
	p := dyad.Place{ID: fmt.Sprintf("p%d", len(b.res.Places)+1), Name: name, Kind: kind, Country: country,
		Lat: lat, Lon: lon, Mentions: []dyad.MentionRef{}}
	if strings.Contains(b.text, name) {
		p.Mentions = append(p.Mentions, b.mention(name, 0))
	}
	b.res.Places = append(b.res.Places, p)
	return p
}
