/**
 * Draws one HTTP exchange of an API lab as the learner reads it: the raw request, the raw response (or why none came
 * back), what the test expected, and every SQL statement the handler ran with its parameters and rows. Used under a
 * hidden test's result and by the request panel. Text only: every value goes in as textContent.
 */
import type { HttpExchange, HttpRequestData, HttpResponseData, QueryRecord } from '../../lib/labs/shared/lab-spec.ts';
import { h } from '../dom.ts';
import { fill, plural } from '../../core/format/fill.ts';
import type { LabWords } from './lab-words.ts';

/** An API lab's words (the dictionary's `labView.http`). */
type HttpWords = LabWords['http'];

/** A JSON body indented for reading; any other body as it came. */
const readable = (body: string) => {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
};

/** The request as it would travel: request line, Host, headers, a blank line, the body. */
const rawRequest = ({ method, path, headers, body }: HttpRequestData) =>
  [`${method} ${path} HTTP/1.1`, 'Host: lab.test', ...headers.map(([k, v]) => `${k}: ${v}`)].join('\n') +
  (body ? `\n\n${readable(body)}` : '');

const rawResponse = ({ status, statusText, headers, body }: HttpResponseData) =>
  [`HTTP/1.1 ${status} ${statusText}`.trimEnd(), ...headers.map(([k, v]) => `${k}: ${v}`)].join('\n') +
  (body ? `\n\n${readable(body)}` : '');

/**
 * A shell-quoted curl command for the same request, against a handler served locally at `origin`: wrangler dev's
 * http://localhost:8787 for JavaScript and TypeScript, uvicorn's http://127.0.0.1:8000 for Python.
 */
export function curlOf({ method, path, headers, body }: HttpRequestData, origin = 'http://localhost:8787'): string {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const parts = ['curl -i', ...(method === 'GET' ? [] : [`-X ${method}`]), quote(`${origin}${path}`)];
  for (const [k, v] of headers) parts.push(`-H ${quote(`${k}: ${v}`)}`);
  if (body) parts.push(`--data-raw ${quote(body)}`);
  return parts.join(' \\\n  ');
}

const pre = (text: string, label: string) => h('pre', 'lab-pre', { tabindex: 0, 'aria-label': label }, text);

function queryItem(query: QueryRecord, i: number, words: LabWords): HTMLElement {
  const item = h('li', 'lab-query', {}, pre(query.sql, fill(words.http.statement, { n: i + 1 })));
  if (query.params.length)
    item.append(
      h(
        'p',
        'text-sm text-muted',
        {},
        fill(words.http.parameters, { list: query.params.map((p, n) => `$${n + 1} = ${p}`).join(', ') }),
      ),
    );
  if (query.error) item.append(h('p', 'text-sm lab-query-error', {}, fill(words.http.error, { error: query.error })));
  else if (query.rows) {
    const { columns, rows, more } = query.rows;
    const count = rows.length + more;
    const shown = more ? fill(words.firstShown, { n: rows.length }) : '';
    item.append(
      h('p', 'text-sm text-muted', {}, `${plural(count, words.rowsOne, words.rowsMany)}${shown}`),
      h(
        'div',
        'lab-table-wrap',
        { tabindex: 0, role: 'region', 'aria-label': fill(words.rowsOf, { n: i + 1 }) },
        h(
          'table',
          'lab-table',
          {},
          h('thead', '', {}, h('tr', '', {}, ...columns.map((c) => h('th', '', { scope: 'col' }, c)))),
          h('tbody', '', {}, ...rows.map((row) => h('tr', '', {}, ...row.map((v) => h('td', '', {}, v))))),
        ),
      ),
    );
  } else if (query.rowCount !== undefined)
    item.append(
      h('p', 'text-sm text-muted', {}, plural(query.rowCount, words.http.affectedOne, words.http.affectedMany)),
    );
  return item;
}

/** The line that names an exchange: "POST /books → 201 Created · 2 SQL statements". */
export function exchangeTitle(exchange: HttpExchange, words: HttpWords): string {
  const { method, path } = exchange.request;
  const outcome = exchange.response
    ? `${exchange.response.status} ${exchange.response.statusText}`.trimEnd()
    : words.noResponse;
  const n = exchange.queries.length;
  return `${method} ${path} → ${outcome} · ${plural(n, words.statementsOne, words.statementsMany)}`;
}

/** The exchange's parts, each under its own heading (`level` is the heading level: 4 under a test, 3 in the panel). */
export function exchangeParts(exchange: HttpExchange, level: 3 | 4, words: LabWords): HTMLElement[] {
  const { http } = words;
  const heading = (text: string) => h(level === 3 ? 'h3' : 'h4', 'lab-exchange-heading', {}, text);
  const parts: HTMLElement[] = [heading(http.request), pre(rawRequest(exchange.request), http.request)];
  parts.push(heading(http.response));
  if (exchange.response) parts.push(pre(rawResponse(exchange.response), http.response));
  else {
    const { message, code, line } = exchange.error ?? { message: http.noResponseSaid };
    const where = line ? fill(http.lineAt, { line }) : '';
    // Under a test, why a request was stopped is said once, in the run's summary; the panel has no summary.
    const stopped = code === 'Stopped' && level === 4;
    parts.push(
      h(
        'pre',
        'lab-pre lab-error',
        { tabindex: 0 },
        stopped ? http.stopped : `${code && code !== 'Stopped' ? `${code}: ` : ''}${message}${where}`,
      ),
    );
  }
  if (exchange.expected?.length)
    parts.push(
      heading(http.expected),
      h('ul', 'lab-expected', {}, ...exchange.expected.map((line) => h('li', '', {}, line))),
    );
  parts.push(heading(fill(http.sqlRan, { n: exchange.queries.length })));
  parts.push(
    exchange.queries.length
      ? h('ol', 'lab-queries', {}, ...exchange.queries.map((query, i) => queryItem(query, i, words)))
      : h('p', 'text-sm text-muted', {}, http.none),
  );
  if (exchange.logs.length) parts.push(heading(words.console), pre(exchange.logs.join('\n'), words.console));
  return parts;
}

/** An exchange folded under its title line, open when it explains a failure. */
export function exchangeDetails(exchange: HttpExchange, open: boolean, words: LabWords): HTMLElement {
  return h(
    'details',
    'lab-exchange',
    { open },
    h('summary', 'lab-exchange-summary', {}, exchangeTitle(exchange, words.http)),
    h('div', 'lab-exchange-body', {}, ...exchangeParts(exchange, 4, words)),
  );
}
