"""asyncpg's exception names for the errors a lab meets, chosen by the SQLSTATE Postgres reports.

As in asyncpg, each class carries ``sqlstate`` and the server's fields (``message``, ``detail``, ``hint``,
``constraint_name``, ``table_name``, ``column_name``, ``schema_name``), and a code without a class of its own
falls back to its class's (the first two characters), then to ``PostgresError``.
"""


class PostgresMessage:
    sqlstate = None


class PostgresError(PostgresMessage, Exception):
    """An error Postgres reported."""

    def __init__(self, message="", *, detail=None, hint=None, constraint_name=None, table_name=None,
                 column_name=None, schema_name=None, position=None, sqlstate=None):
        super().__init__(message)
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint_name = constraint_name
        self.table_name = table_name
        self.column_name = column_name
        self.schema_name = schema_name
        self.position = position
        if sqlstate is not None:
            self.sqlstate = sqlstate

    def as_dict(self):
        keys = ("message", "detail", "hint", "constraint_name", "table_name", "column_name", "schema_name")
        return {key: getattr(self, key) for key in keys if getattr(self, key) is not None}


class InterfaceError(Exception):
    """A misuse of the driver itself, caught before anything reaches Postgres."""


class InterfaceWarning(UserWarning):
    pass


def _error(name, sqlstate, base):
    return type(name, (base,), {"sqlstate": sqlstate, "__module__": __name__})


PostgresWarning = _error("PostgresWarning", "01000", PostgresError)
CardinalityViolationError = _error("CardinalityViolationError", "21000", PostgresError)


class DataError(PostgresError, ValueError):
    """Class 22, data exceptions; also raised, as asyncpg does, for a query argument the driver cannot send."""

    sqlstate = "22000"


StringDataRightTruncationError = _error("StringDataRightTruncationError", "22001", DataError)
NumericValueOutOfRangeError = _error("NumericValueOutOfRangeError", "22003", DataError)
InvalidDatetimeFormatError = _error("InvalidDatetimeFormatError", "22007", DataError)
DatetimeFieldOverflowError = _error("DatetimeFieldOverflowError", "22008", DataError)
DivisionByZeroError = _error("DivisionByZeroError", "22012", DataError)
InvalidTextRepresentationError = _error("InvalidTextRepresentationError", "22P02", DataError)
# Class 23: integrity constraint violations.
IntegrityConstraintViolationError = _error("IntegrityConstraintViolationError", "23000", PostgresError)
RestrictViolationError = _error("RestrictViolationError", "23001", IntegrityConstraintViolationError)
NotNullViolationError = _error("NotNullViolationError", "23502", IntegrityConstraintViolationError)
ForeignKeyViolationError = _error("ForeignKeyViolationError", "23503", IntegrityConstraintViolationError)
UniqueViolationError = _error("UniqueViolationError", "23505", IntegrityConstraintViolationError)
CheckViolationError = _error("CheckViolationError", "23514", IntegrityConstraintViolationError)
ExclusionViolationError = _error("ExclusionViolationError", "23P01", IntegrityConstraintViolationError)
# Class 25: invalid transaction state.
InvalidTransactionStateError = _error("InvalidTransactionStateError", "25000", PostgresError)
ActiveSQLTransactionError = _error("ActiveSQLTransactionError", "25001", InvalidTransactionStateError)
NoActiveSQLTransactionError = _error("NoActiveSQLTransactionError", "25P01", InvalidTransactionStateError)
InFailedSQLTransactionError = _error("InFailedSQLTransactionError", "25P02", InvalidTransactionStateError)
ReadOnlySQLTransactionError = _error("ReadOnlySQLTransactionError", "25006", InvalidTransactionStateError)
# Class 40: transaction rollback.
TransactionRollbackError = _error("TransactionRollbackError", "40000", PostgresError)
SerializationError = _error("SerializationError", "40001", TransactionRollbackError)
DeadlockDetectedError = _error("DeadlockDetectedError", "40P01", TransactionRollbackError)
# Class 42: syntax errors and access rule violations.
SyntaxOrAccessError = _error("SyntaxOrAccessError", "42000", PostgresError)
InsufficientPrivilegeError = _error("InsufficientPrivilegeError", "42501", SyntaxOrAccessError)
PostgresSyntaxError = _error("PostgresSyntaxError", "42601", SyntaxOrAccessError)
UndefinedColumnError = _error("UndefinedColumnError", "42703", SyntaxOrAccessError)
UndefinedFunctionError = _error("UndefinedFunctionError", "42883", SyntaxOrAccessError)
UndefinedTableError = _error("UndefinedTableError", "42P01", SyntaxOrAccessError)
UndefinedObjectError = _error("UndefinedObjectError", "42704", SyntaxOrAccessError)
DuplicateColumnError = _error("DuplicateColumnError", "42701", SyntaxOrAccessError)
DuplicateTableError = _error("DuplicateTableError", "42P07", SyntaxOrAccessError)
DuplicateObjectError = _error("DuplicateObjectError", "42710", SyntaxOrAccessError)
AmbiguousColumnError = _error("AmbiguousColumnError", "42702", SyntaxOrAccessError)
DatatypeMismatchError = _error("DatatypeMismatchError", "42804", SyntaxOrAccessError)
GroupingError = _error("GroupingError", "42803", SyntaxOrAccessError)
# Classes 55 and 57: objects in use, operator intervention.
ObjectNotInPrerequisiteStateError = _error("ObjectNotInPrerequisiteStateError", "55000", PostgresError)
LockNotAvailableError = _error("LockNotAvailableError", "55P03", ObjectNotInPrerequisiteStateError)
OperatorInterventionError = _error("OperatorInterventionError", "57000", PostgresError)
QueryCanceledError = _error("QueryCanceledError", "57014", OperatorInterventionError)
# Class P0: PL/pgSQL (RAISE EXCEPTION in a function or DO block).
PLPGSQLError = _error("PLPGSQLError", "P0000", PostgresError)
RaiseError = _error("RaiseError", "P0001", PLPGSQLError)

_BY_SQLSTATE = {
    cls.sqlstate: cls for cls in list(globals().values())
    if isinstance(cls, type) and issubclass(cls, PostgresError) and cls.sqlstate
}


def error_from(fields):
    """The exception for an error Postgres reported (its fields as the JavaScript side sends them)."""
    code = fields.get("code") or ""
    cls = _BY_SQLSTATE.get(code) or _BY_SQLSTATE.get(code[:2] + "000") or PostgresError
    return cls(
        fields.get("message") or "the query failed",
        detail=fields.get("detail"),
        hint=fields.get("hint"),
        constraint_name=fields.get("constraint"),
        table_name=fields.get("table"),
        column_name=fields.get("column"),
        schema_name=fields.get("schema"),
        position=fields.get("position"),
        sqlstate=code or None,
    )


__all__ = [name for name, value in globals().items() if isinstance(value, type) and issubclass(value, Exception)]
