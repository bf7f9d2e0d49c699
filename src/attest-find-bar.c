/* attest-find-bar.c: finds words in a text view.
 *
 * The matches are found once per change of the search, as offsets, and all highlighted
 * with one tag; moving between them only moves the "current" tag and the selection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-find-bar"

#include "config.h"

#include "attest-find-bar.h"
#include "attest-fts.h"

#include <glib/gi18n.h>

/* More would only slow the typing down; the count says "at least". */
#define MAX_MATCHES 5000

typedef struct
{
  guint start;
  guint end;
} Match;

struct _AttestFindBar
{
  GtkWidget        parent_instance;

  GtkTextView     *text_view;
  GtkTextTag      *match_tag;
  GtkTextTag      *current_tag;
  GArray          *matches;
  guint            current;

  /* Template widgets */
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *entry;
  GtkLabel        *count_label;
};

G_DEFINE_FINAL_TYPE (AttestFindBar, attest_find_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkTextBuffer *
get_buffer (AttestFindBar *self)
{
  return self->text_view != NULL ? gtk_text_view_get_buffer (self->text_view) : NULL;
}

/* Keeps the find highlights above every other tag of the buffer, which may have been
 * created later. */
static void
raise_tags (AttestFindBar *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  int top;

  if (buffer == NULL || self->match_tag == NULL)
    return;
  top = gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (buffer)) - 1;
  gtk_text_tag_set_priority (self->match_tag, top);
  gtk_text_tag_set_priority (self->current_tag, top);
}

static void
clear_highlights (AttestFindBar *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;

  if (buffer == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
}

static void
update_count (AttestFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *label = NULL;

  if (*text == '\0')
    label = g_strdup ("");
  else if (self->matches->len == 0)
    label = g_strdup (_("No matches"));
  else if (self->current == G_MAXUINT)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches",
                                          self->matches->len), self->matches->len);
  else
    /* Translators: the selected match and how many there are, e.g. "3 of 12" */
    label = g_strdup_printf (_("%u of %u"), self->current + 1, self->matches->len);

  gtk_label_set_text (self->count_label, label);
  if (*text != '\0' && self->matches->len == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.next", self->matches->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.previous", self->matches->len > 0);
}

static void
select_current (AttestFindBar *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;
  const Match *match;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
  if (self->current == G_MAXUINT)
    return;

  match = &g_array_index (self->matches, Match, self->current);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, match->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, match->end);
  gtk_text_buffer_apply_tag (buffer, self->current_tag, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0.0, 0.0);
}

static void
search (AttestFindBar *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  GtkTextIter match_start, match_end, cursor;
  guint from;

  g_array_set_size (self->matches, 0);
  self->current = G_MAXUINT;
  if (buffer == NULL)
    return;
  clear_highlights (self);

  if (*text != '\0' && gtk_widget_get_visible (GTK_WIDGET (self)) &&
      gtk_search_bar_get_search_mode (self->search_bar))
    {
      g_autofree char *all = NULL;
      g_autoptr(GArray) found = NULL;

      raise_tags (self);
      /* Words as the project search compares them: كتب finds كَتَبَ, cafe finds café. The
       * slice has a character for each image too, so its offsets are the buffer's. */
      gtk_text_buffer_get_bounds (buffer, &match_start, &match_end);
      all = gtk_text_buffer_get_slice (buffer, &match_start, &match_end, TRUE);
      found = attest_fts_find_all (all, text, MAX_MATCHES);
      for (guint i = 0; i < found->len; i++)
        {
          const AttestFtsMatch *span = &g_array_index (found, AttestFtsMatch, i);
          Match match = { span->start, span->end };

          g_array_append_val (self->matches, match);
          gtk_text_buffer_get_iter_at_offset (buffer, &match_start, match.start);
          gtk_text_buffer_get_iter_at_offset (buffer, &match_end, match.end);
          gtk_text_buffer_apply_tag (buffer, self->match_tag, &match_start, &match_end);
        }

      /* The first match from where the reader is, so typing does not jump to the top. */
      if (self->matches->len > 0)
        {
          gtk_text_buffer_get_selection_bounds (buffer, &cursor, NULL);
          from = gtk_text_iter_get_offset (&cursor);
          self->current = 0;
          for (guint i = 0; i < self->matches->len; i++)
            if (g_array_index (self->matches, Match, i).start >= from)
              {
                self->current = i;
                break;
              }
          select_current (self);
        }
    }

  update_count (self);
}

static void
on_search_changed (AttestFindBar *self)
{
  search (self);
}

static void
on_next_match (AttestFindBar *self)
{
  attest_find_bar_next (self, FALSE);
}

static void
on_previous_match (AttestFindBar *self)
{
  attest_find_bar_next (self, TRUE);
}

static void
on_stop_search (AttestFindBar *self)
{
  attest_find_bar_close (self);
}

static void
on_search_mode_changed (AttestFindBar *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      clear_highlights (self);
      g_array_set_size (self->matches, 0);
      self->current = G_MAXUINT;
      update_count (self);
    }
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  attest_find_bar_next (ATTEST_FIND_BAR (widget), g_str_equal (action_name, "find.previous"));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  attest_find_bar_close (ATTEST_FIND_BAR (widget));
}

static void
attest_find_bar_dispose (GObject *object)
{
  AttestFindBar *self = ATTEST_FIND_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_FIND_BAR);
  g_clear_weak_pointer (&self->text_view);
  g_clear_object (&self->match_tag);
  g_clear_object (&self->current_tag);

  G_OBJECT_CLASS (attest_find_bar_parent_class)->dispose (object);
}

