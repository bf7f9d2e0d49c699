/* attest-suggest-phrases.c: the words around a reporting verb — which words are verbs,
 * and where the speaker's phrase on either side of the verb begins and ends ("For their
 * part, [US officials] said", "said [a Baquba resident].", "[Satyendra Jain], [the city's
 * home minister], said").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-suggest"

#include "config.h"

#include <string.h>

#include "attest-suggest-private.h"
#include "attest-suggest-quotes-private.h"

#define NONE _SUGGEST_NONE
#define MAX_NP 16

const char * const _attest_suggest_determiners[] = {
  "the", "a", "an", "this", "that", "these", "those", "some", "many", "several", "no", "all",
  "each", "every", "any", "both", "another", "most", "few", "other", "such", NULL
};
const char * const _attest_suggest_possessives[] = {
  "his", "her", "its", "their", "our", "my", "your", NULL
};
const char * const _attest_suggest_subject_pronouns[] = {
  "he", "she", "they", "it", "we", "i", "you", "there", NULL
};
const char * const _attest_suggest_object_pronouns[] = {
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
const char * const _attest_suggest_prepositions[] = {
  "of", "in", "on", "at", "from", "with", "by", "for", "to", "into", "onto", "about", "over",
  "under", "after", "before", "during", "since", "until", "via", "through", "across",
  "against", "among", "amongst", "between", "near", "without", "within", "despite",
  "following", "per", "like", "toward", "towards", "around", "behind", "beyond", "amid", NULL
};
const char * const _attest_suggest_subordinators[] = {
  "although", "though", "while", "whilst", "if", "when", "because", "since", "unless",
  "whereas", "once", "despite", "even", "as", NULL
};
const char * const _attest_suggest_conjunctions[] = { "and", "but", "or", "nor", "yet", NULL };
const char * const _attest_suggest_relatives[] = { "which", "who", "whom", "whose", "where", NULL };
/* Words that may stand between a subject and its verb: "Experts also say". */
const char * const _attest_suggest_adverbs[] = {
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
const char * const _attest_suggest_adjunct_preps[] = {
  "on", "in", "at", "during", "via", "through", "over", "after", "before", "from", NULL
};

/* Word classes */

/* "yesterday", "on Monday" … but "this" only in "this week", not in "this would take". */
gboolean
_attest_suggest_is_time (_SuggestText *t,
                         guint         i)
{
  if (_tok_is (t, i, "this") || _tok_is (t, i, "last") || _tok_is (t, i, "next"))
    return _tok_in (t, i + 1, time_units);
  return _tok_in (t, i, time_words);
}

guint
_attest_suggest_sentence_first (_QuoteState *s,
                                guint        i)
{
  guint sent = _tok (s->t, i)->sent;

  if (sent >= s->sent_first->len)
    return s->t->tokens->len;
  return g_array_index (s->sent_first, guint, sent);
}

guint
_attest_suggest_sentence_last (_QuoteState *s,
                               guint        i)
{
  guint sent = _tok (s->t, i)->sent;

  if (sent + 1 < s->sent_first->len)
    return g_array_index (s->sent_first, guint, sent + 1) - 1;
  return s->t->tokens->len - 1;
}

gboolean
_attest_suggest_in_prose (_SuggestText *t,
                          guint         i)
{
  guint para = _tok (t, i)->para;

  return para < t->paras->len && g_array_index (t->paras, _Para, para).prose;
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

guint
_attest_suggest_verb_flags (_SuggestText *t,
                            guint         i)
{
  _Token *tok = _tok (t, i);

  if (tok->type != _TOKEN_WORD)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (t->lex->verbs, tok->lower));
}

/* A finite verb, or a past participle: what makes words a clause. */
gboolean
_attest_suggest_is_verbish (_SuggestText *t,
                            guint         i)
{
  _Token *tok = _tok (t, i);
  gsize len;

  if (tok->type != _TOKEN_WORD)
    return FALSE;
  if (_tok_in (t, i, auxiliaries) || _tok_in (t, i, irregular_verbs))
    return TRUE;
  len = strlen (tok->lower);
  if (len > 4 && g_str_has_suffix (tok->lower, "ed") && !(tok->flags & _TOKEN_CAPITAL)
      && !(
          i > 0
          && (_tok_in (t, i - 1, _attest_suggest_determiners)
              || _tok_in (t, i - 1, _attest_suggest_possessives)
              || (g_str_has_suffix (_tok (t, i - 1)->lower, "ly") && !_tok_is (t, i - 1, "only")))))
    return TRUE;
  /* "the scope allows it", "it remains": a present tense by its neighbours. */
  if (len > 3 && g_str_has_suffix (tok->lower, "s") && !g_str_has_suffix (tok->lower, "ss")
      && !(tok->flags & _TOKEN_CAPITAL)
      && ((i + 1 < t->tokens->len
           && (_tok_in (t, i + 1, _attest_suggest_object_pronouns)
               && !_tok_is (t, i + 1, "reporters")))
          || (i > 0 && _tok_in (t, i - 1, _attest_suggest_subject_pronouns)
              && !_tok_is (t, i - 1, "there"))))
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
  flags = _attest_suggest_verb_flags (t, i);
  if (flags == 0 || tok->flags & _TOKEN_SPEECH || tok->flags & _TOKEN_CAPITAL)
    return 0;
  if (i > 0
      && (_tok_in (t, i - 1, _attest_suggest_determiners)
          || _tok_in (t, i - 1, _attest_suggest_possessives)
          || g_str_has_suffix (_tok (t, i - 1)->lower, "'s")
          || _tok (t, i - 1)->type == _TOKEN_NUMBER))
    return 0;
  return flags;
}

/* Whether the word at i is used as a reporting verb: as above, and not the object of one
 * ("told state media"). */
guint
_attest_suggest_reporting_verb_at (_SuggestText *t,
                                   guint         i)
{
  guint flags = verb_form_at (t, i);

  if (flags != 0 && i > 0 && verb_form_at (t, i - 1) != 0)
    return 0;
  return flags;
}

gboolean
_attest_suggest_is_passive (_QuoteState *s,
                            guint        v)
{
  _SuggestText *t = s->t;
  guint floor = _attest_suggest_sentence_first (s, v);

  for (guint k = 1; k <= 3 && v >= floor + k; k++)
    {
      guint i = v - k;

      if (_tok_in (t, i, be_forms))
        return TRUE;
      if (!_tok_in (t, i, _attest_suggest_adverbs))
        return FALSE;
    }
  return FALSE;
}

/* Phrases around a verb */

guint
_attest_suggest_skip_adverbs_left (_QuoteState *s,
                                   guint        i,
                                   guint        floor)
{
  if (i == NONE || i < floor)
    return NONE;
  /* "USA Today noted": a capitalised "Today" after a name is part of it. */
  while (_tok_in (s->t, i, _attest_suggest_adverbs)
         && !(i > floor && _tok (s->t, i)->flags & _TOKEN_CAPITAL
              && _tok (s->t, i - 1)->flags & _TOKEN_CAPITAL))
    {
      if (i == floor)
        return NONE;
      i--;
    }
  return i;
}

gboolean
_attest_suggest_segment_is_np (_SuggestText *t,
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
      if (_attest_suggest_is_verbish (t, i)
          && !(i + 1 <= last && _tok_in (t, i + 1, _attest_suggest_prepositions)
               && !(i > first && _tok_in (t, i - 1, _attest_suggest_subject_pronouns))))
        return FALSE;
      if (i == first
          && (_tok_in (t, i, _attest_suggest_subordinators)
              || _tok_in (t, i, _attest_suggest_relatives)))
        return FALSE;
      if (_attest_suggest_verb_flags (t, i) != 0 && !(tok->flags & _TOKEN_CAPITAL)
          && !(i > first
               && (_tok_in (t, i - 1, _attest_suggest_determiners)
                   || _tok_in (t, i - 1, _attest_suggest_possessives)
                   || g_str_has_suffix (_tok (t, i - 1)->lower, "'s"))))
        return FALSE;
      words += tok->type != _TOKEN_PUNCT;
    }
  return words > 0;
}

