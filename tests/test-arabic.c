/* test-arabic.c: Arabic and mixed Arabic/English articles, from import to search and export.
 *
 * The fixtures in tests/fixtures/arabic hold harakat, tatweel, Arabic-Indic digits, hamza
 * spellings and a paragraph that mixes both directions, so that a byte, UTF-16 or
 * grapheme offset anywhere shows up as a wrong span. Search must find words the way Arabic
 * readers type them (without harakat, tatweel or hamza) and still show them as written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-arabic"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "attest-core.h"
#include "attest-fts.h"
#include "attest-merge.h"
#include "attest-store-private.h"
#include "attest-w3c.h"

/* Spans the tests mark; each occurs once in its fixture. */
#define TATWEEL_QUOTE  "القواتِ الأمنيـــة طوّقت المنطقة وبدأت عمليات تفتيش واسعة"
#define HARAKAT_QUOTE  "لن يمرَّ دون حساب"
#define DIGITS_QUOTE   "الحكومة لم تعالج ثغرات الحدود منذ عام ٢٠٢٣"
#define MIXED_QUOTE    "This is a turning point لأمن ديالى"
#define ARABIC_IN_LTR  "«كان متوقعاً»"
#define ENGLISH_IN_RTL "US officials"

typedef struct
{
  char        *dir;
  char        *path;
  AttestStore *store;
  char        *news_uuid;    /* news.txt */
  char        *mixed_uuid;   /* mixed.txt */
} Fixture;

/* Helpers */

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("ATTEST_SOURCE_DIR"), "tests", "fixtures", "arabic", name,
                           NULL);
}

static GBytes *
read_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (name);
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static char *
import_fixture (AttestStore *store,
                const char  *name,
                const char  *content_type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_fixture (name);
  AttestArticleMeta meta = { .origin = name };
  char *uuid;

  uuid = attest_store_import_bytes (store, bytes, content_type, NULL, &meta, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

static char *
get_body (AttestStore *store,
          const char  *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestArticle) article = attest_store_get_article (store, uuid, &error);

  g_assert_no_error (error);
  return g_strdup (attest_article_get_body (article));
}

/* The span of needle in body, in code points, computed without the store. */
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

/* Characters [start, end) of text, counted in code points. */
static char *
code_point_slice (const char *text,
                  gint64      start,
                  gint64      end)
{
  const char *from;
  const char *to;

  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (end, >=, start);
  g_assert_cmpint (end, <=, g_utf8_strlen (text, -1));
  from = g_utf8_offset_to_pointer (text, start);
  to = g_utf8_offset_to_pointer (text, end);
  return g_strndup (from, to - from);
}

static AttestAnnotation *
annotate (AttestStore          *store,
          const char           *article_uuid,
          AttestAnnotationKind  kind,
          const char           *needle,
          const char           *speaker)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = get_body (store, article_uuid);
  AttestAnnotation *annotation;
  guint start, end;

  find_span (body, needle, &start, &end);
  annotation = attest_store_annotate_span (store, article_uuid, kind, start, end, speaker,
                                           speaker ? "official" : NULL, NULL, "tester", &error);
  g_assert_no_error (error);
  g_assert_nonnull (annotation);
  g_assert_cmpuint (attest_annotation_get_start (annotation), ==, start);
  g_assert_cmpuint (attest_annotation_get_end (annotation), ==, end);
  g_assert_cmpstr (attest_annotation_get_exact (annotation), ==, needle);
  return annotation;
}

/* The prefix and suffix are the code points just before and after the span. */
static void
assert_context (const char *body,
                gint64      start,
                gint64      end,
                const char *exact,
                const char *prefix,
                const char *suffix)
{
  g_autofree char *slice = code_point_slice (body, start, end);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpstr (slice, ==, exact);
  g_assert_nonnull (prefix);
  g_assert_nonnull (suffix);
  before = code_point_slice (body, start - g_utf8_strlen (prefix, -1), start);
  after = code_point_slice (body, end, end + g_utf8_strlen (suffix, -1));
  g_assert_cmpstr (before, ==, prefix);
  g_assert_cmpstr (after, ==, suffix);
}

