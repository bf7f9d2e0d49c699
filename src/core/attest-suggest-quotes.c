/* attest-suggest-quotes.c: direct and indirect quotes, and who said them.
 *
 * Every reporting verb ("said", "told", "according to", …) is an attribution: a speaker's
 * phrase on one side and, for an indirect quote, the reported clause on the other. Words in
 * quotation marks become direct quotes when an attribution reaches them (before, after, or
 * around them, as in "…," he said, "…"). The speakers are then resolved in text order
 * (attest-suggest-speakers.c), so that "he said" and "the spokesman" find the nearest
 * earlier speaker that fits.
 *
 * Precision comes first: a quote with no attribution, a speaker that is no person or body,
 * and a clause with no verb are left out rather than guessed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-suggest"

#include "config.h"

#include <string.h>

#include "attest-suggest-private.h"

#define NONE _SUGGEST_NONE
#define MAX_NP 16

static const char * const determiners[] = {
  "the", "a", "an", "this", "that", "these", "those", "some", "many", "several", "no", "all",
  "each", "every", "any", "both", "another", "most", "few", "other", "such", NULL
};
static const char * const possessives[] = { "his", "her", "its", "their", "our", "my", "your", NULL };
static const char * const subject_pronouns[] = {
  "he", "she", "they", "it", "we", "i", "you", "there", NULL
};
static const char * const object_pronouns[] = {
  "me", "us", "him", "her", "them", "you", "reporters", "journalists", "parliament",
  "lawmakers", NULL
};
static const char * const auxiliaries[] = {
  "is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "will", "would", "can",
  "could", "may", "might", "must", "should", "shall", "did", "does", "do", "isn't", "wasn't",
  "weren't", "aren't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "can't",
  "couldn't", "didn't", "doesn't", "don't", "it's", "he's", "she's", "they're", "we're",
  "there's", "that's", "they've", "we've", NULL
};
static const char * const be_forms[] = { "is", "are", "was", "were", "be", "been", "being", NULL };
/* Verb forms that do not end in -ed but show that a clause has its verb. */
static const char * const irregular_verbs[] = {
  "took", "went", "came", "made", "gave", "got", "saw", "knew", "thought", "began", "became",
  "ran", "fell", "held", "kept", "brought", "built", "struck", "stood", "sent", "spent",
  "lost", "led", "met", "paid", "won", "fled", "shot", "broke", "drove", "rose", "grew", "flew",
  "threw", "spoke", "chose", "left", "found", "felt", "heard", "meant", "sought", "caught",
  "taught", "fought", "bought", "told", "said", "wrote", "sold", "sat", "lay", "laid", "slept",
  "woke", "wore", "tore", "swore", "hung", "stuck", "dug", "bled", "fed", "shook", "forgot",
  "froze", "stole", "arose", "drew", "ate", "drank", "sank", "withdrew", "underwent",
  "oversaw", "undertook", "remains", "remain", "continues", "needs", "means", "plans",
  "believe", "believes", "think", "thinks", "want", "wants", "know", "knows", "seems", "seem",
  "appears", "appear", "exist", "exists", "died", "lied", "tied", "used", NULL
};
static const char * const prepositions[] = {
  "of", "in", "on", "at", "from", "with", "by", "for", "to", "into", "onto", "about", "over",
  "under", "after", "before", "during", "since", "until", "via", "through", "across",
  "against", "among", "amongst", "between", "near", "without", "within", "despite",
  "following", "per", "like", "toward", "towards", "around", "behind", "beyond", "amid", NULL
};
static const char * const subordinators[] = {
  "although", "though", "while", "whilst", "if", "when", "because", "since", "unless",
  "whereas", "once", "despite", "even", "as", NULL
};
static const char * const conjunctions[] = { "and", "but", "or", "nor", "yet", NULL };
static const char * const relatives[] = { "which", "who", "whom", "whose", "where", NULL };
/* Words that may stand between a subject and its verb: "Experts also say". */
static const char * const adverbs[] = {
  "also", "further", "later", "then", "previously", "again", "repeatedly", "recently",
  "separately", "earlier", "subsequently", "already", "once", "publicly", "privately",
  "initially", "reportedly", "allegedly", "still", "just", "only", "now", "first",
  "yesterday", "today", "however", "meanwhile", "too", "similarly", "likewise", "openly",
  "clearly", "immediately", "officially", "explicitly", "directly", "strongly", "firmly",
  "has", "have", "had", "will", "would", "did", "does", "do", "not", "never", "always",
  "frequently", "often", "herself", "himself", "themselves", "itself", "had", "may",
  "might", "could", "can", "should", "must", "reiterated", NULL
};
/* Words of time an attribution may carry: "said yesterday morning the road …". */
static const char * const time_words[] = {
  "yesterday", "today", "tonight", "tomorrow", "earlier", "later", "previously", "recently",
  "also", "further", "again", "now", "then", "already", "separately", "repeatedly",
  "subsequently", "publicly", "privately", "initially", "morning", "afternoon", "evening",
  "night", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "week", "month", "year", "weekend", NULL
};
static const char * const time_units[] = {
  "night", "morning", "afternoon", "evening", "week", "month", "year", "weekend", "monday",
  "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};
/* Prepositions that start an adjunct between a verb and its clause: "said in a statement". */
static const char * const adjunct_preps[] = {
  "on", "in", "at", "during", "via", "through", "over", "after", "before", "from", NULL
};
/* After a comma, these go on with the same clause. */
static const char * const continuing[] = {
  "and", "but", "or", "nor", "including", "especially", "particularly", "notably", "such",
  "plus", "mainly", "mostly", "namely", "specifically", NULL
};
/* Not the end of a reported clause. */
static const char * const trailing[] = {
  "and", "but", "or", "despite", "while", "as", "with", "after", "because", "when", "that",
  "which", "who", "to", "of", "the", "a", "an", "in", "on", "at", "for", "by", "since", NULL
};
/* A statement that speaks for whoever issued it: "X released a statement saying …". */
static const char * const statements[] = {
  "statement", "report", "release", "letter", "message", "post", "tweet", "note", "notice",
  NULL
};

typedef struct
{
  guint       verb;                     /* the verb, or "according" */
  guint       vflags;
  guint       np_first, np_last;        /* the speaker's phrase, or NONE */
  guint       app_first, app_last;      /* an appositive describing the speaker, or NONE */
  int         inherit;                  /* an earlier attribution whose speaker this shares */
  guint       clause_first, clause_last;  /* the reported clause, or NONE */
  gboolean    has_that;
  gboolean    np_after;                 /* "said a Baquba resident" */
  gboolean    pre_clause;               /* the clause stands before the attribution */
  gboolean    dropped;
  gboolean    resolved;
  const char *describe;                 /* "statement" */
  int         outer;                    /* the attribution whose clause holds this one */
  int         entity;
} Attribution;

typedef struct
{
  guint    quote;            /* index into t->quotes */
  int      attribution;      /* -1 when none */
  int      inherit_quote;    /* index into directs of the quote it continues, or -1 */
  double   confidence;
  int      entity;
  gboolean dropped;
} Direct;

typedef struct
{
  _SuggestText     *t;
  GArray           *sent_first;  /* guint: first token of each sentence */
  GArray           *attrs;       /* Attribution */
  GHashTable       *by_verb;     /* verb token → attribution index + 1 */
  GArray           *directs;     /* Direct */
  _SuggestSpeakers *speakers;
} QuoteState;

/* Word classes */

static gboolean
is_in (_SuggestText       *t,
       guint               i,
       const char * const *words)
{
  return i < t->tokens->len && _attest_suggest_word_in (_tok (t, i)->lower, words);
}

static gboolean
is_punct (_SuggestText *t,
          guint         i)
{
  return i < t->tokens->len && _tok (t, i)->type == _TOKEN_PUNCT;
}

static gboolean
is_comma (_SuggestText *t,
          guint         i)
{
  return _tok_is_punct (t, i, ',');
}

/* "yesterday", "on Monday" … but "this" only in "this week", not in "this would take". */
static gboolean
is_time (_SuggestText *t,
         guint         i)
{
  if (_tok_is (t, i, "this") || _tok_is (t, i, "last") || _tok_is (t, i, "next"))
    return is_in (t, i + 1, time_units);
  return is_in (t, i, time_words);
}

static gboolean
is_word (_SuggestText *t,
         guint         i)
{
  return i < t->tokens->len && _tok (t, i)->type != _TOKEN_PUNCT;
}

static gboolean
same_sentence (_SuggestText *t,
               guint         a,
               guint         b)
{
  return a < t->tokens->len && b < t->tokens->len && _tok (t, a)->sent == _tok (t, b)->sent;
}

static gboolean
is_speech_mark (_SuggestText *t,
                guint         i,
                guint         flag)
{
  return i < t->tokens->len && _tok (t, i)->flags & _TOKEN_SPEECH && _tok (t, i)->flags & flag;
}

static guint
sentence_first (QuoteState *s,
                guint       i)
{
  return g_array_index (s->sent_first, guint, _tok (s->t, i)->sent);
}

static guint
sentence_last (QuoteState *s,
               guint       i)
{
  guint sent = _tok (s->t, i)->sent;

  if (sent + 1 < s->sent_first->len)
    return g_array_index (s->sent_first, guint, sent + 1) - 1;
  return s->t->tokens->len - 1;
}

static gboolean
in_prose (_SuggestText *t,
          guint         i)
{
  return g_array_index (t->paras, _Para, _tok (t, i)->para).prose;
}

gboolean
_attest_suggest_is_abbreviation_like (_SuggestText *t,
                                      guint         i)
{
  static const char * const abbrevs[] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "maj", "lt", "col", "capt", "sgt", "sen",
    "rep", "gov", "jr", "sr", "rev", "no", NULL
  };
  _Token *tok;

  if (i >= t->tokens->len)
    return FALSE;
  tok = _tok (t, i);
  return tok->type == _TOKEN_WORD
         && ((tok->end - tok->start == 1 && tok->flags & _TOKEN_CAPITAL)
             || _attest_suggest_word_in (tok->lower, abbrevs));
}

