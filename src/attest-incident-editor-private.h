/* attest-incident-editor-private.h: what the two halves of AttestIncidentEditor share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "attest-incident-editor.h"
#include "attest-place-chooser.h"

G_BEGIN_DECLS

struct _AttestIncidentEditor
{
  GtkWidget           parent_instance;

  AttestStore        *store;
  AttestIncident     *incident;         /* NULL when empty or new */
  GPtrArray          *actors;           /* AttestIncidentActor: the form's */
  GStrv               type_pairs;       /* the store's (type, sub-type) pairs */
  GStrv               types;            /* each type once */
  char               *place_uuid;       /* as chosen in the form */
  gboolean            is_new;
  gboolean            modified;
  gboolean            actors_modified;
  gboolean            place_modified;
  gboolean            saving;
  guint               loading;          /* filling the form is no edit */

  /* Template widgets */
  GtkStack           *stack;
  AdwEntryRow        *title_row;
  AdwComboRow        *type_row;
  GtkStringList      *type_labels;
  AdwComboRow        *subtype_row;
  GtkStringList      *subtype_labels;
  GtkTextView        *summary_view;
  AdwEntryRow        *start_row;
  AdwEntryRow        *end_row;
  AdwComboRow        *precision_row;
  AdwEntryRow        *date_reported_row;
  AdwActionRow       *place_row;
  AttestPlaceChooser *place_chooser;
  GtkButton          *clear_place_button;
  AdwEntryRow        *spelling_row;
  AdwEntryRow        *location_reported_row;
  AdwEntryRow        *latitude_row;
  AdwEntryRow        *longitude_row;
  AdwComboRow        *geo_precision_row;
  GtkListBox         *actors_list;
  AdwEntryRow        *add_actor_row;
  GtkEntry           *killed_low;
  GtkEntry           *killed_best;
  GtkEntry           *killed_high;
  GtkEntry           *injured_low;
  GtkEntry           *injured_best;
  GtkEntry           *injured_high;
  AdwEntryRow        *responsibility_row;
  AdwComboRow        *status_row;
  GtkWidget          *error_box;
  GtkLabel           *error_label;
};

/* attest-incident-editor.c */
void     _attest_incident_editor_show_error       (AttestIncidentEditor  *self,
                                                   const char            *message);
void     _attest_incident_editor_update_actions   (AttestIncidentEditor  *self);
void     _attest_incident_editor_set_modified     (AttestIncidentEditor  *self,
                                                   gboolean               modified);
/* The user changed the form (not while it is being filled). */
void     _attest_incident_editor_changed          (AttestIncidentEditor  *self);

/* attest-incident-editor-form.c */
void     _attest_incident_editor_class_init_form  (GtkWidgetClass        *widget_class);
void     _attest_incident_editor_init_form        (AttestIncidentEditor  *self);
void     _attest_incident_editor_load_event_types (AttestIncidentEditor  *self);
void     _attest_incident_editor_update_place     (AttestIncidentEditor  *self);
void     _attest_incident_editor_fill_form        (AttestIncidentEditor  *self);
gboolean _attest_incident_editor_read_form        (AttestIncidentEditor  *self,
                                                   AttestIncidentFields  *fields,
                                                   GPtrArray             *keep,
                                                   GError               **error);

G_END_DECLS
