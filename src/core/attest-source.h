/* attest-source.h: a person, group or publication quoted in articles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "attest-types.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_SOURCE (attest_source_get_type ())
G_DECLARE_FINAL_TYPE (AttestSource, attest_source, ATTEST, SOURCE, GObject)

gint64              attest_source_get_id          (AttestSource *self);
const char         *attest_source_get_uuid        (AttestSource *self);
const char         *attest_source_get_name        (AttestSource *self);
const char         *attest_source_get_kind        (AttestSource *self);
const char         *attest_source_get_role        (AttestSource *self);
const char         *attest_source_get_affiliation (AttestSource *self);
gboolean            attest_source_get_anonymous   (AttestSource *self);
gboolean            attest_source_get_is_group    (AttestSource *self);
const char         *attest_source_get_notes       (AttestSource *self);
/* NULL-terminated, never NULL. */
const char * const *attest_source_get_aliases     (AttestSource *self);
/* Direct and indirect quotes by this source, and the articles it speaks in. */
guint               attest_source_get_n_quotes    (AttestSource *self);
guint               attest_source_get_n_articles  (AttestSource *self);
/* The uuids of its tags, by tag name; NULL-terminated, never NULL. */
const char * const *attest_source_get_tag_uuids   (AttestSource *self);

G_END_DECLS
