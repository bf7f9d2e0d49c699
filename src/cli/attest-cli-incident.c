/* attest-cli-incident.c: `attest-cli incident add|list|show|link|export`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "attest-cli-private.h"

GOptionEntry incident_entries[] = {
  { "title", 0, 0, G_OPTION_ARG_STRING, &opts.title, N_("What happened, in a few words"),
    N_("TITLE") },
  { "summary", 0, 0, G_OPTION_ARG_STRING, &opts.summary, N_("A longer description"),
    N_("TEXT") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opts.date, N_("When it started"), N_("YYYY-MM-DD") },
  { "end", 0, 0, G_OPTION_ARG_STRING, &opts.end, N_("When it ended"), N_("YYYY-MM-DD") },
  { "precision", 0, 0, G_OPTION_ARG_STRING, &opts.precision,
    N_("How well the date is known: day, week, month, year, unknown"), N_("PRECISION") },
  { "as-reported", 0, 0, G_OPTION_ARG_STRING, &opts.as_reported,
    N_("The date as the article puts it"), N_("TEXT") },
  { "type", 0, 0, G_OPTION_ARG_STRING, &opts.type, N_("Event type, e.g. Battles"), N_("TYPE") },
  { "sub-type", 0, 0, G_OPTION_ARG_STRING, &opts.sub_type, N_("Sub-event type"), N_("TYPE") },
  { "place", 0, 0, G_OPTION_ARG_STRING, &opts.place,
    N_("Where: a place of the project (any spelling) or a new one"), N_("NAME") },
  { "admin1", 0, 0, G_OPTION_ARG_STRING, &opts.admin1, N_("Province or governorate"),
    N_("NAME") },
  { "country", 0, 0, G_OPTION_ARG_STRING, &opts.country, N_("Country name or ISO code"),
    N_("NAME") },
  { "lat", 0, 0, G_OPTION_ARG_DOUBLE, &opts.lat, N_("Latitude"), N_("DEGREES") },
  { "lon", 0, 0, G_OPTION_ARG_DOUBLE, &opts.lon, N_("Longitude"), N_("DEGREES") },
  { "geo-precision", 0, 0, G_OPTION_ARG_INT, &opts.geo_precision,
    N_("1 the place itself, 2 near it, 3 the region"), N_("N") },
  { "killed", 0, 0, G_OPTION_ARG_STRING, &opts.killed,
    N_("Fatalities: N, LOW-HIGH or LOW/BEST/HIGH; ? for unknown"), N_("COUNT") },
  { "injured", 0, 0, G_OPTION_ARG_STRING, &opts.injured, N_("Injuries, as --killed"),
    N_("COUNT") },
  { "actor", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opts.actors,
    N_("An actor as NAME:ROLE (perpetrator, target, claimant, responder); repeatable"),
    N_("NAME:ROLE") },
  { "field", 0, 0, G_OPTION_ARG_STRING, &opts.field,
    N_("link: the field it is evidence for (date, place, event_type, actors, fatalities, "
       "injuries, responsibility)"), N_("FIELD") },
  { "relation", 0, 0, G_OPTION_ARG_STRING, &opts.relation,
    N_("link: reports, disputes or context"), N_("RELATION") },
  { "figure", 0, 0, G_OPTION_ARG_STRING, &opts.figure,
    N_("link: the count this source gives, N or LOW-HIGH"), N_("COUNT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, N_("export: the CSV file to write"),
    N_("FILE") },
  { NULL }
};

/* "?" → unknown; "10" → 10; a range "10-12" → low and high; "10/11/12" → all three. */
static gboolean
parse_counts (const char  *text,
              gint64      *low,
              gint64      *best,
              gint64      *high,
              GError     **error)
{
  g_auto(GStrv) parts = NULL;
  gint64 values[3] = { ATTEST_UNKNOWN, ATTEST_UNKNOWN, ATTEST_UNKNOWN };
  guint n;

  *low = *best = *high = ATTEST_UNKNOWN;
  if (text == NULL)
    return TRUE;

  parts = g_strsplit_set (text, "-/", 3);
  n = g_strv_length (parts);
  for (guint i = 0; i < n; i++)
    {
      guint64 v;

      g_strstrip (parts[i]);
      if (g_str_equal (parts[i], "?") || *parts[i] == '\0')
        continue;
      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXINT32, &v, NULL))
        {
          g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                       _("“%s” is not a count: write N, LOW-HIGH or LOW/BEST/HIGH, with ? for "
                         "unknown."), text);
          return FALSE;
        }
      values[i] = v;
    }

  if (n == 1)
    *best = values[0];
  else if (n == 2 || strchr (text, '/') == NULL)
    {
      *low = values[0];
      *high = values[1];
    }
  else
    {
      *low = values[0];
      *best = values[1];
      *high = values[2];
    }
  return TRUE;
}

