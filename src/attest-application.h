/* attest-application.h: the Attest application, its app-wide actions and windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATTEST_TYPE_APPLICATION (attest_application_get_type ())
G_DECLARE_FINAL_TYPE (AttestApplication, attest_application, ATTEST, APPLICATION, AdwApplication)

AttestApplication *attest_application_new          (void);
/* Opens the project at file in a window: the active one when it shows no project yet, or a
 * new one. Errors are shown to the user. */
void               attest_application_open_project (AttestApplication *self,
                                                    GFile             *file);

G_END_DECLS
