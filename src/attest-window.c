/* attest-window.c: a window on one Attest project, or the welcome page without one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-window"

#include "config.h"

#include "attest-window.h"

#include <glib/gi18n.h>

#include "attest-application.h"
#include "attest-quote-dialog.h"
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

  name = g_path_get_basename (attest_store_get_path (self->store));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the window title for the window manager: project file — Attest */
  title = g_strdup_printf (_("%s — Attest"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
attest_window_load_annotations (AttestWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->annotations, g_ptr_array_unref);

  if (self->store != NULL && self->article != NULL)
    {
      self->annotations = attest_store_list_annotations (self->store,
                                                         attest_article_get_uuid (self->article),
                                                         &error);
      if (self->annotations == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Could not load annotations: %s"),
                                                      error->message);
          _attest_window_toast (self, message);
        }
    }

  attest_reader_set_annotations (self->reader, self->annotations);
  attest_annotation_panel_set_annotations (self->panel, self->annotations);
}

static void
attest_window_show_article (AttestWindow  *self,
                            AttestArticle *item)
{
  g_autoptr(AttestArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  if (item != NULL && self->article != NULL &&
      attest_article_get_id (item) == attest_article_get_id (self->article))
    {
      /* The same article, e.g. after the list reloaded: keep the reader where it is. */
      attest_window_load_annotations (self);
      return;
    }

  if (item != NULL)
    {
      article = attest_store_get_article_by_id (self->store, attest_article_get_id (item),
                                                TRUE, &error);
      if (article == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Could not open the article: %s"),
                                                      error->message);
          _attest_window_toast (self, message);
        }
    }

  g_set_object (&self->article, article);
  attest_reader_set_article (self->reader, self->article);
  attest_window_load_annotations (self);
  _attest_window_update_actions (self);
}

static void
on_selected_item_changed (AttestWindow *self)
{
  if (self->replacing_list)
    return;
  attest_window_show_article (self, gtk_single_selection_get_selected_item (self->selection));
}

/* Runs before the selection model hears of the change: a row redrawn in place (its details
 * changed) would lose its selection, so the reader is told to stay put meanwhile. */
static void
on_articles_changing (AttestWindow *self,
                      guint         position,
                      guint         removed,
                      guint         added)
{
  if (removed == added && self->article != NULL)
    self->replacing_list = TRUE;
}

/* Runs after the selection model: puts the selection back on the open article and shows its
 * new details. */
static void
on_articles_changed (AttestWindow *self,
                     guint         position,
                     guint         removed,
                     guint         added)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));

  if (self->replacing_list)
    {
      guint pos = attest_article_list_find (self->articles, attest_article_get_id (self->article));

      if (pos != G_MAXUINT && pos != gtk_single_selection_get_selected (self->selection))
        gtk_single_selection_set_selected (self->selection, pos);
      self->replacing_list = FALSE;
      _attest_window_article_details_changed (self);
    }

  gtk_stack_set_visible_child_name (self->sidebar_stack, n > 0 ? "list" : "empty");
  attest_window_update_title (self);
}

/* Takes the list. */
void
_attest_window_set_article_list (AttestWindow      *self,
                                 AttestArticleList *articles)
{
  if (self->articles != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->articles, on_articles_changing, self);
      g_signal_handlers_disconnect_by_func (self->articles, on_articles_changed, self);
    }
  g_clear_object (&self->articles);
  self->articles = articles;
  g_signal_connect_object (self->articles, "items-changed",
                           G_CALLBACK (on_articles_changing), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->articles, "items-changed",
                           G_CALLBACK (on_articles_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->articles));
}

static void
on_store_articles_changed (AttestWindow *self)
{
  /* The list reloads itself on the same signal; this is for a worker's import, which the
   * store of this thread did not see. */
  attest_article_list_reload (self->articles);
}

static void
on_store_annotations_changed (AttestWindow *self)
{
  attest_window_load_annotations (self);
}

static void
on_store_changed (AttestWindow *self)
{
  _attest_window_update_actions (self);
}

static void
on_selection_changed (AttestWindow *self)
{
  _attest_window_update_actions (self);
}

static void
on_annotation_activated (AttestWindow     *self,
                         AttestAnnotation *annotation)
{
  attest_reader_select_span (self->reader,
                             attest_annotation_get_start (annotation),
                             attest_annotation_get_end (annotation));
}

static const char *
marked_message (AttestAnnotationKind kind)
{
  switch (kind)
    {
    case ATTEST_ANNOTATION_CLAIM:
      return _("Claim marked");
    case ATTEST_ANNOTATION_NOTE:
      return _("Note added");
    case ATTEST_ANNOTATION_DIRECT:
    case ATTEST_ANNOTATION_INDIRECT:
    default:
      return _("Quote marked");
    }
}

static void
on_quote_dialog_response (AttestQuoteDialog *dialog,
                          const char        *response,
                          AttestWindow      *self)
{
  guint start = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "start"));
  guint end = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "end"));
  AttestAnnotationKind kind;

  if (g_strcmp0 (response, "mark") != 0)
    return;

  kind = attest_quote_dialog_get_kind (dialog);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.create-annotation", "(suuss)",
                              attest_annotation_kind_to_string (kind), start, end,
                              attest_quote_dialog_get_speaker_name (dialog),
                              attest_quote_dialog_get_speaker_kind (dialog));
}

