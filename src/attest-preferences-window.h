/* attest-preferences-window.h: Attest's preferences: who codes, the default kind of a new
 * annotation and the reader's highlight colours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATTEST_TYPE_PREFERENCES_WINDOW (attest_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (AttestPreferencesWindow, attest_preferences_window, ATTEST, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* settings: of the io.attest.Attest schema. A row whose key the schema lacks is hidden, so
 * the window works with an older schema. */
AttestPreferencesWindow *attest_preferences_window_new          (GtkWindow               *parent,
                                                                 GSettings               *settings);
GSettings               *attest_preferences_window_get_settings (AttestPreferencesWindow *self);

G_END_DECLS
