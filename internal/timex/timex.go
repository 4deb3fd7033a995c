package timex

import (
	"strconv"
	"strings"
	"time"

	"github.com/markusmobius/go-dateparser"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/gazetteer"
)

// Stage is the time stage. The zero value is ready to use: it finds time
// zones in the embedded gazetteer (gazetteer.Shared).
type Stage struct {
	// Gazetteer, if set, is used for time zones instead of the shared one.
	Gazetteer *gazetteer.Gazetteer
}

var _ dyad.Stage = Stage{}

// Name returns "time".
func (Stage) Name() string { return "time" }

// Process adds doc.Dates.
func (s Stage) Process(doc *dyad.Document) error {
	z := zones{g: s.Gazetteer}
	ref, ok := z.reference(doc.Article)
	if !ok {
		return nil
	}
	var lower []string
	var fallback *dateparser.Parser
	for si := range doc.Sentences {
		toks := doc.SentenceTokens(si)
		lower = lower[:0]
		for _, t := range toks {
			lower = append(lower, strings.ToLower(t.Text))
		}
		future := speaksOfFuture(lower)
		for i := 0; i < len(toks); {
			m, n := match(toks[i:], lower[i:], ref, future)
			if n == 0 && triggersParser(toks[i:], lower[i:]) {
				if fallback == nil {
					fallback = &dateparser.Parser{}
				}
				m, n = parsed(fallback, doc.Article.Text, toks[i:], lower[i:], ref, future)
			}
			if n == 0 {
				i++
				continue
			}
			if loc, k := z.suffix(toks[i+n:], lower[i+n:]); k > 0 {
				// "Wednesday (Seoul time)": the expression read on the
				// named zone's calendar; "(local time)" is the dateline's.
				if loc != nil {
					m = inZone(doc.Article, &z, loc, toks[i:i+n], lower[i:i+n], m, future)
				}
				n += k
			}
			m.Start, m.End = toks[i].Start, toks[i+n-1].End
			m.Text = doc.Article.Text[m.Start:m.End]
			m.Sentence = si
			doc.Dates = append(doc.Dates, m)
			i += n
		}
	}
	return nil
}

// inZone resolves the expression in toks again against the publication day
// on loc's calendar; it returns m unchanged when the publication time is
// unknown or the rules do not read the same tokens.
func inZone(a *dyad.Article, z *zones, loc *time.Location, toks []dyad.Token, lower []string, m dyad.DateRef, future bool) dyad.DateRef {
	local, ok := z.localReference(a, loc)
	if !ok {
		return m
	}
	if lm, n := match(toks, lower, local, future); n == len(toks) {
		return lm
	}
	return m
}

// Reference returns the day relative expressions are resolved against: the
// dateline's date, else the publication date, on the calendar of the
// dateline's place when the publication time and the place's zone are known.
func Reference(a *dyad.Article) (time.Time, bool) {
	var z zones
	return z.reference(a)
}

var futureWords = map[string]bool{"will": true, "due": true, "plans": true, "plan": true,
	"scheduled": true, "expected": true, "shall": true, "'ll": true, "upcoming": true, "next": true}

func speaksOfFuture(lower []string) bool {
	for _, w := range lower {
		if futureWords[w] {
			return true
		}
	}
	return false
}

var weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday,
	"tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday}

// monthNames maps full and abbreviated month names, lowercased, to months.
var monthNames = func() map[string]time.Month {
	names := map[string]time.Month{"sept": time.September, "sept.": time.September}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		names[name] = m
		names[name[:3]] = m
		if m != time.May {
			names[name[:3]+"."] = m
		}
	}
	return names
}()

var units = map[string]string{"day": "day", "days": "day", "week": "week", "weeks": "week",
	"month": "month", "months": "month", "year": "year", "years": "year"}

var smallNumbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 0}

func at(lower []string, i int) string {
	if i < len(lower) {
		return lower[i]
	}
	return ""
}

