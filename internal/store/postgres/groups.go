package postgres

import (
	"context"
	"fmt"
	"hash/fnv"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/store"
)

// groupKey is the key of a cross-article event: date, source code, target
// code, CAMEO code, place and place country.
type groupKey struct{ date, source, target, cameo, place, placeCountry string }

// lockID returns the advisory lock that guards the key's row: a 64-bit FNV
// hash of its fields. Two keys that share one only wait for each other.
func (k groupKey) lockID() int64 {
	h := fnv.New64a()
	for _, f := range []string{k.date, k.source, k.target, k.cameo, k.place, k.placeCountry} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return int64(h.Sum64())
}

// groupDelta is what one Put adds to a cross-article event. The fields that
// are not counts are those of its first mention in the batch, used only when
// the batch creates the event.
type groupDelta struct {
	key                                groupKey
	root, sourceCountry, targetCountry string
	firstArticle                       string
	quad                               int
	goldstein                          float64
	mentions, articles, toneN          int
	toneSum                            float64
	outlets                            []string // of the batch's articles, distinct
}

// groupDeltas are a batch's additions to the cross-article events, in the
// order the batch first mentions them.
type groupDeltas struct {
	m     map[groupKey]*groupDelta
	order []groupKey
}

// pendingEvent is an event row waiting for the ID of its cross-article
// event.
type pendingEvent struct {
	pk   int64
	idx  int
	args []any // article_id, date, source_code, target_code, cameo, quad_class, goldstein, data
	key  groupKey
}

// add counts the events of r and returns the key of each. r counts once per
// cross-article event as an article, with its tone and outlet.
func (g *groupDeltas) add(r *dyad.Result) []groupKey {
	keys := make([]groupKey, len(r.Events))
	var seen []groupKey
	for i := range r.Events {
		e := &r.Events[i]
		k := groupKey{date: clean(e.Date), source: clean(e.Source.Code), cameo: clean(e.CAMEO)}
		if e.Target != nil {
			k.target = clean(e.Target.Code)
		}
		if e.Location != nil {
			k.place, k.placeCountry = clean(e.Location.Name), clean(e.Location.Country)
		}
		keys[i] = k
		d := g.m[k]
		if d == nil {
			d = &groupDelta{key: k, root: clean(e.Root), quad: e.QuadClass, goldstein: e.Goldstein,
				sourceCountry: clean(store.ActorCountry(r, &e.Source)), targetCountry: clean(store.ActorCountry(r, e.Target)),
				firstArticle: clean(r.ID)}
			g.m[k] = d
			g.order = append(g.order, k)
		}
		d.mentions += 1 + len(e.Mentions)
		if !slices.Contains(seen, k) {
			seen = append(seen, k)
		}
	}
	src := clean(store.Outlet(r))
	for _, k := range seen {
		d := g.m[k]
		d.articles++
		if r.Tone != nil {
			d.toneSum += r.Tone.Tone
			d.toneN++
		}
		if !slices.Contains(d.outlets, src) {
			d.outlets = append(d.outlets, src)
		}
	}
	return keys
}

