/* attest-refi-xml-private.h: writing REFI-QDA XML (attest-refi-xml.c), shared by the
 * codebook (attest-refi-codebook.c) and the project (attest-refi-export.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <archive.h>
#include <libxml/xmlwriter.h>
#include <sqlite3.h>

#include "attest-refi-private.h"

G_BEGIN_DECLS

/* Where the XML goes: the stream itself (.qdc) or an entry of the zip (.qdpx). */
typedef struct
{
  GOutputStream  *stream;
  struct archive *archive;
  GCancellable   *cancellable;
  GError         *error;       /* the first failure to write */
} AttestRefiSink;

typedef struct
{
  char *uuid;
  char *parent_uuid;
  char *name;
  char *color;
  char *description;
  char *memo;
} AttestRefiTag;

typedef struct
{
  AttestStore      *store;
  GCancellable     *cancellable;
  xmlTextWriterPtr  writer;
  AttestRefiSink   *sink;
  gboolean          failed;        /* a write failed; the sink or the writer says why */
  gboolean          in_project;    /* Project.xsd rather than Codebook.xsd */
  GPtrArray        *tags;          /* AttestRefiTag, in name order */
  GHashTable       *children;      /* parent uuid ("" at the top) -> GPtrArray of them */
} AttestRefiXml;

/* Sinks. The write function is also libxml2's output callback: it returns length or -1. */
int      _attest_refi_sink_write             (void            *context,
                                              const char      *buffer,
                                              int              length);
gboolean _attest_refi_sink_set_io_error      (AttestRefiSink  *sink,
                                              GError          *io_error);
void     _attest_refi_sink_set_archive_error (AttestRefiSink  *sink);

/* The document. Element and attribute writers record a failure and go on. */
gboolean _attest_refi_xml_begin          (AttestRefiXml     *xml,
                                          AttestStore       *store,
                                          AttestRefiSink    *sink,
                                          gboolean           in_project,
                                          GCancellable      *cancellable);
void     _attest_refi_xml_start          (AttestRefiXml     *xml,
                                          const char        *name);
void     _attest_refi_xml_end            (AttestRefiXml     *xml);
/* Nothing when value is NULL. */
void     _attest_refi_xml_attribute      (AttestRefiXml     *xml,
                                          const char        *name,
                                          const char        *value);
void     _attest_refi_xml_attribute_int  (AttestRefiXml     *xml,
                                          const char        *name,
                                          gint64             value);
/* An ISO 8601 time as xsd:dateTime; nothing when it is not one. */
void     _attest_refi_xml_attribute_time (AttestRefiXml     *xml,
                                          const char        *name,
                                          const char        *iso8601);
/* <name>value</name>; nothing when value is NULL or empty. */
void     _attest_refi_xml_text           (AttestRefiXml     *xml,
                                          const char        *name,
                                          const char        *value);
/* <element targetGUID="guid"/> */
void     _attest_refi_xml_reference      (AttestRefiXml     *xml,
                                          const char        *element,
                                          const char        *guid);
/* Between rows: FALSE with error when cancelled or when a write failed. */
gboolean _attest_refi_xml_row_done       (AttestRefiXml     *xml,
                                          GError           **error);
/* Ends the document and lets the writer go; FALSE with error when anything failed. */
gboolean _attest_refi_xml_finish         (AttestRefiXml     *xml,
                                          GError           **error);
void     _attest_refi_xml_clear          (AttestRefiXml     *xml);
/* sqlite3_step (): TRUE on a row; FALSE at the end, or with *failed and error set. */
gboolean _attest_refi_xml_step           (AttestRefiXml     *xml,
                                          sqlite3_stmt      *stmt,
                                          gboolean          *failed,
                                          GError           **error);

/* attest-refi-codebook.c */
gboolean _attest_refi_load_tags          (AttestRefiXml     *xml,
                                          GError           **error);
/* <Codes>: the tags, then Attest › Kinds, and in a project Attest › Speakers. */
gboolean _attest_refi_write_codes        (AttestRefiXml     *xml,
                                          GError           **error);

G_END_DECLS
