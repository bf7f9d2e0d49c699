/* attest-inspector.c: everything about one annotation, editable.
 *
 * The inspector holds the annotation's uuid and re-reads it when the store changes, so the
 * same widget shows the effect of an edit here, of an undo, or of a rename in the sources
 * view. A comment being typed is left alone by such a refresh and saved as one step when
 * the typing stops.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-inspector"

#include "config.h"

#include "attest-inspector.h"
#include "attest-source-list.h"
#include "attest-speaker-popover.h"
#include "attest-tag-swatch.h"

#include <string.h>
#include <glib/gi18n.h>

#define COMMENT_SAVE_DELAY_MS 1000

/* In the order of the "Claim Status" list; NULL is "Not set". */
static const char * const claim_statuses[] = {
  NULL, "unverified", "corroborated", "disputed", "false",
};

struct _AttestInspector
{
  GtkWidget             parent_instance;

  AttestStore          *store;
  AttestAnnotation     *annotation;
  GHashTable           *tags;           /* uuid → AttestTag */
  GPtrArray            *tag_order;      /* AttestTag, codebook order */
  /* The codebook is read when an annotation's tags are first shown after a change, not
   * when the window opens a project (at 100,000 articles that read is 40 ms). */
  gboolean              tags_read;
  char                 *tags_key;       /* the tag search, folded */
  guint                 comment_timeout_id;
  gboolean              updating;

  /* Template widgets */
  GtkStack             *stack;
  GtkLabel             *exact_label;
  AdwComboRow          *kind_row;
  AdwActionRow         *speaker_row;
  GtkMenuButton        *speaker_button;
  AttestSpeakerPopover *speaker_popover;
  AdwComboRow          *claim_row;
  AdwActionRow         *incidents_row;
  GtkPopover           *tags_popover;
  GtkSearchEntry       *tags_search;
  GtkListBox           *tag_checks;
  GtkListBox           *tags_list;
  GtkTextView          *comment_view;
  GtkLabel             *coder_label;
  GtkLabel             *created_label;
  GtkLabel             *modified_label;
};

G_DEFINE_FINAL_TYPE (AttestInspector, attest_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ANNOTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
nonnull (const char *text)
{
  return text != NULL ? text : "";
}

static char *
format_time (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL || !(utc = g_date_time_new_from_iso8601 (iso8601, NULL)))
    return g_strdup (nonnull (iso8601));
  local = g_date_time_to_local (utc);
  /* Translators: a date and time as g_date_time_format () writes it, e.g. "3 March 2024,
   * 14:05" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* "Violence › Shelling": where a tag sits in the codebook. */
static char *
dup_tag_path (AttestInspector *self,
              AttestTag       *tag)
{
  g_autoptr(GString) path = g_string_new (attest_tag_get_name (tag));
  const char *parent = attest_tag_get_parent_uuid (tag);

  for (guint depth = 0; parent != NULL && depth < 32; depth++)
    {
      AttestTag *above = g_hash_table_lookup (self->tags, parent);

      if (above == NULL)
        break;
      g_string_prepend (path, " › ");
      g_string_prepend (path, attest_tag_get_name (above));
      parent = attest_tag_get_parent_uuid (above);
    }
  return g_string_free (g_steal_pointer (&path), FALSE);
}

static guint
tag_depth (AttestInspector *self,
           AttestTag       *tag)
{
  const char *parent = attest_tag_get_parent_uuid (tag);
  guint depth = 0;

  for (; parent != NULL && depth < 32; depth++)
    {
      AttestTag *above = g_hash_table_lookup (self->tags, parent);

      if (above == NULL)
        break;
      parent = attest_tag_get_parent_uuid (above);
    }
  return depth;
}

static gboolean
has_tag (AttestInspector *self,
         const char      *tag_uuid)
{
  return self->annotation != NULL
         && g_strv_contains (attest_annotation_get_tag_uuids (self->annotation), tag_uuid);
}

static void
attest_inspector_ensure_tags (AttestInspector *self)
{
  g_autoptr(GError) error = NULL;

  if (self->tags_read)
    return;
  self->tags_read = TRUE;

  g_hash_table_remove_all (self->tags);
  g_clear_pointer (&self->tag_order, g_ptr_array_unref);
  if (self->store != NULL && !(self->tag_order = attest_store_list_tags (self->store, &error)))
    g_warning ("Could not read the codebook: %s", error->message);
  if (self->tag_order == NULL)
    self->tag_order = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->tag_order->len; i++)
    {
      AttestTag *tag = g_ptr_array_index (self->tag_order, i);

      g_hash_table_insert (self->tags, g_strdup (attest_tag_get_uuid (tag)), g_object_ref (tag));
    }
}

