/* attest-incident-editor-form.c: filling AttestIncidentEditor's form from an incident and
 * reading it back: the event types and their sub-types, the place, the actors, dates,
 * coordinates and casualty figures, each checked as it is typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-incident-editor"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "attest-incident-editor.h"
#include "attest-incident-editor-private.h"
#include "attest-place-chooser.h"

#include <glib/gi18n.h>

static const char * const precisions[] = { "day", "week", "month", "year", "unknown", NULL };
static const char * const statuses[] = { "draft", "reviewed", NULL };
static const char * const roles[] = { "perpetrator", "target", "claimant", "responder", "other",
                                       NULL };
static const char * const role_labels[] = { N_("Perpetrator"), N_("Target"), N_("Claimant"),
                                             N_("Responder"), N_("Other"), NULL };

static guint
index_of (const char * const *keys,
          const char         *key,
          guint               fallback)
{
  for (guint i = 0; key != NULL && keys != NULL && keys[i] != NULL; i++)
    if (g_str_equal (keys[i], key))
      return i;
  return fallback;
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

/* The trimmed text, or NULL when there is none; kept alive by keep. */
static const char *
get_text (GPtrArray *keep,
          gpointer   editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));

  g_ptr_array_add (keep, text);
  return *text != '\0' ? text : NULL;
}

static gboolean
parse_date (const char *text)
{
  int y, m, d;
  char end;

  return text == NULL || *text == '\0'
         || (strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3
             && g_date_valid_dmy (d, m, y));
}

/* Empty is unknown; anything but a whole number is refused. */
static gboolean
parse_count (GtkEntry *entry,
             gint64   *count)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  guint64 value;

  *count = ATTEST_UNKNOWN;
  if (*text == '\0')
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &value, NULL))
    return FALSE;
  *count = value;
  return TRUE;
}

static gboolean
parse_coordinate (gpointer  row,
                  double   *value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  char *end = NULL;

  *value = NAN;
  if (*text == '\0')
    return TRUE;
  g_strdelimit (text, ",", '.');
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

static void
set_count (GtkEntry *entry,
           gint64    count)
{
  g_autofree char *text = count >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, count) : NULL;

  set_text (entry, text);
}

static void
set_coordinate (gpointer row,
                double   value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest text that reads back as the same number: 34.5, not 34.50000. */
  set_text (row, isnan (value) ? NULL : g_ascii_dtostr (text, sizeof text, value));
}

static void
mark_invalid (gpointer widget,
              gboolean invalid)
{
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
}

/* Event types */

void
_attest_incident_editor_load_event_types (AttestIncidentEditor *self)
{
  g_autoptr(GStrvBuilder) types = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->type_pairs, g_strfreev);
  if (self->store != NULL && !(self->type_pairs = attest_store_list_event_types (self->store,
                                                                                 &error)))
    g_warning ("Could not list the event types: %s", error->message);
  if (self->type_pairs == NULL)
    self->type_pairs = g_new0 (char *, 1);
  for (guint i = 0; self->type_pairs[i] != NULL; i += 2)
    if (i == 0 || !g_str_equal (self->type_pairs[i], self->type_pairs[i - 2]))
      g_strv_builder_add (types, self->type_pairs[i]);
  g_strfreev (self->types);
  self->types = g_strv_builder_end (types);

  self->loading++;
  gtk_string_list_splice (self->type_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->type_labels)), NULL);
  gtk_string_list_append (self->type_labels, _("None"));
  for (guint i = 0; self->types[i] != NULL; i++)
    gtk_string_list_append (self->type_labels, self->types[i]);
  self->loading--;
}

static const char *
selected_type (AttestIncidentEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  return selected > 0 && selected <= g_strv_length (self->types) ? self->types[selected - 1]
                                                                 : NULL;
}

static const char *
selected_subtype (AttestIncidentEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->subtype_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->subtype_labels, selected);
}

