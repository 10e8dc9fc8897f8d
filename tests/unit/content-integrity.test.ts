/**
 * Bad content fails with the file and the field named. Each case copies the valid fixture tree
 * (tests/fixtures/valid), breaks one thing the way an author would, and checks the reported problem.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readContentDir } from '../../src/lib/content-files';
import { checkChangeDates, checkContent, checkRoadmapTiming, findCycle, formatIssues, latestToday } from '../../src/lib/content-integrity';

const VALID = join(import.meta.dirname, '../fixtures/valid');
const trees: string[] = [];

/** A fresh copy of the valid fixture tree, changed by `mutate`; returns the problems found, one per line. */
function problemsAfter(mutate: (root: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-content-'));
  trees.push(root);
  cpSync(VALID, root, { recursive: true });
  mutate(root);
  return formatIssues(checkContent(readContentDir(root)));
}
const edit = (root: string, file: string, from: string | RegExp, to: string) => {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(path, next);
};

afterEach(() => {
  for (const root of trees.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('content integrity', () => {
  it('accepts the valid fixture set', () => {
    const entries = readContentDir(VALID);
    expect(entries.length).toBe(11);
    expect(checkContent(entries)).toEqual([]);
  });

  it('names the file and field of a missing required field', () => {
    const out = problemsAfter((r) => edit(r, 'topics/sql.mdx', /^hours: 10\n/m, ''));
    expect(out).toMatch(/topics\/sql\.mdx: hours: is required but missing/);
  });

  it('names the file and field of a value outside its enum', () => {
    const out = problemsAfter((r) => edit(r, 'questions/fixture-sql-join.mdx', 'difficulty: junior', 'difficulty: expert'));
    expect(out).toMatch(/questions\/fixture-sql-join\.mdx: difficulty: Invalid option: expected one of "junior"\|"mid"\|"senior"/);
  });

  it('rejects a resource URL that is not https', () => {
    const out = problemsAfter((r) => edit(r, 'topics/sql.mdx', 'https://www.postgresql.org', 'http://www.postgresql.org'));
    expect(out).toMatch(/topics\/sql\.mdx: resources\[0\]\.url: must be an absolute https:\/\/ URL/);
  });

  it('reports a reference to an entry that does not exist (Astro only logs these)', () => {
    const out = problemsAfter((r) => edit(r, 'projects/fixture-api.mdx', 'topics: [http, sql]', 'topics: [http, sqll]'));
    expect(out).toMatch(/projects\/fixture-api\.mdx: topics\[1\]: refers to topic "sqll", which does not exist/);
  });

  it('reports a broken reference inside a roadmap stage', () => {
    const out = problemsAfter((r) => edit(r, 'roadmaps/fixture-basics.mdx', '{ topic: jwt, optional: true }', '{ topic: jwtt, optional: true }'));
    expect(out).toMatch(/roadmaps\/fixture-basics\.mdx: stages\[0\]\.topics\[1\]\.topic: refers to topic "jwtt", which does not exist/);
  });

  it('reports a reference to an old id (alias) and names the current id', () => {
    const out = problemsAfter((r) => edit(r, 'topics/http.mdx', 'related: [jwt]', 'related: [json-web-tokens]'));
    expect(out).toMatch(/topics\/http\.mdx: related\[0\]: refers to topic "json-web-tokens", an old id of "jwt": use "jwt"/);
  });

  it('reports two entries with the same id', () => {
    const out = problemsAfter((r) => {
      mkdirSync(join(r, 'topics/archive'));
      cpSync(join(r, 'topics/sql.mdx'), join(r, 'topics/archive/sql.mdx'));
    });
    expect(out).toMatch(/topics\/sql\.mdx: \(file name\): duplicate topic id "sql": .*topics\/archive\/sql\.mdx has it too/);
  });

  it('reports an alias equal to another entry id', () => {
    const out = problemsAfter((r) => edit(r, 'topics/jwt.mdx', 'aliases: [json-web-tokens]', 'aliases: [json-web-tokens, sql]'));
    expect(out).toMatch(/topics\/jwt\.mdx: aliases\[1\]: alias "sql" is the id of .*topics\/sql\.mdx/);
  });

  it('reports the same topic twice in one roadmap', () => {
    const out = problemsAfter((r) => edit(r, 'roadmaps/fixture-next.mdx', 'topics: [jwt]', 'topics: [jwt, http, jwt]'));
    expect(out).toMatch(/roadmaps\/fixture-next\.mdx: stages\[0\]\.topics\[2\]: topic "jwt" appears twice in this roadmap \(first at stages\[0\]\.topics\[0\]\)/);
  });

  it('reports a cycle in roadmap prerequisites', () => {
    const out = problemsAfter((r) => edit(r, 'roadmaps/fixture-basics.mdx', 'order: 1', 'order: 1\nprerequisites: [fixture-next]'));
    expect(out).toMatch(/roadmaps\/fixture-basics\.mdx: prerequisites: roadmap prerequisites form a cycle: fixture-basics → fixture-next → fixture-basics/);
  });

  it('reports an MDX syntax error with its line in the file', () => {
    const out = problemsAfter((r) => edit(r, 'topics/sql.mdx', 'SQL fixture topic.', 'SQL fixture <b>topic.'));
    expect(out).toMatch(/topics\/sql\.mdx: body: MDX syntax error at line 19, column 13: Expected a closing tag for `<b>` before the end of `paragraph`/);
  });

  it('reports frontmatter that is not YAML', () => {
    const out = problemsAfter((r) => edit(r, 'topics/sql.mdx', 'hours: 10', 'hours: [10'));
    expect(out).toMatch(/topics\/sql\.mdx: \(file\): frontmatter is not valid YAML/);
  });

  it('reports a stage id that collides with a topic anchor', () => {
    const out = problemsAfter((r) => edit(r, 'roadmaps/fixture-next.mdx', 'id: stage-auth', 'id: jwt'));
    expect(out).toMatch(/roadmaps\/fixture-next\.mdx: stages\[0\]\.id: stage id "jwt" is also a topic id/);
  });

  it('reports a comparison row that misses a column', () => {
    const out = problemsAfter((r) => edit(r, 'comparisons/fixture-stores.yaml', 'speed: Slow, year: 1970', 'year: 1970'));
    expect(out).toMatch(/comparisons\/fixture-stores\.yaml: rows\[2\]\.cells: missing a value for column "speed"/);
  });

  it('rejects a comparison source that names a document without a link', () => {
    const out = problemsAfter((r) =>
      edit(r, 'comparisons/fixture-stores.yaml', /^source:[\s\S]*$/m, 'source: { name: Backend Atlas source outline, asOf: "2024-11" }\n'),
    );
    expect(out).toMatch(/comparisons\/fixture-stores\.yaml: source\.url: is required but missing/);
  });

  it('rejects a comparison without any source', () => {
    const out = problemsAfter((r) => edit(r, 'comparisons/fixture-stores.yaml', /^source:[\s\S]*$/m, ''));
    expect(out).toMatch(/comparisons\/fixture-stores\.yaml: source: is required but missing/);
  });

  it('rejects a source given as plain text, naming the three accepted forms', () => {
    const out = problemsAfter((r) => edit(r, 'comparisons/fixture-stores.yaml', /^source:[\s\S]*$/m, 'source: "Backend & API seed outlines"\n'));
    expect(out).toMatch(/comparisons\/fixture-stores\.yaml: source: must be a source: \{ name, url, asOf \}.*kind: assessment.*kind: estimate/);
  });

  it('rejects an assessment without its review month and an unknown source kind', () => {
    const noMonth = problemsAfter((r) => edit(r, 'comparisons/fixture-stores.yaml', '  reviewed: "2026-11"\n', ''));
    expect(noMonth).toMatch(/comparisons\/fixture-stores\.yaml: source\.reviewed: is required but missing/);
    const unknown = problemsAfter((r) => edit(r, 'comparisons/fixture-stores.yaml', 'kind: assessment', 'kind: opinion'));
    expect(unknown).toMatch(/comparisons\/fixture-stores\.yaml: source\.kind: must be a source/);
  });

  it('rejects a role salary source with an http link or a month that is not YYYY-MM', () => {
    const http = problemsAfter((r) => edit(r, 'roles/fixture-developer.mdx', 'https://stats.example.org/wages/2024', 'http://stats.example.org/wages/2024'));
    expect(http).toMatch(/roles\/fixture-developer\.mdx: market\.salary\.source\.from\[0\]\.url: must be an absolute https:\/\/ URL/);
    const month = problemsAfter((r) => edit(r, 'roles/fixture-developer.mdx', 'asOf: "2024-05"', 'asOf: "May 2024"'));
    expect(month).toMatch(/roles\/fixture-developer\.mdx: market\.salary\.source\.from\[0\]\.asOf: must be a month as YYYY-MM/);
  });

  it('rejects an estimate that does not say how it was derived or what from', () => {
    const out = problemsAfter((r) => {
      edit(r, 'roles/fixture-developer.mdx', /      method: .*\n/, '');
      edit(r, 'roles/fixture-developer.mdx', /      from: .*\n/, '      from: []\n');
    });
    expect(out).toMatch(/roles\/fixture-developer\.mdx: market\.salary\.source\.method: is required but missing/);
    expect(out).toMatch(/roles\/fixture-developer\.mdx: market\.salary\.source\.from: Too small/);
  });

  it('rejects a salary backed only by our assessment: a figure needs something to check', () => {
    const out = problemsAfter((r) =>
      edit(r, 'roles/fixture-developer.mdx', /    source:\n      kind: estimate\n.*\n.*\n/, '    source: { kind: assessment, reviewed: "2026-11" }\n'),
    );
    expect(out).toMatch(/roles\/fixture-developer\.mdx: market\.salary\.source\.kind: a salary figure needs a publication/);
  });

  it('rejects the old flat market fields', () => {
    const out = problemsAfter((r) => edit(r, 'roles/fixture-developer.mdx', '  region: United States\n', '  region: United States\n  source: "Fixture source"\n'));
    expect(out).toMatch(/roles\/fixture-developer\.mdx: market: Unrecognized key: "source"/);
  });
});

describe('roadmap durations agree with their topic hours', () => {
  // fixture-basics: http (6 h) + the smaller of sql (10 h) / caching-strategies (5 h) = 11 h; jwt is optional.
  // At 5–10 h/week that is 1.1–2.2 weeks, and the roadmap states 1–2 weeks.
  it('reports a stated duration more than 20 % away from hours ÷ pace, naming the bound', () => {
    const out = problemsAfter((r) => edit(r, 'roadmaps/fixture-basics.mdx', 'duration: { min: 1, max: 2, unit: weeks }', 'duration: { min: 1, max: 3, unit: weeks }'));
    expect(out).toMatch(/roadmaps\/fixture-basics\.mdx: duration\.max: 3 weeks disagrees with the topics: their 11 required hours take 2\.2 weeks at 5 h\/week \(hoursPerWeek\.min\)/);
    expect(out).not.toMatch(/duration\.min/);
  });

  it('does not count optional topics', () => {
    const out = problemsAfter((r) => edit(r, 'topics/jwt.mdx', 'hours: 4', 'hours: 100'));
    expect(out).not.toMatch(/fixture-basics/);
    expect(out).toMatch(/roadmaps\/fixture-next\.mdx: duration\.min: 1 week disagrees with the topics: their 100 required hours/);
  });

  it('counts the smallest choice of a pick-one group', () => {
    expect(problemsAfter((r) => edit(r, 'topics/sql.mdx', 'hours: 10', 'hours: 100'))).toBe('');
    const out = problemsAfter((r) => edit(r, 'topics/caching-strategies.mdx', 'hours: 5', 'hours: 100'));
    expect(out).toMatch(/fixture-basics\.mdx: duration\.min: .*their 16 required hours take 1\.6 weeks at 10 h\/week \(hoursPerWeek\.max\)/);
    expect(out).toMatch(/fixture-basics\.mdx: duration\.max: .*their 16 required hours take 3\.2 weeks at 5 h\/week/);
  });

  it('allows exactly 20 % and no more, converting months to weeks', () => {
    const roadmap = { duration: { min: 8, max: 10, unit: 'weeks' as const }, hoursPerWeek: { min: 10, max: 10 }, stages: [] };
    expect(checkRoadmapTiming('r.mdx', roadmap, 100)).toEqual([]);
    expect(checkRoadmapTiming('r.mdx', roadmap, 101).map((i) => i.field)).toEqual(['duration.min']);
    expect(checkRoadmapTiming('r.mdx', { ...roadmap, duration: { min: 10, max: 12, unit: 'weeks' } }, 100)).toEqual([]);
    expect(checkRoadmapTiming('r.mdx', { ...roadmap, duration: { min: 10, max: 13, unit: 'weeks' } }, 100).map((i) => i.field)).toEqual(['duration.max']);
    // The review's case: 731 h against "8–10 months at 10–15 h/week".
    const backend = { duration: { min: 8, max: 10, unit: 'months' as const }, hoursPerWeek: { min: 10, max: 15 }, stages: [] };
    expect(formatIssues(checkRoadmapTiming('backend-developer.mdx', backend, 731))).toMatch(/duration\.min: 8 months .* take 11\.2 months at 15 h\/week[\s\S]*duration\.max: 10 months .* take 16\.8 months at 10 h\/week/);
    expect(checkRoadmapTiming('backend-developer.mdx', { ...backend, duration: { min: 11, max: 17, unit: 'months' } }, 731)).toEqual([]);
  });

  it('reports hoursPerWeek whose max is below its min', () => {
    const roadmap = { duration: { min: 1, max: 1, unit: 'weeks' as const }, hoursPerWeek: { min: 10, max: 5 }, stages: [] };
    expect(checkRoadmapTiming('r.mdx', roadmap, 10)).toEqual([{ file: 'r.mdx', field: 'hoursPerWeek.max', message: 'max must be at least min' }]);
  });

  it('reports stage weeks with a gap, a missing range, or a schedule that outlasts the duration', () => {
    expect(problemsAfter((r) => edit(r, 'roadmaps/fixture-basics.mdx', 'weeks: { from: 2, to: 2 }', 'weeks: { from: 3, to: 3 }'))).toMatch(
      /fixture-basics\.mdx: stages\[1\]\.weeks\.from: is week 3, but the stage before ends in week 1/,
    );
    expect(problemsAfter((r) => edit(r, 'roadmaps/fixture-basics.mdx', '    weeks: { from: 2, to: 2 }\n', ''))).toMatch(/fixture-basics\.mdx: stages\[1\]\.weeks: is missing/);
    expect(problemsAfter((r) => edit(r, 'roadmaps/fixture-basics.mdx', 'weeks: { from: 2, to: 2 }', 'weeks: { from: 2, to: 4 }'))).toMatch(
      /fixture-basics\.mdx: stages\[1\]\.weeks\.to: the schedule ends in week 4, but duration\.max is 2 weeks/,
    );
  });

  it('reports an introduction that states another duration or pace', () => {
    const out = problemsAfter((r) => edit(r, 'roadmaps/fixture-basics.mdx', 'The fixture roadmap.', 'Plan on one to three weeks at 5 to 12 hours a week. Each stage takes one to two weeks.'));
    expect(out).toMatch(/fixture-basics\.mdx: body: says "one to three weeks" but duration is 1 to 2 weeks/);
    expect(out).toMatch(/fixture-basics\.mdx: body: says "5 to 12 hours a week" but hoursPerWeek is 5 to 10 hours a week/);
    expect(out).not.toMatch(/one to two weeks/);
  });

  it('accepts search terms, and names both files when two entries claim the same term', () => {
    const addTerms = (root: string, file: string, terms: string) => edit(root, file, /^(summary: .*\n)/m, `$1searchTerms: ${terms}\n`);
    expect(problemsAfter((r) => addTerms(r, 'topics/jwt.mdx', '[json web token, bearer token]'))).toBe('');
    const out = problemsAfter((r) => {
      addTerms(r, 'topics/jwt.mdx', '[bearer token, "HTTP/2"]');
      addTerms(r, 'topics/http.mdx', '[hypertext, Bearer  Token]');
    });
    // Files are read in order, so the second claim (jwt.mdx, after http.mdx) is the one reported.
    expect(out).toMatch(/topics\/jwt\.mdx: searchTerms\[0\]: search term "bearer token" is also claimed by .*topics\/http\.mdx/);
    expect(out.split('\n')).toHaveLength(1);
  });

  it('rejects a search term that is another entry’s title or repeats the entry’s own', () => {
    const out = problemsAfter((r) => edit(r, 'topics/jwt.mdx', /^(summary: .*\n)/m, '$1searchTerms: [http, "JSON web tokens (JWT)", tokens, tokens]\n'));
    expect(out).toMatch(/topics\/jwt\.mdx: searchTerms\[0\]: search term "http" is the title of .*topics\/http\.mdx/);
    expect(out).toMatch(/topics\/jwt\.mdx: searchTerms\[1\]: search term "JSON web tokens \(JWT\)" repeats this entry's title/);
    expect(out).toMatch(/topics\/jwt\.mdx: searchTerms\[3\]: search term "tokens" is listed twice/);
  });
});

describe('change dates', () => {
  it('requires created and updated on every entry, as real days', () => {
    expect(problemsAfter((r) => edit(r, 'questions/fixture-sql-join.mdx', /^created: .*\n/m, ''))).toMatch(/questions\/fixture-sql-join\.mdx: created: is required but missing/);
    expect(problemsAfter((r) => edit(r, 'comparisons/fixture-stores.yaml', 'updated: 2026-11-01', 'updated: 2026-02-30'))).toMatch(
      /comparisons\/fixture-stores\.yaml: updated: is not a day of the calendar/,
    );
    expect(problemsAfter((r) => edit(r, 'topics/sql.mdx', 'updated: 2026-11-01', 'updated: 22 November 2026'))).toMatch(/topics\/sql\.mdx: updated: must be a day as YYYY-MM-DD/);
  });

  it('rejects a date in the future, naming the field', () => {
    const out = problemsAfter((r) => edit(r, 'projects/fixture-api.mdx', 'updated: 2026-11-01', `updated: 2999-01-01\nchange: "Adds a rate limiter to the brief."`));
    expect(out).toMatch(/projects\/fixture-api\.mdx: updated: 2999-01-01 is in the future/);
  });

  it('rejects updated before created, and an update without a change line', () => {
    expect(problemsAfter((r) => edit(r, 'topics/sql.mdx', 'updated: 2026-11-01', 'updated: 2026-10-31'))).toMatch(/topics\/sql\.mdx: updated: 2026-10-31 is before created \(2026-11-01\)/);
    expect(problemsAfter((r) => edit(r, 'topics/jwt.mdx', /^change: .*\n/m, ''))).toMatch(/topics\/jwt\.mdx: change: is required because updated \(2026-11-20\) is after created/);
  });

  it('keeps the change line plain: one line, no HTML, no links', () => {
    expect(problemsAfter((r) => edit(r, 'topics/jwt.mdx', /^change: .*$/m, 'change: "Explains <b>alg</b> pinning."'))).toMatch(/topics\/jwt\.mdx: change: must be plain text: no HTML/);
    expect(problemsAfter((r) => edit(r, 'topics/jwt.mdx', /^change: .*$/m, 'change: "See https://example.org for more."'))).toMatch(/topics\/jwt\.mdx: change: must be plain text: no links/);
  });

  it('checks against the day given, and today means the latest day anywhere (UTC+14)', () => {
    const entries = readContentDir(VALID);
    expect(formatIssues(checkContent(entries, { today: '2026-11-19' }))).toMatch(/topics\/jwt\.mdx: updated: 2026-11-20 is in the future \(today is 2026-11-19 at the latest\)/);
    expect(checkContent(entries, { today: '2026-11-20' })).toEqual([]);
    expect(latestToday(new Date('2026-11-22T09:59:00Z'))).toBe('2026-11-22');
    expect(latestToday(new Date('2026-11-22T10:00:00Z'))).toBe('2026-11-23');
    expect(checkChangeDates('a.mdx', { created: '2026-11-21', updated: '2026-11-21' }, '2026-11-21')).toEqual([]);
  });
});

describe('findCycle', () => {
  it('finds no cycle in a chain and finds the loop in a cycle', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toBeNull();
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
  });
});
