/* attest-store.c: the project file and the operations layer.
 *
 * A project is one SQLite database. The schema is a series of SQL files in the resources,
 * applied in one transaction each, keyed on PRAGMA user_version. Every operation a user can
 * undo records the rows it touches before and after, so undo and redo are the same generic
 * "restore these rows" step for every table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "attest-error.h"
#include "attest-fts.h"
#include "attest-model-private.h"
#include "attest-store-private.h"
#include "attest-text.h"

#define SQL_RESOURCE_DIR   "/io/attest/Attest/sql"
#define MAX_UNDO_STEPS     200
#define BUSY_TIMEOUT_MS    5000

/* One row as it was (or is): column names and values; NULL values means "no such row". */
typedef struct
{
  int             n_columns;
  char          **names;
  sqlite3_value **values;
} Row;

typedef struct
{
  const char *table;   /* interned */
  gint64      id;
  Row        *before;
  Row        *after;
} RowChange;

typedef struct
{
  char      *label;
  GPtrArray *rows;     /* RowChange, in the order they were first touched */
} Change;

struct _AttestStore
{
  GObject   parent_instance;

  sqlite3  *db;
  char     *path;
  char     *project_uuid;
  char     *project_name;
  guint64   generation;

  GHashTable *statements;  /* SQL text → prepared sqlite3_stmt, for hot paths */
  const char *read_only;   /* why the project can only be read, or NULL */
  Change   *recording;
  gboolean  in_batch;
  gboolean  group_open;
  gboolean  group_failed;
  gboolean  batch_dirty;
  GQueue    undo_stack;  /* Change, newest at head */
  GQueue    redo_stack;
};

G_DEFINE_FINAL_TYPE (AttestStore, attest_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *key;
  const char *label;
} default_source_kinds[] = {
  { "official", N_("Official") },
  { "expert", N_("Expert") },
  { "resident", N_("Resident") },
  { "witness", N_("Witness") },
  { "media", N_("Journalist / media") },
  { "organization", N_("Organization") },
  { "armed-group", N_("Armed group") },
  { "other", N_("Other") },
};

/* Rows and changes */

static void
row_free (Row *row)
{
  if (row == NULL)
    return;

  for (int i = 0; i < row->n_columns; i++)
    {
      g_free (row->names[i]);
      sqlite3_value_free (row->values[i]);
    }
  g_free (row->names);
  g_free (row->values);
  g_free (row);
}

static void
row_change_free (RowChange *rc)
{
  row_free (rc->before);
  row_free (rc->after);
  g_free (rc);
}

static void
change_free (Change *change)
{
  if (change == NULL)
    return;

  g_free (change->label);
  g_ptr_array_unref (change->rows);
  g_free (change);
}

/* Public helpers shared with the rest of the core */

char *
_attest_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* With microseconds: two edits in one second must still differ. */
char *
_attest_now_iso8601_precise (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

sqlite3 *
_attest_store_get_db (AttestStore *self)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  return self->db;
}

/* What a researcher can do about the connection's last error, or "". */
static const char *
error_hint (AttestStore *self,
            AttestError *domain_code)
{
  int code = sqlite3_extended_errcode (self->db);

  *domain_code = ATTEST_ERROR_FAILED;
  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return _("Another program is writing to this project; try again when it is done.");
    case SQLITE_FULL:
      return _("The disk is full.");
    case SQLITE_READONLY:
      return self->read_only ? self->read_only : _("The project file is read-only.");
    case SQLITE_IOERR:
      /* A write past the end of the disk or of the user's quota comes back as an I/O error. */
      if (code == SQLITE_IOERR_WRITE || code == SQLITE_IOERR_FSYNC
          || code == SQLITE_IOERR_TRUNCATE || code == SQLITE_IOERR_SHMSIZE)
        return _("The project could not be written to the disk; the disk may be full.");
      return "";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      *domain_code = ATTEST_ERROR_NOT_A_PROJECT;
      return "";
    default:
      return "";
    }
}

gboolean
_attest_store_set_error (AttestStore  *self,
                         GError      **error,
                         const char   *doing)
{
  AttestError domain_code;
  const char *hint = error_hint (self, &domain_code);

  g_set_error (error, ATTEST_ERROR, domain_code, *hint != '\0' ? "%s: %s. %s" : "%s: %s.%s",
               doing, sqlite3_errmsg (self->db), hint);
  return FALSE;
}

/* A change to a project that can only be read fails before it starts, and says why. */
static gboolean
check_writable (AttestStore  *self,
                GError      **error)
{
  if (self->read_only == NULL)
    return TRUE;

  g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_FAILED, self->read_only);
  return FALSE;
}

