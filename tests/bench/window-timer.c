/* window-timer.c: times what a user waits for in the window, for window-bench.py.
 *
 *   window-timer launch [PROJECT]       the application, as `attest PROJECT` starts it:
 *                                       prints "frame-us T", the monotonic time at the end
 *                                       of the first frame drawn with the project (the
 *                                       welcome page without one); the caller took the time
 *                                       before starting the process.
 *   window-timer launch-gtk             baseline: a bare GtkWindow with a label.
 *   window-timer open PROJECT UUID      selects the article in the list and waits for the
 *                                       frame that shows it with all its highlights; five
 *                                       times, between openings of another article.
 *   window-timer open-reader PROJECT UUID, open-panel PROJECT UUID
 *                                       the same with the reader alone (the article and its
 *                                       highlights), or the annotation panel alone (its list
 *                                       of the annotations): which of them the time goes to.
 *   window-timer open-gtk PROJECT UUID  baseline: the same text and one tag per annotation
 *                                       in a plain GtkTextView.
 *   window-timer scroll-articles PROJECT, scroll-sources PROJECT
 *                                       scrolls the article list (or the sources table) a
 *                                       page a frame from the top, then jumps through it as
 *                                       a dragged scrollbar does; prints the frames' times.
 *   window-timer scroll-gtk N           baseline: a GtkListView of N rows of two labels.
 *
 * Output is "key value" lines; times are milliseconds unless the key ends in -us.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <adwaita.h>

#include "attest-annotation-panel.h"
#include "attest-application.h"
#include "attest-core.h"
#include "attest-reader.h"
#include "attest-sources-view.h"
#include "attest-window.h"
#include "gui-test-util.h"

#define WIDTH 1280
#define HEIGHT 800
#define PAGE_FRAMES 300
#define JUMP_FRAMES 100
#define OPEN_ROUNDS 5
/* An opening slower than this is not repeated: once shows the problem. */
#define SLOW_OPEN_MS 2000

/* Frame bookkeeping shared by all modes. */
typedef struct
{
  GMainLoop *loop;
  gint64     update_us;           /* when the frame clock started the current frame */
  gboolean (*on_frame) (gpointer data, gint64 work_us, gint64 now_us);
  gpointer   data;
} Frames;

static Frames frames;

static void
on_update (GdkFrameClock *clock,
           gpointer       unused)
{
  frames.update_us = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       unused)
{
  gint64 now = g_get_monotonic_time ();

  if (frames.on_frame != NULL && !frames.on_frame (frames.data, now - frames.update_us, now))
    frames.on_frame = NULL;
}

static void
watch_frames (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_assert_nonnull (clock);
  g_signal_connect (clock, "update", G_CALLBACK (on_update), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static gboolean
keep_drawing (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       unused)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
is_view_of (GtkWidget     *widget,
            gconstpointer  model)
{
  gconstpointer shown;

  if (GTK_IS_LIST_VIEW (widget))
    shown = gtk_list_view_get_model (GTK_LIST_VIEW (widget));
  else if (GTK_IS_COLUMN_VIEW (widget))
    shown = gtk_column_view_get_model (GTK_COLUMN_VIEW (widget));
  else
    return FALSE;
  return model == NULL || shown == model;
}

/* Runs the main loop until the window has drawn a few frames: it is laid out and idle. */
static gboolean
count_down (gpointer data,
            gint64   work_us,
            gint64   now_us)
{
  if (--*(int *) data > 0)
    return TRUE;
  g_main_loop_quit (frames.loop);
  return FALSE;
}

static void
settle (GtkWidget *widget)
{
  int left = 5;
  guint tick = gtk_widget_add_tick_callback (widget, keep_drawing, NULL, NULL);

  frames.on_frame = count_down;
  frames.data = &left;
  g_main_loop_run (frames.loop);
  gtk_widget_remove_tick_callback (widget, tick);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop until the window has finished reading its lists (a big project's are
 * read in workers after the first frame). */
static void
wait_window_idle (AttestWindow *window)
{
  while (attest_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (window));
}

static GtkWindow *
new_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  gtk_window_set_child (window, child);
  return window;
}

static AttestStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  AttestStore *store = attest_store_open (path, &error);

  if (store == NULL)
    g_error ("%s: %s", path, error->message);
  return store;
}

/* With WINDOW_TIMER_WIDGETS set, the widget types in the window and how many of each:
 * where a slow frame's time goes. */
static void
count_widgets (GtkWidget  *widget,
               GHashTable *counts)
{
  const char *name = G_OBJECT_TYPE_NAME (widget);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));

  g_hash_table_insert (counts, (gpointer) name, GUINT_TO_POINTER (n + 1));
  if (GTK_IS_LIST_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget) || GTK_IS_LIST_BOX (widget))
    {
      guint children = 0;
      GtkWidget *ancestor = gtk_widget_get_ancestor (widget, GTK_TYPE_STACK);

      for (GtkWidget *c = gtk_widget_get_first_child (widget);
           c != NULL;
           c = gtk_widget_get_next_sibling (c))
        children++;
      g_print ("list %s children %u mapped %d height %d in %s\n", name, children,
               gtk_widget_get_mapped (widget), gtk_widget_get_height (widget),
               ancestor != NULL ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (ancestor)) : "-");
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_widgets (child, counts);
}

