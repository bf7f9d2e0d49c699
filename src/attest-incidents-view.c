/* attest-incidents-view.c: the project's incidents.
 *
 * A table of every incident (a GListStore read from the store → filtered by the search, the
 * type and the place → sorted by the clicked column → single selection) beside the selected
 * incident's editor and evidence. The table reloads when the store changes and the
 * selection is put back by uuid. Moving to another incident saves the one being edited;
 * if the store refuses it, the selection stays where the error is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-incidents-view"

#include "config.h"

#include "attest-incidents-view.h"
#include "attest-evidence-panel.h"
#include "attest-incident-editor.h"
#include "attest-incident-format.h"

#include <glib/gi18n.h>

struct _AttestIncidentsView
{
  GtkWidget             parent_instance;

  AttestStore          *store;
  GListStore           *incidents;      /* AttestIncident, as the store lists them */
  GStrv                 types;          /* the type filter's entries after "All Types" */
  GPtrArray            *place_uuids;    /* the place filter's, after "All Places" */
  char                 *search;
  guint                 reloading;
  /* The type filter as the user chose it (or the window restored it): kept while the
   * project's list of event types lacks it, and applied to a project that has it. */
  char                 *type_filter;
  gboolean              loading_filters;
  /* The incidents are read when the view is first shown (or asked for one), not when the
   * window opens the project: the window shows without waiting for them. */
  gboolean              loaded;

  /* Template widgets; the paned is bound so that dispose unparents it. */
  GtkPaned             *paned;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *type_dropdown;
  GtkStringList        *type_labels;
  GtkDropDown          *place_dropdown;
  GtkStringList        *place_labels;
  GtkStack             *list_stack;
  GtkColumnView        *column_view;
  GtkSingleSelection   *selection;
  GtkSortListModel     *sort_model;
  GtkFilterListModel   *filter_model;
  GtkColumnViewColumn  *date_column;
  GtkStack             *detail_stack;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *evidence_page;
  AttestIncidentEditor *editor;
  AttestEvidencePanel  *evidence_panel;
};

G_DEFINE_FINAL_TYPE (AttestIncidentsView, attest_incidents_view, GTK_TYPE_WIDGET)

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

static char *
cell_date (GtkListItem    *list_item,
           AttestIncident *incident)
{
  return incident != NULL ? attest_format_incident_date (incident) : NULL;
}

static char *
cell_killed (GtkListItem    *list_item,
             AttestIncident *incident)
{
  if (incident == NULL)
    return NULL;
  return attest_format_casualties (attest_incident_get_fatalities_low (incident),
                                   attest_incident_get_fatalities_best (incident),
                                   attest_incident_get_fatalities_high (incident));
}

static char *
cell_evidence (GtkListItem    *list_item,
               AttestIncident *incident)
{
  return incident != NULL ? g_strdup_printf ("%u", attest_incident_get_n_evidence (incident))
                          : NULL;
}

static char *
cell_status (GtkListItem    *list_item,
             AttestIncident *incident)
{
  if (incident == NULL)
    return NULL;
  return g_strdup (g_strcmp0 (attest_incident_get_status (incident), "reviewed") == 0
                   ? _("Reviewed") : _("Draft"));
}

/* The best estimate, or what the range says; unknown sorts below zero. */
static gint64
sort_key_killed (AttestIncident *incident)
{
  gint64 best = attest_incident_get_fatalities_best (incident);
  gint64 low = attest_incident_get_fatalities_low (incident);
  gint64 high = attest_incident_get_fatalities_high (incident);

  return best >= 0 ? best : low >= 0 ? low : high;
}

static guint
sort_key_evidence (AttestIncident *incident)
{
  return attest_incident_get_n_evidence (incident);
}

static char *
sort_key_status (AttestIncident *incident)
{
  return cell_status (NULL, incident);
}

/* By start, then end; undated incidents after every date (GTK 4.8 cannot tell the sorter
 * which way the column sorts, so they come first when it sorts down). */
