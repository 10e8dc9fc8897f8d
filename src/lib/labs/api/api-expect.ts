/**
 * How an API lab's hidden test judges a response (src/lib/labs/api/api-test.ts runs the requests): the status, headers
 * matched by regular expression, the JSON body matched by shape, the raw body, how many statements the request ran;
 * and how values captured from one response (`${etag}`) fill in later steps. Pure functions, run on the host, never
 * inside the engine where the learner's code runs.
 */
import type { HttpResponseData, QueryRecord } from '../shared/lab-spec.ts';
import type { ApiExpect } from './api-spec.ts';
import { count, withArticle } from '../../../core/format/words.ts';
import { type Asked, type ResponseSnapshot, sameResponse, snapshotOf } from './api-same-response.ts';

/** Values captured from earlier responses, by name. */
export type Captured = Record<string, unknown>;

/** The origin a handler's request URLs carry: "http://lab.test/books/7". */
const LAB_ORIGIN = 'http://lab.test';

const TYPE_MATCHERS: Record<string, (value: unknown) => boolean> = {
  '<any>': (value) => value !== undefined,
  '<number>': (value) => typeof value === 'number',
  '<string>': (value) => typeof value === 'string',
  '<array>': (value) => Array.isArray(value),
  '<object>': (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
};

/** A value as the learner reads it in a message, kept short. */
const show = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  // Only what JSON cannot write (a function, a symbol) reaches String(), so no object becomes "[object Object]".
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

/** Where in a JSON value a mismatch is: "items[2].id", or "the body" at the top. */
const where = (path: string) => (path === '' ? 'the body' : path);

/**
 * Why `actual` does not match `expected`, or undefined when it does. Objects match by the keys `expected` names
 * (others are ignored), arrays element by element with the same length, `<any>`, `<absent>`, `<number>`,
 * `<string>`, `<array>` and `<object>` by kind, anything else by equality (1 is not "1").
 */
export function mismatch(expected: unknown, actual: unknown, path = ''): string | undefined {
  if (typeof expected === 'string' && expected in TYPE_MATCHERS) {
    return TYPE_MATCHERS[expected]!(actual)
      ? undefined
      : `${where(path)} should be ${expected.slice(1, -1)}, got ${show(actual)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${where(path)} should be a list, got ${show(actual)}`;
    if (actual.length !== expected.length)
      return `${where(path)} should have ${count(expected.length, 'item')}, got ${actual.length}`;
    for (const [i, item] of expected.entries()) {
      const found = mismatch(item, actual[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual))
      return `${where(path)} should be an object, got ${show(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      const at = path ? `${path}.${key}` : key;
      const has = Object.hasOwn(actual, key);
      if (value === '<absent>') {
        if (has) return `${at} should not be there, got ${show((actual as Record<string, unknown>)[key])}`;
        continue;
      }
      if (!has) return `${at} is missing`;
      const found = mismatch(value, (actual as Record<string, unknown>)[key], at);
      if (found) return found;
    }
    return undefined;
  }
  return Object.is(expected, actual) || expected === actual
    ? undefined
    : `${where(path)} should be ${show(expected)}, got ${show(actual)}`;
}

/** A captured value inside a string: text as it is, anything else as JSON, so an object does not read "[object Object]". */
const inText = (value: unknown): string =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);

/** `${name}` in a string replaced by a captured value; a string that is exactly `${name}` becomes the value itself. */
export function substitute<T>(value: T, captured: Captured): T {
  if (typeof value === 'string') {
    const whole = /^\$\{(\w+)\}$/.exec(value);
    if (whole && whole[1]! in captured) return captured[whole[1]!] as T;
    return value.replace(/\$\{(\w+)\}/g, (all, name: string) => (name in captured ? inText(captured[name]) : all)) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => substitute(item, captured)) as T;
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, captured)])) as T;
  return value;
}

/** A response's header, by name in any case; several values joined as Headers.get joins them. */
/** A media type without its parameters, lower case: "application/problem+json". */
export const mediaType = (value: string | null): string => (value ?? '').split(';')[0]!.trim().toLowerCase();

export const responseHeader = (response: HttpResponseData, name: string): string | null => {
  const values = response.headers.filter(([k]) => k.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
  return values.length ? values.join(', ') : null;
};

/** The body read as JSON, or undefined when it is not JSON. */
const bodyJson = (response: HttpResponseData): unknown => {
  try {
    return JSON.parse(response.body);
  } catch {
    return undefined;
  }
};

/** A dotted path into a JSON value: "items.0.id". */
const pathValue = (value: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (at, key) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined),
      value,
    );

/**
 * The value a capture names ("header etag", "json items.0.id"), or undefined when the response lacks it; "response"
 * keeps the whole response and the request it answered (`asked`), for `expect.sameAs`.
 */
export function captureValue(response: HttpResponseData, spec: string, asked?: Asked): unknown {
  const [kind, name = ''] = spec.split(' ');
  if (kind === 'response') return snapshotOf(response, asked);
  if (kind === 'header') return responseHeader(response, name) ?? undefined;
  return pathValue(bodyJson(response), name);
}

/** Statements that only mark a transaction's edges: not counted against `maxQueries`. */
const CONTROL = /^\s*(begin|start\s+transaction|commit|end|rollback|savepoint|release|set\s+(local\s+)?transaction)\b/i;
export const countedQueries = (queries: QueryRecord[]) => queries.filter((q) => !CONTROL.test(q.sql)).length;

/** The first statement whose SQL or a parameter matches `pattern` (any case), and where. */
function reaching(queries: QueryRecord[], pattern: string): { sql: string; where: string } | undefined {
  const re = new RegExp(pattern, 'i');
  for (const query of queries) {
    const param = query.params.find((p) => re.test(p));
    if (param !== undefined) return { sql: query.sql, where: `the parameter ${param}` };
    if (re.test(query.sql)) return { sql: query.sql, where: `input the request sent, in its SQL text` };
  }
  return undefined;
}

/** Whether a header's value matches an author's pattern: the whole value, any case; a Location also by its path. */
function headerMatches(name: string, value: string, pattern: string): boolean {
  const re = new RegExp(`^(?:${pattern})$`, 'i');
  if (re.test(value)) return true;
  return /^(content-)?location$/i.test(name) && value.startsWith(LAB_ORIGIN) && re.test(value.slice(LAB_ORIGIN.length));
}

/** A body pattern in words: "^$" (a 204's) is read as no body, not as a regular expression. */
const bodyWanted = (pattern: string) => (pattern === '^$' ? 'an empty body' : `a body matching ${pattern}`);

/** What the test expects, a line each, as the learner reads it beside the response. */
export function describeExpect(expect: ApiExpect, captured?: Captured): string[] {
  const lines: string[] = [];
  if (expect.status !== undefined)
    lines.push(`status ${Array.isArray(expect.status) ? expect.status.join(' or ') : expect.status}`);
  for (const [name, pattern] of Object.entries(expect.headers ?? {}))
    lines.push(pattern === null ? `no ${name} header` : `header ${name} matching ${pattern}`);
  if (expect.json !== undefined) lines.push(`a JSON body like ${show(expect.json)}`);
  if (expect.body !== undefined) lines.push(bodyWanted(expect.body));
  if (expect.bodyExcludes !== undefined) lines.push(`a body that does not reveal internals (${expect.bodyExcludes})`);
  if (expect.maxQueries !== undefined) lines.push(`at most ${count(expect.maxQueries, 'SQL statement')}`);
  if (expect.queriesExclude !== undefined)
    lines.push(`no SQL statement whose text or parameters hold ${expect.queriesExclude}`);
  if (expect.sameAs !== undefined) {
    const earlier = captured?.[expect.sameAs] as ResponseSnapshot | undefined;
    lines.push(`the same status, Content-Type and body as ${earlier?.request || 'the earlier response'} got`);
  }
  return lines;
}

/** The first way the response falls short of `expect`, in a sentence; undefined when it holds. */
export function checkResponse(
  expect: ApiExpect,
  response: HttpResponseData,
  queries: QueryRecord[],
  compare?: { captured: Captured; request: string },
): string | undefined {
  if (expect.status !== undefined) {
    const allowed = Array.isArray(expect.status) ? expect.status : [expect.status];
    if (!allowed.includes(response.status))
      return `Expected status ${allowed.join(' or ')}, got ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  }
  for (const [name, pattern] of Object.entries(expect.headers ?? {})) {
    const value = responseHeader(response, name);
    if (pattern === null) {
      if (value !== null) return `Expected no ${name} header, got "${value}".`;
    } else if (value === null) return `Expected ${withArticle(name)} header; the response has none.`;
    else if (!headerMatches(name, value, pattern))
      return `Expected the ${name} header to match ${pattern}, got "${value}".`;
  }
  if (expect.bodyExcludes !== undefined) {
    const leak = new RegExp(expect.bodyExcludes, 'i').exec(response.body);
    if (leak)
      return `The body reveals internals ("${leak[0]}"): a client should not see database errors. Answer with your own message.`;
  }
  if (expect.body !== undefined && !new RegExp(expect.body, 'i').test(response.body))
    return `Expected ${bodyWanted(expect.body)}, got ${show(response.body)}.`;
  if (expect.json !== undefined) {
    const json = bodyJson(response);
    if (json === undefined)
      return response.body === ''
        ? 'Expected a JSON body; the response has none.'
        : `Expected a JSON body, got ${show(response.body)}.`;
    const found = mismatch(expect.json, json);
    if (found) return `In the JSON body, ${found}.`;
  }
  if (expect.queriesExclude !== undefined) {
    const reached = reaching(queries, expect.queriesExclude);
    if (reached)
      return `A statement the request ran holds ${reached.where}: ${reached.sql}. Refuse input the task rules out before it reaches the database; a statement that only fails on it can still lock, log it, or answer differently on another server.`;
  }
  if (expect.maxQueries !== undefined) {
    const ran = countedQueries(queries);
    if (ran > expect.maxQueries)
      return expect.maxQueries === 0
        ? `The request ran ${count(ran, 'SQL statement')}; it should not touch the database.`
        : `The request ran ${ran} SQL statements; at most ${expect.maxQueries} ${expect.maxQueries === 1 ? 'is' : 'are'} allowed.`;
  }
  if (expect.sameAs !== undefined) {
    const earlier = compare?.captured[expect.sameAs] as ResponseSnapshot | undefined;
    // A test that compares with a response it never captured is a broken test, not a wrong answer.
    if (typeof earlier?.body !== 'string')
      throw new Error(`expect.sameAs names "${expect.sameAs}", which no earlier step captured as a response.`);
    return sameResponse(earlier, response, compare!.request);
  }
  return undefined;
}
