/* attest-reader.c: shows one article, its annotations highlighted, and lets the user select
 * a span of its body or an annotation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-reader"

#include "config.h"

#include "attest-reader.h"
#include "attest-reader-private.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (AttestReader, attest_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
attest_reader_update_meta_colour (AttestReader *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GdkRGBA colour;

  gdk_rgba_parse (&colour, adw_style_manager_get_dark (style) ? "#9a9996" : "#6b6a6e");
  g_object_set (self->meta_tag, "foreground-rgba", &colour, NULL);
}

static void
attest_reader_create_tags (AttestReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  self->title_tag = gtk_text_buffer_create_tag (buffer, "title",
                                                "weight", PANGO_WEIGHT_BOLD,
                                                "scale", 1.6,
                                                "pixels-below-lines", 8,
                                                NULL);
  self->meta_tag = gtk_text_buffer_create_tag (buffer, "meta",
                                               "scale", 0.9,
                                               "pixels-below-lines", 4,
                                               NULL);
  attest_reader_update_meta_colour (self);
  _attest_reader_init_highlights (self);
}

/* Mostly Arabic, Hebrew or another right-to-left script. The first strong letter, which is
 * what Pango's own guess (pango_find_base_dir (), deprecated) goes by, is often a Latin name
 * or a number in a headline; the letters of the whole beginning are counted instead. */
static GtkTextDirection
guess_direction (const char *text)
{
  guint rtl = 0;
  guint ltr = 0;

  for (const char *p = text; p != NULL && *p != '\0' && rtl + ltr < 4000;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;
      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
          rtl++;
          break;
        case G_UNICODE_SCRIPT_COMMON:
        case G_UNICODE_SCRIPT_INHERITED:
          break;
        default:
          ltr++;
        }
    }

  return rtl > ltr ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
}

static char *
attest_reader_dup_meta_line (AttestArticle *article)
{
  const char *published = attest_article_get_published (article);
  /* The day is what a reader wants; a page's time of publication stays in the details. */
  g_autofree char *date = published != NULL ? g_strndup (published, 10) : NULL;
  const char *parts[] = {
    attest_article_get_outlet (article),
    date,
    attest_article_get_byline (article),
  };
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append (line, parts[i]);
    }
  return line->len > 0 ? g_string_free (g_steal_pointer (&line), FALSE) : NULL;
}

static void
attest_reader_fill (AttestReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *meta = NULL;
  const char *title;
  const char *body;
  gboolean headline_in_body;
  GtkTextIter iter;

  gtk_text_buffer_set_text (buffer, "", 0);
  self->body_offset = 0;
  self->body_length = 0;

  if (self->article == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      attest_find_bar_close (self->find_bar);
      return;
    }

  title = attest_article_get_title (self->article);
  body = attest_article_get_body (self->article);
  if (body == NULL)
    g_warning ("Article %s was loaded without its body", attest_article_get_uuid (self->article));

  /* Right-to-left articles read from the right whatever the interface's direction. */
  gtk_widget_set_direction (GTK_WIDGET (self->text_view), guess_direction (body));

  /* A plain text article often starts with its headline: then that line of the body is
   * shown as the title (and can be annotated like the rest), not repeated above it. */
  headline_in_body = body != NULL && title != NULL && *title != '\0' &&
                     strncmp (body, title, strlen (title)) == 0 &&
                     (body[strlen (title)] == '\n' || body[strlen (title)] == '\0');

  gtk_text_buffer_get_start_iter (buffer, &iter);
  meta = attest_reader_dup_meta_line (self->article);
  if (headline_in_body)
    {
      if (meta != NULL)
        {
          gtk_text_buffer_insert_with_tags (buffer, &iter, meta, -1, self->meta_tag, NULL);
          gtk_text_buffer_insert (buffer, &iter, "\n\n", 2);
        }
    }
  else
    {
      gtk_text_buffer_insert_with_tags (buffer, &iter,
                                        title != NULL && *title != '\0' ? title : _("Untitled"),
                                        -1, self->title_tag, NULL);
      gtk_text_buffer_insert (buffer, &iter, "\n", 1);
      if (meta != NULL)
        {
          gtk_text_buffer_insert_with_tags (buffer, &iter, meta, -1, self->meta_tag, NULL);
          gtk_text_buffer_insert (buffer, &iter, "\n", 1);
        }
      gtk_text_buffer_insert (buffer, &iter, "\n", 1);
    }

  self->body_offset = gtk_text_iter_get_offset (&iter);
  if (body != NULL)
    {
      gtk_text_buffer_insert (buffer, &iter, body, -1);
      self->body_length = gtk_text_iter_get_offset (&iter) - self->body_offset;
    }

  if (headline_in_body)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, self->body_offset);
      gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                          self->body_offset + g_utf8_strlen (title, -1));
      gtk_text_buffer_apply_tag (buffer, self->title_tag, &start, &end);
    }

  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (self->text_view, &iter, 0.0, FALSE, 0.0, 0.0);

  gtk_stack_set_visible_child_name (self->stack, "article");
}

