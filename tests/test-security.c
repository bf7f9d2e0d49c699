/* test-security.c: what a hostile article, page, address, search, colleague's project or
 * spreadsheet cell can do to Attest — nothing.
 *
 * - Names and texts full of SQL, quotes, format strings, control characters and FTS5 syntax
 *   are stored and read back verbatim, and the database stays intact (every statement binds
 *   its parameters).
 * - Only http and https are fetched, however the address or a redirect is dressed up, and
 *   credentials in an address are not sent.
 * - A page's scripts, styles, images, frames, DTDs and entities are never fetched, run or
 *   expanded: a local server counts requests, and marker files show what was read.
 * - No CSV cell can run as a formula, in any table.
 * - A project file from someone else cannot load extensions, call functions from its schema,
 *   or smuggle SQL into the statements Attest writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "attest-core.h"
#include "attest-fts.h"
#include "attest-store-private.h"

#define BODY "Gunmen attacked an army checkpoint near the village of Makchifa on Sunday.\n\n" \
             "\"The Corona virus is an important factor,\" said Tahsin al-Khafaji.\n"

/* Strings that break code which builds SQL, format strings or FTS5 queries by hand. None
 * starts or ends with white space: names are trimmed, and that is not what is tested. */
static const char * const hostile_strings[] = {
  "Robert'); DROP TABLE articles; --",
  "\"; DELETE FROM sources; --",
  "' OR '1'='1",
  "x' UNION SELECT name, sql FROM sqlite_schema --",
  "SELECT * FROM sqlite_schema; PRAGMA writable_schema = ON; VACUUM",
  "%s%n%x%p%%%1$s%999999999d",
  "back\\slash \\' \\\" `tick` [bracket] $dollar ?1 :name @var",
  "a\001b\002c\033d\177e",
  "tab\tinside and a new\nline",
  "قال المتحدث «لا»; -- \u202eRTL override\u202c",
  "😀 emoji; zero\u200bwidth; e\u0301",
  "/* comment */ -- dash ;",
  "NEAR(a b) \"quoted\" title:value * AND OR NOT ^start {col1 col2}: (x",
  "<script>alert(1)</script>&amp;",
};

/* FTS5 syntax as a researcher might type it, or an attacker might. */
static const char * const search_queries[] = {
  "\"",
  "\"\"",
  "NEAR(",
  "NEAR(Gunmen checkpoint, 2)",
  "*",
  "Gun*",
  "AND OR NOT",
  "title:Gunmen",
  "body:x OR title:y",
  "{title body}: x",
  "^Gunmen",
  "Gunmen +",
  "(",
  ")",
  "a AND (b OR",
  "'; DROP TABLE articles; --",
  "%s%n",
  "\\",
  "-",
  ":",
  "articles_fts MATCH 'x'",
};

typedef struct
{
  char        *dir;
  char        *path;
  AttestStore *store;
  gint64       n_schema;    /* objects in sqlite_schema of a fresh project */
} Fixture;

/* Helpers */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A second connection, as another program would see the file. */
static gint64
count_schema (const char *path)
{
  sqlite3 *db = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  n = query_int (db, "SELECT count(*) FROM sqlite_schema");
  sqlite3_close (db);
  return n;
}

static void
exec_on_file (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* The full-text tables use Attest's tokenizer. */
  g_assert_true (attest_fts_register (db, NULL));
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* PRAGMA integrity_check says ok, no foreign key dangles, and no table, index, trigger or
 * view appeared or went. */
static void
assert_database_intact (Fixture *f)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema"), ==, f->n_schema);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'articles' "
                                  "OR name = 'sources' OR name = 'annotations'"), ==, 3);
  sqlite3_close (db);
}

/* The hostile strings, and one of 100,000 characters made of them. */
static GPtrArray *
hostile_values (void)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  GString *long_one = g_string_new ("long");

  for (guint i = 0; i < G_N_ELEMENTS (hostile_strings); i++)
    g_ptr_array_add (values, g_strdup (hostile_strings[i]));
  while (long_one->len < 100000)
    g_string_append (long_one, "';--\"%s ");
  g_string_append (long_one, "end");
  g_ptr_array_add (values, g_string_free (long_one, FALSE));

  return values;
}

