package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Layouts of dates with a time of day, tried in order after normalize.
var timeLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05-0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04 MST",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04:05 MST",
	"2 Jan 06 15:04 -0700",
	"2 Jan 06 15:04 MST",
	"2 January 2006 15:04",
	"January 2, 2006 15:04:05",
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 3:04 PM MST",
	"January 2, 2006 3:04 PM -0700",
	"Jan 2, 2006 15:04:05",
	"Jan 2, 2006 15:04",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006 3:04 PM MST",
	"Jan _2 15:04:05 2006",
	"Jan _2 15:04:05 MST 2006",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
}

// Layouts of calendar dates.
var dayLayouts = []string{
	"2006-01-02",
	"2006/01/02",
	"2006.01.02",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan 2 2006",
	"2 January 2006",
	"2 January, 2006",
	"2 Jan 2006",
	"02-Jan-2006",
}

var (
	rxWeekday  = regexp.MustCompile(`(?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+`)
	rxSept     = regexp.MustCompile(`(?i)\bsept\b`)
	rxMonthDot = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.`)
	rxAt       = regexp.MustCompile(`(?i)\s+at\s+`)
	rxAMPM     = regexp.MustCompile(`(?i)(\d)\s*([ap])\.?m\.?(\s|$)`)
	rxSpaces   = regexp.MustCompile(`\s+`)
)

// parseDate reads a publication date. It accepts RFC 3339 and ISO 8601 forms
// with or without a time of day, RFC 1123 and RFC 822 (as in feeds), and
// written dates such as "January 2, 2006", "Jan. 2, 2006 3:04 PM",
// "Friday, 2 January 2006"; hasTime says whether the input gave a time of day.
// A date without a zone is taken as UTC. ok is false for anything else.
func parseDate(s string) (t time.Time, hasTime, ok bool) {
	s = normalizeDate(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false, false
	}
	if isDigits(s) && len(s) >= 9 {
		return parseUnix(s)
	}
	// Every layout with a time of day has a colon, and no other has one.
	if strings.Contains(s, ":") {
		for _, l := range timeLayouts {
			if t, err := time.Parse(l, s); err == nil {
				return t, true, sane(t)
			}
		}
		return time.Time{}, false, false
	}
	for _, l := range dayLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, false, sane(t)
		}
	}
	return time.Time{}, false, false
}

func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && isDigits(s[:4]) && (s[4] == '-' || s[4] == '/') || isDigits(s) {
		return s // ISO 8601 or a Unix time: nothing to normalize
	}
	s = rxSpaces.ReplaceAllString(s, " ")
	s = rxWeekday.ReplaceAllString(s, "")
	s = rxSept.ReplaceAllString(s, "Sep")
	s = rxMonthDot.ReplaceAllString(s, "$1")
	s = rxAt.ReplaceAllString(s, " ")
	s = rxAMPM.ReplaceAllStringFunc(s, func(m string) string {
		sub := rxAMPM.FindStringSubmatch(m)
		return sub[1] + " " + strings.ToUpper(sub[2]) + "M" + sub[3]
	})
	return strings.TrimSpace(s)
}

// parseUnix reads seconds since 1970, or milliseconds when the number is
// too large to be seconds of a plausible year.
func parseUnix(s string) (time.Time, bool, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false, false
	}
	var t time.Time
	if n > 1e11 {
		t = time.UnixMilli(n).UTC()
	} else {
		t = time.Unix(n, 0).UTC()
	}
	return t, true, sane(t)
}

func sane(t time.Time) bool { return t.Year() >= 1 && t.Year() <= 9999 }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
