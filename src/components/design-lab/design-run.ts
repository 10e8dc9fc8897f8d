/**
 * The design lab's heavy half, loaded on the first edit of the design or the first run (design-lab.ts): the
 * design's problems (its text, and any measured number it changed) and diagram redrawn as the learner types, and a
 * run of every hidden scenario through the simulator in a worker (design-worker.ts), its results shown and recorded
 * in the progress store like any lab's.
 */
import {
  describeDesign,
  designDiagram,
  toElement,
  designProblems,
  type DesignOutcome,
  outcomeSummary,
  type ScenarioOutcome,
} from '../../lib/labs/design/index.ts';
import { withLabRun } from '../../lib/labs/shared/lab-progress.ts';
import { h } from '../dom.ts';
import { startStopButton } from '../lab/run-stop.ts';
import { part } from '../parts.ts';
import { getProgress, saveProgress } from '../progress/progress.ts';
import type { DesignPageSpec, DesignRunReply, DesignRunRequest } from './design-protocol.ts';
import { showScenario } from './design-results.ts';

const REDRAW_DELAY_MS = 250;

export interface DesignRun {
  run(): Promise<void>;
  redraw(): void;
}

export function startDesignRun(
  root: HTMLElement,
  spec: DesignPageSpec,
  text: () => string,
  signal: AbortSignal,
): DesignRun {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  const field = part(root, '[data-design]', HTMLTextAreaElement);
  const redraw = () => {
    clearTimeout(timer);
    drawDesign(root, spec, text());
  };
  const simulator = startSimulator(signal);
  const whileBusy = startStopButton(root, simulator.stop, signal);
  field.addEventListener(
    'input',
    () => {
      clearTimeout(timer);
      timer = setTimeout(redraw, REDRAW_DELAY_MS);
    },
    { signal },
  );
  const run = async () => {
    if (running) return;
    running = true;
    const button = part(root, '[data-run]', HTMLButtonElement);
    const state = part(root, '[data-engine-state]');
    const announce = part(root, '[data-announce]');
    button.disabled = true;
    state.textContent = 'Running the scenarios…';
    announce.textContent = '';
    announce.removeAttribute('data-passed');
    const started = performance.now();
    try {
      const outcome = await whileBusy(runAll(root, spec, text(), state, simulator.run));
      const ms = performance.now() - started;
      if (outcome.problems.length > 0) part(root, '[data-results]').replaceChildren();
      if (outcome.problems.length === 0) record(spec.id, outcome.passed);
      announce.dataset.passed = String(outcome.passed);
      announce.textContent = outcomeSummary(outcome);
      if (outcome.passed) {
        const next = part(root, '[data-next-step]');
        next.hidden = false;
        announce.append(h('span', 'sr-only', {}, ` ${next.dataset.say ?? ''}`));
      }
      state.textContent = `Ran in ${Math.round(ms)} ms.`;
      root.dispatchEvent(new CustomEvent('lab-run', { bubbles: true, detail: { passed: outcome.passed, ms } }));
    } catch (error) {
      announce.textContent = failureText(error as Error);
      state.textContent = '';
    } finally {
      running = false;
      button.disabled = false;
    }
  };
  redraw();
  root.dataset.ready = 'true';
  return { run, redraw };
}

type Simulator = (
  request: Omit<DesignRunRequest, 'run'>,
  progress: (scenario: ScenarioOutcome, done: number) => void,
) => Promise<DesignOutcome['scenarios']>;

/** A run the learner stopped with Stop. */
class StoppedRun extends Error {}

const failureText = (error: Error) =>
  error instanceof StoppedRun
    ? 'Stopped: you stopped the run before every scenario had run, so nothing was recorded. Run the scenarios again when you are ready.'
    : `The simulator failed: ${error.message}`;

/**
 * The simulator's worker, started on the first run and ended with the page's element; `stop` ends it mid-run (the
 * run rejects with StoppedRun) and the next run starts a new one.
 */