static int
compare_dates (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const char *date_a = attest_incident_get_date_start ((AttestIncident *) a);
  const char *date_b = attest_incident_get_date_start ((AttestIncident *) b);
  int order;

  if ((date_a == NULL) != (date_b == NULL))
    return date_a == NULL ? 1 : -1;
  if ((order = g_strcmp0 (date_a, date_b)) != 0)
    return order < 0 ? -1 : 1;
  order = g_strcmp0 (attest_incident_get_date_end ((AttestIncident *) a),
                     attest_incident_get_date_end ((AttestIncident *) b));
  return order < 0 ? -1 : order > 0;
}

static gboolean
filter_incident (gpointer item,
                 gpointer user_data)
{
  AttestIncidentsView *self = user_data;
  AttestIncident *incident = item;
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint place = gtk_drop_down_get_selected (self->place_dropdown);
  const char *haystacks[] = { attest_incident_get_title (incident),
                              attest_incident_get_summary (incident),
                              attest_incident_get_location (incident),
                              attest_incident_get_event_type (incident),
                              attest_incident_get_sub_event_type (incident),
                              attest_incident_get_responsibility (incident),
                              attest_incident_get_date_start (incident) };
  gboolean found = self->search == NULL || *self->search == '\0';

  if (type > 0 && type <= g_strv_length (self->types)
      && g_strcmp0 (attest_incident_get_event_type (incident), self->types[type - 1]) != 0)
    return FALSE;
  if (place > 0 && place <= self->place_uuids->len
      && g_strcmp0 (attest_incident_get_place_uuid (incident),
                    g_ptr_array_index (self->place_uuids, place - 1)) != 0)
    return FALSE;
  for (guint i = 0; !found && i < G_N_ELEMENTS (haystacks); i++)
    found = haystacks[i] != NULL && g_str_match_string (self->search, haystacks[i], TRUE);
  return found;
}

static guint
find_in_selection (AttestIncidentsView *self,
                   const char          *uuid)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; uuid != NULL && i < n; i++)
    {
      g_autoptr(AttestIncident) incident = g_list_model_get_item (model, i);

      if (g_str_equal (attest_incident_get_uuid (incident), uuid))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* GTK 4.8 has no gtk_column_view_scroll_to (): its list view has the action. */
static void
scroll_to (AttestIncidentsView *self,
           guint                position)
{
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* How much evidence the incident has, beside the tab's name: libadwaita's badge sits on the
 * tab's icon and, drawn without GL (which cuts the icon around it), covers it. */
static void
attest_incidents_view_update_evidence_title (AttestIncidentsView *self,
                                             AttestIncident      *selected)
{
  guint n = selected != NULL ? attest_incident_get_n_evidence (selected) : 0;
  g_autofree char *title = NULL;

  if (n > 0)
    /* Translators: the tab of an incident's evidence, with how many pieces it has, e.g.
     * "Evidence (4)"; the underscore marks the access key, as in "_Evidence" */
    title = g_strdup_printf (_("_Evidence (%u)"), n);
  else
    title = g_strdup (_("_Evidence"));
  adw_view_stack_page_set_title (self->evidence_page, title);
}

static void
attest_incidents_view_update_state (AttestIncidentsView *self)
{
  AttestIncident *selected = gtk_single_selection_get_selected_item (self->selection);
  gboolean editing = selected != NULL || attest_incident_editor_get_is_new (self->editor);
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->incidents));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  gtk_stack_set_visible_child_name (self->detail_stack, editing ? "incident" : "empty");
  attest_incidents_view_update_evidence_title (self, selected);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "incidents.new", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "incidents.delete", selected != NULL);
}

