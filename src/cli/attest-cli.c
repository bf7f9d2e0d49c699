/* attest-cli.c: the Attest core from the command line, for scripts and headless machines.
 *
 * Exit codes: 0 success, 1 the command failed (the message says why), 2 usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-cli"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "attest-cli-private.h"
#include "attest-refi.h"




typedef int (*CommandFunc) (Options *opts, int argc, char **argv);

typedef struct
{
  const char   *name;
  const char   *args;
  const char   *summary;
  CommandFunc   func;
  gboolean      needs_project;
  GOptionEntry *entries;
} Command;

Options opts;

static GOptionEntry project_entries[] = {
  { "project", 'p', 0, G_OPTION_ARG_FILENAME, &opts.project,
    N_("The project file"), N_("PROJECT") },
  { NULL }
};

static GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opts.json, N_("Print JSON for scripts"), NULL },
  { NULL }
};

static GOptionEntry init_entries[] = {
  { "name", 0, 0, G_OPTION_ARG_STRING, &opts.name, N_("A name for the project"), N_("NAME") },
  { NULL }
};

static GOptionEntry import_entries[] = {
  { "title", 0, 0, G_OPTION_ARG_STRING, &opts.title, N_("Title (default: first line)"), N_("TITLE") },
  { "byline", 0, 0, G_OPTION_ARG_STRING, &opts.byline, N_("Author(s)"), N_("BYLINE") },
  { "outlet", 0, 0, G_OPTION_ARG_STRING, &opts.outlet, N_("Publication"), N_("OUTLET") },
  { "url", 0, 0, G_OPTION_ARG_STRING, &opts.url, N_("Where it was published"), N_("URL") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opts.date, N_("Publication date"), N_("YYYY-MM-DD") },
  { "language", 0, 0, G_OPTION_ARG_STRING, &opts.language, N_("Language tag"), N_("LANG") },
  { NULL }
};

static GOptionEntry annotate_entries[] = {
  { "text", 't', 0, G_OPTION_ARG_STRING, &opts.text,
    N_("The exact words to mark (must occur once in the article)"), N_("TEXT") },
  { "kind", 'k', 0, G_OPTION_ARG_STRING, &opts.kind,
    N_("direct, indirect, claim or note"), N_("KIND") },
  { "speaker", 's', 0, G_OPTION_ARG_STRING, &opts.speaker,
    N_("Who is quoted (a source's name or alias; created if new)"), N_("NAME") },
  { "speaker-kind", 0, 0, G_OPTION_ARG_STRING, &opts.speaker_kind,
    N_("Kind of a new speaker: official, expert, resident, …"), N_("KIND") },
  { "comment", 'c', 0, G_OPTION_ARG_STRING, &opts.comment, N_("A comment"), N_("TEXT") },
  { "coder", 0, 0, G_OPTION_ARG_STRING, &opts.coder, N_("Who coded it"), N_("NAME") },
  { NULL }
};

static GOptionEntry export_entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opts.format,
    N_("json, csv, w3c (Web Annotation), qdc (REFI-QDA codebook) or qdpx (REFI-QDA project)"),
    N_("FORMAT") },
  { "table", 0, 0, G_OPTION_ARG_STRING, &opts.table,
    N_("CSV table: quotes, annotations, sources, articles, incidents or tags (default quotes)"),
    N_("TABLE") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, N_("The file to write"), N_("FILE") },
  { "collection", 0, 0, G_OPTION_ARG_STRING, &opts.collection,
    N_("Only this collection (name or id) and what belongs to its articles"), N_("NAME") },
  { "excel", 0, 0, G_OPTION_ARG_NONE, &opts.excel,
    N_("CSV for spreadsheets: start with a UTF-8 byte-order mark"), NULL },
  { NULL }
};

static GOptionEntry extract_entries[] = {
  { "time", 0, 0, G_OPTION_ARG_NONE, &opts.time,
    N_("Print the mean time of 10 extractions in milliseconds instead of the text"), NULL },
  { NULL }
};

static GOptionEntry search_entries[] = {
  { "limit", 'n', 0, G_OPTION_ARG_INT, &opts.limit, N_("At most this many hits (default 50)"),
    N_("N") },
  { NULL }
};

int
fail (GError *error)
{
  g_printerr ("attest-cli: %s\n", error->message);
  return EXIT_FAILED;
}

AttestStore *
open_project (GError **error)
{
  return attest_store_open (opts.project, error);
}

void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static void
build_article (JsonBuilder   *builder,
               AttestArticle *article)
{
  add_string (builder, "uuid", attest_article_get_uuid (article));
  add_string (builder, "title", attest_article_get_title (article));
  add_string (builder, "byline", attest_article_get_byline (article));
  add_string (builder, "outlet", attest_article_get_outlet (article));
  add_string (builder, "url", attest_article_get_url (article));
  add_string (builder, "published", attest_article_get_published (article));
  add_string (builder, "language", attest_article_get_language (article));
  add_string (builder, "origin", attest_article_get_origin (article));
  add_string (builder, "imported_at", attest_article_get_imported_at (article));
  add_int (builder, "n_annotations", attest_article_get_n_annotations (article));
}

static void
build_annotation (JsonBuilder      *builder,
                  AttestAnnotation *annotation)
{
  json_builder_begin_object (builder);
  add_string (builder, "uuid", attest_annotation_get_uuid (annotation));
  add_string (builder, "article", attest_annotation_get_article_uuid (annotation));
  add_string (builder, "kind", attest_annotation_kind_to_string (attest_annotation_get_kind (annotation)));
  add_int (builder, "start", attest_annotation_get_start (annotation));
  add_int (builder, "end", attest_annotation_get_end (annotation));
  add_string (builder, "text", attest_annotation_get_exact (annotation));
  add_string (builder, "speaker", attest_annotation_get_speaker_name (annotation));
  add_string (builder, "speaker_uuid", attest_annotation_get_speaker_uuid (annotation));
  add_string (builder, "speaker_kind", attest_annotation_get_speaker_kind (annotation));
  add_string (builder, "comment", attest_annotation_get_comment (annotation));
  add_string (builder, "coder", attest_annotation_get_coder (annotation));
  json_builder_end_object (builder);
}

static void
print_annotation_line (AttestAnnotation *annotation)
{
  const char *speaker = attest_annotation_get_speaker_name (annotation);
  const char *kind = attest_annotation_get_speaker_kind (annotation);

  g_print ("%s\t%s\t%u–%u\t%s%s%s%s\t%s\n",
           attest_annotation_get_uuid (annotation),
           attest_annotation_kind_to_string (attest_annotation_get_kind (annotation)),
           attest_annotation_get_start (annotation),
           attest_annotation_get_end (annotation),
           speaker ? speaker : "—",
           kind ? " (" : "", kind ? kind : "", kind ? ")" : "",
           attest_annotation_get_exact (annotation));
}

/* Commands */

