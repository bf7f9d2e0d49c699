/* screenshots.c: runs Attest on a project and shows each of its views in turn, so that
 * build-aux/screenshots.sh can photograph them.
 *
 * The application is the real one (AttestApplication opening the project as `attest
 * PROJECT` would); this program only adds the codebook the demo needs (attest-cli has no
 * tag command), then goes from view to view through the window's own actions and, once a
 * view has drawn, runs `import` (ImageMagick) on the X screen.
 *
 *   attest-screenshots PROJECT OUTDIR [--article UUID] [--annotation UUID] [--source UUID]
 *                      [--incident UUID] [--suggest-article UUID] [--search WORDS]
 *                      [--tag "Parent/Name|#rrggbb|description|annotation-uuid,…"]…
 *
 * It writes OUTDIR/articles.png, sources.png, codebook.png, incidents.png, timeline.png,
 * search.png and suggestions.png, and prints each name as it goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-screenshots"

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "attest-application.h"
#include "attest-articles-page.h"
#include "attest-codebook-view.h"
#include "attest-core.h"
#include "attest-incidents-view.h"
#include "attest-search-popover.h"
#include "attest-sources-view.h"
#include "attest-suggestions.h"
#include "attest-timeline-view.h"
#include "attest-window.h"
#include "gui-test-util.h"

static char *article_uuid;
static char *annotation_uuid;
static char *source_uuid;
static char *incident_uuid;
static char *suggest_article_uuid;
static char *search_words;
static char **tag_specs;
static const char *out_dir;
static char *codebook_tag_uuid;
static int exit_status = EXIT_SUCCESS;
/* How long a view has to settle before its picture (ATTEST_SHOT_DELAY_MS). */
static guint shot_delay_ms = 600;

static const GOptionEntry entries[] = {
  { "article", 0, 0, G_OPTION_ARG_STRING, &article_uuid, "Article open in the reader", "UUID" },
  { "annotation", 0, 0, G_OPTION_ARG_STRING, &annotation_uuid, "Annotation selected in it",
    "UUID" },
  { "source", 0, 0, G_OPTION_ARG_STRING, &source_uuid, "Source selected in Sources", "UUID" },
  { "incident", 0, 0, G_OPTION_ARG_STRING, &incident_uuid, "Incident selected in Incidents",
    "UUID" },
  { "suggest-article", 0, 0, G_OPTION_ARG_STRING, &suggest_article_uuid,
    "Article to show suggestions for", "UUID" },
  { "search", 0, 0, G_OPTION_ARG_STRING, &search_words, "Words to search the project for",
    "WORDS" },
  { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tag_specs,
    "A tag to add: path|colour|description|annotation uuids (comma-separated)", "SPEC" },
  { NULL }
};

static void
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static void
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  exit_status = EXIT_FAILURE;
}

/* The window's X window, but read from the screen (-screen), so that popovers, which are
 * windows of their own, are in the picture where they cover it. */
static void
shoot (GtkWindow  *window,
       const char *name)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (out_dir, file, NULL);
  g_autofree char *xid = NULL;
  const char *argv[] = { "import", "-window", NULL, "-screen", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!GDK_IS_X11_SURFACE (surface))
    {
      fail ("not an X11 window: run with GDK_BACKEND=x11");
      return;
    }
  xid = g_strdup_printf ("0x%lx", (unsigned long) gdk_x11_surface_get_xid (surface));
  argv[2] = xid;

  wait_ms (shot_delay_ms);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      fail ("import %s: %s", path, error->message);
      return;
    }
  g_print ("%s (%d×%d)\n", path, gdk_surface_get_width (surface),
           gdk_surface_get_height (surface));
}

static void
show_page (AttestWindow *window,
           const char   *page)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page))
    fail ("win.show-page %s is not enabled", page);
  wait_ms (300);
}

static gboolean
article_is_open (gpointer data)
{
  return attest_articles_page_get_article (data) != NULL;
}

static void
shoot_articles (AttestWindow *window)
{
  AttestArticlesPage *page = attest_window_get_articles_page (window);

  show_page (window, "articles");
  if (article_uuid != NULL && !attest_articles_page_select_article (page, article_uuid))
    fail ("no article %s", article_uuid);
  wait_until (article_is_open, page);
  wait_ms (300);
  if (annotation_uuid != NULL && !attest_articles_page_select_annotation (page, annotation_uuid))
    fail ("no annotation %s", annotation_uuid);
  shoot (GTK_WINDOW (window), "articles");
}

