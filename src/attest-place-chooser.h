/* attest-place-chooser.h: picks an incident's place by typing any spelling of it: the
 * project's gazetteer with its other spellings, and the ISO 3166-2 subdivisions ("Salah
 * al-Din Governorate" is IQ-SD); names a new place, or adds the typed text as another
 * spelling of the current one. All from the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_PLACE_CHOOSER (attest_place_chooser_get_type ())
G_DECLARE_FINAL_TYPE (AttestPlaceChooser, attest_place_chooser, ATTEST, PLACE_CHOOSER, GtkPopover)

/* Signals:
 *   "place-chosen" (const char *uuid, const char *name): a place of the gazetteer was chosen:
 *     one already there, one just made from a subdivision or a new name, or the current
 *     place after the typed text became another spelling of it. The popover has closed.
 *
 * Actions (Up, Down, Enter in the search fields; Escape on the second page):
 *   "place.previous", "place.next": move the highlighted row.
 *   "place.choose": picks the highlighted row.
 *   "place.back": from "which governorate?" back to the search.
 *
 * Every place or spelling it adds is one undoable change of the store.
 */

GtkWidget   *attest_place_chooser_new            (void);
AttestStore *attest_place_chooser_get_store      (AttestPlaceChooser *self);
void         attest_place_chooser_set_store      (AttestPlaceChooser *self,
                                                  AttestStore        *store);
/* The place chosen so far; the typed text can become another spelling of it. */
const char  *attest_place_chooser_get_place_uuid (AttestPlaceChooser *self);
void         attest_place_chooser_set_place_uuid (AttestPlaceChooser *self,
                                                  const char         *place_uuid);
/* "search" or "new". */
const char  *attest_place_chooser_get_page       (AttestPlaceChooser *self);

G_END_DECLS
