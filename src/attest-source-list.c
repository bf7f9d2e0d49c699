/* attest-source-list.c: the project's sources as a GListModel.
 *
 * A project has thousands of sources at most, so the objects themselves are kept. A reload
 * keeps the object of every source that did not change and reports only the range between
 * the first and the last difference: an edit to one source replaces one row, and the list
 * views above keep their scroll position.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-source-list"

#include "config.h"

#include "attest-source-list.h"

#include <string.h>

struct _AttestSourceList
{
  GObject      parent_instance;

  AttestStore *store;
  GPtrArray   *sources;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AttestSourceList, attest_source_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The folded name and aliases of a source, separated by newlines, cached on the object:
 * typing in a search field matches every source on each key press. */
static GQuark folded_quark;

static gboolean
source_equal (AttestSource *a,
              AttestSource *b)
{
  const char * const *aliases_a = attest_source_get_aliases (a);
  const char * const *aliases_b = attest_source_get_aliases (b);

  return g_str_equal (attest_source_get_uuid (a), attest_source_get_uuid (b))
         && g_strcmp0 (attest_source_get_name (a), attest_source_get_name (b)) == 0
         && g_strcmp0 (attest_source_get_kind (a), attest_source_get_kind (b)) == 0
         && g_strcmp0 (attest_source_get_role (a), attest_source_get_role (b)) == 0
         && g_strcmp0 (attest_source_get_affiliation (a), attest_source_get_affiliation (b)) == 0
         && g_strcmp0 (attest_source_get_notes (a), attest_source_get_notes (b)) == 0
         && attest_source_get_anonymous (a) == attest_source_get_anonymous (b)
         && attest_source_get_is_group (a) == attest_source_get_is_group (b)
         && attest_source_get_n_quotes (a) == attest_source_get_n_quotes (b)
         && attest_source_get_n_articles (a) == attest_source_get_n_articles (b)
         && g_strv_equal (aliases_a, aliases_b);
}

static GType
attest_source_list_get_item_type (GListModel *model)
{
  return ATTEST_TYPE_SOURCE;
}

static guint
attest_source_list_get_n_items (GListModel *model)
{
  return ATTEST_SOURCE_LIST (model)->sources->len;
}

static gpointer
attest_source_list_get_item (GListModel *model,
                             guint       position)
{
  AttestSourceList *self = ATTEST_SOURCE_LIST (model);

  if (position >= self->sources->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->sources, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = attest_source_list_get_item_type;
  iface->get_n_items = attest_source_list_get_n_items;
  iface->get_item = attest_source_list_get_item;
}

static void
attest_source_list_dispose (GObject *object)
{
  AttestSourceList *self = ATTEST_SOURCE_LIST (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_source_list_parent_class)->dispose (object);
}

static void
attest_source_list_finalize (GObject *object)
{
  AttestSourceList *self = ATTEST_SOURCE_LIST (object);

  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (attest_source_list_parent_class)->finalize (object);
}

static void
attest_source_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AttestSourceList *self = ATTEST_SOURCE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->sources->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_source_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AttestSourceList *self = ATTEST_SOURCE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_source_list_constructed (GObject *object)
{
  AttestSourceList *self = ATTEST_SOURCE_LIST (object);

  G_OBJECT_CLASS (attest_source_list_parent_class)->constructed (object);

  attest_source_list_reload (self);
}

static void
attest_source_list_class_init (AttestSourceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = attest_source_list_constructed;
  object_class->dispose = attest_source_list_dispose;
  object_class->finalize = attest_source_list_finalize;
  object_class->get_property = attest_source_list_get_property;
  object_class->set_property = attest_source_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  folded_quark = g_quark_from_static_string ("attest-source-folded");
}

static void
attest_source_list_init (AttestSourceList *self)
{
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
}

AttestSourceList *
attest_source_list_new (AttestStore *store)
{
  g_return_val_if_fail (store == NULL || ATTEST_IS_STORE (store), NULL);

  return g_object_new (ATTEST_TYPE_SOURCE_LIST, "store", store, NULL);
}

AttestStore *
attest_source_list_get_store (AttestSourceList *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE_LIST (self), NULL);

  return self->store;
}

