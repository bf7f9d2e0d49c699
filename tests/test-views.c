/* test-views.c: the sources view, the codebook, the inspector, the speaker popover and the
 * preferences, each in a window of its own and driven as a user would drive it.
 *
 * With ATTEST_SCREENSHOT_DIR set, each test also saves a PNG of what it shows there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "attest-codebook-view.h"
#include "attest-core.h"
#include "attest-inspector.h"
#include "attest-kinds-dialog.h"
#include "attest-preferences-window.h"
#include "attest-source-list.h"
#include "attest-sources-view.h"
#include "attest-speaker-popover.h"
#include "gui-test-util.h"

#define ARTICLE_ONE \
  "Ambush at a checkpoint near Baquba\n\n" \
  "\"We lost two soldiers at the checkpoint,\" said army spokesman Tahsin al-Khafaji.\n\n" \
  "\"The attackers came at dawn,\" Tahsin al-Khafaji told reporters.\n\n" \
  "\"The shooting lasted an hour,\" said a Baquba resident."

#define ARTICLE_TWO \
  "Curfew in Diyala\n\n" \
  "\"The curfew will hold until Friday,\" said Al-Khafaji.\n\n" \
  "Experts said the attacks would go on through the winter."

typedef struct
{
  char             *dir;
  AttestStore      *store;
  char             *article_one;
  char             *article_two;
  AttestAnnotation *first_quote;   /* Tahsin al-Khafaji's first */
  GtkWindow        *window;
} Fixture;

/* Widget look-ups, as a user finds things: by what they say */

static gboolean
is_sidebar_list (GtkWidget     *widget,
                 gconstpointer  unused)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

/* The popover's list of sources, not the one inside its "kind" drop-down. */
static GtkListView *
find_sources_list (GtkWidget *popover)
{
  GtkWidget *list = find_widget (popover, is_sidebar_list, NULL);

  g_assert_nonnull (list);
  return GTK_LIST_VIEW (list);
}

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget)
         && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

static AdwMessageDialog *
find_dialog (void)
{
  GtkWindow *window = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return window != NULL ? ADW_MESSAGE_DIALOG (window) : NULL;
}

/* Clicks the dialog's button for that response; the dialog goes. */
static void
answer_dialog (AdwMessageDialog *dialog,
               const char       *response)
{
  GtkWidget *button;

  g_assert_nonnull (dialog);
  button = find_widget (GTK_WIDGET (dialog), is_button_labelled,
                        adw_message_dialog_get_response_label (dialog, response));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin ();
  g_assert_null (find_dialog ());
}

static void
type_and_apply (GtkWidget  *row,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  spin ();
}

/* The fixture: two articles, five quotes, four sources */

static void
mark (Fixture    *f,
      const char *article_uuid,
      const char *words,
      AttestAnnotationKind kind,
      const char *speaker,
      const char *speaker_kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestArticle) article = attest_store_get_article (f->store, article_uuid, &error);
  g_autoptr(AttestAnnotation) annotation = NULL;
  guint start, end;

  g_assert_no_error (error);
  g_assert_true (attest_find_unique_span (attest_article_get_body (article), words,
                                          &start, &end, &error));
  annotation = attest_store_annotate_span (f->store, article_uuid, kind, start, end,
                                           speaker, speaker_kind, NULL, "tester", &error);
  g_assert_no_error (error);
  if (f->first_quote == NULL)
    f->first_quote = g_steal_pointer (&annotation);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("attest-views-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "views.attest", NULL);
  f->store = attest_store_create (path, &error);
  g_assert_no_error (error);

  f->article_one = attest_store_import_text (f->store, ARTICLE_ONE, -1, NULL, &error);
  g_assert_no_error (error);
  f->article_two = attest_store_import_text (f->store, ARTICLE_TWO, -1, NULL, &error);
  g_assert_no_error (error);

  mark (f, f->article_one, "We lost two soldiers at the checkpoint", ATTEST_ANNOTATION_DIRECT,
        "Tahsin al-Khafaji", "official");
  mark (f, f->article_one, "The attackers came at dawn", ATTEST_ANNOTATION_DIRECT,
        "Tahsin al-Khafaji", "official");
  mark (f, f->article_one, "The shooting lasted an hour", ATTEST_ANNOTATION_DIRECT,
        "Baquba resident", "resident");
  mark (f, f->article_two, "The curfew will hold until Friday", ATTEST_ANNOTATION_DIRECT,
        "Al-Khafaji", "official");
  mark (f, f->article_two, "the attacks would go on through the winter",
        ATTEST_ANNOTATION_INDIRECT, "Experts", "expert");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 760);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  /* Dialogs the test left open go with the window. */
  destroy_toplevels ();

  g_clear_object (&f->first_quote);
  g_assert_finalize_object (f->store);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_free (f->article_one);
  g_free (f->article_two);
  g_free (f->dir);
}

static void
show (Fixture   *f,
      GtkWidget *child)
{
  gtk_window_set_child (f->window, child);
  gtk_window_present (f->window);
  wait_for_frames (GTK_WIDGET (f->window));
}

static AttestSource *
source_named (Fixture    *f,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  AttestSource *source = attest_store_find_source (f->store, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (source);
  return source;
}

/* AttestSourceList */

typedef struct
{
  guint calls;
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->calls++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

static void
test_source_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AttestSourceList) list = attest_source_list_new (f->store);
  g_autoptr(AttestSource) tahsin = source_named (f, "Tahsin al-Khafaji");
  g_autoptr(AttestSource) first = NULL;
  g_autoptr(AttestSource) first_again = NULL;
  g_autoptr(AttestSource) created = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };
  guint position;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == ATTEST_TYPE_SOURCE);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changed);

  /* Nothing changed: no signal. */
  attest_source_list_reload (list);
  g_assert_cmpuint (changed.calls, ==, 0);

  /* One source edited: one row replaced, the others kept as they were. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  position = attest_source_list_find (list, attest_source_get_uuid (tahsin));
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_assert_cmpuint (position, !=, 0);
  attest_store_update_source (f->store, attest_source_get_uuid (tahsin), NULL, NULL,
                              "Army spokesman", NULL, &error);
  g_assert_no_error (error);
  attest_source_list_reload (list);
  g_assert_cmpuint (changed.calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, position);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);
  first_again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == first_again);

  /* A new source: one row added. */
  created = attest_store_create_source (f->store, "Diyala police", "official", &error);
  g_assert_no_error (error);
  attest_source_list_reload (list);
  g_assert_cmpuint (changed.calls, ==, 2);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
}

static void
test_source_match (Fixture       *f,
                   gconstpointer  data)
{
  const struct {
    const char *name;
    const char *typed;
    int         rank;
  } cases[] = {
    { "Tahsin al-Khafaji", "tahsin al-khafaji", 0 },
    { "Tahsin al-Khafaji", "TAHSIN", 1 },
    { "Tahsin al-Khafaji", "khaf", 1 },
    { "Tahsin al-Khafaji", "afaji", 2 },
    { "Tahsin al-Khafaji", "al-khafají", 1 },
    { "Tahsin al-Khafaji", "omar", -1 },
    { "Al-Khafaji", "al-khafají", 0 },
    { "Experts", "", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AttestSource) source = source_named (f, cases[i].name);
      g_autofree char *key = attest_source_fold (cases[i].typed);

      g_test_message ("%s ~ %s", cases[i].name, cases[i].typed);
      g_assert_cmpint (attest_source_match (source, key), ==, cases[i].rank);
    }
}

