/**
 * A held-out set of 40 learner queries, written on 2026-11-26 (late) for issue 62 item 5 before anyone looked at how
 * search ranks them, and never tuned on: concepts, how-to, career, comparisons, error messages, typos, long questions
 * and single words, none a query of the older sets. Each lists every page that answers it, chosen by reading
 * content/. search-relevance.spec.ts measures it apart and holds it to what search reached when it was first run.
 */
import type { RelevanceQuery } from './search-relevance.queries.ts';

const q = (kind: RelevanceQuery['kind'], query: string, ...expect: string[]): RelevanceQuery => ({
  query,
  expect,
  kind,
});

export const HELD_OUT_QUESTIONS: RelevanceQuery[] = [
  // Concepts.
  q('question', 'what is a foreign key', '/topics/database-constraints/', '/labs/sql-foreign-keys-and-checks/'),
  q('question', 'how does a hash map work inside', '/topics/data-structures-and-algorithms/'),
  q('question', 'what does nginx do', '/topics/web-servers/'),
  q('question', 'why normalize a database', '/topics/normalization/'),
  q(
    'question',
    'what is a dead letter queue',
    '/topics/message-queues/',
    '/topics/rabbitmq/',
    '/topics/aws-sqs/',
    '/topics/background-jobs/',
  ),
  q(
    'question',
    'what is a race condition',
    '/topics/concurrency-and-parallelism/',
    '/questions/concurrency-vs-parallelism/',
  ),

  // How to do something.
  q(
    'question',
    'is sha256 good enough for passwords',
    '/questions/how-to-store-passwords/',
    '/topics/password-hashing/',
  ),
  q(
    'question',
    'add a column to a huge table without locking it',
    '/questions/change-a-large-table-without-downtime/',
    '/topics/zero-downtime-migrations/',
    '/labs/sql-zero-downtime-add-column/',
  ),
  q(
    'question',
    'how do i roll back a bad release',
    '/topics/deployment-strategies/',
    '/questions/blue-green-vs-canary-deployment/',
    '/topics/zero-downtime-deployment/',
    '/questions/how-do-you-deploy-with-zero-downtime/',
  ),
  q(
    'question',
    'i pushed an api key to github by mistake',
    '/questions/what-to-do-when-a-secret-is-committed/',
    '/topics/secrets-management/',
  ),
  q(
    'question',
    'send webhooks reliably to customers',
    '/questions/design-a-webhook-delivery-system/',
    '/topics/webhooks/',
  ),
  q(
    'question',
    'how to remove duplicate rows in sql',
    '/questions/find-and-remove-duplicate-rows/',
    '/labs/sql-dedupe-keep-latest/',
  ),
  q(
    'question',
    'how to write a dockerfile for production',
    '/questions/write-a-production-ready-dockerfile/',
    '/topics/docker/',
  ),

  // Careers.
  q('role', 'what does a security engineer do', '/roles/security-engineer/'),
  q('role', 'how to become a database architect', '/roles/database-architect/'),
  q('role', 'what comes after junior developer', '/roles/mid-level-backend-developer/', '/roles/ladder/'),
  q('role', 'what does a performance engineer work on', '/roles/backend-performance-engineer/'),
  q('role', 'rust developer skills', '/roles/rust-developer/', '/roadmaps/rust/'),
  q('role', 'what do api designers do', '/roles/api-designer/'),

  // Comparisons.
  q(
    'versus',
    'mongodb or postgres',
    '/questions/when-to-choose-sql-or-nosql/',
    '/compare/databases/',
    '/topics/sql-vs-nosql/',
    '/topics/mongodb/',
    '/topics/postgresql/',
  ),
  q(
    'versus',
    'long polling vs websockets',
    '/topics/websockets/',
    '/topics/server-sent-events/',
    '/questions/websockets-vs-sse/',
  ),
  q('versus', 'should a startup begin with microservices', '/topics/monolith/', '/topics/microservices/'),
  q('versus', 'batch or stream processing', '/questions/batch-vs-stream-processing/', '/topics/stream-processing/'),
  q('versus', 'memcached or redis', '/topics/memcached/', '/topics/redis/'),

  // Error messages pasted in.
  q(
    'question',
    '429 too many requests',
    '/topics/rate-limiting/',
    '/questions/what-is-api-rate-limiting/',
    '/labs/api-rate-limit/',
  ),
  q(
    'question',
    'blocked by cors policy',
    '/topics/cors/',
    '/questions/explain-cors-and-preflight-requests/',
    '/labs/api-cors-preflight/',
  ),
  q(
    'question',
    'deadlock detected',
    '/topics/postgresql-locks-and-deadlocks/',
    '/timelines/deadlock/',
    '/timelines/deadlock-lock-ordering/',
  ),
  q(
    'question',
    'container killed out of memory',
    '/questions/how-do-you-find-a-memory-leak-in-production/',
    '/topics/memory-management/',
  ),
  q(
    'question',
    'fatal too many connections',
    '/topics/connection-pooling/',
    '/questions/what-is-connection-pooling/',
    '/topics/postgresql/',
  ),
  q(
    'question',
    'could not serialize access due to concurrent update',
    '/topics/isolation-levels/',
    '/questions/isolation-levels-and-anomalies/',
    '/timelines/lost-update-repeatable-read/',
    '/questions/prevent-lost-updates/',
  ),

  // Misspelt.
  q('typo', 'mongose schema', '/topics/mongoose/'),
  q('typo', 'postgrsql replication', '/topics/database-replication/', '/questions/replica-lag-and-read-your-writes/'),
  q('typo', 'grapql subscriptions', '/topics/graphql-subscriptions/'),
  q(
    'typo',
    'retyr with backoff',
    '/questions/implement-retries-with-exponential-backoff/',
    '/topics/retries-and-timeouts/',
    '/labs/retry-with-backoff-and-jitter/',
    '/labs/py-retry-backoff-jitter/',
  ),

  // Long questions in a learner's own words.
  q(
    'question',
    'my api gets slower as the table grows which index should i add',
    '/topics/database-indexes/',
    '/questions/how-do-you-optimize-a-slow-query/',
    '/questions/how-do-database-indexes-work/',
    '/topics/query-optimization/',
  ),
  q(
    'question',
    'how can two services stay consistent without one shared database transaction',
    '/questions/how-do-you-handle-distributed-transactions/',
    '/topics/distributed-transactions/',
    '/topics/saga-pattern/',
  ),
  q(
    'question',
    'what happens between typing an address in the browser and seeing the page',
    '/questions/what-happens-when-you-type-a-url/',
    '/topics/how-the-internet-works/',
  ),

  // One word.
  q('title', 'protobuf', '/topics/protocol-buffers/'),
  q('title', 'terraform', '/topics/terraform/'),
  q('title', 'tokio', '/topics/tokio/'),
];
