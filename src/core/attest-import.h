/* attest-import.h: importing many files and folders at once, as attest-cli and the window
 * both do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "attest-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint      n_imported;
  guint      n_duplicates;
  guint      n_failed;
  guint      n_skipped;     /* files in folders that are not articles */
  gboolean   cancelled;     /* what was imported before the cancel is kept */
  GPtrArray *uuids;         /* the new articles, in import order */
  GPtrArray *errors;        /* "name: reason" for each failed file */
} AttestImportSummary;

void attest_import_summary_free (AttestImportSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestImportSummary, attest_import_summary_free)

/* Told after each file: uuid is set when it was imported, error otherwise. Runs on the
 * importing thread. */
typedef void (*AttestImportFileFunc) (GFile        *file,
                                      const char   *uuid,
                                      const GError *error,
                                      guint         done,
                                      guint         total,
                                      gpointer      user_data);

/* .txt .text .md .markdown .html .htm .xhtml .pdf, in any case. */
gboolean             attest_import_is_supported_name (const char   *name);

/* Files stay as given; folders become the supported files below them, in path order,
 * without hidden files, links or a folder's own README and licence. */
GPtrArray           *attest_import_collect_files     (GPtrArray    *inputs,
                                                      guint        *n_skipped,
                                                      GCancellable *cancellable);

/* Imports in batches (see attest_store_begin_batch). Returns NULL with error only when the
 * project itself fails (disk full, read-only): the batches before stay, the failed one is
 * rolled back. A bad file is counted and the import goes on. func is told about each file
 * before its batch is committed. */
AttestImportSummary *attest_import_files             (AttestStore              *store,
                                                      GPtrArray                *inputs,
                                                      const AttestArticleMeta  *meta,
                                                      AttestImportFileFunc      func,
                                                      gpointer                  user_data,
                                                      GCancellable             *cancellable,
                                                      GError                  **error);

/* The same, and also tells committed_func about each file once the batch that holds it is
 * committed, in import order: an article reported there is in the project. progress_func
 * is told at once, before its batch is committed, and suits a progress bar. The files of a
 * batch that could not be committed go to progress_func only. */
AttestImportSummary *attest_import_files_full        (AttestStore              *store,
                                                      GPtrArray                *inputs,
                                                      const AttestArticleMeta  *meta,
                                                      AttestImportFileFunc      progress_func,
                                                      AttestImportFileFunc      committed_func,
                                                      gpointer                  user_data,
                                                      GCancellable             *cancellable,
                                                      GError                  **error);

G_END_DECLS
