/* attest-tag-editor.c: the details of one tag of the codebook, editable.
 *
 * Like the source editor, it holds the tag's uuid and re-reads the tag whenever the store
 * changes; fields being typed in are left alone by such a refresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-tag-editor"

#include "config.h"

#include "attest-tag-editor.h"
#include "attest-tag-swatch.h"

#include <glib/gi18n.h>

/* GNOME's accent colours: distinct, and readable as highlights in light and dark. */
static const char * const palette[] = {
  "#3584e4", "#2190a4", "#3a944a", "#c88800", "#ed5b00",
  "#e62d42", "#d56199", "#9141ac", "#6f8396",
  NULL
};

static const char * const palette_names[] = {
  N_("Blue"), N_("Teal"), N_("Green"), N_("Yellow"), N_("Orange"),
  N_("Red"), N_("Pink"), N_("Purple"), N_("Slate"),
  NULL
};

struct _AttestTagEditor
{
  GtkWidget       parent_instance;

  AttestStore    *store;
  AttestTag      *tag;
  GPtrArray      *swatches;     /* GtkToggleButton: the palette, "None", a custom colour */
  GtkWidget      *custom_swatch;
  gboolean        updating;

  /* Template widgets */
  GtkStack       *stack;
  AdwEntryRow    *name_row;
  AdwEntryRow    *description_row;
  GtkFlowBox     *palette_box;
  GtkTextView    *memo_view;
  GtkLabel       *annotations_label;
  GtkLabel       *sources_label;
};

G_DEFINE_FINAL_TYPE (AttestTagEditor, attest_tag_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
nonnull (const char *text)
{
  return text != NULL ? text : "";
}

static void
show_result (GtkWidget    *row,
             const GError *error)
{
  if (error == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      return;
    }

  g_debug ("Editing the tag failed: %s", error->message);
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, error->message);
  gtk_widget_error_bell (row);
}

static void
update_entry (AdwEntryRow *row,
              const char  *before,
              const char  *now)
{
  const char *shown = gtk_editable_get_text (GTK_EDITABLE (row));

  if (before == NULL || g_strcmp0 (shown, before) == 0)
    gtk_editable_set_text (GTK_EDITABLE (row), nonnull (now));
}

static char *
dup_memo (AttestTagEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->memo_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_tag (AttestTagEditor *self,
            GtkWidget       *row,
            const char      *name,
            const char      *color,
            const char      *description,
            const char      *memo)
{
  g_autoptr(GError) error = NULL;

  if (self->tag == NULL || self->store == NULL)
    return;
  attest_store_update_tag (self->store, attest_tag_get_uuid (self->tag),
                           name, color, description, memo, &error);
  show_result (row, error);
}

/* The chosen swatch wears a ring, as in GNOME's own colour pickers. */
static void
sync_swatch (GtkToggleButton *button)
{
  const char *color = g_object_get_data (G_OBJECT (button), "color");
  g_autoptr(GdkPaintable) paintable = attest_tag_swatch_new (color, 24,
                                                             gtk_toggle_button_get_active (button));

  gtk_image_set_from_paintable (GTK_IMAGE (gtk_button_get_child (GTK_BUTTON (button))),
                                paintable);
}

static void
attest_tag_editor_fill (AttestTagEditor *self,
                        AttestTag       *before)
{
  const char *color = attest_tag_get_color (self->tag);
  g_autofree char *memo_shown = dup_memo (self);
  g_autofree char *n_annotations = g_strdup_printf ("%u", attest_tag_get_n_annotations (self->tag));
  g_autofree char *n_sources = g_strdup_printf ("%u", attest_tag_get_n_sources (self->tag));
  gboolean in_palette;

  self->updating = TRUE;

  update_entry (self->name_row, before ? attest_tag_get_name (before) : NULL,
                attest_tag_get_name (self->tag));
  update_entry (self->description_row,
                before ? nonnull (attest_tag_get_description (before)) : NULL,
                attest_tag_get_description (self->tag));
  if (before == NULL || g_strcmp0 (memo_shown, nonnull (attest_tag_get_memo (before))) == 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->memo_view),
                              nonnull (attest_tag_get_memo (self->tag)), -1);

  /* A colour from outside the palette gets a swatch of its own. */
  in_palette = color == NULL;
  for (guint i = 0; palette[i] != NULL && !in_palette; i++)
    in_palette = g_ascii_strcasecmp (palette[i], color) == 0;
  g_object_set_data_full (G_OBJECT (self->custom_swatch), "color",
                          in_palette ? NULL : g_strdup (color), g_free);
  gtk_widget_set_visible (gtk_widget_get_parent (self->custom_swatch), !in_palette);

  for (guint i = 0; i < self->swatches->len; i++)
    {
      GtkToggleButton *swatch = g_ptr_array_index (self->swatches, i);
      const char *swatch_color = g_object_get_data (G_OBJECT (swatch), "color");
      gboolean active;

      if (GTK_WIDGET (swatch) == self->custom_swatch)
        active = !in_palette;
      else if (color == NULL)
        active = swatch_color == NULL;
      else
        active = swatch_color != NULL && g_ascii_strcasecmp (swatch_color, color) == 0;
      gtk_toggle_button_set_active (swatch, active);
      sync_swatch (swatch);
    }

  gtk_label_set_text (self->annotations_label, n_annotations);
  gtk_label_set_text (self->sources_label, n_sources);

  if (before == NULL)
    {
      show_result (GTK_WIDGET (self->name_row), NULL);
      show_result (GTK_WIDGET (self->description_row), NULL);
    }

  self->updating = FALSE;
}

