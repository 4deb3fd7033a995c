package conllu

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/internal/shareddata"
)

const sample = `# newdoc id = d1
# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = s2
1	Hi	hi	INTJ	UH	_	0	root	_	_
1.1	x	x	X	X	_	_	_	0:dep	_

`

func TestReadWrite(t *testing.T) {
	ss, err := ReadAll(strings.NewReader(sample), "x")
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 || len(ss[0].Words) != 5 || len(ss[0].Tokens) != 1 || len(ss[1].Words) != 1 {
		t.Fatalf("read %+v", ss)
	}
	if id, _ := ss[0].Comment("sent_id"); id != "s1" {
		t.Errorf("sent_id %q", id)
	}
	if txt := ss[0].Text(); txt != "I don't know." {
		t.Errorf("text %q", txt)
	}
	if txt := ss[1].Text(); txt != "Hi" {
		t.Errorf("text without comment %q", txt)
	}
	units := ss[0].Surface()
	if len(units) != 4 || units[1].Form != "don't" || units[1].First != 1 || units[1].Last != 2 || units[2].SpaceAfter {
		t.Errorf("surface %+v", units)
	}
	var buf bytes.Buffer
	for _, s := range ss {
		if err := Write(&buf, s); err != nil {
			t.Fatal(err)
		}
	}
	want := strings.Replace(sample, "1.1\tx\tx\tX\tX\t_\t_\t_\t0:dep\t_\n", "", 1)
	if buf.String() != want {
		t.Errorf("round trip:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestErrors(t *testing.T) {
	tests := map[string]string{
		"columns":       "1\tx\tx\n\n",
		"bad id":        "2\tx\tx\tX\tX\t_\t0\troot\t_\t_\n\n",
		"bad head":      "1\tx\tx\tX\tX\t_\tz\troot\t_\t_\n\n",
		"head too big":  "1\tx\tx\tX\tX\t_\t5\troot\t_\t_\n\n",
		"bad range":     "3-1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n\n",
		"comments only": "# text = x\n\n",
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := ReadAll(strings.NewReader(in), "bad.conllu")
			if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "bad.conllu:") {
				t.Errorf("error %v, want ErrFormat naming the file", err)
			}
		})
	}
}

func TestReadsEWT(t *testing.T) {
	path := shareddata.Path(t, "ud-en-ewt", "en_ewt-ud-dev.conllu")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ss, err := ReadAll(f, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2001 {
		t.Errorf("read %d sentences, want 2001", len(ss))
	}
}

// FuzzRead checks that reading never panics and that what it reads writes
// back to something it reads the same.
func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("1\tx\tx\tX\tX\t_\t0\troot\t_\t_")
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := ReadAll(strings.NewReader(in), "f")
		if err != nil {
			return
		}
		var buf bytes.Buffer
		for _, s := range ss {
			Write(&buf, s)
		}
		again, err := ReadAll(&buf, "again")
		if err != nil && err != io.EOF {
			t.Fatalf("rereading written output: %v\n%q", err, buf.String())
		}
		if len(again) != len(ss) {
			t.Fatalf("%d sentences became %d", len(ss), len(again))
		}
		for i := range ss {
			if len(again[i].Words) != len(ss[i].Words) {
				t.Fatalf("sentence %d: %d words became %d", i, len(ss[i].Words), len(again[i].Words))
			}
		}
	})
}
