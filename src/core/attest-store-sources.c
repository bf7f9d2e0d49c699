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

typedef struct
{
  const char *uuid;
  gboolean    anonymous;
  gboolean    is_group;
  const char *notes;
} SourceDetails;

static gboolean
set_details_fn (AttestStore  *self,
                gpointer      data,
                GError      **error)
{
  SourceDetails *details = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "sources", _("source"), details->uuid, error)) < 0
      || !_attest_store_touch_row (self, "sources", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self,
          "UPDATE sources SET anonymous = ?1, is_group = ?2, "
          "notes = CASE WHEN ?3 IS NULL THEN notes ELSE nullif (?3, '') END, "
          "modified_at = ?4 WHERE id = ?5", error)))
    return FALSE;
  sqlite3_bind_int (stmt, 1, details->anonymous ? 1 : 0);
  sqlite3_bind_int (stmt, 2, details->is_group ? 1 : 0);
  sqlite3_bind_text (stmt, 3, details->notes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, id);

  return _attest_store_step_done (self, stmt, _("Could not change the source"), error);
}

gboolean
attest_store_set_source_details (AttestStore  *self,
                                 const char   *uuid,
                                 gboolean      anonymous,
                                 gboolean      is_group,
                                 const char   *notes,
                                 GError      **error)
{
  SourceDetails details = { uuid, anonymous, is_group, notes };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Edit source"), set_details_fn, &details, error);
}

