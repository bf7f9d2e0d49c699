/* attest-pdf.h: the text layer of a PDF as article text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *text;    /* UTF-8, paragraphs separated by a blank line */
  char *title;   /* from the document's metadata, or NULL */
  char *author;
} AttestPdfText;

void           attest_pdf_text_free (AttestPdfText *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestPdfText, attest_pdf_text_free)

/* ATTEST_ERROR_INVALID_INPUT for what is not a PDF, a locked one, or one with no text. */
AttestPdfText *attest_pdf_extract (GBytes  *data,
                                   GError **error);

G_END_DECLS
