/* attest-window-web.c: AttestWindow's imports from the web and the clipboard.
 *
 * A web address (typed, pasted or a link dropped on the window) is fetched and imported in
 * a worker (attest-jobs.c); so is a pasted text, which may be long.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "attest-jobs.h"
#include "attest-url-dialog.h"
#include "attest-window-private.h"

#define UUID_LENGTH 36

static void
on_progress (double   fraction,
             gpointer user_data)
{
  _attest_window_set_progress (ATTEST_WINDOW (user_data), fraction);
}

/* The core words a duplicate as "… already in the project as “Title” (uuid)." */
static char *
find_uuid (const char *message)
{
  for (const char *p = message; strlen (p) >= UUID_LENGTH; p++)
    {
      g_autofree char *candidate = g_strndup (p, UUID_LENGTH);

      if (g_uuid_string_is_valid (candidate))
        return g_steal_pointer (&candidate);
    }
  return NULL;
}

/* Opens the new article and says so by its title. */
static void
attest_window_show_imported (AttestWindow *self,
                             const char   *uuid)
{
  g_autoptr(AttestArticle) article = NULL;
  g_autofree char *message = NULL;
  const char *title = NULL;

  /* The worker changed the project through its own connection: this one did not see it. */
  _attest_window_reload_articles (self);
  _attest_window_select_article (self, uuid);

  article = attest_store_get_article (self->store, uuid, NULL);
  if (article != NULL)
    title = attest_article_get_title (article);
  if (title != NULL && *title != '\0')
    message = g_strdup_printf (_("Imported “%s”"), title);
  else
    message = g_strdup (_("Article imported"));
  _attest_window_toast (self, message);
}

/* A failed import of one article: the core's words, and for a duplicate, the article that
 * was there first. */
static void
attest_window_show_import_error (AttestWindow *self,
                                 const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _attest_window_toast (self, _("Import stopped"));
      return;
    }

  if (g_error_matches (error, ATTEST_ERROR, ATTEST_ERROR_DUPLICATE))
    {
      g_autofree char *uuid = find_uuid (error->message);
      g_autoptr(AttestArticle) existing = NULL;

      if (uuid != NULL)
        existing = attest_store_get_article (self->store, uuid, NULL);
      if (existing != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Already in the project as “%s”"),
                                                      attest_article_get_title (existing));

          _attest_window_select_article (self, uuid);
          _attest_window_toast (self, message);
          return;
        }
    }
  _attest_window_toast (self, error->message);
}

static void
import_urls_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AttestWindow) self = user_data;
  g_autoptr(AttestImportResult) outcome = NULL;
  g_autoptr(GError) error = NULL;

  outcome = attest_import_urls_finish (result, &error);
  /* Disposed while the job ran: there is nothing left to show it in. */
  if (self->cancellable == NULL)
    return;

  _attest_window_end_job (self);
  if (self->store == NULL)
    return;

  if (outcome == NULL)
    attest_window_show_import_error (self, error);
  else if (outcome->n_imported == 1 && outcome->n_duplicates == 0 && outcome->n_failed == 0 &&
           !outcome->cancelled)
    attest_window_show_imported (self, outcome->last_uuid);
  else
    _attest_window_show_import_result (self, outcome);
}

static void
import_text_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AttestWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  uuid = attest_import_text_finish (result, &error);
  if (self->cancellable == NULL)
    return;

  _attest_window_end_job (self);
  if (self->store == NULL)
    return;

  if (uuid == NULL)
    attest_window_show_import_error (self, error);
  else
    attest_window_show_imported (self, uuid);
}

static void
on_url_dialog_response (AttestUrlDialog *dialog,
                        const char      *response,
                        AttestWindow    *self)
{
  g_autofree char *address = NULL;

  if (g_strcmp0 (response, "import") != 0)
    return;

  address = attest_url_dialog_dup_address (attest_url_dialog_get_url (dialog));
  if (address != NULL)
    {
      const char *urls[] = { address, NULL };

      attest_window_import_urls (self, urls);
    }
}

static void
import_url_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  AttestUrlDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = attest_url_dialog_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_url_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
paste_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AttestWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *address = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  if (self->cancellable == NULL || self->store == NULL)
    return;

  if (text != NULL)
    g_strstrip (text);
  if (text == NULL || *text == '\0')
    {
      _attest_window_toast (self, _("The clipboard holds no text to import"));
      return;
    }

  if ((address = attest_url_dialog_dup_address (text)) != NULL)
    {
      const char *urls[] = { address, NULL };

      attest_window_import_urls (self, urls);
      return;
    }

  _attest_window_begin_job (self);
  attest_import_text_async (attest_store_get_path (self->store), text, "paste",
                            self->cancellable, import_text_cb, g_object_ref (self));
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);

  if (self->store == NULL)
    return;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 paste_read_cb, g_object_ref (self));
}

gboolean
_attest_window_drop_text (AttestWindow *self,
                          const char   *text)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);

  if (text == NULL)
    return FALSE;

  /* A link, or a list of them one a line; any other text is not taken. */
  lines = g_strsplit_set (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *address;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (!(address = attest_url_dialog_dup_address (lines[i])))
        return FALSE;
      g_ptr_array_add (urls, address);
    }
  if (urls->len == 0)
    return FALSE;

  if (self->store == NULL)
    {
      _attest_window_toast (self, _("Open or create a project before importing articles"));
      return FALSE;
    }

  g_ptr_array_add (urls, NULL);
  attest_window_import_urls (self, (const char * const *) urls->pdata);
  return TRUE;
}

void
_attest_window_class_init_web (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-url", NULL, import_url_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
}

void
attest_window_import_urls (AttestWindow       *self,
                           const char * const *urls)
{
  g_return_if_fail (ATTEST_IS_WINDOW (self));
  g_return_if_fail (urls != NULL);

  if (self->store == NULL || urls[0] == NULL)
    return;

  _attest_window_begin_job (self);
  attest_import_urls_async (attest_store_get_path (self->store), urls,
                            on_progress, self, self->cancellable,
                            import_urls_cb, g_object_ref (self));
}
