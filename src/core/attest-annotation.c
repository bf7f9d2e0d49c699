/* attest-annotation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-annotation"

#include "config.h"

#include <glib/gi18n.h>

#include "attest-annotation.h"
#include "attest-model-private.h"
#include "attest-store-private.h"

struct _AttestAnnotation
{
  GObject               parent_instance;

  gint64                id;
  char                 *uuid;
  char                 *article_uuid;
  AttestAnnotationKind  kind;
  guint                 start;
  guint                 end;
  char                 *exact;
  char                 *prefix;
  char                 *suffix;
  char                 *speaker_uuid;
  char                 *speaker_name;
  char                 *speaker_kind;
  char                 *comment;
  char                 *coder;
  char                 *created_at;
  char                 *modified_at;
  char                 *claim_status;
  GStrv                 tag_uuids;
  gboolean              suggested;
};

G_DEFINE_FINAL_TYPE (AttestAnnotation, attest_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_KIND_LABEL,
  PROP_EXACT,
  PROP_SPEAKER_NAME,
  PROP_SPEAKER_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *nick;
  const char *label;
} kinds[ATTEST_ANNOTATION_N_KINDS] = {
  [ATTEST_ANNOTATION_DIRECT] = { "direct", N_("Direct quote") },
  [ATTEST_ANNOTATION_INDIRECT] = { "indirect", N_("Indirect quote") },
  [ATTEST_ANNOTATION_CLAIM] = { "claim", N_("Claim") },
  [ATTEST_ANNOTATION_NOTE] = { "note", N_("Note") },
};

const char *
attest_annotation_kind_to_string (AttestAnnotationKind kind)
{
  g_return_val_if_fail (kind < ATTEST_ANNOTATION_N_KINDS, NULL);

  return kinds[kind].nick;
}

gboolean
attest_annotation_kind_from_string (const char           *str,
                                    AttestAnnotationKind *kind)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < ATTEST_ANNOTATION_N_KINDS; i++)
    {
      if (g_ascii_strcasecmp (str, kinds[i].nick) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
attest_annotation_kind_label (AttestAnnotationKind kind)
{
  g_return_val_if_fail (kind < ATTEST_ANNOTATION_N_KINDS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].label);
}

static void
attest_annotation_finalize (GObject *object)
{
  AttestAnnotation *self = (AttestAnnotation *)object;

  g_free (self->uuid);
  g_free (self->article_uuid);
  g_free (self->exact);
  g_free (self->prefix);
  g_free (self->suffix);
  g_free (self->speaker_uuid);
  g_free (self->speaker_name);
  g_free (self->speaker_kind);
  g_free (self->comment);
  g_free (self->coder);
  g_free (self->created_at);
  g_free (self->modified_at);
  g_free (self->claim_status);
  g_strfreev (self->tag_uuids);

  G_OBJECT_CLASS (attest_annotation_parent_class)->finalize (object);
}

static void
attest_annotation_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AttestAnnotation *self = ATTEST_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, attest_annotation_kind_label (self->kind));
      break;
    case PROP_EXACT:
      g_value_set_string (value, self->exact);
      break;
    case PROP_SPEAKER_NAME:
      g_value_set_string (value, self->speaker_name);
      break;
    case PROP_SPEAKER_KIND:
      g_value_set_string (value, self->speaker_kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_annotation_class_init (AttestAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = attest_annotation_finalize;
  object_class->get_property = attest_annotation_get_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXACT] =
    g_param_spec_string ("exact", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEAKER_NAME] =
    g_param_spec_string ("speaker-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEAKER_KIND] =
    g_param_spec_string ("speaker-kind", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
attest_annotation_init (AttestAnnotation *self)
{
}

AttestAnnotation *
_attest_annotation_new_from_stmt (sqlite3_stmt *stmt)
{
  AttestAnnotation *self = g_object_new (ATTEST_TYPE_ANNOTATION, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (_attest_column_text (stmt, 1));
  self->article_uuid = g_strdup (_attest_column_text (stmt, 2));
  if (!attest_annotation_kind_from_string (_attest_column_text (stmt, 3), &self->kind))
    self->kind = ATTEST_ANNOTATION_NOTE;
  self->start = sqlite3_column_int (stmt, 4);
  self->end = sqlite3_column_int (stmt, 5);
  self->exact = g_strdup (_attest_column_text (stmt, 6));
  self->prefix = g_strdup (_attest_column_text (stmt, 7));
  self->suffix = g_strdup (_attest_column_text (stmt, 8));
  self->speaker_uuid = g_strdup (_attest_column_text (stmt, 9));
  self->speaker_name = g_strdup (_attest_column_text (stmt, 10));
  self->speaker_kind = g_strdup (_attest_column_text (stmt, 11));
  self->comment = g_strdup (_attest_column_text (stmt, 12));
  self->coder = g_strdup (_attest_column_text (stmt, 13));
  self->created_at = g_strdup (_attest_column_text (stmt, 14));
  self->modified_at = g_strdup (_attest_column_text (stmt, 15));
  self->claim_status = g_strdup (_attest_column_text (stmt, 16));
  self->suggested = sqlite3_column_int (stmt, 17) != 0;
  self->tag_uuids = _attest_column_text (stmt, 18) != NULL
                    ? g_strsplit (_attest_column_text (stmt, 18), "\x1f", -1)
                    : g_new0 (char *, 1);

  return self;
}

gint64
attest_annotation_get_id (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), 0);

  return self->id;
}

const char *
attest_annotation_get_uuid (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), NULL);

  return self->uuid;
}

const char *
attest_annotation_get_article_uuid (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), NULL);

  return self->article_uuid;
}

AttestAnnotationKind
attest_annotation_get_kind (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), ATTEST_ANNOTATION_NOTE);

  return self->kind;
}

guint
attest_annotation_get_start (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), 0);

  return self->start;
}

guint
attest_annotation_get_end (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), 0);

  return self->end;
}

const char *
attest_annotation_get_exact (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), NULL);

  return self->exact;
}

const char *
attest_annotation_get_prefix (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), NULL);

  return self->prefix;
}

const char *
attest_annotation_get_suffix (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), NULL);

  return self->suffix;
}

const char *
attest_annotation_get_speaker_uuid (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), NULL);

  return self->speaker_uuid;
}

const char *
attest_annotation_get_speaker_name (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), NULL);

  return self->speaker_name;
}

const char *
attest_annotation_get_speaker_kind (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), NULL);

  return self->speaker_kind;
}

const char *
attest_annotation_get_comment (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), NULL);

  return self->comment;
}

const char *
attest_annotation_get_coder (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), NULL);

  return self->coder;
}

const char *
attest_annotation_get_created_at (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), NULL);

  return self->created_at;
}

const char *
attest_annotation_get_modified_at (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), NULL);

  return self->modified_at;
}

const char *
attest_annotation_get_claim_status (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), NULL);

  return self->claim_status;
}

gboolean
attest_annotation_get_suggested (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), FALSE);

  return self->suggested;
}

const char * const *
attest_annotation_get_tag_uuids (AttestAnnotation *self)
{
  g_return_val_if_fail (ATTEST_IS_ANNOTATION (self), NULL);

  return (const char * const *) self->tag_uuids;
}
