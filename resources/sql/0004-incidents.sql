-- Attest project schema, version 4: incidents as ACLED and UCDP record them.
-- An incident is an event articles report. Its date has a precision; its place is an entry
-- of the project's gazetteer (with the spellings articles use); its actors have roles; its
-- casualties are low / best / high estimates, NULL when unknown; and every field can be
-- backed or disputed by annotations, with the figure each source gave.

-- Event types and sub-types, editable, seeded with ACLED's six types and their sub-types.
CREATE TABLE event_types (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  event_type      TEXT NOT NULL,
  sub_event_type  TEXT NOT NULL,
  position        INTEGER NOT NULL DEFAULT 0,
  UNIQUE (event_type, sub_event_type)
);
INSERT INTO event_types (uuid, event_type, sub_event_type, position) VALUES
  (attest_uuid (), 'Battles', 'Armed clash', 1),
  (attest_uuid (), 'Battles', 'Government regains territory', 2),
  (attest_uuid (), 'Battles', 'Non-state actor overtakes territory', 3),
  (attest_uuid (), 'Explosions/Remote violence', 'Chemical weapon', 4),
  (attest_uuid (), 'Explosions/Remote violence', 'Air/drone strike', 5),
  (attest_uuid (), 'Explosions/Remote violence', 'Suicide bomb', 6),
  (attest_uuid (), 'Explosions/Remote violence', 'Shelling/artillery/missile attack', 7),
  (attest_uuid (), 'Explosions/Remote violence', 'Remote explosive/landmine/IED', 8),
  (attest_uuid (), 'Explosions/Remote violence', 'Grenade', 9),
  (attest_uuid (), 'Violence against civilians', 'Sexual violence', 10),
  (attest_uuid (), 'Violence against civilians', 'Attack', 11),
  (attest_uuid (), 'Violence against civilians', 'Abduction/forced disappearance', 12),
  (attest_uuid (), 'Protests', 'Peaceful protest', 13),
  (attest_uuid (), 'Protests', 'Protest with intervention', 14),
  (attest_uuid (), 'Protests', 'Excessive force against protesters', 15),
  (attest_uuid (), 'Riots', 'Violent demonstration', 16),
  (attest_uuid (), 'Riots', 'Mob violence', 17),
  (attest_uuid (), 'Strategic developments', 'Agreement', 18),
  (attest_uuid (), 'Strategic developments', 'Arrests', 19),
  (attest_uuid (), 'Strategic developments', 'Change to group/activity', 20),
  (attest_uuid (), 'Strategic developments', 'Disrupted weapons use', 21),
  (attest_uuid (), 'Strategic developments', 'Headquarters or base established', 22),
  (attest_uuid (), 'Strategic developments', 'Looting/property destruction', 23),
  (attest_uuid (), 'Strategic developments', 'Non-violent transfer of territory', 24),
  (attest_uuid (), 'Strategic developments', 'Other', 25);

-- The gazetteer: one row per place, whatever the articles call it.
CREATE TABLE places (
  id             INTEGER PRIMARY KEY,
  uuid           TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  admin1         TEXT,
  admin1_code    TEXT,            -- ISO 3166-2, e.g. IQ-SD
  admin2         TEXT,
  country        TEXT,
  country_code   TEXT,            -- ISO 3166-1 alpha-2, e.g. IQ
  latitude       REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude      REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  geo_precision  INTEGER CHECK (geo_precision IS NULL OR geo_precision IN (1, 2, 3)),
  created_at     TEXT NOT NULL
);
CREATE INDEX places_name ON places (name COLLATE NOCASE);

CREATE TABLE place_aliases (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE,
  place_id  INTEGER NOT NULL REFERENCES places (id) ON DELETE CASCADE,
  alias     TEXT NOT NULL,
  UNIQUE (place_id, alias)
);
CREATE INDEX place_aliases_alias ON place_aliases (alias COLLATE NOCASE);

-- The incident's own location columns (location, admin1, admin2, country, latitude,
-- longitude, geo_precision) keep what was chosen for it; place_id ties it to the gazetteer.
ALTER TABLE incidents ADD COLUMN place_id INTEGER REFERENCES places (id) ON DELETE SET NULL;
ALTER TABLE incidents ADD COLUMN location_as_reported TEXT;
ALTER TABLE incidents ADD COLUMN date_as_reported TEXT;
ALTER TABLE incidents ADD COLUMN fatalities_best INTEGER;
ALTER TABLE incidents ADD COLUMN injuries_best INTEGER;
ALTER TABLE incidents ADD COLUMN responsibility TEXT;
ALTER TABLE incidents ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
  CHECK (status IN ('draft', 'reviewed'));
ALTER TABLE incidents ADD COLUMN coder TEXT;
CREATE INDEX incidents_date ON incidents (date_start);

CREATE TABLE incident_actors (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  incident_id  INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  source_id    INTEGER REFERENCES sources (id) ON DELETE SET NULL,
  role         TEXT NOT NULL DEFAULT 'other'
               CHECK (role IN ('perpetrator', 'target', 'claimant', 'responder', 'other')),
  actor_type   TEXT,
  position     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_actors_incident ON incident_actors (incident_id, position);

-- Evidence for one field of the incident (NULL: the incident as a whole), and the figure the
-- source gave when the field is a count.
ALTER TABLE incident_links ADD COLUMN field TEXT
  CHECK (field IS NULL OR field IN ('date', 'place', 'event_type', 'actors', 'fatalities',
                                    'injuries', 'responsibility'));
ALTER TABLE incident_links ADD COLUMN figure_low INTEGER;
ALTER TABLE incident_links ADD COLUMN figure_high INTEGER;
CREATE INDEX incident_links_article ON incident_links (article_id);
