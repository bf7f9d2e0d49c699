/* replay.c: runs a fuzz target on files, without libFuzzer: how a gcc build (and the
 * sanitizer build) replays the seed corpora and every input that once crashed.
 *
 *   fuzz-replay-<target> FILE|FOLDER…
 *
 * A folder means the files in it, in name order; a folder that is not there holds nothing
 * (a target's regressions/ folder appears with its first crash). A crash aborts with the
 * input's name printed just before it; otherwise it prints how many inputs ran and exits 0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "fuzz-common.h"

static guint n_inputs;

static void
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_printerr ("replay: %s\n", error->message);
      exit (1);
    }

  g_print ("replay: %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  /* A copy of just the input's size, so reading past its end is caught under ASan. */
  {
    g_autofree uint8_t *exact = g_memdup2 (data, length);

    LLVMFuzzerTestOneInput (exact, length);
  }
  n_inputs++;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
run_path (const char *path)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_print ("replay: no %s, nothing to run there\n", path);
      return;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      run_file (path);
      return;
    }

  if (!(dir = g_dir_open (path, 0, &error)))
    {
      g_printerr ("replay: %s\n", error->message);
      exit (1);
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    run_path (g_ptr_array_index (names, i));
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      g_printerr ("usage: %s FILE|FOLDER…\n", argv[0]);
      return 2;
    }

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    run_path (argv[i]);

  g_print ("replay: %u inputs, no crash\n", n_inputs);
  return 0;
}
