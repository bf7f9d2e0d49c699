/* attest-window-share.c: AttestWindow's collections, exchange formats, merge and agreement.
 *
 * Exports and imports run in a worker thread that opens its own AttestStore on the project's
 * path (an SQLite connection stays on its thread) and never touches widgets; this file asks
 * for files and choices, and tells the user how it went in a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-window-share"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "attest-agreement-dialog.h"
#include "attest-collections-dialog.h"
#include "attest-merge-dialog.h"
#include "attest-share-job.h"
#include "attest-window-private.h"

static void share_job_done (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data);

/* Takes job. */
static void
share_job_run (AttestWindow *self,
               AttestShareJob     *job)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, share_job_done, NULL);

  g_task_set_source_tag (task, share_job_run);
  g_task_set_task_data (task, job, (GDestroyNotify) attest_share_job_free);
  _attest_window_begin_job (self);
  g_task_run_in_thread (task, attest_share_job_thread);
}

static void
on_merge_duplicates_clicked (AdwToast     *toast,
                             AttestWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (self->store == NULL)
    return;
  if (!attest_store_merge_duplicate_sources (self->store, &n, &error))
    {
      message = g_strdup_printf (_("Could not merge sources: %s"), error->message);
      _attest_window_toast (self, message);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u duplicate source merged",
                                          "%u duplicate sources merged", n),
                             n);
  _attest_window_toast_with_undo (self, message);
  _attest_window_update_actions (self);
}

static void
show_import_toast (AttestWindow *self,
                   const char   *summary,
                   guint         n_duplicate_sources)
{
  g_autofree char *escaped = g_markup_escape_text (summary, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (n_duplicate_sources > 0)
    {
      adw_toast_set_button_label (toast, _("_Merge Duplicate Sources"));
      adw_toast_set_timeout (toast, 0);
      g_signal_connect_object (toast, "button-clicked",
                               G_CALLBACK (on_merge_duplicates_clicked), self, 0);
    }
  _attest_window_add_toast (self, toast);
}

static void
on_merge_dialog_import (AttestMergeDialog *dialog,
                        AttestWindow      *self)
{
  AttestShareJob *job = g_object_steal_data (G_OBJECT (dialog), "job");

  if (job == NULL || self->store == NULL)
    return;
  job->resolutions = attest_merge_dialog_dup_resolutions (dialog);
  share_job_run (self, job);
}

static AttestShareJob *
next_import_step (AttestShareJob *done)
{
  AttestShareJob *job = g_new0 (AttestShareJob, 1);

  job->kind = ATTEST_SHARE_JOB_IMPORT_COLLECTION;
  job->project_path = g_strdup (done->project_path);
  job->file = g_object_ref (done->file);
  job->json = g_bytes_ref (done->json);
  return job;
}

static void
collection_imported (AttestWindow *self,
                     AttestShareJob     *job)
{
  g_autofree char *added = NULL;
  g_autofree char *summary = NULL;
  guint n_resolved = job->merge->n_mine + job->merge->n_theirs;

  _attest_window_reload_articles (self);
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u item", "Added %u items",
                                        job->merge->n_added),
                           job->merge->n_added);
  if (n_resolved > 0)
    /* Translators: %s is "Added 12 items" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u conflict resolved",
                                            "%s, %u conflicts resolved", n_resolved),
                               added, n_resolved);
  show_import_toast (self, summary != NULL ? summary : added, job->n_duplicate_sources);
}

static void
refi_imported (AttestWindow *self,
               AttestShareJob     *job)
{
  g_autofree char *summary = NULL;

  _attest_window_reload_articles (self);
  /* Translators: what a REFI-QDA import added */
  summary = g_strdup_printf (_("Imported %u articles, %u annotations, %u tags, %u sources"),
                             job->refi->n_articles, job->refi->n_annotations, job->refi->n_tags,
                             job->refi->n_sources);
  if (job->refi->n_skipped > 0)
    {
      g_autofree char *base = g_steal_pointer (&summary);

      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u item skipped)",
                                              "%s (%u items skipped)", job->refi->n_skipped),
                                 base, job->refi->n_skipped);
    }
  show_import_toast (self, summary, job->n_duplicate_sources);
}

