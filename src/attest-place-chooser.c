/* attest-place-chooser.c: type-ahead choice of a place. The search page lists places whose
 * name or spelling matches (as attest_geo_name_key () folds names: "Salah al-Din" finds
 * "Şalāḩ ad Dīn"), "New Place" (its second page asks for the subdivision), "another spelling
 * of the current place", and the ISO 3166-2 subdivisions of that name. A highlighted row
 * follows Up and Down while the focus stays in the search field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-place-chooser"

#include "config.h"

#include <math.h>
#include <string.h>

#include "attest-place-chooser.h"

#include <glib/gi18n.h>

#define MAX_PLACES_SHOWN 40
#define MAX_SUBDIVISIONS 8

typedef enum
{
  ROW_PLACE,         /* a place of the gazetteer */
  ROW_NEW,           /* "New Place “…”": to the second page */
  ROW_SPELLING,      /* the text as another spelling of the current place */
  ROW_SUBDIVISION,   /* an ISO 3166-2 entry */
  ROW_NO_REGION,     /* a new place without a subdivision */
} RowKind;

struct _AttestPlaceChooser
{
  GtkPopover         parent_instance;

  AttestStore       *store;
  GPtrArray         *places;       /* AttestPlace, the gazetteer */
  char              *place_uuid;
  gboolean           dirty;

  /* Template widgets */
  GtkStack          *stack;
  GtkSearchEntry    *search_entry;
  GtkListBox        *results_list;
  GtkLabel          *empty_label;
  GtkEntry          *name_entry;
  GtkSearchEntry    *region_entry;
  GtkListBox        *region_list;
};

G_DEFINE_FINAL_TYPE (AttestPlaceChooser, attest_place_chooser, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLACE_UUID,
  N_PROPS
};

enum {
  PLACE_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static AttestPlace *
find_place (AttestPlaceChooser *self,
            const char         *uuid)
{
  for (guint i = 0; uuid != NULL && self->places != NULL && i < self->places->len; i++)
    {
      AttestPlace *place = g_ptr_array_index (self->places, i);

      if (g_str_equal (place->uuid, uuid))
        return place;
    }
  return NULL;
}

/* 0: the name is the text; 1: it starts with it; 2: contains it; -1: no match. */
static int
match_rank (const char *name,
            const char *key)
{
  g_autofree char *name_key = attest_geo_name_key (name);

  if (*key == '\0')
    return 2;
  if (g_str_equal (name_key, key))
    return 0;
  if (g_str_has_prefix (name_key, key))
    return 1;
  return strstr (name_key, key) != NULL ? 2 : -1;
}

static int
place_rank (AttestPlace *place,
            const char  *key)
{
  int best = match_rank (place->name, key);

  for (guint i = 0; place->aliases[i] != NULL; i++)
    {
      int rank = match_rank (place->aliases[i], key);

      if (rank >= 0 && (best < 0 || rank < best))
        best = rank;
    }
  return best;
}

static char *
describe_place (AttestPlace *place)
{
  GString *text = g_string_new (NULL);

  if (place->admin1 != NULL)
    g_string_append (text, place->admin1);
  if (place->admin1_code != NULL)
    g_string_append_printf (text, text->len ? " (%s)" : "%s", place->admin1_code);
  if (place->country != NULL)
    g_string_append_printf (text, text->len ? ", %s" : "%s", place->country);
  if (place->aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", place->aliases);

      /* Translators: the other spellings of a place */
      g_string_append_printf (text, text->len ? _(" · also %s") : _("Also %s"), joined);
    }
  return g_string_free (text, FALSE);
}

static char *
describe_subdivision (AttestGeoEntry *entry)
{
  g_autoptr(AttestGeoEntry) country = attest_geo_find_country (entry->country_code);

  /* Translators: an ISO 3166-2 entry: “Governorate · IQ-SD · Iraq” */
  return g_strdup_printf (_("%s · %s · %s"), entry->type ? entry->type : _("Subdivision"),
                          entry->code, country ? country->name : entry->country_code);
}

static GtkWidget *
create_row (RowKind     kind,
            const char *section,
            const char *icon_name,
            const char *title,
            const char *subtitle)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_widget_set_visible (subtitle_label, subtitle != NULL && *subtitle != '\0');
  gtk_box_append (GTK_BOX (labels), title_label);
  gtk_box_append (GTK_BOX (labels), subtitle_label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (row), "section", (gpointer) section);
  return row;
}

