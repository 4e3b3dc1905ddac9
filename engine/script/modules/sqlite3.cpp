// The sqlite3 module over Debian's libsqlite3: the natives below hold a
// database and its prepared statements; Connection, Cursor, Row and the
// exceptions are script source (sqlite3_source.cpp), shaped like CPython
// 3.11's _sqlite so that they raise the same errors with the same messages.
// A call reaches the real SQLite library at once and costs no virtual time
// (as file I/O, docs/SIMULATED_WORLD.md).

#include <sqlite3.h>

#include <exception>
#include <typeinfo>
#include <utility>

#include "engine/object/bigint.hpp"
#include "engine/script/modules/io_file.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"
#include "engine/script/runtime/bytes.hpp"

namespace loopscope::script {

const char* sqlite3_module_source();

namespace {

// An open database (null once closed). sqlite3_close_v2 lets statements
// still alive finish their life: the handle is freed with the last one.
class SqliteDb final : public Object {
 public:
  SqliteDb() : Object(ObjKind::Other) {}
  ~SqliteDb() override { close(); }
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;
  std::string type_name() const override { return "sqlite3_handle"; }
  void close() {
    if (db) sqlite3_close_v2(db);
    db = nullptr;
  }
  // What a user function raised that is not a Python exception (a loop
  // limit): rethrown once SQLite has returned (rethrow_pending).
  void rethrow_pending() {
    if (!pending) return;
    std::exception_ptr p = std::exchange(pending, nullptr);
    std::rethrow_exception(p);
  }
  sqlite3* db = nullptr;
  std::exception_ptr pending;
};

class SqliteStmt final : public Object {
 public:
  SqliteStmt() : Object(ObjKind::Other) {}
  ~SqliteStmt() override { sqlite3_finalize(st); }
  SqliteStmt(const SqliteStmt&) = delete;
  SqliteStmt& operator=(const SqliteStmt&) = delete;
  std::string type_name() const override { return "sqlite3_statement"; }
  sqlite3_stmt* st = nullptr;
  Ref<SqliteDb> owner;
};

sqlite3* db_of(const Value& v) {
  Object* o = v.obj();
  if (!o || typeid(*o) != typeid(SqliteDb)) type_error("sqlite3 database handle expected");
  return static_cast<SqliteDb*>(o)->db;
}

sqlite3_stmt* stmt_of(const Value& v) {
  Object* o = v.obj();
  if (!o || typeid(*o) != typeid(SqliteStmt)) type_error("sqlite3 statement handle expected");
  return static_cast<SqliteStmt*>(o)->st;
}

Value tuple_of(std::vector<Value> items) { return Value::object(new TupleObj(std::move(items))); }

// _open(path, uri, timeout) -> (rc, db): the handle also when opening
// failed (its error message tells why).
Value sq_open(Interp& in, const Value&, CallArgs& a) {
  check_args("_open", a, 3, 3);
  const std::string& path = as_str(a.pos[0], "path");
  if (path != ":memory:" && !path.empty()) require_file_system(in, a.pos[0]);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (a.pos[1].is_bool() && a.pos[1].as_bool()) flags |= SQLITE_OPEN_URI;
  Ref<SqliteDb> h = make<SqliteDb>();
  int rc = sqlite3_open_v2(path.c_str(), &h->db, flags, nullptr);
  if (rc == SQLITE_OK) sqlite3_busy_timeout(h->db, static_cast<int>(to_float(a.pos[2], "timeout") * 1000));
  return tuple_of({Value::integer(rc), Value::object(h)});
}

Value sq_close(Interp&, const Value&, CallArgs& a) {
  check_args("_close", a, 1, 1);
  db_of(a.pos[0]);
  static_cast<SqliteDb*>(a.pos[0].obj())->close();
  return Value();
}

// Whether `tail` holds more than white space and comments (CPython's
// "You can only execute one statement at a time" test).
bool has_more_sql(const char* p) {
  while (*p) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
      ++p;
    } else if (p[0] == '-' && p[1] == '-') {
      while (*p && *p != '\n') ++p;
    } else if (p[0] == '/' && p[1] == '*') {
      p += 2;
      while (*p && !(p[0] == '*' && p[1] == '/')) ++p;
      if (!*p) return false;
      p += 2;
    } else {
      return true;
    }
  }
  return false;
}

