/* test-window.c: the main window, driven through its actions and keys as a user would.
 *
 * Keys are "pressed" through the window's own shortcut tables (press_key ()): the shortcut
 * a key would trigger on its way from the focus widget is found and activated, so these tests
 * check the keys a user has, not only the actions behind them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "attest-annotation-panel.h"
#include "attest-article-details.h"
#include "attest-articles-page.h"
#include "attest-codebook-view.h"
#include "attest-core.h"
#include "attest-find-bar.h"
#include "attest-incidents-view.h"
#include "attest-inspector.h"
#include "attest-article-incidents.h"
#include "attest-link-incident-popover.h"
#include "attest-suggestions.h"
#include "attest-jobs.h"
#include "attest-quote-dialog.h"
#include "attest-reader.h"
#include "attest-search-popover.h"
#include "attest-sources-view.h"
#include "attest-speaker-popover.h"
#include "attest-url-dialog.h"
#include "attest-window.h"
#include "gui-test-util.h"

#define QUOTE "The Corona virus is an important factor."
#define SPEAKER "Tahsin al-Khafaji"

typedef ProjectFixture Fixture;

static gboolean
is_visible_speaker_popover (GtkWidget     *widget,
                            gconstpointer  unused)
{
  return ATTEST_IS_SPEAKER_POPOVER (widget) && gtk_widget_get_visible (widget);
}

static gboolean
is_type_search_entry (GtkWidget     *widget,
                      gconstpointer  unused)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

/* The text part of an editable widget, which has the keyboard focus. */
static GtkWidget *
gtk_text_get_first_child_text (GtkWidget *editable)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (editable));

  return delegate != NULL ? GTK_WIDGET (delegate) : editable;
}

static gboolean
menu_has_label (GMenuModel *menu,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_strcmp0 (item_label, label) == 0)
        return TRUE;
      if (section != NULL && menu_has_label (section, label))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static gboolean
is_list_view (GtkWidget     *widget,
              gconstpointer  unused)
{
  return GTK_IS_LIST_VIEW (widget);
}

static gboolean
is_status_page_mapped (GtkWindow  *window,
                       const char *title)
{
  GtkWidget *page = find_widget (GTK_WIDGET (window), is_status_page_titled, title);

  return page != NULL && gtk_widget_get_mapped (page);
}

static gboolean
is_inscription (GtkWidget     *widget,
                gconstpointer  unused)
{
  return GTK_IS_INSCRIPTION (widget);
}

/* A row of the side panel: its first line of text (the words), or its second (who). */
static const char *
panel_row_text (GtkWidget *row,
                gboolean   second)
{
  GtkWidget *title = find_widget (row, is_inscription, NULL);
  GtkWidget *texts = gtk_widget_get_parent (title);

  return gtk_inscription_get_text (GTK_INSCRIPTION (second ? gtk_widget_get_last_child (texts)
                                                           : title));
}

/* The rows the side panel shows (a list view: each row is inside a list item of its own). */
static GPtrArray *
panel_rows (AttestWindow *window)
{
  GtkWidget *panel = GTK_WIDGET (attest_window_get_panel (window));
  GtkWidget *list_view = find_widget (panel, is_list_view, NULL);
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (list_view);
  if (!gtk_widget_get_mapped (list_view))
    return rows;
  for (GtkWidget *item = gtk_widget_get_first_child (list_view);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (row != NULL && gtk_widget_has_css_class (row, "annotation-row")
          && gtk_widget_get_visible (item))
        g_ptr_array_add (rows, row);
    }
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

  project_fixture_create (fixture, "attest-window-XXXXXX",
                          with_project != NULL ? "test.attest" : NULL);
  if (with_project != NULL)
    {
      g_autoptr(GFile) seed = seed_file ();

      fixture->article_uuid = attest_store_import_file (fixture->store, seed, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (fixture->article_uuid);
    }

  /* Settings live in memory for the whole run: each test starts from the defaults. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.attest.Attest");
    const char *keys[] = {
      "visible-page", "coder-name", "default-annotation-kind", "highlight-direct",
      "highlight-indirect", "highlight-claim", "highlight-note",
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      g_settings_reset (settings, keys[i]);
  }

  project_fixture_present (fixture);
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
  title = panel_row_text (g_ptr_array_index (rows, 0), FALSE);
  g_assert_nonnull (strstr (title, QUOTE));
  g_assert_nonnull (strstr (panel_row_text (g_ptr_array_index (rows, 0), TRUE), SPEAKER));
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

static gboolean
is_actionable_for (GtkWidget     *widget,
                   gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* At widths where the view switcher only just fits (the window's own default, 1200, and
 * 1280 here, in GNOME's font), the header must settle: hiding the Mark button once the
 * switcher moved to the title freed the room for it to move back, which showed the buttons
 * again, and so on: the switcher flickered in and out, and in most frames it was not there
 * at all. At 1100 px the bar below the window, revealed and hidden in every frame, was
 * allocated a negative height (a GTK warning). */
static void
test_header_settles (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *mark = find_widget (GTK_WIDGET (fixture->window), is_actionable_for,
                                 "win.mark-quote");
  GtkWidget *title = find_widget (GTK_WIDGET (fixture->window), is_type,
                                  GSIZE_TO_POINTER (ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_autofree char *font = NULL;
  guint widths[] = { 1200, 1280, 1160, 1100, 1366, 900, 1280 };
  guint start, end;

  g_assert_nonnull (mark);
  g_assert_nonnull (title);
  /* The font screenshots.sh and GNOME use: the default one left the switcher room enough. */
  g_object_get (settings, "gtk-font-name", &font, NULL);
  g_object_set (settings, "gtk-font-name", "Cantarell 11", NULL);
  open_article_and_select_quote (fixture, &start, &end);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      guint changes = 0;
      guint title_changes = 0;
      gulong id, title_id;

      gtk_window_set_default_size (GTK_WINDOW (fixture->window), widths[i], 800);
      wait_for_frames (GTK_WIDGET (fixture->window));
      wait_ms (500);

      id = g_signal_connect (mark, "notify::visible", G_CALLBACK (count_notify), &changes);
      title_id = g_signal_connect (title, "notify::title-visible", G_CALLBACK (count_notify),
                                   &title_changes);
      wait_ms (500);
      g_signal_handler_disconnect (mark, id);
      g_signal_handler_disconnect (title, title_id);
      g_test_message ("%u px: the Mark button changed %u times in 0.5 s, the switcher %u times;"
                      " Mark %s, switcher %s",
                      widths[i], changes, title_changes,
                      gtk_widget_get_visible (mark) ? "shown" : "hidden",
                      adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (title))
                        ? "below" : "in the header");
      g_assert_cmpuint (changes, ==, 0);
      g_assert_cmpuint (title_changes, ==, 0);
    }

  /* From the default size on, the switcher is in the header, beside the Mark button. */
  g_assert_true (gtk_widget_get_visible (mark));
  g_assert_false (adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (title)));

  g_object_set (settings, "gtk-font-name", font, NULL);
}

static AttestIncident *
add_incident_citing_article (Fixture    *fixture,
                             const char *title,
                             gint64      killed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;
  AttestIncidentFields fields;
  AttestIncident *incident;

  attest_incident_fields_init (&fields);
  fields.title = title;
  fields.date_start = "2020-05-02";
  fields.date_precision = "day";
  fields.fatalities_best = killed;
  incident = attest_store_save_incident (fixture->store, NULL, &fields, &error);
  g_assert_no_error (error);
  link = attest_store_link_evidence (fixture->store, attest_incident_get_uuid (incident), NULL,
                                     fixture->article_uuid, NULL, "reports", ATTEST_UNKNOWN,
                                     ATTEST_UNKNOWN, &error);
  g_assert_no_error (error);
  return incident;
}

static gboolean
is_action_row_titled (GtkWidget     *widget,
                      gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The incidents an article reports, beside it: a figure when there is one, and no "? killed"
 * when there is none; the incident's Evidence tab says how much it has in words, not with a
 * badge over its icon. */
static void
test_article_incidents_figures (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(AttestIncident) lockdown = add_incident_citing_article (fixture, "Lockdown imposed",
                                                                    ATTEST_UNKNOWN);
  g_autoptr(AttestIncident) ambush = add_incident_citing_article (fixture, "Checkpoint ambush", 7);
  GtkWidget *row;
  guint start, end;

  open_article_and_select_quote (fixture, &start, &end);
  wait_for_frames (GTK_WIDGET (fixture->window));

  row = find_widget (GTK_WIDGET (fixture->window), is_action_row_titled, "Lockdown imposed");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "2 May 2020");
  row = find_widget (GTK_WIDGET (fixture->window), is_action_row_titled, "Checkpoint ambush");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "2 May 2020 · 7 killed");

  g_signal_emit_by_name (row, "activated");
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_mapped_label, "Evidence (1)"));
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