static void
attest_inspector_fill_tags (AttestInspector *self)
{
  const char * const *tag_uuids = attest_annotation_get_tag_uuids (self->annotation);
  GtkWidget *child;

  attest_inspector_ensure_tags (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_list))) != NULL)
    gtk_list_box_remove (self->tags_list, child);

  for (guint i = 0; tag_uuids[i] != NULL; i++)
    {
      AttestTag *tag = g_hash_table_lookup (self->tags, tag_uuids[i]);
      g_autofree char *path = NULL;
      g_autoptr(GdkPaintable) swatch = NULL;
      GtkWidget *row, *button;

      if (tag == NULL)
        continue;

      path = dup_tag_path (self, tag);
      swatch = attest_tag_swatch_new (attest_tag_get_color (tag), 16, FALSE);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), path);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_paintable (swatch));

      button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove Tag"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove Tag"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "inspector.toggle-tag");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", tag_uuids[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->tags_list, row);
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (self->tags_list)) == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_hash_table_size (self->tags) > 0
                                     ? _("Not tagged")
                                     : _("The codebook is empty"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->tags_list, row);
    }
}

/* The check marks in the "Tag…" popover follow the annotation without being rebuilt, so
 * the keyboard focus stays where it is while tags are toggled. */
static void
attest_inspector_sync_checks (AttestInspector *self)
{
  self->updating = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->tag_checks));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = GTK_IS_LIST_BOX_ROW (row)
                         ? gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)) : NULL;
      const char *uuid = check ? g_object_get_data (G_OBJECT (check), "tag-uuid") : NULL;

      if (uuid != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), has_tag (self, uuid));
    }
  self->updating = FALSE;
}

static void
on_tag_check_toggled (GtkCheckButton  *check,
                      AttestInspector *self)
{
  g_autoptr(GError) error = NULL;
  const char *uuid = g_object_get_data (G_OBJECT (check), "tag-uuid");

  if (self->updating || self->annotation == NULL)
    return;
  if (!attest_store_set_annotation_tag (self->store, attest_annotation_get_uuid (self->annotation),
                                        uuid, gtk_check_button_get_active (check), &error))
    {
      g_debug ("Could not tag the annotation: %s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (check));
      attest_inspector_sync_checks (self);
    }
}

static void
on_tags_popover_show (AttestInspector *self)
{
  GtkWidget *child;

  attest_inspector_ensure_tags (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_checks))) != NULL)
    gtk_list_box_remove (self->tag_checks, child);

  for (guint i = 0; i < self->tag_order->len; i++)
    {
      AttestTag *tag = g_ptr_array_index (self->tag_order, i);
      GtkWidget *check = gtk_check_button_new_with_label (attest_tag_get_name (tag));
      g_autofree char *path = dup_tag_path (self, tag);

      gtk_widget_set_margin_start (check, 16 * tag_depth (self, tag));
      gtk_widget_set_tooltip_text (check, attest_tag_get_description (tag));
      g_object_set_data_full (G_OBJECT (check), "tag-uuid",
                              g_strdup (attest_tag_get_uuid (tag)), g_free);
      g_object_set_data_full (G_OBJECT (check), "folded", attest_source_fold (path), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_tag_check_toggled), self);
      gtk_list_box_append (self->tag_checks, check);
    }

  attest_inspector_sync_checks (self);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->tags_search));
}

static gboolean
filter_tag_check (GtkListBoxRow *row,
                  gpointer       user_data)
{
  AttestInspector *self = user_data;
  GtkWidget *check = gtk_list_box_row_get_child (row);
  const char *folded = check ? g_object_get_data (G_OBJECT (check), "folded") : NULL;

  return self->tags_key == NULL || *self->tags_key == '\0'
         || (folded != NULL && strstr (folded, self->tags_key) != NULL);
}

