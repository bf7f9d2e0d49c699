/* test-fetch.c: fetching pages from a SoupServer on 127.0.0.1 that this test runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "attest-core.h"
#include "attest-fetch.h"

#define PAGE "<!DOCTYPE html><html><head><title>Ambush</title></head>" \
             "<body><p>The attack targeted a checkpoint.</p></body></html>"

typedef struct
{
  SoupServer *server;
  char       *base;
  GMainLoop  *loop;
  guint       endless_sent;
} Fixture;

static Fixture *current;

static void
write_endless_chunk (SoupServerMessage *msg,
                     gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  char block[4096];

  memset (block, 'a', sizeof block);
  f->endless_sent += sizeof block;
  soup_message_body_append (body, SOUP_MEMORY_COPY, block, sizeof block);
}

static GBytes *
gzip_bytes (const char *text)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (mem, G_CONVERTER (compressor));

  g_assert_true (g_output_stream_write_all (out, text, strlen (text), NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (g_str_equal (path, "/page"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        PAGE, strlen (PAGE));
    }
  else if (g_str_has_prefix (path, "/hop/"))
    {
      int n = atoi (path + 5);
      g_autofree char *next = n > 0 ? g_strdup_printf ("/hop/%d", n - 1) : g_strdup ("/page");

      soup_server_message_set_redirect (msg, 302, next);
    }
  else if (g_str_equal (path, "/loop"))
    soup_server_message_set_redirect (msg, 301, "/loop");
  else if (g_str_equal (path, "/to-file"))
    soup_server_message_set_redirect (msg, 302, "file:///etc/passwd");
  else if (g_str_equal (path, "/missing"))
    soup_server_message_set_status (msg, 404, NULL);
  else if (g_str_equal (path, "/hang"))
    soup_server_message_pause (msg);  /* never answers */
  else if (g_str_equal (path, "/endless"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (headers, "text/html", NULL);
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (write_endless_chunk), f);
      write_endless_chunk (msg, f);
    }
  else if (g_str_equal (path, "/image"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, "\x89PNG", 4);
    }
  else if (g_str_equal (path, "/gzip"))
    {
      g_autoptr(GBytes) zipped = gzip_bytes (PAGE);

      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_append (headers, "Content-Encoding", "gzip");
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (zipped, NULL),
                                        g_bytes_get_size (zipped));
    }
  else if (g_str_equal (path, "/arabic"))
    {
      /* "مرحبا" in windows-1256 */
      static const char body[] = "<html><body><p>\xe3\xd1\xcd\xc8\xc7</p></body></html>";

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=windows-1256",
                                        SOUP_MEMORY_STATIC, body, strlen (body));
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (f->server);
  f->base = g_uri_to_string (uris->data);
  if (g_str_has_suffix (f->base, "/"))
    f->base[strlen (f->base) - 1] = '\0';
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  f->loop = g_main_loop_new (NULL, FALSE);
  current = f;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_main_loop_unref (f->loop);
  g_free (f->base);
  current = NULL;
}

typedef struct
{
  GMainLoop          *loop;
  AttestFetchResult  *result;
  GError             *error;
} Wait;

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = attest_fetch_url_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* The fetch blocks in a worker thread while this thread's main loop runs the server. */
static AttestFetchResult *
fetch (Fixture      *f,
       const char   *path,
       guint         timeout,
       gsize         max_bytes,
       GError      **error)
{
  g_autofree char *url = g_strconcat (f->base, path, NULL);
  AttestFetchOptions options = {
    .connect_timeout = timeout, .total_timeout = timeout * 2, .max_bytes = max_bytes,
  };
  Wait wait = { f->loop, NULL, NULL };

  attest_fetch_url_async (url, &options, NULL, on_fetched, &wait);
  g_main_loop_run (f->loop);

  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.result;
}

static void
test_page (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestFetchResult) result = fetch (f, "/page", 5, 0, &error);
  g_autofree char *expected_url = g_strconcat (f->base, "/page", NULL);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, PAGE, -1);

  g_assert_no_error (error);
  g_assert_cmpuint (result->status, ==, 200);
  g_assert_cmpstr (result->content_type, ==, "text/html");
  g_assert_cmpstr (result->charset, ==, "utf-8");
  g_assert_cmpstr (result->final_url, ==, expected_url);
  g_assert_cmpmem (g_bytes_get_data (result->body, NULL), g_bytes_get_size (result->body),
                   PAGE, strlen (PAGE));
  g_assert_cmpstr (result->sha256, ==, sha);
  g_assert_nonnull (result->fetched_at);
}