static GBytes *
export_to_bytes (AttestStore *store,
                 const char  *format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  gboolean ok;

  if (g_str_equal (format, "json"))
    ok = attest_export_json (store, stream, NULL, &error);
  else if (g_str_equal (format, "w3c"))
    ok = attest_export_w3c (store, stream, NULL, &error);
  else
    ok = attest_export_csv (store, ATTEST_CSV_QUOTES, stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_output_stream_close (stream, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static JsonNode *
parse_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
find_by_member (JsonArray  *array,
                const char *member,
                const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, member, NULL),
                     value) == 0)
        return object;
    }
  g_error ("no element with %s = %s", member, value);
  return NULL;
}

static GPtrArray *
search (AttestStore *store,
        const char  *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = attest_store_search (store, query, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static const AttestSearchHit *
find_hit (GPtrArray  *hits,
          const char *article_uuid,
          gboolean    in_annotation)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const AttestSearchHit *hit = g_ptr_array_index (hits, i);

      if (g_str_equal (hit->article_uuid, article_uuid)
          && (hit->annotation_uuid != NULL) == in_annotation)
        return hit;
    }
  return NULL;
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("attest-arabic-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "arabic.attest", NULL);
  f->store = attest_store_create (f->path, &error);
  g_assert_no_error (error);
  f->news_uuid = import_fixture (f->store, "news.txt", "text/plain");
  f->mixed_uuid = import_fixture (f->store, "mixed.txt", "text/plain");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->news_uuid);
  g_free (f->mixed_uuid);
}

/* Tests */

static void
test_fold (void)
{
  static const struct { const char *word; const char *folded; } cases[] = {
    { "كَتَبَ", "كتب" },                  /* fatha on each letter */
    { "قُتِلَ", "قتل" },                   /* damma, kasra, fatha */
    { "يمرَّ", "يمر" },                    /* shadda and fatha */
    { "الأمنيـــة", "الامنيه" },           /* hamza on alef, tatweel, ta marbuta */
    { "ألكتاب", "الكتاب" },
    { "إلى", "الي" },                      /* hamza below, alef maqsura */
    { "آخرون", "اخرون" },                  /* madda */
    { "ٱلرحمن", "الرحمن" },                /* wasla */
    { "الرحمٰن", "الرحمن" },               /* superscript alef */
    { "مستشفى", "مستشفي" },
    { "٢٠٢٣", "2023" },
    { "۱۴۰۳", "1403" },                    /* Persian digits */
    { "ـــ", "" },
    { "checkpoint", "checkpoint" },
    { "bogota", "bogota" },
    { "e\xcc\x81", "e" },                  /* e with a combining acute */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = attest_fts_fold (cases[i].word, -1);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

static void
test_find (void)
{
  static const struct
  {
    const char *query;
    const char *found[3];   /* the text of each match, in order */
  } cases[] = {
    { "كتب", { "كَتَبَ", NULL } },                /* the final fatha is in the span */
    { "الامنية", { "الأمنيـــة", NULL } },
    { "الامني", { "الأمنيـــ", NULL } },          /* up to the next letter */
    { "الكتاب", { "ألكتاب", NULL } },
    { "2023", { "٢٠٢٣", NULL } },
    { "مستشفي", { "مستشفى", NULL } },
    { "cafe", { "Café", "cafe\xcc\x81", NULL } },  /* composed and decomposed é */
    { "us officials", { "US officials", NULL } },
    { "غير موجود", { NULL } },
    { "\xd9\x8e", { NULL } },                   /* a fatha alone finds nothing */
  };
  const char *text = "وقد كَتَبَ الباحث أن «القواتِ الأمنيـــة طوّقت» ألكتاب ٢٠٢٣ "
                     "مستشفى، Café و cafe\xcc\x81 (US officials).";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) matches = attest_fts_find_all (text, cases[i].query, 100);
      guint n = 0;

      g_test_message ("%s", cases[i].query);
      while (n < G_N_ELEMENTS (cases[i].found) && cases[i].found[n] != NULL)
        n++;
      g_assert_cmpuint (matches->len, ==, n);
      for (guint m = 0; m < matches->len; m++)
        {
          AttestFtsMatch *match = &g_array_index (matches, AttestFtsMatch, m);
          g_autofree char *slice = code_point_slice (text, match->start, match->end);

          g_assert_cmpstr (slice, ==, cases[i].found[m]);
        }
    }

  /* At most as many as asked. */
  {
    g_autoptr(GArray) matches = attest_fts_find_all ("ا ا ا ا", "ا", 2);

    g_assert_cmpuint (matches->len, ==, 2);
  }
}

