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

#include "attest-error.h"
#include "attest-model-private.h"
#include "attest-store-private.h"
#include "attest-text.h"

#define SQL_RESOURCE_DIR   "/io/attest/Attest/sql"
#define CONTEXT_CHARS      32
#define MAX_IMPORT_BYTES   (50 * 1024 * 1024)
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

  Change   *recording;
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

sqlite3 *
_attest_store_get_db (AttestStore *self)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  return self->db;
}

gboolean
_attest_store_set_error (AttestStore  *self,
                         GError      **error,
                         const char   *doing)
{
  int code = sqlite3_extended_errcode (self->db);
  AttestError domain_code = ATTEST_ERROR_FAILED;
  const char *hint = "";

  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
    hint = _(" Another program is writing to this project; try again when it is done.");
  else if ((code & 0xff) == SQLITE_FULL)
    hint = _(" The disk is full.");
  else if ((code & 0xff) == SQLITE_READONLY)
    hint = _(" The project file is read-only.");
  else if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
    domain_code = ATTEST_ERROR_NOT_A_PROJECT;

  g_set_error (error, ATTEST_ERROR, domain_code, "%s: %s.%s",
               doing, sqlite3_errmsg (self->db), hint);
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static gboolean
exec_sql (AttestStore  *self,
          const char   *sql,
          GError      **error)
{
  char *msg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED, "%s", msg ? msg : "?");
      sqlite3_free (msg);
      return FALSE;
    }

  return TRUE;
}

static gboolean
step_done (AttestStore   *self,
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

/* Row snapshots */

static Row *
snapshot_row (AttestStore  *self,
              const char   *table,
              gint64        id,
              GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE rowid = ?", table);
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
      return step_done (self, stmt, _("Could not undo"), error);
    }

  if (exists)
    {
      g_string_printf (sql, "UPDATE %s SET ", table);
      for (int i = 0; i < row->n_columns; i++)
        g_string_append_printf (sql, "%s\"%s\" = ?", i ? ", " : "", row->names[i]);
      g_string_append_printf (sql, " WHERE rowid = ?");
    }
  else
    {
      g_string_printf (sql, "INSERT INTO %s (", table);
      for (int i = 0; i < row->n_columns; i++)
        g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", row->names[i]);
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

  return step_done (self, stmt, _("Could not undo"), error);
}

/* Changes: begin, touch rows, commit or roll back */

static gboolean
begin_change (AttestStore  *self,
              const char   *label,
              GError      **error)
{
  g_assert (self->recording == NULL);

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->recording = g_new0 (Change, 1);
  self->recording->label = g_strdup (label);
  self->recording->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_change_free);

  return TRUE;
}

