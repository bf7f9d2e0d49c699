/* attest-sources-view.c: the project's directory of sources.
 *
 * A table of every source (AttestSourceList → filter by the search → sort by the clicked
 * column → single selection) beside the selected source's details. The table reloads when
 * the store changes; the list model keeps unchanged rows, and the selection is put back by
 * uuid, so an edit in the details neither scrolls the table nor loses the source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-sources-view"

#include "config.h"

#include "attest-sources-view.h"
#include "attest-cell-align-private.h"
#include "attest-kinds-dialog.h"
#include "attest-source-editor.h"
#include "attest-source-list.h"
#include "attest-speaker-popover.h"

#include <glib/gi18n.h>

struct _AttestSourcesView
{
  GtkWidget             parent_instance;

  AttestStore          *store;
  AttestSourceList     *sources;
  GHashTable           *kind_labels;  /* key → label */
  char                 *key;          /* the search, folded */
  gboolean              reloading;
  /* The sources are read when the view is first shown (or asked for one), not when the
   * window opens the project: a big project shows its window without waiting for them. */
  gboolean              loaded;
  /* A big project's sources are read in a worker; meanwhile this is set. */
  GCancellable         *load_cancellable;
  GPtrArray            *fresh;

  /* Template widgets; the paned is bound so that dispose unparents it. */
  GtkPaned             *paned;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  GtkSpinner           *loading_spinner;
  GtkColumnView        *column_view;
  GtkSingleSelection   *selection;
  GtkSortListModel     *sort_model;
  GtkFilterListModel   *filter_model;
  GtkColumnViewColumn  *name_column;
  GtkColumnViewColumn  *kind_column;
  AttestSourceEditor   *editor;
  GtkButton            *merge_button;
  AttestSpeakerPopover *merge_popover;
};

G_DEFINE_FINAL_TYPE (AttestSourcesView, attest_sources_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  OPEN_ANNOTATION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Closures of the template: cells and sort keys. */

/* Names in Latin letters start at the same edge as Arabic ones, whichever the window's. */
static float
cell_start_xalign (GtkListItem *list_item,
                   const char  *text)
{
  return _attest_cell_start_xalign (GTK_TEXT_DIR_NONE, text);
}

static char *
source_role (GtkListItem  *list_item,
             AttestSource *source)
{
  return g_strdup (source != NULL && attest_source_get_role (source) != NULL
                   ? attest_source_get_role (source) : "");
}

static char *
source_affiliation (GtkListItem  *list_item,
                    AttestSource *source)
{
  return g_strdup (source != NULL && attest_source_get_affiliation (source) != NULL
                   ? attest_source_get_affiliation (source) : "");
}

static char *
sort_key_role (AttestSource *source)
{
  return source_role (NULL, source);
}

static char *
sort_key_affiliation (AttestSource *source)
{
  return source_affiliation (NULL, source);
}

static char *
format_count (GtkListItem *list_item,
              guint        count)
{
  return g_strdup_printf ("%u", count);
}

static const char *
kind_label (AttestSourcesView *self,
            const char        *key)
{
  const char *label = key != NULL ? g_hash_table_lookup (self->kind_labels, key) : NULL;

  return label != NULL ? label : (key != NULL ? key : "");
}

static void
on_kind_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               AttestSourcesView        *self)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, inscription);
}

static void
on_kind_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              AttestSourcesView        *self)
{
  AttestSource *source = gtk_list_item_get_item (list_item);
  GtkWidget *inscription = gtk_list_item_get_child (list_item);
  const char *label = kind_label (self, attest_source_get_kind (source));

  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription),
                              _attest_cell_start_xalign (gtk_widget_get_direction (inscription),
                                                         label));
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), label);
}

static int
compare_kinds (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  AttestSourcesView *self = user_data;

  return g_utf8_collate (kind_label (self, attest_source_get_kind ((AttestSource *) a)),
                         kind_label (self, attest_source_get_kind ((AttestSource *) b)));
}

