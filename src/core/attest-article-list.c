/* attest-article-list.c: a lazy GListModel of articles.
 *
 * Only row ids are kept; an AttestArticle (without its body) is loaded when a view asks
 * for a position, so a project of 100,000 articles costs 800 kB here, not the articles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-article-list"

#include "config.h"

#include "attest-article-list.h"
#include "attest-store-private.h"

struct _AttestArticleList
{
  GObject      parent_instance;

  AttestStore *store;
  GArray      *ids;       /* gint64, in list order */
  GArray      *versions;  /* guint, a hash of each article's modified_at, parallel to ids */
  gulong       changed_id;
  gboolean     empty;     /* made without reading the ids: a reload fills it */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AttestArticleList, attest_article_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_ITEMS,
  PROP_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
attest_article_list_get_item_type (GListModel *model)
{
  return ATTEST_TYPE_ARTICLE;
}

static guint
attest_article_list_get_n_items (GListModel *model)
{
  AttestArticleList *self = ATTEST_ARTICLE_LIST (model);

  return self->ids->len;
}

static gpointer
attest_article_list_get_item (GListModel *model,
                              guint       position)
{
  AttestArticleList *self = ATTEST_ARTICLE_LIST (model);
  g_autoptr(GError) error = NULL;
  AttestArticle *article;

  if (position >= self->ids->len)
    return NULL;

  article = attest_store_get_article_by_id (self->store,
                                            g_array_index (self->ids, gint64, position),
                                            FALSE, &error);
  if (article == NULL)
    g_debug ("Article at %u is gone: %s", position, error->message);

  return article;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = attest_article_list_get_item_type;
  iface->get_n_items = attest_article_list_get_n_items;
  iface->get_item = attest_article_list_get_item;
}

static void
on_store_changed (AttestArticleList *self,
                  AttestStore       *store)
{
  attest_article_list_reload (self);
}

static void
attest_article_list_dispose (GObject *object)
{
  AttestArticleList *self = (AttestArticleList *)object;

  if (self->store != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_article_list_parent_class)->dispose (object);
}

static void
attest_article_list_finalize (GObject *object)
{
  AttestArticleList *self = (AttestArticleList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->versions, g_array_unref);

  G_OBJECT_CLASS (attest_article_list_parent_class)->finalize (object);
}

static void
attest_article_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AttestArticleList *self = ATTEST_ARTICLE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_article_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AttestArticleList *self = ATTEST_ARTICLE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_EMPTY:
      self->empty = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_article_list_constructed (GObject *object)
{
  AttestArticleList *self = (AttestArticleList *)object;

  G_OBJECT_CLASS (attest_article_list_parent_class)->constructed (object);

  g_return_if_fail (ATTEST_IS_STORE (self->store));

  self->changed_id = g_signal_connect_object (self->store, "changed::articles",
                                              G_CALLBACK (on_store_changed), self,
                                              G_CONNECT_SWAPPED);
  if (!self->empty)
    attest_article_list_reload (self);
}

static void
attest_article_list_class_init (AttestArticleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = attest_article_list_constructed;
  object_class->dispose = attest_article_list_dispose;
  object_class->finalize = attest_article_list_finalize;
  object_class->get_property = attest_article_list_get_property;
  object_class->set_property = attest_article_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ATTEST_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, FALSE,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
attest_article_list_init (AttestArticleList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->versions = g_array_new (FALSE, FALSE, sizeof (guint));
}

AttestArticleList *
attest_article_list_new (AttestStore *store)
{
  g_return_val_if_fail (ATTEST_IS_STORE (store), NULL);

  return g_object_new (ATTEST_TYPE_ARTICLE_LIST, "store", store, NULL);
}

AttestArticleList *
attest_article_list_new_empty (AttestStore *store)
{
  g_return_val_if_fail (ATTEST_IS_STORE (store), NULL);

  return g_object_new (ATTEST_TYPE_ARTICLE_LIST, "store", store, "empty", TRUE, NULL);
}

AttestStore *
attest_article_list_get_store (AttestArticleList *self)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE_LIST (self), NULL);

  return self->store;
}

/* Takes the fresh ids and versions and tells the views what differs. */
static void
attest_article_list_apply (AttestArticleList *self,
                           GArray            *ids,
                           GArray            *versions)
{
  g_autoptr(GArray) old_versions = NULL;
  guint old_len, new_len, prefix = 0, suffix = 0;

  old_len = self->ids->len;
  new_len = ids->len;

  /* Report only the changed middle: the common head and tail stay put. */
  while (prefix < old_len && prefix < new_len
         && g_array_index (self->ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix
         && g_array_index (self->ids, gint64, old_len - 1 - suffix)
            == g_array_index (ids, gint64, new_len - 1 - suffix))
    suffix++;

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  old_versions = g_steal_pointer (&self->versions);
  self->versions = g_array_ref (versions);

  /* Same articles: only those whose details changed are redrawn; re-emitting all would drop
   * a view's selection for nothing. */
  if (old_len == new_len && prefix == old_len)
    {
      for (guint i = 0; i < new_len; i++)
        if (g_array_index (self->versions, guint, i) != g_array_index (old_versions, guint, i))
          g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
      return;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_len - prefix - suffix, new_len - prefix - suffix);
  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
attest_article_list_reload (AttestArticleList *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ATTEST_IS_ARTICLE_LIST (self));

  if (!(ids = _attest_store_list_article_versions (self->store, &versions, &error)))
    {
      g_warning ("Could not reload the article list: %s", error->message);
      return;
    }
  attest_article_list_apply (self, ids, versions);
}

typedef struct
{
  char   *path;
  GArray *ids;
  GArray *versions;
} ReloadData;

static void
reload_data_free (ReloadData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->ids, g_array_unref);
  g_clear_pointer (&data->versions, g_array_unref);
  g_free (data);
}

static void
reload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReloadData *data = task_data;
  g_autoptr(AttestStore) store = NULL;
  GError *error = NULL;

  /* A connection of its own: the store of the main thread is not shared across threads. */
  if (!(store = attest_store_open (data->path, &error))
      || !(data->ids = _attest_store_list_article_versions (store, &data->versions, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
attest_article_list_reload_async (AttestArticleList   *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReloadData *data;

  g_return_if_fail (ATTEST_IS_ARTICLE_LIST (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, attest_article_list_reload_async);
  data = g_new0 (ReloadData, 1);
  data->path = g_strdup (attest_store_get_path (self->store));
  g_task_set_task_data (task, data, (GDestroyNotify) reload_data_free);
  g_task_run_in_thread (task, reload_thread);
}

gboolean
attest_article_list_reload_finish (AttestArticleList  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  ReloadData *data;

  g_return_val_if_fail (ATTEST_IS_ARTICLE_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  /* This also fails when the cancellable was cancelled after the worker finished. */
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  attest_article_list_apply (self, data->ids, data->versions);
  return TRUE;
}

guint
attest_article_list_find (AttestArticleList *self,
                          gint64             id)
{
  g_return_val_if_fail (ATTEST_IS_ARTICLE_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}
