/**
 * Projects' contracts (content/contracts/<project>.yaml, src/schemas/contract.ts), read beside the collections as
 * current-releases.yaml is, and checked against them: the file is the project's, the document is valid OpenAPI 3.1,
 * every request of every check names an operation of the document and expects only statuses it lists, `given`
 * names exist, the milestones are the brief's, and each "Done when" clause is the brief's own words with the checks
 * that show it. Each problem names the file and the field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { CORE_SCHEMA, load } from 'js-yaml';
import { contractSchema } from '../../../schemas/contract.ts';
import type { Contract, ContractStep } from '../../project-check/contract.ts';
import { matchOperation, responseKey } from '../../project-check/openapi.ts';
import { type ContentIssue, formatPath, type ParsedEntry } from './entries.ts';

const CONTRACTS_DIR = 'contracts';

/** A contract as read, with its file for messages. */
export interface ContractFile {
  file: string;
  contract: Contract;
}

/** Every contract under `contentDir`, parsed by its schema and its document validated as OpenAPI 3.1. */
export async function readContracts(
  contentDir: string,
): Promise<{ contracts: ContractFile[]; issues: ContentIssue[] }> {
  const dir = join(contentDir, CONTRACTS_DIR);
  if (!existsSync(dir)) return { contracts: [], issues: [] };
  const contracts: ContractFile[] = [];
  const issues: ContentIssue[] = [];
  const validator = new Validator();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const file = join(dir, name).replaceAll('\\', '/');
    let data: unknown;
    try {
      data = load(readFileSync(join(dir, name), 'utf8'), { schema: CORE_SCHEMA });
    } catch (error) {
      issues.push({ file, field: '(file)', message: `is not valid YAML: ${(error as Error).message}` });
      continue;
    }
    const parsed = contractSchema.safeParse(data);
    if (!parsed.success) {
      issues.push(...parsed.error.issues.map((i) => ({ file, field: formatPath(i.path), message: i.message })));
      continue;
    }
    const contract = parsed.data as unknown as Contract;
    if (name !== `${contract.project}.yaml`)
      issues.push({
        file,
        field: 'project',
        message: `is "${contract.project}", so the file is ${contract.project}.yaml`,
      });
    const result = await validator.validate(structuredClone(contract.openapi) as unknown as Record<string, unknown>);
    if (!result.valid) {
      const errors = Array.isArray(result.errors) ? result.errors.slice(0, 3) : [result.errors];
      for (const error of errors)
        issues.push({
          file,
          field: 'openapi',
          message: `is not valid OpenAPI 3.1: ${JSON.stringify(error).slice(0, 300)}`,
        });
      continue;
    }
    contracts.push({ file, contract });
  }
  return { contracts, issues };
}

/** The request steps of a step list, with where they sit. */
function requestSteps(steps: readonly ContractStep[], at: string) {
  return steps.flatMap((step, i) => {
    if ('request' in step) return [{ step, field: `${at}[${i}]` }];
    const group = 'concurrent' in step ? step.concurrent : 'together' in step ? step.together : [];
    const key = 'concurrent' in step ? 'concurrent' : 'together';
    return group.map((request, j) => ({ step: request, field: `${at}[${i}].${key}[${j}]` }));
  });
}

/** Problems of one contract's requests against its own document. */
function checkRequests({ file, contract }: ContractFile): ContentIssue[] {
  const lists = [
    ...Object.entries(contract.given).map(([name, steps]) => ({ steps, at: `given.${name}` })),
    ...contract.milestones.flatMap((m, i) =>
      m.checks.map((c, j) => ({ steps: c.steps, at: `milestones[${i}].checks[${j}].steps` })),
    ),
  ];
  return lists.flatMap(({ steps, at }) =>
    requestSteps(steps, at).flatMap(({ step, field }): ContentIssue[] => {
      const [method = '', path = ''] = step.request.split(' ');
      const matched = matchOperation(contract.openapi, method, path.replace(/\$\{\w+\}/g, 'x'));
      if (!matched)
        return [
          {
            file,
            field: `${field}.request`,
            message: `${step.request} is no operation of the contract's openapi.paths`,
          },
        ];
      const statuses = step.expect?.status === undefined ? [] : [step.expect.status].flat();
      const listed = Object.keys(matched.operation.responses);
      return statuses
        .filter((s) => !responseKey(matched.operation.responses, s))
        .map((s) => ({
          file,
          field: `${field}.expect.status`,
          message: `${s} is not a status ${method} ${matched.template} lists (${listed.join(', ')})`,
        }));
    }),
  );
}

