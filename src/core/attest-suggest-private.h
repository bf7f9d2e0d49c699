/* attest-suggest-private.h: what the parts of the suggestion engine share — the word lists,
 * the tokenised article, and the passes over it (quotes and speakers, dates, places,
 * casualties).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "attest-suggest.h"

G_BEGIN_DECLS

/* No token: an absent phrase or verb. */
#define _SUGGEST_NONE G_MAXUINT

/* Flags of a reporting verb in data/suggest/reporting-verbs.txt. */
typedef enum
{
  _VERB_CLAUSE = 1 << 0,
  _VERB_THAT   = 1 << 1,
  _VERB_OBJECT = 1 << 2,
  _VERB_AS     = 1 << 3,
  _VERB_EXPECT = 1 << 4,
  _VERB_DIRECT = 1 << 5,
  _VERB_GERUND = 1 << 6,
} _VerbFlags;

/* The word lists, loaded once and never changed: safe to share between threads. */
typedef struct
{
  GHashTable *verbs;        /* form → GUINT_TO_POINTER (_VerbFlags) */
  GHashTable *kinds;        /* singular word → kind (owned string) */
  GHashTable *titles;       /* word → itself */
  GHashTable *media;        /* lower-case name → itself */
  guint       media_max_words;
  GHashTable *casualties;   /* word → "killed", "injured", "missing" or "casualties" */
  GHashTable *place_stop;   /* name key → itself */
  GHashTable *subdivisions; /* name key → GPtrArray of AttestGeoEntry (borrowed) */
  GHashTable *countries;    /* name key → country code */
  guint       place_max_words;
  GPtrArray  *geo_entries;  /* owns the AttestGeoEntry the tables point to */
} _SuggestLexicon;

const _SuggestLexicon *_attest_suggest_lexicon (void);

/* A kind word of the lists, with plurals folded: "officials" → "official". */
const char *_attest_suggest_kind_of_word (const _SuggestLexicon *lex,
                                          const char            *lower,
                                          gboolean              *plural);

typedef enum
{
  _TOKEN_WORD,
  _TOKEN_NUMBER,
  _TOKEN_PUNCT,
} _TokenType;

enum
{
  _TOKEN_CAPITAL      = 1 << 0,  /* starts with an upper-case letter */
  _TOKEN_PARA_START   = 1 << 1,  /* first token of a paragraph */
  _TOKEN_SPACE_BEFORE = 1 << 2,
  _TOKEN_SPACE_AFTER  = 1 << 3,
  _TOKEN_QUOTE_MARK   = 1 << 4,  /* a quotation mark, double or single */
  _TOKEN_SINGLE_MARK  = 1 << 5,  /* … and a single one (' ‘ ’) */
  _TOKEN_OPENS        = 1 << 6,  /* opens a quoted span */
  _TOKEN_CLOSES       = 1 << 7,  /* closes a quoted span */
  _TOKEN_SENT_END     = 1 << 8,  /* the last token of its sentence */
  _TOKEN_ALL_CAPS     = 1 << 9,
  _TOKEN_ABBREV       = 1 << 10, /* "U.S.", "a.m.": periods inside */
  _TOKEN_SPEECH       = 1 << 11, /* inside (or a mark of) a quoted span that is speech */
};

typedef struct
{
  guint       start, end;   /* code points */
  guint       para;
  guint       sent;
  guint16     type;
  guint16     flags;
  gunichar    ch;           /* the first character */
  int         quote;        /* index into quotes of the span it is in (marks included), or -1 */
  const char *lower;        /* lower case, ’ folded to ' */
} _Token;

/* A span between paired quotation marks. */
typedef struct
{
  guint    open, close;     /* token indices of the marks */
  guint    n_words;
  gboolean multi_para;
  gboolean speech;          /* long enough and not a title: may be a direct quote */
} _QuoteSpan;

typedef struct
{
  guint    first, last;     /* token indices, inclusive; last < first when empty */
  gboolean prose;           /* ends like a sentence: not a title, dateline or caption */
  gboolean dateline;
} _Para;