static void
dump_widgets (GtkWidget *root)
{
  g_autoptr(GHashTable) counts = NULL;
  GHashTableIter iter;
  gpointer name, count;

  if (g_getenv ("WINDOW_TIMER_WIDGETS") == NULL)
    return;
  counts = g_hash_table_new (g_str_hash, g_str_equal);
  count_widgets (root, counts);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &name, &count))
    if (GPOINTER_TO_UINT (count) >= 20)
      g_print ("widgets %s %u\n", (const char *) name, GPOINTER_TO_UINT (count));
}

/* --- launch ------------------------------------------------------------------------- */

typedef struct
{
  gboolean     want_store;
  GtkWindow   *window;
  GApplication *app;
  gboolean     framed;
} Launch;

static gboolean
launch_frame (gpointer data,
              gint64   work_us,
              gint64   now_us)
{
  Launch *launch = data;
  guint n = 0;

  if (launch->want_store && ATTEST_IS_WINDOW (launch->window))
    {
      AttestWindow *window = ATTEST_WINDOW (launch->window);

      if (attest_window_get_store (window) == NULL)
        return TRUE;
      n = g_list_model_get_n_items (G_LIST_MODEL (attest_window_get_selection (window)));
    }
  if (!launch->framed)
    g_print ("frame-us %" G_GINT64_FORMAT "\nitems %u\n", now_us, n);
  launch->framed = TRUE;
  /* A big project's list is read after the first frame: until the frame that shows it. */
  if (launch->want_store && attest_window_get_busy (ATTEST_WINDOW (launch->window)))
    return TRUE;
  if (launch->want_store)
    g_print ("list-us %" G_GINT64_FORMAT "\nlist-items %u\n", now_us, n);
  if (launch->app != NULL)
    g_application_quit (launch->app);
  else
    g_main_loop_quit (frames.loop);
  return FALSE;
}

static void
on_window_realize (GtkWidget *widget,
                   Launch    *launch)
{
  watch_frames (widget);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Launch         *launch)
{
  if (launch->window != NULL)
    return;
  launch->window = window;
  frames.on_frame = launch_frame;
  frames.data = launch;
  g_signal_connect_after (window, "realize", G_CALLBACK (on_window_realize), launch);
}

static int
run_launch (const char *project)
{
  g_autoptr(AttestApplication) app = attest_application_new ();
  Launch launch = { project != NULL, NULL, G_APPLICATION (app) };
  char *argv[] = { (char *) "attest", (char *) project, NULL };

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app))
                           | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &launch);
  return g_application_run (G_APPLICATION (app), project != NULL ? 2 : 1, argv);
}

static int
run_launch_gtk (void)
{
  Launch launch = { FALSE, NULL, NULL };
  GtkWindow *window;

  adw_init ();
  frames.loop = g_main_loop_new (NULL, FALSE);
  window = new_window (gtk_label_new ("Attest"));
  launch.window = window;
  frames.on_frame = launch_frame;
  frames.data = &launch;
  g_signal_connect_after (window, "realize", G_CALLBACK (on_window_realize), &launch);
  gtk_window_present (window);
  g_main_loop_run (frames.loop);
  return 0;
}

/* --- open an article ------------------------------------------------------------------ */

typedef struct
{
  AttestReader     *reader;       /* NULL in the GtkTextView baseline */
  gboolean          any_frame;    /* the next frame will do (the annotation panel alone) */
  GtkTextBuffer    *buffer;
  const char       *uuid;
  AttestAnnotation *last;         /* its highlight is the last one to appear */
  GtkTextTag       *baseline_tag;
  gint64            start_us;
  gint64            shown_us;
  gboolean          timed_out;
} Open;

