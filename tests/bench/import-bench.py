#!/usr/bin/env python3
"""Import benchmark: attest-cli against the sqlite3 shell on the same texts.

Generates N deterministic plain-text articles (about 4.8 kB each, 48 MB for 10,000) in a
temporary folder, then times, in the same run:
  baseline  the sqlite3 shell loading every file into a table with an FTS5 index
            (readfile() over fsdir(), one transaction), as DESIGN.md's target describes;
  attest    `attest-cli import FOLDER` into a new project.
Prints both times and the ratio attest / baseline (target: at most 2.0).

Usage: import-bench.py ATTEST_CLI [--articles N] [--repeat R]
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

WORDS = ("the of and to in a is that for on said officials attack village police "
         "government forces province residents according report killed wounded "
         "checkpoint militants spokesman minister security army health closure "
         "virus lockdown border talks ceasefire election protest court ruling").split()


def make_articles(folder, n):
    rng = random.Random(20261126)
    total = 0
    for i in range(n):
        paragraphs = []
        for _ in range(8):
            sentence_count = rng.randint(4, 7)
            sentences = []
            for _ in range(sentence_count):
                words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
                sentences.append(" ".join(words).capitalize() + ".")
            paragraphs.append(" ".join(sentences))
        text = f"Article {i}: {rng.choice(WORDS)} {rng.choice(WORDS)}\n\n" + "\n\n".join(paragraphs) + "\n"
        path = os.path.join(folder, f"{i // 1000:02d}", f"article-{i:05d}.txt")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
    return total


def timed(argv, **kwargs):
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)
    return time.perf_counter() - start


def baseline(folder, db):
    sql = f"""
PRAGMA journal_mode = WAL;
CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT);
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, content = 'articles',
  content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
BEGIN;
INSERT INTO articles (title, body)
  SELECT name, readfile (name) FROM fsdir ('{folder}') WHERE name LIKE '%.txt';
INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles;
COMMIT;
"""
    return timed(["sqlite3", db], input=sql.encode(), cwd=folder)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cli")
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()

    if shutil.which("sqlite3") is None:
        print("sqlite3 shell not installed: no baseline", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix="attest-import-bench-") as tmp:
        folder = os.path.join(tmp, "articles")
        size = make_articles(folder, args.articles)
        print(f"articles: {args.articles}, {size / 1e6:.1f} MB")

        best_base = best_attest = None
        for r in range(args.repeat):
            db = os.path.join(tmp, f"baseline-{r}.db")
            project = os.path.join(tmp, f"bench-{r}.attest")
            t_base = baseline(folder, db)
            subprocess.run([args.cli, "-p", project, "init"], check=True, stdout=subprocess.DEVNULL)
            t_attest = timed([args.cli, "-p", project, "import", folder])
            best_base = t_base if best_base is None else min(best_base, t_base)
            best_attest = t_attest if best_attest is None else min(best_attest, t_attest)
            print(f"run {r + 1}: sqlite3 shell {t_base:.2f} s, attest-cli import {t_attest:.2f} s")

        ratio = best_attest / best_base
        print(f"baseline (sqlite3 shell, FTS5): {best_base:.2f} s")
        print(f"attest-cli import:              {best_attest:.2f} s")
        print(f"ratio attest/baseline: {ratio:.2f} (target <= 2.0) {'OK' if ratio <= 2.0 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
