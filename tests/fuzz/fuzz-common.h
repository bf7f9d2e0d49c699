/* fuzz-common.h: what every fuzz target shares: a libFuzzer entry point, a scratch folder
 * and checks that abort loudly, so libFuzzer (or the replay driver) records the input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "attest-core.h"

G_BEGIN_DECLS

/* Each target defines these; replay.c calls them when libFuzzer is not there. */
int   LLVMFuzzerInitialize   (int            *argc,
                              char         ***argv);
int   LLVMFuzzerTestOneInput (const uint8_t  *data,
                              size_t          size);

/* Criticals and warnings abort: a precondition that input can break is a bug. */
void  fuzz_init              (void);
/* A private folder, made on first use and removed at exit. */
const char *fuzz_tmpdir      (void);
/* The path of a new project in fuzz_tmpdir(), with no file left from before. */
char *fuzz_fresh_path        (const char     *name);
void  fuzz_remove_project    (const char     *path);
/* Closes the store and checks that nothing else still holds it. */
void  fuzz_close_store       (AttestStore   **store);
/* Whether the project looks the same (counts of everything) as it did. */
gboolean fuzz_stats_equal    (const AttestStats *a,
                              const AttestStats *b);

/* One project the targets import into, in one of two states: empty, or holding the base
 * collection (path; made once into a template that each reset copies). Every input starts
 * from the state it asks for, so a crash replays from the input alone. */
void         fuzz_project_init  (const char *base_collection);
AttestStore *fuzz_project_get   (gboolean    with_base);
/* Call after an operation changed the project: the next fuzz_project_get() makes it afresh. */
void         fuzz_project_dirty (void);

/* Aborts with a message when cond is false; never compiled out (unlike g_assert with
 * G_DISABLE_ASSERT, which the targets must not depend on). */
#define FUZZ_CHECK(cond, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      { \
        g_printerr ("fuzz check failed at %s:%d: %s\n  ", __FILE__, __LINE__, #cond); \
        g_printerr (__VA_ARGS__); \
        g_printerr ("\n"); \
        abort (); \
      } \
  } G_STMT_END

/* An operation that refused its input must say why, in Attest's own words. */
#define FUZZ_CHECK_REFUSAL(error) \
  FUZZ_CHECK ((error) != NULL && (error)->message != NULL && (error)->message[0] != '\0' \
              && g_utf8_validate ((error)->message, -1, NULL), \
              "failure without a readable message: %s", \
              (error) == NULL ? "no error set" \
              : (error)->message == NULL ? "NULL message" \
              : g_strescape ((error)->message, NULL))

G_END_DECLS
