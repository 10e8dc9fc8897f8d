/** Serves SQL labs on an engine's port: each run on new databases of `databases` (src/lib/labs/database/). */
import type { OpenDatabase } from '../database/sql-session.ts';
import { announce, answerRequests } from '../shared/serve.ts';
import type { ServerPort } from '../shared/worker-protocol.ts';
import { runSqlLab } from './sql-lab.ts';
import { isSqlLab } from './sql-spec.ts';

export function serveSqlLabs(port: ServerPort, databases: Promise<OpenDatabase>) {
  announce(port, databases);
  answerRequests(port, async ({ type, id, lab, code }) => {
    if (type !== 'run' || !isSqlLab(lab)) return;
    const run = await runSqlLab(await databases, lab, code, {
      onSetup: () => port.post({ type: 'setup', id }),
      onStart: () => port.post({ type: 'started', id }),
    });
    port.post({ type: 'result', id, run });
  });
}
