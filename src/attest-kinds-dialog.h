/* attest-kinds-dialog.h: "Kinds of Source", where the project's list of kinds is edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_KINDS_DIALOG (attest_kinds_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AttestKindsDialog, attest_kinds_dialog, ATTEST, KINDS_DIALOG, AdwWindow)

AttestKindsDialog *attest_kinds_dialog_new       (GtkWindow         *parent,
                                                  AttestStore       *store);
AttestStore       *attest_kinds_dialog_get_store (AttestKindsDialog *self);
/* A key for a new kind named label: lower-case letters, digits and "-", not yet taken. */
char              *attest_kinds_dialog_make_key  (const char        *label,
                                                  const char * const *taken);

G_END_DECLS