/* The place by any of its spellings, or a new one. */
static char *
resolve_place (AttestStore  *store,
               Options      *o,
               GError      **error)
{
  g_autoptr(AttestPlace) found = NULL;
  g_autoptr(GError) local_error = NULL;
  AttestPlace spec = { 0 };

  if (o->place == NULL)
    return NULL;

  if ((found = attest_store_find_place (store, o->place, &local_error)))
    return g_strdup (found->uuid);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  spec.name = o->place;
  spec.admin1 = o->admin1;
  spec.country = o->country;
  spec.latitude = o->lat;
  spec.longitude = o->lon;
  spec.geo_precision = o->geo_precision;
  return attest_store_create_place (store, &spec, error);
}

static int
incident_add (AttestStore  *store,
              Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestIncident) incident = NULL;
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_incident_actor_free);
  g_autofree char *place = NULL;
  AttestIncidentFields fields;

  if (o->title == NULL)
    {
      g_printerr (_("attest-cli: incident add needs --title\n"));
      return EXIT_USAGE;
    }

  attest_incident_fields_init (&fields);
  fields.title = o->title;
  fields.summary = o->summary;
  fields.date_start = o->date;
  fields.date_end = o->end;
  fields.date_precision = o->precision ? o->precision : (o->date ? "day" : NULL);
  fields.date_as_reported = o->as_reported;
  fields.event_type = o->type;
  fields.sub_event_type = o->sub_type;
  fields.latitude = o->lat;
  fields.longitude = o->lon;
  fields.geo_precision = o->geo_precision;
  fields.location_as_reported = o->place;

  for (guint i = 0; o->actors != NULL && o->actors[i] != NULL; i++)
    {
      AttestIncidentActor *actor = g_new0 (AttestIncidentActor, 1);
      char *colon = strrchr (o->actors[i], ':');

      actor->name = colon ? g_strndup (o->actors[i], colon - o->actors[i]) : g_strdup (o->actors[i]);
      actor->role = g_strdup (colon ? colon + 1 : "other");
      g_ptr_array_add (actors, actor);
    }

  if (!parse_counts (o->killed, &fields.fatalities_low, &fields.fatalities_best,
                     &fields.fatalities_high, &error)
      || !parse_counts (o->injured, &fields.injuries_low, &fields.injuries_best,
                        &fields.injuries_high, &error))
    return fail (error);

  if ((o->place != NULL && !(place = resolve_place (store, o, &error))))
    return fail (error);
  fields.place_uuid = place;
  if (place == NULL)
    {
      fields.admin1 = o->admin1;
      fields.country = o->country;
    }

  if (!(incident = attest_store_save_incident (store, NULL, &fields, &error))
      || (actors->len > 0
          && !attest_store_set_incident_actors (store, attest_incident_get_uuid (incident),
                                                actors, &error)))
    return fail (error);

  g_print ("%s\n", attest_incident_get_uuid (incident));
  return EXIT_SUCCESS;
}

