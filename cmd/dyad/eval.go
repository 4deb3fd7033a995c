package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/eval"
	"github.com/dyadproject/dyad/internal/kb"
	"github.com/dyadproject/dyad/internal/lang"
)

func runEval(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("eval", "sample [flags]", `
Score dyad against gold data.

'dyad eval sample' analyzes the embedded sample news and compares it with their
hand coding (internal/sample/EXPECTED.md): events by precision, recall and F1
(strict CAMEO code, and by root), direct quotes by precision, recall and F1,
and speakers by accuracy over the quotes found. Event precision is a lower
bound: the gold lists the main events only.

'dyad eval parse --gold FILE.conllu' scores the language layer on a Universal
Dependencies treebank: word and sentence F1 from the raw text (beside the
neurosnap/sentences baseline), and UPOS, XPOS, lemma, UAS and LAS on the gold
words, as the CoNLL 2018 shared task scorer counts them.

'dyad eval actors [--gold FILE]' recognizes and codes the actors of dyad's own
gold of invented sentences (internal/eval/testdata/actors.gold, the default):
top-level mentions by precision, recall and F1 (right words and right CAMEO
codes on the article's date), the pronouns and descriptions alone
(coreference), and the codes by case whatever their spans.

'dyad eval ner --gold FILE.iob2' scores the named-entity recognizer on gold
words with IOB2 labels (Universal NER, or CoNLL 2003 style): precision, recall
and F1 of exact PER, ORG and LOC spans, per type and overall.

'dyad eval events --gold FILE [--format dyad|petrarch|plover]' codes the gold's
texts and scores the events: tuples (source, target, code) by precision, recall
and F1 at the full-code and root levels with PETRARCH's Correct / Uncoded /
Extra counts, the event-type accuracy on pairs with the right actors, and the
source and target accuracy on pairs with the right root. The format follows
the file's extension when --format is not given (.xml petrarch, .json plover,
otherwise dyad).
  dyad      dyad's own gold of sentence references and CAMEO codes (see
            internal/eval/doc.go), such as internal/eval/testdata/events.gold,
            hand-coded Wikinews sentences; the articles are read from the
            corpus it names in the data folder (--data, default
            $DYAD_SHARED_DATA, else ../shared/data).
  petrarch  the PETRARCH unit-test suite (PETR.UnitTest.records.xml), coded
            with the suite's actor and agent dictionaries and its verbs, each
            record with the options the <Config> elements before it set
            (require_dyad, new_actor_length, comma_*); also reports the share
            of gold events coded right and the extra events.
  plover    PLOVER gold-standard records (a JSON array of text, date, source,
            target, event, mode, context), scored by PLOVER type (root level)
            and type and mode (full level).

'dyad eval quotes --gold DIR [--split dev]' scores direct quotes and their
speakers on PolNeAR (DIR is its data folder or one split folder): its
attributions whose content holds a double quotation mark are direct quotes, the
words between each pair of marks one gold quote with the attribution's source
as speaker. Quote-span precision, recall and F1 are reported by overlap (the
spans share at least half of each) and exactly (same first and last letter or
digit); speaker accuracy over the matched quotes whose attribution has a
source (the speaker's span overlaps the source or ends with the same word).`, io)
	gold := fs.String("gold", "", "gold `file`: EXPECTED.md format for sample and actors.gold format for actors (default: the embedded ones), CoNLL-U for parse, IOB2 for ner, dyad, PETRARCH or PLOVER records for events, the PolNeAR folder for quotes")
	asJSON := fs.Bool("json", false, "print the report as one JSON object")
	split := fs.String("split", "dev", "PolNeAR `split` for quotes when --gold is the corpus folder: train, dev or test")
	format := fs.String("format", "", "gold `format` for events: dyad, petrarch or plover (default: by the file's extension)")
	data := fs.String("data", "", "data `folder` that a dyad-format events gold's corpus lies in (default: $DYAD_SHARED_DATA, else ../shared/data)")
	details := fs.Bool("details", false, "also list, story by story, the gold beside what dyad found")
	var dicts multiFlag
	fs.Var(&dicts, "dict", "sample, and events in the dyad and plover formats: also code with the CAMEO/PETRARCH/TABARI dictionary `PATH` (repeatable), as dyad code --dict does")
	set := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		set, args = args[0], args[1:]
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if set == "" && fs.NArg() == 1 {
		set = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return usagef("unexpected arguments %v", fs.Args())
	}
	switch set {
	case "sample":
	case "parse":
		return evalParse(*gold, *asJSON, io)
	case "actors":
		return evalActors(*gold, *asJSON, *details, io)
	case "ner":
		return evalNER(*gold, *asJSON, io)
	case "events":
		return evalEvents(ctx, eventsEval{gold: *gold, format: *format, data: *data, asJSON: *asJSON, details: *details, dicts: dicts}, io)
	case "quotes":
		return evalQuotes(*gold, *split, *asJSON, *details, io)
	default:
		return usagef("want 'dyad eval sample', 'dyad eval actors', 'dyad eval parse --gold FILE.conllu', 'dyad eval ner --gold FILE.iob2', 'dyad eval events --gold FILE [--format dyad|petrarch|plover]' or 'dyad eval quotes --gold DIR'")
	}
	var goldData []byte
	if *gold != "" {
		b, err := os.ReadFile(*gold)
		if err != nil {
			return fmt.Errorf("read gold: %w", err)
		}
		goldData = b
	}
	in := inputFlags{dicts: dicts}
	an, err := in.analyzer(io)
	if err != nil {
		return err
	}
	rep, stories, results, err := eval.RunSample(an, goldData)
	if err != nil {
		return err
	}
	if *details {
		eval.WriteDetails(io.out, stories, results)
	}
	if *asJSON {
		return json.NewEncoder(io.out).Encode(rep)
	}
	row := func(name string, p eval.PRF) {
		fmt.Fprintf(io.out, "%-16s P %.3f  R %.3f  F1 %.3f   (%d of %d predicted correct, %d of %d gold found)\n",
			name, p.Precision, p.Recall, p.F1, int(p.Precision*float64(p.Predicted)+0.5), p.Predicted, p.TruePos, p.Gold)
	}
	fmt.Fprintf(io.out, "sample gold: %d stories\n", rep.Stories)
	row("events", rep.Events)
	row("events by root", rep.EventsByRoot)
	row("direct quotes", rep.Quotes)
	fmt.Fprintf(io.out, "%-16s %.3f of %d quotes with a gold speaker\n", "speaker accuracy", rep.SpeakerAcc, rep.SpeakersScored)
	return nil
}

