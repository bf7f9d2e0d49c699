/* attest-w3c.c: the project's annotations as a W3C Web Annotation collection.
 *
 * Rows are read inside one read transaction and each annotation is generated and handed to
 * the stream before the next is read, as attest-export.c does for JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-w3c"

#include "config.h"

#include "attest-w3c.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "attest-error.h"
#include "attest-refi-private.h"
#include "attest-store-private.h"

/* Text waiting in the buffer is written out once it is this long. */
#define FLUSH_THRESHOLD (64 * 1024)

typedef sqlite3_stmt AttestW3cStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestW3cStmt, sqlite3_finalize)

enum
{
  COLUMN_ID,
  COLUMN_UUID,
  COLUMN_KIND,
  COLUMN_START,
  COLUMN_END,
  COLUMN_EXACT,
  COLUMN_PREFIX,
  COLUMN_SUFFIX,
  COLUMN_COMMENT,
  COLUMN_CODER,
  COLUMN_CREATED_AT,
  COLUMN_MODIFIED_AT,
  COLUMN_CLAIM_STATUS,
  COLUMN_ARTICLE_UUID,
  COLUMN_ARTICLE_URL,
  COLUMN_SPEAKER_UUID,
  COLUMN_SPEAKER_NAME,
  COLUMN_SPEAKER_KIND,
};

#define ANNOTATION_SELECT \
  "SELECT n.id, n.uuid, n.kind, n.start, n.\"end\", n.exact, n.prefix, n.suffix, n.comment, " \
  "n.coder, n.created_at, n.modified_at, n.claim_status, a.uuid, a.url, s.uuid, s.name, " \
  "s.kind FROM annotations n JOIN articles a ON a.id = n.article_id " \
  "LEFT JOIN sources s ON s.id = n.speaker_id ORDER BY n.article_id, n.start, n.id"

typedef struct
{
  AttestStore   *store;
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buffer;
  sqlite3_stmt  *tags;
} Export;

/* Writing */

static gboolean
export_flush (Export  *export,
              GError **error)
{
  GError *io_error = NULL;

  if (export->buffer->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (export->stream, export->buffer->str, export->buffer->len,
                                  NULL, export->cancellable, &io_error))
    {
      _attest_exchange_propagate_io_error (error, io_error, _("Could not write the export"));
      return FALSE;
    }

  g_string_truncate (export->buffer, 0);
  return TRUE;
}

/* Appends @node pretty-printed with every line after the first indented by @indent spaces.
 * JSON strings never hold a raw newline, so every newline json-glib writes is layout. */
static void
append_node (GString  *out,
             JsonNode *node,
             guint     indent)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  const char *line;
  const char *newline;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  for (line = text; (newline = strchr (line, '\n')) != NULL; line = newline + 1)
    {
      g_string_append_len (out, line, newline - line + 1);
      for (guint i = 0; i < indent; i++)
        g_string_append_c (out, ' ');
    }
  g_string_append (out, line);
}

static void
append_string (GString    *out,
               const char *value)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  append_node (out, node, 0);
}

/* Values */

