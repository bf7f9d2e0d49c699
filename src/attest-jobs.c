/* attest-jobs.c: the application's long work (import, fetch, export) as async operations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-jobs"

#include "config.h"

#include "attest-jobs.h"

#include <glib/gi18n.h>

/* Where a worker's progress goes: a function called on the caller's main context. */
typedef struct
{
  AttestProgressFunc  func;
  gpointer            data;
  GMainContext       *context;
} JobProgress;

typedef struct
{
  char        *project_path;
  GPtrArray   *files;
  JobProgress  progress;
} ImportData;

typedef struct
{
  char        *project_path;
  GStrv        urls;
  JobProgress  progress;
} UrlsData;

typedef struct
{
  char *project_path;
  char *text;
  char *origin;
} TextData;

typedef struct
{
  GTask       *task;      /* keeps progress (in its task data) alive */
  JobProgress *progress;
  double       fraction;
} ProgressReport;

typedef struct
{
  char           *project_path;
  char           *format;
  AttestCsvTable  table;
  GFile          *file;
} ExportData;

void
attest_import_result_free (AttestImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->errors, g_ptr_array_unref);
  g_free (result->last_uuid);
  g_free (result);
}

static void
job_progress_init (JobProgress        *progress,
                   AttestProgressFunc  func,
                   gpointer            data)
{
  progress->func = func;
  progress->data = data;
  progress->context = g_main_context_ref_thread_default ();
}

static void
job_progress_clear (JobProgress *progress)
{
  g_clear_pointer (&progress->context, g_main_context_unref);
}

static void
import_data_free (ImportData *data)
{
  g_free (data->project_path);
  g_ptr_array_unref (data->files);
  job_progress_clear (&data->progress);
  g_free (data);
}

static void
urls_data_free (UrlsData *data)
{
  g_free (data->project_path);
  g_strfreev (data->urls);
  job_progress_clear (&data->progress);
  g_free (data);
}

static void
text_data_free (TextData *data)
{
  g_free (data->project_path);
  g_free (data->text);
  g_free (data->origin);
  g_free (data);
}

static void
export_data_free (ExportData *data)
{
  g_free (data->project_path);
  g_free (data->format);
  g_object_unref (data->file);
  g_free (data);
}

static gboolean
report_progress_cb (gpointer user_data)
{
  ProgressReport *report = user_data;

  if (!g_cancellable_is_cancelled (g_task_get_cancellable (report->task)) &&
      report->progress->func != NULL)
    report->progress->func (report->fraction, report->progress->data);
  return G_SOURCE_REMOVE;
}

static void
progress_report_free (gpointer user_data)
{
  ProgressReport *report = user_data;

  g_object_unref (report->task);
  g_free (report);
}

/* From the worker: tells the caller's main context how far the job is. */
static void
report_progress (GTask       *task,
                 JobProgress *progress,
                 double       fraction)
{
  ProgressReport *report = g_new0 (ProgressReport, 1);

  report->task = g_object_ref (task);
  report->progress = progress;
  report->fraction = fraction;
  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT,
                              report_progress_cb, report, progress_report_free);
}

