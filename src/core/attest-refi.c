/* attest-refi.c: what the exchange formats share: GUIDs, limits, the read transaction of an
 * export, and writing an export to a file atomically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-refi"

#include "config.h"

#include "attest-refi.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "attest-error.h"
#include "attest-refi-private.h"
#include "attest-store-private.h"
#include "attest-w3c.h"

/* Attest's namespace for name-based GUIDs. Never change it: exports would change. */
static const guint8 attest_namespace[16] = {
  0x3e, 0xff, 0xee, 0xfa, 0x51, 0xb0, 0x45, 0x0c,
  0x9d, 0xde, 0x13, 0x03, 0xdd, 0x74, 0x6a, 0x31,
};

/* In decimal units, as messages show them (g_format_size ()). */
AttestRefiLimits _attest_refi_limits = {
  .max_total_bytes = 500 * 1000 * 1000,
  .max_text_bytes = 50 * 1000 * 1000,
  .max_entries = 100000,
  .max_field_chars = 1024,
  .max_note_bytes = 1000 * 1000,
};

const char * const _attest_refi_variable_names[ATTEST_REFI_N_VARIABLES] = {
  [ATTEST_REFI_VARIABLE_BYLINE] = "Byline",
  [ATTEST_REFI_VARIABLE_OUTLET] = "Outlet",
  [ATTEST_REFI_VARIABLE_URL] = "URL",
  [ATTEST_REFI_VARIABLE_PUBLISHED] = "Published",
  [ATTEST_REFI_VARIABLE_LANGUAGE] = "Language",
};

/* GUIDs and values */

char *
_attest_refi_name_guid (const char *format,
                        ...)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *name = NULL;
  guint8 digest[20];
  gsize length = sizeof digest;
  va_list args;

  va_start (args, format);
  name = g_strdup_vprintf (format, args);
  va_end (args);

  /* RFC 4122 section 4.3: SHA-1 of the namespace and the name, version and variant set. */
  g_checksum_update (sha1, attest_namespace, sizeof attest_namespace);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-"
                          "%02X%02X%02X%02X%02X%02X",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

char *
_attest_refi_guid (const char *uuid)
{
  char *guid = _attest_refi_parse_guid (uuid);

  /* The store makes every uuid with g_uuid_string_random (); a row written by other means
   * still gets a GUID the schema accepts, the same one each time. */
  if (guid == NULL)
    guid = _attest_refi_name_guid ("uuid/%s", uuid != NULL ? uuid : "");

  return guid;
}

char *
_attest_refi_parse_guid (const char *text)
{
  g_autofree char *stripped = NULL;
  const char *p;
  gsize length;

  if (text == NULL)
    return NULL;

  /* xsd:token: surrounding white space does not count. */
  stripped = g_strstrip (g_strdup (text));
  p = stripped;
  length = strlen (p);
  if (length == 38 && p[0] == '{' && p[37] == '}')
    {
      p++;
      length = 36;
    }
  if (length != 36)
    return NULL;

  for (gsize i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (p[i] != '-')
            return NULL;
        }
      else if (!g_ascii_isxdigit (p[i]))
        return NULL;
    }

  return g_ascii_strup (p, 36);
}

char *
_attest_refi_parse_color (const char *text)
{
  g_autofree char *stripped = NULL;
  gsize length;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  length = strlen (stripped);
  if ((length != 4 && length != 7) || stripped[0] != '#')
    return NULL;
  for (gsize i = 1; i < length; i++)
    if (!g_ascii_isxdigit (stripped[i]))
      return NULL;

  /* #RGB is #RRGGBB with each digit doubled. */
  if (length == 4)
    {
      char full[8] = { '#', stripped[1], stripped[1], stripped[2], stripped[2],
                       stripped[3], stripped[3], '\0' };

      return g_ascii_strdown (full, -1);
    }

  return g_ascii_strdown (stripped, -1);
}

