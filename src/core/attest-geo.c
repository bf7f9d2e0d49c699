/* attest-geo.c: ISO 3166 names, loaded once from iso-codes' JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-geo"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "attest-geo.h"

#define DEFAULT_DIR "/usr/share/iso-codes/json"

typedef struct
{
  GPtrArray *countries;     /* AttestGeoEntry */
  GPtrArray *subdivisions;  /* AttestGeoEntry */
  GPtrArray *country_keys;  /* char *, parallel to countries */
  GPtrArray *subdivision_keys;
} GeoData;

void
attest_geo_entry_free (AttestGeoEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->code);
  g_free (entry->name);
  g_free (entry->type);
  g_free (entry->country_code);
  g_free (entry);
}

static AttestGeoEntry *
entry_copy (const AttestGeoEntry *entry)
{
  AttestGeoEntry *copy = g_new0 (AttestGeoEntry, 1);

  copy->code = g_strdup (entry->code);
  copy->name = g_strdup (entry->name);
  copy->type = g_strdup (entry->type);
  copy->country_code = g_strdup (entry->country_code);
  return copy;
}

static gboolean
is_dropped_word (const char *word)
{
  /* Arabic articles as transliterated, and what a subdivision is called. */
  static const char * const dropped[] = {
    "al", "ad", "an", "ar", "as", "at", "az", "ash", "el", "ed", "es", "the",
    "governorate", "province", "region", "district", "state", "county", "prefecture",
    "department", "oblast", "muhafazat", "wilayat", "of", NULL
  };

  return g_strv_contains (dropped, word);
}

char *
attest_geo_name_key (const char *name)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GString) cleaned = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  GString *key = g_string_new (NULL);

  if (name == NULL)
    return g_string_free (key, FALSE);

  /* "Şalāḩ" → "Salah"; letters without an ASCII form stay out of the key. */
  ascii = g_str_to_ascii (name, "C");
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (cleaned, g_ascii_tolower (*p));
      else if (*p == '\'' || *p == '`')
        continue;  /* Karbala' */
      else
        g_string_append_c (cleaned, ' ');
    }

  words = g_strsplit (cleaned->str, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0' || is_dropped_word (words[i]))
        continue;
      if (key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, words[i]);
    }

  return g_string_free (key, FALSE);
}

static const char *
data_dir (void)
{
  const char *dir = g_getenv ("ATTEST_ISO_CODES_DIR");

  return dir != NULL ? dir : DEFAULT_DIR;
}

static GPtrArray *
load_entries (const char *file,
              const char *member,
              gboolean    subdivisions)
{
  g_autofree char *path = g_build_filename (data_dir (), file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_geo_entry_free);
  JsonObject *root;
  JsonArray *array;

  if (!json_parser_load_from_mapped_file (parser, path, &error))
    {
      g_debug ("No ISO 3166 data at %s: %s", path, error->message);
      return entries;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
      || !(root = json_node_get_object (json_parser_get_root (parser)))
      || !json_object_has_member (root, member)
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, member)))
    return entries;

  array = json_object_get_array_member (root, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *obj;
      AttestGeoEntry *entry;
      const char *code;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      obj = json_node_get_object (node);
      code = json_object_get_string_member_with_default (obj, subdivisions ? "code" : "alpha_2",
                                                         NULL);
      if (code == NULL || !json_object_has_member (obj, "name"))
        continue;

      entry = g_new0 (AttestGeoEntry, 1);
      entry->code = g_strdup (code);
      entry->name = g_strdup (json_object_get_string_member_with_default (obj, "name", ""));
      if (subdivisions)
        {
          const char *dash = strchr (code, '-');

          entry->type = g_strdup (json_object_get_string_member_with_default (obj, "type", NULL));
          entry->country_code = dash ? g_strndup (code, dash - code) : g_strdup (code);
          /* Only first-level subdivisions: they have no parent. */
          if (json_object_has_member (obj, "parent"))
            {
              attest_geo_entry_free (entry);
              continue;
            }
        }
      else
        entry->country_code = g_strdup (code);
      g_ptr_array_add (entries, entry);
    }

  return entries;
}

static GPtrArray *
make_keys (GPtrArray *entries)
{
  GPtrArray *keys = g_ptr_array_new_full (entries->len, g_free);

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (keys, attest_geo_name_key (((AttestGeoEntry *) entries->pdata[i])->name));
  return keys;
}

static GeoData *
geo_data (void)
{
  static GeoData *data;

  if (g_once_init_enter (&data))
    {
      GeoData *loaded = g_new0 (GeoData, 1);

      loaded->countries = load_entries ("iso_3166-1.json", "3166-1", FALSE);
      loaded->subdivisions = load_entries ("iso_3166-2.json", "3166-2", TRUE);
      loaded->country_keys = make_keys (loaded->countries);
      loaded->subdivision_keys = make_keys (loaded->subdivisions);
      g_once_init_leave (&data, loaded);
    }

  return data;
}

gboolean
attest_geo_available (void)
{
  return geo_data ()->countries->len > 0;
}

AttestGeoEntry *
attest_geo_find_country (const char *name_or_code)
{
  GeoData *data = geo_data ();
  g_autofree char *key = NULL;

  if (name_or_code == NULL || *name_or_code == '\0')
    return NULL;

  for (guint i = 0; i < data->countries->len; i++)
    {
      AttestGeoEntry *entry = data->countries->pdata[i];

      if (g_ascii_strcasecmp (entry->code, name_or_code) == 0)
        return entry_copy (entry);
    }

  key = attest_geo_name_key (name_or_code);
  for (guint i = 0; i < data->countries->len; i++)
    if (g_str_equal (data->country_keys->pdata[i], key))
      return entry_copy (data->countries->pdata[i]);

  return NULL;
}

GPtrArray *
attest_geo_find_subdivisions (const char *query,
                              const char *country_code,
                              guint       limit)
{
  GeoData *data = geo_data ();
  g_autofree char *key = attest_geo_name_key (query);
  GPtrArray *exact = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_geo_entry_free);
  g_autoptr(GPtrArray) prefix = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_geo_entry_free);

  if (*key == '\0')
    return exact;
  if (limit == 0)
    limit = 20;

  for (guint i = 0; i < data->subdivisions->len; i++)
    {
      AttestGeoEntry *entry = data->subdivisions->pdata[i];
      const char *entry_key = data->subdivision_keys->pdata[i];

      if (country_code != NULL && g_ascii_strcasecmp (entry->country_code, country_code) != 0)
        continue;
      if (g_str_equal (entry_key, key) || g_ascii_strcasecmp (entry->code, query) == 0)
        g_ptr_array_add (exact, entry_copy (entry));
      else if (g_str_has_prefix (entry_key, key))
        g_ptr_array_add (prefix, entry_copy (entry));
    }

  for (guint i = 0; i < prefix->len && exact->len < limit; i++)
    g_ptr_array_add (exact, g_steal_pointer (&prefix->pdata[i]));
  if (exact->len > limit)
    g_ptr_array_set_size (exact, limit);

  return exact;
}
