/* attest-articles-page.c: the window's "Articles" page.
 *
 * The page keeps the open article and its annotations, and one selected annotation that
 * the reader (its span selected), the list beside it (its row) and the inspector (its
 * details) all show. The commands that make and change annotations are in
 * attest-articles-page-annotate.c, the article list in attest-articles-page-list.c, which
 * annotations are shown (the tag filter, a search hit) in attest-articles-page-show.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-articles-page"

#include "config.h"

#include "attest-articles-page.h"
#include "attest-articles-page-private.h"

#include <glib/gi18n.h>

#include "attest-article-details.h"

G_DEFINE_FINAL_TYPE (AttestArticlesPage, attest_articles_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_FILTER_TAG,
  PROP_ARTICLE,
  PROP_SELECTED_ANNOTATION,
  PROP_N_ARTICLES,
  PROP_LOADING,
  N_PROPS
};

enum {
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const color_keys[ATTEST_ANNOTATION_N_KINDS] = {
  [ATTEST_ANNOTATION_DIRECT] = "highlight-direct",
  [ATTEST_ANNOTATION_INDIRECT] = "highlight-indirect",
  [ATTEST_ANNOTATION_CLAIM] = "highlight-claim",
  [ATTEST_ANNOTATION_NOTE] = "highlight-note",
};














static gboolean
panel_color (AttestAnnotation *annotation,
             GdkRGBA          *color,
             gpointer          user_data)
{
  AttestArticlesPage *self = user_data;

  return attest_reader_get_annotation_color (self->reader, annotation, color);
}

/* Store and settings */


static void
on_store_annotations_changed (AttestArticlesPage *self)
{
  _attest_articles_page_load_annotations (self);
}

static void
on_store_changed (AttestArticlesPage *self)
{
  _attest_articles_page_update_actions (self);
}

static void
attest_articles_page_load_colors (AttestArticlesPage *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->settings == NULL)
    return;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  for (guint i = 0; i < ATTEST_ANNOTATION_N_KINDS; i++)
    {
      g_autofree char *value = NULL;
      GdkRGBA color;

      if (!g_settings_schema_has_key (schema, color_keys[i]))
        continue;
      value = g_settings_get_string (self->settings, color_keys[i]);
      if (gdk_rgba_parse (&color, value))
        attest_reader_set_kind_color (self->reader, i, &color);
      else
        g_debug ("“%s” in %s is not a colour", value, color_keys[i]);
    }
}

static void
on_settings_changed (AttestArticlesPage *self,
                     const char         *key)
{
  if (!g_str_has_prefix (key, "highlight-"))
    return;
  attest_articles_page_load_colors (self);
  /* The bars beside the rows follow. */
  attest_annotation_panel_set_annotations (self->panel, self->shown);
}

/* Selection: the reader, the list and the inspector show one annotation */

static void
on_annotation_clicked (AttestArticlesPage *self,
                       AttestAnnotation   *annotation)
{
  _attest_articles_page_select (self, annotation);
}

static void
on_annotation_activated (AttestArticlesPage *self,
                         AttestAnnotation   *annotation)
{
  _attest_articles_page_select (self, annotation);
  gtk_widget_grab_focus (GTK_WIDGET (self->reader));
}

static void
on_clear_filter (AttestArticlesPage *self)
{
  attest_articles_page_set_filter_tag (self, NULL);
}

/* Text the user selects that is not the selected annotation's unselects it: the keys that
 * act on "the selected annotation" must not act on one the user no longer sees. */
static void
on_mark_set (AttestArticlesPage *self,
             GtkTextIter        *location,
             GtkTextMark        *mark)
{
  GtkTextBuffer *buffer = attest_reader_get_buffer (self->reader);
  guint start, end;

  if (mark != gtk_text_buffer_get_insert (buffer) &&
      mark != gtk_text_buffer_get_selection_bound (buffer))
    return;
  if (!self->selecting && self->selected != NULL &&
      attest_reader_get_selection (self->reader, &start, &end) &&
      (start != attest_annotation_get_start (self->selected) ||
       end != attest_annotation_get_end (self->selected)))
    _attest_articles_page_select (self, NULL);
  else if (mark == gtk_text_buffer_get_insert (buffer))
    /* Tab goes to the annotation after the cursor. */
    _attest_articles_page_update_actions (self);
}

