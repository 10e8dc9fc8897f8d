import { z } from 'astro/zod';
import { LAB_DIFFICULTIES, LAB_LANGUAGES } from '../lib/labs/lab-spec.ts';
import {
  aliasesSchema,
  changeFields,
  searchTermsSchema,
  summarySchema,
  titleSchema,
  type ReferenceFactory,
} from './shared.ts';

/** Code as authors write it in a YAML block (`|`): at least one non-blank line. */
const code = z.string().refine((text) => text.trim().length > 0, { error: 'must hold code, not be empty' });
/** A learner-facing message: one or two plain sentences saying what is wrong and where to look. */
const message = z.string().trim().min(10).max(300);

/**
 * One check of an SQL lab. Every check runs against the learner's database and, where it compares, against a
 * database the reference solution ran on (both fresh, with the lab's `setup`). `name` is what the learner reads
 * beside pass or fail ("Returns each customer once").
 */
const sqlCheckSchema = z.discriminatedUnion('type', [
  z.strictObject({
    /** The rows of the learner's last statement that returns rows equal the reference solution's last rows. */
    type: z.literal('result'),
    name: z.string().trim().min(3).max(80),
    /** Compare row order too: only when the task asks for an order. Default false (rows compared as a multiset). */
    ordered: z.boolean().default(false),
    /** Added to the failure message: the usual cause of a wrong result ("customers without orders should not appear"). */
    hint: message.optional(),
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
const variantSchema = z.strictObject({
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
const pattern = z.string().refine(
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

/** What a response to a hidden request must hold (src/lib/labs/api-expect.ts reads it). */
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
});

/** One step of a hidden API test, in order: a request, SQL another client runs, time passing, or the data afterwards. */
const apiStepSchema = z.union([
  z.strictObject({
    /** "METHOD /path?query", e.g. "POST /books". */
    request: z.string().regex(/^[A-Z]+ \/\S*$/, { error: 'is "METHOD /path", e.g. "GET /books/7"' }),
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), z.string()).optional(),
    /** A string is sent as it is; an object, array or number as JSON (Content-Type: application/json unless set). */
    body: z.unknown().optional(),
    expect: apiExpectSchema.optional(),
    /** Values later steps use as ${name}: "header etag" or "json items.0.id". */
    capture: z.record(z.string().regex(/^\w+$/), z.string().regex(/^(header [A-Za-z0-9-]+|json [\w.-]+)$/)).optional(),
    /** What to fix when this step fails, shown under expected and actual. */
    message: message.optional(),
  }),
  /** SQL run on the database between requests, as another client would; not counted against the handler. */
  z.strictObject({ sql: code }),
  /** Seconds the lab's clock moves on. */
  z.strictObject({ advance: z.number().positive().max(1e7) }),
  /** The database afterwards: `query` must return exactly `rows` (matched like `json`). */
  z.strictObject({ query: code, rows: z.array(z.unknown()), message }),
]);

/** A hidden test of an API lab: requests sent in order to the learner's handler on a fresh database. */
const apiTestSchema = z.strictObject({
  name: z.string().trim().min(3).max(80),
  /** Data only this test has, run after the setup (the learner never sees it). */
  sql: code.optional(),
  steps: z.array(apiStepSchema).min(1).max(12),
});

/** A plausible wrong answer: the lab's tests must fail it, or the lab could not tell a learner they were wrong. */
const wrongAnswerSchema = z.strictObject({
  /** What is wrong with it, for authors ("inner join drops customers without orders"). */
  why: z.string().trim().min(10).max(200),
  code,
});

/**
 * A hands-on lab: a task the learner does in the page, on real Postgres (kind `sql`) or in a JavaScript engine
 * (kind `code`), graded on the spot by checks or hidden tests. File: content/labs/<id>.md — the Markdown body is the
 * task in prose; code lives in the frontmatter as YAML blocks. Format and an example: content/README.md.
 */
export const labSchema = (ref: ReferenceFactory) =>
  z
    .strictObject({
      /** created, updated, change: see `changeFields`. */
      ...changeFields,
      /** Page title: what the learner does ("Find customers who never ordered"). */
      title: titleSchema,
      /** The goal in one sentence: what the learner can do after the lab. */
      summary: summarySchema,
      /** Other words learners search with; see `searchTermsSchema`. */
      searchTerms: searchTermsSchema,
      /** Topics the lab practises; the first is its home. Each topic page lists its labs. */
      topics: z.array(ref('topics')).min(1),
      /** Interview questions the lab prepares for; each question page links here. */
      questions: z.array(ref('questions')).default([]),
      /** beginner | intermediate | advanced */
      difficulty: z.enum(LAB_DIFFICULTIES),
      /** Minutes a learner who has read the topic needs. */
      minutes: z.number().int().min(3).max(120),
      /** sql (PGlite, PostgreSQL 18 in the page) | javascript | typescript (both run in QuickJS) | http (a handler in
       * JavaScript or TypeScript, in QuickJS, over PGlite). */
      language: z.enum(LAB_LANGUAGES),
      /** 1–5 hints, each revealed after the previous one, from a nudge to nearly the answer. */
      hints: z.array(z.string().trim().min(15).max(400)).min(1).max(5),
      /** What the editor holds when the learner starts. */
      starter: z.string(),
      /** The reference solution: it must pass every check. */
      solution: code,
      /** Why the solution works, shown under it: one short paragraph (Markdown inline code allowed). */
      explanation: z.string().trim().min(40).max(1200),
      /** SQL labs: the schema and seed data, run on a fresh database before the learner's statements. */
      setup: code.optional(),
      /** SQL labs: the checks, in the order the learner reads them. */
      checks: z.array(sqlCheckSchema).min(1).max(10).optional(),
      /** SQL labs: hidden datasets every check also runs on (see `variantSchema`). */
      variants: z.array(variantSchema).max(4).optional(),
      /** API labs: strings the handler reads as env.NAME (secrets, allow-lists, limits). */
      env: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.string()).optional(),
      /** API labs: where the lab's clock (env.now(), Date.now()) starts, ISO 8601 in UTC. */
      clock: z.preprocess((v) => (v instanceof Date ? v.toISOString() : v), z.iso.datetime()).optional(),
      /** API labs: the hidden tests, each a list of requests and checks on a fresh database. */
      requests: z.array(apiTestSchema).min(1).max(10).optional(),
      /** Code labs: hidden tests, a script of `test('name', () => { … })` calls using `assert` and `createClock` (content/README.md). */
      tests: code.optional(),
      /** At least one plausible wrong answer, each of which must fail (tests/unit/labs/labs-sql.test.ts and labs-code.test.ts run them). */
      wrongAnswers: z.array(wrongAnswerSchema).min(4).max(8),
      /** Old ids of this lab; each redirects here. */
      aliases: aliasesSchema,
    })
    .superRefine((lab, ctx) => {
      const kind = { sql: 'an SQL lab', http: 'an API lab' }[lab.language as string] ?? 'a code lab';
      const used = {
        sql: ['setup', 'checks', 'variants'],
        http: ['setup', 'requests', 'env', 'clock'],
      }[lab.language as string] ?? ['tests'];
      const optional = new Set(['variants', 'env', 'clock']);
      for (const field of ['setup', 'checks', 'variants', 'tests', 'requests', 'env', 'clock'] as const) {
        const wanted = used.includes(field);
        if (wanted && !optional.has(field) && lab[field] === undefined)
          ctx.addIssue({ code: 'custom', path: [field], message: `is required by ${kind}` });
        if (!wanted && lab[field] !== undefined)
          ctx.addIssue({ code: 'custom', path: [field], message: `is not used by ${kind}` });
      }
      if (lab.language === 'sql' && (lab.variants ?? []).length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['variants'],
          message: 'an SQL lab needs at least one hidden dataset, so an answer right by accident on the seed fails',
        });
      const tables = new Set(
        [
          ...(lab.setup ?? '').matchAll(
            /create\s+table\s+(?:if\s+not\s+exists\s+)?(?:public\.)?([a-z_]\w*)(?![.\w])/gi,
          ),
        ].map((m) => m[1]!.toLowerCase()),
      );
      lab.checks?.forEach((check, i) => {
        const sql = 'sql' in check ? check.sql : undefined;
        for (const table of sql ? tables : []) {
          if (new RegExp(`\\b(from|join|update|into)\\s+${table}\\b(?!\\.)`, 'i').test(sql!))
            ctx.addIssue({
              code: 'custom',
              path: ['checks', i, 'sql'],
              message: `names table ${table} without its schema: write public.${table}, which a learner's own TEMP table cannot shadow`,
            });
        }
      });
      lab.checks?.forEach((check, i) => {
        if (check.type !== 'plan') return;
        if (!check.includes && !check.excludes)
          ctx.addIssue({
            code: 'custom',
            path: ['checks', i, 'includes'],
            message: 'a plan check needs includes or excludes',
          });
        for (const key of ['includes', 'excludes'] as const) {
          try {
            if (check[key]) new RegExp(check[key]!);
          } catch (error) {
            ctx.addIssue({
              code: 'custom',
              path: ['checks', i, key],
              message: `is not a regular expression: ${(error as Error).message}`,
            });
          }
        }
      });
    });
