/* attest-article-details.c: the window that shows and corrects an article's details.
 *
 * The text itself never changes; these are the details a researcher corrects after an
 * import (a title cut short, a missing byline or date). Saving is one undoable step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-article-details"

#include "config.h"

#include "attest-article-details.h"

#include <glib/gi18n.h>
#include <string.h>

#include "attest-url-dialog.h"

typedef enum
{
  FIELD_TITLE,
  FIELD_BYLINE,
  FIELD_OUTLET,
  FIELD_PUBLISHED,
  FIELD_URL,
  FIELD_LANGUAGE,
  FIELD_DESCRIPTION,
  N_FIELDS
} Field;

struct _AttestArticleDetails
{
  AdwWindow       parent_instance;

  AttestStore    *store;
  AttestArticle  *article;
  /* The value of each field as loaded and as typed (trimmed), never NULL. */
  char           *original[N_FIELDS];
  char           *current[N_FIELDS];
  /* Warning icons with a hint, shown in a row while its text is not valid. */
  GtkWidget      *error_icons[N_FIELDS];

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *title_row;
  AdwEntryRow     *byline_row;
  AdwEntryRow     *outlet_row;
  AdwEntryRow     *published_row;
  AdwEntryRow     *url_row;
  AdwEntryRow     *language_row;
  AdwEntryRow     *description_row;
  AdwActionRow    *imported_row;
  AdwActionRow    *origin_row;
  AdwActionRow    *id_row;
};

G_DEFINE_FINAL_TYPE (AttestArticleDetails, attest_article_details, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AdwEntryRow *
field_row (AttestArticleDetails *self,
           Field                 field)
{
  switch (field)
    {
    case FIELD_TITLE:
      return self->title_row;
    case FIELD_BYLINE:
      return self->byline_row;
    case FIELD_OUTLET:
      return self->outlet_row;
    case FIELD_PUBLISHED:
      return self->published_row;
    case FIELD_URL:
      return self->url_row;
    case FIELD_LANGUAGE:
      return self->language_row;
    case FIELD_DESCRIPTION:
    case N_FIELDS:
    default:
      return self->description_row;
    }
}

static const char *
article_field (AttestArticle *article,
               Field          field)
{
  switch (field)
    {
    case FIELD_TITLE:
      return attest_article_get_title (article);
    case FIELD_BYLINE:
      return attest_article_get_byline (article);
    case FIELD_OUTLET:
      return attest_article_get_outlet (article);
    case FIELD_PUBLISHED:
      return attest_article_get_published (article);
    case FIELD_URL:
      return attest_article_get_url (article);
    case FIELD_LANGUAGE:
      return attest_article_get_language (article);
    case FIELD_DESCRIPTION:
    case N_FIELDS:
    default:
      return attest_article_get_description (article);
    }
}

static gboolean
field_is_valid (AttestArticleDetails *self,
                Field                 field)
{
  const char *text = self->current[field];
  g_autofree char *address = NULL;

  /* What the import stored is kept as it is, even if it would not be typed that way. */
  if (g_strcmp0 (text, self->original[field]) == 0)
    return TRUE;

  switch (field)
    {
    case FIELD_TITLE:
      return *text != '\0';
    case FIELD_PUBLISHED:
      return attest_article_details_check_published (text);
    case FIELD_URL:
      address = attest_url_dialog_dup_address (text);
      return *text == '\0' || address != NULL;
    case FIELD_BYLINE:
    case FIELD_OUTLET:
    case FIELD_LANGUAGE:
    case FIELD_DESCRIPTION:
    case N_FIELDS:
    default:
      return TRUE;
    }
}

static GtkWidget *
create_error_icon (const char *hint)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_tooltip_text (icon, hint);
  gtk_widget_add_css_class (icon, "error");
  return g_object_ref_sink (icon);
}