/* A frame that never comes is reported, not waited for. */
#define OPEN_TIMEOUT_US (60 * G_USEC_PER_SEC)

static gboolean
article_shown (Open *open)
{
  AttestArticle *article;
  GtkTextTag *tag;
  GtkTextIter iter;
  guint offset = 0;

  if (open->any_frame)
    return TRUE;
  if (open->reader != NULL)
    {
      article = attest_reader_get_article (open->reader);
      if (article == NULL || g_strcmp0 (attest_article_get_uuid (article), open->uuid) != 0)
        return FALSE;
      if (open->last == NULL)
        return TRUE;
      tag = attest_reader_get_kind_tag (open->reader, attest_annotation_get_kind (open->last));
      offset = attest_reader_get_body_offset (open->reader);
    }
  else
    tag = open->baseline_tag;

  gtk_text_buffer_get_iter_at_offset (open->buffer, &iter,
                                      offset + attest_annotation_get_start (open->last));
  return gtk_text_iter_has_tag (&iter, tag);
}

static gboolean
open_frame (gpointer data,
            gint64   work_us,
            gint64   now_us)
{
  Open *open = data;

  if (!article_shown (open))
    {
      if (now_us - open->start_us < OPEN_TIMEOUT_US)
        return TRUE;
      open->timed_out = TRUE;
    }
  open->shown_us = now_us;
  g_main_loop_quit (frames.loop);
  return FALSE;
}

static double
wait_until_shown (GtkWidget *widget,
                  Open      *open)
{
  guint tick = gtk_widget_add_tick_callback (widget, keep_drawing, NULL, NULL);

  frames.on_frame = open_frame;
  frames.data = open;
  g_main_loop_run (frames.loop);
  gtk_widget_remove_tick_callback (widget, tick);
  return (open->shown_us - open->start_us) / 1000.0;
}

/* The position of the article in the window's list (the list may be sorted or filtered:
 * ask it, item by item). */
static guint
find_position (GListModel *model,
               const char *uuid)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttestArticle) article = g_list_model_get_item (model, i);

      if (article != NULL && g_strcmp0 (attest_article_get_uuid (article), uuid) == 0)
        return i;
    }
  g_error ("article %s is not in the list", uuid);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_rounds (const char *key,
              double     *ms,
              guint       n)
{
  double first = ms[0];

  qsort (ms, n, sizeof (double), compare_doubles);
  g_print ("%s-first %.1f\n%s-median %.1f\n%s-max %.1f\n", key, first, key, ms[n / 2], key,
           ms[n - 1]);
}

static GPtrArray *
annotations_of (AttestStore *store,
                const char  *uuid)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *annotations = attest_store_list_annotations (store, uuid, &error);

  if (annotations == NULL)
    g_error ("%s: %s", uuid, error->message);
  return annotations;
}

