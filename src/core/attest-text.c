/* attest-text.c: checking and normalising the text of an article before it is stored.
 *
 * The body is kept as close to the input as possible, so that offsets a researcher or a
 * colleague computed on the original file still hold: only the byte-order mark, CR line
 * ends, control characters and runs of blank lines change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-text"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "attest-error.h"
#include "attest-text.h"

#define TITLE_MAX_CHARS 160

void
attest_text_free (AttestText *text)
{
  if (text == NULL)
    return;

  g_free (text->body);
  g_free (text->title);
  g_free (text->byline);
  g_free (text->outlet);
  g_free (text->url);
  g_free (text->published);
  g_free (text->language);
  g_free (text);
}

static void
set_invalid_utf8_error (GError     **error,
                        const char  *data,
                        const char  *bad)
{
  guint line = 1;

  for (const char *p = data; p < bad; p++)
    if (*p == '\n')
      line++;

  /* The offset as a plain unsigned long: translators never see a format macro. */
  g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
               _("Not valid UTF-8 text: invalid byte 0x%02X at byte %lu (line %u). Convert "
                 "the file to UTF-8 and import it again."),
               (guint) (guchar) *bad, (gulong) (bad - data), line);
}

/* CRLF and CR become LF; control characters other than tab and newline are dropped. */
static GString *
normalise_line_ends (const char *data,
                     gsize       length)
{
  GString *s = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c == '\r')
        {
          g_string_append_c (s, '\n');
          if (i + 1 < length && data[i + 1] == '\n')
            i++;
        }
      else if (c == '\f' || c == '\v')
        g_string_append_c (s, '\n');
      else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
        continue;
      else
        g_string_append_c (s, c);
    }

  return s;
}

static gboolean
is_blank_line (const char *line,
               const char *end)
{
  for (const char *p = line; p < end; p++)
    if (*p != ' ' && *p != '\t')
      return FALSE;
  return TRUE;
}

