/* attest-store-annotations.c: marking spans of an article and editing the marks. Every edit is
 * one undoable change (see attest-store.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "attest-error.h"
#include "attest-model-private.h"
#include "attest-store-private.h"
#include "attest-text.h"

#define CONTEXT_CHARS 32

typedef struct
{
  const char           *article_uuid;
  AttestAnnotationKind  kind;
  guint                 start;
  guint                 end;
  const char           *speaker_uuid;
  const char           *speaker_name;
  const char           *speaker_kind;
  const char           *comment;
  const char           *coder;
  gboolean              suggested;
  gint64                id;     /* out */
} AnnotationEdit;

static gboolean
create_annotation_fn (AttestStore  *self,
                      gpointer      data,
                      GError      **error)
{
  AnnotationEdit *edit = data;
  g_autoptr(AttestArticle) article = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 speaker_id = -1;
  glong body_len;

  if (edit->kind >= ATTEST_ANNOTATION_N_KINDS)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Unknown kind of annotation."));
      return FALSE;
    }
  if (!(article = attest_store_get_article (self, edit->article_uuid, error)))
    return FALSE;

  body_len = g_utf8_strlen (attest_article_get_body (article), -1);
  if (edit->start >= edit->end || edit->end > body_len)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("The span %u–%u is not inside the article's text (0–%ld)."),
                   edit->start, edit->end, body_len);
      return FALSE;
    }

  exact = attest_text_substring (attest_article_get_body (article), edit->start, edit->end);
  if (!_attest_has_non_space (exact))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Select some words to mark, not only white space."));
      return FALSE;
    }
  prefix = attest_text_prefix (attest_article_get_body (article), edit->start, CONTEXT_CHARS);
  suffix = attest_text_suffix (attest_article_get_body (article), edit->end, CONTEXT_CHARS);

  if (edit->speaker_uuid != NULL)
    {
      if ((speaker_id = _attest_store_resolve_uuid (self, "sources", _("source"), edit->speaker_uuid,
                                      error)) < 0)
        return FALSE;
    }
  else if (_attest_has_non_space (edit->speaker_name))
    {
      g_autoptr(AttestSource) existing = NULL;
      g_autoptr(GError) local_error = NULL;

      existing = attest_store_find_source (self, edit->speaker_name, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (existing != NULL)
        speaker_id = attest_source_get_id (existing);
      else if ((speaker_id = _attest_store_create_source_in_change (self, edit->speaker_name,
                                                      edit->speaker_kind, error)) < 0)
        return FALSE;
    }

  if (!(stmt = _attest_store_prepare (self,
          "INSERT INTO annotations (uuid, article_id, kind, start, \"end\", exact, prefix, "
          "suffix, speaker_id, comment, coder, created_at, modified_at, suggested) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, attest_article_get_id (article));
  sqlite3_bind_text (stmt, 3, attest_annotation_kind_to_string (edit->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, edit->start);
  sqlite3_bind_int (stmt, 5, edit->end);
  sqlite3_bind_text (stmt, 6, exact, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, suffix, -1, SQLITE_STATIC);
  if (speaker_id >= 0)
    sqlite3_bind_int64 (stmt, 9, speaker_id);
  else
    sqlite3_bind_null (stmt, 9);
  _attest_bind_text_or_null (stmt, 10, edit->comment);
  _attest_bind_text_or_null (stmt, 11, edit->coder);
  sqlite3_bind_text (stmt, 12, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, now, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 14, edit->suggested ? 1 : 0);
  if (!_attest_store_step_done (self, stmt, _("Could not store the annotation"), error))
    return FALSE;

  edit->id = sqlite3_last_insert_rowid (_attest_store_get_db (self));
  return _attest_store_touch_new_row (self, "annotations", edit->id);
}

static const char *
label_for_new (AttestAnnotationKind kind)
{
  switch (kind)
    {
    case ATTEST_ANNOTATION_DIRECT:
    case ATTEST_ANNOTATION_INDIRECT:
      return _("Mark quote");
    case ATTEST_ANNOTATION_CLAIM:
      return _("Mark claim");
    case ATTEST_ANNOTATION_NOTE:
    default:
      return _("Add note");
    }
}

AttestAnnotation *
attest_store_create_annotation (AttestStore           *self,
                                const char            *article_uuid,
                                AttestAnnotationKind   kind,
                                guint                  start,
                                guint                  end,
                                const char            *speaker_uuid,
                                const char            *comment,
                                const char            *coder,
                                GError               **error)
{
  AnnotationEdit edit = {
    .article_uuid = article_uuid, .kind = kind, .start = start, .end = end,
    .speaker_uuid = speaker_uuid, .comment = comment, .coder = coder,
  };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!_attest_store_run_change (self, label_for_new (kind), create_annotation_fn, &edit, error))
    return NULL;

  return _attest_store_get_annotation_by_id (self, edit.id, error);
}

AttestAnnotation *
attest_store_annotate_span (AttestStore           *self,
                            const char            *article_uuid,
                            AttestAnnotationKind   kind,
                            guint                  start,
                            guint                  end,
                            const char            *speaker_name,
                            const char            *speaker_kind,
                            const char            *comment,
                            const char            *coder,
                            GError               **error)
{
  AnnotationEdit edit = {
    .article_uuid = article_uuid, .kind = kind, .start = start, .end = end,
    .speaker_name = speaker_name, .speaker_kind = speaker_kind,
    .comment = comment, .coder = coder,
  };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!_attest_store_run_change (self, label_for_new (kind), create_annotation_fn, &edit, error))
    return NULL;

  return _attest_store_get_annotation_by_id (self, edit.id, error);
}

AttestAnnotation *
attest_store_accept_suggestion (AttestStore           *self,
                                const char            *article_uuid,
                                AttestAnnotationKind   kind,
                                guint                  start,
                                guint                  end,
                                const char            *speaker_uuid,
                                const char            *speaker_name,
                                const char            *speaker_kind,
                                const char            *coder,
                                GError               **error)
{
  AnnotationEdit edit = {
    .article_uuid = article_uuid, .kind = kind, .start = start, .end = end,
    .speaker_uuid = speaker_uuid, .speaker_name = speaker_name, .speaker_kind = speaker_kind,
    .coder = coder, .suggested = TRUE,
  };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!_attest_store_run_change (self, _("Accept suggestion"), create_annotation_fn, &edit,
                                 error))
    return NULL;

  return _attest_store_get_annotation_by_id (self, edit.id, error);
}

typedef struct
{
  const char *uuid;
  const char *speaker_uuid;
  const char *comment;
  const char *speaker_name;
  const char *speaker_kind;
} AnnotationSet;

static gboolean
set_speaker_fn (AttestStore  *self,
                gpointer      data,
                GError      **error)
{
  AnnotationSet *set = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 id, speaker_id = -1;

  if ((id = _attest_store_resolve_uuid (self, "annotations", _("annotation"), set->uuid, error)) < 0)
    return FALSE;
  /* By name: the source that has it, or a new one, in the same undo step. */
  if (set->speaker_name != NULL && _attest_has_non_space (set->speaker_name))
    {
      g_autoptr(AttestSource) existing = NULL;
      g_autoptr(GError) local_error = NULL;

      existing = attest_store_find_source (self, set->speaker_name, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (existing != NULL)
        speaker_id = attest_source_get_id (existing);
      else if ((speaker_id = _attest_store_create_source_in_change (self, set->speaker_name,
                                                                    set->speaker_kind,
                                                                    error)) < 0)
        return FALSE;
    }
  else if (set->speaker_uuid != NULL
      && (speaker_id = _attest_store_resolve_uuid (self, "sources", _("source"), set->speaker_uuid,
                                     error)) < 0)
    return FALSE;
  if (!_attest_store_touch_row (self, "annotations", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self,
          "UPDATE annotations SET speaker_id = ?, modified_at = ? WHERE id = ?", error)))
    return FALSE;
  if (speaker_id >= 0)
    sqlite3_bind_int64 (stmt, 1, speaker_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);

  return _attest_store_step_done (self, stmt, _("Could not change the speaker"), error);
}

gboolean
attest_store_set_annotation_speaker (AttestStore  *self,
                                     const char   *uuid,
                                     const char   *speaker_uuid,
                                     GError      **error)
{
  AnnotationSet set = { .uuid = uuid, .speaker_uuid = speaker_uuid };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Change speaker"), set_speaker_fn, &set, error);
}

static gboolean
set_comment_fn (AttestStore  *self,
                gpointer      data,
                GError      **error)
{
  AnnotationSet *set = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "annotations", _("annotation"), set->uuid, error)) < 0)
    return FALSE;
  if (!_attest_store_touch_row (self, "annotations", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self,
          "UPDATE annotations SET comment = ?, modified_at = ? WHERE id = ?", error)))
    return FALSE;
  _attest_bind_text_or_null (stmt, 1, set->comment);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);

  return _attest_store_step_done (self, stmt, _("Could not change the comment"), error);
}

