/* attest-incident.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-incident"

#include "config.h"

#include <math.h>
#include <string.h>

#include "attest-incident.h"
#include "attest-model-private.h"
#include "attest-store-private.h"

struct _AttestIncident
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *title;
  char    *summary;
  char    *date_start;
  char    *date_end;
  char    *date_precision;
  char    *date_as_reported;
  char    *event_type;
  char    *sub_event_type;
  char    *place_uuid;
  char    *location;
  char    *location_as_reported;
  char    *admin1;
  char    *admin2;
  char    *country;
  char    *responsibility;
  char    *status;
  char    *coder;
  char    *created_at;
  char    *modified_at;
  double   latitude;
  double   longitude;
  int      geo_precision;
  gint64   fatalities_low;
  gint64   fatalities_best;
  gint64   fatalities_high;
  gint64   injuries_low;
  gint64   injuries_best;
  gint64   injuries_high;
  guint    n_evidence;
};

G_DEFINE_FINAL_TYPE (AttestIncident, attest_incident, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_TITLE,
  PROP_DATE_START,
  PROP_LOCATION,
  PROP_EVENT_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
attest_incident_fields_init (AttestIncidentFields *fields)
{
  memset (fields, 0, sizeof *fields);
  fields->latitude = NAN;
  fields->longitude = NAN;
  fields->fatalities_low = fields->fatalities_best = fields->fatalities_high = ATTEST_UNKNOWN;
  fields->injuries_low = fields->injuries_best = fields->injuries_high = ATTEST_UNKNOWN;
}

void
attest_incident_actor_free (AttestIncidentActor *actor)
{
  if (actor == NULL)
    return;

  g_free (actor->uuid);
  g_free (actor->name);
  g_free (actor->source_uuid);
  g_free (actor->role);
  g_free (actor->actor_type);
  g_free (actor);
}

void
attest_evidence_free (AttestEvidence *evidence)
{
  if (evidence == NULL)
    return;

  g_free (evidence->uuid);
  g_free (evidence->annotation_uuid);
  g_free (evidence->article_uuid);
  g_free (evidence->article_title);
  g_free (evidence->article_outlet);
  g_free (evidence->exact);
  g_free (evidence->speaker_uuid);
  g_free (evidence->speaker_name);
  g_free (evidence->speaker_kind);
  g_free (evidence->field);
  g_free (evidence->relation);
  g_free (evidence);
}

guint
attest_evidence_count_independent (GPtrArray  *evidence,
                                   const char *field)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (evidence != NULL, 0);

  for (guint i = 0; i < evidence->len; i++)
    {
      AttestEvidence *e = g_ptr_array_index (evidence, i);
      char *key;

      if (g_strcmp0 (e->field, field) != 0 || g_strcmp0 (e->relation, "reports") != 0)
        continue;

      /* Two articles quoting the same spokesman are one source, not two. */
      if (e->speaker_uuid != NULL)
        key = g_strconcat ("speaker:", e->speaker_uuid, NULL);
      else if (e->article_outlet != NULL)
        key = g_strconcat ("outlet:", e->article_outlet, NULL);
      else
        key = g_strconcat ("article:", e->article_uuid, NULL);
      g_hash_table_add (seen, key);
    }

  return g_hash_table_size (seen);
}

static void
attest_incident_finalize (GObject *object)
{
  AttestIncident *self = (AttestIncident *)object;

  g_free (self->uuid);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->date_start);
  g_free (self->date_end);
  g_free (self->date_precision);
  g_free (self->date_as_reported);
  g_free (self->event_type);
  g_free (self->sub_event_type);
  g_free (self->place_uuid);
  g_free (self->location);
  g_free (self->location_as_reported);
  g_free (self->admin1);
  g_free (self->admin2);
  g_free (self->country);
  g_free (self->responsibility);
  g_free (self->status);
  g_free (self->coder);
  g_free (self->created_at);
  g_free (self->modified_at);

  G_OBJECT_CLASS (attest_incident_parent_class)->finalize (object);
}

