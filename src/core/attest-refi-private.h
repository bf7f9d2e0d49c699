/* attest-refi-private.h: what the exchange formats (REFI-QDA export and import, W3C Web
 * Annotation) share inside the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "attest-store.h"

G_BEGIN_DECLS

/* What an import reads at most. Tests lower them to try the limits with small files. */
typedef struct
{
  guint64 max_total_bytes;    /* unpacked, over every entry read */
  guint64 max_text_bytes;     /* one source's text, as the store takes it */
  guint   max_entries;        /* entries of the zip */
  guint   max_field_chars;    /* a name: code, source, user, title */
  guint   max_note_bytes;     /* a description, comment or memo */
} AttestRefiLimits;

extern AttestRefiLimits _attest_refi_limits;

/* Names of Attest's own codes (see attest-refi.h). */
#define ATTEST_REFI_ROOT_CODE      "Attest"
#define ATTEST_REFI_KINDS_CODE     "Kinds"
#define ATTEST_REFI_SPEAKERS_CODE  "Speakers"

/* Text Variables of a TextSource, by their REFI name. */
typedef enum
{
  ATTEST_REFI_VARIABLE_BYLINE,
  ATTEST_REFI_VARIABLE_OUTLET,
  ATTEST_REFI_VARIABLE_URL,
  ATTEST_REFI_VARIABLE_PUBLISHED,
  ATTEST_REFI_VARIABLE_LANGUAGE,
  ATTEST_REFI_N_VARIABLES
} AttestRefiVariable;

extern const char * const _attest_refi_variable_names[ATTEST_REFI_N_VARIABLES];

/* A name-based GUID (UUID version 5 in Attest's namespace), upper case: the same name gives
 * the same GUID in every export. */
char     *_attest_refi_name_guid        (const char  *format,
                                         ...) G_GNUC_PRINTF (1, 2);
/* A uuid written as a REFI GUID: upper case (a name-based GUID if it is not a uuid). */
char     *_attest_refi_guid             (const char  *uuid);
/* Upper case without braces when text is a GUID as the XSDs define it, else NULL. */
char     *_attest_refi_parse_guid       (const char  *text);
/* "#RGB" or "#RRGGBB" (any case) as "#rrggbb", else NULL. */
char     *_attest_refi_parse_color      (const char  *text);
/* A copy without the characters XML 1.0 cannot hold (C0 controls but tab, LF and CR). */
char     *_attest_refi_xml_safe         (const char  *text);
/* An ISO 8601 time as xsd:dateTime in UTC, or NULL when it is not one. */
char     *_attest_refi_date_time        (const char  *iso8601);

/* One read transaction around an export, so that it sees one state of the project. */
gboolean  _attest_exchange_begin_read   (AttestStore   *store,
                                         GCancellable  *cancellable,
                                         GError       **error);
void      _attest_exchange_end_read     (AttestStore   *store);

/* Cancellation keeps G_IO_ERROR_CANCELLED; any other I/O error becomes ATTEST_ERROR_FAILED
 * prefixed with what was being done. Takes io_error. */
void      _attest_exchange_propagate_io_error (GError     **error,
                                               GError      *io_error,
                                               const char  *doing);

/* Import: the file read and checked, before the project is touched */

typedef enum
{
  ATTEST_REFI_CODE_TAG,      /* becomes a tag */
  ATTEST_REFI_CODE_GROUP,    /* Attest's own grouping codes: not a tag */
  ATTEST_REFI_CODE_KIND,     /* Attest › Kinds › <kind> */
  ATTEST_REFI_CODE_SPEAKER,  /* Attest › Speakers › <kind> › <name> */
} AttestRefiCodeRole;

typedef struct _AttestRefiCode AttestRefiCode;

struct _AttestRefiCode
{
  char                 *guid;
  char                 *name;          /* white space stripped */
  char                 *color;         /* "#rrggbb" or NULL */
  char                 *description;
  char                 *memo;          /* the Notes it refers to */
  gboolean              codable;
  AttestRefiCodeRole    role;
  AttestAnnotationKind  kind;          /* ATTEST_REFI_CODE_KIND */
  char                 *speaker_kind;  /* ATTEST_REFI_CODE_SPEAKER: a source kind key */
  AttestRefiCode       *parent;
  GPtrArray            *children;      /* AttestRefiCode, not owned */
  char                 *uuid;          /* the tag or source it became, once written */
};

typedef struct
{
  char                 *guid;
  guint                 start;         /* in code points of the text as Attest stores it */
  guint                 end;
  AttestAnnotationKind  kind;
  AttestRefiCode       *speaker;
  GPtrArray            *tags;          /* AttestRefiCode, each once, not owned */
  char                 *comment;
  char                 *coder;
} AttestRefiSelection;

typedef struct
{
  char                 *guid;
  char                 *name;          /* as messages name it: its name, else its GUID */
  char                 *title;         /* its name, or NULL: the store takes the first line */
  char                 *description;
  char                 *variables[ATTEST_REFI_N_VARIABLES];
  char                 *body;          /* as attest_text_parse () makes it */
  GPtrArray            *selections;    /* AttestRefiSelection */
} AttestRefiText;

typedef struct
{
  GPtrArray            *codes;         /* AttestRefiCode, parents before children */
  GPtrArray            *texts;         /* AttestRefiText, in the file's order */
  GPtrArray            *warnings;      /* what was skipped, one sentence each */
  guint                 n_skipped;
} AttestRefiModel;

void             _attest_refi_model_free   (AttestRefiModel  *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestRefiModel, _attest_refi_model_free)

/* Reads a .qdpx: its project document and the texts under Sources/ (keyed by their path
 * inside that folder), within _attest_refi_limits. */
gboolean         _attest_refi_read_qdpx    (GFile            *file,
                                            const char       *display,
                                            GCancellable     *cancellable,
                                            GBytes          **project,
                                            GHashTable      **texts,
                                            GError          **error);
/* Parses and checks a project (texts not NULL) or codebook (texts NULL) document. */
AttestRefiModel *_attest_refi_parse        (GBytes           *document,
                                            GHashTable       *texts,
                                            const char       *display,
                                            GCancellable     *cancellable,
                                            GError          **error);

G_END_DECLS
