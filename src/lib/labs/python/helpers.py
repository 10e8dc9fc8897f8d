"""The names a Python lab's tests may rely on (content/README.md, "Python labs"): test, assert_equal, assert_true,
assert_raises, observe and FakeClock. Run afresh for every run, into the tests' own namespace, so a helper changed by one run
is gone in the next; the runner checks after each test that none was replaced or changed while it ran.

Equality is strict about types: an object whose __eq__ always answers True is not equal to 1, and True is not 1.
"""

import datetime as _datetime
import decimal as _decimal
import fractions as _fractions
import inspect as _inspect
import uuid as _uuid

# The words failures are written in, in the page's language: runner.py puts them here before this file runs (the
# English ones, src/lib/labs/python/python-words.ts, when a page has no other), as a read-only mapping.
_WORDS = globals().get("_WORDS") or {}
_registered = []
# What `observe` recorded in the test that runs, as [label, text]: the runner takes it after each test.
_observed = []


def test(name):
    """Registers the decorated function (sync or async) as a test the learner reads under `name`."""

    def register(fn):
        _registered.append((str(name), fn))
        return fn

    return register


_ATOMS = (int, float, complex, str, bytes, bool, type(None))


def _same(actual, expected):
    kind = type(expected)
    if type(actual) is not kind:
        return False
    if kind in _ATOMS:
        return actual == expected or (kind is float and actual != actual and expected != expected)
    if kind in (list, tuple):
        return len(actual) == len(expected) and all(_same(a, e) for a, e in zip(actual, expected))
    if kind is dict:
        return actual.keys() == expected.keys() and all(_same(actual[k], expected[k]) for k in expected)
    if kind in (set, frozenset):
        return actual == expected and all(type(a) in _ATOMS for a in actual)
    return expected == actual


def _say(name, **values):
    """A template of _WORDS with its {slots} filled: only the template is parsed, so a value may hold braces."""
    return _WORDS[name].format_map(values)


def _show(value):
    try:
        text = repr(value)
    except Exception as error:
        text = _say("reprRaised", error=type(error).__name__)
    return text if len(text) <= 300 else text[:300] + "…"


def _type_note(actual, expected):
    if type(actual) is type(expected) or actual is None or expected is None:
        return ""
    return _say("typeNote", actual=type(actual).__name__, expected=type(expected).__name__)


def assert_equal(actual, expected, label=None):
    """Fails unless `actual` equals `expected` deeply, with the same types (1 is not 1.0, True is not 1)."""
    if not _same(actual, expected):
        note = _type_note(actual, expected)
        label = _WORDS["value"] if label is None else label
        raise AssertionError(_say("expectedGot", label=label, expected=_show(expected), actual=_show(actual), note=note))


def assert_true(value, label=None):
    """Fails unless `value` is exactly True."""
    if value is not True:
        label = _WORDS["condition"] if label is None else label
        raise AssertionError(_say("expectedTrue", label=label, actual=_show(value)))


_MAX_ITEMS = 1000
# Values of these exact types are shown by their own repr, which learner code cannot change for them.
_SHOWN = (
    *_ATOMS,
    _datetime.datetime,
    _datetime.date,
    _datetime.time,
    _datetime.timedelta,
    _datetime.timezone,
    _decimal.Decimal,
    _fractions.Fraction,
    _uuid.UUID,
)


def _plain(value, depth=0):
    """`value` as text built from exact built-in types only, so no method of the learner's runs and no repr of theirs
    can pose as a value: anything else is shown as an object of its type."""
    kind = type(value)
    if kind in _SHOWN:
        return repr(value)
    if depth > 20:
        return "…"
    if kind in (list, tuple, set, frozenset):
        items = [_plain(v, depth + 1) for v in list(value)[:_MAX_ITEMS]]
        if len(value) > _MAX_ITEMS:
            items.append(f"… {len(value) - _MAX_ITEMS} more")
        if kind in (set, frozenset):
            items.sort()
        inner = ", ".join(items)
        if kind is list:
            return f"[{inner}]"
        if kind is tuple:
            return f"({inner}{',' if len(items) == 1 else ''})"
        return f"{kind.__name__}({{{inner}}})"
    if kind is dict:
        pairs = [f"{_plain(k, depth + 1)}: {_plain(v, depth + 1)}" for k, v in list(value.items())[:_MAX_ITEMS]]
        return "{" + ", ".join(pairs) + "}"
    return f"<a {kind.__name__} object>"


def observe(value, label="value"):
    """Records `value` to be compared, outside this interpreter, with what the lab's reference solution gives at the
    same point of the same test. Tests that compare with a model use it, so that no model is where learner code can
    reach it."""
    _observed.append([str(label), _plain(value)])


async def _settle(result):
    return await result


def assert_raises(exc_type, fn, label=None):
    """Calls `fn()` and returns the exception of `exc_type` it raised; fails if it raised none or another kind.
    When `fn` is a coroutine function, returns an awaitable: `await assert_raises(...)`."""
    label = _WORDS["call"] if label is None else label
    if _inspect.iscoroutinefunction(fn):
        return _raises_async(exc_type, fn, label)
    try:
        fn()
    except exc_type as error:
        return error
    except Exception as error:
        got = f"{type(error).__name__}: {error}"
        raise AssertionError(_say("raisedOther", label=label, expected=exc_type.__name__, error=got)) from None
    raise AssertionError(_say("raisedNothing", label=label, expected=exc_type.__name__))


async def _raises_async(exc_type, fn, label):
    try:
        await fn()
    except exc_type as error:
        return error
    except Exception as error:
        got = f"{type(error).__name__}: {error}"
        raise AssertionError(_say("raisedOther", label=label, expected=exc_type.__name__, error=got)) from None
    raise AssertionError(_say("raisedNothing", label=label, expected=exc_type.__name__))


class FakeClock:
    """A clock tests inject: now() in seconds, advance(s) moves it and wakes sleepers whose time came, sleep(s) waits
    for it. Never reads the real time."""

    def __init__(self, start=0.0):
        self._now = float(start)
        self._sleepers = []

    def now(self):
        return self._now

    def advance(self, seconds):
        if seconds < 0:
            raise ValueError("a clock cannot go back")
        self._now += seconds
        due = [s for s in self._sleepers if s[0] <= self._now]
        self._sleepers = [s for s in self._sleepers if s[0] > self._now]
        for _, future in sorted(due, key=lambda s: s[0]):
            if not future.done():
                future.set_result(None)

    async def sleep(self, seconds):
        import asyncio

        if seconds <= 0:
            await asyncio.sleep(0)
            return
        future = asyncio.get_running_loop().create_future()
        self._sleepers.append((self._now + seconds, future))
        await future
