/* attest-export.c: writing a project out as JSON or CSV, one row at a time.
 *
 * Rows are read inside one read transaction, so an export is a consistent snapshot, and each
 * row is turned into text and handed to the stream before the next is read: memory holds one
 * article with its annotations at most, whatever the size of the project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-export"

#include "config.h"

#include "attest-export.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "attest-error.h"
#include "attest-store-private.h"

/* Text waiting in the buffer is written out once it is this long. */
#define FLUSH_THRESHOLD (64 * 1024)

/* Cells a spreadsheet would run as a formula start with one of these. */
#define FORMULA_TRIGGERS "=+-@\t\r"

/* A name of our own, so this file's cleanup function cannot clash with one the store's
 * private header may declare for sqlite3_stmt one day. */
typedef sqlite3_stmt AttestExportStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestExportStmt, sqlite3_finalize)

/* Queries run once per row of another query: list members of a source, an incident, a
 * collection, an article or an annotation, all bound to the owner's id as ?1. */
typedef enum
{
  LOOKUP_SOURCE_ALIASES,
  LOOKUP_SOURCE_TAGS,
  LOOKUP_INCIDENT_LINKS,
  LOOKUP_INCIDENT_ACTORS,
  LOOKUP_PLACE_ALIASES,
  LOOKUP_COLLECTION_ARTICLES,
  LOOKUP_ARTICLE_ANNOTATIONS,
  LOOKUP_ANNOTATION_TAGS,
  LOOKUP_ANNOTATION_TAG_NAMES,
  LOOKUP_ANNOTATION_INCIDENTS,
  N_LOOKUPS
} Lookup;

static const char * const lookup_sql[N_LOOKUPS] = {
  [LOOKUP_SOURCE_ALIASES] =
    "SELECT alias FROM source_aliases WHERE source_id = ?1 ORDER BY id",
  [LOOKUP_SOURCE_TAGS] =
    "SELECT t.uuid FROM source_tags x JOIN tags t ON t.id = x.tag_id "
    "WHERE x.source_id = ?1 ORDER BY t.id",
  [LOOKUP_INCIDENT_LINKS] =
    "SELECT l.uuid, a.uuid, n.uuid, l.relation, l.field, l.figure_low, l.figure_high "
    "FROM x_incident_links l "
    "LEFT JOIN articles a ON a.id = l.article_id "
    "LEFT JOIN annotations n ON n.id = l.annotation_id "
    "WHERE l.incident_id = ?1 ORDER BY l.id",
  [LOOKUP_INCIDENT_ACTORS] =
    "SELECT x.uuid, x.name, s.uuid, x.role, x.actor_type FROM incident_actors x "
    "LEFT JOIN sources s ON s.id = x.source_id WHERE x.incident_id = ?1 "
    "ORDER BY x.position, x.id",
  [LOOKUP_PLACE_ALIASES] =
    "SELECT alias FROM place_aliases WHERE place_id = ?1 ORDER BY id",
  [LOOKUP_COLLECTION_ARTICLES] =
    "SELECT a.uuid FROM collection_articles x JOIN x_articles a ON a.id = x.article_id "
    "WHERE x.collection_id = ?1 ORDER BY a.id",
  [LOOKUP_ARTICLE_ANNOTATIONS] =
    "SELECT n.id, n.uuid, n.kind, n.start, n.\"end\", n.exact, n.prefix, n.suffix, s.uuid, "
    "n.comment, n.coder, n.created_at, n.modified_at, n.claim_status, n.suggested "
    "FROM annotations n LEFT JOIN sources s ON s.id = n.speaker_id "
    "WHERE n.article_id = ?1 ORDER BY n.id",
  [LOOKUP_ANNOTATION_TAGS] =
    "SELECT t.uuid FROM annotation_tags x JOIN tags t ON t.id = x.tag_id "
    "WHERE x.annotation_id = ?1 ORDER BY t.id",
  [LOOKUP_ANNOTATION_TAG_NAMES] =
    "SELECT t.name FROM annotation_tags x JOIN tags t ON t.id = x.tag_id "
    "WHERE x.annotation_id = ?1 ORDER BY t.id",
  [LOOKUP_ANNOTATION_INCIDENTS] =
    "SELECT DISTINCT i.uuid, i.id FROM incident_links l "
    "JOIN incidents i ON i.id = l.incident_id "
    "WHERE l.annotation_id = ?1 ORDER BY i.id",
};

typedef struct
{
  AttestStore   *store;
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buffer;
  sqlite3_stmt  *lookups[N_LOOKUPS];
} Export;

typedef enum
{
  COLUMN_TEXT,
  COLUMN_INTEGER,
  COLUMN_REAL,
} ColumnType;

/* The incident table for both formats: the name is the JSON key and the CSV header, the
 * expression what the SELECT reads (actors that are sources as their uuid, not their id). */
typedef struct
{
  const char *name;
  const char *expression;
  ColumnType  type;
} IncidentColumn;

static const IncidentColumn incident_columns[] = {
  { "uuid", "i.uuid", COLUMN_TEXT },
  { "title", "i.title", COLUMN_TEXT },
  { "summary", "i.description", COLUMN_TEXT },
  { "date_start", "i.date_start", COLUMN_TEXT },
  { "date_end", "i.date_end", COLUMN_TEXT },
  { "date_precision", "i.date_precision", COLUMN_TEXT },
  { "date_as_reported", "i.date_as_reported", COLUMN_TEXT },
  { "event_type", "i.event_type", COLUMN_TEXT },
  { "sub_event_type", "i.sub_event_type", COLUMN_TEXT },
  { "place", "p.uuid", COLUMN_TEXT },
  { "location", "i.location", COLUMN_TEXT },
  { "location_as_reported", "i.location_as_reported", COLUMN_TEXT },
  { "admin1", "i.admin1", COLUMN_TEXT },
  { "admin2", "i.admin2", COLUMN_TEXT },
  { "country", "i.country", COLUMN_TEXT },
  { "latitude", "i.latitude", COLUMN_REAL },
  { "longitude", "i.longitude", COLUMN_REAL },
  { "geo_precision", "i.geo_precision", COLUMN_INTEGER },
  { "fatalities_low", "i.fatalities_low", COLUMN_INTEGER },
  { "fatalities_best", "i.fatalities_best", COLUMN_INTEGER },
  { "fatalities_high", "i.fatalities_high", COLUMN_INTEGER },
  { "injuries_low", "i.injuries_low", COLUMN_INTEGER },
  { "injuries_best", "i.injuries_best", COLUMN_INTEGER },
  { "injuries_high", "i.injuries_high", COLUMN_INTEGER },
  { "responsibility", "i.responsibility", COLUMN_TEXT },
  { "status", "i.status", COLUMN_TEXT },
  { "coder", "i.coder", COLUMN_TEXT },
  { "created_at", "i.created_at", COLUMN_TEXT },
  { "modified_at", "i.modified_at", COLUMN_TEXT },
};

