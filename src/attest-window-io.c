/* attest-window-io.c: AttestWindow's import, export and drag and drop.
 *
 * The work runs in attest-jobs.c off the main thread; this file asks for files, shows
 * progress and tells the user how it went.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "attest-application.h"
#include "attest-jobs.h"
#include "attest-window-private.h"

static void
on_import_progress (double   fraction,
                    gpointer user_data)
{
  _attest_window_set_progress (ATTEST_WINDOW (user_data), fraction);
}

static void
attest_window_show_import_errors (AttestWindow *self,
                                  GPtrArray    *errors)
{
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  for (guint i = 0; i < errors->len; i++)
    {
      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, g_ptr_array_index (errors, i));
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Some Files Were Not Imported"),
                                                       body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_details_clicked (AdwToast     *toast,
                           AttestWindow *self)
{
  GPtrArray *errors = g_object_get_data (G_OBJECT (toast), "errors");

  if (errors != NULL)
    attest_window_show_import_errors (self, errors);
}

static char *
import_summary (AttestImportResult *result)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (result->n_failed == 1 && result->n_imported == 0 && result->n_duplicates == 0)
    /* Translators: %s is "file name: reason" */
    return g_strdup_printf (_("Could not import %s"), (char *) g_ptr_array_index (result->errors, 0));

  if (result->n_imported > 0 || (result->n_duplicates == 0 && result->n_failed == 0))
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u article imported",
                                                          "%u articles imported",
                                                          result->n_imported),
                                             result->n_imported));
  if (result->n_duplicates > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u duplicate",
                                                          "%u duplicates",
                                                          result->n_duplicates),
                                             result->n_duplicates));
  if (result->n_failed > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u failed",
                                                          "%u failed",
                                                          result->n_failed),
                                             result->n_failed));
  g_ptr_array_add (parts, NULL);

  if (result->cancelled)
    {
      g_autofree char *done = g_strjoinv (", ", (char **) parts->pdata);

      /* Translators: %s lists what was imported before the stop */
      return g_strdup_printf (_("Import stopped: %s"), done);
    }
  return g_strjoinv (", ", (char **) parts->pdata);
}

void
_attest_window_show_import_result (AttestWindow       *self,
                                   AttestImportResult *outcome)
{
  g_autofree char *summary = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  /* The worker changed the project through its own connection: this one did not see it. */
  _attest_window_reload_articles (self);
  if (outcome->last_uuid != NULL)
    _attest_window_select_article (self, outcome->last_uuid);

  summary = import_summary (outcome);
  escaped = g_markup_escape_text (summary, -1);
  toast = adw_toast_new (escaped);
  if (outcome->n_failed > 0 && !(outcome->n_failed == 1 && outcome->n_imported == 0 &&
                                 outcome->n_duplicates == 0))
    {
      adw_toast_set_button_label (toast, _("_Details"));
      g_object_set_data_full (G_OBJECT (toast), "errors",
                              g_ptr_array_ref (outcome->errors),
                              (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect_object (toast, "button-clicked",
                               G_CALLBACK (on_import_details_clicked), self, 0);
    }
  if (outcome->n_failed > 0)
    adw_toast_set_timeout (toast, 0);
  _attest_window_add_toast (self, toast);
}

static void
import_files_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AttestWindow) self = user_data;
  g_autoptr(AttestImportResult) outcome = NULL;
  g_autoptr(GError) error = NULL;

  outcome = attest_import_files_finish (result, &error);
  /* Disposed while the job ran: there is nothing left to show it in. */
  if (self->cancellable == NULL)
    return;

  _attest_window_end_job (self);
  _attest_window_update_actions (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The files imported before the stop are in the project. */
      _attest_window_reload_articles (self);
      _attest_window_toast (self, _("Import stopped"));
      return;
    }

  if (outcome == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Import failed: %s"), error->message);

      _attest_window_toast (self, message);
      return;
    }

  _attest_window_show_import_result (self, outcome);
}

