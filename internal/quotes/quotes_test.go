package quotes

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/actors"
	"github.com/dyadproject/dyad/internal/kb"
	"github.com/dyadproject/dyad/internal/lang"
)

// analyze splits text and marks every listed name as a mention of an actor
// with the given kind, before running the quote stage.
func analyze(t *testing.T, text string, actors map[string]string) *dyad.Document {
	t.Helper()
	doc := dyad.NewDocument(&dyad.Article{Text: text})
	an, err := lang.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := an.Process(doc); err != nil {
		t.Fatal(err)
	}
	for name, kind := range actors {
		idx := len(doc.Actors)
		doc.Actors = append(doc.Actors, dyad.Actor{ID: "a" + name, Text: name, Code: strings.ToUpper(name[:3]), Kind: kind})
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			s := off + i
			doc.Mentions = append(doc.Mentions, dyad.Mention{Span: dyad.Span{Start: s, End: s + len(name)}, Text: name, Actor: idx, Place: -1})
			off = s + len(name)
		}
	}
	sortMentions(doc.Mentions)
	if err := (Stage{}).Process(doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func sortMentions(ms []dyad.Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

type want struct {
	kind, text, speaker, actor, cue string
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		actors map[string]string
		want   []want
	}{
		{"X said after", `"We will not back down," Kim said.`, map[string]string{"Kim": "person"},
			[]want{{"direct", "We will not back down", "Kim", "aKim", "said"}}},
		{"said X after", `"Talks are over," said the foreign minister.`, nil,
			[]want{{"direct", "Talks are over", "the foreign minister", "", "said"}}},
		{"cue before with colon", `Lee told reporters: "The border stays open."`, map[string]string{"Lee": "person"},
			[]want{{"direct", "The border stays open.", "Lee", "aLee", "told"}}},
		{"typographic marks", "“We are ready,” Prime Minister Sato said on Monday.", map[string]string{"Sato": "person"},
			[]want{{"direct", "We are ready", "Prime Minister Sato", "aSato", "said"}}},
		{"split by cue", `"We agree," she said, "but not today."`, map[string]string{"Park": "person"},
			[]want{{"direct", "We agree", "she", "", "said"}, {"direct", "but not today.", "she", "", "said"}}},
		{"pronoun resolved", `Park arrived in Tokyo. "We are friends," he said.`, map[string]string{"Park": "person"},
			[]want{{"direct", "We are friends", "he", "aPark", "said"}}},
		{"according to", `The plan is "dead on arrival", according to Senator Cole.`, map[string]string{"Cole": "person"},
			[]want{{"direct", "dead on arrival", "Senator Cole", "aCole", "according to"}}},
		{"appositive", `"No comment," Ivanov, a Kremlin aide, said.`, map[string]string{"Ivanov": "person"},
			[]want{{"direct", "No comment", "Ivanov", "aIvanov", "said"}}},
		{"carried to next quote", "\"We came to talk,\" Diaz said.\n\n\"We leave with a deal.\"", map[string]string{"Diaz": "person"},
			[]want{{"direct", "We came to talk", "Diaz", "aDiaz", "said"}, {"direct", "We leave with a deal.", "Diaz", "aDiaz", ""}}},
		{"multi-paragraph quote", "Obi said: \"First part.\n\n\"Second part.\"", map[string]string{"Obi": "person"},
			[]want{{"direct", "First part.\n\n\"Second part.", "Obi", "aObi", "said"}}},
		{"unclosed quote ends with paragraph", "He said \"this never ends\n\nNew paragraph.", nil,
			[]want{{"direct", "this never ends", "He", "", "said"}}},
		{"defended", "A former envoy said, \"He touts these operations in rallies.\"\n\n\nMendes, also on Twitter, defended his decision, \"As I have said before, we had no choice.\"", map[string]string{"Mendes": "person"},
			[]want{{"direct", "He touts these operations in rallies.", "A former envoy", "", "said"}, {"direct", "As I have said before, we had no choice.", "Mendes, also on Twitter", "aMendes", "defended"}}},
		{"has said", `"It is over," Mendes has said.`, map[string]string{"Mendes": "person"},
			[]want{{"direct", "It is over", "Mendes", "aMendes", "said"}}},
		{"nested single quotes", `"They called it 'a gift'," Ruiz said.`, map[string]string{"Ruiz": "person"},
			[]want{{"direct", "They called it 'a gift'", "Ruiz", "aRuiz", "said"}}},
		{"no speaker", `The word "truce" was not used.`, nil,
			[]want{{"direct", "truce", "", "", ""}}},
		{"indirect", "The ministry said that talks would resume.", map[string]string{"ministry": "agent"},
			[]want{{"indirect", "talks would resume", "The ministry", "aministry", "said"}}},
		{"clause is no speaker", `Lee thanked Tokyo and said "we are grateful."`, map[string]string{"Lee": "person", "Tokyo": "country"},
			[]want{{"direct", "we are grateful.", "Lee", "aLee", "said"}}},
		{"subject of a verb that is no cue", `"Enough," exporters have long complained.`, nil,
			[]want{{"direct", "Enough", "exporters", "", "complained"}}},
		{"credit line after a dash", "“Borders must be respected.” ― Maria Ortiz", map[string]string{"Ortiz": "person"},
			[]want{{"direct", "Borders must be respected.", "Maria Ortiz", "aOrtiz", "―"}}},
		{"cue in the next sentence", `"Does anyone know the plan?" Graham asked. "Neither do I."`, map[string]string{"Graham": "person"},
			[]want{{"direct", "Does anyone know the plan?", "Graham", "aGraham", "asked"}, {"direct", "Neither do I.", "Graham", "aGraham", ""}}},
		{"next sentence that goes on is no cue", `"Peace is near." Diaz said the talks failed.`, map[string]string{"Diaz": "person"},
			[]want{{"direct", "Peace is near.", "", "", ""}, {"indirect", "", "", "", ""}}[:1]},
		{"introduced by a colon", "Okafor continued:\n\n\"The deal holds.\"", map[string]string{"Okafor": "person"},
			[]want{{"direct", "The deal holds.", "Okafor", "aOkafor", "continued"}}},
		{"partial quote under a verb that is no cue", `Kerry condemned the test as a "brazen breach" of the accord.`, map[string]string{"Kerry": "person"},
			[]want{{"direct", "brazen breach", "Kerry", "aKerry", "condemned"}}},
		{"relative clause", `Ban, who called the test "reckless", left Seoul.`, map[string]string{"Ban": "person"},
			[]want{{"direct", "reckless", "Ban", "aBan", "called"}}},
		{"a partial quote a naming verb governs is the namer's", `In what Beijing called a warning to "separatist forces," Taiwan's ministry said.`,
			map[string]string{"Beijing": "country", "ministry": "agent"},
			[]want{{"direct", "separatist forces", "Beijing", "aBeijing", "called"}}},
		{"a subject that names no actor gives way to the speaker above", `The command said the drills tested its ability to strike "key targets."`,
			map[string]string{"command": "agent"},
			[]want{{"direct", "key targets.", "The command", "acommand", "said"}}},
		{"a subject that names no actor still speaks through a cue", `The court fined a teacher who posted that migrants should "burn alive."`,
			map[string]string{"court": "agent"},
			[]want{{"direct", "burn alive.", "a teacher", "", "posted"}}},
		{"asides between commas after the speaker's name", `"We will sue," Ana Cole, the attorney general of Utah, one of the states in the case, said on Monday.`,
			map[string]string{"Cole": "person"},
			[]want{{"direct", "We will sue", "Ana Cole", "aCole", "said"}}},
		{"an aside between the speaker and a cue before the quote", `Soon after, Ana Cole, who was an adviser to the mayor, tweeted this: "She did it again. It is misleading."`,
			map[string]string{"Cole": "person"},
			[]want{{"direct", "She did it again. It is misleading.", "Ana Cole", "aCole", "tweeted"}}},
		{"title of a show is no quote", `He spoke on "Face the Nation" on Sunday.`, nil, nil},
		{"number is no quote", `See "778257943577919488".`, nil, nil},
		{"affiliation in parentheses", `"Subpoenas are not optional," panel Chairman Rep. Ana Cole (R-Utah) said after the hearing.`, map[string]string{"Cole": "person"},
			[]want{{"direct", "Subpoenas are not optional", "panel Chairman Rep. Ana Cole", "aCole", "said"}}},
		{"no quotes", "Troops crossed the river.", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyze(t, tt.text, tt.actors)
			if len(doc.Quotes) != len(tt.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(doc.Quotes), doc.Quotes, len(tt.want))
			}
			for i, w := range tt.want {
				q := doc.Quotes[i]
				got := want{kind: q.Kind, text: q.Text}
				if q.Speaker != nil {
					got.speaker, got.actor = q.Speaker.Text, q.Speaker.Actor
				}
				if q.Cue != nil {
					got.cue = q.Cue.Text
				}
				if got != w {
					t.Errorf("quote %d = %+v, want %+v", i, got, w)
				}
				if tt.text[q.Start:q.End] != q.Text {
					t.Errorf("quote %d span %d:%d does not match its text", i, q.Start, q.End)
				}
			}
		})
	}
}

