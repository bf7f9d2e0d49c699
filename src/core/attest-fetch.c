/* attest-fetch.c: one careful HTTP GET.
 *
 * Redirects are followed by hand so that every hop is checked (http and https only, at most
 * ten), the body is read in chunks so a page that never ends stops at the size cap or the
 * deadline, and every failure becomes a sentence a researcher can act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-fetch"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "attest-error.h"
#include "attest-fetch.h"
#include "attest-store-private.h"

#define DEFAULT_CONNECT_TIMEOUT 15
#define DEFAULT_TOTAL_TIMEOUT   60
#define READ_CHUNK              (64 * 1024)

static const char * const accepted_types[] = {
  "text/html",
  "application/xhtml+xml",
  "text/plain",
  "application/pdf",
  NULL
};

void
attest_fetch_result_free (AttestFetchResult *result)
{
  if (result == NULL)
    return;

  g_free (result->url);
  g_free (result->final_url);
  g_free (result->content_type);
  g_free (result->charset);
  g_free (result->fetched_at);
  g_free (result->sha256);
  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result);
}

static gboolean
check_uri (GUri        *uri,
           const char  *text,
           GError     **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  if (scheme == NULL
      || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("Attest fetches only http:// and https:// addresses; “%s” is not one."),
                   text);
      return FALSE;
    }
  if (host == NULL || *host == '\0')
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("The address “%s” names no server."), text);
      return FALSE;
    }

  return TRUE;
}

/* Network errors in words: what happened and, where it helps, what to try. */
static void
explain_error (GError     **error,
               GError      *cause,
               GUri        *uri,
               guint        timeout)
{
  const char *host = g_uri_get_host (uri);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                 _("The server %s did not answer within %u seconds."), host, timeout);
  else if (cause->domain == G_RESOLVER_ERROR)
    g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                 _("Could not find the server %s: check the address and the network."), host);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                 _("The server %s refused the connection."), host);
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                 _("The secure connection to %s failed: %s"), host, cause->message);
  else
    g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                 _("Could not fetch the page from %s: %s"), host, cause->message);
}

static gboolean
content_type_accepted (const char *type)
{
  /* No type at all: let the importer look at the bytes. */
  return type == NULL || g_strv_contains (accepted_types, type);
}

static GBytes *
read_body (GInputStream  *stream,
           gsize          max_bytes,
           gint64         deadline,
           guint          total_timeout,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint8 *chunk = g_malloc (READ_CHUNK);
  gssize n;

  for (;;)
    {
      n = g_input_stream_read (stream, chunk, READ_CHUNK, cancellable, error);
      if (n < 0)
        break;
      if (n == 0)
        {
          g_free (chunk);
          return g_byte_array_free_to_bytes (g_steal_pointer (&body));
        }

      g_byte_array_append (body, chunk, n);
      if (body->len > max_bytes)
        {
          g_autofree char *limit = g_format_size (max_bytes);

          g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                       _("The page is larger than %s; Attest does not import pages that "
                         "large."), limit);
          break;
        }
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                       _("The page took longer than %u seconds to load."), total_timeout);
          break;
        }
    }

  g_free (chunk);
  return NULL;
}

