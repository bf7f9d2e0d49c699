/* attest-jobs.h: the application's long work (import, fetch, export) as async operations.
 *
 * Each job opens its own AttestStore on the project's path in a worker thread: an SQLite
 * connection must not be shared across threads, and the worker never touches widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "attest-core.h"

G_BEGIN_DECLS

/* Called on the caller's main context while a job runs; fraction is in [0, 1]. */
typedef void (*AttestProgressFunc) (double   fraction,
                                    gpointer user_data);

typedef struct
{
  guint      n_imported;
  guint      n_duplicates;
  guint      n_failed;
  /* Stopped by the user after some articles were in: those stay. */
  gboolean   cancelled;
  /* One "name: reason" line per failed file. */
  GPtrArray *errors;
  /* The uuid of the last article imported, or NULL. */
  char      *last_uuid;
} AttestImportResult;

void attest_import_result_free (AttestImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestImportResult, attest_import_result_free)

/* Files may be folders: their text, Markdown, HTML and PDF files are imported. */
void                attest_import_files_async  (const char           *project_path,
                                                GFile               **files,
                                                guint                 n_files,
                                                AttestProgressFunc    progress,
                                                gpointer              progress_data,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
AttestImportResult *attest_import_files_finish (GAsyncResult         *result,
                                                GError              **error);

/* Fetches each web address (through the system's proxy) and imports the page, keeping the
 * bytes as served. With one address its failure is the error, worded by the core (a
 * duplicate is ATTEST_ERROR_DUPLICATE); with several, failures are counted in the result
 * and the import goes on. */
void                attest_import_urls_async   (const char           *project_path,
                                                const char * const   *urls,
                                                AttestProgressFunc    progress,
                                                gpointer              progress_data,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
AttestImportResult *attest_import_urls_finish  (GAsyncResult         *result,
                                                GError              **error);

/* Imports text (e.g. from the clipboard) as a new article with that origin; returns the
 * new article's uuid. */
void                attest_import_text_async   (const char           *project_path,
                                                const char           *text,
                                                const char           *origin,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
char               *attest_import_text_finish  (GAsyncResult         *result,
                                                GError              **error);

/* format is "json" or "csv"; table is used for CSV. */
void                attest_export_async        (const char           *project_path,
                                                const char           *format,
                                                AttestCsvTable        table,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean            attest_export_finish       (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