static guint
verb_flags (_SuggestText *t,
            guint         i)
{
  _Token *tok = _tok (t, i);

  if (tok->type != _TOKEN_WORD)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (t->lex->verbs, tok->lower));
}

/* A finite verb, or a past participle: what makes words a clause. */
static gboolean
is_verbish (_SuggestText *t,
            guint         i)
{
  _Token *tok = _tok (t, i);
  gsize len;

  if (tok->type != _TOKEN_WORD)
    return FALSE;
  if (is_in (t, i, auxiliaries) || is_in (t, i, irregular_verbs))
    return TRUE;
  len = strlen (tok->lower);
  if (len > 4 && g_str_has_suffix (tok->lower, "ed") && !(tok->flags & _TOKEN_CAPITAL)
      && !(i > 0 && (is_in (t, i - 1, determiners) || is_in (t, i - 1, possessives)
                     || (g_str_has_suffix (_tok (t, i - 1)->lower, "ly")
                         && !_tok_is (t, i - 1, "only")))))
    return TRUE;
  /* "the scope allows it", "it remains": a present tense by its neighbours. */
  if (len > 3 && g_str_has_suffix (tok->lower, "s") && !g_str_has_suffix (tok->lower, "ss")
      && !(tok->flags & _TOKEN_CAPITAL)
      && ((i + 1 < t->tokens->len && (is_in (t, i + 1, object_pronouns) && !_tok_is (t, i + 1, "reporters")))
          || (i > 0 && is_in (t, i - 1, subject_pronouns) && !_tok_is (t, i - 1, "there"))))
    return TRUE;
  return FALSE;
}

/* A reporting verb's form where a noun cannot be: not "the report", not a sentence's
 * capitalised first word, not in a quote. */
static guint
verb_form_at (_SuggestText *t,
              guint         i)
{
  guint flags;
  _Token *tok;

  if (i >= t->tokens->len)
    return 0;
  tok = _tok (t, i);
  flags = verb_flags (t, i);
  if (flags == 0 || tok->flags & _TOKEN_SPEECH || tok->flags & _TOKEN_CAPITAL)
    return 0;
  if (i > 0 && (is_in (t, i - 1, determiners) || is_in (t, i - 1, possessives)
                || g_str_has_suffix (_tok (t, i - 1)->lower, "'s")
                || _tok (t, i - 1)->type == _TOKEN_NUMBER))
    return 0;
  return flags;
}

/* Whether the word at i is used as a reporting verb: as above, and not the object of one
 * ("told state media"). */
static guint
reporting_verb_at (_SuggestText *t,
                   guint         i)
{
  guint flags = verb_form_at (t, i);

  if (flags != 0 && i > 0 && verb_form_at (t, i - 1) != 0)
    return 0;
  return flags;
}

static gboolean
is_passive (QuoteState *s,
            guint       v)
{
  _SuggestText *t = s->t;
  guint floor = sentence_first (s, v);

  for (guint k = 1; k <= 3 && v >= floor + k; k++)
    {
      guint i = v - k;

      if (is_in (t, i, be_forms))
        return TRUE;
      if (!is_in (t, i, adverbs))
        return FALSE;
    }
  return FALSE;
}

/* Phrases around a verb */

static guint
skip_adverbs_left (QuoteState *s,
                   guint       i,
                   guint       floor)
{
  while (i != NONE && i > floor && is_in (s->t, i, adverbs)
         && !(_tok (s->t, i)->flags & _TOKEN_CAPITAL && _tok (s->t, i - 1)->flags & _TOKEN_CAPITAL))
    i--;
  if (i == NONE || i < floor || is_in (s->t, i, adverbs))
    return NONE;
  return i;
}

static gboolean
segment_is_np (_SuggestText *t,
               guint         first,
               guint         last)
{
  guint words = 0;

  if (first == NONE || last < first || last - first > 16)
    return FALSE;
  for (guint i = first; i <= last; i++)
    {
      _Token *tok = _tok (t, i);

      if (tok->flags & _TOKEN_SPEECH)
        return FALSE;
      if (is_verbish (t, i) && !(i + 1 <= last && is_in (t, i + 1, prepositions)))
        return FALSE;
      if (i == first && (is_in (t, i, subordinators) || is_in (t, i, relatives)))
        return FALSE;
      if (verb_flags (t, i) != 0 && !(tok->flags & _TOKEN_CAPITAL)
          && !(i > first && (is_in (t, i - 1, determiners) || is_in (t, i - 1, possessives)
                             || g_str_has_suffix (_tok (t, i - 1)->lower, "'s"))))
        return FALSE;
      words += tok->type != _TOKEN_PUNCT;
    }
  return words > 0;
}

/* An introductory phrase ("For her part", "On Friday", "However"), not a speaker. */
static gboolean
is_intro (_SuggestText *t,
          guint         first)
{
  static const char * const intros[] = {
    "for", "on", "in", "at", "after", "before", "during", "while", "although", "however",
    "meanwhile", "following", "despite", "when", "as", "since", "yesterday", "today",
    "earlier", "later", "also", "instead", "separately", "accordingly", "moreover",
    "furthermore", "nevertheless", "still", "then", "by", "under", "with", "without", "if",
    "but", "and", "so", "thus", "overall", "from", "according", "unlike", "like", "amid",
    "until", "once", "because", "whereas", "though", "last", "this", "to", NULL
  };

  return is_in (t, first, intros);
}

/* "X, the city's home minister, said": the name and its description, looking left from the
 * comma before the verb. */
static gboolean
np_appositive_left (QuoteState *s,
                    guint       comma,
                    guint      *first,
                    guint      *last,
                    guint      *app_first,
                    guint      *app_last)
{
  _SuggestText *t = s->t;
  guint floor = sentence_first (s, comma);
  guint seg_end = comma;
  guint name_first = NONE, name_last = NONE, desc_first = NONE, desc_last = NONE;

  for (guint n = 0; n < 4 && seg_end > floor && is_comma (t, seg_end); n++)
    {
      guint seg_last = seg_end - 1;
      guint seg_first = seg_last;

      while (seg_first > floor && !is_comma (t, seg_first - 1) && seg_last - seg_first < 16)
        seg_first--;
      if (!segment_is_np (t, seg_first, seg_last))
        break;
      if (is_intro (t, seg_first) || is_in (t, seg_first, prepositions))
        {
          /* "from the Center for …", "of CNN" after a name belong to it; "For her part" at
           * the start of the sentence ends the search. */
          if (seg_first == floor)
            break;
        }
      else if (name_first == NONE && _attest_speakers_has_name (t, seg_first, seg_last)
               && !_attest_speakers_is_description (t, seg_first, seg_last))
        {
          name_first = seg_first;
          name_last = seg_last;
        }
      else if (desc_first == NONE)
        {
          desc_first = seg_first;
          desc_last = seg_last;
        }
      else
        break;
      if (seg_first == floor || !is_comma (t, seg_first - 1))
        break;
      seg_end = seg_first - 1;
    }

  *app_first = *app_last = NONE;
  if (name_first != NONE)
    {
      *first = name_first;
      *last = name_last;
      *app_first = desc_first;
      *app_last = desc_last;
      return TRUE;
    }
  if (desc_first != NONE)
    {
      *first = desc_first;
      *last = desc_last;
      return TRUE;
    }
  return FALSE;
}

