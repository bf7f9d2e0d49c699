/* attest-search-popover.c: searches the whole project.
 *
 * Every change of the query or a filter starts a new search a moment later; the one before
 * is cancelled and its late answer ignored, so results always match what is typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-search-popover"

#include "config.h"

#include "attest-search-popover.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#define SEARCH_DELAY_MS 200
#define MAX_RESULTS 100

struct _AttestSearchPopover
{
  GtkPopover      parent_instance;

  AttestStore    *store;
  GStrv           kind_keys;    /* parallel to kind_labels, after "Any kind" */
  GPtrArray      *tag_uuids;    /* parallel to tag_labels, after "Any tag" */
  GCancellable   *cancellable;
  guint           serial;
  guint           delay_id;
  guint           n_results;
  gboolean        busy;
  gboolean        filters_stale;

  /* Template widgets */
  GtkSearchEntry *entry;
  GtkDropDown    *kind_dropdown;
  GtkStringList  *kind_labels;
  GtkDropDown    *tag_dropdown;
  GtkStringList  *tag_labels;
  GtkEntry       *outlet_entry;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkStack       *stack;
  GtkLabel       *message_label;
  GtkListBox     *results;
  GtkLabel       *count_label;
};

G_DEFINE_FINAL_TYPE (AttestSearchPopover, attest_search_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  N_PROPS
};

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The worker */

typedef struct
{
  char *path;
  char *query;
  char *outlet;
  char *date_from;
  char *date_to;
  char *source_kind;
  char *tag_uuid;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_free (data->path);
  g_free (data->query);
  g_free (data->outlet);
  g_free (data->date_from);
  g_free (data->date_to);
  g_free (data->source_kind);
  g_free (data->tag_uuid);
  g_free (data);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  AttestSearchFilter filter = {
    data->outlet, data->date_from, data->date_to, data->source_kind, data->tag_uuid,
  };
  g_autoptr(AttestStore) store = NULL;
  GPtrArray *hits;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!(store = attest_store_open (data->path, &error)) ||
      !(hits = attest_store_search_filtered (store, data->query, &filter, MAX_RESULTS, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

/* Takes the data. */
static void
search_async (AttestSearchPopover *self,
              SearchData          *data,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, search_async);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_thread);
}

static GPtrArray *
search_finish (AttestSearchPopover  *self,
               GAsyncResult         *result,
               GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Filters */

static void
attest_search_popover_load_filters (AttestSearchPopover *self)
{
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GHashTable) depth = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *old_kind = NULL;
  g_autofree char *old_tag = NULL;
  guint kind_pos = gtk_drop_down_get_selected (self->kind_dropdown);
  guint tag_pos = gtk_drop_down_get_selected (self->tag_dropdown);

  self->filters_stale = FALSE;
  if (self->kind_keys != NULL && kind_pos >= 1 && kind_pos - 1 < g_strv_length (self->kind_keys))
    old_kind = g_strdup (self->kind_keys[kind_pos - 1]);
  if (tag_pos >= 1 && tag_pos - 1 < self->tag_uuids->len)
    old_tag = g_strdup (g_ptr_array_index (self->tag_uuids, tag_pos - 1));

  g_clear_pointer (&self->kind_keys, g_strfreev);
  g_ptr_array_set_size (self->tag_uuids, 0);
  gtk_string_list_splice (self->kind_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->kind_labels)), NULL);
  gtk_string_list_splice (self->tag_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->tag_labels)), NULL);
  gtk_string_list_append (self->kind_labels, _("Any kind of speaker"));
  gtk_string_list_append (self->tag_labels, _("Any tag"));

  if (self->store != NULL)
    {
      self->kind_keys = attest_store_list_source_kinds (self->store, NULL);
      tags = attest_store_list_tags (self->store, NULL);
    }
  for (guint i = 0; self->kind_keys != NULL && self->kind_keys[i] != NULL; i++)
    {
      g_autofree char *label = attest_store_get_source_kind_label (self->store,
                                                                   self->kind_keys[i]);

      gtk_string_list_append (self->kind_labels, label != NULL ? label : self->kind_keys[i]);
    }
  /* Tags come in tree order: each is indented one step more than its parent. */
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      AttestTag *tag = g_ptr_array_index (tags, i);
      const char *parent = attest_tag_get_parent_uuid (tag);
      guint level = parent != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (depth, parent)) : 0;
      g_autofree char *indent = g_strnfill (level * 3, ' ');
      g_autofree char *label = g_strconcat (indent, attest_tag_get_name (tag), NULL);

      g_hash_table_insert (depth, (gpointer) attest_tag_get_uuid (tag),
                           GUINT_TO_POINTER (level + 1));
      gtk_string_list_append (self->tag_labels, label);
      g_ptr_array_add (self->tag_uuids, g_strdup (attest_tag_get_uuid (tag)));
    }

  if (old_kind == NULL || !attest_search_popover_set_source_kind (self, old_kind))
    gtk_drop_down_set_selected (self->kind_dropdown, 0);
  if (old_tag == NULL || !attest_search_popover_set_tag (self, old_tag))
    gtk_drop_down_set_selected (self->tag_dropdown, 0);
}