static void
attest_incident_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AttestIncident *self = ATTEST_INCIDENT (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DATE_START:
      g_value_set_string (value, self->date_start);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_EVENT_TYPE:
      g_value_set_string (value, self->event_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_incident_class_init (AttestIncidentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = attest_incident_finalize;
  object_class->get_property = attest_incident_get_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE_START] =
    g_param_spec_string ("date-start", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_TYPE] =
    g_param_spec_string ("event-type", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
attest_incident_init (AttestIncident *self)
{
}

static double
column_double_or_nan (sqlite3_stmt *stmt,
                      int           i)
{
  return sqlite3_column_type (stmt, i) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, i);
}

static gint64
column_count (sqlite3_stmt *stmt,
              int           i)
{
  return sqlite3_column_type (stmt, i) == SQLITE_NULL ? ATTEST_UNKNOWN
                                                      : sqlite3_column_int64 (stmt, i);
}

AttestIncident *
_attest_incident_new_from_stmt (sqlite3_stmt *stmt)
{
  AttestIncident *self = g_object_new (ATTEST_TYPE_INCIDENT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (_attest_column_text (stmt, 1));
  self->title = g_strdup (_attest_column_text (stmt, 2));
  self->summary = g_strdup (_attest_column_text (stmt, 3));
  self->date_start = g_strdup (_attest_column_text (stmt, 4));
  self->date_end = g_strdup (_attest_column_text (stmt, 5));
  self->date_precision = g_strdup (_attest_column_text (stmt, 6));
  self->date_as_reported = g_strdup (_attest_column_text (stmt, 7));
  self->event_type = g_strdup (_attest_column_text (stmt, 8));
  self->sub_event_type = g_strdup (_attest_column_text (stmt, 9));
  self->place_uuid = g_strdup (_attest_column_text (stmt, 10));
  self->location = g_strdup (_attest_column_text (stmt, 11));
  self->location_as_reported = g_strdup (_attest_column_text (stmt, 12));
  self->admin1 = g_strdup (_attest_column_text (stmt, 13));
  self->admin2 = g_strdup (_attest_column_text (stmt, 14));
  self->country = g_strdup (_attest_column_text (stmt, 15));
  self->latitude = column_double_or_nan (stmt, 16);
  self->longitude = column_double_or_nan (stmt, 17);
  self->geo_precision = sqlite3_column_int (stmt, 18);
  self->fatalities_low = column_count (stmt, 19);
  self->fatalities_best = column_count (stmt, 20);
  self->fatalities_high = column_count (stmt, 21);
  self->injuries_low = column_count (stmt, 22);
  self->injuries_best = column_count (stmt, 23);
  self->injuries_high = column_count (stmt, 24);
  self->responsibility = g_strdup (_attest_column_text (stmt, 25));
  self->status = g_strdup (_attest_column_text (stmt, 26));
  self->coder = g_strdup (_attest_column_text (stmt, 27));
  self->created_at = g_strdup (_attest_column_text (stmt, 28));
  self->modified_at = g_strdup (_attest_column_text (stmt, 29));
  self->n_evidence = sqlite3_column_int (stmt, 30);

  return self;
}

void
attest_incident_get_fields (AttestIncident       *self,
                            AttestIncidentFields *fields)
{
  g_return_if_fail (ATTEST_IS_INCIDENT (self));

  attest_incident_fields_init (fields);
  fields->title = self->title;
  fields->summary = self->summary;
  fields->date_start = self->date_start;
  fields->date_end = self->date_end;
  fields->date_precision = self->date_precision;
  fields->date_as_reported = self->date_as_reported;
  fields->event_type = self->event_type;
  fields->sub_event_type = self->sub_event_type;
  fields->place_uuid = self->place_uuid;
  fields->location = self->location;
  fields->location_as_reported = self->location_as_reported;
  fields->admin1 = self->admin1;
  fields->admin2 = self->admin2;
  fields->country = self->country;
  fields->responsibility = self->responsibility;
  fields->status = self->status;
  fields->coder = self->coder;
  fields->latitude = self->latitude;
  fields->longitude = self->longitude;
  fields->geo_precision = self->geo_precision;
  fields->fatalities_low = self->fatalities_low;
  fields->fatalities_best = self->fatalities_best;
  fields->fatalities_high = self->fatalities_high;
  fields->injuries_low = self->injuries_low;
  fields->injuries_best = self->injuries_best;
  fields->injuries_high = self->injuries_high;
}

gint64
attest_incident_get_id (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), 0);

  return self->id;
}

const char *
attest_incident_get_uuid (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->uuid;
}

const char *
attest_incident_get_title (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->title;
}

const char *
attest_incident_get_summary (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->summary;
}

const char *
attest_incident_get_date_start (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->date_start;
}

const char *
attest_incident_get_date_end (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->date_end;
}

const char *
attest_incident_get_date_precision (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->date_precision;
}

const char *
attest_incident_get_date_as_reported (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->date_as_reported;
}

const char *
attest_incident_get_event_type (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->event_type;
}

const char *
attest_incident_get_sub_event_type (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->sub_event_type;
}

const char *
attest_incident_get_place_uuid (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->place_uuid;
}

const char *
attest_incident_get_location (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->location;
}

const char *
attest_incident_get_location_as_reported (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->location_as_reported;
}

const char *
attest_incident_get_admin1 (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->admin1;
}

const char *
attest_incident_get_admin2 (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->admin2;
}

const char *
attest_incident_get_country (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->country;
}

const char *
attest_incident_get_responsibility (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->responsibility;
}

const char *
attest_incident_get_status (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->status;
}

const char *
attest_incident_get_coder (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->coder;
}

const char *
attest_incident_get_created_at (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->created_at;
}

const char *
attest_incident_get_modified_at (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NULL);

  return self->modified_at;
}

double
attest_incident_get_latitude (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NAN);

  return self->latitude;
}

double
attest_incident_get_longitude (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), NAN);

  return self->longitude;
}

int
attest_incident_get_geo_precision (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), 0);

  return self->geo_precision;
}

gint64
attest_incident_get_fatalities_low (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), ATTEST_UNKNOWN);

  return self->fatalities_low;
}

gint64
attest_incident_get_fatalities_best (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), ATTEST_UNKNOWN);

  return self->fatalities_best;
}

gint64
attest_incident_get_fatalities_high (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), ATTEST_UNKNOWN);

  return self->fatalities_high;
}

gint64
attest_incident_get_injuries_low (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), ATTEST_UNKNOWN);

  return self->injuries_low;
}

gint64
attest_incident_get_injuries_best (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), ATTEST_UNKNOWN);

  return self->injuries_best;
}

gint64
attest_incident_get_injuries_high (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), ATTEST_UNKNOWN);

  return self->injuries_high;
}

guint
attest_incident_get_n_evidence (AttestIncident *self)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (self), 0);

  return self->n_evidence;
}