static int
cmd_init (Options  *o,
          int       argc,
          char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;

  if (!(store = attest_store_create (o->project, &error)))
    return fail (error);
  if (o->name != NULL && !attest_store_set_project_name (store, o->name, &error))
    return fail (error);

  g_print (_("Created project “%s” at %s (%s)\n"), attest_store_get_project_name (store),
           o->project, attest_store_get_project_uuid (store));
  return EXIT_SUCCESS;
}

static gboolean
is_web_address (const char *arg)
{
  return g_ascii_strncasecmp (arg, "http://", 7) == 0
         || g_ascii_strncasecmp (arg, "https://", 8) == 0;
}

typedef enum
{
  IMPORTED,
  DUPLICATE,
  FAILED,
} ImportOutcome;

static ImportOutcome
import_url (AttestStore             *store,
            const char              *url,
            const AttestArticleMeta *meta)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestFetchResult) fetched = NULL;
  g_autofree char *uuid = NULL;
  AttestFetchOptions options = { .use_system_proxy = TRUE };

  if (!(fetched = attest_fetch_url (url, &options, NULL, &error))
      || !(uuid = attest_store_import_fetched (store, fetched, meta, &error)))
    {
      gboolean duplicate = g_error_matches (error, ATTEST_ERROR, ATTEST_ERROR_DUPLICATE);

      g_printerr ("%s: %s: %s\n", duplicate ? "duplicate" : "skipped", url, error->message);
      return duplicate ? DUPLICATE : FAILED;
    }

  g_print ("%s\t%s\n", uuid, url);
  return IMPORTED;
}