static void
on_tags_search_changed (AttestInspector *self)
{
  g_free (self->tags_key);
  self->tags_key = attest_source_fold (gtk_editable_get_text (GTK_EDITABLE (self->tags_search)));
  gtk_list_box_invalidate_filter (self->tag_checks);
}

static void
on_tags_stop_search (AttestInspector *self)
{
  gtk_popover_popdown (self->tags_popover);
}

static char *
dup_comment (AttestInspector *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->comment_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The incidents this annotation is evidence for, by title. */
static void
attest_inspector_fill_incidents (AttestInspector *self)
{
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GString) titles = g_string_new (NULL);

  incidents = attest_store_list_incidents_for_annotation (self->store,
                                                          attest_annotation_get_uuid (self->annotation),
                                                          NULL);
  for (guint i = 0; incidents != NULL && i < incidents->len; i++)
    {
      if (titles->len > 0)
        g_string_append (titles, "\n");
      g_string_append (titles, attest_incident_get_title (g_ptr_array_index (incidents, i)));
    }
  adw_action_row_set_subtitle (self->incidents_row,
                               titles->len > 0 ? titles->str : _("Not linked to an incident"));
}

static void
attest_inspector_fill (AttestInspector  *self,
                       AttestAnnotation *before)
{
  AttestAnnotationKind kind = attest_annotation_get_kind (self->annotation);
  const char *exact = nonnull (attest_annotation_get_exact (self->annotation));
  const char *speaker = attest_annotation_get_speaker_name (self->annotation);
  const char *status = attest_annotation_get_claim_status (self->annotation);
  const char *coder = attest_annotation_get_coder (self->annotation);
  g_autofree char *shown_comment = dup_comment (self);
  g_autofree char *quoted = NULL;
  g_autofree char *created = format_time (attest_annotation_get_created_at (self->annotation));
  g_autofree char *modified = format_time (attest_annotation_get_modified_at (self->annotation));
  guint status_index = 0;

  self->updating = TRUE;

  quoted = kind == ATTEST_ANNOTATION_DIRECT ? g_strdup_printf (_("“%s”"), exact)
                                            : g_strdup (exact);
  gtk_label_set_text (self->exact_label, quoted);
  adw_combo_row_set_selected (self->kind_row, kind);

  if (speaker != NULL)
    {
      g_autofree char *kind_label = NULL;
      g_autofree char *subtitle = NULL;
      const char *speaker_kind = attest_annotation_get_speaker_kind (self->annotation);

      kind_label = attest_store_get_source_kind_label (self->store, speaker_kind);
      /* Translators: a speaker and their kind, e.g. "Tahsin al-Khafaji (Official)" */
      subtitle = kind_label ? g_strdup_printf (_("%s (%s)"), speaker, kind_label)
                            : g_strdup (speaker);
      adw_action_row_set_subtitle (self->speaker_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->speaker_row, _("Nobody"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspector.clear-speaker", speaker != NULL);

  for (guint i = 1; i < G_N_ELEMENTS (claim_statuses); i++)
    if (g_strcmp0 (claim_statuses[i], status) == 0)
      status_index = i;
  adw_combo_row_set_selected (self->claim_row, status_index);

  attest_inspector_fill_incidents (self);
  attest_inspector_fill_tags (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->tags_popover)))
    attest_inspector_sync_checks (self);

  /* Another annotation's comment replaces the text; the same one's only if untouched. */
  if (before == NULL
      || g_strcmp0 (shown_comment, nonnull (attest_annotation_get_comment (before))) == 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view),
                              nonnull (attest_annotation_get_comment (self->annotation)), -1);

  gtk_label_set_text (self->coder_label,
                      coder != NULL && *coder != '\0' ? coder : _("Not recorded"));
  gtk_label_set_text (self->created_label, created);
  gtk_label_set_text (self->modified_label, modified);

  self->updating = FALSE;
}

static void
attest_inspector_save_comment (AttestInspector *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;

  g_clear_handle_id (&self->comment_timeout_id, g_source_remove);
  if (self->annotation == NULL || self->store == NULL)
    return;

  comment = dup_comment (self);
  if (g_strcmp0 (comment, nonnull (attest_annotation_get_comment (self->annotation))) == 0)
    return;
  if (!attest_store_set_annotation_comment (self->store,
                                            attest_annotation_get_uuid (self->annotation),
                                            comment, &error))
    g_warning ("Could not save the comment: %s", error->message);
}