static void
test_import_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = get_body (f->store, f->news_uuid);
  g_autoptr(AttestAnnotation) tatweel = NULL;
  g_autoptr(AttestAnnotation) harakat = NULL;
  g_autoptr(AttestAnnotation) digits = NULL;
  g_autoptr(AttestAnnotation) reread = NULL;
  g_autoptr(AttestArticle) article = NULL;
  guint start, end;

  /* The text is kept as written: harakat, tatweel and Arabic-Indic digits. */
  g_assert_nonnull (strstr (body, "كَتَبَ"));
  g_assert_nonnull (strstr (body, "الأمنيـــة"));
  g_assert_nonnull (strstr (body, "١٤ تشرين الأول ٢٠٢٤"));
  g_assert_true (g_str_has_prefix (body, "مقتل ٣ من عناصر الأمن"));
  g_assert_nonnull (strstr (body, "بعقوبة\n\nبعقوبة، الاثنين"));
  article = attest_store_get_article (f->store, f->news_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_article_get_title (article), ==,
                   "مقتل ٣ من عناصر الأمن في هجوم على نقطة تفتيش شمال شرقي بعقوبة");

  tatweel = annotate (f->store, f->news_uuid, ATTEST_ANNOTATION_DIRECT, TATWEEL_QUOTE,
                      "تحسين الخفاجي");
  harakat = annotate (f->store, f->news_uuid, ATTEST_ANNOTATION_DIRECT, HARAKAT_QUOTE,
                      "تحسين الخفاجي");
  digits = annotate (f->store, f->news_uuid, ATTEST_ANNOTATION_INDIRECT, DIGITS_QUOTE,
                     "أحمد العبيدي");

  /* Code points, not bytes (each Arabic letter is two) and not grapheme clusters (a letter
   * with its harakat is one). */
  find_span (body, HARAKAT_QUOTE, &start, &end);
  g_assert_cmpuint (end - start, ==, 17);
  g_assert_cmpuint (strlen (HARAKAT_QUOTE), ==, 31);
  assert_context (body, attest_annotation_get_start (tatweel), attest_annotation_get_end (tatweel),
                  TATWEEL_QUOTE, attest_annotation_get_prefix (tatweel),
                  attest_annotation_get_suffix (tatweel));
  assert_context (body, attest_annotation_get_start (digits), attest_annotation_get_end (digits),
                  DIGITS_QUOTE, attest_annotation_get_prefix (digits),
                  attest_annotation_get_suffix (digits));

  /* And so it stays in the file. */
  g_clear_object (&f->store);
  f->store = attest_store_open (f->path, &error);
  g_assert_no_error (error);
  reread = attest_store_get_annotation (f->store, attest_annotation_get_uuid (harakat), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attest_annotation_get_start (reread), ==, start);
  g_assert_cmpuint (attest_annotation_get_end (reread), ==, end);
  g_assert_cmpstr (attest_annotation_get_exact (reread), ==, HARAKAT_QUOTE);
  g_assert_cmpstr (attest_annotation_get_speaker_name (reread), ==, "تحسين الخفاجي");
}

