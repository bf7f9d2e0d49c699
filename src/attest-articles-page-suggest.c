/* attest-articles-page-suggest.c: suggestions in the reader. Attest proposes quotes, dates,
 * places and casualty figures (attest_suggest (), in a worker thread); the reader underlines
 * them, and the user accepts (Enter), rejects (Delete) or moves among them (Tab), or accepts
 * every quote at once. An accepted suggestion becomes an annotation marked as suggested.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-articles-page"

#include "config.h"

#include <glib/gi18n.h>

#include "attest-articles-page-private.h"
#include "attest-suggest.h"

/* What the worker is given: copies, so it shares nothing with the main thread. */
typedef struct
{
  char      *article_uuid;
  char      *body;
  char      *published;
  GPtrArray *sources;
  GPtrArray *places;
} SuggestData;

static void
suggest_data_free (SuggestData *data)
{
  g_free (data->article_uuid);
  g_free (data->body);
  g_free (data->published);
  g_clear_pointer (&data->sources, g_ptr_array_unref);
  g_clear_pointer (&data->places, g_ptr_array_unref);
  g_free (data);
}

static void
suggest_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SuggestData *data = task_data;

  g_task_return_pointer (task,
                         attest_suggest (data->body, data->published, data->sources, data->places),
                         (GDestroyNotify) g_ptr_array_unref);
}

/* The bar above the reader, the underlines, and the actions that depend on them. */
static void
update_suggestions (AttestArticlesPage *self)
{
  guint n = self->suggestions != NULL ? attest_suggestions_get_n_items (self->suggestions) : 0;

  gtk_revealer_set_reveal_child (self->suggestion_bar, self->suggestions != NULL);
  if (self->suggestions != NULL)
    {
      g_autofree char *label = NULL;

      if (n == 0)
        label = g_strdup (_("No suggestions left"));
      else
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggestion", "%u suggestions", n),
                                 n);
      gtk_label_set_label (self->suggestion_label, label);
    }
  attest_reader_show_suggestions (self->reader, self->suggestions);
  _attest_articles_page_update_actions (self);
}

static void
on_suggest_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (object);
  SuggestData *data = g_task_get_task_data (G_TASK (result));
  GPtrArray *found = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Cancelled: the article changed or the page went. */
  if (found == NULL)
    return;
  g_clear_object (&self->suggest_cancellable);
  if (self->article == NULL ||
      g_strcmp0 (attest_article_get_uuid (self->article), data->article_uuid) != 0)
    {
      g_ptr_array_unref (found);
      return;
    }
  g_clear_pointer (&self->suggestions, attest_suggestions_free);
  self->suggestions = attest_suggestions_new (found, self->annotations);
  update_suggestions (self);
  gtk_widget_grab_focus (GTK_WIDGET (attest_reader_get_text_view (self->reader)));
}

static void
suggest_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);
  g_autoptr(GTask) task = NULL;
  SuggestData *data;

  if (self->store == NULL || self->article == NULL)
    return;
  _attest_articles_page_end_suggestions (self);

  data = g_new0 (SuggestData, 1);
  data->article_uuid = g_strdup (attest_article_get_uuid (self->article));
  data->body = g_strdup (attest_article_get_body (self->article));
  data->published = g_strdup (attest_article_get_published (self->article));
  data->sources = attest_store_list_sources (self->store, NULL);
  data->places = attest_store_list_places (self->store, NULL);

  self->suggest_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->suggest_cancellable, on_suggest_done, NULL);
  g_task_set_source_tag (task, suggest_action);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, data, (GDestroyNotify) suggest_data_free);
  g_task_run_in_thread (task, suggest_worker);
}

/* Makes the suggestion an annotation: a quote with its speaker (found or created), anything
 * else a note that says what was recognised. */
static gboolean
accept (AttestArticlesPage *self,
        AttestSuggestion   *suggestion,
        GError            **error)
{
  g_autofree char *coder = _attest_articles_page_dup_coder (self);
  const char *article_uuid = attest_article_get_uuid (self->article);
  g_autoptr(AttestAnnotation) annotation = NULL;

  if (suggestion->type == ATTEST_SUGGESTION_QUOTE)
    {
      annotation = attest_store_accept_suggestion (self->store, article_uuid, suggestion->kind,
                                                   suggestion->start, suggestion->end,
                                                   suggestion->speaker_source_uuid,
                                                   suggestion->speaker, suggestion->speaker_kind,
                                                   coder, error);
      return annotation != NULL;
    }

  if (!attest_store_begin_group (self->store, _("Accept suggestion"), error))
    return FALSE;
  annotation = attest_store_accept_suggestion (self->store, article_uuid, ATTEST_ANNOTATION_NOTE,
                                               suggestion->start, suggestion->end,
                                               NULL, NULL, NULL, coder, error);
  if (annotation == NULL ||
      !attest_store_set_annotation_comment (self->store, attest_annotation_get_uuid (annotation),
                                            suggestion->value, error))
    {
      attest_store_end_group (self->store, FALSE, NULL);
      return FALSE;
    }
  return attest_store_end_group (self->store, TRUE, error);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);
  g_autoptr(AttestSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;

  if (self->suggestions == NULL || self->store == NULL || self->article == NULL)
    return;
  suggestion = attest_suggestions_steal_current (self->suggestions);
  if (suggestion != NULL && !accept (self, suggestion, &error))
    _attest_articles_page_toast (self, error->message, FALSE);
  update_suggestions (self);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);
  g_autoptr(AttestSuggestion) suggestion = NULL;

  if (self->suggestions == NULL)
    return;
  suggestion = attest_suggestions_steal_current (self->suggestions);
  update_suggestions (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);
  gboolean moved;

  if (self->suggestions == NULL)
    return;
  if (g_str_equal (action_name, "articles.next-suggestion"))
    moved = attest_suggestions_next (self->suggestions);
  else
    moved = attest_suggestions_previous (self->suggestions);
  if (!moved)
    gtk_widget_error_bell (widget);
  update_suggestions (self);
}

