/* test-responsiveness.c: the window answers while it imports 10,000 articles.
 *
 * DESIGN.md: "Never block the UI". The window imports a folder of 10,000 generated
 * articles through attest_window_import_files () (what the Import button and drag and drop
 * call), while a high-priority 10 ms timeout records the longest gap between two of its
 * runs: the longest time the main loop did not get round to anything. A user notices a
 * stall of 100 ms; the test fails at that. Frames are watched too: the longest interval
 * between two frames drawn while the import runs.
 *
 * Also here, what keeps a big project quick to show: the lists' queries read indexes, not
 * the articles' bodies; an article with 2,000 annotations gets a screenful of rows in the
 * side panel, not 2,000; the Sources page reads the sources when it is first shown, many
 * of them in a worker; opening a project reads neither the codebook nor the incidents,
 * which are read when their pages are first shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>
#include <unistd.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "attest-annotation-panel.h"
#include "attest-core.h"
#include "gui-test-util.h"
#include "attest-incidents-view.h"
#include "attest-store-private.h"
#include "attest-window.h"

#define N_ARTICLES 10000
#define MAX_STALL_MS 100
#define TICK_MS 10

typedef struct
{
  gint64  start_us;
  gint64  last_us;
  gint64  max_gap_us;
  gint64  max_gap_at_us;      /* when the longest gap ended, from the start */
  gint64  max_gap_cpu_us;     /* the main thread's CPU time in it: work, not waiting */
  gint64  last_cpu_us;
  guint   gaps_over_50ms;
  guint   gaps_over_100ms;
  gint64  last_frame_us;
  gint64  max_frame_gap_us;
  gint64  max_frame_gap_at_us;
  guint   frames;
  gboolean running;
} Watch;

static Watch watch;

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
on_tick (gpointer unused)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();
  gint64 gap = now - watch.last_us;

  if (watch.running)
    {
      if (gap > watch.max_gap_us)
        {
          watch.max_gap_us = gap;
          watch.max_gap_at_us = now - watch.start_us;
          watch.max_gap_cpu_us = cpu - watch.last_cpu_us;
        }
      watch.gaps_over_50ms += gap > 50000;
      watch.gaps_over_100ms += gap > 100000;
    }
  watch.last_us = now;
  watch.last_cpu_us = cpu;
  return G_SOURCE_CONTINUE;
}

static gboolean
on_frame (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       unused)
{
  gint64 now = g_get_monotonic_time ();

  if (watch.running && watch.last_frame_us != 0
      && now - watch.last_frame_us > watch.max_frame_gap_us)
    {
      watch.max_frame_gap_us = now - watch.last_frame_us;
      watch.max_frame_gap_at_us = now - watch.start_us;
    }
  watch.last_frame_us = now;
  watch.frames += watch.running;
  return G_SOURCE_CONTINUE;
}

/* A deterministic news-like article: about 3 kB in paragraphs. */
static char *
make_article (GRand *rand,
              guint  i)
{
  static const char * const words[] = {
    "the", "of", "and", "to", "in", "said", "officials", "attack", "village", "police",
    "government", "forces", "province", "residents", "according", "report", "killed",
    "wounded", "checkpoint", "militants", "spokesman", "minister", "security", "army",
    "health", "closure", "virus", "lockdown", "border", "talks", "ceasefire", "election",
  };
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "Article %u: %s %s in the %s\n\n", i,
                          words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                          words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                          words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  for (guint p = 0; p < 6; p++)
    {
      for (guint s = 0; s < 4; s++)
        {
          guint n = g_rand_int_range (rand, 8, 18);

          for (guint w = 0; w < n; w++)
            {
              const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

              if (w == 0)
                {
                  g_string_append_c (text, g_ascii_toupper (word[0]));
                  g_string_append (text, word + 1);
                }
              else
                g_string_append_printf (text, " %s", word);
            }
          g_string_append (text, s < 3 ? ". " : ".");
        }
      g_string_append (text, "\n\n");
    }
  return g_string_free (text, FALSE);
}

