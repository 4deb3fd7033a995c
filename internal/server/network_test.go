package server

import (
	"reflect"
	"testing"

	"github.com/dyadproject/dyad/internal/store"
)

func TestBuildNetwork(t *testing.T) {
	rows := []store.RelationRow{
		{Source: "FRA", Target: "IND", Events: 3, VerbalCooperation: 2, MaterialCooperation: 1, Goldstein: 4},
		{Source: "IND", Target: "FRA", Events: 1, VerbalCooperation: 1, Goldstein: 2},
		{Source: "RUS", Target: "UKR", Events: 2, MaterialConflict: 2, Goldstein: -9},
		{Source: "PAK", Target: "PAK", Events: 5, MaterialConflict: 5, Goldstein: -8},
		{Source: "IND", Target: "PAK", Events: 2, VerbalCooperation: 1, VerbalConflict: 1, Goldstein: 0},
	}
	link := func(a, b string) string { return a + "-" + b }
	id := func(k string) string { return k }
	n := buildNetwork(rows, link, id)
	if len(n.Nodes) != 5 || len(n.Edges) != 3 {
		t.Fatalf("%d nodes, %d edges, want 5 and 3 (self-loops left out, directions merged)", len(n.Nodes), len(n.Edges))
	}
	var fraInd *netEdge
	for _, e := range n.Edges {
		if e.A == "FRA" && e.B == "IND" {
			fraInd = e
		}
	}
	if fraInd == nil || fraInd.Events != 4 || fraInd.Cooperation != 4 || fraInd.Goldstein != 3.5 || fraInd.Color != "#1a9850" {
		t.Errorf("FRA-IND edge = %+v, want 4 cooperative events, mean Goldstein 3.5, green", fraInd)
	}
	for _, e := range n.Edges {
		if e.A == "RUS" && e.Color != "#d73027" {
			t.Errorf("RUS-UKR colour %s, want red", e.Color)
		}
		if e.A == "IND" && e.B == "PAK" && e.Color != "#e0a020" {
			t.Errorf("IND-PAK colour %s, want amber", e.Color)
		}
	}
	if n.Nodes[0].Key != "IND" || n.Nodes[0].R <= n.Nodes[len(n.Nodes)-1].R {
		t.Errorf("nodes = %v, want IND first and largest", n.Nodes[0])
	}
	for _, v := range n.Nodes {
		if v.X < netMargin-1 || v.X > netWidth-netMargin+1 || v.Y < netMargin-1 || v.Y > netHeight-netMargin+1 {
			t.Errorf("node %s at (%g, %g) outside the drawing", v.Key, v.X, v.Y)
		}
	}
	if again := buildNetwork(rows, link, id); !reflect.DeepEqual(again, n) {
		t.Error("the same rows gave a different layout")
	}
}

func TestNetworkCap(t *testing.T) {
	var rows []store.RelationRow
	for i := range netMaxNodes + 10 {
		rows = append(rows, store.RelationRow{Source: "HUB", Target: string(rune('A'+i/26)) + string(rune('A'+i%26)), Events: 1, VerbalCooperation: 1})
	}
	n := buildNetwork(rows, func(a, b string) string { return "" }, func(string) string { return "" })
	if len(n.Nodes) != netMaxNodes || n.Dropped != 11 {
		t.Errorf("%d nodes, %d dropped; want %d and 11", len(n.Nodes), n.Dropped, netMaxNodes)
	}
}

func TestTimeline(t *testing.T) {
	rows := []store.RelationRow{
		{Period: "2026-01-05", Source: "A", Target: "B", Events: 2, VerbalCooperation: 1, MaterialConflict: 1, Goldstein: 0},
		{Period: "2026-01-19", Source: "B", Target: "A", Events: 1, VerbalConflict: 1, Goldstein: -2},
		{Period: "2026-01-19", Source: "A", Target: "B", Events: 3, MaterialCooperation: 3, Goldstein: 6},
	}
	tl := buildTimeline(rows, store.PeriodWeek)
	if tl.Periods != 3 || len(tl.Bars) != 4 || len(tl.Dots) != 2 || tl.Cut {
		t.Fatalf("timeline = %d periods, %d bars, %d dots; want 3 (the empty week included), 4, 2", tl.Periods, len(tl.Bars), len(tl.Dots))
	}
	// The week of the 19th: both directions, 4 events, mean Goldstein 4.
	if want := "2026-01-19: mean Goldstein 4.0 over 4 events"; tl.Dots[1].Text != want {
		t.Errorf("second dot %q, want %q", tl.Dots[1].Text, want)
	}
	// The tallest bar stack reaches the top of the plot.
	top := tl.Bottom
	for _, b := range tl.Bars {
		top = min(top, b.Y)
	}
	if top != tl.Top {
		t.Errorf("tallest stack tops at %g, want %g", top, tl.Top)
	}
	long := buildTimeline([]store.RelationRow{{Period: "2020-01-01", Events: 1}, {Period: "2026-01-01", Events: 1}}, store.PeriodDay)
	if long.Periods != tlMaxPeriods || !long.Cut || len(long.Dots) != 1 {
		t.Errorf("six years of days: %d periods drawn (cut %v), %d dots; want the latest %d with one event", long.Periods, long.Cut, len(long.Dots), tlMaxPeriods)
	}
}

func TestPeriodRange(t *testing.T) {
	tests := []struct {
		first, last, period string
		limit               int
		want                []string
		cut                 bool
	}{
		{"2026-11-23", "2026-12-07", store.PeriodWeek, 10, []string{"2026-11-23", "2026-11-30", "2026-12-07"}, false},
		{"2026-11-01", "2027-01-01", store.PeriodMonth, 10, []string{"2026-11-01", "2026-12-01", "2027-01-01"}, false},
		{"2026-02-27", "2026-03-01", store.PeriodDay, 10, []string{"2026-02-27", "2026-02-28", "2026-03-01"}, false},
		{"2026-02-27", "2026-03-01", store.PeriodDay, 3, []string{"2026-02-27", "2026-02-28", "2026-03-01"}, false},
		{"2026-02-27", "2026-03-01", store.PeriodDay, 2, []string{"2026-02-28", "2026-03-01"}, true},
		{"1900-01-01", "2026-03-01", store.PeriodMonth, 1, []string{"2026-03-01"}, true},
		{"2026-03-01", "2026-03-01", store.PeriodAll, 5, []string{"2026-03-01"}, false},
		{"", "", store.PeriodDay, 10, nil, false},
	}
	for _, tt := range tests {
		got, cut := periodRange(tt.first, tt.last, tt.period, tt.limit)
		if !reflect.DeepEqual(got, tt.want) || cut != tt.cut {
			t.Errorf("periodRange(%s, %s, %s, %d) = %v %v, want %v %v", tt.first, tt.last, tt.period, tt.limit, got, cut, tt.want, tt.cut)
		}
	}
}
