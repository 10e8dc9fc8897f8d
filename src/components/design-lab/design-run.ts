/**
 * The design lab's heavy half, loaded on the first edit of the design or the first run (design-lab.ts): the
 * design's problems and diagram redrawn as the learner types, and a run of every hidden scenario through the
 * simulator (src/lib/design/), its results shown and recorded in the progress store like any lab's.
 */
import { parseDesign } from '../../lib/design/parse.ts';
import { errorText } from '../../lib/design/model.ts';
import { describeDesign, designDiagram } from '../../lib/design-view/diagram.ts';
import { toElement } from '../../lib/design-view/svg-tree.ts';
import { type LabScenario, runScenario } from '../../lib/labs/design-grade.ts';
import { type DesignOutcome, outcomeSummary } from '../../lib/labs/design-outcome.ts';
import { withLabRun } from '../../lib/labs/lab-progress.ts';
import { h } from '../dom.ts';
import { part } from '../parts.ts';
import { getProgress, saveProgress } from '../progress/progress.ts';
import type { DesignPageSpec } from './design-lab.ts';
import { renderOutcome } from './design-results.ts';

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
    drawDesign(root, text());
  };
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
      const outcome = await runAll(root, spec.scenarios as LabScenario[], text(), state);
      const ms = performance.now() - started;
      renderOutcome(part(root, '[data-results]'), outcome);
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
      announce.textContent = `The simulator failed: ${(error as Error).message}`;
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

/** Every scenario, one at a time, the page painting between them; problems in the text stop it first. */
async function runAll(root: HTMLElement, scenarios: LabScenario[], text: string, state: HTMLElement) {
  const problems = drawDesign(root, text);
  const { design } = parseDesign(text);
  const outcome: DesignOutcome = { passed: false, problems, scenarios: [] };
  if (!design) return outcome;
  for (const [i, scenario] of scenarios.entries()) {
    state.textContent = `Running scenario ${i + 1} of ${scenarios.length}…`;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    outcome.scenarios.push(runScenario(design, scenario));
  }
  outcome.passed = outcome.scenarios.every((s) => s.passed);
  return outcome;
}

function record(id: string, passed: boolean) {
  const progress = getProgress();
  saveProgress({ ...progress, labs: withLabRun(progress.labs, id, passed) });
}

/** Problems listed under the editor, or the diagram and its text redrawn; returns the problems in words. */
function drawDesign(root: HTMLElement, text: string): string[] {
  const { design, errors } = parseDesign(text);
  const field = part(root, '[data-design]', HTMLTextAreaElement);
  const list = part(root, '[data-problems]');
  const problems = errors.map(errorText);
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
  if (!design) return problems;
  part(figure, '[data-diagram]').replaceChildren(
    toElement(designDiagram(design, 'Diagram: your design, drawn from the text', 'learner')),
  );
  part(figure, '[data-diagram-text]').replaceChildren(...describeDesign(design).map((s) => h('li', '', {}, s)));
  return problems;
}