sqlite3_stmt *
_attest_store_prepare (AttestStore  *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_autofree char *doing = g_strdup_printf (_("Could not prepare a query (%s)"), sql);

      _attest_store_set_error (self, error, doing);
      return NULL;
    }

  return stmt;
}


gboolean
_attest_store_exec (AttestStore  *self,
                    const char   *sql,
                    GError      **error)
{
  char *msg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      AttestError domain_code;
      const char *hint = error_hint (self, &domain_code);

      g_set_error (error, ATTEST_ERROR, domain_code, *hint != '\0' ? "%s. %s" : "%s%s",
                   msg ? msg : "?", hint);
      sqlite3_free (msg);
      return FALSE;
    }

  return TRUE;
}

gboolean
_attest_store_step_done (AttestStore   *self,
                         sqlite3_stmt  *stmt,
                         const char    *doing,
                         GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _attest_store_set_error (self, error, doing);
  return TRUE;
}

static void
sql_uuid_func (sqlite3_context  *ctx,
               int               argc,
               sqlite3_value   **argv)
{
  char *uuid = g_uuid_string_random ();

  sqlite3_result_text (ctx, uuid, -1, g_free);
}

gboolean
_attest_store_in_batch (AttestStore *self)
{
  return self->in_batch;
}

sqlite3_stmt *
_attest_store_prepare_cached (AttestStore  *self,
                              const char   *sql,
                              GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (!(stmt = _attest_store_prepare (self, sql, error)))
    return NULL;
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

GPtrArray *
_attest_store_collect (AttestStore     *self,
                       const char      *sql,
                       gboolean         bind_arg,
                       gint64           arg,
                       _AttestRowFunc   row_func,
                       GDestroyNotify   free_func,
                       const char      *doing,
                       GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  if (!(stmt = _attest_store_prepare (self, sql, error)))
    return NULL;
  if (bind_arg)
    sqlite3_bind_int64 (stmt, 1, arg);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_func (stmt));
  if (rc != SQLITE_DONE)
    {
      _attest_store_set_error (self, error, doing);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

gpointer
_attest_store_first (GPtrArray   *found,
                     const char  *not_found,
                     GError     **error)
{
  gpointer first;

  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND, not_found);
      g_ptr_array_unref (found);
      return NULL;
    }

  /* The first is handed over; the array frees the others. */
  first = g_ptr_array_steal_index (found, 0);
  g_ptr_array_unref (found);
  return first;
}

/* Row snapshots */

static Row *
snapshot_row (AttestStore  *self,
              const char   *table,
              gint64        id,
              GError      **error)
{
  /* The rowid comes too: tables keyed by two columns get theirs back on undo. */
  g_autofree char *sql = g_strdup_printf ("SELECT _rowid_ AS \"_rowid_\", * FROM %s "
                                          "WHERE rowid = ?", table);
  g_autoptr(sqlite3_stmt) stmt = _attest_store_prepare (self, sql, error);
  Row *row;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      row = g_new0 (Row, 1);  /* the row does not exist */
      return row;
    }
  if (rc != SQLITE_ROW)
    {
      _attest_store_set_error (self, error, _("Could not read a row"));
      return NULL;
    }

  row = g_new0 (Row, 1);
  row->n_columns = sqlite3_column_count (stmt);
  row->names = g_new0 (char *, row->n_columns);
  row->values = g_new0 (sqlite3_value *, row->n_columns);
  for (int i = 0; i < row->n_columns; i++)
    {
      row->names[i] = g_strdup (sqlite3_column_name (stmt, i));
      row->values[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i));
    }

  return row;
}

static gboolean
row_exists (AttestStore *self,
            const char  *table,
            gint64       id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE rowid = ?", table);
  g_autoptr(sqlite3_stmt) stmt = _attest_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* A column name, quoted as SQL wants it: a project from elsewhere could name a column with a
 * double quote in it. */
static void
append_identifier (GString    *sql,
                   const char *separator,
                   const char *name)
{
  g_string_append (sql, separator);
  g_string_append_c (sql, '"');
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (sql, '"');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '"');
}

/* Puts the row back as the snapshot has it: deletes it, updates it in place (so that
 * ON DELETE CASCADE does not fire), or inserts it with its old id. */
