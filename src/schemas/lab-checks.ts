/**
 * What a lab is graded by (lab.ts): an SQL lab's checks and hidden datasets, an API lab's hidden tests of requests
 * and expected responses; and the two kinds of text every lab field is made of, code and a learner-facing message.
 */
import { z } from 'astro/zod';

/** Code as authors write it in a YAML block (`|`): at least one non-blank line. */
export const code = z.string().refine((text) => text.trim().length > 0, { error: 'must hold code, not be empty' });
/** A learner-facing message: one or two plain sentences saying what is wrong and where to look. */
export const message = z.string().trim().min(10).max(300);

/**
 * One check of an SQL lab. Every check runs against the learner's database and, where it compares, against a
 * database the reference solution ran on (both fresh, with the lab's `setup`). `name` is what the learner reads
 * beside pass or fail ("Returns each customer once").
 */
export const sqlCheckSchema = z.discriminatedUnion('type', [
  z.strictObject({
    /** The rows of the learner's last statement that returns rows equal the reference solution's last rows. */
    type: z.literal('result'),
    name: z.string().trim().min(3).max(80),
    /** Compare row order too: only when the task asks for an order. Default false (rows compared as a multiset). */
    ordered: z.boolean().default(false),
    /**
     * Added to the failure message: the rule of the task the rows must follow, in the task's words ("Each customer
     * without an order, once; customers with orders are not listed"), never the way to write it.
     */
    rule: message.optional(),
    /**
     * Kinds of rows the task names, so a failure says which are missing or too many ("1 row missing: a month at
     * exactly the threshold"): `sql` returns, on the same data, the leading columns of the result rows of that kind.
     */
    probes: z
      .array(z.strictObject({ label: z.string().trim().min(5).max(80), sql: code }))
      .max(6)
      .optional(),
  }),
  z.strictObject({
    /** `sql` returns the same rows on the learner's database as on the solution's: data after DML, a catalog query after DDL. */
    type: z.literal('state'),
    name: z.string().trim().min(3).max(80),
    /** A query with an ORDER BY, so two equal states print alike. */
    sql: code,
    message,
  }),
  z.strictObject({
    /** `sql` returns one row whose first column is true on the learner's database. */
    type: z.literal('assert'),
    name: z.string().trim().min(3).max(80),
    sql: code,
    message,
  }),
  z.strictObject({
    /** The plan of `EXPLAIN <sql>` on the learner's database matches `includes` and not `excludes`. */
    type: z.literal('plan'),
    name: z.string().trim().min(3).max(80),
    /**
     * The query whose plan is read, when the lab gives it. Leave it out where the lab is about the query: the plan
     * is then the learner's own last query's (the last statement that returned rows, a leading EXPLAIN stripped).
     */
    sql: code.optional(),
    /** A regular expression the plan text must match, e.g. "Index Scan using orders_customer_id_idx". */
    includes: z.string().min(2).optional(),
    /** A regular expression the plan text must not match, e.g. "Seq Scan on orders". */
    excludes: z.string().min(2).optional(),
    message,
  }),
  z.strictObject({
    /** `sql` fails on the learner's database (rolled back either way), with `sqlstate` when given (23505 unique, 23503 foreign key, 23514 check, 23502 not null). */
    type: z.literal('rejects'),
    name: z.string().trim().min(3).max(80),
    sql: code,
    sqlstate: z
      .string()
      .regex(/^[0-9A-Z]{5}$/)
      .optional(),
    message,
  }),
  z.strictObject({
    /**
     * An index on `table` (schema public) in the learner's catalog, whatever its name: its leading key columns are
     * `keys`, it holds the `include` columns, its predicate matches `where` (no predicate when `where` is absent),
     * and it is `unique` and uses the method `using` when those are given.
     */
    type: z.literal('index'),
    name: z.string().trim().min(3).max(80),
    table: z.string().regex(/^[a-z_][a-z0-9_]*$/, { error: 'must be a table name in schema public, unquoted' }),
    /**
     * Leading key columns as Postgres prints them: `customer_id`, `created_at DESC`, `lower(email)`. More keys may
     * follow. A key written without an order matches either; the orders a check names must all hold, or all be
     * reversed (Postgres reads a B-tree backwards just as well).
     */
    keys: z.array(z.string().trim().min(1)).min(1),
    /** Columns the index must hold as well, as keys or INCLUDE columns. */
    include: z.array(z.string().trim().min(1)).optional(),
    /** A regular expression the whole predicate must match, as Postgres prints it: `status = 'pending'::text`. */
    where: z.string().min(1).optional(),
    unique: z.boolean().optional(),
    /** The access method. */
    using: z.enum(['btree', 'gin', 'gist', 'hash', 'brin', 'spgist']).optional(),
    message,
  }),
  z.strictObject({
    /** `sql` succeeds on the learner's database (rolled back): a constraint is not stricter than the task asks. */
    type: z.literal('accepts'),
    name: z.string().trim().min(3).max(80),
    sql: code,
    message,
  }),
]);

/**
 * A dataset the learner never sees: `sql` runs after the lab's `setup` on a fresh database, and every check runs
 * there too, against the reference solution run on the same data. It holds the cases an answer can be right on by
 * accident: ties, NULLs, values exactly at a threshold, ids out of time order, empty groups, a customer not in the seed.
 */