/* incidents.csv: ACLED's column names and layout first (fatalities is the best estimate, or
 * the low one; an unknown count is an empty cell, not 0), then Attest's own columns. */
static const IncidentColumn acled_columns[] = {
  { "event_id_cnty",
    "i.uuid", COLUMN_TEXT },
  { "event_date",
    "i.date_start", COLUMN_TEXT },
  { "year",
    "CAST (substr (i.date_start, 1, 4) AS INTEGER)", COLUMN_INTEGER },
  { "time_precision",
    "CASE i.date_precision WHEN 'day' THEN 1 WHEN 'week' THEN 2 WHEN NULL THEN NULL ELSE 3 END", COLUMN_INTEGER },
  { "event_type",
    "i.event_type", COLUMN_TEXT },
  { "sub_event_type",
    "i.sub_event_type", COLUMN_TEXT },
  { "actor1",
    "(SELECT name FROM incident_actors x WHERE x.incident_id = i.id ORDER BY x.role NOT IN ('perpetrator', 'claimant'), x.position LIMIT 1)", COLUMN_TEXT },
  { "actor2",
    "(SELECT name FROM incident_actors x WHERE x.incident_id = i.id AND x.role = 'target' ORDER BY x.position LIMIT 1)", COLUMN_TEXT },
  { "country",
    "i.country", COLUMN_TEXT },
  { "admin1",
    "i.admin1", COLUMN_TEXT },
  { "admin2",
    "i.admin2", COLUMN_TEXT },
  { "location",
    "i.location", COLUMN_TEXT },
  { "latitude",
    "i.latitude", COLUMN_REAL },
  { "longitude",
    "i.longitude", COLUMN_REAL },
  { "geo_precision",
    "i.geo_precision", COLUMN_INTEGER },
  { "source",
    "(SELECT group_concat (outlet, '; ') FROM (SELECT DISTINCT coalesce (a.outlet, a.title) AS outlet FROM incident_links l LEFT JOIN annotations n ON n.id = l.annotation_id JOIN articles a ON a.id = coalesce (l.article_id, n.article_id) WHERE l.incident_id = i.id AND l.relation = 'reports' ORDER BY 1))", COLUMN_TEXT },
  { "notes",
    "i.description", COLUMN_TEXT },
  { "fatalities",
    "coalesce (i.fatalities_best, i.fatalities_low)", COLUMN_INTEGER },
  { "attest_title",
    "i.title", COLUMN_TEXT },
  { "attest_date_end",
    "i.date_end", COLUMN_TEXT },
  { "attest_date_as_reported",
    "i.date_as_reported", COLUMN_TEXT },
  { "attest_location_as_reported",
    "i.location_as_reported", COLUMN_TEXT },
  { "attest_fatalities_low",
    "i.fatalities_low", COLUMN_INTEGER },
  { "attest_fatalities_best",
    "i.fatalities_best", COLUMN_INTEGER },
  { "attest_fatalities_high",
    "i.fatalities_high", COLUMN_INTEGER },
  { "attest_injuries_low",
    "i.injuries_low", COLUMN_INTEGER },
  { "attest_injuries_best",
    "i.injuries_best", COLUMN_INTEGER },
  { "attest_injuries_high",
    "i.injuries_high", COLUMN_INTEGER },
  { "attest_actors",
    "(SELECT group_concat (name || ' (' || role || ')', '; ') FROM (SELECT name, role FROM incident_actors x WHERE x.incident_id = i.id ORDER BY x.position))", COLUMN_TEXT },
  { "attest_responsibility",
    "i.responsibility", COLUMN_TEXT },
  { "attest_status",
    "i.status", COLUMN_TEXT },
  { "attest_coder",
    "i.coder", COLUMN_TEXT },
  { "attest_evidence",
    "(SELECT count(*) FROM incident_links l WHERE l.incident_id = i.id)", COLUMN_INTEGER },
};

static const char * const csv_table_names[] = {
  [ATTEST_CSV_QUOTES] = "quotes",
  [ATTEST_CSV_ANNOTATIONS] = "annotations",
  [ATTEST_CSV_SOURCES] = "sources",
  [ATTEST_CSV_ARTICLES] = "articles",
  [ATTEST_CSV_INCIDENTS] = "incidents",
  [ATTEST_CSV_TAGS] = "tags",
};

/* Export state and writing */

/* A savepoint opens a read transaction outside one and nests inside one, so the export sees
 * one state of the project whether or not the store is in a transaction. */
/* The export reads through temporary views: the whole project, or one collection, or a
 * chosen set of articles with what belongs to them (their annotations, the sources that
 * speak in them, the incidents they are evidence for and those incidents' places). */
static const char scope_views[] =
  "DROP VIEW IF EXISTS temp.x_articles; DROP VIEW IF EXISTS temp.x_annotations;"
  "DROP VIEW IF EXISTS temp.x_sources; DROP VIEW IF EXISTS temp.x_incidents;"
  "DROP VIEW IF EXISTS temp.x_incident_links; DROP VIEW IF EXISTS temp.x_places;"
  "DROP VIEW IF EXISTS temp.x_collections;"
  "CREATE TEMP VIEW x_articles AS SELECT * FROM main.articles "
  "  WHERE NOT (SELECT scoped FROM temp.export_scope_kind) "
  "     OR id IN (SELECT article_id FROM temp.export_scope);"
  "CREATE TEMP VIEW x_annotations AS SELECT * FROM main.annotations "
  "  WHERE article_id IN (SELECT id FROM temp.x_articles);"
  "CREATE TEMP VIEW x_incident_links AS SELECT * FROM main.incident_links "
  "  WHERE article_id IN (SELECT id FROM temp.x_articles) "
  "     OR annotation_id IN (SELECT id FROM temp.x_annotations);"
  "CREATE TEMP VIEW x_incidents AS SELECT * FROM main.incidents "
  "  WHERE NOT (SELECT scoped FROM temp.export_scope_kind) "
  "     OR id IN (SELECT incident_id FROM temp.x_incident_links);"
  "CREATE TEMP VIEW x_sources AS SELECT * FROM main.sources "
  "  WHERE NOT (SELECT scoped FROM temp.export_scope_kind) "
  "     OR id IN (SELECT speaker_id FROM temp.x_annotations) "
  "     OR id IN (SELECT source_id FROM main.incident_actors "
  "               WHERE incident_id IN (SELECT id FROM temp.x_incidents));"
  "CREATE TEMP VIEW x_places AS SELECT * FROM main.places "
  "  WHERE NOT (SELECT scoped FROM temp.export_scope_kind) "
  "     OR id IN (SELECT place_id FROM temp.x_incidents);"
  "CREATE TEMP VIEW x_collections AS SELECT * FROM main.collections "
  "  WHERE NOT (SELECT scoped FROM temp.export_scope_kind) "
  "     OR uuid = (SELECT collection FROM temp.export_scope_kind);";

