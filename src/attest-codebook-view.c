/* attest-codebook-view.c: the project's codebook, a tree of tags, and the selected tag's
 * details.
 *
 * The tree is a GtkTreeListModel whose children come from one GListStore per parent, built
 * from attest_store_list_tags () on every change of the store. A reload builds a new tree
 * and then opens the tags that were open and selects the tag that was selected, by uuid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-codebook-view"

#include "config.h"

#include "attest-codebook-view.h"
#include "attest-tag-dialog.h"
#include "attest-tag-editor.h"
#include "attest-tag-swatch.h"

#include <glib/gi18n.h>

struct _AttestCodebookView
{
  GtkWidget           parent_instance;

  AttestStore        *store;
  GHashTable         *tags;       /* uuid → AttestTag */
  GHashTable         *children;   /* parent uuid, "" for the top → GListStore of AttestTag */
  char               *filter_tag;
  char               *dragged_uuid;
  gboolean            reloading;
  /* The codebook is read when the view is first shown (or asked for a tag), not when the
   * window opens the project; then again on every change. */
  gboolean            loaded;

  /* Template widgets; the paned is bound so that dispose unparents it. */
  GtkPaned           *paned;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  AttestTagEditor    *editor;
};

G_DEFINE_FINAL_TYPE (AttestCodebookView, attest_codebook_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER_TAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Closures of the row template */

static GdkPaintable *
tag_swatch (GtkListItem *list_item,
            const char  *color)
{
  return attest_tag_swatch_new (color, 16, FALSE);
}

static char *
format_count (GtkListItem *list_item,
              guint        count)
{
  return count > 0 ? g_strdup_printf ("%u", count) : g_strdup ("");
}

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  AttestCodebookView *self = user_data;
  GListStore *kids = g_hash_table_lookup (self->children, attest_tag_get_uuid (item));

  return kids != NULL ? g_object_ref (G_LIST_MODEL (kids)) : NULL;
}

static AttestTag *
tag_at_position (AttestCodebookView *self,
                 guint               position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static guint
find_position (AttestCodebookView *self,
               const char         *uuid)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  if (uuid == NULL)
    return GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttestTag) tag = tag_at_position (self, i);

      if (tag != NULL && g_str_equal (attest_tag_get_uuid (tag), uuid))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
expand (AttestCodebookView *self,
        const char         *uuid)
{
  guint position = find_position (self, uuid);
  g_autoptr(GtkTreeListRow) row = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  gtk_tree_list_row_set_expanded (row, TRUE);
}

static void
attest_codebook_view_update_state (AttestCodebookView *self)
{
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_stack_set_visible_child_name (self->stack,
                                    g_hash_table_size (self->tags) > 0 ? "tree" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.add-tag", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.add-child", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.delete", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.show-annotations", selected);
}

static void
attest_codebook_view_show_selected (AttestCodebookView *self)
{
  g_autoptr(AttestTag) tag = attest_codebook_view_get_selected_tag (self);
  AttestTag *shown = attest_tag_editor_get_tag (self->editor);

  /* The editor follows the store itself; only another tag is news to it. */
  if (tag == NULL || shown == NULL
      || !g_str_equal (attest_tag_get_uuid (tag), attest_tag_get_uuid (shown)))
    attest_tag_editor_set_tag (self->editor, tag);
  attest_codebook_view_update_state (self);
}

static void
on_selection_changed (AttestCodebookView *self)
{
  if (!self->reloading)
    attest_codebook_view_show_selected (self);
}

static void
attest_codebook_view_reload (AttestCodebookView *self)
{
  g_autoptr(GPtrArray) open_uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GtkTreeListModel) tree = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestTag) selected = attest_codebook_view_get_selected_tag (self);
  g_autofree char *selected_uuid = selected ? g_strdup (attest_tag_get_uuid (selected)) : NULL;
  GListStore *top;
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), i);
      g_autoptr(AttestTag) tag = gtk_tree_list_row_get_item (row);

      if (gtk_tree_list_row_get_expanded (row))
        g_ptr_array_add (open_uuids, g_strdup (attest_tag_get_uuid (tag)));
    }

  g_hash_table_remove_all (self->tags);
  g_hash_table_remove_all (self->children);
  if (self->store != NULL && self->loaded
      && !(tags = attest_store_list_tags (self->store, &error)))
    g_warning ("Could not read the codebook: %s", error->message);

  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      AttestTag *tag = g_ptr_array_index (tags, i);
      const char *parent = attest_tag_get_parent_uuid (tag);
      GListStore *kids = g_hash_table_lookup (self->children, parent ? parent : "");

      if (kids == NULL)
        {
          kids = g_list_store_new (ATTEST_TYPE_TAG);
          g_hash_table_insert (self->children, g_strdup (parent ? parent : ""), kids);
        }
      g_list_store_append (kids, tag);
      g_hash_table_insert (self->tags, g_strdup (attest_tag_get_uuid (tag)), g_object_ref (tag));
    }

  if (!(top = g_hash_table_lookup (self->children, "")))
    {
      top = g_list_store_new (ATTEST_TYPE_TAG);
      g_hash_table_insert (self->children, g_strdup (""), top);
    }

  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (top)), FALSE, FALSE,
                                  create_child_model, self, NULL);

  self->reloading = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  /* In tree order, so a parent opens before its children are looked for. */
  for (guint i = 0; i < open_uuids->len; i++)
    expand (self, g_ptr_array_index (open_uuids, i));
  gtk_single_selection_set_selected (self->selection, find_position (self, selected_uuid));
  self->reloading = FALSE;

  attest_codebook_view_show_selected (self);
}

