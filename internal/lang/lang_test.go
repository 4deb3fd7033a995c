package lang

import (
	"strings"
	"testing"
	"unicode"

	"github.com/dyadproject/dyad"
)

func tokens(text string) []string {
	var out []string
	for _, t := range Tokenize(text, 0, len(text), nil) {
		out = append(out, t.Text)
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // tokens joined by "|"
	}{
		{"plain", "Troops crossed the river.", "Troops|crossed|the|river|."},
		{"dotted acronym", "The U.S. and U.K. agreed.", "The|U.S.|and|U.K.|agreed|."},
		{"titles", "Gen. Park met Sen. Lee and Dr. Kim.", "Gen.|Park|met|Sen.|Lee|and|Dr.|Kim|."},
		{"month abbreviation", "On Jan. 5 talks began.", "On|Jan.|5|talks|began|."},
		{"initial", "John F. Kennedy spoke.", "John|F.|Kennedy|spoke|."},
		{"possessive", "France's foreign minister", "France|'s|foreign|minister"},
		{"typographic possessive", "Seoul’s envoy", "Seoul|’s|envoy"},
		{"plural possessive", "the ministers' talks", "the|ministers|'|talks"},
		{"negation", "He didn't attack and can't", "He|did|n't|attack|and|ca|n't"},
		{"numbers", "1,200 troops, 3.5% growth, 24/7, 10:30", "1,200|troops|,|3.5|%|growth|,|24/7|,|10:30"},
		{"iso date", "on 2026-05-06.", "on|2026-05-06|."},
		{"hyphenated", "the Indo-Pacific and ex-president", "the|Indo|-|Pacific|and|ex-president"},
		{"fused", "We cannot go", "We|can|not|go"},
		{"phone number", "call 713-853-4411", "call|713-853-4411"},
		{"straight quotes", `"We will respond," he said.`, `"|We|will|respond|,|"|he|said|.`},
		{"curly quotes", "“We will respond,” he said.", "“|We|will|respond|,|”|he|said|."},
		{"single quotes", "‘no deal’", "‘|no|deal|’"},
		{"url", "See https://example.org/a?b=1.", "See|https://example.org/a?b=1|."},
		{"domain", "reported by reuters.com today", "reported|by|reuters.com|today"},
		{"email", "write to press@un.org now", "write|to|press@un.org|now"},
		{"dashes", "talks -- and more — later", "talks|--|and|more|—|later"},
		{"ellipsis", "wait... what", "wait|...|what"},
		{"a.m.", "at 9 a.m. Monday", "at|9|a.m.|Monday"},
		{"non-latin", "Москва и Київ", "Москва|и|Київ"},
		{"ampersand", "AT&T said", "AT&T|said"},
		{"sentence end no abbreviation", "end.Next", "end|.|Next"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(tokens(tt.text), "|")
			if got != tt.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func split(text string, skip ...dyad.Span) []string {
	doc := dyad.NewDocument(&dyad.Article{Text: text, Skip: skip})
	if err := (Splitter{}).Process(doc); err != nil {
		panic(err)
	}
	var out []string
	for _, s := range doc.Sentences {
		out = append(out, doc.Text(s.Span))
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		skip []dyad.Span
		want []string
	}{
		{"two sentences", "Talks began. They ended.", nil, []string{"Talks began.", "They ended."}},
		{"title abbreviation", "Gen. Park arrived. Sen. Lee left.", nil, []string{"Gen. Park arrived.", "Sen. Lee left."}},
		{"U.S. mid-sentence", "The U.S. Navy sailed.", nil, []string{"The U.S. Navy sailed."}},
		{"U.S. at end", "He flew to the U.S. The talks start Monday.", nil,
			[]string{"He flew to the U.S.", "The talks start Monday."}},
		{"month then number", "On Jan. 5 the talks began.", nil, []string{"On Jan. 5 the talks began."}},
		{"initials", "John F. Kennedy spoke. Crowds cheered.", nil, []string{"John F. Kennedy spoke.", "Crowds cheered."}},
		{"quote closes sentence", `He said "no." Then he left.`, nil, []string{`He said "no."`, "Then he left."}},
		{"question inside quote", `"Why now?" she asked.`, nil, []string{`"Why now?" she asked.`}},
		{"curly quote next sentence", "They met. “We agree,” he said.", nil, []string{"They met.", "“We agree,” he said."}},
		{"paragraphs", "First paragraph\n\nSecond one.", nil, []string{"First paragraph", "Second one."}},
		{"single newline after sentence", "One ends.\nTwo starts.", nil, []string{"One ends.", "Two starts."}},
		{"wrapped line", "The minister said that the\ntalks would go on.", nil, []string{"The minister said that the\ntalks would go on."}},
		{"dateline skipped", "SEOUL, March 17 (Yonhap) -- Talks began.", []dyad.Span{{Start: 0, End: 28}}, []string{"Talks began."}},
		{"exclamation", "Stop! Now.", nil, []string{"Stop!", "Now."}},
		{"a.m. mid-sentence", "At 9 a.m. Monday troops moved.", nil, []string{"At 9 a.m. Monday troops moved."}},
		{"number after period", "Results came. 12 died.", nil, []string{"Results came.", "12 died."}},
		{"empty", "", nil, nil},
		{"only whitespace", " \n\n\t ", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := split(tt.text, tt.skip...)
			if strings.Join(got, "‖") != strings.Join(tt.want, "‖") {
				t.Errorf("sentences of %q\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// FuzzSplitter checks the layer's invariants on any text.
func FuzzSplitter(f *testing.F) {
	for _, s := range []string{"The U.S. said. “No,” he said.", "a\n\nb", "Mr. X's 1,200 ... e.g. www.x.org", "\xff\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := dyad.NewDocument(&dyad.Article{Text: text})
		if err := (Splitter{}).Process(doc); err != nil {
			t.Fatal(err)
		}
		prev := 0
		for i, tk := range doc.Tokens {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) || tk.Text != text[tk.Start:tk.End] {
				t.Fatalf("token %d %+v out of order or wrong text", i, tk)
			}
			if strings.IndexFunc(tk.Text, unicode.IsSpace) >= 0 {
				t.Fatalf("token %q contains whitespace", tk.Text)
			}
			prev = tk.End
		}
		next := 0
		for i, s := range doc.Sentences {
			if s.FirstToken != next || s.EndToken <= s.FirstToken {
				t.Fatalf("sentence %d does not continue the tokens: %+v", i, s)
			}
			if s.Start != doc.Tokens[s.FirstToken].Start || s.End != doc.Tokens[s.EndToken-1].End {
				t.Fatalf("sentence %d span does not match its tokens", i)
			}
			next = s.EndToken
		}
		if next != len(doc.Tokens) {
			t.Fatalf("%d tokens outside sentences", len(doc.Tokens)-next)
		}
	})
}
