/* test-incidents.c: incidents with partial dates, unknown casualties, places spelled two
 * ways, actors and evidence — with no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "attest-core.h"

#define TEXT \
  "Ambush at a checkpoint\n\n" \
  "The attack, which targeted a checkpoint in the village of Makchifa, in Salah al-Din " \
  "Governorate, resulted in the killing and wounding of dozens among the tribal crowd.\n\n" \
  "\"Ten fighters were killed,\" said spokesman Tahsin al-Khafaji. Al-Khafaji said later " \
  "that twelve had died. A Baquba resident said the Machishafa attack killed no one.\n\n" \
  "Officials said at least five were wounded."

typedef struct
{
  char        *dir;
  AttestStore *store;
  char        *article;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AttestArticleMeta meta = { .outlet = "Al Jazeera", .published = "2020-04-05" };

  f->dir = g_dir_make_tmp ("attest-incidents-XXXXXX", &error);
  path = g_build_filename (f->dir, "p.attest", NULL);
  f->store = attest_store_create (path, &error);
  g_assert_no_error (error);
  f->article = attest_store_import_text (f->store, TEXT, -1, &meta, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_finalize_object (f->store);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  g_free (f->article);
  g_free (f->dir);
}

static AttestAnnotation *
mark (Fixture    *f,
      const char *words,
      const char *speaker,
      const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestArticle) article = attest_store_get_article (f->store, f->article, NULL);
  AttestAnnotation *annotation;
  guint start, end;

  g_assert_true (attest_find_unique_span (attest_article_get_body (article), words, &start,
                                          &end, &error));
  annotation = attest_store_annotate_span (f->store, f->article, ATTEST_ANNOTATION_INDIRECT,
                                           start, end, speaker, kind, NULL, NULL, &error);
  g_assert_no_error (error);
  return annotation;
}

static void
test_geo_names (void)
{
  static const struct {
    const char *a;
    const char *b;
  } same[] = {
    { "Salah al-Din Governorate", "Şalāḩ ad Dīn" },
    { "Diyala", "Diyālá" },
    { "Karbala'", "Karbalā’" },
    { "AL ANBAR province", "Al Anbār" },
  };
  g_autoptr(AttestGeoEntry) iraq = NULL;
  g_autoptr(AttestGeoEntry) by_code = NULL;
  g_autoptr(GPtrArray) found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *a = attest_geo_name_key (same[i].a);
      g_autofree char *b = attest_geo_name_key (same[i].b);

      g_assert_cmpstr (a, ==, b);
    }

  g_assert_true (attest_geo_available ());
  iraq = attest_geo_find_country ("Iraq");
  g_assert_nonnull (iraq);
  g_assert_cmpstr (iraq->code, ==, "IQ");
  by_code = attest_geo_find_country ("iq");
  g_assert_cmpstr (by_code->name, ==, "Iraq");

  found = attest_geo_find_subdivisions ("Salah al-Din Governorate", "IQ", 5);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((AttestGeoEntry *) found->pdata[0])->code, ==, "IQ-SD");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Prefixes offer candidates as one types. */
  found = attest_geo_find_subdivisions ("Kirk", NULL, 10);
  g_assert_cmpuint (found->len, >=, 1);
  g_assert_cmpstr (((AttestGeoEntry *) found->pdata[0])->code, ==, "IQ-KI");
}

static void
test_places_with_two_spellings (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AttestPlace spec = { .name = "Makchifa", .admin1 = "Salah al-Din Governorate",
                       .country = "Iraq", .latitude = NAN, .longitude = NAN };
  g_autofree char *uuid = attest_store_create_place (f->store, &spec, &error);
  g_autoptr(AttestPlace) place = NULL;
  g_autoptr(AttestPlace) by_alias = NULL;
  g_autoptr(AttestPlace) none = NULL;

  g_assert_no_error (error);
  place = attest_store_get_place (f->store, uuid, &error);
  g_assert_cmpstr (place->country_code, ==, "IQ");
  g_assert_cmpstr (place->admin1_code, ==, "IQ-SD");
  g_assert_true (isnan (place->latitude));

  g_assert_true (attest_store_add_place_alias (f->store, uuid, "Machishafa", &error));
  by_alias = attest_store_find_place (f->store, "machishafa", &error);
  g_assert_nonnull (by_alias);
  g_assert_cmpstr (by_alias->uuid, ==, uuid);
  g_assert_cmpstr (by_alias->aliases[0], ==, "Machishafa");
  none = attest_store_find_place (f->store, "Baquba", &error);
  g_assert_null (none);
  g_assert_no_error (error);
}

