/* test-a11y.c: every control of the window has a name, and Tab reaches the main ones.
 *
 * The window is opened on a small project (an Arabic article with a quote, a speaker, a tag
 * and an incident) and every page is shown in turn. On each page:
 *
 * - every visible, sensitive button (GtkButton, GtkMenuButton, GtkToggleButton) has an
 *   accessible name: a label of its own, or an accessible label (or labelled-by relation)
 *   set by the .ui file or the code; one without a label of its own also has a tooltip,
 *   for sighted users. The accessible properties are read back from GTK's test AT context
 *   (GTK_A11Y=test, gtk_test_accessible_has_property ()), GTK 4.8 having no getter;
 * - every visible entry has an accessible label or a labelled-by relation;
 * - Tab, as GtkWindow moves the focus, reaches the page's main controls (for the articles,
 *   the list, the reader and the side panel) and comes back round.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "attest-annotation-panel.h"
#include "attest-articles-page.h"
#include "attest-codebook-view.h"
#include "attest-core.h"
#include "attest-incidents-view.h"
#include "attest-reader.h"
#include "attest-sources-view.h"
#include "attest-timeline-view.h"
#include "attest-window.h"
#include "gui-test-util.h"

typedef ProjectFixture Fixture;

/* One span of each other kind, besides the direct quote "لن يمرَّ دون حساب". */
static const struct
{
  AttestAnnotationKind  kind;
  const char           *text;
} marked[] = {
  { ATTEST_ANNOTATION_INDIRECT, "الحكومة لم تعالج ثغرات الحدود منذ عام ٢٠٢٣" },
  { ATTEST_ANNOTATION_CLAIM, "٤٥٪ من الهجمات في المحافظة وقعت ليلاً" },
  { ATTEST_ANNOTATION_NOTE, "قرية المخيصة" },
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *news = g_build_filename (g_getenv ("ATTEST_SOURCE_DIR"), "tests",
                                            "fixtures", "arabic", "news.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (news);
  g_autoptr(AttestArticle) article = NULL;
  g_autoptr(AttestAnnotation) quote = NULL;
  g_autoptr(AttestTag) tag = NULL;
  g_autoptr(AttestIncident) incident = NULL;
  AttestIncidentFields fields;
  const char *body;
  const char *found;
  guint start;

  project_fixture_create (f, "attest-a11y-XXXXXX", "a11y.attest");
  f->article_uuid = attest_store_import_file (f->store, file, NULL, NULL, &error);
  g_assert_no_error (error);

  article = attest_store_get_article (f->store, f->article_uuid, &error);
  g_assert_no_error (error);
  body = attest_article_get_body (article);
  found = strstr (body, "لن يمرَّ دون حساب");
  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (body, found);
  quote = attest_store_annotate_span (f->store, f->article_uuid, ATTEST_ANNOTATION_DIRECT,
                                      start, start + g_utf8_strlen ("لن يمرَّ دون حساب", -1),
                                      "تحسين الخفاجي", "official", NULL, "tester", &error);
  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (marked); k++)
    {
      g_autoptr(AttestAnnotation) other = NULL;

      found = strstr (body, marked[k].text);
      g_assert_nonnull (found);
      start = g_utf8_pointer_to_offset (body, found);
      other = attest_store_annotate_span (f->store, f->article_uuid, marked[k].kind, start,
                                          start + g_utf8_strlen (marked[k].text, -1), NULL,
                                          NULL, NULL, "tester", &error);
      g_assert_no_error (error);
    }
  tag = attest_store_create_tag (f->store, "Security", NULL, "#1c71d8", NULL, &error);
  g_assert_no_error (error);
  attest_incident_fields_init (&fields);
  fields.title = "Checkpoint attack near Baquba";
  fields.date_start = "2024-10-14";
  fields.fatalities_best = 3;
  incident = attest_store_save_incident (f->store, NULL, &fields, &error);
  g_assert_no_error (error);

  {
    g_autoptr(GSettings) settings = g_settings_new ("io.attest.Attest");

    g_settings_reset (settings, "visible-page");
  }

  project_fixture_present (f);
  gtk_single_selection_set_selected (attest_window_get_selection (f->window), 0);
  wait_for_frames (GTK_WIDGET (f->window));
}

