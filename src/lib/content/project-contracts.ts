/**
 * Projects' contracts for the pages that show them: read once per build (the content check has already passed them,
 * src/lib/content/integrity/contracts.ts), and put in the shape a project page renders: each route with its request
 * fields and its answers, and the milestones with their checks.
 */
import type { Contract } from '../project-check/contract.ts';
import { operations, resolvePointer } from '../project-check/openapi.ts';
import { CONTENT_DIR } from './content-files.ts';
import { readContracts } from './integrity/contracts.ts';

let all: Promise<Map<string, Contract>> | undefined;

const contracts = () =>
  (all ??= readContracts(CONTENT_DIR).then(
    ({ contracts: read }) => new Map(read.map((c) => [c.contract.project, c.contract])),
  ));

/** The contract of a project, if it has one. */
export async function projectContract(project: string): Promise<Contract | undefined> {
  return (await contracts()).get(project);
}

/** The ids of the projects that have a contract: those a learner can build in any language and check. */
export async function checkedProjects(): Promise<string[]> {
  return [...(await contracts()).keys()];
}

/** A field of a JSON body as a reader scans it: "status", "open or done", required, what it means. */
interface FieldView {
  name: string;
  type: string;
  required: boolean;
  description?: string | undefined;
}

export interface OperationView {
  method: string;
  path: string;
  summary: string;
  /** Needs `Authorization: Bearer …`. */
  secured: boolean;
  parameters: FieldView[];
  body: FieldView[];
  responses: { status: string; description: string }[];
}

type Schema = Record<string, unknown>;

/** A schema with its `$ref` to `#/components/…` followed. */
function deref(doc: Contract['openapi'], schema: unknown): Schema {
  let at = schema as Schema | undefined;
  for (let hops = 0; at && typeof at.$ref === 'string' && hops < 5; hops++)
    at = resolvePointer(doc, at.$ref) as Schema | undefined;
  return at ?? {};
}

/** A schema's type in words: "text", "integer or text", "open or done", "list of Task". */
function typeWords(doc: Contract['openapi'], raw: unknown): string {
  const schema = raw as Schema;
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').at(-1)!;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' or ');
  const names: Record<string, string> = {
    string: 'text',
    integer: 'integer',
    number: 'number',
    boolean: 'true or false',
    null: 'null',
    object: 'object',
  };
  const types = [schema.type].flat().filter(Boolean) as string[];
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  if (types.includes('array')) return `list of ${typeWords(doc, schema.items ?? {})}`;
  return `${types.map((t) => names[t] ?? t).join(' or ') || 'any'}${format}`;
}

function fields(doc: Contract['openapi'], raw: unknown): FieldView[] {
  const schema = deref(doc, raw);
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {}).map(([name, property]) => ({
    name,
    type: typeWords(doc, property),
    required: required.has(name),
    description: (deref(doc, property).description as string | undefined) ?? undefined,
  }));
}

/** Every route of the contract as the page lists it. */
export function operationViews(contract: Contract): OperationView[] {
  const doc = contract.openapi;
  const global = (doc as { security?: unknown[] }).security ?? [];
  return operations(doc).map(({ method, template, operation }) => {
    const pathItem = doc.paths[template] as { parameters?: OperationView['parameters'] };
    const params = [...((pathItem.parameters as unknown[]) ?? []), ...(operation.parameters ?? [])] as {
      name: string;
      in: string;
      required?: boolean;
      description?: string;
      schema?: unknown;
    }[];
    const body = operation.requestBody && deref(doc, operation.requestBody);
    // A request body may be given by `$ref` to components.requestBodies: followed like a response.
    const json = (body?.content as Record<string, { schema?: unknown }> | undefined)?.['application/json'];
    return {
      method,
      path: template,
      summary: operation.summary ?? '',
      // An empty requirement ({}) in the list makes credentials optional: the route does not need a token.
      secured:
        (operation.security ?? global).length > 0 &&
        !(operation.security ?? global).some((r) => Object.keys(r as object).length === 0),
      parameters: params
        .filter((p) => p.in === 'query')
        .map((p) => ({
          name: p.name,
          type: typeWords(doc, p.schema ?? {}),
          required: !!p.required,
          description: p.description,
        })),
      body: json ? fields(doc, json.schema) : [],
      responses: Object.entries(operation.responses).map(([status, response]) => ({
        status,
        description: (deref(doc, response).description as string | undefined) ?? '',
      })),
    };
  });
}
