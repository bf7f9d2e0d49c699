/* attest-agreement.h: how far coders agree when they annotate the same articles.
 *
 * The units are the spans the coders marked. Two annotations by different coders are the
 * same unit when their spans overlap by at least half of their union (Jaccard ≥ 0.5 on
 * code points); a coder who annotated the article but not that span gave it the value
 * "none". On these units each dimension (annotation kind, speaker kind, each tag present or
 * not) is compared with Cohen's kappa (exactly two coders) and Krippendorff's alpha for
 * nominal data (two or more, missing values allowed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "attest-store.h"

G_BEGIN_DECLS

/* The overlap that makes two annotations one unit. */
#define ATTEST_AGREEMENT_MIN_OVERLAP 0.5

/* Cohen's kappa of two coders' category codes (0, 1, …) for n units. NAN when it is not
 * defined (n = 0, or both coders used one category everywhere). */
double attest_cohen_kappa             (const int *a,
                                       const int *b,
                                       guint      n);
/* Krippendorff's alpha, nominal: values[u * n_coders + c] is coder c's category for unit u,
 * or -1 when the coder gave none. Units with fewer than two values do not count. NAN when
 * not defined. */
double attest_krippendorff_alpha      (const int *values,
                                       guint      n_units,
                                       guint      n_coders);
/* Share of units (with at least two values) on which all coders who gave one agree. */
double attest_percent_agreement       (const int *values,
                                       guint      n_units,
                                       guint      n_coders);

typedef struct
{
  char   *dimension;   /* "kind", "speaker kind", "tag: Violence › Casualties", "overall" */
  guint   n_units;
  double  agreement;   /* 0..1 */
  double  kappa;       /* NAN unless exactly two coders */
  double  alpha;
} AttestAgreement;

void attest_agreement_free (AttestAgreement *agreement);

/* For every article annotated by at least two coders (by the annotations' coder field),
 * or only the one given. The coders are listed in coders_out (may be NULL). */
GPtrArray *attest_store_compute_agreement (AttestStore  *store,
                                           const char   *article_uuid,
                                           GStrv        *coders_out,
                                           GError      **error);

G_END_DECLS
