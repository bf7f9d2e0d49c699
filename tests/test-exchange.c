/* test-exchange.c: W3C Web Annotation and REFI-QDA exchange, checked with the standards'
 * own files.
 *
 * The W3C collection is validated with Python's jsonschema against the Working Group's JSON
 * Schemas (collection, page and annotation MUST assertions) and its selectors are tried on
 * the texts; the .qdc and the .qdpx's project.qde are validated with xmllint against the
 * REFI-QDA XSDs, and the .qdpx is opened with Python's zipfile. The round trip exports the
 * demo article, Arabic and emoji text, nested tags, quotes with speakers and comments to a
 * .qdpx, imports it into an empty project and compares every coding character for
 * character. Real ATLAS.ti exports, a hand-written project in another tool's style (CRLF,
 * byte order mark, #RGB colours) and a table of hostile files complete it: each hostile file
 * is refused with ATTEST_ERROR_INVALID_INPUT and leaves the project as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-exchange"

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "attest-core.h"
#include "attest-refi.h"
#include "attest-refi-private.h"
#include "attest-w3c.h"

#define ARABIC_TEXT \
  "تقرير من بعقوبة 🇮🇶\n" \
  "\n" \
  "قال المتحدث باسم الشرطة إن \"الوضع تحت السيطرة\" 😀 في المحافظة، وأضاف أن الطرق مفتوحة.\n" \
  "\n" \
  "Residents 👩🏽‍🌾 said the roads were empty, and a teacher said \"we are afraid\".\n"

#define MULTILINE_COMMENT "Spelled Machishafa further down.\nThe same village? <check> & \"verify\""

typedef struct
{
  char        *dir;
  AttestStore *store;
  char        *demo_uuid;
  char        *arabic_uuid;
  char        *demo_body;
  char        *arabic_body;
} Fixture;

/* Helpers */

