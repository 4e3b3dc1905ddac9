// The script half of the sqlite3 module: Connection, Cursor, Row, the
// exception classes and the default adapters, over the natives of
// sqlite3.cpp. Written from CPython 3.11's documented behaviour and messages.

namespace loopscope::script {

const char* sqlite3_module_source() {
  return R"PY(
apilevel = '2.0'
paramstyle = 'qmark'
threadsafety = 3
version = '2.6.0'
version_info = (2, 6, 0)
sqlite_version_info = tuple(int(part) for part in sqlite_version.split('.'))
PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2
SQLITE_OK = 0
SQLITE_DENY = 1
SQLITE_IGNORE = 2

_ROW = 100
_DONE = 101


class Warning(Exception):
    pass


class Error(Exception):
    pass


class InterfaceError(Error):
    pass


class DatabaseError(Error):
    pass


class DataError(DatabaseError):
    pass


class OperationalError(DatabaseError):
    pass


class IntegrityError(DatabaseError):
    pass


class InternalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


_OPERATIONAL = (1, 3, 4, 5, 6, 8, 9, 10, 13, 14, 15, 16, 17)
_CLASS_OF = {2: InternalError, 12: InternalError, 11: DatabaseError, 18: DataError,
             19: IntegrityError, 20: IntegrityError, 21: InterfaceError, 25: InterfaceError}
_NAMES = {
    1: 'ERROR', 2: 'INTERNAL', 3: 'PERM', 4: 'ABORT', 5: 'BUSY', 6: 'LOCKED', 7: 'NOMEM',
    8: 'READONLY', 9: 'INTERRUPT', 10: 'IOERR', 11: 'CORRUPT', 12: 'NOTFOUND', 13: 'FULL',
    14: 'CANTOPEN', 15: 'PROTOCOL', 16: 'EMPTY', 17: 'SCHEMA', 18: 'TOOBIG', 19: 'CONSTRAINT',
    20: 'MISMATCH', 21: 'MISUSE', 22: 'NOLFS', 23: 'AUTH', 24: 'FORMAT', 25: 'RANGE',
    26: 'NOTADB', 27: 'NOTICE', 28: 'WARNING',
    257: 'ERROR_MISSING_COLLSEQ', 513: 'ERROR_RETRY', 769: 'ERROR_SNAPSHOT',
    261: 'BUSY_RECOVERY', 517: 'BUSY_SNAPSHOT', 773: 'BUSY_TIMEOUT',
    262: 'LOCKED_SHAREDCACHE', 518: 'LOCKED_VTAB', 516: 'ABORT_ROLLBACK',
    264: 'READONLY_RECOVERY', 520: 'READONLY_CANTLOCK', 776: 'READONLY_ROLLBACK',
    1032: 'READONLY_DBMOVED', 1288: 'READONLY_CANTINIT', 1544: 'READONLY_DIRECTORY',
    270: 'CANTOPEN_NOTEMPDIR', 526: 'CANTOPEN_ISDIR', 782: 'CANTOPEN_FULLPATH',
    1038: 'CANTOPEN_CONVPATH', 1550: 'CANTOPEN_SYMLINK',
    275: 'CONSTRAINT_CHECK', 531: 'CONSTRAINT_COMMITHOOK', 787: 'CONSTRAINT_FOREIGNKEY',
    1043: 'CONSTRAINT_FUNCTION', 1299: 'CONSTRAINT_NOTNULL', 1555: 'CONSTRAINT_PRIMARYKEY',
    1811: 'CONSTRAINT_TRIGGER', 2067: 'CONSTRAINT_UNIQUE', 2323: 'CONSTRAINT_VTAB',
    2579: 'CONSTRAINT_ROWID', 2835: 'CONSTRAINT_PINNED', 3091: 'CONSTRAINT_DATATYPE',
}


def _error_of(db):
    code, message = _error(db)
    primary = code & 0xff
    cls = OperationalError if primary in _OPERATIONAL else _CLASS_OF.get(primary, DatabaseError)
    if primary == 7:
        return MemoryError()
    exc = cls(message)
    exc.sqlite_errorcode = code
    exc.sqlite_errorname = 'SQLITE_' + _NAMES[code] if code in _NAMES else None
    return exc


class PrepareProtocol:
    pass


adapters = {}
converters = {}


def register_adapter(type, adapter):
    adapters[(type, PrepareProtocol)] = adapter


def register_converter(typename, converter):
    converters[typename.upper()] = converter


def adapt(obj, proto=PrepareProtocol, alt=None):
    adapter = adapters.get((type(obj), proto))
    if adapter is not None:
        return adapter(obj)
    if alt is not None:
        return alt
    raise ProgrammingError("can't adapt")


def complete_statement(statement):
    if not isinstance(statement, str):
        raise TypeError('complete_statement() argument must be str, not ' + type(statement).__name__)
    return _complete(statement)


def _fspath(database):
    if isinstance(database, str):
        return database
    if isinstance(database, bytes):
        return database.decode()
    if hasattr(type(database), '__fspath__'):
        return _fspath(database.__fspath__())
    raise TypeError('expected str, bytes or os.PathLike object, not ' + type(database).__name__)


def _check_level(level):
    if level is None:
        return
    if not isinstance(level, str):
        raise TypeError('isolation_level must be str or None')
    if level.upper() not in ('', 'DEFERRED', 'IMMEDIATE', 'EXCLUSIVE'):
        raise ValueError("isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'")


def _is_dml(sql):
    head = sql.lstrip(' \t\r\n')[:7].lower()
    return head.startswith(('insert', 'update', 'delete', 'replace'))


class Connection:
    def __init__(self, database, timeout=5.0, detect_types=0, isolation_level='',
                 check_same_thread=True, factory=None, cached_statements=128, uri=False):
        self._db = None
        path = _fspath(database)
        _check_level(isolation_level)
        rc, db = _open(path, bool(uri), float(timeout))
        if rc:
            raise _error_of(db)
        self._db = db
        self._level = isolation_level
        self._detect_types = detect_types
        self.row_factory = None
        self.text_factory = str

    def _check(self):
        if self._db is None:
            raise ProgrammingError('Cannot operate on a closed database.')
        return self._db

    @property
    def isolation_level(self):
        return self._level

    @isolation_level.setter
    def isolation_level(self, level):
        _check_level(level)
        if level is None and self._db is not None and not _db_info(self._db, 'autocommit'):
            _exec(self._db, 'COMMIT')
        self._level = level

    @property
    def in_transaction(self):
        return not _db_info(self._check(), 'autocommit')

    @property
    def total_changes(self):
        return _db_info(self._check(), 'total_changes')

    def cursor(self, factory=None):
        self._check()
        cursor = Cursor(self) if factory is None else factory(self)
        if not isinstance(cursor, Cursor):
            raise TypeError('factory must return a cursor, not ' + type(cursor).__name__)
        if self.row_factory is not None:
            cursor.row_factory = self.row_factory
        return cursor

    def execute(self, sql, parameters=()):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, sql_script):
        return self.cursor().executescript(sql_script)

