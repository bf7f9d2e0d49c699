/* attest-agreement-dialog.h: how far the project's coders agree, per dimension.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATTEST_TYPE_AGREEMENT_DIALOG (attest_agreement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AttestAgreementDialog, attest_agreement_dialog, ATTEST, AGREEMENT_DIALOG,
                      AdwWindow)

/* Computes the figures for the project at project_path in a worker thread, through its own
 * connection.
 *
 * Properties: "busy" (read-only) while the worker runs. */
AttestAgreementDialog *attest_agreement_dialog_new      (GtkWindow             *parent,
                                                         const char            *project_path);
gboolean               attest_agreement_dialog_get_busy (AttestAgreementDialog *self);

G_END_DECLS
