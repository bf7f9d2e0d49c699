/* attest-refi-export.c: the codebook as a REFI-QDA .qdc and the project as a .qdpx.
 *
 * The XML is written by libxml2's text writer straight into the output (or into the zip
 * entry), and the zip by libarchive straight into the stream: rows are read inside one read
 * transaction and written one at a time, so memory holds one article at most. The layout is
 * described in attest-refi.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-refi"

#include "config.h"

#include "attest-refi.h"

#include <errno.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "attest-error.h"
#include "attest-refi-private.h"
#include "attest-store-private.h"

/* A selection is named by the start of its text, as ATLAS.ti names quotations. */
#define SELECTION_NAME_CHARS 60

typedef sqlite3_stmt AttestRefiStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestRefiStmt, sqlite3_finalize)

/* Where the XML goes: the stream itself (.qdc) or an entry of the zip (.qdpx). */
typedef struct
{
  GOutputStream  *stream;
  struct archive *archive;
  GCancellable   *cancellable;
  GError         *error;       /* the first failure to write */
} Sink;

typedef struct
{
  char *uuid;
  char *parent_uuid;
  char *name;
  char *color;
  char *description;
  char *memo;
} Tag;

typedef struct
{
  AttestStore      *store;
  GCancellable     *cancellable;
  xmlTextWriterPtr  writer;
  Sink             *sink;
  gboolean          failed;        /* a write failed; the sink or the writer says why */
  gboolean          in_project;    /* Project.xsd rather than Codebook.xsd */
  GPtrArray        *tags;          /* Tag, in name order */
  GHashTable       *children;      /* parent uuid ("" at the top) -> GPtrArray of Tag */
} Qde;

static void
tag_free (Tag *tag)
{
  g_free (tag->uuid);
  g_free (tag->parent_uuid);
  g_free (tag->name);
  g_free (tag->color);
  g_free (tag->description);
  g_free (tag->memo);
  g_free (tag);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (_attest_column_text (stmt, column));
}

/* Sinks */

static gboolean
set_sink_io_error (Sink       *sink,
                   GError     *io_error)
{
  if (sink->error == NULL)
    _attest_exchange_propagate_io_error (&sink->error, io_error,
                                         _("Could not write the export"));
  else
    g_error_free (io_error);
  return FALSE;
}

static void
set_sink_archive_error (Sink *sink)
{
  if (sink->error == NULL)
    g_set_error (&sink->error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                 _("Could not write the export: %s"), archive_error_string (sink->archive));
}

static int
sink_write (void       *context,
            const char *buffer,
            int         length)
{
  Sink *sink = context;
  GError *io_error = NULL;

  if (sink->error != NULL)
    return -1;

  if (sink->archive != NULL)
    {
      for (int done = 0; done < length;)
        {
          la_ssize_t n = archive_write_data (sink->archive, buffer + done, length - done);

          if (n <= 0)
            {
              set_sink_archive_error (sink);
              return -1;
            }
          done += n;
        }
      return length;
    }

  if (!g_output_stream_write_all (sink->stream, buffer, length, NULL, sink->cancellable,
                                  &io_error))
    {
      set_sink_io_error (sink, io_error);
      return -1;
    }
  return length;
}

static int
sink_close (void *context)
{
  return 0;
}

/* libarchive's output: the stream. The sink keeps the stream's own error, which is clearer
 * than what libarchive makes of it. */
static la_ssize_t
archive_write_cb (struct archive *archive,
                  void           *context,
                  const void     *buffer,
                  size_t          length)
{
  Sink *sink = context;
  GError *io_error = NULL;

  if (!g_output_stream_write_all (sink->stream, buffer, length, NULL, sink->cancellable,
                                  &io_error))
    {
      archive_set_error (archive, EIO, "%s", io_error->message);
      set_sink_io_error (sink, io_error);
      return -1;
    }

  return length;
}