static void
attest_incidents_view_show_selected (AttestIncidentsView *self)
{
  AttestIncident *incident = gtk_single_selection_get_selected_item (self->selection);
  AttestIncident *shown = attest_incident_editor_get_incident (self->editor);

  /* The editor and the panel follow the store themselves: only another incident is news. */
  if (incident != NULL)
    {
      if (shown == NULL || attest_incident_editor_get_is_new (self->editor)
          || !g_str_equal (attest_incident_get_uuid (incident), attest_incident_get_uuid (shown)))
        attest_incident_editor_set_incident (self->editor, incident);
      attest_evidence_panel_set_incident (self->evidence_panel, incident);
    }
  else if (!attest_incident_editor_get_is_new (self->editor))
    {
      attest_incident_editor_set_incident (self->editor, NULL);
      attest_evidence_panel_set_incident (self->evidence_panel, NULL);
    }
  attest_incidents_view_update_state (self);
}

static void
select_quietly (AttestIncidentsView *self,
                guint                position)
{
  self->reloading++;
  gtk_single_selection_set_selected (self->selection, position);
  self->reloading--;
}

static void
on_selection_changed (AttestIncidentsView *self)
{
  AttestIncident *shown = attest_incident_editor_get_incident (self->editor);
  AttestIncident *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *selected_uuid = selected ? g_strdup (attest_incident_get_uuid (selected)) : NULL;

  if (self->reloading > 0)
    return;

  /* Leaving an edited incident saves it; a refusal keeps it, and its error, in view. */
  if (attest_incident_editor_get_modified (self->editor))
    {
      g_autofree char *editing = shown ? g_strdup (attest_incident_get_uuid (shown)) : NULL;

      if (!attest_incident_editor_save (self->editor, NULL))
        {
          select_quietly (self, find_in_selection (self, editing));
          attest_incidents_view_update_state (self);
          return;
        }
      /* The save reloaded the table: select what the user clicked again. */
      select_quietly (self, find_in_selection (self, selected_uuid));
    }
  attest_incidents_view_show_selected (self);
}

static void
attest_incidents_view_keep_selection (AttestIncidentsView *self,
                                      void               (*change) (AttestIncidentsView *))
{
  AttestIncident *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *uuid = selected ? g_strdup (attest_incident_get_uuid (selected)) : NULL;

  self->reloading++;
  change (self);
  gtk_single_selection_set_selected (self->selection, find_in_selection (self, uuid));
  self->reloading--;

  attest_incidents_view_show_selected (self);
}

static void
load_filters (AttestIncidentsView *self)
{
  g_autoptr(GStrvBuilder) types = g_strv_builder_new ();
  g_auto(GStrv) pairs = NULL;
  g_autoptr(GPtrArray) places = NULL;
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint place = gtk_drop_down_get_selected (self->place_dropdown);
  g_autofree char *type_name = type > 0 && type <= g_strv_length (self->types)
                               ? g_strdup (self->types[type - 1])
                               : g_strdup (self->type_filter);
  g_autofree char *place_uuid = place > 0 && place <= self->place_uuids->len
                                ? g_strdup (g_ptr_array_index (self->place_uuids, place - 1))
                                : NULL;

  if (self->store != NULL)
    {
      pairs = attest_store_list_event_types (self->store, NULL);
      places = attest_store_list_places (self->store, NULL);
    }
  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i += 2)
    if (i == 0 || !g_str_equal (pairs[i], pairs[i - 2]))
      g_strv_builder_add (types, pairs[i]);
  g_strfreev (self->types);
  self->types = g_strv_builder_end (types);

  /* Emptying the lists moves the selection: that is not the user choosing "All Types". */
  self->loading_filters = TRUE;
  type = place = 0;
  gtk_string_list_splice (self->type_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->type_labels)), NULL);
  gtk_string_list_append (self->type_labels, _("All Types"));
  for (guint i = 0; self->types[i] != NULL; i++)
    {
      gtk_string_list_append (self->type_labels, self->types[i]);
      if (g_strcmp0 (type_name, self->types[i]) == 0)
        type = i + 1;
    }
  gtk_string_list_splice (self->place_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->place_labels)), NULL);
  gtk_string_list_append (self->place_labels, _("All Places"));
  g_ptr_array_set_size (self->place_uuids, 0);
  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      AttestPlace *p = g_ptr_array_index (places, i);

      gtk_string_list_append (self->place_labels, p->name);
      g_ptr_array_add (self->place_uuids, g_strdup (p->uuid));
      if (g_strcmp0 (place_uuid, p->uuid) == 0)
        place = i + 1;
    }
  gtk_drop_down_set_selected (self->type_dropdown, type);
  gtk_drop_down_set_selected (self->place_dropdown, place);
  self->loading_filters = FALSE;
}

