/* attest-kinds-dialog.c: "Kinds of Source", where the project's list of kinds is edited.
 *
 * Each kind is a row whose text is its label: editing and applying it renames the kind. The
 * key, which exports use, shows as the row's title and never changes. Every edit is one
 * undoable step of the store, and the dialog follows the store, so undo shows here too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-kinds-dialog"

#include "config.h"

#include "attest-kinds-dialog.h"

#include <string.h>
#include <glib/gi18n.h>

#define MAX_KEY_LENGTH 40

struct _AttestKindsDialog
{
  AdwWindow    parent_instance;

  AttestStore *store;

  /* Template widgets */
  GtkListBox  *list_box;
  AdwEntryRow *new_row;
};

G_DEFINE_FINAL_TYPE (AttestKindsDialog, attest_kinds_dialog, ADW_TYPE_WINDOW)

static void
show_result (GtkWidget    *row,
             const GError *error)
{
  if (error == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      return;
    }

  g_debug ("Editing the kinds failed: %s", error->message);
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, error->message);
  gtk_widget_error_bell (row);
}

static void
on_rename_apply (AdwEntryRow       *row,
                 AttestKindsDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *key = g_object_get_data (G_OBJECT (row), "kind-key");
  const char *label = gtk_editable_get_text (GTK_EDITABLE (row));

  attest_store_rename_source_kind (self->store, key, label, &error);
  show_result (GTK_WIDGET (row), error);
}

static GtkWidget *
create_kind_row (AttestKindsDialog *self,
                 const char        *key,
                 const char        *label)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), key);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), label);
  g_object_set_data_full (G_OBJECT (row), "kind-key", g_strdup (key), g_free);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_rename_apply), self, 0);

  if (!g_str_equal (key, "other"))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Remove “%s”"), label);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kinds.remove");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", key);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
    }

  return row;
}

static void
attest_kinds_dialog_reload (AttestKindsDialog *self)
{
  g_auto(GStrv) keys = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  if (self->store == NULL)
    return;
  if (!(keys = attest_store_list_source_kinds (self->store, &error)))
    {
      g_warning ("Could not list the kinds of source: %s", error->message);
      return;
    }

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *label = attest_store_get_source_kind_label (self->store, keys[i]);

      gtk_list_box_append (self->list_box,
                           create_kind_row (self, keys[i], label != NULL ? label : keys[i]));
    }
}

static void
on_store_changed (AttestKindsDialog *self)
{
  attest_kinds_dialog_reload (self);
}

static void
on_new_changed (AttestKindsDialog *self)
{
  show_result (GTK_WIDGET (self->new_row), NULL);
}

static void
on_new_apply (AttestKindsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->new_row));
  g_autofree char *label = g_strstrip (g_strdup (typed));
  g_autofree char *key = NULL;

  if (*label == '\0' || self->store == NULL)
    return;
  if (!(keys = attest_store_list_source_kinds (self->store, &error)))
    {
      show_result (GTK_WIDGET (self->new_row), error);
      return;
    }

  key = attest_kinds_dialog_make_key (label, (const char * const *) keys);
  if (attest_store_add_source_kind (self->store, key, label, &error))
    gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
  show_result (GTK_WIDGET (self->new_row), error);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestKindsDialog *self = ATTEST_KINDS_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!attest_store_remove_source_kind (self->store, g_variant_get_string (parameter, NULL),
                                        &error))
    show_result (GTK_WIDGET (self->new_row), error);
}

static void
attest_kinds_dialog_dispose (GObject *object)
{
  AttestKindsDialog *self = ATTEST_KINDS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_KINDS_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_kinds_dialog_parent_class)->dispose (object);
}

static void
attest_kinds_dialog_class_init (AttestKindsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_kinds_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "kinds.remove", "s", remove_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-kinds-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestKindsDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, AttestKindsDialog, new_row);
  gtk_widget_class_bind_template_callback (widget_class, on_new_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_new_changed);
}

static void
attest_kinds_dialog_init (AttestKindsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AttestKindsDialog *
attest_kinds_dialog_new (GtkWindow   *parent,
                         AttestStore *store)
{
  AttestKindsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATTEST_IS_STORE (store), NULL);

  self = g_object_new (ATTEST_TYPE_KINDS_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed::sources",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  attest_kinds_dialog_reload (self);
  /* Adding is what the dialog is opened for most; renaming is a click away. */
  gtk_widget_grab_focus (GTK_WIDGET (self->new_row));

  return self;
}

AttestStore *
attest_kinds_dialog_get_store (AttestKindsDialog *self)
{
  g_return_val_if_fail (ATTEST_IS_KINDS_DIALOG (self), NULL);

  return self->store;
}

char *
attest_kinds_dialog_make_key (const char         *label,
                              const char * const *taken)
{
  g_autofree char *ascii = g_str_to_ascii (label != NULL ? label : "", "C");
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = ascii; *p != '\0' && key->len < MAX_KEY_LENGTH - 4; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (key, g_ascii_tolower (*p));
      else if (key->len > 0 && key->str[key->len - 1] != '-')
        g_string_append_c (key, '-');
    }
  while (key->len > 0 && key->str[key->len - 1] == '-')
    g_string_truncate (key, key->len - 1);

  /* A label in another script has no letters to spare: the key is only a handle. */
  if (key->len == 0)
    g_string_assign (key, "kind");

  base = g_strdup (key->str);
  for (guint n = 2; taken != NULL && g_strv_contains (taken, key->str); n++)
    g_string_printf (key, "%s-%u", base, n);

  return g_string_free (g_steal_pointer (&key), FALSE);
}
