import { z } from 'astro/zod';
import { apiRequestSchema, message } from './lab-checks.ts';
import { idSchema } from './shared.ts';

/**
 * A project's contract: content/contracts/<project id>.yaml. The OpenAPI 3.1 document the learner builds against and
 * downloads, and the checks the project checker (src/checker/) runs against their server, grouped by the brief's
 * milestones. The content check (src/lib/content/integrity/contracts.ts) also requires the document to be valid
 * OpenAPI 3.1, every check's requests to name an operation of it with a status it lists, the milestones to be the
 * brief's, and every "Done when" clause to be the brief's words with the checks that show it.
 */

/**
 * One step of a check, in order: a request (as an API lab's hidden test writes it: `request`, `headers`, `body`,
 * `expect`, `capture`, `message`), requests sent at once each judged by its own `expect`, requests sent at once
 * whose statuses together must be exactly `statuses` (one winner of a race), a restart of the learner's server, or
 * real time passing.
 * Values: `${run}` is unique to a run, `${uid}` to one check in a run; captures as in API labs.
 */
const requestSchema = apiRequestSchema.extend({
  /**
   * Signs the request as a webhook sender would: `header` gets an HMAC-SHA256 (hex) of what is `signed`
   * ("${body}" by default, or e.g. "${timestamp}.${body}"), keyed with `secret`, written as `value` ("${hmac}" by
   * default, e.g. "sha256=${hmac}" or "t=${timestamp},v1=${hmac}"). The body is signed exactly as sent.
   */
  sign: z
    .strictObject({
      header: z.string().regex(/^[A-Za-z0-9-]+$/),
      secret: z.string().min(8),
      signed: z.string().includes('${body}').optional(),
      value: z.string().includes('${hmac}').optional(),
    })
    .optional(),
});

const contractStepSchema = z.union([
  requestSchema,
  z.strictObject({ concurrent: z.array(requestSchema).min(2).max(10) }),
  z.strictObject({
    together: z.array(requestSchema).min(2).max(10),
    /** The statuses the requests get, in any order: `[201, 409]` is one created and one refused. */
    statuses: z.array(z.number().int().min(100).max(599)).min(2).max(10),
    message,
  }),
  /** What the learner is asked before they restart their server, e.g. why the data must survive. */
  z.strictObject({ restart: message }),
  /** Seconds of real time to let pass (a rate limit's window, a short token's life): 5 at most, to keep runs short. */
  z.strictObject({ wait: z.number().positive().max(5) }),
  /** The upstream stand-in from now on: `up`, `down` (every call a 503) or `slow` (no answer for 10 s). */
  z.strictObject({ upstream: z.enum(['up', 'down', 'slow']) }),
  /** The upstream stand-in has had exactly this many requests in this check (to `path`, when given). */
  z.strictObject({
    upstreamCalls: z.number().int().min(0).max(100),
    path: z.string().startsWith('/').optional(),
    message,
  }),
]);

/**
 * A third-party service the project calls, played by the checker on loopback while it runs (src/checker/upstream.ts).
 * The learner starts their server with `env` set to the stand-in's base URL.
 */
const upstreamSchema = z.strictObject({
  /** The environment variable the learner's server reads the provider's base URL from: WEATHER_PROVIDER_URL. */
  env: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  /** What the stand-in plays, in a sentence the learner reads. */
  description: message,
  /** Its routes: "GET /v1/forecast", the status (200 unless given) and the JSON body; `${query.name}` is filled in. */
  routes: z
    .array(
      z.strictObject({
        request: z.string().regex(/^[A-Z]+ \/\S*$/),
        status: z.number().int().min(100).max(599).optional(),
        body: z.unknown(),
      }),
    )
    .min(1),
});

const checkSchema = z.strictObject({
  /** What the check shows, as a sentence the learner reads beside pass or fail. */
  name: z.string().trim().min(10).max(100),
  /** The rule the server is held to, shown when the check fails. */
  rule: message,
  /** The topic that teaches the rule (content/topics/<id>.md). */
  topic: idSchema,
  /** Names of `given` step lists run first; when one fails the check is reported as not run. */
  given: z.array(z.string()).default([]),
  steps: z.array(contractStepSchema).min(1).max(20),
});

export const contractSchema = z.strictObject({
  /** The project this is the contract of (content/projects/<id>.md); the file's name is the same id. */
  project: idSchema,
  /** JSON keys no response may carry at any depth, in any case: password, password_hash … */
  secrets: z.array(z.string().trim().min(2)).default([]),
  /** The OpenAPI 3.1 document: routes, request and response bodies, statuses, the error format. */
  openapi: z.looseObject({ openapi: z.string().regex(/^3\.1\.\d+$/, { error: 'is an OpenAPI 3.1 version: 3.1.0' }) }),
  /** The third-party service the project calls, when it calls one; the checker plays it. */
  upstream: upstreamSchema.optional(),
  /** Step lists checks start with, by name: signing a user up and in. */
  given: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(contractStepSchema).min(1)).default({}),
  /** The brief's milestones, in its order and words, each with its checks. */
  milestones: z
    .array(
      z.strictObject({
        title: z.string().trim().min(5),
        /**
         * What in this milestone no request can show (the learner's own tests, a README), and why: with no checks,
         * the whole milestone; beside checks, the part they leave out.
         */
        unchecked: message.optional(),
        checks: z.array(checkSchema).default([]),
      }),
    )
    .min(1),
  /**
   * Each clause of the brief's "Done when", in its words, and the checks (by name) that show it; or, for what no
   * request can see (the learner's own tests, a README), `unchecked` with the reason.
   */
  doneWhen: z
    .array(
      z.strictObject({
        clause: z.string().trim().min(5),
        checks: z.array(z.string()).default([]),
        unchecked: message.optional(),
      }),
    )
    .min(1),
});
