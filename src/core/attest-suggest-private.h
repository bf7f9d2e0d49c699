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
} _SuggestText;

static inline _Token *
_tok (_SuggestText *t,
      guint         i)
{
  return &g_array_index (t->tokens, _Token, i);
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
char             *_attest_suggest_slice        (_SuggestText *t,
                                                guint         start,
                                                guint         end);
/* A suggestion over tokens [first, last] (inclusive), added to t->out. */
AttestSuggestion *_attest_suggest_add          (_SuggestText         *t,
                                                AttestSuggestionType  type,
                                                guint                 start,
                                                guint                 end);
gboolean          _attest_suggest_word_in      (const char           *lower,
                                                const char * const   *words);

/* Speakers (attest-suggest-speakers.c): the people and bodies an article quotes, in the
 * order it mentions them. */
typedef struct _SuggestSpeakers _SuggestSpeakers;

_SuggestSpeakers *_attest_speakers_new         (_SuggestText     *t);
void              _attest_speakers_free        (_SuggestSpeakers *sp);
/* Whether tokens [first, last] can name a speaker at all: a name, a pronoun, a word of the
 * kind lists ("residents", "the report"). */
gboolean          _attest_speakers_phrase_ok   (_SuggestText     *t,
                                                guint             first,
                                                guint             last);
/* Whether [first, last] holds a proper name, and whether it is rather a description with a
 * name in it ("a Baquba resident"). */
gboolean          _attest_speakers_has_name    (_SuggestText     *t,
                                                guint             first,
                                                guint             last);
gboolean          _attest_speakers_is_description (_SuggestText  *t,
                                                guint             first,
                                                guint             last);
/* The speaker the phrase [first, last] (with an optional appositive,
 * _SUGGEST_NONE when absent)
 * names at this point of the text: a pronoun or "the spokesman" goes to the nearest earlier
 * speaker that fits, a surname to the full name; "its source" is owner's source. Returns
 * an entity, or -1. Call in text order. */
int               _attest_speakers_resolve     (_SuggestSpeakers *sp,
                                                guint             first,
                                                guint             last,
                                                guint             app_first,
                                                guint             app_last,
                                                int               owner);
/* Records that the entity spoke again here (a continued quote, "…, adding"). */
void              _attest_speakers_repeat      (_SuggestSpeakers *sp,
                                                int               entity);
/* Gives "statement" to the entity: "X released a statement saying …" */
void              _attest_speakers_describe    (_SuggestSpeakers *sp,
                                                int               entity,
                                                const char       *word);
void              _attest_speakers_fill        (_SuggestSpeakers *sp,
                                                int               entity,
                                                AttestSuggestion *s);
/* A title or an initial before a period: "Dr.", "K." */
gboolean          _attest_suggest_is_abbreviation_like (_SuggestText *t,
                                                        guint         i);

void              _attest_suggest_quotes       (_SuggestText *t);
void              _attest_suggest_dates        (_SuggestText *t);
void              _attest_suggest_places       (_SuggestText *t);
void              _attest_suggest_casualties   (_SuggestText *t);
/* The publication date from a dateline ("Friday, January 4, 2019") in the first
 * paragraphs; FALSE when there is none. */
gboolean          _attest_suggest_find_dateline (_SuggestText *t,
                                                 GDate        *date);
/* Parses a month name ("Jan", "january"): 1..12, or 0. */
int               _attest_suggest_month        (const char *lower);
/* "seventeen" → 17, "5" → 5, "1,000" → 1000; -1 when it is no number. */
gint64            _attest_suggest_number       (const char *lower);

G_END_DECLS
