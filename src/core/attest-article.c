/* attest-article.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-article"

#include "config.h"

#include "attest-article.h"
#include "attest-model-private.h"
#include "attest-store-private.h"

struct _AttestArticle
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *title;
  char    *byline;
  char    *outlet;
  char    *url;
  char    *published;
  char    *language;
  char    *origin;
  char    *imported_at;
  char    *content_hash;
  char    *description;
  char    *body;
  guint    n_annotations;
};

G_DEFINE_FINAL_TYPE (AttestArticle, attest_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_PUBLISHED,
  PROP_SUBTITLE,
  PROP_N_ANNOTATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Outlet · date", what a list row shows under the title. */
static char *
attest_article_dup_subtitle (AttestArticle *self)
{
  GString *s = g_string_new (NULL);

  if (self->outlet != NULL && *self->outlet != '\0')
    g_string_append (s, self->outlet);
  if (self->published != NULL && *self->published != '\0')
    {
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append (s, self->published);
    }
  if (s->len == 0 && self->origin != NULL)
    {
      g_autofree char *base = g_path_get_basename (self->origin);
      g_string_append (s, base);
    }

  return g_string_free (s, FALSE);
}

static void
attest_article_finalize (GObject *object)
{
  AttestArticle *self = (AttestArticle *)object;

  g_free (self->uuid);
  g_free (self->title);
  g_free (self->byline);
  g_free (self->outlet);
  g_free (self->url);
  g_free (self->published);
  g_free (self->language);
  g_free (self->origin);
  g_free (self->imported_at);
  g_free (self->content_hash);
  g_free (self->description);
  g_free (self->body);

  G_OBJECT_CLASS (attest_article_parent_class)->finalize (object);
}

static void
attest_article_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AttestArticle *self = ATTEST_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;
    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;
    case PROP_SUBTITLE:
      g_value_take_string (value, attest_article_dup_subtitle (self));
      break;
    case PROP_N_ANNOTATIONS:
      g_value_set_uint (value, self->n_annotations);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_article_class_init (AttestArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = attest_article_finalize;
  object_class->get_property = attest_article_get_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTLET] =
    g_param_spec_string ("outlet", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ANNOTATIONS] =
    g_param_spec_uint ("n-annotations", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
attest_article_init (AttestArticle *self)
{
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           i)
{
  return g_strdup (_attest_column_text (stmt, i));
}

AttestArticle *
_attest_article_new_from_stmt (sqlite3_stmt *stmt,
                               gboolean      with_body)
{
  AttestArticle *self = g_object_new (ATTEST_TYPE_ARTICLE, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = dup_column (stmt, 1);
  self->title = dup_column (stmt, 2);
  self->byline = dup_column (stmt, 3);
  self->outlet = dup_column (stmt, 4);
  self->url = dup_column (stmt, 5);
  self->published = dup_column (stmt, 6);
  self->language = dup_column (stmt, 7);
  self->origin = dup_column (stmt, 8);
  self->imported_at = dup_column (stmt, 9);
  self->content_hash = dup_column (stmt, 10);
  self->n_annotations = sqlite3_column_int (stmt, 11);
  self->description = dup_column (stmt, 12);
  if (with_body)
    self->body = dup_column (stmt, 13);

  return self;
}


gint64
attest_article_get_id (AttestArticle *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE (self), 0);

  return self->id;
}

const char *
attest_article_get_uuid (AttestArticle *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE (self), NULL);

  return self->uuid;
}

const char *
attest_article_get_title (AttestArticle *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE (self), NULL);

  return self->title;
}

const char *
attest_article_get_byline (AttestArticle *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE (self), NULL);

  return self->byline;
}

const char *
attest_article_get_outlet (AttestArticle *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE (self), NULL);

  return self->outlet;
}

const char *
attest_article_get_url (AttestArticle *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE (self), NULL);

  return self->url;
}

const char *
attest_article_get_published (AttestArticle *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE (self), NULL);

  return self->published;
}

const char *
attest_article_get_language (AttestArticle *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE (self), NULL);

  return self->language;
}

const char *
attest_article_get_origin (AttestArticle *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE (self), NULL);

  return self->origin;
}

const char *
attest_article_get_imported_at (AttestArticle *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE (self), NULL);

  return self->imported_at;
}

const char *
attest_article_get_content_hash (AttestArticle *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE (self), NULL);

  return self->content_hash;
}

const char *
attest_article_get_description (AttestArticle *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE (self), NULL);

  return self->description;
}

const char *
attest_article_get_body (AttestArticle *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE (self), NULL);

  return self->body;
}

guint
attest_article_get_n_annotations (AttestArticle *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE (self), 0);

  return self->n_annotations;
}