/* Records how a row looked before the change touches it; call before every write. */
static gboolean
touch_row (AttestStore  *self,
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
static gboolean
touch_new_row (AttestStore *self,
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

static void
rollback_change (AttestStore *self)
{
  exec_sql (self, "ROLLBACK", NULL);
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

static gboolean
commit_change (AttestStore  *self,
               GError      **error)
{
  Change *change = self->recording;

  g_assert (change != NULL);

  for (guint i = 0; i < change->rows->len; i++)
    {
      RowChange *rc = g_ptr_array_index (change->rows, i);

      if (!(rc->after = snapshot_row (self, rc->table, rc->id, error)))
        {
          rollback_change (self);
          return FALSE;
        }
    }

  if (!exec_sql (self, "COMMIT", error))
    {
      rollback_change (self);
      return FALSE;
    }

  self->recording = NULL;
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

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* Rows come back one at a time; references are checked when all are back. */
  exec_sql (self, "PRAGMA defer_foreign_keys = ON", NULL);

  for (guint k = 0; k < n; k++)
    {
      RowChange *rc = g_ptr_array_index (change->rows, backwards ? n - 1 - k : k);

      if (!restore_row (self, rc->table, rc->id, backwards ? rc->before : rc->after, error))
        {
          exec_sql (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  if (!exec_sql (self, "COMMIT", error))
    {
      exec_sql (self, "ROLLBACK", NULL);
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

static gboolean
query_int (AttestStore  *self,
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
  if (!step_done (self, project, _("Could not create the project"), error))
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
      if (!step_done (self, kind, _("Could not create the project"), error))
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

      if (!exec_sql (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      pragma = g_strdup_printf ("PRAGMA user_version = %u", version);
      if (!exec_sql (self, text, error)
          || (version == 1 && !seed_project (self, error))
          || !exec_sql (self, pragma, error)
          || !exec_sql (self, "COMMIT", error))
        {
          exec_sql (self, "ROLLBACK", NULL);
          g_prefix_error (error, _("Could not update the project to version %u: "), version);
          return FALSE;
        }

      g_debug ("Migrated %s to schema version %u", self->path, version);
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

  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_FAILED,
                   _("Could not open “%s”: %s."), display,
                   self->db ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_create_function (self->db, "attest_uuid", 0, SQLITE_UTF8, NULL,
                           sql_uuid_func, NULL, NULL);

  /* Read the version before anything writes: a newer project must stay byte for byte. */
  if (!query_int (self, "PRAGMA user_version", &version, error))
    return NULL;
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
      if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
        return NULL;
      if (n_tables > 0)
        {
          g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_A_PROJECT,
                       _("“%s” is an SQLite database but not an Attest project."), display);
          return NULL;
        }
    }

  if (!exec_sql (self, "PRAGMA foreign_keys = ON", error)
      || !exec_sql (self, "PRAGMA journal_mode = WAL", error)
      || !exec_sql (self, "PRAGMA synchronous = NORMAL", error))
    {
      g_prefix_error (error, _("Could not open “%s”: "), display);
      return NULL;
    }

  if (!migrate (self, version, error) || !load_project (self, error))
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
  if (!step_done (self, stmt, _("Could not rename the project"), error))
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

/* Import */

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           i,
                   const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

static gboolean
has_non_space (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static const char *
first_set (const char *a,
           const char *b)
{
  return a != NULL && *a != '\0' ? a : b;
}

static gboolean
is_markdown_name (const char *name)
{
  return name != NULL
         && (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".markdown"));
}

char *
attest_store_import_text (AttestStore              *self,
                          const char               *data,
                          gssize                    length,
                          const AttestArticleMeta  *meta,
                          GError                  **error)
{
  static const AttestArticleMeta no_meta = { 0 };
  g_autoptr(AttestText) text = NULL;
  g_autoptr(sqlite3_stmt) dup = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);
  g_return_val_if_fail (self->recording == NULL, NULL);

  if (meta == NULL)
    meta = &no_meta;

  if (!(text = attest_text_parse (data, length, is_markdown_name (meta->origin), error)))
    return NULL;

  hash = attest_text_content_hash (text->body);
  if (!(dup = _attest_store_prepare (self,
          "SELECT uuid, title FROM articles WHERE content_hash = ?", error)))
    return NULL;
  sqlite3_bind_text (dup, 1, hash, -1, SQLITE_STATIC);
  if (sqlite3_step (dup) == SQLITE_ROW)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_DUPLICATE,
                   _("The same text is already in the project as “%s” (%s)."),
                   _attest_column_text (dup, 1), _attest_column_text (dup, 0));
      return NULL;
    }

  uuid = g_uuid_string_random ();
  now = _attest_now_iso8601 ();
  if (!(insert = _attest_store_prepare (self,
          "INSERT INTO articles (uuid, title, byline, outlet, url, published, language, body, "
          "content_hash, imported_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)))
    return NULL;

  sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, first_set (meta->title, text->title), -1, SQLITE_TRANSIENT);
  bind_text_or_null (insert, 3, first_set (meta->byline, text->byline));
  bind_text_or_null (insert, 4, first_set (meta->outlet, text->outlet));
  bind_text_or_null (insert, 5, first_set (meta->url, text->url));
  bind_text_or_null (insert, 6, first_set (meta->published, text->published));
  bind_text_or_null (insert, 7, first_set (meta->language, text->language));
  sqlite3_bind_text (insert, 8, text->body, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 9, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 10, now, -1, SQLITE_STATIC);
  bind_text_or_null (insert, 11, meta->origin);

  /* One INSERT (and its FTS triggers) is atomic: a failed import stores nothing. */
  if (!step_done (self, insert, _("Could not store the article"), error))
    return NULL;

  self->generation++;
  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string ("articles"));

  return g_steal_pointer (&uuid);
}

char *
attest_store_import_file (AttestStore              *self,
                          GFile                    *file,
                          const AttestArticleMeta  *meta,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;
  AttestArticleMeta file_meta = { 0 };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  if (!g_str_has_suffix (name, ".txt") && !g_str_has_suffix (name, ".text")
      && !is_markdown_name (name))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("Attest imports plain text (.txt) and Markdown (.md) files; “%s” is "
                     "neither."), name);
      return NULL;
    }

  if (!(info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                  G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                  G_FILE_QUERY_INFO_NONE, cancellable, error)))
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("“%s” is not a regular file."), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > MAX_IMPORT_BYTES)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));

      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("“%s” is too large to be an article (%s; the limit is 50 MB)."),
                   name, size);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  if (meta != NULL)
    file_meta = *meta;
  path = g_file_get_path (file);
  if (file_meta.origin == NULL)
    file_meta.origin = path != NULL ? path : name;

  return attest_store_import_text (self, contents, length, &file_meta, error);
}

