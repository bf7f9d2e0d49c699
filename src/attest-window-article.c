/* attest-window-article.c: AttestWindow's articles: the rows of the article list, the
 * window that corrects an article's details, and keeping the list and the reader current
 * when details change (by that window, or by undo and redo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-window"

#include "config.h"

#include <glib/gi18n.h>

#include "attest-article-details.h"
#include "attest-window-private.h"

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

static void
on_details_saved (AttestWindow *self)
{
  _attest_window_toast_with_undo (self, _("Article details changed"));
}

static void
article_properties_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  AttestArticleDetails *details;

  if (self->store == NULL || self->article == NULL)
    return;

  details = attest_article_details_new (GTK_WINDOW (self), self->store, self->article);
  g_signal_connect_object (details, "saved", G_CALLBACK (on_details_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (details));
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
void
_attest_window_article_details_changed (AttestWindow *self)
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
      attest_reader_set_annotations (self->reader, self->annotations);
    }
}

void
_attest_window_class_init_article (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, article_title);
  gtk_widget_class_bind_template_callback (widget_class, article_subtitle);
  gtk_widget_class_install_action (widget_class, "win.article-properties", NULL,
                                   article_properties_action);
}