/* Keys, as the window's shortcut tables take them */

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers);
  /* GTK keeps Shift+Tab as Tab with Shift, as GDK reports it. */
  if (keyval == GDK_KEY_ISO_Left_Tab)
    keyval = GDK_KEY_Tab;
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) ==
           gdk_keyval_to_lower (keyval) &&
           gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
  return FALSE;
}

static gboolean
run_shortcuts (GtkWidget          *widget,
               GtkPropagationPhase phase,
               guint               keyval,
               GdkModifierType     modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                            GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/* A key pressed with the focus on widget: the capture phase from the window down, then the
 * bubble phase back up, as GTK runs shortcut controllers. TRUE when a shortcut took it. */
static gboolean
press_key (GtkWidget       *focus,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  gboolean handled = FALSE;

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, 0, w);
  for (guint i = 0; i < path->len && !handled; i++)
    handled = run_shortcuts (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, keyval, modifiers);
  for (guint i = path->len; i > 0 && !handled; i--)
    handled = run_shortcuts (g_ptr_array_index (path, i - 1), GTK_PHASE_BUBBLE, keyval, modifiers);
  spin ();
  return handled;
}

static GtkWidget *
reader_text_view (Fixture *fixture)
{
  return GTK_WIDGET (attest_reader_get_text_view (attest_window_get_reader (fixture->window)));
}

static AttestArticlesPage *
articles_page (Fixture *fixture)
{
  return attest_window_get_articles_page (fixture->window);
}

/* The one open: the inspector has a speaker popover of its own. */
static AttestSpeakerPopover *
open_speaker_popover (Fixture *fixture)
{
  GtkWidget *popover = find_widget (GTK_WIDGET (articles_page (fixture)),
                                    is_visible_speaker_popover, NULL);

  return popover != NULL ? ATTEST_SPEAKER_POPOVER (popover) : NULL;
}

/* Types into the popover's search field one key at a time; returns the keys typed. */
static guint
type_text (GtkWidget  *entry,
           const char *text)
{
  guint keys = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (entry), p, g_utf8_next_char (p) - p, &position);
      keys++;
      spin ();
    }
  return keys;
}

static AttestSource *
add_source (Fixture    *fixture,
            const char *name,
            const char *kind)
{
  g_autoptr(GError) error = NULL;
  AttestSource *source = attest_store_create_source (fixture->store, name, kind, &error);

  g_assert_no_error (error);
  return source;
}

/* The span of words in the open article's body, in code points. */
static void
find_span (Fixture    *fixture,
           const char *words,
           guint      *start,
           guint      *end)
{
  AttestArticle *article = attest_reader_get_article (attest_window_get_reader (fixture->window));
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (article);
  g_assert_true (attest_find_unique_span (attest_article_get_body (article), words, start, end,
                                          &error));
  g_assert_no_error (error);
}

static void
select_in_reader (Fixture *fixture,
                  guint    start,
                  guint    end)
{
  AttestReader *reader = attest_window_get_reader (fixture->window);
  GtkTextBuffer *buffer = attest_reader_get_buffer (reader);
  guint offset = attest_reader_get_body_offset (reader);
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, offset + start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, offset + end);
  gtk_text_buffer_select_range (buffer, &a, &b);
  gtk_widget_grab_focus (reader_text_view (fixture));
  spin ();
}

static AttestAnnotation *
only_annotation (Fixture *fixture)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;

  annotations = attest_store_list_annotations (fixture->store, fixture->article_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 1);
  return g_object_ref (g_ptr_array_index (annotations, 0));
}

static AttestAnnotation *
mark_words (Fixture              *fixture,
            const char           *words,
            AttestAnnotationKind  kind,
            const char           *speaker)
{
  g_autoptr(GError) error = NULL;
  AttestAnnotation *annotation;
  guint start, end;

  find_span (fixture, words, &start, &end);
  annotation = attest_store_annotate_span (fixture->store, fixture->article_uuid, kind, start, end,
                                           speaker, "official", NULL, NULL, &error);
  g_assert_no_error (error);
  spin ();
  return annotation;
}

static void
reread (Fixture           *fixture,
        AttestAnnotation **annotation)
{
  AttestAnnotation *fresh = attest_store_get_annotation (fixture->store,
                                                         attest_annotation_get_uuid (*annotation),
                                                         NULL);

  g_assert_nonnull (fresh);
  g_object_unref (*annotation);
  *annotation = fresh;
}

static void
open_first_article (Fixture *fixture)
{
  gtk_single_selection_set_selected (attest_window_get_selection (fixture->window), 0);
  spin ();
  g_assert_nonnull (attest_reader_get_article (attest_window_get_reader (fixture->window)));
  wait_for_frames (GTK_WIDGET (fixture->window));
}

static gboolean
is_mapped_toast (GtkWidget     *widget,
                 gconstpointer  unused)
{
  return g_str_equal (gtk_widget_get_css_name (widget), "toast") && gtk_widget_get_mapped (widget);
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  unused)
{
  return GTK_IS_LABEL (widget);
}

/* The title of the toast on screen. */
static const char *
toast_text (Fixture *fixture)
{
  GtkWidget *toast = find_widget (GTK_WIDGET (fixture->window), is_mapped_toast, NULL);
  GtkWidget *label = toast != NULL ? find_widget (toast, is_label, NULL) : NULL;

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The reader's keys: mark and name the speaker */

/* q, four letters of the speaker's name, Enter. */
#define KEYS_TO_MARK_A_QUOTE 6

static void
test_keyboard_quote (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AttestSource) khafaji = add_source (fixture, SPEAKER, "official");
  g_autoptr(AttestAnnotation) annotation = NULL;
  AttestReader *reader = attest_window_get_reader (fixture->window);
  AttestSpeakerPopover *popover;
  GtkWidget *entry;
  guint start, end, keys = 0;

  open_first_article (fixture);
  find_span (fixture, QUOTE, &start, &end);
  select_in_reader (fixture, start, end);

  /* Without a selection the key does nothing and goes on. */
  g_assert_null (open_speaker_popover (fixture));

  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_q, 0));
  keys++;
  /* Marked at once, without a speaker yet; the popover asks for one at the quote. */
  annotation = only_annotation (fixture);
  g_assert_cmpint (attest_annotation_get_kind (annotation), ==, ATTEST_ANNOTATION_DIRECT);
  g_assert_null (attest_annotation_get_speaker_uuid (annotation));
  g_clear_object (&annotation);
  popover = open_speaker_popover (fixture);
  g_assert_nonnull (popover);
  g_assert_cmpstr (attest_speaker_popover_get_heading (popover), ==, "Who said it?");
  entry = find_widget (GTK_WIDGET (popover), is_type_search_entry, NULL);
  g_assert_true (gtk_widget_has_focus (gtk_text_get_first_child_text (entry)));

  keys += type_text (entry, "khaf");
  g_signal_emit_by_name (entry, "activate");
  keys++;
  spin ();
  g_assert_cmpuint (keys, <=, KEYS_TO_MARK_A_QUOTE);
  g_assert_null (open_speaker_popover (fixture));

  /* A direct quote by the source that was there, highlighted exactly over its words. */
  annotation = only_annotation (fixture);
  g_assert_cmpint (attest_annotation_get_kind (annotation), ==, ATTEST_ANNOTATION_DIRECT);
  g_assert_cmpstr (attest_annotation_get_speaker_uuid (annotation), ==,
                   attest_source_get_uuid (khafaji));
  g_assert_cmpstr (attest_annotation_get_exact (annotation), ==, QUOTE);
  g_assert_true (buffer_has_tag_exactly (reader, ATTEST_ANNOTATION_DIRECT, start, end));
  {
    g_autoptr(GPtrArray) sources = attest_store_list_sources (fixture->store, NULL);

    g_assert_cmpuint (sources->len, ==, 1);
  }
  /* Selected and shown in the inspector; the focus is back in the text for the next key. */
  g_assert_cmpstr (attest_annotation_get_uuid (attest_inspector_get_annotation (
                     attest_articles_page_get_inspector (articles_page (fixture)))), ==,
                   attest_annotation_get_uuid (annotation));
  g_assert_true (gtk_widget_has_focus (reader_text_view (fixture)));

  /* The mark and its speaker are one step: one undo takes both, and says so. */
  g_assert_cmpstr (attest_store_get_undo_label (fixture->store), ==, "Mark quote");
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_z, GDK_CONTROL_MASK));
  assert_no_annotations (fixture);
  g_assert_cmpstr (toast_text (fixture), ==, "Undid “Mark quote”");
  /* What is left to undo is what the test did before. */
  g_assert_cmpstr (attest_store_get_undo_label (fixture->store), ==, "Add source");
}

