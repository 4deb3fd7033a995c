package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/lang"
	"github.com/dyadproject/dyad/internal/pipeline"
)

func runParse(ctx context.Context, args []string, io stdio) error {
	var in inputFlags
	fs := newFlags("parse", "[flags] PATH...", `
Run the language layer alone: split into sentences and words, tag (UPOS and
Penn XPOS), lemmatize, parse into Universal Dependencies trees and label named
entities (in CoNLL-U, MISC gets each word's IOB2 label: NER=B-PER, NER=O).

With --input text (the default) PATH is news in any format 'dyad code' reads.
With --input conllu PATH is a CoNLL-U file whose FORM column is taken as the
gold words and sentences (the other columns are ignored) and the output is the
same file with predicted LEMMA, UPOS, XPOS, HEAD and DEPREL, so that any
CoNLL-U scorer can evaluate it.`, io)
	input := fs.String("input", "text", "input `kind`: text or conllu")
	format := fs.String("format", "conllu", "output `format`: conllu or jsonl (one object per sentence)")
	in.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "conllu" && *format != "jsonl" {
		return usagef("--format %q: want conllu or jsonl", *format)
	}
	an, err := lang.Load()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(io.out)
	defer w.Flush()
	switch *input {
	case "conllu":
		if fs.NArg() == 0 {
			return usagef("no input: give FILE.conllu...")
		}
		return parseCoNLLU(fs.Args(), an, *format, w)
	case "text":
	default:
		return usagef("--input %q: want text or conllu", *input)
	}
	opt, err := in.options(fs.Args(), io)
	if err != nil {
		return err
	}
	pl := pipeline.New(pipeline.Config{Stages: []dyad.Stage{an}, Workers: in.workers})
	failed := 0
	err = pl.Run(ctx, in.articles(ctx, fs.Args(), opt), func(it pipeline.Item) error {
		if it.Err != nil {
			failed++
			fmt.Fprintf(io.err, "dyad parse: %v\n", it.Err)
			return nil
		}
		for i := range it.Doc.Sentences {
			s := lang.Sentence(it.Doc, i)
			s.Comments = append([]string{fmt.Sprintf("sent_id = %s-%d", it.Doc.Article.ID, i+1)}, s.Comments...)
			if err := writeSentence(w, s, *format, it.Doc.Article.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d input(s) could not be read", errPartial, failed)
	}
	return nil
}

// parseCoNLLU re-annotates the sentences of CoNLL-U files.
func parseCoNLLU(paths []string, an *lang.Analyzer, format string, w *bufio.Writer) error {
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		rd := conllu.NewReader(f, path)
		for {
			s, err := rd.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				f.Close()
				return err
			}
			words := make([]string, len(s.Words))
			for i, wd := range s.Words {
				words[i] = wd.Form
			}
			p := an.ParseWords(words)
			for i := range s.Words {
				pw := p.Words[i]
				s.Words[i].Lemma, s.Words[i].UPOS, s.Words[i].XPOS = pw.Lemma, pw.UPOS, pw.XPOS
				s.Words[i].Head, s.Words[i].Deprel = pw.Head, pw.Deprel
				s.Words[i].Feats, s.Words[i].Deps = "_", "_"
				s.Words[i].Misc = withMisc(s.Words[i].Misc, pw.Misc)
			}
			id, _ := s.Comment("sent_id")
			if err := writeSentence(w, s, format, id); err != nil {
				f.Close()
				return err
			}
		}
		f.Close()
	}
	return nil
}

// sentenceJSON is one sentence of `dyad parse --format jsonl`.
type sentenceJSON struct {
	Article string     `json:"article,omitempty"`
	Text    string     `json:"text"`
	Words   []wordJSON `json:"words"`
}

type wordJSON struct {
	ID     int    `json:"id"`
	Form   string `json:"form"`
	Lemma  string `json:"lemma"`
	UPOS   string `json:"upos"`
	XPOS   string `json:"xpos"`
	Head   int    `json:"head"`
	Deprel string `json:"deprel"`
}

func writeSentence(w *bufio.Writer, s *conllu.Sentence, format, article string) error {
	if format == "conllu" {
		return conllu.Write(w, s)
	}
	out := sentenceJSON{Article: article, Text: s.Text()}
	for _, wd := range s.Words {
		out.Words = append(out.Words, wordJSON{wd.ID, wd.Form, wd.Lemma, wd.UPOS, wd.XPOS, wd.Head, wd.Deprel})
	}
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	w.Write(b)
	return w.WriteByte('\n')
}

// withMisc returns the MISC column misc with the items of add ("NER=B-PER")
// in place of those of the same names, other items kept in order.
func withMisc(misc, add string) string {
	var items []string
	names := map[string]bool{}
	for _, it := range strings.Split(add, "|") {
		name, _, _ := strings.Cut(it, "=")
		names[name] = true
	}
	if misc != "" && misc != "_" {
		for _, it := range strings.Split(misc, "|") {
			if name, _, _ := strings.Cut(it, "="); !names[name] {
				items = append(items, it)
			}
		}
	}
	return strings.Join(append([]string{add}, items...), "|")
}
