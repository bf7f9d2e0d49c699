/* attest-refi-import.c: a REFI-QDA project or codebook into the project.
 *
 * The file is read and checked whole first (attest-refi-zip.c, attest-refi-parse.c), then
 * matched against the project (texts and tags it already has are reused, selections it
 * already has are not added again), and only then written, through the store's public
 * operations: tags and sources, the new articles in one batch, then the annotations. If a
 * write fails, what was added is taken away again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-refi"

#include "config.h"

#include "attest-refi.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "attest-error.h"
#include "attest-refi-private.h"
#include "attest-store-private.h"
#include "attest-text.h"

/* A text of the file as an article: new, or one the project already has. */
typedef struct
{
  AttestRefiText *text;         /* the first text of the file with this body */
  char           *hash;
  char           *uuid;         /* the article's, once known */
  gboolean        is_new;
  GHashTable     *keys;         /* selection key -> AttestRefiSelection, NULL when existing */
  GPtrArray      *selections;   /* AttestRefiSelection to add, not owned */
} Article;

typedef struct
{
  AttestStore             *store;
  const char              *display;
  const char              *origin;
  GCancellable            *cancellable;
  AttestRefiModel         *model;
  AttestRefiImportSummary *summary;
  GStrv                    source_kinds;
  GPtrArray               *articles;          /* Article, in the file's order */
  GHashTable              *by_hash;           /* content hash -> Article */
  GPtrArray               *created_tags;      /* uuids, to take back on failure */
  GPtrArray               *created_sources;
  GPtrArray               *created_annotations;
} Import;

static void
article_free (Article *article)
{
  g_free (article->hash);
  g_free (article->uuid);
  g_clear_pointer (&article->keys, g_hash_table_unref);
  g_clear_pointer (&article->selections, g_ptr_array_unref);
  g_free (article);
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->source_kinds, g_strfreev);
  g_clear_pointer (&import->articles, g_ptr_array_unref);
  g_clear_pointer (&import->by_hash, g_hash_table_unref);
  g_clear_pointer (&import->created_tags, g_ptr_array_unref);
  g_clear_pointer (&import->created_sources, g_ptr_array_unref);
  g_clear_pointer (&import->created_annotations, g_ptr_array_unref);
}

