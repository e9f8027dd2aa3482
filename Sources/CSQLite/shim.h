// The SQLite C API as Swift sees it, plus the few helpers Swift cannot write
// itself: SQLITE_TRANSIENT is a cast macro, and sqlite3_db_config is variadic.
#ifndef FACTARCHIVE_CSQLITE_SHIM_H
#define FACTARCHIVE_CSQLITE_SHIM_H

#include <sqlite3.h>

/// Binds text that SQLite copies before returning (SQLITE_TRANSIENT).
static inline int csqlite_bind_text_transient(sqlite3_stmt *stmt, int index, const char *text, int length) {
  return sqlite3_bind_text(stmt, index, text, length, SQLITE_TRANSIENT);
}

/// Binds text that the caller keeps alive until the statement is reset (SQLITE_STATIC).
static inline int csqlite_bind_text_static(sqlite3_stmt *stmt, int index, const char *text, int length) {
  return sqlite3_bind_text(stmt, index, text, length, SQLITE_STATIC);
}

/// Binds a blob that SQLite copies before returning (SQLITE_TRANSIENT).
static inline int csqlite_bind_blob_transient(sqlite3_stmt *stmt, int index, const void *bytes, int length) {
  return sqlite3_bind_blob(stmt, index, bytes, length, SQLITE_TRANSIENT);
}

/// sqlite3_db_config for the integer on/off options (SQLITE_DBCONFIG_DEFENSIVE, ...).
static inline int csqlite_db_config_flag(sqlite3 *db, int option, int value) {
  int current = 0;
  return sqlite3_db_config(db, option, value, &current);
}

#endif