static gboolean
restore_row (AttestStore  *self,
             const char   *table,
             gint64        id,
             Row          *row,
             GError      **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean exists = row_exists (self, table, id);

  if (row->n_columns == 0)
    {
      if (!exists)
        return TRUE;
      g_string_printf (sql, "DELETE FROM %s WHERE rowid = ?", table);
      if (!(stmt = _attest_store_prepare (self, sql->str, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      return _attest_store_step_done (self, stmt, _("Could not undo"), error);
    }

  if (exists)
    {
      g_string_printf (sql, "UPDATE %s SET ", table);
      for (int i = 0; i < row->n_columns; i++)
        {
          append_identifier (sql, i ? ", " : "", row->names[i]);
          g_string_append (sql, " = ?");
        }
      g_string_append_printf (sql, " WHERE rowid = ?");
    }
  else
    {
      g_string_printf (sql, "INSERT INTO %s (", table);
      for (int i = 0; i < row->n_columns; i++)
        append_identifier (sql, i ? ", " : "", row->names[i]);
      g_string_append (sql, ") VALUES (");
      for (int i = 0; i < row->n_columns; i++)
        g_string_append (sql, i ? ", ?" : "?");
      g_string_append (sql, ")");
    }

  if (!(stmt = _attest_store_prepare (self, sql->str, error)))
    return FALSE;
  for (int i = 0; i < row->n_columns; i++)
    sqlite3_bind_value (stmt, i + 1, row->values[i]);
  if (exists)
    sqlite3_bind_int64 (stmt, row->n_columns + 1, id);

  return _attest_store_step_done (self, stmt, _("Could not undo"), error);
}

/* Changes: begin, touch rows, commit or roll back */

gboolean
_attest_store_begin_change (AttestStore  *self,
                            const char   *label,
                            GError      **error)
{
  g_assert (self->recording == NULL);
  g_return_val_if_fail (!self->in_batch, FALSE);

  if (!check_writable (self, error) || !_attest_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->recording = g_new0 (Change, 1);
  self->recording->label = g_strdup (label);
  self->recording->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_change_free);

  return TRUE;
}

/* Records how a row looked before the change touches it; call before every write. */
gboolean
_attest_store_touch_row (AttestStore  *self,
                         const char   *table,
                         gint64        id,
                         GError      **error)
{
  const char *interned = g_intern_string (table);
  RowChange *rc;
  Row *before;

  g_assert (self->recording != NULL);

  for (guint i = 0; i < self->recording->rows->len; i++)
    {
      RowChange *other = g_ptr_array_index (self->recording->rows, i);

      if (other->table == interned && other->id == id)
        return TRUE;
    }

  if (!(before = snapshot_row (self, table, id, error)))
    return FALSE;

  rc = g_new0 (RowChange, 1);
  rc->table = interned;
  rc->id = id;
  rc->before = before;
  g_ptr_array_add (self->recording->rows, rc);

  return TRUE;
}

/* Records a row the change has just inserted: before it, there was none. */
gboolean
_attest_store_touch_new_row (AttestStore *self,
                             const char  *table,
                             gint64       id)
{
  RowChange *rc;

  g_assert (self->recording != NULL);

  rc = g_new0 (RowChange, 1);
  rc->table = g_intern_string (table);
  rc->id = id;
  rc->before = g_new0 (Row, 1);
  g_ptr_array_add (self->recording->rows, rc);

  return TRUE;
}

void
_attest_store_rollback_change (AttestStore *self)
{
  _attest_store_exec (self, "ROLLBACK", NULL);
  g_clear_pointer (&self->recording, change_free);
}

static const char *
table_topic (const char *table)
{
  if (g_str_has_prefix (table, "source"))
    return "sources";
  if (g_str_has_prefix (table, "annotation"))
    return "annotations";
  if (g_str_has_prefix (table, "incident"))
    return "incidents";
  if (g_str_has_prefix (table, "tag"))
    return "tags";
  if (g_str_has_prefix (table, "collection"))
    return "collections";
  if (g_str_has_prefix (table, "place"))
    return "places";
  return table;
}

static void
emit_changed_for (AttestStore *self,
                  Change      *change)
{
  g_autoptr(GHashTable) topics = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < change->rows->len; i++)
    {
      RowChange *rc = g_ptr_array_index (change->rows, i);

      g_hash_table_add (topics, (gpointer) table_topic (rc->table));
    }

  g_hash_table_iter_init (&iter, topics);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_signal_emit (self, signals[CHANGED], g_quark_from_string (key));
}

gboolean
_attest_store_commit_change (AttestStore  *self,
                             GError      **error)
{
  Change *change = self->recording;

  g_assert (change != NULL);

  for (guint i = 0; i < change->rows->len; i++)
    {
      RowChange *rc = g_ptr_array_index (change->rows, i);

      if (!(rc->after = snapshot_row (self, rc->table, rc->id, error)))
        {
          _attest_store_rollback_change (self);
          return FALSE;
        }
    }

  if (!_attest_store_exec (self, "COMMIT", error))
    {
      _attest_store_rollback_change (self);
      return FALSE;
    }

  self->recording = NULL;

  /* A change that changed nothing (tagging what was tagged) is no undo step. */
  if (change->rows->len == 0)
    {
      change_free (change);
      return TRUE;
    }

  self->generation++;
  g_queue_push_head (&self->undo_stack, change);
  while (self->undo_stack.length > MAX_UNDO_STEPS)
    change_free (g_queue_pop_tail (&self->undo_stack));
  g_queue_clear_full (&self->redo_stack, (GDestroyNotify) change_free);

  emit_changed_for (self, change);

  return TRUE;
}

/* Plays a change backwards (undo) or forwards (redo) in one transaction. */
static gboolean
apply_change (AttestStore  *self,
              Change       *change,
              gboolean      backwards,
              GError      **error)
{
  guint n = change->rows->len;

  if (!check_writable (self, error) || !_attest_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* Rows come back one at a time; references are checked when all are back. */
  _attest_store_exec (self, "PRAGMA defer_foreign_keys = ON", NULL);

  for (guint k = 0; k < n; k++)
    {
      RowChange *rc = g_ptr_array_index (change->rows, backwards ? n - 1 - k : k);

      if (!restore_row (self, rc->table, rc->id, backwards ? rc->before : rc->after, error))
        {
          _attest_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  if (!_attest_store_exec (self, "COMMIT", error))
    {
      _attest_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  self->generation++;
  emit_changed_for (self, change);

  return TRUE;
}

/* Opening, creating, migrating */

static gboolean
is_sqlite_file (const char  *path,
                gboolean    *empty,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  char header[16] = { 0 };
  gsize n_read = 0;

  if (!(in = g_file_read (file, NULL, error)))
    return FALSE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &n_read, NULL, error))
    return FALSE;

  *empty = n_read == 0;
  if (n_read == 0)
    return TRUE;

  if (n_read < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_A_PROJECT,
                   _("“%s” is not an Attest project: it is not an SQLite database."), display);
      return FALSE;
    }

  return TRUE;
}

gboolean
_attest_store_query_int (AttestStore  *self,
                         const char   *sql,
                         gint64       *value,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _attest_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _attest_store_set_error (self, error, _("Could not read the project"));

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static GBytes *
find_migration (guint    version,
                GError **error)
{
  g_auto(GStrv) names = g_resources_enumerate_children (SQL_RESOURCE_DIR, 0, error);
  g_autofree char *prefix = g_strdup_printf ("%04u-", version);

  if (names == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], prefix) && g_str_has_suffix (names[i], ".sql"))
        {
          g_autofree char *path = g_strconcat (SQL_RESOURCE_DIR "/", names[i], NULL);

          return g_resources_lookup_data (path, 0, error);
        }
    }

  g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
               "No migration to schema version %u is built in", version);
  return NULL;
}

