package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/store"
)

// Put stores batch in one transaction; see the store package for the
// contract. The stored Result carries the ID and hash it was stored under,
// which differ from the given ones only when those were empty or the ID was
// taken. When ctx ends before the commit, nothing of the batch is stored.
func (db *DB) Put(ctx context.Context, batch []store.Record) (store.PutStats, error) {
	if len(batch) == 0 {
		return store.PutStats{}, nil
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return store.PutStats{}, fmt.Errorf("put: begin: %w", err)
	}
	defer tx.Rollback()
	p, err := prepare(ctx, tx)
	if err != nil {
		return store.PutStats{}, fmt.Errorf("put: %w", err)
	}
	defer p.close()
	if p.groups, err = prepareGroups(ctx, tx); err != nil {
		return store.PutStats{}, fmt.Errorf("put: %w", err)
	}
	// Rows added by this transaction have keys above the largest ones now.
	var lastArticle, lastQuote int64
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(pk), 0) FROM articles), (SELECT coalesce(max(pk), 0) FROM quotes)`).
		Scan(&lastArticle, &lastQuote); err != nil {
		return store.PutStats{}, fmt.Errorf("put: %w", err)
	}
	var st store.PutStats
	for i := range batch {
		added, renamed, err := p.put(ctx, &batch[i])
		if err != nil {
			return store.PutStats{}, fmt.Errorf("put article %q: %w", batch[i].Result.ID, err)
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
	if err := indexText(ctx, tx, lastArticle, lastQuote); err != nil {
		return store.PutStats{}, fmt.Errorf("put: %w", err)
	}
	// database/sql rolls the transaction back when ctx ends, but a commit
	// racing with that must not win after the caller has given up.
	if err := ctx.Err(); err != nil {
		return store.PutStats{}, fmt.Errorf("put: %w", err)
	}
	if err := commit(ctx, tx); err != nil {
		return store.PutStats{}, fmt.Errorf("put: commit: %w", err)
	}
	return st, nil
}

// indexText adds the articles and quotes with keys above the given ones to
// the full-text indexes, in one statement each (see migrations/0001_init.sql).
func indexText(ctx context.Context, tx *sql.Tx, lastArticle, lastQuote int64) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, text)
		SELECT pk, title, text FROM articles WHERE pk > ?`, lastArticle); err != nil {
		return fmt.Errorf("index articles: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO quotes_fts (rowid, text, speaker)
		SELECT pk, text, speaker FROM quotes WHERE pk > ?`, lastQuote); err != nil {
		return fmt.Errorf("index quotes: %w", err)
	}
	return nil
}

// putStmts are the statements of one Put, prepared once per transaction.
type putStmts struct {
	hashExists, idExists                      *sql.Stmt
	article, event, actor, quote, place       *sql.Stmt
	actorTotal, actorName, asSource, asTarget *sql.Stmt
	groups                                    *groupStmts
}

func prepare(ctx context.Context, tx *sql.Tx) (*putStmts, error) {
	var p putStmts
	for _, s := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&p.hashExists, `SELECT 1 FROM articles WHERE hash = ?`},
		{&p.idExists, `SELECT 1 FROM articles WHERE id = ?`},
		{&p.article, `INSERT INTO articles (id, hash, url, title, source, date, input, text, result, n_events, n_quotes, n_actors)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk`},
		{&p.event, `INSERT INTO events (article, idx, article_id, date, source_code, target_code, cameo, quad_class, goldstein, data, grp)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&p.actor, `INSERT INTO actors (article, idx, actor, code, name, country, sector, kind, role, mentions)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&p.quote, `INSERT INTO quotes (article, idx, article_id, start, text, speaker, speaker_code, data)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`},
		{&p.place, `INSERT INTO places (article, idx, name, country, lat, lon) VALUES (?, ?, ?, ?, ?, ?)`},
		{&p.actorTotal, `INSERT INTO actor_totals (code, articles, mentions) VALUES (?, 1, ?)
			ON CONFLICT (code) DO UPDATE SET articles = articles + 1, mentions = mentions + excluded.mentions`},
		{&p.actorName, `INSERT INTO actor_names (code, name, country, sector, kind, name_key, mentions) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (code, name, country, sector, kind) DO UPDATE SET mentions = mentions + excluded.mentions`},
		{&p.asSource, `INSERT INTO actor_totals (code, events_as_source) VALUES (?, 1)
			ON CONFLICT (code) DO UPDATE SET events_as_source = events_as_source + 1`},
		{&p.asTarget, `INSERT INTO actor_totals (code, events_as_target) VALUES (?, 1)
			ON CONFLICT (code) DO UPDATE SET events_as_target = events_as_target + 1`},
	} {
		st, err := tx.PrepareContext(ctx, s.query)
		if err != nil {
			p.close()
			return nil, fmt.Errorf("prepare: %w", err)
		}
		*s.dst = st
	}
	return &p, nil
}

func (p *putStmts) close() {
	for _, s := range []*sql.Stmt{p.hashExists, p.idExists, p.article, p.event, p.actor, p.quote, p.place,
		p.actorTotal, p.actorName, p.asSource, p.asTarget} {
		if s != nil {
			s.Close()
		}
	}
	if p.groups != nil {
		p.groups.close()
	}
}

// exists reports whether st finds a row for arg.
func exists(ctx context.Context, st *sql.Stmt, arg string) (bool, error) {
	var one int
	switch err := st.QueryRowContext(ctx, arg).Scan(&one); err {
	case nil:
		return true, nil
	case sql.ErrNoRows:
		return false, nil
	default:
		return false, err
	}
}

// put stores one record unless its hash is stored, and reports whether it
// was added and whether under a derived ID.
func (p *putStmts) put(ctx context.Context, rec *store.Record) (added, renamed bool, err error) {
	r := rec.Result
	if r.Hash == "" {
		r.Hash = dyad.ContentHash(rec.Text)
	}
	if found, err := exists(ctx, p.hashExists, r.Hash); err != nil || found {
		return false, false, err
	}
	if r.ID == "" {
		r.ID = prefix(r.Hash, 16)
	}
	id, err := p.freeID(ctx, r.ID, r.Hash)
	if err != nil {
		return false, false, err
	}
	renamed, r.ID = id != r.ID, id
	result, err := json.Marshal(r)
	if err != nil {
		return false, false, fmt.Errorf("encode result: %w", err)
	}
	var pk int64
	if err := p.article.QueryRowContext(ctx, r.ID, r.Hash, r.URL, r.Title, r.Source, r.Date, r.Input, rec.Text,
		string(result), len(r.Events), len(r.Quotes), len(r.Actors)).Scan(&pk); err != nil {
		return false, false, fmt.Errorf("insert article: %w", err)
	}
	for _, f := range []func(context.Context, int64, *dyad.Result) error{p.putEvents, p.putActors, p.putQuotes, p.putPlaces} {
		if err := f(ctx, pk, &r); err != nil {
			return false, false, err
		}
	}
	return true, renamed, nil
}

// freeID returns id when no article has it, else the first free one of
// id-hash[:8], id-hash, id-hash-2, id-hash-3...
func (p *putStmts) freeID(ctx context.Context, id, hash string) (string, error) {
	for n := 0; ; n++ {
		cand := id
		switch {
		case n == 1:
			cand = id + "-" + prefix(hash, 8)
		case n == 2:
			cand = id + "-" + hash
		case n > 2:
			cand = id + "-" + hash + "-" + strconv.Itoa(n-1)
		}
		taken, err := exists(ctx, p.idExists, cand)
		if err != nil {
			return "", fmt.Errorf("look up id %q: %w", cand, err)
		}
		if !taken {
			return cand, nil
		}
	}
}

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

func (p *putStmts) putEvents(ctx context.Context, pk int64, r *dyad.Result) error {
	groups, err := p.groups.group(ctx, r)
	if err != nil {
		return err
	}
	for i, e := range r.Events {
		data, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("encode event %s: %w", e.ID, err)
		}
		target := ""
		if e.Target != nil {
			target = e.Target.Code
		}
		if _, err := p.event.ExecContext(ctx, pk, i, r.ID, e.Date, e.Source.Code, target, e.CAMEO,
			e.QuadClass, e.Goldstein, string(data), groups[i]); err != nil {
			return fmt.Errorf("insert event %s: %w", e.ID, err)
		}
		if e.Source.Code != "" {
			if _, err := p.asSource.ExecContext(ctx, e.Source.Code); err != nil {
				return fmt.Errorf("count event %s: %w", e.ID, err)
			}
		}
		if target != "" {
			if _, err := p.asTarget.ExecContext(ctx, target); err != nil {
				return fmt.Errorf("count event %s: %w", e.ID, err)
			}
		}
	}
	return nil
}

func (p *putStmts) putActors(ctx context.Context, pk int64, r *dyad.Result) error {
	mentions := map[string]int{} // by code, over the article's actors
	var codes []string
	for i, a := range r.Actors {
		if _, err := p.actor.ExecContext(ctx, pk, i, a.ID, a.Code, a.Name, a.Country, a.Sector, a.Kind, a.Role,
			len(a.Mentions)); err != nil {
			return fmt.Errorf("insert actor %s: %w", a.ID, err)
		}
		if a.Code == "" {
			continue
		}
		if _, seen := mentions[a.Code]; !seen {
			codes = append(codes, a.Code)
		}
		mentions[a.Code] += len(a.Mentions)
		if _, err := p.actorName.ExecContext(ctx, a.Code, a.Name, a.Country, a.Sector, a.Kind,
			strings.ToLower(a.Name), len(a.Mentions)); err != nil {
			return fmt.Errorf("count actor %s: %w", a.ID, err)
		}
	}
	for _, code := range codes {
		if _, err := p.actorTotal.ExecContext(ctx, code, mentions[code]); err != nil {
			return fmt.Errorf("count actor %s: %w", code, err)
		}
	}
	return nil
}

func (p *putStmts) putQuotes(ctx context.Context, pk int64, r *dyad.Result) error {
	for i, q := range r.Quotes {
		data, err := json.Marshal(q)
		if err != nil {
			return fmt.Errorf("encode quote %s: %w", q.ID, err)
		}
		speaker, code := "", ""
		if q.Speaker != nil {
			speaker, code = q.Speaker.Text, q.Speaker.Code
		}
		if _, err := p.quote.ExecContext(ctx, pk, i, r.ID, q.Start, q.Text, speaker, code, string(data)); err != nil {
			return fmt.Errorf("insert quote %s: %w", q.ID, err)
		}
	}
	return nil
}

func (p *putStmts) putPlaces(ctx context.Context, pk int64, r *dyad.Result) error {
	for i, pl := range r.Places {
		if _, err := p.place.ExecContext(ctx, pk, i, pl.Name, pl.Country, pl.Lat, pl.Lon); err != nil {
			return fmt.Errorf("insert place %s: %w", pl.ID, err)
		}
	}
	return nil
}
