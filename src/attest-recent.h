/* attest-recent.h: the projects opened last, kept in the recent-projects setting.
 *
 * No GTK here: the list is plain data (a GVariant of type a(sx): the project file's path and
 * the time it was opened, in seconds since 1970, most recent first), so it is tested without
 * a display. AttestRecentList shows it on the welcome page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the welcome page has room for. */
#define ATTEST_RECENT_MAX 8

#define ATTEST_RECENT_KEY "recent-projects"
#define ATTEST_RECENT_TYPE ((const GVariantType *) "a(sx)")

/* A new list with path first (opened at `opened`), any older entry for it dropped, and at
 * most max entries. list may be NULL (empty); the result is floating. */
GVariant *attest_recent_list_add         (GVariant    *list,
                                          const char  *path,
                                          gint64       opened,
                                          guint        max);
/* A new list without path; floating. */
GVariant *attest_recent_list_remove      (GVariant    *list,
                                          const char  *path);

/* The same on the setting; settings may be NULL (nothing is kept then), and a path that is
 * not UTF-8 is not kept either. */
void      attest_recent_remember         (GSettings   *settings,
                                          const char  *path);
void      attest_recent_forget           (GSettings   *settings,
                                          const char  *path);

/* What a row shows: the file name without ".attest"; the folder with "~" for the home
 * folder; how long ago (now and opened in seconds since 1970), e.g. "5 minutes ago". */
char     *attest_recent_dup_name         (const char  *path);
char     *attest_recent_dup_folder       (const char  *path);
char     *attest_recent_format_age       (gint64       opened,
                                          gint64       now);

G_END_DECLS
