/**
 * An API lab offered in JavaScript, TypeScript and Python keeps one record: a draft per language, the language last
 * picked, one pass whatever the language; a stored record with a draft in a language the store does not know is
 * refused, as any malformed record is.
 */
import { describe, expect, it } from 'vitest';
import { labDraft, toLabRecord, withLabDraft, withLabRun } from '../../../src/lib/labs/shared/lab-progress.ts';

const now = new Date('2026-11-26T10:00:00Z');

describe('drafts per language', () => {
  it('keeps each language’s draft and the language last picked, and one pass', () => {
    let labs = withLabDraft({}, 'api-x', 'export default {}', now);
    labs = withLabDraft(labs, 'api-x', 'async def app(scope, receive, send): ...', now, 'python');
    labs = withLabRun(labs, 'api-x', true, now);
    const record = labs['api-x'];
    expect([labDraft(record), labDraft(record, 'python'), labDraft(record, 'typescript')]).toEqual([
      'export default {}',
      'async def app(scope, receive, send): ...',
      undefined,
    ]);
    expect(record).toMatchObject({ language: 'python', passed: now.toISOString(), runs: 1 });
    labs = withLabDraft(labs, 'api-x', 'export default { fetch() {} }', now);
    expect(labs['api-x']!.language).toBeUndefined();
    expect(labDraft(labs['api-x'], 'python')).toBe('async def app(scope, receive, send): ...');
    expect(toLabRecord(JSON.parse(JSON.stringify(labs['api-x'])))).toEqual(labs['api-x']);
  });

  it('refuses a stored record whose drafts or language it cannot read', () => {
    const base = { runs: 1, updated: now.toISOString() };
    expect(toLabRecord({ ...base, drafts: { ruby: 'puts 1' } })).toBeUndefined();
    expect(toLabRecord({ ...base, drafts: { python: 7 } })).toBeUndefined();
    expect(toLabRecord({ ...base, language: 'ruby' })).toBeUndefined();
    expect(toLabRecord({ ...base, drafts: { python: 'x' }, language: 'python' })).toEqual({
      ...base,
      drafts: { python: 'x' },
      language: 'python',
    });
  });
});
