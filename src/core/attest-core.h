/* attest-core.h: everything the GTK application and attest-cli use of the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "attest-types.h"
#include "attest-error.h"
#include "attest-article.h"
#include "attest-source.h"
#include "attest-annotation.h"
#include "attest-tag.h"
#include "attest-incident.h"
#include "attest-geo.h"
#include "attest-store.h"
#include "attest-text.h"
#include "attest-export.h"
#include "attest-fetch.h"
#include "attest-pdf.h"
#include "attest-html.h"
#include "attest-import.h"
#include "attest-merge.h"
#include "attest-agreement.h"
#include "attest-suggest.h"
#include "attest-article-list.h"
