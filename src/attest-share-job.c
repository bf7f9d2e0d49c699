/* attest-share-job.c: the work behind sharing, run in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-share-job"

#include "config.h"

#include "attest-share-job.h"

void
attest_share_job_free (AttestShareJob *job)
{
  g_free (job->project_path);
  g_clear_object (&job->file);
  g_free (job->format);
  g_free (job->collection_uuid);
  g_clear_pointer (&job->json, g_bytes_unref);
  g_clear_pointer (&job->resolutions, g_hash_table_unref);
  g_clear_pointer (&job->merge, attest_merge_summary_free);
  g_clear_pointer (&job->refi, attest_refi_import_summary_free);
  g_free (job);
}

/* Groups of sources with the same name (ignoring case) and kind, beyond the first of each:
 * what attest_store_merge_duplicate_sources () would merge. */
static guint
count_duplicate_sources (AttestStore *store)
{
  g_autoptr(GPtrArray) sources = attest_store_list_sources (store, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      AttestSource *source = g_ptr_array_index (sources, i);
      g_autofree char *folded = g_utf8_casefold (attest_source_get_name (source), -1);
      char *key = g_strdup_printf ("%s\n%s", attest_source_get_kind (source), folded);

      if (!g_hash_table_add (seen, key))
        n++;
    }
  return n;
}

void
attest_share_job_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AttestShareJob *job = task_data;
  g_autoptr(AttestStore) store = NULL;
  GError *error = NULL;
  gboolean ok = FALSE;

  if (job->kind == ATTEST_SHARE_JOB_IMPORT_COLLECTION && job->json == NULL)
    {
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_load_contents (job->file, cancellable, &contents, &length, NULL, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      job->json = g_bytes_new_take (contents, length);
    }

  if ((store = attest_store_open (job->project_path, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (job->kind)
    {
    case ATTEST_SHARE_JOB_EXPORT_SCOPED:
      {
        AttestExportScope scope = { job->collection_uuid, NULL, job->excel };

        ok = attest_export_to_file_scoped (store, &scope, job->format, job->table, job->file,
                                           cancellable, &error);
      }
      break;

    case ATTEST_SHARE_JOB_EXPORT_EXCHANGE:
      ok = attest_export_exchange_to_file (store, job->format, job->file, cancellable, &error);
      break;

    case ATTEST_SHARE_JOB_IMPORT_COLLECTION:
      {
        AttestMergeOptions options = { ATTEST_MERGE_ASK, job->resolutions, job->dry_run };

        ok = attest_import_collection (store, job->json, &options, &job->merge, &error);
      }
      break;

    case ATTEST_SHARE_JOB_IMPORT_REFI:
      {
        g_autofree char *name = g_file_get_basename (job->file);
        g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

        if (g_str_has_suffix (lower, ".qdc"))
          ok = attest_refi_import_qdc (store, job->file, cancellable, &job->refi, &error);
        else
          ok = attest_refi_import_qdpx (store, job->file, cancellable, &job->refi, &error);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (ok && !job->dry_run && (job->kind == ATTEST_SHARE_JOB_IMPORT_COLLECTION || job->kind == ATTEST_SHARE_JOB_IMPORT_REFI))
    job->n_duplicate_sources = count_duplicate_sources (store);

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}
