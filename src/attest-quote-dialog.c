/* attest-quote-dialog.c: asks what a selected span is and who says it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-quote-dialog"

#include "config.h"

#include "attest-quote-dialog.h"

#include <glib/gi18n.h>

/* The dialog shows the start of a long selection: enough to recognise it. */
#define MAX_SHOWN_CHARS 280

struct _AttestQuoteDialog
{
  AdwMessageDialog  parent_instance;

  AttestStore      *store;
  GStrv             kind_keys;
  char             *speaker_name;

  /* Template widgets */
  AdwComboRow      *kind_row;
  AdwEntryRow      *speaker_row;
  AdwComboRow      *speaker_kind_row;
  GtkStringList    *speaker_kinds;
};

G_DEFINE_FINAL_TYPE (AttestQuoteDialog, attest_quote_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
attest_quote_dialog_load_kinds (AttestQuoteDialog *self)
{
  g_autoptr(GError) error = NULL;

  self->kind_keys = attest_store_list_source_kinds (self->store, &error);
  if (self->kind_keys == NULL)
    {
      g_warning ("Could not list source kinds: %s", error->message);
      self->kind_keys = g_new0 (char *, 1);
    }

  for (guint i = 0; self->kind_keys[i] != NULL; i++)
    {
      g_autofree char *label = attest_store_get_source_kind_label (self->store,
                                                                   self->kind_keys[i]);

      gtk_string_list_append (self->speaker_kinds, label != NULL ? label : self->kind_keys[i]);
    }
}

/* A speaker already in the directory keeps the kind it has there. */
static void
on_speaker_changed (AttestQuoteDialog *self)
{
  g_autoptr(AttestSource) source = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  if (self->store == NULL)
    return;
  name = attest_quote_dialog_get_speaker_name (self);

  if (*name != '\0')
    source = attest_store_find_source (self->store, name, &error);
  if (error != NULL)
    g_debug ("Looking up source “%s” failed: %s", name, error->message);

  if (source != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("Known source: %s"),
                                                   attest_source_get_name (source));

      attest_quote_dialog_set_speaker_kind (self, attest_source_get_kind (source));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->speaker_kind_row), subtitle);
      gtk_widget_set_sensitive (GTK_WIDGET (self->speaker_kind_row), FALSE);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->speaker_kind_row), NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->speaker_kind_row), *name != '\0');
    }
}

static void
attest_quote_dialog_dispose (GObject *object)
{
  AttestQuoteDialog *self = ATTEST_QUOTE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_QUOTE_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_quote_dialog_parent_class)->dispose (object);
}

static void
attest_quote_dialog_finalize (GObject *object)
{
  AttestQuoteDialog *self = ATTEST_QUOTE_DIALOG (object);

  g_clear_pointer (&self->kind_keys, g_strfreev);
  g_clear_pointer (&self->speaker_name, g_free);

  G_OBJECT_CLASS (attest_quote_dialog_parent_class)->finalize (object);
}

static void
attest_quote_dialog_class_init (AttestQuoteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_quote_dialog_dispose;
  object_class->finalize = attest_quote_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-quote-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestQuoteDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AttestQuoteDialog, speaker_row);
  gtk_widget_class_bind_template_child (widget_class, AttestQuoteDialog, speaker_kind_row);
  gtk_widget_class_bind_template_child (widget_class, AttestQuoteDialog, speaker_kinds);
  gtk_widget_class_bind_template_callback (widget_class, on_speaker_changed);
}

static void
attest_quote_dialog_init (AttestQuoteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AttestQuoteDialog *
attest_quote_dialog_new (GtkWindow   *parent,
                         AttestStore *store,
                         const char  *text)
{
  AttestQuoteDialog *self;
  g_autofree char *shown = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATTEST_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (ATTEST_TYPE_QUOTE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  attest_quote_dialog_load_kinds (self);

  if (g_utf8_strlen (text, -1) > MAX_SHOWN_CHARS)
    {
      g_autofree char *start = g_utf8_substring (text, 0, MAX_SHOWN_CHARS);

      shown = g_strconcat (start, "…", NULL);
    }
  else
    {
      shown = g_strdup (text);
    }
  body = g_strdup_printf (_("“%s”"), shown);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  on_speaker_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->speaker_row));

  return self;
}

AttestAnnotationKind
attest_quote_dialog_get_kind (AttestQuoteDialog *self)
{
  guint selected;

  g_return_val_if_fail (ATTEST_IS_QUOTE_DIALOG (self), ATTEST_ANNOTATION_DIRECT);

  /* The rows of kind_row are in the order of AttestAnnotationKind. */
  selected = adw_combo_row_get_selected (self->kind_row);
  if (selected >= ATTEST_ANNOTATION_N_KINDS)
    return ATTEST_ANNOTATION_DIRECT;
  return (AttestAnnotationKind) selected;
}

void
attest_quote_dialog_set_kind (AttestQuoteDialog    *self,
                              AttestAnnotationKind  kind)
{
  g_return_if_fail (ATTEST_IS_QUOTE_DIALOG (self));
  g_return_if_fail ((guint) kind < ATTEST_ANNOTATION_N_KINDS);

  adw_combo_row_set_selected (self->kind_row, kind);
}

const char *
attest_quote_dialog_get_speaker_name (AttestQuoteDialog *self)
{
  g_return_val_if_fail (ATTEST_IS_QUOTE_DIALOG (self), "");

  g_free (self->speaker_name);
  self->speaker_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->speaker_row))));
  return self->speaker_name;
}

void
attest_quote_dialog_set_speaker_name (AttestQuoteDialog *self,
                                      const char        *name)
{
  g_return_if_fail (ATTEST_IS_QUOTE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->speaker_row), name != NULL ? name : "");
}

const char *
attest_quote_dialog_get_speaker_kind (AttestQuoteDialog *self)
{
  guint selected;

  g_return_val_if_fail (ATTEST_IS_QUOTE_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->speaker_kind_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (self->kind_keys))
    return "other";
  return self->kind_keys[selected];
}

gboolean
attest_quote_dialog_set_speaker_kind (AttestQuoteDialog *self,
                                      const char        *key)
{
  g_return_val_if_fail (ATTEST_IS_QUOTE_DIALOG (self), FALSE);

  for (guint i = 0; key != NULL && self->kind_keys[i] != NULL; i++)
    {
      if (g_strcmp0 (self->kind_keys[i], key) == 0)
        {
          adw_combo_row_set_selected (self->speaker_kind_row, i);
          return TRUE;
        }
    }
  return FALSE;
}
