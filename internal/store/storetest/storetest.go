// Package storetest is the test suite that every [store.Store]
// implementation passes. An implementation's test calls [Run] with a function
// that opens a new, empty store, and [BenchmarkPut] from a benchmark. The
// fixtures it stores ([Records], [Synthetic]) are exported for other packages'
// tests, such as the server's.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/store"
)

// Run runs the shared suite. open must return a new, empty store each time it
// is called; the suite closes it.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"PutGet", testPutGet},
		{"NotFound", testNotFound},
		{"Idempotent", testIdempotent},
		{"DuplicateInBatch", testDuplicateInBatch},
		{"CancelledBeforePut", testCancelledBeforePut},
		{"CancelledDuringPut", testCancelledDuringPut},
		{"ConcurrentPut", testConcurrentPut},
		{"IDCollision", testIDCollision},
		{"MissingIDAndHash", testMissingIDAndHash},
		{"Articles", testArticles},
		{"Events", testEvents},
		{"EventPaging", testEventPaging},
		{"Actors", testActors},
		{"Quotes", testQuotes},
		{"Counts", testCounts},
		{"BadQueries", testBadQueries},
		{"LimitClamp", testLimitClamp},
		{"Empty", testEmpty},
		{"CrossEvents", testCrossEvents},
		{"CrossEventNotFound", testCrossEventNotFound},
		{"Relations", testRelations},
		{"Partners", testPartners},
		{"AnalystBadQueries", testAnalystBadQueries},
		{"AnalystEmpty", testAnalystEmpty},
		{"MergedMentions", testMergedMentions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

// BenchmarkPut measures Put with batches of 100 generated records and reports
// articles/s. open must return a new, empty store; the benchmark closes it.
func BenchmarkPut(b *testing.B, open func(b *testing.B) store.Store) {
	const batch = 100
	s := open(b)
	defer s.Close()
	ctx := context.Background()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		b.StopTimer()
		recs := Synthetic(n, batch)
		b.StartTimer()
		st, err := s.Put(ctx, recs)
		if err != nil {
			b.Fatal(err)
		}
		if st.Added != batch {
			b.Fatalf("added %d, want %d", st.Added, batch)
		}
		n += batch
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

func put(t *testing.T, s store.Store, recs []store.Record) store.PutStats {
	t.Helper()
	st, err := s.Put(context.Background(), recs)
	if err != nil {
		t.Fatalf("put: %v", err)
	}
	return st
}

func counts(t *testing.T, s store.Store) store.Counts {
	t.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatalf("counts: %v", err)
	}
	return c
}

func testPutGet(t *testing.T, s store.Store) {
	recs := Records()
	if st := put(t, s, recs); st != (store.PutStats{Added: len(recs)}) {
		t.Errorf("put stats = %+v, want %d added", st, len(recs))
	}
	for _, want := range Records() {
		got, err := s.Article(context.Background(), want.Result.ID)
		if err != nil {
			t.Fatalf("article %s: %v", want.Result.ID, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("article %s differs from what was put:\n got %+v\nwant %+v", want.Result.ID, got, want)
		}
	}
}

func testNotFound(t *testing.T, s store.Store) {
	put(t, s, Records())
	for _, id := range []string{"missing", "", "fr-in", "FR-IN-1", "fr-in-1 ", "'; DROP TABLE articles; --"} {
		if _, err := s.Article(context.Background(), id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("article %q: err = %v, want ErrNotFound", id, err)
		}
	}
}

func testIdempotent(t *testing.T, s store.Store) {
	put(t, s, Records())
	before := counts(t, s)
	acts, err := s.Actors(context.Background(), store.ActorQuery{})
	if err != nil {
		t.Fatal(err)
	}
	st := put(t, s, Records())
	if st != (store.PutStats{Skipped: len(Records())}) {
		t.Errorf("second put stats = %+v, want all %d skipped", st, len(Records()))
	}
	if after := counts(t, s); after != before {
		t.Errorf("counts after re-put = %+v, want %+v", after, before)
	}
	acts2, err := s.Actors(context.Background(), store.ActorQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(acts, acts2) {
		t.Errorf("actor totals changed by re-put:\n got %+v\nwant %+v", acts2, acts)
	}
}

func testDuplicateInBatch(t *testing.T, s store.Store) {
	r := Records()[0]
	st := put(t, s, []store.Record{r, r})
	if st != (store.PutStats{Added: 1, Skipped: 1}) {
		t.Errorf("put stats = %+v, want 1 added 1 skipped", st)
	}
	if c := counts(t, s); c.Articles != 1 || c.Events != len(r.Result.Events) {
		t.Errorf("counts = %+v, want 1 article and %d events", c, len(r.Result.Events))
	}
}

func testCancelledBeforePut(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Put(ctx, Records()); err == nil {
		t.Fatal("put with a cancelled context succeeded")
	}
	if c := counts(t, s); c != (store.Counts{}) {
		t.Errorf("counts after cancelled put = %+v, want zero", c)
	}
	// The store still works afterwards.
	put(t, s, Records())
}

// testCancelledDuringPut cancels large batches at varying moments: each Put
// either fails and stores nothing or succeeds and stores everything.
func testCancelledDuringPut(t *testing.T, s store.Store) {
	const batch = 200
	stored := 0
	delays := []time.Duration{0, 100 * time.Microsecond, time.Millisecond, 5 * time.Millisecond, 20 * time.Millisecond, time.Hour}
	for i, delay := range delays {
		ctx, cancel := context.WithCancel(context.Background())
		timer := time.AfterFunc(delay, cancel)
		_, err := s.Put(ctx, Synthetic(i*batch, batch))
		timer.Stop()
		cancel()
		if err == nil {
			stored += batch
		} else if delay == time.Hour {
			t.Fatalf("put without cancellation: %v", err)
		}
		if c := counts(t, s); c.Articles != stored || c.Events != 2*stored || c.Quotes != stored {
			t.Fatalf("delay %v (err %v): counts %+v, want %d articles, %d events, %d quotes",
				delay, err, c, stored, 2*stored, stored)
		}
	}
}

func testConcurrentPut(t *testing.T, s store.Store) {
	const writers = 4
	recs := Records()
	var (
		mu    sync.Mutex
		total store.PutStats
		wg    sync.WaitGroup
	)
	for range writers {
		wg.Go(func() {
			st, err := s.Put(context.Background(), Records())
			if err != nil {
				t.Errorf("put: %v", err)
				return
			}
			mu.Lock()
			total.Added += st.Added
			total.Skipped += st.Skipped
			mu.Unlock()
		})
	}
	wg.Wait()
	if want := (store.PutStats{Added: len(recs), Skipped: (writers - 1) * len(recs)}); total != want {
		t.Errorf("total stats = %+v, want %+v", total, want)
	}
	if c := counts(t, s); c.Articles != len(recs) {
		t.Errorf("articles = %d, want %d", c.Articles, len(recs))
	}
}

// other returns r with new text and hash but the same ID.
func other(r store.Record, extra string) store.Record {
	r.Text += extra
	r.Result.Hash = dyad.ContentHash(r.Text)
	r.Result.Stats.Bytes = len(r.Text)
	return r
}

func testIDCollision(t *testing.T, s store.Store) {
	ctx := context.Background()
	orig := Records()[1]
	put(t, s, []store.Record{orig})
	second := other(orig, " Officials gave no further details.")
	st := put(t, s, []store.Record{second})
	if st != (store.PutStats{Added: 1, Renamed: 1}) {
		t.Errorf("put stats = %+v, want 1 added and renamed", st)
	}
	newID := orig.Result.ID + "-" + second.Result.Hash[:8]
	got, err := s.Article(ctx, newID)
	if err != nil {
		t.Fatalf("article %s: %v", newID, err)
	}
	want := second
	want.Result.ID = newID
	if !reflect.DeepEqual(got, want) {
		t.Errorf("renamed article differs:\n got %+v\nwant %+v", got, want)
	}
	if got, err := s.Article(ctx, orig.Result.ID); err != nil || !reflect.DeepEqual(got, orig) {
		t.Errorf("original article changed: %v\n got %+v\nwant %+v", err, got, orig)
	}
	evs, err := s.Events(ctx, store.EventQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := eventKeys(evs.Items), []string{"kor-1/e1", "kor-1/e2", "kor-1/e3", newID + "/e1", newID + "/e2", newID + "/e3"}; !slices.Equal(got, want) {
		t.Errorf("events = %v, want %v", got, want)
	}
	// Storing the second version again is a no-op; a third version and a
	// record whose own ID is the derived one still find room.
	if st := put(t, s, []store.Record{second}); st != (store.PutStats{Skipped: 1}) {
		t.Errorf("re-put stats = %+v, want 1 skipped", st)
	}
	third := other(orig, " More details are expected.")
	squatter := other(orig, " A different story.")
	squatter.Result.ID = orig.Result.ID + "-" + third.Result.Hash[:8]
	if st := put(t, s, []store.Record{squatter, third}); st != (store.PutStats{Added: 2, Renamed: 1}) {
		t.Errorf("put stats = %+v, want 2 added 1 renamed", st)
	}
	fullID := orig.Result.ID + "-" + third.Result.Hash
	if got, err := s.Article(ctx, fullID); err != nil || got.Text != third.Text {
		t.Errorf("article %s: err %v, text %q, want the third version", fullID, err, got.Text)
	}
	if c := counts(t, s); c.Articles != 4 {
		t.Errorf("articles = %d, want 4", c.Articles)
	}
}

func testMissingIDAndHash(t *testing.T, s store.Store) {
	r := Records()[3]
	r.Result.ID, r.Result.Hash = "", ""
	put(t, s, []store.Record{r})
	hash := dyad.ContentHash(r.Text)
	got, err := s.Article(context.Background(), hash[:16])
	if err != nil {
		t.Fatalf("article by derived ID: %v", err)
	}
	if got.Result.ID != hash[:16] || got.Result.Hash != hash || got.Text != r.Text {
		t.Errorf("got ID %q hash %q, want %q %q", got.Result.ID, got.Result.Hash, hash[:16], hash)
	}
	if st := put(t, s, Records()[3:]); st != (store.PutStats{Skipped: 1}) {
		t.Errorf("same text with an ID: stats %+v, want skipped", st)
	}
}

func articleIDs(rows []store.ArticleRow) []string {
	ids := []string{}
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	return ids
}

func testArticles(t *testing.T, s store.Store) {
	put(t, s, Records())
	all := []string{FranceIndia, KoreaMissile, BrazilTrade, WeatherNote}
	tests := []struct {
		name string
		q    string
		want []string
	}{
		{"all, newest first, undated last", "", all},
		{"body word", "missile", []string{KoreaMissile}},
		{"case folded", "CANBERRA", []string{FranceIndia}},
		{"stemmed", "signing", []string{BrazilTrade}},
		{"title only", "weather", []string{WeatherNote}},
		{"all words", "rain coast", []string{WeatherNote}},
		{"words in different articles", "launch brazil", []string{}},
		{"prefix", "provoc*", []string{KoreaMissile}},
		{"phrase", `"trade agreement"`, []string{BrazilTrade}},
		{"phrase out of order", `"agreement trade"`, []string{}},
		{"punctuation around words", "(Seoul), urged!", []string{KoreaMissile}},
		{"operators are words", "korea AND", []string{}},
		{"lone quote", `"`, []string{}},
		{"unbalanced", `missile "launch`, []string{KoreaMissile}},
		{"column filter syntax", "title:weather", []string{}},
		{"near syntax", "NEAR(rain coast)", []string{}},
		{"only punctuation", "*-^:()", []string{}},
		{"no match", "volcano", []string{}},
		{"invalid utf-8", "\xff\xfe", []string{}},
		{"nul byte", "rain\x00coast", []string{WeatherNote}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Articles(context.Background(), store.ArticleQuery{Q: tt.q})
			if err != nil {
				t.Fatalf("articles %q: %v", tt.q, err)
			}
			if got := articleIDs(p.Items); !slices.Equal(got, tt.want) || p.Total != len(tt.want) {
				t.Errorf("articles %q = %v (total %d), want %v", tt.q, got, p.Total, tt.want)
			}
		})
	}
	p, err := s.Articles(context.Background(), store.ArticleQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	fr := Records()[0].Result
	want := store.ArticleRow{ID: fr.ID, Title: fr.Title, URL: fr.URL, Source: fr.Source, Date: fr.Date, Events: 3, Quotes: 1, Actors: 6}
	if len(p.Items) != 1 || p.Items[0] != want || p.Total != 4 {
		t.Errorf("first article row = %+v (total %d), want %+v (total 4)", p.Items, p.Total, want)
	}
	p, err = s.Articles(context.Background(), store.ArticleQuery{Limit: 2, Offset: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := articleIDs(p.Items); !slices.Equal(got, all[1:3]) || p.Total != 4 {
		t.Errorf("page 2 = %v (total %d), want %v", got, p.Total, all[1:3])
	}
}

func eventKeys(rows []store.EventRow) []string {
	keys := []string{}
	for _, r := range rows {
		keys = append(keys, r.Article+"/"+r.ID)
	}
	return keys
}

// allEvents is every fixture event in store order: date, article, position.
var allEvents = []string{
	"br-ar-1/e1", "br-ar-1/e2", // 2025-11-02
	"kor-1/e1", "kor-1/e2", "kor-1/e3", // 2026-03-17
	"fr-in-1/e1", "fr-in-1/e3", // 2026-05-04
	"fr-in-1/e2", // 2026-05-07
}

func testEvents(t *testing.T, s store.Store) {
	put(t, s, Records())
	tests := []struct {
		name string
		q    store.EventQuery
		want []string
	}{
		{"all", store.EventQuery{}, allEvents},
		{"source country", store.EventQuery{Source: "FRA"}, []string{"fr-in-1/e1", "fr-in-1/e3", "fr-in-1/e2"}},
		{"source lower case", store.EventQuery{Source: "fra"}, []string{"fr-in-1/e1", "fr-in-1/e3", "fr-in-1/e2"}},
		{"source partial sector", store.EventQuery{Source: "FRAG"}, []string{"fr-in-1/e1", "fr-in-1/e3", "fr-in-1/e2"}},
		{"source country and agent", store.EventQuery{Source: "KOR"}, []string{"kor-1/e1", "kor-1/e3"}},
		{"source exact agent", store.EventQuery{Source: "KORGOV"}, []string{"kor-1/e1"}},
		{"target", store.EventQuery{Target: "PRK"}, []string{"kor-1/e1", "kor-1/e3"}},
		{"target never a target", store.EventQuery{Target: "KOR"}, []string{}},
		{"source and target", store.EventQuery{Source: "ARG", Target: "BRA"}, []string{"br-ar-1/e2"}},
		{"cameo root", store.EventQuery{Code: "05"}, []string{"br-ar-1/e1", "br-ar-1/e2"}},
		{"cameo first digit", store.EventQuery{Code: "1"}, []string{"kor-1/e1", "kor-1/e2", "fr-in-1/e3"}},
		{"cameo two digits", store.EventQuery{Code: "11"}, []string{"kor-1/e1", "fr-in-1/e3"}},
		{"cameo exact", store.EventQuery{Code: "042"}, []string{"fr-in-1/e1"}},
		{"from", store.EventQuery{From: "2026-05-05"}, []string{"fr-in-1/e2"}},
		{"to inclusive", store.EventQuery{To: "2026-03-17"}, []string{"br-ar-1/e1", "br-ar-1/e2", "kor-1/e1", "kor-1/e2", "kor-1/e3"}},
		{"one day", store.EventQuery{From: "2026-05-04", To: "2026-05-04"}, []string{"fr-in-1/e1", "fr-in-1/e3"}},
		{"from after to", store.EventQuery{From: "2026-05-05", To: "2026-05-01"}, []string{}},
		{"all filters", store.EventQuery{Source: "FRA", Target: "RUS", Code: "11", From: "2026-01-01", To: "2026-12-31"}, []string{"fr-in-1/e3"}},
		{"unknown actor", store.EventQuery{Source: "ZZZ"}, []string{}},
		{"like wildcards are literal", store.EventQuery{Source: "%", Target: "_", Code: "0%"}, []string{}},
		{"glob wildcards are literal", store.EventQuery{Source: "*", Code: "0?"}, []string{}},
		{"quote in code", store.EventQuery{Code: "0'"}, []string{}},
		{"high bytes", store.EventQuery{Source: "\xff\xff"}, []string{}},
		{"article", store.EventQuery{Article: KoreaMissile}, []string{"kor-1/e1", "kor-1/e2", "kor-1/e3"}},
		{"article is exact", store.EventQuery{Article: "kor"}, []string{}},
		{"article and code", store.EventQuery{Article: FranceIndia, Code: "11"}, []string{"fr-in-1/e3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Events(context.Background(), tt.q)
			if err != nil {
				t.Fatalf("events %+v: %v", tt.q, err)
			}
			if got := eventKeys(p.Items); !slices.Equal(got, tt.want) || p.Total != len(tt.want) {
				t.Errorf("events %+v = %v (total %d), want %v", tt.q, got, p.Total, tt.want)
			}
		})
	}
	// Rows carry the whole event.
	p, err := s.Events(context.Background(), store.EventQuery{Code: "042"})
	if err != nil {
		t.Fatal(err)
	}
	want := store.EventRow{Article: FranceIndia, Event: Records()[0].Result.Events[0]}
	if len(p.Items) == 1 {
		if p.Items[0].CrossEvent <= 0 {
			t.Errorf("event row has cross event %d, want a positive ID", p.Items[0].CrossEvent)
		}
		want.CrossEvent = p.Items[0].CrossEvent
	}
	if len(p.Items) != 1 || !reflect.DeepEqual(p.Items[0], want) {
		t.Errorf("event row = %+v, want %+v", p.Items, want)
	}
	p, err = s.Events(context.Background(), store.EventQuery{Code: "150"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 1 || p.Items[0].Target != nil {
		t.Errorf("event without target = %+v, want one with nil target", p.Items)
	}
}

func testEventPaging(t *testing.T, s store.Store) {
	put(t, s, Records())
	var got []string
	for off := 0; off < len(allEvents)+3; off += 3 {
		p, err := s.Events(context.Background(), store.EventQuery{Limit: 3, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != len(allEvents) {
			t.Errorf("offset %d: total %d, want %d", off, p.Total, len(allEvents))
		}
		if p.Items == nil {
			t.Errorf("offset %d: nil items, want an empty slice", off)
		}
		got = append(got, eventKeys(p.Items)...)
	}
	if !slices.Equal(got, allEvents) {
		t.Errorf("pages = %v, want %v", got, allEvents)
	}
	p, err := s.Events(context.Background(), store.EventQuery{Source: "FRA", Limit: 1, Offset: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := eventKeys(p.Items); !slices.Equal(got, []string{"fr-in-1/e2"}) || p.Total != 3 {
		t.Errorf("filtered page = %v (total %d), want [fr-in-1/e2] (total 3)", got, p.Total)
	}
}

func testActors(t *testing.T, s store.Store) {
	put(t, s, Records())
	p, err := s.Actors(context.Background(), store.ActorQuery{})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.ActorRow{
		{Code: "FRAGOV", Name: "French foreign minister", Country: "FRA", Sector: "GOV", Kind: "agent", Articles: 1, Mentions: 3, EventsAsSource: 3},
		{Code: "KORGOV", Name: "South Korean foreign ministry", Country: "KOR", Sector: "GOV", Kind: "organization", Articles: 1, Mentions: 2, EventsAsSource: 1},
		{Code: "PRK", Name: "North Korea", Country: "PRK", Kind: "country", Articles: 1, Mentions: 2, EventsAsSource: 1, EventsAsTarget: 2},
		{Code: "ARG", Name: "Argentina", Country: "ARG", Kind: "country", Articles: 1, Mentions: 1, EventsAsSource: 1, EventsAsTarget: 1},
		{Code: "AUS", Name: "Australia", Country: "AUS", Kind: "country", Articles: 1, Mentions: 1, EventsAsTarget: 1},
		{Code: "BRA", Name: "Brazil", Country: "BRA", Kind: "country", Articles: 1, Mentions: 1, EventsAsSource: 1, EventsAsTarget: 1},
		{Code: "BRAGOV", Name: "Brazilian president", Country: "BRA", Sector: "GOV", Kind: "agent", Articles: 1, Mentions: 1},
		{Code: "FRA", Name: "France", Country: "FRA", Kind: "country", Articles: 1, Mentions: 1},
		{Code: "IND", Name: "India", Country: "IND", Kind: "country", Articles: 1, Mentions: 1, EventsAsTarget: 1},
		{Code: "KOR", Name: "South Korea", Country: "KOR", Kind: "country", Articles: 1, Mentions: 1, EventsAsSource: 1},
		{Code: "RUS", Name: "Russia", Country: "RUS", Kind: "country", Articles: 1, Mentions: 1, EventsAsTarget: 1},
	}
	if !reflect.DeepEqual(p.Items, want) || p.Total != len(want) {
		t.Errorf("actors (total %d):\n got %+v\nwant %+v", p.Total, p.Items, want)
	}

	// A second article naming France adds to its totals.
	extra := other(Records()[2], " France welcomed the accord.")
	extra.Result.ID = "br-ar-2"
	extra.Result.Actors = append(extra.Result.Actors, dyad.Actor{ID: "a9", Text: "France", Name: "France", Code: "FRA", Country: "FRA", Kind: "country",
		Mentions: []dyad.MentionRef{{Text: "France", Start: len(extra.Text) - 27, End: len(extra.Text) - 21, Sentence: 2}}})
	put(t, s, []store.Record{extra})
	p, err = s.Actors(context.Background(), store.ActorQuery{Q: "fra"})
	if err != nil {
		t.Fatal(err)
	}
	wantFRA := []store.ActorRow{
		{Code: "FRAGOV", Name: "French foreign minister", Country: "FRA", Sector: "GOV", Kind: "agent", Articles: 1, Mentions: 3, EventsAsSource: 3},
		{Code: "FRA", Name: "France", Country: "FRA", Kind: "country", Articles: 2, Mentions: 2},
	}
	if !reflect.DeepEqual(p.Items, wantFRA) {
		t.Errorf("actors q=fra:\n got %+v\nwant %+v", p.Items, wantFRA)
	}

	tests := []struct {
		name string
		q    store.ActorQuery
		want []string
	}{
		{"code prefix or name", store.ActorQuery{Q: "kor"}, []string{"KORGOV", "PRK", "KOR"}},
		{"name word", store.ActorQuery{Q: "Minister"}, []string{"FRAGOV"}},
		{"name of the less mentioned actor", store.ActorQuery{Q: "defence"}, []string{"FRAGOV"}},
		{"name and code", store.ActorQuery{Q: "brazil"}, []string{"BRA", "BRAGOV"}},
		{"wildcards are literal", store.ActorQuery{Q: "%_*"}, []string{}},
		{"no match", store.ActorQuery{Q: "Atlantis"}, []string{}},
		{"paged", store.ActorQuery{Limit: 2, Offset: 1}, []string{"ARG", "BRA"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Actors(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, a := range p.Items {
				got = append(got, a.Code)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("actors %+v = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
}

func testQuotes(t *testing.T, s store.Store) {
	put(t, s, Records())
	br, fr, kor := BrazilTrade+"/q1", FranceIndia+"/q1", KoreaMissile+"/q1"
	tests := []struct {
		name string
		q    store.QuoteQuery
		want []string
	}{
		{"all by article", store.QuoteQuery{}, []string{br, fr, kor}},
		{"text word", store.QuoteQuery{Q: "provocation"}, []string{kor}},
		{"stemmed", store.QuoteQuery{Q: "partnership"}, []string{fr}},
		{"speaker words", store.QuoteQuery{Q: "spokesperson"}, []string{kor}},
		{"all words", store.QuoteQuery{Q: "chapter region"}, []string{br}},
		{"words from two quotes", store.QuoteQuery{Q: "chapter provocation"}, []string{}},
		{"speaker code", store.QuoteQuery{Speaker: "KOR"}, []string{kor}},
		{"speaker lower case", store.QuoteQuery{Speaker: "fra"}, []string{fr}},
		{"speaker exact", store.QuoteQuery{Speaker: "BRAGOV"}, []string{br}},
		{"speaker unknown", store.QuoteQuery{Speaker: "XYZ"}, []string{}},
		{"text and speaker", store.QuoteQuery{Q: "clear", Speaker: "KOR"}, []string{kor}},
		{"text and other speaker", store.QuoteQuery{Q: "clear", Speaker: "FRA"}, []string{}},
		{"syntax is text", store.QuoteQuery{Q: `text: "clear OR NOT`}, []string{}},
		{"paged", store.QuoteQuery{Limit: 1, Offset: 1}, []string{fr}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Quotes(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, q := range p.Items {
				got = append(got, q.Article+"/"+q.ID)
			}
			total := len(tt.want)
			if tt.q.Limit > 0 {
				total = 3
			}
			if !slices.Equal(got, tt.want) || p.Total != total {
				t.Errorf("quotes %+v = %v (total %d), want %v (total %d)", tt.q, got, p.Total, tt.want, total)
			}
		})
	}
	p, err := s.Quotes(context.Background(), store.QuoteQuery{Q: "provocation"})
	if err != nil {
		t.Fatal(err)
	}
	want := store.QuoteRow{Article: KoreaMissile, Quote: Records()[1].Result.Quotes[0]}
	if len(p.Items) != 1 || !reflect.DeepEqual(p.Items[0], want) {
		t.Errorf("quote row = %+v, want %+v", p.Items, want)
	}
}

func testCounts(t *testing.T, s store.Store) {
	put(t, s, Records())
	want := store.Counts{Articles: 4, Events: 8, CrossEvents: 8, Actors: 11, Quotes: 3, Places: 5}
	if got := counts(t, s); got != want {
		t.Errorf("counts = %+v, want %+v", got, want)
	}
	// Seoul again, and a new place: places count distinct names.
	extra := other(Records()[1], " Seoul and Busan were calm.")
	extra.Result.ID = "kor-2"
	extra.Result.Places = append(extra.Result.Places, dyad.Place{ID: "p2", Name: "Busan", Kind: "city", Country: "KOR"})
	put(t, s, []store.Record{extra})
	want = store.Counts{Articles: 5, Events: 11, CrossEvents: 8, Actors: 11, Quotes: 4, Places: 6}
	if got := counts(t, s); got != want {
		t.Errorf("counts = %+v, want %+v", got, want)
	}
}

func testBadQueries(t *testing.T, s store.Store) {
	put(t, s, Records())
	ctx := context.Background()
	long := string(make([]byte, store.MaxSearchLen+1))
	tests := []struct {
		name string
		run  func() error
	}{
		{"articles negative limit", func() error { _, err := s.Articles(ctx, store.ArticleQuery{Limit: -1}); return err }},
		{"articles negative offset", func() error { _, err := s.Articles(ctx, store.ArticleQuery{Offset: -1}); return err }},
		{"articles long q", func() error { _, err := s.Articles(ctx, store.ArticleQuery{Q: long}); return err }},
		{"events negative limit", func() error { _, err := s.Events(ctx, store.EventQuery{Limit: -5}); return err }},
		{"events negative offset", func() error { _, err := s.Events(ctx, store.EventQuery{Offset: -1}); return err }},
		{"events bad month", func() error { _, err := s.Events(ctx, store.EventQuery{From: "2026-13-40"}); return err }},
		{"events bad day", func() error { _, err := s.Events(ctx, store.EventQuery{To: "2026-02-30"}); return err }},
		{"events words for date", func() error { _, err := s.Events(ctx, store.EventQuery{From: "yesterday"}); return err }},
		{"events date with time", func() error { _, err := s.Events(ctx, store.EventQuery{To: "2026-05-04T10:00:00Z"}); return err }},
		{"events long code", func() error { _, err := s.Events(ctx, store.EventQuery{Code: long[:store.MaxCodeLen+1]}); return err }},
		{"actors negative limit", func() error { _, err := s.Actors(ctx, store.ActorQuery{Limit: -1}); return err }},
		{"actors long q", func() error { _, err := s.Actors(ctx, store.ActorQuery{Q: long}); return err }},
		{"quotes negative offset", func() error { _, err := s.Quotes(ctx, store.QuoteQuery{Offset: -1}); return err }},
		{"quotes long speaker", func() error {
			_, err := s.Quotes(ctx, store.QuoteQuery{Speaker: long[:store.MaxCodeLen+1]})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(); !errors.Is(err, store.ErrBadQuery) {
				t.Errorf("err = %v, want ErrBadQuery", err)
			}
		})
	}
}

func testLimitClamp(t *testing.T, s store.Store) {
	// Each synthetic record has two events: enough for more than MaxLimit.
	recs := store.MaxLimit/2 + 3
	total := 2 * recs
	put(t, s, Synthetic(0, recs))
	tests := []struct {
		limit, want int
	}{{0, store.DefaultLimit}, {7, 7}, {store.MaxLimit, store.MaxLimit}, {store.MaxLimit + 1, store.MaxLimit}, {1 << 40, store.MaxLimit}}
	for _, tt := range tests {
		t.Run(fmt.Sprint("limit ", tt.limit), func(t *testing.T) {
			p, err := s.Events(context.Background(), store.EventQuery{Limit: tt.limit})
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Items) != tt.want || p.Total != total {
				t.Errorf("limit %d: %d items (total %d), want %d (total %d)", tt.limit, len(p.Items), p.Total, tt.want, total)
			}
		})
	}
	p, err := s.Events(context.Background(), store.EventQuery{Offset: 1 << 50})
	if err != nil || len(p.Items) != 0 || p.Total != total {
		t.Errorf("huge offset: %d items, total %d, err %v", len(p.Items), p.Total, err)
	}
	a, err := s.Articles(context.Background(), store.ArticleQuery{Limit: 2, Offset: recs - 1})
	if err != nil || len(a.Items) != 1 || a.Total != recs {
		t.Errorf("last article page: %d items, total %d, err %v; want 1 item, total %d", len(a.Items), a.Total, err, recs)
	}
}

func testEmpty(t *testing.T, s store.Store) {
	ctx := context.Background()
	if st, err := s.Put(ctx, nil); err != nil || st != (store.PutStats{}) {
		t.Errorf("put nil = %+v, %v", st, err)
	}
	a, err := s.Articles(ctx, store.ArticleQuery{Q: "anything"})
	if err != nil || a.Items == nil || len(a.Items) != 0 || a.Total != 0 {
		t.Errorf("articles = %+v, %v; want empty non-nil items", a, err)
	}
	e, err := s.Events(ctx, store.EventQuery{})
	if err != nil || e.Items == nil || e.Total != 0 {
		t.Errorf("events = %+v, %v; want empty non-nil items", e, err)
	}
	ac, err := s.Actors(ctx, store.ActorQuery{})
	if err != nil || ac.Items == nil || ac.Total != 0 {
		t.Errorf("actors = %+v, %v; want empty non-nil items", ac, err)
	}
	q, err := s.Quotes(ctx, store.QuoteQuery{})
	if err != nil || q.Items == nil || q.Total != 0 {
		t.Errorf("quotes = %+v, %v; want empty non-nil items", q, err)
	}
	if c := counts(t, s); c != (store.Counts{}) {
		t.Errorf("counts = %+v, want zero", c)
	}
}