static void
show_page (Fixture    *f,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s",
                                             name));
  wait_for_frames (GTK_WIDGET (f->window));
  g_assert_cmpstr (attest_window_get_page (f->window), ==, name);
}

/* The page's own widget, to look for controls only where the user is. */
static GtkWidget *
page_widget (Fixture    *f,
             const char *name)
{
  GtkWidget *widget = NULL;

  if (g_str_equal (name, "articles"))
    widget = GTK_WIDGET (attest_window_get_articles_page (f->window));
  else if (g_str_equal (name, "sources"))
    widget = attest_window_get_sources_view (f->window);
  else if (g_str_equal (name, "codebook"))
    widget = attest_window_get_codebook_view (f->window);
  g_assert_nonnull (widget);
  return widget;
}

/* What a button shows as its name on screen: its label, or a label or button content
 * inside it that is drawn (not the items of a menu it opens). */
static const char *
own_label (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget) || !gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  if (ADW_IS_BUTTON_CONTENT (widget) && adw_button_content_get_label (ADW_BUTTON_CONTENT (widget))
      && *adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)) != '\0')
    return adw_button_content_get_label (ADW_BUTTON_CONTENT (widget));
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return gtk_label_get_text (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *label = own_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* A button's LABEL property: GTK sets it from a button's text label, and our code and .ui
 * files set it on icon-only ones. A button's labelled-by relation does not count: GTK
 * points it at the button's own child, which for an icon is an image with no name. An
 * entry is named by its LABEL or by the label whose mnemonic widget it is (labelled-by). */
static gboolean
has_accessible_label (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static gboolean
has_accessible_name (GtkWidget *widget)
{
  return has_accessible_label (widget)
         || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Where a widget is, for the message: its type and its nearest Attest ancestor. */
static char *
describe (GtkWidget *widget)
{
  GString *out = g_string_new (G_OBJECT_TYPE_NAME (widget));
  GtkWidget *image = widget;

  while (image != NULL && !GTK_IS_IMAGE (image))
    image = gtk_widget_get_first_child (image);
  if (image != NULL && gtk_image_get_icon_name (GTK_IMAGE (image)) != NULL)
    g_string_append_printf (out, " icon %s", gtk_image_get_icon_name (GTK_IMAGE (image)));
  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)))
    g_string_append_printf (out, " action %s",
                            gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)));
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    if (g_str_has_prefix (G_OBJECT_TYPE_NAME (up), "Attest"))
      {
        g_string_append_printf (out, " in %s", G_OBJECT_TYPE_NAME (up));
        break;
      }
  return g_string_free (out, FALSE);
}