static void
reload_incidents (AttestIncidentsView *self)
{
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !(incidents = attest_store_list_incidents (self->store, &error)))
    g_warning ("Could not list the incidents: %s", error->message);
  g_list_store_splice (self->incidents, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->incidents)),
                       incidents ? incidents->pdata : NULL, incidents ? incidents->len : 0);
}

static void
refilter (AttestIncidentsView *self)
{
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filter_model),
                      GTK_FILTER_CHANGE_DIFFERENT);
}

static void
reload_places (AttestIncidentsView *self)
{
  load_filters (self);
  refilter (self);
}

static void
on_incidents_changed (AttestIncidentsView *self)
{
  /* Not read yet: they will be read as they are then. */
  if (!self->loaded)
    return;
  attest_incidents_view_keep_selection (self, reload_incidents);
}

static void
on_places_changed (AttestIncidentsView *self)
{
  if (!self->loaded)
    return;
  attest_incidents_view_keep_selection (self, reload_places);
}

static void
on_filters_changed (AttestIncidentsView *self)
{
  guint type = gtk_drop_down_get_selected (self->type_dropdown);

  if (!self->loading_filters && self->types != NULL)
    {
      g_free (self->type_filter);
      self->type_filter = type > 0 && type <= g_strv_length (self->types)
                          ? g_strdup (self->types[type - 1]) : NULL;
    }
  g_free (self->search);
  self->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  attest_incidents_view_keep_selection (self, refilter);
}

static void
on_editor_saved (AttestIncidentsView *self,
                 const char          *uuid)
{
  attest_incidents_view_select_incident (self, uuid);
}

static void
on_open_annotation (AttestIncidentsView *self,
                    const char          *article_uuid,
                    const char          *annotation_uuid)
{
  g_signal_emit (self, signals[OPEN_ANNOTATION], 0, article_uuid, annotation_uuid);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AttestIncidentsView *self = ATTEST_INCIDENTS_VIEW (widget);

  if (self->store == NULL)
    return;
  /* What was being edited is kept; the new one starts empty. */
  if (attest_incident_editor_get_modified (self->editor)
      && !attest_incident_editor_save (self->editor, NULL))
    return;
  select_quietly (self, GTK_INVALID_LIST_POSITION);
  attest_incident_editor_start_new (self->editor, NULL);
  attest_evidence_panel_set_incident (self->evidence_panel, NULL);
  adw_view_stack_set_visible_child_name (self->view_stack, "details");
  attest_incidents_view_update_state (self);
}