static void
on_store_changed (AttestCodebookView *self)
{
  /* Not read yet: it will be read as it is then. */
  if (!self->loaded)
    return;
  attest_codebook_view_reload (self);
}

static void
attest_codebook_view_ensure_loaded (AttestCodebookView *self)
{
  if (self->loaded || self->store == NULL)
    return;

  self->loaded = TRUE;
  attest_codebook_view_reload (self);
}

static void
attest_codebook_view_map (GtkWidget *widget)
{
  attest_codebook_view_ensure_loaded (ATTEST_CODEBOOK_VIEW (widget));

  GTK_WIDGET_CLASS (attest_codebook_view_parent_class)->map (widget);
}

/* Drag and drop: the tag under a point of the list */

static AttestTag *
tag_at (AttestCodebookView *self,
        double              x,
        double              y)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);

  for (; widget != NULL && widget != GTK_WIDGET (self->list_view);
       widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *first = gtk_widget_get_first_child (widget);

      /* The row's padding belongs to the row, whose child is the expander. */
      if (GTK_IS_TREE_EXPANDER (widget))
        return gtk_tree_expander_get_item (GTK_TREE_EXPANDER (widget));
      if (first != NULL && GTK_IS_TREE_EXPANDER (first))
        return gtk_tree_expander_get_item (GTK_TREE_EXPANDER (first));
    }
  return NULL;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource      *source,
                 double              x,
                 double              y,
                 AttestCodebookView *self)
{
  g_autoptr(AttestTag) tag = tag_at (self, x, y);

  if (tag == NULL)
    return NULL;

  g_free (self->dragged_uuid);
  self->dragged_uuid = g_strdup (attest_tag_get_uuid (tag));
  return gdk_content_provider_new_typed (G_TYPE_STRING, attest_tag_get_uuid (tag));
}

static void
on_drag_begin (GtkDragSource      *source,
               GdkDrag            *drag,
               AttestCodebookView *self)
{
  g_autoptr(GdkPaintable) icon = attest_tag_swatch_new (NULL, 16, FALSE);
  AttestTag *tag = self->dragged_uuid ? g_hash_table_lookup (self->tags, self->dragged_uuid)
                                      : NULL;

  if (tag != NULL)
    {
      g_clear_object (&icon);
      icon = attest_tag_swatch_new (attest_tag_get_color (tag), 24, FALSE);
    }
  gtk_drag_source_set_icon (source, icon, 12, 12);
}

static gboolean
on_drop (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         AttestCodebookView *self)
{
  g_autoptr(AttestTag) onto = tag_at (self, x, y);
  const char *uuid = g_value_get_string (value);
  const char *parent_uuid = onto ? attest_tag_get_uuid (onto) : NULL;

  if (uuid == NULL || g_strcmp0 (uuid, parent_uuid) == 0)
    return FALSE;
  return attest_codebook_view_move_tag (self, uuid, parent_uuid);
}

/* Adding a tag */

static void
on_new_response (AttestTagDialog    *dialog,
                 const char         *response,
                 AttestCodebookView *self)
{
  const char * const *palette = attest_tag_editor_get_palette ();
  g_autofree char *name = attest_tag_dialog_dup_name (dialog);
  g_autoptr(AttestTag) tag = NULL;
  g_autoptr(GError) error = NULL;
  const char *color;

  if (!g_str_equal (response, "add") || self->store == NULL || *name == '\0')
    return;

  /* New tags take the palette's colours in turn, so neighbours differ. */
  color = palette[g_hash_table_size (self->tags) % g_strv_length ((char **) palette)];
  if (!(tag = attest_store_create_tag (self->store, name,
                                       attest_tag_dialog_get_parent_uuid (dialog),
                                       color, NULL, &error)))
    {
      g_warning ("Could not add the tag: %s", error->message);
      return;
    }
  attest_codebook_view_select_tag (self, attest_tag_get_uuid (tag));
}