/* The whole project: the views are the tables, so every lookup stays an index probe. */
static const char whole_views[] =
  "DROP VIEW IF EXISTS temp.x_articles; DROP VIEW IF EXISTS temp.x_annotations;"
  "DROP VIEW IF EXISTS temp.x_sources; DROP VIEW IF EXISTS temp.x_incidents;"
  "DROP VIEW IF EXISTS temp.x_incident_links; DROP VIEW IF EXISTS temp.x_places;"
  "DROP VIEW IF EXISTS temp.x_collections;"
  "CREATE TEMP VIEW x_articles AS SELECT * FROM main.articles;"
  "CREATE TEMP VIEW x_annotations AS SELECT * FROM main.annotations;"
  "CREATE TEMP VIEW x_incident_links AS SELECT * FROM main.incident_links;"
  "CREATE TEMP VIEW x_incidents AS SELECT * FROM main.incidents;"
  "CREATE TEMP VIEW x_sources AS SELECT * FROM main.sources;"
  "CREATE TEMP VIEW x_places AS SELECT * FROM main.places;"
  "CREATE TEMP VIEW x_collections AS SELECT * FROM main.collections;";

static gboolean
set_scope (AttestStore              *store,
           const AttestExportScope  *scope,
           GError                  **error)
{
  sqlite3 *db = _attest_store_get_db (store);
  g_autoptr(AttestExportStmt) kind = NULL;
  g_autoptr(AttestExportStmt) add = NULL;
  /* Scoped only when a collection or articles are named: "excel" alone is the whole project. */
  gboolean scoped = scope != NULL && (scope->collection_uuid != NULL
                                      || scope->article_uuids != NULL);

  if (sqlite3_exec (db,
        "CREATE TEMP TABLE IF NOT EXISTS export_scope (article_id INTEGER PRIMARY KEY);"
        "CREATE TEMP TABLE IF NOT EXISTS export_scope_kind (scoped INTEGER, collection TEXT);"
        "DELETE FROM temp.export_scope; DELETE FROM temp.export_scope_kind;",
        NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_exec (db, scoped ? scope_views : whole_views, NULL, NULL, NULL) != SQLITE_OK
      || !(kind = _attest_store_prepare (store,
             "INSERT INTO temp.export_scope_kind (scoped, collection) VALUES (?, ?)", error)))
    return error && *error ? FALSE : _attest_store_set_error (store, error,
                                                              _("Could not start the export"));

  sqlite3_bind_int (kind, 1, scoped);
  if (scope != NULL && scope->collection_uuid != NULL)
    sqlite3_bind_text (kind, 2, scope->collection_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (kind) != SQLITE_DONE)
    return _attest_store_set_error (store, error, _("Could not start the export"));
  if (!scoped)
    return TRUE;

  if (scope->collection_uuid != NULL)
    {
      if (!(add = _attest_store_prepare (store,
              "INSERT OR IGNORE INTO temp.export_scope (article_id) "
              "SELECT x.article_id FROM collection_articles x JOIN collections c "
              "ON c.id = x.collection_id WHERE c.uuid = ?", error)))
        return FALSE;
      sqlite3_bind_text (add, 1, scope->collection_uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (add) != SQLITE_DONE)
        return _attest_store_set_error (store, error, _("Could not start the export"));
      g_clear_pointer (&add, sqlite3_finalize);
    }

  for (guint i = 0; scope->article_uuids != NULL && scope->article_uuids[i] != NULL; i++)
    {
      if (add == NULL
          && !(add = _attest_store_prepare (store,
                 "INSERT OR IGNORE INTO temp.export_scope (article_id) "
                 "SELECT id FROM articles WHERE uuid = ?", error)))
        return FALSE;
      sqlite3_reset (add);
      sqlite3_bind_text (add, 1, scope->article_uuids[i], -1, SQLITE_STATIC);
      if (sqlite3_step (add) != SQLITE_DONE)
        return _attest_store_set_error (store, error, _("Could not start the export"));
    }
  return TRUE;
}

static gboolean
export_begin (Export                   *export,
              AttestStore              *store,
              const AttestExportScope  *scope,
              GOutputStream            *stream,
              GCancellable             *cancellable,
              GError                  **error)
{
  memset (export, 0, sizeof *export);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (sqlite3_exec (_attest_store_get_db (store), "SAVEPOINT attest_export",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      _attest_store_set_error (store, error, _("Could not start the export"));
      return FALSE;
    }
  if (!set_scope (store, scope, error))
    {
      sqlite3_exec (_attest_store_get_db (store), "RELEASE attest_export", NULL, NULL, NULL);
      return FALSE;
    }

  export->store = store;
  export->stream = stream;
  export->cancellable = cancellable;
  export->buffer = g_string_sized_new (FLUSH_THRESHOLD + 4096);

  return TRUE;
}

static void
export_end (Export *export)
{
  sqlite3 *db = _attest_store_get_db (export->store);

  for (guint i = 0; i < N_LOOKUPS; i++)
    g_clear_pointer (&export->lookups[i], sqlite3_finalize);
  g_string_free (export->buffer, TRUE);

  /* Nothing was written, so this only fails when the connection is gone. */
  if (sqlite3_exec (db, "RELEASE attest_export", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("Could not end the export's read transaction: %s", sqlite3_errmsg (db));
}

/* Cancellation keeps its G_IO_ERROR_CANCELLED so callers can tell it from a failure; every
 * other I/O error becomes an ATTEST_ERROR prefixed with what was being written. */
static void
propagate_io_error (GError     **error,
                    GError      *io_error,
                    const char  *doing)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, io_error);
      return;
    }

  g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED, "%s: %s", doing, io_error->message);
  g_error_free (io_error);
}

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
      propagate_io_error (error, io_error, _("Could not write the export"));
      return FALSE;
    }

  g_string_truncate (export->buffer, 0);
  return TRUE;
}

/* Called after every row: where a cancelled export stops. */
static gboolean
export_row_done (Export  *export,
                 GError **error)
{
  if (g_cancellable_set_error_if_cancelled (export->cancellable, error))
    return FALSE;

  if (export->buffer->len >= FLUSH_THRESHOLD)
    return export_flush (export, error);

  return TRUE;
}

/* Returns the lookup statement reset and bound to @id, preparing it on first use. */
static sqlite3_stmt *
export_lookup (Export  *export,
               Lookup   lookup,
               gint64   id,
               GError **error)
{
  sqlite3_stmt *stmt = export->lookups[lookup];

  if (stmt == NULL)
    {
      stmt = _attest_store_prepare (export->store, lookup_sql[lookup], error);
      if (stmt == NULL)
        return NULL;
      export->lookups[lookup] = stmt;
    }

  sqlite3_reset (stmt);
  if (sqlite3_bind_int64 (stmt, 1, id) != SQLITE_OK)
    {
      _attest_store_set_error (export->store, error, _("Could not read the project"));
      return NULL;
    }

  return stmt;
}

