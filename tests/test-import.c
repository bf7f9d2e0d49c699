/* test-import.c: importing folders in one go, with a summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "attest-core.h"

typedef struct
{
  char        *dir;
  char        *folder;
  AttestStore *store;
} Fixture;

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("attest-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "p.attest", NULL);
  f->store = attest_store_create (path, &error);
  g_assert_no_error (error);

  f->folder = g_build_filename (f->dir, "articles", NULL);
  write_file (f->folder, "b.txt", "Second\n\nBeta text.");
  write_file (f->folder, "a.md", "# First\n\nAlpha text.");
  write_file (f->folder, "page.html", "<html><head><title>Third</title></head><body><article>"
              "<p>Gamma text about the checkpoint and the ambush that followed it.</p>"
              "<p>More words about the attack, the village and the officials who spoke."
              "</p></article></body></html>");
  write_file (f->folder, "sub/deeper/c.txt", "Fourth\n\nDelta text.");
  write_file (f->folder, "sub/copy-of-a.md", "# First\n\nAlpha text.");
  write_file (f->folder, "sub/broken.txt", "Bad \xff byte");
  write_file (f->folder, "README.md", "These are my notes about the folder.");
  write_file (f->folder, "photo.jpg", "\xff\xd8\xff");
  write_file (f->folder, ".hidden.txt", "Hidden\n\nNot imported.");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  g_free (f->folder);
  g_free (f->dir);
}

static void
count_files (GFile        *file,
             const char   *uuid,
             const GError *error,
             guint         done,
             guint         total,
             gpointer      user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, ==, *calls + 1);
  g_assert_cmpuint (total, ==, 6);
  g_assert_true ((uuid != NULL) != (error != NULL));
  (*calls)++;
}

static void
test_folder (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AttestImportSummary) summary = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  guint calls = 0;

  g_ptr_array_add (inputs, g_file_new_for_path (f->folder));
  summary = attest_import_files (f->store, inputs, NULL, count_files, &calls, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (calls, ==, 6);
  g_assert_cmpuint (summary->n_imported, ==, 4);
  g_assert_cmpuint (summary->n_duplicates, ==, 1);
  g_assert_cmpuint (summary->n_failed, ==, 1);
  g_assert_cmpuint (summary->n_skipped, ==, 2);  /* README.md, photo.jpg */
  g_assert_false (summary->cancelled);
  g_assert_cmpuint (summary->errors->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (summary->errors, 0),
                                   "broken.txt: Not valid UTF-8 text: invalid byte 0xFF at "
                                   "byte 4 (line 1). Convert the file to UTF-8 and import it "
                                   "again."));

  /* Files before subfolders, each in name order. */
  articles = attest_store_list_articles (f->store, &error);
  g_assert_cmpuint (articles->len, ==, 4);
  g_assert_cmpstr (attest_article_get_title (g_ptr_array_index (articles, 0)), ==, "First");
  g_assert_cmpstr (attest_article_get_title (g_ptr_array_index (articles, 1)), ==, "Second");
  g_assert_cmpstr (attest_article_get_title (g_ptr_array_index (articles, 2)), ==, "Third");
  g_assert_cmpstr (attest_article_get_title (g_ptr_array_index (articles, 3)), ==, "Fourth");
}

static void
cancel_after_two (GFile        *file,
                  const char   *uuid,
                  const GError *error,
                  guint         done,
                  guint         total,
                  gpointer      user_data)
{
  if (done == 2)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_keeps_whole_articles (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AttestImportSummary) summary = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  g_ptr_array_add (inputs, g_file_new_for_path (f->folder));
  summary = attest_import_files (f->store, inputs, NULL, cancel_after_two, cancellable,
                                 cancellable, &error);
  g_assert_no_error (error);
  g_assert_true (summary->cancelled);
  g_assert_cmpuint (summary->n_imported, ==, 2);

  /* The two finished articles are in, searchable, and the project takes more. */
  articles = attest_store_list_articles (f->store, &error);
  g_assert_cmpuint (articles->len, ==, 2);
  hits = attest_store_search (f->store, "beta", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&summary, attest_import_summary_free);
  summary = attest_import_files (f->store, inputs, NULL, NULL, NULL, NULL, &error);
  g_assert_cmpuint (summary->n_imported, ==, 2);
  g_assert_cmpuint (summary->n_duplicates, ==, 3);
}

