/* attest-annotation-panel.c: the side panel listing an article's annotations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-annotation-panel"

#include "config.h"

#include "attest-annotation-panel.h"
#include "attest-tag-swatch.h"

#include <glib/gi18n.h>

struct _AttestAnnotationPanel
{
  GtkWidget                  parent_instance;

  AttestStore               *store;
  guint                      n_annotations;
  char                      *selected_uuid;
  char                      *filter_name;
  AttestAnnotationColorFunc  color_func;
  gpointer                   color_data;
  guint                      scroll_idle_id;

  /* Template widgets */
  GtkWidget                 *box;
  GtkBox                    *filter_box;
  GtkImage                  *filter_swatch;
  GtkLabel                  *filter_label;
  GtkStack                  *stack;
  AdwStatusPage             *empty_page;
  GtkScrolledWindow         *scroller;
  GtkListBox                *list_box;
};

G_DEFINE_FINAL_TYPE (AttestAnnotationPanel, attest_annotation_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  ANNOTATION_ACTIVATED,
  CLEAR_FILTER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
kind_label (AttestAnnotationKind kind)
{
  switch (kind)
    {
    case ATTEST_ANNOTATION_DIRECT:
      return _("Direct quote");
    case ATTEST_ANNOTATION_INDIRECT:
      return _("Indirect quote");
    case ATTEST_ANNOTATION_CLAIM:
      return _("Claim");
    case ATTEST_ANNOTATION_NOTE:
      return _("Note");
    default:
      return _("Annotation");
    }
}

static char *
attest_annotation_panel_dup_who (AttestAnnotationPanel *self,
                                 AttestAnnotation      *annotation)
{
  const char *speaker = attest_annotation_get_speaker_name (annotation);
  const char *speaker_kind = attest_annotation_get_speaker_kind (annotation);
  const char *kind = kind_label (attest_annotation_get_kind (annotation));
  g_autofree char *speaker_kind_label = NULL;

  if (speaker == NULL || *speaker == '\0')
    return g_strdup (kind);

  if (speaker_kind != NULL && self->store != NULL)
    speaker_kind_label = attest_store_get_source_kind_label (self->store, speaker_kind);
  if (speaker_kind_label == NULL && speaker_kind != NULL)
    speaker_kind_label = g_strdup (speaker_kind);

  if (speaker_kind_label != NULL)
    /* Translators: annotation kind · speaker (speaker kind), e.g. "Direct quote · Tahsin
     * al-Khafaji (Official)" */
    return g_strdup_printf (_("%s · %s (%s)"), kind, speaker, speaker_kind_label);
  return g_strdup_printf (_("%s · %s"), kind, speaker);
}

static char *
attest_annotation_panel_dup_subtitle (AttestAnnotationPanel *self,
                                      AttestAnnotation      *annotation)
{
  g_autofree char *who = attest_annotation_panel_dup_who (self, annotation);
  const char *comment = attest_annotation_get_comment (annotation);

  if (comment == NULL || *comment == '\0')
    return g_steal_pointer (&who);
  /* Translators: what the annotation is — the researcher's comment on it */
  return g_strdup_printf (_("%s — %s"), who, comment);
}

static void
draw_bar (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  const GdkRGBA *color = g_object_get_data (G_OBJECT (area), "color");

  if (color == NULL)
    return;
  gdk_cairo_set_source_rgba (cr, color);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

/* The bar beside a row has the colour of its highlight in the reader, made solid. */
static GtkWidget *
attest_annotation_panel_create_bar (AttestAnnotationPanel *self,
                                    AttestAnnotation      *annotation)
{
  GtkWidget *bar = gtk_drawing_area_new ();
  AttestAnnotationKind kind = attest_annotation_get_kind (annotation);
  GdkRGBA color;

  gtk_widget_add_css_class (bar, "annotation-kind-bar");
  gtk_widget_set_size_request (bar, 4, -1);
  if (self->color_func == NULL || !self->color_func (annotation, &color, self->color_data))
    gtk_widget_add_css_class (bar, attest_annotation_kind_to_string (kind));
  else
    {
      color.alpha = MAX (color.alpha, 0.85f);
      g_object_set_data_full (G_OBJECT (bar), "color", gdk_rgba_copy (&color),
                              (GDestroyNotify) gdk_rgba_free);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (bar), draw_bar, NULL, NULL);
    }
  return bar;
}

static GtkWidget *
attest_annotation_panel_create_row (AttestAnnotationPanel *self,
                                    AttestAnnotation      *annotation)
{
  AttestAnnotationKind kind = attest_annotation_get_kind (annotation);
  const char *exact = attest_annotation_get_exact (annotation);
  g_autofree char *isolated = g_strdup_printf ("\u2068%s\u2069", exact != NULL ? exact : "");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = attest_annotation_panel_dup_subtitle (self, annotation);
  GtkWidget *row;
  GtkWidget *button;

  /* The words are isolated (U+2068 … U+2069), so the quotation marks stay around an
   * Arabic or Hebrew quote in a left-to-right list, and the other way round. */
  if (kind == ATTEST_ANNOTATION_DIRECT)
    title = g_strdup_printf (_("“%s”"), isolated);
  else
    title = g_strdup (exact != NULL ? exact : "");

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, exact);
  gtk_widget_add_css_class (row, "annotation-row");

  /* The same colour as the highlight in the reader ties the row to its span. */
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             attest_annotation_panel_create_bar (self, annotation));

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Delete Annotation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Annotation"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.delete-annotation");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                    attest_annotation_get_uuid (annotation));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_object_set_data_full (G_OBJECT (row), "annotation",
                          g_object_ref (annotation), g_object_unref);
  return row;
}

