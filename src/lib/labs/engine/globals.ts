/**
 * Helpers for the code that runs inside the lab engine (this folder, bundled into scripts by
 * src/lib/labs-node/engine-scripts.ts): globals defined as the platform defines its own, and values the host lends.
 */

/** Defines a global as the platform's are: writable and configurable, not enumerable. */
export function defineGlobal(name: string, value: unknown): void {
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
}

/** Takes a value the host lent on the global object and deletes it, so the learner's code never sees it. */
export function takeGlobal<T>(name: string): T {
  const global = globalThis as Record<string, unknown>;
  const value = global[name] as T;
  delete global[name];
  return value;
}

/** A TypeError when a Web API method is called with fewer arguments than it needs, as WebIDL throws. */
export function needs(count: number, given: number, what: string): void {
  if (given < count) throw new TypeError(`${what} needs ${count} argument${count > 1 ? 's' : ''}, got ${given}`);
}

/** JSON as it was when the engine's scripts loaded: a handler that replaces the global's methods changes nothing here. */
export const builtinJson = { parse: JSON.parse, stringify: JSON.stringify };
