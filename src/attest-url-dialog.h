/* attest-url-dialog.h: asks for the web address of a page to import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATTEST_TYPE_URL_DIALOG (attest_url_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AttestUrlDialog, attest_url_dialog, ATTEST, URL_DIALOG, AdwMessageDialog)

/* Responses: "cancel" and "import" (enabled while the entry holds a web address). The entry
 * starts with the clipboard's text when that is a web address. */
AttestUrlDialog *attest_url_dialog_new         (GtkWindow       *parent);
/* The address as typed, trimmed. */
const char      *attest_url_dialog_get_url     (AttestUrlDialog *self);
void             attest_url_dialog_set_url     (AttestUrlDialog *self,
                                                const char      *url);

/* The text, trimmed, when it is one http:// or https:// address and nothing else; NULL
 * otherwise. */
char            *attest_url_dialog_dup_address (const char      *text);

G_END_DECLS
