/* attest-cli-merge.c: sharing work — `attest-cli merge FILE.json [--prefer mine|theirs]
 * [--dry-run]` and `attest-cli collection …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-cli"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "attest-cli-private.h"

GOptionEntry merge_entries[] = {
  { "prefer", 0, 0, G_OPTION_ARG_STRING, &opts.prefer,
    N_("For items changed on both sides, keep “mine” or take “theirs”"), N_("WHICH") },
  { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opts.dry_run,
    N_("Only say what would be added and what conflicts"), NULL },
  { NULL }
};

static void
print_conflicts (AttestMergeSummary *summary)
{
  for (guint i = 0; i < summary->conflicts->len; i++)
    {
      AttestMergeConflict *c = g_ptr_array_index (summary->conflicts, i);

      g_print ("conflict\t%s\t%s\t%s\n\tmine:   %s\n\ttheirs: %s\n", c->kind, c->uuid,
               c->label ? c->label : "", c->mine, c->theirs);
    }
}

static void
print_summary (AttestMergeSummary *summary,
               gboolean            dry_run)
{
  print_conflicts (summary);
  g_printerr (dry_run ? _("Would add %u items (%u articles, %u annotations); %u unchanged, %u "
                          "matched, %u conflicts\n")
                      : _("Added %u items (%u articles, %u annotations); %u unchanged, %u "
                          "matched, %u conflicts\n"),
              summary->n_added, summary->n_articles, summary->n_annotations,
              summary->n_unchanged, summary->n_matched, summary->conflicts->len);
}

int
cmd_merge (Options  *o,
           int       argc,
           char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AttestMergeSummary) summary = NULL;
  AttestMergeOptions options = { ATTEST_MERGE_ASK, NULL, o->dry_run };

  if (argc != 1)
    {
      g_printerr (_("attest-cli: merge needs one JSON collection\n"));
      return EXIT_USAGE;
    }
  if (o->prefer != NULL)
    {
      if (g_str_equal (o->prefer, "mine"))
        options.policy = ATTEST_MERGE_KEEP_MINE;
      else if (g_str_equal (o->prefer, "theirs"))
        options.policy = ATTEST_MERGE_KEEP_THEIRS;
      else
        {
          g_printerr (_("attest-cli: --prefer is mine or theirs, not “%s”\n"), o->prefer);
          return EXIT_USAGE;
        }
    }

  file = g_file_new_for_commandline_arg (argv[0]);
  if (!(store = open_project (&error)))
    return fail (error);
  /* A local file is mapped, not read: the merge goes through it an item at a time, and the
   * pages of a collection of a gigabyte can be dropped again instead of filling the heap. */
  if (g_file_is_native (file))
    {
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);

      if (mapped == NULL)
        return fail (error);
      bytes = g_mapped_file_get_bytes (mapped);
    }
  else if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)))
    return fail (error);

  /* A merge that failed was rolled back whole: its counts would tell of what is not there,
   * but its conflicts are what the researcher has to decide. */
  if (!attest_import_collection (store, bytes, &options, &summary, &error))
    {
      if (summary != NULL)
        print_conflicts (summary);
      fail (error);
      if (g_error_matches (error, ATTEST_ERROR, ATTEST_ERROR_CONFLICT))
        g_printerr (_("Nothing was imported. Run again with --prefer mine or --prefer theirs.\n"));
      else
        g_printerr (_("Nothing was imported.\n"));
      return EXIT_FAILED;
    }
  print_summary (summary, o->dry_run);
  return EXIT_SUCCESS;
}

char *
find_collection (AttestStore  *store,
                 const char   *name_or_uuid,
                 GError      **error)
{
  g_autoptr(GPtrArray) collections = attest_store_list_collections (store, error);

  if (collections == NULL)
    return NULL;
  for (guint i = 0; i < collections->len; i++)
    {
      AttestCollection *c = g_ptr_array_index (collections, i);

      if (g_str_equal (c->uuid, name_or_uuid) || g_utf8_collate (c->name, name_or_uuid) == 0)
        return g_strdup (c->uuid);
    }

  g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
               _("There is no collection “%s” in this project."), name_or_uuid);
  return NULL;
}

