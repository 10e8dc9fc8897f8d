/** A value as a lab's failure message prints it ("expected … got …"): short, and never throwing. */
import { assertWords } from './harness-words.ts';

const { is } = Object;

function showObject(value: object, depth: number): string {
  if (depth > 3) return Array.isArray(value) ? '[…]' : '{…}';
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  const inner = (v: unknown) => show(v, depth + 1);
  if (value instanceof Map) {
    const shown = [...(value as Map<unknown, unknown>)].slice(0, 20).map(([k, v]) => `${inner(k)} => ${inner(v)}`);
    return `Map(${value.size}) {${shown.join(', ')}}`;
  }
  if (value instanceof Set) return `Set(${value.size}) {${[...value].slice(0, 20).map(inner).join(', ')}}`;
  if (Array.isArray(value)) {
    return `[${value.slice(0, 30).map(inner).join(', ')}${value.length > 30 ? ', …' : ''}]`;
  }
  if (value instanceof RegExp) return String(value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  if (value instanceof Promise) return assertWords().forgotAwait;
  const keys = Object.keys(value);
  const constructor = (value as { constructor?: { name?: string } }).constructor;
  const name = constructor && constructor !== Object ? `${constructor.name} ` : '';
  const fields = keys.slice(0, 20).map((k) => `${k}: ${inner((value as Record<string, unknown>)[k])}`);
  return `${name}{${fields.join(', ')}${keys.length > 20 ? ', …' : ''}}`;
}

function show(value: unknown, depth = 0): string {
  if (typeof value === 'string') {
    return depth === 0 && value.length > 200 ? `${JSON.stringify(value.slice(0, 200))}…` : JSON.stringify(value);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return value.name ? `[function ${value.name}]` : '[function]';
  if (typeof value === 'symbol') return value.toString();
  if (value === null || typeof value !== 'object') return is(value, -0) ? '-0' : String(value);
  return showObject(value, depth);
}

export function safeShow(value: unknown): string {
  try {
    return show(value);
  } catch {
    return assertWords().cannotShow;
  }
}