/* The sources view */

static GtkColumnView *
sources_table (AttestSourcesView *view)
{
  return GTK_COLUMN_VIEW (find_by_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
}

static GListModel *
sources_rows (AttestSourcesView *view)
{
  return G_LIST_MODEL (gtk_column_view_get_model (sources_table (view)));
}

static const char *
row_name (AttestSourcesView *view,
          guint              position)
{
  g_autoptr(AttestSource) source = g_list_model_get_item (sources_rows (view), position);

  g_assert_nonnull (source);
  /* The source lives on in the store's list model; the name with it. */
  return attest_source_get_name (source);
}

static GtkColumnViewColumn *
column_titled (AttestSourcesView *view,
               const char        *title)
{
  GListModel *columns = gtk_column_view_get_columns (sources_table (view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_assert_not_reached ();
}

static void
select_source (AttestSourcesView *view,
               const char        *name)
{
  GListModel *rows = sources_rows (view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    if (g_str_equal (row_name (view, i), name))
      {
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), i, TRUE);
        spin ();
        g_assert_cmpstr (attest_source_get_name (attest_sources_view_get_selected_source (view)),
                         ==, name);
        return;
      }
  g_assert_not_reached ();
}

static AttestSourcesView *
show_sources (Fixture *f)
{
  GtkWidget *view = attest_sources_view_new ();

  attest_sources_view_set_store (ATTEST_SOURCES_VIEW (view), f->store);
  show (f, view);
  return ATTEST_SOURCES_VIEW (view);
}

static gboolean
has_n_rows (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (sources_rows (args[0])) == GPOINTER_TO_UINT (args[1]);
}

static void
search_sources (AttestSourcesView *view,
                const char        *text,
                guint              expected)
{
  GtkWidget *entry = find_by_type (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);
  gpointer args[2] = { view, GUINT_TO_POINTER (expected) };

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The search field waits for a pause in the typing. */
  g_assert_true (wait_until (has_n_rows, args));
}

static void
test_sources_list_and_sort (Fixture       *f,
                            gconstpointer  data)
{
  AttestSourcesView *view = show_sources (f);
  GtkColumnView *table = sources_table (view);
  GtkWidget *inscription;

  g_assert_cmpuint (g_list_model_get_n_items (sources_rows (view)), ==, 4);
  /* At first by name. */
  g_assert_cmpstr (row_name (view, 0), ==, "Al-Khafaji");
  g_assert_cmpstr (row_name (view, 3), ==, "Tahsin al-Khafaji");
  inscription = find_by_type (GTK_WIDGET (table), GTK_TYPE_INSCRIPTION);
  g_assert_nonnull (inscription);
  g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (inscription)), ==, "Al-Khafaji");

  /* A click on "Quotes", then another: most quoted first. */
  gtk_column_view_sort_by_column (table, column_titled (view, "Quotes"), GTK_SORT_DESCENDING);
  spin ();
  g_assert_cmpstr (row_name (view, 0), ==, "Tahsin al-Khafaji");
  gtk_column_view_sort_by_column (table, column_titled (view, "Quotes"), GTK_SORT_ASCENDING);
  spin ();
  g_assert_cmpstr (row_name (view, 3), ==, "Tahsin al-Khafaji");

  /* By kind: Expert, Official, Official, Resident. */
  gtk_column_view_sort_by_column (table, column_titled (view, "Kind"), GTK_SORT_ASCENDING);
  spin ();
  g_assert_cmpstr (row_name (view, 0), ==, "Experts");
  g_assert_cmpstr (row_name (view, 3), ==, "Baquba resident");

  /* The search finds names and aliases, without accents. */
  search_sources (view, "khafají", 2);
  search_sources (view, "nobody of that name", 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (view), is_mapped_status_page,
                                 "No Matching Sources"));
  search_sources (view, "", 4);

  select_source (view, "Tahsin al-Khafaji");
  screenshot (GTK_WIDGET (f->window), "sources-view");
}

static void
test_sources_edit_role (Fixture       *f,
                        gconstpointer  data)
{
  AttestSourcesView *view = show_sources (f);
  g_autoptr(AttestSource) before = source_named (f, "Tahsin al-Khafaji");
  g_autoptr(AttestSource) after = NULL;
  g_autoptr(AttestSource) undone = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *role_row;

  select_source (view, "Tahsin al-Khafaji");
  role_row = find_row (GTK_WIDGET (view), "Role");
  g_assert_true (gtk_widget_get_mapped (role_row));
  g_assert_null (attest_source_get_role (before));

  type_and_apply (role_row, "Army spokesman");
  after = source_named (f, "Tahsin al-Khafaji");
  g_assert_cmpstr (attest_source_get_role (after), ==, "Army spokesman");
  /* The table shows it and the source stays selected. */
  g_assert_cmpstr (attest_source_get_role (attest_sources_view_get_selected_source (view)), ==,
                   "Army spokesman");

  g_assert_true (attest_store_undo (f->store, &error));
  g_assert_no_error (error);
  spin ();
  undone = source_named (f, "Tahsin al-Khafaji");
  g_assert_null (attest_source_get_role (undone));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (role_row)), ==, "");
  g_assert_cmpstr (attest_source_get_name (attest_sources_view_get_selected_source (view)), ==,
                   "Tahsin al-Khafaji");

  /* An alias added in the details finds the source in the search. */
  type_and_apply (find_row (GTK_WIDGET (view), "Add Alias"), "the spokesman");
  g_assert_nonnull (find_row (GTK_WIDGET (view), "the spokesman"));
  search_sources (view, "spokesman", 1);
  g_assert_cmpstr (row_name (view, 0), ==, "Tahsin al-Khafaji");
}

static void
on_open_annotation (AttestSourcesView *view,
                    const char        *article_uuid,
                    const char        *annotation_uuid,
                    char             **opened)
{
  *opened = g_strdup (annotation_uuid);
}

static void
test_sources_quotes (Fixture       *f,
                     gconstpointer  data)
{
  AttestSourcesView *view = show_sources (f);
  g_autofree char *opened = NULL;
  GtkWidget *row;

  g_signal_connect (view, "open-annotation", G_CALLBACK (on_open_annotation), &opened);
  select_source (view, "Tahsin al-Khafaji");

  row = find_row (GTK_WIDGET (view), "“We lost two soldiers at the checkpoint”");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Ambush at a checkpoint near Baquba");
  g_assert_nonnull (find_row (GTK_WIDGET (view), "“The attackers came at dawn”"));
  g_signal_emit_by_name (row, "activate");
  spin ();
  g_assert_cmpstr (opened, ==, attest_annotation_get_uuid (f->first_quote));

  type_and_apply (find_row (GTK_WIDGET (view), "Role"), "Army spokesman");
  type_and_apply (find_row (GTK_WIDGET (view), "Affiliation"), "Iraqi Joint Operations Command");
  type_and_apply (find_row (GTK_WIDGET (view), "Add Alias"), "Major General al-Khafaji");
  gtk_window_set_default_size (f->window, 1200, 1240);
  screenshot (GTK_WIDGET (f->window), "sources-view-details");
}