/* A date as the filter takes it, or NULL: an empty entry is no filter, a wrong one is
 * marked and ignored. */
static char *
read_date (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  guint year, month, day;
  char end;

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*trimmed == '\0')
    return NULL;
  if (sscanf (trimmed, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return NULL;
    }
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

static char *
read_text (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Results */

static void
set_busy (AttestSearchPopover *self,
          gboolean             busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_message (AttestSearchPopover *self,
              const char          *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_stack_set_visible_child_name (self->stack, "message");
  gtk_label_set_text (self->count_label, "");
}

static GtkWidget *
create_row (AttestSearchHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (hit->title != NULL && *hit->title != '\0' ? hit->title
                                                                              : _("Untitled"));
  g_autofree char *markup = attest_search_snippet_to_markup (hit->snippet);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  if (hit->annotation_uuid != NULL)
    {
      GtkWidget *where = gtk_label_new (_("In an annotation"));

      gtk_label_set_xalign (GTK_LABEL (where), 0);
      gtk_widget_add_css_class (where, "caption");
      gtk_widget_add_css_class (where, "accent");
      gtk_box_append (GTK_BOX (box), where);
    }

  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 3);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "search-snippet");
  gtk_box_append (GTK_BOX (box), snippet);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "article", g_strdup (hit->article_uuid), g_free);
  g_object_set_data_full (G_OBJECT (row), "annotation", g_strdup (hit->annotation_uuid), g_free);
  return row;
}

static void
show_results (AttestSearchPopover *self,
              GPtrArray           *hits)
{
  g_autofree char *count = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);

  self->n_results = hits->len;
  if (hits->len == 0)
    {
      show_message (self, _("No results"));
      return;
    }
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->results, create_row (g_ptr_array_index (hits, i)));
  gtk_stack_set_visible_child_name (self->stack, "results");
  count = hits->len < MAX_RESULTS
          ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", hits->len),
                             hits->len)
          : g_strdup_printf (_("The first %u results"), hits->len);
  gtk_label_set_text (self->count_label, count);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AttestSearchPopover *self = ATTEST_SEARCH_POPOVER (object);
  guint serial = GPOINTER_TO_UINT (user_data);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = search_finish (self, result, &error);
  /* A newer search replaced this one. */
  if (serial != self->serial || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  self->n_results = 0;
  if (hits == NULL)
    show_message (self, error->message);
  else
    show_results (self, hits);
}

static gboolean
start_search (gpointer user_data)
{
  AttestSearchPopover *self = user_data;
  SearchData *data;
  guint kind, tag;

  self->delay_id = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->serial++;

  data = g_new0 (SearchData, 1);
  data->query = read_text (GTK_EDITABLE (self->entry));
  data->outlet = read_text (GTK_EDITABLE (self->outlet_entry));
  data->date_from = read_date (self->from_entry);
  data->date_to = read_date (self->to_entry);
  /* The first item of each drop-down is "any". */
  kind = gtk_drop_down_get_selected (self->kind_dropdown);
  tag = gtk_drop_down_get_selected (self->tag_dropdown);
  if (kind >= 1 && self->kind_keys != NULL && kind - 1 < g_strv_length (self->kind_keys))
    data->source_kind = g_strdup (self->kind_keys[kind - 1]);
  if (tag >= 1 && tag - 1 < self->tag_uuids->len)
    data->tag_uuid = g_strdup (g_ptr_array_index (self->tag_uuids, tag - 1));

  if (self->store == NULL || (data->query == NULL && data->outlet == NULL &&
                              data->date_from == NULL && data->date_to == NULL &&
                              data->source_kind == NULL && data->tag_uuid == NULL))
    {
      search_data_free (data);
      set_busy (self, FALSE);
      self->n_results = 0;
      show_message (self, _("Type a word, or choose a filter"));
      return G_SOURCE_REMOVE;
    }

  data->path = g_strdup (attest_store_get_path (self->store));
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  gtk_label_set_text (self->count_label, _("Searching…"));
  search_async (self, data, self->cancellable, search_cb, GUINT_TO_POINTER (self->serial));
  return G_SOURCE_REMOVE;
}

