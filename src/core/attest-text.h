/* attest-text.h: turning bytes a researcher hands us into an article body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *body;      /* UTF-8, LF line ends, paragraphs separated by one blank line */
  char *title;     /* from the first heading or line, or front matter */
  char *byline;    /* front matter fields of a .md file, else NULL */
  char *outlet;
  char *url;
  char *published;
  char *language;
} AttestText;

void        attest_text_free        (AttestText   *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestText, attest_text_free)

/* Checks and normalises plain text or Markdown. Invalid UTF-8, NUL bytes and text with no
 * words are refused with ATTEST_ERROR_INVALID_INPUT and a message that says where. */
AttestText *attest_text_parse       (const char   *data,
                                     gssize        length,
                                     gboolean      markdown,
                                     GError      **error);
/* Whether text has a letter or digit: what attest_text_parse () asks of every text. */
gboolean    attest_text_has_words   (const char   *text);
/* SHA-256 hex of the body: two imports of the same text have the same hash. */
char       *attest_text_content_hash (const char  *body);
/* TextQuoteSelector context around [start, end) in code points. */
char       *attest_text_prefix      (const char   *body,
                                     guint         start,
                                     guint         n_chars);
char       *attest_text_suffix      (const char   *body,
                                     guint         end,
                                     guint         n_chars);
/* A copy of the code points [start, end), or NULL when out of range. */
char       *attest_text_substring   (const char   *body,
                                     guint         start,
                                     guint         end);

G_END_DECLS
