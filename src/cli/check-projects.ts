/**
 * `npm run projects:check [-- <project> …] [--broken <fault>]`: bundles the project checker as the build does, runs
 * it against each project's reference servers (tests/fixtures/servers/<project>/: Node, Python, PHP) and prints each
 * check that did not pass with its message. Exit 1 when a reference server fails a check, or a contract has none.
 * `--faults` runs every deliberate fault of every server instead and compares the checks it fails with the server's
 * faults.json (src/dev/server-faults.ts); `--write` records them.
 * The unit tests run the same (tests/unit/project-check/checker-servers.test.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleChecker } from '../checker/bundle.ts';
import { CONTENT_DIR } from '../lib/content/content-files.ts';
import { formatIssues } from '../lib/content/integrity.ts';
import { readContracts } from '../lib/content/integrity/contracts.ts';
import { checkReference, IN_PROCESS, referenceServers } from '../dev/reference-servers.ts';
import { type FaultRecord, faultsIn, readFaults, writeFaults } from '../dev/server-faults.ts';

const { values, positionals } = parseArgs({
  options: { broken: { type: 'string' }, faults: { type: 'boolean' }, write: { type: 'boolean' } },
  allowPositionals: true,
});
const { contracts, issues } = await readContracts(CONTENT_DIR);
if (issues.length > 0) {
  console.error(formatIssues(issues));
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'atlas-projects-'));
const checker = join(dir, 'atlas-check.mjs');
writeFileSync(
  checker,
  await bundleChecker(
    contracts.map((c) => c.contract),
    'https://atlas.test',
  ),
);
let failed = false;
if (values.faults) {
  failed = await checkFaults();
  rmSync(dir, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}

/** Runs every fault of every server in this process and compares the checks it fails with faults.json. */
async function checkFaults(): Promise<boolean> {
  let wrong = false;
  for (const { contract } of contracts) {
    if (positionals.length > 0 && !positionals.includes(contract.project)) continue;
    const recorded = readFaults(contract.project);
    const found: FaultRecord = {};
    for (const language of referenceServers(contract.project)) {
      for (const fault of faultsIn(contract.project, language.file)) {
        const { report } = await checkReference({
          checker: IN_PROCESS,
          project: contract.project,
          language,
          dataDir: dir,
          upstreamEnv: contract.upstream?.env,
          broken: fault,
        });
        const fails = report.checks.filter((c) => c.status === 'failed').map((c) => c.number);
        (found[language.name] ??= {})[fault] = fails;
        const expected = recorded[language.name]?.[fault];
        const same = expected !== undefined && expected.join() === fails.join();
        if (!same && !values.write) wrong = true;
        console.log(
          `${same ? '✓' : '✗'} ${contract.project} (${language.name}) BROKEN=${fault}: fails ${fails.join(', ') || 'nothing'}${same ? '' : ` (recorded: ${expected?.join(', ') ?? 'nothing'})`}`,
        );
      }
    }
    if (values.write) writeFaults(contract.project, found);
  }
  return wrong;
}

for (const { contract } of contracts) {
  if (positionals.length > 0 && !positionals.includes(contract.project)) continue;
  const languages = referenceServers(contract.project);
  if (languages.length === 0) {
    console.log(`✗ ${contract.project}: no reference server in tests/fixtures/servers/${contract.project}/`);
    failed = true;
  }
  for (const language of languages) {
    const started = Date.now();
    const { report } = await checkReference({
      checker,
      project: contract.project,
      language,
      dataDir: dir,
      upstreamEnv: contract.upstream?.env,
      broken: values.broken,
    });
    const count = (s: string) => report.checks.filter((c) => c.status === s).length;
    const mark = report.passed ? '✓' : '✗';
    console.log(
      `${mark} ${contract.project} (${language.name}${values.broken ? `, BROKEN=${values.broken}` : ''}): ${count('passed')} passed, ${count('failed')} failed, ${count('blocked')} not run, of ${report.checks.length} checks, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const c of report.checks.filter((x) => x.status !== 'passed'))
      console.log(`    ${c.number} ${c.name}: ${c.message}`);
    if (!report.passed && !values.broken) failed = true;
  }
}
rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
