#!/usr/bin/env python3
"""Re-import benchmark: `attest-cli merge` of a big Attest JSON collection into an empty
project, against the sqlite3 shell loading the same document.

For each size (ATTEST_BENCH_SIZES, default 10,000 and 100,000 articles with 10 annotations
each, sources, tags, incidents; made by gen-project.py) it times, in the same run:
  baseline  the sqlite3 shell reading the JSON file with readfile() and json_each() into
            tables of the same shape (sources, tags, articles, annotations and their tags,
            incidents), then building the FTS5 indexes of articles and annotations, in one
            transaction: what a hand-written loader of the same data costs;
  attest    `attest-cli merge FILE` into a new project (it checks the whole document first,
            matches by UUID and keeps the FTS5 indexes in sync).
Prints both times, both peak memories and the ratio. DESIGN.md gives no number for a
merge; the import target (2x the shell) is the yardstick used here.

Usage: merge-bench.py   (environment from tests/meson.build: ATTEST_CLI, ATTEST_BUILD_DIR)

SPDX-License-Identifier: GPL-3.0-or-later
"""
import os
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

BASELINE_SQL = """
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE sources (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  kind TEXT, role TEXT, affiliation TEXT, anonymous INTEGER, is_group INTEGER, notes TEXT,
  created_at TEXT, modified_at TEXT);
CREATE TABLE source_aliases (id INTEGER PRIMARY KEY, source_id INTEGER, alias TEXT);
CREATE TABLE tags (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, parent_uuid TEXT,
  name TEXT, color TEXT, description TEXT, memo TEXT);
CREATE TABLE articles (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, title TEXT,
  byline TEXT, outlet TEXT, url TEXT, published TEXT, language TEXT, body TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE, imported_at TEXT, origin TEXT, description TEXT);
CREATE TABLE annotations (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
  article_id INTEGER NOT NULL, kind TEXT, start INTEGER, "end" INTEGER, exact TEXT,
  prefix TEXT, suffix TEXT, speaker_id INTEGER, comment TEXT, coder TEXT,
  claim_status TEXT, suggested INTEGER, created_at TEXT, modified_at TEXT);
CREATE INDEX annotations_article ON annotations (article_id, start);
CREATE TABLE annotation_tags (annotation_id INTEGER, tag_id INTEGER,
  PRIMARY KEY (annotation_id, tag_id)) WITHOUT ROWID;
CREATE TABLE incidents (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, body TEXT);
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, content = 'articles',
  content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE annotations_fts USING fts5 (exact, comment, content = 'annotations',
  content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
BEGIN;
INSERT INTO sources (uuid, name, kind, role, affiliation, anonymous, is_group, notes,
                     created_at, modified_at)
  SELECT value ->> 'uuid', value ->> 'name', value ->> 'kind', value ->> 'role',
         value ->> 'affiliation', value ->> 'anonymous', value ->> 'group', value ->> 'notes',
         value ->> 'created_at', value ->> 'modified_at'
  FROM json_each (readfile ('{path}'), '$.sources');
INSERT INTO source_aliases (source_id, alias)
  SELECT s.id, a.value FROM json_each (readfile ('{path}'), '$.sources') j,
         json_each (j.value, '$.aliases') a JOIN sources s ON s.uuid = j.value ->> 'uuid';
INSERT INTO tags (uuid, parent_uuid, name, color, description, memo)
  SELECT value ->> 'uuid', value ->> 'parent', value ->> 'name', value ->> 'color',
         value ->> 'description', value ->> 'memo'
  FROM json_each (readfile ('{path}'), '$.codebook');
INSERT INTO articles (uuid, title, byline, outlet, url, published, language, body,
                      content_hash, imported_at, origin, description)
  SELECT value ->> 'uuid', value ->> 'title', value ->> 'byline', value ->> 'outlet',
         value ->> 'url', value ->> 'published', value ->> 'language', value ->> 'text',
         value ->> 'content_hash', value ->> 'imported_at', value ->> 'origin',
         value ->> 'description'
  FROM json_each (readfile ('{path}'), '$.articles');
INSERT INTO annotations (uuid, article_id, kind, start, "end", exact, prefix, suffix,
                         speaker_id, comment, coder, claim_status, suggested, created_at,
                         modified_at)
  SELECT n.value ->> 'uuid', a.id, n.value ->> 'kind', n.value ->> 'start',
         n.value ->> 'end', n.value ->> 'exact', n.value ->> 'prefix', n.value ->> 'suffix',
         s.id, n.value ->> 'comment', n.value ->> 'coder', n.value ->> 'claim_status',
         n.value ->> 'suggested', n.value ->> 'created_at', n.value ->> 'modified_at'
  FROM json_each (readfile ('{path}'), '$.articles') j
       JOIN articles a ON a.uuid = j.value ->> 'uuid',
       json_each (j.value, '$.annotations') n
       LEFT JOIN sources s ON s.uuid = n.value ->> 'speaker';
INSERT INTO annotation_tags (annotation_id, tag_id)
  SELECT n.id, t.id
  FROM json_each (readfile ('{path}'), '$.articles') j, json_each (j.value, '$.annotations') jn,
       json_each (jn.value, '$.tags') jt
       JOIN annotations n ON n.uuid = jn.value ->> 'uuid' JOIN tags t ON t.uuid = jt.value;
INSERT INTO incidents (uuid, body)
  SELECT value ->> 'uuid', value FROM json_each (readfile ('{path}'), '$.incidents');
INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles;
INSERT INTO annotations_fts (rowid, exact, comment) SELECT id, exact, comment FROM annotations;
COMMIT;
SELECT count(*) FROM articles;
SELECT count(*) FROM annotations;
"""


def main():
    benchlib.need_sqlite3()
    cli = benchlib.cli()
    ok = True
    for n in benchlib.sizes():
        json_path, meta = benchlib.collection(n)
        size_mb = os.path.getsize(json_path) / 1e6
        print(f"\n== {meta['articles']} articles, {meta['annotations']} annotations, "
              f"{meta['sources']} sources, {meta['incidents']} incidents "
              f"({size_mb:.0f} MB of JSON)")
        with tempfile.TemporaryDirectory(prefix="attest-merge-bench-",
                                         dir=benchlib.cache_dir()) as tmp:
            db = os.path.join(tmp, "baseline.db")
            sql = BASELINE_SQL.format(path=json_path.replace("'", "''"))
            t_base, rss_base, out, cpu_base = benchlib.run_measured(["sqlite3", db],
                                                          stdin_data=sql.encode())
            counts = [int(x) for x in out.split()[-2:]]
            if counts != [meta["articles"], meta["annotations"]]:
                print(f"baseline loaded {counts}, expected "
                      f"{[meta['articles'], meta['annotations']]}")
                ok = False
            os.unlink(db)
        path, _, (t_attest, rss_attest, cpu_attest) = benchlib.project(n, fresh=True)
        print(f"sqlite3 shell (json_each + FTS5): {t_base:7.2f} s (CPU {cpu_base:7.2f} s), "
              f"peak {rss_base:7.0f} MB")
        print(f"attest-cli merge:                 {t_attest:7.2f} s (CPU {cpu_attest:7.2f} s), "
              f"peak {rss_attest:7.0f} MB")
        print(benchlib.ratio_line(f"merge {n}, wall", t_attest, t_base, target=2.0))
        print(benchlib.ratio_line(f"merge {n}, CPU", cpu_attest, cpu_base, target=2.0))
        print(f"memory ratio attest/baseline: {rss_attest / rss_base:.2f}; "
              f"attest MB per MB of JSON: {rss_attest / size_mb:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