static AttestSpeakerPopover *
open_merge_chooser (AttestSourcesView *view)
{
  AttestSpeakerPopover *popover;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "sources.merge", NULL));
  spin ();
  popover = ATTEST_SPEAKER_POPOVER (find_by_type (GTK_WIDGET (view),
                                                  ATTEST_TYPE_SPEAKER_POPOVER));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  return popover;
}

static void
test_sources_merge (Fixture       *f,
                    gconstpointer  data)
{
  AttestSourcesView *view = show_sources (f);
  g_autoptr(AttestSource) tahsin = source_named (f, "Tahsin al-Khafaji");
  g_autoptr(AttestSource) merged = NULL;
  AttestSpeakerPopover *chooser;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  select_source (view, "Al-Khafaji");

  /* Cancelled: nothing happens. */
  chooser = open_merge_chooser (view);
  entry = find_by_type (GTK_WIDGET (chooser), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "tahsin");
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chooser)));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Merge “Al-Khafaji” into “Tahsin al-Khafaji”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Its 1 quote"));
  answer_dialog (dialog, "cancel");
  g_assert_cmpuint (g_list_model_get_n_items (sources_rows (view)), ==, 4);

  /* Confirmed: one source with the quotes of both. */
  chooser = open_merge_chooser (view);
  entry = find_by_type (GTK_WIDGET (chooser), GTK_TYPE_SEARCH_ENTRY);
  /* The chooser does not offer the source itself, nor to create one. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Al-Khafaji");
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      find_sources_list (GTK_WIDGET (chooser))))),
                    ==, 1);
  screenshot (GTK_WIDGET (chooser), "sources-merge-chooser");
  g_signal_emit_by_name (entry, "activate");
  spin ();
  answer_dialog (find_dialog (), "merge");

  g_assert_cmpuint (g_list_model_get_n_items (sources_rows (view)), ==, 3);
  merged = source_named (f, "Al-Khafaji");
  g_assert_cmpstr (attest_source_get_uuid (merged), ==, attest_source_get_uuid (tahsin));
  g_assert_cmpuint (attest_source_get_n_quotes (merged), ==, 3);
  g_assert_true (g_strv_contains (attest_source_get_aliases (merged), "Al-Khafaji"));
  g_assert_cmpstr (attest_source_get_name (attest_sources_view_get_selected_source (view)), ==,
                   "Tahsin al-Khafaji");
  g_assert_cmpuint (attest_source_get_n_quotes (attest_sources_view_get_selected_source (view)),
                    ==, 3);
  g_assert_nonnull (find_row (GTK_WIDGET (view), "“The curfew will hold until Friday”"));

  /* One undo step brings both back. */
  g_assert_true (attest_store_undo (f->store, NULL));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (sources_rows (view)), ==, 4);
}

static void
test_sources_delete (Fixture       *f,
                     gconstpointer  data)
{
  AttestSourcesView *view = show_sources (f);
  g_autoptr(AttestAnnotation) quote = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  AdwMessageDialog *dialog;

  select_source (view, "Experts");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "sources.delete", NULL));
  spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Experts”?");
  screenshot (GTK_WIDGET (dialog), "sources-delete-dialog");
  answer_dialog (dialog, "cancel");
  g_assert_cmpuint (g_list_model_get_n_items (sources_rows (view)), ==, 4);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "sources.delete", NULL));
  spin ();
  answer_dialog (find_dialog (), "delete");
  g_assert_cmpuint (g_list_model_get_n_items (sources_rows (view)), ==, 3);
  g_assert_null (attest_sources_view_get_selected_source (view));
  g_assert_false (gtk_widget_is_sensitive (find_row (GTK_WIDGET (view), "Role"))
                  && gtk_widget_get_mapped (find_row (GTK_WIDGET (view), "Role")));

  /* Its quote keeps its text and has no speaker. */
  annotations = attest_store_list_annotations (f->store, f->article_two, NULL);
  quote = g_object_ref (g_ptr_array_index (annotations, 1));
  g_assert_cmpstr (attest_annotation_get_exact (quote), ==,
                   "the attacks would go on through the winter");
  g_assert_null (attest_annotation_get_speaker_uuid (quote));
}

static void
test_sources_kinds (Fixture       *f,
                    gconstpointer  data)
{
  AttestSourcesView *view = show_sources (f);
  AttestKindsDialog *dialog;
  g_autofree char *label = NULL;
  g_auto(GStrv) kinds = NULL;
  GtkWidget *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "sources.edit-kinds", NULL));
  spin ();
  dialog = ATTEST_KINDS_DIALOG (find_toplevel (ATTEST_TYPE_KINDS_DIALOG));
  g_assert_nonnull (dialog);

  type_and_apply (find_row (GTK_WIDGET (dialog), "New Kind"), "Police");
  kinds = attest_store_list_source_kinds (f->store, NULL);
  g_assert_true (g_strv_contains ((const char * const *) kinds, "police"));

  /* Renamed in its row. */
  row = find_row (GTK_WIDGET (dialog), "police");
  type_and_apply (row, "Police officer");
  label = attest_store_get_source_kind_label (f->store, "police");
  g_assert_cmpstr (label, ==, "Police officer");
  screenshot (GTK_WIDGET (dialog), "sources-kinds-dialog");

  /* Removed: its button names it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "kinds.remove", "s", "police"));
  spin ();
  g_clear_pointer (&kinds, g_strfreev);
  kinds = attest_store_list_source_kinds (f->store, NULL);
  g_assert_false (g_strv_contains ((const char * const *) kinds, "police"));
  g_assert_null (find_widget (GTK_WIDGET (dialog), is_row_titled, "police"));
}

static void
test_kind_keys (void)
{
  const char * const taken[] = { "official", "armed-group", NULL };
  const struct {
    const char *label;
    const char *key;
  } cases[] = {
    { "Police", "police" },
    { "Armed group", "armed-group-2" },
    { "  UN agency / NGO ", "un-agency-ngo" },
    { "Événement", "evenement" },
    { "شرطة", "kind" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = attest_kinds_dialog_make_key (cases[i].label, taken);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

/* The codebook */

typedef struct
{
  char *violence;
  char *shelling;
  char *health;
} Codebook;

