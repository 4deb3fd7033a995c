package timex

import (
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/lang"
)

// The reference day in these tests is Wednesday 2026-11-25.
var ref = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

func dates(t *testing.T, text string, a dyad.Article) []dyad.DateRef {
	t.Helper()
	a.Text = text
	doc := dyad.NewDocument(&a)
	if err := (lang.Splitter{}).Process(doc); err != nil {
		t.Fatal(err)
	}
	if err := (Stage{}).Process(doc); err != nil {
		t.Fatal(err)
	}
	return doc.Dates
}

func TestExpressions(t *testing.T) {
	tests := []struct {
		name, text, expr, value, gran string
	}{
		{"today", "Talks began today.", "today", "2026-11-25", "day"},
		{"tonight", "He will speak tonight.", "tonight", "2026-11-25", "day"},
		{"yesterday", "Troops left yesterday.", "yesterday", "2026-11-24", "day"},
		{"tomorrow", "The vote is tomorrow.", "tomorrow", "2026-11-26", "day"},
		{"earlier in the day", "He arrived earlier in the day.", "earlier in the day", "2026-11-25", "day"},
		{"later today", "A decision is expected later today.", "later today", "2026-11-25", "day"},
		{"this morning", "Shells fell this morning.", "this morning", "2026-11-25", "day"},
		{"last night", "Sirens sounded last night.", "last night", "2026-11-24", "day"},
		{"bare weekday past", "The ministers met on Monday.", "Monday", "2026-11-23", "day"},
		{"bare weekday same day", "The ministers met on Wednesday.", "Wednesday", "2026-11-25", "day"},
		{"weekday after reference in past sentence", "Protesters gathered on Friday.", "Friday", "2026-11-20", "day"},
		{"weekday future", "Both ministers are due in Canberra on Thursday.", "Thursday", "2026-11-26", "day"},
		{"weekday future with will", "The envoy will arrive on Monday.", "Monday", "2026-11-30", "day"},
		{"last weekday", "Officials spoke last Wednesday.", "last Wednesday", "2026-11-18", "day"},
		{"next weekday", "Talks resume next Wednesday.", "next Wednesday", "2026-12-02", "day"},
		{"this weekday", "The summit opens this Friday.", "this Friday", "2026-11-27", "day"},
		{"late on weekday", "Missiles were fired late on Sunday.", "late on Sunday", "2026-11-22", "day"},
		{"last week", "Clashes erupted last week.", "last week", "2026-11-16", "week"},
		{"this week", "Inspectors arrive this week.", "this week", "2026-11-23", "week"},
		{"next week", "Talks resume next week.", "next week", "2026-11-30", "week"},
		{"last month", "Exports fell last month.", "last month", "2026-10", "month"},
		{"next month", "Elections are held next month.", "next month", "2026-12", "month"},
		{"this year", "Growth slowed this year.", "this year", "2026", "year"},
		{"last year", "The treaty lapsed last year.", "last year", "2025", "year"},
		{"next year", "The base closes next year.", "next year", "2027", "year"},
		{"two days ago", "The ship sank two days ago.", "two days ago", "2026-11-23", "day"},
		{"digits days ago", "He vanished 10 days ago.", "10 days ago", "2026-11-15", "day"},
		{"a week ago", "The border closed a week ago.", "a week ago", "2026-11-18", "day"},
		{"three months ago", "The deal lapsed three months ago.", "three months ago", "2026-08", "month"},
		{"years ago", "The war began two years ago.", "two years ago", "2024", "year"},
		{"month day", "The talks began on November 17.", "November 17", "2026-11-17", "day"},
		{"abbreviated month day", "Voting ended Nov. 20.", "Nov. 20", "2026-11-20", "day"},
		{"month day year", "The accord was signed on March 3, 2019.", "March 3, 2019", "2019-03-03", "day"},
		{"day month", "The summit ended on 17 November.", "17 November", "2026-11-17", "day"},
		{"day month year", "It opened on 4 July 2021.", "4 July 2021", "2021-07-04", "day"},
		{"month near year end", "The ceasefire will end on January 3.", "January 3", "2027-01-03", "day"},
		{"month from last year", "Fighting began on December 30.", "December 30", "2025-12-30", "day"},
		{"month year", "Elections were held in March 2024.", "March 2024", "2024-03", "month"},
		{"in year", "The treaty was signed in 2019.", "in 2019", "2019", "year"},
		{"iso date", "Released 2026-05-06 by the ministry.", "2026-05-06", "2026-05-06", "day"},
		{"sept abbreviation", "It ended on Sept. 9.", "Sept. 9", "2026-09-09", "day"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dates(t, tt.text, dyad.Article{Date: ref})
			if len(got) != 1 {
				t.Fatalf("%q: got %d expressions %+v, want 1", tt.text, len(got), got)
			}
			g := got[0]
			if g.Text != tt.expr || g.Value != tt.value || g.Granularity != tt.gran {
				t.Errorf("%q: got %q=%s (%s), want %q=%s (%s)", tt.text, g.Text, g.Value, g.Granularity, tt.expr, tt.value, tt.gran)
			}
			if tt.text[g.Start:g.End] != g.Text {
				t.Errorf("span %d:%d does not name %q", g.Start, g.End, g.Text)
			}
		})
	}
}

func TestNotDates(t *testing.T) {
	for _, text := range []string{
		"The minister may resign.",
		"He met monday-morning quarterbacks.",
		"The March on Rome was a coup.",
		"Article 17 of the treaty applies.",
		"He said so in 12345 words.",
		"The vote was held on February 30.",
	} {
		if got := dates(t, text, dyad.Article{Date: ref}); len(got) != 0 {
			t.Errorf("%q: unexpected dates %+v", text, got)
		}
	}
}

func TestReference(t *testing.T) {
	t.Run("dateline wins", func(t *testing.T) {
		a := dyad.Article{Date: ref, Dateline: &dyad.Dateline{Date: "2026-11-24"}}
		got := dates(t, "They met yesterday.", a)
		if len(got) != 1 || got[0].Value != "2026-11-23" {
			t.Errorf("got %+v, want yesterday of the dateline's date", got)
		}
	})
	t.Run("no date", func(t *testing.T) {
		if got := dates(t, "They met yesterday.", dyad.Article{}); len(got) != 0 {
			t.Errorf("got %+v without a reference day", got)
		}
	})
}