static void
test_keyboard_new_speaker (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AttestSource) khafaji = add_source (fixture, SPEAKER, "official");
  g_autoptr(AttestAnnotation) annotation = NULL;
  g_autoptr(AttestSource) created = NULL;
  AttestSpeakerPopover *popover;
  GtkWidget *entry;
  guint start, end;

  open_first_article (fixture);
  find_span (fixture, "the most sophisticated of the organization in years", &start, &end);
  select_in_reader (fixture, start, end);

  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_i, 0));
  popover = open_speaker_popover (fixture);
  g_assert_nonnull (popover);
  entry = find_widget (GTK_WIDGET (popover), is_type_search_entry, NULL);
  type_text (entry, "Washington Post");
  /* No source has the name: Enter makes one. */
  g_signal_emit_by_name (entry, "activate");
  spin ();

  created = attest_store_find_source (fixture->store, "Washington Post", NULL);
  g_assert_nonnull (created);
  annotation = only_annotation (fixture);
  g_assert_cmpint (attest_annotation_get_kind (annotation), ==, ATTEST_ANNOTATION_INDIRECT);
  g_assert_cmpstr (attest_annotation_get_speaker_uuid (annotation), ==,
                   attest_source_get_uuid (created));

  /* One undo takes the quote and the new source. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  spin ();
  assert_no_annotations (fixture);
  g_clear_object (&created);
  created = attest_store_find_source (fixture->store, "Washington Post", NULL);
  g_assert_null (created);

  /* Escape in the popover leaves the quote without a speaker. */
  select_in_reader (fixture, start, end);
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_q, 0));
  popover = open_speaker_popover (fixture);
  g_assert_nonnull (popover);
  gtk_popover_popdown (GTK_POPOVER (popover));
  spin ();
  g_clear_object (&annotation);
  annotation = only_annotation (fixture);
  g_assert_null (attest_annotation_get_speaker_uuid (annotation));

  /* s sets it later, on the selected annotation. */
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_s, 0));
  popover = open_speaker_popover (fixture);
  g_assert_nonnull (popover);
  entry = find_widget (GTK_WIDGET (popover), is_type_search_entry, NULL);
  type_text (entry, "tahs");
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_clear_object (&annotation);
  annotation = only_annotation (fixture);
  g_assert_cmpstr (attest_annotation_get_speaker_uuid (annotation), ==,
                   attest_source_get_uuid (khafaji));
}

