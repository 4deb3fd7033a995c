-- 0001: the first schema. Every table but the aggregates is filled by Put
-- from one dyad.Result; rows refer to their article by articles.pk and are
-- deleted with it.

CREATE TABLE articles (
    pk       INTEGER PRIMARY KEY,
    id       TEXT NOT NULL UNIQUE,
    hash     TEXT NOT NULL UNIQUE,  -- hex SHA-256 of text: the idempotency key
    url      TEXT NOT NULL,
    title    TEXT NOT NULL,
    source   TEXT NOT NULL,
    date     TEXT NOT NULL,         -- YYYY-MM-DD, '' when unknown
    input    TEXT NOT NULL,
    text     TEXT NOT NULL,
    result   TEXT NOT NULL,         -- the whole dyad.Result as JSON
    n_events INTEGER NOT NULL,
    n_quotes INTEGER NOT NULL,
    n_actors INTEGER NOT NULL
) STRICT;
CREATE INDEX articles_by_date ON articles (date DESC, id);

CREATE TABLE events (
    article     INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,   -- position in Result.Events
    article_id  TEXT NOT NULL,
    date        TEXT NOT NULL,
    source_code TEXT NOT NULL,
    target_code TEXT NOT NULL,      -- '' when the event has no target
    cameo       TEXT NOT NULL,
    quad_class  INTEGER NOT NULL,
    goldstein   REAL NOT NULL,
    data        TEXT NOT NULL,      -- the dyad.Event as JSON
    PRIMARY KEY (article, idx)
) STRICT;
CREATE INDEX events_by_date ON events (date, article_id, idx);
CREATE INDEX events_by_source ON events (source_code, date);
CREATE INDEX events_by_target ON events (target_code, date);
CREATE INDEX events_by_cameo ON events (cameo, date);

CREATE TABLE actors (
    article  INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,      -- position in Result.Actors
    actor    TEXT NOT NULL,         -- Actor.ID within the article
    code     TEXT NOT NULL,
    name     TEXT NOT NULL,
    country  TEXT NOT NULL,
    sector   TEXT NOT NULL,
    kind     TEXT NOT NULL,
    role     TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article, idx)
) STRICT;
CREATE INDEX actors_by_code ON actors (code);

-- Aggregates over all articles, kept up to date by Put so that the actor list
-- does not scan every mention. Put only adds articles; code that deletes
-- articles must subtract from these tables.
CREATE TABLE actor_totals (
    code             TEXT PRIMARY KEY,
    articles         INTEGER NOT NULL DEFAULT 0,
    mentions         INTEGER NOT NULL DEFAULT 0,
    events_as_source INTEGER NOT NULL DEFAULT 0,
    events_as_target INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX actor_totals_by_mentions ON actor_totals (mentions DESC, code);

CREATE TABLE actor_names (
    code     TEXT NOT NULL,
    name     TEXT NOT NULL,
    country  TEXT NOT NULL,
    sector   TEXT NOT NULL,
    kind     TEXT NOT NULL,
    name_key TEXT NOT NULL,         -- name in lower case (Unicode), for search
    mentions INTEGER NOT NULL,
    PRIMARY KEY (code, name, country, sector, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE quotes (
    pk           INTEGER PRIMARY KEY,
    article      INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,  -- position in Result.Quotes
    article_id   TEXT NOT NULL,
    start        INTEGER NOT NULL,
    text         TEXT NOT NULL,
    speaker      TEXT NOT NULL,     -- the words naming the speaker
    speaker_code TEXT NOT NULL,
    data         TEXT NOT NULL,     -- the dyad.Quote as JSON
    UNIQUE (article, idx)
) STRICT;
CREATE INDEX quotes_in_order ON quotes (article_id, start, idx);
CREATE INDEX quotes_by_speaker ON quotes (speaker_code);

CREATE TABLE places (
    article INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,       -- position in Result.Places
    name    TEXT NOT NULL,
    country TEXT NOT NULL,
    lat     REAL NOT NULL,
    lon     REAL NOT NULL,
    PRIMARY KEY (article, idx)
) STRICT;
CREATE INDEX places_by_name ON places (name, country);

-- Full-text indexes over external content. Put fills them with one
-- INSERT ... SELECT per batch rather than a trigger per row: FTS5 flushes its
-- pending terms to a new segment at every statement savepoint, so a trigger
-- would write one tiny segment per article. Deletes and updates keep them in
-- step through triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'pk',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.pk, new.title, new.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, speaker,
    content = 'quotes', content_rowid = 'pk',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.pk, old.text, old.speaker);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.pk, old.text, old.speaker);
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.pk, new.text, new.speaker);
END;
