/* attest-annotation-panel.h: the side panel listing an article's annotations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_ANNOTATION_PANEL (attest_annotation_panel_get_type ())
G_DECLARE_FINAL_TYPE (AttestAnnotationPanel, attest_annotation_panel, ATTEST, ANNOTATION_PANEL, GtkWidget)

/* The colour of an annotation's highlight, for the bar beside its row; FALSE for none. */
typedef gboolean (*AttestAnnotationColorFunc) (AttestAnnotation *annotation,
                                               GdkRGBA          *color,
                                               gpointer          user_data);

/* Signals:
 *   "annotation-activated" (AttestAnnotation *annotation): the user clicked a row.
 *   "clear-filter": the user closed the "Filtered by …" chip.
 */

GtkWidget   *attest_annotation_panel_new             (void);
AttestStore *attest_annotation_panel_get_store       (AttestAnnotationPanel *self);
void         attest_annotation_panel_set_store       (AttestAnnotationPanel *self,
                                                      AttestStore           *store);
/* Shows these AttestAnnotations, in order; NULL or empty shows the empty state. */
void         attest_annotation_panel_set_annotations (AttestAnnotationPanel *self,
                                                      GPtrArray             *annotations);
guint        attest_annotation_panel_get_n_annotations (AttestAnnotationPanel *self);
/* Highlights the row of the annotation with that uuid (NULL: none) and scrolls to it. */
void         attest_annotation_panel_set_selected    (AttestAnnotationPanel *self,
                                                      const char            *uuid);
const char  *attest_annotation_panel_get_selected    (AttestAnnotationPanel *self);
/* Shows "Filtered by “name”" with a button that emits "clear-filter"; NULL hides it. */
void         attest_annotation_panel_set_filter      (AttestAnnotationPanel *self,
                                                      const char            *tag_name,
                                                      const char            *color);
const char  *attest_annotation_panel_get_filter      (AttestAnnotationPanel *self);
/* Colours the bars beside the rows like the highlights in the reader; NULL uses the kind's
 * default colour. */
void         attest_annotation_panel_set_color_func  (AttestAnnotationPanel    *self,
                                                      AttestAnnotationColorFunc func,
                                                      gpointer                  user_data);

G_END_DECLS
