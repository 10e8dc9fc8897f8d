/**
 * A Python database lab's two connections, on the side of the Python engine: the learner's `conn`, whose statements
 * are recorded for the tests' `statements()` where the learner's code cannot reach them, and the tests' own `db`.
 * Each request goes to the database's side (python-db.ts `answerDriver`, in the page's database worker or in the same
 * Node thread). A test's statement that finds a transaction the learner's code left open rolls it back and fails
 * the test, as a connection closed by then would have lost that work (the API labs' rule, api-test.ts).
 */
import { clip } from '../shared/lab-spec.ts';
import { PYTHON_RUN_WORDS, type PythonRunWords } from './python-words.ts';
import { fill } from '../../../core/format/fill.ts';

/** Whose connection sends a statement: the learner's (recorded) or the tests' own. */
type Caller = 'learner' | 'test';

/** query: one statement with arguments; script: SQL without arguments, several statements allowed; many:
 * executemany; copy: copy_records_to_table (the SQL is the target as JSON). */
export type DriverMode = 'query' | 'script' | 'many' | 'copy';

/** What the session needs of the database's side. */
export interface DriverChannel {
  answer(mode: DriverMode, sql: string, payload: string): Promise<string>;
  rollback(): Promise<void>;
}

/** One statement the learner's connection sent, as `statements()` and the page show it. */
interface Recorded {
  sql: string;
  params: string[];
  error?: string;
}

export interface PythonDbSession {
  /** Answers one request of the driver (a JSON string, never a rejection). */
  query(caller: Caller, mode: DriverMode, sql: string, payload: string): Promise<string>;
  /** What the learner's connection ran since the last `forget()`. */
  statements(): Recorded[];
  /** Starts a new test: the record is emptied, and the database is outside any transaction. */
  forget(): void;
}

/** Statements one test's learner connection may send before the rest are refused (a loop of queries gone wrong). */
const MAX_STATEMENTS = 2000;

/** The SQL a learner reads for a request: copy_records_to_table's target shown as the COPY asyncpg would send. */
function shownSql(mode: DriverMode, sql: string): string {
  if (mode !== 'copy') return sql.trim();
  const target = JSON.parse(sql) as { table: string; schema: string | null; columns: string[] | null };
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const table = `${target.schema ? `${quote(target.schema)}.` : ''}${quote(target.table)}`;
  return `COPY ${table}${target.columns ? ` (${target.columns.map(quote).join(', ')})` : ''} FROM STDIN`;
}

/** `words`: what the session says, in the page's language (python-words.ts). */
export function pythonDbSession(channel: DriverChannel, words: PythonRunWords = PYTHON_RUN_WORDS): PythonDbSession {
  let recorded: Recorded[] = [];
  let inTransaction = false;
  let testsTransaction = false;
  const query = async (caller: Caller, mode: DriverMode, sql: string, payload: string) => {
    let record: Recorded | undefined;
    if (caller === 'learner') {
      const params = mode === 'query' ? (JSON.parse(payload) as unknown[]).map((p) => clip(JSON.stringify(p))) : [];
      record = { sql: clip(shownSql(mode, sql)), params };
      recorded.push(record);
      if (recorded.length > MAX_STATEMENTS) {
        record.error = fill(words.tooManyStatements, { max: MAX_STATEMENTS });
        return JSON.stringify({ error: { message: record.error }, inTransaction });
      }
    } else if (inTransaction && !testsTransaction) {
      await channel.rollback();
      inTransaction = false;
      return JSON.stringify({ error: { code: 'open-transaction', message: words.openTransaction }, inTransaction });
    }
    const reply = await channel.answer(mode, sql, payload);
    const parsed = JSON.parse(reply) as { inTransaction: boolean; error?: { code?: string; message: string } };
    inTransaction = parsed.inTransaction;
    if (caller === 'test') testsTransaction = inTransaction;
    if (record && parsed.error)
      record.error = `${parsed.error.code ? `${parsed.error.code}: ` : ''}${parsed.error.message}`;
    return reply;
  };
  return {
    query,
    statements: () => recorded,
    forget: () => {
      recorded = [];
      inTransaction = false;
      testsTransaction = false;
    },
  };
}
