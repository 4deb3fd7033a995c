package article

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// readCSV reads a CSV input with a header: one article per data record.
func readCSV(in *input, opt Options, emit emitFunc) bool {
	cr := &csvReader{br: in.br, limit: opt.maxRaw()}
	fail := func(line, rec int, err error) bool {
		return emit(nil, &Error{Input: in.name, Line: line, Record: rec, Err: err})
	}
	header, line, err := cr.next()
	switch {
	case err == io.EOF:
		return fail(0, 0, ErrEmpty)
	case err != nil:
		return fail(line, 0, fmt.Errorf("header: %w", err))
	}
	cols := make([]field, len(header))
	ranks := map[field]int{}
	var text bool
	for i, h := range header {
		f, rank := fieldRank(h)
		if r, ok := ranks[f]; f == fieldNone || ok && r <= rank {
			continue
		}
		for j := range cols[:i] {
			if cols[j] == f {
				cols[j] = fieldNone
			}
		}
		cols[i], ranks[f] = f, rank
		text = text || f == fieldText || f == fieldHTML
	}
	if !text {
		return fail(line, 0, fmt.Errorf("%w: no text or html column in header %q", ErrMissingColumn, strings.Join(header, ",")))
	}
	for n := 1; ; n++ {
		fields, line, err := cr.next()
		switch {
		case err == io.EOF:
			return true
		case err != nil:
			if !fail(line, n, err) {
				return false
			}
			continue
		case len(fields) != len(header):
			if !fail(line, n, fmt.Errorf("%w: record has %d fields, header has %d", ErrSyntax, len(fields), len(header))) {
				return false
			}
			continue
		}
		var r record
		for i, v := range fields {
			r.set(cols[i], v)
		}
		a, err := r.article(fmt.Sprintf("%s:%d", in.name, n), opt)
		if err != nil {
			if !fail(line, n, err) {
				return false
			}
			continue
		}
		if !emit(a, nil) {
			return false
		}
	}
}

// csvReader splits CSV (RFC 4180, as encoding/csv reads it without
// LazyQuotes) into records, holding no more than limit bytes of one record:
// a larger record is skipped to its end and reported with ErrTooLarge, so a
// huge or broken record never stops the reading of the others. Unlike
// encoding/csv it keeps a carriage return inside a quoted field, so text is
// kept byte for byte.
type csvReader struct {
	br    *bufio.Reader
	limit int
	line  int // lines consumed

	// The record being read: its field bytes, the end of each field in buf,
	// the parser state, the record's size and its first error.
	buf       []byte
	ends      []int
	state     int
	size      int
	quoted    bool // the current field is quoted
	anyQuoted bool // some field of the record was quoted
	err       error
}

// CSV parser states.
const (
	csvFieldStart = iota // at the start of a field
	csvUnquoted          // inside an unquoted field
	csvQuoted            // inside a quoted field
	csvQuote             // just after a quote inside a quoted field
	csvQuoteCR           // just after a closing quote and a carriage return
	csvBad               // after a syntax error: skip to the end of the line
)

var (
	errBareQuote = errors.New(`bare " in non-quoted field`)
	errQuote     = errors.New(`extraneous or missing " in quoted field`)
	errEOFQuote  = errors.New(`quoted field not closed before the end of input`)
)

// next returns the fields of the next non-blank record and the line it
// starts on; io.EOF after the last. A record with an error is consumed whole
// (to the end of the line where the error is, or to the end of a record too
// large) and its error returned.
func (c *csvReader) next() ([]string, int, error) {
	for {
		fields, line, blank, err := c.record()
		if err == nil && blank {
			continue
		}
		return fields, line, err
	}
}

// record reads one record, which may be blank (an empty line).
func (c *csvReader) record() (fields []string, start int, blank bool, err error) {
	c.buf, c.ends = c.buf[:0], c.ends[:0]
	c.state, c.size, c.quoted, c.anyQuoted, c.err = csvFieldStart, 0, false, false, nil
	start = c.line + 1
	sawData := false
	for {
		chunk, rerr := c.br.ReadSlice('\n')
		sawData = sawData || len(chunk) > 0
		for _, b := range chunk {
			c.step(b)
		}
		if rerr == bufio.ErrBufferFull {
			continue
		}
		if rerr != nil && rerr != io.EOF {
			return nil, start, false, fmt.Errorf("read: %w", rerr)
		}
		if len(chunk) > 0 && chunk[len(chunk)-1] == '\n' {
			if c.state == csvQuoted {
				continue // a line break inside a quoted field
			}
			break
		}
		if !sawData {
			return nil, start, false, io.EOF
		}
		c.endOfInput()
		break
	}
	switch {
	case c.size > c.limit:
		return nil, start, false, fmt.Errorf("%w: record is more than %d bytes", ErrTooLarge, c.limit)
	case c.err != nil:
		return nil, start, false, fmt.Errorf("%w: %v", ErrSyntax, c.err)
	case len(c.ends) == 1 && c.ends[0] == 0 && !c.anyQuoted:
		return nil, start, true, nil
	}
	fields = make([]string, len(c.ends))
	from := 0
	for i, end := range c.ends {
		fields[i] = string(c.buf[from:end])
		from = end
	}
	return fields, start, false, nil
}

// step feeds one byte to the parser.
func (c *csvReader) step(b byte) {
	c.size++
	if b == '\n' {
		c.line++
	}
	switch c.state {
	case csvFieldStart, csvUnquoted:
		switch {
		case b == ',':
			c.endField(false)
		case b == '\n':
			c.endField(true)
		case b == '"' && c.state == csvFieldStart:
			c.state, c.quoted = csvQuoted, true
		case b == '"':
			c.fail(errBareQuote)
		default:
			c.add(b)
			c.state = csvUnquoted
		}
	case csvQuoted:
		if b == '"' {
			c.state = csvQuote
		} else {
			c.add(b)
		}
	case csvQuote, csvQuoteCR:
		switch {
		case b == '"' && c.state == csvQuote:
			c.add('"')
			c.state = csvQuoted
		case b == ',' && c.state == csvQuote:
			c.endField(false)
		case b == '\n':
			c.endField(true)
		case b == '\r' && c.state == csvQuote:
			c.state = csvQuoteCR
		default:
			c.fail(errQuote)
		}
	}
}

// endOfInput ends a record that the input ends without a line break.
func (c *csvReader) endOfInput() {
	switch c.state {
	case csvQuoted:
		c.fail(errEOFQuote)
	case csvQuoteCR:
		c.fail(errQuote)
	case csvBad:
	default:
		c.endField(true)
	}
}

func (c *csvReader) add(b byte) {
	if c.size <= c.limit {
		c.buf = append(c.buf, b)
	}
}

// endField ends the current field; atEOL drops the carriage return of a
// CRLF line end from an unquoted field.
func (c *csvReader) endField(atEOL bool) {
	from := 0
	if len(c.ends) > 0 {
		from = c.ends[len(c.ends)-1]
	}
	if atEOL && !c.quoted && len(c.buf) > from && c.buf[len(c.buf)-1] == '\r' {
		c.buf = c.buf[:len(c.buf)-1]
	}
	c.ends = append(c.ends, len(c.buf))
	c.anyQuoted = c.anyQuoted || c.quoted
	c.quoted = false
	c.state = csvFieldStart
}

// fail records a syntax error; the rest of the line is skipped.
func (c *csvReader) fail(err error) {
	if c.err == nil {
		c.err = err
	}
	c.state = csvBad
}
