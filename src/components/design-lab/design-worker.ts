/**
 * The design lab's simulator off the page's thread: a run of every hidden scenario takes from tens of milliseconds
 * to seconds on a slow phone, which on the main thread would freeze typing and scrolling. The page posts the design's
 * text and the scenarios; each scenario's outcome comes back as soon as it is graded, then `done`.
 */
import { parseDesign, type LabScenario, runScenario } from '../../lib/labs/design/index.ts';
import type { DesignRunReply, DesignRunRequest } from './design-protocol.ts';

const reply = (message: DesignRunReply) => postMessage(message);

addEventListener('message', ({ data }: MessageEvent<DesignRunRequest>) => {
  try {
    const { design, errors } = parseDesign(data.text);
    if (!design) throw new Error(errors[0]?.message ?? 'the design could not be read');
    (data.scenarios as LabScenario[]).forEach((scenario, index) =>
      reply({ run: data.run, index, outcome: runScenario(design, scenario) }),
    );
    reply({ run: data.run, done: true });
  } catch (error) {
    reply({ run: data.run, error: (error as Error).message });
  }
});