int
cmd_collection (Options  *o,
                int       argc,
                char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autofree char *uuid = NULL;
  const char *what = argc > 0 ? argv[0] : "";

  if (!(store = open_project (&error)))
    return fail (error);

  if (g_str_equal (what, "list") && argc == 1)
    {
      g_autoptr(GPtrArray) collections = attest_store_list_collections (store, &error);

      if (collections == NULL)
        return fail (error);
      for (guint i = 0; i < collections->len; i++)
        {
          AttestCollection *c = g_ptr_array_index (collections, i);

          g_print ("%s\t%s\t%u\n", c->uuid, c->name, c->n_articles);
        }
      return EXIT_SUCCESS;
    }

  if (g_str_equal (what, "create") && argc == 2)
    {
      if (!(uuid = attest_store_create_collection (store, argv[1], NULL, &error)))
        return fail (error);
      g_print ("%s\n", uuid);
      return EXIT_SUCCESS;
    }

  if (g_str_equal (what, "add") && argc >= 3)
    {
      if (!(uuid = find_collection (store, argv[1], &error))
          || !attest_store_set_collection_articles (store, uuid, (const char * const *) argv + 2,
                                                    TRUE, &error))
        return fail (error);
      return EXIT_SUCCESS;
    }

  if (g_str_equal (what, "add-matching") && argc >= 3)
    {
      g_autofree char *query = g_strjoinv (" ", argv + 2);
      guint n_added = 0;

      if (!(uuid = find_collection (store, argv[1], &error))
          || !attest_store_add_to_collection_by_rule (store, uuid, query, NULL, &n_added, &error))
        return fail (error);
      g_printerr (_("%u articles added\n"), n_added);
      return EXIT_SUCCESS;
    }

  g_printerr (_("attest-cli: collection list | create NAME | add NAME ARTICLE… | "
                "add-matching NAME WORDS…\n"));
  return EXIT_USAGE;
}

static void
add_figure (JsonBuilder *builder,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (builder, key);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static char *
format_figure (double value)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.3f", value);
}

/* `attest-cli agreement [ARTICLE] [--json]` */
int
cmd_agreement (Options  *o,
               int       argc,
               char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_auto(GStrv) coders = NULL;

  if (argc > 1)
    {
      g_printerr (_("attest-cli: agreement takes at most one article\n"));
      return EXIT_USAGE;
    }
  if (!(store = open_project (&error))
      || !(results = attest_store_compute_agreement (store, argc ? argv[0] : NULL, &coders,
                                                     &error)))
    return fail (error);

  if (o->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "coders");
      json_builder_begin_array (builder);
      for (guint i = 0; coders[i] != NULL; i++)
        json_builder_add_string_value (builder, coders[i]);
      json_builder_end_array (builder);
      add_string (builder, "unit_rule", "spans overlapping by at least half of their union");
      json_builder_set_member_name (builder, "dimensions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < results->len; i++)
        {
          AttestAgreement *a = g_ptr_array_index (results, i);

          json_builder_begin_object (builder);
          add_string (builder, "dimension", a->dimension);
          add_int (builder, "units", a->n_units);
          add_figure (builder, "agreement", a->agreement);
          add_figure (builder, "kappa", a->kappa);
          add_figure (builder, "alpha", a->alpha);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return EXIT_SUCCESS;
    }

  if (results->len == 0)
    {
      g_print (_("No article has annotations by two or more coders.\n"));
      return EXIT_SUCCESS;
    }
  g_autofree char *names = g_strjoinv (", ", coders);

  g_print (_("Coders: %s\n"), names);
  g_print (_("Units: spans that overlap by at least half of their union.\n\n"));
  g_print ("%-32s %6s %9s %7s %7s\n", _("dimension"), _("units"), _("agreement"), _("kappa"),
           _("alpha"));
  for (guint i = 0; i < results->len; i++)
    {
      AttestAgreement *a = g_ptr_array_index (results, i);
      g_autofree char *percent = format_figure (a->agreement);
      g_autofree char *kappa = format_figure (a->kappa);
      g_autofree char *alpha = format_figure (a->alpha);

      g_print ("%-32s %6u %9s %7s %7s\n", a->dimension, a->n_units, percent, kappa, alpha);
    }
  return EXIT_SUCCESS;
}
