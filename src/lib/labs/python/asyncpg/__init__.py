"""An asyncpg-shaped driver for the labs' Postgres (PGlite in the page, reached through the JavaScript side).

The subset of asyncpg's Connection a backend uses: fetch, fetchrow, fetchval, execute, executemany,
copy_records_to_table, transaction() (nested: a savepoint), is_in_transaction; records read by name and by index;
asyncpg's exception classes by SQLSTATE. Arguments always travel as parameters ($1, $2 …), never in the SQL text.
Differences from asyncpg: content/README.md, "Python database labs".
"""
import json

from . import exceptions
from ._codecs import decode_value, encode_args
from .exceptions import *  # noqa: F403 (asyncpg exports its exceptions at the top too)
from .exceptions import InterfaceError, error_from
from .record import Record
from .transaction import Transaction

__all__ = ("Connection", "Record", "Transaction", "connect", "exceptions", *exceptions.__all__)


class Connection:
    """A connection to the lab's database. The lab hands one to your code; `asyncpg.connect` is not available."""

    def __init__(self, bridge):
        self._bridge = bridge
        self._top_xact = None
        self._in_transaction = False
        self._busy = False
        self._closed = False

    async def _send(self, mode, sql, payload):
        if not isinstance(sql, str):
            raise TypeError(f"the query must be a str, not {type(sql).__name__}")
        if self._closed:
            raise InterfaceError("cannot call Connection methods: the connection is closed")
        if self._busy:
            raise InterfaceError("cannot perform operation: another operation is in progress")
        self._busy = True
        try:
            reply = json.loads(await self._bridge.query(mode, sql, payload))
        finally:
            self._busy = False
        self._in_transaction = bool(reply.get("inTransaction"))
        if "error" in reply:
            raise error_from(reply["error"]) from None
        return reply

    async def _rows(self, sql, args):
        reply = await self._send("query", sql, encode_args(args))
        columns = reply["columns"]
        names = tuple(name for name, _ in columns)
        index = Record.index_of(names)
        return [
            Record(names, tuple(decode_value(v, oid) for v, (_, oid) in zip(row, columns)), index)
            for row in reply["rows"]
        ]

    async def fetch(self, query, *args, timeout=None, record_class=None):
        """Every row, as a list of Records."""
        return await self._rows(query, args)

    async def fetchrow(self, query, *args, timeout=None, record_class=None):
        """The first row, or None when there is none."""
        rows = await self._rows(query, args)
        return rows[0] if rows else None

    async def fetchval(self, query, *args, column=0, timeout=None):
        """One value of the first row (the first column unless `column` says), or None when there is no row."""
        rows = await self._rows(query, args)
        return rows[0][column] if rows else None

    async def execute(self, query, *args, timeout=None):
        """Runs a statement (or, without arguments, a script of several); returns its status, e.g. 'INSERT 0 1'."""
        if args:
            return (await self._send("query", query, encode_args(args)))["status"]
        return (await self._send("script", query, "[]"))["status"]

    async def executemany(self, command, args, *, timeout=None):
        """Runs one statement for each argument tuple, as one atomic operation: all of them, or none."""
        rows = [encode_args(tuple(values)) for values in args]
        await self._send("many", command, "[" + ",".join(rows) + "]")

    async def copy_records_to_table(self, table_name, *, records, columns=None, schema_name=None, timeout=None):
        """Loads records into a table in one operation, as asyncpg's COPY does; returns 'COPY n'."""
        rows = [encode_args(tuple(values)) for values in records]
        target = {"table": table_name, "schema": schema_name, "columns": list(columns) if columns else None}
        reply = await self._send("copy", json.dumps(target), "[" + ",".join(rows) + "]")
        return reply["status"]

    def transaction(self, *, isolation=None, readonly=False, deferrable=False):
        """A transaction to use as `async with conn.transaction():`; inside another, a savepoint."""
        return Transaction(self, isolation, readonly, deferrable)

    def is_in_transaction(self):
        return self._in_transaction

    def is_closed(self):
        return self._closed

    async def close(self, *, timeout=None):
        self._closed = True

    def __repr__(self):
        return "<asyncpg.Connection (the lab's database)>"


async def connect(*args, **kwargs):
    raise InterfaceError("a lab hands your code its connection (conn): asyncpg.connect is not available here")


async def create_pool(*args, **kwargs):
    raise InterfaceError("a lab hands your code its connection (conn): asyncpg.create_pool is not available here")