static gboolean
seed_project (AttestStore  *self,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) project = NULL;
  g_autoptr(sqlite3_stmt) kind = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = _attest_now_iso8601 ();
  g_autofree char *base = g_path_get_basename (self->path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  if (!(project = _attest_store_prepare (self,
          "INSERT INTO project (id, uuid, name, created_at) VALUES (1, ?, ?, ?)", error)))
    return FALSE;
  sqlite3_bind_text (project, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (project, 2, base, -1, SQLITE_STATIC);
  sqlite3_bind_text (project, 3, now, -1, SQLITE_STATIC);
  if (!_attest_store_step_done (self, project, _("Could not create the project"), error))
    return FALSE;

  if (!(kind = _attest_store_prepare (self,
          "INSERT INTO source_kinds (uuid, key, label, position) VALUES (attest_uuid (), ?, ?, ?)",
          error)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (default_source_kinds); i++)
    {
      sqlite3_reset (kind);
      sqlite3_bind_text (kind, 1, default_source_kinds[i].key, -1, SQLITE_STATIC);
      sqlite3_bind_text (kind, 2, default_source_kinds[i].label, -1, SQLITE_STATIC);
      sqlite3_bind_int (kind, 3, i);
      if (!_attest_store_step_done (self, kind, _("Could not create the project"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (AttestStore  *self,
         gint64        from,
         GError      **error)
{
  for (guint version = from + 1; version <= ATTEST_SCHEMA_VERSION; version++)
    {
      g_autoptr(GBytes) sql = NULL;
      g_autofree char *text = NULL;
      g_autofree char *pragma = NULL;

      if (!(sql = find_migration (version, error)))
        return FALSE;
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));

      if (!_attest_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      pragma = g_strdup_printf ("PRAGMA user_version = %u", version);
      if (!_attest_store_exec (self, text, error)
          || (version == 1 && !seed_project (self, error))
          || !_attest_store_exec (self, pragma, error)
          || !_attest_store_exec (self, "COMMIT", error))
        {
          _attest_store_exec (self, "ROLLBACK", NULL);
          g_prefix_error (error, _("Could not update the project to version %u: "), version);
          return FALSE;
        }

      g_debug ("Migrated %s to schema version %u", self->path, version);
    }

  return TRUE;
}

static char *
normalise_sql (const char *sql)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *collapsed = g_regex_replace_literal (space, sql, -1, 0, " ", 0, NULL);

  return g_strstrip (g_steal_pointer (&collapsed));
}

/* A project from someone else could carry triggers or views that run on our writes. Only
 * the ones our migrations create, word for word, are accepted. */
static gboolean
verify_schema (AttestStore  *self,
               GError      **error)
{
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) trigger = g_regex_new ("CREATE TRIGGER .*?\\bEND;|CREATE VIEW [^;]*;",
                                           G_REGEX_DOTALL | G_REGEX_CASELESS, 0, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  for (guint version = 1; version <= ATTEST_SCHEMA_VERSION; version++)
    {
      g_autoptr(GBytes) sql = find_migration (version, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (sql == NULL)
        continue;
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
      g_regex_match (trigger, text, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *found = g_match_info_fetch (match, 0);
          gsize len = strlen (found);

          /* sqlite_schema keeps the statement without its final semicolon. */
          if (len > 0 && found[len - 1] == ';')
            found[len - 1] = '\0';
          g_hash_table_add (expected, normalise_sql (found));
          g_match_info_next (match, NULL);
        }
    }

  if (!(stmt = _attest_store_prepare (self,
          "SELECT name, sql FROM sqlite_schema WHERE type IN ('trigger', 'view')", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *sql = normalise_sql (_attest_column_text (stmt, 1)
                                            ? _attest_column_text (stmt, 1) : "");

      if (!g_hash_table_contains (expected, sql))
        {
          g_autofree char *display = g_filename_display_name (self->path);

          g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_A_PROJECT,
                       _("“%s” contains database code that Attest did not write (“%s”); it is "
                         "not opened, to keep it from running."), display,
                       _attest_column_text (stmt, 0));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_project (AttestStore  *self,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _attest_store_prepare (self,
      "SELECT uuid, name FROM project WHERE id = 1", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_NOT_A_PROJECT,
                           _("The project file has no project record; it may be damaged."));
      return FALSE;
    }

  self->project_uuid = g_strdup (_attest_column_text (stmt, 0));
  self->project_name = g_strdup (_attest_column_text (stmt, 1));
  return TRUE;
}

static gboolean
open_connection (AttestStore  *self,
                 const char   *filename,
                 int           flags,
                 GError      **error)
{
  if (sqlite3_open_v2 (filename, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                   _("Could not open “%s”: %s."), display,
                   self->db ? sqlite3_errmsg (self->db) : "out of memory");
      g_clear_pointer (&self->db, sqlite3_close_v2);
      return FALSE;
    }

  /* A project file can come from anyone: it may not write to its own schema behind our back
   * nor load extensions; its triggers and views are checked in verify_schema (). */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  /* Debian's SQLite lets fts3_tokenizer () take a function pointer from SQL: never here. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, NULL);
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_create_function (self->db, "attest_uuid", 0, SQLITE_UTF8, NULL,
                           sql_uuid_func, NULL, NULL);
  if (!attest_fts_register (self->db, error))
    {
      g_clear_pointer (&self->db, sqlite3_close_v2);
      return FALSE;
    }
  return TRUE;
}

/* Why this user cannot change the project at path, or NULL when they may. */
static const char *
read_only_reason (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_access (path, W_OK) != 0)
    return _("The project file is read-only, so changes cannot be saved.");
  if (g_access (folder, W_OK) != 0)
    return _("The project’s folder is read-only, so changes cannot be saved.");
  return NULL;
}

/* Even to read a WAL database SQLite needs its -shm file, and creates it (and the -wal) when
 * it is not there: in a folder the user may not write, that fails. Then the project opens
 * read-only: sharing a -shm that is there (mode=ro), else as an immutable file, which is
 * how SQLite reads a WAL database in a read-only folder ("Read-Only Databases" in its WAL
 * documentation). Immutable means nobody writes it meanwhile, which holds while nobody may
 * create its -wal; changes left in a -wal would be skipped, so that case is refused. */
static gboolean
reopen_read_only (AttestStore  *self,
                  gint64       *version,
                  GError      **error)
{
  static const char * const modes[] = { "mode=ro", "immutable=1" };
  g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  GStatBuf st;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *uri = g_strdup_printf ("file:%s?%s", escaped, modes[i]);

      g_clear_pointer (&self->db, sqlite3_close_v2);
      if (g_str_equal (modes[i], "immutable=1") && g_stat (wal, &st) == 0 && st.st_size > 0)
        {
          g_autofree char *display = g_filename_display_name (self->path);

          g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                       _("“%s” has changes in its -wal file that only someone who may write "
                         "to its folder can read."), display);
          return FALSE;
        }
      if (open_connection (self, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
                                      | SQLITE_OPEN_NOMUTEX, NULL)
          && _attest_store_query_int (self, "PRAGMA user_version", version, NULL))
        {
          g_debug ("Opened %s read-only (%s)", self->path, modes[i]);
          self->read_only = read_only_reason (self->path);
          return TRUE;
        }
    }

  return FALSE;
}

static AttestStore *
store_open (const char  *path,
            gboolean     create,
            GError     **error)
{
  g_autoptr(AttestStore) self = NULL;
  g_autofree char *display = g_filename_display_name (path);
  gboolean exists = g_file_test (path, G_FILE_TEST_EXISTS);
  gboolean empty = TRUE;
  gint64 version = 0;
  gint64 n_tables = 0;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  g_autoptr(GError) read_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (create && exists)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                   _("“%s” already exists; choose another name for the new project."), display);
      return NULL;
    }
  if (!create && !exists)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                   _("There is no project at “%s”."), display);
      return NULL;
    }
  if (exists && !is_sqlite_file (path, &empty, error))
    return NULL;
  if (create)
    flags |= SQLITE_OPEN_CREATE;

  self = g_object_new (ATTEST_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_connection (self, path, flags, error))
    return NULL;

  /* Read the version before anything writes: a newer project must stay byte for byte. */
  if (!_attest_store_query_int (self, "PRAGMA user_version", &version, &read_error))
    {
      int code = sqlite3_extended_errcode (self->db) & 0xff;
      g_autoptr(GError) read_only_error = NULL;

      /* Only where the user really may not write: any other failure is told as it is. */
      if (create || (code != SQLITE_READONLY && code != SQLITE_CANTOPEN)
          || read_only_reason (path) == NULL
          || !reopen_read_only (self, &version, &read_only_error))
        {
          g_propagate_error (error, read_only_error ? g_steal_pointer (&read_only_error)
                                                    : g_steal_pointer (&read_error));
          return NULL;
        }
    }
  else if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      self->read_only = read_only_reason (self->path);
      if (self->read_only == NULL)
        self->read_only = _("The project file is read-only, so changes cannot be saved.");
    }

  if (self->read_only != NULL && version < ATTEST_SCHEMA_VERSION)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                   _("“%s” must be updated to this version of Attest before it can be opened, "
                     "but it cannot be written. %s"), display, self->read_only);
      return NULL;
    }
  if (version > ATTEST_SCHEMA_VERSION)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NEWER_PROJECT,
                   _("“%s” was made by a newer version of Attest (project format %d; this "
                     "version reads up to %d). Update Attest to open it; the file was not "
                     "changed."), display, (int) version, ATTEST_SCHEMA_VERSION);
      return NULL;
    }
  if (version == 0 && !empty)
    {
      if (!_attest_store_query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
        return NULL;
      if (n_tables > 0)
        {
          g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_A_PROJECT,
                       _("“%s” is an SQLite database but not an Attest project."), display);
          return NULL;
        }
    }

  if (!_attest_store_exec (self, "PRAGMA foreign_keys = ON", error)
      || (self->read_only == NULL
          && (!_attest_store_exec (self, "PRAGMA journal_mode = WAL", error)
              || !_attest_store_exec (self, "PRAGMA synchronous = NORMAL", error))))
    {
      g_prefix_error (error, _("Could not open “%s”: "), display);
      return NULL;
    }

  if (!migrate (self, version, error) || !verify_schema (self, error)
      || !load_project (self, error))
    return NULL;

  /* Batched imports wait in this table (see attest_store_begin_batch): FTS5 writes its
   * pending index at every statement, so a thousand one-row INSERTs would write a thousand
   * small index segments; the batch goes into articles in one statement instead. */
  if (!_attest_store_exec (self,
        "CREATE TEMP TABLE pending_articles AS "
        "  SELECT uuid, title, byline, outlet, url, published, language, body, content_hash, "
        "         imported_at, origin, description FROM main.articles WHERE 0; "
        "CREATE INDEX temp.pending_articles_hash ON pending_articles (content_hash);", error))
    return NULL;

  return g_steal_pointer (&self);
}