static char *
import_body (Fixture                 *f,
             const char              *body,
             const AttestArticleMeta *meta)
{
  g_autoptr(GError) error = NULL;
  char *uuid = attest_store_import_text (f->store, body, -1, meta, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("attest-security-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "project.attest", NULL);
  f->store = attest_store_create (f->path, &error);
  g_assert_no_error (error);
  f->n_schema = count_schema (f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* SQL: everything a user types is data */

static void
test_sql_article_metadata (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) values = hostile_values ();
  g_autofree char *attach = g_strdup_printf ("x'; ATTACH DATABASE '%s/pwned.db' AS pwned; --",
                                             f->dir);
  g_autofree char *pwned = g_build_filename (f->dir, "pwned.db", NULL);

  g_ptr_array_add (values, g_strdup (attach));
  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(AttestArticle) article = NULL;
      g_autofree char *body = g_strdup_printf ("Article number %u about %s.\n\n%s", i,
                                               "checkpoints", BODY);
      g_autofree char *url = g_strdup_printf ("https://news.example.org/a?q=%u' OR 1=1;--", i);
      AttestArticleMeta meta = {
        .title = value,
        .byline = value,
        .outlet = value,
        .url = url,
        .origin = value,
        .description = value,
      };
      g_autofree char *uuid = import_body (f, body, &meta);

      article = attest_store_get_article (f->store, uuid, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (attest_article_get_title (article), ==, value);
      g_assert_cmpstr (attest_article_get_byline (article), ==, value);
      g_assert_cmpstr (attest_article_get_outlet (article), ==, value);
      g_assert_cmpstr (attest_article_get_url (article), ==, url);
      g_assert_cmpstr (attest_article_get_origin (article), ==, value);
      g_assert_cmpstr (attest_article_get_description (article), ==, value);

      /* Corrected details too. */
      {
        g_autofree char *other = g_strconcat ("Corrected: ", value, NULL);
        AttestArticleMeta update = { .title = other, .outlet = other, .byline = other };
        g_autoptr(AttestArticle) again = NULL;

        g_assert_true (attest_store_update_article (f->store, uuid, &update, &error));
        g_assert_no_error (error);
        again = attest_store_get_article (f->store, uuid, &error);
        g_assert_cmpstr (attest_article_get_title (again), ==, other);
        g_assert_cmpstr (attest_article_get_outlet (again), ==, other);
        g_assert_cmpstr (attest_article_get_byline (again), ==, other);
      }
    }

  g_assert_false (g_file_test (pwned, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GPtrArray) articles = attest_store_list_articles (f->store, NULL);

    g_assert_cmpuint (articles->len, ==, values->len);
  }
  assert_database_intact (f);
}

static void
test_sql_sources (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) values = hostile_values ();
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_autofree char *alias = g_strconcat ("alias ", value, NULL);
      g_autofree char *notes = g_strconcat ("notes ", value, NULL);
      g_autoptr(AttestSource) source = attest_store_create_source (f->store, value, "official",
                                                                  &error);
      g_autoptr(AttestSource) found = NULL;
      g_autoptr(AttestSource) by_alias = NULL;
      const char *uuid;

      g_assert_no_error (error);
      uuid = attest_source_get_uuid (source);
      g_assert_cmpstr (attest_source_get_name (source), ==, value);
      g_assert_true (attest_store_add_source_alias (f->store, uuid, alias, &error));
      g_assert_no_error (error);
      g_assert_true (attest_store_update_source (f->store, uuid, NULL, NULL, value, value,
                                                 &error));
      g_assert_no_error (error);
      g_assert_true (attest_store_set_source_details (f->store, uuid, TRUE, FALSE, notes,
                                                      &error));
      g_assert_no_error (error);

      found = attest_store_find_source (f->store, value, &error);
      g_assert_no_error (error);
      g_assert_nonnull (found);
      g_assert_cmpstr (attest_source_get_uuid (found), ==, uuid);
      g_assert_cmpstr (attest_source_get_role (found), ==, value);
      g_assert_cmpstr (attest_source_get_affiliation (found), ==, value);
      g_assert_cmpstr (attest_source_get_notes (found), ==, notes);
      g_assert_cmpstr (attest_source_get_aliases (found)[0], ==, alias);

      by_alias = attest_store_find_source (f->store, alias, &error);
      g_assert_no_error (error);
      g_assert_nonnull (by_alias);
      g_assert_cmpstr (attest_source_get_uuid (by_alias), ==, uuid);
    }

  /* Wildcards of LIKE and GLOB are letters in a name. */
  {
    g_autoptr(AttestSource) ab = attest_store_create_source (f->store, "AB", "other", &error);
    g_autoptr(AttestSource) found = NULL;

    g_assert_no_error (error);
    found = attest_store_find_source (f->store, "A%", &error);
    g_assert_no_error (error);
    g_assert_null (found);
    found = attest_store_find_source (f->store, "A_", &error);
    g_assert_no_error (error);
    g_assert_null (found);
    found = attest_store_find_source (f->store, "A*", &error);
    g_assert_no_error (error);
    g_assert_null (found);
  }

  sources = attest_store_list_sources (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, values->len + 1);
  assert_database_intact (f);

  /* Undo all of it and redo it: the snapshots carry the strings as data too. */
  while (attest_store_can_undo (f->store))
    g_assert_true (attest_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sources, g_ptr_array_unref);
  sources = attest_store_list_sources (f->store, &error);
  g_assert_cmpuint (sources->len, ==, 0);
  while (attest_store_can_redo (f->store))
    g_assert_true (attest_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sources, g_ptr_array_unref);
  sources = attest_store_list_sources (f->store, &error);
  g_assert_cmpuint (sources->len, ==, values->len + 1);
  assert_database_intact (f);
}

/* Aliases travel through SQL joined by U+001F: one that holds that character must not come
 * back as two. */
static void
test_sql_alias_separator (Fixture       *f,
                          gconstpointer  data)
{
  static const char alias[] = "Abu\037Bakr";
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestSource) source = attest_store_create_source (f->store, "Source", "other",
                                                              &error);
  g_autoptr(AttestSource) found = NULL;
  AttestPlace spec = { .name = "Makchifa", .latitude = NAN, .longitude = NAN };
  g_autofree char *place_uuid = attest_store_create_place (f->store, &spec, &error);
  g_autoptr(AttestPlace) place = NULL;
  gboolean added;

  g_assert_no_error (error);
  added = attest_store_add_source_alias (f->store, attest_source_get_uuid (source), alias,
                                         &error);
  if (added)
    {
      found = attest_store_get_source (f->store, attest_source_get_uuid (source), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_strv_length ((GStrv) attest_source_get_aliases (found)), ==, 1);
      g_assert_cmpstr (attest_source_get_aliases (found)[0], ==, alias);
    }
  else
    {
      /* Refusing control characters in a name is a fine answer too. */
      g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
      g_clear_error (&error);
    }

  added = attest_store_add_place_alias (f->store, place_uuid, alias, &error);
  if (added)
    {
      place = attest_store_get_place (f->store, place_uuid, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_strv_length (place->aliases), ==, 1);
      g_assert_cmpstr (place->aliases[0], ==, alias);
    }
  else
    g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
}

static void
test_sql_tags (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) values = hostile_values ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestTag) parent = attest_store_create_tag (f->store, "Parent", NULL, NULL, NULL,
                                                         &error);

  g_assert_no_error (error);
  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_autofree char *memo = g_strconcat ("memo ", value, NULL);
      g_autoptr(AttestTag) tag = attest_store_create_tag (f->store, value,
                                                          attest_tag_get_uuid (parent), NULL,
                                                          value, &error);
      g_autoptr(AttestTag) again = NULL;

      g_assert_no_error (error);
      g_assert_true (attest_store_update_tag (f->store, attest_tag_get_uuid (tag), NULL, NULL,
                                              NULL, memo, &error));
      g_assert_no_error (error);
      again = attest_store_get_tag (f->store, attest_tag_get_uuid (tag), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (attest_tag_get_name (again), ==, value);
      g_assert_cmpstr (attest_tag_get_description (again), ==, value);
      g_assert_cmpstr (attest_tag_get_memo (again), ==, memo);
      g_assert_cmpstr (attest_tag_get_parent_uuid (again), ==, attest_tag_get_uuid (parent));
    }

  assert_database_intact (f);
}

