package timex

import (
	"strings"
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
		// News phrasings of the rule layer.
		{"day before yesterday", "The envoy left the day before yesterday.", "the day before yesterday", "2026-11-23", "day"},
		{"day after tomorrow", "The vote is the day after tomorrow.", "the day after tomorrow", "2026-11-27", "day"},
		{"earlier this week", "Talks stalled earlier this week.", "earlier this week", "2026-11-23", "week"},
		{"later this month", "A ruling is due later this month.", "later this month", "2026-11", "month"},
		{"earlier this year", "The army withdrew earlier this year.", "earlier this year", "2026", "year"},
		{"late last year", "The deal collapsed late last year.", "late last year", "2025", "year"},
		{"early next year", "Elections are due early next year.", "early next year", "2027", "year"},
		{"earlier on weekday", "He spoke earlier on Monday.", "earlier on Monday", "2026-11-23", "day"},
		{"late weekday", "The rebels withdrew late Friday.", "late Friday", "2026-11-20", "day"},
		{"early weekday", "Sirens sounded early Tuesday.", "early Tuesday", "2026-11-24", "day"},
		{"weekday night", "Shelling resumed Monday night.", "Monday night", "2026-11-23", "day"},
		{"weekday morning", "Police raided the office on Tuesday morning.", "Tuesday morning", "2026-11-24", "day"},
		{"over the weekend", "Protests grew over the weekend.", "over the weekend", "2026-11-21", "day"},
		{"last weekend", "Thousands marched last weekend.", "last weekend", "2026-11-21", "day"},
		{"next weekend", "The summit opens next weekend.", "next weekend", "2026-11-28", "day"},
		{"this sunday", "Voters go to the polls this Sunday.", "this Sunday", "2026-11-29", "day"},
		{"this evening", "The president speaks this evening.", "this evening", "2026-11-25", "day"},
		{"hours ago", "The blast happened three hours ago.", "three hours ago", "2026-11-25", "day"},
		{"fortnight ago", "The ship was seized a fortnight ago.", "a fortnight ago", "2026-11-11", "day"},
		{"weeks ago", "The border reopened two weeks ago.", "two weeks ago", "2026-11-11", "day"},
		{"ten days ago", "He was detained ten days ago.", "ten days ago", "2026-11-15", "day"},
		{"a month ago", "The truce began a month ago.", "a month ago", "2026-10", "month"},
		{"a year ago", "The embassy closed a year ago.", "a year ago", "2025", "year"},
		{"four years ago", "The treaty lapsed four years ago.", "four years ago", "2022", "year"},
		{"last month name", "Inflation peaked last March.", "last March", "2026-03", "month"},
		{"last month name not yet this year", "Prices fell last December.", "last December", "2025-12", "month"},
		{"next month name", "The base closes next March.", "next March", "2027-03", "month"},
		{"early month", "Fighting flared in early March.", "early March", "2026-03", "month"},
		{"mid month", "Talks resumed in mid-March.", "mid-March", "2026-03", "month"},
		{"late month year", "The plan was drafted in late March 2024.", "late March 2024", "2024-03", "month"},
		{"in month past", "Talks collapsed in March.", "in March", "2026-03", "month"},
		{"in month future", "Elections will be held in January.", "in January", "2027-01", "month"},
		{"early year", "The mine opened in early 2020.", "early 2020", "2020", "year"},
		{"in two weeks", "Talks resume in two weeks.", "in two weeks", "2026-12-09", "day"},
		{"within days", "The envoy returns within 3 days.", "within 3 days", "2026-11-28", "day"},
		{"in months", "The base closes in six months.", "in six months", "2027-05", "month"},
		{"since year", "He has ruled since 2019.", "since 2019", "2019", "year"},
		{"by year", "The plant will close by 2030.", "by 2030", "2030", "year"},
		{"during year", "Exports doubled during 2024.", "during 2024", "2024", "year"},
		{"in old year", "The wall fell in 1989.", "in 1989", "1989", "year"},
		{"weekday and date", "The vote was held on Monday, March 2.", "Monday, March 2", "2026-03-02", "day"},
		{"month day year abbreviated", "He was elected on Nov. 3, 2020.", "Nov. 3, 2020", "2020-11-03", "day"},
		{"month day in the past year", "Talks ended on Dec. 28.", "Dec. 28", "2025-12-28", "day"},
		{"january in a past sentence", "The envoy resigned on Jan. 5.", "Jan. 5", "2026-01-05", "day"},
		{"may as month", "The accord was signed on May 9.", "May 9", "2026-05-09", "day"},
		{"month year full", "Troops left in September 2025.", "September 2025", "2025-09", "month"},
		// Left to go-dateparser behind the rules.
		{"ordinal of month", "The ceasefire began on the 5th of March.", "the 5th of March", "2026-03-05", "day"},
		{"month ordinal", "The ceasefire began on March 5th.", "March 5th", "2026-03-05", "day"},
		{"ordinal month year", "It was signed on 5th March 2020.", "5th March 2020", "2020-03-05", "day"},
		{"month ordinal year", "It was signed on March 5th, 2020.", "March 5th, 2020", "2020-03-05", "day"},
		{"ordinal of january future", "The talks will open on the 21st of January.", "the 21st of January", "2027-01-21", "day"},
		{"numeric date", "The decree is dated 3/15/2019.", "3/15/2019", "2019-03-15", "day"},
		{"dotted numeric date", "The order is dated 15.03.2019.", "15.03.2019", "2019-03-15", "day"},
	}
	if len(tests) < 80 {
		t.Errorf("the table has %d expressions; the issue asks for at least 80", len(tests))
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
		"He finished 5th in the race.",
		"The 3rd battalion moved north.",
		"They will be back in two.",
	} {
		if got := dates(t, text, dyad.Article{Date: ref}); len(got) != 0 {
			t.Errorf("%q: unexpected dates %+v", text, got)
		}
	}
}

