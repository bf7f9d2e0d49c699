/* attest-link-incident-popover.c: links an annotation to an incident.
 *
 * The incidents already tied to the annotation's article come first (the usual case: a
 * second quote about the same ambush), then the rest, newest first; typing filters them
 * and Up, Down and Enter pick one while the focus stays in the search field. The field,
 * relation and figure say what the quote is evidence of.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-link-incident-popover"

#include "config.h"

#include <string.h>

#include "attest-link-incident-popover.h"
#include "attest-evidence-panel.h"
#include "attest-incident-format.h"

#include <glib/gi18n.h>

#define TITLE_LENGTH 60

struct _AttestLinkIncidentPopover
{
  GtkPopover          parent_instance;

  AttestStore        *store;
  char               *annotation_uuid;
  GListStore         *incidents;       /* AttestIncident, this article's first */
  GHashTable         *in_article;      /* uuids of the incidents tied to the article */
  char               *text;            /* the search */
  gboolean            dirty;

  /* Template widgets */
  GtkLabel           *quote_label;
  GtkSearchEntry     *entry;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkLabel           *empty_label;
  GtkDropDown        *field_dropdown;
  GtkStringList      *field_labels;
  GtkToggleButton    *reports_button;
  GtkToggleButton    *disputes_button;
  GtkToggleButton    *context_button;
  GtkLabel           *figure_label;
  GtkEntry           *figure_entry;
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (AttestLinkIncidentPopover, attest_link_incident_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ANNOTATION_UUID,
  N_PROPS
};

enum {
  LINKED,
  INCIDENT_CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

gboolean
attest_link_incident_parse_figure (const char *text,
                                   gint64     *low,
                                   gint64     *high)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) ends = NULL;
  guint64 values[2];

  *low = *high = ATTEST_UNKNOWN;
  if (*copy == '\0')
    return TRUE;

  /* A hyphen, an en dash or "to" between two numbers. */
  ends = g_regex_split_simple ("\\s*(?:-|–|—|\\bto\\b)\\s*", copy, 0, 0);
  if (g_strv_length (ends) > 2 || g_strv_length (ends) == 0)
    return FALSE;
  for (guint i = 0; ends[i] != NULL; i++)
    if (!g_ascii_string_to_unsigned (ends[i], 10, 0, G_MAXINT32, &values[i], NULL))
      return FALSE;
  if (ends[1] == NULL)
    values[1] = values[0];
  if (values[1] < values[0])
    return FALSE;

  *low = values[0];
  *high = values[1];
  return TRUE;
}

char *
attest_link_incident_title_from_text (const char *text)
{
  g_autofree char *clause = NULL;
  g_autoptr(GString) title = NULL;
  const char *stop;
  gunichar first;

  if (text == NULL)
    return g_strdup ("");

  /* The first clause or sentence is usually what happened. */
  clause = g_strstrip (g_strdup (text));
  for (stop = clause; *stop != '\0'; stop = g_utf8_next_char (stop))
    if (strchr (".;:!?", *stop) != NULL && g_utf8_pointer_to_offset (clause, stop) >= 12)
      {
        clause[stop - clause] = '\0';
        break;
      }

  title = g_string_new (NULL);
  if (g_utf8_strlen (clause, -1) <= TITLE_LENGTH)
    g_string_append (title, clause);
  else
    {
      const char *cut = g_utf8_offset_to_pointer (clause, TITLE_LENGTH);
      const char *space = g_utf8_strrchr (clause, cut - clause, ' ');

      g_string_append_len (title, clause, (space != NULL ? space : cut) - clause);
      g_string_append (title, "…");
    }

  first = g_utf8_get_char (title->str);
  if (g_unichar_islower (first))
    {
      char upper[8];
      int n = g_unichar_to_utf8 (g_unichar_toupper (first), upper);

      g_string_erase (title, 0, g_utf8_next_char (title->str) - title->str);
      g_string_insert_len (title, 0, upper, n);
    }
  return g_string_free (g_steal_pointer (&title), FALSE);
}

static const char *
chosen_field (AttestLinkIncidentPopover *self)
{
  guint selected = gtk_drop_down_get_selected (self->field_dropdown);

  return selected < ATTEST_N_EVIDENCE_FIELDS ? attest_evidence_fields[selected] : NULL;
}

static const char *
chosen_relation (AttestLinkIncidentPopover *self)
{
  if (gtk_toggle_button_get_active (self->disputes_button))
    return "disputes";
  if (gtk_toggle_button_get_active (self->context_button))
    return "context";
  return "reports";
}