static char *
shared_path (const char *first,
             ...)
{
  const char *shared = g_getenv ("ATTEST_SHARED_DIR");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_assert_nonnull (shared);
  g_ptr_array_add (parts, (gpointer) shared);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static char *
fixture_path (const char *name)
{
  const char *source_dir = g_getenv ("ATTEST_SOURCE_DIR");

  g_assert_nonnull (source_dir);
  return g_build_filename (source_dir, "tests", "fixtures", "refi", name, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static char *
read_text_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_text_file (const char *path,
                 const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Runs a program and returns its exit status; what it printed goes to the test's log. */
static int
run (const char * const *argv,
     const char         *directory)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (directory, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s: %s%s", argv[0], out, err);
  if (g_spawn_check_wait_status (status, NULL))
    return 0;
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static const char *
python (void)
{
  /* The build names Debian's python3, whose python3-jsonschema setup.sh installs. */
  return g_getenv ("ATTEST_PYTHON") ? g_getenv ("ATTEST_PYTHON") : "python3";
}

static void
assert_xsd_valid (const char *schema,
                  const char *document)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *xsd = shared_path ("standards", "refi-qda", schema, NULL);
  const char *argv[] = { xmllint, "--noout", "--schema", xsd, document, NULL };

  /* libxml2-utils is in build-aux/packages.txt: its absence is a broken machine. */
  g_assert_nonnull (xmllint);
  g_assert_cmpint (run (argv, NULL), ==, 0);
}

static void
find_span (const char *body,
           const char *needle,
           guint      *start,
           guint      *end)
{
  const char *found = strstr (body, needle);

  g_assert_nonnull (found);
  g_assert_null (strstr (found + 1, needle));
  *start = g_utf8_pointer_to_offset (body, found);
  *end = *start + g_utf8_strlen (needle, -1);
}

static char *
annotate (Fixture              *fixture,
          const char           *article_uuid,
          const char           *body,
          AttestAnnotationKind  kind,
          const char           *needle,
          const char           *speaker,
          const char           *speaker_kind,
          const char           *comment,
          const char           *coder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestAnnotation) annotation = NULL;
  guint start;
  guint end;

  find_span (body, needle, &start, &end);
  annotation = attest_store_annotate_span (fixture->store, article_uuid, kind, start, end,
                                           speaker, speaker_kind, comment, coder, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_annotation_get_exact (annotation), ==, needle);

  return g_strdup (attest_annotation_get_uuid (annotation));
}

static void
tag (Fixture    *fixture,
     const char *annotation_uuid,
     const char *tag_uuid)
{
  g_autoptr(GError) error = NULL;

  attest_store_set_annotation_tag (fixture->store, annotation_uuid, tag_uuid, TRUE, &error);
  g_assert_no_error (error);
}

static char *
create_tag (AttestStore *store,
            const char  *name,
            const char  *parent,
            const char  *color,
            const char  *description)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestTag) created = attest_store_create_tag (store, name, parent, color,
                                                          description, &error);

  g_assert_no_error (error);
  return g_strdup (attest_tag_get_uuid (created));
}

static AttestStore *
new_store (const char *dir,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  AttestStore *store = attest_store_create (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
export_to (AttestStore *store,
           const char  *format,
           const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  attest_export_exchange_to_file (store, format, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static AttestRefiImportSummary *
import_qdpx (AttestStore *store,
             const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AttestRefiImportSummary *summary = NULL;

  attest_refi_import_qdpx (store, file, NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  for (guint i = 0; i < summary->warnings->len; i++)
    g_test_message ("warning: %s", (char *) g_ptr_array_index (summary->warnings, i));
  return summary;
}

/* Zips */

typedef struct
{
  const char *name;
  const char *data;
  gssize      length;     /* -1: strlen */
  gboolean    symlink;
} ZipEntry;

static void
write_zip (const char     *path,
           const ZipEntry *entries,
           guint           n_entries)
{
  struct archive *archive = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (archive), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n_entries; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize length = entries[i].length >= 0 ? (gsize) entries[i].length
                                            : strlen (entries[i].data);

      archive_entry_set_pathname (entry, entries[i].name);
      archive_entry_set_perm (entry, 0644);
      if (entries[i].symlink)
        {
          archive_entry_set_filetype (entry, AE_IFLNK);
          archive_entry_set_symlink (entry, entries[i].data);
          length = 0;
        }
      else
        archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_size (entry, length);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      if (length > 0)
        g_assert_cmpint (archive_write_data (archive, entries[i].data, length), ==, length);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
}

/* The fixture: the demo article, an Arabic text with emoji, nested tags, speakers of three
 * kinds, comments with line breaks and XML's special characters, two coders. */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestArticle) demo = NULL;
  g_autoptr(AttestArticle) arabic = NULL;
  g_autofree char *demo_path = shared_path ("corpus", "seed", "iraq-isis-corona.txt", NULL);
  g_autofree char *demo_text = read_text_file (demo_path);
  g_autofree char *security = NULL;
  g_autofree char *attacks = NULL;
  g_autofree char *ambush = NULL;
  g_autofree char *framing = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *a2 = NULL;
  g_autofree char *a3 = NULL;
  g_autofree char *a4 = NULL;
  g_autofree char *a5 = NULL;
  g_autofree char *a6 = NULL;
  g_autofree char *a7 = NULL;
  g_autofree char *a8 = NULL;
  g_autofree char *a9 = NULL;
  const AttestArticleMeta demo_meta = {
    .title = "ISIS exploits the Corona lockdown in Iraq",
    .byline = "Al-Jazeera staff",
    .outlet = "Al-Jazeera",
    .url = "https://www.aljazeera.net/news/2020/4/5/iraq-isis-corona",
    .published = "2020-04-05",
    .language = "en",
    .origin = demo_path,
    .description = "Attacks rise while security forces enforce the curfew",
  };
  const AttestArticleMeta arabic_meta = {
    .title = "تقرير من بعقوبة",
    .language = "ar",
    .origin = "test",
  };

  fixture->dir = g_dir_make_tmp ("attest-exchange-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = new_store (fixture->dir, "project.attest");
  attest_store_set_project_name (fixture->store, "Diyala & Salah al-Din <2020>", &error);
  g_assert_no_error (error);

  fixture->demo_uuid = attest_store_import_text (fixture->store, demo_text, -1, &demo_meta,
                                                 &error);
  g_assert_no_error (error);
  fixture->arabic_uuid = attest_store_import_text (fixture->store, ARABIC_TEXT, -1,
                                                   &arabic_meta, &error);
  g_assert_no_error (error);
  demo = attest_store_get_article (fixture->store, fixture->demo_uuid, &error);
  g_assert_no_error (error);
  arabic = attest_store_get_article (fixture->store, fixture->arabic_uuid, &error);
  g_assert_no_error (error);
  fixture->demo_body = g_strdup (attest_article_get_body (demo));
  fixture->arabic_body = g_strdup (attest_article_get_body (arabic));
  g_assert_null (strchr (fixture->demo_body, '\r'));

  security = create_tag (fixture->store, "Security", NULL, "#3584e4", "The security situation");
  attacks = create_tag (fixture->store, "Attacks", security, "#e01b24", NULL);
  ambush = create_tag (fixture->store, "Ambush & checkpoint", attacks, NULL,
                       "Line one\nline two");
  framing = create_tag (fixture->store, "Framing \"virus\"", NULL, NULL, NULL);
  attest_store_update_tag (fixture->store, framing, NULL, NULL, NULL,
                           "Memo: how the virus is framed", &error);
  g_assert_no_error (error);
  g_free (create_tag (fixture->store, "Unused", framing, "#00aa00", NULL));

  a1 = annotate (fixture, fixture->demo_uuid, fixture->demo_body, ATTEST_ANNOTATION_DIRECT,
                 "The Corona virus is an important factor. Given that some of the soldiers are "
                 "out of active duty and some of our operations have been stopped against the "
                 "organization, they are taking advantage of the situation to launch their "
                 "attacks,", "Tahsin al-Khafaji", "official", "Army spokesman", "amina");
  a2 = annotate (fixture, fixture->demo_uuid, fixture->demo_body, ATTEST_ANNOTATION_INDIRECT,
                 "although the Islamic State has become weaker than it was and does not appear "
                 "to be able to rise again and regain its influence, it is taking advantage of "
                 "the current situation to launch its attacks", "Washington Post", "media", NULL,
                 "amina");
  a3 = annotate (fixture, fixture->demo_uuid, fixture->demo_body, ATTEST_ANNOTATION_DIRECT,
                 "We are tense,", "a Baquba resident", "resident", NULL, "omar");
  a4 = annotate (fixture, fixture->demo_uuid, fixture->demo_body, ATTEST_ANNOTATION_CLAIM,
                 "Since March 15, Iraq has been subject to strict restrictions", NULL, NULL,
                 NULL, "omar");
  a5 = annotate (fixture, fixture->demo_uuid, fixture->demo_body, ATTEST_ANNOTATION_NOTE,
                 "Makchifa", NULL, NULL, MULTILINE_COMMENT, NULL);
  a6 = annotate (fixture, fixture->arabic_uuid, fixture->arabic_body, ATTEST_ANNOTATION_DIRECT,
                 "الوضع تحت السيطرة", "المتحدث باسم الشرطة", "official", "تعليق بالعربية",
                 "amina");
  /* The same characters as another kind: two annotations, not one. */
  a7 = annotate (fixture, fixture->arabic_uuid, fixture->arabic_body, ATTEST_ANNOTATION_CLAIM,
                 "الوضع تحت السيطرة", NULL, NULL, NULL, "amina");
  a8 = annotate (fixture, fixture->arabic_uuid, fixture->arabic_body, ATTEST_ANNOTATION_NOTE,
                 "Residents 👩🏽‍🌾 said", NULL, NULL, "ZWJ 👩🏽‍🌾 emoji", "omar");
  a9 = annotate (fixture, fixture->arabic_uuid, fixture->arabic_body, ATTEST_ANNOTATION_INDIRECT,
                 "we are afraid", "a teacher", "witness", NULL, "omar");

  tag (fixture, a1, security);
  tag (fixture, a1, framing);
  tag (fixture, a2, attacks);
  tag (fixture, a4, framing);
  tag (fixture, a5, ambush);
  tag (fixture, a6, security);
  tag (fixture, a8, ambush);
  attest_store_set_annotation_claim_status (fixture->store, a7, "disputed", &error);
  g_assert_no_error (error);

  /* A source nobody quotes is in the directory all the same. */
  g_clear_object (&demo);
  {
    g_autoptr(AttestSource) unquoted = attest_store_create_source (fixture->store,
                                                                   "Hisham Al-Hashimi",
                                                                   "expert", &error);
    g_assert_no_error (error);
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->demo_uuid);
  g_free (fixture->arabic_uuid);
  g_free (fixture->demo_body);
  g_free (fixture->arabic_body);
}

/* What a project holds, as text to compare: articles with their details and annotations,
 * tags by path, sources. uuids and times are left out: an import makes new ones. */

static char *
tag_path (GHashTable *tags,
          const char *uuid)
{
  AttestTag *tag = g_hash_table_lookup (tags, uuid);
  g_autofree char *parent = NULL;

  g_assert_nonnull (tag);
  if (attest_tag_get_parent_uuid (tag) == NULL)
    return g_strdup (attest_tag_get_name (tag));
  parent = tag_path (tags, attest_tag_get_parent_uuid (tag));
  return g_strconcat (parent, " › ", attest_tag_get_name (tag), NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
describe_project (AttestStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = attest_store_list_tags (store, &error);
  g_autoptr(GPtrArray) articles = attest_store_list_articles (store, &error);
  g_autoptr(GPtrArray) sources = attest_store_list_sources (store, &error);
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < tags->len; i++)
    g_hash_table_insert (by_uuid, (gpointer) attest_tag_get_uuid (tags->pdata[i]),
                         tags->pdata[i]);

  for (guint i = 0; i < tags->len; i++)
    {
      AttestTag *t = tags->pdata[i];
      g_autofree char *path = tag_path (by_uuid, attest_tag_get_uuid (t));

      g_ptr_array_add (lines, g_strdup_printf ("tag %s | %s | %s | %s", path,
                                               attest_tag_get_color (t),
                                               attest_tag_get_description (t),
                                               attest_tag_get_memo (t)));
    }
  for (guint i = 0; i < sources->len; i++)
    g_ptr_array_add (lines, g_strdup_printf ("source %s | %s",
                                             attest_source_get_name (sources->pdata[i]),
                                             attest_source_get_kind (sources->pdata[i])));

  for (guint i = 0; i < articles->len; i++)
    {
      AttestArticle *listed = articles->pdata[i];
      g_autoptr(AttestArticle) article = attest_store_get_article (store,
                                           attest_article_get_uuid (listed), &error);
      g_autoptr(GPtrArray) annotations = NULL;
      g_autofree char *hash = NULL;

      g_assert_no_error (error);
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, attest_article_get_body (article),
                                            -1);
      g_ptr_array_add (lines, g_strdup_printf ("article %s | %s | %s | %s | %s | %s | %s | %s",
                                               hash, attest_article_get_title (article),
                                               attest_article_get_byline (article),
                                               attest_article_get_outlet (article),
                                               attest_article_get_url (article),
                                               attest_article_get_published (article),
                                               attest_article_get_language (article),
                                               attest_article_get_description (article)));

      annotations = attest_store_list_annotations (store, attest_article_get_uuid (article),
                                                   &error);
      g_assert_no_error (error);
      for (guint a = 0; a < annotations->len; a++)
        {
          AttestAnnotation *annotation = annotations->pdata[a];
          const char * const *tag_uuids = attest_annotation_get_tag_uuids (annotation);
          g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *substring = NULL;
          g_autofree char *joined = NULL;

          /* The offsets find the exact text in the body. */
          substring = attest_text_substring (attest_article_get_body (article),
                                             attest_annotation_get_start (annotation),
                                             attest_annotation_get_end (annotation));
          g_assert_cmpstr (substring, ==, attest_annotation_get_exact (annotation));

          for (guint t = 0; tag_uuids[t] != NULL; t++)
            g_ptr_array_add (paths, tag_path (by_uuid, tag_uuids[t]));
          g_ptr_array_sort (paths, compare_strings);
          g_ptr_array_add (paths, NULL);
          joined = g_strjoinv (", ", (char **) paths->pdata);

          g_ptr_array_add (lines,
                           g_strdup_printf ("annotation %s | %u–%u | %s | %s | %s | %s | %s | "
                                            "%s | %s | %s", hash,
                                            attest_annotation_get_start (annotation),
                                            attest_annotation_get_end (annotation),
                                            attest_annotation_kind_to_string (
                                              attest_annotation_get_kind (annotation)),
                                            attest_annotation_get_exact (annotation),
                                            attest_annotation_get_prefix (annotation),
                                            attest_annotation_get_suffix (annotation),
                                            attest_annotation_get_speaker_name (annotation),
                                            attest_annotation_get_speaker_kind (annotation),
                                            attest_annotation_get_comment (annotation),
                                            attest_annotation_get_coder (annotation)));
          g_ptr_array_add (lines, g_strdup_printf ("annotation-tags %s | %u–%u | %s | %s", hash,
                                                   attest_annotation_get_start (annotation),
                                                   attest_annotation_get_end (annotation),
                                                   attest_annotation_kind_to_string (
                                                     attest_annotation_get_kind (annotation)),
                                                   joined));
        }
    }

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What "nothing changed" means: the same generation (bumped by every committed change) and
 * the same counts. */
static char *
snapshot (AttestStore *store)
{
  g_autoptr(GError) error = NULL;
  AttestStats stats;

  attest_store_get_stats (store, &stats, &error);
  g_assert_no_error (error);
  return g_strdup_printf ("generation %" G_GUINT64_FORMAT " articles %u sources %u "
                          "annotations %u tags %u undo %s",
                          attest_store_get_generation (store), stats.articles, stats.sources,
                          stats.annotations, stats.tags, attest_store_get_undo_label (store));
}

/* W3C */

static const char w3c_check[] =
  "import glob, json, sys, jsonschema\n"
  "doc = json.load(open(sys.argv[1], encoding='utf-8'))\n"
  "bodies = json.load(open(sys.argv[2], encoding='utf-8'))\n"
  "store = {}\n"
  "for p in glob.glob('definitions/*.json'):\n"
  "    s = json.load(open(p)); store[s['id']] = s\n"
  "def check(test, inst):\n"
  "    bad = []\n"
  "    for a in json.load(open(test))['assertions']:\n"
  "        s = json.load(open(a))\n"
  "        v = jsonschema.Draft4Validator(s, resolver=jsonschema.RefResolver(s['id'], s,\n"
  "            store=store), format_checker=jsonschema.FormatChecker())\n"
  "        if v.is_valid(inst) != (s.get('expectedResult', 'valid') == 'valid'):\n"
  "            bad.append(test + ': ' + a)\n"
  "    return bad\n"
  "bad = check('collections/collectionMusts.test', doc)\n"
  "bad += check('collections/pages/pageMusts.test', doc['first'])\n"
  "items = doc['first']['items']\n"
  "for item in items:\n"
  "    bad += [item['id'] + ' ' + b for b in check('annotations/annotationMusts.test', item)]\n"
  "    t = item['target']\n"
  "    body = bodies[t['attest:article']]\n"
  "    quote = [s for s in t['selector'] if s['type'] == 'TextQuoteSelector'][0]\n"
  "    pos = [s for s in t['selector'] if s['type'] == 'TextPositionSelector'][0]\n"
  "    s, e = pos['start'], pos['end']\n"
  "    if body[s:e] != quote['exact'] or not body[:s].endswith(quote['prefix']) \\\n"
  "       or not body[e:].startswith(quote['suffix']) \\\n"
  "       or body.find(quote['prefix'] + quote['exact'] + quote['suffix']) != s - len(quote['prefix']):\n"
  "        bad.append(item['id'] + ': the selectors do not find the text')\n"
  "if len(items) != doc['total']:\n"
  "    bad.append('total is %d, items %d' % (doc['total'], len(items)))\n"
  "print('\\n'.join(bad) or 'all assertions pass'); sys.exit(bool(bad))\n";

static void
validate_w3c (const char *document,
              const char *bodies)
{
  g_autofree char *directory = shared_path ("standards", "web-annotation", NULL);
  const char *argv[] = { python (), "-c", w3c_check, document, bodies, NULL };

  g_assert_cmpint (run (argv, directory), ==, 0);
}

static void
test_w3c_valid (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "annotations.jsonld", NULL);
  g_autofree char *bodies_path = g_build_filename (fixture->dir, "bodies.json", NULL);
  g_autofree char *demo_urn = g_strconcat ("urn:uuid:", fixture->demo_uuid, NULL);
  g_autofree char *arabic_urn = g_strconcat ("urn:uuid:", fixture->arabic_uuid, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) bodies = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonArray *items;
  guint n_identifying = 0;
  guint n_tagging = 0;
  gboolean saw_url = FALSE;
  gboolean saw_assessing = FALSE;

  export_to (fixture->store, "w3c", path);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, demo_urn);
  json_builder_add_string_value (builder, fixture->demo_body);
  json_builder_set_member_name (builder, arabic_urn);
  json_builder_add_string_value (builder, fixture->arabic_body);
  json_builder_end_object (builder);
  bodies = json_builder_get_root (builder);
  json_generator_set_root (generator, bodies);
  json_generator_to_file (generator, bodies_path, &error);
  g_assert_no_error (error);

  validate_w3c (path, bodies_path);

  /* What the schemas do not say: the mapping of Attest's annotations. */
  text = read_text_file (path);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "AnnotationCollection");
  g_assert_cmpstr (json_object_get_string_member (root, "label"), ==,
                   "Diyala & Salah al-Din <2020>");
  g_assert_cmpint (json_object_get_int_member (root, "total"), ==, 9);
  items = json_object_get_array_member (json_object_get_object_member (root, "first"), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 9);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonArray *body = json_object_get_array_member (item, "body");
      JsonObject *target = json_object_get_object_member (item, "target");
      const char *motivation = json_object_get_string_member (item, "motivation");
      const char *kind = NULL;

      g_assert_true (g_str_has_prefix (json_object_get_string_member (item, "id"),
                                       "urn:uuid:"));
      if (g_str_has_prefix (json_object_get_string_member (target, "source"), "https://"))
        saw_url = TRUE;
      for (guint b = 0; b < json_array_get_length (body); b++)
        {
          JsonObject *part = json_array_get_object_element (body, b);
          const char *purpose = json_object_get_string_member (part, "purpose");

          if (g_str_equal (purpose, "classifying"))
            kind = json_object_get_string_member (part, "attest:kind");
          else if (g_str_equal (purpose, "identifying"))
            {
              n_identifying++;
              g_assert_true (json_object_has_member (part, "attest:sourceKind"));
            }
          else if (g_str_equal (purpose, "tagging"))
            n_tagging++;
          else if (g_str_equal (purpose, "assessing"))
            {
              saw_assessing = TRUE;
              g_assert_cmpstr (json_object_get_string_member (part, "value"), ==, "disputed");
            }
        }
      if (kind != NULL)
        g_assert_cmpstr (motivation, ==, "classifying");
      else
        g_assert_true (g_str_equal (motivation, "commenting") || g_str_equal (motivation, "tagging")
                       || g_str_equal (motivation, "highlighting"));
    }
  g_assert_cmpuint (n_identifying, ==, 5);
  g_assert_cmpuint (n_tagging, ==, 7);
  g_assert_true (saw_url);
  g_assert_true (saw_assessing);
}

static void
test_w3c_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-exchange-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *bodies = NULL;
  AttestStore *store;

  g_assert_no_error (error);
  store = new_store (dir, "empty.attest");
  path = g_build_filename (dir, "empty.jsonld", NULL);
  bodies = g_build_filename (dir, "bodies.json", NULL);
  write_text_file (bodies, "{}");
  export_to (store, "w3c", path);
  validate_w3c (path, bodies);

  g_assert_finalize_object (store);
  remove_tree (dir);
}

/* REFI-QDA export */

static void
test_qdc_valid (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "codebook.qdc", NULL);
  g_autofree char *text = NULL;

  export_to (fixture->store, "qdc", path);
  assert_xsd_valid ("Codebook-mrt2019.xsd", path);

  text = read_text_file (path);
  g_assert_nonnull (strstr (text, "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""));
  g_assert_nonnull (strstr (text, "name=\"Ambush &amp; checkpoint\""));
  g_assert_nonnull (strstr (text, "color=\"#3584e4\""));
  g_assert_nonnull (strstr (text, "name=\"Kinds\""));
  /* Speakers are the project's, not the codebook's. */
  g_assert_null (strstr (text, "Tahsin"));
}

static const char qdpx_check[] =
  "import json, sys, zipfile\n"
  "import xml.etree.ElementTree as ET\n"
  "z = zipfile.ZipFile(sys.argv[1])\n"
  "bodies = json.load(open(sys.argv[2], encoding='utf-8'))\n"
  "exacts = json.load(open(sys.argv[3], encoding='utf-8'))\n"
  "assert z.testzip() is None\n"
  "names = z.namelist()\n"
  "assert names[0] == 'project.qde', names\n"
  "assert sorted(names[1:]) == sorted('Sources/%s.txt' % g for g in bodies), names\n"
  "for guid, body in bodies.items():\n"
  "    assert z.read('Sources/%s.txt' % guid) == body.encode('utf-8'), guid\n"
  "open(sys.argv[4], 'wb').write(z.read('project.qde'))\n"
  "q = '{urn:QDA-XML:project:1.0}'\n"
  "seen = 0\n"
  "for source in ET.parse(sys.argv[4]).getroot().iter(q + 'TextSource'):\n"
  "    assert source.get('plainTextPath') == 'internal://%s.txt' % source.get('guid')\n"
  "    body = bodies[source.get('guid')]\n"
  "    for sel in source.findall(q + 'PlainTextSelection'):\n"
  "        s, e = int(sel.get('startPosition')), int(sel.get('endPosition'))\n"
  "        assert body[s:e] == exacts[sel.get('guid')], sel.get('guid')\n"
  "        seen += 1\n"
  "assert seen == len(exacts), seen\n"
  "print('ok')\n";

static void
test_qdpx_valid (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "project.qdpx", NULL);
  g_autofree char *qde = g_build_filename (fixture->dir, "project.qde", NULL);
  g_autofree char *bodies_path = g_build_filename (fixture->dir, "bodies.json", NULL);
  g_autofree char *exacts_path = g_build_filename (fixture->dir, "exacts.json", NULL);
  g_autoptr(JsonBuilder) bodies = json_builder_new ();
  g_autoptr(JsonBuilder) exacts = json_builder_new ();
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { python (), "-c", qdpx_check, path, bodies_path, exacts_path, qde, NULL };
  struct { const char *uuid; const char *body; } articles[] = {
    { fixture->demo_uuid, fixture->demo_body },
    { fixture->arabic_uuid, fixture->arabic_body },
  };

  export_to (fixture->store, "qdpx", path);

  json_builder_begin_object (bodies);
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autofree char *guid = g_ascii_strup (articles[i].uuid, -1);

      json_builder_set_member_name (bodies, guid);
      json_builder_add_string_value (bodies, articles[i].body);
    }
  json_builder_end_object (bodies);
  annotations = attest_store_list_annotations (fixture->store, NULL, &error);
  g_assert_no_error (error);
  json_builder_begin_object (exacts);
  for (guint i = 0; i < annotations->len; i++)
    {
      g_autofree char *guid = g_ascii_strup (attest_annotation_get_uuid (annotations->pdata[i]),
                                             -1);

      json_builder_set_member_name (exacts, guid);
      json_builder_add_string_value (exacts, attest_annotation_get_exact (annotations->pdata[i]));
    }
  json_builder_end_object (exacts);
  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(JsonNode) node = json_builder_get_root (bodies);
    g_autoptr(JsonNode) node2 = json_builder_get_root (exacts);

    json_generator_set_root (generator, node);
    json_generator_to_file (generator, bodies_path, &error);
    g_assert_no_error (error);
    json_generator_set_root (generator, node2);
    json_generator_to_file (generator, exacts_path, &error);
    g_assert_no_error (error);
  }

  /* Layout, texts byte for byte, positions in code points; then the XSD. */
  g_assert_cmpint (run (argv, NULL), ==, 0);
  assert_xsd_valid ("Project-mrt2019.xsd", qde);

  text = read_text_file (qde);
  g_assert_nonnull (strstr (text, "<Project xmlns=\"urn:QDA-XML:project:1.0\""));
  g_assert_nonnull (strstr (text, "name=\"Diyala &amp; Salah al-Din &lt;2020&gt;\""));
  g_assert_nonnull (strstr (text, "<User guid="));
  g_assert_nonnull (strstr (text, "name=\"amina\""));
  g_assert_nonnull (strstr (text, "name=\"Speakers\""));
  g_assert_nonnull (strstr (text, "name=\"Hisham Al-Hashimi\""));
  g_assert_nonnull (strstr (text, "<TextValue>Al-Jazeera</TextValue>"));
  g_assert_nonnull (strstr (text, "Memo: how the virus is framed"));
  /* The comment's line break survives inside the element. */
  g_assert_nonnull (strstr (text, "Spelled Machishafa further down.\nThe same village? "
                                  "&lt;check&gt; &amp; &quot;verify&quot;"));
}

