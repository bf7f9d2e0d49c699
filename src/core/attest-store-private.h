/* attest-store-private.h: what other core files (export, list models) use of the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "attest-store.h"

G_BEGIN_DECLS

/* The connection. Only the thread that owns the store may use it. */
sqlite3 *_attest_store_get_db     (AttestStore  *self);
/* Sets error from the connection's last error, prefixed with what was being done. */
gboolean _attest_store_set_error  (AttestStore  *self,
                                   GError      **error,
                                   const char   *doing);
/* Prepares a statement, or sets error. */
sqlite3_stmt *_attest_store_prepare (AttestStore  *self,
                                     const char   *sql,
                                     GError      **error);
/* Current time as ISO 8601 UTC with seconds, e.g. 2026-11-26T10:00:00Z. */
char    *_attest_now_iso8601      (void);

/* Column text as a const char *, or NULL for SQL NULL. */
#define _attest_column_text(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

G_END_DECLS
