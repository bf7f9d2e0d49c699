/* attest-suggest-lexicon.c: the suggestion engine's word lists — reporting verbs, the words
 * that tell a speaker's kind, titles, news outlets, casualty words, place names — read once
 * from the core's resources (/io/attest/Attest/suggest/) or from $ATTEST_DATA_DIR/suggest,
 * and never changed after, so threads share them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-suggest"

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "attest-suggest-private.h"
#include "attest-geo.h"

#define RESOURCE_DIR "/io/attest/Attest/suggest/"

/* The file's bytes from the core's resources, else from $ATTEST_DATA_DIR/suggest. */
static GBytes *
load_list (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  const char *dir;
  GBytes *bytes;
  char *contents;
  gsize length;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes != NULL)
    return bytes;

  dir = g_getenv ("ATTEST_DATA_DIR");
  if (dir != NULL)
    {
      g_autofree char *file = g_build_filename (dir, "suggest", name, NULL);

      if (g_file_get_contents (file, &contents, &length, &error))
        return g_bytes_new_take (contents, length);
    }

  g_debug ("No word list %s: suggestions will miss what it lists (%s)", name,
           error != NULL ? error->message : "not in the resources");
  return NULL;
}

/* Calls func with the words of each line that is not blank or a comment. */
static void
read_lines (const char               *name,
            void      (*func) (char **words,
            gpointer data),
            gpointer                  data)
{
  g_autoptr(GBytes) bytes = load_list (name);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (bytes == NULL)
    return;

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      words = g_strsplit_set (lines[i], " \t", -1);
      for (guint k = 0; words[k] != NULL; k++)
        if (words[k][0] != '\0')
          g_ptr_array_add (kept, words[k]);
      g_ptr_array_add (kept, NULL);
      func ((char **) kept->pdata, data);
    }
}

static void
add_verb (char     **words,
          gpointer   data)
{
  _SuggestLexicon *lex = data;
  guint flags = 0;

  for (guint i = 1; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], "clause"))
        flags |= _VERB_CLAUSE;
      else if (g_str_equal (words[i], "that"))
        flags |= _VERB_THAT;
      else if (g_str_equal (words[i], "object"))
        flags |= _VERB_OBJECT;
      else if (g_str_equal (words[i], "as"))
        flags |= _VERB_AS;
      else if (g_str_equal (words[i], "expect"))
        flags |= _VERB_EXPECT;
      else if (g_str_equal (words[i], "direct"))
        flags |= _VERB_DIRECT;
    }
  if (g_str_has_suffix (words[0], "ing"))
    flags |= _VERB_GERUND;
  g_hash_table_replace (lex->verbs, g_ascii_strdown (words[0], -1), GUINT_TO_POINTER (flags));
}

static void
add_kind (char     **words,
          gpointer   data)
{
  _SuggestLexicon *lex = data;

  if (words[1] != NULL)
    g_hash_table_replace (lex->kinds, g_utf8_strdown (words[0], -1), g_strdup (words[1]));
}

static void
add_word (char     **words,
          gpointer   data)
{
  GHashTable *set = data;
  g_autofree char *joined = g_strjoinv (" ", words);
  char *lower = g_utf8_strdown (joined, -1);

  g_hash_table_replace (set, lower, lower);
}

static void
add_media (char     **words,
           gpointer   data)
{
  _SuggestLexicon *lex = data;

  add_word (words, lex->media);
  lex->media_max_words = MAX (lex->media_max_words, g_strv_length (words));
}

static void
add_casualty (char     **words,
              gpointer   data)
{
  _SuggestLexicon *lex = data;

  if (words[1] != NULL)
    g_hash_table_replace (lex->casualties, g_utf8_strdown (words[0], -1), g_strdup (words[1]));
}

static void
add_place_stop (char     **words,
                gpointer   data)
{
  _SuggestLexicon *lex = data;
  g_autofree char *joined = g_strjoinv (" ", words);
  char *key = attest_geo_name_key (joined);

  g_hash_table_replace (lex->place_stop, key, key);
}

