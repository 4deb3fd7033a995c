// Package train rebuilds dyad's language models from Universal Dependencies
// English EWT: the tagger, the lemmatizer, the parser and the named-entity
// recognizer, trained in that order (the parser and the recognizer learn on
// tags that jackknifed taggers predicted; the recognizer on Universal NER's
// labels of the same sentences), then evaluated on the dev and test sets
// with predicted tags, and written,
// gzip-compressed, with a provenance file that records the data, the
// command, the settings and the scores. Training is deterministic: the same
// data and options give the same bytes.
package train

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/eval"
	"github.com/dyadproject/dyad/internal/lang"
	"github.com/dyadproject/dyad/internal/lang/lemma"
	"github.com/dyadproject/dyad/internal/lang/parser"
	"github.com/dyadproject/dyad/internal/lang/tagger"
)

// Options controls a training run.
type Options struct {
	Data         string // the shared data folder (holding ud-en-ewt)
	Out          string // where the models and PROVENANCE.md go
	Seed         uint64
	TaggerEpochs int
	TaggerFolds  int
	ParserEpochs int
	ParserPrune  float32
	NEREpochs    int
	NERFolds     int
	NERPrune     float32
	Log          io.Writer
	Command      string // the command line, for the provenance file
	// Limit, when above 0, uses only the first Limit sentences of each
	// set: for quick tests of the procedure, not for models to ship.
	Limit int
}

// Defaults are the settings of the committed models.
var Defaults = Options{Seed: 0, TaggerEpochs: 8, TaggerFolds: 4, ParserEpochs: 15, ParserPrune: 1, NEREpochs: 8,
	NERFolds: 4, NERPrune: 0.5}

// Scores are what a run measured on one set.
type Scores struct {
	Set string
	eval.LanguageScores
	// NER is the recognizer's score on the Universal NER labels of the
	// same sentences.
	NER eval.NERScores
}

// Run trains, evaluates and writes the models.
func Run(opt Options) ([]Scores, error) {
	start := time.Now()
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", args...)
		}
	}
	dir := filepath.Join(opt.Data, "ud-en-ewt")
	sets := map[string][]*conllu.Sentence{}
	hashes := map[string]string{}
	for _, name := range []string{"train", "dev", "test"} {
		path := filepath.Join(dir, "en_ewt-ud-"+name+".conllu")
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("train: %w", err)
		}
		sum := sha256.Sum256(data)
		hashes[name] = hex.EncodeToString(sum[:])
		ss, err := conllu.ReadAll(bytes.NewReader(data), path)
		if err != nil {
			return nil, fmt.Errorf("train: %w", err)
		}
		if opt.Limit > 0 && len(ss) > opt.Limit {
			ss = ss[:opt.Limit]
		}
		sets[name] = ss
	}
	logf("read EWT: %d train, %d dev, %d test sentences", len(sets["train"]), len(sets["dev"]), len(sets["test"]))

	tg, jack, err := tagger.Train(sets["train"], nil, tagger.TrainOptions{Epochs: opt.TaggerEpochs, Folds: opt.TaggerFolds,
		Seed: opt.Seed, Log: opt.Log})
	if err != nil {
		return nil, err
	}
	lm := lemma.Train(sets["train"])
	var trainTags [][]parser.Word
	for _, ts := range jack {
		row := make([]parser.Word, len(ts))
		for i, t := range ts {
			row[i] = parser.Word{UPOS: t.UPOS, XPOS: t.XPOS}
		}
		trainTags = append(trainTags, row)
	}
	ps, err := parser.Train(sets["train"], parser.TrainOptions{Epochs: opt.ParserEpochs, Seed: opt.Seed,
		Prune: opt.ParserPrune, Tags: trainTags, Class: tg.Ambiguity, Log: opt.Log})
	if err != nil {
		return nil, err
	}
	nm, nerSets, err := trainNER(opt, sets["train"], jack, tg, hashes)
	if err != nil {
		return nil, err
	}
	models := map[string]io.WriterTo{"tagger.bin.gz": tg, "lemma.bin.gz": lm, "parser.bin.gz": ps, "ner.bin.gz": nm}
	sizes := map[string]int{}
	for name, m := range models {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		if _, err := m.WriteTo(zw); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		sizes[name] = buf.Len()
		if err := os.WriteFile(filepath.Join(opt.Out, name), buf.Bytes(), 0o644); err != nil {
			return nil, err
		}
	}
	// Score the models as the binary will load them, from the written
	// bytes: storage rounds their weights.
	an, err := lang.LoadFS(os.DirFS(opt.Out))
	if err != nil {
		return nil, err
	}
	var scores []Scores
	for _, set := range []string{"dev", "test"} {
		ls, err := eval.Language(an, sets[set])
		if err != nil {
			return nil, err
		}
		ns, err := eval.NER(an, nerSets[set])
		if err != nil {
			return nil, err
		}
		sc := Scores{Set: set, LanguageScores: ls, NER: ns}
		scores = append(scores, sc)
		logf("%s: UPOS %.4f XPOS %.4f lemma %.4f UAS %.4f LAS %.4f tokens %.4f sentences %.4f NER F1 %.4f",
			set, sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS, sc.TokensF1, sc.SentencesF1, ns.F1)
	}
	elapsed := time.Since(start)
	if err := writeProvenance(opt, hashes, sizes, scores, elapsed); err != nil {
		return nil, err
	}
	logf("done in %s", elapsed.Round(time.Second))
	return scores, nil
}