static void
test_partial_dates_and_unknowns (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestIncident) incident = NULL;
  g_autoptr(AttestIncident) again = NULL;
  AttestIncidentFields fields;
  AttestPlace spec = { .name = "Makchifa", .admin1 = "Salah al-Din", .country = "Iraq",
                       .latitude = 34.5, .longitude = 43.7, .geo_precision = 2 };
  g_autofree char *place = attest_store_create_place (f->store, &spec, &error);

  attest_incident_fields_init (&fields);
  fields.title = "Ambush at the Makchifa checkpoint";
  fields.date_start = "2020-04-01";
  fields.date_precision = "month";
  fields.date_as_reported = "Saturday evening";
  fields.event_type = "Battles";
  fields.sub_event_type = "Armed clash";
  fields.place_uuid = place;
  fields.location_as_reported = "the village of Makchifa";
  fields.fatalities_low = 10;
  fields.fatalities_high = 12;   /* no best estimate: unknown */

  incident = attest_store_save_incident (f->store, NULL, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_incident_get_date_precision (incident), ==, "month");
  g_assert_cmpstr (attest_incident_get_status (incident), ==, "draft");
  g_assert_cmpint (attest_incident_get_fatalities_low (incident), ==, 10);
  g_assert_cmpint (attest_incident_get_fatalities_best (incident), ==, ATTEST_UNKNOWN);
  g_assert_cmpint (attest_incident_get_injuries_low (incident), ==, ATTEST_UNKNOWN);
  /* The gazetteer fills the location it was not given. */
  g_assert_cmpstr (attest_incident_get_location (incident), ==, "Makchifa");
  g_assert_cmpstr (attest_incident_get_admin1 (incident), ==, "Salah al-Din");
  g_assert_cmpfloat_with_epsilon (attest_incident_get_latitude (incident), 34.5, 1e-9);
  g_assert_cmpint (attest_incident_get_geo_precision (incident), ==, 2);
  g_assert_cmpstr (attest_incident_get_place_uuid (incident), ==, place);

  /* Edit through the fields it gives back; undo restores the first version. */
  attest_incident_get_fields (incident, &fields);
  fields.status = "reviewed";
  fields.injuries_low = 5;
  again = attest_store_save_incident (f->store, attest_incident_get_uuid (incident), &fields,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_incident_get_status (again), ==, "reviewed");
  g_assert_cmpint (attest_incident_get_injuries_low (again), ==, 5);
  g_clear_object (&again);
  g_assert_true (attest_store_undo (f->store, &error));
  again = attest_store_get_incident (f->store, attest_incident_get_uuid (incident), &error);
  g_assert_cmpstr (attest_incident_get_status (again), ==, "draft");
  g_assert_cmpint (attest_incident_get_injuries_low (again), ==, ATTEST_UNKNOWN);
}

