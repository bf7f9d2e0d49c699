/* attest-application.c: the Attest application, its app-wide actions and windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-application"

#include "config.h"

#include "attest-application.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "attest-core.h"
#include "attest-preferences-window.h"
#include "attest-recent.h"
#include "attest-window.h"

/* Where the project lives: the About window and the AppStream metadata name the same. */
#define ATTEST_WEBSITE "https://gitlab.gnome.org/World/attest"
#define ATTEST_ISSUES ATTEST_WEBSITE "/-/issues"
#define ATTEST_MIME_TYPE "application/x-attest-project"

struct _AttestApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (AttestApplication, attest_application, ADW_TYPE_APPLICATION)

typedef enum
{
  CHOOSE_NEW,
  CHOOSE_OPEN,
} ChooseMode;

/* The schema may be missing when running from a build tree without GSETTINGS_SCHEMA_DIR:
 * the application still works, it just does not remember. */
static GSettings *
attest_application_create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s not found, settings are not saved", APP_ID);
      return NULL;
    }
  return g_settings_new (APP_ID);
}

static AttestWindow *
attest_application_get_empty_window (AttestApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (ATTEST_IS_WINDOW (active) && attest_window_get_store (ATTEST_WINDOW (active)) == NULL)
    return ATTEST_WINDOW (active);

  return attest_window_new (self, NULL);
}

static void
attest_application_show_error (AttestApplication *self,
                               const char        *heading,
                               const char        *message)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_project_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".attest");
}

/* The window showing the project at path, if one does. */
static AttestWindow *
attest_application_find_window (AttestApplication *self,
                                const char        *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      AttestStore *store;

      if (!ATTEST_IS_WINDOW (l->data))
        continue;
      store = attest_window_get_store (ATTEST_WINDOW (l->data));
      if (store != NULL && g_strcmp0 (attest_store_get_path (store), path) == 0)
        return ATTEST_WINDOW (l->data);
    }
  return NULL;
}

/* The project opened last is reopened on the next start, heads the welcome page's list, and
 * is in the desktop's recent files (GNOME Files, the Shell's search). */
static void
attest_application_remember (AttestApplication *self,
                             GFile             *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) ATTEST_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "attest %f",
    .groups = NULL,
    .is_private = FALSE,
  };

  if (path == NULL)
    return;

  /* Settings hold UTF-8 strings; a file name in another encoding is still a recent file. */
  if (self->settings != NULL && g_utf8_validate (path, -1, NULL))
    {
      g_settings_set_string (self->settings, "last-project", path);
      attest_recent_remember (self->settings, path);
    }
  if (data.app_name == NULL)
    data.app_name = (char *) "Attest";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
attest_application_create_project (AttestApplication *self,
                                   GFile             *chosen)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AttestWindow *window;

  if (is_project_file (chosen))
    {
      file = g_object_ref (chosen);
    }
  else
    {
      g_autofree char *with_suffix = g_strconcat (g_file_peek_path (chosen), ".attest", NULL);
      file = g_file_new_for_path (with_suffix);
    }
  path = g_file_get_path (file);

  /* The file chooser asked before replacing an existing file: a new project starts empty,
   * so the old database and its WAL files go. */
  if (g_file_query_exists (file, NULL))
    {
      const char *suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
          g_autoptr(GFile) f = g_file_new_for_path (p);
          g_autoptr(GError) delete_error = NULL;

          if (!g_file_delete (f, NULL, &delete_error) &&
              !g_error_matches (delete_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            {
              attest_application_show_error (self, _("Could Not Create Project"),
                                             delete_error->message);
              return;
            }
        }
    }

  store = attest_store_create (path, &error);
  if (store == NULL)
    {
      attest_application_show_error (self, _("Could Not Create Project"), error->message);
      return;
    }

  window = attest_application_get_empty_window (self);
  attest_window_set_store (window, store);
  attest_application_remember (self, file);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(AttestApplication) self = user_data;
  ChooseMode mode = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "mode"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL && mode == CHOOSE_NEW)
        attest_application_create_project (self, file);
      else if (file != NULL)
        attest_application_open_project (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
attest_application_choose (AttestApplication *self,
                           ChooseMode         mode)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  if (mode == CHOOSE_NEW)
    native = gtk_file_chooser_native_new (_("New Project"), parent,
                                          GTK_FILE_CHOOSER_ACTION_SAVE,
                                          _("_Create"), _("_Cancel"));
  else
    native = gtk_file_chooser_native_new (_("Open Project"), parent,
                                          GTK_FILE_CHOOSER_ACTION_OPEN,
                                          _("_Open"), _("_Cancel"));

  gtk_file_filter_set_name (filter, _("Attest Projects"));
  gtk_file_filter_add_pattern (filter, "*.attest");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (mode == CHOOSE_NEW)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Untitled.attest"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data (G_OBJECT (native), "mode", GINT_TO_POINTER (mode));
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
new_project_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  attest_application_choose (ATTEST_APPLICATION (user_data), CHOOSE_NEW);
}