/* GObject */

static void
attest_store_finalize (GObject *object)
{
  AttestStore *self = (AttestStore *)object;

  g_queue_clear_full (&self->undo_stack, (GDestroyNotify) change_free);
  g_queue_clear_full (&self->redo_stack, (GDestroyNotify) change_free);
  g_clear_pointer (&self->recording, change_free);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_free (self->path);
  g_free (self->project_uuid);
  g_free (self->project_name);

  G_OBJECT_CLASS (attest_store_parent_class)->finalize (object);
}

static void
attest_store_class_init (AttestStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = attest_store_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
attest_store_init (AttestStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  g_queue_init (&self->undo_stack);
  g_queue_init (&self->redo_stack);
}

/* Public API: opening */

AttestStore *
attest_store_open (const char  *path,
                   GError     **error)
{
  return store_open (path, FALSE, error);
}

AttestStore *
attest_store_create (const char  *path,
                     GError     **error)
{
  return store_open (path, TRUE, error);
}

const char *
attest_store_get_path (AttestStore *self)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  return self->path;
}

const char *
attest_store_get_project_uuid (AttestStore *self)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  return self->project_uuid;
}

const char *
attest_store_get_project_name (AttestStore *self)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  return self->project_name;
}

gboolean
attest_store_set_project_name (AttestStore  *self,
                               const char   *name,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!(stmt = _attest_store_prepare (self, "UPDATE project SET name = ? WHERE id = 1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (!_attest_store_step_done (self, stmt, _("Could not rename the project"), error))
    return FALSE;

  g_free (self->project_name);
  self->project_name = g_strdup (name);
  return TRUE;
}

guint64
attest_store_get_generation (AttestStore *self)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), 0);

  return self->generation;
}

