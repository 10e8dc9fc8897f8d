/**
 * The SQL lab engine: PostgreSQL 18 compiled to WebAssembly (PGlite), in a worker so a long query never freezes the
 * page. One in-memory database per worker, emptied and set up afresh for every run (src/lib/labs/sql-lab.ts).
 */
import { PGlite } from '@electric-sql/pglite';
import { runSqlLab } from '../../lib/labs/sql-lab.ts';
import type { RunRequest, WorkerReply } from './worker-protocol.ts';

const reply = (message: WorkerReply) => postMessage(message);
const database = PGlite.create();
database.then(
  () => reply({ type: 'ready' }),
  (error: Error) => reply({ type: 'failed', message: error.message }),
);

addEventListener('message', async ({ data }: MessageEvent<RunRequest>) => {
  if (data.lab.language !== 'sql') return;
  try {
    const run = await runSqlLab(await database, data.lab, data.code, () => reply({ type: 'started', id: data.id }));
    reply({ type: 'result', id: data.id, run });
  } catch (error) {
    reply({ type: 'crashed', id: data.id, message: (error as Error).message });
  }
});
