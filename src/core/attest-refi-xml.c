/* attest-refi-xml.c: writing REFI-QDA XML into a stream or a zip entry.
 *
 * libxml2's text writer escapes and indents; its output goes to a sink, the stream itself or
 * an entry of the zip. Failures are sticky and looked at where it matters, so the code that
 * lays out a document reads as the document it writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-refi"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "attest-error.h"
#include "attest-refi-xml-private.h"
#include "attest-store-private.h"

/* Sinks */

gboolean
_attest_refi_sink_set_io_error (AttestRefiSink *sink,
                                GError         *io_error)
{
  if (sink->error == NULL)
    _attest_exchange_propagate_io_error (&sink->error, io_error,
                                         _("Could not write the export"));
  else
    g_error_free (io_error);
  return FALSE;
}

void
_attest_refi_sink_set_archive_error (AttestRefiSink *sink)
{
  if (sink->error == NULL)
    g_set_error (&sink->error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                 _("Could not write the export: %s"), archive_error_string (sink->archive));
}

int
_attest_refi_sink_write (void       *context,
                         const char *buffer,
                         int         length)
{
  AttestRefiSink *sink = context;
  GError *io_error = NULL;

  if (sink->error != NULL)
    return -1;

  if (sink->archive != NULL)
    {
      for (int done = 0; done < length;)
        {
          la_ssize_t n = archive_write_data (sink->archive, buffer + done, length - done);

          if (n <= 0)
            {
              _attest_refi_sink_set_archive_error (sink);
              return -1;
            }
          done += n;
        }
      return length;
    }

  if (!g_output_stream_write_all (sink->stream, buffer, length, NULL, sink->cancellable,
                                  &io_error))
    {
      _attest_refi_sink_set_io_error (sink, io_error);
      return -1;
    }
  return length;
}

static int
sink_close (void *context)
{
  return 0;
}

/* Writing */

static void
check (AttestRefiXml *xml,
       int            rc)
{
  if (rc < 0)
    xml->failed = TRUE;
}

void
_attest_refi_xml_start (AttestRefiXml *xml,
                        const char    *name)
{
  check (xml, xmlTextWriterStartElement (xml->writer, BAD_CAST name));
}

void
_attest_refi_xml_end (AttestRefiXml *xml)
{
  check (xml, xmlTextWriterEndElement (xml->writer));
}

void
_attest_refi_xml_attribute (AttestRefiXml *xml,
                            const char    *name,
                            const char    *value)
{
  g_autofree char *safe = NULL;

  if (value == NULL)
    return;
  safe = _attest_refi_xml_safe (value);
  check (xml, xmlTextWriterWriteAttribute (xml->writer, BAD_CAST name, BAD_CAST safe));
}

void
_attest_refi_xml_attribute_int (AttestRefiXml *xml,
                                const char    *name,
                                gint64         value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  _attest_refi_xml_attribute (xml, name, text);
}

void
_attest_refi_xml_attribute_time (AttestRefiXml *xml,
                                 const char    *name,
                                 const char    *iso8601)
{
  g_autofree char *value = _attest_refi_date_time (iso8601);

  _attest_refi_xml_attribute (xml, name, value);
}

void
_attest_refi_xml_text (AttestRefiXml *xml,
                       const char    *name,
                       const char    *value)
{
  g_autofree char *safe = NULL;

  if (value == NULL || *value == '\0')
    return;
  safe = _attest_refi_xml_safe (value);
  _attest_refi_xml_start (xml, name);
  check (xml, xmlTextWriterWriteString (xml->writer, BAD_CAST safe));
  _attest_refi_xml_end (xml);
}

void
_attest_refi_xml_reference (AttestRefiXml *xml,
                            const char    *element,
                            const char    *guid)
{
  _attest_refi_xml_start (xml, element);
  _attest_refi_xml_attribute (xml, "targetGUID", guid);
  _attest_refi_xml_end (xml);
}

/* Ends the document and lets the writer go; FALSE with error when anything failed. */
gboolean
_attest_refi_xml_finish (AttestRefiXml  *xml,
                         GError        **error)
{
  if (!xml->failed)
    check (xml, xmlTextWriterEndDocument (xml->writer));
  if (!xml->failed)
    check (xml, xmlTextWriterFlush (xml->writer));
  g_clear_pointer (&xml->writer, xmlFreeTextWriter);

  if (!xml->failed && xml->sink->error == NULL)
    return TRUE;

  if (xml->sink->error != NULL)
    g_propagate_error (error, g_steal_pointer (&xml->sink->error));
  else
    g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                         _("Could not write the export: the XML writer failed"));
  return FALSE;
}

gboolean
_attest_refi_xml_begin (AttestRefiXml  *xml,
                        AttestStore    *store,
                        AttestRefiSink *sink,
                        gboolean        in_project,
                        GCancellable   *cancellable)
{
  xmlOutputBufferPtr output;

  /* Idempotent; libxml2 wants it before it is used from a worker thread. */
  xmlInitParser ();
  output = xmlOutputBufferCreateIO (_attest_refi_sink_write, sink_close, sink, NULL);

  memset (xml, 0, sizeof *xml);
  xml->store = store;
  xml->sink = sink;
  xml->in_project = in_project;
  xml->cancellable = cancellable;

  if (output == NULL)
    {
      xml->failed = TRUE;
      return FALSE;
    }
  if (!(xml->writer = xmlNewTextWriter (output)))
    {
      xmlOutputBufferClose (output);
      xml->failed = TRUE;
      return FALSE;
    }

  check (xml, xmlTextWriterSetIndent (xml->writer, 1));
  check (xml, xmlTextWriterSetIndentString (xml->writer, BAD_CAST "  "));
  check (xml, xmlTextWriterStartDocument (xml->writer, NULL, "utf-8", NULL));
  return !xml->failed;
}

void
_attest_refi_xml_clear (AttestRefiXml *xml)
{
  g_clear_pointer (&xml->writer, xmlFreeTextWriter);
  g_clear_pointer (&xml->tags, g_ptr_array_unref);
  g_clear_pointer (&xml->children, g_hash_table_unref);
}

/* Between rows: where a cancelled export stops and a failed write is noticed. */
gboolean
_attest_refi_xml_row_done (AttestRefiXml  *xml,
                           GError        **error)
{
  if (g_cancellable_set_error_if_cancelled (xml->cancellable, error))
    return FALSE;
  if (xml->failed || xml->sink->error != NULL)
    return _attest_refi_xml_finish (xml, error);
  return TRUE;
}

gboolean
_attest_refi_xml_step (AttestRefiXml  *xml,
                       sqlite3_stmt   *stmt,
                       gboolean       *failed,
                       GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      *failed = TRUE;
      _attest_store_set_error (xml->store, error, _("Could not read the project"));
    }
  return FALSE;
}