static gboolean
filter_source (gpointer item,
               gpointer user_data)
{
  AttestSourcesView *self = user_data;

  return attest_source_match (item, self->key) >= 0;
}

static void
attest_sources_view_load_kinds (AttestSourcesView *self)
{
  g_auto(GStrv) keys = NULL;

  g_hash_table_remove_all (self->kind_labels);
  if (self->store == NULL || !(keys = attest_store_list_source_kinds (self->store, NULL)))
    return;
  for (guint i = 0; keys[i] != NULL; i++)
    g_hash_table_insert (self->kind_labels, g_strdup (keys[i]),
                         attest_store_get_source_kind_label (self->store, keys[i]));
}

static guint
find_in_selection (AttestSourcesView *self,
                   const char        *uuid)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  if (uuid == NULL)
    return GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttestSource) source = g_list_model_get_item (model, i);

      if (g_str_equal (attest_source_get_uuid (source), uuid))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* GTK 4.8 has no gtk_column_view_scroll_to (): its list view has the action. */
static void
scroll_to (AttestSourcesView *self,
           guint              position)
{
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
attest_sources_view_update_state (AttestSourcesView *self)
{
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  gboolean loading = n_all == 0 && self->load_cancellable != NULL;

  /* While the sources are first read, a spinner, not "No Sources"; read again, the table
   * stays as it was. */
  gtk_spinner_set_spinning (self->loading_spinner, loading);
  if (loading)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  else if (n_all == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (n_shown == 0 && n_all > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.merge", selected && n_all > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.delete", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.edit-kinds", self->store != NULL);
}

static void
attest_sources_view_show_selected (AttestSourcesView *self)
{
  AttestSource *source = gtk_single_selection_get_selected_item (self->selection);
  AttestSource *shown = attest_source_editor_get_source (self->editor);

  /* The editor follows the store itself; only another source is news to it. */
  if (source == NULL || shown == NULL
      || !g_str_equal (attest_source_get_uuid (source), attest_source_get_uuid (shown)))
    attest_source_editor_set_source (self->editor, source);

  attest_speaker_popover_set_exclude_uuid (self->merge_popover,
                                           source ? attest_source_get_uuid (source) : NULL);
  if (source != NULL)
    {
      /* Translators: above the list of sources to merge the selected one into */
      g_autofree char *heading = g_strdup_printf (_("Merge “%s” Into…"),
                                                  attest_source_get_name (source));

      attest_speaker_popover_set_heading (self->merge_popover, heading);
    }
  attest_sources_view_update_state (self);
}

static void
on_selection_changed (AttestSourcesView *self)
{
  if (!self->reloading)
    attest_sources_view_show_selected (self);
}

/* Runs a change of the models and puts the selection back on the same source. */
static void
attest_sources_view_keep_selection (AttestSourcesView *self,
                                    void             (*change) (AttestSourcesView *))
{
  AttestSource *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *uuid = selected ? g_strdup (attest_source_get_uuid (selected)) : NULL;

  self->reloading = TRUE;
  change (self);
  gtk_single_selection_set_selected (self->selection, find_in_selection (self, uuid));
  self->reloading = FALSE;

  attest_sources_view_show_selected (self);
}

/* Up to this many sources are read at once; more (20,000 in a project of 100,000
 * articles: half a second) are read in a worker, the list keeping its rows meanwhile. */
#define SOURCES_READ_AT_ONCE 1000

static void
reload_models (AttestSourcesView *self)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;

  attest_sources_view_load_kinds (self);
  if (self->store != NULL && !(fresh = attest_store_list_sources (self->store, &error)))
    g_warning ("Could not list the sources: %s", error->message);
  if (fresh == NULL)
    fresh = g_ptr_array_new_with_free_func (g_object_unref);
  attest_source_list_set_sources (self->sources, fresh);
}

static void
apply_fresh (AttestSourcesView *self)
{
  g_autoptr(GPtrArray) fresh = g_steal_pointer (&self->fresh);

  attest_sources_view_load_kinds (self);
  attest_source_list_set_sources (self->sources, fresh);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(AttestStore) store = NULL;
  GPtrArray *sources;
  GError *error = NULL;

  /* A connection of its own: the window's is not shared across threads. */
  if (!(store = attest_store_open (task_data, &error))
      || !(sources = attest_store_list_sources (store, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, sources, (GDestroyNotify) g_ptr_array_unref);
}

static void
refilter (AttestSourcesView *self)
{
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filter_model),
                      GTK_FILTER_CHANGE_DIFFERENT);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AttestSourcesView) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *sources = g_task_propagate_pointer (G_TASK (result), &error);

  if (sources == NULL)
    {
      /* Cancelled: another read, or another project, took its place. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->load_cancellable);
      g_debug ("Could not read the sources in a worker: %s", error->message);
      attest_sources_view_keep_selection (self, reload_models);
      return;
    }

  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->fresh, g_ptr_array_unref);
  self->fresh = sources;
  attest_sources_view_keep_selection (self, apply_fresh);
}

static void
attest_sources_view_cancel_load (AttestSourcesView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
}

/* Reads the sources again: at once for a few, in a worker for many. */
static void
attest_sources_view_reload (AttestSourcesView *self,
                            guint              n_sources)
{
  g_autoptr(GTask) task = NULL;

  attest_sources_view_cancel_load (self);
  if (n_sources <= SOURCES_READ_AT_ONCE)
    {
      attest_sources_view_keep_selection (self, reload_models);
      return;
    }

  self->load_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->load_cancellable, load_cb, g_object_ref (self));
  g_task_set_source_tag (task, attest_sources_view_reload);
  g_task_set_task_data (task, g_strdup (attest_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, load_thread);
  attest_sources_view_update_state (self);
}

static void
on_store_changed (AttestSourcesView *self)
{
  /* Not read yet: they will be read as they are then. */
  if (!self->loaded)
    return;
  attest_sources_view_reload (self,
                              MAX (g_list_model_get_n_items (G_LIST_MODEL (self->sources)),
                                   self->load_cancellable != NULL ? SOURCES_READ_AT_ONCE + 1
                                                                  : 0));
}

static void
attest_sources_view_ensure_loaded (AttestSourcesView *self)
{
  if (self->loaded || self->store == NULL)
    return;

  self->loaded = TRUE;
  attest_sources_view_reload (self, attest_store_count_sources (self->store));
}

static void
attest_sources_view_map (GtkWidget *widget)
{
  attest_sources_view_ensure_loaded (ATTEST_SOURCES_VIEW (widget));

  GTK_WIDGET_CLASS (attest_sources_view_parent_class)->map (widget);
}

static void
on_search_changed (AttestSourcesView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->key);
  self->key = attest_source_fold (text);
  attest_sources_view_keep_selection (self, refilter);
}

static void
on_open_annotation (AttestSourcesView *self,
                    const char        *article_uuid,
                    const char        *annotation_uuid)
{
  g_signal_emit (self, signals[OPEN_ANNOTATION], 0, article_uuid, annotation_uuid);
}

static GtkWindow *
get_parent_window (AttestSourcesView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_merge_response (AdwMessageDialog  *dialog,
                   const char        *response,
                   AttestSourcesView *self)
{
  const char *from_uuid = g_object_get_data (G_OBJECT (dialog), "from-uuid");
  const char *into_uuid = g_object_get_data (G_OBJECT (dialog), "into-uuid");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "merge") || self->store == NULL)
    return;

  if (!attest_store_merge_sources (self->store, from_uuid, into_uuid, &error))
    {
      g_warning ("Could not merge the sources: %s", error->message);
      return;
    }
  attest_sources_view_select_source (self, into_uuid);
}

static void
on_merge_chosen (AttestSourcesView *self,
                 const char        *into_uuid,
                 const char        *into_name,
                 const char        *into_kind)
{
  AttestSource *from = gtk_single_selection_get_selected_item (self->selection);
  guint n_quotes;
  GtkWidget *dialog;

  if (from == NULL || into_uuid == NULL
      || g_str_equal (into_uuid, attest_source_get_uuid (from)))
    return;

  n_quotes = attest_source_get_n_quotes (from);
  dialog = adw_message_dialog_new (get_parent_window (self), NULL, NULL);
  /* Translators: “Al-Khafaji” into “Tahsin al-Khafaji” */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("Merge “%s” into “%s”?"),
                                     attest_source_get_name (from), into_name);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  ngettext ("Its %u quote and its aliases move over, and “%s” "
                                            "becomes another name of “%s”.",
                                            "Its %u quotes and its aliases move over, and “%s” "
                                            "becomes another name of “%s”.",
                                            n_quotes),
                                  n_quotes, attest_source_get_name (from), into_name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "from-uuid",
                          g_strdup (attest_source_get_uuid (from)), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "into-uuid", g_strdup (into_uuid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AttestSourcesView *self = ATTEST_SOURCES_VIEW (widget);

  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    return;
  gtk_popover_popup (GTK_POPOVER (self->merge_popover));
}

static void
on_delete_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    AttestSourcesView *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "uuid");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->store == NULL)
    return;
  if (!attest_store_delete_source (self->store, uuid, &error))
    g_warning ("Could not delete the source: %s", error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestSourcesView *self = ATTEST_SOURCES_VIEW (widget);
  AttestSource *source = gtk_single_selection_get_selected_item (self->selection);
  guint n_quotes;
  GtkWidget *dialog;

  if (source == NULL)
    return;

  n_quotes = attest_source_get_n_quotes (source);
  dialog = adw_message_dialog_new (get_parent_window (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"),
                                     attest_source_get_name (source));
  if (n_quotes > 0)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    ngettext ("Its %u quote keeps its text and loses its "
                                              "speaker.",
                                              "Its %u quotes keep their text and lose their "
                                              "speaker.",
                                              n_quotes),
                                    n_quotes);
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("No quote in the project has this speaker."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "uuid",
                          g_strdup (attest_source_get_uuid (source)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_kinds_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AttestSourcesView *self = ATTEST_SOURCES_VIEW (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (attest_kinds_dialog_new (get_parent_window (self),
                                                           self->store)));
}

static void
attest_sources_view_dispose (GObject *object)
{
  AttestSourcesView *self = ATTEST_SOURCES_VIEW (object);

  if (self->merge_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->merge_popover));
  /* Tearing the models down moves the selection: nothing is shown any more. */
  attest_sources_view_cancel_load (self);
  g_clear_pointer (&self->fresh, g_ptr_array_unref);
  self->reloading = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_SOURCES_VIEW);
  g_clear_object (&self->sources);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_sources_view_parent_class)->dispose (object);
}

