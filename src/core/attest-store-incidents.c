/* attest-store-incidents.c: incidents, their actors and evidence, and the gazetteer of
 * places. Every edit is one undoable change (see attest-store.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-store"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "attest-error.h"
#include "attest-geo.h"
#include "attest-model-private.h"
#include "attest-store-private.h"

static void
bind_count (sqlite3_stmt *stmt,
            int           i,
            gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_int64 (stmt, i, value);
}

static void
bind_double (sqlite3_stmt *stmt,
             int           i,
             double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_double (stmt, i, value);
}

static double
column_double (sqlite3_stmt *stmt,
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

static gboolean
is_iso_date (const char *date)
{
  int y, m, d;

  if (date == NULL || strlen (date) != 10 || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

/* Places */

void
attest_place_free (AttestPlace *place)
{
  if (place == NULL)
    return;

  g_free (place->uuid);
  g_free (place->name);
  g_free (place->admin1);
  g_free (place->admin1_code);
  g_free (place->admin2);
  g_free (place->country);
  g_free (place->country_code);
  g_strfreev (place->aliases);
  g_free (place);
}

#define PLACE_COLUMNS \
  "p.uuid, p.name, p.admin1, p.admin1_code, p.admin2, p.country, p.country_code, " \
  "p.latitude, p.longitude, p.geo_precision, " \
  "(SELECT json_group_array (alias) FROM (SELECT alias FROM place_aliases x " \
  "   WHERE x.place_id = p.id ORDER BY x.id))"

static AttestPlace *
place_from_stmt (sqlite3_stmt *stmt)
{
  AttestPlace *place = g_new0 (AttestPlace, 1);
  const char *aliases = _attest_column_text (stmt, 10);

  place->uuid = g_strdup (_attest_column_text (stmt, 0));
  place->name = g_strdup (_attest_column_text (stmt, 1));
  place->admin1 = g_strdup (_attest_column_text (stmt, 2));
  place->admin1_code = g_strdup (_attest_column_text (stmt, 3));
  place->admin2 = g_strdup (_attest_column_text (stmt, 4));
  place->country = g_strdup (_attest_column_text (stmt, 5));
  place->country_code = g_strdup (_attest_column_text (stmt, 6));
  place->latitude = column_double (stmt, 7);
  place->longitude = column_double (stmt, 8);
  place->geo_precision = sqlite3_column_int (stmt, 9);
  place->aliases = _attest_strv_from_json (aliases);
  return place;
}

