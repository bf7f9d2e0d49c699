/* fuzz-merge.c: attest_import_collection on arbitrary bytes, into an empty project (a
 * restore) or into one that holds the base collection (a merge, where the fuzzer's changes
 * to the seeds become conflicts), with each merge policy and as a dry run.
 *
 * The promise checked besides "no crash": a document that is refused, or a dry run, leaves
 * the project as it was (same counts, same identity, no change signalled); one that is
 * accepted leaves a project that exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "fuzz-common.h"

static void
check_exports (AttestStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gboolean ok;

  ok = attest_export_json (store, out, NULL, &error);
  FUZZ_CHECK (ok, "an accepted collection does not export: %s", error->message);
  FUZZ_CHECK (g_output_stream_close (out, NULL, NULL), "close");
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  ok = json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), &error);
  FUZZ_CHECK (ok, "the export is not JSON: %s", error->message);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  fuzz_project_init (FUZZ_BASE_COLLECTION);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) json = g_bytes_new (data, size);
  g_autoptr(AttestMergeSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid_before = NULL;
  g_autofree char *name_before = NULL;
  AttestMergeOptions options = { 0, };
  AttestStats before, after;
  AttestStore *store;
  guint64 generation;
  gboolean ok;

  /* The input's length picks the situation, so the bytes stay a plain JSON document. */
  store = fuzz_project_get (size % 2 == 1);
  options.policy = (AttestMergePolicy) ((size / 2) % 3);
  options.dry_run = (size / 6) % 5 == 4;

  FUZZ_CHECK (attest_store_get_stats (store, &before, &error), "%s", error->message);
  uuid_before = g_strdup (attest_store_get_project_uuid (store));
  name_before = g_strdup (attest_store_get_project_name (store));
  generation = attest_store_get_generation (store);

  ok = attest_import_collection (store, json, &options, &summary, &error);

  if (ok && !options.dry_run)
    {
      FUZZ_CHECK (error == NULL, "success with an error set");
      FUZZ_CHECK (summary != NULL && summary->conflicts != NULL, "success without a summary");
      fuzz_project_dirty ();
      check_exports (store);
      return 0;
    }

  if (!ok)
    {
      /* ATTEST_ERROR_FAILED is SQLite refusing what the checks let through (a constraint):
       * still a refusal with a message that rolls everything back, which is what counts
       * here; the checks should catch it earlier one day. */
      FUZZ_CHECK_REFUSAL (error);
      FUZZ_CHECK (error->domain == ATTEST_ERROR
                  && (error->code == ATTEST_ERROR_INVALID_INPUT
                      || error->code == ATTEST_ERROR_CONFLICT
                      || error->code == ATTEST_ERROR_NEWER_PROJECT
                      || error->code == ATTEST_ERROR_FAILED),
                  "refused with %s %d: %s", g_quark_to_string (error->domain), error->code,
                  error->message);
    }

  /* Refused or a dry run: nothing may have changed. */
  g_clear_error (&error);
  FUZZ_CHECK (attest_store_get_stats (store, &after, &error), "%s", error->message);
  FUZZ_CHECK (fuzz_stats_equal (&before, &after),
              "a refused or dry-run import changed the counts");
  FUZZ_CHECK (attest_store_get_generation (store) == generation,
              "a refused or dry-run import signalled a change");
  FUZZ_CHECK (g_strcmp0 (uuid_before, attest_store_get_project_uuid (store)) == 0,
              "a refused or dry-run import changed the project's uuid");
  FUZZ_CHECK (g_strcmp0 (name_before, attest_store_get_project_name (store)) == 0,
              "a refused or dry-run import changed the project's name");

  return 0;
}
