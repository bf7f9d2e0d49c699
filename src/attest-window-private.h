/* attest-window-private.h: what the parts of AttestWindow share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "attest-window.h"
#include "attest-reader.h"
#include "attest-annotation-panel.h"

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

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  GtkStack              *main_stack;
  AdwWindowTitle        *window_title;
  GtkStack              *sidebar_stack;
  GtkListView           *article_view;
  AttestReader          *reader;
  AttestAnnotationPanel *panel;
};

void _attest_window_update_actions (AttestWindow *self);
void _attest_window_toast          (AttestWindow *self,
                                    const char   *title);
void _attest_window_begin_job      (AttestWindow *self);
void _attest_window_end_job        (AttestWindow *self);
void _attest_window_set_progress   (AttestWindow *self,
                                    double        progress);
void _attest_window_select_article (AttestWindow *self,
                                    const char   *uuid);

/* attest-window-io.c: import, export and drag and drop */
void _attest_window_class_init_io  (GtkWidgetClass *widget_class);
void _attest_window_init_io        (AttestWindow   *self);

G_END_DECLS
