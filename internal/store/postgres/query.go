package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/dyadproject/dyad/internal/store"
)

// Article returns the record stored under id, or store.ErrNotFound.
func (db *DB) Article(ctx context.Context, id string) (store.Record, error) {
	if !valid(id) {
		return store.Record{}, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	var result, text string
	err := db.pool.QueryRow(ctx, `SELECT result, text FROM articles WHERE id = $1`, id).Scan(&result, &text)
	if errors.Is(err, pgx.ErrNoRows) {
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
	if !w.match(q.Q) {
		return emptyPage[store.ArticleRow](), nil
	}
	return list(ctx, db, "articles", "FROM articles "+w.String(), w.args,
		`SELECT id, title, url, source, date, n_events, n_quotes, n_actors FROM articles `+w.String()+
			` ORDER BY date DESC, id LIMIT `+w.next()+` OFFSET `+w.next2(), q.Limit, q.Offset,
		func(rows pgx.Rows) (a store.ArticleRow, err error) {
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
	w, ok := eventWhere(q)
	if !ok || !valid(q.Article) {
		return emptyPage[store.EventRow](), nil
	}
	if q.Article != "" {
		w.add("article_id = "+w.param(), q.Article)
	}
	return list(ctx, db, "events", "FROM events "+w.String(), w.args,
		`SELECT article_id, grp, data FROM events `+w.String()+` ORDER BY date, article_id, idx LIMIT `+w.next()+` OFFSET `+w.next2(),
		q.Limit, q.Offset, scanEventRow)
}

// scanEventRow reads the article ID, cross event ID and JSON of an event.
func scanEventRow(rows pgx.Rows) (e store.EventRow, err error) {
	var data string
	if err := rows.Scan(&e.Article, &e.CrossEvent, &data); err != nil {
		return e, err
	}
	return e, json.Unmarshal([]byte(data), &e.Event)
}

// eventWhere is the filter of q on the events or event_groups table, whose
// filtered columns share their names. It reports false when nothing can
// match.
func eventWhere(q store.EventQuery) (*where, bool) {
	var w where
	if !w.prefix("source_code", q.Source) || !w.prefix("target_code", q.Target) || !w.prefix("cameo", q.Code) {
		return &w, false
	}
	if q.QuadClass != 0 {
		w.add("quad_class = "+w.param(), q.QuadClass)
	}
	w.dateRange(q.From, q.To)
	return &w, true
}

// dateRange restricts date to [from, to]; a bound excludes undated rows.
func (w *where) dateRange(from, to string) {
	if from != "" || to != "" {
		w.add("date <> ''")
	}
	if from != "" {
		w.add("date >= "+w.param(), from)
	}
	if to != "" {
		w.add("date <= "+w.param(), to)
	}
}

// Quotes lists the quotations matching q by article and position.
func (db *DB) Quotes(ctx context.Context, q store.QuoteQuery) (store.Page[store.QuoteRow], error) {
	q, err := q.Normalize()
	if err != nil {
		return store.Page[store.QuoteRow]{}, fmt.Errorf("quotes: %w", err)
	}
	var w where
	if !w.prefix("speaker_code", q.Speaker) || !w.match(q.Q) {
		return emptyPage[store.QuoteRow](), nil
	}
	return list(ctx, db, "quotes", "FROM quotes "+w.String(), w.args,
		`SELECT article_id, data FROM quotes `+w.String()+` ORDER BY article_id, start, idx LIMIT `+w.next()+` OFFSET `+w.next2(),
		q.Limit, q.Offset,
		func(rows pgx.Rows) (r store.QuoteRow, err error) {
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
	if !valid(q.Q) {
		return emptyPage[store.ActorRow](), nil
	}
	var w where
	w.add("t.articles > 0")
	if q.Q != "" {
		var code where
		code.prefix("t.code", strings.ToUpper(q.Q))
		w.n = code.n
		w.add("("+strings.Join(code.conds, " AND ")+
			" OR EXISTS (SELECT 1 FROM actor_names n WHERE n.code = t.code AND strpos(n.name_key, "+w.param()+") > 0))",
			append(code.args, strings.ToLower(q.Q))...)
	}
	// The page is chosen from the small aggregate table first; the names are
	// then ranked only for the codes on the page.
	pageQuery := `WITH page AS (
		SELECT code, articles, mentions, events_as_source, events_as_target FROM actor_totals t ` + w.String() + `
		ORDER BY mentions DESC, code LIMIT ` + w.next() + ` OFFSET ` + w.next2() + `
	), best AS (
		SELECT code, name, country, sector, kind, row_number() OVER (
			PARTITION BY code ORDER BY mentions DESC, name, country, sector, kind) AS rank
		FROM actor_names WHERE code IN (SELECT code FROM page)
	)
	SELECT p.code, coalesce(b.name, ''), coalesce(b.country, ''), coalesce(b.sector, ''), coalesce(b.kind, ''),
		p.articles, p.mentions, p.events_as_source, p.events_as_target
	FROM page p LEFT JOIN best b ON b.code = p.code AND b.rank = 1
	ORDER BY p.mentions DESC, p.code`
	return list(ctx, db, "actors", "FROM actor_totals t "+w.String(), w.args, pageQuery, q.Limit, q.Offset,
		func(rows pgx.Rows) (a store.ActorRow, err error) {
			err = rows.Scan(&a.Code, &a.Name, &a.Country, &a.Sector, &a.Kind,
				&a.Articles, &a.Mentions, &a.EventsAsSource, &a.EventsAsTarget)
			return a, err
		})
}

// Counts reports how much the store holds.
func (db *DB) Counts(ctx context.Context) (store.Counts, error) {
	var c store.Counts
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		return tx.QueryRow(ctx, `SELECT
			(SELECT count(*) FROM articles),
			(SELECT count(*) FROM events),
			(SELECT count(*) FROM event_groups),
			(SELECT count(*) FROM actor_totals WHERE articles > 0),
			(SELECT count(*) FROM quotes),
			(SELECT count(*) FROM (SELECT 1 FROM places GROUP BY name, country) p)`).
			Scan(&c.Articles, &c.Events, &c.CrossEvents, &c.Actors, &c.Quotes, &c.Places)
	})
	if err != nil {
		return store.Counts{}, fmt.Errorf("counts: %w", err)
	}
	return c, nil
}

func emptyPage[T any]() store.Page[T] { return store.Page[T]{Items: []T{}} }

// list reads the total of "SELECT count(*) "+from and then one page of
// pageQuery, whose last two parameters are the limit and offset, in one read
// transaction so that both see the same snapshot.
func list[T any](ctx context.Context, db *DB, what, from string, args []any, pageQuery string, limit, offset int,
	scan func(pgx.Rows) (T, error)) (store.Page[T], error) {
	page := emptyPage[T]()
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, "SELECT count(*) "+from, args...).Scan(&page.Total); err != nil {
			return fmt.Errorf("count: %w", err)
		}
		if offset >= page.Total {
			return nil
		}
		rows, err := tx.Query(ctx, pageQuery, append(args[:len(args):len(args)], limit, offset)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			item, err := scan(rows)
			if err != nil {
				return fmt.Errorf("read row: %w", err)
			}
			page.Items = append(page.Items, item)
		}
		return rows.Err()
	})
	if err != nil {
		return emptyPage[T](), fmt.Errorf("%s: %w", what, err)
	}
	return page, nil
}

// where builds the WHERE clause of a list with numbered parameters. Column
// names come from the code, values only ever through parameters.
type where struct {
	conds []string
	args  []any
	n     int // parameters numbered so far
}

// param numbers the next parameter.
func (w *where) param() string {
	w.n++
	return "$" + strconv.Itoa(w.n)
}

// next and next2 number the limit and offset parameters that follow the
// clause's own.
func (w *where) next() string  { return "$" + strconv.Itoa(w.n+1) }
func (w *where) next2() string { return "$" + strconv.Itoa(w.n+2) }

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// prefix restricts col to values starting with p, as a range on the bytes
// so that an index serves it and no character of p is a wildcard. It reports
// false when p cannot start a stored value, so nothing can match.
func (w *where) prefix(col, p string) bool {
	if p == "" {
		return true
	}
	if !valid(p) {
		return false
	}
	w.add(col+" >= "+w.param(), p)
	if hi, ok := successor(p); ok {
		w.add(col+" < "+w.param(), hi)
	}
	return true
}

// match restricts the rows to those whose tsv matches the user's search q.
// It reports false when q has no word, so nothing can match.
func (w *where) match(q string) bool {
	if q == "" {
		return true
	}
	m := tsQuery(q)
	if m == "" {
		return false
	}
	w.add("tsv @@ to_tsquery('dyad', "+w.param()+")", m)
	return true
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return "WHERE " + strings.Join(w.conds, " AND ")
}

// successor returns the least valid UTF-8 string greater, in code point
// order, than every string with prefix p, or false when there is none. In
// UTF-8, byte order is code point order, so the "C" collation agrees.
func successor(p string) (string, bool) {
	rs := []rune(p)
	for i := len(rs) - 1; i >= 0; i-- {
		r := rs[i] + 1
		if r >= 0xD800 && r <= 0xDFFF {
			r = 0xE000
		}
		if r <= utf8.MaxRune {
			rs[i] = r
			return string(rs[:i+1]), true
		}
	}
	return "", false
}
