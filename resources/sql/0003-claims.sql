-- Attest project schema, version 3: the state of a claim, and where an annotation came from.

-- Whether what a claim or quote asserts has been checked: NULL until someone looks.
ALTER TABLE annotations ADD COLUMN claim_status TEXT
  CHECK (claim_status IN ('unverified', 'corroborated', 'disputed', 'false'));

-- 1 when the annotation began as a suggestion that a researcher accepted.
ALTER TABLE annotations ADD COLUMN suggested INTEGER NOT NULL DEFAULT 0;

CREATE INDEX annotation_tags_tag ON annotation_tags (tag_id);
CREATE INDEX source_tags_tag ON source_tags (tag_id);
CREATE INDEX tags_parent ON tags (parent_id);