typedef struct
{
  const _SuggestLexicon *lex;
  const char            *body;
  gunichar              *chars;
  glong                  n_chars;
  GArray                *tokens;    /* _Token */
  GArray                *quotes;    /* _QuoteSpan */
  GArray                *paras;     /* _Para */
  GStringChunk          *strings;
  GDate                  published;  /* invalid when unknown */
  GPtrArray             *sources;   /* AttestSource, may be NULL */
  GPtrArray             *places;    /* AttestPlace, may be NULL */
  GPtrArray             *out;       /* AttestSuggestion */
  _Token                 beyond;    /* what _tok () gives past the last token */
} _SuggestText;

/* The token at i; past the end, a token that is nothing (no word, no paragraph, no
 * sentence), so that rules may look ahead without counting. */
static inline _Token *
_tok (_SuggestText *t,
      guint         i)
{
  return i < t->tokens->len ? &g_array_index (t->tokens, _Token, i) : &t->beyond;
}

static inline gboolean
_tok_is (_SuggestText *t,
         guint         i,
         const char   *lower)
{
  return i < t->tokens->len && g_str_equal (_tok (t, i)->lower, lower);
}

static inline gboolean
_tok_is_punct (_SuggestText *t,
               guint         i,
               gunichar      ch)
{
  return i < t->tokens->len && _tok (t, i)->type == _TOKEN_PUNCT && _tok (t, i)->ch == ch;
}

/* The text of code points [start, end), newly allocated. */
char             *_attest_suggest_slice   (_SuggestText *t,
                                           guint         start,
                                           guint         end);
/* A suggestion over tokens [first, last] (inclusive), added to t->out. */
AttestSuggestion *_attest_suggest_add     (_SuggestText         *t,
                                           AttestSuggestionType  type,
                                           guint                 start,
                                           guint                 end);
gboolean          _attest_suggest_word_in (const char         *lower,
                                           const char * const *words);

/* Word classes of tokens: [i] may be past the end. */

static inline gboolean
_tok_in (_SuggestText       *t,
         guint               i,
         const char * const *words)
{
  return i < t->tokens->len && _attest_suggest_word_in (_tok (t, i)->lower, words);
}

static inline gboolean
_tok_punct (_SuggestText *t,
            guint         i)
{
  return i < t->tokens->len && _tok (t, i)->type == _TOKEN_PUNCT;
}

static inline gboolean
_tok_comma (_SuggestText *t,
            guint         i)
{
  return _tok_is_punct (t, i, ',');
}

static inline gboolean
_tok_word (_SuggestText *t,
           guint         i)
{
  return i < t->tokens->len && _tok (t, i)->type != _TOKEN_PUNCT;
}

static inline gboolean
_tok_same_sentence (_SuggestText *t,
                    guint         a,
                    guint         b)
{
  return a < t->tokens->len && b < t->tokens->len && _tok (t, a)->sent == _tok (t, b)->sent;
}

static inline gboolean
_tok_speech_mark (_SuggestText *t,
                  guint         i,
                  guint         flag)
{
  return i < t->tokens->len && _tok (t, i)->flags & _TOKEN_SPEECH && _tok (t, i)->flags & flag;
}

/* Speaker phrases (attest-suggest-names.c) */

typedef enum
{
  _PHRASE_INVALID,
  _PHRASE_PRONOUN,
  _PHRASE_NAMED,
  _PHRASE_DEFINITE,
  _PHRASE_POSSESSIVE,
  _PHRASE_ANONYMOUS,
} _PhraseType;

typedef struct
{
  _PhraseType  type;
  const char *pronoun;
  char       *name;         /* the name, or how the description reads */
  char       *head;         /* a description's head noun, singular */
  const char *kind;
  gboolean    person;
  gboolean    group;
  GPtrArray  *descriptors;  /* singular kind words said of it */
} _Phrase;

extern const char * const _attest_suggest_name_connectors[];

gboolean    _attest_suggest_is_capital_word  (_SuggestText *t,
                                              guint         i);
/* Whether two names are the same speaker: equal, a surname of the other ("Al-Khafaji",
 * "Tahsin al-Khafaji"), or all of one in the other ("Ricardo Rosselló", "Ricardo Rosselló
 * Nevares"). */
gboolean    _attest_suggest_names_match      (GStrv a,
                                              GStrv b);