static void
on_delete_response (AdwMessageDialog    *dialog,
                    const char          *response,
                    AttestIncidentsView *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "uuid");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->store == NULL)
    return;
  if (!attest_store_delete_incident (self->store, uuid, &error))
    g_warning ("Could not delete the incident: %s", error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestIncidentsView *self = ATTEST_INCIDENTS_VIEW (widget);
  AttestIncident *incident = gtk_single_selection_get_selected_item (self->selection);
  GtkRoot *root = gtk_widget_get_root (widget);
  guint n_evidence;
  GtkWidget *dialog;

  if (incident == NULL)
    return;

  n_evidence = attest_incident_get_n_evidence (incident);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"),
                                     attest_incident_get_title (incident));
  if (n_evidence > 0)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    ngettext ("Its %u piece of evidence is unlinked; the quote "
                                              "stays in its article. Undo brings all back.",
                                              "Its %u pieces of evidence are unlinked; the "
                                              "quotes stay in their articles. Undo brings all "
                                              "back.",
                                              n_evidence),
                                    n_evidence);
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("No quote or article is linked to it. Undo brings it back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "uuid",
                          g_strdup (attest_incident_get_uuid (incident)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
attest_incidents_view_ensure_loaded (AttestIncidentsView *self)
{
  if (self->loaded || self->store == NULL)
    return;

  self->loaded = TRUE;
  self->reloading++;
  load_filters (self);
  reload_incidents (self);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->reloading--;
  attest_incidents_view_show_selected (self);
}

static void
attest_incidents_view_map (GtkWidget *widget)
{
  attest_incidents_view_ensure_loaded (ATTEST_INCIDENTS_VIEW (widget));

  GTK_WIDGET_CLASS (attest_incidents_view_parent_class)->map (widget);
}

static void
attest_incidents_view_dispose (GObject *object)
{
  AttestIncidentsView *self = ATTEST_INCIDENTS_VIEW (object);

  /* Tearing the models down moves the selection: nothing is shown any more. */
  self->reloading++;
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_INCIDENTS_VIEW);
  g_clear_object (&self->incidents);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_incidents_view_parent_class)->dispose (object);
}

static void
attest_incidents_view_finalize (GObject *object)
{
  AttestIncidentsView *self = ATTEST_INCIDENTS_VIEW (object);

  g_clear_pointer (&self->types, g_strfreev);
  g_clear_pointer (&self->place_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->type_filter, g_free);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (attest_incidents_view_parent_class)->finalize (object);
}

static void
attest_incidents_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AttestIncidentsView *self = ATTEST_INCIDENTS_VIEW (object);

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
attest_incidents_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AttestIncidentsView *self = ATTEST_INCIDENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_incidents_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_incidents_view_class_init (AttestIncidentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_incidents_view_dispose;
  object_class->finalize = attest_incidents_view_finalize;
  object_class->get_property = attest_incidents_view_get_property;
  object_class->set_property = attest_incidents_view_set_property;

  widget_class->map = attest_incidents_view_map;

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

  gtk_widget_class_install_action (widget_class, "incidents.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "incidents.delete", NULL, delete_action);

  g_type_ensure (ATTEST_TYPE_INCIDENT);
  g_type_ensure (ATTEST_TYPE_INCIDENT_EDITOR);
  g_type_ensure (ATTEST_TYPE_EVIDENCE_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-incidents-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AttestIncidentsView, name)
  BIND (paned);
  BIND (search_entry);
  BIND (type_dropdown);
  BIND (type_labels);
  BIND (place_dropdown);
  BIND (place_labels);
  BIND (list_stack);
  BIND (column_view);
  BIND (selection);
  BIND (sort_model);
  BIND (filter_model);
  BIND (date_column);
  BIND (detail_stack);
  BIND (view_stack);
  BIND (evidence_page);
  BIND (editor);
  BIND (evidence_panel);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, cell_date);
  gtk_widget_class_bind_template_callback (widget_class, cell_killed);
  gtk_widget_class_bind_template_callback (widget_class, cell_evidence);
  gtk_widget_class_bind_template_callback (widget_class, cell_status);
  gtk_widget_class_bind_template_callback (widget_class, sort_key_killed);
  gtk_widget_class_bind_template_callback (widget_class, sort_key_evidence);
  gtk_widget_class_bind_template_callback (widget_class, sort_key_status);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved);
  gtk_widget_class_bind_template_callback (widget_class, on_open_annotation);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attest-incidents-view");
}

