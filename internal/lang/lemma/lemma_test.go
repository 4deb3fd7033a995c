package lemma

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/dyadproject/dyad/internal/conllu"
)

// fixture is a small invented treebank: each word is FORM/LEMMA/UPOS/XPOS.
var fixture = []string{
	"The/the/DET/DT ministers/minister/NOUN/NNS visited/visit/VERB/VBD Paris/Paris/PROPN/NNP on/on/ADP/IN Monday/Monday/PROPN/NNP ./././.",
	"Officials/official/NOUN/NNS said/say/VERB/VBD talks/talk/NOUN/NNS were/be/AUX/VBD planned/plan/VERB/VBN ./././.",
	"France/France/PROPN/NNP signed/sign/VERB/VBD deals/deal/NOUN/NNS with/with/ADP/IN two/two/NUM/CD countries/country/NOUN/NNS ./././.",
	"She/she/PRON/PRP says/say/VERB/VBZ the/the/DET/DT cities/city/NOUN/NNS are/be/AUX/VBP planning/plan/VERB/VBG protests/protest/NOUN/NNS ./././.",
	"I/I/PRON/PRP do/do/AUX/VBP n't/not/PART/RB think/think/VERB/VB it/it/PRON/PRP 's/be/AUX/VBZ over/over/ADJ/JJ ./././.",
	"Americans/American/PROPN/NNPS arrived/arrive/VERB/VBD and/and/CCONJ/CC met/meet/VERB/VBD 1,200/1200/NUM/CD voters/voter/NOUN/NNS ./././.",
	"The/the/DET/DT envoy/envoy/NOUN/NN went/go/VERB/VBD to/to/ADP/IN Canberra/Canberra/PROPN/NNP ,/,/PUNCT/, talking/talk/VERB/VBG to/to/ADP/IN reporters/reporter/NOUN/NNS ./././.",
	"He/he/PRON/PRP tries/try/VERB/VBZ harder/hard/ADV/RBR than/than/ADP/IN bigger/big/ADJ/JJR parties/party/NOUN/NNS ./././.",
	"NATO/NATO/PROPN/NNP leaders/leader/NOUN/NNS moved/move/VERB/VBD troops/troop/NOUN/NNS “/\"/PUNCT/`` quickly/quickly/ADV/RB ”/\"/PUNCT/'' ./././.",
}

// fixtureSentences parses fixture.
func fixtureSentences() []*conllu.Sentence {
	var out []*conllu.Sentence
	for _, line := range fixture {
		s := &conllu.Sentence{}
		for i, tok := range strings.Fields(line) {
			f := strings.SplitN(tok, "/", 4)
			if tok == "./././." {
				f = []string{".", ".", "PUNCT", "."}
			}
			s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: f[0], Lemma: f[1], UPOS: f[2], XPOS: f[3]})
		}
		out = append(out, s)
	}
	return out
}

// ewt caches the model trained on the EWT training set, shared by the
// tests that need it.
var ewt struct {
	once sync.Once
	m    *Model
}

// trainEWT returns the model trained on the EWT training set and that set,
// skipping when the treebank is absent.
func trainEWT(t testing.TB) (*Model, []*conllu.Sentence) {
	t.Helper()
	train := readTreebank(t, "en_ewt-ud-train.conllu")
	ewt.once.Do(func() { ewt.m = Train(train) })
	return ewt.m, train
}

type lemmaCase struct {
	name, form, upos, xpos, want string
}

func runCases(t *testing.T, m *Model, cases []lemmaCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := m.Lemma(c.form, c.upos, c.xpos); got != c.want {
				t.Errorf("Lemma(%q, %s, %s) = %q, want %q", c.form, c.upos, c.xpos, got, c.want)
			}
		})
	}
}

func TestLemmaFixture(t *testing.T) {
	m := Train(fixtureSentences())
	runCases(t, m, []lemmaCase{
		{"seen plural", "ministers", "NOUN", "NNS", "minister"},
		{"seen irregular", "went", "VERB", "VBD", "go"},
		{"seen proper plural keeps case", "Americans", "PROPN", "NNPS", "American"},
		{"sentence-initial capital", "Officials", "NOUN", "NNS", "official"},
		{"unseen capital variant", "THE", "DET", "DT", "the"},
		{"unseen past", "reported", "VERB", "VBD", "report"},
		{"unseen past of -e verb", "approved", "VERB", "VBD", "approve"},
		{"unseen plural -ies", "agencies", "NOUN", "NNS", "agency"},
		{"unseen proper noun", "Lisbon", "PROPN", "NNP", "Lisbon"},
		{"acronym", "NATO", "PROPN", "NNP", "NATO"},
		{"negation", "n't", "PART", "RB", "not"},
		{"grouped number", "35,000", "NUM", "CD", "35000"},
		{"decimal number", "3.5", "NUM", "CD", "3.5"},
		{"typographic quote", "“", "PUNCT", "``", "\""},
		{"tag backs off to XPOS", "summits", "X", "NNS", "summit"},
		{"unknown tag", "Blorf", "ZZZ", "ZZZ", "Blorf"},
		{"empty form", "", "NOUN", "NN", ""},
	})
}

