import { z } from 'astro/zod';
import { LAB_DIFFICULTIES, LAB_LANGUAGES, MEASURED_FAILS } from '../core/labs.ts';
import { splitStatements } from '../core/sql-statements.ts';
import { entryFields, type ReferenceFactory, summarySchema, titleSchema } from './shared.ts';
import { apiRulesSchema } from './lab-api-rules.ts';
import { apiTestSchema, code, sqlCheckSchema, variantSchema } from './lab-checks.ts';
import { designLabFields } from './lab-design.ts';
import { type Issues, raceField, racesInterleaved } from './lab-races.ts';
import { testSettings } from './lab-api-settings.ts';

/** A plausible wrong answer: the lab's tests must fail it, or the lab could not tell a learner they were wrong. */
const wrongAnswerSchema = z.strictObject({
  /** What is wrong with it, for authors ("inner join drops customers without orders"). */
  why: z.string().trim().min(10).max(200),
  /** Design labs: the hidden scenario this wrong design fails (a hot shard: "hot-key"), or `measured` (not run). */
  fails: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .optional(),
  /** API labs: a race that only requests sent at once catch (lab-races.ts). */
  race: raceField,
  code,
});

/**
 * An API lab's Python version: the same task as an ASGI app (`async def app(scope, receive, send)`), graded by the
 * same `requests`; the lab page lets the learner pick JavaScript, TypeScript or Python, and a pass counts once.
 */
const pythonSchema = z.strictObject({
  /** What the editor holds when the learner picks Python. */
  starter: z.string(),
  /** The reference ASGI app: it must pass every request test. */
  solution: code,
  /** Mistakes Python learners make on this task, each of which must fail. */
  wrongAnswers: z.array(wrongAnswerSchema).min(4).max(9),
});

/** A lab's fields (see `labSchema`); each field's comment says what it means to an author. */
const labFields = (ref: ReferenceFactory) =>
  z.strictObject({
    /** created, updated, change, searchTerms, aliases: see `entryFields`. */
    ...entryFields,
    /** Page title: what the learner does ("Find customers who never ordered"). */
    title: titleSchema,
    /** The goal in one sentence: what the learner can do after the lab. */
    summary: summarySchema,
    /**
     * The task in a sentence or two, as the learner reads it after running the starter unchanged: what to write and
     * what it must return or hold ("Write a query that returns …"), never the technique the hints lead to. Without
     * it, the summary is shown.
     */
    task: z.string().trim().min(20).max(400).optional(),
    /** Topics the lab practises; the first is its home. Each topic page lists its labs. */
    topics: z.array(ref('topics')).min(1),
    /** Interview questions the lab prepares for; each question page links here. */
    questions: z.array(ref('questions')).default([]),
    /** beginner | intermediate | advanced */
    difficulty: z.enum(LAB_DIFFICULTIES),
    /** Minutes a learner who has read the topic needs. */
    minutes: z.number().int().min(3).max(120),
    /** sql (PGlite, PostgreSQL 18 in the page) | javascript | typescript (both run in QuickJS) | http (a handler in
     * JavaScript or TypeScript, in QuickJS, over PGlite) | python (a module run on Pyodide, Python 3.14). */
    language: z.enum(LAB_LANGUAGES),
    /** 1–5 hints, each revealed after the previous one, from a nudge to nearly the answer. */
    hints: z.array(z.string().trim().min(15).max(400)).min(1).max(5),
    /** What the editor holds when the learner starts. */
    starter: z.string(),
    /** The reference solution: it must pass every check. */
    solution: code,
    /** Why the solution works, shown under it: one short paragraph (Markdown inline code allowed). */
    explanation: z.string().trim().min(40).max(1200),
    /** SQL and API labs: the schema and seed data, run on a fresh database before the learner's statements (each
     * test). Python labs: the database the tests' `conn` reaches; a Python lab with a setup is a database lab. */
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
    /** API labs: what the task says of every response (a media type, problem details, WWW-Authenticate, caching),
     * held against each response of every hidden test. */
    rules: apiRulesSchema.optional(),
    ...designLabFields(ref),
    /** API labs: the task in Python as well, an ASGI app graded by the same requests (see `pythonSchema`). */
    python: pythonSchema.optional(),
    /** Code labs: hidden tests, a script of `test('name', () => { … })` calls using `assert` and `createClock`; in a
     * Python lab, `@test("name")` functions using `assert_equal`, `assert_true`, `assert_raises`, `FakeClock`, and in a
     * database lab `conn`, `db` and `statements()` (content/README.md). */
    tests: code.optional(),
    /** At least one plausible wrong answer, each of which must fail (tests/unit/labs/labs-sql.test.ts and labs-code.test.ts run them). */
    wrongAnswers: z.array(wrongAnswerSchema).min(4).max(9),
  });

type LabFields = z.output<ReturnType<typeof labFields>>;

const KIND_FIELDS = [
  ...['setup', 'checks', 'variants', 'tests', 'requests', 'env', 'clock', 'rules', 'python'],
  ...['requirements', 'estimates', 'atScale', 'apiModel', 'scenarios', 'tradeoffs', 'deepDives', 'measured'],
] as const;

