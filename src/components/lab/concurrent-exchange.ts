/**
 * Draws requests a hidden test sent at once (a `concurrent` step, src/lib/labs/api/api-concurrent.ts): first every
 * statement in the order the one database session ran them, each named by its request (A, B) and indented by it,
 * so a check-then-insert shows both checks before either insert; then each request's own exchange, folded. Text
 * only: every value goes in as textContent.
 */
import type { ConcurrentExchange, QueryRecord } from '../../lib/labs/shared/lab-spec.ts';
import { fill, plural } from '../../core/format/fill.ts';
import { h } from '../dom.ts';
import { exchangeDetails, exchangeTitle } from './http-exchange.ts';
import type { LabWords } from './lab-words.ts';

const letter = (i: number) => String.fromCharCode(65 + i);

/** What a statement got back, in a few words. */
const outcome = (query: QueryRecord, words: LabWords) =>
  query.error
    ? fill(words.http.error, { error: query.error })
    : query.rows
      ? plural(query.rows.rows.length + query.rows.more, words.rowsOne, words.rowsMany)
      : plural(query.rowCount ?? 0, words.http.affectedOne, words.http.affectedMany);

/** One statement in the order they ran: "Request A, statement 2", its SQL, what it got back. */
function turn(concurrent: ConcurrentExchange, request: number, statement: number, words: LabWords): HTMLElement {
  const query = concurrent.exchanges[request]?.queries[statement];
  const who = fill(words.http.turn, { letter: letter(request), n: statement + 1 });
  return h(
    'li',
    'lab-turn',
    { 'data-request': request },
    h('span', 'lab-turn-who', {}, who),
    h('pre', 'lab-pre', { tabindex: 0, 'aria-label': fill(words.http.turnSql, { who }) }, query?.sql ?? ''),
    ...(query ? [h('p', `text-sm ${query.error ? 'lab-query-error' : 'text-muted'}`, {}, outcome(query, words))] : []),
  );
}

/** The requests sent at once, folded under one line naming each; open when they explain a failure. */
export function concurrentDetails(concurrent: ConcurrentExchange, open: boolean, words: LabWords): HTMLElement {
  const { exchanges, order } = concurrent;
  const title = fill(words.http.atOnce, {
    n: exchanges.length,
    list: exchanges.map((exchange, i) => `${letter(i)} ${exchangeTitle(exchange, words.http)}`).join('; '),
  });
  const requests = exchanges.map((exchange, i) => {
    const details = exchangeDetails(exchange, false, words);
    details.querySelector('summary')?.prepend(fill(words.http.requestLetter, { letter: letter(i) }));
    return details;
  });
  return h(
    'details',
    'lab-exchange',
    { open },
    h('summary', 'lab-exchange-summary', {}, title),
    h(
      'div',
      'lab-exchange-body',
      {},
      h('p', 'text-sm text-muted', {}, words.http.shared),
      h('h4', 'lab-exchange-heading', {}, fill(words.http.order, { n: order.length })),
      order.length
        ? h(
            'ol',
            'lab-turns',
            {},
            ...order.map(({ request, statement }) => turn(concurrent, request, statement, words)),
          )
        : h('p', 'text-sm text-muted', {}, words.http.none),
      ...requests,
    ),
  );
}
