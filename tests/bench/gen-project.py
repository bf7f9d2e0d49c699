#!/usr/bin/env python3
"""Deterministic generator of big Attest projects, for the scale benchmarks and tests.

Writes an Attest JSON collection (data/attest-collection.schema.json) of N articles with
their annotations (10 each by default), a directory of sources, a hierarchical codebook,
places, incidents with actors and evidence links, and a few collections. `attest-cli
merge FILE` into an empty project turns it into a project; the same seed always gives the
same document, byte for byte.

The text is news-like English (with some Arabic articles) drawn from a Zipf-distributed
vocabulary, about 3 kB an article. A few query words are planted in a known share of the
articles so that searches have fixed, known document frequencies:

  ceasefire   3 %     checkpoint  2 %     militia  5 %     cholera  0.5 %
  reported   90 %     evacuated   1 %     Bogotá   0.2 % (accented; "bogota" finds it)
  هدنة       in every Arabic article (3 % of all)

One extra article, "Transcript of the hearing", carries --big-annotations annotations
(2,000 by default): the benchmark of opening a heavily annotated article.

  gen-project.py --articles 10000 -o project.json [--meta meta.json]
  gen-project.py --articles 3000 --text-dir DIR      (plain .txt files instead, for import)

--meta writes what a benchmark needs to know: counts, the big article's UUID, the planted
words with their exact document frequencies, and a fixed query set.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import argparse
import hashlib
import itertools
import json
import os
import random
import sys
import uuid

BASE_TIME = 1704067200  # 2024-01-01T00:00:00Z

FUNCTION_WORDS = ("the of and to in a is that for on was with as by at from it his her "
                  "their they he she we had have has been were are not but this which "
                  "after over also would will who its an be more than about two three").split()

DOMAIN_WORDS = ("said officials attack village police government forces province residents "
                "according killed wounded spokesman minister security army health closure "
                "virus lockdown border talks election protest court ruling soldiers "
                "fighters convoy bomb roadside ambush district governor council hospital "
                "casualties civilians refugees camp aid agency statement interview "
                "witnesses journalists ministry interior defence operation offensive "
                "airstrike drone rocket mortar shelling clashes tribal leaders coalition "
                "negotiations agreement truce sanctions economy oil prices markets schools "
                "water electricity shortages displaced families humanitarian crisis "
                "investigation commission report evidence sources analysts observers "
                "monitors violations rights groups detained arrested released prisoners "
                "trial judge verdict parliament vote party campaign candidates turnout "
                "ballots fraud allegations denied confirmed claimed responsibility group "
                "insurgents cell network recruitment funding smuggling weapons explosives "
                "raid curfew patrol base airport highway bridge northern southern eastern "
                "western capital city town neighbourhood market mosque church school "
                "university students teachers doctors nurses patients vaccine outbreak "
                "cases deaths tests quarantine measures restrictions emergency crews "
                "firefighters rescue rubble damage buildings homes shops farmers crops "
                "drought floods storm weather season week month year morning evening night "
                "saturday sunday monday tuesday wednesday thursday friday").split()

PLANTED = [  # word, share of articles
    ("ceasefire", 0.03),
    ("checkpoint", 0.02),
    ("militia", 0.05),
    ("cholera", 0.005),
    ("reported", 0.90),
    ("evacuated", 0.01),
    ("Bogotá", 0.002),
]

ARABIC_WORDS = ("قال مسؤول الحكومة الشرطة الجيش القرية المحافظة هجوم قتلى جرحى مصدر أمني "
                "سكان المنطقة مدينة بغداد بعقوبة ديالى المسلحين تنظيم الدولة نقطة تفتيش "
                "الأسبوع الماضي يوم السبت وزارة الداخلية بيان رسمي المتحدث باسم العمليات "
                "الصحة فيروس كورونا حظر التجول الحدود المفاوضات الانتخابات المحكمة "
                "مُحافَظة القُوّات الأَمنِيّة").split()
ARABIC_PLANTED = "هدنة"

FIRST_NAMES = ("Ahmed Mohammed Ali Hassan Hussein Omar Khalid Tahsin Saad Yasser Layla "
               "Fatima Zainab Maryam Nour Sara Huda Amal Rania Dina John Michael David "
               "Sarah Emma Anna Maria Elena Jorge Luis Ana Pierre Claire Ivan Olga").split()
LAST_NAMES = ("al-Khafaji al-Maliki al-Jubouri al-Obeidi al-Dulaimi Hashimi Rasheed "
              "Karim Saleh Mahmoud Abbas Haddad Nasser Smith Johnson Brown Garcia Martinez "
              "Lopez Dubois Martin Petrov Ivanova Rossi Bianchi Schmidt Weber Novak").split()
ROLES = ("spokesman", "researcher", "security expert", "resident", "commander",
         "governor", "doctor", "analyst", "witness", "reporter", None)
AFFILIATIONS = ("Iraqi Armed Forces", "Ministry of Interior", "University of Baghdad",
                "Diyala Provincial Council", "UN Assistance Mission", "Red Crescent",
                "Al-Sabah", "Reuters", "Human Rights Watch", None)
KINDS = ("official", "expert", "resident", "witness", "media", "organization",
         "armed-group", "other")
OUTLETS = ("Al-Jazeera", "Al-Sabah", "Reuters", "AFP", "BBC Arabic", "Rudaw", "Kurdistan 24",
           "The National", "Al-Monitor", "Asharq Al-Awsat", "Shafaq News", "AP",
           "The Guardian", "Le Monde", "El País", "Der Spiegel", "NRT", "Baghdad Today")
EVENT_TYPES = (("Battles", "Armed clash"),
               ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
               ("Explosions/Remote violence", "Air/drone strike"),
               ("Violence against civilians", "Attack"),
               ("Protests", "Peaceful protest"),
               ("Riots", "Violent demonstration"),
               ("Strategic developments", "Arrests"))
ADMIN1 = (("Baghdad", "IQ-BG"), ("Diyala", "IQ-DI"), ("Salah ad Din", "IQ-SD"),
          ("Ninawa", "IQ-NI"), ("Anbar", "IQ-AN"), ("Kirkuk", "IQ-KI"), ("Basra", "IQ-BA"))
CONTEXT_CHARS = 32


class Ids:
    """UUIDs that depend only on the seed and what they name, not on generation order."""

    def __init__(self, seed):
        self.seed = seed

    def __call__(self, *name):
        digest = hashlib.sha1(f"{self.seed}:{name}".encode()).digest()
        return str(uuid.UUID(bytes=digest[:16], version=4))


def stamp(seconds):
    import time
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(BASE_TIME + seconds))


def pseudo_words(rng, n):
    onsets = "b c d f g h j k l m n p r s t v w z br cr dr gr pr st tr sh ch kh".split()
    vowels = "a e i o u ai ou ea".split()
    codas = ["", "", "n", "r", "s", "l", "m", "t", "nd", "st"]
    words = set()
    while len(words) < n:
        syl = rng.randint(2, 4)
        w = "".join(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas)
                    for _ in range(syl))
        words.add(w)
    return sorted(words)


class Text:
    """A pool of sentences drawn from a Zipf vocabulary; articles are made of them."""

    def __init__(self, rng, pool_size):
        planted = {w.lower() for w, _ in PLANTED}
        tail = [w for w in pseudo_words(rng, 20000) if w not in planted]
        vocab = FUNCTION_WORDS + [w for w in DOMAIN_WORDS if w not in planted] + tail
        weights = [1.0 / (rank + 1) ** 1.07 for rank in range(len(vocab))]
        cum = list(itertools.accumulate(weights))
        self.sentences = []
        for _ in range(pool_size):
            words = rng.choices(vocab, cum_weights=cum, k=rng.randint(8, 20))
            self.sentences.append(" ".join(words).capitalize() + ".")
        self.arabic = []
        for _ in range(max(200, pool_size // 50)):
            words = [rng.choice(ARABIC_WORDS) for _ in range(rng.randint(6, 14))]
            self.arabic.append(" ".join(words) + ".")


def plant(rng, sentence, word):
    words = sentence[:-1].split(" ")
    pos = rng.randint(1, len(words))
    words.insert(pos, word)
    return " ".join(words) + sentence[-1]


def build_article(rng, text, n_paragraphs, arabic, planted_words):
    """Returns (body, sentence spans [(start, end)] in code points)."""
    pool = text.arabic if arabic else text.sentences
    paragraphs = []
    for _ in range(n_paragraphs):
        paragraphs.append([rng.choice(pool) for _ in range(rng.randint(3, 5))])
    for word in planted_words:
        p = rng.randrange(len(paragraphs))
        s = rng.randrange(len(paragraphs[p]))
        paragraphs[p][s] = plant(rng, paragraphs[p][s], word)
    spans = []
    parts = []
    offset = 0
    for p, sentences in enumerate(paragraphs):
        if p > 0:
            parts.append("\n\n")
            offset += 2
        for s, sentence in enumerate(sentences):
            if s > 0:
                parts.append(" ")
                offset += 1
            spans.append((offset, offset + len(sentence)))
            parts.append(sentence)
            offset += len(sentence)
    return "".join(parts), spans


class Generator:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.id = Ids(args.seed)
        self.text = Text(self.rng, max(2000, min(40000, args.articles // 3)))
        self.n_sources = max(50, args.articles // 5)
        self.n_tags_top, self.n_tags_child = 10, 5
        self.n_places = 200
        self.n_incidents = max(5, args.articles // 20)
        self.df = {w: 0 for w, _ in PLANTED}
        self.df[ARABIC_PLANTED] = 0
        self.n_annotations = 0

    # --- the small tables -------------------------------------------------------------
    def tags(self):
        out = []
        for t in range(self.n_tags_top):
            out.append({"uuid": self.id("tag", t), "name": f"Theme {t + 1}", "parent": None,
                        "color": "#%06x" % self.rng.randrange(1 << 24),
                        "description": f"Statements about theme {t + 1}.", "memo": None})
            for c in range(self.n_tags_child):
                out.append({"uuid": self.id("tag", t, c), "name": f"Theme {t + 1}.{c + 1}",
                            "parent": self.id("tag", t), "color": None,
                            "description": None,
                            "memo": "Check with coder B." if c == 0 else None})
        return out

    def tag_uuids(self):
        if not hasattr(self, "_tag_uuids"):
            self._tag_uuids = [self.id("tag", t, c) for t in range(self.n_tags_top)
                               for c in range(self.n_tags_child)] + [
                                   self.id("tag", t) for t in range(self.n_tags_top)]
        return self._tag_uuids

    def source_name(self, s):
        first = FIRST_NAMES[s % len(FIRST_NAMES)]
        last = LAST_NAMES[(s // len(FIRST_NAMES)) % len(LAST_NAMES)]
        n = s // (len(FIRST_NAMES) * len(LAST_NAMES))
        return f"{first} {last}" + (f" {n + 1}" if n else "")

    def sources(self):
        rng, tags = self.rng, self.tag_uuids()
        out = []
        for s in range(self.n_sources):
            name = self.source_name(s)
            aliases = []
            if rng.random() < 0.3:
                aliases.append(name.split(" ")[1] + (f" {s}" if s >= 1000 else ""))
            group = rng.random() < 0.05
            out.append({
                "uuid": self.id("source", s), "name": name, "kind": KINDS[s % len(KINDS)],
                "role": rng.choice(ROLES), "affiliation": rng.choice(AFFILIATIONS),
                "anonymous": rng.random() < 0.1, "group": group,
                "notes": "Spoke on condition of anonymity." if rng.random() < 0.05 else None,
                "aliases": aliases,
                "tags": [rng.choice(tags)] if rng.random() < 0.2 else [],
                "created_at": stamp(s), "modified_at": stamp(s)})
        return out

    def places(self):
        rng = self.rng
        out = []
        for p in range(self.n_places):
            admin1, code = ADMIN1[p % len(ADMIN1)]
            out.append({
                "uuid": self.id("place", p), "name": f"Place {p + 1}",
                "aliases": [f"Plaace {p + 1}"] if p % 4 == 0 else [],
                "admin1": admin1, "admin1_code": code, "admin2": None,
                "country": "Iraq", "country_code": "IQ",
                "latitude": round(rng.uniform(29.5, 37.0), 5),
                "longitude": round(rng.uniform(39.0, 48.5), 5),
                "geo_precision": 1 + p % 3, "created_at": stamp(p)})
        return out

    def incidents(self):
        rng = self.rng
        out = []
        for i in range(self.n_incidents):
            event, sub = EVENT_TYPES[i % len(EVENT_TYPES)]
            place = rng.randrange(self.n_places)
            admin1, _ = ADMIN1[place % len(ADMIN1)]
            killed = rng.choice((None, 0, 1, 2, 3, 5, 8, 12))
            day = 1 + i % 28
            actors = []
            for a in range(rng.randint(1, 2)):
                src = rng.randrange(self.n_sources) if rng.random() < 0.5 else None
                name = self.source_name(src) if src is not None else "Unknown gunmen"
                actors.append({"uuid": self.id("actor", i, a),
                               "name": name,
                               "source": self.id("source", src) if src is not None else None,
                               "role": ("perpetrator", "target", "claimant", "responder")[a % 4],
                               "actor_type": None})
            links = []
            for k in range(rng.randint(2, 4)):
                article = rng.randrange(self.args.articles)
                link = {"uuid": self.id("link", i, k),
                        "relation": ("reports", "reports", "disputes", "context")[k % 4],
                        "field": (None, "fatalities", "place", "date")[k % 4],
                        "figure_low": None, "figure_high": None}
                if k % 2 == 0:
                    link["article"] = self.id("article", article)
                else:
                    link["annotation"] = self.id("annotation", article,
                                                 rng.randrange(self.args.annotations))
                    if killed is not None and link["field"] == "fatalities":
                        link["figure_low"] = link["figure_high"] = killed
                links.append(link)
            out.append({
                "uuid": self.id("incident", i), "title": f"Incident {i + 1}: {event.lower()}",
                "summary": "Reported by several outlets." if i % 3 == 0 else None,
                "date_start": f"{2019 + i % 6}-{1 + i % 12:02d}-{day:02d}", "date_end": None,
                "date_precision": ("day", "week", "month")[i % 3],
                "date_as_reported": "Saturday evening" if i % 5 == 0 else None,
                "event_type": event, "sub_event_type": sub,
                "place": self.id("place", place), "location": f"Place {place + 1}",
                "location_as_reported": f"Place {place + 1}", "admin1": admin1, "admin2": None,
                "country": "Iraq", "latitude": None, "longitude": None, "geo_precision": None,
                "fatalities_low": killed, "fatalities_best": killed, "fatalities_high": killed,
                "injuries_low": None, "injuries_best": None, "injuries_high": None,
                "responsibility": "Islamic State" if i % 4 == 0 else None,
                "status": ("draft", "reviewed")[i % 2], "coder": ("coder-a", "coder-b")[i % 2],
                "created_at": stamp(i), "modified_at": stamp(i), "actors": actors,
                "links": links})
        return out

    def collections(self):
        out = []
        for c in range(5):
            size = min(self.args.articles, 200)
            members = sorted({self.rng.randrange(self.args.articles) for _ in range(size)})
            out.append({"uuid": self.id("collection", c), "name": f"Collection {c + 1}",
                        "description": None, "created_at": stamp(c),
                        "articles": [self.id("article", a) for a in members]})
        return out

    # --- articles -----------------------------------------------------------------------
    def article_text(self, i):
        """(title, body, spans, arabic) of article i; the rng advances the same each time."""
        rng = self.rng
        arabic = rng.random() < 0.03
        planted = [w for w, share in PLANTED if rng.random() < share and not arabic]
        if arabic:
            planted = [ARABIC_PLANTED]
        body, spans = build_article(rng, self.text, rng.randint(6, 10), arabic, planted)
        for w in planted:
            self.df[w] += 1
        pool = self.text.arabic if arabic else self.text.sentences
        title = " ".join(rng.choice(pool).split(" ")[:rng.randint(5, 9)]).rstrip(".")
        return title, body, spans, arabic

    def annotation(self, i, j, body, span, kinds_rng):
        rng = self.rng
        start, end = span
        kind = ("direct", "direct", "direct", "direct", "indirect", "indirect", "indirect",
                "claim", "claim", "note")[kinds_rng % 10]
        speaker = (self.id("source", rng.randrange(self.n_sources))
                   if kind in ("direct", "indirect") else None)
        tags = self.tag_uuids()
        return {
            "uuid": self.id("annotation", i, j), "kind": kind, "start": start, "end": end,
            "exact": body[start:end], "prefix": body[max(0, start - CONTEXT_CHARS):start],
            "suffix": body[end:end + CONTEXT_CHARS], "speaker": speaker,
            "comment": ("Check the date against the ministry's statement."
                        if kind == "note" else None),
            "coder": ("coder-a", "coder-b")[j % 2],
            "claim_status": rng.choice(("unverified", "corroborated", "disputed", None))
                            if kind == "claim" else None,
            "suggested": rng.random() < 0.1,
            "tags": sorted(set(rng.sample(tags, rng.randint(0, 2)))),
            "created_at": stamp(i * 10 + j), "modified_at": stamp(i * 10 + j)}

    def article(self, i):
        rng = self.rng
        title, body, spans, arabic = self.article_text(i)
        chosen = sorted(rng.sample(range(len(spans)), min(self.args.annotations, len(spans))))
        annotations = [self.annotation(i, j, body, spans[s], i + j) for j, s in enumerate(chosen)]
        self.n_annotations += len(annotations)
        year = 2019 + i % 6
        return {
            "uuid": self.id("article", i), "title": title,
            "byline": (f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                       if rng.random() < 0.7 else None),
            "outlet": rng.choice(OUTLETS), "url": f"https://news.example/{year}/{i}",
            "published": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "language": "ar" if arabic else "en", "origin": f"https://news.example/{year}/{i}",
            "description": None,
            "content_hash": hashlib.sha256(body.encode()).hexdigest(),
            "imported_at": stamp(i), "text": body, "annotations": annotations}

    def big_article(self):
        """One long article with --big-annotations annotations, one per sentence."""
        rng = random.Random(self.args.seed + 1)
        n = self.args.big_annotations
        paragraphs = []
        spans = []
        offset = 0
        parts = []
        for p in range((n + 9) // 4 + 2):
            if p > 0:
                parts.append("\n\n")
                offset += 2
            for s in range(4):
                if s > 0:
                    parts.append(" ")
                    offset += 1
                sentence = rng.choice(self.text.sentences)
                spans.append((offset, offset + len(sentence)))
                parts.append(sentence)
                offset += len(sentence)
        body = "".join(parts)
        chosen = sorted(rng.sample(range(len(spans)), n))
        i = self.args.articles  # its annotations' uuids follow the others'
        annotations = [self.annotation(i, j, body, spans[s], j) for j, s in enumerate(chosen)]
        self.n_annotations += len(annotations)
        return {
            "uuid": self.id("article", "big"), "title": "Transcript of the hearing",
            "byline": None, "outlet": "Parliament", "url": None, "published": "2024-06-01",
            "language": "en", "origin": "transcript.txt", "description": None,
            "content_hash": hashlib.sha256(body.encode()).hexdigest(),
            "imported_at": stamp(0), "text": body, "annotations": annotations}

    # --- output -------------------------------------------------------------------------
    def write_collection(self, out):
        dumps = lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":"))
        head = {
            "format": "attest-collection", "version": 1, "generator": "Attest gen-project.py",
            "exported_at": stamp(0),
            "project": {"uuid": self.id("project"), "name": f"Scale {self.args.articles}",
                        "created_at": stamp(0)},
            "source_kinds": [{"key": k, "label": k.replace("-", " ").capitalize()}
                             for k in KINDS],
            "codebook": self.tags(), "sources": self.sources(), "places": self.places(),
            "incidents": self.incidents(), "collections": self.collections()}
        out.write(dumps(head)[:-1] + ',"articles":[')
        for i in range(self.args.articles):
            if i:
                out.write(",")
            out.write(dumps(self.article(i)))
        if self.args.big_annotations > 0:
            out.write("," if self.args.articles else "")
            out.write(dumps(self.big_article()))
        out.write("]}\n")

    def write_text_dir(self, folder):
        for i in range(self.args.articles):
            title, body, _, _ = self.article_text(i)
            path = os.path.join(folder, f"{i // 1000:03d}", f"article-{i:06d}.txt")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(f"Article {i}: {title}\n\n{body}\n")

    def meta(self):
        n = self.args.articles
        return {
            "articles": n + (1 if self.args.big_annotations > 0 else 0),
            "annotations": self.n_annotations,
            "sources": self.n_sources,
            "incidents": self.n_incidents,
            "big_article": self.id("article", "big") if self.args.big_annotations else None,
            "big_article_annotations": self.args.big_annotations,
            "planted_df": self.df,
            # Fixed queries: (label, words as typed into Attest's search).
            "queries": [
                ["two mid-frequency words", "ceasefire militia"],
                ["one word in most articles", "reported checkpoint"],
                ["common word alone", "reported"],
                ["mid-frequency word", "checkpoint"],
                ["rare word", "cholera"],
                ["prefix", "evacuat*"],
                ["accent-folded", "bogota"],
                ["Arabic", ARABIC_PLANTED],
            ],
        }


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--annotations", type=int, default=10, help="per article")
    ap.add_argument("--big-annotations", type=int, default=2000,
                    help="annotations of the one long article (0: none)")
    ap.add_argument("--seed", type=int, default=20261126)
    ap.add_argument("-o", "--output", help="the JSON collection to write ('-': stdout)")
    ap.add_argument("--text-dir", help="write plain .txt articles here instead")
    ap.add_argument("--meta", help="write counts, planted words and queries here")
    args = ap.parse_args()

    if (args.output is None) == (args.text_dir is None):
        ap.error("give one of -o FILE or --text-dir DIR")

    gen = Generator(args)
    if args.text_dir:
        args.big_annotations = 0
        gen.write_text_dir(args.text_dir)
    elif args.output == "-":
        gen.write_collection(sys.stdout)
    else:
        tmp = args.output + ".part"
        with open(tmp, "w", encoding="utf-8") as f:
            gen.write_collection(f)
        os.replace(tmp, args.output)
    if args.meta:
        with open(args.meta, "w", encoding="utf-8") as f:
            json.dump(gen.meta(), f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
