/* attest-merge.c: reading an Attest JSON collection back, and merging it by UUID.
 *
 * Two passes. The first checks the document against what the format allows (types, sizes,
 * UUIDs, offsets inside the texts, references that resolve) and touches nothing. The second
 * writes inside one savepoint, matching every item by UUID (and articles by their text,
 * tags by parent and name, places by name); a conflict nobody resolved, or any failure,
 * rolls the savepoint back. A dry run is the second pass, always rolled back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-merge"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "attest-error.h"
#include "attest-export.h"
#include "attest-json-scan.h"
#include "attest-merge.h"
#include "attest-store-private.h"
#include "attest-text.h"

#define MAX_NAME_BYTES   (64 * 1024)
#define MAX_TEXT_BYTES   (50 * 1024 * 1024)
#define MAX_ITEMS        5000000

/* The top-level lists, each read an element at a time. */
static const char * const sections[] = { "source_kinds", "codebook", "sources", "places",
                                          "incidents", "collections", "articles", NULL };

void
attest_merge_conflict_free (AttestMergeConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->kind);
  g_free (conflict->uuid);
  g_free (conflict->label);
  g_free (conflict->mine);
  g_free (conflict->theirs);
  g_free (conflict);
}

void
attest_merge_summary_free (AttestMergeSummary *summary)
{
  if (summary == NULL)
    return;

  g_clear_pointer (&summary->conflicts, g_ptr_array_unref);
  g_free (summary);
}

/* First pass: the shape of the document */

typedef struct
{
  const char *path;   /* "articles[3].annotations[0]" for messages */
  GError    **error;
} Check;

static gboolean
fail_at (GError     **error,
         const char  *path,
         const char  *what)
{
  g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
               _("This is not a collection Attest can read: %s %s."), path, what);
  return FALSE;
}

static gboolean
is_uuid (const char *s)
{
  return s != NULL && g_uuid_string_is_valid (s);
}