AttestFetchResult *
attest_fetch_url (const char                *url,
                  const AttestFetchOptions  *options,
                  GCancellable              *cancellable,
                  GError                   **error)
{
  static const AttestFetchOptions defaults = { 0 };
  g_autoptr(AttestFetchResult) result = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stripped = NULL;
  guint connect_timeout, total_timeout;
  gsize max_bytes;
  gint64 deadline;

  g_return_val_if_fail (url != NULL, NULL);

  if (options == NULL)
    options = &defaults;
  connect_timeout = options->connect_timeout ? options->connect_timeout : DEFAULT_CONNECT_TIMEOUT;
  total_timeout = options->total_timeout ? options->total_timeout : DEFAULT_TOTAL_TIMEOUT;
  max_bytes = options->max_bytes ? options->max_bytes : ATTEST_FETCH_MAX_BYTES;
  deadline = g_get_monotonic_time () + (gint64) total_timeout * G_USEC_PER_SEC;

  stripped = g_strstrip (g_strdup (url));
  if (!(uri = g_uri_parse (stripped, SOUP_HTTP_URI_FLAGS, &local_error)))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("“%s” is not a web address."), url);
      return NULL;
    }
  if (!check_uri (uri, stripped, error))
    return NULL;

  session = soup_session_new_with_options ("timeout", connect_timeout,
                                           "user-agent", "Attest/" PACKAGE_VERSION,
                                           "max-conns-per-host", 2,
                                           NULL);
  if (!options->use_system_proxy)
    soup_session_set_proxy_resolver (session, NULL);

  for (guint hop = 0; ; hop++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
      g_autoptr(GInputStream) stream = NULL;
      SoupMessageHeaders *headers;
      GHashTable *params = NULL;
      const char *type;
      guint status;

      soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
      if (!(stream = soup_session_send (session, msg, cancellable, &local_error)))
        {
          explain_error (error, local_error, uri, connect_timeout);
          return NULL;
        }

      status = soup_message_get_status (msg);
      headers = soup_message_get_response_headers (msg);

      if (SOUP_STATUS_IS_REDIRECTION (status)
          && soup_message_headers_get_one (headers, "Location") != NULL)
        {
          const char *location = soup_message_headers_get_one (headers, "Location");
          g_autoptr(GUri) next = NULL;

          g_input_stream_close (stream, NULL, NULL);
          if (hop >= ATTEST_FETCH_MAX_REDIRECTS)
            {
              g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                           _("The page redirects more than %d times; the address may "
                             "loop."), ATTEST_FETCH_MAX_REDIRECTS);
              return NULL;
            }
          if (!(next = g_uri_parse_relative (uri, location, SOUP_HTTP_URI_FLAGS, NULL)))
            {
              g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                           _("The server redirected to “%s”, which is not a web address."),
                           location);
              return NULL;
            }
          if (!check_uri (next, location, error))
            return NULL;
          g_clear_pointer (&uri, g_uri_unref);
          uri = g_steal_pointer (&next);
          if (g_get_monotonic_time () > deadline)
            {
              g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                           _("The page took longer than %u seconds to load."), total_timeout);
              return NULL;
            }
          continue;
        }

      if (!SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                       _("The server answered %u %s for %s."), status,
                       soup_message_get_reason_phrase (msg)
                         ? soup_message_get_reason_phrase (msg)
                         : soup_status_get_phrase (status),
                       g_uri_get_host (uri));
          return NULL;
        }

      type = soup_message_headers_get_content_type (headers, &params);
      if (!content_type_accepted (type))
        {
          g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                       _("This address is not a web page, a text or a PDF (the server says "
                         "it is %s)."), type);
          g_clear_pointer (&params, g_hash_table_unref);
          return NULL;
        }
      if (soup_message_headers_get_content_length (headers) > (goffset) max_bytes)
        {
          g_autofree char *limit = g_format_size (max_bytes);

          g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                       _("The page is larger than %s; Attest does not import pages that "
                         "large."), limit);
          g_clear_pointer (&params, g_hash_table_unref);
          return NULL;
        }

      result = g_new0 (AttestFetchResult, 1);
      result->url = g_strdup (url);
      result->final_url = g_uri_to_string (uri);
      result->status = status;
      result->content_type = g_strdup (type);
      if (params != NULL)
        result->charset = g_strdup (g_hash_table_lookup (params, "charset"));
      g_clear_pointer (&params, g_hash_table_unref);
      result->fetched_at = _attest_now_iso8601 ();

      if (!(result->body = read_body (stream, max_bytes, deadline, total_timeout,
                                      cancellable, &local_error)))
        {
          if (local_error->domain == ATTEST_ERROR)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            explain_error (error, local_error, uri, connect_timeout);
          return NULL;
        }
      g_input_stream_close (stream, NULL, NULL);

      result->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, result->body);
      return g_steal_pointer (&result);
    }
}

typedef struct
{
  char               *url;
  AttestFetchOptions  options;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_free (data->url);
  g_free (data);
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FetchData *data = task_data;
  GError *error = NULL;
  AttestFetchResult *result;

  if ((result = attest_fetch_url (data->url, &data->options, cancellable, &error)))
    g_task_return_pointer (task, result, (GDestroyNotify) attest_fetch_result_free);
  else
    g_task_return_error (task, error);
}

void
attest_fetch_url_async (const char                *url,
                        const AttestFetchOptions  *options,
                        GCancellable              *cancellable,
                        GAsyncReadyCallback        callback,
                        gpointer                   user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  FetchData *data = g_new0 (FetchData, 1);

  g_task_set_source_tag (task, attest_fetch_url_async);
  data->url = g_strdup (url);
  if (options != NULL)
    data->options = *options;
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);
  g_task_run_in_thread (task, fetch_thread);
}

AttestFetchResult *
attest_fetch_url_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == attest_fetch_url_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
