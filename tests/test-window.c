/* test-window.c: the main window, driven through its actions as a user would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "attest-annotation-panel.h"
#include "attest-article-details.h"
#include "attest-core.h"
#include "attest-jobs.h"
#include "attest-quote-dialog.h"
#include "attest-reader.h"
#include "attest-url-dialog.h"
#include "attest-window.h"

#define QUOTE "The Corona virus is an important factor."
#define SPEAKER "Tahsin al-Khafaji"

typedef struct
{
  char         *dir;
  char         *path;
  AttestStore  *store;
  char         *article_uuid;
  AttestWindow *window;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until check () holds or 20 s pass. */
static gboolean
wait_until (gboolean (*check) (gpointer),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, on_timeout, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  spin ();
  return check (data);
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames_drawn (gpointer data)
{
  return *(guint *) data >= 2;
}

/* Lets the window lay itself out: a frame after the one that was due. */
static void
wait_for_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);

  g_assert_true (wait_until (two_frames_drawn, &frames));
  gtk_widget_remove_tick_callback (widget, id);
}

static GFile *
seed_file (void)
{
  const char *shared = g_getenv ("ATTEST_SHARED_DIR");
  g_autofree char *path = NULL;

  g_assert_nonnull (shared);
  path = g_build_filename (shared, "corpus", "seed", "iraq-isis-corona.txt", NULL);
  return g_file_new_for_path (path);
}

/* Depth-first search of the widget tree. */
static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static gboolean
is_mapped_label (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Clicks the button a user sees with that label. */
static void
click_button (GtkWidget  *root,
              const char *label)
{
  GtkWidget *button = find_widget (root, is_button_labelled, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
is_list_box (GtkWidget     *widget,
             gconstpointer  unused)
{
  return GTK_IS_LIST_BOX (widget);
}

static gboolean
is_status_page_mapped (GtkWindow  *window,
                       const char *title)
{
  GtkWidget *page = find_widget (GTK_WIDGET (window), is_status_page_titled, title);

  return page != NULL && gtk_widget_get_mapped (page);
}

/* The rows the side panel shows. */
static GPtrArray *
panel_rows (AttestWindow *window)
{
  GtkWidget *panel = GTK_WIDGET (attest_window_get_panel (window));
  GtkWidget *list_box = find_widget (panel, is_list_box, NULL);
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (list_box);
  if (!gtk_widget_get_mapped (list_box))
    return rows;
  for (GtkWidget *child = gtk_widget_get_first_child (list_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child) && gtk_widget_get_visible (child))
      g_ptr_array_add (rows, child);
  return rows;
}

static AttestQuoteDialog *
find_quote_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ATTEST_IS_QUOTE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ATTEST_QUOTE_DIALOG (window);
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  with_project)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("attest-window-XXXXXX", &error);
  g_assert_no_error (error);

  if (with_project != NULL)
    {
      g_autoptr(GFile) seed = seed_file ();

      fixture->path = g_build_filename (fixture->dir, "test.attest", NULL);
      fixture->store = attest_store_create (fixture->path, &error);
      g_assert_no_error (error);
      fixture->article_uuid = attest_store_import_file (fixture->store, seed, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (fixture->article_uuid);
    }

  fixture->window = attest_window_new (NULL, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin ();
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  with_project)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  g_clear_object (&fixture->store);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->article_uuid);
}

/* Selects the first article and returns the span of QUOTE in its body, found in the
 * reader's buffer as a user would find it. */
static void
open_article_and_select_quote (Fixture *fixture,
                               guint   *start,
                               guint   *end)
{
  AttestReader *reader = attest_window_get_reader (fixture->window);
  GtkTextBuffer *buffer = attest_reader_get_buffer (reader);
  g_autoptr(AttestArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter iter, match_start, match_end;
  const char *body;
  const char *found;
  guint body_offset;

  gtk_single_selection_set_selected (attest_window_get_selection (fixture->window), 0);
  spin ();

  article = attest_store_get_article (fixture->store, fixture->article_uuid, &error);
  g_assert_no_error (error);
  g_assert_true (attest_reader_get_article (reader) != NULL);
  g_assert_cmpstr (attest_article_get_uuid (attest_reader_get_article (reader)), ==,
                   fixture->article_uuid);
  g_assert_false (is_status_page_mapped (GTK_WINDOW (fixture->window), "No Article Selected"));

  /* The expected offsets, in code points of the body, computed from the stored body. */
  body = attest_article_get_body (attest_reader_get_article (reader));
  g_assert_nonnull (body);
  found = strstr (body, QUOTE);
  g_assert_nonnull (found);
  *start = g_utf8_pointer_to_offset (body, found);
  *end = *start + g_utf8_strlen (QUOTE, -1);

  body_offset = attest_reader_get_body_offset (reader);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, body_offset);
  g_assert_true (gtk_text_iter_forward_search (&iter, QUOTE, 0, &match_start, &match_end, NULL));
  g_assert_cmpint (gtk_text_iter_get_offset (&match_start), ==, body_offset + *start);
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  spin ();
}

static gboolean
buffer_has_tag_exactly (AttestReader         *reader,
                        AttestAnnotationKind  kind,
                        guint                 start,
                        guint                 end)
{
  GtkTextBuffer *buffer = attest_reader_get_buffer (reader);
  GtkTextTag *tag = attest_reader_get_kind_tag (reader, kind);
  guint offset = attest_reader_get_body_offset (reader);
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, offset + start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, offset + end);
  return gtk_text_iter_starts_tag (&a, tag) && gtk_text_iter_ends_tag (&b, tag) &&
         !gtk_text_iter_has_tag (&b, tag);
}