/* Writing XML: failures are sticky and looked at where it matters, so the layout code reads
 * as the document it writes. */

static void
check (Qde *qde,
       int  rc)
{
  if (rc < 0)
    qde->failed = TRUE;
}

static void
start (Qde        *qde,
       const char *name)
{
  check (qde, xmlTextWriterStartElement (qde->writer, BAD_CAST name));
}

static void
end (Qde *qde)
{
  check (qde, xmlTextWriterEndElement (qde->writer));
}

static void
attribute (Qde        *qde,
           const char *name,
           const char *value)
{
  g_autofree char *safe = NULL;

  if (value == NULL)
    return;
  safe = _attest_refi_xml_safe (value);
  check (qde, xmlTextWriterWriteAttribute (qde->writer, BAD_CAST name, BAD_CAST safe));
}

static void
attribute_int (Qde        *qde,
               const char *name,
               gint64      value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  attribute (qde, name, text);
}

static void
attribute_time (Qde        *qde,
                const char *name,
                const char *iso8601)
{
  g_autofree char *value = _attest_refi_date_time (iso8601);

  attribute (qde, name, value);
}

static void
text_element (Qde        *qde,
              const char *name,
              const char *value)
{
  g_autofree char *safe = NULL;

  if (value == NULL || *value == '\0')
    return;
  safe = _attest_refi_xml_safe (value);
  start (qde, name);
  check (qde, xmlTextWriterWriteString (qde->writer, BAD_CAST safe));
  end (qde);
}

static void
reference (Qde        *qde,
           const char *element,
           const char *guid)
{
  start (qde, element);
  attribute (qde, "targetGUID", guid);
  end (qde);
}

/* Ends the document and lets the writer go; FALSE with error when anything failed. */
static gboolean
qde_finish (Qde     *qde,
            GError **error)
{
  if (!qde->failed)
    check (qde, xmlTextWriterEndDocument (qde->writer));
  if (!qde->failed)
    check (qde, xmlTextWriterFlush (qde->writer));
  g_clear_pointer (&qde->writer, xmlFreeTextWriter);

  if (!qde->failed && qde->sink->error == NULL)
    return TRUE;

  if (qde->sink->error != NULL)
    g_propagate_error (error, g_steal_pointer (&qde->sink->error));
  else
    g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                         _("Could not write the export: the XML writer failed"));
  return FALSE;
}

static gboolean
qde_start (Qde           *qde,
           AttestStore   *store,
           Sink          *sink,
           gboolean       in_project,
           GCancellable  *cancellable)
{
  xmlOutputBufferPtr output = xmlOutputBufferCreateIO (sink_write, sink_close, sink, NULL);

  memset (qde, 0, sizeof *qde);
  qde->store = store;
  qde->sink = sink;
  qde->in_project = in_project;
  qde->cancellable = cancellable;

  if (output == NULL)
    {
      qde->failed = TRUE;
      return FALSE;
    }
  if (!(qde->writer = xmlNewTextWriter (output)))
    {
      xmlOutputBufferClose (output);
      qde->failed = TRUE;
      return FALSE;
    }

  check (qde, xmlTextWriterSetIndent (qde->writer, 1));
  check (qde, xmlTextWriterSetIndentString (qde->writer, BAD_CAST "  "));
  check (qde, xmlTextWriterStartDocument (qde->writer, NULL, "utf-8", NULL));
  return !qde->failed;
}

static void
qde_clear (Qde *qde)
{
  g_clear_pointer (&qde->writer, xmlFreeTextWriter);
  g_clear_pointer (&qde->tags, g_ptr_array_unref);
  g_clear_pointer (&qde->children, g_hash_table_unref);
}

/* Between rows: where a cancelled export stops and a failed write is noticed. */
static gboolean
qde_row_done (Qde     *qde,
              GError **error)
{
  if (g_cancellable_set_error_if_cancelled (qde->cancellable, error))
    return FALSE;
  if (qde->failed || qde->sink->error != NULL)
    return qde_finish (qde, error);
  return TRUE;
}