/* Exporting twice gives the same document but for the time of the export. */
static void
test_qdpx_stable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GOutputStream) first = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) second = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  attest_export_qdc (fixture->store, first, NULL, &error);
  g_assert_no_error (error);
  attest_export_qdc (fixture->store, second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (first)), ==,
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (second)));
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (first)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (first)),
                   g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (second)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (second)));
}

static void
test_export_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.qdpx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_false (attest_export_exchange_to_file (fixture->store, "docx", file, NULL, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* A cancelled export leaves the old file as it was and nothing beside it. */
  write_text_file (path, "old");
  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < 3; i++)
    {
      const char *formats[] = { "w3c", "qdc", "qdpx" };

      g_assert_false (attest_export_exchange_to_file (fixture->store, formats[i], file,
                                                      cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
    }
  contents = read_text_file (path);
  g_assert_cmpstr (contents, ==, "old");
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_suffix (name, ".part"));
  }
}

/* Streams: how much went out, in how many writes; it can be told to fail after a while. */

#define TEST_TYPE_COUNTING_STREAM (test_counting_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestCountingStream, test_counting_stream, TEST, COUNTING_STREAM,
                      GOutputStream)

struct _TestCountingStream
{
  GOutputStream parent_instance;
  gsize         total;
  gsize         largest;
  guint         n_writes;
  gsize         fail_after;    /* 0: never */
};

