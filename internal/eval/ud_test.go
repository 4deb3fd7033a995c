package eval

import (
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/shareddata"
)

// sentence builds a sentence from lines "FORM LEMMA UPOS XPOS HEAD DEPREL".
func sentence(t *testing.T, id string, words ...string) *conllu.Sentence {
	t.Helper()
	s := &conllu.Sentence{Comments: []string{"sent_id = " + id}}
	for i, w := range words {
		f := strings.Fields(w)
		if len(f) != 6 {
			t.Fatalf("bad test word %q", w)
		}
		head, err := strconv.Atoi(f[4])
		if err != nil {
			t.Fatalf("bad test head %q", w)
		}
		s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: f[0], Lemma: f[1], UPOS: f[2], XPOS: f[3], Head: head, Deprel: f[5]})
	}
	return s
}

func TestScoreParse(t *testing.T) {
	gold := func(t *testing.T) []*conllu.Sentence {
		return []*conllu.Sentence{
			sentence(t, "a-1",
				"Seoul Seoul PROPN NNP 2 nsubj",
				"protested protest VERB VBD 0 root",
				"Tokyo's Tokyo PROPN NNP 4 nmod:poss",
				"move move NOUN NN 2 obj",
				". . PUNCT . 2 punct"),
			sentence(t, "a-2",
				"Talks talk NOUN NNS 2 nsubj",
				"resume _ VERB VBP 0 root",
				"today today NOUN NN 2 obl:tmod",
				". . PUNCT . 2 punct"),
		}
	}
	tests := []struct {
		name    string
		edit    func(p []*conllu.Sentence) []*conllu.Sentence
		dropIDs bool // remove the gold sent_id comments
		want    ParseScores
		wantErr string
	}{
		{name: "perfect", edit: func(p []*conllu.Sentence) []*conllu.Sentence { return p },
			want: ParseScores{Words: 9, UPOS: 1, XPOS: 1, Lemma: 1, UAS: 1, LAS: 1}},
		{name: "label subtype ignored", edit: func(p []*conllu.Sentence) []*conllu.Sentence {
			p[0].Words[2].Deprel = "nmod"
			p[1].Words[2].Deprel = "obl:npmod"
			return p
		}, want: ParseScores{Words: 9, UPOS: 1, XPOS: 1, Lemma: 1, UAS: 1, LAS: 1}},
		{name: "wrong label", edit: func(p []*conllu.Sentence) []*conllu.Sentence {
			p[0].Words[3].Deprel = "obl"
			return p
		}, want: ParseScores{Words: 9, UPOS: 1, XPOS: 1, Lemma: 1, UAS: 1, LAS: 8.0 / 9}},
		{name: "wrong head", edit: func(p []*conllu.Sentence) []*conllu.Sentence {
			p[0].Words[4].Head = 4 // and its label right: LAS counts it wrong too
			p[1].Words[0].Head = 3
			return p
		}, want: ParseScores{Words: 9, UPOS: 1, XPOS: 1, Lemma: 1, UAS: 7.0 / 9, LAS: 7.0 / 9}},
		{name: "tags and lemmas", edit: func(p []*conllu.Sentence) []*conllu.Sentence {
			p[0].Words[0].UPOS = "NOUN"
			p[0].Words[1].XPOS = "VBN"
			p[0].Words[1].Lemma = "protested"
			p[1].Words[1].Lemma = "resume" // gold "_": right whatever is predicted
			return p
		}, want: ParseScores{Words: 9, UPOS: 8.0 / 9, XPOS: 8.0 / 9, Lemma: 8.0 / 9, UAS: 1, LAS: 1}},
		{name: "mismatch form", edit: func(p []*conllu.Sentence) []*conllu.Sentence {
			p[1].Words[0].Form = "talks"
			return p
		}, wantErr: "sentence a-2"},
		{name: "mismatch word count", edit: func(p []*conllu.Sentence) []*conllu.Sentence {
			p[0].Words = p[0].Words[:4]
			return p
		}, wantErr: "sentence a-1"},
		{name: "mismatch sentence count", edit: func(p []*conllu.Sentence) []*conllu.Sentence {
			return p[:1]
		}, wantErr: "2 gold sentences, 1 predicted"},
		{name: "mismatch without sent_id", edit: func(p []*conllu.Sentence) []*conllu.Sentence {
			p[1].Words[3].Form = "!"
			return p
		}, dropIDs: true, wantErr: "sentence 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gold(t)
			if tt.dropIDs {
				for _, s := range g {
					s.Comments = nil
				}
			}
			got, err := ScoreParse(g, tt.edit(gold(t)))
			if tt.wantErr != "" {
				if !errors.Is(err, ErrMismatch) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want ErrMismatch naming %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !closeScores(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func closeScores(a, b ParseScores) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-9 }
	return a.Words == b.Words && near(a.UPOS, b.UPOS) && near(a.XPOS, b.XPOS) && near(a.Lemma, b.Lemma) &&
		near(a.UAS, b.UAS) && near(a.LAS, b.LAS)
}

func TestScoreParseEmpty(t *testing.T) {
	got, err := ScoreParse(nil, nil)
	if err != nil || got != (ParseScores{}) {
		t.Errorf("ScoreParse(nil, nil) = %+v, %v; want zero scores", got, err)
	}
}

// TestScoreParseEWT scores the EWT test set against itself: every word of a
// real treebank, multiword tokens and "_" lemmas included, is right.
func TestScoreParseEWT(t *testing.T) {
	path := shareddata.Path(t, "ud-en-ewt", "en_ewt-ud-test.conllu")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := conllu.ReadAll(f, path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ScoreParse(gold, gold)
	if err != nil {
		t.Fatal(err)
	}
	if want := (ParseScores{Words: got.Words, UPOS: 1, XPOS: 1, Lemma: 1, UAS: 1, LAS: 1}); got != want || got.Words < 25000 {
		t.Errorf("gold against itself: %+v", got)
	}
}
