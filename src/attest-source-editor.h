/* attest-source-editor.h: the details of one source, editable, and every quote it has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_SOURCE_EDITOR (attest_source_editor_get_type ())
G_DECLARE_FINAL_TYPE (AttestSourceEditor, attest_source_editor, ATTEST, SOURCE_EDITOR, GtkWidget)

/* Signals:
 *   "open-annotation" (const char *article_uuid, const char *annotation_uuid): the user
 *     activated one of the source's quotes.
 *
 * Every edit goes through the store as one undoable step; the editor follows the store's
 * "changed" signal, so undo shows at once.
 */

GtkWidget    *attest_source_editor_new        (void);
AttestStore  *attest_source_editor_get_store  (AttestSourceEditor *self);
void          attest_source_editor_set_store  (AttestSourceEditor *self,
                                               AttestStore        *store);
/* The source shown, as last read from the store; NULL shows "No Source Selected". */
AttestSource *attest_source_editor_get_source (AttestSourceEditor *self);
void          attest_source_editor_set_source (AttestSourceEditor *self,
                                               AttestSource       *source);

G_END_DECLS