static void
check_names (GtkWidget *widget,
             GPtrArray *problems,
             guint     *n_checked)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (!gtk_widget_get_mapped (widget))
    return;

  /* A menu button's own toggle button is the menu button to a screen reader. */
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
      && gtk_widget_is_sensitive (widget)
      && !(parent != NULL && GTK_IS_MENU_BUTTON (parent)))
    {
      const char *label = own_label (widget);
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      (*n_checked)++;
      if (label == NULL && !has_accessible_label (widget))
        g_ptr_array_add (problems, g_strdup_printf ("%s: no accessible name",
                                                    describe (widget)));
      /* GTK names its own window controls and, as GNOME does, shows no tooltip on them. */
      else if (label == NULL && (tooltip == NULL || *tooltip == '\0')
               && gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) == NULL)
        g_ptr_array_add (problems, g_strdup_printf ("%s: icon only, no tooltip",
                                                    describe (widget)));
    }
  else if ((GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget)) && !has_accessible_name (widget))
    {
      (*n_checked)++;
      g_ptr_array_add (problems, g_strdup_printf ("%s: entry without an accessible name",
                                                  describe (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, problems, n_checked);
}

static const char *pages[] = { "articles", "sources", "codebook", "incidents", "timeline" };

static void
test_names (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      guint n_checked = 0;

      show_page (f, pages[i]);
      /* The whole window: header bar, the page and the side panel as they are shown. */
      check_names (GTK_WIDGET (f->window), problems, &n_checked);
      g_test_message ("%s: %u controls", pages[i], n_checked);
      g_assert_cmpuint (n_checked, >, 3);
      total += n_checked;
    }

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (total, >, 30);
}

/* Tab as GtkWindow does it: the next focusable widget, or round again from the start. */
static GtkWidget *
press_tab (GtkWindow *window)
{
  if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
    {
      gtk_window_set_focus (window, NULL);
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
    }
  spin ();
  return gtk_window_get_focus (window);
}

static gboolean
is_inside_type (GtkWidget *widget,
                GType      type)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (g_type_is_a (G_OBJECT_TYPE (widget), type))
      return TRUE;
  return FALSE;
}

static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

/* Presses Tab until the focus comes back to where it was first, at most 400 times; returns
 * the widgets focused, in order. */
static GPtrArray *
tab_round (GtkWindow *window)
{
  GPtrArray *focused = g_ptr_array_new ();
  GtkWidget *first = press_tab (window);

  g_assert_nonnull (first);
  g_ptr_array_add (focused, first);
  for (guint i = 0; i < 400; i++)
    {
      GtkWidget *next = press_tab (window);

      if (next == first)
        return focused;
      g_assert_nonnull (next);
      g_ptr_array_add (focused, next);
    }
  g_error ("Tab did not come back round in 400 presses");
  return focused;
}

static void
test_tab_articles (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) focused = NULL;
  GtkWidget *reader = GTK_WIDGET (attest_window_get_reader (f->window));
  GtkWidget *panel = GTK_WIDGET (attest_window_get_panel (f->window));
  gboolean list = FALSE, in_reader = FALSE, in_panel = FALSE;

  show_page (f, "articles");
  g_assert_true (gtk_widget_get_mapped (reader));
  g_assert_true (gtk_widget_get_mapped (panel));

  focused = tab_round (GTK_WINDOW (f->window));
  for (guint i = 0; i < focused->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (focused, i);

      list |= (GTK_IS_LIST_VIEW (gtk_widget_get_parent (w)) || GTK_IS_LIST_VIEW (w)
               || is_inside_type (w, GTK_TYPE_COLUMN_VIEW))
              && !is_inside (w, reader) && !is_inside (w, panel);
      in_reader |= is_inside (w, reader) && GTK_IS_TEXT_VIEW (w);
      in_panel |= is_inside (w, panel);
    }
  g_test_message ("%u stops on the articles page", focused->len);
  g_assert_true (list);
  g_assert_true (in_reader);
  g_assert_true (in_panel);
}

/* On the other pages, Tab reaches a list of the page and a control outside any list. */
static void
test_tab_pages (Fixture       *f,
                gconstpointer  data)
{
  for (guint p = 1; p < 3; p++)
    {
      g_autoptr(GPtrArray) focused = NULL;
      GtkWidget *page = NULL;
      gboolean list = FALSE, other = FALSE;

      show_page (f, pages[p]);
      page = page_widget (f, pages[p]);
      focused = tab_round (GTK_WINDOW (f->window));
      for (guint i = 0; i < focused->len; i++)
        {
          GtkWidget *w = g_ptr_array_index (focused, i);
          gboolean in_list = is_inside_type (w, GTK_TYPE_LIST_VIEW)
                             || is_inside_type (w, GTK_TYPE_COLUMN_VIEW)
                             || is_inside_type (w, GTK_TYPE_LIST_BOX);

          if (!is_inside (w, page))
            continue;
          list |= in_list;
          other |= !in_list;
        }
      g_test_message ("%s: %u stops", pages[p], focused->len);
      g_assert_true (list);
      g_assert_true (other);
    }
}