static gboolean
buffer_has_tag_anywhere (AttestReader         *reader,
                         AttestAnnotationKind  kind)
{
  GtkTextBuffer *buffer = attest_reader_get_buffer (reader);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  return gtk_text_iter_has_tag (&iter, attest_reader_get_kind_tag (reader, kind)) ||
         gtk_text_iter_forward_to_tag_toggle (&iter, attest_reader_get_kind_tag (reader, kind));
}

static void
assert_one_direct_quote (Fixture *fixture,
                         guint    start,
                         guint    end)
{
  AttestReader *reader = attest_window_get_reader (fixture->window);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  AttestAnnotation *annotation;
  const char *title;

  annotations = attest_store_list_annotations (fixture->store, fixture->article_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 1);
  annotation = g_ptr_array_index (annotations, 0);
  g_assert_cmpint (attest_annotation_get_kind (annotation), ==, ATTEST_ANNOTATION_DIRECT);
  g_assert_cmpuint (attest_annotation_get_start (annotation), ==, start);
  g_assert_cmpuint (attest_annotation_get_end (annotation), ==, end);
  g_assert_cmpstr (attest_annotation_get_exact (annotation), ==, QUOTE);
  g_assert_cmpstr (attest_annotation_get_speaker_name (annotation), ==, SPEAKER);
  g_assert_cmpstr (attest_annotation_get_speaker_kind (annotation), ==, "official");

  /* Highlighted in the reader, exactly over the quote. */
  g_assert_true (buffer_has_tag_exactly (reader, ATTEST_ANNOTATION_DIRECT, start, end));

  /* Listed in the side panel with its words and speaker. */
  rows = panel_rows (fixture->window);
  g_assert_cmpuint (rows->len, ==, 1);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, 0)));
  g_assert_nonnull (strstr (title, QUOTE));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (g_ptr_array_index (rows, 0))),
                            SPEAKER));
}

static void
assert_no_annotations (Fixture *fixture)
{
  AttestReader *reader = attest_window_get_reader (fixture->window);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  annotations = attest_store_list_annotations (fixture->store, fixture->article_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 0);
  g_assert_false (buffer_has_tag_anywhere (reader, ATTEST_ANNOTATION_DIRECT));
  rows = panel_rows (fixture->window);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_true (is_status_page_mapped (GTK_WINDOW (fixture->window), "No Annotations"));
}

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) loaded = NULL;
  g_autoptr(GError) error = NULL;
  int width, height;

  wait_for_frames (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));

  loaded = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (loaded), ==, width);
}

static void
test_welcome (Fixture       *fixture,
              gconstpointer  data)
{
  g_assert_null (attest_window_get_store (fixture->window));
  g_assert_true (is_status_page_mapped (GTK_WINDOW (fixture->window), "Attest"));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_mapped_label,
                                 "Create or open a project"));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_button_labelled,
                                 "_New Project…"));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_button_labelled,
                                 "_Open Project…"));
  g_assert_false (is_status_page_mapped (GTK_WINDOW (fixture->window), "No Article Selected"));
}

static void
test_project_opens (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (attest_window_get_selection (fixture->window));
  g_autoptr(AttestArticle) first = NULL;

  g_assert_false (is_status_page_mapped (GTK_WINDOW (fixture->window), "Attest"));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)),
                                   "test.attest"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (attest_article_get_uuid (first), ==, fixture->article_uuid);

  /* Nothing selected yet: the reader says so. */
  g_assert_true (is_status_page_mapped (GTK_WINDOW (fixture->window), "No Article Selected"));
}