/* Queries */

GPtrArray *
attest_store_list_articles (AttestStore  *self,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!(stmt = _attest_store_prepare (self,
          "SELECT " _ATTEST_ARTICLE_COLUMNS " FROM articles a ORDER BY a.id", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (articles, _attest_article_new_from_stmt (stmt, FALSE));
  if (rc != SQLITE_DONE)
    {
      _attest_store_set_error (self, error, _("Could not list the articles"));
      return NULL;
    }

  return g_steal_pointer (&articles);
}

GArray *
attest_store_list_article_ids (AttestStore  *self,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!(stmt = _attest_store_prepare (self, "SELECT id FROM articles ORDER BY id", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _attest_store_set_error (self, error, _("Could not list the articles"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

AttestArticle *
attest_store_get_article_by_id (AttestStore  *self,
                                gint64        id,
                                gboolean      with_body,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!(stmt = _attest_store_prepare (self,
          with_body ? "SELECT " _ATTEST_ARTICLE_COLUMNS ", a.body FROM articles a WHERE a.id = ?"
                    : "SELECT " _ATTEST_ARTICLE_COLUMNS " FROM articles a WHERE a.id = ?",
          error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                   _("There is no article %" G_GINT64_FORMAT " in this project."), id);
      return NULL;
    }

  return _attest_article_new_from_stmt (stmt, with_body);
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
static gint64
resolve_uuid (AttestStore  *self,
              const char   *table,
              const char   *what,
              const char   *uuid,
              GError      **error)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT id, uuid FROM %s WHERE uuid = ?1 OR (length (?1) < 36 AND substr (uuid, 1, "
      "length (?1)) = lower (?1)) LIMIT 2", table);
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

AttestArticle *
attest_store_get_article (AttestStore  *self,
                          const char   *uuid,
                          GError      **error)
{
  gint64 id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if ((id = resolve_uuid (self, "articles", _("article"), uuid, error)) < 0)
    return NULL;

  return attest_store_get_article_by_id (self, id, TRUE, error);
}

static GPtrArray *
list_sources_where (AttestStore  *self,
                    const char   *where,
                    const char   *arg,
                    GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " _ATTEST_SOURCE_COLUMNS
                                          " FROM sources s %s ORDER BY s.name COLLATE NOCASE, s.id",
                                          where ? where : "");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _attest_store_prepare (self, sql, error)))
    return NULL;
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sources, _attest_source_new_from_stmt (stmt));
  if (rc != SQLITE_DONE)
    {
      _attest_store_set_error (self, error, _("Could not list the sources"));
      return NULL;
    }

  return g_steal_pointer (&sources);
}

GPtrArray *
attest_store_list_sources (AttestStore  *self,
                           GError      **error)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  return list_sources_where (self, NULL, NULL, error);
}

static AttestSource *
get_source_by_id (AttestStore  *self,
                  gint64        id,
                  GError      **error)
{
  g_autofree char *where = g_strdup_printf ("WHERE s.id = %" G_GINT64_FORMAT, id);
  g_autoptr(GPtrArray) found = list_sources_where (self, where, NULL, error);

  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                   _("There is no such source in this project."));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (found, 0));
}

AttestSource *
attest_store_get_source (AttestStore  *self,
                         const char   *uuid,
                         GError      **error)
{
  gint64 id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if ((id = resolve_uuid (self, "sources", _("source"), uuid, error)) < 0)
    return NULL;

  return get_source_by_id (self, id, error);
}

AttestSource *
attest_store_find_source (AttestStore  *self,
                          const char   *name,
                          GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stripped = g_strstrip (g_strdup (name));
  if (!(found = list_sources_where (self,
          "WHERE s.name = ?1 COLLATE NOCASE OR s.id IN "
          "(SELECT source_id FROM source_aliases WHERE alias = ?1 COLLATE NOCASE)",
          stripped, error)))
    return NULL;

  if (found->len == 0)
    return NULL;

  /* An exact name beats an alias; then the oldest source. */
  for (guint i = 0; i < found->len; i++)
    {
      AttestSource *source = g_ptr_array_index (found, i);

      if (g_utf8_collate (attest_source_get_name (source), stripped) == 0)
        return g_object_ref (source);
    }

  return g_object_ref (g_ptr_array_index (found, 0));
}

static GPtrArray *
list_annotations_where (AttestStore  *self,
                        const char   *where,
                        gint64        arg,
                        GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " _ATTEST_ANNOTATION_COLUMNS
                                          " FROM " _ATTEST_ANNOTATION_FROM
                                          " %s ORDER BY n.article_id, n.start, n.\"end\", n.id",
                                          where ? where : "");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _attest_store_prepare (self, sql, error)))
    return NULL;
  if (where != NULL)
    sqlite3_bind_int64 (stmt, 1, arg);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (annotations, _attest_annotation_new_from_stmt (stmt));
  if (rc != SQLITE_DONE)
    {
      _attest_store_set_error (self, error, _("Could not list the annotations"));
      return NULL;
    }

  return g_steal_pointer (&annotations);
}