/* Reading */

static gboolean
step (Qde           *qde,
      sqlite3_stmt  *stmt,
      gboolean      *failed,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      *failed = TRUE;
      _attest_store_set_error (qde->store, error, _("Could not read the project"));
    }
  return FALSE;
}

static gboolean
load_tags (Qde     *qde,
           GError **error)
{
  g_autoptr(AttestRefiStmt) stmt = NULL;
  gboolean failed = FALSE;

  stmt = _attest_store_prepare (qde->store,
                                "SELECT t.uuid, p.uuid, t.name, t.color, t.description, t.memo "
                                "FROM tags t LEFT JOIN tags p ON p.id = t.parent_id "
                                "ORDER BY t.name COLLATE NOCASE, t.id", error);
  if (stmt == NULL)
    return FALSE;

  qde->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) tag_free);
  qde->children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);

  while (step (qde, stmt, &failed, error))
    {
      Tag *tag = g_new0 (Tag, 1);
      const char *parent;
      GPtrArray *siblings;

      tag->uuid = dup_column (stmt, 0);
      tag->parent_uuid = dup_column (stmt, 1);
      tag->name = dup_column (stmt, 2);
      tag->color = _attest_refi_parse_color (_attest_column_text (stmt, 3));
      tag->description = dup_column (stmt, 4);
      tag->memo = dup_column (stmt, 5);
      g_ptr_array_add (qde->tags, tag);

      parent = tag->parent_uuid != NULL ? tag->parent_uuid : "";
      if (!(siblings = g_hash_table_lookup (qde->children, parent)))
        {
          siblings = g_ptr_array_new ();
          g_hash_table_insert (qde->children, (gpointer) parent, siblings);
        }
      g_ptr_array_add (siblings, tag);
    }

  return !failed;
}

/* The codebook */

static void
write_code_start (Qde        *qde,
                  const char *guid,
                  const char *name,
                  gboolean    codable,
                  const char *color,
                  const char *description)
{
  start (qde, "Code");
  attribute (qde, "guid", guid);
  attribute (qde, "name", name);
  attribute (qde, "isCodable", codable ? "true" : "false");
  attribute (qde, "color", color);
  text_element (qde, "Description", description);
}

static void
write_tag_code (Qde   *qde,
                Tag   *tag,
                guint  depth)
{
  g_autofree char *guid = _attest_refi_guid (tag->uuid);
  GPtrArray *children = g_hash_table_lookup (qde->children, tag->uuid);

  write_code_start (qde, guid, tag->name, TRUE, tag->color, tag->description);
  if (qde->in_project && tag->memo != NULL && *tag->memo != '\0')
    {
      g_autofree char *note = _attest_refi_name_guid ("note/tag-memo/%s", tag->uuid);

      reference (qde, "NoteRef", note);
    }

  /* The store keeps the tree a tree; the depth bound only guards against a damaged file. */
  if (children != NULL && depth < 64)
    for (guint i = 0; i < children->len; i++)
      write_tag_code (qde, g_ptr_array_index (children, i), depth + 1);
  end (qde);
}

static const char *
kind_description (AttestAnnotationKind kind)
{
  switch (kind)
    {
    case ATTEST_ANNOTATION_DIRECT:
      return "Direct quote: the speaker's own words, in quotation marks.";
    case ATTEST_ANNOTATION_INDIRECT:
      return "Indirect quote: what the article reports a speaker said.";
    case ATTEST_ANNOTATION_CLAIM:
      return "Claim: a statement of fact the article makes or reports.";
    case ATTEST_ANNOTATION_NOTE:
    default:
      return "Note: a passage marked for any other reason.";
    }
}

