/* attest-reader.h: shows one article, its annotations highlighted, and lets the user select
 * a span of its body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_READER (attest_reader_get_type ())
G_DECLARE_FINAL_TYPE (AttestReader, attest_reader, ATTEST, READER, GtkWidget)

GtkWidget     *attest_reader_new             (void);
/* The article must have been loaded with its body; NULL shows "No Article Selected". */
AttestArticle *attest_reader_get_article     (AttestReader   *self);
void           attest_reader_set_article     (AttestReader   *self,
                                              AttestArticle  *article);
/* Highlights these AttestAnnotations of the article (replacing the previous ones). */
void           attest_reader_set_annotations (AttestReader   *self,
                                              GPtrArray      *annotations);
GtkTextBuffer *attest_reader_get_buffer      (AttestReader   *self);
/* Where the body starts in the buffer: the title and metadata come first. */
guint          attest_reader_get_body_offset (AttestReader   *self);
/* The tag that highlights annotations of that kind. */
GtkTextTag    *attest_reader_get_kind_tag    (AttestReader        *self,
                                              AttestAnnotationKind kind);
/* The selected span of the body in code points, without surrounding white space; FALSE when
 * nothing of the body is selected. */
gboolean       attest_reader_get_selection   (AttestReader   *self,
                                              guint          *start,
                                              guint          *end);
/* Selects [start, end) of the body and scrolls it into view. */
void           attest_reader_select_span     (AttestReader   *self,
                                              guint           start,
                                              guint           end);

G_END_DECLS
