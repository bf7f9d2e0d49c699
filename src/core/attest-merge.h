/* attest-merge.h: importing an Attest JSON collection, into an empty project (a restore) or
 * into one that already has some of it (a colleague's work, merged by UUID).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "attest-store.h"

G_BEGIN_DECLS

typedef enum
{
  ATTEST_MERGE_ASK,          /* conflicts without a resolution stop the import */
  ATTEST_MERGE_KEEP_MINE,
  ATTEST_MERGE_KEEP_THEIRS,
} AttestMergePolicy;

typedef enum
{
  ATTEST_RESOLVE_MINE = 1,
  ATTEST_RESOLVE_THEIRS = 2,
} AttestResolution;

/* The same item changed on both sides. */
typedef struct
{
  char *kind;     /* "annotation", "source", "tag", "place", "incident", "article" */
  char *uuid;
  char *label;    /* what it is, for a person: "Quote “The Corona virus…”" */
  char *mine;     /* how the two differ, field by field */
  char *theirs;
} AttestMergeConflict;

void attest_merge_conflict_free (AttestMergeConflict *conflict);

typedef struct
{
  AttestMergePolicy  policy;
  /* uuid → GINT_TO_POINTER (AttestResolution), for per-item choices; may be NULL. */
  GHashTable        *resolutions;
  /* Only report what would happen: the project is left as it was. */
  gboolean           dry_run;
} AttestMergeOptions;

typedef struct
{
  guint      n_added;       /* new items of any kind */
  guint      n_articles;    /* of which articles */
  guint      n_annotations; /* of which annotations */
  guint      n_unchanged;   /* identical on both sides */
  guint      n_matched;     /* same thing under another uuid (same text, same name) */
  guint      n_theirs;      /* conflicts resolved as theirs */
  guint      n_mine;        /* conflicts resolved as mine */
  gboolean   adopted;       /* the project was empty and took the collection's identity */
  GPtrArray *conflicts;     /* AttestMergeConflict, every one found, resolved or not */
} AttestMergeSummary;

void attest_merge_summary_free (AttestMergeSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestMergeSummary, attest_merge_summary_free)

/* Checks the whole document first (shape, types, sizes, UUIDs, offsets inside the texts,
 * references), then writes it in one transaction: a bad document or an unresolved conflict
 * (ATTEST_ERROR_CONFLICT, with the summary still returned through summary_out) leaves the
 * project as it was. Not an undo step: like any import, it is undone by deleting. */
gboolean attest_import_collection (AttestStore               *store,
                                   GBytes                    *json,
                                   const AttestMergeOptions  *options,
                                   AttestMergeSummary       **summary_out,
                                   GError                   **error);

G_END_DECLS