static void
set_row_data (GtkWidget  *row,
              const char *key,
              const char *value)
{
  g_object_set_data_full (G_OBJECT (row), key, g_strdup (value), g_free);
}

static GtkWidget *
create_subdivision_row (AttestGeoEntry *entry,
                        const char     *section)
{
  g_autofree char *subtitle = describe_subdivision (entry);
  GtkWidget *row = create_row (ROW_SUBDIVISION, section, "find-location-symbolic",
                               entry->name, subtitle);

  set_row_data (row, "name", entry->name);
  set_row_data (row, "code", entry->code);
  set_row_data (row, "country-code", entry->country_code);
  return row;
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  const char *section = g_object_get_data (G_OBJECT (row), "section");
  const char *before_section = before ? g_object_get_data (G_OBJECT (before), "section") : NULL;
  GtkWidget *header;

  if (section == NULL || g_strcmp0 (section, before_section) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (section);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkListBox *
current_list (AttestPlaceChooser *self)
{
  return g_str_equal (attest_place_chooser_get_page (self), "new") ? self->region_list
                                                                    : self->results_list;
}

static void
scroll_to_row (GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t bounds;
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (!gtk_widget_compute_bounds (row, list, &bounds))
    return;
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page);
}

static void
highlight (GtkListBox *list,
           int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  gtk_list_box_select_row (list, row);
  if (row != NULL)
    scroll_to_row (GTK_WIDGET (row));
}

static void
attest_place_chooser_refilter (AttestPlaceChooser *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *text = g_strstrip (g_strdup (typed));
  g_autofree char *key = attest_geo_name_key (text);
  g_autoptr(GPtrArray) subdivisions = NULL;
  g_autoptr(GPtrArray) ranked = g_ptr_array_new ();
  AttestPlace *current = find_place (self, self->place_uuid);
  const char *in_project = _("In This Project");
  gboolean exact = FALSE;

  clear_list (self->results_list);

  /* The gazetteer, best match first, by rank then name (the store's order). */
  for (int rank = 0; rank <= 2; rank++)
    for (guint i = 0; self->places != NULL && i < self->places->len; i++)
      if (place_rank (g_ptr_array_index (self->places, i), key) == rank
          && ranked->len < MAX_PLACES_SHOWN)
        {
          g_ptr_array_add (ranked, g_ptr_array_index (self->places, i));
          exact |= rank == 0 && *key != '\0';
        }
  for (guint i = 0; i < ranked->len; i++)
    {
      AttestPlace *place = g_ptr_array_index (ranked, i);
      g_autofree char *subtitle = describe_place (place);
      GtkWidget *row = create_row (ROW_PLACE, in_project, "mark-location-symbolic", place->name,
                                   subtitle);

      set_row_data (row, "uuid", place->uuid);
      set_row_data (row, "name", place->name);
      gtk_list_box_append (self->results_list, row);
    }

  if (*text != '\0' && !exact)
    {
      const char *add = _("Add");
      /* Translators: a row that adds the typed name to the gazetteer */
      g_autofree char *title = g_strdup_printf (_("New Place “%s”…"), text);
      GtkWidget *row = create_row (ROW_NEW, add, "list-add-symbolic", title,
                                   _("Then say which governorate or province it is in"));

      gtk_list_box_append (self->results_list, row);
      if (current != NULL)
        {
          g_autofree char *spelling = g_strdup_printf (_("“%s” Is Another Spelling"), text);
          /* Translators: “Machishafa” is another spelling of Makchifa */
          g_autofree char *of = g_strdup_printf (_("of %s"), current->name);

          row = create_row (ROW_SPELLING, add, "insert-text-symbolic", spelling, of);
          set_row_data (row, "uuid", current->uuid);
          set_row_data (row, "name", current->name);
          set_row_data (row, "alias", text);
          gtk_list_box_append (self->results_list, row);
        }
    }

  if (*key != '\0' && (subdivisions = attest_geo_find_subdivisions (text, NULL, MAX_SUBDIVISIONS)))
    for (guint i = 0; i < subdivisions->len; i++)
      gtk_list_box_append (self->results_list,
                           create_subdivision_row (g_ptr_array_index (subdivisions, i),
                                                   _("Governorates and Provinces (ISO 3166-2)")));

  gtk_widget_remove_css_class (GTK_WIDGET (self->empty_label), "error");
  gtk_label_set_text (self->empty_label, _("Type a place’s name to find or add it"));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          gtk_widget_get_first_child (GTK_WIDGET (self->results_list)) == NULL);
  highlight (self->results_list, 0);
}

