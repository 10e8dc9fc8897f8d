/**
 * `assert.deepEqual` as Node's `util.isDeepStrictEqual` decides it: the same prototype and kind; Object.is for
 * primitives (NaN equals NaN, 0 is not -0); dates by time, regular expressions by source, flags and lastIndex,
 * errors by name, message, cause and errors, boxed primitives by value, bytes by bytes; Maps and Sets without
 * order, their object members matched one to one; own enumerable keys and symbols; cycles. WeakMap, WeakSet and
 * Promise only equal themselves. Checked against Node in tests/unit/labs/deep-equal-differential.test.ts.
 */
const { is, getPrototypeOf, keys, getOwnPropertySymbols, hasOwn } = Object;
const { propertyIsEnumerable, toString } = Object.prototype;
const tag = (value: object) => toString.call(value);
const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** Pairs being compared further up the stack: meeting one again is a cycle, equal if it pairs the same. */
type Stack = Map<object, object>;

function sameBytes(a: ArrayBufferLike | ArrayBufferView, b: ArrayBufferLike | ArrayBufferView): boolean {
  const view = (x: ArrayBufferLike | ArrayBufferView) =>
    ArrayBuffer.isView(x) ? new Uint8Array(x.buffer, x.byteOffset, x.byteLength) : new Uint8Array(x);
  const [x, y] = [view(a), view(b)];
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}

function sameError(a: Error, b: Error, stack: Stack): boolean {
  if (!equal(a.name, b.name, stack) || !equal(a.message, b.message, stack)) return false;
  for (const key of ['cause', 'errors']) {
    if (hasOwn(a, key) !== hasOwn(b, key)) return false;
    if (hasOwn(a, key) && !equal((a as never)[key], (b as never)[key], stack)) return false;
  }
  return true;
}

function sameSet(a: Set<unknown>, b: Set<unknown>, stack: Stack): boolean {
  const unmatched: unknown[] = [];
  for (const value of a) {
    if (b.has(value)) continue;
    if (!isObject(value)) return false;
    unmatched.push(value);
  }
  const candidates = [...b].filter((value) => isObject(value) && !a.has(value));
  return unmatched.every((value) => {
    const at = candidates.findIndex((candidate) => equal(value, candidate, stack));
    return at >= 0 && candidates.splice(at, 1).length === 1;
  });
}

function sameMap(a: Map<unknown, unknown>, b: Map<unknown, unknown>, stack: Stack): boolean {
  const unmatched: [unknown, unknown][] = [];
  for (const [key, value] of a) {
    if (b.has(key)) {
      if (!equal(value, b.get(key), stack)) return false;
    } else if (isObject(key)) unmatched.push([key, value]);
    else return false;
  }
  const candidates = [...b].filter(([key]) => isObject(key) && !a.has(key));
  return unmatched.every(([key, value]) => {
    const at = candidates.findIndex(([k, v]) => equal(key, k, stack) && equal(value, v, stack));
    return at >= 0 && candidates.splice(at, 1).length === 1;
  });
}

/** What makes two objects of the same prototype and tag equal beyond their own keys. */
function sameKind(a: object, b: object, stack: Stack): boolean {
  if (a instanceof Date) return is(a.getTime(), (b as Date).getTime());
  if (a instanceof RegExp) {
    const r = b as RegExp;
    return a.source === r.source && a.flags === r.flags && a.lastIndex === r.lastIndex;
  }
  if (a instanceof Error) return sameError(a, b as Error, stack);
  if (a instanceof Map) return a.size === (b as Map<unknown, unknown>).size && sameMap(a, b as never, stack);
  if (a instanceof Set) return a.size === (b as Set<unknown>).size && sameSet(a, b as never, stack);
  if (a instanceof WeakMap || a instanceof WeakSet || a instanceof Promise) return false;
  if (a instanceof ArrayBuffer || ArrayBuffer.isView(a)) return sameBytes(a, b as ArrayBuffer);
  if (a instanceof Array) return a.length === (b as unknown[]).length;
  for (const Boxed of [Number, String, Boolean, BigInt, Symbol] as unknown as (new () => object)[]) {
    if (a instanceof Boxed) return is(a.valueOf(), b.valueOf());
  }
  return true;
}

/** Own enumerable keys and symbols, the same and equal (a typed array's indices were compared as bytes). */
function sameKeys(a: object, b: object, stack: Stack): boolean {
  const own = (x: object) => {
    const names = ArrayBuffer.isView(x) ? keys(x).filter((k) => !/^\d+$/.test(k)) : keys(x);
    const symbols = getOwnPropertySymbols(x).filter((s) => propertyIsEnumerable.call(x, s));
    return [...names, ...symbols];
  };
  const [ka, kb] = [own(a), own(b)];
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => hasOwn(b, k) && propertyIsEnumerable.call(b, k) && equal((a as never)[k], (b as never)[k], stack),
  );
}

function equal(a: unknown, b: unknown, stack: Stack): boolean {
  if (a === b) return a !== 0 || is(a, b);
  if (!isObject(a) || !isObject(b)) return typeof a === 'number' && typeof b === 'number' && a !== a && b !== b;
  if (getPrototypeOf(a) !== getPrototypeOf(b) || tag(a) !== tag(b)) return false;
  if (stack.has(a)) return stack.get(a) === b;
  stack.set(a, b);
  try {
    return sameKind(a, b, stack) && sameKeys(a, b, stack);
  } finally {
    stack.delete(a);
  }
}

export const deepEqual = (actual: unknown, expected: unknown): boolean => equal(actual, expected, new Map());