/* The offset in the body of the first line shown, or -1 above the body. */
static int
attest_reader_get_place (AttestReader *self)
{
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, visible.x, visible.y);
  return gtk_text_iter_get_offset (&iter) - (int) self->body_offset;
}

static void
attest_reader_scroll_to_place (AttestReader *self,
                               int           place)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextMark *mark;
  GtkTextIter iter;

  if ((guint) place > self->body_length)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, self->body_offset + place);
  gtk_text_iter_set_line_offset (&iter, 0);
  /* A mark, unlike an iter, is scrolled to once the lines are laid out. */
  mark = gtk_text_buffer_get_mark (buffer, "attest-place");
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "attest-place", &iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, mark, 0.0, TRUE, 0.0, 0.0);
}

static void
on_dark_changed (AttestReader *self)
{
  attest_reader_update_meta_colour (self);
  /* The lines under quotes and claims follow the style (see compute_look ()). */
  _attest_reader_reset_styles (self);
  _attest_reader_apply_highlights (self);
}




static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttestReader *self = ATTEST_READER (widget);

  if (g_str_equal (action_name, "reader.find"))
    attest_reader_find (self, NULL);
  else if (attest_find_bar_get_open (self->find_bar))
    attest_find_bar_next (self->find_bar, g_str_equal (action_name, "reader.find-previous"));
  else
    attest_reader_find (self, NULL);
}

static gboolean
attest_reader_grab_focus (GtkWidget *widget)
{
  AttestReader *self = ATTEST_READER (widget);

  if (self->article == NULL)
    return FALSE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
attest_reader_dispose (GObject *object)
{
  AttestReader *self = ATTEST_READER (object);

  g_clear_handle_id (&self->click_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_READER);
  g_clear_object (&self->article);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->tag_colors, g_hash_table_unref);
  g_clear_pointer (&self->style_tags, g_hash_table_unref);

  G_OBJECT_CLASS (attest_reader_parent_class)->dispose (object);
}

static void
attest_reader_finalize (GObject *object)
{
  AttestReader *self = ATTEST_READER (object);

  g_clear_pointer (&self->selected_uuid, g_free);

  G_OBJECT_CLASS (attest_reader_parent_class)->finalize (object);
}