/* An introductory phrase ("For her part", "On Friday", "However"), not a speaker. */
gboolean
_attest_suggest_is_intro (_SuggestText *t,
                          guint         first)
{
  static const char * const intros[] = {
    "for", "on", "in", "at", "after", "before", "during", "while", "although", "however",
    "meanwhile", "following", "despite", "when", "as", "since", "yesterday", "today",
    "earlier", "later", "also", "instead", "separately", "accordingly", "moreover",
    "furthermore", "nevertheless", "still", "then", "by", "under", "with", "without", "if",
    "but", "and", "so", "thus", "overall", "from", "according", "unlike", "like", "amid",
    "until", "once", "because", "whereas", "though", "last", "this", "to", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "which", "who", "where", NULL
  };

  return _tok_in (t, first, intros);
}

/* "X, the city's home minister, said": the name and its description, looking left from the
 * comma before the verb. */
gboolean
_attest_suggest_np_appositive_left (_QuoteState *s,
                                    guint        comma,
                                    guint       *first,
                                    guint       *last,
                                    guint       *app_first,
                                    guint       *app_last)
{
  _SuggestText *t = s->t;
  guint floor = _attest_suggest_sentence_first (s, comma);
  guint seg_end = comma;
  guint name_first = NONE, name_last = NONE, desc_first = NONE, desc_last = NONE;

  for (guint n = 0; n < 4 && seg_end > floor && _tok_comma (t, seg_end); n++)
    {
      guint seg_last = seg_end - 1;
      guint seg_first = seg_last;

      while (seg_first > floor && !_tok_comma (t, seg_first - 1) && seg_last - seg_first < 16)
        seg_first--;
      if (!_attest_suggest_segment_is_np (t, seg_first, seg_last))
        break;
      if (_attest_suggest_is_intro (t, seg_first)
          || _tok_in (t, seg_first, _attest_suggest_prepositions))
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
      if (seg_first == floor || !_tok_comma (t, seg_first - 1))
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
gboolean
_attest_suggest_np_left (_QuoteState *s,
                         guint        v,
                         guint       *first,
                         guint       *last)
{
  _SuggestText *t = s->t;
  guint floor = _attest_suggest_sentence_first (s, v);
  guint end, start;

  if (v <= floor)
    return FALSE;
  end = _attest_suggest_skip_adverbs_left (s, v - 1, floor);
  if (end == NONE || (_tok_punct (t, end) && !_tok_is_punct (t, end, ')')
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
          if (_tok_in (t, i, _attest_suggest_relatives) || _tok_is (t, i, "that")
              || _tok_in (t, i, _attest_suggest_subordinators))
            break;
          if (_attest_suggest_is_verbish (t, i)
              && !(i + 1 <= end && _tok_in (t, i + 1, _attest_suggest_prepositions)))
            break;
          if (i != end && _attest_suggest_verb_flags (t, i) != 0 && !(tok->flags & _TOKEN_CAPITAL)
              && !(i > 0
                   && (_tok_in (t, i - 1, _attest_suggest_determiners)
                       || _tok_in (t, i - 1, _attest_suggest_possessives))))
            break;
          if (_tok_in (t, i, _attest_suggest_conjunctions) && i > floor
              && _tok (t, i - 1)->flags & _TOKEN_CAPITAL && _tok (t, i + 1)->flags & _TOKEN_CAPITAL
              && !_tok_in (t, i + 1, _attest_suggest_determiners))
            ;  /* "Department of Forestry and Fire Protection" */
          else if (_tok_in (t, i, _attest_suggest_conjunctions))
            {
              /* "officials and security experts", "authorities in the United Kingdom and
               * the United States" are one speaker; "… an ambush and officials" is two
               * clauses: the left side must be a phrase with no verb, and one with a
               * preposition must start with a speaker's word. */
              gboolean short_np = FALSE;
              gboolean preposition = FALSE;
              guint k = i;
              guint head;

              while (k > floor && i - k < 8)
                {
                  k--;
                  if (_tok_punct (t, k) && !_tok_is_punct (t, k, '(') && !_tok_is_punct (t, k, ')'))
                    {
                      short_np = TRUE;
                      k++;
                      break;
                    }
                  if (_attest_suggest_is_verbish (t, k) || _tok_in (t, k, _attest_suggest_relatives)
                      || _tok_in (t, k, _attest_suggest_subordinators))
                    break;
                  preposition |= _tok_in (t, k, _attest_suggest_prepositions);
                  if (k == floor)
                    short_np = TRUE;
                }
              head = k;
              while (head < i && _tok_in (t, head, _attest_suggest_determiners))
                head++;
              if (short_np && preposition
                  && !(_tok (t, head)->flags & _TOKEN_CAPITAL)
                  && _attest_suggest_kind_of_word (t->lex, _tok (t, head)->lower, NULL) == NULL)
                short_np = FALSE;
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
  if (_tok_in (t, start, _attest_suggest_prepositions)
      || _tok_in (t, start, _attest_suggest_conjunctions))
    {
      guint k = start + 1;

      if (!_tok_is (t, start, "with") && !_tok_is (t, start, "by")
          && !_tok_in (t, start, _attest_suggest_conjunctions))
        {
          while (k <= end
                 && (_attest_suggest_is_time (t, k) || _tok_in (t, k, _attest_suggest_determiners)
                     || _tok (t, k)->type == _TOKEN_NUMBER
                     || _attest_suggest_month (_tok (t, k)->lower) > 0))
            k++;
          if (k > end)
            k = start + 1;
        }
      start = k;
    }
  while (start <= end && (_tok_in (t, start, _attest_suggest_adverbs) || _tok_punct (t, start)))
    start++;
  if (start > end)
    return FALSE;

  *first = start;
  *last = end;
  return TRUE;
}

/* "published in 2017 by the Society": a participle with its agent, inside a phrase. */
static gboolean
agent_follows (_SuggestText *t,
               guint         i)
{
  for (guint k = i + 1; k < i + 6 && _tok_same_sentence (t, k, i); k++)
    if (_tok_is (t, k, "by"))
      return TRUE;
  return FALSE;
}

/* The phrase right of a verb: "said [a Baquba resident].", "according to [officials]". */
gboolean
_attest_suggest_np_right (_QuoteState *s,
                          guint        v,
                          guint       *first,
                          guint       *last)
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

  for (i = start; i < t->tokens->len && _tok_same_sentence (t, i, v) && i - start < 16; i++)
    {
      _Token *tok = _tok (t, i);

      if (participle && tok->type != _TOKEN_PUNCT && !(tok->flags & _TOKEN_SPEECH)
          && !_attest_suggest_is_verbish (t, i))
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
               && (_tok_in (t, i, stops) || _tok_in (t, i, _attest_suggest_prepositions)
                   || _attest_suggest_is_time (t, i)))
        return FALSE;
      else if (i > start && !(tok->flags & _TOKEN_CAPITAL) && _tok_in (t, i, stops)
               && !(_tok_is (t, i, "and") && _tok (t, i - 1)->flags & _TOKEN_CAPITAL
                    && i + 1 < t->tokens->len && _tok (t, i + 1)->flags & _TOKEN_CAPITAL))
        break;
      else if (i > start && _attest_suggest_is_verbish (t, i)
               && _tok_in (t, i + 1, _attest_suggest_prepositions)
               && !g_str_has_suffix (tok->lower, "s") && agent_follows (t, i))
        participle = TRUE;
      else if (i > start
               && (_attest_suggest_is_verbish (t, i)
                   || _attest_suggest_reporting_verb_at (t, i) != 0))
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
gboolean
_attest_suggest_np_right_speaker (_QuoteState *s,
                                  guint        v,
                                  guint       *first,
                                  guint       *last)
{
  _SuggestText *t = s->t;
  guint after;

  if (!_attest_suggest_np_right (s, v, first, last))
    return FALSE;
  after = *last + 1;
  if (after >= t->tokens->len || !_tok_same_sentence (t, after, v))
    return TRUE;
  if (_tok_speech_mark (t, after, _TOKEN_OPENS) && v > 0
      && _tok_speech_mark (t, v - 1, _TOKEN_CLOSES))
    return TRUE;  /* ""We stand ready" tweeted Johnson "to provide …"" */
  return _tok_is_punct (t, after, ',') || _tok_is_punct (t, after, '.')
         || _tok_is_punct (t, after, ';') || _tok_is_punct (t, after, ':')
         || _tok_is_punct (t, after, ')') || _attest_suggest_is_time (t, after)
         || _tok_in (t, after, _attest_suggest_adjunct_preps);
}

/* The subject of the sentence a verb is in: "The mayor of London, Sadiq Khan, gave …,
 * adding". */
gboolean
_attest_suggest_sentence_subject (_QuoteState *s,
                                  guint        limit,
                                  guint       *first,
                                  guint       *last,
                                  guint       *app_first,
                                  guint       *app_last)
{
  _SuggestText *t = s->t;
  guint i = _attest_suggest_sentence_first (s, limit);
  guint start;

  *app_first = *app_last = NONE;
  for (guint n = 0; n < 2 && _attest_suggest_is_intro (t, i); n++)
    {
      guint k = i;

      while (k < limit && !_tok_comma (t, k))
        k++;
      if (k >= limit)
        return FALSE;
      i = k + 1;
    }

  start = i;
  while (i < limit && !_attest_suggest_is_verbish (t, i)
         && _attest_suggest_reporting_verb_at (t, i) == 0 && !(_tok (t, i)->flags & _TOKEN_SPEECH))
    i++;
  if (i == start || i > limit)
    return FALSE;
  if (_tok_comma (t, i - 1))
    return _attest_suggest_np_appositive_left (s, i - 1, first, last, app_first, app_last);
  if (!_attest_suggest_segment_is_np (t, start, i - 1))
    return FALSE;
  *first = start;
  *last = i - 1;
  return TRUE;
}

guint
_attest_suggest_count_words (_SuggestText *t,
                             guint         first,
                             guint         last)
{
  guint n = 0;

  for (guint i = first; i <= last && i < t->tokens->len; i++)
    n += _tok_word (t, i);
  return n;
}
