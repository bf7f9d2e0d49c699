/* attest-evidence-panel.c: an incident's evidence, grouped by field.
 *
 * One preferences group per field that has evidence, in a fixed order; a row per piece of
 * evidence says what was said, by whom (and of which kind of source), in which article of
 * which outlet, and whether it reports, disputes or gives context. The casualty groups read
 * as a table: the incident's estimate first, then each source's figure beside it, flagged
 * when it falls outside the estimate. The panel re-reads everything when the store changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-evidence-panel"

#include "config.h"

#include "attest-evidence-panel.h"
#include "attest-incident-format.h"

#include <glib/gi18n.h>

const char * const attest_evidence_fields[ATTEST_N_EVIDENCE_FIELDS] = {
  NULL, "date", "place", "event_type", "actors", "fatalities", "injuries", "responsibility",
};

static const char * const field_labels[ATTEST_N_EVIDENCE_FIELDS] = {
  N_("Whole Incident"), N_("Date"), N_("Place"), N_("Event Type"), N_("Actors"),
  N_("Fatalities"), N_("Injuries"), N_("Responsibility"),
};

struct _AttestEvidencePanel
{
  GtkWidget           parent_instance;

  AttestStore        *store;
  AttestIncident     *incident;
  GPtrArray          *evidence;   /* AttestEvidence */
  GPtrArray          *groups;     /* the page's groups, to remove on reload */

  /* Template widgets */
  GtkStack           *stack;
  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (AttestEvidencePanel, attest_evidence_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INCIDENT,
  N_PROPS
};

enum {
  OPEN_ANNOTATION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

const char *
attest_evidence_field_label (const char *field)
{
  for (guint i = 0; i < ATTEST_N_EVIDENCE_FIELDS; i++)
    if (g_strcmp0 (attest_evidence_fields[i], field) == 0)
      return g_dgettext (GETTEXT_PACKAGE, field_labels[i]);
  return field;
}

const char *
attest_evidence_relation_label (const char *relation)
{
  if (g_strcmp0 (relation, "disputes") == 0)
    return _("Disputes");
  if (g_strcmp0 (relation, "context") == 0)
    return _("Context");
  return _("Reports");
}

static gboolean
is_count_field (const char *field)
{
  return g_strcmp0 (field, "fatalities") == 0 || g_strcmp0 (field, "injuries") == 0;
}

/* The incident's own estimate of a count field. */
static void
get_estimate (AttestIncident *incident,
              const char     *field,
              gint64         *low,
              gint64         *best,
              gint64         *high)
{
  gboolean killed = g_strcmp0 (field, "fatalities") == 0;

  *low = killed ? attest_incident_get_fatalities_low (incident)
                : attest_incident_get_injuries_low (incident);
  *best = killed ? attest_incident_get_fatalities_best (incident)
                 : attest_incident_get_injuries_best (incident);
  *high = killed ? attest_incident_get_fatalities_high (incident)
                 : attest_incident_get_injuries_high (incident);
}

/* A source's figure disagrees when it lies wholly outside the estimate's range. */
static gboolean
figure_differs (AttestEvidence *e,
                gint64          low,
                gint64          best,
                gint64          high)
{
  gint64 from = low >= 0 ? low : best;
  gint64 to = high >= 0 ? high : best;

  if (e->figure_low < 0 || (from < 0 && to < 0))
    return FALSE;
  return (to >= 0 && e->figure_low > to)
         || (from >= 0 && (e->figure_high >= 0 ? e->figure_high : e->figure_low) < from);
}

static char *
describe_source (AttestEvidencePanel *self,
                 AttestEvidence      *e)
{
  GString *text = g_string_new (NULL);

  if (e->speaker_name != NULL)
    {
      g_autofree char *kind = e->speaker_kind != NULL
                              ? attest_store_get_source_kind_label (self->store, e->speaker_kind)
                              : NULL;

      g_string_append (text, e->speaker_name);
      if (kind != NULL)
        g_string_append_printf (text, " (%s)", kind);
    }
  else if (e->annotation_uuid != NULL)
    g_string_append (text, _("No speaker"));
  else
    g_string_append (text, _("The whole article"));

  /* Translators: who said it · in which article — of which outlet */
  g_string_append_printf (text, _(" · %s"), e->article_title ? e->article_title : _("Untitled"));
  if (e->article_outlet != NULL)
    g_string_append_printf (text, _(" — %s"), e->article_outlet);
  return g_string_free (text, FALSE);
}

static void
on_row_activated (AdwActionRow        *row,
                  AttestEvidencePanel *self)
{
  AttestEvidence *e = g_object_get_data (G_OBJECT (row), "evidence");

  g_signal_emit (self, signals[OPEN_ANNOTATION], 0, e->article_uuid, e->annotation_uuid);
}

static GtkWidget *
create_relation_icon (const char *relation)
{
  gboolean disputes = g_strcmp0 (relation, "disputes") == 0;
  gboolean context = g_strcmp0 (relation, "context") == 0;
  GtkWidget *icon = gtk_image_new_from_icon_name (disputes ? "dialog-warning-symbolic"
                                                  : context ? "dialog-information-symbolic"
                                                            : "object-select-symbolic");

  gtk_widget_add_css_class (icon, disputes ? "error" : context ? "dim-label" : "success");
  gtk_widget_set_tooltip_text (icon, attest_evidence_relation_label (relation));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  attest_evidence_relation_label (relation), -1);
  return icon;
}