static void
test_import_html (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = import_fixture (f->store, "news.html", "text/html");
  g_autofree char *body = get_body (f->store, uuid);
  g_autofree char *text_body = get_body (f->store, f->news_uuid);
  g_autoptr(AttestArticle) article = attest_store_get_article (f->store, uuid, &error);
  g_autoptr(AttestAnnotation) mixed = NULL;
  g_autoptr(AttestAnnotation) english = NULL;
  const char *second_paragraph;

  g_assert_no_error (error);
  g_assert_cmpstr (attest_article_get_language (article), ==, "ar");
  /* The article, not the page around it. */
  g_assert_null (strstr (body, "الرئيسية"));
  g_assert_null (strstr (body, "الأكثر قراءة"));
  g_assert_null (strstr (body, "جميع الحقوق"));
  g_assert_nonnull (strstr (body, "ونُقل الجرحى إلى مستشفى بعقوبة العام."));
  /* Paragraphs as in the text file, harakat and tatweel as written. */
  second_paragraph = strstr (text_body, "وقال المتحدث");
  g_assert_nonnull (second_paragraph);
  g_assert_nonnull (strstr (body, "وقال المتحدث باسم قيادة العمليات المشتركة اللواء تحسين "
                                  "الخفاجي إن «القواتِ الأمنيـــة طوّقت المنطقة"));
  g_assert_nonnull (strstr (body, "مضيفاً أن الهجوم «لن يمرَّ دون حساب».\n\nوقد كَتَبَ"));
  /* Inline elements inside a mixed paragraph leave no gap or mark. */
  g_assert_nonnull (strstr (body, "وقال مسؤولون أمريكيون (US officials) لوكالة Associated Press "
                                  "إن الهجوم"));

  mixed = annotate (f->store, uuid, ATTEST_ANNOTATION_DIRECT, MIXED_QUOTE, "Michael Knights");
  english = annotate (f->store, uuid, ATTEST_ANNOTATION_NOTE, ENGLISH_IN_RTL, NULL);
  assert_context (body, attest_annotation_get_start (mixed), attest_annotation_get_end (mixed),
                  MIXED_QUOTE, attest_annotation_get_prefix (mixed),
                  attest_annotation_get_suffix (mixed));
  assert_context (body, attest_annotation_get_start (english),
                  attest_annotation_get_end (english), ENGLISH_IN_RTL,
                  attest_annotation_get_prefix (english), attest_annotation_get_suffix (english));
}

static void
test_mixed_paragraph (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *body = get_body (f->store, f->mixed_uuid);
  g_autoptr(AttestAnnotation) mixed = NULL;
  g_autoptr(AttestAnnotation) arabic = NULL;
  g_autoptr(AttestAnnotation) english = NULL;
  g_autoptr(AttestAnnotation) after = NULL;
  guint start, end;

  /* Marks on both sides of the same paragraph, and one in the English paragraph after it:
   * each keeps its own offsets. */
  mixed = annotate (f->store, f->mixed_uuid, ATTEST_ANNOTATION_DIRECT, MIXED_QUOTE,
                    "Michael Knights");
  arabic = annotate (f->store, f->mixed_uuid, ATTEST_ANNOTATION_INDIRECT, ARABIC_IN_LTR, NULL);
  english = annotate (f->store, f->mixed_uuid, ATTEST_ANNOTATION_NOTE, ENGLISH_IN_RTL " told",
                      NULL);
  after = annotate (f->store, f->mixed_uuid, ATTEST_ANNOTATION_CLAIM,
                    "3 members of the security forces were killed", NULL);

  find_span (body, "3 members of the security forces were killed", &start, &end);
  g_assert_cmpuint (attest_annotation_get_start (after), ==, start);
  g_assert_cmpuint (start, <, strlen (body) - strlen (strstr (body, "3 members")));
  assert_context (body, attest_annotation_get_start (arabic), attest_annotation_get_end (arabic),
                  ARABIC_IN_LTR, attest_annotation_get_prefix (arabic),
                  attest_annotation_get_suffix (arabic));
  assert_context (body, attest_annotation_get_start (mixed), attest_annotation_get_end (mixed),
                  MIXED_QUOTE, attest_annotation_get_prefix (mixed),
                  attest_annotation_get_suffix (mixed));
}

/* Every annotation of the export sits at its exact text in the exported article text. */
static void
assert_json_spans (JsonNode *root)
{
  JsonArray *articles = json_object_get_array_member (json_node_get_object (root), "articles");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonObject *article = json_array_get_object_element (articles, i);
      const char *text = json_object_get_string_member (article, "text");
      JsonArray *annotations = json_object_get_array_member (article, "annotations");

      for (guint j = 0; j < json_array_get_length (annotations); j++, n++)
        {
          JsonObject *a = json_array_get_object_element (annotations, j);

          assert_context (text, json_object_get_int_member (a, "start"),
                          json_object_get_int_member (a, "end"),
                          json_object_get_string_member (a, "exact"),
                          json_object_get_string_member (a, "prefix"),
                          json_object_get_string_member (a, "suffix"));
        }
    }
  g_assert_cmpuint (n, ==, 3);
}