/* The phrase just left of a verb, cut at clause boundaries: "For their part, [US officials]
 * said", "[The Investigative Committee and the Federal Security Service (FSB)] said". */
static gboolean
np_left (QuoteState *s,
         guint       v,
         guint      *first,
         guint      *last)
{
  _SuggestText *t = s->t;
  guint floor = sentence_first (s, v);
  guint end, start;

  if (v <= floor)
    return FALSE;
  end = skip_adverbs_left (s, v - 1, floor);
  if (end == NONE || (is_punct (t, end) && !_tok_is_punct (t, end, ')')
                      && !(_tok_is_punct (t, end, '.')
                           && _attest_suggest_is_abbreviation_like (t, end - 1))))
    return FALSE;

  start = end;
  for (guint i = end; i >= floor && end - i < MAX_NP; i--)
    {
      _Token *tok = _tok (t, i);

      if (tok->type == _TOKEN_PUNCT)
        {
          gboolean inner = tok->ch == '(' || tok->ch == ')' || tok->ch == '&'
                           || (tok->ch == '.' && i > floor
                               && _attest_suggest_is_abbreviation_like (t, i - 1))
                           || (tok->flags & _TOKEN_QUOTE_MARK && !(tok->flags & _TOKEN_SPEECH));

          if (!inner)
            break;
        }
      else
        {
          if (tok->flags & _TOKEN_SPEECH)
            break;
          if (is_in (t, i, relatives) || _tok_is (t, i, "that") || is_in (t, i, subordinators))
            break;
          if (is_verbish (t, i) && !(i + 1 <= end && is_in (t, i + 1, prepositions)))
            break;
          if (i != end && verb_flags (t, i) != 0 && !(tok->flags & _TOKEN_CAPITAL)
              && !(i > 0 && (is_in (t, i - 1, determiners) || is_in (t, i - 1, possessives))))
            break;
          if (is_in (t, i, conjunctions) && i > floor && _tok (t, i - 1)->flags & _TOKEN_CAPITAL
              && _tok (t, i + 1)->flags & _TOKEN_CAPITAL && !is_in (t, i + 1, determiners))
            ;  /* "Department of Forestry and Fire Protection" */
          else if (is_in (t, i, conjunctions))
            {
              /* "officials and security experts" is one speaker; "… an ambush and officials"
               * is two clauses: the left side must be a short phrase with no verb. */
              gboolean short_np = FALSE;
              guint k = i;

              while (k > floor && i - k < 5)
                {
                  k--;
                  if (is_punct (t, k) && !_tok_is_punct (t, k, '(') && !_tok_is_punct (t, k, ')'))
                    {
                      short_np = TRUE;
                      break;
                    }
                  if (is_verbish (t, k) || is_in (t, k, prepositions) || is_in (t, k, relatives))
                    break;
                  if (k == floor)
                    short_np = TRUE;
                }
              if (!short_np || i == end || !_tok_is (t, i, "and"))
                break;
            }
        }
      start = i;
      if (i == floor)
        break;
    }

  /* "On Tuesday officials said", "with Zinichev describing": an opening preposition goes,
   * and with it a time ("On Tuesday") when something follows. */
  if (is_in (t, start, prepositions) || is_in (t, start, conjunctions))
    {
      guint k = start + 1;

      if (!_tok_is (t, start, "with") && !_tok_is (t, start, "by")
          && !is_in (t, start, conjunctions))
        {
          while (k <= end && (is_time (t, k) || is_in (t, k, determiners)
                              || _tok (t, k)->type == _TOKEN_NUMBER
                              || _attest_suggest_month (_tok (t, k)->lower) > 0))
            k++;
          if (k > end)
            k = start + 1;
        }
      start = k;
    }
  while (start <= end && (is_in (t, start, adverbs) || is_punct (t, start)))
    start++;
  if (start > end)
    return FALSE;

  *first = start;
  *last = end;
  return TRUE;
}

/* The phrase right of a verb: "said [a Baquba resident].", "according to [officials]". */
static gboolean
np_right (QuoteState *s,
          guint       v,
          guint      *first,
          guint      *last)
{
  static const char * const stops[] = {
    "on", "at", "during", "after", "before", "when", "while", "as", "in", "that", "yesterday",
    "today", "tonight", "last", "earlier", "later", "adding", "saying", "according", "to",
    "via", "but", "who", "which", "because", "although", "told", "said", "and", NULL
  };
  _SuggestText *t = s->t;
  guint start = v + 1;
  guint end = NONE;
  gboolean participle = FALSE;
  guint i;

  for (i = start; i < t->tokens->len && same_sentence (t, i, v) && i - start < 16; i++)
    {
      _Token *tok = _tok (t, i);

      if (participle && tok->type != _TOKEN_PUNCT && !(tok->flags & _TOKEN_SPEECH)
          && !is_verbish (t, i))
        ;  /* "a survey published in 2017 by the Royal Pharmaceutical Society" */
      else if (tok->type == _TOKEN_PUNCT)
        {
          gboolean inner = tok->ch == '(' || tok->ch == ')' || tok->ch == '&'
                           || (tok->ch == '.' && _attest_suggest_is_abbreviation_like (t, i - 1)
                               && !(tok->flags & _TOKEN_SENT_END))
                           || (tok->flags & _TOKEN_QUOTE_MARK && !(tok->flags & _TOKEN_SPEECH));

          if (!inner)
            break;
        }
      else if (tok->flags & _TOKEN_SPEECH)
        break;
      else if (i == start && !(tok->flags & _TOKEN_CAPITAL)
               && (is_in (t, i, stops) || is_in (t, i, prepositions) || is_time (t, i)))
        return FALSE;
      else if (i > start && !(tok->flags & _TOKEN_CAPITAL) && is_in (t, i, stops)
               && !(_tok_is (t, i, "and") && _tok (t, i - 1)->flags & _TOKEN_CAPITAL
                    && i + 1 < t->tokens->len && _tok (t, i + 1)->flags & _TOKEN_CAPITAL))
        break;
      else if (i > start && is_verbish (t, i) && is_in (t, i + 1, prepositions)
               && !g_str_has_suffix (tok->lower, "s"))
        participle = TRUE;
      else if (i > start && (is_verbish (t, i) || reporting_verb_at (t, i) != 0))
        break;
      end = i;
    }

  if (end == NONE)
    return FALSE;
  *first = start;
  *last = end;
  return TRUE;
}

/* "said [a Baquba resident]." — the phrase ends its clause, so it is the speaker and not the
 * start of a reported clause ("said the army was …") or an object ("called it "…""). */
static gboolean
np_right_speaker (QuoteState *s,
                  guint       v,
                  guint      *first,
                  guint      *last)
{
  _SuggestText *t = s->t;
  guint after;

  if (!np_right (s, v, first, last))
    return FALSE;
  after = *last + 1;
  if (after >= t->tokens->len || !same_sentence (t, after, v))
    return TRUE;
  if (is_speech_mark (t, after, _TOKEN_OPENS) && v > 0 && is_speech_mark (t, v - 1, _TOKEN_CLOSES))
    return TRUE;  /* ""We stand ready" tweeted Johnson "to provide …"" */
  return _tok_is_punct (t, after, ',') || _tok_is_punct (t, after, '.')
         || _tok_is_punct (t, after, ';') || _tok_is_punct (t, after, ':')
         || _tok_is_punct (t, after, ')') || is_time (t, after)
         || is_in (t, after, adjunct_preps);
}

/* The subject of the sentence a verb is in: "The mayor of London, Sadiq Khan, gave …,
 * adding". */
