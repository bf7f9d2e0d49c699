/* attest-store.h: an Attest project, one SQLite file, and the operations that change it.
 *
 * Every change a user makes goes through the functions here. Changes to annotations,
 * sources, tags and incidents are recorded as undoable steps; imports are not (they are
 * undone by deleting the article).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "attest-types.h"
#include "attest-article.h"
#include "attest-source.h"
#include "attest-annotation.h"
#include "attest-tag.h"
#include "attest-incident.h"
#include "attest-fetch.h"

G_BEGIN_DECLS

/* The schema version this build writes; PRAGMA user_version of a current project. */
#define ATTEST_SCHEMA_VERSION 7

#define ATTEST_TYPE_STORE (attest_store_get_type ())
G_DECLARE_FINAL_TYPE (AttestStore, attest_store, ATTEST, STORE, GObject)

/* Signals:
 *   "changed" (detailed: "articles", "sources", "annotations", "tags", "incidents"):
 *     emitted on the thread that made the change, after it was committed (also after an
 *     undo or redo). Views reload what they show.
 */

/* Optional metadata given with an import; every field may be NULL. */
typedef struct
{
  const char *title;
  const char *byline;
  const char *outlet;
  const char *url;
  const char *published;  /* ISO 8601 date */
  const char *language;   /* BCP 47 tag */
  const char *origin;     /* where it came from: a path, a URL, "paste" */
  const char *description;
} AttestArticleMeta;

typedef struct
{
  char   *article_uuid;
  char   *title;
  char   *snippet;       /* with [ and ] around the matched words */
  char   *annotation_uuid; /* set when the hit is in a quote or note */
  double  rank;          /* bm25: lower is better */
} AttestSearchHit;

/* Narrows a search; NULL fields do not filter. */
typedef struct
{
  const char *outlet;
  const char *date_from;    /* YYYY-MM-DD, inclusive */
  const char *date_to;      /* YYYY-MM-DD, inclusive */
  const char *source_kind;  /* articles and quotes with a speaker of this kind */
  const char *tag_uuid;     /* ... with an annotation under this tag or its children */
} AttestSearchFilter;

void attest_search_hit_free (AttestSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestSearchHit, attest_search_hit_free)

typedef struct
{
  guint articles;
  guint sources;
  guint annotations;
  guint quotes;         /* direct + indirect */
  guint tags;
  guint incidents;
  guint collections;
  guint by_kind[ATTEST_ANNOTATION_N_KINDS];
} AttestStats;

/* Opening and creating */
AttestStore      *attest_store_open              (const char         *path,
                                                  GError            **error);
AttestStore      *attest_store_create            (const char         *path,
                                                  GError            **error);
const char       *attest_store_get_path          (AttestStore        *self);
const char       *attest_store_get_project_uuid  (AttestStore        *self);
const char       *attest_store_get_project_name  (AttestStore        *self);
gboolean          attest_store_set_project_name  (AttestStore        *self,
                                                  const char         *name,
                                                  GError            **error);
/* Bumped on every committed change; list models compare it to know when to reload. */
guint64           attest_store_get_generation    (AttestStore        *self);

/* Import */
char             *attest_store_import_text       (AttestStore              *self,
                                                  const char               *data,
                                                  gssize                    length,
                                                  const AttestArticleMeta  *meta,
                                                  GError                  **error);
/* Text, Markdown, HTML (main text extracted) or PDF (text layer). content_type may be NULL:
 * then the origin's file name, then the bytes themselves, tell. */
char             *attest_store_import_bytes      (AttestStore              *self,
                                                  GBytes                   *bytes,
                                                  const char               *content_type,
                                                  const char               *charset,
                                                  const AttestArticleMeta  *meta,
                                                  GError                  **error);
/* Imports a fetched page and keeps the bytes as served, with where and when, beside it. */
char             *attest_store_import_fetched    (AttestStore              *self,
                                                  AttestFetchResult        *fetched,
                                                  const AttestArticleMeta  *meta,
                                                  GError                  **error);
char             *attest_store_import_file       (AttestStore              *self,
                                                  GFile                    *file,
                                                  const AttestArticleMeta  *meta,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);

/* Imports inside a batch share one transaction: far faster for many files, and the batch
 * is all there or not at all. end_batch with commit FALSE rolls the batch back. Undoable
 * operations may not run inside a batch. */
