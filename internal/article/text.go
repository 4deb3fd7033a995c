package article

import (
	"fmt"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
)

// maxTitle is the longest first line, in bytes, taken as a title.
const maxTitle = 200

// readText reads a plain-text input: one article, with an optional title.
func readText(in *input, data []byte, opt Options, emit emitFunc) bool {
	if i := invalidUTF8(data); i >= 0 {
		return emit(nil, &Error{Input: in.name, Err: fmt.Errorf("%w at byte %d", ErrInvalidUTF8, in.base+i)})
	}
	title, body := splitTitle(string(data))
	a := &dyad.Article{Title: title, Text: body, Input: in.name}
	if err := Prepare(a, opt); err != nil {
		return emit(nil, &Error{Input: in.name, Err: err})
	}
	return emit(a, nil)
}

// splitTitle separates an optional title from a plain text. The first line
// is a title when it is followed by a blank line and then by more text, is at
// most 200 bytes, does not end in a period, and is neither a date line, a
// dateline nor debris. The body is the rest from its first non-blank line on,
// byte for byte; without a title it is the whole text.
func splitTitle(s string) (title, body string) {
	first, rest, ok := strings.Cut(s, "\n")
	if !ok {
		return "", s
	}
	t := strings.TrimSpace(first)
	if t == "" || len(t) > maxTitle || strings.HasSuffix(t, ".") {
		return "", s
	}
	second, _, _ := strings.Cut(rest, "\n")
	if strings.TrimSpace(second) != "" {
		return "", s
	}
	if _, isDate := dateLine(t); isDate || isDebris(t) || findDateline(t, time.Time{}) != nil {
		return "", s
	}
	// Skip the blank lines between title and body.
	start := 0
	for start < len(rest) {
		end := strings.IndexByte(rest[start:], '\n')
		if end < 0 || strings.TrimSpace(rest[start:start+end]) != "" {
			break
		}
		start += end + 1
	}
	body = rest[start:]
	if strings.TrimSpace(body) == "" {
		return "", s
	}
	return t, body
}