/* Steps through the rows of a statement; FALSE at the end or on an error, which is set. */
static gboolean
step_row (Export        *export,
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
      _attest_store_set_error (export->store, error, _("Could not read the project"));
    }

  return FALSE;
}

/* JSON values */

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_text (JsonBuilder  *builder,
          const char   *name,
          sqlite3_stmt *stmt,
          int           column)
{
  add_string_member (builder, name, _attest_column_text (stmt, column));
}

static void
add_integer (JsonBuilder  *builder,
             const char   *name,
             sqlite3_stmt *stmt,
             int           column)
{
  json_builder_set_member_name (builder, name);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, column));
}

static void
add_real (JsonBuilder  *builder,
          const char   *name,
          sqlite3_stmt *stmt,
          int           column)
{
  json_builder_set_member_name (builder, name);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, sqlite3_column_double (stmt, column));
}

static void
add_boolean (JsonBuilder  *builder,
             const char   *name,
             sqlite3_stmt *stmt,
             int           column)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, sqlite3_column_int64 (stmt, column) != 0);
}

/* An array member of the strings in column 0 of a lookup. */
static gboolean
add_lookup_array (Export       *export,
                  JsonBuilder  *builder,
                  const char   *name,
                  Lookup        lookup,
                  gint64        id,
                  GError      **error)
{
  sqlite3_stmt *stmt = export_lookup (export, lookup, id, error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  while (step_row (export, stmt, &failed, error))
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        json_builder_add_string_value (builder, _attest_column_text (stmt, 0));
    }
  json_builder_end_array (builder);

  return !failed;
}

/* JSON layout */

/* Appends @node pretty-printed with every line after the first indented by @indent spaces, so
 * a value generated on its own sits at its place in the document. JSON strings never hold a
 * raw newline, so every newline json-glib writes is layout. */
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
append_member_name (GString    *out,
                    const char *name)
{
  g_string_append_printf (out, ",\n  \"%s\" : ", name);
}

static void
append_string_member (GString    *out,
                      const char *name,
                      const char *value)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  append_member_name (out, name);
  append_node (out, node, 2);
}

/* A row of a query turned into the members of one JSON object. */
typedef gboolean (*JsonRowFunc) (Export        *export,
                                 sqlite3_stmt  *stmt,
                                 JsonBuilder   *builder,
                                 GError       **error);

/* Writes the member @name, an array with one object per row of @sql, generating and writing
 * each object before reading the next row. The layout is json-glib's. */
static gboolean
write_json_section (Export       *export,
                    const char   *name,
                    const char   *sql,
                    JsonRowFunc   add_members,
                    GError      **error)
{
  g_autoptr(AttestExportStmt) stmt = _attest_store_prepare (export->store, sql, error);
  gboolean failed = FALSE;
  gboolean empty = TRUE;

  if (stmt == NULL)
    return FALSE;

  append_member_name (export->buffer, name);
  g_string_append_c (export->buffer, '[');

  while (step_row (export, stmt, &failed, error))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      if (!add_members (export, stmt, builder, error))
        return FALSE;
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);

      g_string_append (export->buffer, empty ? "\n    " : ",\n    ");
      append_node (export->buffer, node, 4);
      empty = FALSE;

      if (!export_row_done (export, error))
        return FALSE;
    }
  if (failed)
    return FALSE;

  g_string_append (export->buffer, empty ? "]" : "\n  ]");
  return TRUE;
}

/* JSON sections */

static gboolean
add_project_members (Export        *export,
                     sqlite3_stmt  *stmt,
                     JsonBuilder   *builder,
                     GError       **error)
{
  add_text (builder, "uuid", stmt, 0);
  add_text (builder, "name", stmt, 1);
  add_text (builder, "created_at", stmt, 2);
  return TRUE;
}

static gboolean
write_json_project (Export  *export,
                    GError **error)
{
  g_autoptr(AttestExportStmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  gboolean failed = FALSE;

  stmt = _attest_store_prepare (export->store,
                                "SELECT uuid, name, created_at FROM project WHERE id = 1",
                                error);
  if (stmt == NULL)
    return FALSE;

  if (!step_row (export, stmt, &failed, error))
    {
      if (!failed)
        g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_A_PROJECT,
                     _("The project file has no project record"));
      return FALSE;
    }

  json_builder_begin_object (builder);
  add_project_members (export, stmt, builder, error);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  append_member_name (export->buffer, "project");
  append_node (export->buffer, node, 2);
  return TRUE;
}

static gboolean
add_source_kind_members (Export        *export,
                         sqlite3_stmt  *stmt,
                         JsonBuilder   *builder,
                         GError       **error)
{
  add_text (builder, "key", stmt, 0);
  add_text (builder, "label", stmt, 1);
  return TRUE;
}

static gboolean
add_tag_members (Export        *export,
                 sqlite3_stmt  *stmt,
                 JsonBuilder   *builder,
                 GError       **error)
{
  add_text (builder, "uuid", stmt, 0);
  add_text (builder, "name", stmt, 1);
  add_text (builder, "parent", stmt, 2);
  add_text (builder, "color", stmt, 3);
  add_text (builder, "description", stmt, 4);
  add_text (builder, "memo", stmt, 5);
  return TRUE;
}

static gboolean
add_source_members (Export        *export,
                    sqlite3_stmt  *stmt,
                    JsonBuilder   *builder,
                    GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  add_text (builder, "uuid", stmt, 1);
  add_text (builder, "name", stmt, 2);
  add_text (builder, "kind", stmt, 3);
  add_text (builder, "role", stmt, 4);
  add_text (builder, "affiliation", stmt, 5);
  add_boolean (builder, "anonymous", stmt, 6);
  add_boolean (builder, "group", stmt, 7);
  add_text (builder, "notes", stmt, 8);
  if (!add_lookup_array (export, builder, "aliases", LOOKUP_SOURCE_ALIASES, id, error) ||
      !add_lookup_array (export, builder, "tags", LOOKUP_SOURCE_TAGS, id, error))
    return FALSE;
  add_text (builder, "created_at", stmt, 9);
  add_text (builder, "modified_at", stmt, 10);
  return TRUE;
}

static gboolean
add_place_members (Export        *export,
                   sqlite3_stmt  *stmt,
                   JsonBuilder   *builder,
                   GError       **error)
{
  add_text (builder, "uuid", stmt, 1);
  add_text (builder, "name", stmt, 2);
  if (!add_lookup_array (export, builder, "aliases", LOOKUP_PLACE_ALIASES,
                         sqlite3_column_int64 (stmt, 0), error))
    return FALSE;
  add_text (builder, "admin1", stmt, 3);
  add_text (builder, "admin1_code", stmt, 4);
  add_text (builder, "admin2", stmt, 5);
  add_text (builder, "country", stmt, 6);
  add_text (builder, "country_code", stmt, 7);
  add_real (builder, "latitude", stmt, 8);
  add_real (builder, "longitude", stmt, 9);
  add_integer (builder, "geo_precision", stmt, 10);
  add_text (builder, "created_at", stmt, 11);
  return TRUE;
}