gboolean
attest_store_set_annotation_speaker_by_name (AttestStore  *self,
                                             const char   *uuid,
                                             const char   *name,
                                             const char   *kind,
                                             GError      **error)
{
  AnnotationSet set = { .uuid = uuid, .speaker_name = name, .speaker_kind = kind };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return _attest_store_run_change (self, _("Change speaker"), set_speaker_fn, &set, error);
}

gboolean
attest_store_set_annotation_comment (AttestStore  *self,
                                     const char   *uuid,
                                     const char   *comment,
                                     GError      **error)
{
  AnnotationSet set = { .uuid = uuid, .comment = comment };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Edit comment"), set_comment_fn, &set, error);
}


static gboolean
delete_annotation_fn (AttestStore  *self,
                      gpointer      data,
                      GError      **error)
{
  const char *uuid = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "annotations", _("annotation"), uuid, error)) < 0)
    return FALSE;
  if (!_attest_store_touch_dependents (self, "annotation_tags", "annotation_id", id, error)
      || !_attest_store_touch_dependents (self, "incident_links", "annotation_id", id, error)
      || !_attest_store_touch_row (self, "annotations", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self, "DELETE FROM annotations WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return _attest_store_step_done (self, stmt, _("Could not delete the annotation"), error);
}

gboolean
attest_store_delete_annotation (AttestStore  *self,
                                const char   *uuid,
                                GError      **error)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Delete annotation"), delete_annotation_fn, (gpointer) uuid, error);
}

