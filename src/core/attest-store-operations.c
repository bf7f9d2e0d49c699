/* attest-store-operations.c: the changes a researcher makes: imports, and undoable edits of
 * sources and annotations. Each edit runs in one recorded change (see attest-store.c).
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

#define CONTEXT_CHARS      32
#define MAX_IMPORT_BYTES   (50 * 1024 * 1024)


/* Import */

static const char *
first_set (const char *a,
           const char *b)
{
  return a != NULL && *a != '\0' ? a : b;
}

static gboolean
is_markdown_name (const char *name)
{
  return name != NULL
         && (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".markdown"));
}

char *
attest_store_import_text (AttestStore              *self,
                          const char               *data,
                          gssize                    length,
                          const AttestArticleMeta  *meta,
                          GError                  **error)
{
  static const AttestArticleMeta no_meta = { 0 };
  g_autoptr(AttestText) text = NULL;
  g_autoptr(AttestCachedStmt) dup = NULL;
  g_autoptr(AttestCachedStmt) insert = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (meta == NULL)
    meta = &no_meta;

  if (!(text = attest_text_parse (data, length, is_markdown_name (meta->origin), error)))
    return NULL;

  hash = attest_text_content_hash (text->body);
  if (!(dup = _attest_store_prepare_cached (self,
          "SELECT uuid, title FROM main.articles WHERE content_hash = ?1 UNION ALL "
          "SELECT uuid, title FROM temp.pending_articles WHERE content_hash = ?1", error)))
    return NULL;
  sqlite3_bind_text (dup, 1, hash, -1, SQLITE_STATIC);
  if (sqlite3_step (dup) == SQLITE_ROW)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_DUPLICATE,
                   _("The same text is already in the project as “%s” (%s)."),
                   _attest_column_text (dup, 1), _attest_column_text (dup, 0));
      return NULL;
    }

  uuid = g_uuid_string_random ();
  now = _attest_now_iso8601 ();
  if (!(insert = _attest_store_prepare_cached (self,
          _attest_store_in_batch (self)
          ? "INSERT INTO temp.pending_articles (uuid, title, byline, outlet, url, published, "
            "language, body, content_hash, imported_at, origin) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          : "INSERT INTO main.articles (uuid, title, byline, outlet, url, published, language, "
            "body, content_hash, imported_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          error)))
    return NULL;

  sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, first_set (meta->title, text->title), -1, SQLITE_TRANSIENT);
  _attest_bind_text_or_null (insert, 3, first_set (meta->byline, text->byline));
  _attest_bind_text_or_null (insert, 4, first_set (meta->outlet, text->outlet));
  _attest_bind_text_or_null (insert, 5, first_set (meta->url, text->url));
  _attest_bind_text_or_null (insert, 6, first_set (meta->published, text->published));
  _attest_bind_text_or_null (insert, 7, first_set (meta->language, text->language));
  sqlite3_bind_text (insert, 8, text->body, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 9, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 10, now, -1, SQLITE_STATIC);
  _attest_bind_text_or_null (insert, 11, meta->origin);

  /* One INSERT (and its FTS triggers) is atomic: a failed import stores nothing. */
  if (!_attest_store_step_done (self, insert, _("Could not store the article"), error))
    return NULL;

  _attest_store_emit_changed (self, "articles");

  return g_steal_pointer (&uuid);
}

char *
attest_store_import_file (AttestStore              *self,
                          GFile                    *file,
                          const AttestArticleMeta  *meta,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;
  AttestArticleMeta file_meta = { 0 };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  if (!g_str_has_suffix (name, ".txt") && !g_str_has_suffix (name, ".text")
      && !is_markdown_name (name))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("Attest imports plain text (.txt) and Markdown (.md) files; “%s” is "
                     "neither."), name);
      return NULL;
    }

  if (!(info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                  G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                  G_FILE_QUERY_INFO_NONE, cancellable, error)))
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("“%s” is not a regular file."), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > MAX_IMPORT_BYTES)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));

      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("“%s” is too large to be an article (%s; the limit is 50 MB)."),
                   name, size);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  if (meta != NULL)
    file_meta = *meta;
  path = g_file_get_path (file);
  if (file_meta.origin == NULL)
    file_meta.origin = path != NULL ? path : name;

  return attest_store_import_text (self, contents, length, &file_meta, error);
}

/* Operations. The _in_change helpers expect a change being recorded. */

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

static gint64
create_source_in_change (AttestStore  *self,
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
  if ((id = create_source_in_change (self, name, kind, error)) < 0)
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
  const char           *article_uuid;
  AttestAnnotationKind  kind;
  guint                 start;
  guint                 end;
  const char           *speaker_uuid;
  const char           *speaker_name;
  const char           *speaker_kind;
  const char           *comment;
  const char           *coder;
  gint64                id;     /* out */
} AnnotationEdit;