static void
make_codebook (Fixture  *f,
               Codebook *codebook)
{
  g_autoptr(AttestTag) violence = attest_store_create_tag (f->store, "Violence", NULL,
                                                           "#e62d42", "Physical harm", NULL);
  g_autoptr(AttestTag) shelling = attest_store_create_tag (f->store, "Shelling",
                                                           attest_tag_get_uuid (violence),
                                                           "#ed5b00", NULL, NULL);
  g_autoptr(AttestTag) health = attest_store_create_tag (f->store, "Health", NULL,
                                                         "#3a944a", NULL, NULL);

  g_assert_nonnull (violence);
  g_assert_nonnull (shelling);
  g_assert_nonnull (health);
  codebook->violence = g_strdup (attest_tag_get_uuid (violence));
  codebook->shelling = g_strdup (attest_tag_get_uuid (shelling));
  codebook->health = g_strdup (attest_tag_get_uuid (health));
}

static void
codebook_clear (Codebook *codebook)
{
  g_free (codebook->violence);
  g_free (codebook->shelling);
  g_free (codebook->health);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Codebook, codebook_clear)

static GListModel *
tree_rows (AttestCodebookView *view)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find_by_type (GTK_WIDGET (view),
                                                                            GTK_TYPE_LIST_VIEW))));
}

/* "Violence" or "  Shelling": the name of a row, indented as deep as it shows. */
static char *
row_label (AttestCodebookView *view,
           guint               position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree_rows (view), position);
  g_autoptr(AttestTag) tag = NULL;

  if (row == NULL)
    return NULL;
  tag = gtk_tree_list_row_get_item (row);
  return g_strdup_printf ("%*s%s", 2 * gtk_tree_list_row_get_depth (row), "",
                          attest_tag_get_name (tag));
}

static void
assert_tree (AttestCodebookView *view,
             const char         *expected)
{
  g_autoptr(GString) shown = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (tree_rows (view)); i++)
    {
      g_autofree char *label = row_label (view, i);

      g_string_append_printf (shown, "%s%s", i > 0 ? "|" : "", label);
    }
  g_assert_cmpstr (shown->str, ==, expected);
}

static AttestCodebookView *
show_codebook (Fixture *f)
{
  GtkWidget *view = attest_codebook_view_new ();

  attest_codebook_view_set_store (ATTEST_CODEBOOK_VIEW (view), f->store);
  show (f, view);
  return ATTEST_CODEBOOK_VIEW (view);
}

static GtkWidget *
expander_of (AttestCodebookView *view,
             const char         *name)
{
  GtkWidget *list = find_by_type (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW);

  for (GtkWidget *item = gtk_widget_get_first_child (list);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *expander = gtk_widget_get_first_child (item);
      g_autoptr(AttestTag) tag = NULL;

      if (expander == NULL || !GTK_IS_TREE_EXPANDER (expander))
        continue;
      tag = gtk_tree_expander_get_item (GTK_TREE_EXPANDER (expander));
      if (tag != NULL && g_str_equal (attest_tag_get_name (tag), name))
        return expander;
    }
  g_assert_not_reached ();
}

static void
test_codebook_tree (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Codebook) codebook = { 0 };
  g_autoptr(AttestTag) selected = NULL;
  AttestCodebookView *view;

  make_codebook (f, &codebook);
  view = show_codebook (f);

  /* Closed at first; the expander a user clicks opens it. */
  assert_tree (view, "Health|Violence");
  g_assert_true (gtk_widget_activate_action (expander_of (view, "Violence"), "listitem.expand",
                                             NULL));
  spin ();
  assert_tree (view, "Health|Violence|  Shelling");

  /* A tag added elsewhere shows, and what was open stays open. */
  g_assert_true (attest_codebook_view_select_tag (view, codebook.shelling));
  g_assert_nonnull (attest_store_create_tag (f->store, "Mortars", codebook.shelling, NULL,
                                             NULL, NULL));
  spin ();
  assert_tree (view, "Health|Violence|  Shelling");
  g_assert_true (gtk_widget_activate_action (expander_of (view, "Shelling"), "listitem.expand",
                                             NULL));
  spin ();
  assert_tree (view, "Health|Violence|  Shelling|    Mortars");
  selected = attest_codebook_view_get_selected_tag (view);
  g_assert_cmpstr (attest_tag_get_name (selected), ==, "Shelling");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (view), "Name"))),
                   ==, "Shelling");
  screenshot (GTK_WIDGET (f->window), "codebook-view");
}

static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
}

/* What dropping the tag at (x, y) of the list does, through the list's own drop target. */
static gboolean
drop_tag (AttestCodebookView *view,
          const char         *uuid,
          double              x,
          double              y)
{
  GtkWidget *list = find_by_type (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, uuid);
  g_signal_emit_by_name (drop_target_of (list), "drop", &value, x, y, &accepted);
  g_value_unset (&value);
  spin ();
  return accepted;
}

static void
test_codebook_move (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Codebook) codebook = { 0 };
  g_autoptr(AttestTag) health = NULL;
  AttestCodebookView *view;
  GtkWidget *list;
  graphene_point_t point;

  make_codebook (f, &codebook);
  view = show_codebook (f);
  list = find_by_type (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW);

  /* What a drop of Health onto Violence calls: Health goes under it, and shows there. */
  g_assert_true (attest_codebook_view_move_tag (view, codebook.health, codebook.violence));
  health = attest_store_get_tag (f->store, codebook.health, NULL);
  g_assert_cmpstr (attest_tag_get_parent_uuid (health), ==, codebook.violence);
  assert_tree (view, "Violence|  Health|  Shelling");
  g_clear_object (&health);
  health = attest_codebook_view_get_selected_tag (view);
  g_assert_cmpstr (attest_tag_get_uuid (health), ==, codebook.health);

  /* A tag cannot go under its own child. */
  g_assert_false (attest_codebook_view_move_tag (view, codebook.violence, codebook.shelling));
  assert_tree (view, "Violence|  Health|  Shelling");

  /* Dropped on empty space below the rows: back to the top. */
  g_assert_true (drop_tag (view, codebook.health, 20, gtk_widget_get_height (list) - 10));
  assert_tree (view, "Health|Violence|  Shelling");

  /* Dropped on a row: under that tag. */
  wait_for_frames (GTK_WIDGET (view));
  g_assert_true (gtk_widget_compute_point (expander_of (view, "Shelling"), list,
                                           &GRAPHENE_POINT_INIT (10, 8), &point));
  g_assert_true (drop_tag (view, codebook.health, point.x, point.y));
  g_clear_object (&health);
  health = attest_store_get_tag (f->store, codebook.health, NULL);
  g_assert_cmpstr (attest_tag_get_parent_uuid (health), ==, codebook.shelling);
  assert_tree (view, "Violence|  Shelling|    Health");

  /* Each move is one undo step. */
  g_assert_true (attest_store_undo (f->store, NULL));
  spin ();
  assert_tree (view, "Health|Violence|  Shelling");
}

