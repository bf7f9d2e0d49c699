#!/usr/bin/env python3
"""Crash safety: attest-cli killed with SIGKILL at random moments never damages a project
or an export (TAP).

A folder of generated articles (tests/bench/gen-project.py --text-dir) is imported, a
small collection is merged, and the project is exported, each killed with SIGKILL after a
random delay, for ROUNDS rounds in all (a fresh project every few rounds, so that kills
land in the middle of real writing). After every kill:
  - PRAGMA integrity_check says ok, and FTS5's own integrity-check of both indexes passes;
  - every article is whole or absent: its body is the text of one of the files (whose
    SHA-256 is its content hash), it has its row in the full-text index (docsize), and it
    is there once;
  - a merge is all or nothing: the collection's articles are all there or none is;
  - the export file is either the previous good export, byte for byte, or a complete new
    one (exports go to a temporary file renamed into place): never half a file.
At the end the project still opens, and a full import brings every article exactly once.

Environment: ATTEST_CLI (from tests/meson.build); ATTEST_CRASH_SEED repeats a run;
ATTEST_CRASH_ROUNDS (default 40).

SPDX-License-Identifier: GPL-3.0-or-later
"""
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in tests/ for reliability.py
from reliability import (CLI, FTS_CHECK, finish, generate_collection, generate_texts, tap,
                         texts_of)

N_ARTICLES = 2500
N_COLLECTION = 150
ROUNDS = int(os.environ.get("ATTEST_CRASH_ROUNDS", "40"))
SEED = int(os.environ.get("ATTEST_CRASH_SEED", str(int(time.time()))))


def cli(project, *args, check=True):
    proc = subprocess.run([CLI, "-p", project, *args], capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"attest-cli {' '.join(args)} failed ({proc.returncode}): "
                             f"{proc.stderr}")
    return proc


def run_killed(argv, delay):
    """Starts argv, SIGKILLs it after delay seconds (if still running); True if killed."""
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def calibrate(argv):
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def check_project(project, texts, collection_hashes=None):
    """Returns a list of problems a user would notice (empty when the project is sound)."""
    problems = []
    db = sqlite3.connect(project, isolation_level=None, timeout=10)
    try:
        result = db.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            problems.append(f"integrity_check: {result[:5]}")
        # The indexes use Attest's tokenizer, which Python's SQLite lacks: tests/fts-check.c.
        check = subprocess.run([FTS_CHECK, project], capture_output=True, text=True)
        if check.returncode != 0:
            problems.append(f"FTS5 integrity-check: {check.stdout.strip()} {check.stderr.strip()}")
        n_articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        n_indexed = db.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
        if n_articles != n_indexed:
            problems.append(f"{n_articles} articles but {n_indexed} in the full-text index")
        missing_fts = db.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                                 "(SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.id)"
                                 ).fetchone()[0]
        if missing_fts:
            problems.append(f"{missing_fts} articles without their full-text row")
        hashes = set()
        for uuid, body, content_hash in db.execute("SELECT uuid, body, content_hash FROM articles"):
            if hashlib.sha256(body.encode()).hexdigest() != content_hash:
                problems.append(f"article {uuid}: body does not match its hash")
            elif content_hash not in texts:
                problems.append(f"article {uuid}: body is not the text of any file "
                                f"({len(body)} characters)")
            if content_hash in hashes:
                problems.append(f"article {uuid} is there twice")
            hashes.add(content_hash)
        if collection_hashes:
            present = len(collection_hashes & hashes)
            if present not in (0, len(collection_hashes)):
                problems.append(f"merge half done: {present} of {len(collection_hashes)} "
                                "articles of the collection")
        orphans = db.execute("SELECT count(*) FROM annotations n WHERE NOT EXISTS "
                             "(SELECT 1 FROM articles a WHERE a.id = n.article_id)").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} annotations without their article")
    finally:
        db.close()
    return problems


def export_is_whole(path, good, fmt):
    """The file at path is the previous good export or a complete one."""
    with open(path, "rb") as f:
        data = f.read()
    if data == good:
        return True, "the previous export"
    if fmt == "json":
        try:
            new, old = json.loads(data), json.loads(good)
        except ValueError as e:
            return False, f"not JSON ({len(data)} bytes): {e}"
        new.pop("exported_at", None)
        old.pop("exported_at", None)
        return new == old, "a complete new export" if new == old else "a different document"
    return False, f"{len(data)} bytes, neither the previous export ({len(good)} bytes) nor equal"