static void
test_mark_quote_dialog (Fixture       *fixture,
                        gconstpointer  data)
{
  AttestQuoteDialog *dialog;
  g_autofree char *png = NULL;
  guint start, end;

  open_article_and_select_quote (fixture, &start, &end);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.mark-quote", NULL));
  spin ();
  dialog = find_quote_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), QUOTE));
  g_assert_cmpint (attest_quote_dialog_get_kind (dialog), ==, ATTEST_ANNOTATION_DIRECT);

  attest_quote_dialog_set_speaker_name (dialog, "  " SPEAKER " ");
  g_assert_true (attest_quote_dialog_set_speaker_kind (dialog, "official"));
  click_button (GTK_WIDGET (dialog), "_Mark");
  spin ();
  g_assert_null (find_quote_dialog ());

  assert_one_direct_quote (fixture, start, end);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_mapped_label, "Quote marked"));

  png = g_build_filename (fixture->dir, "window.png", NULL);
  save_png (GTK_WIDGET (fixture->window), png);
  /* Kept for a look by a person when asked for, e.g. by CI to attach. */
  if (g_getenv ("ATTEST_TEST_OUTPUT_DIR") != NULL)
    {
      g_autofree char *kept = g_build_filename (g_getenv ("ATTEST_TEST_OUTPUT_DIR"),
                                                "test-window-marked.png", NULL);

      save_png (GTK_WIDGET (fixture->window), kept);
    }

  /* Undo takes it out of the project, the highlight and the panel, and with it the speaker
   * the dialog created; redo brings both back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  spin ();
  assert_no_annotations (fixture);
  {
    g_autoptr(GPtrArray) sources = attest_store_list_sources (fixture->store, NULL);

    g_assert_cmpuint (sources->len, ==, 0);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  spin ();
  assert_one_direct_quote (fixture, start, end);
}

static void
test_mark_quote_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  AttestQuoteDialog *dialog;
  guint start, end;

  open_article_and_select_quote (fixture, &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.mark-quote", NULL);
  spin ();
  dialog = find_quote_dialog ();
  g_assert_nonnull (dialog);
  attest_quote_dialog_set_speaker_name (dialog, SPEAKER);
  click_button (GTK_WIDGET (dialog), "_Cancel");
  spin ();
  g_assert_null (find_quote_dialog ());

  assert_no_annotations (fixture);
}

static void
test_create_annotation_action (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  guint start, end;

  open_article_and_select_quote (fixture, &start, &end);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.create-annotation",
                                             "(suuss)", "direct", start, end, SPEAKER, "official"));
  spin ();
  assert_one_direct_quote (fixture, start, end);

  /* The same speaker again, by name in another case: the source is reused, not doubled. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.create-annotation",
                                             "(suuss)", "claim", start, start + 10,
                                             "tahsin al-khafaji", "expert"));
  spin ();
  sources = attest_store_list_sources (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_true (buffer_has_tag_exactly (attest_window_get_reader (fixture->window),
                                         ATTEST_ANNOTATION_CLAIM, start, start + 10));
  {
    g_autoptr(GPtrArray) rows = panel_rows (fixture->window);

    g_assert_cmpuint (rows->len, ==, 2);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  spin ();
  assert_one_direct_quote (fixture, start, end);
}

static void
test_delete_annotation (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;
  guint start, end;

  open_article_and_select_quote (fixture, &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.create-annotation",
                              "(suuss)", "direct", start, end, SPEAKER, "official");
  spin ();
  annotations = attest_store_list_annotations (fixture->store, fixture->article_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-annotation",
                                             "s", attest_annotation_get_uuid (g_ptr_array_index (annotations, 0))));
  spin ();
  assert_no_annotations (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  spin ();
  assert_one_direct_quote (fixture, start, end);
}

static void
test_selection_is_clamped_to_body (Fixture       *fixture,
                                   gconstpointer  data)
{
  AttestReader *reader = attest_window_get_reader (fixture->window);
  GtkTextBuffer *buffer = attest_reader_get_buffer (reader);
  GtkTextIter a, b;
  guint start, end, quote_start, quote_end;

  open_article_and_select_quote (fixture, &quote_start, &quote_end);

  /* The seed's title is a shortened first paragraph, so it is shown above the body. */
  g_assert_cmpuint (attest_reader_get_body_offset (reader), >, 0);

  /* From the title into the body: only the body part counts. */
  gtk_text_buffer_get_start_iter (buffer, &a);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, attest_reader_get_body_offset (reader) + 3);
  gtk_text_buffer_select_range (buffer, &a, &b);
  g_assert_true (attest_reader_get_selection (reader, &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 3);

  /* White space around a selection is left out. */
  gtk_text_buffer_get_iter_at_offset (buffer, &a, attest_reader_get_body_offset (reader) + quote_start - 1);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, attest_reader_get_body_offset (reader) + quote_end + 1);
  gtk_text_buffer_select_range (buffer, &a, &b);
  g_assert_true (attest_reader_get_selection (reader, &start, &end));
  g_assert_cmpuint (start, ==, quote_start - 1);  /* the opening " is kept */
  g_assert_cmpuint (end, ==, quote_end);          /* the space after is not */

  /* Only the title: nothing to mark. */
  gtk_text_buffer_get_iter_at_offset (buffer, &a, 0);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, 5);
  gtk_text_buffer_select_range (buffer, &a, &b);
  g_assert_false (attest_reader_get_selection (reader, NULL, NULL));
}

