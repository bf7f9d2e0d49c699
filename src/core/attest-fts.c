/* attest-fts.c: the "attest" FTS5 tokenizer.
 *
 * unicode61 alone treats Arabic harakat as separators (كَتَبَ becomes the three tokens
 * ك ت ب) and keeps tatweel, hamza and the other spelling variants that Arabic readers do
 * not type. This tokenizer runs unicode61 with combining marks as part of words, then folds
 * each token; the byte offsets it reports are unicode61's, into the original text, so
 * snippet () and highlight () mark the words as they are written. The query goes through
 * the same tokenizer, so a search for كتب finds كَتَبَ and الكتاب finds ألكتاب.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-fts"

#include "config.h"

#include <string.h>

#include "attest-error.h"
#include "attest-fts.h"

/* unicode61 as the tables used it before, plus nonspacing marks (Mn) inside words. */
static const char *inner_args[] = {
  "remove_diacritics", "2",
  "categories", "L* N* Co Mn",
};

typedef struct
{
  fts5_tokenizer  inner;
  Fts5Tokenizer  *inner_tokenizer;
} Tokenizer;

typedef struct
{
  void  *ctx;
  int  (*token) (void       *ctx,
                 int         flags,
                 const char *token,
                 int         n_token,
                 int         start,
                 int         end);
  char   stack[128];
} TokenContext;

/* One character as the index keeps it: 0 for what it drops (harakat and other nonspacing
 * marks, tatweel), the plain form of an Arabic spelling variant or digit, else itself. */
static gunichar
fold_char (gunichar c)
{
  if (c == 0x0640 || g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
    return 0;                                          /* tatweel, harakat */
  if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671 || c == 0x0672 || c == 0x0673)
    return 0x0627;                                     /* آ أ إ ٱ → ا */
  if (c == 0x0649)
    return 0x064A;                                     /* ى → ي */
  if (c == 0x0629)
    return 0x0647;                                     /* ة → ه */
  if (c >= 0x0660 && c <= 0x0669)
    return '0' + (c - 0x0660);                         /* ٠-٩ */
  if (c >= 0x06F0 && c <= 0x06F9)
    return '0' + (c - 0x06F0);                         /* ۰-۹ */
  return c;
}

/* Writes the folded form of in[0..len) to out, which has room for len bytes (folding
 * never lengthens a word); returns its length. */
static gsize
fold_into (const char *in,
           gsize       len,
           char       *out)
{
  const char *p = in;
  const char *end = in + len;
  gsize n = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;
      gunichar folded;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not ours to judge: copy the byte as it is. */
          out[n++] = *p++;
          continue;
        }
      next = g_utf8_next_char (p);

      folded = fold_char (c);
      if (folded == c)
        {
          memcpy (out + n, p, next - p);
          n += next - p;
        }
      else if (folded != 0)
        n += g_unichar_to_utf8 (folded, out + n);
      p = next;
    }

  return n;
}

