/* attest-refi-export.c: the project as a REFI-QDA .qdpx: project.qde and Sources/.
 *
 * The XML is written straight into the zip entry, and the zip by libarchive straight into
 * the stream: rows are read inside one read transaction and written one at a time, so memory
 * holds one article at most. The layout is described in attest-refi.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-refi"

#include "config.h"

#include "attest-refi.h"

#include <errno.h>

#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "attest-error.h"
#include "attest-refi-xml-private.h"
#include "attest-store-private.h"

/* A selection is named by the start of its text, as ATLAS.ti names quotations. */
#define SELECTION_NAME_CHARS 60

typedef sqlite3_stmt AttestRefiStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestRefiStmt, sqlite3_finalize)

/* The project document */

static gboolean
write_users (AttestRefiXml  *xml,
             GError        **error)
{
  g_autoptr(AttestRefiStmt) stmt = NULL;
  gboolean failed = FALSE;
  gboolean any = FALSE;

  stmt = _attest_store_prepare (xml->store,
                                "SELECT DISTINCT coder FROM annotations "
                                "WHERE coder IS NOT NULL AND coder <> '' ORDER BY coder", error);
  if (stmt == NULL)
    return FALSE;

  while (_attest_refi_xml_step (xml, stmt, &failed, error))
    {
      g_autofree char *guid = _attest_refi_name_guid ("user/%s", _attest_column_text (stmt, 0));

      if (!any)
        _attest_refi_xml_start (xml, "Users");
      any = TRUE;
      _attest_refi_xml_start (xml, "User");
      _attest_refi_xml_attribute (xml, "guid", guid);
      _attest_refi_xml_attribute (xml, "name", _attest_column_text (stmt, 0));
      _attest_refi_xml_end (xml);
    }
  if (any)
    _attest_refi_xml_end (xml);

  return !failed;
}

static void
write_variables (AttestRefiXml *xml)
{
  _attest_refi_xml_start (xml, "Variables");
  for (guint i = 0; i < ATTEST_REFI_N_VARIABLES; i++)
    {
      g_autofree char *guid = _attest_refi_name_guid ("variable/%s",
                                                      _attest_refi_variable_names[i]);

      _attest_refi_xml_start (xml, "Variable");
      _attest_refi_xml_attribute (xml, "guid", guid);
      _attest_refi_xml_attribute (xml, "name", _attest_refi_variable_names[i]);
      _attest_refi_xml_attribute (xml, "typeOfVariable", "Text");
      _attest_refi_xml_end (xml);
    }
  _attest_refi_xml_end (xml);
}

static void
write_coding (AttestRefiXml *xml,
              const char    *annotation_uuid,
              const char    *code_guid,
              const char    *user_guid,
              const char    *created_at)
{
  g_autofree char *guid = _attest_refi_name_guid ("coding/%s/%s", annotation_uuid, code_guid);

  _attest_refi_xml_start (xml, "Coding");
  _attest_refi_xml_attribute (xml, "guid", guid);
  _attest_refi_xml_attribute (xml, "creatingUser", user_guid);
  _attest_refi_xml_attribute_time (xml, "creationDateTime", created_at);
  _attest_refi_xml_reference (xml, "CodeRef", code_guid);
  _attest_refi_xml_end (xml);
}

enum
{
  SELECTION_ID,
  SELECTION_UUID,
  SELECTION_KIND,
  SELECTION_START,
  SELECTION_END,
  SELECTION_EXACT,
  SELECTION_SPEAKER,
  SELECTION_COMMENT,
  SELECTION_CODER,
  SELECTION_CREATED_AT,
  SELECTION_MODIFIED_AT,
};