/* Offsets */

gboolean
attest_find_unique_span (const char  *body,
                         const char  *exact,
                         guint       *start,
                         guint       *end,
                         GError     **error)
{
  const char *hit, *again;

  g_return_val_if_fail (body != NULL, FALSE);

  if (exact == NULL || *exact == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Give the exact words to mark."));
      return FALSE;
    }

  if (!(hit = strstr (body, exact)))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                   _("The text “%s” is not in the article."), exact);
      return FALSE;
    }

  if ((again = strstr (hit + 1, exact)) != NULL)
    {
      guint count = 2;

      while ((again = strstr (again + 1, exact)) != NULL)
        count++;
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_AMBIGUOUS,
                   _("The text “%s” is ambiguous: it appears %u times in the article; give "
                     "more words."), exact, count);
      return FALSE;
    }

  *start = g_utf8_pointer_to_offset (body, hit);
  *end = *start + g_utf8_strlen (exact, -1);
  return TRUE;
}

typedef struct
{
  const char           *uuid;
  AttestAnnotationKind  kind;
  guint                 start;
  guint                 end;
  const char           *status;
} AnnotationChange;

static gboolean
set_kind_fn (AttestStore  *self,
             gpointer      data,
             GError      **error)
{
  AnnotationChange *change = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 id;

  if (change->kind >= ATTEST_ANNOTATION_N_KINDS)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Unknown kind of annotation."));
      return FALSE;
    }
  if ((id = _attest_store_resolve_uuid (self, "annotations", _("annotation"), change->uuid,
                                        error)) < 0
      || !_attest_store_touch_row (self, "annotations", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self,
          "UPDATE annotations SET kind = ?, modified_at = ? WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, attest_annotation_kind_to_string (change->kind), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  return _attest_store_step_done (self, stmt, _("Could not change the annotation"), error);
}

gboolean
attest_store_set_annotation_kind (AttestStore           *self,
                                  const char            *uuid,
                                  AttestAnnotationKind   kind,
                                  GError               **error)
{
  AnnotationChange change = { .uuid = uuid, .kind = kind };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Change kind"), set_kind_fn, &change, error);
}

static gboolean
set_span_fn (AttestStore  *self,
             gpointer      data,
             GError      **error)
{
  AnnotationChange *change = data;
  g_autoptr(AttestAnnotation) annotation = NULL;
  g_autoptr(AttestArticle) article = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  const char *body;
  glong body_len;
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "annotations", _("annotation"), change->uuid,
                                        error)) < 0
      || !(annotation = _attest_store_get_annotation_by_id (self, id, error))
      || !(article = attest_store_get_article (self, attest_annotation_get_article_uuid (annotation),
                                               error)))
    return FALSE;

  body = attest_article_get_body (article);
  body_len = g_utf8_strlen (body, -1);
  if (change->start >= change->end || change->end > body_len)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("The span %u–%u is not inside the article's text (0–%ld)."),
                   change->start, change->end, body_len);
      return FALSE;
    }
  exact = attest_text_substring (body, change->start, change->end);
  if (!_attest_has_non_space (exact))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Select some words to mark, not only white space."));
      return FALSE;
    }
  prefix = attest_text_prefix (body, change->start, CONTEXT_CHARS);
  suffix = attest_text_suffix (body, change->end, CONTEXT_CHARS);

  if (!_attest_store_touch_row (self, "annotations", id, error)
      || !(stmt = _attest_store_prepare (self,
             "UPDATE annotations SET start = ?, \"end\" = ?, exact = ?, prefix = ?, suffix = ?, "
             "modified_at = ? WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int (stmt, 1, change->start);
  sqlite3_bind_int (stmt, 2, change->end);
  sqlite3_bind_text (stmt, 3, exact, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, suffix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, id);
  return _attest_store_step_done (self, stmt, _("Could not change the span"), error);
}

gboolean
attest_store_set_annotation_span (AttestStore  *self,
                                  const char   *uuid,
                                  guint         start,
                                  guint         end,
                                  GError      **error)
{
  AnnotationChange change = { .uuid = uuid, .start = start, .end = end };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Change span"), set_span_fn, &change, error);
}

static gboolean
set_claim_status_fn (AttestStore  *self,
                     gpointer      data,
                     GError      **error)
{
  static const char * const statuses[] = { "unverified", "corroborated", "disputed", "false",
                                            NULL };
  AnnotationChange *change = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 id;

  if (change->status != NULL && !g_strv_contains (statuses, change->status))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("“%s” is not a claim status; use unverified, corroborated, disputed or "
                     "false."), change->status);
      return FALSE;
    }
  if ((id = _attest_store_resolve_uuid (self, "annotations", _("annotation"), change->uuid,
                                        error)) < 0
      || !_attest_store_touch_row (self, "annotations", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self,
          "UPDATE annotations SET claim_status = ?, modified_at = ? WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  return _attest_store_step_done (self, stmt, _("Could not change the claim status"), error);
}

gboolean
attest_store_set_annotation_claim_status (AttestStore  *self,
                                          const char   *uuid,
                                          const char   *status,
                                          GError      **error)
{
  AnnotationChange change = { .uuid = uuid, .status = status };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Change claim status"), set_claim_status_fn, &change,
                                   error);
}
