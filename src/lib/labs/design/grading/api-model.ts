/**
 * The API-and-data-model step of a design lab (IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE): the learner writes
 * routes, one `METHOD /path` a line, and tables as SQL (`CREATE TABLE`, `CREATE INDEX`, `ALTER TABLE … ADD`), and
 * this checks them by structure against what the task needs: a route of the right method and shape, a table with the
 * unique key or the index its queries cannot do without. Names are matched loosely (case, `-` or `_`, a plural s),
 * and parameters by position, whatever the learner calls them. It reads SQL leniently and never throws: it is a
 * reader of shapes, not a validator (the model answers' SQL is run on PostgreSQL by the content tests). Pure, no DOM.
 */
import { readTables, type Table } from './sql-shapes.ts';

/**
 * A route the task needs: `GET|HEAD /links|urls/:code`, or several shapes separated by `, `; `need` says what is
 * missing without giving it away.
 */
interface RouteNeed {
  route: string;
  need: string;
}

/** A table the task needs: names with `|`, and either the columns unique together (`key`) or an index's leading ones. */
interface TableNeed {
  table: string;
  key?: string | undefined;
  index?: string | undefined;
  need: string;
}

export interface ApiModelSpec {
  routes: readonly RouteNeed[];
  tables: readonly TableNeed[];
}

/** A learner's route as read: its method and its path's segments, parameters as `null`. */
interface Route {
  text: string;
  method: string;
  segments: (string | null)[];
}

/** One need checked: met (with what met it) or not. */
export interface NeedVerdict {
  need: string;
  met: string | undefined;
}

export interface ApiModelVerdict {
  routes: NeedVerdict[];
  tables: NeedVerdict[];
  /** Statements of the SQL that were not read as a table, an index or a key, quoted by their start. */
  unread: string[];
}

/** A word as compared: lower case, `-` as `_`. */
const word = (text: string) => text.trim().toLowerCase().replace(/-/g, '_');
/** The same word, or one is the other's plural ("link" and "links", "address" and "addresses"). */
const sameWord = (a: string, b: string) =>
  a === b || a === `${b}s` || b === `${a}s` || a === `${b}es` || b === `${a}es`;
/** Whether `got` is one of the `|` alternatives of a pattern's word. */
const oneOf = (pattern: string, got: string) => pattern.split('|').some((each) => sameWord(word(each), word(got)));
const isParam = (segment: string) => /^(?::\w+|\{[^}]*\}|<[^>]*>|\[[^\]]*\])$/.test(segment);

/** The routes in the learner's text: a method and a path at the start of a line; anything after them is a note. */
function readRoutes(text: string): Route[] {
  const routes: Route[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z]+)\s+(\/\S*)/.exec(line);
    if (!match) continue;
    const segments = match[2]!
      .replace(/[?#].*$/, '')
      .split('/')
      .filter(Boolean);
    while (segments.length > 0 && /^(?:api|v\d+)$/i.test(segments[0]!)) segments.shift();
    routes.push({
      text: `${match[1]!.toUpperCase()} ${match[2]}`,
      method: match[1]!.toUpperCase(),
      segments: segments.map((segment) => (isParam(segment) ? null : segment)),
    });
  }
  return routes;
}

/**
 * Whether a learner's route has one of the pattern's shapes (`, ` between them): its method and path, where a
 * parameter in the pattern takes any segment.
 */
const routeMatches = (pattern: string, route: Route) =>
  pattern.split(/,\s+/).some((shape) => shapeMatches(shape, route));

function shapeMatches(pattern: string, route: Route): boolean {
  const [methods = '', path = ''] = pattern.trim().split(/\s+/);
  if (!methods.toUpperCase().split('|').includes(route.method)) return false;
  const wanted = path.split('/').filter(Boolean);
  if (wanted.length !== route.segments.length) return false;
  return wanted.every((segment, i) => {
    if (segment.startsWith(':')) return true;
    const got = route.segments[i];
    return got !== null && got !== undefined && oneOf(segment, got);
  });
}

/** Whether `columns` are the pattern's (`a|b, c`): all of them, in order for an index's leading part. */
function columnsMatch(pattern: string, columns: readonly string[], leading: boolean): boolean {
  const wanted = pattern.split(',');
  if (leading ? columns.length < wanted.length : columns.length !== wanted.length) return false;
  if (leading) return wanted.every((names, i) => oneOf(names, columns[i]!));
  // A unique key is the same key in any order.
  const left = [...columns];
  return wanted.every((names) => {
    const at = left.findIndex((column) => oneOf(names, column));
    return at >= 0 && left.splice(at, 1).length === 1;
  });
}

const keyText = (columns: readonly string[]) => `(${columns.join(', ')})`;

/** Which table need a learner's table meets, and with what. */
function tableMeets(need: TableNeed, t: Table): string | undefined {
  if (!oneOf(need.table, t.name)) return undefined;
  if (need.key) {
    const key = t.keys.find((columns) => columnsMatch(need.key!, columns, false));
    return key && `${t.name}, unique on ${keyText(key)}`;
  }
  const index = t.indexes.find((columns) => columnsMatch(need.index ?? '', columns, true));
  return index && `${t.name}, indexed on ${keyText(index)}`;
}

/** A model answer's two parts: its route lines, and the rest, its SQL. */
export function splitModel(model: string): { routes: string; sql: string } {
  const lines = model.split('\n');
  const route = (line: string) => /^\s*[A-Z]+\s+\//.test(line);
  return { routes: lines.filter(route).join('\n'), sql: lines.filter((line) => !route(line)).join('\n') };
}

/**
 * Why a lab's model answer does not hold up to its own needs: a need it does not meet, or SQL it cannot read.
 * Empty when it does (the content check).
 */
export function modelProblems(spec: ApiModelSpec & { model: string }): string[] {
  const { routes, sql } = splitModel(spec.model);
  const verdict = checkApiModel(spec, routes, sql);
  return [
    ...[...verdict.routes, ...verdict.tables]
      .filter((v) => v.met === undefined)
      .map((v) => `meets no need "${v.need}"`),
    ...verdict.unread.map((start) => `has SQL the checker does not read: "${start}"`),
  ];
}

/** The learner's routes and SQL against what the task needs: each need met (and by what) or not. */
export function checkApiModel(spec: ApiModelSpec, routesText: string, sql: string): ApiModelVerdict {
  const routes = readRoutes(routesText);
  const { tables, unread } = readTables(sql);
  return {
    routes: spec.routes.map(({ route, need }) => ({
      need,
      met: routes.find((each) => routeMatches(route, each))?.text,
    })),
    tables: spec.tables.map((need) => ({
      need: need.need,
      met: [...tables.values()].map((t) => tableMeets(need, t)).find(Boolean),
    })),
    unread,
  };
}