static void
write_articles (const char *folder)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261126);

  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s/%02u", folder, i / 1000);
      g_autofree char *path = g_strdup_printf ("%s/article-%05u.txt", sub, i);
      g_autofree char *text = make_article (rand, i);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
    }
}

static void
test_import_keeps_window_responsive (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-responsiveness-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (dir, "articles", NULL);
  g_autofree char *path = g_build_filename (dir, "project.attest", NULL);
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  GtkSingleSelection *selection;
  AttestWindow *window;
  AttestStats stats;
  gboolean timed_out = FALSE;
  gboolean was_busy = FALSE;
  guint tick, frame_tick, timeout;
  gint64 elapsed_us;

  g_assert_no_error (error);
  write_articles (folder);
  /* The 48 MB just written would otherwise be written back to the disk during the import,
   * and a page the window reads in for the first time would wait behind it: that is this
   * test's doing, not the window's. */
  sync ();
  store = attest_store_create (path, &error);
  g_assert_no_error (error);

  window = attest_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  tick = g_timeout_add_full (G_PRIORITY_HIGH, TICK_MS, on_tick, NULL, NULL);
  frame_tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), on_frame, NULL, NULL);
  timeout = g_timeout_add_seconds (120, on_timeout, &timed_out);

  watch.start_us = watch.last_us = g_get_monotonic_time ();
  watch.last_cpu_us = thread_cpu_us ();
  watch.running = TRUE;
  attest_window_import_files (window, &folder_file, 1);
  while (!timed_out)
    {
      gboolean busy = attest_window_get_busy (window);

      was_busy |= busy;
      if (was_busy && !busy)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  elapsed_us = g_get_monotonic_time () - watch.start_us;
  /* What the window does when the job has finished (reloading the list, the toast) is
   * part of it: a few more frames. */
  for (gint64 until = g_get_monotonic_time () + 500000; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, TRUE);
  watch.running = FALSE;

  g_source_remove (tick);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), frame_tick);
  if (!timed_out)
    g_source_remove (timeout);

  g_test_message ("imported %u articles in %.2f s; longest main-loop stall %.1f ms "
                  "(at %.2f s; the main thread worked %.1f ms of it), %u stalls over 50 ms, "
                  "%u over 100 ms; %u frames, longest interval between frames %.1f ms "
                  "(at %.2f s)",
                  N_ARTICLES, elapsed_us / 1e6, watch.max_gap_us / 1000.0,
                  watch.max_gap_at_us / 1e6, watch.max_gap_cpu_us / 1000.0,
                  watch.gaps_over_50ms, watch.gaps_over_100ms,
                  watch.frames, watch.max_frame_gap_us / 1000.0, watch.max_frame_gap_at_us / 1e6);

  g_assert_false (timed_out);
  g_assert_true (was_busy);

  /* Everything arrived, and the list shows it. */
  g_assert_true (attest_store_get_stats (store, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.articles, ==, N_ARTICLES);
  selection = attest_window_get_selection (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, N_ARTICLES);

  /* What a user would notice: the window froze. */
  g_assert_cmpint (watch.max_gap_us, <, MAX_STALL_MS * 1000);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&store);
  remove_dir (dir);
}