static void
attest_tag_editor_refresh (AttestTagEditor *self)
{
  g_autoptr(AttestTag) before = NULL;
  g_autoptr(AttestTag) fresh = NULL;

  if (self->tag == NULL || self->store == NULL)
    return;

  fresh = attest_store_get_tag (self->store, attest_tag_get_uuid (self->tag), NULL);
  before = g_steal_pointer (&self->tag);
  if (fresh == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    {
      self->tag = g_steal_pointer (&fresh);
      attest_tag_editor_fill (self, before);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
}

static void
on_store_changed (AttestTagEditor *self)
{
  attest_tag_editor_refresh (self);
}

static void
on_name_apply (AttestTagEditor *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (self->tag != NULL && g_strcmp0 (name, attest_tag_get_name (self->tag)) != 0)
    update_tag (self, GTK_WIDGET (self->name_row), name, NULL, NULL, NULL);
}

static void
on_description_apply (AttestTagEditor *self)
{
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));

  if (self->tag != NULL
      && g_strcmp0 (description, nonnull (attest_tag_get_description (self->tag))) != 0)
    update_tag (self, GTK_WIDGET (self->description_row), NULL, NULL, description, NULL);
}

static void
save_memo (AttestTagEditor *self)
{
  g_autofree char *memo = dup_memo (self);

  if (self->tag != NULL && g_strcmp0 (memo, nonnull (attest_tag_get_memo (self->tag))) != 0)
    update_tag (self, GTK_WIDGET (self->memo_view), NULL, NULL, NULL, memo);
}

static void
on_memo_leave (AttestTagEditor *self)
{
  save_memo (self);
}

static void
set_color (AttestTagEditor *self,
           const char      *color)
{
  if (self->tag == NULL || g_strcmp0 (color, attest_tag_get_color (self->tag)) == 0)
    return;
  /* "" clears the colour. */
  update_tag (self, GTK_WIDGET (self->palette_box), NULL, color ? color : "", NULL, NULL);
}

static void
on_swatch_toggled (GtkToggleButton *button,
                   AttestTagEditor *self)
{
  if (self->updating)
    return;

  /* The swatches act as one choice: clicking the chosen one keeps it. */
  if (!gtk_toggle_button_get_active (button))
    {
      self->updating = TRUE;
      gtk_toggle_button_set_active (button, TRUE);
      self->updating = FALSE;
      return;
    }
  set_color (self, g_object_get_data (G_OBJECT (button), "color"));
}