static char *
urn (const char *uuid)
{
  g_autofree char *lower = g_ascii_strdown (uuid, -1);

  return g_strconcat ("urn:uuid:", lower, NULL);
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_urn_member (JsonBuilder *builder,
                const char  *name,
                const char  *uuid)
{
  g_autofree char *value = urn (uuid);

  add_member (builder, name, value);
}

static void
add_time_member (JsonBuilder *builder,
                 const char  *name,
                 const char  *iso8601)
{
  g_autofree char *value = _attest_refi_date_time (iso8601);

  if (value != NULL)
    add_member (builder, name, value);
}

static void
add_textual_body (JsonBuilder *builder,
                  const char  *purpose,
                  const char  *value)
{
  json_builder_begin_object (builder);
  add_member (builder, "type", "TextualBody");
  add_member (builder, "purpose", purpose);
  add_member (builder, "value", value);
  add_member (builder, "format", "text/plain");
}

/* Only an absolute http(s) address is a target source a consumer can fetch; anything else
 * would not even be a URI. */
static gboolean
is_web_address (const char *url)
{
  g_autofree char *scheme = NULL;

  if (url == NULL || !g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    return FALSE;
  scheme = g_uri_parse_scheme (url);
  return scheme != NULL
         && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0);
}

static const char *
motivation_for (AttestAnnotationKind  kind,
                gboolean              has_comment,
                gboolean              has_tags)
{
  if (kind != ATTEST_ANNOTATION_NOTE)
    return "classifying";
  if (has_comment)
    return "commenting";
  if (has_tags)
    return "tagging";
  return "highlighting";
}

static const char *
kind_value (AttestAnnotationKind kind)
{
  switch (kind)
    {
    case ATTEST_ANNOTATION_DIRECT:
      return "direct quote";
    case ATTEST_ANNOTATION_INDIRECT:
      return "indirect quote";
    case ATTEST_ANNOTATION_CLAIM:
      return "claim";
    case ATTEST_ANNOTATION_NOTE:
    default:
      return "note";
    }
}

/* One annotation */

static void
add_context (JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, ATTEST_W3C_CONTEXT);
  json_builder_begin_object (builder);
  add_member (builder, "attest", ATTEST_W3C_NAMESPACE);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_target (JsonBuilder  *builder,
            sqlite3_stmt *row)
{
  const char *url = _attest_column_text (row, COLUMN_ARTICLE_URL);
  const char *article = _attest_column_text (row, COLUMN_ARTICLE_UUID);

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  add_member (builder, "type", "SpecificResource");
  if (is_web_address (url))
    add_member (builder, "source", url);
  else
    add_urn_member (builder, "source", article);
  add_urn_member (builder, "attest:article", article);

  json_builder_set_member_name (builder, "selector");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_member (builder, "type", "TextQuoteSelector");
  add_member (builder, "exact", _attest_column_text (row, COLUMN_EXACT));
  add_member (builder, "prefix", _attest_column_text (row, COLUMN_PREFIX));
  add_member (builder, "suffix", _attest_column_text (row, COLUMN_SUFFIX));
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  add_member (builder, "type", "TextPositionSelector");
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, sqlite3_column_int64 (row, COLUMN_START));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, sqlite3_column_int64 (row, COLUMN_END));
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

