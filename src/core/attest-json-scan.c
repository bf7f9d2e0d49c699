/* attest-json-scan.c: a big JSON document split into parts without building it whole.
 *
 * A small strict scanner checks the syntax of every byte first (strings and their escapes,
 * numbers, literals, nesting) and notes where each top-level member and each element of the
 * named top-level lists lies; each part is then parsed on its own by json-glib, so that
 * memory goes with the largest part, not the file. Stricter than json-glib, on purpose: no
 * comments, no top-level name given twice, no nesting deeper than MAX_DEPTH.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-json-scan"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "attest-error.h"
#include "attest-json-scan.h"

#define MAX_DEPTH 256

typedef struct
{
  const char *data;
  gsize       size;
  gsize       pos;
  const char *problem;
} Scan;

struct _AttestJsonDoc
{
  const char *data;
  GHashTable *members;    /* name → AttestJsonSpan of its value */
  GHashTable *items;      /* name of a split list → GArray of its elements' spans */
};

void
_attest_json_doc_free (AttestJsonDoc *doc)
{
  if (doc == NULL)
    return;
  g_clear_pointer (&doc->members, g_hash_table_unref);
  g_clear_pointer (&doc->items, g_hash_table_unref);
  g_free (doc);
}

static gboolean
scan_fail (Scan       *s,
           const char *problem)
{
  if (s->problem == NULL)
    s->problem = problem;
  return FALSE;
}

static inline void
skip_space (Scan *s)
{
  while (s->pos < s->size)
    {
      char c = s->data[s->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        return;
      s->pos++;
    }
}

static gboolean
scan_string (Scan *s)
{
  gsize start = ++s->pos;
  gboolean high = FALSE;

  while (s->pos < s->size)
    {
      guchar c = s->data[s->pos];

      if (c == '"')
        {
          if (high && !g_utf8_validate (s->data + start, s->pos - start, NULL))
            {
              s->pos = start;
              return scan_fail (s, _("a text is not valid UTF-8"));
            }
          s->pos++;
          return TRUE;
        }
      if (c < 0x20)
        return scan_fail (s, _("a text has a control character in it"));
      if (c >= 0x80)
        high = TRUE;
      else if (c == '\\')
        {
          if (++s->pos >= s->size)
            break;
          c = s->data[s->pos];
          if (c == 'u')
            {
              for (guint k = 1; k <= 4; k++)
                {
                  if (s->pos + k >= s->size)
                    return scan_fail (s, _("the file ends too early"));
                  if (!g_ascii_isxdigit (s->data[s->pos + k]))
                    return scan_fail (s, _("a text has an escape that is not valid"));
                }
              s->pos += 4;
            }
          else if (c == '\0' || strchr ("\"\\/bfnrt", c) == NULL)
            return scan_fail (s, _("a text has an escape that is not valid"));
        }
      s->pos++;
    }
  return scan_fail (s, _("the file ends too early"));
}

static gboolean
scan_digits (Scan *s)
{
  gsize start = s->pos;

  while (s->pos < s->size && g_ascii_isdigit (s->data[s->pos]))
    s->pos++;
  return s->pos > start || scan_fail (s, _("a number is not valid"));
}

static gboolean
scan_number (Scan *s)
{
  if (s->data[s->pos] == '-')
    s->pos++;
  if (s->pos < s->size && s->data[s->pos] == '0')
    s->pos++;
  else if (!scan_digits (s))
    return FALSE;
  if (s->pos < s->size && s->data[s->pos] == '.')
    {
      s->pos++;
      if (!scan_digits (s))
        return FALSE;
    }
  if (s->pos < s->size && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      s->pos++;
      if (s->pos < s->size && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (!scan_digits (s))
        return FALSE;
    }
  return TRUE;
}

static gboolean
scan_word (Scan       *s,
           const char *word)
{
  gsize len = strlen (word);

  if (s->size - s->pos < len || memcmp (s->data + s->pos, word, len) != 0)
    return scan_fail (s, _("there is an unexpected character"));
  s->pos += len;
  return TRUE;
}

static gboolean scan_value (Scan *s, guint depth, GArray *items);

/* An object or a list; with items, notes where each element of a list lies. */
static gboolean
scan_container (Scan   *s,
                guint   depth,
                GArray *items)
{
  char close = s->data[s->pos] == '{' ? '}' : ']';

  if (depth > MAX_DEPTH)
    return scan_fail (s, _("it nests too deeply"));
  s->pos++;
  skip_space (s);
  if (s->pos < s->size && s->data[s->pos] == close)
    {
      s->pos++;
      return TRUE;
    }
  for (;;)
    {
      AttestJsonSpan span;

      if (close == '}')
        {
          skip_space (s);
          if (s->pos >= s->size)
            return scan_fail (s, _("the file ends too early"));
          if (s->data[s->pos] != '"')
            return scan_fail (s, _("there is an unexpected character"));
          if (!scan_string (s))
            return FALSE;
          skip_space (s);
          if (s->pos >= s->size)
            return scan_fail (s, _("the file ends too early"));
          if (s->data[s->pos] != ':')
            return scan_fail (s, _("there is an unexpected character"));
          s->pos++;
        }
      skip_space (s);
      span.start = s->pos;
      if (!scan_value (s, depth, NULL))
        return FALSE;
      span.end = s->pos;
      if (items != NULL)
        g_array_append_val (items, span);
      skip_space (s);
      if (s->pos >= s->size)
        return scan_fail (s, _("the file ends too early"));
      if (s->data[s->pos] == close)
        {
          s->pos++;
          return TRUE;
        }
      if (s->data[s->pos] != ',')
        return scan_fail (s, _("there is an unexpected character"));
      s->pos++;
    }
}

static gboolean
scan_value (Scan   *s,
            guint   depth,
            GArray *items)
{
  char c;

  skip_space (s);
  if (s->pos >= s->size)
    return scan_fail (s, _("the file ends too early"));
  c = s->data[s->pos];
  switch (c)
    {
    case '"':
      return scan_string (s);
    case '{':
      return scan_container (s, depth + 1, NULL);
    case '[':
      return scan_container (s, depth + 1, items);
    case 't':
      return scan_word (s, "true");
    case 'f':
      return scan_word (s, "false");
    case 'n':
      return scan_word (s, "null");
    default:
      if (c == '-' || g_ascii_isdigit (c))
        return scan_number (s);
      return scan_fail (s, _("there is an unexpected character"));
    }
}

/* A member's name as JSON means it: escapes undone. */
static char *
scan_key (const char *data,
          AttestJsonSpan        span)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (memchr (data + span.start, '\\', span.end - span.start) == NULL)
    return g_strndup (data + span.start + 1, span.end - span.start - 2);
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data + span.start, span.end - span.start, NULL)
      || (root = json_parser_get_root (parser)) == NULL
      || !JSON_NODE_HOLDS_VALUE (root)
      || json_node_get_value_type (root) != G_TYPE_STRING)
    return g_strndup (data + span.start + 1, span.end - span.start - 2);
  return g_strdup (json_node_get_string (root));
}