static void
test_keyboard_span (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AttestAnnotation) annotation = NULL;
  GtkWidget *text_view;
  guint start, end;

  open_first_article (fixture);
  text_view = reader_text_view (fixture);
  find_span (fixture, "The Corona virus is an important", &start, &end);
  select_in_reader (fixture, start, end);

  /* A claim has no popover: the key marks it and that is all. */
  g_assert_true (press_key (text_view, GDK_KEY_c, 0));
  g_assert_null (open_speaker_popover (fixture));
  annotation = only_annotation (fixture);
  g_assert_cmpint (attest_annotation_get_kind (annotation), ==, ATTEST_ANNOTATION_CLAIM);

  /* The end goes a word further, and back; the start a word earlier, and back. */
  g_assert_true (press_key (text_view, GDK_KEY_Right, GDK_SHIFT_MASK | GDK_ALT_MASK));
  g_clear_object (&annotation);
  annotation = only_annotation (fixture);
  g_assert_cmpstr (attest_annotation_get_exact (annotation), ==,
                   "The Corona virus is an important factor");
  /* The reader follows: the new span is selected, and highlighted. */
  {
    guint s, e;

    g_assert_true (attest_reader_get_selection (attest_window_get_reader (fixture->window), &s, &e));
    g_assert_cmpuint (e, ==, attest_annotation_get_end (annotation));
    g_assert_true (buffer_has_tag_exactly (attest_window_get_reader (fixture->window),
                                           ATTEST_ANNOTATION_CLAIM, s, e));
  }
  g_assert_true (press_key (text_view, GDK_KEY_Left, GDK_SHIFT_MASK | GDK_ALT_MASK));
  g_clear_object (&annotation);
  annotation = only_annotation (fixture);
  g_assert_cmpstr (attest_annotation_get_exact (annotation), ==, "The Corona virus is an important");
  g_assert_true (press_key (text_view, GDK_KEY_Down, GDK_SHIFT_MASK | GDK_ALT_MASK));
  g_clear_object (&annotation);
  annotation = only_annotation (fixture);
  g_assert_cmpstr (attest_annotation_get_exact (annotation), ==, "Corona virus is an important");
  g_assert_true (press_key (text_view, GDK_KEY_Up, GDK_SHIFT_MASK | GDK_ALT_MASK));
  g_clear_object (&annotation);
  annotation = only_annotation (fixture);
  g_assert_cmpstr (attest_annotation_get_exact (annotation), ==, "The Corona virus is an important");

  /* The menu says what an undo would do; the toast what it did. */
  g_assert_cmpstr (attest_store_get_undo_label (fixture->store), ==, "Change span");
  {
    GtkWidget *menu_button = find_widget (GTK_WIDGET (fixture->window), is_primary_menu_button, NULL);
    GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));

    g_assert_true (menu_has_label (menu, "_Undo Change span"));
  }
  g_assert_true (press_key (text_view, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpstr (toast_text (fixture), ==, "Undid “Change span”");
  g_clear_object (&annotation);
  annotation = only_annotation (fixture);
  g_assert_cmpstr (attest_annotation_get_exact (annotation), ==, "Corona virus is an important");
  g_assert_true (press_key (text_view, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpstr (toast_text (fixture), ==, "Redid “Change span”");

  /* Delete takes the selected annotation away. */
  g_assert_true (press_key (text_view, GDK_KEY_Delete, 0));
  assert_no_annotations (fixture);
  /* With none selected, there is nothing for it to delete. */
  g_assert_null (attest_articles_page_get_selected_annotation (articles_page (fixture)));
  press_key (text_view, GDK_KEY_Delete, 0);
  assert_no_annotations (fixture);
}

static void
test_keyboard_next (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AttestAnnotation) first = NULL;
  g_autoptr(AttestAnnotation) second = NULL;
  g_autoptr(AttestAnnotation) third = NULL;
  AttestArticlesPage *page;
  GtkWidget *text_view;

  open_first_article (fixture);
  page = articles_page (fixture);
  text_view = reader_text_view (fixture);
  third = mark_words (fixture, "We are tense,", ATTEST_ANNOTATION_DIRECT, "Baquba resident");
  first = mark_words (fixture, QUOTE, ATTEST_ANNOTATION_DIRECT, SPEAKER);
  second = mark_words (fixture, "the most sophisticated of the organization in years",
                       ATTEST_ANNOTATION_CLAIM, NULL);
  gtk_widget_grab_focus (text_view);

  /* Tab goes through them in the order of the text, then lets the focus move on. */
  g_assert_true (press_key (text_view, GDK_KEY_Tab, 0));
  g_assert_cmpstr (attest_annotation_get_uuid (attest_articles_page_get_selected_annotation (page)), ==,
                   attest_annotation_get_uuid (first));
  g_assert_true (press_key (text_view, GDK_KEY_Tab, 0));
  g_assert_cmpstr (attest_annotation_get_uuid (attest_articles_page_get_selected_annotation (page)), ==,
                   attest_annotation_get_uuid (second));
  g_assert_true (press_key (text_view, GDK_KEY_Tab, 0));
  g_assert_cmpstr (attest_annotation_get_uuid (attest_articles_page_get_selected_annotation (page)), ==,
                   attest_annotation_get_uuid (third));
  /* After the last one, Tab is the window's again: the focus moves on. */
  press_key (text_view, GDK_KEY_Tab, 0);
  g_assert_cmpstr (attest_annotation_get_uuid (attest_articles_page_get_selected_annotation (page)), ==,
                   attest_annotation_get_uuid (third));
  g_assert_false (gtk_widget_has_focus (text_view));
  gtk_widget_grab_focus (text_view);
  g_assert_true (press_key (text_view, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_cmpstr (attest_annotation_get_uuid (attest_articles_page_get_selected_annotation (page)), ==,
                   attest_annotation_get_uuid (second));
  /* The list beside the text follows. */
  g_assert_cmpstr (attest_annotation_panel_get_selected (attest_window_get_panel (fixture->window)),
                   ==, attest_annotation_get_uuid (second));

  /* Escape lets go of it. */
  g_assert_true (press_key (text_view, GDK_KEY_Escape, 0));
  g_assert_null (attest_articles_page_get_selected_annotation (page));
  g_assert_null (attest_inspector_get_annotation (attest_articles_page_get_inspector (page)));
}

/* Clicks on overlapping highlights */

static void
click_at_offset (Fixture *fixture,
                 guint    offset)
{
  AttestReader *reader = attest_window_get_reader (fixture->window);
  GtkTextView *text_view = attest_reader_get_text_view (reader);
  GtkTextBuffer *buffer = attest_reader_get_buffer (reader);
  GdkRectangle location;
  GtkTextIter iter;
  int x, y;

  /* Where the character is on screen, as a pointer would find it. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, attest_reader_get_body_offset (reader) + offset);
  gtk_text_view_scroll_to_iter (text_view, &iter, 0.0, TRUE, 0.0, 0.5);
  wait_for_frames (GTK_WIDGET (fixture->window));
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + location.width / 2,
                                         location.y + location.height / 2, &x, &y);
  /* A click leaves no selection behind. */
  gtk_text_buffer_place_cursor (buffer, &iter);
  attest_reader_click_at (reader, x, y);
  spin ();
}

static const char *
inspected (Fixture *fixture)
{
  AttestAnnotation *annotation =
    attest_inspector_get_annotation (attest_articles_page_get_inspector (articles_page (fixture)));

  return annotation != NULL ? attest_annotation_get_uuid (annotation) : NULL;
}

static void
test_overlap_click (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AttestAnnotation) outer = NULL;
  g_autoptr(AttestAnnotation) inner = NULL;
  AttestReader *reader;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GdkRGBA *both = NULL, *only_outer = NULL;
  guint start, end;

  open_first_article (fixture);
  reader = attest_window_get_reader (fixture->window);
  buffer = attest_reader_get_buffer (reader);
  outer = mark_words (fixture, QUOTE " Given that some of the soldiers", ATTEST_ANNOTATION_DIRECT,
                      SPEAKER);
  inner = mark_words (fixture, "an important factor", ATTEST_ANNOTATION_CLAIM, NULL);
  find_span (fixture, "an important factor", &start, &end);

  /* Both stay visible: where they overlap the colours add up. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, attest_reader_get_body_offset (reader) + start + 1);
  g_assert_true (gtk_text_iter_has_tag (&iter, attest_reader_get_kind_tag (reader, ATTEST_ANNOTATION_DIRECT)));
  g_assert_true (gtk_text_iter_has_tag (&iter, attest_reader_get_kind_tag (reader, ATTEST_ANNOTATION_CLAIM)));
  {
    g_autoptr(GSList) tags = gtk_text_iter_get_tags (&iter);
    GtkTextIter before = iter;

    for (GSList *l = tags; l != NULL; l = l->next)
      {
        gboolean set = FALSE;

        g_object_get (l->data, "background-set", &set, NULL);
        if (set)
          g_object_get (l->data, "background-rgba", &both, NULL);
      }
    gtk_text_iter_set_offset (&before, attest_reader_get_body_offset (reader) + start - 3);
    g_slist_free (tags);
    tags = gtk_text_iter_get_tags (&before);
    for (GSList *l = tags; l != NULL; l = l->next)
      {
        gboolean set = FALSE;

        g_object_get (l->data, "background-set", &set, NULL);
        if (set)
          g_object_get (l->data, "background-rgba", &only_outer, NULL);
      }
  }
  g_assert_nonnull (both);
  g_assert_nonnull (only_outer);
  g_assert_cmpfloat (both->alpha, >, only_outer->alpha);
  gdk_rgba_free (both);
  gdk_rgba_free (only_outer);

  /* The first click picks the innermost; the next ones cycle through the others there. */
  click_at_offset (fixture, start + 3);
  g_assert_cmpstr (inspected (fixture), ==, attest_annotation_get_uuid (inner));
  {
    guint s, e;

    g_assert_true (attest_reader_get_selection (reader, &s, &e));
    g_assert_cmpuint (s, ==, start);
    g_assert_cmpuint (e, ==, end);
  }
  click_at_offset (fixture, start + 3);
  g_assert_cmpstr (inspected (fixture), ==, attest_annotation_get_uuid (outer));
  click_at_offset (fixture, start + 3);
  g_assert_cmpstr (inspected (fixture), ==, attest_annotation_get_uuid (inner));

  /* Where only the outer one is, a click picks it; outside both, nothing. */
  click_at_offset (fixture, attest_annotation_get_start (outer) + 2);
  g_assert_cmpstr (inspected (fixture), ==, attest_annotation_get_uuid (outer));
  click_at_offset (fixture, attest_annotation_get_end (outer) + 20);
  g_assert_null (inspected (fixture));
}

/* The codebook's tag filter */

static void
test_tag_filter (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AttestAnnotation) tagged_child = NULL;
  g_autoptr(AttestAnnotation) untagged = NULL;
  g_autoptr(AttestAnnotation) tagged_parent = NULL;
  g_autoptr(AttestTag) violence = NULL;
  g_autoptr(AttestTag) ambush = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  AttestCodebookView *codebook;
  AttestReader *reader;
  GtkWidget *chip;
  GdkRGBA color, expected;

  open_first_article (fixture);
  reader = attest_window_get_reader (fixture->window);
  codebook = ATTEST_CODEBOOK_VIEW (attest_window_get_codebook_view (fixture->window));
  violence = attest_store_create_tag (fixture->store, "Violence", NULL, "#e01b24", NULL, &error);
  g_assert_no_error (error);
  ambush = attest_store_create_tag (fixture->store, "Ambush", attest_tag_get_uuid (violence),
                                    "#ff7800", NULL, &error);
  g_assert_no_error (error);
  tagged_child = mark_words (fixture, "they did not have night vision goggles",
                             ATTEST_ANNOTATION_INDIRECT, "The crowd");
  untagged = mark_words (fixture, QUOTE, ATTEST_ANNOTATION_DIRECT, SPEAKER);
  tagged_parent = mark_words (fixture, "We are tense,", ATTEST_ANNOTATION_DIRECT, "Baquba resident");
  g_assert_true (attest_store_set_annotation_tag (fixture->store,
                                                  attest_annotation_get_uuid (tagged_child),
                                                  attest_tag_get_uuid (ambush), TRUE, NULL));
  g_assert_true (attest_store_set_annotation_tag (fixture->store,
                                                  attest_annotation_get_uuid (tagged_parent),
                                                  attest_tag_get_uuid (violence), TRUE, NULL));
  spin ();
  /* As the store has them now, with their tags. */
  reread (fixture, &tagged_child);
  reread (fixture, &tagged_parent);

  /* "Show Annotations With This Tag", from the Codebook page. */
  g_assert_true (press_key (GTK_WIDGET (fixture->window), GDK_KEY_3, GDK_ALT_MASK));
  g_assert_cmpstr (attest_window_get_page (fixture->window), ==, "codebook");
  g_assert_true (attest_codebook_view_select_tag (codebook, attest_tag_get_uuid (violence)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (codebook), "codebook.show-annotations", NULL));
  spin ();
  g_assert_cmpstr (attest_window_get_page (fixture->window), ==, "articles");
  g_assert_cmpstr (attest_articles_page_get_filter_tag (articles_page (fixture)), ==,
                   attest_tag_get_uuid (violence));
  wait_for_frames (GTK_WIDGET (fixture->window));

  /* Only the annotations under the tag are listed and highlighted, in their tag's colour. */
  rows = panel_rows (fixture->window);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (attest_reader_get_annotation_color (reader, tagged_child, &color));
  gdk_rgba_parse (&expected, "#ff7800");
  g_assert_cmpfloat_with_epsilon (color.red, expected.red, 0.01);
  g_assert_cmpfloat_with_epsilon (color.green, expected.green, 0.01);
  g_assert_true (attest_reader_get_annotation_color (reader, tagged_parent, &color));
  gdk_rgba_parse (&expected, "#e01b24");
  g_assert_cmpfloat_with_epsilon (color.red, expected.red, 0.01);
  g_assert_false (attest_reader_get_annotation_color (reader, untagged, &color));
  g_assert_false (buffer_has_tag_exactly (reader, ATTEST_ANNOTATION_DIRECT,
                                          attest_annotation_get_start (untagged),
                                          attest_annotation_get_end (untagged)));
  g_assert_true (buffer_has_tag_exactly (reader, ATTEST_ANNOTATION_INDIRECT,
                                         attest_annotation_get_start (tagged_child),
                                         attest_annotation_get_end (tagged_child)));

  /* The chip says so, and its button clears the filter here and in the codebook. */
  chip = find_widget (GTK_WIDGET (fixture->window), is_mapped_label, "Filtered by “Violence”");
  g_assert_nonnull (chip);
  click_button (gtk_widget_get_parent (chip), NULL);
  spin ();
  g_assert_null (attest_articles_page_get_filter_tag (articles_page (fixture)));
  g_assert_null (attest_codebook_view_get_filter_tag (codebook));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = panel_rows (fixture->window);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_true (attest_reader_get_annotation_color (reader, untagged, &color));
  g_assert_null (find_widget (GTK_WIDGET (fixture->window), is_mapped_label, "Filtered by “Violence”"));
}

/* Finding words */

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);
  g_autofree char *folded_needle = g_utf8_casefold (needle, -1);
  guint n = 0;

  for (const char *p = strstr (folded, folded_needle); p != NULL;
       p = strstr (p + 1, folded_needle))
    n++;
  return n;
}

