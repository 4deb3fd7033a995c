package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/dyadproject/dyad/internal/store"
)

// Article returns the record stored under id, or store.ErrNotFound.
func (db *DB) Article(ctx context.Context, id string) (store.Record, error) {
	var result, text string
	err := db.r.QueryRowContext(ctx, `SELECT result, text FROM articles WHERE id = ?`, id).Scan(&result, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Record{}, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Record{}, fmt.Errorf("article %q: %w", id, err)
	}
	rec := store.Record{Text: text}
	if err := json.Unmarshal([]byte(result), &rec.Result); err != nil {
		return store.Record{}, fmt.Errorf("article %q: decode result: %w", id, err)
	}
	return rec, nil
}

// Articles lists articles newest first, optionally those matching q.Q.
func (db *DB) Articles(ctx context.Context, q store.ArticleQuery) (store.Page[store.ArticleRow], error) {
	q, err := q.Normalize()
	if err != nil {
		return store.Page[store.ArticleRow]{}, fmt.Errorf("articles: %w", err)
	}
	var w where
	if !w.match("pk", "articles_fts", q.Q) {
		return emptyPage[store.ArticleRow](), nil
	}
	return list(ctx, db.r, "articles", "FROM articles "+w.String(), w.args,
		`SELECT id, title, url, source, date, n_events, n_quotes, n_actors FROM articles `+w.String()+
			` ORDER BY date DESC, id LIMIT ? OFFSET ?`, q.Limit, q.Offset,
		func(rows *sql.Rows) (a store.ArticleRow, err error) {
			err = rows.Scan(&a.ID, &a.Title, &a.URL, &a.Source, &a.Date, &a.Events, &a.Quotes, &a.Actors)
			return a, err
		})
}

// Events lists the events matching q by date, article and position.
func (db *DB) Events(ctx context.Context, q store.EventQuery) (store.Page[store.EventRow], error) {
	q, err := q.Normalize()
	if err != nil {
		return store.Page[store.EventRow]{}, fmt.Errorf("events: %w", err)
	}
	w := eventWhere(q)
	if q.Article != "" {
		w.add("article_id = ?", q.Article)
	}
	return list(ctx, db.r, "events", "FROM events "+w.String(), w.args,
		`SELECT article_id, grp, data FROM events `+w.String()+` ORDER BY date, article_id, idx LIMIT ? OFFSET ?`,
		q.Limit, q.Offset,
		func(rows *sql.Rows) (e store.EventRow, err error) {
			var data string
			if err := rows.Scan(&e.Article, &e.CrossEvent, &data); err != nil {
				return e, err
			}
			return e, json.Unmarshal([]byte(data), &e.Event)
		})
}

// Quotes lists the quotations matching q by article and position.
func (db *DB) Quotes(ctx context.Context, q store.QuoteQuery) (store.Page[store.QuoteRow], error) {
	q, err := q.Normalize()
	if err != nil {
		return store.Page[store.QuoteRow]{}, fmt.Errorf("quotes: %w", err)
	}
	var w where
	w.prefix("speaker_code", q.Speaker)
	if !w.match("pk", "quotes_fts", q.Q) {
		return emptyPage[store.QuoteRow](), nil
	}
	return list(ctx, db.r, "quotes", "FROM quotes "+w.String(), w.args,
		`SELECT article_id, data FROM quotes `+w.String()+` ORDER BY article_id, start, idx LIMIT ? OFFSET ?`,
		q.Limit, q.Offset,
		func(rows *sql.Rows) (r store.QuoteRow, err error) {
			var data string
			if err := rows.Scan(&r.Article, &data); err != nil {
				return r, err
			}
			return r, json.Unmarshal([]byte(data), &r.Quote)
		})
}

