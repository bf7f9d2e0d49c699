/* attest-geo.h: countries and their first-level subdivisions from Debian's iso-codes
 * (ISO 3166-1 and 3166-2), and the name matching that finds them however an article
 * spells them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *code;          /* "IQ" or "IQ-SD" */
  char *name;          /* "Iraq" or "Şalāḩ ad Dīn" */
  char *type;          /* "Governorate" for subdivisions, NULL for countries */
  char *country_code;  /* "IQ" */
} AttestGeoEntry;

void        attest_geo_entry_free       (AttestGeoEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestGeoEntry, attest_geo_entry_free)

/* A key for comparing place names: no diacritics or case, no "governorate", "province" or
 * Arabic article ("al-", "ad", "el-"), no punctuation. "Salah al-Din Governorate" and
 * "Şalāḩ ad Dīn" both give "salah din". */
char       *attest_geo_name_key         (const char *name);

/* By name (any spelling the key folds together) or code. NULL when unknown or when the
 * iso-codes data is missing. */
AttestGeoEntry *attest_geo_find_country (const char *name_or_code);

/* Subdivisions whose name key equals or starts with the query's, optionally in one country,
 * best first; at most limit. */
GPtrArray  *attest_geo_find_subdivisions (const char *query,
                                          const char *country_code,
                                          guint       limit);

/* Where the JSON files are: $ATTEST_ISO_CODES_DIR, else /usr/share/iso-codes/json. */
gboolean    attest_geo_available        (void);

G_END_DECLS
