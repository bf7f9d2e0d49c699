/* attest-annotation-panel.c: the side panel listing an article's annotations.
 *
 * A GtkListView over a GListStore: only rows near the view have widgets, so an article with
 * 2,000 annotations costs the panel a few screenfuls of rows, not 2,000 (a GtkListBox
 * built them all: 16 s for that article). GTK 4.8's list view keeps up to 200 rows
 * whatever it shows, so the store is filled a page at a time as the list is scrolled.
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
  /* All the annotations shown; the list store holds the first of them, a page more as the
   * list is scrolled near its end (see attest_annotation_panel_extend ()). */
  GPtrArray                 *all;
  guint                      extend_idle_id;
  char                      *selected_uuid;
  char                      *filter_name;
  AttestAnnotationColorFunc  color_func;
  gpointer                   color_data;
  GListStore                *annotations;
  GtkSingleSelection        *selection;

  /* Template widgets */
  GtkWidget                 *box;
  GtkBox                    *filter_box;
  GtkImage                  *filter_swatch;
  GtkLabel                  *filter_label;
  GtkStack                  *stack;
  AdwStatusPage             *empty_page;
  GtkScrolledWindow         *scroller;
  GtkListView               *list_view;
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

/* A click on the row (Enter on it is the list view's "activate"). */
static void
on_row_released (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkListItem     *list_item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *panel = gtk_widget_get_ancestor (row, ATTEST_TYPE_ANNOTATION_PANEL);
  AttestAnnotation *annotation = gtk_list_item_get_item (list_item);

  if (panel != NULL && annotation != NULL && n_press == 1)
    g_signal_emit (panel, signals[ANNOTATION_ACTIVATED], 0, annotation);
}

/* The row's tooltip is asked for, not set at each bind: gtk_widget_set_tooltip_text () asks
 * the X server where the pointer is, a round trip for each of the 200 rows a list view
 * binds. */
static gboolean
on_row_query_tooltip (GtkWidget   *row,
                      int          x,
                      int          y,
                      gboolean     keyboard,
                      GtkTooltip  *tooltip,
                      GtkListItem *list_item)
{
  AttestAnnotation *annotation = gtk_list_item_get_item (list_item);
  const char *exact = annotation != NULL ? attest_annotation_get_exact (annotation) : NULL;

  if (exact == NULL || *exact == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, exact);
  return TRUE;
}

/* A row: the bar in the colour of the highlight, the words, who and the comment, and a
 * button that deletes the annotation. Made once, then bound to annotation after annotation
 * as the list scrolls. The text is in GtkInscriptions, whose size comes from their number
 * of lines and characters, not from shaping the text: a GtkListView of GTK 4.8 makes 200
 * rows whatever it shows, and labels measuring their text made that take seconds. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           AttestAnnotationPanel    *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_inscription_new (NULL);
  GtkWidget *subtitle = gtk_inscription_new (NULL);
  GtkWidget *bar = gtk_drawing_area_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (row, "annotation-row");
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);

  gtk_widget_add_css_class (bar, "annotation-kind-bar");
  gtk_widget_set_size_request (bar, 4, -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (bar), draw_bar, NULL, NULL);
  gtk_box_append (GTK_BOX (row), bar);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (title), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (title), 2);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (title), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (subtitle), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (subtitle), 1);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (subtitle),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (row), texts);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Set while hidden: on a visible widget, setting a tooltip asks the X server where the
   * pointer is, a round trip for each of the 200 rows a list view makes. */
  gtk_widget_set_visible (button, FALSE);
  gtk_widget_set_tooltip_text (button, _("Delete Annotation"));
  gtk_widget_set_visible (button, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Annotation"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (row), button);

  gtk_widget_set_has_tooltip (row, TRUE);
  g_signal_connect (row, "query-tooltip", G_CALLBACK (on_row_query_tooltip), list_item);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_row_released), list_item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (row), "bar", bar);
  g_object_set_data (G_OBJECT (row), "button", button);
  gtk_list_item_set_child (list_item, row);
}

