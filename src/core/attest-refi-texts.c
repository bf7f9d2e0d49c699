/* attest-refi-texts.c: the sources of a REFI-QDA project read and checked: their texts,
 * and each selection's offsets moved onto the body Attest will store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-refi"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "attest-error.h"
#include "attest-refi.h"
#include "attest-refi-parse-private.h"
#include "attest-store-private.h"
#include "attest-text.h"

/* The model */

static void
selection_free (AttestRefiSelection *selection)
{
  if (selection == NULL)
    return;
  g_free (selection->guid);
  g_clear_pointer (&selection->tags, g_ptr_array_unref);
  g_free (selection->comment);
  g_free (selection->coder);
  g_free (selection);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestRefiSelection, selection_free)

void
_attest_refi_text_free (AttestRefiText *text)
{
  g_free (text->guid);
  g_free (text->name);
  g_free (text->title);
  g_free (text->description);
  for (guint i = 0; i < ATTEST_REFI_N_VARIABLES; i++)
    g_free (text->variables[i]);
  g_free (text->body);
  g_clear_pointer (&text->selections, g_ptr_array_unref);
  g_free (text);
}

static gboolean
get_position (AttestRefiParser  *parser,
              xmlNode           *node,
              const char        *name,
              const char        *owner,
              guint64           *value,
              GError           **error)
{
  g_autofree char *raw = _attest_refi_get_attribute (node, name);
  g_autoptr(GError) local_error = NULL;
  const char *digits;
  guint64 parsed = 0;

  if (raw == NULL)
    return _attest_refi_invalid (parser, error, _("a selection of %s has no %s"), owner, name);

  /* xsd:integer: white space around it and a sign are allowed; "-0" is 0. */
  digits = g_strstrip (raw);
  if (*digits == '+')
    digits++;
  else if (*digits == '-')
    {
      digits++;
      if (*digits != '\0' && strspn (digits, "0123456789") == strlen (digits)
          && strspn (digits, "0") != strlen (digits))
        return _attest_refi_invalid (parser, error,
                                     _("a selection of %s starts or ends before the text (%s)"),
                                     owner, raw);
    }
  if (!g_ascii_isdigit (*digits)
      || !g_ascii_string_to_unsigned (digits, 10, 0, G_MAXUINT64, &parsed, &local_error))
    return _attest_refi_invalid (parser, error,
                                 _("the %s of a selection of %s is “%.40s”, not a number"),
                                 name, owner, raw);

  *value = parsed;
  return TRUE;
}

/* The text of a source: inline, or a file in the archive. NULL without error when it is
 * kept outside the project file and the source is skipped. */
static gboolean
get_source_text (AttestRefiParser  *parser,
                 xmlNode           *node,
                 const char        *name,
                 GBytes           **bytes,
                 GError           **error)
{
  xmlNode *content = _attest_refi_first_child (parser, node, "PlainTextContent");
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  GBytes *found;

  *bytes = NULL;
  if (content != NULL)
    {
      char *text = _attest_refi_get_content (content);

      *bytes = g_bytes_new_take (text, strlen (text));
      return TRUE;
    }

  path = _attest_refi_get_attribute (node, "plainTextPath");
  if (path == NULL)
    return _attest_refi_invalid (parser, error, _("the text source “%s” has no text"), name);
  if (!g_str_has_prefix (path, "internal://"))
    {
      _attest_refi_skipped (parser,
                            _("The text of “%s” is kept outside the project file (%s); the "
                              "source was skipped."), name, path);
      return TRUE;
    }

  key = g_ascii_strdown (path + strlen ("internal://"), -1);
  g_strdelimit (key, "\\", '/');
  if (parser->texts == NULL || !(found = g_hash_table_lookup (parser->texts, key)))
    return _attest_refi_invalid (parser, error,
                                 _("the text of “%s” (%s) is not in the project file"), name,
                                 path);

  *bytes = g_bytes_ref (found);
  return TRUE;
}

/* Where each position of the original text ends up in the body attest_text_parse () made of
 * it. The body is the original with some characters dropped (CR of CRLF, blank lines beyond
 * one, trailing white space) and CR, FF and VT turned into LF, so the two are walked side by
 * side: an original character that matches the next body character is kept, any other was
 * dropped. Dropped characters are all white space or control characters, so every other
 * character keeps its place exactly. positions must be sorted. */
