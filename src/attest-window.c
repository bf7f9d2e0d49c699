/* attest-window.c: a window on one Attest project, or the welcome page without one.
 *
 * The window holds the project, the header bar, toasts, progress of long jobs and undo;
 * the pages (attest-window-pages.c) show the project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-window"

#include "config.h"

#include "attest-window.h"

#include <glib/gi18n.h>

#include "attest-application.h"
#include "attest-reader.h"
#include "attest-recent-list.h"
#include "attest-window-private.h"

G_DEFINE_FINAL_TYPE (AttestWindow, attest_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How much wider than where the view switcher did not fit beside the header's buttons the
 * window grows before they come back (attest_window_update_narrow ()). */
#define NARROW_HYSTERESIS 32

/* Without the schema (a build tree run without GSETTINGS_SCHEMA_DIR) nothing is remembered. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}

static void
attest_window_update_title (AttestWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint n;

  if (self->store == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Attest"));
      return;
    }

  /* The file name as the user reads it, whatever the encoding of the file system. */
  name = g_filename_display_basename (attest_store_get_path (self->store));
  n = attest_articles_page_get_n_articles (self->articles_page);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);
  adw_view_switcher_title_set_title (self->switcher_title, name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);

  /* Translators: the window title for the window manager: project file — Attest */
  title = g_strdup_printf (_("%s — Attest"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
on_n_articles_changed (AttestWindow *self)
{
  attest_window_update_title (self);
}

/* The list re-read after a job is part of the job for whoever waits for the window. */
static void
on_articles_loading_changed (AttestWindow *self)
{
  if (self->n_jobs == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_store_changed (AttestWindow *self)
{
  _attest_window_update_actions (self);
}

/* The menu items and the button say what an undo or redo would do. */
static void
attest_window_update_undo_labels (AttestWindow *self)
{
  const char *undo = self->store != NULL ? attest_store_get_undo_label (self->store) : NULL;
  const char *redo = self->store != NULL ? attest_store_get_redo_label (self->store) : NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  g_autofree char *tooltip = NULL;

  /* Translators: a menu item, e.g. "Undo Mark quote" */
  undo_label = undo != NULL ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: a menu item, e.g. "Redo Mark quote" */
  redo_label = redo != NULL ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));
  g_menu_remove_all (self->undo_section);
  g_menu_append (self->undo_section, undo_label, "win.undo");
  g_menu_append (self->undo_section, redo_label, "win.redo");

  /* Translators: a tooltip, e.g. "Undo Mark quote (Ctrl+Z)" */
  tooltip = undo != NULL ? g_strdup_printf (_("Undo %s (Ctrl+Z)"), undo)
                         : g_strdup (_("Undo (Ctrl+Z)"));
  gtk_widget_set_tooltip_text (self->undo_button, tooltip);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  gboolean undo = g_str_equal (action_name, "win.undo");
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (self->store == NULL)
    return;

  /* A comment still being typed is saved first: it is what the user did last. */
  attest_articles_page_flush (self->articles_page);
  label = g_strdup (undo ? attest_store_get_undo_label (self->store)
                         : attest_store_get_redo_label (self->store));
  if (!(undo ? attest_store_undo (self->store, &error) : attest_store_redo (self->store, &error)))
    {
      if (!g_error_matches (error, ATTEST_ERROR, ATTEST_ERROR_NOTHING_TO_UNDO))
        _attest_window_toast (self, error->message);
      _attest_window_update_actions (self);
      return;
    }

  if (label != NULL)
    /* Translators: a toast, e.g. Undid “Merge sources” */
    message = undo ? g_strdup_printf (_("Undid “%s”"), label)
                   /* Translators: a toast, e.g. Redid “Merge sources” */
                   : g_strdup_printf (_("Redid “%s”"), label);
  else
    message = g_strdup (undo ? _("Undone") : _("Redone"));
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, undo ? _("_Redo") : _("_Undo"));
  adw_toast_set_action_name (toast, undo ? "win.redo" : "win.undo");
  _attest_window_add_toast (self, toast);
  _attest_window_update_actions (self);
}

static void
close_popovers (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    close_popovers (child);
  if (GTK_IS_POPOVER (widget) && gtk_widget_get_visible (widget))
    gtk_popover_popdown (GTK_POPOVER (widget));
}

static gboolean
attest_window_close_request (GtkWindow *window)
{
  AttestWindow *self = ATTEST_WINDOW (window);

  attest_articles_page_flush (self->articles_page);
  _attest_window_save_incident (self);
  /* GTK 4.8 never frees a popover that is open when its window goes. */
  close_popovers (GTK_WIDGET (self));

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      _attest_window_save_state (self);
      g_settings_set_boolean (self->settings, "is-maximized", gtk_window_is_maximized (window));
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (attest_window_parent_class)->close_request (window);
}

static gboolean
update_header_cb (gpointer user_data)
{
  AttestWindow *self = user_data;

  self->header_id = 0;
  _attest_window_update_actions (self);
  return G_SOURCE_REMOVE;
}

static void
attest_window_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  AttestWindow *self = ATTEST_WINDOW (widget);

  GTK_WIDGET_CLASS (attest_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Grown clearly wider than where the switcher did not fit beside the buttons: they may come
   * back, after this layout. */
  if (self->narrow && gtk_widget_get_width (widget) > self->narrow_width + NARROW_HYSTERESIS &&
      self->header_id == 0)
    self->header_id = g_idle_add (update_header_cb, self);
}

static void
attest_window_constructed (GObject *object)
{
  AttestWindow *self = ATTEST_WINDOW (object);

  G_OBJECT_CLASS (attest_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      int width = g_settings_get_int (self->settings, "window-width");
      int height = g_settings_get_int (self->settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "is-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

static void
attest_window_dispose (GObject *object)
{
  AttestWindow *self = ATTEST_WINDOW (object);

  g_cancellable_cancel (self->cancellable);

  close_popovers (GTK_WIDGET (self));
  g_clear_weak_pointer (&self->toast);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_handle_id (&self->header_id, g_source_remove);
  if (self->search_popover != NULL)
    {
      gtk_menu_button_set_popover (self->search_button, NULL);
      self->search_popover = NULL;
    }
  _attest_window_dispose_pages (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (attest_window_parent_class)->dispose (object);
}

static void
attest_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AttestWindow *self = ATTEST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, attest_window_get_busy (self));
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AttestWindow *self = ATTEST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_window_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_window_class_init (AttestWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = attest_window_constructed;
  object_class->dispose = attest_window_dispose;
  object_class->get_property = attest_window_get_property;
  object_class->set_property = attest_window_set_property;

  widget_class->size_allocate = attest_window_size_allocate;

  window_class->close_request = attest_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATTEST_TYPE_RECENT_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, mark_button);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, panel_button);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, search_popover);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, articles_page);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, sources_view);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, codebook_view);
  /* Reached with gtk_widget_get_template_child (): nothing else in the window uses it. */
  gtk_widget_class_bind_template_child_full (widget_class, "recent_list", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  _attest_window_class_init_pages (widget_class);
  _attest_window_class_init_io (widget_class);
  _attest_window_class_init_web (widget_class);
  _attest_window_class_init_share (widget_class);
}