// match tries the rules at the start of toks (lower holds their lowercased
// texts) and returns the expression and the number of tokens it covers (0
// for no match).
func match(toks []dyad.Token, lower []string, ref time.Time, future bool) (dyad.DateRef, int) {
	if d, n := newsPhrase(toks, lower, ref, future); n > 0 {
		return d, n
	}
	w0, w1, w2 := at(lower, 0), at(lower, 1), at(lower, 2)
	switch {
	case (w0 == "earlier" || w0 == "later") && w1 == "in" && w2 == "the" && at(lower, 3) == "day":
		return day(ref), 4
	case (w0 == "earlier" || w0 == "later") && (w1 == "today" || w1 == "tonight"):
		return day(ref), 2
	case w0 == "today" || w0 == "tonight":
		return day(ref), 1
	case w0 == "yesterday":
		return day(ref.AddDate(0, 0, -1)), 1
	case w0 == "tomorrow":
		return day(ref.AddDate(0, 0, 1)), 1
	case w0 == "this" && (w1 == "morning" || w1 == "afternoon" || w1 == "evening"):
		return day(ref), 2
	case w0 == "last" && w1 == "night":
		return day(ref.AddDate(0, 0, -1)), 2
	case (w0 == "last" || w0 == "next" || w0 == "this") && (w1 == "week" || w1 == "month" || w1 == "year"):
		return period(ref, w1, map[string]int{"last": -1, "this": 0, "next": 1}[w0]), 2
	case (w0 == "last" || w0 == "next" || w0 == "this") && isWeekday(toks, 1):
		return weekday(ref, weekdays[w1], w0), 2
	case (w0 == "late" || w0 == "early") && w1 == "on" && isWeekday(toks, 2):
		return weekday(ref, weekdays[w2], direction(future)), 3
	case isWeekday(toks, 0):
		return weekday(ref, weekdays[w0], direction(future)), 1
	}
	if n, ok := count(w0); ok && units[w1] != "" && w2 == "ago" {
		return ago(ref, n, units[w1]), 3
	}
	if d, n := absolute(toks, ref, future); n > 0 {
		return d, n
	}
	return dyad.DateRef{}, 0
}

// isWeekday reports whether toks[i] is a capitalized weekday name.
func isWeekday(toks []dyad.Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	_, ok := weekdays[strings.ToLower(toks[i].Text)]
	return ok && toks[i].Text[0] >= 'A' && toks[i].Text[0] <= 'Z'
}

func direction(future bool) string {
	if future {
		return "coming"
	}
	return "latest"
}

