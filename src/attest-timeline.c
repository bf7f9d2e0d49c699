/* attest-timeline.c: incidents on a time axis.
 *
 * The layout (which lane and row each incident goes in, where its mark is, which ticks the
 * axis has) is computed by plain functions from the incidents and a scale; the widget keeps
 * the scale (zoom and pan), reads the incidents from the store, filters them and draws the
 * layout with GtkSnapshot. Dates are Julian day numbers throughout.
 *
 * This file is the widget's state and API; attest-timeline-draw.c draws it and
 * attest-timeline-input.c answers the pointer and the keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-timeline"

#include "config.h"

#include "attest-timeline.h"
#include "attest-timeline-private.h"
#include "attest-incident-format.h"

#include <glib/gi18n.h>

/* The struct is in attest-timeline-private.h, shared with the drawing and input halves. */
G_DEFINE_FINAL_TYPE (AttestTimeline, attest_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_EVENT_TYPE,
  PROP_PLACE_UUID,
  PROP_SELECTED_UUID,
  PROP_ZOOM,
  PROP_N_SHOWN,
  N_PROPS
};

enum {
  INCIDENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

double
_attest_timeline_axis_width (AttestTimeline *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - LANE_LABEL_WIDTH, 1);
}

gboolean
_attest_timeline_is_rtl (AttestTimeline *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

double
_attest_timeline_axis_left (AttestTimeline *self)
{
  return _attest_timeline_is_rtl (self) ? 0 : LANE_LABEL_WIDTH;
}

double
_attest_timeline_axis_middle (AttestTimeline *self)
{
  return _attest_timeline_axis_left (self) + _attest_timeline_axis_width (self) / 2;
}

gboolean
_attest_timeline_on_axis (AttestTimeline *self,
                          double          x)
{
  double left = _attest_timeline_axis_left (self);

  return x >= left && x <= left + _attest_timeline_axis_width (self);
}

AttestTimelineScale
_attest_timeline_get_scale (AttestTimeline *self,
                            double          scroll_y)
{
  AttestTimelineScale scale = self->scale;

  scale.rtl = _attest_timeline_is_rtl (self);
  scale.left = _attest_timeline_axis_left (self);
  scale.width = _attest_timeline_axis_width (self);
  scale.top = AXIS_HEIGHT - scroll_y;
  scale.row_height = ROW_HEIGHT;
  scale.lane_gap = LANE_GAP;
  return scale;
}

void
_attest_timeline_invalidate (AttestTimeline *self)
{
  g_clear_pointer (&self->layout, attest_timeline_layout_free);
  self->hovered = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

AttestTimelineLayout *
_attest_timeline_compute_layout (AttestTimeline *self,
                                 double          scroll_y)
{
  AttestTimelineScale scale = _attest_timeline_get_scale (self, scroll_y);

  return attest_timeline_layout_new (self->incidents, (const char * const *) self->event_types,
                                     &scale);
}

AttestTimelineLayout *
_attest_timeline_ensure_layout (AttestTimeline *self)
{
  if (self->layout == NULL)
    self->layout = _attest_timeline_compute_layout (self, self->scroll_y);
  return self->layout;
}

void
_attest_timeline_clamp_scroll (AttestTimeline *self)
{
  g_autoptr(AttestTimelineLayout) layout = _attest_timeline_compute_layout (self, 0);
  double overflow = layout->height - gtk_widget_get_height (GTK_WIDGET (self));

  self->scroll_y = CLAMP (self->scroll_y, 0, MAX (overflow, 0));
}

static gboolean
passes_filters (AttestTimeline *self,
                AttestIncident *incident)
{
  return (self->event_type == NULL
          || g_strcmp0 (attest_incident_get_event_type (incident), self->event_type) == 0)
         && (self->place_uuid == NULL
             || g_strcmp0 (attest_incident_get_place_uuid (incident), self->place_uuid) == 0);
}

static void
attest_timeline_reload (AttestTimeline *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pairs = NULL;
  g_autoptr(GStrvBuilder) types = g_strv_builder_new ();
  guint n_before = self->n_shown;

  g_ptr_array_set_size (self->incidents, 0);
  if (self->store != NULL)
    {
      if (!(all = attest_store_list_incidents (self->store, &error))
          || !(pairs = attest_store_list_event_types (self->store, &error)))
        g_warning ("Could not read the incidents: %s", error->message);
      for (guint i = 0; all != NULL && i < all->len; i++)
        if (passes_filters (self, g_ptr_array_index (all, i)))
          g_ptr_array_add (self->incidents, g_object_ref (g_ptr_array_index (all, i)));
      for (guint i = 0; pairs != NULL && pairs[i] != NULL; i += 2)
        if (i == 0 || !g_str_equal (pairs[i], pairs[i - 2]))
          g_strv_builder_add (types, pairs[i]);
    }
  g_strfreev (self->event_types);
  self->event_types = g_strv_builder_end (types);

  _attest_timeline_invalidate (self);
  _attest_timeline_clamp_scroll (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  self->n_shown = 0;
  for (guint i = 0; i < self->incidents->len; i++)
    {
      guint first, end;

      self->n_shown += attest_timeline_incident_days (g_ptr_array_index (self->incidents, i),
                                                      &first, &end);
    }
  if (n_before != self->n_shown)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
}

void
_attest_timeline_zoom_around (AttestTimeline *self,
                              double          px_per_day,
                              double          x)
{
  AttestTimelineScale scale = _attest_timeline_get_scale (self, 0);
  double left = _attest_timeline_axis_left (self);
  double day;

  px_per_day = CLAMP (px_per_day, MIN_ZOOM, MAX_ZOOM);
  if (px_per_day == self->scale.px_per_day)
    return;

  /* The day under x stays under x. */
  day = attest_timeline_scale_x_to_day (&scale, CLAMP (x, left, left + scale.width));
  self->scale.first_day = day - (day - scale.first_day) * scale.px_per_day / px_per_day;
  self->scale.px_per_day = px_per_day;
  _attest_timeline_invalidate (self);
  _attest_timeline_clamp_scroll (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
_attest_timeline_pan_by (AttestTimeline *self,
                         double          dx,
                         double          dy)
{
  self->scale.first_day += dx / self->scale.px_per_day;
  self->scroll_y += dy;
  _attest_timeline_clamp_scroll (self);
  _attest_timeline_invalidate (self);
}

int
_attest_timeline_mark_at (AttestTimeline *self,
                          double          x,
                          double          y)
{
  AttestTimelineLayout *layout = _attest_timeline_ensure_layout (self);

  if (!_attest_timeline_on_axis (self, x) || y < AXIS_HEIGHT)
    return -1;
  for (guint i = 0; i < layout->marks->len; i++)
    {
      AttestTimelineMark *mark = &g_array_index (layout->marks, AttestTimelineMark, i);
      graphene_rect_t hit;

      /* A little slack around small dots. */
      graphene_rect_inset_r (&mark->rect, -2, -2, &hit);
      if (graphene_rect_contains_point (&hit, &GRAPHENE_POINT_INIT (x, y)))
        return i;
    }
  return -1;
}

int
_attest_timeline_selected_index (AttestTimeline *self)
{
  AttestTimelineLayout *layout = _attest_timeline_ensure_layout (self);

  for (guint i = 0; self->selected_uuid != NULL && i < layout->marks->len; i++)
    if (g_str_equal (attest_incident_get_uuid (g_array_index (layout->marks,
                                                              AttestTimelineMark, i).incident),
                     self->selected_uuid))
      return i;
  return -1;
}

static void
update_accessible_description (AttestTimeline *self)
{
  int i = _attest_timeline_selected_index (self);
  AttestIncident *incident;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;

  if (i < 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  incident = g_array_index (self->layout->marks, AttestTimelineMark, i).incident;
  date = attest_format_incident_date (incident);
  /* Translators: what a screen reader says of the selected incident: title, date */
  description = g_strdup_printf (_("%s, %s"), attest_incident_get_title (incident), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

/* Pans so that the mark is in view, with some air around it. */
static void
reveal_mark (AttestTimeline *self,
             int             i)
{
  const AttestTimelineMark *mark = &g_array_index (_attest_timeline_ensure_layout (self)->marks,
                                                   AttestTimelineMark, i);
  double width = _attest_timeline_axis_width (self);
  /* Pixels along time from the axis's start, whichever way time runs. */
  double left = _attest_timeline_is_rtl (self)
                ? width - (mark->rect.origin.x + mark->rect.size.width)
                : mark->rect.origin.x - LANE_LABEL_WIDTH;
  double right = left + mark->rect.size.width;
  double top = mark->rect.origin.y - AXIS_HEIGHT;
  double bottom = top + mark->rect.size.height;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - AXIS_HEIGHT;
  double dx = 0, dy = 0;

  if (left < 24)
    dx = left - 24;
  else if (right > width - 24)
    dx = MIN (right - width + 24, left - 24);
  if (top < 0)
    dy = top;
  else if (bottom > height)
    dy = bottom - height;
  if (dx != 0 || dy != 0)
    _attest_timeline_pan_by (self, dx, dy);
}

void
_attest_timeline_select_index (AttestTimeline *self,
                               int             i)
{
  AttestTimelineLayout *layout = _attest_timeline_ensure_layout (self);
  AttestTimelineMark *mark = &g_array_index (layout->marks, AttestTimelineMark, i);

  attest_timeline_set_selected_uuid (self, attest_incident_get_uuid (mark->incident));
  reveal_mark (self, i);
}

void
_attest_timeline_move_selection (AttestTimeline *self,
                                 int             delta)
{
  AttestTimelineLayout *layout = _attest_timeline_ensure_layout (self);
  int n = layout->marks->len;
  int i = _attest_timeline_selected_index (self);

  if (n == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (i < 0)
    i = delta > 0 ? 0 : n - 1;
  else
    i = CLAMP (i + delta, 0, n - 1);
  _attest_timeline_select_index (self, i);
}

void
_attest_timeline_emit_activated (AttestTimeline *self)
{
  g_autofree char *uuid = g_strdup (self->selected_uuid);

  g_signal_emit (self, signals[INCIDENT_ACTIVATED], 0, uuid);
}

static void
on_store_changed (AttestTimeline *self)
{
  attest_timeline_reload (self);
}

static void
attest_timeline_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  AttestTimeline *self = ATTEST_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = LANE_LABEL_WIDTH + 160;
      *natural = LANE_LABEL_WIDTH + 640;
    }
  else
    {
      g_autoptr(AttestTimelineLayout) layout = _attest_timeline_compute_layout (self, 0);

      *minimum = AXIS_HEIGHT + 2 * ROW_HEIGHT;
      *natural = CLAMP (layout->height + LANE_GAP, *minimum, 560);
    }
}

static void
attest_timeline_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  AttestTimeline *self = ATTEST_TIMELINE (widget);

  _attest_timeline_invalidate (self);
  if (self->fit_pending && width > LANE_LABEL_WIDTH)
    attest_timeline_zoom_to_fit (self);
  _attest_timeline_clamp_scroll (self);
}

static gboolean
attest_timeline_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  AttestTimeline *self = ATTEST_TIMELINE (widget);
  int i = keyboard ? _attest_timeline_selected_index (self) : _attest_timeline_mark_at (self, x, y);
  const AttestTimelineMark *mark;
  AttestIncident *incident;
  g_autofree char *date = NULL;
  g_autofree char *killed = NULL;
  g_autofree char *markup = NULL;
  const char *place;

  if (i < 0)
    return FALSE;
  mark = &g_array_index (self->layout->marks, AttestTimelineMark, i);
  incident = mark->incident;
  date = attest_format_incident_date (incident);
  killed = attest_format_casualties (attest_incident_get_fatalities_low (incident),
                                     attest_incident_get_fatalities_best (incident),
                                     attest_incident_get_fatalities_high (incident));
  place = attest_incident_get_location (incident);
  /* Translators: a mark's tooltip: title; date · type; place · killed */
  markup = g_markup_printf_escaped (_("<b>%s</b>\n%s · %s\n%s · %s killed"),
                                    attest_incident_get_title (incident), date,
                                    attest_incident_get_event_type (incident)
                                    ? attest_incident_get_event_type (incident) : _("No type"),
                                    place ? place : _("No place"), killed);
  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { mark->rect.origin.x, mark->rect.origin.y,
                                                       mark->rect.size.width,
                                                       mark->rect.size.height });
  return TRUE;
}

static void
attest_timeline_direction_changed (GtkWidget        *widget,
                                   GtkTextDirection  previous_direction)
{
  /* Time turns round with the text; the marks move. */
  _attest_timeline_invalidate (ATTEST_TIMELINE (widget));
  GTK_WIDGET_CLASS (attest_timeline_parent_class)->direction_changed (widget, previous_direction);
}

static gboolean
attest_timeline_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  /* One stop in the focus chain; inside it the arrows move. */
  if (gtk_widget_has_focus (widget))
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

static void
attest_timeline_dispose (GObject *object)
{
  AttestTimeline *self = ATTEST_TIMELINE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->layout, attest_timeline_layout_free);
  if (self->incidents != NULL)
    g_ptr_array_set_size (self->incidents, 0);

  G_OBJECT_CLASS (attest_timeline_parent_class)->dispose (object);
}

static void
attest_timeline_finalize (GObject *object)
{
  AttestTimeline *self = ATTEST_TIMELINE (object);

  g_clear_pointer (&self->incidents, g_ptr_array_unref);
  g_clear_pointer (&self->event_types, g_strfreev);
  g_clear_pointer (&self->event_type, g_free);
  g_clear_pointer (&self->place_uuid, g_free);
  g_clear_pointer (&self->selected_uuid, g_free);

  G_OBJECT_CLASS (attest_timeline_parent_class)->finalize (object);
}

static void
attest_timeline_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AttestTimeline *self = ATTEST_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_EVENT_TYPE:
      g_value_set_string (value, self->event_type);
      break;

    case PROP_PLACE_UUID:
      g_value_set_string (value, self->place_uuid);
      break;

    case PROP_SELECTED_UUID:
      g_value_set_string (value, self->selected_uuid);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->scale.px_per_day);
      break;

    case PROP_N_SHOWN:
      g_value_set_uint (value, attest_timeline_get_n_shown (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_timeline_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AttestTimeline *self = ATTEST_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_timeline_set_store (self, g_value_get_object (value));
      break;

    case PROP_EVENT_TYPE:
      attest_timeline_set_event_type (self, g_value_get_string (value));
      break;

    case PROP_PLACE_UUID:
      attest_timeline_set_place_uuid (self, g_value_get_string (value));
      break;

    case PROP_SELECTED_UUID:
      attest_timeline_set_selected_uuid (self, g_value_get_string (value));
      break;

    case PROP_ZOOM:
      attest_timeline_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_timeline_class_init (AttestTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_timeline_dispose;
  object_class->finalize = attest_timeline_finalize;
  object_class->get_property = attest_timeline_get_property;
  object_class->set_property = attest_timeline_set_property;
  widget_class->snapshot = _attest_timeline_snapshot;
  widget_class->measure = attest_timeline_measure;
  widget_class->size_allocate = attest_timeline_size_allocate;
  widget_class->query_tooltip = attest_timeline_query_tooltip;
  widget_class->focus = attest_timeline_focus;
  widget_class->direction_changed = attest_timeline_direction_changed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EVENT_TYPE] =
    g_param_spec_string ("event-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLACE_UUID] =
    g_param_spec_string ("place-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_UUID] =
    g_param_spec_string ("selected-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         MIN_ZOOM, MAX_ZOOM, 4.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[INCIDENT_ACTIVATED] =
    g_signal_new ("incident-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  _attest_timeline_class_init_input (widget_class);

  gtk_widget_class_set_css_name (widget_class, "attest-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
attest_timeline_init (AttestTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDate today;

  self->incidents = g_ptr_array_new_with_free_func (g_object_unref);
  self->event_types = g_new0 (char *, 1);
  self->hovered = -1;
  self->fit_pending = TRUE;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  self->scale.px_per_day = 4.0;
  self->scale.first_day = g_date_get_julian (&today) - 90;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  _attest_timeline_init_input (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Incident Timeline"), -1);
}

GtkWidget *
attest_timeline_new (void)
{
  return g_object_new (ATTEST_TYPE_TIMELINE, NULL);
}

AttestStore *
attest_timeline_get_store (AttestTimeline *self)
{
  g_return_val_if_fail (ATTEST_IS_TIMELINE (self), NULL);

  return self->store;
}

void
attest_timeline_set_store (AttestTimeline *self,
                           AttestStore    *store)
{
  g_return_if_fail (ATTEST_IS_TIMELINE (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed::incidents",
                             G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);

  attest_timeline_reload (self);
  self->fit_pending = TRUE;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > LANE_LABEL_WIDTH)
    attest_timeline_zoom_to_fit (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
attest_timeline_get_event_type (AttestTimeline *self)
{
  g_return_val_if_fail (ATTEST_IS_TIMELINE (self), NULL);

  return self->event_type;
}

void
attest_timeline_set_event_type (AttestTimeline *self,
                                const char     *event_type)
{
  g_return_if_fail (ATTEST_IS_TIMELINE (self));

  if (g_strcmp0 (self->event_type, event_type) == 0)
    return;
  g_free (self->event_type);
  self->event_type = g_strdup (event_type);
  attest_timeline_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_TYPE]);
}

const char *
attest_timeline_get_place_uuid (AttestTimeline *self)
{
  g_return_val_if_fail (ATTEST_IS_TIMELINE (self), NULL);

  return self->place_uuid;
}

void
attest_timeline_set_place_uuid (AttestTimeline *self,
                                const char     *place_uuid)
{
  g_return_if_fail (ATTEST_IS_TIMELINE (self));

  if (g_strcmp0 (self->place_uuid, place_uuid) == 0)
    return;
  g_free (self->place_uuid);
  self->place_uuid = g_strdup (place_uuid);
  attest_timeline_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE_UUID]);
}

const char *
attest_timeline_get_selected_uuid (AttestTimeline *self)
{
  g_return_val_if_fail (ATTEST_IS_TIMELINE (self), NULL);

  return self->selected_uuid;
}

void
attest_timeline_set_selected_uuid (AttestTimeline *self,
                                   const char     *uuid)
{
  g_return_if_fail (ATTEST_IS_TIMELINE (self));

  if (g_strcmp0 (self->selected_uuid, uuid) == 0)
    return;
  g_free (self->selected_uuid);
  self->selected_uuid = g_strdup (uuid);
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UUID]);
}

double
attest_timeline_get_zoom (AttestTimeline *self)
{
  g_return_val_if_fail (ATTEST_IS_TIMELINE (self), 0);

  return self->scale.px_per_day;
}

void
attest_timeline_set_zoom (AttestTimeline *self,
                          double          px_per_day)
{
  g_return_if_fail (ATTEST_IS_TIMELINE (self));

  self->fit_pending = FALSE;
  _attest_timeline_zoom_around (self, px_per_day, _attest_timeline_axis_middle (self));
}

void
attest_timeline_zoom_to_fit (AttestTimeline *self)
{
  double width = _attest_timeline_axis_width (self);
  guint first = G_MAXUINT, end = 0;
  double span, px_per_day;

  g_return_if_fail (ATTEST_IS_TIMELINE (self));

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= LANE_LABEL_WIDTH)
    {
      self->fit_pending = TRUE;
      return;
    }
  self->fit_pending = FALSE;

  for (guint i = 0; i < self->incidents->len; i++)
    {
      guint a, b;

      if (attest_timeline_incident_days (g_ptr_array_index (self->incidents, i), &a, &b))
        {
          first = MIN (first, a);
          end = MAX (end, b);
        }
    }
  if (end == 0)
    return;

  /* Everything in view, with more room on the right where the last titles go; a lone day
   * does not fill the screen. */
  span = end - first;
  px_per_day = CLAMP (width * 0.8 / span, MIN_ZOOM, 80);
  self->scale.px_per_day = px_per_day;
  self->scale.first_day = first - (width / px_per_day - span) * 0.3;
  self->scroll_y = 0;
  _attest_timeline_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

guint
attest_timeline_get_n_shown (AttestTimeline *self)
{
  g_return_val_if_fail (ATTEST_IS_TIMELINE (self), 0);

  return self->n_shown;
}

const AttestTimelineLayout *
attest_timeline_get_layout (AttestTimeline *self)
{
  g_return_val_if_fail (ATTEST_IS_TIMELINE (self), NULL);

  if (gtk_widget_get_width (GTK_WIDGET (self)) == 0)
    return NULL;
  return _attest_timeline_ensure_layout (self);
}