static void
test_sql_incidents_and_places (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) values = hostile_values ();

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *alias = g_strconcat ("alias ", value, NULL);
      g_autofree char *place_name = g_strdup_printf ("%u %s", i, value);
      AttestPlace spec = { .name = place_name, .admin2 = (char *) value,
                           .latitude = NAN, .longitude = NAN };
      g_autofree char *place_uuid = attest_store_create_place (f->store, &spec, &error);
      g_autoptr(AttestPlace) place = NULL;
      g_autoptr(AttestPlace) by_alias = NULL;
      g_autoptr(AttestIncident) incident = NULL;
      g_autoptr(AttestIncident) again = NULL;
      AttestIncidentFields fields;

      g_assert_no_error (error);
      g_assert_true (attest_store_add_place_alias (f->store, place_uuid, alias, &error));
      g_assert_no_error (error);
      place = attest_store_get_place (f->store, place_uuid, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (place->name, ==, place_name);
      g_assert_cmpstr (place->admin2, ==, value);
      g_assert_cmpstr (place->aliases[0], ==, alias);
      by_alias = attest_store_find_place (f->store, alias, &error);
      g_assert_no_error (error);
      g_assert_nonnull (by_alias);
      g_assert_cmpstr (by_alias->uuid, ==, place_uuid);

      attest_incident_fields_init (&fields);
      fields.title = value;
      fields.summary = value;
      fields.date_start = "2020-05-03";
      fields.date_as_reported = value;
      fields.location = value;
      fields.location_as_reported = value;
      fields.admin1 = value;
      fields.responsibility = value;
      fields.coder = value;
      incident = attest_store_save_incident (f->store, NULL, &fields, &error);
      g_assert_no_error (error);
      again = attest_store_get_incident (f->store, attest_incident_get_uuid (incident), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (attest_incident_get_title (again), ==, value);
      g_assert_cmpstr (attest_incident_get_summary (again), ==, value);
      g_assert_cmpstr (attest_incident_get_date_as_reported (again), ==, value);
      g_assert_cmpstr (attest_incident_get_location (again), ==, value);
      g_assert_cmpstr (attest_incident_get_location_as_reported (again), ==, value);
      g_assert_cmpstr (attest_incident_get_admin1 (again), ==, value);
      g_assert_cmpstr (attest_incident_get_responsibility (again), ==, value);
      g_assert_cmpstr (attest_incident_get_coder (again), ==, value);
    }

  assert_database_intact (f);
}

static void
test_sql_collections_and_project (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) values = hostile_values ();
  g_autoptr(GPtrArray) collections = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *article = import_body (f, BODY, NULL);
  const char *members[] = { article, NULL };

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_autofree char *name = g_strdup_printf ("%u %s", i, value);
      g_autofree char *renamed = g_strdup_printf ("%u renamed %s", i, value);
      g_autofree char *uuid = attest_store_create_collection (f->store, name, value, &error);
      g_auto(GStrv) in = NULL;

      g_assert_no_error (error);
      g_assert_true (attest_store_set_collection_articles (f->store, uuid, members, TRUE,
                                                           &error));
      g_assert_true (attest_store_rename_collection (f->store, uuid, renamed, &error));
      g_assert_no_error (error);
      in = attest_store_list_collection_articles (f->store, uuid, &error);
      g_assert_no_error (error);
      g_assert_cmpstrv (in, members);

      g_assert_true (attest_store_set_project_name (f->store, value, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (attest_store_get_project_name (f->store), ==, value);
    }

  collections = attest_store_list_collections (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (collections->len, ==, values->len);
  for (guint i = 0; i < collections->len; i++)
    {
      AttestCollection *c = g_ptr_array_index (collections, i);
      guint n;

      g_assert_cmpint (sscanf (c->name, "%u renamed ", &n), ==, 1);
      g_assert_cmpuint (n, <, values->len);
      g_assert_true (g_str_has_suffix (c->name, g_ptr_array_index (values, n)));
      g_assert_cmpstr (c->description, ==, g_ptr_array_index (values, n));
    }

  /* The project's name survives closing and opening. */
  g_assert_finalize_object (g_steal_pointer (&f->store));
  f->store = attest_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_store_get_project_name (f->store), ==,
                   g_ptr_array_index (values, values->len - 1));
  assert_database_intact (f);
}

static void
test_sql_annotations (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) values = hostile_values ();
  g_autofree char *article = import_body (f, BODY, NULL);

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(AttestAnnotation) annotation = NULL;
      g_autoptr(AttestAnnotation) again = NULL;

      annotation = attest_store_annotate_span (f->store, article, ATTEST_ANNOTATION_NOTE, i,
                                               i + 5, value, NULL, value, value, &error);
      g_assert_no_error (error);
      again = attest_store_get_annotation (f->store, attest_annotation_get_uuid (annotation),
                                           &error);
      g_assert_no_error (error);
      g_assert_cmpstr (attest_annotation_get_comment (again), ==, value);
      g_assert_cmpstr (attest_annotation_get_coder (again), ==, value);
      g_assert_cmpstr (attest_annotation_get_speaker_name (again), ==, value);
    }

  assert_database_intact (f);
}

static void
test_sql_search (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *article = import_body (f, BODY, NULL);
  g_autoptr(GPtrArray) hits = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (search_queries); i++)
    {
      AttestSearchFilter filter = { .outlet = search_queries[i] };

      hits = attest_store_search (f->store, search_queries[i], 10, &error);
      if (hits == NULL)
        {
          /* A refusal is a sentence for the user, not an SQL error. */
          g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
          g_test_message ("“%s” refused: %s", search_queries[i], error->message);
          g_clear_error (&error);
        }
      g_assert_no_error (error);
      g_clear_pointer (&hits, g_ptr_array_unref);

      hits = attest_store_search_filtered (f->store, search_queries[i], &filter, 10, &error);
      if (hits == NULL)
        {
          g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
          g_clear_error (&error);
        }
      g_clear_pointer (&hits, g_ptr_array_unref);
    }
  for (guint i = 0; i < G_N_ELEMENTS (hostile_strings); i++)
    {
      hits = attest_store_search (f->store, hostile_strings[i], 10, &error);
      if (hits == NULL)
        {
          g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
          g_clear_error (&error);
        }
      g_clear_pointer (&hits, g_ptr_array_unref);
    }

  /* Punctuation around a word does not hide the article. */
  hits = attest_store_search (f->store, "\"Makchifa\"", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = attest_store_search (f->store, "Makch*", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);

  assert_database_intact (f);
}

/* Fetching: http and https only */

typedef struct
{
  SoupServer   *server;
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
  char         *base;
  GMutex        lock;
  GPtrArray    *paths;           /* every request, in order */
  GPtrArray    *authorizations;  /* their Authorization headers, "" when none */
} Server;

