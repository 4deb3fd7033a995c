package eval

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/internal/lang"
	"github.com/dyadproject/dyad/internal/shareddata"
)

// A tiny invented UNER-style file: id, form, label, two more columns.
const tinyIOB2 = `# sent_id = a-1
# text = Leaders of Ruritania met in Strelsau.
1	Leaders	O	-	x
2	of	O	-	x
3	Ruritania	B-LOC	-	x
4	met	O	-	x
5	in	O	-	x
6	Strelsau	B-LOC	-	x
7	.	O	-	x

# sent_id = a-2
1	Maria	B-PER	-	x
2	Vasquez	I-PER	-	x
3	of	O	-	x
4	the	O	-	x
5	Harbour	B-ORG	-	x
6	Board	I-ORG	-	x
7	spoke	O	-	x
8	to	O	-	x
9	Agence	B-OTH	-	x
10	Nova	I-OTH	-	x
`

func TestReadIOB2(t *testing.T) {
	ss, err := ReadIOB2(strings.NewReader(tinyIOB2), "tiny.iob2")
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 || ss[0].ID != "a-1" || ss[1].ID != "a-2" {
		t.Fatalf("sentences %+v", ss)
	}
	if got := strings.Join(ss[1].Words, " "); got != "Maria Vasquez of the Harbour Board spoke to Agence Nova" {
		t.Errorf("words %q", got)
	}
	if got := strings.Join(ss[1].Labels, " "); got != "B-PER I-PER O O B-ORG I-ORG O O B-OTH I-OTH" {
		t.Errorf("labels %q", got)
	}
	// Two columns, space-separated, CoNLL 2003 style.
	ss, err = ReadIOB2(strings.NewReader("Envoys O\nleft O\nOstrava B-LOC\n"), "two.txt")
	if err != nil || len(ss) != 1 || ss[0].Words[2] != "Ostrava" || ss[0].Labels[2] != "B-LOC" {
		t.Errorf("two columns: %+v %v", ss, err)
	}
}

func TestReadIOB2Errors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"I- without B-", "1\tThe\tO\n2\tMinistry\tI-ORG\n", "bad.iob2:2"},
		{"I- of another type", "1\tAnna\tB-PER\n2\tCorp\tI-ORG\n", "bad.iob2:2"},
		{"I- first in sentence", "1\tA\tO\n\n1\tBoard\tI-ORG\n", "bad.iob2:3"},
		{"one column", "# c\n1\tA\tO\nlonely\n", "bad.iob2:3"},
		{"unknown label", "1\tRain\tX-LOC\n", "bad.iob2:1"},
		{"empty type", "1\tRain\tB-\n", "bad.iob2:1"},
		{"empty form", "1\t\tO\n", "bad.iob2:1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadIOB2(strings.NewReader(tc.in), "bad.iob2")
			if err == nil || !errors.Is(err, ErrIOB2) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %v, want ErrIOB2 naming %s", err, tc.want)
			}
		})
	}
}