static gboolean
wants_figure (AttestLinkIncidentPopover *self)
{
  const char *field = chosen_field (self);

  return g_strcmp0 (field, "fatalities") == 0 || g_strcmp0 (field, "injuries") == 0;
}

static void
show_error (AttestLinkIncidentPopover *self,
            const char                *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static gboolean
filter_incident (gpointer item,
                 gpointer user_data)
{
  AttestLinkIncidentPopover *self = user_data;
  AttestIncident *incident = item;
  const char *haystacks[] = { attest_incident_get_title (incident),
                              attest_incident_get_location (incident),
                              attest_incident_get_event_type (incident),
                              attest_incident_get_date_start (incident) };

  if (self->text == NULL || *self->text == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (haystacks); i++)
    if (haystacks[i] != NULL && g_str_match_string (self->text, haystacks[i], TRUE))
      return TRUE;
  return FALSE;
}

static void
attest_link_incident_popover_refilter (AttestLinkIncidentPopover *self)
{
  guint n;

  g_free (self->text);
  self->text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filter_model),
                      GTK_FILTER_CHANGE_DIFFERENT);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->list_view)), n > 0);
  gtk_single_selection_set_selected (self->selection, n > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  if (n > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  AttestIncident *ia = *(AttestIncident **) a;
  AttestIncident *ib = *(AttestIncident **) b;

  return -g_strcmp0 (attest_incident_get_date_start (ia), attest_incident_get_date_start (ib));
}

static void
attest_link_incident_popover_reload (AttestLinkIncidentPopover *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) here = NULL;
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autoptr(AttestAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  self->dirty = FALSE;
  g_hash_table_remove_all (self->in_article);
  if (self->store != NULL && self->annotation_uuid != NULL)
    annotation = attest_store_get_annotation (self->store, self->annotation_uuid, NULL);
  gtk_label_set_text (self->quote_label, "");
  if (annotation != NULL)
    {
      const char *article_uuid = attest_annotation_get_article_uuid (annotation);
      g_autofree char *quote = g_strdup_printf (_("“%s”"),
                                                attest_annotation_get_exact (annotation));

      gtk_label_set_text (self->quote_label, quote);
      here = attest_store_list_incidents_for_article (self->store, article_uuid, NULL);
    }
  if (self->store != NULL && !(all = attest_store_list_incidents (self->store, &error)))
    g_warning ("Could not list the incidents: %s", error->message);

  for (guint i = 0; here != NULL && i < here->len; i++)
    {
      g_hash_table_add (self->in_article,
                        g_strdup (attest_incident_get_uuid (g_ptr_array_index (here, i))));
      g_ptr_array_add (ordered, g_ptr_array_index (here, i));
    }
  if (all != NULL)
    g_ptr_array_sort (all, compare_newest_first);
  for (guint i = 0; all != NULL && i < all->len; i++)
    if (!g_hash_table_contains (self->in_article,
                                attest_incident_get_uuid (g_ptr_array_index (all, i))))
      g_ptr_array_add (ordered, g_ptr_array_index (all, i));

  g_list_store_splice (self->incidents, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->incidents)),
                       ordered->pdata, ordered->len);
  attest_link_incident_popover_refilter (self);
}

static void
on_row_setup (GtkSignalListItemFactory  *factory,
              GtkListItem               *list_item,
              AttestLinkIncidentPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (list_item, box);
}

static void
on_row_bind (GtkSignalListItemFactory  *factory,
             GtkListItem               *list_item,
             AttestLinkIncidentPopover *self)
{
  AttestIncident *incident = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  g_autofree char *date = attest_format_incident_date (incident);
  g_autoptr(GString) details = g_string_new (date);

  if (attest_incident_get_location (incident) != NULL)
    g_string_append_printf (details, " · %s", attest_incident_get_location (incident));
  if (attest_incident_get_event_type (incident) != NULL)
    g_string_append_printf (details, " · %s", attest_incident_get_event_type (incident));
  if (g_hash_table_contains (self->in_article, attest_incident_get_uuid (incident)))
    /* Translators: after an incident's date and place in the list to link a quote to */
    g_string_append (details, _(" · in this article"));

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)),
                      attest_incident_get_title (incident));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), details->str);
}

/* Reads the figure when the field takes one; FALSE (and says why) when it is no figure. */
static gboolean
read_figure (AttestLinkIncidentPopover *self,
             gint64                    *low,
             gint64                    *high)
{
  *low = *high = ATTEST_UNKNOWN;
  if (!wants_figure (self))
    return TRUE;
  if (attest_link_incident_parse_figure (gtk_editable_get_text (GTK_EDITABLE (self->figure_entry)),
                                         low, high))
    return TRUE;
  show_error (self, _("Write the figure as a number, such as 12, or a range, such as 10–12."));
  return FALSE;
}