static const char page_html[] =
  "<!DOCTYPE html><html><head><title>Ambush</title></head><body><article>"
  "<p>Gunmen attacked an army checkpoint near the village of Makchifa on Sunday, killing "
  "three soldiers, officials said.</p></article></body></html>";

static void
server_handler (SoupServer        *soup_server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Server *server = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  static const struct { const char *path; const char *location; } redirects[] = {
    { "/to-file-upper", "FILE:///etc/passwd" },
    { "/to-file-host", "file://localhost/etc/passwd" },
    { "/to-data", "data:text/html,<p>Gunmen attacked a checkpoint near Makchifa.</p>" },
    { "/to-ftp", "ftp://127.0.0.1/etc/passwd" },
    { "/to-javascript", "javascript:alert(document.cookie)" },
    { "/to-gopher", "gopher://127.0.0.1:70/_GET%20/" },
    { "/to-resource", "resource:///io/attest/Attest/sql/001-initial.sql" },
    { "/to-scheme-less", "//[::1]:0/" },
    { "/hop-then-file", "/to-file-upper" },
  };

  g_mutex_lock (&server->lock);
  g_ptr_array_add (server->paths, g_strdup (path));
  g_ptr_array_add (server->authorizations, g_strdup (authorization ? authorization : ""));
  g_mutex_unlock (&server->lock);

  for (guint i = 0; i < G_N_ELEMENTS (redirects); i++)
    if (g_str_equal (path, redirects[i].path))
      {
        soup_server_message_set_redirect (msg, 302, redirects[i].location);
        return;
      }

  if (g_str_equal (path, "/page"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        page_html, strlen (page_html));
      return;
    }

  /* Anything else a page might ask for: a stylesheet, a script, an image, a DTD. */
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC,
                                    "FETCHED-FROM-SERVER", strlen ("FETCHED-FROM-SERVER"));
}

static gpointer
server_thread (gpointer data)
{
  Server *server = data;

  g_main_context_push_thread_default (server->context);
  g_main_loop_run (server->loop);
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

static Server *
server_start (void)
{
  Server *server = g_new0 (Server, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_mutex_init (&server->lock);
  server->paths = g_ptr_array_new_with_free_func (g_free);
  server->authorizations = g_ptr_array_new_with_free_func (g_free);
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);

  /* The server's sources belong to its own context, which its own thread runs: the fetcher
   * under test blocks this one. */
  g_main_context_push_thread_default (server->context);
  server->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server->server, NULL, server_handler, server, NULL);
  g_assert_true (soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);
  g_main_context_pop_thread_default (server->context);

  uris = soup_server_get_uris (server->server);
  server->base = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  if (g_str_has_suffix (server->base, "/"))
    server->base[strlen (server->base) - 1] = '\0';
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  server->thread = g_thread_new ("test-server", server_thread, server);
  return server;
}

static guint
server_n_requests (Server *server)
{
  guint n;

  g_mutex_lock (&server->lock);
  n = server->paths->len;
  g_mutex_unlock (&server->lock);
  return n;
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
server_stop (Server *server)
{
  GSource *quit = g_idle_source_new ();

  /* Quit from inside the server's loop: a g_main_loop_quit () that came before the thread
   * reached g_main_loop_run () would be lost, and the join would wait for ever (as it did on
   * a loaded machine, where a page test ends before the server thread has started). */
  g_source_set_callback (quit, quit_loop, server->loop, NULL);
  g_source_attach (quit, server->context);
  g_source_unref (quit);
  g_thread_join (server->thread);

  g_main_context_push_thread_default (server->context);
  soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  while (g_main_context_iteration (server->context, FALSE))
    ;
  g_main_context_pop_thread_default (server->context);

  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_ptr_array_unref (server->paths);
  g_ptr_array_unref (server->authorizations);
  g_mutex_clear (&server->lock);
  g_free (server->base);
  g_free (server);
}

static AttestFetchResult *
fetch (const char  *url,
       GError     **error)
{
  AttestFetchOptions options = { .connect_timeout = 5, .total_timeout = 10 };

  return attest_fetch_url (url, &options, NULL, error);
}

static void
test_fetch_other_schemes (void)
{
  static const char * const refused[] = {
    "FILE:///etc/passwd",
    "File:/etc/passwd",
    "file://localhost/etc/passwd",
    " file:///etc/passwd",
    "\tfile:///etc/passwd\n",
    "/etc/passwd",
    "~/.ssh/id_rsa",
    "../../etc/passwd",
    "ftp://127.0.0.1/etc/passwd",
    "ftps://127.0.0.1/",
    "sftp://127.0.0.1/etc/passwd",
    "data:text/html,<p>Gunmen attacked a checkpoint near Makchifa.</p>",
    "data:text/html;base64,PHA+aGk8L3A+",
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    "vbscript:msgbox(1)",
    "gopher://127.0.0.1:70/_GET%20/",
    "dict://127.0.0.1:11211/stat",
    "ldap://127.0.0.1/",
    "smb://127.0.0.1/share",
    "resource:///io/attest/Attest/sql/001-initial.sql",
    "view-source:http://127.0.0.1/",
    "jar:http://127.0.0.1/x.zip!/",
    "about:blank",
    "http:/etc/passwd",
    "http:///etc/passwd",
    "http://",
    "https://",
    "http:\\\\127.0.0.1\\page",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AttestFetchResult) result = fetch (refused[i], &error);

      g_test_message ("“%s”: %s", refused[i], error ? error->message : "fetched");
      g_assert_null (result);
      g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_fetch_redirects_to_other_schemes (void)
{
  static const char * const paths[] = {
    "/to-file-upper", "/to-file-host", "/to-data", "/to-ftp", "/to-javascript", "/to-gopher",
    "/to-resource", "/hop-then-file",
  };
  Server *server = server_start ();

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = g_strconcat (server->base, paths[i], NULL);
      g_autoptr(AttestFetchResult) result = fetch (url, &error);

      g_test_message ("%s: %s", paths[i], error ? error->message : "fetched");
      g_assert_null (result);
      g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
    }

  server_stop (server);
}

/* "http://trusted.example@127.0.0.1/" goes to 127.0.0.1, says so, and sends no password. */
static void
test_fetch_userinfo (void)
{
  Server *server = server_start ();
  g_autoptr(GUri) base = g_uri_parse (server->base, G_URI_FLAGS_NONE, NULL);
  g_autofree char *url = g_strdup_printf ("http://news.example.org:secret@127.0.0.1:%d/page",
                                          g_uri_get_port (base));
  g_autofree char *url2 = g_strdup_printf ("http://news.example.org@127.0.0.1:%d/page",
                                           g_uri_get_port (base));
  const char *urls[] = { url, url2 };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AttestFetchResult) result = fetch (urls[i], &error);
      guint before = server_n_requests (server);

      if (result == NULL)
        {
          /* Refusing such an address is fine too. */
          g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (before, >, 0);
      g_assert_nonnull (strstr (result->final_url, "127.0.0.1"));
    }

  /* Credentials in an address are not sent to a server that did not ask for them. */
  for (guint i = 0; i < server->authorizations->len; i++)
    g_assert_cmpstr (g_ptr_array_index (server->authorizations, i), ==, "");

  server_stop (server);
}

