/**
 * An SQL lab as its runner takes it (sql-lab.ts): the setup, the checks that grade the learner's statements and the
 * hidden datasets they run on again. The content schema (src/schemas/lab.ts) documents each field.
 */
import type { AnyLabSpec, LabKindDefinition } from '../shared/lab-kind.ts';
import type { SqlRunWords } from './sql-words.ts';

export type SqlCheck =
  | {
      type: 'result';
      name: string;
      ordered: boolean;
      /** The rule of the task the rows follow, added to a failure. */
      rule?: string | undefined;
      /** Kinds of rows a failure names: `sql` returns the leading columns of the result rows of that kind. */
      probes?: { label: string; sql: string }[] | undefined;
    }
  | { type: 'state' | 'assert' | 'accepts'; name: string; sql: string; message: string }
  | {
      type: 'plan';
      name: string;
      /** The query whose plan is read; without it, the learner's own last query. */
      sql?: string | undefined;
      includes?: string | undefined;
      excludes?: string | undefined;
      message: string;
    }
  | { type: 'rejects'; name: string; sql: string; sqlstate?: string | undefined; message: string }
  | IndexCheck;

/** An index the catalog must hold on a table, whatever its name: its leading keys, columns, predicate and method. */
export interface IndexCheck {
  type: 'index';
  name: string;
  /** A table in schema public. */
  table: string;
  /** Leading key columns as Postgres prints them ("customer_id", "created_at DESC", "lower(email)"). */
  keys: string[];
  /** Columns the index must also hold, as keys or INCLUDE columns. */
  include?: string[] | undefined;
  /** A regular expression the whole predicate must match; without it, a partial index does not count. */
  where?: string | undefined;
  unique?: boolean | undefined;
  /** The access method: btree, gin, gist, hash, brin. */
  using?: string | undefined;
  message: string;
}

/** A dataset the learner never sees: SQL run after the setup, so an answer right by accident on the seed fails. */
interface SqlVariant {
  /** What is special about it, completing "With …": "a tie for third place". */
  case: string;
  sql: string;
}

export interface SqlLabSpec {
  id: string;
  language: 'sql';
  setup: string;
  solution: string;
  checks: SqlCheck[];
  variants: SqlVariant[];
  /** What the checks say, in the page's language; English without it (sql-words.ts). */
  words?: SqlRunWords | undefined;
}

/** The fields of a lab entry an SQL lab reads. */
export interface SqlFields {
  setup?: string | undefined;
  solution: string;
  checks?: SqlCheck[] | undefined;
  variants?: SqlVariant[] | undefined;
}

export const sqlKind: LabKindDefinition<SqlLabSpec, SqlFields> = {
  name: 'sql',
  takes: ({ language }) => language === 'sql',
  toSpec: (id, lab) => ({
    id,
    language: 'sql',
    setup: lab.setup ?? '',
    solution: lab.solution,
    checks: lab.checks ?? [],
    variants: lab.variants ?? [],
  }),
  owns: (spec): spec is SqlLabSpec => spec.language === 'sql',
  worker: () => 'sql',
  engines: () => ['pglite'],
  words: { answer: 'statements', graders: 'checks' },
};

/** Whether `spec` is an SQL lab's (for a worker that serves more than one kind). */
export const isSqlLab = (spec: AnyLabSpec): spec is SqlLabSpec => sqlKind.owns(spec);