static gboolean
has_suggestions (gpointer data)
{
  AttestSuggestions *suggestions = attest_articles_page_get_suggestions (data);

  return suggestions != NULL && attest_suggestions_get_n_items (suggestions) > 0;
}

static void
shoot_suggestions (AttestWindow *window)
{
  AttestArticlesPage *page = attest_window_get_articles_page (window);

  if (suggest_article_uuid == NULL)
    return;
  show_page (window, "articles");
  if (!attest_articles_page_select_article (page, suggest_article_uuid))
    {
      fail ("no article %s", suggest_article_uuid);
      return;
    }
  wait_until (article_is_open, page);
  wait_ms (300);
  if (!gtk_widget_activate_action (GTK_WIDGET (page), "articles.suggest", NULL))
    fail ("articles.suggest is not enabled");
  if (!wait_until (has_suggestions, page))
    {
      fail ("no suggestions for %s", suggest_article_uuid);
      return;
    }
  /* The second suggestion, so the first shows as already passed over. */
  gtk_widget_activate_action (GTK_WIDGET (page), "articles.next-suggestion", NULL);
  shoot (GTK_WINDOW (window), "suggestions");
  gtk_widget_activate_action (GTK_WIDGET (page), "articles.done-suggestions", NULL);
  wait_ms (200);
}

static void
shoot_sources (AttestWindow *window)
{
  AttestSourcesView *view = ATTEST_SOURCES_VIEW (attest_window_get_sources_view (window));

  show_page (window, "sources");
  if (source_uuid != NULL && !attest_sources_view_select_source (view, source_uuid))
    fail ("no source %s", source_uuid);
  shoot (GTK_WINDOW (window), "sources");
}

static void
shoot_codebook (AttestWindow *window)
{
  AttestCodebookView *view = ATTEST_CODEBOOK_VIEW (attest_window_get_codebook_view (window));

  show_page (window, "codebook");
  if (codebook_tag_uuid != NULL && !attest_codebook_view_select_tag (view, codebook_tag_uuid))
    fail ("no tag %s", codebook_tag_uuid);
  shoot (GTK_WINDOW (window), "codebook");
}

static void
shoot_incidents (AttestWindow *window)
{
  GtkWidget *view;

  show_page (window, "incidents");
  view = find_widget (GTK_WIDGET (window), is_type,
                      GSIZE_TO_POINTER (ATTEST_TYPE_INCIDENTS_VIEW));
  if (view == NULL)
    {
      fail ("the window has no incidents view");
      return;
    }
  if (incident_uuid != NULL &&
      !attest_incidents_view_select_incident (ATTEST_INCIDENTS_VIEW (view), incident_uuid))
    fail ("no incident %s", incident_uuid);
  shoot (GTK_WINDOW (window), "incidents");
}

static void
shoot_timeline (AttestWindow *window)
{
  GtkWidget *view;

  show_page (window, "timeline");
  view = find_widget (GTK_WIDGET (window), is_type,
                      GSIZE_TO_POINTER (ATTEST_TYPE_TIMELINE_VIEW));
  if (view == NULL)
    {
      fail ("the window has no timeline view");
      return;
    }
  gtk_widget_activate_action (view, "timeline-view.zoom-fit", NULL);
  shoot (GTK_WINDOW (window), "timeline");
}

static gboolean
search_is_done (gpointer data)
{
  return !attest_search_popover_get_busy (data) &&
         attest_search_popover_get_n_results (data) > 0;
}

static void
shoot_search (AttestWindow *window)
{
  AttestSearchPopover *popover;

  if (search_words == NULL)
    return;
  show_page (window, "articles");
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL))
    {
      fail ("win.search is not enabled");
      return;
    }
  wait_ms (300);
  popover = ATTEST_SEARCH_POPOVER (attest_window_get_search_popover (window));
  attest_search_popover_set_query (popover, search_words);
  if (!wait_until (search_is_done, popover))
    fail ("searching for “%s” found nothing", search_words);
  shoot (GTK_WINDOW (window), "search");
  gtk_popover_popdown (GTK_POPOVER (popover));
  wait_ms (200);
}