static GtkWidget *
create_figure_label (const char *text,
                     gboolean    differs)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  if (differs)
    {
      gtk_widget_add_css_class (label, "warning");
      gtk_widget_set_tooltip_text (label, _("Outside the incident’s estimate"));
    }
  return label;
}

static GtkWidget *
create_evidence_row (AttestEvidencePanel *self,
                     AttestEvidence      *e)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *unlink = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *subtitle = describe_source (self, e);
  g_autofree char *title = e->exact != NULL ? g_strdup_printf (_("“%s”"), e->exact)
                                            : g_strdup (e->article_title);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), create_relation_icon (e->relation));

  if (g_strcmp0 (e->relation, "disputes") == 0)
    {
      GtkWidget *tag = gtk_label_new (attest_evidence_relation_label (e->relation));

      gtk_widget_add_css_class (tag, "error");
      gtk_widget_add_css_class (tag, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  if (is_count_field (e->field))
    {
      g_autofree char *figure = attest_format_casualties (e->figure_low,
                                                          ATTEST_UNKNOWN,
                                                          e->figure_high);
      gint64 low = ATTEST_UNKNOWN, best = ATTEST_UNKNOWN, high = ATTEST_UNKNOWN;

      if (self->incident != NULL)
        get_estimate (self->incident, e->field, &low, &best, &high);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_figure_label (figure,
                                                      figure_differs (e, low, best, high)));
    }

  gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (unlink, "flat");
  gtk_widget_set_tooltip_text (unlink, _("Unlink"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Unlink"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (unlink), "evidence.unlink");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (unlink), "s", e->uuid);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show in the Article"));
  g_object_set_data (G_OBJECT (row), "evidence", e);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);
  return row;
}

/* The first row of a casualty group: the figure the incident records. */
static GtkWidget *
create_estimate_row (AttestEvidencePanel *self,
                     const char          *field)
{
  GtkWidget *row = adw_action_row_new ();
  gint64 low, best, high;
  g_autofree char *figure = NULL;

  get_estimate (self->incident, field, &low, &best, &high);
  figure = attest_format_casualties (low, best, high);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The Incident’s Estimate"));
  if (best >= 0 && low >= 0 && high >= 0 && low != high)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, best);
      /* Translators: under the incident's range of casualties; %s is its best estimate */
      g_autofree char *subtitle = g_strdup_printf (_("Best estimate %s, as recorded in the "
                                                     "incident"), number);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("As recorded in the incident"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-spreadsheet-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_figure_label (figure, FALSE));
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
attest_evidence_panel_clear (AttestEvidencePanel *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

static void
attest_evidence_panel_fill (AttestEvidencePanel *self)
{
  attest_evidence_panel_clear (self);

  for (guint f = 0; f < ATTEST_N_EVIDENCE_FIELDS; f++)
    {
      const char *field = attest_evidence_fields[f];
      GtkWidget *group = NULL;
      guint n = 0, n_disputing = 0, n_independent;
      g_autoptr(GString) description = g_string_new (NULL);

      for (guint i = 0; i < self->evidence->len; i++)
        {
          AttestEvidence *e = g_ptr_array_index (self->evidence, i);

          if (g_strcmp0 (e->field, field) != 0)
            continue;
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                               attest_evidence_field_label (field));
              if (is_count_field (field))
                adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                           create_estimate_row (self, field));
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     create_evidence_row (self, e));
          n++;
          n_disputing += g_strcmp0 (e->relation, "disputes") == 0;
        }
      if (group == NULL)
        continue;

      n_independent = attest_evidence_count_independent (self->evidence, field);
      g_string_printf (description,
                       ngettext ("%u independent source", "%u independent sources",
                                 n_independent), n_independent);
      if (n_disputing > 0)
        /* Translators: after “2 independent sources” */
        g_string_append_printf (description, ngettext (", %u disputing", ", %u disputing",
                                                       n_disputing), n_disputing);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description->str);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }

  gtk_stack_set_visible_child_name (self->stack, self->evidence->len > 0 ? "evidence" : "empty");
}

