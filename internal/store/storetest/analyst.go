package storetest

import (
	"context"
	"errors"
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/store"
)

// Article IDs of the records SecondReports returns.
const (
	FranceIndia2 = "fr-in-2"
	FranceIndia3 = "fr-in-3"
)

// SecondReports returns two more reports of the France-India story by
// another outlet: FranceIndia2 reports all three of its events again (tone
// -0.75), FranceIndia3 only the visit to New Delhi, twice, and has no tone.
// Stored after Records, the visit is one cross-article event with 4
// mentions in 3 articles from 2 sources.
func SecondReports() []store.Record {
	r2 := other(Records()[0], " Officials in both capitals confirmed the visit.")
	r2.Result.ID, r2.Result.Source = FranceIndia2, "Other Wire"
	r2.Result.Tone = &dyad.Tone{Tone: -0.75, Positive: 3, Negative: 3.75, Polarity: 6.75, Words: 55}
	r3 := other(Records()[0], " The visit was the minister's first to India.")
	r3.Result.ID, r3.Result.Source, r3.Result.Tone = FranceIndia3, "Other Wire", nil
	visit := r3.Result.Events[0]
	again := visit
	again.ID = "e2"
	r3.Result.Events = []dyad.Event{visit, again}
	return []store.Record{r2, r3}
}

func crossKeys(rows []store.CrossEvent) []string {
	keys := []string{}
	for _, r := range rows {
		keys = append(keys, r.Date+" "+r.Source+" "+r.CAMEO+" "+r.Target)
	}
	return keys
}

// allCrossEvents is every cross-article event of Records in store order.
var allCrossEvents = []string{
	"2025-11-02 BRA 057 ARG", "2025-11-02 ARG 057 BRA",
	"2026-03-17 KORGOV 111 PRK", "2026-03-17 PRK 150 ", "2026-03-17 KOR 020 PRK",
	"2026-05-04 FRAGOV 042 IND", "2026-05-04 FRAGOV 112 RUS",
	"2026-05-07 FRAGOV 036 AUS",
}

func testCrossEvents(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Records())
	put(t, s, SecondReports())
	tests := []struct {
		name string
		q    store.EventQuery
		want []string
	}{
		{"all", store.EventQuery{}, allCrossEvents},
		{"source", store.EventQuery{Source: "fra"}, allCrossEvents[5:]},
		{"target", store.EventQuery{Target: "PRK"}, []string{"2026-03-17 KORGOV 111 PRK", "2026-03-17 KOR 020 PRK"}},
		{"code", store.EventQuery{Code: "05"}, allCrossEvents[:2]},
		{"quad class", store.EventQuery{QuadClass: 3}, []string{"2026-03-17 KORGOV 111 PRK", "2026-05-04 FRAGOV 112 RUS"}},
		{"dates", store.EventQuery{From: "2026-03-18", To: "2026-05-06"}, allCrossEvents[5:7]},
		{"page", store.EventQuery{Limit: 2, Offset: 6}, allCrossEvents[6:]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.CrossEvents(ctx, tt.q)
			if err != nil {
				t.Fatalf("cross events %+v: %v", tt.q, err)
			}
			total := len(tt.want)
			if tt.q.Limit > 0 {
				total = len(allCrossEvents)
			}
			if got := crossKeys(p.Items); !slices.Equal(got, tt.want) || p.Total != total {
				t.Errorf("cross events %+v = %v (total %d), want %v (total %d)", tt.q, got, p.Total, tt.want, total)
			}
		})
	}
	p, err := s.CrossEvents(ctx, store.EventQuery{Code: "042"})
	if err != nil || len(p.Items) != 1 {
		t.Fatalf("visit: %+v, %v", p, err)
	}
	visit := p.Items[0]
	if visit.ID <= 0 {
		t.Errorf("visit ID = %d, want positive", visit.ID)
	}
	want := store.CrossEvent{ID: visit.ID, Date: "2026-05-04", Source: "FRAGOV", Target: "IND",
		SourceCountry: "FRA", TargetCountry: "IND", CAMEO: "042", Root: "04", QuadClass: 1, Goldstein: 1.9,
		Place: "New Delhi", PlaceCountry: "IND", NumMentions: 4, NumSources: 2, NumArticles: 3,
		Tone: -1.0, FirstArticle: FranceIndia}
	if !reflect.DeepEqual(visit, want) {
		t.Errorf("visit = %+v\nwant %+v", visit, want)
	}
	d, err := s.CrossEvent(ctx, visit.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.CrossEvent != want {
		t.Errorf("detail = %+v, want %+v", d.CrossEvent, want)
	}
	var mentions []string
	for _, m := range d.Mentions {
		mentions = append(mentions, m.Article+"/"+m.ID)
		if m.CrossEvent != visit.ID {
			t.Errorf("mention %s/%s has cross event %d, want %d", m.Article, m.ID, m.CrossEvent, visit.ID)
		}
		if m.Evidence.Trigger.Text != "arrived in New Delhi" || m.Evidence.Pattern == "" || m.Evidence.Text == "" {
			t.Errorf("mention %s/%s lost its provenance: %+v", m.Article, m.ID, m.Evidence)
		}
	}
	if want := []string{FranceIndia + "/e1", FranceIndia2 + "/e1", FranceIndia3 + "/e1", FranceIndia3 + "/e2"}; !slices.Equal(mentions, want) {
		t.Errorf("mentions = %v, want %v", mentions, want)
	}
	// Each mention of an article names its cross-article event.
	ev, err := s.Events(ctx, store.EventQuery{Article: FranceIndia3})
	if err != nil || len(ev.Items) != 2 || ev.Items[0].CrossEvent != visit.ID || ev.Items[1].CrossEvent != visit.ID {
		t.Errorf("events of %s = %+v, %v; want both in cross event %d", FranceIndia3, ev.Items, err, visit.ID)
	}
	// An event with one report, from an article without a source or tone.
	p, err = s.CrossEvents(ctx, store.EventQuery{Source: "BRA", Code: "057"})
	if err != nil || len(p.Items) != 1 {
		t.Fatalf("trade: %+v, %v", p, err)
	}
	if e := p.Items[0]; e.NumMentions != 1 || e.NumArticles != 1 || e.NumSources != 1 || e.Tone != 0 || e.Place != "" {
		t.Errorf("trade = %+v, want one mention, article and source, tone 0, no place", e)
	}
	if c := counts(t, s); c.Events != 8+3+2 || c.CrossEvents != len(allCrossEvents) {
		t.Errorf("counts = %+v, want 13 events and %d cross events", c, len(allCrossEvents))
	}
}