static int
run_open (const char *path,
          const char *uuid)
{
  g_autoptr(AttestStore) store = open_store (path);
  g_autoptr(GPtrArray) annotations = annotations_of (store, uuid);
  AttestWindow *window;
  GtkSingleSelection *selection;
  guint position, other;
  guint rounds = 0;
  double ms[OPEN_ROUNDS];
  double sync_ms[OPEN_ROUNDS];
  Open open = { 0 };

  frames.loop = g_main_loop_new (NULL, FALSE);
  window = attest_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  g_signal_connect_after (window, "realize", G_CALLBACK (watch_frames), NULL);
  gtk_window_present (GTK_WINDOW (window));
  settle (GTK_WIDGET (window));
  wait_window_idle (window);

  selection = attest_window_get_selection (window);
  position = find_position (G_LIST_MODEL (selection), uuid);
  other = position == 0 ? 1 : 0;
  open.reader = attest_window_get_reader (window);
  open.buffer = attest_reader_get_buffer (open.reader);
  open.last = annotations->len > 0 ? g_ptr_array_index (annotations, annotations->len - 1)
                                   : NULL;
  g_print ("annotations %u\n", annotations->len);

  for (guint round = 0; round < OPEN_ROUNDS; round++)
    {
      g_autoptr(AttestArticle) article = g_list_model_get_item (G_LIST_MODEL (selection), other);

      /* Another article first, so that each round really opens this one. */
      gtk_single_selection_set_selected (selection, other);
      open.uuid = attest_article_get_uuid (article);
      open.last = NULL;
      open.start_us = g_get_monotonic_time ();
      wait_until_shown (GTK_WIDGET (window), &open);
      settle (GTK_WIDGET (window));

      open.uuid = uuid;
      open.last = annotations->len > 0 ? g_ptr_array_index (annotations, annotations->len - 1)
                                       : NULL;
      open.start_us = g_get_monotonic_time ();
      gtk_single_selection_set_selected (selection, position);
      /* What the selection does at once, before the main loop runs again: the rest is
       * drawing the first frame that shows it. */
      sync_ms[round] = (g_get_monotonic_time () - open.start_us) / 1000.0;
      ms[round] = wait_until_shown (GTK_WIDGET (window), &open);
      dump_widgets (GTK_WIDGET (window));
      if (open.timed_out)
        {
          g_print ("open-timeout %.1f\n", ms[round]);
          return 1;
        }
      settle (GTK_WIDGET (window));
      rounds = round + 1;
      if (ms[round] > SLOW_OPEN_MS)
        break;
    }
  print_rounds ("open", ms, rounds);
  print_rounds ("open-sync", sync_ms, rounds);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static int
run_open_gtk (const char *path,
              const char *uuid)
{
  g_autoptr(AttestStore) store = open_store (path);
  g_autoptr(GPtrArray) annotations = annotations_of (store, uuid);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestArticle) article = attest_store_get_article (store, uuid, &error);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkTextTag *tags[4];
  GtkWindow *window;
  double ms[OPEN_ROUNDS];
  Open open = { 0 };

  g_assert_no_error (error);
  adw_init ();
  frames.loop = g_main_loop_new (NULL, FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  window = new_window (scrolled);
  g_signal_connect_after (window, "realize", G_CALLBACK (watch_frames), NULL);
  gtk_window_present (window);
  settle (GTK_WIDGET (window));

  open.buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  for (guint k = 0; k < G_N_ELEMENTS (tags); k++)
    tags[k] = gtk_text_buffer_create_tag (open.buffer, NULL, "background",
                                          (const char *[]) { "#f8e45c80", "#99c1f180",
                                                             "#8ff0a480", "#dc8add80" }[k],
                                          NULL);
  open.last = g_ptr_array_index (annotations, annotations->len - 1);
  open.baseline_tag = tags[attest_annotation_get_kind (open.last) % 4];

  for (guint round = 0; round < OPEN_ROUNDS; round++)
    {
      GtkTextIter a, b;

      gtk_text_buffer_set_text (open.buffer, "", -1);
      settle (GTK_WIDGET (window));
      open.start_us = g_get_monotonic_time ();
      gtk_text_buffer_set_text (open.buffer, attest_article_get_body (article), -1);
      for (guint i = 0; i < annotations->len; i++)
        {
          AttestAnnotation *annotation = g_ptr_array_index (annotations, i);

          gtk_text_buffer_get_iter_at_offset (open.buffer, &a,
                                              attest_annotation_get_start (annotation));
          gtk_text_buffer_get_iter_at_offset (open.buffer, &b,
                                              attest_annotation_get_end (annotation));
          gtk_text_buffer_apply_tag (open.buffer,
                                     tags[attest_annotation_get_kind (annotation) % 4], &a, &b);
        }
      ms[round] = wait_until_shown (GTK_WIDGET (window), &open);
    }
  print_rounds ("open", ms, OPEN_ROUNDS);
  gtk_window_destroy (window);
  return 0;
}

/* The reader or the annotation panel alone, to tell which of them an opening waits for. */
static int
run_open_part (const char *path,
               const char *uuid,
               gboolean    panel)
{
  g_autoptr(AttestStore) store = open_store (path);
  g_autoptr(GPtrArray) annotations = annotations_of (store, uuid);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestArticle) article = attest_store_get_article (store, uuid, &error);
  GtkWidget *widget = panel ? attest_annotation_panel_new () : attest_reader_new ();
  GtkWindow *window;
  guint rounds = 0;
  double ms[OPEN_ROUNDS];
  Open open = { 0 };

  g_assert_no_error (error);
  frames.loop = g_main_loop_new (NULL, FALSE);
  window = new_window (widget);
  if (panel)
    {
      attest_annotation_panel_set_store (ATTEST_ANNOTATION_PANEL (widget), store);
      gtk_window_set_default_size (window, 360, HEIGHT);
      open.any_frame = TRUE;
    }
  else
    {
      open.reader = ATTEST_READER (widget);
      open.buffer = attest_reader_get_buffer (open.reader);
      open.uuid = uuid;
      open.last = g_ptr_array_index (annotations, annotations->len - 1);
    }
  g_signal_connect_after (window, "realize", G_CALLBACK (watch_frames), NULL);
  gtk_window_present (window);
  settle (GTK_WIDGET (window));

  for (guint round = 0; round < OPEN_ROUNDS; round++)
    {
      if (panel)
        attest_annotation_panel_set_annotations (ATTEST_ANNOTATION_PANEL (widget), NULL);
      else
        {
          attest_reader_set_annotations (open.reader, NULL);
          attest_reader_set_article (open.reader, NULL);
        }
      settle (GTK_WIDGET (window));
      open.start_us = g_get_monotonic_time ();
      if (panel)
        attest_annotation_panel_set_annotations (ATTEST_ANNOTATION_PANEL (widget), annotations);
      else
        {
          attest_reader_set_article (open.reader, article);
          attest_reader_set_annotations (open.reader, annotations);
        }
      ms[round] = wait_until_shown (GTK_WIDGET (window), &open);
      if (open.timed_out)
        {
          g_print ("open-timeout %.1f\n", ms[round]);
          return 1;
        }
      rounds = round + 1;
      if (ms[round] > SLOW_OPEN_MS)
        break;
    }
  print_rounds ("open", ms, rounds);
  gtk_window_destroy (window);
  return 0;
}

