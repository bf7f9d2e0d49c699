/* test-desktop.c: Attest on the desktop: opening project files as the file manager does,
 * the welcome page's recent projects, what is restored when a window opens again, and the
 * About window.
 *
 * The application is registered once (non-unique, so no bus name is taken) and driven as the
 * desktop drives it: g_application_open () is what `attest FILE` and a double click in GNOME
 * Files end in, g_application_activate () a launch without a file. Settings live in memory
 * (GSETTINGS_BACKEND=memory) and the desktop's recent files in a temporary folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "attest-application.h"
#include "attest-core.h"
#include "attest-incidents-view.h"
#include "attest-recent.h"
#include "attest-recent-list.h"
#include "attest-window.h"
#include "gui-test-util.h"

static AttestApplication *app;
static char *data_home;

typedef struct
{
  char      *dir;
  GSettings *settings;
} Fixture;

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  return find_widget (root, is_named, name);
}

/* The toplevel windows of that type, e.g. the message dialogs on screen. */
static GPtrArray *
toplevels_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        g_ptr_array_add (found, window);
    }
  return found;
}

static guint
n_app_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static AttestWindow *
window_showing (const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      AttestStore *store;

      if (!ATTEST_IS_WINDOW (l->data))
        continue;
      store = attest_window_get_store (l->data);
      if (store != NULL && g_strcmp0 (attest_store_get_path (store), path) == 0)
        return l->data;
    }
  return NULL;
}

static char *
make_project (Fixture    *fixture,
              const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = attest_store_create (path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  spin ();
}

/* The recent-projects setting's paths, most recent first. */
static GStrv
recent_paths (Fixture *fixture)
{
  g_autoptr(GVariant) list = g_settings_get_value (fixture->settings, ATTEST_RECENT_KEY);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GVariantIter iter;
  const char *path;
  gint64 opened;

  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "(&sx)", &path, &opened))
    g_strv_builder_add (builder, path);
  return g_strv_builder_end (builder);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *keys[] = {
    "recent-projects", "last-project", "panel-positions", "incidents-type-filter",
    "visible-page", "window-width", "window-height", "is-maximized",
  };

  fixture->dir = g_dir_make_tmp ("attest-desktop-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new ("io.attest.Attest");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);
  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  destroy_toplevels ();
  remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->settings);
}

/* The list itself, without widgets */

static void
assert_list (GVariant    *list,
             const char **paths)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (list);
  guint n = g_strv_length ((char **) paths);

  g_assert_cmpuint (g_variant_n_children (owned), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const char *path;
      gint64 opened;

      g_variant_get_child (owned, i, "(&sx)", &path, &opened);
      g_assert_cmpstr (path, ==, paths[i]);
    }
}