static void
share_job_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AttestWindow *self = ATTEST_WINDOW (object);
  AttestShareJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  /* Disposed while the job ran: there is nothing left to show it in. */
  if (self->cancellable == NULL)
    return;
  _attest_window_end_job (self);
  _attest_window_update_actions (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      if (job->kind == ATTEST_SHARE_JOB_EXPORT_SCOPED || job->kind == ATTEST_SHARE_JOB_EXPORT_EXCHANGE)
        message = g_strdup_printf (_("Export failed: %s"), error->message);
      else
        message = g_strdup_printf (_("Import failed: %s"), error->message);
      _attest_window_toast (self, message);
      return;
    }

  switch (job->kind)
    {
    case ATTEST_SHARE_JOB_EXPORT_SCOPED:
    case ATTEST_SHARE_JOB_EXPORT_EXCHANGE:
      {
        g_autofree char *name = g_file_get_basename (job->file);

        message = g_strdup_printf (_("Exported to “%s”"), name);
        _attest_window_toast (self, message);
      }
      break;

    case ATTEST_SHARE_JOB_IMPORT_COLLECTION:
      if (job->dry_run && job->merge->conflicts != NULL && job->merge->conflicts->len > 0)
        {
          AttestMergeDialog *dialog = attest_merge_dialog_new (GTK_WINDOW (self),
                                                               job->merge->conflicts);

          g_object_set_data_full (G_OBJECT (dialog), "job", next_import_step (job),
                                  (GDestroyNotify) attest_share_job_free);
          g_signal_connect_object (dialog, "import", G_CALLBACK (on_merge_dialog_import),
                                   self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else if (job->dry_run)
        share_job_run (self, next_import_step (job));
      else
        collection_imported (self, job);
      break;

    case ATTEST_SHARE_JOB_IMPORT_REFI:
      refi_imported (self, job);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* File choosers */

typedef void (*FileFunc) (AttestWindow *self,
                          GFile        *file,
                          gpointer      data);

static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     AttestWindow    *self)
{
  FileFunc func = g_object_get_data (G_OBJECT (native), "func");
  gpointer data = g_object_get_data (G_OBJECT (native), "data");

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        func (self, file, data);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

/* suffixes: NULL-terminated; the first names the saved file. data is freed with free. */
static void
choose_file (AttestWindow        *self,
             const char          *title,
             gboolean             save,
             const char          *stem,
             const char          *filter_name,
             const char * const  *suffixes,
             FileFunc             func,
             gpointer             data,
             GDestroyNotify       free_data)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                        save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                             : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        save ? _("_Export") : _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (save)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", stem, suffixes[0]);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data (G_OBJECT (native), "func", func);
  g_object_set_data_full (G_OBJECT (native), "data", data, free_data);
  g_signal_connect_object (native, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static char *
project_stem (AttestWindow *self)
{
  char *stem = g_path_get_basename (attest_store_get_path (self->store));
  char *dot = strrchr (stem, '.');

  if (dot != NULL && dot != stem)
    *dot = '\0';
  return stem;
}

/* What to export, waiting for its file. */
typedef struct
{
  char           *collection_uuid;
  char           *format;
  AttestCsvTable  table;
  gboolean        excel;
} ExportChoice;

static void
export_choice_free (ExportChoice *choice)
{
  g_free (choice->collection_uuid);
  g_free (choice->format);
  g_free (choice);
}

static void
export_scoped_to (AttestWindow *self,
                  GFile        *file,
                  gpointer      data)
{
  ExportChoice *choice = data;

  _attest_window_export_scoped (self, choice->collection_uuid, choice->format, choice->table,
                                choice->excel, file);
}

static void
choose_scoped_export (AttestWindow *self,
                      ExportChoice *choice,
                      const char   *stem)
{
  static const char * const json[] = { "json", NULL };
  static const char * const csv[] = { "csv", NULL };
  gboolean is_json = g_str_equal (choice->format, "json");
  g_autofree char *name = NULL;

  name = is_json ? g_strdup (stem)
                 : g_strdup_printf ("%s-%s", stem, attest_csv_table_to_string (choice->table));
  choose_file (self, _("Export"), TRUE, name, is_json ? _("JSON") : _("CSV"),
               is_json ? json : csv, export_scoped_to, choice,
               (GDestroyNotify) export_choice_free);
}

static void
export_csv_excel_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  g_autofree char *stem = NULL;
  ExportChoice *choice;
  AttestCsvTable table;

  if (self->store == NULL ||
      !attest_csv_table_from_string (g_variant_get_string (parameter, NULL), &table))
    return;
  choice = g_new0 (ExportChoice, 1);
  choice->format = g_strdup ("csv");
  choice->table = table;
  choice->excel = TRUE;
  stem = project_stem (self);
  choose_scoped_export (self, choice, stem);
}

static void
export_exchange_to (AttestWindow *self,
                    GFile        *file,
                    gpointer      data)
{
  _attest_window_export_exchange (self, data, file);
}

static void
export_exchange_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  static const char * const w3c[] = { "jsonld", "json", NULL };
  static const char * const qdpx[] = { "qdpx", NULL };
  static const char * const qdc[] = { "qdc", NULL };
  static const struct
  {
    const char         *format;
    const char         *title;
    const char         *filter;
    const char * const *suffixes;
  } kinds[] = {
    { "w3c", N_("Export Web Annotations"), N_("Web Annotations (JSON-LD)"), w3c },
    { "qdpx", N_("Export REFI-QDA Project"), N_("REFI-QDA Project"), qdpx },
    { "qdc", N_("Export REFI-QDA Codebook"), N_("REFI-QDA Codebook"), qdc },
  };
  AttestWindow *self = ATTEST_WINDOW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *stem = NULL;

  if (self->store == NULL)
    return;
  stem = project_stem (self);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (format, kinds[i].format))
      {
        choose_file (self, _(kinds[i].title), TRUE, stem, _(kinds[i].filter), kinds[i].suffixes,
                     export_exchange_to, g_strdup (format), g_free);
        return;
      }
  g_warning ("Unknown exchange format “%s”", format);
}

/* Export Collection: pick the collection and the format, then the file. */

static const struct
{
  const char     *label;
  const char     *format;
  AttestCsvTable  table;
} export_formats[] = {
  { N_("JSON (to share with Attest)"), "json", ATTEST_CSV_QUOTES },
  { N_("CSV: Quotes"), "csv", ATTEST_CSV_QUOTES },
  { N_("CSV: Annotations"), "csv", ATTEST_CSV_ANNOTATIONS },
  { N_("CSV: Sources"), "csv", ATTEST_CSV_SOURCES },
  { N_("CSV: Articles"), "csv", ATTEST_CSV_ARTICLES },
  { N_("CSV: Incidents"), "csv", ATTEST_CSV_INCIDENTS },
  { N_("CSV: Tags"), "csv", ATTEST_CSV_TAGS },
};

static void
on_export_collection_response (AdwMessageDialog *dialog,
                               const char       *response,
                               AttestWindow     *self)
{
  GPtrArray *collections = g_object_get_data (G_OBJECT (dialog), "collections");
  GtkDropDown *which = g_object_get_data (G_OBJECT (dialog), "which");
  GtkDropDown *format = g_object_get_data (G_OBJECT (dialog), "format");
  GtkCheckButton *excel = g_object_get_data (G_OBJECT (dialog), "excel");
  guint i = gtk_drop_down_get_selected (which);
  guint f = gtk_drop_down_get_selected (format);
  AttestCollection *collection;
  ExportChoice *choice;

  if (!g_str_equal (response, "export") || self->store == NULL ||
      i >= collections->len || f >= G_N_ELEMENTS (export_formats))
    return;
  collection = g_ptr_array_index (collections, i);
  choice = g_new0 (ExportChoice, 1);
  choice->collection_uuid = g_strdup (collection->uuid);
  choice->format = g_strdup (export_formats[f].format);
  choice->table = export_formats[f].table;
  choice->excel = gtk_check_button_get_active (excel);
  choose_scoped_export (self, choice, collection->name);
}

static void
on_format_selected (GtkDropDown    *format,
                    GParamSpec     *pspec,
                    GtkCheckButton *excel)
{
  gtk_widget_set_sensitive (GTK_WIDGET (excel), gtk_drop_down_get_selected (format) > 0);
}

static void
attest_window_choose_collection_export (AttestWindow *self,
                                        const char   *collection_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  GPtrArray *collections;
  AdwMessageDialog *dialog;
  GtkWidget *box, *which, *format, *excel;

  if (self->store == NULL)
    return;
  if ((collections = attest_store_list_collections (self->store, &error)) == NULL)
    {
      _attest_window_toast (self, error->message);
      return;
    }
  if (collections->len == 0)
    {
      g_ptr_array_unref (collections);
      _attest_window_toast (self, _("No collections yet: create one in Collections"));
      return;
    }

  for (guint i = 0; i < collections->len; i++)
    gtk_string_list_append (names, ((AttestCollection *) g_ptr_array_index (collections, i))->name);
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    gtk_string_list_append (formats, _(export_formats[i].label));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  which = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  format = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (formats)), NULL);
  excel = gtk_check_button_new_with_mnemonic (_("_Excel-friendly CSV"));
  gtk_widget_set_tooltip_text (excel, _("Starts the file with a byte-order mark so that "
                                        "spreadsheets read its accents and scripts right"));
  gtk_widget_set_sensitive (excel, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (which), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Collection"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (format), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Format"), -1);
  for (guint i = 0; collection_uuid != NULL && i < collections->len; i++)
    if (g_str_equal (((AttestCollection *) g_ptr_array_index (collections, i))->uuid,
                     collection_uuid))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (which), i);
  g_signal_connect_object (format, "notify::selected", G_CALLBACK (on_format_selected), excel, 0);
  gtk_box_append (GTK_BOX (box), which);
  gtk_box_append (GTK_BOX (box), format);
  gtk_box_append (GTK_BOX (box), excel);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Export Collection"),
                                                       _("Only the collection’s articles go in, "
                                                         "with their annotations and what "
                                                         "they refer to.")));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "export", _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "export");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "collections", collections,
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "which", which);
  g_object_set_data (G_OBJECT (dialog), "format", format);
  g_object_set_data (G_OBJECT (dialog), "excel", excel);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_collection_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  attest_window_choose_collection_export (ATTEST_WINDOW (widget), NULL);
}