static void
attest_reader_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AttestReader *self = ATTEST_READER (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_reader_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AttestReader *self = ATTEST_READER (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      attest_reader_set_article (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_reader_class_init (AttestReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_reader_dispose;
  object_class->finalize = attest_reader_finalize;
  object_class->get_property = attest_reader_get_property;
  object_class->set_property = attest_reader_set_property;
  widget_class->grab_focus = attest_reader_grab_focus;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         ATTEST_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted by name from attest-reader-locate.c. */
  g_signal_new ("annotation-clicked",
                G_TYPE_FROM_CLASS (klass),
                G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, ATTEST_TYPE_ANNOTATION);

  gtk_widget_class_install_action (widget_class, "reader.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "reader.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "reader.find-previous", NULL, find_action);

  g_type_ensure (ATTEST_TYPE_FIND_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestReader, stack);
  gtk_widget_class_bind_template_child (widget_class, AttestReader, find_bar);
  gtk_widget_class_bind_template_child (widget_class, AttestReader, text_view);
  _attest_reader_class_init_locate (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attest-reader");
}

static void
attest_reader_init (AttestReader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->click_offset = -1;
  attest_reader_create_tags (self);
  attest_find_bar_set_text_view (self->find_bar, self->text_view);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
attest_reader_new (void)
{
  return g_object_new (ATTEST_TYPE_READER, NULL);
}

AttestArticle *
attest_reader_get_article (AttestReader *self)
{
  g_return_val_if_fail (ATTEST_IS_READER (self), NULL);

  return self->article;
}

void
attest_reader_set_article (AttestReader  *self,
                           AttestArticle *article)
{
  gboolean same_article;
  int place = -1;

  g_return_if_fail (ATTEST_IS_READER (self));
  g_return_if_fail (article == NULL || ATTEST_IS_ARTICLE (article));

  same_article = self->article != NULL && article != NULL &&
                 attest_article_get_id (self->article) == attest_article_get_id (article);
  if (same_article)
    place = attest_reader_get_place (self);

  if (!g_set_object (&self->article, article))
    return;

  if (!same_article)
    {
      g_clear_pointer (&self->selected_uuid, g_free);
      g_clear_pointer (&self->annotations, g_ptr_array_unref);
    }
  attest_reader_fill (self);
  _attest_reader_apply_highlights (self);
  attest_find_bar_refresh (self->find_bar);
  /* The same article with new details (a corrected title): the reader stays where it was. */
  if (place > 0)
    attest_reader_scroll_to_place (self, place);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

void
attest_reader_set_annotations (AttestReader *self,
                               GPtrArray    *annotations)
{
  g_return_if_fail (ATTEST_IS_READER (self));

  if (annotations != NULL)
    g_ptr_array_ref (annotations);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  self->annotations = annotations;
  _attest_reader_apply_highlights (self);
}

void
attest_reader_set_kind_color (AttestReader         *self,
                              AttestAnnotationKind  kind,
                              const GdkRGBA        *color)
{
  g_return_if_fail (ATTEST_IS_READER (self));
  g_return_if_fail ((guint) kind < ATTEST_ANNOTATION_N_KINDS);
  g_return_if_fail (color != NULL);

  if (gdk_rgba_equal (&self->kind_colors[kind], color))
    return;
  self->kind_colors[kind] = *color;
  _attest_reader_reset_styles (self);
  _attest_reader_apply_highlights (self);
}

const GdkRGBA *
attest_reader_get_kind_color (AttestReader         *self,
                              AttestAnnotationKind  kind)
{
  g_return_val_if_fail (ATTEST_IS_READER (self), NULL);
  g_return_val_if_fail ((guint) kind < ATTEST_ANNOTATION_N_KINDS, NULL);

  return &self->kind_colors[kind];
}

void
attest_reader_set_tag_colors (AttestReader *self,
                              GHashTable   *colors)
{
  g_return_if_fail (ATTEST_IS_READER (self));

  if (colors == NULL && self->tag_colors == NULL)
    return;
  if (colors != NULL)
    g_hash_table_ref (colors);
  g_clear_pointer (&self->tag_colors, g_hash_table_unref);
  self->tag_colors = colors;
  _attest_reader_reset_styles (self);
  _attest_reader_apply_highlights (self);
}

gboolean
attest_reader_get_annotation_color (AttestReader     *self,
                                    AttestAnnotation *annotation,
                                    GdkRGBA          *color)
{
  g_return_val_if_fail (ATTEST_IS_READER (self), FALSE);
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (color != NULL, FALSE);

  return _attest_reader_annotation_color (self, annotation, color);
}

GtkTextBuffer *
attest_reader_get_buffer (AttestReader *self)
{
  g_return_val_if_fail (ATTEST_IS_READER (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}

GtkTextView *
attest_reader_get_text_view (AttestReader *self)
{
  g_return_val_if_fail (ATTEST_IS_READER (self), NULL);

  return self->text_view;
}

guint
attest_reader_get_body_offset (AttestReader *self)
{
  g_return_val_if_fail (ATTEST_IS_READER (self), 0);

  return self->body_offset;
}

GtkTextTag *
attest_reader_get_kind_tag (AttestReader         *self,
                            AttestAnnotationKind  kind)
{
  g_return_val_if_fail (ATTEST_IS_READER (self), NULL);
  g_return_val_if_fail ((guint) kind < ATTEST_ANNOTATION_N_KINDS, NULL);

  return self->kind_tags[kind];
}

gboolean
attest_reader_get_selection (AttestReader *self,
                             guint        *start,
                             guint        *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;
  int s, e;

  g_return_val_if_fail (ATTEST_IS_READER (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (self->article == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return FALSE;

  /* A drag often catches the title or a space at either end: keep what is in the body. */
  s = MAX (gtk_text_iter_get_offset (&a), (int) self->body_offset);
  e = MIN (gtk_text_iter_get_offset (&b), (int) (self->body_offset + self->body_length));
  gtk_text_buffer_get_iter_at_offset (buffer, &a, s);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, e);
  while (s < e && g_unichar_isspace (gtk_text_iter_get_char (&a)))
    {
      gtk_text_iter_forward_char (&a);
      s++;
    }
  while (e > s)
    {
      GtkTextIter last = b;

      gtk_text_iter_backward_char (&last);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&last)))
        break;
      b = last;
      e--;
    }
  if (s >= e)
    return FALSE;

  if (start != NULL)
    *start = s - self->body_offset;
  if (end != NULL)
    *end = e - self->body_offset;
  return TRUE;
}

void
attest_reader_select_span (AttestReader *self,
                           guint         start,
                           guint         end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  g_return_if_fail (ATTEST_IS_READER (self));

  if (self->article == NULL || start > end || end > self->body_length)
    return;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &a, self->body_offset + start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, self->body_offset + end);
  gtk_text_buffer_select_range (buffer, &a, &b);
  /* The mark, unlike an iter, is scrolled to once the lines are laid out. */
  /* Only as far as it takes: a click on a highlight must not move the text under it. */
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0.0, 0.0);
}

const char *
attest_reader_get_selected_annotation (AttestReader *self)
{
  g_return_val_if_fail (ATTEST_IS_READER (self), NULL);

  return self->selected_uuid;
}

void
attest_reader_set_selected_annotation (AttestReader     *self,
                                       AttestAnnotation *annotation)
{
  g_return_if_fail (ATTEST_IS_READER (self));
  g_return_if_fail (annotation == NULL || ATTEST_IS_ANNOTATION (annotation));

  g_free (self->selected_uuid);
  self->selected_uuid = annotation != NULL ? g_strdup (attest_annotation_get_uuid (annotation))
                                           : NULL;
  if (annotation != NULL)
    attest_reader_select_span (self, attest_annotation_get_start (annotation),
                               attest_annotation_get_end (annotation));
}




void
attest_reader_find (AttestReader *self,
                    const char   *text)
{
  g_return_if_fail (ATTEST_IS_READER (self));

  if (self->article == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  attest_find_bar_open (self->find_bar, text);
}


GtkWidget *
attest_reader_get_find_bar (AttestReader *self)
{
  g_return_val_if_fail (ATTEST_IS_READER (self), NULL);

  return GTK_WIDGET (self->find_bar);
}