static gboolean
looks_like_uuid_prefix (const char *s)
{
  if (s == NULL || strlen (s) < 4 || strlen (s) > 36)
    return FALSE;
  for (const char *p = s; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* Finds the row id in table by full uuid or unique prefix. */
gint64
_attest_store_resolve_uuid (AttestStore  *self,
                            const char   *table,
                            const char   *what,
                            const char   *uuid,
                            GError      **error)
{
  g_autofree char *sql = g_strdup_printf (
      /* A range over the uuid index: a prefix finds its rows without a table scan. */
      "SELECT id, uuid FROM %s WHERE uuid >= lower (?1) AND uuid < lower (?1) || '~' "
      "ORDER BY uuid LIMIT 2", table);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if (!looks_like_uuid_prefix (uuid))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                   _("“%s” is not an id of %s (ids look like 3f2a9c1e-…; give at least the "
                     "first 4 characters)."), uuid ? uuid : "", what);
      return -1;
    }

  if (!(stmt = _attest_store_prepare (self, sql, error)))
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                   _("There is no %s with the id “%s” in this project."), what, uuid);
      return -1;
    }
  id = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_AMBIGUOUS,
                   _("“%s” is the start of more than one %s id; give more of it."), uuid, what);
      return -1;
    }

  return id;
}

