/* test-merge.c: export → import into an empty project → export gives the same document;
 * two coders' exports merge, with their conflicts listed; hostile JSON changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "attest-core.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("attest-merge-XXXXXX", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  g_free (f->dir);
}

static AttestStore *
new_store (Fixture    *f,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  AttestStore *store = attest_store_create (path, &error);

  g_assert_no_error (error);
  return store;
}

static char *
demo_text (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ATTEST_SHARED_DIR"), "corpus", "seed",
                                            "iraq-isis-corona.txt", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static AttestAnnotation *
mark (AttestStore          *store,
      const char           *article,
      const char           *words,
      AttestAnnotationKind  kind,
      const char           *speaker,
      const char           *speaker_kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestArticle) a = attest_store_get_article (store, article, NULL);
  AttestAnnotation *annotation;
  guint start, end;

  g_assert_true (attest_find_unique_span (attest_article_get_body (a), words, &start, &end,
                                          &error));
  annotation = attest_store_annotate_span (store, article, kind, start, end, speaker,
                                           speaker_kind, NULL, "coder-a", &error);
  g_assert_no_error (error);
  return annotation;
}

/* A project with something in every section. */
static char *
fill (AttestStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = demo_text ();
  AttestArticleMeta meta = { .outlet = "Al Jazeera", .published = "2020-04-06" };
  char *article = attest_store_import_text (store, text, -1, &meta, &error);
  g_autofree char *arabic = attest_store_import_text (store,
      "هجوم في ديالى\n\n\"نحن متوترون\" 😀 قال أحد سكان بعقوبة.", -1, NULL, &error);
  g_autoptr(AttestAnnotation) a = mark (store, article, "The Corona virus is an important factor",
                                        ATTEST_ANNOTATION_DIRECT, "Tahsin al-Khafaji",
                                        "official");
  g_autoptr(AttestAnnotation) b = mark (store, article, "this attack is considered the most "
                                        "sophisticated", ATTEST_ANNOTATION_CLAIM, NULL, NULL);
  g_autoptr(AttestAnnotation) c = mark (store, arabic, "نحن متوترون", ATTEST_ANNOTATION_DIRECT,
                                        "أحد سكان بعقوبة", "resident");
  g_autoptr(AttestTag) parent = attest_store_create_tag (store, "Violence", NULL, "#c01c28",
                                                         NULL, &error);
  g_autoptr(AttestTag) child = attest_store_create_tag (store, "Casualties",
                                                        attest_tag_get_uuid (parent), NULL,
                                                        "Killed or hurt", &error);
  g_autoptr(AttestIncident) incident = NULL;
  g_autofree char *place = NULL;
  g_autofree char *collection = NULL;
  g_autofree char *link = NULL;
  AttestPlace spec = { .name = "Makchifa", .admin1 = "Salah al-Din", .country = "Iraq",
                       .latitude = NAN, .longitude = NAN };
  AttestIncidentFields fields;
  const char *members[] = { NULL, NULL };

  g_assert_no_error (error);
  g_assert_true (attest_store_set_annotation_tag (store, attest_annotation_get_uuid (b),
                                                  attest_tag_get_uuid (child), TRUE, &error));
  g_assert_true (attest_store_set_annotation_comment (store, attest_annotation_get_uuid (a),
                                                      "Check the rank", &error));
  g_assert_true (attest_store_set_annotation_claim_status (store, attest_annotation_get_uuid (b),
                                                           "disputed", &error));
  g_assert_true (attest_store_add_source_alias (store, attest_annotation_get_speaker_uuid (a),
                                                "Al-Khafaji", &error));
  g_assert_true (attest_store_add_source_kind (store, "militia", "Militia", &error));
  place = attest_store_create_place (store, &spec, &error);
  g_assert_true (attest_store_add_place_alias (store, place, "Machishafa", &error));
  attest_incident_fields_init (&fields);
  fields.title = "Ambush";
  fields.date_start = "2020-04-04";
  fields.date_precision = "day";
  fields.place_uuid = place;
  fields.fatalities_low = 10;
  incident = attest_store_save_incident (store, NULL, &fields, &error);
  g_assert_no_error (error);
  link = attest_store_link_evidence (store, attest_incident_get_uuid (incident),
                                     attest_annotation_get_uuid (b), NULL, "fatalities",
                                     "reports", 10, 12, &error);
  collection = attest_store_create_collection (store, "Diyala", NULL, &error);
  members[0] = arabic;
  g_assert_true (attest_store_set_collection_articles (store, collection, members, TRUE, &error));
  g_assert_no_error (error);
  return article;
}

