// The SQLite C API as Swift sees it, plus the few helpers Swift cannot write
// itself: SQLITE_TRANSIENT is a cast macro, and sqlite3_config and sqlite3_db_config are
// variadic.
#ifndef FACTARCHIVE_CSQLITE_SHIM_H
#define FACTARCHIVE_CSQLITE_SHIM_H

#include <sqlite3.h>
#include <stdint.h>
#include <time.h>

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

/// Turns off SQLite's memory statistics (SQLITE_CONFIG_MEMSTATUS), which take a global mutex
/// on every allocation and free. Only before SQLite initialises (the first open); later it
/// returns SQLITE_MISUSE and changes nothing. Nothing here reads sqlite3_memory_used.
static inline int csqlite_disable_memory_statistics(void) {
  return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/// A busy handler that tries again every millisecond until `context` milliseconds have
/// passed. SQLite's own (sqlite3_busy_timeout) backs off to 100 ms between tries, so a
/// process waiting for the write lock seldom catches the moment between another process's
/// transactions and can starve while a long ingest runs.
static inline int csqlite_busy_poll(void *context, int count) {
  intptr_t timeout_ms = (intptr_t)context;
  if ((intptr_t)count >= timeout_ms) return 0;
  struct timespec pause = {0, 1000000};
  nanosleep(&pause, NULL);
  return 1;
}

/// Installs csqlite_busy_poll with a timeout in milliseconds.
static inline int csqlite_busy_poll_install(sqlite3 *db, int timeout_ms) {
  return sqlite3_busy_handler(db, csqlite_busy_poll, (void *)(intptr_t)timeout_ms);
}

#endif
