/**
 * What learners type into search, and the page each query should find. Used by search-relevance.spec.ts against
 * the built index. `expect` lists the pages that count as a hit (more than one only where the query names two
 * things, e.g. "kafka vs rabbitmq" is answered by the question contrasting them or either topic). Typo queries
 * may follow one "Did you mean" click.
 */
type QueryKind = 'title' | 'abbreviation' | 'synonym' | 'symbol' | 'typo' | 'versus' | 'question' | 'role';

export interface RelevanceQuery {
  query: string;
  expect: string[];
  kind: QueryKind;
}

const q = (kind: QueryKind, query: string, ...expect: string[]): RelevanceQuery => ({ query, expect, kind });

/** The first query set, the one the ranking was first tuned on. */
export const FIRST_QUERIES: RelevanceQuery[] = [
  // A page whose title is the query.
  q('title', 'kafka', '/topics/kafka/'),
  q('title', 'redis', '/topics/redis/'),
  q('title', 'docker', '/topics/docker/'),
  q('title', 'go', '/topics/go/'),
  q('title', 'rust', '/topics/rust/'),
  q('title', 'sql', '/topics/sql/'),
  q('title', 'http', '/topics/http/'),
  q('title', 'caching strategies', '/topics/caching-strategies/'),
  q('title', 'api versioning', '/topics/api-versioning/'),
  q('title', 'graphql', '/topics/graphql/'),

  // Abbreviations and acronyms.
  q('abbreviation', 'k8s', '/topics/kubernetes/'),
  q('abbreviation', 'jwt', '/topics/jwt/'),
  q('abbreviation', 'ddd', '/topics/service-boundaries/'),
  q('abbreviation', 'iac', '/topics/infrastructure-as-code/'),
  q('abbreviation', 'orm', '/topics/orms/'),
  q('abbreviation', 'sso', '/topics/openid-connect/'),
  q('abbreviation', '2fa', '/topics/mfa/'),
  q('abbreviation', 'slo', '/topics/alerting-and-slos/'),
  q('abbreviation', 'idor', '/questions/broken-object-level-authorization/'),
  q('abbreviation', 'gil', '/questions/python-gil-explained/'),
  q('abbreviation', 'mvcc', '/questions/mvcc-and-vacuum-in-postgresql/'),
  q('abbreviation', 'lru', '/questions/implement-an-lru-cache/'),
  q('abbreviation', 'otel', '/topics/opentelemetry/'),
  q('abbreviation', 'wasm', '/topics/webassembly-on-the-server/'),
  q('abbreviation', 'ef core', '/topics/entity-framework-core/'),
  q('abbreviation', 'llm', '/topics/ai-llm-integration/'),
  q('abbreviation', 'sse', '/topics/server-sent-events/'),
  q('abbreviation', 'sre', '/roles/site-reliability-engineer/'),
  q('abbreviation', 'pkce', '/questions/oauth-authorization-code-pkce/'),

  // Other names and common phrasings.
  q('synonym', 'golang', '/topics/go/'),
  q('synonym', 'golang channels', '/topics/goroutines-and-channels/'),
  q('synonym', 'borrow checker', '/topics/ownership-and-borrowing/'),
  q('synonym', 'tinyurl', '/questions/design-a-url-shortener/'),
  q('synonym', 'c sharp', '/topics/csharp/'),
  q('synonym', 'n plus one', '/topics/n-plus-one-problem/'),
  q('synonym', 'postgres', '/topics/postgresql/'),
  q('synonym', 'hibernate', '/topics/spring-data-jpa/'),
  q('synonym', 'mocking', '/topics/test-doubles/'),
  q('synonym', 'env vars', '/topics/configuration-management/'),
  q('synonym', 'nginx', '/topics/web-servers/'),
  q('synonym', 'two phase commit', '/topics/distributed-transactions/'),
  q('synonym', 'exponential backoff', '/topics/retries-and-timeouts/'),
  q('synonym', 'garbage collector', '/topics/memory-management/'),
  q('synonym', 'todo app', '/projects/to-do-list-api/'),
  q('synonym', 'online shop backend', '/projects/ecommerce-backend/'),
  q('synonym', 'devops roadmap', '/roadmaps/backend-devops/'),
  q('synonym', 'outbox pattern', '/questions/what-is-the-transactional-outbox-pattern/'),

  // Symbols and short terms that a tokenizer would split or drop.
  q('symbol', 'n+1', '/topics/n-plus-one-problem/'),
  q('symbol', 'c#', '/topics/csharp/'),
  q('symbol', 'c++', '/topics/rust/', '/topics/webassembly-on-the-server/'),
  q('symbol', '.net', '/topics/csharp/'),
  q('symbol', 'http/2', '/topics/http2-http3/'),
  q('symbol', 'http/3', '/topics/http2-http3/'),
  q('symbol', 'oauth2', '/topics/oauth2/'),
  q('symbol', 'oauth 2.0', '/topics/oauth2/'),
  q('symbol', '404', '/topics/http-status-codes/'),
  q('symbol', 'async/await', '/topics/promises-async-await/'),
  q('symbol', 'ci/cd', '/topics/ci-cd/'),
  q('symbol', 'tcp/ip', '/topics/tcp-ip/'),
  q('symbol', 'asp.net core', '/topics/aspnet-core/'),
  q('symbol', 'node.js', '/topics/nodejs/'),
  q('symbol', 'p99', '/questions/why-p99-latency-matters-more-than-average/'),
  q('symbol', '@transactional', '/questions/spring-transactional-pitfalls/'),
  q('symbol', 'promise.all', '/questions/promise-all-vs-allsettled/'),

  // Typos: the page is found directly or after one "Did you mean" click.
  q('typo', 'postgress', '/topics/postgresql/'),
  q('typo', 'kubernets', '/topics/kubernetes/'),
  q('typo', 'kafak', '/topics/kafka/'),
  q('typo', 'elasticsearh', '/topics/elasticsearch/'),
  q('typo', 'djano', '/topics/django/'),
  q('typo', 'rabbitmg', '/topics/rabbitmq/'),
  q('typo', 'microservies', '/topics/microservices/'),
  q('typo', 'idempotancy', '/topics/idempotency/'),
  q('typo', 'terrafrom', '/topics/terraform/'),
  q('typo', 'authentification', '/topics/authentication/'),

  // "X vs Y": the comparison, the question, or one of the two topics.
  q('versus', 'sql vs nosql', '/topics/sql-vs-nosql/', '/questions/when-to-choose-sql-or-nosql/'),
  q('versus', 'rest vs graphql', '/questions/graphql-vs-rest/'),
  q(
    'versus',
    'monolith vs microservices',
    '/topics/monolith/',
    '/topics/microservices/',
    '/questions/how-would-you-migrate-a-monolith-to-microservices/',
  ),
  q('versus', 'kafka vs rabbitmq', '/questions/what-is-message-queuing/', '/topics/kafka/', '/topics/rabbitmq/'),
  q('versus', 'websockets vs sse', '/questions/websockets-vs-sse/'),
  q('versus', 'put vs patch', '/questions/put-vs-patch/'),
  q('versus', 'merge vs rebase', '/questions/git-merge-vs-rebase/'),
  q('versus', 'django vs fastapi', '/questions/django-vs-fastapi/'),
  q('versus', 'rbac vs abac', '/questions/rbac-vs-abac/'),
  q('versus', 'oauth vs oidc', '/questions/oidc-vs-oauth2/'),
  q('versus', 'liveness vs readiness', '/questions/kubernetes-liveness-vs-readiness-probes/'),
  q('versus', 'uuid vs auto increment', '/questions/uuid-vs-auto-increment-primary-keys/'),
  q('versus', '401 vs 403', '/questions/difference-between-401-and-403/'),
  q('versus', '404 vs 410', '/topics/http-status-codes/'),
  q('versus', 'python vs go', '/compare/backend-languages/', '/topics/python/', '/topics/go/'),
  q('versus', 'express vs fastify', '/compare/backend-frameworks/', '/topics/express/', '/topics/fastify/'),

  // Questions as a learner phrases them.
  q('question', 'what is a jwt', '/topics/jwt/', '/questions/explain-jwt-authentication/'),
  q('question', 'what is cqrs', '/topics/cqrs/', '/questions/when-would-you-use-cqrs/'),
  q('question', 'what is idempotency', '/topics/idempotency/'),
  q('question', 'what is a circuit breaker', '/topics/circuit-breaker/', '/questions/what-is-a-circuit-breaker/'),
  q('question', 'how does dns work', '/topics/dns/', '/questions/how-does-dns-resolution-work/'),
  q('question', 'what is the cap theorem', '/topics/cap-theorem/', '/questions/cap-theorem-in-practice/'),
  q('question', 'how to store passwords', '/questions/how-to-store-passwords/', '/topics/password-hashing/'),
  q(
    'question',
    'which database should i use',
    '/compare/databases/',
    '/topics/sql-vs-nosql/',
    '/questions/when-to-choose-sql-or-nosql/',
  ),
];

