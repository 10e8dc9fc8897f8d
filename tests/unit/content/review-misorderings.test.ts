/**
 * The roadmap misorderings of the 2026-11-26 content review (issue 64), put back into the real roadmaps one at a
 * time: each must make the roadmap checks fail on the roadmap and stage it concerns, including the essentials rules
 * (src/lib/content/integrity/essentials.ts) for what the review found missing: Go's indexes and transactions, PHP's
 * security stage, pooling beside the databases.
 */
import { describe, expect, it } from 'vitest';
import { type RawEntry, readContentDir } from '../../../src/lib/content/content-files.ts';
import type { ParsedEntry } from '../../../src/lib/content/integrity/entries.ts';
import { checkEssentials } from '../../../src/lib/content/integrity/essentials.ts';
import { checkTestsWithFramework, checkTopicRequires } from '../../../src/lib/content/integrity/topic-order.ts';

type Item = string | { topic: string; optional?: boolean; alternative?: string };
type Stage = { id: string; title: string; topics: Item[] };
type Data = Record<string, unknown>;

const raw = readContentDir('content', ['topics', 'roadmaps']);
const idOf = (item: Item) => (typeof item === 'string' ? item : item.topic);
const stagesOf = (id: string) =>
  structuredClone((raw.find((e) => e.collection === 'roadmaps' && e.id === id)!.data as Data).stages as Stage[]);

/** Entries as the checks read them, references as `{ id }`, with `stages` in place of one roadmap's own. */
function parsed(roadmap?: string, stages?: Stage[]): ParsedEntry[] {
  return raw.map((entry: RawEntry) => {
    const data = { ...(entry.data as Data) };
    if (entry.collection === 'topics') data.requires = ((data.requires as string[]) ?? []).map((id) => ({ id }));
    if (entry.collection === 'roadmaps') {
      const own = entry.id === roadmap && stages ? stages : (data.stages as Stage[]);
      data.stages = own.map((s) => ({
        ...s,
        topics: s.topics.map((t) =>
          typeof t === 'string'
            ? { id: t }
            : { topic: { id: t.topic }, optional: !!t.optional, alternative: t.alternative },
        ),
      }));
      data.prerequisites = ((data.prerequisites as string[]) ?? []).map((id) => ({ id }));
    }
    return { entry, data };
  });
}
const problems = (roadmap?: string, stages?: Stage[]) => {
  const all = parsed(roadmap, stages);
  return [...checkTopicRequires(all), ...checkTestsWithFramework(all), ...checkEssentials(all)].map(
    (i) => `${i.file}: ${i.field}: ${i.message}`,
  );
};

/** Moves `ids` out of their stages into the stage `to`, at its start. */
function move(stages: Stage[], ids: string[], to: string): Stage[] {
  const items = stages.flatMap((s) => s.topics).filter((t) => ids.includes(idOf(t)));
  for (const s of stages) s.topics = s.topics.filter((t) => !ids.includes(idOf(t)));
  stages.find((s) => s.id === to)!.topics.unshift(...items);
  return stages;
}

describe('the review’s roadmap misorderings, put back', () => {
  it('the roadmaps as they stand pass', () => {
    expect(problems()).toEqual([]);
  });

  it('Go: context after the web and database stages fails', () => {
    const out = problems('go', move(stagesOf('go'), ['go-context'], 'stage-advanced-patterns'));
    expect(out.join('\n')).toMatch(
      /roadmaps\/go\.md: stages\[2\]\.topics\[\d+\]: "go-net-http" comes before "go-context"/,
    );
  });

  it('PHP/Laravel: tests only after Eloquent and authentication fails', () => {
    const out = problems(
      'php-laravel',
      move(stagesOf('php-laravel'), ['unit-testing', 'api-testing'], 'stage-advanced-laravel'),
    );
    expect(out.join('\n')).toMatch(
      /roadmaps\/php-laravel\.md: .*the first test, "unit-testing", comes in stages\[\d+\], more than a stage after the first framework/,
    );
  });

  it('Backend Developer: integration tests before the databases fail', () => {
    const out = problems(
      'backend-developer',
      move(stagesOf('backend-developer'), ['integration-testing'], 'stage-testing'),
    );
    expect(out.join('\n')).toMatch(/backend-developer\.md: .*"integration-testing" comes before "sql"/);
  });

  it('Backend Developer: query optimisation in the last stage fails', () => {
    const stages = stagesOf('backend-developer');
    const last = stages.at(-1)!.id;
    const out = problems('backend-developer', move(stages, ['query-optimization', 'connection-pooling'], last)).join(
      '\n',
    );
    expect(out).toMatch(/"caching-strategies" comes before "query-optimization"/);
  });
});