GPtrArray *
attest_store_list_places (AttestStore  *self,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_place_free);

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!(stmt = _attest_store_prepare (self, "SELECT " PLACE_COLUMNS " FROM places p "
                                      "ORDER BY p.name COLLATE NOCASE, p.id", error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (places, place_from_stmt (stmt));

  return g_steal_pointer (&places);
}

AttestPlace *
attest_store_get_place (AttestStore  *self,
                        const char   *uuid,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if ((id = _attest_store_resolve_uuid (self, "places", _("place"), uuid, error)) < 0
      || !(stmt = _attest_store_prepare (self, "SELECT " PLACE_COLUMNS " FROM places p "
                                         "WHERE p.id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                           _("There is no such place in this project."));
      return NULL;
    }
  return place_from_stmt (stmt);
}

AttestPlace *
attest_store_find_place (AttestStore  *self,
                         const char   *name,
                         GError      **error)
{
  g_autoptr(GPtrArray) places = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* Places number in the hundreds: compare keys that fold case and diacritics. */
  if (!(places = attest_store_list_places (self, error)))
    return NULL;
  key = attest_geo_name_key (name);
  if (*key == '\0')
    return NULL;

  for (guint i = 0; i < places->len; i++)
    {
      AttestPlace *place = g_ptr_array_index (places, i);
      g_autofree char *place_key = attest_geo_name_key (place->name);

      if (g_str_equal (place_key, key))
        return g_steal_pointer (&places->pdata[i]);
      for (guint j = 0; place->aliases[j] != NULL; j++)
        {
          g_autofree char *alias_key = attest_geo_name_key (place->aliases[j]);

          if (g_str_equal (alias_key, key))
            return g_steal_pointer (&places->pdata[i]);
        }
    }

  return NULL;
}

typedef struct
{
  const AttestPlace *place;
  char              *uuid;   /* out */
} PlaceEdit;

static gboolean
create_place_fn (AttestStore  *self,
                 gpointer      data,
                 GError      **error)
{
  PlaceEdit *edit = data;
  const AttestPlace *place = edit->place;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(AttestGeoEntry) country = NULL;
  g_autoptr(GPtrArray) admin1 = NULL;
  g_autofree char *name = g_strstrip (g_strdup (place->name ? place->name : ""));
  g_autofree char *now = _attest_now_iso8601 ();
  const char *country_code = place->country_code;
  const char *country_name = place->country;
  const char *admin1_code = place->admin1_code;

  if (*name == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("A place needs a name."));
      return FALSE;
    }

  /* Complete the codes from iso-codes: "Iraq" gets IQ, "Salah al-Din" gets IQ-SD. */
  if ((country = attest_geo_find_country (country_code ? country_code : country_name)))
    {
      country_code = country->code;
      if (country_name == NULL)
        country_name = country->name;
    }
  if (place->admin1 != NULL && admin1_code == NULL
      && (admin1 = attest_geo_find_subdivisions (place->admin1, country_code, 2))
      && admin1->len == 1)
    {
      AttestGeoEntry *entry = g_ptr_array_index (admin1, 0);

      admin1_code = entry->code;
      if (country_code == NULL)
        country_code = entry->country_code;
    }

  edit->uuid = g_uuid_string_random ();
  if (!(stmt = _attest_store_prepare (self,
          "INSERT INTO places (uuid, name, admin1, admin1_code, admin2, country, country_code, "
          "latitude, longitude, geo_precision, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, edit->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  _attest_bind_text_or_null (stmt, 3, place->admin1);
  _attest_bind_text_or_null (stmt, 4, admin1_code);
  _attest_bind_text_or_null (stmt, 5, place->admin2);
  _attest_bind_text_or_null (stmt, 6, country_name);
  _attest_bind_text_or_null (stmt, 7, country_code);
  bind_double (stmt, 8, place->latitude);
  bind_double (stmt, 9, place->longitude);
  if (place->geo_precision > 0)
    sqlite3_bind_int (stmt, 10, place->geo_precision);
  else
    sqlite3_bind_null (stmt, 10);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_STATIC);
  if (!_attest_store_step_done (self, stmt, _("Could not add the place"), error))
    return FALSE;

  return _attest_store_touch_new_row (self, "places",
                                      sqlite3_last_insert_rowid (_attest_store_get_db (self)));
}

char *
attest_store_create_place (AttestStore        *self,
                           const AttestPlace  *place,
                           GError            **error)
{
  PlaceEdit edit = { place, NULL };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);
  g_return_val_if_fail (place != NULL, NULL);

  if (!_attest_store_run_change (self, _("Add place"), create_place_fn, &edit, error))
    {
      g_free (edit.uuid);
      return NULL;
    }
  return edit.uuid;
}

typedef struct
{
  const char *uuid;
  const char *alias;
} AliasEdit;

static gboolean
add_place_alias_fn (AttestStore  *self,
                    gpointer      data,
                    GError      **error)
{
  AliasEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *alias = g_strstrip (g_strdup (edit->alias ? edit->alias : ""));
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "places", _("place"), edit->uuid, error)) < 0)
    return FALSE;
  if (*alias == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("An alias needs a name."));
      return FALSE;
    }
  if (!(stmt = _attest_store_prepare (self,
          "INSERT OR IGNORE INTO place_aliases (uuid, place_id, alias) VALUES (?, ?, ?)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_text (stmt, 3, alias, -1, SQLITE_STATIC);
  if (!_attest_store_step_done (self, stmt, _("Could not add the alias"), error))
    return FALSE;

  if (sqlite3_changes (_attest_store_get_db (self)) > 0)
    return _attest_store_touch_new_row (self, "place_aliases",
                                        sqlite3_last_insert_rowid (_attest_store_get_db (self)));
  return TRUE;
}

gboolean
attest_store_add_place_alias (AttestStore  *self,
                              const char   *place_uuid,
                              const char   *alias,
                              GError      **error)
{
  AliasEdit edit = { place_uuid, alias };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Add spelling"), add_place_alias_fn, &edit, error);
}

/* Incidents */

static GPtrArray *
list_incidents_where (AttestStore  *self,
                      const char   *where,
                      gint64        arg,
                      GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " _ATTEST_INCIDENT_COLUMNS " FROM incidents i "
                                          "%s ORDER BY i.date_start IS NULL, i.date_start, i.id",
                                          where ? where : "");

  return _attest_store_collect (self, sql, where != NULL, arg,
                                (_AttestRowFunc) _attest_incident_new_from_stmt, g_object_unref,
                                _("Could not list the incidents"), error);
}

GPtrArray *
attest_store_list_incidents (AttestStore  *self,
                             GError      **error)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  return list_incidents_where (self, NULL, 0, error);
}

