#!/usr/bin/env python3
"""Robustness of attest-cli against a full disk, read-only files and folders, and two
processes on one project at once (TAP).

  disk full    RLIMIT_FSIZE in the child (writes past the limit fail with EFBIG, as on a
               full disk; no root or mount needed): an import, a merge and an export each
               fail with a message that says so, do not claim to have done what they did not,
               and leave the project sound (integrity_check ok, every article whole, nothing
               of the failed batch or merge in it) and a previous export file untouched.
  read-only    a read-only project file, and a project in a read-only folder: writing fails
               with a message about it, reading (list, search, export to another folder)
               works. When the test runs as root (CI), the children drop to user nobody (and
               root's groups) so that file permissions apply to them; they run a copy of
               attest-cli in the test's folder, which nobody can reach wherever the build is.
  two at once  two imports of different folders, and of the same folder, into one project
               at the same time: both succeed and every article is there exactly once; a
               reader listing and searching while an import writes never fails; a writer
               that finds the project busy for longer than the 5 s busy timeout says so.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in tests/ for reliability.py
from reliability import CLI, finish, generate_collection, generate_texts, tap, texts_of

NOBODY = 65534
AS_ROOT = os.geteuid() == 0
NOBODY_CLI = CLI  # a copy that user nobody can run, set in main () when root


def attest(project, *args, fsize=None, as_nobody=False):
    def limits():
        if fsize is not None:
            # Ignored, SIGXFSZ does not kill: the write fails with EFBIG, like ENOSPC.
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if as_nobody and AS_ROOT:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
    cli = NOBODY_CLI if as_nobody and AS_ROOT else CLI
    return subprocess.run([cli, "-p", project, *args], capture_output=True, text=True,
                          preexec_fn=limits)


def soundness(project, texts=None):
    """Problems a user would notice in the project; [] when it is sound."""
    problems = []
    db = sqlite3.connect(project, timeout=10)
    try:
        result = db.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            problems.append(f"integrity_check: {result[:3]}")
        n = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        indexed = db.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
        if n != indexed:
            problems.append(f"{n} articles, {indexed} of them in the full-text index")
        for uuid, body, h in db.execute("SELECT uuid, body, content_hash FROM articles"):
            whole = hashlib.sha256(body.encode()).hexdigest() == h
            if not whole or (texts is not None and h not in texts):
                problems.append(f"article {uuid} is not whole")
    finally:
        db.close()
    return problems


def count(project, table="articles"):
    db = sqlite3.connect(project, timeout=10)
    try:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        db.close()


def checkpoint(project):
    db = sqlite3.connect(project)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def says_disk_full(message):
    m = message.lower()
    return any(w in m for w in ("full", "space", "too large", "disk", "write"))


def claims_done(proc, what):
    """attest-cli told the user it did what it did not: listed imported articles or 'Added'."""
    out = proc.stdout + proc.stderr
    if what == "import":
        return [line for line in proc.stdout.splitlines() if "\t" in line]
    return [line for line in out.splitlines() if line.startswith("Added")]


def test_disk_full(tmp, folder, texts):
    project = os.path.join(tmp, "full.attest")
    attest(project, "init")
    first = os.path.join(folder, "000")
    attest(project, "import", first)
    checkpoint(project)
    before = count(project)
    size = os.path.getsize(project)

    # The project may not grow, and its journal only a little: the disk is full.
    proc = attest(project, "import", folder, fsize=size)
    after = count(project)
    tap(proc.returncode != 0 and not proc.returncode < 0,
        "import on a full disk fails, and is not killed", f"exit {proc.returncode}")
    tap(says_disk_full(proc.stderr), "its message says the disk is full or could not be written",
        proc.stderr)
    problems = soundness(project, texts)
    tap(not problems, f"the project is sound after it ({before} → {after} articles)",
        "\n".join(problems))
    listed = claims_done(proc, "import")
    tap(len(listed) <= after - before,
        "it does not list as imported articles that are not in the project",
        f"{len(listed)} articles listed as imported (uuid and file), {after - before} added; "
        f"stderr: {proc.stderr.strip()[-200:]}")

    collection = os.path.join(tmp, "collection.json")
    generate_collection(collection, 300, 5)
    checkpoint(project)
    before = (count(project), count(project, "annotations"))
    # Room for a little journal only: the merge (300 articles) cannot fit.
    proc = attest(project, "merge", collection, fsize=256 * 1024)
    after = (count(project), count(project, "annotations"))
    tap(proc.returncode > 0 and says_disk_full(proc.stderr),
        "merge on a full disk fails with a message about it", proc.stderr)
    tap(before == after and not soundness(project),
        f"nothing of the merge is in the project ({before} → {after})")
    added = claims_done(proc, "merge")
    tap(not added, "the failed merge does not claim to have added anything",
        "\n".join(added + [proc.stderr.strip()]))

    export = os.path.join(tmp, "quotes.csv")
    proc = attest(project, "export", "--format", "csv", "-o", export)
    with open(export, "rb") as f:
        good = f.read()
    proc = attest(project, "export", "--format", "json", "-o", export, fsize=64 * 1024)
    tap(proc.returncode > 0 and says_disk_full(proc.stderr),
        "export to a full disk fails with a message about it", proc.stderr)
    with open(export, "rb") as f:
        tap(f.read() == good, "the previous export file is untouched")
    leftovers = [n for n in os.listdir(tmp) if n.startswith(".quotes.csv")]
    tap(not leftovers, "no unfinished temporary file is left beside it", leftovers)
    proc = attest(project, "stats")
    tap(proc.returncode == 0, "the project still opens", proc.stderr)


def readable_by_nobody(path):
    os.chmod(path, 0o755 if os.path.isdir(path) else 0o644)


def test_read_only(tmp, folder):
    one = os.path.join(folder, "000", "article-000000.txt")
    two = os.path.join(folder, "000", "article-000001.txt")
    out = os.path.join(tmp, "out")
    os.mkdir(out)
    os.chmod(out, 0o777)

    for case in ("read-only project file", "project in a read-only folder"):
        where = tempfile.mkdtemp(dir=tmp)
        project = os.path.join(where, "p.attest")
        attest(project, "init")
        attest(project, "import", one)
        checkpoint(project)
        before = count(project)
        if case.startswith("read-only project"):
            os.chmod(where, 0o777)
            os.chmod(project, 0o444)
        else:
            os.chmod(project, 0o666)
            os.chmod(where, 0o555)
        readable_by_nobody(tmp)
        for root, dirs, files in os.walk(folder):
            for d in dirs:
                readable_by_nobody(os.path.join(root, d))
            for f in files:
                readable_by_nobody(os.path.join(root, f))
        readable_by_nobody(folder)

        try:
            proc = attest(project, "import", two, as_nobody=True)
            m = proc.stderr.lower()
            tap(proc.returncode > 0 and ("read-only" in m or "readonly" in m)
                and not proc.stdout.strip(),
                f"{case}: an import fails, says the project is read-only, lists nothing",
                proc.stderr + proc.stdout)
            exported = os.path.join(out, f"{len(case)}.csv")
            for args in (["list", "articles"], ["search", "the"],
                         ["export", "--format", "csv", "-o", exported]):
                proc = attest(project, *args, as_nobody=True)
                shows = (os.path.getsize(exported) > 0 if args[0] == "export"
                         else proc.stdout.strip())
                tap(proc.returncode == 0 and shows, f"{case}: {args[0]} still works",
                    proc.stderr)
        finally:
            os.chmod(where, 0o755)
            os.chmod(project, 0o644)
        problems = soundness(project)
        tap(not problems and count(project) == before,
            f"{case}: the project is as it was ({before} → {count(project)} articles)",
            "\n".join(problems))


def test_two_at_once(tmp, folder_a, folder_b, texts):
    for label, a, b in (("different folders", folder_a, folder_b),
                        ("the same folder", folder_a, folder_a)):
        project = os.path.join(tmp, f"two-{len(label)}.attest")
        attest(project, "init")
        results = {}

        def run(name, folder):
            results[name] = attest(project, "import", folder)

        threads = [threading.Thread(target=run, args=(n, f)) for n, f in (("a", a), ("b", b))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        tap(all(p.returncode == 0 for p in results.values()),
            f"two imports of {label} at once both succeed",
            "\n".join(p.stderr[-300:] for p in results.values() if p.returncode))
        expected = {h for h, _ in texts[a].items()} | {h for h, _ in texts[b].items()}
        db = sqlite3.connect(project)
        hashes = [h for (h,) in db.execute("SELECT content_hash FROM articles")]
        db.close()
        problems = soundness(project)
        tap(sorted(hashes) == sorted(expected) and not problems,
            f"{label}: every article is there exactly once ({len(hashes)} of {len(expected)})",
            "\n".join(problems))

    # A reader while a writer imports.
    project = os.path.join(tmp, "reader.attest")
    attest(project, "init")
    writer = subprocess.Popen([CLI, "-p", project, "import", folder_a],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    failed, reads = [], 0
    while writer.poll() is None:
        for args in (["list", "articles"], ["search", "officials"], ["stats"]):
            proc = attest(project, *args)
            reads += 1
            if proc.returncode != 0:
                failed.append(f"{args[0]}: {proc.stderr.strip()}")
    tap(writer.wait() == 0 and not failed and reads > 0,
        f"{reads} reads while an import writes all succeed", "\n".join(failed[:5]))

    # A writer that holds the project longer than the busy timeout: the other says why.
    project = os.path.join(tmp, "busy.attest")
    attest(project, "init")
    holder = sqlite3.connect(project, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    start = time.perf_counter()
    proc = attest(project, "import", os.path.join(folder_b, "000", "article-000000.txt"))
    waited = time.perf_counter() - start
    holder.execute("ROLLBACK")
    holder.close()
    m = proc.stderr.lower()
    tap(proc.returncode > 0 and ("busy" in m or "locked" in m or "another" in m) and waited >= 4,
        f"an import that finds the project busy waits ({waited:.1f} s), then says why",
        proc.stderr)
    tap(not soundness(project), "and the project is sound")


def main():
    global NOBODY_CLI
    with tempfile.TemporaryDirectory(prefix="attest-robustness-") as tmp:
        if AS_ROOT:
            # The build may be where nobody cannot go (/root); attest-cli needs no file of it.
            os.mkdir(os.path.join(tmp, "bin"))
            NOBODY_CLI = shutil.copy(CLI, os.path.join(tmp, "bin", "attest-cli"))
            os.chmod(NOBODY_CLI, 0o755)
        folder_a = os.path.join(tmp, "a")
        folder_b = os.path.join(tmp, "b")
        generate_texts(folder_a, 2000, 21)
        generate_texts(folder_b, 1500, 22)
        texts = {folder_a: texts_of(folder_a), folder_b: texts_of(folder_b)}
        print("# disk full (RLIMIT_FSIZE)")
        test_disk_full(tmp, folder_a, texts[folder_a])
        print(f"# read-only{' (as user nobody)' if AS_ROOT else ''}")
        test_read_only(tmp, folder_b)
        print("# two processes at once")
        test_two_at_once(tmp, folder_a, folder_b, texts)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