static void
attest_sources_view_finalize (GObject *object)
{
  AttestSourcesView *self = ATTEST_SOURCES_VIEW (object);

  g_clear_pointer (&self->kind_labels, g_hash_table_unref);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (attest_sources_view_parent_class)->finalize (object);
}

static void
attest_sources_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AttestSourcesView *self = ATTEST_SOURCES_VIEW (object);

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
attest_sources_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AttestSourcesView *self = ATTEST_SOURCES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_sources_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_sources_view_class_init (AttestSourcesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_sources_view_dispose;
  widget_class->map = attest_sources_view_map;
  object_class->finalize = attest_sources_view_finalize;
  object_class->get_property = attest_sources_view_get_property;
  object_class->set_property = attest_sources_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_ANNOTATION] =
    g_signal_new ("open-annotation",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "sources.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "sources.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "sources.edit-kinds", NULL, edit_kinds_action);

  g_type_ensure (ATTEST_TYPE_SOURCE);
  g_type_ensure (ATTEST_TYPE_SOURCE_EDITOR);
  g_type_ensure (ATTEST_TYPE_SPEAKER_POPOVER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-sources-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestSourcesView, paned);
  gtk_widget_class_bind_template_child (widget_class, AttestSourcesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AttestSourcesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AttestSourcesView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, AttestSourcesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AttestSourcesView, selection);
  gtk_widget_class_bind_template_child (widget_class, AttestSourcesView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, AttestSourcesView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, AttestSourcesView, name_column);
  gtk_widget_class_bind_template_child (widget_class, AttestSourcesView, kind_column);
  gtk_widget_class_bind_template_child (widget_class, AttestSourcesView, editor);
  gtk_widget_class_bind_template_child (widget_class, AttestSourcesView, merge_button);
  gtk_widget_class_bind_template_child (widget_class, AttestSourcesView, merge_popover);
  gtk_widget_class_bind_template_callback (widget_class, source_role);
  gtk_widget_class_bind_template_callback (widget_class, cell_start_xalign);
  gtk_widget_class_bind_template_callback (widget_class, source_affiliation);
  gtk_widget_class_bind_template_callback (widget_class, sort_key_role);
  gtk_widget_class_bind_template_callback (widget_class, sort_key_affiliation);
  gtk_widget_class_bind_template_callback (widget_class, format_count);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_open_annotation);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_chosen);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attest-sources-view");
}