/* Highlights */

/* x to the power 2.4 for x in [0, 1], as x² times the fifth root of x² (Newton's method:
 * the GUI tests do not link libm). */
static double
pow_2_4 (double x)
{
  double a = x * x;
  double y = 1.0;

  if (a <= 0.0)
    return 0.0;
  for (guint i = 0; i < 60; i++)
    y -= (y * y * y * y * y - a) / (5 * y * y * y * y);
  return a * y;
}

/* WCAG 2 relative luminance and contrast ratio. */
static double
luminance (const GdkRGBA *c)
{
  const float channels[] = { c->red, c->green, c->blue };
  double l[3];

  for (guint i = 0; i < 3; i++)
    l[i] = channels[i] <= 0.03928 ? channels[i] / 12.92 : pow_2_4 ((channels[i] + 0.055) / 1.055);
  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* over laid on an opaque under. */
static GdkRGBA
composite (const GdkRGBA *over,
           const GdkRGBA *under)
{
  return (GdkRGBA) {
    over->red * over->alpha + under->red * (1 - over->alpha),
    over->green * over->alpha + under->green * (1 - over->alpha),
    over->blue * over->alpha + under->blue * (1 - over->alpha),
    1,
  };
}

typedef struct
{
  GdkRGBA  background;   /* opaque, as seen */
  GdkRGBA  text;
  int      underline;
  GdkRGBA  underline_color;
  gboolean italic;
} SeenSpan;

/* How the reader shows the character at offset (of the body): the tags there laid on the
 * view's background, in the text view's colour. */
static void
look_at (AttestReader *reader,
         guint         offset,
         SeenSpan     *seen)
{
  GtkTextView *view = attest_reader_get_text_view (reader);
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (view));
  GtkTextIter iter;
  GSList *tags;
  GdkRGBA base;

  g_assert_true (gtk_style_context_lookup_color (style, "view_bg_color", &base));
  gtk_style_context_get_color (style, &seen->text);
  seen->background = base;
  seen->underline = PANGO_UNDERLINE_NONE;
  seen->italic = FALSE;
  gtk_text_buffer_get_iter_at_offset (attest_reader_get_buffer (reader), &iter,
                                      attest_reader_get_body_offset (reader) + offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean background_set, foreground_set, underline_set, style_set;
      GdkRGBA *background = NULL, *foreground = NULL, *underline_rgba = NULL;
      PangoUnderline underline;
      PangoStyle font_style;

      g_object_get (l->data, "background-set", &background_set, "background-rgba", &background,
                    "foreground-set", &foreground_set, "foreground-rgba", &foreground,
                    "underline-set", &underline_set, "underline", &underline,
                    "underline-rgba", &underline_rgba, "style-set", &style_set,
                    "style", &font_style, NULL);
      if (background_set && background != NULL)
        seen->background = composite (background, &seen->background);
      if (foreground_set && foreground != NULL)
        seen->text = *foreground;
      if (underline_set && underline != PANGO_UNDERLINE_NONE)
        {
          seen->underline = underline;
          seen->underline_color = underline_rgba != NULL ? *underline_rgba : seen->text;
        }
      if (style_set && font_style == PANGO_STYLE_ITALIC)
        seen->italic = TRUE;
      g_clear_pointer (&background, gdk_rgba_free);
      g_clear_pointer (&foreground, gdk_rgba_free);
      g_clear_pointer (&underline_rgba, gdk_rgba_free);
    }
  g_slist_free (tags);
}