static gboolean
scan_error (Scan     *s,
            GError  **error,
            gboolean  twice)
{
  guint line = 1;
  guint column = 1;
  g_autofree char *where = NULL;

  for (gsize i = 0; i < s->pos && i < s->size; i++)
    if (s->data[i] == '\n')
      {
        line++;
        column = 1;
      }
    else
      column++;
  if (twice)
    /* TRANSLATORS: where a JSON file is broken; %s is a name found twice at its top level. */
    where = g_strdup_printf (_("line %u, column %u: the name “%s” is given twice"),
                             line, column, s->problem);
  else
    /* TRANSLATORS: where a JSON file is broken, and how; %s says what is wrong. */
    where = g_strdup_printf (_("line %u, column %u: %s"), line, column,
                             s->problem ? s->problem : _("there is an unexpected character"));
  g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
               _("This is not a JSON file Attest can read: %s"), where);
  return FALSE;
}

/* Checks the syntax of the whole document and notes where its parts are. */
static gboolean
scan_document (AttestJsonDoc       *doc,
               const char          *data,
               gsize                size,
               const char * const  *lists,
               GError             **error)
{
  Scan s = { data, size, 0, NULL };

  skip_space (&s);
  if (s.pos >= s.size || data[s.pos] != '{')
    {
      if (s.pos < s.size)
        {
          if (!scan_value (&s, 0, NULL))
            return scan_error (&s, error, FALSE);
          skip_space (&s);
          if (s.pos < s.size)
            {
              scan_fail (&s, _("there is more after the end of the document"));
              return scan_error (&s, error, FALSE);
            }
        }
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("This JSON file is not an Attest collection."));
      return FALSE;
    }

  s.pos++;
  skip_space (&s);
  if (s.pos < s.size && data[s.pos] == '}')
    s.pos++;
  else
    for (;;)
      {
        g_autofree char *key = NULL;
        AttestJsonSpan name, value;
        GArray *items = NULL;

        skip_space (&s);
        if (s.pos >= s.size)
          {
            scan_fail (&s, _("the file ends too early"));
            return scan_error (&s, error, FALSE);
          }
        if (data[s.pos] != '"')
          {
            scan_fail (&s, _("there is an unexpected character"));
            return scan_error (&s, error, FALSE);
          }
        name.start = s.pos;
        if (!scan_string (&s))
          return scan_error (&s, error, FALSE);
        name.end = s.pos;
        key = scan_key (data, name);
        if (g_hash_table_contains (doc->members, key))
          {
            g_autofree char *twice = g_utf8_make_valid (key, -1);

            /* json-glib kept the last; which one was meant is anybody's guess. */
            s.pos = name.start;
            s.problem = twice;
            return scan_error (&s, error, TRUE);
          }
        skip_space (&s);
        if (s.pos >= s.size)
          {
            scan_fail (&s, _("the file ends too early"));
            return scan_error (&s, error, FALSE);
          }
        if (data[s.pos] != ':')
          {
            scan_fail (&s, _("there is an unexpected character"));
            return scan_error (&s, error, FALSE);
          }
        s.pos++;
        skip_space (&s);
        if (g_strv_contains (lists, key) && s.pos < s.size && data[s.pos] == '[')
          {
            items = g_array_new (FALSE, FALSE, sizeof (AttestJsonSpan));
            g_hash_table_insert (doc->items, g_strdup (key), items);
          }
        value.start = s.pos;
        if (!scan_value (&s, 1, items))
          return scan_error (&s, error, FALSE);
        value.end = s.pos;
        g_hash_table_insert (doc->members, g_steal_pointer (&key),
                             g_memdup2 (&value, sizeof value));
        skip_space (&s);
        if (s.pos >= s.size)
          {
            scan_fail (&s, _("the file ends too early"));
            return scan_error (&s, error, FALSE);
          }
        if (data[s.pos] == '}')
          {
            s.pos++;
            break;
          }
        if (data[s.pos] != ',')
          {
            scan_fail (&s, _("there is an unexpected character"));
            return scan_error (&s, error, FALSE);
          }
        s.pos++;
      }

  skip_space (&s);
  if (s.pos < s.size)
    {
      scan_fail (&s, _("there is more after the end of the document"));
      return scan_error (&s, error, FALSE);
    }
  return TRUE;
}