static void
test_codebook_delete (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Codebook) codebook = { 0 };
  AttestCodebookView *view;
  AdwMessageDialog *dialog;

  make_codebook (f, &codebook);
  view = show_codebook (f);
  g_assert_true (attest_codebook_view_select_tag (view, codebook.violence));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "codebook.delete", NULL));
  spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Violence”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Its 1 child tag"));
  answer_dialog (dialog, "cancel");
  assert_tree (view, "Health|Violence");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "codebook.delete", NULL));
  spin ();
  answer_dialog (find_dialog (), "delete");
  assert_tree (view, "Health");
  g_assert_null (attest_store_get_tag (f->store, codebook.shelling, NULL));

  g_assert_true (attest_store_undo (f->store, NULL));
  spin ();
  assert_tree (view, "Health|Violence");
}

static void
test_codebook_add_and_edit (Fixture       *f,
                            gconstpointer  data)
{
  g_auto(Codebook) codebook = { 0 };
  g_autoptr(AttestTag) tag = NULL;
  AttestCodebookView *view;
  AdwMessageDialog *dialog;
  GtkWidget *name_row, *blue;

  make_codebook (f, &codebook);
  view = show_codebook (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "codebook.add-tag", NULL));
  spin ();
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "New Tag");
  name_row = find_row (GTK_WIDGET (dialog), "Name");
  /* A name its siblings have is refused before it is tried. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "health");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Casualties");
  screenshot (GTK_WIDGET (dialog), "codebook-new-tag");
  answer_dialog (dialog, "add");
  assert_tree (view, "Casualties|Health|Violence");
  tag = attest_codebook_view_get_selected_tag (view);
  g_assert_cmpstr (attest_tag_get_name (tag), ==, "Casualties");
  g_assert_nonnull (attest_tag_get_color (tag));

  /* A child of the selected tag; the parent opens to show it. */
  g_assert_true (attest_codebook_view_select_tag (view, codebook.health));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "codebook.add-child", NULL));
  spin ();
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "New Child Tag");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Name")), "Cholera");
  answer_dialog (dialog, "add");
  assert_tree (view, "Casualties|Health|  Cholera|Violence");

  /* Renamed and recoloured in the details. */
  g_assert_true (attest_codebook_view_select_tag (view, codebook.violence));
  type_and_apply (find_row (GTK_WIDGET (view), "Name"), "Armed violence");
  blue = find_widget (GTK_WIDGET (view), is_type, GSIZE_TO_POINTER (GTK_TYPE_TOGGLE_BUTTON));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (blue), ==, "Blue");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (blue), TRUE);
  spin ();
  g_clear_object (&tag);
  tag = attest_store_get_tag (f->store, codebook.violence, NULL);
  g_assert_cmpstr (attest_tag_get_name (tag), ==, "Armed violence");
  g_assert_cmpstr (attest_tag_get_color (tag), ==, "#3584e4");
  assert_tree (view, "Armed violence|Casualties|Health|  Cholera");
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_codebook_filter_tag (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(Codebook) codebook = { 0 };
  AttestCodebookView *view;
  guint notified = 0;

  make_codebook (f, &codebook);
  view = show_codebook (f);
  g_signal_connect (view, "notify::filter-tag", G_CALLBACK (on_notify), &notified);

  /* Nothing selected: nothing to show. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (view), "codebook.show-annotations",
                                              NULL)
                  && attest_codebook_view_get_filter_tag (view) != NULL);
  g_assert_true (attest_codebook_view_select_tag (view, codebook.health));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "codebook.show-annotations",
                                             NULL));
  g_assert_cmpstr (attest_codebook_view_get_filter_tag (view), ==, codebook.health);
  g_assert_cmpuint (notified, ==, 1);
  attest_codebook_view_set_filter_tag (view, NULL);
  g_assert_cmpuint (notified, ==, 2);
}

/* The speaker popover */

typedef struct
{
  guint  count;
  char  *uuid;
  char  *name;
  char  *kind;
} Chosen;

static void
on_speaker_chosen (AttestSpeakerPopover *popover,
                   const char           *uuid,
                   const char           *name,
                   const char           *kind,
                   Chosen               *chosen)
{
  chosen->count++;
  g_free (chosen->uuid);
  g_free (chosen->name);
  g_free (chosen->kind);
  chosen->uuid = g_strdup (uuid);
  chosen->name = g_strdup (name);
  chosen->kind = g_strdup (kind);
}

static void
chosen_clear (Chosen *chosen)
{
  g_free (chosen->uuid);
  g_free (chosen->name);
  g_free (chosen->kind);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Chosen, chosen_clear)

/* The rows as shown, the highlighted one in brackets: "[Create “x”]|Al-Khafaji". */
static char *
popover_rows (AttestSpeakerPopover *popover)
{
  GtkListView *list = find_sources_list (GTK_WIDGET (popover));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  GString *shown = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (selection), i);
      gboolean highlighted = gtk_single_selection_get_selected (selection) == i;
      g_autofree char *label = NULL;

      if (ATTEST_IS_SOURCE (item))
        label = g_strdup (attest_source_get_name (ATTEST_SOURCE (item)));
      else
        label = g_strdup_printf ("Create “%s”",
                                 gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      g_string_append_printf (shown, "%s%s%s%s", i > 0 ? "|" : "", highlighted ? "[" : "",
                              label, highlighted ? "]" : "");
    }
  return g_string_free (shown, FALSE);
}

static void
assert_rows (AttestSpeakerPopover *popover,
             const char           *expected)
{
  g_autofree char *shown = popover_rows (popover);

  g_assert_cmpstr (shown, ==, expected);
}

static AttestSpeakerPopover *
open_speaker_popover (Fixture *f)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = attest_speaker_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  attest_speaker_popover_set_store (ATTEST_SPEAKER_POPOVER (popover), f->store);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), "Speaker");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_start (button, 24);
  gtk_widget_set_margin_top (button, 24);
  gtk_box_append (GTK_BOX (box), button);
  gtk_window_set_default_size (f->window, 480, 520);
  show (f, box);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  spin ();
  g_assert_true (gtk_widget_get_mapped (popover));
  return ATTEST_SPEAKER_POPOVER (popover);
}

static void
type_in (AttestSpeakerPopover *popover,
         const char           *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_by_type (GTK_WIDGET (popover),
                                                     GTK_TYPE_SEARCH_ENTRY)),
                         text);
  spin ();
}

static void
press_enter (AttestSpeakerPopover *popover)
{
  g_signal_emit_by_name (find_by_type (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY), "activate");
  spin ();
}

