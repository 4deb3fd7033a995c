-- 0002: cross-article events. Every mention of the same date, source code,
-- target code, CAMEO code and place, in any article, is one event_groups row
-- with GDELT's NumMentions, NumSources and NumArticles; events rows are the
-- mentions and point to their group. Put keeps the counts; Open assigns the
-- groups of the events stored before this migration (see backfillGroups).
-- Like actor_totals, the counts are only ever added to: code that deletes
-- articles must subtract from them.

CREATE TABLE event_groups (
    id             INTEGER PRIMARY KEY,
    date           TEXT NOT NULL,
    source_code    TEXT NOT NULL,
    target_code    TEXT NOT NULL,
    cameo          TEXT NOT NULL,
    place          TEXT NOT NULL,     -- location name, '' when none
    place_country  TEXT NOT NULL,
    root           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    source_country TEXT NOT NULL,     -- actor's country, else its code
    target_country TEXT NOT NULL,     -- '' when the event has no target
    first_article  TEXT NOT NULL,
    num_mentions   INTEGER NOT NULL DEFAULT 0,
    num_articles   INTEGER NOT NULL DEFAULT 0,
    num_sources    INTEGER NOT NULL DEFAULT 0,
    tone_sum       REAL NOT NULL DEFAULT 0,   -- over the articles with a tone
    tone_n         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (date, source_code, target_code, cameo, place, place_country)
) STRICT;
CREATE INDEX event_groups_by_date ON event_groups (date, id);
CREATE INDEX event_groups_by_source_country ON event_groups (source_country, date);
CREATE INDEX event_groups_by_target_country ON event_groups (target_country, date);
CREATE INDEX event_groups_by_source ON event_groups (source_code, date);
CREATE INDEX event_groups_by_target ON event_groups (target_code, date);

-- The distinct outlets that reported each group, so that NumSources counts
-- each outlet once.
CREATE TABLE event_group_sources (
    grp    INTEGER NOT NULL REFERENCES event_groups (id),
    source TEXT NOT NULL,
    PRIMARY KEY (grp, source)
) STRICT, WITHOUT ROWID;

ALTER TABLE events ADD COLUMN grp INTEGER REFERENCES event_groups (id);
CREATE INDEX events_by_group ON events (grp, date, article_id, idx);
