package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	"github.com/dyadproject/dyad/internal/store"
)

func mkdirAll(dir string) error { return os.MkdirAll(dir, 0o755) }

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// rebuildAt replaces the file at path with a new one holding only the given
// migrations, as an older dyad would have written it.
func rebuildAt(ctx context.Context, path string, ms []store.Migration) error {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
		applied TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))) STRICT`); err != nil {
		return err
	}
	for _, m := range ms {
		if _, err := db.ExecContext(ctx, m.SQL); err != nil {
			return fmt.Errorf("apply %s: %w", m.Name, err)
		}
		if _, err := db.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES (?, ?)`, m.Version, m.Name); err != nil {
			return err
		}
	}
	return nil
}
