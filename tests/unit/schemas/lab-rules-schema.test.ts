/**
 * An API lab's `rules` (what its task says of every response) are checked as content: a status key is a status or a
 * class, a media type is one, a pattern compiles, and only an API lab may have them; each fails naming the field.
 */
import { expect, it } from 'vitest';
import { readContentDir } from '../../../src/lib/content/content-files.ts';
import { SCHEMAS } from '../../../src/lib/content/integrity/entries.ts';

const entries = readContentDir().filter((e) => e.collection === 'labs');
const data = (id: string) => entries.find((e) => e.id === id)!.data as Record<string, unknown>;
const issues = (lab: Record<string, unknown>) => {
  const parsed = SCHEMAS.labs.safeParse(lab);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

it('accepts the rules the API labs declare, and fails a bad key, media type or pattern by its field', () => {
  const lab = data('api-health-checks');
  expect(lab.rules).toEqual({
    contentType: { '200': 'application/json', '503': 'application/json' },
    cacheControl: { '200': 'no-store', '503': 'no-store' },
  });
  expect(issues(lab)).toEqual([]);
  expect(issues({ ...lab, rules: { contentType: { '2XX': 'application/json' } } })).toEqual([
    expect.stringMatching(/^rules\.contentType\.2XX: .*is a status \("404"\) or a class \("4xx"\)/),
  ]);
  expect(issues({ ...lab, rules: { contentType: { '200': 'json' } } })).toEqual([
    expect.stringMatching(/^rules\.contentType\.200: /),
  ]);
  expect(issues({ ...lab, rules: { wwwAuthenticate: '(' } })).toEqual([
    expect.stringMatching(/^rules\.wwwAuthenticate: /),
  ]);
  expect(issues({ ...lab, rules: { cacheControl: { '200': 'no-store' }, problem: true } })).toEqual([
    expect.stringMatching(/^rules: .*problem/),
  ]);
});

it('refuses rules on a lab that is not an API lab', () => {
  expect(issues({ ...data('py-lru-cache'), rules: { problemDetails: true } })).toEqual([
    expect.stringMatching(/^rules: /),
  ]);
});

it('wants a hidden test under another value of each env setting, and none of a setting the lab lacks', () => {
  const lab = data('api-cors-preflight');
  const tests = lab.requests as { env?: Record<string, string> }[];
  expect(tests.some((test) => test.env?.ALLOWED_ORIGINS !== undefined)).toBe(true);
  expect(issues(lab)).toEqual([]);
  const unread = tests.map((test) => ({ ...test, env: undefined }));
  expect(issues({ ...lab, requests: unread })).toEqual([
    expect.stringMatching(/^env\.ALLOWED_ORIGINS: no hidden test runs under another value of ALLOWED_ORIGINS/),
  ]);
  const invented = tests.map((test, i) => (i === 0 ? { ...test, env: { API_SECRET: 'x' } } : test));
  expect(issues({ ...lab, requests: invented })).toEqual([
    expect.stringMatching(/^requests\.0\.env\.API_SECRET: is not one of the lab's env settings \(ALLOWED_ORIGINS\)/),
  ]);
});
