/* attest-articles-page-list.c: AttestArticlesPage's article list: its rows, opening the
 * selected article, and keeping the selection on the open article when the list is
 * reloaded or an article's details change (by the details window, or by undo and redo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-articles-page"

#include "config.h"

#include "attest-articles-page-private.h"
#include "attest-cell-align-private.h"

#include <glib/gi18n.h>

/* Up to this many articles the list is read at once (a few milliseconds through the index
 * of schema 6); more are read in a worker, the window showing meanwhile. */
#define ARTICLES_READ_AT_ONCE 20000

/* Closures of the rows */

/* A title in Latin letters starts at the same edge as an Arabic one, whichever the
 * window's direction. */
static float
cell_start_xalign (GtkListItem *list_item,
                   const char  *text)
{
  return _attest_cell_start_xalign (GTK_TEXT_DIR_NONE, text);
}

static char *
article_title (GtkListItem   *list_item,
               AttestArticle *article)
{
  const char *title;

  if (article == NULL)
    return NULL;
  title = attest_article_get_title (article);
  return g_strdup (title != NULL && *title != '\0' ? title : _("Untitled"));
}

/* Without an outlet or date, where an article came from is what tells it apart. */
static char *
describe_origin (const char *origin)
{
  g_autoptr(GUri) uri = NULL;

  if (origin == NULL || *origin == '\0')
    return g_strdup (_("No outlet or date"));
  if (g_str_equal (origin, "paste"))
    return g_strdup (_("Pasted text"));
  if (g_path_is_absolute (origin))
    return g_path_get_basename (origin);
  if ((uri = g_uri_parse (origin, G_URI_FLAGS_NONE, NULL)) != NULL && g_uri_get_host (uri) != NULL)
    return g_strdup (g_uri_get_host (uri));
  return g_strdup (origin);
}

static char *
article_subtitle (GtkListItem   *list_item,
                  AttestArticle *article)
{
  const char *outlet;
  const char *published;
  g_autofree char *date = NULL;

  if (article == NULL)
    return NULL;

  outlet = attest_article_get_outlet (article);
  published = attest_article_get_published (article);
  if (published != NULL && *published != '\0')
    date = g_strndup (published, 10);

  if (outlet != NULL && *outlet != '\0' && date != NULL)
    return g_strdup_printf ("%s · %s", outlet, date);
  if (outlet != NULL && *outlet != '\0')
    return g_strdup (outlet);
  if (date != NULL)
    return g_steal_pointer (&date);
  return describe_origin (attest_article_get_origin (article));
}

void
_attest_articles_page_show_article (AttestArticlesPage *self,
                                   AttestArticle      *item)
{
  g_autoptr(AttestArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  if (item != NULL && self->article != NULL &&
      attest_article_get_id (item) == attest_article_get_id (self->article))
    {
      /* The same article, e.g. after the list reloaded: keep the reader where it is. */
      _attest_articles_page_load_annotations (self);
      return;
    }

  if (item != NULL)
    {
      article = attest_store_get_article_by_id (self->store, attest_article_get_id (item),
                                                TRUE, &error);
      if (article == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Could not open the article: %s"),
                                                      error->message);
          _attest_articles_page_toast (self, message, FALSE);
        }
    }

  /* Suggestions were for the previous article. */
  _attest_articles_page_end_suggestions (self);
  /* A comment typed for an annotation of the previous article is kept. */
  attest_inspector_flush (self->inspector);
  _attest_articles_page_select (self, NULL);
  g_clear_pointer (&self->pending_uuid, g_free);

  g_set_object (&self->article, article);
  attest_reader_set_article (self->reader, self->article);
  _attest_articles_page_load_annotations (self);
  _attest_articles_page_update_actions (self);
  g_object_notify (G_OBJECT (self), "article");
}