/* Pages: nothing is fetched, run, expanded or read */

typedef struct
{
  char   *dir;
  char   *marker_path;
  char   *marker_url;
  Server *server;
} PageFixture;

#define MARKER "ATTEST-LOCAL-FILE-MARKER-7f3a"

static void
page_set_up (PageFixture   *f,
             gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("attest-security-page-XXXXXX", NULL);
  f->marker_path = g_build_filename (f->dir, "marker.txt", NULL);
  g_assert_true (g_file_set_contents (f->marker_path, MARKER "\n", -1, NULL));
  f->marker_url = g_filename_to_uri (f->marker_path, NULL, NULL);
  f->server = server_start ();
}

static void
page_tear_down (PageFixture   *f,
                gconstpointer  data)
{
  server_stop (f->server);
  remove_tree (f->dir);
  g_free (f->marker_path);
  g_free (f->marker_url);
  g_free (f->dir);
}

/* A page that asks for everything a browser would load or run, from the local server and
 * from a local file, as HTML and as XHTML. */
static char *
hostile_page (PageFixture *f,
              gboolean     xhtml,
              guint        number)
{
  const char *s = f->server->base;
  const char *m = f->marker_url;

  return g_strdup_printf (
    "%s"
    "<!DOCTYPE html [\n"
    "  <!ENTITY secret SYSTEM \"%s\">\n"
    "  <!ENTITY passwd SYSTEM \"file:///etc/passwd\">\n"
    "  <!ENTITY remote SYSTEM \"%s/entity\">\n"
    "  <!ENTITY %% dtd SYSTEM \"%s/evil.dtd\">\n"
    "  %%dtd;\n"
    "]>\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
    "<head><title>Ambush at a checkpoint</title>"
    "<base href=\"%s/base/\"/>"
    "<meta http-equiv=\"refresh\" content=\"0; url=%s\"/>"
    "<link rel=\"stylesheet\" href=\"%s/style.css\"/>"
    "<link rel=\"preload\" href=\"%s/preload\"/>"
    "<link rel=\"import\" href=\"%s\"/>"
    "<style>@import url(\"%s/import.css\"); body { background: url(%s/bg.png) }"
    " .x::after { content: \"STYLE-MARKER-2\" }</style>"
    "<script src=\"%s/script.js\"></script>"
    "<script>document.write('SCRIPT-MARKER-1'); fetch('%s/xhr');</script>"
    "</head><body onload=\"fetch('%s/onload')\"><article>"
    "<p>Gunmen attacked an army checkpoint near the village of Makchifa on Sunday, killing "
    "three soldiers and wounding five, officials said. &secret; &passwd; &remote;</p>"
    "<img src=\"%s/photo.jpg\" srcset=\"%s/photo2.jpg 2x\" alt=\"\"/>"
    "<iframe src=\"%s\"></iframe><iframe src=\"%s/frame\"></iframe>"
    "<object data=\"%s\"></object><embed src=\"%s/embed\"/>"
    "<video src=\"%s/video\" poster=\"%s/poster\"></video>"
    "<xi:include href=\"%s\" parse=\"text\"/>"
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"%s/svg.png\"/></svg>"
    "<p>The Corona virus is an important factor, said Major General Tahsin al-Khafaji, a "
    "spokesman for the Joint Operations Command, in statement number %u on Sunday.</p>"
    "<noscript><img src=\"%s/noscript.gif\"/></noscript>"
    "</article></body></html>\n",
    xhtml ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : "",
    m, s, s, s, m, s, s, m, s, s, s, s, s, s, s, m, s, m, s, s, s, m, s, number, s);
}

static void
assert_nothing_leaked (PageFixture *f,
                       const char  *text)
{
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Makchifa"));
  g_assert_null (strstr (text, MARKER));
  g_assert_null (strstr (text, "root:"));
  g_assert_null (strstr (text, "FETCHED-FROM-SERVER"));
  g_assert_null (strstr (text, "SCRIPT-MARKER-1"));
  g_assert_null (strstr (text, "STYLE-MARKER-2"));
  g_assert_null (strstr (text, "document.write"));
  g_assert_cmpuint (server_n_requests (f->server), ==, 0);
}

static void
test_page_extract (PageFixture   *f,
                   gconstpointer  data)
{
  for (guint xhtml = 0; xhtml < 2; xhtml++)
    {
      g_autofree char *page = hostile_page (f, xhtml, xhtml);
      g_autofree char *base_url = g_strconcat (f->server->base, "/article", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(AttestHtmlArticle) article = attest_html_extract (page, strlen (page), NULL,
                                                                  base_url, &error);

      g_assert_no_error (error);
      assert_nothing_leaked (f, article->text);
      g_assert_true (article->title == NULL || strstr (article->title, MARKER) == NULL);
    }
}

/* Through the importers, as bytes of each type and as files. */
static void
test_page_import (PageFixture   *f,
                  gconstpointer  data)
{
  static const char * const types[] = { "text/html", "application/xhtml+xml", NULL };
  static const char * const names[] = { "page.html", "page.xhtml", "page.htm" };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "project.attest", NULL);
  g_autoptr(AttestStore) store = attest_store_create (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *page = hostile_page (f, i % 2 == 1, i);
      g_autofree char *page_path = g_build_filename (f->dir, names[i], NULL);
      g_autoptr(GBytes) bytes = g_bytes_new (page, strlen (page));
      g_autoptr(GFile) file = g_file_new_for_path (page_path);
      g_autofree char *origin = g_strdup_printf ("%s/article/%u", f->server->base, i);
      AttestArticleMeta meta = { .origin = origin };
      g_autofree char *uuid = NULL;
      g_autofree char *uuid2 = NULL;
      g_autoptr(AttestArticle) article = NULL;

      uuid = attest_store_import_bytes (store, bytes, types[i], NULL, &meta, &error);
      g_assert_no_error (error);
      article = attest_store_get_article (store, uuid, &error);
      g_assert_no_error (error);
      assert_nothing_leaked (f, attest_article_get_body (article));
      g_assert_null (strstr (attest_article_get_title (article), MARKER));
      g_assert_null (strstr (attest_article_get_title (article), "root:"));

      /* The same page from a file is the same article. */
      g_assert_true (g_file_set_contents (page_path, page, -1, NULL));
      uuid2 = attest_store_import_file (store, file, NULL, NULL, &error);
      g_assert_null (uuid2);
      g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_DUPLICATE);
      g_clear_error (&error);
      g_assert_cmpuint (server_n_requests (f->server), ==, 0);
    }
}