gboolean          attest_store_begin_batch       (AttestStore        *self,
                                                  GError            **error);
gboolean          attest_store_end_batch         (AttestStore        *self,
                                                  gboolean            commit,
                                                  GError            **error);

/* Queries. Lists return arrays of owned objects, in a stable order. */
GPtrArray        *attest_store_list_articles     (AttestStore        *self,
                                                  GError            **error);
GArray           *attest_store_list_article_ids  (AttestStore        *self,
                                                  GError            **error);
AttestArticle    *attest_store_get_article_by_id (AttestStore        *self,
                                                  gint64              id,
                                                  gboolean            with_body,
                                                  GError            **error);
/* Accepts a full UUID or a unique prefix of at least 4 characters. */
AttestArticle    *attest_store_get_article       (AttestStore        *self,
                                                  const char         *uuid,
                                                  GError            **error);
GPtrArray        *attest_store_list_sources      (AttestStore        *self,
                                                  GError            **error);
/* How many articles (sources) the project has, without reading them; 0 when it cannot
 * tell. */
guint             attest_store_count_articles    (AttestStore        *self);
guint             attest_store_count_sources     (AttestStore        *self);
AttestSource     *attest_store_get_source        (AttestStore        *self,
                                                  const char         *uuid,
                                                  GError            **error);
/* By name or alias, case-insensitively; NULL without error when there is none. */
AttestSource     *attest_store_find_source       (AttestStore        *self,
                                                  const char         *name,
                                                  GError            **error);
/* article_uuid NULL lists every annotation of the project. */
GPtrArray        *attest_store_list_annotations  (AttestStore        *self,
                                                  const char         *article_uuid,
                                                  GError            **error);
/* Everything a source said, across articles, in article order. */
GPtrArray        *attest_store_list_annotations_by_source (AttestStore *self,
                                                  const char         *source_uuid,
                                                  GError            **error);
AttestAnnotation *attest_store_get_annotation    (AttestStore        *self,
                                                  const char         *uuid,
                                                  GError            **error);
/* Keys of the editable list of source kinds, in order, NULL-terminated. */
GStrv             attest_store_list_source_kinds (AttestStore        *self,
                                                  GError            **error);
char             *attest_store_get_source_kind_label (AttestStore    *self,
                                                  const char         *key);
GPtrArray        *attest_store_search            (AttestStore        *self,
                                                  const char         *query,
                                                  guint               limit,
                                                  GError            **error);
/* query may be NULL or empty when a filter is set: then the articles that pass it. */
GPtrArray        *attest_store_search_filtered   (AttestStore              *self,
                                                  const char               *query,
                                                  const AttestSearchFilter *filter,
                                                  guint                     limit,
                                                  GError                  **error);
gboolean          attest_store_get_stats         (AttestStore        *self,
                                                  AttestStats        *stats,
                                                  GError            **error);

/* Undoable operations */
/* Corrects an article's details; the text itself never changes. NULL fields stay, ""
 * clears an optional one; the title may not be empty. */
gboolean          attest_store_update_article    (AttestStore              *self,
                                                  const char               *uuid,
                                                  const AttestArticleMeta  *meta,
                                                  GError                  **error);
AttestSource     *attest_store_create_source     (AttestStore        *self,
                                                  const char         *name,
                                                  const char         *kind,
                                                  GError            **error);
gboolean          attest_store_update_source     (AttestStore        *self,
                                                  const char         *uuid,
                                                  const char         *name,
                                                  const char         *kind,
                                                  const char         *role,
                                                  const char         *affiliation,
                                                  GError            **error);
gboolean          attest_store_add_source_alias  (AttestStore        *self,
                                                  const char         *uuid,
                                                  const char         *alias,
                                                  GError            **error);
/* start/end in code points of the article body; speaker_uuid may be NULL. */
AttestAnnotation *attest_store_create_annotation (AttestStore          *self,
                                                  const char           *article_uuid,
                                                  AttestAnnotationKind  kind,
                                                  guint                 start,
                                                  guint                 end,
                                                  const char           *speaker_uuid,
                                                  const char           *comment,
                                                  const char           *coder,
                                                  GError              **error);
/* Marks a span in one undoable step: the speaker is found by name or alias, or created with
 * speaker_kind ("other" when NULL). speaker_name NULL or empty means no speaker. */
