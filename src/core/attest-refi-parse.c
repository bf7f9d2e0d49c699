/* attest-refi-parse.c: a REFI-QDA project or codebook document read into a checked model.
 *
 * Everything an import will write is checked here, before the project is touched: element
 * and attribute types, GUIDs (well formed, defined once, references that resolve), lengths,
 * the texts (UTF-8, within the limits) and every selection's offsets. The document is
 * parsed without a DTD, entities or network access.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-refi"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "attest-error.h"
#include "attest-refi.h"
#include "attest-refi-parse-private.h"
#include "attest-store-private.h"
#include "attest-text.h"

/* Tags nest at most this deep in the store (attest-store-codebook.c). */
#define MAX_TAG_DEPTH 32
/* Any code deeper than this is a sign of a damaged or hostile file. */
#define MAX_CODE_DEPTH 64

/* The model */

static void
code_free (AttestRefiCode *code)
{
  g_free (code->guid);
  g_free (code->name);
  g_free (code->color);
  g_free (code->description);
  g_free (code->memo);
  g_free (code->speaker_kind);
  g_free (code->uuid);
  g_clear_pointer (&code->children, g_ptr_array_unref);
  g_free (code);
}

void
_attest_refi_model_free (AttestRefiModel *model)
{
  if (model == NULL)
    return;

  g_clear_pointer (&model->codes, g_ptr_array_unref);
  g_clear_pointer (&model->texts, g_ptr_array_unref);
  g_clear_pointer (&model->warnings, g_ptr_array_unref);
  g_free (model);
}

/* Errors and warnings */

gboolean
_attest_refi_invalid (AttestRefiParser  *parser,
                      GError           **error,
                      const char        *format,
                      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT, "%s: %s", parser->display,
               reason);
  return FALSE;
}

void
_attest_refi_skipped (AttestRefiParser *parser,
                      const char       *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (parser->model->warnings, g_strdup_vprintf (format, args));
  va_end (args);
  parser->model->n_skipped++;
}

/* Elements and attributes */

gboolean
_attest_refi_is_element (AttestRefiParser *parser,
                         xmlNode          *node,
                         const char       *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL
         && g_strcmp0 ((const char *) node->ns->href, parser->ns) == 0
         && g_strcmp0 ((const char *) node->name, name) == 0;
}

xmlNode *
_attest_refi_first_child (AttestRefiParser *parser,
                          xmlNode          *node,
                          const char       *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (_attest_refi_is_element (parser, child, name))
      return child;
  return NULL;
}

