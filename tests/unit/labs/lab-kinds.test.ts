/**
 * Every lab kind sits behind the one interface (src/lib/labs/shared/lab-kind.ts) and in the one registry
 * (src/lib/labs/lab-kinds.ts): each lab of the content is taken by exactly one kind, whose spec it becomes and which
 * owns that spec; and one lab of each kind runs through Node's engines by its kind's worker alone (the design lab on
 * the simulator's server, the rest on their engines), its solution passing and a wrong answer failing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR, readContentDir } from '../../../src/lib/content/content-files.ts';
import { SCHEMAS } from '../../../src/lib/content/integrity/entries.ts';
import { kindOf, type LabFields, toLabSpec } from '../../../src/lib/labs/lab-kinds.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';

type Lab = LabFields & { solution: string; wrongAnswers: { code: string }[] };
const labs = readContentDir(CONTENT_DIR, ['labs']).map((entry) => ({
  id: entry.id,
  data: SCHEMAS.labs.parse(entry.data) as Lab,
}));

describe('the lab kinds', () => {
  it('take every lab: each becomes the spec of one kind, which owns it and names its worker', () => {
    const byKind = new Map<string, number>();
    for (const { id, data } of labs) {
      const spec = toLabSpec(id, data);
      const kind = kindOf(spec);
      expect(kind.takes(data), id).toBe(true);
      expect([spec.id, spec.language], id).toEqual([id, data.language]);
      expect(kind.worker(spec), id).toMatch(/^[a-z-]+$/);
      byKind.set(kind.name, (byKind.get(kind.name) ?? 0) + 1);
    }
    expect([...byKind.keys()].sort()).toEqual(['api', 'code', 'design', 'python', 'python-db', 'sql']);
  });

  it('say a design lab is graded by scenarios on the simulator, with no engine to download', () => {
    const design = labs.find((lab) => lab.data.language === 'design')!;
    const spec = toLabSpec(design.id, design.data);
    const kind = kindOf(spec);
    expect([kind.worker(spec), kind.engines(spec)]).toEqual(['design', []]);
    expect(kind.words).toEqual({ answer: 'design', graders: 'scenarios' });
  });

  const engines = startLabEngines();
  afterAll(() => engines.close());
  const oneOf = (name: string) =>
    labs.find(({ id, data }) => kindOf(toLabSpec(id, data)).name === name && data.wrongAnswers.length > 0)!;

  for (const name of ['sql', 'code', 'design']) {
    it(`runs a ${name} lab through its kind's worker: the solution passes, a wrong answer fails`, async () => {
      const { id, data } = oneOf(name);
      expect((await engines.run(id, data, data.solution)).passed, id).toBe(true);
      expect((await engines.run(id, data, data.wrongAnswers[0]!.code)).passed, id).toBe(false);
    }, 60_000);
  }
});