static gboolean
shoot_all (gpointer user_data)
{
  GtkApplication *app = user_data;
  AttestWindow *window = ATTEST_WINDOW (gtk_application_get_active_window (app));

  /* Every page once, so that the shots do not wait on first loads. */
  wait_ms (500);
  shoot_articles (window);
  shoot_sources (window);
  shoot_codebook (window);
  shoot_incidents (window);
  shoot_timeline (window);
  shoot_search (window);
  shoot_suggestions (window);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  static gboolean started;

  if (started || !ATTEST_IS_WINDOW (window))
    return;
  started = TRUE;

  /* Xvfb has no compositing manager: what a popover leaves transparent around it (its
   * shadow) would be black on the screen. A hairline border takes the shadow's place. */
  if (!gdk_display_is_composited (gtk_widget_get_display (GTK_WIDGET (window))))
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (css,
                                       "popover.background > contents {"
                                       " box-shadow: 0 0 0 1px alpha(black, 0.14); }",
                                       -1);
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (window)),
                                                  GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  g_timeout_add (500, shoot_all, app);
}

/* "Framing/Security|#3584e4|Quotes about…|uuid,uuid": creates the path's tags as needed. */
static gboolean
add_tag (AttestStore  *store,
         const char   *spec,
         GHashTable   *by_path,
         GError      **error)
{
  g_auto(GStrv) fields = g_strsplit (spec, "|", 4);
  g_auto(GStrv) names = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  const char *parent = NULL;

  if (g_strv_length (fields) != 4)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "bad --tag “%s”", spec);
      return FALSE;
    }
  names = g_strsplit (fields[0], "/", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *uuid;
      gboolean last = names[i + 1] == NULL;

      if (path->len > 0)
        g_string_append_c (path, '/');
      g_string_append (path, names[i]);
      uuid = g_hash_table_lookup (by_path, path->str);
      if (uuid == NULL)
        {
          g_autoptr(AttestTag) tag = attest_store_create_tag (store, names[i], parent,
                                                              last ? fields[1] : NULL,
                                                              last ? fields[2] : NULL, error);
          if (tag == NULL)
            return FALSE;
          uuid = attest_tag_get_uuid (tag);
          g_hash_table_insert (by_path, g_strdup (path->str), g_strdup (uuid));
          uuid = g_hash_table_lookup (by_path, path->str);
        }
      parent = uuid;
    }

  if (codebook_tag_uuid == NULL)
    codebook_tag_uuid = g_strdup (parent);

  if (*fields[3] != '\0')
    {
      g_auto(GStrv) annotations = g_strsplit (fields[3], ",", -1);

      for (guint i = 0; annotations[i] != NULL; i++)
        if (!attest_store_set_annotation_tag (store, annotations[i], parent, TRUE, error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
add_codebook (const char  *project,
              GError     **error)
{
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GHashTable) by_path = NULL;

  if (tag_specs == NULL)
    return TRUE;
  store = attest_store_open (project, error);
  if (store == NULL)
    return FALSE;
  by_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; tag_specs[i] != NULL; i++)
    if (!add_tag (store, tag_specs[i], by_path, error))
      return FALSE;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("PROJECT OUTDIR");
  g_autoptr(AttestApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("ATTEST_LOCALEDIR");
  char *app_argv[3];
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "PROJECT and OUTDIR are needed");
      return 2;
    }
  out_dir = argv[2];
  if (g_getenv ("ATTEST_SHOT_DELAY_MS") != NULL)
    shot_delay_ms = (guint) g_ascii_strtoull (g_getenv ("ATTEST_SHOT_DELAY_MS"), NULL, 10);

  if (!add_codebook (argv[1], &error))
    {
      g_printerr ("adding the codebook to %s: %s\n", argv[1], error->message);
      return EXIT_FAILURE;
    }

  /* The window's size, ATTEST_SHOT_SIZE (WIDTHxHEIGHT, default 1280x800); the settings are
   * in memory (GSETTINGS_BACKEND=memory). */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = NULL;

    if (source != NULL)
      schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
    if (schema != NULL)
      {
        g_autoptr(GSettings) settings = g_settings_new (APP_ID);
        const char *size = g_getenv ("ATTEST_SHOT_SIZE");
        int width = 1280, height = 800;

        if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
          {
            g_printerr ("ATTEST_SHOT_SIZE is WIDTHxHEIGHT, not “%s”\n", size);
            return 2;
          }
        g_settings_set_int (settings, "window-width", width);
        g_settings_set_int (settings, "window-height", height);
      }
  }

  app = attest_application_new ();
  /* A second instance on the same bus must not hand the project to the first. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);

  app_argv[0] = argv[0];
  app_argv[1] = argv[1];
  app_argv[2] = NULL;
  status = g_application_run (G_APPLICATION (app), 2, app_argv);
  return status != 0 ? status : exit_status;
}
