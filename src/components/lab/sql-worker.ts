/**
 * The SQL lab engine: PostgreSQL 18 compiled to WebAssembly (PGlite), in a worker so a long query never freezes the
 * page. It loads its files with a count the page shows, starts on the empty cluster the build made
 * (pglite-start.ts), and every dataset of every run gets an empty in-memory database (src/lib/labs/pglite-databases.ts).
 */
import { serveSqlLabs } from '../../lib/labs/sql/index.ts';
import type { EngineRequest, WorkerReply } from '../../lib/labs/shared/worker-protocol.ts';
import { pageDatabases } from './pglite-start.ts';

const post = (message: WorkerReply) => postMessage(message);
serveSqlLabs(
  { post, onRequest: (handle) => addEventListener('message', ({ data }: MessageEvent<EngineRequest>) => handle(data)) },
  pageDatabases(post),
);
