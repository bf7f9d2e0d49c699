"""What the scale benchmarks share: the generated projects, timing and peak memory.

The projects of 10,000 and 100,000 articles come from gen-project.py, merged into an empty
project with attest-cli. They are kept in a cache directory (ATTEST_BENCH_CACHE, else
<build>/tests/bench-cache) under a name made of the generator's hash, so the benchmarks of
one run share them. The merge benchmark, which meson runs first, always makes them anew
with the attest-cli being measured; the others reuse what is there (an older project is
migrated when opened, as a user's would be). ATTEST_BENCH_SIZES (default "10000,100000")
chooses the sizes.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, "gen-project.py")


def sizes():
    text = os.environ.get("ATTEST_BENCH_SIZES", "10000,100000")
    return [int(s) for s in text.split(",") if s.strip()]


def build_dir():
    return os.environ.get("ATTEST_BUILD_DIR", os.path.join(HERE, "..", "..", "build"))


def cli():
    path = os.environ.get("ATTEST_CLI") or os.path.join(build_dir(), "src", "cli", "attest-cli")
    if not os.access(path, os.X_OK):
        sys.exit(f"attest-cli not found at {path}: build first, or set ATTEST_CLI")
    return path


def helper(name):
    """A benchmark helper program built beside this file's meson target."""
    path = os.path.join(build_dir(), "tests", name)
    if not os.access(path, os.X_OK):
        sys.exit(f"{name} not found at {path}: build the benchmarks first")
    return path


def cache_dir():
    path = os.environ.get("ATTEST_BENCH_CACHE") or os.path.join(build_dir(), "tests",
                                                                 "bench-cache")
    os.makedirs(path, exist_ok=True)
    return path


def _file_key(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:10]


def run_measured(argv, stdin_data=None, stdout_path=None, env=None, cwd=None, timeout=None):
    """Runs argv and returns (wall seconds, peak RSS in MB, stdout text, CPU seconds).

    The peak RSS and the CPU time (user + system) are the child's own (wait4). On a machine
    shared with other work the CPU time is the steadier measure. With a timeout (seconds), a
    run that takes longer is killed and the wall time is None."""
    out_file = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin_data is not None else
                            subprocess.DEVNULL, stdout=out_file, stderr=subprocess.PIPE,
                            env=env, cwd=cwd)
    chunks = {"out": b"", "err": b""}

    def drain(name, pipe):
        chunks[name] = pipe.read()

    readers = [threading.Thread(target=drain, args=("err", proc.stderr))]
    if stdout_path is None:
        readers.append(threading.Thread(target=drain, args=("out", proc.stdout)))
    for t in readers:
        t.start()
    timer = None
    if timeout is not None:
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
    if stdin_data is not None:
        proc.stdin.write(stdin_data)
        proc.stdin.close()
    for t in readers:
        t.join()
    out, err = chunks["out"], chunks["err"]
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if stdout_path:
        out_file.close()
    if timer is not None:
        timer.cancel()
        if proc.returncode == -9 and wall >= timeout:
            return None, usage.ru_maxrss / 1024.0, out.decode(errors="replace"), None
    if proc.returncode != 0:
        sys.stderr.write(err.decode(errors="replace"))
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(map(str, argv))}")
    return (wall, usage.ru_maxrss / 1024.0, out.decode(errors="replace"),
            usage.ru_utime + usage.ru_stime)


def collection(n):
    """The generated JSON collection of n articles and its meta data (made once)."""
    base = os.path.join(cache_dir(), f"collection-{n}-{_file_key(GENERATOR)}")
    path, meta_path = base + ".json", base + "-meta.json"
    if not (os.path.exists(path) and os.path.exists(meta_path)):
        print(f"generating {n} articles…", flush=True)
        subprocess.run([sys.executable, GENERATOR, "--articles", str(n), "-o", path,
                        "--meta", meta_path], check=True)
    with open(meta_path, encoding="utf-8") as f:
        return path, json.load(f)


def project(n, fresh=False):
    """A project made by merging collection(n) into an empty one.

    Returns (project path, meta, merge (wall s, peak MB, CPU s) or None when cached)."""
    json_path, meta = collection(n)
    path = os.path.join(cache_dir(), f"project-{n}-{_file_key(GENERATOR)}.attest")
    if os.path.exists(path) and not fresh:
        return path, meta, None
    # The search benchmark's baseline database is made from the project: it goes with it.
    for suffix in ("", "-wal", "-shm", ".part", ".part-wal", ".part-shm", ".baseline.db"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    part = path + ".part"
    subprocess.run([cli(), "-p", part, "init"], check=True, stdout=subprocess.DEVNULL)
    wall, rss, _, cpu = run_measured([cli(), "-p", part, "merge", json_path])
    # A checkpoint folds the WAL in, so that the copy under the final name is whole.
    subprocess.run(["sqlite3", part, "PRAGMA wal_checkpoint(TRUNCATE);"], check=True,
                   stdout=subprocess.DEVNULL)
    os.replace(part, path)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(part + suffix):
            os.unlink(part + suffix)
    return path, meta, (wall, rss, cpu)


def need_sqlite3():
    if shutil.which("sqlite3") is None:
        sys.exit("the sqlite3 shell is not installed: no baseline (apt-get install sqlite3)")


def ratio_line(label, attest, base, target=None, unit="s"):
    ratio = attest / base if base > 0 else float("inf")
    verdict = ""
    if target is not None:
        verdict = f" (target <= {target}) " + ("OK" if ratio <= target else "MISSED")
    return (f"{label}: attest {attest:.3f} {unit}, baseline {base:.3f} {unit}, "
            f"ratio {ratio:.2f}{verdict}")
