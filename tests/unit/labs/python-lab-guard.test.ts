/**
 * The Python runner holds against what a learner's answer can do to it, on Pyodide in a worker thread (as
 * `labs:check` runs it): learner code cannot reach the harness (frames, the collector, the JavaScript modules) or
 * change how the tests judge (patched builtins, sys.modules, helpers, objects equal to everything, BaseException),
 * nothing a run changes reaches the next run, a runaway run is stopped at the limit, and errors name the learner's line.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { LabRun } from '../../../src/lib/labs/shared/lab-spec.ts';
import type { LabFields } from '../../../src/lib/labs/lab-kinds.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';

const engines = startLabEngines();
afterAll(() => engines.close());

const outcome = (run: LabRun) => [
  ...(run.error ? [`error ${run.error.code}: ${run.error.message.split('\n')[0]}`] : []),
  ...run.checks.map((c) => `${c.passed ? 'pass' : 'fail'}: ${c.name}${c.message ? ` — ${c.message}` : ''}`),
];

/** A lab whose tests call `double` and hand it a callback, and a probe of what state the run starts in. */
const lab: LabFields = {
  language: 'python',
  solution: 'def double(x, callback=None):\n    return 2 * x\n',
  tests: `
import asyncio, copy, json, os, re, sys, random

@test("doubles")
def _():
    assert_equal(double(2, lambda: None), 4, "double(2)")
    assert_equal(double(3), 6, "double(3)")

@test("doubles again")
def _():
    assert_equal(double(5), 10, "double(5)")
    assert len([1, 2]) == 2, "len"
    assert isinstance(1, int), "isinstance"

@test("starts from a clean interpreter")
def _():
    assert_equal(json.dumps({"a": 1}), '{"a": 1}', "json.dumps")
    assert_equal(sorted(os.listdir("/tmp")), [], "files in /tmp")
    assert_equal(os.environ.get("ATLAS_PLANTED"), None, "the environment")
    assert_equal(os.getcwd(), "/home/pyodide", "the working directory")
    assert_equal(sys.getrecursionlimit(), 1000, "the recursion limit")
    assert_equal("planted" in sys.modules, False, "sys.modules")
    assert_equal(random.Random(1).random(), 0.13436424411240122, "random.Random")

@test("starts with nothing an earlier run changed in place or left running")
async def _():
    await asyncio.sleep(0.05)  # time for anything an earlier run scheduled to run
    assert_equal(copy.deepcopy([1, 2]), [1, 2], "copy.deepcopy")
    assert_equal(json.dumps({"b": 1, "a": 2}), '{"b": 1, "a": 2}', "json.dumps's key order")
    assert_equal(bool(re.fullmatch("a+", "aaa")), True, "re.fullmatch")
    assert_equal(os.environ.get("ATLAS_LATER"), None, "what a call_later chain sets")
    assert_equal(len([1, 2, 3]), 3, "len, which a task that ignores cancel() replaces")
`,
};

const run = (code: string, spec: LabFields = lab) => engines.run('python-guard', spec, code);

