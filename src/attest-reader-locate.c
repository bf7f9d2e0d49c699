/* attest-reader-locate.c: where things are in AttestReader's text: the annotation a click
 * picks (the innermost there, then the others in turn), the place of a span on screen, and
 * word boundaries for widening and narrowing a span.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-reader"

#include "config.h"

#include "attest-reader-private.h"

/* Innermost first: the shortest, then the one that starts later. */
static int
compare_inner_first (gconstpointer a,
                     gconstpointer b)
{
  AttestAnnotation *x = *(AttestAnnotation **) a;
  AttestAnnotation *y = *(AttestAnnotation **) b;
  guint len_x = attest_annotation_get_end (x) - attest_annotation_get_start (x);
  guint len_y = attest_annotation_get_end (y) - attest_annotation_get_start (y);

  if (len_x != len_y)
    return len_x < len_y ? -1 : 1;
  if (attest_annotation_get_start (x) != attest_annotation_get_start (y))
    return attest_annotation_get_start (x) > attest_annotation_get_start (y) ? -1 : 1;
  return g_strcmp0 (attest_annotation_get_uuid (x), attest_annotation_get_uuid (y));
}

static gboolean
click_idle_cb (gpointer user_data)
{
  AttestReader *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  AttestAnnotation *picked = NULL;

  self->click_idle_id = 0;

  /* A drag selected text: that is what the user wanted, not an annotation. */
  if (gtk_text_buffer_get_has_selection (buffer))
    return G_SOURCE_REMOVE;

  if (self->click_offset >= 0)
    picked = attest_reader_pick_annotation (self, self->click_offset);
  g_signal_emit_by_name (self, "annotation-clicked", picked);
  return G_SOURCE_REMOVE;
}

/* The text view handles the click first (a click inside the selection clears it only on
 * release), so the pick waits for an idle moment. The raw events are watched, not a click
 * gesture: the text view claims a press inside its selection for a drag, and a gesture
 * would never hear of the release. */
static gboolean
on_text_event (GtkEventControllerLegacy *controller,
               GdkEvent                 *event,
               AttestReader             *self)
{
  GtkNative *native;
  double x, y, nx, ny, wx, wy;

  if (gdk_event_get_event_type (event) != GDK_BUTTON_RELEASE ||
      gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY ||
      !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;

  native = gtk_widget_get_native (GTK_WIDGET (self->text_view));
  gtk_native_get_surface_transform (native, &nx, &ny);
  if (gtk_widget_translate_coordinates (GTK_WIDGET (native), GTK_WIDGET (self->text_view),
                                        x - nx, y - ny, &wx, &wy))
    attest_reader_click_at (self, wx, wy);
  return GDK_EVENT_PROPAGATE;
}

void
attest_reader_click_at (AttestReader *self,
                        double        x,
                        double        y)
{
  GtkTextIter iter;
  int bx, by;
  int offset;

  g_return_if_fail (ATTEST_IS_READER (self));

  if (self->article == NULL)
    return;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  self->click_offset = -1;
  if (gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    {
      offset = gtk_text_iter_get_offset (&iter) - (int) self->body_offset;
      if (offset >= 0 && (guint) offset < self->body_length)
        self->click_offset = offset;
    }

  g_clear_handle_id (&self->click_idle_id, g_source_remove);
  self->click_idle_id = g_idle_add (click_idle_cb, self);
}

AttestAnnotation *
attest_reader_pick_annotation (AttestReader *self,
                               guint         offset)
{
  g_autoptr(GPtrArray) here = g_ptr_array_new ();
  GdkRGBA unused;

  g_return_val_if_fail (ATTEST_IS_READER (self), NULL);

  if (self->annotations == NULL)
    return NULL;
  for (guint i = 0; i < self->annotations->len; i++)
    {
      AttestAnnotation *annotation = g_ptr_array_index (self->annotations, i);

      if (attest_annotation_get_start (annotation) <= offset &&
          offset < attest_annotation_get_end (annotation) &&
          _attest_reader_annotation_color (self, annotation, &unused))
        g_ptr_array_add (here, annotation);
    }
  if (here->len == 0)
    return NULL;

  g_ptr_array_sort (here, compare_inner_first);
  for (guint i = 0; i < here->len; i++)
    if (g_strcmp0 (attest_annotation_get_uuid (g_ptr_array_index (here, i)),
                   self->selected_uuid) == 0)
      return g_ptr_array_index (here, (i + 1) % here->len);
  return g_ptr_array_index (here, 0);
}

gboolean
attest_reader_get_span_area (AttestReader *self,
                             guint         start,
                             guint         end,
                             GdkRectangle *area)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GdkRectangle location;
  double x, y;
  int wx, wy;

  g_return_val_if_fail (ATTEST_IS_READER (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (self->article == NULL || start >= end || end > self->body_length ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, self->body_offset + end - 1);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->text_view), GTK_WIDGET (self),
                                         wx, wy, &x, &y))
    return FALSE;

  area->x = (int) x;
  area->y = (int) y;
  area->width = MAX (location.width, 1);
  area->height = MAX (location.height, 1);
  return TRUE;
}

guint
attest_reader_find_word (AttestReader   *self,
                         guint           offset,
                         AttestWordMove  move)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  gboolean moved = FALSE;
  int result;

  g_return_val_if_fail (ATTEST_IS_READER (self), offset);

  if (self->article == NULL || offset > self->body_length)
    return offset;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, self->body_offset + offset);
  switch (move)
    {
    case ATTEST_WORD_NEXT_END:
      moved = gtk_text_iter_forward_word_end (&iter);
      break;
    case ATTEST_WORD_PREVIOUS_START:
      moved = gtk_text_iter_backward_word_start (&iter);
      break;
    case ATTEST_WORD_PREVIOUS_END:
      /* The end of the word before the one the offset is in or after. */
      moved = gtk_text_iter_backward_word_start (&iter) &&
              gtk_text_iter_backward_word_start (&iter) &&
              gtk_text_iter_forward_word_end (&iter);
      break;
    case ATTEST_WORD_NEXT_START:
      moved = gtk_text_iter_forward_word_end (&iter) &&
              gtk_text_iter_forward_word_end (&iter) &&
              gtk_text_iter_backward_word_start (&iter);
      break;
    default:
      g_return_val_if_reached (offset);
    }

  result = gtk_text_iter_get_offset (&iter) - (int) self->body_offset;
  if (!moved || result < 0 || (guint) result > self->body_length)
    return offset;
  return (guint) result;
}

gboolean
attest_reader_is_rtl_at (AttestReader *self,
                         guint         offset)
{
  GtkTextIter start, end;
  g_autofree char *paragraph = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  g_return_val_if_fail (ATTEST_IS_READER (self), FALSE);

  if (self->article == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (self->text_view), &start,
                                      self->body_offset + MIN (offset, self->body_length));
  gtk_text_iter_set_line_offset (&start, 0);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  paragraph = gtk_text_iter_get_text (&start, &end);
  /* As the text view lays a paragraph out: by its first strong letter, else in the view's
   * direction (the article's). */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->text_view), paragraph);
  return pango_layout_get_line_readonly (layout, 0)->resolved_dir == PANGO_DIRECTION_RTL;
}

void
_attest_reader_class_init_locate (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_text_event);
}