GPtrArray *
attest_store_list_annotations (AttestStore  *self,
                               const char   *article_uuid,
                               GError      **error)
{
  gint64 article_id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (article_uuid == NULL)
    return list_annotations_where (self, NULL, 0, error);

  if ((article_id = resolve_uuid (self, "articles", _("article"), article_uuid, error)) < 0)
    return NULL;

  return list_annotations_where (self, "WHERE n.article_id = ?1", article_id, error);
}

static AttestAnnotation *
get_annotation_by_id (AttestStore  *self,
                      gint64        id,
                      GError      **error)
{
  g_autoptr(GPtrArray) found = list_annotations_where (self, "WHERE n.id = ?1", id, error);

  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                   _("There is no such annotation in this project."));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (found, 0));
}

AttestAnnotation *
attest_store_get_annotation (AttestStore  *self,
                             const char   *uuid,
                             GError      **error)
{
  gint64 id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if ((id = resolve_uuid (self, "annotations", _("annotation"), uuid, error)) < 0)
    return NULL;

  return get_annotation_by_id (self, id, error);
}

GStrv
attest_store_list_source_kinds (AttestStore  *self,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!(stmt = _attest_store_prepare (self,
          "SELECT key FROM source_kinds ORDER BY position, id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (keys, _attest_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _attest_store_set_error (self, error, _("Could not list the source kinds"));
      return NULL;
    }

  return g_strv_builder_end (keys);
}

char *
attest_store_get_source_kind_label (AttestStore *self,
                                    const char  *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (key == NULL
      || !(stmt = _attest_store_prepare (self,
             "SELECT label FROM source_kinds WHERE key = ?", NULL)))
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup (key);

  /* Seeded labels are English msgids; ones a user typed pass through unchanged. */
  return g_strdup (g_dgettext (GETTEXT_PACKAGE, _attest_column_text (stmt, 0)));
}

void
attest_search_hit_free (AttestSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->article_uuid);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit->annotation_uuid);
  g_free (hit);
}

/* Each word of what the user typed becomes a quoted FTS5 string, so that punctuation and
 * operators in it are searched for, not interpreted; a trailing * keeps its prefix meaning. */
static char *
make_fts_query (const char *query)
{
  g_auto(GStrv) words = g_strsplit_set (query, " \t\n\r", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *word = words[i];
      gsize len = strlen (word);
      gboolean prefix = FALSE;

      if (len > 0 && word[len - 1] == '*')
        {
          word[--len] = '\0';
          prefix = TRUE;
        }
      if (len == 0)
        continue;

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, '"');
      for (const char *p = word; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
      if (prefix)
        g_string_append_c (out, '*');
    }

  return g_string_free (out, out->len == 0);
}

static gboolean
collect_hits (AttestStore  *self,
              GPtrArray    *hits,
              const char   *sql,
              const char   *fts_query,
              guint         limit,
              gboolean      in_annotations,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _attest_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttestSearchHit *hit = g_new0 (AttestSearchHit, 1);

      hit->article_uuid = g_strdup (_attest_column_text (stmt, 0));
      hit->title = g_strdup (_attest_column_text (stmt, 1));
      hit->snippet = g_strdup (_attest_column_text (stmt, 2));
      hit->rank = sqlite3_column_double (stmt, 3);
      if (in_annotations)
        hit->annotation_uuid = g_strdup (_attest_column_text (stmt, 4));
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    return _attest_store_set_error (self, error, _("Could not search"));

  return TRUE;
}

