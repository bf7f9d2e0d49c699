/* attest-import.c: many files at once, in batches, with a summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "attest-error.h"
#include "attest-import.h"

/* A batch is one transaction: a few hundred articles are fast and a crash loses at most
 * one batch. */
#define IMPORT_BATCH 500
#define MAX_FOLDER_DEPTH 32

void
attest_import_summary_free (AttestImportSummary *summary)
{
  if (summary == NULL)
    return;

  g_clear_pointer (&summary->uuids, g_ptr_array_unref);
  g_clear_pointer (&summary->errors, g_ptr_array_unref);
  g_free (summary);
}

gboolean
attest_import_is_supported_name (const char *name)
{
  static const char * const suffixes[] = { ".txt", ".text", ".md", ".markdown", ".html",
                                           ".htm", ".xhtml", ".pdf", NULL };
  g_autofree char *lower = NULL;

  if (name == NULL)
    return FALSE;

  lower = g_ascii_strdown (name, -1);
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

/* A folder of articles often carries its own notes; those are not articles. */
static gboolean
is_folder_notes (const char *name)
{
  static const char * const notes[] = { "readme", "license", "licence", "copying",
                                         "changelog", "manifest", "notice", NULL };
  g_autofree char *lower = g_ascii_strdown (name, -1);
  char *dot = strchr (lower, '.');

  if (dot != NULL)
    *dot = '\0';
  return g_strv_contains (notes, lower);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
collect_folder (GFile        *dir,
                GPtrArray    *out,
                guint        *n_skipped,
                GCancellable *cancellable,
                guint         depth)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  if (depth > MAX_FOLDER_DEPTH)
    return;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  if (children == NULL)
    return;

  while (g_file_enumerator_iterate (children, &info, NULL, cancellable, NULL) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);
      GFileType type = g_file_info_get_file_type (info);

      if (name[0] == '.')
        continue;
      if (type == G_FILE_TYPE_DIRECTORY)
        g_ptr_array_add (folders, g_strdup (name));
      else if (type == G_FILE_TYPE_REGULAR && attest_import_is_supported_name (name)
               && !is_folder_notes (name))
        g_ptr_array_add (files, g_strdup (name));
      else
        (*n_skipped)++;
    }

  /* Files first, then subfolders, each in name order: imports are repeatable. */
  g_ptr_array_sort (files, compare_names);
  g_ptr_array_sort (folders, compare_names);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (out, g_file_get_child (dir, g_ptr_array_index (files, i)));
  for (guint i = 0; i < folders->len; i++)
    {
      g_autoptr(GFile) sub = g_file_get_child (dir, g_ptr_array_index (folders, i));

      collect_folder (sub, out, n_skipped, cancellable, depth + 1);
    }
}

GPtrArray *
attest_import_collect_files (GPtrArray    *inputs,
                             guint        *n_skipped,
                             GCancellable *cancellable)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  guint skipped = 0;

  g_return_val_if_fail (inputs != NULL, out);

  for (guint i = 0; i < inputs->len; i++)
    {
      GFile *input = g_ptr_array_index (inputs, i);

      if (g_file_query_file_type (input, G_FILE_QUERY_INFO_NONE, cancellable)
          == G_FILE_TYPE_DIRECTORY)
        collect_folder (input, out, &skipped, cancellable, 0);
      else
        g_ptr_array_add (out, g_object_ref (input));
    }

  if (n_skipped != NULL)
    *n_skipped = skipped;
  return out;
}

/* A file whose batch is not committed yet. */
typedef struct
{
  GFile  *file;
  char   *uuid;
  GError *error;
  guint   done;
} Pending;

static void
pending_clear (Pending *p)
{
  g_clear_object (&p->file);
  g_clear_pointer (&p->uuid, g_free);
  g_clear_error (&p->error);
}

/* Commits the batch, then tells committed_func about its files. */
static gboolean
commit_batch (AttestStore           *store,
              GArray                *pending,
              AttestImportFileFunc   committed_func,
              guint                  total,
              gpointer               user_data,
              GError               **error)
{
  if (!attest_store_end_batch (store, TRUE, error))
    {
      g_array_set_size (pending, 0);
      return FALSE;
    }

  if (committed_func != NULL)
    for (guint i = 0; i < pending->len; i++)
      {
        Pending *p = &g_array_index (pending, Pending, i);

        committed_func (p->file, p->uuid, p->error, p->done, total, user_data);
      }
  g_array_set_size (pending, 0);
  return TRUE;
}

AttestImportSummary *
attest_import_files_full (AttestStore              *store,
                          GPtrArray                *inputs,
                          const AttestArticleMeta  *meta,
                          AttestImportFileFunc      progress_func,
                          AttestImportFileFunc      committed_func,
                          gpointer                  user_data,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  g_autoptr(AttestImportSummary) summary = g_new0 (AttestImportSummary, 1);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GArray) pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  AttestArticleMeta file_meta = { 0 };
  gboolean in_batch = FALSE;

  g_return_val_if_fail (ATTEST_IS_STORE (store), NULL);
  g_return_val_if_fail (inputs != NULL, NULL);

  g_array_set_clear_func (pending, (GDestroyNotify) pending_clear);
  summary->uuids = g_ptr_array_new_with_free_func (g_free);
  summary->errors = g_ptr_array_new_with_free_func (g_free);
  files = attest_import_collect_files (inputs, &summary->n_skipped, cancellable);

  if (meta != NULL)
    file_meta = *meta;
  /* A title or address given for a batch would be wrong for all but one article. */
  if (files->len > 1)
    file_meta.title = file_meta.url = file_meta.origin = NULL;

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GError) file_error = NULL;
      g_autofree char *uuid = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        {
          summary->cancelled = TRUE;
          break;
        }

      if (i % IMPORT_BATCH == 0)
        {
          if ((in_batch
               && !commit_batch (store, pending, committed_func, files->len, user_data, error))
              || !attest_store_begin_batch (store, error))
            return NULL;
          in_batch = TRUE;
        }

      uuid = attest_store_import_file (store, file, &file_meta, cancellable, &file_error);
      if (uuid != NULL)
        {
          summary->n_imported++;
          g_ptr_array_add (summary->uuids, g_strdup (uuid));
        }
      else if (g_error_matches (file_error, ATTEST_ERROR, ATTEST_ERROR_DUPLICATE))
        summary->n_duplicates++;
      else if (g_error_matches (file_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          summary->cancelled = TRUE;
          break;
        }
      else
        {
          g_autofree char *name = g_file_get_parse_name (file);

          summary->n_failed++;
          g_ptr_array_add (summary->errors, g_strdup_printf ("%s: %s", name,
                                                             file_error->message));
        }

      if (progress_func != NULL)
        progress_func (file, uuid, file_error, i + 1, files->len, user_data);
      if (committed_func != NULL)
        {
          Pending p = { g_object_ref (file), g_steal_pointer (&uuid),
                        g_steal_pointer (&file_error), i + 1 };

          g_array_append_val (pending, p);
        }
    }

  /* What was imported before a cancel stays: each article is whole. */
  if (in_batch && !commit_batch (store, pending, committed_func, files->len, user_data, error))
    return NULL;

  return g_steal_pointer (&summary);
}

AttestImportSummary *
attest_import_files (AttestStore              *store,
                     GPtrArray                *inputs,
                     const AttestArticleMeta  *meta,
                     AttestImportFileFunc      func,
                     gpointer                  user_data,
                     GCancellable             *cancellable,
                     GError                  **error)
{
  return attest_import_files_full (store, inputs, meta, func, NULL, user_data, cancellable,
                                   error);
}
