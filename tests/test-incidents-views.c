/* test-incidents-views.c: the incident views driven as a researcher drives them, on the
 * demo article (an ISIS ambush at a checkpoint in a village spelled Makchifa and
 * Machishafa): the editor and its place chooser, the link popover, the evidence panel, the
 * incidents table, the timeline and "incidents in this article".
 *
 * With ATTEST_SCREENSHOT_DIR set, the tests also save PNGs of what they show there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "attest-article-incidents.h"
#include "attest-core.h"
#include "attest-evidence-panel.h"
#include "attest-incident-editor.h"
#include "attest-incident-format.h"
#include "attest-incidents-view.h"
#include "attest-link-incident-popover.h"
#include "attest-place-chooser.h"
#include "attest-timeline-private.h"
#include "attest-timeline-view.h"
#include "gui-test-util.h"

#define AMBUSH_QUOTE "resulted in the killing and wounding of dozens among the tribal crowd"
#define CROWD_QUOTE \
  "they did not have night vision goggles and were surprised by the attack by the ISIS fighters"
#define DIYALA_QUOTE \
  "the news of the Machishafa attack (in Salah al-Din Governorate) was disturbing"

typedef struct
{
  char             *dir;
  AttestStore      *store;
  char             *article;
  AttestAnnotation *quotes[3];   /* the ambush, the crowd, the Diyala residents */
  GtkWindow        *window;
} Fixture;

/* Widget look-ups, as a user finds things: by what they say */

static gboolean
has_placeholder (GtkWidget     *widget,
                 gconstpointer  text)
{
  g_autofree char *placeholder = NULL;

  if (!GTK_IS_SEARCH_ENTRY (widget) && !GTK_IS_ENTRY (widget))
    return FALSE;
  g_object_get (widget, "placeholder-text", &placeholder, NULL);
  return g_strcmp0 (placeholder, text) == 0;
}

static GtkWidget *
find_entry (GtkWidget  *root,
            const char *placeholder)
{
  GtkWidget *entry = find_widget (root, has_placeholder, placeholder);

  g_assert_nonnull (entry);
  return entry;
}

static gboolean
is_menu_button_for (GtkWidget     *widget,
                    gconstpointer  type)
{
  return GTK_IS_MENU_BUTTON (widget)
         && G_TYPE_CHECK_INSTANCE_TYPE (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)),
                                        GPOINTER_TO_SIZE (type));
}

static void
type_text (GtkWidget  *editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  spin ();
}

static void
choose_in_combo (GtkWidget  *row,
                 const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        spin ();
        return;
      }
  g_assert_not_reached ();
}

/* The fixture: the demo article with three quotes marked */

static void
mark (Fixture              *f,
      guint                 i,
      const char           *words,
      AttestAnnotationKind  kind,
      const char           *speaker,
      const char           *speaker_kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestArticle) article = attest_store_get_article (f->store, f->article, &error);
  guint start, end;

  g_assert_no_error (error);
  g_assert_true (attest_find_unique_span (attest_article_get_body (article), words,
                                          &start, &end, &error));
  f->quotes[i] = attest_store_annotate_span (f->store, f->article, kind, start, end, speaker,
                                             speaker_kind, NULL, "tester", &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  AttestArticleMeta meta = { .title = "ISIS exploits the coronavirus lockdown in Iraq",
                             .outlet = "Al Jazeera", .published = "2020-04-06",
                             .language = "en" };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *seed = g_build_filename (g_getenv ("ATTEST_SHARED_DIR"), "corpus", "seed",
                                            "iraq-isis-corona.txt", NULL);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (seed, &text, NULL, &error));
  f->dir = g_dir_make_tmp ("attest-incidents-views-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "incidents.attest", NULL);
  f->store = attest_store_create (path, &error);
  g_assert_no_error (error);
  f->article = attest_store_import_text (f->store, text, -1, &meta, &error);
  g_assert_no_error (error);

  /* The reporter's own words, the crowd's account, and the residents of Diyala. */
  mark (f, 0, AMBUSH_QUOTE, ATTEST_ANNOTATION_CLAIM, NULL, NULL);
  mark (f, 1, CROWD_QUOTE, ATTEST_ANNOTATION_INDIRECT, "Tribal crowd", "armed-group");
  mark (f, 2, DIYALA_QUOTE, ATTEST_ANNOTATION_INDIRECT, "Diyala residents", "resident");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 820);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  /* Dialogs the test left open go with the window. */
  destroy_toplevels ();

  for (guint i = 0; i < G_N_ELEMENTS (f->quotes); i++)
    g_clear_object (&f->quotes[i]);
  g_assert_finalize_object (f->store);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_free (f->article);
  g_free (f->dir);
}

static void
show (Fixture   *f,
      GtkWidget *child)
{
  gtk_window_set_child (f->window, child);
  gtk_window_present (f->window);
  wait_for_frames (GTK_WIDGET (f->window));
}

static AttestIncident *
record (Fixture    *f,
        const char *title,
        const char *type,
        const char *start,
        const char *end,
        const char *precision,
        gint64      killed)
{
  g_autoptr(GError) error = NULL;
  AttestIncidentFields fields;
  AttestIncident *incident;

  attest_incident_fields_init (&fields);
  fields.title = title;
  fields.event_type = type;
  fields.date_start = start;
  fields.date_end = end;
  fields.date_precision = precision;
  fields.fatalities_best = killed;
  incident = attest_store_save_incident (f->store, NULL, &fields, &error);
  g_assert_no_error (error);
  return incident;
}

/* Plain functions: formats, figures, titles, the timeline's layout */

