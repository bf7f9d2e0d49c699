/* attest-store-collections.c: named sets of articles, made by hand, from a search or by a
 * rule. Every edit is one undoable change (see attest-store.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "attest-error.h"
#include "attest-store-private.h"

void
attest_collection_free (AttestCollection *collection)
{
  if (collection == NULL)
    return;

  g_free (collection->uuid);
  g_free (collection->name);
  g_free (collection->description);
  g_free (collection->created_at);
  g_free (collection);
}

GPtrArray *
attest_store_list_collections (AttestStore  *self,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) collections = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_collection_free);

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!(stmt = _attest_store_prepare (self,
          "SELECT c.uuid, c.name, c.description, c.created_at, "
          "(SELECT count(*) FROM collection_articles x WHERE x.collection_id = c.id) "
          "FROM collections c ORDER BY c.name COLLATE NOCASE, c.id", error)))
    return NULL;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AttestCollection *c = g_new0 (AttestCollection, 1);

      c->uuid = g_strdup (_attest_column_text (stmt, 0));
      c->name = g_strdup (_attest_column_text (stmt, 1));
      c->description = g_strdup (_attest_column_text (stmt, 2));
      c->created_at = g_strdup (_attest_column_text (stmt, 3));
      c->n_articles = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (collections, c);
    }

  return g_steal_pointer (&collections);
}

typedef struct
{
  const char               *uuid;
  const char               *name;
  const char               *description;
  const char * const       *articles;
  gboolean                  member;
  const char               *query;
  const AttestSearchFilter *filter;
  guint                     n_added;   /* out */
  char                     *new_uuid;  /* out */
} CollectionEdit;

