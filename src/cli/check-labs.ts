/**
 * `npm run labs:check [-- <lab-id> …]`: runs each lab's reference solution and wrong answers on the real engines
 * (PGlite, QuickJS, Pyodide for Python and an API lab's Python version, in worker threads with the page's time limit;
 * the design simulator for a design lab) and prints what a learner would read for each, so an author can judge the
 * messages. Exits 1 when a solution fails, a wrong answer passes, or its messages give away a key phrase of the hints
 * (src/lib/labs/shared/hint-leaks.ts; the labs unit tests enforce the same in `npm test`).
 *
 * `npm run labs:check -- --answers [folder] [<lab-id> …]` runs a set of learner answers instead (default
 * tests/fixtures/learner-answers; format in src/lib/labs-node/learner-answers.ts) and exits 1 when an answer
 * expected to pass fails or one expected to fail passes.
 */
import { CONTENT_DIR, readContentDir } from '../lib/content/content-files.ts';
import { formatPath, SCHEMAS } from '../lib/content/integrity.ts';
import type { LabRun } from '../lib/labs/shared/lab-spec.ts';
import { type ApiRuntime, oneAfterAnother, uncaughtRace } from '../lib/labs/api/index.ts';
import type { LabFields } from '../lib/labs/lab-kinds.ts';
import { givenText, hintPhrases, leakedPhrases, phrasesNotIn } from '../lib/labs/shared/hint-leaks.ts';
import { checkDesignLab, describeDesignCheck } from '../lib/labs/design/index.ts';
import { LEARNER_ANSWERS_DIR, readLearnerAnswers } from '../lib/labs-node/learner-answers.ts';
import { startLabEngines } from '../lib/labs-node/node-engines.ts';

const args = process.argv.slice(2);
const answersAt = args.indexOf('--answers');
let answersDir: string | undefined;
if (answersAt >= 0) {
  const next = args[answersAt + 1];
  answersDir = next && !/^[a-z0-9-]+$/.test(next) ? next : LEARNER_ANSWERS_DIR;
  args.splice(answersAt, answersDir === next ? 2 : 1);
}
const only = new Set(args);
const entries = readContentDir(CONTENT_DIR, ['labs']).filter((e) => only.size === 0 || only.has(e.id));
const engines = startLabEngines();
const say = (run: LabRun) => {
  if (run.error)
    console.log(
      `      error: ${run.error.code ?? ''} ${run.error.message}${run.error.line ? ` (line ${run.error.line})` : ''}`,
    );
  for (const check of run.checks)
    console.log(
      `      ${check.passed ? 'pass' : 'FAIL'} ${check.name}${check.message ? ` — ${check.message.replace(/\n/g, '\n        ')}` : ''}`,
    );
};
let bad = 0;
type WrongAnswer = { why: string; code: string; race?: boolean | undefined };
type CheckedLab = LabFields & { wrongAnswers: WrongAnswer[]; hints: string[]; starter: string };
const labs = new Map<string, CheckedLab>();
for (const entry of entries) {
  const parsed = SCHEMAS.labs.safeParse(entry.data);
  if (!parsed.success) {
    bad++;
    for (const issue of parsed.error.issues) console.log(`${entry.file}: ${formatPath(issue.path)}: ${issue.message}`);
    continue;
  }
  labs.set(entry.id, parsed.data as CheckedLab);
}

if (answersDir) {
  const answers = readLearnerAnswers(answersDir).filter((a) => only.size === 0 || only.has(a.lab));
  for (const answer of answers) {
    const lab = labs.get(answer.lab);
    if (!lab) {
      bad++;
      console.log(`${answer.file}: no lab "${answer.lab}"`);
      continue;
    }
    const run = await engines.run(answer.lab, lab, answer.code, answer.runtime);
    const right = run.passed === (answer.expect === 'pass');
    if (!right) bad++;
    console.log(
      `${answer.lab} (${answer.note || 'no note'}): expected to ${answer.expect}, ${run.passed ? 'passes' : 'fails'}${right ? '' : ' — WRONG'}`,
    );
    if (!right || !run.passed) say(run);
  }
  engines.close();
  console.log(`\n${answers.length} answer(s), ${bad} graded wrongly.`);
  process.exit(bad > 0 ? 1 : 0);
}

/** A lab's versions to check: its own, and an API lab's Python one (`field` is where its wrong answers are). */
const versionsOf = (lab: CheckedLab) => [
  {
    runtime: 'javascript' as const,
    label: '',
    field: 'wrongAnswers',
    solution: lab.solution,
    wrongAnswers: lab.wrongAnswers,
  },
  ...(lab.python
    ? [{ runtime: 'python' as const, label: ' (Python)', field: 'python.wrongAnswers', ...lab.python }]
    : []),
];

/** A wrong answer marked `race` must pass with every concurrent step's requests sent one after another. */
const raceProblem = async (id: string, lab: CheckedLab, wrong: WrongAnswer, run: LabRun, runtime: ApiRuntime) => {
  if (!wrong.race || !lab.requests) return undefined;
  const alone = await engines.run(id, { ...lab, requests: oneAfterAnother(lab.requests) }, wrong.code, runtime);
  return uncaughtRace(alone, run);
};

for (const [id, lab] of labs) {
  const file = entries.find((e) => e.id === id)!.file;
  const started = performance.now();
  if (lab.language === 'design') {
    const check = checkDesignLab(lab);
    console.log(`${file} (${Math.round(performance.now() - started)} ms)\n${describeDesignCheck(check).join('\n')}`);
    if (!check.passed) bad++;
    continue;
  }
  console.log(file);
  const entry = entries.find((e) => e.id === id)!;
  const phrases = hintPhrases(lab.hints, givenText({ ...lab, body: entry.body }));
  for (const version of versionsOf(lab)) {
    const begun = performance.now();
    const solution = await engines.run(id, lab, version.solution, version.runtime);
    console.log(
      `  solution${version.label}: ${solution.passed ? 'passes' : 'FAILS'} (${Math.round(performance.now() - begun)} ms)`,
    );
    if (!solution.passed) {
      bad++;
      say(solution);
    }
    for (const [i, wrong] of version.wrongAnswers.entries()) {
      const run = await engines.run(id, lab, wrong.code, version.runtime);
      console.log(
        `  wrong answer${version.label} (${wrong.why}): ${run.passed ? 'PASSES — the checks cannot tell' : 'fails'}`,
      );
      if (run.passed) bad++;
      say(run);
      const leaked = [
        ...new Set(run.checks.flatMap((c) => leakedPhrases(c.message ?? '', phrasesNotIn(wrong.code, phrases)))),
      ];
      if (leaked.length) bad++;
      if (leaked.length) console.log(`      GIVES AWAY what the hints hold back: ${leaked.join(', ')}`);
      const race = await raceProblem(id, lab, wrong, run, version.runtime);
      if (race) bad++;
      if (race) console.log(`      RACE NOT CAUGHT: ${file}: ${version.field}[${i}].race: this answer ${race}`);
      else if (wrong.race) console.log('      a race: passes with the requests sent one after another');
    }
  }
}
engines.close();
console.log(`\n${entries.length} lab(s), ${bad} problem(s).`);
process.exit(bad > 0 ? 1 : 0);