static void
test_bad_fields (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *date_start;
    const char *date_end;
    gint64      low;
    gint64      best;
    double      latitude;
  } cases[] = {
    { "no-such-day", "2020-02-30", NULL, ATTEST_UNKNOWN, ATTEST_UNKNOWN, NAN },
    { "words", "last Saturday", NULL, ATTEST_UNKNOWN, ATTEST_UNKNOWN, NAN },
    { "ends-first", "2020-04-05", "2020-04-01", ATTEST_UNKNOWN, ATTEST_UNKNOWN, NAN },
    { "low-above-best", NULL, NULL, 12, 10, NAN },
    { "negative", NULL, NULL, -5, ATTEST_UNKNOWN, NAN },
    { "off-earth", NULL, NULL, ATTEST_UNKNOWN, ATTEST_UNKNOWN, 95.0 },
  };
  AttestIncidentFields fields;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AttestIncident) incident = NULL;
      g_autoptr(GPtrArray) all = NULL;

      g_test_message ("case %s", cases[i].name);
      attest_incident_fields_init (&fields);
      fields.title = "Bad";
      fields.date_start = cases[i].date_start;
      fields.date_end = cases[i].date_end;
      fields.fatalities_low = cases[i].low;
      fields.fatalities_best = cases[i].best;
      fields.latitude = cases[i].latitude;
      incident = attest_store_save_incident (f->store, NULL, &fields, &error);
      g_assert_null (incident);
      g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
      all = attest_store_list_incidents (f->store, NULL);
      g_assert_cmpuint (all->len, ==, 0);
    }
}

static AttestIncident *
record (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AttestIncidentFields fields;
  AttestIncident *incident;

  attest_incident_fields_init (&fields);
  fields.title = "Ambush";
  fields.date_start = "2020-04-04";
  fields.date_precision = "day";
  incident = attest_store_save_incident (f->store, NULL, &fields, &error);
  g_assert_no_error (error);
  return incident;
}

