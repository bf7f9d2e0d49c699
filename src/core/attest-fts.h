/* attest-fts.h: the full-text search tokenizer, unicode61 with Arabic folded as readers
 * of Arabic search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The name the FTS5 tables give in their tokenize option. */
#define ATTEST_FTS_TOKENIZER "attest"

/* Registers the tokenizer on a connection; every connection that opens a project needs it
 * before it touches articles_fts or annotations_fts. */
gboolean  attest_fts_register (sqlite3      *db,
                               GError      **error);

/* What the index keeps of one word (already lower-cased by unicode61): combining marks
 * (Arabic harakat, superscript alef) and tatweel dropped, alef with hamza or madda or wasla
 * as bare alef, alef maqsura as ya, ta marbuta as ha, Arabic-Indic digits as 0-9. */
char     *attest_fts_fold     (const char   *word,
                               gssize        length);

typedef struct
{
  guint start;   /* code points of the text, end exclusive */
  guint end;
} AttestFtsMatch;

/* Where query occurs in text, words compared as the search compares them (case, accents,
 * harakat, tatweel and the Arabic spellings above ignored): the find bar's matching. An
 * array of AttestFtsMatch, in order, not overlapping, at most max_matches. */
GArray   *attest_fts_find_all (const char   *text,
                               const char   *query,
                               guint         max_matches);

G_END_DECLS