/* The sub-types of the chosen type, keeping the chosen one where it still applies. */
static void
fill_subtypes (AttestIncidentEditor *self,
               const char           *subtype)
{
  const char *type = selected_type (self);
  guint selected = 0;

  self->loading++;
  gtk_string_list_splice (self->subtype_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->subtype_labels)), NULL);
  gtk_string_list_append (self->subtype_labels, _("None"));
  for (guint i = 0; type != NULL && self->type_pairs[i] != NULL; i += 2)
    if (g_str_equal (self->type_pairs[i], type))
      {
        gtk_string_list_append (self->subtype_labels, self->type_pairs[i + 1]);
        if (g_strcmp0 (subtype, self->type_pairs[i + 1]) == 0)
          selected = g_list_model_get_n_items (G_LIST_MODEL (self->subtype_labels)) - 1;
      }
  adw_combo_row_set_selected (self->subtype_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->subtype_row), type != NULL);
  self->loading--;
}

/* The place */

void
_attest_incident_editor_update_place (AttestIncidentEditor *self)
{
  g_autoptr(AttestPlace) place = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (self->place_uuid != NULL && self->store != NULL)
    place = attest_store_get_place (self->store, self->place_uuid, NULL);

  if (place != NULL)
    {
      g_string_append (subtitle, place->name);
      if (place->admin1 != NULL && place->admin1_code != NULL)
        g_string_append_printf (subtitle, ", %s (%s)", place->admin1, place->admin1_code);
      else if (place->admin1 != NULL)
        g_string_append_printf (subtitle, ", %s", place->admin1);
      if (place->country != NULL)
        g_string_append_printf (subtitle, ", %s", place->country);
      if (place->aliases[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", place->aliases);

          /* Translators: the other spellings of a place, after its name */
          g_string_append_printf (subtitle, _(" · also spelled %s"), joined);
        }
    }
  else if (!self->place_modified && self->incident != NULL
           && attest_incident_get_location (self->incident) != NULL)
    /* Translators: a place the incident names that the gazetteer does not have */
    g_string_printf (subtitle, _("%s (not in the gazetteer)"),
                     attest_incident_get_location (self->incident));
  else
    g_string_assign (subtitle, _("None chosen"));

  adw_action_row_set_subtitle (self->place_row, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_place_button), self->place_uuid != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->spelling_row), place != NULL);
  attest_place_chooser_set_place_uuid (self->place_chooser, place ? self->place_uuid : NULL);
}

static void
on_place_chosen (AttestIncidentEditor *self,
                 const char           *uuid)
{
  g_autoptr(AttestPlace) place = NULL;

  if (self->store == NULL || uuid == NULL
      || !(place = attest_store_get_place (self->store, uuid, NULL)))
    return;
  /* The same place again, e.g. after adding a spelling of it: nothing to save. */
  if (g_strcmp0 (uuid, self->place_uuid) == 0)
    {
      _attest_incident_editor_update_place (self);
      return;
    }

  g_free (self->place_uuid);
  self->place_uuid = g_strdup (uuid);
  self->place_modified = TRUE;
  /* The gazetteer's coordinates, which the form may then correct. */
  if (!isnan (place->latitude))
    {
      set_coordinate (self->latitude_row, place->latitude);
      set_coordinate (self->longitude_row, place->longitude);
      adw_combo_row_set_selected (self->geo_precision_row, place->geo_precision);
    }
  else if (place->geo_precision > 0)
    adw_combo_row_set_selected (self->geo_precision_row, place->geo_precision);
  _attest_incident_editor_update_place (self);
  _attest_incident_editor_set_modified (self, TRUE);
}

static void
on_clear_place (AttestIncidentEditor *self)
{
  g_clear_pointer (&self->place_uuid, g_free);
  self->place_modified = TRUE;
  _attest_incident_editor_update_place (self);
  _attest_incident_editor_set_modified (self, TRUE);
}

static void
on_spelling_apply (AttestIncidentEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *alias = gtk_editable_get_text (GTK_EDITABLE (self->spelling_row));

  if (self->store == NULL || self->place_uuid == NULL)
    return;
  if (!attest_store_add_place_alias (self->store, self->place_uuid, alias, &error))
    {
      mark_invalid (self->spelling_row, TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->spelling_row), error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  mark_invalid (self->spelling_row, FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spelling_row), NULL);
  set_text (self->spelling_row, NULL);
  _attest_incident_editor_update_place (self);
}