    def _end(self, what):
        db = self._check()
        if not _db_info(db, 'autocommit'):
            if _exec(db, what):
                raise _error_of(db)

    def commit(self):
        self._end('COMMIT')

    def rollback(self):
        self._end('ROLLBACK')

    def _begin(self):
        db = self._db
        if _exec(db, 'BEGIN ' + self._level):
            raise _error_of(db)

    def close(self):
        if self._db is not None:
            _close(self._db)
            self._db = None

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None and exc_value is None and traceback is None:
            failure = None
            try:
                self.commit()
            except Error as exc:
                failure = exc
            if failure is not None:
                self.rollback()
                raise failure
        else:
            self.rollback()
        return False

    def create_function(self, name, narg, func, *, deterministic=False):
        db = self._check()
        if not isinstance(name, str):
            raise TypeError('create_function() argument 1 must be str, not ' + type(name).__name__)
        if _create_function(db, name, narg, func, deterministic):
            raise OperationalError('Error creating function')

    def interrupt(self):
        self._check()

    def __call__(self, sql):
        self._check()
        if not isinstance(sql, str):
            raise TypeError('expected str, got ' + type(sql).__name__)
        return None


def _bind_one(stmt, index, value, label):
    if type(value) not in (int, float, str, bytes, bytearray, type(None)):
        value = adapt(value, PrepareProtocol, value)
    rc = _bind(stmt, index, value)
    if rc == -1:
        raise ProgrammingError('Error binding parameter ' + label + ": type '" + type(value).__name__
                               + "' is not supported")


def _bind_all(stmt, parameters):
    needed = _bind_count(stmt)
    if isinstance(parameters, dict):
        for i in range(1, needed + 1):
            name = _bind_name(stmt, i)
            if name is None:
                raise ProgrammingError('Binding ' + str(i) + ' has no name, but you supplied a dictionary'
                                       ' (which has only names).')
            missing = False
            try:
                value = parameters[name]
            except LookupError:
                missing = True
            if missing:
                raise ProgrammingError('You did not supply a value for binding parameter :' + name + '.')
            _bind_one(stmt, i, value, ':' + name)
        return
    if not isinstance(parameters, (tuple, list, str, bytes, bytearray, range)) and not (
            hasattr(type(parameters), '__getitem__') and hasattr(type(parameters), '__len__')):
        raise ProgrammingError('parameters are of unsupported type')
    supplied = len(parameters)
    if supplied != needed:
        raise ProgrammingError('Incorrect number of bindings supplied. The current statement uses '
                               + str(needed) + ', and there are ' + str(supplied) + ' supplied.')
    for i in range(supplied):
        _bind_one(stmt, i + 1, parameters[i], str(i + 1))


class Cursor:
    def __init__(self, connection):
        if not isinstance(connection, Connection):
            raise TypeError('Cursor() argument 1 must be sqlite3.Connection, not ' + type(connection).__name__)
        self._connection = connection
        self._description = None
        self._rowcount = -1
        self._lastrowid = None
        self._stmt = None
        self._dml = False
        self._types = None
        self._closed = False
        self.arraysize = 1
        self.row_factory = None