/* The second page: where the new place is. Without a query, the subdivisions the
 * gazetteer already uses, since a project is mostly about one country. */
static void
attest_place_chooser_refill_regions (AttestPlaceChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->region_entry));
  g_autofree char *key = attest_geo_name_key (text);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) found = NULL;

  clear_list (self->region_list);
  if (*key != '\0')
    found = attest_geo_find_subdivisions (text, NULL, MAX_SUBDIVISIONS);
  else
    {
      found = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_geo_entry_free);
      for (guint i = 0; self->places != NULL && i < self->places->len; i++)
        {
          AttestPlace *place = g_ptr_array_index (self->places, i);
          g_autoptr(GPtrArray) entries = NULL;

          if (place->admin1_code == NULL || g_hash_table_contains (seen, place->admin1_code)
              || !(entries = attest_geo_find_subdivisions (place->admin1_code, NULL, 1))
              || entries->len == 0)
            continue;
          g_hash_table_add (seen, place->admin1_code);
          g_ptr_array_add (found, g_steal_pointer (&entries->pdata[0]));
        }
    }

  for (guint i = 0; found != NULL && i < found->len; i++)
    gtk_list_box_append (self->region_list,
                         create_subdivision_row (g_ptr_array_index (found, i), NULL));
  gtk_list_box_append (self->region_list,
                       create_row (ROW_NO_REGION, NULL, "action-unavailable-symbolic",
                                   _("None of These"), _("Record the place by its name only")));
  highlight (self->region_list, 0);
}

static void
attest_place_chooser_reload (AttestPlaceChooser *self)
{
  g_autoptr(GError) error = NULL;

  self->dirty = FALSE;
  g_clear_pointer (&self->places, g_ptr_array_unref);
  if (self->store != NULL && !(self->places = attest_store_list_places (self->store, &error)))
    g_warning ("Could not list the places: %s", error->message);
  attest_place_chooser_refilter (self);
}

static void
choose (AttestPlaceChooser *self,
        const char         *uuid,
        const char         *name)
{
  g_autofree char *uuid_copy = g_strdup (uuid);
  g_autofree char *name_copy = g_strdup (name);

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[PLACE_CHOSEN], 0, uuid_copy, name_copy);
}

static void
show_failure (AttestPlaceChooser *self,
              const GError       *error)
{
  g_debug ("The place was refused: %s", error->message);
  gtk_stack_set_visible_child_name (self->stack, "search");
  gtk_label_set_text (self->empty_label, error->message);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), TRUE);
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
create_and_choose (AttestPlaceChooser *self,
                   const AttestPlace  *spec)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = attest_store_create_place (self->store, spec, &error);

  if (uuid == NULL)
    show_failure (self, error);
  else
    choose (self, uuid, spec->name);
}