/* Told once the file's batch is committed: an article listed here is in the project. */
static void
on_file_imported (GFile        *file,
                  const char   *uuid,
                  const GError *error,
                  guint         done,
                  guint         total,
                  gpointer      user_data)
{
  g_autofree char *display = g_file_get_parse_name (file);
  guint *n_committed = user_data;

  if (uuid != NULL)
    {
      (*n_committed)++;
      g_print ("%s\t%s\n", uuid, display);
    }
  else if (g_error_matches (error, ATTEST_ERROR, ATTEST_ERROR_DUPLICATE))
    g_printerr ("duplicate: %s: %s\n", display, error->message);
  else
    g_printerr ("skipped: %s: %s\n", display, error->message);
}

static int
cmd_import (Options  *o,
            int       argc,
            char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AttestImportSummary) summary = NULL;
  AttestArticleMeta meta = {
    .title = o->title, .byline = o->byline, .outlet = o->outlet, .url = o->url,
    .published = o->date, .language = o->language,
  };
  guint n_urls = 0, n_url_imported = 0, n_url_duplicates = 0, n_url_failed = 0;
  guint n_imported, n_duplicates, n_failed;
  guint n_committed = 0;

  if (argc < 1)
    {
      g_printerr (_("attest-cli: import needs at least one file, folder or web address\n"));
      return EXIT_USAGE;
    }
  if (!(store = open_project (&error)))
    return fail (error);

  for (int i = 0; i < argc; i++)
    {
      if (!is_web_address (argv[i]))
        {
          g_ptr_array_add (inputs, g_file_new_for_commandline_arg (argv[i]));
          continue;
        }

      n_urls++;
      switch (import_url (store, argv[i], &meta))
        {
        case IMPORTED:
          n_url_imported++;
          break;
        case DUPLICATE:
          n_url_duplicates++;
          break;
        case FAILED:
        default:
          n_url_failed++;
        }
    }

  if (!(summary = attest_import_files_full (store, inputs, &meta, NULL, on_file_imported,
                                            &n_committed, NULL, &error)))
    {
      guint n_in = n_committed + n_url_imported;

      fail (error);
      if (n_in == 0)
        g_printerr (_("Nothing was imported.\n"));
      else
        g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                 "Only the %u article listed above was imported.\n",
                                 "Only the %u articles listed above were imported.\n", n_in),
                    n_in);
      return EXIT_FAILED;
    }

  n_imported = summary->n_imported + n_url_imported;
  n_duplicates = summary->n_duplicates + n_url_duplicates;
  n_failed = summary->n_failed + n_url_failed;
  if (n_imported + n_duplicates + n_failed > 1 || summary->n_skipped > 0)
    g_printerr (_("%u imported, %u duplicates, %u failed, %u other files skipped\n"),
                n_imported, n_duplicates, n_failed, summary->n_skipped);

  return n_failed > 0 ? EXIT_FAILED : EXIT_SUCCESS;
}