/* --- scrolling ------------------------------------------------------------------------ */

typedef struct
{
  GtkAdjustment *adjustment;
  guint          frame;
  GArray        *work_ms;       /* per frame: from the clock's update to the end of paint */
  GArray        *interval_ms;   /* between the ends of two frames */
  gint64         last_us;
  GRand         *rand;
} Scroll;

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Scroll *scroll = data;
  double upper = gtk_adjustment_get_upper (scroll->adjustment);
  double page = gtk_adjustment_get_page_size (scroll->adjustment);
  double value = gtk_adjustment_get_value (scroll->adjustment);

  if (scroll->frame < PAGE_FRAMES)
    value += page;
  else
    value = g_rand_double_range (scroll->rand, 0, MAX (0, upper - page));
  gtk_adjustment_set_value (scroll->adjustment, MIN (value, upper - page));
  return G_SOURCE_CONTINUE;
}

static gboolean
scroll_frame (gpointer data,
              gint64   work_us,
              gint64   now_us)
{
  Scroll *scroll = data;
  double ms = work_us / 1000.0;

  if (scroll->frame > 0)
    {
      double interval = (now_us - scroll->last_us) / 1000.0;

      g_array_append_val (scroll->work_ms, ms);
      g_array_append_val (scroll->interval_ms, interval);
    }
  scroll->last_us = now_us;
  if (++scroll->frame > PAGE_FRAMES + JUMP_FRAMES)
    {
      g_main_loop_quit (frames.loop);
      return FALSE;
    }
  return TRUE;
}

static void
print_series (const char *key,
              GArray     *values)
{
  double *v = (double *) values->data;
  double total = 0;

  for (guint i = 0; i < values->len; i++)
    total += v[i];
  qsort (v, values->len, sizeof (double), compare_doubles);
  g_print ("%s-mean %.2f\n%s-p95 %.2f\n%s-max %.2f\n", key, total / values->len, key,
           v[values->len * 95 / 100], key, v[values->len - 1]);
}

static void
scroll_through (GtkWindow  *window,
                GtkWidget  *view)
{
  Scroll scroll = { 0 };
  guint tick;

  scroll.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  scroll.work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  scroll.interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  scroll.rand = g_rand_new_with_seed (20261126);
  g_print ("rows-height %.0f\n", gtk_adjustment_get_upper (scroll.adjustment));

  tick = gtk_widget_add_tick_callback (view, scroll_tick, &scroll, NULL);
  frames.on_frame = scroll_frame;
  frames.data = &scroll;
  g_main_loop_run (frames.loop);
  gtk_widget_remove_tick_callback (view, tick);

  g_print ("frames %u\n", scroll.work_ms->len);
  print_series ("frame-work", scroll.work_ms);
  print_series ("frame-interval", scroll.interval_ms);
  g_array_unref (scroll.work_ms);
  g_array_unref (scroll.interval_ms);
  g_rand_free (scroll.rand);
}

