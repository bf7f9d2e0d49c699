/* attest-preferences-window.c: Attest's preferences.
 *
 * Every row is bound to a key of the io.attest.Attest schema, so a change is saved as it is
 * made and every window that reads the key follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-preferences-window"

#include "config.h"

#include "attest-preferences-window.h"
#include "attest-core.h"

#include <glib/gi18n.h>

static const char * const colour_keys[] = {
  "highlight-direct", "highlight-indirect", "highlight-claim", "highlight-note",
};

struct _AttestPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwEntryRow          *coder_row;
  AdwComboRow          *default_kind_row;
  AdwPreferencesGroup  *colours_group;
  AdwActionRow         *direct_row;
  AdwActionRow         *indirect_row;
  AdwActionRow         *claim_row;
  AdwActionRow         *note_row;
  GtkColorButton       *direct_button;
  GtkColorButton       *indirect_button;
  GtkColorButton       *claim_button;
  GtkColorButton       *note_button;
};

G_DEFINE_FINAL_TYPE (AttestPreferencesWindow, attest_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_key (AttestPreferencesWindow *self,
         const char              *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->settings == NULL)
    return FALSE;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  return g_settings_schema_has_key (schema, key);
}

static gboolean
kind_from_setting (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  AttestAnnotationKind kind;

  if (!attest_annotation_kind_from_string (g_variant_get_string (variant, NULL), &kind))
    kind = ATTEST_ANNOTATION_DIRECT;
  g_value_set_uint (value, kind);
  return TRUE;
}

static GVariant *
kind_to_setting (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= ATTEST_ANNOTATION_N_KINDS)
    return NULL;
  return g_variant_new_string (attest_annotation_kind_to_string (selected));
}

static gboolean
rgba_from_setting (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, g_variant_get_string (variant, NULL)))
    return FALSE;
  g_value_set_boxed (value, &rgba);
  return TRUE;
}

static GVariant *
rgba_to_setting (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  const GdkRGBA *rgba = g_value_get_boxed (value);
  g_autofree char *text = rgba != NULL ? gdk_rgba_to_string (rgba) : NULL;

  return text != NULL ? g_variant_new_string (text) : NULL;
}

static void
bind_colour (AttestPreferencesWindow *self,
             const char              *key,
             AdwActionRow            *row,
             GtkColorButton          *button)
{
  gboolean present = has_key (self, key);

  gtk_widget_set_visible (GTK_WIDGET (row), present);
  if (present)
    g_settings_bind_with_mapping (self->settings, key, button, "rgba", G_SETTINGS_BIND_DEFAULT,
                                  rgba_from_setting, rgba_to_setting, NULL, NULL);
}

static void
attest_preferences_window_bind (AttestPreferencesWindow *self)
{
  gboolean any_colour = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->coder_row), has_key (self, "coder-name"));
  if (has_key (self, "coder-name"))
    g_settings_bind (self->settings, "coder-name", self->coder_row, "text",
                     G_SETTINGS_BIND_DEFAULT);

  gtk_widget_set_visible (GTK_WIDGET (self->default_kind_row),
                          has_key (self, "default-annotation-kind"));
  if (has_key (self, "default-annotation-kind"))
    g_settings_bind_with_mapping (self->settings, "default-annotation-kind",
                                  self->default_kind_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                  kind_from_setting, kind_to_setting, NULL, NULL);

  bind_colour (self, colour_keys[ATTEST_ANNOTATION_DIRECT], self->direct_row, self->direct_button);
  bind_colour (self, colour_keys[ATTEST_ANNOTATION_INDIRECT], self->indirect_row,
               self->indirect_button);
  bind_colour (self, colour_keys[ATTEST_ANNOTATION_CLAIM], self->claim_row, self->claim_button);
  bind_colour (self, colour_keys[ATTEST_ANNOTATION_NOTE], self->note_row, self->note_button);

  for (guint i = 0; i < G_N_ELEMENTS (colour_keys); i++)
    any_colour |= has_key (self, colour_keys[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->colours_group), any_colour);
}

static void
reset_colours_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AttestPreferencesWindow *self = ATTEST_PREFERENCES_WINDOW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (colour_keys); i++)
    if (has_key (self, colour_keys[i]))
      g_settings_reset (self->settings, colour_keys[i]);
}

static void
attest_preferences_window_constructed (GObject *object)
{
  AttestPreferencesWindow *self = ATTEST_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (attest_preferences_window_parent_class)->constructed (object);

  attest_preferences_window_bind (self);
}

static void
attest_preferences_window_dispose (GObject *object)
{
  AttestPreferencesWindow *self = ATTEST_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (attest_preferences_window_parent_class)->dispose (object);
}

static void
attest_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  AttestPreferencesWindow *self = ATTEST_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  AttestPreferencesWindow *self = ATTEST_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_preferences_window_class_init (AttestPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = attest_preferences_window_constructed;
  object_class->dispose = attest_preferences_window_dispose;
  object_class->get_property = attest_preferences_window_get_property;
  object_class->set_property = attest_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "preferences.reset-colours", NULL,
                                   reset_colours_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestPreferencesWindow, coder_row);
  gtk_widget_class_bind_template_child (widget_class, AttestPreferencesWindow, default_kind_row);
  gtk_widget_class_bind_template_child (widget_class, AttestPreferencesWindow, colours_group);
  gtk_widget_class_bind_template_child (widget_class, AttestPreferencesWindow, direct_row);
  gtk_widget_class_bind_template_child (widget_class, AttestPreferencesWindow, indirect_row);
  gtk_widget_class_bind_template_child (widget_class, AttestPreferencesWindow, claim_row);
  gtk_widget_class_bind_template_child (widget_class, AttestPreferencesWindow, note_row);
  gtk_widget_class_bind_template_child (widget_class, AttestPreferencesWindow, direct_button);
  gtk_widget_class_bind_template_child (widget_class, AttestPreferencesWindow, indirect_button);
  gtk_widget_class_bind_template_child (widget_class, AttestPreferencesWindow, claim_button);
  gtk_widget_class_bind_template_child (widget_class, AttestPreferencesWindow, note_button);
}

static void
attest_preferences_window_init (AttestPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AttestPreferencesWindow *
attest_preferences_window_new (GtkWindow *parent,
                               GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (ATTEST_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}

GSettings *
attest_preferences_window_get_settings (AttestPreferencesWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}