G_DEFINE_FINAL_TYPE (TestCountingStream, test_counting_stream, G_TYPE_OUTPUT_STREAM)

static gssize
test_counting_stream_write (GOutputStream  *stream,
                            const void     *buffer,
                            gsize           count,
                            GCancellable   *cancellable,
                            GError        **error)
{
  TestCountingStream *self = TEST_COUNTING_STREAM (stream);

  if (self->fail_after > 0 && self->total + count > self->fail_after)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return -1;
    }

  self->total += count;
  self->largest = MAX (self->largest, count);
  self->n_writes++;
  return count;
}

static void
test_counting_stream_class_init (TestCountingStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_counting_stream_write;
}

static void
test_counting_stream_init (TestCountingStream *self)
{
}

static void
add_many_articles (Fixture *fixture,
                   guint    n_articles)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_articles; i++)
    {
      g_autofree char *uuid = NULL;
      g_autoptr(AttestAnnotation) annotation = NULL;

      g_string_printf (text, "Report %u\n\n", i);
      for (guint j = 0; j < 100; j++)
        g_string_append_printf (text, "Paragraph %u of report %u, with \"quotes\" 😀.\n\n", j, i);

      uuid = attest_store_import_text (fixture->store, text->str, text->len, NULL, &error);
      g_assert_no_error (error);
      annotation = attest_store_annotate_span (fixture->store, uuid, ATTEST_ANNOTATION_DIRECT,
                                               20, 60, "Reporter", "media", "A comment",
                                               "amina", &error);
      g_assert_no_error (error);
    }
}