/* The query plan SQLite picks for sql, in one line. */
static char *
query_plan (sqlite3    *db,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s; ", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

/* Schema 6: the article list's ids and versions, and each source's counts of quotes and
 * articles, come from indexes. Before, the article list read every article's body
 * (modified_at is stored after it): 480 MB for 100,000 articles at every reload. */
static void
test_list_queries_use_indexes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-responsiveness-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "project.attest", NULL);
  g_autoptr(AttestStore) store = NULL;
  g_autofree char *articles = NULL;
  g_autofree char *quotes = NULL;
  g_autofree char *quoted_in = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  store = attest_store_create (path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  articles = query_plan (db, "SELECT id, modified_at FROM articles ORDER BY id");
  quotes = query_plan (db, "SELECT count(*) FROM annotations n WHERE n.speaker_id = 1 "
                           "AND n.kind IN ('direct', 'indirect')");
  quoted_in = query_plan (db, "SELECT count(DISTINCT n.article_id) FROM annotations n "
                              "WHERE n.speaker_id = 1");
  sqlite3_close (db);

  g_test_message ("plans: %s| %s| %s", articles, quotes, quoted_in);
  g_assert_nonnull (strstr (articles, "COVERING INDEX articles_modified"));
  g_assert_null (strstr (articles, "TEMP B-TREE"));
  g_assert_nonnull (strstr (quotes, "COVERING INDEX annotations_speaker_kind"));
  g_assert_nonnull (strstr (quoted_in, "COVERING INDEX annotations_speaker_kind"));

  g_clear_object (&store);
  remove_dir (dir);
}

static guint
count_rows (GtkWidget *widget)
{
  guint n = gtk_widget_has_css_class (widget, "annotation-row");

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

/* The mapped panel row whose text starts with words. */
static GtkWidget *
find_row_showing (GtkWidget  *widget,
                  const char *words)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget)
      && g_str_has_prefix (gtk_inscription_get_text (GTK_INSCRIPTION (widget)) ?: "", words))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_showing (child, words);

      if (found != NULL)
        return found;
    }
  return NULL;
}

#define N_BIG_ANNOTATIONS 2000

/* Opening an article with 2,000 annotations: the panel lists them all, but makes rows only
 * for what it shows (a GtkListBox made 2,000 rows: 16 s on a 100,000-article project). */
