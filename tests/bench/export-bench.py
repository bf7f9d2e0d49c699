#!/usr/bin/env python3
"""Export benchmark: `attest-cli export` of big projects to JSON and CSV, against the sqlite3
shell dumping the same tables, with the peak memory of both.

For each size (ATTEST_BENCH_SIZES, default 10,000 articles = 100,000 annotations, and
100,000 articles = 1,000,000 annotations) it times, in the same run:
  json          `attest-cli export --format json`: the whole project in one document.
                Baseline: the shell writing one JSON object per article with its text and
                annotations (json_object / json_group_array), and the sources, to a file.
  csv annotations, csv quotes
                `attest-cli export --format csv --table annotations|quotes`. Baseline: the
                shell in .mode csv writing the same rows and columns (annotation, article,
                speaker, tag names, incidents) to a file.
Target (DESIGN.md): 100,000 annotations exported in under 3 s, memory flat: the peak RSS
must not grow with the project (the 100,000-article project's export may use at most
1.5x the memory of the 10,000-article one, while it writes ten times as much).

SPDX-License-Identifier: GPL-3.0-or-later
"""
import os
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

TARGET_S = 3.0
FLAT_FACTOR = 1.5
# An export slower than this is stopped and reported as such (ATTEST_BENCH_EXPORT_TIMEOUT).
TIMEOUT_S = float(os.environ.get("ATTEST_BENCH_EXPORT_TIMEOUT", "600"))

TAGS = ("(SELECT group_concat (t.name, '; ') FROM annotation_tags x JOIN tags t "
        "ON t.id = x.tag_id WHERE x.annotation_id = n.id)")
INCIDENTS = ("(SELECT group_concat (i.uuid, '; ') FROM incident_links l JOIN incidents i "
             "ON i.id = l.incident_id WHERE l.annotation_id = n.id)")

BASELINES = {
    "json": """
.mode list
.headers off
.once '{out}'
SELECT json_object ('uuid', s.uuid, 'name', s.name, 'kind', s.kind, 'role', s.role,
  'affiliation', s.affiliation, 'aliases', (SELECT json_group_array (alias)
  FROM source_aliases x WHERE x.source_id = s.id)) FROM sources s
UNION ALL
SELECT json_object ('uuid', a.uuid, 'title', a.title, 'byline', a.byline, 'outlet', a.outlet,
  'url', a.url, 'published', a.published, 'language', a.language, 'content_hash',
  a.content_hash, 'text', a.body, 'annotations', (SELECT json_group_array (json_object (
    'uuid', n.uuid, 'kind', n.kind, 'start', n.start, 'end', n."end", 'exact', n.exact,
    'prefix', n.prefix, 'suffix', n.suffix, 'speaker', (SELECT uuid FROM sources
    WHERE id = n.speaker_id), 'comment', n.comment, 'coder', n.coder,
    'tags', (SELECT json_group_array (t.uuid) FROM annotation_tags x JOIN tags t
             ON t.id = x.tag_id WHERE x.annotation_id = n.id)))
  FROM annotations n WHERE n.article_id = a.id)) FROM articles a;
""",
    "csv annotations": f"""
.mode csv
.headers on
.once '{{out}}'
SELECT n.uuid AS annotation_uuid, a.uuid AS article_uuid, a.title, a.outlet, a.published,
  n.kind, n.start, n."end", n.exact, n.prefix, n.suffix, s.uuid AS speaker_uuid, s.name,
  s.kind, {TAGS} AS tags, {INCIDENTS} AS incident_uuids, n.comment, n.coder,
  n.created_at, n.modified_at
FROM annotations n JOIN articles a ON a.id = n.article_id
LEFT JOIN sources s ON s.id = n.speaker_id ORDER BY a.id, n.id;
""",
    "csv quotes": f"""
.mode csv
.headers on
.once '{{out}}'
SELECT n.uuid AS quote_uuid, a.uuid AS article_uuid, a.title, a.outlet, a.published,
  n.exact, n.kind, s.uuid AS speaker_uuid, s.name, s.kind, s.role, s.affiliation,
  {TAGS} AS tags, {INCIDENTS} AS incident_uuids, n.start, n."end", n.comment, n.coder
FROM annotations n JOIN articles a ON a.id = n.article_id
LEFT JOIN sources s ON s.id = n.speaker_id
WHERE n.kind IN ('direct', 'indirect') ORDER BY a.id, n.id;
""",
}

