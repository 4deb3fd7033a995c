package ontology

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/dyadproject/dyad"
)

//go:embed cameo.tsv
var cameoTSV []byte

// ErrInvalid reports a table that breaks one of the package's invariants.
var ErrInvalid = errors.New("ontology: invalid table")

// header is the first line of cameo.tsv.
var header = []string{"code", "name", "goldstein", "root", "quad_class", "plover_type", "plover_mode", "plover_context"}

// Code is one CAMEO event code.
type Code struct {
	Code string // "042"
	Name string // "Make a visit"
	Root string // "04"
	// Goldstein is the code's score on the Goldstein conflict-cooperation
	// scale, from -10 to +10.
	Goldstein float64
	// QuadClass is 1 verbal cooperation, 2 material cooperation, 3 verbal
	// conflict or 4 material conflict, after GDELT's convention.
	QuadClass int
	// PLOVER is the code's PLOVER event type, mode and context; Type is empty
	// for codes PLOVER dropped (roots 01 and 02).
	PLOVER dyad.PLOVER
}

// Ontology is the table of CAMEO codes. Its methods are safe for concurrent
// use; it never changes after construction.
type Ontology struct {
	codes []Code // sorted by Code
	index map[string]int
}

// Load parses the embedded table.
func Load() (*Ontology, error) {
	o, err := Parse(bytes.NewReader(cameoTSV))
	if err != nil {
		return nil, fmt.Errorf("load embedded cameo.tsv: %w", err)
	}
	return o, nil
}

// PLOVERTypes lists PLOVER's sixteen event types in the order of its manual.
func PLOVERTypes() []string {
	return []string{
		"AGREE", "CONSULT", "SUPPORT", "CONCEDE",
		"COOPERATE", "AID", "RETREAT",
		"REQUEST", "ACCUSE", "REJECT", "THREATEN",
		"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
	}
}

// QuadClass returns the GDELT quad class of a CAMEO root ("01" to "20"), or 0
// when root is not one.
func QuadClass(root string) int {
	if len(root) != 2 || !isDigits(root) {
		return 0
	}
	n, _ := strconv.Atoi(root)
	switch {
	case n >= 1 && n <= 5:
		return 1
	case n >= 6 && n <= 8:
		return 2
	case n >= 9 && n <= 13:
		return 3
	case n >= 14 && n <= 20:
		return 4
	}
	return 0
}

// New checks codes against the package's invariants and returns the
// ontology they form. It copies codes.
func New(codes []Code) (*Ontology, error) {
	o := &Ontology{codes: append([]Code(nil), codes...), index: make(map[string]int, len(codes))}
	sort.Slice(o.codes, func(i, j int) bool { return o.codes[i].Code < o.codes[j].Code })
	types := make(map[string]bool)
	for _, t := range PLOVERTypes() {
		types[t] = true
	}
	for i, c := range o.codes {
		if err := check(c, types); err != nil {
			return nil, err
		}
		if _, dup := o.index[c.Code]; dup {
			return nil, fmt.Errorf("%w: code %q twice", ErrInvalid, c.Code)
		}
		o.index[c.Code] = i
	}
	for _, c := range o.codes {
		if _, ok := o.index[c.Root]; !ok {
			return nil, fmt.Errorf("%w: code %q: root %q is not in the table", ErrInvalid, c.Code, c.Root)
		}
	}
	return o, nil
}

