package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/dyadproject/dyad/internal/lang/train"
	"github.com/dyadproject/dyad/internal/shareddata"
)

func runTrain(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("train", "[flags]", `
Rebuild dyad's language models (tagger, lemmatizer, parser) from Universal
Dependencies English EWT in the shared data folder, and its named-entity
recognizer from Universal NER's labels of the same sentences, evaluate them on
the dev and test sets, and write them with PROVENANCE.md to --out (by default the
folder they are embedded from, so that the next build carries them).
Training is deterministic; it takes some minutes on 2 cores.`, io)
	data := fs.String("data", "", "shared data `folder` holding ud-en-ewt (default: ../shared/data beside the repository)")
	out := fs.String("out", "internal/lang/models", "output `folder`")
	opt := train.Defaults
	fs.IntVar(&opt.TaggerEpochs, "tagger-epochs", opt.TaggerEpochs, "tagger training passes")
	fs.IntVar(&opt.TaggerFolds, "tagger-folds", opt.TaggerFolds, "folds for the jackknifed tags of the second tagger pass and the parser")
	fs.IntVar(&opt.ParserEpochs, "parser-epochs", opt.ParserEpochs, "parser training passes")
	fs.IntVar(&opt.NEREpochs, "ner-epochs", opt.NEREpochs, "named-entity recognizer training passes")
	fs.IntVar(&opt.NERFolds, "ner-folds", opt.NERFolds, "folds for the jackknifed labels of the recognizer's second pass (0 or 1: one pass)")
	seed := fs.Uint64("seed", opt.Seed, "random seed")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	opt.Seed = *seed
	if err := shareddata.Defaults(data, nil); err != nil {
		return err
	}
	if fi, err := os.Stat(*out); err != nil || !fi.IsDir() {
		return usagef("--out %q is not a folder", *out)
	}
	opt.Data, opt.Out, opt.Log = *data, *out, io.err
	opt.Command = "dyad train " + strings.Join(args, " ")
	if len(args) == 0 {
		opt.Command = "dyad train"
	}
	scores, err := train.Run(opt)
	if err != nil {
		return err
	}
	for _, s := range scores {
		fmt.Fprintf(io.out, "%-4s UPOS %.4f  XPOS %.4f  lemma %.4f  UAS %.4f  LAS %.4f  words F1 %.4f  sentences F1 %.4f  NER F1 %.4f\n",
			s.Set, s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS, s.TokensF1, s.SentencesF1, s.NER.F1)
	}
	return nil
}
