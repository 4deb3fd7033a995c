package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dyadproject/dyad/internal/store"
)

// crossEventCols are the columns of a store.CrossEvent, in scanCrossEvent's
// order.
const crossEventCols = `id, date, source_code, target_code, source_country, target_country, cameo, root,
	quad_class, goldstein, place, place_country, num_mentions, num_sources, num_articles,
	CASE WHEN tone_n > 0 THEN tone_sum / tone_n ELSE 0 END, first_article`

func scanCrossEvent(row interface{ Scan(...any) error }) (e store.CrossEvent, err error) {
	err = row.Scan(&e.ID, &e.Date, &e.Source, &e.Target, &e.SourceCountry, &e.TargetCountry, &e.CAMEO, &e.Root,
		&e.QuadClass, &e.Goldstein, &e.Place, &e.PlaceCountry, &e.NumMentions, &e.NumSources, &e.NumArticles,
		&e.Tone, &e.FirstArticle)
	return e, err
}

// eventWhere is the filter of q on the events or event_groups table, whose
// filtered columns share their names.
func eventWhere(q store.EventQuery) *where {
	var w where
	w.prefix("source_code", q.Source)
	w.prefix("target_code", q.Target)
	w.prefix("cameo", q.Code)
	if q.QuadClass != 0 {
		w.add("quad_class = ?", q.QuadClass)
	}
	dateRange(&w, q.From, q.To)
	return &w
}

func dateRange(w *where, from, to string) {
	if from != "" || to != "" {
		w.add("date <> ''")
	}
	if from != "" {
		w.add("date >= ?", from)
	}
	if to != "" {
		w.add("date <= ?", to)
	}
}

// CrossEvents lists cross-article events by date and ID.
func (db *DB) CrossEvents(ctx context.Context, q store.EventQuery) (store.Page[store.CrossEvent], error) {
	q, err := q.Normalize()
	if err != nil {
		return store.Page[store.CrossEvent]{}, fmt.Errorf("cross events: %w", err)
	}
	w := eventWhere(q)
	return list(ctx, db.r, "cross events", "FROM event_groups "+w.String(), w.args,
		`SELECT `+crossEventCols+` FROM event_groups `+w.String()+` ORDER BY date, id LIMIT ? OFFSET ?`,
		q.Limit, q.Offset, func(rows *sql.Rows) (store.CrossEvent, error) { return scanCrossEvent(rows) })
}

