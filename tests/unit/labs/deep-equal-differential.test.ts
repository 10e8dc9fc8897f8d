/**
 * `assert.deepEqual` in a code lab (src/lib/labs/engine/deep-equal.ts), run as the labs run it, against Node's
 * `util.isDeepStrictEqual` on the same pairs: each pair must pass or fail in both. The pairs are where hand-written
 * equality slips: regular expressions, errors, dates, boxed values, bytes, Maps and Sets of objects, symbols, holes,
 * prototypes, cycles.
 */
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import { isDeepStrictEqual } from 'node:util';
import { expect, it } from 'vitest';
import { codeEngineScripts } from '../../../src/lib/labs-node/engine-scripts.ts';
import { runCodeLab } from '../../../src/lib/labs/code/code-lab.ts';

/** [name, an expression giving [a, b]]: evaluated in the engine and in Node alike. */
const PAIRS: [string, string][] = [
  ['equal plain objects in another key order', `[{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }]`],
  ['objects with different values', `[{ a: 1 }, { a: 2 }]`],
  ['a missing key against undefined', `[{ a: undefined }, {}]`],
  ['NaN and NaN', `[NaN, NaN]`],
  ['0 and -0', `[0, -0]`],
  ['[0] and [-0]', `[[0], [-0]]`],
  ['1 and "1"', `[1, '1']`],
  ['/a/ and /b/', `[/a/, /b/]`],
  ['/a/g and /a/i', `[/a/g, /a/i]`],
  ['/a/g and /a/g', `[/a/g, /a/g]`],
  ['regular expressions at another lastIndex', `(() => { const r = /a/g; r.lastIndex = 1; return [r, /a/g]; })()`],
  ["Error('a') and Error('b')", `[new Error('a'), new Error('b')]`],
  ["Error('a') and Error('a')", `[new Error('a'), new Error('a')]`],
  ["TypeError('a') and Error('a')", `[new TypeError('a'), new Error('a')]`],
  [
    'errors with another name',
    `(() => { const e = new Error('a'); e.name = 'Custom'; return [e, new Error('a')]; })()`,
  ],
  ['errors with another cause', `[new Error('a', { cause: 1 }), new Error('a', { cause: 2 })]`],
  [
    'errors with another code',
    `[Object.assign(new Error('a'), { code: 1 }), Object.assign(new Error('a'), { code: 2 })]`,
  ],
  ['the same date', `[new Date(0), new Date(0)]`],
  ['other dates', `[new Date(0), new Date(1)]`],
  ['two invalid dates', `[new Date(NaN), new Date(NaN)]`],
  ['a date and its ISO string', `[new Date(0), new Date(0).toISOString()]`],
  ['a date with a property', `[Object.assign(new Date(0), { x: 1 }), new Date(0)]`],
  ['Sets of equal objects in another order', `[new Set([{ a: 1 }, { b: 2 }]), new Set([{ b: 2 }, { a: 1 }])]`],
  ['Sets of different objects', `[new Set([{ a: 1 }, { a: 1 }]), new Set([{ a: 1 }, { a: 2 }])]`],
  ['Sets of primitives and objects', `[new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1])]`],
  ['Sets of other primitives', `[new Set([1, 2]), new Set([1, 3])]`],
  ['Maps with object keys', `[new Map([[{ a: 1 }, 'x']]), new Map([[{ a: 1 }, 'x']])]`],
  ['Maps with object keys and other values', `[new Map([[{ a: 1 }, 'x']]), new Map([[{ a: 1 }, 'y']])]`],
  ['Maps in another order', `[new Map([['a', 1], ['b', 2]]), new Map([['b', 2], ['a', 1]])]`],
  ['Maps with other values', `[new Map([['a', { x: 1 }]]), new Map([['a', { x: 2 }]])]`],
  ['a Map and an object', `[new Map([['a', 1]]), { a: 1 }]`],
  ['arrays with holes and undefined', `[[1, , 3], [1, undefined, 3]]`],
  ['an array with a property', `[Object.assign([1], { x: 1 }), [1]]`],
  ['arrays of another length', `[[1, 2], [1, 2, 3]]`],
  ['an array and an object', `[[1], { 0: 1 }]`],
  ['a null-prototype object and {}', `[Object.create(null), {}]`],
  ['a class instance and an object', `[new (class A { constructor() { this.x = 1; } })(), { x: 1 }]`],
  ['boxed numbers', `[new Number(1), new Number(2)]`],
  ['boxed strings', `[new String('a'), new String('a')]`],
  ['symbol keys', `[{ [Symbol.for('k')]: 1 }, { [Symbol.for('k')]: 2 }]`],
  ['a non-enumerable symbol', `[Object.defineProperty({}, Symbol.for('k'), { value: 1 }), {}]`],
  ['bytes', `[new Uint8Array([1, 2]), new Uint8Array([1, 2])]`],
  ['other bytes', `[new Uint8Array([1, 2]), new Uint8Array([1, 3])]`],
  ['bytes of another type', `[new Uint8Array([1]), new Int8Array([1])]`],
  ['ArrayBuffers', `[new ArrayBuffer(2), new ArrayBuffer(3)]`],
  ['cycles', `(() => { const a = {}; a.self = a; const b = {}; b.self = b; return [a, b]; })()`],
  ['functions', `[() => 1, () => 1]`],
  ['WeakMaps', `[new WeakMap(), new WeakMap()]`],
  ['nested objects in arrays', `[[{ a: [{ b: 1 }] }], [{ a: [{ b: 1 }] }]]`],
  ['nested objects that differ deep down', `[[{ a: [{ b: 1 }] }], [{ a: [{ b: '1' }] }]]`],
];

/** The pair as Node evaluates it: the same expression is the point. */
function evaluate(pair: string): [unknown, unknown] {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const make = new Function(`return ${pair};`) as () => [unknown, unknown];
  return make();
}

it('assert.deepEqual agrees with util.isDeepStrictEqual on every pair', async () => {
  const engine = await newQuickJSWASMModuleFromVariant(variant);
  const tests = PAIRS.map(
    ([name, pair]) => `test(${JSON.stringify(name)}, () => { const [a, b] = ${pair}; assert.deepEqual(a, b); });`,
  ).join('\n');
  const run = await runCodeLab(engine, { id: 'deep-equal', language: 'javascript', tests }, '', {
    scripts: await codeEngineScripts(),
  });
  const inEngine = Object.fromEntries(run.checks.map((check) => [check.name, check.passed]));
  const inNode = Object.fromEntries(PAIRS.map(([name, pair]) => [name, isDeepStrictEqual(...evaluate(pair))]));
  expect(inEngine).toEqual(inNode);
  // Both kinds of answer are asked for: a test that only ever passed could not fail.
  expect(Object.values(inNode)).toContain(true);
  expect(Object.values(inNode)).toContain(false);
});
