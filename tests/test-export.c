/* test-export.c: JSON and CSV exports read back by independent parsers.
 *
 * The JSON is parsed with json-glib and validated against data/attest-collection.schema.json
 * with Python's jsonschema; the CSV is parsed with Python's csv module. The project holds the
 * text that breaks naive exporters: commas, quotes, line breaks, cells that look like
 * spreadsheet formulas, Arabic and an emoji before the quotes so that offsets in code points,
 * bytes and UTF-16 units all differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "attest-core.h"
#include "attest-store-private.h"

#define ARTICLE_TEXT \
  "Clashes in Diyala 😀 (update)\n" \
  "\n" \
  "Baghdad 😀, Monday. \"We will not leave,\" said the mayor, \"not now, not ever.\"\n" \
  "\n" \
  "قال المتحدث باسم الجيش إن الوضع تحت السيطرة 🇮🇶 في المحافظة.\n" \
  "\n" \
  "-5 killed in the attack, the ministry said; =SUM(A1) is not a formula here.\n"

#define SECOND_TEXT \
  "A second report\n" \
  "\n" \
  "Residents of Baquba said the roads were empty, and nobody was quoted.\n"

#define FORMULA_SPEAKER "=HYPERLINK(\"http://example.com/x\",\"click\")"
#define ARABIC_SPEAKER  "المتحدث باسم الجيش"
#define TRICKY_COMMENT  "Checked against \"Reuters\", twice;\nsecond line, with a comma"

typedef struct
{
  char             *dir;
  AttestStore      *store;
  char             *article_uuid;
  char             *second_uuid;
  char             *body;
  AttestAnnotation *direct;      /* speaker FORMULA_SPEAKER, comment TRICKY_COMMENT */
  AttestAnnotation *indirect;    /* Arabic, after two emoji */
  AttestAnnotation *minus;       /* "-5 killed …", an indirect quote without a speaker */
  AttestAnnotation *note;        /* a note: not a quote */
  char             *tag_uuid;
  char             *incident_uuid;
  char             *collection_uuid;
} Fixture;

/* Helpers */

static void
find_span (const char *body,
           const char *needle,
           guint      *start,
           guint      *end)
{
  const char *found = strstr (body, needle);

  g_assert_nonnull (found);
  g_assert_null (strstr (found + 1, needle));
  *start = g_utf8_pointer_to_offset (body, found);
  *end = *start + g_utf8_strlen (needle, -1);
}

static AttestAnnotation *
annotate (Fixture              *fixture,
          AttestAnnotationKind  kind,
          const char           *needle,
          const char           *speaker_uuid,
          const char           *comment)
{
  g_autoptr(GError) error = NULL;
  AttestAnnotation *annotation;
  guint start;
  guint end;

  find_span (fixture->body, needle, &start, &end);
  annotation = attest_store_create_annotation (fixture->store, fixture->article_uuid, kind,
                                               start, end, speaker_uuid, comment, "tester",
                                               &error);
  g_assert_no_error (error);
  g_assert_nonnull (annotation);
  g_assert_cmpstr (attest_annotation_get_exact (annotation), ==, needle);

  return annotation;
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (_attest_store_get_db (fixture->store), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static char *
source_dir_file (const char *name)
{
  const char *source_dir = g_getenv ("ATTEST_SOURCE_DIR");

  if (source_dir != NULL)
    return g_build_filename (source_dir, name, NULL);

  return g_test_build_filename (G_TEST_DIST, "..", name, NULL);
}

/* Runs python3 with a script and arguments and returns what it printed. */
static char *
run_python (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  /* The build names Debian's python3, whose python3-jsonschema setup.sh installs. */
  g_ptr_array_add (argv, (gpointer) (g_getenv ("ATTEST_PYTHON") ? g_getenv ("ATTEST_PYTHON")
                                                                 : "python3"));
  g_ptr_array_add (argv, (gpointer) "-c");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("python3 failed: %s\n%s", error->message, err);

  return out;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
find_by_uuid (JsonArray  *array,
              const char *uuid)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, "uuid"), uuid) == 0)
        return object;
    }

  return NULL;
}

