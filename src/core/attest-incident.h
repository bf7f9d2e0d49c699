/* attest-incident.h: an event that articles report — an ambush, a lockdown, a base closing —
 * recorded after ACLED and UCDP practice, with the evidence for each of its fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "attest-types.h"

G_BEGIN_DECLS

/* A count nobody knows. */
#define ATTEST_UNKNOWN (-1)

/* What an incident's editor fills in. Strings may be NULL; counts ATTEST_UNKNOWN; latitude
 * and longitude NAN when unknown; geo_precision 0 when unknown (1 exact place, 2 near it,
 * 3 the region). */
typedef struct
{
  const char *title;
  const char *summary;
  const char *date_start;        /* YYYY-MM-DD */
  const char *date_end;          /* YYYY-MM-DD, NULL for a one-day event */
  const char *date_precision;    /* day, week, month, year, unknown */
  const char *date_as_reported;  /* "Saturday evening" */
  const char *event_type;
  const char *sub_event_type;
  const char *place_uuid;        /* from the gazetteer: fills the fields below it is NULL */
  const char *location;
  const char *location_as_reported;
  const char *admin1;
  const char *admin2;
  const char *country;
  double      latitude;
  double      longitude;
  int         geo_precision;
  gint64      fatalities_low;
  gint64      fatalities_best;
  gint64      fatalities_high;
  gint64      injuries_low;
  gint64      injuries_best;
  gint64      injuries_high;
  const char *responsibility;    /* who claimed it */
  const char *status;            /* draft, reviewed */
  const char *coder;
} AttestIncidentFields;

/* Fields with every count unknown and every string NULL. */
void attest_incident_fields_init (AttestIncidentFields *fields);

typedef struct
{
  char *uuid;
  char *name;
  char *source_uuid;   /* when the actor is a source of the directory */
  char *role;          /* perpetrator, target, claimant, responder, other */
  char *actor_type;    /* "State forces", "Rebel group", ... free text */
} AttestIncidentActor;

void attest_incident_actor_free (AttestIncidentActor *actor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestIncidentActor, attest_incident_actor_free)

/* One piece of evidence: an annotation (or a whole article) that reports or disputes the
 * incident, or one field of it, with the figure that source gave. */
typedef struct
{
  char   *uuid;
  char   *annotation_uuid;  /* NULL when the whole article is linked */
  char   *article_uuid;
  char   *article_title;
  char   *article_outlet;
  char   *exact;            /* the annotation's words */
  char   *speaker_uuid;
  char   *speaker_name;
  char   *speaker_kind;
  char   *field;            /* NULL: the incident as a whole */
  char   *relation;         /* reports, disputes, context */
  gint64  figure_low;       /* ATTEST_UNKNOWN when none */
  gint64  figure_high;
} AttestEvidence;

void attest_evidence_free (AttestEvidence *evidence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestEvidence, attest_evidence_free)

/* How many independent sources report the field (NULL: the incident): distinct speakers;
 * evidence with no speaker counts once per outlet (or article when it has no outlet).
 * Evidence that disputes or gives context does not count. */
guint attest_evidence_count_independent (GPtrArray  *evidence,
                                         const char *field);

#define ATTEST_TYPE_INCIDENT (attest_incident_get_type ())
G_DECLARE_FINAL_TYPE (AttestIncident, attest_incident, ATTEST, INCIDENT, GObject)

gint64      attest_incident_get_id                   (AttestIncident *self);
const char *attest_incident_get_uuid                 (AttestIncident *self);
const char *attest_incident_get_title                (AttestIncident *self);
const char *attest_incident_get_summary              (AttestIncident *self);
const char *attest_incident_get_date_start           (AttestIncident *self);
const char *attest_incident_get_date_end             (AttestIncident *self);
const char *attest_incident_get_date_precision       (AttestIncident *self);
const char *attest_incident_get_date_as_reported     (AttestIncident *self);
const char *attest_incident_get_event_type           (AttestIncident *self);
const char *attest_incident_get_sub_event_type       (AttestIncident *self);
const char *attest_incident_get_place_uuid           (AttestIncident *self);
const char *attest_incident_get_location             (AttestIncident *self);
const char *attest_incident_get_location_as_reported (AttestIncident *self);
const char *attest_incident_get_admin1               (AttestIncident *self);
const char *attest_incident_get_admin2               (AttestIncident *self);
const char *attest_incident_get_country              (AttestIncident *self);
double      attest_incident_get_latitude             (AttestIncident *self);
double      attest_incident_get_longitude            (AttestIncident *self);
int         attest_incident_get_geo_precision        (AttestIncident *self);
gint64      attest_incident_get_fatalities_low       (AttestIncident *self);
gint64      attest_incident_get_fatalities_best      (AttestIncident *self);
gint64      attest_incident_get_fatalities_high      (AttestIncident *self);
gint64      attest_incident_get_injuries_low         (AttestIncident *self);
gint64      attest_incident_get_injuries_best        (AttestIncident *self);
gint64      attest_incident_get_injuries_high        (AttestIncident *self);
const char *attest_incident_get_responsibility       (AttestIncident *self);
const char *attest_incident_get_status               (AttestIncident *self);
const char *attest_incident_get_coder                (AttestIncident *self);
const char *attest_incident_get_created_at           (AttestIncident *self);
const char *attest_incident_get_modified_at          (AttestIncident *self);
guint       attest_incident_get_n_evidence           (AttestIncident *self);

/* The incident as fields, e.g. to edit and save back; strings point into self. */
void        attest_incident_get_fields               (AttestIncident       *self,
                                                      AttestIncidentFields *fields);

G_END_DECLS
