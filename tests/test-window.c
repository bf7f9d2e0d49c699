/* test-window.c: the main window, driven through its actions as a user would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "attest-annotation-panel.h"
#include "attest-core.h"
#include "attest-jobs.h"
#include "attest-quote-dialog.h"
#include "attest-reader.h"
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

int
main (int   argc,
      char *argv[])
{
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

#undef ADD

  return g_test_run ();
}
