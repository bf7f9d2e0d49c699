/* attest-refi.h: exchange with other qualitative-analysis tools through REFI-QDA 1.0
 * (ATLAS.ti, MAXQDA, NVivo, QualCoder, …): the codebook (.qdc) and the whole project
 * (.qdpx), out and in.
 *
 * How Attest's project maps onto REFI-QDA (namespaces urn:QDA-XML:project:1.0 and
 * urn:QDA-XML:codebook:1.0, checked against Project-mrt2019.xsd and Codebook-mrt2019.xsd):
 *
 * - Tags are Codes (guid = the tag's uuid, name, color, Description = its description),
 *   nested as in the codebook. A tag's memo is a Note the Code points at with a NoteRef.
 * - Attest's own vocabulary sits under one top-level, not codable Code "Attest":
 *     Attest › Kinds › direct | indirect | claim | note
 *       one codable Code per annotation kind, named by its key; every selection is coded
 *       with exactly one of them.
 *     Attest › Speakers › <source kind key> › <source name>
 *       one codable Code per source (guid = the source's uuid), grouped by kind; a quote is
 *       coded with its speaker's Code.
 *   Their GUIDs are name-based (UUID version 5 in Attest's namespace), the same in every
 *   export. The .qdc codebook carries the tags and Attest › Kinds only.
 * - Articles are TextSources (guid = the article's uuid, name = its title, Description = its
 *   description) whose text is Sources/<GUID>.txt in the zip, referred to as
 *   plainTextPath="internal://<GUID>.txt": the stored body exactly, UTF-8 without a byte
 *   order mark, LF line ends. Byline, outlet, URL, publication date and language are
 *   VariableValues of the Text Variables "Byline", "Outlet", "URL", "Published", "Language".
 * - Annotations are PlainTextSelections (guid = the annotation's uuid) with startPosition and
 *   endPosition in Unicode code points of that text, end exclusive — the same numbers Attest
 *   stores, so nothing shifts on emoji, Arabic or line ends. The comment is the selection's
 *   Description; its Codings point at the kind, the speaker and each tag.
 * - Coders are Users (guid name-based from the coder's name), named as creatingUser of their
 *   selections and codings.
 *
 * Importing reads any REFI-QDA 1.0 project or codebook: Codes become tags (hierarchy and
 * colours kept; a tag of the same name under the same parent is reused), TextSources with
 * their text in the zip or in PlainTextContent become articles (a text already in the project
 * is reused, not duplicated), PlainTextSelections with their Codings become annotations: of
 * kind note unless coded under Attest › Kinds, with the speaker coded under Attest › Speakers,
 * and the other codes as tags. Offsets count code points of the source's text without a byte
 * order mark; when Attest's normalisation of the text (CRLF to LF, blank lines collapsed)
 * moves characters, the selections move with them. A selection's Description, or else the
 * Notes it refers to, becomes the comment; its creatingUser the coder. Pictures, PDFs, audio
 * and video, codings of whole sources, and text kept outside the project file are skipped and
 * listed in the summary's warnings.
 *
 * Everything is read and checked before the project is changed: a damaged or hostile file
 * (not a zip, wrong element types, missing or duplicate GUIDs, huge strings, offsets outside
 * the text, more than 500 MB unpacked or 100,000 entries, names that climb out of the
 * archive, another version of the format) is refused with ATTEST_ERROR_INVALID_INPUT and the
 * project is not touched. Then tags and sources are added, the articles in one batch, and
 * the annotations; all but the articles are undoable steps (one per tag, source, annotation
 * and tagging). Should the project itself fail part way (disk full), the tags, sources and
 * annotations added are deleted again; the articles of a committed batch stay, as the store
 * has no operation to remove an article. A cancel is honoured until the articles are in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "attest-store.h"

G_BEGIN_DECLS

#define ATTEST_REFI_PROJECT_NAMESPACE  "urn:QDA-XML:project:1.0"
#define ATTEST_REFI_CODEBOOK_NAMESPACE "urn:QDA-XML:codebook:1.0"

typedef struct
{
  guint      n_articles;           /* articles added */
  guint      n_existing_articles;  /* text sources whose text the project already held */
  guint      n_tags;               /* tags added */
  guint      n_sources;            /* sources (speakers) added */
  guint      n_annotations;        /* annotations added */
  guint      n_duplicates;         /* selections the project already held, not added again */
  guint      n_skipped;            /* things Attest cannot hold; each is in warnings */
  GPtrArray *article_uuids;        /* the articles of the file's text sources, in its order */
  GPtrArray *warnings;             /* one sentence for each thing skipped */
} AttestRefiImportSummary;

void     attest_refi_import_summary_free (AttestRefiImportSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestRefiImportSummary, attest_refi_import_summary_free)

/* The codebook as a .qdc document (XML). Streams. */
gboolean attest_export_qdc               (AttestStore              *store,
                                          GOutputStream            *stream,
                                          GCancellable             *cancellable,
                                          GError                  **error);
/* The project as a .qdpx archive (a zip of project.qde and Sources/). Streams: memory holds
 * one article at a time. */
gboolean attest_export_qdpx              (AttestStore              *store,
                                          GOutputStream            *stream,
                                          GCancellable             *cancellable,
                                          GError                  **error);
/* format: "w3c" (see attest-w3c.h), "qdc" or "qdpx". Atomic, as attest_export_to_file():
 * a failed or cancelled export leaves no file and an existing one as it was. */
gboolean attest_export_exchange_to_file  (AttestStore              *store,
                                          const char               *format,
                                          GFile                    *file,
                                          GCancellable             *cancellable,
                                          GError                  **error);

/* summary may be NULL. On failure the project is as it was and *summary is not set. */
gboolean attest_refi_import_qdpx         (AttestStore              *store,
                                          GFile                    *file,
                                          GCancellable             *cancellable,
                                          AttestRefiImportSummary **summary,
                                          GError                  **error);
/* Codes become tags (and Attest › Speakers codes sources). */
gboolean attest_refi_import_qdc          (AttestStore              *store,
                                          GFile                    *file,
                                          GCancellable             *cancellable,
                                          AttestRefiImportSummary **summary,
                                          GError                  **error);

G_END_DECLS
