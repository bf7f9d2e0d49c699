/* attest-search-popover.h: searches the whole project: full text, narrowed by the speaker's
 * kind, a tag, the outlet and the publication dates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_SEARCH_POPOVER (attest_search_popover_get_type ())
G_DECLARE_FINAL_TYPE (AttestSearchPopover, attest_search_popover, ATTEST, SEARCH_POPOVER, GtkPopover)

/* Signals:
 *   "hit-activated" (const char *article_uuid, const char *annotation_uuid, const char *query):
 *     the user chose a result; annotation_uuid is NULL when the hit is in the article's
 *     title or text. The popover has closed.
 *
 * The search runs in a worker thread with its own connection to the project, a moment after
 * the typing stops; the "busy" property is TRUE meanwhile.
 */

GtkWidget   *attest_search_popover_new             (void);
AttestStore *attest_search_popover_get_store       (AttestSearchPopover *self);
void         attest_search_popover_set_store       (AttestSearchPopover *self,
                                                    AttestStore         *store);
const char  *attest_search_popover_get_query       (AttestSearchPopover *self);
void         attest_search_popover_set_query       (AttestSearchPopover *self,
                                                    const char          *query);
/* The filters, as the user sets them: a kind key, a tag uuid, an outlet, YYYY-MM-DD dates;
 * NULL for none. FALSE when the kind or tag is not offered. */
gboolean     attest_search_popover_set_source_kind (AttestSearchPopover *self,
                                                    const char          *key);
gboolean     attest_search_popover_set_tag         (AttestSearchPopover *self,
                                                    const char          *uuid);
void         attest_search_popover_set_outlet      (AttestSearchPopover *self,
                                                    const char          *outlet);
void         attest_search_popover_set_dates       (AttestSearchPopover *self,
                                                    const char          *from,
                                                    const char          *to);
gboolean     attest_search_popover_get_busy        (AttestSearchPopover *self);
guint        attest_search_popover_get_n_results   (AttestSearchPopover *self);
/* Activates the result at that position as a click would. */
void         attest_search_popover_activate_result (AttestSearchPopover *self,
                                                    guint                position);

/* Pango markup of a search snippet: the words between [ and ] in bold, the rest escaped. */
char        *attest_search_snippet_to_markup       (const char          *snippet);

G_END_DECLS
