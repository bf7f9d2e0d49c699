/* attest-tag.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-tag"

#include "config.h"

#include "attest-tag.h"
#include "attest-model-private.h"
#include "attest-store-private.h"

struct _AttestTag
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *name;
  char    *parent_uuid;
  char    *color;
  char    *description;
  char    *memo;
  guint    n_annotations;
  guint    n_sources;
};

G_DEFINE_FINAL_TYPE (AttestTag, attest_tag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_NAME,
  PROP_COLOR,
  PROP_N_ANNOTATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
attest_tag_finalize (GObject *object)
{
  AttestTag *self = (AttestTag *)object;

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->parent_uuid);
  g_free (self->color);
  g_free (self->description);
  g_free (self->memo);

  G_OBJECT_CLASS (attest_tag_parent_class)->finalize (object);
}

static void
attest_tag_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AttestTag *self = ATTEST_TAG (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_N_ANNOTATIONS:
      g_value_set_uint (value, self->n_annotations);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_tag_class_init (AttestTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = attest_tag_finalize;
  object_class->get_property = attest_tag_get_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ANNOTATIONS] =
    g_param_spec_uint ("n-annotations", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
attest_tag_init (AttestTag *self)
{
}

AttestTag *
_attest_tag_new_from_stmt (sqlite3_stmt *stmt)
{
  AttestTag *self = g_object_new (ATTEST_TYPE_TAG, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (_attest_column_text (stmt, 1));
  self->name = g_strdup (_attest_column_text (stmt, 2));
  self->parent_uuid = g_strdup (_attest_column_text (stmt, 3));
  self->color = g_strdup (_attest_column_text (stmt, 4));
  self->description = g_strdup (_attest_column_text (stmt, 5));
  self->memo = g_strdup (_attest_column_text (stmt, 6));
  self->n_annotations = sqlite3_column_int (stmt, 7);
  self->n_sources = sqlite3_column_int (stmt, 8);

  return self;
}

gint64
attest_tag_get_id (AttestTag *self)
{
  g_return_val_if_fail (ATTEST_IS_TAG (self), 0);

  return self->id;
}

const char *
attest_tag_get_uuid (AttestTag *self)
{
  g_return_val_if_fail (ATTEST_IS_TAG (self), NULL);

  return self->uuid;
}

const char *
attest_tag_get_name (AttestTag *self)
{
  g_return_val_if_fail (ATTEST_IS_TAG (self), NULL);

  return self->name;
}

const char *
attest_tag_get_parent_uuid (AttestTag *self)
{
  g_return_val_if_fail (ATTEST_IS_TAG (self), NULL);

  return self->parent_uuid;
}

const char *
attest_tag_get_color (AttestTag *self)
{
  g_return_val_if_fail (ATTEST_IS_TAG (self), NULL);

  return self->color;
}

const char *
attest_tag_get_description (AttestTag *self)
{
  g_return_val_if_fail (ATTEST_IS_TAG (self), NULL);

  return self->description;
}

const char *
attest_tag_get_memo (AttestTag *self)
{
  g_return_val_if_fail (ATTEST_IS_TAG (self), NULL);

  return self->memo;
}

guint
attest_tag_get_n_annotations (AttestTag *self)
{
  g_return_val_if_fail (ATTEST_IS_TAG (self), 0);

  return self->n_annotations;
}

guint
attest_tag_get_n_sources (AttestTag *self)
{
  g_return_val_if_fail (ATTEST_IS_TAG (self), 0);

  return self->n_sources;
}
