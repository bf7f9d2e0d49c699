/* attest-recent-list.h: the welcome page's list of recently opened projects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATTEST_TYPE_RECENT_LIST (attest_recent_list_get_type ())
G_DECLARE_FINAL_TYPE (AttestRecentList, attest_recent_list, ATTEST, RECENT_LIST, AdwBin)

/* One row per entry of the settings' recent-projects key, most recent first; it hides itself
 * while the list is empty. Activating a row activates "app.open-recent" with the project's
 * path; a project whose file is gone is shown as not found and cannot be activated. Each row
 * has a button that removes it from the list ("recent.remove", s: path).
 */

GtkWidget *attest_recent_list_new          (void);
GSettings *attest_recent_list_get_settings (AttestRecentList *self);
void       attest_recent_list_set_settings (AttestRecentList *self,
                                            GSettings        *settings);
/* The rows as shown (AdwActionRow), for tests; transfer container. */
GPtrArray *attest_recent_list_get_rows     (AttestRecentList *self);

G_END_DECLS
