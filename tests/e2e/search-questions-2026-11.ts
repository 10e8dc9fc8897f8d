/**
 * A third set of learner questions, written on 2026-11-26 for issue 62 before search learnt to keep ordinary English
 * words as typed: long questions in a learner's own words (most hold words no page holds, and English words a few
 * letters from the site's own: "buying", "calculation", "skills"), career and "what does X do" questions, and a few
 * misspelt questions. Each lists every page that answers it. search-relevance.spec.ts counts it apart.
 */
import type { RelevanceQuery } from './search-relevance.queries.ts';

const q = (kind: RelevanceQuery['kind'], query: string, ...expect: string[]): RelevanceQuery => ({
  query,
  expect,
  kind,
});

export const NEW_LEARNER_QUESTIONS: RelevanceQuery[] = [
  // Careers: what a role does, how to reach it, what it pays, where to start.
  q('role', 'what does a senior backend engineer do differently', '/roles/senior-backend-engineer/', '/roles/ladder/'),
  q('role', 'skills needed for a first backend job', '/roles/junior-backend-developer/', '/roadmaps/beginner-path/'),
  q('role', 'what does a site reliability engineer actually do', '/roles/site-reliability-engineer/'),
  q('role', 'what does a staff engineer do all day', '/roles/staff-principal-engineer/'),
  q('role', 'what does an engineering manager do', '/roles/backend-engineering-manager/'),
  q('role', 'what does a data engineer do', '/roles/data-engineer/'),
  q('role', 'what does a platform engineer do', '/roles/backend-devops-engineer/'),
  q('role', 'how do i get promoted to senior engineer', '/roles/senior-backend-engineer/', '/roles/ladder/'),
  q('role', 'career path from junior to staff engineer', '/roles/ladder/', '/roles/staff-principal-engineer/'),
  q('role', 'how much does a backend developer earn', '/roles/ladder/', '/roles/', '/compare/job-market-by-role/'),
  q(
    'role',
    'where do i start learning backend development',
    '/roadmaps/beginner-path/',
    '/roadmaps/backend-developer/',
  ),
  q('role', 'i am a complete beginner where should i start', '/roadmaps/beginner-path/'),
  q('role', 'what should a junior developer know', '/roles/junior-backend-developer/', '/roadmaps/beginner-path/'),

  // Long questions in a learner's words.
  q(
    'question',
    'how do i stop customers buying the same thing twice',
    '/topics/idempotency/',
    '/questions/idempotency-keys/',
  ),
  q(
    'question',
    'cache the result of an expensive calculation',
    '/topics/caching-strategies/',
    '/questions/explain-caching-strategies/',
  ),
  q(
    'question',
    'how do i keep secrets out of my git repository',
    '/topics/secrets-management/',
    '/questions/what-to-do-when-a-secret-is-committed/',
  ),
  q(
    'question',
    'what happens when i type a website address in my browser',
    '/questions/what-happens-when-you-type-a-url/',
    '/topics/how-the-internet-works/',
  ),
  q(
    'question',
    'how do databases find rows quickly',
    '/topics/database-indexes/',
    '/questions/how-do-database-indexes-work/',
  ),
  q(
    'question',
    'send emails in the background without slowing down requests',
    '/topics/background-jobs/',
    '/topics/message-queues/',
  ),
  q(
    'question',
    'stop two requests from overwriting each other when updating the same row',
    '/questions/prevent-lost-updates/',
    '/topics/postgresql-locks-and-deadlocks/',
    '/topics/isolation-levels/',
  ),
  q(
    'question',
    'how to check that a webhook really came from the sender',
    '/questions/verify-webhook-signatures/',
    '/topics/webhooks/',
  ),
  q(
    'question',
    'how many database connections should my app open',
    '/topics/connection-pooling/',
    '/questions/what-is-connection-pooling/',
  ),
  q(
    'question',
    'how do i test code that talks to a real database',
    '/topics/integration-testing/',
    '/topics/testcontainers/',
  ),
  q(
    'question',
    'my server keeps running out of memory after a few days',
    '/questions/how-do-you-find-a-memory-leak-in-production/',
    '/topics/memory-management/',
  ),
  q(
    'question',
    'how do big websites handle millions of users',
    '/topics/horizontal-vertical-scaling/',
    '/topics/system-design/',
    '/topics/load-balancing/',
    '/questions/how-do-you-design-a-scalable-api/',
  ),
  q(
    'question',
    'how to change my api without breaking existing clients',
    '/topics/api-versioning/',
    '/topics/backward-compatibility/',
    '/questions/what-is-your-api-versioning-strategy/',
  ),
  q(
    'question',
    'how do i safely retry failed http calls',
    '/topics/retries-and-timeouts/',
    '/questions/implement-retries-with-exponential-backoff/',
  ),
  q('question', 'let users sign in with their google account', '/topics/openid-connect/', '/topics/oauth2/'),
  q('question', 'where should a single page app keep its access token', '/questions/store-jwt-in-browser/'),
  q('question', 'run a task every night at midnight', '/questions/design-a-job-scheduler/', '/topics/background-jobs/'),
  q(
    'question',
    'how does a search engine find matching documents so fast',
    '/questions/how-does-an-inverted-index-work/',
    '/topics/full-text-search/',
  ),
  q('question', 'which programming language should i pick for backend work', '/compare/backend-languages/'),
  q(
    'question',
    'why are my docker images so big',
    '/questions/write-a-production-ready-dockerfile/',
    '/topics/docker/',
  ),
  q(
    'question',
    'how to avoid processing the same message twice from a queue',
    '/questions/how-do-you-build-an-idempotent-consumer/',
    '/questions/exactly-once-vs-at-least-once-delivery/',
  ),
  q(
    'question',
    'how do i explain a technical tradeoff to my manager',
    '/questions/how-do-you-explain-technical-trade-offs-to-non-engineers/',
  ),
  q(
    'question',
    'good first project to practise building a rest api',
    '/projects/simple-rest-api/',
    '/projects/to-do-list-api/',
  ),
  q(
    'question',
    'how do i read a query plan',
    '/topics/query-optimization/',
    '/questions/how-do-you-optimize-a-slow-query/',
  ),
  q(
    'question',
    'how should i choose a partition key in kafka',
    '/questions/explain-kafka-partitions-and-consumer-groups/',
    '/topics/kafka/',
  ),
  q(
    'question',
    'showing a huge list of results one page at a time',
    '/topics/pagination/',
    '/questions/cursor-vs-offset-pagination/',
  ),
  q(
    'question',
    'what is the difference between a process and a thread',
    '/topics/os-and-processes/',
    '/topics/concurrency-and-parallelism/',
  ),
  q(
    'question',
    'how do i find out which part of a request is slow',
    '/topics/distributed-tracing/',
    '/topics/performance-profiling/',
    '/topics/apm/',
    '/questions/walk-me-through-debugging-a-latency-regression/',
  ),

  // Misspelt questions: the misspelt word is corrected, the English around it kept.
  q('typo', 'how do i prevent sql injecton', '/topics/sql-injection/', '/questions/prevent-sql-injection/'),
  q('typo', 'what is eventual consistancy', '/topics/consistency-models/'),
  q('typo', 'kubernetes readyness probe', '/questions/kubernetes-liveness-vs-readiness-probes/'),
  q('typo', 'how does the javascript evnt loop work', '/topics/event-loop/', '/questions/node-event-loop-phases/'),
];