static void
attest_incidents_view_init (AttestIncidentsView *self)
{
  g_autoptr(GtkSorter) date_sorter = NULL;

  self->incidents = g_list_store_new (ATTEST_TYPE_INCIDENT);
  self->types = g_new0 (char *, 1);
  self->place_uuids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->reloading++;
  gtk_filter_list_model_set_filter (self->filter_model,
                                    GTK_FILTER (gtk_custom_filter_new (filter_incident, self,
                                                                       NULL)));
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->incidents));
  gtk_sort_list_model_set_sorter (self->sort_model,
                                  gtk_column_view_get_sorter (self->column_view));
  date_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_dates, NULL, NULL));
  gtk_column_view_column_set_sorter (self->date_column, date_sorter);
  gtk_column_view_sort_by_column (self->column_view, self->date_column, GTK_SORT_ASCENDING);
  load_filters (self);
  self->reloading--;

  attest_incidents_view_update_state (self);
}

GtkWidget *
attest_incidents_view_new (void)
{
  return g_object_new (ATTEST_TYPE_INCIDENTS_VIEW, NULL);
}

AttestStore *
attest_incidents_view_get_store (AttestIncidentsView *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENTS_VIEW (self), NULL);

  return self->store;
}

void
attest_incidents_view_set_store (AttestIncidentsView *self,
                                 AttestStore         *store)
{
  g_return_if_fail (ATTEST_IS_INCIDENTS_VIEW (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, on_incidents_changed, self);
      g_signal_handlers_disconnect_by_func (self->store, on_places_changed, self);
    }
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::incidents",
                               G_CALLBACK (on_incidents_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::places",
                               G_CALLBACK (on_places_changed), self, G_CONNECT_SWAPPED);
    }

  attest_incident_editor_set_store (self->editor, store);
  attest_evidence_panel_set_store (self->evidence_panel, store);

  /* Emptied now; read when the view is shown (at once if it is). */
  self->loaded = FALSE;
  self->reloading++;
  g_list_store_remove_all (self->incidents);
  if (store == NULL)
    load_filters (self);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->reloading--;
  attest_incidents_view_show_selected (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attest_incidents_view_ensure_loaded (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AttestIncident *
attest_incidents_view_get_selected_incident (AttestIncidentsView *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENTS_VIEW (self), NULL);

  attest_incidents_view_ensure_loaded (self);
  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
attest_incidents_view_select_incident (AttestIncidentsView *self,
                                       const char          *uuid)
{
  guint position;

  g_return_val_if_fail (ATTEST_IS_INCIDENTS_VIEW (self), FALSE);

  attest_incidents_view_ensure_loaded (self);
  position = find_in_selection (self, uuid);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* The search or a filter hides it: show everything. */
      self->reloading++;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->search, g_free);
      gtk_drop_down_set_selected (self->type_dropdown, 0);
      gtk_drop_down_set_selected (self->place_dropdown, 0);
      refilter (self);
      self->reloading--;
      position = find_in_selection (self, uuid);
    }

  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position);
  return position != GTK_INVALID_LIST_POSITION;
}

gboolean
attest_incidents_view_save_pending (AttestIncidentsView  *self,
                                    GError              **error)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENTS_VIEW (self), FALSE);

  if (!attest_incident_editor_get_modified (self->editor))
    return TRUE;
  return attest_incident_editor_save (self->editor, error);
}

GListModel *
attest_incidents_view_get_model (AttestIncidentsView *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENTS_VIEW (self), NULL);

  attest_incidents_view_ensure_loaded (self);
  return G_LIST_MODEL (self->selection);
}

const char *
attest_incidents_view_get_type_filter (AttestIncidentsView *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENTS_VIEW (self), NULL);

  return self->type_filter;
}

void
attest_incidents_view_set_type_filter (AttestIncidentsView *self,
                                       const char          *type)
{
  g_return_if_fail (ATTEST_IS_INCIDENTS_VIEW (self));

  if (type != NULL && *type == '\0')
    type = NULL;
  g_free (self->type_filter);
  self->type_filter = g_strdup (type);
  /* Not read yet: applied when the types are. */
  if (!self->loaded)
    return;
  /* Selects it, or all types when the project has no such type. */
  self->loading_filters = TRUE;
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  self->loading_filters = FALSE;
  attest_incidents_view_keep_selection (self, reload_places);
}