static void
test_open_heavily_annotated_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-responsiveness-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "project.attest", NULL);
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GString) text = g_string_new ("Transcript of the hearing\n\n");
  g_autoptr(AttestArticle) article = NULL;
  g_autofree char *uuid = NULL;
  AttestAnnotationPanel *panel;
  AttestWindow *window;
  const char *body;
  guint rows;
  gint64 start_us, open_us;

  g_assert_no_error (error);
  store = attest_store_create (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_BIG_ANNOTATIONS; i++)
    g_string_append_printf (text, "Witness %04u said the convoy was hit.%s", i,
                            i % 10 == 9 ? "\n\n" : " ");
  uuid = attest_store_import_text (store, text->str, -1, NULL, &error);
  g_assert_no_error (error);
  article = attest_store_get_article (store, uuid, &error);
  g_assert_no_error (error);
  body = attest_article_get_body (article);

  for (guint i = 0; i < N_BIG_ANNOTATIONS; i++)
    {
      g_autofree char *words = g_strdup_printf ("Witness %04u said", i);
      const char *at = strstr (body, words);
      g_autoptr(AttestAnnotation) annotation = NULL;
      guint offset;

      g_assert_nonnull (at);
      offset = g_utf8_pointer_to_offset (body, at);
      annotation = attest_store_create_annotation (store, uuid,
                                                   i % 2 ? ATTEST_ANNOTATION_CLAIM
                                                         : ATTEST_ANNOTATION_DIRECT,
                                                   offset, offset + strlen (words),
                                                   NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  window = attest_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  start_us = g_get_monotonic_time ();
  gtk_single_selection_set_selected (attest_window_get_selection (window), 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  open_us = g_get_monotonic_time () - start_us;

  panel = attest_window_get_panel (window);
  rows = count_rows (GTK_WIDGET (panel));
  g_test_message ("opened an article with %u annotations: %.1f ms until the main loop was "
                  "idle (the reader lays out the text meanwhile); %u rows in the panel",
                  N_BIG_ANNOTATIONS, open_us / 1000.0, rows);
  g_assert_cmpuint (attest_annotation_panel_get_n_annotations (panel), ==, N_BIG_ANNOTATIONS);
  g_assert_cmpuint (rows, >, 0);
  g_assert_cmpuint (rows, <=, 100);

  /* The last annotation, chosen in the reader, is listed and shown in the panel too. */
  {
    g_autoptr(GPtrArray) annotations = attest_store_list_annotations (store, uuid, &error);
    AttestAnnotation *last;
    g_autofree char *words = g_strdup_printf ("Witness %04u said", N_BIG_ANNOTATIONS - 1);

    g_assert_no_error (error);
    last = g_ptr_array_index (annotations, annotations->len - 1);
    attest_annotation_panel_set_selected (panel, attest_annotation_get_uuid (last));
    for (gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC; g_get_monotonic_time () < until;)
      g_main_context_iteration (NULL, FALSE);
    g_assert_nonnull (find_row_showing (GTK_WIDGET (panel), words));
    g_assert_cmpuint (count_rows (GTK_WIDGET (panel)), <=, 250);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&store);
  remove_dir (dir);
}

#define N_MANY_SOURCES 1500

/* Runs the main loop until model has n items, or 20 s pass. */
static gboolean
wait_for_items (GListModel *model,
                guint       n)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (model) != n && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  return g_list_model_get_n_items (model) == n;
}

/* A project with many sources: the Sources page reads them when it is first shown, in a
 * worker, and again after a change; all of them are listed, the change included. */
static void
test_sources_page_many_sources (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-responsiveness-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "project.attest", NULL);
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(AttestSource) renamed = NULL;
  AttestWindow *window;
  GtkWidget *table;
  GListModel *shown;

  g_assert_no_error (error);
  store = attest_store_create (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_MANY_SOURCES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Spokesman %04u", i);
      g_autoptr(AttestSource) source = attest_store_create_source (store, name, "official",
                                                                   &error);

      g_assert_no_error (error);
      if (i == 0)
        renamed = g_object_ref (source);
    }
  g_assert_cmpuint (attest_store_count_sources (store), ==, N_MANY_SOURCES);

  window = attest_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "sources"));
  table = find_by_type (attest_window_get_sources_view (window), GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (table);
  shown = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)));
  /* The page is shown before they are read: not on the main thread. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_true (wait_for_items (shown, N_MANY_SOURCES));

  /* A change: one source renamed, sorted last now; read again, in a worker. */
  g_assert_true (attest_store_update_source (store, attest_source_get_uuid (renamed),
                                             "Zaid the spokesman", "official", NULL, NULL,
                                             &error));
  g_assert_no_error (error);
  {
    gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
    g_autoptr(AttestSource) last = NULL;

    while (g_get_monotonic_time () < until)
      {
        g_clear_object (&last);
        last = g_list_model_get_item (shown, N_MANY_SOURCES - 1);
        if (g_str_equal (attest_source_get_name (last), "Zaid the spokesman"))
          break;
        g_main_context_iteration (NULL, FALSE);
      }
    g_assert_cmpstr (attest_source_get_name (last), ==, "Zaid the spokesman");
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_MANY_SOURCES);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&store);
  remove_dir (dir);
}

static gboolean
is_sources_stack (GtkWidget     *widget,
                  gconstpointer  unused)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "empty");
}

/* While many sources are first read, the page says so with a spinner; it does not say
 * "No Sources" (which it did for the half second the read takes at 100,000 articles). */
static void
test_sources_page_loading (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-responsiveness-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "project.attest", NULL);
  g_autoptr(AttestStore) store = NULL;
  AttestWindow *window;
  GtkWidget *table, *stack, *loading;
  GListModel *shown;
  gboolean said_empty = FALSE;

  g_assert_no_error (error);
  store = attest_store_create (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_MANY_SOURCES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Witness %04u", i);
      g_autoptr(AttestSource) source = attest_store_create_source (store, name, "resident",
                                                                   &error);

      g_assert_no_error (error);
    }

  window = attest_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  /* No main loop turn yet: the worker's answer cannot have come. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "sources"));
  stack = find_widget (attest_window_get_sources_view (window), is_sources_stack, NULL);
  g_assert_nonnull (stack);
  table = find_by_type (attest_window_get_sources_view (window), GTK_TYPE_COLUMN_VIEW);
  shown = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "loading");
  loading = gtk_stack_get_visible_child (GTK_STACK (stack));
  g_assert_true (GTK_IS_SPINNER (loading));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (loading)));

  /* Until they are in, never "No Sources"; then the table, and the spinner stops. */
  {
    gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (g_list_model_get_n_items (shown) != N_MANY_SOURCES
           && g_get_monotonic_time () < until)
      {
        said_empty |= g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)),
                                 "empty") == 0;
        g_main_context_iteration (NULL, FALSE);
      }
  }
  g_assert_false (said_empty);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_MANY_SOURCES);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (loading)));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&store);
  remove_dir (dir);
}

