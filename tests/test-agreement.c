/* test-agreement.c: intercoder agreement against figures computed by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "attest-core.h"

#define M (-1)  /* a missing value */

static void
test_kappa_by_hand (void)
{
  /* Four units (see test_store_two_coders for where they come from):
   * A: direct, indirect, claim, none;  B: direct, direct, none, note.
   * po = 1/4; pe = p(direct) 1/4·2/4 + p(none) 1/4·1/4 = 3/16;
   * kappa = (1/4 − 3/16) / (1 − 3/16) = 1/13. */
  const int a[] = { 1, 2, 3, 0 };
  const int b[] = { 1, 1, 0, 4 };
  const int same[] = { 1, 1, 1, 1 };

  g_assert_cmpfloat_with_epsilon (attest_cohen_kappa (a, b, 4), 1.0 / 13, 1e-12);
  g_assert_cmpfloat_with_epsilon (attest_cohen_kappa (a, a, 4), 1.0, 1e-12);
  /* One category everywhere on both sides: chance agreement is total, kappa undefined. */
  g_assert_true (isnan (attest_cohen_kappa (same, same, 4)));
  g_assert_true (isnan (attest_cohen_kappa (a, b, 0)));
}

static void
test_alpha_by_hand (void)
{
  /* The same four units: coincidences o11 = 2, o12 = o21 = o30 = o03 = o04 = o40 = 1;
   * n = 8, n_c = (2, 3, 1, 1, 1); alpha = 1 − 7 · 6 / (64 − 16) = 1/8. */
  const int two[] = { 1, 1,  2, 1,  3, 0,  0, 4 };

  /* Krippendorff's own nominal example (Content Analysis, 2004): 4 coders, 12 units,
   * alpha = 0.743. */
  const int four[] = {
    1, 1, M, 1,
    2, 2, 3, 2,
    3, 3, 3, 3,
    3, 3, 3, 3,
    2, 2, 2, 2,
    1, 2, 3, 4,
    4, 4, 4, 4,
    1, 1, 2, 1,
    2, 2, 2, 2,
    M, 5, 5, 5,
    M, M, 1, 1,
    M, 3, M, M,
  };

  g_assert_cmpfloat_with_epsilon (attest_krippendorff_alpha (two, 4, 2), 0.125, 1e-12);
  g_assert_cmpfloat_with_epsilon (attest_percent_agreement (two, 4, 2), 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (attest_krippendorff_alpha (four, 12, 4), 0.743, 0.0005);
  /* Units 1, 3, 4, 5, 7, 9, 10 and 11 agree; the last has one value and does not count. */
  g_assert_cmpfloat_with_epsilon (attest_percent_agreement (four, 12, 4), 8.0 / 11, 1e-12);
}

static AttestAnnotation *
mark_as (AttestStore          *store,
         const char           *article,
         guint                 start,
         guint                 end,
         AttestAnnotationKind  kind,
         const char           *coder)
{
  g_autoptr(GError) error = NULL;
  AttestAnnotation *a = attest_store_annotate_span (store, article, kind, start, end, NULL,
                                                    NULL, NULL, coder, &error);

  g_assert_no_error (error);
  return a;
}

static void
test_store_two_coders (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-agreement-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "p.attest", NULL);
  g_autoptr(AttestStore) store = attest_store_create (path, &error);
  g_autofree char *article = attest_store_import_text (store,
      "0123456789 123456789 123456789 123456789 123456789 123456789 123456789 12345", -1,
      NULL, &error);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(GPtrArray) results = NULL;
  g_auto(GStrv) coders = NULL;
  AttestAnnotation *marks[7];
  AttestAgreement *kind;

  /* A: [0,10) direct, [20,30) indirect, [40,50) claim.
   * B: [0,10) direct, [21,30) direct (overlap 9/10: the same unit), [60,70) note. */
  marks[0] = mark_as (store, article, 0, 10, ATTEST_ANNOTATION_DIRECT, "A");
  marks[1] = mark_as (store, article, 20, 30, ATTEST_ANNOTATION_INDIRECT, "A");
  marks[2] = mark_as (store, article, 40, 50, ATTEST_ANNOTATION_CLAIM, "A");
  marks[3] = mark_as (store, article, 0, 10, ATTEST_ANNOTATION_DIRECT, "B");
  marks[4] = mark_as (store, article, 21, 30, ATTEST_ANNOTATION_DIRECT, "B");
  marks[5] = mark_as (store, article, 60, 70, ATTEST_ANNOTATION_NOTE, "B");
  /* An annotation without a coder takes no part. */
  marks[6] = mark_as (store, article, 70, 75, ATTEST_ANNOTATION_NOTE, NULL);

  results = attest_store_compute_agreement (store, NULL, &coders, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (coders), ==, 2);
  kind = g_ptr_array_index (results, 0);
  g_assert_cmpstr (kind->dimension, ==, "kind");
  g_assert_cmpuint (kind->n_units, ==, 4);
  g_assert_cmpfloat_with_epsilon (kind->agreement, 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (kind->kappa, 1.0 / 13, 1e-12);
  g_assert_cmpfloat_with_epsilon (kind->alpha, 0.125, 1e-12);

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    g_object_unref (marks[i]);
  g_clear_object (&store);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attest/agreement/kappa-by-hand", test_kappa_by_hand);
  g_test_add_func ("/attest/agreement/alpha-by-hand", test_alpha_by_hand);
  g_test_add_func ("/attest/agreement/store-two-coders", test_store_two_coders);

  return g_test_run ();
}