static void
ask_new_tag (AttestCodebookView *self,
             AttestTag          *parent)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GListModel *siblings = g_hash_table_lookup (self->children,
                                              parent ? attest_tag_get_uuid (parent) : "");
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) taken = NULL;
  AttestTagDialog *dialog;

  for (guint i = 0; siblings != NULL && i < g_list_model_get_n_items (siblings); i++)
    {
      g_autoptr(AttestTag) sibling = g_list_model_get_item (siblings, i);

      g_strv_builder_add (names, attest_tag_get_name (sibling));
    }
  taken = g_strv_builder_end (names);

  dialog = attest_tag_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, parent,
                                  (const char * const *) taken);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_tag_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ask_new_tag (ATTEST_CODEBOOK_VIEW (widget), NULL);
}

static void
add_child_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AttestCodebookView *self = ATTEST_CODEBOOK_VIEW (widget);
  g_autoptr(AttestTag) parent = attest_codebook_view_get_selected_tag (self);

  if (parent != NULL)
    ask_new_tag (self, parent);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  attest_tag_editor_focus_name (ATTEST_CODEBOOK_VIEW (widget)->editor);
}

/* Deleting a tag */

static void
count_subtree (AttestCodebookView *self,
               AttestTag          *tag,
               guint              *n_children,
               guint              *n_uses)
{
  GListModel *kids = g_hash_table_lookup (self->children, attest_tag_get_uuid (tag));

  *n_uses += attest_tag_get_n_annotations (tag) + attest_tag_get_n_sources (tag);
  for (guint i = 0; kids != NULL && i < g_list_model_get_n_items (kids); i++)
    {
      g_autoptr(AttestTag) kid = g_list_model_get_item (kids, i);

      (*n_children)++;
      count_subtree (self, kid, n_children, n_uses);
    }
}

static void
on_delete_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    AttestCodebookView *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "uuid");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->store == NULL)
    return;
  if (!attest_store_delete_tag (self->store, uuid, &error))
    g_warning ("Could not delete the tag: %s", error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestCodebookView *self = ATTEST_CODEBOOK_VIEW (widget);
  g_autoptr(AttestTag) tag = attest_codebook_view_get_selected_tag (self);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  guint n_children = 0, n_uses = 0;
  GtkWidget *dialog;

  if (tag == NULL)
    return;

  count_subtree (self, tag, &n_children, &n_uses);
  if (n_children > 0)
    g_string_append_printf (body, ngettext ("Its %u child tag goes with it. ",
                                            "Its %u child tags go with it. ", n_children),
                            n_children);
  if (n_uses > 0)
    g_string_append_printf (body, ngettext ("It is taken off %u annotation or source.",
                                            "It is taken off %u annotations and sources.",
                                            n_uses),
                            n_uses);
  else
    g_string_append (body, _("Nothing is tagged with it yet."));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"),
                                     attest_tag_get_name (tag));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "uuid", g_strdup (attest_tag_get_uuid (tag)),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_annotations_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AttestCodebookView *self = ATTEST_CODEBOOK_VIEW (widget);
  g_autoptr(AttestTag) tag = attest_codebook_view_get_selected_tag (self);

  if (tag != NULL)
    attest_codebook_view_set_filter_tag (self, attest_tag_get_uuid (tag));
}

static void
attest_codebook_view_dispose (GObject *object)
{
  AttestCodebookView *self = ATTEST_CODEBOOK_VIEW (object);

  /* Tearing the models down moves the selection: nothing is shown any more. */
  self->reloading = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_CODEBOOK_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_codebook_view_parent_class)->dispose (object);
}

static void
attest_codebook_view_finalize (GObject *object)
{
  AttestCodebookView *self = ATTEST_CODEBOOK_VIEW (object);

  g_clear_pointer (&self->tags, g_hash_table_unref);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->filter_tag, g_free);
  g_clear_pointer (&self->dragged_uuid, g_free);

  G_OBJECT_CLASS (attest_codebook_view_parent_class)->finalize (object);
}

