// Command genontology writes dyad's CAMEO event table, internal/ontology/cameo.tsv,
// and its PROVENANCE.md from two third-party files in the shared data folder:
// the CAMEO codebook (cameo-codebook/cameo-codes-noexamples.csv) and the
// CAMEO to PLOVER conversion table (plover/CAMEO2PLOVER-2021.txt).
//
// Usage, from the repository root:
//
//	go run ./tools/genontology [-data DIR] [-out DIR]
//
// -data defaults to the shared data folder (../shared/data beside the
// repository, or $DYAD_SHARED_DATA); -out defaults to internal/ontology. The
// output depends only on the two input files.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/ontology"
	"github.com/dyadproject/dyad/internal/shareddata"
)

// Paths of the inputs inside the shared data folder.
const (
	codebookPath = "cameo-codebook/cameo-codes-noexamples.csv"
	mappingPath  = "plover/CAMEO2PLOVER-2021.txt"
)

func main() {
	err := run(os.Args[1:], os.Stdout)
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(2) // the flag package printed the usage
	case err != nil:
		fmt.Fprintln(os.Stderr, "genontology:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("genontology", flag.ContinueOnError)
	data := fs.String("data", "", "shared data folder (default: ../shared/data beside the repository)")
	out := fs.String("out", filepath.Join("internal", "ontology"), "folder to write cameo.tsv and PROVENANCE.md into")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := shareddata.Defaults(data, nil); err != nil {
		return err
	}
	codebook, err := os.ReadFile(filepath.Join(*data, codebookPath))
	if err != nil {
		return err
	}
	mapping, err := os.ReadFile(filepath.Join(*data, mappingPath))
	if err != nil {
		return err
	}
	tsv, prov, err := generate(codebook, mapping)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	for name, b := range map[string][]byte{"cameo.tsv": tsv, "PROVENANCE.md": prov} {
		if err := os.WriteFile(filepath.Join(*out, name), b, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "wrote %s and %s\n", filepath.Join(*out, "cameo.tsv"), filepath.Join(*out, "PROVENANCE.md"))
	return nil
}

// report collects what the conversion found, for PROVENANCE.md.
type report struct {
	codebookSHA, mappingSHA string
	codebookRows            int
	repaired                []string // codes whose name needed repair
	mappingLines            int
	duplicates              []string // "08: line 70 (CONCEDE) kept, line 82 (RETREAT) ignored"
	notInCodebook           []string
	inherited               []string
	offManual               []string // "085 RETREAT ease"
	dropped                 int
	rows                    int
}

// generate converts the two inputs into cameo.tsv and PROVENANCE.md.
func generate(codebook, mapping []byte) (tsv, prov []byte, err error) {
	rep := &report{codebookSHA: sha(codebook), mappingSHA: sha(mapping)}
	codes, err := readCodebook(codebook, rep)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", codebookPath, err)
	}
	m, err := readMapping(mapping, rep)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", mappingPath, err)
	}
	known := make(map[string]bool, len(codes))
	for i := range codes {
		c := &codes[i]
		known[c.Code] = true
		p, from, ok := lookupMapping(m, c.Code)
		switch {
		case !ok || p.Type == "":
			rep.dropped++
		case from != c.Code:
			rep.inherited = append(rep.inherited, fmt.Sprintf("%s takes %s's %s", c.Code, from, p.Type))
		}
		c.PLOVER = p
	}
	for code := range m {
		if !known[code] {
			rep.notInCodebook = append(rep.notInCodebook, code+" "+m[code].Type)
		}
	}
	sort.Strings(rep.notInCodebook)
	o, err := ontology.New(codes)
	if err != nil {
		return nil, nil, err
	}
	var b bytes.Buffer
	if err := o.WriteTSV(&b); err != nil {
		return nil, nil, err
	}
	rep.rows = o.Len()
	rep.offManual = offManual(m)
	prov, err = rep.provenance()
	if err != nil {
		return nil, nil, err
	}
	return b.Bytes(), prov, nil
}

// lookupMapping finds the PLOVER mapping of code, or of its nearest ancestor
// (CAMEO's 3- and 4-digit codes refine their parents, and PLOVER's manual
// says to reduce them to the 2-digit category when in doubt).
func lookupMapping(m map[string]dyad.PLOVER, code string) (dyad.PLOVER, string, bool) {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if p, ok := m[c]; ok {
			return p, c, true
		}
	}
	return dyad.PLOVER{}, "", false
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// readCodebook parses the codebook CSV: code,name,goldstein,root_code,description,usage_notes.
func readCodebook(b []byte, rep *report) ([]ontology.Code, error) {
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = 6
	head, err := r.Read()
	if err != nil {
		return nil, err
	}
	if want := "code,name,goldstein,root_code,description,usage_notes"; strings.Join(head, ",") != want {
		return nil, fmt.Errorf("header %q, want %q", strings.Join(head, ","), want)
	}
	var codes []ontology.Code
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		rep.codebookRows++
		code := strings.TrimSpace(rec[0])
		name := repair(rec[1])
		if name != rec[1] {
			rep.repaired = append(rep.repaired, code)
		}
		g, err := strconv.ParseFloat(strings.TrimSpace(rec[2]), 64)
		if err != nil {
			return nil, fmt.Errorf("code %s: Goldstein score: %w", code, err)
		}
		root := strings.TrimSpace(rec[3])
		if len(code) < 2 || root != code[:2] {
			return nil, fmt.Errorf("code %q: root_code %q is not its first two digits", code, root)
		}
		codes = append(codes, ontology.Code{
			Code: code, Name: name, Root: root, Goldstein: g, QuadClass: ontology.QuadClass(root),
		})
	}
	return codes, nil
}

// badRun matches what is left of a character the codebook's producer could
// not encode: invalid bytes, or (after strings.ToValidUTF8) runs of U+FFFD.
var badRun = regexp.MustCompile("\uFFFD+")

// contraction matches what follows an apostrophe in English words.
var contraction = regexp.MustCompile(`^(s|t|d|ll|re|ve|m)\b`)

// repair turns the codebook's broken punctuation back into ASCII and tidies
// spaces. The broken characters were typographic quotes, apostrophes and
// dashes; which one is decided by what surrounds them:
//
//   - inside a word (no space on either side) an apostrophe when an English
//     contraction or possessive follows ("actor's", "don't"), else a dash
//     ("change--political", "etc.--is");
//   - after a space, an opening double quote;
//   - before a space or punctuation, a closing double quote when one is open,
//     else the apostrophe of a plural possessive ("adversaries' commitments").
func repair(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	last, open := 0, false
	for _, m := range badRun.FindAllStringIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		before, nb := utf8.DecodeLastRuneInString(s[:m[0]])
		after, na := utf8.DecodeRuneInString(s[m[1]:])
		wordBefore := nb > 0 && !unicode.IsSpace(before)
		wordAfter := na > 0 && (unicode.IsLetter(after) || unicode.IsDigit(after))
		switch {
		case wordBefore && wordAfter && unicode.IsLetter(before) && contraction.MatchString(s[m[1]:]):
			b.WriteByte('\'')
		case wordBefore && wordAfter:
			b.WriteString("--")
		case !wordBefore:
			b.WriteByte('"')
			open = true
		case open:
			b.WriteByte('"')
			open = false
		case before == 's':
			b.WriteByte('\'')
		default:
			b.WriteByte('"')
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	return strings.Join(strings.Fields(b.String()), " ")
}
