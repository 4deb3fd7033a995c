package train

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyadproject/dyad/internal/lang"
	"github.com/dyadproject/dyad/internal/shareddata"
)

// TestDeterministic runs the whole training procedure twice on a slice of
// the treebank and checks that it writes the same models, which load and
// parse.
func TestDeterministic(t *testing.T) {
	shareddata.Path(t, "ud-en-ewt", "en_ewt-ud-train.conllu")
	data, _ := shareddata.Dir()
	opt := Options{Data: data, Seed: 3, TaggerEpochs: 2, TaggerFolds: 2, ParserEpochs: 2, ParserPrune: 0.5, NEREpochs: 2, NERFolds: 2,
		Limit: 600, Command: "test"}
	var outs [2]string
	for i := range outs {
		outs[i] = t.TempDir()
		o := opt
		o.Out = outs[i]
		scores, err := Run(o)
		if err != nil {
			t.Fatal(err)
		}
		if len(scores) != 2 || scores[0].UAS <= 0.3 || scores[0].UPOS <= 0.7 || scores[0].NER.F1 <= 0.2 || scores[0].NER.Gold == 0 {
			t.Fatalf("scores %+v", scores)
		}
	}
	for _, name := range []string{"tagger.bin.gz", "lemma.bin.gz", "parser.bin.gz", "ner.bin.gz"} {
		a, err1 := os.ReadFile(filepath.Join(outs[0], name))
		b, err2 := os.ReadFile(filepath.Join(outs[1], name))
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs (%v %v)", name, err1, err2)
		}
	}
	an, err := lang.LoadFS(os.DirFS(outs[0]))
	if err != nil {
		t.Fatal(err)
	}
	if s := an.ParseWords([]string{"Troops", "left", "."}); len(s.Words) != 3 || s.Words[1].Head != 0 && s.Words[0].Head != 0 && s.Words[2].Head != 0 {
		t.Errorf("parse %+v", s.Words)
	}
	prov, err := os.ReadFile(filepath.Join(outs[0], "PROVENANCE.md"))
	if err != nil || !bytes.Contains(prov, []byte("| test |")) || !bytes.Contains(prov, []byte("SHA-256")) ||
		!bytes.Contains(prov, []byte("## Named entities")) {
		t.Errorf("provenance:\n%s", prov)
	}
}
