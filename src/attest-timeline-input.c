/* attest-timeline-input.c: how AttestTimeline answers the pointer, touch and keys: zoom
 * (Ctrl+scroll, pinch, + and -), pan (drag, scroll), and choosing an incident (click, Left,
 * Right, Enter). Left and right are on the screen: when time runs right to left, Right
 * goes back in time and dragging to the right shows later days.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-timeline"

#include "config.h"

#include "attest-timeline.h"
#include "attest-timeline-private.h"

/* Actions */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttestTimeline *self = ATTEST_TIMELINE (widget);
  double middle = _attest_timeline_axis_middle (self);
  int i = _attest_timeline_selected_index (self);

  /* Zoom around the selected incident when it is in view, else around the middle. */
  if (i >= 0)
    {
      const graphene_rect_t *rect = &g_array_index (self->layout->marks, AttestTimelineMark,
                                                    i).rect;
      double x = rect->origin.x + rect->size.width / 2;

      if (_attest_timeline_on_axis (self, x))
        middle = x;
    }

  if (g_str_equal (action_name, "timeline.zoom-in"))
    _attest_timeline_zoom_around (self, self->scale.px_per_day * ZOOM_STEP, middle);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    _attest_timeline_zoom_around (self, self->scale.px_per_day / ZOOM_STEP, middle);
  else
    attest_timeline_zoom_to_fit (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _attest_timeline_move_selection (ATTEST_TIMELINE (widget),
                  g_str_equal (action_name, "timeline.next") ? 1 : -1);
}

/* Right and Left move toward that side of the screen: later in time, or earlier when time
 * runs right to left. */
static gboolean
move_visually (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  AttestTimeline *self = ATTEST_TIMELINE (widget);
  int rightward = g_variant_get_int32 (args);

  _attest_timeline_move_selection (self, _attest_timeline_is_rtl (self) ? -rightward : rightward);
  return TRUE;
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AttestTimeline *self = ATTEST_TIMELINE (widget);

  if (_attest_timeline_selected_index (self) < 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  _attest_timeline_emit_activated (self);
}

/* Input */

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  AttestTimeline  *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   AttestTimeline  *self)
{
  int i = _attest_timeline_mark_at (self, x, y);

  if (i < 0)
    return;
  _attest_timeline_select_index (self, i);
  _attest_timeline_emit_activated (self);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AttestTimeline *self)
{
  self->drag_first_day = self->scale.first_day;
  self->drag_scroll_y = self->scroll_y;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                AttestTimeline *self)
{
  /* The day under the pointer follows it. */
  if (_attest_timeline_is_rtl (self))
    dx = -dx;
  self->scale.first_day = self->drag_first_day - dx / self->scale.px_per_day;
  self->scroll_y = self->drag_scroll_y - dy;
  _attest_timeline_clamp_scroll (self);
  _attest_timeline_invalidate (self);
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               AttestTimeline   *self)
{
  self->zoom_begin = self->scale.px_per_day;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       AttestTimeline *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = _attest_timeline_axis_middle (self);
  _attest_timeline_zoom_around (self, self->zoom_begin * scale, x);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AttestTimeline           *self)
{
  GtkEventController *event_controller = GTK_EVENT_CONTROLLER (controller);
  GdkModifierType state = gtk_event_controller_get_current_event_state (event_controller);
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double step = wheel ? 48 : 1;
  g_autoptr(AttestTimelineLayout) unscrolled = NULL;
  /* Sideways scrolling is on the screen; down is forward in time either way. */
  double along = _attest_timeline_is_rtl (self) ? -dx : dx;

  if (state & GDK_CONTROL_MASK)
    {
      /* A wheel click is a step; a touchpad's pixels are a smooth factor. */
      double factor = wheel ? (dy < 0 ? 1.25 : 1 / 1.25) : CLAMP (1 - dy * 0.01, 0.5, 2);

      _attest_timeline_zoom_around (self, self->scale.px_per_day * factor, self->pointer_x);
      return TRUE;
    }

  /* Up and down scroll the lanes when they overflow, else move along the axis. */
  unscrolled = _attest_timeline_compute_layout (self, 0);
  if ((state & GDK_SHIFT_MASK) || unscrolled->height <= gtk_widget_get_height (GTK_WIDGET (self)))
    _attest_timeline_pan_by (self, (along + dy) * step, 0);
  else
    _attest_timeline_pan_by (self, along * step, dy * step);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AttestTimeline           *self)
{
  int hovered = _attest_timeline_mark_at (self, x, y);

  self->pointer_x = x;
  if (hovered != self->hovered)
    {
      self->hovered = hovered;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          AttestTimeline           *self)
{
  if (self->hovered != -1)
    {
      self->hovered = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
add_key (GtkWidgetClass  *widget_class,
         guint            keyval,
         GdkModifierType  mods,
         const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, NULL);
}

void
_attest_timeline_class_init_input (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "timeline.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);

  add_key (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out");
  add_key (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out");
  add_key (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out");
  add_key (widget_class, GDK_KEY_0, 0, "timeline.zoom-fit");
  add_key (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.zoom-fit");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, move_visually, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Right, 0, move_visually, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, move_visually, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, 0, move_visually, "i", -1);
  add_key (widget_class, GDK_KEY_Return, 0, "timeline.activate");
  add_key (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate");
  add_key (widget_class, GDK_KEY_ISO_Enter, 0, "timeline.activate");
  add_key (widget_class, GDK_KEY_space, 0, "timeline.activate");

}

void
_attest_timeline_init_input (AttestTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, motion);
}
