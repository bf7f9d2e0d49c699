/* attest-agreement-dialog.c: how far the project's coders agree, per dimension.
 *
 * The figures come from attest_store_compute_agreement () in a worker thread that opens its
 * own connection; the dialog shows a spinner until they are in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-agreement-dialog"

#include "config.h"

#include "attest-agreement-dialog.h"

#include <glib/gi18n.h>
#include <math.h>

#include "attest-core.h"

struct _AttestAgreementDialog
{
  AdwWindow      parent_instance;

  GCancellable  *cancellable;
  gboolean       busy;

  GtkStack      *stack;
  GtkSpinner    *spinner;
  AdwStatusPage *empty_page;
  GtkLabel      *coders_label;
  GtkGrid       *table;
  GtkLabel      *rule_label;
};

G_DEFINE_FINAL_TYPE (AttestAgreementDialog, attest_agreement_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GPtrArray *results;
  GStrv      coders;
} Figures;

static void
figures_free (Figures *figures)
{
  g_clear_pointer (&figures->results, g_ptr_array_unref);
  g_strfreev (figures->coders);
  g_free (figures);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(AttestStore) store = NULL;
  Figures *figures = g_new0 (Figures, 1);
  GError *error = NULL;

  store = attest_store_open (task_data, &error);
  if (store != NULL)
    figures->results = attest_store_compute_agreement (store, NULL, &figures->coders, &error);
  if (figures->results == NULL)
    {
      figures_free (figures);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, figures, (GDestroyNotify) figures_free);
}

static void
set_busy (AttestAgreementDialog *self,
          gboolean               busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
add_cell (AttestAgreementDialog *self,
          const char            *text,
          int                    column,
          int                    row,
          gboolean               numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (row == 0)
    gtk_widget_add_css_class (label, "heading");
  else if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (column == 0)
    {
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    }
  gtk_grid_attach (self->table, label, column, row, 1, 1);
}

static char *
format_coefficient (double value)
{
  /* Translators: a coefficient that cannot be computed (kappa needs exactly two coders) */
  return isnan (value) ? g_strdup (C_("coefficient", "—")) : g_strdup_printf ("%.2f", value);
}

static void
show_figures (AttestAgreementDialog *self,
              Figures               *figures)
{
  g_autofree char *coders = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *rule = NULL;
  guint n_coders = figures->coders != NULL ? g_strv_length (figures->coders) : 0;

  if (n_coders < 2 || figures->results->len == 0)
    {
      adw_status_page_set_description (self->empty_page,
                                       _("Agreement needs at least two coders who annotated "
                                         "the same articles. Set each coder’s name in "
                                         "Preferences, then merge their collections."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  coders = g_strjoinv (", ", figures->coders);
  /* Translators: %u is a number of coders, %s their names */
  sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u coder: %s", "%u coders: %s",
                                           n_coders),
                              n_coders, coders);
  gtk_label_set_text (self->coders_label, sentence);

  add_cell (self, _("Dimension"), 0, 0, FALSE);
  add_cell (self, _("Units"), 1, 0, TRUE);
  add_cell (self, _("Agreement"), 2, 0, TRUE);
  add_cell (self, _("Kappa"), 3, 0, TRUE);
  add_cell (self, _("Alpha"), 4, 0, TRUE);
  for (guint i = 0; i < figures->results->len; i++)
    {
      AttestAgreement *a = g_ptr_array_index (figures->results, i);
      g_autofree char *units = g_strdup_printf ("%u", a->n_units);
      g_autofree char *percent = g_strdup_printf ("%.0f %%", a->agreement * 100);
      g_autofree char *kappa = format_coefficient (a->kappa);
      g_autofree char *alpha = format_coefficient (a->alpha);

      add_cell (self, a->dimension, 0, i + 1, FALSE);
      add_cell (self, units, 1, i + 1, TRUE);
      add_cell (self, percent, 2, i + 1, TRUE);
      add_cell (self, kappa, 3, i + 1, TRUE);
      add_cell (self, alpha, 4, i + 1, TRUE);
    }

  rule = g_strdup_printf (_("A unit is a span any coder marked. Marks by different coders "
                            "are the same unit when they overlap by at least %.0f %% of their "
                            "combined extent; a coder who marked nothing there counts as "
                            "“none”. Only articles annotated by at least two coders count."),
                          ATTEST_AGREEMENT_MIN_OVERLAP * 100);
  gtk_label_set_text (self->rule_label, rule);
  gtk_stack_set_visible_child_name (self->stack, "figures");
}

static void
compute_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  Figures *figures = g_task_propagate_pointer (G_TASK (result), &error);
  AttestAgreementDialog *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ATTEST_AGREEMENT_DIALOG (object);
  if (figures == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Could Not Compute Agreement"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      show_figures (self, figures);
      figures_free (figures);
    }
  set_busy (self, FALSE);
}

static void
attest_agreement_dialog_dispose (GObject *object)
{
  AttestAgreementDialog *self = ATTEST_AGREEMENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_AGREEMENT_DIALOG);

  G_OBJECT_CLASS (attest_agreement_dialog_parent_class)->dispose (object);
}

static void
attest_agreement_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AttestAgreementDialog *self = ATTEST_AGREEMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_agreement_dialog_class_init (AttestAgreementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_agreement_dialog_dispose;
  object_class->get_property = attest_agreement_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-agreement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestAgreementDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AttestAgreementDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AttestAgreementDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AttestAgreementDialog, coders_label);
  gtk_widget_class_bind_template_child (widget_class, AttestAgreementDialog, table);
  gtk_widget_class_bind_template_child (widget_class, AttestAgreementDialog, rule_label);
}

static void
attest_agreement_dialog_init (AttestAgreementDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

AttestAgreementDialog *
attest_agreement_dialog_new (GtkWindow  *parent,
                             const char *project_path)
{
  AttestAgreementDialog *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (project_path != NULL, NULL);

  self = g_object_new (ATTEST_TYPE_AGREEMENT_DIALOG, "transient-for", parent, NULL);
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, compute_cb, NULL);
  g_task_set_source_tag (task, attest_agreement_dialog_new);
  g_task_set_task_data (task, g_strdup (project_path), g_free);
  g_task_run_in_thread (task, compute_thread);
  return self;
}

gboolean
attest_agreement_dialog_get_busy (AttestAgreementDialog *self)
{
  g_return_val_if_fail (ATTEST_IS_AGREEMENT_DIALOG (self), FALSE);

  return self->busy;
}
