/* attest-refi-zip.c: reading a .qdpx archive, which may come from anyone.
 *
 * Only what an import needs is unpacked: the project document and the plain texts under
 * Sources/. Nothing is written to disk. The central directory is the archive's table of
 * contents (libarchive's seekable zip reader), and every limit of _attest_refi_limits is
 * counted on the bytes actually unpacked, not on the sizes the archive claims.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-refi"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "attest-error.h"
#include "attest-refi-private.h"

#define READ_CHUNK (64 * 1024)

typedef struct
{
  GInputStream *stream;
  GCancellable *cancellable;
  GError       *error;        /* the stream's own failure, clearer than libarchive's */
  guchar        buffer[READ_CHUNK];
} Input;

typedef struct
{
  struct archive *archive;
  Input          *input;
  const char     *display;
  guint64         unpacked;   /* bytes unpacked so far, over all entries */
  GHashTable     *names;      /* every entry's name, to refuse a name given twice */
} Reader;

/* libarchive's input: the file's stream, seekable so the central directory can be read. */

static la_ssize_t
input_read (struct archive  *archive,
            void            *data,
            const void     **buffer)
{
  Input *input = data;
  gssize n;

  n = g_input_stream_read (input->stream, input->buffer, sizeof input->buffer,
                           input->cancellable, input->error ? NULL : &input->error);
  if (n < 0)
    {
      archive_set_error (archive, EIO, "%s", input->error ? input->error->message : "");
      return -1;
    }

  *buffer = input->buffer;
  return n;
}

static la_int64_t
input_seek (struct archive *archive,
            void           *data,
            la_int64_t      offset,
            int             whence)
{
  Input *input = data;
  GSeekType type = whence == SEEK_SET ? G_SEEK_SET : whence == SEEK_CUR ? G_SEEK_CUR : G_SEEK_END;

  if (!g_seekable_seek (G_SEEKABLE (input->stream), offset, type, input->cancellable,
                        input->error ? NULL : &input->error))
    {
      archive_set_error (archive, EIO, "%s", input->error ? input->error->message : "");
      return ARCHIVE_FATAL;
    }

  return g_seekable_tell (G_SEEKABLE (input->stream));
}

/* Errors */

static gboolean
invalid (Reader      *reader,
         GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (Reader      *reader,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT, "%s: %s", reader->display,
               reason);
  return FALSE;
}

/* A failure of libarchive: the stream's own error when it was the stream (cancellation
 * stays a cancellation), else the archive is damaged. */
static gboolean
archive_failed (Reader      *reader,
                GError     **error,
                const char  *doing)
{
  if (reader->input->error != NULL)
    {
      if (g_error_matches (reader->input->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&reader->input->error));
      else
        g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED, _("Could not read “%s”: %s"),
                     reader->display, reader->input->error->message);
      return FALSE;
    }

  return invalid (reader, error, "%s: %s", doing, archive_error_string (reader->archive));
}

static gboolean
too_large (Reader  *reader,
           GError **error)
{
  g_autofree char *limit = g_format_size (_attest_refi_limits.max_total_bytes);

  return invalid (reader, error, _("it unpacks to more than %s; Attest does not open archives "
                                   "that large"), limit);
}

/* Names */

/* An entry name with "\" read as "/" (some Windows tools write them), or NULL when the name
 * would point outside the archive's folder: absolute, a drive, or climbing with "..". */
