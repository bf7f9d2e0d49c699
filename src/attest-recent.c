/* attest-recent.c: the projects opened last, kept in the recent-projects setting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-recent"

#include "config.h"

#include "attest-recent.h"

#include <glib/gi18n.h>

/* The setting is optional: a build tree run without the schema keeps nothing. */
static gboolean
has_recent_key (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;
  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, ATTEST_RECENT_KEY);
}

GVariant *
attest_recent_list_add (GVariant   *list,
                        const char *path,
                        gint64      opened,
                        guint       max)
{
  GVariantBuilder builder;
  guint n = 1;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (list == NULL || g_variant_is_of_type (list, ATTEST_RECENT_TYPE), NULL);

  g_variant_builder_init (&builder, ATTEST_RECENT_TYPE);
  g_variant_builder_add (&builder, "(sx)", path, opened);
  if (list != NULL)
    {
      GVariantIter iter;
      const char *other;
      gint64 when;

      g_variant_iter_init (&iter, list);
      while (n < max && g_variant_iter_next (&iter, "(&sx)", &other, &when))
        {
          if (g_str_equal (other, path))
            continue;
          g_variant_builder_add (&builder, "(sx)", other, when);
          n++;
        }
    }
  return g_variant_builder_end (&builder);
}

GVariant *
attest_recent_list_remove (GVariant   *list,
                           const char *path)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *other;
  gint64 when;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (g_variant_is_of_type (list, ATTEST_RECENT_TYPE), NULL);

  g_variant_builder_init (&builder, ATTEST_RECENT_TYPE);
  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "(&sx)", &other, &when))
    if (!g_str_equal (other, path))
      g_variant_builder_add (&builder, "(sx)", other, when);
  return g_variant_builder_end (&builder);
}

void
attest_recent_remember (GSettings  *settings,
                        const char *path)
{
  g_autoptr(GVariant) list = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (path != NULL);

  /* A GVariant string is UTF-8: a file name in another encoding cannot be kept. */
  if (!has_recent_key (settings) || !g_utf8_validate (path, -1, NULL))
    return;
  now = g_date_time_new_now_utc ();
  list = g_settings_get_value (settings, ATTEST_RECENT_KEY);
  g_settings_set_value (settings, ATTEST_RECENT_KEY,
                        attest_recent_list_add (list, path, g_date_time_to_unix (now),
                                                ATTEST_RECENT_MAX));
}

void
attest_recent_forget (GSettings  *settings,
                      const char *path)
{
  g_autoptr(GVariant) list = NULL;

  g_return_if_fail (path != NULL);

  if (!has_recent_key (settings))
    return;
  list = g_settings_get_value (settings, ATTEST_RECENT_KEY);
  g_settings_set_value (settings, ATTEST_RECENT_KEY, attest_recent_list_remove (list, path));
}

char *
attest_recent_dup_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_has_suffix (base, ".attest") && strlen (base) > strlen (".attest"))
    base[strlen (base) - strlen (".attest")] = '\0';
  return g_steal_pointer (&base);
}

char *
attest_recent_dup_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();
  size_t len = home != NULL ? strlen (home) : 0;

  /* "~/Research", as GNOME Files and Text Editor write a place in the home folder. */
  if (len > 1 && g_str_has_prefix (folder, home)
      && (folder[len] == '\0' || folder[len] == G_DIR_SEPARATOR))
    return g_strconcat ("~", folder + len, NULL);
  return g_steal_pointer (&folder);
}

char *
attest_recent_format_age (gint64 opened,
                          gint64 now)
{
  gint64 seconds = MAX (now - opened, 0);
  gint64 minutes = seconds / 60;
  gint64 hours = minutes / 60;
  gint64 days = hours / 24;
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) today = NULL;

  if (minutes < 1)
    return g_strdup (_("Just now"));
  if (hours < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago",
                                         (gulong) minutes), (int) minutes);
  if (hours < 24)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago",
                                         (gulong) hours), (int) hours);
  if (days < 2)
    return g_strdup (_("Yesterday"));
  if (days < 7)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago",
                                         (gulong) days), (int) days);

  then = g_date_time_new_from_unix_local (opened);
  today = g_date_time_new_from_unix_local (now);
  if (then == NULL || today == NULL)
    return g_strdup ("");
  if (g_date_time_get_year (then) == g_date_time_get_year (today))
    /* Translators: a date in the same year, see the strftime manual, e.g. "3 March" */
    return g_date_time_format (then, _("%-d %B"));
  /* Translators: a date in another year, see the strftime manual, e.g. "3 March 2024" */
  return g_date_time_format (then, _("%-d %B %Y"));
}