static GtkListBoxRow *
find_row (AttestAnnotationPanel *self,
          const char            *uuid)
{
  if (uuid == NULL)
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AttestAnnotation *annotation = g_object_get_data (G_OBJECT (child), "annotation");

      if (annotation != NULL && g_str_equal (attest_annotation_get_uuid (annotation), uuid))
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

/* Rows made a moment ago have no place yet: the scroll waits for the layout. */
static gboolean
scroll_idle_cb (gpointer user_data)
{
  AttestAnnotationPanel *self = user_data;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;

  self->scroll_idle_id = 0;
  if (row != NULL &&
      gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list_box), &bounds))
    gtk_adjustment_clamp_page (adjustment, bounds.origin.y,
                               bounds.origin.y + bounds.size.height);
  return G_SOURCE_REMOVE;
}

static void
attest_annotation_panel_sync_selection (AttestAnnotationPanel *self)
{
  GtkListBoxRow *row = find_row (self, self->selected_uuid);

  if (row == NULL)
    {
      gtk_list_box_unselect_all (self->list_box);
      return;
    }
  gtk_list_box_select_row (self->list_box, row);
  if (self->scroll_idle_id == 0)
    self->scroll_idle_id = g_timeout_add (50, scroll_idle_cb, self);
}

static void
on_row_activated (GtkListBox            *list_box,
                  GtkListBoxRow         *row,
                  AttestAnnotationPanel *self)
{
  AttestAnnotation *annotation = g_object_get_data (G_OBJECT (row), "annotation");

  if (annotation != NULL)
    g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation);
}

static void
on_clear_filter_clicked (AttestAnnotationPanel *self)
{
  g_signal_emit (self, signals[CLEAR_FILTER], 0);
}

static void
attest_annotation_panel_dispose (GObject *object)
{
  AttestAnnotationPanel *self = ATTEST_ANNOTATION_PANEL (object);

  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_ANNOTATION_PANEL);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_annotation_panel_parent_class)->dispose (object);
}

static void
attest_annotation_panel_finalize (GObject *object)
{
  AttestAnnotationPanel *self = ATTEST_ANNOTATION_PANEL (object);

  g_clear_pointer (&self->selected_uuid, g_free);
  g_clear_pointer (&self->filter_name, g_free);

  G_OBJECT_CLASS (attest_annotation_panel_parent_class)->finalize (object);
}

