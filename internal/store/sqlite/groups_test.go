package sqlite

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/dyadproject/dyad/internal/store"
	"github.com/dyadproject/dyad/internal/store/storetest"
)

// TestBackfillGroups stores articles, takes the file back to the schema
// before cross-article events, and checks that Open groups the stored events
// as Put does.
func TestBackfillGroups(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, batch := range [][]store.Record{storetest.Records(), storetest.SecondReports()} {
		if _, err := db.Put(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	want, err := db.CrossEvents(ctx, store.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, `
		DROP INDEX events_by_group;
		ALTER TABLE events DROP COLUMN grp;
		DROP TABLE event_group_sources;
		DROP TABLE event_groups;
		DELETE FROM schema_migrations WHERE version = 2`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen at version 1: %v", err)
	}
	defer db.Close()
	got, err := db.CrossEvents(ctx, store.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("backfilled cross events differ:\n got %+v\nwant %+v", got, want)
	}
	var orphans int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE grp IS NULL`).Scan(&orphans); err != nil || orphans != 0 {
		t.Errorf("%d events without a group after backfill (err %v)", orphans, err)
	}
}

func BenchmarkAnalyst(b *testing.B) {
	storetest.BenchmarkAnalyst(b, func(b *testing.B) store.Store { return open(b) }, 10000)
}