static int
run_scroll_articles (const char *path)
{
  g_autoptr(AttestStore) store = open_store (path);
  AttestWindow *window;
  GtkWidget *view;

  frames.loop = g_main_loop_new (NULL, FALSE);
  window = attest_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  g_signal_connect_after (window, "realize", G_CALLBACK (watch_frames), NULL);
  gtk_window_present (GTK_WINDOW (window));
  settle (GTK_WIDGET (window));
  wait_window_idle (window);

  view = find_widget (GTK_WIDGET (window), is_view_of, attest_window_get_selection (window));
  g_assert_nonnull (view);
  g_print ("items %u\n",
           g_list_model_get_n_items (G_LIST_MODEL (attest_window_get_selection (window))));
  scroll_through (GTK_WINDOW (window), view);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static int
run_scroll_sources (const char *path)
{
  g_autoptr(AttestStore) store = open_store (path);
  GtkWidget *sources = attest_sources_view_new ();
  GtkWidget *view;
  GtkWindow *window;
  GListModel *rows;

  frames.loop = g_main_loop_new (NULL, FALSE);
  attest_sources_view_set_store (ATTEST_SOURCES_VIEW (sources), store);
  window = new_window (sources);
  g_signal_connect_after (window, "realize", G_CALLBACK (watch_frames), NULL);
  gtk_window_present (window);
  settle (GTK_WIDGET (window));

  view = find_widget (sources, is_view_of, NULL);
  g_assert_nonnull (view);
  rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  /* Many sources are read in a worker once the view is shown. */
  while (g_list_model_get_n_items (rows) < attest_store_count_sources (store))
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (window));
  g_print ("items %u\n", g_list_model_get_n_items (rows));
  scroll_through (window, view);
  gtk_window_destroy (window);
  return 0;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (box), gtk_inscription_new (NULL));
  gtk_box_append (GTK_BOX (box), gtk_inscription_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_widget_get_first_child (box)),
                            gtk_string_object_get_string (string));
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_widget_get_last_child (box)),
                            "Reuters · 2024-01-01 · 10 annotations");
}

static int
run_scroll_gtk (guint n)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view, *scrolled;
  GtkWindow *window;

  adw_init ();
  frames.loop = g_main_loop_new (NULL, FALSE);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Article %u: officials said the village", i);

      gtk_string_list_append (strings, title);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (strings))),
                            factory);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  window = new_window (scrolled);
  g_signal_connect_after (window, "realize", G_CALLBACK (watch_frames), NULL);
  gtk_window_present (window);
  settle (GTK_WIDGET (window));
  g_print ("items %u\n", n);
  scroll_through (window, view);
  gtk_window_destroy (window);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *mode = argc > 1 ? argv[1] : "";

  if (g_str_equal (mode, "launch"))
    return run_launch (argc > 2 ? argv[2] : NULL);

  adw_init ();
  if (g_str_equal (mode, "launch-gtk"))
    return run_launch_gtk ();
  if (g_str_equal (mode, "open") && argc == 4)
    return run_open (argv[2], argv[3]);
  if (g_str_equal (mode, "open-reader") && argc == 4)
    return run_open_part (argv[2], argv[3], FALSE);
  if (g_str_equal (mode, "open-panel") && argc == 4)
    return run_open_part (argv[2], argv[3], TRUE);
  if (g_str_equal (mode, "open-gtk") && argc == 4)
    return run_open_gtk (argv[2], argv[3]);
  if (g_str_equal (mode, "scroll-articles") && argc == 3)
    return run_scroll_articles (argv[2]);
  if (g_str_equal (mode, "scroll-sources") && argc == 3)
    return run_scroll_sources (argv[2]);
  if (g_str_equal (mode, "scroll-gtk") && argc == 3)
    return run_scroll_gtk (atoi (argv[2]));

  g_printerr ("Usage: %s launch [PROJECT] | launch-gtk | open PROJECT UUID | "
              "open-reader PROJECT UUID | open-panel PROJECT UUID | open-gtk PROJECT UUID | "
              "scroll-articles PROJECT | scroll-sources PROJECT | "
              "scroll-gtk N\n", argv[0]);
  return 2;
}