static void
attest_annotation_panel_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AttestAnnotationPanel *self = ATTEST_ANNOTATION_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_annotation_panel_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AttestAnnotationPanel *self = ATTEST_ANNOTATION_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_annotation_panel_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_annotation_panel_class_init (AttestAnnotationPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_annotation_panel_dispose;
  object_class->finalize = attest_annotation_panel_finalize;
  object_class->get_property = attest_annotation_panel_get_property;
  object_class->set_property = attest_annotation_panel_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATTEST_TYPE_ANNOTATION);
  signals[CLEAR_FILTER] =
    g_signal_new ("clear-filter",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-annotation-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestAnnotationPanel, box);
  gtk_widget_class_bind_template_child (widget_class, AttestAnnotationPanel, filter_box);
  gtk_widget_class_bind_template_child (widget_class, AttestAnnotationPanel, filter_swatch);
  gtk_widget_class_bind_template_child (widget_class, AttestAnnotationPanel, filter_label);
  gtk_widget_class_bind_template_child (widget_class, AttestAnnotationPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, AttestAnnotationPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AttestAnnotationPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, AttestAnnotationPanel, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filter_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attest-annotation-panel");
}

static void
attest_annotation_panel_init (AttestAnnotationPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
attest_annotation_panel_new (void)
{
  return g_object_new (ATTEST_TYPE_ANNOTATION_PANEL, NULL);
}

AttestStore *
attest_annotation_panel_get_store (AttestAnnotationPanel *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION_PANEL (self), NULL);

  return self->store;
}

void
attest_annotation_panel_set_store (AttestAnnotationPanel *self,
                                   AttestStore           *store)
{
  g_return_if_fail (ATTEST_IS_ANNOTATION_PANEL (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
attest_annotation_panel_set_annotations (AttestAnnotationPanel *self,
                                         GPtrArray             *annotations)
{
  GtkWidget *child;

  g_return_if_fail (ATTEST_IS_ANNOTATION_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  self->n_annotations = annotations != NULL ? annotations->len : 0;
  for (guint i = 0; i < self->n_annotations; i++)
    gtk_list_box_append (self->list_box,
                         attest_annotation_panel_create_row (self,
                                                             g_ptr_array_index (annotations, i)));

  gtk_stack_set_visible_child_name (self->stack, self->n_annotations > 0 ? "list" : "empty");
  attest_annotation_panel_sync_selection (self);
}

guint
attest_annotation_panel_get_n_annotations (AttestAnnotationPanel *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION_PANEL (self), 0);

  return self->n_annotations;
}

void
attest_annotation_panel_set_selected (AttestAnnotationPanel *self,
                                      const char            *uuid)
{
  g_return_if_fail (ATTEST_IS_ANNOTATION_PANEL (self));

  if (g_strcmp0 (self->selected_uuid, uuid) != 0)
    {
      g_free (self->selected_uuid);
      self->selected_uuid = g_strdup (uuid);
    }
  attest_annotation_panel_sync_selection (self);
}

const char *
attest_annotation_panel_get_selected (AttestAnnotationPanel *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION_PANEL (self), NULL);

  return self->selected_uuid;
}

void
attest_annotation_panel_set_filter (AttestAnnotationPanel *self,
                                    const char            *tag_name,
                                    const char            *color)
{
  g_autofree char *label = NULL;
  g_autoptr(GdkPaintable) swatch = NULL;

  g_return_if_fail (ATTEST_IS_ANNOTATION_PANEL (self));

  g_free (self->filter_name);
  self->filter_name = g_strdup (tag_name);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_box), tag_name != NULL);
  if (tag_name == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Annotations"));
      adw_status_page_set_description (self->empty_page,
                                       _("Select text in the article and press Q for a quote, "
                                         "C for a claim or N for a note"));
      return;
    }

  /* Translators: the chip above the annotations while a tag filters them */
  label = g_strdup_printf (_("Filtered by “%s”"), tag_name);
  gtk_label_set_text (self->filter_label, label);
  swatch = attest_tag_swatch_new (color, 12, FALSE);
  gtk_image_set_from_paintable (self->filter_swatch, swatch);
  adw_status_page_set_title (self->empty_page, _("No Annotations With This Tag"));
  adw_status_page_set_description (self->empty_page,
                                   _("None of this article’s annotations has the tag or a tag "
                                     "under it"));
}

const char *
attest_annotation_panel_get_filter (AttestAnnotationPanel *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION_PANEL (self), NULL);

  return self->filter_name;
}

void
attest_annotation_panel_set_color_func (AttestAnnotationPanel    *self,
                                        AttestAnnotationColorFunc func,
                                        gpointer                  user_data)
{
  g_return_if_fail (ATTEST_IS_ANNOTATION_PANEL (self));

  self->color_func = func;
  self->color_data = user_data;
}
