/* attest-pdf.c: the text of a PDF, with its paragraphs put back together.
 *
 * Poppler gives a PDF's text as lines. A paragraph goes on across line breaks; it ends at a
 * blank line, where a line stops well short of the column's width after a sentence, or at a
 * page break after a finished sentence. Words hyphenated at a line end are joined again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-pdf"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <poppler.h>

#include "attest-error.h"
#include "attest-pdf.h"
#include "attest-text.h"

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* A line shorter than this share of the longest line on its page ends a paragraph if it
 * ends a sentence. */
#define SHORT_LINE_RATIO 0.8

void
attest_pdf_text_free (AttestPdfText *text)
{
  if (text == NULL)
    return;

  g_free (text->text);
  g_free (text->title);
  g_free (text->author);
  g_free (text);
}

static gboolean
ends_sentence (const char *line)
{
  gsize len = strlen (line);
  gunichar last;
  const char *p;

  if (len == 0)
    return FALSE;

  p = g_utf8_find_prev_char (line, line + len);
  last = g_utf8_get_char (p);
  /* A closing quote or bracket after the stop still ends it. */
  if ((last == '"' || last == 0x201D || last == 0x2019 || last == ')' || last == 0xBB)
      && p > line)
    {
      p = g_utf8_find_prev_char (line, p);
      last = g_utf8_get_char (p);
    }

  return last == '.' || last == '!' || last == '?' || last == ':' || last == 0x061F
         || last == 0x06D4 || last == 0x3002;
}

static gboolean
ends_with_hyphen (const char *line)
{
  gsize len = strlen (line);

  return len >= 2 && line[len - 1] == '-' && g_ascii_isalpha (line[len - 2]);
}

static gboolean
starts_lowercase (const char *line)
{
  return *line != '\0' && g_unichar_islower (g_utf8_get_char (line));
}

typedef struct
{
  char   *text;
  double  top;     /* of the line's first character, or -1 when unknown */
  gboolean gap_before;
} Line;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->text);
  g_free (line);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The page's lines with where each starts; a line after a vertical gap clearly wider than
 * the page's usual line spacing starts a paragraph. */
static GPtrArray *
page_lines (PopplerPage *page,
            const char  *page_text)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (line_free);
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  gboolean have_geometry;
  const char *p = page_text;
  glong index = 0;
  double spacing = 0;

  have_geometry = poppler_page_get_text_layout (page, &rects, &n_rects)
                  && (glong) n_rects == g_utf8_strlen (page_text, -1);

  while (*p != '\0')
    {
      const char *nl = strchr (p, '\n');
      gsize len = nl ? (gsize) (nl - p) : strlen (p);
      Line *line = g_new0 (Line, 1);

      line->text = g_strstrip (g_strndup (p, len));
      line->top = have_geometry && index < (glong) n_rects ? rects[index].y1 : -1;
      g_ptr_array_add (lines, line);

      index += g_utf8_strlen (p, len) + (nl ? 1 : 0);
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  g_free (rects);

  for (guint i = 1; i < lines->len; i++)
    {
      Line *prev = g_ptr_array_index (lines, i - 1);
      Line *line = g_ptr_array_index (lines, i);
      double gap = line->top - prev->top;

      if (prev->top >= 0 && line->top >= 0 && gap > 0)
        g_array_append_val (gaps, gap);
    }
  if (gaps->len > 0)
    {
      g_array_sort (gaps, compare_doubles);
      spacing = g_array_index (gaps, double, gaps->len / 2);
    }

  for (guint i = 1; i < lines->len && spacing > 0; i++)
    {
      Line *prev = g_ptr_array_index (lines, i - 1);
      Line *line = g_ptr_array_index (lines, i);

      line->gap_before = line->top - prev->top > spacing * 1.4;
    }

  return g_steal_pointer (&lines);
}

/* Adds one page's lines to out, continuing or ending the open paragraph. */
static void
append_page (GString     *out,
             PopplerPage *page,
             const char  *page_text,
             gboolean    *open_paragraph)
{
  g_autoptr(GPtrArray) lines = page_lines (page, page_text);
  glong longest = 0;

  for (guint i = 0; i < lines->len; i++)
    longest = MAX (longest, g_utf8_strlen (((Line *) g_ptr_array_index (lines, i))->text, -1));

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (*line->text == '\0')
        {
          *open_paragraph = FALSE;
          continue;
        }
      if (line->gap_before)
        *open_paragraph = FALSE;

      if (out->len > 0)
        {
          if (!*open_paragraph)
            g_string_append (out, "\n\n");
          else if (ends_with_hyphen (out->str) && starts_lowercase (line->text))
            g_string_truncate (out, out->len - 1);  /* "inter-" + "national" */
          else
            g_string_append_c (out, ' ');
        }
      g_string_append (out, line->text);

      *open_paragraph = !(ends_sentence (line->text)
                          && g_utf8_strlen (line->text, -1) < longest * SHORT_LINE_RATIO);
    }

  /* A page that ends on a full stop ends the paragraph too. */
  if (out->len > 0 && ends_sentence (out->str + (out->len > 8 ? out->len - 8 : 0)))
    *open_paragraph = FALSE;
}

AttestPdfText *
attest_pdf_extract (GBytes  *data,
                    GError **error)
{
  g_autoptr(AttestPdfText) result = g_new0 (AttestPdfText, 1);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean open_paragraph = FALSE;
  int n_pages;

  g_return_val_if_fail (data != NULL, NULL);

  if (g_bytes_get_size (data) < 5 || memcmp (g_bytes_get_data (data, NULL), "%PDF-", 5) != 0)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("This is not a PDF file."));
      return NULL;
    }

  if (!(document = poppler_document_new_from_bytes (data, NULL, &local_error)))
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                             _("This PDF is protected by a password; open it, save a copy "
                               "without one, and import that."));
      else
        g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                     _("The PDF could not be read: %s"), local_error->message);
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = page ? poppler_page_get_text (page) : NULL;

      if (page_text != NULL && g_utf8_validate (page_text, -1, NULL))
        append_page (out, page, page_text, &open_paragraph);
    }

  /* Text without a letter or digit (a page of rules and dots) is no text layer either, and
   * would only be refused later, as "no words", by the import. */
  if (!g_utf8_validate (out->str, out->len, NULL) || !attest_text_has_words (out->str))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("This PDF has no text in it (it may be scanned pages); Attest "
                             "needs a PDF with a text layer."));
      return NULL;
    }

  result->text = g_string_free (g_steal_pointer (&out), FALSE);
  result->title = poppler_document_get_title (document);
  result->author = poppler_document_get_author (document);
  if (result->title != NULL && *g_strstrip (result->title) == '\0')
    g_clear_pointer (&result->title, g_free);
  if (result->author != NULL && *g_strstrip (result->author) == '\0')
    g_clear_pointer (&result->author, g_free);

  return g_steal_pointer (&result);
}