static gboolean
create_annotation_fn (AttestStore  *self,
                      gpointer      data,
                      GError      **error)
{
  AnnotationEdit *edit = data;
  g_autoptr(AttestArticle) article = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 speaker_id = -1;
  glong body_len;

  if (edit->kind >= ATTEST_ANNOTATION_N_KINDS)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Unknown kind of annotation."));
      return FALSE;
    }
  if (!(article = attest_store_get_article (self, edit->article_uuid, error)))
    return FALSE;

  body_len = g_utf8_strlen (attest_article_get_body (article), -1);
  if (edit->start >= edit->end || edit->end > body_len)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("The span %u–%u is not inside the article's text (0–%ld)."),
                   edit->start, edit->end, body_len);
      return FALSE;
    }

  exact = attest_text_substring (attest_article_get_body (article), edit->start, edit->end);
  if (!_attest_has_non_space (exact))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Select some words to mark, not only white space."));
      return FALSE;
    }
  prefix = attest_text_prefix (attest_article_get_body (article), edit->start, CONTEXT_CHARS);
  suffix = attest_text_suffix (attest_article_get_body (article), edit->end, CONTEXT_CHARS);

  if (edit->speaker_uuid != NULL)
    {
      if ((speaker_id = _attest_store_resolve_uuid (self, "sources", _("source"), edit->speaker_uuid,
                                      error)) < 0)
        return FALSE;
    }
  else if (_attest_has_non_space (edit->speaker_name))
    {
      g_autoptr(AttestSource) existing = NULL;
      g_autoptr(GError) local_error = NULL;

      existing = attest_store_find_source (self, edit->speaker_name, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (existing != NULL)
        speaker_id = attest_source_get_id (existing);
      else if ((speaker_id = create_source_in_change (self, edit->speaker_name,
                                                      edit->speaker_kind, error)) < 0)
        return FALSE;
    }

  if (!(stmt = _attest_store_prepare (self,
          "INSERT INTO annotations (uuid, article_id, kind, start, \"end\", exact, prefix, "
          "suffix, speaker_id, comment, coder, created_at, modified_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, attest_article_get_id (article));
  sqlite3_bind_text (stmt, 3, attest_annotation_kind_to_string (edit->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, edit->start);
  sqlite3_bind_int (stmt, 5, edit->end);
  sqlite3_bind_text (stmt, 6, exact, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, suffix, -1, SQLITE_STATIC);
  if (speaker_id >= 0)
    sqlite3_bind_int64 (stmt, 9, speaker_id);
  else
    sqlite3_bind_null (stmt, 9);
  _attest_bind_text_or_null (stmt, 10, edit->comment);
  _attest_bind_text_or_null (stmt, 11, edit->coder);
  sqlite3_bind_text (stmt, 12, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, now, -1, SQLITE_STATIC);
  if (!_attest_store_step_done (self, stmt, _("Could not store the annotation"), error))
    return FALSE;

  edit->id = sqlite3_last_insert_rowid (_attest_store_get_db (self));
  return _attest_store_touch_new_row (self, "annotations", edit->id);
}

static const char *
label_for_new (AttestAnnotationKind kind)
{
  switch (kind)
    {
    case ATTEST_ANNOTATION_DIRECT:
    case ATTEST_ANNOTATION_INDIRECT:
      return _("Mark quote");
    case ATTEST_ANNOTATION_CLAIM:
      return _("Mark claim");
    case ATTEST_ANNOTATION_NOTE:
    default:
      return _("Add note");
    }
}

AttestAnnotation *
attest_store_create_annotation (AttestStore           *self,
                                const char            *article_uuid,
                                AttestAnnotationKind   kind,
                                guint                  start,
                                guint                  end,
                                const char            *speaker_uuid,
                                const char            *comment,
                                const char            *coder,
                                GError               **error)
{
  AnnotationEdit edit = {
    .article_uuid = article_uuid, .kind = kind, .start = start, .end = end,
    .speaker_uuid = speaker_uuid, .comment = comment, .coder = coder,
  };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!_attest_store_run_change (self, label_for_new (kind), create_annotation_fn, &edit, error))
    return NULL;

  return _attest_store_get_annotation_by_id (self, edit.id, error);
}

AttestAnnotation *
attest_store_annotate_span (AttestStore           *self,
                            const char            *article_uuid,
                            AttestAnnotationKind   kind,
                            guint                  start,
                            guint                  end,
                            const char            *speaker_name,
                            const char            *speaker_kind,
                            const char            *comment,
                            const char            *coder,
                            GError               **error)
{
  AnnotationEdit edit = {
    .article_uuid = article_uuid, .kind = kind, .start = start, .end = end,
    .speaker_name = speaker_name, .speaker_kind = speaker_kind,
    .comment = comment, .coder = coder,
  };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!_attest_store_run_change (self, label_for_new (kind), create_annotation_fn, &edit, error))
    return NULL;

  return _attest_store_get_annotation_by_id (self, edit.id, error);
}

typedef struct
{
  const char *uuid;
  const char *speaker_uuid;
  const char *comment;
} AnnotationSet;

static gboolean
set_speaker_fn (AttestStore  *self,
                gpointer      data,
                GError      **error)
{
  AnnotationSet *set = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 id, speaker_id = -1;

  if ((id = _attest_store_resolve_uuid (self, "annotations", _("annotation"), set->uuid, error)) < 0)
    return FALSE;
  if (set->speaker_uuid != NULL
      && (speaker_id = _attest_store_resolve_uuid (self, "sources", _("source"), set->speaker_uuid,
                                     error)) < 0)
    return FALSE;
  if (!_attest_store_touch_row (self, "annotations", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self,
          "UPDATE annotations SET speaker_id = ?, modified_at = ? WHERE id = ?", error)))
    return FALSE;
  if (speaker_id >= 0)
    sqlite3_bind_int64 (stmt, 1, speaker_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);

  return _attest_store_step_done (self, stmt, _("Could not change the speaker"), error);
}

gboolean
attest_store_set_annotation_speaker (AttestStore  *self,
                                     const char   *uuid,
                                     const char   *speaker_uuid,
                                     GError      **error)
{
  AnnotationSet set = { uuid, speaker_uuid, NULL };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Change speaker"), set_speaker_fn, &set, error);
}

static gboolean
set_comment_fn (AttestStore  *self,
                gpointer      data,
                GError      **error)
{
  AnnotationSet *set = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "annotations", _("annotation"), set->uuid, error)) < 0)
    return FALSE;
  if (!_attest_store_touch_row (self, "annotations", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self,
          "UPDATE annotations SET comment = ?, modified_at = ? WHERE id = ?", error)))
    return FALSE;
  _attest_bind_text_or_null (stmt, 1, set->comment);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);

  return _attest_store_step_done (self, stmt, _("Could not change the comment"), error);
}

