/* attest-store-codebook.c: the hierarchical codebook of tags. Every edit is one undoable
 * change (see attest-store.c).
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

/* Tags nest at most this deep; deeper codebooks are a sign of a cycle or a mistake. */
#define MAX_TAG_DEPTH 32

static gboolean
check_color (const char  *color,
             GError     **error)
{
  if (color == NULL || *color == '\0')
    return TRUE;
  if (strlen (color) == 7 && color[0] == '#')
    {
      for (guint i = 1; i < 7; i++)
        if (!g_ascii_isxdigit (color[i]))
          goto bad;
      return TRUE;
    }
bad:
  g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
               _("“%s” is not a colour; use the form #rrggbb."), color);
  return FALSE;
}

/* Siblings may not share a name: "Casualties" under "Violence" is one tag. */
static gboolean
check_sibling_name (AttestStore  *self,
                    gint64        parent_id,
                    const char   *name,
                    gint64        except_id,
                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _attest_store_prepare (self,
      "SELECT 1 FROM tags WHERE parent_id IS ?1 AND name = ?2 COLLATE NOCASE AND id <> ?3",
      error);

  if (stmt == NULL)
    return FALSE;
  if (parent_id >= 0)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, except_id);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("There is already a tag “%s” here."), name);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
list_tags_where (AttestStore  *self,
                 const char   *where,
                 gint64        arg,
                 GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " _ATTEST_TAG_COLUMNS " FROM tags t %s "
                                          "ORDER BY t.name COLLATE NOCASE, t.id",
                                          where ? where : "");

  return _attest_store_collect (self, sql, where != NULL, arg,
                                (_AttestRowFunc) _attest_tag_new_from_stmt, g_object_unref,
                                _("Could not read the codebook"), error);
}

static void
add_subtree (GPtrArray   *out,
             GHashTable  *children,
             const char  *parent_uuid,
             guint        depth)
{
  GPtrArray *kids = g_hash_table_lookup (children, parent_uuid ? parent_uuid : "");

  if (kids == NULL || depth > MAX_TAG_DEPTH)
    return;

  for (guint i = 0; i < kids->len; i++)
    {
      AttestTag *tag = g_ptr_array_index (kids, i);

      g_ptr_array_add (out, g_object_ref (tag));
      add_subtree (out, children, attest_tag_get_uuid (tag), depth + 1);
    }
}

GPtrArray *
attest_store_list_tags (AttestStore  *self,
                        GError      **error)
{
  g_autoptr(GPtrArray) flat = NULL;
  g_autoptr(GHashTable) children = NULL;
  GPtrArray *out;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!(flat = list_tags_where (self, NULL, 0, error)))
    return NULL;

  children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < flat->len; i++)
    {
      AttestTag *tag = g_ptr_array_index (flat, i);
      const char *parent = attest_tag_get_parent_uuid (tag);
      GPtrArray *kids = g_hash_table_lookup (children, parent ? parent : "");

      if (kids == NULL)
        {
          kids = g_ptr_array_new ();
          g_hash_table_insert (children, g_strdup (parent ? parent : ""), kids);
        }
      g_ptr_array_add (kids, tag);
    }

  out = g_ptr_array_new_with_free_func (g_object_unref);
  add_subtree (out, children, NULL, 0);
  return out;
}

static AttestTag *
get_tag_by_id (AttestStore  *self,
               gint64        id,
               GError      **error)
{
  return _attest_store_first (list_tags_where (self, "WHERE t.id = ?1", id, error),
                              _("There is no such tag in this project."), error);
}

AttestTag *
attest_store_get_tag (AttestStore  *self,
                      const char   *uuid,
                      GError      **error)
{
  gint64 id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if ((id = _attest_store_resolve_uuid (self, "tags", _("tag"), uuid, error)) < 0)
    return NULL;
  return get_tag_by_id (self, id, error);
}

typedef struct
{
  const char *uuid;
  const char *name;
  const char *parent_uuid;
  const char *color;
  const char *description;
  const char *memo;
  gint64      id;   /* out, for create */
} TagEdit;

static gint64
resolve_parent (AttestStore  *self,
                const char   *parent_uuid,
                GError      **error)
{
  if (parent_uuid == NULL)
    return -1;
  return _attest_store_resolve_uuid (self, "tags", _("tag"), parent_uuid, error);
}