static void
test_speaker_filter_and_pick (Fixture       *f,
                              gconstpointer  data)
{
  AttestSpeakerPopover *popover = open_speaker_popover (f);
  g_autoptr(AttestSource) tahsin = source_named (f, "Tahsin al-Khafaji");
  g_auto(Chosen) chosen = { 0 };

  g_signal_connect (popover, "speaker-chosen", G_CALLBACK (on_speaker_chosen), &chosen);
  g_assert_true (gtk_widget_has_focus (find_by_type (GTK_WIDGET (popover), GTK_TYPE_TEXT)));

  /* Everyone at first, by name. */
  assert_rows (popover, "[Al-Khafaji]|Baquba resident|Experts|Tahsin al-Khafaji");

  /* Narrowed as the name is typed; no exact match, so "Create" comes first. */
  type_in (popover, "khaf");
  assert_rows (popover, "Create “khaf”|[Al-Khafaji]|Tahsin al-Khafaji");
  type_in (popover, "tahsin");
  assert_rows (popover, "Create “tahsin”|[Tahsin al-Khafaji]");
  screenshot (GTK_WIDGET (popover), "speaker-popover");

  /* Enter takes the highlighted source, and the popover closes. */
  press_enter (popover);
  g_assert_cmpuint (chosen.count, ==, 1);
  g_assert_cmpstr (chosen.uuid, ==, attest_source_get_uuid (tahsin));
  g_assert_cmpstr (chosen.name, ==, "Tahsin al-Khafaji");
  g_assert_cmpstr (chosen.kind, ==, "official");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

/* The action a key runs in the search field, through the field's own shortcuts. */
static char *
action_for_key (GtkWidget  *entry,
                const char *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger_object = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (trigger_object);
          g_auto(GStrv) keys = g_strsplit (trigger, "|", -1);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_strv_contains ((const char * const *) keys, key) && GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }
  return NULL;
}

static void
test_speaker_keyboard (Fixture       *f,
                       gconstpointer  data)
{
  AttestSpeakerPopover *popover = open_speaker_popover (f);
  g_autoptr(AttestSource) al = source_named (f, "Al-Khafaji");
  g_autoptr(AttestSource) tahsin = source_named (f, "Tahsin al-Khafaji");
  g_auto(Chosen) chosen = { 0 };

  GtkWidget *entry = find_by_type (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY);
  g_autofree char *down = action_for_key (entry, "Down");
  g_autofree char *up = action_for_key (entry, "Up");

  g_signal_connect (popover, "speaker-chosen", G_CALLBACK (on_speaker_chosen), &chosen);
  g_assert_cmpstr (down, ==, "speaker.next");
  g_assert_cmpstr (up, ==, "speaker.previous");

  /* Down and Up move the highlight, and stop at the ends. */
  type_in (popover, "khaf");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (popover), "speaker.next", NULL));
  assert_rows (popover, "Create “khaf”|Al-Khafaji|[Tahsin al-Khafaji]");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (popover), "speaker.next", NULL));
  assert_rows (popover, "Create “khaf”|Al-Khafaji|[Tahsin al-Khafaji]");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (popover), "speaker.previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (popover), "speaker.previous", NULL));
  assert_rows (popover, "[Create “khaf”]|Al-Khafaji|Tahsin al-Khafaji");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (popover), "speaker.next", NULL));
  press_enter (popover);
  g_assert_cmpstr (chosen.uuid, ==, attest_source_get_uuid (al));

  /* Accents and case do not matter; an exact match offers no "Create". */
  gtk_widget_set_visible (GTK_WIDGET (popover), TRUE);
  spin ();
  type_in (popover, "AL-KHAFAJÍ");
  assert_rows (popover, "[Al-Khafaji]|Tahsin al-Khafaji");

  /* An alias finds its source. */
  g_assert_true (attest_store_add_source_alias (f->store, attest_source_get_uuid (tahsin),
                                                "the army spokesman", NULL));
  spin ();
  type_in (popover, "army spokes");
  assert_rows (popover, "Create “army spokes”|[Tahsin al-Khafaji]");
}

static void
test_speaker_create (Fixture       *f,
                     gconstpointer  data)
{
  AttestSpeakerPopover *popover = open_speaker_popover (f);
  g_auto(Chosen) chosen = { 0 };
  g_auto(GStrv) kinds = attest_store_list_source_kinds (f->store, NULL);
  GtkDropDown *kind;
  guint resident = 0;

  g_signal_connect (popover, "speaker-chosen", G_CALLBACK (on_speaker_chosen), &chosen);

  /* A name nobody has: only "Create", highlighted, and the kind to give it. */
  type_in (popover, "  Abu Omar ");
  assert_rows (popover, "[Create “Abu Omar”]");
  kind = GTK_DROP_DOWN (find_by_type (GTK_WIDGET (popover), GTK_TYPE_DROP_DOWN));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (kind)));
  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_str_equal (kinds[i], "resident"))
      resident = i;
  gtk_drop_down_set_selected (kind, resident);
  screenshot (GTK_WIDGET (popover), "speaker-popover-create");

  press_enter (popover);
  g_assert_cmpuint (chosen.count, ==, 1);
  g_assert_null (chosen.uuid);
  g_assert_cmpstr (chosen.name, ==, "Abu Omar");
  g_assert_cmpstr (chosen.kind, ==, "resident");

  /* Without "allow-create", a new name offers nothing and Enter does nothing. */
  attest_speaker_popover_set_allow_create (popover, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (popover), TRUE);
  spin ();
  type_in (popover, "Abu Omar");
  assert_rows (popover, "");
  press_enter (popover);
  g_assert_cmpuint (chosen.count, ==, 1);
}

/* The inspector */

static AttestInspector *
show_inspector (Fixture *f)
{
  GtkWidget *inspector = attest_inspector_new ();

  attest_inspector_set_store (ATTEST_INSPECTOR (inspector), f->store);
  attest_inspector_set_annotation (ATTEST_INSPECTOR (inspector), f->first_quote);
  gtk_window_set_default_size (f->window, 420, 900);
  show (f, inspector);
  return ATTEST_INSPECTOR (inspector);
}

static AttestAnnotation *
reread (Fixture *f)
{
  const char *uuid = attest_annotation_get_uuid (f->first_quote);
  AttestAnnotation *annotation = attest_store_get_annotation (f->store, uuid, NULL);

  g_assert_nonnull (annotation);
  return annotation;
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static void
test_inspector_claim_and_kind (Fixture       *f,
                               gconstpointer  data)
{
  AttestInspector *inspector = show_inspector (f);
  GtkWidget *claim_row = find_row (GTK_WIDGET (inspector), "Claim Status");
  g_autoptr(AttestAnnotation) annotation = NULL;

  g_assert_nonnull (find_widget (GTK_WIDGET (inspector), is_type,
                                 GSIZE_TO_POINTER (GTK_TYPE_LABEL)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (claim_row)), ==, 0);

  /* "Disputed" */
  adw_combo_row_set_selected (ADW_COMBO_ROW (claim_row), 3);
  spin ();
  annotation = reread (f);
  g_assert_cmpstr (attest_annotation_get_claim_status (annotation), ==, "disputed");

  g_assert_true (attest_store_undo (f->store, NULL));
  spin ();
  g_clear_object (&annotation);
  annotation = reread (f);
  g_assert_null (attest_annotation_get_claim_status (annotation));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (claim_row)), ==, 0);

  /* "Claim" */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (inspector), "Kind")), 2);
  spin ();
  g_clear_object (&annotation);
  annotation = reread (f);
  g_assert_cmpint (attest_annotation_get_kind (annotation), ==, ATTEST_ANNOTATION_CLAIM);
}

static gboolean
is_filtered_out (gpointer row)
{
  return !gtk_widget_get_child_visible (row);
}