static void
attest_evidence_panel_reload (AttestEvidencePanel *self)
{
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(AttestIncident) incident = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_set_size (self->evidence, 0);
  if (self->store != NULL && self->incident != NULL)
    {
      g_autofree char *uuid = g_strdup (attest_incident_get_uuid (self->incident));

      /* The estimates may have changed too. */
      if ((incident = attest_store_get_incident (self->store, uuid, NULL)))
        g_set_object (&self->incident, incident);
      if (incident != NULL && !(evidence = attest_store_list_evidence (self->store, uuid, &error)))
        g_warning ("Could not list the evidence: %s", error->message);
      for (guint i = 0; evidence != NULL && i < evidence->len; i++)
        g_ptr_array_add (self->evidence, g_steal_pointer (&evidence->pdata[i]));
    }
  attest_evidence_panel_fill (self);
}

static void
on_store_changed (AttestEvidencePanel *self)
{
  attest_evidence_panel_reload (self);
}

static void
unlink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestEvidencePanel *self = ATTEST_EVIDENCE_PANEL (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  /* The panel reloads from the store's "changed". */
  if (!attest_store_unlink_evidence (self->store, g_variant_get_string (parameter, NULL), &error))
    g_warning ("Could not unlink the evidence: %s", error->message);
}

static void
attest_evidence_panel_dispose (GObject *object)
{
  AttestEvidencePanel *self = ATTEST_EVIDENCE_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_EVIDENCE_PANEL);
  g_clear_object (&self->incident);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_evidence_panel_parent_class)->dispose (object);
}

static void
attest_evidence_panel_finalize (GObject *object)
{
  AttestEvidencePanel *self = ATTEST_EVIDENCE_PANEL (object);

  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (attest_evidence_panel_parent_class)->finalize (object);
}

static void
attest_evidence_panel_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AttestEvidencePanel *self = ATTEST_EVIDENCE_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_INCIDENT:
      g_value_set_object (value, self->incident);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_evidence_panel_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AttestEvidencePanel *self = ATTEST_EVIDENCE_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_evidence_panel_set_store (self, g_value_get_object (value));
      break;

    case PROP_INCIDENT:
      attest_evidence_panel_set_incident (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_evidence_panel_class_init (AttestEvidencePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_evidence_panel_dispose;
  object_class->finalize = attest_evidence_panel_finalize;
  object_class->get_property = attest_evidence_panel_get_property;
  object_class->set_property = attest_evidence_panel_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INCIDENT] =
    g_param_spec_object ("incident", NULL, NULL,
                         ATTEST_TYPE_INCIDENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_ANNOTATION] =
    g_signal_new ("open-annotation",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "evidence.unlink", "s", unlink_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-evidence-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestEvidencePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, AttestEvidencePanel, page);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attest-evidence-panel");
}

static void
attest_evidence_panel_init (AttestEvidencePanel *self)
{
  self->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_evidence_free);
  self->groups = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
attest_evidence_panel_new (void)
{
  return g_object_new (ATTEST_TYPE_EVIDENCE_PANEL, NULL);
}

AttestStore *
attest_evidence_panel_get_store (AttestEvidencePanel *self)
{
  g_return_val_if_fail (ATTEST_IS_EVIDENCE_PANEL (self), NULL);

  return self->store;
}

void
attest_evidence_panel_set_store (AttestEvidencePanel *self,
                                 AttestStore         *store)
{
  static const char * const topics[] = { "changed::incidents", "changed::annotations",
                                         "changed::sources", "changed::articles" };

  g_return_if_fail (ATTEST_IS_EVIDENCE_PANEL (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  /* Links, and the speakers, kinds and titles the rows show. */
  for (guint i = 0; store != NULL && i < G_N_ELEMENTS (topics); i++)
    g_signal_connect_object (store, topics[i], G_CALLBACK (on_store_changed), self,
                             G_CONNECT_SWAPPED);
  attest_evidence_panel_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AttestIncident *
attest_evidence_panel_get_incident (AttestEvidencePanel *self)
{
  g_return_val_if_fail (ATTEST_IS_EVIDENCE_PANEL (self), NULL);

  return self->incident;
}

void
attest_evidence_panel_set_incident (AttestEvidencePanel *self,
                                    AttestIncident      *incident)
{
  g_return_if_fail (ATTEST_IS_EVIDENCE_PANEL (self));
  g_return_if_fail (incident == NULL || ATTEST_IS_INCIDENT (incident));

  if (self->incident == incident)
    return;

  g_set_object (&self->incident, incident);
  attest_evidence_panel_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCIDENT]);
}

GPtrArray *
attest_evidence_panel_get_evidence (AttestEvidencePanel *self)
{
  g_return_val_if_fail (ATTEST_IS_EVIDENCE_PANEL (self), NULL);

  return self->evidence;
}
