package ner

import (
	"bytes"
	"compress/gzip"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/internal/lang/models"
	"github.com/dyadproject/dyad/internal/lang/perceptron"
)

// invented training sentences: "word/TAG/LABEL" triples.
var inventedTrain = []string{
	"Minister/NNP/O Anna/NNP/B-PER Kovac/NNP/I-PER arrived/VBD/O in/IN/O Strelsau/NNP/B-LOC on/IN/O Monday/NNP/O ./././O",
	"The/DT/O Harbour/NNP/B-ORG Board/NNP/I-ORG met/VBD/O in/IN/O Ostrava/NNP/B-LOC ./././O",
	"Pavel/NNP/B-PER Novak/NNP/I-PER said/VBD/O the/DT/O Harbour/NNP/B-ORG Board/NNP/I-ORG would/MD/O act/VB/O ./././O",
	"Talks/NNS/O in/IN/O Ruritania/NNP/B-LOC ended/VBD/O ./././O",
	"Anna/NNP/B-PER Kovac/NNP/I-PER told/VBD/O the/DT/O Ostrava/NNP/B-ORG Herald/NNP/I-ORG ./././O",
	"Troops/NNS/O left/VBD/O Strelsau/NNP/B-LOC and/CC/O Ostrava/NNP/B-LOC ./././O",
}

func parseInvented(t testing.TB, lines []string) []Sentence {
	t.Helper()
	var out []Sentence
	for _, line := range lines {
		var s Sentence
		for _, item := range strings.Fields(line) {
			i := strings.LastIndexByte(item, '/')
			j := strings.LastIndexByte(item[:max(i, 0)], '/')
			if j <= 0 {
				t.Fatalf("bad item %q", item)
			}
			parts := []string{item[:j], item[j+1 : i], item[i+1:]}
			c, ok := LabelClass(parts[2])
			if !ok && parts[2] != "O" {
				t.Fatalf("bad label %q", parts[2])
			}
			s.Words = append(s.Words, Word{Form: parts[0], XPOS: parts[1], UPOS: "X"})
			s.Labels = append(s.Labels, c)
		}
		out = append(out, s)
	}
	return out
}

func trainInvented(t testing.TB) *Model {
	t.Helper()
	sents := parseInvented(t, inventedTrain)
	var text [][]string
	for _, s := range sents {
		var ws []string
		for _, w := range s.Words {
			ws = append(ws, w.Form)
		}
		text = append(text, ws)
	}
	m, err := Train(sents, TrainOptions{Epochs: 10, Seed: 1,
		Gazetteer: []Phrase{{Words: []string{"Ruritania"}, Kind: Country}, {Words: []string{"Harbour", "Board"}, Kind: Org}},
		Clusters:  Cluster(text, ClusterOptions{Coarse: 2, Fine: 4, MinCount: 1, Contexts: 10})})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTrainLearnsTrainingSet(t *testing.T) {
	m := trainInvented(t)
	for _, s := range parseInvented(t, inventedTrain) {
		out := make([]int, len(s.Words))
		m.Label(s.Words, out, nil)
		if !reflect.DeepEqual(out, s.Labels) {
			t.Errorf("%v: got %v want %v", s.Words, out, s.Labels)
		}
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	m := trainInvented(t)
	var a, b bytes.Buffer
	if _, err := m.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	m2, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m2.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("model changed in a write-read-write round trip")
	}
	// Training again with the same seed writes the same bytes.
	var c bytes.Buffer
	if _, err := trainInvented(t).WriteTo(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("training is not deterministic")
	}
	words := []Word{{"Anna", "X", "NNP"}, {"Kovac", "X", "NNP"}, {"visited", "X", "VBD"}, {"Ruritania", "X", "NNP"}}
	o1, o2 := make([]int, 4), make([]int, 4)
	m.Label(words, o1, nil)
	m2.Label(words, o2, nil)
	if !reflect.DeepEqual(o1, o2) {
		t.Errorf("labels differ after reading: %v vs %v", o1, o2)
	}
}

func TestReadRejectsDamage(t *testing.T) {
	var buf bytes.Buffer
	if _, err := trainInvented(t).WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	for _, n := range []int{0, 4, len(magic), len(magic) + 1, len(good) / 2, len(good) - 1} {
		if _, err := Read(bytes.NewReader(good[:n])); !errors.Is(err, ErrModel) {
			t.Errorf("truncated at %d: err %v", n, err)
		}
	}
	bad := append([]byte(nil), good...)
	bad[len(magic)] = 9 // label count
	if _, err := Read(bytes.NewReader(bad)); !errors.Is(err, ErrModel) {
		t.Errorf("wrong label count: err %v", err)
	}
}

func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	if _, err := trainInvented(f).WriteTo(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, ErrModel) {
				t.Fatalf("error is not ErrModel: %v", err)
			}
			return
		}
		words := []Word{{"Anna", "PROPN", "NNP"}, {"met", "VERB", "VBD"}, {"Pavel", "PROPN", "NNP"}}
		out := make([]int, len(words))
		m.Label(words, out, nil)
		checkIOB2(t, out)
	})
}