// flush adds the batch's deltas to event_groups and returns the ID of each
// cross-article event. Concurrent Puts that share events take the events'
// advisory locks in one global order first, so that they queue instead of
// deadlocking, and new events are inserted in the order the batch first
// mentions them, so that IDs follow the order of reporting.
func (g *groupDeltas) flush(ctx context.Context, tx pgx.Tx) (map[groupKey]int64, error) {
	ids := map[groupKey]int64{}
	if len(g.order) == 0 {
		return ids, nil
	}
	locks := make([]int64, 0, len(g.order))
	for _, k := range g.order {
		locks = append(locks, k.lockID())
	}
	slices.Sort(locks)
	var lb pgx.Batch
	for _, id := range slices.Compact(locks) {
		lb.Queue(`SELECT pg_advisory_xact_lock($1)`, id)
	}
	if err := tx.SendBatch(ctx, &lb).Close(); err != nil {
		return nil, fmt.Errorf("lock event groups: %w", err)
	}

	cols := make([][]string, 10)
	var quads, mentions []int
	var goldstein []float64
	for _, k := range g.order {
		d := g.m[k]
		for i, v := range []string{k.date, k.source, k.target, k.cameo, k.place, k.placeCountry,
			d.root, d.sourceCountry, d.targetCountry, d.firstArticle} {
			cols[i] = append(cols[i], v)
		}
		quads, goldstein, mentions = append(quads, d.quad), append(goldstein, d.goldstein), append(mentions, d.mentions)
	}
	rows, err := tx.Query(ctx, `INSERT INTO event_groups (date, source_code, target_code, cameo, place, place_country,
			root, source_country, target_country, first_article, quad_class, goldstein, num_mentions)
		SELECT date, source_code, target_code, cameo, place, place_country,
			root, source_country, target_country, first_article, quad_class, goldstein, num_mentions
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
			$9::text[], $10::text[], $11::int[], $12::float8[], $13::int[]) WITH ORDINALITY
			AS d(date, source_code, target_code, cameo, place, place_country, root, source_country, target_country,
				first_article, quad_class, goldstein, num_mentions, ord)
		ORDER BY ord
		ON CONFLICT (date, source_code, target_code, cameo, place, place_country)
		DO UPDATE SET num_mentions = event_groups.num_mentions + excluded.num_mentions
		RETURNING id, date, source_code, target_code, cameo, place, place_country`,
		cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8], cols[9], quads, goldstein, mentions)
	if err != nil {
		return nil, fmt.Errorf("group events: %w", err)
	}
	for rows.Next() {
		var id int64
		var k groupKey
		if err := rows.Scan(&id, &k.date, &k.source, &k.target, &k.cameo, &k.place, &k.placeCountry); err != nil {
			rows.Close()
			return nil, fmt.Errorf("group events: %w", err)
		}
		ids[k] = id
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("group events: %w", err)
	}
	if len(ids) != len(g.order) {
		return nil, fmt.Errorf("group events: %d groups returned for %d keys", len(ids), len(g.order))
	}
	return ids, g.count(ctx, tx, ids)
}

// count adds the batch's articles, outlets and tones to the events' counts;
// an outlet counts as a source only the first time it reports an event.
func (g *groupDeltas) count(ctx context.Context, tx pgx.Tx, ids map[groupKey]int64) error {
	var srcGroups []int64
	var srcNames []string
	for _, k := range g.order {
		for _, o := range g.m[k].outlets {
			srcGroups, srcNames = append(srcGroups, ids[k]), append(srcNames, o)
		}
	}
	rows, err := tx.Query(ctx, `INSERT INTO event_group_sources (grp, source)
		SELECT * FROM unnest($1::bigint[], $2::text[]) ORDER BY 1, 2
		ON CONFLICT DO NOTHING RETURNING grp`, srcGroups, srcNames)
	if err != nil {
		return fmt.Errorf("count event sources: %w", err)
	}
	newSources := map[int64]int{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("count event sources: %w", err)
		}
		newSources[id]++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("count event sources: %w", err)
	}
	var gid []int64
	var articles, sources, toneN []int
	var toneSum []float64
	for _, k := range g.order {
		d := g.m[k]
		gid = append(gid, ids[k])
		articles, sources, toneN = append(articles, d.articles), append(sources, newSources[ids[k]]), append(toneN, d.toneN)
		toneSum = append(toneSum, d.toneSum)
	}
	if _, err := tx.Exec(ctx, `UPDATE event_groups g SET num_articles = g.num_articles + d.articles,
			num_sources = g.num_sources + d.sources, tone_sum = g.tone_sum + d.tone_sum, tone_n = g.tone_n + d.tone_n
		FROM unnest($1::bigint[], $2::int[], $3::int[], $4::float8[], $5::int[]) AS d(id, articles, sources, tone_sum, tone_n)
		WHERE g.id = d.id`, gid, articles, sources, toneSum, toneN); err != nil {
		return fmt.Errorf("count event articles: %w", err)
	}
	return nil
}
