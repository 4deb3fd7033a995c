package lemma

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/shareddata"
)

// FuzzRead checks that Read never panics, that what it rejects is ErrModel,
// and that what it accepts writes back to the same bytes and gives
// non-empty lemmas.
func FuzzRead(f *testing.F) {
	good := encode(f, Train(fixtureSentences()))
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(magic))
	f.Add(append([]byte(magic), 1, 1, 'X', 1, 'Y', 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 's', 1, 0, 0))
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := Read(bytes.NewReader(in))
		if err != nil {
			if !errors.Is(err, ErrModel) {
				t.Fatalf("Read error %v is not ErrModel", err)
			}
			return
		}
		if out := encode(t, m); !bytes.Equal(out, in) {
			t.Fatalf("accepted model writes back differently:\nin  %q\nout %q", in, out)
		}
		for _, tag := range m.tags {
			for _, form := range []string{"s", "Went", "XYZ", "a1,000"} {
				if m.Lemma(form, tag.upos, tag.xpos) == "" {
					t.Fatalf("empty lemma for %q %s/%s", form, tag.upos, tag.xpos)
				}
			}
		}
	})
}

// fuzzModels returns the fixture model and, when the treebank is present,
// the EWT model.
func fuzzModels(f *testing.F) []*Model {
	models := []*Model{Train(fixtureSentences())}
	dir, err := shareddata.Dir()
	if err != nil {
		return models
	}
	file, err := os.Open(filepath.Join(dir, "ud-en-ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		return models
	}
	defer file.Close()
	train, err := conllu.ReadAll(file, "train")
	if err != nil {
		f.Fatal(err)
	}
	return append(models, Train(train))
}

// FuzzLemma checks that Lemma never panics, gives a non-empty lemma for a
// non-empty form, keeps valid UTF-8 valid, and answers the same twice.
func FuzzLemma(f *testing.F) {
	models := fuzzModels(f)
	for _, s := range []struct{ form, upos, xpos string }{
		{"went", "VERB", "VBD"}, {"Reclassifies", "VERB", "VBZ"}, {"SCALIA", "PROPN", "NNP"},
		{"1,200", "NUM", "CD"}, {"“", "PUNCT", "``"}, {"n’t", "PART", "RB"}, {"ÉTATS", "NOUN", "NNS"},
		{"İȺs", "NOUN", "NNS"}, {"\xff\xfe", "NOUN", "NN"}, {"x", "", ""}, {"", "NOUN", "NN"},
	} {
		f.Add(s.form, s.upos, s.xpos)
	}
	f.Fuzz(func(t *testing.T, form, upos, xpos string) {
		for _, m := range models {
			l := m.Lemma(form, upos, xpos)
			switch {
			case form != "" && l == "":
				t.Fatalf("Lemma(%q, %q, %q) is empty", form, upos, xpos)
			case utf8.ValidString(form) && !utf8.ValidString(l):
				t.Fatalf("Lemma(%q, %q, %q) = %q, invalid UTF-8", form, upos, xpos, l)
			case m.Lemma(form, upos, xpos) != l:
				t.Fatalf("Lemma(%q, %q, %q) changes between calls", form, upos, xpos)
			}
		}
	})
}
