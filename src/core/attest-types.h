/* attest-types.h: forward declarations shared by the core headers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AttestStore       AttestStore;
typedef struct _AttestArticle     AttestArticle;
typedef struct _AttestSource      AttestSource;
typedef struct _AttestAnnotation  AttestAnnotation;
typedef struct _AttestArticleList AttestArticleList;
typedef struct _AttestTag         AttestTag;
typedef struct _AttestIncident    AttestIncident;

/* What a span of article text is to the researcher. Stored as the nick. */
typedef enum
{
  ATTEST_ANNOTATION_DIRECT,
  ATTEST_ANNOTATION_INDIRECT,
  ATTEST_ANNOTATION_CLAIM,
  ATTEST_ANNOTATION_NOTE,
} AttestAnnotationKind;

#define ATTEST_ANNOTATION_N_KINDS 4

const char           *attest_annotation_kind_to_string   (AttestAnnotationKind kind);
gboolean              attest_annotation_kind_from_string (const char           *str,
                                                          AttestAnnotationKind *kind);
const char           *attest_annotation_kind_label       (AttestAnnotationKind kind);

G_END_DECLS
