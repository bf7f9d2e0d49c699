/* attest-merge-dialog.h: asks, item by item, which side of a merge conflict to keep.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_MERGE_DIALOG (attest_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AttestMergeDialog, attest_merge_dialog, ATTEST, MERGE_DIALOG, AdwWindow)

/* conflicts holds AttestMergeConflict (from a dry run); every row starts as "Keep Mine".
 *
 * Signals: "import" when the user confirms; the dialog closes itself afterwards.
 * Actions: "merge.import", "merge.all-mine", "merge.all-theirs". */
AttestMergeDialog *attest_merge_dialog_new              (GtkWindow         *parent,
                                                         GPtrArray         *conflicts);
guint              attest_merge_dialog_get_n_conflicts  (AttestMergeDialog *self);
/* uuid → GINT_TO_POINTER (AttestResolution), as AttestMergeOptions takes it. */
GHashTable        *attest_merge_dialog_dup_resolutions  (AttestMergeDialog *self);

G_END_DECLS
