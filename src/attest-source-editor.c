/* attest-source-editor.c: the details of one source, editable, and every quote it has.
 *
 * The editor holds the source's uuid and re-reads the source whenever the store changes,
 * so an undo in the window shows here at once. Fields the user is still typing in are left
 * alone by such a refresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-source-editor"

#include "config.h"

#include "attest-source-editor.h"

#include <glib/gi18n.h>

/* A source can have said thousands of things; the first ones are enough to go on. */
#define MAX_QUOTES_SHOWN 200

struct _AttestSourceEditor
{
  GtkWidget     parent_instance;

  AttestStore  *store;
  AttestSource *source;
  GStrv         kind_keys;
  gboolean      updating;

  /* Template widgets */
  GtkStack      *stack;
  AdwEntryRow   *name_row;
  AdwComboRow   *kind_row;
  GtkStringList *kind_labels;
  AdwEntryRow   *role_row;
  AdwEntryRow   *affiliation_row;
  GtkSwitch     *anonymous_switch;
  GtkSwitch     *group_switch;
  GtkListBox    *aliases_list;
  AdwEntryRow   *alias_row;
  GtkTextView   *notes_view;
  AdwPreferencesGroup *quotes_group;
  GtkListBox    *quotes_list;
};

G_DEFINE_FINAL_TYPE (AttestSourceEditor, attest_source_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SOURCE,
  N_PROPS
};

enum {
  OPEN_ANNOTATION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
nonnull (const char *text)
{
  return text != NULL ? text : "";
}

/* A failed edit marks its row and says why in the tooltip; the typed text stays. */
static void
show_result (GtkWidget    *row,
             const GError *error)
{
  if (error == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      return;
    }

  g_debug ("Editing the source failed: %s", error->message);
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, error->message);
  gtk_widget_error_bell (row);
}

/* Sets an entry unless the user has typed something else there since the last refresh. */
static void
update_entry (AdwEntryRow *row,
              const char  *before,
              const char  *now)
{
  const char *shown = gtk_editable_get_text (GTK_EDITABLE (row));

  if (before == NULL || g_strcmp0 (shown, before) == 0)
    gtk_editable_set_text (GTK_EDITABLE (row), nonnull (now));
}

static void
attest_source_editor_load_kinds (AttestSourceEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->kind_labels));

  g_clear_pointer (&self->kind_keys, g_strfreev);
  if (self->store != NULL && !(self->kind_keys = attest_store_list_source_kinds (self->store,
                                                                                 &error)))
    g_warning ("Could not list the kinds of source: %s", error->message);
  if (self->kind_keys == NULL)
    self->kind_keys = g_new0 (char *, 1);

  /* Replacing the labels moves the combo's selection: that is no edit. */
  self->updating = TRUE;
  gtk_string_list_splice (self->kind_labels, 0, n_old, NULL);
  for (guint i = 0; self->kind_keys[i] != NULL; i++)
    {
      g_autofree char *label = attest_store_get_source_kind_label (self->store,
                                                                   self->kind_keys[i]);

      gtk_string_list_append (self->kind_labels, label != NULL ? label : self->kind_keys[i]);
    }
  self->updating = FALSE;
}

static void
attest_source_editor_fill_aliases (AttestSourceEditor *self)
{
  const char * const *aliases = attest_source_get_aliases (self->source);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->aliases_list)))
         != GTK_WIDGET (self->alias_row))
    gtk_list_box_remove (self->aliases_list, child);

  for (guint i = 0; aliases[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), aliases[i]);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove Alias"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove Alias"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "source-editor.remove-alias");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", aliases[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_insert (self->aliases_list, row, i);
    }
}

static GtkWidget *
create_quote_row (AttestAnnotation *annotation,
                  const char       *article_title)
{
  const char *exact = nonnull (attest_annotation_get_exact (annotation));
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (attest_annotation_get_kind (annotation) == ATTEST_ANNOTATION_DIRECT)
    title = g_strdup_printf (_("“%s”"), exact);
  else
    title = g_strdup (exact);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), article_title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show in the Article"));
  g_object_set_data_full (G_OBJECT (row), "annotation",
                          g_object_ref (annotation), g_object_unref);
  return row;
}

