// Package postgres is the shared [store.Store] for scale-out: one PostgreSQL
// database (version 13 or newer) that any number of `dyad worker` processes
// write to and `dyad serve` reads, through github.com/jackc/pgx/v5. It keeps
// the same contract as the embedded SQLite store and passes the same suite,
// store/storetest.
//
// # Connections
//
// [Open] takes a postgres:// URL (libpq keywords also work) and opens a pgx
// pool. A search_path parameter in the URL selects the schema, so that
// several stores, such as the tests', can share one database. Writes run in
// READ COMMITTED transactions; lists read their total and their page in one
// read-only REPEATABLE READ transaction, so both come from one snapshot.
//
// # Idempotence under concurrency
//
// Many workers may Put at once, and a message redelivered after a crash may
// be stored by two workers at the same moment. Put inserts each article with
// ON CONFLICT DO NOTHING: the unique index on the content hash makes the
// second writer wait for the first to commit and then skip the article, so
// it is stored once whatever the timing. Aggregates (actor_totals,
// actor_names) are summed over the batch in Go and upserted once per key, in
// key order, so that two batches never lock aggregate rows in opposite
// orders. Cross-article events (event_groups) must keep their IDs in the
// order of first report, so they cannot be upserted in key order; a Put
// first takes a transaction-level advisory lock per event key, in the order
// of the keys' hashes, and only then upserts them in report order: two Puts
// sharing events queue on the first shared lock instead of deadlocking. A
// transaction that PostgreSQL still aborts as a deadlock or serialization
// failure is retried a few times.
//
// # Schema and migrations
//
// The schema lives in migrations/NNNN_name.sql, embedded in the binary, as in
// the SQLite store; schema_migrations records the versions applied. Open
// applies the missing ones in one transaction under an advisory lock, so
// workers that start together migrate once; a database with a version this
// program does not know is refused with [ErrSchemaTooNew]. The first
// migration installs the trusted extension unaccent in schema public (the
// connecting role needs CREATE on the database the first time).
//
// # Search
//
// Article text and title, and quote text and speaker, are indexed as
// generated tsvector columns under GIN indexes, with a text search
// configuration "dyad": unaccent, then the Snowball English stemmer, and no
// stop words. User search strings are turned into tsquery text by this
// package, never passed as syntax: each word is a quoted lexeme, a "quoted
// phrase" becomes a <-> phrase, and a trailing * asks for a prefix; all
// words must match.
//
// # Limits
//
// An article ID longer than [MaxIDLen] bytes is refused (the batch fails,
// naming the article), because a B-tree index cannot keep longer keys
// unique; the SQLite store has no such limit.
//
// # Text
//
// PostgreSQL text cannot hold NUL bytes or invalid UTF-8, which SQLite
// accepts. Put replaces them with U+FFFD in the columns it writes; the
// readers of dyad never produce them (article.Prepare refuses such text), so
// a record read back equals the one put. A query parameter holding them
// cannot match any stored value and gives an empty list.
package postgres