func TestTimeZones(t *testing.T) {
	// 20:00 UTC on Tuesday 2024-05-07 is 05:00 on Wednesday 2024-05-08 in
	// Seoul and 16:00 on Tuesday in Washington.
	published := time.Date(2024, 5, 7, 20, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text, dateline string
		hasTime              bool
		expr, value          string
	}{
		{"dateline zone ahead", "Officials met yesterday.", "SEOUL", true, "yesterday", "2024-05-07"},
		{"dateline zone behind", "Officials met yesterday.", "WASHINGTON", true, "yesterday", "2024-05-06"},
		{"no time of day: the publication date", "Officials met yesterday.", "SEOUL", false, "yesterday", "2024-05-06"},
		{"unknown place", "Officials met yesterday.", "ATLANTIS", true, "yesterday", "2024-05-06"},
		{"explicit zone", "The launch came on Wednesday (Seoul time).", "LONDON", true, "Wednesday (Seoul time)", "2024-05-08"},
		{"same weekday without the zone", "The launch came on Wednesday.", "LONDON", true, "Wednesday", "2024-05-01"},
		{"zone without parentheses", "Talks opened Wednesday Tokyo time.", "LONDON", true, "Wednesday Tokyo time", "2024-05-08"},
		{"local time", "The blast came on Tuesday (local time).", "SEOUL", true, "Tuesday (local time)", "2024-05-07"},
		{"gmt", "Polls closed on Tuesday (GMT).", "SEOUL", true, "Tuesday (GMT)", "2024-05-07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := dyad.Article{Date: published, HasTime: tt.hasTime, Dateline: &dyad.Dateline{Place: tt.dateline}}
			got := dates(t, tt.text, a)
			if len(got) != 1 || got[0].Text != tt.expr || got[0].Value != tt.value {
				t.Errorf("got %+v, want %q = %s", got, tt.expr, tt.value)
			}
		})
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

func FuzzDates(f *testing.F) {
	f.Add("They met on Monday, March 2 (Seoul time) and the 5th of March.")
	f.Add("in 3 days 3/15/2019 mid-March late Friday (local time")
	f.Fuzz(func(t *testing.T, text string) {
		doc := dyad.NewDocument(&dyad.Article{Text: text, Date: ref, HasTime: true, Dateline: &dyad.Dateline{Place: "Seoul"}})
		if err := (lang.Splitter{}).Process(doc); err != nil {
			return
		}
		if err := (Stage{}).Process(doc); err != nil {
			t.Fatal(err)
		}
		for _, d := range doc.Dates {
			if d.Start < 0 || d.End > len(text) || d.Start >= d.End || text[d.Start:d.End] != d.Text || d.Value == "" {
				t.Fatalf("bad date %+v", d)
			}
		}
	})
}

func BenchmarkStage(b *testing.B) {
	text := strings.Repeat("The envoy arrived on Monday, March 2 (Seoul time) and will leave in two weeks. "+
		"Talks collapsed late last year, and a fortnight ago the 5th of March was set for a vote. ", 20)
	a := &dyad.Article{Text: text, Date: ref, HasTime: true, Dateline: &dyad.Dateline{Place: "SEOUL"}}
	base := dyad.NewDocument(a)
	if err := (lang.Splitter{}).Process(base); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		doc := *base
		doc.Dates = nil
		if err := (Stage{}).Process(&doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(base.Sentences))/b.Elapsed().Seconds(), "sentences/s")
}