/* Attest › Speakers › <kind> › <source>, a group only for the kinds that have sources. */
static gboolean
write_speaker_codes (Qde     *qde,
                     GError **error)
{
  g_autoptr(AttestRefiStmt) kinds = NULL;
  g_autoptr(AttestRefiStmt) sources = NULL;
  gboolean failed = FALSE;
  gboolean group_open = FALSE;

  kinds = _attest_store_prepare (qde->store,
                                 "SELECT key, label FROM source_kinds ORDER BY position, id",
                                 error);
  sources = _attest_store_prepare (qde->store,
                                   "SELECT uuid, name, role, affiliation FROM sources "
                                   "WHERE kind = ?1 ORDER BY name COLLATE NOCASE, id", error);
  if (kinds == NULL || sources == NULL)
    return FALSE;

  while (step (qde, kinds, &failed, error))
    {
      const char *key = _attest_column_text (kinds, 0);
      gboolean kind_open = FALSE;

      sqlite3_reset (sources);
      sqlite3_bind_text (sources, 1, key, -1, SQLITE_TRANSIENT);
      while (step (qde, sources, &failed, error))
        {
          g_autofree char *guid = _attest_refi_guid (_attest_column_text (sources, 0));
          g_autoptr(GString) about = g_string_new (NULL);

          if (!group_open)
            {
              g_autofree char *group = _attest_refi_name_guid ("code/attest/speakers");

              write_code_start (qde, group, ATTEST_REFI_SPEAKERS_CODE, FALSE, NULL,
                                "The sources Attest records as speakers, by kind. A quote is "
                                "coded with its speaker.");
              group_open = TRUE;
            }
          if (!kind_open)
            {
              g_autofree char *group = _attest_refi_name_guid ("code/attest/speakers/%s", key);

              write_code_start (qde, group, key, FALSE, NULL, _attest_column_text (kinds, 1));
              kind_open = TRUE;
            }

          if (_attest_column_text (sources, 2) != NULL)
            g_string_append_printf (about, "Role: %s\n", _attest_column_text (sources, 2));
          if (_attest_column_text (sources, 3) != NULL)
            g_string_append_printf (about, "Affiliation: %s\n", _attest_column_text (sources, 3));
          if (about->len > 0)
            g_string_truncate (about, about->len - 1);

          write_code_start (qde, guid, _attest_column_text (sources, 1), TRUE, NULL, about->str);
          end (qde);
        }
      if (failed)
        return FALSE;
      if (kind_open)
        end (qde);
    }
  if (failed)
    return FALSE;
  if (group_open)
    end (qde);

  return TRUE;
}

static gboolean
write_codes (Qde     *qde,
             GError **error)
{
  GPtrArray *roots = g_hash_table_lookup (qde->children, "");
  g_autofree char *root = _attest_refi_name_guid ("code/attest");
  g_autofree char *kinds = _attest_refi_name_guid ("code/attest/kinds");

  start (qde, "Codes");
  if (roots != NULL)
    for (guint i = 0; i < roots->len; i++)
      write_tag_code (qde, g_ptr_array_index (roots, i), 0);

  write_code_start (qde, root, ATTEST_REFI_ROOT_CODE, FALSE, NULL,
                    "What Attest records of every annotation: its kind and, for quotes, its "
                    "speaker. Attest reads these codes back when it imports this file.");
  write_code_start (qde, kinds, ATTEST_REFI_KINDS_CODE, FALSE, NULL,
                    "The kind of each annotation; every selection has exactly one.");
  for (guint k = 0; k < ATTEST_ANNOTATION_N_KINDS; k++)
    {
      const char *key = attest_annotation_kind_to_string (k);
      g_autofree char *guid = _attest_refi_name_guid ("code/attest/kinds/%s", key);

      write_code_start (qde, guid, key, TRUE, NULL, kind_description (k));
      end (qde);
    }
  end (qde);
  if (qde->in_project && !write_speaker_codes (qde, error))
    return FALSE;
  end (qde);
  end (qde);

  return TRUE;
}

/* The project */