static void
test_redirect_chain (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestFetchResult) result = fetch (f, "/hop/5", 5, 0, &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (result->final_url, "/page"));
  g_assert_true (g_str_has_suffix (result->url, "/hop/5"));
}

static void
test_too_many_redirects (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestFetchResult) loop = fetch (f, "/loop", 5, 0, &error);
  g_autoptr(AttestFetchResult) chain = NULL;

  g_assert_null (loop);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "redirects more than 10 times"));
  g_clear_error (&error);

  /* Eleven hops is one too many; ten is fine (see test_redirect_chain). */
  chain = fetch (f, "/hop/10", 5, 0, &error);
  g_assert_null (chain);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED);
}

static void
test_no_other_schemes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestFetchResult) redirected = fetch (f, "/to-file", 5, 0, &error);
  g_autoptr(AttestFetchResult) direct = NULL;

  g_assert_null (redirected);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  direct = attest_fetch_url ("file:///etc/passwd", NULL, NULL, &error);
  g_assert_null (direct);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "http://"));
  g_clear_error (&error);

  direct = attest_fetch_url ("not a url at all", NULL, NULL, &error);
  g_assert_null (direct);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestFetchResult) result = fetch (f, "/missing", 5, 0, &error);

  g_assert_null (result);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "404"));
}

static void
test_server_never_answers (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(AttestFetchResult) result = fetch (f, "/hang", 1, 0, &error);
  gint64 elapsed = g_get_monotonic_time () - start;

  g_assert_null (result);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "did not answer within 1 seconds"));
  /* It gave up near the timeout, not never. */
  g_assert_cmpint (elapsed, <, 10 * G_USEC_PER_SEC);
}

static void
test_endless_body (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestFetchResult) result = fetch (f, "/endless", 5, 1024 * 1024, &error);

  g_assert_null (result);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "larger than"));
  g_assert_cmpuint (f->endless_sent, >, 1024 * 1024);
}

static void
test_wrong_content_type (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestFetchResult) result = fetch (f, "/image", 5, 0, &error);

  g_assert_null (result);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "image/png"));
}

static void
test_gzip (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestFetchResult) result = fetch (f, "/gzip", 5, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (result->body, NULL), g_bytes_get_size (result->body),
                   PAGE, strlen (PAGE));
}

static void
test_charset_from_header (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestFetchResult) result = fetch (f, "/arabic", 5, 0, &error);
  g_autofree char *utf8 = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (result->charset, ==, "windows-1256");
  utf8 = g_convert (g_bytes_get_data (result->body, NULL), g_bytes_get_size (result->body),
                    "UTF-8", result->charset, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (utf8, "مرحبا"));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = g_strconcat (f->base, "/hang", NULL);
  AttestFetchOptions options = { .connect_timeout = 30, .total_timeout = 30 };
  Wait wait = { f->loop, NULL, NULL };

  attest_fetch_url_async (url, &options, cancellable, on_fetched, &wait);
  g_timeout_add_once (200, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  g_main_loop_run (f->loop);

  g_assert_null (wait.result);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&wait.error);
}

int
main (int   argc,
      char *argv[])
{
  /* libsoup honours a proxy even for 127.0.0.1; the fetcher is told not to use one, and
   * the environment is cleared too in case a library reads it. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/attest/fetch/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("page", test_page);
  ADD ("redirect-chain", test_redirect_chain);
  ADD ("too-many-redirects", test_too_many_redirects);
  ADD ("no-other-schemes", test_no_other_schemes);
  ADD ("not-found", test_not_found);
  ADD ("server-never-answers", test_server_never_answers);
  ADD ("endless-body", test_endless_body);
  ADD ("wrong-content-type", test_wrong_content_type);
  ADD ("gzip", test_gzip);
  ADD ("charset-from-header", test_charset_from_header);
  ADD ("cancel", test_cancel);

#undef ADD

  return g_test_run ();
}
