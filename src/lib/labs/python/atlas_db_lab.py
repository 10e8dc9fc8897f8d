"""Runs a Python database lab: the learner's module, then the lab's hidden tests, each on the lab's database set up
afresh (src/lib/labs/python-db-lab.ts calls `run_lab`). A stand-in for the code labs' harness (python-format.md):
the same names — test, assert_equal, assert_true, assert_raises — plus conn, db and statements().
"""
import contextlib
import inspect
import io
import json
import traceback

from asyncpg import Connection
from asyncpg.exceptions import PostgresError

YOUR_CODE = "<your code>"


class TestConnection(Connection):
    """The tests' own connection: a transaction the learner's code left open fails the test (python-db.ts)."""

    async def _send(self, mode, sql, payload):
        try:
            return await super()._send(mode, sql, payload)
        except PostgresError as error:
            if error.sqlstate == "open-transaction":
                raise AssertionError(error.message) from None
            raise


def _harness(tests):
    def test(name):
        def register(fn):
            tests.append((name, fn))
            return fn
        return register

    def assert_equal(actual, expected, label="value"):
        if actual != expected:
            raise AssertionError(f"{label}: expected {expected!r}, got {actual!r}")

    def assert_true(value, label="condition"):
        if not value:
            raise AssertionError(f"{label}: expected something true, got {value!r}")

    async def assert_raises(exc_type, fn, label="call"):
        try:
            result = fn()
            if inspect.isawaitable(result):
                await result
        except exc_type as error:
            return error
        raise AssertionError(f"{label}: expected {exc_type.__name__} to be raised, nothing was")

    return {"test": test, "assert_equal": assert_equal, "assert_true": assert_true, "assert_raises": assert_raises}


def _where(error):
    """The line of the learner's code the error came from, if it did."""
    lines = [f.lineno for f in traceback.extract_tb(error.__traceback__) if f.filename == YOUR_CODE]
    return f" (line {lines[-1]} of your code)" if lines else ""


def _describe(error):
    if isinstance(error, AssertionError):
        return (str(error) or "an assertion failed") + _where(error)
    if isinstance(error, TypeError) and "coroutine" in str(error):
        return f"TypeError: {error}{_where(error)}. A driver call returns a coroutine: did you forget await?"
    return f"{type(error).__name__}: {error}{_where(error)}"


def _load(code, output):
    namespace = {"__name__": "solution"}
    try:
        with contextlib.redirect_stdout(output):
            exec(compile(code, YOUR_CODE, "exec"), namespace)
    except SyntaxError as error:
        return None, {"code": "SyntaxError", "message": error.msg, "line": error.lineno, "column": error.offset}
    except BaseException as error:  # noqa: BLE001 (whatever the module raises is the learner's to read)
        return None, {"code": type(error).__name__, "message": f"{error}{_where(error)}"}
    return namespace, None


async def run_lab(code, tests_source, host):
    """Runs every test; returns the run as JSON: {checks: [...], logs: [...]} or {error: {...}}."""
    output = io.StringIO()
    namespace, error = _load(code, output)
    if error:
        return json.dumps({"error": error})
    tests = []
    names = {k: v for k, v in namespace.items() if not k.startswith("__")}
    names.update(_harness(tests), __name__="lab_tests")
    exec(compile(tests_source, "<tests>", "exec"), names)
    checks = []
    for name, fn in tests:
        await host.reset()
        names["conn"] = Connection(host.learner)
        names["db"] = TestConnection(host.test)
        names["statements"] = lambda: [s["sql"] for s in json.loads(host.statements())]
        try:
            with contextlib.redirect_stdout(output):
                result = fn()
                if inspect.isawaitable(result):
                    await result
            checks.append({"name": name, "passed": True})
        except Exception as error:  # noqa: BLE001 (a failing test, whatever it raised)
            checks.append({"name": name, "passed": False, "message": _describe(error)})
    logs = output.getvalue().splitlines()[:200]
    return json.dumps({"checks": checks, "logs": logs})
