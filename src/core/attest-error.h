/* attest-error.h: the error domain of the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATTEST_ERROR (attest_error_quark ())

typedef enum
{
  ATTEST_ERROR_FAILED,          /* SQLite or I/O failure, message says which */
  ATTEST_ERROR_NEWER_PROJECT,   /* made by a newer Attest: refused, untouched */
  ATTEST_ERROR_NOT_A_PROJECT,   /* not an SQLite file, or not an Attest one */
  ATTEST_ERROR_NOT_FOUND,       /* no article, source or annotation with that id */
  ATTEST_ERROR_DUPLICATE,       /* same text imported before */
  ATTEST_ERROR_INVALID_INPUT,   /* invalid UTF-8, binary, empty, out-of-range span */
  ATTEST_ERROR_AMBIGUOUS,       /* a text or name matches more than one thing */
  ATTEST_ERROR_NOTHING_TO_UNDO,
  ATTEST_ERROR_CONFLICT,        /* a merge found edits on both sides and no resolution */
} AttestError;

GQuark attest_error_quark (void);

G_END_DECLS
