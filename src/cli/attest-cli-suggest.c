/* attest-cli-suggest.c: `attest-cli suggest ARTICLE|FILE`, the suggestion engine from the
 * command line. With -p, ARTICLE is an article of the project and the project's sources and
 * places are matched; without it, FILE is a text or Markdown file read as an import would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "attest-cli-private.h"
#include "attest-suggest.h"

/* Declared in attest-cli-private.h once the command is registered there. */
extern GOptionEntry suggest_entries[];
int cmd_suggest (Options  *o,
                 int       argc,
                 char    **argv);

GOptionEntry suggest_entries[] = {
  { "date", 0, 0, G_OPTION_ARG_STRING, &opts.date,
    N_("Publication date for a file, which relative dates are read against"), N_("YYYY-MM-DD") },
  { "time", 0, 0, G_OPTION_ARG_NONE, &opts.time,
    N_("Print the mean time of 10 runs in milliseconds instead of the suggestions"), NULL },
  { NULL }
};

typedef struct
{
  char      *body;
  char      *published;
  GPtrArray *sources;
  GPtrArray *places;
} Input;

static void
input_clear (Input *in)
{
  g_clear_pointer (&in->body, g_free);
  g_clear_pointer (&in->published, g_free);
  g_clear_pointer (&in->sources, g_ptr_array_unref);
  g_clear_pointer (&in->places, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Input, input_clear)

static gboolean
read_file (const char  *path,
           Input       *in,
           GError     **error)
{
  g_autoptr(AttestText) text = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error)
      || !(text = attest_text_parse (data, length,
                                     g_str_has_suffix (path, ".md")
                                     || g_str_has_suffix (path, ".markdown"), error)))
    return FALSE;
  in->body = g_steal_pointer (&text->body);
  in->published = g_steal_pointer (&text->published);
  return TRUE;
}

static gboolean
read_input (Options     *o,
            const char  *what,
            Input       *in,
            GError     **error)
{
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(AttestArticle) article = NULL;

  if (o->project == NULL)
    return read_file (what, in, error);

  if (!(store = open_project (error))
      || !(in->sources = attest_store_list_sources (store, error))
      || !(in->places = attest_store_list_places (store, error)))
    return FALSE;
  /* A file not imported yet may still be read against the project's sources. */
  if (g_file_test (what, G_FILE_TEST_IS_REGULAR))
    return read_file (what, in, error);
  if (!(article = attest_store_get_article (store, what, error)))
    return FALSE;
  in->body = g_strdup (attest_article_get_body (article));
  in->published = g_strdup (attest_article_get_published (article));
  return TRUE;
}

static void
print_line (AttestSuggestion *s)
{
  g_autofree char *text = g_strdup (s->text);

  g_strdelimit (text, "\n\t", ' ');
  if (s->type == ATTEST_SUGGESTION_QUOTE)
    g_print ("%s\t%s\t%u–%u\t%s%s%s%s\t%s\n",
             attest_suggestion_type_to_string (s->type),
             attest_annotation_kind_to_string (s->kind), s->start, s->end,
             s->speaker ? s->speaker : "—",
             s->speaker_kind ? " (" : "", s->speaker_kind ? s->speaker_kind : "",
             s->speaker_kind ? ")" : "", text);
  else
    g_print ("%s\t%s\t%u–%u\t%s\n", attest_suggestion_type_to_string (s->type),
             s->value ? s->value : "?", s->start, s->end, text);
}

int
cmd_suggest (Options  *o,
             int       argc,
             char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_auto(Input) in = { 0 };
  const char *published;

  if (argc != 1)
    {
      g_printerr (_("attest-cli: suggest needs one article id (with -p) or text file\n"));
      return EXIT_USAGE;
    }
  if (!read_input (o, argv[0], &in, &error))
    return fail (error);
  published = o->date != NULL ? o->date : in.published;

  /* For benchmarks: the engine's own time, without the process around it. */
  if (o->time)
    {
      gint64 start;

      g_ptr_array_unref (attest_suggest (in.body, published, in.sources, in.places));
      start = g_get_monotonic_time ();
      for (guint i = 0; i < 10; i++)
        g_ptr_array_unref (attest_suggest (in.body, published, in.sources, in.places));
      g_print ("%.3f\n", (g_get_monotonic_time () - start) / 10000.0);
      return EXIT_SUCCESS;
    }

  suggestions = attest_suggest (in.body, published, in.sources, in.places);
  if (o->json)
    {
      g_autoptr(JsonNode) root = attest_suggestions_to_json (suggestions);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *json = NULL;

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      json = json_generator_to_data (generator, NULL);
      g_print ("%s\n", json);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < suggestions->len; i++)
    print_line (g_ptr_array_index (suggestions, i));
  if (suggestions->len == 0)
    g_printerr (_("No suggestions.\n"));
  return EXIT_SUCCESS;
}
