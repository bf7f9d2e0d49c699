/* attest-source-list.h: a GListModel of a project's sources that keeps the objects of
 * unchanged sources across reloads, so views keep their rows, selection and scroll.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_SOURCE_LIST (attest_source_list_get_type ())
G_DECLARE_FINAL_TYPE (AttestSourceList, attest_source_list, ATTEST, SOURCE_LIST, GObject)

AttestSourceList *attest_source_list_new       (AttestStore      *store);
AttestStore      *attest_source_list_get_store (AttestSourceList *self);
/* Re-reads the sources and emits one items-changed for the range that differs. */
void              attest_source_list_reload    (AttestSourceList *self);
/* Shows these AttestSources (in order) as a reload would: unchanged ones keep their
 * objects, only the changed range is reported. For sources read elsewhere (a worker). */
void              attest_source_list_set_sources (AttestSourceList *self,
                                                  GPtrArray        *fresh);
/* Position of the source with that uuid, or G_MAXUINT. */
guint             attest_source_list_find      (AttestSourceList *self,
                                                const char       *uuid);

/* Type-ahead matching of a source by its name and aliases, ignoring case and accents
 * (Latin diacritics and Arabic harakat alike). */
char             *attest_source_fold           (const char       *text);
/* folded_key from attest_source_fold (). 0: the name or an alias is the key; 1: one starts
 * with it, or a word in one does; 2: one contains it; -1: no match. An empty key matches
 * every source with 2. */
int               attest_source_match          (AttestSource     *source,
                                                const char       *folded_key);

G_END_DECLS