func check(c Code, types map[string]bool) error {
	switch {
	case len(c.Code) < 2 || len(c.Code) > 4 || !isDigits(c.Code):
		return fmt.Errorf("%w: code %q is not 2 to 4 digits", ErrInvalid, c.Code)
	case c.Root != c.Code[:2]:
		return fmt.Errorf("%w: code %q: root %q, want %q", ErrInvalid, c.Code, c.Root, c.Code[:2])
	case c.QuadClass != QuadClass(c.Root):
		return fmt.Errorf("%w: code %q: quad class %d, want %d", ErrInvalid, c.Code, c.QuadClass, QuadClass(c.Root))
	case math.IsNaN(c.Goldstein) || c.Goldstein < -10 || c.Goldstein > 10:
		return fmt.Errorf("%w: code %q: Goldstein score %v outside [-10, 10]", ErrInvalid, c.Code, c.Goldstein)
	case c.PLOVER.Type != "" && !types[c.PLOVER.Type]:
		return fmt.Errorf("%w: code %q: unknown PLOVER type %q", ErrInvalid, c.Code, c.PLOVER.Type)
	case c.PLOVER.Type == "" && (c.PLOVER.Mode != "" || c.PLOVER.Context != ""):
		return fmt.Errorf("%w: code %q: PLOVER mode or context without a type", ErrInvalid, c.Code)
	case strings.TrimSpace(c.Name) == "":
		return fmt.Errorf("%w: code %q has no name", ErrInvalid, c.Code)
	}
	for _, f := range []string{c.Name, c.PLOVER.Type, c.PLOVER.Mode, c.PLOVER.Context} {
		if strings.ContainsAny(f, "\t\r\n") || f != strings.TrimSpace(f) {
			return fmt.Errorf("%w: code %q: field %q has tabs, line breaks or outer spaces", ErrInvalid, c.Code, f)
		}
	}
	return nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Lookup returns the code exactly as written ("042"; "42" is not a code).
func (o *Ontology) Lookup(code string) (Code, bool) {
	i, ok := o.index[code]
	if !ok {
		return Code{}, false
	}
	return o.codes[i], true
}

// Root returns the root code (level one, "04 CONSULT") of code, which need not
// itself be in the table: Root("0499") is "04" as long as "04" is.
func (o *Ontology) Root(code string) (Code, bool) {
	if len(code) < 2 {
		return Code{}, false
	}
	return o.Lookup(code[:2])
}

// All returns every code sorted by code, in a slice the caller owns.
func (o *Ontology) All() []Code { return append([]Code(nil), o.codes...) }

// Len reports the number of codes.
func (o *Ontology) Len() int { return len(o.codes) }

// Parse reads a table in cameo.tsv's format: a header line, then one
// tab-separated line per code.
func Parse(r io.Reader) (*Ontology, error) {
	sc := bufio.NewScanner(r)
	var codes []Code
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if line == 1 {
			if strings.Join(f, "\t") != strings.Join(header, "\t") {
				return nil, fmt.Errorf("%w: line 1: header %q, want %q", ErrInvalid, sc.Text(), strings.Join(header, "\t"))
			}
			continue
		}
		c, err := parseRow(f)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		codes = append(codes, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read table: %w", err)
	}
	if line == 0 {
		return nil, fmt.Errorf("%w: empty table", ErrInvalid)
	}
	return New(codes)
}

func parseRow(f []string) (Code, error) {
	if len(f) != len(header) {
		return Code{}, fmt.Errorf("%w: %d fields, want %d", ErrInvalid, len(f), len(header))
	}
	g, err := strconv.ParseFloat(f[2], 64)
	if err != nil {
		return Code{}, fmt.Errorf("%w: Goldstein score: %v", ErrInvalid, err)
	}
	q, err := strconv.Atoi(f[4])
	if err != nil {
		return Code{}, fmt.Errorf("%w: quad class: %v", ErrInvalid, err)
	}
	return Code{
		Code: f[0], Name: f[1], Goldstein: g, Root: f[3], QuadClass: q,
		PLOVER: dyad.PLOVER{Type: f[5], Mode: f[6], Context: f[7]},
	}, nil
}

// WriteTSV writes the table in cameo.tsv's format; Parse reads it back.
func (o *Ontology) WriteTSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(header, "\t") + "\n")
	for _, c := range o.codes {
		row := []string{
			c.Code, c.Name, strconv.FormatFloat(c.Goldstein, 'f', -1, 64), c.Root,
			strconv.Itoa(c.QuadClass), c.PLOVER.Type, c.PLOVER.Mode, c.PLOVER.Context,
		}
		bw.WriteString(strings.Join(row, "\t") + "\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return nil
}
