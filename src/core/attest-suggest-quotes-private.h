/* attest-suggest-quotes-private.h: what the quote rules share — attributions, direct
 * quotes, and the word classes and phrase finders of attest-suggest-phrases.c and
 * attest-suggest-attributions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "attest-suggest-private.h"

G_BEGIN_DECLS

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
} _Attribution;

typedef struct
{
  guint    quote;            /* index into t->quotes */
  int      attribution;      /* -1 when none */
  int      inherit_quote;    /* index into directs of the quote it continues, or -1 */
  double   confidence;
  int      entity;
  gboolean dropped;
} _Direct;

typedef struct
{
  _SuggestText     *t;
  GArray           *sent_first;  /* guint: first token of each sentence */
  GArray           *attrs;       /* _Attribution */
  GHashTable       *by_verb;     /* verb token → attribution index + 1 */
  GArray           *directs;     /* _Direct */
  _SuggestSpeakers *speakers;
} _QuoteState;

extern const char * const _attest_suggest_determiners[];
extern const char * const _attest_suggest_possessives[];
extern const char * const _attest_suggest_subject_pronouns[];
extern const char * const _attest_suggest_object_pronouns[];
extern const char * const _attest_suggest_prepositions[];
extern const char * const _attest_suggest_subordinators[];
extern const char * const _attest_suggest_conjunctions[];
extern const char * const _attest_suggest_relatives[];
extern const char * const _attest_suggest_adverbs[];
extern const char * const _attest_suggest_adjunct_preps[];

/* "yesterday", "on Monday" … but "this" only in "this week", not in "this would take". */
gboolean      _attest_suggest_is_time            (_SuggestText *t,
                                                  guint         i);
guint         _attest_suggest_sentence_first     (_QuoteState *s,
                                                  guint        i);
guint         _attest_suggest_sentence_last      (_QuoteState *s,
                                                  guint        i);
gboolean      _attest_suggest_in_prose           (_SuggestText *t,
                                                  guint         i);
guint         _attest_suggest_verb_flags         (_SuggestText *t,
                                                  guint         i);
/* A finite verb, or a past participle: what makes words a clause. */
gboolean      _attest_suggest_is_verbish         (_SuggestText *t,
                                                  guint         i);
/* Whether the word at i is used as a reporting verb: as above, and not the object of one
 * ("told state media"). */
guint         _attest_suggest_reporting_verb_at  (_SuggestText *t,
                                                  guint         i);
gboolean      _attest_suggest_is_passive         (_QuoteState *s,
                                                  guint        v);
guint         _attest_suggest_skip_adverbs_left  (_QuoteState *s,
                                                  guint        i,
                                                  guint        floor);
gboolean      _attest_suggest_segment_is_np      (_SuggestText *t,
                                                  guint         first,
                                                  guint         last);
/* An introductory phrase ("For her part", "On Friday", "However"), not a speaker. */
gboolean      _attest_suggest_is_intro           (_SuggestText *t,
                                                  guint         first);
/* "X, the city's home minister, said": the name and its description, looking left from the
 * comma before the verb. */
gboolean      _attest_suggest_np_appositive_left (_QuoteState *s,
                                                  guint        comma,
                                                  guint       *first,
                                                  guint       *last,
                                                  guint       *app_first,
                                                  guint       *app_last);
/* The phrase just left of a verb, cut at clause boundaries: "For their part, [US officials]
 * said", "[The Investigative Committee and the Federal Security Service (FSB)] said". */
gboolean      _attest_suggest_np_left            (_QuoteState *s,
                                                  guint        v,
                                                  guint       *first,
                                                  guint       *last);
/* The phrase right of a verb: "said [a Baquba resident].", "according to [officials]". */
gboolean      _attest_suggest_np_right           (_QuoteState *s,
                                                  guint        v,
                                                  guint       *first,
                                                  guint       *last);
/* "said [a Baquba resident]." — the phrase ends its clause, so it is the speaker and not the
 * start of a reported clause ("said the army was …") or an object ("called it "…""). */
gboolean      _attest_suggest_np_right_speaker   (_QuoteState *s,
                                                  guint        v,
                                                  guint       *first,
                                                  guint       *last);
/* The subject of the sentence a verb is in: "The mayor of London, Sadiq Khan, gave …,
 * adding". */
gboolean      _attest_suggest_sentence_subject   (_QuoteState *s,
                                                  guint        limit,
                                                  guint       *first,
                                                  guint       *last,
                                                  guint       *app_first,
                                                  guint       *app_last);
guint         _attest_suggest_count_words        (_SuggestText *t,
                                                  guint         first,
                                                  guint         last);
guint         _attest_suggest_trim_clause_end    (_QuoteState *s,
                                                  guint        first,
                                                  guint        last);
gboolean      _attest_suggest_span_has_verb      (_QuoteState *s,
                                                  guint        first,
                                                  guint        last);
void          _attest_suggest_add_attribution    (_QuoteState  *s,
                                                  _Attribution *a);
void          _attest_suggest_attribution_init   (_Attribution *a,
                                                  guint         verb,
                                                  guint         flags);
gboolean      _attest_suggest_speaker_ok         (_QuoteState  *s,
                                                  _Attribution *a);
void          _attest_suggest_find_attributions  (_QuoteState *s);
_Attribution *_attest_suggest_attribution_at     (_QuoteState *s,
                                                  guint        verb);
int           _attest_suggest_attribution_index  (_QuoteState *s,
                                                  guint        verb);

G_END_DECLS
