/**
 * What a hidden test's step expects of a response, a line each, as the learner reads it beside the exchange
 * (api-test.ts notes it on every exchange; api-expect.ts judges the response against the same expectation).
 */
import { fill } from '../../../core/format/fill.ts';
import { bodyWanted, type Captured, show } from './api-expect.ts';
import type { ResponseSnapshot } from './api-same-response.ts';
import type { ApiExpect } from './api-spec.ts';
import { API_RUN_WORDS, type ApiRunWords } from './api-words.ts';

/** What the test expects, a line each, as the learner reads it beside the response. */
export function describeExpect(expect: ApiExpect, captured?: Captured, words: ApiRunWords = API_RUN_WORDS): string[] {
  const lines: string[] = [];
  if (expect.status !== undefined)
    lines.push(
      fill(words.expectStatus, {
        status: Array.isArray(expect.status) ? expect.status.join(words.or) : expect.status,
      }),
    );
  for (const [name, pattern] of Object.entries(expect.headers ?? {}))
    lines.push(pattern === null ? fill(words.expectNoHeader, { name }) : fill(words.expectHeader, { name, pattern }));
  if (expect.json !== undefined) lines.push(fill(words.expectJson, { json: show(expect.json, words) }));
  if (expect.body !== undefined) lines.push(bodyWanted(expect.body, words));
  if (expect.bodyExcludes !== undefined) lines.push(fill(words.expectNoLeak, { pattern: expect.bodyExcludes }));
  if (expect.maxQueries !== undefined)
    lines.push(
      fill(expect.maxQueries === 1 ? words.expectQueriesOne : words.expectQueriesMany, { n: expect.maxQueries }),
    );
  if (expect.queriesExclude !== undefined) lines.push(fill(words.expectNoQuery, { pattern: expect.queriesExclude }));
  if (expect.sameAs !== undefined) {
    const earlier = captured?.[expect.sameAs] as ResponseSnapshot | undefined;
    lines.push(fill(words.expectSame, { request: earlier?.request || words.theEarlier }));
  }
  return lines;
}