static gboolean
link_to (AttestLinkIncidentPopover *self,
         const char                *incident_uuid,
         gint64                     low,
         gint64                     high)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *link_uuid = NULL;
  g_autofree char *uuid = g_strdup (incident_uuid);

  link_uuid = attest_store_link_evidence (self->store, uuid, self->annotation_uuid, NULL,
                                          chosen_field (self), chosen_relation (self), low, high,
                                          &error);
  if (link_uuid == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[LINKED], 0, link_uuid, uuid);
  return TRUE;
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttestLinkIncidentPopover *self = ATTEST_LINK_INCIDENT_POPOVER (widget);
  AttestIncident *incident = gtk_single_selection_get_selected_item (self->selection);
  gint64 low, high;

  if (self->store == NULL || self->annotation_uuid == NULL || incident == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (read_figure (self, &low, &high))
    link_to (self, attest_incident_get_uuid (incident), low, high);
}

static void
new_incident_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AttestLinkIncidentPopover *self = ATTEST_LINK_INCIDENT_POPOVER (widget);
  g_autoptr(AttestAnnotation) annotation = NULL;
  g_autoptr(AttestIncident) incident = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AttestIncidentFields fields;
  gint64 low, high;

  if (self->store == NULL || self->annotation_uuid == NULL)
    return;
  if (!(annotation = attest_store_get_annotation (self->store, self->annotation_uuid, &error)))
    {
      show_error (self, error->message);
      return;
    }
  if (!read_figure (self, &low, &high))
    return;

  title = attest_link_incident_title_from_text (attest_annotation_get_exact (annotation));
  attest_incident_fields_init (&fields);
  fields.title = title;
  fields.status = "draft";
  /* The figure goes to the new incident too: it is all anyone knows so far. */
  if (g_strcmp0 (chosen_field (self), "fatalities") == 0)
    {
      fields.fatalities_low = low;
      fields.fatalities_high = high;
    }
  else if (g_strcmp0 (chosen_field (self), "injuries") == 0)
    {
      fields.injuries_low = low;
      fields.injuries_high = high;
    }
  /* The new incident and the link to the quote are one undo step. */
  if (!attest_store_begin_group (self->store, _("New incident from selection"), &error))
    {
      show_error (self, error->message);
      return;
    }
  if (!(incident = attest_store_save_incident (self->store, NULL, &fields, &error)))
    {
      attest_store_end_group (self->store, FALSE, NULL);
      show_error (self, error->message);
      return;
    }
  link_to (self, attest_incident_get_uuid (incident), low, high);
  if (!attest_store_end_group (self->store, TRUE, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[INCIDENT_CREATED], 0, attest_incident_get_uuid (incident));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttestLinkIncidentPopover *self = ATTEST_LINK_INCIDENT_POPOVER (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint selected = gtk_single_selection_get_selected (self->selection);
  gboolean down = g_str_equal (action_name, "link.next");
  guint position;

  if (n == 0)
    return;
  if (selected == GTK_INVALID_LIST_POSITION)
    position = down ? 0 : n - 1;
  else
    position = down ? MIN (selected + 1, n - 1) : (selected > 0 ? selected - 1 : 0);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
on_activate (AttestLinkIncidentPopover *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "link.link", NULL);
}

static void
on_list_activate (AttestLinkIncidentPopover *self,
                  guint                      position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "link.link", NULL);
}

static void
on_field_selected (AttestLinkIncidentPopover *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->figure_label), wants_figure (self));
  gtk_widget_set_visible (GTK_WIDGET (self->figure_entry), wants_figure (self));
  show_error (self, NULL);
}

static void
on_figure_changed (AttestLinkIncidentPopover *self)
{
  gint64 low, high;

  if (attest_link_incident_parse_figure (gtk_editable_get_text (GTK_EDITABLE (self->figure_entry)),
                                         &low, &high))
    gtk_widget_remove_css_class (GTK_WIDGET (self->figure_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->figure_entry), "error");
}

static void
on_store_changed (AttestLinkIncidentPopover *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attest_link_incident_popover_reload (self);
  else
    self->dirty = TRUE;
}

