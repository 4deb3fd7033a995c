package lang

import (
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/lang/ner"
	"github.com/dyadproject/dyad/internal/lang/parser"
	"github.com/dyadproject/dyad/internal/sample"
)

const benchText = `France's foreign minister and its defence minister wrote in a newspaper on Monday that partnerships with India and Australia "multiply what we can do". The foreign minister arrived in New Delhi earlier in the day for talks with his Indian counterpart; both ministers are due in Canberra on Thursday. "Some powers are all too ready to bully their neighbours," they wrote, vowing to hold Moscow to account for the abduction of children from occupied regions of Ukraine.`

func TestAnalyzer(t *testing.T) {
	an, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := dyad.NewDocument(&dyad.Article{Text: "Russia attacked Ukraine on Monday."})
	if err := an.Process(doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tk := range doc.Tokens {
		head := "ROOT"
		if tk.Head >= 0 {
			head = doc.Tokens[tk.Head].Text
		}
		got = append(got, tk.Text+"/"+tk.UPOS+"/"+tk.Lemma+"/"+tk.Rel+">"+head)
	}
	want := "Russia/PROPN/Russia/nsubj>attacked attacked/VERB/attack/root>ROOT Ukraine/PROPN/Ukraine/obj>attacked on/ADP/on/case>Monday Monday/PROPN/Monday/obl>attacked ./PUNCT/./punct>attacked"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}

func TestAnalyzerEntities(t *testing.T) {
	an, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []string // "text/TYPE"
	}{
		{"Russia attacked Ukraine on Monday.", []string{"Russia/LOC", "Ukraine/LOC"}},
		{"Angela Merkel met Emmanuel Macron in Berlin. The talks ended.",
			[]string{"Angela Merkel/PER", "Emmanuel Macron/PER", "Berlin/LOC"}},
		{"the talks ended without a deal.", nil},
	} {
		doc := dyad.NewDocument(&dyad.Article{Text: tc.text})
		if err := an.Process(doc); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range doc.Entities {
			got = append(got, doc.Text(e.Span)+"/"+e.Type)
			first, last := doc.Tokens[e.First], doc.Tokens[e.End-1]
			if first.Start != e.Span.Start || last.End != e.Span.End || doc.SentenceAt(e.Start) != e.Sentence {
				t.Errorf("%q: entity %+v disagrees with its tokens or sentence", tc.text, e)
			}
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%q: entities %q, want %q", tc.text, got, tc.want)
		}
	}
	words := strings.Fields("The United Nations sent aid to Haiti .")
	if got := strings.Join(an.LabelEntities(words), " "); got != "O B-ORG I-ORG O O O B-LOC O" {
		t.Errorf("LabelEntities: %s", got)
	}
}

func BenchmarkAnalyzer(b *testing.B) {
	an, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(benchText+"\n\n", 10)
	tokens := 0
	b.ReportAllocs()
	for b.Loop() {
		doc := dyad.NewDocument(&dyad.Article{Text: text})
		an.Process(doc)
		tokens += len(doc.Tokens)
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

// checkTrees verifies the layer's tree invariants on a processed document.
func checkTrees(t *testing.T, doc *dyad.Document) {
	t.Helper()
	for si, s := range doc.Sentences {
		roots := 0
		for k := s.FirstToken; k < s.EndToken; k++ {
			tk := doc.Tokens[k]
			if tk.UPOS == "" || tk.XPOS == "" || tk.Lemma == "" || tk.Rel == "" {
				t.Fatalf("sentence %d token %q lacks annotations: %+v", si, tk.Text, tk)
			}
			if tk.Head == -1 {
				roots++
				continue
			}
			if tk.Head < s.FirstToken || tk.Head >= s.EndToken || tk.Head == k {
				t.Fatalf("sentence %d token %q has head %d outside [%d,%d)", si, tk.Text, tk.Head, s.FirstToken, s.EndToken)
			}
			// Walking up must reach the root within the sentence's length.
			h, steps := k, 0
			for h != -1 && steps <= s.EndToken-s.FirstToken {
				h = doc.Tokens[h].Head
				steps++
			}
			if h != -1 {
				t.Fatalf("sentence %d: cycle through token %q", si, tk.Text)
			}
		}
		if roots != 1 {
			t.Fatalf("sentence %d has %d roots", si, roots)
		}
	}
}

func TestTreeInvariants(t *testing.T) {
	an, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{benchText, "Yes.", "!!! ??? ...", "a", strings.Repeat("word ", 300)} {
		doc := dyad.NewDocument(&dyad.Article{Text: text})
		if err := an.Process(doc); err != nil {
			t.Fatal(err)
		}
		checkTrees(t, doc)
	}
}

func FuzzAnalyzer(f *testing.F) {
	f.Add(benchText)
	f.Add("\"A,\" he said. \"B\" -- C's d'e f-g 1,2 U.S. www.x.org")
	an, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := dyad.NewDocument(&dyad.Article{Text: text})
		if err := an.Process(doc); err != nil {
			t.Fatal(err)
		}
		checkTrees(t, doc)
	})
}

// benchDocs returns the sample news as documents.
func benchDocs(b *testing.B) []*dyad.Document {
	var docs []*dyad.Document
	for _, f := range sample.Files() {
		docs = append(docs, dyad.NewDocument(&dyad.Article{Text: string(f.Data)}))
	}
	return docs
}

// BenchmarkSteps measures each step of the layer alone on the sample news,
// in tokens/s on one core, with allocations.
func BenchmarkSteps(b *testing.B) {
	an, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	docs := benchDocs(b)
	var sents [][]string
	var tagged [][]parser.Word
	tokens := 0
	for _, d := range docs {
		an.Process(d)
		tokens += len(d.Tokens)
		for i := range d.Sentences {
			var ws []string
			var pw []parser.Word
			for _, t := range d.SentenceTokens(i) {
				ws = append(ws, t.Text)
				pw = append(pw, parser.Word{Form: t.Text, UPOS: t.UPOS, XPOS: t.XPOS, Class: an.tagger.Ambiguity(t.Text)})
			}
			sents = append(sents, ws)
			tagged = append(tagged, pw)
		}
	}
	report := func(b *testing.B) {
		b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	}
	b.Run("tokenize+split", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				(Splitter{}).Process(dyad.NewDocument(d.Article))
			}
		}
		report(b)
	})
	b.Run("tag", func(b *testing.B) {
		b.ReportAllocs()
		out := make([]int, 512)
		for b.Loop() {
			for _, ws := range sents {
				an.tagger.Tag(ws, out)
			}
		}
		report(b)
	})
	b.Run("lemmatize", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, pw := range tagged {
				for _, w := range pw {
					an.lemma.Lemma(w.Form, w.UPOS, w.XPOS)
				}
			}
		}
		report(b)
	})
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		heads, rels := make([]int, 512), make([]int, 512)
		for b.Loop() {
			for _, pw := range tagged {
				an.parser.Parse(pw, heads, rels)
			}
		}
		report(b)
	})
	b.Run("ner", func(b *testing.B) {
		b.ReportAllocs()
		out := make([]int, 512)
		nws := make([][]ner.Word, len(tagged))
		for i, pw := range tagged {
			for _, w := range pw {
				nws[i] = append(nws[i], ner.Word{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS})
			}
		}
		var s ner.Scratch
		for b.Loop() {
			for _, ws := range nws {
				an.ner.Label(ws, out, &s)
			}
		}
		report(b)
	})
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				an.Process(dyad.NewDocument(d.Article))
			}
		}
		report(b)
	})
}
