/* attest-tag.h: a code of the codebook, which may sit under another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "attest-types.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_TAG (attest_tag_get_type ())
G_DECLARE_FINAL_TYPE (AttestTag, attest_tag, ATTEST, TAG, GObject)

gint64      attest_tag_get_id            (AttestTag *self);
const char *attest_tag_get_uuid          (AttestTag *self);
const char *attest_tag_get_name          (AttestTag *self);
/* NULL at the top of the codebook. */
const char *attest_tag_get_parent_uuid   (AttestTag *self);
/* "#rrggbb" or NULL */
const char *attest_tag_get_color         (AttestTag *self);
const char *attest_tag_get_description   (AttestTag *self);
const char *attest_tag_get_memo          (AttestTag *self);
/* Annotations and sources tagged with this tag itself (not its children). */
guint       attest_tag_get_n_annotations (AttestTag *self);
guint       attest_tag_get_n_sources     (AttestTag *self);

G_END_DECLS