static void
attest_link_incident_popover_map (GtkWidget *widget)
{
  AttestLinkIncidentPopover *self = ATTEST_LINK_INCIDENT_POPOVER (widget);

  /* Every opening starts afresh: all incidents, the whole incident, "reports". */
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->figure_entry), "");
  gtk_drop_down_set_selected (self->field_dropdown, 0);
  gtk_toggle_button_set_active (self->reports_button, TRUE);
  show_error (self, NULL);
  if (self->dirty)
    attest_link_incident_popover_reload (self);
  else
    attest_link_incident_popover_refilter (self);

  GTK_WIDGET_CLASS (attest_link_incident_popover_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
attest_link_incident_popover_dispose (GObject *object)
{
  AttestLinkIncidentPopover *self = ATTEST_LINK_INCIDENT_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_LINK_INCIDENT_POPOVER);
  g_clear_object (&self->incidents);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_link_incident_popover_parent_class)->dispose (object);
}

static void
attest_link_incident_popover_finalize (GObject *object)
{
  AttestLinkIncidentPopover *self = ATTEST_LINK_INCIDENT_POPOVER (object);

  g_clear_pointer (&self->in_article, g_hash_table_unref);
  g_clear_pointer (&self->annotation_uuid, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (attest_link_incident_popover_parent_class)->finalize (object);
}

static void
attest_link_incident_popover_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  AttestLinkIncidentPopover *self = ATTEST_LINK_INCIDENT_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ANNOTATION_UUID:
      g_value_set_string (value, self->annotation_uuid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_link_incident_popover_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  AttestLinkIncidentPopover *self = ATTEST_LINK_INCIDENT_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_link_incident_popover_set_store (self, g_value_get_object (value));
      break;

    case PROP_ANNOTATION_UUID:
      attest_link_incident_popover_set_annotation_uuid (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_link_incident_popover_class_init (AttestLinkIncidentPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_link_incident_popover_dispose;
  object_class->finalize = attest_link_incident_popover_finalize;
  object_class->get_property = attest_link_incident_popover_get_property;
  object_class->set_property = attest_link_incident_popover_set_property;
  widget_class->map = attest_link_incident_popover_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ANNOTATION_UUID] =
    g_param_spec_string ("annotation-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LINKED] =
    g_signal_new ("linked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[INCIDENT_CREATED] =
    g_signal_new ("incident-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "link.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "link.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "link.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "link.new-incident", NULL,
                                   new_incident_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/"
                                               "attest-link-incident-popover.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, AttestLinkIncidentPopover, name)
  BIND (quote_label);
  BIND (entry);
  BIND (list_view);
  BIND (selection);
  BIND (filter_model);
  BIND (empty_label);
  BIND (field_dropdown);
  BIND (field_labels);
  BIND (reports_button);
  BIND (disputes_button);
  BIND (context_button);
  BIND (figure_label);
  BIND (figure_entry);
  BIND (error_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, attest_link_incident_popover_refilter);
  gtk_widget_class_bind_template_callback (widget_class, gtk_popover_popdown);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_field_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_figure_changed);
}

static void
attest_link_incident_popover_init (AttestLinkIncidentPopover *self)
{
  self->incidents = g_list_store_new (ATTEST_TYPE_INCIDENT);
  self->in_article = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dirty = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < ATTEST_N_EVIDENCE_FIELDS; i++)
    gtk_string_list_append (self->field_labels,
                            attest_evidence_field_label (attest_evidence_fields[i]));
  gtk_filter_list_model_set_filter (self->filter_model,
                                    GTK_FILTER (gtk_custom_filter_new (filter_incident, self,
                                                                       NULL)));
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->incidents));
  on_field_selected (self);
}

GtkWidget *
attest_link_incident_popover_new (void)
{
  return g_object_new (ATTEST_TYPE_LINK_INCIDENT_POPOVER, NULL);
}

AttestStore *
attest_link_incident_popover_get_store (AttestLinkIncidentPopover *self)
{
  g_return_val_if_fail (ATTEST_IS_LINK_INCIDENT_POPOVER (self), NULL);

  return self->store;
}

void
attest_link_incident_popover_set_store (AttestLinkIncidentPopover *self,
                                        AttestStore               *store)
{
  g_return_if_fail (ATTEST_IS_LINK_INCIDENT_POPOVER (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::incidents",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::annotations",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
    }
  attest_link_incident_popover_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
attest_link_incident_popover_get_annotation_uuid (AttestLinkIncidentPopover *self)
{
  g_return_val_if_fail (ATTEST_IS_LINK_INCIDENT_POPOVER (self), NULL);

  return self->annotation_uuid;
}

void
attest_link_incident_popover_set_annotation_uuid (AttestLinkIncidentPopover *self,
                                                  const char                *uuid)
{
  g_return_if_fail (ATTEST_IS_LINK_INCIDENT_POPOVER (self));

  if (g_strcmp0 (self->annotation_uuid, uuid) == 0)
    return;

  g_free (self->annotation_uuid);
  self->annotation_uuid = g_strdup (uuid);
  attest_link_incident_popover_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION_UUID]);
}
