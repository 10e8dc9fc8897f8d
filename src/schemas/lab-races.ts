/**
 * Wrong answers that are races: an API lab's answer marked `race` fails only when requests are sent at once, so the
 * lab must have a test that sends them so (a `concurrent` step, lab-checks.ts).
 */
import { z } from 'astro/zod';

/**
 * API labs: this answer is a race (a check-then-insert, a read-then-write) that passes every request sent alone
 * and fails only when requests are sent at once. The lab then needs a test with a `concurrent` step, and labs:check
 * and the labs unit tests require the answer to pass with those requests sent one after another and to fail with
 * them interleaved.
 */
export const raceField = z.boolean().optional();

/** What the check reads of a lab. */
interface RacingLab {
  language: string;
  requests?: { steps: object[] }[] | undefined;
  wrongAnswers: { race?: boolean | undefined }[];
  python?: { wrongAnswers: { race?: boolean | undefined }[] } | undefined;
}

/** Where a refinement says what is wrong: zod's refinement context. */
export interface Issues {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void;
}

/**
 * A wrong answer marked `race` is an API lab's, and the lab has a test that sends requests at once to catch it; a
 * lab's ninth wrong answer is such a race (8 at most besides).
 */
export function racesInterleaved(lab: RacingLab, ctx: Issues) {
  const concurrent = (lab.requests ?? []).some((test) => test.steps.some((step) => 'concurrent' in step));
  const answers = [
    ...lab.wrongAnswers.map((wrong, i) => [['wrongAnswers', i, 'race'], wrong] as const),
    ...(lab.python?.wrongAnswers ?? []).map((wrong, i) => [['python', 'wrongAnswers', i, 'race'], wrong] as const),
  ];
  for (const [field, list] of [
    ['wrongAnswers', lab.wrongAnswers],
    ['python', lab.python?.wrongAnswers ?? []],
  ] as const)
    if (list.filter((wrong) => !wrong.race).length > 8)
      ctx.addIssue({
        code: 'custom',
        path: field === 'python' ? ['python', 'wrongAnswers'] : [field],
        message: 'holds at most 8 wrong answers besides one marked `race`',
      });
  for (const [path, wrong] of answers) {
    if (!wrong.race) continue;
    if (lab.language !== 'http')
      ctx.addIssue({
        code: 'custom',
        path: [...path],
        message: 'is only for an API lab, whose tests can send requests at once',
      });
    else if (!concurrent)
      ctx.addIssue({
        code: 'custom',
        path: [...path],
        message:
          'marks a race, but no test in `requests` sends requests at once: add a step `concurrent: [request, request]` that this answer fails',
      });
  }
}