static void
test_export_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestAnnotation) tatweel = annotate (f->store, f->news_uuid,
                                                  ATTEST_ANNOTATION_DIRECT, TATWEEL_QUOTE,
                                                  "تحسين الخفاجي");
  g_autoptr(AttestAnnotation) digits = annotate (f->store, f->news_uuid,
                                                 ATTEST_ANNOTATION_INDIRECT, DIGITS_QUOTE,
                                                 "أحمد العبيدي");
  g_autoptr(AttestAnnotation) mixed = annotate (f->store, f->mixed_uuid,
                                                ATTEST_ANNOTATION_DIRECT, MIXED_QUOTE,
                                                "Michael Knights");
  g_autoptr(GBytes) exported = export_to_bytes (f->store, "json");
  g_autoptr(JsonNode) root = parse_json (exported);
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.attest", NULL);
  g_autoptr(AttestStore) copy = NULL;
  g_autoptr(AttestAnnotation) reimported = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(JsonNode) again_root = NULL;
  JsonArray *articles;
  JsonObject *article;
  JsonObject *annotation;

  articles = json_object_get_array_member (json_node_get_object (root), "articles");
  article = find_by_member (articles, "uuid", f->mixed_uuid);
  annotation = find_by_member (json_object_get_array_member (article, "annotations"), "uuid",
                               attest_annotation_get_uuid (mixed));
  g_assert_cmpint (json_object_get_int_member (annotation, "start"), ==,
                   attest_annotation_get_start (mixed));
  g_assert_cmpint (json_object_get_int_member (annotation, "end"), ==,
                   attest_annotation_get_end (mixed));
  g_assert_cmpstr (json_object_get_string_member (annotation, "exact"), ==, MIXED_QUOTE);
  assert_json_spans (root);

  /* Into an empty project and out again: the same offsets and texts. */
  copy = attest_store_create (copy_path, &error);
  g_assert_no_error (error);
  attest_import_collection (copy, exported, NULL, NULL, &error);
  g_assert_no_error (error);
  reimported = attest_store_get_annotation (copy, attest_annotation_get_uuid (tatweel), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attest_annotation_get_start (reimported), ==,
                    attest_annotation_get_start (tatweel));
  g_assert_cmpuint (attest_annotation_get_end (reimported), ==,
                    attest_annotation_get_end (tatweel));
  g_assert_cmpstr (attest_annotation_get_exact (reimported), ==, TATWEEL_QUOTE);
  again = export_to_bytes (copy, "json");
  again_root = parse_json (again);
  assert_json_spans (again_root);
  article = find_by_member (json_object_get_array_member (json_node_get_object (again_root),
                                                          "articles"), "uuid", f->news_uuid);
  annotation = find_by_member (json_object_get_array_member (article, "annotations"), "uuid",
                               attest_annotation_get_uuid (digits));
  g_assert_cmpint (json_object_get_int_member (annotation, "start"), ==,
                   attest_annotation_get_start (digits));
  g_assert_cmpstr (json_object_get_string_member (annotation, "exact"), ==, DIGITS_QUOTE);

  /* The imported copy indexed its Arabic the same way. */
  {
    g_autoptr(GPtrArray) hits = search (copy, "الامنيه");

    g_assert_nonnull (find_hit (hits, f->news_uuid, FALSE));
  }
}

static JsonObject *
find_selector (JsonObject *target,
               const char *type)
{
  return find_by_member (json_object_get_array_member (target, "selector"), "type", type);
}