static char *
incident_select (const IncidentColumn *columns,
                 guint                 n_columns)
{
  GString *sql = g_string_new ("SELECT i.id");

  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, ", %s", columns[i].expression);
  g_string_append (sql,
                   " FROM x_incidents i"
                   " LEFT JOIN places p ON p.id = i.place_id"
                   " ORDER BY i.date_start IS NULL, i.date_start, i.id");

  return g_string_free (sql, FALSE);
}

static gboolean
add_incident_members (Export        *export,
                      sqlite3_stmt  *stmt,
                      JsonBuilder   *builder,
                      GError       **error)
{
  sqlite3_stmt *actors;
  sqlite3_stmt *links;
  gboolean failed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (incident_columns); i++)
    {
      const IncidentColumn *column = &incident_columns[i];

      if (column->type == COLUMN_INTEGER)
        add_integer (builder, column->name, stmt, i + 1);
      else if (column->type == COLUMN_REAL)
        add_real (builder, column->name, stmt, i + 1);
      else
        add_text (builder, column->name, stmt, i + 1);
    }

  actors = export_lookup (export, LOOKUP_INCIDENT_ACTORS, sqlite3_column_int64 (stmt, 0), error);
  if (actors == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "actors");
  json_builder_begin_array (builder);
  while (step_row (export, actors, &failed, error))
    {
      json_builder_begin_object (builder);
      add_text (builder, "uuid", actors, 0);
      add_text (builder, "name", actors, 1);
      add_text (builder, "source", actors, 2);
      add_text (builder, "role", actors, 3);
      add_text (builder, "actor_type", actors, 4);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (failed)
    return FALSE;

  links = export_lookup (export, LOOKUP_INCIDENT_LINKS, sqlite3_column_int64 (stmt, 0), error);
  if (links == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  while (step_row (export, links, &failed, error))
    {
      json_builder_begin_object (builder);
      add_text (builder, "uuid", links, 0);
      if (sqlite3_column_type (links, 1) != SQLITE_NULL)
        add_text (builder, "article", links, 1);
      else
        add_text (builder, "annotation", links, 2);
      add_text (builder, "relation", links, 3);
      add_text (builder, "field", links, 4);
      add_integer (builder, "figure_low", links, 5);
      add_integer (builder, "figure_high", links, 6);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return !failed;
}

static gboolean
add_collection_members (Export        *export,
                        sqlite3_stmt  *stmt,
                        JsonBuilder   *builder,
                        GError       **error)
{
  add_text (builder, "uuid", stmt, 1);
  add_text (builder, "name", stmt, 2);
  add_text (builder, "description", stmt, 3);
  add_text (builder, "created_at", stmt, 4);
  return add_lookup_array (export, builder, "articles", LOOKUP_COLLECTION_ARTICLES,
                           sqlite3_column_int64 (stmt, 0), error);
}

static gboolean
add_article_members (Export        *export,
                     sqlite3_stmt  *stmt,
                     JsonBuilder   *builder,
                     GError       **error)
{
  sqlite3_stmt *annotations;
  gboolean failed = FALSE;

  add_text (builder, "uuid", stmt, 1);
  add_text (builder, "title", stmt, 2);
  add_text (builder, "byline", stmt, 3);
  add_text (builder, "outlet", stmt, 4);
  add_text (builder, "url", stmt, 5);
  add_text (builder, "published", stmt, 6);
  add_text (builder, "language", stmt, 7);
  add_text (builder, "origin", stmt, 8);
  add_text (builder, "description", stmt, 12);
  add_text (builder, "content_hash", stmt, 9);
  add_text (builder, "imported_at", stmt, 10);
  add_text (builder, "text", stmt, 11);

  annotations = export_lookup (export, LOOKUP_ARTICLE_ANNOTATIONS,
                               sqlite3_column_int64 (stmt, 0), error);
  if (annotations == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "annotations");
  json_builder_begin_array (builder);
  while (step_row (export, annotations, &failed, error))
    {
      json_builder_begin_object (builder);
      add_text (builder, "uuid", annotations, 1);
      add_text (builder, "kind", annotations, 2);
      add_integer (builder, "start", annotations, 3);
      add_integer (builder, "end", annotations, 4);
      add_text (builder, "exact", annotations, 5);
      add_text (builder, "prefix", annotations, 6);
      add_text (builder, "suffix", annotations, 7);
      add_text (builder, "speaker", annotations, 8);
      add_text (builder, "comment", annotations, 9);
      add_text (builder, "coder", annotations, 10);
      add_text (builder, "claim_status", annotations, 13);
      json_builder_set_member_name (builder, "suggested");
      json_builder_add_boolean_value (builder, sqlite3_column_int (annotations, 14) != 0);
      if (!add_lookup_array (export, builder, "tags", LOOKUP_ANNOTATION_TAGS,
                             sqlite3_column_int64 (annotations, 0), error))
        return FALSE;
      add_text (builder, "created_at", annotations, 11);
      add_text (builder, "modified_at", annotations, 12);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return !failed;
}

static gboolean
write_json (Export  *export,
            GError **error)
{
  g_autofree char *exported_at = _attest_now_iso8601 ();
  g_autofree char *incidents_sql = incident_select (incident_columns,
                                                    G_N_ELEMENTS (incident_columns));

  g_string_append_printf (export->buffer, "{\n  \"format\" : \"%s\",\n  \"version\" : %d",
                          ATTEST_EXPORT_FORMAT_NAME, ATTEST_EXPORT_FORMAT_VERSION);
  append_string_member (export->buffer, "generator", "Attest " PACKAGE_VERSION);
  append_string_member (export->buffer, "exported_at", exported_at);

  if (!write_json_project (export, error) ||
      !write_json_section (export, "source_kinds",
                           "SELECT key, label FROM source_kinds ORDER BY position, id",
                           add_source_kind_members, error) ||
      !write_json_section (export, "codebook",
                           "SELECT t.uuid, t.name, p.uuid, t.color, t.description, t.memo "
                           "FROM tags t LEFT JOIN tags p ON p.id = t.parent_id ORDER BY t.id",
                           add_tag_members, error) ||
      !write_json_section (export, "sources",
                           "SELECT id, uuid, name, kind, role, affiliation, anonymous, "
                           "is_group, notes, created_at, modified_at FROM x_sources ORDER BY id",
                           add_source_members, error) ||
      !write_json_section (export, "places",
                           "SELECT id, uuid, name, admin1, admin1_code, admin2, country, "
                           "country_code, latitude, longitude, geo_precision, created_at "
                           "FROM x_places ORDER BY id",
                           add_place_members, error) ||
      !write_json_section (export, "incidents", incidents_sql, add_incident_members, error) ||
      !write_json_section (export, "collections",
                           "SELECT id, uuid, name, description, created_at "
                           "FROM x_collections ORDER BY id",
                           add_collection_members, error) ||
      !write_json_section (export, "articles",
                           "SELECT id, uuid, title, byline, outlet, url, published, language, "
                           "origin, content_hash, imported_at, body, description "
                           "FROM x_articles ORDER BY id",
                           add_article_members, error))
    return FALSE;

  g_string_append (export->buffer, "\n}\n");

  return export_flush (export, error);
}

/* CSV cells */

typedef struct
{
  GString  *buffer;
  gboolean  first;
} CsvRow;

static void
csv_row_start (CsvRow  *row,
               GString *buffer)
{
  row->buffer = buffer;
  row->first = TRUE;
}

static void
csv_row_end (CsvRow *row)
{
  g_string_append (row->buffer, "\r\n");
}

/* RFC 4180: a cell holding a comma, a quote or a line break is quoted, quotes doubled. */
static void
csv_append_raw (CsvRow     *row,
                const char *prefix,
                const char *value)
{
  if (!row->first)
    g_string_append_c (row->buffer, ',');
  row->first = FALSE;

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (row->buffer, prefix);
      g_string_append (row->buffer, value);
      return;
    }

  g_string_append_c (row->buffer, '"');
  g_string_append (row->buffer, prefix);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row->buffer, '"');
      g_string_append_c (row->buffer, *p);
    }
  g_string_append_c (row->buffer, '"');
}