/* Runs fn inside one recorded change; on failure nothing stays. */

gboolean
_attest_store_run_change (AttestStore        *self,
                          const char         *label,
                          _AttestChangeFunc   fn,
                          gpointer            data,
                          GError            **error)
{
  /* Inside a group the change is already open: this edit joins it. */
  if (self->group_open)
    {
      if (!fn (self, data, error))
        {
          self->group_failed = TRUE;
          return FALSE;
        }
      return TRUE;
    }

  if (!_attest_store_begin_change (self, label, error))
    return FALSE;
  if (!fn (self, data, error))
    {
      _attest_store_rollback_change (self);
      return FALSE;
    }
  return _attest_store_commit_change (self, error);
}

gboolean
attest_store_begin_group (AttestStore  *self,
                          const char   *label,
                          GError      **error)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->group_open, FALSE);

  if (!_attest_store_begin_change (self, label, error))
    return FALSE;
  self->group_open = TRUE;
  self->group_failed = FALSE;
  return TRUE;
}

gboolean
attest_store_end_group (AttestStore  *self,
                        gboolean      commit,
                        GError      **error)
{
  gboolean failed;

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->group_open, FALSE);

  failed = self->group_failed;
  self->group_open = FALSE;
  self->group_failed = FALSE;

  /* One edit of the group failed: none of them stays. */
  if (!commit || failed)
    {
      _attest_store_rollback_change (self);
      if (commit)
        g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                             _("Part of the change failed, so none of it was made."));
      return !commit;
    }
  return _attest_store_commit_change (self, error);
}