describe('a Python run cannot fool the tests', () => {
  // The first run waits for Pyodide to load: seconds, and a minute on a busy two-core machine.
  it('passes the solution, and fails an answer that is wrong', { timeout: 180_000 }, async () => {
    expect((await run(lab.solution)).passed).toBe(true);
    expect(outcome(await run('def double(x, callback=None):\n    return x + 2\n'))).toContain(
      'fail: doubles again — double(5): expected 10, got 7',
    );
  });

  it.each([
    [
      'builtins',
      'import builtins\nbuiltins.len = lambda x: 0\nbuiltins.isinstance = lambda *a: False\nbuiltins.AssertionError = None\nbuiltins.print = None',
    ],
    [
      'sys.modules',
      'import sys, types\nfake = types.ModuleType("json")\nfake.dumps = lambda *a, **k: "{}"\nsys.modules["json"] = fake\nsys.modules["planted"] = fake',
    ],
    [
      'stdlib modules and classes',
      'import json, random\njson.dumps = lambda *a, **k: "x"\nrandom.Random.random = lambda self: 0.5',
    ],
  ])('a wrong answer still fails when it patches %s', async (_what, patch) => {
    const result = await run(`${patch}\ndef double(x, callback=None):\n    return x + 2\n`);
    expect(result.passed).toBe(false);
    expect(outcome(result)).toContain('fail: doubles again — double(5): expected 10, got 7');
  });

  it('fails an answer that returns an object equal to everything', async () => {
    const code =
      'class Any:\n    def __eq__(self, other):\n        return True\n\ndef double(x, callback=None):\n    return Any()\n';
    expect(outcome(await run(code))[0]).toMatch(/^fail: doubles — double\(2\): expected 4, got <solution.Any object/);
  });

  it.each([
    ['SystemExit', 'raise SystemExit(0)'],
    ['KeyboardInterrupt', 'raise KeyboardInterrupt'],
    ['a BaseException subclass', 'class Out(BaseException): pass\n    raise Out()'],
  ])('fails a test whose code raises %s', async (_what, raise) => {
    const result = await run(`def double(x, callback=None):\n    ${raise}\n`);
    expect(result.passed).toBe(false);
  });

  it('fails a test when the code replaces a helper through a callback it was given', async () => {
    const code =
      'def double(x, callback=None):\n    if callback:\n        callback.__globals__["assert_equal"] = lambda *a: None\n    return x + 2\n';
    expect(outcome(await run(code))[0]).toBe(
      'fail: doubles — Your code changed the tests or their helpers while the test ran.',
    );
  });

  it('fails a test when the code rebinds a name of the tests through a callback the tests made', async () => {
    const code =
      'def double(x, callback=None):\n    if callback:\n        callback.__globals__["asyncio"] = None\n    return 2 * x\n';
    expect(outcome(await run(code))[0]).toBe(
      'fail: doubles — Your code changed the tests or their helpers while the test ran.',
    );
  });

  it('hands learner code a clock whose methods lead to no test', async () => {
    // A method's __globals__ is readable in Python (no audit event): the clock's must not hold the registered tests,
    // or an answer could call the tests' own code (a reference model) or read their expectations.
    const spec: LabFields = {
      ...lab,
      tests: `${lab.tests}
@test("a clock's reach")
def _():
    found = double(0, FakeClock())
    assert_equal(found, [], "tests reached through the clock")
`,
    };
    const code = [
      'def double(x, callback=None):',
      '    if isinstance(callback, object) and type(callback).__name__ == "FakeClock":',
      '        reach = type(callback).__init__.__globals__',
      '        return [name for name, _ in reach.get("_registered", [])] + [k for k in reach if k.startswith("lab_")]',
      '    return 2 * x',
      '',
    ].join('\n');
    expect(outcome(await run(code, spec)).at(-1)).toBe("pass: a clock's reach");
  });

  it.each([
    ['gc.get_objects()', 'import gc\ngc.get_objects()', 'gc.get_objects is not available'],
    ['sys._getframe()', 'import sys\nsys._getframe(1)', 'frames are not available'],
    [
      'a traceback frame',
      'try:\n    1 / 0\nexcept Exception as e:\n    e.__traceback__.tb_frame',
      'tb_frame is not available',
    ],
    ['sys.settrace()', 'import sys\nsys.settrace(lambda *a: None)', 'sys.settrace is not available'],
    ['the js module', 'import js', 'module js is not available'],
    ['the pyodide_js module', 'import pyodide_js', 'module pyodide_js is not available'],
    ['a file outside /tmp', 'open("/lib/python3.14/site-packages/json.py", "w")', 'may write files only under /tmp'],
  ])('refuses %s', async (_what, code, said) => {
    const result = await run(`${code}\ndef double(x, callback=None):\n    return 2 * x\n`);
    expect(result.error?.message).toContain(said);
  });
});