/* A member that must be a string (or null when nullable), of sane size. */
static gboolean
check_string (JsonObject  *obj,
              const char  *key,
              gboolean     nullable,
              gsize        max_bytes,
              const char  *path,
              GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
  JsonNode *node = json_object_get_member (obj, key);

  if (node == NULL)
    return nullable ? TRUE : fail_at (error, where, _("is missing"));
  if (JSON_NODE_HOLDS_NULL (node))
    return nullable ? TRUE : fail_at (error, where, _("is null"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail_at (error, where, _("is not a string"));
  if (strlen (json_node_get_string (node)) > max_bytes)
    return fail_at (error, where, _("is too long"));
  return TRUE;
}

static gboolean
check_uuid (JsonObject  *obj,
            const char  *key,
            gboolean     nullable,
            const char  *path,
            GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
  const char *value;

  if (!check_string (obj, key, nullable, 64, path, error))
    return FALSE;
  value = json_object_get_string_member_with_default (obj, key, NULL);
  if (value != NULL && !is_uuid (value))
    return fail_at (error, where, _("is not a UUID"));
  return TRUE;
}

static gboolean
check_integer (JsonObject  *obj,
               const char  *key,
               gboolean     nullable,
               gint64       min,
               gint64       max,
               const char  *path,
               GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
  JsonNode *node = json_object_get_member (obj, key);
  gint64 v;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return nullable ? TRUE : fail_at (error, where, _("is missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail_at (error, where, _("is not a whole number"));
  v = json_node_get_int (node);
  if (v < min || v > max)
    return fail_at (error, where, _("is out of range"));
  return TRUE;
}

static gboolean
check_number (JsonObject  *obj,
              const char  *key,
              double       min,
              double       max,
              const char  *path,
              GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
  JsonNode *node = json_object_get_member (obj, key);
  double v;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node)
      || (json_node_get_value_type (node) != G_TYPE_DOUBLE
          && json_node_get_value_type (node) != G_TYPE_INT64))
    return fail_at (error, where, _("is not a number"));
  v = json_node_get_double (node);
  if (isnan (v) || v < min || v > max)
    return fail_at (error, where, _("is out of range"));
  return TRUE;
}

static JsonArray *
get_array (JsonObject  *obj,
           const char  *key,
           gboolean     required,
           const char  *path,
           GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", key);
  JsonNode *node = json_object_get_member (obj, key);
  JsonArray *array;

  if (node == NULL)
    {
      if (required)
        fail_at (error, where, _("is missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail_at (error, where, _("is not a list"));
      return NULL;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) > MAX_ITEMS)
    {
      fail_at (error, where, _("has too many items"));
      return NULL;
    }
  return array;
}

static JsonObject *
get_item (JsonArray   *array,
          guint        i,
          const char  *path,
          GError     **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);

      fail_at (error, where, _("is not an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
check_string_list (JsonObject  *obj,
                   const char  *key,
                   gboolean     uuids,
                   const char  *path,
                   GError     **error)
{
  JsonArray *array = get_array (obj, key, FALSE, path, error);

  if (array == NULL)
    return error == NULL || *error == NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s.%s[%u]", path, key, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail_at (error, where, _("is not a string"));
      if (strlen (json_node_get_string (node)) > MAX_NAME_BYTES)
        return fail_at (error, where, _("is too long"));
      if (uuids && !is_uuid (json_node_get_string (node)))
        return fail_at (error, where, _("is not a UUID"));
    }
  return TRUE;
}

/* Every UUID once per section: a second one would be two things with one identity. */
static gboolean
check_unique (GHashTable  *seen,
              JsonObject  *obj,
              const char  *path,
              GError     **error)
{
  const char *uuid = json_object_get_string_member (obj, "uuid");

  if (!g_hash_table_add (seen, g_strdup (uuid)))
    {
      g_autofree char *where = g_strdup_printf ("%s.uuid", path);

      return fail_at (error, where, _("is used twice"));
    }
  return TRUE;
}

static const char * const kind_names[] = { "direct", "indirect", "claim", "note", NULL };
static const char * const statuses[] = { "unverified", "corroborated", "disputed", "false", NULL };

static gboolean
check_enum (JsonObject         *obj,
            const char         *key,
            const char * const *allowed,
            gboolean            nullable,
            const char         *path,
            GError            **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
  const char *value;

  if (!check_string (obj, key, nullable, 64, path, error))
    return FALSE;
  value = json_object_get_string_member_with_default (obj, key, NULL);
  if (value != NULL && !g_strv_contains (allowed, value))
    return fail_at (error, where, _("has a value Attest does not know"));
  return TRUE;
}

static gboolean
check_annotation (JsonObject  *a,
                  const char  *body,
                  glong        body_len,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s.exact", path);
  g_autofree char *at_offsets = NULL;
  gint64 start, end;

  if (!check_uuid (a, "uuid", FALSE, path, error)
      || !check_enum (a, "kind", kind_names, FALSE, path, error)
      || !check_integer (a, "start", FALSE, 0, G_MAXINT32, path, error)
      || !check_integer (a, "end", FALSE, 1, G_MAXINT32, path, error)
      || !check_string (a, "exact", FALSE, MAX_TEXT_BYTES, path, error)
      || !check_string (a, "prefix", TRUE, MAX_NAME_BYTES, path, error)
      || !check_string (a, "suffix", TRUE, MAX_NAME_BYTES, path, error)
      || !check_uuid (a, "speaker", TRUE, path, error)
      || !check_string (a, "comment", TRUE, MAX_TEXT_BYTES, path, error)
      || !check_string (a, "coder", TRUE, MAX_NAME_BYTES, path, error)
      || !check_enum (a, "claim_status", statuses, TRUE, path, error)
      || !check_string_list (a, "tags", TRUE, path, error)
      || !check_string (a, "created_at", TRUE, 64, path, error)
      || !check_string (a, "modified_at", TRUE, 64, path, error))
    return FALSE;

  start = json_object_get_int_member (a, "start");
  end = json_object_get_int_member (a, "end");
  if (start >= end || end > body_len)
    {
      g_autofree char *span = g_strdup_printf ("%s.start/end", path);

      return fail_at (error, span, _("lies outside the article's text"));
    }

  /* The words at the offsets must be the ones the annotation quotes. */
  at_offsets = attest_text_substring (body, start, end);
  if (g_strcmp0 (at_offsets, json_object_get_string_member (a, "exact")) != 0)
    return fail_at (error, where, _("does not match the article's text at its offsets"));
  return TRUE;
}

typedef gboolean (*ItemFunc) (JsonObject  *obj,
                              guint        i,
                              GHashTable  *seen,
                              GError     **error);

static gboolean
check_each (AttestJsonDoc  *doc,
            const char     *section,
            ItemFunc        func,
            GHashTable     *seen,
            GError        **error)
{
  GArray *items = _attest_json_doc_get_items (doc, section);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const AttestJsonSpan *span = &g_array_index (items, AttestJsonSpan, i);
      g_autoptr(JsonNode) node = _attest_json_doc_parse (doc, span, error);

      if (node == NULL)
        return FALSE;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *where = g_strdup_printf ("%s[%u]", section, i);

          return fail_at (error, where, _("is not an object"));
        }
      if (!func (json_node_get_object (node), i, seen, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_kind (JsonObject  *k,
            guint        i,
            GHashTable  *seen,
            GError     **error)
{
  g_autofree char *path = g_strdup_printf ("source_kinds[%u]", i);

  return check_string (k, "key", FALSE, 40, path, error)
         && check_string (k, "label", FALSE, MAX_NAME_BYTES, path, error);
}

static gboolean
check_tag (JsonObject  *t,
           guint        i,
           GHashTable  *seen,
           GError     **error)
{
  g_autofree char *path = g_strdup_printf ("codebook[%u]", i);

  return check_uuid (t, "uuid", FALSE, path, error)
         && check_string (t, "name", FALSE, MAX_NAME_BYTES, path, error)
         && check_uuid (t, "parent", TRUE, path, error)
         && check_string (t, "color", TRUE, 16, path, error)
         && check_string (t, "description", TRUE, MAX_TEXT_BYTES, path, error)
         && check_string (t, "memo", TRUE, MAX_TEXT_BYTES, path, error)
         && check_unique (seen, t, path, error);
}

static gboolean
check_source (JsonObject  *s,
              guint        i,
              GHashTable  *seen,
              GError     **error)
{
  g_autofree char *path = g_strdup_printf ("sources[%u]", i);

  return check_uuid (s, "uuid", FALSE, path, error)
         && check_string (s, "name", FALSE, MAX_NAME_BYTES, path, error)
         && check_string (s, "kind", FALSE, 40, path, error)
         && check_string (s, "role", TRUE, MAX_NAME_BYTES, path, error)
         && check_string (s, "affiliation", TRUE, MAX_NAME_BYTES, path, error)
         && check_string (s, "notes", TRUE, MAX_TEXT_BYTES, path, error)
         && check_string_list (s, "aliases", FALSE, path, error)
         && check_string_list (s, "tags", TRUE, path, error)
         && check_unique (seen, s, path, error);
}

static gboolean
check_place (JsonObject  *p,
             guint        i,
             GHashTable  *seen,
             GError     **error)
{
  g_autofree char *path = g_strdup_printf ("places[%u]", i);

  return check_uuid (p, "uuid", FALSE, path, error)
         && check_string (p, "name", FALSE, MAX_NAME_BYTES, path, error)
         && check_string_list (p, "aliases", FALSE, path, error)
         && check_number (p, "latitude", -90, 90, path, error)
         && check_number (p, "longitude", -180, 180, path, error)
         && check_integer (p, "geo_precision", TRUE, 1, 3, path, error)
         && check_unique (seen, p, path, error);
}

static gboolean
check_article (JsonObject  *a,
               guint        i,
               GHashTable  *seen,
               GError     **error)
{
  g_autofree char *path = g_strdup_printf ("articles[%u]", i);
  JsonArray *annotations;
  const char *body;
  glong body_len;

  if (!check_uuid (a, "uuid", FALSE, path, error)
      || !check_string (a, "title", FALSE, MAX_NAME_BYTES, path, error)
      || !check_string (a, "text", FALSE, MAX_TEXT_BYTES, path, error)
      || !check_unique (seen, a, path, error))
    return FALSE;
  for (guint k = 0; k < 8; k++)
    {
      static const char * const keys[] = { "byline", "outlet", "url", "published",
                                           "language", "origin", "description",
                                           "imported_at" };

      if (!check_string (a, keys[k], TRUE, MAX_NAME_BYTES, path, error))
        return FALSE;
    }

  body = json_object_get_string_member (a, "text");
  if (!g_utf8_validate (body, -1, NULL) || *body == '\0')
    return fail_at (error, path, _("has a text that is empty or not UTF-8"));
  body_len = g_utf8_strlen (body, -1);

  if (!(annotations = get_array (a, "annotations", FALSE, path, error)) && *error)
    return FALSE;
  for (guint j = 0; annotations != NULL && j < json_array_get_length (annotations); j++)
    {
      g_autofree char *apath = g_strdup_printf ("%s.annotations[%u]", path, j);
      JsonObject *n = get_item (annotations, j, apath, error);

      if (n == NULL || !check_annotation (n, body, body_len, apath, error)
          || !check_unique (seen, n, apath, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_incident (JsonObject  *inc,
                guint        i,
                GHashTable  *seen,
                GError     **error)
{
  g_autofree char *path = g_strdup_printf ("incidents[%u]", i);
  JsonArray *links, *actors;

  if (!check_uuid (inc, "uuid", FALSE, path, error)
      || !check_string (inc, "title", FALSE, MAX_NAME_BYTES, path, error)
      || !check_number (inc, "latitude", -90, 90, path, error)
      || !check_number (inc, "longitude", -180, 180, path, error)
      || !check_uuid (inc, "place", TRUE, path, error)
      || !check_unique (seen, inc, path, error))
    return FALSE;
  for (guint k = 0; k < 6; k++)
    {
      static const char * const counts[] = { "fatalities_low", "fatalities_best",
                                             "fatalities_high", "injuries_low",
                                             "injuries_best", "injuries_high" };

      if (!check_integer (inc, counts[k], TRUE, 0, G_MAXINT32, path, error))
        return FALSE;
    }
  if ((!(actors = get_array (inc, "actors", FALSE, path, error)) && *error)
      || (!(links = get_array (inc, "links", FALSE, path, error)) && *error))
    return FALSE;
  for (guint j = 0; links != NULL && j < json_array_get_length (links); j++)
    {
      g_autofree char *lpath = g_strdup_printf ("%s.links[%u]", path, j);
      JsonObject *l = get_item (links, j, lpath, error);

      if (l == NULL || !check_uuid (l, "uuid", FALSE, lpath, error)
          || !check_uuid (l, "article", TRUE, lpath, error)
          || !check_uuid (l, "annotation", TRUE, lpath, error)
          || !check_unique (seen, l, lpath, error))
        return FALSE;
      if (json_object_has_member (l, "article") == json_object_has_member (l, "annotation"))
        return fail_at (error, lpath, _("must name an article or an annotation"));
    }
  for (guint j = 0; actors != NULL && j < json_array_get_length (actors); j++)
    {
      g_autofree char *apath = g_strdup_printf ("%s.actors[%u]", path, j);
      JsonObject *x = get_item (actors, j, apath, error);

      if (x == NULL || !check_uuid (x, "uuid", FALSE, apath, error)
          || !check_string (x, "name", FALSE, MAX_NAME_BYTES, apath, error)
          || !check_uuid (x, "source", TRUE, apath, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_collection (JsonObject  *c,
                  guint        i,
                  GHashTable  *seen,
                  GError     **error)
{
  g_autofree char *path = g_strdup_printf ("collections[%u]", i);

  return check_uuid (c, "uuid", FALSE, path, error)
         && check_string (c, "name", FALSE, MAX_NAME_BYTES, path, error)
         && check_string_list (c, "articles", TRUE, path, error)
         && check_unique (seen, c, path, error);
}

static gboolean
check_document (AttestJsonDoc  *doc,
                GError        **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) format = NULL;
  g_autoptr(JsonNode) version = NULL;

  if (!(format = _attest_json_doc_parse_member (doc, "format", error)) && *error)
    return FALSE;
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format)
      || json_node_get_value_type (format) != G_TYPE_STRING
      || !g_str_equal (json_node_get_string (format), ATTEST_EXPORT_FORMAT_NAME))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("This JSON file is not an Attest collection (it has no “format”: "
                             "“attest-collection”)."));
      return FALSE;
    }
  if (!(version = _attest_json_doc_parse_member (doc, "version", error)) && *error)
    return FALSE;
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64)
    return fail_at (error, "version", _("is not a number"));
  if (json_node_get_int (version) > ATTEST_EXPORT_FORMAT_VERSION)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NEWER_PROJECT,
                   _("This collection was written by a newer Attest (format version %lld); "
                     "update Attest to read it."),
                   (long long) json_node_get_int (version));
      return FALSE;
    }

  for (guint s = 0; sections[s] != NULL; s++)
    {
      GArray *items = _attest_json_doc_get_items (doc, sections[s]);

      if (!_attest_json_doc_has (doc, sections[s]))
        continue;
      if (items == NULL)
        return fail_at (error, sections[s], _("is not a list"));
      if (items->len > MAX_ITEMS)
        return fail_at (error, sections[s], _("has too many items"));
    }

  return check_each (doc, "source_kinds", check_kind, seen, error)
         && check_each (doc, "codebook", check_tag, seen, error)
         && check_each (doc, "sources", check_source, seen, error)
         && check_each (doc, "places", check_place, seen, error)
         && check_each (doc, "articles", check_article, seen, error)
         && check_each (doc, "incidents", check_incident, seen, error)
         && check_each (doc, "collections", check_collection, seen, error);
}

/* Second pass: writing */

typedef struct
{
  AttestStore              *store;
  const AttestMergeOptions *options;
  AttestMergeSummary       *summary;
  GHashTable               *ids;          /* "table:uuid" → gint64 row id, for references */
  gboolean                  unresolved;
} Merge;

static const char *
str (JsonObject *obj,
     const char *key)
{
  JsonNode *node = json_object_get_member (obj, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return json_node_get_string (node);
}

/* A list member, or NULL when it is absent or null (the first pass checked its type). */
static JsonArray *
array (JsonObject *obj,
       const char *key)
{
  JsonNode *node = json_object_get_member (obj, key);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gint64
count_or_unknown (JsonObject *obj,
                  const char *key)
{
  JsonNode *node = json_object_get_member (obj, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return -1;
  return json_node_get_int (node);
}

static void
bind_str (sqlite3_stmt *stmt,
          int           i,
          const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, i, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

static void
bind_count (sqlite3_stmt *stmt,
            int           i,
            gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_int64 (stmt, i, value);
}

static void
bind_number (sqlite3_stmt *stmt,
             int           i,
             JsonObject   *obj,
             const char   *key)
{
  JsonNode *node = json_object_get_member (obj, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_double (stmt, i, json_node_get_double (node));
}

static void
remember (Merge      *m,
          const char *table,
          const char *uuid,
          gint64      id)
{
  g_hash_table_insert (m->ids, g_strconcat (table, ":", uuid, NULL), g_memdup2 (&id, sizeof id));
}

/* The row id of a uuid: from this document's mapping, else from the project. */
static gint64
lookup (Merge      *m,
        const char *table,
        const char *uuid)
{
  g_autofree char *key = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(AttestCachedStmt) stmt = NULL;
  gint64 *id;

  if (uuid == NULL)
    return -1;
  key = g_strconcat (table, ":", uuid, NULL);
  if ((id = g_hash_table_lookup (m->ids, key)))
    return *id;

  sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?", table);
  if (!(stmt = _attest_store_prepare_cached (m->store, sql, NULL)))
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
}

static gboolean
exec_bound (Merge         *m,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _attest_store_set_error (m->store, error, _("Could not import the collection"));
  return TRUE;
}

/* Decides what to do with an item that exists on both sides and differs. Returns TRUE to
 * take theirs. */
static gboolean
resolve (Merge      *m,
         const char *kind,
         const char *uuid,
         const char *label,
         GString    *mine,
         GString    *theirs)
{
  AttestMergeConflict *conflict = g_new0 (AttestMergeConflict, 1);
  AttestResolution choice = 0;

  conflict->kind = g_strdup (kind);
  conflict->uuid = g_strdup (uuid);
  conflict->label = g_strdup (label);
  conflict->mine = g_strdup (mine->str);
  conflict->theirs = g_strdup (theirs->str);
  g_ptr_array_add (m->summary->conflicts, conflict);

  if (m->options->resolutions != NULL)
    choice = GPOINTER_TO_INT (g_hash_table_lookup (m->options->resolutions, uuid));
  if (choice == 0 && m->options->policy == ATTEST_MERGE_KEEP_MINE)
    choice = ATTEST_RESOLVE_MINE;
  if (choice == 0 && m->options->policy == ATTEST_MERGE_KEEP_THEIRS)
    choice = ATTEST_RESOLVE_THEIRS;

  if (choice == ATTEST_RESOLVE_THEIRS)
    {
      m->summary->n_theirs++;
      return TRUE;
    }
  if (choice == ATTEST_RESOLVE_MINE)
    m->summary->n_mine++;
  else
    m->unresolved = TRUE;
  return FALSE;
}

/* Compares a row's text columns with the object's members; describes differences. */
static gboolean
differs (sqlite3_stmt        *row,
         JsonObject          *obj,
         const char * const  *keys,
         GString             *mine,
         GString             *theirs)
{
  gboolean different = FALSE;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *a = _attest_column_text (row, i);
      const char *b;
      g_autofree char *number = NULL;
      JsonNode *node = json_object_get_member (obj, keys[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
          && json_node_get_value_type (node) == G_TYPE_INT64)
        b = number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
               && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        b = json_node_get_boolean (node) ? "1" : "0";
      else
        b = str (obj, keys[i]);

      if (g_strcmp0 (a, b) != 0)
        {
          g_string_append_printf (mine, "%s%s: %s", mine->len ? "; " : "", keys[i], a ? a : "—");
          g_string_append_printf (theirs, "%s%s: %s", theirs->len ? "; " : "",
                                  keys[i], b ? b : "—");
          different = TRUE;
        }
    }
  return different;
}

static gboolean
project_is_empty (Merge *m)
{
  AttestStats stats;

  return attest_store_get_stats (m->store, &stats, NULL)
         && stats.articles + stats.sources + stats.tags + stats.incidents + stats.collections == 0;
}

static gboolean
merge_project (Merge          *m,
               AttestJsonDoc  *doc,
               GError        **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(AttestCachedStmt) stmt = NULL;
  JsonObject *project;

  if (!(node = _attest_json_doc_parse_member (doc, "project", error)) && *error)
    return FALSE;

  /* Restoring into an empty project takes the collection's identity, so that exporting it
   * again gives the same document. */
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || !project_is_empty (m))
    return TRUE;
  project = json_node_get_object (node);
  if (!is_uuid (str (project, "uuid")) || str (project, "created_at") == NULL)
    return TRUE;

  if (!(stmt = _attest_store_prepare_cached (m->store,
          "UPDATE project SET uuid = ?, name = coalesce (?, name), created_at = ? WHERE id = 1",
          error)))
    return FALSE;
  bind_str (stmt, 1, str (project, "uuid"));
  bind_str (stmt, 2, str (project, "name"));
  bind_str (stmt, 3, str (project, "created_at"));
  m->summary->adopted = TRUE;
  return exec_bound (m, stmt, error);
}

static gboolean
merge_kinds (Merge       *m,
             JsonArray   *kinds,
             GError     **error)
{
  for (guint i = 0; kinds != NULL && i < json_array_get_length (kinds); i++)
    {
      JsonObject *k = json_array_get_object_element (kinds, i);
      g_autoptr(AttestCachedStmt) stmt = _attest_store_prepare_cached (m->store,
          "INSERT INTO source_kinds (uuid, key, label, position) "
          "SELECT attest_uuid (), ?1, ?2, ?3 WHERE NOT EXISTS "
          "(SELECT 1 FROM source_kinds WHERE key = ?1)", error);

      if (stmt == NULL)
        return FALSE;
      bind_str (stmt, 1, str (k, "key"));
      bind_str (stmt, 2, str (k, "label"));
      sqlite3_bind_int (stmt, 3, i);
      if (!exec_bound (m, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_tags (Merge       *m,
            JsonArray   *tags,
            GError     **error)
{
  static const char * const keys[] = { "name", "color", "description", "memo", NULL };
  guint n = tags ? json_array_get_length (tags) : 0;

  /* Parents may come after their children: place every tag first, then hang them. */
  for (guint i = 0; i < n; i++)
    {
      JsonObject *t = json_array_get_object_element (tags, i);
      const char *uuid = str (t, "uuid");
      g_autoptr(AttestCachedStmt) find = _attest_store_prepare_cached (m->store,
          "SELECT name, color, description, memo, id FROM tags WHERE uuid = ?", error);
      g_autoptr(AttestCachedStmt) stmt = NULL;

      if (find == NULL)
        return FALSE;
      sqlite3_bind_text (find, 1, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (find) == SQLITE_ROW)
        {
          g_autoptr(GString) mine = g_string_new (NULL);
          g_autoptr(GString) theirs = g_string_new (NULL);
          gint64 id = sqlite3_column_int64 (find, 4);

          remember (m, "tags", uuid, id);
          if (!differs (find, t, keys, mine, theirs))
            {
              m->summary->n_unchanged++;
              continue;
            }
          if (!resolve (m, "tag", uuid, str (t, "name"), mine, theirs))
            continue;
          if (!(stmt = _attest_store_prepare_cached (m->store,
                  "UPDATE tags SET name = ?, color = ?, description = ?, memo = ? WHERE id = ?",
                  error)))
            return FALSE;
          bind_str (stmt, 1, str (t, "name"));
          bind_str (stmt, 2, str (t, "color"));
          bind_str (stmt, 3, str (t, "description"));
          bind_str (stmt, 4, str (t, "memo"));
          sqlite3_bind_int64 (stmt, 5, id);
          if (!exec_bound (m, stmt, error))
            return FALSE;
          continue;
        }

      if (!(stmt = _attest_store_prepare_cached (m->store,
              "INSERT INTO tags (uuid, parent_id, name, color, description, memo) "
              "VALUES (?, NULL, ?, ?, ?, ?)", error)))
        return FALSE;
      bind_str (stmt, 1, uuid);
      bind_str (stmt, 2, str (t, "name"));
      bind_str (stmt, 3, str (t, "color"));
      bind_str (stmt, 4, str (t, "description"));
      bind_str (stmt, 5, str (t, "memo"));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          /* A top-level tag of that name exists already: it is the same code. */
          g_autoptr(AttestCachedStmt) same = _attest_store_prepare_cached (m->store,
              "SELECT id FROM tags WHERE parent_id IS NULL AND name = ? COLLATE NOCASE", error);

          if (same == NULL)
            return FALSE;
          bind_str (same, 1, str (t, "name"));
          if (str (t, "parent") != NULL || sqlite3_step (same) != SQLITE_ROW)
            return _attest_store_set_error (m->store, error, _("Could not import the codebook"));
          remember (m, "tags", uuid, sqlite3_column_int64 (same, 0));
          m->summary->n_matched++;
          continue;
        }
      remember (m, "tags", uuid, sqlite3_last_insert_rowid (_attest_store_get_db (m->store)));
      m->summary->n_added++;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *t = json_array_get_object_element (tags, i);
      gint64 id = lookup (m, "tags", str (t, "uuid"));
      gint64 parent = lookup (m, "tags", str (t, "parent"));
      g_autoptr(AttestCachedStmt) stmt = NULL;

      if (str (t, "parent") != NULL && parent < 0)
        return fail_at (error, "codebook", _("names a parent tag that is not there"));
      if (!(stmt = _attest_store_prepare_cached (m->store,
              "UPDATE tags SET parent_id = ? WHERE id = ? AND parent_id IS NULL", error)))
        return FALSE;
      if (parent >= 0)
        sqlite3_bind_int64 (stmt, 1, parent);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int64 (stmt, 2, id);
      if (parent >= 0 && sqlite3_step (stmt) != SQLITE_DONE)
        {
          /* A sibling of the same name under that parent: the same code. */
          g_autoptr(AttestCachedStmt) same = _attest_store_prepare_cached (m->store,
              "SELECT id FROM tags WHERE parent_id = ? AND name = "
              "(SELECT name FROM tags WHERE id = ?) COLLATE NOCASE", error);
          g_autoptr(AttestCachedStmt) drop = _attest_store_prepare_cached (m->store,
              "DELETE FROM tags WHERE id = ?", error);

          if (same == NULL || drop == NULL)
            return FALSE;
          sqlite3_bind_int64 (same, 1, parent);
          sqlite3_bind_int64 (same, 2, id);
          if (sqlite3_step (same) != SQLITE_ROW)
            return _attest_store_set_error (m->store, error, _("Could not import the codebook"));
          sqlite3_bind_int64 (drop, 1, id);
          remember (m, "tags", str (t, "uuid"), sqlite3_column_int64 (same, 0));
          if (!exec_bound (m, drop, error))
            return FALSE;
          m->summary->n_added--;
          m->summary->n_matched++;
        }
    }
  return TRUE;
}

static gboolean
add_links (Merge       *m,
           const char  *table,
           const char  *owner_column,
           gint64       owner_id,
           JsonArray   *tag_uuids,
           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT OR IGNORE INTO %s (%s, tag_id) VALUES (?, ?)",
                                          table, owner_column);

  for (guint i = 0; tag_uuids != NULL && i < json_array_get_length (tag_uuids); i++)
    {
      g_autoptr(AttestCachedStmt) stmt = _attest_store_prepare_cached (m->store, sql, error);
      gint64 tag = lookup (m, "tags", json_array_get_string_element (tag_uuids, i));

      if (stmt == NULL)
        return FALSE;
      if (tag < 0)
        return fail_at (error, table, _("names a tag that is not in the codebook"));
      sqlite3_bind_int64 (stmt, 1, owner_id);
      sqlite3_bind_int64 (stmt, 2, tag);
      if (!exec_bound (m, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_sources (Merge       *m,
               JsonArray   *sources,
               GError     **error)
{
  static const char * const keys[] = { "name", "kind", "role", "affiliation", "anonymous",
                                        "group", "notes", NULL };

  for (guint i = 0; sources != NULL && i < json_array_get_length (sources); i++)
    {
      JsonObject *s = json_array_get_object_element (sources, i);
      const char *uuid = str (s, "uuid");
      JsonArray *aliases = array (s, "aliases");
      g_autoptr(AttestCachedStmt) find = _attest_store_prepare_cached (m->store,
          "SELECT name, kind, role, affiliation, anonymous, is_group, notes, id "
          "FROM sources WHERE uuid = ?", error);
      g_autoptr(AttestCachedStmt) stmt = NULL;
      g_autoptr(AttestCachedStmt) kind = NULL;
      gint64 id;

      if (find == NULL)
        return FALSE;

      /* A kind this project does not have yet joins its list. */
      if (!(kind = _attest_store_prepare_cached (m->store,
              "INSERT INTO source_kinds (uuid, key, label, position) "
              "SELECT attest_uuid (), ?1, ?1, (SELECT coalesce (max (position), 0) + 1 "
              "FROM source_kinds) WHERE NOT EXISTS (SELECT 1 FROM source_kinds WHERE key = ?1)",
              error)))
        return FALSE;
      bind_str (kind, 1, str (s, "kind"));
      if (!exec_bound (m, kind, error))
        return FALSE;

      sqlite3_bind_text (find, 1, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (find) == SQLITE_ROW)
        {
          g_autoptr(GString) mine = g_string_new (NULL);
          g_autoptr(GString) theirs = g_string_new (NULL);

          g_autofree char *now = _attest_now_iso8601 ();

          id = sqlite3_column_int64 (find, 7);
          remember (m, "sources", uuid, id);
          if (!differs (find, s, keys, mine, theirs))
            m->summary->n_unchanged++;
          else if (resolve (m, "source", uuid, str (s, "name"), mine, theirs))
            {
              if (!(stmt = _attest_store_prepare_cached (m->store,
                      "UPDATE sources SET name = ?, kind = ?, role = ?, affiliation = ?, "
                      "anonymous = ?, is_group = ?, notes = ?, modified_at = ? WHERE id = ?",
                      error)))
                return FALSE;
              bind_str (stmt, 1, str (s, "name"));
              bind_str (stmt, 2, str (s, "kind"));
              bind_str (stmt, 3, str (s, "role"));
              bind_str (stmt, 4, str (s, "affiliation"));
              sqlite3_bind_int (stmt, 5, json_object_get_boolean_member_with_default (s, "anonymous", FALSE));
              sqlite3_bind_int (stmt, 6, json_object_get_boolean_member_with_default (s, "group", FALSE));
              bind_str (stmt, 7, str (s, "notes"));
              bind_str (stmt, 8, str (s, "modified_at") ? str (s, "modified_at") : now);
              sqlite3_bind_int64 (stmt, 9, id);
              if (!exec_bound (m, stmt, error))
                return FALSE;
            }
        }
      else
        {
          g_autofree char *now = _attest_now_iso8601 ();

          if (!(stmt = _attest_store_prepare_cached (m->store,
                  "INSERT INTO sources (uuid, name, kind, role, affiliation, anonymous, "
                  "is_group, notes, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error)))
            return FALSE;
          bind_str (stmt, 1, uuid);
          bind_str (stmt, 2, str (s, "name"));
          bind_str (stmt, 3, str (s, "kind"));
          bind_str (stmt, 4, str (s, "role"));
          bind_str (stmt, 5, str (s, "affiliation"));
          sqlite3_bind_int (stmt, 6, json_object_get_boolean_member_with_default (s, "anonymous", FALSE));
          sqlite3_bind_int (stmt, 7, json_object_get_boolean_member_with_default (s, "group", FALSE));
          bind_str (stmt, 8, str (s, "notes"));
          bind_str (stmt, 9, str (s, "created_at") ? str (s, "created_at") : now);
          bind_str (stmt, 10, str (s, "modified_at") ? str (s, "modified_at") : now);
          if (!exec_bound (m, stmt, error))
            return FALSE;
          id = sqlite3_last_insert_rowid (_attest_store_get_db (m->store));
          remember (m, "sources", uuid, id);
          m->summary->n_added++;
        }

      /* Aliases and tags only ever add up. */
      for (guint j = 0; aliases != NULL && j < json_array_get_length (aliases); j++)
        {
          g_autoptr(AttestCachedStmt) alias = _attest_store_prepare_cached (m->store,
              "INSERT OR IGNORE INTO source_aliases (uuid, source_id, alias) "
              "VALUES (attest_uuid (), ?, ?)", error);

          if (alias == NULL)
            return FALSE;
          sqlite3_bind_int64 (alias, 1, id);
          bind_str (alias, 2, json_array_get_string_element (aliases, j));
          if (!exec_bound (m, alias, error))
            return FALSE;
        }
      if (!add_links (m, "source_tags", "source_id", id,
                      array (s, "tags"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_places (Merge       *m,
              JsonArray   *places,
              GError     **error)
{
  for (guint i = 0; places != NULL && i < json_array_get_length (places); i++)
    {
      JsonObject *p = json_array_get_object_element (places, i);
      const char *uuid = str (p, "uuid");
      JsonArray *aliases = array (p, "aliases");
      g_autoptr(AttestCachedStmt) stmt = NULL;
      gint64 id = lookup (m, "places", uuid);

      if (id >= 0)
        m->summary->n_unchanged++;
      else
        {
          g_autofree char *now = _attest_now_iso8601 ();

          if (!(stmt = _attest_store_prepare_cached (m->store,
                  "INSERT INTO places (uuid, name, admin1, admin1_code, admin2, country, "
                  "country_code, latitude, longitude, geo_precision, created_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)))
            return FALSE;
          bind_str (stmt, 1, uuid);
          bind_str (stmt, 2, str (p, "name"));
          bind_str (stmt, 3, str (p, "admin1"));
          bind_str (stmt, 4, str (p, "admin1_code"));
          bind_str (stmt, 5, str (p, "admin2"));
          bind_str (stmt, 6, str (p, "country"));
          bind_str (stmt, 7, str (p, "country_code"));
          bind_number (stmt, 8, p, "latitude");
          bind_number (stmt, 9, p, "longitude");
          bind_count (stmt, 10, count_or_unknown (p, "geo_precision"));
          bind_str (stmt, 11, str (p, "created_at") ? str (p, "created_at") : now);
          if (!exec_bound (m, stmt, error))
            return FALSE;
          id = sqlite3_last_insert_rowid (_attest_store_get_db (m->store));
          remember (m, "places", uuid, id);
          m->summary->n_added++;
        }

      for (guint j = 0; aliases != NULL && j < json_array_get_length (aliases); j++)
        {
          g_autoptr(AttestCachedStmt) alias = _attest_store_prepare_cached (m->store,
              "INSERT OR IGNORE INTO place_aliases (uuid, place_id, alias) "
              "VALUES (attest_uuid (), ?, ?)", error);

          if (alias == NULL)
            return FALSE;
          sqlite3_bind_int64 (alias, 1, id);
          bind_str (alias, 2, json_array_get_string_element (aliases, j));
          if (!exec_bound (m, alias, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_annotation (Merge       *m,
                   JsonObject  *n,
                   gint64       article_id,
                   GError     **error)
{
  g_autoptr(AttestCachedStmt) stmt = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 speaker = lookup (m, "sources", str (n, "speaker"));
  gint64 id;

  if (str (n, "speaker") != NULL && speaker < 0)
    return fail_at (error, "annotations", _("names a speaker that is not among the sources"));

  if (!(stmt = _attest_store_prepare_cached (m->store,
          "INSERT INTO annotations (uuid, article_id, kind, start, \"end\", exact, prefix, "
          "suffix, speaker_id, comment, coder, created_at, modified_at, claim_status, "
          "suggested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)))
    return FALSE;
  bind_str (stmt, 1, str (n, "uuid"));
  sqlite3_bind_int64 (stmt, 2, article_id);
  bind_str (stmt, 3, str (n, "kind"));
  sqlite3_bind_int64 (stmt, 4, json_object_get_int_member (n, "start"));
  sqlite3_bind_int64 (stmt, 5, json_object_get_int_member (n, "end"));
  bind_str (stmt, 6, str (n, "exact"));
  bind_str (stmt, 7, str (n, "prefix") ? str (n, "prefix") : "");
  bind_str (stmt, 8, str (n, "suffix") ? str (n, "suffix") : "");
  bind_count (stmt, 9, speaker);
  bind_str (stmt, 10, str (n, "comment"));
  bind_str (stmt, 11, str (n, "coder"));
  bind_str (stmt, 12, str (n, "created_at") ? str (n, "created_at") : now);
  bind_str (stmt, 13, str (n, "modified_at") ? str (n, "modified_at") : now);
  bind_str (stmt, 14, str (n, "claim_status"));
  sqlite3_bind_int (stmt, 15, json_object_get_boolean_member_with_default (n, "suggested", FALSE));
  if (!exec_bound (m, stmt, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (_attest_store_get_db (m->store));
  remember (m, "annotations", str (n, "uuid"), id);
  m->summary->n_added++;
  m->summary->n_annotations++;
  return add_links (m, "annotation_tags", "annotation_id", id,
                    array (n, "tags"), error);
}

/* Tag uuids of an annotation, sorted and joined, to compare both sides. */
static char *
tag_key_of_row (Merge  *m,
                gint64  id)
{
  g_autoptr(AttestCachedStmt) stmt = _attest_store_prepare_cached (m->store,
      "SELECT group_concat (uuid, ',') FROM (SELECT t.uuid FROM annotation_tags x "
      "JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = ? ORDER BY t.uuid)", NULL);

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW || _attest_column_text (stmt, 0) == NULL)
    return g_strdup ("");
  return g_strdup (_attest_column_text (stmt, 0));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
tag_key_of_object (JsonObject *n)
{
  JsonArray *tags = array (n, "tags");
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();

  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    g_ptr_array_add (uuids, (gpointer) json_array_get_string_element (tags, i));
  g_ptr_array_sort (uuids, compare_strings);
  g_ptr_array_add (uuids, NULL);
  return g_strjoinv (",", (char **) uuids->pdata);
}

static gboolean
merge_annotation (Merge       *m,
                  JsonObject  *n,
                  gint64       article_id,
                  GError     **error)
{
  static const char * const keys[] = { "kind", "start", "end", "exact", "speaker", "comment",
                                        "claim_status", NULL };
  g_autoptr(AttestCachedStmt) find = _attest_store_prepare_cached (m->store,
      "SELECT n.kind, n.start, n.\"end\", n.exact, s.uuid, n.comment, n.claim_status, n.id "
      "FROM annotations n LEFT JOIN sources s ON s.id = n.speaker_id WHERE n.uuid = ?", error);
  g_autoptr(GString) mine = g_string_new (NULL);
  g_autoptr(GString) theirs = g_string_new (NULL);
  g_autoptr(AttestCachedStmt) stmt = NULL;
  g_autoptr(AttestCachedStmt) untag = NULL;
  g_autofree char *my_tags = NULL;
  g_autofree char *their_tags = NULL;
  g_autofree char *label = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  const char *uuid = str (n, "uuid");
  gboolean different;
  gint64 id;

  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (find) != SQLITE_ROW)
    return insert_annotation (m, n, article_id, error);

  id = sqlite3_column_int64 (find, 7);
  remember (m, "annotations", uuid, id);
  different = differs (find, n, keys, mine, theirs);
  my_tags = tag_key_of_row (m, id);
  their_tags = tag_key_of_object (n);
  if (!g_str_equal (my_tags, their_tags))
    {
      g_string_append_printf (mine, "%stags: %s", mine->len ? "; " : "", my_tags);
      g_string_append_printf (theirs, "%stags: %s", theirs->len ? "; " : "", their_tags);
      different = TRUE;
    }
  if (!different)
    {
      m->summary->n_unchanged++;
      return TRUE;
    }

  label = g_strdup_printf ("“%.60s”", str (n, "exact"));
  if (!resolve (m, "annotation", uuid, label, mine, theirs))
    return TRUE;

  /* Theirs: their version replaces mine, tags included. */
  if (!(untag = _attest_store_prepare_cached (m->store,
          "DELETE FROM annotation_tags WHERE annotation_id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (untag, 1, id);
  if (!exec_bound (m, untag, error)
      || !(stmt = _attest_store_prepare_cached (m->store,
             "UPDATE annotations SET kind = ?, start = ?, \"end\" = ?, exact = ?, prefix = ?, "
             "suffix = ?, speaker_id = ?, comment = ?, claim_status = ?, modified_at = ? "
             "WHERE id = ?", error)))
    return FALSE;
  bind_str (stmt, 1, str (n, "kind"));
  sqlite3_bind_int64 (stmt, 2, json_object_get_int_member (n, "start"));
  sqlite3_bind_int64 (stmt, 3, json_object_get_int_member (n, "end"));
  bind_str (stmt, 4, str (n, "exact"));
  bind_str (stmt, 5, str (n, "prefix") ? str (n, "prefix") : "");
  bind_str (stmt, 6, str (n, "suffix") ? str (n, "suffix") : "");
  bind_count (stmt, 7, lookup (m, "sources", str (n, "speaker")));
  bind_str (stmt, 8, str (n, "comment"));
  bind_str (stmt, 9, str (n, "claim_status"));
  bind_str (stmt, 10, str (n, "modified_at") ? str (n, "modified_at") : now);
  sqlite3_bind_int64 (stmt, 11, id);
  return exec_bound (m, stmt, error)
         && add_links (m, "annotation_tags", "annotation_id", id,
                       array (n, "tags"), error);
}

static gboolean
merge_articles (Merge       *m,
                JsonArray   *articles,
                GError     **error)
{
  for (guint i = 0; articles != NULL && i < json_array_get_length (articles); i++)
    {
      JsonObject *a = json_array_get_object_element (articles, i);
      const char *uuid = str (a, "uuid");
      const char *text = str (a, "text");
      JsonArray *annotations = array (a, "annotations");
      g_autofree char *hash = attest_text_content_hash (text);
      g_autoptr(AttestCachedStmt) find = _attest_store_prepare_cached (m->store,
          "SELECT id, body FROM articles WHERE uuid = ?1 OR content_hash = ?2 "
          "ORDER BY uuid = ?1 DESC LIMIT 1", error);
      gint64 id;

      if (find == NULL)
        return FALSE;
      sqlite3_bind_text (find, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (find, 2, hash, -1, SQLITE_STATIC);
      if (sqlite3_step (find) == SQLITE_ROW)
        {
          /* The text is what anchors the annotations: it must be the same. */
          if (!g_str_equal (_attest_column_text (find, 1), text))
            {
              g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("The article “%s” has a different text here than in the "
                             "collection; it cannot be merged."), str (a, "title"));
              return FALSE;
            }
          id = sqlite3_column_int64 (find, 0);
          remember (m, "articles", uuid, id);
          m->summary->n_unchanged++;
        }
      else
        {
          g_autoptr(AttestCachedStmt) stmt = NULL;
          g_autofree char *now = _attest_now_iso8601 ();

          if (!(stmt = _attest_store_prepare_cached (m->store,
                  "INSERT INTO articles (uuid, title, byline, outlet, url, published, language, "
                  "body, content_hash, imported_at, origin, description) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)))
            return FALSE;
          bind_str (stmt, 1, uuid);
          bind_str (stmt, 2, str (a, "title"));
          bind_str (stmt, 3, str (a, "byline"));
          bind_str (stmt, 4, str (a, "outlet"));
          bind_str (stmt, 5, str (a, "url"));
          bind_str (stmt, 6, str (a, "published"));
          bind_str (stmt, 7, str (a, "language"));
          bind_str (stmt, 8, text);
          bind_str (stmt, 9, hash);
          bind_str (stmt, 10, str (a, "imported_at") ? str (a, "imported_at") : now);
          bind_str (stmt, 11, str (a, "origin"));
          bind_str (stmt, 12, str (a, "description"));
          if (!exec_bound (m, stmt, error))
            return FALSE;
          id = sqlite3_last_insert_rowid (_attest_store_get_db (m->store));
          remember (m, "articles", uuid, id);
          m->summary->n_added++;
          m->summary->n_articles++;
        }

      for (guint j = 0; annotations != NULL && j < json_array_get_length (annotations); j++)
        if (!merge_annotation (m, json_array_get_object_element (annotations, j), id, error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
merge_incidents (Merge       *m,
                 JsonArray   *incidents,
                 GError     **error)
{
  for (guint i = 0; incidents != NULL && i < json_array_get_length (incidents); i++)
    {
      JsonObject *inc = json_array_get_object_element (incidents, i);
      const char *uuid = str (inc, "uuid");
      JsonArray *actors = array (inc, "actors");
      JsonArray *links = array (inc, "links");
      g_autoptr(AttestCachedStmt) stmt = NULL;
      g_autofree char *now = _attest_now_iso8601 ();
      gint64 id;

      if (lookup (m, "incidents", uuid) >= 0)
        {
          /* Incidents are merged whole: one that exists stays as it is here. */
          m->summary->n_unchanged++;
          continue;
        }

      if (!(stmt = _attest_store_prepare_cached (m->store,
              "INSERT INTO incidents (uuid, title, description, date_start, date_end, "
              "date_precision, date_as_reported, event_type, sub_event_type, place_id, location, "
              "location_as_reported, admin1, admin2, country, latitude, longitude, geo_precision, "
              "fatalities_low, fatalities_best, fatalities_high, injuries_low, injuries_best, "
              "injuries_high, responsibility, status, coder, created_at, modified_at) VALUES "
              "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
              "coalesce (?, 'draft'), ?, ?, ?)", error)))
        return FALSE;
      bind_str (stmt, 1, uuid);
      bind_str (stmt, 2, str (inc, "title"));
      bind_str (stmt, 3, str (inc, "summary"));
      bind_str (stmt, 4, str (inc, "date_start"));
      bind_str (stmt, 5, str (inc, "date_end"));
      bind_str (stmt, 6, str (inc, "date_precision"));
      bind_str (stmt, 7, str (inc, "date_as_reported"));
      bind_str (stmt, 8, str (inc, "event_type"));
      bind_str (stmt, 9, str (inc, "sub_event_type"));
      bind_count (stmt, 10, lookup (m, "places", str (inc, "place")));
      bind_str (stmt, 11, str (inc, "location"));
      bind_str (stmt, 12, str (inc, "location_as_reported"));
      bind_str (stmt, 13, str (inc, "admin1"));
      bind_str (stmt, 14, str (inc, "admin2"));
      bind_str (stmt, 15, str (inc, "country"));
      bind_number (stmt, 16, inc, "latitude");
      bind_number (stmt, 17, inc, "longitude");
      bind_count (stmt, 18, count_or_unknown (inc, "geo_precision"));
      bind_count (stmt, 19, count_or_unknown (inc, "fatalities_low"));
      bind_count (stmt, 20, count_or_unknown (inc, "fatalities_best"));
      bind_count (stmt, 21, count_or_unknown (inc, "fatalities_high"));
      bind_count (stmt, 22, count_or_unknown (inc, "injuries_low"));
      bind_count (stmt, 23, count_or_unknown (inc, "injuries_best"));
      bind_count (stmt, 24, count_or_unknown (inc, "injuries_high"));
      bind_str (stmt, 25, str (inc, "responsibility"));
      bind_str (stmt, 26, str (inc, "status"));
      bind_str (stmt, 27, str (inc, "coder"));
      bind_str (stmt, 28, str (inc, "created_at") ? str (inc, "created_at") : now);
      bind_str (stmt, 29, str (inc, "modified_at") ? str (inc, "modified_at") : now);
      if (!exec_bound (m, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (_attest_store_get_db (m->store));
      remember (m, "incidents", uuid, id);
      m->summary->n_added++;

      for (guint j = 0; actors != NULL && j < json_array_get_length (actors); j++)
        {
          JsonObject *x = json_array_get_object_element (actors, j);
          g_autoptr(AttestCachedStmt) actor = _attest_store_prepare_cached (m->store,
              "INSERT INTO incident_actors (uuid, incident_id, name, source_id, role, "
              "actor_type, position) VALUES (?, ?, ?, ?, coalesce (?, 'other'), ?, ?)", error);

          if (actor == NULL)
            return FALSE;
          bind_str (actor, 1, str (x, "uuid"));
          sqlite3_bind_int64 (actor, 2, id);
          bind_str (actor, 3, str (x, "name"));
          bind_count (actor, 4, lookup (m, "sources", str (x, "source")));
          bind_str (actor, 5, str (x, "role"));
          bind_str (actor, 6, str (x, "actor_type"));
          sqlite3_bind_int (actor, 7, j);
          if (!exec_bound (m, actor, error))
            return FALSE;
        }

      for (guint j = 0; links != NULL && j < json_array_get_length (links); j++)
        {
          JsonObject *l = json_array_get_object_element (links, j);
          gint64 article = lookup (m, "articles", str (l, "article"));
          gint64 annotation = lookup (m, "annotations", str (l, "annotation"));
          g_autoptr(AttestCachedStmt) link = NULL;

          if (article < 0 && annotation < 0)
            return fail_at (error, "incidents", _("link evidence that is not in the project"));
          if (!(link = _attest_store_prepare_cached (m->store,
                  "INSERT INTO incident_links (uuid, incident_id, article_id, annotation_id, "
                  "relation, field, figure_low, figure_high) "
                  "VALUES (?, ?, ?, ?, coalesce (?, 'reports'), ?, ?, ?)", error)))
            return FALSE;
          bind_str (link, 1, str (l, "uuid"));
          sqlite3_bind_int64 (link, 2, id);
          bind_count (link, 3, article);
          bind_count (link, 4, annotation);
          bind_str (link, 5, str (l, "relation"));
          bind_str (link, 6, str (l, "field"));
          bind_count (link, 7, count_or_unknown (l, "figure_low"));
          bind_count (link, 8, count_or_unknown (l, "figure_high"));
          if (!exec_bound (m, link, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
merge_collections (Merge       *m,
                   JsonArray   *collections,
                   GError     **error)
{
  for (guint i = 0; collections != NULL && i < json_array_get_length (collections); i++)
    {
      JsonObject *c = json_array_get_object_element (collections, i);
      const char *uuid = str (c, "uuid");
      JsonArray *articles = array (c, "articles");
      gint64 id = lookup (m, "collections", uuid);

      if (id < 0)
        {
          g_autoptr(AttestCachedStmt) stmt = NULL;
          g_autofree char *now = _attest_now_iso8601 ();

          if (!(stmt = _attest_store_prepare_cached (m->store,
                  "INSERT INTO collections (uuid, name, description, created_at) "
                  "VALUES (?, ?, ?, ?)", error)))
            return FALSE;
          bind_str (stmt, 1, uuid);
          bind_str (stmt, 2, str (c, "name"));
          bind_str (stmt, 3, str (c, "description"));
          bind_str (stmt, 4, str (c, "created_at") ? str (c, "created_at") : now);
          if (!exec_bound (m, stmt, error))
            return FALSE;
          id = sqlite3_last_insert_rowid (_attest_store_get_db (m->store));
          m->summary->n_added++;
        }
      else
        m->summary->n_unchanged++;

      /* Membership only adds up. */
      for (guint j = 0; articles != NULL && j < json_array_get_length (articles); j++)
        {
          gint64 article = lookup (m, "articles", json_array_get_string_element (articles, j));
          g_autoptr(AttestCachedStmt) member = NULL;

          if (article < 0)
            continue;
          if (!(member = _attest_store_prepare_cached (m->store,
                  "INSERT OR IGNORE INTO collection_articles (collection_id, article_id) "
                  "VALUES (?, ?)", error)))
            return FALSE;
          sqlite3_bind_int64 (member, 1, id);
          sqlite3_bind_int64 (member, 2, article);
          if (!exec_bound (m, member, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* A big section, one element at a time: each is parsed, merged and dropped. */
static gboolean
merge_each (Merge          *m,
            AttestJsonDoc  *doc,
            const char     *section,
            gboolean      (*merge) (Merge *m, JsonArray *items, GError **error),
            GError        **error)
{
  GArray *items = _attest_json_doc_get_items (doc, section);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      g_autoptr(JsonArray) one = json_array_new ();
      const AttestJsonSpan *span = &g_array_index (items, AttestJsonSpan, i);
      JsonNode *node = _attest_json_doc_parse (doc, span, error);

      if (node == NULL)
        return FALSE;
      json_array_add_element (one, node);
      if (!merge (m, one, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_collection (AttestStore               *store,
                   GBytes                    *json,
                   const AttestMergeOptions  *options,
                   AttestMergeSummary       **summary_out,
                   GError                   **error)
{
  static const AttestMergeOptions defaults = { ATTEST_MERGE_ASK, NULL, FALSE };
  g_autoptr(AttestMergeSummary) summary = g_new0 (AttestMergeSummary, 1);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonNode) kinds = NULL;
  g_autoptr(JsonNode) codebook = NULL;
  g_autoptr(AttestJsonDoc) doc = NULL;
  Merge m = { store, options ? options : &defaults, summary, ids, FALSE };
  gboolean ok;

  g_return_val_if_fail (ATTEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  summary->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_merge_conflict_free);

  if (g_bytes_get_size (json) == 0)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("The file is empty: there is no collection in it."));
      return FALSE;
    }
  if (!(doc = _attest_json_doc_scan (g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                                     sections, error))
      || !check_document (doc, error)
      || !_attest_store_exec (store, "SAVEPOINT import_collection", error))
    return FALSE;

  /* The kinds and the codebook are small and read whole: a tag's parent may come after it. */
  ok = merge_project (&m, doc, error)
       && (kinds = _attest_json_doc_parse_member (doc, "source_kinds", error), error == NULL || *error == NULL)
       && merge_kinds (&m, kinds ? json_node_get_array (kinds) : NULL, error)
       && (codebook = _attest_json_doc_parse_member (doc, "codebook", error), error == NULL || *error == NULL)
       && merge_tags (&m, codebook ? json_node_get_array (codebook) : NULL, error)
       && merge_each (&m, doc, "sources", merge_sources, error)
       && merge_each (&m, doc, "places", merge_places, error)
       && merge_each (&m, doc, "articles", merge_articles, error)
       && merge_each (&m, doc, "incidents", merge_incidents, error)
       && merge_each (&m, doc, "collections", merge_collections, error);
  g_clear_pointer (&doc, _attest_json_doc_free);

  if (ok && m.unresolved && !m.options->dry_run)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u item was changed on both sides; choose which version to "
                                "keep, then import again.",
                                "%u items were changed on both sides; choose which version to "
                                "keep, then import again.",
                                summary->conflicts->len - summary->n_mine - summary->n_theirs),
                   summary->conflicts->len - summary->n_mine - summary->n_theirs);
      ok = FALSE;
    }

  if (!ok || m.options->dry_run)
    _attest_store_exec (store, "ROLLBACK TO import_collection; RELEASE import_collection", NULL);
  else if (!_attest_store_exec (store, "RELEASE import_collection", error))
    {
      _attest_store_exec (store, "ROLLBACK TO import_collection; RELEASE import_collection",
                          NULL);
      ok = FALSE;
    }

  if (ok && !m.options->dry_run)
    {
      _attest_store_emit_changed (store, "articles");
      _attest_store_emit_changed (store, "annotations");
      _attest_store_emit_changed (store, "sources");
      _attest_store_emit_changed (store, "tags");
      _attest_store_emit_changed (store, "incidents");
    }

  if (summary_out != NULL)
    *summary_out = g_steal_pointer (&summary);
  return ok;
}

gboolean
attest_import_collection (AttestStore               *store,
                          GBytes                    *json,
                          const AttestMergeOptions  *options,
                          AttestMergeSummary       **summary_out,
                          GError                   **error)
{
  GError *local = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  /* The passes test *error to tell "absent" from "broken": they always get one. */
  if (import_collection (store, json, options, summary_out, &local))
    return TRUE;
  if (local != NULL)
    g_propagate_error (error, local);
  return FALSE;
}