static void
collect_inscriptions (GtkWidget *widget,
                      GPtrArray *found)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_inscriptions (child, found);
}

/* The xalign of the shown inscription reading text, or -1 if none does. */
static float
xalign_of (GtkWidget  *root,
           const char *text)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_inscriptions (root, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (gtk_inscription_get_text (g_ptr_array_index (found, i)), text) == 0)
      return gtk_inscription_get_xalign (g_ptr_array_index (found, i));
  return -1;
}

/* In an Arabic window a column reads from its right edge. A GtkInscription lays a Latin
 * name out left to right and Pango then aligns it to the left, while an Arabic name beside
 * it starts at the right. A cell whose text runs against the window gets the other xalign,
 * which Pango turns back for that paragraph: names, kinds, article titles and their
 * outlets all start at the right (the screenshots show it; xalign is what can be read). */
static void
test_rtl_cells_start_at_one_edge (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-responsiveness-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "project.attest", NULL);
  g_autofree char *latin_article = NULL;
  g_autofree char *arabic_article = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(AttestSource) latin = NULL;
  g_autoptr(AttestSource) arabic = NULL;
  AttestArticleMeta meta = { 0 };
  AttestWindow *window;
  GtkWidget *sources_view;

  g_assert_no_error (error);
  store = attest_store_create (path, &error);
  g_assert_no_error (error);
  latin = attest_store_create_source (store, "Tahsin al-Khafaji", "official", &error);
  g_assert_no_error (error);
  arabic = attest_store_create_source (store, "تحسين الخفاجي", "official", &error);
  g_assert_no_error (error);
  meta.outlet = "Al Jazeera";
  latin_article = attest_store_import_text (store, "Attack on a checkpoint near Baquba\n\n"
                                            "Gunmen attacked a checkpoint.", -1, &meta, &error);
  g_assert_no_error (error);
  meta.outlet = "الجزيرة";
  arabic_article = attest_store_import_text (store, "هجوم على نقطة تفتيش قرب بعقوبة\n\n"
                                             "هاجم مسلحون نقطة تفتيش.", -1, &meta, &error);
  g_assert_no_error (error);

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = attest_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "articles"));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* The article list: Latin and Arabic titles, and their outlets, from the right. */
  g_assert_cmpfloat (xalign_of (GTK_WIDGET (window), "Attack on a checkpoint near Baquba"),
                     ==, 1);
  g_assert_cmpfloat (xalign_of (GTK_WIDGET (window), "هجوم على نقطة تفتيش قرب بعقوبة"), ==, 0);
  g_assert_cmpfloat (xalign_of (GTK_WIDGET (window), "Al Jazeera"), ==, 1);
  g_assert_cmpfloat (xalign_of (GTK_WIDGET (window), "الجزيرة"), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "sources"));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  sources_view = attest_window_get_sources_view (window);
  g_assert_nonnull (find_by_type (sources_view, GTK_TYPE_INSCRIPTION));
  g_assert_cmpfloat (xalign_of (sources_view, "Tahsin al-Khafaji"), ==, 1);
  g_assert_cmpfloat (xalign_of (sources_view, "تحسين الخفاجي"), ==, 0);
  /* The kind's label is English here (no translation loaded): it starts at the right too. */
  g_assert_cmpfloat (xalign_of (sources_view, "Official"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  g_clear_object (&store);
  remove_dir (dir);
}

/* The action and the int target of the menu item (in model or its sections) showing
 * accel; FALSE if none does. */
static gboolean
find_menu_accel (GMenuModel  *model,
                 const char  *accel,
                 char       **action,
                 int         *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_accel = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL && find_menu_accel (section, accel, action, target))
        return TRUE;
      if (g_menu_model_get_item_attribute (model, i, "accel", "s", &item_accel)
          && g_str_equal (item_accel, accel))
        {
          g_autoptr(GVariant) value = g_menu_model_get_item_attribute_value (model, i, "target",
                                                                             G_VARIANT_TYPE_INT32);

          g_menu_model_get_item_attribute (model, i, "action", "s", action);
          *target = value != NULL ? g_variant_get_int32 (value) : 0;
          return TRUE;
        }
    }
  return FALSE;
}

