/* attest-article-incidents.h: the incidents an article (or any of its quotes) is evidence
 * of, for the reader's side panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_ARTICLE_INCIDENTS (attest_article_incidents_get_type ())
G_DECLARE_FINAL_TYPE (AttestArticleIncidents, attest_article_incidents, ATTEST, ARTICLE_INCIDENTS, GtkWidget)

/* Signals:
 *   "incident-activated" (const char *uuid): the user activated one of the incidents.
 */

GtkWidget   *attest_article_incidents_new              (void);
AttestStore *attest_article_incidents_get_store        (AttestArticleIncidents *self);
void         attest_article_incidents_set_store        (AttestArticleIncidents *self,
                                                        AttestStore            *store);
const char  *attest_article_incidents_get_article_uuid (AttestArticleIncidents *self);
void         attest_article_incidents_set_article_uuid (AttestArticleIncidents *self,
                                                        const char             *uuid);
/* How many incidents are listed. */
guint        attest_article_incidents_get_n_incidents  (AttestArticleIncidents *self);

G_END_DECLS
