package kb

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// record is one data row of a table file with its line number.
type record struct {
	line int
	cols []string
}

// readTable splits a tab-separated table: lines starting with # and blank
// lines are skipped, the first other line must be the header want, and every
// row must have exactly len(want) columns.
func readTable(name string, data []byte, want []string) ([]record, error) {
	var recs []record
	header := false
	for i, raw := range bytes.Split(data, []byte("\n")) {
		line := strings.TrimSuffix(string(raw), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if !header {
			if !slices.Equal(cols, want) {
				return nil, fmt.Errorf("%w: %s:%d: header %q, want %q", ErrTable, name, i+1, cols, want)
			}
			header = true
			continue
		}
		if len(cols) != len(want) {
			return nil, fmt.Errorf("%w: %s:%d: %d columns, want %d", ErrTable, name, i+1, len(cols), len(want))
		}
		recs = append(recs, record{line: i + 1, cols: cols})
	}
	if !header {
		return nil, fmt.Errorf("%w: %s: no header line", ErrTable, name)
	}
	return recs, nil
}

// list splits a |-separated list; the empty string is the empty list.
func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// rowError reports a bad value in a table row.
func (r record) errorf(name, format string, args ...any) error {
	return fmt.Errorf("%w: %s:%d: %s", ErrTable, name, r.line, fmt.Sprintf(format, args...))
}

// float parses a coordinate column and checks its range.
func (r record) float(name string, col int, limit float64) (float64, error) {
	v, err := strconv.ParseFloat(r.cols[col], 64)
	if err != nil || v < -limit || v > limit {
		return 0, r.errorf(name, "bad coordinate %q", r.cols[col])
	}
	return v, nil
}
