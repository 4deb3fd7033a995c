package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/store"
)

// groupStmts keep the cross-article events (event_groups) up to date.
type groupStmts struct {
	upsert, addArticle, addSource, setGroup *sql.Stmt
}

func prepareGroups(ctx context.Context, tx *sql.Tx) (*groupStmts, error) {
	var g groupStmts
	for _, s := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&g.upsert, `INSERT INTO event_groups (date, source_code, target_code, cameo, place, place_country,
				root, quad_class, goldstein, source_country, target_country, first_article, num_mentions)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (date, source_code, target_code, cameo, place, place_country)
			DO UPDATE SET num_mentions = num_mentions + excluded.num_mentions
			RETURNING id`},
		{&g.addArticle, `UPDATE event_groups SET num_articles = num_articles + 1, num_sources = num_sources + ?,
			tone_sum = tone_sum + ?, tone_n = tone_n + ? WHERE id = ?`},
		{&g.addSource, `INSERT INTO event_group_sources (grp, source) VALUES (?, ?) ON CONFLICT DO NOTHING`},
		{&g.setGroup, `UPDATE events SET grp = ? WHERE article = ? AND idx = ?`},
	} {
		st, err := tx.PrepareContext(ctx, s.query)
		if err != nil {
			g.close()
			return nil, fmt.Errorf("prepare: %w", err)
		}
		*s.dst = st
	}
	return &g, nil
}

func (g *groupStmts) close() {
	for _, s := range []*sql.Stmt{g.upsert, g.addArticle, g.addSource, g.setGroup} {
		if s != nil {
			s.Close()
		}
	}
}

// group adds the events of r to their cross-article events and returns the
// group ID of each event. It counts r once per group as an article and its
// outlet once per group as a source.
func (g *groupStmts) group(ctx context.Context, r *dyad.Result) ([]int64, error) {
	ids := make([]int64, len(r.Events))
	seen := map[int64]bool{}
	var order []int64
	for i := range r.Events {
		e := &r.Events[i]
		target, place, placeCountry := "", "", ""
		if e.Target != nil {
			target = e.Target.Code
		}
		if e.Location != nil {
			place, placeCountry = e.Location.Name, e.Location.Country
		}
		if err := g.upsert.QueryRowContext(ctx, e.Date, e.Source.Code, target, e.CAMEO, place, placeCountry,
			e.Root, e.QuadClass, e.Goldstein, store.ActorCountry(r, &e.Source), store.ActorCountry(r, e.Target), r.ID,
			1+len(e.Mentions)).Scan(&ids[i]); err != nil {
			return nil, fmt.Errorf("group event %s: %w", e.ID, err)
		}
		if !seen[ids[i]] {
			seen[ids[i]] = true
			order = append(order, ids[i])
		}
	}
	tone, toneN := 0.0, 0
	if r.Tone != nil {
		tone, toneN = r.Tone.Tone, 1
	}
	src := store.Outlet(r)
	for _, id := range order {
		// The outlet is new to the group when its row is inserted.
		res, err := g.addSource.ExecContext(ctx, id, src)
		if err != nil {
			return nil, fmt.Errorf("count source in event group %d: %w", id, err)
		}
		newSource, err := res.RowsAffected()
		if err != nil {
			return nil, fmt.Errorf("count source in event group %d: %w", id, err)
		}
		if _, err := g.addArticle.ExecContext(ctx, newSource, tone, toneN, id); err != nil {
			return nil, fmt.Errorf("count article in event group %d: %w", id, err)
		}
	}
	return ids, nil
}

// backfillGroups assigns the events stored before migration 0002 to their
// cross-article events, article by article in storage order, as Put would
// have. It does nothing when every event has a group.
func backfillGroups(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT pk, result FROM articles
		WHERE pk IN (SELECT article FROM events WHERE grp IS NULL) ORDER BY pk`)
	if err != nil {
		return fmt.Errorf("backfill event groups: %w", err)
	}
	type stored struct {
		pk     int64
		result string
	}
	var todo []stored
	for rows.Next() {
		var s stored
		if err := rows.Scan(&s.pk, &s.result); err != nil {
			rows.Close()
			return fmt.Errorf("backfill event groups: %w", err)
		}
		todo = append(todo, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("backfill event groups: %w", err)
	}
	if len(todo) == 0 {
		return nil
	}
	g, err := prepareGroups(ctx, tx)
	if err != nil {
		return fmt.Errorf("backfill event groups: %w", err)
	}
	defer g.close()
	for _, s := range todo {
		var r dyad.Result
		if err := json.Unmarshal([]byte(s.result), &r); err != nil {
			return fmt.Errorf("backfill event groups: article %d: decode result: %w", s.pk, err)
		}
		ids, err := g.group(ctx, &r)
		if err != nil {
			return fmt.Errorf("backfill event groups: article %s: %w", r.ID, err)
		}
		for i, id := range ids {
			if _, err := g.setGroup.ExecContext(ctx, id, s.pk, i); err != nil {
				return fmt.Errorf("backfill event groups: article %s: %w", r.ID, err)
			}
		}
	}
	return nil
}
