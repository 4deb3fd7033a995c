// Package timex finds date expressions in an article and resolves them to
// calendar dates.
//
// # Reference day
//
// Expressions are resolved against the story's reference day: the dateline's
// own date when it gives one; else the publication date, read on the
// calendar of the dateline's place when the publication time of day is known
// and the gazetteer knows the place's time zone (a story filed from SEOUL at
// 20:00 UTC on Tuesday is already Wednesday there, so its "yesterday" is
// Tuesday). An expression followed by a zone, "Wednesday (Seoul time)",
// "Tuesday (GMT)", is read on that zone's calendar; "(local time)" is the
// dateline's.
//
// # Rules first
//
// A rule layer written for news phrasing comes first. News is mostly about
// the recent past, so a bare weekday ("on Monday") means the latest such day
// on or before the reference day, unless the sentence speaks of the future
// ("will", "is due", "next Monday"), when it means the next one. A month and
// day without a year ("March 17") takes the year that puts it nearest to the
// reference day, but a past-tense sentence never speaks of a day more than a
// week ahead, nor a future one of a day more than a week ago.
//
// The rules know: weekdays with last/next/this/on, early/late/earlier on,
// and a part of the day ("Monday night"); today, tonight, yesterday,
// tomorrow, the day before yesterday, the day after tomorrow, earlier/later
// today and in the day, this morning/afternoon/evening, last night; the
// weekend (over/last/this/next); last/this/next week, month and year and
// "earlier this week", "late last year"; N hours/days/weeks/months/years ago
// and a fortnight ago; month and day in either order with an optional year
// ("March 17", "Nov. 25, 2026", "17 March"), "Monday, March 2"; a month with
// a year, a qualifier ("early March", "mid-March", "late March 2024") or
// last/next ("last March"); "in March"; a year after in, since, by, until,
// before, after, during or from; ISO dates (2026-05-06).
//
// # go-dateparser behind them
//
// What the rules leave and that starts like a date, an ordinal day ("the 5th
// of March", "March 5th, 2020"), a numeric date ("3/15/2019") or a delay ("in
// two weeks"), goes to github.com/markusmobius/go-dateparser in English with
// the reference day as its current time: the longest window of up to six
// tokens it reads wins. An ordinal without a month ("finished 5th") is not a
// date. Not yet: times of day, ranges ("from Monday to Wednesday"),
// holidays and fiscal periods.
//
// Every expression becomes a dyad.DateRef with its span, sentence, value and
// granularity (day, week, month or year; a week's value is its Monday, and
// the weekend's its Saturday). TestExpressions holds more than 90 invented
// expressions with the dates they must resolve to.
package timex
