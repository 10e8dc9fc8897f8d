/**
 * The rules an API lab's task states once for every response ("every health response is application/json", "errors
 * are problem details", "a 401 says how to authenticate", "nothing is cached"), declared once in the lab's `rules`
 * and held against every response of every hidden test, in JavaScript and in Python alike (api-lab.ts): a test
 * cannot forget one, and a new test gets them all.
 */
import type { ApiRules } from './api-spec.ts';
import { mediaType, responseHeader } from './api-expect.ts';
import type { HttpExchange } from '../shared/lab-spec.ts';
import { fill } from '../../../core/format/fill.ts';
import { API_RUN_WORDS, type ApiRunWords } from './api-words.ts';

/** Statuses whose responses carry no body, so no media type either. */
const BODILESS = new Set([204, 304]);

/** The value a by-status rule gives `status`: its own ("404"), else its class's ("4xx"). */
function byStatus<T>(rule: Record<string, T> | undefined, status: number): T | undefined {
  return rule?.[String(status)] ?? rule?.[`${String(status)[0]}xx`];
}

/** What is wrong with a problem document (RFC 9457) answering `status`, if anything. */
function problemFault(body: string, status: number, words: ApiRunWords): string | undefined {
  let problem: unknown;
  try {
    problem = JSON.parse(body);
  } catch {
    return words.problemNotJson;
  }
  if (typeof problem !== 'object' || problem === null || Array.isArray(problem)) return words.problemNotObject;
  const { title, status: said } = problem as { title?: unknown; status?: unknown };
  if (typeof title !== 'string' || title.trim() === '') return words.problemNoTitle;
  if (said !== status) return fill(words.problemStatus, { said: JSON.stringify(said) ?? 'undefined', status });
  return undefined;
}

/** The first of the lab's rules `exchange` breaks, in words, or undefined. */
export function ruleBroken(
  rules: ApiRules,
  exchange: HttpExchange,
  words: ApiRunWords = API_RUN_WORDS,
): string | undefined {
  const response = exchange.response;
  if (!response) return undefined;
  const { status } = response;
  const type = mediaType(responseHeader(response, 'content-type'));
  const sent = type || words.noType;
  const says = (value: string | null) => (value === null ? words.hasNone : fill(words.says, { value }));
  const wanted = BODILESS.has(status) ? undefined : byStatus(rules.contentType, status);
  if (wanted !== undefined && type !== wanted.toLowerCase())
    return fill(words.ruleType, { status, wanted, type: sent });
  if (rules.problemDetails && status >= 400) {
    if (type !== 'application/problem+json') return fill(words.ruleProblemType, { status, type: sent });
    const fault = problemFault(response.body, status, words);
    if (fault) return fill(words.ruleProblem, { status, fault });
  }
  if (rules.wwwAuthenticate !== undefined && status === 401) {
    const challenge = responseHeader(response, 'www-authenticate');
    if (challenge === null || !new RegExp(rules.wwwAuthenticate, 'i').test(challenge))
      return fill(words.ruleAuth, { pattern: rules.wwwAuthenticate, said: says(challenge) });
  }
  const caching = byStatus(rules.cacheControl, status);
  if (caching !== undefined) {
    const said = responseHeader(response, 'cache-control');
    if (said === null || !new RegExp(caching, 'i').test(said))
      return fill(words.ruleCache, { status, pattern: caching, said: says(said) });
  }
  return undefined;
}
