/* attest-timeline-view.c: the timeline with its filters and zoom buttons. The drop-downs
 * set the timeline's "event-type" and "place-uuid"; their lists follow the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-timeline-view"

#include "config.h"

#include <string.h>

#include "attest-timeline-view.h"

#include <glib/gi18n.h>

struct _AttestTimelineView
{
  GtkWidget       parent_instance;

  AttestStore    *store;
  GStrv           types;         /* the type drop-down's entries after "All Types" */
  GPtrArray      *place_uuids;   /* the place drop-down's, after "All Places" */
  guint           loading;

  /* Template widgets; the box is bound so that dispose unparents it. */
  GtkWidget      *box;
  GtkDropDown    *type_dropdown;
  GtkStringList  *type_labels;
  GtkDropDown    *place_dropdown;
  GtkStringList  *place_labels;
  GtkLabel       *count_label;
  GtkStack       *stack;
  AttestTimeline *timeline;
  AdwStatusPage  *empty_page;
};

G_DEFINE_FINAL_TYPE (AttestTimelineView, attest_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  INCIDENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_filter_changed (AttestTimelineView *self)
{
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint place = gtk_drop_down_get_selected (self->place_dropdown);

  if (self->loading > 0)
    return;
  attest_timeline_set_event_type (self->timeline,
                                  type > 0 && type <= g_strv_length (self->types)
                                  ? self->types[type - 1] : NULL);
  attest_timeline_set_place_uuid (self->timeline,
                                  place > 0 && place <= self->place_uuids->len
                                  ? g_ptr_array_index (self->place_uuids, place - 1) : NULL);
}

static void
on_shown_changed (AttestTimelineView *self)
{
  guint n = attest_timeline_get_n_shown (self->timeline);
  gboolean filtered = attest_timeline_get_event_type (self->timeline) != NULL
                      || attest_timeline_get_place_uuid (self->timeline) != NULL;
  g_autofree char *count = g_strdup_printf (ngettext ("%u incident", "%u incidents", n), n);

  gtk_label_set_text (self->count_label, count);
  adw_status_page_set_title (self->empty_page, filtered ? _("No Matching Incidents")
                                                        : _("No Dated Incidents"));
  adw_status_page_set_description (self->empty_page,
                                   filtered ? _("No dated incident is of that type or place")
                                            : _("Incidents appear on the timeline once they "
                                                "have a start date"));
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "timeline" : "empty");
}

static void
on_incident_activated (AttestTimelineView *self,
                       const char         *uuid)
{
  g_signal_emit (self, signals[INCIDENT_ACTIVATED], 0, uuid);
}

/* Fills the drop-downs, keeping what is chosen when it is still there. */
static void
attest_timeline_view_load_filters (AttestTimelineView *self)
{
  g_autoptr(GStrvBuilder) types = g_strv_builder_new ();
  g_auto(GStrv) pairs = NULL;
  g_autoptr(GPtrArray) places = NULL;
  const char *type = attest_timeline_get_event_type (self->timeline);
  const char *place = attest_timeline_get_place_uuid (self->timeline);
  guint type_selected = 0, place_selected = 0;

  if (self->store != NULL)
    {
      pairs = attest_store_list_event_types (self->store, NULL);
      places = attest_store_list_places (self->store, NULL);
    }
  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i += 2)
    if (i == 0 || !g_str_equal (pairs[i], pairs[i - 2]))
      g_strv_builder_add (types, pairs[i]);
  g_strfreev (self->types);
  self->types = g_strv_builder_end (types);

  self->loading++;
  gtk_string_list_splice (self->type_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->type_labels)), NULL);
  gtk_string_list_append (self->type_labels, _("All Types"));
  for (guint i = 0; self->types[i] != NULL; i++)
    {
      gtk_string_list_append (self->type_labels, self->types[i]);
      if (g_strcmp0 (type, self->types[i]) == 0)
        type_selected = i + 1;
    }
  gtk_string_list_splice (self->place_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->place_labels)), NULL);
  gtk_string_list_append (self->place_labels, _("All Places"));
  g_ptr_array_set_size (self->place_uuids, 0);
  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      AttestPlace *p = g_ptr_array_index (places, i);

      gtk_string_list_append (self->place_labels, p->name);
      g_ptr_array_add (self->place_uuids, g_strdup (p->uuid));
      if (g_strcmp0 (place, p->uuid) == 0)
        place_selected = i + 1;
    }
  gtk_drop_down_set_selected (self->type_dropdown, type_selected);
  gtk_drop_down_set_selected (self->place_dropdown, place_selected);
  self->loading--;
  on_filter_changed (self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttestTimelineView *self = ATTEST_TIMELINE_VIEW (widget);
  /* "timeline-view.zoom-in" is "timeline.zoom-in" of the timeline. */
  g_autofree char *name = g_strconcat ("timeline.", strchr (action_name, '.') + 1, NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->timeline), name, NULL);
}