/* The bar beside a row has the colour of its highlight in the reader, made solid. */
static void
bind_bar (AttestAnnotationPanel *self,
          GtkWidget             *bar,
          AttestAnnotation      *annotation)
{
  AttestAnnotationKind kind = attest_annotation_get_kind (annotation);
  GdkRGBA color;

  for (guint i = 0; i < ATTEST_ANNOTATION_N_KINDS; i++)
    gtk_widget_remove_css_class (bar, attest_annotation_kind_to_string (i));
  if (self->color_func == NULL || !self->color_func (annotation, &color, self->color_data))
    {
      g_object_set_data (G_OBJECT (bar), "color", NULL);
      gtk_widget_add_css_class (bar, attest_annotation_kind_to_string (kind));
    }
  else
    {
      color.alpha = MAX (color.alpha, 0.85f);
      g_object_set_data_full (G_OBJECT (bar), "color", gdk_rgba_copy (&color),
                              (GDestroyNotify) gdk_rgba_free);
    }
  gtk_widget_queue_draw (bar);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          AttestAnnotationPanel    *self)
{
  AttestAnnotation *annotation = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  AttestAnnotationKind kind = attest_annotation_get_kind (annotation);
  const char *exact = attest_annotation_get_exact (annotation);
  g_autofree char *isolated = g_strdup_printf ("\u2068%s\u2069", exact != NULL ? exact : "");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = attest_annotation_panel_dup_subtitle (self, annotation);

  /* The words are isolated (U+2068 … U+2069), so the quotation marks stay around an
   * Arabic or Hebrew quote in a left-to-right list, and the other way round. */
  if (kind == ATTEST_ANNOTATION_DIRECT)
    title = g_strdup_printf (_("“%s”"), isolated);
  else
    title = g_strdup (exact != NULL ? exact : "");

  gtk_inscription_set_text (g_object_get_data (G_OBJECT (row), "title"), title);
  gtk_inscription_set_text (g_object_get_data (G_OBJECT (row), "subtitle"), subtitle);
  bind_bar (self, g_object_get_data (G_OBJECT (row), "bar"), annotation);
  /* The action is named only with its target: a row not bound yet has no annotation. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (g_object_get_data (G_OBJECT (row), "button")),
                                    "s", attest_annotation_get_uuid (annotation));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (g_object_get_data (G_OBJECT (row), "button")),
                                  "win.delete-annotation");
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            AttestAnnotationPanel    *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (g_object_get_data (G_OBJECT (row), "button")),
                                  NULL);
  g_object_set_data (G_OBJECT (g_object_get_data (G_OBJECT (row), "bar")), "color", NULL);
}

#define PAGE_ROWS 40

static guint
find_position (AttestAnnotationPanel *self,
               const char            *uuid)
{
  if (uuid == NULL || self->all == NULL)
    return GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < self->all->len; i++)
    if (g_str_equal (attest_annotation_get_uuid (g_ptr_array_index (self->all, i)), uuid))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Puts the annotations up to position (and a page beyond) in the list store. */
static void
attest_annotation_panel_extend (AttestAnnotationPanel *self,
                                guint                  position)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));
  guint want;

  if (self->all == NULL || position < shown || shown >= self->all->len)
    return;
  want = MIN (self->all->len, MAX (position + 1, shown) + PAGE_ROWS);
  g_list_store_splice (self->annotations, shown, 0, self->all->pdata + shown, want - shown);
}

static gboolean
extend_idle_cb (gpointer user_data)
{
  AttestAnnotationPanel *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  self->extend_idle_id = 0;
  if (value + 2 * page >= gtk_adjustment_get_upper (adjustment))
    attest_annotation_panel_extend (self,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->annotations)));
  return G_SOURCE_REMOVE;
}

/* Near the end of what the store holds, the next page comes; not from inside the list's
 * own layout, which sets the adjustment. */
static void
on_scrolled (AttestAnnotationPanel *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));

  if (self->extend_idle_id == 0 && self->all != NULL && shown < self->all->len)
    self->extend_idle_id = g_idle_add (extend_idle_cb, self);
}

static void
attest_annotation_panel_sync_selection (AttestAnnotationPanel *self)
{
  guint position = find_position (self, self->selected_uuid);

  if (position != GTK_INVALID_LIST_POSITION)
    attest_annotation_panel_extend (self, position);
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                position);
}

/* Enter on a row, or a double click. */
static void
on_list_activate (GtkListView           *list_view,
                  guint                  position,
                  AttestAnnotationPanel *self)
{
  g_autoptr(AttestAnnotation) annotation =
    g_list_model_get_item (G_LIST_MODEL (self->annotations), position);

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

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_ANNOTATION_PANEL);
  g_clear_object (&self->selection);
  g_clear_object (&self->annotations);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_handle_id (&self->extend_idle_id, g_source_remove);
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
  gtk_widget_class_bind_template_child (widget_class, AttestAnnotationPanel, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filter_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attest-annotation-panel");
}

static void
attest_annotation_panel_init (AttestAnnotationPanel *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->annotations = g_list_store_new (ATTEST_TYPE_ANNOTATION);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->annotations)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
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
  g_return_if_fail (ATTEST_IS_ANNOTATION_PANEL (self));

  self->n_annotations = annotations != NULL ? annotations->len : 0;
  g_clear_pointer (&self->all, g_ptr_array_unref);
  if (annotations != NULL)
    {
      self->all = g_ptr_array_new_full (annotations->len, g_object_unref);
      for (guint i = 0; i < annotations->len; i++)
        g_ptr_array_add (self->all, g_object_ref (g_ptr_array_index (annotations, i)));
    }
  g_list_store_splice (self->annotations, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->annotations)),
                       annotations != NULL ? annotations->pdata : NULL,
                       MIN (self->n_annotations, PAGE_ROWS));

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
