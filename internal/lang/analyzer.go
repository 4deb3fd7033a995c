package lang

import (
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/lang/lemma"
	"github.com/dyadproject/dyad/internal/lang/models"
	"github.com/dyadproject/dyad/internal/lang/ner"
	"github.com/dyadproject/dyad/internal/lang/parser"
	"github.com/dyadproject/dyad/internal/lang/tagger"
)

// Analyzer is the language stage: it tokenizes and splits the text, then
// tags, lemmatizes and parses every sentence. It is immutable and safe for
// concurrent use.
type Analyzer struct {
	tagger *tagger.Tagger
	lemma  *lemma.Model
	parser *parser.Parser
	ner    *ner.Model
	// nanos accumulates the time spent in each step, for `dyad bench`.
	nanos *[numSteps]atomic.Int64
}

// Steps of the language layer, as StepTimes reports them.
const (
	stepSplit = iota
	stepTag
	stepLemma
	stepParse
	stepNER
	numSteps
)

var stepNames = [numSteps]string{"tokenize+split", "tag", "lemmatize", "parse", "ner"}

// StepTime is the time spent in one step of the layer.
type StepTime struct {
	Name string
	Time time.Duration
}

// StepTimes returns the time spent in each step since the analyzer was
// made, summed over goroutines.
func (a *Analyzer) StepTimes() []StepTime {
	out := make([]StepTime, numSteps)
	for i := range out {
		out[i] = StepTime{Name: stepNames[i], Time: time.Duration(a.nanos[i].Load())}
	}
	return out
}

var _ dyad.Stage = (*Analyzer)(nil)

// loadEmbedded decodes the embedded models once per process: they are
// immutable, and decoding them takes a noticeable fraction of a second.
var loadEmbedded = sync.OnceValues(func() (*Analyzer, error) { return LoadFS(models.FS) })

// Load returns the analyzer over the models embedded in the binary.
func Load() (*Analyzer, error) { return loadEmbedded() }

// LoadFS reads tagger.bin.gz, lemma.bin.gz, parser.bin.gz and ner.bin.gz
// from fsys.
func LoadFS(fsys fs.FS) (*Analyzer, error) {
	a := Analyzer{nanos: new([numSteps]atomic.Int64)}
	steps := []struct {
		name string
		read func(io.Reader) error
	}{
		{"tagger.bin.gz", func(r io.Reader) (err error) { a.tagger, err = tagger.Read(r); return }},
		{"lemma.bin.gz", func(r io.Reader) (err error) { a.lemma, err = lemma.Read(r); return }},
		{"parser.bin.gz", func(r io.Reader) (err error) { a.parser, err = parser.Read(r); return }},
		{"ner.bin.gz", func(r io.Reader) (err error) { a.ner, err = ner.Read(r); return }},
	}
	for _, s := range steps {
		if err := readGzip(fsys, s.name, s.read); err != nil {
			return nil, fmt.Errorf("lang: load %s: %w", s.name, err)
		}
	}
	return &a, nil
}

func readGzip(fsys fs.FS, name string, read func(io.Reader) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	return read(zr)
}

// Name returns "lang".
func (*Analyzer) Name() string { return "lang" }

// Process fills doc.Sentences and doc.Tokens, with tags, lemmas, heads and
// relations, and doc.Entities with the names the recognizer finds.
func (a *Analyzer) Process(doc *dyad.Document) error {
	t0 := time.Now()
	if err := (Splitter{}).Process(doc); err != nil {
		return err
	}
	var spent [numSteps]time.Duration
	spent[stepSplit] = time.Since(t0)
	defer func() {
		for i, d := range spent {
			a.nanos[i].Add(int64(d))
		}
	}()
	var words []string
	var pws []parser.Word
	var tags, heads, rels []int
	var nws []ner.Word
	var scratch ner.Scratch
	doc.Entities = doc.Entities[:0]
	for si, s := range doc.Sentences {
		toks := doc.Tokens[s.FirstToken:s.EndToken]
		words = words[:0]
		for _, t := range toks {
			words = append(words, t.Text)
		}
		n := len(words)
		tags = grow(tags, n)
		heads = grow(heads, n)
		rels = grow(rels, n)
		pws = pws[:0]
		t1 := time.Now()
		a.tagger.Tag(words, tags)
		t2 := time.Now()
		for i := range toks {
			tag := a.tagger.Tags()[tags[i]]
			toks[i].UPOS, toks[i].XPOS = tag.UPOS, tag.XPOS
			toks[i].Lemma = a.lemma.Lemma(words[i], tag.UPOS, tag.XPOS)
		}
		t3 := time.Now()
		for i, t := range toks {
			pws = append(pws, parser.Word{Form: words[i], UPOS: t.UPOS, XPOS: t.XPOS, Class: a.tagger.Ambiguity(words[i])})
		}
		a.parser.Parse(pws, heads, rels)
		t4 := time.Now()
		nws = nws[:0]
		for i, t := range toks {
			nws = append(nws, ner.Word{Form: words[i], UPOS: t.UPOS, XPOS: t.XPOS})
		}
		a.ner.Label(nws, tags, &scratch) // the tags are no longer needed
		for _, e := range ner.Entities(tags[:n]) {
			first, end := s.FirstToken+e.First, s.FirstToken+e.End
			doc.Entities = append(doc.Entities, dyad.Entity{
				Span: dyad.Span{Start: doc.Tokens[first].Start, End: doc.Tokens[end-1].End},
				Type: e.Type, Sentence: si, First: first, End: end})
		}
		t5 := time.Now()
		spent[stepTag] += t2.Sub(t1)
		spent[stepLemma] += t3.Sub(t2)
		spent[stepParse] += t4.Sub(t3)
		spent[stepNER] += t5.Sub(t4)
		for i := range toks {
			toks[i].Head = -1
			if heads[i] > 0 {
				toks[i].Head = s.FirstToken + heads[i] - 1
			}
			toks[i].Rel = a.parser.Labels()[rels[i]]
		}
	}
	return nil
}