void
attest_source_list_reload (AttestSourceList *self)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ATTEST_IS_SOURCE_LIST (self));

  if (self->store != NULL && !(fresh = attest_store_list_sources (self->store, &error)))
    g_warning ("Could not list the sources: %s", error->message);
  if (fresh == NULL)
    fresh = g_ptr_array_new_with_free_func (g_object_unref);
  attest_source_list_set_sources (self, fresh);
}

void
attest_source_list_set_sources (AttestSourceList *self,
                                GPtrArray        *fresh)
{
  guint old_len, new_len, prefix = 0, suffix = 0;

  g_return_if_fail (ATTEST_IS_SOURCE_LIST (self));
  g_return_if_fail (fresh != NULL);

  old_len = self->sources->len;
  new_len = fresh->len;

  while (prefix < old_len && prefix < new_len
         && source_equal (g_ptr_array_index (self->sources, prefix),
                          g_ptr_array_index (fresh, prefix)))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix
         && source_equal (g_ptr_array_index (self->sources, old_len - 1 - suffix),
                          g_ptr_array_index (fresh, new_len - 1 - suffix)))
    suffix++;

  if (prefix == old_len && prefix == new_len)
    return;

  /* Keep the old objects at both ends, take the new ones in between. */
  g_ptr_array_remove_range (self->sources, prefix, old_len - prefix - suffix);
  for (guint i = 0; i < new_len - prefix - suffix; i++)
    g_ptr_array_insert (self->sources, prefix + i,
                        g_object_ref (g_ptr_array_index (fresh, prefix + i)));

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_len - prefix - suffix, new_len - prefix - suffix);
  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

guint
attest_source_list_find (AttestSourceList *self,
                         const char       *uuid)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE_LIST (self), G_MAXUINT);

  if (uuid == NULL)
    return G_MAXUINT;
  for (guint i = 0; i < self->sources->len; i++)
    if (g_str_equal (attest_source_get_uuid (g_ptr_array_index (self->sources, i)), uuid))
      return i;
  return G_MAXUINT;
}

char *
attest_source_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Accents, harakat and the tatweel do not tell names apart. */
      if (g_unichar_ismark (c) || c == 0x0640)
        continue;
      g_string_append_unichar (bare, c);
    }

  g_strstrip (bare->str);
  return g_utf8_casefold (bare->str, -1);
}

static const char *
get_folded (AttestSource *source)
{
  char *folded = g_object_get_qdata (G_OBJECT (source), folded_quark);

  if (folded == NULL)
    {
      const char * const *aliases = attest_source_get_aliases (source);
      g_autoptr(GString) all = g_string_new (NULL);

      g_string_append (all, attest_source_get_name (source));
      for (guint i = 0; aliases[i] != NULL; i++)
        {
          g_string_append_c (all, '\n');
          g_string_append (all, aliases[i]);
        }
      folded = attest_source_fold (all->str);
      g_object_set_qdata_full (G_OBJECT (source), folded_quark, folded, g_free);
    }

  return folded;
}

static gboolean
is_word_start (const char *names,
               const char *at)
{
  gunichar before;

  if (at == names)
    return TRUE;
  before = g_utf8_get_char (g_utf8_prev_char (at));
  return !g_unichar_isalnum (before);
}

int
attest_source_match (AttestSource *source,
                     const char   *folded_key)
{
  const char *names;
  size_t key_len;
  int best = -1;

  g_return_val_if_fail (ATTEST_IS_SOURCE (source), -1);

  if (folded_key == NULL || *folded_key == '\0')
    return 2;

  names = get_folded (source);
  key_len = strlen (folded_key);

  for (const char *at = strstr (names, folded_key); at != NULL; at = strstr (at + 1, folded_key))
    {
      gboolean starts_line = at == names || at[-1] == '\n';
      gboolean ends_line = at[key_len] == '\0' || at[key_len] == '\n';
      int rank;

      if (starts_line && ends_line)
        return 0;
      rank = is_word_start (names, at) ? 1 : 2;
      if (best < 0 || rank < best)
        best = rank;
    }

  return best;
}
