/* attest-inspector.h: everything about one annotation, editable: kind, speaker, claim
 * status, tags and comment, with who coded it and when.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_INSPECTOR (attest_inspector_get_type ())
G_DECLARE_FINAL_TYPE (AttestInspector, attest_inspector, ATTEST, INSPECTOR, GtkWidget)

/* Every change is one undoable step of the store; the inspector re-reads its annotation
 * when the store changes (an undo shows at once; a deleted annotation empties it). The
 * comment is saved when the focus leaves it or after a second without typing.
 *
 * Actions:
 *   "inspector.clear-speaker": the annotation has no speaker any more.
 *   "inspector.toggle-tag" ("s" tag uuid): tags or untags the annotation.
 */

GtkWidget        *attest_inspector_new            (void);
AttestStore      *attest_inspector_get_store      (AttestInspector  *self);
void              attest_inspector_set_store      (AttestInspector  *self,
                                                   AttestStore      *store);
/* NULL shows "No Annotation Selected". */
AttestAnnotation *attest_inspector_get_annotation (AttestInspector  *self);
void              attest_inspector_set_annotation (AttestInspector  *self,
                                                   AttestAnnotation *annotation);
/* Saves a comment still being typed; the window calls it before it closes. */
void              attest_inspector_flush          (AttestInspector  *self);

G_END_DECLS