GPtrArray *
attest_store_list_incidents_for_article (AttestStore  *self,
                                         const char   *article_uuid,
                                         GError      **error)
{
  gint64 article_id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if ((article_id = _attest_store_resolve_uuid (self, "articles", _("article"), article_uuid,
                                                error)) < 0)
    return NULL;

  return list_incidents_where (self,
      "WHERE i.id IN (SELECT l.incident_id FROM incident_links l "
      "  LEFT JOIN annotations n ON n.id = l.annotation_id "
      "  WHERE l.article_id = ?1 OR n.article_id = ?1)", article_id, error);
}

GPtrArray *
attest_store_list_incidents_for_annotation (AttestStore  *self,
                                            const char   *annotation_uuid,
                                            GError      **error)
{
  gint64 annotation_id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if ((annotation_id = _attest_store_resolve_uuid (self, "annotations", _("annotation"),
                                                   annotation_uuid, error)) < 0)
    return NULL;

  return list_incidents_where (self,
      "WHERE i.id IN (SELECT incident_id FROM incident_links WHERE annotation_id = ?1)",
      annotation_id, error);
}

static AttestIncident *
get_incident_by_id (AttestStore  *self,
                    gint64        id,
                    GError      **error)
{
  return _attest_store_first (list_incidents_where (self, "WHERE i.id = ?1", id, error),
                              _("There is no such incident in this project."), error);
}

AttestIncident *
attest_store_get_incident (AttestStore  *self,
                           const char   *uuid,
                           GError      **error)
{
  gint64 id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if ((id = _attest_store_resolve_uuid (self, "incidents", _("incident"), uuid, error)) < 0)
    return NULL;
  return get_incident_by_id (self, id, error);
}

static gboolean
check_fields (const AttestIncidentFields  *f,
              GError                     **error)
{
  static const char * const precisions[] = { "day", "week", "month", "year", "unknown", NULL };
  static const char * const statuses[] = { "draft", "reviewed", NULL };
  const gint64 *ranges[2][3] = {
    { &f->fatalities_low, &f->fatalities_best, &f->fatalities_high },
    { &f->injuries_low, &f->injuries_best, &f->injuries_high },
  };

  if (f->title == NULL || !_attest_has_non_space (f->title))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("An incident needs a title."));
      return FALSE;
    }
  if ((f->date_start != NULL && !is_iso_date (f->date_start))
      || (f->date_end != NULL && !is_iso_date (f->date_end)))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Dates are written YYYY-MM-DD, e.g. 2020-04-04."));
      return FALSE;
    }
  if (f->date_start != NULL && f->date_end != NULL && strcmp (f->date_end, f->date_start) < 0)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("The incident ends before it starts."));
      return FALSE;
    }
  if (f->date_precision != NULL && !g_strv_contains (precisions, f->date_precision))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("“%s” is not a date precision; use day, week, month, year or unknown."),
                   f->date_precision);
      return FALSE;
    }
  if (f->status != NULL && !g_strv_contains (statuses, f->status))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("“%s” is not a status; use draft or reviewed."), f->status);
      return FALSE;
    }
  if ((!isnan (f->latitude) && (f->latitude < -90 || f->latitude > 90))
      || (!isnan (f->longitude) && (f->longitude < -180 || f->longitude > 180))
      || f->geo_precision < 0 || f->geo_precision > 3)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("The coordinates are outside the Earth's."));
      return FALSE;
    }

  /* Known estimates must be ordered: low ≤ best ≤ high. */
  for (guint r = 0; r < 2; r++)
    {
      gint64 last = -1;

      for (guint k = 0; k < 3; k++)
        {
          gint64 v = *ranges[r][k];

          if (v < ATTEST_UNKNOWN)
            goto bad_range;
          if (v >= 0 && v < last)
            goto bad_range;
          if (v >= 0)
            last = v;
        }
    }
  return TRUE;

