/* attest-article-incidents.c: the incidents an article is evidence of, one row each with
 * its date, title and how many were killed. The list follows the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-article-incidents"

#include "config.h"

#include "attest-article-incidents.h"
#include "attest-incident-format.h"

#include <glib/gi18n.h>

struct _AttestArticleIncidents
{
  GtkWidget   parent_instance;

  AttestStore *store;
  char        *article_uuid;
  guint        n_incidents;

  /* Template widgets */
  GtkWidget   *group;
  GtkListBox  *list;
  GtkWidget   *empty_label;
};

G_DEFINE_FINAL_TYPE (AttestArticleIncidents, attest_article_incidents, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ARTICLE_UUID,
  N_PROPS
};

enum {
  INCIDENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_row_activated (AdwActionRow           *row,
                  AttestArticleIncidents *self)
{
  g_autofree char *uuid = g_strdup (g_object_get_data (G_OBJECT (row), "uuid"));

  g_signal_emit (self, signals[INCIDENT_ACTIVATED], 0, uuid);
}

static GtkWidget *
create_row (AttestArticleIncidents *self,
            AttestIncident         *incident)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = attest_format_incident_date (incident);
  g_autofree char *killed = NULL;
  g_autofree char *subtitle = NULL;

  /* No figure, as for a lockdown or a figure not reported: the date alone, not "? killed". */
  if (attest_incident_get_fatalities_low (incident) < 0 &&
      attest_incident_get_fatalities_best (incident) < 0 &&
      attest_incident_get_fatalities_high (incident) < 0)
    subtitle = g_steal_pointer (&date);
  else
    {
      killed = attest_format_casualties (attest_incident_get_fatalities_low (incident),
                                         attest_incident_get_fatalities_best (incident),
                                         attest_incident_get_fatalities_high (incident));
      /* Translators: under an incident's title: its date · how many were killed */
      subtitle = g_strdup_printf (_("%s · %s killed"), date, killed);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), attest_incident_get_title (incident));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show the Incident"));
  g_object_set_data_full (G_OBJECT (row), "uuid",
                          g_strdup (attest_incident_get_uuid (incident)), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);
  return row;
}

static void
attest_article_incidents_reload (AttestArticleIncidents *self)
{
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->store != NULL && self->article_uuid != NULL
      && !(incidents = attest_store_list_incidents_for_article (self->store, self->article_uuid,
                                                                &error)))
    g_debug ("No incidents for the article: %s", error->message);

  self->n_incidents = incidents != NULL ? incidents->len : 0;
  for (guint i = 0; i < self->n_incidents; i++)
    gtk_list_box_append (self->list, create_row (self, g_ptr_array_index (incidents, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->n_incidents > 0);
  gtk_widget_set_visible (self->empty_label, self->n_incidents == 0);
}

static void
on_store_changed (AttestArticleIncidents *self)
{
  attest_article_incidents_reload (self);
}

static void
attest_article_incidents_dispose (GObject *object)
{
  AttestArticleIncidents *self = ATTEST_ARTICLE_INCIDENTS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_ARTICLE_INCIDENTS);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_article_incidents_parent_class)->dispose (object);
}

static void
attest_article_incidents_finalize (GObject *object)
{
  AttestArticleIncidents *self = ATTEST_ARTICLE_INCIDENTS (object);

  g_clear_pointer (&self->article_uuid, g_free);

  G_OBJECT_CLASS (attest_article_incidents_parent_class)->finalize (object);
}

static void
attest_article_incidents_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AttestArticleIncidents *self = ATTEST_ARTICLE_INCIDENTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ARTICLE_UUID:
      g_value_set_string (value, self->article_uuid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_article_incidents_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AttestArticleIncidents *self = ATTEST_ARTICLE_INCIDENTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_article_incidents_set_store (self, g_value_get_object (value));
      break;

    case PROP_ARTICLE_UUID:
      attest_article_incidents_set_article_uuid (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_article_incidents_class_init (AttestArticleIncidentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_article_incidents_dispose;
  object_class->finalize = attest_article_incidents_finalize;
  object_class->get_property = attest_article_incidents_get_property;
  object_class->set_property = attest_article_incidents_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ARTICLE_UUID] =
    g_param_spec_string ("article-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[INCIDENT_ACTIVATED] =
    g_signal_new ("incident-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-article-incidents.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestArticleIncidents, group);
  gtk_widget_class_bind_template_child (widget_class, AttestArticleIncidents, list);
  gtk_widget_class_bind_template_child (widget_class, AttestArticleIncidents, empty_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attest-article-incidents");
}

static void
attest_article_incidents_init (AttestArticleIncidents *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  attest_article_incidents_reload (self);
}

GtkWidget *
attest_article_incidents_new (void)
{
  return g_object_new (ATTEST_TYPE_ARTICLE_INCIDENTS, NULL);
}

AttestStore *
attest_article_incidents_get_store (AttestArticleIncidents *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE_INCIDENTS (self), NULL);

  return self->store;
}

void
attest_article_incidents_set_store (AttestArticleIncidents *self,
                                    AttestStore            *store)
{
  g_return_if_fail (ATTEST_IS_ARTICLE_INCIDENTS (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed::incidents",
                             G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  attest_article_incidents_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
attest_article_incidents_get_article_uuid (AttestArticleIncidents *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE_INCIDENTS (self), NULL);

  return self->article_uuid;
}

void
attest_article_incidents_set_article_uuid (AttestArticleIncidents *self,
                                           const char             *uuid)
{
  g_return_if_fail (ATTEST_IS_ARTICLE_INCIDENTS (self));

  if (g_strcmp0 (self->article_uuid, uuid) == 0)
    return;

  g_free (self->article_uuid);
  self->article_uuid = g_strdup (uuid);
  attest_article_incidents_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_UUID]);
}

guint
attest_article_incidents_get_n_incidents (AttestArticleIncidents *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE_INCIDENTS (self), 0);

  return self->n_incidents;
}