static void
test_streaming (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const formats[] = { "w3c", "qdpx" };

  add_many_articles (fixture, 200);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(TestCountingStream) stream = g_object_new (TEST_TYPE_COUNTING_STREAM, NULL);
      g_autoptr(GError) error = NULL;

      if (g_str_equal (formats[i], "w3c"))
        attest_export_w3c (fixture->store, G_OUTPUT_STREAM (stream), NULL, &error);
      else
        attest_export_qdpx (fixture->store, G_OUTPUT_STREAM (stream), NULL, &error);
      g_assert_no_error (error);

      /* Much went out, in many writes, none much larger than one article. */
      g_test_message ("%s: %" G_GSIZE_FORMAT " bytes in %u writes, the largest %" G_GSIZE_FORMAT,
                      formats[i], stream->total, stream->n_writes, stream->largest);
      g_assert_cmpuint (stream->total, >, 100 * 1000);
      g_assert_cmpuint (stream->n_writes, >=, 3);
      g_assert_cmpuint (stream->largest, <=, 128 * 1024);
    }
}

/* A disk that fills up mid-export: an error that says so, and the store still usable. */
static void
test_full_stream (Fixture       *fixture,
                  gconstpointer  data)
{
  add_many_articles (fixture, 50);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TestCountingStream) stream = g_object_new (TEST_TYPE_COUNTING_STREAM, NULL);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      stream->fail_after = i == 1 ? 500 : 3000;
      if (i == 0)
        ok = attest_export_w3c (fixture->store, G_OUTPUT_STREAM (stream), NULL, &error);
      else if (i == 1)
        ok = attest_export_qdc (fixture->store, G_OUTPUT_STREAM (stream), NULL, &error);
      else
        ok = attest_export_qdpx (fixture->store, G_OUTPUT_STREAM (stream), NULL, &error);
      g_assert_false (ok);
      g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "No space left on device"));
    }

  /* The export's read transaction ended: the store takes changes again. */
  g_free (create_tag (fixture->store, "After the failed export", NULL, NULL, NULL));
}

/* The round trip */

static void
test_roundtrip (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "roundtrip.qdpx", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "again.qdpx", NULL);
  g_autoptr(AttestRefiImportSummary) summary = NULL;
  g_autoptr(AttestRefiImportSummary) twice = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_twice = NULL;
  g_autofree char *reexported = NULL;
  AttestStore *copy;

  export_to (fixture->store, "qdpx", path);
  copy = new_store (fixture->dir, "copy.attest");
  summary = import_qdpx (copy, path);

  g_assert_cmpuint (summary->n_articles, ==, 2);
  g_assert_cmpuint (summary->n_existing_articles, ==, 0);
  g_assert_cmpuint (summary->n_tags, ==, 5);
  g_assert_cmpuint (summary->n_sources, ==, 6);
  g_assert_cmpuint (summary->n_annotations, ==, 9);
  g_assert_cmpuint (summary->n_duplicates, ==, 0);
  g_assert_cmpuint (summary->n_skipped, ==, 0);
  g_assert_cmpuint (summary->warnings->len, ==, 0);
  g_assert_cmpuint (summary->article_uuids->len, ==, 2);

  /* Every coding at the same characters, with its kind, speaker, comment, coder and tags;
   * the same tags, hierarchy, colours, descriptions and memos; the same sources. */
  before = describe_project (fixture->store);
  after = describe_project (copy);
  g_assert_cmpstr (after, ==, before);

  /* Importing it again adds nothing. */
  twice = import_qdpx (copy, path);
  g_assert_cmpuint (twice->n_articles, ==, 0);
  g_assert_cmpuint (twice->n_existing_articles, ==, 2);
  g_assert_cmpuint (twice->n_tags, ==, 0);
  g_assert_cmpuint (twice->n_sources, ==, 0);
  g_assert_cmpuint (twice->n_annotations, ==, 0);
  g_assert_cmpuint (twice->n_duplicates, ==, 9);
  after_twice = describe_project (copy);
  g_assert_cmpstr (after_twice, ==, before);

  /* And the copy exports what the original did. */
  export_to (copy, "qdpx", again);
  {
    AttestStore *third = new_store (fixture->dir, "third.attest");
    g_autoptr(AttestRefiImportSummary) third_summary = import_qdpx (third, again);

    reexported = describe_project (third);
    g_assert_cmpstr (reexported, ==, before);
    g_assert_finalize_object (third);
  }

  g_assert_finalize_object (copy);
}

static void
test_qdc_roundtrip (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "codebook.qdc", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AttestRefiImportSummary) summary = NULL;
  g_autoptr(GPtrArray) original = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  g_autoptr(GError) error = NULL;
  AttestStore *copy;

  export_to (fixture->store, "qdc", path);
  copy = new_store (fixture->dir, "codebook.attest");
  attest_refi_import_qdc (copy, file, NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_tags, ==, 5);
  g_assert_cmpuint (summary->n_articles, ==, 0);

  original = attest_store_list_tags (fixture->store, &error);
  g_assert_no_error (error);
  copied = attest_store_list_tags (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (copied->len, ==, original->len);
  for (guint i = 0; i < original->len; i++)
    {
      AttestTag *a = original->pdata[i];
      AttestTag *b = copied->pdata[i];

      g_assert_cmpstr (attest_tag_get_name (a), ==, attest_tag_get_name (b));
      g_assert_cmpstr (attest_tag_get_color (a), ==, attest_tag_get_color (b));
      g_assert_cmpstr (attest_tag_get_description (a), ==, attest_tag_get_description (b));
      g_assert_cmpint (attest_tag_get_parent_uuid (a) == NULL, ==,
                       attest_tag_get_parent_uuid (b) == NULL);
    }

  g_assert_finalize_object (copy);
}

/* Other tools' files */