static gboolean
sentence_subject (QuoteState *s,
                  guint       limit,
                  guint      *first,
                  guint      *last,
                  guint      *app_first,
                  guint      *app_last)
{
  _SuggestText *t = s->t;
  guint i = sentence_first (s, limit);
  guint start;

  *app_first = *app_last = NONE;
  for (guint n = 0; n < 2 && is_intro (t, i); n++)
    {
      guint k = i;

      while (k < limit && !is_comma (t, k))
        k++;
      if (k >= limit)
        return FALSE;
      i = k + 1;
    }

  start = i;
  while (i < limit && !is_verbish (t, i) && reporting_verb_at (t, i) == 0
         && !(_tok (t, i)->flags & _TOKEN_SPEECH))
    i++;
  if (i == start || i >= limit)
    return FALSE;
  if (is_comma (t, i - 1))
    return np_appositive_left (s, i - 1, first, last, app_first, app_last);
  if (!segment_is_np (t, start, i - 1))
    return FALSE;
  *first = start;
  *last = i - 1;
  return TRUE;
}

/* Reported clauses */

static guint
count_words (_SuggestText *t,
             guint         first,
             guint         last)
{
  guint n = 0;

  for (guint i = first; i <= last && i < t->tokens->len; i++)
    n += is_word (t, i);
  return n;
}


static gboolean
clause_start_ok (QuoteState *s,
                 guint       i,
                 guint       v)
{
  _SuggestText *t = s->t;
  _Token *tok;

  if (i >= t->tokens->len || !same_sentence (t, i, v))
    return FALSE;
  tok = _tok (t, i);
  if (tok->type == _TOKEN_PUNCT)
    return tok->flags & _TOKEN_QUOTE_MARK && !(tok->flags & _TOKEN_SPEECH)
           && tok->flags & _TOKEN_OPENS;
  static const char * const questions[] = {
    "what", "whether", "how", "why", "where", "who", "which", "when", "whom", "as", "so",
    "than", NULL
  };

  return !is_in (t, i, prepositions) && !is_in (t, i, conjunctions) && !_tok_is (t, i, "to")
         && !_tok_is (t, i, "not") && !is_verbish (t, i) && !is_in (t, i, relatives)
         && !is_in (t, i, questions) && reporting_verb_at (t, i) == 0;
}

static guint
trim_clause_end (QuoteState *s,
                 guint       first,
                 guint       last)
{
  _SuggestText *t = s->t;

  while (last > first)
    {
      _Token *tok = _tok (t, last);

      if (tok->type == _TOKEN_PUNCT && !(tok->flags & _TOKEN_CLOSES) && tok->ch != ')'
          && tok->ch != ']')
        last--;
      else if (is_in (t, last, trailing))
        last--;
      else
        break;
    }
  return last;
}

/* Where a clause that starts at i ends: at the end of its sentence, a semicolon or colon,
 * or a comma after a complete clause (", given …", ", the differences …"), but not at the
 * comma that ends an opening "although …", nor before "and", "which …,", "including". */
static guint
clause_end (QuoteState *s,
            guint       i)
{
  _SuggestText *t = s->t;
  guint last = sentence_last (s, i);
  gboolean subordinate = is_in (t, i, subordinators);
  gboolean seen_verb = FALSE;
  gboolean in_relative = FALSE;
  gboolean in_aside = FALSE;
  int depth = 0;
  guint good = i;

  for (guint j = i; j <= last; j++)
    {
      _Token *tok = _tok (t, j);

      if (tok->flags & _TOKEN_SPEECH && tok->quote >= 0)
        {
          /* An embedded quotation is part of the clause. */
          guint close = g_array_index (t->quotes, _QuoteSpan, tok->quote).close;

          if (close > j)
            j = good = MIN (close, last);
          else
            good = j;
          continue;
        }
      if (tok->type == _TOKEN_PUNCT)
        {
          if (tok->ch == '(' || tok->ch == '[')
            depth++;
          else if ((tok->ch == ')' || tok->ch == ']') && --depth < 0)
            break;
          else if (depth == 0 && tok->ch == ';' && _tok_is (t, j + 1, "that")
                   && _tok_is (t, i - 1, "that"))
            continue;  /* "reported that …; that …; and that …" */
          else if (depth == 0 && (tok->ch == ';' || tok->ch == ':'))
            break;
          else if (depth == 0 && tok->ch == ',')
            {
              if (subordinate)
                {
                  subordinate = FALSE;
                  seen_verb = FALSE;
                  continue;
                }
              if (in_relative || in_aside)
                {
                  in_relative = in_aside = FALSE;
                  continue;
                }
              if (is_in (t, j + 1, relatives))
                {
                  in_relative = TRUE;
                  continue;
                }
              if (is_in (t, j + 1, conjunctions))
                {
                  /* ", and work launched …" starts a clause of its own. */
                  gboolean clause = FALSE;

                  for (guint k = j + 2; k <= j + 4 && k <= last && !clause; k++)
                    clause = is_verbish (t, k);
                  if (clause && seen_verb)
                    break;
                  continue;
                }
              if (j > i && is_in (t, j - 1, conjunctions))
                {
                  in_aside = TRUE;  /* "and, to prevent stigma, it must …" */
                  continue;
                }
              if (is_in (t, j + 1, continuing))
                continue;
              if (j > i && _tok (t, j - 1)->flags & _TOKEN_CAPITAL && j + 1 <= last
                  && (_tok (t, j + 1)->flags & _TOKEN_CAPITAL
                      || (_tok_is (t, j + 1, "the") && j + 2 <= last
                          && _tok (t, j + 2)->flags & _TOKEN_CAPITAL)))
                continue;  /* a list of names: "Australia, Brazil, the Czech Republic" */
              if (_tok_is (t, j + 1, "according") || seen_verb)
                break;
            }
          continue;
        }
      if (is_verbish (t, j))
        seen_verb = TRUE;
      good = j;
    }

  return trim_clause_end (s, i, good);
}

static gboolean
span_has_verb (QuoteState *s,
               guint       first,
               guint       last)
{
  for (guint i = first; i <= last; i++)
    if (is_verbish (s->t, i) && !(i > first && _tok_is (s->t, i - 1, "to")))
      return TRUE;
  return FALSE;
}

/* A listener after "told": "told [the Military Times] the attack …". */
static guint
skip_object (QuoteState *s,
             guint       i,
             guint       v)
{
  _SuggestText *t = s->t;
  guint j = i;

  if (!same_sentence (t, i, v))
    return i;
  if (is_in (t, i, object_pronouns))
    return i + 1;
  if (_tok_is (t, i, "the") || _tok_is (t, i, "a") || _tok_is (t, i, "an")
      || _tok (t, i)->flags & _TOKEN_CAPITAL)
    {
      j = is_in (t, i, determiners) ? i + 1 : i;
      while (j < t->tokens->len && j - i < 4 && same_sentence (t, j, v) && is_word (t, j)
             && !is_in (t, j, determiners) && !is_in (t, j, subject_pronouns)
             && !_tok_is (t, j, "that") && !is_verbish (t, j) && !is_in (t, j, prepositions)
             && _tok (t, j)->type != _TOKEN_NUMBER)
        j++;
      if (j == i + 1 && is_in (t, i, determiners))
        return i;
    }
  else
    {
      /* "told state media, …": a short phrase that ends at a comma. */
      while (j < t->tokens->len && j - i < 3 && same_sentence (t, j, v) && is_word (t, j)
             && !is_verbish (t, j) && !is_in (t, j, prepositions) && !_tok_is (t, j, "that"))
        j++;
      if (!(j < t->tokens->len && same_sentence (t, j, v) && is_punct (t, j)))
        j = i;
    }
  return j;
}

/* Times and short phrases between a verb and its clause: "said yesterday morning", "said in
 * a statement", "indicated on Monday". */
static guint
skip_adjuncts (QuoteState *s,
               guint       i,
               guint       v)
{
  _SuggestText *t = s->t;

  for (guint n = 0; n < 4 && same_sentence (t, i, v); n++)
    {
      if (is_time (t, i))
        i++;
      else if (is_in (t, i, adjunct_preps) && same_sentence (t, i + 1, v))
        {
          guint j = i + 1;

          while (is_in (t, j, determiners) || is_in (t, j, possessives))
            j++;
          for (guint k = 0; k < 4 && same_sentence (t, j, v) && is_word (t, j)
                            && !is_in (t, j, determiners) && !is_in (t, j, subject_pronouns)
                            && !_tok_is (t, j, "that") && !is_verbish (t, j)
                            && !is_in (t, j, subordinators) && !is_in (t, j, prepositions); k++)
            j++;
          if (is_comma (t, j) && !is_speech_mark (t, j + 1, _TOKEN_OPENS))
            j++;
          i = j;
        }
      else
        break;
    }
  return i;
}