static void
attest_find_bar_finalize (GObject *object)
{
  AttestFindBar *self = ATTEST_FIND_BAR (object);

  g_clear_pointer (&self->matches, g_array_unref);

  G_OBJECT_CLASS (attest_find_bar_parent_class)->finalize (object);
}

static void
attest_find_bar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AttestFindBar *self = ATTEST_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_TEXT_VIEW:
      g_value_set_object (value, self->text_view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_find_bar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AttestFindBar *self = ATTEST_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_TEXT_VIEW:
      attest_find_bar_set_text_view (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_find_bar_class_init (AttestFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_find_bar_dispose;
  object_class->finalize = attest_find_bar_finalize;
  object_class->get_property = attest_find_bar_get_property;
  object_class->set_property = attest_find_bar_set_property;

  properties[PROP_TEXT_VIEW] =
    g_param_spec_object ("text-view", NULL, NULL,
                         GTK_TYPE_TEXT_VIEW,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "find.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "find.previous", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "find.close", NULL, close_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AttestFindBar, entry);
  gtk_widget_class_bind_template_child (widget_class, AttestFindBar, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_next_match);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_match);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attest-find-bar");
}

static void
attest_find_bar_init (AttestFindBar *self)
{
  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));
  self->current = G_MAXUINT;

  gtk_widget_init_template (GTK_WIDGET (self));
  update_count (self);
}

GtkWidget *
attest_find_bar_new (void)
{
  return g_object_new (ATTEST_TYPE_FIND_BAR, NULL);
}

GtkTextView *
attest_find_bar_get_text_view (AttestFindBar *self)
{
  g_return_val_if_fail (ATTEST_IS_FIND_BAR (self), NULL);

  return self->text_view;
}

void
attest_find_bar_set_text_view (AttestFindBar *self,
                               GtkTextView   *text_view)
{
  GtkTextBuffer *buffer;
  GdkRGBA match = { 0.96, 0.83, 0.18, 0.55 };
  GdkRGBA current = { 1.0, 0.47, 0.0, 0.6 };

  g_return_if_fail (ATTEST_IS_FIND_BAR (self));
  g_return_if_fail (text_view == NULL || GTK_IS_TEXT_VIEW (text_view));
  /* The tags live in the first view's buffer. */
  g_return_if_fail (self->text_view == NULL || text_view == self->text_view);

  if (self->text_view == text_view)
    return;

  g_set_weak_pointer (&self->text_view, text_view);
  buffer = gtk_text_view_get_buffer (text_view);
  self->match_tag = g_object_ref (gtk_text_buffer_create_tag (buffer, "find-match",
                                                              "background-rgba", &match,
                                                              NULL));
  self->current_tag = g_object_ref (gtk_text_buffer_create_tag (buffer, "find-current",
                                                                "background-rgba", &current,
                                                                NULL));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_VIEW]);
}

void
attest_find_bar_open (AttestFindBar *self,
                      const char    *text)
{
  g_autofree char *selected = NULL;

  g_return_if_fail (ATTEST_IS_FIND_BAR (self));

  /* Asked by the user (Ctrl+F), the bar looks for the words selected in the text, if they
   * are a few on one line, as text editors do. */
  if (text == NULL && self->text_view != NULL)
    {
      GtkTextIter start, end;

      if (gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end) &&
          gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end) &&
          gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) <= 80)
        selected = gtk_text_iter_get_text (&start, &end);
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  /* The entry says "search-changed" a moment after a change; a text given here is found
   * at once. */
  if (text != NULL || selected != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : selected);
  search (self);

  if (text == NULL)
    {
      /* What was searched before is selected, so typing replaces it. */
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
      gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
    }
  else
    {
      /* Text selected in the entry would take the primary selection, and the text view
       * gives up its own (the match the caller wants shown) when another widget takes it. */
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (self->entry));

      gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
      gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
    }
}

void
attest_find_bar_close (AttestFindBar *self)
{
  g_return_if_fail (ATTEST_IS_FIND_BAR (self));

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    return;
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (self->text_view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

gboolean
attest_find_bar_get_open (AttestFindBar *self)
{
  g_return_val_if_fail (ATTEST_IS_FIND_BAR (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

const char *
attest_find_bar_get_text (AttestFindBar *self)
{
  g_return_val_if_fail (ATTEST_IS_FIND_BAR (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

gboolean
attest_find_bar_next (AttestFindBar *self,
                      gboolean       backwards)
{
  guint n;

  g_return_val_if_fail (ATTEST_IS_FIND_BAR (self), FALSE);

  n = self->matches->len;
  if (n == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  if (self->current == G_MAXUINT)
    self->current = backwards ? n - 1 : 0;
  else if (backwards)
    self->current = (self->current + n - 1) % n;
  else
    self->current = (self->current + 1) % n;

  select_current (self);
  update_count (self);
  return TRUE;
}

guint
attest_find_bar_get_n_matches (AttestFindBar *self)
{
  g_return_val_if_fail (ATTEST_IS_FIND_BAR (self), 0);

  return self->matches->len;
}

guint
attest_find_bar_get_current (AttestFindBar *self)
{
  g_return_val_if_fail (ATTEST_IS_FIND_BAR (self), G_MAXUINT);

  return self->current;
}

void
attest_find_bar_refresh (AttestFindBar *self)
{
  g_return_if_fail (ATTEST_IS_FIND_BAR (self));

  search (self);
}

GtkTextTag *
attest_find_bar_get_match_tag (AttestFindBar *self)
{
  g_return_val_if_fail (ATTEST_IS_FIND_BAR (self), NULL);

  return self->match_tag;
}