static gboolean
window_idle (gpointer data)
{
  return !attest_window_get_busy (ATTEST_WINDOW (data));
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *new_path = g_build_filename (fixture->dir, "second.txt", NULL);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "empty.txt", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GFile) seed = seed_file ();
  GFile *files[3];
  GListModel *model = G_LIST_MODEL (attest_window_get_selection (fixture->window));
  AttestReader *reader = attest_window_get_reader (fixture->window);

  g_assert_true (g_file_set_contents (new_path,
                                      "Ceasefire talks resume\n\n"
                                      "\"We are ready to talk,\" a negotiator said on Monday.\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (bad_path, "", 0, NULL));
  files[0] = new_file;
  files[1] = seed;
  files[2] = bad_file;

  attest_window_import_files (fixture->window, files, G_N_ELEMENTS (files));
  g_assert_true (attest_window_get_busy (fixture->window));
  g_assert_true (wait_until (window_idle, fixture->window));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_mapped_label,
                                 "1 article imported, 1 duplicate, 1 failed"));
  /* The new article is opened, its headline shown once, as the title. */
  g_assert_nonnull (attest_reader_get_article (reader));
  g_assert_cmpstr (attest_article_get_title (attest_reader_get_article (reader)), ==,
                   "Ceasefire talks resume");
  {
    GtkTextBuffer *buffer = attest_reader_get_buffer (reader);
    g_autofree char *text = NULL;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_true (g_str_has_prefix (text, "Ceasefire talks resume\n"));
    g_assert_null (strstr (text + 1, "Ceasefire talks resume"));
    g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (
                     gtk_text_buffer_get_tag_table (buffer), "title")));
  }
}

static void
test_import_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "many", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  GListModel *model = G_LIST_MODEL (attest_window_get_selection (fixture->window));
  GFile *files[1] = { folder_file };
  const guint n_files = 300;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("%03u.txt", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = g_strdup_printf ("Report %u\n\nThe spokesman said %u people were hurt.\n",
                                               i, i);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }

  attest_window_import_files (fixture->window, files, 1);
  g_assert_true (attest_window_get_busy (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel-jobs", NULL));
  g_assert_true (wait_until (window_idle, fixture->window));

  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_mapped_label, "Import stopped"));
  g_assert_cmpuint (g_list_model_get_n_items (model), <, 1 + n_files);
  /* The project is still usable: the seed article opens. */
  gtk_single_selection_set_selected (attest_window_get_selection (fixture->window), 0);
  spin ();
  g_assert_nonnull (attest_reader_get_article (attest_window_get_reader (fixture->window)));
}

/* Files dropped on the window are imported, as from the Import button. */
static void
test_drop_files (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "dropped.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  GListModel *model = G_LIST_MODEL (attest_window_get_selection (fixture->window));
  GtkDropTarget *target = NULL;
  GFile *files[1] = { file };
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_true (g_file_set_contents (path,
                                      "# Shelling near the border\n\n"
                                      "Residents said the shelling lasted all night.\n",
                                      -1, NULL));

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, 1));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);

  g_assert_true (wait_until (window_idle, fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_mapped_label,
                                 "1 article imported"));
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} ExportWait;

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportWait *wait = user_data;

  wait->ok = attest_export_finish (result, &wait->error);
  wait->done = TRUE;
}

static gboolean
export_finished (gpointer data)
{
  return ((ExportWait *) data)->done;
}

static void
test_export_job (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *json_path = g_build_filename (fixture->dir, "out.json", NULL);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "quotes.csv", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  ExportWait wait = { 0 };
  guint start, end;

  open_article_and_select_quote (fixture, &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.create-annotation",
                              "(suuss)", "direct", start, end, SPEAKER, "official");
  spin ();

  attest_export_async (fixture->path, "json", ATTEST_CSV_QUOTES, json_file, NULL,
                       export_done, &wait);
  g_assert_true (wait_until (export_finished, &wait));
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, fixture->article_uuid));
  g_assert_nonnull (strstr (json, SPEAKER));

  memset (&wait, 0, sizeof wait);
  attest_export_async (fixture->path, "csv", ATTEST_CSV_QUOTES, csv_file, NULL,
                       export_done, &wait);
  g_assert_true (wait_until (export_finished, &wait));
  g_assert_no_error (wait.error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, QUOTE));
}