func TestScoreNER(t *testing.T) {
	gold, err := ReadIOB2(strings.NewReader(tinyIOB2), "tiny.iob2")
	if err != nil {
		t.Fatal(err)
	}
	pred := [][]string{
		// Ruritania right; Strelsau typed ORG: a false positive and a miss.
		{"O", "O", "B-LOC", "O", "O", "B-ORG", "O"},
		// Maria Vasquez cut short (wrong span), Harbour Board right, OTH
		// predicted as ORG (a false positive: OTH is not scored in gold).
		{"B-PER", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG"},
	}
	sc, err := ScoreNER(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	// Gold: LOC 2, PER 1, ORG 1 = 4. Predicted: LOC 1, ORG 3, PER 1 = 5. Right: 2.
	if sc.Gold != 4 || sc.Predicted != 5 || sc.TruePos != 2 {
		t.Fatalf("counts %+v", sc.PRF)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if !near(sc.Precision, 0.4) || !near(sc.Recall, 0.5) || !near(sc.F1, 2*0.4*0.5/0.9) {
		t.Errorf("PRF %+v", sc.PRF)
	}
	if p := sc.PerType["LOC"]; p.Gold != 2 || p.Predicted != 1 || !near(p.Precision, 1) || !near(p.Recall, 0.5) {
		t.Errorf("LOC %+v", p)
	}
	if p := sc.PerType["PER"]; p.Gold != 1 || p.Predicted != 1 || p.F1 != 0 {
		t.Errorf("PER %+v", p)
	}
	if p := sc.PerType["ORG"]; p.Gold != 1 || p.Predicted != 3 || !near(p.Precision, 1.0/3) || !near(p.Recall, 1) {
		t.Errorf("ORG %+v", p)
	}
	if sc.Sentences != 2 || sc.Words != 17 {
		t.Errorf("sentences %d words %d", sc.Sentences, sc.Words)
	}
	if _, err := ScoreNER(gold, pred[:1]); err == nil {
		t.Error("sentence count mismatch accepted")
	}
	if _, err := ScoreNER(gold, [][]string{pred[0], pred[1][:3]}); err == nil {
		t.Error("label count mismatch accepted")
	}
	perfect, _ := ScoreNER(gold, [][]string{gold[0].Labels, gold[1].Labels})
	if perfect.F1 != 1 {
		t.Errorf("gold against itself: %+v", perfect.PRF)
	}
}

// TestNERFloor asserts the recognizer's accuracy on the Universal NER
// English EWT test set, with tags from dyad's own tagger.
func TestNERFloor(t *testing.T) {
	path := shareddata.Path(t, "uner", "ewt-en_ewt-ud-test.iob2")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadIOB2(f, path)
	if err != nil {
		t.Fatal(err)
	}
	an, err := lang.Load()
	if err != nil {
		t.Fatal(err)
	}
	sc, err := NER(an, gold)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("UNER EWT test: P %.4f R %.4f F1 %.4f; PER %.4f ORG %.4f LOC %.4f", sc.Precision, sc.Recall, sc.F1,
		sc.PerType["PER"].F1, sc.PerType["ORG"].F1, sc.PerType["LOC"].F1)
	floors := map[string]float64{"": 0.69, "PER": 0.78, "ORG": 0.44, "LOC": 0.74}
	for typ, floor := range floors {
		got := sc.F1
		if typ != "" {
			got = sc.PerType[typ].F1
		}
		if got < floor {
			t.Errorf("%s F1 %.4f below the floor %.2f", typ, got, floor)
		}
	}
}

func FuzzReadIOB2(f *testing.F) {
	f.Add(tinyIOB2)
	f.Add("Envoys O\nleft O\nOstrava B-LOC\n\n-DOCSTART- O\n")
	f.Add("1\tThe\tO\n2\tMinistry\tI-ORG\n")
	f.Add("# sent_id = x\n\n\n1\tA\tB-PER\n2\tB\tI-PER\r\n")
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := ReadIOB2(strings.NewReader(in), "fuzz")
		if err != nil {
			if !errors.Is(err, ErrIOB2) && !strings.Contains(err.Error(), "fuzz") {
				t.Fatalf("error does not name the input: %v", err)
			}
			return
		}
		// What the reader accepts is valid IOB2: scoring it against
		// itself is perfect, and every entity's first label is B-.
		pred := make([][]string, len(ss))
		for i, s := range ss {
			if len(s.Words) == 0 || len(s.Words) != len(s.Labels) {
				t.Fatalf("sentence %d: %d words, %d labels", i, len(s.Words), len(s.Labels))
			}
			pred[i] = s.Labels
			for j, l := range s.Labels {
				if typ, ok := strings.CutPrefix(l, "I-"); ok && (j == 0 || s.Labels[j-1] != "B-"+typ && s.Labels[j-1] != "I-"+typ) {
					t.Fatalf("accepted a dangling %s", l)
				}
			}
		}
		sc, err := ScoreNER(ss, pred)
		if err != nil {
			t.Fatal(err)
		}
		if sc.Gold > 0 && sc.F1 != 1 {
			t.Fatalf("self-score %+v", sc.PRF)
		}
	})
}
