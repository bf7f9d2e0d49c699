/* suggest-run.c: the suggestion engine on one text file, for the benchmark and for scoring
 * with ../shared/tools/quote-score.
 *
 *   suggest-run [--date YYYY-MM-DD] FILE          prints the suggestions as JSON
 *   suggest-run --time [--words N] FILE           repeats FILE to N words (default 5000) and
 *                                                 prints the mean milliseconds of 20 runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "attest-suggest.h"

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean word = g_unichar_isalnum (g_utf8_get_char (p));

      if (word && !in_word)
        n++;
      in_word = word;
    }
  return n;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  gboolean time = FALSE;
  int words = 5000;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, "Publication date", "YYYY-MM-DD" },
    { "time", 0, 0, G_OPTION_ARG_NONE, &time, "Time the engine on FILE grown to --words", NULL },
    { "words", 0, 0, G_OPTION_ARG_INT, &words, "Words for --time (default 5000)", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("suggest-run: %s\n", error ? error->message : "one FILE please");
      return 2;
    }
  if (!g_file_get_contents (argv[1], &text, NULL, &error))
    {
      g_printerr ("suggest-run: %s\n", error->message);
      return 1;
    }

  if (time)
    {
      g_autoptr(GString) big = g_string_new (NULL);
      g_autoptr(GPtrArray) warm = NULL;
      gint64 start;
      guint n_quotes = 0;
      const guint runs = 20;

      /* Whole copies of the article, separated as paragraphs, up to the word count. */
      while (count_words (big->str) < (guint) words)
        {
          if (big->len > 0)
            g_string_append (big, "\n\n");
          g_string_append (big, text);
        }
      warm = attest_suggest (big->str, date, NULL, NULL);  /* loads the word lists */
      start = g_get_monotonic_time ();
      for (guint i = 0; i < runs; i++)
        {
          g_autoptr(GPtrArray) s = attest_suggest (big->str, date, NULL, NULL);

          n_quotes = s->len;
        }
      g_print ("%.3f ms for %u words (%u suggestions)\n",
               (g_get_monotonic_time () - start) / 1000.0 / runs, count_words (big->str),
               n_quotes);
      return 0;
    }

  {
    g_autoptr(GPtrArray) suggestions = attest_suggest (text, date, NULL, NULL);
    g_autoptr(JsonNode) root = attest_suggestions_to_json (suggestions);
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autofree char *json = NULL;

    json_generator_set_pretty (generator, TRUE);
    json_generator_set_root (generator, root);
    json = json_generator_to_data (generator, NULL);
    /* Bytes as they are: g_print would convert them to the locale's charset. */
    fputs (json, stdout);
    fputc ('\n', stdout);
  }
  return 0;
}