static int
list_articles (AttestStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = attest_store_list_articles (store, &error);

  if (articles == NULL)
    return fail (error);

  if (opts.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < articles->len; i++)
        {
          json_builder_begin_object (builder);
          build_article (builder, g_ptr_array_index (articles, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < articles->len; i++)
    {
      AttestArticle *a = g_ptr_array_index (articles, i);

      g_print ("%s\t%s\t%s\t%s\t%u\n", attest_article_get_uuid (a),
               attest_article_get_title (a),
               attest_article_get_outlet (a) ? attest_article_get_outlet (a) : "—",
               attest_article_get_published (a) ? attest_article_get_published (a) : "—",
               attest_article_get_n_annotations (a));
    }
  return EXIT_SUCCESS;
}

static int
list_sources (AttestStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = attest_store_list_sources (store, &error);

  if (sources == NULL)
    return fail (error);

  if (opts.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < sources->len; i++)
        {
          AttestSource *s = g_ptr_array_index (sources, i);
          const char * const *aliases = attest_source_get_aliases (s);

          json_builder_begin_object (builder);
          add_string (builder, "uuid", attest_source_get_uuid (s));
          add_string (builder, "name", attest_source_get_name (s));
          add_string (builder, "kind", attest_source_get_kind (s));
          add_string (builder, "role", attest_source_get_role (s));
          add_string (builder, "affiliation", attest_source_get_affiliation (s));
          json_builder_set_member_name (builder, "aliases");
          json_builder_begin_array (builder);
          for (guint j = 0; aliases[j] != NULL; j++)
            json_builder_add_string_value (builder, aliases[j]);
          json_builder_end_array (builder);
          add_int (builder, "n_quotes", attest_source_get_n_quotes (s));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < sources->len; i++)
    {
      AttestSource *s = g_ptr_array_index (sources, i);

      g_print ("%s\t%s\t%s\t%u\n", attest_source_get_uuid (s), attest_source_get_name (s),
               attest_source_get_kind (s), attest_source_get_n_quotes (s));
    }
  return EXIT_SUCCESS;
}

static int
print_annotations (GPtrArray *annotations)
{
  if (opts.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < annotations->len; i++)
        build_annotation (builder, g_ptr_array_index (annotations, i));
      json_builder_end_array (builder);
      print_json (builder);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < annotations->len; i++)
    print_annotation_line (g_ptr_array_index (annotations, i));
  return EXIT_SUCCESS;
}

static int
cmd_list (Options  *o,
          int       argc,
          char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GPtrArray) annotations = NULL;

  if (argc != 1 || (!g_str_equal (argv[0], "articles") && !g_str_equal (argv[0], "sources")
                    && !g_str_equal (argv[0], "annotations")))
    {
      g_printerr (_("attest-cli: list what? articles, sources or annotations\n"));
      return EXIT_USAGE;
    }
  if (!(store = open_project (&error)))
    return fail (error);

  if (g_str_equal (argv[0], "articles"))
    return list_articles (store);
  if (g_str_equal (argv[0], "sources"))
    return list_sources (store);

  if (!(annotations = attest_store_list_annotations (store, NULL, &error)))
    return fail (error);
  return print_annotations (annotations);
}

