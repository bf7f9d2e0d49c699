/* attest-cell-align-private.h: a list cell's text starts on the side its column reads from.
 *
 * A GtkInscription lays its text out with the direction of the text's first strong letter
 * and aligns it, in a layout that follows that direction, to the widget's start: in an
 * Arabic window a Latin name then starts at the left and an Arabic one at the right, and a
 * column reads from two edges. A cell whose text runs against the widget gets the other
 * xalign, so every name in a column starts at the same edge (the right one in Arabic, the
 * left one in English).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The direction of text's first letter, as the bidi algorithm takes a paragraph's (Pango's
 * own pango_find_base_dir () is deprecated); NONE without letters. */
static inline GtkTextDirection
_attest_text_first_direction (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;
      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
        case G_UNICODE_SCRIPT_SAMARITAN:
        case G_UNICODE_SCRIPT_MANDAIC:
        case G_UNICODE_SCRIPT_ADLAM:
          return GTK_TEXT_DIR_RTL;
        default:
          return GTK_TEXT_DIR_LTR;
        }
    }
  return GTK_TEXT_DIR_NONE;
}

/* The xalign for text in a widget laid out in direction (NONE: the default one): 0 (its
 * start) unless the text's first letter runs the other way, then 1. */
static inline float
_attest_cell_start_xalign (GtkTextDirection  direction,
                           const char       *text)
{
  GtkTextDirection text_direction = _attest_text_first_direction (text);

  if (direction == GTK_TEXT_DIR_NONE)
    direction = gtk_widget_get_default_direction ();
  return text_direction != GTK_TEXT_DIR_NONE && text_direction != direction ? 1.f : 0.f;
}

G_END_DECLS
