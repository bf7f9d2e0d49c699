/* attest-articles-page-annotate.c: AttestArticlesPage's commands that make and change
 * annotations, most of them one key in the reader.
 *
 * A quote marked by a key asks for its speaker at once, in a popover at the quote: a few
 * letters and Enter. The speaker then joins the step that made the quote, so one undo takes
 * back the whole mark, as the "Mark Quote" dialog's does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-articles-page"

#include "config.h"

#include "attest-articles-page-private.h"

#include <glib/gi18n.h>

#include "attest-quote-dialog.h"

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

static gboolean
has_speaker (AttestAnnotationKind kind)
{
  return kind == ATTEST_ANNOTATION_DIRECT || kind == ATTEST_ANNOTATION_INDIRECT ||
         kind == ATTEST_ANNOTATION_CLAIM;
}

static void
show_error (AttestArticlesPage *self,
            const char         *format,
            const GError       *error)
{
  g_autofree char *message = g_strdup_printf (format, error->message);

  _attest_articles_page_toast (self, message, FALSE);
}

/* The speaker popover */

static void
attest_articles_page_ask_speaker (AttestArticlesPage *self,
                                  AttestAnnotation   *annotation)
{
  GdkRectangle area = { 0, 0, 1, 1 };
  double x, y;
  gboolean claim = attest_annotation_get_kind (annotation) == ATTEST_ANNOTATION_CLAIM;

  attest_speaker_popover_set_heading (self->speaker_popover,
                                      claim ? _("Who claims it?") : _("Who said it?"));
  if (attest_reader_get_span_area (self->reader, attest_annotation_get_start (annotation),
                                   attest_annotation_get_end (annotation), &area) &&
      gtk_widget_translate_coordinates (GTK_WIDGET (self->reader), GTK_WIDGET (self),
                                        area.x, area.y, &x, &y))
    {
      area.x = (int) x;
      area.y = (int) y;
    }
  else
    {
      /* The span is out of sight: the popover points at the reader. */
      gtk_widget_translate_coordinates (GTK_WIDGET (self->reader), GTK_WIDGET (self),
                                        gtk_widget_get_width (GTK_WIDGET (self->reader)) / 2.0,
                                        48, &x, &y);
      area = (GdkRectangle) { (int) x, (int) y, 1, 1 };
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->speaker_popover), &area);
  gtk_popover_popup (GTK_POPOVER (self->speaker_popover));
}

/* Makes the just-marked annotation again, with its speaker, in place of the step that made
 * it without one. FALSE when that step is no longer the last one. */
static AttestAnnotation *
remark_with_speaker (AttestArticlesPage *self,
                     const char         *speaker_uuid,
                     const char         *name,
                     const char         *kind)
{
  g_autoptr(AttestAnnotation) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *coder = NULL;
  AttestAnnotation *made;

  if (self->pending_uuid == NULL ||
      attest_store_get_generation (self->store) != self->pending_generation ||
      !attest_store_can_undo (self->store) ||
      !(old = attest_store_get_annotation (self->store, self->pending_uuid, NULL)))
    return NULL;

  if (!attest_store_undo (self->store, &error))
    {
      g_warning ("Could not take back the mark to add its speaker: %s", error->message);
      return NULL;
    }

  coder = _attest_articles_page_dup_coder (self);
  if (speaker_uuid != NULL)
    made = attest_store_create_annotation (self->store, attest_article_get_uuid (self->article),
                                           attest_annotation_get_kind (old),
                                           attest_annotation_get_start (old),
                                           attest_annotation_get_end (old),
                                           speaker_uuid, NULL, coder, &error);
  else
    made = attest_store_annotate_span (self->store, attest_article_get_uuid (self->article),
                                       attest_annotation_get_kind (old),
                                       attest_annotation_get_start (old),
                                       attest_annotation_get_end (old),
                                       name, kind, NULL, coder, &error);
  if (made == NULL)
    {
      /* Put the mark back as it was; the speaker is lost, the quote is not. */
      show_error (self, _("Could not set the speaker: %s"), error);
      attest_store_redo (self->store, NULL);
    }
  return made;
}

