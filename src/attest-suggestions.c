/* attest-suggestions.c: the suggestions the reader offers, and the current one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-suggestions"

#include "config.h"

#include "attest-suggestions.h"

struct _AttestSuggestions
{
  GPtrArray *items;
  int        position;
};

static gboolean
overlaps (guint a_start,
          guint a_end,
          guint b_start,
          guint b_end)
{
  return a_start < b_end && b_start < a_end;
}

static gboolean
overlaps_annotation (AttestSuggestion *suggestion,
                     GPtrArray        *annotations)
{
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      AttestAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (overlaps (suggestion->start, suggestion->end,
                    attest_annotation_get_start (annotation),
                    attest_annotation_get_end (annotation)))
        return TRUE;
    }
  return FALSE;
}

AttestSuggestions *
attest_suggestions_new (GPtrArray *suggestions,
                        GPtrArray *annotations)
{
  AttestSuggestions *self = g_new0 (AttestSuggestions, 1);

  g_return_val_if_fail (suggestions != NULL, self);

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_suggestion_free);
  for (guint i = 0; i < suggestions->len; i++)
    {
      AttestSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (suggestion->end <= suggestion->start || overlaps_annotation (suggestion, annotations))
        continue;
      g_ptr_array_add (self->items, g_ptr_array_steal_index (suggestions, i));
      i--;
    }
  g_ptr_array_unref (suggestions);
  self->position = self->items->len > 0 ? 0 : -1;
  return self;
}

void
attest_suggestions_free (AttestSuggestions *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self);
}

guint
attest_suggestions_get_n_items (AttestSuggestions *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

AttestSuggestion *
attest_suggestions_get_item (AttestSuggestions *self,
                             guint              position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

guint
attest_suggestions_count_type (AttestSuggestions    *self,
                               AttestSuggestionType  type)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->items->len; i++)
    if (((AttestSuggestion *) g_ptr_array_index (self->items, i))->type == type)
      n++;
  return n;
}

AttestSuggestion *
attest_suggestions_get_current (AttestSuggestions *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->position >= 0 ? g_ptr_array_index (self->items, self->position) : NULL;
}

int
attest_suggestions_get_position (AttestSuggestions *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->position;
}

void
attest_suggestions_set_position (AttestSuggestions *self,
                                 guint              position)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (position < self->items->len);

  self->position = position;
}

gboolean
attest_suggestions_next (AttestSuggestions *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->position < 0 || (guint) self->position + 1 >= self->items->len)
    return FALSE;
  self->position++;
  return TRUE;
}

gboolean
attest_suggestions_previous (AttestSuggestions *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->position <= 0)
    return FALSE;
  self->position--;
  return TRUE;
}

AttestSuggestion *
attest_suggestions_steal_current (AttestSuggestions *self)
{
  AttestSuggestion *stolen;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->position < 0)
    return NULL;
  stolen = g_ptr_array_steal_index (self->items, self->position);
  if ((guint) self->position >= self->items->len)
    self->position = (int) self->items->len - 1;
  return stolen;
}

void
attest_suggestions_remove_overlapping (AttestSuggestions *self,
                                       guint              start,
                                       guint              end)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      AttestSuggestion *suggestion = g_ptr_array_index (self->items, i);

      if (!overlaps (suggestion->start, suggestion->end, start, end))
        continue;
      g_ptr_array_remove_index (self->items, i);
      if (self->position > (int) i || (guint) self->position >= self->items->len)
        self->position--;
      i--;
    }
  if (self->items->len == 0)
    self->position = -1;
}