static gboolean
is_ascii (const char *text,
          int         len)
{
  for (int i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;
  return TRUE;
}

static int
fold_token (void       *user_data,
            int         flags,
            const char *token,
            int         n_token,
            int         start,
            int         end)
{
  TokenContext *context = user_data;
  g_autofree char *heap = NULL;
  char *out;
  gsize n;

  if (n_token <= 0 || is_ascii (token, n_token))
    return context->token (context->ctx, flags, token, n_token, start, end);

  out = (gsize) n_token <= sizeof context->stack ? context->stack
                                                 : (heap = g_malloc (n_token));
  n = fold_into (token, n_token, out);
  /* A "word" of tatweel or marks alone is nothing to search for. */
  if (n == 0)
    return SQLITE_OK;

  return context->token (context->ctx, flags, out, n, start, end);
}

static int
tokenizer_create (void           *user_data,
                  const char    **args,
                  int             n_args,
                  Fts5Tokenizer **out)
{
  fts5_api *api = user_data;
  void *inner_data = NULL;
  Tokenizer *self = g_new0 (Tokenizer, 1);
  int rc;

  rc = api->xFindTokenizer (api, "unicode61", &inner_data, &self->inner);
  if (rc == SQLITE_OK)
    {
      if (n_args == 0)
        {
          args = inner_args;
          n_args = G_N_ELEMENTS (inner_args);
        }
      rc = self->inner.xCreate (inner_data, args, n_args, &self->inner_tokenizer);
    }
  if (rc != SQLITE_OK)
    {
      g_free (self);
      return rc;
    }

  *out = (Fts5Tokenizer *) self;
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
  Tokenizer *self = (Tokenizer *) tokenizer;

  if (self->inner_tokenizer != NULL)
    self->inner.xDelete (self->inner_tokenizer);
  g_free (self);
}

static int
tokenizer_tokenize (Fts5Tokenizer *tokenizer,
                    void          *ctx,
                    int            flags,
                    const char    *text,
                    int            n_text,
                    int          (*token) (void       *ctx,
                                           int         flags,
                                           const char *token,
                                           int         n_token,
                                           int         start,
                                           int         end))
{
  Tokenizer *self = (Tokenizer *) tokenizer;
  TokenContext context = { ctx, token };

  return self->inner.xTokenize (self->inner_tokenizer, &context, flags, text, n_text,
                                fold_token);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api != NULL && api->iVersion >= 2 ? api : NULL;
}

gboolean
attest_fts_register (sqlite3  *db,
                     GError  **error)
{
  fts5_api *api = get_fts5_api (db);
  fts5_tokenizer methods = { tokenizer_create, tokenizer_delete, tokenizer_tokenize };

  if (api == NULL
      || api->xCreateTokenizer (api, ATTEST_FTS_TOKENIZER, api, &methods, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                   "SQLite has no FTS5 full-text search: %s", sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

char *
attest_fts_fold (const char *word,
                 gssize      length)
{
  gsize len = length < 0 ? strlen (word) : (gsize) length;
  char *out = g_malloc (len + 1);

  out[fold_into (word, len, out)] = '\0';
  return out;
}

/* The text lower-cased, decomposed and folded character by character, with the code-point
 * offset in text that each folded character comes from. */
static void
fold_for_find (const char *text,
               GArray     *chars,
               GArray     *sources)
{
  guint offset = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = g_unichar_fully_decompose (g_unichar_tolower (g_utf8_get_char (p)), FALSE,
                                           decomposed, G_N_ELEMENTS (decomposed));

      for (gsize i = 0; i < n; i++)
        {
          gunichar c = fold_char (decomposed[i]);

          if (c == 0)
            continue;
          g_array_append_val (chars, c);
          if (sources != NULL)
            g_array_append_val (sources, offset);
        }
    }
}

GArray *
attest_fts_find_all (const char *text,
                     const char *query,
                     guint       max_matches)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GArray) sources = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) needle = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (AttestFtsMatch));
  const gunichar *hay;
  const gunichar *q;
  guint n_chars;

  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), matches);
  g_return_val_if_fail (query != NULL && g_utf8_validate (query, -1, NULL), matches);

  fold_for_find (text, chars, sources);
  fold_for_find (query, needle, NULL);
  if (needle->len == 0 || needle->len > chars->len)
    return matches;

  n_chars = g_utf8_strlen (text, -1);
  hay = (const gunichar *) chars->data;
  q = (const gunichar *) needle->data;
  for (guint i = 0; i + needle->len <= chars->len && matches->len < max_matches; i++)
    {
      AttestFtsMatch match;
      guint last;

      if (hay[i] != q[0] || memcmp (hay + i, q, needle->len * sizeof (gunichar)) != 0)
        continue;

      /* The span ends where the next kept character begins, so that the marks after the
       * last letter (كَتَبَ's final fatha) are part of it. */
      last = i + needle->len - 1;
      match.start = g_array_index (sources, guint, i);
      if (last + 1 < sources->len
          && g_array_index (sources, guint, last + 1) > g_array_index (sources, guint, last))
        match.end = g_array_index (sources, guint, last + 1);
      else if (last + 1 < sources->len)
        match.end = g_array_index (sources, guint, last) + 1;
      else
        match.end = n_chars;
      g_array_append_val (matches, match);
      i = last;
    }

  return matches;
}