static void
test_inspector_tags (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Codebook) codebook = { 0 };
  AttestInspector *inspector;
  g_autoptr(AttestAnnotation) annotation = NULL;
  GtkWidget *tag_button, *popover, *check, *health, *violence;

  make_codebook (f, &codebook);
  inspector = show_inspector (f);
  g_assert_nonnull (find_row (GTK_WIDGET (inspector), "Not tagged"));

  tag_button = find_widget (GTK_WIDGET (inspector), has_tooltip, "Tag…");
  g_assert_nonnull (tag_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (tag_button));
  spin ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (tag_button)));
  g_assert_true (gtk_widget_get_mapped (popover));

  check = find_widget (popover, is_check_labelled, "Shelling");
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  spin ();
  annotation = reread (f);
  g_assert_true (g_strv_contains (attest_annotation_get_tag_uuids (annotation),
                                  codebook.shelling));
  g_assert_nonnull (find_row (GTK_WIDGET (inspector), "Violence › Shelling"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  /* Typing narrows the codebook. */
  gtk_editable_set_text (GTK_EDITABLE (find_by_type (popover, GTK_TYPE_SEARCH_ENTRY)), "viol");
  health = gtk_widget_get_parent (find_widget (popover, is_check_labelled, "Health"));
  g_assert_true (wait_until (is_filtered_out, health));
  violence = gtk_widget_get_parent (find_widget (popover, is_check_labelled, "Violence"));
  g_assert_true (gtk_widget_get_child_visible (violence));
  screenshot (popover, "inspector-tags-popover");
  gtk_popover_popdown (GTK_POPOVER (popover));
  spin ();
  screenshot (GTK_WIDGET (f->window), "inspector");

  /* The row's remove button takes it off again; undo puts it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (inspector), "inspector.toggle-tag", "s",
                                             codebook.shelling));
  spin ();
  g_clear_object (&annotation);
  annotation = reread (f);
  g_assert_false (g_strv_contains (attest_annotation_get_tag_uuids (annotation),
                                   codebook.shelling));
  g_assert_nonnull (find_row (GTK_WIDGET (inspector), "Not tagged"));
  g_assert_true (attest_store_undo (f->store, NULL));
  spin ();
  g_assert_nonnull (find_row (GTK_WIDGET (inspector), "Violence › Shelling"));
}

static void
test_inspector_speaker (Fixture       *f,
                        gconstpointer  data)
{
  AttestInspector *inspector = show_inspector (f);
  g_autoptr(AttestAnnotation) annotation = NULL;
  g_autoptr(AttestSource) experts = source_named (f, "Experts");
  g_autoptr(AttestSource) created = NULL;
  AttestSpeakerPopover *popover;
  GtkWidget *speaker_row = find_row (GTK_WIDGET (inspector), "Speaker");

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (speaker_row)), ==,
                   "Tahsin al-Khafaji (Official)");

  popover = ATTEST_SPEAKER_POPOVER (find_by_type (GTK_WIDGET (inspector),
                                                  ATTEST_TYPE_SPEAKER_POPOVER));
  gtk_popover_popup (GTK_POPOVER (popover));
  spin ();
  type_in (popover, "expe");
  press_enter (popover);
  annotation = reread (f);
  g_assert_cmpstr (attest_annotation_get_speaker_uuid (annotation), ==,
                   attest_source_get_uuid (experts));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (speaker_row)), ==,
                   "Experts (Expert)");

  /* A new name becomes a new source, in one step: one undo takes both back. */
  gtk_popover_popup (GTK_POPOVER (popover));
  spin ();
  type_in (popover, "Abu Omar");
  press_enter (popover);
  created = source_named (f, "Abu Omar");
  g_clear_object (&annotation);
  annotation = reread (f);
  g_assert_cmpstr (attest_annotation_get_speaker_uuid (annotation), ==,
                   attest_source_get_uuid (created));
  g_assert_true (attest_store_undo (f->store, NULL));
  spin ();
  g_clear_object (&annotation);
  annotation = reread (f);
  g_assert_cmpstr (attest_annotation_get_speaker_uuid (annotation), ==,
                   attest_source_get_uuid (experts));
  {
    g_autoptr(AttestSource) gone = attest_store_find_source (f->store, "Abu Omar", NULL);

    g_assert_null (gone);
  }
  g_assert_true (attest_store_redo (f->store, NULL));
  spin ();

  /* Nobody. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (inspector), "inspector.clear-speaker",
                                             NULL));
  spin ();
  g_clear_object (&annotation);
  annotation = reread (f);
  g_assert_null (attest_annotation_get_speaker_uuid (annotation));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (speaker_row)), ==, "Nobody");
}

static gboolean
comment_saved (gpointer data)
{
  Fixture *f = data;
  g_autoptr(AttestAnnotation) annotation = reread (f);

  return attest_annotation_get_comment (annotation) != NULL;
}

static void
test_inspector_comment (Fixture       *f,
                        gconstpointer  data)
{
  AttestInspector *inspector = show_inspector (f);
  GtkTextView *view = GTK_TEXT_VIEW (find_by_type (GTK_WIDGET (inspector), GTK_TYPE_TEXT_VIEW));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(AttestAnnotation) annotation = NULL;
  const char *undo_label;
  GtkTextIter end;

  /* Typed in bursts: saved once the typing stops, as one step. */
  gtk_text_buffer_set_text (buffer, "Check the date", -1);
  wait_ms (200);
  spin ();
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " with the ministry", -1);
  g_assert_false (comment_saved (f));
  g_assert_true (wait_until (comment_saved, f));
  annotation = reread (f);
  g_assert_cmpstr (attest_annotation_get_comment (annotation), ==,
                   "Check the date with the ministry");
  undo_label = attest_store_get_undo_label (f->store);
  g_assert_cmpstr (undo_label, ==, "Edit comment");

  g_assert_true (attest_store_undo (f->store, NULL));
  spin ();
  g_clear_object (&annotation);
  annotation = reread (f);
  g_assert_null (attest_annotation_get_comment (annotation));
  g_assert_cmpstr (attest_store_get_undo_label (f->store), !=, "Edit comment");
  {
    GtkTextIter start;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "");
  }

  /* The coder and the times are shown, not edited. */
  g_assert_nonnull (find_widget (GTK_WIDGET (inspector), is_row_titled, "Coder"));
  g_assert_nonnull (find_widget (GTK_WIDGET (inspector), is_type,
                                 GSIZE_TO_POINTER (GTK_TYPE_LABEL)));

  /* A deleted annotation empties the inspector. */
  g_assert_true (attest_store_delete_annotation (f->store,
                                                 attest_annotation_get_uuid (f->first_quote),
                                                 NULL));
  spin ();
  g_assert_null (attest_inspector_get_annotation (inspector));
  g_assert_nonnull (find_widget (GTK_WIDGET (inspector), is_mapped_status_page,
                                 "No Annotation Selected"));
}

/* Preferences */

