/* test-store.c: the project file and the operations layer, with no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <grp.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "attest-core.h"
#include "attest-fts.h"

#define DEMO_TEXT \
  "Ambush at a checkpoint\n\n" \
  "\"The Corona virus is an important factor,\" said spokesman Tahsin al-Khafaji.\n\n" \
  "Residents of Makchifa said the attack was a surprise. Café owners closed early.\n\n" \
  "قال أحد السكان إن الهجوم كان مفاجئا 😀 and then \"We are tense,\" said a Baquba resident."

typedef struct
{
  char        *dir;
  char        *path;
  AttestStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("attest-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.attest", NULL);
  f->store = attest_store_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
import_demo (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AttestArticleMeta meta = { .outlet = "Al Jazeera", .published = "2020-04-05" };
  char *uuid = attest_store_import_text (f->store, DEMO_TEXT, -1, &meta, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

static guint
count_rows (AttestStore *store,
            const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint n;

  g_assert_cmpint (sqlite3_open_v2 (attest_store_get_path (store), &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* The full-text tables use Attest's tokenizer. */
  g_assert_true (attest_fts_register (db, NULL));
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
exec_on_file (const char *path,
              const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* The full-text tables use Attest's tokenizer. */
  g_assert_true (attest_fts_register (db, NULL));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_create_and_reopen (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *project_uuid = g_strdup (attest_store_get_project_uuid (f->store));
  g_autofree char *article_uuid = import_demo (f);
  g_autoptr(AttestStore) again = NULL;
  g_autoptr(AttestArticle) article = NULL;

  g_assert_true (g_uuid_string_is_valid (project_uuid));
  g_assert_true (g_uuid_string_is_valid (article_uuid));
  g_clear_object (&f->store);

  again = attest_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_store_get_project_uuid (again), ==, project_uuid);
  g_assert_cmpstr (attest_store_get_project_name (again), ==, "test");

  article = attest_store_get_article (again, article_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_article_get_uuid (article), ==, article_uuid);
  g_assert_cmpstr (attest_article_get_title (article), ==, "Ambush at a checkpoint");
  g_assert_cmpstr (attest_article_get_outlet (article), ==, "Al Jazeera");
  g_assert_cmpstr (attest_article_get_body (article), ==, DEMO_TEXT);

  /* Creating over an existing project is refused. */
  g_assert_null (attest_store_create (f->path, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED);
}

static void
test_uuid_prefix (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = import_demo (f);
  g_autofree char *prefix = g_strndup (uuid, 8);
  g_autoptr(AttestArticle) article = attest_store_get_article (f->store, prefix, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (attest_article_get_uuid (article), ==, uuid);

  g_assert_null (attest_store_get_article (f->store, "abc", &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Characters that would be LIKE patterns or SQL are not ids. */
  g_assert_null (attest_store_get_article (f->store, "%' OR 1=1 --", &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND);
}

static void
test_migrate_empty_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.attest", NULL);
  g_autoptr(AttestStore) store = NULL;
  g_auto(GStrv) kinds = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = attest_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (count_rows (store, "project"), ==, 1);
  kinds = attest_store_list_source_kinds (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (kinds), ==, 8);
  g_assert_cmpstr (kinds[0], ==, "official");
  g_assert_true (g_strv_contains ((const char * const *) kinds, "media"));

  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_migrate_version_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-store-XXXXXX", NULL);
  g_autofree char *fixture = g_build_filename (g_getenv ("ATTEST_SOURCE_DIR"), "tests",
                                               "fixtures", "project-v1.attest", NULL);
  g_autofree char *path = g_build_filename (dir, "old.attest", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  gsize length;

  /* A project saved by the first release opens, keeps its data, and gains the new tables. */
  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));

  store = attest_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_store_get_project_name (store), ==, "Version 1 project");
  annotations = attest_store_list_annotations (store, NULL, &error);
  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpstr (attest_annotation_get_speaker_name (g_ptr_array_index (annotations, 0)), ==,
                   "Tahsin al-Khafaji");
  g_assert_cmpuint (count_rows (store, "article_originals"), ==, 0);

  g_clear_object (&store);
  store = attest_store_open (path, &error);
  g_assert_no_error (error);

  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_refuse_newer_project (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  gsize before_len, after_len;

  g_free (import_demo (f));
  g_clear_object (&f->store);
  exec_on_file (f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999");
  g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));

  g_assert_null (attest_store_open (f->path, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_NEWER_PROJECT);
  g_assert_nonnull (strstr (error->message, "newer version of Attest"));

  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_foreign_triggers (Fixture       *f,
                              gconstpointer  data)
{
  static const char * const hostile[] = {
    "CREATE TRIGGER evil AFTER INSERT ON articles BEGIN DELETE FROM sources; END",
    "DROP TRIGGER articles_fts_ai; CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles "
    "BEGIN DELETE FROM annotations; END",
    "CREATE VIEW snoop AS SELECT * FROM articles",
  };

  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *copy = g_strdup_printf ("%s-%u.attest", f->path, i);
      g_autofree char *contents = NULL;
      gsize length;
      AttestStore *store;

      g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
      exec_on_file (copy, hostile[i]);

      /* A project carrying database code of someone else's is not opened at all. */
      store = attest_store_open (copy, &error);
      g_assert_null (store);
      g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_A_PROJECT);
      g_assert_nonnull (strstr (error->message, "did not write"));
    }
}

static void
test_refuse_other_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-store-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.attest", NULL);
  g_autofree char *other_db = g_build_filename (dir, "other.attest", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.attest", NULL);

  g_assert_true (g_file_set_contents (text, "These are my notes, not a database.", -1, NULL));
  g_assert_null (attest_store_open (text, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_A_PROJECT);
  g_clear_error (&error);

  exec_on_file (other_db, "CREATE TABLE t (x)");
  g_assert_null (attest_store_open (other_db, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_A_PROJECT);
  g_clear_error (&error);

  g_assert_null (attest_store_open (missing, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static void
test_fts (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = import_demo (f);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(AttestAnnotation) quote = NULL;
  AttestSearchHit *hit;

  hits = attest_store_search (f->store, "Makchifa", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->article_uuid, ==, uuid);
  g_assert_nonnull (strstr (hit->snippet, "[Makchifa]"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Diacritics fold both ways. */
  hits = attest_store_search (f->store, "cafe", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Arabic words are found. */
  hits = attest_store_search (f->store, "الهجوم", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Operators and quotes in what the user typed are words, not syntax errors. */
  hits = attest_store_search (f->store, "\"Corona OR NEAR(", 10, &error);
  g_assert_no_error (error);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Prefixes with a star. */
  hits = attest_store_search (f->store, "check*", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Quotes are searchable on their own, and leave the index when deleted. */
  quote = attest_store_annotate_span (f->store, uuid, ATTEST_ANNOTATION_NOTE, 0, 6, NULL, NULL,
                                      "zebra crossing", NULL, &error);
  g_assert_no_error (error);
  hits = attest_store_search (f->store, "zebra", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->annotation_uuid, ==, attest_annotation_get_uuid (quote));
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_true (attest_store_delete_annotation (f->store, attest_annotation_get_uuid (quote),
                                                 &error));
  hits = attest_store_search (f->store, "zebra", 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_null (attest_store_search (f->store, "   ", 10, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
}

static void
test_dedup (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = import_demo (f);
  g_autofree char *dos = NULL;
  g_autofree char *again = NULL;
  g_auto(GStrv) lines = g_strsplit (DEMO_TEXT, "\n", -1);

  /* The same text with Windows line ends is the same article. */
  dos = g_strjoinv ("\r\n", lines);
  again = attest_store_import_text (f->store, dos, -1, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, uuid));
  g_assert_cmpuint (count_rows (f->store, "articles"), ==, 1);
}

static void
test_bad_input_stores_nothing (Fixture       *f,
                               gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *bytes;
    gsize       length;
  } bad[] = {
    { "invalid.txt", "Title\n\nInvalid \xC3\x28 UTF-8", 21 },
    { "empty.txt", "", 0 },
    { "binary.txt", "\x7f" "ELF\x02\x01\x01\0\0\0\0", 12 },
    { "article.pdf", "%PDF-1.4 text", 13 },
  };
  guint64 generation = attest_store_get_generation (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (f->dir, bad[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *uuid = NULL;

      g_assert_true (g_file_set_contents (path, bad[i].bytes, bad[i].length, NULL));
      uuid = attest_store_import_file (f->store, file, NULL, NULL, &error);
      g_assert_null (uuid);
      g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
      g_test_message ("%s: %s", bad[i].name, error->message);
    }

  g_assert_cmpuint (count_rows (f->store, "articles"), ==, 0);
  g_assert_cmpuint (count_rows (f->store, "articles_fts"), ==, 0);
  g_assert_cmpuint (attest_store_get_generation (f->store), ==, generation);
}

static void
test_import_file_metadata (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "report.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uuid = NULL;
  g_autoptr(AttestArticle) article = NULL;

  g_assert_true (g_file_set_contents (path, "---\ntitle: Lockdown\noutlet: Reuters\n---\n"
                                      "# Heading\n\nBody.", -1, NULL));
  uuid = attest_store_import_file (f->store, file, NULL, NULL, &error);
  g_assert_no_error (error);
  article = attest_store_get_article (f->store, uuid, &error);
  g_assert_cmpstr (attest_article_get_title (article), ==, "Lockdown");
  g_assert_cmpstr (attest_article_get_outlet (article), ==, "Reuters");
  g_assert_cmpstr (attest_article_get_origin (article), ==, path);
  g_assert_cmpstr (attest_article_get_body (article), ==, "# Heading\n\nBody.");
}

static void
test_annotate_offsets (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = import_demo (f);
  g_autoptr(AttestArticle) article = attest_store_get_article (f->store, uuid, NULL);
  const char *body = attest_article_get_body (article);
  g_autoptr(AttestAnnotation) quote = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  guint start, end;

  /* After Arabic text and an emoji, offsets are code points, not bytes. */
  g_assert_true (attest_find_unique_span (body, "We are tense,", &start, &end, &error));
  g_assert_cmpuint (start, ==, g_utf8_pointer_to_offset (body, strstr (body, "We are tense,")));
  g_assert_cmpuint (end - start, ==, 13);

  quote = attest_store_annotate_span (f->store, uuid, ATTEST_ANNOTATION_DIRECT, start, end,
                                      "a Baquba resident", "resident", NULL, "tester", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_annotation_get_exact (quote), ==, "We are tense,");
  g_assert_cmpstr (attest_annotation_get_suffix (quote), ==, "\" said a Baquba resident.");
  g_assert_true (g_str_has_suffix (attest_annotation_get_prefix (quote), "😀 and then \""));
  g_assert_cmpuint (g_utf8_strlen (attest_annotation_get_prefix (quote), -1), ==, 32);
  g_assert_cmpstr (attest_annotation_get_speaker_name (quote), ==, "a Baquba resident");
  g_assert_cmpstr (attest_annotation_get_speaker_kind (quote), ==, "resident");
  g_assert_cmpstr (attest_annotation_get_coder (quote), ==, "tester");

  /* A second quote by the same speaker, found by name regardless of case. */
  g_clear_object (&quote);
  quote = attest_store_annotate_span (f->store, uuid, ATTEST_ANNOTATION_INDIRECT, 103, 130,
                                      "A BAQUBA RESIDENT", "other", NULL, NULL, &error);
  g_assert_no_error (error);
  sources = attest_store_list_sources (f->store, &error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpuint (attest_source_get_n_quotes (g_ptr_array_index (sources, 0)), ==, 2);

  /* Spans outside the text, empty, or only white space are refused. */
  g_assert_null (attest_store_annotate_span (f->store, uuid, ATTEST_ANNOTATION_CLAIM,
                                             5, 5000, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (attest_store_annotate_span (f->store, uuid, ATTEST_ANNOTATION_CLAIM,
                                             7, 7, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (attest_store_annotate_span (f->store, uuid, ATTEST_ANNOTATION_CLAIM,
                                             22, 24, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  /* An unknown speaker kind leaves nothing behind: no source, no annotation. */
  g_assert_null (attest_store_annotate_span (f->store, uuid, ATTEST_ANNOTATION_DIRECT,
                                             0, 6, "Someone New", "alien", NULL, NULL, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_assert_cmpuint (count_rows (f->store, "sources"), ==, 1);
  g_assert_cmpuint (count_rows (f->store, "annotations"), ==, 2);
}

static void
count_changed (AttestStore *store,
               guint       *count)
{
  (*count)++;
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = import_demo (f);
  g_autoptr(AttestAnnotation) quote = NULL;
  g_autofree char *quote_uuid = NULL;
  g_autofree char *speaker_uuid = NULL;
  guint annotations_changed = 0, sources_changed = 0;

  g_signal_connect (f->store, "changed::annotations", G_CALLBACK (count_changed),
                    &annotations_changed);
  g_signal_connect (f->store, "changed::sources", G_CALLBACK (count_changed), &sources_changed);

  /* Imports are not undo steps. */
  g_assert_false (attest_store_can_undo (f->store));

  quote = attest_store_annotate_span (f->store, uuid, ATTEST_ANNOTATION_DIRECT, 25, 64,
                                      "Tahsin al-Khafaji", "official", NULL, NULL, &error);
  g_assert_no_error (error);
  quote_uuid = g_strdup (attest_annotation_get_uuid (quote));
  speaker_uuid = g_strdup (attest_annotation_get_speaker_uuid (quote));
  g_assert_cmpuint (annotations_changed, ==, 1);
  g_assert_cmpuint (sources_changed, ==, 1);
  g_assert_cmpstr (attest_store_get_undo_label (f->store), ==, "Mark quote");

  /* Undo takes the quote and the speaker it created away in one step. */
  g_assert_true (attest_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (f->store, "annotations"), ==, 0);
  g_assert_cmpuint (count_rows (f->store, "sources"), ==, 0);
  g_assert_cmpuint (count_rows (f->store, "annotations_fts"), ==, 0);
  g_assert_false (attest_store_can_undo (f->store));
  g_assert_cmpstr (attest_store_get_redo_label (f->store), ==, "Mark quote");
  g_assert_cmpuint (annotations_changed, ==, 2);

  /* Redo brings both back with the same identities. */
  g_assert_true (attest_store_redo (f->store, &error));
  g_clear_object (&quote);
  quote = attest_store_get_annotation (f->store, quote_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_annotation_get_speaker_uuid (quote), ==, speaker_uuid);
  g_assert_cmpstr (attest_annotation_get_exact (quote), ==,
                   "The Corona virus is an important factor");

  /* Edits and deletes undo too, in order. */
  g_assert_true (attest_store_set_annotation_comment (f->store, quote_uuid, "first", &error));
  g_assert_true (attest_store_set_annotation_comment (f->store, quote_uuid, "second", &error));
  g_assert_true (attest_store_delete_annotation (f->store, quote_uuid, &error));
  g_assert_cmpuint (count_rows (f->store, "annotations"), ==, 0);
  g_assert_cmpstr (attest_store_get_undo_label (f->store), ==, "Delete annotation");

  g_assert_true (attest_store_undo (f->store, &error));
  g_clear_object (&quote);
  quote = attest_store_get_annotation (f->store, quote_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_annotation_get_comment (quote), ==, "second");

  g_assert_true (attest_store_undo (f->store, &error));
  g_clear_object (&quote);
  quote = attest_store_get_annotation (f->store, quote_uuid, &error);
  g_assert_cmpstr (attest_annotation_get_comment (quote), ==, "first");

  /* A new edit forgets what could be redone. */
  g_assert_true (attest_store_can_redo (f->store));
  g_assert_true (attest_store_set_annotation_comment (f->store, quote_uuid, "third", &error));
  g_assert_false (attest_store_can_redo (f->store));
  g_assert_false (attest_store_redo (f->store, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* Undo all the way back to the article alone. */
  while (attest_store_can_undo (f->store))
    g_assert_true (attest_store_undo (f->store, &error));
  g_assert_cmpuint (count_rows (f->store, "annotations"), ==, 0);
  g_assert_cmpuint (count_rows (f->store, "sources"), ==, 0);
  g_assert_cmpuint (count_rows (f->store, "articles"), ==, 1);
  g_assert_false (attest_store_undo (f->store, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_NOTHING_TO_UNDO);
}

static void
test_sources_and_aliases (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestSource) source = NULL;
  g_autoptr(AttestSource) found = NULL;
  const char *hostile = "Robert'); DROP TABLE sources; --";

  source = attest_store_create_source (f->store, "  Tahsin al-Khafaji ", "official", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_source_get_name (source), ==, "Tahsin al-Khafaji");
  g_assert_true (attest_store_add_source_alias (f->store, attest_source_get_uuid (source),
                                                "Al-Khafaji", &error));
  g_assert_true (attest_store_update_source (f->store, attest_source_get_uuid (source), NULL,
                                             NULL, "spokesman", "Iraqi Armed Forces", &error));

  found = attest_store_find_source (f->store, "al-khafaji", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (attest_source_get_uuid (found), ==, attest_source_get_uuid (source));
  g_assert_cmpstr (attest_source_get_role (found), ==, "spokesman");
  g_assert_cmpstr (attest_source_get_aliases (found)[0], ==, "Al-Khafaji");
  g_clear_object (&found);

  g_assert_null (attest_store_find_source (f->store, "Nobody", &error));
  g_assert_no_error (error);

  /* Names are data, never SQL. */
  g_clear_object (&source);
  source = attest_store_create_source (f->store, hostile, "other", &error);
  g_assert_no_error (error);
  found = attest_store_find_source (f->store, hostile, &error);
  g_assert_nonnull (found);
  g_assert_cmpuint (count_rows (f->store, "sources"), ==, 2);

  g_assert_null (attest_store_create_source (f->store, "   ", "official", &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Alias, role and creation undo one at a time. */
  g_assert_true (attest_store_undo (f->store, &error));  /* hostile source */
  g_assert_true (attest_store_undo (f->store, &error));  /* role */
  g_clear_object (&found);
  found = attest_store_find_source (f->store, "Al-Khafaji", &error);
  g_assert_null (attest_source_get_role (found));
  g_assert_true (attest_store_undo (f->store, &error));  /* alias */
  g_clear_object (&found);
  g_assert_null (attest_store_find_source (f->store, "Al-Khafaji", &error));
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 1);
  (*count)++;
}

static void
on_row_changed (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                guint      *count)
{
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (added, ==, 1);
  (*count)++;
}

static void
test_article_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AttestArticleList) list = NULL;
  g_autoptr(AttestArticle) first = NULL;
  g_autoptr(AttestAnnotation) note = NULL;
  g_autofree char *uuid = import_demo (f);
  g_autofree char *second = NULL;
  guint changes = 0;

  list = attest_article_list_new (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == ATTEST_TYPE_ARTICLE);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (attest_article_get_uuid (first), ==, uuid);
  /* List rows do not carry the body. */
  g_assert_null (attest_article_get_body (first));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 1));

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  second = attest_store_import_text (f->store, "Another\n\nArticle.", -1, NULL, NULL);
  g_assert_nonnull (second);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (attest_article_list_find (list, attest_article_get_id (first)), ==, 0);

  /* Correcting an article's details redraws its row only, and so does undoing it. */
  g_signal_handlers_disconnect_by_func (list, on_items_changed, &changes);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_row_changed), &changes);
  {
    AttestArticleMeta meta = { .title = "Renamed" };

    g_assert_true (attest_store_update_article (f->store, second, &meta, NULL));
    g_assert_cmpuint (changes, ==, 2);
    g_assert_true (attest_store_undo (f->store, NULL));
    g_assert_cmpuint (changes, ==, 3);
  }

  /* Annotating does not reset the rows a view shows. */
  note = attest_store_annotate_span (f->store, uuid, ATTEST_ANNOTATION_NOTE, 0, 6, NULL, NULL,
                                     NULL, NULL, NULL);
  g_assert_nonnull (note);
  g_assert_cmpuint (changes, ==, 3);

  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = import_demo (f);
  g_autoptr(AttestAnnotation) a = NULL;
  g_autoptr(AttestAnnotation) b = NULL;
  AttestStats stats;

  a = attest_store_annotate_span (f->store, uuid, ATTEST_ANNOTATION_DIRECT, 25, 64, "X", NULL,
                                  NULL, NULL, &error);
  b = attest_store_annotate_span (f->store, uuid, ATTEST_ANNOTATION_CLAIM, 103, 130, NULL,
                                  NULL, NULL, NULL, &error);
  g_assert_true (attest_store_get_stats (f->store, &stats, &error));
  g_assert_cmpuint (stats.articles, ==, 1);
  g_assert_cmpuint (stats.sources, ==, 1);
  g_assert_cmpuint (stats.annotations, ==, 2);
  g_assert_cmpuint (stats.quotes, ==, 1);
  g_assert_cmpuint (stats.by_kind[ATTEST_ANNOTATION_CLAIM], ==, 1);
}

static void
test_two_connections (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) second = attest_store_open (f->path, &error);
  g_autofree char *uuid = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  /* A worker thread's own connection sees what the first one wrote, and vice versa. */
  g_assert_no_error (error);
  uuid = import_demo (f);
  articles = attest_store_list_articles (second, &error);
  g_assert_cmpuint (articles->len, ==, 1);
}

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *again = NULL;
  g_autofree char *lost = NULL;
  guint changed = 0;

  g_signal_connect (f->store, "changed::articles", G_CALLBACK (count_changed), &changed);

  g_assert_true (attest_store_begin_batch (f->store, &error));
  a = attest_store_import_text (f->store, "First\n\nAlpha zebra.", -1, NULL, &error);
  g_assert_no_error (error);
  b = attest_store_import_text (f->store, "Second\n\nBeta zebra.", -1, NULL, &error);
  g_assert_no_error (error);
  /* A duplicate inside the same batch is caught too. */
  again = attest_store_import_text (f->store, "First\r\n\r\nAlpha zebra.", -1, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (attest_store_end_batch (f->store, TRUE, &error));
  g_assert_no_error (error);

  /* Views hear of the batch once; the articles are stored and indexed. */
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (count_rows (f->store, "articles"), ==, 2);
  hits = attest_store_search (f->store, "zebra", 10, &error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_object (&f->store);

  /* A batch that is rolled back leaves nothing. */
  f->store = attest_store_open (f->path, &error);
  g_assert_true (attest_store_begin_batch (f->store, &error));
  lost = attest_store_import_text (f->store, "Third\n\nGamma.", -1, NULL, &error);
  g_assert_nonnull (lost);
  g_assert_true (attest_store_end_batch (f->store, FALSE, &error));
  g_assert_cmpuint (count_rows (f->store, "articles"), ==, 2);
}

static void
test_update_article (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = import_demo (f);
  g_autoptr(AttestArticle) article = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  guint changed = 0;
  AttestArticleMeta meta = {
    .title = "ISIS exploits the lockdown", .byline = "Staff", .outlet = "",
    .published = "2020-04-05", .language = "en", .description = "Attacks rise",
  };
  AttestArticleMeta empty_title = { .title = "  " };

  g_signal_connect (f->store, "changed::articles", G_CALLBACK (count_changed), &changed);
  g_assert_true (attest_store_update_article (f->store, uuid, &meta, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);

  article = attest_store_get_article (f->store, uuid, &error);
  g_assert_cmpstr (attest_article_get_title (article), ==, "ISIS exploits the lockdown");
  g_assert_cmpstr (attest_article_get_byline (article), ==, "Staff");
  g_assert_null (attest_article_get_outlet (article));  /* "" cleared it */
  g_assert_cmpstr (attest_article_get_description (article), ==, "Attacks rise");
  g_assert_cmpstr (attest_article_get_body (article), ==, DEMO_TEXT);
  hits = attest_store_search (f->store, "lockdown", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_false (attest_store_update_article (f->store, uuid, &empty_title, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Undo puts the old details back, in the search index too. */
  g_assert_cmpstr (attest_store_get_undo_label (f->store), ==, "Edit article details");
  g_assert_true (attest_store_undo (f->store, &error));
  g_clear_object (&article);
  article = attest_store_get_article (f->store, uuid, &error);
  g_assert_cmpstr (attest_article_get_title (article), ==, "Ambush at a checkpoint");
  g_assert_cmpstr (attest_article_get_outlet (article), ==, "Al Jazeera");
  hits = attest_store_search (f->store, "lockdown", 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
}

/* A project in a folder the user may not write: SQLite cannot create its -wal and -shm
 * there, yet the project opens to be read, and a change says the project is read-only.
 * The child drops to user nobody when the tests run as root, so that permissions apply. */
#define READ_ONLY_PROJECT_ENV "ATTEST_TEST_READ_ONLY_PROJECT"

static void
test_read_only_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      g_autofree char *uuid = NULL;

      if (geteuid () == 0)
        {
          g_assert_cmpint (setgroups (0, NULL), ==, 0);
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      store = attest_store_open (g_getenv (READ_ONLY_PROJECT_ENV), &error);
      g_assert_no_error (error);
      articles = attest_store_list_articles (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (articles->len, ==, 1);
      hits = attest_store_search (store, "checkpoint", 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);

      uuid = attest_store_import_text (store, "Another report\n\nMore text.", -1, NULL,
                                       &error);
      g_assert_null (uuid);
      g_assert_nonnull (strstr (error->message, "folder is read-only"));
      g_clear_error (&error);
      g_assert_false (attest_store_begin_batch (store, &error));
      g_assert_nonnull (strstr (error->message, "folder is read-only"));
      return;
    }

  dir = g_dir_make_tmp ("attest-store-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "read-only.attest", NULL);
  store = attest_store_create (path, &error);
  g_assert_no_error (error);
  g_free (attest_store_import_text (store, DEMO_TEXT, -1, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
  /* The last connection took its -wal and -shm away: only the project is left. */
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_setenv (READ_ONLY_PROJECT_ENV, path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv (READ_ONLY_PROJECT_ENV);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  remove_tree (dir);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/attest/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-and-reopen", test_create_and_reopen);
  ADD ("uuid-prefix", test_uuid_prefix);
  g_test_add_func ("/attest/store/migrate-empty-file", test_migrate_empty_file);
  g_test_add_func ("/attest/store/migrate-version-1", test_migrate_version_1);
  ADD ("refuse-newer-project", test_refuse_newer_project);
  g_test_add_func ("/attest/store/refuse-other-files", test_refuse_other_files);
  ADD ("refuse-foreign-triggers", test_refuse_foreign_triggers);
  ADD ("fts", test_fts);
  ADD ("dedup", test_dedup);
  ADD ("bad-input-stores-nothing", test_bad_input_stores_nothing);
  ADD ("import-file-metadata", test_import_file_metadata);
  ADD ("annotate-offsets", test_annotate_offsets);
  ADD ("undo-redo", test_undo_redo);
  ADD ("sources-and-aliases", test_sources_and_aliases);
  ADD ("article-list", test_article_list);
  ADD ("stats", test_stats);
  ADD ("two-connections", test_two_connections);
  ADD ("batch", test_batch);
  ADD ("update-article", test_update_article);
  g_test_add_func ("/attest/store/read-only-folder", test_read_only_folder);

#undef ADD

  return g_test_run ();
}
