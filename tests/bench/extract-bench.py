#!/usr/bin/env python3
"""Benchmark of Attest's HTML main-text extraction against Readability.js.

Usage:
  extract-bench.py [--cli PATH] [--shared DIR] [--node-path DIR] [--corpus DIR]

Scores `attest-cli extract FILE` on the extraction-dev corpus with the shared
extract-score tool (F1, precision, recall), measures Attest's extraction time per
page, runs Readability.js 0.6 with jsdom 24 on the same pages (readability-baseline.js,
timed inside Node, start-up excluded) and prints both with the speed ratio.

Attest's time per page comes from `attest-cli extract --time FILE`, which runs the
extraction in process and prints milliseconds. When the CLI has no --time option, the
wall time of one `attest-cli extract FILE` minus that of an almost empty page (process
start-up) is used instead, best of a few runs.

Defaults come from the environment meson's test_env sets: ATTEST_CLI, ATTEST_SHARED_DIR;
NODE_PATH (or --node-path) tells Node where jsdom and @mozilla/readability are installed,
else tests/bench/node_modules. Without node or those packages the baseline is skipped
with a note and Attest's numbers are printed alone: the benchmark does not fail because
npm is unreachable. Exit status is 1 only when attest-cli cannot be run.

Targets (DESIGN.md): F1 >= 0.96, and 10x faster than Readability.js.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SUMMARY = re.compile(r"precision ([0-9.]+) recall ([0-9.]+) f1 ([0-9.]+) "
                     r"\((\d+) pages, (\d+) failed")
TINY_PAGE = b"<html><body><p>Startup.</p></body></html>"


def pages_of(corpus):
    return sorted(os.path.join(corpus, d, "source.html") for d in os.listdir(corpus)
                  if os.path.exists(os.path.join(corpus, d, "source.html")))


def score(scorer, corpus, cmd):
    """Runs extract-score and returns (precision, recall, f1, pages, failed) or None."""
    proc = subprocess.run([sys.executable, scorer, "--corpus", corpus, "--cmd", cmd,
                           "--show-worst", "0"], capture_output=True, text=True)
    lines = proc.stdout.strip().splitlines()
    match = SUMMARY.search(lines[-1]) if lines else None
    if proc.returncode != 0 or match is None:
        sys.stderr.write(proc.stdout + proc.stderr)
        return None
    p, r, f, n, failed = match.groups()
    return float(p), float(r), float(f), int(n), int(failed)


def wall_time(argv, runs):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def attest_ms_per_page(cli, pages):
    """Mean milliseconds per page, and how they were measured."""
    probe = subprocess.run([cli, "extract", "--time", pages[0]], capture_output=True, text=True)
    try:
        float(probe.stdout.strip().splitlines()[-1])
        in_process = probe.returncode == 0
    except (ValueError, IndexError):
        in_process = False

    if in_process:
        total = 0.0
        for page in pages:
            out = subprocess.run([cli, "extract", "--time", page], capture_output=True,
                                 text=True).stdout.strip().splitlines()
            total += float(out[-1])
        return total / len(pages), "in process (attest-cli extract --time)"

    with tempfile.TemporaryDirectory() as tmp:
        tiny = os.path.join(tmp, "tiny.html")
        with open(tiny, "wb") as f:
            f.write(TINY_PAGE)
        startup = wall_time([cli, "extract", tiny], 5)
        total = 0.0
        for page in pages:
            total += max(0.0, wall_time([cli, "extract", page], 3) - startup)
    return 1000.0 * total / len(pages), "process time minus start-up (%.1f ms)" % (1000 * startup)


def readability(args, scorer, corpus):
    """Runs the baseline; returns (score, ms_per_page, versions) or a reason string."""
    node = shutil.which("node")
    if node is None:
        return "node is not installed"
    env = dict(os.environ)
    node_path = args.node_path or env.get("NODE_PATH") or os.path.join(HERE, "node_modules")
    env["NODE_PATH"] = node_path
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.run([node, os.path.join(HERE, "readability-baseline.js"), corpus, out],
                              capture_output=True, text=True, env=env)
        if proc.returncode != 0:
            reason = (proc.stderr.strip().splitlines() or ["exit status %d" % proc.returncode])[0]
            return reason + " (NODE_PATH=%s)" % node_path
        summary = json.loads(proc.stdout.strip().splitlines()[-1])
        cmd = "sh -c %s {}" % shlex.quote('cat "%s/$(basename "$(dirname "$0")").txt"' % out)
        result = score(scorer, corpus, cmd)
        if result is None:
            return "scoring its output failed"
        versions = "Readability.js %s, jsdom %s" % (summary["readability"], summary["jsdom"])
        return result, summary["ms_per_page"], versions


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=os.environ.get("ATTEST_CLI"))
    ap.add_argument("--shared", default=os.environ.get(
        "ATTEST_SHARED_DIR", os.path.join(HERE, "..", "..", "..", "shared")))
    ap.add_argument("--corpus", help="default: SHARED/corpus/extraction-dev")
    ap.add_argument("--node-path", help="where jsdom and @mozilla/readability are installed")
    args = ap.parse_args()

    if not args.cli or not os.access(args.cli, os.X_OK):
        sys.exit("extract-bench: attest-cli not found; pass --cli or set ATTEST_CLI")
    scorer = os.path.join(args.shared, "tools", "extract-score")
    corpus = args.corpus or os.path.join(args.shared, "corpus", "extraction-dev")
    if not os.path.exists(scorer) or not os.path.isdir(corpus):
        sys.exit("extract-bench: no extract-score or corpus under " + args.shared)
    pages = pages_of(corpus)

    attest = score(scorer, corpus, shlex.quote(args.cli) + " extract {}")
    if attest is None:
        sys.exit("extract-bench: attest-cli extract could not be scored")
    attest_ms, how = attest_ms_per_page(args.cli, pages)

    print("HTML main-text extraction, %d pages of %s" % (len(pages), corpus))
    print("%-28s %9s %9s %9s %11s" % ("", "F1", "precision", "recall", "ms/page"))
    print("%-28s %9.3f %9.3f %9.3f %11.2f" % ("Attest", attest[2], attest[0], attest[1], attest_ms))
    if attest[4]:
        print("  attest-cli failed on %d pages" % attest[4])
    print("  Attest time: " + how)

    base = readability(args, scorer, corpus)
    if isinstance(base, str):
        print("Readability.js baseline skipped: " + base)
        print("  (npm install @mozilla/readability@0.6.0 jsdom@24 into tests/bench or NODE_PATH)")
    else:
        result, ms, versions = base
        print("%-28s %9.3f %9.3f %9.3f %11.2f" % (versions, result[2], result[0], result[1], ms))
        ratio = ms / attest_ms if attest_ms > 0 else float("inf")
        print("speed: Attest is %.1fx faster than Readability.js (target 10x)" % ratio)
    print("quality: Attest F1 %.3f (target 0.96)" % attest[2])


if __name__ == "__main__":
    main()