/* The icon is added and removed, not hidden: a hidden suffix still takes room in the row. */
static void
set_row_error (AdwEntryRow *row,
               GtkWidget   *icon,
               gboolean     error)
{
  gboolean shown = icon != NULL && gtk_widget_get_parent (icon) != NULL;

  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  if (icon != NULL && error && !shown)
    adw_entry_row_add_suffix (row, icon);
  else if (icon != NULL && !error && shown)
    adw_entry_row_remove (row, icon);
}

static void
attest_article_details_update (AttestArticleDetails *self)
{
  gboolean changed = FALSE;
  gboolean valid = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      gboolean ok = field_is_valid (self, i);

      set_row_error (field_row (self, i), self->error_icons[i], !ok);

      valid = valid && ok;
      changed = changed || g_strcmp0 (self->current[i], self->original[i]) != 0;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.save", changed && valid);
}

static void
on_row_changed (AttestArticleDetails *self,
                GtkEditable          *row)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (GTK_EDITABLE (field_row (self, i)) != row)
        continue;
      g_free (self->current[i]);
      self->current[i] = g_strstrip (g_strdup (gtk_editable_get_text (row)));
    }
  attest_article_details_update (self);
}

static char *
format_imported_at (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL || !(when = g_date_time_new_from_iso8601 (iso, utc)))
    return g_strdup (iso != NULL ? iso : "");

  local = g_date_time_to_local (when);
  /* Translators: when an article was imported; see g_date_time_format () */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static char *
describe_origin (const char *origin)
{
  if (origin == NULL || *origin == '\0')
    return g_strdup (_("Unknown"));
  if (g_str_equal (origin, "paste"))
    return g_strdup (_("Pasted text"));
  if (g_path_is_absolute (origin))
    return g_filename_display_name (origin);
  return g_strdup (origin);
}

static void
attest_article_details_load (AttestArticleDetails *self)
{
  g_autofree char *imported = NULL;
  g_autofree char *origin = NULL;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *value = article_field (self->article, i);

      self->original[i] = g_strstrip (g_strdup (value != NULL ? value : ""));
      self->current[i] = g_strdup (self->original[i]);
      gtk_editable_set_text (GTK_EDITABLE (field_row (self, i)), self->original[i]);
    }

  imported = format_imported_at (attest_article_get_imported_at (self->article));
  origin = describe_origin (attest_article_get_origin (self->article));
  adw_action_row_set_subtitle (self->imported_row, imported);
  adw_action_row_set_subtitle (self->origin_row, origin);
  adw_action_row_set_subtitle (self->id_row, attest_article_get_uuid (self->article));

  attest_article_details_update (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttestArticleDetails *self = ATTEST_ARTICLE_DETAILS (widget);
  AttestArticleMeta meta = { 0 };
  g_autoptr(GError) error = NULL;

  if (!attest_article_details_get_changes (self, &meta))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  if (!attest_store_update_article (self->store, attest_article_get_uuid (self->article), &meta,
                                    &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
copy_id_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AttestArticleDetails *self = ATTEST_ARTICLE_DETAILS (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          attest_article_get_uuid (self->article));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Identifier copied")));
}

static void
attest_article_details_dispose (GObject *object)
{
  AttestArticleDetails *self = ATTEST_ARTICLE_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_ARTICLE_DETAILS);
  g_clear_object (&self->store);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (attest_article_details_parent_class)->dispose (object);
}

static void
attest_article_details_finalize (GObject *object)
{
  AttestArticleDetails *self = ATTEST_ARTICLE_DETAILS (object);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_free (self->original[i]);
      g_free (self->current[i]);
      g_clear_object (&self->error_icons[i]);
    }

  G_OBJECT_CLASS (attest_article_details_parent_class)->finalize (object);
}