static int
cmd_show (Options  *o,
          int       argc,
          char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(AttestArticle) article = NULL;
  g_autoptr(GPtrArray) annotations = NULL;

  if (argc != 1)
    {
      g_printerr (_("attest-cli: show needs one article id\n"));
      return EXIT_USAGE;
    }
  if (!(store = open_project (&error))
      || !(article = attest_store_get_article (store, argv[0], &error))
      || !(annotations = attest_store_list_annotations (store, attest_article_get_uuid (article),
                                                        &error)))
    return fail (error);

  if (o->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      build_article (builder, article);
      add_string (builder, "text", attest_article_get_body (article));
      json_builder_set_member_name (builder, "annotations");
      json_builder_begin_array (builder);
      for (guint i = 0; i < annotations->len; i++)
        build_annotation (builder, g_ptr_array_index (annotations, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return EXIT_SUCCESS;
    }

  g_print ("%s\n", attest_article_get_title (article));
  if (attest_article_get_outlet (article) || attest_article_get_published (article))
    g_print ("%s%s%s\n",
             attest_article_get_outlet (article) ? attest_article_get_outlet (article) : "",
             attest_article_get_outlet (article) && attest_article_get_published (article) ? ", " : "",
             attest_article_get_published (article) ? attest_article_get_published (article) : "");
  g_print ("%s\n\n%s\n", attest_article_get_uuid (article), attest_article_get_body (article));
  if (annotations->len > 0)
    {
      g_print ("\n%s\n", _("Annotations:"));
      for (guint i = 0; i < annotations->len; i++)
        print_annotation_line (g_ptr_array_index (annotations, i));
    }
  return EXIT_SUCCESS;
}

static int
cmd_search (Options  *o,
            int       argc,
            char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *query = NULL;

  if (argc < 1)
    {
      g_printerr (_("attest-cli: search needs words to look for\n"));
      return EXIT_USAGE;
    }
  query = g_strjoinv (" ", argv);
  if (!(store = open_project (&error))
      || !(hits = attest_store_search (store, query, MAX (o->limit, 0), &error)))
    return fail (error);

  if (o->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < hits->len; i++)
        {
          AttestSearchHit *hit = g_ptr_array_index (hits, i);

          json_builder_begin_object (builder);
          add_string (builder, "article", hit->article_uuid);
          add_string (builder, "title", hit->title);
          add_string (builder, "annotation", hit->annotation_uuid);
          add_string (builder, "snippet", hit->snippet);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_double_value (builder, hit->rank);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      AttestSearchHit *hit = g_ptr_array_index (hits, i);

      g_print ("%s\t%s%s\t%s\n", hit->article_uuid, hit->annotation_uuid ? _("quote in ") : "",
               hit->title, hit->snippet);
    }
  if (hits->len == 0)
    g_printerr (_("No matches.\n"));
  return EXIT_SUCCESS;
}

static int
cmd_annotate (Options  *o,
              int       argc,
              char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(AttestArticle) article = NULL;
  g_autoptr(AttestAnnotation) annotation = NULL;
  AttestAnnotationKind kind;
  guint start, end;

  if (argc != 1 || o->text == NULL || o->kind == NULL)
    {
      g_printerr (_("attest-cli: annotate needs ARTICLE, --text and --kind\n"));
      return EXIT_USAGE;
    }
  if (!attest_annotation_kind_from_string (o->kind, &kind))
    {
      g_printerr (_("attest-cli: --kind must be direct, indirect, claim or note, not “%s”\n"),
                  o->kind);
      return EXIT_USAGE;
    }

  if (!(store = open_project (&error))
      || !(article = attest_store_get_article (store, argv[0], &error))
      || !attest_find_unique_span (attest_article_get_body (article), o->text, &start, &end,
                                   &error)
      || !(annotation = attest_store_annotate_span (store, attest_article_get_uuid (article),
                                                    kind, start, end, o->speaker,
                                                    o->speaker_kind, o->comment, o->coder,
                                                    &error)))
    return fail (error);

  g_print ("%s\n", attest_annotation_get_uuid (annotation));
  return EXIT_SUCCESS;
}

static int
cmd_export (Options  *o,
            int       argc,
            char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *collection = NULL;
  AttestExportScope scope = { 0 };
  AttestCsvTable table = ATTEST_CSV_QUOTES;

  /* The exchange formats: the whole project, for other annotation and QDA tools. */
  if (o->format != NULL && (g_str_equal (o->format, "w3c") || g_str_equal (o->format, "qdc")
                            || g_str_equal (o->format, "qdpx")))
    {
      if (argc != 0 || o->output == NULL || o->table != NULL || o->collection != NULL)
        {
          g_printerr (_("attest-cli: export --format %s needs -o FILE and takes no --table or "
                        "--collection\n"), o->format);
          return EXIT_USAGE;
        }
      file = g_file_new_for_commandline_arg (o->output);
      if (!(store = open_project (&error))
          || !attest_export_exchange_to_file (store, o->format, file, NULL, &error))
        return fail (error);
      g_printerr (_("Wrote %s\n"), o->output);
      return EXIT_SUCCESS;
    }

  if (argc != 0 || o->format == NULL || o->output == NULL
      || (!g_str_equal (o->format, "json") && !g_str_equal (o->format, "csv")))
    {
      g_printerr (_("attest-cli: export needs --format json|csv|w3c|qdc|qdpx and -o FILE\n"));
      return EXIT_USAGE;
    }
  if (o->table != NULL && !attest_csv_table_from_string (o->table, &table))
    {
      g_printerr (_("attest-cli: --table must be quotes, annotations, sources, articles, tags or "
                    "incidents, not “%s”\n"), o->table);
      return EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (o->output);
  if (!(store = open_project (&error)))
    return fail (error);
  if (o->collection != NULL && !(collection = find_collection (store, o->collection, &error)))
    return fail (error);

  scope.collection_uuid = collection;
  scope.excel = o->excel;
  if (!attest_export_to_file_scoped (store, &scope, o->format, table, file, NULL, &error))
    return fail (error);

  g_printerr (_("Wrote %s\n"), o->output);
  return EXIT_SUCCESS;
}

static int
cmd_extract (Options  *o,
             int       argc,
             char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AttestHtmlArticle) page = NULL;
  g_autoptr(AttestPdfText) pdf = NULL;
  const char *data;
  gsize length;

  if (argc != 1)
    {
      g_printerr (_("attest-cli: extract needs one HTML or PDF file\n"));
      return EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[0]);
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)))
    return fail (error);
  data = g_bytes_get_data (bytes, &length);

  /* For benchmarks: the extractor's own time, without the process around it. */
  if (o->time)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < 10; i++)
        {
          g_autoptr(AttestHtmlArticle) run = attest_html_extract (data, length, NULL, NULL,
                                                                  &error);

          if (run == NULL)
            return fail (error);
        }
      g_print ("%.3f\n", (g_get_monotonic_time () - start) / 10000.0);
      return EXIT_SUCCESS;
    }

  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    {
      if (!(pdf = attest_pdf_extract (bytes, &error)))
        return fail (error);
    }
  else if (!(page = attest_html_extract (data, length, NULL, NULL, &error)))
    return fail (error);

  if (o->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "text", page ? page->text : pdf->text);
      add_string (builder, "title", page ? page->title : pdf->title);
      add_string (builder, "byline", page ? page->byline : pdf->author);
      add_string (builder, "site_name", page ? page->site_name : NULL);
      add_string (builder, "published", page ? page->published : NULL);
      add_string (builder, "language", page ? page->language : NULL);
      add_string (builder, "canonical_url", page ? page->canonical_url : NULL);
      add_string (builder, "description", page ? page->description : NULL);
      json_builder_end_object (builder);
      print_json (builder);
      return EXIT_SUCCESS;
    }

  g_print ("%s\n", page ? page->text : pdf->text);
  return EXIT_SUCCESS;
}