static void
test_evidence (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestIncident) incident = record (f);
  g_autoptr(AttestAnnotation) ten = mark (f, "Ten fighters were killed", "Tahsin al-Khafaji",
                                          "official");
  g_autoptr(AttestAnnotation) twelve = mark (f, "twelve had died", "Tahsin al-Khafaji", NULL);
  g_autoptr(AttestAnnotation) none = mark (f, "the Machishafa attack killed no one",
                                           "a Baquba resident", "resident");
  g_autoptr(AttestAnnotation) wounded = mark (f, "at least five were wounded", "Officials",
                                              "official");
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) for_article = NULL;
  const char *id = attest_incident_get_uuid (incident);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;
  AttestEvidence *first;

  a = attest_store_link_evidence (f->store, id, attest_annotation_get_uuid (ten), NULL,
                                  "fatalities", "reports", 10, ATTEST_UNKNOWN, &error);
  g_assert_no_error (error);
  b = attest_store_link_evidence (f->store, id, attest_annotation_get_uuid (twelve), NULL,
                                  "fatalities", "reports", 12, 12, &error);
  c = attest_store_link_evidence (f->store, id, attest_annotation_get_uuid (none), NULL,
                                  "fatalities", "disputes", 0, 0, &error);
  d = attest_store_link_evidence (f->store, id, attest_annotation_get_uuid (wounded), NULL,
                                  "injuries", "reports", 5, ATTEST_UNKNOWN, &error);
  e = attest_store_link_evidence (f->store, id, NULL, f->article, NULL, "reports",
                                  ATTEST_UNKNOWN, ATTEST_UNKNOWN, &error);
  g_assert_no_error (error);

  /* Figures are kept per source; one spokesman twice is one source; a dispute is none. */
  evidence = attest_store_list_evidence (f->store, id, &error);
  g_assert_cmpuint (evidence->len, ==, 5);
  first = g_ptr_array_index (evidence, 0);
  g_assert_null (first->field);
  g_assert_null (first->annotation_uuid);
  g_assert_cmpstr (first->article_title, ==, "Ambush at a checkpoint");
  first = g_ptr_array_index (evidence, 1);
  g_assert_cmpstr (first->field, ==, "fatalities");
  g_assert_cmpstr (first->speaker_name, ==, "Tahsin al-Khafaji");
  g_assert_cmpstr (first->speaker_kind, ==, "official");
  g_assert_cmpint (first->figure_low, ==, 10);
  g_assert_cmpint (first->figure_high, ==, 10);
  g_assert_cmpuint (attest_evidence_count_independent (evidence, "fatalities"), ==, 1);
  g_assert_cmpuint (attest_evidence_count_independent (evidence, "injuries"), ==, 1);
  g_assert_cmpuint (attest_evidence_count_independent (evidence, NULL), ==, 1);

  for_article = attest_store_list_incidents_for_article (f->store, f->article, &error);
  g_assert_cmpuint (for_article->len, ==, 1);
  {
    g_autoptr(GPtrArray) for_quote = attest_store_list_incidents_for_annotation (
        f->store, attest_annotation_get_uuid (ten), &error);
    g_autoptr(GPtrArray) for_other = attest_store_list_incidents_for_annotation (
        f->store, attest_annotation_get_uuid (none), &error);

    g_assert_cmpuint (for_quote->len, ==, 1);
    g_assert_cmpuint (for_other->len, ==, 1);
  }

  /* Wrong shapes are refused. */
  g_assert_null (attest_store_link_evidence (f->store, id, attest_annotation_get_uuid (ten),
                                             f->article, NULL, NULL, -1, -1, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (attest_store_link_evidence (f->store, id, attest_annotation_get_uuid (ten),
                                             NULL, "weather", NULL, -1, -1, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_true (attest_store_unlink_evidence (f->store, c, &error));
  g_clear_pointer (&evidence, g_ptr_array_unref);
  evidence = attest_store_list_evidence (f->store, id, &error);
  g_assert_cmpuint (evidence->len, ==, 4);
}

static void
test_evidence_survives_merge (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestIncident) incident = record (f);
  g_autoptr(AttestAnnotation) ten = mark (f, "Ten fighters were killed", "Al-Khafaji", NULL);
  g_autoptr(AttestSource) into = attest_store_create_source (f->store, "Tahsin al-Khafaji",
                                                             "official", NULL);
  g_autoptr(GPtrArray) evidence = NULL;
  g_autofree char *link = attest_store_link_evidence (f->store,
                                                      attest_incident_get_uuid (incident),
                                                      attest_annotation_get_uuid (ten), NULL,
                                                      "fatalities", "reports", 10, 10, &error);

  g_assert_true (attest_store_merge_sources (f->store, attest_annotation_get_speaker_uuid (ten),
                                             attest_source_get_uuid (into), &error));
  evidence = attest_store_list_evidence (f->store, attest_incident_get_uuid (incident), &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpstr (((AttestEvidence *) evidence->pdata[0])->speaker_uuid, ==,
                   attest_source_get_uuid (into));
  g_assert_cmpstr (((AttestEvidence *) evidence->pdata[0])->speaker_kind, ==, "official");
}

static void
test_actors_and_delete (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestIncident) incident = record (f);
  g_autoptr(AttestAnnotation) ten = mark (f, "Ten fighters were killed", "Al-Khafaji", NULL);
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_incident_actor_free);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) all = NULL;
  AttestIncidentActor *isis = g_new0 (AttestIncidentActor, 1);
  AttestIncidentActor *crowd = g_new0 (AttestIncidentActor, 1);
  AttestIncidentActor bad = { .name = "X", .role = "bystander" };
  g_autoptr(GPtrArray) bad_list = g_ptr_array_new ();
  const char *id = attest_incident_get_uuid (incident);
  g_autofree char *link = NULL;

  isis->name = g_strdup ("Islamic State");
  isis->role = g_strdup ("perpetrator");
  isis->actor_type = g_strdup ("Rebel group");
  crowd->name = g_strdup ("Tribal Mobilization Forces");
  crowd->role = g_strdup ("target");
  g_ptr_array_add (actors, isis);
  g_ptr_array_add (actors, crowd);
  g_assert_true (attest_store_set_incident_actors (f->store, id, actors, &error));
  stored = attest_store_list_incident_actors (f->store, id, &error);
  g_assert_cmpuint (stored->len, ==, 2);
  g_assert_cmpstr (((AttestIncidentActor *) stored->pdata[0])->role, ==, "perpetrator");
  g_assert_cmpstr (((AttestIncidentActor *) stored->pdata[1])->name, ==,
                   "Tribal Mobilization Forces");

  g_ptr_array_add (bad_list, &bad);
  g_assert_false (attest_store_set_incident_actors (f->store, id, bad_list, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = attest_store_list_incident_actors (f->store, id, &error);
  g_assert_cmpuint (stored->len, ==, 2);

  /* Deleting the incident takes its actors and evidence; undo brings all back. */
  link = attest_store_link_evidence (f->store, id, attest_annotation_get_uuid (ten), NULL, NULL,
                                     NULL, -1, -1, &error);
  g_assert_true (attest_store_delete_incident (f->store, id, &error));
  all = attest_store_list_incidents (f->store, &error);
  g_assert_cmpuint (all->len, ==, 0);
  g_assert_true (attest_store_undo (f->store, &error));
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = attest_store_list_incident_actors (f->store, id, &error);
  g_assert_cmpuint (stored->len, ==, 2);
  evidence = attest_store_list_evidence (f->store, id, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
}

static void
test_grouped_save (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestIncident) incident = NULL;
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_incident_actor_free);
  g_autoptr(GPtrArray) all = NULL;
  AttestIncidentActor *isis = g_new0 (AttestIncidentActor, 1);
  AttestIncidentFields fields;

  isis->name = g_strdup ("Islamic State");
  isis->role = g_strdup ("perpetrator");
  g_ptr_array_add (actors, isis);
  attest_incident_fields_init (&fields);
  fields.title = "Ambush";

  /* The incident and its actors are one step: one undo takes both. */
  g_assert_true (attest_store_begin_group (f->store, "Record incident", &error));
  incident = attest_store_save_incident (f->store, NULL, &fields, &error);
  g_assert_true (attest_store_set_incident_actors (f->store, attest_incident_get_uuid (incident),
                                                   actors, &error));
  g_assert_true (attest_store_end_group (f->store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (attest_store_get_undo_label (f->store), ==, "Record incident");
  g_assert_true (attest_store_undo (f->store, &error));
  all = attest_store_list_incidents (f->store, &error);
  g_assert_cmpuint (all->len, ==, 0);
  g_assert_false (attest_store_can_undo (f->store));
  g_clear_pointer (&all, g_ptr_array_unref);

  /* A failing part takes the whole group with it. */
  g_clear_object (&incident);
  g_assert_true (attest_store_begin_group (f->store, "Record incident", &error));
  incident = attest_store_save_incident (f->store, NULL, &fields, &error);
  g_assert_nonnull (incident);
  g_free (isis->role);
  isis->role = g_strdup ("bystander");
  g_assert_false (attest_store_set_incident_actors (f->store,
                                                    attest_incident_get_uuid (incident), actors,
                                                    &error));
  g_clear_error (&error);
  g_assert_false (attest_store_end_group (f->store, TRUE, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED);
  all = attest_store_list_incidents (f->store, NULL);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_event_types (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) types = attest_store_list_event_types (f->store, &error);

  /* ACLED's six types and 25 sub-types. */
  g_assert_cmpuint (g_strv_length (types), ==, 50);
  g_assert_cmpstr (types[0], ==, "Battles");
  g_assert_cmpstr (types[1], ==, "Armed clash");
  g_assert_cmpstr (types[48], ==, "Strategic developments");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/attest/incidents/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/attest/incidents/geo-names", test_geo_names);
  ADD ("places-with-two-spellings", test_places_with_two_spellings);
  ADD ("partial-dates-and-unknowns", test_partial_dates_and_unknowns);
  ADD ("bad-fields", test_bad_fields);
  ADD ("evidence", test_evidence);
  ADD ("evidence-survives-merge", test_evidence_survives_merge);
  ADD ("actors-and-delete", test_actors_and_delete);
  ADD ("event-types", test_event_types);
  ADD ("grouped-save", test_grouped_save);

#undef ADD

  return g_test_run ();
}