static gboolean
write_users (Qde     *qde,
             GError **error)
{
  g_autoptr(AttestRefiStmt) stmt = NULL;
  gboolean failed = FALSE;
  gboolean any = FALSE;

  stmt = _attest_store_prepare (qde->store,
                                "SELECT DISTINCT coder FROM annotations "
                                "WHERE coder IS NOT NULL AND coder <> '' ORDER BY coder", error);
  if (stmt == NULL)
    return FALSE;

  while (step (qde, stmt, &failed, error))
    {
      g_autofree char *guid = _attest_refi_name_guid ("user/%s", _attest_column_text (stmt, 0));

      if (!any)
        start (qde, "Users");
      any = TRUE;
      start (qde, "User");
      attribute (qde, "guid", guid);
      attribute (qde, "name", _attest_column_text (stmt, 0));
      end (qde);
    }
  if (any)
    end (qde);

  return !failed;
}

static void
write_variables (Qde *qde)
{
  start (qde, "Variables");
  for (guint i = 0; i < ATTEST_REFI_N_VARIABLES; i++)
    {
      g_autofree char *guid = _attest_refi_name_guid ("variable/%s",
                                                      _attest_refi_variable_names[i]);

      start (qde, "Variable");
      attribute (qde, "guid", guid);
      attribute (qde, "name", _attest_refi_variable_names[i]);
      attribute (qde, "typeOfVariable", "Text");
      end (qde);
    }
  end (qde);
}