func writeProvenance(opt Options, hashes map[string]string, sizes map[string]int, scores []Scores, elapsed time.Duration) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# dyad language models: provenance\n\n")
	fmt.Fprintf(&b, "Generated by `%s`. Do not edit; rerun the command instead.\n\n", opt.Command)
	fmt.Fprintf(&b, "## Data\n\nUniversal Dependencies English Web Treebank (UD_English-EWT) 2.16, CC BY-SA 4.0; the models are\n")
	fmt.Fprintf(&b, "derived from it and shared under the same licence.\n\n| file | SHA-256 |\n|---|---|\n")
	for _, set := range []string{"train", "dev", "test"} {
		fmt.Fprintf(&b, "| en_ewt-ud-%s.conllu | `%s` |\n", set, hashes[set])
	}
	fmt.Fprintf(&b, "\n## Models\n\n| model | what | gzip bytes |\n|---|---|---|\n")
	fmt.Fprintf(&b, "| tagger.bin.gz | joint UPOS+XPOS averaged perceptron, two passes | %d |\n", sizes["tagger.bin.gz"])
	fmt.Fprintf(&b, "| lemma.bin.gz | suffix rules and exceptions per tag | %d |\n", sizes["lemma.bin.gz"])
	fmt.Fprintf(&b, "| parser.bin.gz | arc-eager averaged perceptron, dynamic oracle | %d |\n", sizes["parser.bin.gz"])
	fmt.Fprintf(&b, "| ner.bin.gz | PER/ORG/LOC IOB2 averaged perceptron with word clusters and gazetteer hashes | %d |\n", sizes["ner.bin.gz"])
	fmt.Fprintf(&b, "\nSettings: seed %d, tagger %d epochs with %d folds, parser %d epochs, prune %g, NER %d epochs with %d folds, prune %g;\n",
		opt.Seed, opt.TaggerEpochs, opt.TaggerFolds, opt.ParserEpochs, opt.ParserPrune, opt.NEREpochs, opt.NERFolds, opt.NERPrune)
	fmt.Fprintf(&b, "Go %s on %d CPUs; %s.\n", runtime.Version(), runtime.NumCPU(), elapsed.Round(time.Second))
	fmt.Fprintf(&b, "\n## Scores\n\nOn gold words with predicted tags (UPOS, XPOS, lemma, UAS, LAS as the CoNLL 2018 scorer counts them);\n")
	fmt.Fprintf(&b, "words and sentences F1 from the raw text (see internal/eval).\n\n")
	fmt.Fprintf(&b, "| set | UPOS | XPOS | lemma | UAS | LAS | words F1 | sentences F1 |\n|---|---|---|---|---|---|---|---|\n")
	for _, s := range scores {
		fmt.Fprintf(&b, "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |\n", s.Set, s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS, s.TokensF1, s.SentencesF1)
	}
	writeNERProvenance(&b, hashes, scores)
	return os.WriteFile(filepath.Join(opt.Out, "PROVENANCE.md"), []byte(b.String()), 0o644)
}