void
_attest_store_emit_changed (AttestStore *self,
                            const char  *topic)
{
  /* Inside a batch, views hear of it once, at the end. */
  if (self->in_batch)
    {
      self->batch_dirty = TRUE;
      return;
    }

  self->generation++;
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (topic));
}

/* Undo and redo */

gboolean
attest_store_can_undo (AttestStore *self)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return self->undo_stack.length > 0;
}

gboolean
attest_store_can_redo (AttestStore *self)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return self->redo_stack.length > 0;
}

const char *
attest_store_get_undo_label (AttestStore *self)
{
  Change *change;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  change = g_queue_peek_head (&self->undo_stack);
  return change ? change->label : NULL;
}

const char *
attest_store_get_redo_label (AttestStore *self)
{
  Change *change;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  change = g_queue_peek_head (&self->redo_stack);
  return change ? change->label : NULL;
}

static gboolean
move_change (AttestStore  *self,
             GQueue       *from,
             GQueue       *to,
             gboolean      backwards,
             GError      **error)
{
  Change *change = g_queue_peek_head (from);

  if (change == NULL)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_NOTHING_TO_UNDO,
                           backwards ? _("There is nothing to undo.")
                                     : _("There is nothing to redo."));
      return FALSE;
    }

  if (!apply_change (self, change, backwards, error))
    return FALSE;

  g_queue_push_head (to, g_queue_pop_head (from));
  return TRUE;
}

gboolean
attest_store_undo (AttestStore  *self,
                   GError      **error)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return move_change (self, &self->undo_stack, &self->redo_stack, TRUE, error);
}

gboolean
attest_store_redo (AttestStore  *self,
                   GError      **error)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return move_change (self, &self->redo_stack, &self->undo_stack, FALSE, error);
}

/* Rows that ON DELETE CASCADE removes with an annotation are recorded first, so that undo
 * brings the annotation back before them. */
gboolean
_attest_store_touch_dependents (AttestStore  *self,
                                const char   *table,
                                const char   *column,
                                gint64        id,
                                GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s = ?", table, column);
  g_autoptr(sqlite3_stmt) stmt = _attest_store_prepare (self, sql, error);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }

  for (guint i = 0; i < rowids->len; i++)
    if (!_attest_store_touch_row (self, table, g_array_index (rowids, gint64, i), error))
      return FALSE;

  return TRUE;
}

/* Batches */

gboolean
attest_store_begin_batch (AttestStore  *self,
                          GError      **error)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_batch && self->recording == NULL, FALSE);

  if (!check_writable (self, error) || !_attest_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_batch = TRUE;
  self->batch_dirty = FALSE;
  return TRUE;
}

gboolean
attest_store_end_batch (AttestStore  *self,
                        gboolean      commit,
                        GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_batch, FALSE);

  if (commit)
    ok = _attest_store_exec (self,
           "INSERT INTO main.articles (uuid, title, byline, outlet, url, published, language, "
           "  body, content_hash, imported_at, origin, description) "
           "SELECT uuid, title, byline, outlet, url, published, language, body, content_hash, "
           "  imported_at, origin, description FROM temp.pending_articles ORDER BY rowid; "
           "DELETE FROM temp.pending_articles; "
           "COMMIT", error);
  else
    ok = FALSE;
  if (commit && !ok)
    g_prefix_error (error, _("Could not save the imported articles: "));
  if (!ok)
    {
      _attest_store_exec (self, "ROLLBACK", NULL);
      _attest_store_exec (self, "DELETE FROM temp.pending_articles", NULL);
    }

  self->in_batch = FALSE;
  if (ok && self->batch_dirty)
    _attest_store_emit_changed (self, "articles");
  self->batch_dirty = FALSE;

  return ok || !commit;
}
