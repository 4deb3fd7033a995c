package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	neturl "net/url"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/dyadproject/dyad/internal/store"
)

// ErrSchemaTooNew reports a database written by a newer dyad, whose schema
// this program does not know.
var ErrSchemaTooNew = errors.New("postgres: database schema is newer than this program")

// migrateLock is the advisory lock key that serializes migrations of every
// dyad schema in a database (CREATE EXTENSION is database-wide).
const migrateLock = 0x64796164 // "dyad"

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DB is a store in one PostgreSQL schema. It is safe for concurrent use.
type DB struct {
	pool *pgxpool.Pool
}

var _ store.Store = (*DB)(nil)

// IsURL reports whether s names a PostgreSQL database rather than a file:
// it starts with postgres:// or postgresql://.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at url and brings its schema up to date.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// The parse error may quote the URL with its password.
		return nil, errors.New("open postgres store: malformed database URL")
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres store %s: %w", redact(cfg), err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres store %s: %w", redact(cfg), err)
	}
	return &DB{pool: pool}, nil
}

// redact names the database of cfg without its password.
func redact(cfg *pgxpool.Config) string {
	c := cfg.ConnConfig
	return fmt.Sprintf("%s@%s:%d/%s", c.User, c.Host, c.Port, c.Database)
}

// Close closes the pool once the calls in progress have finished.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Ping checks that the database answers; the worker's readiness probe uses
// it.
func (db *DB) Ping(ctx context.Context) error {
	return db.pool.Ping(ctx)
}

// migrate applies the migrations the schema lacks, in one transaction.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	ms, err := store.Migrations(migrationFiles, "migrations/*.sql")
	if err == nil && len(ms) == 0 {
		err = errors.New("no migrations embedded")
	}
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	tx, err := pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrateLock); err != nil {
		return fmt.Errorf("migrate: lock: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY,
		name    text NOT NULL,
		applied timestamptz NOT NULL DEFAULT now()
	)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var current int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if latest := ms[len(ms)-1].Version; current > latest {
		return fmt.Errorf("migrate: %w (database at version %d, program knows up to %d)", ErrSchemaTooNew, current, latest)
	}
	for _, m := range ms {
		if m.Version <= current {
			continue
		}
		if _, err := tx.Exec(ctx, m.SQL); err != nil {
			return fmt.Errorf("migrate: apply %s: %w", m.Name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
			return fmt.Errorf("migrate: record %s: %w", m.Name, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("migrate: commit: %w", err)
	}
	return nil
}

// readTx runs f in a read-only transaction on one snapshot.
func (db *DB) readTx(ctx context.Context, f func(pgx.Tx) error) error {
	return pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, f)
}

// WithSchema returns the database URL u with its search_path set to schema,
// so that a store opened on it keeps its tables there.
func WithSchema(u, schema string) string {
	parsed, err := neturl.Parse(u)
	if err != nil {
		return u
	}
	q := parsed.Query()
	q.Set("search_path", schema)
	parsed.RawQuery = q.Encode()
	return parsed.String()
}