AttestJsonDoc *
_attest_json_doc_scan (const char          *data,
                       gsize                size,
                       const char * const  *lists,
                       GError             **error)
{
  AttestJsonDoc *doc = g_new0 (AttestJsonDoc, 1);

  doc->data = data;
  doc->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  doc->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_array_unref);
  if (!scan_document (doc, data, size, lists, error))
    {
      _attest_json_doc_free (doc);
      return NULL;
    }
  return doc;
}

gboolean
_attest_json_doc_has (AttestJsonDoc *doc,
                      const char    *name)
{
  return g_hash_table_contains (doc->members, name);
}

GArray *
_attest_json_doc_get_items (AttestJsonDoc *doc,
                            const char    *name)
{
  return g_hash_table_lookup (doc->items, name);
}

JsonNode *
_attest_json_doc_parse (AttestJsonDoc         *doc,
                        const AttestJsonSpan  *span,
                        GError               **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;

  if (!json_parser_load_from_data (parser, doc->data + span->start, span->end - span->start,
                                   &parse_error)
      || json_parser_get_root (parser) == NULL)
    {
      g_autofree char *message = g_utf8_make_valid (parse_error ? parse_error->message : "", -1);

      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("This is not a JSON file Attest can read: %s"), message);
      return NULL;
    }
  return json_parser_steal_root (parser);
}

JsonNode *
_attest_json_doc_parse_member (AttestJsonDoc  *doc,
                               const char     *name,
                               GError        **error)
{
  const AttestJsonSpan *span = g_hash_table_lookup (doc->members, name);

  return span != NULL ? _attest_json_doc_parse (doc, span, error) : NULL;
}