static void
test_export_w3c (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AttestAnnotation) harakat = annotate (f->store, f->news_uuid,
                                                  ATTEST_ANNOTATION_DIRECT, HARAKAT_QUOTE,
                                                  "تحسين الخفاجي");
  g_autoptr(AttestAnnotation) mixed = annotate (f->store, f->mixed_uuid,
                                                ATTEST_ANNOTATION_DIRECT, MIXED_QUOTE,
                                                "Michael Knights");
  g_autoptr(GBytes) exported = export_to_bytes (f->store, "w3c");
  g_autoptr(JsonNode) root = parse_json (exported);
  JsonObject *document = json_node_get_object (root);
  JsonArray *items = NULL;
  AttestAnnotation *expected[] = { harakat, mixed };
  const char *uuids[] = { f->news_uuid, f->mixed_uuid };
  guint n_found = 0;

  /* An AnnotationCollection with its first page inline, or a bare list. */
  if (json_object_has_member (document, "first"))
    items = json_object_get_array_member (json_object_get_object_member (document, "first"),
                                          "items");
  else if (json_object_has_member (document, "items"))
    items = json_object_get_array_member (document, "items");
  g_assert_nonnull (items);
  g_assert_cmpuint (json_array_get_length (items), ==, 2);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonObject *target = json_object_get_object_member (item, "target");
      JsonObject *quote = find_selector (target, "TextQuoteSelector");
      JsonObject *position = find_selector (target, "TextPositionSelector");

      for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
        {
          g_autofree char *body = NULL;

          if (!g_str_equal (json_object_get_string_member (quote, "exact"),
                            attest_annotation_get_exact (expected[k])))
            continue;
          body = get_body (f->store, uuids[k]);
          g_assert_cmpint (json_object_get_int_member (position, "start"), ==,
                           attest_annotation_get_start (expected[k]));
          g_assert_cmpint (json_object_get_int_member (position, "end"), ==,
                           attest_annotation_get_end (expected[k]));
          /* The two selectors agree in code points, as the W3C model defines them. */
          assert_context (body, json_object_get_int_member (position, "start"),
                          json_object_get_int_member (position, "end"),
                          json_object_get_string_member (quote, "exact"),
                          json_object_get_string_member (quote, "prefix"),
                          json_object_get_string_member (quote, "suffix"));
          n_found++;
        }
    }
  g_assert_cmpuint (n_found, ==, 2);
}

#define CSV_TO_JSON \
  "import csv, json, sys\n" \
  "with open (sys.argv[1], newline='', encoding='utf-8') as f:\n" \
  "    rows = list (csv.reader (f, strict=True))\n" \
  "print (json.dumps (rows))\n"

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestAnnotation) tatweel = annotate (f->store, f->news_uuid,
                                                  ATTEST_ANNOTATION_DIRECT, TATWEEL_QUOTE,
                                                  "تحسين الخفاجي");
  g_autoptr(AttestAnnotation) mixed = annotate (f->store, f->mixed_uuid,
                                                ATTEST_ANNOTATION_DIRECT, MIXED_QUOTE,
                                                "Michael Knights");
  g_autoptr(GBytes) exported = export_to_bytes (f->store, "csv");
  g_autofree char *csv_path = g_build_filename (f->dir, "quotes.csv", NULL);
  const char *python = g_getenv ("ATTEST_PYTHON") ? g_getenv ("ATTEST_PYTHON") : "python3";
  const char *argv[] = { python, "-c", CSV_TO_JSON, csv_path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rows;
  JsonArray *header;
  int status = 0;
  int text_col = -1, start_col = -1, end_col = -1, uuid_col = -1, speaker_col = -1;
  guint n_checked = 0;

  g_assert_true (g_file_set_contents (csv_path, g_bytes_get_data (exported, NULL),
                                      g_bytes_get_size (exported), &error));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("python3 failed: %s\n%s", error->message, err);
  out_bytes = g_bytes_new (out, strlen (out));
  root = parse_json (out_bytes);
  rows = json_node_get_array (root);
  header = json_array_get_array_element (rows, 0);
  for (guint i = 0; i < json_array_get_length (header); i++)
    {
      const char *name = json_array_get_string_element (header, i);

      if (g_str_equal (name, "quote_text")) text_col = i;
      else if (g_str_equal (name, "start")) start_col = i;
      else if (g_str_equal (name, "end")) end_col = i;
      else if (g_str_equal (name, "quote_uuid")) uuid_col = i;
      else if (g_str_equal (name, "speaker_name")) speaker_col = i;
    }
  g_assert_cmpint (text_col, >=, 0);
  g_assert_cmpint (start_col, >=, 0);
  g_assert_cmpint (end_col, >=, 0);
  g_assert_cmpint (uuid_col, >=, 0);
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);

  for (guint i = 1; i < json_array_get_length (rows); i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);
      const char *uuid = json_array_get_string_element (row, uuid_col);
      AttestAnnotation *expected = g_str_equal (uuid, attest_annotation_get_uuid (tatweel))
                                   ? tatweel : mixed;
      g_autofree char *body = get_body (f->store, attest_annotation_get_article_uuid (expected));
      g_autofree char *slice = NULL;
      gint64 start = g_ascii_strtoll (json_array_get_string_element (row, start_col), NULL, 10);
      gint64 end = g_ascii_strtoll (json_array_get_string_element (row, end_col), NULL, 10);

      g_assert_cmpstr (json_array_get_string_element (row, text_col), ==,
                       attest_annotation_get_exact (expected));
      g_assert_cmpint (start, ==, attest_annotation_get_start (expected));
      g_assert_cmpint (end, ==, attest_annotation_get_end (expected));
      slice = code_point_slice (body, start, end);
      g_assert_cmpstr (slice, ==, json_array_get_string_element (row, text_col));
      g_assert_cmpstr (json_array_get_string_element (row, speaker_col), ==,
                       attest_annotation_get_speaker_name (expected));
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, 2);
}

