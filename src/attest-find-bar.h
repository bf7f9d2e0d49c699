/* attest-find-bar.h: finds words in a text view: every match highlighted, one current,
 * with a count and next/previous.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATTEST_TYPE_FIND_BAR (attest_find_bar_get_type ())
G_DECLARE_FINAL_TYPE (AttestFindBar, attest_find_bar, ATTEST, FIND_BAR, GtkWidget)

/* Actions:
 *   "find.next" (Enter, Ctrl+G), "find.previous" (Shift+Enter, Ctrl+Shift+G): select the next
 *     or previous match, wrapping around.
 *   "find.close" (Escape): hides the bar and its highlights; the current match stays
 *     selected.
 */

GtkWidget   *attest_find_bar_new             (void);
GtkTextView *attest_find_bar_get_text_view   (AttestFindBar *self);
void         attest_find_bar_set_text_view   (AttestFindBar *self,
                                              GtkTextView   *text_view);
/* Shows the bar with the focus in its entry and finds text. NULL, as Ctrl+F does, finds the
 * words selected in the text view, or what was searched last, selected to be typed over. */
void         attest_find_bar_open            (AttestFindBar *self,
                                              const char    *text);
void         attest_find_bar_close           (AttestFindBar *self);
gboolean     attest_find_bar_get_open        (AttestFindBar *self);
const char  *attest_find_bar_get_text        (AttestFindBar *self);
/* Selects the next (or previous) match; FALSE when there is none. */
gboolean     attest_find_bar_next            (AttestFindBar *self,
                                              gboolean       backwards);
guint        attest_find_bar_get_n_matches   (AttestFindBar *self);
/* The index of the selected match, or G_MAXUINT. */
guint        attest_find_bar_get_current     (AttestFindBar *self);
/* Searches again, e.g. after the text view was given a new text. */
void         attest_find_bar_refresh         (AttestFindBar *self);
/* The tags that mark every match and the current one. */
GtkTextTag  *attest_find_bar_get_match_tag   (AttestFindBar *self);

G_END_DECLS
