/* attest-reader-private.h: what the parts of AttestReader share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "attest-reader.h"
#include "attest-find-bar.h"

G_BEGIN_DECLS

struct _AttestReader
{
  GtkWidget       parent_instance;

  AttestArticle  *article;
  guint           body_offset;
  guint           body_length;
  /* The annotations highlighted, and the one the user picked among them. */
  GPtrArray      *annotations;
  char           *selected_uuid;
  /* Colours: by kind, or, while a tag filter is on, by tag (uuid → GdkRGBA). */
  GdkRGBA         kind_colors[ATTEST_ANNOTATION_N_KINDS];
  GHashTable     *tag_colors;

  GtkTextTag     *title_tag;
  GtkTextTag     *meta_tag;
  /* Mark where the annotations of each kind are; they have no look of their own. */
  GtkTextTag     *kind_tags[ATTEST_ANNOTATION_N_KINDS];
  /* The looks of the stretches of text, one tag per distinct look (key → tag). */
  GHashTable     *style_tags;
  /* Suggestions: a dotted underline, the current one also shaded. */
  GtkTextTag     *suggestion_tag;
  GtkTextTag     *current_suggestion_tag;

  /* A click waits for the text view to finish with it before it picks an annotation. */
  guint           click_idle_id;
  int             click_offset;

  /* Template widgets */
  GtkStack       *stack;
  AttestFindBar  *find_bar;
  GtkTextView    *text_view;
};

/* attest-reader-locate.c: clicks, places and words */
void     _attest_reader_class_init_locate (GtkWidgetClass *widget_class);

/* attest-reader-highlights.c: how annotations look */
void     _attest_reader_init_highlights   (AttestReader *self);
void     _attest_reader_apply_highlights  (AttestReader *self);
/* Forgets the looks made so far (the colours changed). */
void     _attest_reader_reset_styles      (AttestReader *self);
/* The colour that highlights one annotation. */
gboolean _attest_reader_annotation_color  (AttestReader     *self,
                                           AttestAnnotation *annotation,
                                           GdkRGBA          *color);

G_END_DECLS
