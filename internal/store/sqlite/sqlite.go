package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/dyadproject/dyad/internal/store"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// ErrSchemaTooNew reports a database file written by a newer dyad, whose
// schema this program does not know.
var ErrSchemaTooNew = errors.New("sqlite: database schema is newer than this program")

// busyTimeoutMS is how long a connection waits for a lock another connection
// or process holds before failing with SQLITE_BUSY.
const busyTimeoutMS = 10000

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DB is a store in one SQLite file. It is safe for concurrent use.
type DB struct {
	w *sql.DB // one connection; all writes
	r *sql.DB // query-only connections; all reads
}

var _ store.Store = (*DB)(nil)

// Open opens the SQLite file at path, creating it when it does not exist, and
// brings its schema up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("open sqlite store: empty path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	w, err := sql.Open("sqlite", dsn(abs,
		"_txlock=immediate", "_pragma=journal_mode(WAL)", "_pragma=synchronous(NORMAL)", "_pragma=cache_size(-65536)"))
	if err != nil {
		return nil, fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn(abs, "_pragma=query_only(1)", "_pragma=cache_size(-8192)"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	n := min(max(runtime.GOMAXPROCS(0), 2), 8)
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	if err := r.PingContext(ctx); err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	return &DB{w: w, r: r}, nil
}

// Close closes the connections once the calls in progress have finished;
// later calls fail. The file is consistent whenever the process stops: a Put
// that did not commit left nothing behind.
func (db *DB) Close() error {
	return errors.Join(db.r.Close(), db.w.Close())
}

// dsn returns the driver's name for the file at the absolute path abs with
// the connection settings every connection shares and params.
func dsn(abs string, params ...string) string {
	// The file: form keeps a '?' or '#' in the path from being read as the
	// start of the parameters; SQLite decodes the escapes.
	p := strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(filepath.ToSlash(abs))
	all := append([]string{
		"_pragma=busy_timeout(" + strconv.Itoa(busyTimeoutMS) + ")",
		"_pragma=foreign_keys(1)",
	}, params...)
	return "file:" + p + "?" + strings.Join(all, "&")
}

// migrate applies the migrations the file lacks, in one transaction.
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := store.Migrations(migrationFiles, "migrations/*.sql")
	if err == nil && len(ms) == 0 {
		err = errors.New("no migrations embedded")
	}
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name    TEXT NOT NULL,
		applied TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
	) STRICT`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if latest := ms[len(ms)-1].Version; current > latest {
		return fmt.Errorf("migrate: %w (file at version %d, program knows up to %d)", ErrSchemaTooNew, current, latest)
	}
	for _, m := range ms {
		if m.Version <= current {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return fmt.Errorf("migrate: apply %s: %w", m.Name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES (?, ?)`, m.Version, m.Name); err != nil {
			return fmt.Errorf("migrate: record %s: %w", m.Name, err)
		}
	}
	if err := backfillGroups(ctx, tx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if err := commit(ctx, tx); err != nil {
		return fmt.Errorf("migrate: commit: %w", err)
	}
	return nil
}

// commit commits tx. database/sql rolls a transaction back when its context
// ends, and Commit then says only sql.ErrTxDone; commit adds the context's
// error, so that an interrupted run is reported as interrupted.
func commit(ctx context.Context, tx *sql.Tx) error {
	err := tx.Commit()
	if err != nil && ctx.Err() != nil {
		return errors.Join(ctx.Err(), err)
	}
	return err
}