static void
test_formats (void)
{
  static const struct {
    gint64 low, best, high;
    const char *text;
  } casualties[] = {
    { ATTEST_UNKNOWN, ATTEST_UNKNOWN, ATTEST_UNKNOWN, "?" },
    { 10, ATTEST_UNKNOWN, 12, "10–12" },
    { 10, 11, 12, "10–12" },
    { 10, ATTEST_UNKNOWN, 10, "10" },
    { 5, ATTEST_UNKNOWN, ATTEST_UNKNOWN, "≥5" },
    { ATTEST_UNKNOWN, ATTEST_UNKNOWN, 20, "≤20" },
    { ATTEST_UNKNOWN, 7, ATTEST_UNKNOWN, "7" },
    { 5, 7, ATTEST_UNKNOWN, "7" },
    { 0, ATTEST_UNKNOWN, 0, "0" },
  };
  static const struct {
    const char *start, *end, *precision, *text;
  } dates[] = {
    { "2020-04-04", NULL, "day", "4 Apr 2020" },
    { "2020-04-04", "2020-04-06", "day", "4–6 Apr 2020" },
    { "2020-03-30", "2020-04-02", "day", "30 Mar–2 Apr 2020" },
    { "2019-12-30", "2020-01-02", "day", "30 Dec 2019–2 Jan 2020" },
    { "2020-03-01", NULL, "month", "Mar 2020" },
    { "2020-01-01", NULL, "year", "2020" },
    { "2020-03-15", NULL, "week", "Week of 15 Mar 2020" },
    { "2020-03-15", NULL, NULL, "15 Mar 2020" },
    { NULL, NULL, "day", "Undated" },
    { "2020-02-30", NULL, "day", "Undated" },
  };
  static const struct {
    const char *text;
    gboolean ok;
    gint64 low, high;
  } figures[] = {
    { "12", TRUE, 12, 12 },
    { " 10-12 ", TRUE, 10, 12 },
    { "10–12", TRUE, 10, 12 },
    { "10 to 12", TRUE, 10, 12 },
    { "", TRUE, ATTEST_UNKNOWN, ATTEST_UNKNOWN },
    { "12-10", FALSE, 0, 0 },
    { "dozens", FALSE, 0, 0 },
    { "-3", FALSE, 0, 0 },
    { "1-2-3", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (casualties); i++)
    {
      g_autofree char *text = attest_format_casualties (casualties[i].low,
                                                                  casualties[i].best,
                                                                  casualties[i].high);

      g_assert_cmpstr (text, ==, casualties[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *text = attest_format_dates (dates[i].start, dates[i].end,
                                                             dates[i].precision);

      g_assert_cmpstr (text, ==, dates[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      gint64 low, high;

      g_assert_cmpint (attest_link_incident_parse_figure (figures[i].text, &low, &high), ==,
                       figures[i].ok);
      if (figures[i].ok)
        {
          g_assert_cmpint (low, ==, figures[i].low);
          g_assert_cmpint (high, ==, figures[i].high);
        }
    }
}

static void
test_titles (void)
{
  g_autofree char *ambush = attest_link_incident_title_from_text (AMBUSH_QUOTE);
  g_autofree char *short_one = attest_link_incident_title_from_text ("the checkpoint fell. Then");
  g_autofree char *empty = attest_link_incident_title_from_text (NULL);

  /* At most 60 characters, cut at a word, capitalised. */
  g_assert_cmpstr (ambush, ==, "Resulted in the killing and wounding of dozens among the…");
  g_assert_cmpstr (short_one, ==, "The checkpoint fell");
  g_assert_cmpstr (empty, ==, "");
}

static guint
julian (int y,
        int m,
        int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static void
test_timeline_layout (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) incidents = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const types[] = { "Battles", "Explosions/Remote violence",
                                 "Strategic developments", NULL };
  AttestTimelineScale scale = { .first_day = julian (2020, 3, 1), .px_per_day = 10,
                                .left = 100, .top = 30, .row_height = 20, .lane_gap = 10 };
  g_autoptr(AttestTimelineLayout) layout = NULL;
  g_autoptr(AttestTimelineLayout) zoomed = NULL;
  g_autoptr(GArray) ticks = NULL;
  const AttestTimelineMark *ambush, *range, *month, *clash, *zoomed_range;
  const AttestTimelineLane *lane;

  g_ptr_array_add (incidents, record (f, "Ambush at Makchifa", "Battles", "2020-04-04", NULL,
                                      "day", ATTEST_UNKNOWN));
  g_ptr_array_add (incidents, record (f, "Curfew", "Strategic developments", "2020-03-15",
                                      "2020-03-20", "day", ATTEST_UNKNOWN));
  g_ptr_array_add (incidents, record (f, "Coalition leaves bases", "Strategic developments",
                                      "2020-03-01", NULL, "month", ATTEST_UNKNOWN));
  g_ptr_array_add (incidents, record (f, "Clash the same day", "Battles", "2020-04-04", NULL,
                                      "day", 3));
  g_ptr_array_add (incidents, record (f, "Some day", NULL, NULL, NULL, NULL, ATTEST_UNKNOWN));

  layout = attest_timeline_layout_new (incidents, types, &scale);

  /* A mark per dated incident, in time order; the undated one is counted, not drawn. */
  g_assert_cmpuint (layout->marks->len, ==, 4);
  g_assert_cmpuint (layout->n_undated, ==, 1);
  month = &g_array_index (layout->marks, AttestTimelineMark, 0);
  range = &g_array_index (layout->marks, AttestTimelineMark, 1);
  ambush = &g_array_index (layout->marks, AttestTimelineMark, 2);
  clash = &g_array_index (layout->marks, AttestTimelineMark, 3);
  g_assert_cmpstr (attest_incident_get_title (month->incident), ==, "Coalition leaves bases");
  g_assert_cmpstr (attest_incident_get_title (range->incident), ==, "Curfew");

  /* A month is the whole of March, open; a range is a bar of its six days; a day is a dot
   * centred on it, as wide as it is high. */
  g_assert_true (month->vague);
  g_assert_false (month->range);
  g_assert_cmpfloat_with_epsilon (month->rect.origin.x, 100, 0.001);
  g_assert_cmpfloat_with_epsilon (month->rect.size.width, 31 * 10, 0.001);
  g_assert_true (range->range);
  g_assert_false (range->vague);
  g_assert_cmpfloat_with_epsilon (range->rect.origin.x, 100 + 14 * 10, 0.001);
  g_assert_cmpfloat_with_epsilon (range->rect.size.width, 6 * 10, 0.001);
  g_assert_false (ambush->range);
  g_assert_cmpfloat_with_epsilon (ambush->rect.size.width, ambush->rect.size.height, 0.001);
  g_assert_cmpfloat_with_epsilon (ambush->rect.origin.x + ambush->rect.size.width / 2,
                                  100 + 34 * 10 + 5, 0.001);

  /* One lane per type in the list's order, only those with incidents. */
  g_assert_cmpuint (layout->lanes->len, ==, 2);
  lane = &g_array_index (layout->lanes, AttestTimelineLane, 0);
  g_assert_cmpstr (lane->event_type, ==, "Battles");
  g_assert_cmpuint (lane->color, ==, 0);
  g_assert_cmpuint (ambush->lane, ==, 0);
  g_assert_cmpuint (month->lane, ==, 1);
  g_assert_cmpuint (g_array_index (layout->lanes, AttestTimelineLane, 1).color, ==, 2);

  /* Two incidents the same day stack in two rows; the lane grows to hold them. */
  g_assert_cmpuint (ambush->row + clash->row, ==, 1);
  g_assert_cmpuint (lane->n_rows, ==, 2);
  g_assert_false (graphene_rect_intersection (&ambush->rect, &clash->rect, NULL));
  /* The curfew sits inside March's open mark: it goes below it. */
  g_assert_cmpuint (range->row, ==, 1);
  g_assert_cmpfloat (range->rect.origin.y, >, month->rect.origin.y);
  g_assert_cmpfloat (month->label_room, ==, G_MAXDOUBLE);

  /* Twice the zoom: twice as wide, from the same origin. */
  scale.px_per_day = 20;
  zoomed = attest_timeline_layout_new (incidents, types, &scale);
  zoomed_range = &g_array_index (zoomed->marks, AttestTimelineMark, 1);
  g_assert_cmpfloat_with_epsilon (zoomed_range->rect.size.width, 2 * range->rect.size.width,
                                  0.001);

  /* Ticks by the zoom: days, weeks, months, years. */
  g_assert_cmpint (attest_timeline_unit_for_zoom (100), ==, ATTEST_TIMELINE_UNIT_DAY);
  g_assert_cmpint (attest_timeline_unit_for_zoom (20), ==, ATTEST_TIMELINE_UNIT_WEEK);
  g_assert_cmpint (attest_timeline_unit_for_zoom (4), ==, ATTEST_TIMELINE_UNIT_MONTH);
  g_assert_cmpint (attest_timeline_unit_for_zoom (0.5), ==, ATTEST_TIMELINE_UNIT_YEAR);
  scale.px_per_day = 4;
  ticks = attest_timeline_ticks (&scale, 400);
  g_assert_cmpuint (ticks->len, >=, 3);
  for (guint i = 0; i < ticks->len; i++)
    {
      const AttestTimelineTick *tick = &g_array_index (ticks, AttestTimelineTick, i);

      if (tick->day == julian (2020, 3, 1))
        {
          g_assert_cmpfloat_with_epsilon (tick->x, 100, 0.001);
          g_assert_cmpstr (tick->label, ==, "Mar 2020");
        }
      if (tick->day == julian (2020, 4, 1))
        g_assert_cmpstr (tick->label, ==, "Apr");
    }
}

/* Right to left, as an Arabic reader reads: the same marks in the same rows, mirrored, the
 * earliest on the right where the axis starts, and ticks going leftward. */
static void
test_timeline_layout_rtl (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) incidents = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const types[] = { "Battles", "Strategic developments", NULL };
  AttestTimelineScale scale = { .first_day = julian (2020, 3, 1), .px_per_day = 10,
                                .left = 0, .width = 600, .top = 30, .row_height = 20,
                                .lane_gap = 10 };
  AttestTimelineScale rtl = scale;
  g_autoptr(AttestTimelineLayout) ltr_layout = NULL;
  g_autoptr(AttestTimelineLayout) rtl_layout = NULL;
  g_autoptr(GArray) ticks = NULL;
  double march = 0, april = 0;

  g_ptr_array_add (incidents, record (f, "Ambush at Makchifa", "Battles", "2020-04-04", NULL,
                                      "day", ATTEST_UNKNOWN));
  g_ptr_array_add (incidents, record (f, "Curfew", "Strategic developments", "2020-03-15",
                                      "2020-03-20", "day", ATTEST_UNKNOWN));
  g_ptr_array_add (incidents, record (f, "Coalition leaves bases", "Strategic developments",
                                      "2020-03-01", NULL, "month", ATTEST_UNKNOWN));
  g_ptr_array_add (incidents, record (f, "Clash the same day", "Battles", "2020-04-04", NULL,
                                      "day", 3));
  rtl.rtl = TRUE;

  /* The axis starts at its right edge: day by day leftward, and back. */
  g_assert_cmpfloat_with_epsilon (attest_timeline_scale_day_to_x (&rtl, julian (2020, 3, 1)),
                                  600, 0.001);
  g_assert_cmpfloat_with_epsilon (attest_timeline_scale_day_to_x (&rtl, julian (2020, 3, 11)),
                                  500, 0.001);
  g_assert_cmpfloat_with_epsilon (attest_timeline_scale_day_to_x (&scale, julian (2020, 3, 11)),
                                  100, 0.001);
  g_assert_cmpfloat_with_epsilon (attest_timeline_scale_x_to_day (&rtl, 455),
                                  julian (2020, 3, 1) + 14.5, 0.001);
  g_assert_cmpfloat_with_epsilon (attest_timeline_scale_x_to_day (&scale, 145),
                                  julian (2020, 3, 1) + 14.5, 0.001);

  ltr_layout = attest_timeline_layout_new (incidents, types, &scale);
  rtl_layout = attest_timeline_layout_new (incidents, types, &rtl);
  g_assert_cmpuint (rtl_layout->marks->len, ==, 4);
  g_assert_cmpuint (rtl_layout->lanes->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (rtl_layout->height, ltr_layout->height, 0.001);
  for (guint i = 0; i < rtl_layout->marks->len; i++)
    {
      const AttestTimelineMark *ltr_mark = &g_array_index (ltr_layout->marks,
                                                           AttestTimelineMark, i);
      const AttestTimelineMark *rtl_mark = &g_array_index (rtl_layout->marks,
                                                           AttestTimelineMark, i);

      g_assert_true (rtl_mark->incident == ltr_mark->incident);
      g_assert_cmpuint (rtl_mark->lane, ==, ltr_mark->lane);
      g_assert_cmpuint (rtl_mark->row, ==, ltr_mark->row);
      g_assert_cmpfloat_with_epsilon (rtl_mark->rect.origin.y, ltr_mark->rect.origin.y, 0.001);
      g_assert_cmpfloat_with_epsilon (rtl_mark->rect.size.width, ltr_mark->rect.size.width,
                                      0.001);
      /* Mirrored about the axis's middle, x = 300. */
      g_assert_cmpfloat_with_epsilon (rtl_mark->rect.origin.x + rtl_mark->rect.size.width,
                                      600 - ltr_mark->rect.origin.x, 0.001);
      g_assert_cmpfloat (rtl_mark->label_room, ==, ltr_mark->label_room);
    }

  /* March is the whole month from the right edge; the curfew's six days end 14 days to its
   * left; the ambush's dot is on 4 April, 34 days along. */
  {
    const AttestTimelineMark *month = &g_array_index (rtl_layout->marks, AttestTimelineMark, 0);
    const AttestTimelineMark *range = &g_array_index (rtl_layout->marks, AttestTimelineMark, 1);
    const AttestTimelineMark *ambush = &g_array_index (rtl_layout->marks, AttestTimelineMark, 2);

    g_assert_cmpfloat_with_epsilon (month->rect.origin.x, 600 - 31 * 10, 0.001);
    g_assert_cmpfloat_with_epsilon (month->rect.origin.x + month->rect.size.width, 600, 0.001);
    g_assert_cmpfloat_with_epsilon (range->rect.origin.x, 600 - 20 * 10, 0.001);
    g_assert_cmpfloat_with_epsilon (ambush->rect.origin.x + ambush->rect.size.width / 2,
                                    600 - 34 * 10 - 5, 0.001);
    /* Later is further left. */
    g_assert_cmpfloat (ambush->rect.origin.x, <, range->rect.origin.x);
  }

  /* The ticks: 1 March at the right edge, 1 April 31 days to its left. */
  rtl.px_per_day = 4;
  ticks = attest_timeline_ticks (&rtl, 600);
  for (guint i = 0; i < ticks->len; i++)
    {
      const AttestTimelineTick *tick = &g_array_index (ticks, AttestTimelineTick, i);

      if (i > 0)
        g_assert_cmpfloat (tick->x, <, g_array_index (ticks, AttestTimelineTick, i - 1).x);
      if (tick->day == julian (2020, 3, 1))
        {
          march = tick->x;
          g_assert_cmpstr (tick->label, ==, "Mar 2020");
        }
      if (tick->day == julian (2020, 4, 1))
        april = tick->x;
    }
  g_assert_cmpfloat_with_epsilon (march, 600, 0.001);
  g_assert_cmpfloat_with_epsilon (april, 600 - 31 * 4, 0.001);
}

/* The user's story: the ambush recorded, placed, its sources linked and weighed */

static GtkWidget *
open_place_chooser (GtkWidget *editor)
{
  GtkWidget *button = find_widget (editor, is_menu_button_for,
                                   GSIZE_TO_POINTER (ATTEST_TYPE_PLACE_CHOOSER));
  GtkWidget *chooser;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  chooser = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  wait_for_frames (chooser);
  g_assert_true (gtk_widget_get_mapped (chooser));
  return chooser;
}

typedef struct
{
  char *link_uuid;
  char *incident_uuid;
  char *created_uuid;
} Linked;

static void
on_linked (AttestLinkIncidentPopover *popover,
           const char                *link_uuid,
           const char                *incident_uuid,
           Linked                    *linked)
{
  g_free (linked->link_uuid);
  g_free (linked->incident_uuid);
  linked->link_uuid = g_strdup (link_uuid);
  linked->incident_uuid = g_strdup (incident_uuid);
}

static void
on_created (AttestLinkIncidentPopover *popover,
            const char                *incident_uuid,
            Linked                    *linked)
{
  g_free (linked->created_uuid);
  linked->created_uuid = g_strdup (incident_uuid);
}

static void
linked_clear (Linked *linked)
{
  g_clear_pointer (&linked->link_uuid, g_free);
  g_clear_pointer (&linked->incident_uuid, g_free);
  g_clear_pointer (&linked->created_uuid, g_free);
}

/* Opens the popover for a quote, types, picks a field, relation and figure, presses Enter. */
static void
link_quote (GtkMenuButton    *button,
            AttestAnnotation *quote,
            const char       *search,
            guint             field,
            const char       *relation,
            const char       *figure)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  GtkWidget *entry;

  attest_link_incident_popover_set_annotation_uuid (ATTEST_LINK_INCIDENT_POPOVER (popover),
                                                    attest_annotation_get_uuid (quote));
  gtk_menu_button_popup (button);
  wait_for_frames (popover);
  entry = find_entry (popover, "Search incidents by title, place or type");
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_focus (entry)
                 || gtk_widget_get_focus_child (entry) != NULL);
  type_text (entry, search);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_by_type (popover, GTK_TYPE_DROP_DOWN)), field);
  spin ();
  if (relation != NULL)
    {
      GtkWidget *toggle = find_widget (popover, is_button_labelled, relation);

      g_assert_nonnull (toggle);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
    }
  if (figure != NULL)
    {
      GtkWidget *figure_entry = find_entry (popover, "12, or 10–12; empty if none");

      g_assert_true (gtk_widget_get_visible (figure_entry));
      type_text (figure_entry, figure);
    }
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_assert_false (gtk_widget_get_visible (popover));
}

static guint
count_evidence_rows (GtkWidget *widget)
{
  guint n = ADW_IS_ACTION_ROW (widget) && g_object_get_data (G_OBJECT (widget), "evidence");

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_evidence_rows (child);
  return n;
}

static const char *
selected_uuid (GtkWidget *view)
{
  AttestIncident *selected;

  selected = attest_incidents_view_get_selected_incident (ATTEST_INCIDENTS_VIEW (view));

  return selected != NULL ? attest_incident_get_uuid (selected) : NULL;
}

/* The form, from the top and scrolled to its end, in a window of its own. */
static void
screenshot_whole_editor (AttestStore *store,
                         const char  *uuid,
                         const char  *name)
{
  g_autoptr(AttestIncident) incident = attest_store_get_incident (store, uuid, NULL);
  g_autofree char *end_name = g_strconcat (name, "-end", NULL);
  GtkAdjustment *adjustment;
  GtkWindow *window;
  GtkWidget *editor, *page;

  if (g_getenv ("ATTEST_SCREENSHOT_DIR") == NULL)
    return;
  window = GTK_WINDOW (gtk_window_new ());
  editor = attest_incident_editor_new ();
  attest_incident_editor_set_store (ATTEST_INCIDENT_EDITOR (editor), store);
  attest_incident_editor_set_incident (ATTEST_INCIDENT_EDITOR (editor), incident);
  gtk_window_set_default_size (window, 640, 880);
  gtk_window_set_child (window, editor);
  gtk_window_present (window);
  wait_for_frames (GTK_WIDGET (window));
  gtk_window_set_focus (window, NULL);
  screenshot (GTK_WIDGET (window), name);

  /* The page's own scroller, not one inside a drop-down of the form. */
  page = find_by_type (editor, ADW_TYPE_PREFERENCES_PAGE);
  page = gtk_widget_get_first_child (page);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  wait_for_frames (GTK_WIDGET (window));
  screenshot (GTK_WIDGET (window), end_name);
  gtk_window_destroy (window);
  spin ();
}

static void
test_ambush_story (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = attest_incidents_view_new ();
  GtkWidget *link_button = gtk_menu_button_new ();
  GtkWidget *link_popover = attest_link_incident_popover_new ();
  GtkWidget *editor, *chooser, *entry, *panel, *row, *kind;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(AttestPlace) place = NULL;
  g_autoptr(AttestPlace) by_other_spelling = NULL;
  AttestIncident *ambush;
  g_autofree char *ambush_uuid = NULL;
  Linked linked = { NULL, };
  const char *relations[3] = { NULL, NULL, NULL };
  const guint fields[3] = { 5, 0, 2 };   /* Fatalities, the whole incident, Place */

  attest_incidents_view_set_store (ATTEST_INCIDENTS_VIEW (view), f->store);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (link_button), "Link to Incident…");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (link_button), link_popover);
  attest_link_incident_popover_set_store (ATTEST_LINK_INCIDENT_POPOVER (link_popover), f->store);
  g_signal_connect (link_popover, "linked", G_CALLBACK (on_linked), &linked);
  gtk_box_append (GTK_BOX (box), view);
  gtk_box_append (GTK_BOX (box), link_button);
  show (f, box);
  g_assert_nonnull (find_widget (view, is_mapped_status_page, "No Incidents"));

  /* A new incident from the ambush paragraph. */
  gtk_widget_activate_action (view, "incidents.new", NULL);
  spin ();
  editor = find_by_type (view, ATTEST_TYPE_INCIDENT_EDITOR);
  g_assert_true (attest_incident_editor_get_is_new (ATTEST_INCIDENT_EDITOR (editor)));
  g_assert_false (gtk_widget_is_sensitive (find_widget (editor, is_button_labelled, "_Save")));
  type_text (find_row (editor, "Title"), "ISIS ambush on a tribal mobilization checkpoint");
  g_assert_true (gtk_widget_is_sensitive (find_widget (editor, is_button_labelled, "_Save")));
  choose_in_combo (find_row (editor, "Event Type"), "Battles");
  choose_in_combo (find_row (editor, "Sub-Event Type"), "Armed clash");
  type_text (find_row (editor, "Start"), "2020-04-04");
  choose_in_combo (find_row (editor, "Precision"), "Day");
  type_text (find_row (editor, "As Reported"), "Saturday evening");
  type_text (find_row (editor, "Location as Reported"), "the village of Makchifa");

  /* The village is new to the project: named, then placed in Salah al-Din (IQ-SD). */
  chooser = open_place_chooser (editor);
  entry = find_entry (chooser, "Any spelling, or a governorate");
  type_text (entry, "Makchifa");
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_assert_cmpstr (attest_place_chooser_get_page (ATTEST_PLACE_CHOOSER (chooser)), ==, "new");
  entry = find_entry (chooser, "Search ISO 3166-2 subdivisions");
  type_text (entry, "Salah al-Din Governorate");
  g_assert_nonnull (find_widget (chooser, is_mapped_label_containing, "IQ-SD"));
  screenshot (chooser, "place-chooser");
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_assert_false (gtk_widget_get_visible (chooser));
  place = attest_store_find_place (f->store, "Makchifa", &error);
  g_assert_no_error (error);
  g_assert_nonnull (place);
  g_assert_cmpstr (place->admin1_code, ==, "IQ-SD");
  g_assert_cmpstr (place->country_code, ==, "IQ");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (editor, "Place"))),
                   ==, "Makchifa, Şalāḩ ad Dīn (IQ-SD), Iraq");

  /* Who: the attackers and the attacked. */
  type_text (find_row (editor, "Add Actor"), "Islamic State (ISIS)");
  g_signal_emit_by_name (find_row (editor, "Add Actor"), "apply");
  type_text (find_row (editor, "Add Actor"), "Tribal Mobilization forces");
  g_signal_emit_by_name (find_row (editor, "Add Actor"), "apply");
  spin ();
  row = find_row (editor, "Islamic State (ISIS)");
  kind = find_row (row, "Kind of Actor");
  type_text (kind, "Rebel group");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Perpetrator · Rebel group");

  /* Ctrl+S saves: the store has it, the table shows and selects it. */
  gtk_widget_activate_action (editor, "incident-editor.save", NULL);
  spin ();
  g_assert_false (attest_incident_editor_get_modified (ATTEST_INCIDENT_EDITOR (editor)));
  incidents = attest_store_list_incidents (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (incidents->len, ==, 1);
  ambush = g_ptr_array_index (incidents, 0);
  ambush_uuid = g_strdup (attest_incident_get_uuid (ambush));
  g_assert_cmpstr (attest_incident_get_title (ambush), ==,
                   "ISIS ambush on a tribal mobilization checkpoint");
  g_assert_cmpstr (attest_incident_get_date_start (ambush), ==, "2020-04-04");
  g_assert_cmpstr (attest_incident_get_date_precision (ambush), ==, "day");
  g_assert_cmpstr (attest_incident_get_date_as_reported (ambush), ==, "Saturday evening");
  g_assert_cmpstr (attest_incident_get_event_type (ambush), ==, "Battles");
  g_assert_cmpstr (attest_incident_get_sub_event_type (ambush), ==, "Armed clash");
  g_assert_cmpstr (attest_incident_get_place_uuid (ambush), ==, place->uuid);
  g_assert_cmpstr (attest_incident_get_location (ambush), ==, "Makchifa");
  g_assert_cmpstr (attest_incident_get_admin1 (ambush), ==, "Şalāḩ ad Dīn");
  g_assert_cmpstr (attest_incident_get_location_as_reported (ambush), ==,
                   "the village of Makchifa");
  g_assert_cmpint (attest_incident_get_fatalities_low (ambush), ==, ATTEST_UNKNOWN);
  g_assert_cmpstr (attest_incident_get_status (ambush), ==, "draft");
  actors = attest_store_list_incident_actors (f->store, ambush_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actors->len, ==, 2);
  g_assert_cmpstr (((AttestIncidentActor *) actors->pdata[0])->role, ==, "perpetrator");
  g_assert_cmpstr (((AttestIncidentActor *) actors->pdata[0])->actor_type, ==, "Rebel group");
  g_assert_cmpstr (((AttestIncidentActor *) actors->pdata[1])->name, ==,
                   "Tribal Mobilization forces");
  g_assert_cmpstr (((AttestIncidentActor *) actors->pdata[1])->role, ==, "target");
  g_assert_cmpstr (selected_uuid (view), ==, ambush_uuid);

  /* The three quotes, linked through the popover: the reporter's figure for the dead
   * ("dozens": 24 at least), the crowd's account of the whole, the residents' spelling. */
  link_quote (GTK_MENU_BUTTON (link_button), f->quotes[0], "ambush", fields[0], relations[0], "24");
  g_assert_cmpstr (linked.incident_uuid, ==, ambush_uuid);
  link_quote (GTK_MENU_BUTTON (link_button), f->quotes[1], "checkpoint", fields[1], "_Reports",
              NULL);
  g_assert_cmpstr (linked.incident_uuid, ==, ambush_uuid);
  link_quote (GTK_MENU_BUTTON (link_button), f->quotes[2], "", fields[2], NULL, NULL);
  g_assert_cmpstr (linked.incident_uuid, ==, ambush_uuid);
  evidence = attest_store_list_evidence (f->store, ambush_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 3);
  for (guint i = 0; i < evidence->len; i++)
    {
      AttestEvidence *e = g_ptr_array_index (evidence, i);

      if (g_strcmp0 (e->field, "fatalities") == 0)
        {
          g_assert_cmpint (e->figure_low, ==, 24);
          g_assert_cmpint (e->figure_high, ==, 24);
          g_assert_cmpstr (e->annotation_uuid, ==, attest_annotation_get_uuid (f->quotes[0]));
        }
    }

  /* The evidence panel: three rows in three groups, and who counts as independent. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_by_type (view, ADW_TYPE_VIEW_STACK)),
                                         "evidence");
  spin ();
  panel = find_by_type (view, ATTEST_TYPE_EVIDENCE_PANEL);
  g_assert_cmpuint (attest_evidence_panel_get_evidence (ATTEST_EVIDENCE_PANEL (panel))->len,
                    ==, 3);
  g_assert_cmpuint (count_evidence_rows (panel), ==, 3);
  g_assert_cmpuint (attest_evidence_count_independent (evidence, "fatalities"), ==, 1);
  g_assert_nonnull (find_widget (panel, is_mapped_label_containing, "1 independent source"));
  g_assert_nonnull (find_widget (panel, is_mapped_label_containing, "Tribal crowd (Armed group)"));
  g_assert_nonnull (find_widget (panel, is_mapped_label_containing, "The Incident’s Estimate"));
  screenshot (GTK_WIDGET (f->window), "incidents-view-evidence");
  screenshot (panel, "evidence-panel");

  /* "Machishafa" is another spelling of the same village, added from the chooser. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_by_type (view, ADW_TYPE_VIEW_STACK)),
                                         "details");
  spin ();
  chooser = open_place_chooser (editor);
  entry = find_entry (chooser, "Any spelling, or a governorate");
  type_text (entry, "Machishafa");
  g_assert_nonnull (find_widget (chooser, is_mapped_label_containing,
                                 "“Machishafa” Is Another Spelling"));
  gtk_widget_activate_action (chooser, "place.next", NULL);
  gtk_widget_activate_action (chooser, "place.choose", NULL);
  spin ();
  by_other_spelling = attest_store_find_place (f->store, "Machishafa", &error);
  g_assert_no_error (error);
  g_assert_nonnull (by_other_spelling);
  g_assert_cmpstr (by_other_spelling->uuid, ==, place->uuid);
  row = find_row (editor, "Place");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "also spelled Machishafa"));
  g_assert_false (attest_incident_editor_get_modified (ATTEST_INCIDENT_EDITOR (editor)));
  screenshot (GTK_WIDGET (f->window), "incidents-view");
  screenshot_whole_editor (f->store, ambush_uuid, "incident-editor");

  linked_clear (&linked);
}

/* The casualty figures side by side: who said what, of which kind, who disputes */

static gboolean
is_figure (GtkWidget     *widget,
           gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric")
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static void
on_open_annotation (GtkWidget   *panel,
                    const char  *article_uuid,
                    const char  *annotation_uuid,
                    char       **out)
{
  g_free (*out);
  *out = g_strdup (article_uuid);
}

static void
test_reconciliation (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *panel = attest_evidence_panel_new ();
  g_autoptr(AttestIncident) ambush = NULL;
  g_autoptr(AttestAnnotation) spokesman = NULL;
  g_autoptr(AttestArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *open_article = NULL;
  AttestIncidentFields fields;
  GPtrArray *evidence;
  GtkWidget *figure, *row;
  guint start, end;
  struct {
    AttestAnnotation *quote;
    const char *field, *relation;
    gint64 low, high;
  } links[4];

  attest_incident_fields_init (&fields);
  fields.title = "ISIS ambush on a tribal mobilization checkpoint";
  fields.date_start = "2020-04-04";
  fields.event_type = "Battles";
  fields.fatalities_low = 10;
  fields.fatalities_best = 12;
  fields.fatalities_high = 15;
  ambush = attest_store_save_incident (f->store, NULL, &fields, &error);
  g_assert_no_error (error);
  article = attest_store_get_article (f->store, f->article, &error);
  g_assert_true (attest_find_unique_span (attest_article_get_body (article),
                                          "The Corona virus is an important factor",
                                          &start, &end, &error));
  spokesman = attest_store_annotate_span (f->store, f->article, ATTEST_ANNOTATION_DIRECT, start,
                                          end, "Tahsin al-Khafaji", "official", NULL, "tester",
                                          &error);
  g_assert_no_error (error);

  /* The reporter says dozens, the spokesman twelve, the residents dispute it. */
  links[0] = (typeof (links[0])) { f->quotes[0], "fatalities", "reports", 24, 24 };
  links[1] = (typeof (links[1])) { spokesman, "fatalities", "reports", 12, 12 };
  links[2] = (typeof (links[2])) { f->quotes[2], "fatalities", "disputes", 5, 5 };
  links[3] = (typeof (links[3])) { f->quotes[1], "injuries", "reports", 20, 30 };
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      const char *quote = attest_annotation_get_uuid (links[i].quote);
      g_autofree char *uuid = attest_store_link_evidence (f->store,
                                                          attest_incident_get_uuid (ambush), quote,
                                                          NULL, links[i].field, links[i].relation,
                                                          links[i].low, links[i].high, &error);

      g_assert_no_error (error);
    }

  attest_evidence_panel_set_store (ATTEST_EVIDENCE_PANEL (panel), f->store);
  attest_evidence_panel_set_incident (ATTEST_EVIDENCE_PANEL (panel), ambush);
  g_signal_connect (panel, "open-annotation", G_CALLBACK (on_open_annotation), &open_article);
  gtk_window_set_default_size (f->window, 640, 900);
  show (f, panel);

  evidence = attest_evidence_panel_get_evidence (ATTEST_EVIDENCE_PANEL (panel));
  g_assert_cmpuint (evidence->len, ==, 4);
  g_assert_cmpuint (count_evidence_rows (panel), ==, 4);
  /* Two who report the dead: the paper and the spokesman; the residents dispute. */
  g_assert_cmpuint (attest_evidence_count_independent (evidence, "fatalities"), ==, 2);
  g_assert_nonnull (find_widget (panel, is_mapped_label_containing,
                                 "2 independent sources, 1 disputing"));
  g_assert_nonnull (find_widget (panel, is_mapped_label_containing,
                                 "Tahsin al-Khafaji (Official)"));
  g_assert_nonnull (find_widget (panel, is_mapped_label_containing, "Diyala residents (Resident)"));
  /* Each figure beside the incident's 10–15: 12 agrees, 24 and 5 do not. */
  g_assert_nonnull (find_widget (panel, is_figure, "10–15"));
  figure = find_widget (panel, is_figure, "12");
  g_assert_false (gtk_widget_has_css_class (figure, "warning"));
  figure = find_widget (panel, is_figure, "24");
  g_assert_true (gtk_widget_has_css_class (figure, "warning"));
  g_assert_true (gtk_widget_has_css_class (find_widget (panel, is_figure, "5"), "warning"));
  g_assert_nonnull (find_widget (panel, is_figure, "20–30"));
  g_assert_nonnull (find_widget (panel, is_mapped_label_containing, "Disputes"));
  screenshot (GTK_WIDGET (f->window), "evidence-reconciliation");

  /* A row opens its quote in the article. */
  row = find_widget (panel, is_mapped_label_containing, "Tahsin al-Khafaji (Official)");
  row = gtk_widget_get_ancestor (row, ADW_TYPE_ACTION_ROW);
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpstr (open_article, ==, f->article);

  /* Unlinking the disputing one: the count and the rows follow, and undo brings it back. */
  for (guint i = 0; i < evidence->len; i++)
    if (g_strcmp0 (((AttestEvidence *) evidence->pdata[i])->relation, "disputes") == 0)
      {
        g_autofree char *uuid = g_strdup (((AttestEvidence *) evidence->pdata[i])->uuid);

        gtk_widget_activate_action (panel, "evidence.unlink", "s", uuid);
        break;
      }
  spin ();
  g_assert_cmpuint (count_evidence_rows (panel), ==, 3);
  g_assert_nonnull (find_widget (panel, is_mapped_label_containing, "2 independent sources"));
  g_assert_true (attest_store_undo (f->store, &error));
  spin ();
  g_assert_cmpuint (count_evidence_rows (panel), ==, 4);
}

/* The table sorts by date, keeps its selection across reloads, and filters */


static GtkColumnViewColumn *
find_column (GtkWidget  *view,
             const char *title)
{
  GtkWidget *column_view = find_by_type (view, GTK_TYPE_COLUMN_VIEW);
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        return column;
    }
  g_assert_not_reached ();
}

static void
assert_order (GtkWidget          *view,
              const char * const *titles)
{
  GListModel *model = attest_incidents_view_get_model (ATTEST_INCIDENTS_VIEW (view));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, g_strv_length ((char **) titles));
  for (guint i = 0; titles[i] != NULL; i++)
    {
      g_autoptr(AttestIncident) incident = g_list_model_get_item (model, i);

      g_assert_cmpstr (attest_incident_get_title (incident), ==, titles[i]);
    }
}

