/**
 * Every design lab, run as labs:check runs it, on the simulator the page uses: the model design meets every hidden
 * scenario, and each wrong design fails the scenario it names — for the reason it names, so a lab whose scenarios
 * grew too easy (or whose model broke) cannot ship.
 */
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../../src/lib/content/content-files.ts';
import { SCHEMAS } from '../../../src/lib/content/integrity/entries.ts';
import { runDesignLab } from '../../../src/lib/labs/design-grade.ts';
import type { DesignLabFields } from '../../../src/lib/labs/design-check.ts';

const labs = readContentDir()
  .filter((entry) => entry.collection === 'labs' && (entry.data as { language?: string }).language === 'design')
  .map((entry) => ({ entry, data: SCHEMAS.labs.parse(entry.data) as DesignLabFields }));

const failed = (outcome: ReturnType<typeof runDesignLab>) =>
  [...outcome.problems, ...outcome.scenarios.filter((s) => !s.passed).flatMap((s) => [s.name, ...s.failures])].join(
    '\n',
  );

it('finds at least ten design labs', () => expect(labs.length).toBeGreaterThanOrEqual(10));

describe.each(labs.map(({ entry, data }) => [entry.file, data] as const))('%s', (_file, lab) => {
  it('meets every hidden scenario with the model design', () => {
    const outcome = runDesignLab(lab.scenarios ?? [], lab.solution);
    expect(failed(outcome)).toBe('');
    expect(outcome.scenarios.map((s) => s.passed)).toEqual((lab.scenarios ?? []).map(() => true));
  });

  it.each(lab.wrongAnswers.map((w) => [w.fails!, w.why, w.code] as const))(
    'fails "%s" with the wrong design: %s',
    (fails, _why, code) => {
      const outcome = runDesignLab(lab.scenarios ?? [], code, [fails]);
      expect(outcome.problems).toEqual([]);
      const scenario = outcome.scenarios.find((s) => s.id === fails);
      expect(scenario?.passed).toBe(false);
      expect(scenario?.explanation.length).toBeGreaterThan(0);
    },
  );
});