static guint
count_words (const char *key)
{
  guint n = 1;

  for (const char *p = key; *p != '\0'; p++)
    n += *p == ' ';
  return n;
}

/* Every first-level subdivision of iso-codes by name key. attest-geo answers prefix queries,
 * so one query per leading character lists them all. */
static void
index_places (_SuggestLexicon *lex)
{
  static const char leads[] = "abcdefghijklmnopqrstuvwxyz0123456789";

  for (const char *c = leads; *c != '\0'; c++)
    {
      char query[2] = { *c, '\0' };
      g_autoptr(GPtrArray) found = attest_geo_find_subdivisions (query, NULL, G_MAXUINT);

      for (guint i = 0; i < found->len; i++)
        {
          AttestGeoEntry *entry = g_steal_pointer (&found->pdata[i]);
          char *key = attest_geo_name_key (entry->name);
          GPtrArray *same;

          g_ptr_array_add (lex->geo_entries, entry);
          if (*key == '\0' || g_hash_table_contains (lex->place_stop, key))
            {
              g_free (key);
              continue;
            }
          same = g_hash_table_lookup (lex->subdivisions, key);
          if (same == NULL)
            {
              same = g_ptr_array_new ();
              g_hash_table_insert (lex->subdivisions, g_strdup (key), same);
            }
          g_ptr_array_add (same, entry);
          lex->place_max_words = MAX (lex->place_max_words, count_words (key));
          g_free (key);
        }
    }

  /* Countries only decide between subdivisions of the same name ("Florida" is in the US
   * and in Uruguay): the one whose country the article names wins. */
  for (char a = 'A'; a <= 'Z'; a++)
    for (char b = 'A'; b <= 'Z'; b++)
      {
        char code[3] = { a, b, '\0' };
        g_autoptr(AttestGeoEntry) country = attest_geo_find_country (code);

        if (country != NULL)
          g_hash_table_replace (lex->countries, attest_geo_name_key (country->name),
                                g_strdup (country->code));
      }
}

static _SuggestLexicon *
lexicon_load (void)
{
  _SuggestLexicon *lex = g_new0 (_SuggestLexicon, 1);

  lex->verbs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lex->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lex->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lex->media = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lex->casualties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lex->place_stop = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lex->subdivisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  lex->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lex->geo_entries = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_geo_entry_free);

  read_lines ("reporting-verbs.txt", add_verb, lex);
  read_lines ("speaker-kinds.txt", add_kind, lex);
  read_lines ("titles.txt", add_word, lex->titles);
  read_lines ("media.txt", add_media, lex);
  read_lines ("casualties.txt", add_casualty, lex);
  read_lines ("place-stopwords.txt", add_place_stop, lex);
  index_places (lex);

  return lex;
}

const _SuggestLexicon *
_attest_suggest_lexicon (void)
{
  static _SuggestLexicon *lex;

  if (g_once_init_enter (&lex))
    g_once_init_leave (&lex, lexicon_load ());
  return lex;
}

const char *
_attest_suggest_kind_of_word (const _SuggestLexicon *lex,
                              const char            *lower,
                              gboolean              *plural)
{
  const char *kind;
  gsize len = strlen (lower);
  char stem[64];

  if (plural != NULL)
    *plural = FALSE;
  if ((kind = g_hash_table_lookup (lex->kinds, lower)) != NULL)
    return kind;
  if (len < 3 || len >= sizeof stem)
    return NULL;

  /* authorities → authority, spokesmen → spokesman, witnesses → witness, officials → official */
  memcpy (stem, lower, len + 1);
  if (g_str_has_suffix (lower, "ies"))
    strcpy (stem + len - 3, "y");
  else if (g_str_has_suffix (lower, "men"))
    strcpy (stem + len - 3, "man");
  else if (g_str_has_suffix (lower, "sses") || g_str_has_suffix (lower, "shes"))
    stem[len - 2] = '\0';
  else if (lower[len - 1] == 's')
    stem[len - 1] = '\0';
  else
    return NULL;

  if ((kind = g_hash_table_lookup (lex->kinds, stem)) != NULL && plural != NULL)
    *plural = TRUE;
  return kind;
}