static void
on_speaker_chosen (AttestArticlesPage *self,
                   const char         *uuid,
                   const char         *name,
                   const char         *kind)
{
  g_autoptr(AttestAnnotation) made = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *target = NULL;
  AttestAnnotation *annotation;

  if (self->store == NULL || self->selected == NULL)
    return;
  target = g_strdup (attest_annotation_get_uuid (self->selected));

  if (g_strcmp0 (self->pending_uuid, target) == 0 &&
      (made = remark_with_speaker (self, uuid, name, kind)) != NULL)
    {
      g_clear_pointer (&self->pending_uuid, g_free);
      if ((annotation = _attest_articles_page_find (self, attest_annotation_get_uuid (made))))
        _attest_articles_page_select (self, annotation);
      /* Translators: e.g. "Quote marked: Tahsin al-Khafaji" */
      message = g_strdup_printf (_("%s: %s"), marked_message (attest_annotation_get_kind (made)),
                                 name);
      _attest_articles_page_toast (self, message, TRUE);
      return;
    }

  g_clear_pointer (&self->pending_uuid, g_free);
  if (uuid != NULL ? !attest_store_set_annotation_speaker (self->store, target, uuid, &error)
                   : !attest_store_set_annotation_speaker_by_name (self->store, target, name, kind,
                                                                   &error))
    {
      show_error (self, _("Could not set the speaker: %s"), error);
      return;
    }
  /* Translators: the toast after the speaker of an annotation was set */
  message = g_strdup_printf (_("Speaker set: %s"), name);
  _attest_articles_page_toast (self, message, TRUE);
}

/* Closing the popover without a choice leaves the quote without a speaker. "closed" comes
 * before "speaker-chosen", so this waits for a moment. */
static gboolean
after_speaker_closed (gpointer user_data)
{
  AttestArticlesPage *self = user_data;

  if (self->pending_uuid != NULL)
    {
      g_clear_pointer (&self->pending_uuid, g_free);
      _attest_articles_page_toast (self, _("Quote marked without a speaker"), TRUE);
    }
  /* Back to the text for the next key. (GTK gives the focus to the popover's parent, the
   * page, whose first child is the article list; a click outside the popover only closes
   * it.) */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->reader));
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
on_speaker_closed (AttestArticlesPage *self)
{
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->store == NULL)
    return;
  g_idle_add (after_speaker_closed, g_object_ref (self));
}

/* Actions */

static void
annotate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);
  const char *nick = g_variant_get_string (parameter, NULL);
  g_autoptr(AttestAnnotation) made = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *coder = NULL;
  AttestAnnotation *annotation;
  AttestAnnotationKind kind;
  guint start, end;

  if (*nick == '\0' || !attest_annotation_kind_from_string (nick, &kind))
    kind = _attest_articles_page_default_kind (self);
  if (self->article == NULL || !attest_reader_get_selection (self->reader, &start, &end))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  coder = _attest_articles_page_dup_coder (self);
  made = attest_store_annotate_span (self->store, attest_article_get_uuid (self->article),
                                     kind, start, end, NULL, NULL, NULL, coder, &error);
  if (made == NULL)
    {
      show_error (self, _("Could not mark the text: %s"), error);
      return;
    }

  annotation = _attest_articles_page_find (self, attest_annotation_get_uuid (made));
  if (annotation == NULL)
    {
      /* The tag filter hides a mark without tags. */
      _attest_articles_page_toast (self, marked_message (kind), TRUE);
      return;
    }
  _attest_articles_page_select (self, annotation);

  if (kind == ATTEST_ANNOTATION_DIRECT || kind == ATTEST_ANNOTATION_INDIRECT)
    {
      g_free (self->pending_uuid);
      self->pending_uuid = g_strdup (attest_annotation_get_uuid (made));
      self->pending_generation = attest_store_get_generation (self->store);
      attest_articles_page_ask_speaker (self, annotation);
    }
  else
    _attest_articles_page_toast (self, marked_message (kind), TRUE);
}

static void
choose_speaker_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);

  if (self->selected == NULL || !has_speaker (attest_annotation_get_kind (self->selected)))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  g_clear_pointer (&self->pending_uuid, g_free);
  attest_articles_page_ask_speaker (self, self->selected);
}

static void
on_quote_dialog_response (AttestQuoteDialog  *dialog,
                          const char         *response,
                          AttestArticlesPage *self)
{
  guint start = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "start"));
  guint end = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "end"));
  AttestAnnotationKind kind;

  if (g_strcmp0 (response, "mark") != 0)
    return;

  kind = attest_quote_dialog_get_kind (dialog);
  gtk_widget_activate_action (GTK_WIDGET (self), "articles.create-annotation", "(suuss)",
                              attest_annotation_kind_to_string (kind), start, end,
                              attest_quote_dialog_get_speaker_name (dialog),
                              attest_quote_dialog_get_speaker_kind (dialog));
}