static gboolean
map_positions (const char *original,
               gsize       length,
               const char *body,
               GArray     *positions,
               GHashTable *mapped)
{
  const char *o = original;
  const char *end = original + length;
  const char *b = body;
  guint i = 0;
  guint j = 0;
  guint k = 0;

  for (;;)
    {
      while (k < positions->len && g_array_index (positions, guint, k) == i)
        {
          g_hash_table_insert (mapped, GUINT_TO_POINTER (i), GUINT_TO_POINTER (j));
          k++;
        }
      if (o >= end)
        break;

      {
        gunichar oc = g_utf8_get_char (o);

        if (oc == '\r' || oc == '\f' || oc == '\v')
          oc = '\n';
        if (*b != '\0' && g_utf8_get_char (b) == oc)
          {
            b = g_utf8_next_char (b);
            j++;
          }
        o = g_utf8_next_char (o);
        i++;
      }
    }

  return *b == '\0' && k == positions->len;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static gboolean
parse_codings (AttestRefiParser     *parser,
               xmlNode              *node,
               AttestRefiSelection  *selection,
               char                **first_user,
               GError              **error)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *guid = NULL;
      g_autofree char *user = NULL;
      g_autofree char *target = NULL;
      g_autofree char *raw = NULL;
      xmlNode *ref;
      AttestRefiCode *code;

      if (!_attest_refi_is_element (parser, child, "Coding"))
        continue;
      if (!_attest_refi_define_guid (parser, child, "coding", &guid, error)
          || !_attest_refi_get_guid_attribute (parser, child, "creatingUser", &user, error))
        return FALSE;
      if (!(ref = _attest_refi_first_child (parser, child, "CodeRef")))
        return _attest_refi_invalid (parser, error, _("the coding %s names no code"), guid);
      raw = _attest_refi_get_attribute (ref, "targetGUID");
      if (!(target = _attest_refi_parse_guid (raw)))
        return _attest_refi_invalid (parser, error, _("the coding %s names no code"), guid);
      if (!(code = g_hash_table_lookup (parser->codes, target)))
        return _attest_refi_invalid (parser, error,
                                     _("the coding %s names the code %s, which is not in "
                                       "the codebook"), guid, target);

      if (*first_user == NULL && user != NULL)
        *first_user = g_steal_pointer (&user);

      switch (code->role)
        {
        case ATTEST_REFI_CODE_KIND:
          if (selection->kind == ATTEST_ANNOTATION_NOTE)
            selection->kind = code->kind;
          break;
        case ATTEST_REFI_CODE_SPEAKER:
          if (selection->speaker == NULL)
            selection->speaker = code;
          break;
        case ATTEST_REFI_CODE_TAG:
          if (!g_ptr_array_find (selection->tags, code, NULL))
            g_ptr_array_add (selection->tags, code);
          break;
        case ATTEST_REFI_CODE_GROUP:
        default:
          break;
        }
    }

  return TRUE;
}

static gboolean
parse_selection (AttestRefiParser  *parser,
                 xmlNode           *node,
                 AttestRefiText    *text,
                 const char        *name,
                 guint              n_chars,
                 GError           **error)
{
  g_autoptr(AttestRefiSelection) selection = g_new0 (AttestRefiSelection, 1);
  g_autofree char *user = NULL;
  g_autofree char *coding_user = NULL;
  guint64 start;
  guint64 end;
  const char *coder;

  selection->tags = g_ptr_array_new ();
  selection->kind = ATTEST_ANNOTATION_NOTE;

  if (!_attest_refi_define_guid (parser, node, "selection", &selection->guid, error)
      || !get_position (parser, node, "startPosition", name, &start, error)
      || !get_position (parser, node, "endPosition", name, &end, error)
      || !_attest_refi_get_guid_attribute (parser, node, "creatingUser", &user, error))
    return FALSE;

  if (start > end)
    return _attest_refi_invalid (parser, error,
                                 _("the selection %s of “%s” ends (%llu) before it starts "
                                   "(%llu)"),
                                 selection->guid, name, (unsigned long long) end,
                                 (unsigned long long) start);
  if (end > n_chars)
    return _attest_refi_invalid (parser, error,
                                 _("the selection %s of “%s” (%llu–%llu) is outside its text, "
                                   "which has %u characters"),
                                 selection->guid, name, (unsigned long long) start,
                                 (unsigned long long) end, n_chars);
  selection->start = start;
  selection->end = end;

  if (!parse_codings (parser, node, selection, &coding_user, error)
      || !_attest_refi_get_note_text (parser, node, "Description", "a selection",
                                      &selection->comment, error))
    return FALSE;
  if (selection->comment == NULL)
    selection->comment = _attest_refi_referred_notes (parser, node);

  coder = g_hash_table_lookup (parser->users, user != NULL ? user : coding_user ? coding_user : "");
  selection->coder = g_strdup (coder);

  if (start == end)
    {
      _attest_refi_skipped (parser, _("The selection %s of “%s” is empty; it was skipped."),
                            selection->guid, name);
      return TRUE;
    }

  g_ptr_array_add (text->selections, g_steal_pointer (&selection));
  return TRUE;
}

