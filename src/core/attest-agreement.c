/* attest-agreement.c: Cohen's kappa and Krippendorff's alpha over annotation units.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-agreement"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "attest-agreement.h"
#include "attest-error.h"
#include "attest-store-private.h"

#define NONE_VALUE 0

void
attest_agreement_free (AttestAgreement *agreement)
{
  if (agreement == NULL)
    return;

  g_free (agreement->dimension);
  g_free (agreement);
}

static int
max_category (const int *values,
              gsize      n)
{
  int max = -1;

  for (gsize i = 0; i < n; i++)
    max = MAX (max, values[i]);
  return max;
}

double
attest_cohen_kappa (const int *a,
                    const int *b,
                    guint      n)
{
  int k = MAX (max_category (a, n), max_category (b, n)) + 1;
  g_autofree double *pa = NULL;
  g_autofree double *pb = NULL;
  double po = 0, pe = 0;

  if (n == 0 || k <= 0)
    return NAN;

  pa = g_new0 (double, k);
  pb = g_new0 (double, k);
  for (guint i = 0; i < n; i++)
    {
      if (a[i] == b[i])
        po++;
      pa[a[i]]++;
      pb[b[i]]++;
    }
  po /= n;
  for (int c = 0; c < k; c++)
    pe += (pa[c] / n) * (pb[c] / n);

  if (pe >= 1.0)
    return NAN;
  return (po - pe) / (1.0 - pe);
}

double
attest_krippendorff_alpha (const int *values,
                           guint      n_units,
                           guint      n_coders)
{
  int k = max_category (values, (gsize) n_units * n_coders) + 1;
  g_autofree double *o = NULL;   /* coincidence matrix, k × k */
  g_autofree double *n_c = NULL;
  double n = 0, observed = 0, expected = 0;

  if (k <= 0)
    return NAN;

  o = g_new0 (double, (gsize) k * k);
  n_c = g_new0 (double, k);

  for (guint u = 0; u < n_units; u++)
    {
      const int *row = values + (gsize) u * n_coders;
      guint m = 0;

      for (guint c = 0; c < n_coders; c++)
        if (row[c] >= 0)
          m++;
      if (m < 2)
        continue;

      /* Every ordered pair of values from different coders, weighted 1 / (m − 1). */
      for (guint i = 0; i < n_coders; i++)
        for (guint j = 0; j < n_coders; j++)
          if (i != j && row[i] >= 0 && row[j] >= 0)
            o[row[i] * k + row[j]] += 1.0 / (m - 1);
    }

  for (int c = 0; c < k; c++)
    for (int d = 0; d < k; d++)
      n_c[c] += o[c * k + d];
  for (int c = 0; c < k; c++)
    n += n_c[c];
  if (n <= 1)
    return NAN;

  for (int c = 0; c < k; c++)
    for (int d = 0; d < k; d++)
      if (c != d)
        {
          observed += o[c * k + d];
          expected += n_c[c] * n_c[d];
        }

  if (expected == 0)
    return NAN;
  return 1.0 - (n - 1) * observed / expected;
}

double
attest_percent_agreement (const int *values,
                          guint      n_units,
                          guint      n_coders)
{
  guint counted = 0, agreed = 0;

  for (guint u = 0; u < n_units; u++)
    {
      const int *row = values + (gsize) u * n_coders;
      int first = -1;
      guint m = 0;
      gboolean same = TRUE;

      for (guint c = 0; c < n_coders; c++)
        {
          if (row[c] < 0)
            continue;
          if (m++ == 0)
            first = row[c];
          else if (row[c] != first)
            same = FALSE;
        }
      if (m < 2)
        continue;
      counted++;
      if (same)
        agreed++;
    }

  return counted > 0 ? (double) agreed / counted : NAN;
}

/* Units from the store */

/* "Overall" pools every dimension's values as units of one nominal variable; each dimension
 * gets its own range of categories so that, say, "none" of a tag is not "none" of a kind. */
#define SPEAKER_OFFSET 10
#define TAG_OFFSET     100

static void
append_offset (GArray *to,
               GArray *from,
               int     offset)
{
  for (guint i = 0; i < from->len; i++)
    {
      int v = g_array_index (from, int, i);

      if (v >= 0)
        v += offset;
      g_array_append_val (to, v);
    }
}

typedef struct
{
  guint  start;
  guint  end;
  int    coder;
  int    kind;          /* 1 + AttestAnnotationKind */
  char  *speaker_kind;
  GStrv  tags;          /* tag uuids */
} Mark;

typedef struct
{
  guint  start;         /* of the first mark: the unit's reference span */
  guint  end;
  Mark **marks;         /* one per coder, NULL where the coder did not mark it */
} Unit;

