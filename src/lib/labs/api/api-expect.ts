/**
 * How an API lab's hidden test judges a response (src/lib/labs/api/api-test.ts runs the requests): the status, headers
 * matched by regular expression, the JSON body matched by shape, the raw body, how many statements the request ran;
 * and how values captured from one response (`${etag}`) fill in later steps. Pure functions, run on the host, never
 * inside the engine where the learner's code runs.
 */
import type { HttpResponseData, QueryRecord } from '../shared/lab-spec.ts';
import type { ApiExpect } from './api-spec.ts';
import { fill } from '../../../core/format/fill.ts';
import { API_RUN_WORDS, type ApiRunWords } from './api-words.ts';
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
export const show = (value: unknown, words: ApiRunWords): string => {
  if (value === undefined) return words.nothing;
  // Only what JSON cannot write (a function, a symbol) reaches String(), so no object becomes "[object Object]".
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

/** Where in a JSON value a mismatch is: "items[2].id", or "the body" at the top. */
const where = (path: string, words: ApiRunWords) => (path === '' ? words.theBody : path);

/**
 * Why `actual` does not match `expected`, or undefined when it does. Objects match by the keys `expected` names
 * (others are ignored), arrays element by element with the same length, `<any>`, `<absent>`, `<number>`,
 * `<string>`, `<array>` and `<object>` by kind, anything else by equality (1 is not "1").
 */
export function mismatch(
  expected: unknown,
  actual: unknown,
  path = '',
  words: ApiRunWords = API_RUN_WORDS,
): string | undefined {
  const at = where(path, words);
  const value = show(actual, words);
  if (typeof expected === 'string' && expected in TYPE_MATCHERS) {
    const kind = words.kinds[expected.slice(1, -1) as keyof ApiRunWords['kinds']];
    return TYPE_MATCHERS[expected]!(actual) ? undefined : fill(words.shouldBeKind, { at, kind, value });
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return fill(words.shouldBeList, { at, value });
    if (actual.length !== expected.length)
      return fill(expected.length === 1 ? words.shouldHaveOne : words.shouldHaveMany, {
        at,
        count: expected.length,
        n: actual.length,
      });
    for (const [i, item] of expected.entries()) {
      const found = mismatch(item, actual[i], `${path}[${i}]`, words);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual))
      return fill(words.shouldBeObject, { at, value });
    for (const [key, member] of Object.entries(expected)) {
      const inner = path ? `${path}.${key}` : key;
      const has = Object.hasOwn(actual, key);
      if (member === '<absent>') {
        if (has)
          return fill(words.shouldNotBeThere, {
            at: inner,
            value: show((actual as Record<string, unknown>)[key], words),
          });
        continue;
      }
      if (!has) return fill(words.isMissing, { at: inner });
      const found = mismatch(member, (actual as Record<string, unknown>)[key], inner, words);
      if (found) return found;
    }
    return undefined;
  }
  return Object.is(expected, actual) || expected === actual
    ? undefined
    : fill(words.shouldBe, { at, expected: show(expected, words), value });
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
function reaching(
  queries: QueryRecord[],
  pattern: string,
  words: ApiRunWords,
): { sql: string; where: string } | undefined {
  const re = new RegExp(pattern, 'i');
  for (const query of queries) {
    const param = query.params.find((p) => re.test(p));
    if (param !== undefined) return { sql: query.sql, where: fill(words.theParameter, { param }) };
    if (re.test(query.sql)) return { sql: query.sql, where: words.inSql };
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
export const bodyWanted = (pattern: string, words: ApiRunWords) =>
  pattern === '^$' ? words.expectEmpty : fill(words.expectBody, { pattern });

/** The first way the response falls short of `expect`, in a sentence; undefined when it holds. */
export function checkResponse(
  expect: ApiExpect,
  response: HttpResponseData,
  queries: QueryRecord[],
  compare?: { captured: Captured; request: string },
  words: ApiRunWords = API_RUN_WORDS,
): string | undefined {
  if (expect.status !== undefined) {
    const allowed = Array.isArray(expect.status) ? expect.status : [expect.status];
    if (!allowed.includes(response.status))
      return fill(words.status, {
        allowed: allowed.join(words.or),
        status: `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      });
  }
  for (const [name, pattern] of Object.entries(expect.headers ?? {})) {
    const value = responseHeader(response, name);
    if (pattern === null) {
      if (value !== null) return fill(words.noHeaderExpected, { name, value });
    } else if (value === null) return fill(words.headerMissing, { name });
    else if (!headerMatches(name, value, pattern)) return fill(words.headerMismatch, { name, pattern, value });
  }
  if (expect.bodyExcludes !== undefined) {
    const leak = new RegExp(expect.bodyExcludes, 'i').exec(response.body);
    if (leak) return fill(words.leak, { leak: leak[0] });
  }
  if (expect.body !== undefined && !new RegExp(expect.body, 'i').test(response.body))
    return fill(words.bodyWanted, { wanted: bodyWanted(expect.body, words), value: show(response.body, words) });
  if (expect.json !== undefined) {
    const json = bodyJson(response);
    if (json === undefined)
      return response.body === '' ? words.noJson : fill(words.notJson, { value: show(response.body, words) });
    const found = mismatch(expect.json, json, '', words);
    if (found) return fill(words.inJson, { found });
  }
  if (expect.queriesExclude !== undefined) {
    const reached = reaching(queries, expect.queriesExclude, words);
    if (reached) return fill(words.reached, reached);
  }
  if (expect.maxQueries !== undefined) {
    const ran = countedQueries(queries);
    const max = expect.maxQueries;
    if (ran > max)
      return max === 0
        ? fill(ran === 1 ? words.noDatabaseOne : words.noDatabaseMany, { n: ran })
        : fill(max === 1 ? words.tooManyOne : words.tooManyMany, { n: ran, max });
  }
  if (expect.sameAs !== undefined) {
    const earlier = compare?.captured[expect.sameAs] as ResponseSnapshot | undefined;
    // A test that compares with a response it never captured is a broken test, not a wrong answer.
    if (typeof earlier?.body !== 'string')
      throw new Error(`expect.sameAs names "${expect.sameAs}", which no earlier step captured as a response.`);
    return sameResponse(earlier, response, compare!.request, words);
  }
  return undefined;
}
