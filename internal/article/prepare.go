package article

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// Prepare finishes an article whose Text, Title, URL, ID, Date and Source a
// format reader filled. It refuses a Text larger than Options.MaxBytes
// (ErrTooLarge), not valid UTF-8 (ErrInvalidUTF8, naming the byte offset),
// binary (ErrBinary) or blank (ErrNoText). It trims the metadata fields and
// makes them valid UTF-8 without control characters, sets Hash to dyad.ContentHash(Text) and ID, when
// empty, to the first 16 hex digits of Hash. It finds a leading date line,
// the dateline and scrape debris (see the package documentation), fills
// Dateline and Skip, and sets Date, when empty, from the date line or else
// from Options.Date; Source, when empty, from the dateline. Text is never
// changed.
func Prepare(a *dyad.Article, opt Options) error {
	if err := checkText(a.Text, opt); err != nil {
		return err
	}
	a.ID = cleanField(a.ID)
	a.URL = cleanField(a.URL)
	a.Title = strings.Join(strings.Fields(cleanField(a.Title)), " ")
	a.Source = cleanField(a.Source)
	a.Hash = dyad.ContentHash(a.Text)
	if a.ID == "" {
		a.ID = a.Hash[:16]
	}
	a.Skip, a.Dateline = nil, nil
	if a.Date.IsZero() {
		a.HasTime = false
	}

	var skip []dyad.Span
	lines := splitLines(a.Text)
	first := 0 // index of the first line that may hold the dateline
	for first < len(lines) && lines[first].blank(a.Text) {
		first++
	}
	if first < len(lines) {
		if d, ok := dateLine(lines[first].text(a.Text)); ok {
			skip = append(skip, lines[first].trimmed(a.Text))
			if a.Date.IsZero() {
				a.Date = d
			}
			first++
		}
	}
	if a.Date.IsZero() && !opt.Date.IsZero() {
		y, m, d := opt.Date.Date()
		a.Date = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	// A dateline opens the first paragraph, or the second after a
	// headline ("Sanders says ... not an endorsement." then "ROME - Bernie
	// Sanders met ...").
	looked := 0 // paragraphs looked at for a dateline
	for _, l := range lines[first:] {
		if l.blank(a.Text) {
			continue
		}
		if isDebris(l.text(a.Text)) {
			skip = append(skip, l.trimmed(a.Text))
			continue
		}
		if looked < 2 && a.Dateline == nil {
			looked++
			if dl := findDateline(l.text(a.Text), a.Date); dl != nil {
				dl.Span.Start += l.start
				dl.Span.End += l.start
				a.Dateline = dl
				skip = append(skip, dl.Span)
				if a.Source == "" {
					a.Source = dl.Source
				}
			}
		}
	}
	a.Skip = normalizeSpans(skip)
	return nil
}

// checkText applies Prepare's refusals.
func checkText(text string, opt Options) error {
	if max := opt.maxBytes(); len(text) > max {
		return fmt.Errorf("%w: text is %d bytes, more than the limit of %d", ErrTooLarge, len(text), max)
	}
	if i := invalidUTF8(text); i >= 0 {
		return fmt.Errorf("%w at byte %d of the text", ErrInvalidUTF8, i)
	}
	if isBinary(text) {
		return fmt.Errorf("%w: NUL bytes or control characters in the text", ErrBinary)
	}
	if strings.TrimSpace(text) == "" {
		return ErrNoText
	}
	return nil
}

// invalidUTF8 returns the offset of the first byte of s that is not valid
// UTF-8, or -1.
func invalidUTF8[T string | []byte](s T) int {
	switch v := any(s).(type) {
	case string:
		if utf8.ValidString(v) {
			return -1
		}
	case []byte:
		if utf8.Valid(v) {
			return -1
		}
	}
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(string(s[i:min(len(s), i+utf8.UTFMax)]))
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// cleanField trims a metadata field, replaces invalid UTF-8 with U+FFFD and
// control characters with spaces.
func cleanField(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		s = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return ' '
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s)
}

// line is one line of a text, [start, end) without its line break.
type line struct{ start, end int }

func splitLines(s string) []line {
	var ls []line
	for start := 0; start < len(s); {
		end := strings.IndexByte(s[start:], '\n')
		next := 0
		if end < 0 {
			end, next = len(s), len(s)
		} else {
			end += start
			next = end + 1
		}
		ls = append(ls, line{start, end})
		start = next
	}
	return ls
}

func (l line) text(s string) string { return s[l.start:l.end] }

func (l line) blank(s string) bool { return strings.TrimSpace(s[l.start:l.end]) == "" }

// trimmed returns the span of the line without surrounding white space.
func (l line) trimmed(s string) dyad.Span {
	t := s[l.start:l.end]
	left := len(t) - len(strings.TrimLeftFunc(t, unicode.IsSpace))
	right := len(strings.TrimRightFunc(t, unicode.IsSpace))
	if right < left {
		right = left
	}
	return dyad.Span{Start: l.start + left, End: l.start + right}
}

// normalizeSpans sorts spans and merges those that overlap, dropping empty ones.
func normalizeSpans(spans []dyad.Span) []dyad.Span {
	spans = slices.DeleteFunc(spans, func(s dyad.Span) bool { return s.Len() <= 0 })
	if len(spans) == 0 {
		return nil
	}
	slices.SortFunc(spans, func(a, b dyad.Span) int { return a.Start - b.Start })
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.Start < last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

var rxDateLine = regexp.MustCompile(`(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:` + monthPattern + `\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+` + monthPattern + `\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})$`)

// dateLine reports whether s, one line, is a date alone such as
// "Friday, January 4, 2019", and returns it.
func dateLine(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 40 || !rxDateLine.MatchString(s) {
		return time.Time{}, false
	}
	t, _, ok := parseDate(s)
	if !ok {
		return time.Time{}, false
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
}
