/* attest-refi-parse-private.h: reading a REFI-QDA document, shared by the parser of the
 * document and codebook (attest-refi-parse.c) and that of its sources (attest-refi-texts.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "attest-refi-private.h"

G_BEGIN_DECLS

typedef struct
{
  const char      *display;
  const char      *ns;          /* the namespace of the document's elements */
  GHashTable      *texts;       /* zip: lower-case path in Sources/ -> GBytes; NULL: .qdc */
  AttestRefiModel *model;
  GHashTable      *guids;       /* every GUID the document defines -> what it is */
  GHashTable      *users;       /* GUID -> name */
  GHashTable      *notes;       /* GUID -> text */
  GHashTable      *variables;   /* GUID -> AttestRefiVariable + 1 */
  GHashTable      *codes;       /* GUID -> AttestRefiCode */
} AttestRefiParser;

/* Sets ATTEST_ERROR_INVALID_INPUT, "<file>: <reason>", and returns FALSE. */
gboolean  _attest_refi_invalid            (AttestRefiParser  *parser,
                                           GError           **error,
                                           const char        *format,
                                           ...) G_GNUC_PRINTF (3, 4);
/* Records something skipped in the model's warnings. */
void      _attest_refi_skipped            (AttestRefiParser  *parser,
                                           const char        *format,
                                           ...) G_GNUC_PRINTF (2, 3);

gboolean  _attest_refi_is_element         (AttestRefiParser  *parser,
                                           xmlNode           *node,
                                           const char        *name);
xmlNode  *_attest_refi_first_child        (AttestRefiParser  *parser,
                                           xmlNode           *node,
                                           const char        *name);
char     *_attest_refi_get_attribute      (xmlNode           *node,
                                           const char        *name);
char     *_attest_refi_get_content        (xmlNode           *node);
/* The text of a child element such as <Description>: NULL when there is none or it is
 * blank; an error when it is longer than the limit. */
gboolean  _attest_refi_get_note_text      (AttestRefiParser  *parser,
                                           xmlNode           *node,
                                           const char        *element,
                                           const char        *owner,
                                           char             **text,
                                           GError           **error);
/* Checks a name's length and strips white space around it in place. */
gboolean  _attest_refi_check_name         (AttestRefiParser  *parser,
                                           const char        *what,
                                           char              *name,
                                           GError           **error);
/* Reads the node's guid, which it defines: well formed and used nowhere else. */
gboolean  _attest_refi_define_guid        (AttestRefiParser  *parser,
                                           xmlNode           *node,
                                           const char        *what,
                                           char             **guid,
                                           GError           **error);
/* An optional GUID attribute such as creatingUser: NULL when absent. */
gboolean  _attest_refi_get_guid_attribute (AttestRefiParser  *parser,
                                           xmlNode           *node,
                                           const char        *name,
                                           char             **guid,
                                           GError           **error);
/* The texts of the notes a node refers to, joined, or NULL. */
char     *_attest_refi_referred_notes     (AttestRefiParser  *parser,
                                           xmlNode           *node);

/* attest-refi-texts.c */
void      _attest_refi_text_free          (AttestRefiText    *text);
gboolean  _attest_refi_parse_sources      (AttestRefiParser  *parser,
                                           xmlNode           *sources,
                                           GCancellable      *cancellable,
                                           GError           **error);

G_END_DECLS
