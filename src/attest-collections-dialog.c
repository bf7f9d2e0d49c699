/* attest-collections-dialog.c: the project's collections (named sets of articles).
 *
 * Lists the collections with their article counts; creates, renames and deletes them, and
 * fills them with the open article or every article that matches a search. Each change is
 * one undo step of the window's store; the list is re-read after each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-collections-dialog"

#include "config.h"

#include "attest-collections-dialog.h"

#include <glib/gi18n.h>

struct _AttestCollectionsDialog
{
  AdwWindow        parent_instance;

  AttestStore     *store;
  char            *article_uuid;

  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *name_row;
  GtkWidget       *empty_label;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (AttestCollectionsDialog, attest_collections_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_ARTICLE_UUID,
  N_PROPS
};

enum
{
  EXPORT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
toast (AttestCollectionsDialog *self,
       const char              *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Reports a failure and re-reads the list; TRUE when ok. */
static gboolean
check (AttestCollectionsDialog *self,
       gboolean                 ok,
       GError                  *error)
{
  if (!ok && error != NULL)
    toast (self, error->message);
  attest_collections_dialog_reload (self);
  return ok;
}

static GtkWidget *
collection_row (AttestCollection *collection)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) fill = g_menu_new ();
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *more = gtk_menu_button_new ();
  GVariant *target = g_variant_new_string (collection->uuid);

  g_variant_ref_sink (target);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                           collection->n_articles),
                              collection->n_articles);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), collection->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, collection->uuid);

  gtk_widget_set_tooltip_text (add, _("Add Open Article"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Open Article"), -1);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "collection.add-article");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (add), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);

  {
    const struct { GMenu *section; const char *label; const char *action; } items[] = {
      { fill, N_("Add _Open Article"), "collection.add-article" },
      { fill, N_("Add Articles _Matching…"), "collection.add-matching" },
      { edit, N_("_Export…"), "collection.export" },
      { edit, N_("_Rename…"), "collection.rename" },
      { edit, N_("_Delete"), "collection.delete" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (items); i++)
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

        g_menu_item_set_action_and_target_value (item, items[i].action, target);
        g_menu_append_item (items[i].section, item);
      }
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (fill));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (more, _("More"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("More"), -1);
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);

  g_variant_unref (target);
  return row;
}

static void
on_name_apply (AttestCollectionsDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (name[0] == '\0')
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "collection.create", "s", name);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestCollectionsDialog *self = ATTEST_COLLECTIONS_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  uuid = attest_store_create_collection (self->store, g_variant_get_string (parameter, NULL),
                                         NULL, &error);
  if (check (self, uuid != NULL, error))
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
}

static void
add_article_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AttestCollectionsDialog *self = ATTEST_COLLECTIONS_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  const char *uuids[] = { self->article_uuid, NULL };

  if (self->article_uuid == NULL)
    return;
  if (check (self,
             attest_store_set_collection_articles (self->store,
                                                   g_variant_get_string (parameter, NULL),
                                                   uuids, TRUE, &error),
             error))
    toast (self, _("Article added"));
}

static GtkWidget *
labelled_entry (GtkWidget  *box,
                const char *label,
                const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *title = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

static const char *
entry_text (GObject    *dialog,
            const char *key)
{
  const char *text = gtk_editable_get_text (g_object_get_data (dialog, key));

  return text[0] != '\0' ? text : NULL;
}

static void
on_matching_response (AdwMessageDialog        *dialog,
                      const char              *response,
                      AttestCollectionsDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "uuid");
  AttestSearchFilter filter = { NULL };
  guint n_added = 0;

  if (!g_str_equal (response, "add"))
    return;
  filter.outlet = entry_text (G_OBJECT (dialog), "outlet");
  filter.date_from = entry_text (G_OBJECT (dialog), "from");
  filter.date_to = entry_text (G_OBJECT (dialog), "to");
  if (check (self,
             attest_store_add_to_collection_by_rule (self->store, uuid,
                                                     entry_text (G_OBJECT (dialog), "query"),
                                                     &filter, &n_added, &error),
             error))
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u article added",
                                                               "%u articles added", n_added),
                                                  n_added);
      toast (self, message);
    }
}