function startSimulator(signal: AbortSignal): { run: Simulator; stop: () => void } {
  let worker: Worker | undefined;
  let runs = 0;
  let stopRun: (() => void) | undefined;
  signal.addEventListener('abort', () => worker?.terminate());
  const stop = () => {
    worker?.terminate();
    worker = undefined;
    stopRun?.();
  };
  const run: Simulator = (request, progress) =>
    new Promise((resolve, reject) => {
      worker ??= new Worker(new URL('./design-worker.ts', import.meta.url), { type: 'module', name: 'lab-design' });
      const current = worker;
      const run = ++runs;
      const outcomes: DesignOutcome['scenarios'] = [];
      const onMessage = ({ data }: MessageEvent<DesignRunReply>) => {
        if (data.run !== run) return;
        if ('outcome' in data) {
          outcomes[data.index] = data.outcome;
          progress(data.outcome, outcomes.length);
        } else finish(() => ('error' in data ? reject(new Error(data.error)) : resolve(outcomes)));
      };
      const onError = (event: ErrorEvent) => finish(() => reject(new Error(event.message || 'the worker stopped')));
      const finish = (settle: () => void) => {
        current.removeEventListener('message', onMessage);
        current.removeEventListener('error', onError);
        stopRun = undefined;
        settle();
      };
      stopRun = () => finish(() => reject(new StoppedRun('stopped')));
      current.addEventListener('message', onMessage);
      current.addEventListener('error', onError);
      current.postMessage({ run, ...request } satisfies DesignRunRequest);
    });
  return { run, stop };
}

/** Every scenario in the worker, each shown as it comes back; problems in the text stop it first. */
async function runAll(root: HTMLElement, spec: DesignPageSpec, text: string, state: HTMLElement, simulate: Simulator) {
  const { design, problems } = drawDesign(root, spec, text);
  const outcome: DesignOutcome = { passed: false, problems, scenarios: [] };
  if (!design) return outcome;
  const total = spec.scenarios.length;
  state.textContent = `Running scenario 1 of ${total}…`;
  outcome.scenarios = await simulate({ text, scenarios: spec.scenarios }, (scenario, done) => {
    showScenario(part(root, '[data-results]'), scenario, done === 1);
    if (done < total) state.textContent = `Running scenario ${done + 1} of ${total}…`;
  });
  outcome.passed = outcome.scenarios.every((s) => s.passed);
  return outcome;
}

function record(id: string, passed: boolean) {
  const progress = getProgress();
  saveProgress({ ...progress, labs: withLabRun(progress.labs, id, passed) });
}

/** Problems listed under the editor, or the diagram and its text redrawn; returns the design or its problems. */
function drawDesign(root: HTMLElement, spec: DesignPageSpec, text: string) {
  const found = designProblems(spec, text);
  const { design, problems } = found;
  const field = part(root, '[data-design]', HTMLTextAreaElement);
  const list = part(root, '[data-problems]');
  field.setAttribute('aria-invalid', String(problems.length > 0));
  list.replaceChildren(
    ...(problems.length > 0
      ? [
          h(
            'p',
            'font-semibold',
            {},
            problems.length === 1 ? 'A problem to fix:' : `${problems.length} problems to fix:`,
          ),
          h('ul', 'design-problem-list', {}, ...problems.slice(0, 8).map((p) => h('li', '', {}, p))),
        ]
      : []),
  );
  const figure = part(root, '[data-diagram-figure]');
  figure.dataset.stale = String(!design);
  if (!design) return found;
  part(figure, '[data-diagram]').replaceChildren(
    toElement(designDiagram(design, 'Diagram: your design, drawn from the text', 'learner')),
  );
  part(figure, '[data-diagram-text]').replaceChildren(...describeDesign(design).map((s) => h('li', '', {}, s)));
  return found;
}