char *
_attest_refi_get_attribute (xmlNode    *node,
                            const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

char *
_attest_refi_get_content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

/* The text of a child element such as <Description>, or NULL when there is none. */
gboolean
_attest_refi_get_note_text (AttestRefiParser  *parser,
                            xmlNode           *node,
                            const char        *element,
                            const char        *owner,
                            char             **text,
                            GError           **error)
{
  xmlNode *child = _attest_refi_first_child (parser, node, element);
  g_autofree char *content = NULL;

  *text = NULL;
  if (child == NULL)
    return TRUE;

  content = _attest_refi_get_content (child);
  if (strlen (content) > _attest_refi_limits.max_note_bytes)
    {
      g_autofree char *limit = g_format_size (_attest_refi_limits.max_note_bytes);

      return _attest_refi_invalid (parser, error, _("the %s of %s is longer than %s"), element,
                                   owner, limit);
    }
  if (_attest_has_non_space (content))
    *text = g_steal_pointer (&content);
  return TRUE;
}

gboolean
_attest_refi_check_name (AttestRefiParser  *parser,
                         const char        *what,
                         char              *name,
                         GError           **error)
{
  if (name != NULL && g_utf8_strlen (name, -1) > _attest_refi_limits.max_field_chars)
    return _attest_refi_invalid (parser, error, _("the name of a %s is longer than %u characters"),
                                 what, _attest_refi_limits.max_field_chars);
  if (name != NULL)
    g_strstrip (name);
  return TRUE;
}

gboolean
_attest_refi_define_guid (AttestRefiParser  *parser,
                          xmlNode           *node,
                          const char        *what,
                          char             **guid,
                          GError           **error)
{
  g_autofree char *raw = _attest_refi_get_attribute (node, "guid");

  if (raw == NULL)
    return _attest_refi_invalid (parser, error, _("a %s has no guid"), what);
  if (!(*guid = _attest_refi_parse_guid (raw)))
    return _attest_refi_invalid (parser, error,
                                 _("a %s has the guid “%.40s”, which is not a GUID"), what,
                                 raw);
  if (g_hash_table_contains (parser->guids, *guid))
    return _attest_refi_invalid (parser, error,
                                 _("the guid %s is used twice (by a %s and a %s)"), *guid,
                                 (const char *) g_hash_table_lookup (parser->guids, *guid),
                                 what);

  g_hash_table_insert (parser->guids, g_strdup (*guid), (gpointer) what);
  return TRUE;
}

/* An optional GUID attribute such as creatingUser: NULL when absent. */
gboolean
_attest_refi_get_guid_attribute (AttestRefiParser  *parser,
                                 xmlNode           *node,
                                 const char        *name,
                                 char             **guid,
                                 GError           **error)
{
  g_autofree char *raw = _attest_refi_get_attribute (node, name);

  *guid = NULL;
  if (raw == NULL)
    return TRUE;
  if (!(*guid = _attest_refi_parse_guid (raw)))
    return _attest_refi_invalid (parser, error, _("“%.40s” in %s is not a GUID"), raw, name);
  return TRUE;
}

/* Users, notes, variables */

static gboolean
parse_users (AttestRefiParser  *parser,
             xmlNode           *users,
             GError           **error)
{
  for (xmlNode *node = users->children; node != NULL; node = node->next)
    {
      g_autofree char *guid = NULL;
      g_autofree char *name = NULL;

      if (!_attest_refi_is_element (parser, node, "User"))
        continue;
      if (!_attest_refi_define_guid (parser, node, "user", &guid, error))
        return FALSE;
      name = _attest_refi_get_attribute (node, "name");
      if (!_attest_refi_check_name (parser, "user", name, error))
        return FALSE;
      if (name != NULL && *name != '\0')
        g_hash_table_insert (parser->users, g_steal_pointer (&guid), g_steal_pointer (&name));
    }

  return TRUE;
}

static gboolean
parse_notes (AttestRefiParser  *parser,
             xmlNode           *notes,
             GError           **error)
{
  for (xmlNode *node = notes->children; node != NULL; node = node->next)
    {
      g_autofree char *guid = NULL;
      g_autofree char *text = NULL;

      if (!_attest_refi_is_element (parser, node, "Note"))
        continue;
      if (!_attest_refi_define_guid (parser, node, "note", &guid, error)
          || !_attest_refi_get_note_text (parser, node, "PlainTextContent", "a note", &text, error))
        return FALSE;
      /* A note kept as a file of its own is not worth failing an import for. */
      if (text != NULL)
        g_hash_table_insert (parser->notes, g_steal_pointer (&guid), g_steal_pointer (&text));
    }

  return TRUE;
}

static gboolean
parse_variables (AttestRefiParser  *parser,
                 xmlNode           *variables,
                 GError           **error)
{
  for (xmlNode *node = variables->children; node != NULL; node = node->next)
    {
      g_autofree char *guid = NULL;
      g_autofree char *name = NULL;

      if (!_attest_refi_is_element (parser, node, "Variable"))
        continue;
      if (!_attest_refi_define_guid (parser, node, "variable", &guid, error))
        return FALSE;
      name = _attest_refi_get_attribute (node, "name");
      if (name == NULL)
        continue;
      g_strstrip (name);
      for (guint i = 0; i < ATTEST_REFI_N_VARIABLES; i++)
        if (g_ascii_strcasecmp (name, _attest_refi_variable_names[i]) == 0)
          g_hash_table_insert (parser->variables, g_strdup (guid), GUINT_TO_POINTER (i + 1));
    }

  return TRUE;
}

/* The texts of the notes a node refers to, joined, or NULL. */
char *
_attest_refi_referred_notes (AttestRefiParser *parser,
                             xmlNode          *node)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *raw = NULL;
      g_autofree char *guid = NULL;
      const char *text;

      if (!_attest_refi_is_element (parser, child, "NoteRef"))
        continue;
      raw = _attest_refi_get_attribute (child, "targetGUID");
      guid = _attest_refi_parse_guid (raw);
      if (guid == NULL || !(text = g_hash_table_lookup (parser->notes, guid)))
        continue;
      if (joined->len > 0)
        g_string_append (joined, "\n\n");
      g_string_append (joined, text);
    }

  return joined->len > 0 ? g_strdup (joined->str) : NULL;
}