static void
import_collection_from (AttestWindow *self,
                        GFile        *file,
                        gpointer      data)
{
  _attest_window_import_collection (self, file);
}

static void
import_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  static const char * const json[] = { "json", NULL };

  if (ATTEST_WINDOW (widget)->store != NULL)
    choose_file (ATTEST_WINDOW (widget), _("Import Collection"), FALSE, NULL,
                 _("Attest Collection (JSON)"), json, import_collection_from, NULL, NULL);
}

static void
import_refi_from (AttestWindow *self,
                  GFile        *file,
                  gpointer      data)
{
  _attest_window_import_refi (self, file);
}

static void
import_refi_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  static const char * const refi[] = { "qdpx", "qdc", NULL };

  if (ATTEST_WINDOW (widget)->store != NULL)
    choose_file (ATTEST_WINDOW (widget), _("Import REFI-QDA"), FALSE, NULL,
                 _("REFI-QDA Project or Codebook"), refi, import_refi_from, NULL, NULL);
}

static void
on_collections_export (AttestCollectionsDialog *dialog,
                       const char              *uuid,
                       AttestWindow            *self)
{
  attest_window_choose_collection_export (self, uuid);
}

static void
collections_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  AttestArticle *article;
  AttestCollectionsDialog *dialog;

  if (self->store == NULL)
    return;
  article = attest_articles_page_get_article (self->articles_page);
  dialog = attest_collections_dialog_new (GTK_WINDOW (self), self->store,
                                          article != NULL ? attest_article_get_uuid (article)
                                                          : NULL);
  g_signal_connect_object (dialog, "export", G_CALLBACK (on_collections_export), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (_attest_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
agreement_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (attest_agreement_dialog_new (GTK_WINDOW (self),
                                                                 attest_store_get_path (self->store))));
}