static void
test_atlas_samples (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-exchange-XXXXXX", &error);
  g_autofree char *target = shared_path ("standards", "refi-qda", "target-atlas-project.qdpx",
                                         NULL);
  g_autofree char *blank = shared_path ("standards", "refi-qda", "blank-atlas-project.qdpx",
                                        NULL);
  g_autoptr(AttestRefiImportSummary) summary = NULL;
  g_autoptr(AttestRefiImportSummary) empty = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autofree char *described = NULL;
  AttestStore *store;
  AttestStore *blank_store;
  AttestStats stats;

  g_assert_no_error (error);

  /* ATLAS.ti's project with a codebook of one code and two under it (it has no sources). */
  store = new_store (dir, "atlas.attest");
  summary = import_qdpx (store, target);
  g_assert_cmpuint (summary->n_tags, ==, 3);
  g_assert_cmpuint (summary->n_articles, ==, 0);
  g_assert_cmpuint (summary->n_annotations, ==, 0);
  tags = attest_store_list_tags (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 3);
  g_assert_cmpstr (attest_tag_get_name (tags->pdata[0]), ==, "Commits");
  g_assert_null (attest_tag_get_parent_uuid (tags->pdata[0]));
  for (guint i = 1; i < 3; i++)
    g_assert_cmpstr (attest_tag_get_parent_uuid (tags->pdata[i]), ==,
                     attest_tag_get_uuid (tags->pdata[0]));
  described = describe_project (store);
  g_assert_nonnull (strstr (described, "tag Commits › 2022-05-10T02:05:59Z 19e4dce"));

  /* The blank one: an empty project, no error. */
  blank_store = new_store (dir, "blank.attest");
  empty = import_qdpx (blank_store, blank);
  g_assert_cmpuint (empty->n_tags + empty->n_articles + empty->n_annotations + empty->n_sources,
                    ==, 0);
  attest_store_get_stats (blank_store, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.articles + stats.tags + stats.annotations + stats.sources, ==, 0);
  g_assert_false (attest_store_can_undo (blank_store));

  g_assert_finalize_object (store);
  g_assert_finalize_object (blank_store);
  remove_tree (dir);
}

/* A project in another tool's shape: texts counting CRLF as two characters, a byte order
 * mark, an emoji, #RGB colours, a note as the comment, and what Attest skips. */
static void
test_foreign_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-exchange-XXXXXX", &error);
  g_autofree char *qde_path = fixture_path ("foreign/project.qde");
  g_autofree char *text_path = fixture_path ("foreign/Sources/interview.txt");
  g_autofree char *qde = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *described = NULL;
  g_autoptr(AttestRefiImportSummary) summary = NULL;
  gsize text_length = 0;
  AttestStore *store;

  g_assert_no_error (error);
  g_file_get_contents (text_path, &text, &text_length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (text, text_length, "\r\n"));
  qde = read_text_file (qde_path);
  path = g_build_filename (dir, "foreign.qdpx", NULL);
  {
    const ZipEntry entries[] = {
      { "project.qde", qde, -1, FALSE },
      { "Sources/interview.txt", text, text_length, FALSE },
      { "Sources/leaflet.pdf", "%PDF-1.4 not read", -1, FALSE },
    };

    write_zip (path, entries, G_N_ELEMENTS (entries));
  }

  store = new_store (dir, "foreign.attest");
  summary = import_qdpx (store, path);
  g_assert_cmpuint (summary->n_articles, ==, 2);
  g_assert_cmpuint (summary->n_tags, ==, 4);
  g_assert_cmpuint (summary->n_annotations, ==, 4);
  /* The PDF, the coding of the whole interview, the empty and the white-space selection. */
  g_assert_cmpuint (summary->n_skipped, ==, 4);
  g_assert_cmpuint (summary->warnings->len, ==, 4);

  described = describe_project (store);
  g_test_message ("%s", described);
  /* Offsets moved with the text: CRLF became LF, blank lines collapsed, the mark dropped. */
  g_assert_nonnull (strstr (described, "| 51–70 | note | They came at night, |"));
  g_assert_nonnull (strstr (described, "| 82–100 | note | Nobody 🧕 was hurt. |"));
  g_assert_nonnull (strstr (described, "| 102–118 | note | Closing remarks. |"));
  g_assert_nonnull (strstr (described, "| 21–27 | note | émigré |"));
  /* Comments from a Description and from a Note; the coder from the Users. */
  g_assert_nonnull (strstr (described, "| Check with the police | Maria\n"));
  g_assert_nonnull (strstr (described, "| A memo on the closing | (null)\n"));
  /* Tags: nesting, #RGB expanded, names stripped, a memo from a note, and a tag of the user's
   * own called "Attest" that is not Attest's vocabulary. */
  g_assert_nonnull (strstr (described, "tag Themes | #ff0000 | Top-level themes | (null)\n"));
  g_assert_nonnull (strstr (described, "tag Themes › Violence | #00ff00 |"));
  g_assert_nonnull (strstr (described, "tag Themes › Fear | (null) | (null) | Fear as residents "
                                       "describe it\n"));
  g_assert_nonnull (strstr (described, "tag Attest | (null) |"));
  g_assert_nonnull (strstr (described, "| 51–70 | note | Themes › Fear, Themes › Violence\n"));
  /* Variables: the outlet (named in lower case) and the date. */
  g_assert_nonnull (strstr (described, "| Interview 1 | (null) | Radio Dijla | (null) | "
                                       "2020-04-05 | (null) | Recorded in Baquba\n"));

  g_assert_finalize_object (store);
  remove_tree (dir);
}

/* Hostile files */

#define GOOD_CODES "<Code guid=\"A0000000-0000-4000-8000-000000000001\" name=\"c\" isCodable=\"true\"/>"
#define GOOD_SELECTION \
  "<PlainTextSelection guid=\"A0000000-0000-4000-8000-000000000003\" startPosition=\"0\" " \
  "endPosition=\"5\"><Coding guid=\"A0000000-0000-4000-8000-000000000004\">" \
  "<CodeRef targetGUID=\"A0000000-0000-4000-8000-000000000001\"/></Coding></PlainTextSelection>"
#define GOOD_SOURCES \
  "<TextSource guid=\"A0000000-0000-4000-8000-000000000002\" name=\"s\" " \
  "plainTextPath=\"internal://a.txt\">" GOOD_SELECTION "</TextSource>"
#define GOOD_TEXT "Hello world, a text with words."

static char *
project_document (const char *codes,
                  const char *sources)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                          "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"t\">"
                          "<CodeBook><Codes>%s</Codes></CodeBook><Sources>%s</Sources>"
                          "</Project>\n", codes ? codes : GOOD_CODES,
                          sources ? sources : GOOD_SOURCES);
}

typedef enum
{
  LIMIT_NONE,
  LIMIT_ENTRIES,
  LIMIT_TOTAL,
  LIMIT_TEXT,
  LIMIT_NOTE,
} Limit;

typedef struct
{
  const char *name;
  const char *document;       /* project.qde; NULL: the good one */
  const char *codes;          /* or the good document with these codes */
  const char *sources;        /* ... and these sources */
  const char *text;           /* Sources/a.txt; NULL: GOOD_TEXT */
  const char *extra_name;     /* one more entry */
  const char *raw_file;       /* not a zip at all: the file's contents */
  Limit       limit;
  const char *message;        /* part of the error message */
} HostileCase;