/* Text a researcher typed or an article held. A leading quote makes a spreadsheet show a cell
 * that looks like a formula as text instead of running it. */
static void
csv_append_text (CsvRow     *row,
                 const char *value)
{
  if (value == NULL)
    value = "";

  if (value[0] != '\0' && strchr (FORMULA_TRIGGERS, value[0]) != NULL)
    csv_append_raw (row, "'", value);
  else
    csv_append_raw (row, "", value);
}

static void
csv_append_column (CsvRow       *row,
                   sqlite3_stmt *stmt,
                   int           column)
{
  csv_append_text (row, _attest_column_text (stmt, column));
}

/* Numbers are written by us, not typed by anyone: a negative longitude stays a number. */
static void
csv_append_integer (CsvRow       *row,
                    sqlite3_stmt *stmt,
                    int           column)
{
  char text[32] = "";

  if (sqlite3_column_type (stmt, column) != SQLITE_NULL)
    g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT,
                (gint64) sqlite3_column_int64 (stmt, column));

  csv_append_raw (row, "", text);
}

static void
csv_append_real (CsvRow       *row,
                 sqlite3_stmt *stmt,
                 int           column)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char text[G_ASCII_DTOSTR_BUF_SIZE] = "";

  if (sqlite3_column_type (stmt, column) != SQLITE_NULL)
    {
      double value = sqlite3_column_double (stmt, column);

      /* The shortest text that reads back as the same double: 33.3, not 33.299999999999997. */
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        {
          g_ascii_formatd (text, sizeof text, formats[i], value);
          if (g_ascii_strtod (text, NULL) == value)
            break;
        }
    }

  csv_append_raw (row, "", text);
}

static void
csv_append_boolean (CsvRow       *row,
                    sqlite3_stmt *stmt,
                    int           column)
{
  csv_append_raw (row, "", sqlite3_column_int64 (stmt, column) != 0 ? "true" : "false");
}

/* One cell listing column 0 of a lookup's rows, separated by "; ". */
static gboolean
csv_append_lookup (Export  *export,
                   CsvRow  *row,
                   Lookup   lookup,
                   gint64   id,
                   GError **error)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  sqlite3_stmt *stmt = export_lookup (export, lookup, id, error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;

  while (step_row (export, stmt, &failed, error))
    {
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        continue;
      if (joined->len > 0)
        g_string_append (joined, "; ");
      g_string_append (joined, _attest_column_text (stmt, 0));
    }
  if (failed)
    return FALSE;

  csv_append_text (row, joined->str);
  return TRUE;
}

/* CSV tables */

typedef gboolean (*CsvRowFunc) (Export        *export,
                                sqlite3_stmt  *stmt,
                                CsvRow        *row,
                                GError       **error);

static gboolean
write_csv_table (Export              *export,
                 const char * const  *header,
                 gsize                n_columns,
                 const char          *sql,
                 CsvRowFunc           add_cells,
                 GError             **error)
{
  g_autoptr(AttestExportStmt) stmt = _attest_store_prepare (export->store, sql, error);
  gboolean failed = FALSE;
  CsvRow row;

  if (stmt == NULL)
    return FALSE;

  csv_row_start (&row, export->buffer);
  for (gsize i = 0; i < n_columns; i++)
    csv_append_raw (&row, "", header[i]);
  csv_row_end (&row);

  while (step_row (export, stmt, &failed, error))
    {
      csv_row_start (&row, export->buffer);
      if (!add_cells (export, stmt, &row, error))
        return FALSE;
      csv_row_end (&row);

      if (!export_row_done (export, error))
        return FALSE;
    }
  if (failed)
    return FALSE;

  return export_flush (export, error);
}

enum
{
  ANNOTATION_ID,
  ANNOTATION_UUID,
  ANNOTATION_ARTICLE_UUID,
  ANNOTATION_ARTICLE_TITLE,
  ANNOTATION_ARTICLE_OUTLET,
  ANNOTATION_ARTICLE_PUBLISHED,
  ANNOTATION_EXACT,
  ANNOTATION_KIND,
  ANNOTATION_SPEAKER_UUID,
  ANNOTATION_SPEAKER_NAME,
  ANNOTATION_SPEAKER_KIND,
  ANNOTATION_SPEAKER_ROLE,
  ANNOTATION_SPEAKER_AFFILIATION,
  ANNOTATION_START,
  ANNOTATION_END,
  ANNOTATION_COMMENT,
  ANNOTATION_CODER,
  ANNOTATION_PREFIX,
  ANNOTATION_SUFFIX,
  ANNOTATION_CREATED_AT,
  ANNOTATION_MODIFIED_AT,
};

/* Columns in the order of the enum above. Rows come in the order a reader meets them:
 * article by article, then by position in the text. */
#define ANNOTATION_SELECT \
  "SELECT n.id, n.uuid, a.uuid, a.title, a.outlet, a.published, n.exact, n.kind, s.uuid, " \
  "s.name, s.kind, s.role, s.affiliation, n.start, n.\"end\", n.comment, n.coder, " \
  "n.prefix, n.suffix, n.created_at, n.modified_at FROM x_annotations n " \
  "JOIN articles a ON a.id = n.article_id LEFT JOIN sources s ON s.id = n.speaker_id "