// _prepare(db, sql) -> (rc, stmt or None for no statement, more SQL follows)
Value sq_prepare(Interp&, const Value&, CallArgs& a) {
  check_args("_prepare", a, 2, 2);
  sqlite3* db = db_of(a.pos[0]);
  const std::string& sql = as_str(a.pos[1], "sql");
  sqlite3_stmt* st = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()) + 1, &st, &tail);
  if (rc != SQLITE_OK) return tuple_of({Value::integer(rc), Value(), Value::boolean(false)});
  bool more = tail != nullptr && has_more_sql(tail);
  if (st == nullptr) return tuple_of({Value::integer(rc), Value(), Value::boolean(more)});
  Ref<SqliteStmt> s = make<SqliteStmt>();
  s->st = st;
  s->owner = Ref<SqliteDb>(static_cast<SqliteDb*>(a.pos[0].obj()));
  return tuple_of({Value::integer(rc), Value::object(s), Value::boolean(more)});
}

// _exec(db, sql) -> rc (transaction statements: BEGIN, COMMIT, ROLLBACK)
Value sq_exec(Interp&, const Value&, CallArgs& a) {
  check_args("_exec", a, 2, 2);
  return Value::integer(sqlite3_exec(db_of(a.pos[0]), as_str(a.pos[1], "sql").c_str(), nullptr, nullptr, nullptr));
}

// _script(db, sql) -> rc: each statement prepared and stepped to its end.
Value sq_script(Interp&, const Value&, CallArgs& a) {
  check_args("_script", a, 2, 2);
  sqlite3* db = db_of(a.pos[0]);
  const std::string& sql = as_str(a.pos[1], "sql");
  const char* at = sql.c_str();
  while (*at) {
    sqlite3_stmt* st = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db, at, -1, &st, &tail);
    if (rc == SQLITE_OK && st != nullptr) {  // null: only white space or a comment
      do rc = sqlite3_step(st);
      while (rc == SQLITE_ROW);
      int fin = sqlite3_finalize(st);
      if (rc == SQLITE_DONE) rc = fin;
    }
    static_cast<SqliteDb*>(a.pos[0].obj())->rethrow_pending();
    if (rc != SQLITE_OK) return Value::integer(rc);
    at = tail;
  }
  return Value::integer(SQLITE_OK);
}

// _error(db) -> (extended code, message)
Value sq_error(Interp&, const Value&, CallArgs& a) {
  check_args("_error", a, 1, 1);
  sqlite3* db = db_of(a.pos[0]);
  return tuple_of({Value::integer(sqlite3_extended_errcode(db)), str_value(sqlite3_errmsg(db))});
}

