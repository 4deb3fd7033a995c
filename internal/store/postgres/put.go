package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/store"
)

// MaxIDLen is the longest article ID, in bytes, that the store accepts: a
// B-tree index entry must fit in a third of a page, so longer IDs could not
// be kept unique. Put refuses a batch with a longer one, naming it.
const MaxIDLen = 1000

// putAttempts bounds the tries of a Put that PostgreSQL aborts as a deadlock
// or serialization failure.
const putAttempts = 5

// Put stores batch in one transaction; see the store package for the
// contract. When ctx ends before the commit, nothing of the batch is stored.
func (db *DB) Put(ctx context.Context, batch []store.Record) (store.PutStats, error) {
	if len(batch) == 0 {
		return store.PutStats{}, nil
	}
	for attempt := 1; ; attempt++ {
		st, err := db.put(ctx, batch)
		if err == nil || attempt == putAttempts || !retryable(err) || ctx.Err() != nil {
			return st, err
		}
	}
}

// retryable reports whether err is a transaction abort that a retry of the
// whole transaction resolves.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

func (db *DB) put(ctx context.Context, batch []store.Record) (store.PutStats, error) {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return store.PutStats{}, fmt.Errorf("put: begin: %w", err)
	}
	defer tx.Rollback(context.Background())
	w := writer{tx: tx, totals: map[string]*total{}, names: map[nameKey]int{}, groups: groupDeltas{m: map[groupKey]*groupDelta{}}}
	var st store.PutStats
	for i := range batch {
		added, renamed, err := w.put(ctx, &batch[i])
		if err != nil {
			return store.PutStats{}, fmt.Errorf("put article %q: %w", prefix(batch[i].Result.ID, 80), err)
		}
		switch {
		case !added:
			st.Skipped++
		case renamed:
			st.Added++
			st.Renamed++
		default:
			st.Added++
		}
	}
	if err := w.flush(ctx); err != nil {
		return store.PutStats{}, fmt.Errorf("put: %w", err)
	}
	// A commit racing with the caller's cancellation must not win after the
	// caller has given up.
	if err := ctx.Err(); err != nil {
		return store.PutStats{}, fmt.Errorf("put: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return store.PutStats{}, fmt.Errorf("put: commit: %w", err)
	}
	return st, nil
}

// total is one actor code's additions to actor_totals.
type total struct{ articles, mentions, asSource, asTarget int }

// nameKey is the key of actor_names.
type nameKey struct{ code, name, country, sector, kind string }

// writer holds one Put's transaction, the rows queued for it and the
// aggregate deltas summed over the batch.
type writer struct {
	tx     pgx.Tx
	rows   pgx.Batch
	totals map[string]*total
	names  map[nameKey]int
	events []pendingEvent
	groups groupDeltas
}

// put stores one record unless its hash is stored, and reports whether it
// was added and whether under a derived ID.
func (w *writer) put(ctx context.Context, rec *store.Record) (added, renamed bool, err error) {
	r := rec.Result
	if r.Hash == "" {
		r.Hash = dyad.ContentHash(rec.Text)
	}
	if r.ID == "" {
		r.ID = prefix(r.Hash, 16)
	}
	if len(r.ID) > MaxIDLen {
		return false, false, fmt.Errorf("ID of %d bytes is longer than the %d this store accepts", len(r.ID), MaxIDLen)
	}
	own := r.ID
	for n := 0; ; n++ {
		r.ID = candidate(own, r.Hash, n)
		pk, ok, err := w.insertArticle(ctx, &r, rec.Text)
		if err != nil {
			return false, false, err
		}
		if ok {
			w.children(pk, &r)
			return true, n > 0, nil
		}
		// The insert hit the unique hash or the unique ID. The row that
		// blocked it is committed or ours, so this read sees it.
		var one int
		err = w.tx.QueryRow(ctx, `SELECT 1 FROM articles WHERE hash = $1`, clean(r.Hash)).Scan(&one)
		switch {
		case err == nil:
			return false, false, nil
		case !errors.Is(err, pgx.ErrNoRows):
			return false, false, fmt.Errorf("look up hash: %w", err)
		}
	}
}

// candidate returns the n-th ID tried for an article: id, then id-hash[:8],
// id-hash, id-hash-2, id-hash-3...
func candidate(id, hash string, n int) string {
	switch {
	case n == 0:
		return id
	case n == 1:
		return id + "-" + prefix(hash, 8)
	case n == 2:
		return id + "-" + hash
	}
	return id + "-" + hash + "-" + strconv.Itoa(n-1)
}

// insertArticle inserts the article row and returns its key, or false when
// its hash or ID is taken.
func (w *writer) insertArticle(ctx context.Context, r *dyad.Result, text string) (int64, bool, error) {
	result, err := json.Marshal(r)
	if err != nil {
		return 0, false, fmt.Errorf("encode result: %w", err)
	}
	var pk int64
	err = w.tx.QueryRow(ctx, `INSERT INTO articles (id, hash, url, title, source, date, input, text, result, n_events, n_quotes, n_actors)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING RETURNING pk`,
		clean(r.ID), clean(r.Hash), clean(r.URL), clean(r.Title), clean(r.Source), clean(r.Date), clean(r.Input),
		clean(text), string(result), len(r.Events), len(r.Quotes), len(r.Actors)).Scan(&pk)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return 0, false, nil
	case err != nil:
		return 0, false, fmt.Errorf("insert article: %w", err)
	}
	return pk, true, nil
}

