"""asyncpg's Transaction: BEGIN … COMMIT, or ROLLBACK when the block raises; inside another one, a savepoint."""
from .exceptions import InterfaceError

_ISOLATION = {
    "read_committed": "READ COMMITTED",
    "read_uncommitted": "READ UNCOMMITTED",
    "repeatable_read": "REPEATABLE READ",
    "serializable": "SERIALIZABLE",
}


class Transaction:
    def __init__(self, connection, isolation, readonly, deferrable):
        if isolation is not None and isolation not in _ISOLATION:
            raise ValueError(f"isolation is expected to be one of {sorted(_ISOLATION)}, got {isolation!r}")
        self._connection = connection
        self._isolation = isolation
        self._readonly = readonly
        self._deferrable = deferrable
        self._state = "new"
        self._savepoint = None

    def _begin(self):
        words = ["BEGIN"]
        if self._isolation:
            words.append("ISOLATION LEVEL " + _ISOLATION[self._isolation])
        if self._readonly:
            words.append("READ ONLY")
        if self._deferrable:
            words.append("DEFERRABLE")
        return " ".join(words)

    async def start(self):
        """Starts the transaction (or the savepoint); `async with` calls it for you."""
        if self._state != "new":
            raise InterfaceError(f"cannot start; the transaction is already {self._state}")
        connection = self._connection
        top = connection._top_xact
        if top is None:
            if connection.is_in_transaction():
                raise InterfaceError("cannot use Connection.transaction() in a manually started transaction")
            sql = self._begin()
        else:
            if self._isolation and self._isolation != top._isolation:
                raise InterfaceError("nested transaction has a different isolation level: current "
                                     f"{top._isolation!r} != outer {self._isolation!r}")
            connection._savepoints = getattr(connection, "_savepoints", 0) + 1
            self._savepoint = f"_atlas_savepoint_{connection._savepoints}"
            sql = f"SAVEPOINT {self._savepoint}"
        await connection.execute(sql)
        if top is None:
            connection._top_xact = self
        self._state = "started"

    async def _finish(self, commit):
        if self._state != "started":
            raise InterfaceError(f"cannot {'commit' if commit else 'rollback'}; the transaction is {self._state}")
        self._state = "committed" if commit else "rolled back"
        connection = self._connection
        if connection._top_xact is self:
            connection._top_xact = None
        if self._savepoint:
            sql = f"RELEASE SAVEPOINT {self._savepoint}" if commit else f"ROLLBACK TO {self._savepoint}"
        else:
            sql = "COMMIT" if commit else "ROLLBACK"
        await connection.execute(sql)

    async def commit(self):
        await self._finish(True)

    async def rollback(self):
        await self._finish(False)

    async def __aenter__(self):
        await self.start()
        return self

    async def __aexit__(self, exc_type, exc, tb):
        if exc_type is None:
            await self.commit()
        elif self._state == "started":
            await self.rollback()
        return False

    def __repr__(self):
        return f"<asyncpg.Transaction state={self._state}>"