static gboolean
write_selection (AttestRefiXml  *xml,
                 sqlite3_stmt   *row,
                 sqlite3_stmt   *tags,
                 GError        **error)
{
  const char *uuid = _attest_column_text (row, SELECTION_UUID);
  const char *exact = _attest_column_text (row, SELECTION_EXACT);
  const char *coder = _attest_column_text (row, SELECTION_CODER);
  const char *created_at = _attest_column_text (row, SELECTION_CREATED_AT);
  g_autofree char *guid = _attest_refi_guid (uuid);
  g_autofree char *user = NULL;
  g_autofree char *kind_code = NULL;
  g_autofree char *name = NULL;
  gboolean failed = FALSE;

  if (coder != NULL && *coder != '\0')
    user = _attest_refi_name_guid ("user/%s", coder);
  kind_code = _attest_refi_name_guid ("code/attest/kinds/%s",
                                      _attest_column_text (row, SELECTION_KIND));

  if (g_utf8_strlen (exact, -1) > SELECTION_NAME_CHARS)
    {
      g_autofree char *head = g_utf8_substring (exact, 0, SELECTION_NAME_CHARS);

      name = g_strconcat (head, "…", NULL);
    }
  else
    name = g_strdup (exact);

  _attest_refi_xml_start (xml, "PlainTextSelection");
  _attest_refi_xml_attribute (xml, "guid", guid);
  _attest_refi_xml_attribute (xml, "name", name);
  _attest_refi_xml_attribute_int (xml, "startPosition",
                                  sqlite3_column_int64 (row, SELECTION_START));
  _attest_refi_xml_attribute_int (xml, "endPosition", sqlite3_column_int64 (row, SELECTION_END));
  _attest_refi_xml_attribute (xml, "creatingUser", user);
  _attest_refi_xml_attribute_time (xml, "creationDateTime", created_at);
  _attest_refi_xml_attribute_time (xml, "modifiedDateTime",
                                   _attest_column_text (row, SELECTION_MODIFIED_AT));
  _attest_refi_xml_text (xml, "Description", _attest_column_text (row, SELECTION_COMMENT));

  write_coding (xml, uuid, kind_code, user, created_at);
  if (sqlite3_column_type (row, SELECTION_SPEAKER) != SQLITE_NULL)
    {
      g_autofree char *speaker = _attest_refi_guid (_attest_column_text (row, SELECTION_SPEAKER));

      write_coding (xml, uuid, speaker, user, created_at);
    }

  sqlite3_reset (tags);
  sqlite3_bind_int64 (tags, 1, sqlite3_column_int64 (row, SELECTION_ID));
  while (_attest_refi_xml_step (xml, tags, &failed, error))
    {
      g_autofree char *tag = _attest_refi_guid (_attest_column_text (tags, 0));

      write_coding (xml, uuid, tag, user, created_at);
    }
  _attest_refi_xml_end (xml);

  return !failed;
}

enum
{
  ARTICLE_ID,
  ARTICLE_UUID,
  ARTICLE_TITLE,
  ARTICLE_DESCRIPTION,
  ARTICLE_IMPORTED_AT,
  ARTICLE_BYLINE,        /* then the variables, in AttestRefiVariable order */
};

static gboolean
write_sources (AttestRefiXml  *xml,
               GError        **error)
{
  g_autoptr(AttestRefiStmt) articles = NULL;
  g_autoptr(AttestRefiStmt) selections = NULL;
  g_autoptr(AttestRefiStmt) tags = NULL;
  gboolean failed = FALSE;
  gboolean any = FALSE;

  G_STATIC_ASSERT (ATTEST_REFI_VARIABLE_BYLINE == 0 && ATTEST_REFI_VARIABLE_OUTLET == 1
                   && ATTEST_REFI_VARIABLE_URL == 2 && ATTEST_REFI_VARIABLE_PUBLISHED == 3
                   && ATTEST_REFI_VARIABLE_LANGUAGE == 4);

  articles = _attest_store_prepare (xml->store,
                                    "SELECT id, uuid, title, description, imported_at, byline, "
                                    "outlet, url, published, language FROM articles ORDER BY id",
                                    error);
  selections = _attest_store_prepare (xml->store,
                                      "SELECT n.id, n.uuid, n.kind, n.start, n.\"end\", n.exact, "
                                      "s.uuid, n.comment, n.coder, n.created_at, n.modified_at "
                                      "FROM annotations n "
                                      "LEFT JOIN sources s ON s.id = n.speaker_id "
                                      "WHERE n.article_id = ?1 ORDER BY n.start, n.id", error);
  tags = _attest_store_prepare (xml->store,
                                "SELECT t.uuid FROM annotation_tags x "
                                "JOIN tags t ON t.id = x.tag_id "
                                "WHERE x.annotation_id = ?1 ORDER BY t.name, t.id", error);
  if (articles == NULL || selections == NULL || tags == NULL)
    return FALSE;

  while (_attest_refi_xml_step (xml, articles, &failed, error))
    {
      g_autofree char *guid = _attest_refi_guid (_attest_column_text (articles, ARTICLE_UUID));
      g_autofree char *path = g_strconcat ("internal://", guid, ".txt", NULL);

      if (!any)
        _attest_refi_xml_start (xml, "Sources");
      any = TRUE;

      _attest_refi_xml_start (xml, "TextSource");
      _attest_refi_xml_attribute (xml, "guid", guid);
      _attest_refi_xml_attribute (xml, "name", _attest_column_text (articles, ARTICLE_TITLE));
      _attest_refi_xml_attribute (xml, "plainTextPath", path);
      _attest_refi_xml_attribute_time (xml, "creationDateTime",
                                       _attest_column_text (articles, ARTICLE_IMPORTED_AT));
      _attest_refi_xml_text (xml, "Description",
                             _attest_column_text (articles, ARTICLE_DESCRIPTION));

      sqlite3_reset (selections);
      sqlite3_bind_int64 (selections, 1, sqlite3_column_int64 (articles, ARTICLE_ID));
      while (_attest_refi_xml_step (xml, selections, &failed, error))
        if (!write_selection (xml, selections, tags, error))
          return FALSE;
      if (failed)
        return FALSE;

      for (guint i = 0; i < ATTEST_REFI_N_VARIABLES; i++)
        {
          const char *value = _attest_column_text (articles, ARTICLE_BYLINE + i);
          g_autofree char *variable = NULL;

          if (value == NULL || *value == '\0')
            continue;
          variable = _attest_refi_name_guid ("variable/%s", _attest_refi_variable_names[i]);
          _attest_refi_xml_start (xml, "VariableValue");
          _attest_refi_xml_reference (xml, "VariableRef", variable);
          _attest_refi_xml_text (xml, "TextValue", value);
          _attest_refi_xml_end (xml);
        }
      _attest_refi_xml_end (xml);

      if (!_attest_refi_xml_row_done (xml, error))
        return FALSE;
    }
  if (failed)
    return FALSE;
  if (any)
    _attest_refi_xml_end (xml);

  return TRUE;
}