static void
parse_variable_value (AttestRefiParser *parser,
                      xmlNode          *node,
                      AttestRefiText   *text)
{
  xmlNode *ref = _attest_refi_first_child (parser, node, "VariableRef");
  g_autofree char *raw = NULL;
  g_autofree char *guid = NULL;
  gpointer found;

  if (ref == NULL)
    return;
  raw = _attest_refi_get_attribute (ref, "targetGUID");
  guid = _attest_refi_parse_guid (raw);
  if (guid == NULL || !(found = g_hash_table_lookup (parser->variables, guid)))
    return;

  for (xmlNode *value = ref->next; value != NULL; value = value->next)
    {
      guint index = GPOINTER_TO_UINT (found) - 1;
      g_autofree char *content = NULL;

      if (value->type != XML_ELEMENT_NODE)
        continue;
      content = _attest_refi_get_content (value);
      g_strstrip (content);
      if (*content != '\0' && strlen (content) <= _attest_refi_limits.max_note_bytes)
        {
          g_free (text->variables[index]);
          text->variables[index] = g_steal_pointer (&content);
        }
      break;
    }
}

static gboolean
has_words (const char *text,
           gsize       length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Moves the selections from positions in the original text to positions in the body, and
 * drops those that only covered what the body does not keep. */
static gboolean
move_selections (AttestRefiParser  *parser,
                 AttestRefiText    *text,
                 const char        *data,
                 gsize              length,
                 GError           **error)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) mapped = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) selection_free);

  for (guint i = 0; i < text->selections->len; i++)
    {
      AttestRefiSelection *selection = g_ptr_array_index (text->selections, i);

      g_array_append_val (positions, selection->start);
      g_array_append_val (positions, selection->end);
    }
  g_array_sort (positions, compare_positions);

  if (!map_positions (data, length, text->body, positions, mapped))
    return _attest_refi_invalid (parser, error,
                                 _("the text of “%s” could not be lined up with itself"),
                                 text->name);

  for (guint i = 0; i < text->selections->len; i++)
    {
      AttestRefiSelection *selection = g_ptr_array_index (text->selections, i);
      g_autofree char *exact = NULL;

      selection->start = GPOINTER_TO_UINT (g_hash_table_lookup (mapped,
                                             GUINT_TO_POINTER (selection->start)));
      selection->end = GPOINTER_TO_UINT (g_hash_table_lookup (mapped,
                                           GUINT_TO_POINTER (selection->end)));
      if (selection->start < selection->end)
        exact = attest_text_substring (text->body, selection->start, selection->end);

      if (!_attest_has_non_space (exact))
        {
          _attest_refi_skipped (parser, _("The selection %s of “%s” holds only white space; it "
                                          "was skipped."), selection->guid, text->name);
          continue;
        }
      g_ptr_array_add (kept, g_steal_pointer (&text->selections->pdata[i]));
    }

  g_ptr_array_unref (text->selections);
  text->selections = g_steal_pointer (&kept);
  return TRUE;
}