static void
export_file (Fixture        *fixture,
             const char     *format,
             AttestCsvTable  table,
             const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  attest_export_to_file (fixture->store, format, table, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Every file in the fixture's directory but the project's own. */
static GStrv
list_export_dir (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_prefix (name, "project.attest"))
        g_strv_builder_add (names, name);
    }

  return g_strv_builder_end (names);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestSource) formula = NULL;
  g_autoptr(AttestSource) arabic = NULL;
  g_autoptr(AttestArticle) article = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *child_tag_uuid = g_uuid_string_random ();
  g_autofree char *link1 = g_uuid_string_random ();
  g_autofree char *actor_uuid = NULL;
  g_autofree char *link2 = g_uuid_string_random ();
  const AttestArticleMeta meta = {
    .title = "Clashes in Diyala, \"again\"",
    .outlet = "Al-Jazeera",
    .url = "https://example.com/diyala",
    .published = "2020-04-05",
    .language = "en",
    .origin = "test",
  };

  fixture->dir = g_dir_make_tmp ("attest-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "project.attest", NULL);
  fixture->store = attest_store_create (path, &error);
  g_assert_no_error (error);

  fixture->article_uuid = attest_store_import_text (fixture->store, ARTICLE_TEXT, -1, &meta,
                                                    &error);
  g_assert_no_error (error);
  fixture->second_uuid = attest_store_import_text (fixture->store, SECOND_TEXT, -1, NULL,
                                                   &error);
  g_assert_no_error (error);

  article = attest_store_get_article (fixture->store, fixture->article_uuid, &error);
  g_assert_no_error (error);
  fixture->body = g_strdup (attest_article_get_body (article));
  g_assert_nonnull (fixture->body);

  formula = attest_store_create_source (fixture->store, FORMULA_SPEAKER, "official", &error);
  g_assert_no_error (error);
  attest_store_add_source_alias (fixture->store, attest_source_get_uuid (formula),
                                 "The mayor, \"Abu Ali\"", &error);
  g_assert_no_error (error);
  arabic = attest_store_create_source (fixture->store, ARABIC_SPEAKER, "official", &error);
  g_assert_no_error (error);

  fixture->direct = annotate (fixture, ATTEST_ANNOTATION_DIRECT, "We will not leave,",
                              attest_source_get_uuid (formula), TRICKY_COMMENT);
  fixture->indirect = annotate (fixture, ATTEST_ANNOTATION_INDIRECT, "الوضع تحت السيطرة",
                                attest_source_get_uuid (arabic), NULL);
  fixture->minus = annotate (fixture, ATTEST_ANNOTATION_INDIRECT, "-5 killed in the attack",
                             NULL, "-5 killed");
  fixture->note = annotate (fixture, ATTEST_ANNOTATION_NOTE, "=SUM(A1)", NULL,
                            "@mention, +1");

  /* The core has no API for tags, incidents and collections yet: write their rows as the
   * schema defines them, so the export of every section is checked. */
  fixture->tag_uuid = g_uuid_string_random ();
  fixture->incident_uuid = g_uuid_string_random ();
  actor_uuid = g_uuid_string_random ();
  fixture->collection_uuid = g_uuid_string_random ();
  sql = g_strdup_printf (
      "INSERT INTO tags (uuid, parent_id, name, color, description, memo) "
      "  VALUES ('%s', NULL, 'Security', '#3584e4', 'Security situation', NULL);"
      "INSERT INTO tags (uuid, parent_id, name, color, description, memo) "
      "  VALUES ('%s', 1, 'Casualties, reported', NULL, NULL, 'memo');"
      "INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (%" G_GINT64_FORMAT ", 1),"
      "  (%" G_GINT64_FORMAT ", 2);"
      "INSERT INTO source_tags (source_id, tag_id) VALUES (%" G_GINT64_FORMAT ", 1);"
      "INSERT INTO incidents (uuid, title, date_start, date_precision, event_type,"
      "  location, admin1, country, latitude, longitude, geo_precision,"
      "  fatalities_low, fatalities_high, description, created_at, modified_at)"
      "  VALUES ('%s', 'Ambush at Makchifa, \"checkpoint\"', '2020-04-04', 'day', 'Battles',"
      "  'Makchifa', 'Salah al-Din', 'Iraq', 34.6, -43.25, 2,"
      "  5, NULL, '-5 or more', '2020-04-06T10:00:00Z', '2020-04-06T10:00:00Z');"
      "INSERT INTO incident_actors (uuid, incident_id, name, source_id, role, position)"
      "  VALUES ('%s', 1, 'ISIS', %" G_GINT64_FORMAT ", 'perpetrator', 0);"
      "INSERT INTO incident_links (uuid, incident_id, article_id, annotation_id, relation)"
      "  VALUES ('%s', 1, NULL, %" G_GINT64_FORMAT ", 'reports'),"
      "  ('%s', 1, (SELECT id FROM articles WHERE uuid = '%s'), NULL, 'context');"
      "INSERT INTO collections (uuid, name, description, created_at)"
      "  VALUES ('%s', 'Diyala', NULL, '2020-04-06T10:00:00Z');"
      "INSERT INTO collection_articles (collection_id, article_id)"
      "  SELECT 1, id FROM articles;",
      fixture->tag_uuid, child_tag_uuid,
      attest_annotation_get_id (fixture->minus), attest_annotation_get_id (fixture->minus),
      attest_source_get_id (formula),
      fixture->incident_uuid, actor_uuid, attest_source_get_id (arabic),
      link1, attest_annotation_get_id (fixture->minus),
      link2, fixture->article_uuid,
      fixture->collection_uuid);
  exec_sql (fixture, sql);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->direct);
  g_clear_object (&fixture->indirect);
  g_clear_object (&fixture->minus);
  g_clear_object (&fixture->note);
  g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->article_uuid);
  g_free (fixture->second_uuid);
  g_free (fixture->body);
  g_free (fixture->tag_uuid);
  g_free (fixture->incident_uuid);
  g_free (fixture->collection_uuid);
}