func testCrossEventNotFound(t *testing.T, s store.Store) {
	put(t, s, Records())
	for _, id := range []int64{0, -1, 1 << 40} {
		if _, err := s.CrossEvent(context.Background(), id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("cross event %d: err = %v, want ErrNotFound", id, err)
		}
	}
}

// relationKey names a relation row by its period and pair.
func relationKey(r store.RelationRow) string { return r.Period + " " + r.Source + ">" + r.Target }

func testRelations(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Records())
	put(t, s, SecondReports())
	tests := []struct {
		name string
		q    store.RelationQuery
		want []string
	}{
		{"countries", store.RelationQuery{}, []string{" KOR>PRK", " ARG>BRA", " BRA>ARG", " FRA>AUS", " FRA>IND", " FRA>RUS"}},
		{"codes", store.RelationQuery{Level: store.LevelCode, Source: "KOR"},
			[]string{" KOR>PRK", " KORGOV>PRK"}},
		{"months", store.RelationQuery{Period: store.PeriodMonth},
			[]string{"2025-11-01 ARG>BRA", "2025-11-01 BRA>ARG", "2026-03-01 KOR>PRK",
				"2026-05-01 FRA>AUS", "2026-05-01 FRA>IND", "2026-05-01 FRA>RUS"}},
		{"weeks start on Monday", store.RelationQuery{Period: store.PeriodWeek, From: "2025-01-01"},
			[]string{"2025-10-27 ARG>BRA", "2025-10-27 BRA>ARG", "2026-03-16 KOR>PRK",
				"2026-05-04 FRA>AUS", "2026-05-04 FRA>IND", "2026-05-04 FRA>RUS"}},
		{"days", store.RelationQuery{Period: store.PeriodDay, Source: "FRA"},
			[]string{"2026-05-04 FRA>IND", "2026-05-04 FRA>RUS", "2026-05-07 FRA>AUS"}},
		{"target and window", store.RelationQuery{Target: "b", To: "2025-12-31"}, []string{" ARG>BRA"}},
		{"nothing", store.RelationQuery{Source: "ZZZ"}, []string{}},
		{"page", store.RelationQuery{Limit: 2, Offset: 1}, []string{" ARG>BRA", " BRA>ARG"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Relations(ctx, tt.q)
			if err != nil {
				t.Fatalf("relations %+v: %v", tt.q, err)
			}
			got := []string{}
			for _, r := range p.Items {
				got = append(got, relationKey(r))
			}
			total := len(tt.want)
			if tt.q.Limit > 0 {
				total = 6
			}
			if !slices.Equal(got, tt.want) || p.Total != total {
				t.Errorf("relations %+v = %v (total %d), want %v (total %d)", tt.q, got, p.Total, tt.want, total)
			}
		})
	}
	p, err := s.Relations(ctx, store.RelationQuery{Source: "KOR", Target: "PRK"})
	if err != nil || len(p.Items) != 1 {
		t.Fatalf("KOR>PRK: %+v, %v", p, err)
	}
	want := store.RelationRow{Source: "KOR", Target: "PRK", Events: 2, Mentions: 2,
		VerbalCooperation: 1, VerbalConflict: 1, Goldstein: 0.5, Tone: -4.5}
	if p.Items[0] != want {
		t.Errorf("KOR>PRK = %+v, want %+v", p.Items[0], want)
	}
	p, err = s.Relations(ctx, store.RelationQuery{Source: "FRA", Target: "IND"})
	if err != nil || len(p.Items) != 1 {
		t.Fatalf("FRA>IND: %+v, %v", p, err)
	}
	if r := p.Items[0]; r.Events != 1 || r.Mentions != 4 || math.Abs(r.Tone-(-1.0)) > 1e-9 {
		t.Errorf("FRA>IND = %+v, want 1 event, 4 mentions, tone -1", r)
	}
}

