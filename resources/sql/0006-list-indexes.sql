-- Attest project schema, version 6: indexes that let the window's lists load without
-- reading the articles' bodies or the annotations' text.
--
-- The article list reads each article's id and modified_at; modified_at (added by 0005)
-- is stored after the body, so a scan of the table read every body: 480 MB for 100,000
-- articles. The index holds both, in id order.
CREATE INDEX articles_modified ON articles (id, modified_at);

-- Each source's row counts its quotes (by kind) and the articles it is quoted in; the
-- index answers both for a source without visiting the annotations.
CREATE INDEX annotations_speaker_kind ON annotations (speaker_id, kind, article_id);
