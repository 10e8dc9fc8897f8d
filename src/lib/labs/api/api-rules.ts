/**
 * The rules an API lab's task states once for every response ("every health response is application/json", "errors
 * are problem details", "a 401 says how to authenticate", "nothing is cached"), declared once in the lab's `rules`
 * and held against every response of every hidden test, in JavaScript and in Python alike (api-lab.ts): a test
 * cannot forget one, and a new test gets them all.
 */
import type { ApiRules } from './api-spec.ts';
import { mediaType, responseHeader } from './api-expect.ts';
import type { HttpExchange } from '../shared/lab-spec.ts';

/** Statuses whose responses carry no body, so no media type either. */
const BODILESS = new Set([204, 304]);

/** The value a by-status rule gives `status`: its own ("404"), else its class's ("4xx"). */
function byStatus<T>(rule: Record<string, T> | undefined, status: number): T | undefined {
  return rule?.[String(status)] ?? rule?.[`${String(status)[0]}xx`];
}

/** What is wrong with a problem document (RFC 9457) answering `status`, if anything. */
function problemFault(body: string, status: number): string | undefined {
  let problem: unknown;
  try {
    problem = JSON.parse(body);
  } catch {
    return 'its body is not JSON';
  }
  if (typeof problem !== 'object' || problem === null || Array.isArray(problem)) return 'its body is not a JSON object';
  const { title, status: said } = problem as { title?: unknown; status?: unknown };
  if (typeof title !== 'string' || title.trim() === '') return 'it has no "title" that says what went wrong';
  if (said !== status) return `its "status" is ${JSON.stringify(said)}, not the response's ${status}`;
  return undefined;
}

/** The first of the lab's rules `exchange` breaks, in words, or undefined. */
export function ruleBroken(rules: ApiRules, exchange: HttpExchange): string | undefined {
  const response = exchange.response;
  if (!response) return undefined;
  const { status } = response;
  const type = mediaType(responseHeader(response, 'content-type'));
  const wanted = BODILESS.has(status) ? undefined : byStatus(rules.contentType, status);
  if (wanted !== undefined && type !== wanted.toLowerCase())
    return `a ${status} must be ${wanted}, as the task says of every such response; this one is ${type || 'sent with no Content-Type'}.`;
  if (rules.problemDetails && status >= 400) {
    if (type !== 'application/problem+json')
      return `an error must be problem details (application/problem+json), as the task says of every error; this ${status} is ${type || 'sent with no Content-Type'}.`;
    const fault = problemFault(response.body, status);
    if (fault) return `an error must be problem details, as the task says of every error; in this ${status}, ${fault}.`;
  }
  if (rules.wwwAuthenticate !== undefined && status === 401) {
    const challenge = responseHeader(response, 'www-authenticate');
    if (challenge === null || !new RegExp(rules.wwwAuthenticate, 'i').test(challenge))
      return `a 401 must say how to authenticate with WWW-Authenticate (${rules.wwwAuthenticate}), as the task says; this one ${challenge === null ? 'has none' : `says "${challenge}"`}.`;
  }
  const caching = byStatus(rules.cacheControl, status);
  if (caching !== undefined) {
    const said = responseHeader(response, 'cache-control');
    if (said === null || !new RegExp(caching, 'i').test(said))
      return `a ${status} must carry Cache-Control matching ${caching}, as the task says; this one ${said === null ? 'has none' : `says "${said}"`}.`;
  }
  return undefined;
}