static gboolean
on_comment_timeout (gpointer user_data)
{
  AttestInspector *self = user_data;

  self->comment_timeout_id = 0;
  attest_inspector_save_comment (self);
  return G_SOURCE_REMOVE;
}

static void
on_comment_changed (AttestInspector *self)
{
  if (self->updating)
    return;
  g_clear_handle_id (&self->comment_timeout_id, g_source_remove);
  self->comment_timeout_id = g_timeout_add (COMMENT_SAVE_DELAY_MS, on_comment_timeout, self);
}

static void
on_comment_leave (AttestInspector *self)
{
  attest_inspector_save_comment (self);
}

static void
attest_inspector_refresh (AttestInspector *self)
{
  g_autoptr(AttestAnnotation) before = NULL;
  g_autoptr(AttestAnnotation) fresh = NULL;

  self->tags_read = FALSE;
  if (self->annotation == NULL || self->store == NULL)
    return;

  fresh = attest_store_get_annotation (self->store,
                                       attest_annotation_get_uuid (self->annotation), NULL);
  before = g_steal_pointer (&self->annotation);
  if (fresh == NULL)
    {
      g_clear_handle_id (&self->comment_timeout_id, g_source_remove);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      self->annotation = g_steal_pointer (&fresh);
      attest_inspector_fill (self, before);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION]);
}

static void
on_store_changed (AttestInspector *self)
{
  attest_inspector_refresh (self);
}

static void
on_kind_selected (AttestInspector *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->updating || self->annotation == NULL || selected >= ATTEST_ANNOTATION_N_KINDS)
    return;
  if (selected == (guint) attest_annotation_get_kind (self->annotation))
    return;
  if (!attest_store_set_annotation_kind (self->store,
                                         attest_annotation_get_uuid (self->annotation),
                                         (AttestAnnotationKind) selected, &error))
    g_warning ("Could not change the kind: %s", error->message);
}

static void
on_claim_selected (AttestInspector *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->claim_row);

  if (self->updating || self->annotation == NULL || selected >= G_N_ELEMENTS (claim_statuses))
    return;
  if (g_strcmp0 (claim_statuses[selected],
                 attest_annotation_get_claim_status (self->annotation)) == 0)
    return;
  if (!attest_store_set_annotation_claim_status (self->store,
                                                 attest_annotation_get_uuid (self->annotation),
                                                 claim_statuses[selected], &error))
    g_warning ("Could not change the claim status: %s", error->message);
}

static void
on_speaker_chosen (AttestInspector *self,
                   const char      *uuid,
                   const char      *name,
                   const char      *kind)
{
  g_autoptr(GError) error = NULL;

  if (self->annotation == NULL)
    return;

  /* A new name makes the source and sets it in one undo step. */
  if (uuid == NULL)
    {
      if (!attest_store_set_annotation_speaker_by_name (self->store,
                                                        attest_annotation_get_uuid (self->annotation),
                                                        name, kind, &error))
        g_warning ("Could not change the speaker: %s", error->message);
      return;
    }

  if (g_strcmp0 (uuid, attest_annotation_get_speaker_uuid (self->annotation)) == 0)
    return;
  if (!attest_store_set_annotation_speaker (self->store,
                                            attest_annotation_get_uuid (self->annotation),
                                            uuid, &error))
    g_warning ("Could not change the speaker: %s", error->message);
}

static void
clear_speaker_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AttestInspector *self = ATTEST_INSPECTOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->annotation == NULL || attest_annotation_get_speaker_uuid (self->annotation) == NULL)
    return;
  if (!attest_store_set_annotation_speaker (self->store,
                                            attest_annotation_get_uuid (self->annotation),
                                            NULL, &error))
    g_warning ("Could not remove the speaker: %s", error->message);
}

static void
toggle_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AttestInspector *self = ATTEST_INSPECTOR (widget);
  const char *tag_uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  if (self->annotation == NULL)
    return;
  if (!attest_store_set_annotation_tag (self->store, attest_annotation_get_uuid (self->annotation),
                                        tag_uuid, !has_tag (self, tag_uuid), &error))
    g_warning ("Could not change the tags: %s", error->message);
}

static void
attest_inspector_dispose (GObject *object)
{
  AttestInspector *self = ATTEST_INSPECTOR (object);

  attest_inspector_flush (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_INSPECTOR);
  g_clear_object (&self->annotation);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_inspector_parent_class)->dispose (object);
}

