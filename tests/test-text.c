/* test-text.c: what import makes of the bytes it is given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "attest-core.h"

static const struct {
  const char *name;
  const char *input;
  gssize      length;
  gboolean    markdown;
  const char *body;   /* NULL: refused */
  const char *title;
} cases[] = {
  { "plain", "Title\n\nFirst paragraph.\n\nSecond.", -1, FALSE,
    "Title\n\nFirst paragraph.\n\nSecond.", "Title" },
  { "crlf", "Title\r\n\r\nFirst line\r\nsame paragraph.\r\n", -1, FALSE,
    "Title\n\nFirst line\nsame paragraph.", "Title" },
  { "lone-cr", "Title\r\rBody", -1, FALSE, "Title\n\nBody", "Title" },
  { "bom", "\xEF\xBB\xBFTitle\n\nBody", -1, FALSE, "Title\n\nBody", "Title" },
  { "blank-runs", "\n\n  \nTitle\n\n\n \t \n\nBody  \n\n\n", -1, FALSE, "Title\n\nBody", "Title" },
  { "trailing-space-kept", "Title\n\nA line. \n\nNext", -1, FALSE, "Title\n\nA line. \n\nNext",
    "Title" },
  { "control-chars", "Ti\x01tle\n\nBo\x7f" "dy", -1, FALSE, "Title\n\nBody", "Title" },
  { "markdown-heading", "# A *Heading*\n\nText.", -1, TRUE, "# A *Heading*\n\nText.",
    "A *Heading*" },
  { "front-matter", "---\ntitle: \"Ambush in Makchifa\"\nauthor: A. Writer\noutlet: Al Jazeera\n"
    "date: 2020-04-05\nlang: en\n---\nBody text.", -1, TRUE, "Body text.", "Ambush in Makchifa" },
  { "arabic", "عنوان\n\nنص المقال.", -1, FALSE, "عنوان\n\nنص المقال.", "عنوان" },
  { "empty", "", 0, FALSE, NULL, NULL },
  { "only-bom", "\xEF\xBB\xBF", -1, FALSE, NULL, NULL },
  { "only-space", " \n\n\t\n", -1, FALSE, NULL, NULL },
  { "only-punctuation", "... --- !!!", -1, FALSE, NULL, NULL },
  { "invalid-utf8", "Title\n\nBad \xC3\x28 byte", -1, FALSE, NULL, NULL },
  { "latin1", "Caf\xE9", -1, FALSE, NULL, NULL },
  { "nul-byte", "Text\0more", 9, FALSE, NULL, NULL },
};

static void
test_parse_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AttestText) text = NULL;

      g_test_message ("case %s", cases[i].name);
      text = attest_text_parse (cases[i].input, cases[i].length, cases[i].markdown, &error);

      if (cases[i].body == NULL)
        {
          g_assert_null (text);
          g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
          g_assert_nonnull (error->message);
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpstr (text->body, ==, cases[i].body);
      g_assert_cmpstr (text->title, ==, cases[i].title);
    }
}

static void
test_front_matter_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestText) text = attest_text_parse (cases[8].input, -1, TRUE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text->byline, ==, "A. Writer");
  g_assert_cmpstr (text->outlet, ==, "Al Jazeera");
  g_assert_cmpstr (text->published, ==, "2020-04-05");
  g_assert_cmpstr (text->language, ==, "en");
}

static void
test_invalid_utf8_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestText) text = attest_text_parse ("ok\nok\nbad \xFF here", -1, FALSE, &error);

  g_assert_null (text);
  /* The researcher is told where: line 3, and the byte. */
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_nonnull (strstr (error->message, "0xFF"));
}

static void
test_long_title_is_cut_at_a_word (void)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(AttestText) text = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append (line, "word ");
  text = attest_text_parse (line->str, -1, FALSE, NULL);

  g_assert_nonnull (text);
  g_assert_cmpint (g_utf8_strlen (text->title, -1), <=, 161);
  g_assert_true (g_str_has_suffix (text->title, "word…"));
}

static void
test_substring_code_points (void)
{
  /* "A😀 مرحبا b": the emoji is one code point, four bytes. */
  const char *body = "A\xF0\x9F\x98\x80 مرحبا b";
  g_autofree char *emoji = attest_text_substring (body, 1, 2);
  g_autofree char *arabic = attest_text_substring (body, 3, 8);
  g_autofree char *past_end = attest_text_substring (body, 5, 50);
  g_autofree char *prefix = attest_text_prefix (body, 3, 2);
  g_autofree char *suffix = attest_text_suffix (body, 8, 32);

  g_assert_cmpstr (emoji, ==, "\xF0\x9F\x98\x80");
  g_assert_cmpstr (arabic, ==, "مرحبا");
  g_assert_null (past_end);
  g_assert_cmpstr (prefix, ==, "\xF0\x9F\x98\x80 ");
  g_assert_cmpstr (suffix, ==, " b");
}

static void
test_hash_follows_normalised_text (void)
{
  g_autoptr(AttestText) unix_text = attest_text_parse ("T\n\nBody\n", -1, FALSE, NULL);
  g_autoptr(AttestText) dos_text = attest_text_parse ("T\r\n\r\nBody\r\n", -1, FALSE, NULL);
  g_autoptr(AttestText) other = attest_text_parse ("T\n\nBody!", -1, FALSE, NULL);
  g_autofree char *a = attest_text_content_hash (unix_text->body);
  g_autofree char *b = attest_text_content_hash (dos_text->body);
  g_autofree char *c = attest_text_content_hash (other->body);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpuint (strlen (a), ==, 64);
}

static void
test_find_unique_span (void)
{
  const char *body = "He said “yes”. She said “no”. 😀 He said “yes” again.";
  g_autoptr(GError) error = NULL;
  guint start = 0, end = 0;

  g_assert_true (attest_find_unique_span (body, "“no”", &start, &end, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (start, ==, 24);
  g_assert_cmpuint (end, ==, 28);

  g_assert_true (attest_find_unique_span (body, "again", &start, &end, &error));
  g_assert_cmpuint (start, ==, 46);  /* the emoji counts as one */

  g_assert_false (attest_find_unique_span (body, "He said “yes”", &start, &end, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_AMBIGUOUS);
  g_clear_error (&error);

  g_assert_false (attest_find_unique_span (body, "maybe", &start, &end, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attest/text/parse-cases", test_parse_cases);
  g_test_add_func ("/attest/text/front-matter-fields", test_front_matter_fields);
  g_test_add_func ("/attest/text/invalid-utf8-message", test_invalid_utf8_message);
  g_test_add_func ("/attest/text/long-title", test_long_title_is_cut_at_a_word);
  g_test_add_func ("/attest/text/substring-code-points", test_substring_code_points);
  g_test_add_func ("/attest/text/hash", test_hash_follows_normalised_text);
  g_test_add_func ("/attest/text/find-unique-span", test_find_unique_span);

  return g_test_run ();
}