/* JSON */

static void
check_annotation (JsonObject       *object,
                  AttestAnnotation *annotation,
                  const char       *text)
{
  g_autofree char *sliced = NULL;
  gint64 start = json_object_get_int_member (object, "start");
  gint64 end = json_object_get_int_member (object, "end");

  g_assert_cmpint (start, ==, attest_annotation_get_start (annotation));
  g_assert_cmpint (end, ==, attest_annotation_get_end (annotation));
  g_assert_cmpstr (json_object_get_string_member (object, "exact"), ==,
                   attest_annotation_get_exact (annotation));
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==,
                   attest_annotation_kind_to_string (attest_annotation_get_kind (annotation)));

  /* The offsets are code points of the exported text itself. */
  sliced = g_utf8_substring (text, start, end);
  g_assert_cmpstr (sliced, ==, attest_annotation_get_exact (annotation));
}

static void
test_json_document (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *document;
  JsonObject *project;
  JsonObject *article;
  JsonObject *annotation;
  JsonObject *source;
  JsonObject *incident;
  JsonArray *sources;
  JsonArray *articles;
  JsonArray *annotations;
  JsonArray *links;
  const char *text;

  export_file (fixture, "json", ATTEST_CSV_QUOTES, path);
  contents = read_file (path);
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  root = parse_json (contents);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  document = json_node_get_object (root);

  g_assert_cmpstr (json_object_get_string_member (document, "format"), ==,
                   ATTEST_EXPORT_FORMAT_NAME);
  g_assert_cmpint (json_object_get_int_member (document, "version"), ==,
                   ATTEST_EXPORT_FORMAT_VERSION);
  g_assert_cmpstr (json_object_get_string_member (document, "generator"), ==,
                   "Attest " PACKAGE_VERSION);

  project = json_object_get_object_member (document, "project");
  g_assert_cmpstr (json_object_get_string_member (project, "uuid"), ==,
                   attest_store_get_project_uuid (fixture->store));

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document,
                                                                         "source_kinds")),
                    >=, 8);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document,
                                                                         "codebook")), ==, 2);

  articles = json_object_get_array_member (document, "articles");
  g_assert_cmpuint (json_array_get_length (articles), ==, 2);
  article = find_by_uuid (articles, fixture->article_uuid);
  g_assert_nonnull (article);
  g_assert_cmpstr (json_object_get_string_member (article, "outlet"), ==, "Al-Jazeera");
  g_assert_true (json_object_get_null_member (article, "byline"));
  text = json_object_get_string_member (article, "text");
  g_assert_cmpstr (text, ==, fixture->body);

  annotations = json_object_get_array_member (article, "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), ==, 4);
  check_annotation (find_by_uuid (annotations, attest_annotation_get_uuid (fixture->direct)),
                    fixture->direct, text);
  check_annotation (find_by_uuid (annotations, attest_annotation_get_uuid (fixture->indirect)),
                    fixture->indirect, text);
  check_annotation (find_by_uuid (annotations, attest_annotation_get_uuid (fixture->minus)),
                    fixture->minus, text);
  check_annotation (find_by_uuid (annotations, attest_annotation_get_uuid (fixture->note)),
                    fixture->note, text);

  /* The emoji and the Arabic before it make byte offsets differ from code points. */
  g_assert_cmpuint (attest_annotation_get_start (fixture->indirect), <,
                    (guint) (strstr (fixture->body, "الوضع") - fixture->body));

  /* The speaker is a source of the document, by uuid. */
  annotation = find_by_uuid (annotations, attest_annotation_get_uuid (fixture->direct));
  sources = json_object_get_array_member (document, "sources");
  source = find_by_uuid (sources, json_object_get_string_member (annotation, "speaker"));
  g_assert_nonnull (source);
  g_assert_cmpstr (json_object_get_string_member (source, "name"), ==, FORMULA_SPEAKER);
  g_assert_cmpstr (json_object_get_string_member (annotation, "comment"), ==, TRICKY_COMMENT);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (source, "aliases")),
                    ==, 1);
  g_assert_false (json_object_get_boolean_member (source, "anonymous"));

  annotation = find_by_uuid (annotations, attest_annotation_get_uuid (fixture->minus));
  g_assert_true (json_object_get_null_member (annotation, "speaker"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (annotation, "tags")),
                    ==, 2);

  incident = find_by_uuid (json_object_get_array_member (document, "incidents"),
                           fixture->incident_uuid);
  g_assert_nonnull (incident);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (incident, "longitude"),
                                  -43.25, 1e-9);
  g_assert_cmpint (json_object_get_int_member (incident, "fatalities_low"), ==, 5);
  g_assert_true (json_object_get_null_member (incident, "fatalities_high"));
  g_assert_cmpstr (json_object_get_string_member (incident, "summary"), ==, "-5 or more");
  g_assert_true (json_object_get_null_member (incident, "fatalities_best"));
  {
    JsonArray *actors = json_object_get_array_member (incident, "actors");
    JsonObject *actor = json_array_get_object_element (actors, 0);

    g_assert_cmpuint (json_array_get_length (actors), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (actor, "role"), ==, "perpetrator");
    g_assert_nonnull (find_by_uuid (sources, json_object_get_string_member (actor, "source")));
  }
  links = json_object_get_array_member (incident, "links");
  g_assert_cmpuint (json_array_get_length (links), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (links, 0),
                                                  "annotation"),
                   ==, attest_annotation_get_uuid (fixture->minus));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (links, 1),
                                                  "article"),
                   ==, fixture->article_uuid);

  g_assert_nonnull (find_by_uuid (json_object_get_array_member (document, "collections"),
                                  fixture->collection_uuid));
}