static void
attest_article_details_class_init (AttestArticleDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_article_details_dispose;
  object_class->finalize = attest_article_details_finalize;

  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-article-details.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestArticleDetails, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AttestArticleDetails, title_row);
  gtk_widget_class_bind_template_child (widget_class, AttestArticleDetails, byline_row);
  gtk_widget_class_bind_template_child (widget_class, AttestArticleDetails, outlet_row);
  gtk_widget_class_bind_template_child (widget_class, AttestArticleDetails, published_row);
  gtk_widget_class_bind_template_child (widget_class, AttestArticleDetails, url_row);
  gtk_widget_class_bind_template_child (widget_class, AttestArticleDetails, language_row);
  gtk_widget_class_bind_template_child (widget_class, AttestArticleDetails, description_row);
  gtk_widget_class_bind_template_child (widget_class, AttestArticleDetails, imported_row);
  gtk_widget_class_bind_template_child (widget_class, AttestArticleDetails, origin_row);
  gtk_widget_class_bind_template_child (widget_class, AttestArticleDetails, id_row);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed);

  gtk_widget_class_install_action (widget_class, "details.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "details.copy-id", NULL, copy_id_action);
}

static void
attest_article_details_init (AttestArticleDetails *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->original[i] = g_strdup ("");
      self->current[i] = g_strdup ("");
    }

  self->error_icons[FIELD_TITLE] =
    create_error_icon (_("An article needs a title"));
  self->error_icons[FIELD_PUBLISHED] =
    create_error_icon (_("Write the date as year-month-day, e.g. 2015-03-12"));
  self->error_icons[FIELD_URL] =
    create_error_icon (_("Only http:// and https:// addresses"));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.save", FALSE);
}

AttestArticleDetails *
attest_article_details_new (GtkWindow     *parent,
                            AttestStore   *store,
                            AttestArticle *article)
{
  AttestArticleDetails *self;
  GtkEditable *title_text;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATTEST_IS_STORE (store), NULL);
  g_return_val_if_fail (ATTEST_IS_ARTICLE (article), NULL);

  self = g_object_new (ATTEST_TYPE_ARTICLE_DETAILS,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->article = g_object_ref (article);
  attest_article_details_load (self);
  /* Ready to correct the title, without selecting it all for a keystroke to replace. */
  title_text = gtk_editable_get_delegate (GTK_EDITABLE (self->title_row));
  gtk_text_grab_focus_without_selecting (GTK_TEXT (title_text));

  return self;
}

AttestArticle *
attest_article_details_get_article (AttestArticleDetails *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE_DETAILS (self), NULL);

  return self->article;
}

gboolean
attest_article_details_get_changes (AttestArticleDetails *self,
                                    AttestArticleMeta    *meta)
{
  const char *changes[N_FIELDS] = { NULL };
  gboolean any = FALSE;

  g_return_val_if_fail (ATTEST_IS_ARTICLE_DETAILS (self), FALSE);
  g_return_val_if_fail (meta != NULL, FALSE);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (g_strcmp0 (self->current[i], self->original[i]) == 0)
        continue;
      changes[i] = self->current[i];
      any = TRUE;
    }

  memset (meta, 0, sizeof *meta);
  meta->title = changes[FIELD_TITLE];
  meta->byline = changes[FIELD_BYLINE];
  meta->outlet = changes[FIELD_OUTLET];
  meta->published = changes[FIELD_PUBLISHED];
  meta->url = changes[FIELD_URL];
  meta->language = changes[FIELD_LANGUAGE];
  meta->description = changes[FIELD_DESCRIPTION];
  return any;
}

gboolean
attest_article_details_check_published (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) when = NULL;
  guint year, month, day;

  if (text == NULL || *text == '\0')
    return TRUE;

  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    {
      for (guint i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
          return FALSE;
      year = g_ascii_strtoull (text, NULL, 10);
      month = g_ascii_strtoull (text + 5, NULL, 10);
      day = g_ascii_strtoull (text + 8, NULL, 10);
      return year >= 1 && g_date_valid_dmy (day, month, year);
    }

  utc = g_time_zone_new_utc ();
  when = g_date_time_new_from_iso8601 (text, utc);
  return when != NULL && strchr (text, 'T') != NULL;
}