static void
attest_timeline_view_dispose (GObject *object)
{
  AttestTimelineView *self = ATTEST_TIMELINE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_TIMELINE_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_timeline_view_parent_class)->dispose (object);
}

static void
attest_timeline_view_finalize (GObject *object)
{
  AttestTimelineView *self = ATTEST_TIMELINE_VIEW (object);

  g_clear_pointer (&self->types, g_strfreev);
  g_clear_pointer (&self->place_uuids, g_ptr_array_unref);

  G_OBJECT_CLASS (attest_timeline_view_parent_class)->finalize (object);
}

static void
attest_timeline_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AttestTimelineView *self = ATTEST_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_timeline_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AttestTimelineView *self = ATTEST_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_timeline_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_timeline_view_class_init (AttestTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_timeline_view_dispose;
  object_class->finalize = attest_timeline_view_finalize;
  object_class->get_property = attest_timeline_view_get_property;
  object_class->set_property = attest_timeline_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[INCIDENT_ACTIVATED] =
    g_signal_new ("incident-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "timeline-view.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline-view.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline-view.zoom-fit", NULL, zoom_action);

  g_type_ensure (ATTEST_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestTimelineView, box);
  gtk_widget_class_bind_template_child (widget_class, AttestTimelineView, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttestTimelineView, type_labels);
  gtk_widget_class_bind_template_child (widget_class, AttestTimelineView, place_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttestTimelineView, place_labels);
  gtk_widget_class_bind_template_child (widget_class, AttestTimelineView, count_label);
  gtk_widget_class_bind_template_child (widget_class, AttestTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, AttestTimelineView, timeline);
  gtk_widget_class_bind_template_child (widget_class, AttestTimelineView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_shown_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_incident_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attest-timeline-view");
}

static void
attest_timeline_view_init (AttestTimelineView *self)
{
  self->types = g_new0 (char *, 1);
  self->place_uuids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  attest_timeline_view_load_filters (self);
  on_shown_changed (self);
}

GtkWidget *
attest_timeline_view_new (void)
{
  return g_object_new (ATTEST_TYPE_TIMELINE_VIEW, NULL);
}

AttestStore *
attest_timeline_view_get_store (AttestTimelineView *self)
{
  g_return_val_if_fail (ATTEST_IS_TIMELINE_VIEW (self), NULL);

  return self->store;
}

void
attest_timeline_view_set_store (AttestTimelineView *self,
                                AttestStore        *store)
{
  g_return_if_fail (ATTEST_IS_TIMELINE_VIEW (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, attest_timeline_view_load_filters, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed::places",
                             G_CALLBACK (attest_timeline_view_load_filters), self,
                             G_CONNECT_SWAPPED);
  attest_timeline_set_store (self->timeline, store);
  attest_timeline_view_load_filters (self);
  on_shown_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AttestTimeline *
attest_timeline_view_get_timeline (AttestTimelineView *self)
{
  g_return_val_if_fail (ATTEST_IS_TIMELINE_VIEW (self), NULL);

  return self->timeline;
}