static void
on_color_dialog_response (GtkDialog       *dialog,
                          int              response,
                          AttestTagEditor *self)
{
  if (response == GTK_RESPONSE_OK)
    {
      g_autofree char *hex = NULL;
      GdkRGBA rgba;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      hex = g_strdup_printf ("#%02x%02x%02x",
                             (guint) (rgba.red * 255 + 0.5),
                             (guint) (rgba.green * 255 + 0.5),
                             (guint) (rgba.blue * 255 + 0.5));
      set_color (self, hex);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_other_color_clicked (AttestTagEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  GdkRGBA rgba;

  if (self->tag == NULL)
    return;

  dialog = gtk_color_chooser_dialog_new (_("Tag Colour"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  if (attest_tag_get_color (self->tag) != NULL
      && gdk_rgba_parse (&rgba, attest_tag_get_color (self->tag)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_color_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_swatch (AttestTagEditor *self,
               const char      *color,
               const char      *name)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *image = gtk_image_new ();

  gtk_image_set_pixel_size (GTK_IMAGE (image), 24);
  gtk_button_set_child (GTK_BUTTON (button), image);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "color", g_strdup (color), g_free);
  sync_swatch (GTK_TOGGLE_BUTTON (button));
  g_signal_connect (button, "toggled", G_CALLBACK (on_swatch_toggled), self);
  g_ptr_array_add (self->swatches, button);
  return button;
}

static void
attest_tag_editor_build_palette (AttestTagEditor *self)
{
  GtkWidget *other = gtk_button_new_from_icon_name ("list-add-symbolic");

  for (guint i = 0; palette[i] != NULL; i++)
    gtk_flow_box_append (self->palette_box, create_swatch (self, palette[i],
                                                           _(palette_names[i])));
  gtk_flow_box_append (self->palette_box, create_swatch (self, NULL, _("No Colour")));
  self->custom_swatch = create_swatch (self, NULL, _("Custom Colour"));
  gtk_flow_box_append (self->palette_box, self->custom_swatch);

  gtk_widget_add_css_class (other, "flat");
  gtk_widget_add_css_class (other, "circular");
  gtk_widget_set_halign (other, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (other, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (other, _("Other Colour…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (other), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Other Colour…"), -1);
  g_signal_connect_swapped (other, "clicked", G_CALLBACK (on_other_color_clicked), self);
  gtk_flow_box_append (self->palette_box, other);

  /* The flow box's own children would take the focus and the hover twice. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->palette_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  gtk_widget_set_visible (gtk_widget_get_parent (self->custom_swatch), FALSE);
}

static void
attest_tag_editor_dispose (GObject *object)
{
  AttestTagEditor *self = ATTEST_TAG_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_TAG_EDITOR);
  g_clear_object (&self->tag);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_tag_editor_parent_class)->dispose (object);
}

static void
attest_tag_editor_finalize (GObject *object)
{
  AttestTagEditor *self = ATTEST_TAG_EDITOR (object);

  g_clear_pointer (&self->swatches, g_ptr_array_unref);

  G_OBJECT_CLASS (attest_tag_editor_parent_class)->finalize (object);
}

static void
attest_tag_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AttestTagEditor *self = ATTEST_TAG_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TAG:
      g_value_set_object (value, self->tag);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_tag_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AttestTagEditor *self = ATTEST_TAG_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_tag_editor_set_store (self, g_value_get_object (value));
      break;

    case PROP_TAG:
      attest_tag_editor_set_tag (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_tag_editor_class_init (AttestTagEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_tag_editor_dispose;
  object_class->finalize = attest_tag_editor_finalize;
  object_class->get_property = attest_tag_editor_get_property;
  object_class->set_property = attest_tag_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TAG] =
    g_param_spec_object ("tag", NULL, NULL,
                         ATTEST_TYPE_TAG,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-tag-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestTagEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, AttestTagEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, AttestTagEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, AttestTagEditor, palette_box);
  gtk_widget_class_bind_template_child (widget_class, AttestTagEditor, memo_view);
  gtk_widget_class_bind_template_child (widget_class, AttestTagEditor, annotations_label);
  gtk_widget_class_bind_template_child (widget_class, AttestTagEditor, sources_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_description_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_memo_leave);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attest-tag-editor");
}

static void
attest_tag_editor_init (AttestTagEditor *self)
{
  self->swatches = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  attest_tag_editor_build_palette (self);
}

GtkWidget *
attest_tag_editor_new (void)
{
  return g_object_new (ATTEST_TYPE_TAG_EDITOR, NULL);
}

AttestStore *
attest_tag_editor_get_store (AttestTagEditor *self)
{
  g_return_val_if_fail (ATTEST_IS_TAG_EDITOR (self), NULL);

  return self->store;
}

void
attest_tag_editor_set_store (AttestTagEditor *self,
                             AttestStore     *store)
{
  g_return_if_fail (ATTEST_IS_TAG_EDITOR (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  attest_tag_editor_set_tag (self, NULL);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::tags",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::annotations",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::sources",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AttestTag *
attest_tag_editor_get_tag (AttestTagEditor *self)
{
  g_return_val_if_fail (ATTEST_IS_TAG_EDITOR (self), NULL);

  return self->tag;
}

void
attest_tag_editor_set_tag (AttestTagEditor *self,
                           AttestTag       *tag)
{
  g_autoptr(AttestTag) before = NULL;

  g_return_if_fail (ATTEST_IS_TAG_EDITOR (self));
  g_return_if_fail (tag == NULL || ATTEST_IS_TAG (tag));

  if (self->tag == tag)
    return;

  /* A memo typed for the previous tag is kept before it goes. */
  if (self->tag != NULL)
    save_memo (self);

  before = g_steal_pointer (&self->tag);
  if (tag != NULL && self->store != NULL)
    {
      self->tag = g_object_ref (tag);
      if (before != NULL && !g_str_equal (attest_tag_get_uuid (before), attest_tag_get_uuid (tag)))
        g_clear_object (&before);
      attest_tag_editor_fill (self, before);
      gtk_stack_set_visible_child_name (self->stack, "tag");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
}

void
attest_tag_editor_focus_name (AttestTagEditor *self)
{
  g_return_if_fail (ATTEST_IS_TAG_EDITOR (self));

  if (self->tag != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

const char * const *
attest_tag_editor_get_palette (void)
{
  return palette;
}
