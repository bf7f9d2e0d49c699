/* attest-store-queries.c: reading a project: lists, lookups, full-text search and counts.
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


/* Queries */

GPtrArray *
attest_store_list_articles (AttestStore  *self,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!(stmt = _attest_store_prepare (self,
          "SELECT " _ATTEST_ARTICLE_COLUMNS " FROM articles a ORDER BY a.id", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (articles, _attest_article_new_from_stmt (stmt, FALSE));
  if (rc != SQLITE_DONE)
    {
      _attest_store_set_error (self, error, _("Could not list the articles"));
      return NULL;
    }

  return g_steal_pointer (&articles);
}

GArray *
attest_store_list_article_ids (AttestStore  *self,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!(stmt = _attest_store_prepare (self, "SELECT id FROM articles ORDER BY id", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _attest_store_set_error (self, error, _("Could not list the articles"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

GArray *
_attest_store_list_article_versions (AttestStore  *self,
                                     GArray      **versions,
                                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (guint));
  int rc;

  /* The covering index of schema 6 (articles_modified): the bodies are not read. */
  if (!(stmt = _attest_store_prepare (self,
          "SELECT id, modified_at FROM articles ORDER BY id", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *modified = _attest_column_text (stmt, 1);
      guint hash = modified ? g_str_hash (modified) : 0;

      g_array_append_val (ids, id);
      g_array_append_val (hashes, hash);
    }
  if (rc != SQLITE_DONE)
    {
      _attest_store_set_error (self, error, _("Could not list the articles"));
      return NULL;
    }

  *versions = g_steal_pointer (&hashes);
  return g_steal_pointer (&ids);
}

AttestArticle *
attest_store_get_article_by_id (AttestStore  *self,
                                gint64        id,
                                gboolean      with_body,
                                GError      **error)
{
  sqlite3_stmt *stmt;
  AttestArticle *article;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  /* A list view asks for every row it shows: the statement is kept prepared. */
  if (!(stmt = _attest_store_prepare_cached (self,
          with_body ? "SELECT " _ATTEST_ARTICLE_COLUMNS ", a.body FROM articles a WHERE a.id = ?"
                    : "SELECT " _ATTEST_ARTICLE_COLUMNS " FROM articles a WHERE a.id = ?",
          error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                   _("There is no article %lld in this project."), (long long) id);
      return NULL;
    }

  article = _attest_article_new_from_stmt (stmt, with_body);
  /* Reset, or the statement would hold a read transaction open: this connection would
   * not see what others write, and the WAL could not be checkpointed. */
  sqlite3_reset (stmt);
  return article;
}


AttestArticle *
attest_store_get_article (AttestStore  *self,
                          const char   *uuid,
                          GError      **error)
{
  gint64 id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if ((id = _attest_store_resolve_uuid (self, "articles", _("article"), uuid, error)) < 0)
    return NULL;

  return attest_store_get_article_by_id (self, id, TRUE, error);
}

static GPtrArray *
list_sources_where (AttestStore  *self,
                    const char   *where,
                    const char   *arg,
                    GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " _ATTEST_SOURCE_COLUMNS
                                          " FROM sources s %s ORDER BY s.name COLLATE NOCASE, s.id",
                                          where ? where : "");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  /* By name, the argument is text; the shared collector binds ids only. */
  if (!(stmt = _attest_store_prepare (self, sql, error)))
    return NULL;
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sources, _attest_source_new_from_stmt (stmt));
  if (rc != SQLITE_DONE)
    {
      _attest_store_set_error (self, error, _("Could not list the sources"));
      return NULL;
    }

  return g_steal_pointer (&sources);
}

GPtrArray *
attest_store_list_sources (AttestStore  *self,
                           GError      **error)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  return list_sources_where (self, NULL, NULL, error);
}

guint
attest_store_count_articles (AttestStore *self)
{
  gint64 n = 0;

  g_return_val_if_fail (ATTEST_IS_STORE (self), 0);

  /* From the covering index of schema 6, not the table of bodies. */
  if (!_attest_store_query_int (self, "SELECT count(*) FROM articles", &n, NULL))
    return 0;
  return (guint) n;
}

guint
attest_store_count_sources (AttestStore *self)
{
  gint64 n = 0;

  g_return_val_if_fail (ATTEST_IS_STORE (self), 0);

  if (!_attest_store_query_int (self, "SELECT count(*) FROM sources", &n, NULL))
    return 0;
  return (guint) n;
}

AttestSource *
_attest_store_get_source_by_id (AttestStore  *self,
                                gint64        id,
                                GError      **error)
{
  return _attest_store_first (_attest_store_collect (self,
                                                     "SELECT " _ATTEST_SOURCE_COLUMNS
                                                     " FROM sources s WHERE s.id = ?1",
                                                     TRUE, id,
                                                     (_AttestRowFunc) _attest_source_new_from_stmt,
                                                     g_object_unref,
                                                     _("Could not read the source"), error),
                              _("There is no such source in this project."), error);
}

AttestSource *
attest_store_get_source (AttestStore  *self,
                         const char   *uuid,
                         GError      **error)
{
  gint64 id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if ((id = _attest_store_resolve_uuid (self, "sources", _("source"), uuid, error)) < 0)
    return NULL;

  return _attest_store_get_source_by_id (self, id, error);
}

AttestSource *
attest_store_find_source (AttestStore  *self,
                          const char   *name,
                          GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stripped = g_strstrip (g_strdup (name));
  if (!(found = list_sources_where (self,
          "WHERE s.name = ?1 COLLATE NOCASE OR s.id IN "
          "(SELECT source_id FROM source_aliases WHERE alias = ?1 COLLATE NOCASE)",
          stripped, error)))
    return NULL;

  if (found->len == 0)
    return NULL;

  /* An exact name beats an alias; then the oldest source. */
  for (guint i = 0; i < found->len; i++)
    {
      AttestSource *source = g_ptr_array_index (found, i);

      if (g_utf8_collate (attest_source_get_name (source), stripped) == 0)
        return g_object_ref (source);
    }

  return g_object_ref (g_ptr_array_index (found, 0));
}

static GPtrArray *
list_annotations_where (AttestStore  *self,
                        const char   *where,
                        gint64        arg,
                        GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " _ATTEST_ANNOTATION_COLUMNS
                                          " FROM " _ATTEST_ANNOTATION_FROM
                                          " %s ORDER BY n.article_id, n.start, n.\"end\", n.id",
                                          where ? where : "");

  return _attest_store_collect (self, sql, where != NULL, arg,
                                (_AttestRowFunc) _attest_annotation_new_from_stmt, g_object_unref,
                                _("Could not list the annotations"), error);
}

GPtrArray *
attest_store_list_annotations_by_source (AttestStore  *self,
                                         const char   *source_uuid,
                                         GError      **error)
{
  gint64 source_id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if ((source_id = _attest_store_resolve_uuid (self, "sources", _("source"), source_uuid,
                                               error)) < 0)
    return NULL;

  return list_annotations_where (self, "WHERE n.speaker_id = ?1", source_id, error);
}

GPtrArray *
attest_store_list_annotations (AttestStore  *self,
                               const char   *article_uuid,
                               GError      **error)
{
  gint64 article_id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (article_uuid == NULL)
    return list_annotations_where (self, NULL, 0, error);

  if ((article_id = _attest_store_resolve_uuid (self, "articles", _("article"), article_uuid, error)) < 0)
    return NULL;

  return list_annotations_where (self, "WHERE n.article_id = ?1", article_id, error);
}

AttestAnnotation *
_attest_store_get_annotation_by_id (AttestStore  *self,
                                    gint64        id,
                                    GError      **error)
{
  return _attest_store_first (list_annotations_where (self, "WHERE n.id = ?1", id, error),
                              _("There is no such annotation in this project."), error);
}

AttestAnnotation *
attest_store_get_annotation (AttestStore  *self,
                             const char   *uuid,
                             GError      **error)
{
  gint64 id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if ((id = _attest_store_resolve_uuid (self, "annotations", _("annotation"), uuid, error)) < 0)
    return NULL;

  return _attest_store_get_annotation_by_id (self, id, error);
}

GStrv
attest_store_list_source_kinds (AttestStore  *self,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!(stmt = _attest_store_prepare (self,
          "SELECT key FROM source_kinds ORDER BY position, id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (keys, _attest_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _attest_store_set_error (self, error, _("Could not list the source kinds"));
      return NULL;
    }

  return g_strv_builder_end (keys);
}

char *
attest_store_get_source_kind_label (AttestStore *self,
                                    const char  *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (key == NULL
      || !(stmt = _attest_store_prepare (self,
             "SELECT label FROM source_kinds WHERE key = ?", NULL)))
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup (key);

  /* Seeded labels are English msgids; ones a user typed pass through unchanged. */
  return g_strdup (g_dgettext (GETTEXT_PACKAGE, _attest_column_text (stmt, 0)));
}

void
attest_search_hit_free (AttestSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->article_uuid);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit->annotation_uuid);
  g_free (hit);
}

/* Each word of what the user typed becomes a quoted FTS5 string, so that punctuation and
 * operators in it are searched for, not interpreted; a trailing * keeps its prefix meaning. */
static char *
make_fts_query (const char *query)
{
  g_auto(GStrv) words = g_strsplit_set (query, " \t\n\r", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *word = words[i];
      gsize len = strlen (word);
      gboolean prefix = FALSE;

      if (len > 0 && word[len - 1] == '*')
        {
          word[--len] = '\0';
          prefix = TRUE;
        }
      if (len == 0)
        continue;

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, '"');
      for (const char *p = word; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
      if (prefix)
        g_string_append_c (out, '*');
    }

  return g_string_free (out, out->len == 0);
}

static gboolean
collect_hits (AttestStore               *self,
              GPtrArray                 *hits,
              const char                *sql,
              const char                *fts_query,
              guint                      limit,
              const AttestSearchFilter  *filter,
              gboolean                   in_annotations,
              GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _attest_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, limit);
  _attest_bind_text_or_null (stmt, 3, filter->outlet);
  _attest_bind_text_or_null (stmt, 4, filter->date_from);
  _attest_bind_text_or_null (stmt, 5, filter->date_to);
  _attest_bind_text_or_null (stmt, 6, filter->source_kind);
  _attest_bind_text_or_null (stmt, 7, filter->tag_uuid);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttestSearchHit *hit = g_new0 (AttestSearchHit, 1);

      hit->article_uuid = g_strdup (_attest_column_text (stmt, 0));
      hit->title = g_strdup (_attest_column_text (stmt, 1));
      hit->snippet = g_strdup (_attest_column_text (stmt, 2));
      hit->rank = sqlite3_column_double (stmt, 3);
      if (in_annotations)
        hit->annotation_uuid = g_strdup (_attest_column_text (stmt, 4));
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    return _attest_store_set_error (self, error, _("Could not search"));

  return TRUE;
}

/* The tag and everything under it. */
#define TAG_TREE \
  "WITH RECURSIVE tag_tree (id) AS (SELECT id FROM tags WHERE uuid = ?7 " \
  "  UNION SELECT t.id FROM tags t JOIN tag_tree ON t.parent_id = tag_tree.id) "

/* Filters on the article: its outlet and date, and whether any of its annotations has a
 * speaker of the kind, or a tag in the tag's tree. Unset filters (NULL) pass everything. */
#define ARTICLE_FILTER \
  "(?3 IS NULL OR a.outlet = ?3 COLLATE NOCASE) " \
  "AND (?4 IS NULL OR substr (a.published, 1, 10) >= ?4) " \
  "AND (?5 IS NULL OR substr (a.published, 1, 10) <= ?5) "

#define ARTICLE_HAS_KIND_AND_TAG \
  "AND (?6 IS NULL OR EXISTS (SELECT 1 FROM annotations k JOIN sources ks " \
  "     ON ks.id = k.speaker_id WHERE k.article_id = a.id AND ks.kind = ?6)) " \
  "AND (?7 IS NULL OR EXISTS (SELECT 1 FROM annotations g JOIN annotation_tags gt " \
  "     ON gt.annotation_id = g.id WHERE g.article_id = a.id " \
  "     AND gt.tag_id IN (SELECT id FROM tag_tree))) "

#define ANNOTATION_HAS_KIND_AND_TAG \
  "AND (?6 IS NULL OR EXISTS (SELECT 1 FROM sources ks WHERE ks.id = n.speaker_id " \
  "     AND ks.kind = ?6)) " \
  "AND (?7 IS NULL OR EXISTS (SELECT 1 FROM annotation_tags gt WHERE gt.annotation_id = n.id " \
  "     AND gt.tag_id IN (SELECT id FROM tag_tree))) "

GPtrArray *
attest_store_search_filtered (AttestStore               *self,
                              const char                *query,
                              const AttestSearchFilter  *filter,
                              guint                      limit,
                              GError                   **error)
{
  static const AttestSearchFilter no_filter = { 0 };
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_search_hit_free);
  g_autofree char *fts_query = NULL;
  gboolean filtered;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (filter == NULL)
    filter = &no_filter;
  filtered = filter->outlet || filter->date_from || filter->date_to || filter->source_kind
             || filter->tag_uuid;
  if (query != NULL)
    fts_query = make_fts_query (query);
  if (fts_query == NULL && !filtered)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Type a word to search for."));
      return NULL;
    }
  if (limit == 0)
    limit = 50;

  /* Filters alone list the articles that pass them, newest first. */
  if (fts_query == NULL)
    {
      if (!collect_hits (self, hits,
            TAG_TREE
            "SELECT a.uuid, a.title, substr (a.body, 1, 160), 0 FROM articles a "
            "WHERE ?1 IS NULL AND " ARTICLE_FILTER ARTICLE_HAS_KIND_AND_TAG
            "ORDER BY a.published DESC, a.id LIMIT ?2",
            NULL, limit, filter, FALSE, error))
        return NULL;
      return g_steal_pointer (&hits);
    }

  /* Titles weigh ten times the body. */
  if (!collect_hits (self, hits,
        TAG_TREE
        "SELECT a.uuid, a.title, snippet (articles_fts, 1, '[', ']', '…', 12), "
        "       bm25 (articles_fts, 10.0, 1.0) "
        "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        "WHERE articles_fts MATCH ?1 AND " ARTICLE_FILTER ARTICLE_HAS_KIND_AND_TAG
        "ORDER BY bm25 (articles_fts, 10.0, 1.0) LIMIT ?2",
        fts_query, limit, filter, FALSE, error)
      || !collect_hits (self, hits,
        TAG_TREE
        "SELECT a.uuid, a.title, snippet (annotations_fts, -1, '[', ']', '…', 12), "
        "       bm25 (annotations_fts), n.uuid "
        "FROM annotations_fts JOIN annotations n ON n.id = annotations_fts.rowid "
        "JOIN articles a ON a.id = n.article_id "
        "WHERE annotations_fts MATCH ?1 AND " ARTICLE_FILTER ANNOTATION_HAS_KIND_AND_TAG
        "ORDER BY bm25 (annotations_fts) LIMIT ?2",
        fts_query, limit, filter, TRUE, error))
    return NULL;

  return g_steal_pointer (&hits);
}

GPtrArray *
attest_store_search (AttestStore  *self,
                     const char   *query,
                     guint         limit,
                     GError      **error)
{
  return attest_store_search_filtered (self, query, NULL, limit, error);
}

gboolean
attest_store_get_stats (AttestStore  *self,
                        AttestStats  *stats,
                        GError      **error)
{
  static const struct {
    const char *sql;
    gsize       offset;
  } counts[] = {
    { "SELECT count(*) FROM articles", G_STRUCT_OFFSET (AttestStats, articles) },
    { "SELECT count(*) FROM sources", G_STRUCT_OFFSET (AttestStats, sources) },
    { "SELECT count(*) FROM annotations", G_STRUCT_OFFSET (AttestStats, annotations) },
    { "SELECT count(*) FROM annotations WHERE kind IN ('direct', 'indirect')",
      G_STRUCT_OFFSET (AttestStats, quotes) },
    { "SELECT count(*) FROM tags", G_STRUCT_OFFSET (AttestStats, tags) },
    { "SELECT count(*) FROM incidents", G_STRUCT_OFFSET (AttestStats, incidents) },
    { "SELECT count(*) FROM collections", G_STRUCT_OFFSET (AttestStats, collections) },
  };
  g_autoptr(sqlite3_stmt) by_kind = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  memset (stats, 0, sizeof *stats);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gint64 n;

      if (!_attest_store_query_int (self, counts[i].sql, &n, error))
        return FALSE;
      G_STRUCT_MEMBER (guint, stats, counts[i].offset) = n;
    }

  if (!(by_kind = _attest_store_prepare (self,
          "SELECT kind, count(*) FROM annotations GROUP BY kind", error)))
    return FALSE;
  while (sqlite3_step (by_kind) == SQLITE_ROW)
    {
      AttestAnnotationKind kind;

      if (attest_annotation_kind_from_string (_attest_column_text (by_kind, 0), &kind))
        stats->by_kind[kind] = sqlite3_column_int (by_kind, 1);
    }

  return TRUE;
}
