package tagger

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

// TestTrainEWT trains a tagger on the full treebank (minutes); the
// embedded model's accuracy is asserted in internal/eval.
func TestTrainEWT(t *testing.T) {
	if os.Getenv("DYAD_TRAIN") == "" {
		t.Skip("set DYAD_TRAIN=1 to train on EWT")
	}
	train := load(t, "en_ewt-ud-train.conllu")
	dev := load(t, "en_ewt-ud-dev.conllu")
	test := load(t, "en_ewt-ud-test.conllu")
	tg, _, err := Train(train, dev, TrainOptions{Epochs: 8, Folds: 4, Log: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	up, xp := tg.Accuracy(test)
	t.Logf("test UPOS %.4f XPOS %.4f", up, xp)
}

// TestTrainSmall trains on a slice of the treebank and checks that the model
// learns, writes and reads back to the same tags.
func TestTrainSmall(t *testing.T) {
	train := load(t, "en_ewt-ud-train.conllu")[:1500]
	dev := load(t, "en_ewt-ud-dev.conllu")[:300]
	tg, jack, err := Train(train, nil, TrainOptions{Epochs: 3, Folds: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(jack) != len(train) || len(jack[7]) != len(train[7].Words) {
		t.Fatalf("jackknifed tags for %d sentences", len(jack))
	}
	up, xp := tg.Accuracy(dev)
	if up < 0.80 || xp < 0.78 {
		t.Errorf("UPOS %.3f XPOS %.3f after training on 1500 sentences", up, xp)
	}
	var a, b bytes.Buffer
	if _, err := tg.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	tg2, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	tg2.WriteTo(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("write, read, write changed the bytes")
	}
	if up2, xp2 := tg2.Accuracy(dev); up2 != up && up2 < up-0.002 || xp2 < xp-0.002 {
		t.Errorf("read model: UPOS %.4f XPOS %.4f, trained %.4f %.4f", up2, xp2, up, xp)
	}
	again, _, _ := Train(train, nil, TrainOptions{Epochs: 3, Folds: 2})
	var c bytes.Buffer
	again.WriteTo(&c)
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("training twice gave different models")
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte("dyadTAG2\x01\x04NOUN\x02NN\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tg, err := Read(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, ErrModel) {
				t.Fatalf("error %v is not ErrModel", err)
			}
			return
		}
		out := make([]int, 2)
		tg.Tag([]string{"a", "b"}, out)
	})
}
