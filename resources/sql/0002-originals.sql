-- Attest project schema, version 2: what a fetched page said, kept as proof.
-- The bytes exactly as the server sent them (after transfer decoding), where they came
-- from, when, and their SHA-256, so a researcher can show what an article said on the day
-- it was imported even if the page changes later.

CREATE TABLE article_originals (
  article_id    INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  url           TEXT,
  final_url     TEXT,
  fetched_at    TEXT,
  http_status   INTEGER,
  content_type  TEXT,
  charset       TEXT,
  sha256        TEXT NOT NULL,
  bytes         BLOB NOT NULL
);

ALTER TABLE articles ADD COLUMN description TEXT;
