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
/* A prepared statement kept for the store's life, reset and unbound; borrowed. Hold it in
 * a g_autoptr(AttestCachedStmt) so it is reset (and its read lock let go) after use. */
sqlite3_stmt *_attest_store_prepare_cached (AttestStore  *self,
                                            const char   *sql,
                                            GError      **error);
typedef sqlite3_stmt AttestCachedStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestCachedStmt, sqlite3_reset)

/* Current time as ISO 8601 UTC with seconds, e.g. 2026-11-26T10:00:00Z. */
char    *_attest_now_iso8601      (void);
char    *_attest_now_iso8601_precise (void);

/* Recorded changes (attest-store.c): every undoable edit runs inside one. */
typedef gboolean (*_AttestChangeFunc) (AttestStore  *self,
                                       gpointer      data,
                                       GError      **error);

gboolean _attest_store_run_change     (AttestStore        *self,
                                       const char         *label,
                                       _AttestChangeFunc   fn,
                                       gpointer            data,
                                       GError            **error);
gboolean _attest_store_begin_change   (AttestStore  *self,
                                       const char   *label,
                                       GError      **error);
gboolean _attest_store_commit_change  (AttestStore  *self,
                                       GError      **error);
void     _attest_store_rollback_change (AttestStore *self);
/* Call before a row is changed or deleted, so undo can put it back. */
gboolean _attest_store_touch_row      (AttestStore  *self,
                                       const char   *table,
                                       gint64        id,
                                       GError      **error);
/* Call after a row is inserted, so undo can remove it. */
gboolean _attest_store_touch_new_row  (AttestStore  *self,
                                       const char   *table,
                                       gint64        id);
/* Records every row of table whose column equals id, e.g. the tags of an annotation that
 * ON DELETE CASCADE would take with it, so undo brings them back too. */
gboolean _attest_store_touch_dependents (AttestStore  *self,
                                         const char   *table,
                                         const char   *column,
                                         gint64        id,
                                         GError      **error);
/* Adds a source inside a recorded change; kind NULL means "other". Returns its id or -1. */
gint64   _attest_store_create_source_in_change (AttestStore  *self,
                                                const char   *name,
                                                const char   *kind,
                                                GError      **error);
/* Article ids in list order, and a hash of each one's modified_at. */
GArray  *_attest_store_list_article_versions (AttestStore  *self,
                                              GArray      **versions,
                                              GError      **error);
/* Inside attest_store_begin_batch (): imports go to temp.pending_articles. */
gboolean _attest_store_in_batch       (AttestStore  *self);
/* For changes outside the undo history (imports). */
void     _attest_store_emit_changed   (AttestStore  *self,
                                       const char   *topic);

gboolean _attest_store_exec           (AttestStore  *self,
                                       const char   *sql,
                                       GError      **error);
gboolean _attest_store_step_done      (AttestStore   *self,
                                       sqlite3_stmt  *stmt,
                                       const char    *doing,
                                       GError       **error);
gboolean _attest_store_query_int      (AttestStore  *self,
                                       const char   *sql,
                                       gint64       *value,
                                       GError      **error);
/* Row id in table of a full uuid or unique prefix, or -1 with error set. */
gint64   _attest_store_resolve_uuid   (AttestStore  *self,
                                       const char   *table,
                                       const char   *what,
                                       const char   *uuid,
                                       GError      **error);
/* Runs sql (binding arg to ?1 when bind_arg) and makes an object of each row. */
typedef gpointer (*_AttestRowFunc) (sqlite3_stmt *stmt);
GPtrArray *_attest_store_collect (AttestStore     *self,
                                  const char      *sql,
                                  gboolean         bind_arg,
                                  gint64           arg,
                                  _AttestRowFunc   row_func,
                                  GDestroyNotify   free_func,
                                  const char      *doing,
                                  GError         **error);
/* Takes found: its first element, or NULL with ATTEST_ERROR_NOT_FOUND and not_found as the
 * message when it is empty (or NULL, with the error already set). */
gpointer   _attest_store_first   (GPtrArray       *found,
                                  const char      *not_found,
                                  GError         **error);

AttestSource     *_attest_store_get_source_by_id     (AttestStore  *self,
                                                      gint64        id,
                                                      GError      **error);
AttestAnnotation *_attest_store_get_annotation_by_id (AttestStore  *self,
                                                      gint64        id,
                                                      GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static inline void
_attest_bind_text_or_null (sqlite3_stmt *stmt,
                           int           i,
                           const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

static inline gboolean
_attest_has_non_space (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Column text as a const char *, or NULL for SQL NULL. */
#define _attest_column_text(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

G_END_DECLS
