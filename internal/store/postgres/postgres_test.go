package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad/internal/store"
	"github.com/dyadproject/dyad/internal/store/postgres/pgtest"
	"github.com/dyadproject/dyad/internal/store/storetest"
)

// openSchema opens a store in a new schema of the test server, dropped when
// the test ends, so that tests do not see each other's rows.
func openSchema(t testing.TB) (*DB, string) {
	t.Helper()
	base := pgtest.URL(t)
	ctx := context.Background()
	schema := pgtest.Schema(t, base, "dyadtest")
	u := WithSchema(base, schema)
	db, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	return db, u
}

func open(t testing.TB) *DB {
	db, _ := openSchema(t)
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

func BenchmarkPut(b *testing.B) {
	storetest.BenchmarkPut(b, func(b *testing.B) store.Store { return open(b) })
}

func TestReopenKeepsSchema(t *testing.T) {
	db, u := openSchema(t)
	ctx := context.Background()
	if _, err := db.Put(ctx, storetest.Records()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db2, err := Open(ctx, u)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db2.Close()
	c, err := db2.Counts(ctx)
	if err != nil || c.Articles != len(storetest.Records()) {
		t.Errorf("counts after reopen = %+v, %v; want %d articles", c, err, len(storetest.Records()))
	}
}

func TestSchemaTooNew(t *testing.T) {
	db, u := openSchema(t)
	ctx := context.Background()
	if _, err := db.pool.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES (9999, '9999_future')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, u); !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("open a newer schema: err = %v, want ErrSchemaTooNew", err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tests := []struct{ name, url, want string }{
		{"malformed", "postgres://user:secret@[::1", "malformed database URL"},
		{"nobody listening", "postgres://u:secret@127.0.0.1:1/db?connect_timeout=2", "u@127.0.0.1:1/db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(ctx, tt.url)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one naming %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("error shows the password: %v", err)
			}
		})
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{
		"postgres://h/db": true, "postgresql://h/db": true, "dyad.db": false, "/tmp/postgres://x": false, "": false,
	} {
		if got := IsURL(s); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"missile", "'missile'"},
		{"rain coast", "'rain' & 'coast'"},
		{"provoc*", "'provoc':*"},
		{`"trade agreement" x`, "('trade' <-> 'agreement') & 'x'"},
		{`missile "launch`, "'missile' & ('launch')"},
		{"it's a & b | !c", "'it' & 's' & 'a' & 'b' & 'c'"},
		{"*-^:()", ""},
		{"\xff\xfe", ""},
		{"Zürich", "'Zürich'"},
	}
	for _, tt := range tests {
		if got := tsQuery(tt.in); got != tt.want {
			t.Errorf("tsQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSuccessor(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"FRA", "FRB", true},
		{"A\x7f", "A\u0080", true},
		{"\ud7ff", "\ue000", true},
		{"a\U0010FFFF", "b", true},
		{"\U0010FFFF", "", false},
	}
	for _, tt := range tests {
		got, ok := successor(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("successor(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestSearchAccents checks what the SQLite store's remove_diacritics does:
// a search without accents finds the accented word.
func TestSearchAccents(t *testing.T) {
	db := open(t)
	defer db.Close()
	ctx := context.Background()
	r := storetest.Records()[3]
	r.Text += " Crowds gathered in Zürich and São Paulo."
	r.Result.Hash = ""
	if _, err := db.Put(ctx, []store.Record{r}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"zurich", "Sao paulo", "zürich"} {
		p, err := db.Articles(ctx, store.ArticleQuery{Q: q})
		if err != nil || p.Total != 1 {
			t.Errorf("search %q: %d found, err %v; want 1", q, p.Total, err)
		}
	}
}

// TestConcurrentOpen opens one new schema from several goroutines at once,
// as workers starting together do: each migration is applied once.
func TestConcurrentOpen(t *testing.T) {
	db, u := openSchema(t)
	ctx := context.Background()
	if _, err := db.pool.Exec(ctx, `DROP TABLE articles, events, event_groups, event_group_sources, actors, actor_totals, actor_names, quotes,
		places, schema_migrations;
		DROP TEXT SEARCH CONFIGURATION dyad; DROP TEXT SEARCH DICTIONARY dyad_stem`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			d, err := Open(ctx, u)
			if err == nil {
				d.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Errorf("concurrent open: %v", err)
		}
	}
	d, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var n int
	if err := d.pool.QueryRow(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != 1 {
		t.Errorf("schema_migrations has %d rows (err %v), want 1", n, err)
	}
}

func TestLongIDRefused(t *testing.T) {
	db := open(t)
	defer db.Close()
	ctx := context.Background()
	recs := storetest.Records()
	long := recs[1]
	long.Result.ID = strings.Repeat("x", MaxIDLen+1)
	_, err := db.Put(ctx, []store.Record{recs[0], long})
	if err == nil || !strings.Contains(err.Error(), "longer than the 1000") {
		t.Fatalf("put with a long ID: err = %v, want one naming the limit", err)
	}
	if c, err := db.Counts(ctx); err != nil || c.Articles != 0 {
		t.Errorf("counts after the refused batch = %+v, %v; want nothing stored", c, err)
	}
	long.Result.ID = strings.Repeat("x", MaxIDLen)
	if st, err := db.Put(ctx, []store.Record{long}); err != nil || st.Added != 1 {
		t.Errorf("put with an ID of MaxIDLen bytes: %+v, %v", st, err)
	}
}

func BenchmarkAnalyst(b *testing.B) {
	storetest.BenchmarkAnalyst(b, func(b *testing.B) store.Store { return open(b) }, 10000)
}

// TestConcurrentCrossEvents puts, from four writers at once, eight reports
// of one story whose events come in opposite orders: the writers share the
// cross-article events without failing, and the counts add up.
func TestConcurrentCrossEvents(t *testing.T) {
	db := open(t)
	defer db.Close()
	ctx := context.Background()
	base := storetest.Records()[0]
	var reports []store.Record
	for i := range 8 {
		r := base
		r.Text += fmt.Sprintf(" Report number %d.", i)
		r.Result.Hash = ""
		r.Result.ID = fmt.Sprintf("report-%d", i)
		r.Result.Events = slices.Clone(base.Result.Events)
		if i%2 == 1 {
			slices.Reverse(r.Result.Events)
		}
		reports = append(reports, r)
	}
	errs := make(chan error, 4)
	for w := range 4 {
		go func() {
			for _, r := range []store.Record{reports[w], reports[w+4]} {
				if _, err := db.Put(ctx, []store.Record{r}); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatalf("concurrent put: %v", err)
		}
	}
	p, err := db.CrossEvents(ctx, store.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != len(base.Result.Events) {
		t.Fatalf("%d cross events, want %d", len(p.Items), len(base.Result.Events))
	}
	for _, e := range p.Items {
		var mentions int
		for _, be := range base.Result.Events {
			if be.CAMEO == e.CAMEO {
				mentions = 8 * (1 + len(be.Mentions))
			}
		}
		if e.NumArticles != 8 || e.NumSources != 1 || e.NumMentions != mentions {
			t.Errorf("cross event %s: %d articles, %d sources, %d mentions; want 8, 1, %d",
				e.CAMEO, e.NumArticles, e.NumSources, e.NumMentions, mentions)
		}
	}
}