static gboolean
same_details (AttestArticle *a,
              AttestArticle *b)
{
  return g_strcmp0 (attest_article_get_title (a), attest_article_get_title (b)) == 0 &&
         g_strcmp0 (attest_article_get_byline (a), attest_article_get_byline (b)) == 0 &&
         g_strcmp0 (attest_article_get_outlet (a), attest_article_get_outlet (b)) == 0 &&
         g_strcmp0 (attest_article_get_url (a), attest_article_get_url (b)) == 0 &&
         g_strcmp0 (attest_article_get_published (a), attest_article_get_published (b)) == 0 &&
         g_strcmp0 (attest_article_get_language (a), attest_article_get_language (b)) == 0 &&
         g_strcmp0 (attest_article_get_description (a),
                    attest_article_get_description (b)) == 0;
}

/* The open article's details changed (or an undo put them back): the reader shows the new
 * title, keeping its place. */
static void
attest_articles_page_details_changed (AttestArticlesPage *self)
{
  g_autoptr(AttestArticle) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (self->article == NULL)
    return;

  fresh = attest_store_get_article_by_id (self->store, attest_article_get_id (self->article),
                                          TRUE, &error);
  if (fresh == NULL)
    g_debug ("The open article is gone: %s", error->message);
  else if (!same_details (fresh, self->article))
    {
      g_set_object (&self->article, fresh);
      attest_reader_set_article (self->reader, self->article);
      attest_reader_set_annotations (self->reader, self->shown);
      g_object_notify (G_OBJECT (self), "article");
    }
}

static void
on_selected_item_changed (AttestArticlesPage *self)
{
  if (self->replacing_list)
    return;
  _attest_articles_page_show_article (self,
                                      gtk_single_selection_get_selected_item (self->selection));
}

/* Runs before the selection model hears of the change: a row redrawn in place (its details
 * changed) would lose its selection, so the reader is told to stay put meanwhile. */
static void
on_articles_changing (AttestArticlesPage *self,
                      guint               position,
                      guint               removed,
                      guint               added)
{
  if (removed == added && self->article != NULL)
    self->replacing_list = TRUE;
}

/* Runs after the selection model: puts the selection back on the open article and shows its
 * new details. */
static void
on_articles_changed (AttestArticlesPage *self,
                     guint               position,
                     guint               removed,
                     guint               added)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));

  if (self->replacing_list)
    {
      guint pos = attest_article_list_find (self->articles, attest_article_get_id (self->article));

      if (pos != G_MAXUINT && pos != gtk_single_selection_get_selected (self->selection))
        gtk_single_selection_set_selected (self->selection, pos);
      self->replacing_list = FALSE;
      attest_articles_page_details_changed (self);
    }

  /* While the list is read, the (empty) list, not "No Articles". */
  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    n > 0 || _attest_articles_page_is_loading (self)
                                    ? "list" : "empty");
  if (removed != added)
    g_object_notify (G_OBJECT (self), "n-articles");
}

gboolean
_attest_articles_page_is_loading (AttestArticlesPage *self)
{
  return self->reload_cancellable != NULL || self->open_idle_id != 0;
}

static void
attest_articles_page_end_loading (AttestArticlesPage *self,
                                  gboolean            was_loading)
{
  if (was_loading != _attest_articles_page_is_loading (self))
    _attest_articles_page_notify_loading (self);
}

static gboolean
attest_articles_page_select_now (AttestArticlesPage *self,
                                 const char         *uuid)
{
  g_autoptr(AttestArticle) article = NULL;
  guint position;

  article = attest_store_get_article (self->store, uuid, NULL);
  if (article == NULL)
    return FALSE;

  position = attest_article_list_find (self->articles, attest_article_get_id (article));
  if (position == G_MAXUINT)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->article_view), "list.scroll-to-item", "u",
                              position);
  return TRUE;
}

/* The article waiting for the reload opens in a main-loop turn of its own, after the frame
 * that shows the new list: neither waits for the other. */
