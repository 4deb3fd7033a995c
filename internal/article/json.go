package article

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dyadproject/dyad"
)

// readJSONL reads JSON Lines: one object per line, blank lines ignored. A
// line longer than the raw limit is skipped unread and reported; a malformed
// line is reported; reading goes on with the next line.
func readJSONL(in *input, opt Options, emit emitFunc) bool {
	limit := opt.maxRaw()
	offset := in.base
	var buf []byte
	for n := 1; ; n++ {
		line, size, tooLong, err := readLine(in.br, buf[:0], limit)
		buf = line
		if err != nil && err != io.EOF {
			return emit(nil, &Error{Input: in.name, Line: n, Err: fmt.Errorf("read: %w", err)})
		}
		if size == 0 && err == io.EOF {
			return true
		}
		start := offset
		offset += size
		fail := func(err error) bool { return emit(nil, &Error{Input: in.name, Line: n, Err: err}) }
		var ok bool
		switch body := bytes.TrimSpace(line); {
		case tooLong:
			ok = fail(fmt.Errorf("%w: line is %d bytes, more than the limit of %d", ErrTooLarge, size, limit))
		case len(body) == 0:
			ok = true
		default:
			if i := invalidUTF8(line); i >= 0 {
				ok = fail(fmt.Errorf("%w at byte %d", ErrInvalidUTF8, start+i))
				break
			}
			a, err := objectArticle(body, fmt.Sprintf("%s:%d", in.name, n), opt)
			if err != nil {
				ok = fail(err)
				break
			}
			ok = emit(a, nil)
		}
		if !ok {
			return false
		}
		if err == io.EOF {
			return true
		}
	}
}

// readLine reads one line into buf, keeping at most limit bytes of it plus
// the line break; size counts all its bytes, tooLong says some were dropped.
func readLine(br *bufio.Reader, buf []byte, limit int) (line []byte, size int, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		size += len(chunk)
		if !tooLong && len(buf)+len(chunk) <= limit+1 {
			buf = append(buf, chunk...)
		} else {
			tooLong = true
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLong {
			body := size
			if len(chunk) > 0 && chunk[len(chunk)-1] == '\n' {
				body--
			}
			tooLong = body > limit
		}
		return buf, size, tooLong, err
	}
}

// readJSON reads a JSON array of objects, or one object, or several objects
// one after the other. Elements are decoded one at a time.
func readJSON(in *input, opt Options, emit emitFunc) bool {
	for {
		b, err := in.br.ReadByte()
		if err != nil {
			return emit(nil, &Error{Input: in.name, Err: ErrEmpty})
		}
		if !isJSONSpace(b) {
			in.br.UnreadByte()
			if b == '[' {
				return readJSONArray(in, opt, emit)
			}
			return readJSONValues(in, opt, emit)
		}
		in.base++
	}
}

func isJSONSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// errElementTooLarge stops a JSON input whose element is so large that it is
// not read: the decoder cannot skip it without reading it.
var errElementTooLarge = errors.New("element too large")

// elementLimiter fails a read once more than limit bytes were read since the
// last reset, bounding the memory one JSON element may take.
type elementLimiter struct {
	r     io.Reader
	n     int64
	limit int64
}

func (l *elementLimiter) Read(p []byte) (int, error) {
	if l.n > l.limit {
		return 0, errElementTooLarge
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	return n, err
}

func (l *elementLimiter) reset() { l.n = 0 }

// hardLimit is the size beyond which a JSON element stops its input.
func hardLimit(opt Options) int64 { return RawFactor * int64(opt.maxRaw()) }

func readJSONArray(in *input, opt Options, emit emitFunc) bool {
	lim := &elementLimiter{r: in.br, limit: hardLimit(opt)}
	dec := json.NewDecoder(lim)
	dec.Token() // '[', checked by readJSON
	for i := 0; dec.More(); i++ {
		lim.reset()
		name := fmt.Sprintf("%s[%d]", in.name, i)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return emit(nil, &Error{Input: name, Err: jsonError(err, in.base, lim.limit)})
		}
		start := in.base + int(dec.InputOffset()) - len(raw)
		if !emitObject(raw, name, start, opt, emit) {
			return false
		}
	}
	if _, err := dec.Token(); err != nil {
		return emit(nil, &Error{Input: in.name, Err: jsonError(err, in.base, lim.limit)})
	}
	if _, err := dec.Token(); err != io.EOF {
		return emit(nil, &Error{Input: in.name, Err: fmt.Errorf("%w: data after the end of the array at byte %d", ErrSyntax, in.base+int(dec.InputOffset()))})
	}
	return true
}

