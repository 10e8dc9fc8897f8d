/**
 * A role's time to proficiency counted after another role (`timeToProficiency.after`): the role it names exists,
 * the chain has no cycle, and a level path is compared with the time from a start (roadmap-order.ts).
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, problemsAfter } from './content-fixture.ts';

const TIME = 'timeToProficiency: { min: 4, max: 6, unit: months }';
/** A second role, Fixture Lead, that leads on from Fixture Developer by `time`. */
const withLead = (time: string) => (r: string) => {
  copyFileSync(join(r, 'roles/fixture-developer.md'), join(r, 'roles/fixture-lead.md'));
  edit(r, 'roles/fixture-lead.md', 'title: Fixture Developer', 'title: Fixture Lead');
  edit(r, 'roles/fixture-lead.md', 'roadmaps: [fixture-basics]', 'roadmaps: [fixture-next]');
  edit(r, 'roles/fixture-lead.md', TIME, time);
};

describe('a time to proficiency counted after another role', () => {
  it('compares a level path with the time from a start, the role it follows included', async () => {
    // Fixture Next and Fixture Basics take 0.5 months at the fast pace: more than a week, less than a week after
    // six months as a developer.
    const after = 'timeToProficiency: { min: 1, max: 1, unit: weeks, after: fixture-developer }';
    expect(await problemsAfter(withLead(after))).toBe('');
    const alone = await problemsAfter(withLead('timeToProficiency: { min: 1, max: 1, unit: weeks }'));
    expect(alone).toMatch(/roles\/fixture-lead\.md: roadmaps\[0\]: "fixture-next" and the roadmaps it builds on/);
  });

  it('reports a role it names that does not exist, and roles counted after each other in a cycle', async () => {
    const missing = await problemsAfter((r) =>
      edit(r, 'roles/fixture-developer.md', TIME, 'timeToProficiency: { min: 4, max: 6, unit: months, after: lead }'),
    );
    expect(missing).toMatch(
      /roles\/fixture-developer\.md: timeToProficiency\.after: refers to role "lead", which does not exist/,
    );
    const cycle = await problemsAfter((r) => {
      withLead('timeToProficiency: { min: 1, max: 2, unit: years, after: fixture-developer }')(r);
      edit(
        r,
        'roles/fixture-developer.md',
        TIME,
        'timeToProficiency: { min: 4, max: 6, unit: months, after: fixture-lead }',
      );
    });
    expect(cycle).toMatch(
      /roles\/fixture-(developer|lead)\.md: timeToProficiency\.after: times to proficiency are counted after each other in a cycle: fixture-developer → fixture-lead → fixture-developer/,
    );
  });
});

describe("a role page's estimate and the basis its time is counted from", () => {
  const ESTIMATE = 'We estimate four to six months for someone who already programs.';
  const saying = (file: string) => (r: string) => edit(r, file, 'The fixture role.', `The fixture role. ${ESTIMATE}`);

  it('reports a time counted from a start that the page estimates for someone who already programs', async () => {
    expect(await problemsAfter(saying('roles/fixture-developer.md'))).toMatch(
      /roles\/fixture-developer\.md: timeToProficiency\.after: counted from a start of learning, but the page estimates it for someone with experience \("already programs"\)/,
    );
    // An estimate from a start, and the same words outside an estimate, are fine.
    expect(
      await problemsAfter((r) =>
        edit(r, 'roles/fixture-developer.md', 'The fixture role.', 'We estimate six months. Many already program.'),
      ),
    ).toBe('');
  });

  it('accepts the same estimate once the time is counted after another role', async () => {
    const after = 'timeToProficiency: { min: 1, max: 2, unit: months, after: fixture-developer }';
    expect(
      await problemsAfter((r) => {
        withLead(after)(r);
        saying('roles/fixture-lead.md')(r);
      }),
    ).toBe('');
  });
});