/** Drops `ids` from every stage, and any stage left empty. */
function drop(stages: Stage[], ids: string[]): Stage[] {
  for (const s of stages) s.topics = s.topics.filter((t) => !ids.includes(idOf(t)));
  return stages.filter((s) => s.topics.length > 0);
}

describe('the essentials the review found missing, taken out again', () => {
  it('Backend Developer: connection pooling alone in the last stage fails', () => {
    const stages = stagesOf('backend-developer');
    const out = problems('backend-developer', move(stages, ['connection-pooling'], stages.at(-1)!.id)).join('\n');
    expect(out).toMatch(
      /backend-developer\.md: stages\[17\]: teaches "sql" \(stages\[6\]\) but only teaches "connection-pooling" in stages\[17\]: add "connection-pooling" as a required topic by stages\[7\]/,
    );
  });

  it('Go: a database stage without indexes and transactions fails', () => {
    const out = problems('go', drop(stagesOf('go'), ['database-indexes', 'acid-transactions'])).join('\n');
    expect(out).toMatch(
      /roadmaps\/go\.md: stages: teaches "sql" \(stages\[3\]\) but never requires "database-indexes"/,
    );
    expect(out).toMatch(
      /roadmaps\/go\.md: stages: teaches "sql" \(stages\[3\]\) but never requires "acid-transactions"/,
    );
  });

  it('PHP/Laravel: no security stage fails on CSRF, XSS and SQL injection', () => {
    const php = stagesOf('php-laravel').filter((s) => s.id !== 'stage-security');
    const out = problems('php-laravel', php).join('\n');
    for (const topic of ['csrf', 'xss', 'sql-injection']) {
      expect(out).toMatch(
        new RegExp(
          `roadmaps/php-laravel\\.md: stages: teaches "[a-z-]+" \\(stages\\[\\d\\]\\) but never requires "${topic}"`,
        ),
      );
    }
  });
});

describe('the essentials the review found missing', () => {
  const required = (stages: Stage[], stage: string) =>
    stages
      .find((s) => s.id === stage)!
      .topics.filter((t) => typeof t === 'string' || !t.optional)
      .map(idOf);

  it('Go’s database stage teaches indexes and transactions, with GORM optional', () => {
    const go = stagesOf('go');
    expect(required(go, 'stage-database-apis')).toEqual(
      expect.arrayContaining(['database-indexes', 'acid-transactions']),
    );
    expect(required(go, 'stage-database-apis')).not.toContain('gorm');
  });

  it('Backend Developer teaches the connection pool in the databases stage, not 36 weeks later', () => {
    expect(required(stagesOf('backend-developer'), 'stage-relational-databases')).toEqual(
      expect.arrayContaining(['sql', 'connection-pooling', 'query-optimization']),
    );
  });

  it('PHP/Laravel teaches password hashing, transactions and a security stage', () => {
    const all = stagesOf('php-laravel').flatMap((s) => required([s], s.id));
    expect(all).toEqual(
      expect.arrayContaining(['password-hashing', 'acid-transactions', 'csrf', 'xss', 'sql-injection']),
    );
  });
});
