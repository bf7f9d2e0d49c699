/* attest-export.h: writing a project out as JSON or CSV.
 *
 * Both stream: rows are read from the store and written one at a time, so memory does not
 * grow with the size of the project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "attest-store.h"

G_BEGIN_DECLS

#define ATTEST_EXPORT_FORMAT_NAME    "attest-collection"
#define ATTEST_EXPORT_FORMAT_VERSION 1

typedef enum
{
  ATTEST_CSV_QUOTES,
  ATTEST_CSV_ANNOTATIONS,
  ATTEST_CSV_SOURCES,
  ATTEST_CSV_ARTICLES,
  ATTEST_CSV_INCIDENTS,
  ATTEST_CSV_TAGS,
} AttestCsvTable;

/* What to export: NULL is the whole project; else one collection, or these articles (both:
 * their union), with what belongs to them — or, with neither, the whole project with the
 * other choices here. */
typedef struct
{
  const char         *collection_uuid;
  const char * const *article_uuids;
  gboolean            excel;   /* CSV: start with a UTF-8 byte-order mark for spreadsheets */
} AttestExportScope;

gboolean    attest_csv_table_from_string (const char      *str,
                                          AttestCsvTable  *table);
const char *attest_csv_table_to_string   (AttestCsvTable   table);

gboolean attest_export_json (AttestStore    *store,
                             GOutputStream  *stream,
                             GCancellable   *cancellable,
                             GError        **error);
gboolean attest_export_csv  (AttestStore    *store,
                             AttestCsvTable  table,
                             GOutputStream  *stream,
                             GCancellable   *cancellable,
                             GError        **error);
gboolean attest_export_json_scoped (AttestStore              *store,
                                    const AttestExportScope  *scope,
                                    GOutputStream            *stream,
                                    GCancellable             *cancellable,
                                    GError                  **error);
gboolean attest_export_csv_scoped  (AttestStore              *store,
                                    const AttestExportScope  *scope,
                                    AttestCsvTable            table,
                                    GOutputStream            *stream,
                                    GCancellable             *cancellable,
                                    GError                  **error);
gboolean attest_export_to_file_scoped (AttestStore              *store,
                                       const AttestExportScope  *scope,
                                       const char               *format,
                                       AttestCsvTable            table,
                                       GFile                    *file,
                                       GCancellable             *cancellable,
                                       GError                  **error);
/* Writes to a file atomically: a failed export leaves no half-written file behind. */
gboolean attest_export_to_file (AttestStore    *store,
                                const char     *format,   /* "json" or "csv" */
                                AttestCsvTable  table,
                                GFile          *file,
                                GCancellable   *cancellable,
                                GError        **error);

G_END_DECLS
