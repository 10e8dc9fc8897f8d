/**
 * Draws requests a hidden test sent at once (a `concurrent` step, src/lib/labs/api/api-concurrent.ts): first every
 * statement in the order the one database session ran them, each named by its request (A, B) and indented by it,
 * so a check-then-insert shows both checks before either insert; then each request's own exchange, folded. Text
 * only: every value goes in as textContent.
 */
import type { ConcurrentExchange, QueryRecord } from '../../lib/labs/shared/lab-spec.ts';
import { count } from '../../core/format/words.ts';
import { h } from '../dom.ts';
import { exchangeDetails, exchangeTitle } from './http-exchange.ts';

const letter = (i: number) => String.fromCharCode(65 + i);

/** What a statement got back, in a few words. */
const outcome = (query: QueryRecord) =>
  query.error
    ? `Error ${query.error}`
    : query.rows
      ? count(query.rows.rows.length + query.rows.more, 'row')
      : `${count(query.rowCount ?? 0, 'row')} affected`;

/** One statement in the order they ran: "Request A, statement 2", its SQL, what it got back. */
function turn(concurrent: ConcurrentExchange, request: number, statement: number): HTMLElement {
  const query = concurrent.exchanges[request]?.queries[statement];
  const who = `Request ${letter(request)}, statement ${statement + 1}`;
  return h(
    'li',
    'lab-turn',
    { 'data-request': request },
    h('span', 'lab-turn-who', {}, who),
    h('pre', 'lab-pre', { tabindex: 0, 'aria-label': `${who}: SQL` }, query?.sql ?? ''),
    ...(query ? [h('p', `text-sm ${query.error ? 'lab-query-error' : 'text-muted'}`, {}, outcome(query))] : []),
  );
}

/** The requests sent at once, folded under one line naming each; open when they explain a failure. */
export function concurrentDetails(concurrent: ConcurrentExchange, open: boolean): HTMLElement {
  const { exchanges, order } = concurrent;
  const title = `${count(exchanges.length, 'request')} sent at once: ${exchanges
    .map((exchange, i) => `${letter(i)} ${exchangeTitle(exchange)}`)
    .join('; ')}`;
  const requests = exchanges.map((exchange, i) => {
    const details = exchangeDetails(exchange, false);
    details.querySelector('summary')?.prepend(`Request ${letter(i)}: `);
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
      h(
        'p',
        'text-sm text-muted',
        {},
        'They shared one database session: each request ran until its next statement, then the next request took its turn; a transaction ran to its end before the other went on.',
      ),
      h('h4', 'lab-exchange-heading', {}, `The statements in the order they ran (${order.length})`),
      order.length
        ? h('ol', 'lab-turns', {}, ...order.map(({ request, statement }) => turn(concurrent, request, statement)))
        : h('p', 'text-sm text-muted', {}, 'None.'),
      ...requests,
    ),
  );
}