void
_attest_window_class_init_share (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.collections", NULL, collections_action);
  gtk_widget_class_install_action (widget_class, "win.agreement", NULL, agreement_action);
  gtk_widget_class_install_action (widget_class, "win.export-collection", NULL,
                                   export_collection_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv-excel", "s",
                                   export_csv_excel_action);
  gtk_widget_class_install_action (widget_class, "win.export-exchange", "s",
                                   export_exchange_action);
  gtk_widget_class_install_action (widget_class, "win.import-collection", NULL,
                                   import_collection_action);
  gtk_widget_class_install_action (widget_class, "win.import-refi", NULL, import_refi_action);
}

/* Takes job; ignored when no project is open. */
static void
share_job_start (AttestWindow *self,
                 AttestShareJobKind       kind,
                 GFile        *file,
                 const char   *format,
                 AttestShareJob    **job_out)
{
  AttestShareJob *job = g_new0 (AttestShareJob, 1);

  job->kind = kind;
  job->project_path = g_strdup (attest_store_get_path (self->store));
  job->file = g_object_ref (file);
  job->format = g_strdup (format);
  *job_out = job;
}

void
_attest_window_export_scoped (AttestWindow   *self,
                              const char     *collection_uuid,
                              const char     *format,
                              AttestCsvTable  table,
                              gboolean        excel,
                              GFile          *file)
{
  AttestShareJob *job;

  g_return_if_fail (ATTEST_IS_WINDOW (self) && G_IS_FILE (file));
  if (self->store == NULL)
    return;
  share_job_start (self, ATTEST_SHARE_JOB_EXPORT_SCOPED, file, format, &job);
  job->collection_uuid = g_strdup (collection_uuid);
  job->table = table;
  job->excel = excel;
  share_job_run (self, job);
}