AttestAnnotation *attest_store_annotate_span     (AttestStore          *self,
                                                  const char           *article_uuid,
                                                  AttestAnnotationKind  kind,
                                                  guint                 start,
                                                  guint                 end,
                                                  const char           *speaker_name,
                                                  const char           *speaker_kind,
                                                  const char           *comment,
                                                  const char           *coder,
                                                  GError              **error);
/* A suggestion the researcher accepted: an annotation marked as suggested, its speaker the
 * source speaker_uuid, or else the one named (found by name or alias, or created with
 * speaker_kind). One undo step. */
AttestAnnotation *attest_store_accept_suggestion (AttestStore          *self,
                                                  const char           *article_uuid,
                                                  AttestAnnotationKind  kind,
                                                  guint                 start,
                                                  guint                 end,
                                                  const char           *speaker_uuid,
                                                  const char           *speaker_name,
                                                  const char           *speaker_kind,
                                                  const char           *coder,
                                                  GError              **error);
gboolean          attest_store_set_annotation_speaker (AttestStore   *self,
                                                  const char         *uuid,
                                                  const char         *speaker_uuid,
                                                  GError            **error);
/* The speaker by name or alias, created with kind ("other" when NULL) if there is none: one
 * undo step. */
gboolean          attest_store_set_annotation_speaker_by_name (AttestStore *self,
                                                  const char         *uuid,
                                                  const char         *name,
                                                  const char         *kind,
                                                  GError            **error);
gboolean          attest_store_set_annotation_comment (AttestStore   *self,
                                                  const char         *uuid,
                                                  const char         *comment,
                                                  GError            **error);
gboolean          attest_store_delete_annotation (AttestStore        *self,
                                                  const char         *uuid,
                                                  GError            **error);

gboolean          attest_store_set_annotation_kind (AttestStore          *self,
                                                  const char           *uuid,
                                                  AttestAnnotationKind  kind,
                                                  GError              **error);
/* Widens or narrows the span; exact, prefix and suffix follow. */
gboolean          attest_store_set_annotation_span (AttestStore        *self,
                                                  const char         *uuid,
                                                  guint               start,
                                                  guint               end,
                                                  GError            **error);
/* status: "unverified", "corroborated", "disputed", "false" or NULL to clear. */
gboolean          attest_store_set_annotation_claim_status (AttestStore *self,
                                                  const char         *uuid,
                                                  const char         *status,
                                                  GError            **error);
gboolean          attest_store_set_annotation_tag (AttestStore       *self,
                                                  const char         *uuid,
                                                  const char         *tag_uuid,
                                                  gboolean            tagged,
                                                  GError            **error);

/* Sources, further */
/* NULL strings stay as they are, "" clears. */
gboolean          attest_store_set_source_details (AttestStore       *self,
                                                  const char         *uuid,
                                                  gboolean            anonymous,
                                                  gboolean            is_group,
                                                  const char         *notes,
                                                  GError            **error);
gboolean          attest_store_remove_source_alias (AttestStore      *self,
                                                  const char         *uuid,
                                                  const char         *alias,
                                                  GError            **error);
/* Everything of from (quotes, aliases, tags, incident roles) moves to into; from's name
 * becomes an alias of into; from is gone. One undo step. */
gboolean          attest_store_merge_sources     (AttestStore        *self,
                                                  const char         *from_uuid,
                                                  const char         *into_uuid,
                                                  GError            **error);
/* Merges every group of sources with the same name (ignoring case) and kind into its
 * oldest member, as after merging two coders' work: one undo step. */
gboolean          attest_store_merge_duplicate_sources (AttestStore  *self,
                                                  guint              *n_merged,
                                                  GError            **error);
/* Its quotes keep their text and lose their speaker. */
gboolean          attest_store_delete_source     (AttestStore        *self,
                                                  const char         *uuid,
                                                  GError            **error);
gboolean          attest_store_set_source_tag    (AttestStore        *self,
                                                  const char         *uuid,
                                                  const char         *tag_uuid,
                                                  gboolean            tagged,
                                                  GError            **error);
/* The editable list of kinds. key: lower-case letters, digits and "-". */
gboolean          attest_store_add_source_kind   (AttestStore        *self,
                                                  const char         *key,
                                                  const char         *label,
                                                  GError            **error);
