"""The Python labs' guard: what learner code may not do while it runs, and the state every run starts from.

Loaded once per engine, with the runner (runner.py), into a namespace of its own that no module, class or function the
learner can reach refers to (neither defines a function in a class, which `object.__subclasses__()` would lead to).
Once installed, an audit hook refuses, for all code but the runner's one moment of reading a traceback, what would reach the harness or the grading: frames (from which a learner could rewrite a test's variables
or helpers), the garbage collector's lists of every object, tracing and monitoring hooks, new audit hooks, replacing
a function's code, the JavaScript modules, and writing files outside the scratch folders. Between phases,
`restore()` puts back what a run may have changed: sys.modules and every module's globals (builtins included),
classes of the standard library, the environment, the working directory, the recursion limit, signal handlers,
random and decimal state, warning filters, and the scratch folders' files.
"""

import builtins
import decimal
import os
import random
import shutil
import signal
import sys
import types
import warnings

# Whether the hook refuses: a list the hook holds, which only the runner (reached from JavaScript alone) sets.
active = [False]

SCRATCH = ("/home/pyodide", "/tmp")
HIDDEN_MODULES = ("js", "pyodide_js", "pyodide", "_pyodide", "_pyodide_core", "ctypes", "_ctypes")
FRAME_ATTRIBUTES = frozenset(("tb_frame", "gi_frame", "cr_frame", "ag_frame", "f_back"))
REFUSED_EVENTS = frozenset(
    (
        "sys._current_frames",
        "sys._current_exceptions",
        "sys.settrace",
        "sys.setprofile",
        "sys.addaudithook",
        "sys.monitoring.register_callback",
        "gc.get_objects",
        "gc.get_referrers",
        "gc.get_referents",
        "gc.get_freeze_count",
    )
)
WRITE_EVENTS = frozenset(
    ("os.remove", "os.rename", "os.mkdir", "os.rmdir", "os.chmod", "os.symlink", "os.link", "os.truncate", "os.utime")
)


class GuardError(RuntimeError):
    """What learner code reads when it reaches for something a lab run does not allow."""


class FrameRefused(GuardError, ValueError, AttributeError):
    """Frames are refused as ValueError and AttributeError too, so logging, warnings and asyncio reprs go on without them."""


def _inside_scratch(path):
    try:
        full = os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return False
    return any(full == folder or full.startswith(folder + "/") for folder in SCRATCH)


def _writes(mode, flags):
    if isinstance(mode, str) and any(c in mode for c in "wax+"):
        return True
    return isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND) != 0


def _refuse(event, args):
    if event == "sys._getframe":
        raise FrameRefused("frames are not available to code in a lab")
    if event == "object.__getattr__" and len(args) > 1 and args[1] in FRAME_ATTRIBUTES:
        raise FrameRefused(f"{args[1]} is not available to code in a lab")
    if event == "object.__setattr__" and len(args) > 1 and args[1] == "__code__":
        raise GuardError("replacing a function's __code__ is not allowed in a lab")
    if event in REFUSED_EVENTS or event.startswith("ctypes."):
        raise GuardError(f"{event} is not available to code in a lab")
    if event == "import" and args and str(args[0]).split(".")[0] in HIDDEN_MODULES:
        raise GuardError(f"module {args[0]} is not available to code in a lab")
    if event == "open" and args and _writes(args[1] if len(args) > 1 else None, args[2] if len(args) > 2 else None):
        if not isinstance(args[0], int) and not _inside_scratch(args[0]):
            raise GuardError("code in a lab may write files only under /tmp")
    if event in WRITE_EVENTS and args and not _inside_scratch(args[0]):
        raise GuardError("code in a lab may change files only under /tmp")
    if event == "os.rename" and len(args) > 1 and not _inside_scratch(args[1]):
        raise GuardError("code in a lab may change files only under /tmp")


def _hook(event, args, _active=active, _refuse=_refuse):
    if _active[0]:
        # Off while refusing: what the checks themselves touch raises no event of their own.
        _active[0] = False
        try:
            _refuse(event, args)
        finally:
            _active[0] = True


def _mutable_classes(modules):
    classes = {}
    for name, module in modules.items():
        for value in list(getattr(module, "__dict__", {}).values()):
            if isinstance(value, type) and not value.__flags__ & (1 << 8) and value.__module__ == name:
                classes[value] = dict(value.__dict__)
    return classes


def baseline():
    """The interpreter's state once the harness has loaded: what every phase of every run starts from."""
    return types.SimpleNamespace(
        modules=dict(sys.modules),
        globals={name: dict(m.__dict__) for name, m in sys.modules.items() if hasattr(m, "__dict__")},
        classes=_mutable_classes(sys.modules),
        builtins=dict(builtins.__dict__),
        environ=dict(os.environ),
        cwd=os.getcwd(),
        recursion=sys.getrecursionlimit(),
        int_digits=sys.get_int_max_str_digits(),
        lists={name: list(getattr(sys, name)) for name in ("path", "meta_path", "path_hooks")},
        streams={name: getattr(sys, name) for name in ("stdout", "stderr", "stdin", "excepthook", "displayhook")},
        signals={sig: signal.getsignal(sig) for sig in (signal.SIGINT,)},
        random=random.getstate(),
        decimal=decimal.getcontext().copy(),
        filters=list(warnings.filters),
        scratch={folder: set(os.listdir(folder)) for folder in SCRATCH if os.path.isdir(folder)},
    )


