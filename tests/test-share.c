/* test-share.c: collections, exports, merging a colleague's work and agreement, driven
 * through the window's actions and dialogs as a user would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "attest-agreement-dialog.h"
#include "attest-collections-dialog.h"
#include "attest-core.h"
#include "attest-merge-dialog.h"
#include "attest-refi.h"
#include "attest-window-private.h"
#include "gui-test-util.h"

#define TEXT "0123456789 123456789 123456789 123456789 123456789 123456789 123456789 12345"

typedef ProjectFixture Fixture;

static gboolean
jobs_done (gpointer data)
{
  return ((AttestWindow *) data)->n_jobs == 0;
}

typedef struct
{
  GType       type;
  const char *text;
} TypeAndText;

/* A widget of that type (and, for labels, buttons and action rows, with that text). */
static gboolean
is_type_with_text (GtkWidget     *widget,
                   gconstpointer  data)
{
  const TypeAndText *want = data;
  const char *label = NULL;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (widget, want->type))
    return FALSE;
  if (GTK_IS_LABEL (widget))
    label = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (ADW_IS_ACTION_ROW (widget))
    label = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
  return want->text == NULL || g_strcmp0 (label, want->text) == 0;
}

/* The first widget below root of that type (and, for labels and buttons, with that text). */
static GtkWidget *
find_with_text (GtkWidget  *root,
                GType       type,
                const char *text)
{
  TypeAndText want = { type, text };

  return find_widget (root, is_type_with_text, &want);
}

static gboolean
has_merge_dialog (gpointer data)
{
  return find_toplevel (ATTEST_TYPE_MERGE_DIALOG) != NULL;
}

static void
mark_as (AttestStore          *store,
         const char           *article,
         guint                 start,
         guint                 end,
         AttestAnnotationKind  kind,
         const char           *coder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestAnnotation) a = attest_store_annotate_span (store, article, kind, start, end,
                                                              NULL, NULL, NULL, coder, &error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  project_fixture_create (fixture, "attest-share-XXXXXX", "mine.attest");
  fixture->article_uuid = attest_store_import_text (fixture->store, TEXT, -1, NULL, &error);
  g_assert_no_error (error);

  /* Two coders on the same article: the units of test-agreement.c, kappa 1/13. */
  mark_as (fixture->store, fixture->article_uuid, 0, 10, ATTEST_ANNOTATION_DIRECT, "A");
  mark_as (fixture->store, fixture->article_uuid, 20, 30, ATTEST_ANNOTATION_INDIRECT, "A");
  mark_as (fixture->store, fixture->article_uuid, 40, 50, ATTEST_ANNOTATION_CLAIM, "A");
  mark_as (fixture->store, fixture->article_uuid, 0, 10, ATTEST_ANNOTATION_DIRECT, "B");
  mark_as (fixture->store, fixture->article_uuid, 21, 30, ATTEST_ANNOTATION_DIRECT, "B");
  mark_as (fixture->store, fixture->article_uuid, 60, 70, ATTEST_ANNOTATION_NOTE, "B");

  project_fixture_present (fixture);
  _attest_window_select_article (fixture->window, fixture->article_uuid);
  spin ();
}

