/**
 * What learners type into search, and the page each query should find. Used by search-relevance.spec.ts against
 * the built index. `expect` lists the pages that count as a hit (more than one only where the query names two
 * things, e.g. "kafka vs rabbitmq" is answered by the question contrasting them or either topic). Typo queries
 * may follow one "Did you mean" click.
 */
export type QueryKind = 'title' | 'abbreviation' | 'synonym' | 'symbol' | 'typo' | 'versus' | 'question';

export interface RelevanceQuery {
  query: string;
  expect: string[];
  kind: QueryKind;
}

const q = (kind: QueryKind, query: string, ...expect: string[]): RelevanceQuery => ({ query, expect, kind });

export const RELEVANCE_QUERIES: RelevanceQuery[] = [
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
