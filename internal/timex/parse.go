package timex

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"

	"github.com/dyadproject/dyad"
)

// ordinal is a day number written as an ordinal: 1st, 22nd, 3rd, 15th.
var ordinal = regexp.MustCompile(`^(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)$`)

// slashDate is a numeric date: 3/15/2019, 15.03.2019.
var slashDate = regexp.MustCompile(`^[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{2,4}$`)

// maxWindow is the longest expression, in tokens, handed to go-dateparser.
const maxWindow = 6

// triggersParser reports whether the tokens start a phrasing that the rules
// leave to go-dateparser: an ordinal day ("the 5th of March", "March 5th"),
// or a numeric date ("3/15/2019").
func triggersParser(toks []dyad.Token, lower []string) bool {
	w0, w1 := at(lower, 0), at(lower, 1)
	switch {
	case ordinal.MatchString(w0), slashDate.MatchString(w0):
		return true
	case w0 == "the" && ordinal.MatchString(w1):
		return true
	}
	_, isMonth := month(toks, 0)
	return isMonth && ordinal.MatchString(w1)
}

// parsed asks go-dateparser for the longest window of tokens at toks[0]
// that it reads as a date, and returns it as a DateRef and the tokens it
// covers. A day and month without a year take the year the rules would
// give them; an ordinal with no month ("the 5th") is not a date.
func parsed(p *dateparser.Parser, text string, toks []dyad.Token, lower []string, ref time.Time, future bool) (dyad.DateRef, int) {
	src := dateparser.Past
	if future {
		src = dateparser.Future
	}
	cfg := &dateparser.Configuration{Languages: []string{"en"}, CurrentTime: ref.Add(12 * time.Hour),
		DefaultTimezone: time.UTC, PreferredDateSource: src}
	for n := min(maxWindow, len(toks)); n > 0; n-- {
		if !endsDate(toks, lower, n-1) {
			continue // each call costs about a millisecond: try likely ends only
		}
		m, hasMonth, hasYear := windowParts(toks[:n], lower[:n])
		if !hasMonth && !slashDate.MatchString(lower[0]) {
			continue
		}
		d, err := p.Parse(cfg, text[toks[0].Start:toks[n-1].End])
		if err != nil || d.IsZero() {
			continue
		}
		t := d.Time
		switch d.Period {
		case date.Day, date.Hour, date.Minute, date.Second:
			if hasMonth && !hasYear && m == t.Month() {
				t = time.Date(likelyYear(ref, m, t.Day(), future), m, t.Day(), 0, 0, 0, 0, time.UTC)
			}
			return day(t), n
		case date.Month:
			return dyad.DateRef{Value: t.Format("2006-01"), Granularity: "month"}, n
		case date.Year:
			return dyad.DateRef{Value: strconv.Itoa(t.Year()), Granularity: "year"}, n
		}
	}
	return dyad.DateRef{}, 0
}

// endsDate reports whether token i may end a date: a month, a year, an
// ordinal day, a unit or a numeric date.
func endsDate(toks []dyad.Token, lower []string, i int) bool {
	w := lower[i]
	return monthAt(toks, i) || isYear(toks, i) || ordinal.MatchString(w) || units[w] != "" || slashDate.MatchString(w)
}

// windowParts reports the month a window names, if any, and whether it
// names a year.
func windowParts(toks []dyad.Token, lower []string) (time.Month, bool, bool) {
	var m time.Month
	hasMonth, hasYear := false, false
	for i := range toks {
		if mm, ok := month(toks, i); ok {
			m, hasMonth = mm, true
		}
		if _, ok := year(toks, i); ok || strings.Count(lower[i], "/") == 2 {
			hasYear = true
		}
	}
	return m, hasMonth, hasYear
}
