/**
 * The project checker against each project's reference servers on loopback (tests/fixtures/servers/<project>/: Node,
 * node:http over node:sqlite; Python, http.server over sqlite3; PHP, the built-in server over PDO SQLite), restarted
 * for real when the checker asks. Every contract has a reference server, and every reference server passes every
 * check. The to-do list API's are also checked by the bundled file the site serves (src/checker/bundle.ts), run by
 * Node as a child process as a learner runs it, restarted when it asks on stdin. Their broken variants, each a mistake
 * learners make, fail exactly the checks that name their fault, and the rest pass or, where a set-up meets the same
 * fault, are not run. The other runs use the checker's modules in this process: the same code, counted by coverage,
 * without a Node start per run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContracts } from '../../../src/lib/content/integrity/contracts.ts';
import {
  type CheckerReport,
  checkReference,
  IN_PROCESS,
  referenceServers,
} from '../../../src/dev/reference-servers.ts';
import { faultsIn, readFaults } from '../../../src/dev/server-faults.ts';
import { checkerFile } from './checker-bundle.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-servers-'));
let checker: string;
beforeAll(async () => {
  checker = await checkerFile();
}, 60_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const { contracts } = await readContracts('content');
const projects = contracts.map((c) => c.contract.project);
const upstreamEnv = (project: string) => contracts.find((c) => c.contract.project === project)?.contract.upstream?.env;
const runs = projects.flatMap((project) => referenceServers(project).map((language) => ({ project, language })));

const numbers = (report: CheckerReport, status: string) =>
  report.checks.filter((c) => c.status === status).map((c) => c.number);

it('every contract has a reference server', () => {
  expect(projects.filter((p) => referenceServers(p).length === 0)).toEqual([]);
});

// Every server's deliberate faults are recorded with the checks each fails (faults.json, by `npm run projects:check
// -- --faults --write`, which runs them all: about 90 CPU-s, more than this run can spend, so the to-do list API's
// are run below and the others by that command after a change to a contract or a server).
it('every reference server has at least three deliberate faults, each recorded with the checks it fails', () => {
  const problems = runs.flatMap(({ project, language }) => {
    const found = faultsIn(project, language.file);
    const recorded = readFaults(project)[language.name] ?? {};
    return [
      ...(found.length < 3 ? [`${project} (${language.name}): ${found.length} faults`] : []),
      ...found.filter((f) => !recorded[f]?.length).map((f) => `${project} (${language.name}): ${f} is not recorded`),
      ...Object.keys(recorded)
        .filter((f) => !found.includes(f))
        .map((f) => `${project} (${language.name}): ${f} is recorded but not in the server`),
    ];
  });
  expect(problems).toEqual([]);
});

// Servers of different projects run at once: most of a run is waiting (a restart, a rate limit's window), not CPU.
describe.concurrent.each(runs)('$project, its reference server in $language.name', ({ project, language }) => {
  it('passes every check, its data surviving a real restart', async () => {
    const { report, code } = await checkReference({
      checker: IN_PROCESS,
      project,
      language,
      dataDir,
      upstreamEnv: upstreamEnv(project),
    });
    expect(report.checks.filter((c) => c.status !== 'passed')).toEqual([]);
    expect(report.checks.length).toBeGreaterThanOrEqual(10);
    expect(code).toBe(0);
  }, 60_000);
});

describe.concurrent.each(referenceServers('to-do-list-api'))(
  'the bundled checker, run as a learner runs it, against the to-do list API in $name',
  (language) => {
    it('passes every check, the server restarted when the checker asks on stdin', async () => {
      const { report, code } = await checkReference({ checker, project: 'to-do-list-api', language, dataDir });
      expect(report.checks.filter((c) => c.status !== 'passed')).toEqual([]);
      expect(code).toBe(0);
    }, 60_000);
  },
);

describe('servers a second reader wrote from the to-do list API’s brief and OpenAPI document alone', () => {
  const python = referenceServers('to-do-list-api').find((l) => l.name === 'Python')!;
  const learner = (file: string) => ({
    checker: IN_PROCESS,
    project: 'to-do-list-api',
    language: python,
    dataDir,
    serverFile: `tests/fixtures/learner-servers/to-do-list-api/${file}`,
  });

  it('a correct one, written its own way, passes every check', async () => {
    const { report, code } = await checkReference(learner('correct.py'));
    expect(report.checks.filter((c) => c.status !== 'passed')).toEqual([]);
    expect(code).toBe(0);
  }, 60_000);

  it('a close but wrong one (offset pages behind an opaque cursor) fails the check that names its fault', async () => {
    const { report } = await checkReference(learner('close.py'));
    expect(numbers(report, 'failed')).toEqual(['5.2']);
    expect(report.checks.find((c) => c.number === '5.2')!.message).toMatch(/repeats one/);
  }, 60_000);
});

/**
 * Each fault of the to-do list API's servers, the checks it must fail (no others, as its faults.json records), and
 * words its failure must say.
 */
const FAULTS = [
  { broken: 'foreign-403', fails: ['4.2'], says: /does not list status 403/, languages: ['Node', 'Python', 'PHP'] },
  {
    broken: 'hash-in-response',
    fails: ['2.1', '2.3'],
    says: /carries "password_hash"/,
    languages: ['Node', 'Python', 'PHP'],
  },
  { broken: 'json-500', fails: ['5.3'], says: /does not list status 500/, languages: ['Node', 'Python', 'PHP'] },
  { broken: 'memory', fails: ['1.1'], says: /must still log in/, languages: ['Node', 'Python'] },
  { broken: 'lost-update', fails: ['4.4'], says: /one undid another/, languages: ['Node', 'Python'] },
  { broken: 'check-then-insert', fails: ['2.3'], says: /answered 201, 201/, languages: ['Node'] },
  { broken: 'offset-pages', fails: ['5.2'], says: /repeats one/, languages: ['Node', 'PHP'] },
  {
    broken: 'case-sensitive-email',
    fails: ['2.2', '2.5'],
    says: /same account|without regard to case/,
    languages: ['PHP'],
  },
];

describe.concurrent.each(referenceServers('to-do-list-api'))('the to-do list API in $name, broken', (language) => {
  it.each(FAULTS.filter((f) => f.languages.includes(language.name)))(
    'by $broken, fails exactly $fails',
    async ({ broken, fails, says }) => {
      const { report, code } = await checkReference({
        checker: IN_PROCESS,
        project: 'to-do-list-api',
        language,
        dataDir,
        broken,
      });
      expect(numbers(report, 'failed')).toEqual(fails);
      expect(readFaults('to-do-list-api')[language.name]?.[broken]).toEqual(fails);
      expect(report.checks.find((c) => c.number === fails[0])!.message).toMatch(says);
      // Checks not run are those whose set-up met the same fault, and say so.
      for (const blocked of report.checks.filter((c) => c.status === 'blocked')) expect(blocked.message).toMatch(says);
      expect(code).toBe(1);
    },
    60_000,
  );
});
