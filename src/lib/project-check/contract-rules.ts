/**
 * The rules every response of a checker run is held to, whatever the check asks of it, read from the contract
 * itself: the status is one the operation lists, the headers it marks required are there, the media type is one it
 * declares, the JSON body is valid JSON and fits the declared schema (Ajv, JSON Schema 2020-12, the dialect
 * OpenAPI 3.1 uses), and no key the contract names a secret appears anywhere in it. A check cannot forget them.
 * Node only (the checker): Ajv compiles schemas to functions, which the site's CSP would refuse.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { mediaType, responseHeader } from '../labs/api/index.ts';
import type { HttpExchange } from '../labs/shared/lab-spec.ts';
import type { Contract } from './contract.ts';
import { declaredResponse, listedStatuses, matchOperation, pointerSegment } from './openapi.ts';

const DOCUMENT_ID = 'contract.json';

const isJson = (type: string) => type === 'application/json' || type.endsWith('+json');

/** A JSON key named as a secret, at any depth: its path, or undefined. */
function secretAt(value: unknown, secrets: ReadonlySet<string>, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = secretAt(item, secrets, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (secrets.has(key.toLowerCase())) return at;
      const found = secretAt(item, secrets, at);
      if (found) return found;
    }
  }
  return undefined;
}

/** Ajv's first error, in words: "at tasks[0].status: must be equal to one of the allowed values (open, done)". */
function schemaWords(error: ErrorObject): string {
  const at = error.instancePath
    ? error.instancePath
        .slice(1)
        .split('/')
        .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part.replaceAll('~1', '/').replaceAll('~0', '~')}`))
        .join('')
        .replace(/^\./, '')
    : 'the body';
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  const extra = (error.params as { additionalProperty?: string }).additionalProperty;
  const detail = allowed ? ` (${allowed.map((v) => JSON.stringify(v)).join(', ')})` : extra ? ` ("${extra}")` : '';
  return `at ${at}: ${error.message ?? 'does not fit the schema'}${detail}`;
}

/** The rule every response of a run is held to, made once per contract. */
export function contractRule(contract: Contract): (exchange: HttpExchange) => string | undefined {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  // ajv-formats' own list (date-time, email, uri …), added one by one: its plugin export is typed for another Ajv.
  for (const [name, format] of Object.entries(fullFormats)) ajv.addFormat(name, format);
  ajv.addSchema({ ...contract.openapi, $id: DOCUMENT_ID });
  const validators = new Map<string, ValidateFunction>();
  const validator = (pointer: string) => {
    let found = validators.get(pointer);
    if (!found) {
      found = ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      validators.set(pointer, found);
    }
    return found;
  };
  const secrets = new Set(contract.secrets.map((s) => s.toLowerCase()));
  return (exchange) => {
    const response = exchange.response;
    if (!response) return undefined;
    const matched = matchOperation(contract.openapi, exchange.request.method, exchange.request.path);
    if (!matched) return undefined;
    const operation = `${matched.method} ${matched.template}`;
    const declared = declaredResponse(contract.openapi, matched, response.status);
    if (!declared)
      return `The contract does not list status ${response.status} for ${operation} (it lists ${listedStatuses(matched)}).`;
    for (const [name, spec] of Object.entries(declared.response.headers ?? {}))
      if (spec.required && responseHeader(response, name) === null)
        return `A ${response.status} from ${operation} must carry the ${name} header; this one has none.`;
    const declaredTypes = Object.keys(declared.response.content ?? {});
    if (declaredTypes.length === 0) {
      return response.body === ''
        ? undefined
        : `A ${response.status} from ${operation} has no body in the contract; this one has ${response.body.length} bytes.`;
    }
    const type = mediaType(responseHeader(response, 'content-type'));
    const wanted = declaredTypes.find((t) => t.toLowerCase() === type);
    if (!wanted)
      return `A ${response.status} from ${operation} is ${declaredTypes.join(' or ')} in the contract; this one is ${type || 'sent with no Content-Type'}.`;
    if (!isJson(type)) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return `The body is not valid JSON, though it is sent as ${type}.`;
    }
    const secret = secretAt(body, secrets);
    if (secret) return `The body carries "${secret}": a secret never leaves the server, not even hashed.`;
    const pointer = `${declared.pointer}/content/${pointerSegment(wanted)}/schema`;
    const validate = validator(pointer);
    if (!validate(body)) return `The body does not fit the contract's schema ${schemaWords(validate.errors![0]!)}.`;
    return undefined;
  };
}
