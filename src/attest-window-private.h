/* attest-window-private.h: what the parts of AttestWindow share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "attest-window.h"
#include "attest-reader.h"
#include "attest-annotation-panel.h"
#include "attest-jobs.h"

G_BEGIN_DECLS

struct _AttestWindow
{
  AdwApplicationWindow   parent_instance;

  AttestStore           *store;
  AttestArticleList     *articles;
  GtkSingleSelection    *selection;
  /* The selected article, loaded with its body, and its annotations. */
  AttestArticle         *article;
  GPtrArray             *annotations;
  GSettings             *settings;
  GCancellable          *cancellable;
  guint                  n_jobs;
  double                 progress;
  /* The store's generation when the list last changed which articles it has. */
  /* Set while a fresh article list replaces the shown one: the selection comes back. */
  gboolean               replacing_list;
  /* Pulses the progress bar while a job cannot tell how far it is (a page being fetched). */
  guint                  pulse_id;
  /* The toast on screen, if any (weak). */
  AdwToast              *toast;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  GtkProgressBar        *progress_bar;
  GtkStack              *main_stack;
  AdwWindowTitle        *window_title;
  GtkStack              *sidebar_stack;
  GtkListView           *article_view;
  AttestReader          *reader;
  AttestAnnotationPanel *panel;
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
void _attest_window_select_article (AttestWindow *self,
                                    const char   *uuid);
/* Shows the list (taking it) in the selection. */
void _attest_window_set_article_list (AttestWindow      *self,
                                      AttestArticleList *articles);

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

/* attest-window-article.c: the article list's rows and article details */
void _attest_window_class_init_article     (GtkWidgetClass *widget_class);
void _attest_window_article_details_changed (AttestWindow   *self);
/* Shows a fresh AttestArticleList of the store, keeping the selection. */

G_END_DECLS
