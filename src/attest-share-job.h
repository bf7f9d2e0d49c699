/* attest-share-job.h: the work behind sharing (scoped and exchange exports, collection and
 * REFI-QDA imports), run in a worker thread.
 *
 * The thread opens its own AttestStore on the project's path (an SQLite connection stays on
 * its thread) and never touches widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "attest-core.h"
#include "attest-refi.h"

G_BEGIN_DECLS

typedef enum
{
  ATTEST_SHARE_JOB_EXPORT_SCOPED,
  ATTEST_SHARE_JOB_EXPORT_EXCHANGE,
  ATTEST_SHARE_JOB_IMPORT_COLLECTION,
  ATTEST_SHARE_JOB_IMPORT_REFI,
} AttestShareJobKind;

/* One job's inputs, copied, and what it found. */
typedef struct
{
  AttestShareJobKind       kind;
  char                    *project_path;
  GFile                   *file;
  char                    *format;
  AttestCsvTable           table;
  char                    *collection_uuid;
  gboolean                 excel;
  GBytes                  *json;
  GHashTable              *resolutions;
  gboolean                 dry_run;

  AttestMergeSummary      *merge;
  AttestRefiImportSummary *refi;
  guint                    n_duplicate_sources;
} AttestShareJob;

void attest_share_job_free   (AttestShareJob *job);
/* A GTaskThreadFunc: task_data is the job; returns a boolean. A collection import reads
 * job->file into job->json first when it is not there yet. */
void attest_share_job_thread (GTask          *task,
                              gpointer        source_object,
                              gpointer        task_data,
                              GCancellable   *cancellable);

G_END_DECLS