static void
test_find_in_article (Fixture       *fixture,
                      gconstpointer  data)
{
  AttestReader *reader;
  AttestFindBar *find_bar;
  g_autofree char *text = NULL;
  GtkWidget *entry;
  guint n;

  open_first_article (fixture);
  reader = attest_window_get_reader (fixture->window);
  find_bar = ATTEST_FIND_BAR (attest_reader_get_find_bar (reader));
  text = reader_text (fixture->window);
  n = count_occurrences (text, "corona");
  g_assert_cmpuint (n, >, 2);

  gtk_widget_grab_focus (reader_text_view (fixture));
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_f, GDK_CONTROL_MASK));
  g_assert_true (attest_find_bar_get_open (find_bar));
  entry = find_widget (GTK_WIDGET (find_bar), is_type_search_entry, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "corona");
  g_signal_emit_by_name (entry, "search-changed");
  spin ();

  /* Every match counted and highlighted; the first one selected. */
  g_assert_cmpuint (attest_find_bar_get_n_matches (find_bar), ==, n);
  g_assert_cmpuint (attest_find_bar_get_current (find_bar), ==, 0);
  {
    g_autofree char *label = g_strdup_printf ("1 of %u", n);

    g_assert_nonnull (find_widget (GTK_WIDGET (find_bar), is_mapped_label, label));
  }
  {
    GtkTextIter iter;
    guint tagged = 0;

    gtk_text_buffer_get_start_iter (attest_reader_get_buffer (reader), &iter);
    while (gtk_text_iter_forward_to_tag_toggle (&iter, attest_find_bar_get_match_tag (find_bar)))
      if (gtk_text_iter_starts_tag (&iter, attest_find_bar_get_match_tag (find_bar)))
        tagged++;
    g_assert_cmpuint (tagged, ==, n);
  }

  /* Enter and Ctrl+G go on, Shift+Enter goes back; the selection is the match. */
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_assert_cmpuint (attest_find_bar_get_current (find_bar), ==, 1);
  g_assert_true (press_key (gtk_text_get_first_child_text (entry), GDK_KEY_Return, GDK_SHIFT_MASK));
  g_assert_cmpuint (attest_find_bar_get_current (find_bar), ==, 0);
  gtk_widget_grab_focus (reader_text_view (fixture));
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_g, GDK_CONTROL_MASK));
  g_assert_cmpuint (attest_find_bar_get_current (find_bar), ==, 1);
  {
    GtkTextIter a, b;
    g_autofree char *selected = NULL;
    g_autofree char *folded = NULL;

    g_assert_true (gtk_text_buffer_get_selection_bounds (attest_reader_get_buffer (reader), &a, &b));
    selected = gtk_text_iter_get_text (&a, &b);
    folded = g_utf8_casefold (selected, -1);
    g_assert_cmpstr (folded, ==, "corona");
  }

  /* Nothing found is said, and Escape closes the bar and its highlights. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zebra crossing");
  g_signal_emit_by_name (entry, "search-changed");
  spin ();
  g_assert_cmpuint (attest_find_bar_get_n_matches (find_bar), ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (find_bar), is_mapped_label, "No matches"));
  g_signal_emit_by_name (entry, "stop-search");
  spin ();
  g_assert_false (attest_find_bar_get_open (find_bar));
}

/* Searching the whole project */

static gboolean
search_done (gpointer data)
{
  return !attest_search_popover_get_busy (ATTEST_SEARCH_POPOVER (data));
}

static void
test_global_search (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AttestAnnotation) tense = NULL;
  g_autoptr(AttestAnnotation) official = NULL;
  AttestSearchPopover *search;
  AttestReader *reader;
  g_autofree char *other = NULL;
  g_autoptr(GError) error = NULL;

  open_first_article (fixture);
  reader = attest_window_get_reader (fixture->window);
  tense = mark_words (fixture, "We are tense,", ATTEST_ANNOTATION_DIRECT, NULL);
  g_assert_true (attest_store_set_annotation_speaker_by_name (fixture->store,
                                                              attest_annotation_get_uuid (tense),
                                                              "Baquba resident", "resident", NULL));
  official = mark_words (fixture, QUOTE, ATTEST_ANNOTATION_DIRECT, SPEAKER);
  other = attest_store_import_text (fixture->store,
                                    "Floods in Basra\n\nThe river rose overnight and residents "
                                    "said they were tense but safe.", -1, NULL, &error);
  g_assert_no_error (error);
  gtk_single_selection_set_selected (attest_window_get_selection (fixture->window), 1);
  spin ();

  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_f,
                            GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  search = ATTEST_SEARCH_POPOVER (attest_window_get_search_popover (fixture->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (search)));

  /* "tense" is in both articles; a resident's quotes only in one, in a quote. */
  attest_search_popover_set_query (search, "tense");
  g_assert_true (wait_until (search_done, search));
  g_assert_cmpuint (attest_search_popover_get_n_results (search), >=, 2);
  g_assert_true (attest_search_popover_set_source_kind (search, "resident"));
  g_assert_true (wait_until (search_done, search));
  g_assert_cmpuint (attest_search_popover_get_n_results (search), >=, 1);
  {
    GtkWidget *where = find_widget (GTK_WIDGET (search), is_mapped_label, "In an annotation");
    GtkWidget *snippet;

    g_assert_nonnull (where);
    /* The words found are in bold. */
    snippet = gtk_widget_get_next_sibling (where);
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (snippet)), "<b>tense</b>"));
    g_signal_emit_by_name (gtk_widget_get_ancestor (where, GTK_TYPE_LIST_BOX_ROW), "activate");
  }
  spin ();

  /* The article opens at the hit: the quote is selected. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (search)));
  g_assert_cmpstr (attest_article_get_uuid (attest_reader_get_article (reader)), ==,
                   fixture->article_uuid);
  g_assert_cmpstr (inspected (fixture), ==, attest_annotation_get_uuid (tense));

  /* A hit in the text opens the article with the word found. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  spin ();
  attest_search_popover_set_source_kind (search, NULL);
  attest_search_popover_set_query (search, "Machishafa");
  g_assert_true (wait_until (search_done, search));
  g_assert_cmpuint (attest_search_popover_get_n_results (search), ==, 1);
  attest_search_popover_activate_result (search, 0);
  spin ();
  {
    guint s, e, expected_start, expected_end;

    find_span (fixture, "Machishafa", &expected_start, &expected_end);
    g_assert_true (attest_reader_get_selection (reader, &s, &e));
    g_assert_cmpuint (s, ==, expected_start);
    g_assert_cmpuint (e, ==, expected_end);
  }

  /* An outlet no article has finds nothing, and says so. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  spin ();
  attest_search_popover_set_outlet (search, "Le Monde");
  g_assert_true (wait_until (search_done, search));
  g_assert_cmpuint (attest_search_popover_get_n_results (search), ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (search), is_mapped_label, "No results"));
  gtk_popover_popdown (GTK_POPOVER (search));
  spin ();
}

static void
test_snippet_markup (void)
{
  static const struct
  {
    const char *snippet;
    const char *markup;
  } cases[] = {
    { "the [Corona] virus", "the <b>Corona</b> virus" },
    { "[a] & [b] <c>", "<b>a</b> &amp; <b>b</b> &lt;c&gt;" },
    { "no hits", "no hits" },
    { "an [open one", "an [open one" },
    { "stray ] bracket", "stray ] bracket" },
    { "…[الخفاجي] قال", "…<b>الخفاجي</b> قال" },
    { "", "" },
    { "ends.\n\nFor [her]  part", "ends. For <b>her</b> part" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = attest_search_snippet_to_markup (cases[i].snippet);

      g_test_message ("%s", cases[i].snippet);
      g_assert_cmpstr (markup, ==, cases[i].markup);
      g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
    }
}

/* Right-to-left text */