    connection = property(lambda self: self._connection)
    description = property(lambda self: self._description)
    rowcount = property(lambda self: self._rowcount)
    lastrowid = property(lambda self: self._lastrowid)

    def _check(self):
        if self._closed:
            raise ProgrammingError('Cannot operate on a closed cursor.')
        return self._connection._check()

    def _drop(self):
        if self._stmt is not None:
            _reset(self._stmt)
            self._stmt = None

    def execute(self, sql, parameters=()):
        if not isinstance(sql, str):
            raise TypeError('execute() argument 1 must be str, not ' + type(sql).__name__)
        return self._run(sql, (parameters,), False)

    def executemany(self, sql, seq_of_parameters):
        if not isinstance(sql, str):
            raise TypeError('executemany() argument 1 must be str, not ' + type(sql).__name__)
        return self._run(sql, iter(seq_of_parameters), True)

    def _prepare(self, db, sql):
        if '\x00' in sql:
            raise ProgrammingError('the query contains a null character')
        rc, stmt, more = _prepare(db, sql)
        if rc:
            raise _error_of(db)
        if more:
            raise ProgrammingError('You can only execute one statement at a time.')
        return stmt

    def _run(self, sql, all_parameters, multiple):
        db = self._check()
        self._drop()
        self._description = None
        self._rowcount = -1
        stmt = self._prepare(db, sql)
        self._dml = _is_dml(sql)
        if multiple and not self._dml:
            raise ProgrammingError('executemany() can only execute DML statements.')
        if self._dml:
            self._rowcount = 0
        conn = self._connection
        if stmt is not None and conn._level is not None and self._dml and _db_info(db, 'autocommit'):
            conn._begin()
        for parameters in all_parameters:
            if stmt is not None:
                self._step_first(db, stmt, parameters, multiple)
        if not multiple:
            self._lastrowid = _db_info(db, 'last_rowid')
        return self

    def _step_first(self, db, stmt, parameters, multiple):
        _clear(stmt)
        self._stmt = stmt
        failure = None
        try:
            _bind_all(stmt, parameters)
        except BaseException as exc:
            failure = exc
        if failure is not None:
            self._fail(None, failure)
        rc = _step(stmt)
        if rc != _ROW and rc != _DONE:
            self._fail(db)
        if self._description is None:
            names, self._types = _columns(stmt)
            if names:
                self._description = tuple((name, None, None, None, None, None, None) for name in names)
        if rc == _ROW and multiple:
            self._fail(None, ProgrammingError('executemany() can only execute DML statements.'))
        if rc == _DONE:
            if self._dml:
                self._rowcount += _db_info(db, 'changes')
            self._drop()

    def _fail(self, db, exc=None):
        if exc is None:
            exc = _error_of(db)
        self._drop()
        self._rowcount = -1
        raise exc