static void
test_recent_logic (void)
{
  g_autoptr(GVariant) list = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 26, 12, 0, 0);
  g_autoptr(GDateTime) march = g_date_time_new_local (2026, 3, 3, 9, 30, 0);
  g_autoptr(GDateTime) old = g_date_time_new_local (2024, 3, 3, 9, 30, 0);
  const char *home = g_get_home_dir ();
  gint64 t = g_date_time_to_unix (now);
  static const struct
  {
    gint64      ago;
    const char *shown;
  } ages[] = {
    { 0, "Just now" },
    { 59, "Just now" },
    { 60, "1 minute ago" },
    { 3599, "59 minutes ago" },
    { 3600, "1 hour ago" },
    { 86399, "23 hours ago" },
    { 86400, "Yesterday" },
    { 2 * 86400, "2 days ago" },
    { 6 * 86400 + 3600, "6 days ago" },
    { -60, "Just now" },  /* a clock set back */
  };
  static const struct
  {
    const char *path;
    const char *name;
  } names[] = {
    { "/data/Iraq checkpoints.attest", "Iraq checkpoints" },
    { "/data/notes", "notes" },
    { "/data/.attest", ".attest" },
    { "/data/a.attest.attest", "a.attest" },
  };

  /* Opening puts a project first, once; the list keeps the most recent few. */
  list = g_variant_ref_sink (attest_recent_list_add (NULL, "/a.attest", 1, 3));
  assert_list (g_variant_ref (list), (const char *[]) { "/a.attest", NULL });
  g_clear_pointer (&list, g_variant_unref);
  list = g_variant_ref_sink (attest_recent_list_add (NULL, "/a.attest", 1, 3));
  for (const char **p = (const char *[]) { "/b.attest", "/a.attest", "/c.attest", "/d.attest",
                                           "/b.attest", NULL }; *p != NULL; p++)
    {
      GVariant *next = g_variant_ref_sink (attest_recent_list_add (list, *p, 2, 3));

      g_variant_unref (list);
      list = next;
    }
  assert_list (g_variant_ref (list),
               (const char *[]) { "/b.attest", "/d.attest", "/c.attest", NULL });
  assert_list (attest_recent_list_remove (list, "/d.attest"),
               (const char *[]) { "/b.attest", "/c.attest", NULL });
  assert_list (attest_recent_list_remove (list, "/nowhere.attest"),
               (const char *[]) { "/b.attest", "/d.attest", "/c.attest", NULL });

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = attest_recent_dup_name (names[i].path);

      g_assert_cmpstr (name, ==, names[i].name);
    }

  /* The home folder is written "~", as GNOME Files does; only a whole folder name counts. */
  {
    g_autofree char *in_home = g_build_filename (home, "Research", "a.attest", NULL);
    g_autofree char *at_home = g_build_filename (home, "a.attest", NULL);
    g_autofree char *beside = g_strconcat (home, "-old", G_DIR_SEPARATOR_S, "a.attest", NULL);
    g_autofree char *beside_folder = g_strconcat (home, "-old", NULL);
    g_autofree char *folder = attest_recent_dup_folder (in_home);
    g_autofree char *home_folder = attest_recent_dup_folder (at_home);
    g_autofree char *other = attest_recent_dup_folder (beside);
    g_autofree char *elsewhere = attest_recent_dup_folder ("/srv/projects/a.attest");

    g_assert_cmpstr (folder, ==, "~/Research");
    g_assert_cmpstr (home_folder, ==, "~");
    g_assert_cmpstr (other, ==, beside_folder);
    g_assert_cmpstr (elsewhere, ==, "/srv/projects");
  }

  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    {
      g_autofree char *shown = attest_recent_format_age (t - ages[i].ago, t);

      g_assert_cmpstr (shown, ==, ages[i].shown);
    }
  {
    g_autofree char *this_year = attest_recent_format_age (g_date_time_to_unix (march), t);
    g_autofree char *other_year = attest_recent_format_age (g_date_time_to_unix (old), t);

    g_assert_cmpstr (this_year, ==, "3 March");
    g_assert_cmpstr (other_year, ==, "3 March 2024");
  }
}

/* Opening files as the desktop does */

static void
test_open_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *first = make_project (fixture, "Iraq checkpoints.attest");
  g_autofree char *second = make_project (fixture, "Sahel.attest");
  g_autofree char *uri = g_filename_to_uri (first, NULL, NULL);
  g_autofree char *last = NULL;
  g_autoptr(GtkRecentInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) recent = NULL;
  AttestWindow *window;

  /* `attest "Iraq checkpoints.attest"`: a window on the project, titled with its name. */
  open_path (first);
  window = window_showing (first);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)),
                                   "Iraq checkpoints.attest"));
  g_assert_cmpuint (n_app_windows (), ==, 1);

  /* It is the project reopened next time, first of the recent ones, and in the desktop's
   * recent files with its type, so GNOME Files and the Shell offer it too. */
  last = g_settings_get_string (fixture->settings, "last-project");
  g_assert_cmpstr (last, ==, first);
  recent = recent_paths (fixture);
  g_assert_cmpstrv (recent, ((const char *[]) { first, NULL }));
  info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, "application/x-attest-project");

  /* Another project opens in a window of its own... */
  open_path (second);
  g_assert_nonnull (window_showing (second));
  g_assert_cmpuint (n_app_windows (), ==, 2);
  g_clear_pointer (&recent, g_strfreev);
  recent = recent_paths (fixture);
  g_assert_cmpstrv (recent, ((const char *[]) { second, first, NULL }));

  /* ...but a project already open is only brought forward, and first again in the list. */
  open_path (first);
  g_assert_cmpuint (n_app_windows (), ==, 2);
  g_assert_true (window_showing (first) == window);
  g_clear_pointer (&recent, g_strfreev);
  recent = recent_paths (fixture);
  g_assert_cmpstrv (recent, ((const char *[]) { first, second, NULL }));
}

/* A file name in another encoding than UTF-8 (an old disk, an archive from elsewhere) opens;
 * the settings, which hold UTF-8, do not keep it, the desktop's recent files do. */
static void
test_open_legacy_name (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = make_project (fixture, "caf\xe9.attest");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *last = NULL;
  g_auto(GStrv) recent = NULL;

  g_assert_false (g_utf8_validate (path, -1, NULL));
  open_path (path);
  g_assert_nonnull (window_showing (path));
  last = g_settings_get_string (fixture->settings, "last-project");
  g_assert_cmpstr (last, ==, "");
  recent = recent_paths (fixture);
  g_assert_cmpuint (g_strv_length (recent), ==, 0);
  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
}

