/* attest-suggest-speakers.c: who a speaker phrase names.
 *
 * "said Iraqi Armed Forces spokesman Major General Tahsin al-Khafaji" names Tahsin
 * al-Khafaji, an official; "Al-Khafaji said" is the same man; "a Baquba resident" stays an
 * anonymous resident; "he said" is the nearest earlier speaker if that one fits a "he",
 * and nobody otherwise; "the report" is the nearest earlier speaker described as a report.
 * Named speakers are matched with the project's sources by name and alias.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-suggest"

#include "config.h"

#include <string.h>

#include "attest-suggest-private.h"
#include "attest-source.h"

#define NONE _SUGGEST_NONE
/* A pronoun reaches back at most this many paragraphs. */
#define PRONOUN_REACH 3

typedef struct
{
  char       *name;
  const char *kind;
  char       *source_uuid;
  char       *source_name;
  gboolean    person;
  gboolean    group;
  gboolean    named;
  GPtrArray  *descriptors;
  GStrv       key_words;
  guint       para;
} Entity;

typedef struct
{
  char         *uuid;
  char         *name;
  const char   *kind;
  GPtrArray    *keys;  /* char *: name and aliases */
} SourceKeys;

struct _SuggestSpeakers
{
  _SuggestText *t;
  GPtrArray    *entities;   /* Entity */
  GArray       *history;    /* int: entity of each speaker mention, in text order */
  GPtrArray    *sources;    /* SourceKeys */
};

static void
entity_free (Entity *e)
{
  g_free (e->name);
  g_free (e->source_uuid);
  g_free (e->source_name);
  g_ptr_array_unref (e->descriptors);
  g_strfreev (e->key_words);
  g_free (e);
}

static void
source_keys_free (SourceKeys *k)
{
  g_free (k->uuid);
  g_free (k->name);
  g_ptr_array_unref (k->keys);
  g_free (k);
}

_SuggestSpeakers *
_attest_speakers_new (_SuggestText *t)
{
  _SuggestSpeakers *sp = g_new0 (_SuggestSpeakers, 1);

  sp->t = t;
  sp->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) entity_free);
  sp->history = g_array_new (FALSE, FALSE, sizeof (int));
  sp->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_keys_free);

  for (guint i = 0; t->sources != NULL && i < t->sources->len; i++)
    {
      AttestSource *source = g_ptr_array_index (t->sources, i);
      SourceKeys *k = g_new0 (SourceKeys, 1);
      const char * const *aliases = attest_source_get_aliases (source);

      k->uuid = g_strdup (attest_source_get_uuid (source));
      k->name = g_strdup (attest_source_get_name (source));
      k->kind = attest_source_get_kind (source);
      k->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      if (k->name != NULL)
        g_ptr_array_add (k->keys, _attest_suggest_name_words (k->name));
      for (guint a = 0; aliases != NULL && aliases[a] != NULL; a++)
        g_ptr_array_add (k->keys, _attest_suggest_name_words (aliases[a]));
      g_ptr_array_add (sp->sources, k);
    }

  return sp;
}

void
_attest_speakers_free (_SuggestSpeakers *sp)
{
  if (sp == NULL)
    return;
  g_ptr_array_unref (sp->entities);
  g_array_unref (sp->history);
  g_ptr_array_unref (sp->sources);
  g_free (sp);
}

/* The one source whose name or alias is this name, else the one that matches it as a
 * surname or a part; NULL when none or when two do. */
static SourceKeys *
match_source (_SuggestSpeakers *sp,
              GStrv             words)
{
  SourceKeys *loose = NULL;
  guint n_loose = 0;

  if (words[0] == NULL)
    return NULL;
  for (guint i = 0; i < sp->sources->len; i++)
    {
      SourceKeys *k = g_ptr_array_index (sp->sources, i);
      gboolean matched = FALSE;

      for (guint j = 0; j < k->keys->len; j++)
        {
          GStrv key = g_ptr_array_index (k->keys, j);

          if (g_strv_equal ((const char * const *) key, (const char * const *) words))
            return k;
          matched |= _attest_suggest_names_match (key, words);
        }
      if (matched && loose != k)
        {
          loose = k;
          n_loose++;
        }
    }
  return n_loose == 1 ? loose : NULL;
}

static int
add_entity (_SuggestSpeakers *sp,
            _Phrase          *p,
            gboolean          named,
            guint             para)
{
  Entity *e = g_new0 (Entity, 1);

  e->name = g_strdup (p->name);
  e->kind = p->kind;
  e->person = p->person;
  e->group = p->group;
  e->named = named;
  e->descriptors = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < p->descriptors->len; i++)
    g_ptr_array_add (e->descriptors, g_strdup (p->descriptors->pdata[i]));
  if (p->head != NULL)
    g_ptr_array_add (e->descriptors, g_strdup (p->head));
  e->key_words = _attest_suggest_name_words (p->name);
  e->para = para;

  {
    SourceKeys *k = named || sp->sources->len > 0 ? match_source (sp, e->key_words) : NULL;

    if (k != NULL)
      {
        e->source_uuid = g_strdup (k->uuid);
        e->source_name = g_strdup (k->name);
        if (k->kind != NULL && *k->kind != '\0')
          e->kind = k->kind;
      }
  }

  g_ptr_array_add (sp->entities, e);
  return sp->entities->len - 1;
}