static void
write_coding (Qde        *qde,
              const char *annotation_uuid,
              const char *code_guid,
              const char *user_guid,
              const char *created_at)
{
  g_autofree char *guid = _attest_refi_name_guid ("coding/%s/%s", annotation_uuid, code_guid);

  start (qde, "Coding");
  attribute (qde, "guid", guid);
  attribute (qde, "creatingUser", user_guid);
  attribute_time (qde, "creationDateTime", created_at);
  reference (qde, "CodeRef", code_guid);
  end (qde);
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
write_selection (Qde           *qde,
                 sqlite3_stmt  *row,
                 sqlite3_stmt  *tags,
                 GError       **error)
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

  start (qde, "PlainTextSelection");
  attribute (qde, "guid", guid);
  attribute (qde, "name", name);
  attribute_int (qde, "startPosition", sqlite3_column_int64 (row, SELECTION_START));
  attribute_int (qde, "endPosition", sqlite3_column_int64 (row, SELECTION_END));
  attribute (qde, "creatingUser", user);
  attribute_time (qde, "creationDateTime", created_at);
  attribute_time (qde, "modifiedDateTime", _attest_column_text (row, SELECTION_MODIFIED_AT));
  text_element (qde, "Description", _attest_column_text (row, SELECTION_COMMENT));

  write_coding (qde, uuid, kind_code, user, created_at);
  if (sqlite3_column_type (row, SELECTION_SPEAKER) != SQLITE_NULL)
    {
      g_autofree char *speaker = _attest_refi_guid (_attest_column_text (row, SELECTION_SPEAKER));

      write_coding (qde, uuid, speaker, user, created_at);
    }

  sqlite3_reset (tags);
  sqlite3_bind_int64 (tags, 1, sqlite3_column_int64 (row, SELECTION_ID));
  while (step (qde, tags, &failed, error))
    {
      g_autofree char *tag = _attest_refi_guid (_attest_column_text (tags, 0));

      write_coding (qde, uuid, tag, user, created_at);
    }
  end (qde);

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
write_sources (Qde     *qde,
               GError **error)
{
  g_autoptr(AttestRefiStmt) articles = NULL;
  g_autoptr(AttestRefiStmt) selections = NULL;
  g_autoptr(AttestRefiStmt) tags = NULL;
  gboolean failed = FALSE;
  gboolean any = FALSE;

  G_STATIC_ASSERT (ATTEST_REFI_VARIABLE_BYLINE == 0 && ATTEST_REFI_VARIABLE_OUTLET == 1
                   && ATTEST_REFI_VARIABLE_URL == 2 && ATTEST_REFI_VARIABLE_PUBLISHED == 3
                   && ATTEST_REFI_VARIABLE_LANGUAGE == 4);

  articles = _attest_store_prepare (qde->store,
                                    "SELECT id, uuid, title, description, imported_at, byline, "
                                    "outlet, url, published, language FROM articles ORDER BY id",
                                    error);
  selections = _attest_store_prepare (qde->store,
                                      "SELECT n.id, n.uuid, n.kind, n.start, n.\"end\", n.exact, "
                                      "s.uuid, n.comment, n.coder, n.created_at, n.modified_at "
                                      "FROM annotations n "
                                      "LEFT JOIN sources s ON s.id = n.speaker_id "
                                      "WHERE n.article_id = ?1 ORDER BY n.start, n.id", error);
  tags = _attest_store_prepare (qde->store,
                                "SELECT t.uuid FROM annotation_tags x "
                                "JOIN tags t ON t.id = x.tag_id "
                                "WHERE x.annotation_id = ?1 ORDER BY t.name, t.id", error);
  if (articles == NULL || selections == NULL || tags == NULL)
    return FALSE;

  while (step (qde, articles, &failed, error))
    {
      g_autofree char *guid = _attest_refi_guid (_attest_column_text (articles, ARTICLE_UUID));
      g_autofree char *path = g_strconcat ("internal://", guid, ".txt", NULL);

      if (!any)
        start (qde, "Sources");
      any = TRUE;

      start (qde, "TextSource");
      attribute (qde, "guid", guid);
      attribute (qde, "name", _attest_column_text (articles, ARTICLE_TITLE));
      attribute (qde, "plainTextPath", path);
      attribute_time (qde, "creationDateTime", _attest_column_text (articles, ARTICLE_IMPORTED_AT));
      text_element (qde, "Description", _attest_column_text (articles, ARTICLE_DESCRIPTION));

      sqlite3_reset (selections);
      sqlite3_bind_int64 (selections, 1, sqlite3_column_int64 (articles, ARTICLE_ID));
      while (step (qde, selections, &failed, error))
        if (!write_selection (qde, selections, tags, error))
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
          start (qde, "VariableValue");
          reference (qde, "VariableRef", variable);
          text_element (qde, "TextValue", value);
          end (qde);
        }
      end (qde);

      if (!qde_row_done (qde, error))
        return FALSE;
    }
  if (failed)
    return FALSE;
  if (any)
    end (qde);

  return TRUE;
}

/* Tag memos, which the codes point at. */
static void
write_notes (Qde *qde)
{
  gboolean any = FALSE;

  for (guint i = 0; i < qde->tags->len; i++)
    {
      Tag *tag = g_ptr_array_index (qde->tags, i);
      g_autofree char *guid = NULL;
      g_autofree char *name = NULL;

      if (tag->memo == NULL || *tag->memo == '\0')
        continue;
      if (!any)
        start (qde, "Notes");
      any = TRUE;

      guid = _attest_refi_name_guid ("note/tag-memo/%s", tag->uuid);
      name = g_strdup_printf ("Memo: %s", tag->name);
      start (qde, "Note");
      attribute (qde, "guid", guid);
      attribute (qde, "name", name);
      text_element (qde, "PlainTextContent", tag->memo);
      end (qde);
    }
  if (any)
    end (qde);
}

