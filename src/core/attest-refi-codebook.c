/* attest-refi-codebook.c: the codebook as REFI-QDA Codes, for a .qdc and for a .qdpx's
 * project.qde: the tags, then Attest's own codes (see attest-refi.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-refi"

#include "config.h"

#include "attest-refi.h"

#include <glib/gi18n-lib.h>

#include "attest-error.h"
#include "attest-refi-xml-private.h"
#include "attest-store-private.h"

typedef sqlite3_stmt AttestRefiStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestRefiStmt, sqlite3_finalize)

static void
tag_free (AttestRefiTag *tag)
{
  g_free (tag->uuid);
  g_free (tag->parent_uuid);
  g_free (tag->name);
  g_free (tag->color);
  g_free (tag->description);
  g_free (tag->memo);
  g_free (tag);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (_attest_column_text (stmt, column));
}

/* Tags, in one piece: a codebook is small, and its tree is written parents first. */

gboolean
_attest_refi_load_tags (AttestRefiXml  *xml,
                        GError        **error)
{
  g_autoptr(AttestRefiStmt) stmt = NULL;
  gboolean failed = FALSE;

  stmt = _attest_store_prepare (xml->store,
                                "SELECT t.uuid, p.uuid, t.name, t.color, t.description, t.memo "
                                "FROM tags t LEFT JOIN tags p ON p.id = t.parent_id "
                                "ORDER BY t.name COLLATE NOCASE, t.id", error);
  if (stmt == NULL)
    return FALSE;

  xml->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) tag_free);
  xml->children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);

  while (_attest_refi_xml_step (xml, stmt, &failed, error))
    {
      AttestRefiTag *tag = g_new0 (AttestRefiTag, 1);
      const char *parent;
      GPtrArray *siblings;

      tag->uuid = dup_column (stmt, 0);
      tag->parent_uuid = dup_column (stmt, 1);
      tag->name = dup_column (stmt, 2);
      tag->color = _attest_refi_parse_color (_attest_column_text (stmt, 3));
      tag->description = dup_column (stmt, 4);
      tag->memo = dup_column (stmt, 5);
      g_ptr_array_add (xml->tags, tag);

      parent = tag->parent_uuid != NULL ? tag->parent_uuid : "";
      if (!(siblings = g_hash_table_lookup (xml->children, parent)))
        {
          siblings = g_ptr_array_new ();
          g_hash_table_insert (xml->children, (gpointer) parent, siblings);
        }
      g_ptr_array_add (siblings, tag);
    }

  return !failed;
}

/* Codes */

static void
write_code_start (AttestRefiXml *xml,
                  const char    *guid,
                  const char    *name,
                  gboolean       codable,
                  const char    *color,
                  const char    *description)
{
  _attest_refi_xml_start (xml, "Code");
  _attest_refi_xml_attribute (xml, "guid", guid);
  _attest_refi_xml_attribute (xml, "name", name);
  _attest_refi_xml_attribute (xml, "isCodable", codable ? "true" : "false");
  _attest_refi_xml_attribute (xml, "color", color);
  _attest_refi_xml_text (xml, "Description", description);
}

static void
write_tag_code (AttestRefiXml *xml,
                AttestRefiTag *tag,
                guint          depth)
{
  g_autofree char *guid = _attest_refi_guid (tag->uuid);
  GPtrArray *children = g_hash_table_lookup (xml->children, tag->uuid);

  write_code_start (xml, guid, tag->name, TRUE, tag->color, tag->description);
  if (xml->in_project && tag->memo != NULL && *tag->memo != '\0')
    {
      g_autofree char *note = _attest_refi_name_guid ("note/tag-memo/%s", tag->uuid);

      _attest_refi_xml_reference (xml, "NoteRef", note);
    }

  /* The store keeps the tree a tree; the depth bound only guards against a damaged file. */
  if (children != NULL && depth < 64)
    for (guint i = 0; i < children->len; i++)
      write_tag_code (xml, g_ptr_array_index (children, i), depth + 1);
  _attest_refi_xml_end (xml);
}

static const char *
kind_description (AttestAnnotationKind kind)
{
  switch (kind)
    {
    case ATTEST_ANNOTATION_DIRECT:
      return "Direct quote: the speaker's own words, in quotation marks.";
    case ATTEST_ANNOTATION_INDIRECT:
      return "Indirect quote: what the article reports a speaker said.";
    case ATTEST_ANNOTATION_CLAIM:
      return "Claim: a statement of fact the article makes or reports.";
    case ATTEST_ANNOTATION_NOTE:
    default:
      return "Note: a passage marked for any other reason.";
    }
}

