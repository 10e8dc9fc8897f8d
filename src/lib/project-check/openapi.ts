/**
 * Reading a contract's OpenAPI document: which operation a request is ("GET /tasks/{id}"), the statuses it may
 * answer, and what each response declares (headers, media types, the JSON pointer of its schema). Local `$ref`s to
 * `#/components/responses/…` are followed; schemas are left to the validator (contract-rules.ts), which resolves
 * their own.
 * IMPORTED IN BOTH NODE AND BROWSER CODE: no Node, no validator.
 */
import { METHODS, type OpenApiDocument, type OpenApiOperation, type OpenApiResponse } from './contract.ts';

/** An operation a request was matched to. */
export interface MatchedOperation {
  method: string;
  /** The path template: "/tasks/{id}". */
  template: string;
  operation: OpenApiOperation;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A template as a regular expression over a request's path: each {param} one segment. */
const templatePattern = (template: string) =>
  new RegExp(
    `^${template
      .split(/\{[^}]+\}/)
      .map(escapeRegExp)
      .join('[^/]+')}$`,
  );

/** The operation that answers `method` on `path` (query left off); literal templates win over parameters. */
export function matchOperation(doc: OpenApiDocument, method: string, path: string): MatchedOperation | undefined {
  const bare = path.split('?')[0]!.split('#')[0]!;
  const wanted = method.toLowerCase();
  const templates = Object.keys(doc.paths).sort(
    (a, b) => (a.match(/\{/g) ?? []).length - (b.match(/\{/g) ?? []).length,
  );
  for (const template of templates) {
    if (!templatePattern(template).test(bare)) continue;
    const operation = doc.paths[template]![wanted] as OpenApiOperation | undefined;
    if (operation && (METHODS as readonly string[]).includes(wanted))
      return { method: wanted.toUpperCase(), template, operation };
  }
  return undefined;
}

/** A JSON pointer's segment, escaped as RFC 6901 says. */
export const pointerSegment = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** The key an operation's responses answer `status` under: the exact code, its range ("4XX"), or `default`. */
export const responseKey = (responses: object, status: number) =>
  [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);

/** A response as declared, its `$ref` followed, and the JSON pointer it sits at (for its schema's validator). */
export interface DeclaredResponse {
  response: OpenApiResponse;
  pointer: string;
}

/** What `operation` declares for `status`: the exact code, its range ("4XX"), or `default`; undefined when none. */
export function declaredResponse(
  doc: OpenApiDocument,
  matched: MatchedOperation,
  status: number,
): DeclaredResponse | undefined {
  const key = responseKey(matched.operation.responses, status);
  if (!key) return undefined;
  let pointer = `#/paths/${pointerSegment(matched.template)}/${matched.method.toLowerCase()}/responses/${key}`;
  let response = matched.operation.responses[key]!;
  for (let hops = 0; '$ref' in response && hops < 5; hops++) {
    const ref = response.$ref;
    pointer = ref;
    response = resolvePointer(doc, ref) as OpenApiResponse | { $ref: string };
  }
  return '$ref' in response ? undefined : { response, pointer };
}

/** The value a local JSON pointer ("#/components/responses/NotFound") names, or undefined. */
export function resolvePointer(doc: unknown, pointer: string): unknown {
  if (!pointer.startsWith('#')) return undefined;
  return pointer
    .slice(2)
    .split('/')
    .filter(Boolean)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (at, key) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined),
      doc,
    );
}

/** The statuses an operation lists, for messages: "200, 401 or 404". */
export const listedStatuses = (matched: MatchedOperation) => Object.keys(matched.operation.responses).join(', ');

/** Every operation of the document, in the order written: what the project page and `--list` show. */
export function operations(doc: OpenApiDocument): MatchedOperation[] {
  return Object.entries(doc.paths).flatMap(([template, item]) =>
    METHODS.filter((m) => m in item).map((m) => ({
      method: m.toUpperCase(),
      template,
      operation: item[m] as OpenApiOperation,
    })),
  );
}