static gboolean
remove_alias_fn (AttestStore  *self,
                 gpointer      data,
                 GError      **error)
{
  SourceEdit *edit = data;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id, alias_id;

  if ((id = _attest_store_resolve_uuid (self, "sources", _("source"), edit->uuid, error)) < 0)
    return FALSE;
  if (!(find = _attest_store_prepare (self,
          "SELECT id FROM source_aliases WHERE source_id = ? AND alias = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (find, 1, id);
  sqlite3_bind_text (find, 2, edit->alias, -1, SQLITE_STATIC);
  if (sqlite3_step (find) != SQLITE_ROW)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                   _("“%s” is not an alias of this source."), edit->alias);
      return FALSE;
    }
  alias_id = sqlite3_column_int64 (find, 0);

  if (!_attest_store_touch_row (self, "source_aliases", alias_id, error)
      || !(stmt = _attest_store_prepare (self, "DELETE FROM source_aliases WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, alias_id);
  return _attest_store_step_done (self, stmt, _("Could not remove the alias"), error);
}

gboolean
attest_store_remove_source_alias (AttestStore  *self,
                                  const char   *uuid,
                                  const char   *alias,
                                  GError      **error)
{
  SourceEdit edit = { .uuid = uuid, .alias = alias };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  return _attest_store_run_change (self, _("Remove alias"), remove_alias_fn, &edit, error);
}

/* Records, then runs, "UPDATE table SET column = to WHERE column = from". */
static gboolean
repoint (AttestStore  *self,
         const char   *table,
         const char   *column,
         gint64        from,
         gint64        to,
         GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE %s = ?",
                                          table, column, column);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!_attest_store_touch_dependents (self, table, column, from, error)
      || !(stmt = _attest_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, to);
  sqlite3_bind_int64 (stmt, 2, from);
  return _attest_store_step_done (self, stmt, _("Could not merge the sources"), error);
}

static gboolean
add_alias_in_change (AttestStore  *self,
                     gint64        source_id,
                     const char   *alias,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  if (!(stmt = _attest_store_prepare (self,
          "INSERT INTO source_aliases (uuid, source_id, alias) SELECT ?1, ?2, ?3 "
          "WHERE NOT EXISTS (SELECT 1 FROM sources WHERE id = ?2 AND name = ?3 COLLATE NOCASE) "
          "AND NOT EXISTS (SELECT 1 FROM source_aliases WHERE source_id = ?2 "
          "                AND alias = ?3 COLLATE NOCASE)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, source_id);
  sqlite3_bind_text (stmt, 3, alias, -1, SQLITE_STATIC);
  if (!_attest_store_step_done (self, stmt, _("Could not add the alias"), error))
    return FALSE;

  if (sqlite3_changes (_attest_store_get_db (self)) > 0)
    return _attest_store_touch_new_row (self, "source_aliases",
                                        sqlite3_last_insert_rowid (_attest_store_get_db (self)));
  return TRUE;
}

typedef struct
{
  const char *from;
  const char *into;
} Merge;

static gboolean
merge_fn (AttestStore  *self,
          gpointer      data,
          GError      **error)
{
  Merge *merge = data;
  g_autoptr(AttestSource) from = NULL;
  g_autoptr(sqlite3_stmt) drop_tags = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char * const *aliases;
  gint64 from_id, into_id;

  if ((from_id = _attest_store_resolve_uuid (self, "sources", _("source"), merge->from,
                                             error)) < 0
      || (into_id = _attest_store_resolve_uuid (self, "sources", _("source"), merge->into,
                                                error)) < 0
      || !(from = _attest_store_get_source_by_id (self, from_id, error)))
    return FALSE;
  if (from_id == into_id)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("A source cannot be merged into itself."));
      return FALSE;
    }

  /* The name it went by, and every alias, now point at the source that stays. */
  if (!add_alias_in_change (self, into_id, attest_source_get_name (from), error))
    return FALSE;
  aliases = attest_source_get_aliases (from);
  for (guint i = 0; aliases[i] != NULL; i++)
    if (!add_alias_in_change (self, into_id, aliases[i], error))
      return FALSE;

  /* Tags both had would collide: the merged source keeps one of each. */
  if (!(drop_tags = _attest_store_prepare (self,
          "SELECT rowid FROM source_tags WHERE source_id = ?1 AND tag_id IN "
          "(SELECT tag_id FROM source_tags WHERE source_id = ?2)", error)))
    return FALSE;
  sqlite3_bind_int64 (drop_tags, 1, from_id);
  sqlite3_bind_int64 (drop_tags, 2, into_id);
  while (sqlite3_step (drop_tags) == SQLITE_ROW)
    if (!_attest_store_touch_row (self, "source_tags", sqlite3_column_int64 (drop_tags, 0), error))
      return FALSE;
  if (!(stmt = _attest_store_prepare (self,
          "DELETE FROM source_tags WHERE source_id = ?1 AND tag_id IN "
          "(SELECT tag_id FROM source_tags WHERE source_id = ?2)", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_id);
  sqlite3_bind_int64 (stmt, 2, into_id);
  if (!_attest_store_step_done (self, stmt, _("Could not merge the sources"), error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!repoint (self, "annotations", "speaker_id", from_id, into_id, error)
      || !repoint (self, "source_tags", "source_id", from_id, into_id, error)
      || !repoint (self, "incidents", "actor1_source_id", from_id, into_id, error)
      || !repoint (self, "incidents", "actor2_source_id", from_id, into_id, error)
      || !_attest_store_touch_dependents (self, "source_aliases", "source_id", from_id, error)
      || !_attest_store_touch_row (self, "sources", from_id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self, "DELETE FROM sources WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_id);
  return _attest_store_step_done (self, stmt, _("Could not merge the sources"), error);
}

gboolean
attest_store_merge_sources (AttestStore  *self,
                            const char   *from_uuid,
                            const char   *into_uuid,
                            GError      **error)
{
  Merge merge = { from_uuid, into_uuid };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Merge sources"), merge_fn, &merge, error);
}

typedef struct
{
  guint n_merged;   /* out */
} DuplicateMerge;

/* Sources with the same name (any case) and kind, as two coders each create them: every
 * group goes into its oldest member. */
static gboolean
merge_duplicates_fn (AttestStore  *self,
                     gpointer      data,
                     GError      **error)
{
  DuplicateMerge *dm = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);

  if (!(stmt = _attest_store_prepare (self,
          "SELECT d.uuid, k.uuid FROM sources d JOIN sources k "
          "ON k.name = d.name COLLATE NOCASE AND k.kind = d.kind AND k.id < d.id "
          "AND NOT EXISTS (SELECT 1 FROM sources o WHERE o.name = d.name COLLATE NOCASE "
          "                AND o.kind = d.kind AND o.id < k.id) "
          "ORDER BY d.id", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (pairs, g_strdup (_attest_column_text (stmt, 0)));
      g_ptr_array_add (pairs, g_strdup (_attest_column_text (stmt, 1)));
    }

  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      Merge merge = { pairs->pdata[i], pairs->pdata[i + 1] };

      if (!merge_fn (self, &merge, error))
        return FALSE;
      dm->n_merged++;
    }
  return TRUE;
}

gboolean
attest_store_merge_duplicate_sources (AttestStore  *self,
                                      guint        *n_merged,
                                      GError      **error)
{
  DuplicateMerge dm = { 0 };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  if (!_attest_store_run_change (self, _("Merge duplicate sources"), merge_duplicates_fn, &dm,
                                 error))
    return FALSE;
  if (n_merged != NULL)
    *n_merged = dm.n_merged;
  return TRUE;
}

static gboolean
delete_source_fn (AttestStore  *self,
                  gpointer      data,
                  GError      **error)
{
  const char *uuid = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  /* ON DELETE SET NULL and CASCADE change these rows: record them first. */
  if ((id = _attest_store_resolve_uuid (self, "sources", _("source"), uuid, error)) < 0
      || !_attest_store_touch_dependents (self, "annotations", "speaker_id", id, error)
      || !_attest_store_touch_dependents (self, "incidents", "actor1_source_id", id, error)
      || !_attest_store_touch_dependents (self, "incidents", "actor2_source_id", id, error)
      || !_attest_store_touch_dependents (self, "source_tags", "source_id", id, error)
      || !_attest_store_touch_dependents (self, "source_aliases", "source_id", id, error)
      || !_attest_store_touch_row (self, "sources", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self, "DELETE FROM sources WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _attest_store_step_done (self, stmt, _("Could not delete the source"), error);
}

gboolean
attest_store_delete_source (AttestStore  *self,
                            const char   *uuid,
                            GError      **error)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Delete source"), delete_source_fn, (gpointer) uuid,
                                   error);
}

/* The list of kinds */

typedef struct
{
  const char *key;
  const char *label;
} KindEdit;

static gint64
find_kind (AttestStore *self,
           const char  *key)
{
  g_autoptr(sqlite3_stmt) stmt = _attest_store_prepare (self,
      "SELECT id FROM source_kinds WHERE key = ?", NULL);

  if (stmt == NULL || key == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
}

static gboolean
valid_kind_key (const char *key)
{
  if (key == NULL || *key == '\0' || strlen (key) > 40)
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
add_kind_fn (AttestStore  *self,
             gpointer      data,
             GError      **error)
{
  KindEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *label = g_strstrip (g_strdup (edit->label ? edit->label : ""));

  if (!valid_kind_key (edit->key))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("“%s” cannot be a kind's key: use lower-case letters, digits and “-”."),
                   edit->key ? edit->key : "");
      return FALSE;
    }
  if (find_kind (self, edit->key) >= 0)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("There is already a kind “%s”."), edit->key);
      return FALSE;
    }

  if (!(stmt = _attest_store_prepare (self,
          "INSERT INTO source_kinds (uuid, key, label, position) "
          "VALUES (?, ?, ?, (SELECT coalesce (max (position), 0) + 1 FROM source_kinds))",
          error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, edit->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, *label ? label : edit->key, -1, SQLITE_STATIC);
  if (!_attest_store_step_done (self, stmt, _("Could not add the kind"), error))
    return FALSE;

  return _attest_store_touch_new_row (self, "source_kinds",
                                      sqlite3_last_insert_rowid (_attest_store_get_db (self)));
}

gboolean
attest_store_add_source_kind (AttestStore  *self,
                              const char   *key,
                              const char   *label,
                              GError      **error)
{
  KindEdit edit = { key, label };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Add kind of source"), add_kind_fn, &edit, error);
}

static gboolean
rename_kind_fn (AttestStore  *self,
                gpointer      data,
                GError      **error)
{
  KindEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *label = g_strstrip (g_strdup (edit->label ? edit->label : ""));
  gint64 id = find_kind (self, edit->key);

  if (id < 0)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                   _("There is no kind “%s”."), edit->key);
      return FALSE;
    }
  if (*label == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("A kind needs a name."));
      return FALSE;
    }
  if (!_attest_store_touch_row (self, "source_kinds", id, error)
      || !(stmt = _attest_store_prepare (self, "UPDATE source_kinds SET label = ? WHERE id = ?",
                                         error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  return _attest_store_step_done (self, stmt, _("Could not rename the kind"), error);
}

gboolean
attest_store_rename_source_kind (AttestStore  *self,
                                 const char   *key,
                                 const char   *label,
                                 GError      **error)
{
  KindEdit edit = { key, label };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Rename kind of source"), rename_kind_fn, &edit,
                                   error);
}

static gboolean
remove_kind_fn (AttestStore  *self,
                gpointer      data,
                GError      **error)
{
  KindEdit *edit = data;
  g_autoptr(sqlite3_stmt) users = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = find_kind (self, edit->key);

  if (id < 0)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                   _("There is no kind “%s”."), edit->key);
      return FALSE;
    }
  if (g_str_equal (edit->key, "other"))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("“Other” stays: sources of a removed kind become “Other”."));
      return FALSE;
    }

  if (!(users = _attest_store_prepare (self, "SELECT id FROM sources WHERE kind = ?", error)))
    return FALSE;
  sqlite3_bind_text (users, 1, edit->key, -1, SQLITE_STATIC);
  while (sqlite3_step (users) == SQLITE_ROW)
    if (!_attest_store_touch_row (self, "sources", sqlite3_column_int64 (users, 0), error))
      return FALSE;

  if (!_attest_store_touch_row (self, "source_kinds", id, error)
      || !(stmt = _attest_store_prepare (self,
             "UPDATE sources SET kind = 'other' WHERE kind = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, edit->key, -1, SQLITE_STATIC);
  if (!_attest_store_step_done (self, stmt, _("Could not remove the kind"), error))
    return FALSE;

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _attest_store_prepare (self, "DELETE FROM source_kinds WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _attest_store_step_done (self, stmt, _("Could not remove the kind"), error);
}

gboolean
attest_store_remove_source_kind (AttestStore  *self,
                                 const char   *key,
                                 GError      **error)
{
  KindEdit edit = { key, NULL };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return _attest_store_run_change (self, _("Remove kind of source"), remove_kind_fn, &edit,
                                   error);
}