// _bind(stmt, i, value) -> rc, -1 for a type SQLite cannot take.
Value sq_bind(Interp&, const Value&, CallArgs& a) {
  check_args("_bind", a, 3, 3);
  sqlite3_stmt* st = stmt_of(a.pos[0]);
  int i = static_cast<int>(to_int(a.pos[1], "index"));
  const Value& v = a.pos[2];
  if (v.is_none()) return Value::integer(sqlite3_bind_null(st, i));
  if (v.is_int()) return Value::integer(sqlite3_bind_int64(st, i, v.as_int()));
  if (v.is_bool()) return Value::integer(sqlite3_bind_int64(st, i, v.as_bool() ? 1 : 0));
  if (v.is_float()) return Value::integer(sqlite3_bind_double(st, i, v.as_float()));
  if (is_bigint(v)) raise(Exc::OverflowError, "Python int too large to convert to SQLite INTEGER");
  if (v.is(ObjKind::Str)) {
    const std::string& s = static_cast<StrObj*>(v.obj())->value;
    return Value::integer(sqlite3_bind_text64(st, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  if (const std::string* b = bytes_like(v)) return Value::integer(sqlite3_bind_blob64(st, i, b->data(), b->size(), SQLITE_TRANSIENT));
  return Value::integer(-1);
}

Value sq_bind_count(Interp&, const Value&, CallArgs& a) {
  check_args("_bind_count", a, 1, 1);
  return Value::integer(sqlite3_bind_parameter_count(stmt_of(a.pos[0])));
}

// _bind_name(stmt, i) -> the parameter's name without its first character, or None
Value sq_bind_name(Interp&, const Value&, CallArgs& a) {
  check_args("_bind_name", a, 2, 2);
  const char* name = sqlite3_bind_parameter_name(stmt_of(a.pos[0]), static_cast<int>(to_int(a.pos[1], "index")));
  return name ? str_value(name + 1) : Value();
}

Value sq_clear(Interp&, const Value&, CallArgs& a) {
  check_args("_clear", a, 1, 1);
  sqlite3_stmt* st = stmt_of(a.pos[0]);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return Value();
}

Value sq_reset(Interp&, const Value&, CallArgs& a) {
  check_args("_reset", a, 1, 1);
  sqlite3_reset(stmt_of(a.pos[0]));
  return Value();
}

Value sq_step(Interp&, const Value&, CallArgs& a) {
  check_args("_step", a, 1, 1);
  int rc = sqlite3_step(stmt_of(a.pos[0]));
  static_cast<SqliteStmt*>(a.pos[0].obj())->owner->rethrow_pending();
  return Value::integer(rc);
}

// _columns(stmt) -> (names, declared types or None)
Value sq_columns(Interp&, const Value&, CallArgs& a) {
  check_args("_columns", a, 1, 1);
  sqlite3_stmt* st = stmt_of(a.pos[0]);
  std::vector<Value> names, types;
  for (int i = 0, n = sqlite3_column_count(st); i < n; ++i) {
    names.push_back(str_value(sqlite3_column_name(st, i)));
    const char* t = sqlite3_column_decltype(st, i);
    types.push_back(t ? str_value(t) : Value());
  }
  return tuple_of({tuple_of(std::move(names)), tuple_of(std::move(types))});
}

// Whether `s` is well-formed UTF-8 (what CPython's decoder accepts).
bool utf8_ok(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 9;
    if (n == 9 || i + n >= s.size()) return false;
    uint32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (size_t k = 1; k <= n; ++k) {
      auto d = static_cast<unsigned char>(s[i + k]);
      if ((d >> 6) != 2) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    bool overlong = (n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

// A text column as the connection's text_factory makes it: str (the
// text decoded; `bad` notes a column that is not UTF-8), bytes, or the
// factory called with the bytes.
Value text_value(Interp& in, std::string s, const Value& factory, int i, int& bad) {
  if (factory.is_obj() && factory.obj() == builtin_class(BuiltinType::Str)) {
    if (!utf8_ok(s) && bad < 0) bad = i;
    return bad == i ? bytes_value(std::move(s)) : str_value(std::move(s));
  }
  Value b = bytes_value(std::move(s));
  if (factory.is_obj() && factory.obj() == builtin_class(BuiltinType::Bytes)) return b;
  return in.call(factory, std::vector<Value>{b});
}

Value column_value(Interp& in, sqlite3_stmt* st, int i, const Value& factory, int& bad) {
  switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER: return Value::integer(sqlite3_column_int64(st, i));
    case SQLITE_FLOAT: return Value::real(sqlite3_column_double(st, i));
    case SQLITE_BLOB: {
      const void* p = sqlite3_column_blob(st, i);
      int n = sqlite3_column_bytes(st, i);
      return bytes_value(p ? std::string(static_cast<const char*>(p), static_cast<size_t>(n)) : std::string());
    }
    case SQLITE_TEXT: {
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
      return text_value(in, std::string(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(st, i))), factory, i, bad);
    }
    default: return Value();
  }
}

// _row(stmt, text_factory) -> (values, index of a text column that is not
// UTF-8, or -1).
Value sq_row(Interp& in, const Value&, CallArgs& a) {
  check_args("_row", a, 2, 2);
  sqlite3_stmt* st = stmt_of(a.pos[0]);
  int bad = -1;
  std::vector<Value> items;
  for (int i = 0, n = sqlite3_data_count(st); i < n; ++i) items.push_back(column_value(in, st, i, a.pos[1], bad));
  return tuple_of({tuple_of(std::move(items)), Value::integer(bad)});
}

// _db_info(db, what): changes, total_changes, autocommit, last_rowid
Value sq_db_info(Interp&, const Value&, CallArgs& a) {
  check_args("_db_info", a, 2, 2);
  sqlite3* db = db_of(a.pos[0]);
  const std::string& what = as_str(a.pos[1], "what");
  if (what == "changes") return Value::integer(sqlite3_changes64(db));
  if (what == "total_changes") return Value::integer(sqlite3_total_changes64(db));
  if (what == "autocommit") return Value::boolean(sqlite3_get_autocommit(db) != 0);
  return Value::integer(sqlite3_last_insert_rowid(db));
}

// A function a program gave create_function: called by SQLite during a
// step. Nothing may unwind through SQLite's C frames: a Python exception
// becomes SQLite's error (CPython's message), anything else waits in the
// database handle until the step returns.
struct UserFunction {
  Interp* in;
  Value fn;
  SqliteDb* db;
};

Value sqlite_to_value(sqlite3_value* v) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: return Value::integer(sqlite3_value_int64(v));
    case SQLITE_FLOAT: return Value::real(sqlite3_value_double(v));
    case SQLITE_TEXT: {
      const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
      return str_value(std::string(p ? p : "", static_cast<size_t>(sqlite3_value_bytes(v))));
    }
    case SQLITE_BLOB: {
      const void* p = sqlite3_value_blob(v);
      return bytes_value(p ? std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_value_bytes(v))) : "");
    }
    default: return Value();
  }
}