static void
test_preferences_coder (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  AttestPreferencesWindow *window = attest_preferences_window_new (f->window, settings);
  GtkWidget *coder_row = find_row (GTK_WIDGET (window), "Coder Name");
  GtkWidget *kind_row = find_row (GTK_WIDGET (window), "Default Annotation Kind");
  g_autofree char *coder = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (GTK_WIDGET (window));

  g_settings_set_string (settings, "coder-name", "Rana");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (coder_row)), ==, "Rana");
  gtk_editable_set_text (GTK_EDITABLE (coder_row), "Samir");
  coder = g_settings_get_string (settings, "coder-name");
  g_assert_cmpstr (coder, ==, "Samir");

  /* Rows of keys the schema does not have yet are not shown. */
  g_assert_true (gtk_widget_get_visible (kind_row)
                 == g_settings_schema_has_key (schema, "default-annotation-kind"));
}

/* The keys the preferences ask the schema for, as data/io.attest.Attest.gschema.xml should
 * add them; compiled here so the whole window is tried. */
static const char proposed_schema[] =
  "<schemalist gettext-domain=\"attest\">"
  "<enum id=\"io.attest.Attest.AnnotationKind\">"
  "<value nick=\"direct\" value=\"0\"/><value nick=\"indirect\" value=\"1\"/>"
  "<value nick=\"claim\" value=\"2\"/><value nick=\"note\" value=\"3\"/>"
  "</enum>"
  "<schema id=\"io.attest.Attest\" path=\"/io/attest/Attest/\">"
  "<key name=\"coder-name\" type=\"s\"><default>''</default></key>"
  "<key name=\"default-annotation-kind\" enum=\"io.attest.Attest.AnnotationKind\">"
  "<default>'direct'</default></key>"
  "<key name=\"highlight-direct\" type=\"s\"><default>'rgba(53,132,228,0.3)'</default></key>"
  "<key name=\"highlight-indirect\" type=\"s\"><default>'rgba(46,194,126,0.3)'</default></key>"
  "<key name=\"highlight-claim\" type=\"s\"><default>'rgba(245,194,17,0.38)'</default></key>"
  "<key name=\"highlight-note\" type=\"s\"><default>'rgba(192,97,203,0.28)'</default></key>"
  "</schema></schemalist>";

static void
test_preferences_all_keys (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *schema_dir = g_build_filename (f->dir, "schemas", NULL);
  g_autofree char *schema_file = g_build_filename (schema_dir, "io.attest.Attest.gschema.xml",
                                                   NULL);
  g_autofree char *compiler = g_find_program_in_path ("glib-compile-schemas");
  g_autofree char *command = NULL;
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *colour = NULL;
  AttestPreferencesWindow *window;
  GtkWidget *claim_button;
  GdkRGBA red = { 0.8, 0.2, 0.2, 0.4 };
  int status = -1;

  g_assert_nonnull (compiler);
  g_assert_cmpint (g_mkdir_with_parents (schema_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (schema_file, proposed_schema, -1, NULL));
  command = g_strdup_printf ("%s --strict %s", compiler, schema_dir);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  source = g_settings_schema_source_new_from_directory (schema_dir, NULL, FALSE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, "io.attest.Attest", FALSE);
  settings = g_settings_new_full (schema, NULL, NULL);

  window = attest_preferences_window_new (f->window, settings);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_visible (find_row (GTK_WIDGET (window),
                                                   "Default Annotation Kind")));
  g_assert_true (gtk_widget_get_visible (find_row (GTK_WIDGET (window), "Claims")));
  screenshot (GTK_WIDGET (window), "preferences-window");

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (window),
                                                        "Default Annotation Kind")), 2);
  kind = g_settings_get_string (settings, "default-annotation-kind");
  g_assert_cmpstr (kind, ==, "claim");

  claim_button = find_by_type (find_row (GTK_WIDGET (window), "Claims"), GTK_TYPE_COLOR_BUTTON);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (claim_button), &red);
  colour = g_settings_get_string (settings, "highlight-claim");
  g_assert_cmpstr (colour, ==, "rgba(204,51,51,0.4)");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "preferences.reset-colours",
                                             NULL));
  g_clear_pointer (&colour, g_free);
  colour = g_settings_get_string (settings, "highlight-claim");
  g_assert_cmpstr (colour, ==, "rgba(245,194,17,0.38)");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every icon a template names is in the icon theme Debian 12 ships (Adwaita 43) or among
 * the application's own: a missing one is drawn as a broken image. */
static void
test_icons (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GRegex) regex = g_regex_new ("name=\"icon(?:-name)?\">([^<]+)<", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  guint n_icons = 0;

  /* As GtkApplication does for the application's resources. */
  gtk_icon_theme_add_resource_path (theme, "/io/attest/Attest/icons");
  files = g_resources_enumerate_children ("/io/attest/Attest/ui/", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/io/attest/Attest/ui/", files[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);
      g_autoptr(GMatchInfo) match = NULL;
      gsize size;
      const char *text;

      g_assert_no_error (error);
      text = g_bytes_get_data (bytes, &size);
      g_regex_match_full (regex, text, size, 0, 0, &match, NULL);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *name = g_match_info_fetch (match, 1);

          g_test_message ("%s: %s", files[i], name);
          g_assert_true (gtk_icon_theme_has_icon (theme, name));
          n_icons++;
        }
    }
  g_assert_cmpuint (n_icons, >, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Nothing here should take long: a wait gives up after 10 s, not the shared 20. */
  set_wait_seconds (10);
  gtk_init ();
  adw_init ();
  /* Page transitions would leave both pages of a stack on screen for a while. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add ("/attest/views/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/attest/views/icons", test_icons);
  ADD ("source-list/items-changed", test_source_list);
  ADD ("source-list/match", test_source_match);
  ADD ("sources/list-and-sort", test_sources_list_and_sort);
  ADD ("sources/edit-role", test_sources_edit_role);
  ADD ("sources/quotes", test_sources_quotes);
  ADD ("sources/merge", test_sources_merge);
  ADD ("sources/delete", test_sources_delete);
  ADD ("sources/kinds", test_sources_kinds);
  g_test_add_func ("/attest/views/sources/kind-keys", test_kind_keys);
  ADD ("codebook/tree", test_codebook_tree);
  ADD ("codebook/move", test_codebook_move);
  ADD ("codebook/delete", test_codebook_delete);
  ADD ("codebook/add-and-edit", test_codebook_add_and_edit);
  ADD ("codebook/filter-tag", test_codebook_filter_tag);
  ADD ("speaker/filter-and-pick", test_speaker_filter_and_pick);
  ADD ("speaker/keyboard", test_speaker_keyboard);
  ADD ("speaker/create", test_speaker_create);
  ADD ("inspector/claim-and-kind", test_inspector_claim_and_kind);
  ADD ("inspector/tags", test_inspector_tags);
  ADD ("inspector/speaker", test_inspector_speaker);
  ADD ("inspector/comment", test_inspector_comment);
  ADD ("preferences/coder", test_preferences_coder);
  ADD ("preferences/all-keys", test_preferences_all_keys);

#undef ADD

  return g_test_run ();
}