static GBytes *
export_json (AttestStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_true (attest_export_json (store, out, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* The document without its export time. */
static char *
without_time (GBytes *json)
{
  g_autoptr(GRegex) time = g_regex_new ("\"exported_at\" : \"[^\"]*\"", 0, 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (json, NULL), g_bytes_get_size (json));

  return g_regex_replace_literal (time, text, -1, 0, "\"exported_at\" : \"\"", 0, NULL);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) source = new_store (f, "a.attest");
  g_autoptr(AttestStore) target = new_store (f, "b.attest");
  g_autofree char *article = fill (source);
  g_autoptr(GBytes) first = export_json (source);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(AttestMergeSummary) summary = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (attest_import_collection (target, first, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (summary->adopted);
  g_assert_cmpuint (summary->n_articles, ==, 2);
  g_assert_cmpuint (summary->n_annotations, ==, 3);
  g_assert_cmpuint (summary->conflicts->len, ==, 0);

  second = export_json (target);
  a = without_time (first);
  b = without_time (second);
  g_assert_cmpstr (a, ==, b);
}

static void
test_import_twice_changes_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) source = new_store (f, "a.attest");
  g_autofree char *article = fill (source);
  g_autoptr(GBytes) json = export_json (source);
  g_autoptr(AttestMergeSummary) summary = NULL;
  AttestStats before, after;

  g_assert_true (attest_store_get_stats (source, &before, &error));
  g_assert_true (attest_import_collection (source, json, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_added, ==, 0);
  g_assert_cmpuint (summary->conflicts->len, ==, 0);
  g_assert_false (summary->adopted);
  g_assert_true (attest_store_get_stats (source, &after, &error));
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
}

static void
test_two_coders (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) mine = new_store (f, "mine.attest");
  g_autoptr(AttestStore) theirs = new_store (f, "theirs.attest");
  g_autofree char *article = fill (mine);
  g_autoptr(GBytes) shared = export_json (mine);
  g_autoptr(GBytes) their_work = NULL;
  g_autoptr(AttestMergeSummary) dry = NULL;
  g_autoptr(AttestMergeSummary) summary = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(AttestAnnotation) quote = NULL;
  g_autoptr(AttestAnnotation) extra = NULL;
  g_autoptr(GHashTable) choices = g_hash_table_new (g_str_hash, g_str_equal);
  AttestMergeConflict *conflict;
  AttestMergeOptions ask = { ATTEST_MERGE_ASK, NULL, FALSE };
  AttestMergeOptions preview = { ATTEST_MERGE_ASK, NULL, TRUE };
  AttestMergeOptions chosen = { ATTEST_MERGE_ASK, choices, FALSE };
  AttestStats before, after;

  /* The colleague starts from my project, changes one comment and adds a quote. */
  g_assert_true (attest_import_collection (theirs, shared, NULL, NULL, &error));
  annotations = attest_store_list_annotations (theirs, article, &error);
  quote = g_object_ref (g_ptr_array_index (annotations, 0));
  g_assert_true (attest_store_set_annotation_comment (theirs, attest_annotation_get_uuid (quote),
                                                      "Rank checked: major general", &error));
  extra = mark (theirs, article, "the latest escalation in violence by the organization",
                ATTEST_ANNOTATION_INDIRECT, "US officials", "official");
  their_work = export_json (theirs);

  /* I changed the same comment meanwhile. */
  g_assert_true (attest_store_set_annotation_comment (mine, attest_annotation_get_uuid (quote),
                                                      "Rank doubtful", &error));
  g_assert_true (attest_store_get_stats (mine, &before, &error));

  /* A preview lists the conflict and changes nothing. */
  g_assert_true (attest_import_collection (mine, their_work, &preview, &dry, &error));
  g_assert_cmpuint (dry->conflicts->len, ==, 1);
  conflict = g_ptr_array_index (dry->conflicts, 0);
  g_assert_cmpstr (conflict->kind, ==, "annotation");
  g_assert_cmpstr (conflict->uuid, ==, attest_annotation_get_uuid (quote));
  g_assert_nonnull (strstr (conflict->mine, "Rank doubtful"));
  g_assert_nonnull (strstr (conflict->theirs, "Rank checked"));
  g_assert_true (attest_store_get_stats (mine, &after, &error));
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);

  /* Without a choice, the import stops and leaves the project as it was. */
  g_assert_false (attest_import_collection (mine, their_work, &ask, &summary, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&summary, attest_merge_summary_free);
  g_assert_true (attest_store_get_stats (mine, &after, &error));
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);

  /* With "theirs" for that item: their comment, their new quote and speaker come in. */
  g_hash_table_insert (choices, (gpointer) attest_annotation_get_uuid (quote),
                       GINT_TO_POINTER (ATTEST_RESOLVE_THEIRS));
  g_assert_true (attest_import_collection (mine, their_work, &chosen, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_theirs, ==, 1);
  g_assert_cmpuint (summary->n_annotations, ==, 1);
  g_clear_object (&quote);
  quote = attest_store_get_annotation (mine, attest_annotation_get_uuid (extra), &error);
  g_assert_cmpstr (attest_annotation_get_speaker_name (quote), ==, "US officials");
  g_clear_pointer (&annotations, g_ptr_array_unref);
  annotations = attest_store_list_annotations (mine, article, &error);
  g_assert_cmpuint (annotations->len, ==, 3);
  g_clear_object (&quote);
  quote = g_object_ref (g_ptr_array_index (annotations, 0));
  g_assert_cmpstr (attest_annotation_get_comment (quote), ==, "Rank checked: major general");
}

static void
test_duplicate_sources_after_merge (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) mine = new_store (f, "mine.attest");
  g_autoptr(AttestStore) theirs = new_store (f, "theirs.attest");
  g_autofree char *text = demo_text ();
  g_autofree char *a1 = attest_store_import_text (mine, text, -1, NULL, &error);
  g_autoptr(GBytes) article_only = export_json (mine);
  g_autoptr(AttestAnnotation) q1 = mark (mine, a1, "The Corona virus is an important factor",
                                         ATTEST_ANNOTATION_DIRECT, "Tahsin al-Khafaji",
                                         "official");
  g_autoptr(AttestAnnotation) q2 = NULL;
  g_autoptr(GBytes) their_work = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  guint merged = 0;

  /* Each coder made "Tahsin al-Khafaji" on their own: two sources, two uuids. */
  g_assert_true (attest_import_collection (theirs, article_only, NULL, NULL, &error));
  q2 = mark (theirs, a1, "the Corona virus caused a brief period of time",
             ATTEST_ANNOTATION_INDIRECT, "tahsin al-khafaji", "official");
  their_work = export_json (theirs);
  g_assert_true (attest_import_collection (mine, their_work, NULL, NULL, &error));
  g_assert_no_error (error);
  sources = attest_store_list_sources (mine, &error);
  g_assert_cmpuint (sources->len, ==, 2);
  g_clear_pointer (&sources, g_ptr_array_unref);

  g_assert_true (attest_store_merge_duplicate_sources (mine, &merged, &error));
  g_assert_cmpuint (merged, ==, 1);
  sources = attest_store_list_sources (mine, &error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpuint (attest_source_get_n_quotes (g_ptr_array_index (sources, 0)), ==, 2);
  g_clear_pointer (&sources, g_ptr_array_unref);

  g_assert_true (attest_store_undo (mine, &error));
  sources = attest_store_list_sources (mine, &error);
  g_assert_cmpuint (sources->len, ==, 2);
}

static void
test_export_collection (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) source = new_store (f, "a.attest");
  g_autoptr(AttestStore) target = new_store (f, "b.attest");
  g_autofree char *article = fill (source);
  g_autoptr(GPtrArray) collections = attest_store_list_collections (source, &error);
  AttestCollection *diyala = g_ptr_array_index (collections, 0);
  AttestExportScope by_collection = { .collection_uuid = diyala->uuid };
  const char *only_first[] = { article, NULL };
  AttestExportScope by_articles = { .article_uuids = only_first };
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) json = NULL;
  g_autoptr(AttestMergeSummary) summary = NULL;
  AttestStats stats;

  /* The Diyala collection: the Arabic article, its quote and speaker, nothing else. */
  g_assert_true (attest_export_json_scoped (source, &by_collection, out, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  json = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_true (attest_import_collection (target, json, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (attest_store_get_stats (target, &stats, &error));
  g_assert_cmpuint (stats.articles, ==, 1);
  g_assert_cmpuint (stats.annotations, ==, 1);
  g_assert_cmpuint (stats.sources, ==, 1);
  g_assert_cmpuint (stats.incidents, ==, 0);
  g_assert_cmpuint (stats.collections, ==, 1);
  g_clear_pointer (&json, g_bytes_unref);
  g_clear_pointer (&summary, attest_merge_summary_free);
  g_clear_object (&out);

  /* The first article alone brings the incident its claim supports, and that place. */
  out = g_memory_output_stream_new_resizable ();
  g_assert_true (attest_export_json_scoped (source, &by_articles, out, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  json = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                                  "\"Makchifa\""));
  g_assert_null (g_strstr_len (g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                               "\"Diyala\""));
  g_assert_true (attest_import_collection (target, json, NULL, &summary, &error));
  g_assert_true (attest_store_get_stats (target, &stats, &error));
  g_assert_cmpuint (stats.articles, ==, 2);
  g_assert_cmpuint (stats.incidents, ==, 1);
}

static void
test_tags_csv (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = new_store (f, "a.attest");
  g_autofree char *article = fill (store);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  AttestExportScope excel = { .excel = TRUE };
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (attest_export_csv_scoped (store, &excel, ATTEST_CSV_TAGS, out, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  lines = g_strsplit (text, "\r\n", -1);

  /* A byte-order mark for spreadsheets, then the header, parents before children. */
  g_assert_true (g_str_has_prefix (lines[0], "\xEF\xBB\xBFuuid,name,parent_uuid,path,"));
  g_assert_nonnull (strstr (lines[1], ",Violence,,Violence,#c01c28,"));
  g_assert_nonnull (strstr (lines[2], ",Violence › Casualties,"));
  g_assert_true (g_str_has_suffix (lines[2], ",1,0"));
}

static void
test_hostile_documents (Fixture       *f,
                        gconstpointer  data)
{
  static const char *cases[] = {
    "",
    "not json",
    "[1, 2, 3]",
    "{\"format\": \"something-else\", \"version\": 1}",
    "{\"format\": \"attest-collection\", \"version\": 99}",
    "{\"format\": \"attest-collection\", \"version\": \"1\"}",
    "{\"format\": \"attest-collection\", \"version\": 1, \"articles\": {}}",
    "{\"format\": \"attest-collection\", \"version\": 1, \"articles\": [7]}",
    "{\"format\": \"attest-collection\", \"version\": 1, \"articles\": [{\"uuid\": \"x\","
      " \"title\": \"T\", \"text\": \"Body\"}]}",
    /* An annotation outside its text. */
    "{\"format\": \"attest-collection\", \"version\": 1, \"articles\": [{\"uuid\":"
      " \"8f5e9c1a-1111-4a4a-9b9b-000000000001\", \"title\": \"T\", \"text\": \"Body\","
      " \"annotations\": [{\"uuid\": \"8f5e9c1a-1111-4a4a-9b9b-000000000002\", \"kind\":"
      " \"note\", \"start\": 2, \"end\": 40, \"exact\": \"dy\"}]}]}",
    /* Exact text that is not at its offsets. */
    "{\"format\": \"attest-collection\", \"version\": 1, \"articles\": [{\"uuid\":"
      " \"8f5e9c1a-1111-4a4a-9b9b-000000000001\", \"title\": \"T\", \"text\": \"Body\","
      " \"annotations\": [{\"uuid\": \"8f5e9c1a-1111-4a4a-9b9b-000000000002\", \"kind\":"
      " \"note\", \"start\": 0, \"end\": 2, \"exact\": \"dy\"}]}]}",
    /* The same uuid twice. */
    "{\"format\": \"attest-collection\", \"version\": 1, \"sources\": ["
      "{\"uuid\": \"8f5e9c1a-1111-4a4a-9b9b-000000000003\", \"name\": \"A\", \"kind\": \"other\"},"
      "{\"uuid\": \"8f5e9c1a-1111-4a4a-9b9b-000000000003\", \"name\": \"B\", \"kind\": \"other\"}]}",
    /* A speaker that is nowhere. */
    "{\"format\": \"attest-collection\", \"version\": 1, \"articles\": [{\"uuid\":"
      " \"8f5e9c1a-1111-4a4a-9b9b-000000000001\", \"title\": \"T\", \"text\": \"Body\","
      " \"annotations\": [{\"uuid\": \"8f5e9c1a-1111-4a4a-9b9b-000000000002\", \"kind\":"
      " \"direct\", \"start\": 0, \"end\": 4, \"exact\": \"Body\", \"speaker\":"
      " \"8f5e9c1a-1111-4a4a-9b9b-000000000009\"}]}]}",
    /* A kind Attest does not know. */
    "{\"format\": \"attest-collection\", \"version\": 1, \"articles\": [{\"uuid\":"
      " \"8f5e9c1a-1111-4a4a-9b9b-000000000001\", \"title\": \"T\", \"text\": \"Body\","
      " \"annotations\": [{\"uuid\": \"8f5e9c1a-1111-4a4a-9b9b-000000000002\", \"kind\":"
      " \"gossip\", \"start\": 0, \"end\": 4, \"exact\": \"Body\"}]}]}",
  };
  g_autoptr(AttestStore) store = new_store (f, "p.attest");
  g_autofree char *article = fill (store);
  g_autoptr(GBytes) before = export_json (store);
  g_autofree char *before_text = without_time (before);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) json = g_bytes_new_static (cases[i], strlen (cases[i]));
      g_autoptr(GBytes) after = NULL;
      g_autofree char *after_text = NULL;

      g_test_message ("case %u", i);
      g_assert_false (attest_import_collection (store, json, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == ATTEST_ERROR);
      g_test_message ("  %s", error->message);
      if (strstr (cases[i], "\"version\": 99") != NULL)
        g_assert_cmpstr (error->message, ==, "This collection was written by a newer Attest "
                         "(format version 99); update Attest to read it.");

      after = export_json (store);
      after_text = without_time (after);
      g_assert_cmpstr (after_text, ==, before_text);
    }
}

static gboolean
import_string (AttestStore  *store,
               const char   *json,
               GError      **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return attest_import_collection (store, bytes, NULL, NULL, error);
}

/* The document is split by its own scanner, not by a parser: strings that hold brackets and
 * escaped quotes, escaped names, deep nesting, truncation, trailing bytes and names given
 * twice are each read as JSON means them, or refused whole. */
static void
test_scanner_edges (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AttestStore) store = new_store (f, "p.attest");
  g_autofree char *article = fill (store);
  g_autoptr(GBytes) before = export_json (store);
  g_autofree char *before_text = without_time (before);
  g_autoptr(AttestStore) empty = new_store (f, "empty.attest");
  g_autoptr(AttestArticle) tricky = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *after_text = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"attest-collection\", \"version\": 1, "
                                           "\"extra\": ");
  g_autoptr(GString) shallow = NULL;
  g_autoptr(GError) error = NULL;
  const char *doc = g_bytes_get_data (before, NULL);
  gsize size = g_bytes_get_size (before);
  static const char *refused[] = {
    /* The same top-level name twice: json-glib kept the last; refused now. */
    "{\"format\": \"attest-collection\", \"version\": 1, \"articles\": [], \"articles\": [7]}",
    "{\"format\": \"attest-collection\", \"version\": 1, \"version\": 1}",
    /* Comments, which json-glib skipped. */
    "{\"format\": \"attest-collection\", /* a note */ \"version\": 1}",
    /* A trailing comma, a bare word, a number JSON does not have, a bad escape. */
    "{\"format\": \"attest-collection\", \"version\": 1,}",
    "{\"format\": \"attest-collection\", \"version\": 1, \"articles\": [,]}",
    "{\"format\": attest, \"version\": 1}",
    "{\"format\": \"attest-collection\", \"version\": 01}",
    "{\"format\": \"attest-collection\", \"version\": 1, \"x\": \"\\q\"}",
    "{\"format\": \"attest-collection\", \"version\": 1, \"x\": \"\\u12\"}",
    /* Two documents. */
    "{\"format\": \"attest-collection\", \"version\": 1}{}",
    /* An escaped name means the same as the plain one. */
    "{\"format\": \"attest-collection\", \"version\": 1, \"\\u0061rticles\": [7]}",
  };

  /* Strings that look like structure, and an escaped quote before a closing bracket. */
  g_assert_true (import_string (empty,
      "{\"format\": \"attest-collection\", \"version\": 1, \"articles\": [{\"uuid\":"
      " \"8f5e9c1a-1111-4a4a-9b9b-000000000001\", \"title\": \"Brackets ]}[{, \\\"quoted\\\\\\\""
      " and \\u005d\", \"text\": \"Body ] with } \\\"]\"}], \"x\": \"]}\"}", &error));
  g_assert_no_error (error);
  tricky = attest_store_get_article (empty, "8f5e9c1a-1111-4a4a-9b9b-000000000001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_article_get_title (tricky), ==, "Brackets ]}[{, \"quoted\\\" and ]");
  g_assert_cmpstr (attest_article_get_body (tricky), ==, "Body ] with } \"]");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_clear_error (&error);
      g_test_message ("refused %u", i);
      g_assert_false (import_string (store, refused[i], &error));
      g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
      g_test_message ("  %s", error->message);
    }
  g_clear_error (&error);
  g_assert_false (import_string (store, refused[0], &error));
  g_assert_nonnull (strstr (error->message, "“articles” is given twice"));
  g_clear_error (&error);
  g_assert_false (import_string (store, refused[G_N_ELEMENTS (refused) - 1], &error));
  g_assert_nonnull (strstr (error->message, "articles[0] is not an object"));

  /* Nesting: an unknown member may be deep, up to a limit. */
  for (guint i = 0; i < 300; i++)
    g_string_append_c (deep, '[');
  shallow = g_string_new_len (deep->str, deep->len - 300 + 200);
  for (guint i = 0; i < 300; i++)
    g_string_append_c (deep, ']');
  for (guint i = 0; i < 200; i++)
    g_string_append_c (shallow, ']');
  g_string_append_c (deep, '}');
  g_string_append_c (shallow, '}');
  g_clear_error (&error);
  g_assert_false (import_string (store, deep->str, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "too deeply"));
  g_clear_error (&error);
  g_assert_true (import_string (store, shallow->str, &error));
  g_assert_no_error (error);

  /* Every truncation of a real export (short of its closing brace) is refused as broken
   * JSON, before anything is read. */
  while (size > 0 && g_ascii_isspace (doc[size - 1]))
    size--;
  g_assert_cmpint (doc[size - 1], ==, '}');
  for (gsize cut = 1; cut < size; cut++)
    {
      g_autoptr(GBytes) part = g_bytes_new_static (doc, cut);

      g_clear_error (&error);
      if (attest_import_collection (store, part, NULL, NULL, &error))
        g_error ("a collection cut after %" G_GSIZE_FORMAT " bytes was accepted", cut);
      g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "JSON"));
    }

  /* Bytes after the document are refused; white space is not. */
  {
    g_autofree char *garbage = g_strdup_printf ("%.*s x", (int) size, doc);
    g_autofree char *space = g_strdup_printf ("%.*s \n\t\r\n", (int) size, doc);

    g_clear_error (&error);
    g_assert_false (import_string (store, garbage, &error));
    g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    g_assert_true (import_string (store, space, &error));
    g_assert_no_error (error);
  }

  after = export_json (store);
  after_text = without_time (after);
  g_assert_cmpstr (after_text, ==, before_text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/attest/merge/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("import-twice-changes-nothing", test_import_twice_changes_nothing);
  ADD ("two-coders", test_two_coders);
  ADD ("duplicate-sources-after-merge", test_duplicate_sources_after_merge);
  ADD ("export-collection", test_export_collection);
  ADD ("tags-csv", test_tags_csv);
  ADD ("hostile-documents", test_hostile_documents);
  ADD ("scanner-edges", test_scanner_edges);

#undef ADD

  return g_test_run ();
}