static gboolean
clause_has_verb (QuoteState *s,
                 guint       first,
                 guint       last,
                 guint       within)
{
  _SuggestText *t = s->t;
  guint first_comma = NONE;

  for (guint i = first; i <= last && i < first + within; i++)
    {
      if (i > first && is_comma (t, i) && is_in (t, i + 1, conjunctions))
        return FALSE;
      if (is_comma (t, i) && first_comma == NONE)
        first_comma = i;
      if (i > first && _tok_is (t, i - 1, "to"))
        continue;  /* "to be" */
      if (is_verbish (t, i) || (reporting_verb_at (t, i) != 0 && !(verb_flags (t, i) & _VERB_GERUND)))
        {
          /* "Iran, especially, …, is influencing" has its subject before the first comma;
           * "issues staffing the hotel, something Clay recognised" is no clause. */
          return first_comma == NONE || count_words (t, first, first_comma) <= 3
                 || is_in (t, first_comma + 1, relatives) || _tok_is (t, first_comma + 1, "that");
        }
    }
  return FALSE;
}

/* The reported clause after the verb at v, with a listener, times and "that" skipped. */
static gboolean
clause_after (QuoteState  *s,
              Attribution *a)
{
  _SuggestText *t = s->t;
  guint v = a->verb;
  guint flags = a->vflags;
  guint i = v + 1;
  guint end;

  if (flags & _VERB_DIRECT || a->np_after)
    return FALSE;
  if (_tok_is (t, i, "out") || _tok_is (t, i, "up"))
    i++;
  if (flags & _VERB_OBJECT)
    {
      guint j = skip_object (s, i, v);

      if (j != i && (_tok_is (t, j, "that") || (clause_start_ok (s, j, v)
                                                 && !is_time (t, j))))
        i = j;
      else if (j != i && (j >= t->tokens->len || !same_sentence (t, j, v) || is_punct (t, j)))
        return FALSE;  /* "told state media," */
    }
  i = skip_adjuncts (s, i, v);
  if (!same_sentence (t, i, v))
    return FALSE;

  if (_tok_is (t, i, "that"))
    {
      a->has_that = TRUE;
      i++;
    }
  else if (!(flags & (_VERB_CLAUSE | _VERB_AS | _VERB_EXPECT)))
    return FALSE;

  if (!clause_start_ok (s, i, v))
    return FALSE;
  end = clause_end (s, i);
  if (end < i || count_words (t, i, end) < 3)
    return FALSE;

  if (flags & _VERB_AS && !a->has_that)
    {
      gboolean as = FALSE;

      for (guint k = i; k <= end && !as; k++)
        as = _tok_is (t, k, "as");
      if (!as)
        return FALSE;
    }
  else if (flags & _VERB_EXPECT && !a->has_that)
    {
      gboolean to = FALSE;

      for (guint k = i; k <= end && k < i + 8 && !to; k++)
        to = _tok_is (t, k, "to");
      if (!to && !clause_has_verb (s, i, end, 12))
        return FALSE;
    }
  else if (!a->has_that && !is_in (t, i, subject_pronouns) && !clause_has_verb (s, i, end, 20))
    return FALSE;
  else if (a->has_that && !span_has_verb (s, i, end))
    return FALSE;

  a->clause_first = i;
  a->clause_last = end;
  return TRUE;
}

/* The first token of the clause that ends at a comma before an attribution: after the last
 * semicolon or colon of the sentence. NONE when a quote ends there. */
static guint
clause_before (QuoteState *s,
               guint       comma)
{
  _SuggestText *t = s->t;
  guint floor = sentence_first (s, comma);
  guint i = comma;

  if (comma == 0 || comma <= floor || is_speech_mark (t, comma - 1, _TOKEN_CLOSES))
    return NONE;
  while (i > floor && !_tok_is_punct (t, i - 1, ';') && !_tok_is_punct (t, i - 1, ':')
         && !is_speech_mark (t, i - 1, _TOKEN_CLOSES))
    i--;
  return i;
}

static gboolean
has_attribution_in (QuoteState *s,
                    guint       first,
                    guint       last)
{
  for (guint i = first; i <= last; i++)
    if (g_hash_table_contains (s->by_verb, GUINT_TO_POINTER (i)))
      return TRUE;
  return FALSE;
}

/* ", to determine …" after an attribution: the clause goes on through it. */
static gboolean
continues_after (QuoteState *s,
                 guint       tail)
{
  _SuggestText *t = s->t;

  return is_comma (t, tail + 1) && same_sentence (t, tail + 2, tail) && is_word (t, tail + 2)
         && reporting_verb_at (t, tail + 2) == 0 && !is_in (t, tail + 2, conjunctions)
         && !_tok_is (t, tail + 2, "according") && !(_tok (t, tail + 2)->flags & _TOKEN_CAPITAL);
}

/* "CLAUSE, officials said." or, around the attribution, "The guardrail would be examined,
 * Roberts said, to determine …": the clause before it, or the whole sentence. */
static gboolean
pre_clause (QuoteState  *s,
            Attribution *a,
            guint        lead,
            guint        tail)
{
  _SuggestText *t = s->t;
  guint start, end;

  if (lead == 0 || !is_comma (t, lead - 1))
    return FALSE;
  start = clause_before (s, lead - 1);
  if (start == NONE || start + 1 >= lead)
    return FALSE;
  if (is_in (t, start, conjunctions))
    start++;
  if (has_attribution_in (s, start, lead - 1) || is_intro (t, start))
    return FALSE;
  end = trim_clause_end (s, start, lead - 2);
  if (tail != NONE && continues_after (s, tail))
    end = trim_clause_end (s, start, sentence_last (s, tail));  /* "X, officials said, spilled" */
  if (count_words (t, start, end) < 3 || !span_has_verb (s, start, end))
    return FALSE;

  a->clause_first = start;
  a->clause_last = end;
  a->pre_clause = TRUE;
  return TRUE;
}

/* Attributions */

static int
previous_in_sentence (QuoteState *s,
                      guint       v)
{
  for (guint k = s->attrs->len; k-- > 0;)
    {
      Attribution *b = &g_array_index (s->attrs, Attribution, k);

      if (!same_sentence (s->t, b->verb, v))
        return -1;
      if (b->verb < v)
        return k;
    }
  return -1;
}

static void
add_attribution (QuoteState  *s,
                 Attribution *a)
{
  if (G_UNLIKELY (g_getenv ("ATTEST_SUGGEST_TRACE") != NULL))
    {
      _SuggestText *t = s->t;
      g_autofree char *np = a->np_first != NONE ? _attest_suggest_slice (t, _tok (t, a->np_first)->start, _tok (t, a->np_last)->end) : NULL;
      g_autofree char *cl = a->clause_first != NONE ? _attest_suggest_slice (t, _tok (t, a->clause_first)->start, _tok (t, a->clause_last)->end) : NULL;

      g_printerr ("ATTR %s np=[%s]%s inherit=%d clause=[%s]\n", _tok (t, a->verb)->lower,
                  np ? np : "", a->np_after ? " (after)" : "", a->inherit, cl ? cl : "");
    }
  g_array_append_val (s->attrs, *a);
  g_hash_table_insert (s->by_verb, GUINT_TO_POINTER (a->verb), GUINT_TO_POINTER (s->attrs->len));
}

static void
attribution_init (Attribution *a,
                  guint        verb,
                  guint        flags)
{
  memset (a, 0, sizeof *a);
  a->verb = verb;
  a->vflags = flags;
  a->np_first = a->np_last = a->app_first = a->app_last = NONE;
  a->clause_first = a->clause_last = NONE;
  a->inherit = -1;
  a->outer = -1;
  a->entity = -1;
}