static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *view = attest_incidents_view_new ();
  g_autoptr(AttestIncident) ambush = record (f, "Ambush at Makchifa", "Battles", "2020-04-04",
                                             NULL, "day", 12);
  g_autoptr(AttestIncident) lockdown = record (f, "Lockdown", "Strategic developments",
                                               "2020-03-15", NULL, "week", ATTEST_UNKNOWN);
  g_autoptr(AttestIncident) undated = record (f, "Attacks near Kirkuk", "Battles", NULL, NULL,
                                              NULL, ATTEST_UNKNOWN);
  g_autoptr(AttestIncident) coalition = NULL;
  g_autoptr(AttestIncident) edited = NULL;
  g_autoptr(GError) error = NULL;
  const char * const by_date[] = { "Lockdown", "Ambush at Makchifa", "Attacks near Kirkuk", NULL };
  const char * const by_date_down[] = { "Attacks near Kirkuk", "Ambush at Makchifa", "Lockdown",
                                        NULL };
  const char * const with_coalition[] = { "Coalition leaves Qayyarah", "Lockdown",
                                          "Ambush at Makchifa", "Attacks near Kirkuk", NULL };
  const char * const battles[] = { "Ambush at Makchifa", "Attacks near Kirkuk", NULL };
  const char * const searched[] = { "Coalition leaves Qayyarah", NULL };
  AttestIncidentFields fields;
  GtkWidget *type_dropdown;

  attest_incidents_view_set_store (ATTEST_INCIDENTS_VIEW (view), f->store);
  show (f, view);

  /* By date; the undated after every date, so before them when the column sorts down. */
  assert_order (view, by_date);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (find_by_type (view, GTK_TYPE_COLUMN_VIEW)),
                                  find_column (view, "Date"), GTK_SORT_DESCENDING);
  assert_order (view, by_date_down);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (find_by_type (view, GTK_TYPE_COLUMN_VIEW)),
                                  find_column (view, "Date"), GTK_SORT_ASCENDING);

  /* The selection stays on the ambush while other incidents come and change. */
  g_assert_true (attest_incidents_view_select_incident (ATTEST_INCIDENTS_VIEW (view),
                                                        attest_incident_get_uuid (ambush)));
  spin ();
  coalition = record (f, "Coalition leaves Qayyarah", "Strategic developments", "2020-03-01",
                      NULL, "month", ATTEST_UNKNOWN);
  attest_incident_get_fields (lockdown, &fields);
  fields.fatalities_best = 0;
  edited = attest_store_save_incident (f->store, attest_incident_get_uuid (lockdown), &fields,
                                       &error);
  g_assert_no_error (error);
  spin ();
  assert_order (view, with_coalition);
  g_assert_cmpstr (selected_uuid (view), ==, attest_incident_get_uuid (ambush));
  g_assert_true (attest_store_undo (f->store, &error));
  g_assert_no_error (error);
  spin ();
  assert_order (view, with_coalition);
  g_assert_cmpstr (selected_uuid (view), ==, attest_incident_get_uuid (ambush));

  /* Filters: by type, by words. */
  type_dropdown = gtk_widget_get_next_sibling (find_by_type (view, GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (GTK_IS_DROP_DOWN (type_dropdown));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (type_dropdown), 1);   /* Battles */
  spin ();
  assert_order (view, battles);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (type_dropdown), 0);
  type_text (find_by_type (view, GTK_TYPE_SEARCH_ENTRY), "qayyarah");
  g_signal_emit_by_name (find_by_type (view, GTK_TYPE_SEARCH_ENTRY), "search-changed");
  spin ();
  assert_order (view, searched);
  g_assert_null (attest_incidents_view_get_selected_incident (ATTEST_INCIDENTS_VIEW (view)));
  /* Selecting a hidden incident shows everything again. */
  g_assert_true (attest_incidents_view_select_incident (ATTEST_INCIDENTS_VIEW (view),
                                                        attest_incident_get_uuid (undated)));
  assert_order (view, with_coalition);
  screenshot (GTK_WIDGET (f->window), "incidents-table");
}

