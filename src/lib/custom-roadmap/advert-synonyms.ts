/**
 * What adverts call a topic beyond its title and search terms, read by the advert matcher (advert-match.ts) as if
 * they were more search terms. Search terms are what learners type into the site's search; adverts also write
 * "containerised services", "Helm charts", "event-driven design", "database schema", "Argo CD" or "table-driven
 * tests". Keyed by topic id; a topic that is no longer in the catalog is skipped (tests/unit/custom-roadmap/advert-match.test.ts
 * checks every id is one of ours).
 */
export const ADVERT_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  // Containers and delivery.
  docker: ['dockerfile', 'containerized', 'containerize', 'container registry', 'podman'],
  kubernetes: ['helm chart', 'openshift'],
  'ci-cd': [
    'argo cd',
    'argocd',
    'gitops',
    'circleci',
    'travis ci',
    'buildkite',
    'teamcity',
    'deployment pipeline',
    'delivery pipeline',
    'release pipeline',
  ],
  // Observability.
  'distributed-tracing': ['distributed trace', 'trace propagation', 'trace context'],
  // Design.
  'event-driven-architecture': ['event driven'],
  'schema-design': ['database schema', 'db schema', 'data model', 'relational modeling', 'database modeling'],
  // Messaging.
  'message-queues': ['service bus', 'message bus', 'nats', 'activemq'],
  'background-jobs': ['task queue'],
  // Testing.
  'unit-testing': ['table driven test', 'rspec', 'mocha', 'testify'],
  tdd: ['tests first'],
  // Languages, tools and practices.
  'go-context': ['context cancellation'],
  'concurrency-and-parallelism': ['thread pool'],
  'git-workflows': ['trunk based'],
  'linux-command-line': ['command line'],
  'github-and-pull-requests': ['github'],
  'code-review-culture': ['review code'],
  // APIs, search and security.
  'backward-compatibility': ['backward compatible', 'backwards compatible', 'backwards compatibility'],
  'full-text-search': ['full text'],
  'session-authentication': ['session management'],
};

/** Topics that show an advert's sentence is about a relational database ("transactions and constraints"). */
const SQL_DATABASES = [
  'relational-databases',
  'sql',
  'postgresql',
  'mysql',
  'sql-server',
  'sqlite',
  'schema-design',
  'normalization',
  'database-indexes',
  'acid-transactions',
  'isolation-levels',
  'database-constraints',
  'database-migrations',
  'query-optimization',
  'orms',
  'prisma',
  'sequelize',
  'sqlalchemy',
  'django-orm',
  'gorm',
  'spring-data-jpa',
  'eloquent-orm',
  'entity-framework-core',
  'diesel',
];
/** …about any database ("replication and backups"). */
const DATABASES = [
  ...SQL_DATABASES,
  'nosql-databases',
  'mongodb',
  'redis',
  'dynamodb',
  'cassandra',
  'database-replication',
  'database-sharding',
];
const OBSERVABILITY = [
  'metrics-and-monitoring',
  'logging',
  'distributed-tracing',
  'opentelemetry',
  'alerting-and-slos',
  'apm',
];
const PERFORMANCE = [
  'caching-strategies',
  'query-optimization',
  'benchmarking',
  'memory-management',
  'load-testing',
  'apm',
];
const API_DESIGN = [
  'rest',
  'graphql',
  'grpc',
  'pagination',
  'api-versioning',
  'api-error-handling',
  'rest-resource-design',
  'openapi',
  'backward-compatibility',
];
const RUST = ['rust', 'rust-traits', 'rust-error-handling', 'tokio', 'axum', 'actix-web'];

/**
 * Everyday words that name a topic only beside another of its kind, in the same sentence or line: "traces" next
 * to OpenTelemetry or "structured logs", "transactions and constraints" next to PostgreSQL, "migrations" next to
 * Prisma or Django, "ownership" next to Rust. Alone they are prose ("real ownership", "leading large migrations",
 * "business metrics"). Each word as written (no plural is added); its topics; the topics that confirm it.
 */
export const ADVERT_CONTEXT_WORDS: readonly { words: readonly string[]; id: string; with: readonly string[] }[] = [
  { words: ['traces'], id: 'distributed-tracing', with: OBSERVABILITY },
  { words: ['metrics'], id: 'metrics-and-monitoring', with: OBSERVABILITY },
  { words: ['transactions'], id: 'acid-transactions', with: SQL_DATABASES },
  { words: ['constraints'], id: 'database-constraints', with: SQL_DATABASES },
  { words: ['schemas'], id: 'schema-design', with: SQL_DATABASES },
  { words: ['migrations'], id: 'database-migrations', with: [...SQL_DATABASES, 'django', 'laravel'] },
  { words: ['replication'], id: 'database-replication', with: DATABASES },
  { words: ['backups'], id: 'backup-and-recovery', with: DATABASES },
  { words: ['profiling'], id: 'performance-profiling', with: PERFORMANCE },
  { words: ['filtering'], id: 'filtering-and-sorting', with: API_DESIGN },
  { words: ['deprecation', 'deprecations'], id: 'api-deprecation', with: API_DESIGN },
  { words: ['ownership'], id: 'ownership-and-borrowing', with: RUST },
];