static void
choose_row (AttestPlaceChooser *self,
            GtkListBoxRow      *row)
{
  /* A change of the store rebuilds the list: the row and its data stay with us. */
  g_autoptr(GtkListBoxRow) keep = g_object_ref (row);
  RowKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
  const char *uuid = g_object_get_data (G_OBJECT (row), "uuid");
  const char *name = g_object_get_data (G_OBJECT (row), "name");
  gboolean new_page = g_str_equal (attest_place_chooser_get_page (self), "new");
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  g_autofree char *new_name = g_strstrip (g_strdup (typed));
  AttestPlace spec = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NAN, NAN, 0, NULL };
  g_autofree char *name_key = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  switch (kind)
    {
    case ROW_PLACE:
      choose (self, uuid, name);
      break;

    case ROW_NEW:
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry),
                             gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      gtk_editable_set_text (GTK_EDITABLE (self->region_entry), "");
      gtk_stack_set_visible_child_name (self->stack, "new");
      attest_place_chooser_refill_regions (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->region_entry));
      break;

    case ROW_SPELLING:
      if (!attest_store_add_place_alias (self->store, uuid,
                                         g_object_get_data (G_OBJECT (row), "alias"), &error))
        show_failure (self, error);
      else
        choose (self, uuid, name);
      break;

    case ROW_SUBDIVISION:
      spec.admin1 = (char *) name;
      spec.admin1_code = g_object_get_data (G_OBJECT (row), "code");
      spec.country_code = g_object_get_data (G_OBJECT (row), "country-code");
      if (new_page)
        {
          spec.name = new_name;
          create_and_choose (self, &spec);
          break;
        }
      /* The subdivision as the place: one the gazetteer may have already. */
      name_key = attest_geo_name_key (name);
      for (guint i = 0; self->places != NULL && i < self->places->len; i++)
        {
          AttestPlace *place = g_ptr_array_index (self->places, i);

          if (g_strcmp0 (place->admin1_code, spec.admin1_code) == 0
              && match_rank (place->name, name_key) == 0)
            {
              choose (self, place->uuid, place->name);
              return;
            }
        }
      spec.name = (char *) name;
      spec.geo_precision = 3;
      create_and_choose (self, &spec);
      break;

    case ROW_NO_REGION:
    default:
      spec.name = new_name;
      create_and_choose (self, &spec);
      break;
    }
}

/* Callbacks and actions */

static void
on_entry_activate (AttestPlaceChooser *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "place.choose", NULL);
}

static void
on_name_activate (AttestPlaceChooser *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->region_entry));
}

static void
on_region_stop (AttestPlaceChooser *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "place.back", NULL);
}

static void
on_store_changed (AttestPlaceChooser *self)
{
  /* A closed chooser catches up when it opens. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attest_place_chooser_reload (self);
  else
    self->dirty = TRUE;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttestPlaceChooser *self = ATTEST_PLACE_CHOOSER (widget);
  GtkListBox *list = current_list (self);
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (list);
  int delta = g_str_equal (action_name, "place.next") ? 1 : -1;
  int index = selected != NULL ? gtk_list_box_row_get_index (selected) + delta
                               : (delta > 0 ? 0 : -1);

  if (index < 0 || gtk_list_box_get_row_at_index (list, index) == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  highlight (list, index);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttestPlaceChooser *self = ATTEST_PLACE_CHOOSER (widget);
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (current_list (self));

  if (selected != NULL)
    choose_row (self, selected);
  else
    gtk_widget_error_bell (widget);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttestPlaceChooser *self = ATTEST_PLACE_CHOOSER (widget);

  gtk_stack_set_visible_child_name (self->stack, "search");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Overrides */

static void
attest_place_chooser_map (GtkWidget *widget)
{
  AttestPlaceChooser *self = ATTEST_PLACE_CHOOSER (widget);

  /* Every opening starts from an empty search over the current gazetteer. */
  gtk_stack_set_visible_child_name (self->stack, "search");
  if (self->dirty || self->places == NULL)
    attest_place_chooser_reload (self);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    attest_place_chooser_refilter (self);

  GTK_WIDGET_CLASS (attest_place_chooser_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
attest_place_chooser_dispose (GObject *object)
{
  AttestPlaceChooser *self = ATTEST_PLACE_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_PLACE_CHOOSER);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_place_chooser_parent_class)->dispose (object);
}

static void
attest_place_chooser_finalize (GObject *object)
{
  AttestPlaceChooser *self = ATTEST_PLACE_CHOOSER (object);

  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->place_uuid, g_free);

  G_OBJECT_CLASS (attest_place_chooser_parent_class)->finalize (object);
}