static void
on_buffer_selection_changed (AttestArticlesPage *self)
{
  _attest_articles_page_update_actions (self);
}

/* Commands */

static void
on_details_saved (AttestArticlesPage *self)
{
  _attest_articles_page_toast (self, _("Article details changed"), TRUE);
}

static void
properties_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AttestArticleDetails *details;

  if (self->store == NULL || self->article == NULL)
    return;

  details = attest_article_details_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->store, self->article);
  g_signal_connect_object (details, "saved", G_CALLBACK (on_details_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (details));
}

static void
clear_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  attest_articles_page_set_filter_tag (ATTEST_ARTICLES_PAGE (widget), NULL);
}

/* GtkWidget: the paned fills the page; the speaker popover, a child of the page too, is
 * placed again whenever the page is, or it loses its place (and X11 its surface). */

static void
attest_articles_page_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->paned), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
attest_articles_page_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);

  gtk_widget_allocate (GTK_WIDGET (self->paned), width, height, baseline, NULL);
  if (self->speaker_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->speaker_popover));
}

/* GObject */

static void
attest_articles_page_dispose (GObject *object)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (object);

  /* GTK 4.8 never frees a popover that is open when its window goes. */
  if (self->speaker_popover != NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->speaker_popover));
      gtk_widget_unparent (GTK_WIDGET (self->speaker_popover));
      self->speaker_popover = NULL;
    }
  if (self->inspector != NULL)
    attest_inspector_flush (self->inspector);
  g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
  g_clear_handle_id (&self->open_idle_id, g_source_remove);
  g_clear_pointer (&self->open_after_reload, g_free);
  g_clear_pointer (&self->suggestions, attest_suggestions_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_ARTICLES_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->articles);
  g_clear_object (&self->article);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (attest_articles_page_parent_class)->dispose (object);
}

static void
attest_articles_page_finalize (GObject *object)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (object);

  g_clear_pointer (&self->filter_tag, g_free);
  g_clear_pointer (&self->pending_uuid, g_free);

  G_OBJECT_CLASS (attest_articles_page_parent_class)->finalize (object);
}