/* What Arabic readers type, and the word as the article writes it, in the snippet. */
static const struct
{
  const char *query;
  const char *marked;       /* in the snippet, between [ and ] */
  gboolean    in_mixed;     /* found in mixed.txt rather than news.txt */
} search_cases[] = {
  { "كتب", "[كَتَبَ]", FALSE },                 /* harakat */
  { "كَتَبَ", "[كَتَبَ]", FALSE },              /* typed with them */
  { "قتل", "[قُتِلَ]", FALSE },
  { "الكتاب", "[ألكتاب]", FALSE },              /* hamza on the alef */
  { "الى", "[إلى]", FALSE },                    /* hamza below, alef maqsura */
  { "واصيب", "[وأُصيب]", FALSE },               /* hamza and damma, after wa */
  { "الامنية", "[الأمنيـــة]", FALSE },          /* tatweel, hamza */
  { "المدرسه", "[المدرسة]", FALSE },             /* ta marbuta typed as ha */
  { "مستشفي", "[مستشفى]", FALSE },               /* alef maqsura typed as ya */
  { "2023", "[٢٠٢٣]", FALSE },                  /* Arabic-Indic digits */
  { "٢٠٢٣", "[٢٠٢٣]", FALSE },
  { "متوقعا", "[متوقعاً]", TRUE },               /* tanwin */
  { "turning point", "[turning] [point]", TRUE },
  { "associated", "[Associated]", TRUE },
};

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (search_cases); i++)
    {
      const char *query = search_cases[i].query;
      g_autoptr(GPtrArray) hits = NULL;
      const AttestSearchHit *hit;
      const char *uuid = search_cases[i].in_mixed ? f->mixed_uuid : f->news_uuid;

      hits = search (f->store, query);
      g_test_message ("%s", query);
      hit = find_hit (hits, uuid, FALSE);
      g_assert_nonnull (hit);
      g_assert_nonnull (strstr (hit->snippet, search_cases[i].marked));
    }
}

static void
test_search_precision (Fixture       *f,
                       gconstpointer  data)
{
  /* Folding is not stemming: other words with the same letters are not found. */
  static const char *absent[] = { "كاتب", "مكتوب", "الموصل", "2025" };

  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    {
      g_autoptr(GPtrArray) hits = search (f->store, absent[i]);

      g_test_message ("%s", absent[i]);
      g_assert_cmpuint (hits->len, ==, 0);
    }
}

