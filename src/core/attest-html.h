/* attest-html.h: the main text and metadata of a saved web page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *text;          /* UTF-8 plain text, paragraphs separated by one blank line ("\n\n") */
  char *title;
  char *byline;
  char *site_name;
  char *published;     /* ISO 8601 date or date-time, or NULL */
  char *language;      /* BCP 47, e.g. "en", "ar", or NULL */
  char *canonical_url;
  char *description;
} AttestHtmlArticle;

void               attest_html_article_free (AttestHtmlArticle  *article);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestHtmlArticle, attest_html_article_free)

/* data: the raw bytes of the page. http_charset: the charset parameter of an HTTP
 * Content-Type header, or NULL. base_url: the page's URL if known, or NULL.
 * Errors (domain ATTEST_ERROR, code ATTEST_ERROR_INVALID_INPUT) with a clear message
 * for: empty input, binary data (NUL bytes in the first KBs / not markup), a page with no
 * article text found. */
AttestHtmlArticle *attest_html_extract      (const char          *data,
                                             gsize                length,
                                             const char          *http_charset,
                                             const char          *base_url,
                                             GError             **error);

G_END_DECLS
