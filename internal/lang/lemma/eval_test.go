package lemma

import (
	"bytes"
	"compress/gzip"
	"flag"
	"os"
	"testing"
	"time"

	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/shareddata"
)

var writeModel = flag.String("write-model", "", "TestAccuracy writes the gzip-compressed model trained on EWT to this file")

// readTreebank reads one file of UD English EWT, skipping when absent.
func readTreebank(t testing.TB, name string) []*conllu.Sentence {
	t.Helper()
	sents, err := conllu.ReadFile(shareddata.Path(t, "ud-en-ewt", name))
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// score is the lemma accuracy on a treebank.
type score struct {
	words, correct        int
	unseen, unseenCorrect int
}

func (s score) acc() float64       { return 100 * float64(s.correct) / float64(s.words) }
func (s score) unseenAcc() float64 { return 100 * float64(s.unseenCorrect) / float64(s.unseen) }

// evaluate scores m on sents with gold tags as the CoNLL 2018 scorer does:
// exact match of LEMMA over all words, a gold "_" matching anything. A word
// is unseen when its form never occurs in train with the same tag pair.
func evaluate(m *Model, train, sents []*conllu.Sentence) score {
	seen := map[[3]string]bool{}
	for _, s := range train {
		for _, w := range s.Words {
			seen[[3]string{w.Form, w.UPOS, w.XPOS}] = true
		}
	}
	var sc score
	for _, s := range sents {
		for _, w := range s.Words {
			ok := w.Lemma == "_" || m.Lemma(w.Form, w.UPOS, w.XPOS) == w.Lemma
			sc.words++
			if ok {
				sc.correct++
			}
			if !seen[[3]string{w.Form, w.UPOS, w.XPOS}] {
				sc.unseen++
				if ok {
					sc.unseenCorrect++
				}
			}
		}
	}
	return sc
}

// TestAccuracy trains on EWT train and asserts floors a little below the
// accuracy reached on dev and test (see doc.go).
func TestAccuracy(t *testing.T) {
	train := readTreebank(t, "en_ewt-ud-train.conllu")
	start := time.Now()
	m := Train(train)
	t.Logf("trained on %d sentences in %v", len(train), time.Since(start).Round(time.Millisecond))
	floors := []struct {
		file        string
		all, unseen float64
	}{
		{"en_ewt-ud-dev.conllu", 98.6, 89.0},
		{"en_ewt-ud-test.conllu", 98.8, 91.0},
	}
	for _, f := range floors {
		sc := evaluate(m, train, readTreebank(t, f.file))
		t.Logf("%s: lemma accuracy %.2f%% of %d words; unseen words %.2f%% of %d",
			f.file, sc.acc(), sc.words, sc.unseenAcc(), sc.unseen)
		if sc.acc() < f.all || sc.unseenAcc() < f.unseen {
			t.Errorf("%s: accuracy %.2f%% (floor %.1f%%), unseen %.2f%% (floor %.1f%%)",
				f.file, sc.acc(), f.all, sc.unseenAcc(), f.unseen)
		}
	}
	raw := encode(t, m)
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(raw)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("model: %d bytes, %d gzip-compressed", len(raw), gz.Len())
	if *writeModel != "" {
		if err := os.WriteFile(*writeModel, gz.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", *writeModel)
	}
}

// testWords returns the words of the EWT test set, those seen in training
// when seenOnly.
func testWords(b *testing.B, m *Model, train []*conllu.Sentence, seenOnly bool) []conllu.Word {
	seen := map[[3]string]bool{}
	for _, s := range train {
		for _, w := range s.Words {
			seen[[3]string{w.Form, w.UPOS, w.XPOS}] = true
		}
	}
	var words []conllu.Word
	for _, s := range readTreebank(b, "en_ewt-ud-test.conllu") {
		for _, w := range s.Words {
			if !seenOnly || seen[[3]string{w.Form, w.UPOS, w.XPOS}] {
				words = append(words, w)
			}
		}
	}
	return words
}

func benchmarkLemma(b *testing.B, seenOnly bool) {
	m, train := trainEWT(b)
	words := testWords(b, m, train, seenOnly)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range words {
			m.Lemma(w.Form, w.UPOS, w.XPOS)
		}
	}
	b.ReportMetric(float64(b.N*len(words))/b.Elapsed().Seconds(), "lemmas/s")
	b.ReportMetric(float64(len(words)), "lemmas/op")
}

// BenchmarkLemma lemmatizes the words of the EWT test set; an op is the
// whole set.
func BenchmarkLemma(b *testing.B) { benchmarkLemma(b, false) }

// BenchmarkLemmaSeen lemmatizes the words of the EWT test set seen in
// training, which take no allocation.
func BenchmarkLemmaSeen(b *testing.B) { benchmarkLemma(b, true) }

// BenchmarkTrain trains on the EWT training set.
func BenchmarkTrain(b *testing.B) {
	train := readTreebank(b, "en_ewt-ud-train.conllu")
	words := 0
	for _, s := range train {
		words += len(s.Words)
	}
	b.ReportAllocs()
	for b.Loop() {
		Train(train)
	}
	b.ReportMetric(float64(b.N*words)/b.Elapsed().Seconds(), "words/s")
}