static void
attest_codebook_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AttestCodebookView *self = ATTEST_CODEBOOK_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILTER_TAG:
      g_value_set_string (value, self->filter_tag);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_codebook_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AttestCodebookView *self = ATTEST_CODEBOOK_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_codebook_view_set_store (self, g_value_get_object (value));
      break;

    case PROP_FILTER_TAG:
      attest_codebook_view_set_filter_tag (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_codebook_view_class_init (AttestCodebookViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_codebook_view_dispose;
  object_class->finalize = attest_codebook_view_finalize;
  object_class->get_property = attest_codebook_view_get_property;
  object_class->set_property = attest_codebook_view_set_property;

  widget_class->map = attest_codebook_view_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILTER_TAG] =
    g_param_spec_string ("filter-tag", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "codebook.add-tag", NULL, add_tag_action);
  gtk_widget_class_install_action (widget_class, "codebook.add-child", NULL, add_child_action);
  gtk_widget_class_install_action (widget_class, "codebook.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "codebook.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "codebook.show-annotations", NULL,
                                   show_annotations_action);

  g_type_ensure (ATTEST_TYPE_TAG);
  g_type_ensure (ATTEST_TYPE_TAG_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-codebook-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestCodebookView, paned);
  gtk_widget_class_bind_template_child (widget_class, AttestCodebookView, stack);
  gtk_widget_class_bind_template_child (widget_class, AttestCodebookView, list_view);
  gtk_widget_class_bind_template_child (widget_class, AttestCodebookView, selection);
  gtk_widget_class_bind_template_child (widget_class, AttestCodebookView, editor);
  gtk_widget_class_bind_template_callback (widget_class, tag_swatch);
  gtk_widget_class_bind_template_callback (widget_class, format_count);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attest-codebook-view");
}

static void
attest_codebook_view_init (AttestCodebookView *self)
{
  GtkDragSource *drag_source;
  GtkDropTarget *drop_target;

  self->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag_source, GDK_ACTION_MOVE);
  g_signal_connect (drag_source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (drag_source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (drag_source));

  drop_target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (drop_target));

  attest_codebook_view_reload (self);
}

GtkWidget *
attest_codebook_view_new (void)
{
  return g_object_new (ATTEST_TYPE_CODEBOOK_VIEW, NULL);
}

AttestStore *
attest_codebook_view_get_store (AttestCodebookView *self)
{
  g_return_val_if_fail (ATTEST_IS_CODEBOOK_VIEW (self), NULL);

  return self->store;
}

void
attest_codebook_view_set_store (AttestCodebookView *self,
                                AttestStore        *store)
{
  g_return_if_fail (ATTEST_IS_CODEBOOK_VIEW (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  attest_tag_editor_set_store (self->editor, store);
  if (store != NULL)
    {
      /* Counts change with annotations and sources. */
      g_signal_connect_object (store, "changed::tags",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::annotations",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::sources",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* Emptied now (the reload reads no store until loaded); read at once if shown. */
  self->loaded = FALSE;
  attest_codebook_view_reload (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attest_codebook_view_ensure_loaded (self);
  attest_codebook_view_set_filter_tag (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AttestTag *
attest_codebook_view_get_selected_tag (AttestCodebookView *self)
{
  GtkTreeListRow *row;

  g_return_val_if_fail (ATTEST_IS_CODEBOOK_VIEW (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

gboolean
attest_codebook_view_select_tag (AttestCodebookView *self,
                                 const char         *uuid)
{
  g_autoptr(GPtrArray) ancestors = g_ptr_array_new ();
  AttestTag *tag;
  guint position;

  g_return_val_if_fail (ATTEST_IS_CODEBOOK_VIEW (self), FALSE);

  attest_codebook_view_ensure_loaded (self);
  if (uuid == NULL || !(tag = g_hash_table_lookup (self->tags, uuid)))
    return FALSE;

  for (const char *parent = attest_tag_get_parent_uuid (tag);
       parent != NULL && ancestors->len < g_hash_table_size (self->tags);)
    {
      AttestTag *above = g_hash_table_lookup (self->tags, parent);

      if (above == NULL)
        break;
      g_ptr_array_insert (ancestors, 0, (gpointer) attest_tag_get_uuid (above));
      parent = attest_tag_get_parent_uuid (above);
    }
  for (guint i = 0; i < ancestors->len; i++)
    expand (self, g_ptr_array_index (ancestors, i));

  position = find_position (self, uuid);
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                position);
  return position != GTK_INVALID_LIST_POSITION;
}

const char *
attest_codebook_view_get_filter_tag (AttestCodebookView *self)
{
  g_return_val_if_fail (ATTEST_IS_CODEBOOK_VIEW (self), NULL);

  return self->filter_tag;
}

void
attest_codebook_view_set_filter_tag (AttestCodebookView *self,
                                     const char         *uuid)
{
  g_return_if_fail (ATTEST_IS_CODEBOOK_VIEW (self));

  if (g_strcmp0 (self->filter_tag, uuid) == 0)
    return;

  g_free (self->filter_tag);
  self->filter_tag = g_strdup (uuid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER_TAG]);
}

gboolean
attest_codebook_view_move_tag (AttestCodebookView *self,
                               const char         *uuid,
                               const char         *parent_uuid)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ATTEST_IS_CODEBOOK_VIEW (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;
  if (!attest_store_move_tag (self->store, uuid, parent_uuid, &error))
    {
      g_debug ("Could not move the tag: %s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  /* Show where it went. */
  attest_codebook_view_select_tag (self, uuid);
  return TRUE;
}