/* Moving to another incident saves the one edited; a refusal keeps it in view */

static void
test_switch_saves (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *view = attest_incidents_view_new ();
  g_autoptr(AttestIncident) ambush = record (f, "Ambush", "Battles", "2020-04-04", NULL, "day",
                                             ATTEST_UNKNOWN);
  g_autoptr(AttestIncident) lockdown = record (f, "Lockdown", "Strategic developments",
                                               "2020-03-15", NULL, "day", ATTEST_UNKNOWN);
  g_autoptr(AttestIncident) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  attest_incidents_view_set_store (ATTEST_INCIDENTS_VIEW (view), f->store);
  show (f, view);
  editor = find_by_type (view, ATTEST_TYPE_INCIDENT_EDITOR);

  attest_incidents_view_select_incident (ATTEST_INCIDENTS_VIEW (view),
                                         attest_incident_get_uuid (ambush));
  type_text (find_row (editor, "Title"), "Ambush at the Makchifa checkpoint");
  attest_incidents_view_select_incident (ATTEST_INCIDENTS_VIEW (view),
                                         attest_incident_get_uuid (lockdown));
  spin ();
  saved = attest_store_get_incident (f->store, attest_incident_get_uuid (ambush), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_incident_get_title (saved), ==, "Ambush at the Makchifa checkpoint");
  g_assert_cmpstr (selected_uuid (view), ==, attest_incident_get_uuid (lockdown));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, "Title"))), ==,
                   "Lockdown");

  /* A date the store refuses: the lockdown stays selected, with the reason. */
  type_text (find_row (editor, "Start"), "15 March");
  attest_incidents_view_select_incident (ATTEST_INCIDENTS_VIEW (view),
                                         attest_incident_get_uuid (ambush));
  spin ();
  g_assert_cmpstr (selected_uuid (view), ==, attest_incident_get_uuid (lockdown));
  g_assert_true (attest_incident_editor_get_modified (ATTEST_INCIDENT_EDITOR (editor)));
  g_assert_nonnull (find_widget (editor, is_mapped_label_containing,
                                 "YYYY-MM-DD, e.g. 2020-04-04"));

  g_assert_false (attest_incidents_view_save_pending (ATTEST_INCIDENTS_VIEW (view), &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Escape gives up the change; then the ambush can be reached. */
  gtk_widget_activate_action (editor, "incident-editor.revert", NULL);
  attest_incidents_view_select_incident (ATTEST_INCIDENTS_VIEW (view),
                                         attest_incident_get_uuid (ambush));
  spin ();
  g_assert_cmpstr (selected_uuid (view), ==, attest_incident_get_uuid (ambush));
  type_text (find_row (editor, "Title"), "Ambush near Samarra");
  g_assert_true (attest_incidents_view_save_pending (ATTEST_INCIDENTS_VIEW (view), &error));
  g_assert_no_error (error);
  g_assert_false (attest_incident_editor_get_modified (ATTEST_INCIDENT_EDITOR (editor)));
}

/* Undo of a save takes the incident out of the list and out of the editor */

static void
test_undo_save (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *view = attest_incidents_view_new ();
  GtkWidget *editor;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  attest_incidents_view_set_store (ATTEST_INCIDENTS_VIEW (view), f->store);
  show (f, view);
  model = attest_incidents_view_get_model (ATTEST_INCIDENTS_VIEW (view));

  gtk_widget_activate_action (view, "incidents.new", NULL);
  editor = find_by_type (view, ATTEST_TYPE_INCIDENT_EDITOR);
  type_text (find_row (editor, "Title"), "ISIS ambush at Makchifa");
  type_text (find_row (editor, "Start"), "2020-04-04");
  gtk_widget_activate_action (editor, "incident-editor.save", NULL);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (attest_incidents_view_get_selected_incident (ATTEST_INCIDENTS_VIEW (view)));
  g_assert_cmpstr (attest_store_get_undo_label (f->store), ==, "Record incident");

  g_assert_true (attest_store_undo (f->store, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (attest_incidents_view_get_selected_incident (ATTEST_INCIDENTS_VIEW (view)));
  g_assert_null (attest_incident_editor_get_incident (ATTEST_INCIDENT_EDITOR (editor)));
  g_assert_nonnull (find_widget (view, is_mapped_status_page, "No Incident Selected"));

  /* Redo brings it back, where the editor can reach it again. */
  g_assert_true (attest_store_redo (f->store, &error));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
}

/* The store is the validator: its refusal shows under the form, and nothing is lost */

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *editor = attest_incident_editor_new ();
  g_autoptr(AttestIncident) ambush = record (f, "Ambush", "Battles", "2020-04-04", NULL, "day",
                                             ATTEST_UNKNOWN);
  g_autoptr(AttestIncident) again = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *start, *low, *high;

  attest_incident_editor_set_store (ATTEST_INCIDENT_EDITOR (editor), f->store);
  attest_incident_editor_set_incident (ATTEST_INCIDENT_EDITOR (editor), ambush);
  show (f, editor);

  /* A date that is no date is marked as it is typed, and refused at Save. */
  start = find_row (editor, "Start");
  type_text (start, "4/4/2020");
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  g_assert_false (attest_incident_editor_save (ATTEST_INCIDENT_EDITOR (editor), &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_assert_nonnull (find_widget (editor, is_mapped_label_containing,
                                 "YYYY-MM-DD, e.g. 2020-04-04"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "4/4/2020");
  g_clear_error (&error);
  type_text (start, "2020-04-04");
  g_assert_false (gtk_widget_has_css_class (start, "error"));

  /* High below low: the store's own words. */
  low = find_widget (editor, has_placeholder, "Low");
  high = find_widget (editor, has_placeholder, "High");
  type_text (low, "12");
  type_text (high, "10");
  gtk_widget_activate_action (editor, "incident-editor.save", NULL);
  spin ();
  g_assert_nonnull (find_widget (editor, is_mapped_label_containing, "low ≤ best ≤ high"));
  screenshot (editor, "incident-editor-error");
  again = attest_store_get_incident (f->store, attest_incident_get_uuid (ambush), &error);
  g_assert_no_error (error);
  g_assert_cmpint (attest_incident_get_fatalities_low (again), ==, ATTEST_UNKNOWN);

  /* A figure that is no number is the editor's to refuse. */
  type_text (high, "a dozen");
  g_assert_true (gtk_widget_has_css_class (high, "error"));
  g_assert_false (attest_incident_editor_save (ATTEST_INCIDENT_EDITOR (editor), &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Escape puts the form back as the store has it. */
  g_assert_true (attest_incident_editor_get_modified (ATTEST_INCIDENT_EDITOR (editor)));
  gtk_widget_activate_action (editor, "incident-editor.revert", NULL);
  g_assert_false (attest_incident_editor_get_modified (ATTEST_INCIDENT_EDITOR (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (low)), ==, "");
  g_assert_false (gtk_widget_has_css_class (high, "error"));
  g_assert_null (find_widget (editor, is_mapped_label_containing, "low ≤ best ≤ high"));

  /* Names are text, not markup. */
  type_text (find_row (editor, "Add Actor"), "Jaish al-Mahdi & allies <JAM>");
  g_signal_emit_by_name (find_row (editor, "Add Actor"), "apply");
  spin ();
  g_assert_nonnull (find_row (editor, "Jaish al-Mahdi & allies <JAM>"));
  gtk_widget_activate_action (editor, "incident-editor.save", NULL);
  spin ();
  g_assert_false (attest_incident_editor_get_modified (ATTEST_INCIDENT_EDITOR (editor)));

  /* An edit made elsewhere (an undo in the window) shows at once. */
  type_text (find_row (editor, "Title"), "Ambush at the checkpoint");
  gtk_widget_activate_action (editor, "incident-editor.save", NULL);
  g_assert_true (attest_store_undo (f->store, &error));
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, "Title"))), ==,
                   "Ambush");
}

/* "New Incident from Selection", and the incidents of an article */

static void
on_incident_activated (GtkWidget  *widget,
                       const char *uuid,
                       char      **out)
{
  g_free (*out);
  *out = g_strdup (uuid);
}

static void
test_new_from_selection (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = attest_link_incident_popover_new ();
  GtkWidget *incidents = attest_article_incidents_new ();
  g_autoptr(AttestIncident) incident = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *activated = NULL;
  Linked linked = { NULL, };
  GtkWidget *row;

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), "Link to Incident…");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  attest_link_incident_popover_set_store (ATTEST_LINK_INCIDENT_POPOVER (popover), f->store);
  attest_link_incident_popover_set_annotation_uuid (ATTEST_LINK_INCIDENT_POPOVER (popover),
                                                    attest_annotation_get_uuid (f->quotes[0]));
  g_signal_connect (popover, "linked", G_CALLBACK (on_linked), &linked);
  g_signal_connect (popover, "incident-created", G_CALLBACK (on_created), &linked);
  attest_article_incidents_set_store (ATTEST_ARTICLE_INCIDENTS (incidents), f->store);
  attest_article_incidents_set_article_uuid (ATTEST_ARTICLE_INCIDENTS (incidents), f->article);
  g_signal_connect (incidents, "incident-activated", G_CALLBACK (on_incident_activated),
                    &activated);
  gtk_widget_set_margin_top (incidents, 24);
  gtk_widget_set_margin_start (incidents, 24);
  gtk_widget_set_margin_end (incidents, 24);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), incidents);
  gtk_window_set_default_size (f->window, 420, 560);
  show (f, box);
  g_assert_cmpuint (attest_article_incidents_get_n_incidents (ATTEST_ARTICLE_INCIDENTS (incidents)),
                    ==, 0);
  g_assert_nonnull (find_widget (incidents, is_mapped_label_containing,
                                 "No incident cites this article"));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  wait_for_frames (popover);
  g_assert_nonnull (find_widget (popover, is_mapped_label_containing, "“resulted in the killing"));
  screenshot (popover, "link-popover-empty");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_by_type (popover, GTK_TYPE_DROP_DOWN)), 5);
  type_text (find_entry (popover, "12, or 10–12; empty if none"), "20-30");
  gtk_widget_activate_action (popover, "link.new-incident", NULL);
  spin ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_nonnull (linked.created_uuid);
  g_assert_cmpstr (linked.incident_uuid, ==, linked.created_uuid);

  incident = attest_store_get_incident (f->store, linked.created_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_incident_get_title (incident), ==,
                   "Resulted in the killing and wounding of dozens among the…");
  g_assert_cmpstr (attest_incident_get_status (incident), ==, "draft");
  g_assert_cmpint (attest_incident_get_fatalities_low (incident), ==, 20);
  g_assert_cmpint (attest_incident_get_fatalities_high (incident), ==, 30);
  evidence = attest_store_list_evidence (f->store, linked.created_uuid, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpstr (((AttestEvidence *) evidence->pdata[0])->field, ==, "fatalities");

  /* The article's list has it, with its figure; a row opens it. */
  spin ();
  g_assert_cmpuint (attest_article_incidents_get_n_incidents (ATTEST_ARTICLE_INCIDENTS (incidents)),
                    ==, 1);
  row = find_row (incidents, "Resulted in the killing and wounding of dozens among the…");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Undated · 20–30 killed");
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpstr (activated, ==, linked.created_uuid);
  screenshot (GTK_WIDGET (f->window), "article-incidents");

  /* The popover now offers that incident first, as one of this article's. */
  attest_link_incident_popover_set_annotation_uuid (ATTEST_LINK_INCIDENT_POPOVER (popover),
                                                    attest_annotation_get_uuid (f->quotes[1]));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  wait_for_frames (popover);
  g_assert_nonnull (find_widget (popover, is_mapped_label_containing, "in this article"));
  screenshot (popover, "link-popover");
  linked_clear (&linked);
}

