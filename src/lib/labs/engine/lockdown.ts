/**
 * The script a code lab's engine runs after the harness: freezes every built-in reachable from the global object
 * (and the Web APIs and the harness's console), so learner code cannot replace `Promise.prototype.then`, add
 * `Array.prototype.toJSON` or empty `Array.prototype.forEach` under the tests. The global object itself stays open,
 * since the learner's code defines its own globals. Assigning an own property whose name a frozen prototype also
 * has (`this.name = …` in an Error subclass) still works, as in Hardened JavaScript: those inherited properties
 * become accessors that define the own one.
 */
const { getOwnPropertyNames, getOwnPropertySymbols, getOwnPropertyDescriptor, defineProperty, freeze } = Object;
const { getPrototypeOf, isFrozen } = Object;

/** Inherited data properties that code commonly assigns as its own (the "override mistake" of frozen prototypes). */
function tame(object: object, names: string[]) {
  for (const name of names) {
    const desc = getOwnPropertyDescriptor(object, name);
    if (!desc || !('value' in desc) || !desc.configurable) continue;
    const value: unknown = desc.value;
    defineProperty(object, name, {
      get() {
        return value;
      },
      set(this: object, next: unknown) {
        if (this === object) throw new TypeError(`Cannot assign to read only property ${name} of a built-in`);
        defineProperty(this, name, { value: next, writable: true, enumerable: true, configurable: true });
      },
      enumerable: desc.enumerable ?? false,
      configurable: false,
    });
  }
}

const global = globalThis as Record<string, unknown>;
const errors = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError];
if (typeof global.DOMException === 'function') errors.push(global.DOMException as ErrorConstructor);
tame(Object.prototype, [
  'constructor',
  'toString',
  'valueOf',
  'toLocaleString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
]);
for (const E of errors) tame(E.prototype, ['name', 'message', 'constructor', 'toString']);
tame(Function.prototype, ['toString', 'constructor']);
tame(Array.prototype, ['toString', 'constructor']);
tame(Promise.prototype, ['constructor']);

/** Prototypes no global names: generators', async functions', iterators', typed arrays'. */
const hidden: unknown[] = [
  getPrototypeOf(function* () {}),
  getPrototypeOf(async function () {}),
  getPrototypeOf(async function* () {}),
  getPrototypeOf([][Symbol.iterator]()),
  getPrototypeOf(new Map()[Symbol.iterator]()),
  getPrototypeOf(new Set()[Symbol.iterator]()),
  getPrototypeOf(''[Symbol.iterator]()),
  getPrototypeOf(/a/[Symbol.matchAll]('')),
  getPrototypeOf(Int8Array),
  getPrototypeOf((function* () {})()),
  getPrototypeOf((async function* () {})()),
];
const seen = new Set<object>();
const todo = [...hidden];
for (const name of getOwnPropertyNames(globalThis)) {
  if (name === 'globalThis') continue;
  const desc = getOwnPropertyDescriptor(globalThis, name);
  if (desc && 'value' in desc) todo.push(desc.value);
}
while (todo.length > 0) {
  const value = todo.pop();
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || value === globalThis) continue;
  if (seen.has(value)) continue;
  seen.add(value);
  todo.push(getPrototypeOf(value));
  for (const key of [...getOwnPropertyNames(value), ...getOwnPropertySymbols(value)]) {
    const desc = getOwnPropertyDescriptor(value, key);
    if (!desc) continue;
    if ('value' in desc) todo.push(desc.value);
    else todo.push(desc.get, desc.set);
  }
}
for (const value of seen) if (!isFrozen(value)) freeze(value);

export {};