static gboolean
create_tag_fn (AttestStore  *self,
               gpointer      data,
               GError      **error)
{
  TagEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = g_strstrip (g_strdup (edit->name ? edit->name : ""));
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 parent_id = -1;

  if (*name == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("A tag needs a name."));
      return FALSE;
    }
  if (edit->parent_uuid != NULL && (parent_id = resolve_parent (self, edit->parent_uuid,
                                                                error)) < 0)
    return FALSE;
  if (!check_color (edit->color, error) || !check_sibling_name (self, parent_id, name, -1, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self,
          "INSERT INTO tags (uuid, parent_id, name, color, description) VALUES (?, ?, ?, ?, ?)",
          error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (parent_id >= 0)
    sqlite3_bind_int64 (stmt, 2, parent_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  _attest_bind_text_or_null (stmt, 4, edit->color);
  _attest_bind_text_or_null (stmt, 5, edit->description);
  if (!_attest_store_step_done (self, stmt, _("Could not add the tag"), error))
    return FALSE;

  edit->id = sqlite3_last_insert_rowid (_attest_store_get_db (self));
  return _attest_store_touch_new_row (self, "tags", edit->id);
}

AttestTag *
attest_store_create_tag (AttestStore  *self,
                         const char   *name,
                         const char   *parent_uuid,
                         const char   *color,
                         const char   *description,
                         GError      **error)
{
  TagEdit edit = { .name = name, .parent_uuid = parent_uuid, .color = color,
                   .description = description };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!_attest_store_run_change (self, _("Add tag"), create_tag_fn, &edit, error))
    return NULL;
  return get_tag_by_id (self, edit.id, error);
}

static gboolean
update_tag_fn (AttestStore  *self,
               gpointer      data,
               GError      **error)
{
  TagEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(AttestTag) tag = NULL;
  g_autofree char *name = edit->name ? g_strstrip (g_strdup (edit->name)) : NULL;
  gint64 id, parent_id = -1;

  if ((id = _attest_store_resolve_uuid (self, "tags", _("tag"), edit->uuid, error)) < 0
      || !(tag = get_tag_by_id (self, id, error)))
    return FALSE;
  if (name != NULL && *name == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("A tag needs a name."));
      return FALSE;
    }
  if (attest_tag_get_parent_uuid (tag) != NULL
      && (parent_id = resolve_parent (self, attest_tag_get_parent_uuid (tag), error)) < 0)
    return FALSE;
  if (!check_color (edit->color, error)
      || (name != NULL && !check_sibling_name (self, parent_id, name, id, error))
      || !_attest_store_touch_row (self, "tags", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self,
          "UPDATE tags SET name = coalesce (?1, name), "
          "color = CASE WHEN ?2 IS NULL THEN color ELSE nullif (?2, '') END, "
          "description = CASE WHEN ?3 IS NULL THEN description ELSE nullif (?3, '') END, "
          "memo = CASE WHEN ?4 IS NULL THEN memo ELSE nullif (?4, '') END WHERE id = ?5",
          error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, edit->color, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->memo, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, id);

  return _attest_store_step_done (self, stmt, _("Could not change the tag"), error);
}

gboolean
attest_store_update_tag (AttestStore  *self,
                         const char   *uuid,
                         const char   *name,
                         const char   *color,
                         const char   *description,
                         const char   *memo,
                         GError      **error)
{
  TagEdit edit = { .uuid = uuid, .name = name, .color = color, .description = description,
                   .memo = memo };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Edit tag"), update_tag_fn, &edit, error);
}

/* TRUE when ancestor_id is id itself or one of its ancestors. */
static gboolean
is_ancestor_or_self (AttestStore *self,
                     gint64       ancestor_id,
                     gint64       id)
{
  g_autoptr(sqlite3_stmt) stmt = _attest_store_prepare (self,
      "SELECT parent_id FROM tags WHERE id = ?", NULL);

  for (guint depth = 0; id >= 0 && depth <= MAX_TAG_DEPTH; depth++)
    {
      if (id == ancestor_id)
        return TRUE;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        return FALSE;
      id = sqlite3_column_int64 (stmt, 0);
    }

  return TRUE;  /* too deep: treat as a cycle */
}

static gboolean
move_tag_fn (AttestStore  *self,
             gpointer      data,
             GError      **error)
{
  TagEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(AttestTag) tag = NULL;
  gint64 id, parent_id = -1;

  if ((id = _attest_store_resolve_uuid (self, "tags", _("tag"), edit->uuid, error)) < 0
      || !(tag = get_tag_by_id (self, id, error)))
    return FALSE;
  if (edit->parent_uuid != NULL && (parent_id = resolve_parent (self, edit->parent_uuid,
                                                                error)) < 0)
    return FALSE;
  if (parent_id >= 0 && is_ancestor_or_self (self, id, parent_id))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("“%s” cannot go under itself or one of its own tags."),
                   attest_tag_get_name (tag));
      return FALSE;
    }
  if (!check_sibling_name (self, parent_id, attest_tag_get_name (tag), id, error)
      || !_attest_store_touch_row (self, "tags", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self, "UPDATE tags SET parent_id = ? WHERE id = ?",
                                      error)))
    return FALSE;
  if (parent_id >= 0)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, id);

  return _attest_store_step_done (self, stmt, _("Could not move the tag"), error);
}