static void
attest_inspector_finalize (GObject *object)
{
  AttestInspector *self = ATTEST_INSPECTOR (object);

  g_clear_pointer (&self->tags, g_hash_table_unref);
  g_clear_pointer (&self->tag_order, g_ptr_array_unref);
  g_clear_pointer (&self->tags_key, g_free);

  G_OBJECT_CLASS (attest_inspector_parent_class)->finalize (object);
}

static void
attest_inspector_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AttestInspector *self = ATTEST_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ANNOTATION:
      g_value_set_object (value, self->annotation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_inspector_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AttestInspector *self = ATTEST_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_inspector_set_store (self, g_value_get_object (value));
      break;

    case PROP_ANNOTATION:
      attest_inspector_set_annotation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_inspector_class_init (AttestInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_inspector_dispose;
  object_class->finalize = attest_inspector_finalize;
  object_class->get_property = attest_inspector_get_property;
  object_class->set_property = attest_inspector_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ANNOTATION] =
    g_param_spec_object ("annotation", NULL, NULL,
                         ATTEST_TYPE_ANNOTATION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "inspector.clear-speaker", NULL,
                                   clear_speaker_action);
  gtk_widget_class_install_action (widget_class, "inspector.toggle-tag", "s", toggle_tag_action);

  g_type_ensure (ATTEST_TYPE_SPEAKER_POPOVER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, exact_label);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, speaker_row);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, speaker_button);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, speaker_popover);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, claim_row);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, incidents_row);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, tags_popover);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, tags_search);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, tag_checks);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, tags_list);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, comment_view);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, coder_label);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, created_label);
  gtk_widget_class_bind_template_child (widget_class, AttestInspector, modified_label);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_claim_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_speaker_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_tags_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_tags_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tags_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_comment_leave);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attest-inspector");
}

static void
attest_inspector_init (AttestInspector *self)
{
  self->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->tag_order = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->tag_checks, filter_tag_check, self, NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->comment_view), "changed",
                           G_CALLBACK (on_comment_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
attest_inspector_new (void)
{
  return g_object_new (ATTEST_TYPE_INSPECTOR, NULL);
}

AttestStore *
attest_inspector_get_store (AttestInspector *self)
{
  g_return_val_if_fail (ATTEST_IS_INSPECTOR (self), NULL);

  return self->store;
}

void
attest_inspector_set_store (AttestInspector *self,
                            AttestStore     *store)
{
  g_return_if_fail (ATTEST_IS_INSPECTOR (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  attest_inspector_set_annotation (self, NULL);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  attest_speaker_popover_set_store (self->speaker_popover, store);
  if (store != NULL)
    {
      /* Speaker names live with sources, tag names with tags. */
      g_signal_connect_object (store, "changed::annotations",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::sources",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::tags",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::incidents",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
    }
  self->tags_read = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AttestAnnotation *
attest_inspector_get_annotation (AttestInspector *self)
{
  g_return_val_if_fail (ATTEST_IS_INSPECTOR (self), NULL);

  return self->annotation;
}

void
attest_inspector_set_annotation (AttestInspector  *self,
                                 AttestAnnotation *annotation)
{
  g_autoptr(AttestAnnotation) before = NULL;

  g_return_if_fail (ATTEST_IS_INSPECTOR (self));
  g_return_if_fail (annotation == NULL || ATTEST_IS_ANNOTATION (annotation));

  if (self->annotation == annotation)
    return;

  /* A comment typed for the previous annotation is saved before it goes. */
  attest_inspector_flush (self);

  before = g_steal_pointer (&self->annotation);
  if (annotation != NULL && self->store != NULL)
    {
      self->annotation = g_object_ref (annotation);
      if (before != NULL && !g_str_equal (attest_annotation_get_uuid (before),
                                          attest_annotation_get_uuid (annotation)))
        g_clear_object (&before);
      attest_inspector_fill (self, before);
      gtk_stack_set_visible_child_name (self->stack, "annotation");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION]);
}

void
attest_inspector_flush (AttestInspector *self)
{
  g_return_if_fail (ATTEST_IS_INSPECTOR (self));

  if (self->comment_timeout_id != 0)
    attest_inspector_save_comment (self);
}
