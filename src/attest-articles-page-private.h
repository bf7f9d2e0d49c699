/* attest-articles-page-private.h: what the parts of AttestArticlesPage share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "attest-articles-page.h"
#include "attest-annotation-panel.h"
#include "attest-inspector.h"
#include "attest-reader.h"
#include "attest-speaker-popover.h"

G_BEGIN_DECLS

struct _AttestArticlesPage
{
  GtkWidget              parent_instance;

  AttestStore           *store;
  GSettings             *settings;
  AttestArticleList     *articles;
  GtkSingleSelection    *selection;
  /* The open article, with its body; all its annotations, and those the tag filter shows. */
  AttestArticle         *article;
  GPtrArray             *annotations;
  GPtrArray             *shown;
  AttestAnnotation      *selected;
  char                  *filter_tag;
  /* Set while a fresh article list replaces the shown one: the selection comes back. */
  gboolean               replacing_list;
  /* A reload of the list off the main thread, and the article to open when it is done. */
  GCancellable          *reload_cancellable;
  char                  *open_after_reload;
  guint                  open_idle_id;
  /* Set while the page itself moves the reader's selection. */
  gboolean               selecting;
  /* The annotation a single key has just made, while the popover asks for its speaker, and
   * the store's generation then: unchanged, the speaker can join the same undo step. */
  char                  *pending_uuid;
  guint64                pending_generation;
  /* Suggestion mode: what is left to accept or reject, and the worker finding them. */
  AttestSuggestions     *suggestions;
  GCancellable          *suggest_cancellable;

  /* Template widgets */
  GtkPaned              *paned;
  GtkStack              *sidebar_stack;
  GtkListView           *article_view;
  AdwFlap               *side_flap;
  AttestReader          *reader;
  AttestAnnotationPanel *panel;
  GtkBox                *incidents_box;
  AttestInspector       *inspector;
  AttestSpeakerPopover  *speaker_popover;
  GtkRevealer           *suggestion_bar;
  GtkLabel              *suggestion_label;
};

/* Whether the list is being re-read or an article waits to open after it. */
gboolean _attest_articles_page_is_loading     (AttestArticlesPage *self);
void     _attest_articles_page_notify_loading (AttestArticlesPage *self);
void     _attest_articles_page_toast          (AttestArticlesPage *self,
                                               const char         *message,
                                               gboolean            undoable);
void     _attest_articles_page_update_actions (AttestArticlesPage *self);
/* Selects the annotation (NULL: none) in the reader, the list and the inspector. */
void     _attest_articles_page_select         (AttestArticlesPage *self,
                                               AttestAnnotation   *annotation);
/* The annotation of the open article with that uuid, or NULL. */
AttestAnnotation *_attest_articles_page_find  (AttestArticlesPage *self,
                                               const char         *uuid);
/* The coder name to record, or NULL; the kind of a mark whose kind nothing says. */
char    *_attest_articles_page_dup_coder      (AttestArticlesPage *self);
AttestAnnotationKind _attest_articles_page_default_kind (AttestArticlesPage *self);

/* attest-articles-page-list.c: the article list */
void     _attest_articles_page_class_init_list     (GtkWidgetClass     *widget_class);
void     _attest_articles_page_init_list           (AttestArticlesPage *self,
                                                    AttestStore        *store);
void     _attest_articles_page_clear_list          (AttestArticlesPage *self);
/* Opens the article (a row of the list, loaded without its body); NULL closes it. */
void     _attest_articles_page_show_article        (AttestArticlesPage *self,
                                                    AttestArticle      *item);

/* attest-articles-page-show.c: the annotations shown, through the tag filter */
void     _attest_articles_page_load_annotations    (AttestArticlesPage *self);
void     _attest_articles_page_show_annotations    (AttestArticlesPage *self);

/* attest-articles-page-annotate.c: the commands that make and change annotations */
void     _attest_articles_page_class_init_annotate (GtkWidgetClass     *widget_class);
void     _attest_articles_page_update_annotate     (AttestArticlesPage *self);

/* attest-articles-page-suggest.c: suggestions in the reader */
void     _attest_articles_page_class_init_suggest  (GtkWidgetClass     *widget_class);
void     _attest_articles_page_update_suggest      (AttestArticlesPage *self);
/* Leaves suggestion mode (and stops the worker). */
void     _attest_articles_page_end_suggestions     (AttestArticlesPage *self);
/* Drops the suggestions the annotations now cover. */
void     _attest_articles_page_sync_suggestions    (AttestArticlesPage *self);

G_END_DECLS