/* The timeline: one mark per incident, the keyboard, the filters */

static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *view = attest_timeline_view_new ();
  AttestTimeline *timeline = attest_timeline_view_get_timeline (ATTEST_TIMELINE_VIEW (view));
  g_autoptr(AttestIncident) ambush = record (f, "Ambush at Makchifa", "Battles", "2020-04-04",
                                             NULL, "day", 12);
  g_autoptr(AttestIncident) clash = record (f, "Clash near Kirkuk", "Battles", "2020-04-09",
                                            "2020-04-11", "day", 3);
  g_autoptr(AttestIncident) lockdown = record (f, "Lockdown across Iraq",
                                               "Strategic developments", "2020-03-15",
                                               "2020-04-20", "day", ATTEST_UNKNOWN);
  g_autoptr(AttestIncident) coalition = record (f, "Coalition leaves Qayyarah",
                                                "Strategic developments", "2020-03-01", NULL,
                                                "month", ATTEST_UNKNOWN);
  g_autoptr(AttestIncident) bomb = record (f, "Roadside bomb in Diyala",
                                           "Explosions/Remote violence", "2020-04-14", NULL,
                                           "day", 2);
  g_autoptr(AttestIncident) undated = record (f, "Attacks on the Kurdish line", "Battles", NULL,
                                              NULL, NULL, ATTEST_UNKNOWN);
  const AttestTimelineLayout *layout;
  g_autofree char *activated = NULL;
  double zoom;

  attest_timeline_view_set_store (ATTEST_TIMELINE_VIEW (view), f->store);
  g_signal_connect (view, "incident-activated", G_CALLBACK (on_incident_activated), &activated);
  gtk_window_set_default_size (f->window, 1100, 360);
  show (f, view);

  g_assert_cmpuint (attest_timeline_get_n_shown (timeline), ==, 5);
  layout = attest_timeline_get_layout (timeline);
  g_assert_nonnull (layout);
  g_assert_cmpuint (layout->marks->len, ==, 5);
  g_assert_cmpuint (layout->lanes->len, ==, 3);
  /* Zoomed to fit: every mark is in view. */
  for (guint i = 0; i < layout->marks->len; i++)
    {
      const graphene_rect_t *rect = &g_array_index (layout->marks, AttestTimelineMark, i).rect;

      g_assert_cmpfloat (rect->origin.x, >=, 0);
      g_assert_cmpfloat (rect->origin.x + rect->size.width, <=,
                         gtk_widget_get_width (GTK_WIDGET (timeline)));
    }
  screenshot (view, "timeline");

  /* Right moves through the incidents in time order, Enter opens one. */
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.next", NULL);
  g_assert_cmpstr (attest_timeline_get_selected_uuid (timeline), ==,
                   attest_incident_get_uuid (coalition));
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.next", NULL);
  g_assert_cmpstr (attest_timeline_get_selected_uuid (timeline), ==,
                   attest_incident_get_uuid (ambush));
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.activate", NULL);
  g_assert_cmpstr (activated, ==, attest_incident_get_uuid (ambush));
  screenshot (view, "timeline-selected");

  /* Zoom: + and - keep the selection in view. */
  zoom = attest_timeline_get_zoom (timeline);
  gtk_widget_activate_action (view, "timeline-view.zoom-in", NULL);
  g_assert_cmpfloat (attest_timeline_get_zoom (timeline), >, zoom);
  gtk_widget_activate_action (view, "timeline-view.zoom-out", NULL);
  gtk_widget_activate_action (view, "timeline-view.zoom-out", NULL);
  g_assert_cmpfloat (attest_timeline_get_zoom (timeline), <, zoom);
  gtk_widget_activate_action (view, "timeline-view.zoom-fit", NULL);
  g_assert_cmpfloat_with_epsilon (attest_timeline_get_zoom (timeline), zoom, 0.0001);

  /* The type filter: only the battles. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_by_type (view, GTK_TYPE_DROP_DOWN)), 1);
  spin ();
  g_assert_cmpstr (attest_timeline_get_event_type (timeline), ==, "Battles");
  g_assert_cmpuint (attest_timeline_get_n_shown (timeline), ==, 2);
  g_assert_cmpuint (attest_timeline_get_layout (timeline)->marks->len, ==, 2);

  /* A new incident appears; its undo takes it away. */
  g_clear_object (&undated);
  undated = record (f, "Ambush in Tarmiyah", "Battles", "2020-04-18", NULL, "day", 4);
  g_assert_cmpuint (attest_timeline_get_n_shown (timeline), ==, 3);
  g_assert_true (attest_store_undo (f->store, NULL));
  g_assert_cmpuint (attest_timeline_get_n_shown (timeline), ==, 2);
}