gboolean
attest_store_set_annotation_comment (AttestStore  *self,
                                     const char   *uuid,
                                     const char   *comment,
                                     GError      **error)
{
  AnnotationSet set = { uuid, NULL, comment };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Edit comment"), set_comment_fn, &set, error);
}

/* Rows that ON DELETE CASCADE removes with an annotation are recorded first, so that undo
 * brings the annotation back before them. */
static gboolean
touch_dependents (AttestStore  *self,
                  const char   *table,
                  const char   *column,
                  gint64        id,
                  GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s = ?", table, column);
  g_autoptr(sqlite3_stmt) stmt = _attest_store_prepare (self, sql, error);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }

  for (guint i = 0; i < rowids->len; i++)
    if (!_attest_store_touch_row (self, table, g_array_index (rowids, gint64, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
delete_annotation_fn (AttestStore  *self,
                      gpointer      data,
                      GError      **error)
{
  const char *uuid = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "annotations", _("annotation"), uuid, error)) < 0)
    return FALSE;
  if (!touch_dependents (self, "annotation_tags", "annotation_id", id, error)
      || !touch_dependents (self, "incident_links", "annotation_id", id, error)
      || !_attest_store_touch_row (self, "annotations", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self, "DELETE FROM annotations WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return _attest_store_step_done (self, stmt, _("Could not delete the annotation"), error);
}

gboolean
attest_store_delete_annotation (AttestStore  *self,
                                const char   *uuid,
                                GError      **error)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Delete annotation"), delete_annotation_fn, (gpointer) uuid, error);
}

/* Offsets */

gboolean
attest_find_unique_span (const char  *body,
                         const char  *exact,
                         guint       *start,
                         guint       *end,
                         GError     **error)
{
  const char *hit, *again;

  g_return_val_if_fail (body != NULL, FALSE);

  if (exact == NULL || *exact == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Give the exact words to mark."));
      return FALSE;
    }

  if (!(hit = strstr (body, exact)))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                   _("The text “%s” is not in the article."), exact);
      return FALSE;
    }

  if ((again = strstr (hit + 1, exact)) != NULL)
    {
      guint count = 2;

      while ((again = strstr (again + 1, exact)) != NULL)
        count++;
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_AMBIGUOUS,
                   _("The text “%s” is ambiguous: it appears %u times in the article; give "
                     "more words."), exact, count);
      return FALSE;
    }

  *start = g_utf8_pointer_to_offset (body, hit);
  *end = *start + g_utf8_strlen (exact, -1);
  return TRUE;
}
