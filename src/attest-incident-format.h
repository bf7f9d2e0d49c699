/* attest-incident-format.h: how incidents read in every view: "4–6 Apr 2020", "10–12".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "attest-core.h"

G_BEGIN_DECLS

/* "10–12", "≥5", "7" or "?" from estimates where ATTEST_UNKNOWN is unknown: the range when
 * both ends are known, else the best estimate, else what one end says. */
char *attest_format_casualties    (gint64          low,
                                   gint64          best,
                                   gint64          high);
/* "4 Apr 2020", "4–6 Apr 2020", "Week of 4 Apr 2020", "Apr 2020", "2020" or "Undated": as
 * precise as the date is. */
char *attest_format_dates         (const char     *start,
                                   const char     *end,
                                   const char     *precision);
char *attest_format_incident_date (AttestIncident *incident);

G_END_DECLS
