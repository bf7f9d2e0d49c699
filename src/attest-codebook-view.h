/* attest-codebook-view.h: the project's codebook, a tree of tags, and the selected tag's
 * details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_CODEBOOK_VIEW (attest_codebook_view_get_type ())
G_DECLARE_FINAL_TYPE (AttestCodebookView, attest_codebook_view, ATTEST, CODEBOOK_VIEW, GtkWidget)

/* Properties:
 *   "filter-tag" (string): the uuid of the tag whose annotations the user asked to see
 *     ("Show Annotations With This Tag"); the window filters by it and sets it back to NULL
 *     when the user clears that filter.
 *
 * Actions:
 *   "codebook.add-tag", "codebook.add-child": ask for a name, add a tag at the top or under
 *     the selected one.
 *   "codebook.edit" (F2): puts the cursor in the selected tag's name.
 *   "codebook.delete" (Delete): confirms and deletes the selected tag with its children.
 *   "codebook.show-annotations": sets "filter-tag" to the selected tag.
 *
 * Dragging a tag onto another makes it that tag's child; onto empty space, a top-level tag.
 */

GtkWidget    *attest_codebook_view_new              (void);
AttestStore  *attest_codebook_view_get_store        (AttestCodebookView *self);
void          attest_codebook_view_set_store        (AttestCodebookView *self,
                                                     AttestStore        *store);
AttestTag    *attest_codebook_view_get_selected_tag (AttestCodebookView *self);
/* Selects the tag, expanding the tags above it; FALSE when there is no such tag. */
gboolean      attest_codebook_view_select_tag       (AttestCodebookView *self,
                                                     const char         *uuid);
const char   *attest_codebook_view_get_filter_tag   (AttestCodebookView *self);
void          attest_codebook_view_set_filter_tag   (AttestCodebookView *self,
                                                     const char         *uuid);
/* What dropping a tag does: parent_uuid NULL moves it to the top. FALSE, with a bell, when
 * the store refuses (a tag cannot go under itself or its children). */
gboolean      attest_codebook_view_move_tag         (AttestCodebookView *self,
                                                     const char         *uuid,
                                                     const char         *parent_uuid);

G_END_DECLS
