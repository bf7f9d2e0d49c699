-- Attest project schema, version 1.
-- Every row has an integer id (for joins and FTS rowids) and a UUID that never changes
-- (for exports and merges). Times are ISO 8601 UTC strings. Offsets are Unicode code points.

CREATE TABLE project (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  uuid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);

CREATE TABLE source_kinds (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE,
  key       TEXT NOT NULL UNIQUE,
  label     TEXT NOT NULL,
  position  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL DEFAULT '',
  byline        TEXT,
  outlet        TEXT,
  url           TEXT,
  published     TEXT,
  language      TEXT,
  body          TEXT NOT NULL,
  content_hash  TEXT NOT NULL UNIQUE,
  imported_at   TEXT NOT NULL,
  origin        TEXT
);

CREATE TABLE sources (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL DEFAULT 'other' REFERENCES source_kinds (key) ON UPDATE CASCADE,
  role         TEXT,
  affiliation  TEXT,
  anonymous    INTEGER NOT NULL DEFAULT 0,
  is_group     INTEGER NOT NULL DEFAULT 0,
  notes        TEXT,
  created_at   TEXT NOT NULL,
  modified_at  TEXT NOT NULL
);
CREATE INDEX sources_name ON sources (name COLLATE NOCASE);

CREATE TABLE source_aliases (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  alias      TEXT NOT NULL,
  UNIQUE (source_id, alias)
);
CREATE INDEX source_aliases_alias ON source_aliases (alias COLLATE NOCASE);

CREATE TABLE annotations (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'claim', 'note')),
  start        INTEGER NOT NULL CHECK (start >= 0),
  "end"        INTEGER NOT NULL CHECK ("end" > start),
  exact        TEXT NOT NULL,
  prefix       TEXT NOT NULL DEFAULT '',
  suffix       TEXT NOT NULL DEFAULT '',
  speaker_id   INTEGER REFERENCES sources (id) ON DELETE SET NULL,
  comment      TEXT,
  coder        TEXT,
  created_at   TEXT NOT NULL,
  modified_at  TEXT NOT NULL
);
CREATE INDEX annotations_article ON annotations (article_id, start);
CREATE INDEX annotations_speaker ON annotations (speaker_id);

CREATE TABLE tags (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  parent_id    INTEGER REFERENCES tags (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  color        TEXT,
  description  TEXT,
  memo         TEXT,
  UNIQUE (parent_id, name)
);

CREATE TABLE annotation_tags (
  annotation_id  INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  tag_id         INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (annotation_id, tag_id)
);

CREATE TABLE source_tags (
  source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (source_id, tag_id)
);

CREATE TABLE incidents (
  id                 INTEGER PRIMARY KEY,
  uuid               TEXT NOT NULL UNIQUE,
  title              TEXT NOT NULL,
  date_start         TEXT,
  date_end           TEXT,
  date_precision     TEXT CHECK (date_precision IN ('day', 'week', 'month', 'year', 'unknown')),
  event_type         TEXT,
  sub_event_type     TEXT,
  actor1             TEXT,
  actor1_source_id   INTEGER REFERENCES sources (id) ON DELETE SET NULL,
  actor2             TEXT,
  actor2_source_id   INTEGER REFERENCES sources (id) ON DELETE SET NULL,
  location           TEXT,
  admin1             TEXT,
  admin2             TEXT,
  country            TEXT,
  latitude           REAL,
  longitude          REAL,
  geo_precision      INTEGER,
  fatalities_low     INTEGER,
  fatalities_high    INTEGER,
  injuries_low       INTEGER,
  injuries_high      INTEGER,
  description        TEXT,
  created_at         TEXT NOT NULL,
  modified_at        TEXT NOT NULL
);

CREATE TABLE incident_links (
  id             INTEGER PRIMARY KEY,
  uuid           TEXT NOT NULL UNIQUE,
  incident_id    INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  article_id     INTEGER REFERENCES articles (id) ON DELETE CASCADE,
  annotation_id  INTEGER REFERENCES annotations (id) ON DELETE CASCADE,
  relation       TEXT NOT NULL DEFAULT 'reports'
                 CHECK (relation IN ('reports', 'disputes', 'context')),
  CHECK ((article_id IS NULL) <> (annotation_id IS NULL))
);
CREATE INDEX incident_links_incident ON incident_links (incident_id);
CREATE INDEX incident_links_annotation ON incident_links (annotation_id);

CREATE TABLE collections (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  description  TEXT,
  created_at   TEXT NOT NULL
);

CREATE TABLE collection_articles (
  collection_id  INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
  article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (collection_id, article_id)
);

-- Full-text search: external content tables kept in sync by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, body,
  content = 'articles', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, body ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE VIRTUAL TABLE annotations_fts USING fts5 (
  exact, comment,
  content = 'annotations', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER annotations_fts_ai AFTER INSERT ON annotations BEGIN
  INSERT INTO annotations_fts (rowid, exact, comment) VALUES (new.id, new.exact, new.comment);
END;
CREATE TRIGGER annotations_fts_ad AFTER DELETE ON annotations BEGIN
  INSERT INTO annotations_fts (annotations_fts, rowid, exact, comment)
    VALUES ('delete', old.id, old.exact, old.comment);
END;
CREATE TRIGGER annotations_fts_au AFTER UPDATE OF exact, comment ON annotations BEGIN
  INSERT INTO annotations_fts (annotations_fts, rowid, exact, comment)
    VALUES ('delete', old.id, old.exact, old.comment);
  INSERT INTO annotations_fts (rowid, exact, comment) VALUES (new.id, new.exact, new.comment);
END;
