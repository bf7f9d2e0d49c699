/* attest-url-dialog.c: asks for the web address of a page to import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-url-dialog"

#include "config.h"

#include "attest-url-dialog.h"


struct _AttestUrlDialog
{
  AdwMessageDialog  parent_instance;

  GCancellable     *cancellable;
  char             *url;

  /* Template widgets */
  GtkEntry         *entry;
};

G_DEFINE_FINAL_TYPE (AttestUrlDialog, attest_url_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_entry_changed (AttestUrlDialog *self)
{
  g_autofree char *address = attest_url_dialog_dup_address (attest_url_dialog_get_url (self));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "import", address != NULL);
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(AttestUrlDialog) self = g_weak_ref_get (weak);
  g_autofree char *text = NULL;
  g_autofree char *address = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (self == NULL || self->cancellable == NULL || text == NULL)
    return;

  /* What the user typed meanwhile wins. */
  address = attest_url_dialog_dup_address (text);
  if (address != NULL && *attest_url_dialog_get_url (self) == '\0')
    {
      attest_url_dialog_set_url (self, address);
      gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
    }
}

static void
attest_url_dialog_dispose (GObject *object)
{
  AttestUrlDialog *self = ATTEST_URL_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_URL_DIALOG);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (attest_url_dialog_parent_class)->dispose (object);
}

static void
attest_url_dialog_finalize (GObject *object)
{
  AttestUrlDialog *self = ATTEST_URL_DIALOG (object);

  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (attest_url_dialog_parent_class)->finalize (object);
}

static void
attest_url_dialog_class_init (AttestUrlDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_url_dialog_dispose;
  object_class->finalize = attest_url_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-url-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestUrlDialog, entry);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
}

static void
attest_url_dialog_init (AttestUrlDialog *self)
{
  GWeakRef *weak;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  /* Weakly: a dialog kept alive by the read could outlive the window it belongs to. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->cancellable,
                                 clipboard_read_cb, weak);
}

AttestUrlDialog *
attest_url_dialog_new (GtkWindow *parent)
{
  AttestUrlDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (ATTEST_TYPE_URL_DIALOG,
                       "transient-for", parent,
                       NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return self;
}

const char *
attest_url_dialog_get_url (AttestUrlDialog *self)
{
  g_return_val_if_fail (ATTEST_IS_URL_DIALOG (self), "");

  g_free (self->url);
  self->url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  return self->url;
}

void
attest_url_dialog_set_url (AttestUrlDialog *self,
                           const char      *url)
{
  g_return_if_fail (ATTEST_IS_URL_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), url != NULL ? url : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

char *
attest_url_dialog_dup_address (const char *text)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return NULL;

  if (!(uri = g_uri_parse (stripped, G_URI_FLAGS_NONE, NULL)))
    return NULL;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return NULL;
  if (host == NULL || *host == '\0')
    return NULL;

  return g_steal_pointer (&stripped);
}
