/* attest-quote-dialog.h: asks what a selected span is and who says it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_QUOTE_DIALOG (attest_quote_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AttestQuoteDialog, attest_quote_dialog, ATTEST, QUOTE_DIALOG, AdwMessageDialog)

/* Responses: "cancel" and "mark". */
AttestQuoteDialog    *attest_quote_dialog_new              (GtkWindow            *parent,
                                                            AttestStore          *store,
                                                            const char           *text);
AttestAnnotationKind  attest_quote_dialog_get_kind         (AttestQuoteDialog    *self);
void                  attest_quote_dialog_set_kind         (AttestQuoteDialog    *self,
                                                            AttestAnnotationKind  kind);
/* Trimmed; "" when no speaker was given. */
const char           *attest_quote_dialog_get_speaker_name (AttestQuoteDialog    *self);
void                  attest_quote_dialog_set_speaker_name (AttestQuoteDialog    *self,
                                                            const char           *name);
/* The key of the chosen source kind, e.g. "official". */
const char           *attest_quote_dialog_get_speaker_kind (AttestQuoteDialog    *self);
gboolean              attest_quote_dialog_set_speaker_kind (AttestQuoteDialog    *self,
                                                            const char           *key);

G_END_DECLS