static void
test_open_bad_file (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *bytes;
    gsize       length;
    const char *reason;
  } cases[] = {
    { "notes.attest", "Remember to call the spokesman.\n", 32, "not an Attest project" },
    { "report.txt", "Remember to call the spokesman.\n", 32, "not an Attest project" },
    /* An SQLite header and then nothing that SQLite can read. */
    { "damaged.attest", "SQLite format 3\0\x10\0\x01\x01\0@  \0\0\0\x01garbage", 36,
      "damaged.attest" },
    { "gone.attest", NULL, 0, "gone.attest" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, cases[i].name, NULL);
      g_autoptr(GPtrArray) dialogs = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) recent = NULL;
      g_autofree char *last = NULL;
      GtkWindow *window;
      const char *body;

      if (cases[i].bytes != NULL)
        {
          g_file_set_contents (path, cases[i].bytes, cases[i].length, &error);
          g_assert_no_error (error);
        }
      g_test_message ("opening %s", cases[i].name);
      open_path (path);

      /* A clear message over the welcome page, never a window on nothing. */
      dialogs = toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG);
      g_assert_cmpuint (dialogs->len, ==, 1);
      g_assert_cmpstr (adw_message_dialog_get_heading (g_ptr_array_index (dialogs, 0)), ==,
                       "Could Not Open Project");
      body = adw_message_dialog_get_body (g_ptr_array_index (dialogs, 0));
      g_test_message ("%s", body);
      g_assert_nonnull (strstr (body, cases[i].reason));
      g_assert_cmpuint (n_app_windows (), ==, 1);
      window = gtk_application_get_active_window (GTK_APPLICATION (app));
      g_assert_true (ATTEST_IS_WINDOW (window));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
      g_assert_null (attest_window_get_store (ATTEST_WINDOW (window)));
      g_assert_true (gtk_window_get_transient_for (g_ptr_array_index (dialogs, 0)) == window);

      /* Nothing remembers a file that is not a project. */
      recent = recent_paths (fixture);
      g_assert_cmpuint (g_strv_length (recent), ==, 0);
      last = g_settings_get_string (fixture->settings, "last-project");
      g_assert_cmpstr (last, ==, "");
      /* A file that was not there is still not there. */
      if (cases[i].bytes == NULL)
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

      destroy_toplevels ();
    }
}

/* The welcome page's list */

static AttestRecentList *
recent_list_of (AttestWindow *window)
{
  GtkWidget *list = find_by_type (GTK_WIDGET (window), ATTEST_TYPE_RECENT_LIST);

  g_assert_nonnull (list);
  return ATTEST_RECENT_LIST (list);
}

static void
test_recent_rows (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *kept = make_project (fixture, "Iraq checkpoints.attest");
  g_autofree char *moved = make_project (fixture, "Moved away.attest");
  g_autofree char *folder = attest_recent_dup_folder (kept);
  g_autofree char *not_found = g_strdup_printf ("Not found in %s", folder);
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) recent = NULL;
  AttestWindow *window;
  AttestRecentList *list;

  /* Nothing opened yet: no list at all, only the two buttons. */
  window = attest_window_new (app, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  list = recent_list_of (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();

  /* Two projects opened, one of them moved away since. */
  open_path (kept);
  open_path (moved);
  g_assert_cmpint (g_unlink (moved), ==, 0);
  destroy_toplevels ();

  window = attest_window_new (app, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (GTK_WIDGET (window));
  list = recent_list_of (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  rows = attest_recent_list_get_rows (list);
  g_assert_cmpuint (rows->len, ==, 2);

  /* Most recent first; the one that is gone says so and cannot be opened. */
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==,
                   "Moved away");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)), ==, not_found);
  g_assert_false (gtk_list_box_row_get_activatable (g_ptr_array_index (rows, 0)));
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (rows, 0), "dim-label"));
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==,
                   "Iraq checkpoints");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 1)), ==, folder);
  g_assert_true (gtk_list_box_row_get_activatable (g_ptr_array_index (rows, 1)));

  if (g_getenv ("ATTEST_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("ATTEST_SCREENSHOT_DIR"),
                                               "welcome-recent.png", NULL);
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      int width = gtk_widget_get_width (GTK_WIDGET (window));
      int height = gtk_widget_get_height (GTK_WIDGET (window));

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_to_node (snapshot);
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      g_assert_true (gdk_texture_save_to_png (texture, png));
    }

  /* Its button takes the missing one off the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "recent.remove", "s", moved));
  spin ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = attest_recent_list_get_rows (list);
  g_assert_cmpuint (rows->len, ==, 1);
  recent = recent_paths (fixture);
  g_assert_cmpstrv (recent, ((const char *[]) { kept, NULL }));

  /* Activating a row opens its project in this window. */
  g_assert_true (gtk_widget_activate (g_ptr_array_index (rows, 0)));
  spin ();
  g_assert_nonnull (attest_window_get_store (window));
  g_assert_cmpstr (attest_store_get_path (attest_window_get_store (window)), ==, kept);
  g_assert_cmpuint (n_app_windows (), ==, 1);
}