gboolean          attest_store_rename_source_kind (AttestStore       *self,
                                                  const char         *key,
                                                  const char         *label,
                                                  GError            **error);
/* Sources of that kind become "other", which cannot be removed. */
gboolean          attest_store_remove_source_kind (AttestStore       *self,
                                                  const char         *key,
                                                  GError            **error);

/* The codebook */
/* In tree order: each tag after its parent, siblings by name. */
GPtrArray        *attest_store_list_tags         (AttestStore        *self,
                                                  GError            **error);
AttestTag        *attest_store_get_tag           (AttestStore        *self,
                                                  const char         *uuid,
                                                  GError            **error);
AttestTag        *attest_store_create_tag        (AttestStore        *self,
                                                  const char         *name,
                                                  const char         *parent_uuid,
                                                  const char         *color,
                                                  const char         *description,
                                                  GError            **error);
/* NULL fields stay, "" clears (not the name). */
gboolean          attest_store_update_tag        (AttestStore        *self,
                                                  const char         *uuid,
                                                  const char         *name,
                                                  const char         *color,
                                                  const char         *description,
                                                  const char         *memo,
                                                  GError            **error);
/* parent_uuid NULL moves it to the top; a tag cannot go under itself or its children. */
gboolean          attest_store_move_tag          (AttestStore        *self,
                                                  const char         *uuid,
                                                  const char         *parent_uuid,
                                                  GError            **error);
/* With its children and their uses; undo brings all back. */
gboolean          attest_store_delete_tag        (AttestStore        *self,
                                                  const char         *uuid,
                                                  GError            **error);

/* Places: the project's gazetteer */
typedef struct
{
  char   *uuid;
  char   *name;
  char   *admin1;
  char   *admin1_code;   /* ISO 3166-2 */
  char   *admin2;
  char   *country;
  char   *country_code;  /* ISO 3166-1 alpha-2 */
  double  latitude;      /* NAN when unknown */
  double  longitude;
  int     geo_precision; /* 0 unknown, 1 exact, 2 near, 3 region */
  GStrv   aliases;       /* other spellings, never NULL */
} AttestPlace;

void              attest_place_free              (AttestPlace        *place);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestPlace, attest_place_free)

/* name is required; the rest may be NULL/NAN/0. A country or admin1 given by name is
 * completed with its ISO code from iso-codes when it is found there. Returns the uuid. */
char             *attest_store_create_place      (AttestStore        *self,
                                                  const AttestPlace  *place,
                                                  GError            **error);
gboolean          attest_store_add_place_alias   (AttestStore        *self,
                                                  const char         *place_uuid,
                                                  const char         *alias,
                                                  GError            **error);
/* By name or alias, ignoring case and diacritics; NULL without error when none. */
AttestPlace      *attest_store_find_place        (AttestStore        *self,
                                                  const char         *name,
                                                  GError            **error);
AttestPlace      *attest_store_get_place         (AttestStore        *self,
                                                  const char         *uuid,
                                                  GError            **error);
GPtrArray        *attest_store_list_places       (AttestStore        *self,
                                                  GError            **error);

/* Incidents */
/* By date, then as recorded. */
GPtrArray        *attest_store_list_incidents    (AttestStore        *self,
                                                  GError            **error);
/* Incidents linked to the article or to any of its annotations. */
GPtrArray        *attest_store_list_incidents_for_article (AttestStore *self,
                                                  const char         *article_uuid,
                                                  GError            **error);
/* Incidents this annotation is evidence for. */
GPtrArray        *attest_store_list_incidents_for_annotation (AttestStore *self,
                                                  const char         *annotation_uuid,
                                                  GError            **error);
AttestIncident   *attest_store_get_incident      (AttestStore        *self,
                                                  const char         *uuid,
                                                  GError            **error);
/* uuid NULL records a new incident. The title is required; a place_uuid fills the location
 * fields that are NULL from the gazetteer. */
AttestIncident   *attest_store_save_incident     (AttestStore                *self,
                                                  const char                 *uuid,
                                                  const AttestIncidentFields *fields,
                                                  GError                    **error);
gboolean          attest_store_delete_incident   (AttestStore        *self,
                                                  const char         *uuid,
                                                  GError            **error);