/* CSV: no cell runs as a formula */

static GPtrArray *
parse_csv (const char *data,
           gsize       length)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  gboolean quoted = FALSE, in_cell = FALSE;
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  for (; i < length; i++)
    {
      char c = data[i];

      if (quoted)
        {
          if (c == '"' && i + 1 < length && data[i + 1] == '"')
            {
              g_string_append_c (cell, '"');
              i++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (cell, c);
        }
      else if (c == '"' && cell->len == 0)
        quoted = in_cell = TRUE;
      else if (c == ',')
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          in_cell = FALSE;
        }
      else if (c == '\r' && i + 1 < length && data[i + 1] == '\n')
        continue;
      else if (c == '\n')
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          in_cell = FALSE;
        }
      else
        {
          g_string_append_c (cell, c);
          in_cell = TRUE;
        }
    }
  g_assert_false (quoted);
  if (in_cell || cell->len > 0 || row->len > 0)
    {
      g_ptr_array_add (row, g_strdup (cell->str));
      g_ptr_array_add (rows, row);
    }
  else
    g_ptr_array_unref (row);
  g_string_free (cell, TRUE);

  return rows;
}

static gboolean
is_number (const char *cell)
{
  g_autoptr(GRegex) number = g_regex_new ("^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$", 0, 0,
                                          NULL);

  return g_regex_match (number, cell, 0, NULL);
}

/* Every text field a user or an article fills starts with a formula trigger. */
static void
fill_with_formulas (Fixture *f)
{
  static const char body[] =
    "=HYPERLINK(\"http://127.0.0.1/\",\"click\") opens the article.\n\n"
    "+cmd|' /C calc'!A0 said the spokesman.\n\n"
    "-2+3 were killed, @SUM(1,1) said a witness.\n\n"
    "\ttabbed start of a paragraph that goes on.\n";
  g_autoptr(GError) error = NULL;
  AttestArticleMeta meta = {
    .title = "=1+1 title",
    .byline = "+byline",
    .outlet = "-outlet",
    .url = "https://example.org/=x",
    .origin = "@origin",
    .description = "=description",
  };
  g_autofree char *article = import_body (f, body, &meta);
  g_autoptr(AttestSource) source = NULL;
  g_autoptr(AttestTag) tag = NULL;
  g_autoptr(AttestAnnotation) quote = NULL;
  g_autoptr(AttestAnnotation) note = NULL;
  g_autoptr(AttestIncident) incident = NULL;
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (
    (GDestroyNotify) attest_incident_actor_free);
  g_autofree char *place = NULL;
  g_autofree char *collection = NULL;
  g_autofree char *link = NULL;
  AttestIncidentActor *actor;
  AttestIncidentFields fields;
  AttestPlace spec = { .name = "=Makchifa", .admin2 = "+district",
                       .latitude = 33.7, .longitude = -44.6 };
  const char *members[] = { article, NULL };

  source = attest_store_create_source (f->store, "@SUM(A1:A9)", "official", &error);
  g_assert_no_error (error);
  g_assert_true (attest_store_update_source (f->store, attest_source_get_uuid (source), NULL,
                                             NULL, "=role", "+affiliation", &error));
  g_assert_true (attest_store_set_source_details (f->store, attest_source_get_uuid (source),
                                                  FALSE, FALSE, "-notes", &error));
  g_assert_true (attest_store_add_source_alias (f->store, attest_source_get_uuid (source),
                                                "=alias", &error));
  g_assert_no_error (error);

  tag = attest_store_create_tag (f->store, "=tag", NULL, NULL, "+description", &error);
  g_assert_no_error (error);
  g_assert_true (attest_store_update_tag (f->store, attest_tag_get_uuid (tag), NULL, NULL, NULL,
                                          "@memo", &error));
  g_assert_true (attest_store_set_source_tag (f->store, attest_source_get_uuid (source),
                                              attest_tag_get_uuid (tag), TRUE, &error));
  g_assert_no_error (error);

  /* "=HYPERLINK(…)" at the start of the body, "+cmd…" at the start of a paragraph. */
  quote = attest_store_create_annotation (f->store, article, ATTEST_ANNOTATION_DIRECT, 0, 40,
                                          attest_source_get_uuid (source), "=comment",
                                          "+coder", &error);
  g_assert_no_error (error);
  note = attest_store_create_annotation (f->store, article, ATTEST_ANNOTATION_CLAIM, 63, 78,
                                         NULL, "-comment", "@coder", &error);
  g_assert_no_error (error);
  g_assert_true (attest_store_set_annotation_tag (f->store, attest_annotation_get_uuid (quote),
                                                  attest_tag_get_uuid (tag), TRUE, &error));
  g_assert_no_error (error);

  place = attest_store_create_place (f->store, &spec, &error);
  g_assert_no_error (error);
  attest_incident_fields_init (&fields);
  fields.title = "=incident";
  fields.summary = "+summary";
  fields.date_start = "2020-05-03";
  fields.date_as_reported = "-Sunday";
  fields.event_type = "=Battles";
  fields.sub_event_type = "+Armed clash";
  fields.place_uuid = place;
  fields.location_as_reported = "@Machishafa";
  fields.admin1 = "=Diyala";
  fields.country = "\tIraq";
  fields.latitude = 33.7;
  fields.longitude = -44.6;
  fields.responsibility = "-claimed";
  fields.coder = "\rcoder";
  fields.fatalities_best = 3;
  incident = attest_store_save_incident (f->store, NULL, &fields, &error);
  g_assert_no_error (error);

  actor = g_new0 (AttestIncidentActor, 1);
  actor->name = g_strdup ("=Gunmen");
  actor->role = g_strdup ("perpetrator");
  actor->actor_type = g_strdup ("+Rebel group");
  g_ptr_array_add (actors, actor);
  g_assert_true (attest_store_set_incident_actors (f->store, attest_incident_get_uuid (incident),
                                                   actors, &error));
  g_assert_no_error (error);
  link = attest_store_link_evidence (f->store, attest_incident_get_uuid (incident),
                                     attest_annotation_get_uuid (quote), NULL, NULL, "reports",
                                     ATTEST_UNKNOWN, ATTEST_UNKNOWN, &error);
  g_assert_no_error (error);

  collection = attest_store_create_collection (f->store, "=collection", "+description", &error);
  g_assert_no_error (error);
  g_assert_true (attest_store_set_collection_articles (f->store, collection, members, TRUE,
                                                       &error));
  g_assert_no_error (error);
}

