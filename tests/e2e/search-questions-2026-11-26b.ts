/**
 * A second fresh held-out set of 40 learner queries for issue 62 (search on learner questions), written on 2026-11-26
 * by a helper session on branch qset, before anyone looked at how search ranks them: the writer read only content/,
 * the URL patterns in src/pages/, the RelevanceQuery type and the query strings of the older sets (none is repeated),
 * and never opened the search code or its specs. It mixes concepts, how-to, long questions in a learner's words,
 * pasted error messages, career questions, comparisons, typos and single words. Each query lists every page that
 * answers it, chosen by reading that page. Not tuned on and not wired into a spec yet.
 */
import type { RelevanceQuery } from './search-relevance.queries.ts';

const q = (kind: RelevanceQuery['kind'], query: string, ...expect: string[]): RelevanceQuery => ({
  query,
  expect,
  kind,
});

export const FRESH_QUESTIONS: RelevanceQuery[] = [
  // Concepts.
  q(
    'question',
    'what is backpressure',
    '/questions/what-is-backpressure/',
    '/questions/node-streams-backpressure/',
    '/topics/node-streams-buffers/',
    '/topics/message-queues/',
    '/topics/spring-webflux/',
  ),
  q(
    'question',
    'what is consistent hashing',
    '/questions/implement-consistent-hashing/',
    '/labs/consistent-hashing-ring/',
    '/topics/database-sharding/',
    '/topics/memcached/',
  ),
  q('question', 'what is a service mesh', '/topics/service-mesh/'),
  q('question', 'what is a vector database', '/topics/vector-databases/', '/compare/backend-trends/'),
  q(
    'question',
    'what is a cache stampede',
    '/questions/what-is-a-cache-stampede/',
    '/topics/caching-strategies/',
    '/topics/distributed-caching/',
    '/questions/explain-caching-strategies/',
  ),
  q(
    'question',
    'what is a database transaction',
    '/topics/acid-transactions/',
    '/questions/explain-acid-properties/',
    '/questions/how-do-you-handle-database-transactions/',
  ),

  // How to do something.
  q(
    'question',
    'how do i get the top 3 rows for each group in sql',
    '/questions/write-a-top-n-per-group-sql-query/',
    '/labs/sql-top-n-per-group/',
    '/topics/sql/',
  ),
  q(
    'question',
    'how do i restore postgres to a point in time',
    '/topics/backup-and-recovery/',
    '/questions/backups-and-point-in-time-recovery/',
  ),
  q(
    'question',
    'how do i use postgres as a job queue',
    '/labs/sql-select-for-update-skip-locked/',
    '/timelines/skip-locked-queue/',
    '/topics/background-jobs/',
    '/topics/postgresql-locks-and-deadlocks/',
    '/topics/technology-selection/',
    '/topics/postgresql/',
  ),
  q(
    'question',
    'how do i run at most 5 promises at a time',
    '/questions/limit-concurrent-async-requests/',
    '/labs/promise-pool/',
    '/topics/promises-async-await/',
  ),
  q('question', 'how do i query an org chart in sql', '/labs/sql-recursive-org-chart/'),
  q('question', 'how do i soft delete a record', '/labs/api-soft-delete/', '/topics/gorm/'),

  // Long questions in a learner's words.
  q(
    'question',
    'why do changes i just saved disappear when i refresh the page',
    '/questions/replica-lag-and-read-your-writes/',
    '/topics/database-replication/',
    '/topics/consistency-models/',
    '/labs/design-chat/',
  ),
  q(
    'question',
    'someone deleted every row in a production table how do i get the data back',
    '/questions/backups-and-point-in-time-recovery/',
    '/topics/backup-and-recovery/',
  ),
  q(
    'question',
    'why does my whole node server freeze while one request builds a big report',
    '/questions/node-cpu-bound-work/',
    '/topics/event-loop/',
  ),
  q(
    'question',
    'how do i make a case insensitive email lookup use an index',
    '/labs/sql-expression-index/',
    '/topics/database-indexes/',
    '/topics/query-optimization/',
    '/questions/how-do-you-optimize-a-slow-query/',
  ),

  // Error messages pasted in.
  q('question', 'ECONNREFUSED 127.0.0.1:5432', '/topics/docker-compose/'),
  q(
    'question',
    'fatal error: all goroutines are asleep - deadlock!',
    '/topics/goroutines-and-channels/',
    '/questions/go-buffered-vs-unbuffered-channels/',
  ),
  q(
    'question',
    'JavaScript heap out of memory',
    '/topics/memory-management/',
    '/questions/how-do-you-find-a-memory-leak-in-production/',
  ),
  q(
    'question',
    'error[E0382]: borrow of moved value',
    '/topics/rust/',
    '/questions/rust-ownership-borrowing-explained/',
    '/topics/ownership-and-borrowing/',
  ),
  q('question', 'sqlite database is locked', '/topics/sqlite/'),
  q(
    'question',
    'duplicate key value violates unique constraint',
    '/topics/database-constraints/',
    '/topics/relational-databases/',
    '/labs/api-create-with-validation/',
    '/timelines/upsert-race/',
    '/labs/sql-upsert-on-conflict/',
  ),

  // Careers.
  q(
    'role',
    'what should a junior backend dev learn first',
    '/roles/junior-backend-developer/',
    '/roadmaps/beginner-path/',
    '/roadmaps/backend-developer/',
  ),
  q('role', 'career as a golang developer', '/roles/go-developer/', '/roadmaps/go/'),
  q(
    'role',
    'how to become a microservices architect',
    '/roles/microservices-architect/',
    '/roadmaps/microservices-system-design/',
  ),
  q('role', 'which backend roles are most in demand', '/compare/job-market-by-role/', '/roles/'),
  q(
    'role',
    'skills for a mid level backend developer',
    '/roles/mid-level-backend-developer/',
    '/roadmaps/intermediate-path/',
  ),
  q(
    'role',
    'what tech stack does a backend devops engineer use',
    '/roles/backend-devops-engineer/',
    '/roadmaps/backend-devops/',
  ),

  // Comparisons.
  q('versus', 'blue green or canary', '/questions/blue-green-vs-canary-deployment/', '/topics/deployment-strategies/'),
  q(
    'versus',
    'saga choreography vs orchestration',
    '/questions/saga-choreography-vs-orchestration/',
    '/topics/saga-pattern/',
    '/questions/how-do-you-handle-distributed-transactions/',
  ),
  q('versus', 'redis rdb vs aof', '/questions/redis-persistence-rdb-vs-aof/', '/topics/redis/'),
  q('versus', 'serverless or containers', '/questions/when-to-choose-serverless/', '/topics/serverless/'),
  q(
    'versus',
    'embedding vs referencing in mongodb',
    '/questions/embed-or-reference-in-mongodb/',
    '/topics/document-modeling/',
  ),

  // Typos.
  q('typo', 'conection pooling', '/topics/connection-pooling/', '/questions/what-is-connection-pooling/'),
  q(
    'typo',
    'circut breaker',
    '/topics/circuit-breaker/',
    '/questions/what-is-a-circuit-breaker/',
    '/labs/circuit-breaker/',
    '/labs/py-circuit-breaker/',
  ),
  q(
    'typo',
    'dependancy injection',
    '/topics/dependency-injection/',
    '/questions/refactor-code-for-dependency-injection/',
    '/questions/spring-dependency-injection/',
    '/questions/dotnet-di-lifetimes/',
    '/questions/laravel-service-container/',
  ),
  q('typo', 'transacton isolation levels', '/topics/isolation-levels/', '/questions/isolation-levels-and-anomalies/'),

  // Single words.
  q(
    'synonym',
    'vacuum',
    '/questions/mvcc-and-vacuum-in-postgresql/',
    '/labs/sql-mvcc-dead-tuples/',
    '/timelines/vacuum-held-back/',
    '/topics/postgresql/',
  ),
  q(
    'synonym',
    'upsert',
    '/labs/sql-upsert-on-conflict/',
    '/labs/py-db-bulk-upsert/',
    '/timelines/upsert-race/',
    '/topics/sql/',
  ),
  q(
    'synonym',
    'multitenancy',
    '/questions/how-do-you-design-a-multi-tenant-database/',
    '/projects/multi-tenant-saas-backend/',
  ),
];