def main():
    rng = random.Random(SEED)
    print(f"# seed {SEED} (ATTEST_CRASH_SEED={SEED} repeats this run), {ROUNDS} rounds")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="attest-crash-") as tmp:
        folder = os.path.join(tmp, "articles")
        generate_texts(folder, N_ARTICLES, 7)
        collection = os.path.join(tmp, "collection.json")
        generate_collection(collection, N_COLLECTION, 8)
        with open(collection, encoding="utf-8") as f:
            doc = json.load(f)
        collection_hashes = {a["content_hash"] for a in doc["articles"]}
        texts = texts_of(folder)
        texts.update({a["content_hash"]: a["text"] for a in doc["articles"]})
        print(f"# {len(texts)} distinct texts")

        project = os.path.join(tmp, "project.attest")
        scratch = os.path.join(tmp, "scratch.attest")
        cli(scratch, "init")
        t_import = calibrate([CLI, "-p", scratch, "import", folder])
        # The second import of the same folder finds only duplicates: much quicker, and the
        # import every second round is such a one (after a killed first, a little slower).
        t_reimport = calibrate([CLI, "-p", scratch, "import", folder])
        t_merge = calibrate([CLI, "-p", scratch, "merge", collection])
        export_path = os.path.join(tmp, "export.json")
        csv_path = os.path.join(tmp, "export.csv")
        t_export = calibrate([CLI, "-p", scratch, "export", "--format", "json", "-o", export_path])
        print(f"# full runs: import {t_import:.2f} s, again {t_reimport:.2f} s, "
              f"merge {t_merge:.2f} s, "
              f"export {t_export:.2f} s")

        def fresh():
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(project + suffix):
                    os.unlink(project + suffix)
            cli(project, "init")

        fresh()
        good = {}
        kills = {"import": 0, "merge": 0, "export": 0}
        for r in range(ROUNDS):
            what = ("import", "import", "merge", "export")[r % 4]
            if what == "import" and r % 4 == 0 and r > 0:
                fresh()
            if what == "import":
                # Kills land anywhere in the run, but before its end: a round whose process
                # finished first checks nothing about a kill.
                full = t_import if r % 4 == 0 else t_reimport
                delay = rng.uniform(0.01, full * 0.9)
                killed = run_killed([CLI, "-p", project, "import", folder], delay)
                problems = check_project(project, texts, collection_hashes)
            elif what == "merge":
                delay = rng.uniform(0.01, t_merge * 0.9)
                killed = run_killed([CLI, "-p", project, "merge", collection], delay)
                problems = check_project(project, texts, collection_hashes)
            else:
                fmt = rng.choice(("json", "csv"))
                path = export_path if fmt == "json" else csv_path
                args = ["--format", fmt] + (["--table", "annotations"] if fmt == "csv" else [])
                # The good export of the project as it is now; the killed one replaces it.
                cli(project, "export", *args, "-o", path)
                with open(path, "rb") as f:
                    good[fmt] = f.read()
                delay = rng.uniform(0.005, max(0.05, t_export * 0.9))
                killed = run_killed([CLI, "-p", project, "export", *args, "-o", path], delay)
                whole, how = export_is_whole(path, good[fmt], fmt)
                problems = [] if whole else [f"{path}: {how}"]
                problems += check_project(project, texts, collection_hashes)
            kills[what] += killed
            tap(not problems, f"round {r + 1}: {what} {'killed' if killed else 'finished'} "
                f"after {delay * 1000:.0f} ms; project sound", "\n".join(problems))

        print(f"# kills that landed: {kills}")
        leftovers = [n for n in os.listdir(tmp) if n.endswith(".part")]
        print(f"# unfinished exports left beside the file (hidden .part): {len(leftovers)}")
        tap(sum(kills.values()) >= ROUNDS // 2,
            f"most rounds really killed a running process ({sum(kills.values())} of {ROUNDS})")

        # The project still opens and takes the rest of the import.
        proc = cli(project, "stats", check=False)
        tap(proc.returncode == 0, "the project still opens", proc.stderr)
        proc = cli(project, "import", folder, check=False)
        tap(proc.returncode == 0, "a full import after the kills succeeds", proc.stderr)
        problems = check_project(project, texts, collection_hashes)
        db = sqlite3.connect(project)
        hashes = {h for (h,) in db.execute("SELECT content_hash FROM articles")}
        db.close()
        folder_hashes = set(texts) - collection_hashes
        problems += [f"{len(folder_hashes - hashes)} articles of the folder missing"] \
            if folder_hashes - hashes else []
        tap(not problems, f"every one of the {len(folder_hashes)} articles is there exactly "
            "once, the project sound", "\n".join(problems))
    elapsed = time.perf_counter() - started
    print(f"# {elapsed:.1f} s")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