/* Actors */

static void
update_actor_row (AdwExpanderRow      *row,
                  AttestIncidentActor *actor)
{
  const char *role = g_dgettext (GETTEXT_PACKAGE,
                                 role_labels[index_of (roles, actor->role, 4)]);
  g_autofree char *subtitle = actor->actor_type != NULL && *actor->actor_type != '\0'
                              ? g_strdup_printf ("%s · %s", role, actor->actor_type)
                              : g_strdup (role);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), actor->name);
  adw_expander_row_set_subtitle (row, subtitle);
}

static AttestIncidentActor *
actor_of (AttestIncidentEditor *self,
          gpointer              widget)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "actor-index"));

  return i < self->actors->len ? g_ptr_array_index (self->actors, i) : NULL;
}

static void
actor_edited (AttestIncidentEditor *self,
              gpointer              widget,
              AttestIncidentActor  *actor)
{
  update_actor_row (g_object_get_data (G_OBJECT (widget), "expander"), actor);
  self->actors_modified = TRUE;
  _attest_incident_editor_changed (self);
}

static void
on_actor_text_changed (GtkEditable          *row,
                       AttestIncidentEditor *self)
{
  AttestIncidentActor *actor = actor_of (self, row);
  gboolean is_name = g_object_get_data (G_OBJECT (row), "is-name") != NULL;
  char **text;

  if (actor == NULL || self->loading > 0)
    return;
  text = is_name ? &actor->name : &actor->actor_type;
  g_free (*text);
  *text = g_strdup (gtk_editable_get_text (row));
  actor_edited (self, row, actor);
}

static void
on_actor_role_changed (AdwComboRow          *row,
                       GParamSpec           *pspec,
                       AttestIncidentEditor *self)
{
  AttestIncidentActor *actor = actor_of (self, row);

  if (actor == NULL || self->loading > 0)
    return;
  g_free (actor->role);
  actor->role = g_strdup (roles[MIN (adw_combo_row_get_selected (row), 4)]);
  actor_edited (self, row, actor);
}

static GtkWidget *
create_actor_row (AttestIncidentEditor *self,
                  guint                 i)
{
  AttestIncidentActor *actor = g_ptr_array_index (self->actors, i);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *name = adw_entry_row_new ();
  GtkWidget *type = adw_entry_row_new ();
  GtkWidget *role = adw_combo_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *editors[] = { name, type, role };

  for (guint r = 0; role_labels[r] != NULL; r++)
    gtk_string_list_append (labels, g_dgettext (GETTEXT_PACKAGE, role_labels[r]));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (type), _("Kind of Actor"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (role), G_LIST_MODEL (labels));
  set_text (name, actor->name);
  set_text (type, actor->actor_type);
  adw_combo_row_set_selected (ADW_COMBO_ROW (role), index_of (roles, actor->role, 4));
  update_actor_row (ADW_EXPANDER_ROW (row), actor);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Actor"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Actor"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "incident-editor.remove-actor");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", i);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

  g_object_set_data (G_OBJECT (name), "is-name", GINT_TO_POINTER (TRUE));
  for (guint e = 0; e < G_N_ELEMENTS (editors); e++)
    {
      g_object_set_data (G_OBJECT (editors[e]), "actor-index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (editors[e]), "expander", row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), editors[e]);
    }
  g_signal_connect (name, "changed", G_CALLBACK (on_actor_text_changed), self);
  g_signal_connect (type, "changed", G_CALLBACK (on_actor_text_changed), self);
  g_signal_connect (role, "notify::selected", G_CALLBACK (on_actor_role_changed), self);
  return row;
}