/**
 * Each kind of lab has its own fields (setup, checks, variants; requests, env, clock; tests; requirements,
 * estimates, scenarios, trade-offs, deep dives) and no other's. A Python lab with a `setup` is a database lab: its tests run on
 * that database, through an asyncpg-shaped `conn`.
 */
function fieldsOfKind(lab: LabFields, ctx: Issues) {
  const database = lab.language === 'python' && lab.setup !== undefined;
  const kind = database
    ? 'a Python database lab'
    : ({ sql: 'an SQL lab', http: 'an API lab', design: 'a design lab' }[lab.language as string] ?? 'a code lab');
  const used = database
    ? ['setup', 'tests']
    : ({
        sql: ['setup', 'checks', 'variants'],
        http: ['setup', 'requests', 'env', 'clock', 'rules', 'python'],
        design: ['requirements', 'estimates', 'atScale', 'apiModel', 'scenarios', 'tradeoffs', 'deepDives', 'measured'],
      }[lab.language as string] ?? ['tests']);
  const optional = new Set(['variants', 'env', 'clock', 'rules', 'python', 'measured']);
  for (const field of KIND_FIELDS) {
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
  wrongDesigns(lab, ctx);
}

/** A design lab's wrong design names the hidden scenario it must fail; no other lab's wrong answer names one. */
function wrongDesigns(lab: LabFields, ctx: Issues) {
  const scenarioIds = new Set(
    (lab.scenarios ?? []).map((s) => (s && typeof s === 'object' ? (s as { id?: unknown }).id : undefined)),
  );
  lab.wrongAnswers.forEach((wrong, i) => {
    if (lab.language !== 'design' && wrong.fails !== undefined)
      ctx.addIssue({ code: 'custom', path: ['wrongAnswers', i, 'fails'], message: 'is only for a design lab' });
    if (lab.language === 'design' && wrong.fails !== MEASURED_FAILS && !scenarioIds.has(wrong.fails))
      ctx.addIssue({
        code: 'custom',
        path: ['wrongAnswers', i, 'fails'],
        message: `must name one of this lab's scenarios (${[...scenarioIds].join(', ')}), the one this design fails, or "${MEASURED_FAILS}"`,
      });
  });
}

/** A check names the setup's tables as public.<table>, which a learner's own TEMP table cannot shadow. */
function schemaQualifiedChecks(lab: LabFields, ctx: Issues) {
  const tables = new Set(
    [
      ...(lab.setup ?? '').matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?(?:public\.)?([a-z_]\w*)(?![.\w])/gi),
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
}

/** A plan check has includes or excludes, each a regular expression. */
function planChecks(lab: LabFields, ctx: Issues) {
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
        if (check[key]) new RegExp(check[key]);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          path: ['checks', i, key],
          message: `is not a regular expression: ${(error as Error).message}`,
        });
      }
    }
  });
}

/**
 * An SQL lab's setup and hidden datasets analyze (or vacuum) the tables they name. A bare `ANALYZE;` also rewrites the
 * statistics of Postgres's own catalogs, which emptying a database cannot undo (src/lib/labs/database/empty-database.ts), so
 * every dataset of every run would load a new database: a third of a second each, three or four times a run.
 */
const DATABASE_WIDE = /^(?:analy[sz]e|vacuum)\b(?:\s*\([^)]*\))?(?:\s+(?:verbose|full|freeze|analy[sz]e))*\s*;?$/i;
function namedMaintenance(lab: LabFields, ctx: Issues) {
  const fields: [(string | number)[], string | undefined][] = [
    [['setup'], lab.language === 'sql' ? lab.setup : undefined],
    ...(lab.variants ?? []).map((v, i): [(string | number)[], string] => [['variants', i, 'sql'], v.sql]),
  ];
  for (const [path, sql] of fields) {
    const statement = splitStatements(sql ?? '')
      .map(({ text }) =>
        text
          .replace(/--[^\n]*/g, '')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .find((text) => DATABASE_WIDE.test(text));
    if (statement)
      ctx.addIssue({
        code: 'custom',
        path,
        message: `"${statement}" works on the whole database, Postgres's own catalogs too, which emptying cannot undo, so every run would load a new database: name the lab's tables (ANALYZE orders, customers;)`,
      });
  }
}

/**
 * A hands-on lab: a task the learner does in the page, on real Postgres (kind `sql`) or in a JavaScript engine
 * (kind `code`), graded on the spot by checks or hidden tests. File: content/labs/<id>.md — the Markdown body is the
 * task in prose; code lives in the frontmatter as YAML blocks. Format and an example: content/README.md.
 */
export const labSchema = (ref: ReferenceFactory) =>
  labFields(ref).superRefine((lab, ctx) => {
    fieldsOfKind(lab, ctx);
    schemaQualifiedChecks(lab, ctx);
    planChecks(lab, ctx);
    namedMaintenance(lab, ctx);
    racesInterleaved(lab, ctx);
    testSettings(lab, ctx);
  });