static void
queue_search (AttestSearchPopover *self)
{
  g_clear_handle_id (&self->delay_id, g_source_remove);
  self->delay_id = g_timeout_add (SEARCH_DELAY_MS, start_search, self);
}

/* Callbacks */

static void
on_changed (AttestSearchPopover *self)
{
  queue_search (self);
}

static void
on_entry_activate (AttestSearchPopover *self)
{
  /* Enter opens the first result once there are some; before that it searches now. */
  if (self->delay_id == 0 && !self->busy && self->n_results > 0)
    attest_search_popover_activate_result (self, 0);
  else
    {
      g_clear_handle_id (&self->delay_id, g_source_remove);
      start_search (self);
    }
}

static void
focus_results_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AttestSearchPopover *self = ATTEST_SEARCH_POPOVER (widget);
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);

  if (first != NULL && gtk_widget_get_mapped (GTK_WIDGET (first)))
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
on_stop_search (AttestSearchPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_row_activated (AttestSearchPopover *self,
                  GtkListBoxRow       *row)
{
  g_autofree char *article = g_strdup (g_object_get_data (G_OBJECT (row), "article"));
  g_autofree char *annotation = g_strdup (g_object_get_data (G_OBJECT (row), "annotation"));
  g_autofree char *query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[HIT_ACTIVATED], 0, article, annotation, query);
}

static void
attest_search_popover_map (GtkWidget *widget)
{
  AttestSearchPopover *self = ATTEST_SEARCH_POPOVER (widget);

  /* The kinds and the codebook may have changed since the last search. */
  attest_search_popover_load_filters (self);
  GTK_WIDGET_CLASS (attest_search_popover_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
attest_search_popover_dispose (GObject *object)
{
  AttestSearchPopover *self = ATTEST_SEARCH_POPOVER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->delay_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_SEARCH_POPOVER);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_search_popover_parent_class)->dispose (object);
}

static void
attest_search_popover_finalize (GObject *object)
{
  AttestSearchPopover *self = ATTEST_SEARCH_POPOVER (object);

  g_clear_pointer (&self->kind_keys, g_strfreev);
  g_clear_pointer (&self->tag_uuids, g_ptr_array_unref);

  G_OBJECT_CLASS (attest_search_popover_parent_class)->finalize (object);
}