#define ANNOTATION_ORDER "ORDER BY n.article_id, n.start, n.id"

static const char * const quote_header[] = {
  "quote_uuid", "article_uuid", "article_title", "article_outlet", "article_published",
  "quote_text", "quote_type", "speaker_uuid", "speaker_name", "speaker_kind", "speaker_role",
  "speaker_affiliation", "tags", "incident_uuids", "start", "end", "comment", "coder",
};

static gboolean
add_quote_cells (Export        *export,
                 sqlite3_stmt  *stmt,
                 CsvRow        *row,
                 GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, ANNOTATION_ID);

  for (int i = ANNOTATION_UUID; i <= ANNOTATION_SPEAKER_AFFILIATION; i++)
    csv_append_column (row, stmt, i);
  if (!csv_append_lookup (export, row, LOOKUP_ANNOTATION_TAG_NAMES, id, error) ||
      !csv_append_lookup (export, row, LOOKUP_ANNOTATION_INCIDENTS, id, error))
    return FALSE;
  csv_append_integer (row, stmt, ANNOTATION_START);
  csv_append_integer (row, stmt, ANNOTATION_END);
  csv_append_column (row, stmt, ANNOTATION_COMMENT);
  csv_append_column (row, stmt, ANNOTATION_CODER);
  return TRUE;
}

static const char * const annotation_header[] = {
  "annotation_uuid", "article_uuid", "article_title", "article_outlet", "article_published",
  "kind", "start", "end", "exact", "prefix", "suffix", "speaker_uuid", "speaker_name",
  "speaker_kind", "tags", "incident_uuids", "comment", "coder", "created_at", "modified_at",
};

static gboolean
add_annotation_cells (Export        *export,
                      sqlite3_stmt  *stmt,
                      CsvRow        *row,
                      GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, ANNOTATION_ID);

  for (int i = ANNOTATION_UUID; i <= ANNOTATION_ARTICLE_PUBLISHED; i++)
    csv_append_column (row, stmt, i);
  csv_append_column (row, stmt, ANNOTATION_KIND);
  csv_append_integer (row, stmt, ANNOTATION_START);
  csv_append_integer (row, stmt, ANNOTATION_END);
  csv_append_column (row, stmt, ANNOTATION_EXACT);
  csv_append_column (row, stmt, ANNOTATION_PREFIX);
  csv_append_column (row, stmt, ANNOTATION_SUFFIX);
  csv_append_column (row, stmt, ANNOTATION_SPEAKER_UUID);
  csv_append_column (row, stmt, ANNOTATION_SPEAKER_NAME);
  csv_append_column (row, stmt, ANNOTATION_SPEAKER_KIND);
  if (!csv_append_lookup (export, row, LOOKUP_ANNOTATION_TAG_NAMES, id, error) ||
      !csv_append_lookup (export, row, LOOKUP_ANNOTATION_INCIDENTS, id, error))
    return FALSE;
  csv_append_column (row, stmt, ANNOTATION_COMMENT);
  csv_append_column (row, stmt, ANNOTATION_CODER);
  csv_append_column (row, stmt, ANNOTATION_CREATED_AT);
  csv_append_column (row, stmt, ANNOTATION_MODIFIED_AT);
  return TRUE;
}

static const char * const source_header[] = {
  "uuid", "name", "kind", "role", "affiliation", "anonymous", "group", "aliases", "n_quotes",
  "notes",
};

static const char * const tag_header[] = {
  "uuid", "name", "parent_uuid", "path", "color", "description", "memo", "n_annotations",
  "n_sources",
};

static gboolean
add_tag_cells (Export        *export,
               sqlite3_stmt  *stmt,
               CsvRow        *row,
               GError       **error)
{
  for (int i = 0; i < 7; i++)
    csv_append_column (row, stmt, i);
  csv_append_integer (row, stmt, 7);
  csv_append_integer (row, stmt, 8);
  return TRUE;
}

static gboolean
add_source_cells (Export        *export,
                  sqlite3_stmt  *stmt,
                  CsvRow        *row,
                  GError       **error)
{
  for (int i = 1; i <= 5; i++)
    csv_append_column (row, stmt, i);
  csv_append_boolean (row, stmt, 6);
  csv_append_boolean (row, stmt, 7);
  if (!csv_append_lookup (export, row, LOOKUP_SOURCE_ALIASES,
                          sqlite3_column_int64 (stmt, 0), error))
    return FALSE;
  csv_append_integer (row, stmt, 8);
  csv_append_column (row, stmt, 9);
  return TRUE;
}

static const char * const article_header[] = {
  "uuid", "title", "byline", "outlet", "url", "published", "language", "origin", "imported_at",
  "content_hash", "n_annotations",
};

static gboolean
add_article_cells (Export        *export,
                   sqlite3_stmt  *stmt,
                   CsvRow        *row,
                   GError       **error)
{
  for (int i = 0; i < 10; i++)
    csv_append_column (row, stmt, i);
  csv_append_integer (row, stmt, 10);
  return TRUE;
}

static gboolean
add_incident_cells (Export        *export,
                    sqlite3_stmt  *stmt,
                    CsvRow        *row,
                    GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (acled_columns); i++)
    {
      if (acled_columns[i].type == COLUMN_INTEGER)
        csv_append_integer (row, stmt, i + 1);
      else if (acled_columns[i].type == COLUMN_REAL)
        csv_append_real (row, stmt, i + 1);
      else
        csv_append_column (row, stmt, i + 1);
    }
  return TRUE;
}

