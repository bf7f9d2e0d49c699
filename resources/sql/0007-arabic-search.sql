-- Arabic search: the full-text tables use the "attest" tokenizer (src/core/attest-fts.c),
-- unicode61 remove_diacritics 2 with harakat kept inside words and then folded: harakat and
-- tatweel dropped, أ إ آ ٱ as ا, ى as ي, ة as ه, Arabic-Indic digits as 0-9. unicode61
-- split كَتَبَ into ك ت ب, so a search for كتب found nothing.
-- The triggers of 0001 keep both tables in sync as before; only the index is rebuilt.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, body,
  content = 'articles', content_rowid = 'id',
  tokenize = 'attest'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

DROP TABLE annotations_fts;
CREATE VIRTUAL TABLE annotations_fts USING fts5 (
  exact, comment,
  content = 'annotations', content_rowid = 'id',
  tokenize = 'attest'
);
INSERT INTO annotations_fts (annotations_fts) VALUES ('rebuild');