gboolean
attest_store_move_tag (AttestStore  *self,
                       const char   *uuid,
                       const char   *parent_uuid,
                       GError      **error)
{
  TagEdit edit = { .uuid = uuid, .parent_uuid = parent_uuid };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Move tag"), move_tag_fn, &edit, error);
}

/* Records a tag, its uses and its children's, children first, so that undo puts parents
 * back before their children. */
static gboolean
touch_tag_subtree (AttestStore  *self,
                   gint64        id,
                   guint         depth,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) kids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (depth > MAX_TAG_DEPTH)
    return TRUE;

  if (!(stmt = _attest_store_prepare (self, "SELECT id FROM tags WHERE parent_id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 kid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (kids, kid);
    }

  for (guint i = 0; i < kids->len; i++)
    if (!touch_tag_subtree (self, g_array_index (kids, gint64, i), depth + 1, error))
      return FALSE;

  return _attest_store_touch_dependents (self, "annotation_tags", "tag_id", id, error)
         && _attest_store_touch_dependents (self, "source_tags", "tag_id", id, error)
         && _attest_store_touch_row (self, "tags", id, error);
}

static gboolean
delete_tag_fn (AttestStore  *self,
               gpointer      data,
               GError      **error)
{
  TagEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "tags", _("tag"), edit->uuid, error)) < 0
      || !touch_tag_subtree (self, id, 0, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self, "DELETE FROM tags WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return _attest_store_step_done (self, stmt, _("Could not delete the tag"), error);
}

gboolean
attest_store_delete_tag (AttestStore  *self,
                         const char   *uuid,
                         GError      **error)
{
  TagEdit edit = { .uuid = uuid };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Delete tag"), delete_tag_fn, &edit, error);
}

/* Tagging annotations and sources */

typedef struct
{
  const char *table;       /* annotation_tags or source_tags */
  const char *owner_table; /* annotations or sources */
  const char *column;      /* annotation_id or source_id */
  const char *what;
  const char *uuid;
  const char *tag_uuid;
  gboolean    tagged;
} TagLink;

static gboolean
set_tag_fn (AttestStore  *self,
            gpointer      data,
            GError      **error)
{
  TagLink *link = data;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *find_sql = NULL;
  g_autofree char *sql = NULL;
  gint64 owner_id, tag_id;
  gboolean exists;

  if ((owner_id = _attest_store_resolve_uuid (self, link->owner_table, link->what, link->uuid,
                                              error)) < 0
      || (tag_id = _attest_store_resolve_uuid (self, "tags", _("tag"), link->tag_uuid,
                                               error)) < 0)
    return FALSE;

  find_sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s = ? AND tag_id = ?",
                              link->table, link->column);
  if (!(find = _attest_store_prepare (self, find_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (find, 1, owner_id);
  sqlite3_bind_int64 (find, 2, tag_id);
  exists = sqlite3_step (find) == SQLITE_ROW;

  if (exists == link->tagged)
    return TRUE;  /* nothing to do; the change records no rows */

  if (link->tagged)
    {
      sql = g_strdup_printf ("INSERT INTO %s (%s, tag_id) VALUES (?, ?)", link->table,
                             link->column);
      if (!(stmt = _attest_store_prepare (self, sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, owner_id);
      sqlite3_bind_int64 (stmt, 2, tag_id);
      if (!_attest_store_step_done (self, stmt, _("Could not tag it"), error))
        return FALSE;
      return _attest_store_touch_new_row (self, link->table,
                                          sqlite3_last_insert_rowid (_attest_store_get_db (self)));
    }

  if (!_attest_store_touch_row (self, link->table, sqlite3_column_int64 (find, 0), error))
    return FALSE;
  sql = g_strdup_printf ("DELETE FROM %s WHERE rowid = ?", link->table);
  if (!(stmt = _attest_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sqlite3_column_int64 (find, 0));
  return _attest_store_step_done (self, stmt, _("Could not untag it"), error);
}

gboolean
attest_store_set_annotation_tag (AttestStore  *self,
                                 const char   *uuid,
                                 const char   *tag_uuid,
                                 gboolean      tagged,
                                 GError      **error)
{
  TagLink link = { "annotation_tags", "annotations", "annotation_id", _("annotation"),
                   uuid, tag_uuid, tagged };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, tagged ? _("Tag annotation") : _("Untag annotation"),
                                   set_tag_fn, &link, error);
}

gboolean
attest_store_set_source_tag (AttestStore  *self,
                             const char   *uuid,
                             const char   *tag_uuid,
                             gboolean      tagged,
                             GError      **error)
{
  TagLink link = { "source_tags", "sources", "source_id", _("source"), uuid, tag_uuid, tagged };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, tagged ? _("Tag source") : _("Untag source"),
                                   set_tag_fn, &link, error);
}
