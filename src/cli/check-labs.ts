/**
 * `npm run labs:check [-- <lab-id> …]`: runs each lab's reference solution and wrong answers on the real engines
 * (PGlite, QuickJS) and prints what a learner would read for each, so an author can judge the messages.
 * Exits 1 when a solution fails or a wrong answer passes (the labs unit test enforces the same in `npm test`).
 */
import { readContentDir } from '../lib/content/content-files.ts';
import { formatPath, SCHEMAS } from '../lib/content/integrity.ts';
import type { LabFields, LabRun } from '../lib/labs/lab-spec.ts';
import { startLabEngines } from '../lib/labs/node-engines.ts';

const only = new Set(process.argv.slice(2));
const entries = readContentDir().filter((e) => e.collection === 'labs' && (only.size === 0 || only.has(e.id)));
const engines = await startLabEngines();
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
for (const entry of entries) {
  const parsed = SCHEMAS.labs.safeParse(entry.data);
  if (!parsed.success) {
    bad++;
    for (const issue of parsed.error.issues) console.log(`${entry.file}: ${formatPath(issue.path)}: ${issue.message}`);
    continue;
  }
  const lab = parsed.data as LabFields & { wrongAnswers: { why: string; code: string }[] };
  const started = performance.now();
  const solution = await engines.run(entry.id, lab, lab.solution);
  console.log(
    `${entry.file}\n  solution: ${solution.passed ? 'passes' : 'FAILS'} (${Math.round(performance.now() - started)} ms)`,
  );
  if (!solution.passed) {
    bad++;
    say(solution);
  }
  for (const wrong of lab.wrongAnswers) {
    const run = await engines.run(entry.id, lab, wrong.code);
    console.log(`  wrong answer (${wrong.why}): ${run.passed ? 'PASSES — the checks cannot tell' : 'fails'}`);
    if (run.passed) bad++;
    say(run);
  }
}
await engines.close();
console.log(`\n${entries.length} lab(s), ${bad} problem(s).`);
process.exit(bad > 0 ? 1 : 0);