static char *
long_name (void)
{
  g_autoptr(GString) codes = g_string_new ("<Code guid=\"A0000000-0000-4000-8000-000000000001\" "
                                           "name=\"");

  for (guint i = 0; i < 2000; i++)
    g_string_append_c (codes, 'x');
  g_string_append (codes, "\" isCodable=\"true\"/>");
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

static char *
deep_codes (void)
{
  g_autoptr(GString) codes = g_string_new (GOOD_CODES);

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (codes, "<Code guid=\"B0000000-0000-4000-8000-%012u\" name=\"d%u\" "
                                   "isCodable=\"true\">", i, i);
  for (guint i = 0; i < 40; i++)
    g_string_append (codes, "</Code>");
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

static const HostileCase hostile_cases[] = {
  { "not-a-zip", .raw_file = "Just some text, not an archive.\n",
    .message = "not a .qdpx file" },
  { "empty-file", .raw_file = "", .message = "not a .qdpx file" },
  { "no-project", .document = "", .message = "no project.qde" },
  { "climbs-out", .extra_name = "../evil.txt", .message = "points outside the archive" },
  { "absolute", .extra_name = "/etc/evil.txt", .message = "points outside the archive" },
  { "backslashes", .extra_name = "Sources\\..\\..\\evil.txt",
    .message = "points outside the archive" },
  { "drive", .extra_name = "C:/evil.txt", .message = "points outside the archive" },
  { "same-name-twice", .extra_name = "Sources/a.txt", .message = "two files named" },
  { "symlink", .extra_name = "@Sources/link.txt", .message = "a link or a device" },
  { "too-many-files", .limit = LIMIT_ENTRIES, .message = "more than 2 files" },
  { "zip-bomb", .limit = LIMIT_TOTAL, .message = "unpacks to more than 1.0" },
  { "huge-text", .limit = LIMIT_TEXT, .message = "is larger than" },
  { "other-version", .document = "<Project xmlns=\"urn:QDA-XML:project:2.0\" name=\"t\"/>",
    .message = "version 2.0" },
  { "not-refi", .document = "<Project name=\"t\"/>", .message = "not a REFI-QDA project" },
  { "codebook-as-project",
    .document = "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes/></CodeBook>",
    .message = "not a REFI-QDA project" },
  { "malformed", .document = "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"t\"><Sources>",
    .message = "not well-formed" },
  { "entity-bomb",
    .document = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\">"
                "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&b;\"/>",
    .message = "DTD" },
  { "utf-16", .document = "\xff\xfe<\0P\0", .message = "not UTF-8" },
  { "code-without-guid", .codes = "<Code name=\"c\" isCodable=\"true\"/>",
    .message = "a code has no guid" },
  { "bad-guid", .codes = "<Code guid=\"not-a-guid\" name=\"c\" isCodable=\"true\"/>",
    .message = "not a GUID" },
  { "guid-twice",
    .codes = GOOD_CODES "<Code guid=\"a0000000-0000-4000-8000-000000000001\" name=\"d\" "
             "isCodable=\"true\"/>",
    .message = "used twice" },
  { "code-without-name", .codes = "<Code guid=\"A0000000-0000-4000-8000-000000000001\" "
                                  "name=\"  \" isCodable=\"true\"/>",
    .message = "has no name" },
  { "bad-boolean", .codes = "<Code guid=\"A0000000-0000-4000-8000-000000000001\" name=\"c\" "
                            "isCodable=\"maybe\"/>",
    .message = "not true or false" },
  { "bad-colour", .codes = "<Code guid=\"A0000000-0000-4000-8000-000000000001\" name=\"c\" "
                           "isCodable=\"true\" color=\"red\"/>",
    .message = "not #RRGGBB" },
  { "huge-name", .codes = NULL /* long_name () */, .message = "longer than" },
  { "deep-codes", .codes = NULL /* deep_codes () */, .message = "nest more than" },
  { "position-not-a-number",
    .sources = "<TextSource guid=\"A0000000-0000-4000-8000-000000000002\" "
               "plainTextPath=\"internal://a.txt\"><PlainTextSelection "
               "guid=\"A0000000-0000-4000-8000-000000000003\" startPosition=\"five\" "
               "endPosition=\"9\"/></TextSource>",
    .message = "not a number" },
  { "negative-position",
    .sources = "<TextSource guid=\"A0000000-0000-4000-8000-000000000002\" "
               "plainTextPath=\"internal://a.txt\"><PlainTextSelection "
               "guid=\"A0000000-0000-4000-8000-000000000003\" startPosition=\"-3\" "
               "endPosition=\"9\"/></TextSource>",
    .message = "before the text" },
  { "outside-the-text",
    .sources = "<TextSource guid=\"A0000000-0000-4000-8000-000000000002\" "
               "plainTextPath=\"internal://a.txt\"><PlainTextSelection "
               "guid=\"A0000000-0000-4000-8000-000000000003\" startPosition=\"3\" "
               "endPosition=\"32\"/></TextSource>",
    .message = "outside its text" },
  { "huge-position",
    .sources = "<TextSource guid=\"A0000000-0000-4000-8000-000000000002\" "
               "plainTextPath=\"internal://a.txt\"><PlainTextSelection "
               "guid=\"A0000000-0000-4000-8000-000000000003\" startPosition=\"3\" "
               "endPosition=\"99999999999999999999999\"/></TextSource>",
    .message = "not a number" },
  { "reversed",
    .sources = "<TextSource guid=\"A0000000-0000-4000-8000-000000000002\" "
               "plainTextPath=\"internal://a.txt\"><PlainTextSelection "
               "guid=\"A0000000-0000-4000-8000-000000000003\" startPosition=\"9\" "
               "endPosition=\"3\"/></TextSource>",
    .message = "before it starts" },
  { "missing-position",
    .sources = "<TextSource guid=\"A0000000-0000-4000-8000-000000000002\" "
               "plainTextPath=\"internal://a.txt\"><PlainTextSelection "
               "guid=\"A0000000-0000-4000-8000-000000000003\" startPosition=\"9\"/>"
               "</TextSource>",
    .message = "has no endPosition" },
  { "unknown-code",
    .sources = "<TextSource guid=\"A0000000-0000-4000-8000-000000000002\" "
               "plainTextPath=\"internal://a.txt\"><PlainTextSelection "
               "guid=\"A0000000-0000-4000-8000-000000000003\" startPosition=\"0\" "
               "endPosition=\"5\"><Coding guid=\"A0000000-0000-4000-8000-000000000004\">"
               "<CodeRef targetGUID=\"F0000000-0000-4000-8000-000000000009\"/></Coding>"
               "</PlainTextSelection></TextSource>",
    .message = "not in the codebook" },
  { "coding-without-code",
    .sources = "<TextSource guid=\"A0000000-0000-4000-8000-000000000002\" "
               "plainTextPath=\"internal://a.txt\"><PlainTextSelection "
               "guid=\"A0000000-0000-4000-8000-000000000003\" startPosition=\"0\" "
               "endPosition=\"5\"><Coding guid=\"A0000000-0000-4000-8000-000000000004\"/>"
               "</PlainTextSelection></TextSource>",
    .message = "names no code" },
  { "missing-text-file",
    .sources = "<TextSource guid=\"A0000000-0000-4000-8000-000000000002\" "
               "plainTextPath=\"internal://missing.txt\"/>",
    .message = "not in the project file" },
  { "no-text",
    .sources = "<TextSource guid=\"A0000000-0000-4000-8000-000000000002\" name=\"s\"/>",
    .message = "has no text" },
  { "not-utf-8", .text = "Caf\xe9 au lait, words enough.", .message = "not UTF-8 text" },
  { "huge-description",
    .codes = "<Code guid=\"A0000000-0000-4000-8000-000000000001\" name=\"c\" isCodable=\"true\">"
             "<Description>This description is longer than the limit the test sets, which "
             "is sixty-four bytes.</Description></Code>",
    .limit = LIMIT_NOTE, .message = "longer than" },
};

static void
run_hostile_case (Fixture           *fixture,
                  const HostileCase *test)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.qdpx", fixture->dir, test->name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *before = snapshot (fixture->store);
  g_autofree char *after = NULL;
  g_autofree char *big = NULL;
  AttestRefiLimits saved = _attest_refi_limits;
  AttestRefiImportSummary *summary = NULL;
  const char *text = test->text ? test->text : GOOD_TEXT;
  gsize text_length = strlen (text);

  g_test_message ("hostile case %s", test->name);

  if (g_str_equal (test->name, "huge-name"))
    codes = long_name ();
  else if (g_str_equal (test->name, "deep-codes"))
    codes = deep_codes ();
  else
    codes = g_strdup (test->codes);

  switch (test->limit)
    {
    case LIMIT_ENTRIES:
      _attest_refi_limits.max_entries = 2;
      break;
    case LIMIT_TOTAL:
      /* 2 MB of zeros packs into a few kilobytes. */
      _attest_refi_limits.max_total_bytes = 1024 * 1024;
      big = g_malloc0 (2 * 1024 * 1024);
      memcpy (big, "words ", 6);
      break;
    case LIMIT_TEXT:
      _attest_refi_limits.max_text_bytes = 16;
      break;
    case LIMIT_NOTE:
      _attest_refi_limits.max_note_bytes = 64;
      break;
    case LIMIT_NONE:
    default:
      break;
    }

  if (test->raw_file != NULL)
    write_text_file (path, test->raw_file);
  else
    {
      ZipEntry list[4];
      guint n = 0;

      document = test->document ? g_strdup (test->document)
                                : project_document (codes, test->sources);
      /* The UTF-16 document holds NUL bytes: it is written from the table as it is. */
      if (g_str_equal (test->name, "utf-16"))
        list[n++] = (ZipEntry) { "project.qde", test->document, 6, FALSE };
      else if (*document != '\0')
        list[n++] = (ZipEntry) { "project.qde", document, -1, FALSE };
      if (big != NULL)
        list[n++] = (ZipEntry) { "Sources/a.txt", big, 2 * 1024 * 1024, FALSE };
      else
        list[n++] = (ZipEntry) { "Sources/a.txt", text, text_length, FALSE };
      if (test->extra_name != NULL && test->extra_name[0] == '@')
        list[n++] = (ZipEntry) { test->extra_name + 1, "a.txt", -1, TRUE };
      else if (test->extra_name != NULL)
        list[n++] = (ZipEntry) { test->extra_name, "extra words", -1, FALSE };
      if (test->limit == LIMIT_ENTRIES)
        list[n++] = (ZipEntry) { "Sources/b.txt", "more words", -1, FALSE };
      write_zip (path, list, n);
    }

  g_assert_false (attest_refi_import_qdpx (fixture->store, file, NULL, &summary, &error));
  _attest_refi_limits = saved;
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_test_message ("%s: %s", test->name, error->message);
  if (strstr (error->message, test->message) == NULL)
    g_error ("%s: “%s” does not say “%s”", test->name, error->message, test->message);
  g_assert_null (summary);

  after = snapshot (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    run_hostile_case (fixture, &hostile_cases[i]);
}

/* A .qdpx cut short, and one with a byte of its packed text changed. */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "whole.qdpx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  export_to (fixture->store, "qdpx", path);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  before = snapshot (fixture->store);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *damaged = g_strdup_printf ("%s/damaged-%u.qdpx", fixture->dir, i);
      g_autoptr(GFile) file = g_file_new_for_path (damaged);
      g_autofree char *copy = g_memdup2 (contents, length);
      g_autofree char *after = NULL;
      gsize damaged_length = length;

      if (i == 0)
        damaged_length = length / 2;
      else
        {
          /* Inside the deflated data of project.qde, the first entry. */
          copy[200] ^= 0x55;
          copy[201] ^= 0x55;
        }
      g_file_set_contents (damaged, copy, damaged_length, &error);
      g_assert_no_error (error);

      g_assert_false (attest_refi_import_qdpx (fixture->store, file, NULL, NULL, &error));
      g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      after = snapshot (fixture->store);
      g_assert_cmpstr (after, ==, before);
    }
}