static void
merge_into (Entity  *e,
            _Phrase *p,
            guint    para)
{
  for (guint i = 0; i < p->descriptors->len; i++)
    if (!g_ptr_array_find_with_equal_func (e->descriptors, p->descriptors->pdata[i],
                                           g_str_equal, NULL))
      g_ptr_array_add (e->descriptors, g_strdup (p->descriptors->pdata[i]));
  if (e->kind == NULL)
    e->kind = p->kind;
  e->person |= p->person;
  e->para = para;
}

/* 'f' or 'm' when a word said of the speaker tells ("his daughter", "Mr Tong",
 * "spokeswoman"), else 0. */
static char
entity_gender (Entity *e)
{
  static const char * const female[] = {
    "daughter", "wife", "mother", "sister", "widow", "woman", "girl", "spokeswoman",
    "chairwoman", "congresswoman", "policewoman", "queen", "princess", "mrs", "ms", "miss",
    "lady", "dame", "grandmother", "aunt", "niece", NULL
  };
  static const char * const male[] = {
    "son", "husband", "father", "brother", "widower", "man", "boy", "spokesman", "chairman",
    "congressman", "policeman", "king", "prince", "mr", "sir", "lord", "grandfather", "uncle",
    "nephew", NULL
  };

  for (guint i = 0; i < e->descriptors->len; i++)
    {
      if (_attest_suggest_word_in (e->descriptors->pdata[i], female))
        return 'f';
      if (_attest_suggest_word_in (e->descriptors->pdata[i], male))
        return 'm';
    }
  return 0;
}

static gboolean
entity_fits (Entity     *e,
             const char *pronoun)
{
  if (g_str_equal (pronoun, "he"))
    return e->person && !e->group && entity_gender (e) != 'f';
  if (g_str_equal (pronoun, "she"))
    return e->person && !e->group && entity_gender (e) != 'm';
  if (g_str_equal (pronoun, "they"))
    return e->group || !e->person;
  return !e->person && !e->group;  /* it */
}

static gboolean
same_descriptor (const char *a,
                 const char *b)
{
  static const char * const sites[] = { "site", "website", NULL };
  static const char * const spokes[] = { "spokesman", "spokeswoman", "spokesperson", NULL };

  return g_str_equal (a, b)
         || (_attest_suggest_word_in (a, sites) && _attest_suggest_word_in (b, sites))
         || (_attest_suggest_word_in (a, spokes) && _attest_suggest_word_in (b, spokes));
}

static void
remember (_SuggestSpeakers *sp,
          int               entity)
{
  g_array_append_val (sp->history, entity);
}

/* "the latter": the last name before it in its sentence. */
static int
resolve_latter (_SuggestSpeakers *sp,
                guint             first)
{
  _SuggestText *t = sp->t;
  guint sent = _tok (t, first)->sent;
  guint i = first;

  while (i > 0 && _tok (t, i - 1)->sent == sent)
    {
      guint rf, rl, start;

      i--;
      if (!_attest_suggest_is_capital_word (t, i))
        continue;
      start = i;
      while (start > 0 && _tok (t, start - 1)->sent == sent
             && (_attest_suggest_is_capital_word (t, start - 1)
                 || _tok_in (t, start - 1, _attest_suggest_name_connectors)))
        start--;
      if (_attest_suggest_last_capital_run (t, start, i, &rf, &rl))
        {
          _Phrase p;
          int e;

          memset (&p, 0, sizeof p);
          p.descriptors = g_ptr_array_new_with_free_func (g_free);
          p.name = _attest_suggest_tokens_text (t, rf, rl);
          p.kind = _attest_suggest_kind_in (t, rf, rl, p.descriptors);
          e = add_entity (sp, &p, TRUE, _tok (t, first)->para);
          _attest_suggest_phrase_clear (&p);
          return e;
        }
      break;
    }
  return -1;
}