static void
test_arabic (Fixture       *fixture,
             gconstpointer  data)
{
  const char *quote = "إنَّ فيروس كورونا عاملٌ مهمٌّ في تصاعد الهجمات";
  g_autofree char *path = g_build_filename (g_getenv ("ATTEST_SOURCE_DIR"), "tests", "fixtures",
                                            "arabic-article.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AttestAnnotation) annotation = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(AttestArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  AttestReader *reader;
  GtkTextBuffer *buffer;
  GtkTextIter iter, match_start, match_end;
  const char *body;
  guint start, end, expected_start;

  uuid = attest_store_import_file (fixture->store, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (attest_articles_page_select_article (articles_page (fixture), uuid));
  spin ();
  wait_for_frames (GTK_WIDGET (fixture->window));
  reader = attest_window_get_reader (fixture->window);
  buffer = attest_reader_get_buffer (reader);

  /* The text view reads from the right. */
  g_assert_cmpint (gtk_widget_get_direction (reader_text_view (fixture)), ==, GTK_TEXT_DIR_RTL);

  /* The quote, found as a user would find it, and selected. */
  article = attest_store_get_article (fixture->store, uuid, NULL);
  body = attest_article_get_body (article);
  expected_start = g_utf8_pointer_to_offset (body, strstr (body, quote));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, attest_reader_get_body_offset (reader));
  g_assert_true (gtk_text_iter_forward_search (&iter, quote, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  gtk_widget_grab_focus (reader_text_view (fixture));
  spin ();
  g_assert_true (attest_reader_get_selection (reader, &start, &end));
  g_assert_cmpuint (start, ==, expected_start);
  /* Code points, marks included: not characters a reader counts, not bytes. */
  g_assert_cmpuint (end - start, ==, g_utf8_strlen (quote, -1));
  g_assert_cmpuint (end - start, >, 41);

  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_q, 0));
  g_assert_nonnull (open_speaker_popover (fixture));
  {
    GtkWidget *entry = find_widget (GTK_WIDGET (open_speaker_popover (fixture)),
                                    is_type_search_entry, NULL);

    type_text (entry, "تحسين الخفاجي");
    g_signal_emit_by_name (entry, "activate");
    spin ();
  }

  annotations = attest_store_list_annotations (fixture->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 1);
  annotation = g_object_ref (g_ptr_array_index (annotations, 0));
  g_assert_cmpuint (attest_annotation_get_start (annotation), ==, expected_start);
  g_assert_cmpuint (attest_annotation_get_end (annotation), ==,
                    expected_start + g_utf8_strlen (quote, -1));
  g_assert_cmpstr (attest_annotation_get_exact (annotation), ==, quote);
  g_assert_cmpstr (attest_annotation_get_speaker_name (annotation), ==, "تحسين الخفاجي");
  g_assert_true (buffer_has_tag_exactly (reader, ATTEST_ANNOTATION_DIRECT, start, end));

  /* A word more, by Arabic word boundaries. */
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_Up, GDK_SHIFT_MASK | GDK_ALT_MASK));
  g_clear_pointer (&annotations, g_ptr_array_unref);
  annotations = attest_store_list_annotations (fixture->store, uuid, NULL);
  g_assert_cmpstr (attest_annotation_get_exact (g_ptr_array_index (annotations, 0)), ==,
                   "الخفاجي: «إنَّ فيروس كورونا عاملٌ مهمٌّ في تصاعد الهجمات");

  /* The end moves the way the arrows point in a paragraph read from the right: Left takes
   * in the next word, which is on the left, and Right leaves it out again. */
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_Left,
                            GDK_SHIFT_MASK | GDK_ALT_MASK));
  g_clear_pointer (&annotations, g_ptr_array_unref);
  annotations = attest_store_list_annotations (fixture->store, uuid, NULL);
  g_assert_cmpstr (attest_annotation_get_exact (g_ptr_array_index (annotations, 0)), ==,
                   "الخفاجي: «إنَّ فيروس كورونا عاملٌ مهمٌّ في تصاعد الهجمات»، وأضاف");
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_Right,
                            GDK_SHIFT_MASK | GDK_ALT_MASK));
  g_clear_pointer (&annotations, g_ptr_array_unref);
  annotations = attest_store_list_annotations (fixture->store, uuid, NULL);
  g_assert_cmpstr (attest_annotation_get_exact (g_ptr_array_index (annotations, 0)), ==,
                   "الخفاجي: «إنَّ فيروس كورونا عاملٌ مهمٌّ في تصاعد الهجمات");
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_Right,
                            GDK_SHIFT_MASK | GDK_ALT_MASK));
  g_clear_pointer (&annotations, g_ptr_array_unref);
  annotations = attest_store_list_annotations (fixture->store, uuid, NULL);
  g_assert_cmpstr (attest_annotation_get_exact (g_ptr_array_index (annotations, 0)), ==,
                   "الخفاجي: «إنَّ فيروس كورونا عاملٌ مهمٌّ في تصاعد");
}

/* Pages */

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.attest.Attest");
  g_autofree char *saved = NULL;
  AttestWindow *second;

  g_assert_cmpstr (attest_window_get_page (fixture->window), ==, "articles");
  g_assert_true (press_key (GTK_WIDGET (fixture->window), GDK_KEY_2, GDK_ALT_MASK));
  g_assert_cmpstr (attest_window_get_page (fixture->window), ==, "sources");
  g_assert_true (gtk_widget_get_mapped (attest_window_get_sources_view (fixture->window)));
  saved = g_settings_get_string (settings, "visible-page");
  g_assert_cmpstr (saved, ==, "sources");

  /* The incidents and their timeline have keys too. */
  g_assert_true (press_key (GTK_WIDGET (fixture->window), GDK_KEY_5, GDK_ALT_MASK));
  g_assert_cmpstr (attest_window_get_page (fixture->window), ==, "timeline");
  g_assert_true (press_key (GTK_WIDGET (fixture->window), GDK_KEY_2, GDK_ALT_MASK));
  g_assert_cmpstr (attest_window_get_page (fixture->window), ==, "sources");

  /* The next window opens on it. */
  second = attest_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (second));
  spin ();
  g_assert_cmpstr (attest_window_get_page (second), ==, "sources");
  gtk_window_destroy (GTK_WINDOW (second));
  spin ();

  /* A page added later is shown with its key, and remembered like the others. */
  attest_window_add_page (fixture->window, adw_status_page_new (), "extra", "_Extra",
                          "find-location-symbolic");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "extra"));
  g_assert_cmpstr (attest_window_get_page (fixture->window), ==, "extra");
  g_assert_true (press_key (GTK_WIDGET (fixture->window), GDK_KEY_1, GDK_ALT_MASK));
  g_assert_cmpstr (attest_window_get_page (fixture->window), ==, "articles");
  g_assert_true (is_status_page_mapped (GTK_WINDOW (fixture->window), "No Article Selected"));
}

static void
test_merge_undo (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AttestSource) tahsin = add_source (fixture, SPEAKER, "official");
  g_autoptr(AttestSource) short_name = add_source (fixture, "Al-Khafaji", "official");
  g_autoptr(GPtrArray) sources = NULL;
  AttestSourcesView *view = ATTEST_SOURCES_VIEW (attest_window_get_sources_view (fixture->window));
  AttestSpeakerPopover *chooser;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_true (press_key (GTK_WIDGET (fixture->window), GDK_KEY_2, GDK_ALT_MASK));
  g_assert_true (attest_sources_view_select_source (view, attest_source_get_uuid (short_name)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "sources.merge", NULL));
  spin ();
  chooser = ATTEST_SPEAKER_POPOVER (find_widget (GTK_WIDGET (view), is_visible_speaker_popover, NULL));
  entry = find_widget (GTK_WIDGET (chooser), is_type_search_entry, NULL);
  type_text (entry, "tahsin");
  g_signal_emit_by_name (entry, "activate");
  spin ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  click_button (GTK_WIDGET (dialog), "_Merge");
  spin ();
  sources = attest_store_list_sources (fixture->store, NULL);
  g_assert_cmpuint (sources->len, ==, 1);

  /* Ctrl+Z in the window, with the sources page in front, brings both back. */
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_z, GDK_CONTROL_MASK));
  g_clear_pointer (&sources, g_ptr_array_unref);
  sources = attest_store_list_sources (fixture->store, NULL);
  g_assert_cmpuint (sources->len, ==, 2);
  g_assert_cmpstr (toast_text (fixture), ==, "Undid “Merge sources”");
}