/* The reader's context menu shows Shift+Alt+Right and Left beside the items they run:
 * the items run what the keys do (the end moves toward the arrow's side of the screen,
 * whichever way the paragraph reads), so a click and a key do the same thing and the
 * items' words, right and left, hold in Arabic text too. */
static void
test_reader_menu_runs_what_its_keys_do (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-responsiveness-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "project.attest", NULL);
  g_autoptr(AttestStore) store = NULL;
  AttestWindow *window;
  GtkWidget *text_view;
  GMenuModel *menu;
  GListModel *shortcuts;
  const struct { const char *accel; int direction; } keys[] = {
    { "<Shift><Alt>Right", 1 },
    { "<Shift><Alt>Left", -1 },
  };

  g_assert_no_error (error);
  store = attest_store_create (path, &error);
  g_assert_no_error (error);
  window = attest_window_new (NULL, store);
  text_view = find_by_type (GTK_WIDGET (attest_window_get_reader (window)), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (text_view);
  menu = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (text_view));
  g_assert_nonnull (menu);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autofree char *menu_action = NULL;
      g_autofree char *shortcut_action = NULL;
      g_autoptr(GtkShortcutTrigger) trigger = gtk_shortcut_trigger_parse_string (keys[k].accel);
      int menu_target = 0;
      gboolean found = FALSE;

      g_assert_true (find_menu_accel (menu, keys[k].accel, &menu_action, &menu_target));
      /* The key's shortcut, from the controllers of the text view and its ancestors. */
      for (GtkWidget *w = text_view; w != NULL && !found; w = gtk_widget_get_parent (w))
        {
          shortcuts = gtk_widget_observe_controllers (w);
          for (guint i = 0; i < g_list_model_get_n_items (shortcuts) && !found; i++)
            {
              g_autoptr(GObject) controller = g_list_model_get_item (shortcuts, i);

              if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
                continue;
              for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
                {
                  g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller),
                                                                           j);
                  GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
                  GVariant *arguments = gtk_shortcut_get_arguments (shortcut);

                  if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger)
                      || !GTK_IS_NAMED_ACTION (action))
                    continue;
                  shortcut_action =
                    g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
                  g_assert_nonnull (arguments);
                  g_assert_cmpint (g_variant_get_int32 (arguments), ==, keys[k].direction);
                  found = TRUE;
                  break;
                }
            }
          g_object_unref (shortcuts);
        }
      g_assert_true (found);
      g_assert_cmpstr (menu_action, ==, shortcut_action);
      g_assert_cmpint (menu_target, ==, keys[k].direction);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&store);
  remove_dir (dir);
}

typedef struct
{
  guint tags;       /* the whole codebook read */
  guint incidents;  /* every incident read */
} FullReads;

static int
count_full_reads (unsigned  type,
                  void     *data,
                  void     *statement,
                  void     *sql)
{
  FullReads *reads = data;

  /* The whole-list queries: no WHERE between the table and the ORDER BY. */
  if (strstr (sql, "FROM tags t  ORDER BY") != NULL)
    reads->tags++;
  if (strstr (sql, "FROM incidents i  ORDER BY") != NULL)
    reads->incidents++;
  return 0;
}

