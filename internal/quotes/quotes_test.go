package quotes

import (
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
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
