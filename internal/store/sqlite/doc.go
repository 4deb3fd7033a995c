// Package sqlite is the embedded [store.Store]: one SQLite file, through the
// pure-Go driver modernc.org/sqlite, with FTS5 indexes for full-text search.
//
// # Connections
//
// [Open] opens two pools on the same file: a single writer connection, whose
// transactions begin IMMEDIATE so that concurrent writers queue for the lock
// instead of failing on upgrade, and a pool of query-only readers. The file is
// in WAL mode, so readers never block the writer nor the writer the readers;
// synchronous=NORMAL, which in WAL mode cannot corrupt the file but may lose
// the last transactions on power failure (ingestion is idempotent, so they are
// simply stored again). Every connection has a busy timeout and foreign keys
// on. The page cache is 64 MiB for the writer, whose inserts touch every
// index, and 8 MiB for each of at most 8 readers. A list and its total are
// read in one read transaction, from one snapshot.
//
// # Schema and migrations
//
// The schema lives in migrations/NNNN_name.sql, embedded in the binary. The
// table schema_migrations records which versions a file has. Open applies the
// missing ones in version order, all in one transaction, so a failed
// migration leaves the file as it was; a file with a version this program does
// not know is refused with [ErrSchemaTooNew]. To change the schema, add the
// next numbered file (never edit one that has shipped): for example
// migrations/0002_event_plover.sql with the ALTER TABLE and CREATE INDEX
// statements, and a backfill UPDATE when existing rows need a value. Test it
// by opening a file made by the previous version (see TestMigrateFromPrevious).
//
// Each article is stored once as its whole Result JSON, for [DB.Article], and
// again as rows of events, actors, quotes and places with the columns that
// the filters use; events and quotes keep their own JSON so that a list does
// not parse whole articles. Actor totals are aggregated at Put time in
// actor_totals and actor_names. Put adds a batch's text to the FTS5 indexes
// in one statement at the end of the batch, not by a trigger per row, because
// FTS5 writes a new index segment at every statement savepoint.
//
// # Search
//
// User search strings never reach FTS5 as syntax: each word becomes a quoted
// FTS5 string, a "quoted phrase" stays a phrase, a trailing * after a word
// asks for a prefix, and everything else is a separator. All words must match.
// The index uses the porter stemmer, so "signing" finds "signed".
package sqlite
