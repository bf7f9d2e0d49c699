/* attest-articles-page-show.c: which annotations AttestArticlesPage shows, and how: all of
 * the open article's, or, while a tag of the codebook filters them, those with the tag or a
 * tag under it, in their tag's colour; and an article opened at a search hit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-articles-page"

#include "config.h"

#include "attest-articles-page-private.h"

#include <glib/gi18n.h>

/* A tag without a colour of its own, and none above it, is highlighted in blue. */
#define DEFAULT_TAG_COLOR "#3584e4"
#define TAG_ALPHA 0.35f

/* The filter tag and every tag under it, each with the colour it is highlighted in: its
 * own, else that of the nearest tag above it in the filter that has one. NULL when the
 * filter tag is gone. */
static GHashTable *
attest_articles_page_dup_filter_colors (AttestArticlesPage  *self,
                                        AttestTag          **filter)
{
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GHashTable) colors = NULL;
  g_autoptr(GError) error = NULL;
  gboolean grew = TRUE;

  *filter = NULL;
  if (self->store == NULL || self->filter_tag == NULL)
    return NULL;
  if (!(tags = attest_store_list_tags (self->store, &error)))
    {
      g_warning ("Could not read the codebook: %s", error->message);
      return NULL;
    }

  colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) gdk_rgba_free);
  for (guint i = 0; i < tags->len; i++)
    {
      AttestTag *tag = g_ptr_array_index (tags, i);
      GdkRGBA color;

      if (!g_str_equal (attest_tag_get_uuid (tag), self->filter_tag))
        continue;
      *filter = g_object_ref (tag);
      if (!gdk_rgba_parse (&color, attest_tag_get_color (tag) != NULL ? attest_tag_get_color (tag)
                                                                      : DEFAULT_TAG_COLOR))
        gdk_rgba_parse (&color, DEFAULT_TAG_COLOR);
      color.alpha = TAG_ALPHA;
      g_hash_table_insert (colors, g_strdup (self->filter_tag), gdk_rgba_copy (&color));
    }
  if (*filter == NULL)
    return NULL;

  /* The list is in tree order, but a pass per level keeps this right whatever the order. */
  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < tags->len; i++)
        {
          AttestTag *tag = g_ptr_array_index (tags, i);
          const char *parent = attest_tag_get_parent_uuid (tag);
          const GdkRGBA *above;
          GdkRGBA color;

          if (parent == NULL || g_hash_table_contains (colors, attest_tag_get_uuid (tag)) ||
              !(above = g_hash_table_lookup (colors, parent)))
            continue;
          color = *above;
          if (attest_tag_get_color (tag) != NULL &&
              gdk_rgba_parse (&color, attest_tag_get_color (tag)))
            color.alpha = TAG_ALPHA;
          g_hash_table_insert (colors, g_strdup (attest_tag_get_uuid (tag)),
                               gdk_rgba_copy (&color));
          grew = TRUE;
        }
    }
  return g_steal_pointer (&colors);
}

/* Shows the annotations of the open article that the filter lets through. */
void
_attest_articles_page_show_annotations (AttestArticlesPage *self)
{
  g_autoptr(GHashTable) colors = NULL;
  g_autoptr(AttestTag) filter = NULL;
  AttestAnnotation *fresh = NULL;

  colors = attest_articles_page_dup_filter_colors (self, &filter);
  if (self->filter_tag != NULL && filter == NULL)
    {
      /* The tag was deleted: nothing to filter by. */
      attest_articles_page_set_filter_tag (self, NULL);
      return;
    }

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; self->annotations != NULL && i < self->annotations->len; i++)
    {
      AttestAnnotation *annotation = g_ptr_array_index (self->annotations, i);
      const char * const *tags = attest_annotation_get_tag_uuids (annotation);
      gboolean pass = colors == NULL;

      for (guint t = 0; !pass && tags[t] != NULL; t++)
        pass = g_hash_table_contains (colors, tags[t]);
      if (pass)
        g_ptr_array_add (self->shown, g_object_ref (annotation));
    }

  attest_reader_set_tag_colors (self->reader, colors);
  attest_reader_set_annotations (self->reader, self->shown);
  attest_annotation_panel_set_filter (self->panel,
                                      filter != NULL ? attest_tag_get_name (filter) : NULL,
                                      filter != NULL ? attest_tag_get_color (filter) : NULL);
  attest_annotation_panel_set_annotations (self->panel, self->shown);

  /* The selected annotation, re-read: its span may have changed, or it may be gone. */
  if (self->selected != NULL)
    fresh = _attest_articles_page_find (self, attest_annotation_get_uuid (self->selected));
  if (fresh == NULL)
    _attest_articles_page_select (self, NULL);
  else if (attest_annotation_get_start (fresh) != attest_annotation_get_start (self->selected) ||
           attest_annotation_get_end (fresh) != attest_annotation_get_end (self->selected))
    _attest_articles_page_select (self, fresh);
  else
    /* The same span: the reader and the list keep it selected where they are. */
    g_set_object (&self->selected, fresh);
  _attest_articles_page_update_actions (self);
}

void
_attest_articles_page_load_annotations (AttestArticlesPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  if (self->store != NULL && self->article != NULL)
    {
      self->annotations = attest_store_list_annotations (self->store,
                                                         attest_article_get_uuid (self->article),
                                                         &error);
      if (self->annotations == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Could not load annotations: %s"),
                                                      error->message);
          _attest_articles_page_toast (self, message, FALSE);
        }
    }
  _attest_articles_page_show_annotations (self);
  _attest_articles_page_sync_suggestions (self);
}

/* The first word a full-text query looks for: FTS5 syntax (quotes, prefix stars, column
 * names, AND/OR/NOT, NEAR) is not text. */
static char *
first_query_word (const char *query)
{
  g_auto(GStrv) words = NULL;

  if (query == NULL)
    return NULL;
  words = g_strsplit_set (query, " \t\n\"()*^+:", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];

      if (*word == '\0' || g_str_equal (word, "AND") || g_str_equal (word, "OR") ||
          g_str_equal (word, "NOT") || g_str_equal (word, "NEAR") ||
          g_str_equal (word, "title") || g_str_equal (word, "body"))
        continue;
      return g_strdup (word);
    }
  return NULL;
}

gboolean
attest_articles_page_open_hit (AttestArticlesPage *self,
                               const char         *article_uuid,
                               const char         *annotation_uuid,
                               const char         *query)
{
  g_autofree char *word = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), FALSE);

  if (!attest_articles_page_select_article (self, article_uuid))
    return FALSE;
  if (annotation_uuid != NULL && attest_articles_page_select_annotation (self, annotation_uuid))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->reader));
      return TRUE;
    }

  word = first_query_word (query);
  if (word == NULL)
    return TRUE;
  /* From the top: the first place the word is, not the first after where the reader was. */
  buffer = attest_reader_get_buffer (self->reader);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  attest_reader_find (self->reader, word);
  return TRUE;
}