/* Web pages for the URL imports, served by the test itself on 127.0.0.1. */
#define WEB_TITLE "Ceasefire holds in Mosul"
#define WEB_SENTENCE "The ceasefire held through the night, a police officer in Mosul said on Tuesday."

static const char web_page[] =
  "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
  "<title>" WEB_TITLE " | The Daily Record</title>"
  "<meta property=\"og:title\" content=\"" WEB_TITLE "\">"
  "<meta property=\"og:site_name\" content=\"The Daily Record\">"
  "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
  "<article><h1>" WEB_TITLE "</h1>"
  "<p>" WEB_SENTENCE "</p>"
  "<p>Residents of the old city said they had heard no shooting since the evening, the first "
  "quiet night in more than a week of fighting between the army and the militants.</p>"
  "<p>\"We are waiting to see whether it lasts,\" said a shopkeeper who asked not to be named, "
  "adding that most families had stayed indoors.</p>"
  "</article><footer>Copyright The Daily Record</footer></body></html>";

static void
web_handler (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  if (g_str_equal (path, "/article"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        web_page, strlen (web_page));
    }
  else if (g_str_equal (path, "/slow"))
    {
      soup_server_message_pause (msg);  /* never answers */
    }
  else
    {
      soup_server_message_set_status (msg, 404, NULL);
    }
}

static SoupServer *
start_web_server (char **base)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, web_handler, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  *base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  /* No trailing slash: paths are appended. */
  if (g_str_has_suffix (*base, "/"))
    (*base)[strlen (*base) - 1] = '\0';
  return server;
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static char *
reader_text (AttestWindow *window)
{
  GtkTextBuffer *buffer = attest_reader_get_buffer (attest_window_get_reader (window));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
n_articles (AttestWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (attest_window_get_selection (window)));
}

static AttestArticle *
selected_article (AttestWindow *window)
{
  return gtk_single_selection_get_selected_item (attest_window_get_selection (window));
}