static void
mark_quote_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  g_autofree char *text = NULL;
  AttestQuoteDialog *dialog;
  guint start, end;

  if (self->article == NULL || !attest_reader_get_selection (self->reader, &start, &end))
    {
      _attest_window_toast (self, _("Select text in the article to mark it"));
      return;
    }

  text = attest_text_substring (attest_article_get_body (self->article), start, end);
  dialog = attest_quote_dialog_new (GTK_WINDOW (self), self->store, text != NULL ? text : "");
  g_object_set_data (G_OBJECT (dialog), "start", GUINT_TO_POINTER (start));
  g_object_set_data (G_OBJECT (dialog), "end", GUINT_TO_POINTER (end));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_quote_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  g_autoptr(AttestAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  const char *kind_nick, *speaker, *speaker_kind;
  AttestAnnotationKind kind;
  guint start, end;
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_variant_get (parameter, "(&suu&s&s)", &kind_nick, &start, &end, &speaker, &speaker_kind);

  if (self->store == NULL || self->article == NULL)
    return;
  if (!attest_annotation_kind_from_string (kind_nick, &kind))
    {
      g_warning ("Unknown annotation kind “%s”", kind_nick);
      return;
    }

  /* Finding or creating the speaker and marking the span are one undo step. */
  annotation = attest_store_annotate_span (self->store, attest_article_get_uuid (self->article),
                                           kind, start, end, speaker,
                                           *speaker_kind != '\0' ? speaker_kind : NULL,
                                           NULL, NULL, &error);
  if (annotation == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not mark the text: %s"),
                                                  error != NULL ? error->message : _("unknown error"));
      _attest_window_toast (self, message);
      return;
    }

  /* The highlight shows what was marked; a selection on top of it would hide it. */
  buffer = attest_reader_get_buffer (self->reader);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                      attest_reader_get_body_offset (self->reader) + end);
  gtk_text_buffer_place_cursor (buffer, &iter);

  _attest_window_toast_with_undo (self, marked_message (kind));
}

static void
delete_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!attest_store_delete_annotation (self->store, g_variant_get_string (parameter, NULL), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not delete the annotation: %s"),
                                                  error->message);
      _attest_window_toast (self, message);
      return;
    }
  _attest_window_toast_with_undo (self, _("Annotation deleted"));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->store == NULL)
    return;

  if (g_str_equal (action_name, "win.undo"))
    ok = attest_store_undo (self->store, &error);
  else
    ok = attest_store_redo (self->store, &error);

  if (!ok && !g_error_matches (error, ATTEST_ERROR, ATTEST_ERROR_NOTHING_TO_UNDO))
    _attest_window_toast (self, error->message);
  _attest_window_update_actions (self);
}

static gboolean
attest_window_close_request (GtkWindow *window)
{
  AttestWindow *self = ATTEST_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
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

  g_clear_weak_pointer (&self->toast);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->articles);
  g_clear_object (&self->article);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
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

  g_type_ensure (ATTEST_TYPE_READER);
  g_type_ensure (ATTEST_TYPE_ANNOTATION_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, AttestWindow, panel);
  gtk_widget_class_bind_template_callback (widget_class, on_annotation_activated);

  gtk_widget_class_install_action (widget_class, "win.mark-quote", NULL, mark_quote_action);
  gtk_widget_class_install_action (widget_class, "win.create-annotation", "(suuss)",
                                   create_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", "s",
                                   delete_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  _attest_window_class_init_io (widget_class);
  _attest_window_class_init_web (widget_class);
  _attest_window_class_init_article (widget_class);
}

static void
attest_window_init (AttestWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = create_settings ();
  self->cancellable = g_cancellable_new ();

  g_signal_connect_object (attest_reader_get_buffer (self->reader), "notify::has-selection",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  _attest_window_init_io (self);
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

  gtk_list_view_set_model (self->article_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->articles);
  g_clear_object (&self->article);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_set_object (&self->store, store);

  attest_reader_set_article (self->reader, NULL);
  attest_annotation_panel_set_store (self->panel, store);
  attest_annotation_panel_set_annotations (self->panel, NULL);

  if (store != NULL)
    {
      self->selection = gtk_single_selection_new (NULL);
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      _attest_window_set_article_list (self, attest_article_list_new (store));
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      gtk_list_view_set_model (self->article_view, GTK_SELECTION_MODEL (self->selection));

      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::articles",
                               G_CALLBACK (on_store_articles_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::annotations",
                               G_CALLBACK (on_store_annotations_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::sources",
                               G_CALLBACK (on_store_annotations_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);

      on_articles_changed (self, 0, 0, 0);
      gtk_stack_set_visible_child_name (self->main_stack, "project");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  attest_window_update_title (self);
  _attest_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GtkSingleSelection *
attest_window_get_selection (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), NULL);

  return self->selection;
}

AttestReader *
attest_window_get_reader (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), NULL);

  return self->reader;
}

AttestAnnotationPanel *
attest_window_get_panel (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), NULL);

  return self->panel;
}

gboolean
attest_window_get_busy (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), FALSE);

  return self->n_jobs > 0;
}

double
attest_window_get_progress (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), 0.0);

  return self->progress;
}

void
_attest_window_update_actions (AttestWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_store = self->store != NULL;
  gboolean has_article = has_store && self->article != NULL;

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
                                 has_article && attest_reader_get_selection (self->reader,
                                                                             NULL, NULL));
  gtk_widget_action_set_enabled (widget, "win.create-annotation", has_article);
  gtk_widget_action_set_enabled (widget, "win.delete-annotation", has_store);
  gtk_widget_action_set_enabled (widget, "win.undo",
                                 has_store && attest_store_can_undo (self->store));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 has_store && attest_store_can_redo (self->store));
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
  g_autoptr(AttestArticle) article = NULL;
  guint position;

  if (self->store == NULL || uuid == NULL)
    return;
  article = attest_store_get_article (self->store, uuid, NULL);
  if (article == NULL)
    return;

  position = attest_article_list_find (self->articles, attest_article_get_id (article));
  if (position == G_MAXUINT)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->article_view), "list.scroll-to-item", "u",
                              position);
}