func grow(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// ParseWords tags, lemmatizes and parses one sentence of given words and
// returns it as a CoNLL-U sentence, with each word's entity label in MISC
// ("NER=B-PER", "NER=O").
func (a *Analyzer) ParseWords(words []string) *conllu.Sentence {
	n := len(words)
	tags, heads, rels := make([]int, n), make([]int, n), make([]int, n)
	pws := make([]parser.Word, n)
	a.tagger.Tag(words, tags)
	for i, w := range words {
		tag := a.tagger.Tags()[tags[i]]
		pws[i] = parser.Word{Form: w, UPOS: tag.UPOS, XPOS: tag.XPOS, Class: a.tagger.Ambiguity(w)}
	}
	a.parser.Parse(pws, heads, rels)
	labels := a.labelTagged(words, pws)
	s := &conllu.Sentence{}
	for i, w := range words {
		tag := a.tagger.Tags()[tags[i]]
		s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: w, Lemma: a.lemma.Lemma(w, tag.UPOS, tag.XPOS),
			UPOS: tag.UPOS, XPOS: tag.XPOS, Head: heads[i], Deprel: a.parser.Labels()[rels[i]],
			Misc: "NER=" + labels[i]})
	}
	return s
}

// LabelEntities tags one sentence of given words and returns each word's
// IOB2 entity label ("B-PER", "I-PER", "O").
func (a *Analyzer) LabelEntities(words []string) []string {
	tags := make([]int, len(words))
	a.tagger.Tag(words, tags)
	pws := make([]parser.Word, len(words))
	for i, w := range words {
		tag := a.tagger.Tags()[tags[i]]
		pws[i] = parser.Word{Form: w, UPOS: tag.UPOS, XPOS: tag.XPOS}
	}
	return a.labelTagged(words, pws)
}

// labelTagged runs the recognizer over tagged words.
func (a *Analyzer) labelTagged(words []string, tagged []parser.Word) []string {
	nws := make([]ner.Word, len(words))
	for i, w := range words {
		nws[i] = ner.Word{Form: w, UPOS: tagged[i].UPOS, XPOS: tagged[i].XPOS}
	}
	cls := make([]int, len(words))
	a.ner.Label(nws, cls, nil)
	out := make([]string, len(words))
	for i, c := range cls {
		out[i] = ner.LabelName(c)
	}
	return out
}

// Sentence returns sentence i of a processed document as CoNLL-U, with each
// word's entity label in MISC ("NER=B-LOC") and its spaces as UD writes
// them ("NER=O|SpaceAfter=No").
func Sentence(doc *dyad.Document, i int) *conllu.Sentence {
	s := doc.Sentences[i]
	out := &conllu.Sentence{Comments: []string{"text = " + doc.Text(s.Span)}}
	labels := make([]string, s.EndToken-s.FirstToken)
	for k := range labels {
		labels[k] = "O"
	}
	for _, e := range doc.Entities {
		if e.Sentence != i {
			continue
		}
		for k := e.First; k < e.End; k++ {
			labels[k-s.FirstToken] = "I-" + e.Type
		}
		labels[e.First-s.FirstToken] = "B-" + e.Type
	}
	for k := s.FirstToken; k < s.EndToken; k++ {
		t := doc.Tokens[k]
		head := 0
		if t.Head >= 0 {
			head = t.Head - s.FirstToken + 1
		}
		misc := "NER=" + labels[k-s.FirstToken]
		if k+1 < s.EndToken && doc.Tokens[k+1].Start == t.End {
			misc += "|SpaceAfter=No"
		}
		out.Words = append(out.Words, conllu.Word{ID: k - s.FirstToken + 1, Form: t.Text, Lemma: t.Lemma,
			UPOS: t.UPOS, XPOS: t.XPOS, Head: head, Deprel: t.Rel, Misc: misc})
	}
	return out
}

// WithPrunedParser returns a copy of a whose parser drops weights below
// threshold (see parser.Parser.Pruned); for measuring size against accuracy.
func (a *Analyzer) WithPrunedParser(threshold float32) *Analyzer {
	b := *a
	b.parser = a.parser.Pruned(threshold)
	return &b
}

// ParserSize reports the parser model's features and weights.
func (a *Analyzer) ParserSize() (features, weights int) { return a.parser.Size() }

// WithPrunedTagger returns a copy of a whose tagger drops weights below
// threshold; for measuring size against accuracy.
func (a *Analyzer) WithPrunedTagger(threshold float32) *Analyzer {
	b := *a
	b.tagger = a.tagger.Pruned(threshold)
	return &b
}
