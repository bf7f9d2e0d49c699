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
#include "attest-html.h"
#include "attest-pdf.h"

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
            "language, body, content_hash, imported_at, origin, description) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          : "INSERT INTO main.articles (uuid, title, byline, outlet, url, published, language, "
            "body, content_hash, imported_at, origin, description) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
  _attest_bind_text_or_null (insert, 12, meta->description);

  /* One INSERT (and its FTS triggers) is atomic: a failed import stores nothing. */
  if (!_attest_store_step_done (self, insert, _("Could not store the article"), error))
    return NULL;

  _attest_store_emit_changed (self, "articles");

  return g_steal_pointer (&uuid);
}

typedef enum
{
  FORMAT_UNKNOWN,
  FORMAT_TEXT,
  FORMAT_HTML,
  FORMAT_PDF,
} Format;

static Format
format_from_name (const char *name)
{
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

  if (lower == NULL)
    return FORMAT_UNKNOWN;
  if (g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".text")
      || is_markdown_name (lower))
    return FORMAT_TEXT;
  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm")
      || g_str_has_suffix (lower, ".xhtml"))
    return FORMAT_HTML;
  if (g_str_has_suffix (lower, ".pdf"))
    return FORMAT_PDF;
  return FORMAT_UNKNOWN;
}

static Format
format_from_content_type (const char *type)
{
  if (type == NULL)
    return FORMAT_UNKNOWN;
  if (g_str_equal (type, "text/plain") || g_str_equal (type, "text/markdown"))
    return FORMAT_TEXT;
  if (g_str_equal (type, "text/html") || g_str_equal (type, "application/xhtml+xml"))
    return FORMAT_HTML;
  if (g_str_equal (type, "application/pdf"))
    return FORMAT_PDF;
  return FORMAT_UNKNOWN;
}

/* Looks at the first bytes, skipping white space and a byte-order mark. */
static Format
format_from_bytes (const char *data,
                   gsize       length)
{
  gsize i = 0;
  g_autofree char *head = NULL;

  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return FORMAT_PDF;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  head = g_ascii_strdown (data + i, MIN (length - i, 256));
  if (g_str_has_prefix (head, "<!doctype html") || g_str_has_prefix (head, "<html")
      || (g_str_has_prefix (head, "<?xml") && strstr (head, "<html") != NULL)
      || g_str_has_prefix (head, "<head") || g_str_has_prefix (head, "<body"))
    return FORMAT_HTML;
  return FORMAT_TEXT;
}

char *
attest_store_import_bytes (AttestStore              *self,
                           GBytes                   *bytes,
                           const char               *content_type,
                           const char               *charset,
                           const AttestArticleMeta  *meta,
                           GError                  **error)
{
  static const AttestArticleMeta no_meta = { 0 };
  const char *data;
  gsize length;
  AttestArticleMeta merged;
  Format format;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  if (meta == NULL)
    meta = &no_meta;
  data = g_bytes_get_data (bytes, &length);
  merged = *meta;

  format = format_from_content_type (content_type);
  if (format == FORMAT_UNKNOWN)
    format = format_from_name (meta->origin);
  if (format == FORMAT_UNKNOWN)
    format = format_from_bytes (data, length);

  switch (format)
    {
    case FORMAT_HTML:
      {
        g_autoptr(AttestHtmlArticle) page = NULL;

        if (length == 0)
          return attest_store_import_text (self, "", 0, meta, error);
        if (!(page = attest_html_extract (data, length, charset, meta->url, error)))
          return NULL;
        /* What the researcher typed wins over what the page says of itself. */
        merged.title = first_set (meta->title, page->title);
        merged.byline = first_set (meta->byline, page->byline);
        merged.outlet = first_set (meta->outlet, page->site_name);
        merged.url = first_set (meta->url, page->canonical_url);
        merged.published = first_set (meta->published, page->published);
        merged.language = first_set (meta->language, page->language);
        merged.description = first_set (meta->description, page->description);
        return attest_store_import_text (self, page->text, -1, &merged, error);
      }

    case FORMAT_PDF:
      {
        g_autoptr(AttestPdfText) pdf = NULL;

        if (!(pdf = attest_pdf_extract (bytes, error)))
          return NULL;
        merged.title = first_set (meta->title, pdf->title);
        merged.byline = first_set (meta->byline, pdf->author);
        return attest_store_import_text (self, pdf->text, -1, &merged, error);
      }

    case FORMAT_TEXT:
    case FORMAT_UNKNOWN:
    default:
      {
        g_autofree char *converted = NULL;

        /* A text served with a charset other than UTF-8 is converted first. */
        if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0
            && g_ascii_strcasecmp (charset, "utf8") != 0
            && g_ascii_strcasecmp (charset, "us-ascii") != 0)
          {
            gsize written = 0;

            if (!(converted = g_convert (data, length, "UTF-8", charset, NULL, &written,
                                         NULL)))
              {
                g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                             _("The text says it is in %s, but it is not."), charset);
                return NULL;
              }
            return attest_store_import_text (self, converted, written, meta, error);
          }
        return attest_store_import_text (self, data, length, meta, error);
      }
    }
}

