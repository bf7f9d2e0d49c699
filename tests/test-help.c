/* test-help.c: F1 and the Help menu item open the user guide, and say so when they cannot.
 *
 * The help viewer is whatever the user's MIME settings name for help: addresses. main ()
 * points XDG_CONFIG_HOME and XDG_DATA_HOME at a temporary directory before GIO reads them:
 * with ATTEST_TEST_HELP_VIEWER=none nothing handles help: (as when Yelp is not installed);
 * otherwise a stand-in viewer, a shell script, writes the address it was given to a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "attest-application.h"
#include "attest-window.h"
#include "gui-test-util.h"

static char *tmp_dir;
static char *viewer_output;

/* One application for the run: a second one could not export its actions on the bus. */
static AttestApplication *
start_application (void)
{
  static AttestApplication *app;
  g_autoptr(GError) error = NULL;

  if (app != NULL)
    return g_object_ref (app);

  /* Its own instance, whatever else runs on the session bus; registering runs startup,
   * which installs the actions and their keys. */
  app = attest_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return g_object_ref (app);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_strcmp0 (item_action, action) == 0)
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (submenu != NULL && menu_has_action (submenu, action))
        return TRUE;
    }
  return FALSE;
}

/* F1 is the help key, and the main menu a user opens has Help. */
static void
test_key_and_menu (void)
{
  g_autoptr(AttestApplication) app = start_application ();
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                 "app.help");
  AttestWindow *window;
  GtkWidget *button;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));
  g_assert_nonnull (accels);
  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));

  window = attest_window_new (app, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  button = find_widget (GTK_WIDGET (window), is_primary_menu_button, NULL);
  g_assert_nonnull (button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)),
                                  "app.help"));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
viewer_was_run (gpointer unused)
{
  return g_file_test (viewer_output, G_FILE_TEST_EXISTS);
}

/* The help viewer is started on Attest's guide. */
static void
test_opens_guide (void)
{
  g_autoptr(AttestApplication) app = start_application ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_assert_true (wait_until (viewer_was_run, NULL));
  /* The script writes the line in one go, but the file may appear before it is flushed. */
  for (int i = 0; i < 100 && (contents == NULL || strchr (contents, '\n') == NULL); i++)
    {
      g_clear_pointer (&contents, g_free);
      g_usleep (20000);
      g_file_get_contents (viewer_output, &contents, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpstr (contents, ==, "help:attest\n");
}

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_is_shown (gpointer heading)
{
  return find_message_dialog (heading) != NULL;
}

/* Without a help viewer, F1 does not do nothing: a dialog says why there is no help. */
static void
test_no_viewer (void)
{
  g_autoptr(AttestApplication) app = start_application ();
  AttestWindow *window = attest_window_new (app, NULL);
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_assert_true (wait_until (dialog_is_shown, (gpointer) "Help Is Not Available"));
  dialog = find_message_dialog ("Help Is Not Available");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Yelp"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

/* Before anything reads the XDG directories: GLib reads them once. */
static gboolean
set_up_help_viewer (void)
{
  const char *viewer = g_getenv ("ATTEST_TEST_HELP_VIEWER");
  gboolean with_viewer = g_strcmp0 (viewer, "none") != 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *data = NULL;
  g_autofree char *mimeapps = NULL;

  tmp_dir = g_dir_make_tmp ("attest-help-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_build_filename (tmp_dir, "config", NULL);
  data = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  mimeapps = g_build_filename (config, "mimeapps.list", NULL);

  if (with_viewer)
    {
      g_autofree char *script = g_build_filename (tmp_dir, "help-viewer", NULL);
      g_autofree char *desktop = g_build_filename (data, "applications",
                                                   "attest-test-help.desktop", NULL);
      g_autofree char *script_text = NULL;
      g_autofree char *desktop_text = NULL;

      viewer_output = g_build_filename (tmp_dir, "viewer-output", NULL);
      script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" > '%s'\n",
                                     viewer_output);
      write_file (script, script_text, 0700);
      desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Help Viewer\n"
                                      "Exec=%s %%u\nMimeType=x-scheme-handler/help;\n"
                                      "NoDisplay=true\n", script);
      write_file (desktop, desktop_text, 0600);
      write_file (mimeapps, "[Default Applications]\n"
                            "x-scheme-handler/help=attest-test-help.desktop\n", 0600);
    }
  else
    {
      /* Yelp, if this machine has it, is not the viewer for this run. */
      write_file (mimeapps, "[Removed Associations]\n"
                            "x-scheme-handler/help=yelp.desktop;\n", 0600);
    }
  return with_viewer;
}

int
main (int   argc,
      char *argv[])
{
  gboolean with_viewer = set_up_help_viewer ();
  int status;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/attest/help/key-and-menu", test_key_and_menu);
  if (with_viewer)
    g_test_add_func ("/attest/help/opens-guide", test_opens_guide);
  else
    g_test_add_func ("/attest/help/no-viewer", test_no_viewer);

  status = g_test_run ();
  remove_dir (tmp_dir);
  return status;
}
