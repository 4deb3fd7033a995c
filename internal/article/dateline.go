package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dyadproject/dyad"
)

// monthPattern matches an English month name or its abbreviation.
const monthPattern = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`

// rxDateline matches a dateline at the start of a line:
//
//	PLACE[, Region][, Month Day[, Year]] [(Source) | /Source/] DASH spaces
//
// PLACE is one to five words in capitals ("SEOUL", "UNITED NATIONS",
// "PORT-AU-PRINCE", "ST. LOUIS"); Region is one to three capitalized words
// ("Ukraine", "D.C."); DASH is "--", an em or en dash, or a hyphen followed
// by a space. The dash is required, so a sentence that starts with an
// acronym ("NATO said ...") is not a dateline.
var rxDateline = regexp.MustCompile(`^` +
	`(?P<place>` + capsWord + `(?:[ -]` + capsWord + `){0,4})` +
	`(?:,[ \t]+(?P<date>` + datePart + `)|,[ \t]+(?P<region>` + titleWord + `(?:[ \t]` + titleWord + `){0,2})(?:,[ \t]+(?P<date2>` + datePart + `))?)?` +
	`(?:[ \t]*(?:\((?P<src>[^()\n]{1,40})\)|/(?P<src2>[^/\n]{1,40})/))?` +
	`[ \t]*(?:-{2,3}|[—–―]|-(?:[ \t]|$))[ \t\x{00A0}]*`)

const (
	capsWord  = `\p{Lu}[\p{Lu}\p{M}'’.]*`
	titleWord = `\p{Lu}[\p{L}\p{M}'’.]*`
	datePart  = `(?i:` + monthPattern + `)\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?\b`
)

var rxDatePart = regexp.MustCompile(`(?i)^(` + monthPattern + `)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?`)

// findDateline returns the dateline at the start of line s, with its span
// relative to s, or nil. Its date is resolved against pub, the publication
// date: the year is pub's, or the one before when the dateline's month comes
// after pub's month; without pub and without a year in the dateline, the
// date is left empty.
func findDateline(s string, pub time.Time) *dyad.Dateline {
	m := rxDateline.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	group := func(name string) string {
		i := rxDateline.SubexpIndex(name)
		if m[2*i] < 0 {
			return ""
		}
		return strings.TrimSpace(s[m[2*i]:m[2*i+1]])
	}
	place := group("place")
	if letters(place) < 3 {
		return nil
	}
	if r := group("region"); r != "" {
		place += ", " + r
	}
	d := &dyad.Dateline{
		Span:   dyad.Span{Start: m[0], End: m[1]},
		Place:  place,
		Source: group("src") + group("src2"),
	}
	date := group("date") + group("date2")
	if date != "" {
		d.Date = resolveDate(date, pub)
	}
	return d
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// resolveDate turns a dateline date ("March 17", "Jan. 5, 2024") into
// YYYY-MM-DD, or "" when it cannot.
func resolveDate(s string, pub time.Time) string {
	m := rxDatePart.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	month := monthNumber(m[1])
	day, _ := strconv.Atoi(m[2])
	var year int
	switch {
	case m[3] != "":
		year, _ = strconv.Atoi(m[3])
	case pub.IsZero():
		return ""
	default:
		year = pub.Year()
		if month > pub.Month() {
			year--
		}
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || t.Month() != month {
		return "" // "February 30"
	}
	return t.Format(dyad.DateLayout)
}

func monthNumber(name string) time.Month {
	p := strings.ToLower(name)[:3]
	for m := time.January; m <= time.December; m++ {
		if strings.ToLower(m.String()[:3]) == p {
			return m
		}
	}
	return 0
}
