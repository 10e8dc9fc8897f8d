/**
 * Splits a learner's SQL into statements the way psql does, so each runs on its own as psql would send it: a
 * statement before a failing one stays done, and `BEGIN` opens a transaction for the statements after it only (sent
 * as one string, Postgres would run them all in one implicit transaction). Semicolons inside quotes, dollar quotes,
 * quoted identifiers and comments do not split, nor do those inside the body of a CREATE FUNCTION or PROCEDURE
 * written in SQL-standard form (`BEGIN ATOMIC … END`), where psql too counts BEGIN and CASE against END.
 */
export interface Statement {
  text: string;
  /** Index of the statement's first character in the whole text, to place an error's position. */
  offset: number;
}

/** Where a nested block comment that opens at `i` ends (Postgres nests them, unlike C). */
function afterBlockComment(sql: string, i: number): number {
  let depth = 1;
  i += 2;
  while (i < sql.length && depth > 0) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      depth--;
      i += 2;
    } else i++;
  }
  return i;
}

/** Where a string or quoted identifier that opens at `i` with the quote `c` ends. */
function afterQuoted(sql: string, i: number, c: string): number {
  // E'…' strings allow backslash escapes; in the rest a doubled quote is the quote itself.
  const backslash = c === "'" && /[eE]/.test(sql[i - 1] ?? '') && !/\w/.test(sql[i - 2] ?? '');
  i++;
  while (i < sql.length) {
    if (backslash && sql[i] === '\\') i += 2;
    else if (sql[i] === c && sql[i + 1] === c) i += 2;
    else if (sql[i] === c) break;
    else i++;
  }
  return i + 1;
}

export function splitStatements(sql: string): Statement[] {
  const statements: Statement[] = [];
  let start = 0;
  let i = 0;
  /** Open BEGIN/CASE blocks in a CREATE FUNCTION or PROCEDURE statement (psql's begin_depth). */
  let depth = 0;
  const inRoutine = () =>
    /^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*create\s+(or\s+replace\s+)?(function|procedure)\b/i.test(sql.slice(start, i));
  const push = (end: number) => {
    const raw = sql.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.replace(/;$/, '');
    if (!/^(\s|--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/)*$/.test(body))
      statements.push({ text: raw.trim(), offset: start + lead });
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === '/' && next === '*') i = afterBlockComment(sql, i);
    else if (c === "'" || c === '"') i = afterQuoted(sql, i, c);
    else if (c === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z_0-9]*)?\$/.exec(sql.slice(i));
      if (tag && !/\w/.test(sql[i - 1] ?? '')) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end < 0 ? sql.length : end + tag[0].length;
      } else i++;
    } else if (/[A-Za-z_]/.test(c) && !/[\w$]/.test(sql[i - 1] ?? '')) {
      const word = /^[A-Za-z_][\w$]*/.exec(sql.slice(i))![0];
      const upper = word.toUpperCase();
      if ((upper === 'BEGIN' || upper === 'CASE') && inRoutine()) depth++;
      else if (upper === 'END' && depth > 0) depth--;
      i += word.length;
    } else if (c === ';' && depth === 0) {
      push(i + 1);
      start = i + 1;
      i++;
    } else i++;
  }
  push(sql.length);
  return statements;
}
