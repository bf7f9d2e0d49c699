/* attest-articles-page.h: the window's "Articles" page: the article list, the reader, and
 * beside it the article's annotations over the selected one's details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"
#include "attest-suggestions.h"

G_BEGIN_DECLS

typedef struct _AttestReader AttestReader;
typedef struct _AttestAnnotationPanel AttestAnnotationPanel;
typedef struct _AttestInspector AttestInspector;

#define ATTEST_TYPE_ARTICLES_PAGE (attest_articles_page_get_type ())
G_DECLARE_FINAL_TYPE (AttestArticlesPage, attest_articles_page, ATTEST, ARTICLES_PAGE, GtkWidget)

/* Properties:
 *   "store", "settings" (io.attest.Attest: coder-name, default-annotation-kind and the
 *     highlight-* colours are read from it and followed).
 *   "filter-tag" (string): a tag's uuid; while set, only the annotations with that tag or a
 *     tag under it are highlighted, in their tag's colour, and listed.
 *   "article" (read-only), "selected-annotation" (read-only), "n-articles" (read-only).
 *   "loading" (read-only): the article list is being re-read off the main thread, or the
 *     article to show after it is about to open.
 *
 * Signals:
 *   "toast" (const char *message, gboolean undoable): something to tell the user.
 *
 * Actions (the reader's keys in brackets):
 *   "articles.annotate" (s: kind nick; "" for the default kind) [q i c n a]: marks the
 *     selected text at once; a quote then asks for its speaker in a popover.
 *   "articles.choose-speaker" [s]: asks for the selected annotation's speaker.
 *   "articles.mark-quote": asks about the selected text in a dialog.
 *   "articles.create-annotation" ((suuss): kind nick, start, end, speaker name or "",
 *     kind of a new speaker).
 *   "articles.delete-annotation" (s: uuid), "articles.delete-selected" [Delete].
 *   "articles.next-annotation" [Tab], "articles.previous-annotation" [Shift+Tab]: disabled
 *     at the last (first) one, so the key then moves the focus on.
 *   "articles.extend-end" [Shift+Alt+Right], "articles.shrink-end" [Shift+Alt+Left],
 *   "articles.extend-start" [Shift+Alt+Up], "articles.shrink-start" [Shift+Alt+Down]:
 *     move an end of the selected annotation by a word.
 *   "articles.unselect" [Escape], "articles.clear-filter", "articles.properties".
 *   "articles.suggest": finds suggestions in a worker thread and shows them (suggestion
 *     mode); then "articles.accept-suggestion" [Enter], "articles.reject-suggestion"
 *     [Delete], "articles.next-suggestion" [Tab], "articles.previous-suggestion"
 *     [Shift+Tab], "articles.accept-all-suggestions" (the quotes, one undo step),
 *     "articles.done-suggestions" [Escape].
 */

GtkWidget          *attest_articles_page_new                     (void);
AttestStore        *attest_articles_page_get_store               (AttestArticlesPage *self);
void                attest_articles_page_set_store               (AttestArticlesPage *self,
                                                                  AttestStore        *store);
GSettings          *attest_articles_page_get_settings            (AttestArticlesPage *self);
void                attest_articles_page_set_settings            (AttestArticlesPage *self,
                                                                  GSettings          *settings);
const char         *attest_articles_page_get_filter_tag          (AttestArticlesPage *self);
void                attest_articles_page_set_filter_tag          (AttestArticlesPage *self,
                                                                  const char         *uuid);
/* The article list as shown, with its selection. */
GtkSingleSelection *attest_articles_page_get_selection           (AttestArticlesPage *self);
guint               attest_articles_page_get_n_articles          (AttestArticlesPage *self);
/* The open article, with its body. */
AttestArticle      *attest_articles_page_get_article             (AttestArticlesPage *self);
AttestAnnotation   *attest_articles_page_get_selected_annotation (AttestArticlesPage *self);
AttestReader       *attest_articles_page_get_reader              (AttestArticlesPage *self);
AttestAnnotationPanel *attest_articles_page_get_panel            (AttestArticlesPage *self);
AttestInspector    *attest_articles_page_get_inspector           (AttestArticlesPage *self);
/* The flap that holds the side panel: it folds over the reader in a narrow window. */
AdwFlap            *attest_articles_page_get_side_flap           (AttestArticlesPage *self);
/* Where a later step puts the incidents of the open article. */
GtkBox             *attest_articles_page_get_incidents_box       (AttestArticlesPage *self);
/* Re-reads the article list (after a worker changed the project) off the main thread;
 * "loading" is TRUE meanwhile. */
void                attest_articles_page_reload                  (AttestArticlesPage *self);
gboolean            attest_articles_page_get_loading             (AttestArticlesPage *self);
/* Opens the article with that uuid; FALSE when there is none. While the list reloads, the
 * article opens when the reload is done (TRUE is returned at once). */
gboolean            attest_articles_page_select_article          (AttestArticlesPage *self,
                                                                  const char         *uuid);
/* Selects an annotation of the open article: its span in the reader, its details below. */
gboolean            attest_articles_page_select_annotation       (AttestArticlesPage *self,
                                                                  const char         *uuid);
/* Opens an article at a search hit: the annotation when the hit is one, otherwise the
 * first place the first word of the query is found. */
gboolean            attest_articles_page_open_hit                (AttestArticlesPage *self,
                                                                  const char         *article_uuid,
                                                                  const char         *annotation_uuid,
                                                                  const char         *query);
/* Suggestion mode's suggestions (articles.suggest), or NULL. */
AttestSuggestions  *attest_articles_page_get_suggestions         (AttestArticlesPage *self);
/* Saves what is still being typed (a comment); call before the window goes. */
void                attest_articles_page_flush                   (AttestArticlesPage *self);

G_END_DECLS
