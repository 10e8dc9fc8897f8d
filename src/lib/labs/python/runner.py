"""The Python labs' runner, called by JavaScript only (python-lab.ts): loads the learner's module, registers the
lab's tests and runs one test at a time, answering each with its verdict as plain values. It runs in the harness's
private namespace, after guard.py, and defines no class, so no object the learner can reach leads back to it (the
guard refuses frames and the garbage collector's lists). The guard stays on for everything but the moment the runner
reads a traceback's frames; between phases the interpreter is put back as the baseline had it. A database lab's
tests also get, fresh for each test, the learner's `conn`, their own `db` and `statements()` (database_names).
"""

import asyncio
import gc
import json
import sys
import time
import types

SOLUTION = "solution.py"
TESTS = "tests.py"
state = {}


def begin():
    """Takes the baseline once (after the first run's imports settled), then starts the run from it."""
    if "base" not in state:
        install()
        state["base"] = baseline()
    restore(state["base"])
    state.pop("solution", None)
    state["tasks"] = set(asyncio.all_tasks(asyncio.get_event_loop()))
    state["serving"] = set()


def _learner_frames(error, source):
    """(line, function) of each frame of the learner's file the traceback passes through; harness frames are cut."""
    found = []
    tb = error.__traceback__
    # Frames are read with the guard off and the collector paused, so no finalizer of the learner's runs meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    active[0] = False
    try:
        while tb is not None:
            code = tb.tb_frame.f_code
            if code.co_filename == source:
                found.append((tb.tb_lineno, code.co_name))
            tb = tb.tb_next
    finally:
        active[0] = True
        if collecting:
            gc.enable()
    return found


def _learner_line(error, source):
    """The last line of the learner's file the traceback passes through."""
    frames = _learner_frames(error, source)
    if frames:
        return frames[-1][0]
    if isinstance(error, SyntaxError) and error.filename == source:
        return error.lineno
    return None


def _message(error):
    try:
        text = str(error)
    except BaseException:
        text = "(its message could not be read)"
    return text


def _describe(error, lines):
    """[code, message, line] of an error, naming the learner's line where the traceback passes through it."""
    if isinstance(error, KeyboardInterrupt):
        return ["Stopped", "", None]
    line = _learner_line(error, SOLUTION)
    message = _message(error)
    if isinstance(error, SyntaxError):
        message = error.msg
    name = type(error).__name__
    if getattr(error, "sqlstate", None) == "open-transaction":
        # The tests' own connection found a transaction the learner's code left open (python-db-session.ts).
        return ["AssertionError", message, line]
    if isinstance(error, TypeError) and "coroutine" in message:
        message += ". A driver call returns a coroutine: did you forget await?"
    if line is not None and 0 < line <= len(lines):
        message = f"{message}\n  File \"{SOLUTION}\", line {line}\n    {lines[line - 1].strip()}"
    return [name, message, line]


def load_solution(code):
    """Runs the learner's module; None, or [code, message, line] of the error that stopped it."""
    module = types.ModuleType("solution")
    module.__file__ = SOLUTION
    sys.modules["solution"] = module
    state["solution"] = module
    state["lines"] = code.splitlines()
    try:
        exec(compile(code, SOLUTION, "exec", dont_inherit=True), module.__dict__)
    except BaseException as error:
        return _describe(error, state["lines"])
    finally:
        restore(state["base"], keep=("solution",))
    return None


def load_tests(source, helpers, database=None, words="{}"):
    """Runs the tests script with the helpers and the learner's names: ["names", [...]], or ["error", message] when
    the lab's own tests do not load (an author's mistake, reported as the engine failing). A database lab passes its
    `database` (python-db-lab.ts), over which each test gets new connections. `words` are what failures say, as JSON
    (python-words.ts): the helpers' and the runner's."""
    state["database"] = database
    state["words"] = json.loads(words)
    try:
        return ["names", _load_tests(source, helpers)]
    except BaseException as error:
        return ["error", f"the lab's tests did not load: {type(error).__name__}: {_message(error)}"]


def _helpers(source, pristine, name):
    namespace = {"__builtins__": dict(pristine), "__name__": name}
    namespace["_WORDS"] = types.MappingProxyType(dict(state["words"]["helpers"]))
    exec(compile(source, "helpers.py", "exec", dont_inherit=True), namespace)
    return namespace