static void
fill_actors (AttestIncidentEditor *self)
{
  GtkWidget *child;

  self->loading++;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actors_list)))
         != GTK_WIDGET (self->add_actor_row))
    gtk_list_box_remove (self->actors_list, child);
  for (guint i = 0; i < self->actors->len; i++)
    gtk_list_box_insert (self->actors_list, create_actor_row (self, i), i);
  self->loading--;
}

static void
on_add_actor (AttestIncidentEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_actor_row));
  g_autofree char *name = g_strstrip (g_strdup (text));
  AttestIncidentActor *actor;

  if (*name == '\0')
    return;
  /* Actor 1 and actor 2, as ACLED counts them: who did it and to whom. */
  actor = g_new0 (AttestIncidentActor, 1);
  actor->name = g_steal_pointer (&name);
  actor->role = g_strdup (self->actors->len == 0 ? "perpetrator"
                          : self->actors->len == 1 ? "target" : "other");
  g_ptr_array_add (self->actors, actor);
  set_text (self->add_actor_row, NULL);
  fill_actors (self);
  self->actors_modified = TRUE;
  _attest_incident_editor_changed (self);
}

static void
remove_actor_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AttestIncidentEditor *self = ATTEST_INCIDENT_EDITOR (widget);
  guint i = g_variant_get_uint32 (parameter);

  if (i >= self->actors->len)
    return;
  g_ptr_array_remove_index (self->actors, i);
  fill_actors (self);
  self->actors_modified = TRUE;
  _attest_incident_editor_changed (self);
}

/* Filling and reading the form */

void
_attest_incident_editor_fill_form (AttestIncidentEditor *self)
{
  AttestIncidentFields f;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *validated[] = { GTK_WIDGET (self->start_row), GTK_WIDGET (self->end_row),
                             GTK_WIDGET (self->latitude_row), GTK_WIDGET (self->longitude_row),
                             GTK_WIDGET (self->killed_low), GTK_WIDGET (self->killed_best),
                             GTK_WIDGET (self->killed_high), GTK_WIDGET (self->injured_low),
                             GTK_WIDGET (self->injured_best), GTK_WIDGET (self->injured_high) };

  attest_incident_fields_init (&f);
  if (self->incident != NULL)
    attest_incident_get_fields (self->incident, &f);

  self->loading++;
  set_text (self->title_row, f.title);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            f.summary != NULL ? f.summary : "", -1);
  adw_combo_row_set_selected (self->type_row,
                              index_of ((const char * const *) self->types, f.event_type,
                                        G_MAXUINT) + 1);
  fill_subtypes (self, f.sub_event_type);
  set_text (self->start_row, f.date_start);
  set_text (self->end_row, f.date_end);
  adw_combo_row_set_selected (self->precision_row, index_of (precisions, f.date_precision, 0));
  set_text (self->date_reported_row, f.date_as_reported);
  g_free (self->place_uuid);
  self->place_uuid = g_strdup (f.place_uuid);
  self->place_modified = FALSE;
  set_text (self->location_reported_row, f.location_as_reported);
  set_coordinate (self->latitude_row, f.latitude);
  set_coordinate (self->longitude_row, f.longitude);
  adw_combo_row_set_selected (self->geo_precision_row, CLAMP (f.geo_precision, 0, 3));
  set_count (self->killed_low, f.fatalities_low);
  set_count (self->killed_best, f.fatalities_best);
  set_count (self->killed_high, f.fatalities_high);
  set_count (self->injured_low, f.injuries_low);
  set_count (self->injured_best, f.injuries_best);
  set_count (self->injured_high, f.injuries_high);
  set_text (self->responsibility_row, f.responsibility);
  adw_combo_row_set_selected (self->status_row, index_of (statuses, f.status, 0));
  set_text (self->spelling_row, NULL);
  set_text (self->add_actor_row, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (validated); i++)
    mark_invalid (validated[i], FALSE);

  g_ptr_array_set_size (self->actors, 0);
  if (self->incident != NULL && self->store != NULL
      && !(actors = attest_store_list_incident_actors (self->store,
                                                       attest_incident_get_uuid (self->incident),
                                                       &error)))
    g_warning ("Could not list the actors: %s", error->message);
  for (guint i = 0; actors != NULL && i < actors->len; i++)
    g_ptr_array_add (self->actors, g_steal_pointer (&actors->pdata[i]));
  fill_actors (self);
  _attest_incident_editor_update_place (self);
  self->loading--;

  self->actors_modified = FALSE;
  _attest_incident_editor_set_modified (self, FALSE);
  _attest_incident_editor_show_error (self, NULL);
}