/* Paragraphs are separated by exactly one blank line; whitespace-only lines are blank. */
static char *
collapse_blank_lines (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;
  guint pending_breaks = 0;

  while (*p != '\0')
    {
      const char *nl = strchr (p, '\n');
      const char *end = nl != NULL ? nl : p + strlen (p);

      if (is_blank_line (p, end))
        {
          if (out->len > 0)
            pending_breaks++;
        }
      else
        {
          if (out->len > 0)
            g_string_append (out, pending_breaks > 0 ? "\n\n" : "\n");
          g_string_append_len (out, p, end - p);
          pending_breaks = 0;
        }

      if (nl == NULL)
        break;
      p = nl + 1;
    }

  /* Trailing white space of the last line says nothing. */
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

gboolean
attest_text_has_words (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static char *
make_title (const char *line,
            gsize       len,
            gboolean    markdown)
{
  g_autofree char *copy = g_strndup (line, len);
  char *t = copy;
  glong n_chars;

  if (markdown)
    {
      while (*t == '#')
        t++;
    }
  g_strstrip (t);

  n_chars = g_utf8_strlen (t, -1);
  if (n_chars > TITLE_MAX_CHARS)
    {
      /* Cut at the last space before the limit so a word is not split. */
      char *cut = g_utf8_offset_to_pointer (t, TITLE_MAX_CHARS);
      char *space = g_utf8_strrchr (t, cut - t, ' ');

      if (space != NULL && space > t + (cut - t) / 2)
        cut = space;
      g_autofree char *head = g_strndup (t, cut - t);

      return g_strconcat (g_strchomp (head), "…", NULL);
    }

  return g_strdup (t);
}

/* "---\nkey: value\n---\n" at the start of a Markdown file. Returns the body after it. */
static const char *
parse_front_matter (const char *text,
                    AttestText *out)
{
  const char *end;

  if (!g_str_has_prefix (text, "---\n"))
    return text;
  end = strstr (text + 4, "\n---");
  if (end == NULL || (end[4] != '\n' && end[4] != '\0'))
    return text;

  {
    g_autofree char *block = g_strndup (text + 4, end - (text + 4));
    g_auto(GStrv) kv = g_strsplit (block, "\n", -1);

    for (guint i = 0; kv[i] != NULL; i++)
      {
        char *colon = strchr (kv[i], ':');
        char *key, *value;
        char **slot = NULL;

        if (colon == NULL)
          continue;
        *colon = '\0';
        key = g_strstrip (kv[i]);
        value = g_strstrip (colon + 1);
        if (strlen (value) >= 2 && (value[0] == '"' || value[0] == '\'')
            && value[strlen (value) - 1] == value[0])
          {
            value[strlen (value) - 1] = '\0';
            value++;
          }
        if (*value == '\0')
          continue;

        if (g_ascii_strcasecmp (key, "title") == 0)
          slot = &out->title;
        else if (g_ascii_strcasecmp (key, "author") == 0 || g_ascii_strcasecmp (key, "byline") == 0)
          slot = &out->byline;
        else if (g_ascii_strcasecmp (key, "outlet") == 0
                 || g_ascii_strcasecmp (key, "publisher") == 0
                 || g_ascii_strcasecmp (key, "site") == 0)
          slot = &out->outlet;
        else if (g_ascii_strcasecmp (key, "url") == 0 || g_ascii_strcasecmp (key, "source") == 0)
          slot = &out->url;
        else if (g_ascii_strcasecmp (key, "date") == 0
                 || g_ascii_strcasecmp (key, "published") == 0)
          slot = &out->published;
        else if (g_ascii_strcasecmp (key, "lang") == 0
                 || g_ascii_strcasecmp (key, "language") == 0)
          slot = &out->language;

        if (slot != NULL)
          {
            g_free (*slot);
            *slot = g_strdup (value);
          }
      }
  }

  return end[4] == '\0' ? end + 4 : end + 5;
}

AttestText *
attest_text_parse (const char  *data,
                   gssize       length,
                   gboolean     markdown,
                   GError     **error)
{
  g_autoptr(AttestText) text = g_new0 (AttestText, 1);
  g_autoptr(GString) normal = NULL;
  const char *bad = NULL;
  const char *body_start;
  const char *first_line;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (length == 0)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("The file is empty: there is no text to import."));
      return NULL;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("This is not a text file: it contains NUL bytes."));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &bad))
    {
      set_invalid_utf8_error (error, data, bad);
      return NULL;
    }

  normal = normalise_line_ends (data, length);
  body_start = normal->str;
  if (markdown)
    body_start = parse_front_matter (normal->str, text);

  text->body = collapse_blank_lines (body_start);
  if (!attest_text_has_words (text->body))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("The file has no words in it: there is no text to import."));
      return NULL;
    }

  if (text->title == NULL)
    {
      const char *nl;

      first_line = text->body;
      nl = strchr (first_line, '\n');
      text->title = make_title (first_line, nl != NULL ? (gsize) (nl - first_line)
                                                       : strlen (first_line), markdown);
    }

  return g_steal_pointer (&text);
}

char *
attest_text_content_hash (const char *body)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
}

char *
attest_text_substring (const char *body,
                       guint       start,
                       guint       end)
{
  const char *p = body;
  const char *q;
  guint i;

  if (start > end)
    return NULL;

  for (i = 0; i < start && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  if (i < start)
    return NULL;

  q = p;
  for (; i < end && *q != '\0'; i++)
    q = g_utf8_next_char (q);
  if (i < end)
    return NULL;

  return g_strndup (p, q - p);
}

char *
attest_text_prefix (const char *body,
                    guint       start,
                    guint       n_chars)
{
  guint from = start > n_chars ? start - n_chars : 0;

  return attest_text_substring (body, from, start);
}

char *
attest_text_suffix (const char *body,
                    guint       end,
                    guint       n_chars)
{
  glong len = g_utf8_strlen (body, -1);
  guint to = MIN ((glong) end + n_chars, len);

  if (end > len)
    return NULL;

  return attest_text_substring (body, end, to);
}
