/* attest-window-state.c: what the window puts back as the user left it.
 *
 * The size of each resizable panel (a GtkPaned named in its template: articles-list,
 * articles-side, sources, codebook, incidents) and the incidents' type filter are saved when
 * the window closes and restored when one opens; the window's size and the page shown are
 * kept by attest-window.c and attest-window-pages.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-window-state"

#include "config.h"

#include "attest-window-private.h"

#define PANEL_KEY "panel-positions"
#define TYPE_FILTER_KEY "incidents-type-filter"

static gboolean
has_key (GSettings  *settings,
         const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;
  g_object_get (settings, "settings-schema", &schema, NULL);
  return g_settings_schema_has_key (schema, key);
}

/* Every named GtkPaned under widget, depth first. */
static void
collect_panels (GtkWidget *widget,
                GPtrArray *panels)
{
  if (GTK_IS_PANED (widget) && *gtk_widget_get_name (widget) != '\0'
      && !g_str_equal (gtk_widget_get_name (widget), G_OBJECT_TYPE_NAME (widget)))
    g_ptr_array_add (panels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_panels (child, panels);
}

void
_attest_window_restore_state (AttestWindow *self)
{
  g_autoptr(GPtrArray) panels = g_ptr_array_new ();
  g_autoptr(GVariant) positions = NULL;

  if (has_key (self->settings, PANEL_KEY))
    {
      positions = g_settings_get_value (self->settings, PANEL_KEY);
      collect_panels (GTK_WIDGET (self), panels);
      for (guint i = 0; i < panels->len; i++)
        {
          GtkPaned *paned = g_ptr_array_index (panels, i);
          int position;

          if (g_variant_lookup (positions, gtk_widget_get_name (GTK_WIDGET (paned)), "i",
                                &position) && position > 0)
            gtk_paned_set_position (paned, position);
        }
    }

  if (has_key (self->settings, TYPE_FILTER_KEY) && self->incidents_view != NULL)
    {
      g_autofree char *type = g_settings_get_string (self->settings, TYPE_FILTER_KEY);

      if (*type != '\0')
        attest_incidents_view_set_type_filter (self->incidents_view, type);
    }
}

void
_attest_window_save_state (AttestWindow *self)
{
  g_autoptr(GPtrArray) panels = g_ptr_array_new ();
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;

  if (has_key (self->settings, PANEL_KEY))
    {
      GVariantIter iter;
      const char *name;
      int position;
      g_autoptr(GHashTable) saved = g_hash_table_new (g_str_hash, g_str_equal);

      collect_panels (GTK_WIDGET (self), panels);
      g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{si}"));
      for (guint i = 0; i < panels->len; i++)
        {
          GtkPaned *paned = g_ptr_array_index (panels, i);

          name = gtk_widget_get_name (GTK_WIDGET (paned));
          if (g_hash_table_contains (saved, name))
            continue;
          g_hash_table_add (saved, (gpointer) name);
          g_variant_builder_add (&builder, "{si}", name, gtk_paned_get_position (paned));
        }
      /* Panels this window does not have keep their sizes. */
      old = g_settings_get_value (self->settings, PANEL_KEY);
      g_variant_iter_init (&iter, old);
      while (g_variant_iter_next (&iter, "{&si}", &name, &position))
        if (!g_hash_table_contains (saved, name))
          g_variant_builder_add (&builder, "{si}", name, position);
      g_settings_set_value (self->settings, PANEL_KEY, g_variant_builder_end (&builder));
    }

  if (has_key (self->settings, TYPE_FILTER_KEY) && self->incidents_view != NULL)
    {
      const char *type = attest_incidents_view_get_type_filter (self->incidents_view);

      g_settings_set_string (self->settings, TYPE_FILTER_KEY, type != NULL ? type : "");
    }
}