// Actors lists actor codes by mentions, most first.
func (db *DB) Actors(ctx context.Context, q store.ActorQuery) (store.Page[store.ActorRow], error) {
	q, err := q.Normalize()
	if err != nil {
		return store.Page[store.ActorRow]{}, fmt.Errorf("actors: %w", err)
	}
	var w where
	w.add("t.articles > 0")
	if q.Q != "" {
		var code where
		code.prefix("t.code", strings.ToUpper(q.Q))
		w.add("("+strings.Join(code.conds, " AND ")+
			" OR EXISTS (SELECT 1 FROM actor_names n WHERE n.code = t.code AND instr(n.name_key, ?) > 0))",
			append(code.args, strings.ToLower(q.Q))...)
	}
	// The page is chosen from the small aggregate table first; the names are
	// then ranked only for the codes on the page.
	pageQuery := `WITH page AS (
		SELECT code, articles, mentions, events_as_source, events_as_target FROM actor_totals t ` + w.String() + `
		ORDER BY mentions DESC, code LIMIT ? OFFSET ?
	), best AS (
		SELECT code, name, country, sector, kind, row_number() OVER (
			PARTITION BY code ORDER BY mentions DESC, name, country, sector, kind) AS rank
		FROM actor_names WHERE code IN (SELECT code FROM page)
	)
	SELECT p.code, coalesce(b.name, ''), coalesce(b.country, ''), coalesce(b.sector, ''), coalesce(b.kind, ''),
		p.articles, p.mentions, p.events_as_source, p.events_as_target
	FROM page p LEFT JOIN best b ON b.code = p.code AND b.rank = 1
	ORDER BY p.mentions DESC, p.code`
	return list(ctx, db.r, "actors", "FROM actor_totals t "+w.String(), w.args, pageQuery, q.Limit, q.Offset,
		func(rows *sql.Rows) (a store.ActorRow, err error) {
			err = rows.Scan(&a.Code, &a.Name, &a.Country, &a.Sector, &a.Kind,
				&a.Articles, &a.Mentions, &a.EventsAsSource, &a.EventsAsTarget)
			return a, err
		})
}

// Counts reports how much the store holds.
func (db *DB) Counts(ctx context.Context) (store.Counts, error) {
	var c store.Counts
	err := db.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM event_groups),
		(SELECT count(*) FROM actor_totals WHERE articles > 0),
		(SELECT count(*) FROM quotes),
		(SELECT count(*) FROM (SELECT 1 FROM places GROUP BY name, country))`).
		Scan(&c.Articles, &c.Events, &c.CrossEvents, &c.Actors, &c.Quotes, &c.Places)
	if err != nil {
		return store.Counts{}, fmt.Errorf("counts: %w", err)
	}
	return c, nil
}

func emptyPage[T any]() store.Page[T] { return store.Page[T]{Items: []T{}} }

// list reads the total of "SELECT count(*) "+from and then one page of
// pageQuery, whose last two parameters are the limit and offset, in one read
// transaction so that both see the same snapshot.
func list[T any](ctx context.Context, db *sql.DB, what, from string, args []any, pageQuery string, limit, offset int,
	scan func(*sql.Rows) (T, error)) (store.Page[T], error) {
	page := emptyPage[T]()
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return page, fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, "SELECT count(*) "+from, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("%s: count: %w", what, err)
	}
	if offset >= page.Total {
		return page, nil
	}
	rows, err := tx.QueryContext(ctx, pageQuery, append(args[:len(args):len(args)], limit, offset)...)
	if err != nil {
		return page, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		item, err := scan(rows)
		if err != nil {
			return page, fmt.Errorf("%s: read row: %w", what, err)
		}
		page.Items = append(page.Items, item)
	}
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("%s: %w", what, err)
	}
	return page, nil
}

// where builds the WHERE clause of a list. Column names come from the code,
// values only ever through parameters.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// prefix restricts col to values starting with p, as a range on the bytes
// so that an index serves it and no character of p is a wildcard.
func (w *where) prefix(col, p string) {
	if p == "" {
		return
	}
	w.add(col+" >= ?", p)
	if hi, ok := successor(p); ok {
		w.add(col+" < ?", hi)
	}
}

// match restricts pk to the rows of the FTS5 table fts that match the user's
// search q. It reports false when q has no word, so nothing can match.
func (w *where) match(pk, fts, q string) bool {
	if q == "" {
		return true
	}
	m := ftsQuery(q)
	if m == "" {
		return false
	}
	w.add(pk+" IN (SELECT rowid FROM "+fts+" WHERE "+fts+" MATCH ?)", m)
	return true
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return "WHERE " + strings.Join(w.conds, " AND ")
}

// successor returns the least string greater than every string with prefix p,
// or false when there is none (p is all 0xFF bytes).
func successor(p string) (string, bool) {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1]), true
		}
	}
	return "", false
}