func evalParse(path string, asJSON bool, io stdio) error {
	if path == "" {
		return usagef("eval parse needs --gold FILE.conllu")
	}
	gold, err := conllu.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read gold: %w", err)
	}
	an, err := lang.Load()
	if err != nil {
		return err
	}
	sc, err := eval.Language(an, gold)
	if err != nil {
		return err
	}
	if asJSON {
		return json.NewEncoder(io.out).Encode(sc)
	}
	fmt.Fprintf(io.out, "%s: %d sentences, %d words\n", path, sc.Sentences, sc.Words)
	fmt.Fprintf(io.out, "from raw text   words F1 %.4f  sentences F1 %.4f   (neurosnap/sentences: %.4f, %.4f)\n",
		sc.TokensF1, sc.SentencesF1, sc.BaselineTokensF1, sc.BaselineSentencesF1)
	fmt.Fprintf(io.out, "on gold words   UPOS %.4f  XPOS %.4f  lemma %.4f  UAS %.4f  LAS %.4f\n",
		sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS)
	return nil
}

func evalActors(path string, asJSON, details bool, io stdio) error {
	gold := eval.ActorsGold()
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("read gold: %w", err)
		}
		gold = b
	}
	an, err := lang.Load()
	if err != nil {
		return err
	}
	k, err := kb.Load()
	if err != nil {
		return err
	}
	rep, err := eval.Actors(an, k, gold)
	if err != nil {
		if path != "" {
			return fmt.Errorf("%s: %w", path, err)
		}
		return err
	}
	if !details {
		rep.Misses = nil
	}
	if asJSON {
		return json.NewEncoder(io.out).Encode(rep)
	}
	row := func(name string, p eval.PRF) {
		fmt.Fprintf(io.out, "%-12s P %.3f  R %.3f  F1 %.3f   (%d predicted, %d gold, %d right)\n",
			name, p.Precision, p.Recall, p.F1, p.Predicted, p.Gold, p.TruePos)
	}
	fmt.Fprintf(io.out, "actors gold: %d cases\n", rep.Cases)
	row("mentions", rep.Mentions)
	row("coreference", rep.Coreference)
	row("codes", rep.Codes)
	for _, m := range rep.Misses {
		fmt.Fprintln(io.out, "  "+m)
	}
	return nil
}