/** The items of a section's numbered list, and its paragraphs, from a Markdown body: "## Milestones", "## Done when". */
function section(body: string, heading: string): string {
  const match = new RegExp(`^## ${heading}\\s*$([\\s\\S]*?)(?=^## |$(?![\\s\\S]))`, 'm').exec(body);
  return match?.[1]?.trim() ?? '';
}
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Steps that steer the upstream stand-in, in a contract that has none. */
function upstreamSteps({ file, contract }: ContractFile): ContentIssue[] {
  if (contract.upstream) return [];
  return contract.milestones.flatMap((m, i) =>
    m.checks.flatMap((c, j) =>
      c.steps.flatMap((step, k) =>
        'upstream' in step || 'upstreamCalls' in step
          ? [
              {
                file,
                field: `milestones[${i}].checks[${j}].steps[${k}]`,
                message: 'steers the upstream stand-in, but the contract has no upstream',
              },
            ]
          : [],
      ),
    ),
  );
}

/** Problems between contracts and the collections: the project and topics exist, milestones and clauses are the brief's. */
export function checkContracts(contracts: readonly ContractFile[], parsed: readonly ParsedEntry[]): ContentIssue[] {
  const ids = (collection: string) =>
    new Map(parsed.filter((p) => p.entry.collection === collection).map((p) => [p.entry.id, p]));
  const projects = ids('projects');
  const topics = ids('topics');
  return contracts.flatMap((one): ContentIssue[] => {
    const { file, contract } = one;
    const project = projects.get(contract.project);
    if (!project)
      return [{ file, field: 'project', message: `refers to a project that does not exist: ${contract.project}` }];
    const issues = checkRequests(one);
    issues.push(...upstreamSteps(one));
    const names = new Set(contract.milestones.flatMap((m) => m.checks.map((c) => c.name)));
    contract.milestones.forEach((m, i) =>
      m.checks.forEach((c, j) => {
        const at = `milestones[${i}].checks[${j}]`;
        if (!topics.has(c.topic))
          issues.push({ file, field: `${at}.topic`, message: `refers to a topic that does not exist: ${c.topic}` });
        for (const g of c.given.filter((g) => !(g in contract.given)))
          issues.push({
            file,
            field: `${at}.given`,
            message: `names "${g}", which the contract's given does not define`,
          });
        if (!m.unchecked && m.checks.length === 0)
          issues.push({ file, field: `milestones[${i}]`, message: 'has no checks: add some, or say why in unchecked' });
      }),
    );
    const brief = project.entry.body;
    const milestones = [...section(brief, 'Milestones').matchAll(/^\d+\.\s+(.+)$/gm)].map((m) => squash(m[1]!));
    if (milestones.join('\n') !== contract.milestones.map((m) => squash(m.title)).join('\n'))
      issues.push({
        file,
        field: 'milestones',
        message: `must be the brief's milestones, in order and in its words: ${milestones.map((m, i) => `${i + 1}. ${m}`).join(' ')}`,
      });
    const doneWhen = squash(section(brief, 'Done when'));
    contract.doneWhen.forEach((d, i) => {
      if (!doneWhen.includes(squash(d.clause)))
        issues.push({
          file,
          field: `doneWhen[${i}].clause`,
          message: `is not in the brief's "Done when": ${d.clause}`,
        });
      if (d.checks.length === 0 && !d.unchecked)
        issues.push({
          file,
          field: `doneWhen[${i}]`,
          message: 'names no checks: name those that show it, or say why none can in unchecked',
        });
      for (const name of d.checks.filter((n) => !names.has(n)))
        issues.push({
          file,
          field: `doneWhen[${i}].checks`,
          message: `names "${name}", which is no check of this contract`,
        });
    });
    return issues;
  });
}