static void
test_csv_formulas (Fixture       *f,
                   gconstpointer  data)
{
  static const AttestCsvTable tables[] = {
    ATTEST_CSV_QUOTES, ATTEST_CSV_ANNOTATIONS, ATTEST_CSV_SOURCES, ATTEST_CSV_ARTICLES,
    ATTEST_CSV_INCIDENTS, ATTEST_CSV_TAGS,
  };

  fill_with_formulas (f);

  for (guint excel = 0; excel < 2; excel++)
    for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
      {
        g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GPtrArray) rows = NULL;
        AttestExportScope scope = { .excel = excel };
        guint n_neutralised = 0;

        g_assert_true (attest_export_csv_scoped (f->store, &scope, tables[t], out, NULL,
                                                 &error));
        g_assert_no_error (error);
        g_assert_true (g_output_stream_close (out, NULL, NULL));
        bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
        rows = parse_csv (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
        g_assert_cmpuint (rows->len, >=, 2);

        for (guint r = 0; r < rows->len; r++)
          {
            GPtrArray *row = g_ptr_array_index (rows, r);

            for (guint c = 0; c < row->len; c++)
              {
                const char *cell = g_ptr_array_index (row, c);

                if (cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@\t\r", cell[1]) != NULL)
                  n_neutralised++;
                if (cell[0] == '\0' || strchr ("=+-@\t\r", cell[0]) == NULL)
                  continue;
                if (is_number (cell))
                  continue;
                g_test_message ("%s.csv row %u column %u runs as a formula: “%s”",
                                attest_csv_table_to_string (tables[t]), r, c, cell);
                g_test_fail ();
              }
          }
        /* The neutralised cells are there, not dropped. */
        g_assert_cmpuint (n_neutralised, >, 0);
      }
}

/* Someone else's project */

static void
test_project_database_settings (Fixture       *f,
                                gconstpointer  data)
{
  sqlite3 *db = _attest_store_get_db (f->store);
  char *message = NULL;
  int value = -1;

  /* PRAGMA trusted_schema stays on: the triggers that keep the FTS5 index in sync write to a
   * virtual table, which SQLite forbids in triggers of an untrusted schema. What a schema
   * could call is kept harmless otherwise: no extensions, no fts3_tokenizer(), a defensive
   * connection, and only the triggers and views Attest wrote (test-store.c). */
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &value), ==, SQLITE_OK);
  g_assert_cmpint (value, ==, 1);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, -1, &value), ==,
                   SQLITE_OK);
  g_assert_cmpint (value, ==, 0);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, -1, &value), ==,
                   SQLITE_OK);
  g_assert_cmpint (value, ==, 0);

  /* load_extension() is not even callable from SQL. */
  g_assert_cmpint (sqlite3_exec (db, "SELECT load_extension('/nonexistent/evil.so')", NULL, NULL,
                                 &message), ==, SQLITE_ERROR);
  g_assert_nonnull (strstr (message, "not authorized"));
  sqlite3_free (message);
  message = NULL;

  /* Defensive: the schema cannot be written as data. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA writable_schema = ON; "
                                     "UPDATE sqlite_schema SET sql = sql WHERE 0", NULL, NULL,
                                 &message), !=, SQLITE_OK);
  sqlite3_free (message);
}

/* Opens the crafted copy; each step is allowed to fail, with a sentence, but none may load an
 * extension or run the schema's own functions. Returns whether everything worked. */
static gboolean
use_crafted_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = attest_store_open (path, &error);
  g_autoptr(AttestSource) source = NULL;
  g_autofree char *article = NULL;

  if (store == NULL)
    {
      g_test_message ("refused: %s", error->message);
      g_assert_true (error->domain == ATTEST_ERROR);
      g_assert_null (strstr (error->message, "cannot open shared object"));
      return FALSE;
    }

  article = attest_store_import_text (store, BODY, -1, NULL, &error);
  if (article == NULL)
    {
      g_test_message ("import failed: %s", error->message);
      g_assert_true (error->domain == ATTEST_ERROR);
      g_assert_null (strstr (error->message, "cannot open shared object"));
      g_clear_error (&error);
    }
  source = attest_store_create_source (store, "Tahsin al-Khafaji", "official", &error);
  if (source == NULL)
    {
      g_test_message ("source failed: %s", error->message);
      g_assert_true (error->domain == ATTEST_ERROR);
      g_assert_null (strstr (error->message, "cannot open shared object"));
      g_clear_error (&error);
    }
  else if (attest_store_undo (store, &error))
    g_assert_no_error (error);
  else
    {
      g_test_message ("undo failed: %s", error->message);
      g_assert_null (strstr (error->message, "cannot open shared object"));
    }

  return article != NULL && source != NULL;
}

