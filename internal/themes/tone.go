package themes

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"strings"

	"github.com/dyadproject/dyad"
)

//go:embed polarity.tsv
var polarityTSV []byte

// Toner is the tone stage. It is safe for concurrent use.
type Toner struct {
	polarity map[string]int8
}

var _ dyad.Stage = (*Toner)(nil)

// NewToner parses the embedded polarity table.
func NewToner() (*Toner, error) {
	t := &Toner{polarity: map[string]int8{}}
	sc := bufio.NewScanner(bytes.NewReader(polarityTSV))
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.HasPrefix(text, "#") || text == "word\tpolarity" {
			continue
		}
		w, p, ok := strings.Cut(text, "\t")
		if !ok || (p != "+1" && p != "-1") {
			return nil, fmt.Errorf("polarity.tsv:%d: %w: %q", line, ErrTaxonomy, text)
		}
		t.polarity[w] = map[string]int8{"+1": 1, "-1": -1}[p]
	}
	return t, sc.Err()
}

// Name returns "tone".
func (*Toner) Name() string { return "tone" }

// Process sets doc.Tone from the words of the analyzed sentences.
func (t *Toner) Process(doc *dyad.Document) error {
	words, pos, neg := 0, 0, 0
	for _, tk := range doc.Tokens {
		if tk.Kind != dyad.Word {
			continue
		}
		words++
		switch t.polarity[strings.ToLower(tk.Text)] {
		case 1:
			pos++
		case -1:
			neg++
		}
	}
	if words == 0 {
		return nil
	}
	p := round(100 * float64(pos) / float64(words))
	n := round(100 * float64(neg) / float64(words))
	doc.Tone = &dyad.Tone{Tone: round(p - n), Positive: p, Negative: n, Polarity: round(p + n), Words: words}
	return nil
}

func round(v float64) float64 { return math.Round(v*100) / 100 }