static int
cmd_stats (Options  *o,
           int       argc,
           char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;
  AttestStats stats;

  if (!(store = open_project (&error)) || !attest_store_get_stats (store, &stats, &error))
    return fail (error);

  if (o->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "project", attest_store_get_project_name (store));
      add_string (builder, "uuid", attest_store_get_project_uuid (store));
      add_int (builder, "articles", stats.articles);
      add_int (builder, "sources", stats.sources);
      add_int (builder, "annotations", stats.annotations);
      add_int (builder, "quotes", stats.quotes);
      for (guint k = 0; k < ATTEST_ANNOTATION_N_KINDS; k++)
        add_int (builder, attest_annotation_kind_to_string (k), stats.by_kind[k]);
      add_int (builder, "tags", stats.tags);
      add_int (builder, "incidents", stats.incidents);
      add_int (builder, "collections", stats.collections);
      json_builder_end_object (builder);
      print_json (builder);
      return EXIT_SUCCESS;
    }

  g_print (_("Project:      %s (%s)\n"), attest_store_get_project_name (store),
           attest_store_get_project_uuid (store));
  g_print (_("Articles:     %u\n"), stats.articles);
  g_print (_("Sources:      %u\n"), stats.sources);
  g_print (_("Annotations:  %u (%u direct quotes, %u indirect, %u claims, %u notes)\n"),
           stats.annotations, stats.by_kind[ATTEST_ANNOTATION_DIRECT],
           stats.by_kind[ATTEST_ANNOTATION_INDIRECT], stats.by_kind[ATTEST_ANNOTATION_CLAIM],
           stats.by_kind[ATTEST_ANNOTATION_NOTE]);
  g_print (_("Tags:         %u\n"), stats.tags);
  g_print (_("Incidents:    %u\n"), stats.incidents);
  g_print (_("Collections:  %u\n"), stats.collections);
  return EXIT_SUCCESS;
}

