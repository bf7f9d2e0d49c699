/* attest-window.h: a window on one Attest project, or the welcome page without one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

typedef struct _AttestApplication AttestApplication;
typedef struct _AttestReader AttestReader;
typedef struct _AttestAnnotationPanel AttestAnnotationPanel;
typedef struct _AttestArticlesPage AttestArticlesPage;

#define ATTEST_TYPE_WINDOW (attest_window_get_type ())
G_DECLARE_FINAL_TYPE (AttestWindow, attest_window, ATTEST, WINDOW, AdwApplicationWindow)

/* The project is shown in pages: "articles", "sources", "codebook" (Alt+1, 2, 3), and
 * "incidents", "timeline" once they are added (Alt+4, 5). The page shown last is remembered
 * in the visible-page setting.
 *
 * Actions (win.*):
 *   import (files), import-folder, import-url (asks for a web address),
 *   paste (a web address on the clipboard is fetched, other text is a new article),
 *   article-properties (the open article's details),
 *   export-json, export-csv (quotes), export-csv-table (s: table name),
 *   mark-quote (asks about the reader's selection),
 *   create-annotation ((suuss): kind nick, start, end in code points of the body,
 *                      speaker name or "", speaker kind for a new source),
 *   delete-annotation (s: uuid), undo, redo (with a toast saying what was undone),
 *   show-page (s: page name), find (in the page shown), search (the whole project),
 *   cancel-jobs (stops imports and exports).
 */

AttestWindow          *attest_window_new              (AttestApplication *application,
                                                       AttestStore       *store);
AttestStore           *attest_window_get_store        (AttestWindow      *self);
void                   attest_window_set_store        (AttestWindow      *self,
                                                       AttestStore       *store);
/* The name of the page shown, e.g. "articles". */
const char            *attest_window_get_page         (AttestWindow      *self);
/* Adds a page of the project (see attest-window-pages.c); its actions and keys are its own. */
void                   attest_window_add_page         (AttestWindow      *self,
                                                       GtkWidget         *page,
                                                       const char        *name,
                                                       const char        *title,
                                                       const char        *icon_name);
AttestArticlesPage    *attest_window_get_articles_page (AttestWindow     *self);
GtkWidget             *attest_window_get_sources_view (AttestWindow      *self);
GtkWidget             *attest_window_get_codebook_view (AttestWindow     *self);
GtkWidget             *attest_window_get_search_popover (AttestWindow    *self);
/* The article list as shown, with its selection. */
GtkSingleSelection    *attest_window_get_selection    (AttestWindow      *self);
AttestReader          *attest_window_get_reader       (AttestWindow      *self);
AttestAnnotationPanel *attest_window_get_panel        (AttestWindow      *self);
/* Imports files and folders off the main thread; shows a toast when done. */
void                   attest_window_import_files     (AttestWindow      *self,
                                                       GFile            **files,
                                                       guint              n_files);
/* Fetches and imports web pages off the main thread; NULL-terminated. */
void                   attest_window_import_urls      (AttestWindow      *self,
                                                       const char * const *urls);
gboolean               attest_window_get_busy         (AttestWindow      *self);
double                 attest_window_get_progress     (AttestWindow      *self);

G_END_DECLS