static gboolean
is_mapped_label_containing (GtkWidget     *widget,
                            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_mapped_inscription (GtkWidget     *widget,
                       gconstpointer  text)
{
  return GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0;
}

/* The article list shows a row with that title. */
static gboolean
list_shows_title (AttestWindow *window,
                  const char   *title)
{
  wait_for_frames (GTK_WIDGET (window));
  return find_widget (GTK_WIDGET (window), is_mapped_inscription, title) != NULL;
}

static void
import_url_through_dialog (Fixture    *fixture,
                           const char *url)
{
  AttestUrlDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-url", NULL));
  spin ();
  dialog = find_toplevel (ATTEST_TYPE_URL_DIALOG);
  g_assert_nonnull (dialog);

  /* Not a web address: Import stays off. */
  attest_url_dialog_set_url (dialog, "ftp://example.org/page");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  attest_url_dialog_set_url (dialog, url);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  click_button (GTK_WIDGET (dialog), "_Import");
  /* Fetching in a worker: the window is busy (the Stop button shows) until it is done. */
  g_assert_true (attest_window_get_busy (fixture->window));
  spin ();
  g_assert_null (find_toplevel (ATTEST_TYPE_URL_DIALOG));
}

static void
test_import_url (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *base = NULL;
  g_autoptr(SoupServer) server = start_web_server (&base);
  g_autofree char *url = g_strconcat (base, "/article", NULL);
  g_autofree char *text = NULL;
  g_autofree char *toast = NULL;
  GListModel *model = G_LIST_MODEL (attest_window_get_selection (fixture->window));
  AttestArticle *article;

  import_url_through_dialog (fixture, url);
  g_assert_true (wait_until (window_idle, fixture->window));

  /* In the list, selected, and open in the reader. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  article = selected_article (fixture->window);
  g_assert_nonnull (article);
  g_assert_cmpstr (attest_article_get_uuid (article), !=, fixture->article_uuid);
  g_assert_nonnull (strstr (attest_article_get_title (article), WEB_TITLE));
  g_assert_cmpstr (attest_article_get_origin (article), ==, url);
  g_assert_cmpstr (attest_article_get_url (article), ==, url);
  text = reader_text (fixture->window);
  g_assert_nonnull (strstr (text, WEB_SENTENCE));
  g_assert_null (strstr (text, "Copyright"));

  toast = g_strdup_printf ("Imported “%s”", attest_article_get_title (article));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_mapped_label, toast));
  g_assert_true (list_shows_title (fixture->window, attest_article_get_title (article)));

  /* The same page again is a duplicate: said so, nothing added, the first one selected. */
  gtk_single_selection_set_selected (attest_window_get_selection (fixture->window),
                                     GTK_INVALID_LIST_POSITION);
  import_url_through_dialog (fixture, url);
  g_assert_true (wait_until (window_idle, fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_mapped_label_containing,
                                 "Already in the project as “"));
  g_assert_nonnull (selected_article (fixture->window));
  g_assert_nonnull (strstr (attest_article_get_title (selected_article (fixture->window)),
                            WEB_TITLE));

  soup_server_disconnect (server);
}

static void
test_import_url_not_found (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *base = NULL;
  g_autoptr(SoupServer) server = start_web_server (&base);
  g_autofree char *url = g_strconcat (base, "/missing", NULL);
  GListModel *model = G_LIST_MODEL (attest_window_get_selection (fixture->window));

  import_url_through_dialog (fixture, url);
  g_assert_true (wait_until (window_idle, fixture->window));

  /* The core's words, and nothing added. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_mapped_label_containing,
                                 "404"));
  g_assert_null (find_widget (GTK_WIDGET (fixture->window), is_mapped_label_containing,
                              "Imported"));

  soup_server_disconnect (server);
}

static void
test_import_url_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *base = NULL;
  g_autoptr(SoupServer) server = start_web_server (&base);
  g_autofree char *url = g_strconcat (base, "/slow", NULL);
  GListModel *model = G_LIST_MODEL (attest_window_get_selection (fixture->window));
  const char *urls[] = { url, NULL };

  attest_window_import_urls (fixture->window, urls);
  g_assert_true (attest_window_get_busy (fixture->window));
  /* The Stop button is there while the page is fetched. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel-jobs",
                                             NULL));
  g_assert_true (wait_until (window_idle, fixture->window));

  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_mapped_label, "Import stopped"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  soup_server_disconnect (server);
}

/* The URL dialog starts with a web address from the clipboard; other text is left out. */
static void
test_import_url_from_clipboard (Fixture       *fixture,
                                gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->window));
  AttestUrlDialog *dialog;

  gdk_clipboard_set_text (clipboard, "  https://example.org/news/1  ");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-url", NULL);
  spin ();
  dialog = find_toplevel (ATTEST_TYPE_URL_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (attest_url_dialog_get_url (dialog), ==, "https://example.org/news/1");
  click_button (GTK_WIDGET (dialog), "_Cancel");
  spin ();

  gdk_clipboard_set_text (clipboard, "not an address");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-url", NULL);
  spin ();
  dialog = find_toplevel (ATTEST_TYPE_URL_DIALOG);
  g_assert_cmpstr (attest_url_dialog_get_url (dialog), ==, "");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  click_button (GTK_WIDGET (dialog), "_Cancel");
  spin ();
  g_assert_cmpuint (n_articles (fixture->window), ==, 1);
}

static gboolean
has_n_articles (gpointer data)
{
  Fixture *fixture = data;

  return n_articles (fixture->window) == 2 &&
         !attest_window_get_busy (fixture->window);
}

static void
test_paste_text (Fixture       *fixture,
                 gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->window));
  GListModel *model = G_LIST_MODEL (attest_window_get_selection (fixture->window));
  g_autofree char *text = NULL;
  AttestArticle *article;

  gdk_clipboard_set_text (clipboard,
                          "Aid convoy reaches Taiz\n\n"
                          "A convoy of twelve lorries reached the city on Sunday, an aid "
                          "worker said.\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.paste", NULL));
  g_assert_true (wait_until (has_n_articles, fixture));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  article = selected_article (fixture->window);
  g_assert_nonnull (article);
  g_assert_cmpstr (attest_article_get_origin (article), ==, "paste");
  g_assert_cmpstr (attest_article_get_title (article), ==, "Aid convoy reaches Taiz");
  text = reader_text (fixture->window);
  g_assert_nonnull (strstr (text, "A convoy of twelve lorries"));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_mapped_label,
                                 "Imported “Aid convoy reaches Taiz”"));
}

/* A web address on the clipboard is fetched, not imported as text. */
static void
test_paste_url (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *base = NULL;
  g_autoptr(SoupServer) server = start_web_server (&base);
  g_autofree char *url = g_strconcat (base, "/article", NULL);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), url);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.paste", NULL));
  g_assert_true (wait_until (has_n_articles, fixture));
  g_assert_cmpstr (attest_article_get_origin (selected_article (fixture->window)), ==, url);

  soup_server_disconnect (server);
}

static gboolean
toast_shown (gpointer data)
{
  Fixture *fixture = data;

  return find_widget (GTK_WIDGET (fixture->window), is_mapped_label,
                      "The clipboard holds no text to import") != NULL;
}

static void
test_paste_empty (Fixture       *fixture,
                  gconstpointer  data)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), "  \n ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.paste", NULL));
  g_assert_true (wait_until (toast_shown, fixture));
  g_assert_false (attest_window_get_busy (fixture->window));
  g_assert_cmpuint (n_articles (fixture->window), ==, 1);
}