/* The codebook */

static gboolean
parse_boolean (const char *text,
               gboolean   *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (g_str_equal (stripped, "true") || g_str_equal (stripped, "1"))
    *value = TRUE;
  else if (g_str_equal (stripped, "false") || g_str_equal (stripped, "0"))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_codes (AttestRefiParser  *parser,
             xmlNode           *parent_node,
             AttestRefiCode    *parent,
             guint              depth,
             GError           **error)
{
  for (xmlNode *node = parent_node->children; node != NULL; node = node->next)
    {
      AttestRefiCode *code;
      g_autofree char *codable = NULL;
      g_autofree char *color = NULL;

      if (!_attest_refi_is_element (parser, node, "Code"))
        continue;
      if (depth >= MAX_CODE_DEPTH)
        return _attest_refi_invalid (parser, error, _("its codes nest more than %u levels deep"),
                                     MAX_CODE_DEPTH);

      code = g_new0 (AttestRefiCode, 1);
      code->parent = parent;
      code->children = g_ptr_array_new ();
      code->codable = TRUE;
      g_ptr_array_add (parser->model->codes, code);
      if (parent != NULL)
        g_ptr_array_add (parent->children, code);

      if (!_attest_refi_define_guid (parser, node, "code", &code->guid, error))
        return FALSE;
      g_hash_table_insert (parser->codes, code->guid, code);

      code->name = _attest_refi_get_attribute (node, "name");
      if (!_attest_refi_check_name (parser, "code", code->name, error))
        return FALSE;
      if (code->name == NULL || *code->name == '\0')
        return _attest_refi_invalid (parser, error, _("the code %s has no name"), code->guid);

      codable = _attest_refi_get_attribute (node, "isCodable");
      if (codable != NULL && !parse_boolean (codable, &code->codable))
        return _attest_refi_invalid (parser, error,
                                     _("isCodable of the code “%s” is “%.40s”, not true or "
                                       "false"), code->name, codable);

      color = _attest_refi_get_attribute (node, "color");
      if (color != NULL && !(code->color = _attest_refi_parse_color (color)))
        return _attest_refi_invalid (parser, error,
                                     _("the colour of the code “%s” is “%.40s”, not "
                                       "#RRGGBB"), code->name, color);

      if (!_attest_refi_get_note_text (parser, node, "Description", "a code", &code->description,
                                       error))
        return FALSE;
      code->memo = _attest_refi_referred_notes (parser, node);

      if (!parse_codes (parser, node, code, depth + 1, error))
        return FALSE;
    }

  return TRUE;
}

static void
ignore_code (AttestRefiParser *parser,
             AttestRefiCode   *code,
             gboolean          tell)
{
  if (tell)
    _attest_refi_skipped (parser,
                          _("The code “%s” under “%s” is not one of Attest's own; it was "
                            "skipped."),
                          code->name, code->parent ? code->parent->name : ATTEST_REFI_ROOT_CODE);
  code->role = ATTEST_REFI_CODE_GROUP;
  for (guint i = 0; i < code->children->len; i++)
    ignore_code (parser, g_ptr_array_index (code->children, i), FALSE);
}

static AttestRefiCode *
find_child (AttestRefiCode *code,
            const char     *name)
{
  for (guint i = 0; i < code->children->len; i++)
    {
      AttestRefiCode *child = g_ptr_array_index (code->children, i);

      if (g_str_equal (child->name, name))
        return child;
    }
  return NULL;
}

/* Attest's own root code: its GUID, or (when a tool on the way gave the codes new GUIDs)
 * a "Kinds" code under it holding nothing but kinds. A tag of the user's own that happens to
 * be called "Attest" is neither. */
static gboolean
is_attest_root (AttestRefiCode *code)
{
  g_autofree char *guid = _attest_refi_name_guid ("code/attest");
  AttestRefiCode *kinds;
  AttestAnnotationKind kind;

  if (code->parent != NULL || !g_str_equal (code->name, ATTEST_REFI_ROOT_CODE))
    return FALSE;
  if (g_str_equal (code->guid, guid))
    return TRUE;

  kinds = find_child (code, ATTEST_REFI_KINDS_CODE);
  if (kinds == NULL || kinds->children->len == 0)
    return FALSE;
  for (guint i = 0; i < kinds->children->len; i++)
    {
      AttestRefiCode *child = g_ptr_array_index (kinds->children, i);

      if (!attest_annotation_kind_from_string (child->name, &kind))
        return FALSE;
    }
  return TRUE;
}

/* Attest › Kinds and Attest › Speakers are Attest's own vocabulary, not tags. */
static void
classify_attest_codes (AttestRefiParser *parser,
                       AttestRefiCode   *root)
{
  root->role = ATTEST_REFI_CODE_GROUP;

  for (guint i = 0; i < root->children->len; i++)
    {
      AttestRefiCode *group = g_ptr_array_index (root->children, i);

      if (g_str_equal (group->name, ATTEST_REFI_KINDS_CODE))
        {
          group->role = ATTEST_REFI_CODE_GROUP;
          for (guint k = 0; k < group->children->len; k++)
            {
              AttestRefiCode *kind = g_ptr_array_index (group->children, k);

              if (attest_annotation_kind_from_string (kind->name, &kind->kind))
                kind->role = ATTEST_REFI_CODE_KIND;
              else
                ignore_code (parser, kind, TRUE);
              for (guint c = 0; c < kind->children->len; c++)
                ignore_code (parser, g_ptr_array_index (kind->children, c), TRUE);
            }
        }
      else if (g_str_equal (group->name, ATTEST_REFI_SPEAKERS_CODE))
        {
          group->role = ATTEST_REFI_CODE_GROUP;
          for (guint k = 0; k < group->children->len; k++)
            {
              AttestRefiCode *kind = g_ptr_array_index (group->children, k);

              kind->role = ATTEST_REFI_CODE_GROUP;
              for (guint s = 0; s < kind->children->len; s++)
                {
                  AttestRefiCode *speaker = g_ptr_array_index (kind->children, s);

                  speaker->role = ATTEST_REFI_CODE_SPEAKER;
                  speaker->speaker_kind = g_strdup (kind->name);
                  for (guint c = 0; c < speaker->children->len; c++)
                    ignore_code (parser, g_ptr_array_index (speaker->children, c), TRUE);
                }
            }
        }
      else
        ignore_code (parser, group, TRUE);
    }
}

static gboolean
parse_codebook (AttestRefiParser  *parser,
                xmlNode           *codebook,
                GError           **error)
{
  xmlNode *codes = _attest_refi_first_child (parser, codebook, "Codes");
  GPtrArray *all = parser->model->codes;

  if (codes == NULL)
    return TRUE;
  if (!parse_codes (parser, codes, NULL, 0, error))
    return FALSE;

  for (guint i = 0; i < all->len; i++)
    {
      AttestRefiCode *code = g_ptr_array_index (all, i);

      if (is_attest_root (code))
        classify_attest_codes (parser, code);
    }

  /* Every tag's ancestors are tags: Attest's groups hold no tags. */
  for (guint i = 0; i < all->len; i++)
    {
      AttestRefiCode *code = g_ptr_array_index (all, i);
      guint depth = 0;

      if (code->role != ATTEST_REFI_CODE_TAG)
        continue;
      for (AttestRefiCode *up = code->parent; up != NULL; up = up->parent)
        depth++;
      if (depth >= MAX_TAG_DEPTH)
        return _attest_refi_invalid (parser, error, _("its codes nest more than %u levels deep"),
                                     MAX_TAG_DEPTH);
    }

  return TRUE;
}

/* The document */

static xmlDoc *
read_document (AttestRefiParser  *parser,
               GBytes            *document,
               GError           **error)
{
  gsize length;
  const char *data = g_bytes_get_data (document, &length);
  xmlParserCtxt *context;
  xmlDoc *doc;

  if (length > G_MAXINT)
    {
      _attest_refi_invalid (parser, error, _("the document is too large"));
      return NULL;
    }
  /* REFI-QDA documents are UTF-8. */
  if ((length >= 2 && ((guchar) data[0] == 0xFE || (guchar) data[0] == 0xFF))
      || memchr (data, '\0', length) != NULL)
    {
      _attest_refi_invalid (parser, error, _("the document is not UTF-8 XML"));
      return NULL;
    }
  /* A DTD is how entity expansion bombs and external entities come in; REFI-QDA has none. */
  if (g_strstr_len (data, length, "<!DOCTYPE") != NULL
      || g_strstr_len (data, length, "<!ENTITY") != NULL)
    {
      _attest_refi_invalid (parser, error,
                            _("the document declares a DTD, which REFI-QDA documents do not "
                              "have"));
      return NULL;
    }

  xmlInitParser ();
  context = xmlNewParserCtxt ();
  if (context == NULL)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_FAILED, _("Out of memory"));
      return NULL;
    }
  doc = xmlCtxtReadMemory (context, data, length, "project.qde", NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || doc->intSubset != NULL || doc->extSubset != NULL)
    {
      const xmlError *last = xmlCtxtGetLastError (context);

      if (doc == NULL && last != NULL && last->message != NULL)
        {
          /* libxml2 quotes the bad bytes: keep the message valid UTF-8. */
          g_autofree char *message = g_strchomp (g_utf8_make_valid (last->message, -1));

          _attest_refi_invalid (parser, error,
                                _("the document is not well-formed XML (line %d: %s)"),
                                last->line, message);
        }
      else
        _attest_refi_invalid (parser, error, _("the document is not well-formed XML"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  xmlFreeParserCtxt (context);

  return doc;
}

static gboolean
check_root (AttestRefiParser  *parser,
            xmlNode           *root,
            gboolean           codebook,
            GError           **error)
{
  const char *expected = codebook ? "CodeBook" : "Project";
  const char *family = codebook ? "urn:QDA-XML:codebook:" : "urn:QDA-XML:project:";
  const char *ns = root != NULL && root->ns != NULL ? (const char *) root->ns->href : NULL;

  if (root == NULL || g_strcmp0 ((const char *) root->name, expected) != 0 || ns == NULL
      || !g_str_has_prefix (ns, family))
    return _attest_refi_invalid (parser, error,
                                 codebook ? _("it is not a REFI-QDA codebook")
                                          : _("it is not a REFI-QDA project"));
  if (!g_str_equal (ns, parser->ns))
    return _attest_refi_invalid (parser, error,
                                 _("it is written in version %.20s of the REFI-QDA exchange "
                                   "format; Attest reads version 1.0"),
                                 ns + strlen (family));
  return TRUE;
}

static gboolean
parse_root (AttestRefiParser  *parser,
            xmlNode           *root,
            gboolean           codebook,
            GCancellable      *cancellable,
            GError           **error)
{
  xmlNode *node;

  if (!check_root (parser, root, codebook, error))
    return FALSE;
  if (codebook)
    return parse_codebook (parser, root, error);

  /* Users, notes and variables first: codes and sources refer to them. */
  if ((node = _attest_refi_first_child (parser, root,
                                        "Users")) && !parse_users (parser, node, error))
    return FALSE;
  if ((node = _attest_refi_first_child (parser, root,
                                        "Notes")) && !parse_notes (parser, node, error))
    return FALSE;
  if ((node = _attest_refi_first_child (parser, root,
                                        "Variables")) && !parse_variables (parser, node, error))
    return FALSE;
  if ((node = _attest_refi_first_child (parser, root,
                                        "CodeBook")) && !parse_codebook (parser, node, error))
    return FALSE;
  if ((node = _attest_refi_first_child (parser, root, "Sources"))
      && !_attest_refi_parse_sources (parser, node, cancellable, error))
    return FALSE;

  return TRUE;
}

AttestRefiModel *
_attest_refi_parse (GBytes        *document,
                    GHashTable    *texts,
                    const char    *display,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(AttestRefiModel) model = g_new0 (AttestRefiModel, 1);
  g_autoptr(GHashTable) guids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean codebook = texts == NULL;
  AttestRefiParser parser = {
    .display = display,
    .ns = codebook ? ATTEST_REFI_CODEBOOK_NAMESPACE : ATTEST_REFI_PROJECT_NAMESPACE,
    .texts = texts,
    .model = model,
    .guids = guids,
    .users = users,
    .notes = notes,
    .variables = variables,
    .codes = codes,
  };
  xmlDoc *doc;
  gboolean ok;

  model->codes = g_ptr_array_new_with_free_func ((GDestroyNotify) code_free);
  model->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) _attest_refi_text_free);
  model->warnings = g_ptr_array_new_with_free_func (g_free);

  if (!(doc = read_document (&parser, document, error)))
    return NULL;

  ok = parse_root (&parser, xmlDocGetRootElement (doc), codebook, cancellable, error);
  xmlFreeDoc (doc);
  if (!ok)
    return NULL;

  return g_steal_pointer (&model);
}