static void
test_open_from_sources (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AttestAnnotation) quote = NULL;
  AttestSourcesView *view = ATTEST_SOURCES_VIEW (attest_window_get_sources_view (fixture->window));

  open_first_article (fixture);
  quote = mark_words (fixture, QUOTE, ATTEST_ANNOTATION_DIRECT, SPEAKER);
  /* Another article is open when the user goes to the sources. */
  gtk_single_selection_set_selected (attest_window_get_selection (fixture->window),
                                     GTK_INVALID_LIST_POSITION);
  spin ();
  g_assert_true (press_key (GTK_WIDGET (fixture->window), GDK_KEY_2, GDK_ALT_MASK));

  g_signal_emit_by_name (view, "open-annotation", fixture->article_uuid,
                         attest_annotation_get_uuid (quote));
  spin ();
  g_assert_cmpstr (attest_window_get_page (fixture->window), ==, "articles");
  g_assert_cmpstr (attest_article_get_uuid (selected_article (fixture->window)), ==,
                   fixture->article_uuid);
  g_assert_cmpstr (inspected (fixture), ==, attest_annotation_get_uuid (quote));
  {
    guint s, e;

    g_assert_true (attest_reader_get_selection (attest_window_get_reader (fixture->window), &s, &e));
    g_assert_cmpuint (s, ==, attest_annotation_get_start (quote));
    g_assert_cmpuint (e, ==, attest_annotation_get_end (quote));
  }
}

/* Preferences the window follows */

static void
test_preferences_followed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.attest.Attest");
  g_autoptr(AttestAnnotation) annotation = NULL;
  AttestReader *reader;
  AttestQuoteDialog *dialog;
  GdkRGBA red = { 1.0, 0.0, 0.0, 0.5 };
  guint start, end;

  open_first_article (fixture);
  reader = attest_window_get_reader (fixture->window);
  g_settings_set_string (settings, "coder-name", "Rana");
  g_settings_set_string (settings, "default-annotation-kind", "claim");
  g_settings_set_string (settings, "highlight-claim", "rgba(255,0,0,0.5)");
  spin ();
  g_assert_true (gdk_rgba_equal (attest_reader_get_kind_color (reader, ATTEST_ANNOTATION_CLAIM),
                                 &red));

  /* "a" marks the default kind; the coder is recorded. */
  find_span (fixture, QUOTE, &start, &end);
  select_in_reader (fixture, start, end);
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_a, 0));
  annotation = only_annotation (fixture);
  g_assert_cmpint (attest_annotation_get_kind (annotation), ==, ATTEST_ANNOTATION_CLAIM);
  g_assert_cmpstr (attest_annotation_get_coder (annotation), ==, "Rana");
  {
    GdkRGBA color;

    g_assert_true (attest_reader_get_annotation_color (reader, annotation, &color));
    g_assert_true (gdk_rgba_equal (&color, &red));
  }

  /* The Mark Quote dialog starts on it too. */
  select_in_reader (fixture, start, start + 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.mark-quote", NULL));
  spin ();
  dialog = find_quote_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (attest_quote_dialog_get_kind (dialog), ==, ATTEST_ANNOTATION_CLAIM);
  click_button (GTK_WIDGET (dialog), "_Cancel");
  spin ();
}

/* The shortcuts window lists the keys the window has. */
static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/attest/Attest/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GString) listed = g_string_new (" ");
  const char *keys[] = {
    "q", "i", "c", "n", "a", "s", "Tab", "Delete", "Escape", "<Alt>1", "<Alt>2", "<Alt>3",
    "<Control>f", "<Control><Shift>f", "<Control>z", "<Control><Shift>z", "<Control>m",
    "<Shift><Alt>Right", "<Shift><Alt>Left", "<Shift><Alt>Up", "<Shift><Alt>Down",
    "<Control>comma", "l", "<Control><Shift>i", "<Control><Shift>s", "Return", "<Control>s",
    "plus", "minus", "0", "Left", "Right", "<Alt>4", "<Alt>5",
  };
  GtkWidget *w;

  /* Every accelerator written in the window, space-separated. */
  for (w = overlay; w != NULL; )
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (w))
        {
          g_autofree char *accel = NULL;

          g_object_get (w, "accelerator", &accel, NULL);
          g_string_append_printf (listed, "%s ", accel);
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != overlay && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == overlay) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *key = g_strdup_printf (" %s ", keys[i]);

      g_test_message ("%s", keys[i]);
      g_assert_nonnull (strstr (listed->str, key));
    }
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* Incidents */

#define TRIBAL_QUOTE "resulted in the killing and wounding of dozens among the tribal crowd"

static guint
n_incidents (Fixture *fixture)
{
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GError) error = NULL;

  incidents = attest_store_list_incidents (fixture->store, &error);
  g_assert_no_error (error);
  return incidents->len;
}

/* A quote tied to a new incident through l and the popover; listed on the incidents page and
 * under the article's annotations; one undo takes it back. */
