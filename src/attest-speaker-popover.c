/* attest-speaker-popover.c: type-ahead choice of a source.
 *
 * The list is one model: a "Create “…”" item (a GtkStringObject holding the typed name)
 * when nothing matches exactly, then the matching sources, best match first. One selection
 * over it is the highlighted row that Up, Down and Enter move and pick, so the popover works
 * without a mouse while the focus stays in the search field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-speaker-popover"

#include "config.h"

#include "attest-speaker-popover.h"
#include "attest-source-list.h"

#include <glib/gi18n.h>

struct _AttestSpeakerPopover
{
  GtkPopover          parent_instance;

  AttestStore        *store;
  AttestSourceList   *sources;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GListStore         *create_items;
  GStrv               kind_keys;
  GHashTable         *kind_labels_by_key;
  char               *exclude_uuid;
  char               *key;           /* the typed text, folded */
  gboolean            allow_create;
  gboolean            dirty;

  /* Template widgets */
  GtkLabel           *heading_label;
  GtkSearchEntry     *entry;
  GtkBox             *kind_box;
  GtkDropDown        *kind_dropdown;
  GtkStringList      *kind_labels;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkLabel           *empty_label;
};

G_DEFINE_FINAL_TYPE (AttestSpeakerPopover, attest_speaker_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ALLOW_CREATE,
  PROP_EXCLUDE_UUID,
  PROP_HEADING,
  N_PROPS
};

enum {
  SPEAKER_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  const char *trigger;
  const char *action;
} arrow_keys[] = {
  { "Down|KP_Down", "speaker.next" },
  { "Up|KP_Up", "speaker.previous" },
};

static gboolean
filter_source (gpointer item,
               gpointer user_data)
{
  AttestSpeakerPopover *self = user_data;
  AttestSource *source = item;

  if (self->exclude_uuid != NULL
      && g_str_equal (attest_source_get_uuid (source), self->exclude_uuid))
    return FALSE;
  return attest_source_match (source, self->key) >= 0;
}

/* Exact matches first, then names and aliases that start with the text, then the rest. */
static int
compare_sources (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  AttestSpeakerPopover *self = user_data;
  AttestSource *source_a = (AttestSource *) a;
  AttestSource *source_b = (AttestSource *) b;
  int rank_a = attest_source_match (source_a, self->key);
  int rank_b = attest_source_match (source_b, self->key);

  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  return g_utf8_collate (attest_source_get_name (source_a), attest_source_get_name (source_b));
}

static const char *
kind_label (AttestSpeakerPopover *self,
            const char           *key)
{
  const char *label = NULL;

  if (key != NULL && self->kind_labels_by_key != NULL)
    label = g_hash_table_lookup (self->kind_labels_by_key, key);
  return label != NULL ? label : key;
}

static void
attest_speaker_popover_load_kinds (AttestSpeakerPopover *self)
{
  g_autoptr(GError) error = NULL;
  guint old_selected = gtk_drop_down_get_selected (self->kind_dropdown);
  g_autofree char *old_key = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->kind_labels));
  guint other = 0;

  if (self->kind_keys != NULL && old_selected < g_strv_length (self->kind_keys))
    old_key = g_strdup (self->kind_keys[old_selected]);

  g_clear_pointer (&self->kind_keys, g_strfreev);
  g_hash_table_remove_all (self->kind_labels_by_key);

  if (self->store != NULL && !(self->kind_keys = attest_store_list_source_kinds (self->store,
                                                                                 &error)))
    g_warning ("Could not list the kinds of source: %s", error->message);
  if (self->kind_keys == NULL)
    self->kind_keys = g_new0 (char *, 1);

  gtk_string_list_splice (self->kind_labels, 0, n_old, NULL);
  for (guint i = 0; self->kind_keys[i] != NULL; i++)
    {
      char *label = self->store != NULL
                    ? attest_store_get_source_kind_label (self->store, self->kind_keys[i])
                    : NULL;

      if (label == NULL)
        label = g_strdup (self->kind_keys[i]);
      gtk_string_list_append (self->kind_labels, label);
      g_hash_table_insert (self->kind_labels_by_key, g_strdup (self->kind_keys[i]), label);
      if (g_str_equal (self->kind_keys[i], "other"))
        other = i;
    }

  /* A new source is "other" until the user says what it is. */
  if (old_key != NULL && g_strv_contains ((const char * const *) self->kind_keys, old_key))
    {
      for (guint i = 0; self->kind_keys[i] != NULL; i++)
        if (g_str_equal (self->kind_keys[i], old_key))
          other = i;
    }
  gtk_drop_down_set_selected (self->kind_dropdown, other);
}

