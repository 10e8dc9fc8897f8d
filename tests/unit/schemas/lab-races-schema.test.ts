/**
 * A wrong answer marked `race` is caught only by requests sent at once, so the content check fails an API lab that
 * marks one and has no `concurrent` step, naming the field (the loader prefixes the file); `race` is for API labs
 * only, and a lab has at most 8 wrong answers besides the race.
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
type Step = Record<string, unknown> & { concurrent?: Step[] };
type Test = { steps: Step[] };
/** The lab's tests with every step sent at once turned into its requests one after another. */
const withoutConcurrent = (lab: Record<string, unknown>) => ({
  ...lab,
  requests: (lab.requests as Test[]).map((t) => ({ ...t, steps: t.steps.flatMap((s) => s.concurrent ?? [s]) })),
});

it('accepts the labs whose races a concurrent test catches', () => {
  for (const id of ['api-idempotency-keys', 'api-create-with-validation', 'api-webhook-receiver'])
    expect(issues(data(id)), id).toEqual([]);
});

it('fails a race no test interleaves, naming the wrong answer', () => {
  const lab = data('api-create-with-validation');
  const races = (list: { race?: boolean }[]) => list.flatMap((w, i) => (w.race ? [i] : []));
  const js = races(lab.wrongAnswers as { race?: boolean }[]);
  const py = races((lab.python as { wrongAnswers: { race?: boolean }[] }).wrongAnswers);
  expect(js.length + py.length).toBeGreaterThan(1);
  const found = issues(withoutConcurrent(lab));
  expect(found).toHaveLength(js.length + py.length);
  for (const [n, i] of js.entries())
    expect(found[n]).toMatch(new RegExp(`^wrongAnswers\\.${i}\\.race: marks a race, but no test`));
  for (const [n, i] of py.entries())
    expect(found[js.length + n]).toMatch(new RegExp(`^python\\.wrongAnswers\\.${i}\\.race: marks a race`));
});

it('keeps race to API labs, and a ninth wrong answer to a race', () => {
  const code = data('lru-cache');
  const wrong = code.wrongAnswers as Record<string, unknown>[];
  expect(issues({ ...code, wrongAnswers: wrong.map((w, i) => (i === 0 ? { ...w, race: true } : w)) })).toEqual([
    'wrongAnswers.0.race: is only for an API lab, whose tests can send requests at once',
  ]);
  const lab = data('api-idempotency-keys');
  const answers = lab.wrongAnswers as Record<string, unknown>[];
  expect(answers).toHaveLength(9);
  expect(issues({ ...lab, wrongAnswers: answers.map((w) => ({ ...w, race: undefined })) })).toEqual([
    'wrongAnswers: holds at most 8 wrong answers besides one marked `race`',
  ]);
});
