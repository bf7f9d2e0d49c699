/* attest-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-source"

#include "config.h"

#include "attest-source.h"
#include "attest-model-private.h"
#include "attest-store-private.h"

#include <json-glib/json-glib.h>

struct _AttestSource
{
  GObject    parent_instance;

  gint64     id;
  char      *uuid;
  char      *name;
  char      *kind;
  char      *role;
  char      *affiliation;
  char      *notes;
  GStrv      aliases;
  guint      n_quotes;
  guint      n_articles;
  GStrv      tag_uuids;
  guint      anonymous : 1;
  guint      is_group : 1;
};

G_DEFINE_FINAL_TYPE (AttestSource, attest_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_NAME,
  PROP_KIND,
  PROP_N_QUOTES,
  PROP_N_ARTICLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
attest_source_finalize (GObject *object)
{
  AttestSource *self = (AttestSource *)object;

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->kind);
  g_free (self->role);
  g_free (self->affiliation);
  g_free (self->notes);
  g_strfreev (self->aliases);
  g_strfreev (self->tag_uuids);

  G_OBJECT_CLASS (attest_source_parent_class)->finalize (object);
}

static void
attest_source_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AttestSource *self = ATTEST_SOURCE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_N_QUOTES:
      g_value_set_uint (value, self->n_quotes);
      break;
    case PROP_N_ARTICLES:
      g_value_set_uint (value, self->n_articles);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_source_class_init (AttestSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = attest_source_finalize;
  object_class->get_property = attest_source_get_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_QUOTES] =
    g_param_spec_uint ("n-quotes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ARTICLES] =
    g_param_spec_uint ("n-articles", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
attest_source_init (AttestSource *self)
{
}

GStrv
_attest_strv_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL)
      && JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      array = json_node_get_array (json_parser_get_root (parser));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (node));
        }
    }

  return g_strv_builder_end (builder);
}

AttestSource *
_attest_source_new_from_stmt (sqlite3_stmt *stmt)
{
  AttestSource *self = g_object_new (ATTEST_TYPE_SOURCE, NULL);
  const char *aliases;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (_attest_column_text (stmt, 1));
  self->name = g_strdup (_attest_column_text (stmt, 2));
  self->kind = g_strdup (_attest_column_text (stmt, 3));
  self->role = g_strdup (_attest_column_text (stmt, 4));
  self->affiliation = g_strdup (_attest_column_text (stmt, 5));
  self->anonymous = sqlite3_column_int (stmt, 6) != 0;
  self->is_group = sqlite3_column_int (stmt, 7) != 0;
  self->notes = g_strdup (_attest_column_text (stmt, 8));
  aliases = _attest_column_text (stmt, 9);
  self->aliases = _attest_strv_from_json (aliases);
  self->n_quotes = sqlite3_column_int (stmt, 10);
  self->n_articles = sqlite3_column_int (stmt, 11);
  self->tag_uuids = _attest_column_text (stmt, 12) != NULL
                    ? g_strsplit (_attest_column_text (stmt, 12), "\x1f", -1)
                    : g_new0 (char *, 1);

  return self;
}

const char * const *
attest_source_get_aliases (AttestSource *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE (self), NULL);

  return (const char * const *) self->aliases;
}

gint64
attest_source_get_id (AttestSource *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE (self), 0);

  return self->id;
}

const char *
attest_source_get_uuid (AttestSource *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE (self), NULL);

  return self->uuid;
}

const char *
attest_source_get_name (AttestSource *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE (self), NULL);

  return self->name;
}

const char *
attest_source_get_kind (AttestSource *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE (self), NULL);

  return self->kind;
}

const char *
attest_source_get_role (AttestSource *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE (self), NULL);

  return self->role;
}

const char *
attest_source_get_affiliation (AttestSource *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE (self), NULL);

  return self->affiliation;
}

gboolean
attest_source_get_anonymous (AttestSource *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE (self), 0);

  return self->anonymous;
}

gboolean
attest_source_get_is_group (AttestSource *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE (self), 0);

  return self->is_group;
}

const char *
attest_source_get_notes (AttestSource *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE (self), NULL);

  return self->notes;
}

guint
attest_source_get_n_quotes (AttestSource *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE (self), 0);

  return self->n_quotes;
}

guint
attest_source_get_n_articles (AttestSource *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE (self), 0);

  return self->n_articles;
}

const char * const *
attest_source_get_tag_uuids (AttestSource *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE (self), NULL);

  return (const char * const *) self->tag_uuids;
}
