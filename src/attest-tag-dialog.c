/* attest-tag-dialog.c: asks for the name of a new tag of the codebook.
 *
 * The store refuses two tags of one name under the same parent; the dialog knows the names
 * already there and keeps "Add" off for them, so the refusal never comes as an error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-tag-dialog"

#include "config.h"

#include "attest-tag-dialog.h"

#include <glib/gi18n.h>

struct _AttestTagDialog
{
  AdwMessageDialog  parent_instance;

  char             *parent_uuid;
  GHashTable       *taken;       /* casefolded names */

  /* Template widgets */
  AdwEntryRow      *name_row;
};

G_DEFINE_FINAL_TYPE (AttestTagDialog, attest_tag_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_name_changed (AttestTagDialog *self)
{
  g_autofree char *name = attest_tag_dialog_dup_name (self);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  gboolean taken = g_hash_table_contains (self->taken, folded);

  if (taken)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_row),
                               taken ? _("There is a tag of that name here already") : NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add",
                                           *name != '\0' && !taken);
}

static void
attest_tag_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATTEST_TYPE_TAG_DIALOG);

  G_OBJECT_CLASS (attest_tag_dialog_parent_class)->dispose (object);
}

static void
attest_tag_dialog_finalize (GObject *object)
{
  AttestTagDialog *self = ATTEST_TAG_DIALOG (object);

  g_clear_pointer (&self->parent_uuid, g_free);
  g_clear_pointer (&self->taken, g_hash_table_unref);

  G_OBJECT_CLASS (attest_tag_dialog_parent_class)->finalize (object);
}

static void
attest_tag_dialog_class_init (AttestTagDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_tag_dialog_dispose;
  object_class->finalize = attest_tag_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-tag-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestTagDialog, name_row);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
}

static void
attest_tag_dialog_init (AttestTagDialog *self)
{
  self->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

AttestTagDialog *
attest_tag_dialog_new (GtkWindow          *parent,
                       AttestTag          *parent_tag,
                       const char * const *taken)
{
  AttestTagDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (parent_tag == NULL || ATTEST_IS_TAG (parent_tag), NULL);

  self = g_object_new (ATTEST_TYPE_TAG_DIALOG,
                       "transient-for", parent,
                       NULL);
  for (guint i = 0; taken != NULL && taken[i] != NULL; i++)
    g_hash_table_add (self->taken, g_utf8_casefold (taken[i], -1));

  if (parent_tag != NULL)
    {
      self->parent_uuid = g_strdup (attest_tag_get_uuid (parent_tag));
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("New Child Tag"));
      /* Translators: where a new tag goes, e.g. Under “Violence” */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self), _("Under “%s”"),
                                      attest_tag_get_name (parent_tag));
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

char *
attest_tag_dialog_dup_name (AttestTagDialog *self)
{
  g_return_val_if_fail (ATTEST_IS_TAG_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

const char *
attest_tag_dialog_get_parent_uuid (AttestTagDialog *self)
{
  g_return_val_if_fail (ATTEST_IS_TAG_DIALOG (self), NULL);

  return self->parent_uuid;
}