static int
first_quote (AttestSuggestions *suggestions)
{
  for (guint i = 0; i < attest_suggestions_get_n_items (suggestions); i++)
    if (attest_suggestions_get_item (suggestions, i)->type == ATTEST_SUGGESTION_QUOTE)
      return i;
  return -1;
}

/* Every quote left, as one undo step; the dates, places and figures stay to be weighed. */
static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint accepted = 0;

  if (self->suggestions == NULL || self->store == NULL || self->article == NULL)
    return;
  if (!attest_store_begin_group (self->store, _("Accept all suggestions"), &error))
    {
      _attest_articles_page_toast (self, error->message, FALSE);
      return;
    }
  /* From the first quote left each time: an accepted quote takes what overlaps it along. */
  for (int i = first_quote (self->suggestions); i >= 0; i = first_quote (self->suggestions))
    {
      g_autoptr(AttestSuggestion) suggestion = NULL;

      attest_suggestions_set_position (self->suggestions, i);
      suggestion = attest_suggestions_steal_current (self->suggestions);
      if (!accept (self, suggestion, &error))
        break;
      accepted++;
    }
  if (error != NULL)
    {
      attest_store_end_group (self->store, FALSE, NULL);
      _attest_articles_page_toast (self, error->message, FALSE);
    }
  else if (attest_store_end_group (self->store, TRUE, &error))
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quote accepted", "%u quotes accepted",
                                      accepted), accepted);

      _attest_articles_page_toast (self, message, TRUE);
    }
  if (attest_suggestions_get_n_items (self->suggestions) > 0)
    attest_suggestions_set_position (self->suggestions, 0);
  update_suggestions (self);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _attest_articles_page_end_suggestions (ATTEST_ARTICLES_PAGE (widget));
}

void
_attest_articles_page_end_suggestions (AttestArticlesPage *self)
{
  g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  if (self->suggestions == NULL)
    return;
  g_clear_pointer (&self->suggestions, attest_suggestions_free);
  update_suggestions (self);
}

void
_attest_articles_page_sync_suggestions (AttestArticlesPage *self)
{
  if (self->suggestions == NULL || self->annotations == NULL)
    return;
  for (guint i = 0; i < self->annotations->len; i++)
    {
      AttestAnnotation *annotation = g_ptr_array_index (self->annotations, i);

      attest_suggestions_remove_overlapping (self->suggestions,
                                             attest_annotation_get_start (annotation),
                                             attest_annotation_get_end (annotation));
    }
  update_suggestions (self);
}

AttestSuggestions *
attest_articles_page_get_suggestions (AttestArticlesPage *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), NULL);

  return self->suggestions;
}

void
_attest_articles_page_update_suggest (AttestArticlesPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_article = self->store != NULL && self->article != NULL;
  gboolean active = has_article && self->suggestions != NULL;
  gboolean has_current = active && attest_suggestions_get_current (self->suggestions) != NULL;

  gtk_widget_action_set_enabled (widget, "articles.suggest", has_article);
  gtk_widget_action_set_enabled (widget, "articles.accept-suggestion", has_current);
  gtk_widget_action_set_enabled (widget, "articles.reject-suggestion", has_current);
  gtk_widget_action_set_enabled (widget, "articles.next-suggestion", has_current);
  gtk_widget_action_set_enabled (widget, "articles.previous-suggestion", has_current);
  gtk_widget_action_set_enabled (widget, "articles.accept-all-suggestions",
                                 active && attest_suggestions_count_type (self->suggestions,
                                                                          ATTEST_SUGGESTION_QUOTE) > 0);
  gtk_widget_action_set_enabled (widget, "articles.done-suggestions", active);
}

void
_attest_articles_page_class_init_suggest (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "articles.suggest", NULL, suggest_action);
  gtk_widget_class_install_action (widget_class, "articles.accept-suggestion", NULL,
                                   accept_action);
  gtk_widget_class_install_action (widget_class, "articles.reject-suggestion", NULL,
                                   reject_action);
  gtk_widget_class_install_action (widget_class, "articles.next-suggestion", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "articles.previous-suggestion", NULL,
                                   move_action);
  gtk_widget_class_install_action (widget_class, "articles.accept-all-suggestions", NULL,
                                   accept_all_action);
  gtk_widget_class_install_action (widget_class, "articles.done-suggestions", NULL, done_action);
}