/* Launching without a file */

static void
test_launch (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = make_project (fixture, "Last.attest");
  g_autofree char *gone = g_build_filename (fixture->dir, "Gone.attest", NULL);
  g_autoptr(GPtrArray) dialogs = NULL;
  GtkWindow *window;

  /* The project open last comes back. */
  g_settings_set_string (fixture->settings, "last-project", path);
  g_application_activate (G_APPLICATION (app));
  spin ();
  g_assert_cmpuint (n_app_windows (), ==, 1);
  g_assert_nonnull (window_showing (path));
  destroy_toplevels ();

  /* When it is gone: the welcome page, and no error about it. */
  g_settings_set_string (fixture->settings, "last-project", gone);
  g_application_activate (G_APPLICATION (app));
  spin ();
  g_assert_cmpuint (n_app_windows (), ==, 1);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (ATTEST_IS_WINDOW (window));
  g_assert_null (attest_window_get_store (ATTEST_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  dialogs = toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpuint (dialogs->len, ==, 0);

  /* A second launch while it runs brings the window forward rather than opening another. */
  g_application_activate (G_APPLICATION (app));
  spin ();
  g_assert_cmpuint (n_app_windows (), ==, 1);
}

/* What a window puts back */

static void
record_incident (AttestStore *store,
                 const char  *title,
                 const char  *type)
{
  g_autoptr(AttestIncident) incident = NULL;
  g_autoptr(GError) error = NULL;
  AttestIncidentFields fields;

  attest_incident_fields_init (&fields);
  fields.title = title;
  fields.event_type = type;
  fields.date_start = "2020-04-04";
  incident = attest_store_save_incident (store, NULL, &fields, &error);
  g_assert_no_error (error);
}

static GtkDropDown *
type_dropdown_of (GtkWidget *view)
{
  /* The dropdown whose first entry is "All Types". */
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, view);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_DROP_DOWN (widget))
        {
          GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));

          if (GTK_IS_STRING_LIST (model) && g_list_model_get_n_items (model) > 0
              && g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), 0),
                              "All Types"))
            return GTK_DROP_DOWN (widget);
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_assert_not_reached ();
}

static guint
position_of (GtkDropDown *dropdown,
             const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      return i;
  g_assert_not_reached ();
}

static const char *
selected_label (GtkDropDown *dropdown)
{
  return gtk_string_object_get_string (gtk_drop_down_get_selected_item (dropdown));
}

static guint
n_incidents (GtkWidget *view)
{
  return g_list_model_get_n_items (attest_incidents_view_get_model (ATTEST_INCIDENTS_VIEW (view)));
}

static void
assert_only_type (GtkWidget  *view,
                  const char *type)
{
  GListModel *model = attest_incidents_view_get_model (ATTEST_INCIDENTS_VIEW (view));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(AttestIncident) incident = g_list_model_get_item (model, 0);

    g_assert_cmpstr (attest_incident_get_event_type (incident), ==, type);
  }
}