/* AttestRefiTag memos, which the codes point at. */
static void
write_notes (AttestRefiXml *xml)
{
  gboolean any = FALSE;

  for (guint i = 0; i < xml->tags->len; i++)
    {
      AttestRefiTag *tag = g_ptr_array_index (xml->tags, i);
      g_autofree char *guid = NULL;
      g_autofree char *name = NULL;

      if (tag->memo == NULL || *tag->memo == '\0')
        continue;
      if (!any)
        _attest_refi_xml_start (xml, "Notes");
      any = TRUE;

      guid = _attest_refi_name_guid ("note/tag-memo/%s", tag->uuid);
      name = g_strdup_printf ("Memo: %s", tag->name);
      _attest_refi_xml_start (xml, "Note");
      _attest_refi_xml_attribute (xml, "guid", guid);
      _attest_refi_xml_attribute (xml, "name", name);
      _attest_refi_xml_text (xml, "PlainTextContent", tag->memo);
      _attest_refi_xml_end (xml);
    }
  if (any)
    _attest_refi_xml_end (xml);
}

static gboolean
write_project (AttestRefiXml  *xml,
               GError        **error)
{
  g_autoptr(AttestRefiStmt) project = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  const char *name;

  if (!(project = _attest_store_prepare (xml->store,
                                         "SELECT uuid, name, created_at FROM project WHERE id = 1",
                                         error))
      || !_attest_refi_load_tags (xml, error))
    return FALSE;
  if (sqlite3_step (project) != SQLITE_ROW)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_A_PROJECT,
                   _("The project file has no project record"));
      return FALSE;
    }

  name = _attest_column_text (project, 1);
  _attest_refi_xml_start (xml, "Project");
  _attest_refi_xml_attribute (xml, "xmlns", ATTEST_REFI_PROJECT_NAMESPACE);
  _attest_refi_xml_attribute (xml, "name", name != NULL && *name != '\0' ? name : "Attest project");
  _attest_refi_xml_attribute (xml, "origin", "Attest " PACKAGE_VERSION);
  _attest_refi_xml_attribute_time (xml, "creationDateTime", _attest_column_text (project, 2));
  _attest_refi_xml_attribute_time (xml, "modifiedDateTime", now);

  if (!write_users (xml, error))
    return FALSE;
  _attest_refi_xml_start (xml, "CodeBook");
  if (!_attest_refi_write_codes (xml, error))
    return FALSE;
  _attest_refi_xml_end (xml);
  write_variables (xml);
  if (!write_sources (xml, error))
    return FALSE;
  write_notes (xml);
  _attest_refi_xml_end (xml);

  return TRUE;
}

/* The zip */

/* libarchive's output: the stream. The sink keeps the stream's own error, which is clearer
 * than what libarchive makes of it. */
static la_ssize_t
archive_write_cb (struct archive *archive,
                  void           *context,
                  const void     *buffer,
                  size_t          length)
{
  AttestRefiSink *sink = context;
  GError *io_error = NULL;

  if (!g_output_stream_write_all (sink->stream, buffer, length, NULL, sink->cancellable,
                                  &io_error))
    {
      archive_set_error (archive, EIO, "%s", io_error->message);
      _attest_refi_sink_set_io_error (sink, io_error);
      return -1;
    }

  return length;
}