static void
mark_quote_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *text = NULL;
  AttestQuoteDialog *dialog;
  guint start, end;

  if (self->article == NULL || !attest_reader_get_selection (self->reader, &start, &end))
    {
      _attest_articles_page_toast (self, _("Select text in the article to mark it"), FALSE);
      return;
    }

  text = attest_text_substring (attest_article_get_body (self->article), start, end);
  dialog = attest_quote_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->store, text != NULL ? text : "");
  attest_quote_dialog_set_kind (dialog, _attest_articles_page_default_kind (self));
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
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);
  g_autoptr(AttestAnnotation) made = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *coder = NULL;
  const char *kind_nick, *speaker, *speaker_kind;
  AttestAnnotationKind kind;
  AttestAnnotation *annotation;
  guint start, end;

  g_variant_get (parameter, "(&suu&s&s)", &kind_nick, &start, &end, &speaker, &speaker_kind);

  if (self->article == NULL)
    return;
  if (!attest_annotation_kind_from_string (kind_nick, &kind))
    {
      g_warning ("Unknown annotation kind “%s”", kind_nick);
      return;
    }

  coder = _attest_articles_page_dup_coder (self);
  made = attest_store_annotate_span (self->store, attest_article_get_uuid (self->article),
                                     kind, start, end, speaker,
                                     *speaker_kind != '\0' ? speaker_kind : NULL,
                                     NULL, coder, &error);
  if (made == NULL)
    {
      show_error (self, _("Could not mark the text: %s"), error);
      return;
    }
  if ((annotation = _attest_articles_page_find (self, attest_annotation_get_uuid (made))))
    _attest_articles_page_select (self, annotation);
  _attest_articles_page_toast (self, marked_message (kind), TRUE);
}

static void
delete_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  if (parameter != NULL && *g_variant_get_string (parameter, NULL) != '\0')
    uuid = g_variant_dup_string (parameter, NULL);
  else if (self->selected != NULL)
    uuid = g_strdup (attest_annotation_get_uuid (self->selected));

  if (self->store == NULL || uuid == NULL)
    return;
  if (!attest_store_delete_annotation (self->store, uuid, &error))
    {
      show_error (self, _("Could not delete the annotation: %s"), error);
      return;
    }
  _attest_articles_page_toast (self, _("Annotation deleted"), TRUE);
}

/* The annotation after (or before) the selected one in the text; with none selected, after
 * (before) where the reader's cursor is. */
static AttestAnnotation *
neighbour (AttestArticlesPage *self,
           gboolean            forward)
{
  GtkTextBuffer *buffer = attest_reader_get_buffer (self->reader);
  AttestAnnotation *best = NULL;
  GtkTextIter cursor;
  guint key_start, key_end;

  if (self->shown == NULL || self->shown->len == 0)
    return NULL;

  if (self->selected != NULL)
    {
      key_start = attest_annotation_get_start (self->selected);
      key_end = attest_annotation_get_end (self->selected);
    }
  else
    {
      int offset;

      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&cursor)
               - (int) attest_reader_get_body_offset (self->reader);
      key_start = MAX (offset, 0);
      /* Before every annotation that starts here, going forward; after them, going back. */
      key_end = forward ? 0 : G_MAXUINT;
    }

  /* In the order of the text: by start, then by end. */
  for (guint i = 0; i < self->shown->len; i++)
    {
      AttestAnnotation *a = g_ptr_array_index (self->shown, i);
      guint s = attest_annotation_get_start (a);
      guint e = attest_annotation_get_end (a);
      gboolean after = s > key_start || (s == key_start && e > key_end);
      gboolean before = s < key_start || (s == key_start && e < key_end);

      if (a == self->selected || (forward && !after) || (!forward && !before))
        continue;
      if (best == NULL)
        best = a;
      else
        {
          guint bs = attest_annotation_get_start (best);
          guint be = attest_annotation_get_end (best);
          gboolean closer = forward ? (s < bs || (s == bs && e < be))
                                    : (s > bs || (s == bs && e > be));

          if (closer)
            best = a;
        }
    }
  return best;
}

static void
next_annotation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);
  AttestAnnotation *next = neighbour (self, g_str_equal (action_name, "articles.next-annotation"));

  if (next != NULL)
    _attest_articles_page_select (self, next);
}

static void
change_span_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint start, end, new_start, new_end;

  if (self->selected == NULL)
    return;
  start = new_start = attest_annotation_get_start (self->selected);
  end = new_end = attest_annotation_get_end (self->selected);

  if (g_str_equal (action_name, "articles.extend-end"))
    new_end = attest_reader_find_word (self->reader, end, ATTEST_WORD_NEXT_END);
  else if (g_str_equal (action_name, "articles.shrink-end"))
    new_end = attest_reader_find_word (self->reader, end, ATTEST_WORD_PREVIOUS_END);
  else if (g_str_equal (action_name, "articles.extend-start"))
    new_start = attest_reader_find_word (self->reader, start, ATTEST_WORD_PREVIOUS_START);
  else
    new_start = attest_reader_find_word (self->reader, start, ATTEST_WORD_NEXT_START);

  /* Nothing further that way, or nothing would be left. */
  if ((new_start == start && new_end == end) || new_start >= new_end)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (!attest_store_set_annotation_span (self->store, attest_annotation_get_uuid (self->selected),
                                         new_start, new_end, &error))
    show_error (self, _("Could not change the span: %s"), error);
}