/* The window as drawn, into dir/name.png, when ATTEST_A11Y_SCREENSHOTS names a folder. */
static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  const char *dir = g_getenv ("ATTEST_A11Y_SCREENSHOTS");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_strdup_printf ("%s/%s.png", dir, name);
  save_png (GTK_WIDGET (f->window), path);
  g_test_message ("saved %s", path);
}

static void
check_highlights (Fixture    *f,
                  const char *scheme)
{
  AttestReader *reader = attest_window_get_reader (f->window);
  g_autoptr(AttestArticle) article = attest_store_get_article (f->store, f->article_uuid, NULL);
  const char *body = attest_article_get_body (article);
  const char *texts[ATTEST_ANNOTATION_N_KINDS] = { "لن يمرَّ دون حساب" };
  SeenSpan seen[ATTEST_ANNOTATION_N_KINDS];

  for (guint k = 0; k < G_N_ELEMENTS (marked); k++)
    texts[marked[k].kind] = marked[k].text;

  for (guint kind = 0; kind < ATTEST_ANNOTATION_N_KINDS; kind++)
    {
      guint offset = g_utf8_pointer_to_offset (body, strstr (body, texts[kind])) + 2;
      double text_contrast;

      look_at (reader, offset, &seen[kind]);
      text_contrast = contrast (&seen[kind].text, &seen[kind].background);
      g_test_message ("%s, %s: text contrast %.2f, underline %d, italic %d", scheme,
                      attest_annotation_kind_to_string (kind), text_contrast,
                      seen[kind].underline, seen[kind].italic);
      /* WCAG AA for body text. */
      g_assert_cmpfloat (text_contrast, >=, 4.5);
      /* A line that tells a kind apart must itself be seen (WCAG non-text contrast). */
      if (seen[kind].underline != PANGO_UNDERLINE_NONE)
        {
          double line = contrast (&seen[kind].underline_color, &seen[kind].background);

          g_test_message ("%s, %s: underline contrast %.2f", scheme,
                          attest_annotation_kind_to_string (kind), line);
          g_assert_cmpfloat (line, >=, 3.0);
        }
    }

  /* Kinds differ by more than colour: no two look the same in black and white. */
  for (guint a = 0; a < ATTEST_ANNOTATION_N_KINDS; a++)
    for (guint b = a + 1; b < ATTEST_ANNOTATION_N_KINDS; b++)
      g_assert_true (seen[a].underline != seen[b].underline || seen[a].italic != seen[b].italic);
}

static void
test_highlights (Fixture       *f,
                 gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi;

  show_page (f, "articles");
  g_assert_nonnull (attest_reader_get_article (attest_window_get_reader (f->window)));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for_frames (GTK_WIDGET (f->window));
  g_assert_false (adw_style_manager_get_dark (manager));
  check_highlights (f, "light");
  save_screenshot (f, "light");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_frames (GTK_WIDGET (f->window));
  g_assert_true (adw_style_manager_get_dark (manager));
  check_highlights (f, "dark");
  save_screenshot (f, "dark");

  /* Large text, as GNOME's setting does it: the font resolution times 1.5. */
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", (int) (MAX (dpi, 96 * 1024) * 1.5), NULL);
  wait_for_frames (GTK_WIDGET (f->window));
  check_highlights (f, "dark, large text");
  save_screenshot (f, "dark-large");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for_frames (GTK_WIDGET (f->window));
  check_highlights (f, "light, large text");
  save_screenshot (f, "light-large");

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  wait_for_frames (GTK_WIDGET (f->window));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend keeps the properties and relations so that they can
   * be read back; "none" drops them. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add ("/attest/a11y/" path, Fixture, NULL, fixture_set_up, func, project_fixture_tear_down)

  ADD ("names", test_names);
  ADD ("tab/articles", test_tab_articles);
  ADD ("tab/pages", test_tab_pages);
  ADD ("highlights", test_highlights);

#undef ADD

  return g_test_run ();
}
