package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/dyadproject/dyad/internal/store"
)

// crossEventCols are the columns of a store.CrossEvent, in scanCrossEvent's
// order.
const crossEventCols = `id, date, source_code, target_code, source_country, target_country, cameo, root,
	quad_class, goldstein, place, place_country, num_mentions, num_sources, num_articles,
	CASE WHEN tone_n > 0 THEN tone_sum / tone_n ELSE 0 END, first_article`

func scanCrossEvent(row pgx.Row) (e store.CrossEvent, err error) {
	err = row.Scan(&e.ID, &e.Date, &e.Source, &e.Target, &e.SourceCountry, &e.TargetCountry, &e.CAMEO, &e.Root,
		&e.QuadClass, &e.Goldstein, &e.Place, &e.PlaceCountry, &e.NumMentions, &e.NumSources, &e.NumArticles,
		&e.Tone, &e.FirstArticle)
	return e, err
}

// CrossEvents lists cross-article events by date and ID.
func (db *DB) CrossEvents(ctx context.Context, q store.EventQuery) (store.Page[store.CrossEvent], error) {
	q, err := q.Normalize()
	if err != nil {
		return store.Page[store.CrossEvent]{}, fmt.Errorf("cross events: %w", err)
	}
	w, ok := eventWhere(q)
	if !ok {
		return emptyPage[store.CrossEvent](), nil
	}
	return list(ctx, db, "cross events", "FROM event_groups "+w.String(), w.args,
		`SELECT `+crossEventCols+` FROM event_groups `+w.String()+` ORDER BY date, id LIMIT `+w.next()+` OFFSET `+w.next2(),
		q.Limit, q.Offset, func(rows pgx.Rows) (store.CrossEvent, error) { return scanCrossEvent(rows) })
}

// CrossEvent returns one cross-article event and its mentions in event
// order, or store.ErrNotFound.
func (db *DB) CrossEvent(ctx context.Context, id int64) (store.CrossEventDetail, error) {
	var d store.CrossEventDetail
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		e, err := scanCrossEvent(tx.QueryRow(ctx, `SELECT `+crossEventCols+` FROM event_groups WHERE id = $1`, id))
		if errors.Is(err, pgx.ErrNoRows) {
			return store.ErrNotFound
		}
		if err != nil {
			return err
		}
		d = store.CrossEventDetail{CrossEvent: e, Mentions: []store.EventRow{}}
		rows, err := tx.Query(ctx, `SELECT article_id, grp, data FROM events WHERE grp = $1 ORDER BY date, article_id, idx`, id)
		if err != nil {
			return fmt.Errorf("mentions: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			m, err := scanEventRow(rows)
			if err != nil {
				return fmt.Errorf("mentions: %w", err)
			}
			d.Mentions = append(d.Mentions, m)
		}
		return rows.Err()
	})
	if err != nil {
		return store.CrossEventDetail{}, fmt.Errorf("cross event %d: %w", id, err)
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

// periodExpr returns the SQL expression of an event's period; the rows it
// is computed on have a YYYY-MM-DD date (see Relations).
func periodExpr(period string) string {
	switch period {
	case store.PeriodDay:
		return "date"
	case store.PeriodWeek:
		// date_trunc's week starts on Monday, as ISO weeks do.
		return `to_char(date_trunc('week', to_date(date, 'YYYY-MM-DD')), 'YYYY-MM-DD') COLLATE "C"`
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
	if !w.prefix(src, q.Source) || !w.prefix(dst, q.Target) {
		return emptyPage[store.RelationRow](), nil
	}
	w.dateRange(q.From, q.To)
	if q.Period != store.PeriodAll {
		// Only a full date has a period; to_date must not see another.
		w.add(`date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`)
	}
	period := periodExpr(q.Period)
	keys := src + `, ` + dst
	if q.Period != store.PeriodAll {
		keys = period + `, ` + keys // PostgreSQL refuses a constant ('') in GROUP BY
	}
	group := ` FROM event_groups ` + w.String() + ` GROUP BY ` + keys
	pageQuery := `SELECT ` + period + `, ` + src + `, ` + dst + `, count(*), sum(num_mentions),
		count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
		count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4), avg(goldstein),
		coalesce(avg(CASE WHEN tone_n > 0 THEN tone_sum / tone_n END), 0)` + group + `
		ORDER BY 1, 4 DESC, 2, 3 LIMIT ` + w.next() + ` OFFSET ` + w.next2()
	return list(ctx, db, "relations", "FROM (SELECT 1"+group+") g", w.args, pageQuery, q.Limit, q.Offset,
		func(rows pgx.Rows) (r store.RelationRow, err error) {
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
	if !valid(q.Actor) {
		return emptyPage[store.PartnerRow](), nil
	}
	src, dst := levelCols(q.Level)
	w := where{args: []any{q.Actor}, n: 1} // $1 is the actor on both sides
	w.dateRange(q.From, q.To)
	and := ""
	if len(w.conds) > 0 {
		and = " AND " + w.String()[len("WHERE "):]
	}
	sides := `FROM (
		SELECT ` + dst + ` AS partner, quad_class, goldstein FROM event_groups
			WHERE ` + src + ` = $1 AND target_code <> ''` + and + `
		UNION ALL
		SELECT ` + src + `, quad_class, goldstein FROM event_groups
			WHERE ` + dst + ` = $1 AND target_code <> ''` + and + `
	) e WHERE partner <> $1 GROUP BY partner`
	coop, conflict := `count(*) FILTER (WHERE quad_class IN (1, 2))`, `count(*) FILTER (WHERE quad_class IN (3, 4))`
	having, order := ` HAVING `+coop+` > 0`, `3 DESC, 4, 1`
	if q.Rank == store.RankConflict {
		having, order = ` HAVING `+conflict+` > 0`, `4 DESC, 3, 1`
	}
	sides += having
	pageQuery := `SELECT partner, count(*), ` + coop + `, ` + conflict + `, avg(goldstein) ` +
		sides + ` ORDER BY ` + order + ` LIMIT ` + w.next() + ` OFFSET ` + w.next2()
	return list(ctx, db, "partners", "FROM (SELECT 1 "+sides+") p", w.args, pageQuery, q.Limit, q.Offset,
		func(rows pgx.Rows) (p store.PartnerRow, err error) {
			err = rows.Scan(&p.Partner, &p.Events, &p.Cooperation, &p.Conflict, &p.Goldstein)
			return p, err
		})
}
