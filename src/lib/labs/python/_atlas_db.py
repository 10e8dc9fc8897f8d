"""An asyncpg-shaped connection over the host's PGlite, for Python API labs (python-format.md, shape 2).

Kept to what the labs use: fetch, fetchrow, fetchval, execute, executemany and `async with conn.transaction()`
(nested: a savepoint); records read as row["col"] and row[0]; errors are PostgresError with asyncpg's fields. Every
statement goes through `host.query(sql, params_json)`, which the host records, counts and runs, and which answers
JSON text: {"ok": true, "answer": {"rows", "fields", "rowCount"}} as PGlite gives them, or {"ok": false, "answer":
{"message", "code", ...}} with node-postgres's error fields.
"""

import datetime
import decimal
import json
import sys
import types
import uuid

TIMESTAMPTZ, TIMESTAMP, DATE, NUMERIC, JSON, JSONB = 1184, 1114, 1082, 1700, 114, 3802


class PostgresError(Exception):
    """A statement failed in Postgres; sqlstate and the fields asyncpg gives."""

    sqlstate = None

    def __init__(self, fields):
        super().__init__(fields.get("message", "the statement failed"))
        self.sqlstate = fields.get("code")
        self.detail = fields.get("detail")
        self.hint = fields.get("hint")
        self.constraint_name = fields.get("constraint")
        self.table_name = fields.get("table")
        self.column_name = fields.get("column")
        self.schema_name = fields.get("schema")


def _error_class(name, code):
    return type(name, (PostgresError,), {"sqlstate": code})


ERRORS = {
    "23505": _error_class("UniqueViolationError", "23505"),
    "23503": _error_class("ForeignKeyViolationError", "23503"),
    "23502": _error_class("NotNullViolationError", "23502"),
    "23514": _error_class("CheckViolationError", "23514"),
    "22P02": _error_class("InvalidTextRepresentationError", "22P02"),
    "22003": _error_class("NumericValueOutOfRangeError", "22003"),
    "40001": _error_class("SerializationError", "40001"),
}


def _raise(fields):
    raise ERRORS.get(fields.get("code"), PostgresError)(fields)


class Record:
    """A row: by column name, by position, and as dict(row)."""

    __slots__ = ("_names", "_values")

    def __init__(self, names, values):
        self._names = names
        self._values = values

    def __getitem__(self, key):
        if isinstance(key, (int, slice)):
            return self._values[key]
        try:
            return self._values[self._names.index(key)]
        except ValueError:
            raise KeyError(key) from None

    def get(self, key, default=None):
        return self[key] if key in self._names else default

    def keys(self):
        return iter(self._names)

    def values(self):
        return iter(self._values)

    def items(self):
        return iter(zip(self._names, self._values))

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __contains__(self, key):
        return key in self._names

    def __repr__(self):
        return "<Record " + " ".join(f"{k}={v!r}" for k, v in self.items()) + ">"


def _value(raw, type_id):
    if raw is None:
        return None
    if isinstance(raw, dict) and "$date" in raw and len(raw) == 1:
        instant = datetime.datetime.fromisoformat(raw["$date"].replace("Z", "+00:00"))
        return instant.replace(tzinfo=None) if type_id == TIMESTAMP else instant
    if type_id == DATE and isinstance(raw, str):
        return datetime.date.fromisoformat(raw)
    if type_id == NUMERIC:
        return decimal.Decimal(str(raw))
    if type_id in (JSON, JSONB):
        return json.dumps(raw)  # asyncpg gives json and jsonb as text: json.loads(row["data"])
    return raw


def _param(value, i):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return value.isoformat(sep=" ")
        return {"$date": value.astimezone(datetime.timezone.utc).isoformat().replace("+00:00", "Z")}
    if isinstance(value, (datetime.date, decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_param(v, i) for v in value]
    raise TypeError(f"query argument ${i + 1}: a {type(value).__name__} cannot be sent to Postgres (json.dumps it for a json column)")


def _status(sql, count):
    word = (sql.split(None, 1) or ["SELECT"])[0].upper()
    return f"INSERT 0 {count}" if word == "INSERT" else f"{word} {count}"


class Transaction:
    """`async with conn.transaction():` BEGIN … COMMIT, or ROLLBACK when the block raises; nested, a savepoint."""

    def __init__(self, conn):
        self.conn = conn
        self.savepoint = None

    async def __aenter__(self):
        depth = self.conn._depth
        if depth:
            self.savepoint = f"atlas_sp_{depth}"
            await self.conn.execute(f"SAVEPOINT {self.savepoint}")
        else:
            await self.conn.execute("BEGIN")
        self.conn._depth += 1
        return self

    async def __aexit__(self, kind, error, tb):
        self.conn._depth -= 1
        if self.savepoint:
            sql = f"RELEASE SAVEPOINT {self.savepoint}" if kind is None else f"ROLLBACK TO SAVEPOINT {self.savepoint}"
        else:
            sql = "COMMIT" if kind is None else "ROLLBACK"
        await self.conn.execute(sql)
        return False


class Connection:
    """What `scope["state"]["db"]` is: asyncpg's Connection API, on the lab's Postgres."""

    def __init__(self, host):
        self._host = host
        self._depth = 0

    async def _run(self, sql, args):
        if not isinstance(sql, str):
            raise TypeError("the first argument is the SQL, as a string; its values go after it: fetch(sql, a, b)")
        params = json.dumps([_param(v, i) for i, v in enumerate(args)])
        said = json.loads(await self._host.query(sql, params))
        answer = said["answer"]
        if not said["ok"]:
            _raise(answer)
        fields = answer.get("fields", [])
        names = [f["name"] for f in fields]
        rows = [Record(names, [_value(row.get(f["name"]), f["dataTypeID"]) for f in fields]) for row in answer["rows"]]
        return rows, answer.get("rowCount", 0)

    async def fetch(self, sql, *args):
        rows, _ = await self._run(sql, args)
        return rows

    async def fetchrow(self, sql, *args):
        rows, _ = await self._run(sql, args)
        return rows[0] if rows else None

    async def fetchval(self, sql, *args, column=0):
        row = await self.fetchrow(sql, *args)
        return None if row is None else row[column]

    async def execute(self, sql, *args):
        _, count = await self._run(sql, args)
        return _status(sql.strip(), count)

    async def executemany(self, sql, args):
        for values in args:
            await self._run(sql, values)

    def transaction(self):
        return Transaction(self)


def install():
    """`import asyncpg` finds these names (exceptions included), as in a project that uses asyncpg."""
    module = types.ModuleType("asyncpg")
    exceptions = types.ModuleType("asyncpg.exceptions")
    for cls in [PostgresError, *ERRORS.values()]:
        setattr(module, cls.__name__, cls)
        setattr(exceptions, cls.__name__, cls)
    module.Connection, module.Record, module.exceptions = Connection, Record, exceptions
    sys.modules["asyncpg"], sys.modules["asyncpg.exceptions"] = module, exceptions
