package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/dyadproject/dyad/internal/eval"
	"github.com/dyadproject/dyad/internal/lang"
)

// evalNER runs `dyad eval ner --gold FILE.iob2`: the recognizer labels the
// gold words (tagged by dyad's tagger) and is scored by exact spans.
func evalNER(path string, asJSON bool, io stdio) error {
	if path == "" {
		return usagef("eval ner needs --gold FILE.iob2")
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read gold: %w", err)
	}
	defer f.Close()
	gold, err := eval.ReadIOB2(f, path)
	if err != nil {
		return fmt.Errorf("read gold: %w", err)
	}
	an, err := lang.Load()
	if err != nil {
		return err
	}
	sc, err := eval.NER(an, gold)
	if err != nil {
		return err
	}
	if asJSON {
		return json.NewEncoder(io.out).Encode(sc)
	}
	fmt.Fprintf(io.out, "%s: %d sentences, %d words; exact spans\n", path, sc.Sentences, sc.Words)
	row := func(name string, p eval.PRF) {
		fmt.Fprintf(io.out, "%-8s P %.4f  R %.4f  F1 %.4f   (%d right, %d predicted, %d gold)\n",
			name, p.Precision, p.Recall, p.F1, p.TruePos, p.Predicted, p.Gold)
	}
	for _, typ := range eval.NERTypes {
		row(typ, sc.PerType[typ])
	}
	row("overall", sc.PRF)
	return nil
}