static void
mark_free (Mark *mark)
{
  g_free (mark->speaker_kind);
  g_strfreev (mark->tags);
  g_free (mark);
}

static double
overlap (guint a_start,
         guint a_end,
         guint b_start,
         guint b_end)
{
  guint inter_start = MAX (a_start, b_start), inter_end = MIN (a_end, b_end);
  guint union_len = MAX (a_end, b_end) - MIN (a_start, b_start);

  if (inter_end <= inter_start || union_len == 0)
    return 0;
  return (double) (inter_end - inter_start) / union_len;
}

/* Category of a string among those seen so far; 0 is "none". */
static int
category (GHashTable *categories,
          const char *value)
{
  gpointer found;

  if (value == NULL)
    return NONE_VALUE;
  if ((found = g_hash_table_lookup (categories, value)))
    return GPOINTER_TO_INT (found);
  g_hash_table_insert (categories, g_strdup (value),
                       GINT_TO_POINTER (g_hash_table_size (categories) + 1));
  return g_hash_table_size (categories);
}

static AttestAgreement *
agreement_for (const char *dimension,
               GArray     *values,
               guint       n_units,
               guint       n_coders)
{
  AttestAgreement *result = g_new0 (AttestAgreement, 1);
  const int *v = (const int *) values->data;

  result->dimension = g_strdup (dimension);
  result->n_units = n_units;
  result->agreement = attest_percent_agreement (v, n_units, n_coders);
  result->alpha = attest_krippendorff_alpha (v, n_units, n_coders);
  result->kappa = NAN;

  if (n_coders == 2)
    {
      g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (int));

      /* Kappa needs both coders' values: a coder who did not read an article gave none. */
      for (guint u = 0; u < n_units; u++)
        if (v[u * 2] >= 0 && v[u * 2 + 1] >= 0)
          {
            g_array_append_val (a, v[u * 2]);
            g_array_append_val (b, v[u * 2 + 1]);
          }
      result->kappa = attest_cohen_kappa ((int *) a->data, (int *) b->data, a->len);
    }
  return result;
}

