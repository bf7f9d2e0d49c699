/* gui-test-util.h: the project fixture, main loop and widget-tree helpers the GUI tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"
#include "attest-window.h"

G_BEGIN_DECLS

/* A project in a temporary directory, shown in a window: what most GUI tests start from. */
typedef struct
{
  char         *dir;
  char         *path;
  AttestStore  *store;
  char         *article_uuid;
  AttestWindow *window;
} ProjectFixture;

/* A test of the widget tree: does this widget match, given the search's data? */
typedef gboolean (*MatchFunc) (GtkWidget *widget, gconstpointer data);

/* Sets how long wait_until () waits before it gives up (20 s unless a test sets less). */
void       set_wait_seconds           (guint seconds);
/* Makes f->dir from template and, with a file name, an empty project f->store at f->path in it. */
void       project_fixture_create     (ProjectFixture *f, const char *dir_template,
                                       const char *file);
/* Shows f->store (NULL: the welcome page) in f->window at 1280×800 and spins. */
void       project_fixture_present    (ProjectFixture *f);
/* Closes the window, removes the directory and frees what the fixture holds. */
void       project_fixture_tear_down  (ProjectFixture *f, gconstpointer unused);
/* Runs the main loop until nothing is pending, without blocking. */
void       spin                       (void);
/* A GSourceFunc that sets the gboolean user_data points to and removes itself. */
gboolean   on_timeout                 (gpointer user_data);
/* Runs the main loop until check (data) holds or the wait runs out; then spins; check's result. */
gboolean   wait_until                 (gboolean (*check) (gpointer), gpointer data);
/* Runs the main loop for ms milliseconds, whether anything happens or not. */
void       wait_ms                    (guint ms);
/* Lets the widget lay itself out: asserts two frames are drawn within the wait. */
void       wait_for_frames            (GtkWidget *widget);
/* The seed article, $ATTEST_SHARED_DIR/corpus/seed/iraq-isis-corona.txt. */
GFile     *seed_file                  (void);
/* Removes a directory and all below it; follows no symbolic link out of it. */
void       remove_dir                 (const char *path);
/* The first widget in a depth-first search from root (itself included) that matches. */
GtkWidget *find_widget                (GtkWidget *root, MatchFunc match, gconstpointer data);
/* Matches a widget of the GType in data (GSIZE_TO_POINTER). */
gboolean   is_type                    (GtkWidget *widget, gconstpointer type);
/* The first widget of that type from root; asserts there is one. */
GtkWidget *find_by_type               (GtkWidget *root, GType type);
/* Matches a GtkButton whose label is data. */
gboolean   is_button_labelled         (GtkWidget *widget, gconstpointer label);
/* Matches a mapped GtkLabel whose text is data. */
gboolean   is_mapped_label            (GtkWidget *widget, gconstpointer text);
/* Matches a mapped GtkLabel whose text contains data. */
gboolean   is_mapped_label_containing (GtkWidget *widget, gconstpointer text);
/* Matches the mapped primary menu button (the window's main menu); data is unused. */
gboolean   is_primary_menu_button     (GtkWidget *widget, gconstpointer unused);
/* Matches an AdwPreferencesRow (action, combo, expander …) titled data. */
gboolean   is_row_titled              (GtkWidget *widget, gconstpointer title);
/* Matches a mapped AdwStatusPage titled data. */
gboolean   is_mapped_status_page      (GtkWidget *widget, gconstpointer title);
/* The row titled so below root; asserts there is one. */
GtkWidget *find_row                   (GtkWidget *root, const char *title);
/* Clicks the button below root with that label; asserts it is there and sensitive. */
void       click_button               (GtkWidget *root, const char *label);
/* The first visible toplevel window of that type, or NULL. */
gpointer   find_toplevel              (GType type);
/* Pops down every visible popover at or below widget. */
void       close_popovers             (GtkWidget *widget);
/* Closes every popover, then destroys every toplevel window (dialogs a test left open too). */
void       destroy_toplevels          (void);
/* Saves what the widget shows, once drawn, as a PNG at path; asserts it reads back whole. */
void       save_png                   (GtkWidget *widget, const char *path);
/* With ATTEST_SCREENSHOT_DIR set, saves what the widget shows there as name.png. */
void       screenshot                 (GtkWidget *widget, const char *name);

G_END_DECLS