static void
test_collection (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) collections = NULL;
  g_autofree char *json_path = g_build_filename (fixture->dir, "fires.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json_path);
  g_autofree char *contents = NULL;
  g_auto(GStrv) members = NULL;
  AttestCollectionsDialog *dialog;
  AttestCollection *collection;
  GtkWidget *entry;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.collections", NULL);
  spin ();
  dialog = find_toplevel (ATTEST_TYPE_COLLECTIONS_DIALOG);
  g_assert_nonnull (dialog);

  /* Typing a name and pressing Enter creates the collection. */
  entry = find_with_text (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Fires");
  g_signal_emit_by_name (entry, "entry-activated");
  spin ();
  collections = attest_store_list_collections (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (collections->len, ==, 1);
  collection = g_ptr_array_index (collections, 0);
  g_assert_cmpstr (collection->name, ==, "Fires");
  g_assert_nonnull (find_with_text (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "0 articles"));

  /* The open article goes in; the row counts it. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "collection.add-article", "s",
                              collection->uuid);
  spin ();
  members = attest_store_list_collection_articles (fixture->store, collection->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (members), ==, 1);
  g_assert_cmpstr (members[0], ==, fixture->article_uuid);
  g_assert_nonnull (find_with_text (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "1 article"));
  screenshot (GTK_WIDGET (dialog), "w6-collections");

  /* Undo takes it out again, and redo puts it back. */
  g_assert_true (attest_store_undo (fixture->store, &error));
  g_clear_pointer (&members, g_strfreev);
  members = attest_store_list_collection_articles (fixture->store, collection->uuid, &error);
  g_assert_cmpuint (g_strv_length (members), ==, 0);
  g_assert_true (attest_store_redo (fixture->store, &error));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* What the file chooser calls once a file is picked. */
  _attest_window_export_scoped (fixture->window, collection->uuid, "json", ATTEST_CSV_QUOTES,
                                FALSE, file);
  g_assert_true (wait_until (jobs_done, fixture->window));
  g_assert_true (g_file_get_contents (json_path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, fixture->article_uuid));
  g_assert_nonnull (strstr (contents, ATTEST_EXPORT_FORMAT_NAME));
}

static GBytes *
export_json (AttestStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_true (attest_export_json (store, out, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_merge_conflict (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *their_path = g_build_filename (fixture->dir, "theirs.attest", NULL);
  g_autofree char *json_path = g_build_filename (fixture->dir, "theirs.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json_path);
  g_autoptr(AttestStore) theirs = attest_store_create (their_path, &error);
  g_autoptr(GBytes) shared = export_json (fixture->store);
  g_autoptr(GBytes) their_work = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(AttestAnnotation) after = NULL;
  const char *uuid;
  AttestMergeDialog *dialog;
  GtkWidget *theirs_button;

  /* The colleague starts from my project and changes a comment I changed too. */
  g_assert_true (attest_import_collection (theirs, shared, NULL, NULL, &error));
  annotations = attest_store_list_annotations (theirs, fixture->article_uuid, &error);
  g_assert_no_error (error);
  uuid = attest_annotation_get_uuid (g_ptr_array_index (annotations, 0));
  g_assert_true (attest_store_set_annotation_comment (theirs, uuid, "Their reading", &error));
  their_work = export_json (theirs);
  g_assert_true (g_file_set_contents (json_path, g_bytes_get_data (their_work, NULL),
                                      g_bytes_get_size (their_work), &error));
  g_assert_true (attest_store_set_annotation_comment (fixture->store, uuid, "My reading", &error));

  _attest_window_import_collection (fixture->window, file);
  g_assert_true (wait_until (has_merge_dialog, NULL));
  dialog = find_toplevel (ATTEST_TYPE_MERGE_DIALOG);
  g_assert_cmpuint (attest_merge_dialog_get_n_conflicts (dialog), ==, 1);
  /* The row shows both versions. */
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_mapped_label_containing, "Their reading"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_mapped_label_containing, "My reading"));
  screenshot (GTK_WIDGET (dialog), "w6-merge");
  /* Nothing changed before the user chose. */
  after = attest_store_get_annotation (fixture->store, uuid, &error);
  g_assert_cmpstr (attest_annotation_get_comment (after), ==, "My reading");
  g_clear_object (&after);

  theirs_button = find_with_text (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, "Take _Theirs");
  g_assert_nonnull (theirs_button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (theirs_button), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.import", NULL);
  g_assert_true (wait_until (jobs_done, fixture->window));
  g_assert_null (find_toplevel (ATTEST_TYPE_MERGE_DIALOG));

  after = attest_store_get_annotation (fixture->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_annotation_get_comment (after), ==, "Their reading");
}

static gboolean
agreement_ready (gpointer data)
{
  return !attest_agreement_dialog_get_busy (data);
}

static void
test_agreement (Fixture       *fixture,
                gconstpointer  data)
{
  AttestAgreementDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.agreement", NULL);
  dialog = find_toplevel (ATTEST_TYPE_AGREEMENT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (wait_until (agreement_ready, dialog));

  g_assert_nonnull (find_with_text (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "2 coders: A, B"));
  g_assert_nonnull (find_with_text (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Kappa"));
  /* The kind dimension: kappa 1/13, agreement 1 of 4 units. */
  g_assert_nonnull (find_with_text (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "0.08"));
  g_assert_nonnull (find_with_text (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "25 %"));
  screenshot (GTK_WIDGET (dialog), "w6-agreement");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_refi_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *qdpx_path = g_build_filename (fixture->dir, "mine.qdpx", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.attest", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (qdpx_path);
  g_autoptr(AttestStore) other = attest_store_create (other_path, &error);
  g_autoptr(AttestRefiImportSummary) summary = NULL;

  _attest_window_export_exchange (fixture->window, "qdpx", file);
  g_assert_true (wait_until (jobs_done, fixture->window));
  g_assert_true (g_file_test (qdpx_path, G_FILE_TEST_IS_REGULAR));

  g_assert_true (attest_refi_import_qdpx (other, file, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_articles, ==, 1);
  g_assert_cmpuint (summary->n_annotations, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/attest/share/collection", Fixture, NULL,
              fixture_set_up, test_collection, project_fixture_tear_down);
  g_test_add ("/attest/share/merge-conflict", Fixture, NULL,
              fixture_set_up, test_merge_conflict, project_fixture_tear_down);
  g_test_add ("/attest/share/agreement", Fixture, NULL,
              fixture_set_up, test_agreement, project_fixture_tear_down);
  g_test_add ("/attest/share/refi-round-trip", Fixture, NULL,
              fixture_set_up, test_refi_round_trip, project_fixture_tear_down);
  return g_test_run ();
}