static void
warn (Import     *import,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
warn (Import     *import,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (import->summary->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Matching the file against the project (reads only) */

/* Two selections are one annotation when they mark the same characters as the same kind
 * for the same coder: importing a file twice adds nothing the second time. */
static char *
selection_key (guint                 start,
               guint                 end,
               AttestAnnotationKind  kind,
               const char           *coder)
{
  return g_strdup_printf ("%u:%u:%s:%s", start, end, attest_annotation_kind_to_string (kind),
                          coder != NULL ? coder : "");
}

static gboolean
find_existing_article (Import   *import,
                       Article  *article,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  int rc;

  if (!(stmt = _attest_store_prepare (import->store,
                                      "SELECT uuid FROM articles WHERE content_hash = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, article->hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      article->is_new = TRUE;
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    return _attest_store_set_error (import->store, error, _("Could not read the project"));

  article->uuid = g_strdup (_attest_column_text (stmt, 0));
  if (!(annotations = attest_store_list_annotations (import->store, article->uuid, error)))
    return FALSE;
  for (guint i = 0; i < annotations->len; i++)
    {
      AttestAnnotation *annotation = g_ptr_array_index (annotations, i);

      g_hash_table_insert (article->keys,
                           selection_key (attest_annotation_get_start (annotation),
                                          attest_annotation_get_end (annotation),
                                          attest_annotation_get_kind (annotation),
                                          attest_annotation_get_coder (annotation)),
                           NULL);
    }

  return TRUE;
}

static void
plan_selection (Import              *import,
                Article             *article,
                AttestRefiSelection *selection)
{
  g_autofree char *key = selection_key (selection->start, selection->end, selection->kind,
                                        selection->coder);
  AttestRefiSelection *same;

  if (g_hash_table_lookup_extended (article->keys, key, NULL, (gpointer *) &same))
    {
      /* The same span twice in the file: one annotation with the codes of both. */
      if (same != NULL)
        for (guint i = 0; i < selection->tags->len; i++)
          if (!g_ptr_array_find (same->tags, g_ptr_array_index (selection->tags, i), NULL))
            g_ptr_array_add (same->tags, g_ptr_array_index (selection->tags, i));
      import->summary->n_duplicates++;
      return;
    }

  g_hash_table_insert (article->keys, g_steal_pointer (&key), selection);
  g_ptr_array_add (article->selections, selection);
}

static gboolean
plan_articles (Import  *import,
               GError **error)
{
  GPtrArray *texts = import->model->texts;

  import->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) article_free);
  import->by_hash = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < texts->len; i++)
    {
      AttestRefiText *text = g_ptr_array_index (texts, i);
      g_autofree char *hash = attest_text_content_hash (text->body);
      Article *article = g_hash_table_lookup (import->by_hash, hash);

      if (article == NULL)
        {
          article = g_new0 (Article, 1);
          article->text = text;
          article->hash = g_steal_pointer (&hash);
          article->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          article->selections = g_ptr_array_new ();
          g_ptr_array_add (import->articles, article);
          g_hash_table_insert (import->by_hash, article->hash, article);

          if (!find_existing_article (import, article, error))
            return FALSE;
          if (!article->is_new)
            import->summary->n_existing_articles++;
        }

      for (guint s = 0; s < text->selections->len; s++)
        plan_selection (import, article, g_ptr_array_index (text->selections, s));
    }

  return TRUE;
}

/* Writing, and taking it back */

static void
take_back (Import *import)
{
  g_autoptr(GError) error = NULL;

  for (guint i = import->created_annotations->len; i > 0; i--)
    if (!attest_store_delete_annotation (import->store,
                                         g_ptr_array_index (import->created_annotations, i - 1),
                                         &error))
      {
        g_debug ("Could not take back an imported annotation: %s", error->message);
        g_clear_error (&error);
      }
  for (guint i = import->created_sources->len; i > 0; i--)
    if (!attest_store_delete_source (import->store,
                                     g_ptr_array_index (import->created_sources, i - 1), &error))
      {
        g_debug ("Could not take back an imported source: %s", error->message);
        g_clear_error (&error);
      }
  /* Children were made after their parents, so they go first. */
  for (guint i = import->created_tags->len; i > 0; i--)
    if (!attest_store_delete_tag (import->store, g_ptr_array_index (import->created_tags, i - 1),
                                  &error))
      {
        g_debug ("Could not take back an imported tag: %s", error->message);
        g_clear_error (&error);
      }
}

static char *
tag_key (const char *parent_uuid,
         const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  /* The store's sibling names are unique ignoring ASCII case (COLLATE NOCASE). */
  return g_strconcat (parent_uuid != NULL ? parent_uuid : "", "\x1f", lower, NULL);
}

static gboolean
write_tags (Import  *import,
            GError **error)
{
  g_autoptr(GPtrArray) existing = attest_store_list_tags (import->store, error);
  g_autoptr(GHashTable) by_key = NULL;

  if (existing == NULL)
    return FALSE;

  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < existing->len; i++)
    {
      AttestTag *tag = g_ptr_array_index (existing, i);

      g_hash_table_insert (by_key,
                           tag_key (attest_tag_get_parent_uuid (tag), attest_tag_get_name (tag)),
                           g_strdup (attest_tag_get_uuid (tag)));
    }

  for (guint i = 0; i < import->model->codes->len; i++)
    {
      AttestRefiCode *code = g_ptr_array_index (import->model->codes, i);
      const char *parent = code->parent != NULL ? code->parent->uuid : NULL;
      g_autofree char *key = NULL;
      g_autoptr(AttestTag) tag = NULL;
      const char *found;

      if (code->role != ATTEST_REFI_CODE_TAG)
        continue;

      key = tag_key (parent, code->name);
      if ((found = g_hash_table_lookup (by_key, key)))
        {
          code->uuid = g_strdup (found);
          continue;
        }

      if (!(tag = attest_store_create_tag (import->store, code->name, parent, code->color,
                                           code->description, error)))
        return FALSE;
      code->uuid = g_strdup (attest_tag_get_uuid (tag));
      g_ptr_array_add (import->created_tags, g_strdup (code->uuid));
      g_hash_table_insert (by_key, g_steal_pointer (&key), g_strdup (code->uuid));
      import->summary->n_tags++;

      if (code->memo != NULL
          && !attest_store_update_tag (import->store, code->uuid, NULL, NULL, NULL, code->memo,
                                       error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_sources (Import  *import,
               GError **error)
{
  for (guint i = 0; i < import->model->codes->len; i++)
    {
      AttestRefiCode *code = g_ptr_array_index (import->model->codes, i);
      g_autoptr(AttestSource) source = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *kind = "other";

      if (code->role != ATTEST_REFI_CODE_SPEAKER)
        continue;

      source = attest_store_find_source (import->store, code->name, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (source != NULL)
        {
          code->uuid = g_strdup (attest_source_get_uuid (source));
          continue;
        }

      if (g_strv_contains ((const char * const *) import->source_kinds, code->speaker_kind))
        kind = code->speaker_kind;
      else
        warn (import, _("The project has no kind of source “%s”; “%s” was added as other."),
              code->speaker_kind, code->name);

      if (!(source = attest_store_create_source (import->store, code->name, kind, error)))
        return FALSE;
      code->uuid = g_strdup (attest_source_get_uuid (source));
      g_ptr_array_add (import->created_sources, g_strdup (code->uuid));
      import->summary->n_sources++;
    }

  return TRUE;
}

/* An ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD, a time after it dropped), or NULL. */
static char *
iso_date (const char *value)
{
  static const char pattern[] = "dddd-dd-dd";
  gsize length = 0;

  if (value == NULL)
    return NULL;
  while (length < 10 && value[length] != '\0'
         && (pattern[length] == 'd' ? g_ascii_isdigit (value[length])
                                    : value[length] == pattern[length]))
    length++;
  if ((length != 4 && length != 7 && length != 10)
      || (value[length] != '\0' && value[length] != 'T' && value[length] != ' '))
    return NULL;

  return g_strndup (value, length);
}

static gboolean
write_articles (Import  *import,
                GError **error)
{
  gboolean any = FALSE;

  for (guint i = 0; i < import->articles->len && !any; i++)
    any = ((Article *) g_ptr_array_index (import->articles, i))->is_new;
  if (!any)
    return TRUE;

  if (!attest_store_begin_batch (import->store, error))
    return FALSE;

  for (guint i = 0; i < import->articles->len; i++)
    {
      Article *article = g_ptr_array_index (import->articles, i);
      AttestRefiText *text = article->text;
      g_autofree char *published = NULL;
      AttestArticleMeta meta = { 0 };

      if (!article->is_new)
        continue;

      published = iso_date (text->variables[ATTEST_REFI_VARIABLE_PUBLISHED]);
      if (text->variables[ATTEST_REFI_VARIABLE_PUBLISHED] != NULL && published == NULL)
        warn (import, _("“%s” of “%s” is not a date; the publication date was left empty."),
              text->variables[ATTEST_REFI_VARIABLE_PUBLISHED], text->name);

      meta.title = text->title;
      meta.byline = text->variables[ATTEST_REFI_VARIABLE_BYLINE];
      meta.outlet = text->variables[ATTEST_REFI_VARIABLE_OUTLET];
      meta.url = text->variables[ATTEST_REFI_VARIABLE_URL];
      meta.published = published;
      meta.language = text->variables[ATTEST_REFI_VARIABLE_LANGUAGE];
      meta.description = text->description;
      meta.origin = import->origin;

      if (!(article->uuid = attest_store_import_text (import->store, text->body, -1, &meta,
                                                      error))
          || g_cancellable_set_error_if_cancelled (import->cancellable, error))
        {
          attest_store_end_batch (import->store, FALSE, NULL);
          return FALSE;
        }
    }

  if (!attest_store_end_batch (import->store, TRUE, error))
    return FALSE;

  /* The offsets were worked out on this text: make sure it is the one that was stored. */
  for (guint i = 0; i < import->articles->len; i++)
    {
      Article *article = g_ptr_array_index (import->articles, i);
      g_autoptr(AttestArticle) stored = NULL;

      if (!article->is_new)
        continue;
      import->summary->n_articles++;
      if (!(stored = attest_store_get_article (import->store, article->uuid, error)))
        return FALSE;
      if (g_strcmp0 (attest_article_get_body (stored), article->text->body) != 0)
        {
          g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                       _("The text of “%s” was stored differently from how it was read"),
                       article->text->name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_annotations (Import  *import,
                   GError **error)
{
  for (guint i = 0; i < import->articles->len; i++)
    {
      Article *article = g_ptr_array_index (import->articles, i);

      for (guint s = 0; s < article->selections->len; s++)
        {
          AttestRefiSelection *selection = g_ptr_array_index (article->selections, s);
          g_autoptr(AttestAnnotation) annotation = NULL;
          const char *uuid;

          annotation = attest_store_create_annotation (import->store, article->uuid,
                                                       selection->kind, selection->start,
                                                       selection->end,
                                                       selection->speaker != NULL
                                                         ? selection->speaker->uuid : NULL,
                                                       selection->comment, selection->coder,
                                                       error);
          if (annotation == NULL)
            return FALSE;
          uuid = attest_annotation_get_uuid (annotation);
          g_ptr_array_add (import->created_annotations, g_strdup (uuid));
          import->summary->n_annotations++;

          for (guint t = 0; t < selection->tags->len; t++)
            {
              AttestRefiCode *tag = g_ptr_array_index (selection->tags, t);

              if (!attest_store_set_annotation_tag (import->store, uuid, tag->uuid, TRUE, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

static AttestRefiImportSummary *
run_import (AttestStore      *store,
            AttestRefiModel  *model,
            GFile            *file,
            const char       *display,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(AttestRefiImportSummary) summary = g_new0 (AttestRefiImportSummary, 1);
  g_autofree char *origin = g_file_get_parse_name (file);
  Import import = {
    .store = store,
    .display = display,
    .origin = origin,
    .cancellable = cancellable,
    .model = model,
    .summary = summary,
  };
  gboolean ok;

  summary->article_uuids = g_ptr_array_new_with_free_func (g_free);
  summary->warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < model->warnings->len; i++)
    g_ptr_array_add (summary->warnings, g_strdup (g_ptr_array_index (model->warnings, i)));
  summary->n_skipped = model->n_skipped;

  import.created_tags = g_ptr_array_new_with_free_func (g_free);
  import.created_sources = g_ptr_array_new_with_free_func (g_free);
  import.created_annotations = g_ptr_array_new_with_free_func (g_free);

  /* Reads only, up to the cancellation check: a failure here changes nothing. */
  ok = (import.source_kinds = attest_store_list_source_kinds (store, error)) != NULL
       && plan_articles (&import, error)
       && !g_cancellable_set_error_if_cancelled (cancellable, error);

  /* Once the articles are in, the import runs to its end: a cancel then would leave
   * articles without the annotations the file gave them. */
  if (ok)
    {
      ok = write_tags (&import, error)
           && write_sources (&import, error)
           && write_articles (&import, error)
           && write_annotations (&import, error);
      if (!ok)
        take_back (&import);
    }

  if (ok)
    for (guint i = 0; i < import.articles->len; i++)
      g_ptr_array_add (summary->article_uuids,
                       g_strdup (((Article *) g_ptr_array_index (import.articles, i))->uuid));

  import_clear (&import);
  return ok ? g_steal_pointer (&summary) : NULL;
}

static gboolean
finish (AttestRefiImportSummary   *result,
        AttestRefiImportSummary  **summary)
{
  if (result == NULL)
    return FALSE;
  if (summary != NULL)
    *summary = result;
  else
    attest_refi_import_summary_free (result);
  return TRUE;
}

/* Public API */

gboolean
attest_refi_import_qdpx (AttestStore              *store,
                         GFile                    *file,
                         GCancellable             *cancellable,
                         AttestRefiImportSummary **summary,
                         GError                  **error)
{
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(AttestRefiModel) model = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!_attest_store_in_batch (store), FALSE);

  display = g_file_get_basename (file);
  if (!_attest_refi_read_qdpx (file, display, cancellable, &document, &texts, error)
      || !(model = _attest_refi_parse (document, texts, display, cancellable, error)))
    return FALSE;

  /* The archive's texts are in the model now. */
  g_clear_pointer (&texts, g_hash_table_unref);
  g_clear_pointer (&document, g_bytes_unref);

  return finish (run_import (store, model, file, display, cancellable, error), summary);
}

gboolean
attest_refi_import_qdc (AttestStore              *store,
                        GFile                    *file,
                        GCancellable             *cancellable,
                        AttestRefiImportSummary **summary,
                        GError                  **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) document = NULL;
  g_autoptr(AttestRefiModel) model = NULL;
  g_autofree char *display = NULL;
  g_autofree char *doing = NULL;
  GError *io_error = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!_attest_store_in_batch (store), FALSE);

  display = g_file_get_basename (file);
  doing = g_strdup_printf (_("Could not read “%s”"), display);
  if (!(info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                  G_FILE_QUERY_INFO_NONE, cancellable, &io_error)))
    {
      _attest_exchange_propagate_io_error (error, io_error, doing);
      return FALSE;
    }
  if ((guint64) g_file_info_get_size (info) > _attest_refi_limits.max_total_bytes)
    {
      g_autofree char *limit = g_format_size (_attest_refi_limits.max_total_bytes);

      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("%s: it is larger than %s; Attest does not open codebooks that large"),
                   display, limit);
      return FALSE;
    }
  if (!(document = g_file_load_bytes (file, cancellable, NULL, &io_error)))
    {
      _attest_exchange_propagate_io_error (error, io_error, doing);
      return FALSE;
    }

  if (!(model = _attest_refi_parse (document, NULL, display, cancellable, error)))
    return FALSE;

  return finish (run_import (store, model, file, display, cancellable, error), summary);
}