/* The speaker's phrase of the verb at v. */
static void
find_speaker (QuoteState  *s,
              Attribution *a)
{
  _SuggestText *t = s->t;
  guint v = a->verb;
  guint floor = sentence_first (s, v);
  guint left = v > floor ? skip_adverbs_left (s, v - 1, floor) : NONE;
  guint f, l;

  if (a->vflags & _VERB_GERUND
      && (left == NONE || is_comma (t, left) || is_speech_mark (t, left, _TOKEN_CLOSES)))
    {
      /* ", adding that …": whoever spoke before in the sentence, else its subject. */
      a->inherit = previous_in_sentence (s, v);
      if (a->inherit < 0 && sentence_subject (s, left == NONE ? v : left, &a->np_first,
                                              &a->np_last, &a->app_first, &a->app_last))
        return;
      return;
    }
  if (left != NONE && _tok_is (t, left, "who") && left > floor && is_comma (t, left - 1))
    {
      /* "the home of Prime Minister Tuilaepa, who told the press …": the name before. */
      guint seg = left - 1;
      guint rf, rl;

      while (seg > floor && !is_comma (t, seg - 1) && left - seg < 16)
        seg--;
      if (_attest_speakers_has_name (t, seg, left - 2))
        {
          guint k = left - 2;

          while (k > seg && !(_tok (t, k)->flags & _TOKEN_CAPITAL))
            k--;
          rl = k;
          rf = k;
          while (rf > seg && (_tok (t, rf - 1)->flags & _TOKEN_CAPITAL
                              || _tok_is_punct (t, rf - 1, '.')))
            rf--;
          a->np_first = rf;
          a->np_last = rl;
        }
      else if (segment_is_np (t, seg, left - 2))
        {
          a->np_first = seg;
          a->np_last = left - 2;
        }
      return;
    }
  if (left != NONE && _tok_is (t, left, "to") && !(a->vflags & _VERB_GERUND))
    {
      /* "She went on to say, "…"" */
      a->inherit = previous_in_sentence (s, v);
      if (a->inherit < 0)
        sentence_subject (s, left, &a->np_first, &a->np_last, &a->app_first, &a->app_last);
      return;
    }
  if (a->vflags & _VERB_GERUND && left != NONE && is_in (t, left, prepositions))
    {
      /* "protested by shouting "…"": the sentence's subject. */
      sentence_subject (s, left, &a->np_first, &a->np_last, &a->app_first, &a->app_last);
      return;
    }
  if (left != NONE && (_tok_is (t, left, "and") || _tok_is (t, left, "but")))
    {
      /* "… and said", "but said": the same subject. */
      a->inherit = previous_in_sentence (s, v);
      if (a->inherit < 0)
        sentence_subject (s, left, &a->np_first, &a->np_last, &a->app_first, &a->app_last);
      return;
    }
  if (left == NONE || is_comma (t, left) || is_speech_mark (t, left, _TOKEN_CLOSES))
    {
      /* "…," said X; "CLAUSE, said X" — or "X, the minister, said". */
      if (np_right_speaker (s, v, &f, &l) && _attest_speakers_phrase_ok (t, f, l))
        {
          a->np_first = f;
          a->np_last = l;
          a->np_after = TRUE;
          return;
        }
      if (left != NONE && is_comma (t, left))
        np_appositive_left (s, left, &a->np_first, &a->np_last, &a->app_first, &a->app_last);
      return;
    }
  if (a->vflags & _VERB_GERUND && is_in (t, left, statements))
    {
      /* "X released a statement saying …": X, who is then "the statement". */
      a->describe = _tok (t, left)->lower;
      sentence_subject (s, left, &a->np_first, &a->np_last, &a->app_first, &a->app_last);
      return;
    }
  if (np_left (s, v, &f, &l))
    {
      a->np_first = f;
      a->np_last = l;
    }
}

static gboolean
speaker_ok (QuoteState  *s,
            Attribution *a)
{
  _SuggestText *t = s->t;

  if (a->inherit >= 0)
    return TRUE;
  if (a->np_first != NONE && a->np_first + 1 == a->np_last && _tok_is (t, a->np_first, "the")
      && (_tok_is (t, a->np_last, "latter") || _tok_is (t, a->np_last, "former")))
    return TRUE;
  return a->np_first != NONE && _attest_speakers_phrase_ok (t, a->np_first, a->np_last);
}

static void
verb_attribution (QuoteState *s,
                  guint       v,
                  guint       flags)
{
  _SuggestText *t = s->t;
  Attribution a;

  attribution_init (&a, v, flags);
  if (is_passive (s, v) && flags & _VERB_DIRECT && !_tok_is (t, v + 1, "by"))
    return;  /* "a song called "Day after Day"" */
  if (is_passive (s, v))
    {
      guint f, l;

      /* "he was told by Zinichev of "…"": the speaker follows "by". */
      if (!_tok_is (t, v + 1, "by") || !np_right (s, v + 1, &f, &l))
        return;
      a.np_first = f;
      a.np_last = l;
      a.np_after = TRUE;
      a.vflags = _VERB_DIRECT;
      add_attribution (s, &a);
      return;
    }

  find_speaker (s, &a);
  if (!speaker_ok (s, &a))
    a.np_first = a.np_last = NONE;

  if (a.np_first != NONE || a.inherit >= 0)
    {
      if (!clause_after (s, &a) && !(a.vflags & _VERB_DIRECT))
        {
          /* The clause before: "…, officials said." */
          guint lead = a.np_after || a.np_first == NONE ? v : MIN (a.np_first, v);
          guint tail = a.np_after ? a.np_last : v;

          if (a.app_first != NONE)
            lead = MIN (lead, a.app_first);
          if (!a.np_after && tail + 1 < t->tokens->len && same_sentence (t, tail + 1, v)
              && !is_punct (t, tail + 1))
            {
              /* "officials told state media, …": a listener, no clause. */
              guint k = tail + 1;

              while (k < t->tokens->len && same_sentence (t, k, v) && is_word (t, k)
                     && !is_verbish (t, k) && k - tail < 5)
                k++;
              if (!same_sentence (t, k, v) || is_comma (t, k) || is_punct (t, k))
                tail = k - 1;
              else
                tail = NONE;
            }
          if (tail != NONE && a.inherit < 0)
            pre_clause (s, &a, lead, tail);
        }
    }
  add_attribution (s, &a);
}

/* "According to X, …", "…, according to X.", "…, according to X, …". */
static void
according_attribution (QuoteState *s,
                       guint       i)
{
  _SuggestText *t = s->t;
  guint floor = sentence_first (s, i);
  Attribution a;
  guint f, l, k;

  attribution_init (&a, i, _VERB_CLAUSE);
  if (!np_right (s, i + 1, &f, &l))
    return;
  /* "According to the Centers for … in the United States, one out of …" */
  k = l + 1;
  if (i == floor && !is_comma (t, k))
    {
      guint c = k;

      while (c < t->tokens->len && same_sentence (t, c, i) && !is_comma (t, c) && c - k < 8)
        c++;
      if (is_comma (t, c) && segment_is_np (t, f, c - 1))
        {
          l = c - 1;
          k = c;
        }
    }
  /* "According to Windsor Locks' first selectman, Chris Kervick, there were …" */
  if (i == floor && is_comma (t, k))
    {
      guint seg_first = k + 1, seg_last = k + 1;

      while (seg_last + 1 < t->tokens->len && same_sentence (t, seg_last + 1, i)
             && !is_comma (t, seg_last + 1))
        seg_last++;
      if (is_comma (t, seg_last + 1) && segment_is_np (t, seg_first, seg_last)
          && seg_last - seg_first < 16 && !is_intro (t, seg_first))
        {
          if (_attest_speakers_has_name (t, seg_first, seg_last)
              && !_attest_speakers_is_description (t, seg_first, seg_last))
            {
              a.app_first = f;
              a.app_last = l;
              f = seg_first;
              l = seg_last;
            }
          else
            {
              a.app_first = seg_first;
              a.app_last = seg_last;
            }
          k = seg_last + 1;
        }
    }
  a.np_first = f;
  a.np_last = l;
  a.np_after = TRUE;
  if (!_attest_speakers_phrase_ok (t, f, l))
    return;

  if (i == floor)
    {
      /* The rest of the sentence, unless a quotation follows: that is a direct quote. An
       * opening "in 2014 …," is part of it. */
      if (is_comma (t, k) && same_sentence (t, k + 1, i) && is_word (t, k + 1))
        {
          guint end = clause_end (s, k + 1);

          if (end > k + 1 && count_words (t, k + 1, end) >= 3)
            {
              a.clause_first = k + 1;
              a.clause_last = end;
            }
        }
    }
  else
    {
      /* "…, according to officials." ends the clause; "Rescuers, …, according to the
       * ministry recovered …" and "One child was, according to the fire service, among the
       * dead" run through it. */
      gboolean comma = is_comma (t, i - 1);
      guint before = comma ? i - 1 : i;
      guint start = clause_before (s, before);

      if (start != NONE && start < before && !has_attribution_in (s, start, before))
        {
          guint end;

          if (is_in (t, start, conjunctions))
            start++;
          if (is_verbish (s->t, a.np_last + 1)
              || (comma && continues_after (s, a.np_last)))
            end = sentence_last (s, i);
          else
            end = before - 1;
          end = trim_clause_end (s, start, end);
          if (count_words (t, start, end) >= 3 && span_has_verb (s, start, end))
            {
              a.clause_first = start;
              a.clause_last = end;
              a.pre_clause = TRUE;
            }
        }
    }
  add_attribution (s, &a);
}

