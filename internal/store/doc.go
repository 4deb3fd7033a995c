// Package store defines how dyad keeps analyzed articles: the [Store]
// interface that the ingest command writes to and the server reads from, and
// the row and query types they share. Implementations live in subpackages
// (store/sqlite, store/postgres) and all pass the shared test suite in
// store/storetest.
//
// # Contract
//
//   - Put is idempotent: a record whose content hash is already stored is
//     skipped, so ingesting the same input twice changes nothing.
//   - Put is atomic per call: one transaction per batch; an error or a
//     cancelled context leaves nothing of the batch stored.
//   - An article keeps its own ID when it is free. When the ID is taken by
//     different content, the article is stored under ID+"-"+hash[:8] (and, in
//     the unlikely case that this is taken too, ID+"-"+hash, then
//     ID+"-"+hash+"-2", "-3", ...), and its stored Result.ID says so. Nothing
//     is lost; PutStats.Renamed counts these articles.
//   - A record with an empty Result.Hash is stored under the hash of its
//     Text, and one with an empty Result.ID under the first 16 hex digits of
//     the hash, as readers name articles.
//   - Every list has a total order, so paging is stable: articles by date
//     (newest first) then ID; events by date, article ID, position in the
//     article; actors by mentions (most first) then code; quotes by article
//     ID, start offset, position.
//   - Limits: 0 means [DefaultLimit], larger than [MaxLimit] means MaxLimit; a
//     negative limit or offset, a malformed date or an over-long search string
//     is an [ErrBadQuery]. Each query type's Normalize method applies these
//     rules so that every implementation applies them the same way.
//   - Cross-article events ([Analyst]): Put files every event under the
//     key (date, source code, target code, CAMEO code, location name and
//     country); events with the same key in any articles are one
//     [CrossEvent] counting mentions, articles and distinct outlets, as
//     GDELT's NumMentions, NumArticles and NumSources. Every mention keeps
//     its own Event with its provenance. Relations and Partners aggregate
//     the cross-article events, not the mentions, so an event reported by
//     ten papers counts once (its Mentions sum says how loudly).
//   - Free-text search strings come from users: implementations must treat
//     any string as words to look for, never as syntax, so a search cannot
//     fail with a syntax error.
package store
