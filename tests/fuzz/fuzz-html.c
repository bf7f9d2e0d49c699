/* fuzz-html.c: attest_html_extract on arbitrary bytes.
 *
 * Checks the promises of attest-html.h: every field is UTF-8, the text is one the store
 * imports, the date is ISO 8601, the language a BCP 47 tag; a refusal is an
 * ATTEST_ERROR_INVALID_INPUT with a message. The HTTP charset varies with the input's
 * length so that the decoding paths are fuzzed too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"

static const char * const charsets[] = {
  NULL, NULL, NULL, "utf-8", "windows-1256", "windows-1252", "utf-16", "no-such-charset",
};

static void
check_field (const char *value,
             const char *name)
{
  if (value == NULL)
    return;
  FUZZ_CHECK (g_utf8_validate (value, -1, NULL), "%s is not UTF-8", name);
}

static void
check_published (const char *published)
{
  if (published == NULL)
    return;
  FUZZ_CHECK (strlen (published) >= 4 && g_ascii_isdigit (published[0])
              && g_ascii_isdigit (published[1]) && g_ascii_isdigit (published[2])
              && g_ascii_isdigit (published[3]),
              "published “%s” is not ISO 8601", published);
}

static void
check_language (const char *language)
{
  if (language == NULL)
    return;
  FUZZ_CHECK (language[0] != '\0', "an empty language");
  for (const char *p = language; *p != '\0'; p++)
    FUZZ_CHECK (g_ascii_isalnum (*p) || *p == '-', "language “%s” is not BCP 47", language);
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
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestHtmlArticle) article = NULL;
  const char *charset = charsets[size % G_N_ELEMENTS (charsets)];

  article = attest_html_extract ((const char *) data, size, charset,
                                 "https://news.example.org/world/2020/05/ambush.html", &error);
  if (article == NULL)
    {
      FUZZ_CHECK_REFUSAL (error);
      FUZZ_CHECK (g_error_matches (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT),
                  "refused with %s %d", g_quark_to_string (error->domain), error->code);
      return 0;
    }

  FUZZ_CHECK (error == NULL, "success with an error set");
  FUZZ_CHECK (article->text != NULL && article->text[0] != '\0', "success without text");
  check_field (article->text, "text");
  /* What was extracted is what the store imports: attest_text_parse() must take it. (It also
   * folds runs of blank lines, which a <pre> can hold.) */
  {
    g_autoptr(GError) parse_error = NULL;
    g_autoptr(AttestText) parsed = attest_text_parse (article->text, -1, FALSE, &parse_error);

    FUZZ_CHECK (parsed != NULL, "the extracted text does not import: %s", parse_error->message);
  }
  check_field (article->title, "title");
  check_field (article->byline, "byline");
  check_field (article->site_name, "site name");
  check_field (article->published, "published");
  check_field (article->language, "language");
  check_field (article->canonical_url, "canonical URL");
  check_field (article->description, "description");
  check_published (article->published);
  check_language (article->language);

  return 0;
}