func TestLemmaEWT(t *testing.T) {
	m, _ := trainEWT(t)
	runCases(t, m, []lemmaCase{
		{"irregular went", "went", "VERB", "VBD", "go"},
		{"irregular was", "was", "AUX", "VBD", "be"},
		{"irregular been", "been", "AUX", "VBN", "be"},
		{"irregular children", "children", "NOUN", "NNS", "child"},
		{"irregular mice", "mice", "NOUN", "NNS", "mouse"},
		{"irregular feet", "feet", "NOUN", "NNS", "foot"},
		{"plural -ies", "cities", "NOUN", "NNS", "city"},
		{"plural -es", "boxes", "NOUN", "NNS", "box"},
		{"capitalized plural", "Talks", "NOUN", "NNS", "talk"},
		{"comparative better", "better", "ADJ", "JJR", "good"},
		{"superlative best", "best", "ADJ", "JJS", "good"},
		{"comparative worse", "worse", "ADJ", "JJR", "bad"},
		{"doubled consonant", "bigger", "ADJ", "JJR", "big"},
		{"adverb later", "later", "ADV", "RBR", "late"},
		{"proper plural keeps case", "Americans", "PROPN", "NNPS", "American"},
		{"proper noun keeps case", "Paris", "PROPN", "NNP", "Paris"},
		{"acronym", "NATO", "PROPN", "NNP", "NATO"},
		{"nationality adjective keeps case", "French", "ADJ", "JJ", "French"},
		{"month abbreviation", "Sept.", "PROPN", "NNP", "September"},
		{"pronoun I", "I", "PRON", "PRP", "I"},
		{"pronoun me", "me", "PRON", "PRP", "I"},
		{"pronoun them", "them", "PRON", "PRP", "they"},
		{"article The", "The", "DET", "DT", "the"},
		{"article an", "an", "DET", "DT", "a"},
		{"n't", "n't", "PART", "RB", "not"},
		{"typographic n't", "n’t", "PART", "RB", "not"},
		{"'s verb", "'s", "AUX", "VBZ", "be"},
		{"'s possessive", "'s", "PART", "POS", "'s"},
		{"'re", "'re", "AUX", "VBP", "be"},
		{"'m", "'m", "AUX", "VBP", "be"},
		{"'ll", "'ll", "AUX", "MD", "will"},
		{"'d", "'d", "AUX", "MD", "would"},
		{"wo", "wo", "AUX", "MD", "will"},
		{"ca", "ca", "AUX", "MD", "can"},
		{"gon", "gon", "VERB", "VBG", "go"},
		{"lent by VBN to VBD", "fought", "VERB", "VBD", "fight"},
		{"lent by NN to NNS", "information", "NOUN", "NNS", "information"},
		{"na", "na", "PART", "TO", "to"},
		{"grouped number", "1,250,000", "NUM", "CD", "1250000"},
		{"number", "42", "NUM", "CD", "42"},
		{"punctuation", ",", "PUNCT", ",", ","},
		{"curly quote", "”", "PUNCT", "''", "\""},
		{"unseen past -ed", "blorfed", "VERB", "VBD", "blorf"},
		{"unseen past doubled", "zapped", "VERB", "VBD", "zap"},
		{"unseen past -ied", "reclassified", "VERB", "VBN", "reclassify"},
		{"unseen -ing", "unfriending", "VERB", "VBG", "unfriend"},
		{"unseen -ing doubled", "snogging", "VERB", "VBG", "snog"},
		{"unseen third person -ies", "reclassifies", "VERB", "VBZ", "reclassify"},
		{"unseen plural -ies", "cryptocurrencies", "NOUN", "NNS", "cryptocurrency"},
		{"unseen plural -s", "blorfs", "NOUN", "NNS", "blorf"},
		{"unseen comparative -ier", "grobbier", "ADJ", "JJR", "grobby"},
		{"unseen proper noun", "Zelenskyy", "PROPN", "NNP", "Zelenskyy"},
		{"unseen capitalized noun", "Cryptocurrency", "NOUN", "NN", "cryptocurrency"},
		{"unseen capitals name", "ZELENSKYY", "PROPN", "NNP", "Zelenskyy"},
		{"unseen acronym", "OSCE", "PROPN", "NNP", "OSCE"},
	})
}

