/* attest-reader.h: shows one article, its annotations highlighted, and lets the user select
 * a span of its body or an annotation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"
#include "attest-suggestions.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_READER (attest_reader_get_type ())
G_DECLARE_FINAL_TYPE (AttestReader, attest_reader, ATTEST, READER, GtkWidget)

/* Signals:
 *   "annotation-clicked" (AttestAnnotation *annotation): the user clicked inside a
 *     highlight: the innermost annotation there or, when the selected one is among those
 *     there, the next of them (so clicks cycle through overlapping annotations). NULL for a
 *     click outside every highlight.
 *
 * Actions: "reader.find" (opens the find bar), "reader.find-next", "reader.find-previous"
 * (Ctrl+G, Ctrl+Shift+G).
 *
 * The text view's keys (q, i, c, n, a, s, Tab, Delete, Alt+Shift+arrows) name the
 * "articles.*" actions of AttestArticlesPage, the reader's home.
 */

/* Where attest_reader_find_word () goes from an offset. */
typedef enum
{
  ATTEST_WORD_NEXT_END,
  ATTEST_WORD_PREVIOUS_START,
  ATTEST_WORD_PREVIOUS_END,
  ATTEST_WORD_NEXT_START,
} AttestWordMove;

GtkWidget        *attest_reader_new                     (void);
/* The article must have been loaded with its body; NULL shows "No Article Selected". */
AttestArticle    *attest_reader_get_article             (AttestReader        *self);
void              attest_reader_set_article             (AttestReader        *self,
                                                         AttestArticle       *article);
/* Highlights these AttestAnnotations of the article (replacing the previous ones). */
void              attest_reader_set_annotations         (AttestReader        *self,
                                                         GPtrArray           *annotations);
/* The colour of each kind's highlights; translucent colours keep the text readable. */
void              attest_reader_set_kind_color          (AttestReader        *self,
                                                         AttestAnnotationKind kind,
                                                         const GdkRGBA       *color);
const GdkRGBA    *attest_reader_get_kind_color          (AttestReader        *self,
                                                         AttestAnnotationKind kind);
/* Tag uuid → GdkRGBA: while set, an annotation is highlighted in the colour of its first
 * tag found there, and not at all without one. NULL colours by kind again. */
void              attest_reader_set_tag_colors          (AttestReader        *self,
                                                         GHashTable          *colors);
/* The colour an annotation is highlighted in; FALSE when it is not highlighted. */
gboolean          attest_reader_get_annotation_color    (AttestReader        *self,
                                                         AttestAnnotation    *annotation,
                                                         GdkRGBA             *color);
GtkTextBuffer    *attest_reader_get_buffer              (AttestReader        *self);
GtkTextView      *attest_reader_get_text_view           (AttestReader        *self);
/* Where the body starts in the buffer: the title and metadata come first. */
guint             attest_reader_get_body_offset         (AttestReader        *self);
/* Marks the spans of the annotations of that kind (it has no look of its own). */
GtkTextTag       *attest_reader_get_kind_tag            (AttestReader        *self,
                                                         AttestAnnotationKind kind);
/* The selected span of the body in code points, without surrounding white space; FALSE when
 * nothing of the body is selected. */
gboolean          attest_reader_get_selection           (AttestReader        *self,
                                                         guint               *start,
                                                         guint               *end);
/* Selects [start, end) of the body and scrolls it into view. */
void              attest_reader_select_span             (AttestReader        *self,
                                                         guint                start,
                                                         guint                end);
/* The annotation the user picked, whose span is selected; NULL forgets it. */
const char       *attest_reader_get_selected_annotation (AttestReader        *self);
void              attest_reader_set_selected_annotation (AttestReader        *self,
                                                         AttestAnnotation    *annotation);
/* A click of the primary button at (x, y) of the text view, as the reader handles one when
 * the text view is done with it: it picks an annotation (see "annotation-clicked"). */
void              attest_reader_click_at                (AttestReader        *self,
                                                         double               x,
                                                         double               y);
/* What a click at that offset of the body would pick (see "annotation-clicked"). */
AttestAnnotation *attest_reader_pick_annotation         (AttestReader        *self,
                                                         guint                offset);
/* The place of the last character of [start, end) in the reader's coordinates, where a
 * popover about that span can point. */
gboolean          attest_reader_get_span_area           (AttestReader        *self,
                                                         guint                start,
                                                         guint                end,
                                                         GdkRectangle        *area);
/* A word boundary of the body from offset, or offset itself when there is none. */
guint             attest_reader_find_word               (AttestReader        *self,
                                                         guint                offset,
                                                         AttestWordMove       move);
/* Whether the paragraph of the character at offset reads right to left on screen. */
gboolean          attest_reader_is_rtl_at               (AttestReader        *self,
                                                         guint                offset);
/* Opens the find bar; text NULL keeps the last search. */
void              attest_reader_find                    (AttestReader        *self,
                                                         const char          *text);
GtkWidget        *attest_reader_get_find_bar            (AttestReader        *self);
/* Shows the suggestions with a dotted underline, the current one shaded and selected;
 * NULL shows none. Call again after they changed. */
void              attest_reader_show_suggestions        (AttestReader        *self,
                                                         AttestSuggestions   *suggestions);

G_END_DECLS