static void
attest_window_init (AttestWindow *self)
{
  self->settings = create_settings ();
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  attest_articles_page_set_settings (self->articles_page, self->settings);
  attest_recent_list_set_settings (
    ATTEST_RECENT_LIST (gtk_widget_get_template_child (GTK_WIDGET (self), ATTEST_TYPE_WINDOW,
                                                       "recent_list")),
    self->settings);
  g_signal_connect_object (self->articles_page, "notify::n-articles",
                           G_CALLBACK (on_n_articles_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->articles_page, "notify::loading",
                           G_CALLBACK (on_articles_loading_changed), self, G_CONNECT_SWAPPED);
  _attest_window_init_pages (self);
  _attest_window_init_io (self);
  _attest_window_restore_state (self);
  attest_window_update_undo_labels (self);
  _attest_window_update_actions (self);
}

AttestWindow *
attest_window_new (AttestApplication *application,
                   AttestStore       *store)
{
  return g_object_new (ATTEST_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

AttestStore *
attest_window_get_store (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), NULL);

  return self->store;
}

void
attest_window_set_store (AttestWindow *self,
                         AttestStore  *store)
{
  g_return_if_fail (ATTEST_IS_WINDOW (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  /* Jobs of the previous project end; their results belong to it. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  close_popovers (GTK_WIDGET (self));

  g_set_object (&self->store, store);
  attest_articles_page_set_store (self->articles_page, store);
  attest_sources_view_set_store (self->sources_view, store);
  attest_codebook_view_set_store (self->codebook_view, store);
  attest_search_popover_set_store (self->search_popover, store);
  _attest_window_set_store_pages (self, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      gtk_stack_set_visible_child_name (self->main_stack, "project");
      _attest_window_restore_page (self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  attest_window_update_title (self);
  _attest_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AttestArticlesPage *
attest_window_get_articles_page (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), NULL);

  return self->articles_page;
}

GtkWidget *
attest_window_get_sources_view (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->sources_view);
}

GtkWidget *
attest_window_get_codebook_view (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->codebook_view);
}

GtkWidget *
attest_window_get_search_popover (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->search_popover);
}

GtkSingleSelection *
attest_window_get_selection (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), NULL);

  return attest_articles_page_get_selection (self->articles_page);
}

AttestReader *
attest_window_get_reader (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), NULL);

  return attest_articles_page_get_reader (self->articles_page);
}

AttestAnnotationPanel *
attest_window_get_panel (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), NULL);

  return attest_articles_page_get_panel (self->articles_page);
}

gboolean
attest_window_get_busy (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), FALSE);

  return self->n_jobs > 0 ||
         (self->articles_page != NULL && attest_articles_page_get_loading (self->articles_page));
}

double
attest_window_get_progress (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), 0.0);

  return self->progress;
}

/* Whether the header leaves out its optional buttons so that the view switcher fits in it.
 * Not simply whether the switcher fits now: hiding the buttons makes room for it, and showing
 * them again because it fits took that room back, over and over, in every frame. So the
 * buttons go when the switcher does not fit beside them, and come back only once the window
 * is clearly wider than it was then; whatever the font, the language or the page. */
static gboolean
attest_window_update_narrow (AttestWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (adw_view_switcher_title_get_title_visible (self->switcher_title))
    {
      /* Without the buttons, or with them: not here, and not narrower. */
      if (!self->narrow || width > self->narrow_width)
        self->narrow_width = width;
      self->narrow = TRUE;
    }
  else if (self->narrow && width > self->narrow_width + NARROW_HYSTERESIS)
    self->narrow = FALSE;

  return self->narrow;
}

void
_attest_window_update_actions (AttestWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_store = self->store != NULL;
  AttestArticle *article = attest_articles_page_get_article (self->articles_page);
  gboolean has_article = has_store && article != NULL;
  gboolean on_articles = g_strcmp0 (_attest_window_get_page (self), "articles") == 0;
  AttestReader *reader = attest_articles_page_get_reader (self->articles_page);
  gboolean narrow;
  AdwFlap *flap;

  gtk_widget_action_set_enabled (widget, "win.import", has_store);
  gtk_widget_action_set_enabled (widget, "win.import-folder", has_store);
  gtk_widget_action_set_enabled (widget, "win.import-url", has_store);
  gtk_widget_action_set_enabled (widget, "win.paste", has_store);
  gtk_widget_action_set_enabled (widget, "win.article-properties", has_article);
  gtk_widget_action_set_enabled (widget, "win.cancel-jobs", self->n_jobs > 0);
  gtk_widget_action_set_enabled (widget, "win.export-json", has_store);
  gtk_widget_action_set_enabled (widget, "win.export-csv", has_store);
  gtk_widget_action_set_enabled (widget, "win.export-csv-table", has_store);
  gtk_widget_action_set_enabled (widget, "win.mark-quote",
                                 has_article && attest_reader_get_selection (reader, NULL, NULL));
  gtk_widget_action_set_enabled (widget, "win.create-annotation", has_article);
  gtk_widget_action_set_enabled (widget, "win.delete-annotation", has_store);
  gtk_widget_action_set_enabled (widget, "win.undo",
                                 has_store && attest_store_can_undo (self->store));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 has_store && attest_store_can_redo (self->store));
  gtk_widget_action_set_enabled (widget, "win.show-page", has_store);
  gtk_widget_action_set_enabled (widget, "win.find", has_store);
  gtk_widget_action_set_enabled (widget, "win.search", has_store);
  gtk_widget_action_set_enabled (widget, "win.open-incident", has_store);
  gtk_widget_action_set_enabled (widget, "win.link-incident",
                                 has_article &&
                                 attest_articles_page_get_selected_annotation (self->articles_page) != NULL);
  gtk_widget_action_set_enabled (widget, "win.suggest", has_article);

  /* What only the Articles page has a use for; in a narrow window the keys and the reader's
   * menu mark text, and a button shows the folded side panel. */
  narrow = attest_window_update_narrow (self);
  /* The switcher squeezed out of the header goes below; not in the middle of the layout
   * that squeezed it (the bar's height is already counted there: GTK warns of a negative
   * one when animations are off). */
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
  gtk_widget_set_visible (self->mark_button, on_articles && !narrow);
  gtk_widget_set_visible (self->details_button, on_articles && !narrow);
  /* The main menu exports too. */
  gtk_widget_set_visible (self->export_button, !narrow);
  flap = attest_articles_page_get_side_flap (self->articles_page);
  gtk_widget_set_visible (self->panel_button, on_articles && adw_flap_get_folded (flap));
  attest_window_update_undo_labels (self);
}

/* A newer message replaces the one shown: toasts would otherwise wait in line, and the
 * outcome of what the user just did would come seconds late. */
void
_attest_window_add_toast (AttestWindow *self,
                          AdwToast     *toast)
{
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Toast titles are markup; messages carry titles, addresses and file names. */
void
_attest_window_toast (AttestWindow *self,
                      const char   *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  _attest_window_add_toast (self, adw_toast_new (escaped));
}

void
_attest_window_toast_with_undo (AttestWindow *self,
                                const char   *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  _attest_window_add_toast (self, toast);
}

static gboolean
pulse_cb (gpointer user_data)
{
  AttestWindow *self = user_data;

  /* Once the job tells how far it is, the bar shows that. */
  if (self->progress > 0.0)
    {
      self->pulse_id = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

void
_attest_window_begin_job (AttestWindow *self)
{
  if (self->n_jobs++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  _attest_window_set_progress (self, 0.0);
  if (self->pulse_id == 0)
    self->pulse_id = g_timeout_add (100, pulse_cb, self);
  _attest_window_update_actions (self);
}

void
_attest_window_end_job (AttestWindow *self)
{
  g_return_if_fail (self->n_jobs > 0);

  if (--self->n_jobs == 0)
    {
      g_clear_handle_id (&self->pulse_id, g_source_remove);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  _attest_window_update_actions (self);
}

void
_attest_window_set_progress (AttestWindow *self,
                             double        progress)
{
  progress = CLAMP (progress, 0.0, 1.0);
  if (progress == self->progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

void
_attest_window_select_article (AttestWindow *self,
                               const char   *uuid)
{
  if (self->store == NULL || uuid == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "articles");
  attest_articles_page_select_article (self->articles_page, uuid);
}

void
_attest_window_reload_articles (AttestWindow *self)
{
  attest_articles_page_reload (self->articles_page);
}
