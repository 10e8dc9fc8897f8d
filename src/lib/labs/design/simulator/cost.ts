/**
 * The monthly bill of a design: instances and nodes at their monthly price, and what is paid per use (CDN bytes
 * and requests, object storage, queue messages) at the rates the run saw, over a 730-hour month. Prices are AWS's
 * on-demand list prices in us-east-1 (docs/design-simulator.md gives each source and its month).
 * SHARED BY BUILD AND BROWSER CODE.
 */
import { numberParam, type Design, type Part } from '../model/model.ts';

const SECONDS_PER_MONTH = 730 * 3600;

/** Prices per use, $ (docs/design-simulator.md, "Prices"). */
const USE_PRICES = {
  /** CloudFront, data out to the internet, first 10 TB a month, per GB. */
  cdnPerGB: 0.085,
  /** CloudFront, HTTPS requests, per 10,000. */
  cdnPer10kRequests: 0.01,
  /** S3 Standard storage, first 50 TB, per GB-month. */
  storagePerGB: 0.023,
  /** S3 Standard GET requests, per 1,000. */
  storagePer1kGets: 0.0004,
  /** S3 Standard PUT (COPY, POST, LIST) requests, per 1,000. */
  storagePer1kPuts: 0.005,
  /** SQS standard queue requests, per million (a message is sent, received and deleted: three). */
  queuePerMillion: 0.4,
} as const;

/** How the bill is made, in the words the design lab's page states it: what a learner needs to check a budget. */
export const COST_RULES =
  `each instance, node and worker costs its part's \`cost\` a month (a database has shards × (1 + replicas) nodes; a load balancer is one price). ` +
  `On top, by use over a 730-hour month: a queue's messages at $${USE_PRICES.queuePerMillion.toFixed(2)} per million requests, three a message (sent, received, deleted); ` +
  `a CDN's data out at $${USE_PRICES.cdnPerGB} a GB and its requests at $${USE_PRICES.cdnPer10kRequests} per 10,000; ` +
  `object storage at $${USE_PRICES.storagePerGB} a GB-month, $${USE_PRICES.storagePer1kGets} per 1,000 reads and $${USE_PRICES.storagePer1kPuts} per 1,000 writes.`;

export interface CostLine {
  readonly part: string;
  readonly monthly: number;
  /** How it adds up: "4 instances × $70.08". */
  readonly detail: string;
}

const dollars = (value: number) => `$${value.toFixed(2)}`;
/** "1 node", "3 nodes". */
const counted = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/** The calls a second a part received in a run, and how many of them were writes. */
export interface CallRate {
  calls: number;
  writes: number;
}

/** One part's monthly cost; `rate` is the calls a second it received in the run, `responseKB` a response's size. */
function partCost(part: Part, rate: CallRate, responseKB: number): CostLine {
  const price = (name: string) => numberParam(part, name);
  const line = (monthly: number, detail: string) => ({ part: part.name, monthly, detail });
  const perMonth = rate.calls * SECONDS_PER_MONTH;
  switch (part.kind) {
    case 'service':
      return line(
        price('instances') * price('cost'),
        `${counted(price('instances'), 'instance')} × ${dollars(price('cost'))}`,
      );
    case 'cache':
      return line(price('nodes') * price('cost'), `${counted(price('nodes'), 'node')} × ${dollars(price('cost'))}`);
    case 'database': {
      const nodes = price('shards') * (1 + price('replicas'));
      return line(nodes * price('cost'), `${counted(nodes, 'node')} × ${dollars(price('cost'))}`);
    }
    case 'queue': {
      const messages = (perMonth * 3 * USE_PRICES.queuePerMillion) / 1e6;
      const workers = price('workers') * price('cost');
      return line(
        workers + messages,
        `${counted(price('workers'), 'worker')} × ${dollars(price('cost'))} + ${dollars(messages)} of messages`,
      );
    }
    case 'lb':
      return line(price('cost'), 'one load balancer');
    case 'cdn': {
      const bytes = ((perMonth * responseKB) / 1e6) * USE_PRICES.cdnPerGB;
      const requests = (perMonth / 1e4) * USE_PRICES.cdnPer10kRequests;
      return line(bytes + requests, `${dollars(bytes)} of data out + ${dollars(requests)} of requests`);
    }
    case 'storage': {
      const stored = price('size') * USE_PRICES.storagePerGB;
      const puts = rate.writes * SECONDS_PER_MONTH;
      const requests =
        ((perMonth - puts) / 1000) * USE_PRICES.storagePer1kGets + (puts / 1000) * USE_PRICES.storagePer1kPuts;
      return line(stored + requests, `${dollars(stored)} stored + ${dollars(requests)} of requests`);
    }
    default:
      return line(0, part.kind === 'traffic' ? 'the clients' : 'runs in the instances in front of it');
  }
}

/** Each part's monthly cost and the total; `rates` are the calls (and writes) a second each part received, by name. */
export function monthlyCost(
  design: Design,
  rates: ReadonlyMap<string, CallRate>,
): { total: number; parts: CostLine[] } {
  const traffic = design.parts.find((part) => part.kind === 'traffic');
  const responseKB = traffic ? numberParam(traffic, 'size') : 0;
  const none = { calls: 0, writes: 0 };
  const parts = design.parts.map((part) => partCost(part, rates.get(part.name) ?? none, responseKB));
  return { total: parts.reduce((sum, line) => sum + line.monthly, 0), parts };
}