GPtrArray *
attest_store_compute_agreement (AttestStore  *store,
                                const char   *article_uuid,
                                GStrv        *coders_out,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) coders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  g_autoptr(GPtrArray) all_marks = g_ptr_array_new_with_free_func ((GDestroyNotify) mark_free);
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) tag_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) unit_coders_seen = g_array_new (FALSE, TRUE, sizeof (guint64));
  GPtrArray *results;
  gint64 article_id = -1, current_article = -1;
  guint article_first_unit = 0;
  guint64 article_coders = 0;

  g_return_val_if_fail (ATTEST_IS_STORE (store), NULL);

  if (article_uuid != NULL
      && (article_id = _attest_store_resolve_uuid (store, "articles", _("article"), article_uuid,
                                                   error)) < 0)
    return NULL;

  /* Coders of every article two or more coded, at most 64 of them. */
  if (!(stmt = _attest_store_prepare (store,
          "WITH coded AS (SELECT article_id FROM annotations WHERE coder IS NOT NULL "
          "  AND (?1 < 0 OR article_id = ?1) GROUP BY article_id "
          "  HAVING count (DISTINCT coder) >= 2) "
          "SELECT n.article_id, n.coder, n.start, n.\"end\", n.kind, s.kind, "
          "(SELECT group_concat (t.uuid, char(31)) FROM annotation_tags x "
          " JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = n.id) "
          "FROM annotations n LEFT JOIN sources s ON s.id = n.speaker_id "
          "WHERE n.article_id IN (SELECT article_id FROM coded) AND n.coder IS NOT NULL "
          "ORDER BY n.article_id, n.start, n.\"end\", n.id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);

  /* Each unit is a set of marks (one per coder) whose spans overlap enough. Units are
   * kept per article; "none" is filled in for coders of the article who did not mark it. */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 art = sqlite3_column_int64 (stmt, 0);
      const char *coder = _attest_column_text (stmt, 1);
      const char *tags = _attest_column_text (stmt, 6);
      Mark *mark = g_new0 (Mark, 1);
      AttestAnnotationKind kind = ATTEST_ANNOTATION_NOTE;
      guint c;
      Unit *unit = NULL;

      for (c = 0; c < coders->len; c++)
        if (g_str_equal (g_ptr_array_index (coders, c), coder))
          break;
      if (c == coders->len)
        {
          if (coders->len == 64)
            {
              g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                                   _("Agreement is computed for up to 64 coders."));
              return NULL;
            }
          g_ptr_array_add (coders, g_strdup (coder));
        }

      if (art != current_article)
        {
          current_article = art;
          article_first_unit = units->len;
          article_coders = 0;
        }
      article_coders |= G_GUINT64_CONSTANT (1) << c;

      mark->start = sqlite3_column_int (stmt, 2);
      mark->end = sqlite3_column_int (stmt, 3);
      mark->coder = c;
      attest_annotation_kind_from_string (_attest_column_text (stmt, 4), &kind);
      mark->kind = 1 + kind;
      mark->speaker_kind = g_strdup (_attest_column_text (stmt, 5));
      mark->tags = tags ? g_strsplit (tags, "\x1f", -1) : g_new0 (char *, 1);
      g_ptr_array_add (all_marks, mark);

      for (guint u = article_first_unit; u < units->len && unit == NULL; u++)
        {
          Unit *candidate = g_ptr_array_index (units, u);

          if (candidate->marks[c] == NULL
              && overlap (candidate->start, candidate->end, mark->start, mark->end)
                 >= ATTEST_AGREEMENT_MIN_OVERLAP)
            unit = candidate;
        }
      if (unit == NULL)
        {
          guint64 zero = 0;

          unit = g_new0 (Unit, 1);
          unit->start = mark->start;
          unit->end = mark->end;
          unit->marks = g_new0 (Mark *, 64);
          g_ptr_array_add (units, unit);
          g_array_append_val (unit_coders_seen, zero);
        }
      unit->marks[c] = mark;

      /* Every unit of this article so far has these coders as readers. */
      for (guint u = article_first_unit; u < units->len; u++)
        g_array_index (unit_coders_seen, guint64, u) = article_coders;
    }

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_agreement_free);
  if (units->len > 0)
    {
      guint n_coders = coders->len;
      g_autoptr(GArray) kind_values = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) speaker_values = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GHashTable) all_tags = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GArray) overall = g_array_new (FALSE, FALSE, sizeof (int));
      GHashTableIter iter;
      gpointer tag_uuid;
      guint n_tags = 0;

      for (guint u = 0; u < units->len; u++)
        {
          Unit *unit = g_ptr_array_index (units, u);
          guint64 readers = g_array_index (unit_coders_seen, guint64, u);

          for (guint c = 0; c < n_coders; c++)
            {
              Mark *mark = unit->marks[c];
              gboolean read = (readers >> c) & 1;
              int kv = !read ? -1 : mark ? mark->kind : NONE_VALUE;
              int sv = !read ? -1 : mark ? category (kinds, mark->speaker_kind ? mark->speaker_kind : "—") : NONE_VALUE;

              g_array_append_val (kind_values, kv);
              g_array_append_val (speaker_values, sv);
              for (guint t = 0; mark != NULL && mark->tags[t] != NULL; t++)
                g_hash_table_add (all_tags, mark->tags[t]);
            }
        }

      g_ptr_array_add (results, agreement_for ("kind", kind_values, units->len, n_coders));
      g_ptr_array_add (results, agreement_for ("speaker kind", speaker_values, units->len,
                                               n_coders));
      append_offset (overall, kind_values, 0);
      append_offset (overall, speaker_values, SPEAKER_OFFSET);

      g_hash_table_iter_init (&iter, all_tags);
      while (g_hash_table_iter_next (&iter, &tag_uuid, NULL))
        {
          g_autoptr(GArray) tag_values = g_array_new (FALSE, FALSE, sizeof (int));
          g_autoptr(AttestTag) tag = attest_store_get_tag (store, tag_uuid, NULL);
          g_autofree char *name = g_strdup_printf ("tag: %s",
                                                   tag ? attest_tag_get_name (tag) : (char *) tag_uuid);

          for (guint u = 0; u < units->len; u++)
            {
              Unit *unit = g_ptr_array_index (units, u);
              guint64 readers = g_array_index (unit_coders_seen, guint64, u);

              for (guint c = 0; c < n_coders; c++)
                {
                  Mark *mark = unit->marks[c];
                  int v = !((readers >> c) & 1) ? -1
                          : mark && g_strv_contains ((const char * const *) mark->tags, tag_uuid)
                            ? 1 : 0;

                  g_array_append_val (tag_values, v);
                }
            }
          g_ptr_array_add (results, agreement_for (name, tag_values, units->len, n_coders));
          append_offset (overall, tag_values, TAG_OFFSET + 2 * n_tags++);
        }

      /* Overall: every dimension's values as further units of one nominal variable. */
      g_ptr_array_add (results, agreement_for ("overall", overall,
                                               overall->len / n_coders, n_coders));
    }

  for (guint u = 0; u < units->len; u++)
    {
      Unit *unit = g_ptr_array_index (units, u);

      g_free (unit->marks);
      g_free (unit);
    }

  if (coders_out != NULL)
    {
      g_ptr_array_add (coders, NULL);
      *coders_out = (GStrv) g_ptr_array_steal (coders, NULL);
    }
  return results;
}
