/* fts-check: FTS5's own integrity check of a project's two full-text indexes.
 *
 *   fts-check PROJECT
 *
 * The indexes use Attest's tokenizer (src/core/attest-fts.c), which an SQLite without
 * Attest's code does not have, so tests written in Python (test-crash.py) run the check
 * through this. Prints "ok" and exits 0, or prints what failed and exits 1. The project is
 * not changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "attest-fts.h"

int
main (int   argc,
      char *argv[])
{
  static const char *tables[] = { "articles_fts", "annotations_fts" };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  int failed = 0;

  if (argc != 2)
    {
      fprintf (stderr, "usage: fts-check PROJECT\n");
      return 2;
    }
  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      printf ("%s: %s\n", argv[1], db != NULL ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return 1;
    }
  sqlite3_busy_timeout (db, 10000);
  if (!attest_fts_register (db, &error))
    {
      printf ("%s\n", error->message);
      sqlite3_close (db);
      return 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('integrity-check')",
                                              tables[i], tables[i]);
      char *message = NULL;

      if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
        {
          printf ("%s integrity-check: %s\n", tables[i], message);
          failed = 1;
        }
      sqlite3_free (message);
    }
  sqlite3_close (db);

  if (!failed)
    printf ("ok\n");
  return failed;
}