char *
attest_store_import_fetched (AttestStore              *self,
                             AttestFetchResult        *fetched,
                             const AttestArticleMeta  *meta,
                             GError                  **error)
{
  static const AttestArticleMeta no_meta = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  AttestArticleMeta with_url;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);
  g_return_val_if_fail (fetched != NULL, NULL);
  g_return_val_if_fail (!_attest_store_in_batch (self), NULL);

  with_url = meta ? *meta : no_meta;
  if (with_url.url == NULL)
    with_url.url = fetched->final_url;
  if (with_url.origin == NULL)
    with_url.origin = fetched->url;

  /* The article and the proof of what it said are stored together or not at all. */
  if (!_attest_store_exec (self, "SAVEPOINT import_fetched", error))
    return NULL;

  if (!(uuid = attest_store_import_bytes (self, fetched->body, fetched->content_type,
                                          fetched->charset, &with_url, error)))
    goto rollback;

  if (!(stmt = _attest_store_prepare (self,
          "INSERT INTO article_originals (article_id, url, final_url, fetched_at, "
          "http_status, content_type, charset, sha256, bytes) "
          "SELECT id, ?, ?, ?, ?, ?, ?, ?, ? FROM articles WHERE uuid = ?", error)))
    goto rollback;
  sqlite3_bind_text (stmt, 1, fetched->url, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fetched->final_url, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fetched->fetched_at, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, fetched->status);
  _attest_bind_text_or_null (stmt, 5, fetched->content_type);
  _attest_bind_text_or_null (stmt, 6, fetched->charset);
  sqlite3_bind_text (stmt, 7, fetched->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 8, g_bytes_get_data (fetched->body, NULL),
                       g_bytes_get_size (fetched->body), SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, uuid, -1, SQLITE_STATIC);
  if (!_attest_store_step_done (self, stmt, _("Could not keep the fetched page"), error))
    goto rollback;

  if (!_attest_store_exec (self, "RELEASE import_fetched", error))
    goto rollback;

  return g_steal_pointer (&uuid);

rollback:
  _attest_store_exec (self, "ROLLBACK TO import_fetched; RELEASE import_fetched", NULL);
  return NULL;
}

char *
attest_store_import_file (AttestStore              *self,
                          GFile                    *file,
                          const AttestArticleMeta  *meta,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  AttestArticleMeta file_meta = { 0 };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  if (format_from_name (name) == FORMAT_UNKNOWN)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("Attest imports text (.txt, .md), web pages (.html) and PDF files; "
                     "“%s” is none of these."), name);
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

  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, error)))
    return NULL;

  if (meta != NULL)
    file_meta = *meta;
  path = g_file_get_path (file);
  if (file_meta.origin == NULL)
    file_meta.origin = path != NULL ? path : name;

  return attest_store_import_bytes (self, bytes, NULL, NULL, &file_meta, error);
}

/* Operations. The _in_change helpers expect a change being recorded. */

typedef struct
{
  const char              *uuid;
  const AttestArticleMeta *meta;
} ArticleEdit;

static gboolean
update_article_fn (AttestStore  *self,
                   gpointer      data,
                   GError      **error)
{
  ArticleEdit *edit = data;
  const AttestArticleMeta *meta = edit->meta;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = meta->title ? g_strstrip (g_strdup (meta->title)) : NULL;
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "articles", _("article"), edit->uuid, error)) < 0)
    return FALSE;
  if (title != NULL && *title == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("An article needs a title."));
      return FALSE;
    }
  if (!_attest_store_touch_row (self, "articles", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self,
          "UPDATE articles SET title = coalesce (?1, title), "
          "byline = CASE WHEN ?2 IS NULL THEN byline ELSE nullif (?2, '') END, "
          "outlet = CASE WHEN ?3 IS NULL THEN outlet ELSE nullif (?3, '') END, "
          "url = CASE WHEN ?4 IS NULL THEN url ELSE nullif (?4, '') END, "
          "published = CASE WHEN ?5 IS NULL THEN published ELSE nullif (?5, '') END, "
          "language = CASE WHEN ?6 IS NULL THEN language ELSE nullif (?6, '') END, "
          "description = CASE WHEN ?7 IS NULL THEN description ELSE nullif (?7, '') END "
          "WHERE id = ?8", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, meta->byline, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, meta->outlet, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, meta->url, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, meta->published, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, meta->language, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, meta->description, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, id);

  return _attest_store_step_done (self, stmt, _("Could not change the article"), error);
}

gboolean
attest_store_update_article (AttestStore              *self,
                             const char               *uuid,
                             const AttestArticleMeta  *meta,
                             GError                  **error)
{
  ArticleEdit edit = { uuid, meta };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (meta != NULL, FALSE);

  return _attest_store_run_change (self, _("Edit article details"), update_article_fn, &edit,
                                   error);
}

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