bad_range:
  g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                       _("Casualty estimates go low ≤ best ≤ high, and none is negative."));
  return FALSE;
}

typedef struct
{
  const char                 *uuid;
  const AttestIncidentFields *fields;
  gint64                      id;   /* out */
} IncidentEdit;

static const char *
first_set (const char *a,
           const char *b)
{
  return a != NULL ? a : b;
}

static gboolean
save_incident_fn (AttestStore  *self,
                  gpointer      data,
                  GError      **error)
{
  IncidentEdit *edit = data;
  const AttestIncidentFields *f = edit->fields;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(AttestPlace) place = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  gint64 place_id = -1;
  double latitude = f->latitude, longitude = f->longitude;
  int geo_precision = f->geo_precision;

  if (!check_fields (f, error))
    return FALSE;
  title = g_strstrip (g_strdup (f->title));

  if (f->place_uuid != NULL)
    {
      if ((place_id = _attest_store_resolve_uuid (self, "places", _("place"), f->place_uuid,
                                                  error)) < 0
          || !(place = attest_store_get_place (self, f->place_uuid, error)))
        return FALSE;
      if (isnan (latitude) && isnan (longitude))
        {
          latitude = place->latitude;
          longitude = place->longitude;
        }
      if (geo_precision == 0)
        geo_precision = place->geo_precision;
    }

  if (edit->uuid == NULL)
    {
      uuid = g_uuid_string_random ();
      if (!(stmt = _attest_store_prepare (self,
              "INSERT INTO incidents (uuid, title, created_at, modified_at) VALUES (?, ?, ?, ?)",
              error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
      if (!_attest_store_step_done (self, stmt, _("Could not record the incident"), error))
        return FALSE;
      edit->id = sqlite3_last_insert_rowid (_attest_store_get_db (self));
      _attest_store_touch_new_row (self, "incidents", edit->id);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  else if ((edit->id = _attest_store_resolve_uuid (self, "incidents", _("incident"), edit->uuid,
                                                   error)) < 0
           || !_attest_store_touch_row (self, "incidents", edit->id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self,
          "UPDATE incidents SET title = ?1, description = ?2, date_start = ?3, date_end = ?4, "
          "date_precision = ?5, date_as_reported = ?6, event_type = ?7, sub_event_type = ?8, "
          "place_id = ?9, location = ?10, location_as_reported = ?11, admin1 = ?12, "
          "admin2 = ?13, country = ?14, latitude = ?15, longitude = ?16, geo_precision = ?17, "
          "fatalities_low = ?18, fatalities_best = ?19, fatalities_high = ?20, "
          "injuries_low = ?21, injuries_best = ?22, injuries_high = ?23, responsibility = ?24, "
          "status = coalesce (?25, status), coder = ?26, modified_at = ?27 WHERE id = ?28",
          error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  _attest_bind_text_or_null (stmt, 2, f->summary);
  _attest_bind_text_or_null (stmt, 3, f->date_start);
  _attest_bind_text_or_null (stmt, 4, f->date_end);
  _attest_bind_text_or_null (stmt, 5, f->date_precision);
  _attest_bind_text_or_null (stmt, 6, f->date_as_reported);
  _attest_bind_text_or_null (stmt, 7, f->event_type);
  _attest_bind_text_or_null (stmt, 8, f->sub_event_type);
  if (place_id >= 0)
    sqlite3_bind_int64 (stmt, 9, place_id);
  else
    sqlite3_bind_null (stmt, 9);
  _attest_bind_text_or_null (stmt, 10, first_set (f->location, place ? place->name : NULL));
  _attest_bind_text_or_null (stmt, 11, f->location_as_reported);
  _attest_bind_text_or_null (stmt, 12, first_set (f->admin1, place ? place->admin1 : NULL));
  _attest_bind_text_or_null (stmt, 13, first_set (f->admin2, place ? place->admin2 : NULL));
  _attest_bind_text_or_null (stmt, 14, first_set (f->country, place ? place->country : NULL));
  bind_double (stmt, 15, latitude);
  bind_double (stmt, 16, longitude);
  if (geo_precision > 0)
    sqlite3_bind_int (stmt, 17, geo_precision);
  else
    sqlite3_bind_null (stmt, 17);
  bind_count (stmt, 18, f->fatalities_low);
  bind_count (stmt, 19, f->fatalities_best);
  bind_count (stmt, 20, f->fatalities_high);
  bind_count (stmt, 21, f->injuries_low);
  bind_count (stmt, 22, f->injuries_best);
  bind_count (stmt, 23, f->injuries_high);
  _attest_bind_text_or_null (stmt, 24, f->responsibility);
  _attest_bind_text_or_null (stmt, 25, f->status);
  _attest_bind_text_or_null (stmt, 26, f->coder);
  sqlite3_bind_text (stmt, 27, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 28, edit->id);

  return _attest_store_step_done (self, stmt, _("Could not record the incident"), error);
}

AttestIncident *
attest_store_save_incident (AttestStore                 *self,
                            const char                  *uuid,
                            const AttestIncidentFields  *fields,
                            GError                     **error)
{
  IncidentEdit edit = { uuid, fields, -1 };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  if (!_attest_store_run_change (self, uuid ? _("Edit incident") : _("Record incident"),
                                 save_incident_fn, &edit, error))
    return NULL;
  return get_incident_by_id (self, edit.id, error);
}

static gboolean
delete_incident_fn (AttestStore  *self,
                    gpointer      data,
                    GError      **error)
{
  const char *uuid = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "incidents", _("incident"), uuid, error)) < 0
      || !_attest_store_touch_dependents (self, "incident_links", "incident_id", id, error)
      || !_attest_store_touch_dependents (self, "incident_actors", "incident_id", id, error)
      || !_attest_store_touch_row (self, "incidents", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self, "DELETE FROM incidents WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _attest_store_step_done (self, stmt, _("Could not delete the incident"), error);
}

gboolean
attest_store_delete_incident (AttestStore  *self,
                              const char   *uuid,
                              GError      **error)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Delete incident"), delete_incident_fn,
                                   (gpointer) uuid, error);
}

/* Actors */

GPtrArray *
attest_store_list_incident_actors (AttestStore  *self,
                                   const char   *incident_uuid,
                                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_incident_actor_free);
  gint64 id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if ((id = _attest_store_resolve_uuid (self, "incidents", _("incident"), incident_uuid,
                                        error)) < 0
      || !(stmt = _attest_store_prepare (self,
             "SELECT a.uuid, a.name, s.uuid, a.role, a.actor_type FROM incident_actors a "
             "LEFT JOIN sources s ON s.id = a.source_id WHERE a.incident_id = ? "
             "ORDER BY a.position, a.id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AttestIncidentActor *actor = g_new0 (AttestIncidentActor, 1);

      actor->uuid = g_strdup (_attest_column_text (stmt, 0));
      actor->name = g_strdup (_attest_column_text (stmt, 1));
      actor->source_uuid = g_strdup (_attest_column_text (stmt, 2));
      actor->role = g_strdup (_attest_column_text (stmt, 3));
      actor->actor_type = g_strdup (_attest_column_text (stmt, 4));
      g_ptr_array_add (actors, actor);
    }

  return g_steal_pointer (&actors);
}

typedef struct
{
  const char *uuid;
  GPtrArray  *actors;
} ActorsEdit;

static gboolean
set_actors_fn (AttestStore  *self,
               gpointer      data,
               GError      **error)
{
  static const char * const roles[] = { "perpetrator", "target", "claimant", "responder",
                                         "other", NULL };
  ActorsEdit *edit = data;
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "incidents", _("incident"), edit->uuid,
                                        error)) < 0
      || !_attest_store_touch_dependents (self, "incident_actors", "incident_id", id, error)
      || !_attest_store_touch_row (self, "incidents", id, error)
      || !(del = _attest_store_prepare (self, "DELETE FROM incident_actors WHERE incident_id = ?",
                                        error)))
    return FALSE;
  sqlite3_bind_int64 (del, 1, id);
  if (!_attest_store_step_done (self, del, _("Could not change the actors"), error))
    return FALSE;

  if (!(insert = _attest_store_prepare (self,
          "INSERT INTO incident_actors (uuid, incident_id, name, source_id, role, actor_type, "
          "position) VALUES (?, ?, ?, (SELECT id FROM sources WHERE uuid = ?), ?, ?, ?)", error)))
    return FALSE;

  for (guint i = 0; i < edit->actors->len; i++)
    {
      AttestIncidentActor *actor = g_ptr_array_index (edit->actors, i);
      g_autofree char *uuid = g_uuid_string_random ();
      const char *role = actor->role ? actor->role : "other";

      if (actor->name == NULL || !_attest_has_non_space (actor->name))
        {
          g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                               _("An actor needs a name."));
          return FALSE;
        }
      if (!g_strv_contains (roles, role))
        {
          g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                       _("“%s” is not an actor's role; use perpetrator, target, claimant, "
                         "responder or other."), role);
          return FALSE;
        }

      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 2, id);
      sqlite3_bind_text (insert, 3, actor->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, actor->source_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, role, -1, SQLITE_STATIC);
      _attest_bind_text_or_null (insert, 6, actor->actor_type);
      sqlite3_bind_int (insert, 7, i);
      if (!_attest_store_step_done (self, insert, _("Could not change the actors"), error))
        return FALSE;
      _attest_store_touch_new_row (self, "incident_actors",
                                   sqlite3_last_insert_rowid (_attest_store_get_db (self)));
    }

  return TRUE;
}