/* Shift+Alt+Right and Left move the span's end toward that side of the screen: in a
 * right-to-left paragraph Left takes in the next word and Right leaves out the last. */
static void
move_end_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);
  gboolean forward = g_variant_get_int32 (parameter) > 0;
  guint end;

  if (self->selected == NULL)
    return;
  end = attest_annotation_get_end (self->selected);
  if (attest_reader_is_rtl_at (self->reader, end > 0 ? end - 1 : 0))
    forward = !forward;
  change_span_action (widget, forward ? "articles.extend-end" : "articles.shrink-end", NULL);
}

static void
unselect_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AttestArticlesPage *self = ATTEST_ARTICLES_PAGE (widget);
  GtkTextBuffer *buffer = attest_reader_get_buffer (self->reader);
  GtkTextIter start;

  _attest_articles_page_select (self, NULL);
  /* The annotation's text goes out of the selection with it. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, NULL))
    gtk_text_buffer_place_cursor (buffer, &start);
}

void
_attest_articles_page_class_init_annotate (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "articles.annotate", "s", annotate_action);
  gtk_widget_class_install_action (widget_class, "articles.choose-speaker", NULL,
                                   choose_speaker_action);
  gtk_widget_class_install_action (widget_class, "articles.mark-quote", NULL, mark_quote_action);
  gtk_widget_class_install_action (widget_class, "articles.create-annotation", "(suuss)",
                                   create_annotation_action);
  gtk_widget_class_install_action (widget_class, "articles.delete-annotation", "s",
                                   delete_annotation_action);
  gtk_widget_class_install_action (widget_class, "articles.delete-selected", NULL,
                                   delete_annotation_action);
  gtk_widget_class_install_action (widget_class, "articles.next-annotation", NULL,
                                   next_annotation_action);
  gtk_widget_class_install_action (widget_class, "articles.previous-annotation", NULL,
                                   next_annotation_action);
  gtk_widget_class_install_action (widget_class, "articles.extend-end", NULL, change_span_action);
  gtk_widget_class_install_action (widget_class, "articles.shrink-end", NULL, change_span_action);
  gtk_widget_class_install_action (widget_class, "articles.extend-start", NULL,
                                   change_span_action);
  gtk_widget_class_install_action (widget_class, "articles.shrink-start", NULL,
                                   change_span_action);
  gtk_widget_class_install_action (widget_class, "articles.move-end", "i", move_end_action);
  gtk_widget_class_install_action (widget_class, "articles.unselect", NULL, unselect_action);

  gtk_widget_class_bind_template_callback (widget_class, on_speaker_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_speaker_closed);
}

void
_attest_articles_page_update_annotate (AttestArticlesPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_article = self->store != NULL && self->article != NULL;
  gboolean has_text = has_article && attest_reader_get_selection (self->reader, NULL, NULL);
  gboolean has_selected = has_article && self->selected != NULL;

  gtk_widget_action_set_enabled (widget, "articles.annotate", has_text);
  gtk_widget_action_set_enabled (widget, "articles.mark-quote", has_text);
  gtk_widget_action_set_enabled (widget, "articles.create-annotation", has_article);
  gtk_widget_action_set_enabled (widget, "articles.delete-annotation", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "articles.delete-selected", has_selected);
  gtk_widget_action_set_enabled (widget, "articles.choose-speaker",
                                 has_selected &&
                                 has_speaker (attest_annotation_get_kind (self->selected)));
  gtk_widget_action_set_enabled (widget, "articles.extend-end", has_selected);
  gtk_widget_action_set_enabled (widget, "articles.shrink-end", has_selected);
  gtk_widget_action_set_enabled (widget, "articles.extend-start", has_selected);
  gtk_widget_action_set_enabled (widget, "articles.shrink-start", has_selected);
  gtk_widget_action_set_enabled (widget, "articles.move-end", has_selected);
  gtk_widget_action_set_enabled (widget, "articles.unselect", has_selected);
  /* Disabled at the ends, so Tab goes on to the next widget as it would anywhere else. */
  gtk_widget_action_set_enabled (widget, "articles.next-annotation",
                                 has_article && neighbour (self, TRUE) != NULL);
  gtk_widget_action_set_enabled (widget, "articles.previous-annotation",
                                 has_article && neighbour (self, FALSE) != NULL);
}
