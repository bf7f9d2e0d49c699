/* attest-annotation.h: a span of an article's text marked as a quote, claim or note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "attest-types.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_ANNOTATION (attest_annotation_get_type ())
G_DECLARE_FINAL_TYPE (AttestAnnotation, attest_annotation, ATTEST, ANNOTATION, GObject)

gint64                attest_annotation_get_id           (AttestAnnotation *self);
const char           *attest_annotation_get_uuid         (AttestAnnotation *self);
const char           *attest_annotation_get_article_uuid (AttestAnnotation *self);
AttestAnnotationKind  attest_annotation_get_kind         (AttestAnnotation *self);
/* Unicode code points in the article body, end exclusive. */
guint                 attest_annotation_get_start        (AttestAnnotation *self);
guint                 attest_annotation_get_end          (AttestAnnotation *self);
const char           *attest_annotation_get_exact        (AttestAnnotation *self);
const char           *attest_annotation_get_prefix       (AttestAnnotation *self);
const char           *attest_annotation_get_suffix       (AttestAnnotation *self);
/* The speaker's uuid, name and kind, or NULL when the annotation has none. */
const char           *attest_annotation_get_speaker_uuid (AttestAnnotation *self);
const char           *attest_annotation_get_speaker_name (AttestAnnotation *self);
const char           *attest_annotation_get_speaker_kind (AttestAnnotation *self);
const char           *attest_annotation_get_comment      (AttestAnnotation *self);
const char           *attest_annotation_get_coder        (AttestAnnotation *self);
const char           *attest_annotation_get_created_at   (AttestAnnotation *self);
const char           *attest_annotation_get_modified_at  (AttestAnnotation *self);
/* "unverified", "corroborated", "disputed", "false", or NULL when nobody has said. */
const char           *attest_annotation_get_claim_status (AttestAnnotation *self);
/* TRUE when it began as a suggestion a researcher accepted. */
gboolean              attest_annotation_get_suggested    (AttestAnnotation *self);
/* The uuids of its tags, by tag name; NULL-terminated, never NULL. */
const char * const   *attest_annotation_get_tag_uuids    (AttestAnnotation *self);

G_END_DECLS