static void
on_file_imported (GFile        *file,
                  const char   *uuid,
                  const GError *error,
                  guint         done,
                  guint         total,
                  gpointer      user_data)
{
  GTask *task = user_data;
  ImportData *data = g_task_get_task_data (task);

  report_progress (task, &data->progress, (double) done / total);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(AttestImportSummary) summary = NULL;
  g_autoptr(AttestImportResult) result = NULL;
  GError *error = NULL;

  if (!(store = attest_store_open (data->project_path, &error))
      || !(summary = attest_import_files (store, data->files, NULL, on_file_imported, task,
                                          cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (summary->cancelled && summary->n_imported == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Import stopped"));
      return;
    }
  if (summary->n_imported + summary->n_duplicates + summary->n_failed == 0)
    {
      g_task_return_new_error (task, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                               _("There are no articles to import here: Attest reads text, "
                                 "Markdown, HTML and PDF files."));
      return;
    }

  result = g_new0 (AttestImportResult, 1);
  result->n_imported = summary->n_imported;
  result->n_duplicates = summary->n_duplicates;
  result->n_failed = summary->n_failed;
  result->cancelled = summary->cancelled;
  result->errors = g_ptr_array_ref (summary->errors);
  if (summary->uuids->len > 0)
    result->last_uuid = g_strdup (g_ptr_array_index (summary->uuids, summary->uuids->len - 1));

  g_task_return_pointer (task, g_steal_pointer (&result),
                         (GDestroyNotify) attest_import_result_free);
}

void
attest_import_files_async (const char          *project_path,
                           GFile              **files,
                           guint                n_files,
                           AttestProgressFunc   progress,
                           gpointer             progress_data,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (project_path != NULL);
  g_return_if_fail (files != NULL || n_files == 0);

  data = g_new0 (ImportData, 1);
  data->project_path = g_strdup (project_path);
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));
  job_progress_init (&data->progress, progress, progress_data);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, attest_import_files_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

AttestImportResult *
attest_import_files_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == attest_import_files_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
import_urls_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  UrlsData *data = task_data;
  const AttestFetchOptions options = { .use_system_proxy = TRUE };
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(AttestImportResult) result = NULL;
  guint n_urls = g_strv_length (data->urls);

  result = g_new0 (AttestImportResult, 1);
  result->errors = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_urls; i++)
    {
      g_autoptr(AttestFetchResult) fetched = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *uuid = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        {
          result->cancelled = TRUE;
          break;
        }

      fetched = attest_fetch_url (data->urls[i], &options, cancellable, &error);
      report_progress (task, &data->progress, (i + 0.5) / n_urls);
      if (fetched != NULL)
        {
          /* Opened when the first page is in: a slow server does not hold the project. */
          if (store == NULL && !(store = attest_store_open (data->project_path, &error)))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          uuid = attest_store_import_fetched (store, fetched, NULL, &error);
        }
      report_progress (task, &data->progress, (double) (i + 1) / n_urls);

      if (uuid != NULL)
        {
          result->n_imported++;
          g_free (result->last_uuid);
          result->last_uuid = g_steal_pointer (&uuid);
        }
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          result->cancelled = TRUE;
          break;
        }
      else if (n_urls == 1)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      else if (g_error_matches (error, ATTEST_ERROR, ATTEST_ERROR_DUPLICATE))
        {
          result->n_duplicates++;
        }
      else
        {
          result->n_failed++;
          g_ptr_array_add (result->errors, g_strdup_printf ("%s: %s", data->urls[i],
                                                            error->message));
        }
    }

  if (result->cancelled && result->n_imported == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Import stopped"));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&result),
                         (GDestroyNotify) attest_import_result_free);
}

void
attest_import_urls_async (const char          *project_path,
                          const char * const  *urls,
                          AttestProgressFunc   progress,
                          gpointer             progress_data,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  UrlsData *data;

  g_return_if_fail (project_path != NULL);
  g_return_if_fail (urls != NULL && urls[0] != NULL);

  data = g_new0 (UrlsData, 1);
  data->project_path = g_strdup (project_path);
  data->urls = g_strdupv ((char **) urls);
  job_progress_init (&data->progress, progress, progress_data);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, attest_import_urls_async);
  g_task_set_task_data (task, data, (GDestroyNotify) urls_data_free);
  g_task_run_in_thread (task, import_urls_thread);
}

AttestImportResult *
attest_import_urls_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == attest_import_urls_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
import_text_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  TextData *data = task_data;
  const AttestArticleMeta meta = { .origin = data->origin };
  g_autoptr(AttestStore) store = NULL;
  GError *error = NULL;
  char *uuid;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(store = attest_store_open (data->project_path, &error))
      || !(uuid = attest_store_import_text (store, data->text, -1, &meta, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, uuid, g_free);
}

void
attest_import_text_async (const char          *project_path,
                          const char          *text,
                          const char          *origin,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TextData *data;

  g_return_if_fail (project_path != NULL);
  g_return_if_fail (text != NULL);

  data = g_new0 (TextData, 1);
  data->project_path = g_strdup (project_path);
  data->text = g_strdup (text);
  data->origin = g_strdup (origin);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, attest_import_text_async);
  g_task_set_task_data (task, data, (GDestroyNotify) text_data_free);
  g_task_run_in_thread (task, import_text_thread);
}

char *
attest_import_text_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == attest_import_text_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(AttestStore) store = NULL;
  GError *error = NULL;

  store = attest_store_open (data->project_path, &error);
  if (store == NULL ||
      !attest_export_to_file (store, data->format, data->table, data->file, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
attest_export_async (const char          *project_path,
                     const char          *format,
                     AttestCsvTable       table,
                     GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (project_path != NULL);
  g_return_if_fail (format != NULL);
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->project_path = g_strdup (project_path);
  data->format = g_strdup (format);
  data->table = table;
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, attest_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
attest_export_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == attest_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