static void
attest_search_popover_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AttestSearchPopover *self = ATTEST_SEARCH_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_search_popover_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AttestSearchPopover *self = ATTEST_SEARCH_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_search_popover_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_search_popover_class_init (AttestSearchPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_search_popover_dispose;
  object_class->finalize = attest_search_popover_finalize;
  object_class->get_property = attest_search_popover_get_property;
  object_class->set_property = attest_search_popover_set_property;
  widget_class->map = attest_search_popover_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "search.focus-results", NULL,
                                   focus_results_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-search-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestSearchPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, AttestSearchPopover, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttestSearchPopover, kind_labels);
  gtk_widget_class_bind_template_child (widget_class, AttestSearchPopover, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttestSearchPopover, tag_labels);
  gtk_widget_class_bind_template_child (widget_class, AttestSearchPopover, outlet_entry);
  gtk_widget_class_bind_template_child (widget_class, AttestSearchPopover, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AttestSearchPopover, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AttestSearchPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, AttestSearchPopover, message_label);
  gtk_widget_class_bind_template_child (widget_class, AttestSearchPopover, results);
  gtk_widget_class_bind_template_child (widget_class, AttestSearchPopover, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
attest_search_popover_init (AttestSearchPopover *self)
{
  self->tag_uuids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  attest_search_popover_load_filters (self);
  show_message (self, _("Type a word, or choose a filter"));
}

GtkWidget *
attest_search_popover_new (void)
{
  return g_object_new (ATTEST_TYPE_SEARCH_POPOVER, NULL);
}

AttestStore *
attest_search_popover_get_store (AttestSearchPopover *self)
{
  g_return_val_if_fail (ATTEST_IS_SEARCH_POPOVER (self), NULL);

  return self->store;
}

void
attest_search_popover_set_store (AttestSearchPopover *self,
                                 AttestStore         *store)
{
  g_return_if_fail (ATTEST_IS_SEARCH_POPOVER (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_cancellable_cancel (self->cancellable);
  self->serial++;
  set_busy (self, FALSE);
  /* The kinds and the codebook are read when the popover shows (or a filter is set), not
   * when the window opens the project; until then no filter of the last project holds. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attest_search_popover_load_filters (self);
  else
    {
      self->filters_stale = TRUE;
      gtk_drop_down_set_selected (self->kind_dropdown, 0);
      gtk_drop_down_set_selected (self->tag_dropdown, 0);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  g_clear_handle_id (&self->delay_id, g_source_remove);
  self->n_results = 0;
  show_message (self, _("Type a word, or choose a filter"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
attest_search_popover_get_query (AttestSearchPopover *self)
{
  g_return_val_if_fail (ATTEST_IS_SEARCH_POPOVER (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
attest_search_popover_set_query (AttestSearchPopover *self,
                                 const char          *query)
{
  g_return_if_fail (ATTEST_IS_SEARCH_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), query != NULL ? query : "");
}

gboolean
attest_search_popover_set_source_kind (AttestSearchPopover *self,
                                       const char          *key)
{
  g_return_val_if_fail (ATTEST_IS_SEARCH_POPOVER (self), FALSE);

  if (self->filters_stale)
    attest_search_popover_load_filters (self);
  if (key == NULL)
    {
      gtk_drop_down_set_selected (self->kind_dropdown, 0);
      return TRUE;
    }
  for (guint i = 0; self->kind_keys != NULL && self->kind_keys[i] != NULL; i++)
    if (g_str_equal (self->kind_keys[i], key))
      {
        gtk_drop_down_set_selected (self->kind_dropdown, i + 1);
        return TRUE;
      }
  return FALSE;
}

gboolean
attest_search_popover_set_tag (AttestSearchPopover *self,
                               const char          *uuid)
{
  g_return_val_if_fail (ATTEST_IS_SEARCH_POPOVER (self), FALSE);

  if (self->filters_stale)
    attest_search_popover_load_filters (self);
  if (uuid == NULL)
    {
      gtk_drop_down_set_selected (self->tag_dropdown, 0);
      return TRUE;
    }
  for (guint i = 0; i < self->tag_uuids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->tag_uuids, i), uuid))
      {
        gtk_drop_down_set_selected (self->tag_dropdown, i + 1);
        return TRUE;
      }
  return FALSE;
}

void
attest_search_popover_set_outlet (AttestSearchPopover *self,
                                  const char          *outlet)
{
  g_return_if_fail (ATTEST_IS_SEARCH_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->outlet_entry), outlet != NULL ? outlet : "");
}

void
attest_search_popover_set_dates (AttestSearchPopover *self,
                                 const char          *from,
                                 const char          *to)
{
  g_return_if_fail (ATTEST_IS_SEARCH_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to != NULL ? to : "");
}

gboolean
attest_search_popover_get_busy (AttestSearchPopover *self)
{
  g_return_val_if_fail (ATTEST_IS_SEARCH_POPOVER (self), FALSE);

  return self->busy || self->delay_id != 0;
}

guint
attest_search_popover_get_n_results (AttestSearchPopover *self)
{
  g_return_val_if_fail (ATTEST_IS_SEARCH_POPOVER (self), 0);

  return self->n_results;
}

void
attest_search_popover_activate_result (AttestSearchPopover *self,
                                       guint                position)
{
  GtkListBoxRow *row;

  g_return_if_fail (ATTEST_IS_SEARCH_POPOVER (self));

  row = gtk_list_box_get_row_at_index (self->results, position);
  g_return_if_fail (row != NULL);
  g_signal_emit_by_name (row, "activate");
}

char *
attest_search_snippet_to_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  gboolean open = FALSE;

  if (snippet == NULL)
    return g_strdup ("");

  /* Brackets that do not pair up (the text's own) stay as they are; line breaks of the
   * text become spaces, as in one line of a result. */
  for (const char *p = snippet; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        {
          if (markup->len > 0 && markup->str[markup->len - 1] != ' ')
            g_string_append_c (markup, ' ');
        }
      else if (*p == ' ' && markup->len > 0 && markup->str[markup->len - 1] == ' ')
        continue;
      else if (*p == '[' && !open && strchr (p + 1, ']') != NULL)
        {
          g_string_append (markup, "<b>");
          open = TRUE;
        }
      else if (*p == ']' && open)
        {
          g_string_append (markup, "</b>");
          open = FALSE;
        }
      else
        {
          g_autofree char *escaped = g_markup_escape_text (p, g_utf8_next_char (p) - p);

          g_string_append (markup, escaped);
        }
    }
  if (open)
    g_string_append (markup, "</b>");
  return g_string_free (g_steal_pointer (&markup), FALSE);
}