static char *
safe_name (const char *name)
{
  g_autofree char *slashed = g_strdup (name);
  g_auto(GStrv) parts = NULL;

  g_strdelimit (slashed, "\\", '/');
  if (*slashed == '\0' || slashed[0] == '/'
      || (g_ascii_isalpha (slashed[0]) && slashed[1] == ':'))
    return NULL;

  parts = g_strsplit (slashed, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return NULL;

  return g_steal_pointer (&slashed);
}

static gboolean
has_suffix_nocase (const char *name,
                   const char *suffix)
{
  gsize length = strlen (name);
  gsize suffix_length = strlen (suffix);

  return length > suffix_length
         && g_ascii_strcasecmp (name + length - suffix_length, suffix) == 0;
}

/* The path inside the sources folder ("Sources" in the standard, "sources" in some tools)
 * of a plain text there, else NULL. */
static const char *
text_path (const char *name)
{
  if (g_ascii_strncasecmp (name, "sources/", 8) != 0 || name[8] == '\0'
      || !has_suffix_nocase (name, ".txt"))
    return NULL;
  return name + 8;
}

/* Unpacking */

static GBytes *
unpack (Reader      *reader,
        const char  *name,
        guint64      limit,
        GError     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guchar chunk[READ_CHUNK];
  la_ssize_t n;

  while ((n = archive_read_data (reader->archive, chunk, sizeof chunk)) > 0)
    {
      reader->unpacked += n;
      if (reader->unpacked > _attest_refi_limits.max_total_bytes)
        {
          too_large (reader, error);
          return NULL;
        }
      if (data->len + (guint64) n > limit)
        {
          g_autofree char *size = g_format_size (limit);

          invalid (reader, error, _("“%s” in it is larger than %s"), name, size);
          return NULL;
        }
      g_byte_array_append (data, chunk, n);
    }

  if (n < 0)
    {
      g_autofree char *doing = g_strdup_printf (_("“%s” in it is damaged"), name);

      archive_failed (reader, error, doing);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static gboolean
read_entries (Reader      *reader,
              GBytes     **project,
              GHashTable  *texts,
              GError     **error)
{
  struct archive_entry *entry;
  g_autofree char *project_name = NULL;
  guint n_entries = 0;
  int rc;

  while ((rc = archive_read_next_header (reader->archive, &entry)) == ARCHIVE_OK)
    {
      const char *raw = archive_entry_pathname_utf8 (entry);
      g_autofree char *name = NULL;
      const char *in_sources;
      gint64 declared;

      if (++n_entries > _attest_refi_limits.max_entries)
        return invalid (reader, error, _("it holds more than %u files"),
                        _attest_refi_limits.max_entries);

      if (raw == NULL)
        raw = archive_entry_pathname (entry);
      if (raw == NULL || !g_utf8_validate (raw, -1, NULL))
        return invalid (reader, error, _("it holds a file whose name cannot be read"));
      if (!(name = safe_name (raw)))
        return invalid (reader, error,
                        _("it holds a file named “%s”, which points outside the archive"), raw);

      if (archive_entry_filetype (entry) == AE_IFDIR)
        continue;
      if (archive_entry_filetype (entry) != AE_IFREG)
        return invalid (reader, error, _("“%s” in it is a link or a device, not a file"), name);

      if (g_hash_table_contains (reader->names, name))
        return invalid (reader, error, _("it holds two files named “%s”"), name);
      g_hash_table_add (reader->names, g_strdup (name));

      in_sources = text_path (name);
      if (strchr (name, '/') == NULL && has_suffix_nocase (name, ".qde"))
        {
          /* The standard names it project.qde; some tools name it after the project. */
          if (project_name != NULL)
            {
              if (g_ascii_strcasecmp (project_name, "project.qde") == 0)
                continue;
              if (g_ascii_strcasecmp (name, "project.qde") != 0)
                return invalid (reader, error,
                                _("it holds two project documents, “%s” and “%s”"),
                                project_name, name);
              g_clear_pointer (project, g_bytes_unref);
            }
          g_free (project_name);
          project_name = g_strdup (name);
        }
      else if (in_sources == NULL)
        continue;   /* pictures, PDFs, audio, rich text: not read */

      if (archive_entry_is_encrypted (entry))
        return invalid (reader, error, _("“%s” in it is encrypted"), name);

      declared = archive_entry_size_is_set (entry) ? archive_entry_size (entry) : 0;
      if (declared < 0
          || (guint64) declared > _attest_refi_limits.max_total_bytes - MIN (reader->unpacked,
                                                   _attest_refi_limits.max_total_bytes))
        return too_large (reader, error);

      if (in_sources == NULL)
        {
          if (!(*project = unpack (reader, name, _attest_refi_limits.max_total_bytes, error)))
            return FALSE;
        }
      else
        {
          g_autofree char *key = g_ascii_strdown (in_sources, -1);
          GBytes *text;

          /* "Sources/a.txt" and "sources/a.txt" are the same text to a reader. */
          if (g_hash_table_contains (texts, key))
            return invalid (reader, error, _("it holds two files named “%s”"), name);
          /* A byte order mark may come on top of the store's limit. */
          if (!(text = unpack (reader, name, _attest_refi_limits.max_text_bytes + 3, error)))
            return FALSE;
          g_hash_table_insert (texts, g_steal_pointer (&key), text);
        }

      if (g_cancellable_set_error_if_cancelled (reader->input->cancellable, error))
        return FALSE;
    }

  if (rc != ARCHIVE_EOF)
    return archive_failed (reader, error,
                           n_entries == 0 ? _("it is not a .qdpx file (a ZIP archive)")
                                          : _("the archive is damaged"));

  if (*project == NULL)
    return invalid (reader, error, _("it holds no project.qde: it is not a REFI-QDA project"));

  return TRUE;
}

gboolean
_attest_refi_read_qdpx (GFile         *file,
                        const char    *display,
                        GCancellable  *cancellable,
                        GBytes       **project,
                        GHashTable   **texts,
                        GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GBytes) document = NULL;
  g_autofree Input *input = NULL;
  GError *io_error = NULL;
  Reader reader = { 0 };
  gboolean ok;

  if (!(stream = g_file_read (file, cancellable, &io_error)))
    {
      g_autofree char *doing = g_strdup_printf (_("Could not read “%s”"), display);

      _attest_exchange_propagate_io_error (error, io_error, doing);
      return FALSE;
    }
  if (!g_seekable_can_seek (G_SEEKABLE (stream)))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                   _("Could not read “%s”: it can only be read from start to end"), display);
      return FALSE;
    }

  input = g_new0 (Input, 1);
  input->stream = G_INPUT_STREAM (stream);
  input->cancellable = cancellable;
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify) g_bytes_unref);

  reader.archive = archive_read_new ();
  reader.input = input;
  reader.display = display;
  reader.names = names;

  if (archive_read_support_format_zip_seekable (reader.archive) != ARCHIVE_OK
      || archive_read_set_read_callback (reader.archive, input_read) != ARCHIVE_OK
      || archive_read_set_seek_callback (reader.archive, input_seek) != ARCHIVE_OK
      || archive_read_set_callback_data (reader.archive, input) != ARCHIVE_OK
      || archive_read_open1 (reader.archive) != ARCHIVE_OK)
    ok = archive_failed (&reader, error, _("it is not a .qdpx file (a ZIP archive)"));
  else
    ok = read_entries (&reader, &document, found, error);

  archive_read_free (reader.archive);
  g_clear_error (&input->error);

  if (!ok)
    return FALSE;

  *project = g_steal_pointer (&document);
  *texts = g_steal_pointer (&found);
  return TRUE;
}
