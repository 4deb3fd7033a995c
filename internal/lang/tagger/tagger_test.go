package tagger

import (
	"os"
	"testing"

	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/shareddata"
)

func load(t testing.TB, name string) []*conllu.Sentence {
	t.Helper()
	path := shareddata.Path(t, "ud-en-ewt", name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ss, err := conllu.ReadAll(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

func TestTrainEWT(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model")
	}
	train := load(t, "en_ewt-ud-train.conllu")
	dev := load(t, "en_ewt-ud-dev.conllu")
	test := load(t, "en_ewt-ud-test.conllu")
	tg, err := Train(train, dev, TrainOptions{Epochs: 8, Folds: 4, Log: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	up, xp := tg.Accuracy(test)
	t.Logf("test UPOS %.4f XPOS %.4f", up, xp)
}
