package places

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
)

// goldCase is one line of testdata/gold.tsv.
type goldCase struct {
	line   int
	slice  string // from the last "# slice: NAME" comment
	text   string
	places []string // "words=ISO3"
}

// readGold parses the gold file: comment lines, a header, then text and
// places separated by a tab.
func readGold(r io.Reader) ([]goldCase, error) {
	var out []goldCase
	sc := bufio.NewScanner(r)
	header := false
	slice := ""
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if name, ok := strings.CutPrefix(line, "# slice: "); ok {
			slice, _, _ = strings.Cut(name, " ")
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !header {
			if line != "text\tplaces" {
				return nil, fmt.Errorf("gold.tsv:%d: header %q, want \"text\\tplaces\"", n, line)
			}
			header = true
			continue
		}
		text, places, ok := strings.Cut(line, "\t")
		if !ok || text == "" || strings.Contains(places, "\t") {
			return nil, fmt.Errorf("gold.tsv:%d: want text and places separated by one tab", n)
		}
		c := goldCase{line: n, text: text, slice: slice}
		for p := range strings.SplitSeq(places, "|") {
			if p == "" {
				continue
			}
			words, iso3, ok := strings.Cut(p, "=")
			if !ok || len(iso3) != 3 || !strings.Contains(text, words) {
				return nil, fmt.Errorf("gold.tsv:%d: place %q is not words=ISO3 with words in the text", n, p)
			}
			c.places = append(c.places, p)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gold.tsv: %w", err)
	}
	if !header {
		return nil, fmt.Errorf("gold.tsv: no header")
	}
	return out, nil
}

// TestGold scores the stage's cities and first-level regions against the
// gold file and fails below the floors.
func TestGold(t *testing.T) {
	f, err := os.Open("testdata/gold.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := readGold(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 60 {
		t.Fatalf("only %d gold sentences", len(cases))
	}
	type score struct{ tp, fp, fn, n int }
	slices := map[string]*score{}
	var order []string
	total := &score{}
	for _, c := range cases {
		sl := slices[c.slice]
		if sl == nil {
			sl = &score{}
			slices[c.slice] = sl
			order = append(order, c.slice)
		}
		sl.n++
		total.n++
		doc := parsed(t, &dyad.Article{Text: c.text})
		got := map[string]bool{}
		for _, p := range doc.Places {
			if p.Kind != "city" && p.Kind != "province" {
				continue
			}
			for _, m := range p.Mentions {
				got[m.Text+"="+p.Country] = true
			}
		}
		want := map[string]bool{}
		for _, p := range c.places {
			want[p] = true
		}
		var miss, extra []string
		for p := range want {
			if got[p] {
				sl.tp++
				total.tp++
			} else {
				sl.fn++
				total.fn++
				miss = append(miss, p)
			}
		}
		for p := range got {
			if !want[p] {
				sl.fp++
				total.fp++
				extra = append(extra, p)
			}
		}
		if len(miss)+len(extra) > 0 {
			sort.Strings(miss)
			sort.Strings(extra)
			t.Logf("gold.tsv:%d missed %v, extra %v: %s", c.line, miss, extra, c.text)
		}
	}
	prf := func(s *score) (p, r, f1 float64) {
		p = float64(s.tp) / float64(max(s.tp+s.fp, 1))
		r = float64(s.tp) / float64(max(s.tp+s.fn, 1))
		return p, r, 2 * p * r / max(p+r, 1e-9)
	}
	for _, name := range order {
		s := slices[name]
		p, r, f1 := prf(s)
		t.Logf("slice %-7s %2d sentences, tp %2d fp %d fn %d, precision %.3f recall %.3f F1 %.3f", name, s.n, s.tp, s.fp, s.fn, p, r, f1)
	}
	p, r, f1 := prf(total)
	t.Logf("places gold: %d sentences, tp %d fp %d fn %d, precision %.3f recall %.3f F1 %.3f",
		total.n, total.tp, total.fp, total.fn, p, r, f1)
	const minP, minR, minF1 = 0.90, 0.80, 0.85
	if p < minP || r < minR || f1 < minF1 {
		t.Errorf("precision %.3f recall %.3f F1 %.3f below the floors %.2f %.2f %.2f", p, r, f1, minP, minR, minF1)
	}
}

func TestReadGoldErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no header", "# c\n", "no header"},
		{"bad header", "txt\tplaces\n", "gold.tsv:1: header"},
		{"no tab", "text\tplaces\nIn Kyiv.\n", "gold.tsv:2"},
		{"bad place", "text\tplaces\nIn Kyiv.\tKyiv\n", "not words=ISO3"},
		{"words not in text", "text\tplaces\nIn Kyiv.\tLviv=UKR\n", "not words=ISO3"},
	}
	for _, tt := range tests {
		if _, err := readGold(strings.NewReader(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err %v, want %q", tt.name, err, tt.want)
		}
	}
}

// FuzzReadGold checks that the gold reader never panics and that every
// place it accepts is written in its sentence.
func FuzzReadGold(f *testing.F) {
	f.Add("text\tplaces\nIn Kyiv.\tKyiv=UKR\n")
	f.Add("# c\ntext\tplaces\nNothing here.\t\n")
	f.Add("text\tplaces\n\t=|\n")
	f.Fuzz(func(t *testing.T, in string) {
		cases, err := readGold(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, c := range cases {
			for _, p := range c.places {
				words, _, _ := strings.Cut(p, "=")
				if !strings.Contains(c.text, words) {
					t.Fatalf("accepted %q for %q", p, c.text)
				}
			}
		}
	})
}
