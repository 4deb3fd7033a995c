package train

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/eval"
	"github.com/dyadproject/dyad/internal/lang"
	"github.com/dyadproject/dyad/internal/shareddata"
)

// TestPruneExperiment reports dev accuracy and speed of the models pruned
// at several thresholds; set DYAD_EXPERIMENT=1.
func TestPruneExperiment(t *testing.T) {
	if os.Getenv("DYAD_EXPERIMENT") == "" {
		t.Skip("set DYAD_EXPERIMENT=1")
	}
	dev, err := conllu.ReadFile(shareddata.Path(t, "ud-en-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	an, err := lang.Load()
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, s := range dev {
		text.WriteString(s.Text())
		text.WriteString(" ")
	}
	for _, c := range []struct{ tagger, parser float32 }{{0, 0}, {1, 0}, {2, 0}, {0, 1.5}, {1, 1.5}, {2, 1.5}} {
		pa := an.WithPrunedTagger(c.tagger).WithPrunedParser(c.parser)
		sc, err := eval.Language(pa, dev)
		if err != nil {
			t.Fatal(err)
		}
		doc := dyad.NewDocument(&dyad.Article{Text: text.String()})
		t0 := time.Now()
		pa.Process(doc)
		rate := float64(len(doc.Tokens)) / time.Since(t0).Seconds()
		t.Logf("prune tagger %.1f parser %.1f: UPOS %.4f XPOS %.4f UAS %.4f LAS %.4f; %.0f tokens/s", c.tagger, c.parser,
			sc.UPOS, sc.XPOS, sc.UAS, sc.LAS, rate)
	}
}