static GtkDropTarget *
window_drop_target (AttestWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* A link dragged from a browser comes as a uri-list (a GdkFileList) or as plain text. */
static void
test_drop_links (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *base = NULL;
  g_autoptr(SoupServer) server = start_web_server (&base);
  g_autofree char *url = g_strconcat (base, "/article", NULL);
  g_autoptr(GFile) link = g_file_new_for_uri (url);
  GtkDropTarget *target = window_drop_target (fixture->window);
  GFile *files[1] = { link };
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);

  /* Text that is not a link is not taken. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Some words dragged from somewhere");
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_false (accepted);
  g_assert_false (attest_window_get_busy (fixture->window));

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, 1));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_true (wait_until (has_n_articles, fixture));
  g_assert_cmpstr (attest_article_get_origin (selected_article (fixture->window)), ==, url);

  /* The same link as text: a duplicate now, said so, nothing added. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, url);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_true (wait_until (window_idle, fixture->window));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_mapped_label_containing,
                                 "Already in the project as “"));
  g_assert_true (has_n_articles (fixture));

  soup_server_disconnect (server);
}

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static void
set_row_text (GtkWidget  *details,
              const char *title,
              const char *text)
{
  GtkWidget *row = find_widget (details, is_entry_row_titled, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
save_enabled (GtkWidget *details)
{
  GtkWidget *button = find_widget (details, is_button_labelled, "_Save");

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

static void
test_article_details (Fixture       *fixture,
                      gconstpointer  data)
{
  AttestWindow *window = fixture->window;
  g_autoptr(AttestArticle) before = NULL;
  g_autoptr(AttestArticle) after = NULL;
  g_autofree char *old_title = NULL;
  g_autofree char *text = NULL;
  AttestArticleDetails *details;
  GtkWidget *published;
  const char *new_title = "Corona and ISIS in Diyala";

  /* Without an article selected there are no details to show. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.article-properties", NULL);
  spin ();
  g_assert_null (find_toplevel (ATTEST_TYPE_ARTICLE_DETAILS));
  gtk_single_selection_set_selected (attest_window_get_selection (window), 0);
  spin ();
  before = attest_store_get_article (fixture->store, fixture->article_uuid, NULL);
  old_title = g_strdup (attest_article_get_title (before));
  g_assert_true (list_shows_title (window, old_title));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.article-properties", NULL));
  spin ();
  details = find_toplevel (ATTEST_TYPE_ARTICLE_DETAILS);
  g_assert_nonnull (details);
  g_assert_false (save_enabled (GTK_WIDGET (details)));

  set_row_text (GTK_WIDGET (details), "Title", new_title);
  set_row_text (GTK_WIDGET (details), "Outlet", "Rudaw");
  g_assert_true (save_enabled (GTK_WIDGET (details)));

  /* A malformed date is marked and blocks saving; an empty title too. */
  set_row_text (GTK_WIDGET (details), "Published (YYYY-MM-DD)", "2015-02-30");
  published = find_widget (GTK_WIDGET (details), is_entry_row_titled, "Published (YYYY-MM-DD)");
  g_assert_true (gtk_widget_has_css_class (published, "error"));
  g_assert_false (save_enabled (GTK_WIDGET (details)));
  set_row_text (GTK_WIDGET (details), "Published (YYYY-MM-DD)", "2015-03-12");
  g_assert_false (gtk_widget_has_css_class (published, "error"));
  set_row_text (GTK_WIDGET (details), "Title", "   ");
  g_assert_false (save_enabled (GTK_WIDGET (details)));
  set_row_text (GTK_WIDGET (details), "Title", new_title);
  g_assert_true (save_enabled (GTK_WIDGET (details)));

  click_button (GTK_WIDGET (details), "_Save");
  spin ();
  g_assert_null (find_toplevel (ATTEST_TYPE_ARTICLE_DETAILS));

  /* Stored; the list row and the reader show the new title; the article stays open. */
  after = attest_store_get_article (fixture->store, fixture->article_uuid, NULL);
  g_assert_cmpstr (attest_article_get_title (after), ==, new_title);
  g_assert_cmpstr (attest_article_get_outlet (after), ==, "Rudaw");
  g_assert_cmpstr (attest_article_get_published (after), ==, "2015-03-12");
  g_assert_cmpstr (attest_article_get_byline (after), ==, attest_article_get_byline (before));
  g_assert_true (list_shows_title (window, new_title));
  g_assert_false (list_shows_title (window, old_title));
  g_assert_nonnull (selected_article (window));
  g_assert_cmpstr (attest_article_get_uuid (selected_article (window)), ==, fixture->article_uuid);
  text = reader_text (window);
  g_assert_true (g_str_has_prefix (text, new_title));
  g_assert_nonnull (strstr (text, "Rudaw · 2015-03-12"));
  g_clear_pointer (&text, g_free);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_mapped_label, "Article details changed"));

  /* Undo restores both. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  spin ();
  g_assert_true (list_shows_title (window, old_title));
  g_assert_false (list_shows_title (window, new_title));
  text = reader_text (window);
  g_assert_true (g_str_has_prefix (text, old_title));
  g_assert_null (strstr (text, "Rudaw"));
  g_assert_cmpstr (attest_article_get_uuid (selected_article (window)), ==, fixture->article_uuid);

  /* Redo brings the correction back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  spin ();
  g_assert_true (list_shows_title (window, new_title));
}

static void
test_article_details_cancel (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(AttestArticle) after = NULL;
  AttestArticleDetails *details;

  gtk_single_selection_set_selected (attest_window_get_selection (fixture->window), 0);
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.article-properties", NULL);
  spin ();
  details = find_toplevel (ATTEST_TYPE_ARTICLE_DETAILS);
  g_assert_nonnull (details);
  set_row_text (GTK_WIDGET (details), "Title", "Something else");
  click_button (GTK_WIDGET (details), "_Cancel");
  spin ();
  g_assert_null (find_toplevel (ATTEST_TYPE_ARTICLE_DETAILS));

  after = attest_store_get_article (fixture->store, fixture->article_uuid, NULL);
  g_assert_cmpstr (attest_article_get_title (after), !=, "Something else");
  g_assert_false (attest_store_can_undo (fixture->store));
}

static void
test_published_check (void)
{
  static const struct
  {
    const char *text;
    gboolean    valid;
  } cases[] = {
    { "", TRUE },
    { "2015-03-12", TRUE },
    { "2016-02-29", TRUE },
    { "2015-02-29", FALSE },
    { "2015-13-01", FALSE },
    { "2015-3-12", FALSE },
    { "12/03/2015", FALSE },
    { "2015-03-12T08:30:00Z", TRUE },
    { "2015-03-12T08:30:00+03:00", TRUE },
    { "2015", FALSE },
    { "yesterday", FALSE },
    { "0000-01-01", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (attest_article_details_check_published (cases[i].text), ==, cases[i].valid);
    }
}

static void
test_web_address_check (void)
{
  static const struct
  {
    const char *text;
    const char *address;
  } cases[] = {
    { "https://example.org/a?b=c&d=e", "https://example.org/a?b=c&d=e" },
    { "  http://127.0.0.1:8080/x \n", "http://127.0.0.1:8080/x" },
    { "HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG" },
    { "ftp://example.org/", NULL },
    { "file:///etc/passwd", NULL },
    { "example.org", NULL },
    { "https://", NULL },
    { "https://example.org/a https://example.org/b", NULL },
    { "Read this: https://example.org", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *address = attest_url_dialog_dup_address (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (address, ==, cases[i].address);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* libsoup would send requests to 127.0.0.1 through a proxy from the environment. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  /* Page transitions would leave both pages of a stack on screen for a while. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func, with_project) \
  g_test_add ("/attest/window/" path, Fixture, with_project, \
              fixture_set_up, func, fixture_tear_down)

  ADD ("welcome", test_welcome, NULL);
  ADD ("project-opens", test_project_opens, "project");
  ADD ("mark-quote-dialog", test_mark_quote_dialog, "project");
  ADD ("mark-quote-cancel", test_mark_quote_cancel, "project");
  ADD ("create-annotation-action", test_create_annotation_action, "project");
  ADD ("delete-annotation", test_delete_annotation, "project");
  ADD ("selection-clamped-to-body", test_selection_is_clamped_to_body, "project");
  ADD ("import", test_import, "project");
  ADD ("import-cancel", test_import_cancel, "project");
  ADD ("drop-files", test_drop_files, "project");
  ADD ("export-job", test_export_job, "project");
  ADD ("import-url", test_import_url, "project");
  ADD ("import-url-not-found", test_import_url_not_found, "project");
  ADD ("import-url-cancel", test_import_url_cancel, "project");
  ADD ("import-url-from-clipboard", test_import_url_from_clipboard, "project");
  ADD ("paste-text", test_paste_text, "project");
  ADD ("paste-url", test_paste_url, "project");
  ADD ("paste-empty", test_paste_empty, "project");
  ADD ("drop-links", test_drop_links, "project");
  ADD ("article-details", test_article_details, "project");
  ADD ("article-details-cancel", test_article_details_cancel, "project");
  g_test_add_func ("/attest/window/published-check", test_published_check);
  g_test_add_func ("/attest/window/web-address-check", test_web_address_check);

#undef ADD

  return g_test_run ();
}