// CrossEvent returns one cross-article event and its mentions in event
// order, or store.ErrNotFound.
func (db *DB) CrossEvent(ctx context.Context, id int64) (store.CrossEventDetail, error) {
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return store.CrossEventDetail{}, fmt.Errorf("cross event %d: %w", id, err)
	}
	defer tx.Rollback()
	e, err := scanCrossEvent(tx.QueryRowContext(ctx, `SELECT `+crossEventCols+` FROM event_groups WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return store.CrossEventDetail{}, fmt.Errorf("cross event %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.CrossEventDetail{}, fmt.Errorf("cross event %d: %w", id, err)
	}
	d := store.CrossEventDetail{CrossEvent: e, Mentions: []store.EventRow{}}
	rows, err := tx.QueryContext(ctx, `SELECT article_id, grp, data FROM events WHERE grp = ? ORDER BY date, article_id, idx`, id)
	if err != nil {
		return store.CrossEventDetail{}, fmt.Errorf("cross event %d: mentions: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var m store.EventRow
		var data string
		if err := rows.Scan(&m.Article, &m.CrossEvent, &data); err != nil {
			return store.CrossEventDetail{}, fmt.Errorf("cross event %d: mentions: %w", id, err)
		}
		if err := json.Unmarshal([]byte(data), &m.Event); err != nil {
			return store.CrossEventDetail{}, fmt.Errorf("cross event %d: mention in %s: %w", id, m.Article, err)
		}
		d.Mentions = append(d.Mentions, m)
	}
	if err := rows.Err(); err != nil {
		return store.CrossEventDetail{}, fmt.Errorf("cross event %d: mentions: %w", id, err)
	}
	return d, nil
}

// levelCols returns the source and target key columns of a level.
func levelCols(level string) (string, string) {
	if level == store.LevelCode {
		return "source_code", "target_code"
	}
	return "source_country", "target_country"
}

// periodExpr returns the SQL expression of an event's period.
func periodExpr(period string) string {
	switch period {
	case store.PeriodDay:
		return "date"
	case store.PeriodWeek:
		return "date(date, '-6 days', 'weekday 1')"
	case store.PeriodMonth:
		return "substr(date, 1, 7) || '-01'"
	}
	return "''"
}

// Relations aggregates cross-article events with a target per pair of the
// level's keys and period.
func (db *DB) Relations(ctx context.Context, q store.RelationQuery) (store.Page[store.RelationRow], error) {
	q, err := q.Normalize()
	if err != nil {
		return store.Page[store.RelationRow]{}, fmt.Errorf("relations: %w", err)
	}
	src, dst := levelCols(q.Level)
	var w where
	w.add("target_code <> ''")
	w.prefix(src, q.Source)
	w.prefix(dst, q.Target)
	dateRange(&w, q.From, q.To)
	if q.Period != store.PeriodAll && q.From == "" && q.To == "" {
		w.add("date <> ''")
	}
	period := periodExpr(q.Period)
	group := ` FROM event_groups ` + w.String() + ` GROUP BY ` + period + `, ` + src + `, ` + dst
	pageQuery := `SELECT ` + period + `, ` + src + `, ` + dst + `, count(*), sum(num_mentions),
		sum(quad_class = 1), sum(quad_class = 2), sum(quad_class = 3), sum(quad_class = 4), avg(goldstein),
		coalesce(avg(CASE WHEN tone_n > 0 THEN tone_sum / tone_n END), 0)` + group + `
		ORDER BY 1, 4 DESC, 2, 3 LIMIT ? OFFSET ?`
	return list(ctx, db.r, "relations", "FROM (SELECT 1"+group+")", w.args, pageQuery, q.Limit, q.Offset,
		func(rows *sql.Rows) (r store.RelationRow, err error) {
			err = rows.Scan(&r.Period, &r.Source, &r.Target, &r.Events, &r.Mentions, &r.VerbalCooperation,
				&r.MaterialCooperation, &r.VerbalConflict, &r.MaterialConflict, &r.Goldstein, &r.Tone)
			return r, err
		})
}

// Partners ranks the partners of q.Actor over the events between them in
// either direction.
func (db *DB) Partners(ctx context.Context, q store.PartnerQuery) (store.Page[store.PartnerRow], error) {
	q, err := q.Normalize()
	if err != nil {
		return store.Page[store.PartnerRow]{}, fmt.Errorf("partners: %w", err)
	}
	src, dst := levelCols(q.Level)
	var dates where
	dateRange(&dates, q.From, q.To)
	and := ""
	if len(dates.conds) > 0 {
		and = " AND " + dates.String()[len("WHERE "):]
	}
	// The date arguments appear once per side of the union.
	args := append(append(append([]any{q.Actor}, dates.args...), q.Actor), dates.args...)
	args = append(args, q.Actor)
	sides := `FROM (
		SELECT ` + dst + ` AS partner, quad_class, goldstein FROM event_groups
			WHERE ` + src + ` = ? AND target_code <> ''` + and + `
		UNION ALL
		SELECT ` + src + `, quad_class, goldstein FROM event_groups
			WHERE ` + dst + ` = ? AND target_code <> ''` + and + `
	) WHERE partner <> ? GROUP BY partner`
	having, order := ` HAVING sum(quad_class IN (1, 2)) > 0`, `3 DESC, 4, 1`
	if q.Rank == store.RankConflict {
		having, order = ` HAVING sum(quad_class IN (3, 4)) > 0`, `4 DESC, 3, 1`
	}
	sides += having
	pageQuery := `SELECT partner, count(*), sum(quad_class IN (1, 2)), sum(quad_class IN (3, 4)), avg(goldstein) ` +
		sides + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	return list(ctx, db.r, "partners", "FROM (SELECT 1 "+sides+")", args, pageQuery, q.Limit, q.Offset,
		func(rows *sql.Rows) (p store.PartnerRow, err error) {
			err = rows.Scan(&p.Partner, &p.Events, &p.Cooperation, &p.Conflict, &p.Goldstein)
			return p, err
		})
}