    def executescript(self, sql_script):
        if not isinstance(sql_script, str):
            raise TypeError('executescript() argument must be str, not ' + type(sql_script).__name__)
        db = self._check()
        if '\x00' in sql_script:
            raise ValueError('embedded null character')
        if not _db_info(db, 'autocommit') and _exec(db, 'COMMIT'):
            raise _error_of(db)
        if _script(db, sql_script):
            raise _error_of(db)
        return self

    def _convert(self):
        conn = self._connection
        values, bad = _row(self._stmt, conn.text_factory)
        if bad >= 0:
            text = values[bad].decode('utf-8', 'replace')
            raise OperationalError("Could not decode to UTF-8 column '" + self._description[bad][0]
                                   + "' with text '" + text + "'")
        if conn._detect_types & PARSE_DECLTYPES and self._types:
            values = tuple(self._decl_convert(i, v) for i, v in enumerate(values))
        return values

    def _decl_convert(self, i, value):
        decl = self._types[i]
        if value is None or decl is None:
            return value
        end = 0
        while end < len(decl) and decl[end] not in ' (':
            end += 1
        conv = converters.get(decl[:end].upper())
        if conv is None:
            return value
        if type(value) is str:
            value = value.encode()
        elif type(value) is not bytes:
            value = str(value).encode()
        return conv(value)

    def __iter__(self):
        return self

    def __next__(self):
        db = self._check()
        stmt = self._stmt
        if stmt is None:
            raise StopIteration
        row = self._convert()
        rc = _step(stmt)
        if rc == _DONE:
            if self._dml:
                self._rowcount = _db_info(db, 'changes')
            self._drop()
        elif rc != _ROW:
            self._drop()
            raise _error_of(db)
        if self.row_factory is not None:
            row = self.row_factory(self, row)
        return row

    def fetchone(self):
        for row in self:
            return row
        return None

    def fetchmany(self, size=None):
        if size is None:
            size = self.arraysize
        rows = []
        for row in self:
            rows.append(row)
            if len(rows) == size:
                break
        return rows

    def fetchall(self):
        return [row for row in self]

    def close(self):
        self._connection._check()
        self._drop()
        self._closed = True

    def setinputsizes(self, sizes):
        pass

    def setoutputsize(self, size, column=None):
        pass


class _SliceType:
    def __getitem__(self, key):
        return type(key)


_slice = _SliceType()[0:1]


class Row:
    def __init__(self, cursor, data):
        if not isinstance(cursor, Cursor):
            raise TypeError('Row() argument 1 must be sqlite3.Cursor, not ' + type(cursor).__name__)
        if not isinstance(data, tuple):
            raise TypeError('Row() argument 2 must be tuple, not ' + type(data).__name__)
        self._description = cursor.description
        self._data = data

    def keys(self):
        if self._description is None:
            return []
        return [d[0] for d in self._description]

    def __getitem__(self, key):
        if isinstance(key, (int, _slice)):
            return self._data[key]
        if isinstance(key, str):
            wanted = key.lower()
            for i, d in enumerate(self._description or ()):
                if d[0].lower() == wanted:
                    return self._data[i]
            raise IndexError('No item with that key')
        raise IndexError('Index must be int or string')

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __hash__(self):
        return hash(self._description) ^ hash(self._data)

    def __eq__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return self._description == other._description and self._data == other._data


def connect(database, timeout=5.0, detect_types=0, isolation_level='', check_same_thread=True,
            factory=Connection, cached_statements=128, uri=False):
    return factory(database, timeout, detect_types, isolation_level, check_same_thread, None,
                   cached_statements, uri)


def _install_default_adapters():
    import datetime

    def to_date(text):
        year, month, day = text.split(b'-')
        return datetime.date(int(year), int(month), int(day))

    def to_timestamp(text):
        day, clock = text.split(b' ')
        year, month, mday = day.split(b'-')
        whole, _, fraction = clock.partition(b'.')
        hour, minute, second = whole.split(b':')
        micro = int((fraction.decode() + '000000')[:6]) if fraction else 0
        return datetime.datetime(int(year), int(month), int(mday), int(hour), int(minute), int(second), micro)

    register_adapter(datetime.date, lambda value: value.isoformat())
    register_adapter(datetime.datetime, lambda value: value.isoformat(' '))
    register_converter('date', to_date)
    register_converter('timestamp', to_timestamp)


_install_default_adapters()
)PY";
}

}  // namespace loopscope::script
