/* attest-w3c.h: the project's annotations as a W3C Web Annotation collection (JSON-LD).
 *
 * The document is one AnnotationCollection (id urn:uuid:<project uuid>, label the project's
 * name, total) with every annotation in its first and only AnnotationPage, in reading order:
 * article by article, then by position. Each annotation carries its own @context,
 * ["http://www.w3.org/ns/anno.jsonld", {"attest": "https://attest.io/ns#"}], so it stands
 * alone when a consumer takes it out of the page, and is:
 *
 *   id          urn:uuid:<annotation uuid>
 *   motivation  "classifying" for direct and indirect quotes and claims (the span is
 *               classified as one); a note is "commenting" when it has a comment, else
 *               "tagging" when it has tags, else "highlighting".
 *   created, modified   as recorded, xsd:dateTime in UTC.
 *   creator     the coder: {"id": "urn:uuid:<name-based uuid>", "type": "Person", "name"}.
 *   body        TextualBodies, each with a purpose:
 *                 classifying  "direct quote" | "indirect quote" | "claim", with
 *                              "attest:kind": "direct" | "indirect" | "claim";
 *                 identifying  the speaker's name, with "attest:source" (urn:uuid of the
 *                              source) and "attest:sourceKind" (its kind's key);
 *                 tagging      a tag's name, with "attest:tag" (urn:uuid of the tag);
 *                 commenting   the comment;
 *                 assessing    the claim status: unverified, corroborated, disputed, false.
 *   target      a SpecificResource whose source is the article's URL when it has a valid
 *               one, else urn:uuid:<article uuid>, with "attest:article" naming the article
 *               either way, and two selectors for the same span: a TextQuoteSelector (exact,
 *               prefix, suffix) and a TextPositionSelector (start, end in Unicode code points
 *               of the article's text as Attest stores it, end exclusive, as the model
 *               defines positions). On the live page, whose text holds more than the
 *               article's, the quote selector is the one that finds the span.
 *
 * It streams: one annotation is in memory at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "attest-store.h"

G_BEGIN_DECLS

#define ATTEST_W3C_CONTEXT   "http://www.w3.org/ns/anno.jsonld"
#define ATTEST_W3C_NAMESPACE "https://attest.io/ns#"

gboolean attest_export_w3c (AttestStore    *store,
                            GOutputStream  *stream,
                            GCancellable   *cancellable,
                            GError        **error);

G_END_DECLS