static JsonNode *
build_annotation (Export        *export,
                  sqlite3_stmt  *row,
                  GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  AttestAnnotationKind kind = ATTEST_ANNOTATION_NOTE;
  const char *comment = _attest_column_text (row, COLUMN_COMMENT);
  const char *coder = _attest_column_text (row, COLUMN_CODER);
  const char *status = _attest_column_text (row, COLUMN_CLAIM_STATUS);
  gboolean has_comment = comment != NULL && *comment != '\0';
  int rc;

  attest_annotation_kind_from_string (_attest_column_text (row, COLUMN_KIND), &kind);

  /* The tags first: the motivation of a note depends on them. */
  sqlite3_reset (export->tags);
  sqlite3_bind_int64 (export->tags, 1, sqlite3_column_int64 (row, COLUMN_ID));
  while ((rc = sqlite3_step (export->tags)) == SQLITE_ROW)
    {
      g_ptr_array_add (tags, g_strdup (_attest_column_text (export->tags, 0)));
      g_ptr_array_add (tags, g_strdup (_attest_column_text (export->tags, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      _attest_store_set_error (export->store, error, _("Could not read the project"));
      return NULL;
    }

  json_builder_begin_object (builder);
  add_context (builder);
  add_urn_member (builder, "id", _attest_column_text (row, COLUMN_UUID));
  add_member (builder, "type", "Annotation");
  add_member (builder, "motivation", motivation_for (kind, has_comment, tags->len > 0));
  add_time_member (builder, "created", _attest_column_text (row, COLUMN_CREATED_AT));
  add_time_member (builder, "modified", _attest_column_text (row, COLUMN_MODIFIED_AT));

  if (coder != NULL && *coder != '\0')
    {
      g_autofree char *coder_guid = _attest_refi_name_guid ("user/%s", coder);

      json_builder_set_member_name (builder, "creator");
      json_builder_begin_object (builder);
      add_urn_member (builder, "id", coder_guid);
      add_member (builder, "type", "Person");
      add_member (builder, "name", coder);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  if (kind != ATTEST_ANNOTATION_NOTE)
    {
      add_textual_body (builder, "classifying", kind_value (kind));
      add_member (builder, "language", "en");
      add_member (builder, "attest:kind", attest_annotation_kind_to_string (kind));
      json_builder_end_object (builder);
    }
  if (sqlite3_column_type (row, COLUMN_SPEAKER_UUID) != SQLITE_NULL)
    {
      add_textual_body (builder, "identifying", _attest_column_text (row, COLUMN_SPEAKER_NAME));
      add_urn_member (builder, "attest:source", _attest_column_text (row, COLUMN_SPEAKER_UUID));
      add_member (builder, "attest:sourceKind", _attest_column_text (row, COLUMN_SPEAKER_KIND));
      json_builder_end_object (builder);
    }
  for (guint i = 0; i + 1 < tags->len; i += 2)
    {
      add_textual_body (builder, "tagging", g_ptr_array_index (tags, i + 1));
      add_urn_member (builder, "attest:tag", g_ptr_array_index (tags, i));
      json_builder_end_object (builder);
    }
  if (has_comment)
    {
      add_textual_body (builder, "commenting", comment);
      json_builder_end_object (builder);
    }
  if (status != NULL)
    {
      add_textual_body (builder, "assessing", status);
      add_member (builder, "language", "en");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_target (builder, row);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The collection */

static gboolean
write_collection (Export  *export,
                  GError **error)
{
  g_autoptr(AttestW3cStmt) project = NULL;
  g_autoptr(AttestW3cStmt) rows = NULL;
  g_autofree char *collection_id = NULL;
  g_autofree char *page_guid = NULL;
  g_autofree char *page_id = NULL;
  const char *name;
  gint64 total = 0;
  gboolean empty = TRUE;
  int rc;

  if (!_attest_store_query_int (export->store, "SELECT count(*) FROM annotations", &total,
                                error)
      || !(project = _attest_store_prepare (export->store,
                                            "SELECT uuid, name FROM project WHERE id = 1",
                                            error))
      || !(export->tags = _attest_store_prepare (export->store,
             "SELECT t.uuid, t.name FROM annotation_tags x JOIN tags t ON t.id = x.tag_id "
             "WHERE x.annotation_id = ?1 ORDER BY t.name, t.id", error))
      || !(rows = _attest_store_prepare (export->store, ANNOTATION_SELECT, error)))
    return FALSE;

  if (sqlite3_step (project) != SQLITE_ROW)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_A_PROJECT,
                   _("The project file has no project record"));
      return FALSE;
    }

  collection_id = urn (_attest_column_text (project, 0));
  page_guid = _attest_refi_name_guid ("w3c-page/%s/1", _attest_column_text (project, 0));
  page_id = urn (page_guid);
  name = _attest_column_text (project, 1);

  g_string_append (export->buffer, "{\n  \"@context\" : ");
  append_string (export->buffer, ATTEST_W3C_CONTEXT);
  g_string_append (export->buffer, ",\n  \"id\" : ");
  append_string (export->buffer, collection_id);
  g_string_append (export->buffer, ",\n  \"type\" : \"AnnotationCollection\"");
  if (name != NULL && *name != '\0')
    {
      g_string_append (export->buffer, ",\n  \"label\" : ");
      append_string (export->buffer, name);
    }
  g_string_append_printf (export->buffer, ",\n  \"total\" : %" G_GINT64_FORMAT, total);
  /* The page repeats the context so that it stands alone, as the model's page checks
   * expect of an embedded page. */
  g_string_append (export->buffer, ",\n  \"first\" : {\n    \"@context\" : ");
  append_string (export->buffer, ATTEST_W3C_CONTEXT);
  g_string_append (export->buffer, ",\n    \"id\" : ");
  append_string (export->buffer, page_id);
  g_string_append (export->buffer,
                   ",\n    \"type\" : \"AnnotationPage\",\n    \"startIndex\" : 0,"
                   "\n    \"items\" : [");

  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = build_annotation (export, rows, error);

      if (node == NULL)
        return FALSE;

      g_string_append (export->buffer, empty ? "\n      " : ",\n      ");
      append_node (export->buffer, node, 6);
      empty = FALSE;

      if (g_cancellable_set_error_if_cancelled (export->cancellable, error))
        return FALSE;
      if (export->buffer->len >= FLUSH_THRESHOLD && !export_flush (export, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _attest_store_set_error (export->store, error, _("Could not read the project"));

  g_string_append (export->buffer, empty ? "]" : "\n    ]");
  g_string_append (export->buffer, "\n  },\n  \"last\" : ");
  append_string (export->buffer, page_id);
  g_string_append (export->buffer, "\n}\n");

  return export_flush (export, error);
}

/* Public API */

gboolean
attest_export_w3c (AttestStore    *store,
                   GOutputStream  *stream,
                   GCancellable   *cancellable,
                   GError        **error)
{
  Export export = { 0 };
  gboolean ok;

  g_return_val_if_fail (ATTEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_attest_exchange_begin_read (store, cancellable, error))
    return FALSE;

  export.store = store;
  export.stream = stream;
  export.cancellable = cancellable;
  export.buffer = g_string_sized_new (FLUSH_THRESHOLD + 4096);

  ok = write_collection (&export, error);

  g_clear_pointer (&export.tags, sqlite3_finalize);
  g_string_free (export.buffer, TRUE);
  _attest_exchange_end_read (store);

  return ok;
}
