/* attest-tag-swatch.c: the round patch of colour that stands for a tag.
 *
 * A texture rather than CSS: each tag has its own colour, and a style sheet per colour
 * would grow with the codebook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-tag-swatch"

#include "config.h"

#include "attest-tag-swatch.h"

GdkPaintable *
attest_tag_swatch_new (const char *color,
                       int         size,
                       gboolean    chosen)
{
  /* Drawn at twice the size so it stays sharp on high-resolution screens. */
  const int scale = 2;
  int pixels = size * scale;
  double centre = pixels / 2.0;
  double radius = pixels / 2.0 - scale;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  GdkRGBA rgba = { 0.5, 0.5, 0.5, 0.8 };
  gboolean has_color;
  int stride;

  g_return_val_if_fail (size > 0, NULL);

  has_color = color != NULL && gdk_rgba_parse (&rgba, color);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixels, pixels);
  cr = cairo_create (surface);

  if (chosen)
    {
      /* A ring in the same colour, with a gap, around a smaller patch. */
      cairo_set_source_rgba (cr, rgba.red, rgba.green, rgba.blue, has_color ? rgba.alpha : 0.8);
      cairo_set_line_width (cr, 1.5 * scale);
      cairo_arc (cr, centre, centre, radius - 0.75 * scale, 0, 2 * G_PI);
      cairo_stroke (cr);
      radius -= 3.5 * scale;
    }

  cairo_arc (cr, centre, centre, radius, 0, 2 * G_PI);
  if (has_color)
    {
      cairo_set_source_rgba (cr, rgba.red, rgba.green, rgba.blue, rgba.alpha);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
      cairo_set_line_width (cr, scale);
      cairo_stroke (cr);
    }
  else
    {
      double dash = 2.0 * scale;

      cairo_set_source_rgba (cr, rgba.red, rgba.green, rgba.blue, rgba.alpha);
      cairo_set_line_width (cr, 1.5 * scale);
      cairo_set_dash (cr, &dash, 1, 0);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * pixels);
  texture = gdk_memory_texture_new (pixels, pixels, GDK_MEMORY_DEFAULT, bytes, stride);
  cairo_surface_destroy (surface);

  return GDK_PAINTABLE (texture);
}
