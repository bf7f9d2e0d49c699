/* attest-incident-editor.c: one incident as a form.
 *
 * The form is filled from the incident and saved back as a whole: the store validates it
 * (a refusal is shown under the form, the typed values stay) and records the save as an
 * undoable change. Actors are a list inside the form, saved with it. The chosen place and
 * its other spellings are the gazetteer's, edited at once through the place chooser.
 *
 * This file is the editor's life: the store it follows, Save and Revert, the public API;
 * attest-incident-editor-form.c fills the form and reads it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-incident-editor"

#include "config.h"

#include "attest-incident-editor.h"
#include "attest-incident-editor-private.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (AttestIncidentEditor, attest_incident_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INCIDENT,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_attest_incident_editor_show_error (AttestIncidentEditor *self,
                                    const char           *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
  if (message != NULL)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

void
_attest_incident_editor_update_actions (AttestIncidentEditor *self)
{
  gboolean editing = self->store != NULL && (self->incident != NULL || self->is_new);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "incident-editor.save",
                                 editing && self->modified);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "incident-editor.revert",
                                 editing && self->modified);
  gtk_stack_set_visible_child_name (self->stack, editing ? "form" : "empty");
}

void
_attest_incident_editor_set_modified (AttestIncidentEditor *self,
                                      gboolean              modified)
{
  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  if (modified)
    _attest_incident_editor_show_error (self, NULL);
  _attest_incident_editor_update_actions (self);
}

void
_attest_incident_editor_changed (AttestIncidentEditor *self)
{
  if (self->loading == 0)
    _attest_incident_editor_set_modified (self, TRUE);
}


static void
on_store_changed (AttestIncidentEditor *self)
{
  g_autoptr(AttestIncident) incident = NULL;

  if (self->saving || self->incident == NULL)
    return;

  incident = attest_store_get_incident (self->store, attest_incident_get_uuid (self->incident),
                                        NULL);
  if (incident == NULL)
    {
      /* Deleted, or its recording undone. */
      attest_incident_editor_set_incident (self, NULL);
      return;
    }
  g_set_object (&self->incident, incident);
  /* What the user is typing wins over the store until Save or Revert. */
  if (!self->modified)
    _attest_incident_editor_fill_form (self);
}

static void
on_places_changed (AttestIncidentEditor *self)
{
  _attest_incident_editor_update_place (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  /* The message is shown under the form. */
  attest_incident_editor_save (ATTEST_INCIDENT_EDITOR (widget), &error);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  attest_incident_editor_revert (ATTEST_INCIDENT_EDITOR (widget));
}

/* Overrides */

static void
attest_incident_editor_dispose (GObject *object)
{
  AttestIncidentEditor *self = ATTEST_INCIDENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_INCIDENT_EDITOR);
  g_clear_object (&self->incident);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_incident_editor_parent_class)->dispose (object);
}

static void
attest_incident_editor_finalize (GObject *object)
{
  AttestIncidentEditor *self = ATTEST_INCIDENT_EDITOR (object);

  g_clear_pointer (&self->actors, g_ptr_array_unref);
  g_clear_pointer (&self->type_pairs, g_strfreev);
  g_clear_pointer (&self->types, g_strfreev);
  g_clear_pointer (&self->place_uuid, g_free);

  G_OBJECT_CLASS (attest_incident_editor_parent_class)->finalize (object);
}

