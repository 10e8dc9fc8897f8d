import { describe, expect, it } from 'vitest';
import { nextLab, nextLabs } from '../../../src/lib/content/next-lab.ts';
import type { LabLanguage } from '../../../src/lib/labs/shared/lab-spec.ts';

const lab = (id: string, ...topics: string[]) => ({
  id,
  data: { language: 'sql' as LabLanguage, topics: topics.map((t) => ({ id: t })) },
});
const LABS = [
  lab('a', 'sql'),
  lab('b', 'indexes', 'sql'),
  lab('c', 'caching'),
  lab('d', 'sql', 'indexes'),
  lab('e', 'indexes'),
  lab('f', 'caching'),
];

describe('nextLab', () => {
  it('offers the next lab whose home topic is the same, skipping labs of other topics', () => {
    expect(nextLab(LABS, 'a')?.id).toBe('d');
    expect(nextLab(LABS, 'b')?.id).toBe('e');
  });

  it('counts only a lab’s first topic as its home, not every topic it practises', () => {
    expect(nextLab(LABS, 'c')?.id).toBe('f');
    expect(nextLab(LABS, 'b')?.id).not.toBe('d');
  });

  it('falls back to the next lab of the list when its topic has no later lab', () => {
    expect(nextLab(LABS, 'd')?.id).toBe('e');
    expect(nextLab(LABS, 'e')?.id).toBe('f');
  });

  it('offers nothing after the last lab or for an unknown id', () => {
    expect(nextLab(LABS, 'f')).toBeUndefined();
    expect(nextLab(LABS, 'nope')).toBeUndefined();
  });
});

/** Labs in /practice/ order, as a Python learner meets them: TypeScript labs between the Python ones. */
const of = (id: string, language: LabLanguage, home: string, extra: { setup?: string; python?: object } = {}) => ({
  id,
  data: { language, topics: [{ id: home }], ...extra },
});
const MIXED = [
  of('py-cache', 'python', 'caching'),
  of('ts-cache', 'typescript', 'caching'),
  of('js-retry', 'javascript', 'retries'),
  of('api-health', 'http', 'health', { python: {} }),
  of('py-retry', 'python', 'retries'),
  of('api-etag', 'http', 'caching'),
  of('py-db-transfer', 'python', 'transactions', { setup: 'CREATE TABLE t ()' }),
  of('ts-last', 'typescript', 'caching'),
];

describe('nextLab keeps the learner’s language', () => {
  it('after a Python lab offers a Python lab, not the TypeScript lab of the same topic that comes first', () => {
    expect(nextLab(MIXED, 'py-cache')?.id).toBe('api-health'); // an API lab offered in Python takes Python
    expect(nextLab(MIXED, 'py-retry')?.id).toBe('py-db-transfer');
  });

  it('after an API lab written in Python offers a Python lab; in JavaScript a JavaScript one', () => {
    expect(nextLab(MIXED, 'api-health', 'python')?.id).toBe('py-retry');
    expect(nextLab(MIXED, 'api-health', 'javascript')?.id).toBe('api-etag');
  });

  it('falls back to the topic, then the list, where no later lab takes the language', () => {
    expect(nextLab(MIXED, 'py-db-transfer')?.id).toBe('ts-last');
  });

  it('gives an API lab one next lab per distinct lab its languages lead to', () => {
    expect(nextLabs(MIXED, 'api-health').map((n) => [n.lab.id, n.languages, n.opensIn])).toEqual([
      ['api-etag', ['javascript', 'typescript'], undefined],
      ['py-retry', ['python'], undefined],
    ]);
  });

  it('opens an API lab next to a Python lab in Python, not in its first language', () => {
    expect(nextLabs(MIXED, 'py-cache').map((n) => [n.lab.id, n.languages, n.opensIn])).toEqual([
      ['api-health', ['python'], 'python'],
    ]);
    expect(nextLabs(MIXED, 'ts-last')).toEqual([]);
  });
});
