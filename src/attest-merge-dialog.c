/* attest-merge-dialog.c: asks, item by item, which side of a merge conflict to keep.
 *
 * Each row shows what the item is and how the two versions differ, with a pair of linked
 * toggles; the choices are read back as the resolutions table the core takes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-merge-dialog"

#include "config.h"

#include "attest-merge-dialog.h"

#include <glib/gi18n.h>

struct _AttestMergeDialog
{
  AdwWindow   parent_instance;

  GPtrArray  *conflicts;
  /* The "Take Theirs" toggle of each row, in the order of conflicts. */
  GPtrArray  *theirs_buttons;

  GtkLabel   *intro_label;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (AttestMergeDialog, attest_merge_dialog, ADW_TYPE_WINDOW)

enum
{
  IMPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
side_label (const char *title,
            const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  g_autofree char *markup = g_strdup_printf ("<b>%s</b> %s", title, escaped);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
conflict_row (AttestMergeConflict *conflict,
              GtkWidget          **theirs_out)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *title = gtk_label_new (conflict->label != NULL ? conflict->label : conflict->uuid);
  GtkWidget *mine = gtk_toggle_button_new_with_mnemonic (_("Keep _Mine"));
  GtkWidget *theirs = gtk_toggle_button_new_with_mnemonic (_("Take _Theirs"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  /* Translators: the version of an item in this project, before a merge */
  gtk_box_append (GTK_BOX (texts), side_label (_("Mine:"), conflict->mine));
  /* Translators: the version of an item in the imported collection */
  gtk_box_append (GTK_BOX (texts), side_label (_("Theirs:"), conflict->theirs));

  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs), GTK_TOGGLE_BUTTON (mine));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (mine), TRUE);
  gtk_widget_add_css_class (toggles, "linked");
  gtk_widget_set_valign (toggles, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (toggles), mine);
  gtk_box_append (GTK_BOX (toggles), theirs);

  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), toggles);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  *theirs_out = theirs;
  return row;
}

static void
set_all (AttestMergeDialog *self,
         gboolean           theirs)
{
  for (guint i = 0; i < self->theirs_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->theirs_buttons, i);

      if (theirs)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      else
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_prev_sibling (button)),
                                      TRUE);
    }
}

static void
all_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  set_all (ATTEST_MERGE_DIALOG (widget), g_str_equal (action_name, "merge.all-theirs"));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestMergeDialog *self = ATTEST_MERGE_DIALOG (widget);

  g_object_ref (self);
  g_signal_emit (self, signals[IMPORT], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
attest_merge_dialog_dispose (GObject *object)
{
  AttestMergeDialog *self = ATTEST_MERGE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_MERGE_DIALOG);
  g_clear_pointer (&self->theirs_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  G_OBJECT_CLASS (attest_merge_dialog_parent_class)->dispose (object);
}

static void
attest_merge_dialog_class_init (AttestMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_merge_dialog_dispose;

  signals[IMPORT] = g_signal_new ("import",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestMergeDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, AttestMergeDialog, list);

  gtk_widget_class_install_action (widget_class, "merge.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "merge.all-mine", NULL, all_action);
  gtk_widget_class_install_action (widget_class, "merge.all-theirs", NULL, all_action);
}

static void
attest_merge_dialog_init (AttestMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->theirs_buttons = g_ptr_array_new ();
}

AttestMergeDialog *
attest_merge_dialog_new (GtkWindow *parent,
                         GPtrArray *conflicts)
{
  AttestMergeDialog *self;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (conflicts != NULL, NULL);

  self = g_object_new (ATTEST_TYPE_MERGE_DIALOG, "transient-for", parent, NULL);
  self->conflicts = g_ptr_array_ref (conflicts);

  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u item was changed both here and in the imported "
                                        "collection. Choose which version to keep; "
                                        "everything else is merged as it is.",
                                        "%u items were changed both here and in the imported "
                                        "collection. Choose which version to keep for each; "
                                        "everything else is merged as it is.",
                                        conflicts->len),
                           conflicts->len);
  gtk_label_set_text (self->intro_label, intro);

  for (guint i = 0; i < conflicts->len; i++)
    {
      GtkWidget *theirs = NULL;
      GtkWidget *row = conflict_row (g_ptr_array_index (conflicts, i), &theirs);

      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->theirs_buttons, theirs);
    }

  return self;
}

guint
attest_merge_dialog_get_n_conflicts (AttestMergeDialog *self)
{
  g_return_val_if_fail (ATTEST_IS_MERGE_DIALOG (self), 0);

  return self->conflicts != NULL ? self->conflicts->len : 0;
}

GHashTable *
attest_merge_dialog_dup_resolutions (AttestMergeDialog *self)
{
  GHashTable *resolutions;

  g_return_val_if_fail (ATTEST_IS_MERGE_DIALOG (self), NULL);

  resolutions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; self->conflicts != NULL && i < self->conflicts->len; i++)
    {
      AttestMergeConflict *conflict = g_ptr_array_index (self->conflicts, i);
      GtkToggleButton *theirs = g_ptr_array_index (self->theirs_buttons, i);
      AttestResolution choice = gtk_toggle_button_get_active (theirs) ? ATTEST_RESOLVE_THEIRS
                                                                      : ATTEST_RESOLVE_MINE;

      g_hash_table_insert (resolutions, g_strdup (conflict->uuid), GINT_TO_POINTER (choice));
    }
  return resolutions;
}