static void
test_json_schema (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *schema = source_dir_file ("data/attest-collection.schema.json");
  g_autofree char *out = NULL;
  const char *args[] = {
    "import json, sys, jsonschema\n"
    "schema = json.load (open (sys.argv[1], encoding='utf-8'))\n"
    "jsonschema.validators.validator_for (schema).check_schema (schema)\n"
    "jsonschema.validate (json.load (open (sys.argv[2], encoding='utf-8')), schema)\n"
    "print ('valid')\n",
    schema, path, NULL
  };

  export_file (fixture, "json", ATTEST_CSV_QUOTES, path);
  out = run_python (args);
  g_assert_cmpstr (out, ==, "valid\n");
}

/* The schema is strict enough to catch a broken document. */
static void
test_json_schema_rejects (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *schema = source_dir_file ("data/attest-collection.schema.json");
  g_autofree char *out = NULL;
  const char *args[] = {
    "import copy, json, sys, jsonschema\n"
    "schema = json.load (open (sys.argv[1], encoding='utf-8'))\n"
    "doc = json.load (open (sys.argv[2], encoding='utf-8'))\n"
    "def spoil (fn):\n"
    "    bad = copy.deepcopy (doc)\n"
    "    fn (bad)\n"
    "    try:\n"
    "        jsonschema.validate (bad, schema)\n"
    "        return 'accepted'\n"
    "    except jsonschema.ValidationError:\n"
    "        return 'rejected'\n"
    "a = lambda d: d['articles'][0]['annotations'][0]\n"
    "print (spoil (lambda d: a (d).update (kind='quote')))\n"
    "print (spoil (lambda d: a (d).update (start=-1)))\n"
    "print (spoil (lambda d: a (d).update (speaker='not-a-uuid')))\n"
    "print (spoil (lambda d: a (d).update (extra=1)))\n"
    "print (spoil (lambda d: d.update (version=2)))\n"
    "print (spoil (lambda d: d['sources'][0].pop ('aliases')))\n",
    schema, path, NULL
  };

  export_file (fixture, "json", ATTEST_CSV_QUOTES, path);
  out = run_python (args);
  g_assert_cmpstr (out, ==, "rejected\nrejected\nrejected\nrejected\nrejected\nrejected\n");
}

/* Two exports of the same project differ only in their time. */
static char *
without_export_time (const char *document)
{
  g_auto(GStrv) lines = g_strsplit (document, "\n", -1);
  g_autoptr(GString) kept = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_str_has_prefix (lines[i], "  \"exported_at\""))
        g_string_append_printf (kept, "%s\n", lines[i]);
    }

  return g_string_free (g_steal_pointer (&kept), FALSE);
}

static void
test_json_deterministic (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path1 = g_build_filename (fixture->dir, "one.json", NULL);
  g_autofree char *path2 = g_build_filename (fixture->dir, "two.json", NULL);
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *one_stripped = NULL;
  g_autofree char *two_stripped = NULL;

  export_file (fixture, "json", ATTEST_CSV_QUOTES, path1);
  export_file (fixture, "json", ATTEST_CSV_QUOTES, path2);
  one = read_file (path1);
  two = read_file (path2);
  one_stripped = without_export_time (one);
  two_stripped = without_export_time (two);

  g_assert_true (g_str_has_prefix (one, "{\n  \"format\" : \"attest-collection\",\n"));
  g_assert_cmpuint (strlen (one_stripped), <, strlen (one));
  g_assert_cmpstr (one_stripped, ==, two_stripped);
}

