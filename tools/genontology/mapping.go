package main

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/ontology"
)

// readMapping parses CAMEO2PLOVER-2021.txt. Its lines are
//
//	CODE: TYPE[, MODE[, CONTEXT]]   # comment
//
// where CODE is 2 to 4 digits, a 2-digit line with TYPE alone heads a section,
// MODE and CONTEXT may be blank or padded, CONTEXT may list several contexts
// separated by ";", and a line of "~" ends the table. Lines starting with "#"
// and blank lines are skipped. TYPE "dropped" (the spelling of PLOVER's
// README) means no PLOVER type. When a code appears twice the first line
// wins; rep records the others.
func readMapping(b []byte, rep *report) (map[string]dyad.PLOVER, error) {
	types := make(map[string]bool)
	for _, t := range ontology.PLOVERTypes() {
		types[t] = true
	}
	m := make(map[string]dyad.PLOVER)
	first := make(map[string]int)
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "~") {
			break
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		code, p, err := parseMappingLine(line, types)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		rep.mappingLines++
		if prev, dup := m[code]; dup {
			rep.duplicates = append(rep.duplicates, fmt.Sprintf("%s: line %d (%s) kept, line %d (%s) ignored",
				code, first[code], describe(prev), n, describe(p)))
			continue
		}
		m[code], first[code] = p, n
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

func parseMappingLine(line string, types map[string]bool) (string, dyad.PLOVER, error) {
	code, rest, ok := strings.Cut(line, ":")
	code = strings.TrimSpace(code)
	if !ok || len(code) < 2 || len(code) > 4 || strings.Trim(code, "0123456789") != "" {
		return "", dyad.PLOVER{}, fmt.Errorf("%q is not CODE: TYPE, MODE, CONTEXT", line)
	}
	f := strings.Split(rest, ",")
	if len(f) > 3 {
		return "", dyad.PLOVER{}, fmt.Errorf("%q has more than three fields", line)
	}
	for len(f) < 3 {
		f = append(f, "")
	}
	p := dyad.PLOVER{Type: strings.ToUpper(strings.TrimSpace(f[0])), Mode: strings.ToLower(strings.TrimSpace(f[1]))}
	var ctx []string
	for _, c := range strings.Split(f[2], ";") {
		if c = strings.ToLower(strings.TrimSpace(c)); c != "" {
			ctx = append(ctx, c)
		}
	}
	p.Context = strings.Join(ctx, ";")
	if p.Type == "DROPPED" {
		return code, dyad.PLOVER{}, nil
	}
	if !types[p.Type] {
		return "", dyad.PLOVER{}, fmt.Errorf("code %s: unknown PLOVER type %q", code, p.Type)
	}
	return code, p, nil
}

func describe(p dyad.PLOVER) string {
	if p.Type == "" {
		return "dropped"
	}
	return strings.TrimRight(strings.Join([]string{p.Type, p.Mode, p.Context}, ", "), ", ")
}
