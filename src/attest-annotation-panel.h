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

/* Signals:
 *   "annotation-activated" (AttestAnnotation *annotation): the user clicked a row.
 */

GtkWidget   *attest_annotation_panel_new             (void);
AttestStore *attest_annotation_panel_get_store       (AttestAnnotationPanel *self);
void         attest_annotation_panel_set_store       (AttestAnnotationPanel *self,
                                                      AttestStore           *store);
/* Shows these AttestAnnotations, in order; NULL or empty shows the empty state. */
void         attest_annotation_panel_set_annotations (AttestAnnotationPanel *self,
                                                      GPtrArray             *annotations);
guint        attest_annotation_panel_get_n_annotations (AttestAnnotationPanel *self);

G_END_DECLS