// readJSONValues reads objects one after the other; a single object is named
// after the input, several are numbered like array elements.
func readJSONValues(in *input, opt Options, emit emitFunc) bool {
	lim := &elementLimiter{r: in.br, limit: hardLimit(opt)}
	dec := json.NewDecoder(lim)
	var prev json.RawMessage
	prevStart := 0
	for i := 0; ; i++ {
		lim.reset()
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			if prev == nil {
				return true
			}
			name := in.name
			if i > 1 {
				name = fmt.Sprintf("%s[%d]", in.name, i-1)
			}
			return emitObject(prev, name, prevStart, opt, emit)
		}
		if prev != nil && !emitObject(prev, fmt.Sprintf("%s[%d]", in.name, i-1), prevStart, opt, emit) {
			return false
		}
		if err != nil {
			name := in.name
			if i > 0 {
				name = fmt.Sprintf("%s[%d]", in.name, i)
			}
			return emit(nil, &Error{Input: name, Err: jsonError(err, in.base, lim.limit)})
		}
		prev, prevStart = raw, in.base+int(dec.InputOffset())-len(raw)
	}
}

// jsonError explains a decoding error, with the byte offset of a syntax error.
func jsonError(err error, base int, limit int64) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("%w: %v at byte %d", ErrSyntax, se, base+int(se.Offset))
	case errors.Is(err, errElementTooLarge):
		return fmt.Errorf("%w: element is more than %d bytes; the rest of the input is not read", ErrTooLarge, limit)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Errorf("%w: unexpected end of input", ErrSyntax)
	}
	return fmt.Errorf("read: %w", err)
}

// emitObject checks one decoded JSON element and emits its article or error.
func emitObject(raw []byte, name string, start int, opt Options, emit emitFunc) bool {
	if len(raw) > opt.maxRaw() {
		return emit(nil, &Error{Input: name, Err: fmt.Errorf("%w: element is %d bytes, more than the limit of %d", ErrTooLarge, len(raw), opt.maxRaw())})
	}
	if i := invalidUTF8(raw); i >= 0 {
		return emit(nil, &Error{Input: name, Err: fmt.Errorf("%w at byte %d", ErrInvalidUTF8, start+i)})
	}
	a, err := objectArticle(raw, name, opt)
	if err != nil {
		return emit(nil, &Error{Input: name, Err: err})
	}
	return emit(a, nil)
}

// objectArticle reads the article of one JSON object.
func objectArticle(raw []byte, name string, opt Options) (*dyad.Article, error) {
	r, err := objectRecord(raw)
	if err != nil {
		return nil, err
	}
	return r.article(name, opt)
}

// objectRecord maps a JSON object's keys to article fields. When several keys
// feed one field, the earlier name in the synonym list wins, then the key
// that sorts first, so the result does not depend on key order.
func objectRecord(raw []byte) (*record, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, fmt.Errorf("%w: not a JSON object", ErrSyntax)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%w: %v at byte %d of the object", ErrSyntax, se, se.Offset)
		}
		return nil, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	type pick struct {
		rank int
		key  string
	}
	best := map[field]pick{}
	for k := range m {
		f, rank := fieldRank(k)
		if f == fieldNone {
			continue
		}
		if p, ok := best[f]; !ok || rank < p.rank || rank == p.rank && k < p.key {
			best[f] = pick{rank, k}
		}
	}
	r := &record{}
	for f, p := range best {
		if err := r.setJSON(f, p.key, m[p.key]); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// setJSON stores a JSON value in field f: strings as they are, numbers as
// written (a date number as a Unix time), a source object by its "name".
// Other values are ignored, except in the text and html fields where they
// are an error.
func (r *record) setJSON(f field, key string, v json.RawMessage) error {
	v = bytes.TrimSpace(v)
	if len(v) == 0 || string(v) == "null" {
		return nil
	}
	switch v[0] {
	case '"':
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return fmt.Errorf("%w: key %q: %v", ErrSyntax, key, err)
		}
		r.set(f, s)
		return nil
	case '{':
		if f == fieldSource {
			var o struct {
				Name string `json:"name"`
			}
			if json.Unmarshal(v, &o) == nil {
				r.set(f, o.Name)
				return nil
			}
		}
	case '[', 't', 'f':
	default: // a number
		if f == fieldDate {
			// Seconds or milliseconds since 1970; parseDate takes integers
			// of nine digits or more.
			r.set(f, strings.Split(string(v), ".")[0])
			return nil
		}
		if _, err := strconv.ParseFloat(string(v), 64); err == nil && f != fieldText && f != fieldHTML {
			r.set(f, string(v))
			return nil
		}
	}
	if f == fieldText || f == fieldHTML {
		return fmt.Errorf("%w: key %q is not a string", ErrSyntax, key)
	}
	return nil
}