static gboolean
write_project (Qde     *qde,
               GError **error)
{
  g_autoptr(AttestRefiStmt) project = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  const char *name;

  if (!(project = _attest_store_prepare (qde->store,
                                         "SELECT uuid, name, created_at FROM project WHERE id = 1",
                                         error))
      || !load_tags (qde, error))
    return FALSE;
  if (sqlite3_step (project) != SQLITE_ROW)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_A_PROJECT,
                   _("The project file has no project record"));
      return FALSE;
    }

  name = _attest_column_text (project, 1);
  start (qde, "Project");
  attribute (qde, "xmlns", ATTEST_REFI_PROJECT_NAMESPACE);
  attribute (qde, "name", name != NULL && *name != '\0' ? name : "Attest project");
  attribute (qde, "origin", "Attest " PACKAGE_VERSION);
  attribute_time (qde, "creationDateTime", _attest_column_text (project, 2));
  attribute_time (qde, "modifiedDateTime", now);

  if (!write_users (qde, error))
    return FALSE;
  start (qde, "CodeBook");
  if (!write_codes (qde, error))
    return FALSE;
  end (qde);
  write_variables (qde);
  if (!write_sources (qde, error))
    return FALSE;
  write_notes (qde);
  end (qde);

  return TRUE;
}

static gboolean
write_codebook (Qde     *qde,
                GError **error)
{
  if (!load_tags (qde, error))
    return FALSE;

  start (qde, "CodeBook");
  attribute (qde, "xmlns", ATTEST_REFI_CODEBOOK_NAMESPACE);
  attribute (qde, "origin", "Attest " PACKAGE_VERSION);
  if (!write_codes (qde, error))
    return FALSE;
  end (qde);

  return TRUE;
}

/* The zip */

static gboolean
zip_add_entry (Sink        *sink,
               const char  *path,
               gint64       size,
               GError     **error)
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
      set_sink_archive_error (sink);
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  return TRUE;
}

/* Each article's text, exactly as stored, as Sources/<GUID>.txt. */
static gboolean
zip_add_texts (AttestStore   *store,
               Sink          *sink,
               GError       **error)
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
      if (length > 0 && sink_write (sink, body, length) < 0)
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
write_qdpx (AttestStore   *store,
            Sink          *sink,
            GError       **error)
{
  Qde qde;
  gboolean ok;

  if (!zip_add_entry (sink, "project.qde", -1, error))
    return FALSE;

  if (!qde_start (&qde, store, sink, TRUE, sink->cancellable))
    ok = qde_finish (&qde, error);
  else if (!write_project (&qde, error))
    ok = FALSE;
  else
    ok = qde_finish (&qde, error);
  qde_clear (&qde);

  return ok && zip_add_texts (store, sink, error);
}

/* Public API */

gboolean
attest_export_qdc (AttestStore    *store,
                   GOutputStream  *stream,
                   GCancellable   *cancellable,
                   GError        **error)
{
  Sink sink = { .stream = stream, .cancellable = cancellable };
  Qde qde;
  gboolean ok;

  g_return_val_if_fail (ATTEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_attest_exchange_begin_read (store, cancellable, error))
    return FALSE;

  if (!qde_start (&qde, store, &sink, FALSE, cancellable))
    ok = qde_finish (&qde, error);
  else if (!write_codebook (&qde, error))
    ok = FALSE;
  else
    ok = qde_finish (&qde, error);
  qde_clear (&qde);
  g_clear_error (&sink.error);

  _attest_exchange_end_read (store);
  return ok;
}

gboolean
attest_export_qdpx (AttestStore    *store,
                    GOutputStream  *stream,
                    GCancellable   *cancellable,
                    GError        **error)
{
  Sink sink = { .stream = stream, .cancellable = cancellable };
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
      set_sink_archive_error (&sink);
      g_propagate_error (error, g_steal_pointer (&sink.error));
      ok = FALSE;
    }
  else
    {
      ok = write_qdpx (store, &sink, error);
      /* Writes the central directory; after a failure it only lets go. */
      if (ok && archive_write_close (sink.archive) != ARCHIVE_OK)
        {
          set_sink_archive_error (&sink);
          g_propagate_error (error, g_steal_pointer (&sink.error));
          ok = FALSE;
        }
    }

  archive_write_free (sink.archive);
  g_clear_error (&sink.error);
  _attest_exchange_end_read (store);

  return ok;
}