def _load_tests(source, helpers):
    pristine = dict(state["base"].builtins)
    helper_ns = _helpers(helpers, pristine, "lab_helpers")
    # The clock is handed to learner code, and a method's __globals__ is readable (Python audits no such read): its
    # class comes from a namespace of its own, whose registry of tests is empty, so it leads to no test.
    clock_ns = _helpers(helpers, pristine, "lab_clock")
    names = {k: v for k, v in state["solution"].__dict__.items() if not k.startswith("__")}
    public = {k: helper_ns[k] for k in ("test", "assert_equal", "assert_true", "assert_raises", "observe")}
    public["FakeClock"] = clock_ns["FakeClock"]
    tests_ns = {**names, **public, "__builtins__": dict(pristine), "__name__": "lab_tests"}
    given = database_names(state["database"]) if state["database"] is not None else {}
    tests_ns.update(given)
    exec(compile(source, TESTS, "exec", dont_inherit=True), tests_ns)
    state["tests_ns"] = tests_ns
    state["observed"] = helper_ns["_observed"]
    state["tests"] = list(helper_ns["_registered"])
    # Every name of the tests stays bound to what it was (a callback the tests hand over leads here), but the
    # database names, given afresh to each test and checked apart (`_tampered`).
    fixed = {k: v for k, v in tests_ns.items() if k not in given}
    state["untouched"] = [(helper_ns, dict(helper_ns)), (clock_ns, dict(clock_ns)), (tests_ns, fixed)]
    state["untouched"] += [(vars(public["FakeClock"]), dict(vars(public["FakeClock"])))]
    return [name for name, _ in state["tests"]]


def database_names(database):
    """A database lab's names for one test: the learner's `conn`, the tests' own `db`, and `statements()`, the SQL
    `conn` sent in this test, as the host recorded it where the learner's code cannot reach."""
    from asyncpg import Connection

    def statements():
        return [s["sql"] for s in json.loads(database.statements())]

    return {"conn": Connection(database.learner), "db": Connection(database.test), "statements": statements}


def _tampered(names):
    tests_ns = state["tests_ns"]
    if any(tests_ns.get(k) is not v for k, v in names.items()):
        return True
    return any(any(now.get(k) is not v for k, v in saved.items()) for now, saved in state["untouched"])


async def _call(fn, limit):
    result = fn()
    if asyncio.iscoroutine(result):
        await asyncio.wait_for(result, limit)


def _observations():
    """What the test observed, as JSON text: [[label, text], ...], or None when the list was tampered with."""
    observed = state["observed"]
    taken = list(observed)
    observed.clear()
    if any(type(o) is not list or len(o) != 2 or type(o[0]) is not str or type(o[1]) is not str for o in taken):
        return None
    return json.dumps(taken)


async def run_test(index, limit):
    """Runs test `index` with at most `limit` seconds left: ["pass" | "fail" | "stopped", message, line, observed],
    where `observed` is what the test's `observe` calls recorded, as JSON text (python-lab.ts compares it)."""
    _, fn = state["tests"][index]
    state["observed"].clear()
    names = {}
    if state["database"] is not None:
        names = database_names(state["database"])
        state["tests_ns"].update(names)
    verdict = ["pass", None, None]
    started = time.monotonic()
    try:
        await _call(fn, max(limit, 0.001))
    except (TimeoutError, asyncio.TimeoutError):
        verdict = ["fail", state["words"]["runner"]["waited"], None]
    except KeyboardInterrupt as error:
        # The host's interrupt comes at the limit; one raised sooner is the code's own.
        if time.monotonic() - started < limit - 0.05:
            verdict = ["fail", "KeyboardInterrupt: " + _message(error), _learner_line(error, SOLUTION)]
        else:
            verdict = ["stopped", None, None]
    except BaseException as error:
        code, message, line = _describe(error, state["lines"])
        verdict = ["fail", message if code == "AssertionError" else f"{code}: {message}", line]
    tampered = _tampered(names)
    end_test()
    # Written after end_test put the json module back as the baseline had it.
    observed = _observations()
    if verdict[0] == "pass" and (tampered or observed is None):
        verdict = ["fail", state["words"]["runner"]["tampered"], None]
    return [*verdict, observed or "[]"]


def end_test():
    """Cancels what the test left running and puts the interpreter back, keeping the learner's module."""
    for task in asyncio.all_tasks(asyncio.get_event_loop()) - state["tasks"] - {asyncio.current_task()}:
        task.cancel()
    restore(state["base"], keep=("solution",))


def end():
    """The run is over: nothing of it stays."""
    end_test()
    sys.modules.pop("solution", None)
    state.pop("solution", None)
    state.pop("tests", None)
    state.pop("untouched", None)
    state.pop("tests_ns", None)
    state.pop("observed", None)
    state.pop("database", None)


async def serve_request(host, instance, *request):
    """One request of an API lab's app (asgi_host.py `run_request`) under the guard. The learner's errors are read
    here, where frames may be; then the interpreter is put back, the app's module kept for the test's next request,
    and the outcome leaves as JSON written by modules as the baseline had them."""
    serving = state["serving"]
    serving.add(asyncio.current_task())
    try:
        outcome = await host.run_request(instance, *request)
    except KeyboardInterrupt:
        # The host's interrupt came after the app had returned: the request was stopped all the same.
        outcome = {"stopped": True}
    finally:
        serving.discard(asyncio.current_task())
    for key in ("error", "late"):
        if key in outcome:
            error = outcome[key]
            outcome[key] = host.describe(error, _learner_frames(error, host.LEARNER_FILE))
    # Requests sent at once share the loop: what a request left running is cancelled once none is still being served.
    if not serving:
        for task in asyncio.all_tasks(asyncio.get_event_loop()) - state["tasks"] - {asyncio.current_task()}:
            task.cancel()
    restore(state["base"], keep=("app",))
    return json.dumps(outcome)