/* Attest › Speakers › <kind> › <source>, a group only for the kinds that have sources. */
static gboolean
write_speaker_codes (AttestRefiXml  *xml,
                     GError        **error)
{
  g_autoptr(AttestRefiStmt) kinds = NULL;
  g_autoptr(AttestRefiStmt) sources = NULL;
  gboolean failed = FALSE;
  gboolean group_open = FALSE;

  kinds = _attest_store_prepare (xml->store,
                                 "SELECT key, label FROM source_kinds ORDER BY position, id",
                                 error);
  sources = _attest_store_prepare (xml->store,
                                   "SELECT uuid, name, role, affiliation FROM sources "
                                   "WHERE kind = ?1 ORDER BY name COLLATE NOCASE, id", error);
  if (kinds == NULL || sources == NULL)
    return FALSE;

  while (_attest_refi_xml_step (xml, kinds, &failed, error))
    {
      const char *key = _attest_column_text (kinds, 0);
      gboolean kind_open = FALSE;

      sqlite3_reset (sources);
      sqlite3_bind_text (sources, 1, key, -1, SQLITE_TRANSIENT);
      while (_attest_refi_xml_step (xml, sources, &failed, error))
        {
          g_autofree char *guid = _attest_refi_guid (_attest_column_text (sources, 0));
          g_autoptr(GString) about = g_string_new (NULL);

          if (!group_open)
            {
              g_autofree char *group = _attest_refi_name_guid ("code/attest/speakers");

              write_code_start (xml, group, ATTEST_REFI_SPEAKERS_CODE, FALSE, NULL,
                                "The sources Attest records as speakers, by kind. A quote is "
                                "coded with its speaker.");
              group_open = TRUE;
            }
          if (!kind_open)
            {
              g_autofree char *group = _attest_refi_name_guid ("code/attest/speakers/%s", key);

              write_code_start (xml, group, key, FALSE, NULL, _attest_column_text (kinds, 1));
              kind_open = TRUE;
            }

          if (_attest_column_text (sources, 2) != NULL)
            g_string_append_printf (about, "Role: %s\n", _attest_column_text (sources, 2));
          if (_attest_column_text (sources, 3) != NULL)
            g_string_append_printf (about, "Affiliation: %s\n", _attest_column_text (sources, 3));
          if (about->len > 0)
            g_string_truncate (about, about->len - 1);

          write_code_start (xml, guid, _attest_column_text (sources, 1), TRUE, NULL, about->str);
          _attest_refi_xml_end (xml);
        }
      if (failed)
        return FALSE;
      if (kind_open)
        _attest_refi_xml_end (xml);
    }
  if (failed)
    return FALSE;
  if (group_open)
    _attest_refi_xml_end (xml);

  return TRUE;
}

gboolean
_attest_refi_write_codes (AttestRefiXml  *xml,
                          GError        **error)
{
  GPtrArray *roots = g_hash_table_lookup (xml->children, "");
  g_autofree char *root = _attest_refi_name_guid ("code/attest");
  g_autofree char *kinds = _attest_refi_name_guid ("code/attest/kinds");

  _attest_refi_xml_start (xml, "Codes");
  if (roots != NULL)
    for (guint i = 0; i < roots->len; i++)
      write_tag_code (xml, g_ptr_array_index (roots, i), 0);

  write_code_start (xml, root, ATTEST_REFI_ROOT_CODE, FALSE, NULL,
                    "What Attest records of every annotation: its kind and, for quotes, its "
                    "speaker. Attest reads these codes back when it imports this file.");
  write_code_start (xml, kinds, ATTEST_REFI_KINDS_CODE, FALSE, NULL,
                    "The kind of each annotation; every selection has exactly one.");
  for (guint k = 0; k < ATTEST_ANNOTATION_N_KINDS; k++)
    {
      const char *key = attest_annotation_kind_to_string (k);
      g_autofree char *guid = _attest_refi_name_guid ("code/attest/kinds/%s", key);

      write_code_start (xml, guid, key, TRUE, NULL, kind_description (k));
      _attest_refi_xml_end (xml);
    }
  _attest_refi_xml_end (xml);
  if (xml->in_project && !write_speaker_codes (xml, error))
    return FALSE;
  _attest_refi_xml_end (xml);
  _attest_refi_xml_end (xml);

  return TRUE;
}

static gboolean
write_codebook (AttestRefiXml  *xml,
                GError        **error)
{
  if (!_attest_refi_load_tags (xml, error))
    return FALSE;

  _attest_refi_xml_start (xml, "CodeBook");
  _attest_refi_xml_attribute (xml, "xmlns", ATTEST_REFI_CODEBOOK_NAMESPACE);
  _attest_refi_xml_attribute (xml, "origin", "Attest " PACKAGE_VERSION);
  if (!_attest_refi_write_codes (xml, error))
    return FALSE;
  _attest_refi_xml_end (xml);

  return TRUE;
}

/* Public API */

gboolean
attest_export_qdc (AttestStore    *store,
                   GOutputStream  *stream,
                   GCancellable   *cancellable,
                   GError        **error)
{
  AttestRefiSink sink = { .stream = stream, .cancellable = cancellable };
  AttestRefiXml xml;
  gboolean ok;

  g_return_val_if_fail (ATTEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_attest_exchange_begin_read (store, cancellable, error))
    return FALSE;

  if (!_attest_refi_xml_begin (&xml, store, &sink, FALSE, cancellable))
    ok = _attest_refi_xml_finish (&xml, error);
  else if (!write_codebook (&xml, error))
    ok = FALSE;
  else
    ok = _attest_refi_xml_finish (&xml, error);
  _attest_refi_xml_clear (&xml);
  g_clear_error (&sink.error);

  _attest_exchange_end_read (store);
  return ok;
}
