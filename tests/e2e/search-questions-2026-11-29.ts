/**
 * A fifth fresh held-out set of 50 learner queries for issues 62 and 76 (search on learner questions), written on
 * 2026-11-29 by a helper session, blind to the search code: the writer read only content/ (never the learner vocabulary), the
 * URL patterns in src/pages/, the RelevanceQuery type and the query strings of the older sets (none is repeated),
 * never opened the search components, the search library, the after-build step or any search spec, and ran no
 * search, build or browser. Every target was chosen by reading that page before any search was run. It holds 20
 * natural questions in a learner's own words (symptoms and goals rather than the site's terms), 6 pasted error
 * messages or log lines (Postgres, Node, Python, Redis, Java/HikariCP, Rust), 6 typos or run-together words, 10
 * practice queries whose answers are only labs, design labs and projects (every one that fits), and 8 career
 * questions. Each query lists every page that answers it, best first; a query counts as answered if any of them
 * appears in the top 3. Measured and held by search-relevance.spec.ts; no query of it is in the learner vocabulary.
 */
import type { RelevanceQuery } from './search-relevance.queries.ts';

const q = (kind: RelevanceQuery['kind'], query: string, ...expect: string[]): RelevanceQuery => ({
  query,
  expect,
  kind,
});

export const FRESH_QUESTIONS_29: RelevanceQuery[] = [
  // Natural questions in a learner's own words, mostly describing a symptom or a goal.
  q('question', 'my site loads fast for me but really slow for people on the other side of the world', '/topics/cdn/'),
  q(
    'question',
    'my app container cant connect to postgres on localhost when i run everything with docker compose',
    '/topics/docker-compose/',
  ),
  q(
    'question',
    'how should a forgot my password link work',
    '/projects/user-authentication-service/',
    '/topics/authentication/',
  ),
  q(
    'question',
    'release the new version to a small slice of users first and pull it back if errors go up',
    '/topics/deployment-strategies/',
    '/questions/blue-green-vs-canary-deployment/',
  ),
  q('question', 'someone posted a comment with a script tag in it and now it runs for every visitor', '/topics/xss/'),
  q(
    'question',
    'my test passes or fails depending on what time of day i run it',
    '/topics/unit-testing/',
    '/questions/refactor-code-for-dependency-injection/',
    '/topics/tdd/',
    '/topics/test-doubles/',
  ),
  q(
    'question',
    'how do i follow one request as it hops through five different services',
    '/topics/distributed-tracing/',
    '/questions/how-does-trace-context-propagation-work/',
    '/topics/opentelemetry/',
  ),
  // The typeahead design lab (added after this set was written, 2026-11-29) designs exactly this: a second right page.
  q(
    'question',
    'suggest products while the shopper is still typing in the search box',
    '/questions/design-product-search-for-an-online-shop/',
    '/labs/design-typeahead/',
  ),
  q(
    'question',
    'two customers booked the same meeting room for overlapping times even though we check first',
    '/questions/what-is-write-skew/',
    '/topics/database-constraints/',
    '/topics/isolation-levels/',
    '/topics/concurrency-and-parallelism/',
  ),
  q(
    'question',
    "make sure one company never sees another company's records in my saas app",
    '/questions/how-do-you-design-a-multi-tenant-database/',
    '/projects/multi-tenant-saas-backend/',
  ),
  q(
    'question',
    'our postgres table keeps getting bigger on disk even though we delete old rows every night',
    '/questions/mvcc-and-vacuum-in-postgresql/',
    '/labs/sql-mvcc-dead-tuples/',
    '/topics/postgresql/',
    '/timelines/vacuum-held-back/',
  ),
  q(
    'question',
    'can two of my microservices just read and write the same postgres tables',
    '/topics/database-per-service/',
    '/topics/microservices/',
  ),
  q('question', 'uploaded profile pictures vanish every time we redeploy the container', '/topics/stateless-design/'),
  q(
    'question',
    'only the author or an admin should be allowed to delete a post',
    '/topics/authorization/',
    '/topics/rbac/',
  ),
  q(
    'question',
    'our api docs always end up out of date with what the code actually does',
    '/topics/openapi/',
    '/topics/api-documentation/',
  ),
  q(
    'question',
    'a user added role admin to their profile update request and actually became an admin',
    '/topics/api-security/',
    '/questions/how-do-you-secure-an-api/',
    '/topics/input-validation/',
  ),
  q(
    'question',
    'how many minutes should an access token last and how do people stay logged in for weeks',
    '/questions/refresh-token-rotation/',
    '/questions/revoke-jwt/',
    '/topics/jwt/',
  ),
  q(
    'question',
    'sending a 500mb csv export from node eats all the memory on the box',
    '/topics/node-streams-buffers/',
    '/questions/node-streams-backpressure/',
  ),
  q(
    'question',
    'where should i store temperature readings from thousands of sensors every few seconds',
    '/topics/time-series-databases/',
  ),
  q(
    'question',
    'our nightly cleanup started running four times at once after we added more web servers',
    '/topics/background-jobs/',
    '/questions/design-a-job-scheduler/',
  ),

  // Pasted error messages and log lines.
  q(
    'question',
    'ERROR:  insert or update on table "orders" violates foreign key constraint "orders_customer_id_fkey"',
    '/topics/database-constraints/',
    '/topics/relational-databases/',
    '/topics/acid-transactions/',
    '/topics/sequelize/',
  ),
  q(
    'question',
    '[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch()]',
    '/topics/promises-async-await/',
    '/topics/nodejs/',
    '/topics/express/',
  ),
  q('question', "ModuleNotFoundError: No module named 'httpx'", '/topics/python-virtual-environments/'),
  q(
    'question',
    "OOM command not allowed when used memory > 'maxmemory'",
    '/topics/redis/',
    '/topics/caching-strategies/',
    '/topics/distributed-caching/',
  ),
  q(
    'question',
    'HikariPool-1 - Connection is not available, request timed out after 30000ms',
    '/topics/connection-pooling/',
    '/questions/what-is-connection-pooling/',
  ),
  q(
    'question',
    'error: future cannot be sent between threads safely',
    '/topics/tokio/',
    '/questions/rust-shared-state-across-tasks/',
    '/topics/axum/',
  ),

  // Typos and run-together words.
  q('typo', 'pagnation cursor', '/topics/pagination/', '/questions/cursor-vs-offset-pagination/'),
  q('typo', 'eventsourcing', '/topics/event-sourcing/'),
  q('typo', 'cache invaldation', '/topics/cache-invalidation/'),
  q('typo', 'protobuff', '/topics/protocol-buffers/'),
  q('typo', 'opentelemtry tracing', '/topics/opentelemetry/', '/topics/distributed-tracing/'),
  q('typo', 'hexagonal architechture', '/topics/clean-architecture/'),

  // Practice: the learner wants to practise, build or test something; only labs, design labs and projects answer.
  q(
    'question',
    'i want to practise building a rate limiter myself',
    '/labs/token-bucket-rate-limiter/',
    '/labs/sliding-window-rate-limiter/',
    '/labs/py-token-bucket/',
    '/labs/api-rate-limit/',
    '/labs/design-rate-limiter/',
  ),
  q(
    'question',
    'hands on exercise for database transactions and rolling back on errors',
    '/labs/sql-atomic-transfer/',
    '/labs/py-db-transfer-in-transaction/',
    '/labs/py-rollback-context-manager/',
    '/labs/sql-savepoints-and-rollback/',
  ),
  q('question', 'system design exercise for a short link service like bitly', '/labs/design-url-shortener/'),
  q(
    'question',
    'practice optimistic locking with a version number',
    '/labs/api-optimistic-concurrency/',
    '/labs/sql-lost-update-guard/',
  ),
  q('question', 'sql exercise find rows that have no match in another table', '/labs/sql-customers-without-orders/'),
  q(
    'question',
    'practice validating a request body and returning an error for each bad field',
    '/labs/py-validate-signup/',
    '/labs/input-validation-parser/',
    '/labs/api-create-with-validation/',
    '/projects/calculator-api/',
    '/projects/simple-rest-api/',
  ),
  q(
    'question',
    'exercise with etags and 304 not modified responses',
    '/labs/api-conditional-get/',
    '/labs/consistent-json-etag/',
    '/projects/content-management-system/',
  ),
  q(
    'question',
    'portfolio project where i consume events from kafka',
    '/projects/stream-processing-platform/',
    '/projects/microservices-platform/',
  ),
  q(
    'question',
    'system design practice for a payment service',
    '/labs/design-payments/',
    '/projects/payment-processing-system/',
  ),
  q(
    'question',
    'portfolio project to build my own signup and login service',
    '/projects/user-authentication-service/',
    '/projects/to-do-list-api/',
  ),

  // Careers: roles, paths, interviews, pay.
  q(
    'role',
    'is php still a good language to get hired with',
    '/roles/php-laravel-developer/',
    '/roadmaps/php-laravel/',
  ),
  q(
    'role',
    'should i go the staff engineer route or become a manager',
    '/roles/staff-principal-engineer/',
    '/roles/backend-engineering-manager/',
  ),
  q(
    'role',
    'how do i talk about a time i broke production in an interview',
    '/questions/tell-me-about-an-incident-you-led/',
    '/questions/tell-me-about-a-bug-you-fixed/',
    '/questions/tell-me-about-a-project-that-did-not-go-to-plan/',
  ),
  q('role', 'how long does it take a backend dev to switch to data engineering', '/roles/data-engineer/'),
  q('role', 'c# dotnet backend jobs what should i learn', '/roles/dotnet-developer/', '/roadmaps/csharp-aspnet-core/'),
  q('role', 'can i move from backend development into appsec', '/roles/security-engineer/'),
  q(
    'role',
    'median salary for a database architect in the us',
    '/roles/database-architect/',
    '/compare/job-market-by-role/',
  ),
  q(
    'role',
    'i have to interview backend candidates for my team how do i run it fairly',
    '/questions/how-do-you-hire-backend-engineers/',
    '/topics/technical-hiring/',
  ),
];