func FuzzQuotes(f *testing.F) {
	f.Add(`"A," he said, "B." "C`)
	f.Add("“x” ” “ \"\n\n\"y")
	f.Fuzz(func(t *testing.T, text string) {
		doc := dyad.NewDocument(&dyad.Article{Text: text})
		_ = (lang.Splitter{}).Process(doc)
		if err := (Stage{}).Process(doc); err != nil {
			t.Fatal(err)
		}
		for _, q := range doc.Quotes {
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End || text[q.Start:q.End] != q.Text {
				t.Fatalf("bad quote span %+v", q)
			}
			if sp := q.Speaker; sp != nil && (sp.Start < 0 || sp.End > len(text) || text[sp.Start:sp.End] != sp.Text) {
				t.Fatalf("bad speaker span %+v", sp)
			}
		}
	})
}

// TestSpeakersThroughActorLayer runs the real actor layer before the quote
// stage: pronoun speakers take its coreference, plural ones every actor.
func TestSpeakersThroughActorLayer(t *testing.T) {
	an, err := lang.Load()
	if err != nil {
		t.Fatal(err)
	}
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		quote      int
		speaker    string
		codes      []string // the speaker's code, then those in Also
	}{
		{"they after two officials",
			"Antony Blinken and Lloyd Austin arrived in Tokyo on Monday. \"We stand with Japan,\" they said.",
			0, "they", []string{"USAGOV", "USAGOVMIL"}},
		{"they after two ministers",
			"Japan's foreign minister and South Korea's foreign minister met in Seoul. \"We agree,\" they said.",
			0, "they", []string{"JPNGOV", "KORGOV"}},
		{"two names",
			"\"We stand together,\" Japan and South Korea said in a joint statement.",
			0, "Japan and South Korea", []string{"JPN", "KOR"}},
		{"she through coreference",
			"Japan's foreign minister met reporters in Tokyo. \"The talks were useful,\" she said.",
			0, "she", []string{"JPNGOV"}},
		{"a day the parser takes for a subject is no speaker",
			"This Wednesday Greek Foreign Minister Nikos Dendias emphasized the rules, saying \"The temple belongs to humanity.\"",
			0, "Greek Foreign Minister Nikos Dendias", []string{"GRCGOV"}},
		{"speaker carried to the next paragraph",
			"\"We came to talk,\" Antony Blinken said.\n\n\"We leave with a deal.\"",
			1, "Antony Blinken", []string{"USAGOV"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := dyad.NewDocument(&dyad.Article{Text: tt.text, Date: time.Date(2023, 5, 6, 0, 0, 0, 0, time.UTC)})
			for _, s := range []dyad.Stage{an, actors.New(k), Stage{}} {
				if err := s.Process(doc); err != nil {
					t.Fatal(err)
				}
			}
			if len(doc.Quotes) <= tt.quote || doc.Quotes[tt.quote].Speaker == nil {
				t.Fatalf("no speaker for quote %d in %+v", tt.quote, doc.Quotes)
			}
			sp := doc.Quotes[tt.quote].Speaker
			codes := []string{sp.Code}
			for _, a := range sp.Also {
				codes = append(codes, a.Code)
			}
			if sp.Text != tt.speaker || !slices.Equal(codes, tt.codes) {
				t.Errorf("speaker %q %v, want %q %v", sp.Text, codes, tt.speaker, tt.codes)
			}
		})
	}
}

func BenchmarkQuotes(b *testing.B) {
	an, err := lang.Load()
	if err != nil {
		b.Fatal(err)
	}
	k, err := kb.Load()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("\"We will not sign,\" Japan's foreign minister said on Monday, \"not this year.\" "+
		"Antony Blinken called the test \"a brazen breach\" of the accord.\n\n"+
		"\"Does anyone know the plan?\" Lee asked. \"Neither do I.\"\n\n"+
		"The ministry said that talks would resume.\n\n", 5)
	doc := dyad.NewDocument(&dyad.Article{Text: text, Date: time.Date(2023, 5, 6, 0, 0, 0, 0, time.UTC)})
	for _, s := range []dyad.Stage{an, actors.New(k)} {
		if err := s.Process(doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	quotes := 0
	for b.Loop() {
		doc.Quotes = doc.Quotes[:0]
		if err := (Stage{}).Process(doc); err != nil {
			b.Fatal(err)
		}
		quotes += len(doc.Quotes)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(quotes)/b.Elapsed().Seconds(), "quotes/s")
}
