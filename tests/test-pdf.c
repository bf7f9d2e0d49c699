/* test-pdf.c: PDF text, with paragraphs rebuilt from lines. The PDFs are drawn with cairo
 * here, so what is on each line is known exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cairo.h>
#include <cairo-pdf.h>

#include "attest-core.h"

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Each string is one line; NULL starts a new page; "" leaves a blank line. */
static GBytes *
draw_pdf (const char * const *lines,
          guint               n_lines,
          gboolean            with_metadata)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes,
                                                                  595, 842);
  cairo_t *cr = cairo_create (surface);
  double y = 60;

  if (with_metadata)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Checkpoint report");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "A. Researcher");
    }

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);

  for (guint i = 0; i < n_lines; i++)
    {
      if (lines[i] == NULL)
        {
          cairo_show_page (cr);
          y = 60;
          continue;
        }
      if (*lines[i] != '\0')
        {
          cairo_move_to (cr, 50, y);
          cairo_show_text (cr, lines[i]);
        }
      y += 16;
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (bytes);
}

static void
test_paragraphs (void)
{
  static const char * const lines[] = {
    "The militants carried out an ambush on Saturday evening at the site of the",
    "Federal Police Unit, which was usually stationed nearby, but was moved to impose",
    "the closure. The attack targeted a checkpoint in the village of Makchifa.",
    "",
    "The crowd said that they did not have night vision goggles and were surprised by",
    "the attack. Officials described the operation as the most sophisti-",
    "cated in years.",
    "Residents were tense.",
    NULL,
    "\"We are tense,\" said a Baquba resident, and the interview went on for a long",
    "while after that.",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = draw_pdf (lines, G_N_ELEMENTS (lines), TRUE);
  g_autoptr(AttestPdfText) text = attest_pdf_extract (pdf, &error);
  g_auto(GStrv) paragraphs = NULL;

  g_assert_no_error (error);
  g_test_message ("%s", text->text);
  paragraphs = g_strsplit (text->text, "\n\n", -1);

  g_assert_cmpuint (g_strv_length (paragraphs), ==, 4);
  g_assert_cmpstr (paragraphs[0], ==,
                   "The militants carried out an ambush on Saturday evening at the site of the "
                   "Federal Police Unit, which was usually stationed nearby, but was moved to "
                   "impose the closure. The attack targeted a checkpoint in the village of "
                   "Makchifa.");
  /* The hyphen at the line end is gone: "sophisticated" is one word again. */
  g_assert_cmpstr (paragraphs[1], ==,
                   "The crowd said that they did not have night vision goggles and were "
                   "surprised by the attack. Officials described the operation as the most "
                   "sophisticated in years.");
  g_assert_cmpstr (paragraphs[2], ==, "Residents were tense.");
  g_assert_true (g_str_has_prefix (paragraphs[3], "\"We are tense,\" said a Baquba resident"));

  g_assert_cmpstr (text->title, ==, "Checkpoint report");
  g_assert_cmpstr (text->author, ==, "A. Researcher");
}

static void
test_no_text_layer (void)
{
  static const char * const lines[] = { "", "", NULL, "" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = draw_pdf (lines, G_N_ELEMENTS (lines), FALSE);
  g_autoptr(AttestPdfText) text = attest_pdf_extract (pdf, &error);

  g_assert_null (text);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "no text"));
}

static void
test_not_a_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) html = g_bytes_new_static ("<html>no</html>", 15);
  g_autoptr(GBytes) broken = g_bytes_new_static ("%PDF-1.7\nthen garbage", 21);
  g_autoptr(AttestPdfText) a = attest_pdf_extract (html, &error);
  g_autoptr(AttestPdfText) b = NULL;

  g_assert_null (a);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  b = attest_pdf_extract (broken, &error);
  g_assert_null (b);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attest/pdf/paragraphs", test_paragraphs);
  g_test_add_func ("/attest/pdf/no-text-layer", test_no_text_layer);
  g_test_add_func ("/attest/pdf/not-a-pdf", test_not_a_pdf);

  return g_test_run ();
}
