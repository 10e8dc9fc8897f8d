/**
 * A Python lab whose tests compare with a model hold no model: they `observe` values, and the lab's reference
 * solution, run first on an interpreter of its own, gives the expected ones (src/lib/labs/python/python-observed.ts). An
 * answer that walks from what it can reach (object.__subclasses__(), a helper's __globals__, the registered tests,
 * code constants) to the tests' own model finds it when the tests hold one, and finds nothing when they observe.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { LabRun } from '../../../src/lib/labs/shared/lab-spec.ts';
import type { LabFields } from '../../../src/lib/labs/lab-kinds.ts';
import { CONTENT_DIR, readContentDir } from '../../../src/lib/content/content-files.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';

const engines = startLabEngines();
afterAll(() => engines.close());

const outcome = (run: LabRun) => [
  ...(run.error ? [`error ${run.error.code}: ${run.error.message.split('\n')[0]}`] : []),
  ...run.checks.map((c) => `${c.passed ? 'pass' : 'fail'}: ${c.name}${c.message ? ` — ${c.message}` : ''}`),
];

/** What no learner can compute: a keyed hash, with a key only the solution (and a model) knows. */
const SOLUTION = `import hashlib
def mystery(x):
    return hashlib.sha256(b"pepper" + str(x).encode()).hexdigest()[:12]
`;

/** The old way: the tests hold a model and compare with it. */
const withModel: LabFields = {
  language: 'python',
  solution: SOLUTION,
  tests: `import hashlib
def reference(x):
    return hashlib.sha256(b"pepper" + str(x).encode()).hexdigest()[:12]

@test("matches the model")
def _():
    for x in range(5):
        assert_equal(mystery(x), reference(x), f"mystery({x})")
`,
};

/** The same check, observed: the values are compared outside the learner's interpreter. */
const observed: LabFields = {
  language: 'python',
  solution: SOLUTION,
  tests: `@test("matches the model")
def _():
    for x in range(5):
        observe(mystery(x), f"mystery({x})")
`,
};

/** Walks everything it can reach from object for a function called `reference`, and delegates to it. */
const WALKER = `import types
def find_reference():
    todo, seen = [object], set()
    while todo and len(seen) < 300_000:
        obj = todo.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, types.FunctionType):
            if obj.__name__ == "reference":
                return obj
            todo.extend(obj.__globals__.values())
            todo.append(obj.__code__)
        elif isinstance(obj, types.CodeType):
            if obj.co_name == "reference":
                return types.FunctionType(obj, {"hashlib": __import__("hashlib")})
            todo.extend(obj.co_consts)
        elif isinstance(obj, type):
            try:
                todo.extend(type.__subclasses__(obj))
                todo.extend(vars(obj).values())
            except Exception:
                pass
        elif type(obj) in (list, tuple, set, frozenset):
            todo.extend(obj)
        elif type(obj) is dict:
            todo.extend(obj.values())
    return None

def mystery(x):
    found = find_reference()
    return found(x) if found else "no model in reach"
`;

describe('tests that observe hold nothing for learner code to delegate to', { timeout: 120_000 }, () => {
  it('the walker finds and uses a model the tests hold', async () => {
    expect(outcome(await engines.run('py-observe-model', withModel, SOLUTION))).toEqual(['pass: matches the model']);
    expect(outcome(await engines.run('py-observe-model', withModel, WALKER))).toEqual(['pass: matches the model']);
  });

  it('finds nothing when the tests observe, and the answer fails, told what a correct answer gives', async () => {
    expect(outcome(await engines.run('py-observe', observed, SOLUTION))).toEqual(['pass: matches the model']);
    const walked = outcome(await engines.run('py-observe', observed, WALKER));
    expect(walked).toHaveLength(1);
    expect(walked[0]).toMatch(
      /^fail: matches the model — mystery\(0\): got 'no model in reach', a correct answer gives '[0-9a-f]{12}'$/,
    );
  });

  it('judges an object that poses as the value by its type, not its repr or __eq__', async () => {
    const poser = `import hashlib
class Anything(str):
    def __eq__(self, other):
        return True
    def __repr__(self):
        return repr(hashlib.sha256(b"pepper" + b"0").hexdigest()[:12])
def mystery(x):
    return Anything("x")
`;
    const run = outcome(await engines.run('py-observe', observed, poser));
    expect(run[0]).toMatch(
      /^fail: matches the model — mystery\(0\): got <a Anything object>, a correct answer gives '/,
    );
  });

  it('fails an answer that empties or forges what the test observed', async () => {
    const forger = `${SOLUTION}
import types
def _helpers():
    for cls in object.__subclasses__():
        if cls.__name__ == "FakeClock":
            return cls.now.__globals__
real = mystery
def mystery(x):
    _helpers()["_observed"].clear()
    return real(x)
`;
    const run = outcome(await engines.run('py-observe', observed, forger));
    expect(run[0]).toMatch(/^fail: matches the model — /);
  });
});

describe('the Python labs hold no model in their tests', () => {
  it('defines no function or class named as a reference or a model in any Python lab’s tests', () => {
    const labs = readContentDir(CONTENT_DIR, ['labs']).filter((e) => (e.data as LabFields).language === 'python');
    expect(labs.length).toBeGreaterThan(10);
    const models = labs.flatMap((e) =>
      [
        ...((e.data as LabFields).tests ?? '').matchAll(
          /^\s*(?:async\s+)?(?:def|class)\s+(\w*(?:reference|model)\w*)/gim,
        ),
      ].map((m) => `${e.file}: tests: ${m[1]} (observe() the values instead, src/lib/labs/python/python-observed.ts)`),
    );
    expect(models).toEqual([]);
  });
});