gboolean
attest_store_set_incident_actors (AttestStore  *self,
                                  const char   *incident_uuid,
                                  GPtrArray    *actors,
                                  GError      **error)
{
  ActorsEdit edit = { incident_uuid, actors };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (actors != NULL, FALSE);

  return _attest_store_run_change (self, _("Change actors"), set_actors_fn, &edit, error);
}

/* Evidence */

typedef struct
{
  const char *incident;
  const char *annotation;
  const char *article;
  const char *field;
  const char *relation;
  gint64      low;
  gint64      high;
  char       *uuid;   /* out */
} LinkEdit;

static gboolean
link_fn (AttestStore  *self,
         gpointer      data,
         GError      **error)
{
  static const char * const fields[] = { "date", "place", "event_type", "actors", "fatalities",
                                          "injuries", "responsibility", NULL };
  static const char * const relations[] = { "reports", "disputes", "context", NULL };
  LinkEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 incident_id, annotation_id = -1, article_id = -1;
  const char *relation = edit->relation ? edit->relation : "reports";

  if ((edit->annotation == NULL) == (edit->article == NULL))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Link an annotation or an article, one of the two."));
      return FALSE;
    }
  if (edit->field != NULL && !g_strv_contains (fields, edit->field))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("“%s” is not a field of an incident."), edit->field);
      return FALSE;
    }
  if (!g_strv_contains (relations, relation))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("“%s” is not a relation; use reports, disputes or context."), relation);
      return FALSE;
    }
  if (edit->low < ATTEST_UNKNOWN || edit->high < ATTEST_UNKNOWN
      || (edit->low >= 0 && edit->high >= 0 && edit->high < edit->low))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("A reported figure goes from low to high, and is not negative."));
      return FALSE;
    }

  if ((incident_id = _attest_store_resolve_uuid (self, "incidents", _("incident"),
                                                 edit->incident, error)) < 0
      || (edit->annotation != NULL
          && (annotation_id = _attest_store_resolve_uuid (self, "annotations", _("annotation"),
                                                          edit->annotation, error)) < 0)
      || (edit->article != NULL
          && (article_id = _attest_store_resolve_uuid (self, "articles", _("article"),
                                                       edit->article, error)) < 0))
    return FALSE;

  edit->uuid = g_uuid_string_random ();
  if (!(stmt = _attest_store_prepare (self,
          "INSERT INTO incident_links (uuid, incident_id, article_id, annotation_id, relation, "
          "field, figure_low, figure_high) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, edit->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, incident_id);
  if (article_id >= 0)
    sqlite3_bind_int64 (stmt, 3, article_id);
  else
    sqlite3_bind_null (stmt, 3);
  if (annotation_id >= 0)
    sqlite3_bind_int64 (stmt, 4, annotation_id);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, relation, -1, SQLITE_STATIC);
  _attest_bind_text_or_null (stmt, 6, edit->field);
  bind_count (stmt, 7, edit->low);
  bind_count (stmt, 8, edit->high >= 0 ? edit->high : edit->low);
  if (!_attest_store_step_done (self, stmt, _("Could not link the evidence"), error))
    return FALSE;

  return _attest_store_touch_new_row (self, "incident_links",
                                      sqlite3_last_insert_rowid (_attest_store_get_db (self)));
}

char *
attest_store_link_evidence (AttestStore  *self,
                            const char   *incident_uuid,
                            const char   *annotation_uuid,
                            const char   *article_uuid,
                            const char   *field,
                            const char   *relation,
                            gint64        figure_low,
                            gint64        figure_high,
                            GError      **error)
{
  LinkEdit edit = { incident_uuid, annotation_uuid, article_uuid, field, relation,
                    figure_low, figure_high, NULL };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!_attest_store_run_change (self, _("Link evidence"), link_fn, &edit, error))
    {
      g_free (edit.uuid);
      return NULL;
    }
  return edit.uuid;
}