static void
test_link_incident (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AttestAnnotation) quote = NULL;
  GtkWidget *window = GTK_WIDGET (fixture->window);
  AttestReader *reader = attest_window_get_reader (fixture->window);
  AttestIncidentsView *view;
  AttestArticleIncidents *article_incidents;
  GtkWidget *popover;
  AttestIncident *selected;

  open_first_article (fixture);
  article_incidents = ATTEST_ARTICLE_INCIDENTS (find_by_type (GTK_WIDGET (articles_page (fixture)),
                                                              ATTEST_TYPE_ARTICLE_INCIDENTS));
  g_assert_nonnull (article_incidents);
  g_assert_cmpstr (attest_article_incidents_get_article_uuid (article_incidents), ==,
                   fixture->article_uuid);
  g_assert_cmpuint (attest_article_incidents_get_n_incidents (article_incidents), ==, 0);

  /* Without a selected annotation, l is only a letter. */
  gtk_widget_grab_focus (reader_text_view (fixture));
  g_assert_false (press_key (reader_text_view (fixture), GDK_KEY_l, 0));

  quote = mark_words (fixture, TRIBAL_QUOTE, ATTEST_ANNOTATION_DIRECT, NULL);
  g_assert_true (attest_articles_page_select_annotation (articles_page (fixture),
                                                         attest_annotation_get_uuid (quote)));
  gtk_widget_grab_focus (reader_text_view (fixture));
  spin ();
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_l, 0));
  popover = find_by_type (GTK_WIDGET (reader), ATTEST_TYPE_LINK_INCIDENT_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_cmpstr (attest_link_incident_popover_get_annotation_uuid (ATTEST_LINK_INCIDENT_POPOVER (popover)),
                   ==, attest_annotation_get_uuid (quote));
  wait_for_frames (popover);

  click_button (popover, "_New Incident from Selection…");
  spin ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpuint (n_incidents (fixture), ==, 1);
  g_assert_cmpstr (toast_text (fixture), ==, "New incident recorded from the quote");
  g_assert_cmpuint (attest_article_incidents_get_n_incidents (article_incidents), ==, 1);

  /* Alt+4: listed on the incidents page; the toast's Open selects it there. */
  g_assert_true (press_key (window, GDK_KEY_4, GDK_ALT_MASK));
  g_assert_cmpstr (attest_window_get_page (fixture->window), ==, "incidents");
  view = ATTEST_INCIDENTS_VIEW (find_by_type (window, ATTEST_TYPE_INCIDENTS_VIEW));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpuint (g_list_model_get_n_items (attest_incidents_view_get_model (view)), ==, 1);
  {
    g_autoptr(GPtrArray) incidents = attest_store_list_incidents (fixture->store, NULL);
    const char *uuid = attest_incident_get_uuid (g_ptr_array_index (incidents, 0));

    g_assert_true (press_key (window, GDK_KEY_1, GDK_ALT_MASK));
    g_assert_true (gtk_widget_activate_action (window, "win.open-incident", "s", uuid));
    spin ();
    g_assert_cmpstr (attest_window_get_page (fixture->window), ==, "incidents");
    selected = attest_incidents_view_get_selected_incident (view);
    g_assert_nonnull (selected);
    g_assert_cmpstr (attest_incident_get_uuid (selected), ==, uuid);
  }

  /* One undo: the incident and the link go together. */
  g_assert_true (press_key (window, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (n_incidents (fixture), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (attest_incidents_view_get_model (view)), ==, 0);
  g_assert_true (press_key (window, GDK_KEY_1, GDK_ALT_MASK));
  g_assert_cmpuint (attest_article_incidents_get_n_incidents (article_incidents), ==, 0);
  g_assert_nonnull (attest_store_get_annotation (fixture->store,
                                                 attest_annotation_get_uuid (quote), NULL));
}

/* Suggestions */

static gboolean
suggestions_shown (gpointer data)
{
  Fixture *fixture = data;

  return attest_articles_page_get_suggestions (articles_page (fixture)) != NULL;
}

static guint
n_annotations (Fixture *fixture)
{
  g_autoptr(GPtrArray) annotations = NULL;

  annotations = attest_store_list_annotations (fixture->store, fixture->article_uuid, NULL);
  g_assert_nonnull (annotations);
  return annotations->len;
}

static gboolean
buffer_has_named_tag (AttestReader *reader,
                      const char   *name)
{
  GtkTextBuffer *buffer = attest_reader_get_buffer (reader);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  return gtk_text_iter_has_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag);
}

static void
test_suggestions (Fixture       *fixture,
                  gconstpointer  data)
{
  AttestReader *reader = attest_window_get_reader (fixture->window);
  AttestSuggestions *suggestions;
  AttestSuggestion *current;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *bar_label = NULL;
  AttestAnnotation *accepted;
  guint n, n_quotes, start, end;

  open_first_article (fixture);
  gtk_widget_grab_focus (reader_text_view (fixture));
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_S,
                            GDK_CONTROL_MASK | GDK_SHIFT_MASK) ||
                 press_key (reader_text_view (fixture), GDK_KEY_s,
                            GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  /* Found in a worker thread: the bar shows once they are there. */
  g_assert_true (wait_until (suggestions_shown, fixture));
  wait_for_frames (GTK_WIDGET (fixture->window));
  suggestions = attest_articles_page_get_suggestions (articles_page (fixture));
  n = attest_suggestions_get_n_items (suggestions);
  n_quotes = attest_suggestions_count_type (suggestions, ATTEST_SUGGESTION_QUOTE);
  g_test_message ("%u suggestions, %u quotes", n, n_quotes);
  g_assert_cmpuint (n_quotes, >=, 5);
  bar_label = g_strdup_printf ("%u suggestions", n);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), is_mapped_label, bar_label));
  g_assert_true (buffer_has_named_tag (reader, "suggestion"));
  g_assert_true (buffer_has_named_tag (reader, "current-suggestion"));

  /* Tab to a quote whose speaker Attest found; Enter accepts it. */
  for (current = attest_suggestions_get_current (suggestions);
       current->type != ATTEST_SUGGESTION_QUOTE || current->speaker == NULL;
       current = attest_suggestions_get_current (suggestions))
    g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_Tab, 0));
  start = current->start;
  end = current->end;
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_Return, 0));
  g_assert_cmpuint (n_annotations (fixture), ==, 1);
  accepted = attest_reader_pick_annotation (reader, start);
  g_assert_nonnull (accepted);
  g_assert_true (attest_annotation_get_suggested (accepted));
  g_assert_cmpuint (attest_annotation_get_start (accepted), ==, start);
  g_assert_cmpuint (attest_annotation_get_end (accepted), ==, end);
  g_assert_nonnull (attest_annotation_get_speaker_uuid (accepted));
  g_assert_true (buffer_has_tag_anywhere (reader, attest_annotation_get_kind (accepted)));
  g_assert_cmpuint (attest_suggestions_get_n_items (suggestions), ==, n - 1);

  /* Delete rejects the next one: gone, and nothing marked. */
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_Delete, 0));
  g_assert_cmpuint (attest_suggestions_get_n_items (suggestions), ==, n - 2);
  g_assert_cmpuint (n_annotations (fixture), ==, 1);

  /* Accept All: every quote left, as one step. */
  n_quotes = attest_suggestions_count_type (suggestions, ATTEST_SUGGESTION_QUOTE);
  g_assert_cmpuint (n_quotes, >=, 2);
  click_button (GTK_WIDGET (fixture->window), "_Accept All Quotes");
  spin ();
  g_assert_cmpuint (attest_suggestions_count_type (suggestions, ATTEST_SUGGESTION_QUOTE), ==, 0);
  g_assert_cmpuint (n_annotations (fixture), >=, 1 + n_quotes - 1);
  annotations = attest_store_list_annotations (fixture->store, fixture->article_uuid, NULL);
  for (guint i = 0; i < annotations->len; i++)
    g_assert_true (attest_annotation_get_suggested (g_ptr_array_index (annotations, i)));
  g_assert_cmpstr (attest_store_get_undo_label (fixture->store), ==, "Accept all suggestions");

  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (n_annotations (fixture), ==, 1);

  /* Escape leaves suggestion mode. */
  g_assert_true (press_key (reader_text_view (fixture), GDK_KEY_Escape, 0));
  g_assert_null (attest_articles_page_get_suggestions (articles_page (fixture)));
  g_assert_false (buffer_has_named_tag (reader, "suggestion"));
}

/* The logic of suggestion mode, without widgets. */
static AttestSuggestion *
make_suggestion (AttestSuggestionType type,
                 guint                start,
                 guint                end)
{
  AttestSuggestion *s = g_new0 (AttestSuggestion, 1);

  s->type = type;
  s->start = start;
  s->end = end;
  s->text = g_strdup ("x");
  return s;
}

static void
test_suggestions_logic (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_suggestion_free);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AttestSuggestions) suggestions = NULL;
  g_autoptr(AttestSuggestion) stolen = NULL;
  g_autoptr(GError) error = NULL;

  /* An annotation over 20..30 hides the suggestion at 25..35. */
  g_ptr_array_add (annotations, attest_store_annotate_span (fixture->store, fixture->article_uuid,
                                                            ATTEST_ANNOTATION_NOTE, 20, 30, NULL,
                                                            NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_ptr_array_add (found, make_suggestion (ATTEST_SUGGESTION_QUOTE, 0, 10));
  g_ptr_array_add (found, make_suggestion (ATTEST_SUGGESTION_DATE, 12, 18));
  g_ptr_array_add (found, make_suggestion (ATTEST_SUGGESTION_QUOTE, 25, 35));
  g_ptr_array_add (found, make_suggestion (ATTEST_SUGGESTION_QUOTE, 40, 50));
  g_ptr_array_add (found, make_suggestion (ATTEST_SUGGESTION_PLACE, 50, 50));
  suggestions = attest_suggestions_new (g_steal_pointer (&found), annotations);
  g_assert_cmpuint (attest_suggestions_get_n_items (suggestions), ==, 3);
  g_assert_cmpuint (attest_suggestions_count_type (suggestions, ATTEST_SUGGESTION_QUOTE), ==, 2);
  g_assert_cmpint (attest_suggestions_get_position (suggestions), ==, 0);
  g_assert_false (attest_suggestions_previous (suggestions));
  g_assert_true (attest_suggestions_next (suggestions));
  g_assert_true (attest_suggestions_next (suggestions));
  g_assert_false (attest_suggestions_next (suggestions));
  g_assert_cmpuint (attest_suggestions_get_current (suggestions)->start, ==, 40);

  /* Taking the last one makes the one before current. */
  stolen = attest_suggestions_steal_current (suggestions);
  g_assert_cmpuint (stolen->start, ==, 40);
  g_assert_cmpuint (attest_suggestions_get_current (suggestions)->start, ==, 12);
  attest_suggestions_remove_overlapping (suggestions, 5, 15);
  g_assert_cmpuint (attest_suggestions_get_n_items (suggestions), ==, 0);
  g_assert_null (attest_suggestions_get_current (suggestions));
  g_assert_cmpint (attest_suggestions_get_position (suggestions), ==, -1);
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
              fixture_set_up, func, project_fixture_tear_down)

  ADD ("welcome", test_welcome, NULL);
  ADD ("project-opens", test_project_opens, "project");
  ADD ("header-settles", test_header_settles, "project");
  ADD ("article-incidents-figures", test_article_incidents_figures, "project");
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
  ADD ("keyboard/quote", test_keyboard_quote, "project");
  ADD ("keyboard/new-speaker", test_keyboard_new_speaker, "project");
  ADD ("keyboard/span", test_keyboard_span, "project");
  ADD ("keyboard/next", test_keyboard_next, "project");
  ADD ("overlap-click", test_overlap_click, "project");
  ADD ("tag-filter", test_tag_filter, "project");
  ADD ("find-in-article", test_find_in_article, "project");
  ADD ("global-search", test_global_search, "project");
  ADD ("arabic", test_arabic, "project");
  ADD ("pages", test_pages, "project");
  ADD ("merge-undo", test_merge_undo, "project");
  ADD ("open-from-sources", test_open_from_sources, "project");
  ADD ("preferences-followed", test_preferences_followed, "project");
  ADD ("shortcuts-window", test_shortcuts_window, "project");
  ADD ("link-incident", test_link_incident, "project");
  ADD ("suggestions", test_suggestions, "project");
  ADD ("suggestions-logic", test_suggestions_logic, "project");
  g_test_add_func ("/attest/window/snippet-markup", test_snippet_markup);
  g_test_add_func ("/attest/window/published-check", test_published_check);
  g_test_add_func ("/attest/window/web-address-check", test_web_address_check);

#undef ADD

  return g_test_run ();
}
