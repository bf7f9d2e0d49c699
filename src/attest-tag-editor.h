/* attest-tag-editor.h: the details of one tag of the codebook, editable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_TAG_EDITOR (attest_tag_editor_get_type ())
G_DECLARE_FINAL_TYPE (AttestTagEditor, attest_tag_editor, ATTEST, TAG_EDITOR, GtkWidget)

GtkWidget          *attest_tag_editor_new         (void);
AttestStore        *attest_tag_editor_get_store   (AttestTagEditor *self);
void                attest_tag_editor_set_store   (AttestTagEditor *self,
                                                   AttestStore     *store);
/* The tag shown, as last read from the store; NULL shows "No Tag Selected". */
AttestTag          *attest_tag_editor_get_tag     (AttestTagEditor *self);
void                attest_tag_editor_set_tag     (AttestTagEditor *self,
                                                   AttestTag       *tag);
/* Puts the cursor in the name. */
void                attest_tag_editor_focus_name  (AttestTagEditor *self);
/* The colours offered for tags, "#rrggbb", NULL-terminated. */
const char * const *attest_tag_editor_get_palette (void);

G_END_DECLS
