package perceptron

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"
)

// toy learns to predict a class from which of four features are on.
func toyTrain(t testing.TB) *Model {
	tr := NewTrainer(3)
	rng := rand.New(rand.NewPCG(1, 2))
	scores := make([]float32, 3)
	for range 2000 {
		class := rng.IntN(3)
		feats := []uint64{Feature(0), Feature(1, uint64(class)), Feature(2, uint64(rng.IntN(5)))}
		tr.Scores(feats, scores)
		guess := Argmax(scores)
		tr.Update(feats, class, guess)
		tr.Tick()
	}
	return tr.Model(0)
}

func TestLearnsAndRoundTrips(t *testing.T) {
	m := toyTrain(t)
	scores := make([]float32, 3)
	for class := range 3 {
		m.Scores([]uint64{Feature(0), Feature(1, uint64(class)), Feature(2, 3)}, scores)
		if got := Argmax(scores); got != class {
			t.Errorf("class %d predicted as %d (%v)", class, got, scores)
		}
	}
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
		t.Error("write → read → write changed the bytes")
	}
	if m2.Features() != m.Features() || m2.Weights() != m.Weights() {
		t.Errorf("features %d/%d weights %d/%d", m2.Features(), m.Features(), m2.Weights(), m.Weights())
	}
	again := toyTrain(t)
	var c bytes.Buffer
	again.WriteTo(&c)
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("training twice gave different models")
	}
}

func TestPrune(t *testing.T) {
	tr := NewTrainer(2)
	f := []uint64{Feature(7)}
	tr.Update(f, 1, 0)
	for range 99 {
		tr.Tick()
	}
	tr.Update([]uint64{Feature(8)}, 1, 0) // seen at the very end: tiny average
	tr.Tick()
	if m := tr.Model(0.1); m.Features() != 1 {
		t.Errorf("pruned model has %d features, want 1", m.Features())
	}
}

func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	toyTrain(f).WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte("dyadPCP2"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, ErrModel) {
				t.Fatalf("error %v is not ErrModel", err)
			}
			return
		}
		scores := make([]float32, m.Classes())
		m.Scores([]uint64{Feature(0), Feature(1, 2)}, scores)
	})
}

func BenchmarkScores(b *testing.B) {
	m := toyTrain(b)
	feats := make([]uint64, 70)
	for i := range feats {
		feats[i] = Feature(uint64(i%3), uint64(i))
	}
	scores := make([]float32, 3)
	b.ReportAllocs()
	for b.Loop() {
		m.Scores(feats, scores)
	}
	b.ReportMetric(float64(len(feats)*b.N)/b.Elapsed().Seconds(), "features/s")
}

func TestHalf(t *testing.T) {
	for _, f := range []float32{0, 1, -1, 0.5, 3.14159, -1234.5, 65504, 1e-3, -2.5e-5, 1e-9, 1e9} {
		got := fromHalf(toHalf(f))
		want := f
		if f > 65504 {
			want = 65504
		}
		if f != 0 && f > -1e-7 && f < 1e-7 {
			want = 0
		}
		if diff := got - want; diff > want/1024 && diff > 1e-7 || diff < -want/1024 && diff < -1e-7 && want > 0 {
			t.Errorf("half(%g) = %g", f, got)
		}
		if (got < 0) != (want < 0) && want != 0 {
			t.Errorf("half(%g) = %g: sign lost", f, got)
		}
	}
}

func TestWordFeatures(t *testing.T) {
	for in, want := range map[string]string{"McCain": "XxXx", "2026": "d", "U.S.": "X.X.", "e-mail": "x-x", "Ōsaka": "Xx",
		"a.b.c.d.e": "x.x.x.x.", "«Kyiv»": "?Xx?"} {
		if got := string(AppendShape([]byte("pre:"), in, 8)); got != "pre:"+want {
			t.Errorf("AppendShape(%q, 8) = %q, want %q", in, got, "pre:"+want)
		}
	}
	if got := string(AppendShape(nil, "a.b.c.d.e", 9)); got != "x.x.x.x.x" {
		t.Errorf("AppendShape with limit 9 = %q", got)
	}
	if Prefix("Ōsaka", 2) != "Ōs" || Prefix("ab", 3) != "ab" || Suffix("Kyiv", 2) != "iv" || Suffix("ж", 3) != "ж" {
		t.Error("Prefix or Suffix wrong")
	}
}

// TestAddScores checks that scores computed in parts add up to the scores of
// all the features at once, whatever the split.
func TestAddScores(t *testing.T) {
	m := toyTrain(t)
	feats := []uint64{Feature(0), Feature(1, 2), Feature(2, 3), Feature(2, 4), Feature(9, 9)}
	all := make([]float32, 3)
	m.Scores(feats, all)
	for split := range len(feats) + 1 {
		parts := make([]float32, 3)
		m.Scores(feats[:split], parts)
		m.AddScores(feats[split:], parts)
		for c := range all {
			if d := parts[c] - all[c]; d > 1e-5 || d < -1e-5 {
				t.Errorf("split at %d: class %d scored %g, want %g", split, c, parts[c], all[c])
			}
		}
	}
	if all[0] == 0 && all[1] == 0 && all[2] == 0 {
		t.Error("all scores zero: the toy model learned nothing")
	}
}
