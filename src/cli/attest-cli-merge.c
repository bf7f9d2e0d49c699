/* attest-cli-merge.c: `attest-cli merge FILE.json [--prefer mine|theirs] [--dry-run]`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-cli"

#include "config.h"

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
print_summary (AttestMergeSummary *summary,
               gboolean            dry_run)
{
  for (guint i = 0; i < summary->conflicts->len; i++)
    {
      AttestMergeConflict *c = g_ptr_array_index (summary->conflicts, i);

      g_print ("conflict\t%s\t%s\t%s\n\tmine:   %s\n\ttheirs: %s\n", c->kind, c->uuid,
               c->label ? c->label : "", c->mine, c->theirs);
    }
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
  gboolean ok;

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
  if (!(store = open_project (&error))
      || !(bytes = g_file_load_bytes (file, NULL, NULL, &error)))
    return fail (error);

  ok = attest_import_collection (store, bytes, &options, &summary, &error);
  if (summary != NULL)
    print_summary (summary, o->dry_run);
  if (!ok)
    {
      if (g_error_matches (error, ATTEST_ERROR, ATTEST_ERROR_CONFLICT))
        g_printerr (_("Nothing was imported. Run again with --prefer mine or --prefer theirs.\n"));
      return fail (error);
    }
  return EXIT_SUCCESS;
}
