/**
 * The shapes a learner's SQL declares (IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE): each table's columns, its
 * unique keys (a primary key, a UNIQUE constraint or index, one added by ALTER TABLE) and its indexes, read
 * leniently from `CREATE TABLE`, `CREATE INDEX` and `ALTER TABLE … ADD`. It never throws: what it cannot read it
 * returns by the statement's start, for the learner to see. Pure, no DOM.
 */

/** A learner's table as read from their SQL: its columns, its unique keys and its indexes (keys included). */
export interface Table {
  name: string;
  columns: string[];
  keys: string[][];
  indexes: string[][];
}

/** An identifier as SQL names it: quotes dropped, lower case, the schema left off. */
const ident = (text: string) => text.trim().replace(/"/g, '').toLowerCase().split('.').pop()!;

/** Splits at commas (or `;`) that are outside parentheses and quotes. */
function splitTop(text: string, separator: ',' | ';'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The columns of a `(a, b DESC, lower(c))` list: names as written, an expression kept whole (it names no column). */
const columnList = (text: string) => splitTop(text, ',').map((each) => ident(each.split(/\s+/)[0]!));

/** The text inside the first balanced parentheses at or after `from`, and where it ends. */
function parenthesised(text: string, from: number): { inside: string; end: number } | undefined {
  const open = text.indexOf('(', from);
  if (open < 0) return undefined;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return { inside: text.slice(open + 1, i), end: i };
  }
  return undefined;
}

/** A table or index name, quoted or not, schema-qualified or not. */
const NAME = String.raw`((?:"[^"]+"|\w+)(?:\.(?:"[^"]+"|\w+))?)`;

/** Statements a data model may hold that declare no table, key or index: read past without a word. */
const IGNORED =
  /^(?:create (?:or replace )?(?:type|extension|schema|sequence|domain|(?:materialized )?view|function|procedure|trigger|policy|role)\b|comment on|alter table|insert|grant|set|begin|commit)\b/i;

/** The tables the learner's SQL declares, with their keys and indexes, and the statements it could not read. */
export function readTables(sql: string): { tables: Map<string, Table>; unread: string[] } {
  const tables = new Map<string, Table>();
  const unread: string[] = [];
  const table = (name: string) => {
    const key = ident(name);
    if (!tables.has(key)) tables.set(key, { name: key, columns: [], keys: [], indexes: [] });
    return tables.get(key)!;
  };
  const addKey = (t: Table, columns: string[]) => (t.keys.push(columns), t.indexes.push(columns));
  const text = sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
  for (const statement of splitTop(text, ';')) {
    const flat = statement.replace(/\s+/g, ' ');
    const create = new RegExp(
      String.raw`^create (?:(?:global |local )?(?:temp|temporary) |unlogged )?table (?:if not exists )?${NAME}`,
      'i',
    ).exec(flat);
    const index = new RegExp(
      String.raw`^create (unique )?index (?:concurrently )?(?:if not exists )?(?:${NAME} )?on (?:only )?${NAME}(?: using \w+)?`,
      'i',
    ).exec(flat);
    const alter = new RegExp(
      String.raw`^alter table (?:only )?(?:if exists )?${NAME} add (?:constraint ${NAME} )?(primary key|unique)`,
      'i',
    ).exec(flat);
    if (create) {
      const t = table(create[1]!);
      const body = parenthesised(flat, create[0].length);
      if (!body) {
        unread.push(flat.slice(0, 60));
        continue;
      }
      for (const item of splitTop(body.inside, ',')) {
        const plain = item.replace(new RegExp(String.raw`^constraint ${NAME} `, 'i'), '');
        const constraint = /^(primary key|unique(?: nulls (?:not )?distinct)?)\s*\(/i.exec(plain);
        if (constraint) addKey(t, columnList(parenthesised(plain, 0)?.inside ?? ''));
        else if (/^(?:foreign key|check|exclude|like)\b/i.test(plain)) continue;
        else {
          const column = ident(plain.split(/\s+/)[0]!);
          t.columns.push(column);
          if (/\b(?:primary key|unique)\b/i.test(plain)) addKey(t, [column]);
        }
      }
    } else if (index) {
      const t = table(index[3]!);
      const columns = columnList(parenthesised(flat, index[0].length)?.inside ?? '');
      if (index[1]) t.keys.push(columns);
      t.indexes.push(columns);
    } else if (alter) {
      addKey(table(alter[1]!), columnList(parenthesised(flat, alter[0].length)?.inside ?? ''));
    } else if (!IGNORED.test(flat)) unread.push(flat.slice(0, 60));
  }
  return { tables, unread };
}