static void
open_project_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  attest_application_choose (ATTEST_APPLICATION (user_data), CHOOSE_OPEN);
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  attest_application_open_project (ATTEST_APPLICATION (user_data), file);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AttestApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Attest contributors", NULL };
  /* What Attest's data follows, as a researcher would cite it. */
  const char *models[] = {
    "Armed Conflict Location and Event Data (ACLED) https://acleddata.com",
    "Uppsala Conflict Data Program (UCDP) https://ucdp.uu.se",
    "W3C Web Annotation Data Model https://www.w3.org/TR/annotation-model/",
    "REFI-QDA Standard https://www.qdasoftware.org",
    NULL
  };
  g_autofree char *os = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);
  g_autofree char *debug_info = NULL;
  GtkWidget *about;

  /* What a bug report needs, under Troubleshooting → Debugging Information. */
  debug_info = g_strdup_printf ("Attest %s\n"
                                "GLib %u.%u.%u\n"
                                "GTK %u.%u.%u\n"
                                "libadwaita %u.%u.%u\n"
                                "SQLite %s\n"
                                "Operating system: %s\n",
                                PACKAGE_VERSION,
                                glib_major_version, glib_minor_version, glib_micro_version,
                                gtk_get_major_version (), gtk_get_minor_version (),
                                gtk_get_micro_version (),
                                adw_get_major_version (), adw_get_minor_version (),
                                adw_get_micro_version (),
                                sqlite3_libversion (),
                                os != NULL ? os : "unknown");

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "application-name", _("Attest"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("A research workbench for people who study the news: "
                                      "mark who is quoted and what is claimed, and export it."),
                        "developer-name", _("The Attest contributors"),
                        "developers", developers,
                        "copyright", _("© 2026 The Attest contributors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", ATTEST_WEBSITE,
                        "issue-url", ATTEST_ISSUES,
                        "translator-credits", _("translator-credits"),
                        "debug-info", debug_info,
                        "debug-info-filename", "attest-debug-info.txt",
                        NULL);
  /* Translators: a heading of the About window's acknowledgements */
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("Standards and Data Models"), models);
  adw_about_window_add_link (ADW_ABOUT_WINDOW (about), _("_User Guide"), "help:attest");
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AttestApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Without a help viewer (Yelp) nothing handles help: addresses: say so, rather than
   * leaving F1 silent. */
  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_autofree char *message = NULL;

      g_debug ("Could not show help:attest: %s", error->message);
      message = g_strdup_printf (_("Attest’s user guide is read in the Help application "
                                   "(Yelp), which could not be started: %s"),
                                 error->message);
      attest_application_show_error (self, _("Help Is Not Available"), message);
    }
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AttestApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_show_uri_full (parent, "help:attest", GDK_CURRENT_TIME, NULL, on_help_shown,
                     g_object_ref (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AttestApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->settings == NULL)
    {
      attest_application_show_error (self, _("Preferences Are Not Available"),
                                     _("Attest’s settings schema is not installed, so "
                                       "preferences cannot be kept."));
      return;
    }
  gtk_window_present (GTK_WINDOW (attest_preferences_window_new (parent, self->settings)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing each window lets it save its size before the application goes. */
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (app));
}

static const GActionEntry app_actions[] = {
  { "new-project", new_project_action },
  { "open-project", open_project_action },
  { "open-recent", open_recent_action, "s" },
  { "preferences", preferences_action },
  { "help", help_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
attest_application_startup (GApplication *app)
{
  AttestApplication *self = ATTEST_APPLICATION (app);
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-project", { "<Control>n", NULL } },
    { "app.open-project", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.import-url", { "<Control>l", NULL } },
    { "win.paste", { "<Control><Shift>v", NULL } },
    { "win.article-properties", { "<Alt>Return", "<Alt>KP_Enter", NULL } },
    { "win.export-json", { "<Control>e", NULL } },
    { "win.export-csv", { "<Control><Shift>e", NULL } },
    { "win.mark-quote", { "<Control>m", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.search", { "<Control><Shift>f", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (attest_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  self->settings = attest_application_create_settings ();
}

static void
attest_application_activate (GApplication *app)
{
  AttestApplication *self = ATTEST_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *last = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-project");

  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (last);

      attest_application_open_project (self, file);
      if (gtk_application_get_active_window (GTK_APPLICATION (self)) != NULL)
        return;
    }

  window = GTK_WINDOW (attest_window_new (self, NULL));
  gtk_window_present (window);
}

static void
attest_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    attest_application_open_project (ATTEST_APPLICATION (app), files[i]);
}

static void
attest_application_dispose (GObject *object)
{
  AttestApplication *self = ATTEST_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (attest_application_parent_class)->dispose (object);
}

static void
attest_application_class_init (AttestApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = attest_application_dispose;

  app_class->startup = attest_application_startup;
  app_class->activate = attest_application_activate;
  app_class->open = attest_application_open;
}

static void
attest_application_init (AttestApplication *self)
{
}

AttestApplication *
attest_application_new (void)
{
  return g_object_new (ATTEST_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", ATTEST_RESOURCE_PATH,
                       NULL);
}

void
attest_application_open_project (AttestApplication *self,
                                 GFile             *file)
{
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AttestWindow *window;

  g_return_if_fail (ATTEST_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      attest_application_show_error (self, _("Could Not Open Project"),
                                     _("Only projects on this computer can be opened."));
      return;
    }

  /* A project is open in one window: two would each keep their own undo history. */
  window = attest_application_find_window (self, path);
  if (window != NULL)
    {
      attest_application_remember (self, file);
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  store = attest_store_open (path, &error);
  if (store == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *message = NULL;

      /* Show the welcome page behind the error, so the user is not left with nothing. */
      if (gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL)
        gtk_window_present (GTK_WINDOW (attest_window_new (self, NULL)));
      /* Most of the store's reasons name the file already. */
      if (strstr (error->message, name) != NULL)
        message = g_strdup (error->message);
      else
        /* Translators: a project file's name, then why it could not be opened */
        message = g_strdup_printf (_("“%s” could not be opened: %s"), name, error->message);
      attest_application_show_error (self, _("Could Not Open Project"), message);
      return;
    }

  window = attest_application_get_empty_window (self);
  attest_window_set_store (window, store);
  attest_application_remember (self, file);
  gtk_window_present (GTK_WINDOW (window));
}