char *
_attest_refi_xml_safe (const char *text)
{
  GString *safe;

  if (text == NULL)
    return NULL;

  safe = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        continue;
      g_string_append_len (safe, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (safe, FALSE);
}

/* What the store writes: YYYY-MM-DDTHH:MM:SSZ. */
static gboolean
is_store_time (const char *text)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";

  for (guint i = 0; i < sizeof pattern - 1; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;
  return text[sizeof pattern - 1] == '\0';
}

char *
_attest_refi_date_time (const char *iso8601)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) in_utc = NULL;

  if (iso8601 == NULL || *iso8601 == '\0')
    return NULL;
  /* The common case, and a long export has many. */
  if (is_store_time (iso8601))
    return g_strdup (iso8601);

  utc = g_time_zone_new_utc ();
  if (!(time = g_date_time_new_from_iso8601 (iso8601, utc)))
    return NULL;

  in_utc = g_date_time_to_utc (time);
  return g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* Reading and writing */

gboolean
_attest_exchange_begin_read (AttestStore   *store,
                             GCancellable  *cancellable,
                             GError       **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* A savepoint opens a read transaction outside one and nests inside one. */
  if (sqlite3_exec (_attest_store_get_db (store), "SAVEPOINT attest_exchange",
                    NULL, NULL, NULL) != SQLITE_OK)
    return _attest_store_set_error (store, error, _("Could not start the export"));

  return TRUE;
}

void
_attest_exchange_end_read (AttestStore *store)
{
  sqlite3 *db = _attest_store_get_db (store);

  /* Nothing was written, so this only fails when the connection is gone. */
  if (sqlite3_exec (db, "RELEASE attest_exchange", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("Could not end the export's read transaction: %s", sqlite3_errmsg (db));
}

void
_attest_exchange_propagate_io_error (GError     **error,
                                     GError      *io_error,
                                     const char  *doing)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, io_error);
      return;
    }

  g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED, "%s: %s", doing, io_error->message);
  g_error_free (io_error);
}

/* A new file beside @file for the export to go to; the target is replaced by a rename only
 * once the export is complete. */
static GFileOutputStream *
create_temporary (GFile       *file,
                  const char  *doing,
                  GFile      **temporary,
                  GError     **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);

  if (parent == NULL)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED, _("%s: it is not a file"), doing);
      return NULL;
    }

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      g_autoptr(GFile) candidate = g_file_get_child (parent, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      stream = g_file_create (candidate, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream != NULL)
        {
          *temporary = g_steal_pointer (&candidate);
          return stream;
        }

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          _attest_exchange_propagate_io_error (error, g_steal_pointer (&local_error), doing);
          return NULL;
        }
    }

  g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
               _("%s: no free temporary name beside it"), doing);
  return NULL;
}

/* Public API */

void
attest_refi_import_summary_free (AttestRefiImportSummary *summary)
{
  if (summary == NULL)
    return;

  g_clear_pointer (&summary->article_uuids, g_ptr_array_unref);
  g_clear_pointer (&summary->warnings, g_ptr_array_unref);
  g_free (summary);
}

gboolean
attest_export_exchange_to_file (AttestStore   *store,
                                const char    *format,
                                GFile         *file,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *display = NULL;
  g_autofree char *doing = NULL;
  gboolean (*write) (AttestStore *, GOutputStream *, GCancellable *, GError **);
  GError *local_error = NULL;
  GError *io_error = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_str_equal (format, "w3c"))
    write = attest_export_w3c;
  else if (g_str_equal (format, "qdc"))
    write = attest_export_qdc;
  else if (g_str_equal (format, "qdpx"))
    write = attest_export_qdpx;
  else
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("Unknown export format “%s”: use w3c, qdc or qdpx"), format);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  display = g_file_get_parse_name (file);
  doing = g_strdup_printf (_("Could not write “%s”"), display);
  if (!(stream = create_temporary (file, doing, &temporary, error)))
    return FALSE;

  write (store, G_OUTPUT_STREAM (stream), cancellable, &local_error);

  if (local_error == NULL
      && !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &io_error))
    _attest_exchange_propagate_io_error (&local_error, g_steal_pointer (&io_error), doing);

  /* rename(2) within one directory: the target is either the old file or the whole export. */
  if (local_error == NULL
      && !g_file_move (temporary, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                       cancellable, NULL, NULL, &io_error))
    _attest_exchange_propagate_io_error (&local_error, g_steal_pointer (&io_error), doing);

  if (local_error != NULL)
    {
      g_autoptr(GError) delete_error = NULL;

      if (!g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
        g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      if (!g_file_delete (temporary, NULL, &delete_error))
        g_debug ("Could not remove the unfinished export %s: %s",
                 g_file_peek_path (temporary), delete_error->message);

      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}