GPtrArray *
attest_store_search (AttestStore  *self,
                     const char   *query,
                     guint         limit,
                     GError      **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_search_hit_free);
  g_autofree char *fts_query = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (query == NULL || !(fts_query = make_fts_query (query)))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Type a word to search for."));
      return NULL;
    }
  if (limit == 0)
    limit = 50;

  /* Titles weigh ten times the body. */
  if (!collect_hits (self, hits,
        "SELECT a.uuid, a.title, snippet (articles_fts, 1, '[', ']', '…', 12), "
        "       bm25 (articles_fts, 10.0, 1.0) "
        "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        "WHERE articles_fts MATCH ?1 ORDER BY bm25 (articles_fts, 10.0, 1.0) LIMIT ?2",
        fts_query, limit, FALSE, error)
      || !collect_hits (self, hits,
        "SELECT a.uuid, a.title, snippet (annotations_fts, -1, '[', ']', '…', 12), "
        "       bm25 (annotations_fts), n.uuid "
        "FROM annotations_fts JOIN annotations n ON n.id = annotations_fts.rowid "
        "JOIN articles a ON a.id = n.article_id "
        "WHERE annotations_fts MATCH ?1 ORDER BY bm25 (annotations_fts) LIMIT ?2",
        fts_query, limit, TRUE, error))
    return NULL;

  return g_steal_pointer (&hits);
}

gboolean
attest_store_get_stats (AttestStore  *self,
                        AttestStats  *stats,
                        GError      **error)
{
  static const struct {
    const char *sql;
    gsize       offset;
  } counts[] = {
    { "SELECT count(*) FROM articles", G_STRUCT_OFFSET (AttestStats, articles) },
    { "SELECT count(*) FROM sources", G_STRUCT_OFFSET (AttestStats, sources) },
    { "SELECT count(*) FROM annotations", G_STRUCT_OFFSET (AttestStats, annotations) },
    { "SELECT count(*) FROM annotations WHERE kind IN ('direct', 'indirect')",
      G_STRUCT_OFFSET (AttestStats, quotes) },
    { "SELECT count(*) FROM tags", G_STRUCT_OFFSET (AttestStats, tags) },
    { "SELECT count(*) FROM incidents", G_STRUCT_OFFSET (AttestStats, incidents) },
    { "SELECT count(*) FROM collections", G_STRUCT_OFFSET (AttestStats, collections) },
  };
  g_autoptr(sqlite3_stmt) by_kind = NULL;

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  memset (stats, 0, sizeof *stats);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gint64 n;

      if (!query_int (self, counts[i].sql, &n, error))
        return FALSE;
      G_STRUCT_MEMBER (guint, stats, counts[i].offset) = n;
    }

  if (!(by_kind = _attest_store_prepare (self,
          "SELECT kind, count(*) FROM annotations GROUP BY kind", error)))
    return FALSE;
  while (sqlite3_step (by_kind) == SQLITE_ROW)
    {
      AttestAnnotationKind kind;

      if (attest_annotation_kind_from_string (_attest_column_text (by_kind, 0), &kind))
        stats->by_kind[kind] = sqlite3_column_int (by_kind, 1);
    }

  return TRUE;
}

/* Operations. The _in_change helpers expect a change being recorded. */

static gboolean
check_source_kind (AttestStore  *self,
                   const char   *kind,
                   GError      **error)
{
  g_auto(GStrv) kinds = attest_store_list_source_kinds (self, error);
  g_autofree char *list = NULL;

  if (kinds == NULL)
    return FALSE;
  if (kind != NULL && g_strv_contains ((const char * const *) kinds, kind))
    return TRUE;

  list = g_strjoinv (", ", kinds);
  g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
               _("“%s” is not a kind of source in this project; the kinds are: %s."),
               kind ? kind : "", list);
  return FALSE;
}

static gint64
create_source_in_change (AttestStore  *self,
                         const char   *name,
                         const char   *kind,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 id;

  if (*stripped == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("A source needs a name."));
      return -1;
    }
  if (kind == NULL)
    kind = "other";
  if (!check_source_kind (self, kind, error))
    return -1;

  if (!(stmt = _attest_store_prepare (self,
          "INSERT INTO sources (uuid, name, kind, created_at, modified_at) "
          "VALUES (?, ?, ?, ?, ?)", error)))
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, stripped, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, _("Could not add the source"), error))
    return -1;

  id = sqlite3_last_insert_rowid (self->db);
  touch_new_row (self, "sources", id);

  return id;
}

