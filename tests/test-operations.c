/* test-operations.c: the codebook, merging sources, kinds and annotation edits, each undone
 * and redone, with no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "attest-core.h"

#define TEXT \
  "Ambush at a checkpoint\n\n" \
  "\"The Corona virus is an important factor,\" said spokesman Tahsin al-Khafaji.\n\n" \
  "Al-Khafaji said operations had declined. Experts said the group exploits the vacuum."

typedef struct
{
  char        *dir;
  AttestStore *store;
  char        *article;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("attest-ops-XXXXXX", &error);
  path = g_build_filename (f->dir, "p.attest", NULL);
  f->store = attest_store_create (path, &error);
  g_assert_no_error (error);
  f->article = attest_store_import_text (f->store, TEXT, -1, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_finalize_object (f->store);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  g_free (f->article);
  g_free (f->dir);
}

static AttestAnnotation *
mark (Fixture    *f,
      const char *words,
      const char *speaker,
      const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestArticle) article = attest_store_get_article (f->store, f->article, NULL);
  AttestAnnotation *annotation;
  guint start, end;

  g_assert_true (attest_find_unique_span (attest_article_get_body (article), words, &start,
                                          &end, &error));
  annotation = attest_store_annotate_span (f->store, f->article, ATTEST_ANNOTATION_INDIRECT,
                                           start, end, speaker, kind, NULL, NULL, &error);
  g_assert_no_error (error);
  return annotation;
}

static char *
tag_names (AttestStore *store)
{
  g_autoptr(GPtrArray) tags = attest_store_list_tags (store, NULL);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < tags->len; i++)
    {
      AttestTag *tag = g_ptr_array_index (tags, i);

      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, attest_tag_get_name (tag));
      if (attest_tag_get_n_annotations (tag) > 0)
        g_string_append_printf (s, " (%u)", attest_tag_get_n_annotations (tag));
    }
  return g_string_free (s, FALSE);
}

static void
test_codebook (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestTag) violence = NULL;
  g_autoptr(AttestTag) casualties = NULL;
  g_autoptr(AttestTag) attacks = NULL;
  g_autoptr(AttestTag) health = NULL;
  g_autoptr(AttestTag) same = NULL;
  g_autoptr(AttestAnnotation) quote = mark (f, "operations had declined", "Al-Khafaji", NULL);
  g_autoptr(AttestAnnotation) reread = NULL;
  g_autofree char *names = NULL;

  violence = attest_store_create_tag (f->store, "Violence", NULL, "#c01c28", "Attacks and harm",
                                      &error);
  g_assert_no_error (error);
  casualties = attest_store_create_tag (f->store, "Casualties", attest_tag_get_uuid (violence),
                                        NULL, NULL, &error);
  attacks = attest_store_create_tag (f->store, "Attacks", attest_tag_get_uuid (violence), NULL,
                                     NULL, &error);
  health = attest_store_create_tag (f->store, "Health", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attest_tag_get_parent_uuid (casualties), ==, attest_tag_get_uuid (violence));

  /* Tree order: parents before children, siblings by name. */
  names = tag_names (f->store);
  g_assert_cmpstr (names, ==, "Health, Violence, Attacks, Casualties");
  g_clear_pointer (&names, g_free);

  /* Siblings may not share a name; a bad colour is refused. */
  same = attest_store_create_tag (f->store, "attacks", attest_tag_get_uuid (violence), NULL,
                                  NULL, &error);
  g_assert_null (same);
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (attest_store_update_tag (f->store, attest_tag_get_uuid (health), NULL, "red",
                                           NULL, NULL, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* A tag cannot go under itself or its own child. */
  g_assert_false (attest_store_move_tag (f->store, attest_tag_get_uuid (violence),
                                         attest_tag_get_uuid (casualties), &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (attest_store_move_tag (f->store, attest_tag_get_uuid (health),
                                        attest_tag_get_uuid (violence), &error));
  names = tag_names (f->store);
  g_assert_cmpstr (names, ==, "Violence, Attacks, Casualties, Health");
  g_clear_pointer (&names, g_free);
  g_assert_true (attest_store_undo (f->store, &error));

  /* Tagging shows in counts and on the annotation; tagging twice is no new undo step. */
  g_assert_true (attest_store_set_annotation_tag (f->store, attest_annotation_get_uuid (quote),
                                                  attest_tag_get_uuid (casualties), TRUE,
                                                  &error));
  g_assert_true (attest_store_set_annotation_tag (f->store, attest_annotation_get_uuid (quote),
                                                  attest_tag_get_uuid (casualties), TRUE,
                                                  &error));
  g_assert_cmpstr (attest_store_get_undo_label (f->store), ==, "Tag annotation");
  reread = attest_store_get_annotation (f->store, attest_annotation_get_uuid (quote), &error);
  g_assert_cmpstr (attest_annotation_get_tag_uuids (reread)[0], ==,
                   attest_tag_get_uuid (casualties));
  g_clear_object (&reread);

  /* Deleting the parent takes the children and their uses; undo brings all back, and redo
   * deletes them again. */
  g_assert_true (attest_store_delete_tag (f->store, attest_tag_get_uuid (violence), &error));
  names = tag_names (f->store);
  g_assert_cmpstr (names, ==, "Health");
  g_clear_pointer (&names, g_free);

  g_assert_true (attest_store_undo (f->store, &error));
  names = tag_names (f->store);
  g_assert_cmpstr (names, ==, "Health, Violence, Attacks, Casualties (1)");
  g_clear_pointer (&names, g_free);

  g_assert_true (attest_store_redo (f->store, &error));
  g_assert_true (attest_store_undo (f->store, &error));
  names = tag_names (f->store);
  g_assert_cmpstr (names, ==, "Health, Violence, Attacks, Casualties (1)");
  g_clear_pointer (&names, g_free);

  /* Untag, undo, redo: the link row comes back with its own rowid each time. */
  g_assert_true (attest_store_set_annotation_tag (f->store, attest_annotation_get_uuid (quote),
                                                  attest_tag_get_uuid (casualties), FALSE,
                                                  &error));
  g_assert_true (attest_store_undo (f->store, &error));
  g_assert_true (attest_store_redo (f->store, &error));
  g_assert_true (attest_store_undo (f->store, &error));
  names = tag_names (f->store);
  g_assert_cmpstr (names, ==, "Health, Violence, Attacks, Casualties (1)");
}

static void
test_merge_sources (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestAnnotation) a = mark (f, "The Corona virus is an important factor",
                                        "Tahsin al-Khafaji", "official");
  g_autoptr(AttestAnnotation) b = mark (f, "operations had declined", "Al-Khafaji", "other");
  g_autoptr(AttestAnnotation) reread = NULL;
  g_autoptr(AttestSource) from = attest_store_find_source (f->store, "Al-Khafaji", NULL);
  g_autoptr(AttestSource) into = attest_store_find_source (f->store, "Tahsin al-Khafaji", NULL);
  g_autoptr(AttestSource) found = NULL;
  g_autoptr(AttestTag) tag = attest_store_create_tag (f->store, "Military", NULL, NULL, NULL,
                                                      NULL);
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *from_uuid = g_strdup (attest_source_get_uuid (from));

  g_assert_true (attest_store_add_source_alias (f->store, from_uuid, "the spokesman", &error));
  /* Both carry the same tag: the merged source keeps one. */
  g_assert_true (attest_store_set_source_tag (f->store, from_uuid, attest_tag_get_uuid (tag),
                                              TRUE, &error));
  g_assert_true (attest_store_set_source_tag (f->store, attest_source_get_uuid (into),
                                              attest_tag_get_uuid (tag), TRUE, &error));

  g_assert_false (attest_store_merge_sources (f->store, from_uuid, from_uuid, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_true (attest_store_merge_sources (f->store, from_uuid,
                                             attest_source_get_uuid (into), &error));
  g_assert_no_error (error);

  sources = attest_store_list_sources (f->store, &error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpuint (attest_source_get_n_quotes (g_ptr_array_index (sources, 0)), ==, 2);
  g_assert_cmpuint (attest_source_get_n_articles (g_ptr_array_index (sources, 0)), ==, 1);
  {
    g_autoptr(GPtrArray) said = attest_store_list_annotations_by_source (
        f->store, attest_source_get_uuid (into), &error);

    g_assert_cmpuint (said->len, ==, 2);
  }
  reread = attest_store_get_annotation (f->store, attest_annotation_get_uuid (b), &error);
  g_assert_cmpstr (attest_annotation_get_speaker_uuid (reread), ==,
                   attest_source_get_uuid (into));
  g_clear_object (&reread);
  /* Both old names now find the source that stays. */
  found = attest_store_find_source (f->store, "al-khafaji", &error);
  g_assert_cmpstr (attest_source_get_uuid (found), ==, attest_source_get_uuid (into));
  g_clear_object (&found);
  found = attest_store_find_source (f->store, "the spokesman", &error);
  g_assert_cmpstr (attest_source_get_uuid (found), ==, attest_source_get_uuid (into));
  g_clear_object (&found);
  g_clear_pointer (&sources, g_ptr_array_unref);

  /* Undoing the merge gives back two sources, each with its own quote, alias and tag. */
  g_assert_cmpstr (attest_store_get_undo_label (f->store), ==, "Merge sources");
  g_assert_true (attest_store_undo (f->store, &error));
  g_assert_no_error (error);
  sources = attest_store_list_sources (f->store, &error);
  g_assert_cmpuint (sources->len, ==, 2);
  reread = attest_store_get_annotation (f->store, attest_annotation_get_uuid (b), &error);
  g_assert_cmpstr (attest_annotation_get_speaker_uuid (reread), ==, from_uuid);
  g_clear_object (&reread);
  found = attest_store_find_source (f->store, "the spokesman", &error);
  g_assert_cmpstr (attest_source_get_uuid (found), ==, from_uuid);
  g_clear_object (&found);
  found = attest_store_get_source (f->store, from_uuid, &error);
  g_assert_cmpstr (attest_source_get_kind (found), ==, "other");

  /* And redo merges again. */
  g_assert_true (attest_store_redo (f->store, &error));
  g_clear_pointer (&sources, g_ptr_array_unref);
  sources = attest_store_list_sources (f->store, &error);
  g_assert_cmpuint (sources->len, ==, 1);
}

static void
test_delete_source (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestAnnotation) a = mark (f, "operations had declined", "Al-Khafaji", NULL);
  g_autoptr(AttestAnnotation) reread = NULL;

  g_assert_true (attest_store_delete_source (f->store, attest_annotation_get_speaker_uuid (a),
                                             &error));
  reread = attest_store_get_annotation (f->store, attest_annotation_get_uuid (a), &error);
  g_assert_null (attest_annotation_get_speaker_uuid (reread));
  g_assert_cmpstr (attest_annotation_get_exact (reread), ==, "operations had declined");
  g_clear_object (&reread);

  g_assert_true (attest_store_undo (f->store, &error));
  reread = attest_store_get_annotation (f->store, attest_annotation_get_uuid (a), &error);
  g_assert_cmpstr (attest_annotation_get_speaker_name (reread), ==, "Al-Khafaji");
}

static void
test_source_kinds (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestAnnotation) a = NULL;
  g_autoptr(AttestSource) source = NULL;
  g_auto(GStrv) kinds = NULL;
  g_autofree char *label = NULL;

  g_assert_true (attest_store_add_source_kind (f->store, "militia", "Militia", &error));
  g_assert_false (attest_store_add_source_kind (f->store, "Bad Key", "x", &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (attest_store_add_source_kind (f->store, "militia", "again", &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  kinds = attest_store_list_source_kinds (f->store, &error);
  g_assert_cmpstr (kinds[g_strv_length (kinds) - 1], ==, "militia");
  g_assert_true (attest_store_rename_source_kind (f->store, "militia", "Tribal militia", &error));
  label = attest_store_get_source_kind_label (f->store, "militia");
  g_assert_cmpstr (label, ==, "Tribal militia");

  a = mark (f, "Experts said", "The crowd", "militia");
  g_assert_false (attest_store_remove_source_kind (f->store, "other", &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (attest_store_remove_source_kind (f->store, "militia", &error));
  source = attest_store_find_source (f->store, "The crowd", &error);
  g_assert_cmpstr (attest_source_get_kind (source), ==, "other");
  g_clear_object (&source);

  g_assert_true (attest_store_undo (f->store, &error));
  g_assert_no_error (error);
  source = attest_store_find_source (f->store, "The crowd", &error);
  g_assert_cmpstr (attest_source_get_kind (source), ==, "militia");
}

static void
test_annotation_edits (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestAnnotation) a = mark (f, "operations had declined", "Al-Khafaji", NULL);
  g_autoptr(AttestAnnotation) reread = NULL;
  const char *uuid = attest_annotation_get_uuid (a);
  guint start = attest_annotation_get_start (a);
  guint end = attest_annotation_get_end (a);

  g_assert_true (attest_store_set_annotation_kind (f->store, uuid, ATTEST_ANNOTATION_CLAIM,
                                                   &error));
  g_assert_true (attest_store_set_annotation_claim_status (f->store, uuid, "disputed", &error));
  g_assert_false (attest_store_set_annotation_claim_status (f->store, uuid, "maybe", &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Widen by two words to the left: exact and the context follow. */
  g_assert_true (attest_store_set_annotation_span (f->store, uuid, start - 13, end, &error));
  reread = attest_store_get_annotation (f->store, uuid, &error);
  g_assert_cmpint (attest_annotation_get_kind (reread), ==, ATTEST_ANNOTATION_CLAIM);
  g_assert_cmpstr (attest_annotation_get_claim_status (reread), ==, "disputed");
  g_assert_cmpstr (attest_annotation_get_exact (reread), ==, "Khafaji said operations had declined");
  g_assert_true (g_str_has_suffix (attest_annotation_get_prefix (reread), "Al-"));
  g_clear_object (&reread);

  g_assert_false (attest_store_set_annotation_span (f->store, uuid, 5, 4, &error));
  g_assert_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Three undos give the annotation as it was marked. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (attest_store_undo (f->store, &error));
  reread = attest_store_get_annotation (f->store, uuid, &error);
  g_assert_cmpint (attest_annotation_get_kind (reread), ==, ATTEST_ANNOTATION_INDIRECT);
  g_assert_null (attest_annotation_get_claim_status (reread));
  g_assert_cmpstr (attest_annotation_get_exact (reread), ==, "operations had declined");
  g_assert_false (attest_annotation_get_suggested (reread));
}

static void
test_speaker_by_name (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestAnnotation) a = mark (f, "operations had declined", NULL, NULL);
  g_autoptr(AttestAnnotation) reread = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(AttestTag) tag = attest_store_create_tag (f->store, "Military", NULL, NULL, NULL,
                                                      NULL);
  g_autoptr(AttestSource) source = NULL;

  /* A new name makes a source and sets it, in one step that one undo takes back. */
  g_assert_true (attest_store_set_annotation_speaker_by_name (f->store,
                                                              attest_annotation_get_uuid (a),
                                                              "Tahsin al-Khafaji", "official",
                                                              &error));
  reread = attest_store_get_annotation (f->store, attest_annotation_get_uuid (a), &error);
  g_assert_cmpstr (attest_annotation_get_speaker_name (reread), ==, "Tahsin al-Khafaji");
  g_assert_cmpstr (attest_annotation_get_speaker_kind (reread), ==, "official");
  g_clear_object (&reread);

  /* A known name (any case) reuses the source. */
  g_assert_true (attest_store_set_annotation_speaker_by_name (f->store,
                                                              attest_annotation_get_uuid (a),
                                                              "TAHSIN AL-KHAFAJI", NULL,
                                                              &error));
  sources = attest_store_list_sources (f->store, &error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_clear_pointer (&sources, g_ptr_array_unref);

  g_assert_true (attest_store_undo (f->store, &error));
  g_assert_true (attest_store_undo (f->store, &error));
  sources = attest_store_list_sources (f->store, &error);
  g_assert_cmpuint (sources->len, ==, 0);
  reread = attest_store_get_annotation (f->store, attest_annotation_get_uuid (a), &error);
  g_assert_null (attest_annotation_get_speaker_uuid (reread));
  g_clear_object (&reread);

  /* A source shows its tags. */
  g_assert_true (attest_store_redo (f->store, &error));
  reread = attest_store_get_annotation (f->store, attest_annotation_get_uuid (a), &error);
  g_assert_true (attest_store_set_source_tag (f->store, attest_annotation_get_speaker_uuid (reread),
                                              attest_tag_get_uuid (tag), TRUE, &error));
  source = attest_store_get_source (f->store, attest_annotation_get_speaker_uuid (reread), &error);
  g_assert_cmpstr (attest_source_get_tag_uuids (source)[0], ==, attest_tag_get_uuid (tag));
  g_assert_null (attest_source_get_tag_uuids (source)[1]);
}

static void
test_accept_suggestion (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestAnnotation) accepted = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  /* A span of the last paragraph, accepted as an indirect quote by "Experts". */
  accepted = attest_store_accept_suggestion (f->store, f->article, ATTEST_ANNOTATION_INDIRECT,
                                             140, 170, NULL, "Experts", "expert", "tester",
                                             &error);
  g_assert_no_error (error);
  g_assert_true (attest_annotation_get_suggested (accepted));
  g_assert_cmpstr (attest_annotation_get_speaker_name (accepted), ==, "Experts");
  g_assert_cmpstr (attest_annotation_get_speaker_kind (accepted), ==, "expert");
  g_assert_cmpstr (attest_store_get_undo_label (f->store), ==, "Accept suggestion");

  /* Undo takes the annotation and the speaker it created, in one step. */
  g_assert_true (attest_store_undo (f->store, &error));
  sources = attest_store_list_sources (f->store, &error);
  g_assert_cmpuint (sources->len, ==, 0);
}

static guint
count_hits (AttestStore              *store,
            const char               *query,
            const AttestSearchFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = attest_store_search_filtered (store, query, filter, 50, &error);

  g_assert_no_error (error);
  return hits->len;
}

static void
test_search_filters (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AttestArticleMeta meta = { .outlet = "Reuters", .published = "2020-05-01" };
  g_autofree char *other = attest_store_import_text (f->store,
      "Checkpoint reopened\n\nThe checkpoint near the village reopened on Friday.", -1, &meta,
      &error);
  g_autoptr(AttestAnnotation) quote = mark (f, "operations had declined", "Al-Khafaji",
                                            "official");
  g_autoptr(AttestTag) violence = attest_store_create_tag (f->store, "Violence", NULL, NULL,
                                                           NULL, NULL);
  g_autoptr(AttestTag) casualties = attest_store_create_tag (f->store, "Casualties",
                                                             attest_tag_get_uuid (violence),
                                                             NULL, NULL, NULL);
  AttestSearchFilter by_outlet = { .outlet = "reuters" };
  AttestSearchFilter by_date = { .date_from = "2020-04-01", .date_to = "2020-05-31" };
  AttestSearchFilter before = { .date_to = "2020-04-30" };
  AttestSearchFilter by_kind = { .source_kind = "official" };
  AttestSearchFilter by_expert = { .source_kind = "expert" };
  AttestSearchFilter by_tag = { .tag_uuid = attest_tag_get_uuid (violence) };

  g_assert_no_error (error);
  g_assert_true (attest_store_set_annotation_tag (f->store, attest_annotation_get_uuid (quote),
                                                  attest_tag_get_uuid (casualties), TRUE,
                                                  &error));

  /* "checkpoint" is in both articles' text; filters narrow it. */
  g_assert_cmpuint (count_hits (f->store, "checkpoint", NULL), ==, 2);
  g_assert_cmpuint (count_hits (f->store, "checkpoint", &by_outlet), ==, 1);
  g_assert_cmpuint (count_hits (f->store, "checkpoint", &by_date), ==, 1);
  g_assert_cmpuint (count_hits (f->store, "checkpoint", &before), ==, 0);
  g_assert_cmpuint (count_hits (f->store, "checkpoint", &by_kind), ==, 1);
  g_assert_cmpuint (count_hits (f->store, "checkpoint", &by_expert), ==, 0);
  /* A parent tag finds what its children tag; the quote itself is a hit too. */
  g_assert_cmpuint (count_hits (f->store, "declined", &by_tag), ==, 2);
  /* Filters alone list articles. */
  g_assert_cmpuint (count_hits (f->store, NULL, &by_tag), ==, 1);
  g_assert_cmpuint (count_hits (f->store, "", &by_outlet), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/attest/operations/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("codebook", test_codebook);
  ADD ("merge-sources", test_merge_sources);
  ADD ("delete-source", test_delete_source);
  ADD ("source-kinds", test_source_kinds);
  ADD ("annotation-edits", test_annotation_edits);
  ADD ("search-filters", test_search_filters);
  ADD ("speaker-by-name", test_speaker_by_name);
  ADD ("accept-suggestion", test_accept_suggestion);

#undef ADD

  return g_test_run ();
}
