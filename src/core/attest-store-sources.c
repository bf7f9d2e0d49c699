/* attest-store-sources.c: the directory of sources: adding, editing, aliases, merging and
 * the editable list of kinds. Every edit is one undoable change (see attest-store.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "attest-error.h"
#include "attest-model-private.h"
#include "attest-store-private.h"
#include "attest-text.h"

static gboolean
check_source_kind (AttestStore  *self,
                   const char   *kind,
                   GError      **error)
{
  g_auto(GStrv) kinds = attest_store_list_source_kinds (self, error);
  g_autofree char *list = NULL;

  if (kinds == NULL)
    return FALSE;
  if (kind != NULL && g_strv_contains ((const char * const *) kinds, kind))
    return TRUE;

  list = g_strjoinv (", ", kinds);
  g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
               _("“%s” is not a kind of source in this project; the kinds are: %s."),
               kind ? kind : "", list);
  return FALSE;
}

gint64
_attest_store_create_source_in_change (AttestStore  *self,
                         const char   *name,
                         const char   *kind,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 id;

  if (*stripped == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("A source needs a name."));
      return -1;
    }
  if (kind == NULL)
    kind = "other";
  if (!check_source_kind (self, kind, error))
    return -1;

  if (!(stmt = _attest_store_prepare (self,
          "INSERT INTO sources (uuid, name, kind, created_at, modified_at) "
          "VALUES (?, ?, ?, ?, ?)", error)))
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, stripped, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!_attest_store_step_done (self, stmt, _("Could not add the source"), error))
    return -1;

  id = sqlite3_last_insert_rowid (_attest_store_get_db (self));
  _attest_store_touch_new_row (self, "sources", id);

  return id;
}

AttestSource *
attest_store_create_source (AttestStore  *self,
                            const char   *name,
                            const char   *kind,
                            GError      **error)
{
  gint64 id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!_attest_store_begin_change (self, _("Add source"), error))
    return NULL;
  if ((id = _attest_store_create_source_in_change (self, name, kind, error)) < 0)
    {
      _attest_store_rollback_change (self);
      return NULL;
    }
  if (!_attest_store_commit_change (self, error))
    return NULL;

  return _attest_store_get_source_by_id (self, id, error);
}


typedef struct
{
  const char *uuid;
  const char *name;
  const char *kind;
  const char *role;
  const char *affiliation;
  const char *alias;
} SourceEdit;

static gboolean
update_source_fn (AttestStore  *self,
                  gpointer      data,
                  GError      **error)
{
  SourceEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  g_autofree char *name = edit->name ? g_strstrip (g_strdup (edit->name)) : NULL;
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "sources", _("source"), edit->uuid, error)) < 0)
    return FALSE;
  if (name != NULL && *name == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("A source needs a name."));
      return FALSE;
    }
  if (edit->kind != NULL && !check_source_kind (self, edit->kind, error))
    return FALSE;
  if (!_attest_store_touch_row (self, "sources", id, error))
    return FALSE;

  /* NULL leaves a field as it is; "" clears an optional one. */
  if (!(stmt = _attest_store_prepare (self,
          "UPDATE sources SET name = coalesce (?1, name), kind = coalesce (?2, kind), "
          "role = CASE WHEN ?3 IS NULL THEN role ELSE nullif (?3, '') END, "
          "affiliation = CASE WHEN ?4 IS NULL THEN affiliation ELSE nullif (?4, '') END, "
          "modified_at = ?5 WHERE id = ?6", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, edit->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->affiliation, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, id);

  return _attest_store_step_done (self, stmt, _("Could not change the source"), error);
}

gboolean
attest_store_update_source (AttestStore  *self,
                            const char   *uuid,
                            const char   *name,
                            const char   *kind,
                            const char   *role,
                            const char   *affiliation,
                            GError      **error)
{
  SourceEdit edit = { uuid, name, kind, role, affiliation, NULL };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Edit source"), update_source_fn, &edit, error);
}

static gboolean
add_alias_fn (AttestStore  *self,
              gpointer      data,
              GError      **error)
{
  SourceEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *alias = g_strstrip (g_strdup (edit->alias ? edit->alias : ""));
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "sources", _("source"), edit->uuid, error)) < 0)
    return FALSE;
  if (*alias == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("An alias needs a name."));
      return FALSE;
    }

  if (!(stmt = _attest_store_prepare (self,
          "INSERT OR IGNORE INTO source_aliases (uuid, source_id, alias) VALUES (?, ?, ?)",
          error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_text (stmt, 3, alias, -1, SQLITE_STATIC);
  if (!_attest_store_step_done (self, stmt, _("Could not add the alias"), error))
    return FALSE;

  if (sqlite3_changes (_attest_store_get_db (self)) > 0)
    return _attest_store_touch_new_row (self, "source_aliases",
                                        sqlite3_last_insert_rowid (_attest_store_get_db (self)));
  return TRUE;
}

gboolean
attest_store_add_source_alias (AttestStore  *self,
                               const char   *uuid,
                               const char   *alias,
                               GError      **error)
{
  SourceEdit edit = { .uuid = uuid, .alias = alias };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Add alias"), add_alias_fn, &edit, error);
}