static void
add_count (JsonBuilder *builder,
           const char  *key,
           gint64       value)
{
  json_builder_set_member_name (builder, key);
  if (value < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
build_incident (JsonBuilder    *builder,
                AttestIncident *incident)
{
  add_string (builder, "uuid", attest_incident_get_uuid (incident));
  add_string (builder, "title", attest_incident_get_title (incident));
  add_string (builder, "date_start", attest_incident_get_date_start (incident));
  add_string (builder, "date_end", attest_incident_get_date_end (incident));
  add_string (builder, "date_precision", attest_incident_get_date_precision (incident));
  add_string (builder, "event_type", attest_incident_get_event_type (incident));
  add_string (builder, "sub_event_type", attest_incident_get_sub_event_type (incident));
  add_string (builder, "location", attest_incident_get_location (incident));
  add_string (builder, "admin1", attest_incident_get_admin1 (incident));
  add_string (builder, "country", attest_incident_get_country (incident));
  add_count (builder, "fatalities_low", attest_incident_get_fatalities_low (incident));
  add_count (builder, "fatalities_best", attest_incident_get_fatalities_best (incident));
  add_count (builder, "fatalities_high", attest_incident_get_fatalities_high (incident));
  add_count (builder, "injuries_low", attest_incident_get_injuries_low (incident));
  add_count (builder, "injuries_best", attest_incident_get_injuries_best (incident));
  add_count (builder, "injuries_high", attest_incident_get_injuries_high (incident));
  add_string (builder, "status", attest_incident_get_status (incident));
  add_int (builder, "n_evidence", attest_incident_get_n_evidence (incident));
}

/* "10", "10–12", "?" */
static char *
format_range (gint64 low,
              gint64 best,
              gint64 high)
{
  if (best >= 0 && (low < 0 || low == best) && (high < 0 || high == best))
    return g_strdup_printf ("%" G_GINT64_FORMAT, best);
  if (low >= 0 && high >= 0)
    return best >= 0 ? g_strdup_printf (_("%lld–%lld (best %lld)"), (long long) low,
                                        (long long) high, (long long) best)
                     : g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, low, high);
  if (low >= 0)
    return g_strdup_printf (_("at least %lld"), (long long) low);
  if (high >= 0)
    return g_strdup_printf (_("at most %lld"), (long long) high);
  return g_strdup ("?");
}

static int
incident_list (AttestStore  *store,
               Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = attest_store_list_incidents (store, &error);

  if (incidents == NULL)
    return fail (error);

  if (o->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < incidents->len; i++)
        {
          json_builder_begin_object (builder);
          build_incident (builder, g_ptr_array_index (incidents, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < incidents->len; i++)
    {
      AttestIncident *incident = g_ptr_array_index (incidents, i);
      g_autofree char *killed = format_range (attest_incident_get_fatalities_low (incident),
                                              attest_incident_get_fatalities_best (incident),
                                              attest_incident_get_fatalities_high (incident));
      const char *date = attest_incident_get_date_start (incident);
      const char *place = attest_incident_get_location (incident);

      g_print ("%s\t%s\t%s\t%s\t%s %s\n", attest_incident_get_uuid (incident),
               date ? date : "—", attest_incident_get_title (incident), place ? place : "—",
               killed, _("killed"));
    }
  return EXIT_SUCCESS;
}

static int
incident_show (AttestStore  *store,
               Options      *o,
               const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestIncident) incident = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  static const char * const count_fields[] = { "fatalities", "injuries", NULL };

  if (!(incident = attest_store_get_incident (store, uuid, &error))
      || !(actors = attest_store_list_incident_actors (store, uuid, &error))
      || !(evidence = attest_store_list_evidence (store, uuid, &error)))
    return fail (error);

  if (o->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      build_incident (builder, incident);
      json_builder_set_member_name (builder, "actors");
      json_builder_begin_array (builder);
      for (guint i = 0; i < actors->len; i++)
        {
          AttestIncidentActor *actor = g_ptr_array_index (actors, i);

          json_builder_begin_object (builder);
          add_string (builder, "name", actor->name);
          add_string (builder, "role", actor->role);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "evidence");
      json_builder_begin_array (builder);
      for (guint i = 0; i < evidence->len; i++)
        {
          AttestEvidence *e = g_ptr_array_index (evidence, i);

          json_builder_begin_object (builder);
          add_string (builder, "uuid", e->uuid);
          add_string (builder, "field", e->field);
          add_string (builder, "relation", e->relation);
          add_string (builder, "speaker", e->speaker_name);
          add_string (builder, "speaker_kind", e->speaker_kind);
          add_string (builder, "text", e->exact);
          add_string (builder, "article", e->article_uuid);
          add_count (builder, "figure_low", e->figure_low);
          add_count (builder, "figure_high", e->figure_high);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      for (guint f = 0; count_fields[f] != NULL; f++)
        {
          g_autofree char *key = g_strconcat (count_fields[f], "_sources", NULL);

          add_int (builder, key, attest_evidence_count_independent (evidence, count_fields[f]));
        }
      json_builder_end_object (builder);
      print_json (builder);
      return EXIT_SUCCESS;
    }

  g_print ("%s\n%s\n", attest_incident_get_title (incident), attest_incident_get_uuid (incident));
  for (guint i = 0; i < actors->len; i++)
    {
      AttestIncidentActor *actor = g_ptr_array_index (actors, i);

      g_print ("  %s: %s\n", actor->role, actor->name);
    }
  for (guint f = 0; count_fields[f] != NULL; f++)
    {
      guint independent = attest_evidence_count_independent (evidence, count_fields[f]);
      g_autofree char *sources = g_strdup_printf (ngettext ("%u independent source",
                                                            "%u independent sources",
                                                            independent),
                                                  independent);

      g_print ("\n%s (%s)\n", count_fields[f], sources);
      for (guint i = 0; i < evidence->len; i++)
        {
          AttestEvidence *e = g_ptr_array_index (evidence, i);
          g_autofree char *figure = NULL;

          if (g_strcmp0 (e->field, count_fields[f]) != 0)
            continue;
          figure = format_range (e->figure_low, e->figure_low == e->figure_high ? e->figure_low : -1,
                                 e->figure_high);
          g_print ("  %-10s %-8s %s (%s)\n", figure, e->relation,
                   e->speaker_name ? e->speaker_name : e->article_title,
                   e->speaker_kind ? e->speaker_kind : "—");
        }
    }
  return EXIT_SUCCESS;
}

static int
incident_link (AttestStore  *store,
               Options      *o,
               const char   *incident,
               const char   *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) not_annotation = NULL;
  g_autoptr(AttestAnnotation) annotation = NULL;
  g_autofree char *link = NULL;
  gint64 low, best, high;

  if (!parse_counts (o->figure, &low, &best, &high, &error))
    return fail (error);
  if (best >= 0)
    low = high = best;

  /* The id names an annotation or an article: try the first, then the second. */
  annotation = attest_store_get_annotation (store, what, &not_annotation);
  link = attest_store_link_evidence (store, incident,
                                     annotation ? attest_annotation_get_uuid (annotation) : NULL,
                                     annotation ? NULL : what, o->field, o->relation, low, high,
                                     &error);
  if (link == NULL)
    return fail (error);

  g_print ("%s\n", link);
  return EXIT_SUCCESS;
}

int
cmd_incident (Options  *o,
              int       argc,
              char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;
  const char *what = argc > 0 ? argv[0] : "";

  if (argc < 1)
    {
      g_printerr (_("attest-cli: incident add|list|show|link|export\n"));
      return EXIT_USAGE;
    }
  if (!(store = open_project (&error)))
    return fail (error);

  if (g_str_equal (what, "add") && argc == 1)
    return incident_add (store, o);
  if (g_str_equal (what, "list") && argc == 1)
    return incident_list (store, o);
  if (g_str_equal (what, "show") && argc == 2)
    return incident_show (store, o, argv[1]);
  if (g_str_equal (what, "link") && argc == 3)
    return incident_link (store, o, argv[1], argv[2]);
  if (g_str_equal (what, "export") && argc == 1 && o->output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (o->output);

      if (!attest_export_to_file (store, "csv", ATTEST_CSV_INCIDENTS, file, NULL, &error))
        return fail (error);
      g_printerr (_("Wrote %s\n"), o->output);
      return EXIT_SUCCESS;
    }

  g_printerr (_("attest-cli: incident add --title T …, incident list, incident show INCIDENT, "
                "incident link INCIDENT ANNOTATION|ARTICLE, incident export -o FILE\n"));
  return EXIT_USAGE;
}

/* `attest-cli place list|alias PLACE SPELLING` */
int
cmd_place (Options  *o,
           int       argc,
           char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GPtrArray) places = NULL;

  if (!(store = open_project (&error)))
    return fail (error);

  if (argc == 3 && g_str_equal (argv[0], "alias"))
    {
      g_autoptr(AttestPlace) place = attest_store_find_place (store, argv[1], &error);

      if (place == NULL && error == NULL)
        g_set_error (&error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                     _("There is no place called “%s” in this project."), argv[1]);
      if (place == NULL || !attest_store_add_place_alias (store, place->uuid, argv[2], &error))
        return fail (error);
      return EXIT_SUCCESS;
    }

  if (argc != 1 || !g_str_equal (argv[0], "list"))
    {
      g_printerr (_("attest-cli: place list, or place alias PLACE SPELLING\n"));
      return EXIT_USAGE;
    }

  if (!(places = attest_store_list_places (store, &error)))
    return fail (error);
  if (o->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < places->len; i++)
        {
          AttestPlace *place = g_ptr_array_index (places, i);

          json_builder_begin_object (builder);
          add_string (builder, "uuid", place->uuid);
          add_string (builder, "name", place->name);
          add_string (builder, "admin1", place->admin1);
          add_string (builder, "admin1_code", place->admin1_code);
          add_string (builder, "country", place->country);
          add_string (builder, "country_code", place->country_code);
          json_builder_set_member_name (builder, "aliases");
          json_builder_begin_array (builder);
          for (guint j = 0; place->aliases[j] != NULL; j++)
            json_builder_add_string_value (builder, place->aliases[j]);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < places->len; i++)
    {
      AttestPlace *place = g_ptr_array_index (places, i);
      g_autofree char *aliases = g_strjoinv (", ", place->aliases);

      g_print ("%s\t%s\t%s\t%s\t%s\n", place->uuid, place->name,
               place->admin1_code ? place->admin1_code : "—",
               place->country_code ? place->country_code : "—", aliases);
    }
  return EXIT_SUCCESS;
}
