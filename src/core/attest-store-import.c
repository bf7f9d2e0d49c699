/* attest-store-import.c: articles coming in (text, HTML, PDF, fetched pages) and
 * corrections of their details.
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
  g_autofree char *now = _attest_now_iso8601_precise ();
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
          "description = CASE WHEN ?7 IS NULL THEN description ELSE nullif (?7, '') END, "
          "modified_at = ?9 WHERE id = ?8", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, meta->byline, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, meta->outlet, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, meta->url, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, meta->published, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, meta->language, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, meta->description, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, id);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);

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
