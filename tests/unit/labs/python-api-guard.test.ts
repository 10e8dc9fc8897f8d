/**
 * The Python API labs' guard, on the real engine in a worker thread as `labs:check` runs it: a handler that loops
 * or grows without end is stopped at the request limit by the interrupt buffer (the engine is not restarted, so the
 * next run is quick and the database is still there), and nothing a run changes (builtins, the host's own classes,
 * the json module that writes the outcome) reaches the grading or the next run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { LabRun } from '../../../src/lib/labs/shared/lab-spec.ts';
import type { ApiTest } from '../../../src/lib/labs/api/api-spec.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';

const engines = startLabEngines();
afterAll(() => engines.close());

const lab = (requests: ApiTest[]) => ({
  language: 'http' as const,
  setup: 'CREATE TABLE hits (n int); INSERT INTO hits VALUES (1);',
  solution: '',
  env: {},
  clock: '2026-03-01T12:00:00Z',
  requests,
});
const outcome = (run: LabRun) =>
  run.checks.map((c) => `${c.passed ? 'pass' : 'fail'}: ${c.name}${c.message ? ` — ${c.message}` : ''}`);
const TESTS: ApiTest[] = [
  { name: 'answers', steps: [{ request: 'GET /', expect: { status: 200, json: { n: 1 } } }] },
  { name: 'answers again', steps: [{ request: 'GET /', expect: { status: 200, json: { n: 1 } } }] },
];
const run = (code: string) => engines.run('py-guard', lab(TESTS), code, 'python');

const RIGHT = `from asgi_json import send_json
async def app(scope, receive, send):
    await send_json(send, 200, {"n": await scope["state"]["db"].fetchval("SELECT n FROM hits")})
`;
/** Right, but only while len, sorted and the host's Response are as Python and the host define them. */
const NEEDS_CLEAN = `from asgi_json import send_json
async def app(scope, receive, send):
    assert len([1, 2]) == 2 and sorted([2, 1]) == [1, 2]
    await send_json(send, 200, {"n": await scope["state"]["db"].fetchval("SELECT n FROM hits")})
`;

describe('a Python API handler under the guard', { timeout: 180_000 }, () => {
  it('stops an endless loop at the request limit, and the next run passes', async () => {
    expect(outcome(await run(RIGHT))).toEqual(['pass: answers', 'pass: answers again']); // the engine loaded
    const started = Date.now();
    const stopped = await run('async def app(scope, receive, send):\n    while True:\n        pass\n');
    const took = Date.now() - started;
    expect(outcome(stopped)).toEqual([
      'fail: answers — GET / was stopped before it answered.',
      'fail: answers again — An earlier request was stopped.',
    ]);
    expect(took).toBeLessThan(2000 + 1500); // the request limit and the grace of an engine that stops itself
    // Why, said once in the run's summary (components/lab/results.ts), from the request's error.
    expect(stopped.checks[0]!.exchange?.error?.message).toMatch(/^Stopped after 2 seconds, the limit of one request/);
    expect(outcome(await run(RIGHT))).toEqual(['pass: answers', 'pass: answers again']);
  });

  it('stops a handler that grows without end, saying it ran out of memory', async () => {
    const grows =
      'async def app(scope, receive, send):\n    x = []\n    while True:\n        x.append(bytearray(50_000_000))\n';
    const said = (await run(grows)).checks[0]!.exchange?.error?.message;
    expect(said).toMatch(/^Stopped: your app needed more than the lab's 320 MB of memory/);
    expect(outcome(await run(RIGHT))).toEqual(['pass: answers', 'pass: answers again']);
  });

  it('undoes a run’s patches of builtins and of the host before the outcome is written and before the next run', async () => {
    const spoils = `import builtins, json
from asgi_json import send_json
async def app(scope, receive, send):
    builtins.len = lambda value: 0
    builtins.sorted = lambda value: value
    send.__self__.__class__.result = lambda self: {"status": 200, "statusText": "OK", "headers": [], "body": '{"n": 1}'}
    json.dumps = lambda value, **options: '{"response": {"status": 200, "statusText": "OK", "headers": [], "body": "{\\\\"n\\\\": 1}"}}'
    raise RuntimeError("no answer")
`;
    expect(outcome(await run(spoils))).toEqual([
      'fail: answers — GET / got no response: RuntimeError: no answer',
      'fail: answers again — GET / got no response: RuntimeError: no answer',
    ]);
    expect(outcome(await run(NEEDS_CLEAN))).toEqual(['pass: answers', 'pass: answers again']);
  });

  it('runs each time on a new interpreter: what a run changed in place or left scheduled is gone', async () => {
    const inPlace = `import asyncio, copy, json, os
from asgi_json import send_json
def later():
    os.environ["ATLAS_LATER"] = "1"
    asyncio.get_event_loop().call_later(0.005, later)
async def app(scope, receive, send):
    copy._deepcopy_dispatch[list] = lambda x, memo: ["planted"]
    json._default_encoder.sort_keys = True
    asyncio.get_event_loop().call_later(0.005, later)
    await send_json(send, 200, {"n": 2})
`;
    const needsFresh = `import asyncio, copy, json, os
from asgi_json import send_json
async def app(scope, receive, send):
    await asyncio.sleep(0.02)
    assert copy.deepcopy([1]) == [1] and json.dumps({"b": 1, "a": 2}) == '{"b": 1, "a": 2}'
    assert "ATLAS_LATER" not in os.environ
    await send_json(send, 200, {"n": await scope["state"]["db"].fetchval("SELECT n FROM hits")})
`;
    expect(outcome(await run(needsFresh))).toEqual(['pass: answers', 'pass: answers again']);
    // It ran to the end (no crash, no restart), so only a new interpreter undoes it.
    expect(outcome(await run(inPlace))).toEqual([
      'fail: answers — GET /: In the JSON body, n should be 1, got 2.',
      'fail: answers again — GET /: In the JSON body, n should be 1, got 2.',
    ]);
    expect(outcome(await run(needsFresh))).toEqual(['pass: answers', 'pass: answers again']);
  });

  it('keeps the JavaScript side and frames out of reach', async () => {
    const reaches = `from asgi_json import send_json
async def app(scope, receive, send):
    said = []
    for attempt in (lambda: __import__("js"), lambda: __import__("sys")._getframe(), lambda: __import__("gc").get_objects()):
        try:
            attempt()
            said.append("reached")
        except Exception as error:
            said.append(type(error).__name__)
    await send_json(send, 200, said)
`;
    const result = await engines.run(
      'py-guard',
      lab([
        {
          name: 'refused',
          steps: [{ request: 'GET /', expect: { status: 200, json: ['GuardError', 'FrameRefused', 'GuardError'] } }],
        },
      ]),
      reaches,
      'python',
    );
    expect(outcome(result)).toEqual(['pass: refused']);
  });
});