/* A disk that fills up in the second batch: only articles whose batch was committed are
 * reported as committed, and each one reported is already there for another reader. */
typedef struct
{
  sqlite3       *reader;
  struct rlimit  saved;
  guint          n_progress;
  guint          n_committed;
  guint          n_new;
  gboolean       disk_full;
} CommitWatch;

static void
fill_disk_at_600 (GFile        *file,
                  const char   *uuid,
                  const GError *error,
                  guint         done,
                  guint         total,
                  gpointer      user_data)
{
  CommitWatch *watch = user_data;

  watch->n_progress++;
  if (done == 600)
    {
      /* Writes past the first byte of any file now fail with EFBIG, as on a full disk. */
      struct rlimit full = { 1, watch->saved.rlim_max };

      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);
      watch->disk_full = TRUE;
    }
}

static void
check_committed (GFile        *file,
                 const char   *uuid,
                 const GError *error,
                 guint         done,
                 guint         total,
                 gpointer      user_data)
{
  CommitWatch *watch = user_data;
  sqlite3_stmt *stmt = NULL;

  watch->n_committed++;
  g_assert_cmpuint (done, ==, watch->n_committed);
  g_assert_cmpuint (total, ==, 700);
  if (uuid == NULL)
    {
      g_assert_error ((GError *) error, ATTEST_ERROR, ATTEST_ERROR_DUPLICATE);
      return;
    }
  watch->n_new++;
  g_assert_cmpint (sqlite3_prepare_v2 (watch->reader, "SELECT count(*) FROM articles "
                                       "WHERE uuid = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
}

static void
test_reports_only_committed (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AttestImportSummary) summary = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *many = g_build_filename (f->dir, "many", NULL);
  CommitWatch watch = { NULL };
  void (*saved_handler) (int);

  for (guint i = 0; i < 700; i++)
    {
      g_autofree char *name = g_strdup_printf ("%03u.txt", i);
      g_autofree char *text = g_strdup_printf ("Report %u\n\nThe officials said %u things.", i,
                                               i * 7919);

      write_file (many, name, text);
    }
  g_ptr_array_add (inputs, g_file_new_for_path (many));
  g_assert_cmpint (sqlite3_open_v2 (attest_store_get_path (f->store), &watch.reader,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &watch.saved), ==, 0);
  saved_handler = signal (SIGXFSZ, SIG_IGN);

  summary = attest_import_files_full (f->store, inputs, NULL, fill_disk_at_600,
                                      check_committed, &watch, NULL, &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &watch.saved), ==, 0);
  signal (SIGXFSZ, saved_handler);
  g_assert_true (watch.disk_full);
  g_assert_null (summary);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "disk"));
  g_clear_error (&error);

  /* The first batch is in and was reported; the second was told as progress only. */
  g_assert_cmpuint (watch.n_committed, ==, 500);
  g_assert_cmpuint (watch.n_new, ==, 500);
  g_assert_cmpuint (watch.n_progress, ==, 700);
  articles = attest_store_list_articles (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 500);

  /* With room again, the same import brings the rest, and reports every file. */
  watch.n_committed = watch.n_new = 0;
  summary = attest_import_files_full (f->store, inputs, NULL, NULL, check_committed, &watch,
                                      NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_imported, ==, 200);
  g_assert_cmpuint (summary->n_duplicates, ==, 500);
  g_assert_cmpuint (watch.n_committed, ==, 700);
  g_assert_cmpuint (watch.n_new, ==, 200);
  sqlite3_close (watch.reader);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/attest/import/folder", Fixture, NULL, fixture_set_up, test_folder,
              fixture_tear_down);
  g_test_add ("/attest/import/cancel-keeps-whole-articles", Fixture, NULL, fixture_set_up,
              test_cancel_keeps_whole_articles, fixture_tear_down);
  g_test_add ("/attest/import/reports-only-committed", Fixture, NULL, fixture_set_up,
              test_reports_only_committed, fixture_tear_down);

  return g_test_run ();
}
