/* fuzz-refi.c: the REFI-QDA importers on arbitrary bytes: a zip ("PK" first) goes to
 * attest_refi_import_qdpx, anything else to attest_refi_import_qdc, into an empty project or
 * one holding the base collection (by the input's length).
 *
 * The promise checked besides "no crash": a refused file leaves the project's counts as they
 * were; an accepted one leaves a project that still exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "attest-refi.h"

static char *input_qdpx;
static char *input_qdc;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  fuzz_project_init (FUZZ_BASE_COLLECTION);
  input_qdpx = g_build_filename (fuzz_tmpdir (), "input.qdpx", NULL);
  input_qdc = g_build_filename (fuzz_tmpdir (), "input.qdc", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AttestRefiImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean zip = size >= 2 && data[0] == 'P' && data[1] == 'K';
  const char *path = zip ? input_qdpx : input_qdc;
  AttestStats before, after;
  AttestStore *store;
  guint64 generation;
  gboolean ok;

  FUZZ_CHECK (g_file_set_contents (path, (const char *) data, size, &error),
              "%s", error->message);
  file = g_file_new_for_path (path);

  store = fuzz_project_get (size % 2 == 1);
  FUZZ_CHECK (attest_store_get_stats (store, &before, &error), "%s", error->message);
  generation = attest_store_get_generation (store);

  if (zip)
    ok = attest_refi_import_qdpx (store, file, NULL, &summary, &error);
  else
    ok = attest_refi_import_qdc (store, file, NULL, &summary, &error);

  if (ok)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      FUZZ_CHECK (error == NULL, "success with an error set");
      FUZZ_CHECK (summary != NULL && summary->warnings != NULL
                  && summary->article_uuids != NULL, "success without a summary");
      for (guint i = 0; i < summary->warnings->len; i++)
        FUZZ_CHECK (g_utf8_validate (g_ptr_array_index (summary->warnings, i), -1, NULL),
                    "a warning is not UTF-8");
      fuzz_project_dirty ();
      ok = attest_export_json (store, out, NULL, &error);
      FUZZ_CHECK (ok, "an imported REFI-QDA file does not export: %s", error->message);
      return 0;
    }

  FUZZ_CHECK_REFUSAL (error);
  FUZZ_CHECK (g_error_matches (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT),
              "refused with %s %d: %s", g_quark_to_string (error->domain), error->code,
              error->message);
  FUZZ_CHECK (summary == NULL, "a summary from a refused file");

  /* Undoable steps may have been taken back (the undo history changed, so the next input
   * gets a fresh project): the counts are what must not change. */
  if (attest_store_get_generation (store) != generation)
    fuzz_project_dirty ();
  g_clear_error (&error);
  FUZZ_CHECK (attest_store_get_stats (store, &after, &error), "%s", error->message);
  FUZZ_CHECK (fuzz_stats_equal (&before, &after), "a refused file changed the project's counts");

  return 0;
}