ATTEST_ARGS = {
    "json": ["--format", "json"],
    "csv annotations": ["--format", "csv", "--table", "annotations"],
    "csv quotes": ["--format", "csv", "--table", "quotes"],
}


def main():
    benchlib.need_sqlite3()
    cli = benchlib.cli()
    results = {}
    failures = []
    for n in benchlib.sizes():
        project, meta, _ = benchlib.project(n)
        print(f"\n== {meta['articles']} articles, {meta['annotations']} annotations")
        with tempfile.TemporaryDirectory(prefix="attest-export-bench-",
                                         dir=benchlib.cache_dir()) as tmp:
            for kind in ATTEST_ARGS:
                out = os.path.join(tmp, "attest." + kind.split()[0])
                base_out = os.path.join(tmp, "baseline." + kind.split()[0])
                t_base, rss_base, _, cpu_base = benchlib.run_measured(
                    ["sqlite3", "-readonly", project],
                    stdin_data=BASELINES[kind].format(out=base_out).encode())
                t_attest, rss_attest, _, cpu_attest = benchlib.run_measured(
                    [cli, "-p", project, "export", *ATTEST_ARGS[kind], "-o", out],
                    timeout=TIMEOUT_S)
                results[(n, kind)] = (t_attest, rss_attest)
                if t_attest is None:
                    failures.append(f"{kind} of {n}: not done after {TIMEOUT_S:.0f} s")
                    print(f"{kind:<16} attest stopped after {TIMEOUT_S:.0f} s (peak "
                          f"{rss_attest:.0f} MB so far) | shell {t_base:6.2f} s, peak "
                          f"{rss_base:6.0f} MB | ratio > {TIMEOUT_S / t_base:.0f} | MISSED")
                    os.unlink(base_out)
                    continue
                size, base_size = os.path.getsize(out) / 1e6, os.path.getsize(base_out) / 1e6
                per_100k = t_attest * 100000 / meta["annotations"]
                ok = per_100k < TARGET_S
                if not ok:
                    failures.append(f"{kind} of {n}: {per_100k:.2f} s per 100,000 annotations")
                print(f"{kind:<16} attest {t_attest:6.2f} s (CPU {cpu_attest:6.2f}), peak "
                      f"{rss_attest:5.0f} MB, {size:5.0f} MB | shell {t_base:6.2f} s (CPU "
                      f"{cpu_base:6.2f}), peak {rss_base:5.0f} MB, {base_size:5.0f} MB | ratio "
                      f"{t_attest / t_base:4.2f} (CPU {cpu_attest / cpu_base:4.2f}) | "
                      f"{per_100k:.2f} s per 100,000 annotations (target < {TARGET_S} s) "
                      f"{'OK' if ok else 'MISSED'}")
                os.unlink(out)
                os.unlink(base_out)

    sizes = benchlib.sizes()
    if len(sizes) >= 2:
        small, big = sizes[0], sizes[-1]
        print(f"\nmemory flatness, {small} → {big} articles (at most {FLAT_FACTOR}x):")
        for kind in ATTEST_ARGS:
            a, b = results[(small, kind)][1], results[(big, kind)][1]
            ok = b <= a * FLAT_FACTOR
            if not ok:
                failures.append(f"{kind}: memory {a:.0f} → {b:.0f} MB")
            print(f"  {kind:<16} {a:6.0f} MB → {b:6.0f} MB ({b / a:.2f}x) "
                  f"{'OK' if ok else 'MISSED'}")
    print()
    for f in failures:
        print(f"MISSED: {f}")
    if not failures:
        print("all export targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
