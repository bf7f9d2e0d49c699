/* fuzz-pdf.c: attest_pdf_extract on arbitrary bytes.
 *
 * Poppler itself is not what is fuzzed here (it is not instrumented), but Attest's joining
 * of its lines into paragraphs is, on whatever text a broken PDF yields.
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
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestPdfText) text = attest_pdf_extract (bytes, &error);

  if (text == NULL)
    {
      FUZZ_CHECK_REFUSAL (error);
      FUZZ_CHECK (g_error_matches (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT),
                  "refused with %s %d", g_quark_to_string (error->domain), error->code);
      return 0;
    }

  FUZZ_CHECK (error == NULL, "success with an error set");
  FUZZ_CHECK (text->text != NULL && text->text[0] != '\0', "success without text");
  check_field (text->text, "text");
  /* What was extracted is what the store imports: attest_text_parse() must take it. (It also
   * folds runs of blank lines, which a <pre> can hold.) */
  {
    g_autoptr(GError) parse_error = NULL;
    g_autoptr(AttestText) parsed = attest_text_parse (text->text, -1, FALSE, &parse_error);

    FUZZ_CHECK (parsed != NULL, "the extracted text does not import: %s", parse_error->message);
  }
  check_field (text->title, "title");
  check_field (text->author, "author");

  return 0;
}