/* CSV */

#define CSV_TO_JSON \
  "import csv, json, sys\n" \
  "with open (sys.argv[1], newline='', encoding='utf-8') as f:\n" \
  "    rows = list (csv.reader (f, strict=True))\n" \
  "print (json.dumps (rows))\n"

/* Parses a CSV file with Python's csv module; every row has as many cells as the header. */
static JsonArray *
parse_csv (const char *path)
{
  const char *args[] = { CSV_TO_JSON, path, NULL };
  g_autofree char *out = run_python (args);
  g_autoptr(JsonNode) root = parse_json (out);
  JsonArray *rows = json_node_dup_array (root);
  guint n_columns;

  g_assert_cmpuint (json_array_get_length (rows), >=, 1);
  n_columns = json_array_get_length (json_array_get_array_element (rows, 0));
  for (guint i = 1; i < json_array_get_length (rows); i++)
    g_assert_cmpuint (json_array_get_length (json_array_get_array_element (rows, i)), ==,
                      n_columns);

  return rows;
}

static int
column_index (JsonArray  *rows,
              const char *name)
{
  JsonArray *header = json_array_get_array_element (rows, 0);

  for (guint i = 0; i < json_array_get_length (header); i++)
    {
      if (g_str_equal (json_array_get_string_element (header, i), name))
        return i;
    }

  g_error ("No column %s", name);
}

static const char *
cell (JsonArray  *rows,
      guint       row,
      const char *column)
{
  return json_array_get_string_element (json_array_get_array_element (rows, row),
                                        column_index (rows, column));
}

static guint
row_of (JsonArray  *rows,
        const char *column,
        const char *value)
{
  for (guint i = 1; i < json_array_get_length (rows); i++)
    {
      if (g_strcmp0 (cell (rows, i, column), value) == 0)
        return i;
    }

  g_error ("No row with %s = %s", column, value);
}