static void
test_project_schema_functions (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *marker = g_build_filename (f->dir, "loaded", NULL);
  /* Each puts a function call where SQLite would run it on Attest's own writes and reads.
   * (Index expressions and generated columns must be deterministic, so SQLite itself keeps
   * load_extension() out of those.) */
  char *hostile[] = {
    g_strdup_printf ("ALTER TABLE articles ADD COLUMN evil TEXT "
                     "CHECK (load_extension('%s') IS NULL)", marker),
    g_strdup_printf ("ALTER TABLE sources ADD COLUMN evil TEXT "
                     "CHECK (load_extension('%s') IS NULL)", marker),
    g_strdup_printf ("CREATE INDEX evil_index ON articles (load_extension('%s'))", marker),
    g_strdup ("ALTER TABLE sources ADD COLUMN evil TEXT "
              "GENERATED ALWAYS AS (attest_uuid()) VIRTUAL"),
    g_strdup ("ALTER TABLE articles ADD COLUMN evil TEXT CHECK (attest_uuid() IS NOT NULL)"),
  };

  g_assert_finalize_object (g_steal_pointer (&f->store));
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *copy = g_strdup_printf ("%s-%u.attest", f->path, i);
      g_autofree char *contents = NULL;
      gsize length;
      sqlite3 *db = NULL;
      int rc;

      g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));

      /* Some of these SQLite itself refuses to write; then there is nothing to test. */
      g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
      /* The full-text tables use Attest's tokenizer. */
      g_assert_true (attest_fts_register (db, NULL));
      rc = sqlite3_exec (db, hostile[i], NULL, NULL, NULL);
      sqlite3_close (db);
      if (rc != SQLITE_OK)
        {
          g_test_message ("SQLite refuses to write “%s”", hostile[i]);
          continue;
        }

      g_test_message ("%s", hostile[i]);
      use_crafted_project (copy);
      g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
    }

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_free (hostile[i]);
}

/* Debian's SQLite is built with SQLITE_ENABLE_FTS3_TOKENIZER, so fts3_tokenizer(name, pointer)
 * is on unless the connection turns it off, and a schema may call it (trusted_schema stays
 * on). A project whose articles table checks a constraint that swaps the "simple" tokenizer
 * for a pointer of its choosing, and whose annotations_fts is an FTS4 table, makes the first
 * annotation after an import call through that pointer: a crash at 0x4141414141414141, or
 * worse. The import has to fail with a sentence instead (or the project be refused). */
static void
test_project_fts3_tokenizer (Fixture       *f,
                             gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AttestStore) store = attest_store_open (g_getenv ("ATTEST_TEST_CRAFTED"),
                                                        &error);
      g_autofree char *article = NULL;

      if (store == NULL)
        {
          g_print ("refused: %s\n", error->message);
          return;
        }
      article = attest_store_import_text (store, BODY, -1, NULL, &error);
      g_print ("import: %s\n", article ? "done" : error->message);
      if (article != NULL)
        {
          g_autoptr(AttestAnnotation) note = NULL;

          note = attest_store_create_annotation (store, article, ATTEST_ANNOTATION_NOTE, 0, 6,
                                                 NULL, "a note", NULL, &error);
          g_print ("annotation: %s\n", note ? "done" : error->message);
        }
      return;
    }

  g_assert_finalize_object (g_steal_pointer (&f->store));
  exec_on_file (f->path,
                "DROP TABLE annotations_fts; "
                "CREATE VIRTUAL TABLE annotations_fts USING fts4 (exact, comment); "
                "ALTER TABLE articles ADD COLUMN evil TEXT "
                "CHECK (fts3_tokenizer ('simple', x'4141414141414141') IS NOT NULL)");

  /* In a child (whose own fixture is another project): if the hole is open, the child
   * crashes, not the suite. */
  g_setenv ("ATTEST_TEST_CRAFTED", f->path, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("ATTEST_TEST_CRAFTED");
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout_unmatched ("*annotation: done*");
}

/* Column names come from the project file: the undo statements Attest builds from them must
 * quote them, or a crafted name is SQL that runs on every undo. Here the name turns the undo
 * of a comment change into "comment = 'INJECTED'". */
static void
test_project_column_names (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *article = import_body (f, BODY, NULL);
  g_autoptr(AttestAnnotation) annotation = NULL;
  g_autoptr(AttestAnnotation) after = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autofree char *uuid = NULL;

  annotation = attest_store_create_annotation (f->store, article, ATTEST_ANNOTATION_NOTE, 0, 6,
                                               NULL, "original", NULL, &error);
  g_assert_no_error (error);
  uuid = g_strdup (attest_annotation_get_uuid (annotation));
  g_assert_finalize_object (g_steal_pointer (&f->store));

  exec_on_file (f->path, "ALTER TABLE annotations ADD COLUMN "
                         "\"comment\"\" = 'INJECTED', \"\"coder\" TEXT");

  store = attest_store_open (f->path, &error);
  if (store == NULL)
    {
      /* Refusing a schema Attest did not write is a fine answer too. */
      g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_A_PROJECT);
      return;
    }
  g_assert_no_error (error);

  g_assert_true (attest_store_set_annotation_comment (store, uuid, "changed", &error));
  g_assert_no_error (error);
  if (!attest_store_undo (store, &error))
    {
      /* An undo that fails on the odd column is safe; one that runs it is not. */
      g_test_message ("undo failed: %s", error->message);
      g_clear_error (&error);
    }
  after = attest_store_get_annotation (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_annotation_get_comment (after), !=, "INJECTED");
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");

  g_test_init (&argc, &argv, NULL);
  /* One hole found does not hide the others: every case reports, and runs to its end. */
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) \
  g_test_add ("/attest/security/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_PAGE(path, func) \
  g_test_add ("/attest/security/" path, PageFixture, NULL, page_set_up, func, page_tear_down)

  ADD ("sql/article-metadata", test_sql_article_metadata);
  ADD ("sql/sources", test_sql_sources);
  ADD ("sql/alias-separator", test_sql_alias_separator);
  ADD ("sql/tags", test_sql_tags);
  ADD ("sql/incidents-and-places", test_sql_incidents_and_places);
  ADD ("sql/collections-and-project", test_sql_collections_and_project);
  ADD ("sql/annotations", test_sql_annotations);
  ADD ("sql/search", test_sql_search);
  g_test_add_func ("/attest/security/fetch/other-schemes", test_fetch_other_schemes);
  g_test_add_func ("/attest/security/fetch/redirects-to-other-schemes",
                   test_fetch_redirects_to_other_schemes);
  g_test_add_func ("/attest/security/fetch/userinfo", test_fetch_userinfo);
  ADD_PAGE ("page/extract", test_page_extract);
  ADD_PAGE ("page/import", test_page_import);
  ADD ("csv/formulas", test_csv_formulas);
  ADD ("project/database-settings", test_project_database_settings);
  ADD ("project/schema-functions", test_project_schema_functions);
  ADD ("project/fts3-tokenizer", test_project_fts3_tokenizer);
  ADD ("project/column-names", test_project_column_names);

#undef ADD
#undef ADD_PAGE

  return g_test_run ();
}