// False for a value SQLite cannot take. An int beyond 64 bits is SQLite's
// "string or blob too big", as CPython reports it.
bool set_result(sqlite3_context* ctx, const Value& r) {
  if (is_bigint(r)) sqlite3_result_error_toobig(ctx);
  else if (r.is_none()) sqlite3_result_null(ctx);
  else if (r.is_int()) sqlite3_result_int64(ctx, r.as_int());
  else if (r.is_bool()) sqlite3_result_int64(ctx, r.as_bool() ? 1 : 0);
  else if (r.is_float()) sqlite3_result_double(ctx, r.as_float());
  else if (r.is(ObjKind::Str)) {
    const std::string& s = static_cast<StrObj*>(r.obj())->value;
    sqlite3_result_text64(ctx, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  } else if (const std::string* b = bytes_like(r)) {
    sqlite3_result_blob64(ctx, b->data(), b->size(), SQLITE_TRANSIENT);
  } else {
    return false;
  }
  return true;
}

void call_user_function(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* uf = static_cast<UserFunction*>(sqlite3_user_data(ctx));
  bool ok = false;
  try {
    std::vector<Value> args;
    for (int i = 0; i < argc; ++i) args.push_back(sqlite_to_value(argv[i]));
    ok = set_result(ctx, uf->in->call(uf->fn, std::move(args)));
  } catch (const PyError&) {
    ok = false;
  } catch (...) {
    uf->db->pending = std::current_exception();
  }
  if (!ok) sqlite3_result_error(ctx, "user-defined function raised exception", -1);
}

// _create_function(db, name, narg, func, deterministic) -> rc
Value sq_create_function(Interp& in, const Value&, CallArgs& a) {
  check_args("_create_function", a, 5, 5);
  sqlite3* db = db_of(a.pos[0]);
  auto* uf = new UserFunction{&in, a.pos[3], static_cast<SqliteDb*>(a.pos[0].obj())};
  int flags = SQLITE_UTF8 | (a.pos[4].is_bool() && a.pos[4].as_bool() ? SQLITE_DETERMINISTIC : 0);
  return Value::integer(sqlite3_create_function_v2(
      db, as_str(a.pos[1], "name").c_str(), static_cast<int>(to_int(a.pos[2], "narg")), flags, uf,
      call_user_function, nullptr, nullptr, [](void* p) { delete static_cast<UserFunction*>(p); }));
}

Value sq_complete(Interp&, const Value&, CallArgs& a) {
  check_args("_complete", a, 1, 1);
  return Value::boolean(sqlite3_complete(as_str(a.pos[0], "statement").c_str()) != 0);
}

}  // namespace

Ref<ModuleObj> make_sqlite3_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("sqlite3");
  m->frames_hidden = true;
  add_function(*m, "_open", sq_open);
  add_function(*m, "_close", sq_close);
  add_function(*m, "_prepare", sq_prepare);
  add_function(*m, "_exec", sq_exec);
  add_function(*m, "_script", sq_script);
  add_function(*m, "_error", sq_error);
  add_function(*m, "_bind", sq_bind);
  add_function(*m, "_bind_count", sq_bind_count);
  add_function(*m, "_bind_name", sq_bind_name);
  add_function(*m, "_clear", sq_clear);
  add_function(*m, "_reset", sq_reset);
  add_function(*m, "_step", sq_step);
  add_function(*m, "_columns", sq_columns);
  add_function(*m, "_row", sq_row);
  add_function(*m, "_db_info", sq_db_info);
  add_function(*m, "_complete", sq_complete);
  add_function(*m, "_create_function", sq_create_function);
  m->globals["sqlite_version"] = str_value(sqlite3_libversion());
  run_source_in_module(in, m, "sqlite3.py", sqlite3_module_source());
  return m;
}

}  // namespace loopscope::script