AttestSource *
attest_store_create_source (AttestStore  *self,
                            const char   *name,
                            const char   *kind,
                            GError      **error)
{
  gint64 id;

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!begin_change (self, _("Add source"), error))
    return NULL;
  if ((id = create_source_in_change (self, name, kind, error)) < 0)
    {
      rollback_change (self);
      return NULL;
    }
  if (!commit_change (self, error))
    return NULL;

  return get_source_by_id (self, id, error);
}

/* Runs fn inside one recorded change; on failure nothing stays. */
typedef gboolean (*ChangeFunc) (AttestStore *self, gpointer data, GError **error);

static gboolean
run_change (AttestStore  *self,
            const char   *label,
            ChangeFunc    fn,
            gpointer      data,
            GError      **error)
{
  if (!begin_change (self, label, error))
    return FALSE;
  if (!fn (self, data, error))
    {
      rollback_change (self);
      return FALSE;
    }
  return commit_change (self, error);
}

typedef struct
{
  const char *uuid;
  const char *name;
  const char *kind;
  const char *role;
  const char *affiliation;
  const char *alias;
} SourceEdit;

static gboolean
update_source_fn (AttestStore  *self,
                  gpointer      data,
                  GError      **error)
{
  SourceEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  g_autofree char *name = edit->name ? g_strstrip (g_strdup (edit->name)) : NULL;
  gint64 id;

  if ((id = resolve_uuid (self, "sources", _("source"), edit->uuid, error)) < 0)
    return FALSE;
  if (name != NULL && *name == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("A source needs a name."));
      return FALSE;
    }
  if (edit->kind != NULL && !check_source_kind (self, edit->kind, error))
    return FALSE;
  if (!touch_row (self, "sources", id, error))
    return FALSE;

  /* NULL leaves a field as it is; "" clears an optional one. */
  if (!(stmt = _attest_store_prepare (self,
          "UPDATE sources SET name = coalesce (?1, name), kind = coalesce (?2, kind), "
          "role = CASE WHEN ?3 IS NULL THEN role ELSE nullif (?3, '') END, "
          "affiliation = CASE WHEN ?4 IS NULL THEN affiliation ELSE nullif (?4, '') END, "
          "modified_at = ?5 WHERE id = ?6", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, edit->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->affiliation, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, id);

  return step_done (self, stmt, _("Could not change the source"), error);
}

gboolean
attest_store_update_source (AttestStore  *self,
                            const char   *uuid,
                            const char   *name,
                            const char   *kind,
                            const char   *role,
                            const char   *affiliation,
                            GError      **error)
{
  SourceEdit edit = { uuid, name, kind, role, affiliation, NULL };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return run_change (self, _("Edit source"), update_source_fn, &edit, error);
}

static gboolean
add_alias_fn (AttestStore  *self,
              gpointer      data,
              GError      **error)
{
  SourceEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *alias = g_strstrip (g_strdup (edit->alias ? edit->alias : ""));
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 id;

  if ((id = resolve_uuid (self, "sources", _("source"), edit->uuid, error)) < 0)
    return FALSE;
  if (*alias == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("An alias needs a name."));
      return FALSE;
    }

  if (!(stmt = _attest_store_prepare (self,
          "INSERT OR IGNORE INTO source_aliases (uuid, source_id, alias) VALUES (?, ?, ?)",
          error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_text (stmt, 3, alias, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, _("Could not add the alias"), error))
    return FALSE;

  if (sqlite3_changes (self->db) > 0)
    return touch_new_row (self, "source_aliases", sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
attest_store_add_source_alias (AttestStore  *self,
                               const char   *uuid,
                               const char   *alias,
                               GError      **error)
{
  SourceEdit edit = { .uuid = uuid, .alias = alias };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return run_change (self, _("Add alias"), add_alias_fn, &edit, error);
}

typedef struct
{
  const char           *article_uuid;
  AttestAnnotationKind  kind;
  guint                 start;
  guint                 end;
  const char           *speaker_uuid;
  const char           *speaker_name;
  const char           *speaker_kind;
  const char           *comment;
  const char           *coder;
  gint64                id;     /* out */
} AnnotationEdit;

static gboolean
create_annotation_fn (AttestStore  *self,
                      gpointer      data,
                      GError      **error)
{
  AnnotationEdit *edit = data;
  g_autoptr(AttestArticle) article = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 speaker_id = -1;
  glong body_len;

  if (edit->kind >= ATTEST_ANNOTATION_N_KINDS)
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Unknown kind of annotation."));
      return FALSE;
    }
  if (!(article = attest_store_get_article (self, edit->article_uuid, error)))
    return FALSE;

  body_len = g_utf8_strlen (attest_article_get_body (article), -1);
  if (edit->start >= edit->end || edit->end > body_len)
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                   _("The span %u–%u is not inside the article's text (0–%ld)."),
                   edit->start, edit->end, body_len);
      return FALSE;
    }

  exact = attest_text_substring (attest_article_get_body (article), edit->start, edit->end);
  if (!has_non_space (exact))
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Select some words to mark, not only white space."));
      return FALSE;
    }
  prefix = attest_text_prefix (attest_article_get_body (article), edit->start, CONTEXT_CHARS);
  suffix = attest_text_suffix (attest_article_get_body (article), edit->end, CONTEXT_CHARS);

  if (edit->speaker_uuid != NULL)
    {
      if ((speaker_id = resolve_uuid (self, "sources", _("source"), edit->speaker_uuid,
                                      error)) < 0)
        return FALSE;
    }
  else if (has_non_space (edit->speaker_name))
    {
      g_autoptr(AttestSource) existing = NULL;
      g_autoptr(GError) local_error = NULL;

      existing = attest_store_find_source (self, edit->speaker_name, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (existing != NULL)
        speaker_id = attest_source_get_id (existing);
      else if ((speaker_id = create_source_in_change (self, edit->speaker_name,
                                                      edit->speaker_kind, error)) < 0)
        return FALSE;
    }

  if (!(stmt = _attest_store_prepare (self,
          "INSERT INTO annotations (uuid, article_id, kind, start, \"end\", exact, prefix, "
          "suffix, speaker_id, comment, coder, created_at, modified_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, attest_article_get_id (article));
  sqlite3_bind_text (stmt, 3, attest_annotation_kind_to_string (edit->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, edit->start);
  sqlite3_bind_int (stmt, 5, edit->end);
  sqlite3_bind_text (stmt, 6, exact, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, suffix, -1, SQLITE_STATIC);
  if (speaker_id >= 0)
    sqlite3_bind_int64 (stmt, 9, speaker_id);
  else
    sqlite3_bind_null (stmt, 9);
  bind_text_or_null (stmt, 10, edit->comment);
  bind_text_or_null (stmt, 11, edit->coder);
  sqlite3_bind_text (stmt, 12, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, now, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, _("Could not store the annotation"), error))
    return FALSE;

  edit->id = sqlite3_last_insert_rowid (self->db);
  return touch_new_row (self, "annotations", edit->id);
}

static const char *
label_for_new (AttestAnnotationKind kind)
{
  switch (kind)
    {
    case ATTEST_ANNOTATION_DIRECT:
    case ATTEST_ANNOTATION_INDIRECT:
      return _("Mark quote");
    case ATTEST_ANNOTATION_CLAIM:
      return _("Mark claim");
    case ATTEST_ANNOTATION_NOTE:
    default:
      return _("Add note");
    }
}

AttestAnnotation *
attest_store_create_annotation (AttestStore           *self,
                                const char            *article_uuid,
                                AttestAnnotationKind   kind,
                                guint                  start,
                                guint                  end,
                                const char            *speaker_uuid,
                                const char            *comment,
                                const char            *coder,
                                GError               **error)
{
  AnnotationEdit edit = {
    .article_uuid = article_uuid, .kind = kind, .start = start, .end = end,
    .speaker_uuid = speaker_uuid, .comment = comment, .coder = coder,
  };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!run_change (self, label_for_new (kind), create_annotation_fn, &edit, error))
    return NULL;

  return get_annotation_by_id (self, edit.id, error);
}

AttestAnnotation *
attest_store_annotate_span (AttestStore           *self,
                            const char            *article_uuid,
                            AttestAnnotationKind   kind,
                            guint                  start,
                            guint                  end,
                            const char            *speaker_name,
                            const char            *speaker_kind,
                            const char            *comment,
                            const char            *coder,
                            GError               **error)
{
  AnnotationEdit edit = {
    .article_uuid = article_uuid, .kind = kind, .start = start, .end = end,
    .speaker_name = speaker_name, .speaker_kind = speaker_kind,
    .comment = comment, .coder = coder,
  };

  g_return_val_if_fail (ATTEST_IS_STORE (self), NULL);

  if (!run_change (self, label_for_new (kind), create_annotation_fn, &edit, error))
    return NULL;

  return get_annotation_by_id (self, edit.id, error);
}

typedef struct
{
  const char *uuid;
  const char *speaker_uuid;
  const char *comment;
} AnnotationSet;

static gboolean
set_speaker_fn (AttestStore  *self,
                gpointer      data,
                GError      **error)
{
  AnnotationSet *set = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 id, speaker_id = -1;

  if ((id = resolve_uuid (self, "annotations", _("annotation"), set->uuid, error)) < 0)
    return FALSE;
  if (set->speaker_uuid != NULL
      && (speaker_id = resolve_uuid (self, "sources", _("source"), set->speaker_uuid,
                                     error)) < 0)
    return FALSE;
  if (!touch_row (self, "annotations", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self,
          "UPDATE annotations SET speaker_id = ?, modified_at = ? WHERE id = ?", error)))
    return FALSE;
  if (speaker_id >= 0)
    sqlite3_bind_int64 (stmt, 1, speaker_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);

  return step_done (self, stmt, _("Could not change the speaker"), error);
}

gboolean
attest_store_set_annotation_speaker (AttestStore  *self,
                                     const char   *uuid,
                                     const char   *speaker_uuid,
                                     GError      **error)
{
  AnnotationSet set = { uuid, speaker_uuid, NULL };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return run_change (self, _("Change speaker"), set_speaker_fn, &set, error);
}

static gboolean
set_comment_fn (AttestStore  *self,
                gpointer      data,
                GError      **error)
{
  AnnotationSet *set = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _attest_now_iso8601 ();
  gint64 id;

  if ((id = resolve_uuid (self, "annotations", _("annotation"), set->uuid, error)) < 0)
    return FALSE;
  if (!touch_row (self, "annotations", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self,
          "UPDATE annotations SET comment = ?, modified_at = ? WHERE id = ?", error)))
    return FALSE;
  bind_text_or_null (stmt, 1, set->comment);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);

  return step_done (self, stmt, _("Could not change the comment"), error);
}

