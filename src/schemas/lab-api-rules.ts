/**
 * What an API lab's task says of every response, as content: held against each response of every hidden test by
 * src/lib/labs/api/api-rules.ts.
 */
import { z } from 'astro/zod';
import { pattern } from './lab-checks.ts';

/** A rule by status: keys are a status ("404") or a class of them ("4xx"), each named when it is neither. */
const byStatus = <T extends z.ZodType>(value: T) =>
  z.record(z.string(), value).superRefine((record, ctx) => {
    for (const key of Object.keys(record))
      if (!/^(?:[1-5]xx|[1-5]\d\d)$/.test(key))
        ctx.addIssue({ code: 'custom', path: [key], message: 'is a status ("404") or a class ("4xx")' });
  });

/**
 * What an API lab's task says of every response, held against each response of every hidden test
 * (src/lib/labs/api/api-rules.ts): by status, a status's own value before its class's.
 */
export const apiRulesSchema = z.strictObject({
  /** Status → the media type every such response carries, e.g. { "2xx": "application/json" }; not 204 or 304. */
  contentType: byStatus(
    z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, { error: 'is a media type, e.g. application/json' }),
  ).optional(),
  /** Every 4xx and 5xx is problem details (RFC 9457): application/problem+json, a title, the response's status. */
  problemDetails: z.literal(true).optional(),
  /** Every 401 carries WWW-Authenticate matching this regular expression, e.g. "^Bearer\\b". */
  wwwAuthenticate: pattern.optional(),
  /** Status → a regular expression every such response's Cache-Control matches, e.g. { "2xx": "no-store" }. */
  cacheControl: byStatus(pattern).optional(),
});
