-- 0001: the first schema, the PostgreSQL twin of the SQLite store's
-- 0001_init.sql. Every table but the aggregates is filled by Put from one
-- dyad.Result; rows refer to their article by articles.pk and are deleted
-- with it. Text columns that lists sort or filter by prefix use the "C"
-- collation, so that order is by bytes (code points) as in SQLite and a
-- prefix filter is a plain range on the index.

-- Full-text search: the Snowball English stemmer with no stop words (a
-- search for "and" must find articles with "and", as in SQLite's FTS5), after
-- unaccent so that "Zurich" finds "Zürich".
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE TEXT SEARCH DICTIONARY dyad_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION dyad (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION dyad
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH public.unaccent, dyad_stem;

CREATE TABLE articles (
    pk       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id       text COLLATE "C" NOT NULL UNIQUE,
    hash     text COLLATE "C" NOT NULL UNIQUE,  -- hex SHA-256 of text: the idempotency key
    url      text NOT NULL,
    title    text NOT NULL,
    source   text NOT NULL,
    date     text COLLATE "C" NOT NULL,         -- YYYY-MM-DD, '' when unknown
    input    text NOT NULL,
    text     text NOT NULL,
    result   text NOT NULL,                     -- the whole dyad.Result as JSON
    n_events integer NOT NULL,
    n_quotes integer NOT NULL,
    n_actors integer NOT NULL,
    added    timestamptz NOT NULL DEFAULT now(),
    tsv      tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dyad', title), 'A') || to_tsvector('dyad', text)) STORED
);
CREATE INDEX articles_by_date ON articles (date DESC, id);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

-- Cross-article events, as in the SQLite store's 0002_cross_events.sql
-- (this store had not shipped before them, so they are part of its first
-- schema): every mention of the same date, source code, target code, CAMEO
-- code and place, in any article, is one event_groups row with GDELT's
-- NumMentions, NumSources and NumArticles; events rows are the mentions and
-- point to their group. Put keeps the counts, which are only ever added to.
CREATE TABLE event_groups (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    date           text COLLATE "C" NOT NULL,
    source_code    text COLLATE "C" NOT NULL,
    target_code    text COLLATE "C" NOT NULL,
    cameo          text COLLATE "C" NOT NULL,
    place          text COLLATE "C" NOT NULL,   -- location name, '' when none
    place_country  text COLLATE "C" NOT NULL,
    root           text NOT NULL,
    quad_class     integer NOT NULL,
    goldstein      double precision NOT NULL,
    source_country text COLLATE "C" NOT NULL,   -- actor's country, else its code
    target_country text COLLATE "C" NOT NULL,   -- '' when the event has no target
    first_article  text NOT NULL,
    num_mentions   integer NOT NULL DEFAULT 0,
    num_articles   integer NOT NULL DEFAULT 0,
    num_sources    integer NOT NULL DEFAULT 0,
    tone_sum       double precision NOT NULL DEFAULT 0, -- over the articles with a tone
    tone_n         integer NOT NULL DEFAULT 0,
    UNIQUE (date, source_code, target_code, cameo, place, place_country)
);
CREATE INDEX event_groups_by_date ON event_groups (date, id);
CREATE INDEX event_groups_by_source_country ON event_groups (source_country, date);
CREATE INDEX event_groups_by_target_country ON event_groups (target_country, date);
CREATE INDEX event_groups_by_source ON event_groups (source_code, date);
CREATE INDEX event_groups_by_target ON event_groups (target_code, date);

-- The distinct outlets that reported each group, so that NumSources counts
-- each outlet once.
CREATE TABLE event_group_sources (
    grp    bigint NOT NULL REFERENCES event_groups (id),
    source text NOT NULL,
    PRIMARY KEY (grp, source)
);

CREATE TABLE events (
    article     bigint NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    grp         bigint NOT NULL REFERENCES event_groups (id),
    idx         integer NOT NULL,               -- position in Result.Events
    article_id  text COLLATE "C" NOT NULL,
    date        text COLLATE "C" NOT NULL,
    source_code text COLLATE "C" NOT NULL,
    target_code text COLLATE "C" NOT NULL,      -- '' when the event has no target
    cameo       text COLLATE "C" NOT NULL,
    quad_class  integer NOT NULL,
    goldstein   double precision NOT NULL,
    data        text NOT NULL,                  -- the dyad.Event as JSON
    PRIMARY KEY (article, idx)
);
CREATE INDEX events_by_date ON events (date, article_id, idx);
CREATE INDEX events_by_source ON events (source_code, date);
CREATE INDEX events_by_target ON events (target_code, date);
CREATE INDEX events_by_cameo ON events (cameo, date);
CREATE INDEX events_by_group ON events (grp, date, article_id, idx);
CREATE INDEX events_by_article ON events (article_id, date, idx);

CREATE TABLE actors (
    article  bigint NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    idx      integer NOT NULL,                  -- position in Result.Actors
    actor    text NOT NULL,                     -- Actor.ID within the article
    code     text COLLATE "C" NOT NULL,
    name     text NOT NULL,
    country  text NOT NULL,
    sector   text NOT NULL,
    kind     text NOT NULL,
    role     text NOT NULL,
    mentions integer NOT NULL,
    PRIMARY KEY (article, idx)
);
CREATE INDEX actors_by_code ON actors (code);

-- Aggregates over all articles, kept up to date by Put so that the actor list
-- does not scan every mention. Put only adds articles; code that deletes
-- articles must subtract from these tables.
CREATE TABLE actor_totals (
    code             text COLLATE "C" PRIMARY KEY,
    articles         integer NOT NULL DEFAULT 0,
    mentions         integer NOT NULL DEFAULT 0,
    events_as_source integer NOT NULL DEFAULT 0,
    events_as_target integer NOT NULL DEFAULT 0
);
CREATE INDEX actor_totals_by_mentions ON actor_totals (mentions DESC, code);

CREATE TABLE actor_names (
    code     text COLLATE "C" NOT NULL,
    name     text COLLATE "C" NOT NULL,
    country  text COLLATE "C" NOT NULL,
    sector   text COLLATE "C" NOT NULL,
    kind     text COLLATE "C" NOT NULL,
    name_key text NOT NULL,                     -- name in lower case (Unicode), for search
    mentions integer NOT NULL,
    PRIMARY KEY (code, name, country, sector, kind)
);

CREATE TABLE quotes (
    pk           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article      bigint NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    idx          integer NOT NULL,              -- position in Result.Quotes
    article_id   text COLLATE "C" NOT NULL,
    start        integer NOT NULL,
    text         text NOT NULL,
    speaker      text NOT NULL,                 -- the words naming the speaker
    speaker_code text COLLATE "C" NOT NULL,
    data         text NOT NULL,                 -- the dyad.Quote as JSON
    tsv          tsvector GENERATED ALWAYS AS (to_tsvector('dyad', text || ' ' || speaker)) STORED,
    UNIQUE (article, idx)
);
CREATE INDEX quotes_in_order ON quotes (article_id, start, idx);
CREATE INDEX quotes_by_speaker ON quotes (speaker_code);
CREATE INDEX quotes_tsv ON quotes USING gin (tsv);

CREATE TABLE places (
    article bigint NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    idx     integer NOT NULL,                   -- position in Result.Places
    name    text NOT NULL,
    country text NOT NULL,
    lat     double precision NOT NULL,
    lon     double precision NOT NULL,
    PRIMARY KEY (article, idx)
);
CREATE INDEX places_by_name ON places (name, country);
