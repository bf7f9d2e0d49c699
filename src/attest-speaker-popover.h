/* attest-speaker-popover.h: picks a source by typing part of its name or an alias, or
 * names a new one; all from the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_SPEAKER_POPOVER (attest_speaker_popover_get_type ())
G_DECLARE_FINAL_TYPE (AttestSpeakerPopover, attest_speaker_popover, ATTEST, SPEAKER_POPOVER, GtkPopover)

/* Signals:
 *   "speaker-chosen" (const char *uuid, const char *name, const char *kind): a source of the
 *     project was picked, or, with uuid NULL, the user asked for a new source with that name
 *     and kind key. The popover has closed when it is emitted.
 *
 * Actions (Up, Down and Enter in the search field):
 *   "speaker.previous", "speaker.next": move the highlighted row.
 *   "speaker.choose": picks the highlighted row.
 */

GtkWidget   *attest_speaker_popover_new              (void);
AttestStore *attest_speaker_popover_get_store        (AttestSpeakerPopover *self);
void         attest_speaker_popover_set_store        (AttestSpeakerPopover *self,
                                                      AttestStore          *store);
/* Whether a "Create “…”" row is offered when nothing matches exactly (default TRUE). */
gboolean     attest_speaker_popover_get_allow_create (AttestSpeakerPopover *self);
void         attest_speaker_popover_set_allow_create (AttestSpeakerPopover *self,
                                                      gboolean              allow_create);
/* A source that is not offered, e.g. the one being merged. */
const char  *attest_speaker_popover_get_exclude_uuid (AttestSpeakerPopover *self);
void         attest_speaker_popover_set_exclude_uuid (AttestSpeakerPopover *self,
                                                      const char           *uuid);
/* A line above the search, saying what the choice is for; NULL for none. */
const char  *attest_speaker_popover_get_heading      (AttestSpeakerPopover *self);
void         attest_speaker_popover_set_heading      (AttestSpeakerPopover *self,
                                                      const char           *heading);
/* The text typed so far. */
const char  *attest_speaker_popover_get_text         (AttestSpeakerPopover *self);
void         attest_speaker_popover_set_text         (AttestSpeakerPopover *self,
                                                      const char           *text);

G_END_DECLS