static void
test_state_restored (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = make_project (fixture, "State.attest");
  g_autofree char *other_path = make_project (fixture, "Other.attest");
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(AttestStore) other = NULL;
  g_autoptr(GError) error = NULL;
  AttestWindow *window;
  GtkWidget *view;
  GtkPaned *list_panel;
  GtkPaned *incidents_panel;
  GtkDropDown *types;

  store = attest_store_open (path, &error);
  g_assert_no_error (error);
  record_incident (store, "Ambush at a checkpoint", "Battles");
  record_incident (store, "Protest in Baquba", "Protests");

  window = attest_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (GTK_WIDGET (window));

  /* The user widens the article list, narrows the incidents' table and filters it. */
  list_panel = GTK_PANED (find_named (GTK_WIDGET (window), "articles-list"));
  incidents_panel = GTK_PANED (find_named (GTK_WIDGET (window), "incidents"));
  g_assert_nonnull (list_panel);
  g_assert_nonnull (incidents_panel);
  g_assert_cmpint (gtk_paned_get_position (list_panel), !=, 412);
  gtk_paned_set_position (list_panel, 412);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "incidents"));
  wait_for_frames (GTK_WIDGET (window));
  gtk_paned_set_position (incidents_panel, 530);
  view = find_by_type (GTK_WIDGET (window), ATTEST_TYPE_INCIDENTS_VIEW);
  types = type_dropdown_of (view);
  gtk_drop_down_set_selected (types, position_of (types, "Protests"));
  spin ();
  assert_only_type (view, "Protests");
  wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpint (gtk_paned_get_position (list_panel), ==, 412);
  g_assert_cmpint (gtk_paned_get_position (incidents_panel), ==, 530);

  gtk_window_close (GTK_WINDOW (window));
  spin ();
  g_assert_cmpuint (n_app_windows (), ==, 0);

  /* Next time, as the application opens a project: an empty window, then the project. */
  open_path (path);
  window = window_showing (path);
  g_assert_nonnull (window);
  wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpstr (attest_window_get_page (window), ==, "incidents");
  list_panel = GTK_PANED (find_named (GTK_WIDGET (window), "articles-list"));
  incidents_panel = GTK_PANED (find_named (GTK_WIDGET (window), "incidents"));
  g_assert_cmpint (gtk_paned_get_position (list_panel), ==, 412);
  g_assert_cmpint (gtk_paned_get_position (incidents_panel), ==, 530);
  view = find_by_type (GTK_WIDGET (window), ATTEST_TYPE_INCIDENTS_VIEW);
  types = type_dropdown_of (view);
  g_assert_cmpstr (selected_label (types), ==, "Protests");
  assert_only_type (view, "Protests");

  /* The filter is the window's, not the project's: another project is shown filtered the
   * same way, while its list of event types has that type. */
  other = attest_store_open (other_path, &error);
  g_assert_no_error (error);
  record_incident (other, "Shelling of Mosul", "Explosions/Remote violence");
  record_incident (other, "Sit-in at the governorate", "Protests");
  attest_window_set_store (window, other);
  spin ();
  g_assert_cmpstr (selected_label (types), ==, "Protests");
  assert_only_type (view, "Protests");
  attest_window_set_store (window, store);
  spin ();
  g_assert_cmpstr (selected_label (types), ==, "Protests");
  assert_only_type (view, "Protests");

  /* Choosing all types is remembered as well. */
  gtk_drop_down_set_selected (types, 0);
  spin ();
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  window = attest_window_new (app, store);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  view = find_by_type (GTK_WIDGET (window), ATTEST_TYPE_INCIDENTS_VIEW);
  g_assert_cmpstr (selected_label (type_dropdown_of (view)), ==, "All Types");
  g_assert_cmpuint (n_incidents (view), ==, 2);
}

/* About */

static void
test_about (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) abouts = NULL;
  AdwAboutWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  spin ();
  abouts = toplevels_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpuint (abouts->len, ==, 1);
  about = g_ptr_array_index (abouts, 0);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Attest");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (adw_about_window_get_website (about), "https://"));
  g_assert_true (g_str_has_prefix (adw_about_window_get_issue_url (about), "https://"));
  g_assert_true (g_str_has_prefix (adw_about_window_get_issue_url (about),
                                   adw_about_window_get_website (about)));
  g_assert_nonnull (strstr (adw_about_window_get_copyright (about), "Attest contributors"));
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (adw_about_window_get_developers (about));
  g_assert_cmpstr (adw_about_window_get_translator_credits (about), ==, "translator-credits");
  /* Troubleshooting: the versions a bug report needs. */
  g_assert_true (g_str_has_prefix (adw_about_window_get_debug_info (about),
                                   "Attest " PACKAGE_VERSION "\n"));
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (about), "\nGTK 4."));
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (about), "\nSQLite 3."));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The desktop's recent files go to a folder of this run, never the user's. */
  data_home = g_dir_make_tmp ("attest-desktop-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = attest_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/attest/desktop/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/attest/desktop/recent-logic", test_recent_logic);
  ADD ("open-file", test_open_file);
  ADD ("open-legacy-name", test_open_legacy_name);
  ADD ("open-bad-file", test_open_bad_file);
  ADD ("recent-rows", test_recent_rows);
  ADD ("launch", test_launch);
  ADD ("state-restored", test_state_restored);
  ADD ("about", test_about);

#undef ADD

  status = g_test_run ();
  destroy_toplevels ();
  g_clear_object (&app);
  remove_dir (data_home);
  g_free (data_home);
  return status;
}