export const variantSchema = z.strictObject({
  /** What is special about it, completing "With …" in a failure: "a tie for third place". */
  case: z
    .string()
    .trim()
    .min(5)
    .max(80)
    .regex(/^[a-z0-9]/, { error: 'starts in lower case: it completes "With …"' }),
  sql: code,
});

/** A regular expression as authors write it in a check; a broken one is an error naming the field. */
export const pattern = z.string().refine(
  (text) => {
    try {
      new RegExp(text);
      return true;
    } catch {
      return false;
    }
  },
  { error: 'is not a regular expression' },
);

/** What a response to a hidden request must hold (src/lib/labs/api/api-expect.ts reads it). */
const apiExpectSchema = z.strictObject({
  /** The status, or the statuses a right answer may give. */
  status: z.union([z.number().int().min(100).max(599), z.array(z.number().int().min(100).max(599)).min(1)]).optional(),
  /** Header name → a regular expression the whole value matches (case-insensitive), or null: must be absent. */
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), pattern.nullable()).optional(),
  /** The body read as JSON matches: objects by the keys given, arrays element by element, `<any>`, `<absent>`, `<number>` … */
  json: z.unknown().optional(),
  /** A regular expression the raw body matches. */
  body: pattern.optional(),
  /** A regular expression the raw body must not match: leaked SQL errors, stack traces. */
  bodyExcludes: pattern.optional(),
  /** The most SQL statements the request may run (an N+1 guard). */
  maxQueries: z.number().int().min(0).max(50).optional(),
  /** A regular expression no statement the request ran matches, in its SQL or a parameter: input the task says is
   * refused before the database never reaches it. */
  queriesExclude: pattern.optional(),
  /**
   * The name of an earlier step's `response` capture: the same status, Content-Type and body (an echoed id aside),
   * for answers the task promises are one ("not found" and "not yours").
   */
  sameAs: z.string().regex(/^\w+$/).optional(),
});

/** One request of a hidden API test: what is sent, what the answer must hold, what later steps take from it. */
export const apiRequestSchema = z.strictObject({
  /** "METHOD /path?query", e.g. "POST /books". */
  request: z.string().regex(/^[A-Z]+ \/\S*$/, { error: 'is "METHOD /path", e.g. "GET /books/7"' }),
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), z.string()).optional(),
  /** A string is sent as it is; an object, array or number as JSON (Content-Type: application/json unless set). */
  body: z.unknown().optional(),
  expect: apiExpectSchema.optional(),
  /** Values later steps use as ${name}: "header etag" or "json items.0.id"; "response" for a later `sameAs`. */
  capture: z
    .record(z.string().regex(/^\w+$/), z.string().regex(/^(header [A-Za-z0-9-]+|json [\w.-]+|response)$/))
    .optional(),
  /** What to fix when this step fails, shown under expected and actual. */
  message: message.optional(),
});

/**
 * One step of a hidden API test, in order: a request, requests sent at once, SQL another client runs, time passing,
 * or the data afterwards.
 */
const apiStepSchema = z.union([
  apiRequestSchema,
  /**
   * Requests sent at once (request A, B …), each judged by its own `expect`. They share the lab's one database
   * session, and their statements interleave at statement boundaries on a fixed schedule
   * (src/lib/labs/api/api-interleave.ts): each request runs until it asks for its next statement, then the next request
   * in turn runs one; A's first statement runs first. One session holds one transaction, so a request inside
   * `env.db.transaction` runs to its COMMIT before the other's next statement. A right answer's outcome is that of
   * A, then B; a check-then-insert or read-then-write answer sees both checks before either write.
   */
  z.strictObject({ concurrent: z.array(apiRequestSchema).min(2).max(3) }),
  /** SQL run on the database between requests, as another client would; not counted against the handler. */
  z.strictObject({ sql: code }),
  /** Seconds the lab's clock moves on. */
  z.strictObject({ advance: z.number().positive().max(1e7) }),
  /** The database afterwards: `query` must return exactly `rows` (matched like `json`). */
  z.strictObject({ query: code, rows: z.array(z.unknown()), message }),
]);

/** A hidden test of an API lab: requests sent in order to the learner's handler on a fresh database. */
export const apiTestSchema = z
  .strictObject({
    name: z.string().trim().min(3).max(80),
    /** Data only this test has, run after the setup (the learner never sees it). */
    sql: code.optional(),
    /**
     * Settings only this test has, in place of the lab's `env` values of the same names (lab.ts: each is one of the
     * lab's), so an answer that copies the page's setting instead of reading env.NAME fails.
     */
    env: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.string()).optional(),
    steps: z.array(apiStepSchema).min(1).max(12),
  })
  .superRefine((test, ctx) => {
    // `sameAs` compares with a whole response an earlier step of the same test captured.
    const responses = new Set<string>();
    test.steps.forEach((step, i) => {
      const requests = 'concurrent' in step ? step.concurrent : 'request' in step ? [step] : [];
      for (const request of requests) {
        const name = request.expect?.sameAs;
        if (name !== undefined && !responses.has(name))
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'expect', 'sameAs'],
            message: `names "${name}", which no earlier step captures as \`response\``,
          });
      }
      for (const request of requests)
        for (const [name, spec] of Object.entries(request.capture ?? {})) if (spec === 'response') responses.add(name);
    });
  });