int
_attest_speakers_resolve (_SuggestSpeakers *sp,
                          guint             first,
                          guint             last,
                          guint             app_first,
                          guint             app_last,
                          int               owner)
{
  _SuggestText *t = sp->t;
  guint para = _tok (t, first)->para;
  _Phrase p;
  int found = -1;

  if (first + 1 == last && _tok_is (t, first, "the")
      && (_tok_is (t, last, "latter") || _tok_is (t, last, "former")))
    {
      found = resolve_latter (sp, first);
      if (found >= 0)
        remember (sp, found);
      return found;
    }

  if (!_attest_suggest_phrase_analyse (t, first, last, app_first, app_last, &p))
    {
      _attest_suggest_phrase_clear (&p);
      return -1;
    }

  switch (p.type)
    {
    case _PHRASE_INVALID:
      break;

    case _PHRASE_PRONOUN:
      if (sp->history->len > 0)
        {
          int last_entity = g_array_index (sp->history, int, sp->history->len - 1);
          Entity *e = last_entity >= 0 ? g_ptr_array_index (sp->entities, last_entity) : NULL;

          /* The nearest earlier speaker, if it fits; a speaker that does not fit in between
           * makes the pronoun ambiguous, and ambiguous speakers are not guessed. */
          if (e != NULL && entity_fits (e, p.pronoun) && para <= e->para + PRONOUN_REACH)
            found = last_entity;
        }
      if (found >= 0)
        ((Entity *) g_ptr_array_index (sp->entities, found))->para = para;
      else
        {
          /* Remember that someone unknown spoke: a later pronoun must not skip over it. */
          remember (sp, -1);
          _attest_suggest_phrase_clear (&p);
          return -1;
        }
      break;

    case _PHRASE_POSSESSIVE:
      {
        /* "its source" is only somebody's when the sentence says whose: "Znak.com reported its
         * source said …". */
        if (owner >= 0)
          {
            Entity *e = g_ptr_array_index (sp->entities, owner);
            char *name = g_strdup_printf ("%s's %s", e->source_name ? e->source_name : e->name,
                                          p.name);

            g_free (p.name);
            p.name = name;
          }
        found = add_entity (sp, &p, FALSE, para);
      }
      break;

    case _PHRASE_NAMED:
      {
        g_auto(GStrv) words = _attest_suggest_name_words (p.name);

        for (guint i = sp->entities->len; i-- > 0;)
          {
            Entity *e = g_ptr_array_index (sp->entities, i);

            if (e->named && _attest_suggest_names_match (e->key_words, words))
              {
                found = i;
                /* The fuller name wins: "Tahsin al-Khafaji" over "Al-Khafaji". */
                if (g_strv_length (words) > g_strv_length (e->key_words))
                  {
                    g_free (e->name);
                    e->name = g_strdup (p.name);
                    g_strfreev (e->key_words);
                    e->key_words = g_strdupv (words);
                  }
                merge_into (e, &p, para);
                break;
              }
          }
        if (found < 0)
          found = add_entity (sp, &p, TRUE, para);
      }
      break;

    case _PHRASE_DEFINITE:
      for (guint h = sp->history->len; h-- > 0 && found < 0;)
        {
          int idx = g_array_index (sp->history, int, h);
          Entity *e;

          if (idx < 0)
            continue;
          e = g_ptr_array_index (sp->entities, idx);
          for (guint d = 0; d < e->descriptors->len; d++)
            if (p.head != NULL && same_descriptor (e->descriptors->pdata[d], p.head))
              {
                found = idx;
                e->para = para;
                break;
              }
        }
      if (found < 0)
        found = add_entity (sp, &p, FALSE, para);
      break;

    case _PHRASE_ANONYMOUS:
      for (guint i = 0; i < sp->entities->len && found < 0; i++)
        {
          Entity *e = g_ptr_array_index (sp->entities, i);

          if (!e->named && g_ascii_strcasecmp (e->name, p.name) == 0)
            {
              found = i;
              e->para = para;
            }
        }
      if (found < 0)
        found = add_entity (sp, &p, FALSE, para);
      break;
    }

  if (found >= 0)
    remember (sp, found);
  _attest_suggest_phrase_clear (&p);
  return found;
}

void
_attest_speakers_mention (_SuggestSpeakers *sp,
                          guint             first,
                          guint             last)
{
  _Phrase p;

  if (_attest_suggest_phrase_analyse (sp->t, first, last, NONE, NONE, &p)
      && p.type == _PHRASE_NAMED && p.person)
    {
      _attest_suggest_phrase_clear (&p);
      _attest_speakers_resolve (sp, first, last, NONE, NONE, -1);
      return;
    }
  _attest_suggest_phrase_clear (&p);
}

void
_attest_speakers_repeat (_SuggestSpeakers *sp,
                         int               entity)
{
  remember (sp, entity);
}

void
_attest_speakers_describe (_SuggestSpeakers *sp,
                           int               entity,
                           const char       *word)
{
  Entity *e;

  if (entity < 0)
    return;
  e = g_ptr_array_index (sp->entities, entity);
  g_ptr_array_add (e->descriptors, g_strdup (word));
}

void
_attest_speakers_fill (_SuggestSpeakers *sp,
                       int               entity,
                       AttestSuggestion *s)
{
  Entity *e;

  if (entity < 0)
    return;
  e = g_ptr_array_index (sp->entities, entity);
  g_free (s->speaker);
  g_free (s->speaker_kind);
  g_free (s->speaker_source_uuid);
  s->speaker = g_strdup (e->source_name != NULL ? e->source_name : e->name);
  s->speaker_kind = g_strdup (e->kind);
  s->speaker_source_uuid = g_strdup (e->source_uuid);
}
