/* attest-window-private.h: what the parts of AttestWindow share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "attest-window.h"
#include "attest-articles-page.h"
#include "attest-article-incidents.h"
#include "attest-incidents-view.h"
#include "attest-link-incident-popover.h"
#include "attest-timeline-view.h"
#include "attest-codebook-view.h"
#include "attest-jobs.h"
#include "attest-search-popover.h"
#include "attest-sources-view.h"

G_BEGIN_DECLS

struct _AttestWindow
{
  AdwApplicationWindow   parent_instance;

  AttestStore           *store;
  GSettings             *settings;
  GCancellable          *cancellable;
  guint                  n_jobs;
  double                 progress;
  /* Pulses the progress bar while a job cannot tell how far it is (a page being fetched). */
  guint                  pulse_id;
  /* The toast on screen, if any (weak). */
  AdwToast              *toast;
  /* Set while the window shows the page it remembered: that is not a choice to save. */
  gboolean               restoring_page;
  /* The page shown before the one shown now (an interned string). */
  const char            *previous_page;
  /* The header's optional buttons are hidden (the view switcher did not fit beside them),
   * since the window was narrow_width wide; header_id re-checks that after a resize. */
  gboolean               narrow;
  int                    narrow_width;
  guint                  header_id;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  GtkProgressBar        *progress_bar;
  GtkStack              *main_stack;
  AdwViewStack          *view_stack;
  AdwViewSwitcherTitle  *switcher_title;
  AdwViewSwitcherBar    *switcher_bar;
  GtkWidget             *mark_button;
  GtkWidget             *details_button;
  GtkWidget             *panel_button;
  GtkWidget             *export_button;
  GtkWidget             *undo_button;
  GtkMenuButton         *search_button;
  AttestSearchPopover   *search_popover;
  GMenu                 *undo_section;
  AttestArticlesPage    *articles_page;
  AttestSourcesView     *sources_view;
  AttestCodebookView    *codebook_view;

  /* Added by attest-window-pages.c */
  AttestIncidentsView   *incidents_view;
  AttestTimelineView    *timeline_view;
  AttestArticleIncidents *article_incidents;
  /* Parented to the reader once used (win.link-incident). */
  AttestLinkIncidentPopover *link_popover;
};

void _attest_window_update_actions (AttestWindow *self);
/* Shows the toast in place of the one on screen. */
void _attest_window_add_toast      (AttestWindow *self,
                                    AdwToast     *toast);
/* Plain text, not markup. */
void _attest_window_toast          (AttestWindow *self,
                                    const char   *title);
void _attest_window_toast_with_undo (AttestWindow *self,
                                     const char   *title);
void _attest_window_begin_job      (AttestWindow *self);
void _attest_window_end_job        (AttestWindow *self);
void _attest_window_set_progress   (AttestWindow *self,
                                    double        progress);
/* Shows the Articles page with that article open. */
void _attest_window_select_article (AttestWindow *self,
                                    const char   *uuid);
/* Re-reads the article list: a worker changed the project through its own connection. */
void _attest_window_reload_articles (AttestWindow *self);

/* attest-window-io.c: import, export and drag and drop */
void _attest_window_class_init_io  (GtkWidgetClass *widget_class);
void _attest_window_init_io        (AttestWindow   *self);
/* The toast for an import of several articles, with the failures behind a button. */
void _attest_window_show_import_result (AttestWindow       *self,
                                        AttestImportResult *result);

/* attest-window-web.c: import from the web and the clipboard */
void     _attest_window_class_init_web (GtkWidgetClass *widget_class);
/* Imports the web addresses in text (one a line); FALSE when it holds anything else. */
gboolean _attest_window_drop_text      (AttestWindow   *self,
                                        const char     *text);

/* attest-window-pages.c: the pages, switching between them, and what links them */
void _attest_window_class_init_pages (GtkWidgetClass *widget_class);
void _attest_window_init_pages       (AttestWindow   *self);
/* Shows the page the user had last, once a project is open. */
void _attest_window_restore_page     (AttestWindow   *self);
const char *_attest_window_get_page  (AttestWindow   *self);
/* Gives the incident pages the project (or NULL). */
void _attest_window_set_store_pages  (AttestWindow   *self,
                                      AttestStore    *store);
/* Saves the incident being edited; before the window closes. */
void _attest_window_save_incident    (AttestWindow   *self);
/* Unparents what the pages parented to widgets of the template. */
void _attest_window_dispose_pages    (AttestWindow   *self);

/* attest-window-state.c: panel sizes and view filters, saved on close, restored on open */
void _attest_window_restore_state    (AttestWindow   *self);
void _attest_window_save_state       (AttestWindow   *self);

/* attest-window-share.c: collections, exchange formats, merging and agreement. Each of the
 * functions below runs its work in a worker thread and ends with a toast; they are what the
 * file choosers call once the user picked a file. */
void _attest_window_class_init_share  (GtkWidgetClass *widget_class);
/* collection_uuid NULL is the whole project; format "json" or "csv" (table, excel). */
void _attest_window_export_scoped     (AttestWindow   *self,
                                       const char     *collection_uuid,
                                       const char     *format,
                                       AttestCsvTable  table,
                                       gboolean        excel,
                                       GFile          *file);
/* format: "w3c", "qdc" or "qdpx". */
void _attest_window_export_exchange   (AttestWindow   *self,
                                       const char     *format,
                                       GFile          *file);
/* A dry run first; conflicts open an AttestMergeDialog before anything changes. */
void _attest_window_import_collection (AttestWindow   *self,
                                       GFile          *file);
/* A .qdpx project or a .qdc codebook. */
void _attest_window_import_refi       (AttestWindow   *self,
                                       GFile          *file);

G_END_DECLS
