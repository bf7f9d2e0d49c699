/* attest-tag-swatch.h: the round patch of colour that stands for a tag.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* color: "#rrggbb", or NULL for an empty dashed ring. size in logical pixels. chosen draws
 * a ring around it, as a colour picker marks its current colour. */
GdkPaintable *attest_tag_swatch_new (const char *color,
                                     int         size,
                                     gboolean    chosen);

G_END_DECLS