func testPartners(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Records())
	put(t, s, SecondReports())
	tests := []struct {
		name string
		q    store.PartnerQuery
		want []store.PartnerRow
	}{
		{"cooperation", store.PartnerQuery{Actor: "fra"}, []store.PartnerRow{
			{Partner: "AUS", Events: 1, Cooperation: 1, Goldstein: 4},
			{Partner: "IND", Events: 1, Cooperation: 1, Goldstein: 1.9},
		}},
		{"conflict", store.PartnerQuery{Actor: "FRA", Rank: store.RankConflict}, []store.PartnerRow{
			{Partner: "RUS", Events: 1, Conflict: 1, Goldstein: -2},
		}},
		{"mixed partner in both rankings", store.PartnerQuery{Actor: "KOR", Rank: store.RankConflict}, []store.PartnerRow{
			{Partner: "PRK", Events: 2, Cooperation: 1, Conflict: 1, Goldstein: 0.5},
		}},
		{"either direction", store.PartnerQuery{Actor: "PRK"}, []store.PartnerRow{
			{Partner: "KOR", Events: 2, Cooperation: 1, Conflict: 1, Goldstein: 0.5},
		}},
		{"both directions add up", store.PartnerQuery{Actor: "BRA"}, []store.PartnerRow{
			{Partner: "ARG", Events: 2, Cooperation: 2, Goldstein: 8},
		}},
		{"codes", store.PartnerQuery{Actor: "KORGOV", Level: store.LevelCode, Rank: store.RankConflict}, []store.PartnerRow{
			{Partner: "PRK", Events: 1, Conflict: 1, Goldstein: -2},
		}},
		{"window", store.PartnerQuery{Actor: "FRA", From: "2026-05-05"}, []store.PartnerRow{
			{Partner: "AUS", Events: 1, Cooperation: 1, Goldstein: 4},
		}},
		{"no partners", store.PartnerQuery{Actor: "ZZZ"}, []store.PartnerRow{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Partners(ctx, tt.q)
			if err != nil {
				t.Fatalf("partners %+v: %v", tt.q, err)
			}
			if !slices.EqualFunc(p.Items, tt.want, func(a, b store.PartnerRow) bool {
				return a.Partner == b.Partner && a.Events == b.Events && a.Cooperation == b.Cooperation &&
					a.Conflict == b.Conflict && math.Abs(a.Goldstein-b.Goldstein) < 1e-9
			}) || p.Total != len(tt.want) {
				t.Errorf("partners %+v = %+v (total %d), want %+v", tt.q, p.Items, p.Total, tt.want)
			}
		})
	}
}