GPtrArray        *attest_store_list_incident_actors (AttestStore     *self,
                                                  const char         *incident_uuid,
                                                  GError            **error);
/* Replaces the incident's actors with these (their uuid fields are ignored). */
gboolean          attest_store_set_incident_actors (AttestStore      *self,
                                                  const char         *incident_uuid,
                                                  GPtrArray          *actors,
                                                  GError            **error);
/* Exactly one of annotation_uuid and article_uuid. field NULL: the incident as a whole.
 * relation: reports, disputes, context. Figures ATTEST_UNKNOWN when none. Returns the
 * link's uuid. */
char             *attest_store_link_evidence     (AttestStore        *self,
                                                  const char         *incident_uuid,
                                                  const char         *annotation_uuid,
                                                  const char         *article_uuid,
                                                  const char         *field,
                                                  const char         *relation,
                                                  gint64              figure_low,
                                                  gint64              figure_high,
                                                  GError            **error);
gboolean          attest_store_unlink_evidence   (AttestStore        *self,
                                                  const char         *link_uuid,
                                                  GError            **error);
GPtrArray        *attest_store_list_evidence     (AttestStore        *self,
                                                  const char         *incident_uuid,
                                                  GError            **error);
/* The editable list: pairs of (type, sub-type), in order, as a flat NULL-terminated
 * array type0, sub0, type1, sub1, ... */
GStrv             attest_store_list_event_types  (AttestStore        *self,
                                                  GError            **error);

/* Collections: named sets of articles */
typedef struct
{
  char  *uuid;
  char  *name;
  char  *description;
  char  *created_at;
  guint  n_articles;
} AttestCollection;

void              attest_collection_free         (AttestCollection   *collection);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestCollection, attest_collection_free)

GPtrArray        *attest_store_list_collections  (AttestStore        *self,
                                                  GError            **error);
/* Returns the new collection's uuid. */
char             *attest_store_create_collection (AttestStore        *self,
                                                  const char         *name,
                                                  const char         *description,
                                                  GError            **error);
gboolean          attest_store_rename_collection (AttestStore        *self,
                                                  const char         *uuid,
                                                  const char         *name,
                                                  GError            **error);
gboolean          attest_store_delete_collection (AttestStore        *self,
                                                  const char         *uuid,
                                                  GError            **error);
/* Adds (or removes) articles; ones already in (or not in) are left alone. */
gboolean          attest_store_set_collection_articles (AttestStore  *self,
                                                  const char         *uuid,
                                                  const char * const *article_uuids,
                                                  gboolean            member,
                                                  GError            **error);
/* Adds every article that passes the filter (outlet, dates, speaker kind, tag) and, when
 * query is not empty, matches it. Returns how many were added. */
gboolean          attest_store_add_to_collection_by_rule (AttestStore *self,
                                                  const char         *uuid,
                                                  const char         *query,
                                                  const AttestSearchFilter *filter,
                                                  guint              *n_added,
                                                  GError            **error);
GStrv             attest_store_list_collection_articles (AttestStore *self,
                                                  const char         *uuid,
                                                  GError            **error);

/* Several edits as one undo step, e.g. an incident and its actors: every operation between
 * begin and end joins the group. end_group with commit FALSE, or after any of them failed,
 * undoes them all (and then returns FALSE when commit was asked). */
gboolean          attest_store_begin_group       (AttestStore        *self,
                                                  const char         *label,
                                                  GError            **error);
gboolean          attest_store_end_group         (AttestStore        *self,
                                                  gboolean            commit,
                                                  GError            **error);

/* Undo and redo */
gboolean          attest_store_can_undo          (AttestStore        *self);
gboolean          attest_store_can_redo          (AttestStore        *self);
/* What the next undo or redo would do, e.g. "Mark quote"; NULL when nothing. */
const char       *attest_store_get_undo_label    (AttestStore        *self);
const char       *attest_store_get_redo_label    (AttestStore        *self);
gboolean          attest_store_undo              (AttestStore        *self,
                                                  GError            **error);
gboolean          attest_store_redo              (AttestStore        *self,
                                                  GError            **error);

/* Helpers for the shape of offsets */
gboolean          attest_find_unique_span        (const char         *body,
                                                  const char         *exact,
                                                  guint              *start,
                                                  guint              *end,
                                                  GError            **error);

G_END_DECLS