static gboolean
zip_add_entry (AttestRefiSink  *sink,
               const char      *path,
               gint64           size,
               GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  int rc;

  archive_entry_set_pathname_utf8 (entry, path);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, g_get_real_time () / G_USEC_PER_SEC, 0);
  /* Unknown for project.qde, which is written as it is generated. */
  if (size >= 0)
    archive_entry_set_size (entry, size);
  rc = archive_write_header (sink->archive, entry);
  archive_entry_free (entry);

  if (rc != ARCHIVE_OK)
    {
      _attest_refi_sink_set_archive_error (sink);
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  return TRUE;
}

/* Each article's text, exactly as stored, as Sources/<GUID>.txt. */
static gboolean
zip_add_texts (AttestStore     *store,
               AttestRefiSink  *sink,
               GError         **error)
{
  g_autoptr(AttestRefiStmt) stmt = NULL;
  int rc;

  if (!(stmt = _attest_store_prepare (store, "SELECT uuid, body FROM articles ORDER BY id",
                                      error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *guid = _attest_refi_guid (_attest_column_text (stmt, 0));
      g_autofree char *path = g_strconcat ("Sources/", guid, ".txt", NULL);
      const char *body = _attest_column_text (stmt, 1);
      int length = sqlite3_column_bytes (stmt, 1);

      if (!zip_add_entry (sink, path, length, error))
        return FALSE;
      if (length > 0 && _attest_refi_sink_write (sink, body, length) < 0)
        {
          g_propagate_error (error, g_steal_pointer (&sink->error));
          return FALSE;
        }
      if (g_cancellable_set_error_if_cancelled (sink->cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _attest_store_set_error (store, error, _("Could not read the project"));

  return TRUE;
}

static gboolean
write_qdpx (AttestStore     *store,
            AttestRefiSink  *sink,
            GError         **error)
{
  AttestRefiXml xml;
  gboolean ok;

  if (!zip_add_entry (sink, "project.qde", -1, error))
    return FALSE;

  if (!_attest_refi_xml_begin (&xml, store, sink, TRUE, sink->cancellable))
    ok = _attest_refi_xml_finish (&xml, error);
  else if (!write_project (&xml, error))
    ok = FALSE;
  else
    ok = _attest_refi_xml_finish (&xml, error);
  _attest_refi_xml_clear (&xml);

  return ok && zip_add_texts (store, sink, error);
}

/* Public API */

gboolean
attest_export_qdpx (AttestStore    *store,
                    GOutputStream  *stream,
                    GCancellable   *cancellable,
                    GError        **error)
{
  AttestRefiSink sink = { .stream = stream, .cancellable = cancellable };
  gboolean ok;

  g_return_val_if_fail (ATTEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_attest_exchange_begin_read (store, cancellable, error))
    return FALSE;

  sink.archive = archive_write_new ();
  /* Deflate; no Zip64 records (project.qde's size is unknown when it starts, and libarchive
   * would otherwise mark it as needing Zip64, which older readers refuse); writes in 64 KiB
   * blocks without padding the last one. */
  if (archive_write_set_format_zip (sink.archive) != ARCHIVE_OK
      || archive_write_zip_set_compression_deflate (sink.archive) != ARCHIVE_OK
      || archive_write_set_options (sink.archive, "zip:!zip64") != ARCHIVE_OK
      || archive_write_set_bytes_per_block (sink.archive, 64 * 1024) != ARCHIVE_OK
      || archive_write_set_bytes_in_last_block (sink.archive, 1) != ARCHIVE_OK
      || archive_write_open2 (sink.archive, &sink, NULL, archive_write_cb, NULL,
                              NULL) != ARCHIVE_OK)
    {
      _attest_refi_sink_set_archive_error (&sink);
      g_propagate_error (error, g_steal_pointer (&sink.error));
      ok = FALSE;
    }
  else
    {
      ok = write_qdpx (store, &sink, error);
      /* Writes the central directory; after a failure it only lets go. */
      if (ok && archive_write_close (sink.archive) != ARCHIVE_OK)
        {
          _attest_refi_sink_set_archive_error (&sink);
          g_propagate_error (error, g_steal_pointer (&sink.error));
          ok = FALSE;
        }
    }

  archive_write_free (sink.archive);
  g_clear_error (&sink.error);
  _attest_exchange_end_read (store);

  return ok;
}