static void
find_attributions (QuoteState *s)
{
  _SuggestText *t = s->t;

  for (guint i = 0; i < t->tokens->len; i++)
    {
      guint flags;

      if (!in_prose (t, i) || _tok (t, i)->flags & _TOKEN_SPEECH)
        continue;
      if (_tok_is (t, i, "according") && _tok_is (t, i + 1, "to"))
        {
          according_attribution (s, i);
          i++;
          continue;
        }
      if ((flags = reporting_verb_at (t, i)) != 0)
        verb_attribution (s, i, flags);
    }
}

static Attribution *
attribution_at (QuoteState *s,
                guint       verb)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (s->by_verb, GUINT_TO_POINTER (verb)));

  return index > 0 ? &g_array_index (s->attrs, Attribution, index - 1) : NULL;
}

static int
attribution_index (QuoteState *s,
                   guint       verb)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (s->by_verb, GUINT_TO_POINTER (verb))) - 1;
}

/* Direct quotes */

/* ""…," said X", ""…" X said", ""…," Deputy Minister Chupriyan told TASS". */
static int
attribution_after (QuoteState *s,
                   _QuoteSpan *q)
{
  _SuggestText *t = s->t;
  guint i = q->close + 1;
  _Token *before = _tok (t, q->close - 1);

  /* ""… easily." He added" is a new sentence; ""…," he said" is not. */
  if (before->type == _TOKEN_PUNCT && before->ch == '.' && before->end - before->start == 1
      && !(i < t->tokens->len && !(_tok (t, i)->flags & _TOKEN_CAPITAL) && is_word (t, i)))
    return -1;
  if (is_comma (t, i))
    i++;
  if (i >= t->tokens->len || _tok (t, i)->para != _tok (t, q->close)->para)
    return -1;
  if (_tok_is (t, i, "according"))
    return attribution_index (s, i);
  for (guint j = i; j < t->tokens->len && j < i + 12; j++)
    {
      Attribution *a;

      if (j > i && !same_sentence (t, j, i))
        break;
      if (_tok (t, j)->flags & _TOKEN_SPEECH || (is_punct (t, j) && !_tok_is_punct (t, j, '.')
                                                   && !_tok_is_punct (t, j, '(')
                                                   && !_tok_is_punct (t, j, ')')))
        break;
      if ((a = attribution_at (s, j)) != NULL)
        {
          /* The speaker must be right here: "X said" or "said X". */
          if (a->np_after || a->np_first >= i || a->inherit >= 0)
            return attribution_index (s, j);
          break;
        }
      if ((is_verbish (t, j) && !is_in (t, j, adverbs)) || is_in (t, j, subordinators)
          || is_in (t, j, conjunctions) || is_in (t, j, relatives) || _tok_is (t, j, "that"))
        break;
    }
  return -1;
}

/* "X said, "…"", "According to X, "…"", "tweeted the response "…"", "describing the "…"". */
static int
attribution_before (QuoteState *s,
                    _QuoteSpan *q)
{
  _SuggestText *t = s->t;
  guint floor;
  guint i = q->open;

  if (i == 0)
    return -1;
  floor = sentence_first (s, i);
  for (guint n = 0; n < 14 && i > floor; n++)
    {
      i--;
      if (is_speech_mark (t, i, _TOKEN_CLOSES))
        {
          /* "…," he said, "…": the verb between two quotes is theirs. */
          return -1;
        }
      if (attribution_at (s, i) != NULL)
        return attribution_index (s, i);
      if (_tok_is_punct (t, i, ';'))
        return -1;
    }
  return -1;
}

/* "Michael Morell praised Mendez on Twitter: "Tony was …"": a statement after a colon is
 * the sentence subject's, when that subject can speak. */
static int
attribution_by_colon (QuoteState *s,
                      _QuoteSpan *q)
{
  _SuggestText *t = s->t;
  Attribution a;
  guint colon = q->open - 1;

  if (q->open == 0 || !_tok_is_punct (t, colon, ':') || q->n_words < 6
      || !same_sentence (t, colon, q->open))
    return -1;
  attribution_init (&a, colon, _VERB_DIRECT);
  if (!sentence_subject (s, colon, &a.np_first, &a.np_last, &a.app_first, &a.app_last)
      || !speaker_ok (s, &a))
    return -1;
  add_attribution (s, &a);
  return s->attrs->len - 1;
}

static gboolean
verbs_between (QuoteState *s,
               guint       from,
               guint       to,
               int         own)
{
  for (guint i = from + 1; i < to; i++)
    {
      int k = attribution_index (s, i);

      if (k >= 0 && k != own)
        return TRUE;
    }
  return FALSE;
}

static void
find_directs (QuoteState *s)
{
  _SuggestText *t = s->t;

  for (guint k = 0; k < t->quotes->len; k++)
    {
      _QuoteSpan *q = &g_array_index (t->quotes, _QuoteSpan, k);
      Direct d = { k, -1, -1, 0.0, -1, FALSE };

      if (!q->speech || (!in_prose (t, q->open) && !in_prose (t, q->close)))
        continue;

      if ((d.attribution = attribution_after (s, q)) >= 0)
        d.confidence = 0.9;
      else if ((d.attribution = attribution_before (s, q)) >= 0)
        d.confidence = 0.85;
      else if ((d.attribution = attribution_by_colon (s, q)) >= 0)
        d.confidence = 0.6;
      else if (s->directs->len > 0)
        {
          /* A quote that goes on a quote of the same paragraph with no other speaker in
           * between ("We are tense," said a resident. "There are …"), or that fills the
           * paragraph after one that ended with a quote. */
          Direct *prev = &g_array_index (s->directs, Direct, s->directs->len - 1);
          _QuoteSpan *pq = &g_array_index (t->quotes, _QuoteSpan, prev->quote);
          guint para = _tok (t, q->open)->para;
          guint prev_para = _tok (t, pq->close)->para;
          int own = prev->attribution;

          gboolean attributed = !prev->dropped
                                && (prev->attribution >= 0 || prev->inherit_quote >= 0);

          if (!attributed)
            ;
          else if (prev_para == para && !verbs_between (s, pq->close, q->open, own))
            {
              d.inherit_quote = s->directs->len - 1;
              d.confidence = 0.8;
            }
          else if (prev_para + 1 == para && _tok (t, q->open)->flags & _TOKEN_PARA_START
                   && !verbs_between (s, pq->close, q->open, own)
                   && (prev->attribution >= 0 || prev->inherit_quote >= 0))
            {
              d.inherit_quote = s->directs->len - 1;
              d.confidence = 0.6;
            }
        }
      g_array_append_val (s->directs, d);
    }
}

/* Overlaps */

static guint
speech_words_within (QuoteState *s,
                     guint       first,
                     guint       last)
{
  _SuggestText *t = s->t;
  guint n = 0;

  for (guint i = first; i <= last; i++)
    n += is_word (t, i) && _tok (t, i)->flags & _TOKEN_SPEECH;
  return n;
}