static int
cmd_import_refi (Options  *o,
                 int       argc,
                 char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AttestRefiImportSummary) summary = NULL;
  gboolean ok;

  if (argc != 1)
    {
      g_printerr (_("attest-cli: import-refi needs one .qdpx or .qdc file\n"));
      return EXIT_USAGE;
    }
  if (!(store = open_project (&error)))
    return fail (error);

  file = g_file_new_for_commandline_arg (argv[0]);
  if (g_str_has_suffix (argv[0], ".qdc") || g_str_has_suffix (argv[0], ".QDC"))
    ok = attest_refi_import_qdc (store, file, NULL, &summary, &error);
  else
    ok = attest_refi_import_qdpx (store, file, NULL, &summary, &error);
  if (!ok)
    return fail (error);

  for (guint i = 0; i < summary->article_uuids->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (summary->article_uuids, i));
  for (guint i = 0; i < summary->warnings->len; i++)
    g_printerr ("skipped: %s\n", (const char *) g_ptr_array_index (summary->warnings, i));
  g_printerr (_("%u articles added (%u already in the project), %u tags, %u sources, "
                "%u annotations (%u already there), %u things skipped\n"),
              summary->n_articles, summary->n_existing_articles, summary->n_tags,
              summary->n_sources, summary->n_annotations, summary->n_duplicates,
              summary->n_skipped);
  return EXIT_SUCCESS;
}

static Command commands[] = {
  { "init", "", N_("Create a new, empty project"), cmd_init, TRUE, init_entries },
  { "import", N_("FILE|FOLDER|URL…"),
    N_("Import articles: text, Markdown, HTML and PDF files, folders, web addresses"),
    cmd_import, TRUE,
    import_entries },
  { "list", N_("articles|sources|annotations"), N_("List what the project holds"), cmd_list,
    TRUE, NULL },
  { "show", N_("ARTICLE"), N_("Print an article with its annotations"), cmd_show, TRUE, NULL },
  { "search", N_("WORDS…"), N_("Full-text search of articles and quotes"), cmd_search, TRUE,
    search_entries },
  { "annotate", N_("ARTICLE"), N_("Mark a quote, claim or note by its exact words"),
    cmd_annotate, TRUE, annotate_entries },
  { "export", "", N_("Write the project as JSON, a CSV table, W3C Web Annotations or REFI-QDA"),
    cmd_export, TRUE, export_entries },
  { "import-refi", N_("FILE.qdpx|FILE.qdc"),
    N_("Import a REFI-QDA project or codebook (ATLAS.ti, MAXQDA, NVivo, QualCoder)"),
    cmd_import_refi, TRUE, NULL },
  { "stats", "", N_("Count what the project holds"), cmd_stats, TRUE, NULL },
  { "incident", N_("add|list|show|link|export"),
    N_("Record incidents and link the evidence for them"), cmd_incident, TRUE,
    incident_entries },
  { "collection", N_("list|create NAME|add NAME ARTICLE…|add-matching NAME WORDS…"),
    N_("Named sets of articles, to export or share"), cmd_collection, TRUE, NULL },
  { "merge", N_("COLLECTION.json"),
    N_("Import an Attest JSON collection: restore it, or merge a colleague's work by UUID"),
    cmd_merge, TRUE, merge_entries },
  { "agreement", N_("[ARTICLE]"),
    N_("Intercoder agreement: Cohen's kappa and Krippendorff's alpha per dimension"),
    cmd_agreement, TRUE, NULL },
  { "place", N_("list|alias PLACE SPELLING"),
    N_("The places of the project, and other spellings of them"), cmd_place, TRUE, NULL },
  { "suggest", N_("ARTICLE|FILE"),
    N_("Suggest quotes with their speakers, dates, places and casualty figures"),
    cmd_suggest, FALSE, suggest_entries },
  { "extract", N_("FILE"), N_("Print the main text of a web page or PDF (no project needed)"),
    cmd_extract, FALSE, extract_entries },
};