static char *
dup_typed_name (AttestSpeakerPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  return g_strstrip (g_strdup (text));
}

/* Puts the highlight where Enter should go: on a source that starts like the typed text,
 * otherwise on "Create", so a new name is not silently taken for a similar one. */
static void
attest_speaker_popover_reset_cursor (AttestSpeakerPopover *self)
{
  guint n_create = g_list_model_get_n_items (G_LIST_MODEL (self->create_items));
  guint n_sources = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint position = GTK_INVALID_LIST_POSITION;

  if (n_sources > 0)
    {
      g_autoptr(AttestSource) first = g_list_model_get_item (G_LIST_MODEL (self->sorted), 0);

      if (n_create == 0 || attest_source_match (first, self->key) <= 1)
        position = n_create;
    }
  if (position == GTK_INVALID_LIST_POSITION && n_create > 0)
    position = 0;

  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                position);
}

static void
attest_speaker_popover_refilter (AttestSpeakerPopover *self)
{
  g_autofree char *name = dup_typed_name (self);
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);
  GtkSorter *sorter = gtk_sort_list_model_get_sorter (self->sorted);
  gboolean exact = FALSE;
  guint n_sources;

  g_free (self->key);
  self->key = attest_source_fold (name);

  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);

  n_sources = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  if (n_sources > 0)
    {
      g_autoptr(AttestSource) first = g_list_model_get_item (G_LIST_MODEL (self->sorted), 0);

      exact = attest_source_match (first, self->key) == 0;
    }

  if (self->allow_create && *name != '\0' && !exact)
    {
      g_autoptr(GtkStringObject) item = gtk_string_object_new (name);

      g_list_store_splice (self->create_items, 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->create_items)),
                           (gpointer *) &item, 1);
      gtk_widget_set_visible (GTK_WIDGET (self->kind_box), TRUE);
    }
  else
    {
      g_list_store_remove_all (self->create_items);
      gtk_widget_set_visible (GTK_WIDGET (self->kind_box), FALSE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0);
  attest_speaker_popover_reset_cursor (self);
}

static void
attest_speaker_popover_reload (AttestSpeakerPopover *self)
{
  self->dirty = FALSE;
  attest_speaker_popover_load_kinds (self);
  if (attest_source_list_get_store (self->sources) != self->store)
    {
      /* The first opening since the store was set: the sources are read now. */
      g_clear_object (&self->sources);
      self->sources = attest_source_list_new (self->store);
      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->sources));
    }
  else
    attest_source_list_reload (self->sources);
  attest_speaker_popover_refilter (self);
}

static void
on_store_changed (AttestSpeakerPopover *self)
{
  /* A closed popover catches up when it opens. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attest_speaker_popover_reload (self);
  else
    self->dirty = TRUE;
}

static void
attest_speaker_popover_choose_position (AttestSpeakerPopover *self,
                                        guint                 position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;

  if (item == NULL)
    return;

  if (ATTEST_IS_SOURCE (item))
    {
      uuid = g_strdup (attest_source_get_uuid (ATTEST_SOURCE (item)));
      name = g_strdup (attest_source_get_name (ATTEST_SOURCE (item)));
      kind = g_strdup (attest_source_get_kind (ATTEST_SOURCE (item)));
    }
  else
    {
      guint selected_kind = gtk_drop_down_get_selected (self->kind_dropdown);

      name = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      if (selected_kind < g_strv_length (self->kind_keys))
        kind = g_strdup (self->kind_keys[selected_kind]);
      else
        kind = g_strdup ("other");
    }

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[SPEAKER_CHOSEN], 0, uuid, name, kind);
}

static void
on_entry_changed (AttestSpeakerPopover *self)
{
  attest_speaker_popover_refilter (self);
}

static void
on_entry_activate (AttestSpeakerPopover *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "speaker.choose", NULL);
}

static void
on_stop_search (AttestSpeakerPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_list_activate (AttestSpeakerPopover *self,
                  guint                 position)
{
  attest_speaker_popover_choose_position (self, position);
}

static void
on_row_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              AttestSpeakerPopover     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (kind), 1);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_add_css_class (kind, "caption");

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_list_item_set_child (list_item, box);
}

static void
on_row_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             AttestSpeakerPopover     *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_next_sibling (icon);
  GtkWidget *kind = gtk_widget_get_next_sibling (name);
  GObject *item = gtk_list_item_get_item (list_item);

  if (ATTEST_IS_SOURCE (item))
    {
      AttestSource *source = ATTEST_SOURCE (item);
      const char * const *aliases = attest_source_get_aliases (source);
      g_autofree char *tooltip = NULL;

      gtk_widget_set_visible (icon, FALSE);
      gtk_label_set_text (GTK_LABEL (name), attest_source_get_name (source));
      gtk_label_set_text (GTK_LABEL (kind), kind_label (self, attest_source_get_kind (source)));
      gtk_widget_set_visible (kind, TRUE);
      if (aliases[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) aliases);

          /* Translators: the other names of a source, in a tooltip */
          tooltip = g_strdup_printf (_("Also called: %s"), joined);
        }
      gtk_widget_set_tooltip_text (box, tooltip);
    }
  else
    {
      g_autofree char *label = NULL;

      /* Translators: a row that adds the typed name as a new source */
      label = g_strdup_printf (_("Create “%s”"),
                               gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      gtk_widget_set_visible (icon, TRUE);
      gtk_label_set_text (GTK_LABEL (name), label);
      gtk_widget_set_visible (kind, FALSE);
      gtk_widget_set_tooltip_text (box, NULL);
    }
}

