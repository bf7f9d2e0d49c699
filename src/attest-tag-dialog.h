/* attest-tag-dialog.h: asks for the name of a new tag of the codebook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_TAG_DIALOG (attest_tag_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AttestTagDialog, attest_tag_dialog, ATTEST, TAG_DIALOG, AdwMessageDialog)

/* Responses: "cancel", "add". parent: the tag the new one goes under, or NULL for the top;
 * taken: the names beside it already, which "add" refuses (case aside). */
AttestTagDialog *attest_tag_dialog_new             (GtkWindow          *parent,
                                                    AttestTag          *parent_tag,
                                                    const char * const *taken);
/* The typed name, trimmed. */
char            *attest_tag_dialog_dup_name        (AttestTagDialog    *self);
/* NULL for a top-level tag. */
const char      *attest_tag_dialog_get_parent_uuid (AttestTagDialog    *self);

G_END_DECLS