static void
on_import_chooser_response (GtkNativeDialog *native,
                            int              response,
                            AttestWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      attest_window_import_files (self, (GFile **) array->pdata, array->len);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Import Articles"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  /* The names attest_import_is_supported_name () takes. */
  gtk_file_filter_set_name (articles, _("Articles (.txt, .md, .html, .pdf)"));
  gtk_file_filter_add_suffix (articles, "txt");
  gtk_file_filter_add_suffix (articles, "text");
  gtk_file_filter_add_suffix (articles, "md");
  gtk_file_filter_add_suffix (articles, "markdown");
  gtk_file_filter_add_suffix (articles, "html");
  gtk_file_filter_add_suffix (articles, "htm");
  gtk_file_filter_add_suffix (articles, "xhtml");
  gtk_file_filter_add_suffix (articles, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), articles);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (on_import_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  GtkFileChooserNative *native;

  /* The core takes the articles in the folder and the folders below it. */
  native = gtk_file_chooser_native_new (_("Import Folder"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (on_import_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

typedef struct
{
  AttestWindow *window;
  GFile        *file;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->window);
  g_object_unref (request->file);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRequest, export_request_free)

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ExportRequest) request = user_data;
  AttestWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gboolean ok = attest_export_finish (result, &error);

  /* Disposed while the job ran: there is nothing left to show it in. */
  if (self->cancellable == NULL)
    return;

  _attest_window_end_job (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (!ok)
    {
      message = g_strdup_printf (_("Export failed: %s"), error->message);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (request->file);

      message = g_strdup_printf (_("Exported to “%s”"), name);
    }
  _attest_window_toast (self, message);
}

static void
on_export_chooser_response (GtkNativeDialog *native,
                            int              response,
                            AttestWindow    *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  if (file != NULL && self->store != NULL)
    {
      const char *format = g_object_get_data (G_OBJECT (native), "format");
      AttestCsvTable table = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "table"));
      ExportRequest *request = g_new0 (ExportRequest, 1);

      request->window = g_object_ref (self);
      request->file = g_object_ref (file);
      _attest_window_begin_job (self);
      attest_export_async (attest_store_get_path (self->store), format, table, file,
                           self->cancellable, export_cb, request);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
attest_window_choose_export (AttestWindow   *self,
                             const char     *format,
                             AttestCsvTable  table)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  char *dot;

  if (self->store == NULL)
    return;

  stem = g_path_get_basename (attest_store_get_path (self->store));
  if ((dot = strrchr (stem, '.')) != NULL && dot != stem)
    *dot = '\0';

  if (g_str_equal (format, "json"))
    {
      name = g_strdup_printf ("%s.json", stem);
      gtk_file_filter_set_name (filter, _("JSON"));
      gtk_file_filter_add_suffix (filter, "json");
    }
  else
    {
      name = g_strdup_printf ("%s-%s.csv", stem, attest_csv_table_to_string (table));
      gtk_file_filter_set_name (filter, _("CSV"));
      gtk_file_filter_add_suffix (filter, "csv");
    }

  native = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data_full (G_OBJECT (native), "format", g_strdup (format), g_free);
  g_object_set_data (G_OBJECT (native), "table", GINT_TO_POINTER (table));
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  AttestCsvTable table = ATTEST_CSV_QUOTES;

  if (g_str_equal (action_name, "win.export-json"))
    {
      attest_window_choose_export (self, "json", table);
      return;
    }

  if (parameter != NULL &&
      !attest_csv_table_from_string (g_variant_get_string (parameter, NULL), &table))
    {
      g_warning ("Unknown CSV table “%s”", g_variant_get_string (parameter, NULL));
      return;
    }
  attest_window_choose_export (self, "csv", table);
}

/* Text dragged inside the window (from the reader) is not something to import. */
static gboolean
on_drop_accept (GtkDropTarget *target,
                GdkDrop       *drop,
                AttestWindow  *self)
{
  if (gdk_drop_get_drag (drop) != NULL)
    return FALSE;
  return (gdk_drop_get_actions (drop) & gtk_drop_target_get_actions (target)) != 0 &&
         gdk_content_formats_match (gtk_drop_target_get_formats (target),
                                    gdk_drop_get_formats (drop));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AttestWindow  *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  GdkFileList *list;
  GSList *dropped;

  if (G_VALUE_HOLDS_STRING (value))
    return _attest_window_drop_text (self, g_value_get_string (value));

  if ((list = g_value_get_boxed (value)) == NULL)
    return FALSE;

  /* A link dragged from a browser comes as a uri-list too: its pages are fetched. */
  dropped = gdk_file_list_get_files (list);
  for (GSList *l = dropped; l != NULL; l = l->next)
    {
      if (g_file_has_uri_scheme (l->data, "http") || g_file_has_uri_scheme (l->data, "https"))
        g_ptr_array_add (urls, g_file_get_uri (l->data));
      else
        g_ptr_array_add (files, g_object_ref (l->data));
    }
  g_slist_free (dropped);
  if (files->len == 0 && urls->len == 0)
    return FALSE;

  /* A project dropped on the window opens; anything else is imported into this one. */
  if (files->len == 1 && urls->len == 0)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, 0));
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (name != NULL && g_str_has_suffix (name, ".attest") && ATTEST_IS_APPLICATION (app))
        {
          attest_application_open_project (ATTEST_APPLICATION (app),
                                           g_ptr_array_index (files, 0));
          return TRUE;
        }
    }

  if (self->store == NULL)
    {
      _attest_window_toast (self, _("Open or create a project before importing articles"));
      return FALSE;
    }

  if (urls->len > 0)
    {
      g_ptr_array_add (urls, NULL);
      attest_window_import_urls (self, (const char * const *) urls->pdata);
    }
  attest_window_import_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

static void
cancel_jobs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

void
_attest_window_class_init_io (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.cancel-jobs", NULL, cancel_jobs_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.export-json", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv-table", "s", export_action);
}

/* libadwaita 1.2 gives a split button's arrow a tooltip but no accessible name: the
 * tooltip's words become its name. */
static void
name_split_button_arrows (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *tooltip = ADW_IS_SPLIT_BUTTON (widget)
        ? adw_split_button_get_dropdown_tooltip (ADW_SPLIT_BUTTON (widget)) : NULL;

      if (GTK_IS_MENU_BUTTON (child) && tooltip != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        tooltip, -1);
      else
        name_split_button_arrows (child);
    }
}

void
_attest_window_init_io (AttestWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  /* Files and links (uri-list) first; plain text holding web addresses second. */
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));

  g_signal_connect_object (target, "accept", G_CALLBACK (on_drop_accept), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  name_split_button_arrows (GTK_WIDGET (self));
}

void
attest_window_import_files (AttestWindow  *self,
                            GFile        **files,
                            guint          n_files)
{
  g_return_if_fail (ATTEST_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (self->store == NULL || n_files == 0)
    return;

  _attest_window_begin_job (self);
  attest_import_files_async (attest_store_get_path (self->store), files, n_files,
                             on_import_progress, self, self->cancellable,
                             import_files_cb, g_object_ref (self));
}
