#!/usr/bin/env python3
"""Window benchmark: what a user waits for in the window, on projects of 10,000 and 100,000
articles, each against a plain-GTK baseline in the same run (tests/bench/window-timer.c).

  launch   from starting the process to the end of the first frame that shows the project
           (the application's own start-up path, as `attest PROJECT`). Baselines: Attest's
           welcome page (no project) and a bare GtkWindow. Target (DESIGN.md): < 1 s.
  open     selecting the article with 2,000 annotations in the list until the frame that
           shows it with its highlights. Also the reader alone and the annotation panel
           alone, to tell where the time goes. Baseline: the same text with one tag per
           annotation in a plain GtkTextView. Target: < 150 ms.
  scroll   the article list, then the sources table: a page a frame from the top for 300
           frames, then 100 jumps as a dragged scrollbar makes; the work of each frame (the
           frame clock's update to the end of paint) and the interval between frames.
           Baseline: a GtkListView of as many rows of two labels over a GtkStringList.
           Yardstick: 60 frames a second, a frame's work under 16.7 ms; and the peak memory
           does not grow with the list (rows are loaded as they are shown).
Peak memory (RSS) of every process is shown beside its time.

Runs under Xvfb and a private D-Bus session when there is no display (xvfb-run and
dbus-run-session, as the GUI tests); GDK_BACKEND etc. come from tests/meson.build.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import os
import shutil
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

LAUNCH_RUNS = 3
OPEN_TARGET_MS = 150
LAUNCH_TARGET_MS = 1000
FRAME_BUDGET_MS = 1000 / 60


def reexec_with_display():
    if os.environ.get("DISPLAY") or os.environ.get("ATTEST_BENCH_REEXEC"):
        return
    if shutil.which("xvfb-run") is None:
        sys.exit("no display and no xvfb-run (apt-get install xvfb xauth)")
    env = dict(os.environ, ATTEST_BENCH_REEXEC="1")
    argv = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable,
            os.path.abspath(__file__)] + sys.argv[1:]
    if shutil.which("dbus-run-session"):
        argv = ["dbus-run-session", "--"] + argv
    os.execvpe(argv[0], argv, env)


def timer(*args):
    """Runs window-timer; returns ({key: value}, wall seconds, peak MB, start monotonic µs)."""
    start_us = time.monotonic_ns() // 1000
    wall, rss, out, _ = benchlib.run_measured([benchlib.helper("window-timer"), *args])
    values = {}
    for line in out.splitlines():
        key, _, value = line.partition(" ")
        try:
            values[key] = float(value)
        except ValueError:
            values[key] = value
    return values, wall, rss, start_us


def launch_ms(*args):
    runs = []
    for _ in range(LAUNCH_RUNS):
        values, _, rss, start_us = timer("launch", *args)
        list_ms = (values["list-us"] - start_us) / 1000 if "list-us" in values else None
        runs.append(((values["frame-us"] - start_us) / 1000, rss, values.get("items", 0),
                     list_ms, values.get("list-items", 0)))
    best = min(runs, key=lambda r: r[0])
    launch_ms.last_list = (best[3], int(best[4]))
    return best[0], max(r[1] for r in runs), int(best[2])


def verdict(ok):
    return "OK" if ok else "MISSED"


def show_scroll(label, values, rss, base, base_rss):
    print(f"  {label:<24} frame work mean {values['frame-work-mean']:6.2f} p95 "
          f"{values['frame-work-p95']:6.2f} max {values['frame-work-max']:7.2f} ms; interval "
          f"p95 {values['frame-interval-p95']:6.2f} max {values['frame-interval-max']:7.2f} ms; "
          f"peak {rss:5.0f} MB")
    print(f"  {'baseline (GtkListView)':<24} frame work mean {base['frame-work-mean']:6.2f} p95 "
          f"{base['frame-work-p95']:6.2f} max {base['frame-work-max']:7.2f} ms; interval "
          f"p95 {base['frame-interval-p95']:6.2f} max {base['frame-interval-max']:7.2f} ms; "
          f"peak {base_rss:5.0f} MB")
    ratio = values["frame-work-p95"] / max(base["frame-work-p95"], 0.01)
    ok = values["frame-work-p95"] <= FRAME_BUDGET_MS
    note = ""
    if not ok and base["frame-work-p95"] > FRAME_BUDGET_MS:
        # Plain GTK misses the budget too: the machine is busy with other work; judge by
        # the ratio to the baseline instead.
        ok = ratio <= 2.0
        note = " (the baseline misses it too: judged by the ratio, at most 2)"
    print(f"  p95 frame work ratio {ratio:.2f}; {values['frames']:.0f} frames, "
          f"{values['items']:.0f} rows; 60 fps budget {verdict(ok)}{note}")
    return ok


def main():
    reexec_with_display()
    missed = []
    empty_ms, empty_rss, _ = launch_ms()
    values, _, gtk_rss, start_us = timer("launch-gtk")
    gtk_ms = (values["frame-us"] - start_us) / 1000
    print(f"baselines: bare GtkWindow first frame {gtk_ms:.0f} ms (peak {gtk_rss:.0f} MB); "
          f"Attest's welcome page {empty_ms:.0f} ms (peak {empty_rss:.0f} MB)")

    for n in benchlib.sizes():
        project, meta, _ = benchlib.project(n)
        big = meta["big_article"]
        print(f"\n== {meta['articles']} articles, {meta['annotations']} annotations, "
              f"{meta['sources']} sources")

        ms, rss, items = launch_ms(project)
        ok = ms < LAUNCH_TARGET_MS
        missed += [] if ok else [f"launch {n}: {ms:.0f} ms"]
        print(f"launch to first frame: {ms:.0f} ms (best of {LAUNCH_RUNS}), {items} articles "
              f"listed, peak {rss:.0f} MB; ratio to the welcome page {ms / empty_ms:.1f}; "
              f"target < {LAUNCH_TARGET_MS} ms {verdict(ok)}")
        list_ms, list_items = launch_ms.last_list
        if list_ms is not None and list_items != items:
            print(f"  the list (read after the first frame) shown at {list_ms:.0f} ms, "
                  f"{list_items} articles")

        base, _, base_rss, _ = timer("open-gtk", project, big)
        reader, _, reader_rss, _ = timer("open-reader", project, big)
        panel, _, panel_rss, _ = timer("open-panel", project, big)
        opened, _, open_rss, _ = timer("open", project, big)
        if "open-median" in opened:
            ok = opened["open-median"] < OPEN_TARGET_MS
            first = opened["open-first"]
            median = opened["open-median"]
        else:
            ok, first, median = False, opened.get("open-timeout", float("nan")), float("nan")
        missed += [] if ok else [f"open {n}: {median:.0f} ms"]
        print(f"open the article with {meta['big_article_annotations']} annotations: "
              f"first {first:.0f} ms, median {median:.0f} ms, peak {open_rss:.0f} MB; "
              f"target < {OPEN_TARGET_MS} ms {verdict(ok)}")
        print(f"  baseline (GtkTextView + tags): median {base['open-median']:.0f} ms, peak "
              f"{base_rss:.0f} MB; ratio {median / max(base['open-median'], 0.1):.1f}")
        print(f"  the reader alone: median {reader['open-median']:.0f} ms; the annotation panel "
              f"alone: median {panel['open-median']:.0f} ms")
        if "open-sync-median" in opened:
            print(f"  done at once on selection (before the first frame): median "
                  f"{opened['open-sync-median']:.0f} ms")

        print("scrolling:")
        values, _, rss, _ = timer("scroll-articles", project)
        base, _, base_rss, _ = timer("scroll-gtk", str(int(values["items"])))
        if not show_scroll("article list", values, rss, base, base_rss):
            missed.append(f"scroll articles {n}: p95 {values['frame-work-p95']:.1f} ms")
        values, _, rss, _ = timer("scroll-sources", project)
        base, _, base_rss, _ = timer("scroll-gtk", str(int(values["items"])))
        if not show_scroll("sources table", values, rss, base, base_rss):
            missed.append(f"scroll sources {n}: p95 {values['frame-work-p95']:.1f} ms")

    print()
    for m in missed:
        print(f"MISSED: {m}")
    if not missed:
        print("all window targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
