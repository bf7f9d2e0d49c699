-- Attest project schema, version 5: when an article's details were last corrected, so that
-- lists showing them know which rows to redraw (undo restores it with the row).
ALTER TABLE articles ADD COLUMN modified_at TEXT;