void
_attest_window_export_exchange (AttestWindow *self,
                                const char   *format,
                                GFile        *file)
{
  AttestShareJob *job;

  g_return_if_fail (ATTEST_IS_WINDOW (self) && G_IS_FILE (file));
  if (self->store == NULL)
    return;
  share_job_start (self, ATTEST_SHARE_JOB_EXPORT_EXCHANGE, file, format, &job);
  share_job_run (self, job);
}

void
_attest_window_import_collection (AttestWindow *self,
                                  GFile        *file)
{
  AttestShareJob *job;

  g_return_if_fail (ATTEST_IS_WINDOW (self) && G_IS_FILE (file));
  if (self->store == NULL)
    return;
  /* A dry run first: conflicts are shown before anything changes. */
  share_job_start (self, ATTEST_SHARE_JOB_IMPORT_COLLECTION, file, NULL, &job);
  job->dry_run = TRUE;
  share_job_run (self, job);
}

void
_attest_window_import_refi (AttestWindow *self,
                            GFile        *file)
{
  AttestShareJob *job;

  g_return_if_fail (ATTEST_IS_WINDOW (self) && G_IS_FILE (file));
  if (self->store == NULL)
    return;
  share_job_start (self, ATTEST_SHARE_JOB_IMPORT_REFI, file, NULL, &job);
  share_job_run (self, job);
}