static void
move_cursor (AttestSpeakerPopover *self,
             int                   delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint position;

  if (n == 0)
    return;
  if (selected == GTK_INVALID_LIST_POSITION)
    position = delta > 0 ? 0 : n - 1;
  else if (delta < 0)
    position = selected > 0 ? selected - 1 : 0;
  else
    position = MIN (selected + 1, n - 1);

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              position);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_cursor (ATTEST_SPEAKER_POPOVER (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_cursor (ATTEST_SPEAKER_POPOVER (widget), -1);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestSpeakerPopover *self = ATTEST_SPEAKER_POPOVER (widget);
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    attest_speaker_popover_choose_position (self, selected);
  else
    gtk_widget_error_bell (widget);
}

static void
attest_speaker_popover_map (GtkWidget *widget)
{
  AttestSpeakerPopover *self = ATTEST_SPEAKER_POPOVER (widget);

  /* Every opening starts from an empty search over the current sources. */
  if (self->dirty)
    attest_speaker_popover_reload (self);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  else
    attest_speaker_popover_refilter (self);

  GTK_WIDGET_CLASS (attest_speaker_popover_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
attest_speaker_popover_dispose (GObject *object)
{
  AttestSpeakerPopover *self = ATTEST_SPEAKER_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_SPEAKER_POPOVER);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sources);
  g_clear_object (&self->create_items);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_speaker_popover_parent_class)->dispose (object);
}

static void
attest_speaker_popover_finalize (GObject *object)
{
  AttestSpeakerPopover *self = ATTEST_SPEAKER_POPOVER (object);

  g_clear_pointer (&self->kind_keys, g_strfreev);
  g_clear_pointer (&self->kind_labels_by_key, g_hash_table_unref);
  g_clear_pointer (&self->exclude_uuid, g_free);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (attest_speaker_popover_parent_class)->finalize (object);
}

static void
attest_speaker_popover_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AttestSpeakerPopover *self = ATTEST_SPEAKER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ALLOW_CREATE:
      g_value_set_boolean (value, self->allow_create);
      break;

    case PROP_EXCLUDE_UUID:
      g_value_set_string (value, self->exclude_uuid);
      break;

    case PROP_HEADING:
      g_value_set_string (value, attest_speaker_popover_get_heading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_speaker_popover_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AttestSpeakerPopover *self = ATTEST_SPEAKER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_speaker_popover_set_store (self, g_value_get_object (value));
      break;

    case PROP_ALLOW_CREATE:
      attest_speaker_popover_set_allow_create (self, g_value_get_boolean (value));
      break;

    case PROP_EXCLUDE_UUID:
      attest_speaker_popover_set_exclude_uuid (self, g_value_get_string (value));
      break;

    case PROP_HEADING:
      attest_speaker_popover_set_heading (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_speaker_popover_class_init (AttestSpeakerPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_speaker_popover_dispose;
  object_class->finalize = attest_speaker_popover_finalize;
  object_class->get_property = attest_speaker_popover_get_property;
  object_class->set_property = attest_speaker_popover_set_property;
  widget_class->map = attest_speaker_popover_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ALLOW_CREATE] =
    g_param_spec_boolean ("allow-create", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXCLUDE_UUID] =
    g_param_spec_string ("exclude-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SPEAKER_CHOSEN] =
    g_signal_new ("speaker-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "speaker.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "speaker.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "speaker.choose", NULL, choose_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-speaker-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestSpeakerPopover, heading_label);
  gtk_widget_class_bind_template_child (widget_class, AttestSpeakerPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, AttestSpeakerPopover, kind_box);
  gtk_widget_class_bind_template_child (widget_class, AttestSpeakerPopover, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttestSpeakerPopover, kind_labels);
  gtk_widget_class_bind_template_child (widget_class, AttestSpeakerPopover, list_view);
  gtk_widget_class_bind_template_child (widget_class, AttestSpeakerPopover, selection);
  gtk_widget_class_bind_template_child (widget_class, AttestSpeakerPopover, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind);
}

static void
attest_speaker_popover_init (AttestSpeakerPopover *self)
{
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkFlattenListModel) flat = NULL;
  GtkEventController *keys;

  self->allow_create = TRUE;
  self->key = g_strdup ("");
  self->kind_labels_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Up and Down in the search field move through the list, before the field's own
   * handling; only there, so they still work inside the "kind" drop-down. */
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (arrow_keys); i++)
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_shortcut_trigger_parse_string (arrow_keys[i].trigger),
                        gtk_named_action_new (arrow_keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  self->sources = attest_source_list_new (NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sources)),
                                              GTK_FILTER (gtk_custom_filter_new (filter_source,
                                                                                 self, NULL)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          GTK_SORTER (gtk_custom_sorter_new (compare_sources,
                                                                             self, NULL)));
  self->create_items = g_list_store_new (GTK_TYPE_STRING_OBJECT);

  g_list_store_append (parts, self->create_items);
  g_list_store_append (parts, self->sorted);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (flat));

  attest_speaker_popover_load_kinds (self);
}