static void
attest_source_editor_fill_quotes (AttestSourceEditor *self)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  guint n_quotes = attest_source_get_n_quotes (self->source);
  guint n_articles = attest_source_get_n_articles (self->source);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_list))) != NULL)
    gtk_list_box_remove (self->quotes_list, child);

  annotations = attest_store_list_annotations_by_source (self->store,
                                                         attest_source_get_uuid (self->source),
                                                         &error);
  if (annotations == NULL)
    {
      g_warning ("Could not list what the source said: %s", error->message);
      return;
    }

  if (annotations->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No quotes yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->quotes_list, row);
    }

  for (guint i = 0; i < annotations->len && i < MAX_QUOTES_SHOWN; i++)
    {
      AttestAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char *article_uuid = attest_annotation_get_article_uuid (annotation);
      const char *title = g_hash_table_lookup (titles, article_uuid);

      if (title == NULL)
        {
          g_autoptr(AttestArticle) article = attest_store_get_article (self->store, article_uuid,
                                                                       NULL);
          char *owned = g_strdup (article != NULL ? attest_article_get_title (article) : "");

          g_hash_table_insert (titles, g_strdup (article_uuid), owned);
          title = owned;
        }
      gtk_list_box_append (self->quotes_list, create_quote_row (annotation, title));
    }

  if (annotations->len > MAX_QUOTES_SHOWN)
    description = g_strdup_printf (_("The first %u of %u, in article order"),
                                   MAX_QUOTES_SHOWN, annotations->len);
  else if (n_quotes > 0)
    description = g_strdup_printf (ngettext ("Quoted in %u article", "Quoted in %u articles",
                                             n_articles),
                                   n_articles);
  adw_preferences_group_set_description (self->quotes_group, description);
}

static void
attest_source_editor_fill (AttestSourceEditor *self,
                           AttestSource       *before)
{
  g_autofree char *notes_shown = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  const char *kind = attest_source_get_kind (self->source);

  self->updating = TRUE;

  update_entry (self->name_row, before ? attest_source_get_name (before) : NULL,
                attest_source_get_name (self->source));
  update_entry (self->role_row, before ? nonnull (attest_source_get_role (before)) : NULL,
                attest_source_get_role (self->source));
  update_entry (self->affiliation_row,
                before ? nonnull (attest_source_get_affiliation (before)) : NULL,
                attest_source_get_affiliation (self->source));

  for (guint i = 0; self->kind_keys[i] != NULL; i++)
    if (g_strcmp0 (self->kind_keys[i], kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);

  gtk_switch_set_active (self->anonymous_switch, attest_source_get_anonymous (self->source));
  gtk_switch_set_active (self->group_switch, attest_source_get_is_group (self->source));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes_shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (before == NULL || g_strcmp0 (notes_shown, nonnull (attest_source_get_notes (before))) == 0)
    gtk_text_buffer_set_text (buffer, nonnull (attest_source_get_notes (self->source)), -1);

  if (before == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->alias_row), "");
      show_result (GTK_WIDGET (self->name_row), NULL);
      show_result (GTK_WIDGET (self->role_row), NULL);
      show_result (GTK_WIDGET (self->affiliation_row), NULL);
      show_result (GTK_WIDGET (self->alias_row), NULL);
    }

  attest_source_editor_fill_aliases (self);
  attest_source_editor_fill_quotes (self);

  self->updating = FALSE;
}