func count(w string) (int, bool) {
	if n, ok := smallNumbers[w]; ok && n > 0 {
		return n, true
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n > 0 && n < 1000
}

func day(t time.Time) dyad.DateRef {
	return dyad.DateRef{Value: t.Format(dyad.DateLayout), Granularity: "day"}
}

// weekday resolves a weekday name: "latest" is on or before ref, "coming" on
// or after it, "last" strictly before, "next" strictly after, "this" within
// ref's week (Monday to Sunday).
func weekday(ref time.Time, wd time.Weekday, how string) dyad.DateRef {
	back := (int(ref.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(ref.Weekday()) + 7) % 7
	switch how {
	case "latest":
		return day(ref.AddDate(0, 0, -back))
	case "coming":
		return day(ref.AddDate(0, 0, fwd))
	case "last":
		if back == 0 {
			back = 7
		}
		return day(ref.AddDate(0, 0, -back))
	case "next":
		if fwd == 0 {
			fwd = 7
		}
		return day(ref.AddDate(0, 0, fwd))
	}
	return day(monday(ref).AddDate(0, 0, (int(wd)+6)%7))
}

func monday(t time.Time) time.Time { return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) }

func period(ref time.Time, unit string, delta int) dyad.DateRef {
	switch unit {
	case "week":
		return dyad.DateRef{Value: monday(ref).AddDate(0, 0, 7*delta).Format(dyad.DateLayout), Granularity: "week"}
	case "month":
		t := time.Date(ref.Year(), ref.Month()+time.Month(delta), 1, 0, 0, 0, 0, time.UTC)
		return dyad.DateRef{Value: t.Format("2006-01"), Granularity: "month"}
	}
	return dyad.DateRef{Value: strconv.Itoa(ref.Year() + delta), Granularity: "year"}
}

func ago(ref time.Time, n int, unit string) dyad.DateRef {
	switch unit {
	case "day":
		return day(ref.AddDate(0, 0, -n))
	case "week":
		return day(ref.AddDate(0, 0, -7*n))
	case "month":
		t := time.Date(ref.Year(), ref.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return dyad.DateRef{Value: t.Format("2006-01"), Granularity: "month"}
	}
	return dyad.DateRef{Value: strconv.Itoa(ref.Year() - n), Granularity: "year"}
}

// absolute matches "March 17", "March 17, 2026", "17 March 2026", "March
// 2026", "in 2019" and ISO dates.
func absolute(toks []dyad.Token, ref time.Time, future bool) (dyad.DateRef, int) {
	if len(toks) == 0 {
		return dyad.DateRef{}, 0
	}
	t0 := toks[0]
	if t0.Kind == dyad.Number && len(t0.Text) == 10 {
		if t, err := time.Parse(dyad.DateLayout, t0.Text); err == nil {
			return day(t), 1
		}
	}
	if m, ok := month(toks, 0); ok {
		if d, ok := dayNumber(toks, 1); ok {
			if y, ok := yearAfterComma(toks, 2); ok {
				return dated(y, m, d)
			}
			return dated(likelyYear(ref, m, d, future), m, d, 2)
		}
		if y, ok := year(toks, 1); ok {
			return dyad.DateRef{Value: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), Granularity: "month"}, 2
		}
	}
	if d, ok := dayNumber(toks, 0); ok {
		if m, ok := month(toks, 1); ok {
			if y, ok := year(toks, 2); ok {
				return dated(y, m, d, 3)
			}
			return dated(likelyYear(ref, m, d, future), m, d, 2)
		}
	}
	if strings.EqualFold(t0.Text, "in") {
		if y, ok := year(toks, 1); ok {
			return dyad.DateRef{Value: strconv.Itoa(y), Granularity: "year"}, 2
		}
	}
	return dyad.DateRef{}, 0
}

// dated builds a day reference covering n tokens (3 or 4 when a year
// follows a comma, as in "March 17, 2026"), or no match for an invalid date.
func dated(y int, m time.Month, d int, n ...int) (dyad.DateRef, int) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return dyad.DateRef{}, 0
	}
	width := 4
	if len(n) > 0 {
		width = n[0]
	}
	return day(t), width
}

func month(toks []dyad.Token, i int) (time.Month, bool) {
	if i >= len(toks) || toks[i].Text[0] < 'A' || toks[i].Text[0] > 'Z' {
		return 0, false
	}
	m, ok := monthNames[strings.ToLower(toks[i].Text)]
	return m, ok
}

func dayNumber(toks []dyad.Token, i int) (int, bool) {
	if i >= len(toks) || toks[i].Kind != dyad.Number || len(toks[i].Text) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(toks[i].Text)
	return d, err == nil && d >= 1 && d <= 31
}

func year(toks []dyad.Token, i int) (int, bool) {
	if i >= len(toks) || toks[i].Kind != dyad.Number || len(toks[i].Text) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(toks[i].Text)
	return y, err == nil && y >= 1900 && y <= 2100
}

// yearAfterComma matches ", 2026" at toks[i:].
func yearAfterComma(toks []dyad.Token, i int) (int, bool) {
	if i < len(toks) && toks[i].Text == "," {
		return year(toks, i+1)
	}
	return 0, false
}

// likelyYear returns the year of month m, day d: of the years around ref's,
// the one that puts the day nearest to ref, except that a past-tense
// sentence does not speak of a day more than a week ahead, nor a future one
// of a day more than a week ago.
func likelyYear(ref time.Time, m time.Month, d int, future bool) int {
	const week = 7 * 24 * time.Hour
	best, bestDist := ref.Year(), time.Duration(1<<62)
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		diff := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(ref)
		if !future && diff > week || future && diff < -week {
			continue
		}
		if dist := max(diff, -diff); dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}