#define N_LAUNCH_TAGS 12
#define N_LAUNCH_INCIDENTS 30

/* Opening a project reads neither the codebook nor the incidents: no page that shows them
 * is shown (at 100,000 articles, three reads of the codebook and one of the incidents were
 * a fifth of the launch). Each is read once its page is first shown, and then listed. */
static void
test_launch_reads_no_codebook_or_incidents (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-responsiveness-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "project.attest", NULL);
  g_autoptr(AttestStore) store = NULL;
  FullReads reads = { 0, 0 };
  AttestWindow *window;
  GtkWidget *tags_view, *incidents_table;
  GListModel *tags_shown, *incidents_shown;

  g_assert_no_error (error);
  store = attest_store_create (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_LAUNCH_TAGS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Tag %02u", i);
      g_autoptr(AttestTag) tag = attest_store_create_tag (store, name, NULL, NULL, NULL, &error);

      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_LAUNCH_INCIDENTS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Shelling %02u", i);
      g_autoptr(AttestIncident) incident = NULL;
      AttestIncidentFields fields;

      attest_incident_fields_init (&fields);
      fields.title = title;
      fields.date_start = "2024-03-01";
      incident = attest_store_save_incident (store, NULL, &fields, &error);
      g_assert_no_error (error);
    }
  sqlite3_trace_v2 (_attest_store_get_db (store), SQLITE_TRACE_STMT, count_full_reads, &reads);
  /* The window opens on the page it was last left on: the articles. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.attest.Attest");

    g_settings_set_string (settings, "visible-page", "articles");
  }

  window = attest_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (reads.tags, ==, 0);
  g_assert_cmpuint (reads.incidents, ==, 0);

  tags_view = find_by_type (attest_window_get_codebook_view (window), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (tags_view);
  tags_shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (tags_view)));
  g_assert_cmpuint (g_list_model_get_n_items (tags_shown), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "codebook"));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (reads.tags, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tags_shown), ==, N_LAUNCH_TAGS);

  incidents_table = find_by_type (find_by_type (GTK_WIDGET (window), ATTEST_TYPE_INCIDENTS_VIEW),
                                  GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (incidents_table);
  incidents_shown = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (incidents_table)));
  g_assert_cmpuint (g_list_model_get_n_items (incidents_shown), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "incidents"));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (reads.incidents, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (incidents_shown), ==, N_LAUNCH_INCIDENTS);

  /* A change once shown is read again, once. */
  {
    g_autoptr(AttestTag) tag = attest_store_create_tag (store, "Tag new", NULL, NULL, NULL,
                                                        &error);

    g_assert_no_error (error);
  }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (tags_shown), ==, N_LAUNCH_TAGS + 1);

  sqlite3_trace_v2 (_attest_store_get_db (store), 0, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&store);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/attest/responsiveness/list-queries-use-indexes",
                   test_list_queries_use_indexes);
  g_test_add_func ("/attest/responsiveness/open-2000-annotations",
                   test_open_heavily_annotated_article);
  g_test_add_func ("/attest/responsiveness/sources-page-many-sources",
                   test_sources_page_many_sources);
  g_test_add_func ("/attest/responsiveness/sources-page-loading", test_sources_page_loading);
  g_test_add_func ("/attest/responsiveness/rtl-cells-start-at-one-edge",
                   test_rtl_cells_start_at_one_edge);
  g_test_add_func ("/attest/responsiveness/reader-menu-runs-what-its-keys-do",
                   test_reader_menu_runs_what_its_keys_do);
  g_test_add_func ("/attest/responsiveness/launch-reads-no-codebook-or-incidents",
                   test_launch_reads_no_codebook_or_incidents);
  g_test_add_func ("/attest/responsiveness/import-10000", test_import_keeps_window_responsive);

  return g_test_run ();
}