static char *
commands_summary (void)
{
  GString *s = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (s, "\n  %-12s %s", commands[i].name, _(commands[i].summary));
  g_string_append (s, "\n\n");
  g_string_append (s, _("Run “attest-cli COMMAND --help” for a command's options."));
  return g_string_free (s, FALSE);
}

/* The first word that is not an option or an option's value names the command. */
static int
find_command (int    argc,
              char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "-p") || g_str_equal (argv[i], "--project"))
        i++;
      else if (argv[i][0] != '-')
        return i;
    }
  return -1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) args = NULL;
  Command *command = NULL;
  int index;
  int n_args;

  setlocale (LC_ALL, "");
  opts.lat = opts.lon = NAN;
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  index = find_command (argc, argv);
  if (index > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        if (g_str_equal (argv[index], commands[i].name))
          command = &commands[i];
      if (command == NULL)
        {
          g_printerr (_("attest-cli: unknown command “%s”; try attest-cli --help\n"),
                      argv[index]);
          return EXIT_USAGE;
        }
    }

  if (command != NULL)
    {
      g_autofree char *param = g_strdup_printf ("%s %s", command->name, _(command->args));

      context = g_option_context_new (param);
      g_option_context_set_summary (context, _(command->summary));
      if (command->entries != NULL)
        g_option_context_add_main_entries (context, command->entries, GETTEXT_PACKAGE);
      if (command->func == cmd_list || command->func == cmd_show
          || command->func == cmd_search || command->func == cmd_stats
          || command->func == cmd_extract || command->func == cmd_incident
          || command->func == cmd_place || command->func == cmd_agreement
          || command->func == cmd_suggest)
        g_option_context_add_main_entries (context, json_entries, GETTEXT_PACKAGE);
    }
  else
    {
      context = g_option_context_new (_("COMMAND [ARGS…]"));
      g_option_context_set_summary (context, _("Attest: annotate quotes and sources in news "
                                               "articles, from the command line."));
      summary = commands_summary ();
      g_option_context_set_description (context, summary);
    }
  g_option_context_add_main_entries (context, project_entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  /* Parse a copy in UTF-8 so option values with non-ASCII text survive any locale. */
  args = g_strdupv (argv);
  n_args = argc;
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("attest-cli: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (command == NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  if (command->needs_project && opts.project == NULL)
    {
      g_printerr (_("attest-cli: %s needs the project: -p PROJECT.attest\n"), command->name);
      return EXIT_USAGE;
    }

  /* args is now: program, command, positional arguments. */
  n_args = g_strv_length (args);
  return command->func (&opts, n_args - 2, args + 2);
}