static void
add_matching_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AttestCollectionsDialog *self = ATTEST_COLLECTIONS_DIALOG (widget);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *dates = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *from_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *to_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  AdwMessageDialog *dialog;
  GtkWidget *query;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Add Articles Matching"),
                                                       _("Every article that matches the "
                                                         "search and the filters is added; "
                                                         "empty fields do not filter.")));
  query = labelled_entry (box, _("Search"), _("Words in the text or quotes"));
  g_object_set_data (G_OBJECT (dialog), "query", query);
  g_object_set_data (G_OBJECT (dialog), "outlet",
                     labelled_entry (box, _("Outlet"), _("e.g. Reuters")));
  g_object_set_data (G_OBJECT (dialog), "from", labelled_entry (from_box, _("From"), "YYYY-MM-DD"));
  g_object_set_data (G_OBJECT (dialog), "to", labelled_entry (to_box, _("To"), "YYYY-MM-DD"));
  gtk_widget_set_hexpand (from_box, TRUE);
  gtk_widget_set_hexpand (to_box, TRUE);
  gtk_box_append (GTK_BOX (dates), from_box);
  gtk_box_append (GTK_BOX (dates), to_box);
  gtk_box_append (GTK_BOX (box), dates);
  gtk_entry_set_activates_default (GTK_ENTRY (query), TRUE);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "uuid",
                          g_variant_dup_string (parameter, NULL), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_matching_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_rename_response (AdwMessageDialog        *dialog,
                    const char              *response,
                    AttestCollectionsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "rename"))
    return;
  name = g_strstrip (g_strdup (entry_text (G_OBJECT (dialog), "name") ?: ""));
  if (name[0] == '\0')
    return;
  check (self,
         attest_store_rename_collection (self->store, g_object_get_data (G_OBJECT (dialog), "uuid"),
                                         name, &error),
         error);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestCollectionsDialog *self = ATTEST_COLLECTIONS_DIALOG (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
  GtkWidget *entry = gtk_entry_new ();
  AdwMessageDialog *dialog;

  for (; row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (gtk_widget_get_name (row), uuid))
      gtk_editable_set_text (GTK_EDITABLE (entry),
                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Rename Collection"), NULL));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "name", entry);
  g_object_set_data_full (G_OBJECT (dialog), "uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestCollectionsDialog *self = ATTEST_COLLECTIONS_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  /* The articles stay in the project, and the deletion can be undone from the window. */
  if (check (self,
             attest_store_delete_collection (self->store, g_variant_get_string (parameter, NULL),
                                             &error),
             error))
    toast (self, _("Collection deleted; undo it from the main menu"));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[EXPORT], 0, g_variant_get_string (parameter, NULL));
}

static void
attest_collections_dialog_dispose (GObject *object)
{
  AttestCollectionsDialog *self = ATTEST_COLLECTIONS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_COLLECTIONS_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_collections_dialog_parent_class)->dispose (object);
}

static void
attest_collections_dialog_finalize (GObject *object)
{
  AttestCollectionsDialog *self = ATTEST_COLLECTIONS_DIALOG (object);

  g_free (self->article_uuid);

  G_OBJECT_CLASS (attest_collections_dialog_parent_class)->finalize (object);
}

static void
attest_collections_dialog_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  AttestCollectionsDialog *self = ATTEST_COLLECTIONS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ARTICLE_UUID:
      g_value_set_string (value, self->article_uuid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_collections_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  AttestCollectionsDialog *self = ATTEST_COLLECTIONS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ARTICLE_UUID:
      attest_collections_dialog_set_article_uuid (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_collections_dialog_constructed (GObject *object)
{
  G_OBJECT_CLASS (attest_collections_dialog_parent_class)->constructed (object);

  attest_collections_dialog_reload (ATTEST_COLLECTIONS_DIALOG (object));
}

static void
attest_collections_dialog_class_init (AttestCollectionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_collections_dialog_dispose;
  object_class->finalize = attest_collections_dialog_finalize;
  object_class->get_property = attest_collections_dialog_get_property;
  object_class->set_property = attest_collections_dialog_set_property;
  object_class->constructed = attest_collections_dialog_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ATTEST_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE_UUID] =
    g_param_spec_string ("article-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EXPORT] = g_signal_new ("export",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-collections-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestCollectionsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AttestCollectionsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AttestCollectionsDialog, empty_label);
  gtk_widget_class_bind_template_child (widget_class, AttestCollectionsDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply);

  gtk_widget_class_install_action (widget_class, "collection.create", "s", create_action);
  gtk_widget_class_install_action (widget_class, "collection.add-article", "s",
                                   add_article_action);
  gtk_widget_class_install_action (widget_class, "collection.add-matching", "s",
                                   add_matching_action);
  gtk_widget_class_install_action (widget_class, "collection.rename", "s", rename_action);
  gtk_widget_class_install_action (widget_class, "collection.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "collection.delete", "s", delete_action);
}

static void
attest_collections_dialog_init (AttestCollectionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "collection.add-article", FALSE);
}

AttestCollectionsDialog *
attest_collections_dialog_new (GtkWindow   *parent,
                               AttestStore *store,
                               const char  *article_uuid)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATTEST_IS_STORE (store), NULL);

  return g_object_new (ATTEST_TYPE_COLLECTIONS_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "article-uuid", article_uuid,
                       NULL);
}

void
attest_collections_dialog_set_article_uuid (AttestCollectionsDialog *self,
                                            const char              *article_uuid)
{
  g_return_if_fail (ATTEST_IS_COLLECTIONS_DIALOG (self));

  if (g_strcmp0 (self->article_uuid, article_uuid) == 0)
    return;
  g_free (self->article_uuid);
  self->article_uuid = g_strdup (article_uuid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "collection.add-article",
                                 article_uuid != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_UUID]);
}

void
attest_collections_dialog_reload (AttestCollectionsDialog *self)
{
  g_autoptr(GPtrArray) collections = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (ATTEST_IS_COLLECTIONS_DIALOG (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->store == NULL)
    return;
  collections = attest_store_list_collections (self->store, &error);
  if (collections == NULL)
    {
      g_warning ("Could not list the collections: %s", error->message);
      return;
    }
  for (guint i = 0; i < collections->len; i++)
    gtk_list_box_append (self->list, collection_row (g_ptr_array_index (collections, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->list), collections->len > 0);
  gtk_widget_set_visible (self->empty_label, collections->len == 0);
}
