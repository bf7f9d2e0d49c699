/* attest-window-pages.c: AttestWindow's pages: switching between them, remembering the one
 * shown, and what ties them together (a source's quote opens in the reader, a tag of the
 * codebook filters the reader, a search result opens its article).
 *
 * Pages are AdwViewStack pages of attest-window.ui; the incidents and the timeline are added
 * here with attest_window_add_page () (Alt+4 and Alt+5), with the article's incidents in the
 * Articles page's side panel and win.link-incident, which ties a quote to an incident.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "attest-reader.h"
#include "attest-window-private.h"

static GSettingsSchema *
dup_schema (GSettings *settings)
{
  GSettingsSchema *schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema;
}

static gboolean
has_page (AttestWindow *self,
          const char   *name)
{
  return name != NULL && adw_view_stack_get_child_by_name (self->view_stack, name) != NULL;
}

static void
on_visible_page_changed (AttestWindow *self)
{
  const char *name = _attest_window_get_page (self);
  g_autoptr(GSettingsSchema) schema = NULL;

  /* An incident being edited is kept when the user goes elsewhere. */
  if (g_strcmp0 (self->previous_page, "incidents") == 0 && g_strcmp0 (name, "incidents") != 0)
    _attest_window_save_incident (self);
  self->previous_page = g_intern_string (name);
  /* The timeline reads every incident: it gets the project when its page is first shown. */
  if (g_strcmp0 (name, "timeline") == 0)
    attest_timeline_view_set_store (self->timeline_view, self->store);

  _attest_window_update_actions (self);
  if (self->restoring_page || self->store == NULL || self->settings == NULL || name == NULL)
    return;
  schema = dup_schema (self->settings);
  if (g_settings_schema_has_key (schema, "visible-page"))
    g_settings_set_string (self->settings, "visible-page", name);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (!has_page (self, name))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static gboolean
is_search_entry (GtkWidget *widget)
{
  return GTK_IS_SEARCH_ENTRY (widget) && gtk_widget_get_mapped (widget);
}

static GtkWidget *
find_search_entry (GtkWidget *root)
{
  if (is_search_entry (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Ctrl+F finds in what is shown: the open article, or a page's own search field; where
 * there is none, the whole project. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  const char *page = _attest_window_get_page (self);
  GtkWidget *shown = adw_view_stack_get_visible_child (self->view_stack);
  GtkWidget *entry = NULL;

  if (g_strcmp0 (page, "articles") == 0 &&
      attest_articles_page_get_article (self->articles_page) != NULL)
    {
      attest_reader_find (attest_articles_page_get_reader (self->articles_page), NULL);
      return;
    }
  if (g_strcmp0 (page, "articles") != 0 && shown != NULL)
    entry = find_search_entry (shown);
  if (entry != NULL)
    gtk_widget_grab_focus (entry);
  else
    gtk_widget_activate_action (widget, "win.search", NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);

  if (self->store != NULL)
    gtk_menu_button_popup (self->search_button);
}

/* The annotation commands the header bar and the menus name belong to the Articles page. */
static void
forward_to_articles_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  g_autofree char *name = NULL;

  if (g_str_equal (action_name, "win.article-properties"))
    name = g_strdup ("articles.properties");
  else
    name = g_strconcat ("articles.", action_name + strlen ("win."), NULL);
  gtk_widget_activate_action_variant (GTK_WIDGET (self->articles_page), name, parameter);
}

static void
on_open_annotation (AttestWindow *self,
                    const char   *article_uuid,
                    const char   *annotation_uuid)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "articles");
  if (!attest_articles_page_select_article (self->articles_page, article_uuid) ||
      !attest_articles_page_select_annotation (self->articles_page, annotation_uuid))
    {
      _attest_window_toast (self, _("The quote could not be found"));
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (attest_articles_page_get_reader (self->articles_page)));
}

/* "Show Annotations With This Tag" in the codebook: the reader shows them. */
static void
on_filter_tag_changed (AttestWindow *self)
{
  if (attest_codebook_view_get_filter_tag (self->codebook_view) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, "articles");
}

static void
on_hit_activated (AttestWindow *self,
                  const char   *article_uuid,
                  const char   *annotation_uuid,
                  const char   *query)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "articles");
  if (!attest_articles_page_open_hit (self->articles_page, article_uuid, annotation_uuid, query))
    _attest_window_toast (self, _("The article could not be found"));
}

static void
on_page_toast (AttestWindow *self,
               const char   *message,
               gboolean      undoable)
{
  if (undoable)
    _attest_window_toast_with_undo (self, message);
  else
    _attest_window_toast (self, message);
}

