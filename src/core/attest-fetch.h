/* attest-fetch.h: fetching a web page over HTTP(S) so it can be imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATTEST_FETCH_MAX_BYTES      (20 * 1024 * 1024)
#define ATTEST_FETCH_MAX_REDIRECTS  10

typedef struct
{
  guint   connect_timeout;  /* seconds for connecting and for each read; 0: 15 */
  guint   total_timeout;    /* seconds for the whole fetch; 0: 60 */
  gsize   max_bytes;        /* 0: ATTEST_FETCH_MAX_BYTES */
  gboolean use_system_proxy;
} AttestFetchOptions;

/* What the server sent: kept with the article as proof of what the page said. */
typedef struct
{
  char   *url;           /* as asked for */
  char   *final_url;     /* after redirects */
  guint   status;        /* HTTP status of the final response */
  char   *content_type;  /* e.g. text/html, without parameters */
  char   *charset;       /* from the Content-Type header, or NULL */
  char   *fetched_at;    /* ISO 8601 UTC */
  char   *sha256;        /* of body */
  GBytes *body;          /* decoded from gzip/deflate, as served otherwise */
} AttestFetchResult;

void               attest_fetch_result_free (AttestFetchResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestFetchResult, attest_fetch_result_free)

/* Blocking: call it from a worker thread (or attest-cli). Errors are ATTEST_ERROR with a
 * message a researcher can act on, or G_IO_ERROR_CANCELLED. */
AttestFetchResult *attest_fetch_url        (const char                *url,
                                            const AttestFetchOptions  *options,
                                            GCancellable              *cancellable,
                                            GError                   **error);
void               attest_fetch_url_async  (const char                *url,
                                            const AttestFetchOptions  *options,
                                            GCancellable              *cancellable,
                                            GAsyncReadyCallback        callback,
                                            gpointer                   user_data);
AttestFetchResult *attest_fetch_url_finish (GAsyncResult              *result,
                                            GError                   **error);

G_END_DECLS
