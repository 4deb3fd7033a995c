package timex

import (
	"strconv"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
)

// partsOfDay may follow a weekday: "Monday night".
var partsOfDay = wordSet("morning afternoon evening night")

// yearPrepositions put a bare year in an expression: "since 2019".
var yearPrepositions = wordSet("in since by until till before after during from")

// shortUnits are units below a day: "three hours ago" is today.
var shortUnits = wordSet("hour hours minute minutes")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// newsPhrase matches the phrasings of news copy that the core rules do not:
// "the day before yesterday", "earlier this week", "late last year",
// "mid-March", "last March", "in March", "Monday night", "earlier on
// Monday", "over the weekend", "three hours ago", "a fortnight ago", "since
// 2019" and "Monday, March 4".
func newsPhrase(toks []dyad.Token, lower []string, ref time.Time, future bool) (dyad.DateRef, int) {
	w0, w1, w2, w3 := at(lower, 0), at(lower, 1), at(lower, 2), at(lower, 3)
	switch {
	case w0 == "the" && w1 == "day" && w2 == "before" && w3 == "yesterday":
		return day(ref.AddDate(0, 0, -2)), 4
	case w0 == "the" && w1 == "day" && w2 == "after" && w3 == "tomorrow":
		return day(ref.AddDate(0, 0, 2)), 4
	case (w0 == "earlier" || w0 == "later") && (w1 == "this" || w1 == "last" || w1 == "next") && units[w2] != "" && units[w2] != "day":
		return period(ref, units[w2], map[string]int{"last": -1, "this": 0, "next": 1}[w1]), 3
	case (w0 == "early" || w0 == "late") && (w1 == "this" || w1 == "last" || w1 == "next") && (w2 == "month" || w2 == "year" || w2 == "week"):
		return period(ref, w2, map[string]int{"last": -1, "this": 0, "next": 1}[w1]), 3
	case (w0 == "earlier" || w0 == "later" || w0 == "late" || w0 == "early") && w1 == "on" && isWeekday(toks, 2):
		return weekday(ref, weekdays[w2], direction(future)), 3
	case (w0 == "late" || w0 == "early") && isWeekday(toks, 1):
		return weekday(ref, weekdays[w1], direction(future)), 2
	case (w0 == "over" || w0 == "at") && w1 == "the" && w2 == "weekend":
		return weekday(ref, time.Saturday, direction(future)), 3
	case (w0 == "last" || w0 == "this" || w0 == "next") && w1 == "weekend":
		return weekday(ref, time.Saturday, map[string]string{"last": "last", "this": "this", "next": "next"}[w0]), 2
	case (w0 == "in" || w0 == "within") && units[w2] != "" && w3 != "ago":
		// "in two weeks": a delay from the reference day.
		if n, ok := count(w1); ok {
			return ago(ref, -n, units[w2]), 3
		}
	case w0 == "a" && w1 == "fortnight" && w2 == "ago":
		return day(ref.AddDate(0, 0, -14)), 3
	case shortUnits[w1] && w2 == "ago":
		if _, ok := count(w0); ok {
			return day(ref), 3
		}
	case isWeekday(toks, 0) && partsOfDay[w1]:
		return weekday(ref, weekdays[w0], direction(future)), 2
	case isWeekday(toks, 0) && w1 == ",":
		// "Monday, March 4": the date says more than the weekday.
		if d, n := absolute(toks[2:], ref, future); n > 0 && d.Granularity == "day" {
			return d, n + 2
		}
	case (w0 == "last" || w0 == "next" || w0 == "this") && monthAt(toks, 1):
		return namedMonth(ref, monthNames[w1], w0), 2
	case (w0 == "early" || w0 == "late" || w0 == "mid") && monthAt(toks, 1):
		return monthPhrase(toks[1:], ref, future, 1)
	case (w0 == "early" || w0 == "late" || w0 == "mid") && w1 == "-" && monthAt(toks, 2):
		return monthPhrase(toks[2:], ref, future, 2)
	case len(w0) > 4 && w0[:4] == "mid-":
		// "mid-March" as one token.
		if m, ok := monthNames[w0[4:]]; ok && capitalized(toks[0].Text[4:]) {
			return monthOf(ref, m, future, toks[1:], 1)
		}
	case (w0 == "early" || w0 == "late" || w0 == "mid") && isYear(toks, 1):
		y, _ := year(toks, 1)
		return dyad.DateRef{Value: strconv.Itoa(y), Granularity: "year"}, 2
	case w0 == "in" && monthAt(toks, 1) && !isDay(toks, 2):
		if _, ok := year(toks, 2); !ok {
			return monthOf(ref, monthNames[w1], future, nil, 2)
		}
	case yearPrepositions[w0] && w0 != "in" && isYear(toks, 1):
		y, _ := year(toks, 1)
		return dyad.DateRef{Value: strconv.Itoa(y), Granularity: "year"}, 2
	}
	return dyad.DateRef{}, 0
}

func monthAt(toks []dyad.Token, i int) bool { _, ok := month(toks, i); return ok }

func isDay(toks []dyad.Token, i int) bool { _, ok := dayNumber(toks, i); return ok }

func isYear(toks []dyad.Token, i int) bool { _, ok := year(toks, i); return ok }

// monthPhrase resolves "early March", "late March 2024" after the qualifier
// (skip tokens).
func monthPhrase(toks []dyad.Token, ref time.Time, future bool, skip int) (dyad.DateRef, int) {
	m, _ := month(toks, 0)
	return monthOf(ref, m, future, toks[1:], skip+1)
}

// monthOf returns month m in the year that follows it in rest, else in the
// year that puts it nearest to ref; n is the tokens covered so far.
func monthOf(ref time.Time, m time.Month, future bool, rest []dyad.Token, n int) (dyad.DateRef, int) {
	y := likelyYear(ref, m, 15, future)
	if yy, ok := year(rest, 0); ok {
		y, n = yy, n+1
	}
	return dyad.DateRef{Value: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), Granularity: "month"}, n
}

// namedMonth resolves "last March" (the latest March before ref's month),
// "next March" (the first after it) and "this March" (ref's year).
func namedMonth(ref time.Time, m time.Month, how string) dyad.DateRef {
	y := ref.Year()
	switch {
	case how == "last" && m >= ref.Month():
		y--
	case how == "next" && m <= ref.Month():
		y++
	}
	return dyad.DateRef{Value: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), Granularity: "month"}
}
