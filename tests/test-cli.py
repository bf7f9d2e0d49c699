#!/usr/bin/env python3
# test-cli.py: attest-cli end to end, as a researcher's script would use it.
#
# Runs the real binary ($ATTEST_CLI) on a new project in a temporary folder: import the demo
# article, mark two of its quotes, search, count, export to JSON (validated against the
# format's JSON Schema) and CSV (read back with the csv module), import a folder, and check that
# bad input and a project from a newer Attest are refused with a message and change nothing.
# Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import traceback

CLI = os.environ.get("ATTEST_CLI", "attest-cli")
SOURCE_DIR = os.environ.get("ATTEST_SOURCE_DIR",
                            os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SHARED_DIR = os.environ.get("ATTEST_SHARED_DIR", os.path.join(SOURCE_DIR, "..", "shared"))
SEED = os.path.join(SHARED_DIR, "corpus", "seed", "iraq-isis-corona.txt")
SCHEMA = os.path.join(SOURCE_DIR, "data", "attest-collection.schema.json")

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

DIRECT_TEXT = "The Corona virus is an important factor."
DIRECT_SPEAKER = "Tahsin al-Khafaji"
INDIRECT_TEXT = ("the latest escalation in violence by the organization was a response to "
                 "operations by Iraqi forces against it")
INDIRECT_SPEAKER = "US officials"


class Failure(Exception):
    pass


class Result:
    def __init__(self, args, proc):
        self.args = args
        self.code = proc.returncode
        self.out = proc.stdout.decode("utf-8", "replace")
        self.err = proc.stderr.decode("utf-8", "replace")

    def describe(self):
        return "$ %s\nexit %d\nstdout: %s\nstderr: %s" % (
            " ".join(self.args), self.code, self.out.strip() or "(none)",
            self.err.strip() or "(none)")


def run(*args, project=None):
    argv = [CLI]
    if project is not None:
        argv += ["-p", project]
    argv += list(args)
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    return Result(argv, proc)


def check(condition, message, result=None):
    if not condition:
        if result is not None:
            message += "\n" + result.describe()
        raise Failure(message)


def succeeds(result):
    check(result.code == 0, "expected exit 0", result)
    return result


def fails(result, code=1):
    check(result.code == code, "expected exit %d" % code, result)
    check(result.err.strip() != "", "expected a message on stderr", result)
    return result


def json_of(result):
    succeeds(result)
    try:
        return json.loads(result.out)
    except ValueError as e:
        raise Failure("stdout is not JSON: %s\n%s" % (e, result.describe()))


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class Test:
    def __init__(self, tmp):
        self.tmp = tmp
        self.project = os.path.join(tmp, "demo.attest")
        self.article = None
        self.direct = None
        self.indirect = None

    def cli(self, *args):
        return run(*args, project=self.project)

    def articles(self):
        return json_of(self.cli("list", "articles", "--json"))

    def annotations(self):
        return json_of(self.cli("list", "annotations", "--json"))

    # Steps, in order; each is one TAP line.

    def test_init(self):
        """init creates a project, and refuses to overwrite one"""
        succeeds(self.cli("init", "--name", "Demo"))
        check(os.path.isfile(self.project), "no project file at %s" % self.project)
        before = sha256(self.project)
        fails(self.cli("init"))
        check(sha256(self.project) == before, "a second init changed the project")

    def test_import(self):
        """import the demo article prints one uuid"""
        result = succeeds(self.cli("import", SEED))
        lines = result.out.splitlines()
        check(len(lines) == 1, "expected one line", result)
        uuid = lines[0].split("\t")[0]
        check(UUID_RE.match(uuid) is not None, "not a uuid: %r" % uuid, result)
        self.article = uuid
        articles = self.articles()
        check(len(articles) == 1 and articles[0]["uuid"] == uuid,
              "list articles: %r" % articles)

    def test_import_duplicate(self):
        """importing the same text again is reported as a duplicate and adds nothing"""
        result = succeeds(self.cli("import", SEED))
        check(result.out.strip() == "", "a duplicate printed a new article", result)
        check("duplicate" in result.err.lower(), "no duplicate message", result)
        check(self.article in result.err, "the message does not name the original", result)
        check(len(self.articles()) == 1, "the duplicate was stored")

    def test_import_bad_files(self):
        """invalid UTF-8 and empty files are refused with a message and store nothing"""
        invalid = os.path.join(self.tmp, "latin1.txt")
        with open(invalid, "wb") as f:
            f.write("Caf\u00e9 in Mosul, r\u00e9sum\u00e9 of the day.\n".encode("latin-1"))
        empty = os.path.join(self.tmp, "empty.txt")
        open(empty, "wb").close()

        result = fails(self.cli("import", invalid))
        check("latin1.txt" in result.err, "the message does not name the file", result)
        check("UTF-8" in result.err, "the message does not say what is wrong", result)

        result = fails(self.cli("import", empty))
        check("empty.txt" in result.err, "the message does not name the file", result)
        check("empty" in result.err.lower(), "the message does not say what is wrong", result)

        check(len(self.articles()) == 1, "a bad file was stored")

    def test_annotate_direct(self):
        """annotate a direct quote by an official"""
        result = succeeds(self.cli("annotate", self.article, "--text", DIRECT_TEXT,
                                   "--kind", "direct", "--speaker", DIRECT_SPEAKER,
                                   "--speaker-kind", "official"))
        self.direct = result.out.strip()
        check(UUID_RE.match(self.direct) is not None, "not a uuid", result)

    def test_annotate_indirect(self):
        """annotate an indirect quote by a group of officials, by article uuid prefix"""
        result = succeeds(self.cli("annotate", self.article[:8], "--text", INDIRECT_TEXT,
                                   "--kind", "indirect", "--speaker", INDIRECT_SPEAKER,
                                   "--speaker-kind", "official"))
        self.indirect = result.out.strip()
        check(UUID_RE.match(self.indirect) is not None, "not a uuid", result)
        check(self.indirect != self.direct, "the same uuid twice", result)

    def test_annotate_missing(self):
        """annotating words that are not in the article fails"""
        fails(self.cli("annotate", self.article, "--text", "words that appear nowhere at all",
                       "--kind", "claim"))
        check(len(self.annotations()) == 2, "a failed annotate stored something")

    def test_annotate_ambiguous(self):
        """annotating words that occur more than once fails as ambiguous"""
        result = fails(self.cli("annotate", self.article, "--text", "the organization",
                                "--kind", "claim"))
        check("ambiguous" in result.err.lower(), "the message does not say ambiguous", result)
        check(len(self.annotations()) == 2, "a failed annotate stored something")

    def test_offsets(self):
        """list annotations shows code point offsets into the article text"""
        shown = json_of(self.cli("show", self.article, "--json"))
        text = shown["text"]
        annotations = {a["uuid"]: a for a in self.annotations()}
        check(set(annotations) == {self.direct, self.indirect},
              "annotations: %r" % list(annotations))
        for uuid, exact, speaker, kind in ((self.direct, DIRECT_TEXT, DIRECT_SPEAKER, "direct"),
                                           (self.indirect, INDIRECT_TEXT, INDIRECT_SPEAKER,
                                            "indirect")):
            a = annotations[uuid]
            check(text.count(exact) == 1, "the quote is not once in the text")
            start = text.index(exact)
            check((a["start"], a["end"]) == (start, start + len(exact)),
                  "offsets %d-%d, expected %d-%d" % (a["start"], a["end"], start,
                                                     start + len(exact)))
            check(text[a["start"]:a["end"]] == exact, "text[start:end] is not the quote")
            check(a["kind"] == kind, "kind %r" % a["kind"])
            check(a["speaker"] == speaker, "speaker %r" % a["speaker"])
            check(a["speaker_kind"] == "official", "speaker kind %r" % a["speaker_kind"])

    def test_search(self):
        """search finds the article by a speaker's name"""
        hits = json_of(self.cli("search", "Khafaji", "--json"))
        check(any(h["article"] == self.article for h in hits), "hits: %r" % hits)

    def test_stats(self):
        """stats counts articles, sources and annotations"""
        stats = json_of(self.cli("stats", "--json"))
        expected = {"articles": 1, "sources": 2, "annotations": 2, "quotes": 2, "direct": 1,
                    "indirect": 1, "claim": 0, "note": 0}
        for key, value in expected.items():
            check(stats.get(key) == value, "%s is %r, expected %r (%r)" %
                  (key, stats.get(key), value, stats))

    def test_export_json(self):
        """export json validates against the format's JSON Schema"""
        import jsonschema

        path = os.path.join(self.tmp, "export.json")
        result = succeeds(self.cli("export", "--format", "json", "-o", path))
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        with open(SCHEMA, encoding="utf-8") as f:
            schema = json.load(f)
        try:
            jsonschema.validate(document, schema)
        except jsonschema.ValidationError as e:
            raise Failure("invalid export: %s at %s" % (e.message, list(e.absolute_path)))
        check(document["format"] == "attest-collection" and document["version"] == 1,
              "format %r version %r" % (document["format"], document["version"]), result)
        articles = document["articles"]
        check([a["uuid"] for a in articles] == [self.article], "articles in the export")
        sources = {s["uuid"]: s for s in document["sources"]}
        text = articles[0]["text"]
        annotations = articles[0]["annotations"]
        check(len(annotations) == 2, "%d annotations in the export" % len(annotations))
        for a in annotations:
            check(text[a["start"]:a["end"]] == a["exact"], "exported offsets are not code points")
            check(a["speaker"] in sources, "speaker %r is not in sources" % a["speaker"])
        names = {sources[a["speaker"]]["name"] for a in annotations}
        check(names == {DIRECT_SPEAKER, INDIRECT_SPEAKER}, "speakers %r" % names)

    def test_export_csv(self):
        """export csv --table quotes has the two quotes with their speakers"""
        path = os.path.join(self.tmp, "quotes.csv")
        succeeds(self.cli("export", "--format", "csv", "--table", "quotes", "-o", path))
        with open(path, "rb") as f:
            raw = f.read()
        header_end = raw.index(b"\n")
        check(raw[header_end - 1:header_end] == b"\r" and raw.endswith(b"\r\n"),
              "lines do not end with CRLF")
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f, strict=True))
        check(len(rows) == 2, "%d rows: %r" % (len(rows), rows))
        by_speaker = {r["speaker_name"]: r for r in rows}
        check(set(by_speaker) == {DIRECT_SPEAKER, INDIRECT_SPEAKER},
              "speakers %r" % list(by_speaker))
        check(by_speaker[DIRECT_SPEAKER]["quote_text"] == DIRECT_TEXT, "direct quote text")
        check(by_speaker[DIRECT_SPEAKER]["quote_type"] == "direct", "direct quote type")
        check(by_speaker[INDIRECT_SPEAKER]["quote_type"] == "indirect", "indirect quote type")
        check(all(r["article_uuid"] == self.article for r in rows), "article uuids")
        check(all(r["speaker_kind"] == "official" for r in rows), "speaker kinds")

    def test_import_folder(self):
        """a folder of 50 news articles imports in one go, with a summary"""
        news = os.path.join(SHARED_DIR, "corpus", "news")
        result = succeeds(self.cli("import", news))
        lines = [l for l in result.out.splitlines() if l.strip()]
        check(len(lines) == 50, "expected 50 new articles, got %d" % len(lines), result)
        check(all(re.match(r"^[0-9a-f-]{36}\t.*\.txt$", l) for l in lines),
              "each line is an id and a file", result)
        check("50 imported, 0 duplicates, 0 failed, 2 other files skipped" in result.err,
              "no summary (README.md and MANIFEST.tsv are not articles)", result)
        articles = json.loads(succeeds(self.cli("list", "articles", "--json")).out)
        check(len(articles) == 51, "expected 51 articles, got %d" % len(articles))
        again = succeeds(self.cli("import", news))
        check(again.out.strip() == "", "a second import added articles", again)
        check("0 imported, 50 duplicates" in again.err, "no duplicate summary", again)

    def test_incident(self):
        """incident add, place spellings, link, show and the ACLED-shaped CSV"""
        incident = succeeds(self.cli(
            "incident", "add", "--title", "ISIS ambush on a tribal mobilization checkpoint",
            "--date", "2020-04-04", "--precision", "day", "--as-reported", "Saturday evening",
            "--type", "Battles", "--sub-type", "Armed clash", "--place", "Makchifa",
            "--admin1", "Salah al-Din Governorate", "--country", "Iraq", "--killed", "?",
            "--actor", "Islamic State:perpetrator",
            "--actor", "Tribal Mobilization forces:target")).out.strip()
        check(re.match(r"^[0-9a-f-]{36}$", incident), "no incident id: %r" % incident)
        succeeds(self.cli("place", "alias", "Makchifa", "Machishafa"))
        places = json.loads(succeeds(self.cli("place", "list", "--json")).out)
        check(len(places) == 1 and places[0]["aliases"] == ["Machishafa"]
              and places[0]["admin1_code"] == "IQ-SD" and places[0]["country_code"] == "IQ",
              "places: %r" % places)
        # The other spelling finds the same place: no second one is made.
        succeeds(self.cli("incident", "add", "--title", "Second report", "--place", "Machishafa"))
        check(len(json.loads(succeeds(self.cli("place", "list", "--json")).out)) == 1,
              "Machishafa made a second place")
        succeeds(self.cli("incident", "link", incident, self.direct, "--field", "fatalities",
                          "--figure", "10"))
        succeeds(self.cli("incident", "link", incident, self.indirect, "--field", "fatalities",
                          "--relation", "disputes", "--figure", "0"))
        shown = json.loads(succeeds(self.cli("incident", "show", incident, "--json")).out)
        check(len(shown["evidence"]) == 2, "evidence: %r" % shown["evidence"])
        check(shown["fatalities_sources"] == 1, "independent sources: %r" % shown)
        # Read as a person reads it: one source is "1 independent source", not "1 … sources".
        text = succeeds(self.cli("incident", "show", incident)).out
        check("fatalities (1 independent source)" in text,
              "the count of independent sources reads wrong: %r" % text)
        check([a["role"] for a in shown["actors"]] == ["perpetrator", "target"], "actors")
        bad = self.cli("incident", "add", "--title", "Bad", "--killed", "12-10")
        check(bad.code == 1 and "low" in bad.err, "a reversed range was accepted", bad)
        out = os.path.join(self.tmp, "incidents.csv")
        succeeds(self.cli("incident", "export", "-o", out))
        with open(out, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        acled = ["event_date", "time_precision", "event_type", "sub_event_type", "actor1",
                 "actor2", "admin1", "admin2", "location", "latitude", "longitude",
                 "geo_precision", "source", "notes", "fatalities"]
        check(all(c in rows[0] for c in acled), "ACLED columns missing: %r" % list(rows[0]))
        first = [r for r in rows if r["event_id_cnty"] == incident][0]
        check(first["event_date"] == "2020-04-04" and first["time_precision"] == "1"
              and first["actor1"] == "Islamic State"
              and first["actor2"] == "Tribal Mobilization forces"
              and first["location"] == "Makchifa" and first["fatalities"] == "",
              "row: %r" % first)

    def test_help(self):
        """--help exits 0, for the program and for a command"""
        result = succeeds(run("--help"))
        check("export" in result.out + result.err, "the help does not list commands", result)
        succeeds(run("export", "--help"))

    def test_missing_project(self):
        """a missing project is an error with a message, and is not created"""
        missing = os.path.join(self.tmp, "nowhere.attest")
        result = run("list", "articles", project=missing)
        check(result.code != 0, "expected a non-zero exit", result)
        check("nowhere.attest" in result.err, "the message does not name the project", result)
        check(not os.path.exists(missing), "opening a missing project created it")

    def test_newer_project(self):
        """a project from a newer Attest is refused and left byte for byte unchanged"""
        newer = os.path.join(self.tmp, "newer.attest")
        source = sqlite3.connect(self.project)
        copy = sqlite3.connect(newer)
        source.backup(copy)
        source.close()
        copy.execute("PRAGMA journal_mode = DELETE")
        copy.execute("PRAGMA user_version = 999")
        copy.commit()
        copy.close()
        before = sha256(newer)
        files_before = sorted(os.listdir(self.tmp))

        result = run("list", "articles", project=newer)
        check(result.code != 0, "expected a non-zero exit", result)
        check("newer" in result.err.lower(), "the message does not mention a newer version",
              result)
        check(sha256(newer) == before, "the newer project's bytes changed")
        check(sorted(os.listdir(self.tmp)) == files_before,
              "files appeared: %r" % sorted(set(os.listdir(self.tmp)) - set(files_before)))

        result = run("annotate", self.article, "--text", DIRECT_TEXT, "--kind", "claim",
                     project=newer)
        check(result.code != 0, "annotate on a newer project succeeded", result)
        check(sha256(newer) == before, "the newer project's bytes changed")


STEPS = [
    Test.test_init,
    Test.test_import,
    Test.test_import_duplicate,
    Test.test_import_bad_files,
    Test.test_annotate_direct,
    Test.test_annotate_indirect,
    Test.test_annotate_missing,
    Test.test_annotate_ambiguous,
    Test.test_offsets,
    Test.test_search,
    Test.test_stats,
    Test.test_export_json,
    Test.test_export_csv,
    Test.test_import_folder,
    Test.test_incident,
    Test.test_help,
    Test.test_missing_project,
    Test.test_newer_project,
]


def main():
    print("1..%d" % len(STEPS), flush=True)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="attest-cli-") as tmp:
        test = Test(tmp)
        for number, step in enumerate(STEPS, 1):
            description = step.__doc__.strip()
            try:
                step(test)
            except Failure as e:
                failed += 1
                print("not ok %d - %s" % (number, description))
                print("\n".join("# " + line for line in str(e).splitlines()))
            except Exception:
                failed += 1
                print("not ok %d - %s" % (number, description))
                print("\n".join("# " + line for line in traceback.format_exc().splitlines()))
            else:
                print("ok %d - %s" % (number, description))
            sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