/* The timeline of a right-to-left locale: a mirror of the left-to-right one */

/* A key as the widget's own bindings take it (they are its first shortcut controller). */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;  /* the widget keeps it */
    }
  return NULL;
}

static double
mark_middle (AttestTimeline *timeline,
             AttestIncident *incident)
{
  const AttestTimelineLayout *layout = attest_timeline_get_layout (timeline);

  for (guint i = 0; i < layout->marks->len; i++)
    {
      const AttestTimelineMark *mark = &g_array_index (layout->marks, AttestTimelineMark, i);

      if (mark->incident == incident || g_str_equal (attest_incident_get_uuid (mark->incident),
                                                     attest_incident_get_uuid (incident)))
        return mark->rect.origin.x + mark->rect.size.width / 2;
    }
  g_assert_not_reached ();
}

static void
test_timeline_rtl (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *view = attest_timeline_view_new ();
  AttestTimeline *timeline = attest_timeline_view_get_timeline (ATTEST_TIMELINE_VIEW (view));
  g_autoptr(AttestIncident) ambush = record (f, "Ambush at Makchifa", "Battles", "2020-04-04",
                                             NULL, "day", 12);
  g_autoptr(AttestIncident) clash = record (f, "Clash near Kirkuk", "Battles", "2020-04-09",
                                            "2020-04-11", "day", 3);
  g_autoptr(AttestIncident) lockdown = record (f, "حظر التجول في أنحاء العراق",
                                               "Strategic developments", "2020-03-15",
                                               "2020-04-20", "day", ATTEST_UNKNOWN);
  g_autoptr(AttestIncident) coalition = record (f, "Coalition leaves Qayyarah",
                                                "Strategic developments", "2020-03-01", NULL,
                                                "month", ATTEST_UNKNOWN);
  g_autoptr(AttestIncident) bomb = record (f, "Roadside bomb in Diyala",
                                           "Explosions/Remote violence", "2020-04-14", NULL,
                                           "day", 2);
  const AttestTimelineLayout *layout;
  GtkEventController *drag, *scroll;
  double width, before, zoom;
  gboolean handled = FALSE;

  gtk_widget_set_direction (view, GTK_TEXT_DIR_RTL);
  gtk_widget_set_direction (GTK_WIDGET (timeline), GTK_TEXT_DIR_RTL);
  attest_timeline_view_set_store (ATTEST_TIMELINE_VIEW (view), f->store);
  gtk_window_set_default_size (f->window, 1100, 360);
  show (f, view);
  width = gtk_widget_get_width (GTK_WIDGET (timeline));
  layout = attest_timeline_get_layout (timeline);
  g_assert_cmpuint (layout->marks->len, ==, 5);

  /* Zoomed to fit, left of the lane names on the right; time runs leftward, so the first
   * incident is the rightmost and the last the leftmost. */
  for (guint i = 0; i < layout->marks->len; i++)
    {
      const graphene_rect_t *rect = &g_array_index (layout->marks, AttestTimelineMark, i).rect;

      g_assert_cmpfloat (rect->origin.x, >=, 0);
      g_assert_cmpfloat (rect->origin.x + rect->size.width, <=, width - LANE_LABEL_WIDTH);
      /* What is drawn there is what a click there takes. */
      g_assert_cmpint (_attest_timeline_mark_at (timeline, rect->origin.x + rect->size.width / 2,
                                                 rect->origin.y + rect->size.height / 2),
                       ==, (int) i);
    }
  g_assert_cmpfloat (mark_middle (timeline, coalition), >, mark_middle (timeline, lockdown));
  g_assert_cmpfloat (mark_middle (timeline, lockdown), >, mark_middle (timeline, ambush));
  g_assert_cmpfloat (mark_middle (timeline, ambush), >, mark_middle (timeline, clash));
  g_assert_cmpfloat (mark_middle (timeline, clash), >, mark_middle (timeline, bomb));
  /* The lane names take no clicks for a mark. */
  g_assert_cmpint (_attest_timeline_mark_at (timeline, width - 20,
                                             g_array_index (layout->marks, AttestTimelineMark,
                                                            0).rect.origin.y + 5), ==, -1);
  screenshot (view, "timeline-rtl");

  /* The arrows go where they point: Left is later, Right earlier. */
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  g_assert_true (press_key (GTK_WIDGET (timeline), GDK_KEY_Left));
  g_assert_cmpstr (attest_timeline_get_selected_uuid (timeline), ==,
                   attest_incident_get_uuid (coalition));
  g_assert_true (press_key (GTK_WIDGET (timeline), GDK_KEY_Left));
  g_assert_true (press_key (GTK_WIDGET (timeline), GDK_KEY_Left));
  g_assert_cmpstr (attest_timeline_get_selected_uuid (timeline), ==,
                   attest_incident_get_uuid (ambush));
  g_assert_true (press_key (GTK_WIDGET (timeline), GDK_KEY_Right));
  g_assert_cmpstr (attest_timeline_get_selected_uuid (timeline), ==,
                   attest_incident_get_uuid (lockdown));
  g_assert_true (press_key (GTK_WIDGET (timeline), GDK_KEY_Left));
  screenshot (view, "timeline-rtl-selected");

  /* Zooming in keeps the selected incident where it is. */
  before = mark_middle (timeline, ambush);
  zoom = attest_timeline_get_zoom (timeline);
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom-in", NULL);
  g_assert_cmpfloat (attest_timeline_get_zoom (timeline), >, zoom);
  g_assert_cmpfloat_with_epsilon (mark_middle (timeline, ambush), before, 0.5);

  /* A drag carries the days with the pointer. */
  drag = find_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_DRAG);
  g_assert_nonnull (drag);
  g_signal_emit_by_name (drag, "drag-begin", 400.0, 100.0);
  g_signal_emit_by_name (drag, "drag-update", 60.0, 0.0);
  g_assert_cmpfloat_with_epsilon (mark_middle (timeline, ambush), before + 60, 0.5);

  /* Scrolling right shows what is right: the marks go left. */
  before = mark_middle (timeline, ambush);
  scroll = find_controller (GTK_WIDGET (timeline), GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  g_assert_nonnull (scroll);
  g_signal_emit_by_name (scroll, "scroll", 1.0, 0.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat (mark_middle (timeline, ambush), <, before);

  /* Back to left to right: time turns round with the text. */
  before = mark_middle (timeline, ambush);
  gtk_widget_set_direction (GTK_WIDGET (timeline), GTK_TEXT_DIR_LTR);
  g_assert_cmpfloat (mark_middle (timeline, ambush), !=, before);
  g_assert_cmpfloat (mark_middle (timeline, lockdown), <, mark_middle (timeline, ambush));
}

/* Deleting asks first, and undo brings the incident back */

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *view = attest_incidents_view_new ();
  g_autoptr(AttestIncident) ambush = record (f, "Ambush at Makchifa", "Battles", "2020-04-04",
                                             NULL, "day", 12);
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *button;
  GListModel *model;

  link = attest_store_link_evidence (f->store, attest_incident_get_uuid (ambush),
                                     attest_annotation_get_uuid (f->quotes[0]), NULL,
                                     "fatalities", "reports", 24, 24, &error);
  g_assert_no_error (error);
  attest_incidents_view_set_store (ATTEST_INCIDENTS_VIEW (view), f->store);
  show (f, view);
  model = attest_incidents_view_get_model (ATTEST_INCIDENTS_VIEW (view));
  g_assert_true (attest_incidents_view_select_incident (ATTEST_INCIDENTS_VIEW (view),
                                                        attest_incident_get_uuid (ambush)));

  gtk_widget_activate_action (view, "incidents.delete", NULL);
  spin ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Ambush at Makchifa”?");
  screenshot (GTK_WIDGET (dialog), "incidents-delete-dialog");
  button = find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Delete");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  g_assert_true (attest_store_undo (f->store, &error));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_clear_pointer (&link, g_free);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Nothing here should take long: a wait gives up after 10 s, not the shared 20. */
  set_wait_seconds (10);
  /* What a test checks, and what a screenshot shows, is where a transition ends. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(name, func) \
  g_test_add ("/attest/incidents-views/" name, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  g_test_add_func ("/attest/incidents-views/formats", test_formats);
  g_test_add_func ("/attest/incidents-views/titles", test_titles);
  ADD ("timeline-layout", test_timeline_layout);
  ADD ("timeline-layout-rtl", test_timeline_layout_rtl);
  ADD ("ambush-story", test_ambush_story);
  ADD ("reconciliation", test_reconciliation);
  ADD ("table", test_table);
  ADD ("switch-saves", test_switch_saves);
  ADD ("undo-save", test_undo_save);
  ADD ("validation", test_validation);
  ADD ("new-from-selection", test_new_from_selection);
  ADD ("timeline", test_timeline);
  ADD ("timeline-rtl", test_timeline_rtl);
  ADD ("delete", test_delete);

  return g_test_run ();
}
