/* attest-cli-private.h: what the commands of attest-cli share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define EXIT_FAILED 1
#define EXIT_USAGE  2

typedef struct
{
  char     *project;
  gboolean  json;
  /* import */
  char     *title;
  char     *byline;
  char     *outlet;
  char     *url;
  char     *date;
  char     *language;
  /* init */
  char     *name;
  /* annotate */
  char     *text;
  char     *kind;
  char     *speaker;
  char     *speaker_kind;
  char     *comment;
  char     *coder;
  /* export */
  char     *format;
  char     *table;
  char     *output;
  /* search */
  int       limit;
  /* extract */
  gboolean  time;
  /* export */
  char     *collection;
  gboolean  excel;
  /* merge */
  char     *prefer;
  gboolean  dry_run;
  /* incident */
  char     *end;
  char     *precision;
  char     *as_reported;
  char     *type;
  char     *sub_type;
  char     *place;
  char     *admin1;
  char     *country;
  double    lat;
  double    lon;
  int       geo_precision;
  char     *killed;
  char     *injured;
  char     *summary;
  char    **actors;
  char     *field;
  char     *relation;
  char     *figure;
} Options;

/* The parsed options of this run. */
extern Options opts;

/* Prints "attest-cli: MESSAGE" on stderr and returns EXIT_FAILED. */
int          fail         (GError      *error);
AttestStore *open_project (GError     **error);
void         print_json   (JsonBuilder *builder);
void         add_string   (JsonBuilder *builder,
                           const char  *key,
                           const char  *value);
void         add_int      (JsonBuilder *builder,
                           const char  *key,
                           gint64       value);

extern GOptionEntry incident_entries[];
int          cmd_incident (Options     *o,
                           int          argc,
                           char       **argv);
/* The uuid of a collection given by name or id, or NULL with error. */
char        *find_collection (AttestStore  *store,
                              const char   *name_or_uuid,
                              GError      **error);
int          cmd_collection (Options   *o,
                             int        argc,
                             char     **argv);
int          cmd_agreement (Options    *o,
                            int         argc,
                            char      **argv);
int          cmd_merge    (Options     *o,
                           int          argc,
                           char       **argv);
extern GOptionEntry merge_entries[];
int          cmd_place    (Options     *o,
                           int          argc,
                           char       **argv);

extern GOptionEntry suggest_entries[];
int          cmd_suggest  (Options     *o,
                           int          argc,
                           char       **argv);

G_END_DECLS
