/* search-timer.c: times Attest's full-text search in process, for search-bench.py.
 *
 *   search-timer PROJECT REPEAT QUERY…
 *
 * Opens the project once, runs each query once to warm the page cache, then REPEAT times,
 * and prints one line per query, tab-separated: the mean and median wall milliseconds of
 * attest_store_search_filtered (no filter, 50 hits, as the search bar and attest-cli
 * search ask), the median CPU milliseconds (user + system: what other processes on a
 * shared machine do not disturb), the number of hits and the query. Process start and the
 * opening of the project are left out, as the sqlite3 shell baseline leaves out its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "attest-core.h"

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AttestStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int repeat;

  if (argc < 4)
    {
      g_printerr ("Usage: %s PROJECT REPEAT QUERY…\n", argv[0]);
      return 2;
    }
  repeat = MAX (1, atoi (argv[2]));

  store = attest_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  for (int q = 3; q < argc; q++)
    {
      g_autofree double *ms = g_new (double, repeat);
      g_autofree double *cpu = g_new (double, repeat);
      g_autoptr(GPtrArray) warm = attest_store_search_filtered (store, argv[q], NULL, 50, &error);
      double total = 0;

      if (warm == NULL)
        {
          g_printerr ("%s: %s\n", argv[q], error->message);
          return 1;
        }
      for (int r = 0; r < repeat; r++)
        {
          gint64 start = g_get_monotonic_time ();
          double cpu_start = cpu_ms ();
          g_autoptr(GPtrArray) hits = attest_store_search_filtered (store, argv[q], NULL, 50,
                                                                    &error);

          g_assert_nonnull (hits);
          ms[r] = (g_get_monotonic_time () - start) / 1000.0;
          cpu[r] = cpu_ms () - cpu_start;
          total += ms[r];
        }
      qsort (ms, repeat, sizeof (double), compare_doubles);
      qsort (cpu, repeat, sizeof (double), compare_doubles);
      g_print ("%.3f\t%.3f\t%.3f\t%u\t%s\n", total / repeat, ms[repeat / 2], cpu[repeat / 2],
               warm->len, argv[q]);
    }

  return 0;
}