// children queues the rows of r's events, actors, quotes and places and adds
// to the aggregates.
func (w *writer) children(pk int64, r *dyad.Result) {
	keys := w.groups.add(r)
	for i, e := range r.Events {
		data, _ := json.Marshal(e) // a dyad.Event always encodes
		target := ""
		if e.Target != nil {
			target = e.Target.Code
		}
		w.events = append(w.events, pendingEvent{pk: pk, idx: i, args: []any{clean(r.ID), clean(e.Date), clean(e.Source.Code),
			clean(target), clean(e.CAMEO), e.QuadClass, e.Goldstein, string(data)}, key: keys[i]})
		if c := clean(e.Source.Code); c != "" {
			w.total(c).asSource++
		}
		if c := clean(target); c != "" {
			w.total(c).asTarget++
		}
	}
	mentions := map[string]int{}
	for i, a := range r.Actors {
		w.rows.Queue(`INSERT INTO actors (article, idx, actor, code, name, country, sector, kind, role, mentions)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			pk, i, clean(a.ID), clean(a.Code), clean(a.Name), clean(a.Country), clean(a.Sector), clean(a.Kind), clean(a.Role), len(a.Mentions))
		if a.Code == "" {
			continue
		}
		mentions[clean(a.Code)] += len(a.Mentions)
		w.names[nameKey{clean(a.Code), clean(a.Name), clean(a.Country), clean(a.Sector), clean(a.Kind)}] += len(a.Mentions)
	}
	for code, n := range mentions {
		t := w.total(code)
		t.articles++
		t.mentions += n
	}
	for i, q := range r.Quotes {
		data, _ := json.Marshal(q) // a dyad.Quote always encodes
		speaker, code := "", ""
		if q.Speaker != nil {
			speaker, code = q.Speaker.Text, q.Speaker.Code
		}
		w.rows.Queue(`INSERT INTO quotes (article, idx, article_id, start, text, speaker, speaker_code, data)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			pk, i, clean(r.ID), q.Start, clean(q.Text), clean(speaker), clean(code), string(data))
	}
	for i, pl := range r.Places {
		w.rows.Queue(`INSERT INTO places (article, idx, name, country, lat, lon) VALUES ($1, $2, $3, $4, $5, $6)`,
			pk, i, clean(pl.Name), clean(pl.Country), pl.Lat, pl.Lon)
	}
}

func (w *writer) total(code string) *total {
	t := w.totals[code]
	if t == nil {
		t = &total{}
		w.totals[code] = t
	}
	return t
}

// flush sends the queued rows and then the aggregate deltas, one upsert per
// table with the keys in order, so that concurrent Puts lock aggregate rows
// in the same order.
func (w *writer) flush(ctx context.Context) error {
	ids, err := w.groups.flush(ctx, w.tx)
	if err != nil {
		return err
	}
	for _, e := range w.events {
		w.rows.Queue(`INSERT INTO events (article, idx, grp, article_id, date, source_code, target_code, cameo, quad_class, goldstein, data)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, append([]any{e.pk, e.idx, ids[e.key]}, e.args...)...)
	}
	if w.rows.Len() > 0 {
		if err := w.tx.SendBatch(ctx, &w.rows).Close(); err != nil {
			return fmt.Errorf("insert rows: %w", err)
		}
	}
	if len(w.totals) > 0 {
		codes := make([]string, 0, len(w.totals))
		for c := range w.totals {
			codes = append(codes, c)
		}
		slices.Sort(codes)
		var articles, mentions, asSource, asTarget []int
		for _, c := range codes {
			t := w.totals[c]
			articles, mentions = append(articles, t.articles), append(mentions, t.mentions)
			asSource, asTarget = append(asSource, t.asSource), append(asTarget, t.asTarget)
		}
		if _, err := w.tx.Exec(ctx, `INSERT INTO actor_totals (code, articles, mentions, events_as_source, events_as_target)
			SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[]) ORDER BY 1
			ON CONFLICT (code) DO UPDATE SET
				articles = actor_totals.articles + excluded.articles,
				mentions = actor_totals.mentions + excluded.mentions,
				events_as_source = actor_totals.events_as_source + excluded.events_as_source,
				events_as_target = actor_totals.events_as_target + excluded.events_as_target`,
			codes, articles, mentions, asSource, asTarget); err != nil {
			return fmt.Errorf("count actors: %w", err)
		}
	}
	if len(w.names) > 0 {
		keys := make([]nameKey, 0, len(w.names))
		for k := range w.names {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b nameKey) int {
			return strings.Compare(a.code+"\x00"+a.name+"\x00"+a.country+"\x00"+a.sector+"\x00"+a.kind,
				b.code+"\x00"+b.name+"\x00"+b.country+"\x00"+b.sector+"\x00"+b.kind)
		})
		cols := make([][]string, 6)
		var mentions []int
		for _, k := range keys {
			for i, v := range []string{k.code, k.name, k.country, k.sector, k.kind, strings.ToLower(k.name)} {
				cols[i] = append(cols[i], v)
			}
			mentions = append(mentions, w.names[k])
		}
		if _, err := w.tx.Exec(ctx, `INSERT INTO actor_names (code, name, country, sector, kind, name_key, mentions)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[]) ORDER BY 1, 2, 3, 4, 5
			ON CONFLICT (code, name, country, sector, kind) DO UPDATE SET mentions = actor_names.mentions + excluded.mentions`,
			cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], mentions); err != nil {
			return fmt.Errorf("count actor names: %w", err)
		}
	}
	return nil
}

// clean returns s as PostgreSQL text can hold it: valid UTF-8 without NUL
// bytes, each offending byte replaced by U+FFFD.
func clean(s string) string {
	if utf8.ValidString(s) && !strings.Contains(s, "\x00") {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

// valid reports whether s can be a stored value: a query parameter that
// clean would change matches nothing.
func valid(s string) bool { return clean(s) == s }

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}