static gboolean
open_after_reload_cb (gpointer user_data)
{
  AttestArticlesPage *self = user_data;
  g_autofree char *uuid = g_steal_pointer (&self->open_after_reload);

  self->open_idle_id = 0;
  if (uuid != NULL && self->store != NULL)
    attest_articles_page_select_now (self, uuid);
  attest_articles_page_end_loading (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AttestArticlesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!attest_article_list_reload_finish (ATTEST_ARTICLE_LIST (object), result, &error))
    {
      /* Cancelled: another reload, or another list, took its place. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* A second connection could not be opened (a project the worker may not open, say):
       * this thread's connection reads the list instead. */
      g_debug ("Could not reload the article list off the main thread: %s", error->message);
      attest_article_list_reload (ATTEST_ARTICLE_LIST (object));
    }

  g_clear_object (&self->reload_cancellable);
  if (self->open_after_reload != NULL)
    self->open_idle_id = g_idle_add (open_after_reload_cb, self);
  attest_articles_page_end_loading (self, TRUE);
  /* Read, and perhaps empty after all. */
  on_articles_changed (self, 0, 0, 0);
}

void
attest_articles_page_reload (AttestArticlesPage *self)
{
  gboolean was_loading;

  g_return_if_fail (ATTEST_IS_ARTICLES_PAGE (self));

  if (self->articles == NULL)
    return;

  /* A reload already under way may have read the list before the latest change. */
  was_loading = _attest_articles_page_is_loading (self);
  g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
  self->reload_cancellable = g_cancellable_new ();
  attest_article_list_reload_async (self->articles, self->reload_cancellable, reload_cb,
                                    g_object_ref (self));
  attest_articles_page_end_loading (self, was_loading);
}

gboolean
attest_articles_page_get_loading (AttestArticlesPage *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), FALSE);

  return _attest_articles_page_is_loading (self);
}

gboolean
attest_articles_page_select_article (AttestArticlesPage *self,
                                     const char         *uuid)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), FALSE);

  if (self->store == NULL || uuid == NULL)
    return FALSE;

  if (_attest_articles_page_is_loading (self))
    {
      g_free (self->open_after_reload);
      self->open_after_reload = g_strdup (uuid);
      return TRUE;
    }
  return attest_articles_page_select_now (self, uuid);
}

guint
attest_articles_page_get_n_articles (AttestArticlesPage *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), 0);

  return self->articles != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->articles)) : 0;
}

void
_attest_articles_page_class_init_list (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, article_title);
  gtk_widget_class_bind_template_callback (widget_class, article_subtitle);
  gtk_widget_class_bind_template_callback (widget_class, cell_start_xalign);
}

/* The page hears of a change of the list before the selection does (see
 * on_articles_changing ()), so it connects first. */
void
_attest_articles_page_init_list (AttestArticlesPage *self,
                                 AttestStore        *store)
{
  /* A big project's list is read in a worker: the window shows first. */
  gboolean big = attest_store_count_articles (store) > ARTICLES_READ_AT_ONCE;

  self->articles = big ? attest_article_list_new_empty (store) : attest_article_list_new (store);
  g_signal_connect_object (self->articles, "items-changed",
                           G_CALLBACK (on_articles_changing), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->articles, "items-changed",
                           G_CALLBACK (on_articles_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->articles));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->article_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);
  if (big)
    attest_articles_page_reload (self);
  on_articles_changed (self, 0, 0, 0);
}

void
_attest_articles_page_clear_list (AttestArticlesPage *self)
{
  gboolean was_loading = _attest_articles_page_is_loading (self);

  g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
  g_clear_handle_id (&self->open_idle_id, g_source_remove);
  g_clear_pointer (&self->open_after_reload, g_free);
  attest_articles_page_end_loading (self, was_loading);

  gtk_list_view_set_model (self->article_view, NULL);
  if (self->articles != NULL)
    g_signal_handlers_disconnect_by_data (self->articles, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->articles);
}