static gboolean
write_csv (Export          *export,
           AttestCsvTable   table,
           GError         **error)
{
  switch (table)
    {
    case ATTEST_CSV_QUOTES:
      return write_csv_table (export, quote_header, G_N_ELEMENTS (quote_header),
                              ANNOTATION_SELECT "WHERE n.kind IN ('direct', 'indirect') "
                              ANNOTATION_ORDER,
                              add_quote_cells, error);
    case ATTEST_CSV_ANNOTATIONS:
      return write_csv_table (export, annotation_header, G_N_ELEMENTS (annotation_header),
                              ANNOTATION_SELECT ANNOTATION_ORDER,
                              add_annotation_cells, error);
    case ATTEST_CSV_SOURCES:
      return write_csv_table (export, source_header, G_N_ELEMENTS (source_header),
                              "SELECT s.id, s.uuid, s.name, s.kind, s.role, s.affiliation, "
                              "s.anonymous, s.is_group, "
                              "(SELECT count(*) FROM annotations n WHERE n.speaker_id = s.id "
                              "AND n.kind IN ('direct', 'indirect')), s.notes "
                              "FROM x_sources s ORDER BY s.id",
                              add_source_cells, error);
    case ATTEST_CSV_ARTICLES:
      return write_csv_table (export, article_header, G_N_ELEMENTS (article_header),
                              "SELECT a.uuid, a.title, a.byline, a.outlet, a.url, a.published, "
                              "a.language, a.origin, a.imported_at, a.content_hash, "
                              "(SELECT count(*) FROM annotations n WHERE n.article_id = a.id) "
                              "FROM x_articles a ORDER BY a.id",
                              add_article_cells, error);
    case ATTEST_CSV_TAGS:
      /* The path names the tag with its ancestors: "Violence › Casualties". */
      return write_csv_table (export, tag_header, G_N_ELEMENTS (tag_header),
                              "WITH RECURSIVE paths (id, path) AS ("
                              "  SELECT id, name FROM tags WHERE parent_id IS NULL"
                              "  UNION ALL SELECT t.id, p.path || ' › ' || t.name"
                              "  FROM tags t JOIN paths p ON t.parent_id = p.id) "
                              "SELECT t.uuid, t.name, p.uuid, paths.path, t.color, "
                              "t.description, t.memo, "
                              "(SELECT count(*) FROM annotation_tags x "
                              " WHERE x.tag_id = t.id AND x.annotation_id IN "
                              " (SELECT id FROM x_annotations)), "
                              "(SELECT count(*) FROM source_tags y WHERE y.tag_id = t.id) "
                              "FROM tags t LEFT JOIN tags p ON p.id = t.parent_id "
                              "LEFT JOIN paths ON paths.id = t.id ORDER BY paths.path",
                              add_tag_cells, error);
    case ATTEST_CSV_INCIDENTS:
      {
        g_autofree char *sql = incident_select (acled_columns, G_N_ELEMENTS (acled_columns));
        const char *header[G_N_ELEMENTS (acled_columns)];

        for (guint i = 0; i < G_N_ELEMENTS (acled_columns); i++)
          header[i] = acled_columns[i].name;

        return write_csv_table (export, header, G_N_ELEMENTS (header), sql,
                                add_incident_cells, error);
      }
    default:
      g_assert_not_reached ();
    }
}

/* Files */

/* Creates a new file beside @file for the export to go to, so that the target is replaced by
 * a rename only once the export is complete. */
static GFileOutputStream *
create_temporary (GFile       *file,
                  const char  *doing,
                  GFile      **temporary,
                  GError     **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);

  if (parent == NULL)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                   _("%s: it is not a file"), doing);
      return NULL;
    }

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      g_autoptr(GFile) candidate = g_file_get_child (parent, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      stream = g_file_create (candidate, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream != NULL)
        {
          *temporary = g_steal_pointer (&candidate);
          return stream;
        }

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          propagate_io_error (error, g_steal_pointer (&local_error), doing);
          return NULL;
        }
    }

  g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
               _("%s: no free temporary name beside it"), doing);
  return NULL;
}

/* Public API */

gboolean
attest_csv_table_from_string (const char     *str,
                              AttestCsvTable *table)
{
  g_return_val_if_fail (table != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (csv_table_names); i++)
    {
      if (g_str_equal (str, csv_table_names[i]))
        {
          *table = (AttestCsvTable) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
attest_csv_table_to_string (AttestCsvTable table)
{
  if ((guint) table >= G_N_ELEMENTS (csv_table_names))
    return NULL;

  return csv_table_names[table];
}

gboolean
attest_export_json (AttestStore   *store,
                    GOutputStream *stream,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return attest_export_json_scoped (store, NULL, stream, cancellable, error);
}

gboolean
attest_export_json_scoped (AttestStore              *store,
                           const AttestExportScope  *scope,
                           GOutputStream            *stream,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  Export export;
  gboolean ok;

  g_return_val_if_fail (ATTEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!export_begin (&export, store, scope, stream, cancellable, error))
    return FALSE;

  ok = write_json (&export, error);
  export_end (&export);

  return ok;
}

gboolean
attest_export_csv (AttestStore    *store,
                   AttestCsvTable  table,
                   GOutputStream  *stream,
                   GCancellable   *cancellable,
                   GError        **error)
{
  return attest_export_csv_scoped (store, NULL, table, stream, cancellable, error);
}

gboolean
attest_export_csv_scoped (AttestStore              *store,
                          const AttestExportScope  *scope,
                          AttestCsvTable            table,
                          GOutputStream            *stream,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  Export export;
  gboolean ok;

  g_return_val_if_fail (ATTEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (attest_csv_table_to_string (table) != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!export_begin (&export, store, scope, stream, cancellable, error))
    return FALSE;

  /* Spreadsheets read a CSV as UTF-8 only when it starts with a byte-order mark. */
  if (scope != NULL && scope->excel)
    g_string_append (export.buffer, "\xEF\xBB\xBF");
  ok = write_csv (&export, table, error);
  export_end (&export);

  return ok;
}

gboolean
attest_export_to_file (AttestStore     *store,
                       const char      *format,
                       AttestCsvTable   table,
                       GFile           *file,
                       GCancellable    *cancellable,
                       GError         **error)
{
  return attest_export_to_file_scoped (store, NULL, format, table, file, cancellable, error);
}

gboolean
attest_export_to_file_scoped (AttestStore              *store,
                              const AttestExportScope  *scope,
                              const char               *format,
                              AttestCsvTable            table,
                              GFile                    *file,
                              GCancellable             *cancellable,
                              GError                  **error)
{
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *display = NULL;
  g_autofree char *doing = NULL;
  GError *local_error = NULL;
  GError *io_error = NULL;
  gboolean is_json;

  g_return_val_if_fail (ATTEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_str_equal (format, "json"))
    is_json = TRUE;
  else if (g_str_equal (format, "csv"))
    is_json = FALSE;
  else
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("Unknown export format “%s”: use json or csv"), format);
      return FALSE;
    }

  if (!is_json && attest_csv_table_to_string (table) == NULL)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("Unknown CSV table %d"), (int) table);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  display = g_file_get_parse_name (file);
  doing = g_strdup_printf (_("Could not write “%s”"), display);
  stream = create_temporary (file, doing, &temporary, error);
  if (stream == NULL)
    return FALSE;

  if (is_json)
    attest_export_json_scoped (store, scope, G_OUTPUT_STREAM (stream), cancellable,
                               &local_error);
  else
    attest_export_csv_scoped (store, scope, table, G_OUTPUT_STREAM (stream), cancellable,
                              &local_error);

  if (local_error == NULL &&
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &io_error))
    propagate_io_error (&local_error, g_steal_pointer (&io_error), doing);

  /* rename(2) within one directory: the target is either the old file or the whole export. */
  if (local_error == NULL &&
      !g_file_move (temporary, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    cancellable, NULL, NULL, &io_error))
    propagate_io_error (&local_error, g_steal_pointer (&io_error), doing);

  if (local_error != NULL)
    {
      g_autoptr(GError) delete_error = NULL;

      if (!g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
        g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      if (!g_file_delete (temporary, NULL, &delete_error))
        g_debug ("Could not remove the unfinished export %s: %s",
                 g_file_peek_path (temporary), delete_error->message);

      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}
