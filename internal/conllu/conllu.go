// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies treebanks (https://universaldependencies.org/format.html).
//
// A [Sentence] keeps its comment lines, its syntactic words (ID 1..n) and its
// multiword tokens (range lines such as "3-4 don't"). Empty nodes (IDs such as
// "8.1", used by enhanced dependencies) are skipped on reading: dyad parses
// basic trees only. Writing a sentence that was read gives the same lines,
// except for the skipped empty nodes.
//
// The reader is strict about the shape of a line (ten tab-separated columns,
// numeric IDs and heads) and names the line of any error, so a truncated or
// malformed file is reported, never silently misread.
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// ErrFormat reports a malformed CoNLL-U file.
var ErrFormat = errors.New("conllu: malformed input")

// Word is one syntactic word: a line whose ID is an integer.
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // 0 for the root
	Deprel string
	Deps   string
	Misc   string
}

// SpaceAfter reports whether the word is followed by a space in the
// original text (MISC lacks SpaceAfter=No).
func (w Word) SpaceAfter() bool { return !hasMisc(w.Misc, "SpaceAfter=No") }

// MultiWord is a multiword token: a surface token spanning words First..Last.
type MultiWord struct {
	First, Last int
	Form        string
	Misc        string
}

// SpaceAfter reports whether the token is followed by a space.
func (m MultiWord) SpaceAfter() bool { return !hasMisc(m.Misc, "SpaceAfter=No") }

func hasMisc(misc, item string) bool {
	for _, f := range strings.Split(misc, "|") {
		if f == item {
			return true
		}
	}
	return false
}

// Sentence is one sentence of a CoNLL-U file.
type Sentence struct {
	Comments []string // without the leading "# "
	Words    []Word
	Tokens   []MultiWord
	Line     int // line of its first line in the file
}

// Comment returns the value of the comment "key = value", if any.
func (s *Sentence) Comment(key string) (string, bool) {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v), true
		}
		if !ok && strings.TrimSpace(c) == key {
			return "", true
		}
	}
	return "", false
}

// Text returns the sentence's "# text" comment, or its words joined as
// their SpaceAfter flags say when it has none.
func (s *Sentence) Text() string {
	if t, ok := s.Comment("text"); ok {
		return t
	}
	var b strings.Builder
	for _, u := range s.Surface() {
		b.WriteString(u.Form)
		if u.SpaceAfter {
			b.WriteByte(' ')
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// Unit is a surface token: a word outside any multiword token, or a
// multiword token with the words it covers.
type Unit struct {
	Form       string
	SpaceAfter bool
	First      int // index into Words
	Last       int // index into Words, inclusive
}

// Surface returns the sentence's surface tokens in order.
func (s *Sentence) Surface() []Unit {
	var out []Unit
	t := 0
	for i := 0; i < len(s.Words); i++ {
		w := s.Words[i]
		if t < len(s.Tokens) && s.Tokens[t].First == w.ID {
			mw := s.Tokens[t]
			last := i + (mw.Last - mw.First)
			if last >= len(s.Words) {
				last = len(s.Words) - 1
			}
			out = append(out, Unit{Form: mw.Form, SpaceAfter: mw.SpaceAfter(), First: i, Last: last})
			i = last
			t++
			continue
		}
		out = append(out, Unit{Form: w.Form, SpaceAfter: w.SpaceAfter(), First: i, Last: i})
	}
	return out
}

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Reader
	name string
	line int
}

// NewReader returns a reader of r; name is used in errors.
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{sc: bufio.NewReaderSize(r, 1<<16), name: name}
}

// Read returns the next sentence, or io.EOF after the last.
func (r *Reader) Read() (*Sentence, error) {
	var s *Sentence
	for {
		line, err := r.sc.ReadString('\n')
		if line == "" && err != nil {
			if err == io.EOF && s != nil {
				return s, check(s, r.name)
			}
			return nil, err
		}
		r.line++
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if s != nil {
				return s, check(s, r.name)
			}
			continue
		}
		if s == nil {
			s = &Sentence{Line: r.line}
		}
		if strings.HasPrefix(line, "#") {
			s.Comments = append(s.Comments, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		}
		if err := parseLine(s, line); err != nil {
			return nil, fmt.Errorf("%s:%d: %w: %v", r.name, r.line, ErrFormat, err)
		}
	}
}

// ReadFile reads every sentence of the file at path.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(f, path)
}

// ReadAll reads every sentence of r.
func ReadAll(r io.Reader, name string) ([]*Sentence, error) {
	rd := NewReader(r, name)
	var out []*Sentence
	for {
		s, err := rd.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

func parseLine(s *Sentence, line string) error {
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return fmt.Errorf("want 10 tab-separated columns, got %d", len(f))
	}
	id := f[0]
	if strings.Contains(id, ".") {
		return nil // an empty node of the enhanced graph
	}
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || first < 1 || last < first {
			return fmt.Errorf("bad range ID %q", id)
		}
		s.Tokens = append(s.Tokens, MultiWord{First: first, Last: last, Form: f[1], Misc: f[9]})
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil || n != len(s.Words)+1 {
		return fmt.Errorf("bad word ID %q (want %d)", id, len(s.Words)+1)
	}
	head := 0
	if f[6] != "_" {
		if head, err = strconv.Atoi(f[6]); err != nil || head < 0 {
			return fmt.Errorf("bad HEAD %q", f[6])
		}
	}
	s.Words = append(s.Words, Word{ID: n, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
		Head: head, Deprel: f[7], Deps: f[8], Misc: f[9]})
	return nil
}

// check validates what only a whole sentence shows.
func check(s *Sentence, name string) error {
	if len(s.Words) == 0 {
		return fmt.Errorf("%s:%d: %w: sentence without words", name, s.Line, ErrFormat)
	}
	for _, w := range s.Words {
		if w.Head > len(s.Words) {
			return fmt.Errorf("%s:%d: %w: word %d has head %d beyond the sentence", name, s.Line, ErrFormat, w.ID, w.Head)
		}
	}
	for _, t := range s.Tokens {
		if t.Last > len(s.Words) {
			return fmt.Errorf("%s:%d: %w: token %d-%d beyond the sentence", name, s.Line, ErrFormat, t.First, t.Last)
		}
	}
	return nil
}

// Write writes s in CoNLL-U, followed by a blank line.
func Write(w io.Writer, s *Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		bw.WriteString("# ")
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	t := 0
	for _, wd := range s.Words {
		for t < len(s.Tokens) && s.Tokens[t].First == wd.ID {
			mw := s.Tokens[t]
			fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", mw.First, mw.Last, mw.Form, orUnderscore(mw.Misc))
			t++
		}
		head := strconv.Itoa(wd.Head)
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", wd.ID, wd.Form, orUnderscore(wd.Lemma),
			orUnderscore(wd.UPOS), orUnderscore(wd.XPOS), orUnderscore(wd.Feats), head, orUnderscore(wd.Deprel),
			orUnderscore(wd.Deps), orUnderscore(wd.Misc))
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

func orUnderscore(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