static void
attest_articles_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_FILTER_TAG:
      g_value_set_string (value, self->filter_tag);
      break;

    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_SELECTED_ANNOTATION:
      g_value_set_object (value, self->selected);
      break;

    case PROP_N_ARTICLES:
      g_value_set_uint (value, attest_articles_page_get_n_articles (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, attest_articles_page_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_articles_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_articles_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_SETTINGS:
      attest_articles_page_set_settings (self, g_value_get_object (value));
      break;

    case PROP_FILTER_TAG:
      attest_articles_page_set_filter_tag (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_articles_page_class_init (AttestArticlesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_articles_page_dispose;
  object_class->finalize = attest_articles_page_finalize;
  object_class->get_property = attest_articles_page_get_property;
  object_class->set_property = attest_articles_page_set_property;
  widget_class->measure = attest_articles_page_measure;
  widget_class->size_allocate = attest_articles_page_size_allocate;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILTER_TAG] =
    g_param_spec_string ("filter-tag", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         ATTEST_TYPE_ARTICLE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_ANNOTATION] =
    g_param_spec_object ("selected-annotation", NULL, NULL,
                         ATTEST_TYPE_ANNOTATION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ARTICLES] =
    g_param_spec_uint ("n-articles", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "articles.properties", NULL, properties_action);
  gtk_widget_class_install_action (widget_class, "articles.clear-filter", NULL,
                                   clear_filter_action);

  g_type_ensure (ATTEST_TYPE_READER);
  g_type_ensure (ATTEST_TYPE_ANNOTATION_PANEL);
  g_type_ensure (ATTEST_TYPE_INSPECTOR);
  g_type_ensure (ATTEST_TYPE_SPEAKER_POPOVER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-articles-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestArticlesPage, paned);
  gtk_widget_class_bind_template_child (widget_class, AttestArticlesPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, AttestArticlesPage, article_view);
  gtk_widget_class_bind_template_child (widget_class, AttestArticlesPage, side_flap);
  gtk_widget_class_bind_template_child (widget_class, AttestArticlesPage, reader);
  gtk_widget_class_bind_template_child (widget_class, AttestArticlesPage, panel);
  gtk_widget_class_bind_template_child (widget_class, AttestArticlesPage, incidents_box);
  gtk_widget_class_bind_template_child (widget_class, AttestArticlesPage, inspector);
  gtk_widget_class_bind_template_child (widget_class, AttestArticlesPage, speaker_popover);
  _attest_articles_page_class_init_list (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_annotation_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_annotation_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filter);
  _attest_articles_page_class_init_annotate (widget_class);
  _attest_articles_page_class_init_suggest (widget_class);
  gtk_widget_class_bind_template_child (widget_class, AttestArticlesPage, suggestion_bar);
  gtk_widget_class_bind_template_child (widget_class, AttestArticlesPage, suggestion_label);

  gtk_widget_class_set_css_name (widget_class, "attest-articles-page");
}

static void
attest_articles_page_init (AttestArticlesPage *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The speaker popover points at the text it is about, anywhere over the page. */
  gtk_widget_set_parent (GTK_WIDGET (self->speaker_popover), GTK_WIDGET (self));
  attest_annotation_panel_set_color_func (self->panel, panel_color, self);

  buffer = attest_reader_get_buffer (self->reader);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (on_mark_set), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "notify::has-selection",
                           G_CALLBACK (on_buffer_selection_changed), self, G_CONNECT_SWAPPED);
  _attest_articles_page_update_actions (self);
}

/* Shared with attest-articles-page-annotate.c */

void
_attest_articles_page_toast (AttestArticlesPage *self,
                             const char         *message,
                             gboolean            undoable)
{
  g_signal_emit (self, signals[TOAST], 0, message, undoable);
}

AttestAnnotation *
_attest_articles_page_find (AttestArticlesPage *self,
                            const char         *uuid)
{
  if (self->shown == NULL || uuid == NULL)
    return NULL;
  for (guint i = 0; i < self->shown->len; i++)
    {
      AttestAnnotation *annotation = g_ptr_array_index (self->shown, i);

      if (g_str_equal (attest_annotation_get_uuid (annotation), uuid))
        return annotation;
    }
  return NULL;
}

void
_attest_articles_page_select (AttestArticlesPage *self,
                              AttestAnnotation   *annotation)
{
  gboolean changed = self->selected != annotation;

  g_set_object (&self->selected, annotation);
  self->selecting = TRUE;
  attest_reader_set_selected_annotation (self->reader, annotation);
  self->selecting = FALSE;
  attest_annotation_panel_set_selected (self->panel,
                                        annotation != NULL ? attest_annotation_get_uuid (annotation)
                                                           : NULL);
  attest_inspector_set_annotation (self->inspector, annotation);
  /* The details take the lower half of the side panel only while there is one to show. */
  gtk_widget_set_visible (GTK_WIDGET (self->inspector), annotation != NULL);
  _attest_articles_page_update_actions (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ANNOTATION]);
}

void
_attest_articles_page_update_actions (AttestArticlesPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_article = self->store != NULL && self->article != NULL;

  gtk_widget_action_set_enabled (widget, "articles.properties", has_article);
  gtk_widget_action_set_enabled (widget, "articles.clear-filter", self->filter_tag != NULL);
  _attest_articles_page_update_annotate (self);
  _attest_articles_page_update_suggest (self);
}

char *
_attest_articles_page_dup_coder (AttestArticlesPage *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  char *coder;

  if (self->settings == NULL)
    return NULL;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (!g_settings_schema_has_key (schema, "coder-name"))
    return NULL;
  coder = g_strstrip (g_settings_get_string (self->settings, "coder-name"));
  if (*coder == '\0')
    g_clear_pointer (&coder, g_free);
  return coder;
}

AttestAnnotationKind
_attest_articles_page_default_kind (AttestArticlesPage *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *nick = NULL;
  AttestAnnotationKind kind;

  if (self->settings == NULL)
    return ATTEST_ANNOTATION_DIRECT;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (!g_settings_schema_has_key (schema, "default-annotation-kind"))
    return ATTEST_ANNOTATION_DIRECT;
  nick = g_settings_get_string (self->settings, "default-annotation-kind");
  if (!attest_annotation_kind_from_string (nick, &kind))
    kind = ATTEST_ANNOTATION_DIRECT;
  return kind;
}

/* Public API */

GtkWidget *
attest_articles_page_new (void)
{
  return g_object_new (ATTEST_TYPE_ARTICLES_PAGE, NULL);
}

