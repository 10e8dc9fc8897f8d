/**
 * "The same answer for both": a response compared whole with one an earlier step captured (`capture: { missing:
 * response }`, then `expect: { sameAs: missing }`), for tasks that promise two cases cannot be told apart, such as an
 * order that does not exist and one that belongs to someone else. Status, Content-Type and body must match; only
 * the id each request sent may differ where a body echoes it. Pure functions, run on the host (api-expect.ts).
 */
import type { HttpResponseData } from '../shared/lab-spec.ts';
import { fill } from '../../../core/format/fill.ts';
import { API_RUN_WORDS, type ApiRunWords } from './api-words.ts';

/** A whole response kept by a `response` capture, for a later step's `expect.sameAs` to compare with. */
export interface ResponseSnapshot {
  /** "GET /orders/999999": the request it answered, named in a failure. */
  request: string;
  status: number;
  contentType: string | null;
  body: string;
}

/** The request a response answered, as a snapshot names it. */
export type Asked = { method: string; path: string };

/** The Content-Type a response carries (several joined as Headers.get joins them), or null. */
const contentTypeOf = (response: HttpResponseData): string | null => {
  const values = response.headers.filter(([k]) => k.toLowerCase() === 'content-type').map(([, v]) => v);
  return values.length ? values.join(', ') : null;
};

/** A response kept whole, with the request it answered. */
export const snapshotOf = (response: HttpResponseData, asked?: Asked): ResponseSnapshot => ({
  request: asked ? `${asked.method} ${asked.path}` : 'the earlier request',
  status: response.status,
  contentType: contentTypeOf(response),
  body: response.body,
});

/** A value as the learner reads it in a message, kept short; "nothing" for a member one side lacks. */
const shown = (value: unknown, words: ApiRunWords): string => {
  const text = value === undefined ? undefined : JSON.stringify(value);
  if (text === undefined) return words.nothing;
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A body with the request's own last path segment ("1002", decoded too) replaced wherever it stands as a whole
 * token: a response may echo the id the client sent (`"instance": "/orders/1002"`, "no order 1002"), which tells the
 * client nothing it did not know, so two answers that differ only there are the same answer.
 */
function withoutEcho(body: string, request: string, echoed: string): string {
  const path = (request.split(' ')[1] ?? '').split('?')[0] ?? '';
  const segment = path.slice(path.lastIndexOf('/') + 1);
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A malformed escape is echoed, if at all, as sent.
  }
  let out = body;
  for (const echo of new Set([segment, decoded]))
    if (echo !== '') out = out.replace(new RegExp(`(?<![\\w])${escapeRegExp(echo)}(?![\\w])`, 'g'), echoed);
  return out;
}

/** The first place two JSON values differ ("detail", "errors[0]"), with both sides, or undefined when equal. */
function jsonDifference(here: unknown, there: unknown, path = ''): [string, unknown, unknown] | undefined {
  if (Object.is(here, there)) return undefined;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (!isObject(here) || !isObject(there) || Array.isArray(here) !== Array.isArray(there)) return [path, here, there];
  const keys = [...new Set([...Object.keys(here), ...Object.keys(there)])];
  for (const key of keys) {
    const at = Array.isArray(here) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!Object.hasOwn(here, key) || !Object.hasOwn(there, key)) return [at, here[key], there[key]];
    const found = jsonDifference(here[key], there[key], at);
    if (found) return found;
  }
  return undefined;
}

/**
 * Why `response` (to `request`) is not the same answer as the captured `earlier` one, or undefined when it is: the
 * same status, the same Content-Type and the same body, byte for byte once the id each request sent is set aside.
 * Any difference, a `detail` or a title's case, is one a client can read, so it tells the two cases apart.
 */
export function sameResponse(
  earlier: ResponseSnapshot,
  response: HttpResponseData,
  request: string,
  words: ApiRunWords = API_RUN_WORDS,
): string | undefined {
  const lead = fill(words.differs, { request: earlier.request });
  if (response.status !== earlier.status)
    return fill(words.differsStatus, { lead, here: response.status, there: earlier.status });
  const contentType = contentTypeOf(response);
  if (contentType !== earlier.contentType)
    return fill(words.differsType, {
      lead,
      here: shown(contentType ?? undefined, words),
      there: shown(earlier.contentType ?? undefined, words),
    });
  const here = withoutEcho(response.body, request, words.echo);
  const there = withoutEcho(earlier.body, earlier.request, words.echo);
  if (here === there) return undefined;
  let hereJson: unknown, thereJson: unknown;
  try {
    hereJson = JSON.parse(here);
    thereJson = JSON.parse(there);
  } catch {
    hereJson = thereJson = undefined;
  }
  const found = hereJson !== undefined && jsonDifference(hereJson, thereJson);
  if (found) {
    const [at, a, b] = found;
    return fill(words.differsJson, {
      lead,
      at: at === '' ? words.theBody : at,
      here: shown(a, words),
      there: shown(b, words),
    });
  }
  let i = 0;
  while (i < here.length && here[i] === there[i]) i++;
  const from = Math.max(0, i - 20);
  const part = (text: string) => `${from > 0 ? '…' : ''}${text.slice(from, i + 40)}${text.length > i + 40 ? '…' : ''}`;
  return fill(words.differsBody, { lead, n: i + 1, here: part(here), there: part(there) });
}