static gboolean
unlink_fn (AttestStore  *self,
           gpointer      data,
           GError      **error)
{
  const char *uuid = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if ((id = _attest_store_resolve_uuid (self, "incident_links", _("link"), uuid, error)) < 0
      || !_attest_store_touch_row (self, "incident_links", id, error)
      || !(stmt = _attest_store_prepare (self, "DELETE FROM incident_links WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _attest_store_step_done (self, stmt, _("Could not unlink the evidence"), error);
}

gboolean
attest_store_unlink_evidence (AttestStore  *self,
                              const char   *link_uuid,
                              GError      **error)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return _attest_store_run_change (self, _("Unlink evidence"), unlink_fn, (gpointer) link_uuid,
                                   error);
}

GPtrArray *
attest_store_list_evidence (AttestStore  *self,
                            const char   *incident_uuid,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_evidence_free);
  gint64 id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  /* A link names an annotation (whose article it takes) or an article. */
  if ((id = _attest_store_resolve_uuid (self, "incidents", _("incident"), incident_uuid,
                                        error)) < 0
      || !(stmt = _attest_store_prepare (self,
             "SELECT l.uuid, n.uuid, a.uuid, a.title, a.outlet, n.exact, s.uuid, s.name, s.kind, "
             "l.field, l.relation, l.figure_low, l.figure_high FROM incident_links l "
             "LEFT JOIN annotations n ON n.id = l.annotation_id "
             "JOIN articles a ON a.id = coalesce (l.article_id, n.article_id) "
             "LEFT JOIN sources s ON s.id = n.speaker_id "
             "WHERE l.incident_id = ? ORDER BY l.field IS NOT NULL, l.field, l.id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AttestEvidence *e = g_new0 (AttestEvidence, 1);

      e->uuid = g_strdup (_attest_column_text (stmt, 0));
      e->annotation_uuid = g_strdup (_attest_column_text (stmt, 1));
      e->article_uuid = g_strdup (_attest_column_text (stmt, 2));
      e->article_title = g_strdup (_attest_column_text (stmt, 3));
      e->article_outlet = g_strdup (_attest_column_text (stmt, 4));
      e->exact = g_strdup (_attest_column_text (stmt, 5));
      e->speaker_uuid = g_strdup (_attest_column_text (stmt, 6));
      e->speaker_name = g_strdup (_attest_column_text (stmt, 7));
      e->speaker_kind = g_strdup (_attest_column_text (stmt, 8));
      e->field = g_strdup (_attest_column_text (stmt, 9));
      e->relation = g_strdup (_attest_column_text (stmt, 10));
      e->figure_low = column_count (stmt, 11);
      e->figure_high = column_count (stmt, 12);
      g_ptr_array_add (evidence, e);
    }

  return g_steal_pointer (&evidence);
}

GStrv
attest_store_list_event_types (AttestStore  *self,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!(stmt = _attest_store_prepare (self,
          "SELECT event_type, sub_event_type FROM event_types ORDER BY position, id", error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_strv_builder_add (builder, _attest_column_text (stmt, 0));
      g_strv_builder_add (builder, _attest_column_text (stmt, 1));
    }

  return g_strv_builder_end (builder);
}
