package parser

import (
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
