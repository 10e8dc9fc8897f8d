/**
 * The API-and-data-model step of a design lab (IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE): the learner writes
 * routes, one `METHOD /path` a line, and tables as SQL (`CREATE TABLE`, `CREATE INDEX`, `ALTER TABLE … ADD`), and
 * this checks them by structure against what the task needs: a route of the right method and shape, a table with the
 * unique key or the index its queries cannot do without. Names are matched loosely, as candidates name things their
 * own way: a pattern's word meets a learner's name that is it or holds it as one of its words (`code` meets
 * `short_code`, `job` meets `report-jobs`), in any case, singular or plural; a route's words and parameters are met
 * in order with other segments allowed around them (`GET /jobs/:id` meets `GET /v1/report-jobs/{id}/status`). It
 * reads SQL leniently and never throws: it is a reader of shapes, not a validator (the model answers' SQL is run on
 * PostgreSQL by the content tests). Pure, no DOM.
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

/**
 * A table the task needs: names with `|` (`*` for any table), and either the columns unique together (`key`) or an
 * index's leading ones (`index`), comma-separated, each with `|` alternatives; a column group ending in `?` may be
 * there or not (a key scoped by its caller: `caller|client?, idempotency|dedupe`).
 */
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
/** A name's words: split at `-`, `_`, `.` and camelCase ("shortURL" is short and url). */
const words = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[-_.\s]+/)
    .filter(Boolean);
/** The same word, or one is the other's plural ("link" and "links", "address" and "addresses"). */
const sameWord = (a: string, b: string) =>
  a === b || a === `${b}s` || b === `${a}s` || a === `${b}es` || b === `${a}es`;
/**
 * Whether a learner's name meets one of a pattern's `|` alternatives: the whole name, or, for an alternative long
 * enough to mean something alone (`id` or `url` must be the whole name), one of its words: any word of a route's
 * segment or a table's name, the first word of a column's (`owner_id` is an owner, `recommended_product_id` is not
 * a product). From six letters an alternative meets a one-word name it is part of (`dedupekey`, as SQL folds
 * `dedupeKey`).
 */
function oneOf(pattern: string, got: string, column = false): boolean {
  const parts = words(got);
  return pattern.split('|').some((each) => {
    const alternative = word(each);
    if (sameWord(alternative, word(got))) return true;
    if (alternative.length >= 6 && parts.length === 1 && word(got).includes(alternative)) return true;
    const candidates = column ? parts.slice(0, 1) : parts;
    return alternative.length >= 4 && candidates.some((part) => sameWord(alternative, part));
  });
}
const isParam = (segment: string) => /^:|\{[^}]*\}|<[^>]*>/.test(segment);

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

/** Whether a learner's route has one of the pattern's shapes (`, ` between them). */
const routeMatches = (pattern: string, route: Route) =>
  pattern.split(/,\s+/).some((shape) => shapeMatches(shape, route));

/**
 * A shape: one of its methods, and its path's words and parameters in order in the learner's path, other segments
 * allowed around them.
 */
function shapeMatches(pattern: string, route: Route): boolean {
  const [methods = '', path = ''] = pattern.trim().split(/\s+/);
  if (!methods.toUpperCase().split('|').includes(route.method)) return false;
  let at = 0;
  for (const segment of path.split('/').filter(Boolean)) {
    const found = route.segments.findIndex((got, i) =>
      i < at ? false : segment.startsWith(':') ? got === null : got !== null && oneOf(segment, got),
    );
    if (found < 0) return false;
    at = found + 1;
  }
  return true;
}

/** A pattern's column groups: their alternatives, and whether each may be left out (`?`). */
const groups = (pattern: string) =>
  pattern.split(',').map((group) => ({ names: group.trim().replace(/\?$/, ''), optional: group.trim().endsWith('?') }));

/** Whether a unique key is the pattern's: each group it needs met by a column of its own, and no column beside them. */
function keyMatches(pattern: string, columns: readonly string[]): boolean {
  const left = [...columns];
  const take = (names: string) => {
    const at = left.findIndex((column) => oneOf(names, column, true));
    return at >= 0 && left.splice(at, 1).length === 1;
  };
  const all = groups(pattern);
  if (!all.filter((g) => !g.optional).every((g) => take(g.names))) return false;
  for (const g of all.filter((each) => each.optional)) take(g.names);
  return left.length === 0;
}

/** Whether an index leads with the pattern's columns, in order (a group that may be left out is skipped if absent). */
function indexLeads(pattern: string, columns: readonly string[]): boolean {
  let at = 0;
  for (const g of groups(pattern)) {
    if (at < columns.length && oneOf(g.names, columns[at]!, true)) at++;
    else if (!g.optional) return false;
  }
  return true;
}

const keyText = (columns: readonly string[]) => `(${columns.join(', ')})`;

/** Which table need a learner's table meets, and with what. */
function tableMeets(need: TableNeed, t: Table): string | undefined {
  if (need.table !== '*' && !oneOf(need.table, t.name)) return undefined;
  if (need.key) {
    const key = t.keys.find((columns) => keyMatches(need.key!, columns));
    return key && `${t.name}, unique on ${keyText(key)}`;
  }
  const index = t.indexes.find((columns) => indexLeads(need.index ?? '', columns));
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