static gboolean
create_fn (AttestStore  *self,
           gpointer      data,
           GError      **error)
{
  CollectionEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = g_strstrip (g_strdup (edit->name ? edit->name : ""));
  g_autofree char *now = _attest_now_iso8601 ();

  if (*name == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("A collection needs a name."));
      return FALSE;
    }

  edit->new_uuid = g_uuid_string_random ();
  if (!(stmt = _attest_store_prepare (self,
          "INSERT INTO collections (uuid, name, description, created_at) VALUES (?, ?, ?, ?)",
          error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, edit->new_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  _attest_bind_text_or_null (stmt, 3, edit->description);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  if (!_attest_store_step_done (self, stmt, _("Could not create the collection"), error))
    return FALSE;

  return _attest_store_touch_new_row (self, "collections",
                                      sqlite3_last_insert_rowid (_attest_store_get_db (self)));
}

char *
attest_store_create_collection (AttestStore  *self,
                                const char   *name,
                                const char   *description,
                                GError      **error)
{
  CollectionEdit edit = { .name = name, .description = description };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!_attest_store_run_change (self, _("Create collection"), create_fn, &edit, error))
    {
      g_free (edit.new_uuid);
      return NULL;
    }
  return edit.new_uuid;
}

static gboolean
rename_fn (AttestStore  *self,
           gpointer      data,
           GError      **error)
{
  CollectionEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = g_strstrip (g_strdup (edit->name ? edit->name : ""));
  gint64 id;

  if (*name == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("A collection needs a name."));
      return FALSE;
    }
  if ((id = _attest_store_resolve_uuid (self, "collections", _("collection"), edit->uuid,
                                        error)) < 0
      || !_attest_store_touch_row (self, "collections", id, error)
      || !(stmt = _attest_store_prepare (self, "UPDATE collections SET name = ? WHERE id = ?",
                                         error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  return _attest_store_step_done (self, stmt, _("Could not rename the collection"), error);
}

gboolean
attest_store_rename_collection (AttestStore  *self,
                                const char   *uuid,
                                const char   *name,
                                GError      **error)
{
  CollectionEdit edit = { .uuid = uuid, .name = name };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Rename collection"), rename_fn, &edit, error);
}

static gboolean
delete_fn (AttestStore  *self,
           gpointer      data,
           GError      **error)
{
  CollectionEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "collections", _("collection"), edit->uuid,
                                        error)) < 0
      || !_attest_store_touch_dependents (self, "collection_articles", "collection_id", id,
                                          error)
      || !_attest_store_touch_row (self, "collections", id, error)
      || !(stmt = _attest_store_prepare (self, "DELETE FROM collections WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _attest_store_step_done (self, stmt, _("Could not delete the collection"), error);
}

gboolean
attest_store_delete_collection (AttestStore  *self,
                                const char   *uuid,
                                GError      **error)
{
  CollectionEdit edit = { .uuid = uuid };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Delete collection"), delete_fn, &edit, error);
}

/* Adds or removes one article by id; counts what changed. */
static gboolean
set_member (AttestStore  *self,
            gint64        collection_id,
            gint64        article_id,
            gboolean      member,
            guint        *n_changed,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean present;

  if (!(find = _attest_store_prepare (self,
          "SELECT rowid FROM collection_articles WHERE collection_id = ? AND article_id = ?",
          error)))
    return FALSE;
  sqlite3_bind_int64 (find, 1, collection_id);
  sqlite3_bind_int64 (find, 2, article_id);
  present = sqlite3_step (find) == SQLITE_ROW;
  if (present == member)
    return TRUE;

  if (member)
    {
      if (!(stmt = _attest_store_prepare (self,
              "INSERT INTO collection_articles (collection_id, article_id) VALUES (?, ?)",
              error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, collection_id);
      sqlite3_bind_int64 (stmt, 2, article_id);
      if (!_attest_store_step_done (self, stmt, _("Could not change the collection"), error))
        return FALSE;
      _attest_store_touch_new_row (self, "collection_articles",
                                   sqlite3_last_insert_rowid (_attest_store_get_db (self)));
    }
  else
    {
      gint64 rowid = sqlite3_column_int64 (find, 0);

      if (!_attest_store_touch_row (self, "collection_articles", rowid, error)
          || !(stmt = _attest_store_prepare (self,
                 "DELETE FROM collection_articles WHERE rowid = ?", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      if (!_attest_store_step_done (self, stmt, _("Could not change the collection"), error))
        return FALSE;
    }

  (*n_changed)++;
  return TRUE;
}

static gboolean
set_articles_fn (AttestStore  *self,
                 gpointer      data,
                 GError      **error)
{
  CollectionEdit *edit = data;
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "collections", _("collection"), edit->uuid,
                                        error)) < 0)
    return FALSE;

  for (guint i = 0; edit->articles[i] != NULL; i++)
    {
      gint64 article_id = _attest_store_resolve_uuid (self, "articles", _("article"),
                                                      edit->articles[i], error);

      if (article_id < 0
          || !set_member (self, id, article_id, edit->member, &edit->n_added, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
attest_store_set_collection_articles (AttestStore         *self,
                                      const char          *uuid,
                                      const char * const  *article_uuids,
                                      gboolean             member,
                                      GError             **error)
{
  CollectionEdit edit = { .uuid = uuid, .articles = article_uuids, .member = member };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (article_uuids != NULL, FALSE);

  return _attest_store_run_change (self, member ? _("Add to collection")
                                                : _("Remove from collection"),
                                   set_articles_fn, &edit, error);
}

static gboolean
by_rule_fn (AttestStore  *self,
            gpointer      data,
            GError      **error)
{
  CollectionEdit *edit = data;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "collections", _("collection"), edit->uuid,
                                        error)) < 0
      || !(hits = attest_store_search_filtered (self, edit->query, edit->filter, G_MAXINT32,
                                                error)))
    return FALSE;

  for (guint i = 0; i < hits->len; i++)
    {
      AttestSearchHit *hit = g_ptr_array_index (hits, i);
      gint64 article_id;

      if (!g_hash_table_add (seen, hit->article_uuid))
        continue;
      if ((article_id = _attest_store_resolve_uuid (self, "articles", _("article"),
                                                    hit->article_uuid, error)) < 0
          || !set_member (self, id, article_id, TRUE, &edit->n_added, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
attest_store_add_to_collection_by_rule (AttestStore               *self,
                                        const char                *uuid,
                                        const char                *query,
                                        const AttestSearchFilter  *filter,
                                        guint                     *n_added,
                                        GError                   **error)
{
  CollectionEdit edit = { .uuid = uuid, .query = query, .filter = filter };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  if (!_attest_store_run_change (self, _("Add to collection"), by_rule_fn, &edit, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = edit.n_added;
  return TRUE;
}

GStrv
attest_store_list_collection_articles (AttestStore  *self,
                                       const char   *uuid,
                                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gint64 id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if ((id = _attest_store_resolve_uuid (self, "collections", _("collection"), uuid, error)) < 0
      || !(stmt = _attest_store_prepare (self,
             "SELECT a.uuid FROM collection_articles x JOIN articles a ON a.id = x.article_id "
             "WHERE x.collection_id = ? ORDER BY a.id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, _attest_column_text (stmt, 0));

  return g_strv_builder_end (builder);
}