/* Re-reads the source from the store: after an edit here, an undo, or a merge elsewhere. */
static void
attest_source_editor_refresh (AttestSourceEditor *self)
{
  g_autoptr(AttestSource) before = NULL;
  g_autoptr(AttestSource) fresh = NULL;

  if (self->source == NULL || self->store == NULL)
    return;

  fresh = attest_store_get_source (self->store, attest_source_get_uuid (self->source), NULL);
  before = g_steal_pointer (&self->source);
  attest_source_editor_load_kinds (self);

  if (fresh == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
      return;
    }

  self->source = g_steal_pointer (&fresh);
  attest_source_editor_fill (self, before);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

static void
on_store_changed (AttestSourceEditor *self)
{
  attest_source_editor_refresh (self);
}

static void
on_name_apply (AttestSourceEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (self->source == NULL || g_strcmp0 (name, attest_source_get_name (self->source)) == 0)
    return;
  attest_store_update_source (self->store, attest_source_get_uuid (self->source),
                              name, NULL, NULL, NULL, &error);
  show_result (GTK_WIDGET (self->name_row), error);
}

static void
on_role_apply (AttestSourceEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *role = gtk_editable_get_text (GTK_EDITABLE (self->role_row));

  if (self->source == NULL
      || g_strcmp0 (role, nonnull (attest_source_get_role (self->source))) == 0)
    return;
  attest_store_update_source (self->store, attest_source_get_uuid (self->source),
                              NULL, NULL, role, NULL, &error);
  show_result (GTK_WIDGET (self->role_row), error);
}

static void
on_affiliation_apply (AttestSourceEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *affiliation = gtk_editable_get_text (GTK_EDITABLE (self->affiliation_row));

  if (self->source == NULL
      || g_strcmp0 (affiliation, nonnull (attest_source_get_affiliation (self->source))) == 0)
    return;
  attest_store_update_source (self->store, attest_source_get_uuid (self->source),
                              NULL, NULL, NULL, affiliation, &error);
  show_result (GTK_WIDGET (self->affiliation_row), error);
}

static void
on_kind_selected (AttestSourceEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->updating || self->source == NULL || selected >= g_strv_length (self->kind_keys))
    return;
  if (g_strcmp0 (self->kind_keys[selected], attest_source_get_kind (self->source)) == 0)
    return;
  attest_store_update_source (self->store, attest_source_get_uuid (self->source),
                              NULL, self->kind_keys[selected], NULL, NULL, &error);
  show_result (GTK_WIDGET (self->kind_row), error);
}

static char *
dup_notes (AttestSourceEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
save_details (AttestSourceEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = dup_notes (self);
  gboolean anonymous = gtk_switch_get_active (self->anonymous_switch);
  gboolean is_group = gtk_switch_get_active (self->group_switch);

  if (self->updating || self->source == NULL)
    return;
  if (anonymous == attest_source_get_anonymous (self->source)
      && is_group == attest_source_get_is_group (self->source)
      && g_strcmp0 (notes, nonnull (attest_source_get_notes (self->source))) == 0)
    return;

  if (!attest_store_set_source_details (self->store, attest_source_get_uuid (self->source),
                                        anonymous, is_group, notes, &error))
    show_result (GTK_WIDGET (self->notes_view), error);
}

static void
on_details_toggled (AttestSourceEditor *self)
{
  save_details (self);
}

static void
on_notes_leave (AttestSourceEditor *self)
{
  save_details (self);
}

static void
on_alias_apply (AttestSourceEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->alias_row));
  g_autofree char *alias = g_strstrip (g_strdup (typed));

  if (self->source == NULL || *alias == '\0')
    return;
  if (attest_store_add_source_alias (self->store, attest_source_get_uuid (self->source),
                                     alias, &error))
    gtk_editable_set_text (GTK_EDITABLE (self->alias_row), "");
  show_result (GTK_WIDGET (self->alias_row), error);
}

static void
on_quote_activated (AttestSourceEditor *self,
                    GtkListBoxRow      *row)
{
  AttestAnnotation *annotation = g_object_get_data (G_OBJECT (row), "annotation");

  if (annotation != NULL)
    g_signal_emit (self, signals[OPEN_ANNOTATION], 0,
                   attest_annotation_get_article_uuid (annotation),
                   attest_annotation_get_uuid (annotation));
}

static void
remove_alias_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AttestSourceEditor *self = ATTEST_SOURCE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->source == NULL)
    return;
  if (!attest_store_remove_source_alias (self->store, attest_source_get_uuid (self->source),
                                         g_variant_get_string (parameter, NULL), &error))
    show_result (GTK_WIDGET (self->alias_row), error);
}

static void
attest_source_editor_dispose (GObject *object)
{
  AttestSourceEditor *self = ATTEST_SOURCE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTEST_TYPE_SOURCE_EDITOR);
  g_clear_object (&self->source);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (attest_source_editor_parent_class)->dispose (object);
}

