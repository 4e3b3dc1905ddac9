"""aiosqlite: sqlite3 for asyncio, one worker thread per connection
(simulated by loopscope; the API of aiosqlite 0.19)."""

from sqlite3 import (DatabaseError, Error, IntegrityError, NotSupportedError,
                     OperationalError, ProgrammingError, Row, Warning, paramstyle,
                     register_adapter, register_converter, sqlite_version,
                     sqlite_version_info)

from aiosqlite.core import Connection, connect
from aiosqlite.cursor import Cursor

__version__ = "0.19.0"
__all__ = ["connect", "Connection", "Cursor", "DatabaseError", "Error", "IntegrityError",
           "NotSupportedError", "OperationalError", "ProgrammingError", "Row", "Warning",
           "paramstyle", "register_adapter", "register_converter", "sqlite_version",
           "sqlite_version_info"]