/* Reads the form into fields whose strings keep holds; FALSE with a message when a figure
 * is not one. The store checks everything else. */
gboolean
_attest_incident_editor_read_form (AttestIncidentEditor  *self,
                                   AttestIncidentFields  *f,
                                   GPtrArray             *keep,
                                   GError               **error)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;
  GtkEntry *counts[] = { self->killed_low, self->killed_best, self->killed_high,
                         self->injured_low, self->injured_best, self->injured_high };
  gint64 *values[] = { &f->fatalities_low, &f->fatalities_best, &f->fatalities_high,
                       &f->injuries_low, &f->injuries_best, &f->injuries_high };
  char *summary;

  attest_incident_fields_init (f);
  if (self->incident != NULL)
    attest_incident_get_fields (self->incident, f);

  f->title = get_text (keep, self->title_row);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  summary = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  g_ptr_array_add (keep, summary);
  f->summary = *summary != '\0' ? summary : NULL;
  f->event_type = selected_type (self);
  f->sub_event_type = selected_subtype (self);
  f->date_start = get_text (keep, self->start_row);
  f->date_end = get_text (keep, self->end_row);
  f->date_precision = precisions[MIN (adw_combo_row_get_selected (self->precision_row), 4)];
  f->date_as_reported = get_text (keep, self->date_reported_row);
  f->place_uuid = self->place_uuid;
  if (self->place_modified)
    {
      /* The new place's names, filled in by the store. */
      f->location = f->admin1 = f->admin2 = f->country = NULL;
    }
  f->location_as_reported = get_text (keep, self->location_reported_row);
  f->geo_precision = adw_combo_row_get_selected (self->geo_precision_row);
  f->responsibility = get_text (keep, self->responsibility_row);
  f->status = statuses[MIN (adw_combo_row_get_selected (self->status_row), 1)];

  if (!parse_coordinate (self->latitude_row, &f->latitude)
      || !parse_coordinate (self->longitude_row, &f->longitude))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Coordinates are decimal degrees, e.g. 34.61 and 43.68."));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (!parse_count (counts[i], values[i]))
      {
        g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                             _("Casualty figures are whole numbers; leave them empty when "
                               "unknown."));
        return FALSE;
      }
  return TRUE;
}

/* Callbacks */

static void
on_field_changed (AttestIncidentEditor *self)
{
  _attest_incident_editor_changed (self);
}

static void
on_type_selected (AttestIncidentEditor *self)
{
  if (self->loading > 0)
    return;
  fill_subtypes (self, selected_subtype (self));
  _attest_incident_editor_changed (self);
}

static void
on_date_changed (GtkEditable          *row,
                 AttestIncidentEditor *self)
{
  mark_invalid (row, !parse_date (gtk_editable_get_text (row)));
  _attest_incident_editor_changed (self);
}

static void
on_number_changed (GtkEditable          *row,
                   AttestIncidentEditor *self)
{
  double value;

  mark_invalid (row, !parse_coordinate (row, &value));
  _attest_incident_editor_changed (self);
}

static void
on_count_changed (GtkEntry             *entry,
                  AttestIncidentEditor *self)
{
  gint64 value;

  mark_invalid (entry, !parse_count (entry, &value));
  _attest_incident_editor_changed (self);
}

void
_attest_incident_editor_init_form (AttestIncidentEditor *self)
{
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
  _attest_incident_editor_load_event_types (self);
}

void
_attest_incident_editor_class_init_form (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "incident-editor.remove-actor", "u",
                                   remove_actor_action);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_number_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_count_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_place_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_place);
  gtk_widget_class_bind_template_callback (widget_class, on_spelling_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_add_actor);
}
