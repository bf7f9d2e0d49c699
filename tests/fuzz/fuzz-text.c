/* fuzz-text.c: attest_text_parse, as plain text and as Markdown, and the span helpers on
 * the body it gives.
 *
 * Checks the promises of attest-text.h: a body is UTF-8 with LF line ends, no control
 * characters but tab and newline, paragraphs separated by exactly one blank line; a refusal
 * is an ATTEST_ERROR_INVALID_INPUT with a message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"

static void
check_field (const char *value,
             const char *name)
{
  if (value == NULL)
    return;
  FUZZ_CHECK (g_utf8_validate (value, -1, NULL), "%s is not UTF-8", name);
}

static void
check_body (const char *body)
{
  FUZZ_CHECK (g_utf8_validate (body, -1, NULL), "the body is not UTF-8");
  FUZZ_CHECK (body[0] != '\0', "an empty body was accepted");
  FUZZ_CHECK (strchr (body, '\r') == NULL, "a CR is left in the body");
  FUZZ_CHECK (strstr (body, "\n\n\n") == NULL, "two blank lines in a row in the body");
  FUZZ_CHECK (body[0] != '\n', "the body starts with a blank line");
  for (const char *p = body; *p != '\0'; p++)
    FUZZ_CHECK ((guchar) *p >= 0x20 || *p == '\t' || *p == '\n',
                "control character 0x%02x in the body", (guint) (guchar) *p);
}

/* Offsets taken from the input's own bytes, so the fuzzer can steer them. */
static void
check_spans (const char    *body,
             const uint8_t *data,
             size_t         size)
{
  glong n_chars = g_utf8_strlen (body, -1);
  guint start = size > 0 ? data[0] : 0;
  guint end = size > 1 ? start + data[1] : start;

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *sub = attest_text_substring (body, start, end);
      g_autofree char *prefix = attest_text_prefix (body, start, 32);
      g_autofree char *suffix = attest_text_suffix (body, end, 32);

      if (end <= n_chars)
        {
          FUZZ_CHECK (sub != NULL, "[%u, %u) of %ld code points refused", start, end, n_chars);
          FUZZ_CHECK (g_utf8_strlen (sub, -1) == (glong) (end - start), "wrong length");
          FUZZ_CHECK (suffix != NULL, "suffix at %u of %ld refused", end, n_chars);
        }
      else
        {
          FUZZ_CHECK (sub == NULL, "[%u, %u) beyond %ld code points", start, end, n_chars);
          FUZZ_CHECK (suffix == NULL, "suffix beyond the body");
        }
      FUZZ_CHECK ((start <= n_chars) == (prefix != NULL), "prefix at %u of %ld", start, n_chars);

      /* The same near the end of the body. */
      start = n_chars > 3 ? (guint) n_chars - 3 : 0;
      end = (guint) n_chars + (size & 1);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  for (guint markdown = 0; markdown < 2; markdown++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AttestText) text = attest_text_parse ((const char *) data, size, markdown,
                                                      &error);

      if (text == NULL)
        {
          FUZZ_CHECK_REFUSAL (error);
          FUZZ_CHECK (g_error_matches (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT),
                      "refused with %s %d", g_quark_to_string (error->domain), error->code);
          continue;
        }

      FUZZ_CHECK (error == NULL, "success with an error set");
      check_body (text->body);
      FUZZ_CHECK (text->title != NULL, "no title");
      FUZZ_CHECK (strchr (text->title, '\n') == NULL, "a title of more than one line");
      check_field (text->title, "title");
      check_field (text->byline, "byline");
      check_field (text->outlet, "outlet");
      check_field (text->url, "url");
      check_field (text->published, "published");
      check_field (text->language, "language");

      {
        g_autofree char *hash = attest_text_content_hash (text->body);

        FUZZ_CHECK (hash != NULL && strlen (hash) == 64, "bad hash");
      }
      check_spans (text->body, data, size);
    }

  return 0;
}
