"""What the reliability tests (test-crash.py, test-robustness.py) share: where attest-cli
and the article generator are, TAP output, and generated articles and their texts.

Import it after `sys.dont_write_bytecode = True`, so that no __pycache__ lands in tests/.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import hashlib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CLI = os.environ.get("ATTEST_CLI") or os.path.join(HERE, "..", "build", "src", "cli", "attest-cli")
FTS_CHECK = os.environ.get("ATTEST_FTS_CHECK") or os.path.join(HERE, "..", "build", "tests",
                                                               "fts-check")
GENERATOR = os.path.join(HERE, "bench", "gen-project.py")

tap_count = 0
failures = 0


def tap(ok, description, detail=None):
    """Prints one TAP result, with up to 20 lines of detail when it failed; returns ok."""
    global tap_count, failures
    tap_count += 1
    if not ok:
        failures += 1
    print(f"{'ok' if ok else 'not ok'} {tap_count} - {description}", flush=True)
    if not ok and detail:
        for line in str(detail).splitlines()[:20]:
            print(f"# {line}", flush=True)
    return ok


def finish():
    """Prints the TAP plan; the exit status: 1 if any result failed."""
    print(f"1..{tap_count}")
    return 1 if failures else 0


def generate_texts(folder, n, seed):
    """n generated articles as text files in folder."""
    subprocess.run([sys.executable, GENERATOR, "--articles", str(n), "--seed", str(seed),
                    "--text-dir", folder], check=True)


def generate_collection(path, n, seed):
    """A collection of n generated articles, without large annotations, as JSON at path."""
    subprocess.run([sys.executable, GENERATOR, "--articles", str(n), "--seed", str(seed),
                    "--big-annotations", "0", "-o", path], check=True)


def texts_of(folder):
    """{content hash: body} of the files below folder, as Attest normalises them."""
    texts = {}
    for root, _, names in os.walk(folder):
        for name in names:
            with open(os.path.join(root, name), encoding="utf-8") as f:
                body = f.read().rstrip()
            texts[hashlib.sha256(body.encode()).hexdigest()] = body
    return texts