GtkWidget *
attest_speaker_popover_new (void)
{
  return g_object_new (ATTEST_TYPE_SPEAKER_POPOVER, NULL);
}

AttestStore *
attest_speaker_popover_get_store (AttestSpeakerPopover *self)
{
  g_return_val_if_fail (ATTEST_IS_SPEAKER_POPOVER (self), NULL);

  return self->store;
}

void
attest_speaker_popover_set_store (AttestSpeakerPopover *self,
                                  AttestStore          *store)
{
  g_autoptr(AttestSourceList) sources = NULL;

  g_return_if_fail (ATTEST_IS_SPEAKER_POPOVER (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::sources",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
    }

  /* A window has several of these popovers, each with its own list: the sources are read
   * when one opens, not all of them at start-up. */
  g_clear_object (&self->sources);
  self->sources = attest_source_list_new (NULL);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->sources));
  self->dirty = TRUE;
  attest_speaker_popover_load_kinds (self);
  attest_speaker_popover_refilter (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
attest_speaker_popover_get_allow_create (AttestSpeakerPopover *self)
{
  g_return_val_if_fail (ATTEST_IS_SPEAKER_POPOVER (self), FALSE);

  return self->allow_create;
}

void
attest_speaker_popover_set_allow_create (AttestSpeakerPopover *self,
                                         gboolean              allow_create)
{
  g_return_if_fail (ATTEST_IS_SPEAKER_POPOVER (self));

  allow_create = !!allow_create;
  if (self->allow_create == allow_create)
    return;

  self->allow_create = allow_create;
  attest_speaker_popover_refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_CREATE]);
}

const char *
attest_speaker_popover_get_exclude_uuid (AttestSpeakerPopover *self)
{
  g_return_val_if_fail (ATTEST_IS_SPEAKER_POPOVER (self), NULL);

  return self->exclude_uuid;
}

void
attest_speaker_popover_set_exclude_uuid (AttestSpeakerPopover *self,
                                         const char           *uuid)
{
  g_return_if_fail (ATTEST_IS_SPEAKER_POPOVER (self));

  if (g_strcmp0 (self->exclude_uuid, uuid) == 0)
    return;

  g_free (self->exclude_uuid);
  self->exclude_uuid = g_strdup (uuid);
  attest_speaker_popover_refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCLUDE_UUID]);
}

const char *
attest_speaker_popover_get_heading (AttestSpeakerPopover *self)
{
  g_return_val_if_fail (ATTEST_IS_SPEAKER_POPOVER (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->heading_label))
         ? gtk_label_get_text (self->heading_label) : NULL;
}

void
attest_speaker_popover_set_heading (AttestSpeakerPopover *self,
                                    const char           *heading)
{
  g_return_if_fail (ATTEST_IS_SPEAKER_POPOVER (self));

  if (g_strcmp0 (attest_speaker_popover_get_heading (self), heading) == 0)
    return;

  gtk_label_set_text (self->heading_label, heading != NULL ? heading : "");
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), heading != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
}

const char *
attest_speaker_popover_get_text (AttestSpeakerPopover *self)
{
  g_return_val_if_fail (ATTEST_IS_SPEAKER_POPOVER (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
attest_speaker_popover_set_text (AttestSpeakerPopover *self,
                                 const char           *text)
{
  g_return_if_fail (ATTEST_IS_SPEAKER_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}
