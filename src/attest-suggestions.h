/* attest-suggestions.h: the suggestions the reader offers for one article, and which of them
 * is the current one: plain data a test can check without widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "attest-core.h"
#include "attest-suggest.h"

G_BEGIN_DECLS

typedef struct _AttestSuggestions AttestSuggestions;

/* Takes the AttestSuggestions of suggestions (ordered by start); leaves out those that
 * overlap one of annotations (AttestAnnotation, may be NULL): the text is marked already. */
AttestSuggestions *attest_suggestions_new            (GPtrArray         *suggestions,
                                                      GPtrArray         *annotations);
void               attest_suggestions_free           (AttestSuggestions *self);
guint              attest_suggestions_get_n_items    (AttestSuggestions *self);
AttestSuggestion  *attest_suggestions_get_item       (AttestSuggestions *self,
                                                      guint              position);
/* How many of that type are left. */
guint              attest_suggestions_count_type     (AttestSuggestions *self,
                                                      AttestSuggestionType type);
/* The current one, or NULL when none is left; its position, or -1. */
AttestSuggestion  *attest_suggestions_get_current    (AttestSuggestions *self);
int                attest_suggestions_get_position   (AttestSuggestions *self);
void               attest_suggestions_set_position   (AttestSuggestions *self,
                                                      guint              position);
/* Move the current one; FALSE (and nothing moves) at the last (first) one. */
gboolean           attest_suggestions_next           (AttestSuggestions *self);
gboolean           attest_suggestions_previous       (AttestSuggestions *self);
/* Removes the current one (accepted or rejected) and returns it; the next one becomes
 * current, or the one before when it was the last. */
AttestSuggestion  *attest_suggestions_steal_current  (AttestSuggestions *self);
/* Removes what overlaps [start, end) of the body, e.g. where the user marked text. */
void               attest_suggestions_remove_overlapping (AttestSuggestions *self,
                                                      guint              start,
                                                      guint              end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestSuggestions, attest_suggestions_free)

G_END_DECLS
