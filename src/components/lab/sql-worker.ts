/**
 * The SQL lab engine: PostgreSQL 18 compiled to WebAssembly (PGlite), in a worker so a long query never freezes the
 * page. Every dataset of every run gets a new in-memory database (src/lib/labs/pglite-databases.ts).
 */
import { PGlite } from '@electric-sql/pglite';
import { serveSqlLabs } from '../../lib/labs/lab-servers.ts';
import { pgliteDatabases } from '../../lib/labs/pglite-databases.ts';
import type { EngineRequest } from '../../lib/labs/worker-protocol.ts';

serveSqlLabs(
  {
    post: (message) => postMessage(message),
    onRequest: (handle) => addEventListener('message', ({ data }: MessageEvent<EngineRequest>) => handle(data)),
  },
  pgliteDatabases((options) => PGlite.create(options)),
);