/**
 * Questions as a learner types them into the box, written (with the pages that answer them) before search learnt
 * to read questions in 2026-11: "how do I …", "what is …", "why is my … slow", "X vs Y" in the learner's words,
 * misspellings of the site's own words, and roadmap and role names. The spec counts them apart from the first set.
 */
export const LEARNER_QUESTIONS: RelevanceQuery[] = [
  // "How do I …": the page that shows how.
  q('question', 'how do i stop sql injection', '/topics/sql-injection/', '/questions/prevent-sql-injection/'),
  q('question', 'how do i make my api idempotent', '/topics/idempotency/', '/questions/idempotency-keys/'),
  q('question', 'how do i paginate an api', '/topics/pagination/', '/questions/cursor-vs-offset-pagination/'),
  q('question', 'how do i hash passwords', '/topics/password-hashing/', '/questions/how-to-store-passwords/'),
  q(
    'question',
    'how do i deploy without downtime',
    '/topics/zero-downtime-deployment/',
    '/questions/how-do-you-deploy-with-zero-downtime/',
    '/topics/deployment-strategies/',
  ),
  q('question', 'how can i rate limit my api', '/topics/rate-limiting/', '/questions/what-is-api-rate-limiting/'),
  q('question', 'how do i log out a user with jwt', '/questions/revoke-jwt/'),
  q('question', 'how do i protect against csrf', '/topics/csrf/', '/questions/prevent-csrf-attacks/'),
  q(
    'question',
    'how do i fix n+1 queries',
    '/topics/n-plus-one-problem/',
    '/questions/what-is-the-n-plus-one-problem/',
  ),
  q(
    'question',
    'how do i add a column without downtime',
    '/questions/change-a-large-table-without-downtime/',
    '/topics/zero-downtime-migrations/',
  ),
  q('question', 'how do i shut down a go server gracefully', '/questions/go-graceful-shutdown/'),

  // "What is …": the topic, or the question that asks exactly that.
  q('question', 'what is a reverse proxy', '/topics/web-servers/'),
  q('question', 'what is jwt', '/topics/jwt/', '/questions/explain-jwt-authentication/'),
  q('question', 'what is an index', '/topics/database-indexes/', '/questions/how-do-database-indexes-work/'),
  q('question', 'what is a message queue', '/topics/message-queues/', '/questions/what-is-message-queuing/'),
  q('question', 'what is a load balancer', '/topics/load-balancing/', '/questions/explain-load-balancing/'),
  q('question', 'what is an orm', '/topics/orms/'),
  q('question', 'what is cors', '/topics/cors/', '/questions/explain-cors-and-preflight-requests/'),
  q('question', 'what is eventual consistency', '/topics/consistency-models/'),
  q('question', 'what is a cdn', '/topics/cdn/'),
  q('question', 'what are microservices', '/topics/microservices/', '/questions/what-is-a-microservice/'),
  q('question', 'what is dependency injection', '/topics/dependency-injection/'),
  q('question', 'what is sharding', '/topics/database-sharding/', '/questions/how-to-choose-a-shard-key/'),
  q('question', 'what does idempotent mean', '/topics/idempotency/'),
  q('question', 'what is the event loop', '/topics/event-loop/', '/questions/node-event-loop-phases/'),

  // "Why is my … slow": the page that finds and fixes it.
  q('question', 'why is my query slow', '/questions/how-do-you-optimize-a-slow-query/', '/topics/query-optimization/'),
  q(
    'question',
    'why is my postgres query slow',
    '/questions/how-do-you-optimize-a-slow-query/',
    '/topics/query-optimization/',
  ),
  q(
    'question',
    'why is my api slow',
    '/topics/performance-profiling/',
    '/topics/apm/',
    '/questions/walk-me-through-debugging-a-latency-regression/',
  ),
  q(
    'question',
    'why does my page make so many queries',
    '/topics/n-plus-one-problem/',
    '/questions/what-is-the-n-plus-one-problem/',
  ),
  q('question', 'why is my node server slow', '/questions/node-cpu-bound-work/', '/topics/event-loop/'),
  q('question', 'postgres index', '/topics/database-indexes/'),

  // "X vs Y" in other words than the first set's.
  q('versus', 'graphql or rest', '/questions/graphql-vs-rest/'),
  q('versus', 'rabbitmq vs kafka', '/questions/what-is-message-queuing/', '/topics/kafka/', '/topics/rabbitmq/'),
  q('versus', 'should i use sql or nosql', '/topics/sql-vs-nosql/', '/questions/when-to-choose-sql-or-nosql/'),
  q('versus', 'difference between 401 and 403', '/questions/difference-between-401-and-403/'),
  q('versus', 'tcp vs udp', '/topics/tcp-ip/'),
  q('versus', 'process vs thread', '/topics/os-and-processes/', '/topics/concurrency-and-parallelism/'),
  q(
    'versus',
    'concurrency vs parallelism',
    '/questions/concurrency-vs-parallelism/',
    '/topics/concurrency-and-parallelism/',
  ),
  q('versus', 'authentication vs authorization', '/topics/authentication/', '/topics/authorization/'),
  q('versus', 'postgres vs mysql', '/compare/databases/', '/topics/postgresql/', '/topics/mysql/'),
  q('versus', 'docker vs kubernetes', '/topics/docker/', '/topics/kubernetes/'),
  q('versus', 'cookies vs local storage for jwt', '/questions/store-jwt-in-browser/'),

  // Misspellings of the site's own words.
  q('typo', 'rabitmq', '/topics/rabbitmq/'),
  q('typo', 'kuberentes', '/topics/kubernetes/'),
  q('typo', 'elasticsaerch', '/topics/elasticsearch/'),
  q('typo', 'graphlq', '/topics/graphql/'),
  q('typo', 'mongdb', '/topics/mongodb/'),
  q('typo', 'typscript', '/topics/typescript/'),
  q('typo', 'websokets', '/topics/websockets/'),
  q('typo', 'postgress index', '/topics/database-indexes/'),
  q('typo', 'redis cahce', '/topics/redis/'),

  // A roadmap or a role by its name, or by the wish to become one.
  q('role', 'backend developer roadmap', '/roadmaps/backend-developer/'),
  q(
    'role',
    'become a backend developer',
    '/roadmaps/backend-developer/',
    '/roles/junior-backend-developer/',
    '/roadmaps/beginner-path/',
  ),
  q('role', 'devops engineer', '/roles/backend-devops-engineer/', '/roadmaps/backend-devops/'),
  q('role', 'site reliability engineer', '/roles/site-reliability-engineer/'),
  q('role', 'how to become a devops engineer', '/roles/backend-devops-engineer/', '/roadmaps/backend-devops/'),
  q('role', 'python developer', '/roles/python-developer/', '/roadmaps/python/'),
  q('role', 'node.js developer roadmap', '/roadmaps/nodejs/', '/roles/nodejs-developer/'),
  q('role', 'java developer', '/roles/java-spring-boot-developer/', '/roadmaps/java-spring-boot/'),
  q('role', 'how to become a software architect', '/roles/system-architect/'),
  q('role', 'database administrator', '/roles/database-architect/'),
  q('role', 'junior developer', '/roles/junior-backend-developer/'),
];