static void
attest_sources_view_init (AttestSourcesView *self)
{
  g_autoptr(GtkSorter) kind_sorter = NULL;

  self->kind_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->key = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sources = attest_source_list_new (NULL);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->sources));
  gtk_filter_list_model_set_filter (self->filter_model,
                                    GTK_FILTER (gtk_custom_filter_new (filter_source, self, NULL)));
  gtk_sort_list_model_set_sorter (self->sort_model,
                                  gtk_column_view_get_sorter (self->column_view));

  kind_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_kinds, self, NULL));
  gtk_column_view_column_set_sorter (self->kind_column, kind_sorter);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  gtk_widget_set_parent (GTK_WIDGET (self->merge_popover), GTK_WIDGET (self->merge_button));

  attest_sources_view_update_state (self);
}

GtkWidget *
attest_sources_view_new (void)
{
  return g_object_new (ATTEST_TYPE_SOURCES_VIEW, NULL);
}

AttestStore *
attest_sources_view_get_store (AttestSourcesView *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCES_VIEW (self), NULL);

  return self->store;
}

void
attest_sources_view_set_store (AttestSourcesView *self,
                               AttestStore       *store)
{
  g_return_if_fail (ATTEST_IS_SOURCES_VIEW (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);

  attest_source_editor_set_store (self->editor, store);
  attest_speaker_popover_set_store (self->merge_popover, store);

  if (store != NULL)
    {
      /* Sources and their kinds, and the quote counts that annotations change. */
      g_signal_connect_object (store, "changed::sources",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::annotations",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
    }

  attest_sources_view_cancel_load (self);
  g_clear_pointer (&self->fresh, g_ptr_array_unref);
  self->reloading = TRUE;
  g_clear_object (&self->sources);
  self->sources = attest_source_list_new (NULL);
  self->loaded = FALSE;
  attest_sources_view_load_kinds (self);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->sources));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->reloading = FALSE;
  attest_sources_view_show_selected (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attest_sources_view_ensure_loaded (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AttestSource *
attest_sources_view_get_selected_source (AttestSourcesView *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCES_VIEW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
attest_sources_view_select_source (AttestSourcesView *self,
                                   const char        *uuid)
{
  guint position;

  g_return_val_if_fail (ATTEST_IS_SOURCES_VIEW (self), FALSE);

  attest_sources_view_ensure_loaded (self);
  if (self->load_cancellable != NULL)
    {
      /* Asked for one source now: the sources are read now. */
      attest_sources_view_cancel_load (self);
      attest_sources_view_keep_selection (self, reload_models);
    }
  if (attest_source_list_find (self->sources, uuid) == G_MAXUINT)
    return FALSE;

  position = find_in_selection (self, uuid);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* The search hides it: show everything. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_free (self->key);
      self->key = g_strdup ("");
      refilter (self);
      position = find_in_selection (self, uuid);
    }

  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position);
  return position != GTK_INVALID_LIST_POSITION;
}