static void
settle_overlaps (QuoteState *s)
{
  _SuggestText *t = s->t;
  g_autofree gboolean *quoted = g_new0 (gboolean, s->attrs->len + 1);

  for (guint d = 0; d < s->directs->len; d++)
    {
      Direct *direct = &g_array_index (s->directs, Direct, d);

      if (direct->attribution >= 0)
        quoted[direct->attribution] = TRUE;
    }

  /* "Znak.com reported [its source said …]": the outer speaker owns "its". */
  for (guint m = 0; m < s->attrs->len; m++)
    {
      Attribution *b = &g_array_index (s->attrs, Attribution, m);

      if (b->np_first == NONE || b->np_after)
        continue;
      for (guint k = 0; k < s->attrs->len; k++)
        {
          Attribution *a = &g_array_index (s->attrs, Attribution, k);

          if (k != m && a->clause_first != NONE && a->clause_first <= b->np_first
              && b->np_first <= a->clause_last && a->verb < b->np_first)
            b->outer = k;
        }
    }

  for (guint k = 0; k < s->attrs->len; k++)
    {
      Attribution *a = &g_array_index (s->attrs, Attribution, k);
      guint whole_last = a->clause_last;

      if (a->clause_first == NONE)
        continue;

      /* Another attribution inside the clause ends it: "it found no trace of explosives
       * despite [Znak.com claiming …]". */
      for (guint m = 0; m < s->attrs->len; m++)
        {
          Attribution *b = &g_array_index (s->attrs, Attribution, m);
          guint cut = NONE;

          if (m == k || b->dropped || (b->clause_first == NONE && !quoted[m]))
            continue;
          if (b->np_first != NONE && !b->np_after && b->np_first >= a->clause_first
              && b->np_first <= a->clause_last)
            cut = b->np_first;
          else if (b->verb >= a->clause_first && b->verb <= a->clause_last
                   && (b->clause_first != NONE || b->inherit >= 0)
                   && !(b->pre_clause && b->clause_first <= a->clause_first))
            cut = b->verb;
          if (cut == NONE)
            continue;
          if (cut <= a->clause_first)
            {
              a->clause_first = NONE;
              break;
            }
          a->clause_last = trim_clause_end (s, a->clause_first, cut - 1);
        }
      if (a->clause_first == NONE || count_words (t, a->clause_first, a->clause_last) < 3)
        {
          a->clause_first = a->clause_last = NONE;
          continue;
        }

      /* A clause that runs into a quotation stops before it. One that holds quotations is
       * shown as them when they are most of its words ("said the firm was working to
       * install "100 miles of …""), and keeps them inside otherwise ("the movement was able
       * to … and "really hammer home their message""). */
      for (guint d = 0; d < s->directs->len; d++)
        {
          Direct *direct = &g_array_index (s->directs, Direct, d);
          _QuoteSpan *q = &g_array_index (t->quotes, _QuoteSpan, direct->quote);

          if (q->open > a->clause_first && q->open <= a->clause_last && q->close > a->clause_last)
            a->clause_last = trim_clause_end (s, a->clause_first, q->open - 1);
        }
      /* What is left of a clause that was cut must still be one. */
      if (count_words (t, a->clause_first, a->clause_last) < 3
          || (a->clause_last != whole_last && !span_has_verb (s, a->clause_first, a->clause_last)))
        {
          a->clause_first = a->clause_last = NONE;
          continue;
        }
      {
        gboolean mostly_quoted = speech_words_within (s, a->clause_first, a->clause_last) * 2
                                 >= count_words (t, a->clause_first, a->clause_last);

        for (guint d = 0; d < s->directs->len; d++)
          {
            Direct *direct = &g_array_index (s->directs, Direct, d);
            _QuoteSpan *q = &g_array_index (t->quotes, _QuoteSpan, direct->quote);

            if (q->open < a->clause_first || q->close > a->clause_last)
              continue;
            if (!mostly_quoted)
              direct->dropped = TRUE;
            else if (direct->attribution < 0 && direct->inherit_quote < 0)
              {
                direct->attribution = k;
                direct->confidence = 0.8;
              }
          }
        if (mostly_quoted)
          a->clause_first = a->clause_last = NONE;
      }
    }
}

/* Speakers */

static guint
attribution_position (Attribution *a)
{
  if (a->np_first != NONE)
    return MIN (a->np_first, a->verb);
  return a->verb;
}

static int
compare_by_position (gconstpointer x,
                     gconstpointer y,
                     gpointer      data)
{
  QuoteState *s = data;
  Attribution *a = &g_array_index (s->attrs, Attribution, *(const guint *) x);
  Attribution *b = &g_array_index (s->attrs, Attribution, *(const guint *) y);
  guint pa = attribution_position (a), pb = attribution_position (b);

  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

static void
resolve (QuoteState *s,
         guint       k)
{
  Attribution *a = &g_array_index (s->attrs, Attribution, k);

  if (a->resolved)
    return;
  a->resolved = TRUE;
  if (a->inherit >= 0)
    {
      resolve (s, a->inherit);
      a->entity = g_array_index (s->attrs, Attribution, a->inherit).entity;
      if (a->entity >= 0)
        _attest_speakers_repeat (s->speakers, a->entity);
      return;
    }
  if (a->outer >= 0)
    resolve (s, a->outer);
  if (a->np_first != NONE)
    a->entity = _attest_speakers_resolve (s->speakers, a->np_first, a->np_last, a->app_first,
                                          a->app_last,
                                          a->outer >= 0
                                          ? g_array_index (s->attrs, Attribution, a->outer).entity
                                          : -1);
  if (a->describe != NULL)
    _attest_speakers_describe (s->speakers, a->entity, a->describe);
}

static void
resolve_speakers (QuoteState *s)
{
  g_autoptr(GArray) used = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *quoted = g_new0 (gboolean, s->attrs->len + 1);

  for (guint d = 0; d < s->directs->len; d++)
    {
      Direct *direct = &g_array_index (s->directs, Direct, d);

      if (direct->attribution >= 0)
        quoted[direct->attribution] = TRUE;
    }
  for (guint k = 0; k < s->attrs->len; k++)
    {
      Attribution *a = &g_array_index (s->attrs, Attribution, k);

      /* Every speaker is a mention a later "he" may stand for, quoted here or not. */
      if (a->clause_first != NONE || quoted[k] || a->np_first != NONE)
        g_array_append_val (used, k);
    }
  g_array_sort_with_data (used, compare_by_position, s);
  for (guint u = 0; u < used->len; u++)
    resolve (s, g_array_index (used, guint, u));

  for (guint d = 0; d < s->directs->len; d++)
    {
      Direct *direct = &g_array_index (s->directs, Direct, d);

      if (direct->attribution >= 0)
        direct->entity = g_array_index (s->attrs, Attribution, direct->attribution).entity;
      else if (direct->inherit_quote >= 0)
        direct->entity = g_array_index (s->directs, Direct, direct->inherit_quote).entity;
    }
}

/* Output */

static void
emit (QuoteState *s)
{
  _SuggestText *t = s->t;

  for (guint d = 0; d < s->directs->len; d++)
    {
      Direct *direct = &g_array_index (s->directs, Direct, d);
      _QuoteSpan *q = &g_array_index (t->quotes, _QuoteSpan, direct->quote);
      AttestSuggestion *sug;

      if (direct->dropped || (direct->attribution < 0 && direct->inherit_quote < 0))
        continue;
      if (direct->attribution >= 0)
        {
          Attribution *a = &g_array_index (s->attrs, Attribution, direct->attribution);

          /* "imitating a song called "Day after Day,"": a verb with nobody to say it. */
          if (a->np_first == NONE && a->inherit < 0)
            continue;
        }
      sug = _attest_suggest_add (t, ATTEST_SUGGESTION_QUOTE, _tok (t, q->open + 1)->start,
                                 _tok (t, q->close - 1)->end);
      sug->kind = ATTEST_ANNOTATION_DIRECT;
      sug->confidence = direct->confidence;
      _attest_speakers_fill (s->speakers, direct->entity, sug);
      if (direct->entity < 0)
        sug->confidence *= 0.8;
    }

  for (guint k = 0; k < s->attrs->len; k++)
    {
      Attribution *a = &g_array_index (s->attrs, Attribution, k);
      AttestSuggestion *sug;

      if (a->clause_first == NONE)
        continue;
      sug = _attest_suggest_add (t, ATTEST_SUGGESTION_QUOTE, _tok (t, a->clause_first)->start,
                                 _tok (t, a->clause_last)->end);
      sug->kind = ATTEST_ANNOTATION_INDIRECT;
      sug->confidence = a->has_that ? 0.8 : a->pre_clause ? 0.7 : 0.75;
      _attest_speakers_fill (s->speakers, a->entity, sug);
      if (a->entity < 0)
        sug->confidence *= 0.8;
    }
}

void
_attest_suggest_quotes (_SuggestText *t)
{
  QuoteState s = { 0 };
  guint sent = G_MAXUINT;

  s.t = t;
  s.sent_first = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < t->tokens->len; i++)
    if (_tok (t, i)->sent != sent)
      {
        sent = _tok (t, i)->sent;
        g_array_append_val (s.sent_first, i);
      }
  s.attrs = g_array_new (FALSE, FALSE, sizeof (Attribution));
  s.by_verb = g_hash_table_new (NULL, NULL);
  s.directs = g_array_new (FALSE, FALSE, sizeof (Direct));
  s.speakers = _attest_speakers_new (t);

  find_attributions (&s);
  find_directs (&s);
  settle_overlaps (&s);
  resolve_speakers (&s);
  emit (&s);

  _attest_speakers_free (s.speakers);
  g_array_unref (s.directs);
  g_hash_table_unref (s.by_verb);
  g_array_unref (s.attrs);
  g_array_unref (s.sent_first);
}