AttestStore *
attest_articles_page_get_store (AttestArticlesPage *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), NULL);

  return self->store;
}

void
attest_articles_page_set_store (AttestArticlesPage *self,
                                AttestStore        *store)
{
  g_return_if_fail (ATTEST_IS_ARTICLES_PAGE (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  attest_inspector_flush (self->inspector);
  _attest_articles_page_select (self, NULL);
  gtk_popover_popdown (GTK_POPOVER (self->speaker_popover));
  g_clear_pointer (&self->pending_uuid, g_free);

  _attest_articles_page_clear_list (self);
  g_clear_object (&self->article);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_set_object (&self->store, store);

  attest_reader_set_article (self->reader, NULL);
  attest_annotation_panel_set_store (self->panel, store);
  attest_annotation_panel_set_annotations (self->panel, NULL);
  attest_inspector_set_store (self->inspector, store);
  attest_speaker_popover_set_store (self->speaker_popover, store);

  if (store != NULL)
    {
      _attest_articles_page_init_list (self, store);
      g_signal_connect_object (store, "changed::annotations",
                               G_CALLBACK (on_store_annotations_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::sources",
                               G_CALLBACK (on_store_annotations_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::tags",
                               G_CALLBACK (on_store_annotations_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
    }

  _attest_articles_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ARTICLES]);
}

GSettings *
attest_articles_page_get_settings (AttestArticlesPage *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), NULL);

  return self->settings;
}

void
attest_articles_page_set_settings (AttestArticlesPage *self,
                                   GSettings          *settings)
{
  g_return_if_fail (ATTEST_IS_ARTICLES_PAGE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    {
      g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed), self,
                               G_CONNECT_SWAPPED);
      attest_articles_page_load_colors (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

const char *
attest_articles_page_get_filter_tag (AttestArticlesPage *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), NULL);

  return self->filter_tag;
}

void
attest_articles_page_set_filter_tag (AttestArticlesPage *self,
                                     const char         *uuid)
{
  g_return_if_fail (ATTEST_IS_ARTICLES_PAGE (self));

  if (uuid != NULL && *uuid == '\0')
    uuid = NULL;
  if (g_strcmp0 (self->filter_tag, uuid) == 0)
    return;

  g_free (self->filter_tag);
  self->filter_tag = g_strdup (uuid);
  _attest_articles_page_show_annotations (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER_TAG]);
}

GtkSingleSelection *
attest_articles_page_get_selection (AttestArticlesPage *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), NULL);

  return self->selection;
}


AttestArticle *
attest_articles_page_get_article (AttestArticlesPage *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), NULL);

  return self->article;
}

AttestAnnotation *
attest_articles_page_get_selected_annotation (AttestArticlesPage *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), NULL);

  return self->selected;
}

AttestReader *
attest_articles_page_get_reader (AttestArticlesPage *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), NULL);

  return self->reader;
}

AttestAnnotationPanel *
attest_articles_page_get_panel (AttestArticlesPage *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), NULL);

  return self->panel;
}

AttestInspector *
attest_articles_page_get_inspector (AttestArticlesPage *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), NULL);

  return self->inspector;
}

AdwFlap *
attest_articles_page_get_side_flap (AttestArticlesPage *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), NULL);

  return self->side_flap;
}

GtkBox *
attest_articles_page_get_incidents_box (AttestArticlesPage *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), NULL);

  return self->incidents_box;
}



gboolean
attest_articles_page_select_annotation (AttestArticlesPage *self,
                                        const char         *uuid)
{
  AttestAnnotation *annotation;

  g_return_val_if_fail (ATTEST_IS_ARTICLES_PAGE (self), FALSE);

  /* An annotation the tag filter hides is shown by dropping the filter. */
  if (_attest_articles_page_find (self, uuid) == NULL && self->filter_tag != NULL)
    attest_articles_page_set_filter_tag (self, NULL);
  annotation = _attest_articles_page_find (self, uuid);
  if (annotation == NULL)
    return FALSE;
  _attest_articles_page_select (self, annotation);
  return TRUE;
}



void
attest_articles_page_flush (AttestArticlesPage *self)
{
  g_return_if_fail (ATTEST_IS_ARTICLES_PAGE (self));

  attest_inspector_flush (self->inspector);
}

void
_attest_articles_page_notify_loading (AttestArticlesPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}