def _restore_dict(current, saved):
    if current.keys() != saved.keys() or any(current[k] is not v for k, v in saved.items()):
        current.clear()
        current.update(saved)


def _restore_classes(classes):
    for cls, saved in classes.items():
        now = cls.__dict__
        for key in [k for k in now if k not in saved]:
            delattr(cls, key)
        for key, value in saved.items():
            if now.get(key) is not value and key not in ("__dict__", "__weakref__"):
                setattr(cls, key, value)


def _restore_files(scratch):
    for folder, names in scratch.items():
        if not os.path.isdir(folder):
            os.makedirs(folder)
        for name in set(os.listdir(folder)) - names:
            path = os.path.join(folder, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                os.remove(path)


def restore(base, keep=()):
    """Puts back the state `base` holds; modules named in `keep` (the learner's own) stay in sys.modules. The time
    limit's interrupt is ignored meanwhile, so it never leaves the state half restored (the host repeats it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    kept = {name: sys.modules[name] for name in keep if name in sys.modules}
    _restore_dict(sys.modules, {**base.modules, **kept})
    for name, saved in base.globals.items():
        _restore_dict(base.modules[name].__dict__, saved)
    _restore_classes(base.classes)
    _restore_dict(builtins.__dict__, base.builtins)
    if dict(os.environ) != base.environ:
        os.environ.clear()
        os.environ.update(base.environ)
    os.chdir(base.cwd)
    sys.setrecursionlimit(base.recursion)
    sys.set_int_max_str_digits(base.int_digits)
    for name, saved in base.lists.items():
        getattr(sys, name)[:] = saved
    sys.path_importer_cache.clear()
    for name, value in base.streams.items():
        setattr(sys, name, value)
    random.setstate(base.random)
    decimal.setcontext(base.decimal.copy())
    warnings.filters[:] = base.filters
    _restore_files(base.scratch)
    for sig, handler in base.signals.items():
        signal.signal(sig, handler)


# The time limit's SIGINT handler, defined apart: `signal.getsignal` hands it to any code, so it holds nothing else.
_INTERRUPT = """
def interrupt(signum, frame):
    if frame is not None and frame.f_code.co_filename in LAB_FILES:
        raise KeyboardInterrupt
"""


def _interrupt_handler():
    """Raises the host's interrupt in the lab's own code only (solution.py, tests.py, an API lab's app.py): raised
    in the event loop's own callbacks, it would break the loop for good. The host repeats it until it lands."""
    names = {"LAB_FILES": ("solution.py", "tests.py", "app.py"), "KeyboardInterrupt": KeyboardInterrupt}
    return _isolated(_INTERRUPT, "interrupt", names)


# logging.exception() formats the traceback's frames, which the hook refuses: it logs the error's line instead.
_FORMAT_EXCEPTION = """
def formatException(self, ei):
    return "%s: %s (the traceback's frames are not shown in a lab)" % (ei[0].__name__, ei[1])
"""


# The deepest recursion limit a lab allows. Python frames alone ran 400,000 deep in Chrome's worker, and a limit of
# 1,000,000 overflowed the browser's stack, which fails the engine instead of raising RecursionError.
RECURSION_CAP = 100_000

_SET_RECURSION_LIMIT = """
def setrecursionlimit(limit, /):
    \"\"\"Set the maximum depth of the Python interpreter stack: in a lab, at most 100,000 (the browser's stack).\"\"\"
    set_limit(min(limit, cap) if isinstance(limit, int) else limit)
"""


def _isolated(source, name, names):
    """A function defined in a namespace of its own, holding `names` only: code that reaches it finds nothing else."""
    namespace = {"__builtins__": {}, **names}
    exec(source, namespace)
    return namespace[name]


def install():
    """Hides the JavaScript modules from sys.modules, caps the recursion limit, and adds the audit hook (it can never
    be removed)."""
    import logging

    logging.Formatter.formatException = _isolated(_FORMAT_EXCEPTION, "formatException", {})
    sys.setrecursionlimit = _isolated(
        _SET_RECURSION_LIMIT,
        "setrecursionlimit",
        {"set_limit": sys.setrecursionlimit, "cap": RECURSION_CAP, "min": min, "isinstance": isinstance, "int": int},
    )
    signal.signal(signal.SIGINT, _interrupt_handler())
    for name in list(sys.modules):
        if name.split(".")[0] in HIDDEN_MODULES:
            del sys.modules[name]
    if "" in sys.path:
        sys.path.remove("")
    sys.addaudithook(_hook)
    active[0] = True
