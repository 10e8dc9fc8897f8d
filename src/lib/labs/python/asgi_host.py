"""The host side of a Python API lab, inside Pyodide (src/lib/labs/python/python-api.ts drives it).

Loaded as a module beside the guard (guard.py) and the runner (runner.py), which calls `run_request` for each
request and puts the interpreter back after it (`serve_request`). A hidden test gets one `AppInstance`: the learner's module loaded once, as a uvicorn worker loads it, so a
module-level dict is shared by the test's requests as it would be in production. Each request becomes an ASGI
`http` scope and `receive` events; what the app passes to `send` is checked against the ASGI spec and turned into
the response the host judges. `scope["state"]` holds what a lifespan would: `db` (an asyncpg-shaped connection
whose statements the host runs on PGlite and counts) and `now()`; the lab's secrets are `os.environ`.
"""

import asyncio
import http
import json
import linecache
import os
import sys
import time
import traceback
import types

# Here, in the guard's baseline: imported per request, the restore dropped it and each request paid ~100 CPU-ms.
from urllib.parse import unquote

from asyncpg import Connection

LEARNER_FILE = "app.py"


class AsgiError(Exception):
    """The app broke the ASGI contract. `key` names the message the host words in the page's language
    (src/lib/labs/api/api-words.ts, `asgi`), its {name} slots filled from `values`; str() is the key."""

    def __init__(self, key, **values):
        super().__init__(key)
        self.key = key
        self.values = {name: str(value) for name, value in values.items()}


def _text(value, what):
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1")
    if isinstance(value, str):
        return value
    raise AsgiError("notBytes", what=what, type=type(value).__name__)


def describe(error, frames):
    """An exception as the learner reads it: type, message, their line, and the traceback of their frames only,
    `frames` being (line, function) of each, as the runner read them (runner.py `serve_request`)."""
    shown = "".join(traceback.format_list([traceback.FrameSummary(LEARNER_FILE, n, name) for n, name in frames]))
    message = str(error) if isinstance(error, AsgiError) else f"{type(error).__name__}: {error}"
    said = {"name": type(error).__name__, "message": message, "traceback": shown}
    if isinstance(error, AsgiError):
        said |= {"key": error.key, "values": error.values}
    if frames:
        said["line"] = frames[-1][0]
    return said


class Response:
    """Collects http.response.start and http.response.body messages, refusing what a server would refuse."""

    def __init__(self):
        self.start = None
        self.chunks = []
        self.done = False

    async def send(self, message):
        if not isinstance(message, dict):
            raise AsgiError("sendDict", type=type(message).__name__)
        kind = message.get("type")
        if kind == "http.response.start":
            if self.start is not None:
                raise AsgiError("startedTwice")
            status = message.get("status")
            if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
                raise AsgiError("status", status=repr(status))
            headers = [(_text(k, "headerName"), _text(v, "headerValue")) for k, v in message.get("headers", [])]
            self.start = {"status": status, "headers": headers}
        elif kind == "http.response.body":
            if self.start is None:
                raise AsgiError("bodyFirst")
            if self.done:
                raise AsgiError("bodyAfterEnd")
            body = message.get("body", b"")
            if not isinstance(body, (bytes, bytearray, memoryview)):
                raise AsgiError("bodyBytes", type=type(body).__name__)
            self.chunks.append(bytes(body))
            self.done = not message.get("more_body", False)
        else:
            raise AsgiError("messageType", kind=repr(kind))

    def result(self):
        if self.start is None:
            raise AsgiError("noResponse")
        if not self.done:
            raise AsgiError("unfinished")
        status = self.start["status"]
        try:
            reason = http.HTTPStatus(status).phrase
        except ValueError:
            reason = ""
        body = b"".join(self.chunks).decode("utf-8", errors="replace")
        return {"status": status, "statusText": reason, "headers": self.start["headers"], "body": body}


def scope_of(request, state):
    """The ASGI http scope for one request, as uvicorn builds it."""
    path, _, query = request["path"].partition("?")
    headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in request["headers"]]
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "method": request["method"].upper(),
        "scheme": "http",
        "path": unquote(path),
        "raw_path": path.encode("latin-1"),
        "query_string": query.encode("latin-1"),
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 51000),
        "server": ("lab.test", 80),
        "state": dict(state),
    }


class AppInstance:
    """The learner's module, loaded on the first request of a hidden test and kept for the test's other requests."""

    def __init__(self, code, env):
        self.code = code
        self.env = env
        self.module = None

    def load(self):
        # Tracebacks quote the learner's lines, as they would from a file.
        linecache.cache[LEARNER_FILE] = (len(self.code), None, self.code.splitlines(True), LEARNER_FILE)
        module = types.ModuleType("app")
        module.__file__ = LEARNER_FILE
        sys.modules["app"] = module
        exec(compile(self.code, LEARNER_FILE, "exec"), module.__dict__)
        app = getattr(module, "app", None)
        if not callable(app):
            raise AsgiError("noApp")
        self.module = module

    async def handle(self, request, state, limit):
        """The outcome of one request: the response, or the exception the runner describes, or stopped."""
        response = Response()
        started = time.monotonic()
        body_sent = False

        async def receive():
            nonlocal body_sent
            if body_sent:
                return {"type": "http.disconnect"}
            body_sent = True
            return {"type": "http.request", "body": (request["body"] or "").encode("utf-8"), "more_body": False}

        # The runner puts the environment back after each request: the lab's secrets are set for each.
        os.environ.clear()
        os.environ.update(self.env)
        try:
            if self.module is None:
                self.load()
            call = self.module.app(scope_of(request, state), receive, response.send)
            if not asyncio.iscoroutine(call):
                raise AsgiError("notAsync")
            await asyncio.wait_for(call, timeout=limit)
            return {"response": response.result()}
        except asyncio.TimeoutError:
            return {"stopped": True}
        except KeyboardInterrupt as error:
            # The host's interrupt comes at the limit (python-api.ts); one raised sooner is the app's own.
            if time.monotonic() - started >= limit - 0.05:
                return {"stopped": True}
            return {"error": error}
        except MemoryError:
            # Its traceback holds the frames that hold the memory: a new one frees it for the report.
            return {"error": MemoryError()}
        except BaseException as error:  # the learner's exception, whatever it is, becomes the report
            if response.done and not isinstance(error, AsgiError):
                return {"response": response.result(), "late": error}
            return {"error": error}

    def close(self):
        """The test is over; the runner's next start puts the interpreter back as it was."""
        self.module = None


def check_syntax(code):
    """None when the module compiles, else the SyntaxError as the learner reads it."""
    try:
        compile(code, LEARNER_FILE, "exec")
        return None
    except SyntaxError as error:
        said = {"name": type(error).__name__, "message": f"{type(error).__name__}: {error.msg}", "line": error.lineno}
        return json.dumps(said | ({"column": error.offset} if error.offset else {}))


async def run_request(instance, request_json, host, now_ms, limit):
    """One request through `instance`, on the host's database (`host.query(mode, sql, payload)` answers the
    driver); the outcome, whose errors the runner describes."""
    request = json.loads(request_json)
    state = {"db": Connection(host), "now": _clock(now_ms)}
    return await instance.handle(request, state, limit)


def _clock(now_ms):
    from datetime import datetime, timezone

    instant = datetime.fromtimestamp(now_ms / 1000, tz=timezone.utc)
    return lambda: instant