func TestTrainDeterministic(t *testing.T) {
	a, b := Train(fixtureSentences()), Train(fixtureSentences())
	if !bytes.Equal(encode(t, a), encode(t, b)) {
		t.Error("two trainings on the same sentences give different models")
	}
}

func encode(t testing.TB, m *Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	n, err := m.WriteTo(&buf)
	if err != nil || n != int64(buf.Len()) {
		t.Fatalf("WriteTo = %d, %v; wrote %d", n, err, buf.Len())
	}
	return buf.Bytes()
}

// checkRoundTrip checks that m read back lemmatizes words as m does and
// writes the same bytes.
func checkRoundTrip(t *testing.T, m *Model, sents []*conllu.Sentence) {
	t.Helper()
	b := encode(t, m)
	m2, err := Read(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if b2 := encode(t, m2); !bytes.Equal(b, b2) {
		t.Errorf("re-encoding gives %d bytes, first encoding %d", len(b2), len(b))
	}
	for _, s := range sents {
		for _, w := range s.Words {
			for _, form := range []string{w.Form, strings.ToUpper(w.Form), w.Form + "s"} {
				if l1, l2 := m.Lemma(form, w.UPOS, w.XPOS), m2.Lemma(form, w.UPOS, w.XPOS); l1 != l2 {
					t.Fatalf("Lemma(%q, %s, %s): trained %q, read %q", form, w.UPOS, w.XPOS, l1, l2)
				}
			}
		}
	}
}

func TestRoundTripFixture(t *testing.T) {
	checkRoundTrip(t, Train(fixtureSentences()), fixtureSentences())
}

func TestRoundTripEWT(t *testing.T) {
	m, train := trainEWT(t)
	checkRoundTrip(t, m, readTreebank(t, "en_ewt-ud-test.conllu"))
	if !bytes.Equal(encode(t, m), encode(t, Train(train))) {
		t.Error("two trainings on EWT give different models")
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	if _, err := Train(fixtureSentences()).WriteTo(failWriter{}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("WriteTo to a failing writer: %v", err)
	}
}

func TestReadErrors(t *testing.T) {
	good := encode(t, Train(fixtureSentences()))
	// A model with one tag, no tables, and the given intern list.
	oneTag := func(intern ...byte) []byte {
		b := append([]byte(magic), 1, 1, 'X', 1, 'Y')
		b = append(b, make([]byte, numShapes)...)
		b = append(b, 0, 0, 0) // exact, lower, rules
		return append(b, intern...)
	}
	withCase := oneTag(0)
	withCase[len(magic)+5] = byte(numCases)
	cases := []struct {
		name string
		in   []byte
		ok   bool
	}{
		{"trained model", good, true},
		{"minimal model", oneTag(0), true},
		{"empty", nil, false},
		{"bad magic", append([]byte("DYLEMMA\x02"), good[len(magic):]...), false},
		{"truncated", good[:len(good)-1], false},
		{"trailing byte", append(append([]byte{}, good...), 0), false},
		{"list longer than the data", append([]byte(magic), 0xff, 0xff, 0x03), false},
		{"overlong number", oneTag(0x80, 0x00), false},
		{"bad case class", withCase, false},
		{"keys out of order", oneTag(2, 0, 1, 'b', 0, 1, 'a'), false},
		{"duplicate key", oneTag(2, 0, 1, 'a', 0, 1, 'a'), false},
		{"key sharing too little", oneTag(2, 0, 1, 'a', 0, 2, 'a', 'b'), false},
		{"key sharing more than there is", oneTag(2, 0, 1, 'a', 3, 1, 'b'), false},
		{"sorted keys", oneTag(2, 0, 1, 'a', 1, 1, 'b'), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := Read(bytes.NewReader(c.in))
			switch {
			case c.ok && err != nil:
				t.Fatalf("Read: %v", err)
			case !c.ok && !errors.Is(err, ErrModel):
				t.Fatalf("Read = %v, want ErrModel", err)
			case c.ok && !bytes.Equal(encode(t, m), c.in):
				t.Errorf("read model writes different bytes")
			}
		})
	}
}