static void
attest_place_chooser_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AttestPlaceChooser *self = ATTEST_PLACE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PLACE_UUID:
      g_value_set_string (value, self->place_uuid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_place_chooser_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AttestPlaceChooser *self = ATTEST_PLACE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_place_chooser_set_store (self, g_value_get_object (value));
      break;

    case PROP_PLACE_UUID:
      attest_place_chooser_set_place_uuid (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_place_chooser_class_init (AttestPlaceChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_place_chooser_dispose;
  object_class->finalize = attest_place_chooser_finalize;
  object_class->get_property = attest_place_chooser_get_property;
  object_class->set_property = attest_place_chooser_set_property;
  widget_class->map = attest_place_chooser_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLACE_UUID] =
    g_param_spec_string ("place-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PLACE_CHOSEN] =
    g_signal_new ("place-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "place.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "place.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "place.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "place.back", NULL, back_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-place-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestPlaceChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, AttestPlaceChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AttestPlaceChooser, results_list);
  gtk_widget_class_bind_template_child (widget_class, AttestPlaceChooser, empty_label);
  gtk_widget_class_bind_template_child (widget_class, AttestPlaceChooser, name_entry);
  gtk_widget_class_bind_template_child (widget_class, AttestPlaceChooser, region_entry);
  gtk_widget_class_bind_template_child (widget_class, AttestPlaceChooser, region_list);
  gtk_widget_class_bind_template_callback (widget_class, attest_place_chooser_refilter);
  gtk_widget_class_bind_template_callback (widget_class, attest_place_chooser_refill_regions);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activate);
  gtk_widget_class_bind_template_callback (widget_class, gtk_popover_popdown);
  gtk_widget_class_bind_template_callback (widget_class, on_region_stop);
  gtk_widget_class_bind_template_callback (widget_class, choose_row);
}

static void
attest_place_chooser_init (AttestPlaceChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->results_list, update_header, NULL, NULL);
}

GtkWidget *
attest_place_chooser_new (void)
{
  return g_object_new (ATTEST_TYPE_PLACE_CHOOSER, NULL);
}

AttestStore *
attest_place_chooser_get_store (AttestPlaceChooser *self)
{
  g_return_val_if_fail (ATTEST_IS_PLACE_CHOOSER (self), NULL);

  return self->store;
}

void
attest_place_chooser_set_store (AttestPlaceChooser *self,
                                AttestStore        *store)
{
  g_return_if_fail (ATTEST_IS_PLACE_CHOOSER (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::places",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::place_aliases",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
    }
  attest_place_chooser_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
attest_place_chooser_get_place_uuid (AttestPlaceChooser *self)
{
  g_return_val_if_fail (ATTEST_IS_PLACE_CHOOSER (self), NULL);

  return self->place_uuid;
}

void
attest_place_chooser_set_place_uuid (AttestPlaceChooser *self,
                                     const char         *place_uuid)
{
  g_return_if_fail (ATTEST_IS_PLACE_CHOOSER (self));

  if (g_strcmp0 (self->place_uuid, place_uuid) == 0)
    return;
  g_free (self->place_uuid);
  self->place_uuid = g_strdup (place_uuid);
  attest_place_chooser_refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE_UUID]);
}

const char *
attest_place_chooser_get_page (AttestPlaceChooser *self)
{
  g_return_val_if_fail (ATTEST_IS_PLACE_CHOOSER (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
