/* fuzz-common.c: scratch folder and checks shared by the fuzz targets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "fuzz-common.h"

typedef enum { STATE_NONE, STATE_EMPTY, STATE_BASE } State;

static char        *tmpdir;
static char        *project_path;
static GBytes      *template_bytes;
static AttestStore *project;
static State        project_state = STATE_NONE;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
remove_tmpdir (void)
{
  if (tmpdir != NULL)
    remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

void
fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* Fuzz runs and replays do not talk to the network, and a test machine's proxy must not
   * change what a target does. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
}

const char *
fuzz_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      /* Projects are written many times a second: in memory, fsync costs nothing. */
      const char *base = g_getenv ("TMPDIR") == NULL && access ("/dev/shm", W_OK) == 0
                         ? "/dev/shm" : g_get_tmp_dir ();

      tmpdir = g_build_filename (base, "attest-fuzz-XXXXXX", NULL);
      FUZZ_CHECK (g_mkdtemp (tmpdir) != NULL, "cannot make a folder in %s", base);
      atexit (remove_tmpdir);
    }
  return tmpdir;
}

void
fuzz_remove_project (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

char *
fuzz_fresh_path (const char *name)
{
  char *path = g_build_filename (fuzz_tmpdir (), name, NULL);

  fuzz_remove_project (path);
  return path;
}

void
fuzz_close_store (AttestStore **store)
{
  if (*store == NULL)
    return;

  g_object_add_weak_pointer (G_OBJECT (*store), (gpointer *) store);
  g_object_unref (*store);
  FUZZ_CHECK (*store == NULL, "the store is still referenced after its last user let go");
}

gboolean
fuzz_stats_equal (const AttestStats *a,
                  const AttestStats *b)
{
  if (a->articles != b->articles || a->sources != b->sources
      || a->annotations != b->annotations || a->quotes != b->quotes || a->tags != b->tags
      || a->incidents != b->incidents || a->collections != b->collections)
    return FALSE;
  for (guint i = 0; i < ATTEST_ANNOTATION_N_KINDS; i++)
    if (a->by_kind[i] != b->by_kind[i])
      return FALSE;
  return TRUE;
}

static AttestStore *
open_or_die (const char *path,
             gboolean    create)
{
  g_autoptr(GError) error = NULL;
  AttestStore *store = create ? attest_store_create (path, &error)
                              : attest_store_open (path, &error);

  FUZZ_CHECK (store != NULL, "%s: %s", path, error->message);
  return store;
}

void
fuzz_project_init (const char *base_collection)
{
  g_autofree char *path = fuzz_fresh_path ("template.attest");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  AttestStore *store;
  char *data = NULL;
  gsize length = 0;
  gboolean ok;

  project_path = fuzz_fresh_path ("project.attest");
  FUZZ_CHECK (g_file_get_contents (base_collection, &json, &length, &error),
              "%s", error->message);
  bytes = g_bytes_new_static (json, length);

  store = open_or_die (path, TRUE);
  ok = attest_import_collection (store, bytes, NULL, NULL, &error);
  FUZZ_CHECK (ok, "the base collection %s does not import: %s", base_collection,
              error->message);
  fuzz_close_store (&store);

  FUZZ_CHECK (g_file_get_contents (path, &data, &length, &error), "%s", error->message);
  template_bytes = g_bytes_new_take (data, length);
  fuzz_remove_project (path);
}

AttestStore *
fuzz_project_get (gboolean with_base)
{
  g_autoptr(GError) error = NULL;
  State wanted = with_base ? STATE_BASE : STATE_EMPTY;

  FUZZ_CHECK (template_bytes != NULL, "fuzz_project_init() was not called");
  if (project != NULL && project_state == wanted)
    return project;

  fuzz_close_store (&project);
  fuzz_remove_project (project_path);
  if (with_base)
    {
      FUZZ_CHECK (g_file_set_contents (project_path, g_bytes_get_data (template_bytes, NULL),
                                       g_bytes_get_size (template_bytes), &error),
                  "%s", error->message);
      project = open_or_die (project_path, FALSE);
    }
  else
    project = open_or_die (project_path, TRUE);
  project_state = wanted;

  return project;
}

void
fuzz_project_dirty (void)
{
  project_state = STATE_NONE;
}