static void
on_page_changed (AttestWindow *self)
{
  _attest_window_update_actions (self);
}

/* Incidents */

static void
show_incident (AttestWindow *self,
               const char   *uuid)
{
  if (self->store == NULL || uuid == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "incidents");
  if (!attest_incidents_view_select_incident (self->incidents_view, uuid))
    _attest_window_toast (self, _("The incident could not be found"));
}

static void
on_incident_activated (AttestWindow *self,
                       const char   *uuid)
{
  show_incident (self, uuid);
}

static void
open_incident_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_incident (ATTEST_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_incident_linked (AttestWindow *self,
                    const char   *link_uuid,
                    const char   *incident_uuid)
{
  _attest_window_toast_with_undo (self, _("Quote linked to the incident"));
}

static void
on_incident_created (AttestWindow *self,
                     const char   *incident_uuid)
{
  AdwToast *toast = adw_toast_new (_("New incident recorded from the quote"));

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-incident");
  adw_toast_set_action_target_value (toast, g_variant_new_string (incident_uuid));
  _attest_window_add_toast (self, toast);
}

/* l in the reader, Ctrl+Shift+I: the popover points at the selected annotation's words. */
static void
link_incident_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AttestWindow *self = ATTEST_WINDOW (widget);
  AttestAnnotation *annotation = attest_articles_page_get_selected_annotation (self->articles_page);
  AttestReader *reader = attest_articles_page_get_reader (self->articles_page);
  GdkRectangle area;

  if (self->store == NULL || annotation == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (self->link_popover == NULL)
    {
      self->link_popover = ATTEST_LINK_INCIDENT_POPOVER (attest_link_incident_popover_new ());
      gtk_widget_set_parent (GTK_WIDGET (self->link_popover), GTK_WIDGET (reader));
      g_signal_connect_object (self->link_popover, "linked",
                               G_CALLBACK (on_incident_linked), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->link_popover, "incident-created",
                               G_CALLBACK (on_incident_created), self, G_CONNECT_SWAPPED);
    }
  attest_link_incident_popover_set_store (self->link_popover, self->store);
  attest_link_incident_popover_set_annotation_uuid (self->link_popover,
                                                    attest_annotation_get_uuid (annotation));
  if (attest_reader_get_span_area (reader, attest_annotation_get_start (annotation),
                                   attest_annotation_get_end (annotation), &area))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->link_popover), &area);
  gtk_popover_popup (GTK_POPOVER (self->link_popover));
}

static void
on_open_article_changed (AttestWindow *self)
{
  AttestArticle *article = attest_articles_page_get_article (self->articles_page);

  attest_article_incidents_set_article_uuid (self->article_incidents,
                                             article != NULL ? attest_article_get_uuid (article)
                                                             : NULL);
}

void
_attest_window_set_store_pages (AttestWindow *self,
                                AttestStore  *store)
{
  attest_incidents_view_set_store (self->incidents_view, store);
  attest_timeline_view_set_store (self->timeline_view,
                                  g_strcmp0 (_attest_window_get_page (self), "timeline") == 0
                                  ? store : NULL);
  attest_article_incidents_set_store (self->article_incidents, store);
  if (self->link_popover != NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->link_popover));
      attest_link_incident_popover_set_store (self->link_popover, store);
    }
}

void
_attest_window_save_incident (AttestWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->incidents_view == NULL || attest_incidents_view_get_store (self->incidents_view) == NULL)
    return;
  /* The editor shows why it could not; the toast says that it did not. */
  if (!attest_incidents_view_save_pending (self->incidents_view, &error))
    _attest_window_toast (self, error->message);
}

void
_attest_window_dispose_pages (AttestWindow *self)
{
  if (self->link_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->link_popover));
      self->link_popover = NULL;
    }
}

static gboolean
update_header_idle (gpointer user_data)
{
  AttestWindow *self = user_data;

  _attest_window_update_actions (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* The switcher title and the flap decide they are narrow while the header bar is being laid
 * out: the header's buttons change a moment later, not in the middle of that. */
static void
on_narrow_changed (AttestWindow *self)
{
  g_idle_add (update_header_idle, g_object_ref (self));
}

void
_attest_window_class_init_pages (GtkWidgetClass *widget_class)
{
  g_type_ensure (ATTEST_TYPE_ARTICLES_PAGE);
  g_type_ensure (ATTEST_TYPE_SOURCES_VIEW);
  g_type_ensure (ATTEST_TYPE_CODEBOOK_VIEW);
  g_type_ensure (ATTEST_TYPE_SEARCH_POPOVER);
  g_type_ensure (ATTEST_TYPE_INCIDENTS_VIEW);
  g_type_ensure (ATTEST_TYPE_TIMELINE_VIEW);
  g_type_ensure (ATTEST_TYPE_ARTICLE_INCIDENTS);

  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_open_annotation);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_tag_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_hit_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_page_toast);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.mark-quote", NULL,
                                   forward_to_articles_action);
  gtk_widget_class_install_action (widget_class, "win.create-annotation", "(suuss)",
                                   forward_to_articles_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", "s",
                                   forward_to_articles_action);
  gtk_widget_class_install_action (widget_class, "win.article-properties", NULL,
                                   forward_to_articles_action);
  gtk_widget_class_install_action (widget_class, "win.suggest", NULL,
                                   forward_to_articles_action);
  gtk_widget_class_install_action (widget_class, "win.link-incident", NULL,
                                   link_incident_action);
  gtk_widget_class_install_action (widget_class, "win.open-incident", "s",
                                   open_incident_action);
}