GStrv       _attest_suggest_name_words       (const char *name);
void        _attest_suggest_phrase_clear     (_Phrase *p);
char       *_attest_suggest_tokens_text      (_SuggestText *t,
                                              guint         first,
                                              guint         last);
/* The end of the runs of capitalised words in [first, last]: "Major General Tahsin al-Khafaji",
 * "Center for National Security and Law", "Jessie K. Liu", "… (FSB)". Returns the last run. */
gboolean    _attest_suggest_last_capital_run (_SuggestText *t,
                                              guint         first,
                                              guint         last,
                                              guint        *run_first,
                                              guint        *run_last);
/* The kind of the first kind word of [first, last], looking from the right. */
const char *_attest_suggest_kind_in          (_SuggestText *t,
                                              guint         first,
                                              guint         last,
                                              GPtrArray    *descriptors);
gboolean    _attest_suggest_phrase_analyse   (_SuggestText *t,
                                              guint         first,
                                              guint         last,
                                              guint         app_first,
                                              guint         app_last,
                                              _Phrase      *p);

/* Speakers (attest-suggest-speakers.c): the people and bodies an article quotes, in the
 * order it mentions them. */
typedef struct _SuggestSpeakers _SuggestSpeakers;

_SuggestSpeakers *_attest_speakers_new                 (_SuggestText *t);
void              _attest_speakers_free                (_SuggestSpeakers *sp);
/* Whether tokens [first, last] can name a speaker at all: a name, a pronoun, a word of the
 * kind lists ("residents", "the report"). */
gboolean          _attest_speakers_phrase_ok           (_SuggestText *t,
                                                        guint         first,
                                                        guint         last);
/* Whether [first, last] holds a proper name, and whether it is rather a description with a
 * name in it ("a Baquba resident"). */
gboolean          _attest_speakers_has_name            (_SuggestText *t,
                                                        guint         first,
                                                        guint         last);
gboolean          _attest_speakers_is_description      (_SuggestText *t,
                                                        guint         first,
                                                        guint         last);
/* The speaker the phrase [first, last] (with an optional appositive,
 * _SUGGEST_NONE when absent)
 * names at this point of the text: a pronoun or "the spokesman" goes to the nearest earlier
 * speaker that fits, a surname to the full name; "its source" is owner's source. Returns
 * an entity, or -1. Call in text order. */
int               _attest_speakers_resolve             (_SuggestSpeakers *sp,
                                                        guint             first,
                                                        guint             last,
                                                        guint             app_first,
                                                        guint             app_last,
                                                        int               owner);
/* A person named as a sentence's subject ("Governor Mike DeWine postponed it"): someone a
 * later "he said" may stand for. Phrases that name no person are ignored. */
void              _attest_speakers_mention     (_SuggestSpeakers *sp,
                                                guint             first,
                                                guint             last);
/* Records that the entity spoke again here (a continued quote, "…, adding"). */
void              _attest_speakers_repeat              (_SuggestSpeakers *sp,
                                                        int               entity);
/* Gives "statement" to the entity: "X released a statement saying …" */
void              _attest_speakers_describe            (_SuggestSpeakers *sp,
                                                        int               entity,
                                                        const char       *word);
void              _attest_speakers_fill                (_SuggestSpeakers *sp,
                                                        int               entity,
                                                        AttestSuggestion *s);
/* A title or an initial before a period: "Dr.", "K." */
gboolean          _attest_suggest_is_abbreviation_like (_SuggestText *t,
                                                        guint         i);

void     _attest_suggest_quotes        (_SuggestText *t);
void     _attest_suggest_dates         (_SuggestText *t);
void     _attest_suggest_places        (_SuggestText *t);
void     _attest_suggest_casualties    (_SuggestText *t);
/* The publication date from a dateline ("Friday, January 4, 2019") in the first
 * paragraphs; FALSE when there is none. */
gboolean _attest_suggest_find_dateline (_SuggestText *t,
                                        GDate        *date);
/* Parses a month name ("Jan", "january"): 1..12, or 0. */
int      _attest_suggest_month         (const char *lower);
/* "seventeen" → 17, "5" → 5, "1,000" → 1000; -1 when it is no number. */
gint64   _attest_suggest_number        (const char *lower);

G_END_DECLS
