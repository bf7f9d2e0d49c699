/* attest-recent-list.c: the welcome page's list of recently opened projects.
 *
 * The rows are made again whenever the list changes or comes on screen: there are at most
 * ATTEST_RECENT_MAX of them, and the ages they show ("5 minutes ago") and whether each file
 * is still there are then up to date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-recent-list"

#include "config.h"

#include "attest-recent-list.h"

#include <glib/gi18n.h>

#include "attest-recent.h"

struct _AttestRecentList
{
  AdwBin      parent_instance;

  GSettings  *settings;
  guint       update_id;

  /* Template widgets */
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (AttestRecentList, attest_recent_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row (const char *path,
            gint64      opened,
            gint64      now)
{
  g_autofree char *name = attest_recent_dup_name (path);
  g_autofree char *folder = attest_recent_dup_folder (path);
  g_autofree char *age = attest_recent_format_age (opened, now);
  g_autofree char *tooltip = NULL;
  gboolean found = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_widget_set_tooltip_text (row, path);
  if (found)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", path);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

      label = gtk_label_new (age);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else
    {
      /* Moved, renamed or on a disk that is not there: shown, so the user knows where it
       * was, but it cannot be opened; the button takes it off the list. */
      g_autofree char *subtitle = NULL;

      /* Translators: %s is a folder, e.g. "Not found in ~/Research" */
      subtitle = g_strdup_printf (_("Not found in %s"), folder);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
    }

  button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, _("Remove From Recent Projects"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove From Recent Projects"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "recent.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", path);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);
  return row;
}

static void
attest_recent_list_update (AttestRecentList *self)
{
  g_autoptr(GVariant) list = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkWidget *child;
  GVariantIter iter;
  const char *path;
  gint64 opened;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  if (self->settings != NULL)
    {
      g_autoptr(GSettingsSchema) schema = NULL;

      g_object_get (self->settings, "settings-schema", &schema, NULL);
      if (g_settings_schema_has_key (schema, ATTEST_RECENT_KEY))
        list = g_settings_get_value (self->settings, ATTEST_RECENT_KEY);
    }

  if (list != NULL)
    {
      g_variant_iter_init (&iter, list);
      while (n < ATTEST_RECENT_MAX && g_variant_iter_next (&iter, "(&sx)", &path, &opened))
        {
          gtk_list_box_append (self->list_box,
                               create_row (path, opened, g_date_time_to_unix (now)));
          n++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}

static gboolean
update_cb (gpointer user_data)
{
  AttestRecentList *self = user_data;

  self->update_id = 0;
  attest_recent_list_update (self);
  return G_SOURCE_REMOVE;
}

/* The list changes while one of its rows is being activated (opening a project moves it
 * first): the rows are made again once that is over, not under the row's feet. */
static void
queue_update (AttestRecentList *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add (update_cb, self);
}

static void
on_settings_changed (AttestRecentList *self,
                     const char       *key)
{
  if (g_strcmp0 (key, ATTEST_RECENT_KEY) == 0)
    queue_update (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestRecentList *self = ATTEST_RECENT_LIST (widget);

  attest_recent_forget (self->settings, g_variant_get_string (parameter, NULL));
  /* The settings' change signal updates the rows too, but a backend may report it later. */
  queue_update (self);
}

static void
attest_recent_list_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (attest_recent_list_parent_class)->map (widget);
  attest_recent_list_update (ATTEST_RECENT_LIST (widget));
}

static void
attest_recent_list_dispose (GObject *object)
{
  AttestRecentList *self = ATTEST_RECENT_LIST (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_RECENT_LIST);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (attest_recent_list_parent_class)->dispose (object);
}

static void
attest_recent_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AttestRecentList *self = ATTEST_RECENT_LIST (object);

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
attest_recent_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AttestRecentList *self = ATTEST_RECENT_LIST (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      attest_recent_list_set_settings (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_recent_list_class_init (AttestRecentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_recent_list_dispose;
  object_class->get_property = attest_recent_list_get_property;
  object_class->set_property = attest_recent_list_set_property;

  widget_class->map = attest_recent_list_map;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-recent-list.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestRecentList, list_box);

  gtk_widget_class_install_action (widget_class, "recent.remove", "s", remove_action);
}

static void
attest_recent_list_init (AttestRecentList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
attest_recent_list_new (void)
{
  return g_object_new (ATTEST_TYPE_RECENT_LIST, NULL);
}

GSettings *
attest_recent_list_get_settings (AttestRecentList *self)
{
  g_return_val_if_fail (ATTEST_IS_RECENT_LIST (self), NULL);

  return self->settings;
}

void
attest_recent_list_set_settings (AttestRecentList *self,
                                 GSettings        *settings)
{
  g_return_if_fail (ATTEST_IS_RECENT_LIST (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed), self,
                             G_CONNECT_SWAPPED);
  attest_recent_list_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

GPtrArray *
attest_recent_list_get_rows (AttestRecentList *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  g_return_val_if_fail (ATTEST_IS_RECENT_LIST (self), rows);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (rows, child);
  return rows;
}