static void
attest_source_editor_finalize (GObject *object)
{
  AttestSourceEditor *self = ATTEST_SOURCE_EDITOR (object);

  g_clear_pointer (&self->kind_keys, g_strfreev);

  G_OBJECT_CLASS (attest_source_editor_parent_class)->finalize (object);
}

static void
attest_source_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AttestSourceEditor *self = ATTEST_SOURCE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_source_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AttestSourceEditor *self = ATTEST_SOURCE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      attest_source_editor_set_store (self, g_value_get_object (value));
      break;

    case PROP_SOURCE:
      attest_source_editor_set_source (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attest_source_editor_class_init (AttestSourceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attest_source_editor_dispose;
  object_class->finalize = attest_source_editor_finalize;
  object_class->get_property = attest_source_editor_get_property;
  object_class->set_property = attest_source_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATTEST_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL,
                         ATTEST_TYPE_SOURCE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_ANNOTATION] =
    g_signal_new ("open-annotation",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "source-editor.remove-alias", "s",
                                   remove_alias_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/attest/Attest/ui/attest-source-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AttestSourceEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, AttestSourceEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, AttestSourceEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AttestSourceEditor, kind_labels);
  gtk_widget_class_bind_template_child (widget_class, AttestSourceEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, AttestSourceEditor, affiliation_row);
  gtk_widget_class_bind_template_child (widget_class, AttestSourceEditor, anonymous_switch);
  gtk_widget_class_bind_template_child (widget_class, AttestSourceEditor, group_switch);
  gtk_widget_class_bind_template_child (widget_class, AttestSourceEditor, aliases_list);
  gtk_widget_class_bind_template_child (widget_class, AttestSourceEditor, alias_row);
  gtk_widget_class_bind_template_child (widget_class, AttestSourceEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AttestSourceEditor, quotes_group);
  gtk_widget_class_bind_template_child (widget_class, AttestSourceEditor, quotes_list);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_role_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_affiliation_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_details_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_alias_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_quote_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attest-source-editor");
}

static void
attest_source_editor_init (AttestSourceEditor *self)
{
  self->kind_keys = g_new0 (char *, 1);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
attest_source_editor_new (void)
{
  return g_object_new (ATTEST_TYPE_SOURCE_EDITOR, NULL);
}

AttestStore *
attest_source_editor_get_store (AttestSourceEditor *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE_EDITOR (self), NULL);

  return self->store;
}

void
attest_source_editor_set_store (AttestSourceEditor *self,
                                AttestStore        *store)
{
  g_return_if_fail (ATTEST_IS_SOURCE_EDITOR (self));
  g_return_if_fail (store == NULL || ATTEST_IS_STORE (store));

  if (self->store == store)
    return;

  attest_source_editor_set_source (self, NULL);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      /* Quotes change with annotations, the kinds list with sources, titles with articles. */
      g_signal_connect_object (store, "changed::sources",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::annotations",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::articles",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
    }
  attest_source_editor_load_kinds (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AttestSource *
attest_source_editor_get_source (AttestSourceEditor *self)
{
  g_return_val_if_fail (ATTEST_IS_SOURCE_EDITOR (self), NULL);

  return self->source;
}

void
attest_source_editor_set_source (AttestSourceEditor *self,
                                 AttestSource       *source)
{
  g_autoptr(AttestSource) before = NULL;

  g_return_if_fail (ATTEST_IS_SOURCE_EDITOR (self));
  g_return_if_fail (source == NULL || ATTEST_IS_SOURCE (source));

  if (self->source == source)
    return;

  /* Notes typed into the previous source are kept before it goes. */
  if (self->source != NULL)
    save_details (self);

  before = g_steal_pointer (&self->source);
  if (source != NULL && self->store != NULL)
    {
      self->source = g_object_ref (source);
      /* Another source starts from its own values; the same one keeps what is being typed. */
      if (before != NULL
          && !g_str_equal (attest_source_get_uuid (before), attest_source_get_uuid (source)))
        g_clear_object (&before);
      attest_source_editor_fill (self, before);
      gtk_stack_set_visible_child_name (self->stack, "source");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}
