/**
 * Serves design labs on a worker's port, as every other kind is served: a run is the learner's design through each
 * hidden scenario on every seed (grading/design-grade.ts), told as a LabRun with one check per scenario.
 */
import { announce, answerRequests } from '../shared/serve.ts';
import type { ServerPort } from '../shared/worker-protocol.ts';
import { designKind } from './design-spec.ts';
import { designLabRun, runDesignLab } from './grading/design-grade.ts';

export function serveDesignLabs(port: ServerPort) {
  announce(port, Promise.resolve());
  answerRequests(port, async ({ type, id, lab, code }) => {
    if (type !== 'run' || !designKind.owns(lab)) return;
    port.post({ type: 'started', id });
    port.post({ type: 'result', id, run: await Promise.resolve(designLabRun(runDesignLab(lab, code))) });
  });
}