/* The good document the hostile cases start from imports, so each refusal is for its own
 * reason. */
static void
test_hostile_control (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "control.qdpx", NULL);
  g_autofree char *document = project_document (NULL, NULL);
  g_autoptr(AttestRefiImportSummary) summary = NULL;
  const ZipEntry entries[] = {
    { "project.qde", document, -1, FALSE },
    { "Sources/a.txt", GOOD_TEXT, -1, FALSE },
  };

  write_zip (path, entries, G_N_ELEMENTS (entries));
  summary = import_qdpx (fixture->store, path);
  g_assert_cmpuint (summary->n_articles, ==, 1);
  g_assert_cmpuint (summary->n_annotations, ==, 1);
  g_assert_cmpuint (summary->n_tags, ==, 1);
}

static void
test_hostile_codebook (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct { const char *document; const char *message; } cases[] = {
    { "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"t\"/>", "not a REFI-QDA codebook" },
    { "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.1\"><Codes/></CodeBook>", "version 1.1" },
    { "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code name=\"x\" isCodable=\"true\"/>"
      "</Codes></CodeBook>", "has no guid" },
    { "", "not well-formed" },
  };
  g_autofree char *path = g_build_filename (fixture->dir, "hostile.qdc", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = snapshot (fixture->store);
      g_autofree char *after = NULL;

      write_text_file (path, cases[i].document);
      g_assert_false (attest_refi_import_qdc (fixture->store, file, NULL, NULL, &error));
      g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      after = snapshot (fixture->store);
      g_assert_cmpstr (after, ==, before);
    }

  /* A file over the size limit is refused before it is read, and the message says why. */
  {
    AttestRefiLimits saved = _attest_refi_limits;
    g_autoptr(GError) error = NULL;
    g_autofree char *before = snapshot (fixture->store);
    g_autofree char *after = NULL;

    _attest_refi_limits.max_total_bytes = 16;
    write_text_file (path, cases[0].document);
    g_assert_false (attest_refi_import_qdc (fixture->store, file, NULL, NULL, &error));
    _attest_refi_limits = saved;
    g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
    g_assert_cmpstr (error->message, ==, "hostile.qdc: it is larger than 16 bytes; Attest does "
                     "not open codebooks that large");
    after = snapshot (fixture->store);
    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_import_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "cancel.qdpx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AttestStore *copy;

  export_to (fixture->store, "qdpx", path);
  copy = new_store (fixture->dir, "cancelled.attest");
  before = snapshot (copy);
  g_cancellable_cancel (cancellable);
  g_assert_false (attest_refi_import_qdpx (copy, file, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = snapshot (copy);
  g_assert_cmpstr (after, ==, before);
  g_assert_finalize_object (copy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/attest/exchange/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("w3c/valid", test_w3c_valid);
  g_test_add_func ("/attest/exchange/w3c/empty", test_w3c_empty);
  ADD ("qdc/valid", test_qdc_valid);
  ADD ("qdpx/valid", test_qdpx_valid);
  ADD ("qdc/stable", test_qdpx_stable);
  ADD ("export/errors", test_export_errors);
  ADD ("export/streaming", test_streaming);
  ADD ("export/full-stream", test_full_stream);
  ADD ("qdpx/roundtrip", test_roundtrip);
  ADD ("qdc/roundtrip", test_qdc_roundtrip);
  g_test_add_func ("/attest/exchange/import/atlas-samples", test_atlas_samples);
  g_test_add_func ("/attest/exchange/import/foreign-project", test_foreign_project);
  ADD ("import/hostile", test_hostile);
  ADD ("import/hostile-control", test_hostile_control);
  ADD ("import/damaged", test_damaged);
  ADD ("import/hostile-codebook", test_hostile_codebook);
  ADD ("import/cancelled", test_import_cancelled);

#undef ADD

  return g_test_run ();
}