static gboolean
parse_text_source (AttestRefiParser  *parser,
                   xmlNode           *node,
                   GError           **error)
{
  g_autoptr(AttestText) parsed = NULL;
  g_autoptr(AttestText) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  AttestRefiText *text = g_new0 (AttestRefiText, 1);
  const char *data;
  const char *bad = NULL;
  gsize length;
  guint n_chars;
  guint n_source_codings = 0;

  /* Owned by the model from here on, so every return below frees it. */
  g_ptr_array_add (parser->model->texts, text);
  text->selections = g_ptr_array_new_with_free_func ((GDestroyNotify) selection_free);

  if (!_attest_refi_define_guid (parser, node, "text source", &text->guid, error))
    return FALSE;
  text->name = _attest_refi_get_attribute (node, "name");
  if (!_attest_refi_check_name (parser, "text source", text->name, error))
    return FALSE;
  if (text->name != NULL && *text->name != '\0')
    text->title = g_strdup (text->name);
  else
    {
      g_free (text->name);
      text->name = g_strdup (text->guid);
    }
  if (!_attest_refi_get_note_text (parser, node, "Description", "a text source", &text->description,
                                   error)
      || !get_source_text (parser, node, text->name, &bytes, error))
    return FALSE;
  if (bytes == NULL)
    {
      g_ptr_array_remove (parser->model->texts, text);
      return TRUE;
    }

  data = g_bytes_get_data (bytes, &length);
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (length > _attest_refi_limits.max_text_bytes)
    {
      g_autofree char *limit = g_format_size (_attest_refi_limits.max_text_bytes);

      return _attest_refi_invalid (parser, error, _("the text of “%s” is larger than %s"),
                                   text->name, limit);
    }
  if (memchr (data, '\0', length) != NULL || !g_utf8_validate_len (data, length, &bad))
    return _attest_refi_invalid (parser, error, _("the text of “%s” is not UTF-8 text"),
                                 text->name);

  if (!has_words (data, length))
    {
      _attest_refi_skipped (parser, _("The text of “%s” has no words; the source was skipped."),
                            text->name);
      g_ptr_array_remove (parser->model->texts, text);
      return TRUE;
    }

  /* The body the store will keep: parsing it again must change nothing, or the offsets
   * worked out here would not be the store's. */
  if (!(parsed = attest_text_parse (data, length, FALSE, &local_error)))
    return _attest_refi_invalid (parser, error, _("the text of “%s”: %s"), text->name,
                                 local_error->message);
  if (!(again = attest_text_parse (parsed->body, -1, FALSE, NULL))
      || !g_str_equal (again->body, parsed->body))
    return _attest_refi_invalid (parser, error,
                                 _("the text of “%s” changes each time it is read"),
                                 text->name);
  text->body = g_steal_pointer (&parsed->body);

  n_chars = g_utf8_strlen (data, length);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_attest_refi_is_element (parser, child, "PlainTextSelection"))
        {
          if (!parse_selection (parser, child, text, text->name, n_chars, error))
            return FALSE;
        }
      else if (_attest_refi_is_element (parser, child, "Coding"))
        n_source_codings++;
      else if (_attest_refi_is_element (parser, child, "VariableValue"))
        parse_variable_value (parser, child, text);
    }
  if (n_source_codings > 0)
    _attest_refi_skipped (parser,
                          _("%u codings of the whole of “%s” were skipped: Attest codes "
                            "passages."),
                          n_source_codings, text->name);

  return move_selections (parser, text, data, length, error);
}

gboolean
_attest_refi_parse_sources (AttestRefiParser  *parser,
                            xmlNode           *sources,
                            GCancellable      *cancellable,
                            GError           **error)
{
  static const char * const other_kinds[] = {
    "PictureSource", "PDFSource", "AudioSource", "VideoSource",
  };

  for (xmlNode *node = sources->children; node != NULL; node = node->next)
    {
      if (_attest_refi_is_element (parser, node, "TextSource"))
        {
          if (!parse_text_source (parser, node, error))
            return FALSE;
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          continue;
        }

      for (guint i = 0; i < G_N_ELEMENTS (other_kinds); i++)
        {
          g_autofree char *name = NULL;

          if (!_attest_refi_is_element (parser, node, other_kinds[i]))
            continue;
          name = _attest_refi_get_attribute (node, "name");
          _attest_refi_skipped (parser,
                                _("“%s” is a %s; Attest imports text sources only, so it was "
                                "skipped."), name != NULL ? name : "?", other_kinds[i]);
        }
    }

  return TRUE;
}