gboolean
attest_store_set_annotation_comment (AttestStore  *self,
                                     const char   *uuid,
                                     const char   *comment,
                                     GError      **error)
{
  AnnotationSet set = { uuid, NULL, comment };

  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return run_change (self, _("Edit comment"), set_comment_fn, &set, error);
}

/* Rows that ON DELETE CASCADE removes with an annotation are recorded first, so that undo
 * brings the annotation back before them. */
static gboolean
touch_dependents (AttestStore  *self,
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
    if (!touch_row (self, table, g_array_index (rowids, gint64, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
delete_annotation_fn (AttestStore  *self,
                      gpointer      data,
                      GError      **error)
{
  const char *uuid = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if ((id = resolve_uuid (self, "annotations", _("annotation"), uuid, error)) < 0)
    return FALSE;
  if (!touch_dependents (self, "annotation_tags", "annotation_id", id, error)
      || !touch_dependents (self, "incident_links", "annotation_id", id, error)
      || !touch_row (self, "annotations", id, error))
    return FALSE;

  if (!(stmt = _attest_store_prepare (self, "DELETE FROM annotations WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return step_done (self, stmt, _("Could not delete the annotation"), error);
}

gboolean
attest_store_delete_annotation (AttestStore  *self,
                                const char   *uuid,
                                GError      **error)
{
  g_return_val_if_fail (ATTEST_IS_STORE (self), FALSE);

  return run_change (self, _("Delete annotation"), delete_annotation_fn, (gpointer) uuid, error);
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

/* Offsets */

gboolean
attest_find_unique_span (const char  *body,
                         const char  *exact,
                         guint       *start,
                         guint       *end,
                         GError     **error)
{
  const char *hit, *again;

  g_return_val_if_fail (body != NULL, FALSE);

  if (exact == NULL || *exact == '\0')
    {
      g_set_error_literal (error, ATTEST_ERROR, ATTEST_ERROR_INVALID_INPUT,
                           _("Give the exact words to mark."));
      return FALSE;
    }

  if (!(hit = strstr (body, exact)))
    {
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_NOT_FOUND,
                   _("The text “%s” is not in the article."), exact);
      return FALSE;
    }

  if ((again = strstr (hit + 1, exact)) != NULL)
    {
      guint count = 2;

      while ((again = strstr (again + 1, exact)) != NULL)
        count++;
      g_set_error (error, ATTEST_ERROR, ATTEST_ERROR_AMBIGUOUS,
                   _("The text “%s” is ambiguous: it appears %u times in the article; give "
                     "more words."), exact, count);
      return FALSE;
    }

  *start = g_utf8_pointer_to_offset (body, hit);
  *end = *start + g_utf8_strlen (exact, -1);
  return TRUE;
}
