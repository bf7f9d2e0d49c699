/* attest-json-scan.h: a big JSON document split into parts, each parsed on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Where a value lies in the document, in bytes. */
typedef struct
{
  gsize start;
  gsize end;
} AttestJsonSpan;

typedef struct _AttestJsonDoc AttestJsonDoc;

/* Checks the syntax of the whole of data, which must be an object, and notes where each
 * top-level member lies and, for the members named in lists that are lists, where each of
 * their elements lies. data is borrowed and must outlive the result. On failure, sets an
 * ATTEST_ERROR_INVALID_INPUT that says where and what. */
AttestJsonDoc *_attest_json_doc_scan         (const char           *data,
                                              gsize                 size,
                                              const char * const   *lists,
                                              GError              **error);
void           _attest_json_doc_free         (AttestJsonDoc        *doc);
gboolean       _attest_json_doc_has          (AttestJsonDoc        *doc,
                                              const char           *name);
/* The spans of a split list's elements, or NULL when it is absent or not a list. */
GArray        *_attest_json_doc_get_items    (AttestJsonDoc        *doc,
                                              const char           *name);
/* One part, parsed: an owned node, or NULL with error set. */
JsonNode      *_attest_json_doc_parse        (AttestJsonDoc        *doc,
                                              const AttestJsonSpan *span,
                                              GError              **error);
/* A top-level member, parsed: NULL when it is absent (error unset) or broken (error set). */
JsonNode      *_attest_json_doc_parse_member (AttestJsonDoc        *doc,
                                              const char           *name,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestJsonDoc, _attest_json_doc_free)

G_END_DECLS