static void
check_header (JsonArray          *rows,
              const char * const *expected)
{
  JsonArray *header = json_array_get_array_element (rows, 0);

  g_assert_cmpuint (json_array_get_length (header), ==, g_strv_length ((GStrv) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (json_array_get_string_element (header, i), ==, expected[i]);
}

static void
test_csv_quotes (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const header[] = {
    "quote_uuid", "article_uuid", "article_title", "article_outlet", "article_published",
    "quote_text", "quote_type", "speaker_uuid", "speaker_name", "speaker_kind", "speaker_role",
    "speaker_affiliation", "tags", "incident_uuids", "start", "end", "comment", "coder", NULL
  };
  g_autofree char *path = g_build_filename (fixture->dir, "quotes.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonArray) rows = NULL;
  g_autofree char *start = NULL;
  guint row;

  export_file (fixture, "csv", ATTEST_CSV_QUOTES, path);

  /* RFC 4180 line ends, no byte order mark. */
  contents = read_file (path);
  g_assert_true (g_str_has_prefix (contents, "quote_uuid,article_uuid,"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  g_assert_nonnull (strstr (contents, ",coder\r\n"));

  rows = parse_csv (path);
  check_header (rows, header);
  /* Two indirect and one direct quote; the note is not a quote. */
  g_assert_cmpuint (json_array_get_length (rows), ==, 1 + 3);

  row = row_of (rows, "quote_uuid", attest_annotation_get_uuid (fixture->direct));
  g_assert_cmpstr (cell (rows, row, "speaker_name"), ==, "'" FORMULA_SPEAKER);
  g_assert_cmpstr (cell (rows, row, "comment"), ==, TRICKY_COMMENT);
  g_assert_cmpstr (cell (rows, row, "quote_text"), ==, "We will not leave,");
  g_assert_cmpstr (cell (rows, row, "quote_type"), ==, "direct");
  g_assert_cmpstr (cell (rows, row, "speaker_kind"), ==, "official");
  g_assert_cmpstr (cell (rows, row, "article_title"), ==, "Clashes in Diyala, \"again\"");
  g_assert_cmpstr (cell (rows, row, "article_published"), ==, "2020-04-05");
  start = g_strdup_printf ("%u", attest_annotation_get_start (fixture->direct));
  g_assert_cmpstr (cell (rows, row, "start"), ==, start);

  row = row_of (rows, "quote_uuid", attest_annotation_get_uuid (fixture->indirect));
  g_assert_cmpstr (cell (rows, row, "speaker_name"), ==, ARABIC_SPEAKER);
  g_assert_cmpstr (cell (rows, row, "quote_text"), ==, "الوضع تحت السيطرة");
  g_assert_cmpstr (cell (rows, row, "quote_type"), ==, "indirect");

  row = row_of (rows, "quote_uuid", attest_annotation_get_uuid (fixture->minus));
  g_assert_cmpstr (cell (rows, row, "quote_text"), ==, "'-5 killed in the attack");
  g_assert_cmpstr (cell (rows, row, "comment"), ==, "'-5 killed");
  g_assert_cmpstr (cell (rows, row, "speaker_uuid"), ==, "");
  g_assert_cmpstr (cell (rows, row, "tags"), ==, "Security; Casualties, reported");
  g_assert_cmpstr (cell (rows, row, "incident_uuids"), ==, fixture->incident_uuid);
}

static void
test_csv_tables (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonArray) annotations = NULL;
  g_autoptr(JsonArray) sources = NULL;
  g_autoptr(JsonArray) articles = NULL;
  g_autoptr(JsonArray) incidents = NULL;
  guint row;

  path = g_build_filename (fixture->dir, "annotations.csv", NULL);
  export_file (fixture, "csv", ATTEST_CSV_ANNOTATIONS, path);
  annotations = parse_csv (path);
  g_assert_cmpuint (json_array_get_length (annotations), ==, 1 + 4);
  row = row_of (annotations, "annotation_uuid", attest_annotation_get_uuid (fixture->note));
  g_assert_cmpstr (cell (annotations, row, "kind"), ==, "note");
  g_assert_cmpstr (cell (annotations, row, "exact"), ==, "'=SUM(A1)");
  g_assert_cmpstr (cell (annotations, row, "comment"), ==, "'@mention, +1");
  g_clear_pointer (&path, g_free);

  path = g_build_filename (fixture->dir, "sources.csv", NULL);
  export_file (fixture, "csv", ATTEST_CSV_SOURCES, path);
  sources = parse_csv (path);
  {
    static const char * const header[] = {
      "uuid", "name", "kind", "role", "affiliation", "anonymous", "group", "aliases",
      "n_quotes", "notes", NULL
    };
    check_header (sources, header);
  }
  g_assert_cmpuint (json_array_get_length (sources), ==, 1 + 2);
  row = row_of (sources, "name", "'" FORMULA_SPEAKER);
  g_assert_cmpstr (cell (sources, row, "aliases"), ==, "The mayor, \"Abu Ali\"");
  g_assert_cmpstr (cell (sources, row, "n_quotes"), ==, "1");
  g_assert_cmpstr (cell (sources, row, "anonymous"), ==, "false");
  g_clear_pointer (&path, g_free);

  path = g_build_filename (fixture->dir, "articles.csv", NULL);
  export_file (fixture, "csv", ATTEST_CSV_ARTICLES, path);
  articles = parse_csv (path);
  {
    static const char * const header[] = {
      "uuid", "title", "byline", "outlet", "url", "published", "language", "origin",
      "imported_at", "content_hash", "n_annotations", NULL
    };
    check_header (articles, header);
  }
  g_assert_cmpuint (json_array_get_length (articles), ==, 1 + 2);
  row = row_of (articles, "uuid", fixture->article_uuid);
  g_assert_cmpstr (cell (articles, row, "n_annotations"), ==, "4");
  row = row_of (articles, "uuid", fixture->second_uuid);
  g_assert_cmpstr (cell (articles, row, "n_annotations"), ==, "0");
  g_clear_pointer (&path, g_free);

  path = g_build_filename (fixture->dir, "incidents.csv", NULL);
  export_file (fixture, "csv", ATTEST_CSV_INCIDENTS, path);
  incidents = parse_csv (path);
  g_assert_cmpuint (json_array_get_length (incidents), ==, 1 + 1);
  /* ACLED's layout: its column names, its precision code, one fatalities figure. */
  g_assert_cmpstr (cell (incidents, 1, "event_id_cnty"), ==, fixture->incident_uuid);
  g_assert_cmpstr (cell (incidents, 1, "event_date"), ==, "2020-04-04");
  g_assert_cmpstr (cell (incidents, 1, "year"), ==, "2020");
  g_assert_cmpstr (cell (incidents, 1, "time_precision"), ==, "1");
  g_assert_cmpstr (cell (incidents, 1, "event_type"), ==, "Battles");
  g_assert_cmpstr (cell (incidents, 1, "actor1"), ==, "ISIS");
  g_assert_cmpstr (cell (incidents, 1, "actor2"), ==, "");
  g_assert_cmpstr (cell (incidents, 1, "location"), ==, "Makchifa");
  g_assert_cmpstr (cell (incidents, 1, "attest_title"), ==, "Ambush at Makchifa, \"checkpoint\"");
  /* Numbers are ours, not formulas: a negative longitude stays a number. */
  g_assert_cmpstr (cell (incidents, 1, "latitude"), ==, "34.6");
  g_assert_cmpstr (cell (incidents, 1, "longitude"), ==, "-43.25");
  g_assert_cmpstr (cell (incidents, 1, "fatalities"), ==, "5");
  g_assert_cmpstr (cell (incidents, 1, "attest_fatalities_low"), ==, "5");
  g_assert_cmpstr (cell (incidents, 1, "attest_fatalities_high"), ==, "");
  g_assert_cmpstr (cell (incidents, 1, "notes"), ==, "'-5 or more");
}

static void
test_csv_table_names (void)
{
  static const struct
  {
    const char     *name;
    AttestCsvTable  table;
  } tables[] = {
    { "quotes", ATTEST_CSV_QUOTES },
    { "annotations", ATTEST_CSV_ANNOTATIONS },
    { "sources", ATTEST_CSV_SOURCES },
    { "articles", ATTEST_CSV_ARTICLES },
    { "incidents", ATTEST_CSV_INCIDENTS },
    { "tags", ATTEST_CSV_TAGS },
  };
  static const char * const unknown[] = { "", "Quotes", "quote", "tag", "json", NULL };
  AttestCsvTable table;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_assert_true (attest_csv_table_from_string (tables[i].name, &table));
      g_assert_cmpint (table, ==, tables[i].table);
      g_assert_cmpstr (attest_csv_table_to_string (tables[i].table), ==, tables[i].name);
    }

  for (guint i = 0; unknown[i] != NULL; i++)
    g_assert_false (attest_csv_table_from_string (unknown[i], &table));
  g_assert_false (attest_csv_table_from_string (NULL, &table));
}

/* Streaming */

/* An output stream that counts what it is given and keeps none of it. */
#define TEST_TYPE_COUNTING_STREAM (test_counting_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestCountingStream, test_counting_stream, TEST, COUNTING_STREAM,
                      GOutputStream)

struct _TestCountingStream
{
  GOutputStream parent_instance;
  gsize         total;
  gsize         largest;
  guint         n_writes;
};

G_DEFINE_FINAL_TYPE (TestCountingStream, test_counting_stream, G_TYPE_OUTPUT_STREAM)

static gssize
test_counting_stream_write (GOutputStream  *stream,
                            const void     *buffer,
                            gsize           count,
                            GCancellable   *cancellable,
                            GError        **error)
{
  TestCountingStream *self = TEST_COUNTING_STREAM (stream);

  self->total += count;
  self->largest = MAX (self->largest, count);
  self->n_writes++;

  return count;
}

static void
test_counting_stream_class_init (TestCountingStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_counting_stream_write;
}

static void
test_counting_stream_init (TestCountingStream *self)
{
}

static void
test_streaming (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TestCountingStream) stream = g_object_new (TEST_TYPE_COUNTING_STREAM, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const guint n_articles = 300;

  for (guint i = 0; i < n_articles; i++)
    {
      g_autofree char *uuid = NULL;

      g_string_printf (text, "Report %u\n\n", i);
      for (guint j = 0; j < 100; j++)
        g_string_append_printf (text, "Paragraph %u of report %u, with \"quotes\".\n\n", j, i);

      uuid = attest_store_import_text (fixture->store, text->str, text->len, NULL, &error);
      g_assert_no_error (error);
    }

  attest_export_json (fixture->store, G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  /* More than a megabyte went out, in many writes, none much larger than one article. */
  g_assert_cmpuint (stream->total, >, 1000 * 1000);
  g_assert_cmpuint (stream->n_writes, >, 10);
  g_assert_cmpuint (stream->largest, <, 128 * 1024);
}

/* Failures */

static void
test_cancelled_stream (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TestCountingStream) stream = g_object_new (TEST_TYPE_COUNTING_STREAM, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);

  g_assert_false (attest_export_json (fixture->store, G_OUTPUT_STREAM (stream), cancellable,
                                      &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_false (attest_export_csv (fixture->store, ATTEST_CSV_QUOTES,
                                     G_OUTPUT_STREAM (stream), cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (stream->total, ==, 0);

  /* The store is usable afterwards: the export's read transaction ended. */
  {
    g_autoptr(AttestAnnotation) annotation = NULL;

    annotation = annotate (fixture, ATTEST_ANNOTATION_CLAIM, "the ministry said", NULL, NULL);
  }
}

static void
test_full_stream (Fixture       *fixture,
                  gconstpointer  data)
{
  static char buffer[100];
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new (buffer, sizeof buffer, NULL,
                                                                NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (attest_export_json (fixture->store, stream, NULL, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED);
  g_test_message ("Error: %s", error->message);
}

static void
test_missing_directory (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", NULL);
  g_autofree char *path = g_build_filename (missing, "out.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) left = NULL;

  g_assert_false (attest_export_to_file (fixture->store, "json", ATTEST_CSV_QUOTES, file,
                                         NULL, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "out.json"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  left = list_export_dir (fixture);
  g_assert_cmpuint (g_strv_length (left), ==, 0);
}

static void
test_unknown_format (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (attest_export_to_file (fixture->store, "xml", ATTEST_CSV_QUOTES, file,
                                         NULL, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

#define OLD_CONTENTS "the previous export, which must survive\n"

static void
write_old_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, OLD_CONTENTS, -1, &error);
  g_assert_no_error (error);
}

static void
check_only_old_file (Fixture    *fixture,
                     const char *path)
{
  g_autofree char *contents = read_file (path);
  g_auto(GStrv) left = list_export_dir (fixture);

  g_assert_cmpstr (contents, ==, OLD_CONTENTS);
  g_assert_cmpuint (g_strv_length (left), ==, 1);
}

static void
test_cancelled_keeps_old_file (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  write_old_file (path);
  g_cancellable_cancel (cancellable);

  g_assert_false (attest_export_to_file (fixture->store, "json", ATTEST_CSV_QUOTES, file,
                                         cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  check_only_old_file (fixture, path);
}

typedef struct
{
  const char   *dir;
  GCancellable *cancellable;
  goffset       written;
} CancelWhenWritten;

/* Cancels the export once its temporary file holds some of it. */
static int
cancel_when_written (void *data)
{
  CancelWhenWritten *state = data;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_cancellable_is_cancelled (state->cancellable))
    return 0;

  dir = g_dir_open (state->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (state->dir, name, NULL);
      GStatBuf buf;

      if (g_str_has_suffix (name, ".part") && g_stat (path, &buf) == 0 && buf.st_size > 0)
        {
          state->written = buf.st_size;
          g_cancellable_cancel (state->cancellable);
        }
    }

  return 0;
}

/* Cancelled halfway, when part of the export is already in the temporary file. */
static void
test_cancelled_midway_keeps_old_file (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  CancelWhenWritten state = { fixture->dir, cancellable, 0 };
  sqlite3 *db = _attest_store_get_db (fixture->store);

  /* Enough text that the export writes to the file long before it is done. */
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *uuid = NULL;

      g_string_printf (text, "Report %u\n\n", i);
      for (guint j = 0; j < 200; j++)
        g_string_append_printf (text, "Paragraph %u of report %u.\n\n", j, i);
      uuid = attest_store_import_text (fixture->store, text->str, text->len, NULL, &error);
      g_assert_no_error (error);
    }

  write_old_file (path);

  sqlite3_progress_handler (db, 100, cancel_when_written, &state);
  attest_export_to_file (fixture->store, "json", ATTEST_CSV_QUOTES, file, cancellable, &error);
  sqlite3_progress_handler (db, 0, NULL, NULL);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (state.written, >, 0);
  g_test_message ("Cancelled with %" G_GOFFSET_FORMAT " bytes written", state.written);
  check_only_old_file (fixture, path);
}

/* Replacing a directory fails at the very end, after the whole export was written. */
static void
test_failed_rename_leaves_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "a-directory", NULL);
  g_autofree char *inside = g_build_filename (path, "keep", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) left = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  write_old_file (inside);

  g_assert_false (attest_export_to_file (fixture->store, "csv", ATTEST_CSV_SOURCES, file,
                                         NULL, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED);
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));

  left = list_export_dir (fixture);
  g_assert_cmpuint (g_strv_length (left), ==, 1);
  g_assert_cmpstr (left[0], ==, "a-directory");
}

static void
test_replace_existing (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) left = NULL;

  write_old_file (path);
  export_file (fixture, "csv", ATTEST_CSV_ARTICLES, path);

  contents = read_file (path);
  g_assert_true (g_str_has_prefix (contents, "uuid,title,"));
  left = list_export_dir (fixture);
  g_assert_cmpuint (g_strv_length (left), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/attest/export/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("json/document", test_json_document);
  ADD ("json/schema", test_json_schema);
  ADD ("json/schema-rejects", test_json_schema_rejects);
  ADD ("json/deterministic", test_json_deterministic);
  ADD ("json/streaming", test_streaming);
  ADD ("csv/quotes", test_csv_quotes);
  ADD ("csv/tables", test_csv_tables);
  g_test_add_func ("/attest/export/csv/table-names", test_csv_table_names);
  ADD ("error/cancelled-stream", test_cancelled_stream);
  ADD ("error/full-stream", test_full_stream);
  ADD ("error/missing-directory", test_missing_directory);
  ADD ("error/unknown-format", test_unknown_format);
  ADD ("file/replace-existing", test_replace_existing);
  ADD ("file/cancelled-keeps-old-file", test_cancelled_keeps_old_file);
  ADD ("file/cancelled-midway-keeps-old-file", test_cancelled_midway_keeps_old_file);
  ADD ("file/failed-rename-leaves-nothing", test_failed_rename_leaves_nothing);

#undef ADD

  return g_test_run ();
}