static void
attest_incident_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AttestIncidentEditor *self = ATTEST_INCIDENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_INCIDENT:
      g_value_set_object (value, self->incident);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_incident_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AttestIncidentEditor *self = ATTEST_INCIDENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_incident_editor_set_store (self, g_value_get_object (value));
      break;

    case PROP_INCIDENT:
      attest_incident_editor_set_incident (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_incident_editor_class_init (AttestIncidentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_incident_editor_dispose;
  object_class->finalize = attest_incident_editor_finalize;
  object_class->get_property = attest_incident_editor_get_property;
  object_class->set_property = attest_incident_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INCIDENT] =
    g_param_spec_object ("incident", NULL, NULL,
                         ATTEST_TYPE_INCIDENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "incident-editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "incident-editor.revert", NULL, revert_action);

  g_type_ensure (ATTEST_TYPE_PLACE_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-incident-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AttestIncidentEditor, name)
  BIND (stack);
  BIND (title_row);
  BIND (type_row);
  BIND (type_labels);
  BIND (subtype_row);
  BIND (subtype_labels);
  BIND (summary_view);
  BIND (start_row);
  BIND (end_row);
  BIND (precision_row);
  BIND (date_reported_row);
  BIND (place_row);
  BIND (place_chooser);
  BIND (clear_place_button);
  BIND (spelling_row);
  BIND (location_reported_row);
  BIND (latitude_row);
  BIND (longitude_row);
  BIND (geo_precision_row);
  BIND (actors_list);
  BIND (add_actor_row);
  BIND (killed_low);
  BIND (killed_best);
  BIND (killed_high);
  BIND (injured_low);
  BIND (injured_best);
  BIND (injured_high);
  BIND (responsibility_row);
  BIND (status_row);
  BIND (error_box);
  BIND (error_label);
#undef BIND
  _attest_incident_editor_class_init_form (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attest-incident-editor");
}

static void
attest_incident_editor_init (AttestIncidentEditor *self)
{
  self->actors = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_incident_actor_free);
  self->types = g_new0 (char *, 1);
  self->type_pairs = g_new0 (char *, 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  _attest_incident_editor_init_form (self);
  _attest_incident_editor_update_actions (self);
}

GtkWidget *
attest_incident_editor_new (void)
{
  return g_object_new (ATTEST_TYPE_INCIDENT_EDITOR, NULL);
}

AttestStore *
attest_incident_editor_get_store (AttestIncidentEditor *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT_EDITOR (self), NULL);

  return self->store;
}

void
attest_incident_editor_set_store (AttestIncidentEditor *self,
                                  AttestStore          *store)
{
  g_return_if_fail (ATTEST_IS_INCIDENT_EDITOR (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
      g_signal_handlers_disconnect_by_func (self->store, on_places_changed, self);
    }
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::incidents",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::places",
                               G_CALLBACK (on_places_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::place_aliases",
                               G_CALLBACK (on_places_changed), self, G_CONNECT_SWAPPED);
    }

  attest_place_chooser_set_store (self->place_chooser, store);
  _attest_incident_editor_load_event_types (self);
  g_clear_object (&self->incident);
  self->is_new = FALSE;
  _attest_incident_editor_fill_form (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AttestIncident *
attest_incident_editor_get_incident (AttestIncidentEditor *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT_EDITOR (self), NULL);

  return self->incident;
}

void
attest_incident_editor_set_incident (AttestIncidentEditor *self,
                                     AttestIncident       *incident)
{
  g_return_if_fail (ATTEST_IS_INCIDENT_EDITOR (self));
  g_return_if_fail (incident == NULL || ATTEST_IS_INCIDENT (incident));

  if (self->incident == incident && !self->is_new)
    return;

  g_set_object (&self->incident, incident);
  self->is_new = FALSE;
  _attest_incident_editor_fill_form (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCIDENT]);
}

void
attest_incident_editor_start_new (AttestIncidentEditor *self,
                                  const char           *title)
{
  g_return_if_fail (ATTEST_IS_INCIDENT_EDITOR (self));

  g_clear_object (&self->incident);
  self->is_new = TRUE;
  _attest_incident_editor_fill_form (self);
  if (title != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
      _attest_incident_editor_set_modified (self, TRUE);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCIDENT]);
}

gboolean
attest_incident_editor_get_is_new (AttestIncidentEditor *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT_EDITOR (self), FALSE);

  return self->is_new;
}

gboolean
attest_incident_editor_get_modified (AttestIncidentEditor *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT_EDITOR (self), FALSE);

  return self->modified;
}

gboolean
attest_incident_editor_save (AttestIncidentEditor  *self,
                             GError               **error)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AttestIncident) saved = NULL;
  g_autoptr(GError) local_error = NULL;
  AttestIncidentFields fields;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (ATTEST_IS_INCIDENT_EDITOR (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (self->incident == NULL && !self->is_new)
    return TRUE;

  if (_attest_incident_editor_read_form (self, &fields, keep, &local_error))
    {
      /* The fields and the actors are one undo step, and stay or go together. */
      gboolean grouped = self->actors_modified;

      self->saving = TRUE;
      if (!grouped
          || attest_store_begin_group (self->store, self->is_new ? _("Record incident")
                                                                 : _("Edit incident"),
                                       &local_error))
        {
          saved = attest_store_save_incident (self->store,
                                              self->is_new ? NULL
                                                           : attest_incident_get_uuid (self->incident),
                                              &fields, &local_error);
          if (saved != NULL && grouped)
            attest_store_set_incident_actors (self->store, attest_incident_get_uuid (saved),
                                              self->actors, &local_error);
          if (grouped && !attest_store_end_group (self->store, local_error == NULL,
                                                  local_error ? NULL : &local_error))
            g_clear_object (&saved);
        }
      if (saved != NULL && local_error == NULL)
        {
          g_set_object (&self->incident, saved);
          self->is_new = FALSE;
          self->actors_modified = FALSE;
        }
      self->saving = FALSE;
    }
  if (local_error != NULL)
    {
      _attest_incident_editor_show_error (self, local_error->message);
      _attest_incident_editor_update_actions (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  uuid = g_strdup (attest_incident_get_uuid (saved));
  /* The counts of evidence and such are the store's: read it back. */
  g_clear_object (&saved);
  saved = attest_store_get_incident (self->store, uuid, NULL);
  g_set_object (&self->incident, saved);
  self->is_new = FALSE;
  _attest_incident_editor_fill_form (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCIDENT]);
  g_signal_emit (self, signals[SAVED], 0, uuid);
  return TRUE;
}

void
attest_incident_editor_revert (AttestIncidentEditor *self)
{
  g_return_if_fail (ATTEST_IS_INCIDENT_EDITOR (self));

  _attest_incident_editor_fill_form (self);
}