static void
test_search_annotations (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestAnnotation) tatweel = annotate (f->store, f->news_uuid,
                                                  ATTEST_ANNOTATION_DIRECT, TATWEEL_QUOTE,
                                                  "تحسين الخفاجي");
  g_autoptr(GPtrArray) hits = search (f->store, "القوات الامنيه");
  g_autoptr(GPtrArray) after = NULL;
  const AttestSearchHit *hit = find_hit (hits, f->news_uuid, TRUE);

  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->annotation_uuid, ==, attest_annotation_get_uuid (tatweel));
  g_assert_nonnull (strstr (hit->snippet, "[القواتِ] [الأمنيـــة]"));

  /* The index follows the quote when it goes. */
  g_assert_true (attest_store_delete_annotation (f->store, attest_annotation_get_uuid (tatweel),
                                                 &error));
  g_assert_no_error (error);
  after = search (f->store, "طوقت");
  g_assert_null (find_hit (after, f->news_uuid, TRUE));
  g_assert_nonnull (find_hit (after, f->news_uuid, FALSE));
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

static void
test_migrate_version_5 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-arabic-XXXXXX", NULL);
  g_autofree char *fixture = fixture_path ("project-v5.attest");
  g_autofree char *path = g_build_filename (dir, "old.attest", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) quote_hits = NULL;
  g_autoptr(GPtrArray) new_hits = NULL;
  g_autofree char *new_uuid = NULL;
  AttestAnnotation *quote;
  const char *news_uuid;
  sqlite3 *db;
  gsize length;

  /* A project saved before Arabic-aware search: its index split كَتَبَ into letters. */
  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));

  store = attest_store_open (path, &error);
  g_assert_no_error (error);
  db = _attest_store_get_db (store);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, ATTEST_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                  "('articles_fts', 'annotations_fts') "
                                  "AND sql LIKE '%tokenize = ''attest''%'"), ==, 2);
  g_assert_cmpstr (attest_store_get_project_name (store), ==, "Arabic project, version 5");

  articles = attest_store_list_articles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  annotations = attest_store_list_annotations (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 1);
  quote = g_ptr_array_index (annotations, 0);
  g_assert_cmpstr (attest_annotation_get_exact (quote), ==, TATWEEL_QUOTE);
  g_assert_cmpuint (attest_annotation_get_start (quote), ==, 348);
  g_assert_cmpuint (attest_annotation_get_end (quote), ==, 405);
  news_uuid = attest_annotation_get_article_uuid (quote);

  /* The old articles and quotes are in the rebuilt index. */
  hits = search (store, "كتب");
  g_assert_nonnull (find_hit (hits, news_uuid, FALSE));
  g_assert_nonnull (strstr (find_hit (hits, news_uuid, FALSE)->snippet, "[كَتَبَ]"));
  quote_hits = search (store, "الامنيه");
  g_assert_nonnull (find_hit (quote_hits, news_uuid, TRUE));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles_fts_docsize"), ==, 2);

  /* The triggers feed the new tables: a new article is found, a deleted one is not. */
  {
    AttestArticleMeta meta = { .title = "تقرير جديد" };

    new_uuid = attest_store_import_text (store, "تقرير جديد\n\nوصلت قافلةُ المساعدات إلى "
                                         "المخيّم.\n", -1, &meta, &error);
    g_assert_no_error (error);
  }
  new_hits = search (store, "قافله");
  g_assert_nonnull (find_hit (new_hits, new_uuid, FALSE));

  /* Opened again: nothing more to migrate, the index intact. */
  g_clear_object (&store);
  store = attest_store_open (path, &error);
  g_assert_no_error (error);
  db = _attest_store_get_db (store);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles_fts_docsize"), ==, 3);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles_fts (articles_fts) "
                                     "VALUES ('integrity-check')", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO annotations_fts (annotations_fts) "
                                     "VALUES ('integrity-check')", NULL, NULL, NULL), ==,
                   SQLITE_OK);

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_unlink (child);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/attest/arabic/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/attest/arabic/fold", test_fold);
  g_test_add_func ("/attest/arabic/find", test_find);
  ADD ("import/text", test_import_text);
  ADD ("import/html", test_import_html);
  ADD ("import/mixed-paragraph", test_mixed_paragraph);
  ADD ("export/json", test_export_json);
  ADD ("export/w3c", test_export_w3c);
  ADD ("export/csv", test_export_csv);
  ADD ("search/folding", test_search);
  ADD ("search/precision", test_search_precision);
  ADD ("search/annotations", test_search_annotations);
  g_test_add_func ("/attest/arabic/migrate-version-5", test_migrate_version_5);

#undef ADD

  return g_test_run ();
}
