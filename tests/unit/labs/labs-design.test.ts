/**
 * Every design lab, run as labs:check runs it, on the simulator the page uses: the model design meets every hidden
 * scenario, and each wrong design fails the scenario it names — for the reason it names, so a lab whose scenarios
 * grew too easy (or whose model broke) cannot ship. The runs go through a worker thread (./design-runs.ts), as the
 * page's and labs:check's do; the API-and-data-model step's SQL runs here, on PGlite.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR, readContentDir } from '../../../src/lib/content/content-files.ts';
import { SCHEMAS } from '../../../src/lib/content/integrity/entries.ts';
import { modelProblems, splitModel, type DesignOutcome } from '../../../src/lib/labs/design/index.ts';
import { LAB_SEEDS, type LabScenario } from '../../../src/lib/labs/design/grading/design-grade.ts';
import { type DesignLabFields, stoppedAtFacts } from '../../../src/lib/labs/design/grading/design-check.ts';
import { MEASURED_FAILS } from '../../../src/lib/labs/design/grading/design-measured.ts';
import { designRuns } from './design-runs.ts';

const labs = readContentDir(CONTENT_DIR, ['labs'])
  .filter((entry) => (entry.data as { language?: string }).language === 'design')
  .map((entry) => ({ entry, data: SCHEMAS.labs.parse(entry.data) as DesignLabFields }));

/** A line of "where the time went": a part of the design and its figures, or a failure and the parts it came from. */
const WHERE = /^(cdn|limiter|lb|service|cache|database|queue|storage) [\w-]+: |\(at [\w-]+ [\d,]+/;
/** Words that would tell the learner what to change rather than what happened. */
const FIX_WORDS = /\b(add|increase|raise|reduce|should|try|consider|instead|you need)\b/i;

/** The parts a lab's scenarios' faults name (a cache flush's cache, a failover's database). */
const faultedParts = (lab: DesignLabFields, only?: string) =>
  (lab.scenarios as LabScenario[])
    .filter((s) => !only || s.id === only)
    .flatMap((s) => (s.faults ?? []).flatMap((f) => ('part' in f ? [f.part] : [])));
/** A design with each of those parts named otherwise: a fault must strike it all the same (simulator/faults.ts). */
const renamed = (code: string, parts: readonly string[]) =>
  parts.reduce((text, part) => text.replace(new RegExp(`\\b${part}\\b`, 'g'), `${part}2`), code);

const failed = (outcome: DesignOutcome) =>
  [...outcome.problems, ...outcome.scenarios.filter((s) => !s.passed).flatMap((s) => [s.name, ...s.failures])].join(
    '\n',
  );

it('finds at least ten design labs', () => expect(labs.length).toBeGreaterThanOrEqual(10));

/** One PostgreSQL for every lab's model tables, each lab in a schema of its own. */
let postgres: PGlite | undefined;
/** The runs, in a worker thread as labs:check and the page run them (./design-runs.ts). */
const runs = designRuns();
afterAll(async () => {
  await runs.close();
  await postgres?.close();
});

describe.each(labs.map(({ entry, data }) => [entry.file, data] as const))('%s', (_file, lab) => {
  it("meets every hidden scenario with the model design, on the lab's seeds and on two more", async () => {
    const outcome = await runs.lab(lab, lab.solution);
    expect(failed(outcome)).toBe('');
    expect(outcome.scenarios.map((s) => s.passed)).toEqual((lab.scenarios ?? []).map(() => true));
    // Not a pass on lucky draws: the model has room on seeds the page never uses.
    for (const scenario of lab.scenarios as LabScenario[])
      expect((await runs.scenario(lab.solution, scenario, [4, 5])).passed, scenario.id).toBe(true);
  });

  it.runIf(faultedParts(lab).length > 0)(
    'strikes a design that names its parts otherwise as it strikes the model: the faults reach them',
    async () => {
      const faulted = (lab.scenarios as LabScenario[])
        .filter((s) => s.faults?.some((f) => 'part' in f))
        .map((s) => s.id);
      const outcome = await runs.lab(lab, renamed(lab.solution, faultedParts(lab)), faulted);
      expect(failed(outcome)).toBe('');
      expect(outcome.scenarios.flatMap((s) => s.notes).join('\n')).toMatch(/your design has none of that name/);
    },
  );

  it('meets every need of its API-and-data-model step with a model whose SQL PostgreSQL runs', async () => {
    const apiModel = lab.apiModel!;
    expect(modelProblems(apiModel)).toEqual([]);
    postgres ??= await PGlite.create();
    const schema = `lab_${labs.findIndex((l) => l.data === lab)}`;
    await postgres.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema};`);
    await expect(postgres.exec(splitModel(apiModel.model).sql)).resolves.toBeDefined();
  });

  it('fails at least one scenario with the starter: a starter that passes gives the answer away', async () => {
    // Scenario by scenario, stopping at the first it fails: the rest cannot change the answer.
    let failsOne = false;
    for (const { id } of lab.scenarios as LabScenario[])
      if (!failsOne) failsOne = !(await runs.lab(lab, lab.starter, [id])).passed;
    expect(failsOne).toBe(true);
  });

  const cheats = lab.wrongAnswers.filter((w) => w.fails === MEASURED_FAILS);
  const honest = lab.wrongAnswers.filter((w) => w.fails !== MEASURED_FAILS);

  it('has at least four wrong designs that fail a scenario, and one that changes a measured number', () => {
    expect(honest.length).toBeGreaterThanOrEqual(4);
    expect(cheats.length).toBeGreaterThanOrEqual(1);
  });

  it.each(cheats.map((w) => [w.why, w.code] as const))(
    'stops a design that would pass only by changing a fact: %s',
    async (_why, code) => {
      const outcome = await runs.lab(lab, code);
      expect(stoppedAtFacts(outcome), outcome.problems.join('\n')).toBe(true);
      for (const problem of outcome.problems)
        expect(problem).toMatch(/^line \d+, column \d+: .* (is measured at|is the lab's traffic,|is the list price,) /);
      // Were its numbers real it would pass: the facts are what stop it, not a scenario.
      const passes: boolean[] = [];
      for (const scenario of lab.scenarios as LabScenario[]) passes.push((await runs.scenario(code, scenario)).passed);
      expect(passes).toEqual(passes.map(() => true));
    },
  );

  it.each(honest.map((w) => [w.fails!, w.why, w.code] as const))(
    'fails "%s" with the wrong design: %s',
    async (fails, _why, code) => {
      const outcome = await runs.lab(lab, code, [fails]);
      expect(outcome.problems).toEqual([]);
      const scenario = outcome.scenarios.find((s) => s.id === fails)!;
      expect(scenario.passed).toBe(false);
      // Its verdict does not hang on the draw: it fails on every seed the lab runs.
      expect(scenario.runs.map((r) => r.passed)).toEqual(LAB_SEEDS.map(() => false));
      // The page heads the failure with the scenario's name, then the goals missed and where the time went.
      expect(scenario.name).toBe((lab.scenarios as { id: string; name: string }[]).find((s) => s.id === fails)?.name);
      expect(scenario.failures.length).toBeGreaterThan(0);
      expect(scenario.explanation.filter((line) => WHERE.test(line)).length).toBeGreaterThan(0);
      expect([...scenario.failures, ...scenario.explanation].join('\n')).not.toMatch(FIX_WORDS);
      // Nor does it hang on the names of the parts a fault strikes: renamed, they fail all the same.
      const parts = faultedParts(lab, fails);
      if (parts.length > 0) expect((await runs.lab(lab, renamed(code, parts), [fails])).passed, 'renamed').toBe(false);
    },
  );
});