void
_attest_window_init_pages (AttestWindow *self)
{
  AdwFlap *flap = attest_articles_page_get_side_flap (self->articles_page);
  GtkTextBuffer *buffer;

  /* The header's button shows the side panel when it has folded over the reader. */
  g_object_bind_property (flap, "reveal-flap", self->panel_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (flap, "notify::folded",
                           G_CALLBACK (on_narrow_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (on_narrow_changed), self, G_CONNECT_SWAPPED);

  /* The codebook's filter is the Articles page's, both ways: the chip there clears it. */
  g_object_bind_property (self->codebook_view, "filter-tag",
                          self->articles_page, "filter-tag",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  buffer = attest_reader_get_buffer (attest_articles_page_get_reader (self->articles_page));
  g_signal_connect_object (buffer, "notify::has-selection",
                           G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->articles_page, "notify::article",
                           G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->articles_page, "notify::selected-annotation",
                           G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);

  self->incidents_view = ATTEST_INCIDENTS_VIEW (attest_incidents_view_new ());
  g_signal_connect_object (self->incidents_view, "open-annotation",
                           G_CALLBACK (on_open_annotation), self, G_CONNECT_SWAPPED);
  attest_window_add_page (self, GTK_WIDGET (self->incidents_view), "incidents",
                          _("_Incidents"), "x-office-calendar-symbolic");
  self->timeline_view = ATTEST_TIMELINE_VIEW (attest_timeline_view_new ());
  g_signal_connect_object (self->timeline_view, "incident-activated",
                           G_CALLBACK (on_incident_activated), self, G_CONNECT_SWAPPED);
  attest_window_add_page (self, GTK_WIDGET (self->timeline_view), "timeline",
                          _("_Timeline"), "document-open-recent-symbolic");

  /* The open article's incidents, in the side panel under its annotations. */
  self->article_incidents = ATTEST_ARTICLE_INCIDENTS (attest_article_incidents_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->article_incidents), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->article_incidents), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->article_incidents), 12);
  gtk_box_append (attest_articles_page_get_incidents_box (self->articles_page),
                  GTK_WIDGET (self->article_incidents));
  g_signal_connect_object (self->article_incidents, "incident-activated",
                           G_CALLBACK (on_incident_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->articles_page, "notify::article",
                           G_CALLBACK (on_open_article_changed), self, G_CONNECT_SWAPPED);
}

void
_attest_window_restore_page (AttestWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *name = NULL;

  if (self->settings != NULL)
    {
      schema = dup_schema (self->settings);
      if (g_settings_schema_has_key (schema, "visible-page"))
        name = g_settings_get_string (self->settings, "visible-page");
    }

  self->restoring_page = TRUE;
  adw_view_stack_set_visible_child_name (self->view_stack, has_page (self, name) ? name
                                                                                : "articles");
  self->restoring_page = FALSE;
}

const char *
_attest_window_get_page (AttestWindow *self)
{
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

const char *
attest_window_get_page (AttestWindow *self)
{
  g_return_val_if_fail (ATTEST_IS_WINDOW (self), NULL);

  return _attest_window_get_page (self);
}

void
attest_window_add_page (AttestWindow *self,
                        GtkWidget    *page,
                        const char   *name,
                        const char   *title,
                        const char   *icon_name)
{
  AdwViewStackPage *stack_page;

  g_return_if_fail (ATTEST_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (name != NULL && !has_page (self, name));

  stack_page = adw_view_stack_add_titled (self->view_stack, page, name, title);
  adw_view_stack_page_set_icon_name (stack_page, icon_name);
  adw_view_stack_page_set_use_underline (stack_page, TRUE);

  /* The page may be the one the user had last. */
  if (self->store != NULL)
    _attest_window_restore_page (self);
}