func checkIOB2(t *testing.T, labels []int) {
	t.Helper()
	prev := O
	for i, c := range labels {
		if c < 0 || c >= numLabels || !allowed(prev, c) {
			t.Fatalf("label %d: %d after %d", i, c, prev)
		}
		prev = c
	}
}

func TestEntities(t *testing.T) {
	for _, tc := range []struct {
		labels string
		want   []Entity
	}{
		{"O O", nil},
		{"B-PER I-PER O B-LOC", []Entity{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"B-ORG B-ORG I-ORG", []Entity{{0, 1, "ORG"}, {1, 3, "ORG"}}},
		{"B-PER I-LOC", []Entity{{0, 1, "PER"}}}, // a stray I- never starts an entity
		{"I-PER O", nil},
	} {
		var cls []int
		for _, l := range strings.Fields(tc.labels) {
			c, ok := LabelClass(l)
			if !ok && l != "O" {
				t.Fatalf("label %q", l)
			}
			cls = append(cls, c)
		}
		if got := Entities(cls); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v want %v", tc.labels, got, tc.want)
		}
	}
}

func TestLabels(t *testing.T) {
	for c := range numLabels {
		got, ok := LabelClass(LabelName(c))
		if !ok || got != c {
			t.Errorf("class %d: %q -> %d %v", c, LabelName(c), got, ok)
		}
	}
	if _, ok := LabelClass("B-OTH"); ok {
		t.Error("B-OTH is not a recognizer label")
	}
	for prev := range numLabels {
		for c := range numLabels {
			typ, inside := strings.CutPrefix(LabelName(c), "I-")
			want := !inside || LabelName(prev) == "B-"+typ || LabelName(prev) == "I-"+typ
			if allowed(prev, c) != want {
				t.Errorf("allowed(%s, %s) = %v", LabelName(prev), LabelName(c), !want)
			}
		}
	}
}

func TestShape(t *testing.T) {
	for in, want := range map[string]string{"McCain": "XxXx", "2026": "d", "U.S.": "X.X.", "NATO": "X", "e-mail": "x-x",
		"Ōsaka": "Xx", "3,40": "d,d"} {
		if got := shape(in); got != want {
			t.Errorf("shape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTrainRejectsBadLabels(t *testing.T) {
	_, err := Train([]Sentence{{Words: []Word{{Form: "Board"}}, Labels: []int{4}}}, TrainOptions{Epochs: 1})
	if err == nil {
		t.Error("an I- label first in a sentence was accepted")
	}
	_, err = Train([]Sentence{{Words: []Word{{Form: "Board"}}, Labels: nil}}, TrainOptions{Epochs: 1})
	if err == nil {
		t.Error("missing labels accepted")
	}
}

func TestClusterGroupsSimilarWords(t *testing.T) {
	// Cities follow "in" and precede "."; people precede "said".
	var text [][]string
	for i := range 30 {
		city := []string{"Strelsau", "Ostrava", "Zenda"}[i%3]
		person := []string{"Kovac", "Novak", "Horak"}[i%3]
		text = append(text, []string{"talks", "in", city, "."}, []string{"minister", person, "said", "so"})
	}
	c := Cluster(text, ClusterOptions{Coarse: 2, Fine: 4, MinCount: 1, Contexts: 10, Seed: 3})
	fine := func(w string) uint32 { return c.ids[clusterKey(w)] & 0xffff }
	if fine("Strelsau") != fine("Zenda") || fine("Kovac") != fine("Horak") || fine("Zenda") == fine("Horak") {
		t.Errorf("clusters: Strelsau %d Zenda %d Kovac %d Horak %d", fine("Strelsau"), fine("Zenda"), fine("Kovac"), fine("Horak"))
	}
	if c.Len() != 12 {
		t.Errorf("%d words clustered", c.Len())
	}
}

// BenchmarkLabel labels invented news sentences with the embedded model
// (as `dyad train` wrote it), and reports words per second and allocations
// per word.
func BenchmarkLabel(b *testing.B) {
	f, err := models.FS.Open("ner.bin.gz")
	if err != nil {
		b.Skipf("no embedded model: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	m, err := Read(zr)
	if err != nil {
		b.Fatal(err)
	}
	sents := parseInvented(b, inventedTrain)
	out := make([]int, 64)
	var s Scratch
	tokens := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st := sents[i%len(sents)]
		m.Label(st.Words, out, &s)
		tokens += len(st.Words)
	}
	b.StopTimer()
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	words := sents[0].Words
	allocs := testing.AllocsPerRun(100, func() { m.Label(words, out, &s) })
	b.ReportMetric(allocs/float64(len(words)), "allocs/token")
}

func TestNormalizeMatchesPerceptron(t *testing.T) {
	for _, w := range []string{"Kyiv", "2026", "U.S.", "Ōsaka", "ÉLYSÉE", "a1B2", "", "İstanbul", "NATO's"} {
		if got, want := string(lowerWord(nil, w)), perceptron.NormalizeWord(w); got != want {
			t.Errorf("lowerWord(%q) = %q, want %q", w, got, want)
		}
	}
}