func testAnalystBadQueries(t *testing.T, s store.Store) {
	put(t, s, Records())
	ctx := context.Background()
	tests := []struct {
		name string
		run  func() error
	}{
		{"cross events quad class", func() error { _, err := s.CrossEvents(ctx, store.EventQuery{QuadClass: 5}); return err }},
		{"cross events bad date", func() error { _, err := s.CrossEvents(ctx, store.EventQuery{From: "2026-02-30"}); return err }},
		{"relations period", func() error { _, err := s.Relations(ctx, store.RelationQuery{Period: "year"}); return err }},
		{"relations level", func() error { _, err := s.Relations(ctx, store.RelationQuery{Level: "city"}); return err }},
		{"relations negative offset", func() error { _, err := s.Relations(ctx, store.RelationQuery{Offset: -1}); return err }},
		{"partners without actor", func() error { _, err := s.Partners(ctx, store.PartnerQuery{}); return err }},
		{"partners rank", func() error { _, err := s.Partners(ctx, store.PartnerQuery{Actor: "FRA", Rank: "volume"}); return err }},
		{"partners bad date", func() error { _, err := s.Partners(ctx, store.PartnerQuery{Actor: "FRA", To: "soon"}); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(); !errors.Is(err, store.ErrBadQuery) {
				t.Errorf("err = %v, want ErrBadQuery", err)
			}
		})
	}
}

func testAnalystEmpty(t *testing.T, s store.Store) {
	ctx := context.Background()
	c, err := s.CrossEvents(ctx, store.EventQuery{})
	if err != nil || c.Items == nil || c.Total != 0 {
		t.Errorf("cross events = %+v, %v; want empty non-nil items", c, err)
	}
	r, err := s.Relations(ctx, store.RelationQuery{Period: store.PeriodWeek})
	if err != nil || r.Items == nil || r.Total != 0 {
		t.Errorf("relations = %+v, %v; want empty non-nil items", r, err)
	}
	p, err := s.Partners(ctx, store.PartnerQuery{Actor: "FRA"})
	if err != nil || p.Items == nil || p.Total != 0 {
		t.Errorf("partners = %+v, %v; want empty non-nil items", p, err)
	}
}

// BenchmarkAnalyst measures the analyst queries over n generated records
// (2n events among 10 countries, about 28n/10 distinct) and reports
// queries/s for each. open must return a new, empty store; the benchmark
// closes it.
func BenchmarkAnalyst(b *testing.B, open func(b *testing.B) store.Store, n int) {
	s := open(b)
	defer s.Close()
	ctx := context.Background()
	for start := 0; start < n; start += 500 {
		if _, err := s.Put(ctx, Synthetic(start, min(500, n-start))); err != nil {
			b.Fatal(err)
		}
	}
	queries := []struct {
		name string
		run  func() error
	}{
		{"relations-all", func() error { _, err := s.Relations(ctx, store.RelationQuery{Limit: store.MaxLimit}); return err }},
		{"relations-week", func() error {
			_, err := s.Relations(ctx, store.RelationQuery{Period: store.PeriodWeek, Limit: store.MaxLimit})
			return err
		}},
		{"partners", func() error { _, err := s.Partners(ctx, store.PartnerQuery{Actor: "FRA"}); return err }},
		{"cross-events-page", func() error {
			_, err := s.CrossEvents(ctx, store.EventQuery{Source: "IND", Offset: 100})
			return err
		}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := q.run(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
		})
	}
}

// testMergedMentions checks that an event that merges several
// reports of its article counts each of them as a mention.
func testMergedMentions(t *testing.T, db store.Store) {
	ctx := context.Background()
	recs := Records()
	rec := recs[0]
	if len(rec.Result.Events) == 0 {
		t.Fatal("fixture without events")
	}
	e := &rec.Result.Events[0]
	e.Mentions = []dyad.EventMention{{Sentence: e.Sentence, Evidence: e.Evidence}, {Sentence: e.Sentence, Evidence: e.Evidence}}
	if _, err := db.Put(ctx, []store.Record{rec}); err != nil {
		t.Fatal(err)
	}
	target := ""
	if e.Target != nil {
		target = e.Target.Code
	}
	p, err := db.CrossEvents(ctx, store.EventQuery{Article: rec.Result.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range p.Items {
		if c.Source == e.Source.Code && c.Target == target && c.CAMEO == e.CAMEO {
			if c.NumMentions != 3 {
				t.Errorf("%+v: %d mentions, want 3", c, c.NumMentions)
			}
			return
		}
	}
	t.Errorf("no cross event for %+v in %+v", e, p.Items)
}
