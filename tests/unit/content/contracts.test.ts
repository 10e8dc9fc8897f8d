/**
 * The content rules a project's contract is held to (src/lib/content/integrity/contracts.ts): a document that is not
 * OpenAPI 3.1, a request no operation answers, a status the operation does not list, a topic or a `given` that does
 * not exist, milestones that are not the brief's, a "Done when" clause the brief does not say, upstream steps without
 * an upstream: each fails with the file and the field. The site's own contracts pass, and the project page reads them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { readContentDir } from '../../../src/lib/content/content-files.ts';
import { checkContracts, readContracts } from '../../../src/lib/content/integrity/contracts.ts';
import type { ParsedEntry } from '../../../src/lib/content/integrity/entries.ts';
import type { ApiRequestStep } from '../../../src/lib/labs/api/api-spec.ts';
import type { Contract } from '../../../src/lib/project-check/contract.ts';
import { operationViews, projectContract } from '../../../src/lib/content/project-contracts.ts';

/** The first step of the first check of milestone 2: signing up. */
const firstStep = (c: Contract) => c.milestones[1]!.checks[0]!.steps[0];

const dir = mkdtempSync(join(tmpdir(), 'atlas-contracts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const model = load(readFileSync('content/contracts/to-do-list-api.yaml', 'utf8')) as Contract;
const parsed: ParsedEntry[] = readContentDir('content', ['projects', 'topics']).map((e) => ({
  entry: { collection: e.collection, id: e.id, file: e.file, body: e.body },
  data: e.data as Record<string, unknown>,
}));

/** The issues of one contract written to a content folder of its own, read and checked as the build does. */
async function issuesOf(contract: unknown, name = 'to-do-list-api.yaml') {
  const root = mkdtempSync(join(dir, 'content-'));
  mkdirSync(join(root, 'contracts'));
  writeFileSync(join(root, 'contracts', name), JSON.stringify(contract));
  const { contracts, issues } = await readContracts(root);
  return [...issues, ...checkContracts(contracts, parsed)].map((i) => `${i.field}: ${i.message}`);
}

const changed = (change: (c: Contract) => void) => {
  const copy = structuredClone(model);
  change(copy);
  return copy;
};

describe('a project contract', () => {
  it('passes as the site has it, and every contract of the site passes', async () => {
    expect(await issuesOf(model)).toEqual([]);
    const all = await readContracts('content');
    expect(all.issues).toEqual([]);
    expect(checkContracts(all.contracts, parsed)).toEqual([]);
    expect(all.contracts.length).toBe(parsed.filter((p) => p.entry.collection === 'projects').length);
  });

  it.each([
    [
      'a file named for another project',
      (c: Contract) => void (c.project = 'blog-backend'),
      /^project: is "blog-backend"/,
    ],
    [
      'a document that is not OpenAPI 3.1',
      (c: Contract) => void (c.openapi.openapi = '3.0.3'),
      /openapi\.openapi: is an OpenAPI 3\.1/,
    ],
    [
      'invalid OpenAPI',
      (c: Contract) =>
        void ((c.openapi.paths['/tasks'] as Record<string, { responses: unknown }>).get!.responses = 'none'),
      /^openapi: is not valid OpenAPI 3\.1/,
    ],
    [
      'a request no operation answers',
      (c: Contract) => void ((firstStep(c) as ApiRequestStep).request = 'POST /signup'),
      /milestones\[1\]\.checks\[0\]\.steps\[0\]\.request: POST \/signup is no operation/,
    ],
    [
      'a status the operation does not list',
      (c: Contract) => void ((firstStep(c) as ApiRequestStep).expect!.status = 418),
      /steps\[0\]\.expect\.status: 418 is not a status POST \/auth\/signup lists/,
    ],
    [
      'a topic that does not exist',
      (c: Contract) => void (c.milestones[1]!.checks[0]!.topic = 'no-such-topic'),
      /topic: refers to a topic that does not exist/,
    ],
    [
      'a given that is not defined',
      (c: Contract) => void c.milestones[2]!.checks[0]!.given.push('carol'),
      /given: names "carol"/,
    ],
    [
      'milestones not in the brief’s words',
      (c: Contract) => void (c.milestones[0]!.title = 'Migrations.'),
      /^milestones: must be the brief's milestones/,
    ],
    [
      'a clause the brief does not say',
      (c: Contract) => void (c.doneWhen[1]!.clause = 'passwords are peppered'),
      /doneWhen\[1\]\.clause: is not in the brief/,
    ],
    [
      'a clause with no check or reason',
      (c: Contract) => void (c.doneWhen[0] = { clause: c.doneWhen[0]!.clause, checks: [] }),
      /doneWhen\[0\]: names no checks/,
    ],
    [
      'a check named that is none',
      (c: Contract) => void c.doneWhen[1]!.checks.push('Nope'),
      /doneWhen\[1\]\.checks: names "Nope"/,
    ],
    [
      'an upstream step without an upstream',
      (c: Contract) => void c.milestones[1]!.checks[0]!.steps.push({ upstream: 'down' }),
      /steers the upstream stand-in, but the contract has no upstream/,
    ],
  ])('fails with %s, naming the field', async (_, change, message) => {
    const issues = await issuesOf(changed(change));
    expect(issues.join('\n')).toMatch(message);
  });

  it('is read by the project page: each route with its query, body and answers', async () => {
    const contract = (await projectContract('to-do-list-api'))!;
    const routes = operationViews(contract);
    const list = routes.find((r) => r.method === 'GET' && r.path === '/tasks')!;
    expect(list.secured).toBe(true);
    expect(list.parameters.map((p) => `${p.name} (${p.type})`)).toContain('status ("open" or "done")');
    const signup = routes.find((r) => r.path === '/auth/signup')!;
    expect(signup.secured).toBe(false);
    expect(signup.body).toContainEqual(expect.objectContaining({ name: 'password', type: 'text', required: true }));
    expect(signup.responses.map((r) => r.status)).toEqual(['201', '400', '409', '422']);
  });
});
