// Package timex finds date expressions in an article and resolves them to
// calendar dates.
//
// Expressions are resolved against the story's reference day: the dateline's
// date when the story has one, else the publication date. News is mostly
// about the recent past, so a bare weekday ("on Monday") means the latest such
// day on or before the reference day, unless the sentence speaks of the future
// ("will", "is due", "next Monday"), when it means the next one. A month and
// day without a year ("March 17") takes the year that puts it closest to the
// reference day.
//
// Recognized now: weekdays with last/next/this/on/late on/early on; today,
// tonight, yesterday, tomorrow, earlier/later today, earlier/later in the day,
// this morning/afternoon/evening, last night; last/this/next week, month and
// year; N days/weeks/months/years ago and a week ago; month and day in either
// order with an optional year ("March 17", "Nov. 25, 2026", "17 March"); a month
// and year ("March 2026"); "in 2019"; ISO dates (2026-05-06). Not yet: times of
// day, time zones ("Wednesday (Seoul time)"), ranges ("from Monday to
// Wednesday"), holidays and fiscal periods.
//
// Every expression becomes a dyad.DateRef with its span, sentence, value and
// granularity (day, week, month or year; a week's value is its Monday).
package timex
