package parser

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/shareddata"
)

func load(t testing.TB, name string) []*conllu.Sentence {
	t.Helper()
	ss, err := conllu.ReadFile(shareddata.Path(t, "ud-en-ewt", name))
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

func TestTrainEWT(t *testing.T) {
	if os.Getenv("DYAD_TRAIN") == "" {
		t.Skip("set DYAD_TRAIN=1 to train")
	}
	train := load(t, "en_ewt-ud-train.conllu")
	dev := load(t, "en_ewt-ud-dev.conllu")
	p, err := Train(train, TrainOptions{Epochs: 10, Log: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	uas, las := p.Score(dev, nil, nil)
	t.Logf("dev (gold tags) UAS %.4f LAS %.4f; %d features %d weights", uas, las, p.model.Features(), p.model.Weights())
}

// TestOracleRebuildsGold follows the zero-cost transitions of the dynamic
// oracle on every projective training tree and checks that they build it
// exactly: the property the training relies on.
func TestOracleRebuildsGold(t *testing.T) {
	sents := load(t, "en_ewt-ud-dev.conllu")
	labels := map[string]int{"root": 0, "dep": 1}
	for _, s := range sents {
		for _, w := range s.Words {
			if _, ok := labels[w.Deprel]; !ok {
				labels[w.Deprel] = len(labels)
			}
		}
	}
	classes := 2 + 2*len(labels)
	checked := 0
	for _, s := range sents {
		var words []Word
		var g gold
		for _, w := range s.Words {
			words = append(words, Word{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS})
			g.heads = append(g.heads, w.Head)
			g.rels = append(g.rels, labels[w.Deprel])
		}
		if !projective(g.heads) || roots(g.heads) != 1 {
			continue
		}
		st := newState(words)
		for !st.terminal() {
			next := -1
			for tr := range classes {
				if st.legal(tr, 0) && g.cost(st, tr) == 0 {
					next = tr
					break
				}
			}
			if next < 0 {
				t.Fatalf("%s: no zero-cost transition", s.Comments[0])
			}
			st.apply(next, 0)
		}
		st.finish(0, 1, 1)
		for i, h := range g.heads {
			if st.head[i+1] != h || st.label[i+1] != g.rels[i] {
				t.Fatalf("%s: word %d got head %d label %d, gold %d %d", s.Comments[0], i+1, st.head[i+1], st.label[i+1], h, g.rels[i])
			}
		}
		checked++
	}
	if checked < 1900 {
		t.Errorf("checked only %d trees", checked)
	}
}

func TestProjective(t *testing.T) {
	tests := []struct {
		heads []int
		want  bool
	}{
		{[]int{2, 0, 2}, true},
		{[]int{0, 1, 1, 3}, true},
		{[]int{3, 4, 0, 3}, false}, // 1→3 crosses 2→4
		{[]int{0}, true},
	}
	for _, tt := range tests {
		if got := projective(tt.heads); got != tt.want {
			t.Errorf("projective(%v) = %v", tt.heads, got)
		}
	}
}

// TestTrainSmall trains on a slice of the treebank and checks that the
// model learns and survives writing and reading.
func TestTrainSmall(t *testing.T) {
	train := load(t, "en_ewt-ud-train.conllu")[:1000]
	dev := load(t, "en_ewt-ud-dev.conllu")[:300]
	p, err := Train(train, TrainOptions{Epochs: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	uas, las := p.Score(dev, nil, nil)
	if uas < 0.65 || las < 0.55 {
		t.Errorf("UAS %.3f LAS %.3f after 1000 sentences", uas, las)
	}
	checkScorer(t, p, dev)
	var a, b bytes.Buffer
	if _, err := p.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	q, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	q.WriteTo(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("write, read, write changed the bytes")
	}
	if u2, _ := q.Score(dev, nil, nil); u2 < uas-0.005 {
		t.Errorf("read model UAS %.4f, trained %.4f", u2, uas)
	}
}

// checkScorer follows the parses of sents and checks at every state that the
// scorer, which reuses the partial scores of the buffer's and the stack
// top's features, scores each transition as all the features together do.
func checkScorer(t *testing.T, p *Parser, sents []*conllu.Sentence) {
	t.Helper()
	want := make([]float32, 2+2*len(p.labels))
	states := 0
	for _, s := range sents {
		var words []Word
		for _, w := range s.Words {
			words = append(words, Word{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS})
		}
		st := newState(words)
		sc := p.newScorer(st.n)
		for !st.terminal() {
			p.model.Scores(st.features(nil), want)
			got := sc.scores(st)
			for c := range want {
				if d := got[c] - want[c]; d > 1e-3 || d < -1e-3 {
					t.Fatalf("sentence %q, state %d: transition %d scored %g, all features give %g", s.Text(), states, c, got[c], want[c])
				}
			}
			st.apply(p.bestLegal(st, want), p.root)
			states++
		}
	}
	if states < 1000 {
		t.Fatalf("only %d states checked", states)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte("dyadDEP1\x02\x03dep\x04root"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Read(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, ErrModel) {
				t.Fatalf("error %v is not ErrModel", err)
			}
			return
		}
		heads, rels := make([]int, 2), make([]int, 2)
		p.Parse([]Word{{Form: "a"}, {Form: "b"}}, heads, rels)
	})
}