describe('nothing a Python run changes reaches the next run', () => {
  it('starts from the baseline after a run that changed the interpreter', async () => {
    const spoil = [
      'import builtins, json, os, random, sys, asyncio',
      'json.dumps = lambda *a, **k: "x"',
      'sys.modules["planted"] = json',
      'open("/tmp/left.txt", "w").write("x")',
      'os.makedirs("/tmp/dir/sub")',
      'os.environ["ATLAS_PLANTED"] = "1"',
      'os.chdir("/tmp")',
      'sys.setrecursionlimit(50)',
      'random.Random.random = lambda self: 0.5',
      'builtins.sorted = lambda x: ["planted"]',
      'def double(x, callback=None):',
      '    async def forever():',
      '        while True:',
      '            await asyncio.sleep(0.01)',
      '    asyncio.get_event_loop().create_task(forever())',
      '    return 2 * x',
    ].join('\n');
    expect(outcome(await run(spoil))).toContain('pass: doubles');
    expect(outcome(await run(lab.solution))).toEqual([
      'pass: doubles',
      'pass: doubles again',
      'pass: starts from a clean interpreter',
      'pass: starts with nothing an earlier run changed in place or left running',
    ]);
  });

  it('starts on a new interpreter after a run that changed objects in place and left work scheduled', async () => {
    // What restoring names by identity did not undo: dicts and caches changed in place, a task that ignores
    // cancel(), a call_later chain (each left the next run's correct answer failing, and once a wrong one passing).
    const spoil = [
      'import asyncio, builtins, copy, json, os, re',
      'copy._deepcopy_dispatch[list] = lambda x, memo: ["planted"]',
      'json._default_encoder.sort_keys = True',
      're.compile("a+")',
      'for key in list(re._cache):',
      '    re._cache[key] = re.compile("b")',
      'async def stubborn():',
      '    while True:',
      '        try:',
      '            builtins.len = lambda x: 0',
      '            await asyncio.sleep(0.005)',
      '        except asyncio.CancelledError:',
      '            pass',
      'def later():',
      '    os.environ["ATLAS_LATER"] = "1"',
      '    asyncio.get_event_loop().call_later(0.005, later)',
      'def double(x, callback=None):',
      '    asyncio.get_event_loop().create_task(stubborn())',
      '    asyncio.get_event_loop().call_later(0.005, later)',
      '    return 2 * x',
    ].join('\n');
    await run(spoil);
    const next = outcome(await run(lab.solution));
    expect(next).toContain('pass: starts with nothing an earlier run changed in place or left running');
    expect(next.every((line) => line.startsWith('pass'))).toBe(true);
  });
});

describe('a Python run is stopped and explained', () => {
  it('stops an endless loop at the limit, and the next run passes', async () => {
    const started = Date.now();
    const stopped = await run('while True:\n    pass\n');
    expect(stopped.error?.code).toBe('Stopped');
    expect(stopped.error?.message).toMatch(/^Stopped after 5 seconds/);
    expect(Date.now() - started).toBeLessThan(9000);
    expect((await run(lab.solution)).passed).toBe(true);
  });

  it('stops a loop that swallows the interrupt by ending the worker, and the next run passes', async () => {
    const stopped = await run('while True:\n    try:\n        pass\n    except BaseException:\n        pass\n');
    expect(stopped.error?.code).toBe('Stopped');
    expect((await run(lab.solution)).passed).toBe(true);
  });

  it("caps the recursion limit below the browser's stack: deep recursion is a RecursionError on the learner's line", async () => {
    const deep = [
      'import sys',
      'sys.setrecursionlimit(10**6)',
      'LIMIT = sys.getrecursionlimit()',
      'def down(n):',
      '    return 0 if n == 0 else 1 + down(n - 1)',
      'def double(x, callback=None):',
      '    assert LIMIT == 100_000, LIMIT',
      '    assert down(50_000) == 50_000',
      '    return down(10**6)',
    ].join('\n');
    expect(outcome(await run(deep))[0]).toMatch(
      /^fail: doubles — RecursionError: maximum recursion depth exceeded.*\n {2}File "solution.py", line 5/,
    );
    expect((await run(lab.solution)).passed).toBe(true);
  });

  it('names the memory limit when a run asks for too much', async () => {
    const result = await run('data = bytearray(2_000_000_000)\n');
    expect(result.error?.message).toMatch(/more than the lab's \d+ MB of memory/);
  });

  it("points at the learner's line, without the harness's frames", async () => {
    const result = await run('def double(x, callback=None):\n    values = {}\n    return values[x]\n');
    expect(outcome(result)[0]).toBe('fail: doubles — KeyError: 2\n  File "solution.py", line 3\n    return values[x]');
    const syntax = await run('def double(x:\n    return 2\n');
    expect(syntax.error).toMatchObject({ code: 'SyntaxError', line: 1 });
  });
});
